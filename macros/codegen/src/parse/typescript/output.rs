//! The types of one file: declaration merging, duplicate names, and unique names for the
//! types generated from inline TypeScript.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::cursor::Ctx;
use crate::model::{Import, Location, TypeDef, TypeKind, TypeRef};

/// What declared a type: interfaces merge with interfaces and classes; nothing else merges,
/// except that a declaration that does not parse takes the place of whatever has its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decl {
    Interface,
    Class,
    Other,
    Malformed,
}

#[derive(Default)]
pub(crate) struct Output {
    pub(super) types: Vec<TypeDef>,
    /// (dir, name) of each declared type → its index and what declared it.
    declared: HashMap<(String, String), (usize, Decl)>,
    /// Indices of the generated types.
    generated: Vec<usize>,
    /// The file's imports: local name → where it comes from.
    pub imports: HashMap<String, Arc<Import>>,
    /// (dir, name) of each interface or class → its properties' names and type texts, to
    /// recognise a merged declaration repeating a property (see `repeats`).
    pub properties: HashMap<(String, String), HashMap<String, String>>,
}

impl Output {
    /// Adds a declared type and the types generated from its inline parts. The problems held
    /// for the declaration go with it and with those types.
    pub fn add(&mut self, ctx: &mut Ctx<'_>, mut def: TypeDef, decl: Decl, mut generated: Vec<TypeDef>) {
        let held = ctx.take_held();
        // What merges across the files of a folder (`resolve::merge`): interfaces and classes,
        // and the types made from their inline parts, which each declaration makes again.
        let merges = matches!(decl, Decl::Interface | Decl::Class);
        for g in &mut generated {
            g.diagnostics.extend(held.iter().cloned());
            g.merges = merges;
        }
        def.diagnostics.extend(held);
        def.merges = merges;
        let key = (def.dir.clone(), def.name.clone());
        match self.declared.get(&key).copied() {
            Some((idx, first)) => {
                let mergeable = matches!(
                    (first, decl),
                    (Decl::Interface, Decl::Interface)
                        | (Decl::Interface, Decl::Class)
                        | (Decl::Class, Decl::Interface)
                        | (Decl::Malformed, _)
                        | (_, Decl::Malformed)
                );
                let Some(existing) = self.types.get_mut(idx) else { return };
                if !mergeable {
                    let note = format!(
                        "`{}` is already declared at {}; TypeScript merges only interfaces (and an interface with a class)",
                        def.name, existing.loc
                    );
                    existing.diagnostics.extend(def.diagnostics);
                    existing.diagnostics.extend(ctx.diagnostic(
                        def.loc.clone(),
                        format!("duplicate type `{}`", def.name),
                        note,
                    ));
                    return;
                }
                merge(ctx, existing, def);
            }
            None => {
                self.declared.insert(key, (self.types.len(), decl));
                self.types.push(def);
            }
        }
        for def in generated {
            self.generated.push(self.types.len());
            self.types.push(def);
        }
    }

    /// The file's types; a generated type whose name is taken gets a number (`…2`), and
    /// references to imported names say where they come from. `dir` is the file's folder.
    pub fn finish(mut self, dir: &str) -> Vec<TypeDef> {
        self.mark_imports(dir);
        let mut taken: HashSet<(String, String)> = self.declared.keys().cloned().collect();
        for &idx in &self.generated {
            let Some(def) = self.types.get(idx) else { continue };
            let (dir, old, loc) = (def.dir.clone(), def.name.clone(), def.loc.clone());
            let mut name = old.clone();
            let mut n = 2;
            while taken.contains(&(dir.clone(), name.clone())) {
                name = format!("{old}{n}");
                n += 1;
            }
            taken.insert((dir, name.clone()));
            if name == old {
                continue;
            }
            for (i, other) in self.types.iter_mut().enumerate() {
                if i == idx {
                    other.name = name.clone();
                } else {
                    rename_in_kind(&mut other.kind, &old, &name, &loc);
                }
            }
        }
        self.types
    }
}

/// A second declaration of an interface: its fields and bases are appended to the first.
fn merge(ctx: &mut Ctx<'_>, existing: &mut TypeDef, def: TypeDef) {
    existing.diagnostics.extend(def.diagnostics);
    if existing.docs.is_empty() {
        existing.docs = def.docs;
    }
    if existing.deprecated.is_none() {
        existing.deprecated = def.deprecated;
    }
    match (&mut existing.kind, def.kind) {
        (TypeKind::Unsupported(_), _) => {}
        (_, TypeKind::Unsupported(unsupported)) => existing.kind = TypeKind::Unsupported(unsupported),
        (TypeKind::Struct(first), TypeKind::Struct(second)) => {
            for field in second.fields {
                if let Some(prior) = first.fields.iter().find(|f| f.name == field.name) {
                    let note = format!(
                        "`{}` is first declared at {} with another type; merged declarations may repeat a property only with the same type",
                        field.name, prior.loc
                    );
                    existing.diagnostics.extend(ctx.diagnostic(
                        field.loc.clone(),
                        format!("duplicate property `{}` in `{}`", field.name, existing.name),
                        note,
                    ));
                } else {
                    first.fields.push(field);
                }
            }
            first.bases.extend(second.bases);
            if first.additional.is_none() {
                first.additional = second.additional;
            }
        }
        (TypeKind::Alias(TypeRef::Map(_)), TypeKind::Struct(mut second)) => {
            second.additional.get_or_insert_with(Default::default);
            existing.kind = TypeKind::Struct(second);
        }
        (TypeKind::Struct(first), TypeKind::Alias(TypeRef::Map(_))) => {
            first.additional.get_or_insert_with(Default::default);
        }
        _ => {}
    }
}

fn rename_in_kind(kind: &mut TypeKind, old: &str, new: &str, loc: &Location) {
    match kind {
        TypeKind::Struct(def) => def.fields.iter_mut().for_each(|f| rename_in_ref(&mut f.ty, old, new, loc)),
        TypeKind::Union(def) => def.variants.iter_mut().for_each(|v| rename_in_ref(&mut v.ty, old, new, loc)),
        TypeKind::Alias(ty) => rename_in_ref(ty, old, new, loc),
        TypeKind::Enum(_) | TypeKind::Unsupported(_) => {}
    }
}

fn rename_in_ref(ty: &mut TypeRef, old: &str, new: &str, loc: &Location) {
    match ty {
        TypeRef::List(inner) | TypeRef::Map(inner) | TypeRef::Nullable(inner) => rename_in_ref(inner, old, new, loc),
        TypeRef::Named(named) if named.name == old && named.qualifier.is_none() && named.loc == *loc => {
            named.name = new.to_string();
        }
        _ => {}
    }
}
