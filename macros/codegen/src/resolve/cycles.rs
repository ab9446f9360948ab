//! Cycles between types: boxed where a Rust type would otherwise have infinite size, and an
//! error where no finite JSON value could satisfy the doc at all.

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{Presence, Schema, TypeDef, TypeId, TypeKind, TypeRef};

/// Marks every reference that closes a cycle of by-value containment as boxed, and reports
/// cycles made only of required, non-nullable fields.
pub fn mark(schema: &mut Schema, diags: &mut Diagnostics) {
    let n = schema.types.len();
    let inline = graph(&schema.types, |_, _| true);
    let inline_scc = components(&inline);
    for (id, ty) in schema.types.iter_mut().enumerate() {
        let mut in_cycle =
            |target: TypeId| inline_scc[target] == inline_scc[id] && (target != id || inline[id].contains(&id));
        match &mut ty.kind {
            TypeKind::Struct(def) => def.fields.iter_mut().for_each(|f| box_inline(&mut f.ty, &mut in_cycle)),
            TypeKind::Union(def) => def.variants.iter_mut().for_each(|v| box_inline(&mut v.ty, &mut in_cycle)),
            TypeKind::Alias(target) => box_inline(target, &mut in_cycle),
            TypeKind::Enum(_) | TypeKind::Unsupported(_) => {}
        }
    }

    // Required, non-nullable object fields that lead back to where they started.
    let required = graph(&schema.types, |presence, nullable| presence == Presence::Required && !nullable);
    let required_scc = components(&required);
    let mut reported = vec![false; n];
    for id in 0..n {
        let comp = required_scc[id];
        let cyclic = required[id].iter().any(|&t| required_scc[t] == comp);
        // A cycle among types nobody generates does not matter (with roots).
        if !cyclic || reported[comp] || !schema.is_included(id) {
            continue;
        }
        reported[comp] = true;
        let members: Vec<String> =
            (0..n).filter(|&t| required_scc[t] == comp).map(|t| format!("`{}`", schema.types[t].name)).collect();
        let ty = &schema.types[id];
        diags.push(
            Diagnostic::new(
                ty.loc.clone(),
                format!("`{}` contains itself: required fields form a cycle through {}", ty.name, members.join(", ")),
            )
            .with_note(
                "no finite JSON value can satisfy it; one field on the cycle must be optional, nullable or a list",
            ),
        );
    }
}

/// Adjacency lists of every type, one after the other: no allocation per type.
struct Graph {
    /// `targets[ends[id - 1]..ends[id]]` are the targets of `id`.
    ends: Vec<usize>,
    targets: Vec<TypeId>,
}

impl std::ops::Index<TypeId> for Graph {
    type Output = [TypeId];

    fn index(&self, id: TypeId) -> &[TypeId] {
        let start = if id == 0 { 0 } else { self.ends[id - 1] };
        &self.targets[start..self.ends[id]]
    }
}

/// For each type, the types it holds by value (not behind a list or a map), through the
/// struct fields accepted by `keep(presence, nullable)`. Union variants count only when every
/// field does: a union value needs just one of its variants, so it never forces a cycle.
fn graph(types: &[TypeDef], keep: impl Fn(Presence, bool) -> bool) -> Graph {
    let all = keep(Presence::Optional, true);
    let mut graph = Graph { ends: Vec::with_capacity(types.len()), targets: Vec::new() };
    for ty in types {
        let start = graph.targets.len();
        let out = &mut graph.targets;
        match &ty.kind {
            TypeKind::Struct(def) => {
                for field in def.fields.iter().filter(|f| keep(f.presence, f.nullable)) {
                    inline_targets(&field.ty, all, out);
                }
            }
            TypeKind::Union(def) if all => def.variants.iter().for_each(|v| inline_targets(&v.ty, all, out)),
            // An alias is its target: it holds whatever the target holds.
            TypeKind::Alias(target) => inline_targets(target, all, out),
            TypeKind::Union(_) | TypeKind::Enum(_) | TypeKind::Unsupported(_) => {}
        }
        let mine = &mut out[start..];
        mine.sort_unstable();
        let kept = dedup_sorted(mine);
        out.truncate(start + kept);
        graph.ends.push(out.len());
    }
    graph
}

/// Moves the distinct values of sorted `values` to its front; returns how many there are.
fn dedup_sorted(values: &mut [TypeId]) -> usize {
    let mut kept = 0;
    for i in 0..values.len() {
        if kept == 0 || values[i] != values[kept - 1] {
            values[kept] = values[i];
            kept += 1;
        }
    }
    kept
}

/// Targets held by value; `through_nullable` says whether a nullable element still counts.
fn inline_targets(ty: &TypeRef, through_nullable: bool, out: &mut Vec<TypeId>) {
    match ty {
        TypeRef::Named(named) => out.extend(named.target),
        TypeRef::Nullable(inner) if through_nullable => inline_targets(inner, through_nullable, out),
        _ => {}
    }
}

fn box_inline(ty: &mut TypeRef, in_cycle: &mut impl FnMut(TypeId) -> bool) {
    match ty {
        TypeRef::Named(named) => {
            if let Some(target) = named.target {
                named.boxed = in_cycle(target);
            }
        }
        TypeRef::Nullable(inner) => box_inline(inner, in_cycle),
        _ => {}
    }
}

/// Strongly connected components (Tarjan's algorithm, iterative so that long chains of
/// types cannot overflow the stack). Returns a component number per node.
fn components(adj: &Graph) -> Vec<usize> {
    let n = adj.ends.len();
    const UNSEEN: usize = usize::MAX;
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut comp = vec![UNSEEN; n];
    let mut stack = Vec::new();
    // (node, position in its adjacency list)
    let mut work: Vec<(usize, usize)> = Vec::new();
    let mut next_index = 0;
    let mut next_comp = 0;
    for start in 0..n {
        if index[start] != UNSEEN {
            continue;
        }
        work.push((start, 0));
        while let Some(&mut (node, ref mut pos)) = work.last_mut() {
            if *pos == 0 && index[node] == UNSEEN {
                index[node] = next_index;
                low[node] = next_index;
                next_index += 1;
                stack.push(node);
                on_stack[node] = true;
            }
            if let Some(&next) = adj[node].get(*pos) {
                *pos += 1;
                if index[next] == UNSEEN {
                    work.push((next, 0));
                } else if on_stack[next] {
                    low[node] = low[node].min(index[next]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[node]);
            }
            if low[node] == index[node] {
                while let Some(member) = stack.pop() {
                    on_stack[member] = false;
                    comp[member] = next_comp;
                    if member == node {
                        break;
                    }
                }
                next_comp += 1;
            }
        }
    }
    comp
}

#[cfg(test)]
mod tests {
    use super::{components, Graph};

    fn graph(lists: &[Vec<usize>]) -> Graph {
        let mut graph = Graph { ends: Vec::new(), targets: Vec::new() };
        for list in lists {
            graph.targets.extend(list);
            graph.ends.push(graph.targets.len());
        }
        graph
    }

    #[test]
    fn components_group_cycles_and_separate_the_rest() {
        // 0 → 1 → 2 → 0, 2 → 3, 4 alone
        let adj = vec![vec![1], vec![2], vec![0, 3], vec![], vec![]];
        let comp = components(&graph(&adj));
        assert_eq!(comp[0], comp[1]);
        assert_eq!(comp[1], comp[2]);
        assert_ne!(comp[2], comp[3]);
        assert_ne!(comp[3], comp[4]);
    }

    #[test]
    fn long_chains_do_not_overflow_the_stack() {
        let n = 200_000;
        let adj: Vec<Vec<usize>> = (0..n).map(|i| vec![(i + 1) % n]).collect();
        let comp = components(&graph(&adj));
        assert!(comp.iter().all(|&c| c == comp[0]));
    }
}
