//! `llm-usage fit`, run as a user runs it: its exit status (0 fits, 1 overrides needed, 2
//! errors) and what `--write` leaves in `llm-usage.toml`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A folder under the system's temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("llm-usage-fit-cli-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn write(&self, name: &str, text: &str) {
        let path = self.0.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.0.join(name)).unwrap_or_default()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs `llm-usage` in `dir`, so that paths (and the output) are relative to it.
fn llm_usage(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_llm-usage")).current_dir(dir).args(args).output().expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

const SCHEMA: &str = "
export interface Usage {
  input_tokens: number;
  cache_creation: CacheCreation | null;
  service_tier?: string;
}
export interface CacheCreation { ephemeral_5m_input_tokens: number }
";

fn folder(payloads: &[(&str, &str)]) -> TempDir {
    let dir = TempDir::new();
    dir.write("schema/usage.ts", SCHEMA);
    for (name, text) in payloads {
        dir.write(&format!("payloads/{name}"), text);
    }
    dir
}

const FIT: &[&str] = &["fit", "schema", "--root", "Usage", "--payloads", "payloads"];

#[test]
fn exit_0_when_every_payload_fits() {
    let dir = folder(&[
        ("a.json", r#"{"input_tokens": 1, "cache_creation": null}"#),
        ("nested/b.json", r#"{"input_tokens": 2, "cache_creation": {"ephemeral_5m_input_tokens": 0}, "new": 1}"#),
    ]);
    let output = llm_usage(&dir.0, FIT);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(stdout(&output), "2 payloads of `Usage`: every one reads and writes back as it is\n");
    // `--write` with nothing to write leaves no file.
    let output = llm_usage(&dir.0, &[FIT, &["--write"]].concat());
    assert_eq!(output.status.code(), Some(0));
    assert!(!dir.0.join("schema/llm-usage.toml").exists());
}

#[test]
fn exit_1_when_overrides_are_needed_and_write_makes_it_fit() {
    let dir = folder(&[
        ("a.json", r#"{"input_tokens": 1}"#),
        ("b.json", r#"{"input_tokens": 1, "cache_creation": null, "service_tier": null}"#),
    ]);
    let output = llm_usage(&dir.0, FIT);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    assert_eq!(
        stdout(&output),
        "\
payloads/a.json:/cache_creation: missing, but `Usage.cache_creation` is required-nullable: reading fails (missing field `cache_creation`) [schema: schema/usage.ts:4:3]
payloads/b.json:/service_tier: `null`, but `Usage.service_tier` is optional: it reads as absent and is written back without the key (not lossless) [schema: schema/usage.ts:5:3]
2 payloads of `Usage`: 0 read and write back as they are, 2 do not (2 disagreements, 0 that no override can fix)

# llm-usage.toml: the smallest set of overrides that fits every payload
[types.Usage.fields.cache_creation]
presence = \"optional-nullable\" # was required-nullable; absent in 1 of 2, null in 1 of 2

[types.Usage.fields.service_tier]
presence = \"optional-nullable\" # was optional; absent in 1 of 2, null in 1 of 2
"
    );
    // Printing writes nothing.
    assert!(!dir.0.join("schema/llm-usage.toml").exists());

    dir.write("schema/llm-usage.toml", "# hand-written\n[types.Usage]\nrename = \"AnthropicUsage\"\n");
    let output = llm_usage(&dir.0, &[FIT, &["--write"]].concat());
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    assert!(
        stdout(&output).ends_with(
            "\nwrote 2 overrides to schema/llm-usage.toml\nchecked again: every payload reads and writes back as it is\n"
        ),
        "{}",
        stdout(&output)
    );
    assert_eq!(
        dir.read("schema/llm-usage.toml"),
        "\
# hand-written
[types.Usage]
rename = \"AnthropicUsage\"

[types.Usage.fields.cache_creation]
presence = \"optional-nullable\" # was required-nullable; absent in 1 of 2, null in 1 of 2

[types.Usage.fields.service_tier]
presence = \"optional-nullable\" # was optional; absent in 1 of 2, null in 1 of 2
"
    );
    let output = llm_usage(&dir.0, FIT);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let check = llm_usage(&dir.0, &["check", "schema"]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
}

#[test]
fn exit_2_when_no_override_can_fix_a_disagreement() {
    let dir =
        folder(&[("a.json", r#"{"input_tokens": "1", "cache_creation": null}"#), ("b.json", r#"{"input_tokens": 1}"#)]);
    let output = llm_usage(&dir.0, FIT);
    assert_eq!(output.status.code(), Some(2), "{}", stdout(&output));
    assert!(stdout(&output).starts_with("payloads/a.json:/input_tokens: the string `\"1\"`, but `Usage.input_tokens` reads a number (f64): reading fails [schema: schema/usage.ts:3:3] [no override can fix this]\n"), "{}", stdout(&output));
    // The overrides that help are still written; what no override fixes stays, and so does 2.
    let output = llm_usage(&dir.0, &[FIT, &["--write"]].concat());
    assert_eq!(output.status.code(), Some(2), "{}", stdout(&output));
    assert!(
        stdout(&output).ends_with("checked again: 1 disagreement remains that no override can fix\n"),
        "{}",
        stdout(&output)
    );
    assert!(dir
        .read("schema/llm-usage.toml")
        .contains("[types.Usage.fields.cache_creation]\npresence = \"optional-nullable\""));
}

#[test]
fn exit_2_on_payloads_that_are_not_json_or_absent() {
    let dir = folder(&[
        ("a.json", r#"{"input_tokens": 1, "cache_creation": null}"#),
        ("b.json", "{\"input_tokens\": 1,\n  oops}"),
    ]);
    let output = llm_usage(&dir.0, FIT);
    assert_eq!(output.status.code(), Some(2), "{}", stdout(&output));
    assert!(
        stdout(&output).starts_with("payloads/b.json:2:3: not valid JSON: key must be a string\n"),
        "{}",
        stdout(&output)
    );
    // The payloads that are JSON are still fitted.
    assert!(stdout(&output).contains("1 payload of `Usage`: it reads and writes back as it is"), "{}", stdout(&output));

    let empty = folder(&[]);
    std::fs::create_dir_all(empty.0.join("payloads")).unwrap();
    let output = llm_usage(&empty.0, FIT);
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout(&output).starts_with("payloads:1:1: no payloads: no `*.json` file here"), "{}", stdout(&output));
}

#[test]
fn exit_2_on_schema_diagnostics_printed_as_check_prints_them() {
    let dir = folder(&[("a.json", "{}")]);
    let output = llm_usage(&dir.0, &["fit", "schema", "--root", "Nope", "--payloads", "payloads"]);
    assert_eq!(output.status.code(), Some(2), "{}", stdout(&output));
    assert!(
        stdout(&output).starts_with("schema:1:1: roots entry `Nope` names no type in the schema folder\n"),
        "{}",
        stdout(&output)
    );
    dir.write("schema/llm-usage.toml", "[types.Usage.fields.nope]\npresence = \"optional\"\n");
    let output = llm_usage(&dir.0, FIT);
    assert_eq!(output.status.code(), Some(2), "{}", stdout(&output));
    assert!(
        stdout(&output).starts_with("schema/llm-usage.toml:1:21: `Usage` has no field `nope`\n"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn exit_2_when_written_overrides_are_overridden_nearer_the_type() {
    let dir = TempDir::new();
    dir.write("schema/sub/usage.ts", SCHEMA);
    // A subfolder's file applies after the root's: it wins over what `--write` adds at the root.
    dir.write("schema/sub/llm-usage.toml", "[types.Usage.fields.cache_creation]\npresence = \"required-nullable\"\n");
    dir.write("payloads/a.json", r#"{"input_tokens": 1}"#);
    let args = ["fit", "schema", "--root", "sub::Usage", "--payloads", "payloads"];
    let output = llm_usage(&dir.0, &args);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    assert!(stdout(&output).contains("[types.\"sub.Usage\".fields.cache_creation]\n"), "{}", stdout(&output));
    let output = llm_usage(&dir.0, &[&args[..], &["--write"]].concat());
    assert_eq!(output.status.code(), Some(2), "{}", stdout(&output));
    assert!(stdout(&output).contains("\nthe written overrides do not take effect: does an `llm-usage.toml` in a subfolder set these fields too?\n"), "{}", stdout(&output));
}

#[test]
fn write_checks_again_until_a_union_that_reads_another_variant_fits() {
    let dir = TempDir::new();
    dir.write(
        "schema/holder.ts",
        "export interface Holder { direct: A; u: U }
export type U = A | B;
export interface A { a: number; x: string; c?: string }
export interface B { b: number }
",
    );
    dir.write("payloads/a.json", r#"{"direct": {"a": 1}, "u": {"a": 1, "b": 2, "c": null}}"#);
    let args = ["fit", "schema", "--root", "Holder", "--payloads", "payloads", "--write"];
    let output = llm_usage(&dir.0, &args);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    // `A.x` made optional, `A` reads `u` before `B` does, and its `c: null` needs a second round.
    assert!(
        stdout(&output).ends_with(
            "\nwrote 1 override to schema/llm-usage.toml\n\nwrote 1 override to schema/llm-usage.toml\nchecked again: every payload reads and writes back as it is\n"
        ),
        "{}",
        stdout(&output)
    );
    assert_eq!(
        dir.read("schema/llm-usage.toml"),
        "[types.A.fields.x]\npresence = \"optional\" # was required; absent in 1 of 1\n\n[types.A.fields.c]\npresence = \"optional-nullable\" # was optional; absent in 1 of 2, null in 1 of 2\n"
    );
}
