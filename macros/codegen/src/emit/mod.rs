//! The emitter: the resolved, named model to Rust tokens. It knows nothing of markdown or
//! TypeScript, and it cannot fail: every name was decided and every problem reported by the
//! naming stage ([`crate::name`]).
//!
//! One module per schema folder; within a module, items in the schema's order. A type the
//! naming stage found of one shape with another is `pub type` of that one. Each kind of
//! type has its own file: `struct_` (with its `de` and `ser` impls), `enum_`,
//! `union`; `types` spells type references and `docs` the `#[doc]` text.

mod de;
mod docs;
mod enum_;
pub mod plain;
mod ser;
mod struct_;
mod types;
mod union;

#[cfg(test)]
mod tests;

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use crate::model::{Schema, TypeDef, TypeKind, TypeRef};
use crate::name::{ident, Derives, Names};

/// Rust items for every included type of `schema`, one module per schema folder.
pub fn emit(schema: &Schema, names: &Names) -> TokenStream {
    in_modules(schema, names, emit_type)
}

/// `item` of every included type, each in the module of its folder.
fn in_modules(schema: &Schema, names: &Names, item: impl Fn(&Ctx<'_>, usize, &TypeDef) -> TokenStream) -> TokenStream {
    let ctx = Ctx { schema, names };
    let mut root = Module::default();
    for (id, def) in schema.types.iter().enumerate().filter(|(id, _)| schema.is_included(*id)) {
        let tokens = match names.types[id].same_as {
            Some(shape) => same_shape(&ctx, id, def, shape),
            None => item(&ctx, id, def),
        };
        root.at(&names.types[id].module).items.push(tokens);
    }
    root.to_tokens(&[])
}

/// What every part of the emitter needs to know about the whole schema.
pub(crate) struct Ctx<'a> {
    pub schema: &'a Schema,
    pub names: &'a Names,
}

impl Ctx<'_> {
    pub fn ident(&self, id: usize) -> &Ident {
        &self.names.types[id].ident
    }

    pub fn module(&self, id: usize) -> &[Ident] {
        &self.names.types[id].module
    }
}

fn emit_type(ctx: &Ctx<'_>, id: usize, def: &TypeDef) -> TokenStream {
    match &def.kind {
        TypeKind::Struct(s) => struct_::emit(ctx, id, def, s),
        TypeKind::Enum(e) => enum_::emit(ctx, id, def, e),
        TypeKind::Union(u) => union::emit(ctx, id, def, u),
        TypeKind::Alias(target) => alias(ctx, id, def, target),
        // Never included: the resolver reports every generated type that needs one.
        TypeKind::Unsupported(_) => TokenStream::new(),
    }
}

/// `pub type Name = Target;` for an alias the doc declares.
fn alias(ctx: &Ctx<'_>, id: usize, def: &TypeDef, target: &TypeRef) -> TokenStream {
    let path = types::rust_type(ctx, target, ctx.module(id));
    pub_type(ctx, id, def, path, types::mentions_deprecated(ctx, target))
}

/// `pub type Name = Other;` for a type written as another of its shape.
fn same_shape(ctx: &Ctx<'_>, id: usize, def: &TypeDef, shape: usize) -> TokenStream {
    let path = types::named_type_path(ctx, shape, ctx.module(id));
    // Deprecation is part of a shape: the other type is deprecated exactly when this one is.
    pub_type(ctx, id, def, path, def.deprecated.is_some())
}

/// `pub type Name = target;` with the type's own docs; naming a deprecated type there is not
/// a use to warn about.
fn pub_type(ctx: &Ctx<'_>, id: usize, def: &TypeDef, target: TokenStream, names_deprecated: bool) -> TokenStream {
    let ident = ctx.ident(id);
    let docs = docs::DocLines::of_type(def).to_attrs();
    let deprecated = docs::deprecated_attr(def.deprecated.as_ref());
    let allow_deprecated = deprecated_allow(names_deprecated);
    let allow_camel = camel_allow(ident);
    quote! {
        #docs
        #deprecated
        #allow_deprecated
        #allow_camel
        pub type #ident = #target;
    }
}

/// `#[allow(non_camel_case_types)]` when the vendor's name is not UpperCamelCase.
fn camel_allow(name: &Ident) -> TokenStream {
    let name = name.to_string();
    if ident::is_upper_camel(name.trim_start_matches("r#")) {
        TokenStream::new()
    } else {
        quote! { #[allow(non_camel_case_types)] }
    }
}

/// `#[allow(deprecated)]` when the item or something it uses is deprecated.
fn deprecated_allow(needed: bool) -> TokenStream {
    if needed {
        quote! { #[allow(deprecated)] }
    } else {
        TokenStream::new()
    }
}

/// The derive list: always `Debug`, `Clone`, `PartialEq`, then what [`Derives`] allows.
fn derive_attr(derives: Derives) -> TokenStream {
    let mut extra = vec![quote! { ::std::cmp::PartialEq }];
    if derives.eq_hash {
        extra.push(quote! { ::std::cmp::Eq });
        extra.push(quote! { ::std::hash::Hash });
    }
    derive_list(extra, derives)
}

/// The derives of a string enum, whose `PartialEq`, `Eq` and `Hash` are stamped by the
/// runtime's `__str_enum_impls!` from `as_str` instead: thousands of enums in a corpus, and the
/// derived ones are a `match` each.
fn str_enum_derive_attr(derives: Derives) -> TokenStream {
    derive_list(Vec::new(), derives)
}

/// `Debug`, `Clone`, then `extra`, then the ordering and `Default` derives that [`Derives`] allows.
fn derive_list(mut extra: Vec<TokenStream>, derives: Derives) -> TokenStream {
    if derives.partial_ord {
        extra.push(quote! { ::std::cmp::PartialOrd });
    }
    if derives.ord {
        extra.push(quote! { ::std::cmp::Ord });
    }
    if derives.default {
        extra.push(quote! { ::std::default::Default });
    }
    quote! {
        #[derive(::std::fmt::Debug, ::std::clone::Clone, #(#extra),*)]
    }
}

/// One module of output and its submodules, in first-seen order.
#[derive(Default)]
struct Module {
    items: Vec<TokenStream>,
    children: Vec<(Ident, Module)>,
}

impl Module {
    fn at(&mut self, path: &[Ident]) -> &mut Module {
        let Some((first, rest)) = path.split_first() else { return self };
        let index = match self.children.iter().position(|(name, _)| name == first) {
            Some(index) => index,
            None => {
                self.children.push((first.clone(), Module::default()));
                self.children.len() - 1
            }
        };
        self.children[index].1.at(rest)
    }

    fn to_tokens(&self, path: &[String]) -> TokenStream {
        let items = &self.items;
        let children = self.children.iter().map(|(name, module)| {
            let mut child_path = path.to_vec();
            child_path.push(name.to_string().trim_start_matches("r#").to_owned());
            let doc = format!(" Types generated from the schema folder `{}`.", child_path.join("/"));
            let body = module.to_tokens(&child_path);
            quote! {
                #[doc = #doc]
                pub mod #name {
                    #body
                }
            }
        });
        quote! {
            #(#items)*
            #(#children)*
        }
    }
}
