//! `llm-usage.toml` text to a [`Config`]. Every key is checked: an unknown key, a value of the
//! wrong kind or outside its choices is a diagnostic at the key's or the value's `LINE:COL`,
//! naming what would be right. Nothing is silently ignored.

use std::sync::Arc;

use toml::de::{DeTable, DeValue};
use toml::Spanned as TomlSpanned;

use super::{
    Config, Defaults, FieldOverride, Glob, Import, NullInOptional, NumberType, PresenceOverride, Spanned, TypeOverride,
    WireCase, EXTRA_DERIVES,
};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::Location;

/// Parses the text of one `llm-usage.toml` that sits in `dir` (schema-relative) and is shown
/// as `display` in messages.
pub fn parse(text: &str, dir: &str, display: &Arc<str>, diags: &mut Diagnostics) -> Config {
    let mut cx = Cx { text, file: display, diags };
    let mut config = Config { dir: dir.to_owned(), loc: Location::new(display, 1, 1), ..Config::default() };
    let table = match DeTable::parse(text) {
        Ok(table) => table,
        Err(err) => {
            let loc = cx.loc(err.span().map_or(0, |s| s.start));
            let message = err.message().trim().trim_end_matches('.').to_owned();
            cx.diags.push(
                Diagnostic::new(loc, format!("not valid TOML: {message}"))
                    .with_note("`llm-usage.toml` is TOML: see the README's section on overrides for its keys"),
            );
            return config;
        }
    };
    for (key, value) in table.get_ref().iter() {
        match key.get_ref().as_ref() {
            "roots" => config.roots = cx.string_list(value, "roots"),
            "defaults" => {
                if let Some(table) = cx.table(value, "defaults") {
                    config.defaults = cx.defaults(table);
                }
            }
            "numbers" => {
                if let Some(table) = cx.table(value, "numbers") {
                    config.numbers = cx.numbers(table);
                }
            }
            "types" => {
                if let Some(table) = cx.table(value, "types") {
                    for (name, value) in table.iter() {
                        if let Some(ty) = cx.type_override(name, value) {
                            config.types.push(ty);
                        }
                    }
                }
            }
            "import" => {
                if let Some(table) = cx.table(value, "import") {
                    config.import = Some(cx.import(table));
                }
            }
            _ => cx.unknown_key(key, "", &["roots", "defaults", "numbers", "types", "import"]),
        }
    }
    // The map sorts keys; the file's order is what users read.
    config.types.sort_by(|a, b| a.name.loc.cmp(&b.name.loc));
    config.numbers.sort_by(|a, b| a.0.loc.cmp(&b.0.loc));
    config
}

struct Cx<'a> {
    text: &'a str,
    file: &'a Arc<str>,
    diags: &'a mut Diagnostics,
}

type Key<'i> = TomlSpanned<toml::de::DeString<'i>>;
type Value<'i> = TomlSpanned<DeValue<'i>>;

impl Cx<'_> {
    /// The 1-based line and column (in characters) of byte `offset`.
    fn loc(&self, offset: usize) -> Location {
        let offset = offset.min(self.text.len());
        let before = self.text.get(..offset).unwrap_or(self.text);
        let line = before.bytes().filter(|&b| b == b'\n').count() as u32 + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before[line_start..].chars().count() as u32 + 1;
        Location::new(self.file, line, col)
    }

    fn at<T>(&self, value: T, span: std::ops::Range<usize>) -> Spanned<T> {
        Spanned { value, loc: self.loc(span.start) }
    }

    fn error(&mut self, offset: usize, message: String, note: &str) {
        let loc = self.loc(offset);
        self.diags.push(Diagnostic::new(loc, message).with_note(note));
    }

    fn unknown_key(&mut self, key: &Key<'_>, table: &str, known: &[&str]) {
        let name = key.get_ref().as_ref();
        let mut message = match table {
            "" => format!("unknown key `{name}`"),
            _ => format!("unknown key `{name}` in `[{table}]`"),
        };
        if let Some(close) = closest(name, known) {
            message.push_str(&format!("; did you mean `{close}`?"));
        }
        let keys = known.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ");
        self.error(key.span().start, message, &format!("the keys here are {keys}"));
    }

    fn table<'v, 'i>(&mut self, value: &'v Value<'i>, what: &str) -> Option<&'v DeTable<'i>> {
        match value.get_ref() {
            DeValue::Table(table) => Some(table),
            other => {
                let message = format!("`{what}` is {}, expected a table", kind(other));
                self.error(value.span().start, message, &format!("write it as a section: `[{what}]`"));
                None
            }
        }
    }

    fn string(&mut self, value: &Value<'_>, what: &str) -> Option<Spanned<String>> {
        match value.get_ref() {
            DeValue::String(s) => Some(self.at(s.to_string(), value.span())),
            other => {
                let message = format!("`{what}` is {}, expected a string", kind(other));
                self.error(value.span().start, message, "write the value in double quotes");
                None
            }
        }
    }

    fn boolean(&mut self, value: &Value<'_>, what: &str) -> Option<Spanned<bool>> {
        match value.get_ref() {
            DeValue::Boolean(b) => Some(self.at(*b, value.span())),
            other => {
                let message = format!("`{what}` is {}, expected a boolean", kind(other));
                self.error(value.span().start, message, &format!("write `{what} = true` or `{what} = false`"));
                None
            }
        }
    }

    fn string_list(&mut self, value: &Value<'_>, what: &str) -> Vec<Spanned<String>> {
        let DeValue::Array(items) = value.get_ref() else {
            let message = format!("`{what}` is {}, expected a list of strings", kind(value.get_ref()));
            self.error(value.span().start, message, &format!("write it as `{what} = [\"…\", \"…\"]`"));
            return Vec::new();
        };
        items.iter().filter_map(|item| self.string(item, &format!("an entry of `{what}`"))).collect()
    }

    /// A string that must be one of `choices` (as written in the file), mapped to its value.
    fn choice<T: Copy>(&mut self, value: &Value<'_>, what: &str, choices: &[(&str, T)]) -> Option<Spanned<T>> {
        let text = self.string(value, what)?;
        if let Some((_, choice)) = choices.iter().find(|(name, _)| *name == text.value) {
            return Some(Spanned { value: *choice, loc: text.loc });
        }
        let names: Vec<&str> = choices.iter().map(|(name, _)| *name).collect();
        let mut message = format!("`{what}` cannot be `{}`", text.value);
        if let Some(close) = closest(&text.value, &names) {
            message.push_str(&format!("; did you mean `{close}`?"));
        }
        let list = names.iter().map(|n| format!("`\"{n}\"`")).collect::<Vec<_>>().join(", ");
        self.diags.push(Diagnostic::new(text.loc, message).with_note(format!("expected one of {list}")));
        None
    }

    fn defaults(&mut self, table: &DeTable<'_>) -> Defaults {
        let mut defaults = Defaults::default();
        for (key, value) in table.iter() {
            match key.get_ref().as_ref() {
                "wire_case" => defaults.wire_case = self.wire_case(value),
                "null_in_optional" => defaults.null_in_optional = self.null_in_optional(value),
                "distinct" => defaults.distinct = self.boolean(value, "distinct"),
                _ => self.unknown_key(key, "defaults", &["wire_case", "null_in_optional", "distinct"]),
            }
        }
        defaults
    }

    fn wire_case(&mut self, value: &Value<'_>) -> Option<Spanned<WireCase>> {
        let choices = [
            ("as-written", WireCase::AsWritten),
            ("snake_case", WireCase::SnakeCase),
            ("camelCase", WireCase::CamelCase),
        ];
        self.choice(value, "wire_case", &choices)
    }

    fn null_in_optional(&mut self, value: &Value<'_>) -> Option<Spanned<NullInOptional>> {
        let choices = [("normalize", NullInOptional::Normalize), ("keep", NullInOptional::Keep)];
        self.choice(value, "null_in_optional", &choices)
    }

    fn number_type(&mut self, value: &Value<'_>, what: &str) -> Option<Spanned<NumberType>> {
        let choices =
            [("u64", NumberType::U64), ("u32", NumberType::U32), ("i64", NumberType::I64), ("f64", NumberType::F64)];
        self.choice(value, what, &choices)
    }

    fn numbers(&mut self, table: &DeTable<'_>) -> Vec<(Spanned<Glob>, Spanned<NumberType>)> {
        let mut numbers = Vec::new();
        for (key, value) in table.iter() {
            let pattern = key.get_ref().as_ref();
            if pattern.is_empty() {
                self.error(
                    key.span().start,
                    "empty wire-name glob in `[numbers]`".into(),
                    "write a glob such as `\"*_tokens\"`",
                );
                continue;
            }
            let glob = self.at(Glob::new(pattern), key.span());
            if let Some(number) = self.number_type(value, &format!("numbers.\"{pattern}\"")) {
                numbers.push((glob, number));
            }
        }
        numbers
    }

    fn type_override(&mut self, name: &Key<'_>, value: &Value<'_>) -> Option<TypeOverride> {
        let key = name.get_ref().as_ref();
        let table = self.table(value, &format!("types.{key}"))?;
        let mut ty = TypeOverride {
            name: self.at(key.to_owned(), name.span()),
            rename: None,
            derives: Vec::new(),
            distinct: None,
            wire_case: None,
            null_in_optional: None,
            fields: Vec::new(),
        };
        let section = format!("types.{key}");
        for (key, value) in table.iter() {
            match key.get_ref().as_ref() {
                "rename" => ty.rename = self.rust_name(value, "rename", IdentCase::Type),
                "derives" => ty.derives = self.derives(value),
                "distinct" => ty.distinct = self.boolean(value, "distinct"),
                "wire_case" => ty.wire_case = self.wire_case(value),
                "null_in_optional" => ty.null_in_optional = self.null_in_optional(value),
                "fields" => {
                    let Some(fields) = self.table(value, &format!("{section}.fields")) else { continue };
                    for (field, value) in fields.iter() {
                        if let Some(field) = self.field_override(&section, field, value) {
                            ty.fields.push(field);
                        }
                    }
                }
                _ => self.unknown_key(
                    key,
                    &section,
                    &["rename", "derives", "distinct", "wire_case", "null_in_optional", "fields"],
                ),
            }
        }
        ty.fields.sort_by(|a, b| a.name.loc.cmp(&b.name.loc));
        Some(ty)
    }

    fn field_override(&mut self, section: &str, name: &Key<'_>, value: &Value<'_>) -> Option<FieldOverride> {
        let key = name.get_ref().as_ref();
        let section = format!("{section}.fields.{key}");
        let table = self.table(value, &section)?;
        let mut field = FieldOverride {
            name: self.at(key.to_owned(), name.span()),
            presence: None,
            number: None,
            rename: None,
            wire_name: None,
        };
        for (key, value) in table.iter() {
            match key.get_ref().as_ref() {
                "presence" => {
                    let choices = [
                        ("required", PresenceOverride::Required),
                        ("required-nullable", PresenceOverride::RequiredNullable),
                        ("optional", PresenceOverride::Optional),
                        ("optional-nullable", PresenceOverride::OptionalNullable),
                    ];
                    field.presence = self.choice(value, "presence", &choices);
                }
                "type" => field.number = self.number_type(value, "type"),
                "rename" => field.rename = self.rust_name(value, "rename", IdentCase::Field),
                "wire_name" => field.wire_name = self.string(value, "wire_name"),
                _ => self.unknown_key(key, &section, &["presence", "type", "rename", "wire_name"]),
            }
        }
        Some(field)
    }

    fn derives(&mut self, value: &Value<'_>) -> Vec<Spanned<String>> {
        let mut derives = Vec::new();
        for derive in self.string_list(value, "derives") {
            if EXTRA_DERIVES.contains(&derive.value.as_str()) {
                derives.push(derive);
                continue;
            }
            let list = EXTRA_DERIVES.iter().map(|d| format!("`\"{d}\"`")).collect::<Vec<_>>().join(", ");
            let mut message = format!("`derives` cannot include `{}`", derive.value);
            if let Some(close) = closest(&derive.value, EXTRA_DERIVES) {
                message.push_str(&format!("; did you mean `{close}`?"));
            }
            let note = format!(
                "generated types always derive `Debug`, `Clone`, `PartialEq` (and `Default`, `Eq`, `Hash` where every field allows); extra derives are {list}"
            );
            self.diags.push(Diagnostic::new(derive.loc, message).with_note(note));
        }
        derives
    }

    /// A Rust identifier the user chose (`rename`): ASCII, not a keyword, in the usual case.
    fn rust_name(&mut self, value: &Value<'_>, what: &str, case: IdentCase) -> Option<Spanned<String>> {
        let name = self.string(value, what)?;
        let valid = name.value.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && name.value.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            && name.value != "_"
            && !crate::name::ident::is_keyword(&name.value);
        if !valid {
            let example = match case {
                IdentCase::Type => "`rename = \"AnthropicUsage\"`",
                IdentCase::Field => "`rename = \"cache_creation_tokens\"`",
            };
            let message = format!("`{what}` must be a Rust identifier, not `{}`", name.value);
            self.diags
                .push(Diagnostic::new(name.loc, message).with_note(format!(
                    "letters, digits and `_`, not starting with a digit, not a keyword: {example}"
                )));
            return None;
        }
        Some(name)
    }

    fn import(&mut self, table: &DeTable<'_>) -> Import {
        let mut import = Import::default();
        for (key, value) in table.iter() {
            match key.get_ref().as_ref() {
                "from" => import.from = self.string(value, "import.from"),
                "roots" => import.roots = self.string_list(value, "import.roots"),
                "files" => import.files = self.string_list(value, "import.files"),
                _ => self.unknown_key(key, "import", &["from", "roots", "files"]),
            }
        }
        import
    }
}

#[derive(Clone, Copy)]
enum IdentCase {
    Type,
    Field,
}

fn kind(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

/// The choice closest to `word`, if it is close enough to be a likely typo.
fn closest<'a>(word: &str, choices: &[&'a str]) -> Option<&'a str> {
    let word = word.to_ascii_lowercase();
    choices
        .iter()
        .map(|c| (edit_distance(&word, &c.to_ascii_lowercase()), *c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::parse;
    use crate::config::{NullInOptional, NumberType, PresenceOverride, WireCase};
    use crate::diagnostic::Diagnostics;

    fn run(text: &str) -> (crate::config::Config, Vec<String>) {
        let mut diags = Diagnostics::new();
        let config = parse(text, "anthropic", &Arc::from("schemas/anthropic/llm-usage.toml"), &mut diags);
        (config, diags.into_sorted().iter().map(|d| d.to_string()).collect())
    }

    #[test]
    fn the_issue_example_parses_to_every_setting() {
        let (config, diags) = run(concat!(
            "roots = [\"Usage\", \"MessageDeltaUsage\"]\n",
            "[defaults]\n",
            "wire_case = \"snake_case\"\n",
            "null_in_optional = \"keep\"\n",
            "[numbers]\n",
            "\"*_tokens\" = \"u64\"\n",
            "[types.Usage]\n",
            "rename = \"AnthropicUsage\"\n",
            "derives = [\"Eq\", \"Hash\"]\n",
            "[types.Usage.fields.cache_creation]\n",
            "presence = \"optional-nullable\"\n",
            "type = \"u64\"\n",
        ));
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(config.dir, "anthropic");
        let roots: Vec<_> = config.roots.iter().map(|r| r.value.as_str()).collect();
        assert_eq!(roots, ["Usage", "MessageDeltaUsage"]);
        assert_eq!(config.roots[1].loc.to_string(), "schemas/anthropic/llm-usage.toml:1:19");
        assert_eq!(config.defaults.wire_case.unwrap().value, WireCase::SnakeCase);
        assert_eq!(config.defaults.null_in_optional.unwrap().value, NullInOptional::Keep);
        assert_eq!(config.numbers.len(), 1);
        assert!(config.numbers[0].0.value.matches("input_tokens"));
        assert_eq!(config.numbers[0].1.value, NumberType::U64);
        assert_eq!(config.numbers[0].0.loc.to_string(), "schemas/anthropic/llm-usage.toml:6:1");
        let usage = &config.types[0];
        assert_eq!(usage.name.value, "Usage");
        assert_eq!(usage.rename.as_ref().unwrap().value, "AnthropicUsage");
        assert_eq!(usage.derives.iter().map(|d| d.value.as_str()).collect::<Vec<_>>(), ["Eq", "Hash"]);
        let field = &usage.fields[0];
        assert_eq!(field.name.value, "cache_creation");
        assert_eq!(field.name.loc.to_string(), "schemas/anthropic/llm-usage.toml:10:21");
        assert_eq!(field.presence.as_ref().unwrap().value, PresenceOverride::OptionalNullable);
        assert_eq!(field.number.as_ref().unwrap().value, NumberType::U64);
    }

    #[test]
    fn unknown_keys_are_errors_with_a_suggestion() {
        let (_, diags) = run("[defaults]\nwire_cas = \"snake_case\"\n[types.Usage]\nrenam = \"X\"\n");
        assert_eq!(diags.len(), 2, "{diags:?}");
        assert!(
            diags[0].starts_with(
                "schemas/anthropic/llm-usage.toml:2:1: unknown key `wire_cas` in `[defaults]`; did you mean `wire_case`?"
            ),
            "{diags:?}"
        );
        assert!(diags[1].starts_with("schemas/anthropic/llm-usage.toml:4:1: unknown key `renam` in `[types.Usage]`"));
        let (_, diags) = run("rots = []\n");
        assert!(diags[0].contains(":1:1: unknown key `rots`; did you mean `roots`?"), "{diags:?}");
    }

    #[test]
    fn distinct_is_a_boolean() {
        let (config, diags) = run("[types.Usage]\ndistinct = true\n[types.Other]\ndistinct = \"yes\"\n");
        assert_eq!(config.types[0].distinct.as_ref().map(|d| d.value), Some(true));
        assert_eq!(config.types[1].distinct, None);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(diags[0].contains(":4:12: `distinct` is a string, expected a boolean"), "{diags:?}");
    }

    #[test]
    fn bad_values_name_the_choices() {
        let (config, diags) = run("[defaults]\nwire_case = \"kebab\"\n[numbers]\n\"*\" = \"u128\"\n");
        assert!(config.defaults.wire_case.is_none() && config.numbers.is_empty());
        assert!(
            diags[0].starts_with("schemas/anthropic/llm-usage.toml:2:13: `wire_case` cannot be `kebab`"),
            "{diags:?}"
        );
        assert!(diags[0].contains("expected one of `\"as-written\"`, `\"snake_case\"`, `\"camelCase\"`"), "{diags:?}");
        assert!(
            diags[1].starts_with("schemas/anthropic/llm-usage.toml:4:7: `numbers.\"*\"` cannot be `u128`"),
            "{diags:?}"
        );
        let (_, diags) = run("roots = \"Usage\"\n[types.X]\nderives = [\"Copy\"]\nrename = \"fn\"\n");
        assert!(diags[0].contains(":1:9: `roots` is a string, expected a list of strings"), "{diags:?}");
        assert!(diags[1].contains(":3:12: `derives` cannot include `Copy`"), "{diags:?}");
        assert!(diags[2].contains(":4:10: `rename` must be a Rust identifier, not `fn`"), "{diags:?}");
    }

    #[test]
    fn invalid_toml_is_one_diagnostic_at_its_place() {
        let (_, diags) = run("[defaults]\nwire_case = snake_case\n");
        assert_eq!(diags.len(), 1);
        assert!(diags[0].starts_with("schemas/anthropic/llm-usage.toml:2:"), "{diags:?}");
        assert!(diags[0].contains("not valid TOML"), "{diags:?}");
    }

    #[test]
    fn sections_keep_file_order() {
        let (config, diags) = run("[types.Zeta]\nrename = \"Z\"\n[types.Alpha]\nrename = \"A\"\n");
        assert!(diags.is_empty());
        let names: Vec<_> = config.types.iter().map(|t| t.name.value.as_str()).collect();
        assert_eq!(names, ["Zeta", "Alpha"]);
    }
}
