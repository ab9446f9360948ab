//! The real usage objects of `../shared/corpus/payloads/`, mutated: keys dropped, sent twice,
//! given other values (`null`, wrong types, numbers beyond 64 bits, nested objects) and
//! undocumented keys added. Through its provider's type each one either is refused with an
//! error or reads; what reads must write text that reads back to an equal value and writes the
//! same text again. Nothing panics. (`fuzz/`'s `runtime` target asks the same of any bytes.)

use std::sync::OnceLock;

use llm_usage_tests::corpus::{payloads, Payload};
use proptest::prelude::*;
use proptest::sample::Index;
use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;

/// A JSON value to put in a key's place: what vendors send, and what they should not.
fn leaf() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("null".to_owned()),
        any::<u32>().prop_map(|n| n.to_string()),
        any::<i64>().prop_map(|n| n.to_string()),
        Just("18446744073709551616".to_owned()), // 2^64: no integer type holds it
        Just("12.5".to_owned()),
        Just("1.0".to_owned()),
        Just("1e400".to_owned()),
        Just("true".to_owned()),
        "[a-z_]{0,8}".prop_map(|s| format!("{s:?}")),
        Just("[]".to_owned()),
        Just(r#"[{"modality":"TEXT","tokenCount":3}]"#.to_owned()),
        Just(r#"{"a":{"b":[1,2.50,"x"]},"a":null}"#.to_owned()),
    ]
}

#[derive(Debug, Clone)]
enum Mutation {
    /// Removes the key at this place.
    Drop(Index),
    /// Sends the key at this place again, with another value.
    Again(Index, String),
    /// Gives the key at this place another value.
    Replace(Index, String),
    /// Adds an undocumented key (a documented one, when the name happens to be one).
    Add(String, String),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<Index>().prop_map(Mutation::Drop),
        (any::<Index>(), leaf()).prop_map(|(i, v)| Mutation::Again(i, v)),
        (any::<Index>(), leaf()).prop_map(|(i, v)| Mutation::Replace(i, v)),
        ("[a-z_]{1,12}", leaf()).prop_map(|(k, v)| Mutation::Add(k, v)),
    ]
}

/// The object's keys and values' JSON texts with the mutations applied, as object text (which
/// may repeat a key, as a `Value` cannot).
fn mutated(object: &serde_json::Map<String, Value>, mutations: &[Mutation]) -> String {
    let mut entries: Vec<(String, String)> = object.iter().map(|(k, v)| (k.clone(), v.to_string())).collect();
    for m in mutations {
        match m {
            Mutation::Drop(i) if !entries.is_empty() => {
                entries.remove(i.index(entries.len()));
            }
            Mutation::Again(i, value) if !entries.is_empty() => {
                let key = entries[i.index(entries.len())].0.clone();
                entries.push((key, value.clone()));
            }
            Mutation::Replace(i, value) if !entries.is_empty() => {
                let at = i.index(entries.len());
                entries[at].1 = value.clone();
            }
            Mutation::Add(key, value) => entries.push((key.clone(), value.clone())),
            _ => {}
        }
    }
    let body: Vec<String> = entries.iter().map(|(k, v)| format!("{}:{v}", Value::from(k.as_str()))).collect();
    format!("{{{}}}", body.join(","))
}

/// Reads `text` as a `T`; if it reads, writing and reading again is a fixed point.
fn round_trip<T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug>(text: &str) -> Result<(), TestCaseError> {
    let Ok(read) = serde_json::from_str::<T>(text) else { return Ok(()) };
    let written = serde_json::to_string(&read).expect("a value that read writes");
    let again: T = serde_json::from_str(&written)
        .map_err(|e| TestCaseError::fail(format!("{written} does not read back: {e} (read from {text})")))?;
    prop_assert_eq!(&read, &again, "read from {}", text);
    prop_assert_eq!(&written, &serde_json::to_string(&again).unwrap(), "read from {}", text);
    Ok(())
}

/// The payloads whose usage is an object, read once.
fn usage_objects() -> &'static [Payload] {
    static ALL: OnceLock<Vec<Payload>> = OnceLock::new();
    ALL.get_or_init(|| payloads().into_iter().filter(|p| matches!(p.usage, Some(Value::Object(_)))).collect())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(512),
        ..ProptestConfig::default()
    })]

    #[test]
    fn mutated_usage_objects_read_to_a_round_trip_or_an_error(
        which in any::<Index>(),
        mutations in proptest::collection::vec(mutation(), 0..6),
    ) {
        let all = usage_objects();
        if all.is_empty() {
            return Ok(()); // the corpus is not beside this checkout; `payloads` said so
        }
        let payload = &all[which.index(all.len())];
        let Some(Value::Object(object)) = &payload.usage else { unreachable!() };
        let text = mutated(object, &mutations);
        llm_usage_tests::with_usage_type!(payload.kind(), llm_usage as T => round_trip::<T>(&text)?, else {});
        // The normalized reading of the same text must not panic either.
        let _ = llm_usage::usage::read(&text, None);
    }
}
