//! Enums: one unit variant per documented value plus a catch-all that keeps any other value as
//! sent, with hand-written (generated) `Serialize`/`Deserialize` mapping values to variants.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::docs::{deprecated_attr, DocLines};
use super::{types, Ctx};
use crate::diagnostic::Diagnostics;
use crate::model::{EnumDef, EnumValue, Literal, TypeDef};
use crate::name::ident as names;

/// What the values are on the wire, which decides the catch-all's type.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Every value a string (and an enum with no values): `Unknown(String)`.
    Str,
    /// Every value an integer: `Unknown(i64)`.
    Int,
    /// Booleans, or a mix: `Unknown(serde_json::Value)`.
    Mixed,
}

pub fn emit(ctx: &Ctx<'_>, id: usize, def: &TypeDef, e: &EnumDef, _diags: &mut Diagnostics) -> TokenStream {
    let ident = &ctx.idents[id];

    // A value listed twice is one variant.
    let mut values: Vec<&EnumValue> = Vec::new();
    for value in &e.values {
        if !values.iter().any(|v| v.value == value.value) {
            values.push(value);
        }
    }
    let kind = if values.iter().all(|v| matches!(v.value, Literal::Str(_))) {
        Kind::Str
    } else if values.iter().all(|v| matches!(v.value, Literal::Int(_))) {
        Kind::Int
    } else {
        Kind::Mixed
    };

    let pairs: Vec<(&Literal, Option<&str>)> = values.iter().map(|v| (&v.value, v.member.as_deref())).collect();
    let variant_names = names::enum_variant_names(&pairs);
    let variants: Vec<Ident> = variant_names.iter().map(|n| names::ident(n)).collect();
    let mut unknown_name = "Unknown".to_owned();
    if variant_names.contains(&unknown_name) {
        unknown_name = "UnknownValue".to_owned();
        let mut n = 2;
        while variant_names.contains(&unknown_name) {
            unknown_name = format!("UnknownValue{n}");
            n += 1;
        }
    }
    let unknown = names::ident(&unknown_name);

    let variant_defs = values.iter().zip(&variants).map(|(value, variant)| {
        let mut docs = DocLines::vendor(&value.docs);
        docs.push_paragraph(format!("Wire value: `{}`.", super::struct_::literal_text(&value.value)));
        let docs = docs.to_attrs();
        let deprecated = deprecated_attr(value.deprecated.as_ref());
        quote! {
            #docs
            #deprecated
            #variant,
        }
    });
    let string = types::string();
    let value_ty = types::json_value();
    let unknown_ty = match kind {
        Kind::Str => string.clone(),
        Kind::Int => quote! { i64 },
        Kind::Mixed => value_ty.clone(),
    };
    let mut unknown_docs = DocLines::new();
    unknown_docs.push_paragraph("A value this version of the doc does not list, kept as sent.");
    if e.open {
        unknown_docs.push_paragraph("The doc says values beyond those listed may be sent.");
    }
    let unknown_docs = unknown_docs.to_attrs();

    let mut docs = super::type_docs(def);
    docs.push_paragraph("Values the doc does not list are kept in the catch-all variant and written back unchanged.");
    let docs = docs.to_attrs();
    let deprecated = deprecated_attr(def.deprecated.as_ref());
    let needs_allow = def.deprecated.is_some() || values.iter().any(|v| v.deprecated.is_some());
    let allow_deprecated = if needs_allow {
        quote! { #[allow(deprecated)] }
    } else {
        TokenStream::new()
    };
    let allow_camel = super::camel_allow(ident);
    let derives = match kind {
        Kind::Str | Kind::Int => quote! {
            ::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq, ::std::cmp::Eq, ::std::hash::Hash
        },
        Kind::Mixed => quote! { ::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq, ::std::cmp::Eq },
    };

    let item = quote! {
        #docs
        #deprecated
        #allow_deprecated
        #allow_camel
        #[derive(#derives)]
        #[non_exhaustive]
        #[allow(clippy::enum_variant_names)]
        pub enum #ident {
            #(#variant_defs)*
            #unknown_docs
            #unknown(#unknown_ty),
        }
    };

    let lits: Vec<&Literal> = values.iter().map(|v| &v.value).collect();
    let impls = match kind {
        Kind::Str => str_impls(ident, &lits, &variants, &unknown),
        Kind::Int => int_impls(ident, &lits, &variants, &unknown),
        Kind::Mixed => mixed_impls(ident, &lits, &variants, &unknown),
    };
    let impls = impls.into_iter().map(|imp| quote! { #allow_deprecated #allow_camel #imp });
    quote! {
        #item
        #(#impls)*
    }
}

fn str_values(lits: &[&Literal]) -> Vec<String> {
    lits.iter()
        .map(|l| match l {
            Literal::Str(s) => s.clone(),
            Literal::Int(i) => i.to_string(),
            Literal::Bool(b) => b.to_string(),
        })
        .collect()
}

fn str_impls(ident: &Ident, lits: &[&Literal], variants: &[Ident], unknown: &Ident) -> Vec<TokenStream> {
    let values = str_values(lits);
    let string = types::string();
    let expecting = format!("a string (`{ident}`)");
    // Without values, a `match` would be a lone wildcard (clippy's `match_single_binding`).
    let (from_str_body, from_string_body) = if values.is_empty() {
        (quote! { Self::#unknown(#string::from(value)) }, quote! { Self::#unknown(value) })
    } else {
        (
            quote! {
                match value {
                    #(#values => Self::#variants,)*
                    _ => Self::#unknown(#string::from(value)),
                }
            },
            quote! {
                match value.as_str() {
                    #(#values => Self::#variants,)*
                    _ => Self::#unknown(value),
                }
            },
        )
    };
    vec![
        quote! {
            impl #ident {
                /// The value as written on the wire.
                pub fn as_str(&self) -> &str {
                    match self {
                        #(Self::#variants => #values,)*
                        Self::#unknown(value) => value,
                    }
                }
            }
        },
        quote! {
            impl ::std::convert::From<&str> for #ident {
                /// The variant for a wire value; a value the doc does not list is kept as is.
                fn from(value: &str) -> Self {
                    #from_str_body
                }
            }
        },
        quote! {
            impl ::std::convert::From<#string> for #ident {
                /// The variant for a wire value; a value the doc does not list is kept as is.
                fn from(value: #string) -> Self {
                    #from_string_body
                }
            }
        },
    ]
    .into_iter()
    .chain(serde_impls(
        ident,
        quote! { serializer.serialize_str(self.as_str()) },
        quote! { ::llm_usage::__private::deserialize_str_enum(deserializer, #expecting) },
    ))
    .collect()
}

fn int_impls(ident: &Ident, lits: &[&Literal], variants: &[Ident], unknown: &Ident) -> Vec<TokenStream> {
    let values: Vec<i64> = lits.iter().filter_map(|l| if let Literal::Int(i) = l { Some(*i) } else { None }).collect();
    let expecting = format!("an integer (`{ident}`)");
    vec![
        quote! {
            impl #ident {
                /// The value as written on the wire.
                pub fn as_i64(&self) -> i64 {
                    match self {
                        #(Self::#variants => #values,)*
                        Self::#unknown(value) => *value,
                    }
                }
            }
        },
        quote! {
            impl ::std::convert::From<i64> for #ident {
                /// The variant for a wire value; a value the doc does not list is kept as is.
                fn from(value: i64) -> Self {
                    match value {
                        #(#values => Self::#variants,)*
                        _ => Self::#unknown(value),
                    }
                }
            }
        },
    ]
    .into_iter()
    .chain(serde_impls(
        ident,
        quote! { serializer.serialize_i64(self.as_i64()) },
        quote! { ::llm_usage::__private::deserialize_int_enum(deserializer, #expecting) },
    ))
    .collect()
}

fn mixed_impls(ident: &Ident, lits: &[&Literal], variants: &[Ident], unknown: &Ident) -> Vec<TokenStream> {
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
    vec![quote! {
        impl ::std::convert::From<#value_ty> for #ident {
            /// The variant for a wire value; a value the doc does not list is kept as is.
            fn from(value: #value_ty) -> Self {
                let known = match &value {
                    #(#patterns => ::std::option::Option::Some(Self::#variants),)*
                    _ => ::std::option::Option::None,
                };
                known.unwrap_or(Self::#unknown(value))
            }
        }
    }]
    .into_iter()
    .chain(serde_impls(
        ident,
        quote! {
            match self {
                #(Self::#variants => #writes,)*
                Self::#unknown(value) => ::llm_usage::__private::serde::Serialize::serialize(value, serializer),
            }
        },
        quote! {
            let value = <#value_ty as ::llm_usage::__private::serde::Deserialize>::deserialize(deserializer)?;
            ::std::result::Result::Ok(<Self as ::std::convert::From<#value_ty>>::from(value))
        },
    ))
    .collect()
}

/// The two serde impls of an enum, as two items: `serialize_body` sees `self` and `serializer`,
/// `deserialize_body` sees `deserializer`.
fn serde_impls(ident: &Ident, serialize_body: TokenStream, deserialize_body: TokenStream) -> [TokenStream; 2] {
    [
        quote! {
            impl ::llm_usage::__private::serde::Serialize for #ident {
                fn serialize<__S>(&self, serializer: __S) -> ::std::result::Result<__S::Ok, __S::Error>
                where
                    __S: ::llm_usage::__private::serde::Serializer,
                {
                    #serialize_body
                }
            }
        },
        quote! {
            impl<'de> ::llm_usage::__private::serde::Deserialize<'de> for #ident {
                fn deserialize<__D>(deserializer: __D) -> ::std::result::Result<Self, __D::Error>
                where
                    __D: ::llm_usage::__private::serde::Deserializer<'de>,
                {
                    #deserialize_body
                }
            }
        },
    ]
}
