//! `Deserialize` for structs, written out: one `visit_map` that declares one slot per field,
//! hands them to the runtime's `read_map` (which matches each key against the documented wire
//! names, fills the slots and keeps every other key in the unknown-field map, buffering none),
//! then applies each field's presence rule. The loop lives in the runtime, so each type's own
//! code is straight-line: two lines per field.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};

use super::struct_::FieldPlan;
use super::types;
use crate::model::Presence;

pub fn struct_impl(ident: &Ident, fields: &[FieldPlan<'_>], unknown: &Ident) -> TokenStream {
    let expecting = format!("struct {}", ident.to_string().trim_start_matches("r#"));
    let wire_names = fields.iter().map(|f| &f.field.wire_name);
    let slots: Vec<Ident> = (0..fields.len()).map(|i| format_ident!("__f{i}")).collect();
    // Integer fields read through `IntSlot`, whose errors name the field.
    let mut decls = Vec::with_capacity(fields.len());
    let mut inits = Vec::with_capacity(fields.len());
    for (i, (plan, slot)) in fields.iter().zip(&slots).enumerate() {
        let (ty, name, index) = (&plan.ty, plan.ident, Literal::usize_unsuffixed(i));
        let value = if types::is_integer(&plan.field.ty) {
            decls.push(quote! { let mut #slot = __de::IntSlot::<#ty>(::std::option::Option::None); });
            quote! { #slot.0 }
        } else {
            decls.push(quote! { let mut #slot: ::std::option::Option<#ty> = ::std::option::Option::None; });
            quote! { #slot }
        };
        inits.push(match plan.field.presence {
            Presence::Required => quote! {
                #name: match #value {
                    ::std::option::Option::Some(value) => value,
                    ::std::option::Option::None => return ::std::result::Result::Err(__de::missing(FIELDS[#index])),
                },
            },
            Presence::Optional => quote! { #name: #value.unwrap_or_default(), },
        });
    }
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
                        #(#decls)*
                        let mut #unknown = ::llm_usage::UnknownFields::new();
                        __de::read_map(&mut map, FIELDS, &mut [#(&mut #slots),*], &mut #unknown)?;
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
