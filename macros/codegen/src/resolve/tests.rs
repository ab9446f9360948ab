//! Overrides that give two fields of one object the same wire name, on small scratch folders:
//! whatever setting did it (`wire_case` or a field's `wire_name`), it is reported once the
//! overrides are all applied, so an override that names the fields apart again is the fix.

use crate::test_dir::TempDir;
use crate::{check, Input};

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
    let dir = TempDir::new("resolve-unit");
    dir.write("usage.ts", ts);
    dir.write("llm-usage.toml", toml);
    let input = Input { display: "s".into(), ..Input::new(&dir.0) };
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
