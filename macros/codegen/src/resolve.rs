//! The resolver: links references across files, breaks cycles, finds name collisions.

use crate::diagnostic::Diagnostics;
use crate::model::Schema;

pub fn resolve(_schema: &mut Schema, _diags: &mut Diagnostics) {}
