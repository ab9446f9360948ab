//! Documentation text: the prose under the H1 and the Description (and Example) cells.
//!
//! Docs keep inline markdown as written; only the table and line-break markup is undone:
//! `<br/>` starts a new line, `\|` is a pipe, `N/A` is no doc at all.

use crate::model::{Deprecation, Docs};

/// The prose form of a deprecation: `> :warning: **DEPRECATED**: note`.
const PROSE_DEPRECATED: &str = "> :warning: **DEPRECATED**:";
/// The cell forms: `: warning: ** DEPRECATED **: note` (with the odd spaces) and the plain one.
const CELL_DEPRECATED: [&str; 2] = [": warning: ** DEPRECATED **:", ":warning: **DEPRECATED**:"];

/// Prose lines between two headings. Returns the docs (blank lines between paragraphs kept as
/// one `""`, no leading or trailing blanks) and the note of a deprecation blockquote, if any.
pub(crate) fn prose(lines: &[&str]) -> (Docs, Option<String>) {
    let mut out: Vec<String> = Vec::new();
    let mut note = None;
    for line in lines {
        let line = line.trim_end();
        if let Some(rest) = prose_deprecation(line) {
            note = Some(rest.to_string());
            continue;
        }
        if line.is_empty() {
            if out.last().is_some_and(|l| !l.is_empty()) {
                out.push(String::new());
            }
        } else {
            out.push(line.to_string());
        }
    }
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    (Docs { lines: out }, note)
}

/// What [`prose`] gives as the note, without the docs: for `check`, which needs no docs.
pub(crate) fn prose_note(lines: &[&str]) -> Option<String> {
    lines.iter().rev().find_map(|line| prose_deprecation(line.trim_end())).map(str::to_string)
}

/// The note of a deprecation blockquote line (trailing space already trimmed).
fn prose_deprecation(line: &str) -> Option<&str> {
    line.trim_start().strip_prefix(PROSE_DEPRECATED).map(str::trim)
}

/// The deprecation of an item struck through (`~~Name~~`) or carrying a deprecation note.
pub(crate) fn deprecation(struck: bool, note: Option<String>) -> Option<Deprecation> {
    match note {
        Some(n) => Some(Deprecation { note: (!n.is_empty()).then_some(n) }),
        None if struck => Some(Deprecation { note: None }),
        None => None,
    }
}

/// A Description cell (raw, trimmed, still escaped). Returns its docs and the note of a
/// leading deprecation notice (`: warning: ** DEPRECATED **: …<br/><br/>rest`), if any.
pub(crate) fn cell(raw: &str) -> (Docs, Option<String>) {
    let raw = raw.trim();
    if raw.is_empty() || raw == "N/A" {
        return (Docs::default(), None);
    }
    let text = unescape_pipes(raw);
    let mut pieces = split_breaks(&text);
    let mut note = None;
    if let Some(rest) = pieces.first().and_then(|first| cell_deprecation(first)) {
        note = Some(rest.to_string());
        pieces.remove(0);
    }
    let mut lines: Vec<String> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        let piece = piece.trim();
        if piece.is_empty() {
            if lines.last().is_some_and(|l| !l.is_empty()) {
                lines.push(String::new());
            }
        } else {
            lines.push(piece.to_string());
        }
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    if lines.len() == 1 && lines.first().is_some_and(|l| l == "N/A") {
        lines.clear();
    }
    (Docs { lines }, note)
}

/// What [`cell`] gives as the note, without the docs: for `check`, which needs no docs.
pub(crate) fn cell_note(raw: &str) -> Option<String> {
    let raw = raw.trim();
    if raw.is_empty() || raw == "N/A" {
        return None;
    }
    let text = unescape_pipes(raw);
    let first = match next_break(&text, 0) {
        Some((at, _)) => text.get(..at).unwrap_or(""),
        None => &text,
    };
    cell_deprecation(first).map(str::to_string)
}

/// The note of a leading deprecation notice in the first piece of a cell.
fn cell_deprecation(first: &str) -> Option<&str> {
    CELL_DEPRECATED.iter().find_map(|p| first.trim_start().strip_prefix(p)).map(str::trim)
}

/// An Example cell, as one short doc line: `Example: …` (its `<br/>`s become spaces).
pub(crate) fn example(raw: &str) -> Option<String> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    let text = unescape_pipes(raw);
    let joined: Vec<&str> = split_breaks(&text).into_iter().map(str::trim).filter(|p| !p.is_empty()).collect();
    Some(format!("Example: {}", joined.join(" ")))
}

/// `\|` → `|`, everywhere (code spans included, as the generator escapes them there too).
pub(crate) fn unescape_pipes(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains("\\|") {
        std::borrow::Cow::Owned(s.replace("\\|", "|"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// Splits on `<br/>` (also `<br>` and `<br />`).
fn split_breaks(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut seg = 0;
    while let Some((at, end)) = next_break(s, seg) {
        out.push(s.get(seg..at).unwrap_or(""));
        seg = end;
    }
    out.push(s.get(seg..).unwrap_or(""));
    out
}

/// The first `<br/>` (`<br>`, `<br />`) at or after byte `from`: where it starts and ends.
fn next_break(s: &str, from: usize) -> Option<(usize, usize)> {
    let mut pos = from;
    while let Some(at) = s.get(pos..).and_then(|r| r.find("<br")).map(|i| i + pos) {
        let after = s.get(at + 3..).unwrap_or("");
        match ["/>", ">", " />"].iter().find(|t| after.starts_with(**t)) {
            Some(t) => return Some((at, at + 3 + t.len())),
            None => pos = at + 3,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_paragraphs_and_deprecation() {
        let (docs, note) =
            prose(&["", "First.", "  indented", "", "", "Second.", "> :warning: **DEPRECATED**: Gone soon.", ""]);
        assert_eq!(docs.lines, vec!["First.", "  indented", "", "Second."]);
        assert_eq!(note.as_deref(), Some("Gone soon."));
        assert_eq!(deprecation(false, note), Some(Deprecation { note: Some("Gone soon.".into()) }));
        assert_eq!(deprecation(true, None), Some(Deprecation { note: None }));
        assert_eq!(deprecation(false, None), None);
    }

    #[test]
    fn cell_forms() {
        assert!(cell("N/A").0.lines.is_empty());
        assert!(cell("").0.lines.is_empty());
        assert_eq!(cell("a \\| b").0.lines, vec!["a | b"]);
        assert_eq!(cell("`x \\| y` z").0.lines, vec!["`x | y` z"]);
        assert_eq!(cell("shared<br/> libs/go").0.lines, vec!["shared", "libs/go"]);
        assert_eq!(cell("a<br/><br/>b").0.lines, vec!["a", "", "b"]);
        assert_eq!(cell("a<br>b<br />c").0.lines, vec!["a", "b", "c"]);
        assert_eq!(cell("value <comparator> threshold").0.lines, vec!["value <comparator> threshold"]);
        assert_eq!(cell("a <brick> b").0.lines, vec!["a <brick> b"]);
        assert_eq!(cell("a <brick> b<br/>c").0.lines, vec!["a <brick> b", "c"]);
    }

    #[test]
    fn cell_deprecation() {
        let (docs, note) = cell(": warning: ** DEPRECATED **: This will be removed.<br/><br/>The task ID.");
        assert_eq!(note.as_deref(), Some("This will be removed."));
        assert_eq!(docs.lines, vec!["The task ID."]);
    }

    #[test]
    fn example_cell() {
        assert_eq!(
            example("[<br/>\"hr\",<br/>\"engineering\"<br/>]").as_deref(),
            Some("Example: [ \"hr\", \"engineering\" ]")
        );
        assert_eq!(example("  "), None);
    }
}
