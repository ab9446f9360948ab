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
pub fn candidates(dir: &str, link: &str) -> Result<Vec<String>, NotAFile> {
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
    let mut found = Vec::new();
    if let Some((ups, rest)) = vendor_models_link(path) {
        if let Some(models_root) = up(dir, ups - 1) {
            if let Some(file) = join_normalized(&models_root, rest) {
                found.push(file);
            }
        }
    }
    match join_normalized(dir, path) {
        Some(file) => found.push(file),
        None if found.is_empty() => return Err(NotAFile::Outside),
        None => {}
    }
    found.dedup();
    Ok(found)
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

/// `dir` with `n` trailing segments removed; `None` above the root.
fn up(dir: &str, n: usize) -> Option<String> {
    let mut segments: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    if n > segments.len() {
        return None;
    }
    segments.truncate(segments.len() - n);
    Some(segments.join("/"))
}

/// `dir` joined with the relative `path`, `.` and `..` folded; `None` if it leaves the root.
pub fn join_normalized(dir: &str, path: &str) -> Option<String> {
    let mut segments: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    for segment in path.split(['/', '\\']) {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop()?;
            }
            other => segments.push(other),
        }
    }
    Some(segments.join("/"))
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
    fn web_links_and_anchors_are_not_files() {
        assert_eq!(candidates("", "https://docs.python.org/3/x.html"), Err(NotAFile::Web));
        assert_eq!(candidates("", "#backoffstrategy"), Err(NotAFile::Anchor("backoffstrategy".into())));
    }
}
