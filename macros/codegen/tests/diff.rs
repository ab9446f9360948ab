//! `llm_usage_codegen::diff` on real and small OLD/NEW schema pairs: every change kind, on
//! both axes, for Speakeasy docs and TypeScript, with `llm-usage.toml` overrides changing
//! between the sides; the real orq update of 2025-12-15 against the vendor's own release note.

use std::path::{Path, PathBuf};

use llm_usage_codegen::diff::{self, render, Change, ChangeKind, Verdict};
use llm_usage_codegen::Input;

use ChangeKind::*;
use Verdict::{Breaking, Compatible};

// ---------------------------------------------------------------------------------------------
// Helpers

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/diff")
}

/// Loads a folder, named `display` in locations; it must have no diagnostics.
fn load(path: &Path, display: &str) -> llm_usage_codegen::Loaded {
    let input = Input { path: path.to_path_buf(), display: display.to_owned(), roots: None };
    let loaded = llm_usage_codegen::load(&input);
    let problems: Vec<String> = loaded.diagnostics.iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{display}:\n{}", problems.join("\n"));
    loaded
}

fn diff_dirs(old: &Path, new: &Path) -> Vec<Change> {
    diff::diff(&load(old, "old").schema, &load(new, "new").schema)
}

/// Writes `old` and `new` (file name, text) into a fresh pair of folders and diffs them.
fn diff_files(case: &str, old: &[(&str, &str)], new: &[(&str, &str)]) -> Vec<Change> {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("diff").join(case);
    let _ = std::fs::remove_dir_all(&root);
    for (side, files) in [("old", old), ("new", new)] {
        for (name, text) in files {
            let path = root.join(side).join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
    }
    diff_dirs(&root.join("old"), &root.join("new"))
}

/// A Python-flavour Speakeasy object doc: rows of (field, type cell, required, description).
fn object(name: &str, doc: &str, rows: &[(&str, &str, bool, &str)]) -> String {
    let mut text = format!("# {name}\n\n{doc}\n\n\n## Fields\n\n| Field | Type | Required | Description |\n| ----- | ---- | -------- | ----------- |\n");
    for (field, ty, required, description) in rows {
        let mark = if *required { ":heavy_check_mark:" } else { ":heavy_minus_sign:" };
        text.push_str(&format!("| `{field}` | {ty} | {mark} | {description} |\n"));
    }
    text
}

/// A Python-flavour Speakeasy enum doc, bullet form.
fn enumeration(name: &str, values: &[&str]) -> String {
    let mut text = format!("# {name}\n\n\n## Values\n\n");
    for value in values {
        text.push_str(&format!("- `\"{value}\"`\n"));
    }
    text
}

/// A Python-flavour Speakeasy union doc.
fn union(name: &str, variants: &[&str]) -> String {
    let mut text = format!("# {name}\n\n\n## Supported Types\n");
    for variant in variants {
        text.push_str(&format!(
            "\n### `models.{variant}`\n\n```python\nvalue: models.{variant} = /* values here */\n```\n"
        ));
    }
    text
}

/// The one change of `kind` about `subject` (a field or a member) in type `ty`.
#[track_caller]
fn find<'c>(changes: &'c [Change], ty: &str, subject: Option<&str>, kind: ChangeKind) -> &'c Change {
    let found: Vec<&Change> = changes
        .iter()
        .filter(|c| c.ty == ty && c.kind == kind && c.field.as_deref().or(c.member.as_deref()) == subject)
        .collect();
    assert_eq!(found.len(), 1, "one {kind} of {ty} {subject:?} in\n{}", render::text(changes));
    found[0]
}

#[track_caller]
fn verdicts(change: &Change) -> (Verdict, Verdict) {
    (change.wire, change.api)
}

/// The changes other than documentation.
fn kinds(changes: &[Change]) -> Vec<(String, Option<String>, ChangeKind)> {
    changes.iter().map(|c| (c.ty.clone(), c.field.clone().or(c.member.clone()), c.kind)).collect()
}

const USAGE_DOC: &str = "Usage metrics for the response";

fn usage(rows: &[(&str, &str, bool, &str)]) -> String {
    object("Usage", USAGE_DOC, rows)
}

// ---------------------------------------------------------------------------------------------
// The real update of 2025-12-15

fn orq_update() -> Vec<Change> {
    let dir = fixtures().join("orq-python-2025-12-15");
    diff::diff(&load(&dir.join("before"), "before").schema, &load(&dir.join("after"), "after").schema)
}

#[test]
fn the_orq_update_of_2025_12_15_as_text() {
    insta::assert_snapshot!(render::text(&orq_update()));
}

#[test]
fn the_orq_update_of_2025_12_15_as_json() {
    insta::assert_snapshot!(render::json(&orq_update()));
}

#[test]
fn the_orq_update_of_2025_12_15_breaks_both_usage_objects_and_adds_four_detail_types() {
    let changes = orq_update();
    for ty in ["DeploymentInvokeUsage", "DeploymentStreamUsage"] {
        for field in ["input_tokens", "output_tokens"] {
            let removed = find(&changes, ty, Some(field), FieldRemoved);
            assert_eq!(verdicts(removed), (Breaking, Breaking));
            assert_eq!(removed.old.as_deref(), Some("required float"));
        }
        let loosened = find(&changes, ty, Some("total_tokens"), PresenceChanged);
        assert_eq!(verdicts(loosened), (Breaking, Breaking));
        assert_eq!(
            (loosened.old.as_deref(), loosened.new.as_deref()),
            (Some("required float"), Some("optional float"))
        );
        for field in ["prompt_tokens", "completion_tokens", "prompt_tokens_details", "completion_tokens_details"] {
            assert_eq!(verdicts(find(&changes, ty, Some(field), FieldAdded)), (Compatible, Compatible));
        }
        let prefix = ty.trim_end_matches("Usage");
        let details = find(&changes, ty, Some("completion_tokens_details"), FieldAdded);
        assert_eq!(details.new.as_deref(), Some(&*format!("optional-nullable {prefix}CompletionTokensDetails")));
        for detail in ["PromptTokensDetails", "CompletionTokensDetails"] {
            let added = find(&changes, &format!("{prefix}{detail}"), None, TypeAdded);
            assert_eq!(verdicts(added), (Compatible, Compatible));
        }
    }
    assert_eq!(changes.len(), 2 * 7 + 4, "{}", render::text(&changes));
    // Breaking first: the two usage objects lead the report.
    assert!(changes[..14].iter().all(|c| c.ty.ends_with("Usage")));
}

/// `orq.deployments.invoke()` and `response.usage` → `DeploymentInvokeUsage`: how Speakeasy
/// names a response's nested object (the resource in the singular, the method, the last
/// path segment).
fn changelog_type(line: &str) -> Option<String> {
    let pascal = |s: &str| {
        let mut c = s.chars();
        c.next().map(|f| f.to_uppercase().chain(c).collect::<String>()).unwrap_or_default()
    };
    let method = line.split('`').nth(1)?.strip_suffix("()")?;
    let mut parts = method.split('.').skip(1);
    let (resource, verb) = (parts.next()?, parts.next()?);
    let path = line.split('`').nth(3)?;
    let last = path.rsplit('.').next()?;
    Some(format!("{}{}{}", pascal(resource.strip_suffix('s').unwrap_or(resource)), pascal(verb), pascal(last)))
}

#[test]
fn the_report_agrees_with_the_vendors_release_note() {
    let note = std::fs::read_to_string(fixtures().join("orq-python-2025-12-15/SPEAKEASY-CHANGELOG.txt")).unwrap();
    let mut marked_breaking = Vec::new();
    let mut mentioned = Vec::new();
    for line in note.lines().filter(|l| l.trim_start().starts_with("* `")) {
        let ty = changelog_type(line).unwrap_or_else(|| panic!("cannot read {line:?}"));
        if line.contains("**Breaking**") {
            marked_breaking.push(ty.clone());
        }
        mentioned.push(ty);
    }
    assert_eq!(marked_breaking, ["DeploymentInvokeUsage", "DeploymentStreamUsage"]);

    let changes = orq_update();
    let mut breaking_in_report: Vec<String> = Vec::new();
    for change in changes.iter().filter(|c| c.wire.is_breaking() && c.api.is_breaking()) {
        if !breaking_in_report.contains(&change.ty) {
            breaking_in_report.push(change.ty.clone());
        }
    }
    breaking_in_report.sort();
    // Every object the note marks Breaking breaks on both axes here, and nothing else does.
    assert_eq!(breaking_in_report, marked_breaking);
    for ty in &mentioned {
        assert!(changes.iter().any(|c| &c.ty == ty), "{ty} is in the note but not in the report");
    }
}

// ---------------------------------------------------------------------------------------------
// Speakeasy docs: one change kind at a time

#[test]
fn speakeasy_a_required_field_becoming_optional_breaks_both() {
    let changes = diff_files(
        "se-optional",
        &[("usage.md", &usage(&[("total_tokens", "*float*", true, "N/A")]))],
        &[("usage.md", &usage(&[("total_tokens", "*Optional[float]*", false, "N/A")]))],
    );
    assert_eq!(kinds(&changes), [("Usage".into(), Some("total_tokens".into()), PresenceChanged)]);
    assert_eq!(verdicts(&changes[0]), (Breaking, Breaking));
    assert_eq!(changes[0].loc.to_string(), "new/usage.md:10:3");
}

#[test]
fn speakeasy_a_field_becoming_nullable_breaks_both_and_tightening_breaks_only_the_api() {
    let required = usage(&[("total_tokens", "*float*", true, "N/A")]);
    let nullable = usage(&[("total_tokens", "*Nullable[float]*", true, "N/A")]);
    let changes = diff_files("se-nullable", &[("usage.md", &required)], &[("usage.md", &nullable)]);
    let change = find(&changes, "Usage", Some("total_tokens"), PresenceChanged);
    assert_eq!(verdicts(change), (Breaking, Breaking));
    assert_eq!(change.new.as_deref(), Some("required-nullable float"));

    let changes = diff_files("se-non-nullable", &[("usage.md", &nullable)], &[("usage.md", &required)]);
    assert_eq!(verdicts(find(&changes, "Usage", Some("total_tokens"), PresenceChanged)), (Compatible, Breaking));

    let optional = usage(&[("total_tokens", "*Optional[float]*", false, "N/A")]);
    let changes = diff_files("se-required", &[("usage.md", &optional)], &[("usage.md", &required)]);
    assert_eq!(verdicts(find(&changes, "Usage", Some("total_tokens"), PresenceChanged)), (Compatible, Breaking));
}

#[test]
fn speakeasy_removing_a_field_breaks_the_wire_only_when_it_was_required() {
    let old = usage(&[
        ("total_tokens", "*float*", true, "N/A"),
        ("cached_tokens", "*Optional[float]*", false, "N/A"),
        ("kept", "*str*", true, "N/A"),
    ]);
    let new = usage(&[("kept", "*str*", true, "N/A")]);
    let changes = diff_files("se-removed", &[("usage.md", &old)], &[("usage.md", &new)]);
    let required = find(&changes, "Usage", Some("total_tokens"), FieldRemoved);
    assert_eq!(verdicts(required), (Breaking, Breaking));
    assert_eq!(required.loc.to_string(), "old/usage.md:10:3", "a removal is shown where the old side had it");
    assert_eq!(verdicts(find(&changes, "Usage", Some("cached_tokens"), FieldRemoved)), (Compatible, Breaking));
    assert_eq!(changes.len(), 2);
}

#[test]
fn speakeasy_adding_a_field_is_compatible_whatever_its_presence() {
    let old = usage(&[("kept", "*str*", true, "N/A")]);
    let new = usage(&[
        ("kept", "*str*", true, "N/A"),
        ("a", "*float*", true, "N/A"),
        ("b", "*OptionalNullable[float]*", false, "N/A"),
    ]);
    let changes = diff_files("se-added", &[("usage.md", &old)], &[("usage.md", &new)]);
    assert_eq!(verdicts(find(&changes, "Usage", Some("a"), FieldAdded)), (Compatible, Compatible));
    let b = find(&changes, "Usage", Some("b"), FieldAdded);
    assert_eq!((verdicts(b), b.new.as_deref()), ((Compatible, Compatible), Some("optional-nullable float")));
}

#[test]
fn speakeasy_a_changed_field_type_breaks_both() {
    let changes = diff_files(
        "se-type",
        &[("usage.md", &usage(&[("total_tokens", "*float*", true, "N/A")]))],
        &[("usage.md", &usage(&[("total_tokens", "*str*", true, "N/A")]))],
    );
    let change = find(&changes, "Usage", Some("total_tokens"), TypeChanged);
    assert_eq!(verdicts(change), (Breaking, Breaking));
    assert_eq!((change.old.as_deref(), change.new.as_deref()), (Some("required float"), Some("required string")));
}

#[test]
fn speakeasy_enum_values_added_are_compatible_and_removed_break_the_api() {
    let changes = diff_files(
        "se-enum",
        &[("tier.md", &enumeration("Tier", &["flex", "standard"]))],
        &[("tier.md", &enumeration("Tier", &["flex", "priority"]))],
    );
    assert_eq!(verdicts(find(&changes, "Tier", Some("\"priority\""), EnumValueAdded)), (Compatible, Compatible));
    assert_eq!(verdicts(find(&changes, "Tier", Some("\"standard\""), EnumValueRemoved)), (Compatible, Breaking));
    assert_eq!(changes.len(), 2, "{}", render::text(&changes));
}

#[test]
fn speakeasy_an_enum_value_respelled_under_the_same_variant_is_a_wire_name_change() {
    let changes = diff_files(
        "se-enum-respelled",
        &[("usecase.md", &enumeration("UseCase", &["Agents simulations", "SQL"]))],
        &[("usecase.md", &enumeration("UseCase", &["agents_simulations", "SQL"]))],
    );
    assert_eq!(kinds(&changes), [("UseCase".into(), Some("\"agents_simulations\"".into()), WireNameChanged)]);
    assert_eq!(verdicts(&changes[0]), (Breaking, Compatible));
}

#[test]
fn speakeasy_union_variants_added_break_both_and_removed_break_the_api() {
    let text = object("TextPart", "Text.", &[("text", "*str*", true, "N/A")]);
    let image = object("ImagePart", "An image.", &[("url", "*str*", true, "N/A")]);
    let file = object("FilePart", "A file.", &[("id", "*str*", true, "N/A")]);
    let changes = diff_files(
        "se-union",
        &[("textpart.md", &text), ("imagepart.md", &image), ("part.md", &union("Part", &["TextPart", "ImagePart"]))],
        &[("textpart.md", &text), ("filepart.md", &file), ("part.md", &union("Part", &["TextPart", "FilePart"]))],
    );
    assert_eq!(verdicts(find(&changes, "Part", Some("FilePart"), UnionVariantAdded)), (Breaking, Breaking));
    assert_eq!(verdicts(find(&changes, "Part", Some("ImagePart"), UnionVariantRemoved)), (Compatible, Breaking));
    assert_eq!(verdicts(find(&changes, "FilePart", None, TypeAdded)), (Compatible, Compatible));
    assert_eq!(verdicts(find(&changes, "ImagePart", None, TypeRemoved)), (Breaking, Breaking));
    assert_eq!(changes.len(), 4, "{}", render::text(&changes));
}

#[test]
fn speakeasy_a_type_removed_breaks_both_and_a_type_added_is_compatible() {
    let a = object("Alpha", "A.", &[("x", "*str*", true, "N/A")]);
    let b = object("Beta", "B.", &[("x", "*str*", true, "N/A")]);
    let changes = diff_files("se-types", &[("alpha.md", &a)], &[("beta.md", &b)]);
    let removed = find(&changes, "Alpha", None, TypeRemoved);
    assert_eq!((verdicts(removed), removed.old.as_deref()), ((Breaking, Breaking), Some("struct")));
    assert_eq!(verdicts(find(&changes, "Beta", None, TypeAdded)), (Compatible, Compatible));
    // Breaking first.
    assert_eq!(changes[0].kind, TypeRemoved);
}

#[test]
fn speakeasy_a_type_that_moves_to_another_file_is_no_change() {
    let a = object("Alpha", "A.", &[("x", "*str*", true, "N/A")]);
    let changes = diff_files("se-moved", &[("alpha.md", &a)], &[("alpha_v2.md", &a)]);
    assert_eq!(changes, []);
}

#[test]
fn speakeasy_an_object_that_becomes_an_enum_changes_kind() {
    let changes = diff_files(
        "se-kind",
        &[("tier.md", &object("Tier", "T.", &[("x", "*str*", true, "N/A")]))],
        &[("tier.md", &enumeration("Tier", &["flex"]))],
    );
    let change = find(&changes, "Tier", None, KindChanged);
    assert_eq!(
        (verdicts(change), change.old.as_deref(), change.new.as_deref()),
        ((Breaking, Breaking), Some("struct"), Some("enum"))
    );
}

#[test]
fn speakeasy_doc_changes_are_information() {
    let changes = diff_files(
        "se-docs",
        &[("usage.md", &object("Usage", USAGE_DOC, &[("total_tokens", "*float*", true, "Tokens used.")]))],
        &[(
            "usage.md",
            &object(
                "Usage",
                "Usage metrics.",
                &[("total_tokens", "*float*", true, "Tokens used, now including cached tokens.")],
            ),
        )],
    );
    let field = find(&changes, "Usage", Some("total_tokens"), DocsChanged);
    assert_eq!(verdicts(field), (Compatible, Compatible));
    assert!(field.is_info() && !field.is_breaking());
    assert_eq!(field.new.as_deref(), Some("Tokens used, now including cached tokens."));
    let ty = find(&changes, "Usage", None, DocsChanged);
    assert_eq!((ty.old.as_deref(), ty.new.as_deref()), (Some(USAGE_DOC), Some("Usage metrics.")));
    assert_eq!(changes.len(), 2);
    assert!(render::text(&changes).starts_with("Usage: docs only\n"), "{}", render::text(&changes));
}

#[test]
fn speakeasy_a_wire_name_change_under_the_same_rust_name_breaks_only_the_wire() {
    // `totalTokens` and `total_tokens` are both the Rust field `total_tokens`.
    let changes = diff_files(
        "se-wire-name",
        &[("usage.md", &usage(&[("totalTokens", "*float*", true, "N/A")]))],
        &[("usage.md", &usage(&[("total_tokens", "*float*", true, "N/A")]))],
    );
    assert_eq!(kinds(&changes), [("Usage".into(), Some("total_tokens".into()), WireNameChanged)]);
    assert_eq!(verdicts(&changes[0]), (Breaking, Compatible));
    assert_eq!((changes[0].old.as_deref(), changes[0].new.as_deref()), (Some("totalTokens"), Some("total_tokens")));
}

#[test]
fn a_table_form_enum_doc_and_its_bullet_form_successor_are_the_same_types() {
    // Real docs as orq-python wrote them on 2026-02-17 (`| Name | Value |` tables) and later
    // (bullets): `ttl.md` and `createpromptusecases.md`.
    let testdata = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/parse/speakeasy/testdata");
    let tables = load(&testdata.join("orq-python-2026-02-17"), "tables");
    let bullets = load(&testdata.join("orq-python"), "bullets");
    assert_eq!(tables.schema.types.len(), 2);
    let changes = diff::diff(&tables.schema, &bullets.schema);
    assert_eq!(changes, [], "{}", render::text(&changes));
    assert_eq!(render::text(&changes), "no changes\n");
}

// ---------------------------------------------------------------------------------------------
// `llm-usage.toml` changing between the sides

const TOKENS: &[(&str, &str, bool, &str)] = &[
    ("prompt_tokens", "*float*", true, "N/A"),
    ("completion_tokens", "*float*", true, "N/A"),
    ("model", "*str*", true, "N/A"),
];

#[test]
fn an_override_added_on_the_new_side_changes_presence() {
    let doc = usage(TOKENS);
    let toml = "[types.Usage.fields.prompt_tokens]\npresence = \"optional-nullable\"\n";
    let changes = diff_files("toml-presence", &[("usage.md", &doc)], &[("usage.md", &doc), ("llm-usage.toml", toml)]);
    assert_eq!(kinds(&changes), [("Usage".into(), Some("prompt_tokens".into()), PresenceChanged)]);
    assert_eq!(verdicts(&changes[0]), (Breaking, Breaking));
    assert_eq!(changes[0].new.as_deref(), Some("optional-nullable float"));
}

#[test]
fn an_override_can_cancel_a_vendor_change() {
    // The vendor loosens `prompt_tokens`; the user's file, kept across the update, says the
    // payloads always carry it: nothing changes for the generated types.
    let old = usage(TOKENS);
    let new = usage(&[("prompt_tokens", "*Optional[float]*", false, "N/A"), TOKENS[1], TOKENS[2]]);
    let changes = diff_files("toml-cancel-before", &[("usage.md", &old)], &[("usage.md", &new)]);
    assert_eq!(verdicts(find(&changes, "Usage", Some("prompt_tokens"), PresenceChanged)), (Breaking, Breaking));
    let toml = "[types.Usage.fields.prompt_tokens]\npresence = \"required\"\n";
    let changes = diff_files("toml-cancel", &[("usage.md", &old)], &[("usage.md", &new), ("llm-usage.toml", toml)]);
    assert_eq!(changes, []);
}

#[test]
fn a_numbers_override_added_on_the_new_side_changes_the_type() {
    let doc = usage(TOKENS);
    let toml = "[numbers]\n\"*_tokens\" = \"u64\"\n";
    let changes = diff_files("toml-numbers", &[("usage.md", &doc)], &[("usage.md", &doc), ("llm-usage.toml", toml)]);
    assert_eq!(changes.len(), 2, "{}", render::text(&changes));
    for field in ["prompt_tokens", "completion_tokens"] {
        let change = find(&changes, "Usage", Some(field), TypeChanged);
        assert_eq!(verdicts(change), (Breaking, Breaking));
        assert_eq!((change.old.as_deref(), change.new.as_deref()), (Some("required float"), Some("required u64")));
    }
    // The same override on both sides: no change.
    let changes = diff_files(
        "toml-numbers-both",
        &[("usage.md", &doc), ("llm-usage.toml", toml)],
        &[("usage.md", &doc), ("llm-usage.toml", toml)],
    );
    assert_eq!(changes, []);
}

#[test]
fn a_rename_override_breaks_only_the_api() {
    let doc = usage(TOKENS);
    let toml = "[types.Usage]\nrename = \"TokenUsage\"\n\n[types.Usage.fields.model]\nrename = \"model_name\"\n";
    let changes = diff_files("toml-rename", &[("usage.md", &doc)], &[("usage.md", &doc), ("llm-usage.toml", toml)]);
    let ty = find(&changes, "Usage", None, RustNameChanged);
    assert_eq!(
        (verdicts(ty), ty.old.as_deref(), ty.new.as_deref()),
        ((Compatible, Breaking), Some("Usage"), Some("TokenUsage"))
    );
    let field = find(&changes, "Usage", Some("model"), RustNameChanged);
    assert_eq!(
        (verdicts(field), field.old.as_deref(), field.new.as_deref()),
        ((Compatible, Breaking), Some("model"), Some("model_name"))
    );
    assert_eq!(changes.len(), 2);
}

#[test]
fn a_wire_name_override_breaks_only_the_wire() {
    let doc = usage(TOKENS);
    let toml = "[types.Usage.fields.model]\nwire_name = \"modelName\"\n";
    let changes = diff_files("toml-wire", &[("usage.md", &doc)], &[("usage.md", &doc), ("llm-usage.toml", toml)]);
    assert_eq!(kinds(&changes), [("Usage".into(), Some("modelName".into()), WireNameChanged)]);
    assert_eq!(verdicts(&changes[0]), (Breaking, Compatible));
}

// ---------------------------------------------------------------------------------------------
// TypeScript declarations

const TS_OLD: &str = r#"
/** Token counts of one request. */
export interface Usage {
  /** Tokens in the prompt. */
  promptTokens: number;
  completionTokens: number;
  thoughtsTokens?: number;
  cachedTokens?: number;
  modelVersion: string;
  tier?: ServiceTier;
  part?: Part;
}

export enum ServiceTier {
  UNSPECIFIED = 'unspecified',
  FLEX = 'flex',
  STANDARD = 'standard',
}

export interface TextPart { text: string }
export interface ImagePart { url: string }
export type Part = TextPart | ImagePart;

export interface Legacy { id: string }
"#;

fn ts_new(replacements: &[(&str, &str)]) -> String {
    let mut text = TS_OLD.to_owned();
    for (from, to) in replacements {
        assert!(text.contains(from), "{from}");
        text = text.replacen(from, to, 1);
    }
    text
}

fn ts_diff(case: &str, new: &str) -> Vec<Change> {
    diff_files(case, &[("types.ts", TS_OLD)], &[("types.ts", new)])
}

#[test]
fn typescript_an_unchanged_file_has_no_changes() {
    assert_eq!(ts_diff("ts-same", TS_OLD), []);
}

#[test]
fn typescript_presence_changes() {
    let changes = ts_diff(
        "ts-presence",
        &ts_new(&[
            ("promptTokens: number;", "promptTokens?: number;"),
            ("completionTokens: number;", "completionTokens: number | null;"),
            ("thoughtsTokens?: number;", "thoughtsTokens: number;"),
            ("cachedTokens?: number;", "cachedTokens?: number | null;"),
        ]),
    );
    let expect = [
        ("promptTokens", "required float", "optional float", (Breaking, Breaking)),
        ("completionTokens", "required float", "required-nullable float", (Breaking, Breaking)),
        ("thoughtsTokens", "optional float", "required float", (Compatible, Breaking)),
        ("cachedTokens", "optional float", "optional-nullable float", (Breaking, Breaking)),
    ];
    for (field, old, new, verdict) in expect {
        let change = find(&changes, "Usage", Some(field), PresenceChanged);
        assert_eq!((change.old.as_deref(), change.new.as_deref(), verdicts(change)), (Some(old), Some(new), verdict));
    }
    assert_eq!(changes.len(), 4, "{}", render::text(&changes));
}

#[test]
fn typescript_fields_removed_and_added() {
    let changes = ts_diff(
        "ts-fields",
        &ts_new(&[
            ("  completionTokens: number;\n", ""),
            ("  cachedTokens?: number;\n", "  reasoningTokens?: number;\n  audioTokens: number;\n"),
        ]),
    );
    assert_eq!(verdicts(find(&changes, "Usage", Some("completionTokens"), FieldRemoved)), (Breaking, Breaking));
    assert_eq!(verdicts(find(&changes, "Usage", Some("cachedTokens"), FieldRemoved)), (Compatible, Breaking));
    assert_eq!(verdicts(find(&changes, "Usage", Some("reasoningTokens"), FieldAdded)), (Compatible, Compatible));
    assert_eq!(verdicts(find(&changes, "Usage", Some("audioTokens"), FieldAdded)), (Compatible, Compatible));
    assert_eq!(changes.len(), 4, "{}", render::text(&changes));
}

#[test]
fn typescript_enum_members_added_removed_and_renamed() {
    let changes = ts_diff(
        "ts-enum",
        &ts_new(&[
            ("  STANDARD = 'standard',\n", "  PRIORITY = 'priority',\n"),
            ("FLEX = 'flex'", "FLEXIBLE = 'flex'"),
        ]),
    );
    assert_eq!(verdicts(find(&changes, "ServiceTier", Some("\"priority\""), EnumValueAdded)), (Compatible, Compatible));
    assert_eq!(verdicts(find(&changes, "ServiceTier", Some("\"standard\""), EnumValueRemoved)), (Compatible, Breaking));
    // Same value, another member: the Rust variant is renamed.
    let renamed = find(&changes, "ServiceTier", Some("\"flex\""), RustNameChanged);
    assert_eq!(
        (verdicts(renamed), renamed.old.as_deref(), renamed.new.as_deref()),
        ((Compatible, Breaking), Some("Flex"), Some("Flexible"))
    );
    assert_eq!(changes.len(), 3, "{}", render::text(&changes));
}

#[test]
fn typescript_union_variants_added_and_removed() {
    let changes = ts_diff(
        "ts-union",
        &ts_new(&[(
            "export type Part = TextPart | ImagePart;",
            "export type Part = TextPart | AudioPart;\nexport interface AudioPart { data: string }",
        )]),
    );
    assert_eq!(verdicts(find(&changes, "Part", Some("AudioPart"), UnionVariantAdded)), (Breaking, Breaking));
    assert_eq!(verdicts(find(&changes, "Part", Some("ImagePart"), UnionVariantRemoved)), (Compatible, Breaking));
    assert_eq!(verdicts(find(&changes, "AudioPart", None, TypeAdded)), (Compatible, Compatible));
    assert_eq!(changes.len(), 3, "ImagePart is still declared: {}", render::text(&changes));
}

#[test]
fn typescript_types_removed_and_added_and_moved() {
    let changes = ts_diff(
        "ts-types",
        &ts_new(&[("export interface Legacy { id: string }", "export interface Modern { id: string }")]),
    );
    assert_eq!(verdicts(find(&changes, "Legacy", None, TypeRemoved)), (Breaking, Breaking));
    assert_eq!(verdicts(find(&changes, "Modern", None, TypeAdded)), (Compatible, Compatible));
    assert_eq!(changes.len(), 2);

    // Split over two files: the same types, so no change.
    let (head, tail) = TS_OLD.split_at(TS_OLD.find("export enum ServiceTier").unwrap());
    let changes = diff_files("ts-split", &[("types.ts", TS_OLD)], &[("usage.ts", head), ("rest.d.ts", tail)]);
    assert_eq!(changes, []);
}

#[test]
fn typescript_type_and_doc_changes() {
    let changes = ts_diff(
        "ts-type-docs",
        &ts_new(&[
            ("modelVersion: string;", "modelVersion: number;"),
            ("/** Tokens in the prompt. */", "/** Tokens in the prompt, cached tokens included. */"),
        ]),
    );
    let ty = find(&changes, "Usage", Some("modelVersion"), TypeChanged);
    assert_eq!(
        (verdicts(ty), ty.old.as_deref(), ty.new.as_deref()),
        ((Breaking, Breaking), Some("required string"), Some("required float"))
    );
    let docs = find(&changes, "Usage", Some("promptTokens"), DocsChanged);
    assert_eq!(
        (verdicts(docs), docs.new.as_deref()),
        ((Compatible, Compatible), Some("Tokens in the prompt, cached tokens included."))
    );
    assert_eq!(changes.len(), 2);
}

#[test]
fn typescript_with_a_wire_case_override_added() {
    // The SDK's camelCase names, and on the new side the folder's file says the wire is snake_case:
    // every field keeps its Rust name and changes its JSON key.
    let changes = diff_files(
        "ts-wire-case",
        &[("types.ts", TS_OLD)],
        &[("types.ts", TS_OLD), ("llm-usage.toml", "[defaults]\nwire_case = \"snake_case\"\n")],
    );
    let wire = find(&changes, "Usage", Some("prompt_tokens"), WireNameChanged);
    assert_eq!(
        (verdicts(wire), wire.old.as_deref(), wire.new.as_deref()),
        ((Breaking, Compatible), Some("promptTokens"), Some("prompt_tokens"))
    );
    assert!(changes.iter().all(|c| c.kind == WireNameChanged), "{}", render::text(&changes));
    assert_eq!(changes.len(), 5, "`tier` and `part` are one word in both casings: {}", render::text(&changes));
}

#[test]
fn typescript_deprecation_is_information() {
    let changes = ts_diff(
        "ts-deprecated",
        &ts_new(&[("  cachedTokens?: number;", "  /** @deprecated Use promptTokens. */\n  cachedTokens?: number;")]),
    );
    let change = find(&changes, "Usage", Some("cachedTokens"), DeprecationChanged);
    assert_eq!((verdicts(change), change.old.as_deref()), ((Compatible, Compatible), None));
    assert!(change.is_info());
    assert!(changes.iter().all(Change::is_info), "{}", render::text(&changes));
}

#[test]
fn typescript_an_enum_value_that_takes_the_catch_alls_name_renames_it() {
    // A value added is compatible by itself, but `unknown` becomes the variant `Unknown`, so
    // the variant that keeps unlisted values is renamed: code matching on it breaks.
    let changes = ts_diff(
        "ts-catch-all",
        &ts_new(&[("  STANDARD = 'standard',\n", "  STANDARD = 'standard',\n  UNKNOWN = 'unknown',\n")]),
    );
    assert_eq!(verdicts(find(&changes, "ServiceTier", Some("\"unknown\""), EnumValueAdded)), (Compatible, Compatible));
    let renamed = find(&changes, "ServiceTier", Some("(unknown values)"), RustNameChanged);
    assert_eq!((verdicts(renamed), renamed.old.as_deref()), ((Compatible, Breaking), Some("Unknown")));
}

#[test]
fn typescript_an_alias_to_another_type() {
    let old = "export type Id = string;\nexport interface Thing { id: Id }\n";
    let new = "export type Id = number;\nexport interface Thing { id: Id }\n";
    let changes = diff_files("ts-alias", &[("types.ts", old)], &[("types.ts", new)]);
    let change = find(&changes, "Id", None, TypeChanged);
    assert_eq!(
        (verdicts(change), change.old.as_deref(), change.new.as_deref()),
        ((Breaking, Breaking), Some("string"), Some("float"))
    );
    assert_eq!(changes.len(), 1, "`Thing.id` still refers to `Id`: {}", render::text(&changes));
}

#[test]
fn typedoc_page_text_a_member_value_and_a_member_doc_changed() {
    // A real TypeDoc page as copied from a browser, and the same page after an update.
    let page = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("src/parse/typedoc/testdata/ServiceTier.txt"),
    )
    .unwrap();
    let updated = page
        .replace("PRIORITY: \"priority\"", "PRIORITY: \"priority-tier\"")
        .replace("Flex service tier.", "Flex service tier, at half the price.");
    assert_ne!(page, updated);
    let changes = diff_files("typedoc", &[("ServiceTier.txt", &page)], &[("ServiceTier.txt", &updated)]);
    // The member `PRIORITY` stays, so the Rust variant stays: its value is a wire name.
    let value = find(&changes, "ServiceTier", Some("\"priority-tier\""), WireNameChanged);
    assert_eq!((verdicts(value), value.old.as_deref()), ((Breaking, Compatible), Some("\"priority\"")));
    let docs = find(&changes, "ServiceTier", Some("\"flex\""), DocsChanged);
    assert_eq!(
        (docs.old.as_deref(), docs.new.as_deref()),
        (Some("Flex service tier."), Some("Flex service tier, at half the price."))
    );
    assert_eq!(changes.len(), 2, "{}", render::text(&changes));
}

// ---------------------------------------------------------------------------------------------
// Reports

#[test]
fn the_report_order_is_breaking_then_compatible_then_docs_and_does_not_depend_on_file_order() {
    // Fields of their own: three types of one shape would be one Rust type, and parting them
    // would be a change of its own.
    let a = object("Alpha", "A.", &[("a", "*str*", true, "N/A")]);
    let a_docs = object("Alpha", "A, reworded.", &[("a", "*str*", true, "N/A")]);
    let b = object("Beta", "B.", &[("b", "*str*", true, "N/A")]);
    let b_added = object("Beta", "B.", &[("b", "*str*", true, "N/A"), ("y", "*str*", true, "N/A")]);
    let c = object("Gamma", "C.", &[("c", "*str*", true, "N/A")]);
    let c_removed = object("Gamma", "C.", &[]);
    let changes = diff_files(
        "order",
        &[("a.md", &a), ("b.md", &b), ("c.md", &c)],
        &[("a.md", &a_docs), ("b.md", &b_added), ("c.md", &c_removed)],
    );
    let types: Vec<&str> = changes.iter().map(|c| c.ty.as_str()).collect();
    assert_eq!(types, ["Gamma", "Beta", "Alpha"], "{}", render::text(&changes));
}

#[test]
fn markdown_has_a_summary_line_and_a_table() {
    let markdown = render::markdown(&orq_update());
    let mut lines = markdown.lines();
    assert_eq!(
        lines.next(),
        Some("**llm-usage diff**: 18 changes in 6 types: 2 types break the wire, 2 the API; 0 changes are docs only.")
    );
    assert_eq!(lines.next(), Some(""));
    assert_eq!(lines.next(), Some("| type | field or member | change | old | new | wire | api | where |"));
    assert_eq!(lines.clone().count(), 1 + 18);
    assert!(markdown.contains("| `DeploymentInvokeUsage` | `input_tokens` | field-removed | required float |  | **breaking** | **breaking** | `before/deploymentinvokeusage.md:10:3` |"), "{markdown}");
}

// ---------------------------------------------------------------------------------------------
// Types of one shape (written once: one Rust type under several names)

/// orq's real chat and completion usage docs (`tests/schemas/same_shape/`), one shape: one Rust
/// type until an update gives one of them a field of its own.
fn orq_usage_docs() -> Vec<(&'static str, String)> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/schemas/same_shape");
    [
        "createchatcompletionusage.md",
        "createchatcompletionprompttokensdetails.md",
        "createchatcompletioncompletiontokensdetails.md",
        "createcompletionusage.md",
        "createcompletionprompttokensdetails.md",
        "createcompletioncompletiontokensdetails.md",
    ]
    .into_iter()
    .map(|name| (name, std::fs::read_to_string(folder.join(name)).unwrap()))
    .collect()
}

#[test]
fn types_that_stop_or_start_being_one_rust_type_are_reported_as_information() {
    let shared = orq_usage_docs();
    let mut parted = shared.clone();
    parted[0].1.push_str("\n| `cost` | *Optional[float]* | :heavy_minus_sign: | The cost of the request. |\n");
    fn view<'d>(docs: &'d [(&'static str, String)]) -> Vec<(&'static str, &'d str)> {
        docs.iter().map(|(name, text)| (*name, text.as_str())).collect()
    }

    let changes = diff_files("same-type-parted", &view(&shared), &view(&parted));
    assert_eq!(
        kinds(&changes),
        [
            ("CreateChatCompletionUsage".to_owned(), Some("cost".to_owned()), FieldAdded),
            ("CreateChatCompletionUsage".to_owned(), None, SameTypeParted),
            ("CreateCompletionUsage".to_owned(), None, SameTypeParted),
        ],
        "{}",
        render::text(&changes)
    );
    let chat = find(&changes, "CreateChatCompletionUsage", None, SameTypeParted);
    assert_eq!(verdicts(chat), (Compatible, Compatible));
    assert!(chat.is_info());
    assert_eq!(chat.old.as_deref(), Some("one Rust type with `CreateCompletionUsage`"));
    assert_eq!(chat.new, None);
    assert!(render::text(&changes).contains("\nCreateCompletionUsage: information\n"), "{}", render::text(&changes));

    // The other way, the two become one again.
    let changes = diff_files("same-type-joined", &view(&parted), &view(&shared));
    let completion = find(&changes, "CreateCompletionUsage", None, SameTypeJoined);
    assert_eq!(verdicts(completion), (Compatible, Compatible));
    assert_eq!(completion.new.as_deref(), Some("one Rust type with `CreateChatCompletionUsage`"));
    find(&changes, "CreateChatCompletionUsage", None, SameTypeJoined);
}
