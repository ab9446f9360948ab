//! `llm-usage import`, run as a user runs it: the closure copied byte for byte, the record in
//! `llm-usage.toml`, the diff printed before an update, `--dry-run`, `--check`, and the refusal
//! to overwrite files it did not import. Exit status 0 done / up to date, 1 `--check` behind,
//! 2 errors.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;

use llm_usage_codegen::config;
use llm_usage_codegen::Diagnostics;

/// Runs `llm-usage import ARGS` in `dir`.
fn import(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_llm-usage"))
        .arg("import")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A fresh scratch folder for one test.
fn scratch(case: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("import").join(case);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// The real orq update of 2025-12-15 (`before/`, `after/`), copied into `dir/vendor/`.
fn vendor_update(dir: &Path) {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../macros/codegen/tests/diff/orq-python-2025-12-15");
    for side in ["before", "after"] {
        copy_dir(&fixture.join(side), &dir.join("vendor").join(side));
    }
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &to.join(entry.file_name()));
        } else {
            fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

/// Every file under `dir` and its bytes, by `/`-separated relative path.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(dir: &Path, prefix: &str, out: &mut BTreeMap<String, Vec<u8>>) {
        let Ok(entries) = fs::read_dir(dir) else { return };
        for entry in entries {
            let entry = entry.unwrap();
            let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
            if entry.file_type().unwrap().is_dir() {
                walk(&entry.path(), &format!("{name}/"), out);
            } else {
                out.insert(name, fs::read(entry.path()).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, "", &mut out);
    out
}

/// `[import]` of `dir/llm-usage.toml`, as the engine reads it: from, roots, files.
fn record(dir: &Path) -> (String, Vec<String>, Vec<String>) {
    let text = fs::read_to_string(dir.join("llm-usage.toml")).unwrap();
    let mut diags = Diagnostics::new();
    let config = config::parse(&text, "", &Arc::from("llm-usage.toml"), &mut diags);
    assert!(diags.is_empty(), "{:?}", diags.into_sorted());
    let import = config.import.expect("an [import] table");
    let values = |list: &[config::Spanned<String>]| list.iter().map(|s| s.value.clone()).collect::<Vec<_>>();
    (import.from.unwrap().value, values(&import.roots), values(&import.files))
}

const INVOKE_FILES: [&str; 3] = [
    "deploymentinvokecompletiontokensdetails.md",
    "deploymentinvokeprompttokensdetails.md",
    "deploymentinvokeusage.md",
];

#[test]
fn importing_deployment_invoke_usage_from_the_corpus_gives_the_three_docs_of_schemas_orq() {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let models = workspace.join("../shared/corpus/speakeasy/orq-python/docs/models");
    if !models.is_dir() {
        eprintln!("skipped: {} is absent (the shared corpus is not beside this checkout)", models.display());
        return;
    }
    let models = models.canonicalize().unwrap();
    let dir = scratch("corpus");
    let output =
        import(&dir, &["--from", models.to_str().unwrap(), "--root", "DeploymentInvokeUsage", "--into", "orq"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));

    let imported = snapshot(&dir.join("orq"));
    let expected = snapshot(&workspace.join("schemas/orq"));
    let docs: Vec<&str> = imported.keys().map(String::as_str).filter(|f| *f != "llm-usage.toml").collect();
    assert_eq!(docs, INVOKE_FILES, "exactly the closure, plus the record");
    assert!(imported.contains_key("llm-usage.toml"));
    for file in INVOKE_FILES {
        assert!(imported[file] == expected[file], "{file} is byte-identical to schemas/orq/{file}");
    }
    let (from, roots, files) = record(&dir.join("orq"));
    assert_eq!(from, models.display().to_string(), "an absolute --from is recorded as given");
    assert_eq!(roots, ["DeploymentInvokeUsage"]);
    assert_eq!(files, INVOKE_FILES);

    // Nothing to do on a second run, which reads the vendor folder and roots from the record.
    let output = import(&dir, &["--into", "orq", "--check"]);
    assert_eq!(output.status.code(), Some(0), "{}{}", stdout(&output), stderr(&output));
}

#[test]
fn reimporting_after_the_vendor_update_prints_the_diff_then_updates_the_files_and_the_record() {
    let dir = scratch("update");
    vendor_update(&dir);
    let first = import(&dir, &["--from", "vendor/before", "--root", "DeploymentInvokeUsage", "--into", "schemas/orq"]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert_eq!(
        stdout(&first),
        "DeploymentInvokeUsage: compatible
  schemas/orq/deploymentinvokeusage.md:1:1: type-added: struct [compatible]
1 change in 1 type: 0 types break the wire, 0 the API; 0 changes are docs only
add     schemas/orq/deploymentinvokeusage.md
create  schemas/orq/llm-usage.toml ([import])
imported 1 file from vendor/before into schemas/orq: 1 added, 0 updated, 0 removed, 0 unchanged
"
    );
    let orq = dir.join("schemas/orq");
    assert_eq!(
        record(&orq),
        ("../../vendor/before".to_owned(), vec!["DeploymentInvokeUsage".to_owned()], vec![INVOKE_FILES[2].to_owned()]),
        "a relative --from is recorded relative to the schema folder"
    );
    let before = snapshot(&orq);

    // `--check` against the newer tree: behind, exit 1, nothing written.
    let check = import(&dir, &["--from", "vendor/after", "--into", "schemas/orq", "--check"]);
    assert_eq!(check.status.code(), Some(1), "{}", stderr(&check));
    let report = stdout(&check);
    assert!(
        report.ends_with("schemas/orq is behind vendor/after: 2 to add, 1 to update, 0 to remove, 0 unchanged; `llm-usage import --into schemas/orq` imports them\n"),
        "{report}"
    );
    assert_eq!(snapshot(&orq), before, "--check writes nothing");

    // `--dry-run` prints the same report and writes nothing.
    let dry = import(&dir, &["--from", "vendor/after", "--into", "schemas/orq", "--dry-run"]);
    assert_eq!(dry.status.code(), Some(0), "{}", stderr(&dry));
    assert!(stdout(&dry).ends_with("dry run, nothing written: 2 to add, 1 to update, 0 to remove, 0 unchanged\n"));
    assert_eq!(snapshot(&orq), before, "--dry-run writes nothing");

    // The update: the diff of the closure first, then the files.
    let update = import(&dir, &["--from", "vendor/after", "--into", "schemas/orq"]);
    assert_eq!(update.status.code(), Some(0), "{}", stderr(&update));
    let report = stdout(&update);
    let diff_end = report.find("9 changes in 3 types").expect("the diff's summary");
    let (diff, files) = report.split_at(diff_end);
    assert!(diff.starts_with("DeploymentInvokeUsage: breaking (wire, api)\n"), "{report}");
    for line in [
        "  schemas/orq/deploymentinvokeusage.md:10:3: field-removed `input_tokens`: was required float [wire: breaking, api: breaking]",
        "  schemas/orq/deploymentinvokeusage.md:11:3: field-removed `output_tokens`: was required float [wire: breaking, api: breaking]",
        "  schemas/orq/deploymentinvokeusage.md:10:3: presence-changed `total_tokens`: required float → optional float [wire: breaking, api: breaking]",
        "DeploymentInvokeCompletionTokensDetails: compatible\n  schemas/orq/deploymentinvokecompletiontokensdetails.md:1:1: type-added: struct [compatible]",
        "DeploymentInvokePromptTokensDetails: compatible\n  schemas/orq/deploymentinvokeprompttokensdetails.md:1:1: type-added: struct [compatible]",
    ] {
        assert!(diff.contains(line), "missing {line:?} in\n{report}");
    }
    assert_eq!(
        files,
        "9 changes in 3 types: 1 type breaks the wire, 1 the API; 0 changes are docs only
add     schemas/orq/deploymentinvokecompletiontokensdetails.md
add     schemas/orq/deploymentinvokeprompttokensdetails.md
update  schemas/orq/deploymentinvokeusage.md
update  schemas/orq/llm-usage.toml ([import])
imported 3 files from vendor/after into schemas/orq: 2 added, 1 updated, 0 removed, 0 unchanged
"
    );
    let after = snapshot(&dir.join("vendor/after"));
    let now = snapshot(&orq);
    for file in INVOKE_FILES {
        assert!(now[file] == after[file], "{file} is the vendor's, byte for byte");
    }
    assert_eq!(now.len(), 4, "the closure and the record: {:?}", now.keys().collect::<Vec<_>>());
    let (from, roots, files) = record(&orq);
    assert_eq!(
        (from.as_str(), roots.as_slice()),
        ("../../vendor/after", ["DeploymentInvokeUsage".to_owned()].as_slice())
    );
    assert_eq!(files, INVOKE_FILES);

    // Up to date now: `--check` exits 0, with the recorded vendor folder and roots.
    let check = import(&dir, &["--into", "schemas/orq", "--check"]);
    assert_eq!(check.status.code(), Some(0), "{}{}", stdout(&check), stderr(&check));
    assert_eq!(stdout(&check), "no changes\nschemas/orq is up to date with vendor/after: 3 files, nothing to import\n");
}

#[test]
fn a_file_it_did_not_import_is_never_overwritten() {
    let dir = scratch("refuse");
    vendor_update(&dir);
    let mine = "# DeploymentInvokeUsage\n\nMy own copy.\n";
    fs::create_dir_all(dir.join("schemas/orq")).unwrap();
    fs::write(dir.join("schemas/orq/deploymentinvokeusage.md"), mine).unwrap();
    let output = import(&dir, &["--from", "vendor/after", "--root", "DeploymentInvokeUsage", "--into", "schemas/orq"]);
    assert_eq!(output.status.code(), Some(2), "{}", stdout(&output));
    let err = stderr(&output);
    assert!(
        err.starts_with("schemas/orq/deploymentinvokeusage.md:1:1: a file that `llm-usage import` did not write is in the way; it is not overwritten\n"),
        "{err}"
    );
    assert!(err.ends_with("error: nothing imported\n"), "{err}");
    assert_eq!(fs::read_to_string(dir.join("schemas/orq/deploymentinvokeusage.md")).unwrap(), mine);
    assert_eq!(snapshot(&dir.join("schemas/orq")).len(), 1, "nothing written, not even the other files or the record");

    // After an import, a file added by hand where the next update needs to write is refused too,
    // and the update writes none of its files.
    let dir = scratch("refuse-later");
    vendor_update(&dir);
    let first = import(&dir, &["--from", "vendor/before", "--root", "DeploymentInvokeUsage", "--into", "orq"]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    fs::write(dir.join("orq/deploymentinvokeprompttokensdetails.md"), mine).unwrap();
    let before = snapshot(&dir.join("orq"));
    let update = import(&dir, &["--from", "vendor/after", "--into", "orq"]);
    assert_eq!(update.status.code(), Some(2), "{}", stdout(&update));
    assert!(stderr(&update).starts_with("orq/deploymentinvokeprompttokensdetails.md:1:1: "), "{}", stderr(&update));
    assert_eq!(snapshot(&dir.join("orq")), before);
}

#[test]
fn files_no_longer_needed_are_removed_and_the_users_own_docs_and_settings_stay() {
    let dir = scratch("remove");
    vendor_update(&dir);
    let first = import(&dir, &["--from", "vendor/after", "--root", "DeploymentInvokeUsage", "--into", "orq"]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    // The user's own doc beside the imported ones, and their settings in the record's file.
    let own = "# MyUsage\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `n` | *int* | :heavy_check_mark: | N/A |\n";
    fs::write(dir.join("orq/myusage.md"), own).unwrap();
    let record_file = dir.join("orq/llm-usage.toml");
    let settings = "# Counts are integers.\n[numbers]\n\"*_tokens\" = \"u64\"\n\n";
    let text = fs::read_to_string(&record_file).unwrap();
    fs::write(&record_file, format!("{settings}{text}")).unwrap();

    // Back to the older docs: the detail docs are no longer needed.
    let output = import(&dir, &["--from", "vendor/before", "--into", "orq"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report = stdout(&output);
    assert!(report.contains("remove  orq/deploymentinvokecompletiontokensdetails.md\n"), "{report}");
    assert!(report.contains("remove  orq/deploymentinvokeprompttokensdetails.md\n"), "{report}");
    assert!(!report.contains("MyUsage"), "the user's doc does not change: {report}");
    let files: Vec<String> = snapshot(&dir.join("orq")).into_keys().collect();
    assert_eq!(files, ["deploymentinvokeusage.md", "llm-usage.toml", "myusage.md"]);
    assert_eq!(fs::read_to_string(dir.join("orq/myusage.md")).unwrap(), own);
    let text = fs::read_to_string(&record_file).unwrap();
    assert!(text.starts_with(settings), "the user's settings and comments stay first:\n{text}");
    assert_eq!(record(&dir.join("orq")).2, ["deploymentinvokeusage.md"]);
}

#[test]
fn a_stale_override_after_the_update_is_reported_but_does_not_stop_it() {
    let dir = scratch("stale");
    vendor_update(&dir);
    let first = import(&dir, &["--from", "vendor/before", "--root", "DeploymentInvokeUsage", "--into", "orq"]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let record_file = dir.join("orq/llm-usage.toml");
    let text = fs::read_to_string(&record_file).unwrap();
    fs::write(&record_file, format!("{text}\n[types.DeploymentInvokeUsage.fields.input_tokens]\ntype = \"u64\"\n"))
        .unwrap();
    let output = import(&dir, &["--from", "vendor/after", "--into", "orq"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(err.starts_with("warning: orq after the import has 1 problem, which the build will report"), "{err}");
    assert!(err.contains("orq/llm-usage.toml:"), "{err}");
    assert!(err.contains("`DeploymentInvokeUsage` has no field `input_tokens`"), "{err}");
    assert_eq!(record(&dir.join("orq")).2, INVOKE_FILES);
}

#[test]
fn whole_typescript_files_also_get_generation_roots() {
    let dir = scratch("typescript");
    let vendor = dir.join("sdk/src/resources");
    fs::create_dir_all(&vendor).unwrap();
    fs::write(
        vendor.join("messages.ts"),
        "export interface Usage {\n  input_tokens: number;\n  cache?: CacheUsage | null;\n}\nexport interface CacheUsage { read: number }\nexport interface Operation<T> { run: T }\nexport interface Message { usage: Usage; op: Operation<string> }\nexport function count(x: number): number { return x }\n",
    )
    .unwrap();
    fs::write(dir.join("sdk/src/other.ts"), "export interface Other { a: string }\n").unwrap();
    let output = import(&dir, &["--from", "sdk", "--root", "src::resources::Usage", "--into", "vendor-docs"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report = stdout(&output);
    assert!(report.contains("note: the copied files also declare 2 types the roots do not reach"), "{report}");
    let files: Vec<String> = snapshot(&dir.join("vendor-docs")).into_keys().collect();
    assert_eq!(files, ["llm-usage.toml", "src/resources/messages.ts"], "the file whole, in its place");
    let text = fs::read_to_string(dir.join("vendor-docs/llm-usage.toml")).unwrap();
    assert!(text.contains("\nroots = [\"src::resources::Usage\"]\n"), "{text}");

    // The folder generates the closure alone: `Operation<T>` is not needed.
    let check = Command::new(env!("CARGO_BIN_EXE_llm-usage"))
        .args(["check", "vendor-docs"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(stdout(&check), "2 files, 4 types, 0 diagnostics\n");

    // A root that needs what cannot be generated is an error in the vendor's file, exit 2.
    let output =
        import(&dir, &["--from", "sdk", "--root", "src::resources::Message", "--into", "vendor-docs", "--dry-run"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).starts_with("sdk/src/resources/messages.ts:7:46: generic type `Operation<string>` cannot be generated; `Message` needs it"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn errors_exit_2_and_name_the_place() {
    let dir = scratch("errors");
    vendor_update(&dir);
    let unknown = import(&dir, &["--from", "vendor/after", "--root", "NoSuchType", "--into", "orq"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        stderr(&unknown).starts_with("vendor/after:1:1: roots entry `NoSuchType` names no type in the schema folder"),
        "{}",
        stderr(&unknown)
    );
    assert!(!dir.join("orq").exists(), "nothing written");

    let nothing = import(&dir, &["--into", "orq"]);
    assert_eq!(nothing.status.code(), Some(2));
    let err = stderr(&nothing);
    assert!(err.contains("orq:1:1: no vendor folder to import from\n  note: give `--from VENDOR_DIR`; there is no `orq/llm-usage.toml` recording one (`[import] from`)\n"), "{err}");
    assert!(err.contains("orq:1:1: no types to import\n"), "{err}");

    // A recorded file outside the folder is refused: import would remove it otherwise.
    fs::create_dir_all(dir.join("orq")).unwrap();
    fs::write(
        dir.join("orq/llm-usage.toml"),
        "[import]\nfrom = \"../vendor/after\"\nroots = [\"DeploymentInvokeUsage\"]\nfiles = [\"../vendor/after/deploymentstreamusage.md\"]\n",
    )
    .unwrap();
    let outside = import(&dir, &["--into", "orq"]);
    assert_eq!(outside.status.code(), Some(2));
    assert!(
        stderr(&outside).starts_with("orq/llm-usage.toml:4:10: `[import] files` entry `../vendor/after/deploymentstreamusage.md` is not a path inside this folder"),
        "{}",
        stderr(&outside)
    );
    assert!(dir.join("vendor/after/deploymentstreamusage.md").exists());
}
