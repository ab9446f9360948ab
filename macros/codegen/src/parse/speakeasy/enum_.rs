//! Enum docs: the `## Values` section.
//!
//! - Python: bullets ``- `"value"` `` or ``- `100` ``, optionally preceded by the open-enum
//!   sentence `This is an open enum. Unrecognized values will not fail type checks.`; older
//!   generators write a `| Name | Value |` table instead (see `enum_table`).
//! - TypeScript: one line in a ```` ```typescript ```` fence, `"a" | "b"` or `100 | 101`,
//!   optionally ending `| Unrecognized<string>` (an open enum).

use std::ops::Range;

use crate::model::{Docs, EnumDef, EnumValue, Literal};

use super::cursor::{CellError, Cursor};
use super::{enum_table, quote, Ctx};

const OPEN_SENTENCE: &str = "This is an open enum. Unrecognized values will not fail type checks.";
const PY_NOTE: &str =
    "an enum value is a bullet ``- `\"value\"` `` or ``- `123` ``, or a row ``| `NAME` | value |`` of a `| Name | Value |` table";
const TS_NOTE: &str =
    "enum values are one line `\"a\" | \"b\"` (or integers), optionally ending `| Unrecognized<string>`";

pub(crate) fn parse_section(ctx: &mut Ctx<'_>, range: Range<usize>) -> EnumDef {
    let heading = range.start.saturating_sub(1);
    let mut out = EnumDef::default();
    let mut in_fence = false;
    let mut next = range.start;
    while next < range.end {
        let idx = next;
        next += 1;
        let line = ctx.lines.get(idx).copied().unwrap_or("");
        let trimmed = line.trim();
        if line.starts_with("```") {
            in_fence = !in_fence;
            continue;
        }
        if trimmed.is_empty() || (in_fence && trimmed.starts_with("//")) {
            continue;
        }
        if in_fence {
            if let Err(e) = ts_line(ctx, idx, line, &mut out) {
                ctx.error(idx, e.at, e.message, e.note);
            }
        } else if trimmed == OPEN_SENTENCE {
            out.open = true;
        } else if line.starts_with('|') {
            next = enum_table::read(ctx, idx, &mut out.values);
        } else if let Some(item) = line.strip_prefix("- ") {
            match bullet(item) {
                Some(value) => out.values.push(EnumValue {
                    value,
                    member: None,
                    docs: Docs::default(),
                    deprecated: None,
                    loc: ctx.loc(idx, 2),
                }),
                None => {
                    let msg = format!("malformed enum value {}", quote(item.trim()));
                    ctx.error(idx, 2, msg, PY_NOTE);
                }
            }
        } else {
            let msg = format!("unexpected text `{}` in `## Values`", quote(trimmed));
            ctx.error(idx, 0, msg, PY_NOTE);
        }
    }
    if out.values.is_empty() {
        ctx.error(heading, 0, "enum has no values", format!("list the values under `## Values`; {PY_NOTE}"));
    }
    // A value listed twice is a defect of the doc (no vendor doc has one): it cannot be two
    // variants, and silently keeping one would hide which line was meant.
    let mut kept: Vec<EnumValue> = Vec::with_capacity(out.values.len());
    for value in std::mem::take(&mut out.values) {
        if let Some(first) = kept.iter().find(|v| v.value == value.value) {
            let text = literal_text(&value.value);
            ctx.diags.push(
                crate::diagnostic::Diagnostic::new(
                    value.loc.clone(),
                    format!("enum value `{}` is listed twice", quote(&text)),
                )
                .with_note(format!("it is first listed at {}; list each value once", first.loc)),
            );
            continue;
        }
        kept.push(value);
    }
    out.values = kept;
    out
}

/// A value as the doc writes it: `"standard"`, `100`.
fn literal_text(value: &Literal) -> String {
    match value {
        Literal::Str(s) => format!("\"{s}\""),
        Literal::Int(i) => i.to_string(),
        Literal::Bool(b) => b.to_string(),
    }
}

/// `` `"value"` `` or `` `123` `` (the text after `- `).
fn bullet(item: &str) -> Option<Literal> {
    let code = item.trim_end().strip_prefix('`')?.strip_suffix('`')?;
    if let Some(s) = code.strip_prefix('"').and_then(|c| c.strip_suffix('"')) {
        return Some(Literal::Str(s.to_string()));
    }
    int_literal(code).map(Literal::Int)
}

/// `100`, `-1`: an optional minus and ASCII digits that fit an `i64`.
pub(crate) fn int_literal(text: &str) -> Option<i64> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

/// One line of TypeScript values.
fn ts_line(ctx: &mut Ctx<'_>, idx: usize, line: &str, out: &mut EnumDef) -> Result<(), CellError> {
    let mut c = Cursor::new(line);
    loop {
        c.skip_spaces();
        let start = c.pos;
        let value = if let Some(s) = c.quoted() {
            Literal::Str(s.to_string())
        } else if let Some(i) = c.int() {
            Literal::Int(i)
        } else if c.eat("Unrecognized<string>") || c.eat("Unrecognized<number>") {
            out.open = true;
            c.skip_spaces();
            c.eat(";");
            c.skip_spaces();
            return c.finish(TS_NOTE);
        } else {
            return Err(CellError::new(
                start,
                format!("malformed enum value `{}`", quote(c.construct(start))),
                TS_NOTE,
            ));
        };
        out.values.push(EnumValue {
            value,
            member: None,
            docs: Docs::default(),
            deprecated: None,
            loc: ctx.loc(idx, start),
        });
        c.skip_spaces();
        if c.at_end() || c.eat(";") {
            c.skip_spaces();
            return c.finish(TS_NOTE);
        }
        if !c.eat("|") {
            return Err(c.expected("|", None, TS_NOTE));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{EnumDef, Literal, TypeKind};
    use crate::parse::speakeasy::test_support::{one, one_error};

    fn enum_of(doc: &str) -> EnumDef {
        match one(doc).kind {
            TypeKind::Enum(e) => e,
            other => panic!("not an enum: {other:?}"),
        }
    }

    #[test]
    fn python_enum() {
        let e = enum_of("# T\n\n## Example Usage\n\n```python\nfrom x import T\nvalue: T = \"a\"\n```\n\n\n## Values\n\n- `\"weight_based\"`\n- `\"Translation (document)\"`\n- `\"-created\"`\n");
        assert!(!e.open);
        let v: Vec<_> = e.values.iter().map(|v| v.value.clone()).collect();
        assert_eq!(
            v,
            vec![
                Literal::Str("weight_based".into()),
                Literal::Str("Translation (document)".into()),
                Literal::Str("-created".into())
            ]
        );
        assert_eq!((e.values[1].loc.line, e.values[1].loc.col), (14, 3));
        assert!(e.values.iter().all(|v| v.member.is_none()));
    }

    #[test]
    fn python_open_int_enum() {
        let e = enum_of("# HTTPStatus\n\n## Values\n\nThis is an open enum. Unrecognized values will not fail type checks.\n\n- `100`\n- `-1`\n");
        assert!(e.open);
        assert_eq!(
            e.values.iter().map(|v| v.value.clone()).collect::<Vec<_>>(),
            vec![Literal::Int(100), Literal::Int(-1)]
        );
    }

    #[test]
    fn typescript_enum() {
        let e = enum_of("# T\n\n## Example Usage\n\n```typescript\nlet value: T = \"low\";\n```\n\n## Values\n\n```typescript\n\"low\" | \"a | b\" | \"auto\"\n```");
        assert!(!e.open);
        assert_eq!(
            e.values.iter().map(|v| v.value.clone()).collect::<Vec<_>>(),
            vec![Literal::Str("low".into()), Literal::Str("a | b".into()), Literal::Str("auto".into())]
        );
        assert_eq!((e.values[2].loc.line, e.values[2].loc.col), (12, 19));
        let e = enum_of("# T\n\n## Values\n\n```typescript\n// Open enum\n100 | 101 | Unrecognized<string>\n```\n");
        assert!(e.open);
        assert_eq!(e.values.len(), 2);
    }

    #[test]
    fn enum_diagnostics() {
        let d = one_error("# T\n\n## Values\n\n- `\"a\"`\n- `b`\n");
        assert_eq!(d.message, "malformed enum value `b`");
        assert_eq!((d.loc.line, d.loc.col), (6, 3));
    }

    #[test]
    fn enum_diagnostics_more() {
        let d = one_error("# T\n\n## Values\n\n");
        assert_eq!((d.message.as_str(), d.loc.line), ("enum has no values", 3));
        let d = one_error("# T\n\n## Values\n\n- `\"a\"`\nhello\n");
        assert_eq!(d.message, "unexpected text `hello` in `## Values`");
        assert_eq!(d.loc.line, 6);
        let d = one_error("# T\n\n## Values\n\n```typescript\n\"a\" | b\n```\n");
        assert_eq!(d.message, "malformed enum value `b`");
        assert_eq!((d.loc.line, d.loc.col), (6, 7));
        let d = one_error("# T\n\n## Values\n\n```typescript\n\"a\" \"b\"\n```\n");
        assert!(d.message.contains("expected `|`"), "{}", d.message);
    }

    #[test]
    fn a_value_listed_twice_is_an_error() {
        let d = one_error("# T\n\n## Values\n\n- `\"a\"`\n- `\"b\"`\n- `\"a\"`\n");
        assert_eq!(d.message, "enum value `\"a\"` is listed twice");
        assert_eq!((d.loc.line, d.loc.col), (7, 3));
        assert_eq!(d.note.as_deref(), Some("it is first listed at schemas/x.md:5:3; list each value once"));
        let d = one_error("# T\n\n## Values\n\n```typescript\n100 | 101 | 100\n```\n");
        assert_eq!(d.message, "enum value `100` is listed twice");
        assert_eq!((d.loc.line, d.loc.col), (6, 13));
    }
}
