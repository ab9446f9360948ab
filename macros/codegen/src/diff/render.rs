//! The report of [`super::diff`] for people and programs: [`text`] for a terminal, [`markdown`]
//! for a pull-request comment, [`json`] (with the `cli` feature) for scripts. Each takes the
//! changes in the order `diff` returns them, which is already the report order.

use std::fmt::Write as _;

use super::{Change, ChangeKind, Verdict};

/// Counts over a report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub changes: usize,
    /// Types with at least one change.
    pub types: usize,
    /// Types with a change that breaks the wire.
    pub wire_breaking_types: usize,
    /// Types with a change that breaks the API.
    pub api_breaking_types: usize,
    /// Changes to documentation only.
    pub docs_changes: usize,
}

impl Summary {
    pub fn of(changes: &[Change]) -> Summary {
        let mut summary = Summary { changes: changes.len(), ..Summary::default() };
        for group in groups(changes) {
            summary.types += 1;
            summary.wire_breaking_types += usize::from(group.iter().any(|c| c.wire.is_breaking()));
            summary.api_breaking_types += usize::from(group.iter().any(|c| c.api.is_breaking()));
        }
        summary.docs_changes = changes.iter().filter(|c| c.kind.is_docs()).count();
        summary
    }

    /// One line: `18 changes in 6 types: 2 types break the wire, 2 the API; 0 changes are docs only`.
    pub fn line(&self) -> String {
        if self.changes == 0 {
            return "no changes".to_owned();
        }
        format!(
            "{} in {}: {} the wire, {} the API; {} docs only",
            plural(self.changes, "change"),
            plural(self.types, "type"),
            plural_verb(self.wire_breaking_types, "type breaks", "types break"),
            self.api_breaking_types,
            plural_verb(self.docs_changes, "change is", "changes are"),
        )
    }
}

fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn plural_verb(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Consecutive changes of one type (the report order keeps each type's changes together).
fn groups(changes: &[Change]) -> impl Iterator<Item = &[Change]> {
    let mut rest = changes;
    std::iter::from_fn(move || {
        let first = rest.first()?;
        let len = rest.iter().take_while(|c| c.ty == first.ty).count();
        let (group, tail) = rest.split_at(len);
        rest = tail;
        Some(group)
    })
}

/// What one type's changes amount to: `breaking (wire, api)`, `compatible`, `docs only`.
fn group_verdict(group: &[Change]) -> &'static str {
    let wire = group.iter().any(|c| c.wire.is_breaking());
    let api = group.iter().any(|c| c.api.is_breaking());
    match (wire, api) {
        (true, true) => "breaking (wire, api)",
        (true, false) => "breaking (wire)",
        (false, true) => "breaking (api)",
        (false, false) if group.iter().all(|c| c.kind.is_docs()) => "docs only",
        (false, false) if group.iter().all(Change::is_info) => "information",
        (false, false) => "compatible",
    }
}

/// The two verdicts of one change, shortly.
fn verdicts(change: &Change) -> &'static str {
    match (change.is_info(), change.wire, change.api) {
        (true, ..) => "information",
        (false, Verdict::Compatible, Verdict::Compatible) => "compatible",
        (false, Verdict::Breaking, Verdict::Breaking) => "wire: breaking, api: breaking",
        (false, Verdict::Breaking, Verdict::Compatible) => "wire: breaking, api: compatible",
        (false, Verdict::Compatible, Verdict::Breaking) => "wire: compatible, api: breaking",
    }
}

/// Documentation is shown around its first difference, at most this many characters a side.
const DOCS_WIDTH: usize = 100;

/// Writes `: old → new`, `: was old`, or `: new` (nothing when neither side has anything, or
/// when the subject already is the whole story); docs as excerpts around where they differ.
fn write_detail(out: &mut String, change: &Change) {
    use ChangeKind::{EnumValueAdded, EnumValueRemoved, UnionVariantAdded, UnionVariantRemoved};
    if matches!(change.kind, EnumValueAdded | EnumValueRemoved | UnionVariantAdded | UnionVariantRemoved) {
        // The subject is the value or variant itself.
        return;
    }
    if change.kind == ChangeKind::DocsChanged {
        let (old, new) = excerpts(change.old.as_deref().unwrap_or(""), change.new.as_deref().unwrap_or(""));
        let side = |full: &Option<String>, shown: String| match full {
            Some(_) => format!("\"{shown}\""),
            None => "(none)".to_owned(),
        };
        let _ = write!(out, ": {} → {}", side(&change.old, old), side(&change.new, new));
        return;
    }
    match (&change.old, &change.new) {
        (Some(old), Some(new)) => {
            let _ = write!(out, ": {old} → {new}");
        }
        (Some(old), None) => {
            let _ = write!(out, ": was {old}");
        }
        (None, Some(new)) => {
            let _ = write!(out, ": {new}");
        }
        (None, None) => {}
    }
}

/// `` `input_tokens` ``, `` `"flex"` ``, or nothing for a change of the type itself.
fn subject(change: &Change) -> Option<&str> {
    change.field.as_deref().or(change.member.as_deref())
}

/// The report for a terminal: per type a heading with its verdict, then one line per change,
/// `path:line:col: kind subject: old → new [verdicts]`; a summary line last.
pub fn text(changes: &[Change]) -> String {
    let mut out = String::with_capacity(changes.len() * 160);
    for group in groups(changes) {
        let _ = writeln!(out, "{}: {}", group[0].ty, group_verdict(group));
        for change in group {
            let _ = write!(out, "  {}: {}", change.loc, change.kind);
            if let Some(subject) = subject(change) {
                let _ = write!(out, " `{subject}`");
            }
            write_detail(&mut out, change);
            let _ = writeln!(out, " [{}]", verdicts(change));
        }
    }
    let _ = writeln!(out, "{}", Summary::of(changes).line());
    out
}

/// The report for a pull-request comment: a summary line, then one table row per change.
pub fn markdown(changes: &[Change]) -> String {
    let summary = Summary::of(changes);
    let mut out = String::new();
    let _ = writeln!(out, "**llm-usage diff**: {}.", summary.line());
    if changes.is_empty() {
        return out;
    }
    out.push_str("\n| type | field or member | change | old | new | wire | api | where |\n");
    out.push_str("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for change in changes {
        let (old, new) = if change.kind == ChangeKind::DocsChanged {
            let (old, new) = excerpts(change.old.as_deref().unwrap_or(""), change.new.as_deref().unwrap_or(""));
            (change.old.as_ref().map(|_| old), change.new.as_ref().map(|_| new))
        } else {
            (change.old.clone(), change.new.clone())
        };
        let verdict = |v: Verdict| match v {
            Verdict::Breaking => "**breaking**",
            Verdict::Compatible if change.is_info() => "information",
            Verdict::Compatible => "compatible",
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            code(&change.ty),
            subject(change).map(code).unwrap_or_default(),
            change.kind,
            old.as_deref().map(cell).unwrap_or_default(),
            new.as_deref().map(cell).unwrap_or_default(),
            verdict(change.wire),
            verdict(change.api),
            code(&change.loc.to_string()),
        );
    }
    out
}

/// Text made safe inside a table cell.
fn cell(text: &str) -> String {
    text.replace('\\', "\\\\").replace('|', "\\|").replace(['\n', '\r'], " ")
}

/// A code span inside a table cell.
fn code(text: &str) -> String {
    let text = cell(text);
    if text.contains('`') {
        format!("`` {text} ``")
    } else {
        format!("`{text}`")
    }
}

/// The parts of two texts around their first difference, each at most [`DOCS_WIDTH`]
/// characters, `…` where cut: long descriptions that change one phrase show that phrase.
fn excerpts(old: &str, new: &str) -> (String, String) {
    const BEFORE: usize = 30;
    let (a, b): (Vec<char>, Vec<char>) = (old.chars().collect(), new.chars().collect());
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let start = if a.len().max(b.len()) <= DOCS_WIDTH { 0 } else { prefix.saturating_sub(BEFORE) };
    let cut = |chars: &[char]| {
        let end = (start + DOCS_WIDTH).min(chars.len());
        let mut out = String::new();
        if start > 0 {
            out.push('…');
        }
        out.extend(&chars[start.min(end)..end]);
        if end < chars.len() {
            out.push('…');
        }
        out
    };
    (cut(&a), cut(&b))
}

/// The report as one JSON array, one object per change (one per line), with the keys `type`,
/// `field` (absent for changes of the type itself), `member` (enum value or union variant, when
/// the change is about one), `change`, `old`, `new` (`null` where a side has nothing), `wire`,
/// `api` (`"breaking"` or `"compatible"`) and `location` (`path:line:col`). Docs are given whole.
#[cfg(feature = "cli")]
pub fn json(changes: &[Change]) -> String {
    fn string(out: &mut Vec<u8>, s: &str) {
        // Writing a `str` into a `Vec` cannot fail.
        let _ = serde_json::to_writer(&mut *out, s);
    }
    fn optional(out: &mut Vec<u8>, s: Option<&str>) {
        match s {
            Some(s) => string(out, s),
            None => out.extend_from_slice(b"null"),
        }
    }
    let mut out: Vec<u8> = Vec::with_capacity(changes.len() * 200 + 4);
    out.push(b'[');
    for (i, change) in changes.iter().enumerate() {
        out.extend_from_slice(if i == 0 { b"\n" } else { b",\n" });
        out.extend_from_slice(b"{\"type\":");
        string(&mut out, &change.ty);
        if let Some(field) = &change.field {
            out.extend_from_slice(b",\"field\":");
            string(&mut out, field);
        }
        if let Some(member) = &change.member {
            out.extend_from_slice(b",\"member\":");
            string(&mut out, member);
        }
        out.extend_from_slice(b",\"change\":");
        string(&mut out, change.kind.as_str());
        out.extend_from_slice(b",\"old\":");
        optional(&mut out, change.old.as_deref());
        out.extend_from_slice(b",\"new\":");
        optional(&mut out, change.new.as_deref());
        out.extend_from_slice(b",\"wire\":");
        string(&mut out, change.wire.as_str());
        out.extend_from_slice(b",\"api\":");
        string(&mut out, change.api.as_str());
        out.extend_from_slice(b",\"location\":");
        string(&mut out, &change.loc.to_string());
        out.push(b'}');
    }
    out.extend_from_slice(if changes.is_empty() { b"]\n" } else { b"\n]\n" });
    // Only UTF-8 was written: `str`s, escaped `str`s and ASCII.
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_show_where_long_docs_differ() {
        let head = "Usage statistics for the completion request, as the provider reports them. ".repeat(3);
        let old = format!("{head}Total tokens exclude cached tokens.");
        let new = format!("{head}Total tokens now include cached tokens.");
        let (a, b) = excerpts(&old, &new);
        assert!(a.starts_with('…') && a.ends_with("exclude cached tokens."), "{a}");
        assert!(b.starts_with('…') && b.ends_with("now include cached tokens."), "{b}");
        assert_eq!(excerpts("short", "shorter"), ("short".to_owned(), "shorter".to_owned()));
    }

    #[test]
    fn markdown_cells_cannot_break_the_table() {
        assert_eq!(cell("a | b\nc"), "a \\| b c");
        assert_eq!(code("x`y"), "`` x`y ``");
    }
}
