//! `#[doc]` attributes from the vendor's words, escaped so rustdoc and clippy read them as
//! the prose they are: no broken intra-doc links, no pseudo-HTML tags, no doctests.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{Deprecation, Docs, TypeDef};

/// Doc lines under construction; an empty string is a paragraph break.
#[derive(Debug, Default, Clone)]
pub struct DocLines {
    lines: Vec<String>,
}

impl DocLines {
    pub fn new() -> Self {
        Self::default()
    }

    /// The vendor's docs, escaped.
    pub fn vendor(docs: &Docs) -> Self {
        let mut out = Self::new();
        out.push_vendor(docs);
        out
    }

    /// A type's docs: the vendor's, or for a type made from a property's inline type, which
    /// property that is.
    pub fn of_type(def: &TypeDef) -> Self {
        match &def.inline_of {
            Some(of) if def.docs.is_empty() => {
                Self { lines: escape_lines(&[format!("The values of `{}.{}`.", of.parent, of.property)]) }
            }
            _ => Self::vendor(&def.docs),
        }
    }

    /// Appends the vendor's docs as a paragraph of their own.
    pub fn push_vendor(&mut self, docs: &Docs) {
        if docs.is_empty() {
            return;
        }
        self.break_paragraph();
        let start = docs.lines.iter().position(|l| !l.trim().is_empty()).unwrap_or(0);
        let end = docs.lines.iter().rposition(|l| !l.trim().is_empty()).map_or(0, |i| i + 1);
        self.lines.extend(escape_lines(&docs.lines[start..end]));
    }

    /// Appends a line of our own (already valid markdown) as its own paragraph.
    pub fn push_paragraph(&mut self, line: impl Into<String>) {
        self.break_paragraph();
        self.lines.push(line.into());
    }

    fn break_paragraph(&mut self) {
        if self.lines.last().is_some_and(|l| !l.is_empty()) {
            self.lines.push(String::new());
        }
    }

    /// One `#[doc = " …"]` per line; nothing when there are no lines.
    pub fn to_attrs(&self) -> TokenStream {
        let mut lines = self.lines.as_slice();
        while lines.last().is_some_and(|l| l.is_empty()) {
            lines = &lines[..lines.len() - 1];
        }
        let attrs = lines.iter().map(|line| {
            let text = if line.is_empty() { String::new() } else { format!(" {line}") };
            quote! { #[doc = #text] }
        });
        quote! { #(#attrs)* }
    }
}

/// `#[deprecated]` or `#[deprecated(note = "…")]`.
pub fn deprecated_attr(deprecated: Option<&Deprecation>) -> TokenStream {
    match deprecated {
        None => TokenStream::new(),
        Some(Deprecation { note: Some(note) }) if !note.trim().is_empty() => {
            let note = note.trim();
            quote! { #[deprecated(note = #note)] }
        }
        Some(_) => quote! { #[deprecated] },
    }
}

/// Escapes a block of doc lines: code fences become ```` ```text ```` (never a doctest) and their
/// contents are kept verbatim; other lines are escaped by [`escape_line`], indentation that would
/// make an indented code block is reduced, and lazy list continuations are indented.
pub fn escape_lines(lines: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let mut fence: Option<String> = None;
    let mut list_indent: Option<usize> = None;
    for raw in lines {
        let line = raw.trim_end();
        let trimmed = line.trim_start();
        if let Some(marker) = &fence {
            if trimmed.starts_with(marker.as_str())
                && trimmed.trim_start_matches(marker.chars().next().unwrap_or('`')).is_empty()
            {
                fence = None;
            }
            out.push(line.to_owned());
            continue;
        }
        if let Some(marker) = fence_marker(trimmed) {
            let info = trimmed[marker.len()..].trim();
            let info = if info.is_empty() || info == "rust" || info == "rs" { "text" } else { info };
            out.push(format!("{marker}{info}"));
            fence = Some(marker);
            list_indent = None;
            continue;
        }
        if trimmed.is_empty() {
            out.push(String::new());
            list_indent = None;
            continue;
        }
        let indent = line.len() - trimmed.len();
        let escaped = escape_line(trimmed);
        if let Some(width) = list_item_width(trimmed) {
            list_indent = Some(indent.min(3) + width);
            out.push(format!("{}{escaped}", " ".repeat(indent.min(3))));
        } else if let Some(width) = list_indent {
            // A continuation of a list item: indented under it (clippy's `doc_lazy_continuation`).
            out.push(format!("{}{escaped}", " ".repeat(width)));
        } else {
            // Four spaces would start an indented code block, which rustdoc runs as a doctest.
            out.push(format!("{}{escaped}", " ".repeat(indent.min(3))));
        }
    }
    if let Some(marker) = fence {
        out.push(marker);
    }
    out
}

fn fence_marker(trimmed: &str) -> Option<String> {
    for c in ['`', '~'] {
        let n = trimmed.chars().take_while(|&x| x == c).count();
        if n >= 3 {
            return Some(c.to_string().repeat(n));
        }
    }
    None
}

/// The width of a list item's marker and its space (`- `, `* `, `12. `), if `line` is one.
fn list_item_width(line: &str) -> Option<usize> {
    if line.starts_with("- ") || line.starts_with("* ") || line.starts_with("+ ") {
        return Some(2);
    }
    let digits = line.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 && digits < 10 {
        let rest = &line[digits..];
        if rest.starts_with(". ") || rest.starts_with(") ") {
            return Some(digits + 2);
        }
    }
    None
}

/// HTML elements rustdoc renders; anything else in angle brackets is text.
const HTML_TAGS: &[&str] = &[
    "a",
    "b",
    "i",
    "u",
    "s",
    "em",
    "strong",
    "code",
    "pre",
    "br",
    "p",
    "ul",
    "ol",
    "li",
    "sup",
    "sub",
    "span",
    "div",
    "table",
    "thead",
    "tbody",
    "tr",
    "td",
    "th",
    "img",
    "hr",
    "blockquote",
    "details",
    "summary",
    "kbd",
    "small",
    "del",
    "ins",
    "mark",
];

/// Escapes one line of prose outside code spans: `[`/`]` that are not a markdown link become
/// `\[`/`\]`, `<`/`>` that are not an HTML tag or an autolink become `\<`/`\>`, bare URLs are
/// wrapped in `<…>`.
pub fn escape_line(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '`' => {
                // A code span: a run of n backticks up to the next run of exactly n.
                let n = run_len(&chars, i, '`');
                if let Some(end) = find_closing_ticks(&chars, i + n, n) {
                    out.extend(&chars[i..end + n]);
                    i = end + n;
                } else {
                    for _ in 0..n {
                        out.push_str("\\`");
                    }
                    i += n;
                }
            }
            '\\' => {
                // An existing escape stays as written.
                out.push('\\');
                if let Some(&next) = chars.get(i + 1) {
                    out.push(next);
                }
                i += 2;
            }
            '[' => {
                if let Some(end) = markdown_link_end(&chars, i) {
                    // The link text is escaped too; the URL is kept.
                    let close = find_char(&chars, i + 1, ']').unwrap_or(i);
                    let text: String = chars[i + 1..close].iter().collect();
                    out.push('[');
                    out.push_str(&escape_line(&text));
                    out.extend(&chars[close..end]);
                    i = end;
                } else {
                    out.push_str("\\[");
                    i += 1;
                }
            }
            ']' => {
                out.push_str("\\]");
                i += 1;
            }
            '<' => {
                if let Some(end) = html_or_autolink_end(&chars, i) {
                    out.extend(&chars[i..end]);
                    i = end;
                } else {
                    out.push_str("\\<");
                    i += 1;
                }
            }
            '>' => {
                out.push_str("\\>");
                i += 1;
            }
            'h' if at_word_start(&chars, i) && starts_with(&chars, i, "http") => {
                if let Some(end) = bare_url_end(&chars, i) {
                    out.push('<');
                    out.extend(&chars[i..end]);
                    out.push('>');
                    i = end;
                } else {
                    out.push(c);
                    i += 1;
                }
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

fn run_len(chars: &[char], start: usize, c: char) -> usize {
    chars[start..].iter().take_while(|&&x| x == c).count()
}

fn find_closing_ticks(chars: &[char], from: usize, n: usize) -> Option<usize> {
    let mut j = from;
    while j < chars.len() {
        if chars[j] == '`' {
            let m = run_len(chars, j, '`');
            if m == n {
                return Some(j);
            }
            j += m;
        } else {
            j += 1;
        }
    }
    None
}

fn find_char(chars: &[char], from: usize, c: char) -> Option<usize> {
    chars.get(from..)?.iter().position(|&x| x == c).map(|p| p + from)
}

fn starts_with(chars: &[char], at: usize, s: &str) -> bool {
    s.chars().enumerate().all(|(k, c)| chars.get(at + k) == Some(&c))
}

fn at_word_start(chars: &[char], i: usize) -> bool {
    i == 0 || !(chars[i - 1].is_alphanumeric() || matches!(chars[i - 1], '/' | '(' | '"' | '\''))
}

/// `[text](url)` starting at `start`: the index just past `)`. Text without nested brackets.
fn markdown_link_end(chars: &[char], start: usize) -> Option<usize> {
    let close = find_char(chars, start + 1, ']')?;
    if chars[start + 1..close].contains(&'[') || close == start + 1 {
        return None;
    }
    if chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let mut depth = 0usize;
    for (k, &c) in chars.iter().enumerate().skip(close + 1) {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(k + 1);
                }
            }
            ' ' => return None,
            _ => {}
        }
    }
    None
}

/// `<https://…>` or an HTML tag (`<br>`, `<a href="…">`, `</code>`) at `start`: the index past `>`.
fn html_or_autolink_end(chars: &[char], start: usize) -> Option<usize> {
    let close = find_char(chars, start + 1, '>')?;
    let inner: String = chars[start + 1..close].iter().collect();
    if (inner.starts_with("http://") || inner.starts_with("https://") || inner.starts_with("mailto:"))
        && !inner.contains(char::is_whitespace)
    {
        return Some(close + 1);
    }
    let name = inner.trim_start_matches('/').trim_end_matches('/');
    let tag = name.split(|c: char| c.is_whitespace()).next().unwrap_or("").to_ascii_lowercase();
    if HTML_TAGS.contains(&tag.as_str()) {
        Some(close + 1)
    } else {
        None
    }
}

/// A bare `http://` or `https://` URL at `start`: the index past it, trailing punctuation excluded.
fn bare_url_end(chars: &[char], start: usize) -> Option<usize> {
    if !(starts_with(chars, start, "http://") || starts_with(chars, start, "https://")) {
        return None;
    }
    let mut end = start;
    while end < chars.len() && !chars[end].is_whitespace() && !matches!(chars[end], '<' | '>' | '`' | '"') {
        end += 1;
    }
    while end > start && matches!(chars[end - 1], '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '\'') {
        end -= 1;
    }
    let scheme_len = if starts_with(chars, start, "https://") { 8 } else { 7 };
    (end > start + scheme_len).then_some(end)
}
