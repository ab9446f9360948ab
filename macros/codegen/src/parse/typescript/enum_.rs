//! `enum` bodies: `NAME = 'value'`, `NAME = 5`, `NAME = -1`, members without an initializer
//! (numbered on from the previous number, from 0, as TypeScript does) and string-named members.

use super::cursor::Ctx;
use super::jsdoc;
use super::lexer::TokenKind;
use super::syntax::parse_int;
use crate::model::{EnumDef, EnumValue, Literal, TypeKind, Unsupported};

impl Ctx<'_> {
    /// At `{` after `enum Name`: the enum, or an unsupported type if a member's value is
    /// computed (`A = 1 << 2`).
    pub fn parse_enum(&mut self, what: &str) -> TypeKind {
        let Some(open) = self.bump() else { return TypeKind::Enum(EnumDef::default()) };
        let mut values = Vec::new();
        let mut next: Option<i64> = Some(0);
        let mut computed: Option<Unsupported> = None;
        loop {
            let doc = self.take_doc();
            if self.peek().is_none() {
                self.not_closed(open, what);
                break;
            }
            if self.eat_punct("}") {
                break;
            }
            if self.eat_punct(",") {
                continue;
            }
            let Some((name_tok, name)) = self.property_name() else {
                let found = self.describe_next();
                let loc = self.loc_next();
                self.error_at(
                    loc,
                    format!("expected an enum member name, found {found}"),
                    "an enum member is `NAME = 'value'`",
                );
                self.skip_code(true);
                continue;
            };
            let mut missing_comma = false;
            let value = if self.eat_punct("=") {
                let start = self.peek_idx().unwrap_or(name_tok);
                let literal = self.enum_initializer();
                // A value followed by a name or string is two members without their `,`,
                // not a computed value (which would continue with an operator).
                missing_comma = literal.is_some()
                    && self.peek().is_some_and(|t| matches!(t.kind, TokenKind::Ident(_) | TokenKind::Str(_)));
                if missing_comma {
                    let found = self.describe_next();
                    let loc = self.loc_next();
                    self.error_at(
                        loc,
                        format!("expected `,` between enum member `{name}` and {found}"),
                        "enum members are separated by `,`",
                    );
                }
                let complete = missing_comma || self.at_punct(",") || self.at_punct("}");
                match literal {
                    Some(literal) if complete => {
                        next = match literal {
                            Literal::Int(n) => n.checked_add(1),
                            _ => None,
                        };
                        Some(literal)
                    }
                    _ => {
                        self.skip_code(true);
                        if self.toks.get(self.pos.saturating_sub(1)).is_some_and(|t| t.is_punct(",")) {
                            self.pos -= 1;
                        }
                        if computed.is_none() {
                            let text = self.snippet(name_tok, self.pos);
                            computed = Some(Unsupported {
                                construct: format!("an enum with a computed member value `{text}`"),
                                loc: self.loc(start),
                            });
                        }
                        next = None;
                        None
                    }
                }
            } else if let Some(n) = next {
                next = n.checked_add(1);
                Some(Literal::Int(n))
            } else {
                self.error(
                    name_tok,
                    format!("enum member `{name}` has no value"),
                    "after a string-valued member every member needs `= value`",
                );
                None
            };
            if let Some(value) = value {
                let doc = jsdoc::parse(self.doc_text(doc).unwrap_or(""));
                values.push(EnumValue {
                    value,
                    member: Some(name),
                    docs: doc.docs,
                    deprecated: doc.deprecated,
                    loc: self.loc(name_tok),
                });
            }
            if missing_comma || self.eat_punct(",") || self.at_punct("}") || self.peek().is_none() {
                continue;
            }
            let found = self.describe_next();
            let loc = self.loc_next();
            self.error_at(
                loc,
                format!("unexpected {found} after enum member `{}`", self.snippet(name_tok, name_tok + 1)),
                "enum members are separated by `,`",
            );
            self.skip_code(true);
        }
        match computed {
            Some(unsupported) => TypeKind::Unsupported(unsupported),
            None => TypeKind::Enum(EnumDef { values, open: false }),
        }
    }

    /// `'value'`, `"value"`, `5`, `-1`; `None` (nothing consumed) for anything else.
    fn enum_initializer(&mut self) -> Option<Literal> {
        let negative = self.at_punct("-");
        let at = if negative { 1 } else { 0 };
        let literal = match &self.peek_nth(at)?.kind {
            TokenKind::Str(value) if !negative => Literal::Str(value.clone()),
            TokenKind::Number(n) => Literal::Int(parse_int(n, negative)?),
            _ => return None,
        };
        for _ in 0..=at {
            self.bump();
        }
        Some(literal)
    }
}
