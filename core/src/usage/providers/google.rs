//! Google (Gemini API and Vertex AI): `promptTokenCount` includes the cached content;
//! `candidatesTokenCount` leaves out the thoughts; the tool-use prompt is outside the prompt;
//! counts that are 0 are left out (proto3 JSON).

use super::{add_to, cache_included, merge_lists};
use crate::google::{GenerateContentResponseUsageMetadata, MediaModality, ModalityTokenCount, UsageMetadata};
use crate::usage::{add, Modalities, ModalityTokens, OutputTokens, TokenUsage, Usage};

/// The counts of either usage shape (`candidates` is the Live API's `responseTokenCount`).
struct Counts {
    prompt: Option<u64>,
    cached: Option<u64>,
    candidates: Option<u64>,
    thoughts: Option<u64>,
    tool_use: Option<u64>,
    total: Option<u64>,
}

impl Counts {
    fn usage(mut self) -> Usage {
        // An object that counted the prompt is a count report: Google leaves its zeros out.
        // `totalTokenCount` (prompt + candidates + tool-use prompt + thoughts), when there,
        // must agree; else the absent counts are not known to be 0.
        if self.prompt.is_some() {
            let present = [self.prompt, self.candidates, self.thoughts, self.tool_use]
                .iter()
                .try_fold(0u64, |sum, count| sum.checked_add(count.unwrap_or(0)));
            if self.total.is_none() || present == self.total {
                for count in [&mut self.cached, &mut self.candidates, &mut self.thoughts, &mut self.tool_use] {
                    count.get_or_insert(0);
                }
            }
        }
        Usage {
            // Google reports no cache writes (an explicit cache is written by its own call).
            input: cache_included(add(self.prompt, self.tool_use), self.cached, None),
            output: OutputTokens {
                total: add(self.candidates, self.thoughts),
                text: self.candidates,
                reasoning: self.thoughts,
            },
        }
    }
}

/// One details list by modality: a listed modality's counts add up; an entry without a count
/// says nothing.
fn by_modality(details: Option<&Vec<ModalityTokenCount>>) -> ModalityTokens {
    let mut tokens = ModalityTokens::UNKNOWN;
    for entry in details.into_iter().flatten() {
        let Some(count) = entry.token_count else { continue };
        let slot = match &entry.modality {
            // "When a modality is not specified, it is treated as `TEXT`."
            Some(MediaModality::Text | MediaModality::ModalityUnspecified) => &mut tokens.text,
            Some(MediaModality::Image) => &mut tokens.image,
            Some(MediaModality::Audio) => &mut tokens.audio,
            Some(MediaModality::Video) => &mut tokens.video,
            Some(MediaModality::Document) => &mut tokens.document,
            Some(MediaModality::Unknown(_)) | None => &mut tokens.other,
        };
        add_to(slot, count);
    }
    tokens
}

/// `generateContent`, `streamGenerateContent`, `embedContent`.
impl TokenUsage for GenerateContentResponseUsageMetadata {
    fn usage(&self) -> Usage {
        Counts {
            prompt: self.prompt_token_count,
            cached: self.cached_content_token_count,
            candidates: self.candidates_token_count,
            thoughts: self.thoughts_token_count,
            tool_use: self.tool_use_prompt_token_count,
            total: self.total_token_count,
        }
        .usage()
    }

    fn modalities(&self) -> Modalities {
        Modalities {
            input: merge_lists(
                by_modality(self.prompt_tokens_details.as_ref()),
                by_modality(self.tool_use_prompt_tokens_details.as_ref()),
            ),
            output: by_modality(self.candidates_tokens_details.as_ref()),
        }
    }
}

/// The Live API's usage (`responseTokenCount` for the candidates).
impl TokenUsage for UsageMetadata {
    fn usage(&self) -> Usage {
        Counts {
            prompt: self.prompt_token_count,
            cached: self.cached_content_token_count,
            candidates: self.response_token_count,
            thoughts: self.thoughts_token_count,
            tool_use: self.tool_use_prompt_token_count,
            total: self.total_token_count,
        }
        .usage()
    }

    fn modalities(&self) -> Modalities {
        Modalities {
            input: merge_lists(
                by_modality(self.prompt_tokens_details.as_ref()),
                by_modality(self.tool_use_prompt_tokens_details.as_ref()),
            ),
            output: by_modality(self.response_tokens_details.as_ref()),
        }
    }
}
