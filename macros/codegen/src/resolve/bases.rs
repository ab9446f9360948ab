//! `extends`: a struct gets the fields of its bases, base fields first; a field it declares
//! itself replaces a base field of the same name.

use super::held::Held;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{Field, Schema, TypeId, TypeKind};

/// Problems (a base that is not an object, a chain extending itself) are held as problems of
/// the type whose fields were being merged.
pub fn merge(schema: &mut Schema, held: &mut Held) {
    let merged: Vec<Option<Vec<Field>>> = (0..schema.types.len())
        .map(|id| {
            let has_bases = matches!(&schema.types[id].kind, TypeKind::Struct(s) if !s.bases.is_empty());
            has_bases.then(|| {
                let mut found = Diagnostics::new();
                let fields = all_fields(schema, id, &mut Vec::new(), &mut found);
                held.extend(id, found);
                fields
            })
        })
        .collect();
    for (id, fields) in merged.into_iter().enumerate() {
        if let (Some(fields), TypeKind::Struct(s)) = (fields, &mut schema.types[id].kind) {
            s.fields = fields;
        }
    }
}

/// The fields of `id` with those of its bases, following `extends` depth-first.
fn all_fields(schema: &Schema, id: TypeId, path: &mut Vec<TypeId>, diags: &mut Diagnostics) -> Vec<Field> {
    let TypeKind::Struct(def) = &schema.types[id].kind else { return Vec::new() };
    if path.contains(&id) {
        let ty = &schema.types[id];
        diags.push(
            Diagnostic::new(ty.loc.clone(), format!("`{}` extends itself", ty.name))
                .with_note("an `extends` chain must end in a type that extends nothing"),
        );
        return Vec::new();
    }
    path.push(id);
    let mut fields: Vec<Field> = Vec::new();
    for base in &def.bases {
        let Some(target) = base.target else { continue };
        if !matches!(schema.types[target].kind, TypeKind::Struct(_)) {
            diags.push(
                Diagnostic::new(
                    base.loc.clone(),
                    format!("`{}` extends `{}`, which is not an object type", schema.types[id].name, base.name),
                )
                .with_note("only interfaces and object types can be extended"),
            );
            continue;
        }
        for field in all_fields(schema, target, path, diags) {
            fields.retain(|f| f.name != field.name);
            fields.push(field);
        }
    }
    path.pop();
    for field in &def.fields {
        fields.retain(|f| f.name != field.name);
        fields.push(field.clone());
    }
    fields
}
