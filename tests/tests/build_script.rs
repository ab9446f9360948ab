//! The build-script mode (`llm_usage_codegen::Builder` in a `build.rs`), as a user's crate uses
//! it: adding, editing and removing a doc regenerates, an unrelated edit does not, problems fail
//! the build naming `path:line:col`, and a stale checked-in file is detected. Shown on a
//! temporary workspace of two probe crates that depend on this workspace's `llm-usage` (normal
//! dependency) and `llm-usage-codegen` (build-dependency, feature `build`) by path.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

const DEMO_V1: &str = "# DemoUsage

Usage of the demo API.

## Fields

| Field   | Type            | Required           | Description |
| ------- | --------------- | ------------------ | ----------- |
| `input` | *Optional[int]* | :heavy_minus_sign: | N/A         |";

const DEMO_V2: &str = "# DemoUsage

Usage of the demo API, now with output tokens.

## Fields

| Field    | Type            | Required           | Description |
| -------- | --------------- | ------------------ | ----------- |
| `input`  | *Optional[int]* | :heavy_minus_sign: | N/A         |
| `output` | *Optional[int]* | :heavy_minus_sign: | N/A         |";

const EXTRA: &str = "# DemoExtra

## Fields

| Field  | Type  | Required           | Description |
| ------ | ----- | ------------------ | ----------- |
| `note` | *str* | :heavy_check_mark: | N/A         |";

const BROKEN: &str = "# DemoBroken

## Fields

| Field  | Type             | Required           | Description |
| ------ | ---------------- | ------------------ | ----------- |
| `note` | *Optionall[str]* | :heavy_minus_sign: | N/A         |";

/// `probe`: generates into `OUT_DIR` and prints how many of a payload's fields the generated
/// type does not know.
const PROBE_BUILD: &str = r#"use std::io::Write;

fn main() {
    // Counts the runs of this script, for the test.
    let log = std::path::Path::new(&std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("../runs.log");
    let mut log = std::fs::OpenOptions::new().create(true).append(true).open(log).unwrap();
    log.write_all(b"probe\n").unwrap();
    llm_usage_codegen::Builder::new("vendor-docs").out_file("usage.rs").generate().expect("vendor docs");
}
"#;

const PROBE_MAIN: &str = r##"include!(concat!(env!("OUT_DIR"), "/usage.rs"));

fn main() {
    let usage: demo::DemoUsage = serde_json::from_str(r#"{"input": 1, "output": 2}"#).unwrap();
    println!("unknown fields: {}", usage.unknown_fields.len());
}
"##;

/// `probe-checked`: generates into a checked-in file, verified when `LLM_USAGE_VERIFY` is set.
const CHECKED_BUILD: &str = r#"fn main() {
    llm_usage_codegen::Builder::new("vendor-docs")
        .root("demo::DemoUsage")
        .write_to("src/generated/usage.rs")
        .generate()
        .expect("vendor docs");
}
"#;

const CHECKED_LIB: &str = "include!(\"generated/usage.rs\");\n";

struct Workspace {
    root: PathBuf,
    target: PathBuf,
}

impl Workspace {
    fn new() -> Workspace {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").canonicalize().unwrap();
        let base = repo.join("target/build-script-test");
        let root = base.join("ws");
        let _ = fs::remove_dir_all(&root);
        let path = |p: &str| repo.join(p).display().to_string().replace('\\', "/");
        write(&root.join("Cargo.toml"), "[workspace]\nresolver = \"2\"\nmembers = [\"probe\", \"probe-checked\"]\n");
        // This workspace's lock file: the same dependency versions, no registry lookups.
        fs::copy(repo.join("Cargo.lock"), root.join("Cargo.lock")).unwrap();
        let manifest = |name: &str, extra: &str| {
            format!(
                "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[dependencies]\nllm-usage = {{ path = \"{}\" }}\n{extra}\n[build-dependencies]\nllm-usage-codegen = {{ path = \"{}\", default-features = false, features = [\"build\"] }}\n",
                path("core"),
                path("macros/codegen"),
            )
        };
        write(&root.join("probe/Cargo.toml"), &manifest("probe", "serde_json = \"1\"\n"));
        write(&root.join("probe/build.rs"), PROBE_BUILD);
        write(&root.join("probe/src/main.rs"), PROBE_MAIN);
        write(&root.join("probe/vendor-docs/demo/demousage.md"), DEMO_V1);
        write(&root.join("probe-checked/Cargo.toml"), &manifest("probe-checked", ""));
        write(&root.join("probe-checked/build.rs"), CHECKED_BUILD);
        write(&root.join("probe-checked/src/lib.rs"), CHECKED_LIB);
        write(&root.join("probe-checked/vendor-docs/demo/demousage.md"), DEMO_V1);
        Workspace { root, target: base.join("target") }
    }

    fn cargo(&self, args: &[&str], verify: bool) -> Output {
        let mut command = Command::new(env!("CARGO"));
        command
            .args(args)
            .current_dir(&self.root)
            .env("CARGO_TARGET_DIR", &self.target)
            .env_remove("LLM_USAGE_MANIFEST_DIR")
            .env_remove("LLM_USAGE_VERIFY");
        if verify {
            command.env("LLM_USAGE_VERIFY", "1");
        }
        command.output().expect("cargo runs")
    }

    /// Builds a probe; the output and, on success, its `OUT_DIR`.
    fn build(&self, package: &str, verify: bool) -> (Output, Option<PathBuf>) {
        let output = self.cargo(&["build", "-p", package, "--message-format=json"], verify);
        let out_dir = String::from_utf8_lossy(&output.stdout)
            .lines()
            .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
            .find(|m| {
                m["reason"] == "build-script-executed"
                    && m["package_id"].as_str().is_some_and(|id| id.contains(&format!("/{package}#")))
            })
            .and_then(|m| m["out_dir"].as_str().map(PathBuf::from));
        (output, out_dir)
    }

    /// Builds `probe`, which must succeed; the code generated into its `OUT_DIR`.
    fn build_probe(&self) -> String {
        let (output, out_dir) = self.build("probe", false);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        fs::read_to_string(out_dir.expect("probe has a build script").join("usage.rs")).unwrap()
    }

    fn run_probe(&self) -> String {
        let output = self.cargo(&["run", "-q", "-p", "probe"], false);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8_lossy(&output.stdout).trim().to_string()
    }

    /// How many times `probe`'s build script ran.
    fn probe_runs(&self) -> usize {
        fs::read_to_string(self.root.join("runs.log")).map_or(0, |log| log.lines().count())
    }

    /// Edits a file, after a pause so that its modification time is later than the last build.
    fn edit(&self, path: &str, content: Option<&str>) {
        std::thread::sleep(Duration::from_millis(1100));
        let path = self.root.join(path);
        match content {
            Some(content) => write(&path, content),
            None => fs::remove_file(path).unwrap(),
        }
    }

    fn read(&self, path: &str) -> String {
        fs::read_to_string(self.root.join(path)).unwrap()
    }
}

fn write(path: &Path, content: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, content).unwrap();
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn the_build_script_mode_regenerates_on_doc_changes_and_detects_a_stale_checked_in_file() {
    let ws = Workspace::new();

    // Into OUT_DIR: editing, adding and removing a doc each rerun the script.
    let code = ws.build_probe();
    assert!(code.starts_with("// @generated by llm-usage-codegen from the docs in `vendor-docs`.\n"), "{code}");
    assert_eq!(ws.probe_runs(), 1);
    assert_eq!(ws.run_probe(), "unknown fields: 1", "`output` is not in the first doc");

    ws.edit("probe/vendor-docs/demo/demousage.md", Some(DEMO_V2));
    ws.build_probe();
    assert_eq!(ws.probe_runs(), 2, "editing a doc regenerates");
    assert_eq!(ws.run_probe(), "unknown fields: 0", "the edited doc's new field is generated");

    ws.edit("probe/vendor-docs/demo/demoextra.md", Some(EXTRA));
    let code = ws.build_probe();
    assert_eq!(ws.probe_runs(), 3, "adding a doc regenerates");
    assert!(code.contains("pub struct DemoExtra {"), "the added doc's type is generated");

    ws.edit("probe/vendor-docs/demo/demoextra.md", None);
    let code = ws.build_probe();
    assert_eq!(ws.probe_runs(), 4, "removing a doc regenerates");
    assert!(!code.contains("DemoExtra"), "the removed doc's type is gone");

    ws.edit("probe/vendor-docs/more/demoextra.md", Some(EXTRA));
    let code = ws.build_probe();
    assert_eq!(ws.probe_runs(), 5, "a new subfolder regenerates");
    assert!(code.contains("pub mod more {"), "{code}");
    ws.edit("probe/vendor-docs/more/demoextra.md", None);
    fs::remove_dir(ws.root.join("probe/vendor-docs/more")).unwrap();
    ws.build_probe();
    assert_eq!(ws.probe_runs(), 6);

    ws.edit("probe/src/main.rs", Some(&format!("// An unrelated edit.\n{PROBE_MAIN}")));
    ws.build_probe();
    assert_eq!(ws.probe_runs(), 6, "an edit outside the docs does not rerun the script");

    // A problem fails the build, naming the doc's path:line:col.
    ws.edit("probe/vendor-docs/demo/demobroken.md", Some(BROKEN));
    let (output, _) = ws.build("probe", false);
    assert!(!output.status.success(), "a broken doc fails the build");
    let err = stderr(&output);
    let place = "vendor-docs/demo/demobroken.md:7:13: unknown type `Optionall[str]`; did you mean `Optional`?";
    assert!(err.contains(&format!("warning: probe@0.0.0: {place}")), "as a cargo warning:\n{err}");
    // Cargo indents the script's stderr by two spaces.
    let full = format!("vendor docs: 1 problem in the docs in `vendor-docs`:\n  {place}\n    note: expected");
    assert!(err.contains(&full), "in full, on stderr:\n{err}");
    ws.edit("probe/vendor-docs/demo/demobroken.md", None);
    ws.build_probe();

    // Into a checked-in file: written, then verified; a doc change makes it stale.
    let (output, _) = ws.build("probe-checked", false);
    assert!(output.status.success(), "{}", stderr(&output));
    let checked_in = ws.read("probe-checked/src/generated/usage.rs");
    assert!(
        checked_in.starts_with(
            "// @generated by llm-usage-codegen from the docs in `vendor-docs` (roots: demo::DemoUsage).\n"
        ),
        "{checked_in}"
    );
    assert!(checked_in.contains("pub input: ::std::option::Option<i64>,"), "{checked_in}");
    let (output, _) = ws.build("probe-checked", true);
    assert!(output.status.success(), "an up-to-date file verifies: {}", stderr(&output));

    ws.edit("probe-checked/vendor-docs/demo/demousage.md", Some(DEMO_V2));
    let (output, _) = ws.build("probe-checked", true);
    assert!(!output.status.success(), "a stale checked-in file fails the verifying build");
    let err = stderr(&output);
    let stale = err.lines().find(|l| l.starts_with("warning: probe-checked@0.0.0: src/generated/usage.rs:"));
    assert!(stale.is_some_and(|l| l.ends_with(":1: the checked-in generated code is stale")), "{err}");
    assert!(err.contains("build without LLM_USAGE_VERIFY"), "{err}");
    assert_eq!(ws.read("probe-checked/src/generated/usage.rs"), checked_in, "verifying never writes");

    let (output, _) = ws.build("probe-checked", false);
    assert!(output.status.success(), "{}", stderr(&output));
    let updated = ws.read("probe-checked/src/generated/usage.rs");
    assert!(updated.contains("pub output: ::std::option::Option<i64>,"), "the file is rewritten: {updated}");
    let (output, _) = ws.build("probe-checked", true);
    assert!(output.status.success(), "verified again: {}", stderr(&output));
}
