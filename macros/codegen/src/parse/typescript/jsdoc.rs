//! JSDoc blocks → [`Docs`] and [`Deprecation`].
//!
//! Every layout of `shared/design/typescript.md` §2 is accepted: one line, text on the first
//! line with `*/` alone, continuation lines with or without a leading `*`, and mixtures.
//! Paragraph breaks are kept; `@deprecated` becomes the deprecation note, `@remarks` text stays
//! as a paragraph, and the lines of other block tags (`@example`, `@param`, …) are dropped.

use crate::model::{Deprecation, Docs};

/// TSDoc / JSDoc block tags: a line starting with one of these starts a tag section. Any other
/// `@word` at the start of a line is prose (`@gcp-sa-vertex-tune`).
const BLOCK_TAGS: &[&str] = &[
    "param",
    "returns",
    "return",
    "example",
    "see",
    "since",
    "default",
    "defaultValue",
    "internal",
    "public",
    "private",
    "protected",
    "beta",
    "alpha",
    "experimental",
    "throws",
    "type",
    "typeParam",
    "template",
    "privateRemarks",
    "readonly",
    "override",
    "virtual",
    "sealed",
    "eventProperty",
    "inheritDoc",
    "packageDocumentation",
    "label",
    "category",
    "hidden",
    "ignore",
    "module",
    "group",
    "author",
    "version",
    "todo",
    "typedef",
    "property",
    "prop",
    "format",
    "minimum",
    "maximum",
    "pattern",
    "nullable",
    "defaultvalue",
    "remarks",
    "deprecated",
];

/// What a JSDoc block says about the item it documents.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct JsDoc {
    pub docs: Docs,
    pub deprecated: Option<Deprecation>,
}

/// The section a line belongs to.
enum Section {
    Prose,
    Deprecated,
    Dropped,
}

/// Parses the text between `/**` and `*/`.
pub(crate) fn parse(body: &str) -> JsDoc {
    let lines = strip_margins(body);
    let mut out: Vec<String> = Vec::new();
    let mut note: Vec<String> = Vec::new();
    let mut deprecated = false;
    let mut section = Section::Prose;
    let mut in_fence = false;
    for line in lines {
        let trimmed = line.trim_start();
        if !in_fence {
            if let Some((tag, rest)) = block_tag(trimmed) {
                match tag {
                    "deprecated" => {
                        deprecated = true;
                        section = Section::Deprecated;
                        push_text(&mut note, rest);
                    }
                    "remarks" => {
                        section = Section::Prose;
                        push_blank(&mut out);
                        if !rest.is_empty() {
                            out.push(rest.to_string());
                        }
                    }
                    _ => section = Section::Dropped,
                }
                continue;
            }
        }
        if trimmed.starts_with("```") {
            in_fence = !in_fence;
        }
        match section {
            Section::Prose if line.trim().is_empty() => push_blank(&mut out),
            Section::Prose => out.push(line.trim_end().to_string()),
            Section::Deprecated if line.trim().is_empty() => section = Section::Prose,
            Section::Deprecated => push_text(&mut note, line.trim()),
            Section::Dropped => {}
        }
    }
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    let note = note.join(" ");
    JsDoc {
        docs: Docs { lines: out },
        deprecated: deprecated.then(|| Deprecation { note: (!note.is_empty()).then_some(note) }),
    }
}

/// `@tag rest` at the start of a line, for a known block tag.
fn block_tag(line: &str) -> Option<(&str, &str)> {
    let rest = line.strip_prefix('@')?;
    let end = rest.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(rest.len());
    let (tag, after) = rest.split_at(end);
    let boundary = after.is_empty() || after.starts_with(char::is_whitespace);
    (BLOCK_TAGS.contains(&tag) && boundary).then(|| (tag, after.trim()))
}

fn push_blank(out: &mut Vec<String>) {
    if out.last().is_some_and(|l| !l.is_empty()) {
        out.push(String::new());
    }
}

fn push_text(out: &mut Vec<String>, text: &str) {
    if !text.is_empty() {
        out.push(text.to_string());
    }
}

/// The lines of a block without the comment margin: the first line trimmed, then each later
/// line without its indentation and optional leading `*`, the common indentation of what is
/// left removed (separately for lines with and without a `*`, so both layouts line up).
fn strip_margins(body: &str) -> Vec<String> {
    let raw: Vec<&str> = body.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).collect();
    // (had a star, rest of the line)
    let mut rest: Vec<(bool, &str)> = Vec::with_capacity(raw.len());
    for (i, line) in raw.iter().enumerate() {
        if i == 0 {
            rest.push((true, line.trim()));
            continue;
        }
        let unindented = line.trim_start();
        match unindented.strip_prefix('*') {
            Some(after) => rest.push((true, after)),
            None => rest.push((false, line)),
        }
    }
    let indent = |starred: bool| {
        rest.iter()
            .skip(1)
            .filter(|(s, l)| *s == starred && !l.trim().is_empty())
            .map(|(_, l)| l.len() - l.trim_start().len())
            .min()
            .unwrap_or(0)
    };
    let (star_indent, plain_indent) = (indent(true), indent(false));
    let mut lines: Vec<String> = rest
        .iter()
        .enumerate()
        .map(|(i, (starred, line))| {
            let cut = if i == 0 {
                0
            } else if *starred {
                star_indent
            } else {
                plain_indent
            };
            let cut = (0..=cut.min(line.len())).rev().find(|&c| line.is_char_boundary(c)).unwrap_or(0);
            let line = line.get(cut..).unwrap_or(line);
            line.trim_end().to_string()
        })
        .collect();
    while lines.first().is_some_and(|l| l.trim().is_empty()) {
        lines.remove(0);
    }
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(body: &str) -> Vec<String> {
        parse(body).docs.lines
    }

    #[test]
    fn one_line() {
        assert_eq!(lines(" Usage metadata about response(s). "), vec!["Usage metadata about response(s)."]);
    }

    #[test]
    fn text_on_first_line_and_closing_alone() {
        assert_eq!(lines(" Output only. The number.\n   "), vec!["Output only. The number."]);
    }

    #[test]
    fn continuation_lines_without_star() {
        assert_eq!(
            lines(" The model version used to generate the response.\n      Second line of the same text. "),
            vec!["The model version used to generate the response.", "Second line of the same text."]
        );
    }

    #[test]
    fn classic_layout_with_paragraphs() {
        assert_eq!(
            lines("\n   * First paragraph,\n   * still first.\n   *\n   * Second `code` here.\n   "),
            vec!["First paragraph,", "still first.", "", "Second `code` here."]
        );
    }

    #[test]
    fn mixed_layout() {
        assert_eq!(
            lines("\n   * Indicates the scope.\n     Applies to collections.\n   * Last line. "),
            vec!["Indicates the scope.", "Applies to collections.", "Last line."]
        );
    }

    #[test]
    fn relative_indentation_is_kept() {
        assert_eq!(lines("\n * List:\n *   - nested\n * end\n "), vec!["List:", "  - nested", "end"]);
    }

    #[test]
    fn deprecated_tag_with_and_without_note() {
        let doc = parse(" Old thing.\n * @deprecated Use `thinkingConfig` instead.\n ");
        assert_eq!(doc.docs.lines, vec!["Old thing."]);
        assert_eq!(doc.deprecated, Some(Deprecation { note: Some("Use `thinkingConfig` instead.".into()) }));
        let doc = parse(" @deprecated ");
        assert!(doc.docs.is_empty());
        assert_eq!(doc.deprecated, Some(Deprecation { note: None }));
    }

    #[test]
    fn remarks_kept_other_tags_dropped() {
        let doc = parse(" Required. Raw bytes.\n   * @remarks Encoded as base64 string.\n   * @example\n   * ```ts\n   * @param x\n   * ```\n   * @param y the y ");
        assert_eq!(doc.docs.lines, vec!["Required. Raw bytes.", "", "Encoded as base64 string."]);
        assert_eq!(doc.deprecated, None);
    }

    #[test]
    fn prose_deprecation_and_fake_tags_stay_prose() {
        let doc = parse(" Deprecated: use v2.\n @gcp-sa-vertex-tune is mentioned. ");
        assert_eq!(doc.docs.lines, vec!["Deprecated: use v2.", "@gcp-sa-vertex-tune is mentioned."]);
        assert_eq!(doc.deprecated, None);
    }

    #[test]
    fn braces_and_urls_are_text() {
        assert_eq!(lines(" See https://x.y/{a}; `{b: 1}` "), vec!["See https://x.y/{a}; `{b: 1}`"]);
    }
}
