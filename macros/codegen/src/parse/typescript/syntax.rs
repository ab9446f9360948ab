//! Type expressions → a small syntax tree ([`Ty`]).
//!
//! The parser reads the whole TypeScript type grammar far enough to know where a type ends
//! (function types, tuples, mapped and conditional types, `typeof`, indexed access…), so that
//! constructs the model cannot represent become [`TyKind::Other`] instead of derailing the
//! member list. What a type *means* is decided later, in `lower`.

use super::cursor::{Ctx, MAX_DEPTH};
use super::lexer::TokenKind;
use crate::model::Literal;

/// A type as written; `start..end` is its token range.
#[derive(Debug, Clone)]
pub(crate) struct Ty {
    pub kind: TyKind,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone)]
pub(crate) enum TyKind {
    Keyword(Keyword),
    Literal(Literal),
    /// A number literal that is not an `i64` (`0.5`, `1e400`).
    FloatLiteral,
    /// `A`, `A.B.C`, `Array<T>`, `Record<K, V>`.
    Ref {
        path: Vec<String>,
        args: Vec<Ty>,
    },
    /// `T[]`, `readonly T[]`.
    Array(Box<Ty>),
    /// `{ a: T; [k: string]: V }`.
    Object(Vec<Member>),
    Union(Vec<Ty>),
    Intersection(Vec<Ty>),
    Paren(Box<Ty>),
    /// A construct the model has no form for: "function type", "tuple type", …
    Other(&'static str),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Keyword {
    String,
    Number,
    Bigint,
    Boolean,
    Any,
    Unknown,
    Object,
    Never,
    Void,
    Null,
    Undefined,
    Symbol,
    This,
}

impl Keyword {
    fn from_word(word: &str) -> Option<Keyword> {
        Some(match word {
            "string" => Keyword::String,
            "number" => Keyword::Number,
            "bigint" => Keyword::Bigint,
            "boolean" => Keyword::Boolean,
            "any" => Keyword::Any,
            "unknown" => Keyword::Unknown,
            "object" => Keyword::Object,
            "never" => Keyword::Never,
            "void" => Keyword::Void,
            "null" => Keyword::Null,
            "undefined" => Keyword::Undefined,
            "symbol" => Keyword::Symbol,
            "this" => Keyword::This,
            _ => return None,
        })
    }
}

/// One member of an interface, object type or class that the model keeps.
#[derive(Debug, Clone)]
pub(crate) struct Member {
    /// The JSDoc block before it (token index).
    pub doc: Option<usize>,
    /// The name token (or `[` of an index signature).
    pub name_tok: usize,
    pub kind: MemberKind,
}

#[derive(Debug, Clone)]
pub(crate) enum MemberKind {
    /// `name?: T`; `ty` is `None` for a class property without a type annotation.
    Property { name: String, optional: bool, ty: Option<Ty> },
    /// `[k: string]: V`.
    Index { value: Ty },
}

const TYPE_NOTE: &str = "expected a TypeScript type such as `string`, `Foo`, `Foo[]` or `'a' | 'b'`";

impl Ctx<'_> {
    /// Consumes `p` or reports what was found instead.
    pub fn expect_punct(&mut self, p: &str, note: &str) -> bool {
        if self.eat_punct(p) {
            return true;
        }
        let found = self.describe_next();
        let loc = self.loc_next();
        self.error_at(loc, format!("expected `{p}`, found {found}"), note);
        false
    }

    /// Parses a type. `None` means a syntax error, already reported.
    pub fn parse_type(&mut self, depth: usize) -> Option<Ty> {
        let start = self.type_start(depth)?;
        let check = self.parse_union(depth + 1)?;
        if self.at_ident("extends") && !self.newline_before_next() {
            self.bump();
            self.parse_union(depth + 1)?;
            if !self.expect_punct("?", "a conditional type is `A extends B ? C : D`") {
                return None;
            }
            self.parse_type(depth + 1)?;
            if !self.expect_punct(":", "a conditional type is `A extends B ? C : D`") {
                return None;
            }
            self.parse_type(depth + 1)?;
            return Some(Ty { kind: TyKind::Other("conditional type"), start, end: self.pos });
        }
        Some(check)
    }

    /// The index of the type's first token, after checking the nesting depth.
    fn type_start(&mut self, depth: usize) -> Option<usize> {
        let Some(start) = self.peek_idx() else {
            let loc = self.loc_next();
            self.error_at(loc, "expected a type, found the end of the file", TYPE_NOTE);
            return None;
        };
        if depth >= MAX_DEPTH {
            self.error(
                start,
                format!("type nested more than {MAX_DEPTH} levels deep"),
                "flatten the type into named declarations",
            );
            return None;
        }
        Some(start)
    }

    fn parse_union(&mut self, depth: usize) -> Option<Ty> {
        let start = self.type_start(depth)?;
        self.eat_punct("|");
        let mut parts = vec![self.parse_intersection(depth + 1)?];
        while self.eat_punct("|") {
            parts.push(self.parse_intersection(depth + 1)?);
        }
        Some(match parts.len() {
            1 => parts.pop()?,
            _ => Ty { kind: TyKind::Union(parts), start, end: self.pos },
        })
    }

    fn parse_intersection(&mut self, depth: usize) -> Option<Ty> {
        let start = self.type_start(depth)?;
        self.eat_punct("&");
        let mut parts = vec![self.parse_operator(depth + 1)?];
        while self.eat_punct("&") {
            parts.push(self.parse_operator(depth + 1)?);
        }
        Some(match parts.len() {
            1 => parts.pop()?,
            _ => Ty { kind: TyKind::Intersection(parts), start, end: self.pos },
        })
    }

    /// `keyof T`, `readonly T[]`, `unique symbol`, `infer U`, or a postfix type.
    fn parse_operator(&mut self, depth: usize) -> Option<Ty> {
        let start = self.type_start(depth)?;
        let next_starts_type = self.peek_nth(1).is_some_and(|t| !t.newline_before || t.is_punct("("))
            && !self.nth_is_punct(1, ";")
            && !self.nth_is_punct(1, ",")
            && !self.nth_is_punct(1, ")")
            && !self.nth_is_punct(1, "]")
            && !self.nth_is_punct(1, "}")
            && !self.nth_is_punct(1, "|")
            && !self.nth_is_punct(1, "&")
            && !self.nth_is_punct(1, ">");
        let word = self.ident(start).map(str::to_string);
        match word.as_deref() {
            Some("readonly") if next_starts_type => {
                self.bump();
                self.parse_operator(depth + 1)
            }
            Some(op @ ("keyof" | "unique" | "infer")) if next_starts_type => {
                self.bump();
                self.parse_operator(depth + 1)?;
                let kind = match op {
                    "keyof" => "`keyof` type",
                    "unique" => "`unique symbol` type",
                    _ => "`infer` type",
                };
                Some(Ty { kind: TyKind::Other(kind), start, end: self.pos })
            }
            _ => self.parse_postfix(depth + 1),
        }
    }

    /// A primary type followed by `[]` (array) or `[K]` (indexed access) on the same line.
    fn parse_postfix(&mut self, depth: usize) -> Option<Ty> {
        let start = self.type_start(depth)?;
        let mut ty = self.parse_primary(depth + 1)?;
        let mut levels = depth;
        while self.at_punct("[") && !self.newline_before_next() {
            levels += 1;
            if levels >= MAX_DEPTH {
                self.type_start(levels)?;
            }
            self.bump();
            if self.eat_punct("]") {
                ty = Ty { kind: TyKind::Array(Box::new(ty)), start, end: self.pos };
            } else {
                self.parse_type(depth + 1)?;
                if !self.expect_punct("]", "an indexed access type is `T[K]`") {
                    return None;
                }
                ty = Ty { kind: TyKind::Other("indexed access type"), start, end: self.pos };
            }
        }
        Some(ty)
    }

    fn parse_primary(&mut self, depth: usize) -> Option<Ty> {
        let start = self.type_start(depth)?;
        let kind = self.tok(start)?.kind.clone();
        let other = |ctx: &Ctx<'_>, what: &'static str| Some(Ty { kind: TyKind::Other(what), start, end: ctx.pos });
        match kind {
            TokenKind::Punct("(") if self.function_type_ahead() => self.skip_function_type(depth, "function type"),
            TokenKind::Punct("(") => {
                self.bump();
                let inner = self.parse_type(depth + 1)?;
                if !self.expect_punct(")", "a parenthesized type closes with `)`") {
                    return None;
                }
                Some(Ty { kind: TyKind::Paren(Box::new(inner)), start, end: self.pos })
            }
            TokenKind::Punct("<") => self.skip_function_type(depth, "generic function type"),
            TokenKind::Punct("{") if self.mapped_type_ahead() => {
                if !self.skip_balanced() {
                    self.error(start, "mapped type is not closed: no `}` matches this `{`", "close the type with `}`");
                }
                other(self, "mapped type")
            }
            TokenKind::Punct("{") => {
                let members = self.parse_members("object type", depth + 1);
                Some(Ty { kind: TyKind::Object(members), start, end: self.pos })
            }
            TokenKind::Punct("[") => {
                if !self.skip_balanced() {
                    self.error(start, "tuple type is not closed: no `]` matches this `[`", "close the tuple with `]`");
                }
                other(self, "tuple type")
            }
            TokenKind::Punct("-") if matches!(self.peek_nth(1).map(|t| &t.kind), Some(TokenKind::Number(_))) => {
                self.bump();
                let idx = self.bump()?;
                let kind = match &self.tok(idx)?.kind {
                    TokenKind::Number(n) => number_literal(n, true),
                    _ => TyKind::FloatLiteral,
                };
                Some(Ty { kind, start, end: self.pos })
            }
            TokenKind::Str(value) => {
                self.bump();
                Some(Ty { kind: TyKind::Literal(Literal::Str(value)), start, end: self.pos })
            }
            TokenKind::Number(n) => {
                self.bump();
                Some(Ty { kind: number_literal(&n, false), start, end: self.pos })
            }
            TokenKind::Template => {
                self.bump();
                other(self, "template literal type")
            }
            TokenKind::Ident(word) => self.parse_named(start, &word, depth),
            _ => {
                let found = self.describe_next();
                self.error(start, format!("expected a type, found {found}"), TYPE_NOTE);
                None
            }
        }
    }

    /// A type that starts with a word: a keyword, a literal, a reference, `typeof x`, …
    fn parse_named(&mut self, start: usize, word: &str, depth: usize) -> Option<Ty> {
        let other = |ctx: &Ctx<'_>, what: &'static str| Some(Ty { kind: TyKind::Other(what), start, end: ctx.pos });
        match word {
            "new" => return self.skip_function_type(depth, "constructor type"),
            "abstract" if self.peek_nth(1).is_some_and(|t| t.is_ident("new")) => {
                self.bump();
                return self.skip_function_type(depth, "constructor type");
            }
            "true" | "false" => {
                self.bump();
                return Some(Ty { kind: TyKind::Literal(Literal::Bool(word == "true")), start, end: self.pos });
            }
            "typeof" => {
                self.bump();
                if self.at_ident("import") {
                    self.parse_named(self.peek_idx()?, "import", depth + 1)?;
                } else {
                    self.qualified_name()?;
                    self.type_arguments(depth)?;
                }
                return other(self, "`typeof` type");
            }
            "import" if self.nth_is_punct(1, "(") => {
                self.bump();
                self.skip_balanced();
                while self.eat_punct(".") {
                    self.qualified_name()?;
                }
                self.type_arguments(depth)?;
                return other(self, "`import()` type");
            }
            _ => {}
        }
        if let Some(keyword) = Keyword::from_word(word) {
            if !self.nth_is_punct(1, ".") {
                self.bump();
                return Some(Ty { kind: TyKind::Keyword(keyword), start, end: self.pos });
            }
        }
        let path = self.qualified_name()?;
        let args = self.type_arguments(depth)?;
        Some(Ty { kind: TyKind::Ref { path, args }, start, end: self.pos })
    }

    /// `A.B.C`.
    fn qualified_name(&mut self) -> Option<Vec<String>> {
        let mut path = Vec::new();
        loop {
            let idx = self.peek_idx();
            match idx.and_then(|i| self.ident(i)).map(str::to_string) {
                Some(word) => {
                    self.bump();
                    path.push(word);
                }
                None => {
                    let found = self.describe_next();
                    let loc = self.loc_next();
                    self.error_at(loc, format!("expected a type name, found {found}"), TYPE_NOTE);
                    return None;
                }
            }
            if !self.eat_punct(".") {
                return Some(path);
            }
        }
    }

    /// `<T, U>` after a type name on the same line; empty if there is none.
    fn type_arguments(&mut self, depth: usize) -> Option<Vec<Ty>> {
        let mut args = Vec::new();
        if !self.at_punct("<") || self.newline_before_next() {
            return Some(args);
        }
        self.bump();
        loop {
            args.push(self.parse_type(depth + 1)?);
            if self.eat_punct(",") {
                if self.eat_punct(">") {
                    return Some(args);
                }
                continue;
            }
            if !self.expect_punct(">", "type arguments close with `>`: `Record<string, V>`") {
                return None;
            }
            return Some(args);
        }
    }

    /// At `(`: whether the parenthesis is a function type's parameter list (`(…) =>`).
    fn function_type_ahead(&self) -> bool {
        let mut depth = 0usize;
        let mut closed = false;
        for tok in self.toks.iter().skip(self.pos) {
            if matches!(tok.kind, TokenKind::DocComment(_)) {
                continue;
            }
            if closed {
                return tok.is_punct("=>");
            }
            if tok.is_punct("(") || tok.is_punct("[") || tok.is_punct("{") {
                depth += 1;
            } else if tok.is_punct(")") || tok.is_punct("]") || tok.is_punct("}") {
                depth = depth.saturating_sub(1);
                closed = depth == 0;
            }
        }
        false
    }

    /// At `{`: whether it opens a mapped type (`{ [K in keyof T]: … }`).
    fn mapped_type_ahead(&self) -> bool {
        let mut n = 1;
        if self.nth_is_punct(n, "+") || self.nth_is_punct(n, "-") {
            n += 1;
        }
        if self.peek_nth(n).is_some_and(|t| t.is_ident("readonly")) {
            n += 1;
        }
        self.nth_is_punct(n, "[")
            && self.peek_nth(n + 1).is_some_and(|t| matches!(t.kind, TokenKind::Ident(_)))
            && self.peek_nth(n + 2).is_some_and(|t| t.is_ident("in"))
    }

    /// `[new] [<T>] (…) => R`, as an unsupported construct.
    fn skip_function_type(&mut self, depth: usize, what: &'static str) -> Option<Ty> {
        let start = self.peek_idx()?;
        if self.at_ident("new") {
            self.bump();
        }
        if self.at_punct("<") && !self.skip_angles() {
            self.error(start, format!("{what} has unclosed type parameters"), "type parameters close with `>`");
            return None;
        }
        if !self.at_punct("(") {
            let found = self.describe_next();
            let loc = self.loc_next();
            self.error_at(loc, format!("expected `(` of a {what}, found {found}"), "a function type is `(a: A) => R`");
            return None;
        }
        if !self.skip_balanced() {
            self.error(
                start,
                format!("{what} is not closed: no `)` matches its `(`"),
                "close the parameter list with `)`",
            );
            return None;
        }
        if !self.expect_punct("=>", "a function type is `(a: A) => R`") {
            return None;
        }
        // Type predicates: `x is T`, `asserts x`, `asserts x is T`.
        if self.at_ident("asserts") && self.peek_nth(1).is_some_and(|t| matches!(t.kind, TokenKind::Ident(_))) {
            self.bump();
            self.bump();
            if self.at_ident("is") {
                self.bump();
                self.parse_type(depth + 1)?;
            }
        } else if self.peek_nth(1).is_some_and(|t| t.is_ident("is")) && !self.nth_is_punct(0, "(") {
            self.bump();
            self.bump();
            self.parse_type(depth + 1)?;
        } else {
            self.parse_type(depth + 1)?;
        }
        Some(Ty { kind: TyKind::Other(what), start, end: self.pos })
    }
}

/// A number literal type: an `i64` if it is one (decimal, hex, octal, binary, `_` separators).
fn number_literal(text: &str, negative: bool) -> TyKind {
    parse_int(text, negative).map_or(TyKind::FloatLiteral, |n| TyKind::Literal(Literal::Int(n)))
}

/// A numeric literal as an `i64`: decimal, hex, octal or binary, `_` separators allowed.
pub(crate) fn parse_int(text: &str, negative: bool) -> Option<i64> {
    let clean: String = text.chars().filter(|&c| c != '_').collect();
    let lower = clean.to_ascii_lowercase();
    let parsed = if let Some(hex) = lower.strip_prefix("0x") {
        i64::from_str_radix(hex, 16).ok()
    } else if let Some(oct) = lower.strip_prefix("0o") {
        i64::from_str_radix(oct, 8).ok()
    } else if let Some(bin) = lower.strip_prefix("0b") {
        i64::from_str_radix(bin, 2).ok()
    } else {
        lower.parse::<i64>().ok()
    }?;
    if negative {
        parsed.checked_neg()
    } else {
        Some(parsed)
    }
}
