//! What a link in a vendor doc means once the doc sits in a schema folder.
//!
//! Vendors link model docs as `../models/x.md` (Python flavour, from `docs/models/`) or
//! `../../models/operations/x.md` (TypeScript flavour, from `docs/models/components/`). Users
//! copy the `models` folder's content, not its parents, so the `(../)+models/` prefix means
//! "the folder that stood for `models`": the doc's own folder for one `..`, its parent for two.
//! Any other relative link resolves as a plain path. Either way, a path that would leave the
//! schema folder is refused.

/// A link that does not name a schema file.
#[derive(Debug, PartialEq, Eq)]
pub enum NotAFile {
    /// A web address: not a schema file.
    Web,
    /// An anchor in the same file (`#backoffstrategy`).
    Anchor(String),
    /// The link would leave the schema folder (absolute, or too many `..`).
    Outside,
}

/// Candidate files (relative to the schema root) for `link` written in a doc that sits in
/// `dir`, best first.
#[cfg(test)]
pub fn candidates(dir: &str, link: &str) -> Result<Vec<String>, NotAFile> {
    let mut found = Candidates::default();
    candidates_into(dir, link, &mut found)?;
    Ok(found.iter().map(str::to_owned).collect())
}

/// At most two candidate files, in strings reused from link to link: the resolver looks up
/// tens of thousands of links.
#[derive(Debug, Default)]
pub struct Candidates {
    files: [String; 2],
    len: usize,
}

impl Candidates {
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.files[..self.len].iter().map(String::as_str)
    }
}

/// [`candidates`] into `found`.
pub fn candidates_into(dir: &str, link: &str, found: &mut Candidates) -> Result<(), NotAFile> {
    found.len = 0;
    if link.contains("://") || link.starts_with("mailto:") {
        return Err(NotAFile::Web);
    }
    if let Some(anchor) = link.strip_prefix('#') {
        return Err(NotAFile::Anchor(anchor.to_string()));
    }
    let path = link.split('#').next().unwrap_or(link);
    if path.starts_with('/') || path.starts_with('\\') || path.contains(':') {
        return Err(NotAFile::Outside);
    }
    if let Some((ups, rest)) = vendor_models_link(path) {
        // The folder that stood for `models`: `dir` without `ups - 1` segments.
        if normalized_into(dir, ups - 1, rest, &mut found.files[0]) {
            found.len = 1;
        }
    }
    let [first, second] = &mut found.files;
    let slot = if found.len == 0 { first } else { second };
    if normalized_into(dir, 0, path, slot) {
        if found.len == 0 || found.files[0] != found.files[1] {
            found.len += 1;
        }
    } else if found.len == 0 {
        return Err(NotAFile::Outside);
    }
    Ok(())
}

/// `../../models/operations/x.md` → `(2, "operations/x.md")`.
fn vendor_models_link(path: &str) -> Option<(usize, &str)> {
    let mut rest = path;
    let mut ups = 0;
    while let Some(after) = rest.strip_prefix("../") {
        ups += 1;
        rest = after;
    }
    let rest = rest.strip_prefix("models/")?;
    (ups > 0).then_some((ups, rest))
}

/// `dir` joined with the relative `path`, `.` and `..` folded; `None` if it leaves the root.
pub fn join_normalized(dir: &str, path: &str) -> Option<String> {
    let mut out = String::with_capacity(dir.len() + path.len() + 1);
    normalized_into(dir, 0, path, &mut out).then_some(out)
}

/// Writes into `out` the segments of `dir` (its empty ones skipped) without the last `up`
/// ones, then `path` joined to them, `.` and `..` folded, `/`-separated. False (and `out`
/// meaningless) when there are not `up` segments to remove or `path` leaves the root.
fn normalized_into(dir: &str, up: usize, path: &str, out: &mut String) -> bool {
    out.clear();
    for segment in dir.split('/').filter(|s| !s.is_empty()) {
        if !out.is_empty() {
            out.push('/');
        }
        out.push_str(segment);
    }
    let pop = |out: &mut String| {
        if out.is_empty() {
            return false;
        }
        out.truncate(out.rfind('/').unwrap_or(0));
        true
    };
    for _ in 0..up {
        if !pop(out) {
            return false;
        }
    }
    for segment in path.split(['/', '\\']) {
        match segment {
            "" | "." => {}
            ".." => {
                if !pop(out) {
                    return false;
                }
            }
            other => {
                if !out.is_empty() {
                    out.push('/');
                }
                out.push_str(other);
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_flavour_links_mean_the_docs_own_folder() {
        assert_eq!(candidates("orq", "../models/x.md"), Ok(vec!["orq/x.md".into(), "models/x.md".into()]));
        assert_eq!(candidates("", "../models/x.md"), Ok(vec!["x.md".into()]));
    }

    #[test]
    fn typescript_flavour_links_resolve_by_path_inside_the_folder() {
        assert_eq!(
            candidates("node/components", "../../models/operations/x.md"),
            Ok(vec!["node/operations/x.md".into(), "models/operations/x.md".into()])
        );
    }

    #[test]
    fn plain_relative_links_resolve_as_paths() {
        assert_eq!(candidates("a/b", "../c/x.md"), Ok(vec!["a/c/x.md".into()]));
        assert_eq!(candidates("a", "./x.md#frag"), Ok(vec!["a/x.md".into()]));
    }

    #[test]
    fn links_that_leave_the_folder_are_refused() {
        assert_eq!(candidates("orq", "../../etc/passwd"), Err(NotAFile::Outside));
        assert_eq!(candidates("", "/etc/passwd"), Err(NotAFile::Outside));
        assert_eq!(candidates("", "C:/x.md"), Err(NotAFile::Outside));
        assert_eq!(candidates("orq", "../../../models/x.md"), Err(NotAFile::Outside));
    }

    #[test]
    fn folding_matches_segment_lists() {
        assert_eq!(join_normalized("a//b/", "../c/./d"), Some("a/c/d".into()));
        assert_eq!(join_normalized("a", "../../x"), None);
        assert_eq!(join_normalized("", "x\\y.md"), Some("x/y.md".into()));
        assert_eq!(join_normalized("a/..", ".."), Some("a".into()));
        assert_eq!(
            candidates("a/b", "../models/a/b/x.md"),
            Ok(vec!["a/b/a/b/x.md".into(), "a/models/a/b/x.md".into()])
        );
        assert_eq!(candidates("models", "../models/x.md"), Ok(vec!["models/x.md".into()]));
    }

    #[test]
    fn web_links_and_anchors_are_not_files() {
        assert_eq!(candidates("", "https://docs.python.org/3/x.html"), Err(NotAFile::Web));
        assert_eq!(candidates("", "#backoffstrategy"), Err(NotAFile::Anchor("backoffstrategy".into())));
    }
}
