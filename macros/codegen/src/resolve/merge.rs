//! Declaration merging across the files of one folder. A folder is one scope (one Rust
//! module), and TypeScript merges the declarations of an interface made in one scope: so the
//! text of a TypeDoc page (`UsageMetadata.txt`) and the vendor's own declaration of the same
//! interface (`types.ts`) are one type, not a duplicate. A property both declare with the same
//! type is one field; with another type it is an error, as in TypeScript.
//!
//! Only the declarations their parser marks as merging do ([`TypeDef::merges`]: TypeScript
//! and TypeDoc interfaces and classes); two Speakeasy docs of one name, or two TypeScript type
//! aliases, stay a duplicate, which the index reports.

use std::collections::HashMap;

use crate::diagnostic::Diagnostic;
use crate::model::{Field, NamedRef, Schema, TypeDef, TypeKind, TypeRef};

/// Folds every later declaration of a mergeable object type into the first one (files in
/// path order, declarations in document order).
pub fn merge(schema: &mut Schema) {
    let mut first: HashMap<(String, String), usize> = HashMap::new();
    let mut merged_into: Vec<Option<usize>> = vec![None; schema.types.len()];
    for (id, ty) in schema.types.iter().enumerate() {
        if !mergeable(ty) {
            continue;
        }
        let key = (ty.dir.clone(), ty.name.clone());
        match first.get(&key) {
            // Declarations within one file were merged by the parser already.
            Some(&target) if schema.types[target].file != ty.file => merged_into[id] = Some(target),
            Some(_) => {}
            None => {
                first.insert(key, id);
            }
        }
    }
    if merged_into.iter().all(Option::is_none) {
        return;
    }
    let mut later: Vec<Option<TypeDef>> = Vec::with_capacity(schema.types.len());
    let mut kept = Vec::with_capacity(schema.types.len());
    for (id, ty) in std::mem::take(&mut schema.types).into_iter().enumerate() {
        if merged_into[id].is_some() {
            later.push(Some(ty));
        } else {
            later.push(None);
            kept.push((id, ty));
        }
    }
    // Old index of each kept type → its position in `kept`.
    let position: HashMap<usize, usize> = kept.iter().enumerate().map(|(pos, (id, _))| (*id, pos)).collect();
    for (id, target) in merged_into.iter().enumerate() {
        let (Some(target), Some(extra)) = (target, later[id].take()) else { continue };
        let into = &mut kept[position[target]].1;
        fold(into, extra);
    }
    schema.types = kept.into_iter().map(|(_, ty)| ty).collect();
}

fn mergeable(ty: &TypeDef) -> bool {
    ty.merges && matches!(ty.kind, TypeKind::Struct(_))
}

/// Adds the fields, bases, docs and problems of `extra` to `into`.
fn fold(into: &mut TypeDef, extra: TypeDef) {
    if into.docs.is_empty() {
        into.docs = extra.docs;
    }
    if into.deprecated.is_none() {
        into.deprecated = extra.deprecated;
    }
    into.diagnostics.extend(extra.diagnostics);
    let (TypeKind::Struct(def), TypeKind::Struct(more)) = (&mut into.kind, extra.kind) else { return };
    for base in more.bases {
        if !def.bases.iter().any(|b| b.name == base.name && b.qualifier == base.qualifier) {
            def.bases.push(base);
        }
    }
    if def.additional.is_none() {
        def.additional = more.additional;
    }
    for field in more.fields {
        match def.fields.iter().find(|f| f.wire_name == field.wire_name) {
            Some(known) if same_field(known, &field) => {}
            Some(known) => into.diagnostics.push(
                Diagnostic::new(
                    field.loc.clone(),
                    format!("`{}.{}` is declared again with another type or presence", into.name, field.name),
                )
                .with_note(format!(
                    "merged declarations of `{}` must give a property the same type; the first is at {}",
                    into.name, known.loc
                )),
            ),
            None => def.fields.push(field),
        }
    }
}

fn same_field(a: &Field, b: &Field) -> bool {
    a.presence == b.presence && a.nullable == b.nullable && same_type(&a.ty, &b.ty)
}

/// Structural equality, places aside.
fn same_type(a: &TypeRef, b: &TypeRef) -> bool {
    match (a, b) {
        (TypeRef::Scalar(x), TypeRef::Scalar(y)) => x == y,
        (TypeRef::Literal(x), TypeRef::Literal(y)) => x == y,
        (TypeRef::List(x), TypeRef::List(y))
        | (TypeRef::Map(x), TypeRef::Map(y))
        | (TypeRef::Nullable(x), TypeRef::Nullable(y)) => same_type(x, y),
        (TypeRef::Named(x), TypeRef::Named(y)) => same_name(x, y),
        (TypeRef::Unsupported(x), TypeRef::Unsupported(y)) => x.construct == y.construct,
        _ => false,
    }
}

fn same_name(a: &NamedRef, b: &NamedRef) -> bool {
    a.name == b.name && a.qualifier == b.qualifier
}
