//! Writing objects: what a generated `Serialize` for a struct calls. Documented fields are
//! written in the doc's order (absent ones skipped by the generated code), then every unknown
//! field as it was read.

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::UnknownFields;

/// Starts an object.
#[inline]
pub fn begin<S: Serializer>(serializer: S) -> Result<S::SerializeMap, S::Error> {
    serializer.serialize_map(None)
}

/// Writes one documented field.
#[inline]
pub fn write<M: SerializeMap, T: ?Sized + Serialize>(
    map: &mut M,
    key: &'static str,
    value: &T,
) -> Result<(), M::Error> {
    map.serialize_entry(key, value)
}

/// Writes the fields the doc does not list, then ends the object.
#[inline]
pub fn end<M: SerializeMap>(mut map: M, unknown: &UnknownFields) -> Result<M::Ok, M::Error> {
    for (key, value) in unknown {
        map.serialize_entry(key, value)?;
    }
    map.end()
}
