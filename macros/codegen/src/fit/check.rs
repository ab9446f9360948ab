//! The interpreter: reads a JSON value as the generated `Deserialize` would, against the
//! resolved model, and notes everything that would not come back unchanged from the generated
//! `Serialize`. Nothing is compiled; the rules are those of the emitter (`emit::{de, ser,
//! enum_, union}`) and the runtime it calls (`llm_usage::__private`):
//!
//! - objects: a documented key fills its field (the first field of a wire name; a later one of
//!   the same wire name is never filled), any other key is kept; a required field missing is
//!   serde's "missing field"; `null` reads per the field's presence state (`Option` takes it
//!   before the field's type sees it) and is written back as absent only for an optional,
//!   non-nullable field;
//! - integers (`i64`, `u64`, `u32`, from `next_int`) take JSON integers in range, never a JSON
//!   float, not even `12.0`; `f64` takes every number and writes a whole one as an integer;
//! - string enums take strings, integer enums integers in `i64` range, other enums any value;
//!   unknown values are kept;
//! - unions try their variants in order on the buffered value, the first that reads wins;
//! - literal types check the JSON type only (the generated field is a `String`, `i64`, `bool`).

use std::collections::BTreeMap;

use serde_json::{Number, Value};

use crate::model::{EnumDef, Literal, Location, Presence, Scalar, Schema, StructDef, TypeId, TypeKind, TypeRef};

/// A field of a struct: its type and its index in [`StructDef::fields`].
pub(crate) type FieldKey = (TypeId, usize);

/// What a disagreement does to a payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Effect {
    /// The generated `Deserialize` fails on the payload.
    Fails,
    /// The payload reads, but the generated `Serialize` writes back a different JSON value.
    Lossy,
}

/// What kind of override could cure a disagreement, before the overrides are derived.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Cure {
    /// A field's presence state.
    Presence,
    /// The number type of this field, if one reads and keeps this number.
    Number(FieldKey, Num),
    /// No override key reaches it.
    None,
}

/// One disagreement as the interpreter finds it.
#[derive(Debug, Clone)]
pub(crate) struct Raw {
    pub payload: usize,
    pub pointer: String,
    pub loc: Location,
    pub message: String,
    pub effect: Effect,
    pub cure: Cure,
}

/// What the payloads showed of one field, wherever its struct was read.
#[derive(Debug, Clone, Default)]
pub(crate) struct FieldObs {
    /// How many times its struct was read.
    pub reads: usize,
    pub absent: usize,
    pub null: usize,
    /// Every number read through the field's own type (elements of its lists and maps
    /// included, the fields of named types not).
    pub numbers: Vec<Num>,
}

/// A JSON number as serde_json holds it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Num {
    Pos(u64),
    Neg(i64),
    Float(f64),
}

impl Num {
    fn of(n: &Number) -> Num {
        if let Some(u) = n.as_u64() {
            Num::Pos(u)
        } else if let Some(i) = n.as_i64() {
            Num::Neg(i)
        } else {
            Num::Float(n.as_f64().unwrap_or(f64::NAN))
        }
    }

    /// What an `f64` field that read this number writes back.
    #[allow(clippy::cast_precision_loss)]
    fn as_f64_written(self) -> Num {
        match self {
            Num::Pos(u) => float_written(u as f64),
            Num::Neg(i) => float_written(i as f64),
            Num::Float(f) => float_written(f),
        }
    }

    pub(crate) fn text(self) -> String {
        match self {
            Num::Pos(u) => u.to_string(),
            Num::Neg(i) => i.to_string(),
            Num::Float(f) => Number::from_f64(f).map_or_else(|| f.to_string(), |n| n.to_string()),
        }
    }
}

/// 2^63 and 2^64, as the runtime's float writer bounds them.
const I64_LIMIT: f64 = 9_223_372_036_854_775_808.0;
const U64_LIMIT: f64 = 18_446_744_073_709_551_616.0;

/// What the generated code writes back for an `f64` holding `v`: as an integer when it is
/// whole (and not `-0.0`) and fits `i64` or `u64`, as a float otherwise.
fn float_written(v: f64) -> Num {
    let whole = v.is_finite() && v.fract() == 0.0 && !(v == 0.0 && v.is_sign_negative());
    if whole && (-I64_LIMIT..I64_LIMIT).contains(&v) {
        #[allow(clippy::cast_possible_truncation)]
        let i = v as i64;
        return if i < 0 { Num::Neg(i) } else { Num::Pos(i as u64) };
    }
    if whole && (0.0..U64_LIMIT).contains(&v) {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        return Num::Pos(v as u64);
    }
    Num::Float(v)
}

/// Whether a number field of type `s` reads `n`, and whether it writes back the same number.
pub(crate) fn judge(s: Scalar, n: Num) -> (bool, bool) {
    let reads = match (s, n) {
        (Scalar::Integer, Num::Pos(u)) => i64::try_from(u).is_ok(),
        (Scalar::Integer, Num::Neg(_)) => true,
        (Scalar::Unsigned, Num::Pos(_)) => true,
        (Scalar::Unsigned32, Num::Pos(u)) => u32::try_from(u).is_ok(),
        (Scalar::Float, _) => true,
        _ => false,
    };
    // A float read and written back as a float is the same float (serde_json writes the
    // shortest text that reads back to it).
    let kept = reads
        && match (s, n) {
            (Scalar::Float, Num::Float(_)) => matches!(n.as_f64_written(), Num::Float(_)),
            (Scalar::Float, _) => n.as_f64_written() == n,
            _ => true,
        };
    (reads, kept)
}

/// The Rust name of a number type.
pub(crate) fn number_name(s: Scalar) -> &'static str {
    match s {
        Scalar::Integer => "i64",
        Scalar::Unsigned => "u64",
        Scalar::Unsigned32 => "u32",
        _ => "f64",
    }
}

/// The number type a field's type holds (through lists, maps and nullable elements).
pub(crate) fn number_scalar(ty: &TypeRef) -> Option<Scalar> {
    match ty {
        TypeRef::Scalar(s @ (Scalar::Integer | Scalar::Unsigned | Scalar::Unsigned32 | Scalar::Float)) => Some(*s),
        TypeRef::List(inner) | TypeRef::Map(inner) | TypeRef::Nullable(inner) => number_scalar(inner),
        _ => None,
    }
}

/// Whether a value of type `ty` reads `null` (`serde_json::Value`, a nullable element, a union
/// with such a variant, an enum whose values are not all strings or all integers).
pub(crate) fn accepts_null(schema: &Schema, ty: &TypeRef) -> bool {
    probe(schema, ty, &Value::Null).is_ok()
}

/// Whether a value of `ty` reads `v`: `Err` with the first reason it does not.
fn probe(schema: &Schema, ty: &TypeRef, v: &Value) -> Result<(), String> {
    let mut walker = Walker::new(schema, false, 0);
    let ctx = Ctx { field: None, loc: Location::default(), what: "it".into() };
    walker.value(ty, v, &mut String::new(), &ctx);
    match walker.raws.into_iter().find(|r| r.effect == Effect::Fails) {
        None => Ok(()),
        Some(raw) if raw.pointer.is_empty() => Err(raw.message),
        Some(raw) => Err(format!("at {}: {}", raw.pointer, raw.message)),
    }
}

/// Where a value sits in the schema: the field it is read into (for observations and number
/// overrides), the place to show, and how messages name it.
#[derive(Clone)]
struct Ctx {
    field: Option<FieldKey>,
    loc: Location,
    what: String,
}

/// Walks one payload. `record` is off for the trial reads of union variants, which only ask
/// whether a value reads.
pub(crate) struct Walker<'s> {
    schema: &'s Schema,
    record: bool,
    payload: usize,
    pub raws: Vec<Raw>,
    pub fields: BTreeMap<FieldKey, FieldObs>,
}

impl<'s> Walker<'s> {
    pub fn new(schema: &'s Schema, record: bool, payload: usize) -> Self {
        Walker { schema, record, payload, raws: Vec::new(), fields: BTreeMap::new() }
    }

    /// Reads `v` as the type `id`, the payload's root.
    pub fn root(&mut self, id: TypeId, v: &Value) {
        let def = &self.schema.types[id];
        let ctx = Ctx { field: None, loc: def.loc.clone(), what: format!("`{}`", def.name) };
        self.named(id, v, &mut String::new(), &ctx);
    }

    /// Hands the observations of this payload to `into`.
    pub fn finish(self, raws: &mut Vec<Raw>, into: &mut BTreeMap<FieldKey, FieldObs>) {
        raws.extend(self.raws);
        for (key, obs) in self.fields {
            let all = into.entry(key).or_default();
            all.reads += obs.reads;
            all.absent += obs.absent;
            all.null += obs.null;
            all.numbers.extend(obs.numbers);
        }
    }

    fn push(&mut self, pointer: &str, ctx: &Ctx, effect: Effect, cure: Cure, message: String) {
        self.raws.push(Raw {
            payload: self.payload,
            pointer: pointer.to_owned(),
            loc: ctx.loc.clone(),
            message,
            effect,
            cure,
        });
    }

    /// A value of the wrong JSON type: reading fails, and no override changes the JSON type a
    /// field reads.
    fn mismatch(&mut self, v: &Value, expected: String, pointer: &str, ctx: &Ctx) {
        let message = format!("{}, but {} reads {expected}: reading fails", describe(v), ctx.what);
        self.push(pointer, ctx, Effect::Fails, Cure::None, message);
    }

    fn obs(&mut self, key: FieldKey) -> Option<&mut FieldObs> {
        self.record.then(|| self.fields.entry(key).or_default())
    }

    fn value(&mut self, ty: &TypeRef, v: &Value, pointer: &mut String, ctx: &Ctx) {
        match ty {
            TypeRef::Scalar(s) => self.scalar(*s, v, pointer, ctx),
            TypeRef::Literal(l) => {
                let reads = match l {
                    Literal::Str(_) => v.is_string(),
                    Literal::Int(_) => v.as_i64().is_some(),
                    Literal::Bool(_) => v.is_boolean(),
                };
                if !reads {
                    self.mismatch(v, expect(self.schema, ty), pointer, ctx);
                }
            }
            TypeRef::List(inner) => match v {
                Value::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        let len = pointer.len();
                        pointer.push('/');
                        pointer.push_str(&i.to_string());
                        self.value(inner, item, pointer, ctx);
                        pointer.truncate(len);
                    }
                }
                _ => self.mismatch(v, expect(self.schema, ty), pointer, ctx),
            },
            TypeRef::Map(inner) => match v {
                Value::Object(map) => {
                    for (key, item) in map {
                        let len = pointer.len();
                        push_key(pointer, key);
                        self.value(inner, item, pointer, ctx);
                        pointer.truncate(len);
                    }
                }
                _ => self.mismatch(v, expect(self.schema, ty), pointer, ctx),
            },
            // `Option<T>`: `null` is `None`, written back as `null`.
            TypeRef::Nullable(inner) => {
                if !v.is_null() {
                    self.value(inner, v, pointer, ctx);
                }
            }
            TypeRef::Named(named) => {
                if let Some(id) = named.target.filter(|&id| id < self.schema.types.len()) {
                    self.named(id, v, pointer, ctx);
                }
            }
            // Generated as `serde_json::Value` (and reported by the resolver where it matters).
            TypeRef::Unsupported(_) => {}
        }
    }

    fn scalar(&mut self, s: Scalar, v: &Value, pointer: &str, ctx: &Ctx) {
        let reads = match s {
            Scalar::String | Scalar::DateTime => v.is_string(),
            Scalar::Boolean => v.is_boolean(),
            Scalar::Any | Scalar::Bytes => true,
            Scalar::Integer | Scalar::Unsigned | Scalar::Unsigned32 | Scalar::Float => match v {
                Value::Number(n) => return self.number(s, Num::of(n), pointer, ctx),
                _ => false,
            },
        };
        if !reads {
            self.mismatch(v, expect(self.schema, &TypeRef::Scalar(s)), pointer, ctx);
        }
    }

    fn number(&mut self, s: Scalar, n: Num, pointer: &str, ctx: &Ctx) {
        if let Some(obs) = ctx.field.and_then(|key| self.obs(key)) {
            obs.numbers.push(n);
        }
        let (reads, kept) = judge(s, n);
        if reads && kept {
            return;
        }
        let (what, ty, text) = (&ctx.what, number_name(s), n.text());
        let message = match (s, n) {
            (Scalar::Float, Num::Float(_)) => format!(
                "`{text}` reads into {what} (f64), but a whole f64 is written back as an integer (`{}`): not lossless, and no number type keeps a whole float",
                n.as_f64_written().text()
            ),
            (Scalar::Float, _) => format!(
                "`{text}` reads into {what} (f64) as the nearest f64, written back as `{}`: not lossless",
                n.as_f64_written().text()
            ),
            (_, Num::Float(f)) if f.fract() == 0.0 => format!(
                "`{text}` is written as a float, but {what} is an integer ({ty}), which reads no JSON float: reading fails"
            ),
            (_, Num::Float(_)) => {
                format!("`{text}` is not a whole number, but {what} is an integer ({ty}): reading fails")
            }
            (_, Num::Neg(_)) => format!("`{text}` is negative, but {what} is unsigned ({ty}): reading fails"),
            (_, Num::Pos(_)) => format!("`{text}` is out of the range of {what} ({ty}): reading fails"),
        };
        let effect = if reads { Effect::Lossy } else { Effect::Fails };
        let cure = match ctx.field {
            Some(key) => Cure::Number(key, n),
            None => Cure::None,
        };
        self.push(pointer, ctx, effect, cure, message);
    }

    fn named(&mut self, id: TypeId, v: &Value, pointer: &mut String, ctx: &Ctx) {
        let schema = self.schema;
        let def = &schema.types[id];
        match &def.kind {
            TypeKind::Struct(s) => match v {
                Value::Object(map) => self.fields(id, s, map, pointer),
                _ => self.mismatch(v, expect_named(schema, id), pointer, ctx),
            },
            TypeKind::Enum(e) => {
                let reads = match enum_kind(e) {
                    EnumKind::Str => v.is_string(),
                    EnumKind::Int => v.as_i64().is_some(),
                    EnumKind::Mixed => true,
                };
                if !reads {
                    self.mismatch(v, expect_named(schema, id), pointer, ctx);
                }
            }
            TypeKind::Union(u) => {
                let mut reasons = Vec::new();
                for (i, variant) in u.variants.iter().enumerate() {
                    match probe(schema, &variant.ty, v) {
                        Ok(()) => {
                            let ctx = Ctx {
                                field: None,
                                loc: variant.loc.clone(),
                                what: format!("variant {} of `{}`", i + 1, def.name),
                            };
                            return self.value(&variant.ty, v, pointer, &ctx);
                        }
                        Err(reason) => reasons.push(format!("{}. {}: {reason}", i + 1, spell(schema, &variant.ty))),
                    }
                }
                let message = format!(
                    "{} reads as no variant of `{}` (tried in order: {}): reading fails",
                    describe(v),
                    def.name,
                    if reasons.is_empty() { "it has none".to_owned() } else { reasons.join("; ") }
                );
                let ctx = Ctx { loc: def.loc.clone(), ..ctx.clone() };
                self.push(pointer, &ctx, Effect::Fails, Cure::None, message);
            }
            TypeKind::Alias(target) => {
                // A number override names a field's own type; through an alias it reaches none.
                let ctx = Ctx { field: None, ..ctx.clone() };
                self.value(target, v, pointer, &ctx);
            }
            TypeKind::Unsupported(_) => {}
        }
    }

    fn fields(&mut self, id: TypeId, s: &StructDef, map: &serde_json::Map<String, Value>, pointer: &mut String) {
        let schema = self.schema;
        let type_name = &schema.types[id].name;
        for (i, field) in s.fields.iter().enumerate() {
            let key = (id, i);
            // The generated code matches a key against the wire names in order.
            let shadowed = s.fields[..i].iter().any(|f| f.wire_name == field.wire_name);
            let got = if shadowed { None } else { map.get(&field.wire_name) };
            let len = pointer.len();
            push_key(pointer, &field.wire_name);
            let ctx =
                Ctx { field: Some(key), loc: field.loc.clone(), what: format!("`{type_name}.{}`", field.wire_name) };
            if let Some(obs) = self.obs(key) {
                obs.reads += 1;
                match got {
                    None => obs.absent += 1,
                    Some(Value::Null) => obs.null += 1,
                    Some(_) => {}
                }
            }
            let state = presence_name(field.presence, field.nullable);
            match (got, field.presence, field.nullable) {
                (None, Presence::Required, _) => {
                    let message = format!(
                        "missing, but {} is {state}: reading fails (missing field `{}`)",
                        ctx.what, field.wire_name
                    );
                    self.push(pointer, &ctx, Effect::Fails, Cure::Presence, message);
                }
                (None, Presence::Optional, _) | (Some(Value::Null), _, true) => {}
                (Some(Value::Null), Presence::Required, false) => {
                    if accepts_null(schema, &field.ty) {
                        self.value(&field.ty, &Value::Null, pointer, &ctx);
                    } else {
                        let message = format!("`null`, but {} is {state}: reading fails", ctx.what);
                        self.push(pointer, &ctx, Effect::Fails, Cure::Presence, message);
                    }
                }
                (Some(Value::Null), Presence::Optional, false) => {
                    let message = format!(
                        "`null`, but {} is {state}: it reads as absent and is written back without the key (not lossless)",
                        ctx.what
                    );
                    self.push(pointer, &ctx, Effect::Lossy, Cure::Presence, message);
                }
                (Some(v), _, _) => self.value(&field.ty, v, pointer, &ctx),
            }
            pointer.truncate(len);
        }
    }
}

/// How a field's presence state is written in `llm-usage.toml`.
pub(crate) fn presence_name(presence: Presence, nullable: bool) -> &'static str {
    match (presence, nullable) {
        (Presence::Required, false) => "required",
        (Presence::Required, true) => "required-nullable",
        (Presence::Optional, false) => "optional",
        (Presence::Optional, true) => "optional-nullable",
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum EnumKind {
    Str,
    Int,
    Mixed,
}

/// What an enum reads, as the emitter decides it from its values.
fn enum_kind(e: &EnumDef) -> EnumKind {
    if e.values.iter().all(|v| matches!(v.value, Literal::Str(_))) {
        EnumKind::Str
    } else if e.values.iter().all(|v| matches!(v.value, Literal::Int(_))) {
        EnumKind::Int
    } else {
        EnumKind::Mixed
    }
}

/// Appends `/key` to a JSON pointer, escaped as RFC 6901 says.
fn push_key(pointer: &mut String, key: &str) {
    pointer.push('/');
    pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
}

/// A JSON value in a message: short values as written, containers by kind.
fn describe(v: &Value) -> String {
    match v {
        Value::Null => "`null`".into(),
        Value::Bool(b) => format!("`{b}`"),
        Value::Number(n) => format!("`{n}`"),
        Value::String(s) if s.chars().count() <= 40 => format!("the string `{}`", Value::String(s.clone())),
        Value::String(_) => "a string".into(),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// What a type reads, for messages.
fn expect(schema: &Schema, ty: &TypeRef) -> String {
    match ty {
        TypeRef::Scalar(Scalar::String) => "a string".into(),
        TypeRef::Scalar(Scalar::DateTime) => "a date-time string".into(),
        TypeRef::Scalar(Scalar::Boolean) => "a boolean".into(),
        TypeRef::Scalar(s @ (Scalar::Integer | Scalar::Unsigned | Scalar::Unsigned32)) => {
            format!("an integer ({})", number_name(*s))
        }
        TypeRef::Scalar(Scalar::Float) => "a number (f64)".into(),
        TypeRef::Scalar(Scalar::Any | Scalar::Bytes) => "any value".into(),
        TypeRef::Literal(Literal::Str(_)) => "a string".into(),
        TypeRef::Literal(Literal::Int(_)) => "an integer (i64)".into(),
        TypeRef::Literal(Literal::Bool(_)) => "a boolean".into(),
        TypeRef::List(inner) => format!("a list, each element {}", expect(schema, inner)),
        TypeRef::Map(inner) => format!("an object, each value {}", expect(schema, inner)),
        TypeRef::Nullable(inner) => format!("{} or `null`", expect(schema, inner)),
        TypeRef::Named(named) => match named.target.filter(|&id| id < schema.types.len()) {
            Some(id) => expect_named(schema, id),
            None => format!("`{}`", named.name),
        },
        TypeRef::Unsupported(_) => "any value".into(),
    }
}

fn expect_named(schema: &Schema, id: TypeId) -> String {
    let def = &schema.types[id];
    match &def.kind {
        TypeKind::Struct(_) => format!("an object (`{}`)", def.name),
        TypeKind::Enum(e) => match enum_kind(e) {
            EnumKind::Str => format!("a string (enum `{}`)", def.name),
            EnumKind::Int => format!("an integer (enum `{}`)", def.name),
            EnumKind::Mixed => format!("any value (enum `{}`)", def.name),
        },
        TypeKind::Union(_) => format!("one of the variants of `{}`", def.name),
        TypeKind::Alias(target) => expect(schema, target),
        TypeKind::Unsupported(_) => "any value".into(),
    }
}

/// A type as messages name it: `CacheCreation`, `string`, `list of …`.
fn spell(schema: &Schema, ty: &TypeRef) -> String {
    match ty {
        TypeRef::Named(named) => match named.target.filter(|&id| id < schema.types.len()) {
            Some(id) => format!("`{}`", schema.types[id].name),
            None => format!("`{}`", named.name),
        },
        other => expect(schema, other),
    }
}
