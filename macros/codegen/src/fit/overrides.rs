//! The smallest set of overrides that fits the payloads: at most one `presence` and one `type`
//! per field, and only for fields some payload disagrees with.
//!
//! Presence only ever relaxes what the doc (with the overrides already in `llm-usage.toml`)
//! says: a field absent anywhere becomes optional, a field `null` anywhere becomes nullable
//! (unless its type reads `null` itself and it stays required), and what the doc already allows
//! stays allowed, so a nullable field the payloads never sent `null` in stays nullable.
//!
//! A number type is changed only when the field's current type fails to read, or fails to
//! write back, a number seen in it; the new type is the first, in the order `i64`, `u64`, `f64`
//! (`u64` first for a `u32` field), that reads and keeps every number seen in the field. When
//! none does, `f64` (which reads every number) is chosen if the current type does not read them
//! all, and what it still loses is reported as beyond any override.

use std::collections::BTreeMap;

use super::check::{accepts_null, judge, number_scalar, FieldKey, FieldObs, Num};
use crate::config::{NumberType, PresenceOverride};
use crate::model::{Field, Location, Presence, Scalar, Schema, TypeId, TypeKind};

/// One `[types.X.fields.y]` section of the result.
#[derive(Debug, Clone, PartialEq)]
pub struct Override {
    pub type_id: TypeId,
    /// The field's index in the type's fields.
    pub field_index: usize,
    /// The type as `[types.X]` names it from the schema folder's root: folders and
    /// namespaces, then the name, `.`-separated (`src.resources.messages.Usage`).
    pub type_key: String,
    /// The type's name as the doc writes it.
    pub type_name: String,
    /// The field as `[types.X.fields.y]` names it: its wire name.
    pub field_key: String,
    /// The field's name as the doc writes it (an existing section may use it as the key).
    pub field_name: String,
    /// Where the field is declared.
    pub loc: Location,
    pub presence: Option<PresenceChange>,
    pub number: Option<NumberChange>,
}

/// A field's presence: what the doc (with the existing overrides) says, what the payloads need,
/// and the evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PresenceChange {
    pub from: PresenceOverride,
    pub to: PresenceOverride,
    /// How many times the field's object was read, and in how many of them the key was
    /// missing, or `null`.
    pub reads: usize,
    pub absent: usize,
    pub null: usize,
}

/// A field's number type: the current one, the one every number seen needs, and the evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberChange {
    pub from: NumberType,
    pub to: NumberType,
    /// Why: the numbers the current type does not read or keep, as written (at most a few).
    pub seen: Vec<String>,
}

/// The text of a presence state in `llm-usage.toml`.
pub fn presence_text(p: PresenceOverride) -> &'static str {
    match p {
        PresenceOverride::Required => "required",
        PresenceOverride::RequiredNullable => "required-nullable",
        PresenceOverride::Optional => "optional",
        PresenceOverride::OptionalNullable => "optional-nullable",
    }
}

fn presence_of(optional: bool, nullable: bool) -> PresenceOverride {
    match (optional, nullable) {
        (false, false) => PresenceOverride::Required,
        (false, true) => PresenceOverride::RequiredNullable,
        (true, false) => PresenceOverride::Optional,
        (true, true) => PresenceOverride::OptionalNullable,
    }
}

fn number_type(s: Scalar) -> NumberType {
    match s {
        Scalar::Integer => NumberType::I64,
        Scalar::Unsigned => NumberType::U64,
        Scalar::Unsigned32 => NumberType::U32,
        _ => NumberType::F64,
    }
}

pub(crate) fn scalar_of(n: NumberType) -> Scalar {
    match n {
        NumberType::I64 => Scalar::Integer,
        NumberType::U64 => Scalar::Unsigned,
        NumberType::U32 => Scalar::Unsigned32,
        NumberType::F64 => Scalar::Float,
    }
}

/// The `[types.X]` key of a type, relative to the schema folder's root.
pub fn type_key(schema: &Schema, id: TypeId) -> String {
    let def = &schema.types[id];
    let mut segments: Vec<&str> = def.dir.split('/').filter(|s| !s.is_empty()).collect();
    segments.push(&def.name);
    segments.join(".")
}

/// The overrides the observations call for, in the schema's order of types and fields.
pub(crate) fn derive(schema: &Schema, fields: &BTreeMap<FieldKey, FieldObs>) -> Vec<Override> {
    let mut out = Vec::new();
    for (&(id, index), obs) in fields {
        let TypeKind::Struct(def) = &schema.types[id].kind else { continue };
        let Some(field) = def.fields.get(index) else { continue };
        let presence = presence_change(schema, field, obs);
        let number = number_change(field, obs);
        if presence.is_none() && number.is_none() {
            continue;
        }
        out.push(Override {
            type_id: id,
            field_index: index,
            type_key: type_key(schema, id),
            type_name: schema.types[id].name.clone(),
            field_key: field.wire_name.clone(),
            field_name: field.name.clone(),
            loc: field.loc.clone(),
            presence,
            number: number.map(|(from, to, seen)| NumberChange {
                from: number_type(from),
                to: number_type(to),
                seen: seen.iter().take(3).map(|n| n.text()).collect(),
            }),
        });
    }
    out
}

fn presence_change(schema: &Schema, field: &Field, obs: &FieldObs) -> Option<PresenceChange> {
    let optional = field.presence == Presence::Optional;
    let new_optional = optional || obs.absent > 0;
    // `null` is kept by a nullable field; a required field whose type reads `null` keeps it too.
    let new_nullable = field.nullable || (obs.null > 0 && (new_optional || !accepts_null(schema, &field.ty)));
    if (new_optional, new_nullable) == (optional, field.nullable) {
        return None;
    }
    Some(PresenceChange {
        from: presence_of(optional, field.nullable),
        to: presence_of(new_optional, new_nullable),
        reads: obs.reads,
        absent: obs.absent,
        null: obs.null,
    })
}

/// The number type a field needs: `(current, new, the numbers the current type fails on)`.
fn number_change(field: &Field, obs: &FieldObs) -> Option<(Scalar, Scalar, Vec<Num>)> {
    let current = number_scalar(&field.ty)?;
    let to = number_choice(current, &obs.numbers)?;
    let mut failing: Vec<Num> = Vec::new();
    for &n in &obs.numbers {
        if judge(current, n) != (true, true) && !failing.contains(&n) {
            failing.push(n);
        }
    }
    Some((current, to, failing))
}

/// The number type a field of type `current` needs for `numbers`, or `None` to keep it.
pub(crate) fn number_choice(current: Scalar, numbers: &[Num]) -> Option<Scalar> {
    let all = |s: Scalar, both: bool| {
        numbers.iter().all(|&n| {
            let (reads, kept) = judge(s, n);
            reads && (kept || !both)
        })
    };
    if all(current, true) {
        return None;
    }
    let order: &[Scalar] = if current == Scalar::Unsigned32 {
        &[Scalar::Unsigned, Scalar::Integer, Scalar::Float]
    } else {
        &[Scalar::Integer, Scalar::Unsigned, Scalar::Float]
    };
    let candidates: Vec<Scalar> = order.iter().copied().filter(|&s| s != current).collect();
    if let Some(&s) = candidates.iter().find(|&&s| all(s, true)) {
        return Some(s);
    }
    if all(current, false) {
        return None;
    }
    candidates.into_iter().find(|&s| all(s, false))
}

/// The number type the field `key` has once `overrides` apply.
pub(crate) fn number_after(schema: &Schema, overrides: &[Override], key: FieldKey) -> Option<Scalar> {
    if let Some(change) = overrides.iter().find(|o| (o.type_id, o.field_index) == key) {
        if let Some(number) = &change.number {
            return Some(scalar_of(number.to));
        }
    }
    let TypeKind::Struct(def) = &schema.types[key.0].kind else { return None };
    number_scalar(&def.fields.get(key.1)?.ty)
}

/// The comment beside an override: what the field was and what the payloads showed.
pub(crate) fn presence_note(change: &PresenceChange) -> String {
    let mut seen = Vec::new();
    if change.absent > 0 {
        seen.push(format!("absent in {} of {}", change.absent, change.reads));
    }
    if change.null > 0 {
        seen.push(format!("null in {} of {}", change.null, change.reads));
    }
    format!("was {}; {}", presence_text(change.from), seen.join(", "))
}

pub(crate) fn number_note(change: &NumberChange) -> String {
    format!("was {}; seen: {}", change.from.as_str(), change.seen.join(", "))
}
