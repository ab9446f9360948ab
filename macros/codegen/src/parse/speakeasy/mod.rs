//! Speakeasy-generated markdown model docs (Python and TypeScript flavours).
//!
//! The format is line based (see `shared/design/speakeasy-markdown.md`): an H1 with the type
//! name, optional prose, then one body section: `## Fields` (a table: an object), `## Values`
//! (an enum) or `## Supported Types` (a union). This module splits the document into its
//! sections and hands each to the parser of its concept.

mod cursor;
mod docs;
mod enum_;
mod enum_table;
mod heading_type;
mod object;
mod table;
mod type_cell;
mod union;

#[cfg(test)]
mod corpus_tests;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{Location, StructDef, TypeDef, TypeKind};
use crate::read::SourceFile;

/// Which SDK generator wrote the doc: it decides the Type-cell and heading grammars.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Flavour {
    Python,
    TypeScript,
}

/// One file being parsed: its lines, its flavour and where its diagnostics go.
pub(crate) struct Ctx<'a> {
    pub file: &'a SourceFile,
    pub lines: Vec<&'a str>,
    pub flavour: Flavour,
    pub diags: &'a mut Diagnostics,
    /// Whether descriptions become [`crate::model::Docs`]; `check` needs none (deprecation
    /// notes are read either way).
    pub docs: bool,
}

impl<'a> Ctx<'a> {
    /// The prose of these lines, and its deprecation note ([`docs::prose`]).
    fn prose(&self, lines: std::ops::Range<usize>) -> (crate::model::Docs, Option<String>) {
        let lines = self.lines.get(lines).unwrap_or(&[]);
        if self.docs {
            docs::prose(lines)
        } else {
            (crate::model::Docs::default(), docs::prose_note(lines))
        }
    }

    /// A Description cell's docs and deprecation note ([`docs::cell`]).
    fn cell(&self, raw: &str) -> (crate::model::Docs, Option<String>) {
        if self.docs {
            docs::cell(raw)
        } else {
            (crate::model::Docs::default(), docs::cell_note(raw))
        }
    }

    /// The location of byte `byte` of line `idx` (0-based index into `lines`).
    pub fn loc(&self, idx: usize, byte: usize) -> Location {
        let line = self.lines.get(idx).copied().unwrap_or("");
        Location::new(&self.file.display, line_no(idx), col_of(line, byte))
    }

    pub fn error(&mut self, idx: usize, byte: usize, message: impl Into<String>, note: impl Into<String>) {
        let loc = self.loc(idx, byte);
        self.diags.push(Diagnostic::new(loc, message).with_note(note));
    }

    fn line(&self, idx: usize) -> &'a str {
        self.lines.get(idx).copied().unwrap_or("")
    }
}

/// 1-based line number of a 0-based line index.
pub(crate) fn line_no(idx: usize) -> u32 {
    u32::try_from(idx.saturating_add(1)).unwrap_or(u32::MAX)
}

/// 1-based character column of byte offset `byte` in `line`.
pub(crate) fn col_of(line: &str, byte: usize) -> u32 {
    let mut b = byte.min(line.len());
    while b > 0 && !line.is_char_boundary(b) {
        b -= 1;
    }
    let prefix = line.get(..b).unwrap_or("");
    u32::try_from(prefix.chars().count() + 1).unwrap_or(u32::MAX)
}

/// Offending text as a message quotes it: at most 80 characters.
pub(crate) fn quote(text: &str) -> String {
    const MAX: usize = 80;
    match text.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", text.get(..cut).unwrap_or(text)),
        None => text.to_string(),
    }
}

/// Byte offset of `part` inside `whole`, when `part` is a subslice of it.
pub(crate) fn offset_in(whole: &str, part: &str) -> usize {
    (part.as_ptr() as usize).saturating_sub(whole.as_ptr() as usize).min(whole.len())
}

/// Parses one Speakeasy model doc: an object, enum or union doc, either flavour.
///
/// Returns one type per file, except for docs that define a second type under an extra
/// `## Name` heading with a `### Fields` table (`utils/retryconfig.md`'s `BackoffStrategy`),
/// which return that type too. Nothing is returned for a file without an H1.
pub fn parse(file: &SourceFile, diags: &mut Diagnostics) -> Vec<TypeDef> {
    parse_with(file, true, diags)
}

/// [`parse`], building docs only if `docs`: the same types and diagnostics otherwise, every
/// doc empty (what `check` keeps of them).
pub fn parse_without_docs(file: &SourceFile, diags: &mut Diagnostics) -> Vec<TypeDef> {
    parse_with(file, false, diags)
}

fn parse_with(file: &SourceFile, docs: bool, diags: &mut Diagnostics) -> Vec<TypeDef> {
    // Room for a typical doc's lines at once: growing from empty took four allocations a file.
    let mut lines: Vec<&str> = Vec::with_capacity(64);
    let text = file.text.as_str();
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len())) {
        // `\n` is ASCII, so both ends are char boundaries.
        let line = text.get(start..end).unwrap_or("");
        lines.push(line.strip_suffix('\r').unwrap_or(line));
        start = end + 1;
    }
    let flavour =
        if lines.iter().any(|l| l.starts_with("```typescript")) { Flavour::TypeScript } else { Flavour::Python };
    let mut ctx = Ctx { file, lines, flavour, diags, docs };
    parse_document(&mut ctx)
}

/// A `##`/`###` heading outside code blocks.
#[derive(Debug, Clone, Copy)]
struct Heading<'a> {
    idx: usize,
    level: usize,
    title: &'a str,
}

const BODY_NOTE: &str =
    "a Speakeasy model doc has exactly one of `## Fields` (an object), `## Values` (an enum) or `## Supported Types` (a union)";

fn parse_document<'a>(ctx: &mut Ctx<'a>) -> Vec<TypeDef> {
    let Some(h1) = ctx.lines.iter().position(|l| !l.trim().is_empty()) else {
        ctx.error(
            0,
            0,
            "missing `# Name` heading: the file is blank",
            "a Speakeasy model doc starts with `# TypeName`",
        );
        return Vec::new();
    };
    let h1_line = ctx.line(h1);
    let Some(title) = h1_line.strip_prefix("# ") else {
        let msg = format!("missing `# Name` heading: the first line is `{}`", quote(h1_line.trim()));
        ctx.error(h1, 0, msg, "a Speakeasy model doc starts with `# TypeName`");
        return Vec::new();
    };
    let (name, deprecated_h1) = match strip_strike(title.trim()) {
        Some(inner) => (inner, true),
        None => (title.trim(), false),
    };
    let name_at = offset_in(h1_line, name);
    if !is_type_name(name) {
        let msg = format!("type name `{}` is not an identifier", quote(name));
        ctx.error(h1, name_at, msg, "expected a name such as `# DeploymentInvokeUsage` (letters, digits and `_`)");
    }

    let headings = scan_headings(ctx, h1 + 1);
    let prose_end = headings.first().map_or(ctx.lines.len(), |h| h.idx);
    let (docs, note) = ctx.prose(h1 + 1..prose_end);
    let deprecated = docs::deprecation(deprecated_h1, note);

    let mut body: Option<(TypeKind, Heading<'_>)> = None;
    let mut extra = Vec::new();
    let h2s: Vec<(usize, Heading<'_>)> =
        headings.iter().enumerate().filter(|(_, h)| h.level == 2).map(|(i, h)| (i, *h)).collect();
    for (n, &(hi, h)) in h2s.iter().enumerate() {
        let end_idx = h2s.get(n + 1).map_or(ctx.lines.len(), |(_, next)| next.idx);
        let next_hi = h2s.get(n + 1).map_or(headings.len(), |(i, _)| *i);
        let subs = headings.get(hi + 1..next_hi).unwrap_or(&[]);
        let range = h.idx + 1..end_idx;
        let kind = match h.title {
            "Example Usage" => {
                no_subheadings(ctx, subs, "`## Example Usage`");
                check_only_code(ctx, range, "`## Example Usage`");
                continue;
            }
            "Fields" => {
                no_subheadings(ctx, subs, "`## Fields`");
                TypeKind::Struct(object::parse_section(ctx, range, "`## Fields`"))
            }
            "Values" => {
                no_subheadings(ctx, subs, "`## Values`");
                TypeKind::Enum(enum_::parse_section(ctx, range))
            }
            "Supported Types" => TypeKind::Union(union::parse_section(ctx, h.idx, end_idx, subs)),
            other => {
                if let Some(def) = sub_type(ctx, h, end_idx, subs) {
                    extra.push(def);
                } else {
                    let msg = format!("unknown section `## {}`", quote(other));
                    ctx.error(h.idx, 0, msg, BODY_NOTE);
                }
                continue;
            }
        };
        if let Some((_, first)) = &body {
            let msg = format!("second body section `## {}`", h.title);
            let note = format!("{BODY_NOTE}; the first one is `## {}` on line {}", first.title, line_no(first.idx));
            ctx.error(h.idx, 0, msg, note);
        } else {
            body = Some((kind, h));
        }
    }
    // `###` headings outside any `##` section.
    for h in headings.iter().take_while(|h| h.level != 2) {
        let msg = format!("heading `### {}` before any `##` section", quote(h.title));
        ctx.error(h.idx, 0, msg, BODY_NOTE);
    }

    let kind = match body {
        Some((kind, _)) => kind,
        None => {
            ctx.error(
                h1,
                0,
                format!("no `## Fields`, `## Values` or `## Supported Types` section in `{name}`"),
                BODY_NOTE,
            );
            TypeKind::Struct(StructDef::default())
        }
    };
    let mut out = Vec::with_capacity(1 + extra.len());
    out.push(TypeDef {
        name: name.to_string(),
        dir: ctx.file.dir.clone(),
        file: ctx.file.rel.clone(),
        docs,
        deprecated,
        loc: ctx.loc(h1, 0),
        kind,
        inline_of: None,
        merges: false,
        diagnostics: Vec::new(),
    });
    out.extend(extra);
    out
}

/// `~~Name~~` → `Name`.
pub(crate) fn strip_strike(s: &str) -> Option<&str> {
    s.strip_prefix("~~").and_then(|s| s.strip_suffix("~~"))
}

fn is_type_name(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Every `##` and `###` heading after line `from`, skipping fenced code blocks. Other heading
/// levels and unclosed code blocks are reported.
fn scan_headings<'a>(ctx: &mut Ctx<'a>, from: usize) -> Vec<Heading<'a>> {
    let mut out = Vec::new();
    let mut fence: Option<usize> = None;
    for idx in from..ctx.lines.len() {
        let line = ctx.lines.get(idx).copied().unwrap_or("");
        if line.starts_with("```") {
            fence = if fence.is_some() { None } else { Some(idx) };
            continue;
        }
        if fence.is_some() || !line.starts_with('#') {
            continue;
        }
        let level = line.bytes().take_while(|&b| b == b'#').count();
        let title = line.get(level..).unwrap_or("");
        match (level, title.strip_prefix(' ')) {
            (2 | 3, Some(t)) => out.push(Heading { idx, level, title: t.trim() }),
            _ => {
                let msg = format!("unexpected heading `{}`", quote(line));
                ctx.error(idx, 0, msg, "after the `# Name` heading only `##` sections and `###` sub-headings occur");
            }
        }
    }
    if let Some(open) = fence {
        ctx.error(open, 0, "code block is never closed", "close it with a line of three backticks: ```");
    }
    out
}

/// A section that may hold only fenced code (and blank lines).
fn check_only_code(ctx: &mut Ctx<'_>, range: std::ops::Range<usize>, section: &str) {
    let mut in_fence = false;
    for idx in range {
        let line = ctx.line(idx);
        if line.starts_with("```") {
            in_fence = !in_fence;
        } else if !in_fence && !line.trim().is_empty() {
            let msg = format!("unexpected text `{}` in {section}", quote(line.trim()));
            ctx.error(idx, 0, msg, format!("{section} holds only a fenced code block"));
        }
    }
}

fn no_subheadings(ctx: &mut Ctx<'_>, subs: &[Heading<'_>], section: &str) {
    for h in subs {
        let msg = format!("unexpected heading `### {}` in {section}", quote(h.title));
        ctx.error(h.idx, 0, msg, format!("{section} holds no sub-headings"));
    }
}

/// An extra `## Name` section that defines a second object (`## BackoffStrategy` + `### Fields`
/// in `utils/retryconfig.md`). `None` when the section is not of that shape.
fn sub_type(ctx: &mut Ctx<'_>, h: Heading<'_>, end: usize, subs: &[Heading<'_>]) -> Option<TypeDef> {
    let fields = subs.first().filter(|s| s.title == "Fields" && is_type_name(h.title))?;
    for s in subs.get(1..).unwrap_or(&[]) {
        let msg = format!("unexpected heading `### {}` in `## {}`", quote(s.title), h.title);
        ctx.error(s.idx, 0, msg, "a nested type section holds prose and one `### Fields` table");
    }
    let table_end = subs.get(1).map_or(end, |s| s.idx);
    let (docs, note) = ctx.prose(h.idx + 1..fields.idx);
    let structure = object::parse_section(ctx, fields.idx + 1..table_end, "`### Fields`");
    Some(TypeDef {
        name: h.title.to_string(),
        dir: ctx.file.dir.clone(),
        file: ctx.file.rel.clone(),
        docs,
        deprecated: docs::deprecation(false, note),
        loc: ctx.loc(h.idx, 3),
        kind: TypeKind::Struct(structure),
        inline_of: None,
        merges: false,
        diagnostics: Vec::new(),
    })
}

#[cfg(test)]
pub(crate) mod test_support {
    use std::sync::Arc;

    use crate::diagnostic::{Diagnostic, Diagnostics};
    use crate::model::TypeDef;
    use crate::read::{SourceFile, SourceKind};

    pub fn source(rel: &str, text: &str) -> SourceFile {
        SourceFile {
            rel: rel.to_string(),
            dir: rel.rsplit_once('/').map(|(d, _)| d.to_string()).unwrap_or_default(),
            display: Arc::from(format!("schemas/{rel}").as_str()),
            kind: SourceKind::SpeakeasyMarkdown,
            text: text.to_string(),
        }
    }

    pub fn run(text: &str) -> (Vec<TypeDef>, Vec<Diagnostic>) {
        let file = source("x.md", text);
        let mut diags = Diagnostics::new();
        let types = super::parse(&file, &mut diags);
        (types, diags.into_sorted())
    }

    /// Parses a doc that must produce no diagnostics and exactly one type.
    pub fn one(text: &str) -> TypeDef {
        let (mut types, diags) = run(text);
        assert!(diags.is_empty(), "unexpected diagnostics: {diags:#?}");
        assert_eq!(types.len(), 1);
        types.remove(0)
    }

    /// Parses a doc that must produce exactly one diagnostic; returns it.
    pub fn one_error(text: &str) -> Diagnostic {
        let (_, mut diags) = run(text);
        assert_eq!(diags.len(), 1, "expected one diagnostic, got {diags:#?}");
        diags.remove(0)
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::{one, one_error, run};
    use crate::model::{Deprecation, TypeKind};

    #[test]
    fn h1_prose_and_deprecation() {
        let t = one("# ~~Contact~~\n\n@deprecated Use identity instead.\nSecond line.\n\nNext para.\n\n> :warning: **DEPRECATED**: This will be removed.\n\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |");
        assert_eq!(t.name, "Contact");
        assert_eq!(t.deprecated, Some(Deprecation { note: Some("This will be removed.".into()) }));
        assert_eq!(t.docs.lines, vec!["@deprecated Use identity instead.", "Second line.", "", "Next para."]);
        assert_eq!((t.loc.line, t.loc.col), (1, 1));
        assert_eq!(&*t.loc.file, "schemas/x.md");
        assert_eq!(t.file, "x.md");
        assert_eq!(t.dir, "");
        assert!(matches!(t.kind, TypeKind::Struct(ref s) if s.fields.is_empty()));
    }

    #[test]
    fn missing_h1() {
        let d = one_error("Hello\n## Fields\n");
        assert_eq!((d.loc.line, d.loc.col), (1, 1));
        assert!(d.message.contains("missing `# Name`"), "{}", d.message);
        assert!(d.note.is_some());
        let (types, diags) = run("\n\n");
        assert!(types.is_empty());
        assert_eq!(diags.len(), 1);
    }

    #[test]
    fn missing_body() {
        let d = one_error("# Foo\n\nJust prose.\n");
        assert!(d.message.contains("no `## Fields`, `## Values` or `## Supported Types`"), "{}", d.message);
        assert_eq!(d.loc.line, 1);
    }

    #[test]
    fn unknown_section_and_second_body() {
        let (_, diags) = run("# Foo\n\n## Whatever\n\ntext\n## Values\n\n- `\"a\"`\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n");
        assert_eq!(diags.len(), 2, "{diags:#?}");
        assert!(diags[0].message.contains("unknown section `## Whatever`"));
        assert_eq!(diags[0].loc.line, 3);
        assert!(diags[1].message.contains("second body section `## Fields`"));
        assert_eq!(diags[1].loc.line, 10);
    }

    #[test]
    fn bad_type_name_and_heading() {
        let (_, diags) = run("# Foo Bar\n\n#### Deep\n\n## Values\n\n- `\"a\"`\n");
        assert_eq!(diags.len(), 2, "{diags:#?}");
        assert!(diags[0].message.contains("`Foo Bar` is not an identifier"));
        assert_eq!((diags[0].loc.line, diags[0].loc.col), (1, 3));
        assert!(diags[1].message.contains("unexpected heading `#### Deep`"));
    }

    #[test]
    fn unclosed_fence() {
        let (_, diags) = run("# Foo\n\n## Example Usage\n\n```python\nx\n\n## Values\n\n- `\"a\"`\n");
        assert!(
            diags.iter().any(|d| d.message.contains("code block is never closed") && d.loc.line == 5),
            "{diags:#?}"
        );
    }

    #[test]
    fn example_usage_text_outside_code() {
        let d = one_error("# Foo\n\n## Example Usage\n\nstray\n```python\nx\n```\n\n## Values\n\n- `\"a\"`\n");
        assert!(d.message.contains("unexpected text `stray`"));
        assert_eq!(d.loc.line, 5);
    }

    #[test]
    fn nested_type_section() {
        let doc = "# RetryConfig\n\nRetries.\n\n## Fields\n\n| Name | Type | Description | Example |\n| --- | --- | --- | --- |\n\
                   | `strategy` | `*str*` | The strategy. | `backoff` |\n\
                   | `backoff` | [BackoffStrategy](#backoffstrategy) | Backoff. | |\n\n\
                   ## BackoffStrategy\n\nThe backoff.\n\n### Fields\n\n| Name | Type | Description | Example |\n| --- | --- | --- | --- |\n\
                   | `exponent` | `*float*` | The exponent. | `1.5` |\n";
        let (types, diags) = run(doc);
        assert!(diags.is_empty(), "{diags:#?}");
        assert_eq!(types.len(), 2);
        assert_eq!((types[0].name.as_str(), types[1].name.as_str()), ("RetryConfig", "BackoffStrategy"));
        assert_eq!(types[1].docs.lines, vec!["The backoff."]);
        assert_eq!((types[1].loc.line, types[1].loc.col), (12, 4));
        let TypeKind::Struct(s) = &types[0].kind else { panic!() };
        assert_eq!(s.fields[0].docs.lines, vec!["The strategy.", "", "Example: `backoff`"]);
        assert_eq!(s.fields[0].presence, crate::model::Presence::Required);
        let TypeKind::Struct(s) = &types[1].kind else { panic!() };
        assert_eq!(s.fields.len(), 1);
        // A `##` section that is not a type name is not a nested type.
        let (_, diags) = run("# Foo\n\n## Values\n\n- `\"a\"`\n\n## Not a type\n\n### Fields\n");
        assert!(diags.iter().any(|d| d.message.contains("unknown section `## Not a type`")), "{diags:#?}");
    }

    #[test]
    fn col_counts_chars() {
        assert_eq!(super::col_of("aé|b", 3), 3);
        assert_eq!(super::col_of("aé|b", 2), 2);
        assert_eq!(super::col_of("abc", 99), 4);
        assert_eq!(super::col_of("é", 1), 1);
    }
}
