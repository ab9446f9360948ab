//! `llm-usage`: the engine from the command line.
//!
//! - `llm-usage expand PATH` prints the Rust that `include_schemas!` would generate.
//! - `llm-usage check PATH` reports every problem in the schema files, `path:line:col: message`.
//! - `llm-usage diff OLD NEW` reports what changed between two versions, breaking or not.
//! - `llm-usage fit PATH --root TYPE --payloads DIR` checks recorded payloads against the doc
//!   and derives the `llm-usage.toml` overrides that fit them (`--write` merges them in).
//! - `llm-usage import --from VENDOR_DIR --root TYPE --into SCHEMA_DIR` copies the vendor docs
//!   the types need, and updates them.
//! - `llm-usage usage [--provider P] [--json] [FILE|-]` prints the normalized token usage of a
//!   response body, usage object or stream.
//!
//! `expand` and `check` take `--root MODULE::TYPE` (repeatable): the `roots` of `include_schemas!`.

mod diff;
mod fit;
mod import;
mod usage;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use llm_usage_codegen::{Diagnostic, Input};

#[derive(Parser)]
#[command(name = "llm-usage", version, about = "Vendor usage docs to typed Rust structs")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the generated Rust for a schema folder or file, formatted.
    Expand {
        path: PathBuf,
        #[command(flatten)]
        roots: Roots,
        /// Print the plain-derive baseline instead (`#[derive(Serialize, Deserialize)]`, no
        /// unknown-field capture): what the benchmarks compare against.
        #[arg(long, hide = true)]
        plain_derive: bool,
    },
    /// Parse and resolve everything under PATH and report every diagnostic.
    Check {
        path: PathBuf,
        #[command(flatten)]
        roots: Roots,
    },
    /// Compare the generated types of two versions of a schema folder or file, each change
    /// with a wire and an API verdict.
    Diff(diff::Args),
    /// Check recorded payloads of one type against the doc and print the smallest set of
    /// `llm-usage.toml` overrides that makes every one read and write back unchanged.
    Fit(fit::Args),
    /// Copy the vendor docs that some types need into a schema folder, recording what and from
    /// where in its `llm-usage.toml`; run again to update them, with the diff first.
    Import(import::Args),
    /// Print the normalized token usage (input with cache reads and writes, output with
    /// reasoning) of one response body, usage object or stream; bad input exits with 2.
    Usage(usage::Args),
}

#[derive(clap::Args)]
struct Roots {
    /// Generate only this type and what it reaches, as `include_schemas!`'s `roots` names it
    /// (`google::UsageMetadata`); repeat for several. Then only those types may produce
    /// diagnostics.
    #[arg(long = "root", value_name = "MODULE::TYPE")]
    roots: Vec<String>,
}

impl Roots {
    fn input(self, path: PathBuf) -> Input {
        Input { roots: (!self.roots.is_empty()).then_some(self.roots), ..Input::new(path) }
    }
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Expand { path, roots, plain_derive } => expand(&roots.input(path), plain_derive),
        Command::Check { path, roots } => check(&roots.input(path)),
        Command::Diff(args) => diff::run(args),
        Command::Fit(args) => fit::run(args),
        Command::Import(args) => import::run(args),
        Command::Usage(args) => usage::run(args),
    }
}

fn expand(input: &Input, plain_derive: bool) -> ExitCode {
    let generated =
        if plain_derive { llm_usage_codegen::generate_plain_derive(input) } else { llm_usage_codegen::generate(input) };
    let tokens = match generated {
        Ok(tokens) => tokens,
        Err(diagnostics) => {
            print_diagnostics(&diagnostics);
            return ExitCode::FAILURE;
        }
    };
    match syn::parse2::<syn::File>(tokens) {
        Ok(file) => {
            let _ = std::io::stdout().write_all(prettyplease::unparse(&file).as_bytes());
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("internal error: the generated code does not parse: {err}");
            ExitCode::FAILURE
        }
    }
}

fn check(input: &Input) -> ExitCode {
    let report = llm_usage_codegen::check(input);
    print_diagnostics(&report.diagnostics);
    println!("{} files, {} types, {} diagnostics", report.files, report.types, report.diagnostics.len());
    if report.diagnostics.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn print_diagnostics(diagnostics: &[Diagnostic]) {
    let mut out = std::io::stdout().lock();
    for diagnostic in diagnostics {
        let _ = writeln!(out, "{diagnostic}");
    }
}
