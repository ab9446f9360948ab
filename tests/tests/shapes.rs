//! Real vendor enum and union docs (`schemas/shapes/`) through the generated types.

use llm_usage_tests::shapes::{AndEq, CacheConfigTTL, CreatePromptProvider};
use serde_json::{json, Value};

fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(input: Value) -> (T, Value) {
    let typed: T = serde_json::from_value(input).unwrap();
    let output = serde_json::to_value(&typed).unwrap();
    (typed, output)
}

#[test]
fn enum_values_that_are_not_identifiers_round_trip() {
    let (ttl, output) = round_trip::<CacheConfigTTL>(json!("5m"));
    assert_eq!(ttl, CacheConfigTTL::V5m);
    assert_eq!(output, json!("5m"));
    let (provider, output) = round_trip::<CreatePromptProvider>(json!("google-ai"));
    assert_eq!(provider, CreatePromptProvider::GoogleAi);
    assert_eq!(output, json!("google-ai"));
}

#[test]
fn unknown_enum_values_are_kept_as_sent() {
    let (ttl, output) = round_trip::<CacheConfigTTL>(json!("24h"));
    assert!(matches!(&ttl, CacheConfigTTL::Unknown(value) if value.as_str() == "24h"), "{ttl:?}");
    assert_eq!(ttl.as_str(), "24h");
    assert_eq!(output, json!("24h"));
}

#[test]
fn enums_convert_from_and_to_their_wire_text() {
    // A listed value always becomes its own variant: the catch-all cannot hold it.
    assert_eq!(CacheConfigTTL::from("5m"), CacheConfigTTL::V5m);
    assert_eq!("5m".parse::<CacheConfigTTL>(), Ok(CacheConfigTTL::V5m));
    assert_eq!(CacheConfigTTL::V5m.to_string(), "5m");
    assert_eq!(CacheConfigTTL::V5m.as_str(), "5m");
    let unknown: CacheConfigTTL = "24h".parse().unwrap();
    assert_eq!(unknown.to_string(), "24h");
    assert_eq!(unknown, CacheConfigTTL::from("24h"));
    assert_eq!(CreatePromptProvider::GoogleAi.as_str(), "google-ai");
}

#[test]
fn enums_reject_other_json_types() {
    assert!(serde_json::from_value::<CacheConfigTTL>(json!(5)).is_err());
}

#[test]
fn union_variants_are_tried_in_order_and_round_trip() {
    for input in [json!("x"), json!(1), json!(1.5), json!(true)] {
        let (_, output) = round_trip::<AndEq>(input.clone());
        assert_eq!(output, input);
    }
    let (value, _) = round_trip::<AndEq>(json!(true));
    assert_eq!(value, AndEq::Boolean(true));
}
