//! TypeScript declarations and TypeDoc pages: the same model from either, and what a whole
//! vendor file generates when `roots` limits it.

use std::path::Path;
use std::sync::Arc;

use llm_usage_codegen::model::{TypeDef, TypeKind};
use llm_usage_codegen::read::{SourceFile, SourceKind};
use llm_usage_codegen::{parse, Diagnostics};
use llm_usage_tests::ts_constructs;
use serde_json::json;

fn parse_one(path: &Path, kind: SourceKind) -> Vec<TypeDef> {
    let text = std::fs::read_to_string(path).unwrap();
    let file = SourceFile { rel: "x".into(), dir: String::new(), display: Arc::from("x"), kind, text };
    let mut diags = Diagnostics::new();
    let types = parse::parse_file(&file, &mut diags);
    assert!(diags.is_empty(), "{:?}", diags.into_sorted());
    // Problems inside a declaration go with it.
    assert!(
        types.iter().all(|t| t.diagnostics.is_empty()),
        "{:?}",
        types.iter().flat_map(|t| &t.diagnostics).collect::<Vec<_>>()
    );
    types
}

/// The parts of a type that do not depend on where or in what order it was written.
fn comparable(mut ty: TypeDef) -> TypeDef {
    ty.file.clear();
    ty.loc = Default::default();
    if let TypeKind::Struct(s) = &mut ty.kind {
        for field in &mut s.fields {
            field.loc = Default::default();
            if let llm_usage_codegen::model::TypeRef::Named(named) = &mut field.ty {
                named.loc = Default::default();
            }
            if let llm_usage_codegen::model::TypeRef::List(inner) = &mut field.ty {
                if let llm_usage_codegen::model::TypeRef::Named(named) = &mut **inner {
                    named.loc = Default::default();
                }
            }
        }
        s.fields.sort_by(|a, b| a.name.cmp(&b.name));
    }
    ty
}

#[test]
fn the_typedoc_page_and_the_declaration_give_the_same_model() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let page = parse_one(&root.join("../schemas/google/UsageMetadata.txt"), SourceKind::TypeDocText);
    let source = parse_one(&root.join("fixtures/typedoc_equivalent/UsageMetadata.ts"), SourceKind::TypeScript);
    assert_eq!(page.len(), 1);
    assert_eq!(source.len(), 1);
    let TypeKind::Struct(s) = &page[0].kind else { panic!("a struct") };
    assert_eq!(s.fields.len(), 12);
    assert_eq!(comparable(page[0].clone()), comparable(source[0].clone()));
}

#[test]
fn constructs_round_trip() {
    let input = json!({
        "input_tokens": 3,
        "cache_creation": null,
        "service_tier": null,
        "quoted-name": "q",
        "details": {"reasoning_tokens": 1},
        "tags": ["a"],
        "matrix": [[1, 2.5]],
        "extra": {"k": [1, "x"]},
        "byModality": {"TEXT": 4},
        "tokenBreakdown": {"total": 5},
        "kind": "usage",
        "flag": true,
        "mode": "fast",
        "tier": "something-new",
        "part": {"model": "m", "createdAt": "2026-11-25T00:00:00Z"},
        "model": "base field"
    });
    let usage: ts_constructs::Usage = serde_json::from_value(input.clone()).unwrap();
    assert_eq!(serde_json::to_value(&usage).unwrap(), input);
    assert_eq!(usage.mode, Some(ts_constructs::Mode::Fast));
    assert_eq!(usage.model.as_deref(), Some("base field"), "fields of the base are merged in");
    let details: ts_constructs::usage::Details = usage.details.unwrap();
    assert_eq!(details.reasoning_tokens, Some(1.0));
}

#[test]
fn roots_limit_generation_to_what_they_reach() {
    let usage: llm_usage_tests::ts_roots::UsageOnly =
        serde_json::from_value(json!({"totalTokenCount": 1, "modality": "TEXT"})).unwrap();
    assert_eq!(usage.modality, Some(llm_usage_tests::ts_roots::Modality::Text));
}
