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
    /// A regular expression literal (`/a'b/g`) in code; its content is not needed.
    Regex,
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
    /// A line break before a JSDoc block counts for the token after the block too.
    pub newline_before: bool,
    /// Byte range of the token in the source text.
    pub start: usize,
    pub end: usize,
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
    "=>", "...", "{", "}", "(", ")", "[", "]", "<", ">", ";", ",", ":", "?", "|", "&", "=", ".", "!", "@", "*", "+",
    "-", "/", "%", "^", "~", "#",
];

/// Splits `text` into tokens. Unterminated comments, strings and templates are reported at
/// the place they start, and lexing stops there.
pub fn lex(text: &str, file: &Arc<str>, diags: &mut Diagnostics) -> Vec<Token> {
    lex_to_end(text, file, diags).0
}

/// [`lex`], and whether lexing stopped early at an unterminated comment, string or template
/// (the tokens then end there, so a parser should not report what is missing after them).
pub fn lex_to_end(text: &str, file: &Arc<str>, diags: &mut Diagnostics) -> (Vec<Token>, bool) {
    let mut lexer =
        Lexer { text, pos: 0, start: 0, line: 1, col: 1, file, tokens: Vec::new(), newline: false, truncated: false };
    lexer.run(diags);
    (lexer.tokens, lexer.truncated)
}

struct Lexer<'a> {
    text: &'a str,
    pos: usize,
    /// Where the token being lexed starts.
    start: usize,
    line: u32,
    col: u32,
    file: &'a Arc<str>,
    tokens: Vec<Token>,
    newline: bool,
    /// Lexing stopped at an unterminated token.
    truncated: bool,
}

impl Lexer<'_> {
    fn run(&mut self, diags: &mut Diagnostics) {
        while let Some(c) = self.peek() {
            let (line, col) = (self.line, self.col);
            self.start = self.pos;
            if c == '\n' {
                self.newline = true;
                self.bump();
            } else if c.is_whitespace() || is_invisible(c) {
                self.bump();
            } else if self.rest().starts_with("/**") && !self.rest().starts_with("/**/") {
                let newline = self.newline;
                match self.block_comment() {
                    Some(body) => {
                        // The line break before a JSDoc block also separates the next token.
                        let after = self.newline;
                        self.newline = newline;
                        self.push(TokenKind::DocComment(body), line, col);
                        self.newline = newline || after;
                    }
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
                    None => {
                        return self.unterminated(
                            diags,
                            line,
                            col,
                            "string",
                            &format!("a closing `{c}` on the same line"),
                        )
                    }
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
            } else if c == '/' && self.regex_allowed() && self.regex() {
                self.push(TokenKind::Regex, line, col);
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
        let (start, end) = (self.start, self.pos);
        self.tokens.push(Token { kind, line, col, newline_before: std::mem::take(&mut self.newline), start, end });
    }

    /// Reports an unterminated token; the caller stops lexing.
    fn unterminated(&mut self, diags: &mut Diagnostics, line: u32, col: u32, what: &str, expected: &str) {
        diags.push(
            Diagnostic::new(Location::new(self.file, line, col), format!("unterminated {what}"))
                .with_note(format!("expected {expected} before the end of the file")),
        );
        self.truncated = true;
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
                    'b' => value.push('\u{8}'),
                    'f' => value.push('\u{c}'),
                    'v' => value.push('\u{b}'),
                    'x' => value.push(self.hex_escape(2)),
                    'u' if self.peek() == Some('{') => {
                        self.bump();
                        let mut code = 0u32;
                        while let Some(c) = self.peek().filter(char::is_ascii_hexdigit) {
                            code = code.saturating_mul(16).saturating_add(c.to_digit(16).unwrap_or(0));
                            self.bump();
                        }
                        if self.peek() == Some('}') {
                            self.bump();
                        }
                        value.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
                    }
                    'u' => value.push(self.hex_escape(4)),
                    '\r' => {
                        if self.peek() == Some('\n') {
                            self.bump();
                        }
                    }
                    '\n' => {}
                    other => value.push(other),
                },
                c => value.push(c),
            }
        }
    }

    /// Whether a `/` here starts a regular expression rather than a division: after an
    /// operator, an opening bracket, `,`, `;`, `return` or `typeof`, or at the start.
    fn regex_allowed(&self) -> bool {
        match self.tokens.last().map(|t| &t.kind) {
            None => true,
            Some(TokenKind::Punct(p)) => !matches!(*p, ")" | "]" | "}"),
            Some(TokenKind::Ident(word)) => {
                matches!(word.as_str(), "return" | "typeof" | "case" | "in" | "of" | "void")
            }
            Some(_) => false,
        }
    }

    /// Consumes `/…/flags` on one line (`/` inside `[…]` or escaped does not end it). Consumes
    /// nothing and returns false if the line ends first (then it was a division after all).
    fn regex(&mut self) -> bool {
        let rest = self.rest();
        let mut in_class = false;
        let mut escaped = false;
        let mut end = None;
        for (i, c) in rest.char_indices().skip(1) {
            match c {
                '\n' => break,
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '[' => in_class = true,
                ']' => in_class = false,
                '/' if !in_class => {
                    end = Some(i + 1);
                    break;
                }
                _ => {}
            }
        }
        let Some(end) = end else { return false };
        let target = self.pos + end;
        while self.pos < target {
            self.bump();
        }
        while self.peek().is_some_and(is_ident_continue) {
            self.bump();
        }
        true
    }

    /// The character of up to `digits` hex digits after `\\x` / `\\u` (U+FFFD if invalid).
    fn hex_escape(&mut self, digits: usize) -> char {
        let mut code = 0u32;
        for _ in 0..digits {
            match self.peek().and_then(|c| c.to_digit(16)) {
                Some(d) => {
                    code = code * 16 + d;
                    self.bump();
                }
                None => return '\u{FFFD}',
            }
        }
        char::from_u32(code).unwrap_or('\u{FFFD}')
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

    #[test]
    fn tokens_carry_their_byte_range() {
        let mut diags = Diagnostics::new();
        let text = "ab: 'x y';";
        let tokens = lex(text, &Arc::from("t.ts"), &mut diags);
        let slices: Vec<&str> = tokens.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(slices, vec!["ab", ":", "'x y'", ";"]);
    }

    #[test]
    fn a_line_break_before_a_jsdoc_also_separates_the_next_token() {
        let mut diags = Diagnostics::new();
        let tokens = lex("a: string\n  /** doc */ b", &Arc::from("t.ts"), &mut diags);
        let flags: Vec<bool> = tokens.iter().map(|t| t.newline_before).collect();
        assert_eq!(flags, vec![false, false, false, true, true]);
        let tokens = lex("a /** doc */ b", &Arc::from("t.ts"), &mut diags);
        assert!(!tokens[2].newline_before);
    }

    #[test]
    fn unicode_and_hex_escapes_are_decoded() {
        let (tokens, errors) = kinds(r"'\u0041\x42\u{1F600}\q'");
        assert!(errors.is_empty());
        assert_eq!(tokens, vec![TokenKind::Str("AB\u{1F600}q".into())]);
    }

    #[test]
    fn regex_literals_in_code_are_one_token() {
        let (tokens, errors) = kinds(r#"x = s.replace(/'[/"]\//g, '') / 2;"#);
        assert!(errors.is_empty(), "{errors:?}");
        assert!(tokens.contains(&TokenKind::Regex));
        assert!(tokens.contains(&TokenKind::Punct("/")));
        assert_eq!(tokens.iter().filter(|t| matches!(t, TokenKind::Str(_))).count(), 1);
    }
}
