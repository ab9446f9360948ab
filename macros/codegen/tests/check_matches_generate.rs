//! `check` takes shortcuts that `generate` cannot (it makes no identifiers, and drops the
//! documentation as soon as a file is parsed); what it reports must still be exactly what
//! `generate`, and so the macro, reports. Every folder of bad inputs under `tests/ui/schemas`
//! and the test schemas are compared, with and without `roots`.

use std::path::{Path, PathBuf};

use llm_usage_codegen::{check, load_and_name, Input};

fn folders() -> Vec<PathBuf> {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut folders = Vec::new();
    for parent in ["tests/ui/schemas", "tests/schemas", "schemas"] {
        let Ok(entries) = std::fs::read_dir(workspace.join(parent)) else { continue };
        folders.extend(entries.flatten().map(|entry| entry.path()).filter(|path| path.is_dir()));
    }
    folders.sort();
    folders
}

#[test]
fn check_reports_what_generate_reports() {
    let folders = folders();
    assert!(folders.len() > 20, "expected the ui and test schema folders, found {folders:?}");
    for folder in folders {
        let plain = Input::new(&folder);
        let rooted = Input { roots: Some(vec!["Usage".into(), "nope::Missing".into()]), ..Input::new(&folder) };
        for input in [plain, rooted] {
            let checked = check(&input);
            let (loaded, _) = load_and_name(&input);
            assert_eq!(checked.diagnostics, loaded.diagnostics, "{}", folder.display());
            assert_eq!((checked.files, checked.types), (loaded.files.len(), loaded.schema.types.len()));
        }
    }
}
