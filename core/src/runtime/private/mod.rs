//! What generated code calls at run time. Reached as `::llm_usage::__private`; not public API.
//!
//! Generic code lives here so that each generated type's own code is a few lines per field:
//! [`de`] reads objects, [`ser`] writes them, [`float`] writes whole `f64`s as integers,
//! [`enums`] reads enums that keep unknown values, [`union`] tries a union's variants in order.

pub mod de;
pub mod enums;
pub mod float;
pub mod ser;
pub mod union;

pub use enums::{deserialize_int_enum, deserialize_str_enum, unknown};
pub use serde;
pub use serde_json;

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::{Deserialize, Serialize};

    use super::float::SerializeFloats;
    use crate::OptionalNullable;

    fn floats<T: SerializeFloats>(value: &T) -> String {
        let mut out = Vec::new();
        let mut ser = serde_json::Serializer::new(&mut out);
        value.serialize_floats(&mut ser).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn whole_floats_are_written_as_integers() {
        assert_eq!(floats(&12.0), "12");
        assert_eq!(floats(&0.5), "0.5");
        assert_eq!(floats(&-3.0), "-3");
        assert_eq!(floats(&-0.0), "-0.0");
        assert_eq!(floats(&1e18), "1000000000000000000");
        assert_eq!(floats(&1.5e19), "15000000000000000000");
        assert_eq!(floats(&1e300), "1e+300");
        assert_eq!(floats(&Some(2.0)), "2");
        assert_eq!(floats(&None::<f64>), "null");
        assert_eq!(floats(&vec![1.0, 1.5]), "[1,1.5]");
        assert_eq!(floats(&Box::new(4.0)), "4");
        assert_eq!(floats(&OptionalNullable::Value(vec![Some(3.0), None])), "[3,null]");
        assert_eq!(floats(&BTreeMap::from([("a".to_owned(), 7.0)])), r#"{"a":7}"#);
    }

    /// An object read and written exactly as generated code does it.
    #[derive(Debug, PartialEq, Default)]
    struct Counts {
        input: u64,
        cached: Option<u32>,
        details: OptionalNullable<i64>,
        unknown_fields: crate::UnknownFields,
    }

    impl<'de> Deserialize<'de> for Counts {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> serde::de::Visitor<'de> for V {
                type Value = Counts;
                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str("struct Counts")
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Counts, A::Error> {
                    const FIELDS: &[&str] = &["input", "cached", "details"];
                    let mut f0 = super::de::IntSlot::<u64>(None);
                    let mut f1 = super::de::IntSlot::<Option<u32>>(None);
                    let mut f2 = super::de::IntSlot::<OptionalNullable<i64>>(None);
                    let mut unknown_fields = crate::UnknownFields::new();
                    super::de::read_map(&mut map, FIELDS, &mut [&mut f0, &mut f1, &mut f2], &mut unknown_fields)?;
                    Ok(Counts {
                        input: match f0.0 {
                            Some(value) => value,
                            None => return Err(super::de::missing(FIELDS[0])),
                        },
                        cached: f1.0.unwrap_or_default(),
                        details: f2.0.unwrap_or_default(),
                        unknown_fields,
                    })
                }
            }
            deserializer.deserialize_map(V)
        }
    }

    impl Serialize for Counts {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut writer = super::ser::Writer::new(serializer);
            writer.required("input", &self.input);
            writer.optional("cached", &self.cached);
            writer.optional_nullable("details", &self.details);
            writer.end(&self.unknown_fields)
        }
    }

    fn round_trip(json: &str) -> String {
        let counts: Counts = serde_json::from_str(json).unwrap();
        serde_json::to_string(&counts).unwrap()
    }

    #[test]
    fn objects_round_trip_with_unknown_fields_and_three_states() {
        let json = r#"{"input":3,"details":null,"new":{"a":[1,2.5]}}"#;
        assert_eq!(round_trip(json), json);
        assert_eq!(round_trip(r#"{"cached":null,"input":1}"#), r#"{"input":1}"#);
        assert_eq!(
            round_trip(r#"{"zz":1,"input":1,"cached":2,"details":4}"#),
            r#"{"input":1,"cached":2,"details":4,"zz":1}"#
        );
        // Keys that reach the visitor as owned strings (from a `Value`) read the same way.
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        let counts = Counts::deserialize(&value).unwrap();
        assert_eq!(serde_json::to_string(&counts).unwrap(), json);
    }

    #[test]
    fn an_unknown_key_sent_twice_is_kept_once_with_its_last_value() {
        assert_eq!(round_trip(r#"{"z":1,"input":1,"y":2,"z":3}"#), r#"{"input":1,"z":3,"y":2}"#);
        // Past the pairwise comparison: 40 keys, each sent twice, the second time with `2`.
        let keys: Vec<String> = (0..40).map(|i| format!("\"k{i}\"")).collect();
        let sent: Vec<String> =
            keys.iter().map(|k| format!("{k}:1")).chain(keys.iter().map(|k| format!("{k}:2"))).collect();
        let kept: Vec<String> = keys.iter().map(|k| format!("{k}:2")).collect();
        assert_eq!(
            round_trip(&format!("{{\"input\":1,{}}}", sent.join(","))),
            format!("{{\"input\":1,{}}}", kept.join(","))
        );
    }

    #[test]
    fn object_errors_are_serdes() {
        let err = |json: &str| serde_json::from_str::<Counts>(json).unwrap_err().to_string();
        assert_eq!(err("{}"), "missing field `input` at line 1 column 2");
        assert_eq!(err(r#"{"input":1,"input":2}"#), "duplicate field `input` at line 1 column 18");
        assert_eq!(
            err(r#"{"input":12.5}"#),
            "invalid type: floating point `12.5`, expected a non-negative integer (u64) for field `input` at line 1 column 13"
        );
        assert_eq!(
            err(r#"{"input":-1}"#),
            "invalid value: integer `-1`, expected a non-negative integer (u64) for field `input` at line 1 column 11"
        );
        assert_eq!(
            err(r#"{"input":1,"cached":4294967296}"#),
            "invalid value: integer `4294967296`, expected a non-negative integer below 2^32 (u32) for field `cached` at line 1 column 30"
        );
        assert_eq!(
            err(r#"{"input":1,"details":"x"}"#),
            "invalid type: string \"x\", expected an integer (i64) for field `details` at line 1 column 24"
        );
        assert_eq!(err("[1]"), "invalid type: sequence, expected struct Counts at line 1 column 0");
    }

    #[derive(Debug, PartialEq)]
    enum Tier {
        Flex,
        Unknown(String),
    }

    impl From<&str> for Tier {
        fn from(value: &str) -> Self {
            match value {
                "flex" => Tier::Flex,
                _ => Tier::Unknown(value.to_owned()),
            }
        }
    }

    impl From<String> for Tier {
        fn from(value: String) -> Self {
            match value.as_str() {
                "flex" => Tier::Flex,
                _ => Tier::Unknown(value),
            }
        }
    }

    impl<'de> Deserialize<'de> for Tier {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            super::deserialize_str_enum(d, "a tier string")
        }
    }

    #[test]
    fn str_enum_keeps_unknown_values() {
        assert_eq!(serde_json::from_str::<Tier>(r#""flex""#).unwrap(), Tier::Flex);
        assert_eq!(serde_json::from_str::<Tier>(r#""new""#).unwrap(), Tier::Unknown("new".into()));
        let err = serde_json::from_str::<Tier>("3").unwrap_err();
        assert!(err.to_string().contains("expected a tier string"), "{err}");
    }

    #[derive(Debug, PartialEq)]
    struct Code(i64);

    impl From<i64> for Code {
        fn from(value: i64) -> Self {
            Code(value)
        }
    }

    impl<'de> Deserialize<'de> for Code {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            super::deserialize_int_enum(d, "a code")
        }
    }

    #[test]
    fn int_enum() {
        assert_eq!(serde_json::from_str::<Code>("-4").unwrap(), Code(-4));
        assert_eq!(serde_json::from_str::<Code>("4").unwrap(), Code(4));
        assert!(serde_json::from_str::<Code>(r#""4""#).is_err());
        assert!(serde_json::from_str::<Code>("18446744073709551615").is_err());
    }
}

#[cfg(test)]
mod enum_tests {
    use std::collections::HashSet;

    use crate::google::TrafficType;

    /// `PartialEq`, `Eq` and `Hash` of string enums compare wire values (see
    /// `__str_enum_impls!`): exact, because the catch-all never holds a listed value.
    #[test]
    fn string_enums_are_equal_exactly_when_their_wire_values_are() {
        let read = |text: &str| serde_json::from_str::<TrafficType>(text).unwrap();
        assert_eq!(read(r#""ON_DEMAND""#), TrafficType::OnDemand);
        assert_ne!(TrafficType::OnDemand, TrafficType::OnDemandFlex);
        assert_eq!(read(r#""NEW_TIER""#), TrafficType::from("NEW_TIER"));
        assert_ne!(read(r#""NEW_TIER""#), read(r#""OTHER_TIER""#));
        assert_ne!(read(r#""NEW_TIER""#), TrafficType::OnDemand);
        let set: HashSet<TrafficType> = ["ON_DEMAND", "NEW_TIER", "ON_DEMAND", "NEW_TIER", "ON_DEMAND_FLEX"]
            .into_iter()
            .map(TrafficType::from)
            .collect();
        assert_eq!(set.len(), 3);
        assert!(set.contains(&TrafficType::OnDemandFlex) && set.contains(&TrafficType::from("NEW_TIER")));
    }
}
