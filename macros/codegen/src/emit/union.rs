//! Unions: an untagged enum with one newtype variant per alternative, tried in the doc's order.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs::DocLines;
use super::{docs::deprecated_attr, struct_, types, Ctx};
use crate::diagnostic::Diagnostics;
use crate::model::{TypeDef, UnionDef};
use crate::name::ident as names;

pub fn emit(ctx: &Ctx<'_>, id: usize, def: &TypeDef, u: &UnionDef, diags: &mut Diagnostics) -> TokenStream {
    let ident = &ctx.idents[id];
    let from = &ctx.modules[id];

    let mut variant_names: Vec<String> = u
        .variants
        .iter()
        .map(|v| {
            let name = types::variant_name(ctx, &v.ty);
            if name.is_empty() || name == "Self" {
                "Variant".to_owned()
            } else {
                name
            }
        })
        .collect();
    names::dedup_with_suffix(&mut variant_names);

    let variants = u.variants.iter().zip(&variant_names).map(|(variant, name)| {
        let variant_ident = names::ident(name);
        let ty = types::rust_type(ctx, &variant.ty, from, diags);
        let mut docs = DocLines::new();
        struct_::push_type_notes(&mut docs, &variant.ty);
        let docs = docs.to_attrs();
        let float = if types::contains_float(&variant.ty) {
            quote! { #[serde(serialize_with = "::llm_usage::__private::float::serialize")] }
        } else {
            TokenStream::new()
        };
        quote! {
            #docs
            #float
            #variant_ident(#ty),
        }
    });

    let mut docs = super::type_docs(def);
    docs.push_paragraph(
        "One of several types, told apart by shape alone: reading tries the variants in order and the first that fits wins, so their order matters.",
    );
    let docs = docs.to_attrs();
    let deprecated = deprecated_attr(def.deprecated.as_ref());
    let needs_allow = def.deprecated.is_some() || u.variants.iter().any(|v| types::mentions_deprecated(ctx, &v.ty));
    let allow_deprecated = if needs_allow {
        quote! { #[allow(deprecated)] }
    } else {
        TokenStream::new()
    };
    let allow_camel = super::camel_allow(ident);

    quote! {
        #docs
        #deprecated
        #allow_deprecated
        #allow_camel
        #[derive(
            ::std::fmt::Debug,
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::llm_usage::__private::serde::Serialize,
            ::llm_usage::__private::serde::Deserialize,
        )]
        #[serde(crate = "::llm_usage::__private::serde", untagged)]
        #[allow(clippy::large_enum_variant, clippy::enum_variant_names)]
        pub enum #ident {
            #(#variants)*
        }
    }
}
