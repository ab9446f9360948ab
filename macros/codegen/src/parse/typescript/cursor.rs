//! The token cursor every part of the TypeScript parser shares: look-ahead that steps over
//! JSDoc blocks, locations, quoting of source text for messages, and the balanced skippers
//! used for code the parser does not keep (method bodies, initializers, statements).

use std::sync::Arc;

use super::lexer::{Token, TokenKind};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::Location;

/// Deepest nesting of types, object literals and namespaces the parser follows.
pub(crate) const MAX_DEPTH: usize = 64;

/// Longest quotation of source text in a message or an `Unsupported` construct.
const MAX_QUOTE: usize = 60;

/// One TypeScript text being parsed.
pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub file: &'a Arc<str>,
    /// The file's path relative to the schema root (`TypeDef::file`).
    pub rel: &'a str,
    pub toks: Vec<Token>,
    /// Index of the next token (which may be a JSDoc block).
    pub pos: usize,
    pub diags: &'a mut Diagnostics,
    /// Above zero while parsing code whose syntax errors do not matter (function return types).
    pub quiet: u32,
    /// While a declaration is read: the problems found in it, which go with the type it
    /// declares (`TypeDef::diagnostics`). Problems found outside any declaration are
    /// unattached ([`Diagnostics::push_unattached`]).
    pub held: Option<Vec<Diagnostic>>,
    /// The declaration being read: its name token, name and what it is (`` `interface X` ``).
    pub held_name: Option<(usize, String, String)>,
}

impl<'a> Ctx<'a> {
    pub fn tok(&self, idx: usize) -> Option<&Token> {
        self.toks.get(idx)
    }

    /// Index of the next token that is not a JSDoc block.
    pub fn peek_idx(&self) -> Option<usize> {
        self.nth_idx(0)
    }

    /// Index of the `n`-th next token that is not a JSDoc block (0 = the next one).
    pub fn nth_idx(&self, n: usize) -> Option<usize> {
        self.toks
            .iter()
            .enumerate()
            .skip(self.pos)
            .filter(|(_, t)| !matches!(t.kind, TokenKind::DocComment(_)))
            .nth(n)
            .map(|(i, _)| i)
    }

    pub fn peek(&self) -> Option<&Token> {
        self.peek_idx().and_then(|i| self.toks.get(i))
    }

    pub fn peek_nth(&self, n: usize) -> Option<&Token> {
        self.nth_idx(n).and_then(|i| self.toks.get(i))
    }

    /// Consumes the next token (and any JSDoc before it); returns its index.
    pub fn bump(&mut self) -> Option<usize> {
        let idx = self.peek_idx()?;
        self.pos = idx + 1;
        Some(idx)
    }

    pub fn at_punct(&self, p: &str) -> bool {
        self.peek().is_some_and(|t| t.is_punct(p))
    }

    pub fn at_ident(&self, word: &str) -> bool {
        self.peek().is_some_and(|t| t.is_ident(word))
    }

    pub fn nth_is_punct(&self, n: usize, p: &str) -> bool {
        self.peek_nth(n).is_some_and(|t| t.is_punct(p))
    }

    pub fn eat_punct(&mut self, p: &str) -> bool {
        let at = self.at_punct(p);
        if at {
            self.bump();
        }
        at
    }

    /// Whether a line break separates the next token from the one before it.
    pub fn newline_before_next(&self) -> bool {
        self.peek().is_some_and(|t| t.newline_before)
    }

    /// Consumes the JSDoc blocks at the cursor; returns the index of the last (the nearest).
    pub fn take_doc(&mut self) -> Option<usize> {
        let mut last = None;
        while let Some(tok) = self.toks.get(self.pos) {
            if !matches!(tok.kind, TokenKind::DocComment(_)) {
                break;
            }
            last = Some(self.pos);
            self.pos += 1;
        }
        last
    }

    /// The text of the JSDoc block at `idx`.
    pub fn doc_text(&self, idx: Option<usize>) -> Option<&str> {
        match &self.tok(idx?)?.kind {
            TokenKind::DocComment(body) => Some(body),
            _ => None,
        }
    }

    /// The identifier at `idx`, if it is one.
    pub fn ident(&self, idx: usize) -> Option<&str> {
        match &self.tok(idx)?.kind {
            TokenKind::Ident(word) => Some(word),
            _ => None,
        }
    }

    /// Where token `idx` starts; the end of the text for an index past the last token.
    pub fn loc(&self, idx: usize) -> Location {
        match self.toks.get(idx).or_else(|| self.toks.last()) {
            Some(tok) => Location::new(self.file, tok.line, tok.col),
            None => Location::new(self.file, 1, 1),
        }
    }

    /// Where the next token starts.
    pub fn loc_next(&self) -> Location {
        self.loc(self.peek_idx().unwrap_or(self.toks.len()))
    }

    /// The source text of tokens `start..end` (an exclusive token range), whitespace collapsed,
    /// at most 60 characters.
    pub fn snippet(&self, start: usize, end: usize) -> String {
        let (Some(first), Some(last)) = (self.toks.get(start), end.checked_sub(1).and_then(|e| self.toks.get(e)))
        else {
            return String::new();
        };
        let raw = self.text.get(first.start..last.end.max(first.start)).unwrap_or("");
        let collapsed = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        match collapsed.char_indices().nth(MAX_QUOTE) {
            Some((cut, _)) => format!("{}…", collapsed.get(..cut).unwrap_or(&collapsed)),
            None => collapsed,
        }
    }

    /// The next token as a message shows it: "`foo`", or "the end of the file".
    pub fn describe_next(&self) -> String {
        match self.peek_idx() {
            Some(idx) => format!("`{}`", self.snippet(idx, idx + 1)),
            None => "the end of the file".to_string(),
        }
    }

    pub fn error_at(&mut self, loc: Location, message: impl Into<String>, note: impl Into<String>) {
        let Some(diagnostic) = self.diagnostic(loc, message, note) else { return };
        match &mut self.held {
            Some(held) => held.push(diagnostic),
            None => self.diags.push_unattached(diagnostic),
        }
    }

    /// A diagnostic to report, or `None` while errors do not matter (`quiet`).
    pub fn diagnostic(&self, loc: Location, message: impl Into<String>, note: impl Into<String>) -> Option<Diagnostic> {
        (self.quiet == 0).then(|| Diagnostic::new(loc, message).with_note(note))
    }

    /// The problems held for the declaration being read so far.
    pub fn take_held(&mut self) -> Vec<Diagnostic> {
        self.held.as_mut().map(std::mem::take).unwrap_or_default()
    }

    pub fn error(&mut self, idx: usize, message: impl Into<String>, note: impl Into<String>) {
        let loc = self.loc(idx);
        self.error_at(loc, message, note);
    }

    /// At `(`, `[` or `{`: consumes up to and including the matching closer, counting every
    /// kind of bracket together. Returns false if the text ends first.
    pub fn skip_balanced(&mut self) -> bool {
        let mut depth = 0usize;
        while let Some(idx) = self.bump() {
            let Some(tok) = self.tok(idx) else { break };
            if is_opener(tok) {
                depth += 1;
            } else if is_closer(tok) {
                depth = depth.saturating_sub(1);
            }
            if depth == 0 {
                return true;
            }
        }
        false
    }

    /// At `<`: consumes type parameters or arguments up to the matching `>`, brackets balanced.
    pub fn skip_angles(&mut self) -> bool {
        let mut depth = 0usize;
        while let Some(tok) = self.peek() {
            if is_opener(tok) {
                if !self.skip_balanced() {
                    return false;
                }
                continue;
            }
            if is_closer(tok) || tok.is_punct(";") {
                // A stray closer: the angle brackets were not type parameters after all.
                return false;
            }
            if tok.is_punct("<") {
                depth += 1;
            } else if tok.is_punct(">") {
                depth = depth.saturating_sub(1);
            }
            self.bump();
            if depth == 0 {
                return true;
            }
        }
        false
    }

    /// Skips code up to the end of a statement or member: consumes a `;` at depth 0, stops
    /// before a `}` at depth 0, and before a line that starts something new (automatic
    /// semicolon insertion). Always consumes at least one token unless at `}` or the end.
    pub fn skip_code(&mut self, stop_at_comma: bool) {
        let mut prev: Option<usize> = None;
        while let Some(idx) = self.peek_idx() {
            let Some(tok) = self.tok(idx) else { break };
            if tok.is_punct("}") {
                return;
            }
            if tok.is_punct(";") || (stop_at_comma && tok.is_punct(",")) {
                self.bump();
                return;
            }
            if prev.is_some() && starts_new_line(self, idx, prev) {
                return;
            }
            // Brackets are skipped whole, so everything seen here is at depth 0.
            if is_opener(tok) {
                if !self.skip_balanced() {
                    return;
                }
            } else {
                self.bump();
            }
            prev = self.pos.checked_sub(1);
        }
    }
}

fn is_opener(tok: &Token) -> bool {
    tok.is_punct("(") || tok.is_punct("[") || tok.is_punct("{")
}

fn is_closer(tok: &Token) -> bool {
    tok.is_punct(")") || tok.is_punct("]") || tok.is_punct("}")
}

/// Punctuation after which a line break does not end an expression.
const CONTINUES: &[&str] =
    &["=>", ".", "?", ":", "|", "&", "+", "-", "*", "/", "%", "=", "<", ">", ",", "(", "[", "{", "!", "^", "~"];

/// Whether token `idx` begins a new statement or member on its own line.
fn starts_new_line(ctx: &Ctx<'_>, idx: usize, prev: Option<usize>) -> bool {
    let Some(tok) = ctx.tok(idx) else { return false };
    if !tok.newline_before {
        return false;
    }
    let prev_continues =
        prev.and_then(|p| ctx.tok(p)).is_some_and(|p| matches!(p.kind, TokenKind::Punct(q) if CONTINUES.contains(&q)));
    let starts = matches!(tok.kind, TokenKind::Ident(_) | TokenKind::Str(_) | TokenKind::Number(_))
        || tok.is_punct("@")
        || tok.is_punct("#")
        || tok.is_punct("[")
        || tok.is_punct("*");
    starts && !prev_continues
}
