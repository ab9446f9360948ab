//! Which types are generated: the requested roots and everything they reach, or, without
//! roots, every type that can be generated. A needed declaration that cannot be generated is
//! an error naming what it is and which type needs it.

use std::collections::{HashMap, VecDeque};

use crate::config::{is_within, Config};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{Location, Schema, TypeId, TypeKind};

use super::index::Index;
use super::{for_each_use, Roots, Use};

/// The types to start generating from, or `None` when every type is wanted: the roots given
/// to the macro (or the command line) and those of every `llm-usage.toml`. A file's `roots`
/// limit its own folder: without roots from the macro, types outside every such folder are
/// all generated, as without any roots.
pub fn root_ids(
    index: &Index,
    schema: &Schema,
    roots: &Roots<'_>,
    configs: &[Config],
    diags: &mut Diagnostics,
) -> Option<Vec<TypeId>> {
    let scoped: Vec<&Config> = configs.iter().filter(|c| !c.roots.is_empty()).collect();
    if roots.names.is_none() && scoped.is_empty() {
        return None;
    }
    let mut ids = Vec::new();
    for root in roots.names.unwrap_or_default() {
        ids.extend(lookup(index, schema, "", root, &roots.loc, diags));
    }
    for config in &scoped {
        for root in &config.roots {
            ids.extend(lookup(index, schema, &config.dir, &root.value, &root.loc, diags));
        }
    }
    if roots.names.is_none() {
        let outside = |dir: &str| !scoped.iter().any(|c| is_within(dir, &c.dir));
        ids.extend((0..schema.types.len()).filter(|&id| {
            outside(&schema.types[id].dir) && !matches!(schema.types[id].kind, TypeKind::Unsupported(_))
        }));
    }
    Some(ids)
}

/// The type a roots entry names, relative to folder `base`.
fn lookup(
    index: &Index,
    schema: &Schema,
    base: &str,
    root: &str,
    loc: &Location,
    diags: &mut Diagnostics,
) -> Option<TypeId> {
    let segments: Vec<&str> = root.split("::").flat_map(|s| s.split('/')).map(str::trim).collect();
    let leaves = root.starts_with('/') || segments.contains(&"..");
    if leaves || segments.iter().any(|s| s.is_empty() || *s == ".") {
        let what = if leaves { "leaves the schema folder" } else { "is not a path inside the schema folder" };
        diags.push(
            Diagnostic::new(loc.clone(), format!("roots entry `{root}` {what}"))
                .with_note("name a type by its module path inside the folder, e.g. `google::UsageMetadata`"),
        );
        return None;
    }
    let (name, dirs) = segments.split_last()?;
    let mut dir = base.to_owned();
    for segment in dirs {
        if !dir.is_empty() {
            dir.push('/');
        }
        dir.push_str(segment);
    }
    match index.get(&dir, name) {
        Some(id) if matches!(schema.types[id].kind, TypeKind::Unsupported(_)) => {
            let TypeKind::Unsupported(u) = &schema.types[id].kind else { return None };
            // A declaration that does not parse: what is wrong with it, too.
            schema.types[id].diagnostics.iter().for_each(|d| diags.push(d.clone()));
            diags.push(
                Diagnostic::new(u.loc.clone(), format!("root `{root}` is {}, which cannot be generated", u.construct))
                    .with_note("choose roots that are objects, enums, unions or aliases"),
            );
            None
        }
        Some(id) => Some(id),
        None => {
            diags.push(
                Diagnostic::new(loc.clone(), format!("roots entry `{root}` names no type in the schema folder")).with_note(
                    "a root is a type's name, after its folders as modules: `google::UsageMetadata`; in an `llm-usage.toml`, relative to its folder",
                ),
            );
            None
        }
    }
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
