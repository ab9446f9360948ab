//! The Type column of a Fields table, in both flavours (grammar in the design doc):
//!
//! - Python: `*str*`, `*Optional[int]*`, `[Nullable[models.X]](../models/x.md)`, `[date](…)`,
//!   `List[…]`, `Dict[str, …]`, `*Literal[False]*`, `*Union[bytes, IO[bytes], io.IOBase]*`,
//!   and `` `*int*` `` in `utils/retryconfig.md`.
//! - TypeScript: `*string*`, `[operations.X](…)`, `*components.X*`, `T[]`, `Record<string, T>`,
//!   `[Date](…)`, `*"text"*`, `[File](…) \| [Blob](…) \| […]`.
//!
//! Cells are parsed raw, exactly as they stand in the line, so every error offset is a
//! position in the line. A hand-written recursive descent balances brackets; no regex.

use crate::model::{Literal, NamedRef, Scalar, TypeRef};

use super::cursor::{CellError, Cursor, Locator};
use super::quote;

/// The field-level wrapper a Python cell shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Wrapper {
    None,
    Optional,
    Nullable,
    OptionalNullable,
}

/// A parsed Type cell: the type plus the field-level wrapper (never `TypeRef::Nullable` at the top).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CellType {
    pub wrapper: Wrapper,
    pub ty: TypeRef,
}

impl CellType {
    fn bare(ty: TypeRef) -> Self {
        CellType { wrapper: Wrapper::None, ty }
    }

    /// As a container element: any wrapper there means the element may be `null`.
    fn into_element(self) -> TypeRef {
        match self.wrapper {
            Wrapper::None => self.ty,
            _ => TypeRef::Nullable(Box::new(self.ty)),
        }
    }
}

pub(crate) const PY_NOTE: &str =
    "expected a Python-flavour type: `*str*`, `*int*`, `*float*`, `*bool*`, `*Any*`, `*bytes*`, \
`*Literal[…]*`, optionally wrapped as `*Optional[…]*`, `*Nullable[…]*` or `*OptionalNullable[…]*`; a model link \
`[models.X](../models/x.md)` (wrapper inside the link text); `[date](…)`; `List[…]` or `Dict[str, …]`";

pub(crate) const TS_NOTE: &str = "expected a TypeScript-flavour type: `*string*`, `*number*`, `*boolean*`, `*any*`, \
`*\"text\"*`, `*true*`, `*false*`, a model link `[components.X](../../models/components/x.md)`, `*components.X*`, \
`[Date](…)`, `Record<string, …>`, any of these followed by `[]`, or `[File](…) \\| [Blob](…) \\| …`";

fn scalar(name: &str) -> Option<Scalar> {
    Some(match name {
        "str" => Scalar::String,
        "int" => Scalar::Integer,
        "float" => Scalar::Float,
        "bool" => Scalar::Boolean,
        "Any" => Scalar::Any,
        "bytes" => Scalar::Bytes,
        _ => return None,
    })
}

fn wrapper(name: &str) -> Option<Wrapper> {
    Some(match name {
        "Optional" => Wrapper::Optional,
        "Nullable" => Wrapper::Nullable,
        "OptionalNullable" => Wrapper::OptionalNullable,
        _ => return None,
    })
}

/// `models.X` → (`Some("models")`, `X`); `X` → (`None`, `X`).
pub(crate) fn split_qualified(name: &str) -> (Option<&str>, &str) {
    match name.rsplit_once('.') {
        Some((q, n)) => (Some(q), n),
        None => (None, name),
    }
}

pub(crate) fn named(name: &str, link: Option<&str>, loc: crate::model::Location) -> TypeRef {
    let (qualifier, name) = split_qualified(name);
    let mut r = NamedRef::new(name, loc);
    r.qualifier = qualifier.map(str::to_string);
    r.link = link.map(str::to_string);
    TypeRef::Named(r)
}

fn is_model_name(name: &str) -> bool {
    let (q, n) = split_qualified(name);
    q.is_none_or(|q| !q.is_empty() && q.split('.').all(|p| !p.is_empty()))
        && n.chars().next().is_some_and(|c| c.is_ascii_uppercase())
}

fn unknown(c: &Cursor<'_>, start: usize, note: &str) -> CellError {
    let construct = c.construct(start);
    let mut message = format!("unknown type `{}`", quote(construct));
    if let Some(known) = near_miss(construct) {
        message.push_str(&format!("; did you mean `{known}`?"));
    }
    CellError::new(start, message, note)
}

/// The known name the leading word of `construct` misspells (`Optionall` → `Optional`), if
/// it is one or two edits away from exactly one.
fn near_miss(construct: &str) -> Option<&'static str> {
    const KNOWN: &[&str] = &[
        "str",
        "int",
        "float",
        "bool",
        "Any",
        "bytes",
        "Optional",
        "Nullable",
        "OptionalNullable",
        "Literal",
        "List",
        "Dict",
        "string",
        "number",
        "boolean",
        "any",
        "Record",
    ];
    let word: String = construct.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
    if word.len() < 3 || KNOWN.contains(&word.as_str()) {
        return None;
    }
    let best = KNOWN.iter().map(|k| (edit_distance(&word, k), *k)).min()?;
    let ties = KNOWN.iter().filter(|k| edit_distance(&word, k) == best.0).count();
    (best.0 <= 2 && ties == 1).then_some(best.1)
}

/// Levenshtein distance between two short ASCII words, case-insensitive.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.to_ascii_lowercase().into_bytes(), b.to_ascii_lowercase().into_bytes());
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut row = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitute = prev[j] + usize::from(ca != cb);
            row.push(substitute.min(prev[j + 1] + 1).min(row[j] + 1));
        }
        prev = row;
    }
    prev[b.len()]
}

// ---------------------------------------------------------------- Python flavour

/// Parses a whole Python-flavour Type cell.
pub(crate) fn parse_python(cell: &str, at: &Locator<'_>) -> Result<CellType, CellError> {
    let mut c = Cursor::new(cell);
    let t = py_cell(&mut c, at)?;
    c.finish(PY_NOTE)?;
    Ok(t)
}

fn py_cell(c: &mut Cursor<'_>, at: &Locator<'_>) -> Result<CellType, CellError> {
    c.nested(|c| py_cell_nested(c, at))
}

/// [`py_cell`] once the nesting depth is checked.
fn py_cell_nested(c: &mut Cursor<'_>, at: &Locator<'_>) -> Result<CellType, CellError> {
    let start = c.pos;
    match c.peek() {
        Some(b'`') => {
            c.pos += 1;
            let t = py_cell(c, at)?;
            if !c.eat("`") {
                return Err(c.expected("`", None, PY_NOTE));
            }
            Ok(t)
        }
        Some(b'*') => {
            c.pos += 1;
            let t = py_inner(c, at)?;
            if !c.eat("*") {
                return Err(c.expected("*", None, PY_NOTE));
            }
            Ok(t)
        }
        Some(b'[') => py_link(c, at),
        _ => match c.ident() {
            "List" => {
                open(c, start)?;
                let elem = py_cell(c, at)?.into_element();
                close(c, start, "List[")?;
                Ok(CellType::bare(TypeRef::List(Box::new(elem))))
            }
            "Dict" => {
                open(c, start)?;
                let key = c.pos;
                if c.ident() != "str" {
                    return Err(CellError::new(
                        key,
                        format!("map key `{}` is not `str`", quote(c.construct(key))),
                        "maps are written `Dict[str, …]`",
                    ));
                }
                if !c.eat(",") {
                    return Err(c.expected(",", None, "maps are written `Dict[str, …]`"));
                }
                c.skip_spaces();
                let value = py_cell(c, at)?.into_element();
                close(c, start, "Dict[")?;
                Ok(CellType::bare(TypeRef::Map(Box::new(value))))
            }
            _ => Err(unknown(c, start, PY_NOTE)),
        },
    }
}

fn open(c: &mut Cursor<'_>, start: usize) -> Result<(), CellError> {
    if c.eat("[") {
        Ok(())
    } else {
        Err(unknown(c, start, PY_NOTE))
    }
}

fn close(c: &mut Cursor<'_>, start: usize, what: &str) -> Result<(), CellError> {
    if c.eat("]") {
        Ok(())
    } else {
        Err(c.expected("]", Some((start, what)), PY_NOTE))
    }
}

/// Inside `*…*`: `wrapper[plain]` or `plain`.
fn py_inner(c: &mut Cursor<'_>, at: &Locator<'_>) -> Result<CellType, CellError> {
    let start = c.pos;
    let name = c.ident();
    if let Some(w) = wrapper(name) {
        open(c, start)?;
        let inner_start = c.pos;
        let inner = c.ident();
        let ty = py_plain(c, at, inner_start, inner)?;
        close(c, start, name)?;
        return Ok(CellType { wrapper: w, ty });
    }
    Ok(CellType::bare(py_plain(c, at, start, name)?))
}

/// A scalar, `Literal[…]`, the file-upload `Union[bytes, IO[bytes], io.…]`, or an unlinked model.
/// `name` (already read) started at `start`.
fn py_plain(c: &mut Cursor<'_>, at: &Locator<'_>, start: usize, name: &str) -> Result<TypeRef, CellError> {
    if let Some(s) = scalar(name) {
        return Ok(TypeRef::Scalar(s));
    }
    match name {
        "Literal" => {
            open(c, start)?;
            let lit = literal(c)?;
            close(c, start, "Literal[")?;
            Ok(TypeRef::Literal(lit))
        }
        "Union" => {
            open(c, start)?;
            if c.eat("bytes, IO[bytes], ") {
                let io_at = c.pos;
                if matches!(c.ident(), "io.IOBase" | "io.BufferedReader") {
                    close(c, start, "Union[")?;
                    return Ok(TypeRef::Scalar(Scalar::Bytes));
                }
                c.pos = io_at;
            }
            Err(CellError::new(
                start,
                format!("unsupported union type `{}`", quote(c.construct(start))),
                "the only union a Type cell may show is the file upload `Union[bytes, IO[bytes], io.IOBase]`",
            ))
        }
        _ if name.contains('.') && is_model_name(name) && c.peek() != Some(b'[') => {
            Ok(named(name, None, at.loc(start)))
        }
        _ => Err(unknown(c, start, PY_NOTE)),
    }
}

/// `True`, `False`, `"text"` or an integer.
fn literal(c: &mut Cursor<'_>) -> Result<Literal, CellError> {
    let start = c.pos;
    if let Some(s) = c.quoted() {
        return Ok(Literal::Str(s.to_string()));
    }
    if let Some(i) = c.int() {
        return Ok(Literal::Int(i));
    }
    match c.ident() {
        "True" | "true" => Ok(Literal::Bool(true)),
        "False" | "false" => Ok(Literal::Bool(false)),
        _ => Err(CellError::new(
            start,
            format!("unknown literal `{}`", quote(c.construct(start))),
            "expected `True`, `False`, an integer or a quoted string",
        )),
    }
}

/// The byte index of the `]` that closes the `[` at `open`, balancing nested brackets.
fn matching_bracket(s: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, b) in s.as_bytes().iter().enumerate().skip(open) {
        match b {
            b'[' => depth += 1,
            b']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// `[text](target)`: returns the text and target and moves past the link.
fn link<'a>(c: &mut Cursor<'a>, note: &str) -> Result<(&'a str, usize, &'a str), CellError> {
    let start = c.pos;
    let Some(close) = matching_bracket(c.s, start) else {
        return Err(CellError::new(
            start,
            format!("unbalanced brackets in `{}`: the link text is never closed", quote(c.rest())),
            "a link is written `[text](target)`",
        ));
    };
    let text = c.s.get(start + 1..close).unwrap_or("");
    c.pos = close + 1;
    if !c.eat("(") {
        return Err(c.expected("(", None, note));
    }
    let Some(len) = c.rest().find(')') else {
        return Err(CellError::new(
            c.pos,
            format!("link target `{}` is never closed", quote(c.rest())),
            "a link is written `[text](target)`",
        ));
    };
    let target = c.rest().get(..len).unwrap_or("");
    c.pos += len + 1;
    Ok((text, start + 1, target))
}

/// `[models.X](…)`, `[Optional[models.X]](…)`, `[date](…)`, `[BackoffStrategy](#backoffstrategy)`.
fn py_link(c: &mut Cursor<'_>, at: &Locator<'_>) -> Result<CellType, CellError> {
    let start = c.pos;
    let (text, text_at, target) = link(c, PY_NOTE)?;
    let mut t = Cursor::new(text);
    let name = t.ident();
    let (w, inner_start, inner) = match wrapper(name) {
        Some(w) if t.eat("[") => {
            let inner_start = t.pos;
            let inner = t.ident();
            if !t.eat("]") {
                let e = t.expected("]", Some((0, name)), PY_NOTE);
                return Err(CellError { at: text_at + e.at, ..e });
            }
            (w, inner_start, inner)
        }
        _ => (Wrapper::None, 0, name),
    };
    if let Err(e) = t.finish(PY_NOTE) {
        return Err(CellError { at: text_at + e.at, ..e });
    }
    let ty = if inner == "date" || inner == "datetime" {
        TypeRef::Scalar(Scalar::DateTime)
    } else if is_model_name(inner) {
        named(inner, Some(target), at.loc(start))
    } else {
        let at_inner = text_at + inner_start;
        return Err(CellError::new(
            at_inner,
            format!("unknown linked type `{}`", quote(text)),
            "a link's text names a model (`models.X`, optionally wrapped as `Optional[models.X]`) or is `date`",
        ));
    };
    Ok(CellType { wrapper: w, ty })
}

// ---------------------------------------------------------------- TypeScript flavour

/// Parses a whole TypeScript-flavour Type cell (never wrapped: presence is in the Required column).
pub(crate) fn parse_typescript(cell: &str, at: &Locator<'_>) -> Result<TypeRef, CellError> {
    let mut c = Cursor::new(cell);
    let t = ts_cell(&mut c, at)?;
    c.finish(TS_NOTE)?;
    Ok(t)
}

/// `alt { \| alt }`: several alternatives are only allowed as a file upload (`[File](…) \| [Blob](…) …`).
fn ts_cell(c: &mut Cursor<'_>, at: &Locator<'_>) -> Result<TypeRef, CellError> {
    c.nested(|c| ts_cell_nested(c, at))
}

/// [`ts_cell`] once the nesting depth is checked.
fn ts_cell_nested(c: &mut Cursor<'_>, at: &Locator<'_>) -> Result<TypeRef, CellError> {
    let start = c.pos;
    let (first, mut file_like) = ts_alt(c, at)?;
    let mut count = 1;
    while c.eat(" \\| ") {
        let (_, f) = ts_alt(c, at)?;
        file_like |= f;
        count += 1;
    }
    if count == 1 {
        Ok(first)
    } else if file_like {
        Ok(TypeRef::Scalar(Scalar::Bytes))
    } else {
        Err(CellError::new(
            start,
            format!("unsupported union type `{}`", quote(c.s.get(start..c.pos).unwrap_or(""))),
            "alternatives (`\\|`) in a Type cell are only supported for file uploads: `[File](…) \\| [Blob](…) \\| …`",
        ))
    }
}

/// `atom { [] }`; the flag says the atom is `File` or `Blob`.
fn ts_alt(c: &mut Cursor<'_>, at: &Locator<'_>) -> Result<(TypeRef, bool), CellError> {
    let (ty, file_like) = ts_atom(c, at)?;
    Ok((c.array_suffixes(ty)?, file_like))
}

fn ts_atom(c: &mut Cursor<'_>, at: &Locator<'_>) -> Result<(TypeRef, bool), CellError> {
    let start = c.pos;
    match c.peek() {
        Some(b'*') => {
            c.pos += 1;
            let ty = ts_italic(c, at)?;
            if !c.eat("*") {
                return Err(c.expected("*", None, TS_NOTE));
            }
            Ok((ty, false))
        }
        Some(b'[') => {
            let (text, text_at, target) = link(c, TS_NOTE)?;
            match text {
                "Date" => Ok((TypeRef::Scalar(Scalar::DateTime), false)),
                "File" | "Blob" => Ok((TypeRef::Scalar(Scalar::Bytes), true)),
                _ if text.contains('.') && is_model_name(text) && !text.contains(' ') => {
                    Ok((named(text, Some(target), at.loc(start)), false))
                }
                _ => Err(CellError::new(
                    text_at,
                    format!("unknown linked type `{}`", quote(text)),
                    "a link's text names a model (`components.X`, `operations.X`, `errors.X`) or is `Date`, `File` or `Blob`",
                )),
            }
        }
        _ => {
            if c.eat("Record<") {
                let key = c.pos;
                if c.ident() != "string" {
                    return Err(CellError::new(
                        key,
                        format!("map key `{}` is not `string`", quote(c.construct(key))),
                        "maps are written `Record<string, …>`",
                    ));
                }
                if !c.eat(",") {
                    return Err(c.expected(",", None, "maps are written `Record<string, …>`"));
                }
                c.skip_spaces();
                let value = ts_cell(c, at)?;
                if !c.eat(">") {
                    return Err(c.expected(">", Some((start, "Record<")), TS_NOTE));
                }
                Ok((TypeRef::Map(Box::new(value)), false))
            } else {
                Err(unknown(c, start, TS_NOTE))
            }
        }
    }
}

/// Inside `*…*`.
fn ts_italic(c: &mut Cursor<'_>, at: &Locator<'_>) -> Result<TypeRef, CellError> {
    let start = c.pos;
    if let Some(s) = c.quoted() {
        return Ok(TypeRef::Literal(Literal::Str(s.to_string())));
    }
    if let Some(i) = c.int() {
        return Ok(TypeRef::Literal(Literal::Int(i)));
    }
    let name = c.ident();
    Ok(match name {
        "string" => TypeRef::Scalar(Scalar::String),
        "number" => TypeRef::Scalar(Scalar::Float),
        "boolean" => TypeRef::Scalar(Scalar::Boolean),
        "any" | "unknown" => TypeRef::Scalar(Scalar::Any),
        "true" => TypeRef::Literal(Literal::Bool(true)),
        "false" => TypeRef::Literal(Literal::Bool(false)),
        "ReadableStream" if c.eat("<Uint8Array>") => TypeRef::Scalar(Scalar::Bytes),
        "Uint8Array" | "Blob" | "File" => TypeRef::Scalar(Scalar::Bytes),
        _ if name.contains('.') && is_model_name(name) && !matches!(c.peek(), Some(b'<' | b'[')) => {
            named(name, None, at.loc(start))
        }
        _ => return Err(unknown(c, start, TS_NOTE)),
    })
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::model::Location;

    fn file() -> Arc<str> {
        Arc::from("schemas/x.md")
    }

    fn py(cell: &str) -> Result<CellType, CellError> {
        let f = file();
        parse_python(cell, &Locator { file: &f, line_idx: 0, line: cell, base: 0 })
    }

    fn ts(cell: &str) -> Result<TypeRef, CellError> {
        let f = file();
        parse_typescript(cell, &Locator { file: &f, line_idx: 0, line: cell, base: 0 })
    }

    fn s(x: Scalar) -> TypeRef {
        TypeRef::Scalar(x)
    }

    fn list(t: TypeRef) -> TypeRef {
        TypeRef::List(Box::new(t))
    }

    fn map(t: TypeRef) -> TypeRef {
        TypeRef::Map(Box::new(t))
    }

    fn nullable(t: TypeRef) -> TypeRef {
        TypeRef::Nullable(Box::new(t))
    }

    fn named_ref(name: &str, q: Option<&str>, link: Option<&str>, col: u32) -> TypeRef {
        let mut r = NamedRef::new(name, Location::new(&file(), 1, col));
        r.qualifier = q.map(str::to_string);
        r.link = link.map(str::to_string);
        TypeRef::Named(r)
    }

    fn ok(w: Wrapper, ty: TypeRef) -> Result<CellType, CellError> {
        Ok(CellType { wrapper: w, ty })
    }

    /// `n` times `open`, then `inner`, then `n` times `close`.
    fn nest(open: &str, inner: &str, close: &str, n: usize) -> String {
        format!("{}{inner}{}", open.repeat(n), close.repeat(n))
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        // Found by tests/no_panic.rs: 10,000 `List[` overflowed the stack.
        let deep = 10_000;
        for cell in [nest("List[", "*str*", "]", deep), nest("List[", "*str*", "", deep), nest("`", "*str*", "`", deep)]
        {
            let e = py(&cell).unwrap_err();
            assert_eq!(e.message, "type nested more than 64 levels deep", "{}", &cell[..20]);
            assert_eq!(e.at, 64 * (cell.find('*').unwrap() / deep));
        }
        let e = py(&nest("Dict[str, ", "*str*", "]", deep)).unwrap_err();
        assert_eq!(e.message, "type nested more than 64 levels deep");
        for cell in [nest("Record<string, ", "*any*", ">", deep), format!("*string*{}", "[]".repeat(deep))] {
            let e = ts(&cell).unwrap_err();
            assert_eq!(e.message, "type nested more than 64 levels deep", "{}", &cell[..20]);
        }
        // Real documents nest a few levels; far more is still fine.
        assert!(py(&nest("List[", "*str*", "]", 40)).is_ok());
        assert!(ts(&nest("Record<string, ", "*any*", ">", 40)).is_ok());
        assert!(ts(&format!("*string*{}", "[]".repeat(40))).is_ok());
    }

    #[test]
    fn python_scalars_and_wrappers() {
        use Wrapper::*;
        assert_eq!(py("*str*"), ok(None, s(Scalar::String)));
        assert_eq!(py("*int*"), ok(None, s(Scalar::Integer)));
        assert_eq!(py("*float*"), ok(None, s(Scalar::Float)));
        assert_eq!(py("*bool*"), ok(None, s(Scalar::Boolean)));
        assert_eq!(py("*Any*"), ok(None, s(Scalar::Any)));
        assert_eq!(py("*Optional[bytes]*"), ok(Optional, s(Scalar::Bytes)));
        assert_eq!(py("*Optional[float]*"), ok(Optional, s(Scalar::Float)));
        assert_eq!(py("*Nullable[bool]*"), ok(Nullable, s(Scalar::Boolean)));
        assert_eq!(py("*OptionalNullable[int]*"), ok(OptionalNullable, s(Scalar::Integer)));
        assert_eq!(py("`*int*`"), ok(None, s(Scalar::Integer)));
    }

    #[test]
    fn python_literals_and_uploads() {
        use Wrapper::*;
        assert_eq!(py("*Literal[False]*"), ok(None, TypeRef::Literal(Literal::Bool(false))));
        assert_eq!(py("*Optional[Literal[True]]*"), ok(Optional, TypeRef::Literal(Literal::Bool(true))));
        assert_eq!(
            py("*OptionalNullable[Literal[\"display_name\"]]*"),
            ok(OptionalNullable, TypeRef::Literal(Literal::Str("display_name".into())))
        );
        assert_eq!(
            py("*Literal[\"agent.handoff.done\"]*"),
            ok(None, TypeRef::Literal(Literal::Str("agent.handoff.done".into())))
        );
        assert_eq!(py("*Union[bytes, IO[bytes], io.IOBase]*"), ok(None, s(Scalar::Bytes)));
        assert_eq!(py("*Union[bytes, IO[bytes], io.BufferedReader]*"), ok(None, s(Scalar::Bytes)));
        let e = py("*Union[str, int]*").unwrap_err();
        assert!(e.message.contains("unsupported union type `Union[str, int]`"), "{}", e.message);
    }

    #[test]
    fn python_links() {
        use Wrapper::*;
        assert_eq!(
            py("[models.Foo](../models/foo.md)"),
            ok(None, named_ref("Foo", Some("models"), Some("../models/foo.md"), 1))
        );
        assert_eq!(
            py("[Optional[models.Format]](../models/format_.md)"),
            ok(Optional, named_ref("Format", Some("models"), Some("../models/format_.md"), 1))
        );
        assert_eq!(
            py("[Nullable[models.X]](../models/x.md)"),
            ok(Nullable, named_ref("X", Some("models"), Some("../models/x.md"), 1))
        );
        assert_eq!(
            py("[OptionalNullable[models.X]](../models/x.md)"),
            ok(OptionalNullable, named_ref("X", Some("models"), Some("../models/x.md"), 1))
        );
        assert_eq!(
            py("[date](https://docs.python.org/3/library/datetime.html#date-objects)"),
            ok(None, s(Scalar::DateTime))
        );
        assert_eq!(
            py("[BackoffStrategy](#backoffstrategy)"),
            ok(None, named_ref("BackoffStrategy", Option::None, Some("#backoffstrategy"), 1))
        );
    }

    #[test]
    fn python_containers() {
        use Wrapper::None;
        assert_eq!(py("List[*str*]"), ok(None, list(s(Scalar::String))));
        assert_eq!(py("List[*Nullable[str]*]"), ok(None, list(nullable(s(Scalar::String)))));
        assert_eq!(
            py("List[[models.X](../models/x.md)]"),
            ok(None, list(named_ref("X", Some("models"), Some("../models/x.md"), 6)))
        );
        assert_eq!(
            py("List[List[[models.X](../models/x.md)]]"),
            ok(None, list(list(named_ref("X", Some("models"), Some("../models/x.md"), 11))))
        );
        assert_eq!(py("Dict[str, *Any*]"), ok(None, map(s(Scalar::Any))));
        assert_eq!(py("Dict[str, Dict[str, *bool*]]"), ok(None, map(map(s(Scalar::Boolean)))));
        assert_eq!(py("List[Dict[str, *Any*]]"), ok(None, list(map(s(Scalar::Any)))));
        assert_eq!(py("Dict[str, *Nullable[float]*]"), ok(None, map(nullable(s(Scalar::Float)))));
        assert_eq!(
            py("Dict[str, [Nullable[models.Inputs]](../models/inputs.md)]"),
            ok(None, map(nullable(named_ref("Inputs", Some("models"), Some("../models/inputs.md"), 11))))
        );
    }

    #[test]
    fn python_errors() {
        let e = py("*Optionall[float]*").unwrap_err();
        assert_eq!(e.message, "unknown type `Optionall[float]`; did you mean `Optional`?");
        assert_eq!(e.at, 1);
        assert!(e.note.contains("OptionalNullable"));
        let e = py("List[*str*").unwrap_err();
        assert!(e.message.contains("unbalanced brackets"), "{}", e.message);
        assert_eq!(e.at, 0);
        let e = py("List[*str*]]").unwrap_err();
        assert!(e.message.contains("unbalanced brackets: unexpected `]`"), "{}", e.message);
        assert_eq!(e.at, 11);
        let e = py("*Optional[str*").unwrap_err();
        assert!(e.message.contains("expected `]`"), "{}", e.message);
        let e = py("[Optional[models.X](../models/x.md)").unwrap_err();
        assert!(e.message.contains("unbalanced brackets"), "{}", e.message);
        let e = py("*str").unwrap_err();
        assert!(e.message.contains("expected `*`"), "{}", e.message);
        let e = py("Dict[int, *str*]").unwrap_err();
        assert!(e.message.contains("map key `int`"), "{}", e.message);
        let e = py("[Foo bar](x.md)").unwrap_err();
        assert!(e.message.contains("unexpected ` bar`"), "{}", e.message);
        let e = py("[models.X]").unwrap_err();
        assert!(e.message.contains("expected `(`"), "{}", e.message);
        let e = py("[models.X](x.md").unwrap_err();
        assert!(e.message.contains("never closed"), "{}", e.message);
        let e = py("").unwrap_err();
        assert!(e.message.contains("unknown type"), "{}", e.message);
        let e = py("*Literal[maybe]*").unwrap_err();
        assert!(e.message.contains("unknown literal `maybe`"), "{}", e.message);
        let e = py("*str* x").unwrap_err();
        assert!(e.message.contains("unexpected ` x`"), "{}", e.message);
        let e = py("*é*").unwrap_err();
        assert!(e.message.contains("unknown type `é`"), "{}", e.message);
    }

    #[test]
    fn typescript_cells() {
        assert_eq!(ts("*string*"), Ok(s(Scalar::String)));
        assert_eq!(ts("*number*"), Ok(s(Scalar::Float)));
        assert_eq!(ts("*boolean*"), Ok(s(Scalar::Boolean)));
        assert_eq!(ts("*any*"), Ok(s(Scalar::Any)));
        assert_eq!(ts("*\"text\"*"), Ok(TypeRef::Literal(Literal::Str("text".into()))));
        assert_eq!(ts("*true*"), Ok(TypeRef::Literal(Literal::Bool(true))));
        assert_eq!(ts("*false*"), Ok(TypeRef::Literal(Literal::Bool(false))));
        assert_eq!(
            ts("[Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date)"),
            Ok(s(Scalar::DateTime))
        );
        assert_eq!(
            ts("[operations.X](../../models/operations/x.md)"),
            Ok(named_ref("X", Some("operations"), Some("../../models/operations/x.md"), 1))
        );
        assert_eq!(ts("*components.U*"), Ok(named_ref("U", Some("components"), None, 2)));
        assert_eq!(ts("*components.U*[]"), Ok(list(named_ref("U", Some("components"), None, 2))));
        assert_eq!(ts("*components.U*[][]"), Ok(list(list(named_ref("U", Some("components"), None, 2)))));
        assert_eq!(ts("*string*[]"), Ok(list(s(Scalar::String))));
        assert_eq!(ts("Record<string, *any*>"), Ok(map(s(Scalar::Any))));
        assert_eq!(ts("Record<string, *any*>[]"), Ok(list(map(s(Scalar::Any)))));
        assert_eq!(ts("Record<string, Record<string, *boolean*>>"), Ok(map(map(s(Scalar::Boolean)))));
        assert_eq!(
            ts("Record<string, [operations.X](../../models/operations/x.md)>"),
            Ok(map(named_ref("X", Some("operations"), Some("../../models/operations/x.md"), 16)))
        );
        assert_eq!(ts("*ReadableStream<Uint8Array>*"), Ok(s(Scalar::Bytes)));
        assert_eq!(
            ts("[File](https://developer.mozilla.org/en-US/docs/Web/API/File) \\| [Blob](https://developer.mozilla.org/en-US/docs/Web/API/Blob) \\| [operations.CreateTranscriptionFile](../../models/operations/createtranscriptionfile.md)"),
            Ok(s(Scalar::Bytes))
        );
    }

    #[test]
    fn typescript_errors() {
        let e = ts("*strin*").unwrap_err();
        assert_eq!(e.message, "unknown type `strin`; did you mean `string`?");
        assert_eq!(e.at, 1);
        // Nothing is suggested for a name far from every known one.
        assert_eq!(ts("*frobnicate*").unwrap_err().message, "unknown type `frobnicate`");
        let e = ts("*string*[").unwrap_err();
        assert!(e.message.contains("unexpected `[`"), "{}", e.message);
        let e = ts("Record<string, *any*").unwrap_err();
        assert!(e.message.contains("unbalanced brackets"), "{}", e.message);
        let e = ts("Record<number, *any*>").unwrap_err();
        assert!(e.message.contains("map key `number`"), "{}", e.message);
        let e = ts("*string* \\| *number*").unwrap_err();
        assert!(e.message.contains("unsupported union type"), "{}", e.message);
        let e = ts("[Foo](x)").unwrap_err();
        assert!(e.message.contains("unknown linked type `Foo`"), "{}", e.message);
        assert_eq!(e.at, 1);
        let e = ts("Array<string>").unwrap_err();
        assert!(e.message.contains("unknown type `Array<string>`"), "{}", e.message);
    }
}
