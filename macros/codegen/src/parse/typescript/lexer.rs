//! A TypeScript lexer for the declaration subset: comments, strings and template literals are
//! real tokens, so that separators inside them (`;`, `{`, `//` in URLs) never split members.
//!
//! JSDoc blocks (`/** … */`) are kept as tokens for attachment to the next declaration;
//! other comments are dropped.

use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::Location;

#[derive(Debug, Clone, PartialEq)]
pub enum TokenKind {
    Ident(String),
    /// A string literal's value, escapes decoded.
    Str(String),
    /// A numeric literal as written.
    Number(String),
    /// A template literal; its content is not needed by any declaration we keep.
    Template,
    /// The text inside `/** … */`.
    DocComment(String),
    /// One punctuation character, or `=>` / `...`.
    Punct(&'static str),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub kind: TokenKind,
    pub line: u32,
    pub col: u32,
    /// A line break separates this token from the previous one (ASI-style member separators).
    pub newline_before: bool,
}

impl Token {
    pub fn is_punct(&self, p: &str) -> bool {
        matches!(self.kind, TokenKind::Punct(q) if q == p)
    }

    pub fn is_ident(&self, word: &str) -> bool {
        matches!(&self.kind, TokenKind::Ident(w) if w == word)
    }
}

const PUNCTS: &[&str] = &[
    "=>", "...", "{", "}", "(", ")", "[", "]", "<", ">", ";", ",", ":", "?", "|", "&", "=", ".", "!", "@", "*",
    "+", "-", "/", "%", "^", "~", "#",
];

/// Splits `text` into tokens. Unterminated comments, strings and templates are reported at
/// the place they start, and lexing stops there.
pub fn lex(text: &str, file: &Arc<str>, diags: &mut Diagnostics) -> Vec<Token> {
    Lexer { text, pos: 0, line: 1, col: 1, file, tokens: Vec::new(), newline: false }.run(diags)
}

struct Lexer<'a> {
    text: &'a str,
    pos: usize,
    line: u32,
    col: u32,
    file: &'a Arc<str>,
    tokens: Vec<Token>,
    newline: bool,
}

impl Lexer<'_> {
    fn run(mut self, diags: &mut Diagnostics) -> Vec<Token> {
        while let Some(c) = self.peek() {
            let (line, col) = (self.line, self.col);
            if c == '\n' {
                self.newline = true;
                self.bump();
            } else if c.is_whitespace() || is_invisible(c) {
                self.bump();
            } else if self.rest().starts_with("/**") && !self.rest().starts_with("/**/") {
                match self.block_comment() {
                    Some(body) => self.push(TokenKind::DocComment(body), line, col),
                    None => return self.unterminated(diags, line, col, "comment", "`*/`"),
                }
            } else if self.rest().starts_with("/*") {
                if self.block_comment().is_none() {
                    return self.unterminated(diags, line, col, "comment", "`*/`");
                }
            } else if self.rest().starts_with("//") {
                while self.peek().is_some_and(|c| c != '\n') {
                    self.bump();
                }
            } else if c == '"' || c == '\'' {
                match self.string(c) {
                    Some(value) => self.push(TokenKind::Str(value), line, col),
                    None => return self.unterminated(diags, line, col, "string", &format!("a closing `{c}` on the same line")),
                }
            } else if c == '`' {
                if !self.template() {
                    return self.unterminated(diags, line, col, "template literal", "a closing backtick");
                }
                self.push(TokenKind::Template, line, col);
            } else if c.is_ascii_digit() {
                let start = self.pos;
                while self.peek().is_some_and(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_') {
                    self.bump();
                }
                let number = self.text[start..self.pos].to_string();
                self.push(TokenKind::Number(number), line, col);
            } else if is_ident_start(c) {
                let start = self.pos;
                while self.peek().is_some_and(is_ident_continue) {
                    self.bump();
                }
                let ident = self.text[start..self.pos].to_string();
                self.push(TokenKind::Ident(ident), line, col);
            } else if let Some(p) = PUNCTS.iter().find(|p| self.rest().starts_with(**p)) {
                for _ in 0..p.len() {
                    self.bump();
                }
                self.push(TokenKind::Punct(p), line, col);
            } else {
                diags.push(
                    Diagnostic::new(Location::new(self.file, line, col), format!("unexpected character `{c}`"))
                        .with_note("expected TypeScript declarations"),
                );
                self.bump();
            }
        }
        self.tokens
    }

    fn rest(&self) -> &str {
        &self.text[self.pos..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn push(&mut self, kind: TokenKind, line: u32, col: u32) {
        self.tokens.push(Token { kind, line, col, newline_before: std::mem::take(&mut self.newline) });
    }

    fn unterminated(self, diags: &mut Diagnostics, line: u32, col: u32, what: &str, expected: &str) -> Vec<Token> {
        diags.push(
            Diagnostic::new(Location::new(self.file, line, col), format!("unterminated {what}"))
                .with_note(format!("expected {expected} before the end of the file")),
        );
        self.tokens
    }

    /// Consumes `/* … */`, returning the text between the delimiters (without a leading `*`
    /// of a `/**` block).
    fn block_comment(&mut self) -> Option<String> {
        let start = self.pos + 2;
        self.bump();
        self.bump();
        loop {
            if self.rest().starts_with("*/") {
                let body = &self.text[start..self.pos];
                self.bump();
                self.bump();
                self.newline = self.newline || body.contains('\n');
                return Some(body.strip_prefix('*').unwrap_or(body).to_string());
            }
            self.bump()?;
        }
    }

    fn string(&mut self, quote: char) -> Option<String> {
        self.bump();
        let mut value = String::new();
        loop {
            match self.bump()? {
                c if c == quote => return Some(value),
                '\n' => return None,
                '\\' => match self.bump()? {
                    'n' => value.push('\n'),
                    't' => value.push('\t'),
                    'r' => value.push('\r'),
                    '0' => value.push('\0'),
                    '\n' => {}
                    other => value.push(other),
                },
                c => value.push(c),
            }
        }
    }

    /// Consumes a template literal, including nested `${ … }` with strings and templates inside.
    fn template(&mut self) -> bool {
        self.bump();
        loop {
            match self.bump() {
                None => return false,
                Some('`') => return true,
                Some('\\') => {
                    self.bump();
                }
                Some('$') if self.peek() == Some('{') => {
                    self.bump();
                    if !self.template_expression() {
                        return false;
                    }
                }
                Some(_) => {}
            }
        }
    }

    fn template_expression(&mut self) -> bool {
        let mut depth = 1;
        while let Some(c) = self.peek() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        self.bump();
                        return true;
                    }
                }
                '\'' | '"' => {
                    if self.string(c).is_none() {
                        return false;
                    }
                    continue;
                }
                '`' => {
                    if !self.template() {
                        return false;
                    }
                    continue;
                }
                _ => {}
            }
            self.bump();
        }
        false
    }
}

fn is_ident_start(c: char) -> bool {
    c.is_alphabetic() || c == '_' || c == '$'
}

fn is_ident_continue(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '$'
}

/// Zero-width characters that copy-and-paste leaves in text (`<wbr>` → U+200B, soft hyphens).
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> (Vec<TokenKind>, Vec<String>) {
        let mut diags = Diagnostics::new();
        let tokens = lex(text, &Arc::from("t.ts"), &mut diags);
        (tokens.into_iter().map(|t| t.kind).collect(), diags.into_sorted().iter().map(ToString::to_string).collect())
    }

    fn ident(s: &str) -> TokenKind {
        TokenKind::Ident(s.into())
    }

    #[test]
    fn separators_inside_comments_and_strings_are_not_tokens() {
        let (tokens, errors) = kinds("// a; b {\n/* x; } */ a: 'x;}' // https://x\n");
        assert!(errors.is_empty());
        assert_eq!(tokens, vec![ident("a"), TokenKind::Punct(":"), TokenKind::Str("x;}".into())]);
    }

    #[test]
    fn jsdoc_blocks_are_kept() {
        let (tokens, _) = kinds("/** Usage. */ export");
        assert_eq!(tokens, vec![TokenKind::DocComment(" Usage. ".into()), ident("export")]);
    }

    #[test]
    fn templates_with_nested_expressions_are_one_token() {
        let (tokens, errors) = kinds("x = `a ${ {b: `c${'}'}`} } d`;");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(tokens, vec![ident("x"), TokenKind::Punct("="), TokenKind::Template, TokenKind::Punct(";")]);
    }

    #[test]
    fn unterminated_comment_is_reported_where_it_starts() {
        let (_, errors) = kinds("a\n  /** never closed");
        assert_eq!(errors, vec!["t.ts:2:3: unterminated comment\n  note: expected `*/` before the end of the file"]);
    }

    #[test]
    fn nbsp_and_zero_width_characters_are_whitespace() {
        let (tokens, errors) = kinds("\u{a0}\u{a0}a\u{200b}?: number;");
        assert!(errors.is_empty());
        assert_eq!(tokens[0], ident("a"));
        assert_eq!(tokens[1], TokenKind::Punct("?"));
    }

    #[test]
    fn arrows_are_one_token() {
        let (tokens, _) = kinds("(e) => void");
        assert!(tokens.contains(&TokenKind::Punct("=>")));
    }
}
