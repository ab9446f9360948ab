//! Fuzzes the typedoc parser: any bytes (lossy UTF-8) end in types or diagnostics.
#![no_main]

use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use llm_usage_codegen::parse::parse_file;
use llm_usage_codegen::read::{SourceFile, SourceKind};
use llm_usage_codegen::Diagnostics;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let file = SourceFile {
        rel: "fuzz/input.txt".to_string(),
        dir: "fuzz".to_string(),
        display: Arc::from("schemas/fuzz/input.txt"),
        kind: SourceKind::TypeDocText,
        text,
    };
    let mut diags = Diagnostics::new();
    let _ = parse_file(&file, &mut diags);
});
