//! The intermediate model: what a vendor doc says, in no input format and no output language.
//!
//! Parsers (`parse::*`) produce it, the resolver (`resolve`) links its references, and the
//! emitter (`emit`) turns it into Rust. Presence and nullability are two separate facts here,
//! so the four presence states of the contract can never be conflated.

use std::fmt;
use std::sync::Arc;

use crate::diagnostic::Diagnostic;

/// A place in a schema file. Lines and columns are 1-based; columns count characters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Location {
    /// The file as the user should see it, e.g. `schemas/orq/deploymentinvokeusage.md`.
    pub file: Arc<str>,
    pub line: u32,
    pub col: u32,
}

impl Location {
    pub fn new(file: &Arc<str>, line: u32, col: u32) -> Self {
        Location { file: Arc::clone(file), line, col }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.col)
    }
}

/// Index of a [`TypeDef`] in [`Schema::types`].
pub type TypeId = usize;

/// Everything read from one schema folder.
#[derive(Debug, Default)]
pub struct Schema {
    /// Every type of every file, in a deterministic order (files sorted by path, then document order).
    pub types: Vec<TypeDef>,
    /// Set by the resolver: which types are generated (the closure of the requested roots,
    /// or every representable type). Empty means all of them.
    pub included: Vec<bool>,
    /// Set by the resolver from `llm-usage.toml`: what the user asked of the generated code
    /// beyond what the docs say (names, derives); the naming stage applies it.
    pub requests: Requests,
}

/// A choice the user wrote in `llm-usage.toml`, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserChoice {
    pub value: String,
    pub loc: Location,
}

/// Names, derives and distinct types the user chose for generated items, keyed by type (and field index in
/// [`StructDef::fields`], after `extends` bases are merged).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Requests {
    pub type_names: std::collections::BTreeMap<TypeId, UserChoice>,
    pub field_names: std::collections::BTreeMap<(TypeId, usize), UserChoice>,
    pub derives: std::collections::BTreeMap<TypeId, Vec<UserChoice>>,
    /// Types the user asked to keep as their own Rust type (`distinct = true`), never written
    /// as another type of their shape.
    pub distinct: std::collections::BTreeSet<TypeId>,
}

impl Schema {
    /// Whether the type is generated.
    pub fn is_included(&self, id: TypeId) -> bool {
        self.included.get(id).copied().unwrap_or(true)
    }
}

/// One named type: an object, an enum or a union.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeDef {
    /// The vendor's name, as written: `DeploymentInvokeUsage`.
    pub name: String,
    /// The folder of the file it came from, relative to the schema root, `/`-separated,
    /// `""` for the root itself; a TypeScript namespace adds a segment (`dir/CompletionUsage`).
    /// Each folder becomes one module.
    pub dir: String,
    /// The file it came from, relative to the schema root, `/`-separated.
    pub file: String,
    pub docs: Docs,
    pub deprecated: Option<Deprecation>,
    pub loc: Location,
    pub kind: TypeKind,
    /// For a type the generator made from a property's inline type (TypeScript's
    /// `tier?: 'flex' | 'auto'`), the property: such a type has no docs of its own (the
    /// property's describe the property, not every value of its type), and the emitter says
    /// where it comes from instead.
    pub inline_of: Option<InlineOrigin>,
    /// Whether another declaration of this name in the same folder adds to this one instead of
    /// clashing with it: TypeScript merges the declarations of an interface (or an interface
    /// and a class) made in one scope, and a folder is one scope; the types made from their
    /// inline parts go with them. Set by the parser, which knows what declared the type.
    pub merges: bool,
    /// Problems the parser found in this declaration. The resolver reports them only if the
    /// declaration is needed (always, without roots), so that a whole vendor file's functions
    /// and odd declarations do not matter when `roots` names what to generate.
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum TypeKind {
    Struct(StructDef),
    Enum(EnumDef),
    Union(UnionDef),
    /// Another name for a type (`type BlobImageUnion = Blob`).
    Alias(TypeRef),
    /// A declaration the generator cannot represent (a generic interface, a function type):
    /// an error only where a generated type needs it.
    Unsupported(Unsupported),
}

/// Something the source declares that has no Rust form here, with the place it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Unsupported {
    /// What it is, quoting the source: "generic interface `Operation<T>`", "function type".
    pub construct: String,
    pub loc: Location,
}

/// The property a generated type was made from: `ChatCompletion.service_tier`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineOrigin {
    /// The declared type the property is in, as the source names it.
    pub parent: String,
    /// The property, as the source names it.
    pub property: String,
}

/// Documentation text, as plain paragraphs of prose.
///
/// Parsers normalise their markup to this: one `String` per line, with an empty string between
/// paragraphs; inline markdown (code spans, links) is kept as written. `N/A` is no doc at all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Docs {
    pub lines: Vec<String>,
}

impl Docs {
    pub fn is_empty(&self) -> bool {
        self.lines.iter().all(|l| l.trim().is_empty())
    }
}

/// The doc marks the item deprecated; `note` is the vendor's explanation, if any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Deprecation {
    pub note: Option<String>,
}

/// An object with named fields.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StructDef {
    pub fields: Vec<Field>,
    /// Types whose fields this one also has (TypeScript `extends`); merged in by the resolver,
    /// base fields first, a field declared here replacing a base field of the same name.
    pub bases: Vec<NamedRef>,
    /// The doc names a catch-all for additional properties (Speakeasy `__pydantic_extra__`,
    /// TypeScript index signatures next to named members); these are its docs.
    /// Every generated struct keeps unknown fields anyway; this only carries the vendor's words.
    pub additional: Option<Docs>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The name as the doc writes it (`total_tokens`, `bytes_`, `totalTokens`).
    pub name: String,
    /// The JSON key. Usually `name`; without Python's `_` suffix for reserved words.
    pub wire_name: String,
    pub ty: TypeRef,
    /// May the key be missing?
    pub presence: Presence,
    /// May the value be `null`?
    pub nullable: bool,
    pub docs: Docs,
    pub deprecated: Option<Deprecation>,
    pub loc: Location,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Presence {
    Required,
    Optional,
}

/// A closed list of values; `open` when the doc says unknown values are allowed.
/// Generated enums keep unknown values in every case; `open` only affects the docs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EnumDef {
    pub values: Vec<EnumValue>,
    pub open: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EnumValue {
    pub value: Literal,
    /// The member name the source gives it (TypeScript `FLEX = 'flex'`), if any.
    pub member: Option<String>,
    pub docs: Docs,
    pub deprecated: Option<Deprecation>,
    pub loc: Location,
}

/// One of several types; no discriminator is documented, so each is tried in order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UnionDef {
    pub variants: Vec<Variant>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    pub ty: TypeRef,
    pub loc: Location,
}

/// A constant value: enum values and literal types.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Literal {
    Str(String),
    Int(i64),
    Bool(bool),
}

/// The type of a field, a variant or a container element.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeRef {
    Scalar(Scalar),
    /// A single constant (`Literal[False]`, `*"text"*`): on the wire, a value of its scalar type.
    Literal(Literal),
    List(Box<TypeRef>),
    /// A map with string keys.
    Map(Box<TypeRef>),
    /// An element that may be `null` (`List[*Nullable[str]*]`). Field-level nullability
    /// is [`Field::nullable`], never this.
    Nullable(Box<TypeRef>),
    Named(NamedRef),
    /// A type the generator cannot represent (a function type, an intersection, a tuple):
    /// an error if the type that holds it is generated.
    Unsupported(Box<Unsupported>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scalar {
    String,
    /// A whole number (`i64`).
    Integer,
    /// A whole number that is never negative, up to 64 bits (only from an override: `u64`).
    Unsigned,
    /// A whole number that is never negative, up to 32 bits (only from an override: `u32`).
    Unsigned32,
    /// Any number (Speakeasy `float`, TypeScript `number`).
    Float,
    Boolean,
    /// Any JSON value.
    Any,
    /// A date-time, kept as its exact text.
    DateTime,
    /// Binary content (file uploads); it has no JSON form of its own.
    Bytes,
}

/// A reference to another named type, as the source spells it, plus what the resolver found.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedRef {
    /// The type name as written, qualifier removed (`models.Foo` → `Foo`).
    pub name: String,
    /// The qualifier as written, if any (`models`, `components`, `operations`, or a
    /// TypeScript namespace path `A.B`).
    pub qualifier: Option<String>,
    /// The link target as written (`../models/foo.md`), when the source links it.
    pub link: Option<String>,
    pub loc: Location,
    /// Set by the resolver: the type referred to.
    pub target: Option<TypeId>,
    /// Set by the resolver: this reference closes a cycle and must be boxed.
    pub boxed: bool,
    /// Set by the TypeScript parser when the name's first segment (the qualifier's, or the
    /// name itself) is imported by its file: the reference means a declaration of that file.
    /// Shared by every reference through the same import.
    pub import: Option<Arc<Import>>,
}

/// Where an imported TypeScript name comes from: `import * as API from './completions'`
/// (`API.CompletionUsage`), `import { Usage as U } from './usage'` (`U`, or `U.Raw`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Import {
    /// The module specifier as written: `./completions`, `../index`, `openai`.
    pub from: String,
    /// The name the module exports (`Usage`); `None` for a namespace import (`* as API`),
    /// whose alias stands for the module itself.
    pub name: Option<String>,
}

impl NamedRef {
    pub fn new(name: impl Into<String>, loc: Location) -> Self {
        NamedRef { name: name.into(), qualifier: None, link: None, loc, target: None, boxed: false, import: None }
    }
}

/// One file's contribution, as a parser produces it.
#[derive(Debug, Default)]
pub struct ParsedFile {
    pub types: Vec<TypeDef>,
}

/// Builders of hand-made schemas for unit tests.
#[cfg(test)]
pub(crate) mod build {
    use std::sync::Arc;

    use super::*;

    pub fn loc(line: u32) -> Location {
        Location::new(&Arc::from("schemas/test.md"), line, 1)
    }

    pub fn docs_of(lines: &[&str]) -> Docs {
        Docs { lines: lines.iter().map(|l| (*l).to_owned()).collect() }
    }

    pub fn field(name: &str, ty: TypeRef, presence: Presence, nullable: bool) -> Field {
        Field {
            name: name.to_owned(),
            wire_name: name.to_owned(),
            ty,
            presence,
            nullable,
            docs: Docs::default(),
            deprecated: None,
            loc: loc(10),
        }
    }

    pub fn def(name: &str, dir: &str, kind: TypeKind) -> TypeDef {
        TypeDef {
            name: name.to_owned(),
            dir: dir.to_owned(),
            file: if dir.is_empty() {
                format!("{}.md", name.to_lowercase())
            } else {
                format!("{dir}/{}.md", name.to_lowercase())
            },
            docs: Docs::default(),
            deprecated: None,
            loc: loc(1),
            kind,
            inline_of: None,
            merges: false,
            diagnostics: Vec::new(),
        }
    }
}
