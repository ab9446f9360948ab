//! `import` statements: which local names stand for another file's declarations.
//!
//! Stainless SDKs write `import * as CompletionsAPI from './completions'` and then
//! `CompletionsAPI.CompletionUsage`; Fern's write `import { UsageTokens } from './UsageTokens'`
//! and then `UsageTokens.Raw`. The parser records each binding and marks the references whose
//! first segment is one ([`NamedRef::import`]); the resolver finds the file. An import never
//! produces a diagnostic: statements the parser does not understand are skipped like any code.

use std::collections::HashSet;
use std::sync::Arc;

use super::cursor::Ctx;
use super::lexer::TokenKind;
use super::output::Output;
use crate::model::{Import, NamedRef, TypeKind, TypeRef};

/// What an import declaration binds.
struct Clause {
    /// Each local name, with the name the module exports under it (`None`: the module itself).
    bindings: Vec<(String, Option<String>)>,
    /// The module specifier.
    from: String,
}

impl Ctx<'_> {
    /// At `import`: records the bindings of an import declaration, then skips the statement.
    pub fn import(&mut self, out: &mut Output) {
        let start = self.pos;
        if let Some(Clause { bindings, from }) = self.import_clause() {
            for (local, name) in bindings {
                out.imports.insert(local, Arc::new(Import { from: from.clone(), name }));
            }
        }
        // Whatever was understood, the statement is skipped from its start like any code.
        self.pos = start;
        self.skip_code(false);
    }

    /// `import [type] (* as A | { B, C as D, type E } | F [, …]) from 'path'`: the local names
    /// with the exported name each stands for (`None`: the whole module), and the path.
    /// `None` for other forms (`import 'x'`, `import x = require('x')`, `import(…)`).
    fn import_clause(&mut self) -> Option<Clause> {
        self.bump();
        // `type` is a modifier unless it is itself the default import (`import type from 'x'`).
        if self.at_ident("type") && !self.peek_nth(1).is_some_and(|t| t.is_ident("from") || t.is_punct(",")) {
            self.bump();
        }
        let mut bindings = Vec::new();
        if self.ident_here().is_some() {
            // A default import binds the module's default export, which names no declaration.
            self.bump();
            if !self.eat_punct(",") {
                return self.module_path(bindings);
            }
        }
        if self.eat_punct("*") {
            if !self.at_ident("as") {
                return None;
            }
            self.bump();
            let local = self.ident_here()?;
            self.bump();
            bindings.push((local, None));
        } else if self.eat_punct("{") {
            loop {
                if self.eat_punct("}") {
                    break;
                }
                if self.at_ident("type")
                    && self.peek_nth(1).is_some_and(|t| !t.is_punct(",") && !t.is_punct("}") && !t.is_ident("as"))
                {
                    self.bump();
                }
                let idx = self.peek_idx()?;
                let name = match &self.tok(idx)?.kind {
                    TokenKind::Ident(word) => word.clone(),
                    TokenKind::Str(value) => value.clone(),
                    _ => return None,
                };
                self.bump();
                let local = if self.at_ident("as") {
                    self.bump();
                    let local = self.ident_here()?;
                    self.bump();
                    local
                } else {
                    name.clone()
                };
                bindings.push((local, Some(name)));
                if !self.eat_punct(",") && !self.at_punct("}") {
                    return None;
                }
            }
        } else {
            return None;
        }
        self.module_path(bindings)
    }

    /// `from 'path'` after the bindings.
    fn module_path(&mut self, bindings: Vec<(String, Option<String>)>) -> Option<Clause> {
        if !self.at_ident("from") {
            return None;
        }
        self.bump();
        match &self.peek()?.kind {
            TokenKind::Str(path) => Some(Clause { bindings, from: path.clone() }),
            _ => None,
        }
    }

    fn ident_here(&self) -> Option<String> {
        self.peek_idx().and_then(|i| self.ident(i)).map(str::to_string)
    }
}

impl Output {
    /// Marks every reference whose first segment is an import of the file, unless the file
    /// declares that name itself (a type, or a namespace: TypeScript's inner scopes win).
    /// `dir` is the file's folder: the segments of a type's `dir` beyond it are namespaces.
    pub(crate) fn mark_imports(&mut self, dir: &str) {
        if self.imports.is_empty() {
            return;
        }
        let mut local: HashSet<String> = HashSet::new();
        for def in &self.types {
            local.insert(def.name.clone());
            let namespaces = def.dir.strip_prefix(dir).unwrap_or("");
            local.extend(namespaces.split('/').filter(|s| !s.is_empty()).map(str::to_string));
        }
        let imports = std::mem::take(&mut self.imports);
        for def in &mut self.types {
            for_each_named_mut(&mut def.kind, &mut |named| {
                let head = match &named.qualifier {
                    Some(qualifier) => qualifier.split('.').next().unwrap_or(qualifier),
                    None => named.name.as_str(),
                };
                if !local.contains(head) {
                    named.import = imports.get(head).cloned();
                }
            });
        }
        self.imports = imports;
    }
}

/// Calls `f` on every named reference of a type definition, `extends` bases included.
fn for_each_named_mut(kind: &mut TypeKind, f: &mut impl FnMut(&mut NamedRef)) {
    fn visit(ty: &mut TypeRef, f: &mut impl FnMut(&mut NamedRef)) {
        match ty {
            TypeRef::Named(named) => f(named),
            TypeRef::List(inner) | TypeRef::Map(inner) | TypeRef::Nullable(inner) => visit(inner, f),
            TypeRef::Scalar(_) | TypeRef::Literal(_) | TypeRef::Unsupported(_) => {}
        }
    }
    match kind {
        TypeKind::Struct(def) => {
            def.bases.iter_mut().for_each(&mut *f);
            def.fields.iter_mut().for_each(|field| visit(&mut field.ty, f));
        }
        TypeKind::Union(def) => def.variants.iter_mut().for_each(|variant| visit(&mut variant.ty, f)),
        TypeKind::Alias(target) => visit(target, f),
        TypeKind::Enum(_) | TypeKind::Unsupported(_) => {}
    }
}
