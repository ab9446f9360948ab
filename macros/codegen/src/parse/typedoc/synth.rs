//! The synthetic TypeScript source of a page: as many lines as the page, each piece of
//! TypeScript on the line and at the column where the page shows it, blank lines elsewhere.
//! The TypeScript parser reads it, so every location it reports points into the page.

use super::page::{depth_delta, MemberDoc, Page, PageKind};

/// Builds the synthetic source of `page` from its normalised `lines`.
pub(crate) fn build(lines: &[String], page: &Page) -> String {
    let mut out: Vec<String> = vec![String::new(); lines.len()];
    let h = &page.header;
    let lead = " ".repeat(h.name_at.saturating_sub(h.kind.title().len() + 1));
    // The keyword, padded so that the name keeps its column.
    let keyword = |kw: &str| format!("{lead}{kw:<width$} ", width = h.kind.title().len());
    match h.kind {
        PageKind::Interface => match &page.block {
            Some(block) => {
                for i in block.lines.clone() {
                    out[i] = lines[i].clone();
                }
            }
            None if page.members.is_empty() => out[h.idx] = format!("{}{} {{}}", keyword("interface"), h.decl),
            None => {
                out[h.idx] = format!("{}{} {{", keyword("interface"), h.decl);
                properties(lines, page, &mut out);
            }
        },
        PageKind::Class => {
            out[h.idx] = format!("{}{} {{", keyword("class"), h.decl);
            properties(lines, page, &mut out);
        }
        PageKind::Enumeration => {
            out[h.idx] = format!("{}{} {{", keyword("enum"), h.decl);
            let mut last = None;
            for m in &page.members {
                let line = &lines[m.sig.start];
                let mut s = blank_before(line, m.sig_at);
                s.push_str(&line[m.sig_at..m.colon_at]);
                s.push('=');
                s.push_str(&line[m.colon_at + 1..]);
                s.push(',');
                out[m.sig.start] = s;
                let rest = m.sig.start + 1..m.sig.end;
                out[rest.clone()].clone_from_slice(&lines[rest]);
                last = Some(m.sig.end - 1);
            }
            close(&mut out, h.idx, last);
        }
        PageKind::TypeAlias => match &page.alias {
            Some(sig) => {
                out[h.idx] = format!("{}{} =", keyword("type"), h.decl);
                let first = &lines[sig.start];
                let colon = first.find(':').map_or(0, |c| c + 1);
                out[sig.start] = format!("{}{}", " ".repeat(first[..colon].chars().count()), &first[colon..]);
                let rest = sig.start + 1..sig.end;
                out[rest.clone()].clone_from_slice(&lines[rest]);
                out[sig.end - 1].push(';');
            }
            // No signature: `type X =` alone, which the TypeScript parser reports.
            None => out[h.idx] = format!("{}{} =", keyword("type"), h.decl),
        },
    }
    out.join("\n")
}

/// Spaces up to byte `at` of `line`, one per character.
fn blank_before(line: &str, at: usize) -> String {
    " ".repeat(line.get(..at).map_or(at, |p| p.chars().count()))
}

/// Property declarations for a class (or an interface page without its block), then `}`.
fn properties(lines: &[String], page: &Page, out: &mut [String]) {
    let mut last = None;
    for m in page.members.iter().filter(|m| !m.badges.contains(&"Static")) {
        property(lines, m, out);
        last = Some(m.sig.end - 1);
    }
    close(out, page.header.idx, last);
}

/// One member's signature as a property declaration: `name?: Type;`, initializer removed.
fn property(lines: &[String], m: &MemberDoc, out: &mut [String]) {
    let mut depth = 0i64;
    for i in m.sig.clone() {
        let line = &lines[i];
        let from = if i == m.sig.start { m.sig_at } else { 0 };
        let mut s = if i == m.sig.start { blank_before(line, from) } else { String::new() };
        let text = &line[from..];
        let cut = if i == m.sig.start {
            // The name and `?:` cannot hold an initializer.
            initializer(&text[m.colon_at - from..], depth).map(|c| c + m.colon_at - from)
        } else {
            initializer(text, depth)
        };
        match cut {
            Some(c) => {
                s.push_str(text[..c].trim_end());
                s.push(';');
                out[i] = s;
                return;
            }
            None => {
                s.push_str(text);
                out[i] = s;
            }
        }
        depth += depth_delta(text);
    }
    out[m.sig.end - 1].push(';');
}

/// Byte offset of a top-level ` = init` in `text` (at bracket depth `depth` when it starts).
fn initializer(text: &str, mut depth: i64) -> Option<usize> {
    let mut in_str: Option<char> = None;
    let mut prev = ' ';
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if let Some(q) = in_str {
            if c == q {
                in_str = None;
            }
            prev = c;
            continue;
        }
        match c {
            '"' | '\'' | '`' => in_str = Some(c),
            '{' | '(' | '[' | '<' => depth += 1,
            '}' | ')' | ']' => depth -= 1,
            '>' if prev != '=' => depth -= 1,
            '=' if depth <= 0
                && !matches!(prev, '=' | '!' | '<' | '>')
                && iter.peek().is_none_or(|&(_, n)| n != '>' && n != '=') =>
            {
                return Some(i);
            }
            _ => {}
        }
        prev = c;
    }
    None
}

/// Closes a synthesized body: `}` on the line after its last member, or after the header.
fn close(out: &mut [String], header: usize, last: Option<usize>) {
    match last {
        None => out[header].push('}'),
        Some(l) if l + 1 < out.len() => out[l + 1] = "}".to_string(),
        Some(l) => out[l].push_str(" }"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initializers_are_found_at_top_level_only() {
        assert_eq!(initializer(": FunctionResponse | FunctionResponse[] = []", 0), Some(40));
        assert_eq!(initializer(": (e: X) => void", 0), None);
        assert_eq!(initializer(": Record<string, number>", 0), None);
        assert_eq!(initializer(": \"a=b\"", 0), None);
        assert_eq!(initializer(": { a: number } = {}", 0), Some(16));
    }
}
