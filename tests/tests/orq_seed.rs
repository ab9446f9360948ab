//! The orq.ai seed, `DeploymentInvokeUsage`, through the types `llm_usage` generates from the
//! workspace's `schemas/orq/`.

use llm_usage::orq::{DeploymentInvokeCompletionTokensDetails, DeploymentInvokeUsage};
use llm_usage::OptionalNullable;
use serde_json::{json, Value};

fn round_trip(input: Value) -> (DeploymentInvokeUsage, Value) {
    let usage: DeploymentInvokeUsage = serde_json::from_value(input).expect("payload conforms to the doc");
    let output = serde_json::to_value(&usage).expect("serializes");
    (usage, output)
}

#[test]
fn empty_object_round_trips() {
    let (usage, output) = round_trip(json!({}));
    assert_eq!(usage, DeploymentInvokeUsage::default());
    assert_eq!(output, json!({}));
}

#[test]
fn counts_details_and_nulls_round_trip() {
    let input = json!({
        "total_tokens": 10,
        "prompt_tokens": 4,
        "completion_tokens": 6,
        "prompt_tokens_details": {"cached_tokens": null},
        "completion_tokens_details": null
    });
    let (usage, output) = round_trip(input.clone());
    assert_eq!(output, input);
    assert_eq!(usage.total_tokens, Some(10.0));
    assert_eq!(usage.completion_tokens_details, OptionalNullable::Null);
    let prompt = usage.prompt_tokens_details.expect("present");
    assert_eq!(prompt.cached_tokens, OptionalNullable::Null);
    // Integers stay integers, not 10.0.
    assert!(output["total_tokens"].is_u64(), "{output}");
}

#[test]
fn unknown_fields_are_kept_and_integers_stay_integers() {
    let input = json!({"completion_tokens_details": {"reasoning_tokens": 3}, "audio_tokens": 5});
    let (usage, output) = round_trip(input.clone());
    assert_eq!(output, input);
    assert_eq!(usage.unknown_fields.value("audio_tokens"), Some(json!(5)));
    let details = usage.completion_tokens_details.value().expect("a value");
    assert_eq!(details.reasoning_tokens, OptionalNullable::Value(3.0));
    assert!(output["completion_tokens_details"]["reasoning_tokens"].is_u64(), "{output}");
}

#[test]
fn absent_null_and_value_are_three_different_rust_values() {
    let absent: DeploymentInvokeUsage = serde_json::from_value(json!({})).unwrap();
    let null: DeploymentInvokeUsage = serde_json::from_value(json!({"completion_tokens_details": null})).unwrap();
    let value: DeploymentInvokeUsage =
        serde_json::from_value(json!({"completion_tokens_details": {"reasoning_tokens": 1}})).unwrap();
    assert_eq!(absent.completion_tokens_details, OptionalNullable::Absent);
    assert_eq!(null.completion_tokens_details, OptionalNullable::Null);
    assert!(matches!(
        value.completion_tokens_details,
        OptionalNullable::Value(DeploymentInvokeCompletionTokensDetails { reasoning_tokens: OptionalNullable::Value(r), .. }) if r == 1.0
    ));
    assert_ne!(absent, null);
    assert_ne!(null, value);
    assert_eq!(serde_json::to_value(&absent).unwrap(), json!({}));
    assert_eq!(serde_json::to_value(&null).unwrap(), json!({"completion_tokens_details": null}));
}

#[test]
fn fractional_counts_stay_fractional() {
    let input = json!({"total_tokens": 0.5});
    let (_, output) = round_trip(input.clone());
    assert_eq!(output, input);
}

#[test]
fn wrong_types_are_rejected() {
    let err = serde_json::from_value::<DeploymentInvokeUsage>(json!({"total_tokens": "ten"})).unwrap_err();
    assert!(err.to_string().contains("invalid type"), "{err}");
}
