//! Bad schema files are compile errors that name `file:line:col` (expected output in
//! `ui/*.stderr`; regenerate with `TRYBUILD=overwrite` after reviewing a change).

#[test]
fn bad_schemas_are_compile_errors() {
    // trybuild compiles each case in a scratch crate; the macro resolves schema paths against
    // this crate instead, where `ui/schemas/` lives.
    std::env::set_var("LLM_USAGE_MANIFEST_DIR", env!("CARGO_MANIFEST_DIR"));
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/*.rs");
}
