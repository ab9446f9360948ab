//! Where every type can be found: by file, and by name within a folder.

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{NamedRef, TypeDef, TypeId};

use super::links::{self, NotAFile};
use super::LookupError;

pub struct Index {
    /// Types defined in each file (relative path).
    by_file: HashMap<String, Vec<TypeId>>,
    /// Types by folder and name: one module cannot hold two types of one name.
    by_dir_name: HashMap<(String, String), TypeId>,
    /// Types by name across every folder.
    by_name: HashMap<String, Vec<TypeId>>,
    /// Names, for messages.
    names: Vec<String>,
    dirs: Vec<String>,
}

impl Index {
    /// Indexes `types`, reporting a second type of a name already taken in its folder.
    pub fn build(types: &[TypeDef], diags: &mut Diagnostics) -> Index {
        let mut index = Index {
            by_file: HashMap::new(),
            by_dir_name: HashMap::new(),
            by_name: HashMap::new(),
            names: types.iter().map(|t| t.name.clone()).collect(),
            dirs: types.iter().map(|t| t.dir.clone()).collect(),
        };
        for (id, ty) in types.iter().enumerate() {
            index.by_file.entry(ty.file.clone()).or_default().push(id);
            let key = (ty.dir.clone(), ty.name.clone());
            if let Some(&first) = index.by_dir_name.get(&key) {
                let first = &types[first];
                diags.push(
                    Diagnostic::new(ty.loc.clone(), format!("duplicate type name `{}`", ty.name))
                        .with_note(format!("`{}` is already defined at {}; rename one of them or move it to another folder", ty.name, first.loc)),
                );
                continue;
            }
            index.by_dir_name.insert(key, id);
            index.by_name.entry(ty.name.clone()).or_default().push(id);
        }
        index
    }

    /// The type called `name` in folder `dir`.
    pub fn get(&self, dir: &str, name: &str) -> Option<TypeId> {
        self.by_dir_name.get(&(dir.to_string(), name.to_string())).copied()
    }

    /// The type `named` means, written in `file` (in folder `dir`).
    pub fn lookup(&self, named: &NamedRef, dir: &str, file: &str) -> Result<TypeId, LookupError> {
        match named.link.as_deref() {
            Some(link) => match links::candidates(dir, link) {
                Ok(candidates) => self.by_link(named, link, &candidates),
                Err(NotAFile::Outside) => Err(Box::new(
                    Diagnostic::new(named.loc.clone(), format!("link `{link}` leaves the schema folder"))
                        .with_note("links may only point at files inside the schema folder"),
                )),
                Err(NotAFile::Anchor(_)) => self.in_file(named, file).map_or_else(|| self.by_name(named, dir), Ok),
                Err(NotAFile::Web) => self.by_name(named, dir),
            },
            None => self.by_name(named, dir),
        }
    }

    fn by_link(&self, named: &NamedRef, link: &str, candidates: &[String]) -> Result<TypeId, LookupError> {
        for file in candidates {
            if let Some(id) = self.in_file(named, file) {
                return Ok(id);
            }
        }
        let tried = candidates.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(" or ");
        Err(Box::new(
            Diagnostic::new(named.loc.clone(), format!("broken link `{link}`: no schema file defines `{}`", named.name))
                .with_note(format!("looked for {tried} in the schema folder; add the vendor's doc for `{}` there", named.name)),
        ))
    }

    /// The type of that name in `file`, or its only type.
    fn in_file(&self, named: &NamedRef, file: &str) -> Option<TypeId> {
        let ids = self.by_file.get(file)?;
        ids.iter().copied().find(|&id| self.names[id] == named.name).or(match ids.as_slice() {
            [only] => Some(*only),
            _ => None,
        })
    }

    /// A name with no link: the referring folder first, then the folder its qualifier names
    /// beside it (`components.X` from `operations/`), then a name unique across the schema.
    fn by_name(&self, named: &NamedRef, dir: &str) -> Result<TypeId, LookupError> {
        if let Some(&id) = self.by_dir_name.get(&(dir.to_string(), named.name.clone())) {
            return Ok(id);
        }
        if let Some(qualifier) = named.qualifier.as_deref() {
            // A namespace inside this folder (`CompletionUsage.PromptTokensDetails`), then a
            // folder beside it (`components.X` written in `operations/`).
            let qualifier = qualifier.replace('.', "/");
            for candidate in [qualifier.clone(), format!("../{qualifier}")] {
                if let Some(dir) = links::join_normalized(dir, &candidate) {
                    if let Some(id) = self.get(&dir, &named.name) {
                        return Ok(id);
                    }
                }
            }
        }
        match self.by_name.get(&named.name).map(Vec::as_slice) {
            Some([only]) => Ok(*only),
            Some(many) if !many.is_empty() => {
                let places = many.iter().map(|&id| format!("`{}`", display_dir(&self.dirs[id]))).collect::<Vec<_>>().join(", ");
                Err(Box::new(
                    Diagnostic::new(named.loc.clone(), format!("ambiguous type name `{}`", named.name))
                        .with_note(format!("it is defined in the folders {places}; link the doc you mean")),
                ))
            }
            _ => Err(Box::new(
                Diagnostic::new(named.loc.clone(), format!("unknown type `{}`", named.name))
                    .with_note(format!("no schema file in the folder defines `{}`; add the vendor's doc for it", named.name)),
            )),
        }
    }
}

fn display_dir(dir: &str) -> &str {
    if dir.is_empty() {
        "."
    } else {
        dir
    }
}
