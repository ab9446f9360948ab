//! [`TypeRef`] to Rust type tokens, every std and runtime item fully qualified so that a
//! vendor type named `String` or `Option` cannot shadow them.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::Ctx;
use crate::model::{Literal, NamedRef, Scalar, TypeRef};

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

/// The Rust type of `ty`, seen from the module `from`. A boxed reference is `Box<T>` unless a
/// `Vec` or map already puts it behind a pointer.
pub fn rust_type(ctx: &Ctx<'_>, ty: &TypeRef, from: &[Ident]) -> TokenStream {
    type_in(ctx, ty, from, false)
}

fn type_in(ctx: &Ctx<'_>, ty: &TypeRef, from: &[Ident], indirect: bool) -> TokenStream {
    match ty {
        TypeRef::Scalar(s) => scalar(*s),
        TypeRef::Literal(l) => literal(l),
        TypeRef::List(inner) => {
            let inner = type_in(ctx, inner, from, true);
            quote! { ::std::vec::Vec<#inner> }
        }
        TypeRef::Map(inner) => {
            let inner = type_in(ctx, inner, from, true);
            let string = string();
            quote! { ::std::collections::BTreeMap<#string, #inner> }
        }
        TypeRef::Nullable(inner) => {
            let inner = type_in(ctx, inner, from, indirect);
            quote! { ::std::option::Option<#inner> }
        }
        // The resolver reports every included type that holds one; an unresolved reference
        // likewise. Neither reaches here after a run without diagnostics.
        TypeRef::Unsupported(_) => json_value(),
        TypeRef::Named(named) => match named_path(ctx, named, from) {
            Some(path) if named.boxed && !indirect => quote! { ::std::boxed::Box<#path> },
            Some(path) => path,
            None => json_value(),
        },
    }
}

/// The path to a named type from module `from`: `Foo`, `super::orq::Foo`, `self::orq::Foo`.
fn named_path(ctx: &Ctx<'_>, named: &NamedRef, from: &[Ident]) -> Option<TokenStream> {
    let target = named.target.filter(|&t| t < ctx.schema.types.len())?;
    Some(named_type_path(ctx, target, from))
}

/// The path to the type `target` from module `from`.
pub fn named_type_path(ctx: &Ctx<'_>, target: usize, from: &[Ident]) -> TokenStream {
    let to = ctx.module(target);
    let common = from.iter().zip(to.iter()).take_while(|(a, b)| a == b).count();
    let mut segments = Vec::new();
    if common == from.len() && common < to.len() {
        segments.push(quote! { self });
    }
    for _ in common..from.len() {
        segments.push(quote! { super });
    }
    for segment in &to[common..] {
        segments.push(quote! { #segment });
    }
    let name = ctx.ident(target);
    segments.push(quote! { #name });
    quote! { #(#segments)::* }
}

/// Whether `ty` holds an `f64` outside any named type (which writes its own floats).
pub fn contains_float(ty: &TypeRef) -> bool {
    match ty {
        TypeRef::Scalar(Scalar::Float) => true,
        TypeRef::Scalar(_) | TypeRef::Literal(_) | TypeRef::Named(_) | TypeRef::Unsupported(_) => false,
        TypeRef::List(inner) | TypeRef::Map(inner) | TypeRef::Nullable(inner) => contains_float(inner),
    }
}

/// Whether `ty` is a plain integer, read so that range errors name the field.
pub fn is_integer(ty: &TypeRef) -> bool {
    matches!(ty, TypeRef::Scalar(Scalar::Integer | Scalar::Unsigned | Scalar::Unsigned32))
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
