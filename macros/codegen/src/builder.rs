//! [`Builder`]: generate the types from a `build.rs`, as prost-build users expect.
//!
//! ```no_run
//! // In build.rs's `main`:
//! llm_usage_codegen::Builder::new("vendor-docs") // relative to CARGO_MANIFEST_DIR
//!     .root("acme::AcmeUsage") // optional, repeatable
//!     .out_file("usage.rs") // in OUT_DIR (default `llm_usage.rs`)
//!     .generate()
//!     .expect("vendor docs");
//! // In src/lib.rs: include!(concat!(env!("OUT_DIR"), "/usage.rs"));
//! ```
//!
//! The generated code names the runtime as `::llm_usage::…`, so the crate depends on
//! `llm-usage` and has `llm-usage-codegen` (feature `build`) as a build-dependency.
//!
//! The build script prints `cargo:rerun-if-changed` for the folder, every subfolder and every
//! file, so adding, editing or removing a doc regenerates. Problems are reported the portable
//! way: one `cargo:warning=` line per diagnostic (`path:line:col: message`, shown by cargo even
//! when the script fails), and an [`Error`] whose `Debug` is its `Display`, every diagnostic in
//! full, so `.expect(…)` (or a `main` returning the error) fails the build script with the
//! diagnostics on stderr. (`cargo::error=`
//! needs a package `rust-version` of at least 1.77 for the `cargo::` syntax and a cargo that
//! knows the directive; this builder runs in the user's build script, under the user's MSRV.)
//!
//! With [`Builder::write_to`] the code goes to a checked-in file instead, so spec updates show
//! in review; [`Builder::verify`] (or `LLM_USAGE_VERIFY=1` in the environment, for CI) fails
//! the build when that file is stale instead of rewriting it.

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::{Diagnostic, Input};

/// The environment variable that turns [`Builder::verify`] on (`1`, `true`, `yes`).
pub const VERIFY_ENV: &str = "LLM_USAGE_VERIFY";

/// The file name in `OUT_DIR` when [`Builder::out_file`] is not given.
pub const DEFAULT_OUT_FILE: &str = "llm_usage.rs";

/// Generates Rust types from a folder of vendor docs, in a build script.
#[derive(Debug, Clone)]
#[must_use = "call `.generate()`"]
pub struct Builder {
    dir: PathBuf,
    roots: Vec<String>,
    out_file: Option<PathBuf>,
    write_to: Option<PathBuf>,
    verify: Option<bool>,
    manifest_dir: Option<PathBuf>,
    out_dir: Option<PathBuf>,
    cargo_directives: bool,
}

impl Builder {
    /// The schema folder, relative to the package (`CARGO_MANIFEST_DIR`) unless absolute.
    /// Messages name its files through this path as written: `vendor-docs/acme/usage.md:7:3`.
    pub fn new(dir: impl Into<PathBuf>) -> Builder {
        Builder {
            dir: dir.into(),
            roots: Vec::new(),
            out_file: None,
            write_to: None,
            verify: None,
            manifest_dir: None,
            out_dir: None,
            cargo_directives: true,
        }
    }

    /// Generates only this type and what it reaches (`acme::AcmeUsage`: folders, then the
    /// type), as `include_schemas!`'s `roots`; repeatable. Without any, every type is generated
    /// (and `roots` in the folder's `llm-usage.toml` apply, as always).
    pub fn root(mut self, root: impl Into<String>) -> Builder {
        self.roots.push(root.into());
        self
    }

    /// Several [`Builder::root`]s at once.
    pub fn roots<S: Into<String>>(mut self, roots: impl IntoIterator<Item = S>) -> Builder {
        self.roots.extend(roots.into_iter().map(Into::into));
        self
    }

    /// The file to write in `OUT_DIR` (default [`DEFAULT_OUT_FILE`]); include it with
    /// `include!(concat!(env!("OUT_DIR"), "/usage.rs"));`.
    pub fn out_file(mut self, name: impl Into<PathBuf>) -> Builder {
        self.out_file = Some(name.into());
        self
    }

    /// Writes the code to this file instead of `OUT_DIR`, relative to the package unless
    /// absolute: a file to check in (`src/generated/usage.rs`), so that spec updates show in
    /// review. It is rewritten only when the code changes.
    pub fn write_to(mut self, path: impl Into<PathBuf>) -> Builder {
        self.write_to = Some(path.into());
        self
    }

    /// With [`Builder::write_to`]: fail when the checked-in file differs from what the docs
    /// generate, instead of rewriting it (for CI). Without this call, the environment variable
    /// [`VERIFY_ENV`] decides. Has no effect on `OUT_DIR` files, which are always rewritten.
    pub fn verify(mut self, verify: bool) -> Builder {
        self.verify = Some(verify);
        self
    }

    /// The package folder that relative paths start from, instead of `CARGO_MANIFEST_DIR`
    /// (outside a build script).
    pub fn manifest_dir(mut self, dir: impl Into<PathBuf>) -> Builder {
        self.manifest_dir = Some(dir.into());
        self
    }

    /// The folder of [`Builder::out_file`], instead of `OUT_DIR` (outside a build script).
    pub fn out_dir(mut self, dir: impl Into<PathBuf>) -> Builder {
        self.out_dir = Some(dir.into());
        self
    }

    /// Whether to print `cargo:` directives on stdout (default true; turn off outside a build
    /// script).
    pub fn cargo_directives(mut self, print: bool) -> Builder {
        self.cargo_directives = print;
        self
    }

    /// Prints the `cargo:rerun-if-changed` lines, generates, formats and writes the file (or,
    /// verifying, compares it). Returns the path of the file written or verified.
    pub fn generate(self) -> Result<PathBuf, Error> {
        let manifest_dir = match &self.manifest_dir {
            Some(dir) => dir.clone(),
            None => env_dir("CARGO_MANIFEST_DIR")?,
        };
        let folder = manifest_dir.join(&self.dir);
        let display = shown(&self.dir);
        if self.cargo_directives {
            println!("cargo:rerun-if-env-changed={VERIFY_ENV}");
            // A folder alone makes cargo scan everything below it; each subfolder and file is
            // named too, so that a new or deleted doc is noticed whatever the cargo version.
            println!("cargo:rerun-if-changed={}", folder.display());
            let mut listing = Vec::new();
            list(&folder, &mut listing);
            for path in listing {
                println!("cargo:rerun-if-changed={}", path.display());
            }
        }
        let input = Input {
            path: folder,
            display: display.clone(),
            roots: (!self.roots.is_empty()).then(|| self.roots.clone()),
        };
        let tokens = match crate::generate(&input) {
            Ok(tokens) => tokens,
            Err(diagnostics) => return Err(self.report(Error::Diagnostics { dir: display, diagnostics })),
        };
        let file = syn::parse2::<syn::File>(tokens).map_err(|err| {
            self.report(Error::Internal(format!("the generated code does not parse ({err}); please report this bug")))
        })?;
        let code = format!("{}{}", self.header(&display), prettyplease::unparse(&file));

        let (path, checked_in) = match &self.write_to {
            Some(path) => (manifest_dir.join(path), true),
            None => {
                let out_dir = match &self.out_dir {
                    Some(dir) => dir.clone(),
                    None => env_dir("OUT_DIR").map_err(|err| self.report(err))?,
                };
                let name = self.out_file.clone().unwrap_or_else(|| PathBuf::from(DEFAULT_OUT_FILE));
                (out_dir.join(name), false)
            }
        };
        let current = fs::read(&path).ok();
        if checked_in && self.verifying() {
            if self.cargo_directives {
                println!("cargo:rerun-if-changed={}", path.display());
            }
            if current.as_deref() != Some(code.as_bytes()) {
                let shown = self.write_to.as_deref().map(shown).unwrap_or_default();
                let line = current.as_deref().map(|old| first_difference(old, code.as_bytes()));
                return Err(self.report(Error::Stale { path: shown, line }));
            }
            return Ok(path);
        }
        if current.as_deref() != Some(code.as_bytes()) {
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent).map_err(|error| self.report(Error::Io { path: parent.into(), error }))?;
            }
            fs::write(&path, code).map_err(|error| self.report(Error::Io { path: path.clone(), error }))?;
        }
        Ok(path)
    }

    fn verifying(&self) -> bool {
        self.verify.unwrap_or_else(|| {
            std::env::var(VERIFY_ENV).is_ok_and(|value| {
                let value = value.trim().to_ascii_lowercase();
                !matches!(value.as_str(), "" | "0" | "false" | "no" | "off")
            })
        })
    }

    /// The first lines of the file: what made it and how to change it.
    fn header(&self, display: &str) -> String {
        let mut header = format!("// @generated by llm-usage-codegen from the docs in `{display}`");
        if !self.roots.is_empty() {
            header.push_str(" (roots: ");
            header.push_str(&self.roots.join(", "));
            header.push(')');
        }
        header.push_str(".\n// Do not edit: change the docs or their `llm-usage.toml`, then build again.\n\n");
        header
    }

    /// Tells cargo about `error` (warning lines, shown even when the build script fails);
    /// returns it. The whole text reaches stderr through the error itself: `.expect(…)` prints
    /// its `Debug`, and so does a `main` returning it.
    fn report(&self, error: Error) -> Error {
        if self.cargo_directives {
            match &error {
                Error::Diagnostics { diagnostics, .. } => {
                    for diagnostic in diagnostics {
                        let line = diagnostic.to_string().lines().next().unwrap_or_default().to_owned();
                        println!("cargo:warning={line}");
                    }
                }
                other => println!("cargo:warning={}", other.to_string().lines().next().unwrap_or_default()),
            }
        }
        error
    }
}

/// Why [`Builder::generate`] failed. `Debug` shows the same text as `Display`, so
/// `.expect("…")` in a build script prints the diagnostics as they are.
pub enum Error {
    /// Problems in the schema files, each `path:line:col: message`.
    Diagnostics { dir: String, diagnostics: Vec<Diagnostic> },
    /// The checked-in file differs from what the docs generate (verifying).
    Stale {
        path: String,
        /// The first line that differs; `None` when the file is missing.
        line: Option<usize>,
    },
    /// A file or folder could not be written.
    Io { path: PathBuf, error: io::Error },
    /// An environment variable cargo sets for build scripts is missing.
    Environment(String),
    /// A bug in the engine.
    Internal(String),
}

impl Error {
    /// The diagnostics, when the schema files have problems.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            Error::Diagnostics { diagnostics, .. } => diagnostics,
            _ => &[],
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Diagnostics { dir, diagnostics } => {
                let n = diagnostics.len();
                writeln!(f, "{n} problem{} in the docs in `{dir}`:", if n == 1 { "" } else { "s" })?;
                for diagnostic in diagnostics {
                    writeln!(f, "{diagnostic}")?;
                }
                Ok(())
            }
            Error::Stale { path, line } => {
                match line {
                    Some(line) => write!(f, "{path}:{line}:1: the checked-in generated code is stale")?,
                    None => write!(f, "{path}: the checked-in generated code is missing")?,
                }
                write!(
                    f,
                    "\n  note: the docs generate different code; build without {VERIFY_ENV} (or `.verify(false)`) to rewrite it, and check the change in"
                )
            }
            Error::Io { path, error } => write!(f, "{}: cannot write: {error}", path.display()),
            Error::Environment(message) | Error::Internal(message) => f.write_str(message),
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for Error {}

fn env_dir(name: &str) -> Result<PathBuf, Error> {
    std::env::var_os(name).map(PathBuf::from).ok_or_else(|| {
        Error::Environment(format!(
            "{name} is not set: run the builder from a build script, or give `.manifest_dir(…)` and `.out_dir(…)`"
        ))
    })
}

/// Every subfolder and file below `dir` (names starting with `.` skipped, as the engine skips
/// them), sorted. Symbolic links to folders are listed, not followed.
fn list(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|entry| entry.file_name());
    for entry in entries {
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        out.push(path.clone());
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            list(&path, out);
        }
    }
}

/// A path as written, with `/` separators and no trailing `/`.
fn shown(path: &Path) -> String {
    let text = path.display().to_string().replace('\\', "/");
    let trimmed = text.trim_end_matches('/');
    if trimmed.is_empty() {
        text
    } else {
        trimmed.to_owned()
    }
}

/// The 1-based number of the first line where `a` and `b` differ.
fn first_difference(a: &[u8], b: &[u8]) -> usize {
    let same = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    a[..same].iter().filter(|&&c| c == b'\n').count() + 1
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::path::Path;

    use super::{first_difference, Builder, Error};

    fn scratch(case: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("llm-usage-builder-{}-{case}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("docs/acme")).unwrap();
        dir
    }

    const DOC: &str = "# AcmeUsage\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `input` | *Optional[int]* | :heavy_minus_sign: | N/A |\n";

    fn builder(dir: &Path) -> Builder {
        Builder::new("docs").manifest_dir(dir).out_dir(dir.join("out")).cargo_directives(false)
    }

    #[test]
    fn writes_formatted_code_with_a_header_and_verifies_a_checked_in_copy() {
        let dir = scratch("write");
        fs::write(dir.join("docs/acme/acmeusage.md"), DOC).unwrap();
        let path = builder(&dir).out_file("usage.rs").generate().unwrap();
        assert_eq!(path, dir.join("out/usage.rs"));
        let code = fs::read_to_string(&path).unwrap();
        assert!(code.starts_with("// @generated by llm-usage-codegen from the docs in `docs`.\n"), "{code}");
        assert!(code.contains("pub mod acme {\n"), "formatted by prettyplease: {code}");
        assert!(code.contains("pub struct AcmeUsage {\n"), "{code}");

        let checked = builder(&dir).root("acme::AcmeUsage").write_to("src/generated/usage.rs");
        let path = checked.clone().generate().unwrap();
        let code = fs::read_to_string(&path).unwrap();
        assert!(
            code.starts_with("// @generated by llm-usage-codegen from the docs in `docs` (roots: acme::AcmeUsage).\n")
        );
        checked.clone().verify(true).generate().expect("up to date");

        fs::write(dir.join("docs/acme/acmeusage.md"), DOC.replace("`input`", "`prompt`")).unwrap();
        let err = checked.clone().verify(true).generate().unwrap_err();
        assert!(matches!(err, Error::Stale { .. }), "{err}");
        assert!(err.to_string().starts_with("src/generated/usage.rs:"), "{err}");
        assert!(err.to_string().contains(": the checked-in generated code is stale\n  note:"), "{err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), code, "verifying never writes");
        checked.clone().generate().unwrap();
        assert!(fs::read_to_string(&path).unwrap().contains("pub prompt:"));
        checked.verify(true).generate().expect("up to date again");
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn problems_are_diagnostics_with_their_place_and_debug_shows_them() {
        let dir = scratch("diagnostics");
        fs::write(dir.join("docs/acme/acmeusage.md"), DOC.replace("*Optional[int]*", "*Optionall[int]*")).unwrap();
        let err = builder(&dir).generate().unwrap_err();
        assert_eq!(err.diagnostics().len(), 1);
        let shown = format!("{err:?}");
        assert!(
            shown.starts_with(
                "1 problem in the docs in `docs`:\ndocs/acme/acmeusage.md:7:14: unknown type `Optionall[int]`"
            ),
            "{shown}"
        );
        assert!(!dir.join("out").exists(), "nothing written");
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn first_difference_counts_lines() {
        assert_eq!(first_difference(b"a\nb\nc\n", b"a\nb\nd\n"), 3);
        assert_eq!(first_difference(b"x", b"y"), 1);
    }
}
