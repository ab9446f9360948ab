//! Diagnostics: every problem found in a schema folder, with the place it was found.
//!
//! Like serde_derive's `Ctxt`, errors are collected rather than returned one at a time,
//! so one expansion reports everything that is wrong at once.

use std::fmt;

use crate::model::Location;

/// One problem in a schema file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub loc: Location,
    /// What is wrong, quoting the offending text where there is one.
    pub message: String,
    /// What was expected or how to fix it.
    pub note: Option<String>,
}

impl Diagnostic {
    pub fn new(loc: Location, message: impl Into<String>) -> Self {
        Diagnostic { loc, message: message.into(), note: None }
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    /// `path:line:col: message`, then `note: …` on its own line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.loc, self.message)?;
        if let Some(note) = &self.note {
            write!(f, "\n  note: {note}")?;
        }
        Ok(())
    }
}

/// Collects diagnostics across every stage of one run.
#[derive(Debug, Default)]
pub struct Diagnostics {
    list: Vec<Diagnostic>,
    /// Problems a parser could attach to no declaration (a stray token between two of them).
    /// Reported like the others unless [`Diagnostics::drop_unattached`] says nothing outside
    /// the declarations asked for matters (generation limited by `roots`).
    unattached: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.list.push(diagnostic);
    }

    pub fn error(&mut self, loc: Location, message: impl Into<String>) {
        self.push(Diagnostic::new(loc, message));
    }

    /// A problem found outside every declaration: see [`Diagnostics::drop_unattached`].
    pub fn push_unattached(&mut self, diagnostic: Diagnostic) {
        self.unattached.push(diagnostic);
    }

    /// Forgets the problems found outside every declaration.
    pub fn drop_unattached(&mut self) {
        self.unattached.clear();
    }

    /// Keeps the problems found outside every declaration for which `keep` says so.
    pub fn retain_unattached(&mut self, keep: impl Fn(&Diagnostic) -> bool) {
        self.unattached.retain(|d| keep(d));
    }

    /// Takes over everything `other` collected, keeping each list apart.
    pub fn append(&mut self, other: Diagnostics) {
        self.list.extend(other.list);
        self.unattached.extend(other.unattached);
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty() && self.unattached.is_empty()
    }

    pub fn len(&self) -> usize {
        self.list.len() + self.unattached.len()
    }

    /// Sorted by file, line and column so output does not depend on processing order.
    pub fn into_sorted(mut self) -> Vec<Diagnostic> {
        self.list.append(&mut self.unattached);
        self.list.sort_by(|a, b| {
            (&*a.loc.file, a.loc.line, a.loc.col, &a.message).cmp(&(&*b.loc.file, b.loc.line, b.loc.col, &b.message))
        });
        self.list.dedup();
        self.list
    }
}
