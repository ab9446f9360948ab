//! Anthropic: `input_tokens` leaves out the cache reads and writes; `output_tokens` includes
//! the thinking (`output_tokens_details.thinking_tokens`); `compaction` iterations are outside
//! the top-level counts.

use serde_json::Value;

use super::{cache_excluded, reasoning_included};
use crate::anthropic::{MessageDeltaUsage, Usage as AnthropicUsage};
use crate::usage::{TokenUsage, Usage};
use crate::UnknownFields;

/// One sampling step's counts, as Anthropic reports them.
fn step(
    input: Option<u64>,
    cache_read: Option<u64>,
    cache_write: Option<u64>,
    output: Option<u64>,
    reasoning: Option<u64>,
) -> Usage {
    Usage { input: cache_excluded(input, cache_read, cache_write), output: reasoning_included(output, reasoning) }
}

/// The top-level counts plus every `compaction` iteration (kept in `unknown_fields`: the SDK
/// type has no `iterations`), each added as a further step. `advisor_message` (another
/// model's usage), `fallback_message` (the top level already is the attempt that served the
/// answer) and `message` (what the top level adds up) iterations add nothing.
fn with_compaction(top: Usage, unknown: &UnknownFields) -> Usage {
    let Some(Value::Array(iterations)) = unknown.value("iterations") else { return top };
    iterations.iter().filter(|iteration| iteration.get("type").and_then(Value::as_str) == Some("compaction")).fold(
        top,
        |sum, iteration| {
            let count = |key: &str| iteration.get(key).and_then(Value::as_u64);
            sum + step(
                count("input_tokens"),
                count("cache_read_input_tokens"),
                count("cache_creation_input_tokens"),
                count("output_tokens"),
                None,
            )
        },
    )
}

impl TokenUsage for AnthropicUsage {
    fn usage(&self) -> Usage {
        let top = step(
            Some(self.input_tokens),
            self.cache_read_input_tokens.value().copied(),
            self.cache_creation_input_tokens.value().copied(),
            Some(self.output_tokens),
            self.output_tokens_details.value().map(|details| details.thinking_tokens),
        );
        with_compaction(top, &self.unknown_fields)
    }
}

/// A `message_delta`'s counts are cumulative: the message's usage so far.
impl TokenUsage for MessageDeltaUsage {
    fn usage(&self) -> Usage {
        let top = step(
            self.input_tokens,
            self.cache_read_input_tokens.value().copied(),
            self.cache_creation_input_tokens.value().copied(),
            Some(self.output_tokens),
            self.output_tokens_details.value().map(|details| details.thinking_tokens),
        );
        with_compaction(top, &self.unknown_fields)
    }
}
