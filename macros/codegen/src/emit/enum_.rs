//! Enums: one unit variant per documented value plus a catch-all that keeps any other value as
//! sent. Each enum's own code is the two `match`es between variants and wire values; the impls
//! every enum shares (`FromStr`, `Display`, serde) are stamped by the runtime's macros.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::docs::{deprecated_attr, DocLines};
use super::{types, Ctx};
use crate::model::{EnumDef, EnumValue, Literal, TypeDef};
use crate::name::Members;

/// What the values are on the wire, which decides the catch-all's type.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Every value a string (and an enum with no values): `UnknownValue<String>`.
    Str,
    /// Every value an integer: `UnknownValue<i64>`.
    Int,
    /// Booleans, or a mix: `UnknownValue<serde_json::Value>`.
    Mixed,
}

pub fn emit(ctx: &Ctx<'_>, id: usize, def: &TypeDef, e: &EnumDef) -> TokenStream {
    let names = &ctx.names.types[id];
    let Members::Enum { values, variants, catch_all } = &names.members else { return TokenStream::new() };
    let ident = &names.ident;
    let values: Vec<&EnumValue> = values.iter().map(|&i| &e.values[i]).collect();
    let kind = if values.iter().all(|v| matches!(v.value, Literal::Str(_))) {
        Kind::Str
    } else if values.iter().all(|v| matches!(v.value, Literal::Int(_))) {
        Kind::Int
    } else {
        Kind::Mixed
    };

    let variant_defs = values.iter().zip(variants).map(|(value, variant)| {
        let mut docs = DocLines::vendor(&value.docs);
        docs.push_paragraph(format!("`{}` on the wire.", super::struct_::literal_text(&value.value)));
        let docs = docs.to_attrs();
        let deprecated = deprecated_attr(value.deprecated.as_ref());
        quote! {
            #docs
            #deprecated
            #variant,
        }
    });
    let unknown_ty = match kind {
        Kind::Str => types::string(),
        Kind::Int => quote! { i64 },
        Kind::Mixed => types::json_value(),
    };
    let mut open_docs = DocLines::new();
    if e.open {
        open_docs.push_paragraph("The doc says values beyond those listed may be sent.");
    }
    let open_docs = open_docs.to_attrs();

    let docs = DocLines::of_type(def).to_attrs();
    let deprecated = deprecated_attr(def.deprecated.as_ref());
    let allow_deprecated =
        super::deprecated_allow(def.deprecated.is_some() || values.iter().any(|v| v.deprecated.is_some()));
    let allow_camel = super::camel_allow(ident);
    let derives = match kind {
        Kind::Str => super::str_enum_derive_attr(names.derives),
        Kind::Int | Kind::Mixed => super::derive_attr(names.derives),
    };

    let item = quote! {
        #docs
        #deprecated
        #allow_deprecated
        #allow_camel
        #derives
        #[non_exhaustive]
        #[allow(clippy::enum_variant_names)]
        pub enum #ident {
            #(#variant_defs)*
            #open_docs
            #catch_all(::llm_usage::UnknownValue<#unknown_ty>),
        }
    };
    let lits: Vec<&Literal> = values.iter().map(|v| &v.value).collect();
    let impls = match kind {
        Kind::Str => str_impls(ident, &lits, variants, catch_all),
        Kind::Int => int_impls(ident, &lits, variants, catch_all),
        Kind::Mixed => mixed_impls(ident, &lits, variants, catch_all),
    };
    quote! {
        #item
        #allow_deprecated
        #allow_camel
        const _: () = {
            #impls
        };
    }
}

fn str_impls(ident: &Ident, lits: &[&Literal], variants: &[Ident], catch_all: &Ident) -> TokenStream {
    let values: Vec<String> = lits
        .iter()
        .map(|l| match l {
            Literal::Str(s) => s.clone(),
            Literal::Int(i) => i.to_string(),
            Literal::Bool(b) => b.to_string(),
        })
        .collect();
    let expecting = format!("a string (`{}`)", ident.to_string().trim_start_matches("r#"));
    let unknown = quote! { Self::#catch_all(::llm_usage::__private::unknown(::std::string::String::from(value))) };
    // Without values, a `match` would be a lone wildcard (clippy's `match_single_binding`).
    let from_str = if values.is_empty() {
        unknown
    } else {
        quote! {
            match value {
                #(#values => Self::#variants,)*
                _ => #unknown,
            }
        }
    };
    quote! {
        impl #ident {
            /// The value as written on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(Self::#variants => #values,)*
                    Self::#catch_all(value) => value.as_str(),
                }
            }
        }
        impl ::std::convert::From<&str> for #ident {
            /// The variant for a wire value; a value the doc does not list lands in the catch-all.
            fn from(value: &str) -> Self {
                #from_str
            }
        }
        ::llm_usage::__str_enum_impls!(#ident, #catch_all, #expecting);
    }
}

fn int_impls(ident: &Ident, lits: &[&Literal], variants: &[Ident], catch_all: &Ident) -> TokenStream {
    let values: Vec<i64> = lits.iter().filter_map(|l| if let Literal::Int(i) = l { Some(*i) } else { None }).collect();
    let expecting = format!("an integer (`{}`)", ident.to_string().trim_start_matches("r#"));
    quote! {
        impl #ident {
            /// The value as written on the wire.
            pub fn as_i64(&self) -> i64 {
                match self {
                    #(Self::#variants => #values,)*
                    Self::#catch_all(value) => *value.get(),
                }
            }
        }
        impl ::std::convert::From<i64> for #ident {
            /// The variant for a wire value; a value the doc does not list lands in the catch-all.
            fn from(value: i64) -> Self {
                match value {
                    #(#values => Self::#variants,)*
                    _ => Self::#catch_all(::llm_usage::__private::unknown(value)),
                }
            }
        }
        ::llm_usage::__int_enum_impls!(#ident, #expecting);
    }
}

fn mixed_impls(ident: &Ident, lits: &[&Literal], variants: &[Ident], catch_all: &Ident) -> TokenStream {
    let value_ty = types::json_value();
    let patterns: Vec<TokenStream> = lits
        .iter()
        .map(|l| match l {
            Literal::Str(s) => quote! { #value_ty::String(text) if text == #s },
            Literal::Int(i) => {
                quote! { #value_ty::Number(number) if number.as_i64() == ::std::option::Option::Some(#i) }
            }
            Literal::Bool(b) => quote! { #value_ty::Bool(#b) },
        })
        .collect();
    let writes: Vec<TokenStream> = lits
        .iter()
        .map(|l| match l {
            Literal::Str(s) => quote! { serializer.serialize_str(#s) },
            Literal::Int(i) => quote! { serializer.serialize_i64(#i) },
            Literal::Bool(b) => quote! { serializer.serialize_bool(#b) },
        })
        .collect();
    quote! {
        impl ::std::convert::From<#value_ty> for #ident {
            /// The variant for a wire value; a value the doc does not list lands in the catch-all.
            fn from(value: #value_ty) -> Self {
                let known = match &value {
                    #(#patterns => ::std::option::Option::Some(Self::#variants),)*
                    _ => ::std::option::Option::None,
                };
                known.unwrap_or_else(|| Self::#catch_all(::llm_usage::__private::unknown(value)))
            }
        }
        impl ::llm_usage::__private::serde::Serialize for #ident {
            fn serialize<S>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error>
            where
                S: ::llm_usage::__private::serde::Serializer,
            {
                match self {
                    #(Self::#variants => #writes,)*
                    Self::#catch_all(value) => ::llm_usage::__private::serde::Serialize::serialize(value.get(), serializer),
                }
            }
        }
        impl<'de> ::llm_usage::__private::serde::Deserialize<'de> for #ident {
            fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
            where
                D: ::llm_usage::__private::serde::Deserializer<'de>,
            {
                let value = <#value_ty as ::llm_usage::__private::serde::Deserialize>::deserialize(deserializer)?;
                ::std::result::Result::Ok(<Self as ::std::convert::From<#value_ty>>::from(value))
            }
        }
    }
}
