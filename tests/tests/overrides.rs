//! `llm-usage.toml` corrections, through generated types: integer counts, a forced tri-state,
//! Rust names and derives (`schemas/override_numbers`), snake_case wire names for orq's
//! TypeScript-flavour docs (`schemas/override_wire_case`) and kept `null`s
//! (`schemas/override_keep_null`), checked against the real OpenAI-shaped payloads.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use llm_usage::OptionalNullable;
use llm_usage_tests::override_numbers::{DeploymentInvokeCompletionTokensDetails, OrqUsage};
use llm_usage_tests::{override_keep_null, override_wire_case};
use serde_json::{json, Value};

#[test]
fn integer_counts_read_integers_and_refuse_the_rest_naming_the_field() {
    let usage: OrqUsage = serde_json::from_str(r#"{"total_tokens": 12, "prompt_tokens": 0}"#).unwrap();
    assert_eq!(usage.total_tokens, Some(12u64));
    assert_eq!(usage.prompt_tokens, Some(0u64));
    assert_eq!(serde_json::to_string(&usage).unwrap(), r#"{"total_tokens":12,"prompt_tokens":0}"#);

    let err = serde_json::from_str::<OrqUsage>(r#"{"total_tokens": 12.5}"#).unwrap_err().to_string();
    assert_eq!(
        err,
        "invalid type: floating point `12.5`, expected a non-negative integer (u64) for field `total_tokens` at line 1 column 21"
    );
    let err = serde_json::from_str::<OrqUsage>(r#"{"completion_tokens": -1}"#).unwrap_err().to_string();
    assert_eq!(
        err,
        "invalid value: integer `-1`, expected a non-negative integer (u64) for field `completion_tokens` at line 1 column 24"
    );
    // Nested: the per-field `type = "u32"` and its `rename`.
    let details: DeploymentInvokeCompletionTokensDetails = serde_json::from_str(r#"{"reasoning_tokens": 7}"#).unwrap();
    assert_eq!(details.reasoning, OptionalNullable::Value(7u32));
    let err = serde_json::from_str::<DeploymentInvokeCompletionTokensDetails>(r#"{"reasoning_tokens": 4294967296}"#)
        .unwrap_err()
        .to_string();
    assert!(err.contains("for field `reasoning_tokens`"), "{err}");
}

#[test]
fn a_presence_override_makes_an_optional_field_tri_state() {
    // The doc says `Optional[…]`: `null` would be normalized away. The override keeps it.
    for (input, expected) in
        [(json!({}), OptionalNullable::<()>::Absent), (json!({"prompt_tokens_details": null}), OptionalNullable::Null)]
    {
        let usage: OrqUsage = serde_json::from_value(input.clone()).unwrap();
        assert_eq!(usage.prompt_tokens_details.is_absent(), expected.is_absent());
        assert_eq!(usage.prompt_tokens_details.is_null(), expected.is_null());
        assert_eq!(serde_json::to_value(&usage).unwrap(), input);
    }
    let usage: OrqUsage = serde_json::from_value(json!({"prompt_tokens_details": {"cached_tokens": 3}})).unwrap();
    assert!(usage.prompt_tokens_details.is_value());
}

#[test]
fn renamed_types_derive_eq_and_hash_once_no_float_is_left() {
    let a: OrqUsage = serde_json::from_str(r#"{"total_tokens": 3, "x": [1]}"#).unwrap();
    let b: OrqUsage = serde_json::from_str(r#"{"x": [1], "total_tokens": 3}"#).unwrap();
    let set: HashSet<OrqUsage> = [a, b].into_iter().collect();
    assert_eq!(set.len(), 1);
}

fn payloads(provider: &str) -> Vec<(PathBuf, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/payloads").join(provider);
    if !dir.is_dir() {
        eprintln!("skipped: {} is absent (the shared corpus is not beside this checkout)", dir.display());
        return Vec::new();
    }
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files
        .into_iter()
        .map(|f| (f.clone(), serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap()))
        .collect()
}

/// The chat-completions usage objects of the OpenAI and OpenAI-compatible payloads.
fn chat_usages() -> Vec<(PathBuf, Value)> {
    let is_chat_usage = |v: &Value| v.get("prompt_tokens").is_some() && v.get("completion_tokens").is_some();
    let mut out = Vec::new();
    for provider in ["openai", "openai-compatible"] {
        for (file, payload) in payloads(provider) {
            let usage = if is_chat_usage(&payload) {
                Some(&payload)
            } else {
                payload.get("usage").filter(|u| is_chat_usage(u))
            };
            if let Some(usage) = usage {
                out.push((file, usage.clone()));
            }
        }
    }
    out
}

#[test]
fn snake_case_wire_names_read_openai_payloads_through_orq_typescript_docs() {
    use override_wire_case::operations::CreateChatCompletionUsage;
    let usages = chat_usages();
    for (file, usage) in &usages {
        let typed: CreateChatCompletionUsage =
            serde_json::from_value(usage.clone()).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        // Documented fields land in their Rust fields, not among the unknown ones.
        assert_eq!(typed.prompt_tokens, usage["prompt_tokens"].as_u64(), "{}", file.display());
        assert!(!typed.unknown_fields.contains_key("prompt_tokens"), "{}", file.display());
        // Documented top-level fields are all optional and non-nullable in this doc, so only
        // the one normalization applies (the unknown fields' nulls are kept).
        let mut expected = usage.clone();
        for key in ["prompt_tokens_details", "completion_tokens_details", "total_tokens"] {
            if expected.get(key) == Some(&Value::Null) {
                expected.as_object_mut().unwrap().remove(key);
            }
        }
        assert_eq!(serde_json::to_value(&typed).unwrap(), expected, "{}", file.display());
    }
    if !usages.is_empty() {
        assert!(usages.len() >= 10, "only {} chat usage payloads", usages.len());
    }
}

#[test]
fn kept_nulls_round_trip_every_payload_exactly_the_azure_one_included() {
    use override_keep_null::operations::CreateChatCompletionUsage;
    let usages = chat_usages();
    let mut saw_azure_null = false;
    for (file, usage) in &usages {
        let typed: CreateChatCompletionUsage =
            serde_json::from_value(usage.clone()).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        assert_eq!(&serde_json::to_value(&typed).unwrap(), usage, "{}", file.display());
        if file.ends_with("azure_deepseek_stream_details_null.json") {
            assert!(typed.prompt_tokens_details.is_null());
            saw_azure_null = true;
        }
    }
    assert!(usages.is_empty() || saw_azure_null, "the Azure payload with a null detail object is in the corpus");
}
