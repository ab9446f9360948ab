//! No input makes the engine panic, hang or run out of memory: every text ends in a model or
//! diagnostics. Each parser (Speakeasy markdown, TypeScript, TypeDoc text) is fed arbitrary
//! bytes, real documents mutated at random, and pathologically deep nesting; the whole
//! pipeline (`generate`: read, parse, resolve, emit) is fed mutated documents too.
//!
//! The case counts keep the whole file near ten seconds on two cores in the debug profile;
//! `PROPTEST_CASES=100000` runs every property that many times instead. The fuzz targets in
//! `fuzz/` run the same parsers for millions of inputs.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use llm_usage_codegen::parse::parse_file;
use llm_usage_codegen::read::{SourceFile, SourceKind};
use llm_usage_codegen::{Diagnostics, Input};
use proptest::prelude::*;
use proptest::sample::Index;

/// A safety net against hangs, not a benchmark: the largest seed parses in well under a
/// millisecond, so only a loop that stopped consuming its input comes near this.
const BOUND: Duration = Duration::from_secs(20);

/// Real inputs: the crate's own schemas, the test schemas, and a few vendor corpus docs
/// (both Speakeasy flavours) copied into `tests/seeds`.
const SEEDS: &[(SourceKind, &str, &str)] = &[
    (
        SourceKind::SpeakeasyMarkdown,
        "orq/deploymentinvokeusage.md",
        include_str!("../../../schemas/orq/deploymentinvokeusage.md"),
    ),
    (
        SourceKind::SpeakeasyMarkdown,
        "orq/deploymentinvokeprompttokensdetails.md",
        include_str!("../../../schemas/orq/deploymentinvokeprompttokensdetails.md"),
    ),
    (SourceKind::SpeakeasyMarkdown, "presencedemo.md", include_str!("../../../tests/schemas/presence/presencedemo.md")),
    (SourceKind::SpeakeasyMarkdown, "andeq.md", include_str!("../../../tests/schemas/shapes/andeq.md")),
    (
        SourceKind::SpeakeasyMarkdown,
        "cacheconfigttl.md",
        include_str!("../../../tests/schemas/shapes/cacheconfigttl.md"),
    ),
    (
        SourceKind::SpeakeasyMarkdown,
        "createpromptprovider.md",
        include_str!("../../../tests/schemas/shapes/createpromptprovider.md"),
    ),
    (SourceKind::SpeakeasyMarkdown, "treenode.md", include_str!("../../../tests/schemas/resolve/python/treenode.md")),
    (
        SourceKind::SpeakeasyMarkdown,
        "usage.md",
        include_str!("../../../tests/schemas/resolve/node/operations/usage.md"),
    ),
    (SourceKind::SpeakeasyMarkdown, "a2amessage.md", include_str!("seeds/python/a2amessage.md")),
    (SourceKind::SpeakeasyMarkdown, "parts.md", include_str!("seeds/python/agentinactivestreamingeventparts.md")),
    (SourceKind::SpeakeasyMarkdown, "type.md", include_str!("seeds/python/actionreviewedstreamingeventtype.md")),
    // An older generator's enum doc (orq-python of 2026-02-17): values as a `| Name | Value |` table.
    (SourceKind::SpeakeasyMarkdown, "choicesttl.md", include_str!("seeds/python/choicesttl.md")),
    (
        SourceKind::SpeakeasyMarkdown,
        "createchatcompletionusage.md",
        include_str!("seeds/python/createchatcompletionusage.md"),
    ),
    (
        SourceKind::SpeakeasyMarkdown,
        "content.md",
        include_str!("seeds/node/invokedeploymentrequestmessages3content.md"),
    ),
    (SourceKind::SpeakeasyMarkdown, "currency.md", include_str!("seeds/node/responsemetacurrency.md")),
    (
        SourceKind::SpeakeasyMarkdown,
        "inprogress.md",
        include_str!("seeds/node/responsecodeinterpretercallinprogressstreamevent.md"),
    ),
    (SourceKind::SpeakeasyMarkdown, "responseidentity.md", include_str!("seeds/node/responseidentity.md")),
    (SourceKind::TypeScript, "google/types.ts", include_str!("../../../schemas/google/types.ts")),
    (SourceKind::TypeScript, "constructs.ts", include_str!("../../../tests/schemas/ts_constructs/constructs.ts")),
    (SourceKind::TypeScript, "presence.ts", include_str!("../../../tests/schemas/ts_presence/presence.ts")),
    (SourceKind::TypeScript, "genai.ts", include_str!("../../../tests/schemas/ts_roots/genai.ts")),
    (
        SourceKind::TypeScript,
        "UsageMetadata.ts",
        include_str!("../../../tests/fixtures/typedoc_equivalent/UsageMetadata.ts"),
    ),
    (SourceKind::TypeDocText, "google/UsageMetadata.txt", include_str!("../../../schemas/google/UsageMetadata.txt")),
    (
        SourceKind::TypeDocText,
        "Class.txt",
        include_str!("../../../tests/schemas/typedoc_pages/GenerateContentResponseUsageMetadata.txt"),
    ),
    (SourceKind::TypeDocText, "ServiceTier.txt", include_str!("../../../tests/schemas/typedoc_pages/ServiceTier.txt")),
    (SourceKind::TypeDocText, "ReferenceImage.txt", include_str!("../src/parse/typedoc/testdata/ReferenceImage.txt")),
    (SourceKind::TypeDocText, "Unclosed.txt", include_str!("../src/parse/typedoc/testdata/Unclosed.txt")),
];

/// `default` cases per property, or `PROPTEST_CASES` when set (for a longer run by hand).
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(default)
}

const KINDS: [SourceKind; 3] = [SourceKind::SpeakeasyMarkdown, SourceKind::TypeScript, SourceKind::TypeDocText];

fn source_file(kind: SourceKind, rel: &str, text: String) -> SourceFile {
    let dir = rel.rsplit_once('/').map(|(dir, _)| dir.to_string()).unwrap_or_default();
    SourceFile { rel: rel.to_string(), dir, display: Arc::from(format!("schemas/{rel}")), kind, text }
}

/// Parses `text` as `kind`, checking it ends in types or diagnostics within [`BOUND`].
fn parse_checked(kind: SourceKind, rel: &str, text: String) {
    let blank = text.trim().is_empty();
    let file = source_file(kind, rel, text);
    let mut diags = Diagnostics::new();
    let start = Instant::now();
    let types = parse_file(&file, &mut diags);
    let took = start.elapsed();
    assert!(took < BOUND, "{kind:?} parser took {took:?} on {} bytes", file.text.len());
    // A TypeScript file of comments alone declares nothing and is not wrong; every other
    // non-blank text is either a type or a reason why not.
    if !blank && kind != SourceKind::TypeScript {
        assert!(!types.is_empty() || !diags.is_empty(), "{kind:?}: neither types nor diagnostics for {:?}", file.text);
    }
}

/// One edit of a document.
#[derive(Debug, Clone)]
enum Mutation {
    DropLine(Index),
    DuplicateLine(Index),
    SwapLines(Index, Index),
    Truncate(Index),
    FlipBit(Index, u8),
    /// Every `|`.
    RemovePipes,
    /// Every `[`, `]`, `{` and `}`.
    RemoveBrackets,
    Insert(Index, &'static str),
    /// The same text many times over at one place.
    Repeat(Index, &'static str, u16),
}

const INSERTS: &[&str] = &[
    "|",
    "[",
    "]",
    "`",
    "*",
    "/*",
    "*/",
    "\"",
    "'",
    "\u{a0}",
    "\u{200b}",
    "{",
    "}",
    "<",
    ">",
    "(",
    ")",
    "\n",
    "\r",
    "\r\n",
    "\t",
    "# ",
    "## ",
    "### ",
    "```",
    "List[",
    "Array<",
    "Record<",
    "Optional[",
    ":",
    ";",
    ",",
    "?",
    "=",
    "\\",
    "//",
    "/**",
    "@deprecated",
    "<br/>",
    "[a](b)",
    "- ",
    "Interface ",
    "Type Alias ",
    "Enumeration ",
    "\u{feff}",
    "é",
    "🦀",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    let insert = prop::sample::select(INSERTS);
    prop_oneof![
        1 => any::<Index>().prop_map(Mutation::DropLine),
        1 => any::<Index>().prop_map(Mutation::DuplicateLine),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        1 => any::<Index>().prop_map(Mutation::Truncate),
        1 => (any::<Index>(), 0u8..8).prop_map(|(i, b)| Mutation::FlipBit(i, b)),
        1 => Just(Mutation::RemovePipes),
        1 => Just(Mutation::RemoveBrackets),
        3 => (any::<Index>(), insert.clone()).prop_map(|(i, s)| Mutation::Insert(i, s)),
        1 => (any::<Index>(), insert, 2u16..300).prop_map(|(i, s, n)| Mutation::Repeat(i, s, n)),
    ]
}

/// The byte offset of the `i`th character boundary (the end included).
fn boundary(text: &str, i: &Index) -> usize {
    let count = text.chars().count() + 1;
    let n = i.index(count);
    text.char_indices().map(|(at, _)| at).chain([text.len()]).nth(n).unwrap_or(text.len())
}

fn apply(text: String, m: &Mutation) -> String {
    let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
    match m {
        Mutation::DropLine(i) if !lines.is_empty() => {
            lines.remove(i.index(lines.len()));
            lines.concat()
        }
        Mutation::DuplicateLine(i) if !lines.is_empty() => {
            let at = i.index(lines.len());
            lines.insert(at, lines[at]);
            lines.concat()
        }
        Mutation::SwapLines(a, b) if !lines.is_empty() => {
            let (a, b) = (a.index(lines.len()), b.index(lines.len()));
            lines.swap(a, b);
            lines.concat()
        }
        Mutation::Truncate(i) => text[..boundary(&text, i)].to_string(),
        Mutation::FlipBit(i, bit) if !text.is_empty() => {
            let mut bytes = text.into_bytes();
            let at = i.index(bytes.len());
            bytes[at] ^= 1 << bit;
            String::from_utf8_lossy(&bytes).into_owned()
        }
        Mutation::RemovePipes => text.replace('|', ""),
        Mutation::RemoveBrackets => text.replace(['[', ']', '{', '}'], ""),
        Mutation::Insert(i, s) => {
            let at = boundary(&text, i);
            format!("{}{s}{}", &text[..at], &text[at..])
        }
        Mutation::Repeat(i, s, n) => {
            let at = boundary(&text, i);
            format!("{}{}{}", &text[..at], s.repeat(usize::from(*n)), &text[at..])
        }
        _ => text,
    }
}

fn mutated() -> impl Strategy<Value = (usize, String)> {
    (0..SEEDS.len(), prop::collection::vec(mutation(), 1..8)).prop_map(|(seed, ms)| {
        let text = ms.iter().fold(SEEDS[seed].2.to_string(), apply);
        (seed, text)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(4096), ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_end_in_types_or_diagnostics(kind in 0..3usize, bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        parse_checked(KINDS[kind], "x/arbitrary", text);
    }

    /// Arbitrary text made of the characters the grammars care about, where random bytes
    /// rarely form a heading, a table row or a declaration.
    #[test]
    fn grammar_soup_ends_in_types_or_diagnostics(
        kind in 0..3usize,
        prefix in 0..4usize,
        parts in prop::collection::vec(prop::sample::select(INSERTS), 0..200),
    ) {
        const PREFIXES: [&str; 4] = ["# A\n\n## Fields\n\n", "export interface A {\n", "Interface A\n", ""];
        let text = format!("{}{}", PREFIXES[prefix], parts.concat());
        parse_checked(KINDS[kind], "x/soup", text);
    }

    #[test]
    fn mutated_documents_end_in_types_or_diagnostics((seed, text) in mutated()) {
        let (kind, rel, _) = SEEDS[seed];
        parse_checked(kind, rel, text);
    }

    /// A document parsed as another format's: markdown as TypeScript, and so on.
    #[test]
    fn documents_read_as_the_wrong_format_end_in_types_or_diagnostics((seed, text) in mutated(), kind in 0..3usize) {
        let _ = seed;
        parse_checked(KINDS[kind], "x/wrong", text);
    }
}

/// A fresh folder under the system's temporary folder, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("llm-usage-no-panic-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a temporary folder");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs the whole pipeline on a folder holding `text` at `rel`; generated code must be Rust.
fn generate_checked(rel: &str, text: &str) {
    let dir = TempDir::new();
    let path = dir.0.join(rel);
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("a folder");
    std::fs::write(&path, text).expect("the file is written");
    let start = Instant::now();
    let result = llm_usage_codegen::generate(&Input::new(&dir.0));
    let took = start.elapsed();
    assert!(took < BOUND, "generate took {took:?} on {} bytes", text.len());
    if let Ok(tokens) = result {
        if let Err(err) = syn::parse2::<syn::File>(tokens.clone()) {
            panic!("generated code is not Rust ({err}) for {text:?}:\n{tokens}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(512), ..ProptestConfig::default() })]

    #[test]
    fn the_pipeline_ends_in_code_or_diagnostics((seed, text) in mutated()) {
        let (_, rel, _) = SEEDS[seed];
        generate_checked(rel, &text);
    }
}

// Deep nesting: each parser stops at a depth limit with a diagnostic, well within the 2 MiB
// stack of a test thread in the debug profile.

const DEEP: usize = 10_000;

fn deep_parse(kind: SourceKind, rel: &str, text: String) {
    let file = source_file(kind, rel, text);
    let mut diags = Diagnostics::new();
    let start = Instant::now();
    let types = parse_file(&file, &mut diags);
    assert!(start.elapsed() < BOUND);
    assert!(!types.is_empty() || !diags.is_empty(), "{kind:?}: neither types nor diagnostics");
    generate_checked(rel, &file.text);
}

fn table(ty: &str) -> String {
    format!("# Deep\n\n## Fields\n\n| Field | Type | Required | Description |\n| ----- | ---- | -------- | ----------- |\n| `a` | {ty} | :heavy_check_mark: | N/A |\n")
}

#[test]
fn deep_python_lists_in_a_type_cell() {
    let open = "List[".repeat(DEEP);
    deep_parse(SourceKind::SpeakeasyMarkdown, "deep.md", table(&format!("{open}*str*{}", "]".repeat(DEEP))));
    deep_parse(SourceKind::SpeakeasyMarkdown, "deep.md", table(&format!("{open}*str*")));
    deep_parse(
        SourceKind::SpeakeasyMarkdown,
        "deep.md",
        table(&format!("*{}int*", "Optional[Dict[str, ".repeat(DEEP))),
    );
    deep_parse(SourceKind::SpeakeasyMarkdown, "deep.md", table(&"[".repeat(DEEP)));
    deep_parse(SourceKind::SpeakeasyMarkdown, "deep.md", table(&"]".repeat(DEEP)));
}

#[test]
fn deep_typescript_flavour_type_cells() {
    deep_parse(
        SourceKind::SpeakeasyMarkdown,
        "deep.md",
        table(&format!("{}*string*{}", "Array<".repeat(DEEP), ">".repeat(DEEP))),
    );
    deep_parse(SourceKind::SpeakeasyMarkdown, "deep.md", table(&format!("{}*any*", "Record<string, ".repeat(DEEP))));
    deep_parse(SourceKind::SpeakeasyMarkdown, "deep.md", table(&format!("*string*{}", "[]".repeat(DEEP))));
    deep_parse(SourceKind::SpeakeasyMarkdown, "deep.md", table(&"(".repeat(DEEP)));
    deep_parse(SourceKind::SpeakeasyMarkdown, "deep.md", table(&"*".repeat(DEEP)));
}

#[test]
fn deep_markdown_structure() {
    let headings = "### `models.A`\n\n".repeat(DEEP);
    deep_parse(SourceKind::SpeakeasyMarkdown, "deep.md", format!("# Deep\n\n## Supported Types\n\n{headings}"));
    deep_parse(SourceKind::SpeakeasyMarkdown, "deep.md", format!("# Deep\n\n{}", "```\n".repeat(DEEP)));
    deep_parse(SourceKind::SpeakeasyMarkdown, "deep.md", "|".repeat(DEEP));
    deep_parse(SourceKind::SpeakeasyMarkdown, "deep.md", "#".repeat(DEEP));
}

#[test]
fn deep_typescript() {
    let ts = |body: String| deep_parse(SourceKind::TypeScript, "deep.ts", body);
    ts(format!("export interface A {{ {} string", "a: { ".repeat(DEEP)));
    ts(format!("export interface A {{ {}string{} }}", "a: { ".repeat(DEEP), " }".repeat(DEEP)));
    ts(format!("export type A = {}string{};", "(".repeat(DEEP), ")".repeat(DEEP)));
    ts(format!("export type A = {}", "(".repeat(DEEP)));
    ts(format!("export type A = {}string{};", "Array<".repeat(DEEP), ">".repeat(DEEP)));
    ts(format!("export type A = {};", "Array<".repeat(DEEP)));
    ts(format!("export type A = string{};", "[]".repeat(DEEP)));
    ts(format!("export type A = {}string;", "keyof ".repeat(DEEP)));
    ts(format!("export type A = {}", "{ a: ".repeat(DEEP)));
    ts(format!("export type A = {}", "[".repeat(DEEP)));
    ts(format!("export type A = {};", "string | ".repeat(DEEP)));
    ts(format!("{}export interface A {{}}", "export namespace N { ".repeat(DEEP)));
    ts("/** ".repeat(DEEP));
    ts(format!("export type A = `{}`;", "${".repeat(DEEP)));
    ts(format!("export enum E {{ A = {} }}", "(".repeat(DEEP)));
    ts(format!("export class C {{ {} }}", "m(): void { ".repeat(DEEP)));
}

#[test]
fn deep_typedoc_pages() {
    let page =
        |sig: String| format!("Interface Deep\n\ninterface Deep {{\n    a: {sig};\n}}\n\nProperties\n\na\na: string\n");
    let td = |text: String| deep_parse(SourceKind::TypeDocText, "Deep.txt", text);
    td(page("{ a: ".repeat(DEEP)));
    td(page(format!("{}string{}", "Array<".repeat(DEEP), ">".repeat(DEEP))));
    td(page("(".repeat(DEEP)));
    td(format!("Type Alias Deep\n\nDeep: {}\n", "(".repeat(DEEP)));
    td(format!("Interface Deep\n\n{}", "interface Deep {\n".repeat(DEEP)));
}

#[test]
fn every_parser_accepts_control_characters_and_huge_lines() {
    let weird: String =
        (0u8..=127).map(char::from).chain(['\u{a0}', '\u{200b}', '\u{feff}', '\u{2028}', '\u{fffd}']).collect();
    for kind in KINDS {
        parse_checked(kind, "x/weird", weird.clone());
        parse_checked(kind, "x/weird", weird.repeat(500));
        parse_checked(kind, "x/long", "a".repeat(1 << 20));
        parse_checked(kind, "x/newlines", "\n".repeat(100_000) + "x");
        parse_checked(kind, "x/cr", "\r".repeat(100_000) + "x");
    }
}
