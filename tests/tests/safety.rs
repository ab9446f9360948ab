//! The engine stays inside the schema folder it is given and changes nothing on disk:
//! symbolic links out of the folder (to a file or to a folder) are refused with a diagnostic,
//! links inside it are followed, links and roots that leave the folder are refused, and
//! generating leaves every file (listing, content, modification time) as it was.
//!
//! Each test works in its own folder under cargo's per-target scratch directory.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use llm_usage_codegen::{generate, load, Diagnostic, Input};

/// A fresh, empty scratch folder named after the test; removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("safety-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    /// Writes `text` at `rel`, creating folders as needed.
    fn write(&self, rel: &str, text: &str) -> PathBuf {
        let path = self.0.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, text).unwrap();
        path
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.0.join(rel)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// A valid Python-flavour object doc for a type called `name`.
fn object_doc(name: &str, row: &str) -> String {
    format!("# {name}\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n{row}")
}

fn usage_doc() -> String {
    object_doc("Usage", "| `total_tokens` | *Optional[float]* | :heavy_minus_sign: | N/A |")
}

fn input(path: &Path) -> Input {
    Input { path: path.to_path_buf(), display: "schemas".into(), roots: None }
}

fn rendered(diags: &[Diagnostic]) -> Vec<String> {
    diags.iter().map(ToString::to_string).collect()
}

fn type_names(path: &Path) -> Vec<String> {
    load(&input(path)).schema.types.iter().map(|t| t.name.clone()).collect()
}

/// The generated code for `path`, formatted.
fn pretty(path: &Path) -> String {
    let tokens = generate(&input(path)).unwrap_or_else(|d| panic!("{:#?}", rendered(&d)));
    prettyplease::unparse(&syn::parse2(tokens).expect("generated code parses"))
}

#[cfg(unix)]
mod links {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn a_symlinked_file_pointing_outside_is_refused() {
        let outside = Scratch::new("file-outside");
        let secret = outside.write("secret.md", &object_doc("Secret", "| `key` | *str* | :heavy_check_mark: | N/A |"));
        let dir = Scratch::new("file-link");
        dir.write("usage.md", &usage_doc());
        symlink(&secret, dir.path("secret.md")).unwrap();
        // Also one to a file that is not a schema doc at all.
        symlink("/etc/hostname", dir.path("hostname.md")).unwrap();

        let diags = generate(&input(&dir.0)).expect_err("links out of the folder are errors");
        let shown = rendered(&diags);
        assert_eq!(shown.len(), 2, "{shown:#?}");
        assert!(
            shown[0].starts_with("schemas/hostname.md:1:1: symbolic link to `/etc/hostname` leaves the schema folder"),
            "{shown:#?}"
        );
        assert!(
            shown[1].starts_with(&format!(
                "schemas/secret.md:1:1: symbolic link to `{}` leaves the schema folder",
                secret.display()
            )),
            "{shown:#?}"
        );
        assert!(diags.iter().all(|d| d.note.is_some()));
        // The target was not read: its type is nowhere in the model.
        assert_eq!(type_names(&dir.0), ["Usage"]);
    }

    #[test]
    fn a_symlinked_folder_pointing_outside_is_refused() {
        let outside = Scratch::new("dir-outside");
        outside.write("vendor/secret.md", &object_doc("Secret", "| `key` | *str* | :heavy_check_mark: | N/A |"));
        let dir = Scratch::new("dir-link");
        dir.write("usage.md", &usage_doc());
        symlink(outside.path("vendor"), dir.path("vendor")).unwrap();
        symlink("/etc", dir.path("etc")).unwrap();

        let diags = generate(&input(&dir.0)).expect_err("links out of the folder are errors");
        let shown = rendered(&diags);
        assert_eq!(shown.len(), 2, "{shown:#?}");
        assert!(
            shown[0].starts_with("schemas/etc:1:1: symbolic link to `/etc` leaves the schema folder"),
            "{shown:#?}"
        );
        assert!(shown[1].starts_with("schemas/vendor:1:1: symbolic link to "), "{shown:#?}");
        assert!(shown[1].contains("leaves the schema folder; it is not followed"), "{shown:#?}");
        assert_eq!(type_names(&dir.0), ["Usage"]);
    }

    #[test]
    fn a_symlink_to_an_enclosing_folder_is_refused_not_walked_forever() {
        let dir = Scratch::new("loop");
        dir.write("orq/usage.md", &usage_doc());
        symlink(".", dir.path("orq/again")).unwrap();
        symlink("..", dir.path("orq/up")).unwrap();
        let shown = rendered(&generate(&input(&dir.0)).expect_err("a loop is an error"));
        assert_eq!(shown.len(), 2, "{shown:#?}");
        assert!(
            shown[0].starts_with("schemas/orq/again:1:1: symbolic link to `.` points at a folder that contains it"),
            "{shown:#?}"
        );
        assert!(
            shown[1].starts_with("schemas/orq/up:1:1: symbolic link to `..` points at a folder that contains it"),
            "{shown:#?}"
        );
    }

    #[test]
    fn symlinks_pointing_inside_the_folder_are_followed() {
        let dir = Scratch::new("inside");
        // Dot folders are not schema folders, so the real files are found only through the links.
        dir.write(".store/usage.md", &usage_doc());
        dir.write(
            ".vendor/orq/details.md",
            &object_doc("Details", "| `cached` | *Optional[int]* | :heavy_minus_sign: | N/A |"),
        );
        symlink(".store/usage.md", dir.path("usage.md")).unwrap();
        symlink(".vendor/orq", dir.path("orq")).unwrap();

        let loaded = load(&input(&dir.0));
        assert!(loaded.diagnostics.is_empty(), "{:#?}", rendered(&loaded.diagnostics));
        assert_eq!(loaded.files, ["orq/details.md", "usage.md"]);
        let code = pretty(&dir.0);
        assert!(code.contains("pub struct Usage"), "{code}");
        assert!(code.contains("pub mod orq") && code.contains("pub struct Details"), "{code}");
    }

    #[test]
    fn a_dangling_symlink_is_reported() {
        let dir = Scratch::new("dangling");
        dir.write("usage.md", &usage_doc());
        symlink("gone.md", dir.path("details.md")).unwrap();
        let shown = rendered(&generate(&input(&dir.0)).expect_err("a dangling link is an error"));
        assert_eq!(shown.len(), 1, "{shown:#?}");
        assert!(
            shown[0].starts_with("schemas/details.md:1:1: symbolic link to `gone.md` cannot be followed"),
            "{shown:#?}"
        );
    }
}

#[test]
fn links_that_leave_the_folder_are_refused_even_when_the_target_exists() {
    let scratch = Scratch::new("leaving-links");
    // A valid doc right beside the schema folder: reachable by path, but outside.
    scratch.write("outside.md", &object_doc("Outside", "| `key` | *str* | :heavy_check_mark: | N/A |"));
    let absolute = scratch.path("outside.md");
    let row = |field: &str, link: &str| {
        format!("| `{field}` | [Optional[models.Outside]]({link}) | :heavy_minus_sign: | N/A |\n")
    };
    let rows = [
        row("parent", "../outside.md"),
        row("models", "../../models/outside.md"),
        row("absolute", &absolute.display().to_string()),
        row("passwd", "../../etc/passwd"),
        row("windows", "C:/outside.md"),
    ]
    .concat();
    scratch.write("schemas/usage.md", &object_doc("Usage", &rows));

    let diags = generate(&input(&scratch.path("schemas"))).expect_err("links out of the folder are errors");
    let shown = rendered(&diags);
    assert_eq!(shown.len(), 5, "{shown:#?}");
    for (line, link) in [
        (7, "../outside.md".to_string()),
        (8, "../../models/outside.md".to_string()),
        (9, absolute.display().to_string()),
        (10, "../../etc/passwd".to_string()),
        (11, "C:/outside.md".to_string()),
    ] {
        let expected = format!("schemas/usage.md:{line}:");
        let d = shown
            .iter()
            .find(|d| d.starts_with(&expected))
            .unwrap_or_else(|| panic!("no error on line {line}: {shown:#?}"));
        assert!(d.contains(&format!("link `{link}` leaves the schema folder")), "{d}");
    }
}

#[test]
fn roots_that_leave_the_folder_are_refused() {
    let scratch = Scratch::new("leaving-roots");
    scratch.write("outside.md", &object_doc("Outside", "| `key` | *str* | :heavy_check_mark: | N/A |"));
    scratch.write("schemas/usage.md", &usage_doc());
    for root in ["../Outside", "..::Outside", "/Outside", "super::Outside/../../Outside"] {
        let input = Input { roots: Some(vec![root.to_string()]), ..input(&scratch.path("schemas")) };
        let shown = rendered(&generate(&input).expect_err("a root out of the folder is an error"));
        assert_eq!(shown.len(), 1, "{root}: {shown:#?}");
        assert!(
            shown[0].starts_with(&format!("schemas:1:1: roots entry `{root}` leaves the schema folder")),
            "{root}: {shown:#?}"
        );
    }
    // The same root, inside, is fine.
    let input = Input { roots: Some(vec!["Usage".into()]), ..input(&scratch.path("schemas")) };
    assert!(generate(&input).is_ok());
}

/// Every entry under `root` (links not followed): its kind, length, modification time and
/// content, by path.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, (String, u64, SystemTime, Vec<u8>)> {
    fn walk(dir: &Path, out: &mut BTreeMap<PathBuf, (String, u64, SystemTime, Vec<u8>)>) {
        for entry in fs::read_dir(dir).unwrap() {
            let entry = entry.unwrap();
            let path = entry.path();
            let meta = fs::symlink_metadata(&path).unwrap();
            let kind = format!("{:?}", meta.file_type());
            let content = if meta.is_file() { fs::read(&path).unwrap() } else { Vec::new() };
            out.insert(path.clone(), (kind, meta.len(), meta.modified().unwrap(), content));
            if meta.is_dir() {
                walk(&path, out);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, &mut out);
    out
}

#[test]
fn generating_writes_nothing() {
    let scratch = Scratch::new("read-only");
    scratch.write("good/orq/usage.md", &usage_doc());
    scratch.write("good/orq/tier.md", "# Tier\n\n## Values\n\n- `\"standard\"`\n- `\"priority\"`\n");
    scratch.write("good/google/usage.ts", "export interface UsageMetadata {\n  totalTokenCount?: number;\n}\n");
    scratch.write("bad/usage.md", "# Usage\n\n## Fields\n\n| Field | Type |\n| `a` |\n");
    scratch.write("bad/empty.md", "");
    #[cfg(unix)]
    std::os::unix::fs::symlink("/etc/hostname", scratch.path("bad/hostname.md")).unwrap();

    let before = snapshot(&scratch.0);
    let code = generate(&input(&scratch.path("good"))).expect("the good folder generates");
    assert!(!code.is_empty());
    assert!(generate(&input(&scratch.path("bad"))).is_err());
    // A single file as input, too.
    assert!(generate(&input(&scratch.path("good/orq/usage.md"))).is_ok());
    let after = snapshot(&scratch.0);
    assert_eq!(before.keys().collect::<Vec<_>>(), after.keys().collect::<Vec<_>>(), "the listing changed");
    assert!(before == after, "a file's content, length or modification time changed");
}
