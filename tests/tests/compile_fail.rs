//! Bad schema files are compile errors that name `file:line:col` (expected output in
//! `ui/*.stderr`; regenerate with `TRYBUILD=overwrite` after reviewing a change).

use std::path::Path;

#[test]
fn bad_schemas_are_compile_errors() {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/schemas");
    make_fixtures(&ui);
    // trybuild compiles each case in a scratch crate; the macro resolves schema paths against
    // this crate instead, where `ui/schemas/` lives.
    std::env::set_var("LLM_USAGE_MANIFEST_DIR", env!("CARGO_MANIFEST_DIR"));
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/*.rs");
}

/// The fixtures git should not carry: symbolic links (not every checkout keeps them) and a file
/// over the size limit (4 MiB of nothing). Each fixture folder's `.gitignore` names them.
fn make_fixtures(ui: &Path) {
    #[cfg(unix)]
    {
        relink(&ui.join("symlink_file/hostname.md"), Path::new("/etc/hostname"));
        relink(&ui.join("symlink_dir/etc"), Path::new("/etc"));
        relink(&ui.join("symlink_loop/again"), Path::new("."));
    }
    let big = ui.join("too_large/big.md");
    let len = llm_usage_codegen::read::MAX_FILE_BYTES + 1;
    if std::fs::metadata(&big).map(|m| m.len()).ok() != Some(len) {
        let mut text = b"# Big\n\n".to_vec();
        text.resize(len as usize, b' ');
        std::fs::write(&big, text).expect("write the oversized fixture");
    }
}

#[cfg(unix)]
fn relink(link: &Path, target: &Path) {
    if std::fs::read_link(link).is_ok_and(|t| t == target) {
        return;
    }
    let _ = std::fs::remove_file(link);
    std::os::unix::fs::symlink(target, link).expect("create a symbolic link fixture");
}
