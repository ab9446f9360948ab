//! Cohere: `tokens` is what the model read and wrote (and what `cached_tokens` counts
//! against); `billed_units` is what Cohere bills.

use super::cache_included;
use crate::cohere::{Usage as CohereUsage, UsageBilledUnits};
use crate::usage::{InputTokens, OutputTokens, TokenUsage, Usage};

impl TokenUsage for CohereUsage {
    fn usage(&self) -> Usage {
        match (&self.tokens, &self.billed_units) {
            (Some(tokens), _) => Usage {
                input: cache_included(tokens.input_tokens, self.cached_tokens, None),
                output: OutputTokens { total: tokens.output_tokens, text: None, reasoning: None },
            },
            // Embed and rerank responses carry only billed units.
            (None, Some(billed)) => billed.usage(),
            (None, None) => Usage::UNKNOWN,
        }
    }
}

/// Billed units: the only counts of embed and rerank responses. No cache count.
impl TokenUsage for UsageBilledUnits {
    fn usage(&self) -> Usage {
        Usage {
            input: InputTokens { total: self.input_tokens, ..InputTokens::UNKNOWN },
            output: OutputTokens { total: self.output_tokens, ..OutputTokens::UNKNOWN },
        }
    }
}
