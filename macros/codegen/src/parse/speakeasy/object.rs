//! Object docs: the `## Fields` table (`Field|Type|Required|Description[|Example]`, or the
//! `Name|Type|Description|Example` of `utils/retryconfig.md`) → a [`StructDef`].

use std::collections::HashSet;
use std::ops::Range;

use crate::model::{Docs, Field, Presence, Scalar, StructDef, TypeRef};

use super::cursor::Locator;
use super::table::{self, Cell, Row};
use super::type_cell::{self, Wrapper};
use super::{docs, quote, strip_strike, Ctx, Flavour};

const REQUIRED: &str = ":heavy_check_mark:";
const OPTIONAL: &str = ":heavy_minus_sign:";

/// Names the Python generator suffixes with `_`: Python keywords and soft keywords, plus the
/// names that would shadow `bytes` or pydantic's `schema`, `format`, `model_config`, `filter`.
const PY_RESERVED: &[&str] = &[
    "False",
    "None",
    "True",
    "and",
    "as",
    "assert",
    "async",
    "await",
    "break",
    "case",
    "class",
    "continue",
    "def",
    "del",
    "elif",
    "else",
    "except",
    "finally",
    "for",
    "from",
    "global",
    "if",
    "import",
    "in",
    "is",
    "lambda",
    "match",
    "nonlocal",
    "not",
    "or",
    "pass",
    "raise",
    "return",
    "try",
    "type",
    "while",
    "with",
    "yield",
    "bytes",
    "schema",
    "format",
    "model_config",
    "filter",
];

/// The JSON key of a Python-flavour field name: `bytes_` → `bytes`, otherwise the name.
pub(crate) fn python_wire_name(name: &str) -> &str {
    match name.strip_suffix('_') {
        Some(base) if PY_RESERVED.contains(&base) => base,
        _ => name,
    }
}

/// Column positions, from the header.
struct Columns {
    name: usize,
    ty: usize,
    required: Option<usize>,
    description: usize,
    example: Option<usize>,
}

const COLUMNS_NOTE: &str =
    "a Fields table has the columns `Field | Type | Required | Description`, optionally `| Example`";

fn columns(ctx: &mut Ctx<'_>, header: &Row<'_, '_>) -> Option<Columns> {
    let (mut name, mut ty, mut required, mut description, mut example) = (None, None, None, None, None);
    let mut ok = true;
    for (i, cell) in header.cells.iter().enumerate() {
        let slot = match cell.text {
            "Field" | "Name" => &mut name,
            "Type" => &mut ty,
            "Required" => &mut required,
            "Description" => &mut description,
            "Example" => &mut example,
            other => {
                let msg = format!("unknown table column `{}`", quote(other));
                ctx.error(header.idx, cell.start, msg, COLUMNS_NOTE);
                ok = false;
                continue;
            }
        };
        if slot.is_some() {
            let msg = format!("duplicate table column `{}`", cell.text);
            ctx.error(header.idx, cell.start, msg, COLUMNS_NOTE);
            ok = false;
        }
        *slot = Some(i);
    }
    let missing: Vec<&str> = [("Field", name), ("Type", ty), ("Description", description)]
        .iter()
        .filter(|(_, v)| v.is_none())
        .map(|(n, _)| *n)
        .collect();
    if !missing.is_empty() {
        let msg = format!("table header lacks the column(s) `{}`", missing.join("`, `"));
        ctx.error(header.idx, 0, msg, COLUMNS_NOTE);
        return None;
    }
    let columns = Columns { name: name?, ty: ty?, required, description: description?, example };
    ok.then_some(columns)
}

/// Parses the lines of a `## Fields` section: blank lines, one table, blank lines.
pub(crate) fn parse_section(ctx: &mut Ctx<'_>, range: Range<usize>, section: &str) -> StructDef {
    let heading = range.start.saturating_sub(1);
    let mut idx = range.start;
    while idx < range.end && ctx.lines.get(idx).is_some_and(|l| l.trim().is_empty()) {
        idx += 1;
    }
    if !ctx.lines.get(idx).is_some_and(|l| l.starts_with('|')) || idx >= range.end {
        let found = ctx.lines.get(idx).filter(|_| idx < range.end).map(|l| l.trim()).unwrap_or("");
        let (at, msg) = if found.is_empty() {
            (heading, format!("{section} has no table"))
        } else {
            (idx, format!("expected a table in {section}, found `{}`", quote(found)))
        };
        ctx.error(at, 0, msg, "the fields are a markdown table: `| Field | Type | Required | Description |`");
        return StructDef::default();
    }
    let (table, end) = table::read_table(ctx, idx);
    for after in end.min(range.end)..range.end {
        let line = ctx.lines.get(after).copied().unwrap_or("");
        if !line.trim().is_empty() {
            let msg = format!("unexpected text `{}` after the table", quote(line.trim()));
            ctx.error(after, 0, msg, format!("{section} holds only the fields table"));
        }
    }
    let Some(cols) = columns(ctx, &table.header()) else {
        return StructDef::default();
    };
    let mut out = StructDef::default();
    let mut seen: HashSet<&str> = HashSet::with_capacity(table.rows().len());
    for row in table.rows() {
        if let Some(field) = parse_row(ctx, &cols, &row, &mut seen, &mut out.additional) {
            // Python spells a reserved key with a `_` (`bytes_`): beside a field of the plain
            // name (`bytes`) both would be one JSON key.
            if let Some(first) = out.fields.iter().find(|f| f.wire_name == field.wire_name) {
                let message = format!(
                    "fields `{}` and `{}` both have the JSON key `{}`",
                    first.name, field.name, field.wire_name
                );
                let note = format!(
                    "the Python SDK writes the key `{}` as `{}_`; `{}` is declared at {}, and a JSON object has each key once: remove one of the rows",
                    field.wire_name, field.wire_name, first.name, first.loc
                );
                ctx.diags.push(crate::diagnostic::Diagnostic::new(field.loc.clone(), message).with_note(note));
                continue;
            }
            out.fields.push(field);
        }
    }
    out
}

fn cell_at<'a>(row: &Row<'_, 'a>, i: usize) -> Cell<'a> {
    row.cells.get(i).copied().unwrap_or(Cell { text: "", start: 0 })
}

fn parse_row<'a>(
    ctx: &mut Ctx<'a>,
    cols: &Columns,
    row: &Row<'_, 'a>,
    seen: &mut HashSet<&'a str>,
    additional: &mut Option<Docs>,
) -> Option<Field> {
    let name_cell = cell_at(row, cols.name);
    let (name_text, struck) = match strip_strike(name_cell.text) {
        Some(inner) => (inner, true),
        None => (name_cell.text, false),
    };
    let Some(name) = name_text.strip_prefix('`').and_then(|n| n.strip_suffix('`')).filter(|_| name_text.len() >= 2)
    else {
        let msg = if name_cell.text.is_empty() {
            "empty field name: the Field cell is blank".to_string()
        } else {
            format!("field name `{}` is not in backticks", quote(name_cell.text))
        };
        ctx.error(row.idx, name_cell.start, msg, "the Field cell is `` `name` ``, or `` ~~`name`~~ `` when deprecated");
        return None;
    };
    if name.trim().is_empty() {
        let msg = format!("empty field name in the Field cell `{}`", quote(name_cell.text));
        let note =
            "write the field's JSON key between the backticks: `` `name` ``, or `` ~~`name`~~ `` when deprecated";
        ctx.error(row.idx, name_cell.start, msg, note);
        return None;
    }
    if !seen.insert(name) {
        ctx.error(
            row.idx,
            name_cell.start,
            format!("duplicate field name `{}`", quote(name)),
            "each field appears once in a table",
        );
        return None;
    }

    let desc_cell = cell_at(row, cols.description);
    let (mut docs, note) = ctx.cell(desc_cell.text);
    if let Some(example) = cols.example.filter(|_| ctx.docs).and_then(|i| docs::example(cell_at(row, i).text)) {
        if !docs.lines.is_empty() {
            docs.lines.push(String::new());
        }
        docs.lines.push(example);
    }

    let ty_cell = cell_at(row, cols.ty);
    let line = ctx.lines.get(row.idx).copied().unwrap_or("");
    let at = Locator { file: &ctx.file.display, line_idx: row.idx, line, base: ty_cell.start };
    let parsed = match ctx.flavour {
        Flavour::Python => type_cell::parse_python(ty_cell.text, &at).map(|c| (c.wrapper, c.ty)),
        Flavour::TypeScript => type_cell::parse_typescript(ty_cell.text, &at).map(|t| (Wrapper::None, t)),
    };

    // The catch-all row is not a field: Python `__pydantic_extra__`, TS `additionalProperties: Record<string, any>`.
    let catch_all = match ctx.flavour {
        Flavour::Python => name == "__pydantic_extra__",
        Flavour::TypeScript => {
            name == "additionalProperties"
                && matches!(&parsed, Ok((_, TypeRef::Map(v))) if **v == TypeRef::Scalar(crate::model::Scalar::Any))
        }
    };
    if catch_all {
        *additional = Some(docs);
        return None;
    }

    let (wrapper, ty) = match parsed {
        Ok(p) => p,
        Err(e) => {
            let loc = ctx.loc(row.idx, ty_cell.start.saturating_add(e.at));
            ctx.diags.push(crate::diagnostic::Diagnostic::new(loc, e.message).with_note(e.note));
            return None;
        }
    };

    let marked = cols.required.and_then(|i| {
        let cell = cell_at(row, i);
        match cell.text {
            REQUIRED => Some(Presence::Required),
            OPTIONAL => Some(Presence::Optional),
            other => {
                let msg = format!("unknown Required marker `{}`", quote(other));
                ctx.error(
                    row.idx,
                    cell.start,
                    msg,
                    format!("expected `{REQUIRED}` (required) or `{OPTIONAL}` (optional)"),
                );
                None
            }
        }
    });
    let (presence, nullable) = match wrapper {
        Wrapper::None => {
            let presence = marked.unwrap_or(Presence::Required);
            // Python docs never wrap `List`, `Dict` or `[date]`, even where the source says
            // `Nullable[List[…]]` (241 times in orq): a required one may still be `null`.
            // An optional one already reads `null` as absent.
            let hidden_null = ctx.flavour == Flavour::Python
                && presence == Presence::Required
                && matches!(ty, TypeRef::List(_) | TypeRef::Map(_) | TypeRef::Scalar(Scalar::DateTime));
            (presence, hidden_null)
        }
        Wrapper::Optional => (Presence::Optional, false),
        Wrapper::OptionalNullable => (Presence::Optional, true),
        Wrapper::Nullable => (Presence::Required, true),
    };
    if marked.is_some_and(|m| m != presence) {
        let req = cols.required.map(|i| cell_at(row, i)).unwrap_or(ty_cell);
        let msg = format!(
            "the Required column says `{}` but the type `{}` is {}",
            req.text,
            quote(ty_cell.text),
            if presence == Presence::Optional { "optional" } else { "required" }
        );
        ctx.error(
            row.idx,
            req.start,
            msg,
            format!("`Optional[…]` and `OptionalNullable[…]` go with `{OPTIONAL}`, `Nullable[…]` with `{REQUIRED}`"),
        );
    }

    let wire_name = match ctx.flavour {
        Flavour::Python => python_wire_name(name),
        Flavour::TypeScript => name,
    };
    Some(Field {
        name: name.to_string(),
        wire_name: wire_name.to_string(),
        ty,
        presence,
        nullable,
        docs,
        deprecated: docs::deprecation(struck, note),
        loc: ctx.loc(row.idx, name_cell.start),
    })
}

#[cfg(test)]
mod tests {
    use super::python_wire_name;
    use crate::model::{Deprecation, Literal, NamedRef, Presence, Scalar, StructDef, TypeKind, TypeRef};
    use crate::parse::speakeasy::test_support::{one, one_error, run};

    fn object(doc: &str) -> StructDef {
        match one(doc).kind {
            TypeKind::Struct(s) => s,
            other => panic!("not a struct: {other:?}"),
        }
    }

    const HEAD: &str =
        "# Foo\n\nSome object.\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n";

    #[test]
    fn python_rows() {
        let s = object(&format!(
            "{HEAD}| `a`    | *str* | :heavy_check_mark: | The a. |\n\
             | `b` | *Optional[int]* | :heavy_minus_sign: | N/A |\n\
             | `c` | *Nullable[float]* | :heavy_check_mark: | x \\| y<br/>z |\n\
             | `d` | *OptionalNullable[bool]* | :heavy_minus_sign: | N/A |\n\
             | `e` | List[*str*] | :heavy_minus_sign: | N/A |\n\
             | `f` | Dict[str, *Any*] | :heavy_check_mark: | N/A |\n\
             | `g` | [date](https://docs.python.org/3/library/datetime.html#date-objects) | :heavy_minus_sign: | N/A |\n\
             | `bytes_` | *Optional[bytes]* | :heavy_minus_sign: | N/A |\n\
             | `type` | *Literal[False]* | :heavy_check_mark: | N/A |\n\
             | `__pydantic_extra__` | Dict[str, *Any*] | :heavy_minus_sign: | N/A |\n\
             | ~~`old`~~ | [Optional[models.Contact]](../models/contact.md) | :heavy_minus_sign: | : warning: ** DEPRECATED **: Gone.<br/><br/>Old one. |"
        ));
        let f = &s.fields;
        assert_eq!(f.len(), 10);
        assert_eq!((f[0].name.as_str(), f[0].presence, f[0].nullable), ("a", Presence::Required, false));
        assert_eq!(f[0].docs.lines, vec!["The a."]);
        assert_eq!((f[0].loc.line, f[0].loc.col), (9, 3));
        assert_eq!(
            (f[1].presence, f[1].nullable, &f[1].ty),
            (Presence::Optional, false, &TypeRef::Scalar(Scalar::Integer))
        );
        assert!(f[1].docs.lines.is_empty());
        assert_eq!((f[2].presence, f[2].nullable), (Presence::Required, true));
        assert_eq!(f[2].docs.lines, vec!["x | y", "z"]);
        assert_eq!((f[3].presence, f[3].nullable), (Presence::Optional, true));
        assert_eq!((f[4].presence, f[4].nullable), (Presence::Optional, false));
        assert_eq!(f[4].ty, TypeRef::List(Box::new(TypeRef::Scalar(Scalar::String))));
        // A required `Dict` may hide `Nullable[…]`: it reads `null` rather than failing.
        assert_eq!((f[5].presence, f[5].nullable), (Presence::Required, true));
        assert_eq!((f[6].presence, &f[6].ty), (Presence::Optional, &TypeRef::Scalar(Scalar::DateTime)));
        assert_eq!((f[7].name.as_str(), f[7].wire_name.as_str()), ("bytes_", "bytes"));
        assert_eq!(f[8].wire_name, "type");
        assert_eq!(f[8].ty, TypeRef::Literal(Literal::Bool(false)));
        assert_eq!(f[9].deprecated, Some(Deprecation { note: Some("Gone.".into()) }));
        assert_eq!(f[9].docs.lines, vec!["Old one."]);
        assert_eq!(f[9].loc.col, 3);
        let TypeRef::Named(NamedRef { name, qualifier, link, loc, .. }) = &f[9].ty else { panic!() };
        assert_eq!(
            (name.as_str(), qualifier.as_deref(), link.as_deref()),
            ("Contact", Some("models"), Some("../models/contact.md"))
        );
        assert_eq!((loc.line, loc.col), (19, 15));
        assert_eq!(s.additional, Some(Default::default()));
    }

    #[test]
    fn example_column_and_empty_table() {
        let s = object(
            "# Foo\n\n## Fields\n\n| Field | Type | Required | Description | Example |\n| --- | --- | --- | --- | --- |\n\
             | `tags` | List[*str*] | :heavy_minus_sign: | Tags. | [<br/>\"hr\"<br/>] |\n| `x` | *str* | :heavy_check_mark: | N/A | |",
        );
        assert_eq!(s.fields[0].docs.lines, vec!["Tags.", "", "Example: [ \"hr\" ]"]);
        assert!(s.fields[1].docs.lines.is_empty());
        let s = object("# Foo\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |");
        assert!(s.fields.is_empty() && s.additional.is_none());
    }

    #[test]
    fn typescript_rows() {
        let s = object(
            "# Foo\n\n## Example Usage\n\n```typescript\nlet value: Foo = {};\n```\n\n## Fields\n\n\
             | Field | Type | Required | Description |\n| --- | --- | --- | --- |\n\
             | `agentId` | *string* | :heavy_check_mark: | N/A |\n\
             | `in` | *components.U*[] | :heavy_minus_sign: | N/A |\n\
             | `format_` | *number* | :heavy_minus_sign: | N/A |\n\
             | `additionalProperties` | Record<string, *any*> | :heavy_minus_sign: | Extra. |\n",
        );
        assert_eq!(s.fields.len(), 3);
        assert_eq!((s.fields[0].presence, s.fields[0].nullable), (Presence::Required, false));
        assert_eq!((s.fields[1].presence, s.fields[1].wire_name.as_str()), (Presence::Optional, "in"));
        assert_eq!(s.fields[2].wire_name, "format_");
        assert_eq!(s.additional.map(|d| d.lines), Some(vec!["Extra.".to_string()]));
        // `additionalProperties` with another type is an ordinary field.
        let s = object(
            "# Foo\n\n```typescript\n```\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n\
             | `additionalProperties` | *boolean* | :heavy_minus_sign: | N/A |",
        );
        assert_eq!(s.fields.len(), 1);
        assert!(s.additional.is_none());
    }

    #[test]
    fn wire_names() {
        for (n, w) in [
            ("bytes_", "bytes"),
            ("schema_", "schema"),
            ("in_", "in"),
            ("model_config_", "model_config"),
            ("filter_", "filter"),
        ] {
            assert_eq!(python_wire_name(n), w);
        }
        assert_eq!(python_wire_name("foo_"), "foo_");
        assert_eq!(python_wire_name("__pydantic_extra__"), "__pydantic_extra__");
        assert_eq!(python_wire_name("type"), "type");
    }

    #[test]
    fn unknown_wrapper_diagnostic() {
        let d = one_error(&format!("{HEAD}| `a` | *Optionall[float]* | :heavy_minus_sign: | N/A |"));
        assert_eq!(d.message, "unknown type `Optionall[float]`; did you mean `Optional`?");
        assert_eq!((d.loc.line, d.loc.col), (9, 10));
        assert!(d.note.unwrap().contains("OptionalNullable"));
    }

    #[test]
    fn contradictions() {
        let d = one_error(&format!("{HEAD}| `a` | *Optional[str]* | :heavy_check_mark: | N/A |"));
        assert!(d.message.contains("Required column says `:heavy_check_mark:`"), "{}", d.message);
        assert_eq!((d.loc.line, d.loc.col), (9, 27));
        let d = one_error(&format!("{HEAD}| `a` | *Nullable[str]* | :heavy_minus_sign: | N/A |"));
        assert!(d.message.contains("is required"), "{}", d.message);
    }

    #[test]
    fn row_diagnostics() {
        let d = one_error(&format!("{HEAD}| `a` | *str* | :heavy_check_mark: |"));
        assert!(d.message.contains("row has 3 cells but the header has 4"), "{}", d.message);
        assert_eq!(d.loc.line, 9);
        let d = one_error(&format!("{HEAD}| `a` | *str* | :heavy_check_mark: | x | y |"));
        assert!(d.message.contains("row has 5 cells"), "{}", d.message);
        let d = one_error(&format!("{HEAD}| `a` | *str* | :yes: | N/A |"));
        assert_eq!(d.message, "unknown Required marker `:yes:`");
        assert_eq!((d.loc.line, d.loc.col), (9, 17));
        let d = one_error(&format!("{HEAD}| `` | *str* | :heavy_check_mark: | N/A |"));
        assert_eq!(d.message, "empty field name in the Field cell ````");
        let d = one_error(&format!("{HEAD}| ~~` `~~ | *str* | :heavy_check_mark: | N/A |"));
        assert_eq!(d.message, "empty field name in the Field cell `~~` `~~`");
        assert_eq!((d.loc.line, d.loc.col), (9, 3));
        let d = one_error(&format!("{HEAD}|  | *str* | :heavy_check_mark: | N/A |"));
        assert_eq!(d.message, "empty field name: the Field cell is blank");
        let d = one_error(&format!(
            "{HEAD}| `bytes` | *int* | :heavy_check_mark: | N/A |\n| `bytes_` | *int* | :heavy_check_mark: | N/A |"
        ));
        assert_eq!(d.message, "fields `bytes` and `bytes_` both have the JSON key `bytes`");
        assert_eq!(d.loc.line, 10);
        let d = one_error(&format!("{HEAD}| a | *str* | :heavy_check_mark: | N/A |"));
        assert_eq!(d.message, "field name `a` is not in backticks");
        let d = one_error(&format!(
            "{HEAD}| `a` | *str* | :heavy_check_mark: | N/A |\n| `a` | *int* | :heavy_check_mark: | N/A |"
        ));
        assert_eq!(d.message, "duplicate field name `a`");
        assert_eq!(d.loc.line, 10);
    }

    #[test]
    fn table_diagnostics() {
        let d = one_error("# Foo\n\n## Fields\n\n| Field | Type | Required | Description |\n| `a` | *str* | :heavy_check_mark: | N/A |");
        assert!(d.message.contains("no separator row"), "{}", d.message);
        assert_eq!(d.loc.line, 5);
        let d = one_error(
            "# Foo\n\n## Fields\n\n| Field | Kind | Required | Description | Type |\n| --- | --- | --- | --- | --- |",
        );
        assert_eq!(d.message, "unknown table column `Kind`");
        assert_eq!(d.loc.col, 11);
        let d = one_error("# Foo\n\n## Fields\n\n| Field | Required | Description |\n| --- | --- | --- |");
        assert!(d.message.contains("lacks the column(s) `Type`"), "{}", d.message);
        let d = one_error("# Foo\n\n## Fields\n\n");
        assert_eq!(d.message, "`## Fields` has no table");
        assert_eq!(d.loc.line, 3);
        let d = one_error("# Foo\n\n## Fields\n\nsome text\n");
        assert!(d.message.contains("expected a table in `## Fields`, found `some text`"), "{}", d.message);
        let d = one_error(&format!("{HEAD}| `a` | *str* | :heavy_check_mark: | N/A |\n\ntrailing\n"));
        assert!(d.message.contains("unexpected text `trailing` after the table"), "{}", d.message);
        assert_eq!(d.loc.line, 11);
    }

    #[test]
    fn errors_do_not_stop_other_rows() {
        let (types, diags) = run(&format!(
            "{HEAD}| `a` | *strr* | :heavy_check_mark: | N/A |\n| `b` | *str* | :heavy_check_mark: | N/A |\n| `c` | List[*str* | :heavy_check_mark: | N/A |"
        ));
        assert_eq!(diags.len(), 2);
        let TypeKind::Struct(s) = &types[0].kind else { panic!() };
        assert_eq!(s.fields.len(), 1);
    }
}
