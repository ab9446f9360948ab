//! The generated code, reviewed as snapshot files (`tests/snapshots/`): one per folder of
//! `schemas/` (the list `build.rs` also turns into this crate's modules, so every snapshot is
//! proven to compile) and one per folder of the workspace's `schemas/` (compiled by
//! `llm_usage` itself).

use std::path::{Path, PathBuf};

use llm_usage_codegen::Input;

fn expand(folder: &Path) -> String {
    let tokens = llm_usage_codegen::generate(&Input::new(folder)).unwrap_or_else(|diagnostics| {
        panic!("{}", diagnostics.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))
    });
    prettyplease::unparse(&syn::parse2(tokens).expect("generated code parses"))
}

fn folders(parent: &Path) -> Vec<PathBuf> {
    let mut folders: Vec<PathBuf> =
        std::fs::read_dir(parent).unwrap().flatten().map(|e| e.path()).filter(|p| p.is_dir()).collect();
    folders.sort();
    folders
}

fn snapshot_each(parent: &str, prefix: &str) -> usize {
    let parent = Path::new(env!("CARGO_MANIFEST_DIR")).join(parent);
    let folders = folders(&parent);
    for folder in &folders {
        let name = format!("{prefix}{}", folder.file_name().unwrap().to_string_lossy());
        insta::assert_snapshot!(name, expand(folder));
    }
    folders.len()
}

#[test]
fn every_test_schema_folder() {
    assert!(snapshot_each("schemas", "") >= 10);
}

#[test]
fn every_bundled_schema_folder() {
    assert!(snapshot_each("../schemas", "bundled_") >= 2);
}
