//! The plain-derive baselines: the same types written the way a serde user would write them
//! without llm-usage: `#[derive(Serialize, Deserialize)]`, `rename_all` where one rule covers
//! every field, no integer-preserving writer. [`Unknowns::Dropped`] is the common way, lossy on
//! purpose: no unknown-field capture, enums that fold every unknown value into one unit
//! variant (`llm-usage expand --plain-derive`). [`Unknowns::Flattened`] is how a serde user
//! keeps them: a `#[serde(flatten)]` map of every other field and an untagged catch-all
//! variant holding the unknown value. The benchmarks compare the generated types with both.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs::DocLines;
use super::{types, Ctx};
use crate::model::{Literal, Presence, Schema, TypeDef, TypeKind};
use crate::name::{Members, Names};

/// What a baseline does with what the doc does not list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unknowns {
    /// Skipped when read (`#[serde(other)]` for enum values): lossy.
    Dropped,
    /// Kept: a `#[serde(flatten)]` map of the other fields, an untagged catch-all variant.
    Flattened,
}

/// The baseline for every included type of `schema`.
pub fn emit(schema: &Schema, names: &Names, unknowns: Unknowns) -> TokenStream {
    super::in_modules(schema, names, |ctx, id, def| emit_type(ctx, id, def, unknowns))
}

const SERDE: &str = "::llm_usage::__private::serde";

fn derives(eq: bool) -> TokenStream {
    let eq = if eq {
        quote! { ::std::cmp::Eq, ::std::hash::Hash, }
    } else {
        TokenStream::new()
    };
    quote! {
        #[derive(
            ::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq, #eq
            ::llm_usage::__private::serde::Serialize, ::llm_usage::__private::serde::Deserialize,
        )]
    }
}

fn emit_type(ctx: &Ctx<'_>, id: usize, def: &TypeDef, unknowns: Unknowns) -> TokenStream {
    let names = &ctx.names.types[id];
    let ident = &names.ident;
    let docs = DocLines::of_type(def).to_attrs();
    let allow =
        quote! { #[allow(non_camel_case_types, deprecated, clippy::enum_variant_names, clippy::large_enum_variant)] };
    match (&def.kind, &names.members) {
        (TypeKind::Struct(s), Members::Struct { fields, unknown }) => {
            let rust: Vec<String> = fields.iter().map(|f| f.to_string().trim_start_matches("r#").to_owned()).collect();
            let wire: Vec<&str> = s.fields.iter().map(|f| f.wire_name.as_str()).collect();
            let (rule, renames) = rename_rule(&rust, &wire);
            let rule = rule.map(|rule| quote! { , rename_all = #rule });
            let body = s.fields.iter().zip(fields).zip(renames).map(|((field, name), rename)| {
                let ty = types::rust_type(ctx, &field.ty, &names.module);
                let mut args = Vec::new();
                if let Some(wire) = rename {
                    args.push(quote! { rename = #wire });
                }
                let ty = match (field.presence, field.nullable) {
                    (Presence::Required, false) => ty,
                    (Presence::Required, true) => quote! { ::std::option::Option<#ty> },
                    (Presence::Optional, _) => {
                        args.push(quote! { default, skip_serializing_if = "::std::option::Option::is_none" });
                        quote! { ::std::option::Option<#ty> }
                    }
                };
                let attr = if args.is_empty() {
                    TokenStream::new()
                } else {
                    quote! { #[serde(#(#args),*)] }
                };
                quote! { #attr pub #name: #ty, }
            });
            let unknown = match unknowns {
                Unknowns::Dropped => TokenStream::new(),
                Unknowns::Flattened => {
                    let map = quote! { ::llm_usage::__private::serde_json::Map<::std::string::String, ::llm_usage::__private::serde_json::Value> };
                    quote! { #[serde(flatten)] pub #unknown: #map, }
                }
            };
            let derives = derives(false);
            quote! {
                #docs #allow #derives
                #[serde(crate = #SERDE #rule)]
                pub struct #ident { #(#body)* #unknown }
            }
        }
        (TypeKind::Enum(e), Members::Enum { values, variants, catch_all }) => {
            let strings: Option<Vec<&str>> = values
                .iter()
                .map(|&i| match &e.values[i].value {
                    Literal::Str(s) => Some(s.as_str()),
                    _ => None,
                })
                .collect();
            match strings {
                Some(strings) => {
                    let derives = derives(true);
                    let catch_all = match unknowns {
                        Unknowns::Dropped => quote! { #[serde(other)] #catch_all },
                        Unknowns::Flattened => quote! { #[serde(untagged)] #catch_all(::std::string::String) },
                    };
                    quote! {
                        #docs #allow #derives
                        #[serde(crate = #SERDE)]
                        pub enum #ident {
                            #(#[serde(rename = #strings)] #variants,)*
                            #catch_all,
                        }
                    }
                }
                // Integer and mixed enums have no plain serde form: the value itself.
                None => {
                    let value = types::json_value();
                    quote! { #docs pub type #ident = #value; }
                }
            }
        }
        (TypeKind::Union(u), Members::Union { variants }) => {
            let body = u.variants.iter().zip(variants).map(|(variant, name)| {
                let ty = types::rust_type(ctx, &variant.ty, &names.module);
                quote! { #name(#ty), }
            });
            let derives = derives(false);
            quote! {
                #docs #allow #derives
                #[serde(crate = #SERDE, untagged)]
                pub enum #ident { #(#body)* }
            }
        }
        (TypeKind::Alias(target), _) => {
            let target = types::rust_type(ctx, target, &names.module);
            quote! { #docs pub type #ident = #target; }
        }
        _ => TokenStream::new(),
    }
}

/// A `rename_all` rule: its name and what it makes of a snake_case field name.
type Rule = (&'static str, fn(&str) -> String);

/// serde's `rename_all` rules, each as serde applies it to a snake_case field name.
const RULES: &[Rule] = &[
    ("camelCase", |f| {
        let pascal = pascal(f);
        let mut chars = pascal.chars();
        chars.next().map(|c| c.to_ascii_lowercase().to_string() + chars.as_str()).unwrap_or_default()
    }),
    ("PascalCase", pascal),
    ("SCREAMING_SNAKE_CASE", |f| f.to_ascii_uppercase()),
    ("kebab-case", |f| f.replace('_', "-")),
];

/// serde's PascalCase of a snake_case field: `_` dropped, the letter after it capitalized.
fn pascal(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    let mut capitalize = true;
    for c in field.chars() {
        if c == '_' {
            capitalize = true;
        } else if capitalize {
            out.push(c.to_ascii_uppercase());
            capitalize = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The `rename_all` rule (if any) that leaves the fewest fields needing their own `rename`, and
/// each field's own `rename` under it. No rule is chosen when the field names are the wire
/// names already.
pub fn rename_rule(rust: &[String], wire: &[&str]) -> (Option<&'static str>, Vec<Option<String>>) {
    let exceptions = |apply: &dyn Fn(&str) -> String| rust.iter().zip(wire).filter(|(r, w)| apply(r) != **w).count();
    let mut best: (Option<&'static str>, usize) = (None, exceptions(&|f: &str| f.to_owned()));
    for (name, apply) in RULES {
        let count = exceptions(apply);
        if count < best.1 {
            best = (Some(name), count);
        }
    }
    let apply = |f: &str| match best.0.and_then(|rule| RULES.iter().find(|(n, _)| *n == rule)) {
        Some((_, apply)) => apply(f),
        None => f.to_owned(),
    };
    let renames = rust.iter().zip(wire).map(|(r, w)| (apply(r) != *w).then(|| (*w).to_owned())).collect();
    (best.0, renames)
}

#[cfg(test)]
mod tests {
    use super::rename_rule;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn one_rule_where_it_covers_every_field() {
        let rust = names(&["prompt_token_count", "cached_content_token_count"]);
        let (rule, renames) = rename_rule(&rust, &["promptTokenCount", "cachedContentTokenCount"]);
        assert_eq!(rule, Some("camelCase"));
        assert!(renames.iter().all(Option::is_none));
    }

    #[test]
    fn no_rule_where_names_are_the_wire_names_and_renames_for_the_exceptions() {
        let rust = names(&["total_tokens", "type", "bytes"]);
        let (rule, renames) = rename_rule(&rust, &["total_tokens", "type", "bytes_"]);
        assert_eq!(rule, None);
        assert_eq!(renames, [None, None, Some("bytes_".to_owned())]);
        let rust = names(&["a_b", "c_d", "e"]);
        let (rule, renames) = rename_rule(&rust, &["aB", "cD", "_e"]);
        assert_eq!(rule, Some("camelCase"));
        assert_eq!(renames, [None, None, Some("_e".to_owned())]);
    }
}
