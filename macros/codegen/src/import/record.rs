//! The `[import]` record in `llm-usage.toml`, edited in place: the user's comments, keys and
//! order stay as they are; a value is rewritten only when it changes.

use toml_edit::{Array, DocumentMut, Item, Table, TableLike, Value};

/// What `[import]` says.
#[derive(Debug, Clone, Copy)]
pub(super) struct Record<'a> {
    pub from: &'a str,
    pub roots: &'a [String],
    pub files: &'a [String],
}

/// What the import did to the top-level `roots` (the generation roots).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RootsNote {
    /// Written: the copied files declare types the roots do not reach.
    Written,
    /// Still as the import wrote it, so changed with `[import] roots`.
    Followed,
}

const HEADER: &str = "\
# `llm-usage import` keeps this table: the vendor's files it copied into this folder, from
# where and for which types. It replaces and removes only the files listed here.
";

const ROOTS_COMMENT: &str = "\
# Generate only what the imported roots reach: the copied files declare other types too.
# `llm-usage import` keeps this list equal to `[import] roots` until you change it.
";

/// The text of `llm-usage.toml` (`old`, or a new file) with `[import]` saying `record`. The
/// top-level `roots` is written when `limit` and there is none, and follows `[import] roots`
/// while it still equals the recorded `old_roots`.
pub(super) fn update(
    old: Option<&str>,
    old_roots: &[String],
    record: &Record<'_>,
    limit: bool,
) -> Result<(String, Option<RootsNote>), String> {
    let mut doc: DocumentMut = match old {
        Some(text) => text.parse().map_err(|err| format!("not valid TOML: {err}"))?,
        None => DocumentMut::new(),
    };
    let was_empty = doc.as_table().is_empty();
    let root = doc.as_table_mut();
    let mut note = None;
    match root.get_mut("roots") {
        Some(item)
            if !old_roots.is_empty() && strings(item).as_deref() == Some(old_roots) && old_roots != record.roots =>
        {
            set_list(item, record.roots, false);
            note = Some(RootsNote::Followed);
        }
        Some(_) => {}
        None if limit => {
            let mut item = Item::None;
            set_list(&mut item, record.roots, false);
            root.insert("roots", item);
            if let Some(mut key) = root.key_mut("roots") {
                key.leaf_decor_mut().set_prefix(ROOTS_COMMENT);
            }
            note = Some(RootsNote::Written);
        }
        None => {}
    }
    let fresh = !root.contains_key("import");
    if fresh {
        let mut table = Table::new();
        let blank = if was_empty && !root.contains_key("roots") { "" } else { "\n" };
        table.decor_mut().set_prefix(format!("{blank}{HEADER}"));
        root.insert("import", Item::Table(table));
    }
    let import = root
        .get_mut("import")
        .and_then(Item::as_table_like_mut)
        .ok_or_else(|| "`import` is not a table; `llm-usage import` writes its record there".to_owned())?;
    set_value(import, "from", Value::from(record.from), |item| item.as_str() == Some(record.from));
    set_key_list(import, "roots", record.roots, false);
    set_key_list(import, "files", record.files, true);
    Ok((doc.to_string(), note))
}

/// The strings of a list item, `None` if it is not a list of strings.
fn strings(item: &Item) -> Option<Vec<String>> {
    item.as_array()?.iter().map(|v| v.as_str().map(str::to_owned)).collect()
}

/// Sets `key` to `value` unless `same` says it already is, keeping the old value's comments.
fn set_value(table: &mut dyn TableLike, key: &str, mut value: Value, same: impl Fn(&Item) -> bool) {
    match table.get_mut(key) {
        Some(item) if same(item) => {}
        Some(item) => {
            if let Some(old) = item.as_value() {
                *value.decor_mut() = old.decor().clone();
            }
            *item = Item::Value(value);
        }
        None => {
            table.insert(key, Item::Value(value));
        }
    }
}

fn set_key_list(table: &mut dyn TableLike, key: &str, values: &[String], one_a_line: bool) {
    match table.get_mut(key) {
        Some(item) => set_list(item, values, one_a_line),
        None => {
            let mut item = Item::None;
            set_list(&mut item, values, one_a_line);
            table.insert(key, item);
        }
    }
}

/// Sets a list of strings, unless it already holds exactly those; on one line when short,
/// otherwise one entry a line (file lists always), so a review shows each added or removed file.
fn set_list(item: &mut Item, values: &[String], one_a_line: bool) {
    if strings(item).as_deref() == Some(values) {
        return;
    }
    let mut array = Array::new();
    let width: usize = values.iter().map(|v| v.len() + 4).sum();
    let multiline = !values.is_empty() && (one_a_line || width > 80);
    for value in values {
        let mut value = Value::from(value.as_str());
        if multiline {
            value.decor_mut().set_prefix("\n    ");
        }
        array.push_formatted(value);
    }
    if multiline {
        array.set_trailing_comma(true);
        array.set_trailing("\n");
    }
    let mut value = Value::Array(array);
    if let Some(old) = item.as_value() {
        *value.decor_mut() = old.decor().clone();
    }
    *item = Item::Value(value);
}

#[cfg(test)]
mod tests {
    use super::{update, Record, RootsNote};

    fn strings(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn a_new_record_lists_one_file_a_line() {
        let roots = strings(&["DeploymentInvokeUsage"]);
        let files = strings(&["a.md", "b.md"]);
        let record = Record { from: "../vendor/docs/models", roots: &roots, files: &files };
        let (text, note) = update(None, &[], &record, false).unwrap();
        assert_eq!(note, None);
        assert_eq!(
            text,
            "# `llm-usage import` keeps this table: the vendor's files it copied into this folder, from
# where and for which types. It replaces and removes only the files listed here.
[import]
from = \"../vendor/docs/models\"
roots = [\"DeploymentInvokeUsage\"]
files = [
    \"a.md\",
    \"b.md\",
]
"
        );
    }

    #[test]
    fn an_existing_file_keeps_its_comments_and_order() {
        let old = "# my overrides\n[numbers]\n\"*_tokens\" = \"u64\" # counts\n\n[import]\n# where from\nfrom = \"/old\" # the checkout\nroots = [\"A\"]\nfiles = [\"a.md\"]\n\n[types.A]\nrename = \"Alpha\"\n";
        let roots = strings(&["A"]);
        let files = strings(&["a.md", "b.md"]);
        let record = Record { from: "/new", roots: &roots, files: &files };
        let (text, _) = update(Some(old), &roots, &record, false).unwrap();
        assert_eq!(
            text,
            "# my overrides\n[numbers]\n\"*_tokens\" = \"u64\" # counts\n\n[import]\n# where from\nfrom = \"/new\" # the checkout\nroots = [\"A\"]\nfiles = [\n    \"a.md\",\n    \"b.md\",\n]\n\n[types.A]\nrename = \"Alpha\"\n"
        );
        // Unchanged values are not rewritten, whatever their layout.
        let same = "[import]\nfrom = \"/new\"\nroots = [ \"A\" ]\nfiles = [\"a.md\", \"b.md\"]\n";
        assert_eq!(update(Some(same), &roots, &record, false).unwrap().0, same);
    }

    #[test]
    fn an_import_table_is_appended_after_the_users_settings() {
        let old = "# Overrides for the vendor's docs.\n[numbers]\n\"*_tokens\" = \"u64\"\n";
        let roots = strings(&["A"]);
        let files = strings(&["a.md"]);
        let record = Record { from: "../v", roots: &roots, files: &files };
        let (text, _) = update(Some(old), &[], &record, false).unwrap();
        assert_eq!(
            text,
            format!("{old}\n# `llm-usage import` keeps this table: the vendor's files it copied into this folder, from\n# where and for which types. It replaces and removes only the files listed here.\n[import]\nfrom = \"../v\"\nroots = [\"A\"]\nfiles = [\n    \"a.md\",\n]\n")
        );
    }

    #[test]
    fn generation_roots_are_written_when_needed_and_follow_while_untouched() {
        let roots = strings(&["src::Usage"]);
        let files = strings(&["src/types.ts"]);
        let record = Record { from: "/v", roots: &roots, files: &files };
        let (text, note) = update(None, &[], &record, true).unwrap();
        assert_eq!(note, Some(RootsNote::Written));
        assert!(text.starts_with("# Generate only what the imported roots reach"), "{text}");
        assert!(text.contains("roots = [\"src::Usage\"]\n\n# `llm-usage import` keeps this table"), "{text}");

        let more = strings(&["src::Usage", "src::Other"]);
        let record = Record { roots: &more, ..record };
        let (followed, note) = update(Some(&text), &roots, &record, true).unwrap();
        assert_eq!(note, Some(RootsNote::Followed));
        assert!(followed.contains("\nroots = [\"src::Usage\", \"src::Other\"]\n\n"), "{followed}");

        // Once the user changes them, they are the user's.
        let edited = text.replacen("roots = [\"src::Usage\"]", "roots = [\"src::Usage\", \"src::Mine\"]", 1);
        let (kept, note) = update(Some(&edited), &roots, &record, true).unwrap();
        assert_eq!(note, None);
        assert!(kept.contains("roots = [\"src::Usage\", \"src::Mine\"]"), "{kept}");
    }
}
