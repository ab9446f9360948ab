//! The hand-checked table: every one of the 74 real payloads of `../shared/corpus/payloads/`
//! normalized through its provider's type to the `llm_usage::Usage` written here, each figure
//! worked out by hand from the payload and the rules on `llm_usage::Usage` (the note says how).
//! The same table is in README.md ("The corpus, normalized"), checked by the last test. Skipped, with a message, where the corpus is
//! absent.

use std::path::Path;

use llm_usage::usage::{read, Provider, ReadError};
use llm_usage::TokenUsage;
use llm_usage_tests::corpus::{self, payloads, Payload};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// What a payload normalizes to.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Expected {
    /// The serde form of its `Usage`.
    Usage(&'static str),
    /// It has no usage object (usage absent or `null`, a meta without billed units).
    NoUsage,
    /// It is no shape llm-usage has a type for.
    UnknownShape,
}
use Expected::{NoUsage, UnknownShape, Usage};

/// Payload → expected figures → how they follow from the payload.
#[rustfmt::skip]
const TABLE: &[(&str, Expected, &str)] = &[
    (
        "anthropic/message_reasoning_output_tokens_details.json",
        Usage(r#"{"input":{"total":51,"no_cache":51,"cache_read":0,"cache_write":0},"output":{"total":1699,"text":1560,"reasoning":139}}"#),
        "output_tokens includes thinking: text = 1699 − 139",
    ),
    (
        "anthropic/message_start_usage.json",
        Usage(r#"{"input":{"total":702,"no_cache":702,"cache_read":0,"cache_write":0},"output":{"total":1,"text":null,"reasoning":null}}"#),
        "message_start: cache counts 0; no thinking breakdown, so text and reasoning unknown",
    ),
    (
        "anthropic/message_delta_server_tool_use.json",
        Usage(r#"{"input":{"total":1591,"no_cache":1591,"cache_read":0,"cache_write":0},"output":{"total":175,"text":null,"reasoning":null}}"#),
        "message_delta (cumulative), no output_tokens_details",
    ),
    (
        "anthropic/message_delta_counts_only.json",
        Usage(r#"{"input":{"total":1007,"no_cache":1007,"cache_read":0,"cache_write":0},"output":{"total":59,"text":null,"reasoning":null}}"#),
        "counts-only delta",
    ),
    (
        "anthropic/message_server_tool_use_geo_not_available.json",
        Usage(r#"{"input":{"total":7451,"no_cache":7451,"cache_read":0,"cache_write":0},"output":{"total":521,"text":null,"reasoning":null}}"#),
        "server tool use counts are requests, not tokens",
    ),
    (
        "anthropic/message_compaction_iterations.json",
        Usage(r#"{"input":{"total":61067,"no_cache":61067,"cache_read":0,"cache_write":0},"output":{"total":1912,"text":null,"reasoning":null}}"#),
        "compaction iteration added: 682 + 60385 in, 1320 + 592 out",
    ),
    (
        "anthropic/message_delta_advisor_iterations.json",
        Usage(r#"{"input":{"total":4727,"no_cache":4727,"cache_read":0,"cache_write":0},"output":{"total":3391,"text":null,"reasoning":null}}"#),
        "advisor_message (another model) left out; top level = the two message iterations",
    ),
    (
        "anthropic/message_delta_fallback_iterations.json",
        Usage(r#"{"input":{"total":412,"no_cache":412,"cache_read":0,"cache_write":0},"output":{"total":264,"text":null,"reasoning":null}}"#),
        "fallback: the top level is the attempt that served the answer",
    ),
    (
        "anthropic/message_large_input_tokens.json",
        Usage(r#"{"input":{"total":494549,"no_cache":494549,"cache_read":0,"cache_write":0},"output":{"total":1245,"text":null,"reasoning":null}}"#),
        "large input, no cache",
    ),
    (
        "anthropic/message_delta_thinking_and_web_search.json",
        Usage(r#"{"input":{"total":404500,"no_cache":404500,"cache_read":0,"cache_write":0},"output":{"total":943,"text":682,"reasoning":261}}"#),
        "thinking inside output_tokens: text = 943 − 261",
    ),
    (
        "anthropic/bedrock_hosted_cache_write.json",
        Usage(r#"{"input":{"total":11470,"no_cache":3,"cache_read":9511,"cache_write":1956},"output":{"total":44,"text":null,"reasoning":null}}"#),
        "cache added to input: 3 + 9511 + 1956",
    ),
    (
        "anthropic/message_delta_prompt_cache_thinking_zero.json",
        Usage(r#"{"input":{"total":9632,"no_cache":6,"cache_read":6289,"cache_write":3337},"output":{"total":198,"text":198,"reasoning":0}}"#),
        "cache writes and reads added: 6 + 6289 + 3337; reasoning zero is Some(0)",
    ),
    (
        "anthropic/message_start_second_message_zero.json",
        Usage(r#"{"input":{"total":null,"no_cache":0,"cache_read":null,"cache_write":null},"output":{"total":0,"text":null,"reasoning":null}}"#),
        "no cache counts: the total cannot be told (read count unknown)",
    ),
    (
        "anthropic/message_delta_with_input_tokens.json",
        Usage(r#"{"input":{"total":null,"no_cache":61,"cache_read":null,"cache_write":null},"output":{"total":2,"text":null,"reasoning":null}}"#),
        "Anthropic-compatible endpoint without cache counts: total unknown",
    ),
    (
        "google/vertex_generate_content_billable_prompt_usage.json",
        Usage(r#"{"input":{"total":6,"no_cache":6,"cache_read":0,"cache_write":null},"output":{"total":444,"text":444,"reasoning":0}}"#),
        "6 + 444 = total: absent counts are 0; billablePromptUsage (unknown field) not counted",
    ),
    (
        "google/mldev_thoughts_no_candidates_details.json",
        Usage(r#"{"input":{"total":81,"no_cache":81,"cache_read":0,"cache_write":null},"output":{"total":199,"text":20,"reasoning":179}}"#),
        "thoughts added to candidates: 20 + 179",
    ),
    (
        "google/mldev_stream_chunk_prompt_only.json",
        Usage(r#"{"input":{"total":101,"no_cache":101,"cache_read":0,"cache_write":null},"output":{"total":0,"text":0,"reasoning":0}}"#),
        "stream chunk: prompt = total, so no output yet",
    ),
    (
        "google/vertex_stream_chunk_traffic_type_only.json",
        Usage(r#"{"input":{"total":null,"no_cache":null,"cache_read":null,"cache_write":null},"output":{"total":null,"text":null,"reasoning":null}}"#),
        "no count at all: nothing said",
    ),
    (
        "google/vertex_stream_chunk_billable_and_traffic_only.json",
        Usage(r#"{"input":{"total":null,"no_cache":null,"cache_read":null,"cache_write":null},"output":{"total":null,"text":null,"reasoning":null}}"#),
        "no promptTokenCount: nothing counted",
    ),
    (
        "google/mldev_stream_mcp_cached_tool_use.json",
        Usage(r#"{"input":{"total":3778,"no_cache":2877,"cache_read":901,"cache_write":null},"output":{"total":142,"text":51,"reasoning":91}}"#),
        "tool-use prompt is input: 1844 + 1934; cached inside prompt: 3778 − 901",
    ),
    (
        "google/mldev_stream_image_output_modality.json",
        Usage(r#"{"input":{"total":15,"no_cache":15,"cache_read":0,"cache_write":null},"output":{"total":1318,"text":1318,"reasoning":0}}"#),
        "details (IMAGE 1290) differ from candidates (1318): the count stands",
    ),
    (
        "google/vertex_stream_image_and_text_output.json",
        Usage(r#"{"input":{"total":14,"no_cache":14,"cache_read":0,"cache_write":null},"output":{"total":291,"text":291,"reasoning":0}}"#),
        "two output modalities (IMAGE 258, TEXT 33)",
    ),
    (
        "google/mldev_service_tier_cached_video_audio.json",
        Usage(r#"{"input":{"total":17713,"no_cache":334,"cache_read":17379,"cache_write":null},"output":{"total":889,"text":68,"reasoning":821}}"#),
        "cached inside prompt: 17713 − 17379; thoughts added: 68 + 821",
    ),
    (
        "google/mldev_details_item_missing_token_count.json",
        Usage(r#"{"input":{"total":268,"no_cache":268,"cache_read":0,"cache_write":null},"output":{"total":162,"text":162,"reasoning":0}}"#),
        "a details item without tokenCount says nothing (modality audio unknown)",
    ),
    (
        "google/mldev_cached_contents_create_total_only.json",
        Usage(r#"{"input":{"total":null,"no_cache":null,"cache_read":null,"cache_write":null},"output":{"total":null,"text":null,"reasoning":null}}"#),
        "cachedContents.create: only totalTokenCount, no prompt count",
    ),
    (
        "google/mldev_generate_with_cached_content.json",
        Usage(r#"{"input":{"total":3520,"no_cache":8,"cache_read":3512,"cache_write":null},"output":{"total":44,"text":2,"reasoning":42}}"#),
        "explicit cache read: 3520 − 3512",
    ),
    (
        "google/mldev_embed_prompt_token_details_singular.json",
        Usage(r#"{"input":{"total":7,"no_cache":7,"cache_read":0,"cache_write":null},"output":{"total":0,"text":0,"reasoning":0}}"#),
        "embedContent: prompt only, absent counts are 0 (proto3)",
    ),
    (
        "google/vertex_traffic_type_on_demand_flex.json",
        Usage(r#"{"input":{"total":5,"no_cache":5,"cache_read":0,"cache_write":null},"output":{"total":52,"text":1,"reasoning":51}}"#),
        "thoughts added: 1 + 51",
    ),
    (
        "google/vertex_stream_provisioned_throughput.json",
        Usage(r#"{"input":{"total":249,"no_cache":249,"cache_read":0,"cache_write":null},"output":{"total":241,"text":58,"reasoning":183}}"#),
        "totalTokenCount includes thoughts: 249 + 58 + 183 = 490",
    ),
    (
        "google/mldev_document_modality.json",
        Usage(r#"{"input":{"total":1305,"no_cache":1305,"cache_read":0,"cache_write":null},"output":{"total":11,"text":11,"reasoning":0}}"#),
        "DOCUMENT modality",
    ),
    (
        "google/mldev_tool_use_count_without_details.json",
        Usage(r#"{"input":{"total":510,"no_cache":510,"cache_read":0,"cache_write":null},"output":{"total":18,"text":0,"reasoning":18}}"#),
        "tool-use prompt added: 432 + 78; no candidates (0, by the total)",
    ),
    (
        "google/mldev_file_search_tool_use_service_tier.json",
        Usage(r#"{"input":{"total":534,"no_cache":534,"cache_read":0,"cache_write":null},"output":{"total":198,"text":66,"reasoning":132}}"#),
        "tool-use prompt added: 95 + 439; thoughts added: 66 + 132",
    ),
    (
        "google/mldev_max_tokens_empty_response.json",
        Usage(r#"{"input":{"total":15,"no_cache":15,"cache_read":0,"cache_write":null},"output":{"total":2,"text":0,"reasoning":2}}"#),
        "all output spent on thoughts",
    ),
    ("google/interactions_api_usage.json", UnknownShape, "Gemini Interactions API: a schema of its own, no type here"),
    (
        "openai/chat_completion_usage.json",
        Usage(r#"{"input":{"total":16,"no_cache":16,"cache_read":0,"cache_write":null},"output":{"total":363,"text":363,"reasoning":0}}"#),
        "no cache_write_tokens: cache_write unknown, no_cache = 16 − 0",
    ),
    ("openai/chat_stream_chunk_usage_null.json", NoUsage, "\"usage\": null"),
    (
        "openai/chat_stream_final_chunk_usage.json",
        Usage(r#"{"input":{"total":16,"no_cache":16,"cache_read":0,"cache_write":null},"output":{"total":300,"text":300,"reasoning":0}}"#),
        "final stream chunk",
    ),
    (
        "openai/chat_cache_write_tokens.json",
        Usage(r#"{"input":{"total":4020,"no_cache":8,"cache_read":0,"cache_write":4012},"output":{"total":4,"text":4,"reasoning":0}}"#),
        "cache writes are inside prompt_tokens: 4020 − 4012",
    ),
    (
        "openai/chat_cached_tokens_hit.json",
        Usage(r#"{"input":{"total":4020,"no_cache":8,"cache_read":4012,"cache_write":0},"output":{"total":4,"text":4,"reasoning":0}}"#),
        "cache reads inside prompt_tokens, not added again",
    ),
    (
        "openai/chat_audio_input_text_image_tokens.json",
        Usage(r#"{"input":{"total":64,"no_cache":64,"cache_read":0,"cache_write":null},"output":{"total":9,"text":9,"reasoning":0}}"#),
        "modalities: input text 20, audio 44, image 0",
    ),
    (
        "openai/responses_completed_usage.json",
        Usage(r#"{"input":{"total":134,"no_cache":134,"cache_read":0,"cache_write":null},"output":{"total":28,"text":28,"reasoning":0}}"#),
        "Responses usage without cache_write_tokens",
    ),
    ("openai/responses_created_usage_null.json", NoUsage, "response.created: \"usage\": null"),
    (
        "openai/responses_cache_write_tokens.json",
        Usage(r#"{"input":{"total":230,"no_cache":230,"cache_read":0,"cache_write":0},"output":{"total":22,"text":22,"reasoning":0}}"#),
        "cache_write_tokens present (0)",
    ),
    (
        "openai/responses_reasoning_tokens.json",
        Usage(r#"{"input":{"total":1348,"no_cache":1348,"cache_read":0,"cache_write":null},"output":{"total":624,"text":240,"reasoning":384}}"#),
        "reasoning inside output_tokens: text = 624 − 384",
    ),
    (
        "openai/legacy_completion_stream_final_chunk.json",
        Usage(r#"{"input":{"total":14,"no_cache":null,"cache_read":null,"cache_write":null},"output":{"total":16,"text":null,"reasoning":null}}"#),
        "no details: cache and reasoning unknown",
    ),
    (
        "openai/embeddings_usage.json",
        Usage(r#"{"input":{"total":2,"no_cache":null,"cache_read":null,"cache_write":null},"output":{"total":0,"text":0,"reasoning":0}}"#),
        "total_tokens = prompt_tokens: no output; no cache count",
    ),
    (
        "openai/transcription_usage_duration.json",
        Usage(r#"{"input":{"total":null,"no_cache":null,"cache_read":null,"cache_write":null},"output":{"total":null,"text":null,"reasoning":null}}"#),
        "billed by the second: no tokens",
    ),
    ("openai/azure_chat_first_chunk_without_usage_key.json", NoUsage, "no usage key"),
    (
        "openai/azure_deepseek_stream_details_null.json",
        Usage(r#"{"input":{"total":19,"no_cache":null,"cache_read":null,"cache_write":null},"output":{"total":1720,"text":null,"reasoning":null}}"#),
        "prompt_tokens_details null: cache unknown",
    ),
    (
        "openai/azure_deepseek_audio_prompt_tokens.json",
        Usage(r#"{"input":{"total":19,"no_cache":null,"cache_read":null,"cache_write":null},"output":{"total":1969,"text":null,"reasoning":null}}"#),
        "no details objects",
    ),
    (
        "openai-compatible/huggingface_details_null.json",
        Usage(r#"{"input":{"total":448,"no_cache":null,"cache_read":null,"cache_write":null},"output":{"total":38,"text":null,"reasoning":null}}"#),
        "both details null",
    ),
    (
        "openai-compatible/crusoe_multimodal_tokens_null.json",
        Usage(r#"{"input":{"total":20,"no_cache":20,"cache_read":0,"cache_write":null},"output":{"total":118,"text":10,"reasoning":108}}"#),
        "reasoning inside completion: 118 − 108",
    ),
    (
        "openai-compatible/openrouter_cost_fields.json",
        Usage(r#"{"input":{"total":280,"no_cache":280,"cache_read":0,"cache_write":0},"output":{"total":40,"text":40,"reasoning":0}}"#),
        "cost fields are not tokens",
    ),
    (
        "openai-compatible/deepseek_prompt_cache_hit_miss.json",
        Usage(r#"{"input":{"total":495,"no_cache":175,"cache_read":320,"cache_write":null},"output":{"total":144,"text":26,"reasoning":118}}"#),
        "no_cache = 495 − 320 = prompt_cache_miss_tokens",
    ),
    (
        "openai-compatible/xai_cost_in_usd_ticks.json",
        Usage(r#"{"input":{"total":12,"no_cache":1,"cache_read":11,"cache_write":null},"output":{"total":291,"text":1,"reasoning":290}}"#),
        "total 303 = 12 + 1 + 290: reasoning outside completion, added",
    ),
    (
        "openai-compatible/groq_x_groq_usage_chunk.json",
        Usage(r#"{"input":{"total":17,"no_cache":null,"cache_read":null,"cache_write":null},"output":{"total":1107,"text":144,"reasoning":963}}"#),
        "usage (not the x_groq copy); reasoning inside completion",
    ),
    (
        "openai-compatible/xai_responses_server_side_tool_usage.json",
        Usage(r#"{"input":{"total":27236,"no_cache":22651,"cache_read":4585,"cache_write":null},"output":{"total":3077,"text":1986,"reasoning":1091}}"#),
        "xAI Responses: total = input + output, reasoning inside",
    ),
    (
        "mistral/chat_stream_final_chunk.json",
        Usage(r#"{"input":{"total":10,"no_cache":null,"cache_read":null,"cache_write":null},"output":{"total":46,"text":null,"reasoning":null}}"#),
        "counts only",
    ),
    ("mistral/chat_stream_first_chunk_no_usage.json", NoUsage, "no usage key"),
    (
        "mistral/prompt_tokens_details_cached.json",
        Usage(r#"{"input":{"total":171,"no_cache":43,"cache_read":128,"cache_write":null},"output":{"total":14,"text":null,"reasoning":null}}"#),
        "prompt_tokens_details.cached_tokens (extra field): 171 − 128",
    ),
    (
        "mistral/num_cached_tokens_extra_field.json",
        Usage(r#"{"input":{"total":64,"no_cache":32,"cache_read":32,"cache_write":null},"output":{"total":6,"text":null,"reasoning":null}}"#),
        "num_cached_tokens (extra field): 64 − 32",
    ),
    (
        "mistral/transcription_usage.json",
        Usage(r#"{"input":{"total":13,"no_cache":null,"cache_read":null,"cache_write":null},"output":{"total":151,"text":null,"reasoning":null}}"#),
        "prompt_audio_seconds is not tokens",
    ),
    (
        "mistral/magistral_prompt_tokens_details_zero.json",
        Usage(r#"{"input":{"total":28,"no_cache":28,"cache_read":0,"cache_write":null},"output":{"total":2,"text":null,"reasoning":null}}"#),
        "cached_tokens 0",
    ),
    (
        "cohere/chat_v2_usage_cached_tokens.json",
        Usage(r#"{"input":{"total":2935,"no_cache":7,"cache_read":2928,"cache_write":null},"output":{"total":4,"text":null,"reasoning":null}}"#),
        "tokens, not billed_units (2406): cached 2928 counts against tokens",
    ),
    (
        "cohere/chat_v2_usage_no_cached_tokens.json",
        Usage(r#"{"input":{"total":91,"no_cache":null,"cache_read":null,"cache_write":null},"output":{"total":11,"text":null,"reasoning":null}}"#),
        "no cached_tokens: cache unknown",
    ),
    (
        "cohere/chat_v2_stream_message_end.json",
        Usage(r#"{"input":{"total":507,"no_cache":59,"cache_read":448,"cache_write":null},"output":{"total":10,"text":null,"reasoning":null}}"#),
        "message-end delta.usage: 507 − 448",
    ),
    (
        "cohere/embed_meta_billed_image_tokens.json",
        Usage(r#"{"input":{"total":2,"no_cache":null,"cache_read":null,"cache_write":null},"output":{"total":null,"text":null,"reasoning":null}}"#),
        "billed units only (image_tokens, an unknown field, not counted)",
    ),
    (
        "cohere/rerank_meta_search_units.json",
        Usage(r#"{"input":{"total":null,"no_cache":null,"cache_read":null,"cache_write":null},"output":{"total":null,"text":null,"reasoning":null}}"#),
        "search units are not tokens",
    ),
    ("cohere/tokenize_meta_api_version_only.json", NoUsage, "meta without billed units"),
    (
        "bedrock/converse_usage_basic.json",
        Usage(r#"{"input":{"total":25,"no_cache":25,"cache_read":0,"cache_write":0},"output":{"total":4,"text":null,"reasoning":null}}"#),
        "25 + 4 = totalTokens: absent cache counts are 0",
    ),
    (
        "bedrock/converse_server_tool_usage_empty.json",
        Usage(r#"{"input":{"total":27,"no_cache":27,"cache_read":0,"cache_write":0},"output":{"total":34,"text":null,"reasoning":null}}"#),
        "27 + 34 = totalTokens",
    ),
    (
        "bedrock/converse_cache_read_with_count_aliases.json",
        Usage(r#"{"input":{"total":3185,"no_cache":433,"cache_read":2752,"cache_write":0},"output":{"total":16,"text":null,"reasoning":null}}"#),
        "cache added to input: 433 + 2752 + 0 (…Count aliases ignored)",
    ),
    (
        "bedrock/converse_cache_details_ttl.json",
        Usage(r#"{"input":{"total":1951,"no_cache":3,"cache_read":1712,"cache_write":236},"output":{"total":121,"text":null,"reasoning":null}}"#),
        "cache added to input: 3 + 1712 + 236",
    ),
    (
        "bedrock/converse_stream_metadata_event.json",
        Usage(r#"{"input":{"total":51,"no_cache":51,"cache_read":0,"cache_write":0},"output":{"total":94,"text":null,"reasoning":null}}"#),
        "ConverseStream metadata event",
    ),
];

fn expected(payload: &Payload) -> Expected {
    let id = payload.id();
    TABLE.iter().find(|(name, ..)| *name == id).unwrap_or_else(|| panic!("{id} is not in the table")).1
}

/// The payload's usage object through its provider's type (the `Kind` of the corpus loader).
fn normalized(payload: &Payload) -> Option<String> {
    fn of<T: DeserializeOwned + TokenUsage>(payload: &Payload, usage: &Value) -> String {
        let typed: T = serde_json::from_value(usage.clone()).unwrap_or_else(|e| panic!("{}: {e}", payload.id()));
        serde_json::to_string(&typed.usage()).unwrap()
    }
    let usage = payload.usage.as_ref()?;
    Some(llm_usage_tests::with_usage_type!(payload.kind(), llm_usage as T => of::<T>(payload, usage), else return None))
}

#[test]
fn the_table_has_every_payload_once() {
    let all = payloads();
    if all.is_empty() {
        return;
    }
    assert_eq!(TABLE.len(), all.len());
    for (name, ..) in TABLE {
        assert_eq!(all.iter().filter(|p| p.id() == *name).count(), 1, "{name}");
    }
}

#[test]
fn every_payload_normalizes_to_the_hand_checked_figures() {
    let mut wrong = Vec::new();
    for payload in &payloads() {
        let got = normalized(payload);
        match (expected(payload), &got) {
            (Usage(want), Some(got)) if got == want => {}
            (NoUsage | UnknownShape, None) => {}
            (want, got) => wrong.push(format!("{}:\n  want {want:?}\n  got  {got:?}", payload.id())),
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The provider a payload's folder names (`openai-compatible` servers speak OpenAI's shape).
fn provider(payload: &Payload) -> Provider {
    match payload.provider.as_str() {
        "openai-compatible" => Provider::OpenAi,
        name => name.parse().unwrap(),
    }
}

fn text(payload: &Payload) -> String {
    let dir = corpus::dir().expect("payloads exist, so the folder does");
    std::fs::read_to_string(Path::new(&dir).join(payload.id())).unwrap()
}

/// `usage::read` on each whole file (the enclosing event or body where the file has one, as
/// `llm-usage usage` reads it), naming the provider: the same figures, or the same "no usage".
#[test]
fn read_finds_the_same_figures_in_every_whole_payload_file() {
    let mut wrong = Vec::new();
    for payload in &payloads() {
        let got = read(&text(payload), Some(provider(payload)));
        let ok = match (expected(payload), &got) {
            (Usage(want), Ok(reading)) => serde_json::to_string(&reading.usage).unwrap() == want,
            (NoUsage, Err(ReadError::NoUsage { .. })) | (UnknownShape, Err(ReadError::UnknownShape { .. })) => true,
            _ => false,
        };
        if !ok {
            wrong.push(format!("{}: want {:?}, got {got:?}", payload.id(), expected(payload)));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Without `--provider` the shape decides: every payload is read as its own provider's, except
/// Mistral's bodies in OpenAI's shape without a key only Mistral sends (read as `openai`, to
/// the same figures) and a bare `{"input_tokens", "output_tokens"}` (Anthropic's or Cohere's).
#[test]
fn the_shape_tells_the_provider_of_every_payload() {
    let mut wrong = Vec::new();
    for payload in &payloads() {
        let got = read(&text(payload), None);
        let id = payload.id();
        let want = match expected(payload) {
            Usage(want) => want,
            // What has no usage, or a shape of its own, is said so, not read as something else.
            NoUsage => {
                if !matches!(got, Err(ReadError::NoUsage { .. })) {
                    wrong.push(format!("{id}: want no usage, got {got:?}"));
                }
                continue;
            }
            UnknownShape => {
                if !matches!(got, Err(ReadError::UnknownShape { .. })) {
                    wrong.push(format!("{id}: want an unknown shape, got {got:?}"));
                }
                continue;
            }
        };
        let ok = match &got {
            Err(ReadError::Ambiguous { candidates, .. }) => {
                id == "anthropic/message_delta_with_input_tokens.json"
                    && *candidates == [Provider::Anthropic, Provider::Cohere]
            }
            Ok(reading) => {
                let as_openai = matches!(
                    id.as_str(),
                    "mistral/chat_stream_final_chunk.json"
                        | "mistral/prompt_tokens_details_cached.json"
                        | "mistral/magistral_prompt_tokens_details_zero.json"
                );
                let want_provider = if as_openai { Provider::OpenAi } else { provider(payload) };
                reading.provider == want_provider && serde_json::to_string(&reading.usage).unwrap() == want
            }
            Err(_) => false,
        };
        if !ok {
            wrong.push(format!("{id}: got {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The README's copy of the table. Each row's seven figures (– for `None`) are the ones above.
#[test]
fn the_readme_table_is_this_table() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let heading = "### The corpus, normalized";
    let text = std::fs::read_to_string(root.join("README.md")).expect("README.md reads");
    assert!(text.contains(heading), "README.md has the section {heading:?}");
    let section = &text[text.find(heading).unwrap()..];
    let rows: Vec<Vec<&str>> = section
        .lines()
        .skip_while(|line| !line.starts_with("| payload |"))
        .skip(2)
        .take_while(|line| line.starts_with("| `"))
        .map(|line| line.trim().trim_matches('|').split('|').map(str::trim).collect())
        .collect();
    assert_eq!(rows.len(), TABLE.len());
    for (row, (name, expected, note)) in rows.iter().zip(TABLE) {
        assert_eq!(row[0].trim_matches('`'), *name);
        assert_eq!(row[8], *note, "{name}");
        let figures = match expected {
            Usage(json) => {
                let value: Value = serde_json::from_str(json).unwrap();
                [
                    "/input/total",
                    "/input/no_cache",
                    "/input/cache_read",
                    "/input/cache_write",
                    "/output/total",
                    "/output/text",
                    "/output/reasoning",
                ]
                .iter()
                .map(|pointer| value.pointer(pointer).unwrap().as_u64().map_or("–".to_owned(), |n| n.to_string()))
                .collect::<Vec<_>>()
            }
            NoUsage => vec![
                "*no usage*".to_owned(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ],
            UnknownShape => {
                vec![
                    "*unknown shape*".to_owned(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                ]
            }
        };
        assert_eq!(row[1..8], figures[..], "{name}");
    }
}
