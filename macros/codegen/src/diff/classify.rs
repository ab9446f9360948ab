//! The verdicts of each change: the "Updates" table of the design contract, row by row.
//!
//! | change (old → new) | wire | api |
//! | --- | --- | --- |
//! | required field removed | breaking | breaking |
//! | optional field removed | compatible | breaking |
//! | field added (any presence) | compatible (kept as unknown) | compatible |
//! | required → optional, or non-nullable → nullable | breaking | breaking |
//! | optional → required, or nullable → non-nullable | compatible | breaking |
//! | field type changed | breaking | breaking |
//! | enum value added | compatible (catch-all) | compatible (`#[non_exhaustive]`) |
//! | enum value removed | compatible | breaking |
//! | union variant added | breaking | breaking |
//! | union variant removed | compatible | breaking |
//! | wire name changed | breaking | compatible (when the Rust name stays) |
//! | type removed / added | breaking / compatible | breaking / compatible |
//! | description changed | information only | |
//!
//! Beyond the table, following its two questions: a Rust name changed (a `rename` in
//! `llm-usage.toml`, or a vendor name that makes another identifier) breaks the API and not
//! the wire; a type that changes kind (object → enum) breaks both, as any type change does;
//! deprecation is information, like docs (`#[deprecated]` warns, it does not stop a build).

use super::{ChangeKind, State, Verdict};
use crate::model::Presence;

use Verdict::{Breaking, Compatible};

/// A change with the facts its verdicts depend on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    TypeAdded,
    TypeRemoved,
    KindChanged,
    TypeChanged,
    FieldAdded,
    FieldRemoved { old: State },
    PresenceChanged { old: State, new: State },
    WireNameChanged,
    RustNameChanged,
    EnumValueAdded,
    EnumValueRemoved,
    UnionVariantAdded,
    UnionVariantRemoved,
    DocsChanged,
    DeprecationChanged,
    SameTypeJoined,
    SameTypeParted,
}

/// The kind of a change and its (wire, api) verdicts.
pub fn verdicts(case: Case) -> (ChangeKind, Verdict, Verdict) {
    match case {
        // "type removed / added: breaking / compatible", on both axes.
        Case::TypeAdded => (ChangeKind::TypeAdded, Compatible, Compatible),
        Case::TypeRemoved => (ChangeKind::TypeRemoved, Breaking, Breaking),
        // An object that became an enum is a changed type: "field type changed".
        Case::KindChanged => (ChangeKind::KindChanged, Breaking, Breaking),
        // "field type changed: breaking / breaking". This includes number types an override
        // changes (`float` → `u64`) and, strictly, widenings a reader would survive (a program
        // reading `f64` reads the integers a `u64` field describes): the table does not
        // distinguish them, and neither does this report.
        Case::TypeChanged => (ChangeKind::TypeChanged, Breaking, Breaking),
        // "field added (any presence): compatible (kept as unknown) / compatible".
        Case::FieldAdded => (ChangeKind::FieldAdded, Compatible, Compatible),
        // "required field removed: breaking / breaking"; "optional field removed: compatible /
        // breaking". Required-nullable counts as required: old readers need the key.
        Case::FieldRemoved { old } => {
            let wire = if old.presence == Presence::Required { Breaking } else { Compatible };
            (ChangeKind::FieldRemoved, wire, Breaking)
        }
        Case::PresenceChanged { old, new } => {
            (ChangeKind::PresenceChanged, presence_wire(old, new), presence_api(old, new))
        }
        // "wire name changed: breaking / compatible (when the Rust name stays)": a field's JSON
        // key, or an enum value (its wire form) under the same variant. Either is only paired
        // across a wire-name change by its Rust name, so the Rust name stayed.
        Case::WireNameChanged => (ChangeKind::WireNameChanged, Breaking, Compatible),
        // A Rust name is invisible on the wire and is what code is written against.
        Case::RustNameChanged => (ChangeKind::RustNameChanged, Compatible, Breaking),
        // "enum value added: compatible (catch-all) / compatible (`#[non_exhaustive]`)".
        Case::EnumValueAdded => (ChangeKind::EnumValueAdded, Compatible, Compatible),
        // "enum value removed: compatible / breaking".
        Case::EnumValueRemoved => (ChangeKind::EnumValueRemoved, Compatible, Breaking),
        // "union variant added: breaking / breaking"; "union variant removed: compatible / breaking".
        Case::UnionVariantAdded => (ChangeKind::UnionVariantAdded, Breaking, Breaking),
        Case::UnionVariantRemoved => (ChangeKind::UnionVariantRemoved, Compatible, Breaking),
        // "description changed: information only".
        Case::DocsChanged => (ChangeKind::DocsChanged, Compatible, Compatible),
        Case::DeprecationChanged => (ChangeKind::DeprecationChanged, Compatible, Compatible),
        // Information: which names are one Rust type is not part of the generated API (code
        // relies on the names; `distinct = true` keeps a type its own). A real orq release
        // joins or parts over a thousand such types, and as breaking changes they would drown
        // the rest. Reported, so that code that did rely on it learns why it stopped compiling.
        Case::SameTypeJoined => (ChangeKind::SameTypeJoined, Compatible, Compatible),
        Case::SameTypeParted => (ChangeKind::SameTypeParted, Compatible, Compatible),
    }
}

/// "required → optional, or non-nullable → nullable: breaking"; "optional → required, or
/// nullable → non-nullable: compatible". A change of both facts breaks if either part does
/// (required-nullable → optional: the key may now be missing, which old readers reject).
///
/// One row is stricter than the generated reader: an optional, non-nullable field already
/// reads `null` (as `None`), so optional → optional-nullable would not fail to parse. The
/// table still calls it breaking, and rightly for this project: the old type writes that
/// `null` back as an absent key, so the round trip the contract promises is lost.
fn presence_wire(old: State, new: State) -> Verdict {
    let loosened = old.presence == Presence::Required && new.presence == Presence::Optional;
    let became_nullable = !old.nullable && new.nullable;
    if loosened || became_nullable {
        Breaking
    } else {
        Compatible
    }
}

/// Every presence change breaks the API, as the table says for both directions.
///
/// Rust itself would sometimes still compile: the four states are `T`, `Option<T>`,
/// `Option<T>` and `OptionalNullable<T>`, so required-nullable ↔ optional keeps the field's
/// Rust type `Option<T>`, and code reading or building it compiles unchanged. It is reported
/// as breaking anyway, because (1) the contract's table says so, (2) the same code now means
/// something else — a `None` it writes switches between `null` and an absent key, and a
/// missing key switches between an error and `None` — and (3) which Rust type each state gets
/// is the emitter's choice, which this report must not silently depend on.
fn presence_api(old: State, new: State) -> Verdict {
    if old == new {
        Compatible
    } else {
        Breaking
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REQUIRED: State = State { presence: Presence::Required, nullable: false };
    const REQUIRED_NULLABLE: State = State { presence: Presence::Required, nullable: true };
    const OPTIONAL: State = State { presence: Presence::Optional, nullable: false };
    const OPTIONAL_NULLABLE: State = State { presence: Presence::Optional, nullable: true };

    fn presence(old: State, new: State) -> (Verdict, Verdict) {
        let (kind, wire, api) = verdicts(Case::PresenceChanged { old, new });
        assert_eq!(kind, ChangeKind::PresenceChanged);
        (wire, api)
    }

    #[test]
    fn loosening_presence_breaks_both_and_tightening_only_the_api() {
        // required → optional; non-nullable → nullable.
        assert_eq!(presence(REQUIRED, OPTIONAL), (Breaking, Breaking));
        assert_eq!(presence(REQUIRED, REQUIRED_NULLABLE), (Breaking, Breaking));
        assert_eq!(presence(OPTIONAL, OPTIONAL_NULLABLE), (Breaking, Breaking));
        assert_eq!(presence(REQUIRED, OPTIONAL_NULLABLE), (Breaking, Breaking));
        // optional → required; nullable → non-nullable.
        assert_eq!(presence(OPTIONAL, REQUIRED), (Compatible, Breaking));
        assert_eq!(presence(REQUIRED_NULLABLE, REQUIRED), (Compatible, Breaking));
        assert_eq!(presence(OPTIONAL_NULLABLE, OPTIONAL), (Compatible, Breaking));
        assert_eq!(presence(OPTIONAL_NULLABLE, REQUIRED), (Compatible, Breaking));
        // Mixed: one part loosens, so it breaks the wire.
        assert_eq!(presence(REQUIRED_NULLABLE, OPTIONAL), (Breaking, Breaking));
        assert_eq!(presence(OPTIONAL, REQUIRED_NULLABLE), (Breaking, Breaking));
    }

    #[test]
    fn removing_a_field_breaks_the_wire_only_when_it_was_required() {
        for (old, wire) in [
            (REQUIRED, Breaking),
            (REQUIRED_NULLABLE, Breaking),
            (OPTIONAL, Compatible),
            (OPTIONAL_NULLABLE, Compatible),
        ] {
            assert_eq!(verdicts(Case::FieldRemoved { old }), (ChangeKind::FieldRemoved, wire, Breaking), "{old:?}");
        }
    }

    #[test]
    fn the_rest_of_the_table() {
        let rows = [
            (Case::FieldAdded, Compatible, Compatible),
            (Case::TypeChanged, Breaking, Breaking),
            (Case::KindChanged, Breaking, Breaking),
            (Case::EnumValueAdded, Compatible, Compatible),
            (Case::EnumValueRemoved, Compatible, Breaking),
            (Case::UnionVariantAdded, Breaking, Breaking),
            (Case::UnionVariantRemoved, Compatible, Breaking),
            (Case::WireNameChanged, Breaking, Compatible),
            (Case::RustNameChanged, Compatible, Breaking),
            (Case::TypeRemoved, Breaking, Breaking),
            (Case::TypeAdded, Compatible, Compatible),
            (Case::DocsChanged, Compatible, Compatible),
            (Case::DeprecationChanged, Compatible, Compatible),
            (Case::SameTypeJoined, Compatible, Compatible),
            (Case::SameTypeParted, Compatible, Compatible),
        ];
        for (case, wire, api) in rows {
            let (kind, w, a) = verdicts(case);
            assert_eq!((w, a), (wire, api), "{case:?}");
            let info = matches!(
                case,
                Case::DocsChanged | Case::DeprecationChanged | Case::SameTypeJoined | Case::SameTypeParted
            );
            assert_eq!(kind.is_info(), info, "{case:?}");
        }
    }
}
