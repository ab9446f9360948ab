//! The presence states from TypeScript (`schemas/ts_presence/presence.ts`): what reading a
//! missing key, `null` and a value gives, and what is written back.

use llm_usage::OptionalNullable;
use llm_usage_tests::ts_presence::TsPresence;
use serde_json::{json, Value};

/// A complete object with `key` replaced by `value` (`None` removes the key).
fn with(key: &str, value: Option<Value>) -> Value {
    let mut object = json!({
        "required": 1, "requiredNullable": 2, "optional": 3,
        "optionalUndefined": 4, "optionalNullable": 5, "requiredUndefined": 6
    });
    let map = object.as_object_mut().unwrap();
    match value {
        Some(value) => map.insert(key.to_string(), value),
        None => map.remove(key),
    };
    object
}

fn read(input: Value) -> Result<TsPresence, serde_json::Error> {
    serde_json::from_value(input)
}

fn write(value: &TsPresence) -> Value {
    serde_json::to_value(value).unwrap()
}

#[test]
fn required_rejects_missing_and_null() {
    assert!(read(with("required", None)).unwrap_err().to_string().contains("missing field `required`"));
    assert!(read(with("required", Some(Value::Null))).is_err());
    let value = read(with("required", Some(json!(7)))).unwrap();
    assert_eq!(value.required, 7.0);
    assert_eq!(write(&value), with("required", Some(json!(7))));
}

#[test]
fn required_nullable_rejects_missing_and_keeps_null() {
    let missing = read(with("requiredNullable", None)).unwrap_err();
    assert!(missing.to_string().contains("missing field `requiredNullable`"), "{missing}");
    let null = read(with("requiredNullable", Some(Value::Null))).unwrap();
    assert_eq!(null.required_nullable, None);
    assert_eq!(write(&null), with("requiredNullable", Some(Value::Null)));
}

#[test]
fn optional_and_optional_undefined_read_missing_and_null_as_none() {
    for key in ["optional", "optionalUndefined"] {
        let missing = read(with(key, None)).unwrap();
        assert_eq!(write(&missing), with(key, None), "{key}");
        let null = read(with(key, Some(Value::Null))).unwrap();
        // The documented normalization: null in an optional, non-nullable field is written back as absent.
        assert_eq!(write(&null), with(key, None), "{key}");
    }
    let value = read(with("optionalUndefined", Some(json!(9)))).unwrap();
    assert_eq!(value.optional_undefined, Some(9.0));
}

#[test]
fn optional_nullable_keeps_absent_null_and_value_apart() {
    let missing = read(with("optionalNullable", None)).unwrap();
    assert_eq!(missing.optional_nullable, OptionalNullable::Absent);
    assert_eq!(write(&missing), with("optionalNullable", None));
    let null = read(with("optionalNullable", Some(Value::Null))).unwrap();
    assert_eq!(null.optional_nullable, OptionalNullable::Null);
    assert_eq!(write(&null), with("optionalNullable", Some(Value::Null)));
    let value = read(with("optionalNullable", Some(json!(5)))).unwrap();
    assert_eq!(value.optional_nullable, OptionalNullable::Value(5.0));
    assert_eq!(write(&value), with("optionalNullable", Some(json!(5))));
}

#[test]
fn required_but_undefined_may_be_absent_on_the_wire() {
    let missing = read(with("requiredUndefined", None)).unwrap();
    assert_eq!(missing.required_undefined, None);
    assert_eq!(write(&missing), with("requiredUndefined", None));
}
