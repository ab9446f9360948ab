//! Reading objects: what a generated `Deserialize` for a struct calls.
//!
//! The generated `visit_map` declares one [`Slot`] per documented field and hands them to
//! [`read_map`], which reads each key once: `FieldKey` gives a documented key's index in the
//! type's list of wire names (any other key gets the index past the end, its text left in a
//! buffer), `next` and `next_int` fill a slot (a second value for one key is serde's
//! "duplicate field" error), and `next_unknown` keeps an undocumented key and its value.
//! `visit_map` then applies each field's presence rule, where [`missing`] gives serde's
//! "missing field" error for a required field never seen. Nothing is buffered.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, Visitor};

use crate::{OptionalNullable, UnknownFields};

/// Reads a key against a type's documented wire names without allocating for them. Vendors
/// send fields in the order their docs list them more often than not, so the search starts at
/// the field after the last one found.
///
/// The value is the field's index in `fields`, or `fields.len()` for a key the doc does not
/// list, whose text is then left in `unknown` for `next_unknown`.
struct FieldKey<'a> {
    fields: &'static [&'static str],
    /// Where the next search starts; [`read_map`] keeps it across the keys of one object.
    next: &'a mut usize,
    /// Where an undocumented key is put.
    unknown: &'a mut String,
}

impl FieldKey<'_> {
    #[inline]
    fn find(&mut self, key: &str) -> Option<usize> {
        let start = (*self.next).min(self.fields.len());
        let (earlier, from_start) = self.fields.split_at(start);
        let key = key.as_bytes();
        let found = from_start
            .iter()
            .position(|name| same_key(name.as_bytes(), key))
            .map(|i| i + start)
            .or_else(|| earlier.iter().position(|name| same_key(name.as_bytes(), key)))?;
        *self.next = found + 1;
        Some(found)
    }
}

/// Whether two keys are equal. Keys are short and most candidates differ in length or in their
/// last eight bytes, so keys of eight bytes or more are compared as words, not through `memcmp`
/// (shorter ones are left to the slice comparison).
#[inline]
fn same_key(name: &[u8], key: &[u8]) -> bool {
    let len = name.len();
    if len != key.len() {
        return false;
    }
    if len < 8 {
        return name == key;
    }
    let word = |bytes: &[u8], at: usize| u64::from_ne_bytes(bytes[at..at + 8].try_into().unwrap_or_default());
    // The last eight bytes first (the first ones are often a shared prefix), then eight bytes
    // at a time from the start; the two ranges overlap for lengths that are not multiples of 8.
    if word(name, len - 8) != word(key, len - 8) {
        return false;
    }
    let mut at = 0;
    while at + 8 < len {
        if word(name, at) != word(key, at) {
            return false;
        }
        at += 8;
    }
    true
}

impl<'de> DeserializeSeed<'de> for FieldKey<'_> {
    type Value = usize;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<usize, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for FieldKey<'_> {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    #[inline]
    fn visit_str<E: de::Error>(mut self, key: &str) -> Result<usize, E> {
        Ok(match self.find(key) {
            Some(index) => index,
            None => {
                key.clone_into(self.unknown);
                self.fields.len()
            }
        })
    }

    #[inline]
    fn visit_string<E: de::Error>(mut self, key: String) -> Result<usize, E> {
        Ok(match self.find(&key) {
            Some(index) => index,
            None => {
                *self.unknown = key;
                self.fields.len()
            }
        })
    }

    fn visit_bytes<E: de::Error>(self, key: &[u8]) -> Result<usize, E> {
        match std::str::from_utf8(key) {
            Ok(key) => self.visit_str(key),
            Err(_) => Err(E::invalid_value(de::Unexpected::Bytes(key), &self)),
        }
    }
}

/// The slot of one documented field in a generated `visit_map`: [`read_map`] fills it when
/// its key comes. `Option<T>` is the slot of any field, [`IntSlot`] that of an integer field.
pub trait Slot<'de, A: MapAccess<'de>> {
    /// Reads the value of the field `name` into the slot.
    fn fill(&mut self, map: &mut A, name: &'static str) -> Result<(), A::Error>;
}

impl<'de, A: MapAccess<'de>, T: Deserialize<'de>> Slot<'de, A> for Option<T> {
    #[inline]
    fn fill(&mut self, map: &mut A, name: &'static str) -> Result<(), A::Error> {
        next(map, self, name)
    }
}

/// The slot of an integer field, read by `next_int` so that its errors name the field.
pub struct IntSlot<T>(pub Option<T>);

impl<'de, A: MapAccess<'de>, T: NamedInt<'de>> Slot<'de, A> for IntSlot<T> {
    #[inline]
    fn fill(&mut self, map: &mut A, name: &'static str) -> Result<(), A::Error> {
        next_int(map, &mut self.0, name)
    }
}

/// Reads every key of an object: a documented one into its slot (`slots[i]` for `fields[i]`),
/// any other into `unknown`. The loop is here, once per deserializer, rather than in each
/// type's `visit_map`: a type's own code is then straight-line, which is what keeps
/// compiling thousands of types cheap.
pub fn read_map<'de, A: MapAccess<'de>>(
    map: &mut A,
    fields: &'static [&'static str],
    slots: &mut [&mut dyn Slot<'de, A>],
    unknown: &mut UnknownFields,
) -> Result<(), A::Error> {
    debug_assert_eq!(slots.len(), fields.len(), "one slot per documented field");
    let mut start = 0;
    let mut key = String::new();
    while let Some(index) = map.next_key_seed(FieldKey { fields, next: &mut start, unknown: &mut key })? {
        match slots.get_mut(index) {
            Some(slot) => slot.fill(map, fields[index])?,
            None => next_unknown(map, unknown, &mut key)?,
        }
    }
    unknown.dedup_keys();
    Ok(())
}

/// Reads the value of a documented field into its slot.
#[inline]
fn next<'de, A, T>(map: &mut A, slot: &mut Option<T>, name: &'static str) -> Result<(), A::Error>
where
    A: MapAccess<'de>,
    T: Deserialize<'de>,
{
    if slot.is_some() {
        return Err(de::Error::duplicate_field(name));
    }
    *slot = Some(map.next_value()?);
    Ok(())
}

/// Reads the value of a documented integer field: a value out of its type's range (a
/// negative count, a fraction) is an error that names the field.
#[inline]
fn next_int<'de, A, T>(map: &mut A, slot: &mut Option<T>, name: &'static str) -> Result<(), A::Error>
where
    A: MapAccess<'de>,
    T: NamedInt<'de>,
{
    if slot.is_some() {
        return Err(de::Error::duplicate_field(name));
    }
    *slot = Some(map.next_value_seed(Named(name, PhantomData))?);
    Ok(())
}

/// Keeps a key the doc does not list (left in `key` by `FieldKey`), with its value's JSON
/// text.
#[inline]
fn next_unknown<'de, A: MapAccess<'de>>(
    map: &mut A,
    unknown: &mut UnknownFields,
    key: &mut String,
) -> Result<(), A::Error> {
    let value: Box<serde_json::value::RawValue> = map.next_value()?;
    unknown.push_raw(std::mem::take(key), value);
    Ok(())
}

/// serde's "missing field" error, for a required field whose slot is still empty.
#[cold]
pub fn missing<E: de::Error>(name: &'static str) -> E {
    E::missing_field(name)
}

/// A seed reading a [`NamedInt`] for the field `.0`.
struct Named<T>(&'static str, PhantomData<T>);

impl<'de, T: NamedInt<'de>> DeserializeSeed<'de> for Named<T> {
    type Value = T;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        T::deserialize_named(deserializer, self.0)
    }
}

/// Integer field types whose errors name the field: `u64`, `u32`, `i64`, and those wrapped in
/// `Option` (required-nullable, optional) or [`OptionalNullable`].
pub trait NamedInt<'de>: Sized {
    fn deserialize_named<D: Deserializer<'de>>(deserializer: D, field: &'static str) -> Result<Self, D::Error>;
}

/// Accepts integers in `T`'s range; anything else is an error naming the field.
struct IntVisitor<T> {
    field: &'static str,
    what: &'static str,
    ty: PhantomData<T>,
}

impl<'de, T> Visitor<'de> for IntVisitor<T>
where
    T: TryFrom<u64> + TryFrom<i64>,
{
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} for field `{}`", self.what, self.field)
    }

    #[inline]
    fn visit_u64<E: de::Error>(self, value: u64) -> Result<T, E> {
        T::try_from(value).map_err(|_| E::invalid_value(de::Unexpected::Unsigned(value), &self))
    }

    #[inline]
    fn visit_i64<E: de::Error>(self, value: i64) -> Result<T, E> {
        T::try_from(value).map_err(|_| E::invalid_value(de::Unexpected::Signed(value), &self))
    }
}

macro_rules! named_int {
    ($($ty:ty => $what:literal),*) => {$(
        impl<'de> NamedInt<'de> for $ty {
            #[inline]
            fn deserialize_named<D: Deserializer<'de>>(deserializer: D, field: &'static str) -> Result<Self, D::Error> {
                let visitor = IntVisitor::<$ty> { field, what: $what, ty: PhantomData };
                deserializer.deserialize_i64(visitor)
            }
        }
    )*};
}

named_int!(
    u64 => "a non-negative integer (u64)",
    u32 => "a non-negative integer below 2^32 (u32)",
    i64 => "an integer (i64)"
);

/// `null` or a [`NamedInt`].
struct OptionVisitor<T> {
    field: &'static str,
    ty: PhantomData<T>,
}

impl<'de, T: NamedInt<'de>> Visitor<'de> for OptionVisitor<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an integer or null for field `{}`", self.field)
    }

    #[inline]
    fn visit_none<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    #[inline]
    fn visit_unit<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    #[inline]
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<T>, D::Error> {
        T::deserialize_named(deserializer, self.field).map(Some)
    }
}

impl<'de, T: NamedInt<'de>> NamedInt<'de> for Option<T> {
    #[inline]
    fn deserialize_named<D: Deserializer<'de>>(deserializer: D, field: &'static str) -> Result<Self, D::Error> {
        deserializer.deserialize_option(OptionVisitor { field, ty: PhantomData })
    }
}

impl<'de, T: NamedInt<'de>> NamedInt<'de> for OptionalNullable<T> {
    #[inline]
    fn deserialize_named<D: Deserializer<'de>>(deserializer: D, field: &'static str) -> Result<Self, D::Error> {
        Ok(match Option::<T>::deserialize_named(deserializer, field)? {
            Some(value) => OptionalNullable::Value(value),
            None => OptionalNullable::Null,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::same_key;

    #[test]
    fn same_key_is_byte_equality_at_every_length() {
        // Pairs that differ in one byte at each position, for lengths around the 8-byte words.
        for len in 0..40 {
            let a: Vec<u8> = (0..len).map(|i| b'a' + (i % 26) as u8).collect();
            assert!(same_key(&a, &a.clone()), "len {len}");
            for at in 0..len {
                let mut b = a.clone();
                b[at] = b'_';
                assert!(!same_key(&a, &b), "len {len}, differs at {at}");
            }
            assert!(!same_key(&a, &a[..len.saturating_sub(1)]) || len == 0);
        }
        assert!(!same_key(b"prompt_tokens_details", b"prompt_tokens_detail_"));
        assert!(!same_key(b"cached_tokens", b"cached_tokenz"));
    }
}
