//! Runtime support for generated code.
pub mod optional_nullable;
pub mod private;
