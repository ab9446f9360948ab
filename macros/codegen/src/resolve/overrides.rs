//! Applies `llm-usage.toml` to the model: wire naming, null handling, number types and field
//! presence change the model itself (so every later stage, `check`, `diff` and `fit` see the
//! corrected doc); Rust names and derives become [`Requests`] for the naming stage.
//!
//! Settings nearer to a type win: a `[types.X]` section over `[defaults]`, a subfolder's file
//! over its parent's. An override that matches nothing is an error: after a vendor update it
//! would otherwise go stale silently.

use std::collections::BTreeMap;

use crate::case;
use crate::config::{Config, NullInOptional, NumberType, PresenceOverride, Spanned, TypeOverride, WireCase};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{Field, Location, Presence, Scalar, Schema, TypeId, TypeKind, TypeRef, UserChoice};

use super::index::Index;

/// `[types.X]` sections with the type each names: looked up while the index borrows the
/// types, applied once it no longer does.
pub struct Targets<'c> {
    sections: Vec<(&'c TypeOverride, TypeId)>,
}

/// Finds the type each `[types.X]` names, reporting those that name none.
pub fn targets<'c>(index: &Index<'_>, configs: &'c [Config], diags: &mut Diagnostics) -> Targets<'c> {
    let mut sections = Vec::new();
    for config in configs {
        for section in &config.types {
            let key = &section.name;
            let segments: Vec<&str> = key.value.split("::").flat_map(|s| s.split('.')).collect();
            let Some((name, dirs)) = segments.split_last().filter(|_| segments.iter().all(|s| !s.trim().is_empty()))
            else {
                diags.push(
                    Diagnostic::new(key.loc.clone(), format!("`[types.\"{}\"]` is not a type name", key.value))
                        .with_note("name a type as the doc does: `Usage`, or `Namespace.Name` inside TypeScript namespaces and subfolders"),
                );
                continue;
            };
            let dir = join(&config.dir, &dirs.join("/"));
            match index.get(&dir, name) {
                Some(id) => sections.push((section, id)),
                None => {
                    let mut message = format!("`[types.{}]` names no type", key.value);
                    let here = if config.dir.is_empty() {
                        "the schema folder".to_owned()
                    } else {
                        format!("`{}`", config.dir)
                    };
                    message.push_str(&format!(" in {here}"));
                    diags.push(Diagnostic::new(key.loc.clone(), message).with_note(
                        "the override is stale (the vendor renamed or removed the type?) or misspelled; a type is named as the doc names it, relative to the folder of this `llm-usage.toml`",
                    ));
                }
            }
        }
    }
    Targets { sections }
}

/// Applies every override to `schema`. Runs after `extends` bases are merged, so field
/// indices are final.
pub fn apply(schema: &mut Schema, configs: &[Config], targets: &Targets<'_>, diags: &mut Diagnostics) {
    if configs.is_empty() {
        // Nothing to apply, and no `[types.X]` section to look for.
        return;
    }
    // Nearest last, so that later settings overwrite earlier ones.
    let mut by_depth: Vec<&Config> = configs.iter().collect();
    by_depth.sort_by_key(|c| if c.dir.is_empty() { 0 } else { c.dir.split('/').count() + 1 });

    let mut glob_used = vec![Vec::new(); configs.len()];
    for (config_index, config) in configs.iter().enumerate() {
        glob_used[config_index] = vec![false; config.numbers.len()];
    }

    let mut given = GivenWireNames::default();
    for id in 0..schema.types.len() {
        let dir = &schema.types[id].dir;
        let applicable: Vec<&Config> = by_depth.iter().copied().filter(|c| c.applies_to(dir)).collect();
        let sections: Vec<&TypeOverride> =
            targets.sections.iter().filter(|(_, target)| *target == id).map(|(section, _)| *section).collect();
        if applicable.is_empty() && sections.is_empty() {
            continue;
        }
        let settings = Settings::of(&applicable, &sections);
        if settings.distinct {
            schema.requests.distinct.insert(id);
        }
        let TypeKind::Struct(def) = &mut schema.types[id].kind else { continue };
        for (index, field) in def.fields.iter_mut().enumerate() {
            if let Some(case) = settings.apply_wire_case(field) {
                given.record(id, index, WireSource::WireCase(case));
            }
            // `[numbers]`: the nearest file with a matching glob decides.
            for config in applicable.iter().rev() {
                let config_index = configs.iter().position(|c| std::ptr::eq(c, *config)).unwrap_or(0);
                let hit = config.numbers.iter().position(|(glob, _)| glob.value.matches(&field.wire_name));
                if let Some(hit) = hit {
                    if set_number(&mut field.ty, config.numbers[hit].1.value) {
                        glob_used[config_index][hit] = true;
                        break;
                    }
                }
            }
            if settings.null_in_optional == NullInOptional::Keep && field.presence == Presence::Optional {
                field.nullable = true;
            }
        }
    }

    for (section, id) in &targets.sections {
        apply_section(schema, section, *id, &mut given, diags);
    }
    // Once every override is in: a `wire_name` may part what `wire_case` merged.
    for (id, sources) in &given.by_type {
        let ty = &schema.types[*id];
        check_wire_duplicates(&ty.name, def_fields(&ty.kind), sources, diags);
    }

    for (config_index, config) in configs.iter().enumerate() {
        for (used, (glob, _)) in glob_used[config_index].iter().zip(&config.numbers) {
            if !used {
                let scope =
                    if config.dir.is_empty() { "the schema folder".to_owned() } else { format!("`{}`", config.dir) };
                diags.push(
                    Diagnostic::new(glob.loc.clone(), format!("`[numbers]` glob `{}` matches no number field in {scope}", glob.value.as_string()))
                        .with_note("the override is stale (the vendor renamed or removed the fields?) or misspelled; globs match wire names, `*` any run of characters, `?` one"),
                );
            }
        }
    }
}

fn def_fields(kind: &TypeKind) -> &[Field] {
    match kind {
        TypeKind::Struct(def) => &def.fields,
        _ => &[],
    }
}

/// The folder-wide settings that reach one type.
struct Settings<'c> {
    wire_case: Option<&'c Spanned<WireCase>>,
    null_in_optional: NullInOptional,
    /// `distinct`: the type stays its own Rust type.
    distinct: bool,
}

impl<'c> Settings<'c> {
    fn of(applicable: &[&'c Config], sections: &[&'c TypeOverride]) -> Settings<'c> {
        let mut wire_case = None;
        let mut null_in_optional = NullInOptional::Normalize;
        let mut distinct = false;
        for config in applicable {
            if let Some(case) = &config.defaults.wire_case {
                wire_case = Some(case);
            }
            if let Some(keep) = &config.defaults.null_in_optional {
                null_in_optional = keep.value;
            }
            if let Some(own) = &config.defaults.distinct {
                distinct = own.value;
            }
        }
        for section in sections {
            if let Some(case) = &section.wire_case {
                wire_case = Some(case);
            }
            if let Some(keep) = &section.null_in_optional {
                null_in_optional = keep.value;
            }
            if let Some(own) = &section.distinct {
                distinct = own.value;
            }
        }
        Settings { wire_case, null_in_optional, distinct }
    }

    /// Puts the field's wire name in the folder's casing; where that changed it, the setting's
    /// location.
    fn apply_wire_case(&self, field: &mut Field) -> Option<&'c Location> {
        let case = self.wire_case?;
        let cased = match case.value {
            WireCase::AsWritten => return None,
            WireCase::SnakeCase => cased(&field.wire_name, case::snake),
            WireCase::CamelCase => cased(&field.wire_name, case::camel),
        };
        if cased == field.wire_name {
            return None;
        }
        field.wire_name = cased;
        Some(&case.loc)
    }
}

/// `name` in a casing; a name with no letters or digits stays as it is.
fn cased(name: &str, casing: fn(&str) -> String) -> String {
    let out = casing(name);
    if out.is_empty() {
        name.to_owned()
    } else {
        out
    }
}

/// The setting that gave a field its wire name, where one did.
#[derive(Clone, Copy)]
enum WireSource<'c> {
    WireCase(&'c Location),
    WireName(&'c Location),
}

impl std::fmt::Display for WireSource<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WireSource::WireCase(loc) => write!(f, "`wire_case` at {loc}"),
            WireSource::WireName(loc) => write!(f, "`wire_name` at {loc}"),
        }
    }
}

/// The fields whose wire names an override set, by type: only those can share a wire name
/// with another field (each parser reports a name its doc declares twice).
#[derive(Default)]
struct GivenWireNames<'c> {
    by_type: BTreeMap<TypeId, BTreeMap<usize, WireSource<'c>>>,
}

impl<'c> GivenWireNames<'c> {
    fn record(&mut self, id: TypeId, field: usize, source: WireSource<'c>) {
        self.by_type.entry(id).or_default().insert(field, source);
    }
}

/// Two fields with one wire name once the overrides are applied: the doc named them apart, an
/// override merged them. Reported at the later field, naming the settings that did it.
fn check_wire_duplicates(
    type_name: &str,
    fields: &[Field],
    given: &BTreeMap<usize, WireSource<'_>>,
    diags: &mut Diagnostics,
) {
    for (i, field) in fields.iter().enumerate() {
        let Some(first) = fields[..i].iter().position(|f| f.wire_name == field.wire_name) else { continue };
        let causes: Vec<String> = [first, i].iter().filter_map(|f| given.get(f)).map(ToString::to_string).collect();
        if causes.is_empty() {
            continue;
        }
        let first = &fields[first];
        diags.push(
            Diagnostic::new(
                field.loc.clone(),
                format!(
                    "fields `{}` and `{}` of `{type_name}` both have the wire name `{}`, given by {}",
                    first.name,
                    field.name,
                    field.wire_name,
                    causes.join(" and ")
                ),
            )
            .with_note(format!("`{}` is declared at {}; give one of them its own `wire_name`", first.name, first.loc)),
        );
    }
}

/// Gives every number in `ty` the Rust type `number`; false when `ty` holds no number.
fn set_number(ty: &mut TypeRef, number: NumberType) -> bool {
    match ty {
        TypeRef::Scalar(s @ (Scalar::Integer | Scalar::Float | Scalar::Unsigned | Scalar::Unsigned32)) => {
            *s = match number {
                NumberType::U64 => Scalar::Unsigned,
                NumberType::U32 => Scalar::Unsigned32,
                NumberType::I64 => Scalar::Integer,
                NumberType::F64 => Scalar::Float,
            };
            true
        }
        TypeRef::List(inner) | TypeRef::Map(inner) | TypeRef::Nullable(inner) => set_number(inner, number),
        TypeRef::Scalar(_) | TypeRef::Literal(_) | TypeRef::Named(_) | TypeRef::Unsupported(_) => false,
    }
}

/// One `[types.X]` section: names and derives for the naming stage, then its fields (its
/// `distinct` is one of the [`Settings`]).
fn apply_section<'c>(
    schema: &mut Schema,
    section: &'c TypeOverride,
    id: TypeId,
    given: &mut GivenWireNames<'c>,
    diags: &mut Diagnostics,
) {
    let choice = |s: &Spanned<String>| UserChoice { value: s.value.clone(), loc: s.loc.clone() };
    if let Some(rename) = &section.rename {
        schema.requests.type_names.insert(id, choice(rename));
    }
    if !section.derives.is_empty() {
        schema.requests.derives.entry(id).or_default().extend(section.derives.iter().map(choice));
    }
    let ty = &mut schema.types[id];
    let type_name = ty.name.clone();
    let TypeKind::Struct(def) = &mut ty.kind else {
        if let Some(first) = section.fields.first() {
            diags.push(
                Diagnostic::new(
                    first.name.loc.clone(),
                    format!("`{type_name}` is not an object type; it has no fields to override"),
                )
                .with_note("`[types.X.fields.y]` applies to types with a `## Fields` table or TypeScript properties"),
            );
        }
        if section.wire_case.is_some() || section.null_in_optional.is_some() {
            let loc = section.wire_case.as_ref().map(|s| &s.loc).or(section.null_in_optional.as_ref().map(|s| &s.loc));
            if let Some(loc) = loc {
                diags.push(
                    Diagnostic::new(
                        loc.clone(),
                        format!("`{type_name}` is not an object type; field settings do not apply"),
                    )
                    .with_note("`wire_case` and `null_in_optional` apply to the fields of object types"),
                );
            }
        }
        return;
    };
    for over in &section.fields {
        let key = &over.name.value;
        let index = def
            .fields
            .iter()
            .position(|f| f.wire_name == *key)
            .or_else(|| def.fields.iter().position(|f| f.name == *key));
        let Some(index) = index else {
            let known = def.fields.iter().map(|f| format!("`{}`", f.wire_name)).collect::<Vec<_>>().join(", ");
            diags.push(
                Diagnostic::new(over.name.loc.clone(), format!("`{type_name}` has no field `{key}`"))
                    .with_note(format!("the override is stale or misspelled; fields are named by wire name: {known}")),
            );
            continue;
        };
        let field = &mut def.fields[index];
        if let Some(wire) = &over.wire_name {
            field.wire_name = wire.value.clone();
            given.record(id, index, WireSource::WireName(&wire.loc));
        }
        if let Some(number) = &over.number {
            if !set_number(&mut field.ty, number.value) {
                diags.push(
                    Diagnostic::new(number.loc.clone(), format!("`type = \"{}\"` on `{type_name}.{key}`, which holds no number", number.value.as_str()))
                        .with_note("a number type applies to fields whose doc type is a number (`float`, `int`, `number`), or a list or map of numbers"),
                );
            }
        }
        if let Some(presence) = &over.presence {
            (field.presence, field.nullable) = match presence.value {
                PresenceOverride::Required => (Presence::Required, false),
                PresenceOverride::RequiredNullable => (Presence::Required, true),
                PresenceOverride::Optional => (Presence::Optional, false),
                PresenceOverride::OptionalNullable => (Presence::Optional, true),
            };
        }
        if let Some(rename) = &over.rename {
            schema.requests.field_names.insert((id, index), choice(rename));
        }
    }
}

fn join(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.to_owned(),
        (_, true) => a.to_owned(),
        _ => format!("{a}/{b}"),
    }
}
