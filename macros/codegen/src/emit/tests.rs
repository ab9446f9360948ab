//! Emitter tests on hand-built schemas.

use super::{docs, emit};
use crate::diagnostic::Diagnostics;
use crate::model::build::{def, docs_of, field, loc};
use crate::model::*;

fn named(name: &str, target: TypeId) -> TypeRef {
    let mut r = NamedRef::new(name, loc(3));
    r.target = Some(target);
    TypeRef::Named(r)
}

fn boxed(name: &str, target: TypeId) -> TypeRef {
    let mut r = NamedRef::new(name, loc(3));
    r.target = Some(target);
    r.boxed = true;
    TypeRef::Named(r)
}

fn value(v: Literal) -> EnumValue {
    EnumValue { value: v, member: None, docs: Docs::default(), deprecated: None, loc: loc(5) }
}

fn str_enum(values: &[&str]) -> TypeKind {
    TypeKind::Enum(EnumDef {
        values: values.iter().map(|v| value(Literal::Str((*v).to_owned()))).collect(),
        open: false,
    })
}

use Presence::{Optional, Required};

const F: TypeRef = TypeRef::Scalar(Scalar::Float);
const S: TypeRef = TypeRef::Scalar(Scalar::String);
const I: TypeRef = TypeRef::Scalar(Scalar::Integer);

/// A schema covering every feature; its output is what the scratch crate compiles.
pub(super) fn sample_schema() -> Schema {
    let mut usage = def(
        "DeploymentInvokeUsage",
        "orq",
        TypeKind::Struct(StructDef {
            fields: vec![
                field("total_tokens", F, Optional, false),
                field("prompt_tokens", F, Required, false),
                field("completion_tokens", F, Required, true),
                field("cached", F, Optional, true),
                field("details", named("Details", 1), Optional, true),
                field("type", named("Kind", 2), Required, false),
                field("tier", named("ServiceTier", 3), Optional, false),
                field("content", named("Content", 4), Optional, false),
                field("scores", TypeRef::List(Box::new(TypeRef::Nullable(Box::new(F)))), Optional, false),
                field("weights", TypeRef::Map(Box::new(F)), Required, false),
                field("createdAt", TypeRef::Scalar(Scalar::DateTime), Optional, false),
                field("object", TypeRef::Literal(Literal::Str("usage".into())), Required, false),
                field("file", TypeRef::Scalar(Scalar::Bytes), Optional, false),
                field("unknown_fields", TypeRef::Scalar(Scalar::Any), Optional, false),
                field("self", TypeRef::Scalar(Scalar::Boolean), Optional, false),
                field("value", named("Value", 6), Optional, false),
                field("error", named("Error", 7), Optional, false),
            ],
            additional: Some(docs_of(&["Extra fields, see [the docs](https://example.com/x)."])),
            bases: Vec::new(),
        }),
    );
    usage.docs = docs_of(&[
        "Usage metrics for the response, with [brackets] and <comparator> and `code [x] <y>`.",
        "",
        "See https://example.com/docs. A list:",
        "- one",
        "continued",
        "```",
        "fn not_a_doctest() {}",
        "```",
    ]);
    if let TypeKind::Struct(s) = &mut usage.kind {
        s.fields[0].docs = docs_of(&["Total tokens."]);
        s.fields[1].deprecated = Some(Deprecation { note: Some("use total_tokens".into()) });
    }
    let details = def(
        "Details",
        "orq",
        TypeKind::Struct(StructDef {
            fields: vec![
                field("reasoning_tokens", I, Optional, false),
                field("parent", boxed("Details", 1), Optional, false),
                field("children", TypeRef::List(Box::new(boxed("Details", 1))), Optional, false),
            ],
            additional: None,
            bases: Vec::new(),
        }),
    );
    let kind = def(
        "Kind",
        "orq",
        str_enum(&["usage", "created", "-created", "*", "5m", "Translation (document)", "unknown", "self"]),
    );
    let mut tier = def("ServiceTier", "orq/orq-node", {
        let mut values: Vec<EnumValue> =
            ["unspecified", "flex", "on_demand_flex"].iter().map(|v| value(Literal::Str((*v).to_owned()))).collect();
        values[0].member = Some("UNSPECIFIED".into());
        values[0].docs = docs_of(&["Default service tier, which is standard."]);
        values[2].member = Some("ON_DEMAND_FLEX".into());
        values[1].deprecated = Some(Deprecation::default());
        TypeKind::Enum(EnumDef { values, open: true })
    });
    tier.deprecated = Some(Deprecation::default());
    let content = def(
        "Content",
        "",
        TypeKind::Union(UnionDef {
            variants: vec![
                Variant { ty: I, loc: loc(2) },
                Variant { ty: F, loc: loc(2) },
                Variant { ty: S, loc: loc(2) },
                Variant { ty: TypeRef::List(Box::new(named("Content", 4))), loc: loc(2) },
                Variant { ty: named("Details", 1), loc: loc(2) },
            ],
        }),
    );
    let int_enum = def(
        "Code",
        "",
        TypeKind::Enum(EnumDef { values: vec![value(Literal::Int(100)), value(Literal::Int(-1))], open: false }),
    );
    let string = def(
        "Value",
        "",
        TypeKind::Struct(StructDef {
            fields: vec![
                field("String", named("String", 8), Optional, false),
                field("code", named("Code", 5), Optional, false),
            ],
            additional: None,
            bases: Vec::new(),
        }),
    );
    let error = def(
        "Error",
        "google-ai",
        TypeKind::Enum(EnumDef {
            values: vec![value(Literal::Str("auto".into())), value(Literal::Int(1)), value(Literal::Bool(true))],
            open: false,
        }),
    );
    let string_ty = def(
        "String",
        "",
        TypeKind::Struct(StructDef {
            fields: vec![field("Option", S, Required, false), field("Result", named("Error", 7), Optional, false)],
            additional: None,
            bases: Vec::new(),
        }),
    );
    let lower = def(
        "chat_usage",
        "a/b",
        TypeKind::Struct(StructDef {
            fields: vec![
                field("opt", named("Option", 10), Optional, false),
                field("self_type", named("Self", 11), Required, false),
                field("single", named("Single", 12), Required, true),
                field("empty", named("Empty", 13), Optional, false),
                field("nothing", named("Nothing", 14), Optional, false),
                field("bare", named("Bare", 15), Optional, false),
                field("code", named("Code", 5), Optional, false),
            ],
            additional: None,
            bases: Vec::new(),
        }),
    );
    let option = def("Option", "a", TypeKind::Struct(StructDef::default()));
    let self_ty = def(
        "Self",
        "a/b",
        TypeKind::Struct(StructDef {
            fields: vec![field("Box", S, Required, false)],
            additional: None,
            bases: Vec::new(),
        }),
    );
    let single = def("Single", "a/b", str_enum(&["only"]));
    let empty = def("Empty", "a/b", str_enum(&[]));
    let nothing = def("Nothing", "a/b", TypeKind::Union(UnionDef::default()));
    let bare = def(
        "Bare",
        "a",
        TypeKind::Union(UnionDef {
            variants: vec![
                Variant { ty: TypeRef::Literal(Literal::Str("auto".into())), loc: loc(2) },
                Variant { ty: TypeRef::Nullable(Box::new(F)), loc: loc(2) },
                Variant { ty: TypeRef::Map(Box::new(TypeRef::List(Box::new(F)))), loc: loc(2) },
                Variant { ty: named("Option", 10), loc: loc(2) },
                Variant { ty: TypeRef::Scalar(Scalar::Any), loc: loc(2) },
            ],
        }),
    );
    Schema {
        types: vec![
            usage, details, kind, tier, content, int_enum, string, error, string_ty, lower, option, self_ty, single,
            empty, nothing, bare,
        ],
        ..Schema::default()
    }
}

fn emit_ok(schema: &Schema) -> String {
    let mut diags = Diagnostics::new();
    let names = crate::name::name(schema, &mut diags);
    assert!(diags.is_empty(), "{:?}", diags.into_sorted());
    let tokens = emit(schema, &names);
    let file = syn::parse2::<syn::File>(tokens).unwrap_or_else(|e| panic!("does not parse: {e}"));
    prettyplease::unparse(&file)
}

#[test]
fn sample_parses_and_is_deterministic() {
    let a = emit_ok(&sample_schema());
    let b = emit_ok(&sample_schema());
    assert_eq!(a, b);
    if let Ok(path) = std::env::var("EMIT_SAMPLE_OUT") {
        std::fs::write(path, &a).unwrap();
    }
    assert!(a.contains("pub mod orq {"), "{a}");
    assert!(a.contains("pub mod orq_node {"), "{a}");
    assert!(a.contains("pub mod google_ai {"), "{a}");
    assert!(a.contains("pub r#type: Kind"), "{a}");
    assert!(a.contains("pub unknown_fields_: ::llm_usage::UnknownFields"), "{a}");
    assert!(a.contains("pub self_: "), "{a}");
    assert!(a.contains("::std::option::Option<::std::boxed::Box<Details>>"), "{a}");
    assert!(a.contains("::std::vec::Vec<Details>"), "{a}");
    assert!(a.contains("self::orq::orq_node::ServiceTier") || a.contains("orq_node::ServiceTier"), "{a}");
    assert!(a.contains("super::Content"), "{a}");
    assert!(a.contains("::std::option::Option<super::Value>"), "{a}");
}

#[test]
fn unresolved_reference_is_a_json_value_not_a_panic() {
    let schema = Schema {
        types: vec![def(
            "A",
            "",
            TypeKind::Struct(StructDef {
                fields: vec![field("b", TypeRef::Named(NamedRef::new("B", loc(4))), Required, false)],
                additional: None,
                bases: Vec::new(),
            }),
        )],
        ..Schema::default()
    };
    // The resolver reports it; the emitter, which cannot fail, falls back to any JSON value.
    let mut diags = Diagnostics::new();
    let names = crate::name::name(&schema, &mut diags);
    let tokens = emit(&schema, &names);
    assert!(tokens.to_string().contains("serde_json :: Value"));
}

#[test]
fn doc_escaping() {
    let esc = |s: &str| docs::escape_line(s);
    assert_eq!(esc("a [b] c"), "a \\[b\\] c");
    assert_eq!(esc("see [docs](https://x.y/z_(1))."), "see [docs](https://x.y/z_(1)).");
    assert_eq!(esc("use `a[0] <b>` here"), "use `a[0] <b>` here");
    assert_eq!(esc("the <comparator> key"), "the \\<comparator\\> key");
    assert_eq!(esc("line<br>break"), "line<br>break");
    assert_eq!(esc("go to https://a.b/c."), "go to <https://a.b/c>.");
    assert_eq!(esc("<https://a.b/c>"), "<https://a.b/c>");
    assert_eq!(esc("a > b"), "a \\> b");
    let lines: Vec<String> =
        ["```", "x", "```", "- item", "lazy", "", "      indented"].iter().map(|s| (*s).to_owned()).collect();
    assert_eq!(docs::escape_lines(&lines), ["```text", "x", "```", "- item", "  lazy", "", "   indented"]);
}

#[test]
fn default_follows_fields() {
    let schema = sample_schema();
    let out = emit_ok(&schema);
    // `DeploymentInvokeUsage` has a required enum field: no Default. `Details` and `String` do.
    let usage = out.find("pub struct DeploymentInvokeUsage").unwrap();
    let before = &out[..usage];
    let derive = before.rfind("#[derive(").unwrap();
    assert!(!before[derive..].contains("Default"));
    let details = out.find("pub struct Details").unwrap();
    let derive = out[..details].rfind("#[derive(").unwrap();
    assert!(out[derive..details].contains("Default"));
}

#[test]
fn a_type_of_another_s_shape_is_a_pub_type_of_it_across_modules_with_its_own_docs() {
    let tag =
        |name: &str, dir: &str, doc: &str| TypeDef { docs: docs_of(&[doc]), ..def(name, dir, str_enum(&["text"])) };
    let old = |def: TypeDef| TypeDef { deprecated: Some(Deprecation::default()), ..def };
    let schema = Schema {
        types: vec![
            tag("Type", "", "The part's type."),
            tag("ChatPartType", "openai/chat", "A chat part's type."),
            old(tag("OldType", "", "Old.")),
            old(tag("LegacyType", "openai", "Legacy.")),
        ],
        ..Schema::default()
    };
    let out = emit_ok(&schema);
    assert!(out.contains("/// A chat part's type.\n        pub type ChatPartType = super::super::Type;"), "{out}");
    // A deprecated type of a deprecated shape: naming the other is no use to warn about.
    assert!(
        out.contains("#[deprecated]\n    #[allow(deprecated)]\n    pub type LegacyType = super::OldType;"),
        "{out}"
    );
    assert_eq!(out.matches("pub enum").count(), 2, "{out}");
}

#[test]
fn an_alias_of_a_deprecated_type_does_not_warn_where_it_names_it() {
    let legacy = TypeDef { deprecated: Some(Deprecation::default()), ..def("Legacy", "", str_enum(&["a"])) };
    let schema =
        Schema { types: vec![legacy, def("Current", "", TypeKind::Alias(named("Legacy", 0)))], ..Schema::default() };
    let out = emit_ok(&schema);
    assert!(out.contains("#[allow(deprecated)]\npub type Current = Legacy;"), "{out}");
}
