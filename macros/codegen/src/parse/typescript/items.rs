//! Declarations: `[export] [declare] interface | class | enum | const enum | type | namespace`,
//! with JSDoc before, between or after the modifiers. Imports, re-exports, functions and
//! variable statements are skipped.

use super::cursor::{Ctx, MAX_DEPTH};
use super::jsdoc;
use super::lexer::TokenKind;
use super::lower::Sink;
use super::output::{Decl, Output};
use super::syntax::{Ty, TyKind};
use crate::model::{NamedRef, StructDef, TypeDef, TypeKind, Unsupported};

const ITEM_NOTE: &str =
    "expected a declaration: `interface`, `class`, `enum`, `type` or `namespace` (imports, functions and variables are skipped)";

/// Words that start a declaration: after them, anything but a name is an error.
const DECLARATIONS: &[&str] = &["interface", "class", "enum", "type", "namespace", "module", "export", "declare"];

/// What follows a declaration's name: type parameters and heritage clauses.
struct Header {
    /// `Operation<T>` when the declaration is generic.
    generic: Option<String>,
    bases: Vec<NamedRef>,
    /// A base the model cannot name (`Omit<A, 'x'>`, `mixin(B)`).
    bad_base: Option<String>,
}

impl Ctx<'_> {
    /// Declarations up to the end of the text, or (in a namespace) the `}` that closes it.
    pub fn items(&mut self, dir: &str, closing: Option<(usize, &str)>, depth: usize, out: &mut Output) {
        loop {
            let mut doc = self.take_doc();
            let Some(idx) = self.peek_idx() else {
                if let Some((open, what)) = closing {
                    self.not_closed(open, what);
                }
                return;
            };
            if self.at_punct("}") {
                self.bump();
                if closing.is_some() {
                    return;
                }
                self.error(idx, "unexpected `}`", "no declaration is open here; check for an extra `}`");
                continue;
            }
            if self.eat_punct(";") {
                continue;
            }
            // Modifiers, with JSDoc possibly between them (`export /** doc */ declare interface`).
            let mut skip = false;
            loop {
                let next_word = self.peek_nth(1).and_then(|t| match &t.kind {
                    TokenKind::Ident(w) => Some(w.clone()),
                    _ => None,
                });
                if self.at_ident("export") {
                    if next_word.is_none() || matches!(next_word.as_deref(), Some("default" | "import" | "as")) {
                        skip = true;
                        break;
                    }
                    self.bump();
                } else if (self.at_ident("declare") || self.at_ident("abstract") || self.at_ident("async"))
                    && next_word.is_some()
                    && !self.peek_nth(1).is_some_and(|t| t.newline_before)
                {
                    self.bump();
                } else {
                    break;
                }
                doc = self.take_doc().or(doc);
            }
            if skip {
                self.skip_code(false);
                continue;
            }
            self.item(doc, dir, depth, out);
        }
    }

    fn item(&mut self, doc: Option<usize>, dir: &str, depth: usize, out: &mut Output) {
        let Some(idx) = self.peek_idx() else { return };
        let word = self.ident(idx).unwrap_or("").to_string();
        let next = self.peek_nth(1).map(|t| t.kind.clone());
        let named = matches!(next, Some(TokenKind::Ident(_)));
        match word.as_str() {
            "interface" if named => self.declaration(dir, out, |ctx, out| ctx.interface(doc, dir, depth, out)),
            "class" if named => self.declaration(dir, out, |ctx, out| ctx.class(doc, dir, depth, out)),
            "enum" if named => self.declaration(dir, out, |ctx, out| ctx.enum_decl(doc, dir, out)),
            "const" if self.peek_nth(1).is_some_and(|t| t.is_ident("enum")) => {
                self.bump();
                self.declaration(dir, out, |ctx, out| ctx.enum_decl(doc, dir, out));
            }
            "type" if named => self.declaration(dir, out, |ctx, out| ctx.alias(doc, dir, depth, out)),
            "namespace" | "module" if named => self.namespace(dir, depth, out),
            "module" if matches!(next, Some(TokenKind::Str(_))) => {
                // `declare module 'x' { … }`: its declarations belong to this folder.
                self.bump();
                self.bump();
                self.block(dir, "`module` block", depth, out);
            }
            "global" if self.nth_is_punct(1, "{") => {
                self.bump();
                self.block(dir, "`global` block", depth, out);
            }
            "type" if self.nth_is_punct(1, "{") || self.nth_is_punct(1, "*") => self.skip_code(false),
            "function" => self.skip_function(),
            "import" => self.import(out),
            "const" | "let" | "var" => self.skip_code(false),
            _ if !word.is_empty()
                && !named
                && !DECLARATIONS.contains(&word.as_str())
                && !matches!(next, Some(TokenKind::Str(_))) =>
            {
                // An expression statement (`Foo.bar = x;`): not a declaration, skipped.
                self.skip_code(false);
            }
            _ => {
                let found = self.describe_next();
                self.error(idx, format!("unexpected {found}"), ITEM_NOTE);
                self.skip_code(false);
            }
        }
    }

    /// Reads one declaration with `read`. The problems found meanwhile go with the type it
    /// declares; if it declares none (its body is missing), a placeholder of its name carries
    /// them, so that they are reported exactly where something needs that name. Without a
    /// name there is nothing to attach them to: they are unattached.
    fn declaration(&mut self, dir: &str, out: &mut Output, read: impl FnOnce(&mut Self, &mut Output)) {
        // Declarations do not nest (a namespace is not one), so nothing is held here yet.
        self.held = Some(Vec::new());
        self.held_name = None;
        read(self, out);
        let held = self.held.take().unwrap_or_default();
        let name = self.held_name.take();
        if held.is_empty() {
            return;
        }
        match name {
            Some((name_tok, name, what)) => {
                let loc = self.loc(name_tok);
                let construct = format!("a declaration that does not parse ({what})");
                let mut def =
                    self.typedef(name, name_tok, dir, None, TypeKind::Unsupported(Unsupported { construct, loc }));
                def.diagnostics = held;
                out.add(self, def, Decl::Malformed, Vec::new());
            }
            None => held.into_iter().for_each(|d| self.diags.push_unattached(d)),
        }
    }

    /// The declaration's name after its keyword (both consumed), or `None`, reported.
    fn decl_name(&mut self) -> Option<(usize, String)> {
        let keyword = self.bump().and_then(|k| self.ident(k)).unwrap_or("").to_string();
        let idx = self.peek_idx()?;
        let name = self.ident(idx)?.to_string();
        self.bump();
        self.held_name = Some((idx, name.clone(), format!("`{keyword} {name}`")));
        Some((idx, name))
    }

    fn typedef(&self, name: String, name_tok: usize, dir: &str, doc: Option<usize>, kind: TypeKind) -> TypeDef {
        let doc = jsdoc::parse(self.doc_text(doc).unwrap_or(""));
        TypeDef {
            name,
            dir: dir.to_string(),
            file: self.rel.to_string(),
            docs: doc.docs,
            deprecated: doc.deprecated,
            loc: self.loc(name_tok),
            kind,
            inline_of: None,
            merges: false,
            diagnostics: Vec::new(),
        }
    }

    /// `<T, …>` and `extends` / `implements` clauses after a declaration's name.
    fn header(&mut self, name_tok: usize, depth: usize) -> Header {
        let mut header = Header { generic: None, bases: Vec::new(), bad_base: None };
        if self.at_punct("<") {
            self.skip_angles();
            header.generic = Some(self.snippet(name_tok, self.pos));
        }
        while self.at_ident("extends") || self.at_ident("implements") {
            let keep = self.at_ident("extends");
            self.bump();
            loop {
                let start = self.peek_idx().unwrap_or(self.pos);
                self.quiet += 1;
                let ty = self.parse_type(depth + 1);
                self.quiet -= 1;
                match ty {
                    Some(Ty { kind: TyKind::Ref { path, args }, start, .. }) if args.is_empty() => {
                        if keep {
                            if let Some((name, rest)) = path.split_last() {
                                let mut named = NamedRef::new(name.clone(), self.loc(start));
                                named.qualifier = (!rest.is_empty()).then(|| rest.join("."));
                                header.bases.push(named);
                            }
                        }
                    }
                    Some(ty) => {
                        if keep {
                            header.bad_base = Some(self.snippet(ty.start, ty.end));
                        }
                    }
                    None => {
                        // An expression (`mixin(Base)`): skip to the body.
                        while self.peek().is_some() && !self.at_punct("{") && !self.at_punct(";") {
                            if self.at_punct("(") || self.at_punct("[") {
                                self.skip_balanced();
                            } else {
                                self.bump();
                            }
                        }
                        if keep {
                            header.bad_base = Some(self.snippet(start, self.pos));
                        }
                        break;
                    }
                }
                if !self.eat_punct(",") {
                    break;
                }
            }
        }
        header
    }

    /// At `{` of a declaration's body; otherwise reports what is there and skips it.
    fn expect_body(&mut self, what: &str) -> bool {
        if self.at_punct("{") {
            return true;
        }
        let found = self.describe_next();
        let loc = self.loc_next();
        self.error_at(
            loc,
            format!("expected `{{` to open the body of {what}, found {found}"),
            "a declaration's body is `{ … }`",
        );
        // What starts a new line is likely the next declaration: resume there.
        if !self.newline_before_next() {
            self.skip_code(false);
        }
        false
    }

    fn interface(&mut self, doc: Option<usize>, dir: &str, depth: usize, out: &mut Output) {
        let Some((name_tok, name)) = self.decl_name() else { return };
        let header = self.header(name_tok, depth);
        let what = format!("`interface {name}`");
        if !self.expect_body(&what) {
            return;
        }
        let members = self.parse_members(&what, depth + 1);
        let members = out.drop_repeats(self, dir, &name, members);
        let mut sink = Sink { dir, types: Vec::new() };
        let kind = if let Some(generic) = &header.generic {
            TypeKind::Unsupported(Unsupported {
                construct: format!("generic interface `{generic}`"),
                loc: self.loc(name_tok),
            })
        } else if let Some(base) = &header.bad_base {
            TypeKind::Unsupported(Unsupported {
                construct: format!("interface `{name}` extending `{base}`"),
                loc: self.loc(name_tok),
            })
        } else if header.bases.is_empty() {
            self.struct_kind(&members, &name, &mut sink)
        } else {
            let mut def = StructDef { bases: header.bases, ..StructDef::default() };
            self.add_fields(&mut def, &members, &name, &mut sink);
            TypeKind::Struct(def)
        };
        let def = self.typedef(name, name_tok, dir, doc, kind);
        out.add(self, def, Decl::Interface, sink.types);
    }

    fn class(&mut self, doc: Option<usize>, dir: &str, depth: usize, out: &mut Output) {
        let Some((name_tok, name)) = self.decl_name() else { return };
        let header = self.header(name_tok, depth);
        let what = format!("`class {name}`");
        if !self.expect_body(&what) {
            return;
        }
        let members = self.parse_class_body(&what, depth + 1);
        let members = out.drop_repeats(self, dir, &name, members);
        let mut sink = Sink { dir, types: Vec::new() };
        let kind = if let Some(generic) = &header.generic {
            TypeKind::Unsupported(Unsupported {
                construct: format!("generic class `{generic}`"),
                loc: self.loc(name_tok),
            })
        } else if let Some(base) = &header.bad_base {
            TypeKind::Unsupported(Unsupported {
                construct: format!("class `{name}` extending `{base}`"),
                loc: self.loc(name_tok),
            })
        } else {
            let mut def = StructDef { bases: header.bases, ..StructDef::default() };
            self.add_fields(&mut def, &members, &name, &mut sink);
            TypeKind::Struct(def)
        };
        let def = self.typedef(name, name_tok, dir, doc, kind);
        out.add(self, def, Decl::Class, sink.types);
    }

    fn enum_decl(&mut self, doc: Option<usize>, dir: &str, out: &mut Output) {
        let Some((name_tok, name)) = self.decl_name() else { return };
        let what = format!("`enum {name}`");
        if !self.expect_body(&what) {
            return;
        }
        let kind = self.parse_enum(&what);
        let def = self.typedef(name, name_tok, dir, doc, kind);
        out.add(self, def, Decl::Other, Vec::new());
    }

    fn alias(&mut self, doc: Option<usize>, dir: &str, depth: usize, out: &mut Output) {
        let Some((name_tok, name)) = self.decl_name() else { return };
        let mut generic = None;
        if self.at_punct("<") {
            self.skip_angles();
            generic = Some(self.snippet(name_tok, self.pos));
        }
        if !self.expect_punct("=", "a type alias is `type Name = Type;`") {
            self.skip_code(false);
            return;
        }
        let Some(ty) = self.parse_type(depth + 1) else {
            self.skip_code(false);
            return;
        };
        if !self.eat_punct(";") && self.peek().is_some() && !self.at_punct("}") && !self.newline_before_next() {
            let found = self.describe_next();
            let loc = self.loc_next();
            self.error_at(
                loc,
                format!("unexpected {found} after `type {name} = …`"),
                "a type alias ends with `;` or a line break",
            );
            self.skip_code(false);
        }
        let mut sink = Sink { dir, types: Vec::new() };
        let kind = match generic {
            Some(generic) => TypeKind::Unsupported(Unsupported {
                construct: format!("generic type alias `{generic}`"),
                loc: self.loc(name_tok),
            }),
            None => self.alias_kind(&ty, &name, &mut sink),
        };
        let def = self.typedef(name, name_tok, dir, doc, kind);
        out.add(self, def, Decl::Other, sink.types);
    }

    /// `namespace A.B { … }`: its declarations go to the folder `dir/A/B`.
    fn namespace(&mut self, dir: &str, depth: usize, out: &mut Output) {
        self.bump();
        let mut inner = dir.to_string();
        let mut path = Vec::new();
        while let Some(word) = self.peek_idx().and_then(|i| self.ident(i)).map(str::to_string) {
            self.bump();
            if !inner.is_empty() {
                inner.push('/');
            }
            inner.push_str(&word);
            path.push(word);
            if !self.eat_punct(".") {
                break;
            }
        }
        let what = format!("`namespace {}`", path.join("."));
        self.block(&inner, &what, depth, out);
    }

    /// At `{`: a block of declarations through the matching `}`.
    fn block(&mut self, dir: &str, what: &str, depth: usize, out: &mut Output) {
        if !self.expect_body(what) {
            return;
        }
        let Some(open) = self.peek_idx() else { return };
        if depth >= MAX_DEPTH {
            self.error(open, format!("{what} is nested more than {MAX_DEPTH} levels deep"), "flatten the namespaces");
            self.skip_balanced();
            return;
        }
        self.bump();
        self.items(dir, Some((open, what)), depth + 1, out);
    }

    /// `function name<T>(…): R { … }` or an overload ending in `;`.
    fn skip_function(&mut self) {
        self.bump();
        self.eat_punct("*");
        if self.peek().is_some_and(|t| matches!(t.kind, TokenKind::Ident(_))) {
            self.bump();
        }
        if self.at_punct("<") && !self.skip_angles() {
            self.skip_code(false);
            return;
        }
        if !self.at_punct("(") || !self.skip_balanced() {
            self.skip_code(false);
            return;
        }
        if self.eat_punct(":") && !self.skip_return_type(1) {
            self.skip_code(false);
            return;
        }
        if self.at_punct("{") {
            self.skip_balanced();
        } else {
            self.eat_punct(";");
        }
    }
}
