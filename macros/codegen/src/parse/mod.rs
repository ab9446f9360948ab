//! Parsers: one module per input format. A parser turns one file's text into model items and
//! diagnostics; it knows nothing of Rust.

pub mod speakeasy;
pub mod typedoc;
pub mod typescript;

use crate::diagnostic::Diagnostics;
use crate::model::TypeDef;
use crate::read::{SourceFile, SourceKind};

/// Parses one file with the parser its kind calls for.
///
/// Problems go with the declaration they are found in ([`TypeDef::diagnostics`]), so that with
/// `roots` only needed declarations report theirs. The TypeScript parser attaches them itself;
/// a Speakeasy doc or a TypeDoc page declares one type (and the types made from its inline
/// parts), which gets every problem of the file. A file that declares nothing has problems
/// attached to nothing ([`Diagnostics::push_unattached`]).
pub fn parse_file(file: &SourceFile, diags: &mut Diagnostics) -> Vec<TypeDef> {
    parse_file_with(file, speakeasy::parse, diags)
}

/// [`parse_file`] for `check`: the same types and diagnostics, with empty docs where a parser
/// can skip making them (Speakeasy docs, most of a corpus's text); the others' docs are left
/// for the caller to drop.
pub fn parse_file_without_docs(file: &SourceFile, diags: &mut Diagnostics) -> Vec<TypeDef> {
    parse_file_with(file, speakeasy::parse_without_docs, diags)
}

type Parser = fn(&SourceFile, &mut Diagnostics) -> Vec<TypeDef>;

/// [`parse_file`], with `speakeasy_parse` for Speakeasy docs.
fn parse_file_with(file: &SourceFile, speakeasy_parse: Parser, diags: &mut Diagnostics) -> Vec<TypeDef> {
    let one_type_per_file = |parse: Parser, diags: &mut Diagnostics| {
        let mut found = Diagnostics::new();
        let mut types = parse(file, &mut found);
        let found = found.into_sorted();
        match types.as_mut_slice() {
            [] => found.into_iter().for_each(|d| diags.push_unattached(d)),
            types => types.iter_mut().for_each(|t| t.diagnostics.extend(found.iter().cloned())),
        }
        types
    };
    match file.kind {
        SourceKind::SpeakeasyMarkdown => one_type_per_file(speakeasy_parse, diags),
        SourceKind::TypeScript => typescript::parse(file, diags),
        SourceKind::TypeDocText => one_type_per_file(typedoc::parse, diags),
        // Overrides are read by `config`, not by a schema parser.
        SourceKind::Config => Vec::new(),
    }
}
