//! Markdown tables: rows split on unescaped pipes, cells trimmed as slices of the line.
//!
//! Generated tables pad every cell to the width of the widest cell in the table (lines reach
//! 11,336 characters), so nothing here copies a cell: cells are `&str` into the line, and
//! trimming skips padding 16 bytes at a time.

use super::{quote, Ctx};

/// One cell: its trimmed text and the byte offset of that text in the line.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cell<'a> {
    pub text: &'a str,
    pub start: usize,
}

/// One row of a [`Table`]: the index of its line and its cells.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Row<'t, 'a> {
    /// 0-based index of the line.
    pub idx: usize,
    pub cells: &'t [Cell<'a>],
}

/// A table's rows, every row's cells in one list (a table of n rows is one allocation for its
/// cells, not n): [`Table::header`] and [`Table::rows`] give each row's slice of it.
#[derive(Debug, Clone)]
pub(crate) struct Table<'a> {
    cells: Vec<Cell<'a>>,
    header: Span,
    /// Data rows whose cell count matches the header's (the others are reported).
    rows: Vec<Span>,
}

/// Where a row's cells are in [`Table::cells`].
#[derive(Debug, Clone, Copy)]
struct Span {
    idx: usize,
    start: usize,
    end: usize,
}

impl<'a> Table<'a> {
    fn row(&self, span: Span) -> Row<'_, 'a> {
        Row { idx: span.idx, cells: self.cells.get(span.start..span.end).unwrap_or(&[]) }
    }

    pub fn header(&self) -> Row<'_, 'a> {
        self.row(self.header)
    }

    /// The data rows, in order.
    pub fn rows(&self) -> impl ExactSizeIterator<Item = Row<'_, 'a>> {
        self.rows.iter().map(|span| self.row(*span))
    }
}

/// Trims ASCII spaces and tabs from both ends, fast on long runs of padding.
pub(crate) fn trim_padding(s: &str) -> &str {
    let b = s.as_bytes();
    // Padding runs to thousands of spaces: skip it from the end 128 bytes at a time (one
    // vectorized comparison each), then in smaller steps. The end first, so that a cell of
    // padding only is not walked byte by byte from the start.
    const SPACES: [u8; 128] = [b' '; 128];
    let mut end = b.len();
    for step in [128, 16, 4] {
        while end >= step && b.get(end - step..end) == SPACES.get(..step) {
            end -= step;
        }
    }
    while end > 0 && b.get(end - 1).is_some_and(|c| *c == b' ' || *c == b'\t') {
        end -= 1;
    }
    let mut start = 0;
    while start < end && b.get(start).is_some_and(|c| *c == b' ' || *c == b'\t') {
        start += 1;
    }
    // Only ASCII bytes were skipped, so both ends are char boundaries.
    s.get(start..end).unwrap_or("")
}

/// Splits a row (a line starting with `|`) on the pipes not preceded by `\`.
/// The pieces before the first and after the last pipe are dropped when empty.
pub(crate) fn split_row(line: &str) -> Vec<Cell<'_>> {
    let mut cells = Vec::new();
    split_row_into(line, &mut cells);
    cells
}

/// [`split_row`], appending the cells to `cells`; returns how many it appended.
fn split_row_into<'a>(line: &'a str, cells: &mut Vec<Cell<'a>>) -> usize {
    let before = cells.len();
    let bytes = line.as_bytes();
    let mut piece_start = 0usize;
    let mut search = 0usize;
    let mut first = true;
    while let Some(rel) = bytes.get(search..).and_then(|rest| memchr::memchr(b'|', rest)) {
        let at = search + rel;
        search = at + 1;
        if at > 0 && bytes.get(at - 1) == Some(&b'\\') {
            continue;
        }
        let piece = line.get(piece_start..at).unwrap_or("");
        if !(first && trim_padding(piece).is_empty()) {
            cells.push(cell(line, piece_start, piece));
        }
        first = false;
        piece_start = at + 1;
    }
    let tail = line.get(piece_start..).unwrap_or("");
    if !trim_padding(tail).is_empty() {
        cells.push(cell(line, piece_start, tail));
    }
    cells.len() - before
}

fn cell<'a>(line: &'a str, piece_start: usize, piece: &'a str) -> Cell<'a> {
    let text = trim_padding(piece);
    let start = if text.is_empty() { piece_start } else { super::offset_in(line, text) };
    Cell { text, start }
}

/// `| --- | :-: |`: every cell dashes, with optional alignment colons.
pub(crate) fn is_separator(cells: &[Cell<'_>]) -> bool {
    !cells.is_empty()
        && cells.iter().all(|c| {
            let t = c.text.strip_prefix(':').unwrap_or(c.text);
            let t = t.strip_suffix(':').unwrap_or(t);
            !t.is_empty() && t.bytes().all(|b| b == b'-')
        })
}

/// The index of the first line from `idx` on that does not start with `|`: the end of the table
/// whose header is line `idx`.
pub(crate) fn table_end(lines: &[&str], idx: usize) -> usize {
    let mut end = idx;
    while lines.get(end).is_some_and(|l| l.starts_with('|')) {
        end += 1;
    }
    end
}

/// Reads the table whose header is line `idx`; the table runs to the first line not starting
/// with `|`. Returns the table and the index of the first line after it. Reports a missing
/// separator row and rows whose cell count differs from the header's.
pub(crate) fn read_table<'a>(ctx: &mut Ctx<'a>, idx: usize) -> (Table<'a>, usize) {
    let end = table_end(&ctx.lines, idx);
    let header_line: &'a str = ctx.lines.get(idx).copied().unwrap_or("");
    // Room for every row of as many cells as the header has, separator included.
    let mut cells = Vec::new();
    let width = split_row_into(header_line, &mut cells);
    cells.reserve(width * (end - idx).saturating_sub(1));
    let header = Span { idx, start: 0, end: width };
    let mut data_from = idx + 1;
    if let Some(sep_line) = ctx.lines.get(idx + 1).copied().filter(|l| l.starts_with('|')) {
        let sep_width = split_row_into(sep_line, &mut cells);
        let is_sep = is_separator(cells.get(width..).unwrap_or(&[]));
        cells.truncate(width);
        if is_sep {
            data_from = idx + 2;
            if sep_width != width {
                let msg = format!("separator row has {sep_width} cells but the header has {width}");
                ctx.error(idx + 1, 0, msg, "the separator row has one `---` per header column");
            }
        }
    }
    if data_from == idx + 1 {
        let msg = format!("table has no separator row after its header `{}`", quote(header_line.trim()));
        ctx.error(idx, 0, msg, "a markdown table's second line is `| --- | --- | … |`");
    }
    let mut rows = Vec::with_capacity(end.saturating_sub(data_from));
    for row_idx in data_from..end {
        let line: &'a str = ctx.lines.get(row_idx).copied().unwrap_or("");
        let start = cells.len();
        let count = split_row_into(line, &mut cells);
        if count != width {
            cells.truncate(start);
            let msg = format!("table row has {count} cells but the header has {width}: `{}`", quote(line.trim()));
            ctx.error(
                row_idx,
                0,
                msg,
                "every row has one cell per header column; a `|` inside a cell is written `\\|`",
            );
            continue;
        }
        rows.push(Span { idx: row_idx, start, end: start + count });
    }
    (Table { cells, header, rows }, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(line: &str) -> Vec<&str> {
        split_row(line).iter().map(|c| c.text).collect()
    }

    #[test]
    fn splits_on_unescaped_pipes() {
        assert_eq!(texts("| `a` | *str* | x \\| y |"), vec!["`a`", "*str*", "x \\| y"]);
        assert_eq!(texts("| a |  |"), vec!["a", ""]);
        assert_eq!(texts("|a|b"), vec!["a", "b"]);
        let line = "| `name`                          | *str*   |";
        let cells = split_row(line);
        assert_eq!(cells[0].start, 2);
        assert_eq!(cells[1].start, line.find('*').unwrap());
        assert_eq!(cells[1].text, "*str*");
    }

    /// The skips from the end (128, 16 and 4 bytes at a time) give what trimming byte by byte
    /// gives, for every padding length up to past two 128-byte steps, with tabs inside it.
    #[test]
    fn trim_padding_is_trimming_spaces_and_tabs() {
        for text in ["", "x", "a b", "é  z", "\tq\t"] {
            for before in 0..20 {
                for after in 0..300 {
                    for tab_at in [None, Some(0), Some(7), Some(31), Some(130)] {
                        let mut tail = " ".repeat(after);
                        if let Some(at) = tab_at.filter(|at| *at < after) {
                            tail.replace_range(at..=at, "\t");
                        }
                        let padded = format!("{}{text}{tail}", " ".repeat(before));
                        assert_eq!(trim_padding(&padded), padded.trim_matches([' ', '\t']), "{padded:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn trims_long_padding() {
        let padded = format!("  x{}", " ".repeat(11_336));
        assert_eq!(trim_padding(&padded), "x");
        assert_eq!(trim_padding("   "), "");
        assert_eq!(trim_padding(" é "), "é");
    }

    /// Every row's cells are one list: the rows kept after a rejected one (too few cells, too
    /// many) still get exactly their own cells, and the separator's never show.
    #[test]
    fn rows_keep_their_own_cells_around_rejected_rows() {
        let text = "| Name | Value |\n| --- | --- |\n| `A` | a |\n| `B` |\n| `C` | c | extra |\n| `D` | d |\nafter";
        let file = super::super::test_support::source("x.md", text);
        let mut diags = crate::diagnostic::Diagnostics::new();
        let lines: Vec<&str> = file.text.split('\n').collect();
        let mut ctx = Ctx { file: &file, lines, flavour: super::super::Flavour::Python, diags: &mut diags, docs: true };
        let (table, end) = read_table(&mut ctx, 0);
        assert_eq!(end, 6);
        let header = table.header();
        assert_eq!((header.idx, header.cells.iter().map(|c| c.text).collect::<Vec<_>>()), (0, vec!["Name", "Value"]));
        let rows: Vec<(usize, Vec<&str>)> =
            table.rows().map(|row| (row.idx, row.cells.iter().map(|c| c.text).collect())).collect();
        assert_eq!(rows, [(2, vec!["`A`", "a"]), (5, vec!["`D`", "d"])]);
        let messages: Vec<String> = diags.into_sorted().into_iter().map(|d| d.message).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(messages[0].starts_with("table row has 1 cells but the header has 2"), "{messages:?}");
        assert!(messages[1].starts_with("table row has 3 cells but the header has 2"), "{messages:?}");
    }

    #[test]
    fn separator() {
        assert!(is_separator(&split_row("| --- | :-: | ---: |")));
        assert!(!is_separator(&split_row("| --- | x |")));
        assert!(!is_separator(&split_row("|")));
    }
}
