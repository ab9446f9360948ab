//! `Deserialize` for structs, written out: one `visit_map` that matches each key against the
//! documented wire names, fills one slot per field, keeps every other key in the unknown-field
//! map, then applies each field's presence rule. No key is buffered; the generic work is in
//! `llm_usage::__private::de`, so each field costs two lines.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};

use super::struct_::FieldPlan;
use super::types;
use crate::model::Presence;

pub fn struct_impl(ident: &Ident, fields: &[FieldPlan<'_>], unknown: &Ident) -> TokenStream {
    let expecting = format!("struct {}", ident.to_string().trim_start_matches("r#"));
    let wire_names = fields.iter().map(|f| &f.field.wire_name);
    let slots: Vec<Ident> = (0..fields.len()).map(|i| format_ident!("__f{i}")).collect();
    let arms = fields.iter().zip(&slots).enumerate().map(|(i, (plan, slot))| {
        let index = Literal::usize_unsuffixed(i);
        let next = if types::is_integer(&plan.field.ty) {
            quote! { next_int }
        } else {
            quote! { next }
        };
        quote! {
            #index => __de::#next(&mut map, &mut #slot, FIELDS[#index]),
        }
    });
    let tys = fields.iter().map(|plan| &plan.ty);
    let inits = fields.iter().zip(&slots).enumerate().map(|(i, (plan, slot))| {
        let index = Literal::usize_unsuffixed(i);
        let name = plan.ident;
        match plan.field.presence {
            Presence::Required => quote! {
                #name: match #slot {
                    ::std::option::Option::Some(value) => value,
                    ::std::option::Option::None => return ::std::result::Result::Err(__de::missing(FIELDS[#index])),
                },
            },
            Presence::Optional => quote! { #name: #slot.unwrap_or_default(), },
        }
    });
    quote! {
        impl<'de> ::llm_usage::__private::serde::Deserialize<'de> for #ident {
            fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
            where
                D: ::llm_usage::__private::serde::Deserializer<'de>,
            {
                struct __Visitor;
                impl<'de> ::llm_usage::__private::serde::de::Visitor<'de> for __Visitor {
                    type Value = #ident;

                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(#expecting)
                    }

                    fn visit_map<A>(self, mut map: A) -> ::std::result::Result<#ident, A::Error>
                    where
                        A: ::llm_usage::__private::serde::de::MapAccess<'de>,
                    {
                        use ::llm_usage::__private::de as __de;
                        const FIELDS: &[&str] = &[#(#wire_names),*];
                        #(let mut #slots: ::std::option::Option<#tys> = ::std::option::Option::None;)*
                        let mut #unknown = ::llm_usage::UnknownFields::new();
                        let mut __next = 0;
                        let mut __key = ::std::string::String::new();
                        while let ::std::option::Option::Some(__index) =
                            map.next_key_seed(__de::FieldKey { fields: FIELDS, next: &mut __next, unknown: &mut __key })?
                        {
                            match __index {
                                #(#arms)*
                                _ => __de::next_unknown(&mut map, &mut #unknown, &mut __key),
                            }?;
                        }
                        ::std::result::Result::Ok(#ident {
                            #(#inits)*
                            #unknown,
                        })
                    }
                }
                deserializer.deserialize_map(__Visitor)
            }
        }
    }
}
