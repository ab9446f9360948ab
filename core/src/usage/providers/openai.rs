//! OpenAI (and the servers that speak its shape): `prompt_tokens` / `input_tokens` include the
//! cache reads and writes; `completion_tokens` / `output_tokens` include the reasoning.

use super::{cache_included, extra_count, openai_output};
use crate::openai::audio::transcription::{Duration, Tokens};
use crate::openai::create_embedding_response::Usage as EmbeddingUsage;
use crate::openai::responses::ResponseUsage;
use crate::openai::CompletionUsage;
use crate::usage::{InputTokens, Modalities, ModalityTokens, OutputTokens, TokenUsage, Usage};

/// Chat and legacy completions, and every OpenAI-compatible server.
impl TokenUsage for CompletionUsage {
    fn usage(&self) -> Usage {
        let details = self.prompt_tokens_details.value();
        // DeepSeek's own name for the same count, read only where `cached_tokens` is absent.
        let cached = details
            .and_then(|d| d.cached_tokens)
            .or_else(|| extra_count(&self.unknown_fields, &["prompt_cache_hit_tokens"]));
        let cache_write = details.and_then(|d| d.cache_write_tokens);
        let reasoning = self.completion_tokens_details.value().and_then(|d| d.reasoning_tokens);
        let (prompt, completion, total) =
            (Some(self.prompt_tokens), Some(self.completion_tokens), Some(self.total_tokens));
        Usage {
            input: cache_included(prompt, cached, cache_write),
            output: openai_output(prompt, completion, total, reasoning),
        }
    }

    fn modalities(&self) -> Modalities {
        let input = self.prompt_tokens_details.value().map_or(ModalityTokens::UNKNOWN, |d| ModalityTokens {
            text: d.text_tokens,
            image: d.image_tokens,
            audio: d.audio_tokens,
            ..ModalityTokens::UNKNOWN
        });
        let output = self.completion_tokens_details.value().map_or(ModalityTokens::UNKNOWN, |d| ModalityTokens {
            text: d.text_tokens,
            audio: d.audio_tokens,
            ..ModalityTokens::UNKNOWN
        });
        Modalities { input, output }
    }
}

/// The Responses API.
impl TokenUsage for ResponseUsage {
    fn usage(&self) -> Usage {
        let details = &self.input_tokens_details;
        let (input, output, total) = (Some(self.input_tokens), Some(self.output_tokens), Some(self.total_tokens));
        Usage {
            input: cache_included(input, Some(details.cached_tokens), details.cache_write_tokens),
            output: openai_output(input, output, total, Some(self.output_tokens_details.reasoning_tokens)),
        }
    }
}

/// Embeddings: input only. When `total_tokens` is the prompt, there was no output at all.
impl TokenUsage for EmbeddingUsage {
    fn usage(&self) -> Usage {
        let output = if self.total_tokens == self.prompt_tokens { OutputTokens::ZERO } else { OutputTokens::UNKNOWN };
        // The embeddings usage has no cache count: `no_cache` is unknown.
        Usage { input: cache_included(Some(self.prompt_tokens), None, None), output }
    }
}

/// A transcription billed by tokens.
impl TokenUsage for Tokens {
    fn usage(&self) -> Usage {
        Usage {
            input: InputTokens { total: Some(self.input_tokens), ..InputTokens::UNKNOWN },
            output: OutputTokens { total: Some(self.output_tokens), ..OutputTokens::UNKNOWN },
        }
    }

    fn modalities(&self) -> Modalities {
        let input = self.input_token_details.as_ref().map_or(ModalityTokens::UNKNOWN, |d| ModalityTokens {
            text: d.text_tokens,
            audio: d.audio_tokens,
            ..ModalityTokens::UNKNOWN
        });
        Modalities { input, output: ModalityTokens::UNKNOWN }
    }
}

/// A transcription billed by the second: no token counts at all.
impl TokenUsage for Duration {
    fn usage(&self) -> Usage {
        Usage::UNKNOWN
    }
}
