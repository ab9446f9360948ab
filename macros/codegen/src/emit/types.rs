//! [`TypeRef`] to Rust type tokens, every std and serde item fully qualified.

use proc_macro2::TokenStream;
use quote::quote;

use super::Ctx;
use crate::diagnostic::Diagnostics;
use crate::model::{Literal, NamedRef, Scalar, TypeKind, TypeRef};

/// `::std::string::String`.
pub fn string() -> TokenStream {
    quote! { ::std::string::String }
}

/// `serde_json::Value`, through the runtime.
pub fn json_value() -> TokenStream {
    quote! { ::llm_usage::__private::serde_json::Value }
}

pub fn scalar(s: Scalar) -> TokenStream {
    match s {
        Scalar::String | Scalar::DateTime => string(),
        Scalar::Integer => quote! { i64 },
        Scalar::Unsigned => quote! { u64 },
        Scalar::Unsigned32 => quote! { u32 },
        Scalar::Float => quote! { f64 },
        Scalar::Boolean => quote! { bool },
        Scalar::Any | Scalar::Bytes => json_value(),
    }
}

pub fn literal(l: &Literal) -> TokenStream {
    match l {
        Literal::Str(_) => string(),
        Literal::Int(_) => quote! { i64 },
        Literal::Bool(_) => quote! { bool },
    }
}

/// The Rust type of `ty`, seen from the module `from` (its path segments). A boxed reference is
/// `Box<T>` unless a `Vec` or map already puts it behind a pointer.
pub fn rust_type(ctx: &Ctx<'_>, ty: &TypeRef, from: &[String], diags: &mut Diagnostics) -> TokenStream {
    type_in(ctx, ty, from, false, diags)
}

fn type_in(ctx: &Ctx<'_>, ty: &TypeRef, from: &[String], indirect: bool, diags: &mut Diagnostics) -> TokenStream {
    match ty {
        TypeRef::Scalar(s) => scalar(*s),
        TypeRef::Literal(l) => literal(l),
        TypeRef::List(inner) => {
            let inner = type_in(ctx, inner, from, true, diags);
            quote! { ::std::vec::Vec<#inner> }
        }
        TypeRef::Map(inner) => {
            let inner = type_in(ctx, inner, from, true, diags);
            let string = string();
            quote! { ::std::collections::BTreeMap<#string, #inner> }
        }
        TypeRef::Nullable(inner) => {
            let inner = type_in(ctx, inner, from, indirect, diags);
            quote! { ::std::option::Option<#inner> }
        }
        TypeRef::Unsupported(unsupported) => {
            // The resolver reports these wherever a generated type holds one.
            diags.error(
                unsupported.loc.clone(),
                format!("internal error: {} reached code generation", unsupported.construct),
            );
            json_value()
        }
        TypeRef::Named(named) => {
            let path = named_path(ctx, named, from, diags);
            if named.boxed && !indirect {
                quote! { ::std::boxed::Box<#path> }
            } else {
                path
            }
        }
    }
}

/// The path to a named type from module `from`: `Foo`, `super::orq::Foo`, `self::orq::Foo`.
fn named_path(ctx: &Ctx<'_>, named: &NamedRef, from: &[String], diags: &mut Diagnostics) -> TokenStream {
    let Some(target) = named.target.filter(|&t| t < ctx.schema.types.len()) else {
        diags.error(
            named.loc.clone(),
            format!("internal error: the reference to `{}` was not resolved before code generation", named.name),
        );
        return json_value();
    };
    let to = &ctx.modules[target];
    let common = from.iter().zip(to.iter()).take_while(|(a, b)| a == b).count();
    let mut segments = Vec::new();
    if common == from.len() && common < to.len() {
        segments.push(quote! { self });
    }
    for _ in common..from.len() {
        segments.push(quote! { super });
    }
    for segment in &to[common..] {
        let ident = crate::name::ident::ident(segment);
        segments.push(quote! { #ident });
    }
    let name = &ctx.idents[target];
    segments.push(quote! { #name });
    quote! { #(#segments)::* }
}

/// Whether `ty` holds an `f64` outside any named type (which serializes its own floats).
pub fn contains_float(ty: &TypeRef) -> bool {
    match ty {
        TypeRef::Scalar(Scalar::Float) => true,
        TypeRef::Scalar(_) | TypeRef::Literal(_) | TypeRef::Named(_) | TypeRef::Unsupported(_) => false,
        TypeRef::List(inner) | TypeRef::Map(inner) | TypeRef::Nullable(inner) => contains_float(inner),
    }
}

/// Whether the Rust type of `ty` implements `Default`, given which types do so far.
pub fn has_default(ctx: &Ctx<'_>, ty: &TypeRef, defaults: &[bool]) -> bool {
    match ty {
        TypeRef::Scalar(_) | TypeRef::Literal(_) | TypeRef::List(_) | TypeRef::Map(_) | TypeRef::Nullable(_) => true,
        TypeRef::Unsupported(_) => false,
        TypeRef::Named(named) => match named.target.filter(|&t| t < ctx.schema.types.len()) {
            None => true,
            // A boxed reference closes a cycle: its `Default` would recurse forever.
            Some(_) if named.boxed => false,
            Some(t) => matches!(ctx.schema.types[t].kind, TypeKind::Struct(_)) && defaults[t],
        },
    }
}

/// Whether `ty` names a deprecated type (whose use warns).
pub fn mentions_deprecated(ctx: &Ctx<'_>, ty: &TypeRef) -> bool {
    match ty {
        TypeRef::Scalar(_) | TypeRef::Literal(_) | TypeRef::Unsupported(_) => false,
        TypeRef::List(inner) | TypeRef::Map(inner) | TypeRef::Nullable(inner) => mentions_deprecated(ctx, inner),
        TypeRef::Named(named) => {
            named.target.and_then(|t| ctx.schema.types.get(t)).is_some_and(|t| t.deprecated.is_some())
        }
    }
}

/// A short name for a type, for union variants: `String`, `Number`, `FooList`, `Foo`.
pub fn variant_name(ctx: &Ctx<'_>, ty: &TypeRef) -> String {
    match ty {
        TypeRef::Scalar(s) => match s {
            Scalar::String => "String",
            Scalar::Integer | Scalar::Unsigned | Scalar::Unsigned32 => "Integer",
            Scalar::Float => "Number",
            Scalar::Boolean => "Boolean",
            Scalar::Any => "Any",
            Scalar::DateTime => "DateTime",
            Scalar::Bytes => "Bytes",
        }
        .to_owned(),
        TypeRef::Literal(l) => crate::name::ident::enum_variant_names(&[(l, None)]).pop().unwrap_or_default(),
        TypeRef::List(inner) => format!("{}List", variant_name(ctx, inner)),
        TypeRef::Map(inner) => format!("{}Map", variant_name(ctx, inner)),
        TypeRef::Nullable(inner) => format!("Nullable{}", variant_name(ctx, inner)),
        TypeRef::Unsupported(_) => "Unsupported".to_owned(),
        TypeRef::Named(named) => match named.target.and_then(|t| ctx.idents.get(t)) {
            Some(ident) => crate::name::ident::pascal_case(&ident.to_string()),
            None => crate::name::ident::pascal_case(&named.name),
        },
    }
}
