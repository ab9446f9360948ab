//! Types of one shape, written once. Speakeasy docs repeat a shape under many names (orq's
//! 18,576 types are 3,413 shapes: 5,747 one-value `type` tags, the same message part once per
//! operation), and rustc's cost is per definition. Two included types have one shape when
//! everything the emitter writes for them, except their names and their own docs, is the same:
//! kind, derives, every field's (or value's, or variant's) Rust name, wire name, presence,
//! docs and deprecation, and types that again have one shape. Of each shape with several types,
//! one is defined and the others become `pub type Other = Defined;` with their own docs, as a
//! serde user would write one type and reuse it.
//!
//! The shapes are found by partition refinement: types start grouped by what they hold
//! themselves (referenced types left out), and a group is split until the types in it also
//! refer, field by field, to types of one group. That is the coarsest grouping that is
//! consistent, so cycles (`Tool` → `Box<Tool>`) group too.

use std::fmt::Write;

use super::{Members, TypeNames};
use crate::hash::{map_with_capacity, FxHashMap};
use crate::model::{Schema, TypeDef, TypeId, TypeKind, TypeRef};

/// Per type, the type whose definition it is written as (`Some` only for types that are not
/// that type themselves).
pub fn share(schema: &Schema, names: &[TypeNames]) -> Vec<Option<TypeId>> {
    let n = schema.types.len();
    // What each type holds itself, and the types it refers to, in order.
    let mut refs: Vec<Vec<TypeId>> = Vec::with_capacity(n);
    let mut class: Vec<u32> = Vec::with_capacity(n);
    let mut own: FxHashMap<String, u32> = map_with_capacity(n);
    let mut text = String::new();
    for (id, def) in schema.types.iter().enumerate() {
        text.clear();
        let mut targets = Vec::new();
        let shareable = schema.is_included(id) && !schema.requests.distinct.contains(&id);
        if !(shareable && describe(def, &names[id], &mut text, &mut targets)) {
            // Never shared (`distinct = true` among them): a unique key (no description
            // starts with `#`).
            text.clear();
            let _ = write!(text, "#{id}");
            targets.clear();
        }
        let next = own.len() as u32;
        class.push(*own.entry(text.clone()).or_insert(next));
        refs.push(targets);
    }
    drop(own);

    let mut count = usize::MAX;
    let mut groups: FxHashMap<(u32, Vec<u32>), u32> = map_with_capacity(n);
    loop {
        groups.clear();
        let next: Vec<u32> = (0..n)
            .map(|id| {
                let key = (class[id], refs[id].iter().map(|&t| class.get(t).map_or(u32::MAX, |&c| c)).collect());
                let fresh = groups.len() as u32;
                *groups.entry(key).or_insert(fresh)
            })
            .collect();
        class = next;
        // Each round only splits groups, so an unchanged count is an unchanged grouping.
        if groups.len() == count {
            break;
        }
        count = groups.len();
    }

    // The type each group is written as: the shortest name, then the first in name order and
    // module path, so that the choice does not depend on the order of files.
    let mut defined: FxHashMap<u32, TypeId> = map_with_capacity(count);
    let key = |id: TypeId| {
        let ident = names[id].ident.to_string();
        (ident.len(), ident, names[id].module.iter().map(ToString::to_string).collect::<Vec<_>>(), id)
    };
    let mut keys: Vec<_> = (0..n).filter(|&id| schema.is_included(id)).map(|id| (key(id), id)).collect();
    keys.sort_unstable();
    for (_, id) in keys {
        defined.entry(class[id]).or_insert(id);
    }
    (0..n)
        .map(|id| match defined.get(&class[id]) {
            Some(&first) if first != id && schema.is_included(id) => Some(first),
            _ => None,
        })
        .collect()
}

/// Writes what `def` holds itself into `text` and the types it refers to into `targets`;
/// `false` for what is never shared (aliases, unsupported declarations).
fn describe(def: &TypeDef, names: &TypeNames, text: &mut String, targets: &mut Vec<TypeId>) -> bool {
    let _ = write!(text, "{:?}|{:?}|", def.deprecated, names.derives);
    match (&def.kind, &names.members) {
        (TypeKind::Struct(s), Members::Struct { fields, unknown }) => {
            let _ = write!(text, "struct|{unknown}|{:?}|", s.additional);
            for (field, ident) in s.fields.iter().zip(fields) {
                let _ = write!(
                    text,
                    "{ident}|{:?}|{:?}|{}|{:?}|{:?}|",
                    field.wire_name, field.presence, field.nullable, field.docs.lines, field.deprecated
                );
                type_ref(&field.ty, text, targets);
            }
        }
        (TypeKind::Enum(e), Members::Enum { values, variants, catch_all }) => {
            let _ = write!(text, "enum|{catch_all}|{}|", e.open);
            for (&value, ident) in values.iter().zip(variants) {
                let value = &e.values[value];
                let _ = write!(text, "{ident}|{:?}|{:?}|{:?}|", value.value, value.docs.lines, value.deprecated);
            }
        }
        (TypeKind::Union(u), Members::Union { variants }) => {
            text.push_str("union|");
            for (variant, ident) in u.variants.iter().zip(variants) {
                let _ = write!(text, "{ident}|");
                type_ref(&variant.ty, text, targets);
            }
        }
        _ => return false,
    }
    true
}

fn type_ref(ty: &TypeRef, text: &mut String, targets: &mut Vec<TypeId>) {
    match ty {
        TypeRef::Scalar(s) => {
            let _ = write!(text, "{s:?}");
        }
        TypeRef::Literal(l) => {
            let _ = write!(text, "{l:?}");
        }
        TypeRef::List(inner) => {
            text.push('[');
            type_ref(inner, text, targets);
            text.push(']');
        }
        TypeRef::Map(inner) => {
            text.push('{');
            type_ref(inner, text, targets);
            text.push('}');
        }
        TypeRef::Nullable(inner) => {
            text.push('?');
            type_ref(inner, text, targets);
        }
        TypeRef::Named(named) => {
            text.push_str(if named.boxed { "@box" } else { "@" });
            // An unresolved reference was reported; it is written as a JSON value.
            targets.push(named.target.unwrap_or(usize::MAX));
        }
        TypeRef::Unsupported(u) => {
            let _ = write!(text, "!{}", u.construct);
        }
    }
    text.push('|');
}
