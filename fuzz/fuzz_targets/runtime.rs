//! Fuzzes the runtime the generated types read and write with: any bytes (lossy UTF-8) read
//! through each of `llm_usage`'s usage types and through `usage::read` must not panic, and a
//! value that reads must write text that reads back to an equal value and writes the same
//! text again (a round trip is a fixed point after the first).
#![no_main]

use libfuzzer_sys::fuzz_target;
use llm_usage::{anthropic, bedrock, cohere, google, mistral, openai, orq};
use serde::{de::DeserializeOwned, Serialize};

/// Reads `text` as a `T`; if it reads, checks that writing and reading again is stable. The
/// same for a `T` read from the text's `Value` (not compared with the first: a `Value` has
/// already rounded numbers beyond 64 bits, with serde_json's float parsing, which is not exact).
fn round_trip<T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug>(text: &str) {
    if let Ok(read) = serde_json::from_str::<T>(text) {
        fixed_point(&read, text);
    }
    if let Ok(value) = serde_json::from_str::<serde_json::Value>(text) {
        if let Ok(read) = serde_json::from_value::<T>(value) {
            fixed_point(&read, text);
        }
    }
}

/// Writing `read` gives text that reads back equal and writes the same text again.
fn fixed_point<T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug>(read: &T, text: &str) {
    let written = serde_json::to_string(read).expect("a value that read writes");
    let again: T = serde_json::from_str(&written)
        .unwrap_or_else(|e| panic!("what was written does not read back: {e}\nread: {text}\nwritten: {written}"));
    assert_eq!(read, &again, "read: {text}\nwritten: {written}");
    assert_eq!(written, serde_json::to_string(&again).expect("a value that read writes"), "read: {text}");
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    round_trip::<anthropic::Usage>(&text);
    round_trip::<anthropic::MessageDeltaUsage>(&text);
    round_trip::<openai::CompletionUsage>(&text);
    round_trip::<openai::responses::ResponseUsage>(&text);
    round_trip::<openai::audio::transcription::Duration>(&text);
    round_trip::<google::GenerateContentResponseUsageMetadata>(&text);
    round_trip::<cohere::Usage>(&text);
    round_trip::<mistral::UsageInfo>(&text);
    round_trip::<bedrock::TokenUsage>(&text);
    round_trip::<orq::DeploymentInvokeUsage>(&text);
    let _ = llm_usage::usage::read(&text, None);
});
