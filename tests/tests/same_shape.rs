//! Types of one shape are one Rust type (`tests/schemas/same_shape/`, real orq docs): orq
//! documents the same usage object as `CreateChatCompletionUsage` and `CreateCompletionUsage`,
//! each with its own two details types, and the same OCR usage under two names. Each shape is
//! written once; its other names are `pub type` aliases with their own docs.

use std::any::TypeId;

use llm_usage_tests::corpus::{self, Kind};
use llm_usage_tests::same_shape::{
    CreateChatCompletionCompletionTokensDetails, CreateChatCompletionUsage, CreateCompletionCompletionTokensDetails,
    CreateCompletionUsage, PostV2RouterOcrUsage,
    RetrieveAnnotationQueueItemResponseBodyAnnotationQueuesResponse200ApplicationJSON9Usage as AnnotationOcrUsage,
    RetrieveAnnotationQueueItemUsage1, RetrieveAnnotationQueueItemUsage2, Usage1, Usage2,
};

/// Compiles only because `distinct = true` (the folder's `llm-usage.toml`) keeps
/// `RetrieveAnnotationQueueItemUsage2` a type of its own beside `Usage2`, its shape.
trait CountedIn {
    const UNIT: &'static str;
}
impl CountedIn for Usage2 {
    const UNIT: &'static str = "tokens";
}
impl CountedIn for RetrieveAnnotationQueueItemUsage2 {
    const UNIT: &'static str = "tokens, in an annotation queue";
}

/// Compiles only because the two names are one type.
fn as_completion_usage(usage: CreateChatCompletionUsage) -> CreateCompletionUsage {
    usage
}

#[test]
fn names_of_one_shape_are_one_type() {
    assert_eq!(TypeId::of::<CreateChatCompletionUsage>(), TypeId::of::<CreateCompletionUsage>());
    assert_eq!(
        TypeId::of::<CreateChatCompletionCompletionTokensDetails>(),
        TypeId::of::<CreateCompletionCompletionTokensDetails>()
    );
    assert_eq!(TypeId::of::<RetrieveAnnotationQueueItemUsage1>(), TypeId::of::<Usage1>());
    // The two unions hold types of one shape, but under other variant names
    // (`Usage1` and `RetrieveAnnotationQueueItemUsage1`): another shape.
    assert_ne!(TypeId::of::<PostV2RouterOcrUsage>(), TypeId::of::<AnnotationOcrUsage>());
}

#[test]
fn a_type_asked_to_be_distinct_is_its_own_type() {
    assert_ne!(TypeId::of::<RetrieveAnnotationQueueItemUsage2>(), TypeId::of::<Usage2>());
    assert_ne!(<Usage2 as CountedIn>::UNIT, <RetrieveAnnotationQueueItemUsage2 as CountedIn>::UNIT);
}

#[test]
fn the_shared_type_reads_every_openai_chat_usage_as_both_names() {
    let mut read = 0;
    for payload in corpus::payloads().into_iter().filter(|p| p.kind() == Kind::OpenAiChat) {
        let id = payload.id();
        let Some(usage) = payload.usage else { continue };
        let chat: CreateChatCompletionUsage =
            serde_json::from_value(usage.clone()).unwrap_or_else(|e| panic!("{id}: {e}"));
        let written = serde_json::to_value(as_completion_usage(chat)).unwrap();
        // The doc's one normalization: `null` in an optional, non-nullable field is absent.
        let mut expected = usage;
        if let Some(object) = expected.as_object_mut() {
            object.retain(|key, value| !(value.is_null() && key.ends_with("tokens")));
        }
        assert_eq!(written, expected, "{id}");
        read += 1;
    }
    if corpus::dir().is_some() {
        assert!(read >= 10, "{read} OpenAI chat usage objects");
    }
}

#[test]
fn the_alias_keeps_its_own_docs_and_the_definition_its_fields() {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/schemas/same_shape");
    let tokens = llm_usage_codegen::generate(&llm_usage_codegen::Input::new(folder)).expect("no diagnostics");
    let generated = prettyplease::unparse(&syn::parse2(tokens).expect("generated code parses"));
    assert!(generated.contains(
        "/// Usage statistics for the completion request.\npub type CreateChatCompletionUsage = CreateCompletionUsage;"
    ));
    assert!(generated.contains("    /// Number of tokens in the generated completion.\n"));
    assert_eq!(generated.matches("pub struct").count(), 6, "four of the ten structs are aliases");
}
