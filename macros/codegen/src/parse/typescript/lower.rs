//! Syntax trees → the model: TypeScript types to [`TypeRef`]s, member lists to fields, and the
//! types TypeScript writes inline (object types, literal unions, unions in property position)
//! to generated [`TypeDef`]s named `<Parent><Property>` (`ChatCompletion.service_tier` →
//! `ChatCompletionServiceTier`).

use std::collections::HashMap;

use super::cursor::Ctx;
use super::jsdoc;
use super::syntax::{Keyword, Member, MemberKind, Ty, TyKind};
use crate::model::{
    Docs, EnumDef, EnumValue, Field, InlineOrigin, Literal, Location, NamedRef, Presence, Scalar, StructDef, TypeDef,
    TypeKind, TypeRef, UnionDef, Unsupported, Variant,
};

/// Where the docs of the types generated from an inline type come from.
pub(crate) enum InlineDocs {
    /// A property's type: the type says which property (the property's own docs describe the
    /// property, not every value of its type).
    Property(InlineOrigin),
    /// An index signature's value type: the signature's own docs.
    Documented(Docs),
}

/// How a type generated at some position is named.
#[derive(Debug, Clone)]
pub(crate) struct Naming {
    pub base: String,
    /// The base names the declaration itself (a type alias): a generated type needs a suffix.
    pub taken: bool,
}

impl Naming {
    pub fn field(parent: &str, property: &str) -> Naming {
        Naming { base: format!("{parent}{}", pascal(property)), taken: false }
    }

    pub fn declared(name: &str) -> Naming {
        Naming { base: name.to_string(), taken: true }
    }

    /// The position inside a list (`Item`) or map (`Value`).
    fn inner(&self, suffix: &str) -> Naming {
        if self.taken {
            Naming { base: format!("{}{suffix}", self.base), taken: false }
        } else {
            self.clone()
        }
    }

    /// The name of a type generated here.
    fn here(&self) -> String {
        self.base.clone()
    }
}

/// Where generated types go: the folder of their parent, in document order.
pub(crate) struct Sink<'s> {
    pub dir: &'s str,
    pub types: Vec<TypeDef>,
}

/// A property type with `null` and `undefined` taken out as flags.
pub(crate) struct Lowered {
    pub ty: TypeRef,
    pub nullable: bool,
    pub undefined: bool,
}

/// `service_tier` → `ServiceTier`, `inputTokens` → `InputTokens`, `created_at[gte]` → `CreatedAtGte`.
pub(crate) fn pascal(name: &str) -> String {
    let mut out = String::new();
    for piece in name.split(|c: char| !c.is_alphanumeric()).filter(|p| !p.is_empty()) {
        let mut chars = piece.chars();
        if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
            out.push_str(chars.as_str());
        }
    }
    if out.is_empty() {
        out.push_str("Field");
    }
    out
}

/// The members of a union, parentheses and nested unions flattened.
fn flatten<'t>(ty: &'t Ty, parts: &mut Vec<&'t Ty>) {
    match &ty.kind {
        TyKind::Union(members) => members.iter().for_each(|m| flatten(m, parts)),
        TyKind::Paren(inner) => flatten(inner, parts),
        _ => parts.push(ty),
    }
}

fn unparen(ty: &Ty) -> &Ty {
    match &ty.kind {
        TyKind::Paren(inner) => unparen(inner),
        _ => ty,
    }
}

/// `string & {}`: TypeScript's idiom for "any string, but suggest these literals".
fn is_open_string(ty: &Ty) -> bool {
    let TyKind::Intersection(parts) = &unparen(ty).kind else { return false };
    let [a, b] = parts.as_slice() else { return false };
    let is_string = |t: &Ty| matches!(unparen(t).kind, TyKind::Keyword(Keyword::String));
    let is_empty = |t: &Ty| matches!(&unparen(t).kind, TyKind::Object(m) if m.is_empty());
    (is_string(a) && is_empty(b)) || (is_empty(a) && is_string(b))
}

fn is_any(ty: &Ty) -> bool {
    matches!(unparen(ty).kind, TyKind::Keyword(Keyword::Any | Keyword::Unknown))
}

impl Ctx<'_> {
    pub fn unsupported(&self, what: &str, ty: &Ty) -> Unsupported {
        Unsupported { construct: format!("{what} `{}`", self.snippet(ty.start, ty.end)), loc: self.loc(ty.start) }
    }

    fn unsupported_ref(&self, what: &str, ty: &Ty) -> TypeRef {
        TypeRef::Unsupported(Box::new(self.unsupported(what, ty)))
    }

    /// A generated type: pushed now (so it precedes the types generated inside it), filled
    /// by `kind`.
    fn generate(
        &mut self,
        name: String,
        at: usize,
        docs: &InlineDocs,
        sink: &mut Sink<'_>,
        kind: impl FnOnce(&mut Self, &mut Sink<'_>) -> TypeKind,
    ) -> TypeRef {
        let loc = self.loc(at);
        let slot = sink.types.len();
        sink.types.push(TypeDef {
            name: name.clone(),
            dir: sink.dir.to_string(),
            file: self.rel.to_string(),
            docs: match docs {
                InlineDocs::Property(_) => Docs::default(),
                InlineDocs::Documented(docs) => docs.clone(),
            },
            deprecated: None,
            loc: loc.clone(),
            kind: TypeKind::Alias(TypeRef::Scalar(Scalar::Any)),
            inline_of: match docs {
                InlineDocs::Property(of) => Some(of.clone()),
                InlineDocs::Documented(_) => None,
            },
            merges: false,
            diagnostics: Vec::new(),
        });
        let kind = kind(self, sink);
        if let Some(def) = sink.types.get_mut(slot) {
            def.kind = kind;
        }
        TypeRef::Named(NamedRef::new(name, loc))
    }

    /// A property's type: `null` and `undefined` members of a union become flags.
    pub fn lower_property(&mut self, ty: &Ty, naming: &Naming, docs: &InlineDocs, sink: &mut Sink<'_>) -> Lowered {
        let mut parts = Vec::new();
        flatten(ty, &mut parts);
        let mut lowered = Lowered { ty: TypeRef::Scalar(Scalar::Any), nullable: false, undefined: false };
        parts.retain(|p| match p.kind {
            TyKind::Keyword(Keyword::Null) => {
                lowered.nullable = true;
                false
            }
            TyKind::Keyword(Keyword::Undefined) => {
                lowered.undefined = true;
                false
            }
            _ => true,
        });
        let name = naming.here();
        lowered.ty = match self.union_shape(&parts, &name, naming, docs, sink) {
            Ok(ty) => ty,
            Err(kind) => {
                let at = parts.first().map_or(ty.start, |p| p.start);
                self.generate(name, at, docs, sink, |_, _| *kind)
            }
        };
        lowered
    }

    /// The element of a list or the value of a map: `null` wraps it in `Nullable`.
    fn lower_element(&mut self, ty: &Ty, naming: &Naming, docs: &InlineDocs, sink: &mut Sink<'_>) -> TypeRef {
        let lowered = self.lower_property(ty, naming, docs, sink);
        if lowered.nullable {
            TypeRef::Nullable(Box::new(lowered.ty))
        } else {
            lowered.ty
        }
    }

    /// What the non-null members of a union make: a type reference (`Ok`), or the kind of a
    /// type to generate under `def_name` (`Err`: an enum of literals or a union).
    fn union_shape(
        &mut self,
        parts: &[&Ty],
        def_name: &str,
        naming: &Naming,
        docs: &InlineDocs,
        sink: &mut Sink<'_>,
    ) -> Result<TypeRef, Box<TypeKind>> {
        match parts {
            [] => return Ok(TypeRef::Scalar(Scalar::Any)),
            [one] => return Ok(self.lower_single(one, naming, docs, sink)),
            _ => {}
        }
        if parts.iter().any(|p| is_any(p)) {
            // `Schema | unknown` is `unknown`.
            return Ok(TypeRef::Scalar(Scalar::Any));
        }
        let open = parts.iter().any(|p| is_open_string(p));
        let closed: Vec<&Ty> = parts.iter().copied().filter(|p| !is_open_string(p)).collect();
        let literal = |t: &Ty| match &unparen(t).kind {
            TyKind::Literal(l @ (Literal::Str(_) | Literal::Int(_))) => Some(l.clone()),
            _ => None,
        };
        if closed.is_empty() {
            return Ok(TypeRef::Scalar(Scalar::String));
        }
        if closed.iter().all(|t| literal(t).is_some()) {
            let mut values: Vec<EnumValue> = Vec::new();
            for t in &closed {
                let Some(value) = literal(t) else { continue };
                if values.iter().all(|v| v.value != value) {
                    let loc = self.loc(t.start);
                    values.push(EnumValue { value, member: None, docs: Docs::default(), deprecated: None, loc });
                }
            }
            return Err(Box::new(TypeKind::Enum(EnumDef { values, open })));
        }
        let bools: Vec<bool> = closed
            .iter()
            .filter_map(|t| match unparen(t).kind {
                TyKind::Literal(Literal::Bool(b)) => Some(b),
                _ => None,
            })
            .collect();
        if !open && bools.len() == closed.len() {
            return Ok(if bools.contains(&true) && bools.contains(&false) {
                TypeRef::Scalar(Scalar::Boolean)
            } else {
                TypeRef::Literal(Literal::Bool(bools.first().copied().unwrap_or(true)))
            });
        }
        let mut variants = Vec::new();
        for (i, part) in parts.iter().enumerate() {
            let naming = Naming { base: format!("{def_name}{}", i + 1), taken: false };
            let ty = if is_open_string(part) {
                TypeRef::Scalar(Scalar::String)
            } else {
                self.lower_single(part, &naming, docs, sink)
            };
            variants.push(Variant { ty, loc: self.loc(part.start) });
        }
        Err(Box::new(TypeKind::Union(UnionDef { variants })))
    }

    /// One type that is not a union at its top.
    fn lower_single(&mut self, ty: &Ty, naming: &Naming, docs: &InlineDocs, sink: &mut Sink<'_>) -> TypeRef {
        match &ty.kind {
            TyKind::Keyword(keyword) => match keyword {
                Keyword::String => TypeRef::Scalar(Scalar::String),
                Keyword::Number => TypeRef::Scalar(Scalar::Float),
                Keyword::Bigint => TypeRef::Scalar(Scalar::Integer),
                Keyword::Boolean => TypeRef::Scalar(Scalar::Boolean),
                Keyword::Any | Keyword::Unknown | Keyword::Object | Keyword::Null | Keyword::Undefined => {
                    TypeRef::Scalar(Scalar::Any)
                }
                Keyword::Never | Keyword::Void | Keyword::Symbol | Keyword::This => self.unsupported_ref("type", ty),
            },
            TyKind::Literal(literal) => TypeRef::Literal(literal.clone()),
            TyKind::FloatLiteral => TypeRef::Scalar(Scalar::Float),
            TyKind::Ref { path, args } => self.lower_ref(ty, path, args, naming, docs, sink),
            TyKind::Array(inner) => {
                TypeRef::List(Box::new(self.lower_element(inner, &naming.inner("Item"), docs, sink)))
            }
            TyKind::Object(members) => self.lower_object(ty, members, naming, docs, sink),
            TyKind::Union(_) | TyKind::Paren(_) => self.lower_element(ty, naming, docs, sink),
            TyKind::Intersection(_) if is_open_string(ty) => TypeRef::Scalar(Scalar::String),
            TyKind::Intersection(_) => self.unsupported_ref("intersection type", ty),
            TyKind::Other(what) => self.unsupported_ref(what, ty),
        }
    }

    fn lower_ref(
        &mut self,
        ty: &Ty,
        path: &[String],
        args: &[Ty],
        naming: &Naming,
        docs: &InlineDocs,
        sink: &mut Sink<'_>,
    ) -> TypeRef {
        let single = match path {
            [one] => Some(one.as_str()),
            _ => None,
        };
        match (single, args) {
            (Some("Date"), []) => return TypeRef::Scalar(Scalar::DateTime),
            (Some("Array" | "ReadonlyArray"), [element]) => {
                return TypeRef::List(Box::new(self.lower_element(element, &naming.inner("Item"), docs, sink)));
            }
            (Some("Record"), [key, value]) => {
                if matches!(unparen(key).kind, TyKind::Keyword(Keyword::String | Keyword::Number)) {
                    return TypeRef::Map(Box::new(self.lower_element(value, &naming.inner("Value"), docs, sink)));
                }
                return self.unsupported_ref("record type with keys other than `string`", ty);
            }
            (_, []) => {}
            _ => return self.unsupported_ref("generic type", ty),
        }
        let (name, qualifier) = match path.split_last() {
            Some((name, [])) => (name.clone(), None),
            Some((name, rest)) => (name.clone(), Some(rest.join("."))),
            None => return self.unsupported_ref("type", ty),
        };
        let mut named = NamedRef::new(name, self.loc(ty.start));
        named.qualifier = qualifier;
        TypeRef::Named(named)
    }

    /// An object type in type position: `{}` is any value, `{ [k: string]: V }` a map,
    /// anything else a generated struct.
    fn lower_object(
        &mut self,
        ty: &Ty,
        members: &[Member],
        naming: &Naming,
        docs: &InlineDocs,
        sink: &mut Sink<'_>,
    ) -> TypeRef {
        if members.is_empty() {
            return TypeRef::Scalar(Scalar::Any);
        }
        if let [Member { kind: MemberKind::Index { value }, .. }] = members {
            return TypeRef::Map(Box::new(self.lower_element(value, &naming.inner("Value"), docs, sink)));
        }
        let name = naming.here();
        self.generate(name.clone(), ty.start, docs, sink, |ctx, sink| ctx.struct_kind(members, &name, sink))
    }

    /// The kind of a declared or generated object type named `parent`: a struct, or a map
    /// alias when its only member is an index signature.
    pub fn struct_kind(&mut self, members: &[Member], parent: &str, sink: &mut Sink<'_>) -> TypeKind {
        if let [Member { kind: MemberKind::Index { value }, doc, .. }] = members {
            let docs = jsdoc::parse(self.doc_text(*doc).unwrap_or("")).docs;
            return TypeKind::Alias(TypeRef::Map(Box::new(self.lower_element(
                value,
                &Naming::declared(parent).inner("Value"),
                &InlineDocs::Documented(docs),
                sink,
            ))));
        }
        let mut def = StructDef::default();
        self.add_fields(&mut def, members, parent, sink);
        TypeKind::Struct(def)
    }

    /// Appends `members` to `def` as fields (a later duplicate name is reported and dropped).
    pub fn add_fields(&mut self, def: &mut StructDef, members: &[Member], parent: &str, sink: &mut Sink<'_>) {
        let mut seen: HashMap<String, Location> = def.fields.iter().map(|f| (f.name.clone(), f.loc.clone())).collect();
        for member in members {
            let doc = jsdoc::parse(self.doc_text(member.doc).unwrap_or(""));
            match &member.kind {
                MemberKind::Index { .. } => {
                    if def.additional.is_none() {
                        def.additional = Some(doc.docs);
                    }
                }
                MemberKind::Property { name, optional, ty } => {
                    let loc = self.loc(member.name_tok);
                    if let Some(first) = seen.get(name) {
                        let note = format!("`{name}` is first declared at {first}; a property may be declared once");
                        self.error_at(loc, format!("duplicate property `{name}` in `{parent}`"), note);
                        continue;
                    }
                    seen.insert(name.clone(), loc.clone());
                    // A type made from the property's inline type knows where it comes from;
                    // the property's docs describe the property, not every value of its type.
                    let inline_docs =
                        InlineDocs::Property(InlineOrigin { parent: parent.to_owned(), property: name.clone() });
                    let lowered = match ty {
                        Some(ty) => self.lower_property(ty, &Naming::field(parent, name), &inline_docs, sink),
                        None => Lowered {
                            ty: TypeRef::Unsupported(Box::new(Unsupported {
                                construct: format!("property `{name}` without a type annotation"),
                                loc: loc.clone(),
                            })),
                            nullable: false,
                            undefined: false,
                        },
                    };
                    def.fields.push(Field {
                        name: name.clone(),
                        wire_name: name.clone(),
                        ty: lowered.ty,
                        presence: if *optional || lowered.undefined { Presence::Optional } else { Presence::Required },
                        nullable: lowered.nullable,
                        docs: doc.docs,
                        deprecated: doc.deprecated,
                        loc,
                    });
                }
            }
        }
    }

    /// The kind of `type name = ty`.
    pub fn alias_kind(&mut self, ty: &Ty, name: &str, sink: &mut Sink<'_>) -> TypeKind {
        let naming = Naming::declared(name);
        if let TyKind::Object(members) = &unparen(ty).kind {
            if !members.is_empty() {
                return self.struct_kind(members, name, sink);
            }
        }
        let mut parts = Vec::new();
        flatten(ty, &mut parts);
        // A `null` member of an aliased union has no place in the model; it is dropped.
        parts.retain(|p| !matches!(p.kind, TyKind::Keyword(Keyword::Null | Keyword::Undefined)));
        match self.union_shape(&parts, name, &naming, &InlineDocs::Documented(Docs::default()), sink) {
            Ok(ty) => TypeKind::Alias(ty),
            Err(kind) => *kind,
        }
    }
}
