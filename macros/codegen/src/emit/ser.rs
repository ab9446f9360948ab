//! `Serialize` for structs, written out: documented fields in the doc's order (absent ones
//! skipped, `null` kept where the field is nullable), then the unknown fields as read, one
//! call on the runtime's `Writer` per field. Values that hold an `f64` are written with the
//! `_floats` calls, which write whole numbers as integers.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::struct_::FieldPlan;
use super::types;
use crate::model::Presence;

pub fn struct_impl(ident: &Ident, fields: &[FieldPlan<'_>], unknown: &Ident) -> TokenStream {
    let writes = fields.iter().map(|plan| {
        let (name, wire) = (plan.ident, &plan.field.wire_name);
        let method = match (plan.field.presence, plan.field.nullable) {
            // `None` of a required, nullable field is `null`: the key is always written.
            (Presence::Required, _) => "required",
            (Presence::Optional, false) => "optional",
            (Presence::Optional, true) => "optional_nullable",
        };
        let method = if types::contains_float(&plan.field.ty) {
            format_ident!("{method}_floats")
        } else {
            format_ident!("{method}")
        };
        quote! { writer.#method(#wire, &self.#name); }
    });
    // Without documented fields, nothing but `end` touches the writer.
    let writer = if fields.is_empty() {
        quote! { writer }
    } else {
        quote! { mut writer }
    };
    quote! {
        impl ::llm_usage::__private::serde::Serialize for #ident {
            fn serialize<S>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error>
            where
                S: ::llm_usage::__private::serde::Serializer,
            {
                let #writer = ::llm_usage::__private::ser::Writer::new(serializer);
                #(#writes)*
                writer.end(&self.#unknown)
            }
        }
    }
}
