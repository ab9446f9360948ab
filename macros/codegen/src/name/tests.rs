//! Naming-stage tests on hand-built schemas.

use super::ident as names;
use crate::diagnostic::Diagnostics;
use crate::model::build::{def, field};
use crate::model::*;
use Presence::Required;

const I: TypeRef = TypeRef::Scalar(Scalar::Integer);

#[test]
fn field_collisions_are_reported_at_the_second_field() {
    let schema = Schema {
        types: vec![def(
            "A",
            "",
            TypeKind::Struct(StructDef {
                fields: vec![field("totalTokens", I, Required, false), field("total_tokens", I, Required, false)],
                additional: None,
                bases: Vec::new(),
            }),
        )],
        ..Schema::default()
    };
    let mut diags = Diagnostics::new();
    let _ = super::name(&schema, &mut diags);
    let list = diags.into_sorted();
    assert_eq!(list.len(), 1);
    assert!(list[0].message.contains("`totalTokens` and `total_tokens`"), "{}", list[0].message);
}

#[test]
fn snake_case_fields() {
    let cases = [
        ("total_tokens", "total_tokens"),
        ("totalTokens", "total_tokens"),
        ("TotalTokens", "total_tokens"),
        ("HTTPServer", "http_server"),
        ("__pydantic_extra__", "pydantic_extra"),
        ("bytes_", "bytes"),
        ("gpt4o", "gpt4o"),
        ("5m", "_5m"),
        ("$", "field"),
        ("x-request-id", "x_request_id"),
        ("cachedContentTokenCount", "cached_content_token_count"),
    ];
    for (input, want) in cases {
        assert_eq!(names::snake_case(input), want, "{input}");
    }
    assert_eq!(names::ident(&names::snake_case("type")).to_string(), "r#type");
    assert_eq!(names::ident(&names::snake_case("self")).to_string(), "self_");
    assert_eq!(names::ident("Self").to_string(), "Self_");
    assert_eq!(names::ident("match").to_string(), "r#match");
    assert_eq!(names::ident("String").to_string(), "String");
}

#[test]
fn enum_variant_naming() {
    let lits: Vec<Literal> = [
        "weight_based",
        "event.agents.message-created",
        "Translation (document)",
        "application/json",
        "5m",
        "*",
        "",
        "created",
        "-created",
        "UNSPECIFIED",
        "google-ai",
        "Auto",
        "auto",
        "self",
    ]
    .iter()
    .map(|s| Literal::Str((*s).to_owned()))
    .chain([Literal::Int(100), Literal::Int(-1), Literal::Bool(true)])
    .collect();
    let pairs: Vec<(&Literal, Option<&str>)> = lits.iter().map(|l| (l, None)).collect();
    let got = names::enum_variant_names(&pairs);
    let want = [
        "WeightBased",
        "EventAgentsMessageCreated",
        "TranslationDocument",
        "ApplicationJson",
        "V5m",
        "Star",
        "Empty",
        "Created",
        "MinusCreated",
        "Unspecified",
        "GoogleAi",
        "Auto",
        "Auto2",
        "SelfValue",
        "V100",
        "VMinus1",
        "True",
    ];
    assert_eq!(got, want);
    let members = names::enum_variant_names(&[
        (&Literal::Str("x".into()), Some("ON_DEMAND_FLEX")),
        (&Literal::Str("y".into()), Some("UNSPECIFIED")),
    ]);
    assert_eq!(members, ["OnDemandFlex", "Unspecified"]);
}
