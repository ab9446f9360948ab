//! Integration tests for llm-usage (see `tests/`).
//!
//! The library part generates every folder of `schemas/` through the macro, exactly as a user
//! crate would (one module per folder, listed by `build.rs`), so that each snapshot under
//! `tests/snapshots/`, which `tests/snapshots.rs` takes from the same folders, is also proven
//! to compile.

include!(concat!(env!("OUT_DIR"), "/schemas.rs"));

/// The payload corpus and the type each payload belongs to.
pub mod corpus;

/// The workspace's `schemas/` written the plain serde way (`#[derive(Serialize, Deserialize)]`,
/// no unknown-field capture, enums that fold unknown values into one variant): the baseline of
/// `benches/payloads.rs`.
#[allow(clippy::all, missing_docs)]
pub mod plain {
    include!(concat!(env!("OUT_DIR"), "/plain.rs"));
}
