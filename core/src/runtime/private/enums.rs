//! Enums: reading string and integer enums that keep unknown values, and the impls every
//! generated enum shares, stamped by [`__str_enum_impls!`](crate::__str_enum_impls) and
//! [`__int_enum_impls!`](crate::__int_enum_impls) so that each enum's own code is its two
//! `match`es.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, Visitor};

use crate::UnknownValue;

/// The catch-all of an enum: only generated code makes one, for a value it has no variant for.
#[inline]
pub fn unknown<T>(value: T) -> UnknownValue<T> {
    UnknownValue(value)
}

/// Reads a string enum: `T: From<&str>` maps known values to variants and keeps the rest.
/// Any JSON type other than a string is an error naming `expecting`.
pub fn deserialize_str_enum<'de, D, T>(deserializer: D, expecting: &'static str) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: for<'a> From<&'a str>,
{
    struct StrVisitor<T>(&'static str, PhantomData<T>);

    impl<'de, T> Visitor<'de> for StrVisitor<T>
    where
        T: for<'a> From<&'a str>,
    {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.0)
        }

        fn visit_str<E: de::Error>(self, value: &str) -> Result<T, E> {
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

/// The impls of a generated string enum beyond its own `as_str` and `From<&str>`:
/// `PartialEq`, `Eq`, `Hash`, `FromStr` (infallible), `Display`, `Serialize` and
/// `Deserialize`. Each enum is a dozen function bodies already; these are kept to what users
/// need, since a whole vendor corpus has thousands of enums and rustc's time grows with every
/// body.
///
/// Equality and hashing go through `as_str`, a one-line body instead of the derives' `match`:
/// the catch-all never holds a listed value, so two values are the same variant exactly when
/// their wire values are equal.
#[doc(hidden)]
#[macro_export]
macro_rules! __str_enum_impls {
    ($ty:ident, $catch_all:ident, $expecting:literal) => {
        impl ::std::cmp::PartialEq for $ty {
            fn eq(&self, other: &Self) -> bool {
                self.as_str() == other.as_str()
            }
        }
        impl ::std::cmp::Eq for $ty {}
        impl ::std::hash::Hash for $ty {
            fn hash<H: ::std::hash::Hasher>(&self, state: &mut H) {
                ::std::hash::Hash::hash(self.as_str(), state)
            }
        }
        impl ::std::str::FromStr for $ty {
            type Err = ::std::convert::Infallible;
            /// Never fails: a value the doc does not list lands in the catch-all variant.
            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                ::std::result::Result::Ok(<Self as ::std::convert::From<&str>>::from(value))
            }
        }
        impl ::std::fmt::Display for $ty {
            /// The value as written on the wire.
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl $crate::__private::serde::Serialize for $ty {
            fn serialize<S>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error>
            where
                S: $crate::__private::serde::Serializer,
            {
                serializer.serialize_str(self.as_str())
            }
        }
        impl<'de> $crate::__private::serde::Deserialize<'de> for $ty {
            fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
            where
                D: $crate::__private::serde::Deserializer<'de>,
            {
                $crate::__private::deserialize_str_enum(deserializer, $expecting)
            }
        }
    };
}

/// The impls of a generated integer enum beyond its own `as_i64` and `From<i64>`:
/// `FromStr` (parses the number), `Display`, `Serialize` and `Deserialize`.
#[doc(hidden)]
#[macro_export]
macro_rules! __int_enum_impls {
    ($ty:ident, $expecting:literal) => {
        impl ::std::str::FromStr for $ty {
            type Err = ::std::num::ParseIntError;
            /// Parses the number; a value the doc does not list lands in the catch-all variant.
            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                value.parse::<i64>().map(<Self as ::std::convert::From<i64>>::from)
            }
        }
        impl ::std::fmt::Display for $ty {
            /// The value as written on the wire.
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Display::fmt(&self.as_i64(), f)
            }
        }
        impl $crate::__private::serde::Serialize for $ty {
            fn serialize<S>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error>
            where
                S: $crate::__private::serde::Serializer,
            {
                serializer.serialize_i64(self.as_i64())
            }
        }
        impl<'de> $crate::__private::serde::Deserialize<'de> for $ty {
            fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
            where
                D: $crate::__private::serde::Deserializer<'de>,
            {
                $crate::__private::deserialize_int_enum(deserializer, $expecting)
            }
        }
    };
}
