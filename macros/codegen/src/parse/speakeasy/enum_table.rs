//! Enum values written as a table, the form of older Speakeasy generators (orq-python's docs
//! until March 2026) where newer ones write bullets:
//!
//! ```text
//! | Name      | Value     |
//! | --------- | --------- |
//! | `ALLOY`   | alloy     |
//! | `SHIMMER` | shimmer   |
//! ```
//!
//! The Value cell is the value as sent, unquoted (`\|` is a pipe). A Python enum holds strings or
//! integers, never both, so the values are integers when every Value cell is one (an int enum's
//! row reads ``| `FIFTY_FIVE` | 55 |``) and strings otherwise.
//!
//! The Name column is the SDK's member name. It is checked but not kept: the values name the
//! variants, exactly as for bullets, so a doc that only moves from this form to bullets generates
//! the same Rust. (The names would not always agree: on orq-python of 2026-02-17, 99 of 3,637
//! names, in 49 of 1,555 enums, give another variant than their value, `FIVEM` for `5m`.)

use crate::model::{Docs, EnumValue, Literal};

use super::table::{self, Cell};
use super::{docs, enum_, quote, Ctx};

const NOTE: &str =
    "an enum values table is `| Name | Value |`, a separator row, then one row ``| `NAME` | value |`` per value";

/// Reads the values table whose header is line `idx` into `out`; returns the index of the first
/// line after the table. Problems are reported; a row with an unusable value is skipped.
pub(crate) fn read(ctx: &mut Ctx<'_>, idx: usize, out: &mut Vec<EnumValue>) -> usize {
    let header_line = ctx.lines.get(idx).copied().unwrap_or("");
    let header = table::split_row(header_line);
    if !matches!(header.as_slice(), [name, value] if name.text == "Name" && value.text == "Value") {
        let msg = format!("enum values table has the header `{}`", quote(header_line.trim()));
        ctx.error(idx, 0, msg, NOTE);
        return table::table_end(&ctx.lines, idx).max(idx + 1);
    }
    let (table, end) = table::read_table(ctx, idx);
    // Every Value cell is read before any is typed: one cell that is not an integer makes them all strings.
    let mut cells: Vec<(usize, Cell<'_>)> = Vec::with_capacity(table.rows().len());
    for row in table.rows() {
        // `read_table` keeps only rows with one cell per header column.
        let [name, value] = row.cells else { continue };
        let member = name.text.strip_prefix('`').and_then(|n| n.strip_suffix('`')).filter(|n| !n.trim().is_empty());
        if member.is_none() {
            let msg = if name.text.is_empty() {
                "empty Name cell in the enum values table".to_string()
            } else {
                format!("enum member name `{}` is not in backticks", quote(name.text))
            };
            ctx.error(row.idx, name.start, msg, NOTE);
        }
        if value.text.is_empty() {
            let msg = match member {
                Some(m) => format!("empty Value cell for `{}`", quote(m)),
                None => "empty Value cell".to_string(),
            };
            ctx.error(row.idx, value.start, msg, format!("{NOTE}; the value is written without quotes"));
            continue;
        }
        cells.push((row.idx, *value));
    }
    let all_ints = !cells.is_empty() && cells.iter().all(|(_, c)| enum_::int_literal(c.text).is_some());
    out.reserve(cells.len());
    for (row_idx, cell) in cells {
        let value = match enum_::int_literal(cell.text).filter(|_| all_ints) {
            Some(i) => Literal::Int(i),
            None => Literal::Str(docs::unescape_pipes(cell.text).into_owned()),
        };
        out.push(EnumValue {
            value,
            member: None,
            docs: Docs::default(),
            deprecated: None,
            loc: ctx.loc(row_idx, cell.start),
        });
    }
    end.max(idx + 1)
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Diagnostic;
    use crate::model::{EnumDef, Literal, TypeDef, TypeKind};
    use crate::parse::speakeasy::test_support::{one, one_error, run};

    fn enum_of(t: &TypeDef) -> &EnumDef {
        match &t.kind {
            TypeKind::Enum(e) => e,
            other => panic!("not an enum: {other:?}"),
        }
    }

    fn values(doc: &str) -> Vec<Literal> {
        enum_of(&one(doc)).values.iter().map(|v| v.value.clone()).collect()
    }

    /// Everything the doc says about a type, without where it says it.
    fn content(t: &TypeDef) -> String {
        let e = enum_of(t);
        let values: Vec<_> = e.values.iter().map(|v| (&v.value, &v.member, &v.docs, &v.deprecated)).collect();
        format!("{} {:?} {:?} open={} {values:?}", t.name, t.docs, t.deprecated, e.open)
    }

    /// Real pairs: the doc in orq-python of 2026-02-17 (table) and of 2026-08-21 (bullets), where
    /// only the form changed (and the newer one gained `## Example Usage`).
    const PAIRS: &[(&str, &str, &str)] = &[
        ("ttl.md", include_str!("testdata/orq-python-2026-02-17/ttl.md"), include_str!("testdata/orq-python/ttl.md")),
        (
            "createpromptusecases.md",
            include_str!("testdata/orq-python-2026-02-17/createpromptusecases.md"),
            include_str!("testdata/orq-python/createpromptusecases.md"),
        ),
    ];

    #[test]
    fn a_real_table_reads_as_its_bullet_successor() {
        for (name, table, bullets) in PAIRS {
            assert!(table.contains("| Name ") && !bullets.contains("| Name "), "{name}: not a table/bullets pair");
            let (old, new) = (one(table), one(bullets));
            assert_eq!(content(&old), content(&new), "{name}");
            assert!(!enum_of(&old).values.is_empty());
        }
        let ttl = one(PAIRS[0].1);
        // The prose before `## Values` keeps its own list (`- `5m`: 5 minutes`); only the table is values.
        assert_eq!(ttl.docs.lines.get(2).map(String::as_str), Some("- `5m`: 5 minutes"));
        let e = enum_of(&ttl);
        assert_eq!(
            e.values.iter().map(|v| (&v.value, v.member.as_deref())).collect::<Vec<_>>(),
            [(&Literal::Str("5m".into()), None), (&Literal::Str("1h".into()), None)],
            "the Name column (`FIVEM`, `ONEH`) names nothing"
        );
        // `| `ONEH`  | 1h      |` is line 16; the value starts at its 13th character.
        assert_eq!((e.values[1].loc.line, e.values[1].loc.col), (16, 13));
        let uses = one(PAIRS[1].1);
        assert_eq!(enum_of(&uses).values.len(), 20);
        assert_eq!(enum_of(&uses).values[18].value, Literal::Str("Translation (document)".into()));
    }

    const HEAD: &str = "# HTTPStatus\n\n## Values\n\n| Name | Value |\n| --- | --- |\n";

    #[test]
    fn integer_values() {
        assert_eq!(
            values(&format!("{HEAD}| `HTTP_STATUS_100` | 100 |\n| `MINUS_ONE` | -1 |\n| `HTTP_STATUS_500` | 500 |")),
            [Literal::Int(100), Literal::Int(-1), Literal::Int(500)]
        );
        // One value that is not an integer makes it a string enum: `100` is then the string "100".
        assert_eq!(
            values(&format!("{HEAD}| `ONE_HUNDRED` | 100 |\n| `AUTO` | auto |")),
            [Literal::Str("100".into()), Literal::Str("auto".into())]
        );
        // Too large for an integer: a string.
        assert_eq!(
            values(&format!("{HEAD}| `BIG` | 99999999999999999999 |")),
            [Literal::Str("99999999999999999999".into())]
        );
    }

    #[test]
    fn cell_text() {
        // Escaped pipes are pipes; inner spaces stay; padding goes.
        assert_eq!(
            values(&format!("{HEAD}| `A_OR_B` |   a \\| b    |\n| `X` | `x` |")),
            [Literal::Str("a | b".into()), Literal::Str("`x`".into())]
        );
    }

    /// The one diagnostic of `doc`, with its note.
    fn error(doc: &str) -> Diagnostic {
        let d = one_error(doc);
        assert!(d.note.as_deref().is_some_and(|n| !n.is_empty()), "no note: {d:?}");
        d
    }

    #[test]
    fn wrong_cell_count() {
        let d = error(&format!("{HEAD}| `A` | a |\n| `B` | b | extra |\n| `C` | c |"));
        assert_eq!(d.message, "table row has 3 cells but the header has 2: `| `B` | b | extra |`");
        assert_eq!((&*d.loc.file, d.loc.line, d.loc.col), ("schemas/x.md", 8, 1));
        // The rows around it are still values.
        let (types, _) = run(&format!("{HEAD}| `A` | a |\n| `B` |\n| `C` | c |"));
        assert_eq!(enum_of(&types[0]).values.len(), 2);
        let d = error(&format!("{HEAD}| `A` | a |\n| `B` |"));
        assert_eq!(d.message, "table row has 1 cells but the header has 2: `| `B` |`");
        assert_eq!(d.loc.line, 8);
        let d = error("# T\n\n## Values\n\n| Name | Value |\n| --- | --- | --- |\n| `A` | a |");
        assert_eq!(d.message, "separator row has 3 cells but the header has 2");
        assert_eq!(d.loc.line, 6);
    }

    #[test]
    fn missing_separator() {
        let (types, diags) = run("# T\n\n## Values\n\n| Name | Value |\n| `A` | a |\n| `B` | b |");
        assert_eq!(diags.len(), 1, "{diags:#?}");
        assert_eq!(diags[0].message, "table has no separator row after its header `| Name | Value |`");
        assert_eq!((diags[0].loc.line, diags[0].loc.col), (5, 1));
        assert!(diags[0].note.is_some());
        assert_eq!(enum_of(&types[0]).values.len(), 2, "the rows are still read");
    }

    #[test]
    fn empty_cells() {
        let d = error(&format!("{HEAD}| `A` | a |\n| `B` |  |"));
        assert_eq!(d.message, "empty Value cell for `B`");
        assert_eq!((d.loc.line, d.loc.col), (8, 8));
        // A row without a value is no value: here, none is left.
        let (_, diags) = run(&format!("{HEAD}| `A` |  |"));
        let messages: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages, ["enum has no values", "empty Value cell for `A`"]);
        let (_, diags) = run(&format!("{HEAD}|  |  |"));
        let messages: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages, ["enum has no values", "empty Name cell in the enum values table", "empty Value cell"]);
        let d = error(&format!("{HEAD}| A | a |"));
        assert_eq!(d.message, "enum member name `A` is not in backticks");
        assert_eq!((d.loc.line, d.loc.col), (7, 3));
        let d = error(&format!("{HEAD}| `` | a |"));
        assert_eq!(d.message, "enum member name ```` is not in backticks");
        // No rows at all.
        let d = error(HEAD);
        assert_eq!((d.message.as_str(), d.loc.line), ("enum has no values", 3));
        assert!(d.note.as_deref().is_some_and(|n| n.contains("| Name | Value |")), "{d:?}");
    }

    #[test]
    fn wrong_header() {
        let (_, diags) =
            run("# T\n\n## Values\n\n| Name | Value | Description |\n| --- | --- | --- |\n| `A` | a | The a. |\n");
        let messages: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            ["enum has no values", "enum values table has the header `| Name | Value | Description |`"],
            "one error for the table, none for its rows"
        );
        assert_eq!((diags[1].loc.line, diags[1].loc.col), (5, 1));
        assert!(diags[1].note.as_deref().is_some_and(|n| n.contains("`| Name | Value |`")));
        let (_, diags) = run("# T\n\n## Values\n\n| Value | Name |\n| --- | --- |\n| a | `A` |\n");
        assert!(diags.iter().any(|d| d.message == "enum values table has the header `| Value | Name |`"), "{diags:#?}");
        let (_, diags) = run("# T\n\n## Values\n\n|\n");
        assert!(diags.iter().any(|d| d.message == "enum values table has the header `|`"), "{diags:#?}");
    }

    #[test]
    fn text_after_the_table_and_a_value_twice() {
        let d = error(&format!("{HEAD}| `A` | a |\nstray\n"));
        assert_eq!((d.message.as_str(), d.loc.line), ("unexpected text `stray` in `## Values`", 8));
        let d = error(&format!("{HEAD}| `A` | a |\n| `A2` | a |"));
        assert_eq!(d.message, "enum value `\"a\"` is listed twice");
        assert_eq!((d.loc.line, d.loc.col), (8, 10));
    }
}
