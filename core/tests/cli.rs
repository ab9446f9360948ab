//! The `llm-usage` command-line tool, run as a user runs it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn llm_usage(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_llm-usage")).args(args).output().expect("the binary runs")
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The vendor corpus beside the checkout, or `None` (with a message) where it is absent.
fn corpus(path: &str) -> Option<PathBuf> {
    let dir = workspace().join("../shared/corpus/speakeasy").join(path);
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: {} is absent (the shared corpus is not beside this checkout)", dir.display());
        None
    }
}

fn summary(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).lines().last().unwrap_or_default().to_string()
}

#[test]
fn check_reports_no_diagnostic_on_the_python_flavour_corpus() {
    let Some(dir) = corpus("orq-python/docs/models") else { return };
    let output = llm_usage(&["check", dir.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{}", stdout.lines().take(20).collect::<Vec<_>>().join("\n"));
    assert_eq!(summary(&output), "18577 files, 18578 types, 0 diagnostics");
}

#[test]
fn check_reports_no_diagnostic_on_the_typescript_flavour_corpus() {
    let Some(dir) = corpus("orq-node/docs/models") else { return };
    let output = llm_usage(&["check", dir.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{}", stdout.lines().take(20).collect::<Vec<_>>().join("\n"));
    assert_eq!(summary(&output), "17929 files, 17929 types, 0 diagnostics");
}

#[test]
fn check_reports_no_diagnostic_on_the_older_generators_python_corpus() {
    // orq-python of 2026-02-17: every enum doc is a `| Name | Value |` table.
    let Some(dir) = corpus("orq-python-2026-02-17/docs/models") else { return };
    let output = llm_usage(&["check", dir.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{}", stdout.lines().take(20).collect::<Vec<_>>().join("\n"));
    assert_eq!(summary(&output), "4496 files, 4497 types, 0 diagnostics");
}

#[test]
fn an_enum_doc_that_only_moves_from_a_table_to_bullets_expands_to_the_same_rust() {
    // Two real docs as orq-python wrote them on 2026-02-17 (tables) and 2026-08-21 (bullets).
    let testdata = Path::new(env!("CARGO_MANIFEST_DIR")).join("../macros/codegen/src/parse/speakeasy/testdata");
    let expand = |dir: &str| {
        let output = llm_usage(&["expand", testdata.join(dir).to_str().unwrap()]);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stdout));
        String::from_utf8(output.stdout).expect("UTF-8")
    };
    let (tables, bullets) = (expand("orq-python-2026-02-17"), expand("orq-python"));
    assert!(tables.contains("pub enum TTL {") && tables.contains("    V5m,"), "{tables}");
    assert_eq!(tables, bullets);
}

#[test]
fn check_prints_each_diagnostic_with_its_position_and_fails() {
    let dir = workspace().join("tests/ui/schemas/malformed_row");
    let output = llm_usage(&["check", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let first = stdout.lines().next().unwrap_or_default();
    let expected_prefix = format!("{}/usage.md:8:1: ", dir.display());
    assert!(first.starts_with(&expected_prefix), "{stdout}");
    assert!(summary(&output).ends_with(" diagnostics") && !summary(&output).ends_with(" 0 diagnostics"), "{stdout}");
}

#[test]
fn expand_prints_formatted_rust_for_the_bundled_schemas() {
    let output = llm_usage(&["expand", workspace().join("schemas").to_str().unwrap()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stdout));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("pub mod orq {"), "{stdout}");
    assert!(stdout.contains("pub struct DeploymentInvokeUsage {"), "{stdout}");
    syn::parse_file(&stdout).expect("valid Rust");
}

/// `check` reports exactly what the macro reports: for every compile-fail case of
/// `tests/ui/` that expands one schema folder as a whole (`ts_field_collision`, a Rust-name
/// collision found by the naming stage, among them), the diagnostics `check` prints are the
/// errors in the case's expected compiler output, in the same order.
#[test]
fn check_reports_what_the_macro_reports_for_every_compile_fail_case() {
    let tests = workspace().join("tests");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(tests.join("ui"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    cases.sort();
    let mut compared = Vec::new();
    for case in cases {
        let source = std::fs::read_to_string(&case).unwrap();
        // Only `include_schemas!("ui/schemas/<folder>");`: no roots, no malformed arguments.
        let Some(folder) = source
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("llm_usage::include_schemas!(\""))
            .and_then(|l| l.strip_suffix("\");"))
        else {
            continue;
        };
        let name = case.file_stem().unwrap().to_string_lossy().into_owned();
        // Fixtures the compile-fail test makes itself (links, a 4 MiB file) may not exist yet.
        if name.starts_with("symlink_") || name == "too_large" {
            continue;
        }
        let stderr = std::fs::read_to_string(case.with_extension("stderr")).unwrap();
        let expected: Vec<String> = stderr
            .lines()
            .filter_map(|l| l.strip_prefix("error: "))
            .map(|l| l.to_owned())
            .chain(stderr.lines().filter_map(|l| l.trim_start().strip_prefix("note: ")).map(|n| format!("note: {n}")))
            .collect();
        let output =
            Command::new(env!("CARGO_BIN_EXE_llm-usage")).args(["check", folder]).current_dir(&tests).output().unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        let mut lines: Vec<&str> = stdout.lines().collect();
        lines.pop(); // the summary
        let printed: Vec<String> = lines
            .iter()
            .filter(|l| !l.starts_with("  note: "))
            .map(|l| (*l).to_owned())
            .chain(lines.iter().filter_map(|l| l.strip_prefix("  note: ")).map(|n| format!("note: {n}")))
            .collect();
        assert_eq!(printed, expected, "{name}: `llm-usage check {folder}` and the macro disagree");
        assert_eq!(output.status.code(), Some(1), "{name}");
        compared.push(name);
    }
    assert!(compared.contains(&"ts_field_collision".to_owned()), "{compared:?}");
    assert!(compared.len() >= 30, "only {} cases compared: {compared:?}", compared.len());
}
