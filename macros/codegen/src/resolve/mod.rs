//! The resolver: links every named reference to the type it means, boxes the references that
//! close a cycle, and reports collisions, unknown names and links that leave the schema folder.
//!
//! It fills [`NamedRef::target`] and [`NamedRef::boxed`] in place; after a run without
//! diagnostics every reference has a target.

mod cycles;
mod index;
mod links;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{NamedRef, Schema, TypeDef, TypeKind, TypeRef};

use index::Index;

pub fn resolve(schema: &mut Schema, diags: &mut Diagnostics) {
    let index = Index::build(&schema.types, diags);
    for ty in &mut schema.types {
        let (dir, file) = (ty.dir.clone(), ty.file.clone());
        for_each_ref_mut(ty, &mut |named| {
            match index.lookup(named, &dir, &file) {
                Ok(id) => named.target = Some(id),
                Err(diagnostic) => diags.push(*diagnostic),
            }
        });
    }
    cycles::mark(schema, diags);
}

/// Calls `f` on every named reference inside a type definition.
pub(crate) fn for_each_ref_mut(ty: &mut TypeDef, f: &mut impl FnMut(&mut NamedRef)) {
    match &mut ty.kind {
        TypeKind::Struct(def) => def.fields.iter_mut().for_each(|field| visit_mut(&mut field.ty, f)),
        TypeKind::Union(def) => def.variants.iter_mut().for_each(|variant| visit_mut(&mut variant.ty, f)),
        TypeKind::Enum(_) => {}
    }
}

fn visit_mut(ty: &mut TypeRef, f: &mut impl FnMut(&mut NamedRef)) {
    match ty {
        TypeRef::Named(named) => f(named),
        TypeRef::List(inner) | TypeRef::Map(inner) | TypeRef::Nullable(inner) => visit_mut(inner, f),
        TypeRef::Scalar(_) | TypeRef::Literal(_) => {}
    }
}

/// A reference that could not be resolved.
type LookupError = Box<Diagnostic>;
