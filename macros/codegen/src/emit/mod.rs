//! The emitter: the resolved model to Rust tokens. It knows nothing of markdown or TypeScript.
//!
//! One module per schema folder ([`TypeDef::dir`]); within a module, items in the schema's order.
//! Each kind of type has its own file: [`struct_`], [`enum_`], [`union`]; [`types`] spells type
//! references, [`names`] identifiers and [`docs`] the `#[doc]` text.

mod docs;
mod enum_;

mod struct_;
mod types;
mod union;

#[cfg(test)]
mod tests;

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use crate::name::ident as names;

use crate::diagnostic::Diagnostics;
use crate::model::{Schema, TypeDef, TypeKind};

/// Rust items for every type in `schema`, one module per schema folder.
pub fn emit(schema: &Schema, diags: &mut Diagnostics) -> TokenStream {
    let ctx = Ctx::new(schema);
    let mut root = Module::default();
    for (id, def) in schema.types.iter().enumerate().filter(|(id, _)| schema.is_included(*id)) {
        let item = emit_type(&ctx, id, def, diags);
        root.at(&ctx.modules[id]).items.push(item);
    }
    root.to_tokens(&[])
}

/// What every part of the emitter needs to know about the whole schema.
pub(crate) struct Ctx<'a> {
    pub schema: &'a Schema,
    /// Per type: its Rust identifier.
    pub idents: Vec<Ident>,
    /// Per type: its module path, as snake_case folder names (`["orq"]`, `[]` for the root).
    pub modules: Vec<Vec<String>>,
    /// Per type: whether it derives `Default`.
    pub defaults: Vec<bool>,
}

impl<'a> Ctx<'a> {
    fn new(schema: &'a Schema) -> Self {
        let idents = schema.types.iter().map(|t| names::ident(&names::type_name(&t.name))).collect();
        let modules = schema.types.iter().map(|t| module_path(&t.dir)).collect();
        let mut ctx = Ctx { schema, idents, modules, defaults: Vec::new() };
        ctx.defaults = default_fixpoint(&ctx);
        ctx
    }
}

/// `orq-node/v2` → `["orq_node", "v2"]`: snake_case names, made identifiers by [`names::ident`].
fn module_path(dir: &str) -> Vec<String> {
    dir.split('/').filter(|s| !s.is_empty() && *s != ".").map(names::snake_case).collect()
}

/// Which types derive `Default`: the greatest fixpoint, so that cycles (through containers) do.
fn default_fixpoint(ctx: &Ctx<'_>) -> Vec<bool> {
    let types = &ctx.schema.types;
    let mut defaults: Vec<bool> = types.iter().map(|t| matches!(t.kind, TypeKind::Struct(_))).collect();
    loop {
        let mut changed = false;
        for (id, def) in types.iter().enumerate() {
            if let TypeKind::Struct(s) = &def.kind {
                if defaults[id] && !s.fields.iter().all(|f| struct_::field_has_default(ctx, f, &defaults)) {
                    defaults[id] = false;
                    changed = true;
                }
            }
        }
        if !changed {
            return defaults;
        }
    }
}

fn emit_type(ctx: &Ctx<'_>, id: usize, def: &TypeDef, diags: &mut Diagnostics) -> TokenStream {
    match &def.kind {
        TypeKind::Struct(s) => struct_::emit(ctx, id, def, s, diags),
        TypeKind::Enum(e) => enum_::emit(ctx, id, def, e, diags),
        TypeKind::Union(u) => union::emit(ctx, id, def, u, diags),
        TypeKind::Alias(target) => alias(ctx, id, def, target, diags),
        // Never included: the resolver reports every generated type that needs one.
        TypeKind::Unsupported(_) => TokenStream::new(),
    }
}

/// `pub type Name = Target;`
fn alias(
    ctx: &Ctx<'_>,
    id: usize,
    def: &TypeDef,
    target: &crate::model::TypeRef,
    diags: &mut Diagnostics,
) -> TokenStream {
    let ident = &ctx.idents[id];
    let docs = type_docs(def).to_attrs();
    let target = types::rust_type(ctx, target, &ctx.modules[id], diags);
    let deprecated = docs::deprecated_attr(def.deprecated.as_ref());
    quote! {
        #docs
        #deprecated
        pub type #ident = #target;
    }
}

/// The type-level docs: the vendor's words, then where they came from.
fn type_docs(def: &TypeDef) -> docs::DocLines {
    let mut lines = docs::DocLines::vendor(&def.docs);
    if !def.file.is_empty() {
        lines.push_paragraph(format!("Generated from `{}`.", def.file.replace('`', "'")));
    }
    lines
}

/// `#[allow(non_camel_case_types)]` when the vendor's name is not UpperCamelCase.
fn camel_allow(ident: &Ident) -> TokenStream {
    let name = ident.to_string();
    if names::is_upper_camel(name.trim_start_matches("r#")) {
        TokenStream::new()
    } else {
        quote! { #[allow(non_camel_case_types)] }
    }
}

/// One module of output and its submodules, in first-seen order.
#[derive(Default)]
struct Module {
    items: Vec<TokenStream>,
    children: Vec<(String, Module)>,
}

impl Module {
    fn at(&mut self, path: &[String]) -> &mut Module {
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
            child_path.push(name.clone());
            let ident = names::ident(name);
            let doc = format!(" Types generated from the schema folder `{}`.", child_path.join("/"));
            let body = module.to_tokens(&child_path);
            quote! {
                #[doc = #doc]
                pub mod #ident {
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
