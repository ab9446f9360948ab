//! The four presence states of the contract, on `schemas/presence/presencedemo.md`:
//! what reading a missing key, `null` and a value gives, and what is written back.

use llm_usage::OptionalNullable;
use llm_usage_tests::presence::PresenceDemo;
use serde_json::{json, Value};

/// A complete object with `key` replaced by `value` (`None` removes the key).
fn with(key: &str, value: Option<Value>) -> Value {
    let mut object = json!({"required": 1, "required_nullable": 2, "optional": 3, "optional_nullable": 4});
    let map = object.as_object_mut().unwrap();
    match value {
        Some(value) => map.insert(key.to_string(), value),
        None => map.remove(key),
    };
    object
}

fn read(input: Value) -> Result<PresenceDemo, serde_json::Error> {
    serde_json::from_value(input)
}

fn write(demo: &PresenceDemo) -> Value {
    serde_json::to_value(demo).unwrap()
}

#[test]
fn required_rejects_missing_and_null() {
    let missing = read(with("required", None)).unwrap_err();
    assert!(missing.to_string().contains("missing field `required`"), "{missing}");
    let null = read(with("required", Some(Value::Null))).unwrap_err();
    assert!(null.to_string().contains("invalid type: null"), "{null}");
    let value = read(with("required", Some(json!(7)))).unwrap();
    assert_eq!(value.required, 7);
    assert_eq!(write(&value), with("required", Some(json!(7))));
}

#[test]
fn required_nullable_rejects_missing_and_keeps_null() {
    let missing = read(with("required_nullable", None)).unwrap_err();
    assert!(missing.to_string().contains("missing field `required_nullable`"), "{missing}");
    let null = read(with("required_nullable", Some(Value::Null))).unwrap();
    assert_eq!(null.required_nullable, None);
    assert_eq!(write(&null), with("required_nullable", Some(Value::Null)), "None is written as null");
    let value = read(with("required_nullable", Some(json!(7)))).unwrap();
    assert_eq!(value.required_nullable, Some(7));
    assert_eq!(write(&value), with("required_nullable", Some(json!(7))));
}

#[test]
fn optional_reads_missing_and_null_as_none_and_omits_none() {
    let missing = read(with("optional", None)).unwrap();
    assert_eq!(missing.optional, None);
    assert_eq!(write(&missing), with("optional", None));
    let null = read(with("optional", Some(Value::Null))).unwrap();
    assert_eq!(null.optional, None);
    // The one documented normalization: null in an optional, non-nullable field is written back as absent.
    assert_eq!(write(&null), with("optional", None));
    let value = read(with("optional", Some(json!(7)))).unwrap();
    assert_eq!(value.optional, Some(7));
    assert_eq!(write(&value), with("optional", Some(json!(7))));
}

#[test]
fn optional_nullable_keeps_absent_null_and_value_apart() {
    let missing = read(with("optional_nullable", None)).unwrap();
    assert_eq!(missing.optional_nullable, OptionalNullable::Absent);
    assert_eq!(write(&missing), with("optional_nullable", None));
    let null = read(with("optional_nullable", Some(Value::Null))).unwrap();
    assert_eq!(null.optional_nullable, OptionalNullable::Null);
    assert_eq!(write(&null), with("optional_nullable", Some(Value::Null)));
    let value = read(with("optional_nullable", Some(json!(7)))).unwrap();
    assert_eq!(value.optional_nullable, OptionalNullable::Value(7));
    assert_eq!(write(&value), with("optional_nullable", Some(json!(7))));
}

#[test]
fn only_the_required_fields_are_needed() {
    let minimal = json!({"required": 1, "required_nullable": null});
    let demo = read(minimal.clone()).unwrap();
    assert_eq!(write(&demo), minimal);
}
