//! Structs: one field per documented field, in the presence state the doc gives it, then the
//! `UnknownFields` that keeps the fields the doc does not list; `Serialize` and `Deserialize` come from [`super::ser`] and
//! [`super::de`].

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::docs::{deprecated_attr, DocLines};
use super::{de, ser, types, Ctx};
use crate::model::{Field, Literal, Presence, Scalar, StructDef, TypeDef, TypeRef};
use crate::name::Members;

/// A field with everything the emitter decides about it.
pub struct FieldPlan<'a> {
    pub field: &'a Field,
    pub ident: &'a Ident,
    /// Its Rust type, presence wrapper included.
    pub ty: TokenStream,
}

pub fn emit(ctx: &Ctx<'_>, id: usize, def: &TypeDef, s: &StructDef) -> TokenStream {
    let names = &ctx.names.types[id];
    let Members::Struct { fields: idents, unknown } = &names.members else { return TokenStream::new() };
    let ident = &names.ident;
    let from = ctx.module(id);
    let plans: Vec<FieldPlan<'_>> = s
        .fields
        .iter()
        .zip(idents)
        .map(|(field, ident)| FieldPlan { field, ident, ty: field_type(ctx, field, from) })
        .collect();

    let fields = plans.iter().map(|plan| {
        let mut docs = DocLines::vendor(&plan.field.docs);
        push_type_notes(&mut docs, &plan.field.ty);
        let docs = docs.to_attrs();
        let deprecated = deprecated_attr(plan.field.deprecated.as_ref());
        let (name, ty) = (plan.ident, &plan.ty);
        quote! {
            #docs
            #deprecated
            pub #name: #ty,
        }
    });
    let unknown_docs = match &s.additional {
        Some(additional) => DocLines::vendor(additional).to_attrs(),
        None => TokenStream::new(),
    };

    let docs = DocLines::of_type(def).to_attrs();
    let deprecated = deprecated_attr(def.deprecated.as_ref());
    let allow_deprecated = super::deprecated_allow(
        def.deprecated.is_some()
            || s.fields.iter().any(|f| f.deprecated.is_some() || types::mentions_deprecated(ctx, &f.ty)),
    );
    let allow_camel = super::camel_allow(ident);
    let derives = super::derive_attr(names.derives);
    let de = de::struct_impl(ident, &plans, unknown);
    let ser = ser::struct_impl(ident, &plans, unknown);

    quote! {
        #docs
        #deprecated
        #allow_deprecated
        #allow_camel
        #derives
        pub struct #ident {
            #(#fields)*
            #unknown_docs
            pub #unknown: ::llm_usage::UnknownFields,
        }

        #allow_deprecated
        #de

        #allow_deprecated
        #ser
    }
}

/// The Rust type of a field: its doc type in the wrapper its presence state calls for.
fn field_type(ctx: &Ctx<'_>, field: &Field, from: &[Ident]) -> TokenStream {
    let base = types::rust_type(ctx, &field.ty, from);
    match (field.presence, field.nullable) {
        (Presence::Required, false) => base,
        (Presence::Required, true) | (Presence::Optional, false) => quote! { ::std::option::Option<#base> },
        (Presence::Optional, true) => quote! { ::llm_usage::OptionalNullable<#base> },
    }
}

/// Lines a type adds to the docs of what holds it: the constant of a literal, the JSON form of bytes.
pub fn push_type_notes(docs: &mut DocLines, ty: &TypeRef) {
    if let TypeRef::Literal(l) = ty {
        docs.push_paragraph(format!("Always `{}`.", literal_text(l)));
    }
    if mentions_bytes(ty) {
        docs.push_paragraph("Binary content in the doc, which gives it no JSON form; kept as the JSON value sent.");
    }
}

/// A literal as the doc would write it in code: `"text"`, `3`, `true`.
pub fn literal_text(l: &Literal) -> String {
    match l {
        Literal::Str(s) => format!("{s:?}").replace('`', "'"),
        Literal::Int(i) => i.to_string(),
        Literal::Bool(b) => b.to_string(),
    }
}

fn mentions_bytes(ty: &TypeRef) -> bool {
    match ty {
        TypeRef::Scalar(s) => *s == Scalar::Bytes,
        TypeRef::List(inner) | TypeRef::Map(inner) | TypeRef::Nullable(inner) => mentions_bytes(inner),
        TypeRef::Literal(_) | TypeRef::Named(_) | TypeRef::Unsupported(_) => false,
    }
}
