//! Naming-stage tests on hand-built schemas.

use super::ident as names;
use super::Members;
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

fn loc(line: u32) -> Location {
    Location::new(&"llm-usage.toml".into(), line, 1)
}

/// Every kind of naming problem at once, some in types that are not generated.
fn troubled_schema() -> Schema {
    let object = |fields: Vec<Field>| TypeKind::Struct(StructDef { fields, additional: None, bases: Vec::new() });
    let f = |name: &str| field(name, I, Required, false);
    let types = vec![
        // Folders `Foo-Bar`, `foo_bar` and `foo-bar/x` all become module `foo_bar`.
        def("A", "Foo-Bar", object(vec![f("a")])),
        def("B", "foo_bar", object(vec![f("b")])),
        def("C", "foo-bar/x", object(vec![f("c")])),
        def("D", "foo-bar/x", object(vec![f("d")])),
        // Types that become one Rust type, and one renamed onto another.
        def("Usage-Stats", "", object(vec![f("x")])),
        def("Usage_Stats", "", object(vec![f("totalTokens"), f("total_tokens"), f("self"), f("self_")])),
        def("Other", "", object(vec![f("type"), f("r#type")])),
        // A type named like a module beside it.
        def("foo_bar", "", TypeKind::Enum(EnumDef::default())),
        def("type", "", object(vec![f("a"), f("A")])),
        // Not generated: its problems do not count.
        def("Usage-Stats", "hidden", object(vec![f("x"), f("X")])),
        def("Usage_Stats", "hidden", object(vec![])),
        def("Floaty", "", object(vec![field("f", TypeRef::Scalar(Scalar::Float), Required, false)])),
    ];
    let mut schema = Schema { types, ..Schema::default() };
    schema.included = vec![true, true, true, true, true, true, true, true, true, false, false, true];
    let choice = |value: &str, line: u32| UserChoice { value: value.to_owned(), loc: loc(line) };
    schema.requests.type_names.insert(6, choice("Usage_Stats", 50));
    schema.requests.field_names.insert((8, 1), choice("a", 51));
    schema.requests.derives.insert(11, vec![choice("Eq", 52), choice("Ord", 53)]);
    schema
}

#[test]
fn check_reports_exactly_what_naming_reports() {
    let schema = troubled_schema();
    let mut named = Diagnostics::new();
    let names = super::name(&schema, &mut named);
    let mut checked = Diagnostics::new();
    super::check(&schema, &mut checked);
    let (named, checked) = (named.into_sorted(), checked.into_sorted());
    assert_eq!(named, checked);
    if std::env::var_os("DUMP_NAMING").is_some() {
        eprintln!("{named:#?}");
    }
    let messages: Vec<&str> = named.iter().map(|d| d.message.as_str()).collect();
    let expect = [
        "folders `Foo-Bar` and `foo_bar` both become the Rust module `foo_bar`",
        "types `Usage-Stats` and `Usage_Stats` both become the Rust type `Usage_Stats`",
        "fields `totalTokens` and `total_tokens` of `Usage_Stats` both become the Rust field `total_tokens`",
        "fields `self` and `self_` of `Usage_Stats` both become the Rust field `self_`",
        "types `Usage-Stats` and `Other` both become the Rust type `Usage_Stats`",
        "folders `Foo-Bar` and `foo-bar` both become the Rust module `foo_bar`",
        "the type `foo_bar` and the module `foo_bar` (from `Foo-Bar`) share one name",
        "fields `a` and `A` of `type` both become the Rust field `a`",
        "`Floaty` cannot derive `Eq`: field `f` is a float (`f64`)",
        "`Floaty` cannot derive `Ord`",
    ];
    for want in expect {
        assert!(messages.contains(&want), "missing {want:?} in {messages:#?}");
    }
    assert_eq!(messages.iter().filter(|m| m.starts_with("types ")).count(), 2, "{messages:#?}");
    assert_eq!(names.types[8].ident.to_string(), "r#type");
    assert_eq!(names.types[0].module[0].to_string(), "foo_bar");
    let Members::Struct { fields, unknown } = &names.types[5].members else { panic!() };
    assert_eq!(
        fields.iter().map(ToString::to_string).collect::<Vec<_>>(),
        ["total_tokens", "total_tokens", "self_", "self_"]
    );
    assert_eq!(unknown.to_string(), "unknown_fields");
}

/// Types of one shape: what `same_as` says for each type of `types`, by name.
fn same_as(types: Vec<TypeDef>) -> Vec<(String, Option<String>)> {
    let schema = Schema { types, ..Schema::default() };
    let mut diags = Diagnostics::new();
    let names = super::name(&schema, &mut diags);
    assert!(diags.is_empty(), "{:?}", diags.into_sorted());
    schema
        .types
        .iter()
        .zip(&names.types)
        .map(|(def, names)| (def.name.clone(), names.same_as.map(|other| schema.types[other].name.clone())))
        .collect()
}

fn tag(name: &str, value: &str) -> TypeDef {
    def(
        name,
        "",
        TypeKind::Enum(EnumDef {
            values: vec![EnumValue {
                value: Literal::Str(value.to_owned()),
                member: None,
                docs: Docs::default(),
                deprecated: None,
                loc: build::loc(3),
            }],
            open: false,
        }),
    )
}

fn object(name: &str, dir: &str, fields: Vec<Field>) -> TypeDef {
    def(name, dir, TypeKind::Struct(StructDef { fields, ..StructDef::default() }))
}

fn named(target: usize) -> TypeRef {
    TypeRef::Named(NamedRef { target: Some(target), ..NamedRef::new("T", build::loc(5)) })
}

#[test]
fn types_of_one_shape_are_written_as_the_one_with_the_shortest_name() {
    let got = same_as(vec![
        tag("ChatType", "text"),
        tag("Type", "text"),
        tag("ImageType", "image_url"),
        // Its own docs do not make a type another shape.
        TypeDef { docs: build::docs_of(&["The kind of part."]), ..tag("PartType", "text") },
    ]);
    assert_eq!(
        got,
        [
            ("ChatType".to_owned(), Some("Type".to_owned())),
            ("Type".to_owned(), None),
            ("ImageType".to_owned(), None),
            ("PartType".to_owned(), Some("Type".to_owned())),
        ]
    );
}

#[test]
fn fields_of_types_of_one_shape_make_one_shape() {
    let part = |name: &str, tag: usize| object(name, "", vec![field("type", named(tag), Required, false)]);
    let got = same_as(vec![
        tag("ChatPartType", "text"),
        tag("PartType", "text"),
        tag("ImagePartType", "image_url"),
        part("ChatPart", 0),
        part("Part", 1),
        part("ImagePart", 2),
    ]);
    assert_eq!(got[3].1.as_deref(), Some("Part"), "{got:?}");
    assert_eq!(got[5].1, None, "a field of another shape: {got:?}");
}

#[test]
fn a_field_that_differs_in_anything_the_code_shows_makes_another_shape() {
    let base = || field("total_tokens", I, Required, false);
    let variants = [
        Field { docs: build::docs_of(&["Total tokens."]), ..base() },
        Field { wire_name: "totalTokens".to_owned(), ..base() },
        Field { presence: Presence::Optional, ..base() },
        Field { nullable: true, ..base() },
        Field { ty: TypeRef::Scalar(Scalar::Float), ..base() },
        Field { deprecated: Some(Deprecation::default()), ..base() },
        Field { name: "tokens".to_owned(), ..base() },
    ];
    for (i, other) in variants.into_iter().enumerate() {
        let got = same_as(vec![object("Usage", "", vec![base()]), object("UsageB", "", vec![other])]);
        assert_eq!(got[1].1, None, "variant {i}: {got:?}");
    }
    let got = same_as(vec![object("Usage", "", vec![base()]), object("UsageB", "", vec![base()])]);
    assert_eq!(got[1].1.as_deref(), Some("Usage"));
}

#[test]
fn deprecation_and_requested_derives_are_part_of_a_shape() {
    let deprecated = TypeDef { deprecated: Some(Deprecation::default()), ..tag("OldType", "text") };
    let got = same_as(vec![tag("Type", "text"), deprecated, tag("OtherType", "text")]);
    assert_eq!(got[1].1, None, "{got:?}");
    assert_eq!(got[2].1.as_deref(), Some("Type"));

    let mut schema = Schema { types: vec![tag("Type", "text"), tag("OrderedType", "text")], ..Schema::default() };
    schema.requests.derives.insert(1, vec![UserChoice { value: "Ord".to_owned(), loc: build::loc(1) }]);
    let mut diags = Diagnostics::new();
    let names = super::name(&schema, &mut diags);
    assert_eq!(names.types[1].same_as, None);
}

#[test]
fn cycles_of_one_shape_are_one_shape() {
    let node = |name: &str, me: usize| {
        let mut child = named(me);
        if let TypeRef::Named(n) = &mut child {
            n.boxed = true;
        }
        object(name, "", vec![field("child", child, Presence::Optional, false), field("text", I, Required, false)])
    };
    let got = same_as(vec![node("TreeNode", 0), node("Node", 1)]);
    assert_eq!(got[0].1.as_deref(), Some("Node"), "{got:?}");
}

#[test]
fn types_in_other_modules_and_types_not_generated_share_nothing_they_should_not() {
    let mut schema = Schema {
        types: vec![
            tag("Type", "text"),
            tag("ChatType", "text"),
            TypeDef { dir: "openai".to_owned(), ..tag("Type", "text") },
            tag("Kind", "text"),
        ],
        ..Schema::default()
    };
    // `Kind` is not generated: nothing is written as it, and it is written as nothing.
    schema.included = vec![true, true, true, false];
    let mut diags = Diagnostics::new();
    let names = super::name(&schema, &mut diags);
    let same: Vec<Option<usize>> = names.types.iter().map(|t| t.same_as).collect();
    // The root module's `Type` comes before `openai::Type` (the module path decides a tie).
    assert_eq!(same, [None, Some(0), Some(0), None]);
}

#[test]
fn a_type_asked_to_be_distinct_is_its_own_type() {
    let mut schema = Schema {
        types: vec![tag("Type", "text"), tag("ChatType", "text"), tag("PartType", "text")],
        ..Schema::default()
    };
    schema.requests.distinct.insert(0);
    let mut diags = Diagnostics::new();
    let names = super::name(&schema, &mut diags);
    let same: Vec<Option<usize>> = names.types.iter().map(|t| t.same_as).collect();
    // The other two still share, with each other.
    assert_eq!(same, [None, None, Some(1)]);
}
