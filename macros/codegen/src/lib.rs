//! The llm-usage engine: vendor usage docs in, Rust types out.
//!
//! One pipeline, one module per stage:
//! [`read`] the schema folder → [`parse`] each file (one module per input format) →
//! the format-free [`model`] → [`resolve`] references across files → [`name`] every Rust
//! identifier (and which types of one shape are written once) → [`emit`] Rust tokens.
//! The proc macro `llm-usage-macros` and the `llm-usage` command-line tool are thin shells
//! over [`generate`] and [`check`]; so is [`Builder`] (feature `build`), for a `build.rs`.

#[cfg(feature = "build")]
pub mod builder;
pub mod case;
pub mod config;
pub mod diagnostic;
pub mod diff;
pub mod emit;
#[cfg(feature = "cli")]
pub mod fit;
mod hash;
#[cfg(feature = "cli")]
pub mod import;
pub mod model;
pub mod name;
mod par;
pub mod parse;
pub mod read;
pub mod resolve;
#[cfg(test)]
mod test_dir;

use std::path::{Path, PathBuf};

use proc_macro2::TokenStream;

#[cfg(feature = "build")]
pub use builder::Builder;
pub use diagnostic::{Diagnostic, Diagnostics};
pub use model::Schema;

/// What to generate from, and how to name it in messages.
#[derive(Debug, Clone)]
pub struct Input {
    /// The schema folder (or a single schema file) on disk.
    pub path: PathBuf,
    /// How messages name that path, e.g. `schemas` for `schemas/orq/x.md:3:1`.
    pub display: String,
    /// Generate only these types and what they reach (`google::UsageMetadata`); `None` for all.
    pub roots: Option<Vec<String>>,
}

impl Input {
    /// An input that is named in messages exactly as given.
    pub fn new(path: impl AsRef<Path>) -> Self {
        let path = path.as_ref();
        Input { path: path.to_path_buf(), display: path.display().to_string(), roots: None }
    }
}

/// The outcome of reading, parsing and resolving one schema folder.
#[derive(Debug)]
pub struct Loaded {
    pub schema: Schema,
    /// Every schema file found (paths relative to the input), including any that could not
    /// be read or parsed.
    pub files: Vec<String>,
    /// Every `llm-usage.toml` found, as read (also those with errors, minus the bad keys).
    pub configs: Vec<config::Config>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads, parses and resolves everything under `input`; nothing is emitted.
pub fn load(input: &Input) -> Loaded {
    load_keeping(input, Keep::Everything)
}

/// What of the parsed model [`load_keeping`] keeps.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Keep {
    Everything,
    /// No documentation: no diagnostic depends on it, so `check` drops it as soon as each file
    /// is parsed, on the thread that parsed it, rather than all at the end on one.
    NoDocs,
}

fn load_keeping(input: &Input, keep: Keep) -> Loaded {
    let mut diags = Diagnostics::new();
    let found = read::find_files(input, &mut diags);
    let is_config = |f: &&read::Found| f.kind() == read::SourceKind::Config;
    let configs = read_configs(found.iter().filter(is_config), &mut diags);
    let schema_files: Vec<&read::Found> = found.iter().filter(|f| !is_config(f)).collect();
    let types = read_and_parse(&schema_files, keep, &mut diags);
    // Every path found, moved out of the list now that the files are read.
    let files = found.into_iter().map(read::Found::into_rel).collect();
    // With roots, only the declarations they reach may produce diagnostics: a problem found
    // outside every declaration matters only outside the folders that roots limit.
    if input.roots.is_some() {
        diags.drop_unattached();
    } else {
        let limited: Vec<&str> = configs
            .iter()
            .filter(|c| !c.roots.is_empty())
            .map(|c| c.loc.file.strip_suffix(config::FILE_NAME).unwrap_or(&c.loc.file))
            .collect();
        if !limited.is_empty() {
            diags.retain_unattached(|d| !limited.iter().any(|dir| d.loc.file.starts_with(dir)));
        }
    }
    let mut schema = Schema { types, ..Schema::default() };
    let roots = resolve::Roots {
        names: input.roots.as_deref(),
        loc: model::Location::new(&std::sync::Arc::from(input.display.as_str()), 1, 1),
    };
    resolve::resolve(&mut schema, &roots, &configs, &mut diags);
    Loaded { schema, files, configs, diagnostics: diags.into_sorted() }
}

/// Reads and parses every `llm-usage.toml`.
fn read_configs<'f>(found: impl Iterator<Item = &'f read::Found>, diags: &mut Diagnostics) -> Vec<config::Config> {
    let mut configs = Vec::new();
    for file in found {
        if let Some(file) = file.read_into(Vec::new(), diags) {
            configs.push(config::parse(&file.text, &file.dir, &file.display, diags));
        }
    }
    configs
}

/// Reads and parses files on every core. The sorted files are cut into blocks that the
/// threads take one at a time (so that a run of large files does not leave a core idle), and
/// the blocks' results are joined in order, so the result does not depend on the threads.
/// A file's text is dropped as soon as it is parsed; the list of files is the caller's, freed
/// once every thread is done with it (see [`read::Found::read_into`]).
fn read_and_parse(found: &[&read::Found], keep: Keep, diags: &mut Diagnostics) -> Vec<model::TypeDef> {
    /// Files per block: small enough to balance, large enough that taking one costs nothing.
    const BLOCK: usize = 64;
    // Small folders (a crate's own `schemas/`) are not worth a thread.
    const FILES_PER_THREAD: usize = 256;
    let threads =
        std::thread::available_parallelism().map_or(1, |n| n.get()).min(found.len() / FILES_PER_THREAD).max(1);
    let queue = std::sync::Mutex::new(found.chunks(BLOCK).enumerate());
    // Takes blocks until none is left; returns each block's types and diagnostics.
    let work = || {
        let mut done = Vec::new();
        let mut buffer = Vec::new();
        loop {
            let next = queue.lock().unwrap_or_else(std::sync::PoisonError::into_inner).next();
            let Some((index, block)) = next else { break };
            let mut types = Vec::with_capacity(block.len());
            let mut diags = Diagnostics::new();
            for file in block {
                if let Some(file) = file.read_into(std::mem::take(&mut buffer), &mut diags) {
                    let first = types.len();
                    match keep {
                        Keep::Everything => types.extend(parse::parse_file(&file, &mut diags)),
                        Keep::NoDocs => {
                            types.extend(parse::parse_file_without_docs(&file, &mut diags));
                            // The parsers that make docs anyway (TypeScript, TypeDoc).
                            types[first..].iter_mut().for_each(drop_docs);
                        }
                    }
                    buffer = file.text.into_bytes();
                }
            }
            done.push((index, types, diags));
        }
        done
    };
    let mut results = if threads == 1 {
        work()
    } else {
        std::thread::scope(|scope| {
            let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
            let mut results = work();
            for helper in helpers {
                // A thread can only fail by panicking, which is a bug; re-raise it here.
                results.extend(helper.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
            }
            results
        })
    };
    results.sort_unstable_by_key(|(index, _, _)| *index);
    let mut types = Vec::with_capacity(results.iter().map(|(_, t, _)| t.len()).sum());
    for (_, t, d) in results {
        types.extend(t);
        diags.append(d);
    }
    types
}

/// Drops the documentation of a type and of its fields and values.
fn drop_docs(ty: &mut model::TypeDef) {
    ty.docs = model::Docs::default();
    match &mut ty.kind {
        model::TypeKind::Struct(def) => {
            def.fields.iter_mut().for_each(|field| field.docs = model::Docs::default());
            if let Some(docs) = &mut def.additional {
                *docs = model::Docs::default();
            }
        }
        model::TypeKind::Enum(def) => def.values.iter_mut().for_each(|value| value.docs = model::Docs::default()),
        model::TypeKind::Union(_) | model::TypeKind::Alias(_) | model::TypeKind::Unsupported(_) => {}
    }
}

/// The whole pipeline: Rust items for every type under `input`, or every diagnostic found.
pub fn generate(input: &Input) -> Result<TokenStream, Vec<Diagnostic>> {
    let (loaded, names) = load_and_name(input);
    match names {
        Some(names) => Ok(emit::emit(&loaded.schema, &names)),
        None => Err(loaded.diagnostics),
    }
}

/// The plain-derive baseline of what [`generate`] makes (see [`emit::plain`]): for benchmarks.
pub fn generate_plain_derive(input: &Input) -> Result<TokenStream, Vec<Diagnostic>> {
    generate_plain(input, emit::plain::Unknowns::Dropped)
}

/// The plain-derive baseline that keeps what the doc does not list the way serde users do
/// (`#[serde(flatten)]`, an untagged catch-all; see [`emit::plain`]): for benchmarks.
pub fn generate_plain_derive_keeping_unknowns(input: &Input) -> Result<TokenStream, Vec<Diagnostic>> {
    generate_plain(input, emit::plain::Unknowns::Flattened)
}

fn generate_plain(input: &Input, unknowns: emit::plain::Unknowns) -> Result<TokenStream, Vec<Diagnostic>> {
    let (loaded, names) = load_and_name(input);
    match names {
        Some(names) => Ok(emit::plain::emit(&loaded.schema, &names, unknowns)),
        None => Err(loaded.diagnostics),
    }
}

/// [`load`], then the naming stage when loading found nothing wrong: the names, or `None`
/// with every diagnostic of both stages in [`Loaded::diagnostics`].
pub fn load_and_name(input: &Input) -> (Loaded, Option<name::Names>) {
    let mut loaded = load(input);
    let mut diags = Diagnostics::new();
    let names = name::name(&loaded.schema, &mut diags);
    if merge_naming(&mut loaded, diags) {
        (loaded, Some(names))
    } else {
        (loaded, None)
    }
}

/// Adds the naming stage's diagnostics to those of loading; true when there are none at all.
fn merge_naming(loaded: &mut Loaded, mut diags: Diagnostics) -> bool {
    if loaded.diagnostics.is_empty() && diags.is_empty() {
        return true;
    }
    for diagnostic in std::mem::take(&mut loaded.diagnostics) {
        diags.push(diagnostic);
    }
    loaded.diagnostics = diags.into_sorted();
    false
}

/// Summary of a `check` run.
#[derive(Debug)]
pub struct CheckReport {
    pub files: usize,
    pub types: usize,
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses, resolves and names everything under `input` and reports what is wrong, without
/// emitting: exactly the diagnostics [`generate`] (and so the macro) would report. The naming
/// stage runs every check it runs for [`generate`] but makes no identifiers.
pub fn check(input: &Input) -> CheckReport {
    let mut loaded = load_keeping(input, Keep::NoDocs);
    let mut diags = Diagnostics::new();
    name::check(&loaded.schema, &mut diags);
    merge_naming(&mut loaded, diags);
    CheckReport { files: loaded.files.len(), types: loaded.schema.types.len(), diagnostics: loaded.diagnostics }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `check` parses without docs (`Keep::NoDocs`): what it keeps must be exactly what a full
    /// parse keeps once its docs are dropped, deprecation notes and diagnostics included.
    #[test]
    fn parsing_without_docs_keeps_everything_else() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut folders = vec![root.join("schemas")];
        let mut fixtures: Vec<PathBuf> = std::fs::read_dir(root.join("tests/schemas"))
            .expect("tests/schemas lists")
            .flatten()
            .map(|entry| entry.path())
            .filter(|path| path.is_dir())
            .collect();
        fixtures.sort();
        folders.extend(fixtures);
        // The older orq corpus (4,496 docs): deprecated fields, examples, `<br/>`s.
        let corpus = root.join("../shared/corpus/speakeasy/orq-python-2026-02-17/docs/models");
        if corpus.is_dir() {
            folders.push(corpus);
        }
        for folder in &folders {
            let input = Input::new(folder);
            let mut full = load_keeping(&input, Keep::Everything);
            full.schema.types.iter_mut().for_each(drop_docs);
            let lean = load_keeping(&input, Keep::NoDocs);
            assert_eq!(full.schema.types.len(), lean.schema.types.len(), "{}", folder.display());
            for (a, b) in full.schema.types.iter().zip(&lean.schema.types) {
                assert!(a == b, "{}: `{}` differs:\n{a:#?}\n{b:#?}", folder.display(), a.name);
            }
            assert_eq!(full.diagnostics, lean.diagnostics, "{}", folder.display());
        }
    }
}
