//! `llm-usage import --from VENDOR_DIR --root TYPE… --into SCHEMA_DIR`: copy the vendor docs
//! that the types need, or update them. Prints what the update changes in the generated types
//! (the `diff` report) and what happens to each file. Exit status 0 when done or up to date,
//! 1 with `--check` when the vendor folder has changes not imported yet, 2 on errors (each
//! printed `path:line:col: message`; nothing is written).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use llm_usage_codegen::diff::render;
use llm_usage_codegen::import::{self, Action, Plan, RootsNote};
use llm_usage_codegen::Diagnostic;

#[derive(clap::Args)]
pub struct Args {
    /// The vendor's docs folder (a checkout's `docs/models`, a `src/`). Default: the folder
    /// recorded in SCHEMA_DIR/llm-usage.toml (`[import] from`).
    #[arg(long, value_name = "VENDOR_DIR")]
    from: Option<PathBuf>,
    /// A type to import with everything it reaches, named relative to VENDOR_DIR as `roots`
    /// name types (`DeploymentInvokeUsage`, `src::resources::messages::Usage`); repeat for
    /// several. Default: the recorded roots (`[import] roots`).
    #[arg(long = "root", value_name = "TYPE")]
    roots: Vec<String>,
    /// The schema folder to copy into, created if absent. Files already there that the import
    /// did not write are never overwritten.
    #[arg(long, value_name = "SCHEMA_DIR")]
    into: PathBuf,
    /// Print what would change; write nothing.
    #[arg(long)]
    dry_run: bool,
    /// Write nothing; exit 1 when the vendor folder has changes not imported yet, 0 when the
    /// schema folder is up to date (for a scheduled CI job).
    #[arg(long)]
    check: bool,
}

/// Exit status on errors.
const ERROR: u8 = 2;

pub fn run(args: Args) -> ExitCode {
    let options = import::Options { from: args.from, roots: args.roots, into: args.into };
    let plan = match import::plan(&options) {
        Ok(plan) => plan,
        Err(diagnostics) => {
            print_errors(&diagnostics, "nothing imported");
            return ExitCode::from(ERROR);
        }
    };
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(render::text(&plan.changes).as_bytes());
    let _ = out.write_all(files_report(&plan).as_bytes());
    let writes = !(args.check || args.dry_run);
    let _ = writeln!(out, "{}", summary(&plan, args.check, writes));
    drop(out);
    if !plan.problems.is_empty() {
        let mut err = std::io::stderr().lock();
        let _ = writeln!(
            err,
            "warning: {} after the import has {}, which the build will report (fix them after importing; `llm-usage check {}` shows them):",
            plan.into_display,
            plural(plan.problems.len(), "problem"),
            plan.into_display
        );
        for problem in &plan.problems {
            let _ = writeln!(err, "{problem}");
        }
    }
    if args.check {
        return if plan.is_up_to_date() { ExitCode::SUCCESS } else { ExitCode::FAILURE };
    }
    if args.dry_run {
        return ExitCode::SUCCESS;
    }
    match plan.apply() {
        Ok(()) => ExitCode::SUCCESS,
        Err(diagnostics) => {
            print_errors(&diagnostics, "the import stopped part way; run it again");
            ExitCode::from(ERROR)
        }
    }
}

/// One line per file that changes, and one per note about the record.
fn files_report(plan: &Plan) -> String {
    let mut out = String::new();
    for file in &plan.files {
        let verb = match file.action {
            Action::Add => "add",
            Action::Update => "update",
            Action::Remove => "remove",
            Action::Keep => continue,
        };
        out.push_str(&format!("{verb:<7} {}\n", plan.shown(&file.rel)));
    }
    if plan.record_changed {
        let verb = if plan.record_created { "create" } else { "update" };
        out.push_str(&format!("{verb:<7} {} ([import])\n", plan.shown("llm-usage.toml")));
    }
    match plan.roots_note {
        Some(RootsNote::Written) => out.push_str(&format!(
            "note: the copied files also declare {} the roots do not reach (`{}`…); `roots` in llm-usage.toml limits generation to the imported roots\n",
            plural(plan.unreached.len(), "type"),
            plan.unreached.first().map_or("", String::as_str),
        )),
        Some(RootsNote::Followed) => {
            out.push_str("note: `roots` in llm-usage.toml follows the imported roots (it is as the import wrote it)\n")
        }
        None => {}
    }
    out
}

fn summary(plan: &Plan, check: bool, writes: bool) -> String {
    let c = plan.counts();
    let total = c.added + c.updated + c.kept;
    let from = &plan.from_display;
    let into = &plan.into_display;
    if plan.is_up_to_date() {
        return format!("{into} is up to date with {from}: {}, nothing to import", plural(total, "file"));
    }
    let counts = format!("{} to add, {} to update, {} to remove, {} unchanged", c.added, c.updated, c.removed, c.kept);
    if check {
        format!("{into} is behind {from}: {counts}; `llm-usage import --into {into}` imports them")
    } else if writes {
        format!(
            "imported {} from {from} into {into}: {} added, {} updated, {} removed, {} unchanged",
            plural(total, "file"),
            c.added,
            c.updated,
            c.removed,
            c.kept
        )
    } else {
        format!("dry run, nothing written: {counts}")
    }
}

fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn print_errors(diagnostics: &[Diagnostic], closing: &str) {
    let mut err = std::io::stderr().lock();
    for diagnostic in diagnostics {
        let _ = writeln!(err, "{diagnostic}");
    }
    let _ = writeln!(err, "error: {closing}");
}
