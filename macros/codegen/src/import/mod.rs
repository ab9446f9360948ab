//! `llm-usage import`: copy into a schema folder the vendor docs that some types need, and keep
//! them up to date.
//!
//! [`plan`] reads the vendor folder with the roots (the same closure `include_schemas!`'s
//! `roots` generate: [`crate::Schema::is_included`] types and their [`crate::model::TypeDef::file`]),
//! decides which files to add, update and remove, refuses to touch files it did not import, and
//! compares the schema folder as it is with the folder as it would be after the update
//! ([`crate::diff`]). [`Plan::apply`] then writes the files, byte for byte, keeping their layout
//! relative to the vendor folder so links still resolve, and records what it copied, from where
//! and for which types in the folder's `llm-usage.toml` (`[import]`).
//!
//! Generation is not limited by `[import] roots`: when every copied file holds only types the
//! roots reach (Speakeasy docs, one type a file), the folder *is* the closure, and other docs the
//! user keeps beside it are generated as usual. When the copied files declare more than the
//! closure (whole TypeScript files), generating the folder would generate, and report problems
//! in, declarations nobody asked for, so the import also writes the top-level `roots` (the
//! generation roots) with the same types, and keeps it in step with `[import] roots` for as
//! long as the user leaves it as written.

mod record;

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use crate::config;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::diff::{self, Change};
use crate::model::{Location, Schema};
use crate::{read, Input};

pub use record::RootsNote;

/// What to import, as the command line gives it.
#[derive(Debug, Clone)]
pub struct Options {
    /// The vendor folder (`--from`); `None` for the one `[import] from` records.
    pub from: Option<PathBuf>,
    /// The types to import (`--root`), relative to the vendor folder as `roots` name types;
    /// empty for those `[import] roots` records.
    pub roots: Vec<String>,
    /// The schema folder to copy into (`--into`); created if absent.
    pub into: PathBuf,
}

/// What happens to one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Action {
    /// The closure needs it and the folder does not have it.
    Add,
    /// Imported before; the vendor's file differs.
    Update,
    /// Imported before; the closure no longer needs it.
    Remove,
    /// Imported before; the vendor's file is the same.
    Keep,
}

impl Action {
    fn is_change(self) -> bool {
        self != Action::Keep
    }
}

/// One file of the closure, or one the closure no longer needs.
#[derive(Debug, Clone)]
pub struct FileChange {
    /// The path relative to both folders, `/`-separated.
    pub rel: String,
    pub action: Action,
    /// The vendor's bytes (for [`Action::Add`] and [`Action::Update`]).
    bytes: Option<Vec<u8>>,
}

/// Everything an import would do, decided before anything is written.
#[derive(Debug)]
pub struct Plan {
    /// The schema folder, and how messages show it.
    pub into: PathBuf,
    pub into_display: String,
    /// The vendor folder as read, shown as messages show it.
    pub from_display: String,
    /// The vendor folder as `[import] from` records it.
    pub from_recorded: String,
    /// The imported roots.
    pub roots: Vec<String>,
    /// Every file of the closure, then every imported file the closure no longer needs; by path.
    pub files: Vec<FileChange>,
    /// What the update changes in the generated types: the folder as it is against the folder
    /// as it will be.
    pub changes: Vec<Change>,
    /// Problems of the folder as it will be (a stale override, a name collision): what the
    /// build will report. They do not stop the import: they are fixed after it.
    pub problems: Vec<Diagnostic>,
    /// Whether `llm-usage.toml` changes (or is created).
    pub record_changed: bool,
    /// Whether `llm-usage.toml` does not exist yet.
    pub record_created: bool,
    /// What happened to the generation `roots`, if anything.
    pub roots_note: Option<RootsNote>,
    /// Types the copied files declare that the roots do not reach (whole TypeScript files).
    pub unreached: Vec<String>,
    record_text: String,
    /// The record listing both the old and the new files, written before any file so that an
    /// interrupted import never leaves a file it wrote unrecorded.
    interim_text: String,
}

/// Counts of a plan's files.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub added: usize,
    pub updated: usize,
    pub removed: usize,
    pub kept: usize,
}

impl Plan {
    /// Whether the folder already holds what the vendor folder has: nothing to write.
    pub fn is_up_to_date(&self) -> bool {
        !self.record_changed && self.files.iter().all(|f| !f.action.is_change())
    }

    pub fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        for file in &self.files {
            match file.action {
                Action::Add => counts.added += 1,
                Action::Update => counts.updated += 1,
                Action::Remove => counts.removed += 1,
                Action::Keep => counts.kept += 1,
            }
        }
        counts
    }

    /// The path of a file of the plan as messages show it.
    pub fn shown(&self, rel: &str) -> String {
        join_display(&self.into_display, rel)
    }

    /// Writes the plan: the record (listing old and new files), the files, then the final
    /// record. Files are written beside their destination and renamed into place. Nothing is
    /// written when the folder is up to date.
    pub fn apply(&self) -> Result<(), Vec<Diagnostic>> {
        if self.is_up_to_date() {
            return Ok(());
        }
        let fail = |path: &Path, what: &str, err: io::Error| {
            vec![Diagnostic::new(loc(&path.display().to_string()), format!("cannot {what}: {err}"))]
        };
        fs::create_dir_all(&self.into).map_err(|err| fail(&self.into, "create the folder", err))?;
        let record = self.into.join(config::FILE_NAME);
        if self.files.iter().any(|f| f.action.is_change()) {
            write_replacing(&record, self.interim_text.as_bytes()).map_err(|err| fail(&record, "write", err))?;
        }
        for file in &self.files {
            let dest = self.into.join(&file.rel);
            match (file.action, &file.bytes) {
                (Action::Add | Action::Update, Some(bytes)) => {
                    if let Some(parent) = dest.parent() {
                        fs::create_dir_all(parent).map_err(|err| fail(parent, "create the folder", err))?;
                    }
                    write_replacing(&dest, bytes).map_err(|err| fail(&dest, "write", err))?;
                }
                (Action::Remove, _) => {
                    match fs::remove_file(&dest) {
                        Ok(()) => {}
                        Err(err) if err.kind() == io::ErrorKind::NotFound => {}
                        Err(err) => return Err(fail(&dest, "remove", err)),
                    }
                    remove_empty_parents(&dest, &self.into);
                }
                _ => {}
            }
        }
        write_replacing(&record, self.record_text.as_bytes()).map_err(|err| fail(&record, "write", err))
    }
}

/// Decides what importing `options` does, reading both folders and writing nothing (but a
/// scratch copy of the folder as it would be, in the system's temporary folder, removed before
/// returning). Errors: an unreadable or invalid `llm-usage.toml`, no vendor folder or roots
/// given or recorded, problems in the closure itself (a root that names nothing, a broken
/// link), a recorded file that is not a path inside the folder, and files in the way that the
/// import did not write.
pub fn plan(options: &Options) -> Result<Plan, Vec<Diagnostic>> {
    let into = options.into.clone();
    let into_display = display(&into);
    let record_path = into.join(config::FILE_NAME);
    let record_display: Arc<str> = Arc::from(join_display(&into_display, config::FILE_NAME));
    let mut errors = Diagnostics::new();

    // What was imported before.
    let old_text = match fs::read_to_string(&record_path) {
        Ok(text) => Some(text),
        Err(err) if err.kind() == io::ErrorKind::NotFound => None,
        Err(err) => {
            return Err(vec![Diagnostic::new(Location::new(&record_display, 1, 1), format!("cannot read: {err}"))])
        }
    };
    let old_config = old_text.as_deref().map(|text| config::parse(text, "", &record_display, &mut errors));
    if !errors.is_empty() {
        return Err(errors.into_sorted());
    }
    let old_import = old_config.and_then(|c| c.import).unwrap_or_default();
    for file in &old_import.files {
        if !is_inside(&file.value) {
            errors.push(
                Diagnostic::new(
                    file.loc.clone(),
                    format!("`[import] files` entry `{}` is not a path inside this folder", file.value),
                )
                .with_note("entries are `/`-separated paths relative to the folder of `llm-usage.toml`, without `..`; import only removes and replaces files inside it"),
            );
        }
    }
    let old_files: BTreeSet<&str> = old_import.files.iter().map(|f| f.value.as_str()).collect();

    // Where from, and which types.
    let recorded_none = |key: &str| match old_text {
        Some(_) => format!("`{record_display}` records none (`{key}`)"),
        None => format!("there is no `{record_display}` recording one (`{key}`)"),
    };
    let (from, from_display, from_recorded) = match (&options.from, &old_import.from) {
        (Some(from), _) => (from.clone(), display(from), record_from(from, &into)),
        (None, Some(recorded)) => {
            let from = resolve_recorded(&into, &recorded.value);
            (from.clone(), display(&clean(&from)), recorded.value.clone())
        }
        (None, None) => {
            errors.push(
                Diagnostic::new(loc(&into_display), "no vendor folder to import from")
                    .with_note(format!("give `--from VENDOR_DIR`; {}", recorded_none("[import] from"))),
            );
            (PathBuf::new(), String::new(), String::new())
        }
    };
    let roots: Vec<String> = if options.roots.is_empty() {
        old_import.roots.iter().map(|r| r.value.clone()).collect()
    } else {
        options.roots.clone()
    };
    if roots.is_empty() {
        errors.push(Diagnostic::new(loc(&into_display), "no types to import").with_note(format!(
            "give `--root TYPE` (repeatable), named relative to the vendor folder as `roots` name types; {}",
            recorded_none("[import] roots")
        )));
    }
    if !errors.is_empty() {
        return Err(errors.into_sorted());
    }
    if !from.is_dir() {
        let what = if from.exists() { "is not a folder" } else { "does not exist" };
        return Err(vec![Diagnostic::new(loc(&from_display), format!("the vendor folder {what}"))
            .with_note("`--from` is the folder of the vendor's docs, e.g. a checkout's `docs/models`")]);
    }

    // The closure, in the vendor folder.
    let vendor = crate::load(&Input { path: from.clone(), display: from_display.clone(), roots: Some(roots.clone()) });
    if !vendor.diagnostics.is_empty() {
        return Err(vendor.diagnostics);
    }
    let schema = &vendor.schema;
    let closure: BTreeSet<&str> =
        (0..schema.types.len()).filter(|&id| schema.is_included(id)).map(|id| schema.types[id].file.as_str()).collect();
    let unreached: Vec<String> = (0..schema.types.len())
        .filter(|&id| !schema.is_included(id) && closure.contains(schema.types[id].file.as_str()))
        .map(|id| schema.types[id].name.clone())
        .collect();

    // What happens to each file.
    let canonical_into = canonical_nearest(&into);
    let mut files = Vec::new();
    for rel in &closure {
        let source = from.join(rel);
        let bytes = match fs::read(&source) {
            Ok(bytes) => bytes,
            Err(err) => {
                errors.push(Diagnostic::new(loc(&join_display(&from_display, rel)), format!("cannot read: {err}")));
                continue;
            }
        };
        let dest = into.join(rel);
        let shown = join_display(&into_display, rel);
        if leaves(&dest, &canonical_into) {
            errors.push(
                Diagnostic::new(loc(&shown), "the destination leaves the folder through a symbolic link")
                    .with_note("import writes only inside the folder given to `--into`"),
            );
            continue;
        }
        let action = match fs::symlink_metadata(&dest) {
            Err(err) if err.kind() == io::ErrorKind::NotFound => Action::Add,
            Err(err) => {
                errors.push(Diagnostic::new(loc(&shown), format!("cannot read: {err}")));
                continue;
            }
            Ok(meta) if meta.is_dir() => {
                errors.push(
                    Diagnostic::new(loc(&shown), "a folder is where the vendor's file goes")
                        .with_note("move the folder away; import never removes folders it did not create"),
                );
                continue;
            }
            Ok(_) if !old_files.contains(rel) => {
                errors.push(
                    Diagnostic::new(loc(&shown), "a file that `llm-usage import` did not write is in the way; it is not overwritten")
                        .with_note(format!(
                            "import replaces only the files `[import] files` lists in `{record_display}`; move or delete this one if the vendor's should replace it"
                        )),
                );
                continue;
            }
            Ok(_) => match fs::read(&dest) {
                Ok(current) if current == bytes => Action::Keep,
                Ok(_) => Action::Update,
                Err(err) => {
                    errors.push(Diagnostic::new(loc(&shown), format!("cannot read: {err}")));
                    continue;
                }
            },
        };
        let bytes = action.is_change().then_some(bytes);
        files.push(FileChange { rel: (*rel).to_owned(), action, bytes });
    }
    for rel in old_files.iter().filter(|rel| !closure.contains(*rel)) {
        let dest = into.join(rel);
        if fs::symlink_metadata(&dest).is_ok_and(|meta| !meta.is_dir()) && !leaves(&dest, &canonical_into) {
            files.push(FileChange { rel: (*rel).to_owned(), action: Action::Remove, bytes: None });
        }
    }
    if !errors.is_empty() {
        return Err(errors.into_sorted());
    }
    files.sort_by(|a, b| a.rel.cmp(&b.rel));

    // The record.
    let old_roots: Vec<String> = old_import.roots.iter().map(|r| r.value.clone()).collect();
    let new_files: Vec<String> = closure.iter().map(|s| (*s).to_owned()).collect();
    let record = record::Record { from: &from_recorded, roots: &roots, files: &new_files };
    let (record_text, roots_note) = record::update(old_text.as_deref(), &old_roots, &record, !unreached.is_empty())
        .map_err(|message| vec![Diagnostic::new(Location::new(&record_display, 1, 1), message)])?;
    let mut union: Vec<String> = old_import.files.iter().map(|f| f.value.clone()).chain(new_files.clone()).collect();
    union.sort();
    union.dedup();
    let interim = record::Record { files: &union, ..record };
    let (interim_text, _) = record::update(old_text.as_deref(), &old_roots, &interim, !unreached.is_empty())
        .map_err(|message| vec![Diagnostic::new(Location::new(&record_display, 1, 1), message)])?;
    let record_changed = old_text.as_deref() != Some(record_text.as_str());

    // The folder as it is against the folder as it will be.
    let stage =
        Stage::new().map_err(|err| vec![Diagnostic::new(loc(&into_display), format!("cannot stage: {err}"))])?;
    stage
        .fill(&into, &old_files, &files, &record_text)
        .map_err(|err| vec![Diagnostic::new(loc(&into_display), format!("cannot stage the update: {err}"))])?;
    let old = if into.is_dir() {
        crate::load(&Input { path: into.clone(), display: into_display.clone(), roots: None }).schema
    } else {
        Schema::default()
    };
    let (new, _) = crate::load_and_name(&Input { path: stage.0.clone(), display: into_display.clone(), roots: None });
    let changes = diff::diff(&old, &new.schema);
    drop(stage);

    Ok(Plan {
        into,
        into_display,
        from_display,
        from_recorded,
        roots,
        files,
        changes,
        problems: new.diagnostics,
        record_changed,
        record_created: old_text.is_none(),
        roots_note,
        unreached,
        record_text,
        interim_text,
    })
}

/// A scratch folder in the system's temporary folder, removed when dropped.
struct Stage(PathBuf);

impl Stage {
    fn new() -> io::Result<Stage> {
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
        let path = std::env::temp_dir().join(format!("llm-usage-import-{}-{nanos}", std::process::id()));
        fs::create_dir_all(&path)?;
        Ok(Stage(path))
    }

    /// The folder as it will be: its schema files that import does not own, the closure's
    /// files, and the new record.
    fn fill(&self, into: &Path, old_files: &BTreeSet<&str>, files: &[FileChange], record: &str) -> io::Result<()> {
        if into.is_dir() {
            let mut ignored = Diagnostics::new();
            for found in read::find_files(&Input::new(into), &mut ignored) {
                let rel = found.rel();
                if rel == config::FILE_NAME || old_files.contains(rel) {
                    continue;
                }
                self.link_or_copy(found.path(), rel)?;
            }
        }
        for file in files {
            match (&file.bytes, file.action) {
                (Some(bytes), _) => {
                    let dest = self.0.join(&file.rel);
                    fs::create_dir_all(dest.parent().unwrap_or(&self.0))?;
                    fs::write(dest, bytes)?;
                }
                (None, Action::Keep) => self.link_or_copy(&into.join(&file.rel), &file.rel)?,
                _ => {}
            }
        }
        fs::write(self.0.join(config::FILE_NAME), record)
    }

    fn link_or_copy(&self, from: &Path, rel: &str) -> io::Result<()> {
        let dest = self.0.join(rel);
        fs::create_dir_all(dest.parent().unwrap_or(&self.0))?;
        // A link to a symbolic link would keep the link's relative target, which the stage
        // does not have: copy those (`copy` follows them).
        let is_link = fs::symlink_metadata(from).is_ok_and(|meta| meta.file_type().is_symlink());
        if is_link || fs::hard_link(from, &dest).is_err() {
            fs::copy(from, &dest)?;
        }
        Ok(())
    }
}

impl Drop for Stage {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Writes `bytes` to a hidden file beside `path` (schema readers skip names starting with `.`),
/// then renames it over `path`: a build never reads half a file.
fn write_replacing(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temp = path.with_file_name(format!(".{name}.llm-usage-import"));
    fs::write(&temp, bytes)?;
    fs::rename(&temp, path).inspect_err(|_| {
        let _ = fs::remove_file(&temp);
    })
}

/// Removes the folders between `file` and `root` that its removal left empty.
fn remove_empty_parents(file: &Path, root: &Path) {
    let mut dir = file.parent();
    while let Some(current) = dir {
        if current == root || !current.starts_with(root) || fs::remove_dir(current).is_err() {
            break;
        }
        dir = current.parent();
    }
}

/// Whether the nearest existing ancestor of `dest` is outside `canonical_into` (a symbolic link
/// inside the folder pointing out of it).
fn leaves(dest: &Path, canonical_into: &Path) -> bool {
    let parent = dest.parent().map(canonical_nearest);
    parent.is_some_and(|parent| !parent.starts_with(canonical_into))
}

/// The canonical form of `path`'s nearest existing ancestor, with the rest appended.
fn canonical_nearest(path: &Path) -> PathBuf {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().map(|cwd| cwd.join(path)).unwrap_or_else(|_| path.to_path_buf())
    };
    let mut rest = Vec::new();
    let mut current = absolute.as_path();
    loop {
        if let Ok(canonical) = fs::canonicalize(current) {
            return rest.iter().rev().fold(canonical, |path, part| path.join(part));
        }
        match (current.parent(), current.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_owned());
                current = parent;
            }
            _ => return clean(&absolute),
        }
    }
}

/// `[import] from` as written for a vendor folder given on the command line: an absolute path
/// as given; a relative one relative to the schema folder (where `llm-usage.toml` is, as paths
/// in Cargo manifests are), so the record works from any directory and on any machine with
/// the same checkout layout.
fn record_from(from: &Path, into: &Path) -> String {
    if from.is_absolute() {
        return slashes(from);
    }
    let Ok(target) = fs::canonicalize(from) else { return slashes(from) };
    let base = canonical_nearest(into);
    relative(&target, &base).map_or_else(|| slashes(&target), |rel| slashes(&rel))
}

/// The vendor folder a recorded `from` names: relative ones are relative to the schema folder.
fn resolve_recorded(into: &Path, recorded: &str) -> PathBuf {
    let path = Path::new(recorded);
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        into.join(path)
    }
}

/// `target` relative to `base` (both absolute and canonical), or `None` without a common root.
fn relative(target: &Path, base: &Path) -> Option<PathBuf> {
    let (t, b): (Vec<Component>, Vec<Component>) = (target.components().collect(), base.components().collect());
    if t.first() != b.first() {
        return None;
    }
    let common = t.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut rel = PathBuf::new();
    for _ in common..b.len() {
        rel.push("..");
    }
    for part in &t[common..] {
        rel.push(part);
    }
    if rel.as_os_str().is_empty() {
        rel.push(".");
    }
    Some(rel)
}

/// `a/./b/../c` as `a/c`, without touching the file system (for messages).
fn clean(path: &Path) -> PathBuf {
    let mut out: Vec<Component> = Vec::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir if matches!(out.last(), Some(Component::Normal(_))) => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    if out.is_empty() {
        PathBuf::from(".")
    } else {
        out.iter().collect()
    }
}

/// A path with `/` between its parts, whatever the platform.
fn slashes(path: &Path) -> String {
    let text = path.display().to_string();
    if std::path::MAIN_SEPARATOR == '/' {
        text
    } else {
        text.replace(std::path::MAIN_SEPARATOR, "/")
    }
}

/// Whether a recorded file is a plain relative path inside the folder.
fn is_inside(rel: &str) -> bool {
    !rel.is_empty()
        && !rel.starts_with('/')
        && !rel.contains(['\\', ':'])
        && rel.split('/').all(|part| !part.is_empty() && part != "." && part != "..")
}

fn display(path: &Path) -> String {
    let shown = path.display().to_string();
    let trimmed = shown.trim_end_matches('/');
    if trimmed.is_empty() {
        shown
    } else {
        trimmed.to_owned()
    }
}

fn join_display(dir: &str, rel: &str) -> String {
    if dir.is_empty() || dir == "." {
        rel.to_owned()
    } else {
        format!("{dir}/{rel}")
    }
}

fn loc(file: &str) -> Location {
    Location::new(&Arc::from(file), 1, 1)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::{clean, is_inside, relative};

    #[test]
    fn relative_paths_climb_then_descend() {
        let rel = |t: &str, b: &str| relative(Path::new(t), Path::new(b)).unwrap().display().to_string();
        assert_eq!(rel("/v/docs/models", "/repo/schemas/orq"), "../../../v/docs/models");
        assert_eq!(rel("/repo/schemas/orq", "/repo/schemas/orq"), ".");
        assert_eq!(rel("/repo/vendor", "/repo"), "vendor");
    }

    #[test]
    fn recorded_files_stay_inside() {
        for good in ["a.md", "components/a.md", "src/resources/messages/messages.ts"] {
            assert!(is_inside(good), "{good}");
        }
        for bad in ["", "/etc/passwd", "../x.md", "a/../../x.md", "a//b.md", "./a.md", "C:/x.md", "a\\..\\b"] {
            assert!(!is_inside(bad), "{bad}");
        }
    }

    #[test]
    fn clean_drops_dots_lexically() {
        assert_eq!(clean(Path::new("schemas/orq/../../vendor/./docs")), Path::new("vendor/docs"));
        assert_eq!(clean(Path::new("../a")), Path::new("../a"));
    }
}
