//! Mistral: OpenAI's shape and rules. The cache and reasoning counts are in fields that
//! Mistral's schema lists (`UsageInfoDollarDefs`) outside the `UsageInfo` type: read from
//! `unknown_fields`.

use super::{cache_included, counted_outside, extra_count, openai_output, reasoning_included};
use crate::mistral::{ConversationUsageInfo, UsageInfo};
use crate::usage::{TokenUsage, Usage};
use crate::UnknownFields;

/// The cache reads and the reasoning, from the fields outside the type.
fn cached_and_reasoning(fields: &UnknownFields) -> (Option<u64>, Option<u64>) {
    let extra = |path: &[&str]| extra_count(fields, path);
    let cached = extra(&["prompt_tokens_details", "cached_tokens"])
        .or_else(|| extra(&["prompt_token_details", "cached_tokens"]))
        .or_else(|| extra(&["num_cached_tokens"]));
    (cached, extra(&["completion_tokens_details", "reasoning_tokens"]))
}

impl TokenUsage for UsageInfo {
    fn usage(&self) -> Usage {
        let (cached, reasoning) = cached_and_reasoning(&self.unknown_fields);
        Usage {
            input: cache_included(self.prompt_tokens, cached, None),
            output: openai_output(self.prompt_tokens, self.completion_tokens, self.total_tokens, reasoning),
        }
    }
}

/// A conversation: `connector_tokens` count as input when `total_tokens` shows they are
/// outside `prompt_tokens`; otherwise `prompt_tokens` stands. Cache and reasoning counts are
/// read as for [`UsageInfo`].
impl TokenUsage for ConversationUsageInfo {
    fn usage(&self) -> Usage {
        let (prompt, completion, total) = (self.prompt_tokens, self.completion_tokens, self.total_tokens);
        let connector = self.connector_tokens.value().copied();
        let input = if counted_outside(prompt, completion, total, connector) {
            prompt.zip(connector).and_then(|(p, k)| p.checked_add(k))
        } else {
            prompt
        };
        let (cached, reasoning) = cached_and_reasoning(&self.unknown_fields);
        Usage { input: cache_included(input, cached, None), output: reasoning_included(completion, reasoning) }
    }
}
