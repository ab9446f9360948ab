//! The inclusion rules of `llm_usage::Usage`, provider by provider, each test written to catch
//! a known way of getting them wrong (cache left out of input, thoughts left out of output,
//! cache or reasoning counted twice); the disputed anchors; `None` where the provider did not
//! say; and adding calls up. The numbers come from the payload corpus (`SOURCES.md`) or are
//! variations of them.

use llm_usage::{
    anthropic, bedrock, cohere, google, mistral, openai, orq, InputTokens, Modalities, ModalityTokens,
    OptionalNullable, OutputTokens, TokenUsage, Usage,
};
use serde::de::DeserializeOwned;

fn norm<T: DeserializeOwned + TokenUsage>(json: &str) -> Usage {
    serde_json::from_str::<T>(json).unwrap_or_else(|e| panic!("{json}: {e}")).usage()
}

fn input(total: Option<u64>, no_cache: Option<u64>, cache_read: Option<u64>, cache_write: Option<u64>) -> InputTokens {
    InputTokens { total, no_cache, cache_read, cache_write }
}

fn output(total: Option<u64>, text: Option<u64>, reasoning: Option<u64>) -> OutputTokens {
    OutputTokens { total, text, reasoning }
}

// Anthropic

/// rig and others take `input_tokens` as the input: 3 here, of 11,470.
#[test]
fn anthropic_cache_reads_and_writes_are_added_to_input() {
    let usage = norm::<anthropic::Usage>(
        r#"{"cache_creation": {"ephemeral_1h_input_tokens": 0, "ephemeral_5m_input_tokens": 1956},
            "cache_creation_input_tokens": 1956, "cache_read_input_tokens": 9511, "input_tokens": 3, "output_tokens": 44}"#,
    );
    assert_eq!(usage.input, input(Some(11470), Some(3), Some(9511), Some(1956)));
}

#[test]
fn anthropic_message_delta_follows_the_same_rule() {
    let usage = norm::<anthropic::MessageDeltaUsage>(
        r#"{"input_tokens": 6, "cache_creation_input_tokens": 3337, "cache_read_input_tokens": 6289, "output_tokens": 198,
            "output_tokens_details": {"thinking_tokens": 0}}"#,
    );
    assert_eq!(usage.input, input(Some(9632), Some(6), Some(6289), Some(3337)));
    // A reasoning count of zero is said: Some(0), and all the output is text.
    assert_eq!(usage.output, output(Some(198), Some(198), Some(0)));
}

/// `output_tokens` already includes the thinking: adding it again would count it twice.
#[test]
fn anthropic_thinking_is_inside_output_not_added_to_it() {
    let usage = norm::<anthropic::Usage>(
        r#"{"input_tokens": 51, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0, "output_tokens": 1699,
            "output_tokens_details": {"thinking_tokens": 139}}"#,
    );
    assert_eq!(usage.output, output(Some(1699), Some(1560), Some(139)));
}

/// No cache counts at all (an Anthropic-compatible endpoint): the uncached input is said, the
/// total is not (whether anything came from a cache is not said).
#[test]
fn anthropic_without_cache_counts_has_no_input_total() {
    let usage = norm::<anthropic::MessageDeltaUsage>(r#"{"input_tokens": 61, "output_tokens": 2}"#);
    assert_eq!(usage.input, input(None, Some(61), None, None));
    assert_eq!(usage.output, output(Some(2), None, None));
    // `null` is "not said" too.
    let usage = norm::<anthropic::MessageDeltaUsage>(
        r#"{"input_tokens": null, "cache_read_input_tokens": null, "cache_creation_input_tokens": null, "output_tokens": 2}"#,
    );
    assert_eq!(usage.input, InputTokens::UNKNOWN);
}

/// A cache-write count that is absent adds nothing (writes are reported where priced); the
/// read count decides whether the total is known.
#[test]
fn anthropic_absent_cache_write_adds_nothing() {
    let usage = norm::<anthropic::Usage>(r#"{"input_tokens": 10, "cache_read_input_tokens": 90, "output_tokens": 1}"#);
    assert_eq!(usage.input, input(Some(100), Some(10), Some(90), None));
}

/// Top level 682 in / 1,320 out is the `message` iteration; the `compaction` iteration
/// (60,385 in / 592 out) is billed too and outside it.
#[test]
fn anthropic_compaction_iterations_are_added() {
    let usage = norm::<anthropic::Usage>(
        r#"{"input_tokens": 682, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0, "output_tokens": 1320,
            "iterations": [
              {"input_tokens": 60385, "output_tokens": 592, "cache_read_input_tokens": 0, "cache_creation_input_tokens": 0, "type": "compaction"},
              {"input_tokens": 682, "output_tokens": 1320, "cache_read_input_tokens": 0, "cache_creation_input_tokens": 0, "type": "message"}]}"#,
    );
    assert_eq!(usage.input, input(Some(61067), Some(61067), Some(0), Some(0)));
    assert_eq!(usage.output.total, Some(1912));
}

/// A compaction iteration's cache counts are added like the top level's; the reasoning of the
/// whole is unknown when the iteration does not give one.
#[test]
fn anthropic_compaction_cache_and_reasoning() {
    let usage = norm::<anthropic::Usage>(
        r#"{"input_tokens": 10, "cache_creation_input_tokens": 5, "cache_read_input_tokens": 100, "output_tokens": 50,
            "output_tokens_details": {"thinking_tokens": 20},
            "iterations": [{"type": "compaction", "input_tokens": 1000, "cache_read_input_tokens": 200,
                            "cache_creation_input_tokens": 30, "output_tokens": 70}]}"#,
    );
    assert_eq!(usage.input, input(Some(1345), Some(1010), Some(300), Some(35)));
    assert_eq!(usage.output, output(Some(120), None, None));
}

/// `advisor_message` is another model's usage (billed at its rates, left out of the top level):
/// left out; a `fallback_message` turn's top level is the attempt that served it: used as is.
#[test]
fn anthropic_advisor_and_fallback_iterations_add_nothing() {
    let advisor = norm::<anthropic::MessageDeltaUsage>(
        r#"{"input_tokens": 4727, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0, "output_tokens": 3391,
            "iterations": [
              {"input_tokens": 1051, "output_tokens": 35, "type": "message"},
              {"input_tokens": 2728, "output_tokens": 3880, "type": "advisor_message", "model": "claude-opus-4-7"},
              {"input_tokens": 3676, "output_tokens": 3356, "type": "message"}]}"#,
    );
    assert_eq!((advisor.input.total, advisor.output.total), (Some(4727), Some(3391)));
    let fallback = norm::<anthropic::MessageDeltaUsage>(
        r#"{"input_tokens": 412, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0, "output_tokens": 264,
            "iterations": [
              {"type": "message", "model": "claude-fable-5", "input_tokens": 408, "output_tokens": 0},
              {"type": "fallback_message", "model": "claude-opus-4-8", "input_tokens": 412, "output_tokens": 264}]}"#,
    );
    assert_eq!((fallback.input.total, fallback.output.total), (Some(412), Some(264)));
}

// Bedrock

/// rust-genai and rig take `inputTokens` as the input: 3 here, of 1,951.
#[test]
fn bedrock_cache_reads_and_writes_are_added_to_input() {
    let usage = norm::<bedrock::TokenUsage>(
        r#"{"cacheDetails": [{"inputTokens": 236, "ttl": "5m"}], "cacheReadInputTokenCount": 1712, "cacheReadInputTokens": 1712,
            "cacheWriteInputTokenCount": 236, "cacheWriteInputTokens": 236, "inputTokens": 3, "outputTokens": 121,
            "serverToolUsage": {}, "totalTokens": 2072}"#,
    );
    assert_eq!(usage.input, input(Some(1951), Some(3), Some(1712), Some(236)));
    assert_eq!(usage.output, output(Some(121), None, None));
}

/// Absent cache counts are 0 only where `totalTokens` leaves nothing for them.
#[test]
fn bedrock_total_decides_absent_cache_counts() {
    let basic = norm::<bedrock::TokenUsage>(r#"{"inputTokens": 25, "outputTokens": 4, "totalTokens": 29}"#);
    assert_eq!(basic.input, input(Some(25), Some(25), Some(0), Some(0)));
    // 10 tokens unaccounted for: the cache counts are not known.
    let short = norm::<bedrock::TokenUsage>(r#"{"inputTokens": 25, "outputTokens": 4, "totalTokens": 39}"#);
    assert_eq!(short.input, input(None, Some(25), None, None));
    // The read count given, the write count proved 0.
    let read = norm::<bedrock::TokenUsage>(
        r#"{"inputTokens": 25, "cacheReadInputTokens": 10, "outputTokens": 4, "totalTokens": 39}"#,
    );
    assert_eq!(read.input, input(Some(35), Some(25), Some(10), Some(0)));
}

// Google

/// rig leaves `thoughtsTokenCount` out of the output: 20 here, of 199.
#[test]
fn gemini_thoughts_are_added_to_output() {
    let usage = norm::<google::GenerateContentResponseUsageMetadata>(
        r#"{"candidatesTokenCount": 20, "promptTokenCount": 81, "thoughtsTokenCount": 179, "totalTokenCount": 280}"#,
    );
    assert_eq!(usage.output, output(Some(199), Some(20), Some(179)));
    assert_eq!(usage.input.total.zip(usage.output.total).map(|(i, o)| i + o), Some(280));
}

/// `promptTokenCount` includes the cached content: adding `cachedContentTokenCount` again
/// would give 7,032 instead of 3,520.
#[test]
fn google_cache_is_not_counted_twice() {
    let usage = norm::<google::GenerateContentResponseUsageMetadata>(
        r#"{"cachedContentTokenCount": 3512, "candidatesTokenCount": 2, "promptTokenCount": 3520, "thoughtsTokenCount": 42,
            "totalTokenCount": 3564}"#,
    );
    assert_eq!(usage.input, input(Some(3520), Some(8), Some(3512), None));
}

/// The tool-use prompt is input, outside `promptTokenCount` (the total adds them).
#[test]
fn google_tool_use_prompt_is_input() {
    let usage = norm::<google::GenerateContentResponseUsageMetadata>(
        r#"{"cachedContentTokenCount": 901, "candidatesTokenCount": 51, "promptTokenCount": 1844, "thoughtsTokenCount": 91,
            "toolUsePromptTokenCount": 1934, "totalTokenCount": 3920}"#,
    );
    assert_eq!(usage.input, input(Some(3778), Some(2877), Some(901), None));
    assert_eq!(usage.output, output(Some(142), Some(51), Some(91)));
}

/// Google leaves zero counts out; with `promptTokenCount` there, they are 0, unless the total
/// says otherwise. Without it nothing was counted.
#[test]
fn google_absent_counts() {
    let empty = norm::<google::GenerateContentResponseUsageMetadata>(
        r#"{"promptTokenCount": 15, "thoughtsTokenCount": 2, "totalTokenCount": 17}"#,
    );
    assert_eq!(empty.output, output(Some(2), Some(0), Some(2)));
    assert_eq!(empty.input, input(Some(15), Some(15), Some(0), None));
    // 20 tokens the present counts do not explain: the absent ones are not known to be 0.
    let short = norm::<google::GenerateContentResponseUsageMetadata>(
        r#"{"promptTokenCount": 15, "thoughtsTokenCount": 2, "totalTokenCount": 37}"#,
    );
    assert_eq!(short.output, output(None, None, Some(2)));
    assert_eq!(short.input, input(None, None, None, None));
    let traffic = norm::<google::GenerateContentResponseUsageMetadata>(r#"{"trafficType": "ON_DEMAND"}"#);
    assert_eq!(traffic, Usage::UNKNOWN);
    let total_only = norm::<google::GenerateContentResponseUsageMetadata>(r#"{"totalTokenCount": 3512}"#);
    assert_eq!(total_only, Usage::UNKNOWN);
}

/// The Live API's `UsageMetadata` names the candidates `responseTokenCount`.
#[test]
fn google_live_usage_metadata() {
    let json = r#"{"promptTokenCount": 100, "cachedContentTokenCount": 40, "responseTokenCount": 30, "thoughtsTokenCount": 5,
                   "totalTokenCount": 135, "responseTokensDetails": [{"modality": "AUDIO", "tokenCount": 30}]}"#;
    let metadata: google::UsageMetadata = serde_json::from_str(json).unwrap();
    assert_eq!(metadata.usage().input, input(Some(100), Some(60), Some(40), None));
    assert_eq!(metadata.usage().output, output(Some(35), Some(30), Some(5)));
    assert_eq!(metadata.modalities().output.audio, Some(30));
}

// OpenAI and the servers that speak its shape

/// `prompt_tokens` includes the cached tokens: adding them again would give 8,032.
#[test]
fn openai_cache_is_not_counted_twice() {
    let usage = norm::<openai::CompletionUsage>(
        r#"{"completion_tokens": 4, "prompt_tokens": 4020, "total_tokens": 4024,
            "prompt_tokens_details": {"audio_tokens": 0, "cache_write_tokens": 0, "cached_tokens": 4012}}"#,
    );
    assert_eq!(usage.input, input(Some(4020), Some(8), Some(4012), Some(0)));
}

/// `cache_write_tokens` is inside `prompt_tokens` too (4,012 of 4,020; total = prompt +
/// completion): subtracted from `no_cache`, not added to the total.
#[test]
fn openai_cache_writes_are_inside_prompt_tokens() {
    let usage = norm::<openai::CompletionUsage>(
        r#"{"completion_tokens": 4, "prompt_tokens": 4020, "total_tokens": 4024,
            "prompt_tokens_details": {"audio_tokens": 0, "cache_write_tokens": 4012, "cached_tokens": 0}}"#,
    );
    assert_eq!(usage.input, input(Some(4020), Some(8), Some(0), Some(4012)));
    let responses = norm::<openai::responses::ResponseUsage>(
        r#"{"input_tokens": 300, "input_tokens_details": {"cache_write_tokens": 200, "cached_tokens": 50}, "output_tokens": 1,
            "output_tokens_details": {"reasoning_tokens": 0}, "total_tokens": 301}"#,
    );
    assert_eq!(responses.input, input(Some(300), Some(50), Some(50), Some(200)));
}

/// `completion_tokens` includes the reasoning: adding it again would give 1,008.
#[test]
fn openai_reasoning_is_inside_output() {
    let usage = norm::<openai::responses::ResponseUsage>(
        r#"{"input_tokens": 1348, "input_tokens_details": {"cached_tokens": 0}, "output_tokens": 624,
            "output_tokens_details": {"reasoning_tokens": 384}, "total_tokens": 1972}"#,
    );
    assert_eq!(usage.output, output(Some(624), Some(240), Some(384)));
}

/// Without `cache_write_tokens` the write count is not said and subtracts nothing; without
/// the details object the read count is not said, and neither is `no_cache`.
#[test]
fn openai_absent_cache_counts() {
    let no_write = norm::<openai::CompletionUsage>(
        r#"{"prompt_tokens": 16, "completion_tokens": 363, "total_tokens": 379, "prompt_tokens_details": {"cached_tokens": 0}}"#,
    );
    assert_eq!(no_write.input, input(Some(16), Some(16), Some(0), None));
    // No reasoning count: neither it nor the text is known.
    assert_eq!(no_write.output, output(Some(363), None, None));
    let null_details = norm::<openai::CompletionUsage>(
        r#"{"completion_tokens": 38, "completion_tokens_details": null, "prompt_tokens": 448, "prompt_tokens_details": null, "total_tokens": 486}"#,
    );
    assert_eq!(null_details.input, input(Some(448), None, None, None));
    // Parts beyond the total: the provider's numbers do not reconcile, `no_cache` is unknown.
    let beyond = norm::<openai::CompletionUsage>(
        r#"{"prompt_tokens": 10, "completion_tokens": 1, "total_tokens": 11, "prompt_tokens_details": {"cached_tokens": 11}}"#,
    );
    assert_eq!(beyond.input, input(Some(10), None, Some(11), None));
}

/// xAI: total 303 = prompt 12 + completion 1 + reasoning 290, so its completion leaves the
/// reasoning out and the output adds it. Where the total is prompt + completion, OpenAI's
/// definition stands.
#[test]
fn reasoning_outside_completion_when_the_total_says_so() {
    let xai = norm::<openai::CompletionUsage>(
        r#"{"prompt_tokens": 12, "completion_tokens": 1, "total_tokens": 303,
            "prompt_tokens_details": {"text_tokens": 12, "audio_tokens": 0, "image_tokens": 0, "cached_tokens": 11},
            "completion_tokens_details": {"reasoning_tokens": 290}}"#,
    );
    assert_eq!(xai.output, output(Some(291), Some(1), Some(290)));
    assert_eq!(xai.input, input(Some(12), Some(1), Some(11), None));
    let groq = norm::<openai::CompletionUsage>(
        r#"{"prompt_tokens": 17, "completion_tokens": 1107, "total_tokens": 1124, "completion_tokens_details": {"reasoning_tokens": 963}}"#,
    );
    assert_eq!(groq.output, output(Some(1107), Some(144), Some(963)));
    // A total that fits neither reading: OpenAI's definition stands.
    let odd = norm::<openai::CompletionUsage>(
        r#"{"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 100, "completion_tokens_details": {"reasoning_tokens": 3}}"#,
    );
    assert_eq!(odd.output, output(Some(5), Some(2), Some(3)));
}

/// DeepSeek's `prompt_cache_hit_tokens` is the cache read where `cached_tokens` is absent, and
/// never overrides it.
#[test]
fn deepseek_cache_hit_tokens() {
    let both = norm::<openai::CompletionUsage>(
        r#"{"prompt_tokens": 495, "completion_tokens": 144, "total_tokens": 639, "prompt_tokens_details": {"cached_tokens": 320},
            "prompt_cache_hit_tokens": 320, "prompt_cache_miss_tokens": 175}"#,
    );
    assert_eq!(both.input, input(Some(495), Some(175), Some(320), None));
    let hit_only = norm::<openai::CompletionUsage>(
        r#"{"prompt_tokens": 495, "completion_tokens": 144, "total_tokens": 639, "prompt_cache_hit_tokens": 320,
            "prompt_cache_miss_tokens": 175}"#,
    );
    assert_eq!(hit_only.input, both.input);
    let disagree = norm::<openai::CompletionUsage>(
        r#"{"prompt_tokens": 495, "completion_tokens": 144, "total_tokens": 639, "prompt_tokens_details": {"cached_tokens": 300},
            "prompt_cache_hit_tokens": 320}"#,
    );
    assert_eq!(disagree.input.cache_read, Some(300));
}

#[test]
fn openai_embeddings_and_transcriptions() {
    let embeddings = norm::<openai::create_embedding_response::Usage>(r#"{"prompt_tokens": 2, "total_tokens": 2}"#);
    assert_eq!(embeddings.input, input(Some(2), None, None, None));
    assert_eq!(embeddings.output, OutputTokens::ZERO);
    let tokens: openai::audio::transcription::Tokens = serde_json::from_str(
        r#"{"type": "tokens", "input_tokens": 14, "output_tokens": 45, "total_tokens": 59,
            "input_token_details": {"text_tokens": 0, "audio_tokens": 14}}"#,
    )
    .unwrap();
    assert_eq!(tokens.usage().input, input(Some(14), None, None, None));
    assert_eq!(tokens.usage().output, output(Some(45), None, None));
    assert_eq!(tokens.modalities().input, ModalityTokens { text: Some(0), audio: Some(14), ..ModalityTokens::UNKNOWN });
    let duration = norm::<openai::audio::transcription::Duration>(r#"{"type": "duration", "seconds": 37}"#);
    assert_eq!(duration, Usage::UNKNOWN);
}

#[test]
fn orq_counts_are_numbers_in_its_doc() {
    let usage = norm::<orq::DeploymentInvokeUsage>(
        r#"{"prompt_tokens": 495, "completion_tokens": 144, "total_tokens": 639, "prompt_tokens_details": {"cached_tokens": 320},
            "completion_tokens_details": {"reasoning_tokens": 118}}"#,
    );
    assert_eq!(usage.input, input(Some(495), Some(175), Some(320), None));
    assert_eq!(usage.output, output(Some(144), Some(26), Some(118)));
    // A count that is not a whole, non-negative number is no count.
    let odd =
        norm::<orq::DeploymentInvokeUsage>(r#"{"prompt_tokens": 2.5, "completion_tokens": -1, "total_tokens": 1e300}"#);
    assert_eq!(odd, Usage { input: input(None, None, None, None), output: output(None, None, None) });
}

// Mistral

#[test]
fn mistral_cache_and_reasoning_from_its_extra_fields() {
    let details = norm::<mistral::UsageInfo>(
        r#"{"prompt_tokens": 171, "total_tokens": 185, "completion_tokens": 14, "prompt_tokens_details": {"cached_tokens": 128}}"#,
    );
    assert_eq!(details.input, input(Some(171), Some(43), Some(128), None));
    let num = norm::<mistral::UsageInfo>(
        r#"{"completion_tokens": 6, "num_cached_tokens": 32, "prompt_tokens": 64, "total_tokens": 70}"#,
    );
    assert_eq!(num.input, input(Some(64), Some(32), Some(32), None));
    let reasoning = norm::<mistral::UsageInfo>(
        r#"{"prompt_tokens": 10, "completion_tokens": 46, "total_tokens": 56, "completion_tokens_details": {"reasoning_tokens": 40}}"#,
    );
    assert_eq!(reasoning.output, output(Some(46), Some(6), Some(40)));
    let counts_only =
        norm::<mistral::UsageInfo>(r#"{"prompt_tokens": 10, "total_tokens": 56, "completion_tokens": 46}"#);
    assert_eq!(counts_only.input, input(Some(10), None, None, None));
}

/// `connector_tokens` are input when the total shows they are outside `prompt_tokens`.
#[test]
fn mistral_connector_tokens() {
    let outside = norm::<mistral::ConversationUsageInfo>(
        r#"{"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 170, "connector_tokens": 50}"#,
    );
    assert_eq!(outside.input.total, Some(150));
    let inside = norm::<mistral::ConversationUsageInfo>(
        r#"{"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120, "connector_tokens": 50}"#,
    );
    assert_eq!(inside.input.total, Some(100));
    let null = norm::<mistral::ConversationUsageInfo>(
        r#"{"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120, "connector_tokens": null}"#,
    );
    assert_eq!((null.input.total, null.output.total), (Some(100), Some(20)));
}

// Cohere

/// `tokens`, not `billed_units`: the 2,928 cached tokens count against the 2,935 the model
/// read (only 2,406 are billed).
#[test]
fn cohere_tokens_not_billed_units() {
    let usage = norm::<cohere::Usage>(
        r#"{"billed_units": {"input_tokens": 2406, "output_tokens": 2}, "cached_tokens": 2928,
            "tokens": {"input_tokens": 2935, "output_tokens": 4}}"#,
    );
    assert_eq!(usage.input, input(Some(2935), Some(7), Some(2928), None));
    assert_eq!(usage.output, output(Some(4), None, None));
    // Only billed units (embed, rerank): they are the counts.
    let billed = norm::<cohere::Usage>(r#"{"billed_units": {"input_tokens": 2, "image_tokens": 0}}"#);
    assert_eq!(billed, norm::<cohere::UsageBilledUnits>(r#"{"input_tokens": 2, "image_tokens": 0}"#));
    assert_eq!(billed.input, input(Some(2), None, None, None));
    assert_eq!(norm::<cohere::UsageBilledUnits>(r#"{"search_units": 1}"#), Usage::UNKNOWN);
}

// Absent usage

#[test]
fn absent_or_null_usage_objects_say_nothing() {
    let absent: Option<openai::CompletionUsage> = None;
    assert_eq!(absent.usage(), Usage::UNKNOWN);
    let null: OptionalNullable<bedrock::TokenUsage> = OptionalNullable::Null;
    assert_eq!(null.usage(), Usage::UNKNOWN);
    assert_eq!(null.modalities(), Modalities::UNKNOWN);
}

// Modalities

#[test]
fn modalities_are_the_vendors_details() {
    let google: google::GenerateContentResponseUsageMetadata = serde_json::from_str(
        r#"{"candidatesTokenCount": 66, "promptTokenCount": 95, "promptTokensDetails": [{"modality": "TEXT", "tokenCount": 95}],
            "thoughtsTokenCount": 132, "toolUsePromptTokenCount": 439,
            "toolUsePromptTokensDetails": [{"modality": "TEXT", "tokenCount": 439}, {"modality": "IMAGE", "tokenCount": 7}],
            "candidatesTokensDetails": [{"modality": "IMAGE", "tokenCount": 1290}, {"modality": "SOMETHING_NEW", "tokenCount": 3}],
            "totalTokenCount": 732}"#,
    )
    .unwrap();
    let modalities = google.modalities();
    // The tool-use prompt is input, so are its details.
    assert_eq!(modalities.input, ModalityTokens { text: Some(534), image: Some(7), ..ModalityTokens::UNKNOWN });
    // As given: they need not add up to the candidates count.
    assert_eq!(modalities.output, ModalityTokens { image: Some(1290), other: Some(3), ..ModalityTokens::UNKNOWN });
    // An entry without a count says nothing.
    let missing: google::GenerateContentResponseUsageMetadata = serde_json::from_str(
        r#"{"promptTokenCount": 268, "promptTokensDetails": [{"modality": "AUDIO"}, {"modality": "TEXT", "tokenCount": 10},
            {"modality": "VIDEO", "tokenCount": 258}], "totalTokenCount": 268}"#,
    )
    .unwrap();
    let input_modalities = missing.modalities().input;
    assert_eq!((input_modalities.audio, input_modalities.text, input_modalities.video), (None, Some(10), Some(258)));

    let openai: openai::CompletionUsage = serde_json::from_str(
        r#"{"completion_tokens": 9, "completion_tokens_details": {"audio_tokens": 0, "reasoning_tokens": 0, "text_tokens": 9},
            "prompt_tokens": 64, "prompt_tokens_details": {"audio_tokens": 44, "cached_tokens": 0, "image_tokens": 0, "text_tokens": 20},
            "total_tokens": 73}"#,
    )
    .unwrap();
    assert_eq!(
        openai.modalities(),
        Modalities {
            input: ModalityTokens { text: Some(20), image: Some(0), audio: Some(44), ..ModalityTokens::UNKNOWN },
            output: ModalityTokens { text: Some(9), audio: Some(0), ..ModalityTokens::UNKNOWN },
        }
    );
    assert_eq!(norm::<anthropic::Usage>(r#"{"input_tokens": 1, "output_tokens": 1}"#).input.no_cache, Some(1));
    let anthropic: anthropic::Usage = serde_json::from_str(r#"{"input_tokens": 1, "output_tokens": 1}"#).unwrap();
    assert_eq!(anthropic.modalities(), Modalities::UNKNOWN);
}

// Adding up

fn call(total: u64, cache_read: u64, out: u64, reasoning: Option<u64>) -> Usage {
    Usage {
        input: input(Some(total), Some(total - cache_read), Some(cache_read), Some(0)),
        output: output(Some(out), reasoning.map(|r| out - r), reasoning),
    }
}

#[test]
fn sums_are_known_only_where_every_call_said() {
    let a = call(100, 40, 10, Some(4));
    let b = call(50, 0, 5, None);
    let sum = a + b;
    assert_eq!(sum.input, input(Some(150), Some(110), Some(40), Some(0)));
    // b did not say its reasoning: the sum's reasoning (and text) is not known.
    assert_eq!(sum.output, output(Some(15), None, None));
    let mut acc = Usage::ZERO;
    acc += a;
    acc += b;
    assert_eq!(acc, sum);
    assert_eq!([a, b].into_iter().sum::<Usage>(), sum);
    assert_eq!([a, b].iter().sum::<Usage>(), sum);
}

#[test]
fn zero_is_the_start_and_unknown_absorbs() {
    let a = call(100, 40, 10, Some(4));
    assert_eq!(Usage::ZERO + a, a);
    assert_eq!(a + Usage::ZERO, a);
    assert_eq!(Usage::UNKNOWN + a, Usage::UNKNOWN);
    // The sum of no calls is no tokens.
    assert_eq!(std::iter::empty::<Usage>().sum::<Usage>(), Usage::ZERO);
    // Order does not matter.
    let (b, c) = (call(7, 7, 0, Some(0)), call(1, 0, 3, None));
    assert_eq!((a + b) + c, a + (b + c));
    assert_eq!(a + b, b + a);
}

/// Every combination of a small domain (unknown, zero, a count, the largest count, whose sums
/// overflow to unknown): `+` is associative and commutative, `ZERO` is its identity and
/// `UNKNOWN` absorbs.
#[test]
fn addition_laws_over_a_small_domain() {
    let domain = [None, Some(0), Some(3), Some(u64::MAX)];
    let mut all = Vec::new();
    for total in domain {
        for text in domain {
            for reasoning in domain {
                all.push(output(total, text, reasoning));
            }
        }
    }
    for &a in &all {
        assert_eq!(a + OutputTokens::ZERO, a);
        assert_eq!(a + OutputTokens::UNKNOWN, OutputTokens::UNKNOWN);
        for &b in &all {
            assert_eq!(a + b, b + a);
            for &c in &all {
                assert_eq!((a + b) + c, a + (b + c));
            }
        }
    }
}

#[test]
fn sums_across_providers() {
    let anthropic = norm::<anthropic::Usage>(
        r#"{"cache_creation_input_tokens": 1956, "cache_read_input_tokens": 9511, "input_tokens": 3, "output_tokens": 44,
            "output_tokens_details": {"thinking_tokens": 4}}"#,
    );
    let openai = norm::<openai::CompletionUsage>(
        r#"{"prompt_tokens": 4020, "completion_tokens": 4, "total_tokens": 4024,
            "prompt_tokens_details": {"cached_tokens": 4012, "cache_write_tokens": 0}, "completion_tokens_details": {"reasoning_tokens": 0}}"#,
    );
    let google = norm::<google::GenerateContentResponseUsageMetadata>(
        r#"{"candidatesTokenCount": 20, "promptTokenCount": 81, "thoughtsTokenCount": 179, "totalTokenCount": 280}"#,
    );
    let sum: Usage = [anthropic, openai, google].into_iter().sum();
    assert_eq!(sum.input.total, Some(11470 + 4020 + 81));
    assert_eq!(sum.input.cache_read, Some(9511 + 4012));
    assert_eq!(sum.input.no_cache, Some(3 + 8 + 81));
    // Google reports no cache writes.
    assert_eq!(sum.input.cache_write, None);
    assert_eq!(sum.output, output(Some(44 + 4 + 199), Some(40 + 4 + 20), Some(183)));
}

#[test]
fn an_overflowing_sum_is_not_known() {
    let big = Usage { input: input(Some(u64::MAX), None, None, None), output: OutputTokens::ZERO };
    assert_eq!((big + big).input.total, None);
}

#[test]
fn modalities_add_up_the_same_way() {
    let a =
        Modalities { input: ModalityTokens { text: Some(10), ..ModalityTokens::ZERO }, output: ModalityTokens::ZERO };
    let b = Modalities {
        input: ModalityTokens { text: Some(5), audio: None, ..ModalityTokens::ZERO },
        output: ModalityTokens::ZERO,
    };
    let sum: Modalities = [a, b].iter().sum();
    assert_eq!((sum.input.text, sum.input.audio, sum.input.image), (Some(15), None, Some(0)));
    assert!(Modalities::UNKNOWN.input.is_unknown());
}

// Serde

#[test]
fn the_serde_form_is_every_field_with_null_for_none() {
    let usage =
        Usage { input: input(Some(11470), Some(3), Some(9511), Some(1956)), output: output(Some(44), None, None) };
    let json = serde_json::to_string(&usage).unwrap();
    assert_eq!(
        json,
        r#"{"input":{"total":11470,"no_cache":3,"cache_read":9511,"cache_write":1956},"output":{"total":44,"text":null,"reasoning":null}}"#
    );
    assert_eq!(serde_json::from_str::<Usage>(&json).unwrap(), usage);
    assert_eq!(
        serde_json::to_string(&Usage::UNKNOWN).unwrap(),
        r#"{"input":{"total":null,"no_cache":null,"cache_read":null,"cache_write":null},"output":{"total":null,"text":null,"reasoning":null}}"#
    );
}

/// A conversation's cache and reasoning counts sit in the same extra fields as a chat body's.
#[test]
fn mistral_conversation_cache_and_reasoning() {
    let usage = norm::<mistral::ConversationUsageInfo>(
        r#"{"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120, "connector_tokens": 0,
            "num_cached_tokens": 64, "completion_tokens_details": {"reasoning_tokens": 5}}"#,
    );
    assert_eq!(usage.input, input(Some(100), Some(36), Some(64), None));
    assert_eq!(usage.output, output(Some(20), Some(15), Some(5)));
}
