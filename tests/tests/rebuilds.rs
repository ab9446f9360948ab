//! Editing, adding and deleting a doc under `schemas/` each change what `cargo build` produces,
//! and an unrelated edit does not regenerate: shown on a temporary copy of this workspace
//! (the engine, the macro and `core` with its bundled `schemas/`, plus a small folder of our own
//! and two probe crates).

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

struct Workspace {
    root: PathBuf,
    target: PathBuf,
}

impl Workspace {
    /// A copy of the engine, the macro and `core` beside a schema folder of our own.
    fn new() -> Workspace {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let base = repo.join("target/rebuild-test");
        let root = base.join("ws");
        let _ = fs::remove_dir_all(&root);
        // `core`'s own code (the normalized usage) needs the bundled vendor folders.
        for dir in ["macros/codegen/src", "macros/codegen/benches", "macros/macros/src", "core/src", "schemas"] {
            copy_dir(&repo.join(dir), &root.join(dir));
        }
        for file in
            ["macros/codegen/Cargo.toml", "macros/macros/Cargo.toml", "core/Cargo.toml", "core/build.rs", "Cargo.lock"]
        {
            fs::copy(repo.join(file), root.join(file)).unwrap();
        }
        let manifest = fs::read_to_string(repo.join("Cargo.toml")).unwrap().replace(
            r#"members = ["macros/codegen", "macros/macros", "core", "tests"]"#,
            r#"members = ["macros/codegen", "macros/macros", "core", "probe", "probe-extra"]"#,
        );
        assert!(manifest.contains("probe-extra"), "the workspace manifest's member list changed");
        fs::write(root.join("Cargo.toml"), manifest).unwrap();
        write(&root.join("schemas/demo/demousage.md"), DEMO_V1);
        // Prints how many of the payload's fields the generated type does not know.
        write(
            &root.join("probe/Cargo.toml"),
            "[package]\nname = \"probe\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[dependencies]\nllm-usage = { path = \"../core\" }\nserde_json = \"1\"\n",
        );
        write(
            &root.join("probe/src/main.rs"),
            "fn main() {\n    let usage: llm_usage::demo::DemoUsage = serde_json::from_str(r#\"{\"input\": 1, \"output\": 2}\"#).unwrap();\n    println!(\"unknown fields: {}\", usage.unknown_fields.len());\n}\n",
        );
        // Compiles only while `DemoExtra` exists.
        write(
            &root.join("probe-extra/Cargo.toml"),
            "[package]\nname = \"probe-extra\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[dependencies]\nllm-usage = { path = \"../core\" }\n",
        );
        write(&root.join("probe-extra/src/lib.rs"), "pub type Extra = llm_usage::demo::DemoExtra;\n");
        Workspace { root, target: base.join("target") }
    }

    fn cargo(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO"))
            .args(args)
            .current_dir(&self.root)
            .env("CARGO_TARGET_DIR", &self.target)
            .env_remove("LLM_USAGE_MANIFEST_DIR")
            .output()
            .expect("cargo runs")
    }

    /// Builds the workspace's default members; returns whether `llm-usage` was recompiled
    /// (which is when the macro regenerates the types).
    fn build(&self) -> bool {
        let output = self.cargo(&["build", "-p", "probe", "--message-format=json"]);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let stdout = String::from_utf8_lossy(&output.stdout);
        let artifact = stdout
            .lines()
            .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
            .find(|m| m["reason"] == "compiler-artifact" && m["target"]["name"] == "llm_usage")
            .expect("llm-usage is part of the build");
        !artifact["fresh"].as_bool().unwrap()
    }

    fn probe(&self) -> String {
        let output = self.cargo(&["run", "-q", "-p", "probe"]);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8_lossy(&output.stdout).trim().to_string()
    }

    fn extra_compiles(&self) -> bool {
        self.cargo(&["build", "-p", "probe-extra"]).status.success()
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
}

fn write(path: &Path, content: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, content).unwrap();
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn schema_changes_regenerate_and_unrelated_edits_do_not() {
    let ws = Workspace::new();
    ws.build();
    assert_eq!(ws.probe(), "unknown fields: 1", "`output` is not in the first doc");
    assert!(!ws.extra_compiles(), "`DemoExtra` does not exist yet");

    ws.edit("schemas/demo/demousage.md", Some(DEMO_V2));
    assert!(ws.build(), "editing a doc regenerates");
    assert_eq!(ws.probe(), "unknown fields: 0", "the edited doc's new field is generated");

    ws.edit("schemas/demo/demoextra.md", Some(EXTRA));
    assert!(ws.build(), "adding a doc regenerates");
    assert!(ws.extra_compiles(), "the added doc's type exists");

    ws.edit("schemas/demo/demoextra.md", None);
    assert!(ws.build(), "deleting a doc regenerates");
    assert!(!ws.extra_compiles(), "the deleted doc's type is gone");

    ws.edit("probe/src/main.rs", Some("fn main() {\n    println!(\"unrelated\");\n}\n"));
    assert!(!ws.build(), "an edit outside schemas/ does not regenerate");
    ws.edit("README.md", Some("unrelated\n"));
    assert!(!ws.build(), "a new file outside schemas/ does not regenerate");
}
