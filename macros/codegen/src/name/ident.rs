//! Rust identifiers for vendor names: snake_case fields and modules, PascalCase enum variants,
//! raw identifiers for keywords. Every function here returns a valid identifier for any input.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use proc_macro2::{Ident, Span};

use crate::case;
use crate::model::Literal;

/// How a name is written as an identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Spelling {
    /// As it is.
    Plain,
    /// A strict or reserved keyword of some edition: `r#type`.
    Raw,
    /// A keyword that cannot be raw (`crate`, `self`, `Self`, `super`): `self_`.
    Suffixed,
}

/// The strict and reserved keywords of every edition need `r#` (or cannot be used at all).
fn spelling(name: &str) -> Spelling {
    match name {
        "crate" | "self" | "Self" | "super" => Spelling::Suffixed,
        "abstract" | "as" | "async" | "await" | "become" | "box" | "break" | "const" | "continue" | "do" | "dyn"
        | "else" | "enum" | "extern" | "false" | "final" | "fn" | "for" | "gen" | "if" | "impl" | "in" | "let"
        | "loop" | "macro" | "match" | "mod" | "move" | "mut" | "override" | "priv" | "pub" | "ref" | "return"
        | "static" | "struct" | "trait" | "true" | "try" | "type" | "typeof" | "unsafe" | "unsized" | "use"
        | "virtual" | "where" | "while" | "yield" => Spelling::Raw,
        _ => Spelling::Plain,
    }
}

/// Whether `name` is a Rust keyword (strict or reserved, any edition).
pub fn is_keyword(name: &str) -> bool {
    spelling(name) != Spelling::Plain
}

/// An identifier for an ASCII identifier-shaped `name`: raw for keywords, `_`-suffixed for the
/// keywords that cannot be raw.
pub fn ident(name: &str) -> Ident {
    let span = Span::call_site();
    match spelling(name) {
        Spelling::Suffixed => Ident::new(&format!("{name}_"), span),
        Spelling::Raw => Ident::new_raw(name, span),
        Spelling::Plain => Ident::new(name, span),
    }
}

/// The text of [`ident`]`(name)` (`usage`, `r#type`, `self_`), without making the identifier:
/// the naming stage compares these, and makes identifiers only when they are emitted.
pub fn ident_text(name: &str) -> Cow<'_, str> {
    match spelling(name) {
        Spelling::Suffixed => Cow::Owned(format!("{name}_")),
        Spelling::Raw => Cow::Owned(format!("r#{name}")),
        Spelling::Plain => Cow::Borrowed(name),
    }
}

/// [`ident_text`] without the `r#` of a raw identifier: the name as a field is known by.
pub fn unraw_text(name: &str) -> Cow<'_, str> {
    match spelling(name) {
        Spelling::Suffixed => Cow::Owned(format!("{name}_")),
        Spelling::Raw | Spelling::Plain => Cow::Borrowed(name),
    }
}

/// `name` made identifier-shaped without changing its case: any other character becomes `_`,
/// a leading digit gets a `_` in front, nothing at all becomes `fallback`.
fn sanitize(name: &str, fallback: &str) -> String {
    let mut out: String = name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '_' }).collect();
    if out.chars().all(|c| c == '_') {
        return fallback.to_owned();
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, '_');
    }
    out
}

/// Whether [`sanitize`] leaves `name` as it is: only ASCII letters, digits and `_`, not only
/// `_`, no leading digit.
fn is_sanitized(name: &str) -> bool {
    let bytes = name.as_bytes();
    bytes.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'_')
        && bytes.iter().any(|b| *b != b'_')
        && !bytes.first().is_some_and(u8::is_ascii_digit)
}

/// The Rust name of a vendor type: the name as written when it is a valid identifier.
pub fn type_name(name: &str) -> String {
    type_name_cow(name).into_owned()
}

/// [`type_name`], borrowing `name` when it is already valid (nearly always).
pub fn type_name_cow(name: &str) -> Cow<'_, str> {
    if is_sanitized(name) {
        Cow::Borrowed(name)
    } else {
        Cow::Owned(sanitize(name, "Unnamed"))
    }
}

/// Whether rustc's `non_camel_case_types` lint would accept `name`.
pub fn is_upper_camel(name: &str) -> bool {
    let trimmed = name.trim_start_matches('_').trim_end_matches('_');
    !trimmed.starts_with(|c: char| c.is_lowercase()) && !trimmed.contains('_')
}

/// snake_case of a vendor name, before keyword handling: `totalTokens` → `total_tokens`,
/// `__pydantic_extra__` → `pydantic_extra`, `5m` → `_5m`, `$` → `field`.
pub fn snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    snake_case_into(name, &mut out);
    out
}

/// [`snake_case`] into `out` (cleared first): no allocation once `out` has room.
pub fn snake_case_into(name: &str, out: &mut String) {
    out.clear();
    case::snake_into(name, out);
    if !is_sanitized(out) {
        *out = sanitize(out, "field");
    }
}

/// PascalCase of the alphanumeric words of `name`: `weight_based` → `WeightBased`,
/// `ON_DEMAND_FLEX` → `OnDemandFlex`, `inputText` → `InputText`. Empty when `name` has no
/// alphanumeric character. A leading digit gets a `V` in front (`5m` → `V5m`).
pub fn pascal_case(name: &str) -> String {
    let mut out = case::pascal(name);
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'V');
    }
    out
}

/// The English name of a symbol, for values made only of symbols (`*` → `Star`).
fn symbol_name(c: char) -> String {
    let name = match c {
        '*' => "Star",
        '-' => "Minus",
        '+' => "Plus",
        '.' => "Dot",
        '/' => "Slash",
        '\\' => "Backslash",
        '_' => "Underscore",
        ':' => "Colon",
        ';' => "Semicolon",
        ' ' => "Space",
        '#' => "Hash",
        '@' => "At",
        '$' => "Dollar",
        '%' => "Percent",
        '&' => "Ampersand",
        '!' => "Bang",
        '?' => "Question",
        '=' => "Equals",
        '<' => "Less",
        '>' => "Greater",
        ',' => "Comma",
        '~' => "Tilde",
        '^' => "Caret",
        '|' => "Pipe",
        '\'' => "Quote",
        '"' => "DoubleQuote",
        '`' => "Backtick",
        '(' => "OpenParen",
        ')' => "CloseParen",
        '[' => "OpenBracket",
        ']' => "CloseBracket",
        '{' => "OpenBrace",
        '}' => "CloseBrace",
        _ => return format!("U{:04X}", c as u32),
    };
    name.to_owned()
}

fn spell(symbols: &str) -> String {
    symbols.chars().map(symbol_name).collect()
}

/// The variant name a value suggests on its own, without looking at the other values.
fn base_variant(value: &Literal, member: Option<&str>) -> String {
    if let Some(member) = member {
        let name = pascal_case(member);
        if !name.is_empty() {
            return name;
        }
    }
    match value {
        Literal::Str(s) => {
            let name = pascal_case(s);
            if !name.is_empty() {
                name
            } else if s.is_empty() {
                "Empty".to_owned()
            } else {
                spell(s)
            }
        }
        Literal::Int(i) if *i < 0 => format!("VMinus{}", i.unsigned_abs()),
        Literal::Int(i) => format!("V{i}"),
        Literal::Bool(true) => "True".to_owned(),
        Literal::Bool(false) => "False".to_owned(),
    }
}

/// The variant name with the symbols around the value spelled out: `-created` → `MinusCreated`.
fn spelled_variant(value: &Literal, base: &str) -> String {
    let Literal::Str(s) = value else { return base.to_owned() };
    let leading: String = s.chars().take_while(|c| !c.is_ascii_alphanumeric()).collect();
    if leading.len() == s.len() {
        return base.to_owned();
    }
    let trailing: String = {
        let mut t: Vec<char> = s.chars().rev().take_while(|c| !c.is_ascii_alphanumeric()).collect();
        t.reverse();
        t.into_iter().collect()
    };
    let base = base
        .strip_prefix('V')
        .filter(|_| s[leading.len()..].starts_with(|c: char| c.is_ascii_digit()) && !leading.is_empty())
        .unwrap_or(base);
    format!("{}{}{}", spell(&leading), base, spell(&trailing))
}

/// Variant names for `values` (with their optional member names), valid and distinct, never
/// `Self`. `reserved` names (the catch-all) are avoided by the caller picking another catch-all.
pub fn enum_variant_names(values: &[(&Literal, Option<&str>)]) -> Vec<String> {
    let bases: Vec<String> = values.iter().map(|(v, m)| avoid_self(base_variant(v, *m))).collect();
    let mut names = bases.clone();
    let mut counts: HashMap<&str, usize> = HashMap::with_capacity(bases.len());
    for base in &bases {
        *counts.entry(base.as_str()).or_default() += 1;
    }
    // Values whose names collide get their symbols spelled.
    for i in 0..names.len() {
        if counts[bases[i].as_str()] > 1 && values[i].1.is_none() {
            names[i] = avoid_self(spelled_variant(values[i].0, &bases[i]));
        }
    }
    dedup_with_suffix(&mut names);
    names
}

fn avoid_self(name: String) -> String {
    if name == "Self" {
        "SelfValue".to_owned()
    } else {
        name
    }
}

/// Makes `names` distinct by appending `2`, `3`, … to the later duplicates, never producing a
/// name that is already in the list. Linear: unions and enums can have thousands of members.
pub fn dedup_with_suffix(names: &mut [String]) {
    let mut all: HashSet<String> = names.iter().cloned().collect();
    let mut seen: HashSet<String> = HashSet::with_capacity(names.len());
    let mut next: HashMap<String, usize> = HashMap::new();
    for name in names.iter_mut() {
        if seen.insert(name.clone()) {
            continue;
        }
        let n = next.entry(name.clone()).or_insert(2);
        loop {
            let candidate = format!("{name}{n}");
            *n += 1;
            if all.insert(candidate.clone()) {
                seen.insert(candidate.clone());
                *name = candidate;
                break;
            }
        }
    }
}

/// A name not in `taken`: `base`, else `base` followed by `suffix` repeated.
pub fn free_name(base: &str, suffix: &str, taken: &[String]) -> String {
    let mut name = base.to_owned();
    while taken.contains(&name) {
        name.push_str(suffix);
    }
    name
}
