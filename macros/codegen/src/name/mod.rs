//! The naming stage, between resolve and emit: every Rust identifier of the output (modules,
//! types, fields, enum variants, catch-alls, union variants) and every derive is decided here,
//! and every collision or impossible request is reported here, so that `llm-usage check` sees
//! exactly what the macro would report and the emitter cannot fail.
//!
//! [`ident`] makes identifiers from vendor names; [`derives`] decides which traits each type
//! can derive.

pub mod derives;
pub mod ident;

#[cfg(test)]
mod tests;

use std::collections::HashMap;

use proc_macro2::Ident;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{Literal, Location, Scalar, Schema, TypeId, TypeKind, TypeRef};

pub use derives::Derives;

/// The Rust names of everything generated, by [`TypeId`].
#[derive(Debug, Clone)]
pub struct Names {
    pub types: Vec<TypeNames>,
}

/// One type's Rust names.
#[derive(Debug, Clone)]
pub struct TypeNames {
    pub ident: Ident,
    /// The module it lives in, from the root: one identifier per folder or namespace.
    pub module: Vec<Ident>,
    pub derives: Derives,
    pub members: Members,
}

/// The names inside a type.
#[derive(Debug, Clone)]
pub enum Members {
    /// Aliases and types that are not generated.
    None,
    Struct {
        /// One per [`crate::model::StructDef::fields`] entry.
        fields: Vec<Ident>,
        /// The map that keeps fields the doc does not list.
        unknown: Ident,
    },
    Enum {
        /// Indices into [`crate::model::EnumDef::values`] of the values that get a variant: a
        /// value listed twice is one variant.
        values: Vec<usize>,
        variants: Vec<Ident>,
        /// The variant that keeps values the doc does not list.
        catch_all: Ident,
    },
    Union {
        variants: Vec<Ident>,
    },
}

/// Names every type of `schema` (included or not, so that indices stay simple) and reports
/// collisions among the included ones.
pub fn name(schema: &Schema, diags: &mut Diagnostics) -> Names {
    let modules = module_paths(schema, diags);
    let idents = type_idents(schema, &modules, diags);
    let derives = derives::decide(schema, diags);
    let types = schema
        .types
        .iter()
        .enumerate()
        .map(|(id, def)| {
            let members = match &def.kind {
                TypeKind::Struct(s) if schema.is_included(id) => struct_members(schema, id, s, diags),
                TypeKind::Enum(e) if schema.is_included(id) => enum_members(e),
                TypeKind::Union(u) if schema.is_included(id) => union_members(u, &idents),
                _ => Members::None,
            };
            TypeNames { ident: idents[id].clone(), module: modules[id].clone(), derives: derives[id], members }
        })
        .collect();
    Names { types }
}

/// Per type, its module path; folders whose names collide as modules are reported.
fn module_paths(schema: &Schema, diags: &mut Diagnostics) -> Vec<Vec<Ident>> {
    // (parent module path, module ident) → the folder path that claimed it first.
    let mut claimed: HashMap<(Vec<String>, String), (String, Location)> = HashMap::new();
    let mut reported: Vec<String> = Vec::new();
    schema
        .types
        .iter()
        .enumerate()
        .map(|(id, def)| {
            let mut path: Vec<Ident> = Vec::new();
            let mut plain: Vec<String> = Vec::new();
            let mut folder = String::new();
            for segment in def.dir.split('/').filter(|s| !s.is_empty() && *s != ".") {
                if !folder.is_empty() {
                    folder.push('/');
                }
                folder.push_str(segment);
                let module = ident::ident(&ident::snake_case(segment));
                let name = module.to_string();
                if schema.is_included(id) {
                    let key = (plain.clone(), name.clone());
                    match claimed.get(&key) {
                        Some((first, _)) if *first != folder && !reported.contains(&folder) => {
                            reported.push(folder.clone());
                            diags.push(
                                Diagnostic::new(
                                    def.loc.clone(),
                                    format!("folders `{first}` and `{folder}` both become the Rust module `{name}`"),
                                )
                                .with_note(
                                    "rename one of the folders (or namespaces) so that their snake_case names differ",
                                ),
                            );
                        }
                        Some(_) => {}
                        None => {
                            claimed.insert(key, (folder.clone(), def.loc.clone()));
                        }
                    }
                }
                plain.push(name);
                path.push(module);
            }
            path
        })
        .collect()
}

/// Per type, its Rust identifier: the user's `rename`, else the vendor's name made valid.
/// Two included types of one module with one identifier are reported, as is a type that
/// takes the name of a module beside it.
fn type_idents(schema: &Schema, modules: &[Vec<Ident>], diags: &mut Diagnostics) -> Vec<Ident> {
    let idents: Vec<Ident> = schema
        .types
        .iter()
        .enumerate()
        .map(|(id, def)| match schema.requests.type_names.get(&id) {
            Some(rename) => ident::ident(&rename.value),
            None => ident::ident(&ident::type_name(&def.name)),
        })
        .collect();
    let mut seen: HashMap<(&[Ident], String), TypeId> = HashMap::new();
    for id in (0..schema.types.len()).filter(|&id| schema.is_included(id)) {
        let key = (modules[id].as_slice(), idents[id].to_string());
        if let Some(&first) = seen.get(&key) {
            let (a, b) = (&schema.types[first], &schema.types[id]);
            if a.dir == b.dir && a.name == b.name {
                // One name twice in one folder: the resolver reported it already.
                continue;
            }
            let loc = schema.requests.type_names.get(&id).map_or(&b.loc, |r| &r.loc).clone();
            let why = |id: TypeId| match schema.requests.type_names.get(&id) {
                Some(rename) => format!(" (renamed at {})", rename.loc),
                None => String::new(),
            };
            diags.push(
                Diagnostic::new(
                    loc,
                    format!("types `{}` and `{}` both become the Rust type `{}`", a.name, b.name, idents[id]),
                )
                .with_note(format!(
                    "`{}` is declared at {}{}; give one of them another name with `rename` in `llm-usage.toml`",
                    a.name,
                    a.loc,
                    why(first)
                )),
            );
        } else {
            seen.insert(key, id);
        }
    }
    // A type and a module of one name in one module: both live in the type namespace.
    let mut children: HashMap<(&[Ident], String), TypeId> = HashMap::new();
    for id in (0..schema.types.len()).filter(|&id| schema.is_included(id)) {
        for depth in 0..modules[id].len() {
            children.entry((&modules[id][..depth], modules[id][depth].to_string())).or_insert(id);
        }
    }
    for id in (0..schema.types.len()).filter(|&id| schema.is_included(id)) {
        let name = idents[id].to_string();
        if let Some(&other) = children.get(&(modules[id].as_slice(), name.clone())) {
            diags.push(
                Diagnostic::new(
                    schema.types[id].loc.clone(),
                    format!(
                        "the type `{}` and the module `{name}` (from `{}`) share one name",
                        schema.types[id].name, schema.types[other].dir
                    ),
                )
                .with_note("rename the type with `rename` in `llm-usage.toml`"),
            );
        }
    }
    idents
}

/// Field identifiers: the user's `rename`, else snake_case of the doc's name. Collisions are
/// reported at the second field; the catch-all map takes a name no field has.
fn struct_members(schema: &Schema, id: TypeId, s: &crate::model::StructDef, diags: &mut Diagnostics) -> Members {
    let def = &schema.types[id];
    let mut fields: Vec<Ident> = Vec::with_capacity(s.fields.len());
    let mut taken: Vec<String> = Vec::with_capacity(s.fields.len());
    for (index, field) in s.fields.iter().enumerate() {
        let rename = schema.requests.field_names.get(&(id, index));
        let field_ident = match rename {
            Some(rename) => ident::ident(&rename.value),
            None => ident::ident(&ident::snake_case(&field.name)),
        };
        let plain = field_ident.to_string().trim_start_matches("r#").to_owned();
        if let Some(first) = taken.iter().position(|n| *n == plain) {
            let other = &s.fields[first];
            let loc = rename.map_or(&field.loc, |r| &r.loc).clone();
            diags.push(
                Diagnostic::new(
                    loc,
                    format!("fields `{}` and `{}` of `{}` both become the Rust field `{plain}`", other.name, field.name, def.name),
                )
                .with_note(format!(
                    "`{}` is declared at {}; give one of them another Rust name: `[types.{}.fields.{}] rename = \"…\"` in `llm-usage.toml`",
                    other.name, other.loc, def.name, field.wire_name
                )),
            );
        }
        taken.push(plain);
        fields.push(field_ident);
    }
    let unknown = ident::ident(&ident::free_name("unknown_fields", "_", &taken));
    Members::Struct { fields, unknown }
}

fn enum_members(e: &crate::model::EnumDef) -> Members {
    let mut values: Vec<usize> = Vec::new();
    for (i, value) in e.values.iter().enumerate() {
        if !values.iter().any(|&v| e.values[v].value == value.value) {
            values.push(i);
        }
    }
    let pairs: Vec<(&Literal, Option<&str>)> =
        values.iter().map(|&i| (&e.values[i].value, e.values[i].member.as_deref())).collect();
    let names = ident::enum_variant_names(&pairs);
    let mut catch_all = "Unknown".to_owned();
    let mut n = 1;
    while names.contains(&catch_all) {
        catch_all = if n == 1 { "UnknownValue".to_owned() } else { format!("UnknownValue{n}") };
        n += 1;
    }
    Members::Enum {
        values,
        variants: names.iter().map(|n| ident::ident(n)).collect(),
        catch_all: ident::ident(&catch_all),
    }
}

fn union_members(u: &crate::model::UnionDef, idents: &[Ident]) -> Members {
    let mut names: Vec<String> = u
        .variants
        .iter()
        .map(|v| {
            let name = variant_name(idents, &v.ty);
            if name.is_empty() || name == "Self" {
                "Variant".to_owned()
            } else {
                name
            }
        })
        .collect();
    ident::dedup_with_suffix(&mut names);
    Members::Union { variants: names.iter().map(|n| ident::ident(n)).collect() }
}

/// A short name for a type, for union variants: `String`, `Number`, `FooList`, `Foo`.
fn variant_name(idents: &[Ident], ty: &TypeRef) -> String {
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
        TypeRef::Literal(l) => ident::enum_variant_names(&[(l, None)]).pop().unwrap_or_default(),
        TypeRef::List(inner) => format!("{}List", variant_name(idents, inner)),
        TypeRef::Map(inner) => format!("{}Map", variant_name(idents, inner)),
        TypeRef::Nullable(inner) => format!("Nullable{}", variant_name(idents, inner)),
        TypeRef::Unsupported(_) => "Unsupported".to_owned(),
        TypeRef::Named(named) => match named.target.and_then(|t| idents.get(t)) {
            Some(ident) => ident::pascal_case(&ident.to_string()),
            None => ident::pascal_case(&named.name),
        },
    }
}
