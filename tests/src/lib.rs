//! Integration tests for llm-usage (see `tests/`).
//!
//! The library part generates every folder of `schemas/` through the macro, exactly as a user
//! crate would (one module per folder, listed by `build.rs`), so that each snapshot under
//! `tests/snapshots/`, which `tests/snapshots.rs` takes from the same folders, is also proven
//! to compile.

include!(concat!(env!("OUT_DIR"), "/schemas.rs"));

/// The payload corpus and the type each payload belongs to.
pub mod corpus;
