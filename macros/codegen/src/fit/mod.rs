//! `llm-usage fit`: the user's recorded payloads against the doc, and the `llm-usage.toml`
//! overrides that make the generated types read every one of them and write it back unchanged.
//!
//! Nothing is compiled: `check` interprets the resolved model (the overrides already in
//! `llm-usage.toml` applied) against each payload as a `serde_json::Value`, by the rules of the
//! generated `Deserialize` and `Serialize`, and notes each disagreement with the payload's JSON
//! pointer and the field's `path:line:col`. `overrides` derives the smallest set of
//! `presence` and `type` overrides from what the payloads showed, and `write` merges them
//! into `llm-usage.toml`, keeping what the file already says.
//!
//! Only with the `cli` feature (the proc macro does not need it): it reads JSON.

mod check;
pub mod overrides;
pub mod write;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;

use serde_json::Value;

pub use check::Effect;
use check::{Cure, FieldObs, Raw, Walker};
pub use overrides::{presence_text, type_key, NumberChange, Override, PresenceChange};

use crate::diagnostic::Diagnostic;
use crate::model::{Location, Schema, TypeId, TypeKind};
use crate::Input;

/// One recorded JSON value, and how messages name it.
#[derive(Debug, Clone)]
pub struct Payload {
    pub name: String,
    pub value: Value,
}

/// One disagreement between a payload and the doc.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The payload, as [`Payload::name`].
    pub payload: String,
    /// Where in the payload (RFC 6901; `""` is the whole value). For a missing key, where the
    /// key would be.
    pub pointer: String,
    /// The field (or type) of the schema that reads it.
    pub schema: Location,
    pub message: String,
    pub effect: Effect,
    /// Whether [`Report::overrides`] cures it; `false` when no override key can.
    pub fixed: bool,
}

/// What `fit` found over all the payloads of one root type.
#[derive(Debug, Clone)]
pub struct Report {
    /// The root as given (`src::resources::messages::Usage`).
    pub root: String,
    /// The payloads' names, in the order read.
    pub payloads: Vec<String>,
    /// Every disagreement, by payload, then in the order the payload is read.
    pub findings: Vec<Finding>,
    /// The smallest set of overrides that makes every payload read and write back unchanged,
    /// as far as overrides can.
    pub overrides: Vec<Override>,
}

impl Report {
    /// Every payload reads and writes back unchanged with the schema as it is.
    pub fn fits(&self) -> bool {
        self.findings.is_empty()
    }

    /// The disagreements no override can cure.
    pub fn unfixable(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| !f.fixed)
    }

    /// The report as `llm-usage fit` prints it: each disagreement as
    /// `payload:/pointer: message [schema: path:line:col]`, a summary line, then the overrides
    /// as `llm-usage.toml` text.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for f in &self.findings {
            let at = if f.pointer.is_empty() { String::new() } else { format!(":{}", f.pointer) };
            let _ = write!(out, "{}{at}: {} [schema: {}]", f.payload, f.message, f.schema);
            if !f.fixed {
                out.push_str(" [no override can fix this]");
            }
            out.push('\n');
        }
        let n = self.payloads.len();
        let plural = if n == 1 { "" } else { "s" };
        if self.fits() {
            let every = if n == 1 { "it reads" } else { "every one reads" };
            let _ = writeln!(out, "{n} payload{plural} of `{}`: {every} and writes back as it is", self.root);
            return out;
        }
        let disagreeing =
            self.findings.iter().map(|f| f.payload.as_str()).collect::<std::collections::BTreeSet<_>>().len();
        let fitting = n - disagreeing;
        let unfixable = self.unfixable().count();
        let _ = writeln!(
            out,
            "{n} payload{plural} of `{}`: {fitting} {} as {}, {disagreeing} {} not ({} disagreement{}, {unfixable} that no override can fix)",
            self.root,
            if fitting == 1 { "reads and writes back" } else { "read and write back" },
            if fitting == 1 { "it is" } else { "they are" },
            if disagreeing == 1 { "does" } else { "do" },
            self.findings.len(),
            if self.findings.len() == 1 { "" } else { "s" },
        );
        if !self.overrides.is_empty() {
            out.push('\n');
            out.push_str("# llm-usage.toml: the smallest set of overrides that fits every payload\n");
            out.push_str(&self.toml());
        }
        out
    }

    /// The overrides as `llm-usage.toml` text, one `[types.X.fields.y]` section each: what
    /// `--write` adds to a file that has none of them.
    pub fn toml(&self) -> String {
        write::merge("", &self.overrides).unwrap_or_default()
    }
}

/// The type a root names (`src::resources::messages::Usage`: folders and namespaces, then the
/// name), as `roots` names it.
pub fn root_id(schema: &Schema, root: &str) -> Option<TypeId> {
    let segments: Vec<&str> = root.split("::").flat_map(|s| s.split('/')).map(str::trim).collect();
    let (name, dirs) = segments.split_last()?;
    let dir = dirs.join("/");
    schema.types.iter().position(|t| t.dir == dir && t.name == *name && !matches!(t.kind, TypeKind::Unsupported(_)))
}

/// Interprets every payload as a value of `root` and derives the overrides.
pub fn fit(schema: &Schema, root: TypeId, root_name: &str, payloads: &[Payload]) -> Report {
    let mut raws: Vec<Raw> = Vec::new();
    let mut fields: BTreeMap<_, FieldObs> = BTreeMap::new();
    for (i, payload) in payloads.iter().enumerate() {
        let mut walker = Walker::new(schema, true, i);
        walker.root(root, &payload.value);
        walker.finish(&mut raws, &mut fields);
    }
    let overrides = overrides::derive(schema, &fields);
    let findings =
        raws.into_iter()
            .map(|raw| {
                let fixed = match raw.cure {
                    Cure::Presence => true,
                    Cure::Number(key, n) => overrides::number_after(schema, &overrides, key)
                        .is_some_and(|s| check::judge(s, n) == (true, true)),
                    Cure::None => false,
                };
                Finding {
                    payload: payloads[raw.payload].name.clone(),
                    pointer: raw.pointer,
                    schema: raw.loc,
                    message: raw.message,
                    effect: raw.effect,
                    fixed,
                }
            })
            .collect();
    Report {
        root: root_name.to_owned(),
        payloads: payloads.iter().map(|p| p.name.clone()).collect(),
        findings,
        overrides,
    }
}

/// Loads `input` (its `roots` replaced by `root`), names everything as the macro would, and
/// fits the payloads; the diagnostics instead when the schema has any.
pub fn run(input: &Input, root: &str, payloads: &[Payload]) -> Result<Report, Vec<Diagnostic>> {
    let input = Input { roots: Some(vec![root.to_owned()]), ..input.clone() };
    let (loaded, names) = crate::load_and_name(&input);
    if names.is_none() || !loaded.diagnostics.is_empty() {
        return Err(loaded.diagnostics);
    }
    match root_id(&loaded.schema, root) {
        Some(id) => Ok(fit(&loaded.schema, id, root, payloads)),
        None => {
            let loc = Location::new(&Arc::from(input.display.as_str()), 1, 1);
            Err(vec![Diagnostic::new(loc, format!("`{root}` names no type"))])
        }
    }
}

/// Reads every `*.json` under `path` (a folder, recursively, sorted by path; or one file), each
/// one JSON value, named `display` joined with its path below `path`. Files that cannot be
/// read or are not JSON are diagnostics at their `line:col`.
pub fn read_payloads(path: &Path, display: &str) -> (Vec<Payload>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    if path.is_file() {
        files.push((path.to_path_buf(), display.to_owned()));
    } else {
        collect(path, display, &mut files, &mut errors);
        files.sort_by(|a, b| a.1.cmp(&b.1));
    }
    let mut payloads = Vec::new();
    for (file, name) in files {
        let file_loc = |line, col| Location::new(&Arc::from(name.as_str()), line, col);
        match std::fs::read_to_string(&file) {
            Ok(text) => match serde_json::from_str::<Value>(&text) {
                Ok(value) => payloads.push(Payload { name, value }),
                Err(err) => {
                    let (line, col) = (err.line().max(1) as u32, err.column().max(1) as u32);
                    let message = err.to_string();
                    let message = message.split(" at line ").next().unwrap_or(&message).to_owned();
                    errors.push(Diagnostic::new(file_loc(line, col), format!("not valid JSON: {message}")));
                }
            },
            Err(err) => errors.push(Diagnostic::new(file_loc(1, 1), format!("cannot read the payload: {err}"))),
        }
    }
    if payloads.is_empty() && errors.is_empty() {
        let loc = Location::new(&Arc::from(display), 1, 1);
        errors.push(Diagnostic::new(loc, "no payloads: no `*.json` file here").with_note(
            "give `--payloads` a folder of recorded JSON values (one per file) of the root type, or one such file",
        ));
    }
    (payloads, errors)
}

fn collect(dir: &Path, display: &str, files: &mut Vec<(std::path::PathBuf, String)>, errors: &mut Vec<Diagnostic>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            let loc = Location::new(&Arc::from(display), 1, 1);
            errors.push(Diagnostic::new(loc, format!("cannot list the payload folder: {err}")));
            return;
        }
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let shown = if display.is_empty() { name.clone() } else { format!("{}/{name}", display.trim_end_matches('/')) };
        let path = entry.path();
        let Ok(kind) = entry.file_type() else { continue };
        // Linked folders are not followed: a link back up would list forever.
        if kind.is_dir() {
            collect(&path, &shown, files, errors);
        } else if name.ends_with(".json") && path.is_file() {
            files.push((path, shown));
        }
    }
}
