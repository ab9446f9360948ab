//! Runtime support for generated code: the public types generated code exposes
//! ([`optional_nullable`], [`unknown`]) and the hidden helpers its impls call ([`private`]).
pub mod optional_nullable;
pub mod private;
pub mod unknown;
