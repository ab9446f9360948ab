//! `llm-usage fit --write`: merges overrides into an `llm-usage.toml`, keeping every comment,
//! key and section the file has, in its order. A `[types.X]` section the file already has for
//! the type (however it spells the type: `a.b.Name` or `a::b::Name`) gets the fields; a field
//! section it already has (keyed by wire name or by the doc's name) gets its `presence` or
//! `type` replaced in place, keeping the comment beside it. New sections go after the file's
//! own sections of the same type, or at the end.

use std::path::{Path, PathBuf};

use toml_edit::{DocumentMut, InlineTable, Item, Table, Value};

use super::overrides::{number_note, presence_note, presence_text, Override};
use crate::config::FILE_NAME;

/// The `llm-usage.toml` that applies to the whole schema at `path`: inside the folder, or
/// beside a single schema file.
pub fn toml_path(path: &Path) -> PathBuf {
    if path.is_file() {
        path.with_file_name(FILE_NAME)
    } else {
        path.join(FILE_NAME)
    }
}

/// `text` (an `llm-usage.toml`, possibly empty) with `overrides` merged in.
pub fn merge(text: &str, overrides: &[Override]) -> Result<String, String> {
    let mut doc: DocumentMut = text.parse().map_err(|err| format!("not valid TOML: {err}"))?;
    for o in overrides {
        let types = child(doc.as_item_mut(), "types", "types", false)?;
        let type_key = types
            .as_table_like()
            .and_then(|t| t.iter().map(|(k, _)| k.to_owned()).find(|k| same_type(k, &o.type_key)))
            .unwrap_or_else(|| o.type_key.clone());
        let section = format!("types.{type_key}");
        let ty = child(types, &type_key, &section, false)?;
        let fields = child(ty, "fields", &format!("{section}.fields"), false)?;
        let field_key = fields
            .as_table_like()
            .and_then(|t| {
                let keys: Vec<&str> = t.iter().map(|(k, _)| k).collect();
                keys.iter()
                    .find(|k| **k == o.field_key)
                    .or(keys.iter().find(|k| **k == o.field_name))
                    .map(|k| k.to_string())
            })
            .unwrap_or_else(|| o.field_key.clone());
        let field = child(fields, &field_key, &format!("{section}.fields.{field_key}"), true)?;
        if let Some(p) = &o.presence {
            set(field, "presence", presence_text(p.to), &presence_note(p));
        }
        if let Some(n) = &o.number {
            set(field, "type", n.to.as_str(), &number_note(n));
        }
    }
    Ok(doc.to_string())
}

/// Merges `overrides` into the file at `path`, creating it if there is none.
pub fn write_file(path: &Path, overrides: &[Override]) -> Result<(), String> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(err) => return Err(format!("{}: cannot read: {err}", path.display())),
    };
    let merged = merge(&text, overrides).map_err(|err| format!("{}: {err}", path.display()))?;
    std::fs::write(path, merged).map_err(|err| format!("{}: cannot write: {err}", path.display()))
}

/// Whether two `[types.X]` keys name one type: `a.b.Name`, `a::b::Name`.
fn same_type(a: &str, b: &str) -> bool {
    let segments =
        |s: &str| -> Vec<String> { s.split("::").flat_map(|p| p.split('.')).map(|p| p.trim().to_owned()).collect() };
    segments(a) == segments(b)
}

/// The table `key` of `parent`, made if absent: an inline table inside an inline one; a
/// section with its own header for a field (`header`), otherwise one only its subsections show.
fn child<'a>(parent: &'a mut Item, key: &str, what: &str, header: bool) -> Result<&'a mut Item, String> {
    let inline = parent.is_inline_table();
    let table = parent.as_table_like_mut().ok_or_else(|| format!("cannot add `{what}`: its parent is not a table"))?;
    let item = table.entry(key).or_insert_with(|| {
        if inline {
            Item::Value(Value::InlineTable(InlineTable::new()))
        } else {
            let mut table = Table::new();
            table.set_implicit(!header);
            Item::Table(table)
        }
    });
    if item.is_table_like() {
        Ok(item)
    } else {
        Err(format!("cannot add to `{what}`: it is not a table"))
    }
}

/// Sets `key = "text"` in `table`: in place (keeping its comment) when the key is there,
/// otherwise with `# note` beside it.
fn set(table: &mut Item, key: &str, text: &str, note: &str) {
    let inline = table.is_inline_table();
    let Some(table) = table.as_table_like_mut() else { return };
    let mut value = Value::from(text);
    match table.get_mut(key) {
        Some(Item::Value(old)) => {
            *value.decor_mut() = old.decor().clone();
            *old = value;
        }
        _ => {
            if !inline {
                value.decor_mut().set_suffix(format!(" # {note}"));
            }
            table.insert(key, Item::Value(value));
        }
    }
}
