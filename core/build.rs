//! Watches the workspace's `schemas/` folder, which `src/lib.rs` expands with
//! `include_schemas!`. A proc macro cannot tell cargo about files that do not exist yet, so
//! without this script a new or deleted doc would not regenerate anything.

use std::fs;
use std::path::Path;

fn main() {
    let schemas = Path::new("../schemas");
    println!("cargo:rerun-if-changed=build.rs");
    // A folder makes cargo rescan everything below it on each build.
    println!("cargo:rerun-if-changed={}", schemas.display());
    let mut listing = Vec::new();
    list(schemas, &mut listing);
    listing.sort();
    // Changes whenever a file is added, removed or resized, so the library is rebuilt.
    println!("cargo:rustc-env=LLM_USAGE_SCHEMAS_STAMP={:016x}", fnv1a(listing.join("\n").as_bytes()));
}

fn list(dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            list(&path, out);
        } else {
            let len = entry.metadata().map(|m| m.len()).unwrap_or(0);
            out.push(format!("{} {len}", path.display()));
        }
    }
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}
