//! The integer-preserving number writer: generated `Serialize` impls wrap every value that holds
//! an `f64` in [`Floats`], so a whole number read from `12` is written as `12`, not `12.0`.

use std::collections::BTreeMap;

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use crate::OptionalNullable;

/// A type that holds `f64`s, possibly inside containers.
pub trait SerializeFloats {
    fn serialize_floats<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;
}

/// Adapts a [`SerializeFloats`] to [`Serialize`]: what generated code writes for a value
/// that holds `f64`s.
pub struct Floats<'a, T: ?Sized>(pub &'a T);

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
