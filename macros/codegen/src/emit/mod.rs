//! The emitter: the resolved model to Rust tokens. It knows nothing of markdown or TypeScript.

use proc_macro2::TokenStream;

use crate::diagnostic::Diagnostics;
use crate::model::Schema;

/// Rust items for every type in `schema`, one module per schema folder.
pub fn emit(_schema: &Schema, _diags: &mut Diagnostics) -> TokenStream {
    TokenStream::new()
}
