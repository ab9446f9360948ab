//! Typed token-usage structs generated from LLM vendors' own API docs.
//!
//! The types under each module are generated at compile time from the workspace's `schemas/`
//! folder (`schemas/orq/*.md` → [`orq`]). Any crate can generate its own from its own folder
//! with [`include_schemas!`].
//!
//! [`Usage`] is one view of every provider's usage — input with cache reads and writes, output
//! with reasoning, `None` where the provider did not say — which every usage type gives through
//! [`TokenUsage`]; [`usage::read`] finds it in a response body or stream.

// Generated code names this crate as `::llm_usage`, here as in every other crate.
extern crate self as llm_usage;

pub use llm_usage_macros::include_schemas;

mod runtime;

pub use runtime::optional_nullable::OptionalNullable;
pub use runtime::unknown::{UnknownFields, UnknownValue};

pub mod usage;

pub use usage::{InputTokens, Modalities, ModalityTokens, OutputTokens, TokenUsage, Usage};

/// What generated code needs at run time. Not part of the public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::runtime::private::*;
}

include_schemas!("../schemas");

/// Identifies the `schemas/` folder this build was generated from (file names and sizes);
/// set by the build script so that adding or removing a doc rebuilds this crate.
#[doc(hidden)]
pub const __SCHEMAS_STAMP: &str = env!("LLM_USAGE_SCHEMAS_STAMP");
