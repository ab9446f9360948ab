//! `Serialize` for structs, written out: documented fields in the doc's order (absent ones
//! skipped, `null` kept where the field is nullable), then the unknown fields as read. Values
//! that hold an `f64` go through the runtime's `Floats`, which writes whole numbers as integers.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::struct_::FieldPlan;
use super::types;
use crate::model::Presence;

pub fn struct_impl(ident: &Ident, fields: &[FieldPlan<'_>], unknown: &Ident) -> TokenStream {
    let writes = fields.iter().map(|plan| {
        let (name, wire) = (plan.ident, &plan.field.wire_name);
        let value = |value: TokenStream| {
            if types::contains_float(&plan.field.ty) {
                quote! { &::llm_usage::__private::float::Floats(#value) }
            } else {
                value
            }
        };
        match (plan.field.presence, plan.field.nullable) {
            // `None` is `null` here: the key is always written.
            (Presence::Required, _) => {
                let value = value(quote! { &self.#name });
                quote! { ::llm_usage::__private::ser::write(&mut map, #wire, #value)?; }
            }
            (Presence::Optional, false) => {
                let value = value(quote! { value });
                quote! {
                    if let ::std::option::Option::Some(value) = &self.#name {
                        ::llm_usage::__private::ser::write(&mut map, #wire, #value)?;
                    }
                }
            }
            (Presence::Optional, true) => {
                let value = value(quote! { &self.#name });
                quote! {
                    if !self.#name.is_absent() {
                        ::llm_usage::__private::ser::write(&mut map, #wire, #value)?;
                    }
                }
            }
        }
    });
    // Without documented fields, nothing but `end` touches the map.
    let map = if fields.is_empty() {
        quote! { map }
    } else {
        quote! { mut map }
    };
    quote! {
        impl ::llm_usage::__private::serde::Serialize for #ident {
            fn serialize<S>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error>
            where
                S: ::llm_usage::__private::serde::Serializer,
            {
                let #map = ::llm_usage::__private::ser::begin(serializer)?;
                #(#writes)*
                ::llm_usage::__private::ser::end(map, &self.#unknown)
            }
        }
    }
}
