//! `llm-usage diff`: what a vendor update changes in the generated types, and whether it breaks.
//!
//! [`diff`] compares two *resolved* schemas (overrides of each side's `llm-usage.toml` already
//! applied) type by type and reports every change with two verdicts, as the contract's
//! "Updates" table defines them ([`classify`]):
//!
//! - **wire**: can a program built on the old types still read the payloads the new doc describes?
//! - **api**: does Rust code written against the old generated types still compile?
//!
//! Documentation changes are reported too, as information (both verdicts compatible): a changed
//! meaning ("now includes cached tokens") breaks usage accounting without breaking a type.
//!
//! Types are matched by folder and vendor name (`dir` + `name`), never by file, so moving a type
//! to another file is no change; fields by wire name first, then by Rust name (a field whose
//! wire name changed but whose Rust name stayed is one field, with a `wire-name-changed`);
//! enum values by value, then by Rust variant (a value respelled under one variant is a
//! `wire-name-changed`); union variants by type. Referenced types are compared by folder and
//! name, never by id. Only included (generated) types take part. The work is linear in the size
//! of both schemas: every lookup is a hash map.
//!
//! [`render`] turns the report into text, markdown or JSON.

pub mod classify;
mod names;
mod pool;
pub mod render;

use std::fmt;

use crate::hash::FxHashMap;
use crate::model::{
    Deprecation, Docs, EnumDef, Field, Literal, Location, NamedRef, Presence, Scalar, Schema, StructDef, TypeDef,
    TypeId, TypeKind, TypeRef, UnionDef,
};

use classify::{verdicts, Case};
use names::RustNames;
use pool::Pool;

/// One difference between the old and the new schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The type, as its folder and vendor name: `DeploymentInvokeUsage`, `components::Ttl`
    /// (folders joined by `::`, as `roots` name types).
    pub ty: String,
    /// The field, by wire name (new side; old side for removals); `None` for changes of the
    /// type itself, its enum values or its union variants.
    pub field: Option<String>,
    /// The enum value (`"flex"`) or union variant (`TextPart`, `list<string>`) the change is
    /// about, if any.
    pub member: Option<String>,
    pub kind: ChangeKind,
    /// What the old side says, shortly (`required float`); `None` where it has nothing.
    pub old: Option<String>,
    /// What the new side says, shortly (`optional-nullable DeploymentInvokeCompletionTokensDetails`).
    pub new: Option<String>,
    pub wire: Verdict,
    pub api: Verdict,
    /// Where the change is: in the new schema, or in the old one for removals.
    pub loc: Location,
}

impl Change {
    /// Whether the change breaks on either axis.
    pub fn is_breaking(&self) -> bool {
        self.wire.is_breaking() || self.api.is_breaking()
    }

    /// Whether the change only concerns documentation (reported as information).
    pub fn is_info(&self) -> bool {
        self.kind.is_info()
    }
}

/// One of the two verdicts of a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Verdict {
    Compatible,
    Breaking,
}

impl Verdict {
    pub fn is_breaking(self) -> bool {
        self == Verdict::Breaking
    }

    /// `breaking` or `compatible`, as the JSON report writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Compatible => "compatible",
            Verdict::Breaking => "breaking",
        }
    }
}

/// What changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ChangeKind {
    TypeAdded,
    TypeRemoved,
    /// An object became an enum, a union became an alias, …
    KindChanged,
    /// A field's type, or the target of an alias.
    TypeChanged,
    FieldAdded,
    FieldRemoved,
    /// The (presence, nullable) pair of a field.
    PresenceChanged,
    /// The JSON key of a field, or the value of an enum variant, whose Rust name stayed.
    WireNameChanged,
    /// The Rust name of a type, field, enum variant or union variant.
    RustNameChanged,
    EnumValueAdded,
    EnumValueRemoved,
    UnionVariantAdded,
    UnionVariantRemoved,
    /// The description of a type, field or enum value (information).
    DocsChanged,
    /// A type, field or enum value became deprecated, or stopped being (information: the Rust
    /// code gains or loses a `#[deprecated]`, which warns but compiles).
    DeprecationChanged,
    /// The type became one Rust type with others of its shape (`pub type` of one of them, or
    /// they of it): see `name::same_shape`.
    SameTypeJoined,
    /// The type stopped being one Rust type with others it had the shape of.
    SameTypeParted,
}

impl ChangeKind {
    /// Every kind, in the order of this enum.
    pub const ALL: [ChangeKind; 17] = [
        ChangeKind::TypeAdded,
        ChangeKind::TypeRemoved,
        ChangeKind::KindChanged,
        ChangeKind::TypeChanged,
        ChangeKind::FieldAdded,
        ChangeKind::FieldRemoved,
        ChangeKind::PresenceChanged,
        ChangeKind::WireNameChanged,
        ChangeKind::RustNameChanged,
        ChangeKind::EnumValueAdded,
        ChangeKind::EnumValueRemoved,
        ChangeKind::UnionVariantAdded,
        ChangeKind::UnionVariantRemoved,
        ChangeKind::DocsChanged,
        ChangeKind::DeprecationChanged,
        ChangeKind::SameTypeJoined,
        ChangeKind::SameTypeParted,
    ];

    /// The kebab-case name the reports use: `field-removed`.
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::TypeAdded => "type-added",
            ChangeKind::TypeRemoved => "type-removed",
            ChangeKind::KindChanged => "kind-changed",
            ChangeKind::TypeChanged => "type-changed",
            ChangeKind::FieldAdded => "field-added",
            ChangeKind::FieldRemoved => "field-removed",
            ChangeKind::PresenceChanged => "presence-changed",
            ChangeKind::WireNameChanged => "wire-name-changed",
            ChangeKind::RustNameChanged => "rust-name-changed",
            ChangeKind::EnumValueAdded => "enum-value-added",
            ChangeKind::EnumValueRemoved => "enum-value-removed",
            ChangeKind::UnionVariantAdded => "union-variant-added",
            ChangeKind::UnionVariantRemoved => "union-variant-removed",
            ChangeKind::DocsChanged => "docs-changed",
            ChangeKind::DeprecationChanged => "deprecation-changed",
            ChangeKind::SameTypeJoined => "same-type-joined",
            ChangeKind::SameTypeParted => "same-type-parted",
        }
    }

    /// Documentation only, or which names are one Rust type: reported as information, never
    /// breaking.
    pub fn is_info(self) -> bool {
        self.is_docs() || matches!(self, ChangeKind::SameTypeJoined | ChangeKind::SameTypeParted)
    }

    /// A change of documentation (or deprecation) only: the information a report counts as docs.
    pub fn is_docs(self) -> bool {
        matches!(self, ChangeKind::DocsChanged | ChangeKind::DeprecationChanged)
    }
}

impl fmt::Display for ChangeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One of the four presence states of a field: the model's (presence, nullable) pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct State {
    pub presence: Presence,
    pub nullable: bool,
}

impl State {
    pub fn of(field: &Field) -> State {
        State { presence: field.presence, nullable: field.nullable }
    }

    /// `required`, `required-nullable`, `optional`, `optional-nullable`.
    pub fn as_str(self) -> &'static str {
        match (self.presence, self.nullable) {
            (Presence::Required, false) => "required",
            (Presence::Required, true) => "required-nullable",
            (Presence::Optional, false) => "optional",
            (Presence::Optional, true) => "optional-nullable",
        }
    }
}

/// Every change from `old` to `new`, over the types each generates, in report order: grouped
/// by type, the types with a breaking change first, then those with compatible changes, then
/// those with documentation changes only (each group by type name); within a type, breaking
/// changes first, then compatible ones, then information, each in document order.
pub fn diff(old: &Schema, new: &Schema) -> Vec<Change> {
    let pairs = pair_types(old, new);
    // Rust names matter only for types on both sides, and naming a whole schema costs more
    // than comparing it: name only when something pairs up, both sides at once.
    let (old_names, new_names) = if pairs.iter().any(|pair| matches!(pair, (Some(_), Some(_)))) {
        std::thread::scope(|scope| {
            let old_names = scope.spawn(|| RustNames::of(old));
            let new_names = RustNames::of(new);
            (old_names.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)), new_names)
        })
    } else {
        (RustNames::default(), RustNames::default())
    };
    let cx = Cx { old, new, old_names: &old_names, new_names: &new_names };
    let mut changes = Vec::new();
    for &pair in &pairs {
        match pair {
            (Some(old_id), Some(new_id)) => {
                cx.compare_type(&type_key(&old.types[old_id]), old_id, new_id, &mut changes)
            }
            (Some(old_id), None) => {
                let def = &old.types[old_id];
                let was = Some(kind_desc(old, def));
                changes.push(cx.change(type_key(def), None, None, Case::TypeRemoved, was, None, &def.loc));
            }
            (None, Some(new_id)) => {
                let def = &new.types[new_id];
                let now = Some(kind_desc(new, def));
                changes.push(cx.change(type_key(def), None, None, Case::TypeAdded, None, now, &def.loc));
            }
            (None, None) => {}
        }
    }
    cx.same_type_changes(&pairs, &mut changes);
    report_order(changes)
}

/// The included types of both sides paired by folder and vendor name: old types in order
/// (with their new counterpart, if any), then the new types no old one pairs with. A key
/// declared twice on both sides pairs up in order.
fn pair_types(old: &Schema, new: &Schema) -> Vec<(Option<TypeId>, Option<TypeId>)> {
    let included: Vec<TypeId> = (0..new.types.len()).filter(|&id| new.is_included(id)).collect();
    let mut new_by_key = Pool::new(new.types.len(), included.iter().map(|&id| (id, type_pair_key(&new.types[id]))));
    let mut matched_new = vec![false; new.types.len()];
    let mut pairs = Vec::with_capacity(old.types.len().max(new.types.len()));
    for old_id in (0..old.types.len()).filter(|&id| old.is_included(id)) {
        let def = &old.types[old_id];
        let new_id = new_by_key.take(&type_pair_key(def));
        if let Some(new_id) = new_id {
            matched_new[new_id] = true;
        }
        pairs.push((Some(old_id), new_id));
    }
    pairs.extend(included.into_iter().filter(|&id| !matched_new[id]).map(|id| (None, Some(id))));
    pairs
}

/// What pairs types across the sides: folder and vendor name.
fn type_pair_key(def: &TypeDef) -> (&str, &str) {
    (def.dir.as_str(), def.name.as_str())
}

/// Sorts changes into report order (see [`diff`]); stable, so document order breaks ties.
fn report_order(changes: Vec<Change>) -> Vec<Change> {
    // Sort indices (changes are large to move): by type, and within a type by rank, so that
    // the first change of each type is its worst.
    let mut order: Vec<usize> = (0..changes.len()).collect();
    order.sort_by(|&a, &b| changes[a].ty.cmp(&changes[b].ty).then(rank(&changes[a]).cmp(&rank(&changes[b]))));
    // Then each type's run into the bucket of its worst change, keeping type order.
    let mut buckets: [Vec<usize>; 3] = Default::default();
    let mut start = 0;
    while start < order.len() {
        let ty = &changes[order[start]].ty;
        let len = order[start..].iter().take_while(|&&i| changes[i].ty == *ty).count();
        buckets[usize::from(rank(&changes[order[start]]))].extend_from_slice(&order[start..start + len]);
        start += len;
    }
    let mut slots: Vec<Option<Change>> = changes.into_iter().map(Some).collect();
    buckets.iter().flatten().filter_map(|&i| slots[i].take()).collect()
}

/// 0 breaking, 1 compatible, 2 information.
fn rank(change: &Change) -> u8 {
    if change.is_breaking() {
        0
    } else if change.is_info() {
        2
    } else {
        1
    }
}

/// A type as reports name it: its folders and vendor name joined by `::`.
fn type_key(def: &TypeDef) -> String {
    let mut key = String::with_capacity(def.dir.len() + def.name.len() + 2);
    for segment in def.dir.split('/').filter(|s| !s.is_empty() && *s != ".") {
        key.push_str(segment);
        key.push_str("::");
    }
    key.push_str(&def.name);
    key
}

/// Both schemas and their Rust names.
struct Cx<'a> {
    old: &'a Schema,
    new: &'a Schema,
    old_names: &'a RustNames,
    new_names: &'a RustNames,
}

/// What a change is about inside its type.
#[derive(Clone, Copy)]
enum Subject<'s> {
    Field(&'s str),
    Member(&'s str),
}

impl<'a> Cx<'a> {
    /// `same-type-joined` and `same-type-parted`: types on both sides that are one Rust type
    /// with other such types on one side and not on the other. Types only one side has do
    /// not count: code written against OLD cannot have relied on them.
    fn same_type_changes(&self, pairs: &[(Option<TypeId>, Option<TypeId>)], changes: &mut Vec<Change>) {
        let both: Vec<(TypeId, TypeId)> = pairs
            .iter()
            .filter_map(|pair| match *pair {
                (Some(old), Some(new)) => Some((old, new)),
                _ => None,
            })
            .collect();
        // Per side, the types that are one Rust type, as indices into `both` (ascending).
        let groups = |names: &RustNames, side: fn(&(TypeId, TypeId)) -> TypeId| {
            let mut groups: FxHashMap<TypeId, Vec<usize>> = FxHashMap::default();
            for (index, pair) in both.iter().enumerate() {
                if let Some(written_as) = names.written_as(side(pair)) {
                    groups.entry(written_as).or_default().push(index);
                }
            }
            groups
        };
        let old_groups = groups(self.old_names, |pair| pair.0);
        let new_groups = groups(self.new_names, |pair| pair.1);
        fn group<'g>(groups: &'g FxHashMap<TypeId, Vec<usize>>, names: &RustNames, id: TypeId) -> &'g [usize] {
            names.written_as(id).and_then(|written_as| groups.get(&written_as)).map_or(&[], Vec::as_slice)
        }
        for (index, &(old_id, new_id)) in both.iter().enumerate() {
            let old_mates = group(&old_groups, self.old_names, old_id);
            let new_mates = group(&new_groups, self.new_names, new_id);
            if old_mates == new_mates {
                continue;
            }
            let others = |of: &[usize], without: &[usize]| -> Vec<usize> {
                of.iter().copied().filter(|&m| m != index && without.binary_search(&m).is_err()).collect()
            };
            let (parted, joined) = (others(old_mates, new_mates), others(new_mates, old_mates));
            let ty = type_key(&self.old.types[old_id]);
            let loc = &self.new.types[new_id].loc;
            let with = |mates: &[usize]| Some(self.one_type_with(&both, mates));
            if !parted.is_empty() {
                changes.push(self.change(ty.clone(), None, None, Case::SameTypeParted, with(&parted), None, loc));
            }
            if !joined.is_empty() {
                changes.push(self.change(ty, None, None, Case::SameTypeJoined, None, with(&joined), loc));
            }
        }
    }

    /// "one Rust type with `A`, `B`, `C` and 4 others".
    fn one_type_with(&self, both: &[(TypeId, TypeId)], mates: &[usize]) -> String {
        const SHOWN: usize = 3;
        let mut text = String::from("one Rust type with ");
        for (i, &mate) in mates.iter().take(SHOWN).enumerate() {
            if i > 0 {
                text.push_str(", ");
            }
            text.push('`');
            text.push_str(&type_key(&self.new.types[both[mate].1]));
            text.push('`');
        }
        match mates.len().saturating_sub(SHOWN) {
            0 => {}
            1 => text.push_str(" and 1 other"),
            more => text.push_str(&format!(" and {more} others")),
        }
        text
    }

    #[allow(clippy::too_many_arguments)]
    fn change(
        &self,
        ty: impl Into<String>,
        field: Option<&str>,
        member: Option<&str>,
        case: Case,
        old: Option<String>,
        new: Option<String>,
        loc: &Location,
    ) -> Change {
        let (kind, wire, api) = verdicts(case);
        Change {
            ty: ty.into(),
            field: field.map(str::to_owned),
            member: member.map(str::to_owned),
            kind,
            old,
            new,
            wire,
            api,
            loc: loc.clone(),
        }
    }

    fn subject_change(
        &self,
        ty: &str,
        subject: Option<Subject<'_>>,
        case: Case,
        old: Option<String>,
        new: Option<String>,
        loc: &Location,
    ) -> Change {
        let (field, member) = match subject {
            Some(Subject::Field(f)) => (Some(f), None),
            Some(Subject::Member(m)) => (None, Some(m)),
            None => (None, None),
        };
        self.change(ty, field, member, case, old, new, loc)
    }

    fn compare_type(&self, key: &str, old_id: TypeId, new_id: TypeId, out: &mut Vec<Change>) {
        let (o, n) = (&self.old.types[old_id], &self.new.types[new_id]);
        let (old_rust, new_rust) = (self.old_names.type_path(old_id), self.new_names.type_path(new_id));
        if old_rust != new_rust {
            out.push(self.change(key, None, None, Case::RustNameChanged, old_rust, new_rust, &n.loc));
        }
        self.compare_docs(key, None, (&o.docs, &o.deprecated), (&n.docs, &n.deprecated), &n.loc, out);
        match (&o.kind, &n.kind) {
            (TypeKind::Struct(a), TypeKind::Struct(b)) => self.compare_structs(key, (old_id, a), (new_id, b), out),
            (TypeKind::Enum(a), TypeKind::Enum(b)) => self.compare_enums(key, (old_id, a), (new_id, b), out),
            (TypeKind::Union(a), TypeKind::Union(b)) => self.compare_unions(key, (old_id, a), (new_id, b), out),
            (TypeKind::Alias(a), TypeKind::Alias(b)) => {
                if !same_type(self.old, a, self.new, b) {
                    let (was, now) = (render_type(self.old, a), render_type(self.new, b));
                    out.push(self.change(key, None, None, Case::TypeChanged, Some(was), Some(now), &n.loc));
                }
            }
            (TypeKind::Unsupported(a), TypeKind::Unsupported(b)) => {
                if a.construct != b.construct {
                    let (was, now) = (a.construct.clone(), b.construct.clone());
                    out.push(self.change(key, None, None, Case::TypeChanged, Some(was), Some(now), &n.loc));
                }
            }
            _ => {
                let (was, now) = (kind_desc(self.old, o), kind_desc(self.new, n));
                out.push(self.change(key, None, None, Case::KindChanged, Some(was), Some(now), &n.loc));
            }
        }
    }

    /// Docs and deprecation of a type, a field or an enum value.
    fn compare_docs(
        &self,
        key: &str,
        subject: Option<Subject<'_>>,
        old: (&Docs, &Option<Deprecation>),
        new: (&Docs, &Option<Deprecation>),
        loc: &Location,
        out: &mut Vec<Change>,
    ) {
        let (was, now) = (docs_text(old.0), docs_text(new.0));
        if was != now {
            out.push(self.subject_change(key, subject, Case::DocsChanged, was, now, loc));
        }
        let (was, now) = (deprecation_text(old.1), deprecation_text(new.1));
        if was != now {
            out.push(self.subject_change(key, subject, Case::DeprecationChanged, was, now, loc));
        }
    }

    fn compare_structs(
        &self,
        key: &str,
        (old_id, old): (TypeId, &StructDef),
        (new_id, new): (TypeId, &StructDef),
        out: &mut Vec<Change>,
    ) {
        let old_rust: Vec<Option<&str>> = (0..old.fields.len()).map(|i| self.old_names.field(old_id, i)).collect();
        let new_rust: Vec<Option<&str>> = (0..new.fields.len()).map(|i| self.new_names.field(new_id, i)).collect();

        // Pair fields: by wire name, then the rest by Rust name. A name given twice pairs in order.
        let mut by_wire = Pool::new(new.fields.len(), new.fields.iter().map(|f| f.wire_name.as_str()).enumerate());
        let mut pair_of_new: Vec<Option<usize>> = vec![None; new.fields.len()];
        let mut pair_of_old: Vec<Option<usize>> = vec![None; old.fields.len()];
        for (i, field) in old.fields.iter().enumerate() {
            if let Some(j) = by_wire.take(&field.wire_name.as_str()) {
                pair_of_new[j] = Some(i);
                pair_of_old[i] = Some(j);
            }
        }
        let unpaired: Vec<(usize, &str)> = (0..new.fields.len())
            .filter(|&j| pair_of_new[j].is_none())
            .filter_map(|j| Some((j, new_rust[j]?)))
            .collect();
        let mut by_rust = Pool::new(new.fields.len(), unpaired.into_iter());
        if !by_rust.is_empty() {
            for i in 0..old.fields.len() {
                if pair_of_old[i].is_some() {
                    continue;
                }
                if let Some(j) = old_rust[i].and_then(|name| by_rust.take(&name)) {
                    pair_of_new[j] = Some(i);
                    pair_of_old[i] = Some(j);
                }
            }
        }

        for (field, _) in old.fields.iter().zip(&pair_of_old).filter(|(_, pair)| pair.is_none()) {
            let case = Case::FieldRemoved { old: State::of(field) };
            let was = Some(field_desc(self.old, field));
            out.push(self.change(key, Some(&field.wire_name), None, case, was, None, &field.loc));
        }
        for (j, field) in new.fields.iter().enumerate() {
            let Some(i) = pair_of_new[j] else {
                let now = Some(field_desc(self.new, field));
                out.push(self.change(key, Some(&field.wire_name), None, Case::FieldAdded, None, now, &field.loc));
                continue;
            };
            let was = &old.fields[i];
            let subject = Some(field.wire_name.as_str());
            if was.wire_name != field.wire_name {
                let (a, b) = (Some(was.wire_name.clone()), Some(field.wire_name.clone()));
                out.push(self.change(key, subject, None, Case::WireNameChanged, a, b, &field.loc));
            }
            if old_rust[i] != new_rust[j] {
                let (a, b) = (old_rust[i].map(str::to_owned), new_rust[j].map(str::to_owned));
                out.push(self.change(key, subject, None, Case::RustNameChanged, a, b, &field.loc));
            }
            let (old_state, new_state) = (State::of(was), State::of(field));
            if old_state != new_state {
                let case = Case::PresenceChanged { old: old_state, new: new_state };
                let (a, b) = (field_desc(self.old, was), field_desc(self.new, field));
                out.push(self.change(key, subject, None, case, Some(a), Some(b), &field.loc));
            }
            if !same_type(self.old, &was.ty, self.new, &field.ty) {
                let (a, b) = (field_desc(self.old, was), field_desc(self.new, field));
                out.push(self.change(key, subject, None, Case::TypeChanged, Some(a), Some(b), &field.loc));
            }
            let subject = Some(Subject::Field(&field.wire_name));
            self.compare_docs(
                key,
                subject,
                (&was.docs, &was.deprecated),
                (&field.docs, &field.deprecated),
                &field.loc,
                out,
            );
        }
    }

    fn compare_enums(
        &self,
        key: &str,
        (old_id, old): (TypeId, &EnumDef),
        (new_id, new): (TypeId, &EnumDef),
        out: &mut Vec<Change>,
    ) {
        // A value listed twice is one variant: the first listing counts.
        let (old_first, new_first) = (first_listings(old), first_listings(new));
        let is_first =
            |first: &FxHashMap<&Literal, usize>, def: &EnumDef, i: usize| first.get(&def.values[i].value) == Some(&i);

        // Pair values: by value, then the rest by Rust variant (a value respelled under the
        // same variant, `"priority"` → `"PRIORITY"`, or a TypeScript member whose value changed).
        let mut pair_of_new: Vec<Option<usize>> = vec![None; new.values.len()];
        let mut pair_of_old: Vec<Option<usize>> = vec![None; old.values.len()];
        for i in (0..old.values.len()).filter(|&i| is_first(&old_first, old, i)) {
            if let Some(&j) = new_first.get(&old.values[i].value) {
                pair_of_new[j] = Some(i);
                pair_of_old[i] = Some(j);
            }
        }
        let unpaired: Vec<(usize, &str)> = (0..new.values.len())
            .filter(|&j| pair_of_new[j].is_none() && is_first(&new_first, new, j))
            .filter_map(|j| Some((j, self.new_names.enum_variant(new_id, j)?)))
            .collect();
        if !unpaired.is_empty() {
            let mut by_rust = Pool::new(new.values.len(), unpaired.into_iter());
            let candidates: Vec<usize> =
                (0..old.values.len()).filter(|&i| pair_of_old[i].is_none() && is_first(&old_first, old, i)).collect();
            for i in candidates {
                if let Some(j) = self.old_names.enum_variant(old_id, i).and_then(|name| by_rust.take(&name)) {
                    pair_of_new[j] = Some(i);
                    pair_of_old[i] = Some(j);
                }
            }
        }

        for (i, value) in old.values.iter().enumerate() {
            if pair_of_old[i].is_none() && is_first(&old_first, old, i) {
                let shown = render_literal(&value.value);
                let case = Case::EnumValueRemoved;
                out.push(self.change(key, None, Some(&shown), case, Some(shown.clone()), None, &value.loc));
            }
        }
        for (j, value) in new.values.iter().enumerate().filter(|&(j, _)| is_first(&new_first, new, j)) {
            let shown = render_literal(&value.value);
            let Some(i) = pair_of_new[j] else {
                let case = Case::EnumValueAdded;
                out.push(self.change(key, None, Some(&shown), case, None, Some(shown.clone()), &value.loc));
                continue;
            };
            let was = &old.values[i];
            if was.value != value.value {
                let case = Case::WireNameChanged;
                out.push(self.change(
                    key,
                    None,
                    Some(&shown),
                    case,
                    Some(render_literal(&was.value)),
                    Some(shown.clone()),
                    &value.loc,
                ));
            }
            let (a, b) = (self.old_names.enum_variant(old_id, i), self.new_names.enum_variant(new_id, j));
            if a != b {
                let (a, b) = (a.map(str::to_owned), b.map(str::to_owned));
                out.push(self.change(key, None, Some(&shown), Case::RustNameChanged, a, b, &value.loc));
            }
            let subject = Some(Subject::Member(&shown));
            self.compare_docs(
                key,
                subject,
                (&was.docs, &was.deprecated),
                (&value.docs, &value.deprecated),
                &value.loc,
                out,
            );
        }
        let (a, b) = (self.old_names.catch_all(old_id), self.new_names.catch_all(new_id));
        if a != b {
            let (a, b) = (a.map(str::to_owned), b.map(str::to_owned));
            let loc = &self.new.types[new_id].loc;
            out.push(self.change(key, None, Some("(unknown values)"), Case::RustNameChanged, a, b, loc));
        }
    }

    fn compare_unions(
        &self,
        key: &str,
        (old_id, old): (TypeId, &UnionDef),
        (new_id, new): (TypeId, &UnionDef),
        out: &mut Vec<Change>,
    ) {
        let old_shown: Vec<String> = old.variants.iter().map(|v| render_type(self.old, &v.ty)).collect();
        let new_shown: Vec<String> = new.variants.iter().map(|v| render_type(self.new, &v.ty)).collect();
        let mut by_type = Pool::new(new.variants.len(), new_shown.iter().map(String::as_str).enumerate());
        let mut pair_of_new: Vec<Option<usize>> = vec![None; new.variants.len()];
        for (i, variant) in old.variants.iter().enumerate() {
            // Rendering names a type by folder and name, so equal strings are equal types.
            match by_type.take(&old_shown[i].as_str()) {
                Some(j) => pair_of_new[j] = Some(i),
                None => {
                    let shown = &old_shown[i];
                    let case = Case::UnionVariantRemoved;
                    out.push(self.change(key, None, Some(shown), case, Some(shown.clone()), None, &variant.loc));
                }
            }
        }
        for (j, variant) in new.variants.iter().enumerate() {
            let shown = &new_shown[j];
            match pair_of_new[j] {
                None => {
                    let case = Case::UnionVariantAdded;
                    out.push(self.change(key, None, Some(shown), case, None, Some(shown.clone()), &variant.loc));
                }
                Some(i) => {
                    let (a, b) = (self.old_names.union_variant(old_id, i), self.new_names.union_variant(new_id, j));
                    if a != b {
                        let (a, b) = (a.map(str::to_owned), b.map(str::to_owned));
                        out.push(self.change(key, None, Some(shown), Case::RustNameChanged, a, b, &variant.loc));
                    }
                }
            }
        }
    }
}

/// Each distinct value of an enum and the index of its first listing.
fn first_listings(def: &EnumDef) -> FxHashMap<&Literal, usize> {
    let mut first = FxHashMap::default();
    for (i, value) in def.values.iter().enumerate() {
        first.entry(&value.value).or_insert(i);
    }
    first
}

/// Whether two type references mean the same type; named types compare by folder and name.
fn same_type(old: &Schema, a: &TypeRef, new: &Schema, b: &TypeRef) -> bool {
    match (a, b) {
        (TypeRef::Scalar(x), TypeRef::Scalar(y)) => x == y,
        (TypeRef::Literal(x), TypeRef::Literal(y)) => x == y,
        (TypeRef::List(x), TypeRef::List(y))
        | (TypeRef::Map(x), TypeRef::Map(y))
        | (TypeRef::Nullable(x), TypeRef::Nullable(y)) => same_type(old, x, new, y),
        (TypeRef::Named(x), TypeRef::Named(y)) => ref_key(old, x) == ref_key(new, y),
        (TypeRef::Unsupported(x), TypeRef::Unsupported(y)) => x.construct == y.construct,
        _ => false,
    }
}

/// The folder and name of the type a reference resolved to; an unresolved one by its spelling.
fn ref_key<'s>(schema: &'s Schema, named: &'s NamedRef) -> (Option<&'s str>, &'s str) {
    match named.target.and_then(|id| schema.types.get(id)) {
        Some(def) => (Some(def.dir.as_str()), def.name.as_str()),
        None => (None, named.name.as_str()),
    }
}

/// A type reference, shortly: `float`, `u64`, `list<string>`, `components::Ttl`.
pub fn render_type(schema: &Schema, ty: &TypeRef) -> String {
    let mut out = String::new();
    write_type(schema, ty, &mut out);
    out
}

fn write_type(schema: &Schema, ty: &TypeRef, out: &mut String) {
    match ty {
        TypeRef::Scalar(s) => out.push_str(match s {
            Scalar::String => "string",
            Scalar::Integer => "integer",
            Scalar::Unsigned => "u64",
            Scalar::Unsigned32 => "u32",
            Scalar::Float => "float",
            Scalar::Boolean => "boolean",
            Scalar::Any => "any",
            Scalar::DateTime => "date-time",
            Scalar::Bytes => "bytes",
        }),
        TypeRef::Literal(l) => out.push_str(&render_literal(l)),
        TypeRef::List(inner) | TypeRef::Map(inner) | TypeRef::Nullable(inner) => {
            out.push_str(match ty {
                TypeRef::List(_) => "list<",
                TypeRef::Map(_) => "map<",
                _ => "nullable<",
            });
            write_type(schema, inner, out);
            out.push('>');
        }
        TypeRef::Named(named) => match named.target.and_then(|id| schema.types.get(id)) {
            Some(def) => out.push_str(&type_key(def)),
            None => out.push_str(&named.name),
        },
        TypeRef::Unsupported(u) => {
            out.push_str("unsupported ");
            out.push_str(&u.construct);
        }
    }
}

/// An enum value or literal type as JSON writes it: `"flex"`, `1`, `true`.
pub fn render_literal(literal: &Literal) -> String {
    match literal {
        Literal::Str(s) => format!("{s:?}"),
        Literal::Int(i) => i.to_string(),
        Literal::Bool(b) => b.to_string(),
    }
}

/// A field's presence and type: `required float`, `optional-nullable DeploymentInvokeCompletionTokensDetails`.
fn field_desc(schema: &Schema, field: &Field) -> String {
    format!("{} {}", State::of(field).as_str(), render_type(schema, &field.ty))
}

/// What kind of type a definition is: `struct`, `enum`, `union`, `alias of string`.
fn kind_desc(schema: &Schema, def: &TypeDef) -> String {
    match &def.kind {
        TypeKind::Struct(_) => "struct".to_owned(),
        TypeKind::Enum(_) => "enum".to_owned(),
        TypeKind::Union(_) => "union".to_owned(),
        TypeKind::Alias(target) => format!("alias of {}", render_type(schema, target)),
        TypeKind::Unsupported(u) => format!("unsupported {}", u.construct),
    }
}

/// The docs as one line of words, `None` when there are none. Layout (line breaks, runs of
/// spaces) is not meaning, so it is not a change.
fn docs_text(docs: &Docs) -> Option<String> {
    let mut out = String::new();
    for word in docs.lines.iter().flat_map(|line| line.split_whitespace()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    (!out.is_empty()).then_some(out)
}

fn deprecation_text(deprecated: &Option<Deprecation>) -> Option<String> {
    deprecated.as_ref().map(|d| match d.note.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        Some(note) => format!("deprecated: {note}"),
        None => "deprecated".to_owned(),
    })
}
