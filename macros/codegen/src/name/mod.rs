//! The naming stage, between resolve and emit: every Rust identifier of the output (modules,
//! types, fields, enum variants, catch-alls, union variants) and every derive is decided here,
//! and every collision or impossible request is reported here, so that `llm-usage check` sees
//! exactly what the macro would report and the emitter cannot fail.
//!
//! [`ident`] makes identifiers from vendor names; [`derives`] decides which traits each type
//! can derive; [`same_shape`] finds the types of one shape, which are written once.

pub mod derives;
pub mod ident;
pub mod same_shape;

#[cfg(test)]
mod tests;

use std::borrow::Cow;

use proc_macro2::Ident;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::hash::FxHashMap;
use crate::model::{Literal, Scalar, Schema, TypeId, TypeKind, TypeRef};

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
    /// The type of the same shape whose definition this one is written as
    /// (`pub type ThisOne = That;`), chosen by [`same_shape::share`]; `None` for a type written out.
    pub same_as: Option<TypeId>,
}

/// The names inside a type.
#[derive(Debug, Clone)]
pub enum Members {
    /// Aliases and types that are not generated.
    None,
    Struct {
        /// One per [`crate::model::StructDef::fields`] entry.
        fields: Vec<Ident>,
        /// The field that keeps the fields the doc does not list.
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
    let plan = Plan::new(schema, diags);
    let idents: Vec<Ident> = plan.type_names.iter().map(|name| ident::ident(name)).collect();
    let modules: Vec<Vec<Ident>> =
        plan.folders.iter().map(|folder| folder.names.iter().map(|name| ident::ident(name)).collect()).collect();
    let derives = derives::decide(schema, diags);
    let mut scratch = Scratch::default();
    let mut types: Vec<TypeNames> = schema
        .types
        .iter()
        .enumerate()
        .map(|(id, def)| {
            let members = match &def.kind {
                TypeKind::Struct(s) if schema.is_included(id) => {
                    let mut fields = Vec::with_capacity(s.fields.len());
                    struct_fields(schema, id, s, diags, &mut scratch, Some(&mut fields));
                    let mut unknown = "unknown_fields".to_owned();
                    while scratch.contains(&unknown) {
                        unknown.push('_');
                    }
                    Members::Struct { fields, unknown: ident::ident(&unknown) }
                }
                TypeKind::Enum(e) if schema.is_included(id) => enum_members(e),
                TypeKind::Union(u) if schema.is_included(id) => union_members(u, &idents),
                _ => Members::None,
            };
            TypeNames {
                ident: idents[id].clone(),
                module: modules[plan.folder_of[id]].clone(),
                derives: derives[id],
                members,
                same_as: None,
            }
        })
        .collect();
    let shared = same_shape::share(schema, &types);
    for (names, same_as) in types.iter_mut().zip(shared) {
        names.same_as = same_as;
    }
    Names { types }
}

/// Reports exactly what [`name`] reports, without making any identifier: what `check` needs.
pub fn check(schema: &Schema, diags: &mut Diagnostics) {
    // The fields of each struct are checked on their own: beside the rest on large schemas.
    let types_and_derives = || {
        let mut found = Diagnostics::new();
        Plan::new(schema, &mut found);
        derives::check(schema, &mut found);
        found
    };
    let fields = || {
        let mut found = Diagnostics::new();
        let mut scratch = Scratch::default();
        for (id, def) in schema.types.iter().enumerate() {
            if let TypeKind::Struct(s) = &def.kind {
                if schema.is_included(id) {
                    struct_fields(schema, id, s, &mut found, &mut scratch, None);
                }
            }
        }
        found
    };
    let parallel = crate::par::threads_for(schema.types.len()) > 1;
    let (first, then) = crate::par::join(parallel, types_and_derives, fields);
    diags.append(first);
    diags.append(then);
}

/// The names of types and modules, checked: what [`name`] and [`check`] share.
struct Plan<'s> {
    /// Per type, the name its identifier is made from: the user's `rename`, else the vendor's
    /// name made valid.
    type_names: Vec<Cow<'s, str>>,
    /// Per type, the index of its folder in `folders`.
    folder_of: Vec<usize>,
    /// Every folder that holds a type, once.
    folders: Vec<Folder<'s>>,
}

/// One folder (or TypeScript namespace path) and the module path it becomes.
struct Folder<'s> {
    dir: &'s str,
    /// Per segment: the module's name (before keyword handling), the folder up to it
    /// (`a/b`), and the module's id among every module path (`ModuleIds`).
    names: Vec<String>,
    prefixes: Vec<String>,
    chain: Vec<usize>,
}

/// Module paths, interned: a module is its parent's id and the text of its identifier. Id 0
/// is the root.
#[derive(Default)]
struct ModuleIds {
    /// Parent → child's text → child.
    children: FxHashMap<usize, FxHashMap<String, usize>>,
    count: usize,
}

impl ModuleIds {
    fn intern(&mut self, parent: usize, text: &str) -> usize {
        let children = self.children.entry(parent).or_default();
        if let Some(&id) = children.get(text) {
            return id;
        }
        self.count += 1;
        children.insert(text.to_owned(), self.count);
        self.count
    }

    fn get(&self, parent: usize, text: &str) -> Option<usize> {
        self.children.get(&parent)?.get(text).copied()
    }
}

impl<'s> Plan<'s> {
    /// Module paths and type names, reporting folders that collide as modules, types that
    /// collide in one module and types that take the name of a module beside them.
    fn new(schema: &'s Schema, diags: &mut Diagnostics) -> Plan<'s> {
        let n = schema.types.len();
        let mut modules = ModuleIds::default();
        let mut folders: Vec<Folder<'s>> = Vec::new();
        let mut folder_index: FxHashMap<&'s str, usize> = FxHashMap::default();
        let mut folder_of = Vec::with_capacity(n);
        for def in &schema.types {
            // Types of one file, and mostly of one folder, are next to each other.
            let index = match folders.last() {
                Some(last) if last.dir == def.dir => folders.len() - 1,
                _ => *folder_index.entry(def.dir.as_str()).or_insert_with(|| {
                    folders.push(Folder::new(&def.dir, &mut modules));
                    folders.len() - 1
                }),
            };
            folder_of.push(index);
        }
        let type_names: Vec<Cow<'s, str>> = schema
            .types
            .iter()
            .enumerate()
            .map(|(id, def)| match schema.requests.type_names.get(&id) {
                Some(rename) => Cow::Borrowed(rename.value.as_str()),
                None => ident::type_name_cow(&def.name),
            })
            .collect();
        let plan = Plan { type_names, folder_of, folders };
        plan.check_folders(schema, modules.count, diags);
        plan.check_types(schema, &modules, diags);
        plan
    }

    /// The included types' folders, each once, by the first included type in it.
    fn first_in_each_folder(&self, schema: &Schema) -> Vec<TypeId> {
        let mut seen = vec![false; self.folders.len()];
        (0..schema.types.len())
            .filter(|&id| schema.is_included(id) && !std::mem::replace(&mut seen[self.folder_of[id]], true))
            .collect()
    }

    /// Folders whose names collide as modules: reported once per folder, at the first included
    /// type of the folder that comes second. Every type of one folder would find what the
    /// first one found, so only the first one is looked at.
    fn check_folders(&self, schema: &Schema, module_count: usize, diags: &mut Diagnostics) {
        // Module → the folder path that claimed it first.
        let mut claimed: Vec<Option<&str>> = vec![None; module_count + 1];
        let mut reported: Vec<&str> = Vec::new();
        for id in self.first_in_each_folder(schema) {
            let def = &schema.types[id];
            let folder = &self.folders[self.folder_of[id]];
            for ((prefix, name), &module) in folder.prefixes.iter().zip(&folder.names).zip(&folder.chain) {
                match claimed[module] {
                    Some(first) if first != prefix && !reported.contains(&prefix.as_str()) => {
                        reported.push(prefix);
                        let name = ident::ident_text(name);
                        diags.push(
                            Diagnostic::new(
                                def.loc.clone(),
                                format!("folders `{first}` and `{prefix}` both become the Rust module `{name}`"),
                            )
                            .with_note(
                                "rename one of the folders (or namespaces) so that their snake_case names differ",
                            ),
                        );
                    }
                    Some(_) => {}
                    None => claimed[module] = Some(prefix),
                }
            }
        }
    }

    /// Two included types of one module with one identifier; a type that takes the name of a
    /// module beside it.
    fn check_types(&self, schema: &Schema, modules: &ModuleIds, diags: &mut Diagnostics) {
        let module_of = |id: TypeId| self.folders[self.folder_of[id]].chain.last().copied().unwrap_or(0);
        let texts: Vec<Cow<'_, str>> = (0..schema.types.len())
            .map(|id| if schema.is_included(id) { ident::ident_text(&self.type_names[id]) } else { Cow::Borrowed("") })
            .collect();
        let mut seen: FxHashMap<(usize, &str), TypeId> = crate::hash::map_with_capacity(schema.types.len());
        for id in (0..schema.types.len()).filter(|&id| schema.is_included(id)) {
            let key = (module_of(id), &*texts[id]);
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
                        format!("types `{}` and `{}` both become the Rust type `{}`", a.name, b.name, texts[id]),
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
        // Per module, the first included type inside it (at any depth).
        let mut first_inside: Vec<Option<TypeId>> = vec![None; modules.count + 1];
        for id in self.first_in_each_folder(schema) {
            for &module in &self.folders[self.folder_of[id]].chain {
                first_inside[module].get_or_insert(id);
            }
        }
        for id in (0..schema.types.len()).filter(|&id| schema.is_included(id)) {
            let Some(module) = modules.get(module_of(id), &texts[id]) else { continue };
            if let Some(other) = first_inside[module] {
                diags.push(
                    Diagnostic::new(
                        schema.types[id].loc.clone(),
                        format!(
                            "the type `{}` and the module `{}` (from `{}`) share one name",
                            schema.types[id].name, texts[id], schema.types[other].dir
                        ),
                    )
                    .with_note("rename the type with `rename` in `llm-usage.toml`"),
                );
            }
        }
    }
}

impl<'s> Folder<'s> {
    fn new(dir: &'s str, modules: &mut ModuleIds) -> Folder<'s> {
        let mut folder = Folder { dir, names: Vec::new(), prefixes: Vec::new(), chain: Vec::new() };
        let mut path = String::new();
        let mut parent = 0;
        for segment in dir.split('/').filter(|s| !s.is_empty() && *s != ".") {
            if !path.is_empty() {
                path.push('/');
            }
            path.push_str(segment);
            let name = ident::snake_case(segment);
            parent = modules.intern(parent, &ident::ident_text(&name));
            folder.names.push(name);
            folder.prefixes.push(path.clone());
            folder.chain.push(parent);
        }
        folder
    }
}

/// Room reused from struct to struct: the field names being compared.
#[derive(Default)]
struct Scratch {
    name: String,
    /// The fields' names so far, as [`ident::unraw_text`] gives them, one after the other.
    taken: String,
    ends: Vec<usize>,
}

impl Scratch {
    fn taken(&self) -> impl Iterator<Item = &str> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts.zip(self.ends.iter().copied()).map(|(start, end)| &self.taken[start..end])
    }

    fn contains(&self, name: &str) -> bool {
        self.taken().any(|taken| taken == name)
    }
}

/// Field identifiers of an included struct: the user's `rename`, else snake_case of the doc's
/// name. Collisions are reported at the second field. With `idents`, the identifiers are
/// made too; `scratch` then holds the names taken (for the catch-all, which takes one no
/// field has).
fn struct_fields(
    schema: &Schema,
    id: TypeId,
    s: &crate::model::StructDef,
    diags: &mut Diagnostics,
    scratch: &mut Scratch,
    mut idents: Option<&mut Vec<Ident>>,
) {
    let def = &schema.types[id];
    scratch.taken.clear();
    scratch.ends.clear();
    let mut name = std::mem::take(&mut scratch.name);
    for (index, field) in s.fields.iter().enumerate() {
        let rename = schema.requests.field_names.get(&(id, index));
        let chosen: &str = match rename {
            Some(rename) => &rename.value,
            None => {
                ident::snake_case_into(&field.name, &mut name);
                &name
            }
        };
        let plain = ident::unraw_text(chosen);
        if let Some(first) = scratch.taken().position(|taken| taken == plain) {
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
        scratch.taken.push_str(&plain);
        scratch.ends.push(scratch.taken.len());
        if let Some(idents) = idents.as_deref_mut() {
            idents.push(ident::ident(chosen));
        }
    }
    scratch.name = name;
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
