//! [`OptionalNullable`]: a field that may be absent, `null`, or a value.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A field the doc marks both optional and nullable: the key may be missing, its value may be
/// `null`, or it may hold a value, and each of the three is written back as it was read.
///
/// Generated structs use it with `#[serde(default, skip_serializing_if = "OptionalNullable::is_absent")]`,
/// so a missing key reads as [`Absent`](OptionalNullable::Absent) and is not written.
///
/// ```
/// # use llm_usage::OptionalNullable;
/// let absent: OptionalNullable<u32> = OptionalNullable::default();
/// assert!(absent.is_absent());
///
/// let null: OptionalNullable<u32> = serde_json::from_str("null").unwrap();
/// assert!(null.is_null());
///
/// let value: OptionalNullable<u32> = serde_json::from_str("7").unwrap();
/// assert_eq!(value.value(), Some(&7));
/// assert_eq!(value.into_option(), Some(Some(7)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum OptionalNullable<T> {
    /// The key is missing.
    #[default]
    Absent,
    /// The key is present with the value `null`.
    Null,
    /// The key is present with a value.
    Value(T),
}

impl<T> OptionalNullable<T> {
    /// The key is missing.
    pub fn is_absent(&self) -> bool {
        matches!(self, OptionalNullable::Absent)
    }

    /// The key is present with `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, OptionalNullable::Null)
    }

    /// The key is present with a value.
    pub fn is_value(&self) -> bool {
        matches!(self, OptionalNullable::Value(_))
    }

    /// Borrows the value, if any.
    pub fn as_ref(&self) -> OptionalNullable<&T> {
        match self {
            OptionalNullable::Absent => OptionalNullable::Absent,
            OptionalNullable::Null => OptionalNullable::Null,
            OptionalNullable::Value(value) => OptionalNullable::Value(value),
        }
    }

    /// Mutably borrows the value, if any.
    pub fn as_mut(&mut self) -> OptionalNullable<&mut T> {
        match self {
            OptionalNullable::Absent => OptionalNullable::Absent,
            OptionalNullable::Null => OptionalNullable::Null,
            OptionalNullable::Value(value) => OptionalNullable::Value(value),
        }
    }

    /// The value, if there is one; absent and `null` both give `None`.
    pub fn value(&self) -> Option<&T> {
        match self {
            OptionalNullable::Value(value) => Some(value),
            _ => None,
        }
    }

    /// The value, if there is one, by value; absent and `null` both give `None`.
    pub fn into_value(self) -> Option<T> {
        match self {
            OptionalNullable::Value(value) => Some(value),
            _ => None,
        }
    }

    /// `None` when absent, `Some(None)` when `null`, `Some(Some(value))` otherwise.
    pub fn into_option(self) -> Option<Option<T>> {
        match self {
            OptionalNullable::Absent => None,
            OptionalNullable::Null => Some(None),
            OptionalNullable::Value(value) => Some(Some(value)),
        }
    }

    /// The inverse of [`into_option`](OptionalNullable::into_option).
    pub fn from_option(value: Option<Option<T>>) -> Self {
        match value {
            None => OptionalNullable::Absent,
            Some(None) => OptionalNullable::Null,
            Some(Some(value)) => OptionalNullable::Value(value),
        }
    }

    /// Applies `f` to the value, keeping absent and `null` as they are.
    pub fn map<U, F: FnOnce(T) -> U>(self, f: F) -> OptionalNullable<U> {
        match self {
            OptionalNullable::Absent => OptionalNullable::Absent,
            OptionalNullable::Null => OptionalNullable::Null,
            OptionalNullable::Value(value) => OptionalNullable::Value(f(value)),
        }
    }
}

impl<T> From<T> for OptionalNullable<T> {
    fn from(value: T) -> Self {
        OptionalNullable::Value(value)
    }
}

impl<T> From<Option<T>> for OptionalNullable<T> {
    /// `None` becomes [`Null`](OptionalNullable::Null): the key is present.
    fn from(value: Option<T>) -> Self {
        match value {
            Some(value) => OptionalNullable::Value(value),
            None => OptionalNullable::Null,
        }
    }
}

impl<T: Serialize> Serialize for OptionalNullable<T> {
    /// `null` for [`Null`](OptionalNullable::Null) (and for [`Absent`](OptionalNullable::Absent),
    /// which generated structs skip instead), the value otherwise.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            OptionalNullable::Absent | OptionalNullable::Null => serializer.serialize_none(),
            OptionalNullable::Value(value) => serializer.serialize_some(value),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for OptionalNullable<T> {
    /// `null` reads as [`Null`](OptionalNullable::Null), anything else as a value; a missing key
    /// is [`Absent`](OptionalNullable::Absent) through `#[serde(default)]`.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(match Option::<T>::deserialize(deserializer)? {
            Some(value) => OptionalNullable::Value(value),
            None => OptionalNullable::Null,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::OptionalNullable;
    use serde::{Deserialize, Serialize};

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Holder {
        #[serde(default, skip_serializing_if = "OptionalNullable::is_absent")]
        a: OptionalNullable<u32>,
    }

    fn round_trip(json: &str) -> (OptionalNullable<u32>, String) {
        let holder: Holder = serde_json::from_str(json).unwrap();
        let back = serde_json::to_string(&holder).unwrap();
        (holder.a, back)
    }

    #[test]
    fn three_states_round_trip() {
        assert_eq!(round_trip("{}"), (OptionalNullable::Absent, "{}".to_owned()));
        assert_eq!(round_trip(r#"{"a":null}"#), (OptionalNullable::Null, r#"{"a":null}"#.to_owned()));
        assert_eq!(round_trip(r#"{"a":3}"#), (OptionalNullable::Value(3), r#"{"a":3}"#.to_owned()));
    }

    #[test]
    fn conversions() {
        assert_eq!(OptionalNullable::from(Some(1)), OptionalNullable::Value(1));
        assert_eq!(OptionalNullable::<i32>::from(None), OptionalNullable::Null);
        assert_eq!(OptionalNullable::<i32>::from_option(None), OptionalNullable::Absent);
        assert_eq!(OptionalNullable::Value(2).into_option(), Some(Some(2)));
        assert_eq!(OptionalNullable::<i32>::Null.into_option(), Some(None));
        assert_eq!(OptionalNullable::<i32>::Absent.into_option(), None);
        assert_eq!(OptionalNullable::Value(2).map(|v| v * 2).value(), Some(&4));
        assert!(OptionalNullable::Value(2).as_ref().is_value());
    }
}
