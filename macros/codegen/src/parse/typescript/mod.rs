//! TypeScript declarations (`.ts`, `.d.ts`).
//!
//! The subset of `shared/design/typescript.md` (Grammar): interfaces, classes, enums, type
//! aliases and namespaces, with JSDoc. The [`lexer`] makes comments, strings and templates
//! tokens; `syntax` and `members` read types and member lists into a small syntax tree;
//! `lower` turns that into the model, generating named types for what TypeScript writes
//! inline; `items` reads declarations and merges interfaces declared twice.

mod cursor;
mod enum_;
mod imports;
mod items;
mod jsdoc;
pub mod lexer;
mod lower;
mod members;
mod output;
mod repeats;
mod syntax;

#[cfg(test)]
mod tests;

use std::sync::Arc;

use cursor::Ctx;
use output::Output;

use crate::diagnostic::Diagnostics;
use crate::model::TypeDef;

/// Where a piece of TypeScript source sits.
pub struct Origin<'a> {
    /// The file as messages show it (`schemas/openai/completions.ts`).
    pub display: &'a Arc<str>,
    /// The file relative to the schema root (`TypeDef::file`).
    pub rel: &'a str,
    /// The folder of the file relative to the schema root (`TypeDef::dir` before namespaces).
    pub dir: &'a str,
}

/// Parses a `.ts` / `.d.ts` file.
pub fn parse(file: &crate::read::SourceFile, diags: &mut Diagnostics) -> Vec<TypeDef> {
    parse_source(&file.text, &Origin { display: &file.display, rel: &file.rel, dir: &file.dir }, diags)
}

/// Parses TypeScript declarations; line/col in diagnostics and locations are positions in `text`.
pub fn parse_source(text: &str, origin: &Origin<'_>, diags: &mut Diagnostics) -> Vec<TypeDef> {
    let (toks, truncated) = lexer::lex_to_end(text, origin.display, diags);
    // After an unterminated string or comment the tokens stop early: every brace still open
    // would be reported too, so the lexer's error is the only one.
    let quiet = u32::from(truncated);
    let mut ctx =
        Ctx { text, file: origin.display, rel: origin.rel, toks, pos: 0, diags, quiet, held: None, held_name: None };
    let mut out = Output::default();
    ctx.items(origin.dir, None, 0, &mut out);
    out.finish(origin.dir)
}
