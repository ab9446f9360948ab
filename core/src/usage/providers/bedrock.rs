//! Bedrock Converse: `inputTokens` leaves out the cache reads and writes; `totalTokens` is
//! every token of the call.

use super::cache_excluded;
use crate::bedrock::TokenUsage as BedrockUsage;
use crate::usage::{OutputTokens, TokenUsage, Usage};

impl TokenUsage for BedrockUsage {
    fn usage(&self) -> Usage {
        let (mut read, mut write) = (self.cache_read_input_tokens, self.cache_write_input_tokens);
        if read.is_none() || write.is_none() {
            // What `totalTokens` leaves for the absent cache counts; if nothing, they are 0
            // (counts are never negative). Otherwise they stay unknown.
            let rest = self
                .total_tokens
                .checked_sub(self.input_tokens)
                .and_then(|rest| rest.checked_sub(self.output_tokens))
                .and_then(|rest| rest.checked_sub(read.unwrap_or(0)))
                .and_then(|rest| rest.checked_sub(write.unwrap_or(0)));
            if rest == Some(0) {
                read = read.or(Some(0));
                write = write.or(Some(0));
            }
        }
        Usage {
            input: cache_excluded(Some(self.input_tokens), read, write),
            // Converse reports no reasoning count (it is inside `outputTokens`).
            output: OutputTokens { total: Some(self.output_tokens), text: None, reasoning: None },
        }
    }
}
