//! References across files, resolved as the vendor meant them (`schemas/resolve/`).

use llm_usage_tests::resolve::node::{components, operations};
use llm_usage_tests::resolve::python::{Format, FormatOrName, TreeNode};
use serde_json::{json, Value};

fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(input: &Value) -> T {
    let typed: T = serde_json::from_value(input.clone()).unwrap();
    assert_eq!(&serde_json::to_value(&typed).unwrap(), input);
    typed
}

#[test]
fn python_underscore_files_resolve_by_link_and_by_union_heading() {
    let node: TreeNode = round_trip(&json!({"format": {"kind": "json"}}));
    assert_eq!(node.format.unwrap().kind, "json");
    let format: FormatOrName = round_trip(&json!({"kind": "json"}));
    assert!(matches!(format, FormatOrName::Format(Format { ref kind, .. }) if kind == "json"));
    let name: FormatOrName = round_trip(&json!("plain"));
    assert_eq!(name, FormatOrName::String("plain".into()));
}

#[test]
fn self_references_are_boxed_and_round_trip() {
    let input = json!({"parent": {"parent": {}}, "children": [{"children": []}]});
    let node: TreeNode = round_trip(&input);
    let parent: Box<TreeNode> = node.parent.expect("parent");
    assert!(parent.parent.is_some());
}

#[test]
fn typescript_links_resolve_by_path_when_file_names_repeat() {
    let usage: operations::Usage = round_trip(&json!({"component": {"tokens": 3}, "totalTokens": 4}));
    let component: components::Usage = usage.component.expect("component");
    assert_eq!(component.tokens, Some(3.0));
}
