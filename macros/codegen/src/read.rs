//! Reading a schema folder: which files, in which order, and the refusals that keep the
//! engine inside the folder it was given.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostic::Diagnostics;
use crate::model::Location;
use crate::Input;

/// Files larger than this are refused: the largest real vendor doc is 176 KB.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// The input format of a schema file, from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// `.md`: a Speakeasy model doc (flavour detected from the content).
    SpeakeasyMarkdown,
    /// `.ts`, `.d.ts`.
    TypeScript,
    /// `.txt`: the text of a TypeDoc page.
    TypeDocText,
    /// `llm-usage.toml`: the user's overrides for this folder and below.
    Config,
}

impl SourceKind {
    fn from_name(name: &str) -> Option<SourceKind> {
        if name == crate::config::FILE_NAME {
            Some(SourceKind::Config)
        } else if name.ends_with(".md") {
            Some(SourceKind::SpeakeasyMarkdown)
        } else if name.ends_with(".ts") {
            Some(SourceKind::TypeScript)
        } else if name.ends_with(".txt") {
            Some(SourceKind::TypeDocText)
        } else {
            None
        }
    }
}

/// One schema file, read.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the schema root, `/`-separated: `orq/deploymentinvokeusage.md`.
    pub rel: String,
    /// The folder part of `rel` (`orq`), `""` at the root.
    pub dir: String,
    /// The path as messages show it: `schemas/orq/deploymentinvokeusage.md`.
    pub display: Arc<str>,
    pub kind: SourceKind,
    pub text: String,
}

/// Reads every schema file under `input` (a folder, or one file), sorted by path so that the
/// output never depends on directory listing order. Files of other kinds are ignored; files
/// that cannot be read, are not UTF-8, are empty or too large are reported.
pub fn read_input(input: &Input, diags: &mut Diagnostics) -> Vec<SourceFile> {
    find_files(input, diags).into_iter().filter_map(|found| found.read(diags)).collect()
}

/// The paths of the schema files under `input`, sorted, without reading them.
pub fn list_files(input: &Input, diags: &mut Diagnostics) -> Vec<PathBuf> {
    find_files(input, diags).into_iter().map(|found| found.path).collect()
}

/// A schema file found under the input, not read yet.
#[derive(Debug, Clone)]
pub struct Found {
    rel: String,
    display: Display,
    path: PathBuf,
    kind: SourceKind,
}

/// How messages name a found file.
#[derive(Debug, Clone)]
enum Display {
    /// As given: a single schema file and the overrides beside it.
    Exact(String),
    /// The path relative to the input, under how messages name the input folder. Made when
    /// the file is read, on the thread that reads it, rather than while listing the folder.
    Under(Arc<str>),
}

impl Found {
    /// The path relative to the input, `/`-separated.
    pub fn rel(&self) -> &str {
        &self.rel
    }

    /// The path on disk.
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn kind(&self) -> SourceKind {
        self.kind
    }

    /// [`rel`](Self::rel), without a copy.
    pub fn into_rel(self) -> String {
        self.rel
    }

    /// Reads the file, reporting why it cannot be used if so.
    pub fn read(self, diags: &mut Diagnostics) -> Option<SourceFile> {
        let display = self.display_name();
        read_one(self.rel, display, &self.path, self.kind, Vec::new(), diags)
    }

    /// Reads the file into `buffer`, whose allocation becomes the text: a caller reading many
    /// files hands the previous text's bytes back, sparing an allocation (and, for large
    /// files, fresh zeroed pages) per file.
    ///
    /// It borrows the `Found` so that a thread reading files listed by another leaves them to
    /// be freed by the thread that made them, once all are read. Memory freed on a thread
    /// other than the one that allocated it goes back under a lock of the allocating thread's
    /// allocator arena (glibc's), which that thread also takes to allocate: freeing each
    /// listed path on the reading threads had the two threads waiting on each other, and
    /// `check` of the orq-python corpus took a fifth longer.
    pub fn read_into(&self, buffer: Vec<u8>, diags: &mut Diagnostics) -> Option<SourceFile> {
        read_one(self.rel.clone(), self.display_name(), &self.path, self.kind, buffer, diags)
    }

    /// How messages name the file.
    fn display_name(&self) -> Arc<str> {
        match &self.display {
            Display::Exact(display) => Arc::from(display.as_str()),
            Display::Under(root) => Arc::from(join(root, &self.rel).as_str()),
        }
    }
}

/// Every schema file under `input`, sorted by path, not read yet.
pub fn find_files(input: &Input, diags: &mut Diagnostics) -> Vec<Found> {
    let root_loc = Location::new(&Arc::from(input.display.as_str()), 1, 1);
    let meta = match fs::metadata(&input.path) {
        Ok(meta) => meta,
        Err(err) => {
            diags.error(root_loc, format!("cannot read the schema path: {err}"));
            return Vec::new();
        }
    };
    let mut found = Vec::new();
    if meta.is_file() {
        let name = input.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let display = Display::Exact(input.display.clone());
        // A single file: its messages name it as given, and it is its own root folder, with
        // the overrides beside it.
        if let Some(kind) = SourceKind::from_name(&name).filter(|kind| *kind != SourceKind::Config) {
            found.push(Found { rel: name, display, path: input.path.clone(), kind });
            let config = input.path.with_file_name(crate::config::FILE_NAME);
            if config.is_file() {
                let display = Path::new(&input.display).with_file_name(crate::config::FILE_NAME).display().to_string();
                found.push(Found {
                    rel: crate::config::FILE_NAME.to_owned(),
                    display: Display::Exact(display),
                    path: config,
                    kind: SourceKind::Config,
                });
            }
        } else {
            diags.error(root_loc, "not a schema file: expected `.md`, `.ts`, `.d.ts` or `.txt`");
        }
    } else {
        let canonical_root = match fs::canonicalize(&input.path) {
            Ok(root) => root,
            Err(err) => {
                diags.error(root_loc, format!("cannot read the schema folder: {err}"));
                return Vec::new();
            }
        };
        let display_root: Arc<str> = Arc::from(input.display.as_str());
        walk(&input.path, &canonical_root, "", &display_root, &mut found, diags);
    }
    // Paths found by one walk are distinct, so an unstable sort gives the one order.
    found.sort_unstable_by(|a, b| a.rel.cmp(&b.rel));
    found
}

fn walk(
    dir: &Path,
    root: &Path,
    rel_dir: &str,
    display_root: &Arc<str>,
    found: &mut Vec<Found>,
    diags: &mut Diagnostics,
) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            let display = join(display_root, rel_dir);
            diags.error(Location::new(&Arc::from(display.as_str()), 1, 1), format!("cannot list folder: {err}"));
            return;
        }
    };
    for entry in entries.flatten() {
        // The listing's own allocation becomes the name (nearly every name is UTF-8).
        let name = entry.file_name().into_string().unwrap_or_else(|name| name.to_string_lossy().into_owned());
        if name.starts_with('.') {
            continue;
        }
        let kind = SourceKind::from_name(&name);
        // `entry.path()` copies the folder's path and then grows it for the name: two or three
        // allocations an entry where one does.
        let mut path = PathBuf::with_capacity(dir.as_os_str().len() + 1 + name.len());
        path.push(dir);
        path.push(&name);
        let rel = if rel_dir.is_empty() { name } else { join(rel_dir, &name) };
        let Ok(file_type) = entry.file_type() else { continue };
        let mut is_dir = file_type.is_dir();
        if file_type.is_symlink() {
            // A link may point anywhere: follow it only if it stays inside the schema folder.
            match follow_link(&path, dir, root) {
                Ok(target_is_dir) => is_dir = target_is_dir,
                Err((message, note)) => {
                    let loc = Location::new(&Arc::from(join(display_root, &rel).as_str()), 1, 1);
                    diags.push(crate::Diagnostic::new(loc, message).with_note(note));
                    continue;
                }
            }
        }
        // The listing's own file type: no extra `stat` per entry (links are checked above).
        if is_dir {
            walk(&path, root, &rel, display_root, found, diags);
        } else if let Some(kind) = kind {
            found.push(Found { rel, display: Display::Under(Arc::clone(display_root)), path, kind });
        }
    }
}

/// Whether the symbolic link at `path` (in folder `dir`) may be followed: `Ok(is a folder)`
/// when its target is inside `root` and is not a folder that contains the link (which would
/// be listed forever), otherwise the message and note saying why not.
fn follow_link(path: &Path, dir: &Path, root: &Path) -> Result<bool, (String, &'static str)> {
    let shown = fs::read_link(path).map(|t| t.display().to_string()).unwrap_or_default();
    let target = fs::canonicalize(path).map_err(|err| {
        (
            format!("symbolic link to `{shown}` cannot be followed: {err}"),
            "point the link at a file inside the schema folder, or remove it",
        )
    })?;
    if !target.starts_with(root) {
        return Err((
            format!("symbolic link to `{shown}` leaves the schema folder; it is not followed"),
            "links may only point inside the schema folder; copy the file or folder into it instead",
        ));
    }
    let is_dir = fs::metadata(&target).is_ok_and(|meta| meta.is_dir());
    if is_dir && fs::canonicalize(dir).is_ok_and(|here| here.starts_with(&target)) {
        return Err((
            format!("symbolic link to `{shown}` points at a folder that contains it; it is not followed"),
            "following it would list the same files again and again; remove the link",
        ));
    }
    Ok(is_dir)
}

fn read_one(
    rel: String,
    display: Arc<str>,
    path: &Path,
    kind: SourceKind,
    buffer: Vec<u8>,
    diags: &mut Diagnostics,
) -> Option<SourceFile> {
    let loc = Location::new(&display, 1, 1);
    let bytes = match read_limited(path, buffer) {
        Ok(Ok(bytes)) => bytes,
        Ok(Err(len)) => {
            diags.push(
                crate::Diagnostic::new(loc, format!("file is {len} bytes, over the limit of {MAX_FILE_BYTES} bytes"))
                    .with_note("the largest vendor model doc is 176 KB: check that this is the schema file you meant"),
            );
            return None;
        }
        Err(err) => {
            diags.error(loc, format!("cannot read file: {err}"));
            return None;
        }
    };
    let text =
        match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(err) => {
                let offset = err.utf8_error().valid_up_to();
                let before = &err.as_bytes()[..offset];
                let bad = err.as_bytes().get(offset).copied().unwrap_or(0);
                // `before` is valid UTF-8 up to the bad byte: its line so far, in characters.
                let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
                let on_line = std::str::from_utf8(&before[line_start..]).unwrap_or("");
                let line = before.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
                let col = on_line.chars().count() as u32 + 1;
                // At most the last 20 characters before the byte, from a word's start.
                let tail: &str = {
                    let from = on_line.char_indices().rev().nth(19).map_or(0, |(i, _)| i);
                    let tail = &on_line[from..];
                    match tail.find(' ') {
                        Some(space) if from > 0 => &tail[space + 1..],
                        _ => tail.trim_start(),
                    }
                };
                let message = if tail.is_empty() {
                    format!("file is not valid UTF-8: byte `0x{bad:02X}` cannot start a character")
                } else {
                    format!("file is not valid UTF-8: byte `0x{bad:02X}` after `{tail}`")
                };
                diags.push(crate::Diagnostic::new(Location::new(&display, line, col), message).with_note(
                    "schema files must be UTF-8 text; re-save the file as UTF-8 (it may be Latin-1 or UTF-16)",
                ));
                return None;
            }
        };
    // An empty `llm-usage.toml` is valid: every setting at its default.
    if text.trim().is_empty() && kind != SourceKind::Config {
        diags.push(crate::Diagnostic::new(loc, "file is empty").with_note("remove it, or put the vendor's doc in it"));
        return None;
    }
    let dir = rel.rsplit_once('/').map(|(dir, _)| dir.to_string()).unwrap_or_default();
    Some(SourceFile { rel, dir, display, kind, text })
}

/// The file's bytes, or its length when that is over [`MAX_FILE_BYTES`]. One `open` and the
/// reads, no `fstat`: this runs for every file of corpora with tens of thousands, and a fifth
/// of the time of reading one was the `fstat`. A file over the limit is read up to one byte
/// past it, then refused with the length `fstat` gives.
fn read_limited(path: &Path, mut bytes: Vec<u8>) -> std::io::Result<Result<Vec<u8>, u64>> {
    use std::io::Read;
    let mut file = fs::File::open(path)?;
    bytes.clear();
    // `take` bounds the read: a file that is too large, or grows while it is read.
    (&mut file).take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    let read = bytes.len() as u64;
    if read > MAX_FILE_BYTES {
        let len = file.metadata().map_or(read, |meta| meta.len().max(read));
        return Ok(Err(len));
    }
    Ok(Ok(bytes))
}

fn join(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.to_string(),
        (_, true) => a.to_string(),
        // Not `format!`: this runs once per file read, and the formatting machinery cost
        // more than the copies themselves.
        _ => {
            let mut joined = String::with_capacity(a.len() + 1 + b.len());
            joined.push_str(a);
            joined.push('/');
            joined.push_str(b);
            joined
        }
    }
}
