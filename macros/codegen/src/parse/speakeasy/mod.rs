//! Speakeasy-generated markdown model docs (Python and TypeScript flavours).

use crate::diagnostic::Diagnostics;
use crate::model::TypeDef;
use crate::read::SourceFile;

/// Parses one Speakeasy model doc: an object, enum or union doc, either flavour.
pub fn parse(_file: &SourceFile, _diags: &mut Diagnostics) -> Vec<TypeDef> {
    Vec::new()
}
