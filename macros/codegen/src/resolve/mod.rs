//! The resolver: links every named reference to the type it means, merges `extends` bases,
//! decides which types are generated, boxes the references that close a cycle, and reports
//! collisions, unknown names, links that leave the schema folder and needed declarations that
//! cannot be generated.
//!
//! It fills [`NamedRef::target`], [`NamedRef::boxed`] and [`Schema::included`] in place; after
//! a run without diagnostics every reference of an included type has a target.

mod bases;
mod cycles;
mod held;
mod imports;
mod index;
mod links;
mod merge;
mod overrides;
mod reach;
#[cfg(test)]
mod tests;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{Location, NamedRef, Schema, TypeDef, TypeKind, TypeRef, Unsupported};

use index::Index;

/// Which types to generate: every type (`None`), or the named roots and what they reach.
/// A root is a path relative to the schema folder's module, `google::UsageMetadata`.
pub struct Roots<'a> {
    pub names: Option<&'a [String]>,
    /// Where the roots were given, for messages about them.
    pub loc: Location,
}

/// Resolves `schema` in place, with the overrides of `configs` (every `llm-usage.toml` found).
pub fn resolve(schema: &mut Schema, roots: &Roots<'_>, configs: &[Config], diags: &mut Diagnostics) {
    merge::merge(schema);
    // Look every reference up while the index borrows the types, then write the targets.
    // Problems of one declaration are reported once it is known to be needed.
    let mut held = held::Held::default();
    let index = Index::build(&schema.types, &mut held);
    let found = lookup_all(&index, &schema.types);
    let root_ids = reach::root_ids(&index, schema, roots, configs, diags);
    let override_targets = overrides::targets(&index, configs, diags);
    let mut errors = Diagnostics::new();
    let mut found = found.into_iter();
    for ty in &mut schema.types {
        // `for_each_ref_mut` visits references in the order `for_each_use` does.
        for_each_ref_mut(ty, &mut |named| match found.next() {
            Some(Ok(id)) => named.target = Some(id),
            Some(Err(diagnostic)) => errors.push(*diagnostic),
            None => {}
        });
    }
    bases::merge(schema, &mut held);
    overrides::apply(schema, configs, &override_targets, diags);
    let unresolved = reach::mark_included(schema, root_ids.as_deref(), diags);
    // Problems of a declaration count where it is generated, and everywhere no roots (the
    // macro's, or an `llm-usage.toml`'s for its folder) limit generation.
    let limited: Vec<&str> = configs.iter().filter(|c| !c.roots.is_empty()).map(|c| c.dir.as_str()).collect();
    let unlimited = |id: usize| {
        roots.names.is_none() && !limited.iter().any(|dir| crate::config::is_within(&schema.types[id].dir, dir))
    };
    held.report(schema, |id| schema.is_included(id) || unlimited(id), diags);
    // Unresolved names matter only in types that are generated: a whole vendor file may
    // mention DOM types in declarations nobody asked for.
    for mut error in errors.into_sorted() {
        if let Some(needed_by) = unresolved.get(&error.loc) {
            error.message = format!("{}; `{needed_by}` needs it", error.message);
            diags.push(error);
        }
    }
    cycles::mark(schema, diags);
}

/// The target of every named reference, in the order [`for_each_use`] visits them.
fn lookup_all(index: &Index<'_>, types: &[TypeDef]) -> Vec<Result<usize, LookupError>> {
    let chunks = crate::par::map_chunks(types, |first, types| {
        let mut found = Vec::with_capacity(types.len());
        let mut scratch = links::Candidates::default();
        for (offset, ty) in types.iter().enumerate() {
            for_each_use(ty, &mut |used| {
                if let Use::Named(named) = used {
                    found.push(index.lookup(named, first + offset, &mut scratch));
                }
            });
        }
        found
    });
    chunks.into_iter().flatten().collect()
}

/// Calls `f` on every named reference inside a type definition, including `extends` bases.
pub(crate) fn for_each_ref_mut(ty: &mut TypeDef, f: &mut impl FnMut(&mut NamedRef)) {
    match &mut ty.kind {
        TypeKind::Struct(def) => {
            def.bases.iter_mut().for_each(&mut *f);
            def.fields.iter_mut().for_each(|field| visit_mut(&mut field.ty, f));
        }
        TypeKind::Union(def) => def.variants.iter_mut().for_each(|variant| visit_mut(&mut variant.ty, f)),
        TypeKind::Alias(target) => visit_mut(target, f),
        TypeKind::Enum(_) | TypeKind::Unsupported(_) => {}
    }
}

fn visit_mut(ty: &mut TypeRef, f: &mut impl FnMut(&mut NamedRef)) {
    match ty {
        TypeRef::Named(named) => f(named),
        TypeRef::List(inner) | TypeRef::Map(inner) | TypeRef::Nullable(inner) => visit_mut(inner, f),
        TypeRef::Scalar(_) | TypeRef::Literal(_) | TypeRef::Unsupported(_) => {}
    }
}

/// Calls `f` on every reference and every unsupported construct a type holds directly.
pub(crate) fn for_each_use(ty: &TypeDef, f: &mut impl FnMut(Use<'_>)) {
    fn visit<'a>(ty: &'a TypeRef, f: &mut impl FnMut(Use<'a>)) {
        match ty {
            TypeRef::Named(named) => f(Use::Named(named)),
            TypeRef::Unsupported(unsupported) => f(Use::Unsupported(unsupported)),
            TypeRef::List(inner) | TypeRef::Map(inner) | TypeRef::Nullable(inner) => visit(inner, f),
            TypeRef::Scalar(_) | TypeRef::Literal(_) => {}
        }
    }
    match &ty.kind {
        TypeKind::Struct(def) => {
            def.bases.iter().for_each(|base| f(Use::Named(base)));
            def.fields.iter().for_each(|field| visit(&field.ty, f));
        }
        TypeKind::Union(def) => def.variants.iter().for_each(|variant| visit(&variant.ty, f)),
        TypeKind::Alias(target) => visit(target, f),
        TypeKind::Enum(_) | TypeKind::Unsupported(_) => {}
    }
}

/// What a type definition uses.
pub(crate) enum Use<'a> {
    Named(&'a NamedRef),
    Unsupported(&'a Unsupported),
}

/// A reference that could not be resolved.
type LookupError = Box<Diagnostic>;
