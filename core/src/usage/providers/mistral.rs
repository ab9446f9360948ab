//! Mistral: OpenAI's shape and rules. The cache and reasoning counts are in fields that
//! Mistral's schema lists (`UsageInfoDollarDefs`) outside the `UsageInfo` type: read from
//! `unknown_fields`.

use super::{cache_included, extra_count, openai_output};
use crate::mistral::{ConversationUsageInfo, UsageInfo};
use crate::usage::{TokenUsage, Usage};

impl TokenUsage for UsageInfo {
    fn usage(&self) -> Usage {
        let extra = |path: &[&str]| extra_count(&self.unknown_fields, path);
        let cached = extra(&["prompt_tokens_details", "cached_tokens"])
            .or_else(|| extra(&["prompt_token_details", "cached_tokens"]))
            .or_else(|| extra(&["num_cached_tokens"]));
        let reasoning = extra(&["completion_tokens_details", "reasoning_tokens"]);
        Usage {
            input: cache_included(self.prompt_tokens, cached, None),
            output: openai_output(self.prompt_tokens, self.completion_tokens, self.total_tokens, reasoning),
        }
    }
}

/// A conversation: `connector_tokens` count as input when `total_tokens` shows they are
/// outside `prompt_tokens`; otherwise `prompt_tokens` stands.
impl TokenUsage for ConversationUsageInfo {
    fn usage(&self) -> Usage {
        let (prompt, completion, total) = (self.prompt_tokens, self.completion_tokens, self.total_tokens);
        let connector = self.connector_tokens.value().copied().filter(|&tokens| tokens > 0);
        let without = prompt.zip(completion).and_then(|(p, c)| p.checked_add(c));
        let outside = connector.is_some()
            && total.is_some()
            && without != total
            && without.zip(connector).and_then(|(sum, k)| sum.checked_add(k)) == total;
        let input = if outside { prompt.zip(connector).and_then(|(p, k)| p.checked_add(k)) } else { prompt };
        Usage { input: cache_included(input, None, None), output: openai_output(input, completion, total, None) }
    }
}
