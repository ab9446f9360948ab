//! Union docs: `## Supported Types`, then one `` ### `T` `` heading per variant, each followed by
//! an example code block (ignored: it never states a discriminator).

use crate::model::{UnionDef, Variant};

use super::cursor::Locator;
use super::{heading_type, offset_in, quote, Ctx, Flavour, Heading};

const NOTE: &str = "each variant is a heading ``### `T` `` followed by a fenced example";

pub(crate) fn parse_section(ctx: &mut Ctx<'_>, h2: usize, end: usize, subs: &[Heading<'_>]) -> UnionDef {
    let mut out = UnionDef { variants: Vec::with_capacity(subs.len()) };
    check_code_only(ctx, h2 + 1, subs.first().map_or(end, |h| h.idx));
    for (n, h) in subs.iter().enumerate() {
        let block_end = subs.get(n + 1).map_or(end, |next| next.idx);
        check_code_only(ctx, h.idx + 1, block_end);
        let line = ctx.lines.get(h.idx).copied().unwrap_or("");
        let Some(text) = h.title.strip_prefix('`').and_then(|t| t.strip_suffix('`')).filter(|_| h.title.len() >= 2)
        else {
            let msg = format!("variant heading `### {}` does not name a type in backticks", quote(h.title));
            ctx.error(h.idx, 0, msg, NOTE);
            continue;
        };
        let base = offset_in(line, text);
        let at = Locator { file: &ctx.file.display, line_idx: h.idx, line, base };
        let parsed = match ctx.flavour {
            Flavour::Python => heading_type::parse_python(text, &at),
            Flavour::TypeScript => heading_type::parse_typescript(text, &at),
        };
        match parsed {
            Ok(ty) => out.variants.push(Variant { ty, loc: ctx.loc(h.idx, base) }),
            Err(e) => ctx.error(h.idx, base + e.at, e.message, e.note),
        }
    }
    if subs.is_empty() {
        ctx.error(h2, 0, "union has no variants", format!("list them under `## Supported Types`; {NOTE}"));
    }
    out
}

/// Lines `from..to` may hold only blank lines and fenced code.
fn check_code_only(ctx: &mut Ctx<'_>, from: usize, to: usize) {
    let mut in_fence = false;
    for idx in from..to {
        let line = ctx.lines.get(idx).copied().unwrap_or("");
        if line.starts_with("```") {
            in_fence = !in_fence;
        } else if !in_fence && !line.trim().is_empty() {
            let msg = format!("unexpected text `{}` in `## Supported Types`", quote(line.trim()));
            ctx.error(idx, 0, msg, NOTE);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Scalar, TypeKind, TypeRef, UnionDef};
    use crate::parse::speakeasy::test_support::{one, one_error};

    fn union_of(doc: &str) -> UnionDef {
        match one(doc).kind {
            TypeKind::Union(u) => u,
            other => panic!("not a union: {other:?}"),
        }
    }

    #[test]
    fn python_union() {
        let u = union_of(
            "# PartDelta\n\nThe chunk.\n\n\n## Supported Types\n\n### `models.TextPart`\n\n```python\nvalue: models.TextPart = /* values here */\n```\n\n### `List[str]`\n\n```python\nvalue: List[str] = /* values here */\n```\n\n",
        );
        assert_eq!(u.variants.len(), 2);
        let TypeRef::Named(r) = &u.variants[0].ty else { panic!() };
        assert_eq!((r.name.as_str(), r.qualifier.as_deref(), r.link.as_deref()), ("TextPart", Some("models"), None));
        assert_eq!((u.variants[0].loc.line, u.variants[0].loc.col), (8, 6));
        assert_eq!(u.variants[1].ty, TypeRef::List(Box::new(TypeRef::Scalar(Scalar::String))));
    }

    #[test]
    fn typescript_union() {
        let u = union_of(
            "# P\n\n\n## Supported Types\n\n### `components.TextPart`\n\n```typescript\nconst value: components.TextPart = {\n  kind: \"text\",\n  ### not a heading\n};\n```\n\n### `{ [k: string]: any }[]`\n\n```typescript\nconst value: { [k: string]: any; }[] = [];\n```\n",
        );
        assert_eq!(u.variants.len(), 2);
        assert_eq!(u.variants[1].ty, TypeRef::List(Box::new(TypeRef::Map(Box::new(TypeRef::Scalar(Scalar::Any))))));
    }

    #[test]
    fn union_diagnostics() {
        let d = one_error("# P\n\n## Supported Types\n\n");
        assert_eq!((d.message.as_str(), d.loc.line), ("union has no variants", 3));
        let d = one_error("# P\n\n## Supported Types\n\n### `models.A`\n\n### `strr`\n");
        assert_eq!(d.message, "unknown type `strr`");
        assert_eq!((d.loc.line, d.loc.col), (7, 6));
        let d = one_error("# P\n\n## Supported Types\n\n### models.A\n");
        assert!(d.message.contains("does not name a type in backticks"), "{}", d.message);
        let d = one_error("# P\n\n## Supported Types\n\n### `models.A`\n\nstray text\n");
        assert!(d.message.contains("unexpected text `stray text`"), "{}", d.message);
        let d = one_error("# P\n\n## Supported Types\n\n### `List[models.A`\n");
        assert!(d.message.contains("unbalanced brackets"), "{}", d.message);
        assert_eq!((d.loc.line, d.loc.col), (5, 6));
    }
}
