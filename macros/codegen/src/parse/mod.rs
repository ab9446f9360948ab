//! Parsers: one module per input format. A parser turns one file's text into model items and
//! diagnostics; it knows nothing of Rust.

pub mod speakeasy;
pub mod typedoc;
pub mod typescript;

use crate::diagnostic::Diagnostics;
use crate::model::TypeDef;
use crate::read::{SourceFile, SourceKind};

/// Parses one file with the parser its kind calls for.
pub fn parse_file(file: &SourceFile, diags: &mut Diagnostics) -> Vec<TypeDef> {
    match file.kind {
        SourceKind::SpeakeasyMarkdown => speakeasy::parse(file, diags),
        SourceKind::TypeScript => typescript::parse(file, diags),
        SourceKind::TypeDocText => typedoc::parse(file, diags),
        // Overrides are read by `config`, not by a schema parser.
        SourceKind::Config => Vec::new(),
    }
}
