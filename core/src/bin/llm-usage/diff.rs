//! `llm-usage diff OLD NEW`: what a vendor update changes in the generated types, each change
//! with a wire and an API verdict. Exit status 0 when nothing breaks on the axes `--fail-on`
//! names, 1 when something does, 2 when either side cannot be read cleanly.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use llm_usage_codegen::diff::{self, render, Change};
use llm_usage_codegen::{Input, Loaded};

#[derive(clap::Args)]
pub struct Args {
    /// The schema folder (or file) before the update, with its `llm-usage.toml`.
    old: PathBuf,
    /// The schema folder (or file) after the update, with its `llm-usage.toml`.
    new: PathBuf,
    /// How to print the report.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Which breaking changes make the exit status 1.
    #[arg(long, value_enum, default_value_t = FailOn::Any)]
    fail_on: FailOn,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// Grouped by type, breaking first, each change at its `path:line:col`.
    Text,
    /// One JSON array, one object per change.
    Json,
    /// A summary line and a table, for a pull-request comment.
    Markdown,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    /// Changes that break reading payloads with the old types.
    Wire,
    /// Changes that break Rust code written against the old types.
    Api,
    /// Either.
    Any,
    /// Never: report only.
    None,
}

/// Exit status when either side has problems or is missing.
const ERROR: u8 = 2;

pub fn run(args: Args) -> ExitCode {
    let mut missing = false;
    for path in [&args.old, &args.new] {
        if !path.exists() {
            eprintln!("error: {}: no such file or folder", path.display());
            missing = true;
        }
    }
    if missing {
        return ExitCode::from(ERROR);
    }
    let (old_input, new_input) = (Input::new(&args.old), Input::new(&args.new));
    // Each load reads and parses on every core; loading both sides at once overlaps their
    // single-threaded parts (listing, resolving).
    let (old, new) = std::thread::scope(|scope| {
        let old = scope.spawn(|| llm_usage_codegen::load(&old_input));
        let new = llm_usage_codegen::load(&new_input);
        (old.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)), new)
    });
    if has_problems(&old_input, &old) | has_problems(&new_input, &new) {
        return ExitCode::from(ERROR);
    }

    let changes = diff::diff(&old.schema, &new.schema);
    let report = match args.format {
        Format::Text => render::text(&changes),
        Format::Json => render::json(&changes),
        Format::Markdown => render::markdown(&changes),
    };
    let _ = std::io::stdout().lock().write_all(report.as_bytes());
    let status = if fails(&changes, args.fail_on) { ExitCode::FAILURE } else { ExitCode::SUCCESS };
    // Freeing two whole schemas one allocation at a time takes longer than the comparison;
    // the process is about to end, which frees them at once.
    std::mem::forget((old, new, changes, report));
    status
}

/// Prints the diagnostics of one side, `path:line:col: message`, to stderr; true if there are any.
fn has_problems(input: &Input, loaded: &Loaded) -> bool {
    if loaded.diagnostics.is_empty() {
        return false;
    }
    let mut err = std::io::stderr().lock();
    for diagnostic in &loaded.diagnostics {
        let _ = writeln!(err, "{diagnostic}");
    }
    let _ = writeln!(
        err,
        "{}: {} diagnostics; nothing compared (`llm-usage check {}` shows the same)",
        input.display,
        loaded.diagnostics.len(),
        input.display
    );
    true
}

fn fails(changes: &[Change], fail_on: FailOn) -> bool {
    changes.iter().any(|change| match fail_on {
        FailOn::Wire => change.wire.is_breaking(),
        FailOn::Api => change.api.is_breaking(),
        FailOn::Any => change.is_breaking(),
        FailOn::None => false,
    })
}
