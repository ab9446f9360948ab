//! One list of test schema folders for both halves of the review: every folder under
//! `schemas/` becomes a module of this crate's library (so its generated code is compiled)
//! and a snapshot in `tests/snapshots.rs` (which reads the same folder list), so no fixture
//! can be snapshotted without being compiled, or the reverse.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=schemas");
    let mut folders: Vec<String> = fs::read_dir("schemas")
        .expect("tests/schemas exists")
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    folders.sort();
    let mut out = String::new();
    for folder in &folders {
        // The folder's `llm-usage.toml` (roots, overrides) and every file in it are tracked
        // by the macro; new files need this script to rerun.
        println!("cargo:rerun-if-changed=schemas/{folder}");
        writeln!(out, "/// Types generated from `tests/schemas/{folder}`.").unwrap();
        writeln!(out, "pub mod {folder} {{").unwrap();
        writeln!(out, "    llm_usage::include_schemas!(\"schemas/{folder}\");").unwrap();
        writeln!(out, "}}").unwrap();
    }
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    fs::write(Path::new(&out_dir).join("schemas.rs"), out).expect("write the module list");

    // The workspace's `schemas/` written the plain serde way, for `benches/payloads.rs`.
    println!("cargo:rerun-if-changed=../schemas");
    let plain = llm_usage_codegen::generate_plain_derive(&llm_usage_codegen::Input::new("../schemas"))
        .unwrap_or_else(|diagnostics| panic!("{}", diagnostics[0]));
    fs::write(Path::new(&out_dir).join("plain.rs"), plain.to_string()).expect("write the baseline");
    let flattened =
        llm_usage_codegen::generate_plain_derive_keeping_unknowns(&llm_usage_codegen::Input::new("../schemas"))
            .unwrap_or_else(|diagnostics| panic!("{}", diagnostics[0]));
    fs::write(Path::new(&out_dir).join("plain_flatten.rs"), flattened.to_string()).expect("write the baseline");
}
