//! The interpreter and the derivation on small hand-made schema folders: each kind of
//! disagreement, union order, nested types, lists and maps, the weakest presence, numbers, and
//! the merge into an existing `llm-usage.toml`.

use std::path::Path;

use super::{run, write, Effect, Finding, Payload, Report};
use crate::test_dir::TempDir;
use crate::Input;

/// Fits `payloads` (JSON texts, named `p0`, `p1`, …) against the root of the TypeScript
/// declarations `ts`, with `toml` as the folder's `llm-usage.toml`.
fn fit(ts: &str, toml: Option<&str>, root: &str, payloads: &[&str]) -> Report {
    let dir = TempDir::new("fit-unit");
    dir.write("usage.ts", ts);
    if let Some(toml) = toml {
        dir.write("llm-usage.toml", toml);
    }
    fit_in(&dir.0, root, payloads)
}

fn fit_in(dir: &Path, root: &str, payloads: &[&str]) -> Report {
    let payloads: Vec<Payload> = payloads
        .iter()
        .enumerate()
        .map(|(i, text)| Payload { name: format!("p{i}"), value: serde_json::from_str(text).unwrap() })
        .collect();
    let input = Input { display: "s".into(), ..Input::new(dir) };
    match run(&input, root, &payloads) {
        Ok(report) => report,
        Err(diags) => panic!("{diags:#?}"),
    }
}

/// Each finding as `payload:pointer: message`, with ` [unfixable]` where no override fixes it.
fn lines(report: &Report) -> Vec<String> {
    report.findings.iter().map(line).collect()
}

fn line(f: &Finding) -> String {
    let fixed = if f.fixed { "" } else { " [unfixable]" };
    format!("{}:{}: {}{fixed}", f.payload, f.pointer, f.message)
}

/// The derived overrides as `Type.field: presence, type`.
fn overrides(report: &Report) -> Vec<String> {
    report
        .overrides
        .iter()
        .map(|o| {
            let mut parts = Vec::new();
            if let Some(p) = &o.presence {
                parts.push(super::presence_text(p.to).to_owned());
            }
            if let Some(n) = &o.number {
                parts.push(n.to.as_str().to_owned());
            }
            format!("{}.{}: {}", o.type_key, o.field_key, parts.join(", "))
        })
        .collect()
}

const USAGE: &str = "
export interface Usage {
  input_tokens: number;
  cache_creation: CacheCreation | null;
  service_tier?: string;
  details?: Details | null;
  tags?: Array<string>;
  extra?: Record<string, number>;
  raw: unknown;
}

export interface CacheCreation {
  ephemeral_5m_input_tokens: number;
}

export interface Details {
  reasoning_tokens?: number;
}
";

#[test]
fn a_payload_that_conforms_fits_with_unknown_fields_kept() {
    let report = fit(
        USAGE,
        None,
        "Usage",
        &[
            r#"{"input_tokens": 3, "cache_creation": null, "raw": null, "new_field": {"x": 1.0}}"#,
            r#"{"input_tokens": 3, "cache_creation": {"ephemeral_5m_input_tokens": 2, "ttl": "5m"}, "raw": [1],
                "service_tier": "standard", "details": null, "tags": ["a"], "extra": {"k": 0.5}}"#,
        ],
    );
    assert!(report.fits(), "{:#?}", lines(&report));
    assert!(report.overrides.is_empty());
    assert_eq!(report.text(), "2 payloads of `Usage`: every one reads and writes back as it is\n");
}

#[test]
fn each_presence_disagreement_and_the_weakest_presence_covering_them() {
    let report = fit(
        USAGE,
        None,
        "Usage",
        &[
            // `cache_creation` (required-nullable) absent; `input_tokens` (required) `null`;
            // `service_tier` (optional) `null`; `raw` (required, `unknown`) absent.
            r#"{"input_tokens": null, "service_tier": null}"#,
            // `input_tokens` absent here: with `null` elsewhere, optional-nullable.
            r#"{"cache_creation": null, "raw": 1}"#,
        ],
    );
    assert_eq!(
        lines(&report),
        [
            "p0:/input_tokens: `null`, but `Usage.input_tokens` is required: reading fails",
            "p0:/cache_creation: missing, but `Usage.cache_creation` is required-nullable: reading fails (missing field `cache_creation`)",
            "p0:/service_tier: `null`, but `Usage.service_tier` is optional: it reads as absent and is written back without the key (not lossless)",
            "p0:/raw: missing, but `Usage.raw` is required: reading fails (missing field `raw`)",
            "p1:/input_tokens: missing, but `Usage.input_tokens` is required: reading fails (missing field `input_tokens`)",
        ]
    );
    assert_eq!(report.findings.iter().filter(|f| f.effect == Effect::Lossy).count(), 1);
    assert_eq!(
        overrides(&report),
        [
            "Usage.input_tokens: optional-nullable",
            // The doc's nullability is kept though no payload sent `null`.
            "Usage.cache_creation: optional-nullable",
            "Usage.service_tier: optional-nullable",
            // `unknown` reads `null` itself: absent makes it optional, and `null` is not seen.
            "Usage.raw: optional",
        ]
    );
    let p = report.overrides[0].presence.unwrap();
    assert_eq!((p.reads, p.absent, p.null), (2, 1, 1));
    assert!(report.findings.iter().all(|f| f.fixed));
}

#[test]
fn null_in_a_required_field_whose_type_reads_null_fits() {
    let report = fit(USAGE, None, "Usage", &[r#"{"input_tokens": 1, "cache_creation": null, "raw": null}"#]);
    assert!(report.fits(), "{:#?}", lines(&report));
    // Optional, the same `null` would be dropped on write-back.
    let report = fit("export interface U { raw?: unknown }", None, "U", &[r#"{"raw": null}"#]);
    assert_eq!(overrides(&report), ["U.raw: optional-nullable"]);
}

#[test]
fn json_types_no_override_changes_are_unfixable() {
    let report = fit(
        USAGE,
        None,
        "Usage",
        &[r#"{"input_tokens": "12", "cache_creation": [], "raw": 0, "service_tier": 3, "tags": {"a": "b"},
              "extra": {"x/y": "1"}, "details": {"reasoning_tokens": true}}"#],
    );
    assert_eq!(
        lines(&report),
        [
            "p0:/input_tokens: the string `\"12\"`, but `Usage.input_tokens` reads a number (f64): reading fails [unfixable]",
            "p0:/cache_creation: a list, but `Usage.cache_creation` reads an object (`CacheCreation`): reading fails [unfixable]",
            "p0:/service_tier: `3`, but `Usage.service_tier` reads a string: reading fails [unfixable]",
            "p0:/details/reasoning_tokens: `true`, but `Details.reasoning_tokens` reads a number (f64): reading fails [unfixable]",
            "p0:/tags: an object, but `Usage.tags` reads a list, each element a string: reading fails [unfixable]",
            // Map keys are escaped in the pointer.
            "p0:/extra/x~1y: the string `\"1\"`, but `Usage.extra` reads a number (f64): reading fails [unfixable]",
        ]
    );
    assert!(report.overrides.is_empty());
    assert_eq!(report.unfixable().count(), 6);
    assert!(report.text().contains("6 disagreements, 6 that no override can fix"), "{}", report.text());
}

#[test]
fn lists_of_named_types_and_null_elements() {
    let ts = "
export interface Usage { iterations: Array<Iteration>; counts?: Array<number | null>; }
export interface Iteration { type: 'message' | 'compaction'; input_tokens: number; cache_creation: CacheCreation | null; }
export interface CacheCreation { ephemeral_1h_input_tokens: number }
";
    let report = fit(
        ts,
        None,
        "Usage",
        &[r#"{"iterations": [
                {"type": "message", "input_tokens": 1, "cache_creation": {"ephemeral_1h_input_tokens": 0}},
                {"type": "fallback_message", "input_tokens": 2},
                {"type": "message", "input_tokens": 3, "cache_creation": {}}
              ],
              "counts": [1, null, 2]}"#],
    );
    assert_eq!(
        lines(&report),
        [
            // An unknown value of the literal union is kept.
            "p0:/iterations/1/cache_creation: missing, but `Iteration.cache_creation` is required-nullable: reading fails (missing field `cache_creation`)",
            "p0:/iterations/2/cache_creation/ephemeral_1h_input_tokens: missing, but `CacheCreation.ephemeral_1h_input_tokens` is required: reading fails (missing field `ephemeral_1h_input_tokens`)",
        ]
    );
    assert_eq!(
        overrides(&report),
        ["Iteration.cache_creation: optional-nullable", "CacheCreation.ephemeral_1h_input_tokens: optional"]
    );
    // A `null` element of a list of non-nullable numbers: no override makes elements nullable.
    let report = fit(ts, None, "Usage", &[r#"{"iterations": [], "extra": 1, "counts": null}"#]);
    assert_eq!(overrides(&report), ["Usage.counts: optional-nullable"]);
    let report = fit("export interface U { counts: number[] }", None, "U", &[r#"{"counts": [1, null]}"#]);
    assert_eq!(
        lines(&report),
        ["p0:/counts/1: `null`, but `U.counts` reads a number (f64): reading fails [unfixable]"]
    );
}

#[test]
fn nested_namespace_types_are_named_as_types_keys_name_them() {
    let ts = "
export interface CompletionUsage { prompt_tokens: number; prompt_tokens_details?: CompletionUsage.PromptTokensDetails; }
export namespace CompletionUsage {
  export interface PromptTokensDetails { cached_tokens: number; }
}
";
    let dir = TempDir::new("fit-unit");
    dir.write("src/resources/completions.ts", ts);
    let report =
        fit_in(&dir.0, "src::resources::CompletionUsage", &[r#"{"prompt_tokens": 1, "prompt_tokens_details": {}}"#]);
    assert_eq!(overrides(&report), ["src.resources.CompletionUsage.PromptTokensDetails.cached_tokens: optional"]);
    assert_eq!(report.findings[0].schema.to_string(), "s/src/resources/completions.ts:4:42");
    assert_eq!(
        report.toml(),
        "[types.\"src.resources.CompletionUsage.PromptTokensDetails\".fields.cached_tokens]\npresence = \"optional\" # was required; absent in 1 of 1\n"
    );
    // Written, the override loads without a diagnostic and the payload fits.
    dir.write("llm-usage.toml", &report.toml());
    let again =
        fit_in(&dir.0, "src::resources::CompletionUsage", &[r#"{"prompt_tokens": 1, "prompt_tokens_details": {}}"#]);
    assert!(again.fits(), "{:#?}", lines(&again));
}

#[test]
fn unions_read_the_first_variant_that_fits() {
    let ts = "
export interface Holder { usage: Usage }
export type Usage = Tokens | Duration | Flat;
export interface Tokens { type: 'tokens'; input_tokens: number; details?: string }
export interface Duration { type: 'duration'; seconds: number }
export interface Flat { total: number }
";
    let report = fit(
        ts,
        None,
        "Holder",
        &[
            // Only `Duration` reads it.
            r#"{"usage": {"type": "duration", "seconds": 3}}"#,
            // `Tokens` reads it first (the literal is not checked), so its lossy `null` counts.
            r#"{"usage": {"type": "x", "input_tokens": 1, "seconds": 2, "details": null}}"#,
            // No variant reads it.
            r#"{"usage": {"type": "tokens"}}"#,
        ],
    );
    assert_eq!(
        lines(&report),
        [
            "p1:/usage/details: `null`, but `Tokens.details` is optional: it reads as absent and is written back without the key (not lossless)",
            "p2:/usage: an object reads as no variant of `Usage` (tried in order: 1. `Tokens`: at /input_tokens: missing, but `Tokens.input_tokens` is required: reading fails (missing field `input_tokens`); 2. `Duration`: at /seconds: missing, but `Duration.seconds` is required: reading fails (missing field `seconds`); 3. `Flat`: at /total: missing, but `Flat.total` is required: reading fails (missing field `total`)): reading fails [unfixable]",
        ]
    );
    assert_eq!(overrides(&report), ["Tokens.details: optional-nullable"]);
}

#[test]
fn enums_keep_unknown_values_but_read_only_their_json_type() {
    let ts = "
export enum Tier { STANDARD = 'standard', FLEX = 'flex' }
export enum Code { A = 1, B = 2 }
export interface U { tier?: Tier; code?: Code }
";
    let report = fit(ts, None, "U", &[r#"{"tier": "priority", "code": 7}"#, r#"{"tier": 1, "code": 1.5}"#]);
    assert_eq!(
        lines(&report),
        [
            "p1:/tier: `1`, but `U.tier` reads a string (enum `Tier`): reading fails [unfixable]",
            "p1:/code: `1.5`, but `U.code` reads an integer (enum `Code`): reading fails [unfixable]",
        ]
    );
}

#[test]
fn number_types_follow_the_numbers_seen() {
    let ts = "export interface U { a?: number; b?: number; c?: number; d?: number; e?: number[]; f?: number }";
    let toml = "
[numbers]
\"*\" = \"u64\"
[types.U.fields.c]
type = \"u32\"
[types.U.fields.d]
type = \"i64\"
[types.U.fields.f]
type = \"f64\"
";
    let report = fit(
        ts,
        Some(toml),
        "U",
        &[
            // a: a fraction in a u64 → f64; b: negative in a u64 → i64; c: above u32 → u64;
            // d: above i64 → u64; e: a fraction in a list element → f64;
            // f: an f64 cannot hold 2^53 + 1 → i64.
            r#"{"a": 0.5, "b": -1, "c": 4294967296, "d": 9223372036854775808, "e": [1, 2.5], "f": 9007199254740993}"#,
            r#"{"a": 3, "b": 2, "c": 1, "d": 1, "e": [], "f": 1}"#,
        ],
    );
    assert_eq!(
        lines(&report),
        [
            "p0:/a: `0.5` is not a whole number, but `U.a` is an integer (u64): reading fails",
            "p0:/b: `-1` is negative, but `U.b` is unsigned (u64): reading fails",
            "p0:/c: `4294967296` is out of the range of `U.c` (u32): reading fails",
            "p0:/d: `9223372036854775808` is out of the range of `U.d` (i64): reading fails",
            "p0:/e/1: `2.5` is not a whole number, but `U.e` is an integer (u64): reading fails",
            "p0:/f: `9007199254740993` reads into `U.f` (f64) as the nearest f64, written back as `9007199254740992`: not lossless",
        ]
    );
    assert_eq!(overrides(&report), ["U.a: f64", "U.b: i64", "U.c: u64", "U.d: u64", "U.e: f64", "U.f: i64"]);
    assert!(report.findings.iter().all(|f| f.fixed));
    let toml = report.toml();
    assert!(toml.contains("[types.U.fields.a]\ntype = \"f64\" # was u64; seen: 0.5\n"), "{toml}");
}

#[test]
fn whole_floats_cannot_be_kept_by_any_override() {
    let ts = "export interface U { a?: number; b?: number; c?: number }";
    let toml = "[types.U.fields.b]\ntype = \"i64\"\n[types.U.fields.c]\ntype = \"i64\"\n";
    let report = fit(
        ts,
        Some(toml),
        "U",
        &[r#"{"a": 12.0, "b": 3.0, "c": 2.5, "x": 1.0}"#, r#"{"a": 1e20, "b": 4, "c": -1.0}"#],
    );
    assert_eq!(
        lines(&report),
        [
            "p0:/a: `12.0` reads into `U.a` (f64), but a whole f64 is written back as an integer (`12`): not lossless, and no number type keeps a whole float [unfixable]",
            "p0:/b: `3.0` is written as a float, but `U.b` is an integer (i64), which reads no JSON float: reading fails [unfixable]",
            "p0:/c: `2.5` is not a whole number, but `U.c` is an integer (i64): reading fails",
            "p1:/c: `-1.0` is written as a float, but `U.c` is an integer (i64), which reads no JSON float: reading fails [unfixable]",
        ]
    );
    // `f64` makes `b` and `c` read; what it cannot write back stays unfixable. `1e20` (beyond
    // u64) stays a float on write-back, and `x` is not documented: both kept.
    assert_eq!(overrides(&report), ["U.b: f64", "U.c: f64"]);
    assert_eq!(report.findings.iter().filter(|f| f.effect == Effect::Fails).count(), 3);
}

#[test]
fn the_report_prints_each_finding_beside_its_schema_location_then_the_toml() {
    let report = fit(
        USAGE,
        None,
        "Usage",
        &[r#"{"input_tokens": 1, "raw": 1}"#, r#"{"input_tokens": "x", "cache_creation": null, "raw": 1}"#],
    );
    assert_eq!(
        report.text(),
        "p0:/cache_creation: missing, but `Usage.cache_creation` is required-nullable: reading fails (missing field `cache_creation`) [schema: s/usage.ts:4:3]
p1:/input_tokens: the string `\"x\"`, but `Usage.input_tokens` reads a number (f64): reading fails [schema: s/usage.ts:3:3] [no override can fix this]
2 payloads of `Usage`: 0 read and write back as they are, 2 do not (2 disagreements, 1 that no override can fix)

# llm-usage.toml: the smallest set of overrides that fits every payload
[types.Usage.fields.cache_creation]
presence = \"optional-nullable\" # was required-nullable; absent in 1 of 2, null in 1 of 2
"
    );
}

#[test]
fn existing_overrides_apply_before_fitting() {
    let toml = "[types.Usage.fields.cache_creation]\npresence = \"optional-nullable\"\n";
    let report = fit(USAGE, Some(toml), "Usage", &[r#"{"input_tokens": 1, "raw": 1}"#]);
    assert!(report.fits(), "{:#?}", lines(&report));
}

#[test]
fn write_keeps_comments_keys_and_order() {
    let existing = "\
# Corrections for the Anthropic SDK.
roots = [\"src::resources::messages::Usage\"] # the usage types

[defaults]
null_in_optional = \"normalize\"

# Seen on Bedrock.
[types.\"src::resources::messages::Usage\".fields.service_tier]
presence = \"optional\" # by hand

[numbers]
\"*_tokens\" = \"u64\"
";
    let dir = TempDir::new("fit-unit");
    dir.write(
        "src/resources/messages/messages.ts",
        "export interface Usage { service_tier: string | null; inference_geo: string | null; input_tokens: number }\n",
    );
    dir.write("llm-usage.toml", existing);
    let report = fit_in(
        &dir.0,
        "src::resources::messages::Usage",
        &[r#"{"service_tier": null, "input_tokens": 1}"#, r#"{"inference_geo": "global", "input_tokens": 1.5}"#],
    );
    assert_eq!(
        overrides(&report),
        [
            "src.resources.messages.Usage.service_tier: optional-nullable",
            "src.resources.messages.Usage.inference_geo: optional-nullable",
            "src.resources.messages.Usage.input_tokens: f64",
        ]
    );
    let merged = write::merge(existing, &report.overrides).unwrap();
    assert_eq!(
        merged,
        "\
# Corrections for the Anthropic SDK.
roots = [\"src::resources::messages::Usage\"] # the usage types

[defaults]
null_in_optional = \"normalize\"

# Seen on Bedrock.
[types.\"src::resources::messages::Usage\".fields.service_tier]
presence = \"optional-nullable\" # by hand

[types.\"src::resources::messages::Usage\".fields.inference_geo]
presence = \"optional-nullable\" # was required-nullable; absent in 1 of 2

[types.\"src::resources::messages::Usage\".fields.input_tokens]
type = \"f64\" # was u64; seen: 1.5

[numbers]
\"*_tokens\" = \"u64\"
"
    );
    write::write_file(&dir.0.join("llm-usage.toml"), &report.overrides).unwrap();
    let again = fit_in(
        &dir.0,
        "src::resources::messages::Usage",
        &[r#"{"service_tier": null, "input_tokens": 1}"#, r#"{"inference_geo": "global", "input_tokens": 1.5}"#],
    );
    assert!(again.fits(), "{:#?}", lines(&again));
}

#[test]
fn write_creates_the_file_and_fills_inline_tables() {
    let report = fit(USAGE, None, "Usage", &[r#"{"input_tokens": 1, "raw": 1}"#]);
    assert_eq!(write::merge("", &report.overrides).unwrap(), report.toml());
    let inline = "types = { Usage = { fields = { raw = { presence = \"required\" } } } }\n";
    // toml_edit puts the new entry after the last one's spacing: ` , `.
    assert_eq!(
        write::merge(inline, &report.overrides).unwrap(),
        "types = { Usage = { fields = { raw = { presence = \"required\" } , cache_creation = { presence = \"optional-nullable\" } } } }\n"
    );
    assert!(write::merge("types = 3\n", &report.overrides).unwrap_err().contains("not a table"));
}

#[test]
fn maps_of_named_types_point_into_each_value() {
    let ts = "
export interface U { by_model: Record<string, Counts>; modalities?: { [k: string]: number } }
export interface Counts { input: number; cached?: number }
";
    let report = fit(
        ts,
        None,
        "U",
        &[
            r#"{"by_model": {"claude/opus": {"input": 1, "cached": null}, "gpt": {"cached": 2}}, "modalities": {"TEXT": 1.0}}"#,
        ],
    );
    assert_eq!(
        lines(&report),
        [
            "p0:/by_model/claude~1opus/cached: `null`, but `Counts.cached` is optional: it reads as absent and is written back without the key (not lossless)",
            "p0:/by_model/gpt/input: missing, but `Counts.input` is required: reading fails (missing field `input`)",
            "p0:/modalities/TEXT: `1.0` reads into `U.modalities` (f64), but a whole f64 is written back as an integer (`1`): not lossless, and no number type keeps a whole float [unfixable]",
        ]
    );
    assert_eq!(overrides(&report), ["Counts.input: optional", "Counts.cached: optional-nullable"]);
}

#[test]
fn payloads_are_read_recursively_in_path_order_and_bad_json_is_located() {
    let dir = TempDir::new("fit-unit");
    dir.write("b.json", "{}");
    dir.write("a/z.json", "[1]");
    dir.write("a/y.txt", "not a payload");
    dir.write("c.json", "{\n  \"x\": 1,\n}");
    let (payloads, errors) = super::read_payloads(&dir.0, "recorded");
    let names: Vec<&str> = payloads.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["recorded/a/z.json", "recorded/b.json"]);
    let errors: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(errors, ["recorded/c.json:3:1: not valid JSON: trailing comma"]);
}
