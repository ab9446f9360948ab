//! Unions without a discriminator: the value is read once into a [`Value`] and each variant's
//! type is tried on it in the doc's order; the first that fits wins.

use serde::de::{self, Deserialize, Deserializer};
use serde_json::Value;

/// Reads the whole value, to be tried against each variant.
#[inline]
pub fn buffer<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Value, D::Error> {
    Value::deserialize(deserializer)
}

/// The value as `T`, if it fits.
#[inline]
pub fn variant<'a, T: Deserialize<'a>>(value: &'a Value) -> Option<T> {
    T::deserialize(value).ok()
}

/// The error when no variant fits, worded as serde's untagged enums word it.
pub fn no_variant<E: de::Error>(name: &'static str) -> E {
    E::custom(format_args!("data did not match any variant of untagged enum {name}"))
}
