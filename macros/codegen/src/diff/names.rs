//! The Rust names of one schema, as the naming stage decides them (the user's `rename`s
//! included), for `rust-name-changed`. The one place the diff depends on [`crate::name`].

use crate::diagnostic::Diagnostics;
use crate::model::{Schema, TypeId};
use crate::name::{self, Members};

/// The Rust names of one schema's types and members, as the naming stage decides them;
/// the default knows no names.
#[derive(Default)]
pub(super) struct RustNames {
    /// Per type: `module::Type`, the module path from the generated root.
    paths: Vec<String>,
    members: Vec<Strings>,
    /// Per type, the type whose definition it is written as (itself, unless it is a `pub type`
    /// of another of its shape): two types with one entry here are one Rust type.
    written_as: Vec<TypeId>,
}

/// One type's member names, as strings.
enum Strings {
    None,
    Struct { fields: Vec<String> },
    Enum { variant_of_value: Vec<Option<String>>, catch_all: String },
    Union { variants: Vec<String> },
}

impl RustNames {
    /// Names every type of `schema` (collisions are for `check` and the macro to report).
    pub(super) fn of(schema: &Schema) -> RustNames {
        let mut ignored = Diagnostics::new();
        let names = name::name(schema, &mut ignored);
        let mut paths = Vec::with_capacity(names.types.len());
        let mut members = Vec::with_capacity(names.types.len());
        let written_as = names.types.iter().enumerate().map(|(id, ty)| ty.same_as.unwrap_or(id)).collect();
        for (id, ty) in names.types.into_iter().enumerate() {
            let mut path = String::new();
            for module in &ty.module {
                path.push_str(&module.to_string());
                path.push_str("::");
            }
            path.push_str(&ty.ident.to_string());
            paths.push(path);
            members.push(match ty.members {
                Members::None => Strings::None,
                Members::Struct { fields, .. } => Strings::Struct { fields: strings(&fields) },
                Members::Enum { values, variants, catch_all } => {
                    let count = match &schema.types.get(id).map(|t| &t.kind) {
                        Some(crate::model::TypeKind::Enum(e)) => e.values.len(),
                        _ => 0,
                    };
                    let mut variant_of_value = vec![None; count];
                    for (value, variant) in values.iter().zip(&variants) {
                        if let Some(slot) = variant_of_value.get_mut(*value) {
                            *slot = Some(variant.to_string());
                        }
                    }
                    Strings::Enum { variant_of_value, catch_all: catch_all.to_string() }
                }
                Members::Union { variants } => Strings::Union { variants: strings(&variants) },
            });
        }
        RustNames { paths, members, written_as }
    }

    /// The type `id` is written as: the same for every type that is one Rust type with it.
    pub(super) fn written_as(&self, id: TypeId) -> Option<TypeId> {
        self.written_as.get(id).copied()
    }

    /// `Usage`, `components::Ttl`.
    pub(super) fn type_path(&self, id: TypeId) -> Option<String> {
        self.paths.get(id).cloned()
    }

    pub(super) fn field(&self, id: TypeId, index: usize) -> Option<&str> {
        match self.members.get(id) {
            Some(Strings::Struct { fields }) => fields.get(index).map(String::as_str),
            _ => None,
        }
    }

    /// The variant of the enum value at `index` in [`crate::model::EnumDef::values`].
    pub(super) fn enum_variant(&self, id: TypeId, index: usize) -> Option<&str> {
        match self.members.get(id) {
            Some(Strings::Enum { variant_of_value, .. }) => variant_of_value.get(index)?.as_deref(),
            _ => None,
        }
    }

    /// The variant that keeps values the doc does not list.
    pub(super) fn catch_all(&self, id: TypeId) -> Option<&str> {
        match self.members.get(id) {
            Some(Strings::Enum { catch_all, .. }) => Some(catch_all),
            _ => None,
        }
    }

    pub(super) fn union_variant(&self, id: TypeId, index: usize) -> Option<&str> {
        match self.members.get(id) {
            Some(Strings::Union { variants }) => variants.get(index).map(String::as_str),
            _ => None,
        }
    }
}

fn strings(idents: &[proc_macro2::Ident]) -> Vec<String> {
    idents.iter().map(ToString::to_string).collect()
}
