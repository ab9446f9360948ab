//! One token count for every provider: [`Usage`], what each provider's usage type says in it
//! ([`TokenUsage`]), and [`read`]: the usage in a response body, usage object or stream.

use std::iter::Sum;
use std::ops::{Add, AddAssign};

use serde::{Deserialize, Serialize};

mod providers;
mod read;

pub use read::{read, Provider, ReadError, Reading};

/// The tokens of one call (or of several, added up), the same way for every provider.
///
/// Providers disagree on what their counts include: Anthropic's and Bedrock's `input_tokens`
/// leave out the tokens read from and written to the prompt cache, while OpenAI's
/// `prompt_tokens` and Google's `promptTokenCount` include them; Google's
/// `candidatesTokenCount` leaves out the thinking tokens (`thoughtsTokenCount`), while
/// OpenAI's `completion_tokens` and Anthropic's `output_tokens` include reasoning. `Usage`
/// follows the conventions that agree (OpenTelemetry GenAI `gen_ai.usage.*`, pydantic's
/// genai-prices, Vercel's AI SDK):
///
/// - **input includes cache reads and writes**:
///   `input.total = input.no_cache + input.cache_read + input.cache_write`;
/// - **output includes reasoning**: `output.total = output.text + output.reasoning`.
///
/// # `None` is "the provider did not say"
///
/// Every figure is a count the provider gave or arithmetic on counts it gave; nothing is made
/// up. A count the response does not carry is `None`, never 0, and a figure computed from it
/// is `None` too, with two exceptions, both decided by what the provider itself says:
///
/// - **Zeros the provider's own accounting proves.** Google writes proto3 JSON, which leaves
///   out every count that is 0; in a usage object that has `promptTokenCount` an absent count
///   is therefore 0 — unless `totalTokenCount` is there and the present counts do not add up
///   to it, in which case the absent ones stay `None`. Bedrock's `totalTokens` is every token
///   of the call; when `inputTokens + outputTokens` already make it up, the absent cache counts
///   can only be 0. Without `promptTokenCount` (Vertex's first stream chunks carry only
///   `trafficType`) nothing was counted and everything is `None`.
/// - **An absent cache-write count adds nothing.** Providers report cache writes exactly when
///   they price them apart (Anthropic, Bedrock, OpenAI's newer `cache_write_tokens`), so a
///   response without one had no input priced as a write: `no_cache` (input at the base
///   rate) and Anthropic's `total` do not wait for it. `cache_write` itself stays `None`.
///   A missing cache-*read* count, by contrast, leaves the split unknown: every provider that
///   caches reports reads, so a response without them (OpenAI-compatible servers that send
///   `prompt_tokens_details: null`, Anthropic-compatible endpoints) does not say whether any
///   input came from a cache, and the figures that depend on it are `None`.
///
/// `no_cache` is computed by subtraction for the providers whose total includes the cache; if
/// the parts exceed the total (the provider's numbers do not reconcile) it is `None`.
///
/// # Where the provider's counts disagree
///
/// - **Anthropic `iterations`** (not in the SDK type: it is kept in `unknown_fields`). The
///   top-level counts leave out `compaction` iterations, which are billed at the same
///   model's rates: they are added, counts and cache alike. `advisor_message` iterations are
///   another model's usage, billed at its rates and left out of the top level: left out here
///   too (`Usage` is the usage of the model that answered). With a `fallback_message` the top
///   level already is the usage of the attempt that served the answer, and is used as is.
///   `message` iterations are what the top level adds up.
/// - **Google `toolUsePromptTokenCount`** is counted as input: the tool results are fed to
///   the model as input, and `totalTokenCount` is prompt + candidates + tool-use prompt +
///   thoughts (every recorded response adds up so), so it is not inside `promptTokenCount`.
/// - **OpenAI `completion_tokens` against `total_tokens`.** OpenAI's completion count includes
///   reasoning. Some compatible servers (xAI's chat completions) leave reasoning out of it:
///   when `total_tokens` is exactly prompt + completion + reasoning (and not prompt +
///   completion), the reasoning is added to the output. Otherwise OpenAI's definition stands.
/// - **OpenAI `cache_write_tokens`** (in `prompt_tokens_details` / `input_tokens_details`) is
///   part of `prompt_tokens` (a recorded response has 4,012 written of 4,020 prompt tokens and
///   a total of prompt + completion), so it is subtracted from `no_cache`, not added to the
///   total.
/// - **DeepSeek `prompt_cache_hit_tokens`** (an extra field) is the same count as
///   `prompt_tokens_details.cached_tokens`; it is read as the cache read only when
///   `cached_tokens` is absent (older DeepSeek responses have only hit/miss). Its
///   `prompt_cache_miss_tokens` is what `no_cache` computes.
/// - **Mistral** sends its cache count as `prompt_tokens_details.cached_tokens`,
///   `prompt_token_details.cached_tokens` or `num_cached_tokens` and its reasoning as
///   `completion_tokens_details.reasoning_tokens`, all listed in Mistral's own schema
///   (`UsageInfoDollarDefs`) but outside the `UsageInfo` type: read from `unknown_fields`.
///   `connector_tokens` of a conversation count as input only when `total_tokens` shows
///   they are outside `prompt_tokens`.
/// - **Cohere `billed_units` against `tokens`.** `tokens` is what the model read and wrote;
///   `billed_units` is what Cohere bills, without its prompt template — and `cached_tokens`
///   (2,928 of 2,935 input tokens, with 2,406 billed, in a recorded response) counts against
///   `tokens`. So `tokens` gives the figures; `billed_units` only when there is no `tokens`
///   (embed and rerank responses carry only billed units).
///
/// `output.text` is the output that is not reasoning — the answer, in whatever modality;
/// [`Modalities`] has the per-modality counts where the provider gives them.
///
/// # Adding calls up
///
/// `+`, `+=` and [`Sum`] add field by field. A sum is known only if every call's figure is:
/// `Some(a) + Some(b) = Some(a + b)`, and `None + Some(x) = None`. Keeping the known part
/// (`Some(x)`) would silently leave out the call that did not say, which is the undercount
/// this type exists to prevent; `None` says "at least one call did not say". So the start of
/// an accumulation is [`Usage::ZERO`] (the sum of no calls, which is what [`Sum`] of an empty
/// iterator gives), not [`Usage::UNKNOWN`], which absorbs everything added to it — and for
/// that reason `Usage` has no `Default`.
///
/// # Serde
///
/// Always every field, `None` as `null`:
/// `{"input":{"total":…,"no_cache":…,"cache_read":…,"cache_write":…},"output":{"total":…,"text":…,"reasoning":…}}`.
///
/// # One example per provider
///
/// Anthropic: `input_tokens` leaves out the cache, so the total adds it.
///
/// ```
/// use llm_usage::{anthropic, TokenUsage};
/// let usage: anthropic::Usage = serde_json::from_str(
///     r#"{"input_tokens": 6, "cache_creation_input_tokens": 3337, "cache_read_input_tokens": 6289,
///         "output_tokens": 198, "output_tokens_details": {"thinking_tokens": 0}}"#,
/// )?;
/// let usage = usage.usage();
/// assert_eq!((usage.input.total, usage.input.no_cache), (Some(9632), Some(6)));
/// assert_eq!((usage.input.cache_read, usage.input.cache_write), (Some(6289), Some(3337)));
/// assert_eq!((usage.output.total, usage.output.text, usage.output.reasoning), (Some(198), Some(198), Some(0)));
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// OpenAI: `prompt_tokens` includes the cache, `completion_tokens` the reasoning.
///
/// ```
/// use llm_usage::{openai, TokenUsage};
/// let usage: openai::CompletionUsage = serde_json::from_str(
///     r#"{"prompt_tokens": 495, "completion_tokens": 144, "total_tokens": 639,
///         "prompt_tokens_details": {"cached_tokens": 320},
///         "completion_tokens_details": {"reasoning_tokens": 118}}"#,
/// )?;
/// let usage = usage.usage();
/// assert_eq!((usage.input.total, usage.input.no_cache, usage.input.cache_read), (Some(495), Some(175), Some(320)));
/// assert_eq!(usage.input.cache_write, None); // no cache_write_tokens: not said
/// assert_eq!((usage.output.total, usage.output.text, usage.output.reasoning), (Some(144), Some(26), Some(118)));
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// Google: `candidatesTokenCount` leaves out the thoughts, so the output total adds them.
///
/// ```
/// use llm_usage::{google, TokenUsage};
/// let usage: google::GenerateContentResponseUsageMetadata = serde_json::from_str(
///     r#"{"promptTokenCount": 3520, "cachedContentTokenCount": 3512, "candidatesTokenCount": 2,
///         "thoughtsTokenCount": 42, "totalTokenCount": 3564}"#,
/// )?;
/// let usage = usage.usage();
/// assert_eq!((usage.input.total, usage.input.no_cache, usage.input.cache_read), (Some(3520), Some(8), Some(3512)));
/// assert_eq!((usage.output.total, usage.output.text, usage.output.reasoning), (Some(44), Some(2), Some(42)));
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// Mistral: OpenAI's shape, with the cache count in a field of Mistral's own.
///
/// ```
/// use llm_usage::{mistral, TokenUsage};
/// let usage: mistral::UsageInfo = serde_json::from_str(
///     r#"{"prompt_tokens": 64, "completion_tokens": 6, "total_tokens": 70, "num_cached_tokens": 32}"#,
/// )?;
/// let usage = usage.usage();
/// assert_eq!((usage.input.total, usage.input.no_cache, usage.input.cache_read), (Some(64), Some(32), Some(32)));
/// assert_eq!(usage.output.total, Some(6));
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// Cohere: the model's `tokens`, not the `billed_units`.
///
/// ```
/// use llm_usage::{cohere, TokenUsage};
/// let usage: cohere::Usage = serde_json::from_str(
///     r#"{"billed_units": {"input_tokens": 12, "output_tokens": 7},
///         "tokens": {"input_tokens": 507, "output_tokens": 10}, "cached_tokens": 448}"#,
/// )?;
/// let usage = usage.usage();
/// assert_eq!((usage.input.total, usage.input.no_cache, usage.input.cache_read), (Some(507), Some(59), Some(448)));
/// assert_eq!(usage.output.total, Some(10));
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// Bedrock: `inputTokens` leaves out the cache; `totalTokens` proves absent cache counts 0.
///
/// ```
/// use llm_usage::{bedrock, TokenUsage};
/// let usage: bedrock::TokenUsage = serde_json::from_str(
///     r#"{"inputTokens": 3, "cacheReadInputTokens": 1712, "cacheWriteInputTokens": 236,
///         "outputTokens": 121, "totalTokens": 2072}"#,
/// )?;
/// assert_eq!(usage.usage().input.total, Some(1951));
/// let basic: bedrock::TokenUsage = serde_json::from_str(r#"{"inputTokens": 25, "outputTokens": 4, "totalTokens": 29}"#)?;
/// assert_eq!((basic.usage().input.cache_read, basic.usage().input.total), (Some(0), Some(25)));
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// orq: OpenAI's rules, with counts the doc types as numbers (a count that is not a whole,
/// non-negative number is `None`).
///
/// ```
/// use llm_usage::{orq, TokenUsage};
/// let usage: orq::DeploymentInvokeUsage = serde_json::from_str(
///     r#"{"prompt_tokens": 20, "completion_tokens": 118, "total_tokens": 138,
///         "prompt_tokens_details": {"cached_tokens": 0}, "completion_tokens_details": {"reasoning_tokens": 108}}"#,
/// )?;
/// let usage = usage.usage();
/// assert_eq!((usage.input.total, usage.input.no_cache), (Some(20), Some(20)));
/// assert_eq!((usage.output.total, usage.output.text, usage.output.reasoning), (Some(118), Some(10), Some(108)));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Usage {
    /// Everything the model read.
    pub input: InputTokens,
    /// Everything the model generated.
    pub output: OutputTokens,
}

/// The input side of a [`Usage`]: `total = no_cache + cache_read + cache_write`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct InputTokens {
    /// Every input token, cache reads and writes included.
    pub total: Option<u64>,
    /// Input tokens the provider did not count as cache reads or cache writes (input at the
    /// base rate).
    pub no_cache: Option<u64>,
    /// Input tokens read from a prompt cache.
    pub cache_read: Option<u64>,
    /// Input tokens written to a prompt cache.
    pub cache_write: Option<u64>,
}

/// The output side of a [`Usage`]: `total = text + reasoning`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct OutputTokens {
    /// Every generated token, reasoning included.
    pub total: Option<u64>,
    /// Generated tokens that are not reasoning: the answer, in whatever modality.
    pub text: Option<u64>,
    /// Reasoning (thinking) tokens.
    pub reasoning: Option<u64>,
}

/// Token counts by modality, where the provider gives them: Google's `*TokensDetails`,
/// OpenAI's `*_tokens_details` (`text_tokens`, `image_tokens`, `audio_tokens`) and the input
/// details of a transcription.
///
/// They are the provider's figures as given and need not add up to the totals of the
/// [`Usage`] (a recorded Gemini image response has 1,290 image tokens in its details and
/// 1,318 candidate tokens). Google's tool-use prompt details count as input, as the tool-use
/// prompt does. Added up like [`Usage`]: `None + Some(x) = None`.
///
/// ```
/// use llm_usage::{google, TokenUsage};
/// let usage: google::GenerateContentResponseUsageMetadata = serde_json::from_str(
///     r#"{"promptTokenCount": 14, "candidatesTokenCount": 291, "totalTokenCount": 305,
///         "promptTokensDetails": [{"modality": "TEXT", "tokenCount": 14}],
///         "candidatesTokensDetails": [{"modality": "IMAGE", "tokenCount": 258}, {"modality": "TEXT", "tokenCount": 33}]}"#,
/// )?;
/// let modalities = usage.modalities();
/// assert_eq!((modalities.output.image, modalities.output.text), (Some(258), Some(33)));
/// assert_eq!(modalities.output.audio, None);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Modalities {
    /// Input tokens by modality.
    pub input: ModalityTokens,
    /// Output tokens by modality.
    pub output: ModalityTokens,
}

/// Tokens of one side of a call, by modality; `None` where the provider gives no count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ModalityTokens {
    /// Text (Google's `MODALITY_UNSPECIFIED`, "treated as TEXT", included).
    pub text: Option<u64>,
    /// Images.
    pub image: Option<u64>,
    /// Audio.
    pub audio: Option<u64>,
    /// Video.
    pub video: Option<u64>,
    /// Documents (Google's `DOCUMENT`: PDF pages and the like).
    pub document: Option<u64>,
    /// A modality the types do not list yet (Google's open `MediaModality`).
    pub other: Option<u64>,
}

/// A provider's usage object, read as a [`Usage`].
///
/// Implemented by the usage types of every provider module (`anthropic::Usage` and
/// `MessageDeltaUsage`, `openai::CompletionUsage`, the Responses, embeddings and
/// transcription usage, both Google shapes, Cohere's `Usage` and `UsageBilledUnits`,
/// Mistral's `UsageInfo` and `ConversationUsageInfo`, Bedrock's `TokenUsage` and orq's
/// `DeploymentInvokeUsage`), and by `Option` and [`OptionalNullable`](crate::OptionalNullable)
/// of them (absent or `null`: [`Usage::UNKNOWN`]). The rules are on [`Usage`].
pub trait TokenUsage {
    /// The normalized token counts.
    fn usage(&self) -> Usage;

    /// The counts by modality; [`Modalities::UNKNOWN`] where the provider gives none.
    fn modalities(&self) -> Modalities {
        Modalities::UNKNOWN
    }
}

impl Usage {
    /// Nothing said: every figure `None`. Adding anything to it gives `UNKNOWN` again.
    pub const UNKNOWN: Usage = Usage { input: InputTokens::UNKNOWN, output: OutputTokens::UNKNOWN };
    /// No tokens: every figure `Some(0)`. The start of an accumulation.
    pub const ZERO: Usage = Usage { input: InputTokens::ZERO, output: OutputTokens::ZERO };
}

impl InputTokens {
    /// Every figure `None`.
    pub const UNKNOWN: InputTokens = InputTokens { total: None, no_cache: None, cache_read: None, cache_write: None };
    /// Every figure `Some(0)`.
    pub const ZERO: InputTokens =
        InputTokens { total: Some(0), no_cache: Some(0), cache_read: Some(0), cache_write: Some(0) };
}

impl OutputTokens {
    /// Every figure `None`.
    pub const UNKNOWN: OutputTokens = OutputTokens { total: None, text: None, reasoning: None };
    /// Every figure `Some(0)`.
    pub const ZERO: OutputTokens = OutputTokens { total: Some(0), text: Some(0), reasoning: Some(0) };
}

impl Modalities {
    /// Every count `None`.
    pub const UNKNOWN: Modalities = Modalities { input: ModalityTokens::UNKNOWN, output: ModalityTokens::UNKNOWN };
    /// Every count `Some(0)`.
    pub const ZERO: Modalities = Modalities { input: ModalityTokens::ZERO, output: ModalityTokens::ZERO };
}

impl ModalityTokens {
    /// Every count `None`.
    pub const UNKNOWN: ModalityTokens =
        ModalityTokens { text: None, image: None, audio: None, video: None, document: None, other: None };
    /// Every count `Some(0)`.
    pub const ZERO: ModalityTokens = ModalityTokens {
        text: Some(0),
        image: Some(0),
        audio: Some(0),
        video: Some(0),
        document: Some(0),
        other: Some(0),
    };

    /// Whether no modality has a count.
    pub fn is_unknown(&self) -> bool {
        *self == Self::UNKNOWN
    }
}

/// `Some(a) + Some(b)`; `None` if either is `None` (or the sum overflows).
pub(crate) fn add(a: Option<u64>, b: Option<u64>) -> Option<u64> {
    a?.checked_add(b?)
}

/// `Some(a - b)`; `None` if either is `None` or `b > a`.
pub(crate) fn sub(a: Option<u64>, b: Option<u64>) -> Option<u64> {
    a?.checked_sub(b?)
}

/// Field-by-field `+`, `+=` and `Sum` (from `ZERO`) for the count structs.
macro_rules! additive {
    ($($ty:ident { $($field:ident),* })*) => {$(
        impl Add for $ty {
            type Output = $ty;
            fn add(self, other: $ty) -> $ty {
                $ty { $($field: add(self.$field, other.$field)),* }
            }
        }
        impl AddAssign for $ty {
            fn add_assign(&mut self, other: $ty) {
                *self = *self + other;
            }
        }
        impl Sum for $ty {
            fn sum<I: Iterator<Item = $ty>>(iter: I) -> $ty {
                iter.fold($ty::ZERO, Add::add)
            }
        }
        impl<'a> Sum<&'a $ty> for $ty {
            fn sum<I: Iterator<Item = &'a $ty>>(iter: I) -> $ty {
                iter.copied().sum()
            }
        }
    )*};
}

additive! {
    InputTokens { total, no_cache, cache_read, cache_write }
    OutputTokens { total, text, reasoning }
    ModalityTokens { text, image, audio, video, document, other }
}

impl Add for Usage {
    type Output = Usage;
    fn add(self, other: Usage) -> Usage {
        Usage { input: self.input + other.input, output: self.output + other.output }
    }
}

impl AddAssign for Usage {
    fn add_assign(&mut self, other: Usage) {
        *self = *self + other;
    }
}

impl Sum for Usage {
    fn sum<I: Iterator<Item = Usage>>(iter: I) -> Usage {
        iter.fold(Usage::ZERO, Add::add)
    }
}

impl<'a> Sum<&'a Usage> for Usage {
    fn sum<I: Iterator<Item = &'a Usage>>(iter: I) -> Usage {
        iter.copied().sum()
    }
}

impl Add for Modalities {
    type Output = Modalities;
    fn add(self, other: Modalities) -> Modalities {
        Modalities { input: self.input + other.input, output: self.output + other.output }
    }
}

impl AddAssign for Modalities {
    fn add_assign(&mut self, other: Modalities) {
        *self = *self + other;
    }
}

impl Sum for Modalities {
    fn sum<I: Iterator<Item = Modalities>>(iter: I) -> Modalities {
        iter.fold(Modalities::ZERO, Add::add)
    }
}

impl<'a> Sum<&'a Modalities> for Modalities {
    fn sum<I: Iterator<Item = &'a Modalities>>(iter: I) -> Modalities {
        iter.copied().sum()
    }
}

impl TokenUsage for Usage {
    fn usage(&self) -> Usage {
        *self
    }
}

impl<T: TokenUsage + ?Sized> TokenUsage for &T {
    fn usage(&self) -> Usage {
        (**self).usage()
    }
    fn modalities(&self) -> Modalities {
        (**self).modalities()
    }
}

impl<T: TokenUsage> TokenUsage for Option<T> {
    fn usage(&self) -> Usage {
        self.as_ref().map_or(Usage::UNKNOWN, T::usage)
    }
    fn modalities(&self) -> Modalities {
        self.as_ref().map_or(Modalities::UNKNOWN, T::modalities)
    }
}

impl<T: TokenUsage> TokenUsage for crate::OptionalNullable<T> {
    fn usage(&self) -> Usage {
        self.value().usage()
    }
    fn modalities(&self) -> Modalities {
        self.value().modalities()
    }
}
