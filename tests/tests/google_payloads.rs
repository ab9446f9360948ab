//! Every real Gemini / Vertex usage payload through both Google shapes generated from
//! `schemas/google/` (the TypeDoc page `UsageMetadata.txt` and the declarations `types.ts`).

use std::path::Path;

use llm_usage::google::{GenerateContentResponseUsageMetadata, MediaModality, ServiceTier, TrafficType, UsageMetadata};
use serde::{de::DeserializeOwned, Serialize};
use serde_json::{json, Value};

fn payloads() -> Vec<(String, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/payloads/google");
    if !dir.is_dir() {
        eprintln!("skipped: {} is absent (the shared corpus is not beside this checkout)", dir.display());
        return Vec::new();
    }
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let payloads: Vec<_> = files
        .into_iter()
        .map(|f| (f.display().to_string(), serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap()))
        .collect();
    assert_eq!(payloads.len(), 20, "the corpus has 20 Google payloads");
    payloads
}

fn round_trip<T: DeserializeOwned + Serialize>(name: &str, payload: &Value) -> T {
    let typed: T = serde_json::from_value(payload.clone()).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(&serde_json::to_value(&typed).unwrap(), payload, "{name}");
    typed
}

#[test]
fn every_google_payload_round_trips_through_usage_metadata() {
    for (name, payload) in payloads() {
        round_trip::<UsageMetadata>(&name, &payload);
    }
}

#[test]
fn every_google_payload_round_trips_through_the_generate_content_shape() {
    for (name, payload) in payloads() {
        round_trip::<GenerateContentResponseUsageMetadata>(&name, &payload);
    }
}

#[test]
fn unknown_fields_are_kept() {
    for (name, payload) in payloads() {
        if payload.get("billablePromptUsage").is_some() {
            let usage: UsageMetadata = round_trip(&name, &payload);
            assert_eq!(usage.unknown_fields.value("billablePromptUsage").as_ref(), payload.get("billablePromptUsage"));
        }
        if payload.get("candidatesTokenCount").is_some() {
            let usage: UsageMetadata = round_trip(&name, &payload);
            assert!(usage.unknown_fields.contains_key("candidatesTokenCount"), "{name}");
            let generate: GenerateContentResponseUsageMetadata = round_trip(&name, &payload);
            assert_eq!(generate.candidates_token_count, payload["candidatesTokenCount"].as_u64());
        }
    }
}

#[test]
fn newer_enum_values_are_known_variants() {
    let payloads = payloads();
    if payloads.is_empty() {
        return;
    }
    let find = |file: &str| payloads.iter().find(|(name, _)| name.ends_with(file)).map(|(_, v)| v.clone()).unwrap();
    let flex: UsageMetadata = serde_json::from_value(find("vertex_traffic_type_on_demand_flex.json")).unwrap();
    assert_eq!(flex.traffic_type, Some(TrafficType::OnDemandFlex));
    let document: UsageMetadata = serde_json::from_value(find("mldev_document_modality.json")).unwrap();
    let modalities: Vec<_> = document.prompt_tokens_details.unwrap().into_iter().filter_map(|d| d.modality).collect();
    assert!(modalities.contains(&MediaModality::Document), "{modalities:?}");
    let tier: UsageMetadata = serde_json::from_value(find("mldev_generate_with_cached_content.json")).unwrap();
    assert_eq!(tier.service_tier, Some(ServiceTier::Standard));
}

#[test]
fn a_never_seen_traffic_type_is_kept_as_written() {
    let input = json!({"trafficType": "ON_DEMAND_SOMETHING_NEW", "totalTokenCount": 3});
    let usage: UsageMetadata = round_trip("made up", &input);
    let traffic_type = usage.traffic_type.expect("kept");
    assert!(matches!(&traffic_type, TrafficType::Unknown(value) if value.as_str() == "ON_DEMAND_SOMETHING_NEW"));
    assert_eq!(traffic_type, TrafficType::from("ON_DEMAND_SOMETHING_NEW"));
}

#[test]
fn enum_variants_are_named_from_members_and_serialized_as_values() {
    assert_eq!(serde_json::to_value(ServiceTier::Unspecified).unwrap(), json!("unspecified"));
    assert_eq!(serde_json::from_value::<ServiceTier>(json!("flex")).unwrap(), ServiceTier::Flex);
}
