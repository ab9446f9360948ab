//! A byte cursor over one cell or heading, shared by the type grammars. It only ever advances
//! over ASCII tokens (or to positions found by `find`), so its position is always a char
//! boundary.

use std::sync::Arc;

use crate::model::{Location, TypeRef};

use super::{col_of, line_no, quote};

/// A grammar error inside a cell: `at` is a byte offset in the cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CellError {
    pub at: usize,
    pub message: String,
    pub note: String,
}

impl CellError {
    pub fn new(at: usize, message: impl Into<String>, note: impl Into<String>) -> Self {
        CellError { at, message: message.into(), note: note.into() }
    }
}

/// Makes locations for byte offsets of one cell of one line.
pub(crate) struct Locator<'a> {
    pub file: &'a Arc<str>,
    pub line_idx: usize,
    pub line: &'a str,
    /// Byte offset of the cell in the line.
    pub base: usize,
}

impl Locator<'_> {
    pub fn loc(&self, at: usize) -> Location {
        Location::new(self.file, line_no(self.line_idx), col_of(self.line, self.base.saturating_add(at)))
    }
}

/// Deepest nesting of types a cell or heading may show (real docs nest three or four): the
/// grammars recurse once per level, and so does everything downstream that walks a `TypeRef`.
pub(crate) const MAX_DEPTH: usize = 64;

pub(crate) struct Cursor<'a> {
    pub s: &'a str,
    pub pos: usize,
    /// Levels of nesting entered and not yet left; see [`Cursor::enter`].
    depth: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(s: &'a str) -> Self {
        Cursor { s, pos: 0, depth: 0 }
    }

    /// Enters one more level of nesting for the type that starts at `start`, or fails past
    /// [`MAX_DEPTH`] (a parse that fails stops there, so only success needs [`Cursor::leave`]).
    pub fn enter(&mut self, start: usize) -> Result<(), CellError> {
        if self.depth >= MAX_DEPTH {
            return Err(CellError::new(
                start,
                format!("type nested more than {MAX_DEPTH} levels deep"),
                format!("types may nest at most {MAX_DEPTH} levels deep"),
            ));
        }
        self.depth += 1;
        Ok(())
    }

    /// Runs `read` one nesting level deeper: the recursive type readers go through this, so
    /// that no input can nest them past [`MAX_DEPTH`].
    pub fn nested<T>(&mut self, read: impl FnOnce(&mut Self) -> Result<T, CellError>) -> Result<T, CellError> {
        self.enter(self.pos)?;
        let result = read(self);
        self.leave(1);
        result
    }

    /// Wraps `ty` in a list for each `[]` that follows, each one a nesting level.
    pub fn array_suffixes(&mut self, mut ty: TypeRef) -> Result<TypeRef, CellError> {
        let mut levels = 0;
        while self.rest().starts_with("[]") {
            if let Err(err) = self.enter(self.pos) {
                self.leave(levels);
                return Err(err);
            }
            self.pos += 2;
            levels += 1;
            ty = TypeRef::List(Box::new(ty));
        }
        self.leave(levels);
        Ok(ty)
    }

    /// Leaves `levels` levels entered with [`Cursor::enter`].
    pub fn leave(&mut self, levels: usize) {
        self.depth = self.depth.saturating_sub(levels);
    }

    pub fn rest(&self) -> &'a str {
        self.s.get(self.pos..).unwrap_or("")
    }

    pub fn at_end(&self) -> bool {
        self.pos >= self.s.len()
    }

    pub fn peek(&self) -> Option<u8> {
        self.s.as_bytes().get(self.pos).copied()
    }

    pub fn eat(&mut self, token: &str) -> bool {
        if self.rest().starts_with(token) {
            self.pos += token.len();
            true
        } else {
            false
        }
    }

    pub fn skip_spaces(&mut self) {
        while self.peek() == Some(b' ') {
            self.pos += 1;
        }
    }

    /// A (possibly dotted) name: ASCII letters, digits, `_` and `.`.
    pub fn ident(&mut self) -> &'a str {
        let start = self.pos;
        while self.peek().is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.') {
            self.pos += 1;
        }
        self.s.get(start..self.pos).unwrap_or("")
    }

    /// A `"…"` or `'…'` string starting at the cursor, without its quotes. `None` (and the
    /// cursor unmoved) when there is no quote here or it is never closed.
    pub fn quoted(&mut self) -> Option<&'a str> {
        let q = self.peek().filter(|&b| b == b'"' || b == b'\'')?;
        let body = self.s.get(self.pos + 1..)?;
        let len = body.find(q as char)?;
        self.pos += len + 2;
        body.get(..len)
    }

    /// An optionally negative run of digits.
    pub fn int(&mut self) -> Option<i64> {
        let start = self.pos;
        self.eat("-");
        let digits = self.pos;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
        let parsed = if self.pos > digits { self.s.get(start..self.pos).and_then(|t| t.parse().ok()) } else { None };
        if parsed.is_none() {
            self.pos = start;
        }
        parsed
    }

    /// The text of the construct starting at `start`: a name plus its balanced `[…]`/`<…>`
    /// argument list, if any (to the end of the text when unbalanced). For quoting in messages.
    pub fn construct(&self, start: usize) -> &'a str {
        let bytes = self.s.as_bytes();
        let mut i = start;
        while bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b == b'.') {
            i += 1;
        }
        if i == start {
            // Not a name: quote one character (or up to the next delimiter).
            while bytes.get(i).is_some_and(|b| !matches!(b, b'*' | b'`' | b']' | b'[' | b'>' | b'<')) {
                i += 1;
            }
            if i == start {
                i += self.s.get(start..).and_then(|r| r.chars().next()).map_or(0, char::len_utf8);
            }
        } else if matches!(bytes.get(i), Some(b'[' | b'<')) {
            let mut depth = 0usize;
            while let Some(&b) = bytes.get(i) {
                i += 1;
                match b {
                    b'[' | b'<' => depth += 1,
                    b']' | b'>' => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
            }
        }
        self.s.get(start..i.min(self.s.len())).unwrap_or("")
    }

    /// "expected `token`, found …" at the cursor.
    pub fn expected(&self, token: &str, open: Option<(usize, &str)>, note: &str) -> CellError {
        match (self.at_end(), open) {
            (true, Some((at, what))) => CellError::new(
                at,
                format!("unbalanced brackets in `{}`: `{what}` is never closed", quote(self.s.get(at..).unwrap_or(""))),
                format!("expected `{token}` before the end of the text"),
            ),
            (true, None) => {
                CellError::new(self.pos, format!("expected `{token}` at the end of `{}`", quote(self.s)), note)
            }
            (false, _) => CellError::new(
                self.pos,
                format!("expected `{token}`, found `{}` in `{}`", quote(self.rest()), quote(self.s)),
                note,
            ),
        }
    }

    /// Fails unless the cursor is at the end.
    pub fn finish(&self, note: &str) -> Result<(), CellError> {
        if self.at_end() {
            return Ok(());
        }
        let rest = self.rest();
        let message = if rest.starts_with(']') || rest.starts_with('>') {
            format!("unbalanced brackets: unexpected `{}` in `{}`", quote(rest), quote(self.s))
        } else {
            format!("unexpected `{}` after the type in `{}`", quote(rest), quote(self.s))
        };
        Err(CellError::new(self.pos, message, note))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens() {
        let mut c = Cursor::new("models.Foo[\"a]b\"] -12x");
        assert_eq!(c.ident(), "models.Foo");
        assert!(c.eat("["));
        assert_eq!(c.quoted(), Some("a]b"));
        assert!(c.eat("]"));
        c.skip_spaces();
        assert_eq!(c.int(), Some(-12));
        assert_eq!(c.int(), None);
        assert_eq!(c.rest(), "x");
        assert!(c.finish("n").is_err());
    }

    #[test]
    fn construct_quotes_balanced() {
        let c = Cursor::new("Optionall[float]*");
        assert_eq!(c.construct(0), "Optionall[float]");
        let c = Cursor::new("Foo[Bar[x]");
        assert_eq!(c.construct(0), "Foo[Bar[x]");
        let c = Cursor::new("é");
        assert_eq!(c.construct(0), "é");
        let c = Cursor::new("?? x*");
        assert_eq!(c.construct(0), "?? x");
    }

    #[test]
    fn unclosed_quote() {
        let mut c = Cursor::new("\"abc");
        assert_eq!(c.quoted(), None);
        assert_eq!(c.pos, 0);
    }
}
