//! Whole TypeScript files as vendors publish them, loaded the way `include_schemas!` loads a
//! folder: imports and qualified names across files, namespace re-exports, merged
//! declarations, and `roots` deciding which declarations may produce diagnostics.
//!
//! Each test writes its files into its own folder under cargo's per-target scratch directory.

use std::fs;
use std::path::{Path, PathBuf};

use llm_usage_codegen::model::{Presence, Schema, TypeDef, TypeKind, TypeRef};
use llm_usage_codegen::{load, Input};

/// A fresh scratch folder holding `files`; removed when dropped.
struct Folder(PathBuf);

impl Folder {
    fn new(name: &str, files: &[(&str, &str)]) -> Folder {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("ts-whole-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        for (rel, text) in files {
            let path = dir.join(rel);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, text).unwrap();
        }
        Folder(dir)
    }

    /// Loads the folder (named `schemas` in messages) with these roots, or without any.
    fn load(&self, roots: Option<&[&str]>) -> (Schema, Vec<String>) {
        let input = Input {
            path: self.0.clone(),
            display: "schemas".into(),
            roots: roots.map(|r| r.iter().map(|s| s.to_string()).collect()),
        };
        let loaded = load(&input);
        (loaded.schema, loaded.diagnostics.iter().map(ToString::to_string).collect())
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// The type at `path` (`dir/Name`, namespaces as folders).
fn find<'s>(schema: &'s Schema, path: &str) -> (usize, &'s TypeDef) {
    let (dir, name) = path.rsplit_once('/').unwrap_or(("", path));
    schema
        .types
        .iter()
        .enumerate()
        .find(|(_, t)| t.dir == dir && t.name == name)
        .unwrap_or_else(|| panic!("no type `{path}`"))
}

/// Where a field of a struct, or an alias, points: `dir/Name` of the target.
fn target(schema: &Schema, path: &str, field: Option<&str>) -> String {
    let (_, def) = find(schema, path);
    let ty = match (&def.kind, field) {
        (TypeKind::Struct(s), Some(field)) => &s.fields.iter().find(|f| f.name == field).expect("field").ty,
        (TypeKind::Alias(ty), None) => ty,
        (other, _) => panic!("`{path}` is {other:?}"),
    };
    let TypeRef::Named(named) = ty else { panic!("`{path}` {field:?} is not a named type: {ty:?}") };
    let to = &schema.types[named.target.expect("resolved")];
    format!("{}/{}", to.dir, to.name)
}

fn assert_clean(diags: &[String]) {
    assert!(diags.is_empty(), "unexpected diagnostics:\n{}", diags.join("\n"));
}

#[test]
fn a_namespace_import_reaches_a_declaration_of_another_file() {
    // As openai-node's chat completions use `CompletionsAPI.CompletionUsage`; the folder
    // of the importing file declares a `CompletionUsage` of its own, which is not meant.
    let folder = Folder::new(
        "namespace-import",
        &[
            ("completions.ts", "export interface CompletionUsage { total_tokens: number }"),
            (
                "chat/completions.ts",
                "import * as CompletionsAPI from '../completions';\n\
                 export interface ChatCompletion { usage?: CompletionsAPI.CompletionUsage }",
            ),
            ("chat/other.ts", "export interface CompletionUsage { other: string }"),
        ],
    );
    let (schema, diags) = folder.load(Some(&["chat::ChatCompletion"]));
    assert_clean(&diags);
    assert_eq!(target(&schema, "chat/ChatCompletion", Some("usage")), "/CompletionUsage");
    assert!(schema.is_included(find(&schema, "CompletionUsage").0));
    assert!(!schema.is_included(find(&schema, "chat/CompletionUsage").0));
}

#[test]
fn named_and_type_imports_reach_declarations_and_their_namespaces() {
    // Fern's serialization layer (cohere): `import { UsageTokens } from './UsageTokens'`,
    // then `UsageTokens.Raw` declared in `export declare namespace UsageTokens { … }`.
    let folder = Folder::new(
        "named-import",
        &[
            (
                "types/UsageTokens.ts",
                "import * as core from '../core';\n\
                 export const UsageTokens: core.serialization.ObjectSchema<serializers.UsageTokens.Raw, Cohere.UsageTokens> =\n\
                 \x20   core.serialization.object({ inputTokens: core.serialization.property('input_tokens', core.serialization.number().optional()) });\n\
                 export declare namespace UsageTokens {\n  export interface Raw { input_tokens?: number | null }\n}\n",
            ),
            (
                "types/Usage.ts",
                "import { UsageTokens } from './UsageTokens';\n\
                 import type { UsageTokens as Tokens } from './UsageTokens';\n\
                 export declare namespace Usage {\n  export interface Raw { tokens?: UsageTokens.Raw | null; again: Tokens.Raw }\n}\n",
            ),
        ],
    );
    let (schema, diags) = folder.load(Some(&["types::Usage::Raw"]));
    assert_clean(&diags);
    assert_eq!(target(&schema, "types/Usage/Raw", Some("tokens")), "types/UsageTokens/Raw");
    assert_eq!(target(&schema, "types/Usage/Raw", Some("again")), "types/UsageTokens/Raw");
    let (_, raw) = find(&schema, "types/UsageTokens/Raw");
    let TypeKind::Struct(s) = &raw.kind else { panic!() };
    assert_eq!(
        (s.fields[0].name.as_str(), s.fields[0].presence, s.fields[0].nullable),
        ("input_tokens", Presence::Optional, true)
    );
}

#[test]
fn a_file_importing_itself_and_a_namespace_reexport_mean_the_outer_declaration() {
    // openai-node completions.ts: the alias inside the namespace does not name itself.
    let text = "import * as CompletionsAPI from './completions';
export type CompletionCreateParams = CompletionCreateParamsNonStreaming | CompletionCreateParamsStreaming;
export interface CompletionCreateParamsBase { prompt: string; usage?: CompletionsAPI.CompletionUsage }
export namespace CompletionCreateParams {
  export type CompletionCreateParamsNonStreaming = CompletionsAPI.CompletionCreateParamsNonStreaming;
  export type CompletionCreateParamsStreaming = CompletionsAPI.CompletionCreateParamsStreaming;
}
export interface CompletionCreateParamsNonStreaming extends CompletionCreateParamsBase { stream?: false | null }
export interface CompletionCreateParamsStreaming extends CompletionCreateParamsBase { stream: true }
export interface CompletionUsage { total_tokens: number }
";
    let folder = Folder::new("self-import", &[("completions.ts", text)]);
    for roots in [None, Some(&["CompletionCreateParams::CompletionCreateParamsNonStreaming"][..])] {
        let (schema, diags) = folder.load(roots);
        assert_clean(&diags);
        assert_eq!(
            target(&schema, "CompletionCreateParams/CompletionCreateParamsNonStreaming", None),
            "/CompletionCreateParamsNonStreaming"
        );
        assert_eq!(target(&schema, "CompletionCreateParamsBase", Some("usage")), "/CompletionUsage");
    }
}

#[test]
fn a_reexport_through_a_namespace_of_the_enclosing_scope_means_the_outer_declaration() {
    // anthropic messages.ts: `export type UserLocation = Messages.UserLocation;` inside
    // `namespace WebSearchTool20250305`, where `Messages` is a class and a namespace
    // re-exporting the file's declarations.
    let text = "export class Messages { create(): void {} }
export interface UserLocation { type: 'approximate'; city?: string | null }
export interface WebSearchTool20250305 { user_location?: UserLocation | null }
export namespace WebSearchTool20250305 {
  /** @deprecated Import `UserLocation` directly. */
  export type UserLocation = Messages.UserLocation;
}
export declare namespace Messages {
  export { type UserLocation as UserLocation, type WebSearchTool20250305 as WebSearchTool20250305 };
}
";
    let folder = Folder::new("enclosing-reexport", &[("messages.ts", text)]);
    let (schema, diags) = folder.load(None);
    assert_clean(&diags);
    assert_eq!(target(&schema, "WebSearchTool20250305/UserLocation", None), "/UserLocation");
}

#[test]
fn an_import_of_a_file_outside_the_folder_falls_back_to_the_name() {
    // cohere's api/types: `import type * as Cohere from '../index'`, an index not copied.
    let folder = Folder::new(
        "absent-import",
        &[
            (
                "types/Usage.ts",
                "import type * as Cohere from '../index';\nexport interface Usage { billedUnits?: Cohere.UsageBilledUnits }",
            ),
            ("types/UsageBilledUnits.ts", "export interface UsageBilledUnits { inputTokens?: number }"),
        ],
    );
    let (schema, diags) = folder.load(Some(&["types::Usage"]));
    assert_clean(&diags);
    assert_eq!(target(&schema, "types/Usage", Some("billedUnits")), "types/UsageBilledUnits");
}

#[test]
fn an_imported_name_nothing_declares_is_an_error_only_where_needed_and_says_where_it_was_imported_from() {
    let folder = Folder::new(
        "missing-import",
        &[(
            "usage.ts",
            "import * as Shared from '../shared';\nimport * as Local from './local';\n\
             export interface Usage { metadata: Shared.Metadata }\nexport interface Unused { x: Local.Gone }\n\
             export interface Fine { a: number }\n",
        )],
    );
    let (_, diags) = folder.load(Some(&["Fine"]));
    assert_clean(&diags);
    let (_, diags) = folder.load(Some(&["Usage"]));
    assert_eq!(
        diags,
        vec!["schemas/usage.ts:3:36: unknown type `Metadata`; `Usage` needs it\n  note: it is imported from `../shared`, which is not a file of the schema folder; no schema file in the folder defines `Metadata`; add the vendor's doc for it"]
    );
    let (_, diags) = folder.load(Some(&["Unused"]));
    assert_eq!(diags.len(), 1);
    assert!(diags[0].contains("note: it is imported from `./local`, which is not in the schema folder (looked for `local.ts`, `local.d.ts`, `local/index.ts`, `local/index.d.ts`)"), "{diags:?}");
}

#[test]
fn merged_declarations_repeating_a_property_with_the_same_type_resolve() {
    let folder = Folder::new(
        "merged-repeat",
        &[(
            "types.ts",
            "export declare interface UploadParameters { fileSearchStoreName: string; config?: UploadConfig }
export declare interface UploadConfig { mimeType?: string }
export interface UploadParameters { fileSearchStoreName: string; file: string; config?: UploadConfig }
export interface Conflict { a: string }
export interface Conflict { a: number }
",
        )],
    );
    let (schema, diags) = folder.load(Some(&["UploadParameters"]));
    assert_clean(&diags);
    let (_, def) = find(&schema, "UploadParameters");
    let TypeKind::Struct(s) = &def.kind else { panic!() };
    assert_eq!(s.fields.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(), ["fileSearchStoreName", "config", "file"]);
    // A repeat with another type is still an error, where it matters.
    let (_, diags) = folder.load(Some(&["Conflict"]));
    assert_eq!(diags.len(), 1);
    assert!(diags[0].starts_with("schemas/types.ts:5:29: duplicate property `a` in `Conflict`"), "{diags:?}");
    let (_, diags) = folder.load(None);
    assert_eq!(diags.len(), 1, "{diags:?}");
}

#[test]
fn a_malformed_declaration_matters_only_when_roots_reach_it() {
    let text = "export interface Good { a: number }
export interface Bad {
  b: ;
}
export interface User { bad: Bad }
export interface Broken extends Good
export interface NeedsBroken { broken?: Broken }
export interface Loop { next: Loop }
";
    let folder = Folder::new(
        "malformed",
        &[("usage.ts", text), ("other/dup.ts", "export interface D { a: string }\nexport enum D { A }")],
    );
    let bad = "schemas/usage.ts:3:6: expected a type, found `;`\n  note: expected a TypeScript type such as `string`, `Foo`, `Foo[]` or `'a' | 'b'`";
    let (schema, diags) = folder.load(Some(&["Good"]));
    assert_clean(&diags);
    assert!(!schema.is_included(find(&schema, "Bad").0));
    assert_eq!(folder.load(Some(&["Bad"])).1, vec![bad]);
    assert_eq!(folder.load(Some(&["User"])).1, vec![bad]);
    // A declaration without its body: its problem, and why it is needed.
    let (_, diags) = folder.load(Some(&["NeedsBroken"]));
    assert_eq!(diags.len(), 2, "{diags:?}");
    assert!(
        diags[0].starts_with("schemas/usage.ts:7:1: expected `{` to open the body of `interface Broken`"),
        "{diags:?}"
    );
    assert!(diags[1].starts_with("schemas/usage.ts:7:41: `Broken` is a declaration that does not parse (`interface Broken`), which cannot be generated; `NeedsBroken` needs it"), "{diags:?}");
    // A cycle of required fields, a duplicate type: only where reached.
    let loop_ = folder.load(Some(&["Loop"])).1;
    assert!(loop_.len() == 1 && loop_[0].starts_with("schemas/usage.ts:8:18: `Loop` contains itself"), "{loop_:?}");
    let dup = folder.load(Some(&["other::D"])).1;
    assert!(dup.len() == 1 && dup[0].starts_with("schemas/other/dup.ts:2:13: duplicate type `D`"), "{dup:?}");
    // Without roots, everything is reported, as it always was.
    let (_, all) = folder.load(None);
    assert_eq!(all.len(), 5, "{all:#?}");
}

#[test]
fn code_that_does_not_parse_outside_declarations_resumes_at_the_next_one() {
    // A `}` too many closes the function early: what follows belongs to no declaration.
    let text = "export function f(x: unknown): x is Usage {
  if (x) { return true; } }
  return false;
}
export interface Usage { total_tokens: number }
";
    let folder = Folder::new("resume", &[("usage.ts", text)]);
    let (schema, diags) = folder.load(Some(&["Usage"]));
    assert_clean(&diags);
    assert!(schema.is_included(find(&schema, "Usage").0));
    let (_, diags) = folder.load(None);
    assert_eq!(
        diags,
        vec![
            "schemas/usage.ts:3:3: unexpected `return`\n  note: expected a declaration: `interface`, `class`, `enum`, `type` or `namespace` (imports, functions and variables are skipped)",
            "schemas/usage.ts:4:1: unexpected `}`\n  note: no declaration is open here; check for an extra `}`",
        ]
    );
}

#[test]
fn docs_of_the_other_formats_matter_only_when_reached_too() {
    // One type per file: a Speakeasy doc's or a TypeDoc page's problems go with its type.
    let broken_doc = "# Broken\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `a` | *flot* | :heavy_check_mark: | N/A |\n";
    let folder = Folder::new(
        "other-formats",
        &[
            ("usage.ts", "export interface Usage { total_tokens: number }\nexport interface WithBroken { b: Broken }"),
            ("broken.md", broken_doc),
            ("notes.txt", "Not a TypeDoc page at all.\n"),
        ],
    );
    assert_clean(&folder.load(Some(&["Usage"])).1);
    let (_, diags) = folder.load(Some(&["WithBroken"]));
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert!(diags[0].starts_with("schemas/broken.md:7:10: unknown type `flot`"), "{diags:?}");
    let (_, all) = folder.load(None);
    assert_eq!(all.len(), 2, "{all:?}");
    assert!(all[1].starts_with("schemas/notes.txt:1:1: not a TypeDoc page"), "{all:?}");
}
