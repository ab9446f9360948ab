//! Structs: one field per documented field, in the presence state the doc gives it, then the
//! catch-all map that keeps unknown fields.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs::{deprecated_attr, DocLines};
use super::{types, Ctx};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{Field, Literal, Presence, Scalar, StructDef, TypeDef, TypeRef};
use crate::name::ident as names;

/// Whether the Rust type of `field` implements `Default`.
pub fn field_has_default(ctx: &Ctx<'_>, field: &Field, defaults: &[bool]) -> bool {
    field.presence == Presence::Optional || field.nullable || types::has_default(ctx, &field.ty, defaults)
}

pub fn emit(ctx: &Ctx<'_>, id: usize, def: &TypeDef, s: &StructDef, diags: &mut Diagnostics) -> TokenStream {
    let ident = &ctx.idents[id];
    let from = &ctx.modules[id];

    // Rust names, with collisions reported at the second field.
    let mut taken: Vec<(String, &Field)> = Vec::new();
    let mut fields = Vec::new();
    for field in &s.fields {
        let name = names::snake_case(&field.name);
        let field_ident = names::ident(&name);
        let plain = field_ident.to_string().trim_start_matches("r#").to_owned();
        if let Some((_, first)) = taken.iter().find(|(n, _)| *n == plain) {
            diags.push(
                Diagnostic::new(
                    field.loc.clone(),
                    format!("fields `{}` and `{}` both become the Rust field `{plain}`", first.name, field.name),
                )
                .with_note(format!("`{}` is declared at {}", first.name, first.loc)),
            );
            continue;
        }
        taken.push((plain, field));
        fields.push(emit_field(ctx, field, field_ident, from, diags));
    }

    let taken_names: Vec<String> = taken.iter().map(|(n, _)| n.clone()).collect();
    let unknown = names::ident(&names::free_name("unknown_fields", "_", &taken_names));
    let mut unknown_docs = DocLines::new();
    unknown_docs.push_paragraph("Fields the vendor sent that the doc does not list; written back unchanged.");
    if let Some(additional) = &s.additional {
        unknown_docs.push_vendor(additional);
    }
    let unknown_docs = unknown_docs.to_attrs();
    let string = types::string();
    let value = types::json_value();

    let docs = super::type_docs(def).to_attrs();
    let deprecated = deprecated_attr(def.deprecated.as_ref());
    let allow_deprecated = def.deprecated.is_some()
        || s.fields.iter().any(|f| f.deprecated.is_some() || types::mentions_deprecated(ctx, &f.ty));
    let allow_deprecated = if allow_deprecated {
        quote! { #[allow(deprecated)] }
    } else {
        TokenStream::new()
    };
    let allow_camel = super::camel_allow(ident);
    let default = if ctx.defaults[id] {
        quote! { ::std::default::Default, }
    } else {
        TokenStream::new()
    };

    quote! {
        #docs
        #deprecated
        #allow_deprecated
        #allow_camel
        #[derive(
            ::std::fmt::Debug,
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            #default
            ::llm_usage::__private::serde::Serialize,
            ::llm_usage::__private::serde::Deserialize,
        )]
        #[serde(crate = "::llm_usage::__private::serde")]
        pub struct #ident {
            #(#fields)*
            #unknown_docs
            #[serde(flatten)]
            pub #unknown: ::llm_usage::__private::serde_json::Map<#string, #value>,
        }
    }
}

fn emit_field(
    ctx: &Ctx<'_>,
    field: &Field,
    ident: proc_macro2::Ident,
    from: &[String],
    diags: &mut Diagnostics,
) -> TokenStream {
    let base = types::rust_type(ctx, &field.ty, from, diags);
    let mut serde_args: Vec<TokenStream> = Vec::new();
    if ident != field.wire_name {
        let wire = &field.wire_name;
        serde_args.push(quote! { rename = #wire });
    }
    let ty = match (field.presence, field.nullable) {
        (Presence::Required, false) => base,
        (Presence::Required, true) => {
            serde_args.push(quote! { deserialize_with = "::llm_usage::__private::required_nullable" });
            quote! { ::std::option::Option<#base> }
        }
        (Presence::Optional, false) => {
            serde_args.push(quote! { default, skip_serializing_if = "::std::option::Option::is_none" });
            quote! { ::std::option::Option<#base> }
        }
        (Presence::Optional, true) => {
            serde_args.push(quote! { default, skip_serializing_if = "::llm_usage::OptionalNullable::is_absent" });
            quote! { ::llm_usage::OptionalNullable<#base> }
        }
    };
    if types::contains_float(&field.ty) {
        serde_args.push(quote! { serialize_with = "::llm_usage::__private::float::serialize" });
    }
    let serde_attr = if serde_args.is_empty() {
        TokenStream::new()
    } else {
        quote! { #[serde(#(#serde_args),*)] }
    };

    let mut docs = DocLines::vendor(&field.docs);
    push_type_notes(&mut docs, &field.ty);
    let docs = docs.to_attrs();
    let deprecated = deprecated_attr(field.deprecated.as_ref());
    quote! {
        #docs
        #deprecated
        #serde_attr
        pub #ident: #ty,
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
