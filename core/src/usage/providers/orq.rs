//! orq.ai: OpenAI's shape and rules; its doc types the counts as numbers.

use super::{cache_included, count_from_f64, openai_output};
use crate::orq::DeploymentInvokeUsage;
use crate::usage::{TokenUsage, Usage};

impl TokenUsage for DeploymentInvokeUsage {
    fn usage(&self) -> Usage {
        let count = |value: Option<f64>| value.and_then(count_from_f64);
        let (prompt, completion, total) =
            (count(self.prompt_tokens), count(self.completion_tokens), count(self.total_tokens));
        let cached = count(self.prompt_tokens_details.as_ref().and_then(|d| d.cached_tokens.value().copied()));
        let reasoning = count(self.completion_tokens_details.value().and_then(|d| d.reasoning_tokens.value().copied()));
        Usage {
            input: cache_included(prompt, cached, None),
            output: openai_output(prompt, completion, total, reasoning),
        }
    }
}
