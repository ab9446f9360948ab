//! Imported TypeScript names: which file of the schema folder an import means, and what a
//! reference names inside it.
//!
//! Files are looked up as TypeScript's bundler resolution does for relative paths: `./x` is
//! `x.ts`, `x.d.ts`, `x/index.ts` or `x/index.d.ts` beside the importing file, and `./x.js`
//! is `./x`. A package (`openai`) or a path that leaves the schema folder names no file here.

use crate::diagnostic::Diagnostic;
use crate::model::{Import, NamedRef};

use super::links;

/// Why an imported name was not found through its import.
#[derive(Debug, PartialEq, Eq)]
pub enum Miss {
    /// No file of the folder is the module; these (relative to the schema root) were tried.
    NotInFolder(Vec<String>),
    /// The module is in the folder but declares no such name at its top level.
    NotDeclared,
}

/// The files that module specifier `from`, written in `file`, may be, best first.
pub fn candidates(file: &str, from: &str) -> Vec<String> {
    let relative = from == "." || from == ".." || from.starts_with("./") || from.starts_with("../");
    if !relative {
        return Vec::new();
    }
    let dir = file.rsplit_once('/').map_or("", |(dir, _)| dir);
    let Some(base) = links::join_normalized(dir, from) else { return Vec::new() };
    if base.ends_with(".ts") {
        return vec![base];
    }
    let stem = base.strip_suffix(".js").unwrap_or(&base);
    let index = |name: &str| if stem.is_empty() { name.to_string() } else { format!("{stem}/{name}") };
    let mut found = Vec::with_capacity(4);
    if !stem.is_empty() {
        found.push(format!("{stem}.ts"));
        found.push(format!("{stem}.d.ts"));
    }
    found.push(index("index.ts"));
    found.push(index("index.d.ts"));
    found
}

/// What `named` names inside the imported module: namespaces, then the declaration.
/// `API.Usage` through `* as API` is `Usage`; `U.Raw` through `{ Usage as U }` is `Usage.Raw`;
/// `U` alone is `Usage`.
pub fn path_in_module<'a>(named: &'a NamedRef, import: &'a Import) -> Vec<&'a str> {
    let mut segments = named.qualifier.as_deref().map(|q| q.split('.').collect::<Vec<_>>()).unwrap_or_default();
    let qualified = !segments.is_empty();
    segments.push(&named.name);
    // The first segment is the local name of the import: it stands for the module itself
    // (`* as API`) or for the name the module exports (`{ Usage as U }`).
    segments.remove(0);
    match (&import.name, qualified) {
        (Some(exported), _) => std::iter::once(exported.as_str()).chain(segments).collect(),
        // `API` alone names a module, not a type.
        (None, false) => Vec::new(),
        (None, true) => segments,
    }
}

/// Adds to a failed lookup's note where the name was imported from.
pub fn explain(mut error: Box<Diagnostic>, import: &Import, miss: &Miss) -> Box<Diagnostic> {
    let why = match miss {
        Miss::NotInFolder(tried) if tried.is_empty() => {
            format!("it is imported from `{}`, which is not a file of the schema folder", import.from)
        }
        Miss::NotInFolder(tried) => format!(
            "it is imported from `{}`, which is not in the schema folder (looked for {})",
            import.from,
            tried.iter().map(|t| format!("`{t}`")).collect::<Vec<_>>().join(", ")
        ),
        Miss::NotDeclared => format!("it is imported from `{}`, which does not declare it", import.from),
    };
    error.note = Some(match error.note.take() {
        Some(note) => format!("{why}; {note}"),
        None => why,
    });
    error
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Location;

    #[test]
    fn relative_specifiers_name_ts_files_index_files_and_js_stand_ins() {
        let c = |file: &str, from: &str| candidates(file, from);
        assert_eq!(
            c("src/resources/chat/completions/completions.ts", "../../completions"),
            [
                "src/resources/completions.ts",
                "src/resources/completions.d.ts",
                "src/resources/completions/index.ts",
                "src/resources/completions/index.d.ts"
            ]
        );
        assert_eq!(c("a/b.ts", "./c.js")[0], "a/c.ts");
        assert_eq!(c("a/b.ts", "./c.d.ts"), ["a/c.d.ts"]);
        assert_eq!(c("a/b.ts", ".."), ["index.ts", "index.d.ts"]);
    }

    #[test]
    fn packages_and_paths_leaving_the_folder_name_no_file() {
        assert!(candidates("a/b.ts", "openai").is_empty());
        assert!(candidates("a/b.ts", "@scope/pkg/x").is_empty());
        assert!(candidates("a/b.ts", "../../x").is_empty());
        assert!(candidates("b.ts", "/etc/x").is_empty());
    }

    #[test]
    fn the_path_inside_the_module_replaces_the_local_name() {
        let mut named = NamedRef::new("Usage", Location::default());
        named.qualifier = Some("API.Inner".into());
        let namespace = Import { from: "./x".into(), name: None };
        assert_eq!(path_in_module(&named, &namespace), ["Inner", "Usage"]);
        let renamed = Import { from: "./x".into(), name: Some("Outer".into()) };
        assert_eq!(path_in_module(&named, &renamed), ["Outer", "Inner", "Usage"]);
        let plain = NamedRef::new("U", Location::default());
        assert_eq!(path_in_module(&plain, &renamed), ["Outer"]);
        assert!(path_in_module(&plain, &namespace).is_empty());
    }
}
