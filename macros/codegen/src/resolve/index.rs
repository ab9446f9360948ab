//! Where every type can be found: by file, and by name within a folder.

use std::collections::hash_map::Entry;

use crate::diagnostic::Diagnostic;
use crate::hash::{map_with_capacity, FxHashMap};
use crate::model::{Import, NamedRef, TypeDef, TypeId, TypeKind};

use super::held::Held;
use super::imports;
use super::links::{self, Candidates, NotAFile};
use super::LookupError;

/// Borrows the names it indexes: building and querying it allocates no strings, which
/// matters for corpora of tens of thousands of types.
pub struct Index<'a> {
    types: &'a [TypeDef],
    /// Types defined in each file (relative path).
    by_file: FxHashMap<&'a str, Ids>,
    /// Types by folder and name: one module cannot hold two types of one name.
    by_dir_name: FxHashMap<(&'a str, &'a str), TypeId>,
    /// Types by name across every folder.
    by_name: FxHashMap<&'a str, Ids>,
}

/// The types of one file or of one name: nearly always one, which needs no allocation.
enum Ids {
    One(TypeId),
    Many(Vec<TypeId>),
}

impl Ids {
    fn push(&mut self, id: TypeId) {
        match self {
            Ids::One(first) => *self = Ids::Many(vec![*first, id]),
            Ids::Many(ids) => ids.push(id),
        }
    }

    fn as_slice(&self) -> &[TypeId] {
        match self {
            Ids::One(id) => std::slice::from_ref(id),
            Ids::Many(ids) => ids,
        }
    }
}

/// Adds `id` to the ids under `key`.
fn add<'a>(map: &mut FxHashMap<&'a str, Ids>, key: &'a str, id: TypeId) {
    match map.entry(key) {
        Entry::Occupied(mut ids) => ids.get_mut().push(id),
        Entry::Vacant(slot) => {
            slot.insert(Ids::One(id));
        }
    }
}

impl<'a> Index<'a> {
    /// Indexes `types`, holding a second type of a name already taken in its folder as a
    /// problem of both.
    pub fn build(types: &'a [TypeDef], held: &mut Held) -> Index<'a> {
        // The table of files is independent of the others: built beside them on large schemas.
        let parallel = crate::par::threads_for(types.len()) > 1;
        let by_files = || {
            let mut by_file = map_with_capacity(types.len());
            for (id, ty) in types.iter().enumerate() {
                add(&mut by_file, &ty.file, id);
            }
            by_file
        };
        let by_names = || {
            let mut by_dir_name: FxHashMap<(&str, &str), TypeId> = map_with_capacity(types.len());
            let mut by_name = map_with_capacity(types.len());
            let mut duplicates = Vec::new();
            for (id, ty) in types.iter().enumerate() {
                let key = (ty.dir.as_str(), ty.name.as_str());
                match by_dir_name.entry(key) {
                    Entry::Vacant(slot) => {
                        slot.insert(id);
                        add(&mut by_name, &ty.name, id);
                    }
                    Entry::Occupied(taken) => duplicates.push((*taken.get(), id)),
                }
            }
            (by_dir_name, by_name, duplicates)
        };
        let ((by_dir_name, by_name, duplicates), by_file) = crate::par::join(parallel, by_names, by_files);
        for (first_id, id) in duplicates {
            let (first, ty) = (&types[first_id], &types[id]);
            let diagnostic =
                Diagnostic::new(ty.loc.clone(), format!("duplicate type name `{}`", ty.name)).with_note(format!(
                    "`{}` is already defined at {}; rename one of them or move it to another folder",
                    ty.name, first.loc
                ));
            held.push(first_id, diagnostic.clone());
            held.push(id, diagnostic);
        }
        Index { types, by_file, by_dir_name, by_name }
    }

    /// The type called `name` in folder `dir`.
    pub fn get(&self, dir: &str, name: &str) -> Option<TypeId> {
        self.by_dir_name.get(&(dir, name)).copied()
    }

    /// The type `named` means, written in type `from`; `scratch` is room for link targets.
    pub fn lookup(&self, named: &NamedRef, from: TypeId, scratch: &mut Candidates) -> Result<TypeId, LookupError> {
        let Some(ty) = self.types.get(from) else { return self.by_name(named, "", from) };
        let (dir, file) = (ty.dir.as_str(), ty.file.as_str());
        if let (None, Some(import)) = (&named.link, &named.import) {
            // Through the file it is imported from; failing that (the file is not in the
            // folder, or re-exports it from elsewhere), by name as if it were not imported.
            return match self.through_import(named, import, file) {
                Ok(id) => Ok(id),
                Err(miss) => self.by_name(named, dir, from).map_err(|error| imports::explain(error, import, &miss)),
            };
        }
        match named.link.as_deref() {
            Some(link) => match links::candidates_into(dir, link, scratch) {
                Ok(()) => self.by_link(named, link, scratch),
                Err(NotAFile::Outside) => Err(Box::new(
                    Diagnostic::new(named.loc.clone(), format!("link `{link}` leaves the schema folder"))
                        .with_note("links may only point at files inside the schema folder"),
                )),
                Err(NotAFile::Anchor(_)) => {
                    self.in_file(named, file).map_or_else(|| self.by_name(named, dir, from), Ok)
                }
                Err(NotAFile::Web) => self.by_name(named, dir, from),
            },
            None => self.by_name(named, dir, from),
        }
    }

    fn by_link(&self, named: &NamedRef, link: &str, candidates: &Candidates) -> Result<TypeId, LookupError> {
        for file in candidates.iter() {
            if let Some(id) = self.in_file(named, file) {
                return Ok(id);
            }
        }
        let tried = candidates.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(" or ");
        Err(Box::new(
            Diagnostic::new(
                named.loc.clone(),
                format!("broken link `{link}`: no schema file defines `{}`", named.name),
            )
            .with_note(format!(
                "looked for {tried} in the schema folder; add the vendor's doc for `{}` there",
                named.name
            )),
        ))
    }

    /// The type of that name in `file`, or its only type.
    fn in_file(&self, named: &NamedRef, file: &str) -> Option<TypeId> {
        match self.by_file.get(file)?.as_slice() {
            // The only type is meant whatever its name: no need to compare.
            [only] => Some(*only),
            ids => ids.iter().copied().find(|&id| self.types[id].name == named.name),
        }
    }

    /// The declaration an imported name means: `path` (namespaces, then the name) at the top
    /// level of the imported file.
    fn through_import(&self, named: &NamedRef, import: &Import, file: &str) -> Result<TypeId, imports::Miss> {
        let path = imports::path_in_module(named, import);
        let Some((name, namespaces)) = path.split_last() else { return Err(imports::Miss::NotDeclared) };
        let candidates = imports::candidates(file, &import.from);
        let Some(module) = candidates.iter().find(|c| self.by_file.contains_key(c.as_str())) else {
            return Err(imports::Miss::NotInFolder(candidates));
        };
        let mut dir = links::join_normalized(module, "..").unwrap_or_default();
        for namespace in namespaces {
            if !dir.is_empty() {
                dir.push('/');
            }
            dir.push_str(namespace);
        }
        match self.get(&dir, name) {
            Some(id) if self.types[id].file == *module => Ok(id),
            _ => Err(imports::Miss::NotDeclared),
        }
    }

    /// A name with no link: the referring folder first, then the folder its qualifier names
    /// beside it (`components.X` from `operations/`), then a name unique across the schema.
    /// An alias to a qualified name never means itself: inside `namespace X`,
    /// `export type A = Other.A` re-exports the `A` outside it. (A struct or union naming
    /// itself, `models.Value` in Speakeasy's recursive unions, does mean itself.)
    fn by_name(&self, named: &NamedRef, dir: &str, from: TypeId) -> Result<TypeId, LookupError> {
        let reexport =
            named.qualifier.is_some() && matches!(self.types.get(from).map(|t| &t.kind), Some(TypeKind::Alias(_)));
        let other = |id: &TypeId| !reexport || *id != from;
        match named.qualifier.as_deref() {
            // The host's globals (DOM `Blob`, `AbortSignal`): never the vendor's own type of
            // the same name, and nothing we can generate.
            Some("globalThis" | "window" | "self") => {
                return Err(Box::new(
                    Diagnostic::new(
                        named.loc.clone(),
                        format!("`{}` is a global type of the JavaScript host, not a schema type", named.name),
                    )
                    .with_note(
                        "global (DOM) types have no JSON form; use `roots` to generate only types that do not need it",
                    ),
                ))
            }
            Some(qualifier) => {
                // A namespace here or in an enclosing folder (`CompletionUsage.PromptTokensDetails`),
                // then a folder beside this one (`components.X` written in `operations/`).
                let qualifier = qualifier.replace('.', "/");
                let nested = ancestors(dir).filter_map(|a| links::join_normalized(a, &qualifier));
                let beside = links::join_normalized(dir, &format!("../{qualifier}"));
                for candidate in nested.chain(beside) {
                    if let Some(id) = self.get(&candidate, &named.name) {
                        return Ok(id);
                    }
                }
                // Speakeasy's `models.X` names no folder: the doc's own folder is meant. Where
                // that is the re-export itself, the enclosing scopes are.
                match self.get(dir, &named.name) {
                    Some(id) if other(&id) => return Ok(id),
                    Some(_) => {
                        for candidate in ancestors(dir).skip(1) {
                            if let Some(id) = self.get(candidate, &named.name).filter(other) {
                                return Ok(id);
                            }
                        }
                    }
                    None => {}
                }
            }
            None => {
                // This folder, then enclosing ones: a name inside a TypeScript namespace also
                // sees the declarations around the namespace.
                for candidate in ancestors(dir) {
                    if let Some(id) = self.get(candidate, &named.name) {
                        return Ok(id);
                    }
                }
            }
        }
        let everywhere = || {
            let all = self.by_name.get(named.name.as_str()).map(Ids::as_slice).unwrap_or(&[]);
            all.iter().copied().filter(other)
        };
        let mut found = everywhere();
        match (found.next(), found.next()) {
            (Some(only), None) => Ok(only),
            (Some(_), Some(_)) => {
                let places = everywhere()
                    .map(|id| format!("`{}`", display_dir(&self.types[id].dir)))
                    .collect::<Vec<_>>()
                    .join(", ");
                Err(Box::new(
                    Diagnostic::new(named.loc.clone(), format!("ambiguous type name `{}`", named.name))
                        .with_note(format!("it is defined in the folders {places}; link the doc you mean")),
                ))
            }
            _ => Err(Box::new(Diagnostic::new(named.loc.clone(), format!("unknown type `{}`", named.name)).with_note(
                format!("no schema file in the folder defines `{}`; add the vendor's doc for it", named.name),
            ))),
        }
    }
}

/// `a/b/c`, `a/b`, `a`, `` (the root).
fn ancestors(dir: &str) -> impl Iterator<Item = &str> {
    let mut next = Some(dir);
    std::iter::from_fn(move || {
        let current = next?;
        next = if current.is_empty() { None } else { Some(current.rsplit_once('/').map_or("", |(parent, _)| parent)) };
        Some(current)
    })
}

fn display_dir(dir: &str) -> &str {
    if dir.is_empty() {
        "."
    } else {
        dir
    }
}
