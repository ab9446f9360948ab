//! What generated code calls at run time. Reached as `::llm_usage::__private`; not public API.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, Visitor};

pub use serde;
pub use serde_json;

/// For a required, nullable field (`Option<T>`): `null` reads as `None`, and, because the field
/// carries `deserialize_with` and no `default`, serde reports a missing key as an error instead
/// of defaulting it to `None`.
pub fn required_nullable<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer)
}

/// Reads a string enum: `T: From<&str>` maps known values to variants and keeps the rest.
/// Any JSON type other than a string is an error naming `expecting`.
pub fn deserialize_str_enum<'de, D, T>(deserializer: D, expecting: &'static str) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: for<'a> From<&'a str> + From<String>,
{
    struct StrVisitor<T>(&'static str, PhantomData<T>);

    impl<'de, T> Visitor<'de> for StrVisitor<T>
    where
        T: for<'a> From<&'a str> + From<String>,
    {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.0)
        }

        fn visit_str<E: de::Error>(self, value: &str) -> Result<T, E> {
            Ok(T::from(value))
        }

        fn visit_string<E: de::Error>(self, value: String) -> Result<T, E> {
            Ok(T::from(value))
        }
    }

    deserializer.deserialize_str(StrVisitor(expecting, PhantomData))
}

/// Reads an integer enum: `T: From<i64>` maps known values to variants and keeps the rest.
/// Any JSON type other than an integer (in `i64` range) is an error naming `expecting`.
pub fn deserialize_int_enum<'de, D, T>(deserializer: D, expecting: &'static str) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: From<i64>,
{
    struct IntVisitor<T>(&'static str, PhantomData<T>);

    impl<'de, T: From<i64>> Visitor<'de> for IntVisitor<T> {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.0)
        }

        fn visit_i64<E: de::Error>(self, value: i64) -> Result<T, E> {
            Ok(T::from(value))
        }

        fn visit_u64<E: de::Error>(self, value: u64) -> Result<T, E> {
            match i64::try_from(value) {
                Ok(value) => Ok(T::from(value)),
                Err(_) => Err(E::invalid_value(de::Unexpected::Unsigned(value), &self)),
            }
        }
    }

    deserializer.deserialize_i64(IntVisitor(expecting, PhantomData))
}

/// The integer-preserving number serializer: `#[serde(serialize_with = "…::float::serialize")]`
/// on every field whose type holds an `f64`, so a whole number read from `12` is written as `12`,
/// not `12.0`.
pub mod float {
    use std::collections::BTreeMap;

    use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

    use crate::OptionalNullable;

    /// Serializes `value`, writing every whole `f64` in it as an integer.
    pub fn serialize<T, S>(value: &T, serializer: S) -> Result<S::Ok, S::Error>
    where
        T: ?Sized + SerializeFloats,
        S: Serializer,
    {
        value.serialize_floats(serializer)
    }

    /// A type that holds `f64`s, possibly inside containers.
    pub trait SerializeFloats {
        fn serialize_floats<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;
    }

    /// Adapts a [`SerializeFloats`] to [`Serialize`] for use inside containers.
    struct Floats<'a, T: ?Sized>(&'a T);

    impl<T: ?Sized + SerializeFloats> Serialize for Floats<'_, T> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            self.0.serialize_floats(serializer)
        }
    }

    /// 2^63: every whole `f64` of smaller magnitude is exactly an `i64`.
    const I64_LIMIT: f64 = 9_223_372_036_854_775_808.0;
    /// 2^64: every whole, non-negative `f64` below it is exactly a `u64`.
    const U64_LIMIT: f64 = 18_446_744_073_709_551_616.0;

    impl SerializeFloats for f64 {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        fn serialize_floats<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let v = *self;
            let whole = v.is_finite() && v.fract() == 0.0;
            // `-0.0` keeps its sign by staying a float.
            if whole && !(v == 0.0 && v.is_sign_negative()) {
                if (-I64_LIMIT..I64_LIMIT).contains(&v) {
                    return serializer.serialize_i64(v as i64);
                }
                if (0.0..U64_LIMIT).contains(&v) {
                    return serializer.serialize_u64(v as u64);
                }
            }
            serializer.serialize_f64(v)
        }
    }

    impl<T: ?Sized + SerializeFloats> SerializeFloats for &T {
        fn serialize_floats<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            (**self).serialize_floats(serializer)
        }
    }

    impl<T: ?Sized + SerializeFloats> SerializeFloats for Box<T> {
        fn serialize_floats<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            (**self).serialize_floats(serializer)
        }
    }

    impl<T: SerializeFloats> SerializeFloats for Option<T> {
        fn serialize_floats<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            match self {
                Some(value) => serializer.serialize_some(&Floats(value)),
                None => serializer.serialize_none(),
            }
        }
    }

    impl<T: SerializeFloats> SerializeFloats for OptionalNullable<T> {
        fn serialize_floats<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            match self {
                OptionalNullable::Value(value) => serializer.serialize_some(&Floats(value)),
                OptionalNullable::Absent | OptionalNullable::Null => serializer.serialize_none(),
            }
        }
    }

    impl<T: SerializeFloats> SerializeFloats for [T] {
        fn serialize_floats<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut seq = serializer.serialize_seq(Some(self.len()))?;
            for item in self {
                seq.serialize_element(&Floats(item))?;
            }
            seq.end()
        }
    }

    impl<T: SerializeFloats> SerializeFloats for Vec<T> {
        fn serialize_floats<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            self.as_slice().serialize_floats(serializer)
        }
    }

    impl<K: Serialize, T: SerializeFloats> SerializeFloats for BTreeMap<K, T> {
        fn serialize_floats<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut map = serializer.serialize_map(Some(self.len()))?;
            for (key, value) in self {
                map.serialize_entry(key, &Floats(value))?;
            }
            map.end()
        }
    }
}

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

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Holder {
        #[serde(deserialize_with = "super::required_nullable")]
        a: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "super::float::serialize")]
        b: Option<f64>,
    }

    #[test]
    fn required_nullable_rejects_missing_keys() {
        let err = serde_json::from_str::<Holder>("{}").unwrap_err();
        assert!(err.to_string().contains("missing field `a`"), "{err}");
        let null: Holder = serde_json::from_str(r#"{"a":null}"#).unwrap();
        assert_eq!(null, Holder { a: None, b: None });
        assert_eq!(serde_json::to_string(&null).unwrap(), r#"{"a":null}"#);
        let full: Holder = serde_json::from_str(r#"{"a":1,"b":12}"#).unwrap();
        assert_eq!(serde_json::to_string(&full).unwrap(), r#"{"a":1,"b":12}"#);
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
