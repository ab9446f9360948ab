//! Member lists: interface and object-type bodies, and class bodies.
//!
//! Properties and index signatures are kept; method, call and construct signatures, getters,
//! setters, constructors, `static` and private members are skipped (with their bodies, through
//! the token-level brace matcher, so code inside never splits members). A malformed member is
//! reported and skipped up to the next separator.

use super::cursor::Ctx;
use super::lexer::TokenKind;
use super::syntax::{Member, MemberKind};

const SEPARATOR_NOTE: &str = "members are separated by `;`, `,` or a line break";

/// Class member modifiers.
const MODIFIERS: &[&str] =
    &["public", "private", "protected", "readonly", "static", "declare", "override", "abstract", "accessor"];

impl Ctx<'_> {
    /// At `{`: the members of an interface or object type, through the matching `}`.
    /// `what` names the declaration for the "not closed" error ("`interface Usage`").
    pub fn parse_members(&mut self, what: &str, depth: usize) -> Vec<Member> {
        let Some(open) = self.bump() else { return Vec::new() };
        let mut members = Vec::new();
        loop {
            let doc = self.take_doc();
            let Some(idx) = self.peek_idx() else {
                self.not_closed(open, what);
                return members;
            };
            if self.at_punct("}") {
                self.bump();
                return members;
            }
            if self.at_punct(";") || self.at_punct(",") {
                self.bump();
                continue;
            }
            match self.parse_member(doc, depth) {
                Ok(member) => {
                    members.extend(member);
                    self.end_of_member(idx, true);
                }
                Err(()) => self.skip_code(true),
            }
        }
    }

    pub fn not_closed(&mut self, open: usize, what: &str) {
        self.error(
            open,
            format!("{what} is not closed: no `}}` matches this `{{`"),
            "every `{` of a declaration needs its `}`; check for a missing `}` or an unterminated type",
        );
    }

    /// After a member: a separator, `}`, or a line break; anything else is reported and skipped.
    fn end_of_member(&mut self, member_start: usize, commas: bool) {
        if self.at_punct(";") || (commas && self.at_punct(",")) {
            self.bump();
            return;
        }
        if self.peek().is_none() || self.at_punct("}") || self.newline_before_next() {
            return;
        }
        let found = self.describe_next();
        let what = self.snippet(member_start, self.pos);
        let loc = self.loc_next();
        self.error_at(loc, format!("unexpected {found} after the member `{what}`"), SEPARATOR_NOTE);
        self.skip_code(commas);
    }

    /// Whether token `n` ahead can be a property name, on the same line as the token before it.
    fn name_ahead(&self, n: usize) -> bool {
        self.peek_nth(n).is_some_and(|t| {
            !t.newline_before
                && (matches!(t.kind, TokenKind::Ident(_) | TokenKind::Str(_) | TokenKind::Number(_))
                    || t.is_punct("[")
                    || t.is_punct("#")
                    || t.is_punct("*")
                    || t.is_punct("{"))
        })
    }

    /// The property name at the cursor (identifier, string or number), consumed.
    pub fn property_name(&mut self) -> Option<(usize, String)> {
        let idx = self.peek_idx()?;
        let name = match &self.tok(idx)?.kind {
            TokenKind::Ident(word) => word.clone(),
            TokenKind::Str(value) => value.clone(),
            TokenKind::Number(n) => n.clone(),
            _ => return None,
        };
        self.bump();
        Some((idx, name))
    }

    /// One interface / object-type member. `Ok(None)`: a member that is skipped (a method).
    fn parse_member(&mut self, doc: Option<usize>, depth: usize) -> Result<Option<Member>, ()> {
        if self.at_ident("readonly") && self.name_ahead(1) {
            self.bump();
        }
        if self.at_punct("[") {
            return self.index_signature(doc, depth);
        }
        if self.at_punct("(")
            || self.at_punct("<")
            || (self.at_ident("new") && (self.nth_is_punct(1, "(") || self.nth_is_punct(1, "<")))
        {
            // Call or construct signature.
            if self.at_ident("new") {
                self.bump();
            }
            return self.skip_signature(depth).map(|()| None);
        }
        if (self.at_ident("get") || self.at_ident("set")) && self.name_ahead(1) {
            self.bump();
            self.property_name();
            return self.skip_signature(depth).map(|()| None);
        }
        let Some((name_tok, name)) = self.property_name() else {
            let found = self.describe_next();
            let loc = self.loc_next();
            self.error_at(
                loc,
                format!("expected a property name, found {found}"),
                "a member is `name: Type` or `name?: Type`",
            );
            return Err(());
        };
        let optional = self.eat_punct("?");
        if self.at_punct("(") || self.at_punct("<") {
            return self.skip_signature(depth).map(|()| None);
        }
        if !self.eat_punct(":") {
            let found = self.describe_next();
            let loc = self.loc_next();
            self.error_at(
                loc,
                format!("property `{name}` has no type: expected `:`, found {found}"),
                format!("write `{name}{}: Type`", if optional { "?" } else { "" }),
            );
            return Err(());
        }
        let ty = self.parse_type(depth + 1).ok_or(())?;
        Ok(Some(Member { doc, name_tok, kind: MemberKind::Property { name, optional, ty: Some(ty) } }))
    }

    /// At `[`: `[k: string]: V`, or a computed property name (skipped).
    fn index_signature(&mut self, doc: Option<usize>, depth: usize) -> Result<Option<Member>, ()> {
        let open = self.peek_idx().ok_or(())?;
        let is_index =
            self.peek_nth(1).is_some_and(|t| matches!(t.kind, TokenKind::Ident(_))) && self.nth_is_punct(2, ":");
        if !is_index {
            if !self.skip_balanced() {
                return Err(());
            }
            self.eat_punct("?");
            if self.at_punct("(") || self.at_punct("<") {
                return self.skip_signature(depth).map(|()| None);
            }
            if self.eat_punct(":") {
                self.parse_type(depth + 1).ok_or(())?;
            }
            return Ok(None);
        }
        self.bump();
        self.bump();
        self.bump();
        let key = self.parse_type(depth + 1).ok_or(())?;
        if !self.expect_punct("]", "an index signature is `[key: string]: Type`") {
            return Err(());
        }
        if !self.expect_punct(":", "an index signature is `[key: string]: Type`") {
            return Err(());
        }
        let value = self.parse_type(depth + 1).ok_or(())?;
        let string_key = matches!(
            key.kind,
            super::syntax::TyKind::Keyword(super::syntax::Keyword::String | super::syntax::Keyword::Number)
        );
        Ok(string_key.then_some(Member { doc, name_tok: open, kind: MemberKind::Index { value } }))
    }

    /// `[<T>] (…) [: R]` of a method, call or construct signature, without a body.
    fn skip_signature(&mut self, depth: usize) -> Result<(), ()> {
        if self.at_punct("<") && !self.skip_angles() {
            return Err(());
        }
        if !self.at_punct("(") {
            let found = self.describe_next();
            let loc = self.loc_next();
            self.error_at(
                loc,
                format!("expected `(` of a method's parameters, found {found}"),
                "a method is `name(a: A): R`",
            );
            return Err(());
        }
        if !self.skip_balanced() {
            return Err(());
        }
        if self.eat_punct(":") && !self.skip_return_type(depth + 1) {
            return Err(());
        }
        Ok(())
    }

    /// After the `:` of a function or method: its return type, read quietly (only where it
    /// ends matters), including type predicates (`obj is Part`, `asserts x is T`, `asserts x`).
    /// False if it is not a type.
    pub fn skip_return_type(&mut self, depth: usize) -> bool {
        let ident = |ctx: &Self, n: usize| matches!(ctx.peek_nth(n).map(|t| &t.kind), Some(TokenKind::Ident(_)));
        // `asserts x` / `x is`: the predicate's words are on one line.
        let same_line = |ctx: &Self, n: usize, word: Option<&str>| {
            ctx.peek_nth(n).is_some_and(|t| !t.newline_before && word.map_or(ident(ctx, n), |w| t.is_ident(w)))
        };
        self.quiet += 1;
        let ok = if self.at_ident("asserts") && same_line(self, 1, None) {
            self.bump();
            self.bump();
            if self.at_ident("is") {
                self.bump();
                self.parse_type(depth).is_some()
            } else {
                true
            }
        } else if ident(self, 0) && same_line(self, 1, Some("is")) {
            self.bump();
            self.bump();
            self.parse_type(depth).is_some()
        } else {
            self.parse_type(depth).is_some()
        };
        self.quiet -= 1;
        ok
    }

    /// At `{`: the property declarations of a class, through the matching `}`.
    pub fn parse_class_body(&mut self, what: &str, depth: usize) -> Vec<Member> {
        let Some(open) = self.bump() else { return Vec::new() };
        let mut members = Vec::new();
        loop {
            let mut doc = self.take_doc();
            let Some(idx) = self.peek_idx() else {
                self.not_closed(open, what);
                return members;
            };
            if self.at_punct("}") {
                self.bump();
                return members;
            }
            if self.at_punct(";") {
                self.bump();
                continue;
            }
            if !self.skip_decorators() {
                self.skip_code(false);
                continue;
            }
            doc = self.take_doc().or(doc);
            match self.class_member(doc, depth) {
                Ok(member) => {
                    members.extend(member);
                    self.end_of_member(idx, false);
                }
                Err(()) => self.skip_code(false),
            }
        }
    }

    /// `@name`, `@a.b(…)` before a class member. False if malformed.
    fn skip_decorators(&mut self) -> bool {
        while self.eat_punct("@") {
            loop {
                if !self.peek().is_some_and(|t| matches!(t.kind, TokenKind::Ident(_))) {
                    return false;
                }
                self.bump();
                if !self.eat_punct(".") {
                    break;
                }
            }
            if self.at_punct("(") && !self.skip_balanced() {
                return false;
            }
        }
        true
    }

    /// One class member: a kept property, or `Ok(None)` for anything skipped.
    fn class_member(&mut self, doc: Option<usize>, depth: usize) -> Result<Option<Member>, ()> {
        let mut hidden = false;
        while let Some(word) = self.peek_idx().and_then(|i| self.ident(i)) {
            if !MODIFIERS.contains(&word) || !self.name_ahead(1) {
                break;
            }
            hidden |= matches!(word, "private" | "protected" | "static");
            self.bump();
        }
        if self.at_punct("{") {
            // `static { … }` initialization block.
            self.skip_balanced();
            return Ok(None);
        }
        let mut accessor = false;
        if let Some(word) = self.peek_idx().and_then(|i| self.ident(i)) {
            if matches!(word, "get" | "set" | "async") && self.name_ahead(1) {
                accessor = true;
                self.bump();
            }
        }
        if self.eat_punct("*") {
            accessor = true;
        }
        if self.eat_punct("#") {
            hidden = true;
        }
        let name = if self.at_punct("[") {
            // Index signature or computed name: not a JSON field.
            if !self.skip_balanced() {
                return Err(());
            }
            hidden = true;
            None
        } else {
            match self.property_name() {
                Some(name) => Some(name),
                None => {
                    let found = self.describe_next();
                    let loc = self.loc_next();
                    self.error_at(
                        loc,
                        format!("unexpected {found} in a class body"),
                        "expected a property, a method or `}`",
                    );
                    return Err(());
                }
            }
        };
        let optional = self.eat_punct("?");
        self.eat_punct("!");
        if self.at_punct("(") || self.at_punct("<") {
            self.skip_signature(depth)?;
            if self.at_punct("{") && !self.skip_balanced() {
                return Err(());
            }
            return Ok(None);
        }
        let ty = if self.eat_punct(":") { Some(self.parse_type(depth + 1).ok_or(())?) } else { None };
        if self.eat_punct("=") {
            self.skip_initializer();
        }
        match name {
            Some((name_tok, name)) if !hidden && !accessor => {
                Ok(Some(Member { doc, name_tok, kind: MemberKind::Property { name, optional, ty } }))
            }
            _ => Ok(None),
        }
    }

    /// An initializer expression up to `;`, `}` or the line break that ends it (not consumed).
    fn skip_initializer(&mut self) {
        let before = self.pos;
        self.skip_code(false);
        // `skip_code` consumes a final `;`; leave it for the member separator.
        if self.pos > before && self.toks.get(self.pos.saturating_sub(1)).is_some_and(|t| t.is_punct(";")) {
            self.pos -= 1;
        }
    }
}
