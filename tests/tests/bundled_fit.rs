//! The corrections in `schemas/*/llm-usage.toml` are exactly what the real payloads call for:
//! `llm-usage fit` (the library) run over every payload of `../shared/corpus/payloads` against
//! the bundled vendor folders finds nothing left to correct. Together with
//! `vendor_payloads.rs`, which reads every payload through the compiled types, this is the
//! `fit` → `llm-usage.toml` → generated types loop on the vendors' own files.

use std::collections::BTreeMap;
use std::path::Path;

use llm_usage_codegen::fit::{self, Payload};
use llm_usage_codegen::Input;
use llm_usage_tests::corpus::{payloads, Kind};

/// The bundled folder and root each kind of payload is fitted against.
fn target(kind: Kind) -> Option<(&'static str, &'static str)> {
    Some(match kind {
        Kind::AnthropicUsage => ("anthropic", "Usage"),
        Kind::AnthropicMessageDelta => ("anthropic", "MessageDeltaUsage"),
        Kind::OpenAiChat => ("openai", "CompletionUsage"),
        Kind::OpenAiResponses => ("openai", "responses::ResponseUsage"),
        Kind::OpenAiEmbeddings => ("openai", "CreateEmbeddingResponse::Usage"),
        Kind::OpenAiTranscription => ("openai", "audio::Transcription::Duration"),
        Kind::Google => ("google", "GenerateContentResponseUsageMetadata"),
        Kind::Cohere => ("cohere", "Usage"),
        Kind::CohereBilledUnits => ("cohere", "UsageBilledUnits"),
        Kind::Mistral => ("mistral", "UsageInfo"),
        Kind::Bedrock => ("bedrock", "TokenUsage"),
        Kind::CohereMeta | Kind::Unsupported => return None,
    })
}

#[test]
fn the_bundled_overrides_fit_every_real_payload() {
    let mut by_target: BTreeMap<(&str, &str), Vec<Payload>> = BTreeMap::new();
    for payload in payloads() {
        let (Some(usage), Some(target)) = (payload.usage.clone(), target(payload.kind())) else { continue };
        by_target.entry(target).or_default().push(Payload { name: payload.id(), value: usage });
    }
    let schemas = Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas");
    let mut fitted = 0;
    for ((folder, root), payloads) in &by_target {
        let report = fit::run(&Input::new(schemas.join(folder)), root, payloads)
            .unwrap_or_else(|diagnostics| panic!("{folder}: {}", diagnostics[0]));
        assert!(
            report.findings.is_empty() && report.overrides.is_empty(),
            "{folder} --root {root}: the payloads still call for corrections:\n{}",
            report.text()
        );
        fitted += payloads.len();
    }
    if !by_target.is_empty() {
        assert_eq!(fitted, 68);
    }
}
