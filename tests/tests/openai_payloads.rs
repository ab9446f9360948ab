//! orq.ai's usage object has OpenAI's chat shape and no real orq response is public, so the
//! real OpenAI and OpenAI-compatible usage payloads of the shared corpus stand in for it.

use std::path::{Path, PathBuf};

use llm_usage::orq::DeploymentInvokeUsage;
use serde_json::Value;

fn payload_dir(provider: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/payloads").join(provider);
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: {} is absent (the shared corpus is not beside this checkout)", dir.display());
        None
    }
}

/// The chat-completions usage object in a payload: the file itself, or its `usage` key.
fn chat_usage(payload: &Value) -> Option<&Value> {
    let is_chat_usage = |v: &Value| v.get("prompt_tokens").is_some() && v.get("completion_tokens").is_some();
    if is_chat_usage(payload) {
        return Some(payload);
    }
    payload.get("usage").filter(|u| is_chat_usage(u))
}

/// The one documented normalization: `null` in an optional, non-nullable field reads as
/// `None` and is written back as absent. In this doc that is `prompt_tokens_details`
/// (`Optional[…]`) and the three counts (`Optional[float]`).
fn expected_after_round_trip(usage: &Value) -> Value {
    let mut expected = usage.clone();
    if let Some(object) = expected.as_object_mut() {
        for key in ["prompt_tokens_details", "total_tokens", "prompt_tokens", "completion_tokens"] {
            if object.get(key) == Some(&Value::Null) {
                object.remove(key);
            }
        }
    }
    expected
}

#[test]
fn every_openai_chat_usage_payload_round_trips() {
    let mut checked = 0;
    for provider in ["openai", "openai-compatible"] {
        let Some(dir) = payload_dir(provider) else { return };
        let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        for file in files {
            let payload: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
            let Some(usage) = chat_usage(&payload) else { continue };
            let typed: DeploymentInvokeUsage =
                serde_json::from_value(usage.clone()).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            let written = serde_json::to_value(&typed).unwrap();
            assert_eq!(written, expected_after_round_trip(usage), "{}", file.display());
            checked += 1;
        }
    }
    assert!(checked >= 8, "only {checked} chat usage payloads found");
}
