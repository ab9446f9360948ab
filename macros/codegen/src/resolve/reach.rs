//! Which types are generated: the requested roots and everything they reach, or, without
//! roots, every type that can be generated. A needed declaration that cannot be generated is
//! an error naming what it is and which type needs it.

use std::collections::{HashMap, VecDeque};

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{Location, Schema, TypeId, TypeKind};

use super::index::Index;
use super::{for_each_use, Roots, Use};

/// The types the roots name, or `None` when every type is wanted.
pub fn root_ids(index: &Index, schema: &Schema, roots: &Roots<'_>, diags: &mut Diagnostics) -> Option<Vec<TypeId>> {
    let names = roots.names?;
    let mut ids = Vec::new();
    for root in names {
        let segments: Vec<&str> = root.split("::").flat_map(|s| s.split('/')).map(str::trim).collect();
        let leaves = root.starts_with('/') || segments.contains(&"..");
        if leaves || segments.iter().any(|s| s.is_empty() || *s == ".") {
            let what = if leaves { "leaves the schema folder" } else { "is not a path inside the schema folder" };
            diags.push(
                Diagnostic::new(roots.loc.clone(), format!("roots entry `{root}` {what}"))
                    .with_note("name a type by its module path inside the folder, e.g. `google::UsageMetadata`"),
            );
            continue;
        }
        let Some((name, dirs)) = segments.split_last() else { continue };
        match index.get(&dirs.join("/"), name) {
            Some(id) if matches!(schema.types[id].kind, TypeKind::Unsupported(_)) => {
                let TypeKind::Unsupported(u) = &schema.types[id].kind else { continue };
                // A declaration that does not parse: what is wrong with it, too.
                schema.types[id].diagnostics.iter().for_each(|d| diags.push(d.clone()));
                diags.push(
                    Diagnostic::new(
                        u.loc.clone(),
                        format!("root `{root}` is {}, which cannot be generated", u.construct),
                    )
                    .with_note("choose roots that are objects, enums, unions or aliases"),
                );
            }
            Some(id) => ids.push(id),
            None => diags.push(
                Diagnostic::new(roots.loc.clone(), format!("roots entry `{root}` names no type in the schema folder"))
                    .with_note("a root is a type's name, after its folders as modules: `google::UsageMetadata`"),
            ),
        }
    }
    Some(ids)
}

/// Sets [`Schema::included`] and reports needed declarations that cannot be generated.
/// Returns the places of unresolved references inside included types, with the name of the
/// type that holds each: those are errors.
pub fn mark_included(
    schema: &mut Schema,
    roots: Option<&[TypeId]>,
    diags: &mut Diagnostics,
) -> HashMap<Location, String> {
    let n = schema.types.len();
    let mut included = vec![false; n];
    let mut queue: VecDeque<TypeId> = match roots {
        Some(roots) => roots.iter().copied().collect(),
        None => (0..n).filter(|&id| !matches!(schema.types[id].kind, TypeKind::Unsupported(_))).collect(),
    };
    let mut unresolved = HashMap::new();
    while let Some(id) = queue.pop_front() {
        if included[id] {
            continue;
        }
        included[id] = true;
        let ty = &schema.types[id];
        for_each_use(ty, &mut |used| match used {
            Use::Named(named) => match named.target {
                None => {
                    unresolved.insert(named.loc.clone(), ty.name.clone());
                }
                Some(target) => match &schema.types[target].kind {
                    TypeKind::Unsupported(u) => {
                        // A declaration that does not parse: what is wrong with it, too.
                        schema.types[target].diagnostics.iter().for_each(|d| diags.push(d.clone()));
                        diags.push(
                            Diagnostic::new(
                                named.loc.clone(),
                                format!(
                                    "`{}` is {}, which cannot be generated; `{}` needs it",
                                    named.name, u.construct, ty.name
                                ),
                            )
                            .with_note(format!(
                                "declared at {}; use `roots` to generate only types that do not need it",
                                u.loc
                            )),
                        );
                    }
                    _ => queue.push_back(target),
                },
            },
            Use::Unsupported(u) => diags.push(
                Diagnostic::new(u.loc.clone(), format!("{} cannot be generated; `{}` needs it", u.construct, ty.name))
                    .with_note("use `roots` to generate only types that do not need it"),
            ),
        });
    }
    schema.included = included;
    unresolved
}
