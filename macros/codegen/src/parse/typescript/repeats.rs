//! Merged declarations that repeat a property. TypeScript accepts a property declared again
//! in a later declaration of the same interface when its type is the same ("subsequent
//! property declarations must have the same type"): js-genai declares
//! `UploadToFileSearchStoreParameters` twice, openai-node repeats whole namespaces. Such a
//! repeat adds nothing; a repeat with another type is still an error, reported by the merge.

use super::cursor::Ctx;
use super::lexer::TokenKind;
use super::output::Output;
use super::syntax::{Member, MemberKind};

impl Ctx<'_> {
    /// A property's optionality and type as written, comments and layout aside
    /// (`?:string|null`): equal texts declare the same type.
    fn property_text(&self, optional: bool, ty: Option<(usize, usize)>) -> String {
        let mut text = String::from(if optional { "?:" } else { ":" });
        let Some((start, end)) = ty else { return text };
        let toks = self.toks.get(start..end).unwrap_or(&[]);
        // A union's leading `|` (a multi-line union) does not change it.
        let toks = toks.iter().skip_while(|t| t.is_punct("|") || matches!(t.kind, TokenKind::DocComment(_)));
        for tok in toks {
            match &tok.kind {
                TokenKind::DocComment(_) => continue,
                TokenKind::Ident(word) | TokenKind::Number(word) => text.push_str(word),
                TokenKind::Str(value) => text.push_str(&format!("{value:?}")),
                TokenKind::Punct(p) => text.push_str(p),
                TokenKind::Template | TokenKind::Regex => {
                    text.push_str(self.text.get(tok.start..tok.end).unwrap_or(""))
                }
            }
            text.push(' ');
        }
        text
    }
}

impl Output {
    /// The members of a declaration of `dir`/`name`, without the properties an earlier
    /// declaration of it already has with the same type; the rest are remembered for later
    /// declarations.
    pub fn drop_repeats(&mut self, ctx: &Ctx<'_>, dir: &str, name: &str, members: Vec<Member>) -> Vec<Member> {
        let known = self.properties.entry((dir.to_string(), name.to_string())).or_default();
        let mut kept = Vec::with_capacity(members.len());
        let mut new = Vec::new();
        for member in members {
            if let MemberKind::Property { name, optional, ty } = &member.kind {
                let text = ctx.property_text(*optional, ty.as_ref().map(|t| (t.start, t.end)));
                if known.get(name) == Some(&text) {
                    continue;
                }
                new.push((name.clone(), text));
            }
            kept.push(member);
        }
        for (name, text) in new {
            known.entry(name).or_insert(text);
        }
        kept
    }
}
