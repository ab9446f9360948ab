//! `llm-usage.toml`: the user's corrections to the vendor's docs, kept beside them.
//!
//! A file at the root of a schema folder or in any subfolder applies to that folder and below.
//! [`parse`] reads one file into a [`Config`] (every key checked, every problem a diagnostic at
//! `llm-usage.toml:LINE:COL`); `resolve::overrides` applies them to the model and reports the
//! ones that match nothing.

mod glob;
mod parse;

pub use glob::Glob;
pub use parse::parse;

use crate::model::Location;

/// The file name the engine looks for in every folder.
pub const FILE_NAME: &str = "llm-usage.toml";

/// A value and where the user wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned<T> {
    pub value: T,
    pub loc: Location,
}

/// One `llm-usage.toml`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// The folder it sits in, relative to the schema root, `/`-separated (`""` for the root).
    pub dir: String,
    /// Where the file is, for messages about it as a whole.
    pub loc: Location,
    /// `roots = [...]`: types named relative to [`Config::dir`].
    pub roots: Vec<Spanned<String>>,
    pub defaults: Defaults,
    /// `[numbers]`: wire-name globs and the number type they give, in file order.
    pub numbers: Vec<(Spanned<Glob>, Spanned<NumberType>)>,
    /// `[types.Name]`, in file order.
    pub types: Vec<TypeOverride>,
    /// `[import]`: what `llm-usage import` copied here, and from where.
    pub import: Option<Import>,
}

/// `[defaults]`: folder-wide settings.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Defaults {
    pub wire_case: Option<Spanned<WireCase>>,
    pub null_in_optional: Option<Spanned<NullInOptional>>,
    /// `distinct = true`: every type of the folder its own Rust type (see [`TypeOverride`]).
    pub distinct: Option<Spanned<bool>>,
}

/// How wire names follow from the names the doc writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WireCase {
    /// The doc's names are the wire names (the default).
    AsWritten,
    /// `totalTokens` in the doc is `total_tokens` on the wire.
    SnakeCase,
    /// `total_tokens` in the doc is `totalTokens` on the wire.
    CamelCase,
}

/// What a `null` read into an optional, non-nullable field becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NullInOptional {
    /// Read as absent, written back as absent: the one documented normalization (the default).
    Normalize,
    /// Kept: every optional field becomes tri-state (absent, `null`, a value).
    Keep,
}

/// The Rust type of a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberType {
    U64,
    U32,
    I64,
    F64,
}

impl NumberType {
    pub fn as_str(self) -> &'static str {
        match self {
            NumberType::U64 => "u64",
            NumberType::U32 => "u32",
            NumberType::I64 => "i64",
            NumberType::F64 => "f64",
        }
    }
}

/// A field's presence, as an override states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PresenceOverride {
    Required,
    RequiredNullable,
    Optional,
    OptionalNullable,
}

/// Traits a user may ask generated types to derive beyond the defaults.
pub const EXTRA_DERIVES: &[&str] = &["Eq", "Hash", "PartialOrd", "Ord"];

/// `[types.Name]`.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeOverride {
    /// The key as written: `Usage`, `CompletionUsage.PromptTokensDetails`.
    pub name: Spanned<String>,
    /// `rename = "…"`: the Rust name of the type.
    pub rename: Option<Spanned<String>>,
    /// `derives = [...]`: extra derives, each one of [`EXTRA_DERIVES`].
    pub derives: Vec<Spanned<String>>,
    /// `distinct = true`: its own Rust type, never written as another type of its shape.
    pub distinct: Option<Spanned<bool>>,
    /// `wire_case = "…"` for this type's fields only.
    pub wire_case: Option<Spanned<WireCase>>,
    /// `null_in_optional = "…"` for this type's fields only.
    pub null_in_optional: Option<Spanned<NullInOptional>>,
    /// `[types.Name.fields.wire_name]`, in file order.
    pub fields: Vec<FieldOverride>,
}

/// `[types.Name.fields.wire_name]`.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldOverride {
    /// The key as written: the field's wire name (or its name as the doc writes it).
    pub name: Spanned<String>,
    pub presence: Option<Spanned<PresenceOverride>>,
    /// `type = "u64"`: the Rust number type of the field's numbers.
    pub number: Option<Spanned<NumberType>>,
    /// `rename = "…"`: the Rust name of the field.
    pub rename: Option<Spanned<String>>,
    /// `wire_name = "…"`: the JSON key, when the vendor sends another than the doc says.
    pub wire_name: Option<Spanned<String>>,
}

/// `[import]`: written by `llm-usage import`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Import {
    /// The vendor folder the files came from, as the user gave it.
    pub from: Option<Spanned<String>>,
    /// The roots that were imported, as given to `--root`.
    pub roots: Vec<Spanned<String>>,
    /// The files copied, relative to [`Config::dir`].
    pub files: Vec<Spanned<String>>,
}

impl Config {
    /// Whether this file's settings reach a type in folder `dir` (the schema-relative folder).
    pub fn applies_to(&self, dir: &str) -> bool {
        is_within(dir, &self.dir)
    }
}

/// Whether `dir` is `ancestor` or lies below it (`/`-separated, `""` is the root).
pub fn is_within(dir: &str, ancestor: &str) -> bool {
    ancestor.is_empty()
        || dir == ancestor
        || (dir.starts_with(ancestor) && dir.as_bytes().get(ancestor.len()) == Some(&b'/'))
}
