//! The text of a TypeDoc HTML page (`.txt`, as copied from a browser).
//!
//! The page is not parsed as a format of its own: its TypeScript (an interface's signature
//! block, a class's or enum's member signatures, a type alias's signature) is laid into a
//! synthetic source with as many lines as the page, each piece on the line and at the column
//! where the page shows it, and the TypeScript parser reads that. Every location it reports
//! is therefore a place on the page. The page's prose (its description and each member's
//! section) is then attached to the types, fields and enum values by name.
//!
//! See `shared/design/typescript.md` §4 for what TypeDoc renders and what it loses.

mod page;
mod synth;

#[cfg(test)]
mod tests;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{Location, TypeDef, TypeKind};
use crate::parse::typescript::{parse_source, Origin};
use crate::read::SourceFile;

use page::{MemberDoc, Page};

/// Parses one TypeDoc page: one type (plus whatever the TypeScript parser derives from it,
/// such as inline object types). Nothing is returned for a page without a header.
pub fn parse(file: &SourceFile, diags: &mut Diagnostics) -> Vec<TypeDef> {
    let lines = page::normalize(&file.text);
    let header = match page::find_header(&lines) {
        Ok(header) => header,
        Err(none) => {
            diags.push(no_header(file, &lines, &none));
            return Vec::new();
        }
    };
    let page = page::scan(&lines, header);
    for p in &page.problems {
        let loc = loc_of(file, &lines, p.idx, p.at);
        diags.push(Diagnostic::new(loc, p.message.clone()).with_note(p.note.clone()));
    }
    // An unclosed signature block is copied without a `}`, so the TypeScript parser reports
    // it at the block's `{` on the page.
    let source = synth::build(&lines, &page);
    let origin = Origin { display: &file.display, rel: &file.rel, dir: &file.dir };
    let mut types = parse_source(&source, &origin, diags);
    attach(&page, &mut types);
    types
}

/// The diagnostic for a file without a TypeDoc header.
fn no_header(file: &SourceFile, lines: &[String], none: &page::NoHeader) -> Diagnostic {
    const EXPECTED: &str = "expected `Interface X`, `Class X`, `Enumeration X` or `Type Alias X`";
    let note = format!("{EXPECTED} as the page's title line (after any breadcrumbs); copy the whole TypeDoc page");
    match (&none.at, none.other_kind) {
        (Some((idx, at)), Some(kind)) => Diagnostic::new(
            loc_of(file, lines, *idx, *at),
            format!("TypeDoc `{kind}` page `{}` declares no type", quote(&none.text)),
        )
        .with_note(format!("only interface, class, enumeration and type alias pages declare types; {EXPECTED}")),
        (Some((idx, at)), None) => Diagnostic::new(
            loc_of(file, lines, *idx, *at),
            format!("not a TypeDoc page: the first line is `{}`", quote(&none.text)),
        )
        .with_note(note),
        (None, _) => {
            Diagnostic::new(Location::new(&file.display, 1, 1), "not a TypeDoc page: the file has no header line")
                .with_note(note)
        }
    }
}

/// The location of byte `at` of (normalised) line `idx`.
fn loc_of(file: &SourceFile, lines: &[String], idx: usize, at: usize) -> Location {
    let line = lines.get(idx).map_or("", String::as_str);
    let col = line.get(..at.min(line.len())).map_or(1, |p| p.chars().count() + 1);
    Location::new(&file.display, u32::try_from(idx + 1).unwrap_or(u32::MAX), u32::try_from(col).unwrap_or(u32::MAX))
}

/// Offending text as a message quotes it: at most 80 characters.
fn quote(text: &str) -> String {
    const MAX: usize = 80;
    match text.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// Puts the page's prose on the type it declares and on its fields and enum values.
fn attach(page: &Page, types: &mut [TypeDef]) {
    let Some(def) = types.iter_mut().find(|t| t.name == page.header.name) else {
        return;
    };
    if !page.docs.is_empty() {
        def.docs = page.docs.clone();
    }
    if page.deprecated.is_some() {
        def.deprecated = page.deprecated.clone();
    }
    let find = |name: &str| -> Option<&MemberDoc> { page.members.iter().find(|m| m.name == name) };
    match &mut def.kind {
        TypeKind::Struct(s) => {
            for field in &mut s.fields {
                if let Some(m) = find(&field.name) {
                    if !m.docs.is_empty() {
                        field.docs = m.docs.clone();
                    }
                    if m.deprecated.is_some() {
                        field.deprecated = m.deprecated.clone();
                    }
                }
            }
        }
        TypeKind::Enum(e) => {
            for value in &mut e.values {
                if let Some(m) = value.member.as_deref().and_then(find) {
                    if !m.docs.is_empty() {
                        value.docs = m.docs.clone();
                    }
                    if m.deprecated.is_some() {
                        value.deprecated = m.deprecated.clone();
                    }
                }
            }
        }
        TypeKind::Union(_) | TypeKind::Alias(_) | TypeKind::Unsupported(_) => {}
    }
}
