//! `llm-usage diff`, run as a user runs it: exit status 0/1/2, `--fail-on`, `--format`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn llm_usage(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_llm-usage")).args(args).output().expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// `before/` and `after/` of the real orq update of 2025-12-15.
fn update(side: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../macros/codegen/tests/diff/orq-python-2025-12-15")
        .join(side)
        .display()
        .to_string()
}

/// A pair of folders with one `usage.md` each, differing in the rows given.
fn pair(case: &str, old_rows: &str, new_rows: &str) -> (String, String) {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("diff-cli").join(case);
    let _ = std::fs::remove_dir_all(&root);
    let mut dirs = Vec::new();
    for (side, rows) in [("old", old_rows), ("new", new_rows)] {
        let dir = root.join(side);
        std::fs::create_dir_all(&dir).unwrap();
        let text = format!(
            "# Usage\n\nUsage.\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `kept` | *str* | :heavy_check_mark: | N/A |\n{rows}"
        );
        std::fs::write(dir.join("usage.md"), text).unwrap();
        dirs.push(dir.display().to_string());
    }
    (dirs.remove(0), dirs.remove(0))
}

const OPTIONAL_ROW: &str = "| `cached` | *Optional[float]* | :heavy_minus_sign: | N/A |\n";

fn status(args: &[&str]) -> Option<i32> {
    llm_usage(args).status.code()
}

#[test]
fn no_change_exits_0() {
    let output = llm_usage(&["diff", &update("before"), &update("before")]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), "no changes\n");
}

#[test]
fn a_breaking_update_exits_1_and_prints_the_text_report() {
    let output = llm_usage(&["diff", &update("before"), &update("after")]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.starts_with("DeploymentInvokeUsage: breaking (wire, api)\n"), "{text}");
    let removed = format!("  {}/deploymentinvokeusage.md:10:3: field-removed `input_tokens`", update("before"));
    assert!(text.contains(&removed), "{text}");
    assert!(
        text.ends_with("18 changes in 6 types: 2 types break the wire, 2 the API; 0 changes are docs only\n"),
        "{text}"
    );
}

#[test]
fn fail_on_picks_the_axes_that_fail() {
    let (before, after) = (update("before"), update("after"));
    for (fail_on, code) in [("any", 1), ("wire", 1), ("api", 1), ("none", 0)] {
        assert_eq!(status(&["diff", &before, &after, "--fail-on", fail_on]), Some(code), "{fail_on}");
    }

    // An optional field removed breaks the API only.
    let (old, new) = pair("api-only", OPTIONAL_ROW, "");
    for (fail_on, code) in [("any", 1), ("wire", 0), ("api", 1), ("none", 0)] {
        assert_eq!(status(&["diff", &old, &new, "--fail-on", fail_on]), Some(code), "api-only, {fail_on}");
    }

    // A wire name changed under the same Rust name breaks the wire only.
    let (old, new) = pair(
        "wire-only",
        "| `cachedTokens` | *Optional[float]* | :heavy_minus_sign: | N/A |\n",
        "| `cached_tokens` | *Optional[float]* | :heavy_minus_sign: | N/A |\n",
    );
    for (fail_on, code) in [("any", 1), ("wire", 1), ("api", 0), ("none", 0)] {
        assert_eq!(status(&["diff", &old, &new, "--fail-on", fail_on]), Some(code), "wire-only, {fail_on}");
    }

    // Only compatible changes: 0 whatever the axes.
    let (old, new) = pair("compatible", "", OPTIONAL_ROW);
    for fail_on in ["any", "wire", "api", "none"] {
        assert_eq!(status(&["diff", &old, &new, "--fail-on", fail_on]), Some(0), "compatible, {fail_on}");
    }
}

#[test]
fn a_missing_path_exits_2() {
    let output = llm_usage(&["diff", &update("before"), "/nonexistent/llm-usage/schemas"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("/nonexistent/llm-usage/schemas: no such file or folder"), "{}", stderr(&output));
    assert_eq!(stdout(&output), "");
}

#[test]
fn diagnostics_on_either_side_exit_2_and_are_printed_with_their_position() {
    let bad: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/ui/schemas/malformed_row");
    let bad = bad.display().to_string();
    for args in [["diff", &update("before"), &bad], ["diff", &bad, &update("after")]] {
        let output = llm_usage(&args);
        assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
        let err = stderr(&output);
        assert!(err.starts_with(&format!("{bad}/usage.md:8:1: ")), "{err}");
        assert_eq!(stdout(&output), "", "nothing is compared");
    }
}

#[test]
fn json_is_one_array_of_objects_with_the_documented_keys() {
    let output = llm_usage(&["diff", "--format", "json", &update("before"), &update("after")]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let changes = value.as_array().expect("an array");
    assert_eq!(changes.len(), 18);
    for change in changes {
        let object = change.as_object().expect("objects");
        for key in ["type", "change", "old", "new", "wire", "api", "location"] {
            assert!(object.contains_key(key), "{key} in {change}");
        }
        for key in ["wire", "api"] {
            assert!(matches!(object[key].as_str(), Some("breaking" | "compatible")), "{change}");
        }
        let type_level = object["change"] == "type-added";
        assert_eq!(object.contains_key("field"), !type_level, "{change}");
    }
    assert_eq!(changes[0]["type"], "DeploymentInvokeUsage");
    assert_eq!(changes[0]["field"], "input_tokens");
    assert_eq!(changes[0]["change"], "field-removed");
    assert_eq!(changes[0]["old"], "required float");
    assert_eq!(changes[0]["new"], serde_json::Value::Null);

    // No change: an empty array, still valid JSON.
    let output = llm_usage(&["diff", "--format", "json", &update("after"), &update("after")]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(serde_json::from_slice::<serde_json::Value>(&output.stdout).unwrap(), serde_json::json!([]));
}

#[test]
fn markdown_is_a_summary_line_and_a_table() {
    let output = llm_usage(&["diff", "--format", "markdown", &update("before"), &update("after")]);
    assert_eq!(output.status.code(), Some(1));
    let markdown = stdout(&output);
    assert!(markdown.starts_with("**llm-usage diff**: 18 changes in 6 types"), "{markdown}");
    assert!(
        markdown.contains("\n| type | field or member | change | old | new | wire | api | where |\n| --- |"),
        "{markdown}"
    );
    assert_eq!(markdown.lines().filter(|l| l.starts_with("| `")).count(), 18);
}

#[test]
fn the_output_is_the_same_on_every_run() {
    let run = || stdout(&llm_usage(&["diff", "--format", "json", &update("before"), &update("after")]));
    assert_eq!(run(), run());
}

/// The vendor corpus beside the checkout, or `None` (with a message) where it is absent.
fn corpus(path: &str) -> Option<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/speakeasy").join(path);
    if dir.is_dir() {
        Some(dir.display().to_string())
    } else {
        eprintln!("skipped: {} is absent (the shared corpus is not beside this checkout)", dir.display());
        None
    }
}

#[test]
fn two_whole_corpora_of_different_flavours_diff_without_a_panic() {
    let (Some(python), Some(node)) = (corpus("orq-python/docs/models"), corpus("orq-node/docs/models")) else { return };
    let output = llm_usage(&["diff", &python, &node]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    // The Python flavour keeps every doc at the root, the TypeScript flavour in `components/`,
    // `operations/` and `errors/`: no type is in the same folder on both sides.
    let text = stdout(&output);
    let summary = text.lines().last().unwrap_or_default();
    assert_eq!(
        summary,
        "36507 changes in 36507 types: 18578 types break the wire, 18578 the API; 0 changes are docs only"
    );
    assert!(text.starts_with("A2AMessage: breaking (wire, api)\n"), "{summary}");
    assert!(text.contains("\nDeploymentInvokeUsage: breaking (wire, api)\n"), "{summary}");
    assert!(text.contains("\ncomponents::Usage: compatible\n"), "{summary}");
}

#[test]
fn an_older_corpus_and_its_successor_diff_without_a_panic() {
    let (Some(old), Some(new)) = (corpus("orq-python-2026-02-17/docs/models"), corpus("orq-python/docs/models")) else {
        return;
    };
    let output = llm_usage(&["diff", "--format", "json", &old, &new]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let changes: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).expect("a JSON array");
    let count = |kind: &str| changes.iter().filter(|c| c["change"] == kind).count();
    // Types on both sides are compared member by member, not merely added and removed.
    for kind in
        ["field-added", "field-removed", "presence-changed", "enum-value-added", "union-variant-added", "docs-changed"]
    {
        assert!(count(kind) > 0, "no {kind}");
    }
}
