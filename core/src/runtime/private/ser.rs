//! Writing objects: what a generated `Serialize` for a struct calls. Documented fields are
//! written in the doc's order (absent ones skipped), then every unknown field as it was read.
//!
//! A [`Writer`] keeps the first error and skips the rest, so each field is one plain call in
//! the generated code (no `?` per field, which is what rustc spends its time on in generated
//! impls).

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::float::{Floats, SerializeFloats};
use crate::{OptionalNullable, UnknownFields};

/// An object being written.
pub struct Writer<M: SerializeMap> {
    map: Result<M, M::Error>,
}

impl<M: SerializeMap> Writer<M> {
    /// Starts an object.
    #[inline]
    pub fn new<S: Serializer<SerializeMap = M, Error = M::Error>>(serializer: S) -> Self {
        Writer { map: serializer.serialize_map(None) }
    }

    #[inline]
    fn entry<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) {
        if let Ok(map) = &mut self.map {
            if let Err(err) = map.serialize_entry(key, value) {
                self.map = Err(err);
            }
        }
    }

    /// A required field: always written (`None` of a nullable one as `null`).
    #[inline]
    pub fn required<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) {
        self.entry(key, value);
    }

    /// An optional field: written unless `None`.
    #[inline]
    pub fn optional<T: Serialize>(&mut self, key: &'static str, value: &Option<T>) {
        if let Some(value) = value {
            self.entry(key, value);
        }
    }

    /// An optional, nullable field: written unless absent.
    #[inline]
    pub fn optional_nullable<T: Serialize>(&mut self, key: &'static str, value: &OptionalNullable<T>) {
        if !value.is_absent() {
            self.entry(key, value);
        }
    }

    /// [`Writer::required`] for a value that holds `f64`s, whole ones written as integers.
    #[inline]
    pub fn required_floats<T: ?Sized + SerializeFloats>(&mut self, key: &'static str, value: &T) {
        self.entry(key, &Floats(value));
    }

    /// [`Writer::optional`] for a value that holds `f64`s.
    #[inline]
    pub fn optional_floats<T: SerializeFloats>(&mut self, key: &'static str, value: &Option<T>) {
        if let Some(value) = value {
            self.entry(key, &Floats(value));
        }
    }

    /// [`Writer::optional_nullable`] for a value that holds `f64`s.
    #[inline]
    pub fn optional_nullable_floats<T: SerializeFloats>(&mut self, key: &'static str, value: &OptionalNullable<T>) {
        if !value.is_absent() {
            self.entry(key, &Floats(value));
        }
    }

    /// Writes the fields the doc does not list, then ends the object.
    #[inline]
    pub fn end(mut self, unknown: &UnknownFields) -> Result<M::Ok, M::Error> {
        for (key, value) in unknown.iter() {
            if let Ok(map) = &mut self.map {
                if let Err(err) = map.serialize_entry(key, value) {
                    self.map = Err(err);
                }
            }
        }
        self.map?.end()
    }
}
