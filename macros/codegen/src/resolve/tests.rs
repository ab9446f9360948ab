//! Resolving small scratch folders: overrides that give two fields of one object the same
//! wire name (whatever setting did it, `wire_case` or a field's `wire_name`, it is reported
//! once the overrides are all applied, so an override that names the fields apart again is
//! the fix), and which declarations of one name in one folder merge.

use crate::test_dir::TempDir;
use crate::{check, load, Input};

/// The SDK's camelCase name beside the wire's snake_case one, as some vendors' SDK files have
/// (both are the Rust field `prompt_tokens`: one of them needs a `rename` in any case).
const CASED_TS: &str = "\
export interface Usage {
  promptTokens?: number;
  prompt_tokens?: number;
}
";

/// A `rename` that separates the Rust fields of `CASED_TS`.
const RENAMED: &str = "[types.Usage.fields.promptTokens]\nrename = \"prompt_tokens_sdk\"\n";

/// Each diagnostic of `check` on `ts` with `toml` beside it, as `line:col: message (note)`.
fn diagnostics(ts: &str, toml: &str) -> Vec<String> {
    diagnostics_of(&[("usage.ts", ts), ("llm-usage.toml", toml)])
}

/// A scratch folder of these files, and the input naming it `s`.
fn folder(files: &[(&str, &str)]) -> (TempDir, Input) {
    let dir = TempDir::new("resolve-unit");
    for (name, text) in files {
        dir.write(name, text);
    }
    let input = Input { display: "s".into(), ..Input::new(&dir.0) };
    (dir, input)
}

/// Each diagnostic of `check` on a folder of these files, as `line:col: message (note)`.
fn diagnostics_of(files: &[(&str, &str)]) -> Vec<String> {
    let (_dir, input) = folder(files);
    check(&input)
        .diagnostics
        .iter()
        .map(|d| format!("{}:{}: {} ({})", d.loc.line, d.loc.col, d.message, d.note.as_deref().unwrap_or("")))
        .collect()
}

#[test]
fn wire_case_that_merges_two_fields_is_reported_at_the_second() {
    let found = diagnostics(CASED_TS, &format!("[defaults]\nwire_case = \"snake_case\"\n\n{RENAMED}"));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].starts_with(
            "3:3: fields `promptTokens` and `prompt_tokens` of `Usage` both have the wire name `prompt_tokens`, given by `wire_case` at s/llm-usage.toml:2:13 (`promptTokens` is declared at s/usage.ts:2:3;"
        ),
        "{found:#?}"
    );
}

#[test]
fn a_wire_name_that_names_the_merged_fields_apart_again_is_the_fix() {
    // What the diagnostic above advises: it must then go away.
    let toml = format!("[defaults]\nwire_case = \"snake_case\"\n\n{RENAMED}wire_name = \"promptTokens\"\n");
    assert_eq!(diagnostics(CASED_TS, &toml), Vec::<String>::new());
}

#[test]
fn a_wire_name_override_onto_another_fields_wire_name_is_reported() {
    // Without a check the generated reader would fill one of the two fields from the key and
    // never the other, and writing back would send the key twice.
    let ts = "export interface Usage {\n  input?: number;\n  total?: number;\n}\n";
    let found = diagnostics(ts, "[types.Usage.fields.total]\nwire_name = \"input\"\n");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].starts_with(
            "3:3: fields `input` and `total` of `Usage` both have the wire name `input`, given by `wire_name` at s/llm-usage.toml:2:13 (`input` is declared at s/usage.ts:2:3;"
        ),
        "{found:#?}"
    );
}

#[test]
fn interfaces_of_one_name_in_two_files_of_a_folder_merge_type_aliases_do_not() {
    // As in TypeScript, where a folder is one scope: interface declarations merge, and the
    // types made from their inline parts with them; `type` declarations clash.
    let merged = [
        ("a.ts", "export interface Usage {\n  input?: number;\n  tier?: { name?: string };\n}\n"),
        ("b.ts", "export interface Usage {\n  output?: number;\n  tier?: { name?: string };\n}\n"),
    ];
    assert_eq!(diagnostics_of(&merged), Vec::<String>::new());
    let (_dir, input) = folder(&merged);
    let loaded = load(&input);
    let usage = loaded.schema.types.iter().find(|t| t.name == "Usage").expect("Usage");
    let crate::model::TypeKind::Struct(def) = &usage.kind else { panic!("{:?}", usage.kind) };
    let fields: Vec<&str> = def.fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(fields, ["input", "tier", "output"]);

    let aliases =
        [("a.ts", "export type Usage = { input?: number };\n"), ("b.ts", "export type Usage = { output?: number };\n")];
    let found = diagnostics_of(&aliases);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].starts_with("1:13: duplicate type name `Usage`"), "{found:#?}");
}

#[test]
fn distinct_in_defaults_applies_to_every_type_below_and_a_section_can_undo_it() {
    let enum_doc =
        |name: &str| format!("# {name}\n\n\n## Values\n\n| Name | Value |\n| ---- | ----- |\n| `TEXT` | text |\n");
    let files = |toml: &'static str| {
        vec![
            ("type.md", enum_doc("Type")),
            ("chattype.md", enum_doc("ChatType")),
            ("parttype.md", enum_doc("PartType")),
            ("llm-usage.toml", toml.to_owned()),
        ]
    };
    let distinct = |toml: &'static str| -> Vec<String> {
        let files = files(toml);
        let (_dir, input) = folder(&files.iter().map(|(n, t)| (*n, t.as_str())).collect::<Vec<_>>());
        let loaded = load(&input);
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        loaded.schema.requests.distinct.iter().map(|&id| loaded.schema.types[id].name.clone()).collect()
    };
    assert_eq!(distinct("[defaults]\ndistinct = true\n"), ["ChatType", "PartType", "Type"]);
    assert_eq!(distinct("[defaults]\ndistinct = true\n[types.Type]\ndistinct = false\n"), ["ChatType", "PartType"]);
    assert_eq!(distinct("[types.Type]\ndistinct = true\n"), ["Type"]);
}
