//! [`TokenUsage`](super::TokenUsage) for each provider's generated usage types, and the
//! arithmetic they share. The rules, and why, are on [`Usage`](super::Usage).

use super::{add, sub, InputTokens, ModalityTokens, OutputTokens};

mod anthropic;
mod bedrock;
mod cohere;
mod google;
mod mistral;
mod openai;
mod orq;

/// Input of a provider whose total includes the cache (OpenAI, Google, Mistral, Cohere):
/// `no_cache` is what is left of the total after the cache reads and the reported cache
/// writes (an unreported write count subtracts nothing; an unknown read count leaves it
/// unknown).
pub(crate) fn cache_included(total: Option<u64>, cache_read: Option<u64>, cache_write: Option<u64>) -> InputTokens {
    let no_cache = sub(total, cache_read).and_then(|rest| rest.checked_sub(cache_write.unwrap_or(0)));
    InputTokens { total, no_cache, cache_read, cache_write }
}

/// Input of a provider whose input count leaves the cache out (Anthropic, Bedrock): the total
/// adds the cache reads and the reported cache writes (an unreported write count adds nothing;
/// an unknown read count leaves it unknown).
pub(crate) fn cache_excluded(no_cache: Option<u64>, cache_read: Option<u64>, cache_write: Option<u64>) -> InputTokens {
    let total = add(no_cache, cache_read).and_then(|sum| sum.checked_add(cache_write.unwrap_or(0)));
    InputTokens { total, no_cache, cache_read, cache_write }
}

/// Output whose total includes the reasoning (OpenAI, Anthropic): `text` is the rest.
pub(crate) fn reasoning_included(total: Option<u64>, reasoning: Option<u64>) -> OutputTokens {
    OutputTokens { total, text: sub(total, reasoning), reasoning }
}

/// Output of an OpenAI-shaped usage. `completion_tokens` includes reasoning by OpenAI's
/// definition, unless `total_tokens` is exactly prompt + completion + reasoning (and not
/// prompt + completion): then the server counted the reasoning outside the completion (xAI's
/// chat completions do) and it is added.
pub(crate) fn openai_output(
    prompt: Option<u64>,
    completion: Option<u64>,
    total: Option<u64>,
    reasoning: Option<u64>,
) -> OutputTokens {
    if counted_outside(prompt, completion, total, reasoning) {
        OutputTokens { total: add(completion, reasoning), text: completion, reasoning }
    } else {
        reasoning_included(completion, reasoning)
    }
}

/// Whether a non-zero `extra` count (reasoning, connector tokens) was counted outside prompt
/// and completion: `total` is exactly prompt + completion + extra, and not prompt + completion.
pub(crate) fn counted_outside(
    prompt: Option<u64>,
    completion: Option<u64>,
    total: Option<u64>,
    extra: Option<u64>,
) -> bool {
    let without = add(prompt, completion);
    matches!(extra, Some(e) if e > 0) && total.is_some() && without != total && add(without, extra) == total
}

/// A count in an object the generated type does not describe (`unknown_fields`), at `path`:
/// `Some` only for a whole non-negative number.
pub(crate) fn extra_count(fields: &crate::UnknownFields, path: &[&str]) -> Option<u64> {
    let (first, rest) = path.split_first()?;
    let top = fields.value(first)?;
    let mut value = &top;
    for key in rest {
        value = value.get(key)?;
    }
    value.as_u64()
}

/// A count the doc types as a number (`f64`): `Some` only for a whole, non-negative number
/// that fits in `u64`.
pub(crate) fn count_from_f64(value: f64) -> Option<u64> {
    // 2^64 as f64; every whole f64 below it fits.
    const LIMIT: f64 = 18_446_744_073_709_551_616.0;
    (value.is_finite() && value >= 0.0 && value.fract() == 0.0 && value < LIMIT).then_some(value as u64)
}

/// Adds `count` to a modality's slot: a listed modality's counts add up.
pub(crate) fn add_to(slot: &mut Option<u64>, count: u64) {
    *slot = Some(slot.unwrap_or(0).saturating_add(count));
}

/// Two lists of the same side (Google's prompt and tool-use prompt details): a modality one
/// list leaves out takes the other's count.
pub(crate) fn merge_lists(a: ModalityTokens, b: ModalityTokens) -> ModalityTokens {
    fn either(a: Option<u64>, b: Option<u64>) -> Option<u64> {
        match (a, b) {
            (Some(a), Some(b)) => a.checked_add(b),
            (a, b) => a.or(b),
        }
    }
    ModalityTokens {
        text: either(a.text, b.text),
        image: either(a.image, b.image),
        audio: either(a.audio, b.audio),
        video: either(a.video, b.video),
        document: either(a.document, b.document),
        other: either(a.other, b.other),
    }
}
