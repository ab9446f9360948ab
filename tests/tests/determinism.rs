//! The output depends only on the files' paths and contents: two copies of one schema folder,
//! written in opposite orders under different names, generate byte-identical code and
//! identical diagnostics. Where `/dev/shm` exists (a tmpfs, which lists a folder newest
//! first) the copies are made there, so that their directory listings come in opposite
//! orders too; elsewhere in the system temp folder. The folder is large enough for the engine
//! to parse on several threads where the machine has them.

use std::fs;
use std::path::{Path, PathBuf};

use llm_usage_codegen::{generate, load, Input};

/// Relative path and content of every file of the test folder.
fn files() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    // The workspace's own schemas: real vendor docs, Speakeasy markdown, TypeScript, TypeDoc.
    let schemas = Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas");
    collect(&schemas, "", &mut out);
    assert!(out.len() >= 5, "the workspace schemas are missing: {out:?}");
    // Enough generated docs that reading and parsing is split across threads (256 files
    // per thread), with links between them and from one folder to the next.
    for i in 0..600 {
        let dir = format!("gen{}", i % 3);
        let next = (i + 1) % 600;
        let link = if next % 3 == i % 3 {
            format!("[Optional[models.Gen{next}]](../models/gen{next}.md)")
        } else {
            "*Optional[int]*".to_string()
        };
        let text = format!(
            "# Gen{i}\n\nGenerated doc {i}.\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n\
             | `count_{i}` | *Optional[float]* | :heavy_minus_sign: | Count {i}. |\n\
             | `next` | {link} | :heavy_minus_sign: | N/A |\n\
             | `tier` | [Optional[models.Tier]](../models/tier.md) | :heavy_minus_sign: | N/A |"
        );
        out.push((format!("{dir}/gen{i}.md"), text.into_bytes()));
    }
    for dir in ["gen0", "gen1", "gen2"] {
        let tier = "# Tier\n\n## Values\n\n- `\"standard\"`\n- `\"5m\"`\n- `\"-created\"`\n- `\"created\"`\n";
        out.push((format!("{dir}/tier.md"), tier.as_bytes().to_vec()));
    }
    out.sort();
    out
}

fn collect(dir: &Path, rel: &str, out: &mut Vec<(String, Vec<u8>)>) {
    for entry in fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        let rel = if rel.is_empty() { name } else { format!("{rel}/{name}") };
        if entry.file_type().unwrap().is_dir() {
            collect(&entry.path(), &rel, out);
        } else {
            out.push((rel, fs::read(entry.path()).unwrap()));
        }
    }
}

/// Writes `files` under a fresh `root` in the given order, creating each folder just before
/// its first file.
fn write_copy(root: &Path, files: &[&(String, Vec<u8>)]) {
    let _ = fs::remove_dir_all(root);
    for (rel, content) in files {
        let path = root.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, content).unwrap();
    }
}

struct Copy(PathBuf);

impl Drop for Copy {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Two copies of `files`: one written in order, the other in reverse order.
fn two_copies(name: &str, files: &[(String, Vec<u8>)]) -> (Copy, Copy) {
    let pid = std::process::id();
    let shm = Path::new("/dev/shm");
    let base = if shm.is_dir() && fs::create_dir_all(shm.join(format!("llm-usage-probe-{pid}"))).is_ok() {
        let _ = fs::remove_dir(shm.join(format!("llm-usage-probe-{pid}")));
        shm.to_path_buf()
    } else {
        std::env::temp_dir()
    };
    let first = Copy(base.join(format!("llm-usage-determinism-{name}-a-{pid}")));
    let second = Copy(base.join(format!("llm-usage-determinism-{name}-z-{pid}")));
    let forward: Vec<_> = files.iter().collect();
    let backward: Vec<_> = files.iter().rev().collect();
    write_copy(&first.0, &forward);
    write_copy(&second.0, &backward);
    let listing = |root: &Path| -> Vec<String> {
        fs::read_dir(root.join("gen0"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect()
    };
    if listing(&first.0) == listing(&second.0) {
        eprintln!("note: both copies list their files in the same order here; only creation order differs");
    }
    (first, second)
}

fn formatted(path: &Path) -> (String, String) {
    let input = Input::new(path);
    let tokens =
        generate(&input).unwrap_or_else(|d| panic!("{}", d.iter().map(|d| format!("{d}\n")).collect::<String>()));
    let raw = tokens.to_string();
    (prettyplease::unparse(&syn::parse2(tokens).expect("generated code parses")), raw)
}

#[test]
fn copies_written_in_different_orders_generate_identical_code() {
    let files = files();
    let (first, second) = two_copies("ok", &files);
    let (a, a_raw) = formatted(&first.0);
    let (b, b_raw) = formatted(&second.0);
    assert!(a.contains("pub struct Gen599") && a.contains("pub mod orq"), "unexpected output");
    assert!(a_raw == b_raw, "token streams differ");
    if a != b {
        let line = a.lines().zip(b.lines()).position(|(x, y)| x != y).unwrap_or(0);
        panic!(
            "formatted output differs from line {}:\n{}\n---\n{}",
            line + 1,
            a.lines().nth(line).unwrap_or(""),
            b.lines().nth(line).unwrap_or("")
        );
    }
    // And the same folder twice.
    assert!(formatted(&first.0).1 == a_raw, "two runs on one folder differ");
}

#[test]
fn copies_written_in_different_orders_report_identical_diagnostics() {
    let mut files = files();
    // Errors in several files and folders, of every stage: read, parse, resolve.
    files.push(("gen1/broken.md".into(), b"# Broken\n\n## Fields\n\n| Field | Type |\n| `a` |\n".to_vec()));
    files.push(("gen2/empty.md".into(), Vec::new()));
    files.push(("gen0/latin1.md".into(), b"# Caf\xe9\n".to_vec()));
    files.push(("orq/dangling.md".into(), b"# Dangling\n\n## Supported Types\n\n### `models.Nowhere`\n\n```python\nvalue: models.Nowhere = /* values here */\n```\n".to_vec()));
    files.push(("gen2/tier2.md".into(), b"# Tier\n\n## Values\n\n- `\"a\"`\n".to_vec()));
    files.sort();
    let (first, second) = two_copies("errors", &files);
    // Named alike in messages, so that only the folders' contents can differ.
    let run = |path: &Path| {
        let input = Input { path: path.to_path_buf(), display: "schemas".into(), roots: None };
        let loaded = load(&input);
        let diags = generate(&input).expect_err("the folder has errors");
        assert_eq!(loaded.diagnostics, diags);
        (loaded.files, diags.iter().map(ToString::to_string).collect::<Vec<_>>())
    };
    let (files_a, a) = run(&first.0);
    let (files_b, b) = run(&second.0);
    assert!(a.len() >= 5, "{a:#?}");
    assert_eq!(files_a, files_b);
    assert_eq!(a, b);
}
