//! Unions: an enum with one newtype variant per alternative. No Speakeasy doc states a
//! discriminator, so reading buffers the value once and tries the variants in the doc's order
//! (the first that fits wins); writing writes the variant's value.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs::{deprecated_attr, DocLines};
use super::{struct_, types, Ctx};
use crate::model::{TypeDef, UnionDef};
use crate::name::Members;

pub fn emit(ctx: &Ctx<'_>, id: usize, def: &TypeDef, u: &UnionDef) -> TokenStream {
    let names = &ctx.names.types[id];
    let Members::Union { variants: variant_idents } = &names.members else { return TokenStream::new() };
    let ident = &names.ident;
    let from = ctx.module(id);

    let variants = u.variants.iter().zip(variant_idents).map(|(variant, name)| {
        let ty = types::rust_type(ctx, &variant.ty, from);
        let mut docs = DocLines::new();
        struct_::push_type_notes(&mut docs, &variant.ty);
        let docs = docs.to_attrs();
        quote! {
            #docs
            #name(#ty),
        }
    });
    let writes = u.variants.iter().zip(variant_idents).map(|(variant, name)| {
        let value = if types::contains_float(&variant.ty) {
            quote! { &::llm_usage::__private::float::Floats(value) }
        } else {
            quote! { value }
        };
        quote! { Self::#name(value) => ::llm_usage::__private::serde::Serialize::serialize(#value, serializer), }
    });
    let tries = variant_idents.iter().map(|name| {
        quote! {
            if let ::std::option::Option::Some(value) = ::llm_usage::__private::union::variant(&value) {
                return ::std::result::Result::Ok(Self::#name(value));
            }
        }
    });
    let name = ident.to_string().trim_start_matches("r#").to_owned();

    let docs = DocLines::of_type(def).to_attrs();
    let deprecated = deprecated_attr(def.deprecated.as_ref());
    let allow_deprecated = super::deprecated_allow(
        def.deprecated.is_some() || u.variants.iter().any(|v| types::mentions_deprecated(ctx, &v.ty)),
    );
    let allow_camel = super::camel_allow(ident);
    let derives = super::derive_attr(names.derives);
    // With no variants, `self` cannot be matched on and no value can be read.
    let (serialize, deserialize) = if u.variants.is_empty() {
        (
            quote! {
                let _ = serializer;
                match *self {}
            },
            quote! {
                let _ = ::llm_usage::__private::union::buffer(deserializer)?;
                ::std::result::Result::Err(::llm_usage::__private::union::no_variant(#name))
            },
        )
    } else {
        (
            quote! { match self { #(#writes)* } },
            quote! {
                let value = ::llm_usage::__private::union::buffer(deserializer)?;
                #(#tries)*
                ::std::result::Result::Err(::llm_usage::__private::union::no_variant(#name))
            },
        )
    };

    quote! {
        #docs
        #deprecated
        #allow_deprecated
        #allow_camel
        #derives
        #[allow(clippy::large_enum_variant, clippy::enum_variant_names)]
        pub enum #ident {
            #(#variants)*
        }

        #allow_deprecated
        #allow_camel
        const _: () = {
            impl ::llm_usage::__private::serde::Serialize for #ident {
                fn serialize<S>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error>
                where
                    S: ::llm_usage::__private::serde::Serializer,
                {
                    #serialize
                }
            }
            impl<'de> ::llm_usage::__private::serde::Deserialize<'de> for #ident {
                fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
                where
                    D: ::llm_usage::__private::serde::Deserializer<'de>,
                {
                    #deserialize
                }
            }
        };
    }
}
