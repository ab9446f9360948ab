//! Which traits each generated type derives beyond `Debug`, `Clone` and `PartialEq`:
//! `Default` where every field allows it, `Eq` and `Hash` where no `f64` is held, and the
//! extra derives the user asked for in `llm-usage.toml`, which are checked here so that an
//! impossible request is a diagnostic at the request, not a rustc error in generated code.

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{Field, Literal, Presence, Scalar, Schema, TypeId, TypeKind, TypeRef};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Derives {
    pub default: bool,
    /// `Eq` and `Hash` go together: every type that has one can have the other.
    pub eq_hash: bool,
    /// `PartialOrd` and `Ord`, on request (string and integer enums only).
    pub partial_ord: bool,
    pub ord: bool,
}

/// Reports what [`decide`] reports: only derives the user asked for can be impossible.
pub fn check(schema: &Schema, diags: &mut Diagnostics) {
    if !schema.requests.derives.is_empty() {
        decide(schema, diags);
    }
}

pub fn decide(schema: &Schema, diags: &mut Diagnostics) -> Vec<Derives> {
    let defaults = fixpoint(
        schema,
        |types, field, state| {
            field.presence == Presence::Optional || field.nullable || default_of(types, &field.ty, state)
        },
        |kind| matches!(kind, TypeKind::Struct(_)),
    );
    let eq = eq_fixpoint(schema);
    let mut derives: Vec<Derives> = (0..schema.types.len())
        .map(|id| Derives { default: defaults[id], eq_hash: eq[id], partial_ord: false, ord: false })
        .collect();
    for (&id, requested) in &schema.requests.derives {
        let def = &schema.types[id];
        for request in requested {
            match request.value.as_str() {
                "Eq" | "Hash" if !eq[id] => {
                    let why = not_eq_reason(schema, id, &eq).unwrap_or_default();
                    diags.push(
                        Diagnostic::new(request.loc.clone(), format!("`{}` cannot derive `{}`{why}", def.name, request.value))
                            .with_note("`f64` has no `Eq` or `Hash`; give the counts an integer type in `llm-usage.toml` (`type = \"u64\"`, or a `[numbers]` glob)"),
                    );
                }
                "PartialOrd" | "Ord" => {
                    let orderable = matches!(&def.kind, TypeKind::Enum(e)
                        if e.values.iter().all(|v| matches!(v.value, Literal::Str(_)))
                            || e.values.iter().all(|v| matches!(v.value, Literal::Int(_))));
                    if orderable {
                        derives[id].partial_ord = true;
                        derives[id].ord |= request.value == "Ord";
                    } else {
                        diags.push(
                            Diagnostic::new(request.loc.clone(), format!("`{}` cannot derive `{}`", def.name, request.value))
                                .with_note("only enums of strings or of integers can be ordered: objects keep unknown fields as JSON values, and JSON values have no order"),
                        );
                    }
                }
                _ => {}
            }
        }
        if derives[id].ord && !derives[id].eq_hash {
            derives[id].ord = false;
        }
    }
    derives
}

/// The greatest fixpoint of "every field allows it" over the types `start` admits: types in a
/// cycle get the trait unless something on the cycle refuses it.
fn fixpoint(
    schema: &Schema,
    field_ok: impl Fn(&Schema, &Field, &[bool]) -> bool,
    start: impl Fn(&TypeKind) -> bool,
) -> Vec<bool> {
    let mut state: Vec<bool> = schema.types.iter().map(|t| start(&t.kind)).collect();
    loop {
        let mut changed = false;
        for (id, def) in schema.types.iter().enumerate() {
            if let TypeKind::Struct(s) = &def.kind {
                if state[id] && !s.fields.iter().all(|f| field_ok(schema, f, &state)) {
                    state[id] = false;
                    changed = true;
                }
            }
        }
        if !changed {
            return state;
        }
    }
}

/// Whether the Rust type of `ty` implements `Default`.
fn default_of(schema: &Schema, ty: &TypeRef, state: &[bool]) -> bool {
    match ty {
        TypeRef::Scalar(_) | TypeRef::Literal(_) | TypeRef::List(_) | TypeRef::Map(_) | TypeRef::Nullable(_) => true,
        TypeRef::Unsupported(_) => false,
        TypeRef::Named(named) => match named.target.filter(|&t| t < schema.types.len()) {
            None => true,
            // A boxed reference closes a cycle: its `Default` would recurse forever.
            Some(_) if named.boxed => false,
            Some(t) => matches!(schema.types[t].kind, TypeKind::Struct(_)) && state[t],
        },
    }
}

/// `Eq` and `Hash` for every type that holds no `f64`, through fields, variants and aliases.
fn eq_fixpoint(schema: &Schema) -> Vec<bool> {
    let mut state: Vec<bool> = schema.types.iter().map(|t| !matches!(t.kind, TypeKind::Unsupported(_))).collect();
    loop {
        let mut changed = false;
        for (id, def) in schema.types.iter().enumerate() {
            if !state[id] {
                continue;
            }
            let ok = match &def.kind {
                TypeKind::Struct(s) => s.fields.iter().all(|f| eq_of(&f.ty, &state)),
                TypeKind::Union(u) => u.variants.iter().all(|v| eq_of(&v.ty, &state)),
                TypeKind::Alias(target) => eq_of(target, &state),
                TypeKind::Enum(_) => true,
                TypeKind::Unsupported(_) => false,
            };
            if !ok {
                state[id] = false;
                changed = true;
            }
        }
        if !changed {
            return state;
        }
    }
}

fn eq_of(ty: &TypeRef, state: &[bool]) -> bool {
    match ty {
        TypeRef::Scalar(Scalar::Float) => false,
        TypeRef::Scalar(_) | TypeRef::Literal(_) => true,
        TypeRef::List(inner) | TypeRef::Map(inner) | TypeRef::Nullable(inner) => eq_of(inner, state),
        TypeRef::Named(named) => named.target.is_none_or(|t| state.get(t).copied().unwrap_or(false)),
        TypeRef::Unsupported(_) => false,
    }
}

/// Why type `id` has no `Eq`: `: field `x` is a float (`f64`)`.
fn not_eq_reason(schema: &Schema, id: TypeId, eq: &[bool]) -> Option<String> {
    let def = &schema.types[id];
    let describe = |ty: &TypeRef| -> String {
        fn leaf(ty: &TypeRef) -> &TypeRef {
            match ty {
                TypeRef::List(inner) | TypeRef::Map(inner) | TypeRef::Nullable(inner) => leaf(inner),
                other => other,
            }
        }
        match leaf(ty) {
            TypeRef::Named(named) => format!("holds `{}`, which has no `Eq`", named.name),
            _ => "is a float (`f64`)".to_owned(),
        }
    };
    match &def.kind {
        TypeKind::Struct(s) => s
            .fields
            .iter()
            .find(|f| !eq_of(&f.ty, eq))
            .map(|f| format!(": field `{}` {}", f.wire_name, describe(&f.ty))),
        TypeKind::Union(u) => {
            u.variants.iter().find(|v| !eq_of(&v.ty, eq)).map(|v| format!(": a variant {}", describe(&v.ty)))
        }
        TypeKind::Alias(target) => Some(format!(": it {}", describe(target))),
        _ => None,
    }
}
