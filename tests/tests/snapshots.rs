//! The generated code, reviewed as snapshot files (`tests/snapshots/`). Each folder expanded
//! here is also expanded by the macro in this crate's library or in `llm_usage`, so every
//! snapshot is proven to compile.

use llm_usage_codegen::Input;

fn expand(folder: &str) -> String {
    let input = Input::new(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(folder));
    let tokens = llm_usage_codegen::generate(&input).unwrap_or_else(|diagnostics| {
        panic!("{}", diagnostics.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))
    });
    prettyplease::unparse(&syn::parse2(tokens).expect("generated code parses"))
}

#[test]
fn orq_seed() {
    insta::assert_snapshot!("orq_seed", expand("../schemas/orq"));
}

#[test]
fn presence_states() {
    insta::assert_snapshot!("presence", expand("schemas/presence"));
}

#[test]
fn enum_and_union_docs() {
    insta::assert_snapshot!("shapes", expand("schemas/shapes"));
}

#[test]
fn google_typedoc_page_and_declarations() {
    insta::assert_snapshot!("google", expand("../schemas/google"));
}

#[test]
fn typescript_constructs() {
    insta::assert_snapshot!("ts_constructs", expand("schemas/ts_constructs"));
}

#[test]
fn typedoc_enumeration_and_class_pages() {
    insta::assert_snapshot!("typedoc_pages", expand("schemas/typedoc_pages"));
}
