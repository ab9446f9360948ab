//! The type in a union variant heading (`` ### `T` ``): plain syntax, no italics, no links.
//!
//! - Python: `models.X`, `str`, `int`, `float`, `bool`, `Any`, `datetime`, `List[T]`,
//!   `Dict[str, T]`, `Nullable[T]`, `Union[eventstreaming.EventStream[…], …]` (a stream: `Any`).
//! - TypeScript: `components.X`, `string`, `number`, `boolean`, `any`, `Date`, `T[]`,
//!   `{ [k: string]: T }`, `EventStream<operations.X>` (a stream: `Any`).

use crate::model::{Literal, Scalar, TypeRef};

use super::cursor::{CellError, Cursor, Locator};
use super::quote;
use super::type_cell::named;

pub(crate) const PY_NOTE: &str =
    "expected a Python type: `models.X`, `str`, `int`, `float`, `bool`, `Any`, `datetime`, \
`List[T]`, `Dict[str, T]`, `Nullable[T]` or an event stream `Union[eventstreaming.EventStream[…], …]`";

pub(crate) const TS_NOTE: &str =
    "expected a TypeScript type: `components.X`, `string`, `number`, `boolean`, `any`, `Date`, \
`{ [k: string]: T }`, any of these followed by `[]`, or an event stream `EventStream<T>`";

fn unknown(c: &Cursor<'_>, start: usize, note: &str) -> CellError {
    CellError::new(start, format!("unknown type `{}`", quote(c.construct(start))), note)
}

fn is_model(name: &str) -> bool {
    match name.rsplit_once('.') {
        Some((q, n)) => !q.is_empty() && n.chars().next().is_some_and(|c| c.is_ascii_uppercase()),
        None => false,
    }
}

// ---------------------------------------------------------------- Python

pub(crate) fn parse_python(text: &str, at: &Locator<'_>) -> Result<TypeRef, CellError> {
    let mut c = Cursor::new(text);
    let t = py(&mut c, at)?;
    c.finish(PY_NOTE)?;
    Ok(t)
}

/// `[` args `]`, each parsed by `py`.
fn py_args(c: &mut Cursor<'_>, at: &Locator<'_>, start: usize, name: &str) -> Result<Vec<TypeRef>, CellError> {
    let mut args = Vec::new();
    loop {
        args.push(py(c, at)?);
        if c.eat(",") {
            c.skip_spaces();
        } else {
            break;
        }
    }
    if !c.eat("]") {
        return Err(c.expected("]", Some((start, name)), PY_NOTE));
    }
    Ok(args)
}

fn py(c: &mut Cursor<'_>, at: &Locator<'_>) -> Result<TypeRef, CellError> {
    c.nested(|c| py_nested(c, at))
}

/// [`py`] once the nesting depth is checked.
fn py_nested(c: &mut Cursor<'_>, at: &Locator<'_>) -> Result<TypeRef, CellError> {
    let start = c.pos;
    let name = c.ident();
    if !c.eat("[") {
        return Ok(match name {
            "str" => TypeRef::Scalar(Scalar::String),
            "int" => TypeRef::Scalar(Scalar::Integer),
            "float" => TypeRef::Scalar(Scalar::Float),
            "bool" => TypeRef::Scalar(Scalar::Boolean),
            "Any" => TypeRef::Scalar(Scalar::Any),
            "bytes" => TypeRef::Scalar(Scalar::Bytes),
            "datetime" | "date" => TypeRef::Scalar(Scalar::DateTime),
            _ if is_model(name) => named(name, None, at.loc(start)),
            _ => return Err(unknown(c, start, PY_NOTE)),
        });
    }
    if name == "Literal" {
        let lit_at = c.pos;
        let lit = if let Some(s) = c.quoted() {
            Literal::Str(s.to_string())
        } else if let Some(i) = c.int() {
            Literal::Int(i)
        } else {
            match c.ident() {
                "True" => Literal::Bool(true),
                "False" => Literal::Bool(false),
                _ => {
                    return Err(CellError::new(
                        lit_at,
                        format!("unknown literal `{}`", quote(c.construct(lit_at))),
                        "expected `True`, `False`, an integer or a quoted string",
                    ))
                }
            }
        };
        if !c.eat("]") {
            return Err(c.expected("]", Some((start, "Literal[")), PY_NOTE));
        }
        return Ok(TypeRef::Literal(lit));
    }
    let args = py_args(c, at, start, name)?;
    let bad_arity = |c: &Cursor<'_>, want: &str| {
        CellError::new(start, format!("`{}` takes {want}", quote(c.s.get(start..c.pos).unwrap_or(""))), PY_NOTE)
    };
    let mut it = args.into_iter();
    let (a, b, extra) = (it.next(), it.next(), it.next());
    match (name, a, b, extra) {
        ("List", Some(t), None, None) => Ok(TypeRef::List(Box::new(t))),
        ("List", ..) => Err(bad_arity(c, "one type argument")),
        ("Dict", Some(TypeRef::Scalar(Scalar::String)), Some(v), None) => Ok(TypeRef::Map(Box::new(v))),
        ("Dict", ..) => Err(bad_arity(c, "two type arguments, the first `str`")),
        ("Nullable" | "Optional" | "OptionalNullable", Some(t), None, None) => Ok(TypeRef::Nullable(Box::new(t))),
        ("Nullable" | "Optional" | "OptionalNullable", ..) => Err(bad_arity(c, "one type argument")),
        // An event stream is not JSON: the variant is kept as an opaque value.
        (n, ..) if n.starts_with("eventstreaming.") => Ok(TypeRef::Scalar(Scalar::Any)),
        ("Union", Some(TypeRef::Scalar(Scalar::Any)), Some(TypeRef::Scalar(Scalar::Any)), None)
            if c.s.get(start..c.pos).is_some_and(|s| s.contains("eventstreaming.")) =>
        {
            Ok(TypeRef::Scalar(Scalar::Any))
        }
        _ => Err(CellError::new(
            start,
            format!("unsupported type `{}`", quote(c.s.get(start..c.pos).unwrap_or(""))),
            PY_NOTE,
        )),
    }
}

// ---------------------------------------------------------------- TypeScript

pub(crate) fn parse_typescript(text: &str, at: &Locator<'_>) -> Result<TypeRef, CellError> {
    let mut c = Cursor::new(text);
    let t = ts(&mut c, at)?;
    c.finish(TS_NOTE)?;
    Ok(t)
}

fn ts(c: &mut Cursor<'_>, at: &Locator<'_>) -> Result<TypeRef, CellError> {
    c.nested(|c| ts_nested(c, at))
}

/// [`ts`] once the nesting depth is checked.
fn ts_nested(c: &mut Cursor<'_>, at: &Locator<'_>) -> Result<TypeRef, CellError> {
    let start = c.pos;
    let ty = if c.eat("{") {
        c.skip_spaces();
        if !c.eat("[k: string]:") {
            return Err(c.expected("[k: string]:", None, TS_NOTE));
        }
        c.skip_spaces();
        let value = ts(c, at)?;
        c.eat(";");
        c.skip_spaces();
        if !c.eat("}") {
            return Err(c.expected("}", Some((start, "{")), TS_NOTE));
        }
        TypeRef::Map(Box::new(value))
    } else if let Some(s) = c.quoted() {
        TypeRef::Literal(Literal::Str(s.to_string()))
    } else if let Some(i) = c.int() {
        TypeRef::Literal(Literal::Int(i))
    } else {
        let name = c.ident();
        match name {
            "string" => TypeRef::Scalar(Scalar::String),
            "number" => TypeRef::Scalar(Scalar::Float),
            "boolean" => TypeRef::Scalar(Scalar::Boolean),
            "any" | "unknown" => TypeRef::Scalar(Scalar::Any),
            "Date" => TypeRef::Scalar(Scalar::DateTime),
            "true" => TypeRef::Literal(Literal::Bool(true)),
            "false" => TypeRef::Literal(Literal::Bool(false)),
            // A server-sent event stream is not JSON: the variant is kept as an opaque value.
            "EventStream" if c.eat("<") => {
                ts(c, at)?;
                if !c.eat(">") {
                    return Err(c.expected(">", Some((start, "EventStream<")), TS_NOTE));
                }
                TypeRef::Scalar(Scalar::Any)
            }
            _ if is_model(name) && c.peek() != Some(b'<') => named(name, None, at.loc(start)),
            _ => return Err(unknown(c, start, TS_NOTE)),
        }
    };
    c.array_suffixes(ty)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::model::{Location, NamedRef};

    fn run(text: &str, python: bool) -> Result<TypeRef, CellError> {
        let f: Arc<str> = Arc::from("schemas/x.md");
        let at = Locator { file: &f, line_idx: 0, line: text, base: 0 };
        if python {
            parse_python(text, &at)
        } else {
            parse_typescript(text, &at)
        }
    }

    fn m(name: &str, q: &str, col: u32) -> TypeRef {
        let mut r = NamedRef::new(name, Location::new(&Arc::from("schemas/x.md"), 1, col));
        r.qualifier = Some(q.to_string());
        TypeRef::Named(r)
    }

    fn list(t: TypeRef) -> TypeRef {
        TypeRef::List(Box::new(t))
    }

    fn map(t: TypeRef) -> TypeRef {
        TypeRef::Map(Box::new(t))
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let deep = 10_000;
        let nest =
            |open: &str, inner: &str, close: &str, n: usize| format!("{}{inner}{}", open.repeat(n), close.repeat(n));
        for text in
            [nest("List[", "str", "]", deep), nest("Dict[str, ", "str", "", deep), nest("Nullable[", "str", "]", deep)]
        {
            let e = run(&text, true).unwrap_err();
            assert_eq!(e.message, "type nested more than 64 levels deep", "{}", &text[..20]);
        }
        for text in [
            nest("{ [k: string]: ", "any", " }", deep),
            nest("EventStream<", "any", ">", deep),
            format!("string{}", "[]".repeat(deep)),
        ] {
            let e = run(&text, false).unwrap_err();
            assert_eq!(e.message, "type nested more than 64 levels deep", "{}", &text[..20]);
        }
        assert!(run(&nest("List[", "str", "]", 40), true).is_ok());
        assert!(run(&nest("{ [k: string]: ", "any", " }", 40), false).is_ok());
        assert!(run(&format!("string{}", "[]".repeat(40)), false).is_ok());
    }

    #[test]
    fn python_headings() {
        let p = |t| run(t, true);
        assert_eq!(p("models.TextPart"), Ok(m("TextPart", "models", 1)));
        assert_eq!(p("str"), Ok(TypeRef::Scalar(Scalar::String)));
        assert_eq!(p("int"), Ok(TypeRef::Scalar(Scalar::Integer)));
        assert_eq!(p("float"), Ok(TypeRef::Scalar(Scalar::Float)));
        assert_eq!(p("bool"), Ok(TypeRef::Scalar(Scalar::Boolean)));
        assert_eq!(p("Any"), Ok(TypeRef::Scalar(Scalar::Any)));
        assert_eq!(p("datetime"), Ok(TypeRef::Scalar(Scalar::DateTime)));
        assert_eq!(p("List[models.X]"), Ok(list(m("X", "models", 6))));
        assert_eq!(p("List[List[models.X]]"), Ok(list(list(m("X", "models", 11)))));
        assert_eq!(p("Dict[str, models.X]"), Ok(map(m("X", "models", 11))));
        assert_eq!(p("Dict[str, Any]"), Ok(map(TypeRef::Scalar(Scalar::Any))));
        assert_eq!(p("List[Dict[str, Any]]"), Ok(list(map(TypeRef::Scalar(Scalar::Any)))));
        assert_eq!(p("Dict[str, Nullable[models.X]]"), Ok(map(TypeRef::Nullable(Box::new(m("X", "models", 20))))));
        assert_eq!(
            p("Union[eventstreaming.EventStream[models.X], eventstreaming.EventStreamAsync[models.X]]"),
            Ok(TypeRef::Scalar(Scalar::Any))
        );
        assert_eq!(p("Literal[\"a\"]"), Ok(TypeRef::Literal(Literal::Str("a".into()))));
    }

    #[test]
    fn python_heading_errors() {
        let p = |t| run(t, true);
        let e = p("strr").unwrap_err();
        assert_eq!(e.message, "unknown type `strr`");
        let e = p("List[str").unwrap_err();
        assert!(e.message.contains("unbalanced brackets"), "{}", e.message);
        let e = p("Dict[int, str]").unwrap_err();
        assert!(e.message.contains("takes two type arguments"), "{}", e.message);
        let e = p("Union[str, int]").unwrap_err();
        assert!(e.message.contains("unsupported type `Union[str, int]`"), "{}", e.message);
        let e = p("List[str]]").unwrap_err();
        assert!(e.message.contains("unbalanced"), "{}", e.message);
    }

    #[test]
    fn typescript_headings() {
        let t = |x| run(x, false);
        assert_eq!(t("components.TextPart"), Ok(m("TextPart", "components", 1)));
        assert_eq!(t("string"), Ok(TypeRef::Scalar(Scalar::String)));
        assert_eq!(t("number"), Ok(TypeRef::Scalar(Scalar::Float)));
        assert_eq!(t("boolean"), Ok(TypeRef::Scalar(Scalar::Boolean)));
        assert_eq!(t("any"), Ok(TypeRef::Scalar(Scalar::Any)));
        assert_eq!(t("Date"), Ok(TypeRef::Scalar(Scalar::DateTime)));
        assert_eq!(t("components.X[]"), Ok(list(m("X", "components", 1))));
        assert_eq!(t("components.X[][]"), Ok(list(list(m("X", "components", 1)))));
        assert_eq!(t("{ [k: string]: any }"), Ok(map(TypeRef::Scalar(Scalar::Any))));
        assert_eq!(t("{ [k: string]: components.X }[]"), Ok(list(map(m("X", "components", 16)))));
        assert_eq!(t("{ [k: string]: components.X; }"), Ok(map(m("X", "components", 16))));
        let e = t("{ [k: string]: any").unwrap_err();
        assert!(e.message.contains("unbalanced"), "{}", e.message);
        assert_eq!(t("EventStream<operations.X>"), Ok(TypeRef::Scalar(Scalar::Any)));
        let e = t("EventStream<operations.X").unwrap_err();
        assert!(e.message.contains("unbalanced"), "{}", e.message);
        let e = t("strin").unwrap_err();
        assert_eq!(e.message, "unknown type `strin`");
    }
}
