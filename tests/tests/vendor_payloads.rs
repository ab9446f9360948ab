//! Every real usage payload of `../shared/corpus/payloads/` (74 files from seven providers)
//! through its provider's type in `llm_usage`, generated from the vendor's own published file
//! with the `llm-usage.toml` corrections beside it: each reads and writes back unchanged.

use llm_usage_tests::corpus::{payloads, Kind, Payload};
use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;

/// Through JSON text, as users read responses (the unknown fields keep raw text), and through a
/// `Value`; both must write back what was read (compared as values: the corpus loader does not
/// keep key order).
fn lossless<T: DeserializeOwned + Serialize>(payload: &Payload, usage: &Value) {
    let text = serde_json::to_string(usage).unwrap();
    let typed: T = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", payload.id()));
    let written: Value = serde_json::from_str(&serde_json::to_string(&typed).unwrap()).unwrap();
    assert_eq!(&written, usage, "{} does not write back unchanged from text", payload.id());
    let typed: T = serde_json::from_value(usage.clone()).unwrap_or_else(|e| panic!("{}: {e}", payload.id()));
    let written = serde_json::to_value(&typed).unwrap();
    assert_eq!(&written, usage, "{} does not write back unchanged from a Value", payload.id());
}

#[test]
fn every_usage_payload_reads_and_writes_back_unchanged() {
    let all = payloads();
    let mut checked = 0;
    for payload in &all {
        let Some(usage) = &payload.usage else { continue };
        llm_usage_tests::with_usage_type!(payload.kind(), llm_usage as T => lossless::<T>(payload, usage), else continue);
        if payload.kind() == Kind::Google {
            // The same object as the older name of the type.
            lossless::<llm_usage::google::UsageMetadata>(payload, usage);
        }
        checked += 1;
    }
    if !all.is_empty() {
        // 74 files: 4 without a usage object, the Interactions API and Cohere's tokenize meta.
        assert_eq!(checked, 68, "usage objects read");
    }
}

#[test]
fn counts_are_integers_and_real_omissions_read() {
    let all = payloads();
    let Some(start) = all.iter().find(|p| p.name == "message_start_usage.json") else { return };
    let usage: llm_usage::anthropic::Usage = serde_json::from_value(start.usage.clone().unwrap()).unwrap();
    assert_eq!(usage.output_tokens, 1u64);
    // The SDK declares `cache_creation: CacheCreation | null`; responses omit it (override).
    let delta = all.iter().find(|p| p.name == "message_delta_counts_only.json").unwrap();
    let delta: llm_usage::anthropic::MessageDeltaUsage = serde_json::from_value(delta.usage.clone().unwrap()).unwrap();
    assert!(delta.server_tool_use.is_absent());
    let azure = all.iter().find(|p| p.name == "azure_deepseek_stream_details_null.json").unwrap();
    let azure: llm_usage::openai::CompletionUsage = serde_json::from_value(azure.usage.clone().unwrap()).unwrap();
    assert!(azure.prompt_tokens_details.is_null());
}
