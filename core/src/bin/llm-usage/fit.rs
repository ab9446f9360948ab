//! `llm-usage fit PATH --root TYPE --payloads DIR [--write]`: the recorded payloads of one
//! type against its doc. Prints every disagreement, `payload:/pointer: message [schema:
//! path:line:col]`, and the smallest set of `llm-usage.toml` overrides that fits them all;
//! `--write` merges those into `PATH/llm-usage.toml` and checks again.
//!
//! Exit status 0 when every payload fits as the schema is, 1 when overrides were needed
//! (printed, or written), 2 on errors: the schema's diagnostics, payloads that are not JSON,
//! disagreements no override can fix.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use llm_usage_codegen::fit::{self, Payload, Report};
use llm_usage_codegen::{Diagnostic, Input};

#[derive(clap::Args)]
pub struct Args {
    /// The schema folder (or file), with its `llm-usage.toml`.
    path: PathBuf,
    /// The type every payload is a value of, as `roots` names it, relative to PATH
    /// (`src::resources::messages::Usage`). One per run: run `fit` once per type.
    #[arg(long, value_name = "MODULE::TYPE")]
    root: String,
    /// A folder of recorded payloads, one JSON value of the root type per `*.json` file
    /// (searched recursively), or one such file.
    #[arg(long, value_name = "DIR")]
    payloads: PathBuf,
    /// Merge the overrides into `PATH/llm-usage.toml` (created if absent), keeping its
    /// comments and order, then check the payloads again.
    #[arg(long)]
    write: bool,
}

const FITS: u8 = 0;
const NEEDS_OVERRIDES: u8 = 1;
const ERROR: u8 = 2;

/// Rounds of write-and-check: an override can change which union variant reads a value,
/// which can call for more.
const MAX_ROUNDS: usize = 4;

pub fn run(args: Args) -> ExitCode {
    let input = Input::new(&args.path);
    let (payloads, errors) = fit::read_payloads(&args.payloads, &args.payloads.display().to_string());
    print_diagnostics(&errors);
    let report = match fit::run(&input, &args.root, &payloads) {
        Ok(report) => report,
        Err(diagnostics) => {
            print_diagnostics(&diagnostics);
            println!(
                "{}: {} diagnostics; nothing fitted (`llm-usage check` shows the same)",
                input.display,
                diagnostics.len()
            );
            return ExitCode::from(ERROR);
        }
    };
    let _ = std::io::stdout().lock().write_all(report.text().as_bytes());
    let mut status = if report.fits() { FITS } else { NEEDS_OVERRIDES };
    if report.unfixable().next().is_some() || !errors.is_empty() {
        status = ERROR;
    }
    if args.write && !report.overrides.is_empty() {
        status = status.max(write(&args, &input, &payloads, &report));
    }
    ExitCode::from(status)
}

/// Writes the overrides, then checks again until a round needs no more: the exit status.
fn write(args: &Args, input: &Input, payloads: &[Payload], first: &Report) -> u8 {
    let path = fit::write::toml_path(&args.path);
    let mut report = first.clone();
    for _ in 0..MAX_ROUNDS {
        if let Err(err) = fit::write::write_file(&path, &report.overrides) {
            println!("error: {err}");
            return ERROR;
        }
        println!("\nwrote {} override{} to {}", report.overrides.len(), plural(report.overrides.len()), path.display());
        let written = std::mem::take(&mut report.overrides);
        report = match fit::run(input, &args.root, payloads) {
            Ok(report) => report,
            Err(diagnostics) => {
                print_diagnostics(&diagnostics);
                let n = diagnostics.len();
                println!("the schema no longer loads with the written overrides: {n} diagnostic{}", plural(n));
                return ERROR;
            }
        };
        if report.overrides.is_empty() {
            break;
        }
        if same_changes(&report.overrides, &written) {
            println!(
                "the written overrides do not take effect: does an `llm-usage.toml` in a subfolder set these fields too?"
            );
            let _ = std::io::stdout().lock().write_all(report.text().as_bytes());
            return ERROR;
        }
    }
    let unfixable = report.unfixable().count();
    if report.fits() {
        println!("checked again: every payload reads and writes back as it is");
        NEEDS_OVERRIDES
    } else if report.overrides.is_empty() && unfixable == report.findings.len() {
        let remain = if unfixable == 1 { "disagreement remains" } else { "disagreements remain" };
        println!("checked again: {unfixable} {remain} that no override can fix");
        ERROR
    } else {
        println!("checked again, and it still does not fit:");
        let _ = std::io::stdout().lock().write_all(report.text().as_bytes());
        ERROR
    }
}

/// Whether two rounds call for the same overrides: writing them changed nothing.
fn same_changes(a: &[fit::Override], b: &[fit::Override]) -> bool {
    let key = |o: &fit::Override| {
        (o.type_key.clone(), o.field_key.clone(), o.presence.map(|p| p.to), o.number.as_ref().map(|n| n.to))
    };
    a.len() == b.len() && a.iter().map(key).eq(b.iter().map(key))
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn print_diagnostics(diagnostics: &[Diagnostic]) {
    let mut out = std::io::stdout().lock();
    for diagnostic in diagnostics {
        let _ = writeln!(out, "{diagnostic}");
    }
}
