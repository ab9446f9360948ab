//! Problems that concern one declaration wait here until the resolver knows which
//! declarations are needed: with roots, a whole vendor file's other declarations (request
//! parameters, client classes, declarations that do not parse) must not matter.

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{Schema, TypeId};

#[derive(Default)]
pub struct Held {
    list: Vec<(TypeId, Diagnostic)>,
}

impl Held {
    /// A problem of declaration `id`.
    pub fn push(&mut self, id: TypeId, diagnostic: Diagnostic) {
        self.list.push((id, diagnostic));
    }

    /// Everything `found` collected, as problems of declaration `id`.
    pub fn extend(&mut self, id: TypeId, found: Diagnostics) {
        self.list.extend(found.into_sorted().into_iter().map(|d| (id, d)));
    }

    /// Reports the problems of the declarations `wanted` names (the generated ones, and where
    /// no roots limit generation, all), including those the parser attached to them
    /// ([`crate::model::TypeDef::diagnostics`]).
    pub fn report(self, schema: &Schema, wanted: impl Fn(TypeId) -> bool, diags: &mut Diagnostics) {
        for (id, diagnostic) in self.list {
            if wanted(id) {
                diags.push(diagnostic);
            }
        }
        for (id, ty) in schema.types.iter().enumerate() {
            if wanted(id) {
                ty.diagnostics.iter().for_each(|d| diags.push(d.clone()));
            }
        }
    }
}
