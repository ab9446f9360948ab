//! Tests on real and TypeDoc-shaped pages: the synthetic source (what the TypeScript parser
//! sees) and the parsed model.

use std::sync::Arc;

use super::page::{self, Page, PageKind};
use super::synth;
use crate::diagnostic::Diagnostics;
use crate::model::{Literal, Presence, Scalar, TypeDef, TypeKind, TypeRef};
use crate::read::{SourceFile, SourceKind};

/// The seed page `shared/seeds/004_090e840d4ab4fc20.txt`, byte for byte (no trailing newline;
/// the block is indented with U+00A0).
const SEED: &str = "Interface UsageMetadata\n\
\n\
Usage metadata about response(s).\n\
\n\
interface UsageMetadata {\n\
\u{a0}\u{a0}\u{a0}\u{a0}cachedContentTokenCount?: number;\n\
\u{a0}\u{a0}\u{a0}\u{a0}cacheTokensDetails?: ModalityTokenCount[];\n\
\u{a0}\u{a0}\u{a0}\u{a0}promptTokenCount?: number;\n\
\u{a0}\u{a0}\u{a0}\u{a0}promptTokensDetails?: ModalityTokenCount[];\n\
\u{a0}\u{a0}\u{a0}\u{a0}responseTokenCount?: number;\n\
\u{a0}\u{a0}\u{a0}\u{a0}responseTokensDetails?: ModalityTokenCount[];\n\
\u{a0}\u{a0}\u{a0}\u{a0}serviceTier?: ServiceTier;\n\
\u{a0}\u{a0}\u{a0}\u{a0}thoughtsTokenCount?: number;\n\
\u{a0}\u{a0}\u{a0}\u{a0}toolUsePromptTokenCount?: number;\n\
\u{a0}\u{a0}\u{a0}\u{a0}toolUsePromptTokensDetails?: ModalityTokenCount[];\n\
\u{a0}\u{a0}\u{a0}\u{a0}totalTokenCount?: number;\n\
\u{a0}\u{a0}\u{a0}\u{a0}trafficType?: TrafficType;\n\
}\n\
\n\
Properties\n\
\n\
cachedContentTokenCount?: number\n\
\n\
Output only. The number of tokens in the cached content that was used for this request.\n\
\n\
cacheTokensDetails?: ModalityTokenCount[]\n\
\n\
Output only. A detailed breakdown of the token count for each modality in the cached content.\n\
\n\
promptTokenCount?: number\n\
\n\
The total number of tokens in the prompt. This includes any text, images, or other media provided in the request. When cached_content is set, this also includes the number of tokens in the cached content.\n\
\n\
promptTokensDetails?: ModalityTokenCount[]\n\
\n\
Output only. A detailed breakdown of the token count for each modality in the prompt.\n\
\n\
responseTokenCount?: number\n\
\n\
Total number of tokens across all the generated response candidates.\n\
\n\
responseTokensDetails?: ModalityTokenCount[]\n\
\n\
List of modalities that were returned in the response.\n\
\n\
serviceTier?: ServiceTier\n\
\n\
Output only. Service tier of the request. This field is not supported in Vertex AI.\n\
\n\
thoughtsTokenCount?: number\n\
\n\
Output only. The number of tokens that were part of the model's generated \"thoughts\" output, if applicable.\n\
\n\
toolUsePromptTokenCount?: number\n\
\n\
Output only. The number of tokens in the results from tool executions, which are provided back to the model as input, if applicable.\n\
\n\
toolUsePromptTokensDetails?: ModalityTokenCount[]\n\
\n\
Output only. A detailed breakdown by modality of the token counts from the results of tool executions, which are provided back to the model as input.\n\
\n\
totalTokenCount?: number\n\
\n\
The total number of tokens for the entire request. This is the sum of prompt_token_count, candidates_token_count, tool_use_prompt_token_count, and thoughts_token_count.\n\
\n\
trafficType?: TrafficType\n\
\n\
Output only. The traffic type for this request. This field is not supported in Gemini API.";

const SERVICE_TIER: &str = include_str!("testdata/ServiceTier.txt");
const CLASS: &str = include_str!("testdata/GenerateContentResponseUsageMetadata.txt");
const ALIAS_UNION: &str = include_str!("testdata/ReferenceImage.txt");
const ALIAS_OBJECT: &str = include_str!("testdata/Usage.txt");
const EMPTY: &str = include_str!("testdata/UrlContext.txt");
const CHROME: &str = include_str!("testdata/ModalityTokenCount.chrome.txt");
const UNCLOSED: &str = include_str!("testdata/Unclosed.txt");
const NO_HEADER: &str = include_str!("testdata/NoHeader.txt");

fn scan(text: &str) -> (Page, Vec<String>) {
    let lines = page::normalize(text);
    let header = page::find_header(&lines).expect("header");
    (page::scan(&lines, header), lines)
}

fn synthetic(text: &str) -> String {
    let (page, lines) = scan(text);
    let source = synth::build(&lines, &page);
    assert_eq!(source.split('\n').count(), lines.len(), "one synthetic line per page line");
    source
}

/// The non-blank synthetic lines with their 1-based numbers.
fn numbered(source: &str) -> Vec<(usize, String)> {
    source.split('\n').enumerate().filter(|(_, l)| !l.trim().is_empty()).map(|(i, l)| (i + 1, l.to_string())).collect()
}

fn file(name: &str, text: &str) -> SourceFile {
    SourceFile {
        rel: format!("google/{name}"),
        dir: "google".to_string(),
        display: Arc::from(format!("schemas/google/{name}").as_str()),
        kind: SourceKind::TypeDocText,
        text: text.to_string(),
    }
}

fn parse(name: &str, text: &str) -> (Vec<TypeDef>, Vec<String>) {
    let mut diags = Diagnostics::new();
    let types = super::parse(&file(name, text), &mut diags);
    // Problems inside a declaration go with it; without roots they are all reported.
    types.iter().flat_map(|t| &t.diagnostics).for_each(|d| diags.push(d.clone()));
    (types, diags.into_sorted().iter().map(ToString::to_string).collect())
}

// ---- the synthetic source -------------------------------------------------------------------

#[test]
fn seed_block_is_copied_on_its_own_lines() {
    let source = synthetic(SEED);
    let lines = numbered(&source);
    assert_eq!(lines.first(), Some(&(5, "interface UsageMetadata {".to_string())));
    assert_eq!(lines.get(1), Some(&(6, "    cachedContentTokenCount?: number;".to_string())));
    assert_eq!(lines.last(), Some(&(18, "}".to_string())));
    assert_eq!(lines.len(), 14);
}

#[test]
fn seed_members_and_description() {
    let (page, _) = scan(SEED);
    assert_eq!(page.header.kind, PageKind::Interface);
    assert_eq!(page.header.name, "UsageMetadata");
    assert_eq!(page.docs.lines, vec!["Usage metadata about response(s)."]);
    let names: Vec<&str> = page.members.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names.len(), 12);
    assert_eq!(names[0], "cachedContentTokenCount");
    assert_eq!(names[11], "trafficType");
    assert_eq!(
        page.members[0].docs.lines,
        vec!["Output only. The number of tokens in the cached content that was used for this request."]
    );
    assert_eq!(
        page.members[11].docs.lines,
        vec!["Output only. The traffic type for this request. This field is not supported in Gemini API."]
    );
    assert!(page.problems.is_empty());
}

#[test]
fn seed_file_matches_embedded_copy() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/seeds/004_090e840d4ab4fc20.txt");
    match std::fs::read_to_string(path) {
        Ok(text) => assert_eq!(text, SEED),
        Err(err) => eprintln!("skipping: cannot read {path}: {err}"),
    }
}

#[test]
fn enum_page_becomes_an_enum_declaration() {
    let source = synthetic(SERVICE_TIER);
    assert_eq!(
        numbered(&source),
        vec![
            (4, "enum        ServiceTier {".to_string()),
            (17, "FLEX= \"flex\",".to_string()),
            (23, "PRIORITY= \"priority\",".to_string()),
            (29, "STANDARD= \"standard\",".to_string()),
            (35, "UNSPECIFIED= \"unspecified\",".to_string()),
            (36, "}".to_string()),
        ]
    );
    let (page, _) = scan(SERVICE_TIER);
    assert_eq!(page.docs.lines, vec!["Pricing and performance service tier."]);
    assert_eq!(page.members[3].docs.lines, vec!["Default service tier, which is standard."]);
}

#[test]
fn class_page_becomes_a_class_declaration() {
    let source = synthetic(CLASS);
    let lines = numbered(&source);
    assert_eq!(lines[0], (4, "class GenerateContentResponseUsageMetadata {".to_string()));
    assert_eq!(lines[1], (20, "cachedContentTokenCount?: number;".to_string()));
    assert_eq!(lines.len(), 13, "{lines:#?}");
    assert_eq!(lines[11].1, "trafficType?: TrafficType;");
    assert_eq!(lines[12].1, "}");
    let (page, _) = scan(CLASS);
    let last = page.members.last().unwrap();
    assert_eq!(last.badges, vec!["Optional"]);
    assert_eq!(last.docs.lines, vec!["How the request was billed."]);
    assert_eq!(last.deprecated.as_ref().and_then(|d| d.note.as_deref()), Some("Read the billing report instead."));
}

#[test]
fn class_initializers_are_dropped() {
    let text = "Class FunctionResponseHolder\n\nProperties\nfunctionResponses\nfunctionResponses: FunctionResponse | FunctionResponse[] = []\n\nThe responses.\n\nDefined in src/types.ts:8337\nStaticcount\ncount: number = 0\n";
    assert_eq!(
        numbered(&synthetic(text)),
        vec![
            (1, "class FunctionResponseHolder {".to_string()),
            (5, "functionResponses: FunctionResponse | FunctionResponse[];".to_string()),
            (6, "}".to_string()),
        ]
    );
}

#[test]
fn alias_pages_become_type_declarations() {
    assert_eq!(
        numbered(&synthetic(ALIAS_UNION)),
        vec![
            (4, "type       ReferenceImage =".to_string()),
            (5, "               ".to_string() + ""),
            (6, "    | RawReferenceImage".to_string()),
            (7, "    | MaskReferenceImage".to_string()),
            (8, "    | ControlReferenceImage;".to_string()),
        ]
        .into_iter()
        .filter(|(_, l)| !l.trim().is_empty())
        .collect::<Vec<_>>()
    );
    let source = synthetic(ALIAS_OBJECT);
    let lines = numbered(&source);
    assert_eq!(lines[0], (4, "type       Usage =".to_string()));
    assert_eq!(lines[1], (5, "       {".to_string()));
    assert_eq!(lines.last().unwrap(), &(9, "};".to_string()));
    let (page, _) = scan(ALIAS_OBJECT);
    assert_eq!(page.docs.lines, vec!["Statistics on the interaction request's token usage."]);
    let names: Vec<&str> = page.members.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, vec!["cached_tokens_by_modality", "total_cached_tokens", "total_tokens"]);
    assert_eq!(
        page.members[2].docs.lines,
        vec!["Total token count for the interaction request (prompt + responses + other", "", "internal tokens)."]
    );
}

#[test]
fn empty_interface_gets_an_empty_body_on_its_header_line() {
    assert_eq!(numbered(&synthetic(EMPTY)), vec![(4, "interface UrlContext {}".to_string())]);
    let (page, _) = scan(EMPTY);
    assert_eq!(page.docs.lines, vec!["Tool to support URL context retrieval."]);
}

#[test]
fn chrome_zero_width_and_glued_badges() {
    let source = synthetic(CHROME);
    assert_eq!(
        numbered(&source),
        vec![
            (11, "interface ModalityTokenCount {".to_string()),
            (12, "    modality?: MediaModality;".to_string()),
            (13, "    tokenCount?: number;".to_string()),
            (14, "}".to_string()),
        ]
    );
    let (page, _) = scan(CHROME);
    assert_eq!(page.docs.lines, vec!["Represents token counting info for a single modality."]);
    let names: Vec<&str> = page.members.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, vec!["modality", "tokenCount"]);
    assert_eq!(
        page.members[0].docs.lines,
        vec![
            "The modality associated with this token count.",
            "",
            "NOTE: modality is not sent by the Vertex AI batch API.",
            "",
            "Compare with MediaModality.",
        ]
    );
    assert_eq!(page.members[1].docs.lines, vec!["Number of tokens."]);
    assert_eq!(page.members[1].deprecated.as_ref().and_then(|d| d.note.as_deref()), Some("Use totalTokenCount."));
    assert!(page.problems.is_empty(), "{:?}", page.problems);
}

#[test]
fn unclosed_block_gets_no_closing_brace() {
    let (page, lines) = scan(UNCLOSED);
    let block = page.block.clone().unwrap();
    assert_eq!(block.lines, 4..7);
    let source = synth::build(&lines, &page);
    assert!(!source.contains('}'), "{source}");
}

#[test]
fn title_without_signature_is_reported() {
    let text = "Enumeration TrafficType\n\nEnumeration Members\nON_DEMAND\nON_DEMAND: \"ON_DEMAND\"\n\nDefined in src/types.ts:1\nPROVISIONED_THROUGHPUT\n\nDefined in src/types.ts:2\n";
    let (page, _) = scan(text);
    assert_eq!(page.members.len(), 1);
    assert_eq!(page.problems.len(), 1);
    assert_eq!(page.problems[0].idx, 7);
    assert_eq!(page.problems[0].message, "member `PROVISIONED_THROUGHPUT` has no signature line");
}

#[test]
fn headers() {
    let lines = page::normalize("@google/genai\ntypes\nOperation\nInterface Operation<T>\n");
    let h = page::find_header(&lines).unwrap();
    assert_eq!((h.idx, h.name.as_str(), h.decl.as_str(), h.name_at), (3, "Operation", "Operation<T>", 10));
    let lines = page::normalize(NO_HEADER);
    let none = page::find_header(&lines).unwrap_err();
    assert_eq!(none.at, Some((0, 0)));
    let lines = page::normalize("@google/genai\nNamespace types\n");
    assert_eq!(page::find_header(&lines).unwrap_err().other_kind, Some("Namespace"));
    let lines = page::normalize("\n\n");
    assert_eq!(page::find_header(&lines).unwrap_err().at, None);
}

#[test]
fn prose_that_looks_like_a_signature_is_not_a_member() {
    assert!(!page::type_like("AbortSignal is a client-only operation."));
    assert!(page::type_like("null | (e: CloseEvent) => void"));
    assert!(page::type_like("Record<string, unknown>"));
    assert!(page::type_like("\"PRIORITIZE_QUALITY\" | \"UNKNOWN\""));
    let text = "Class Config\n\nProperties\nOptionalabortSignal\nabortSignal?: AbortSignal\n\nAbort signal.\nNOTE: AbortSignal is a client-only operation.\nOptionaltimeout\ntimeout?: number\n";
    let (page, _) = scan(text);
    let names: Vec<&str> = page.members.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, vec!["abortSignal", "timeout"]);
    assert_eq!(page.members[0].docs.lines, vec!["Abort signal.", "NOTE: AbortSignal is a client-only operation."]);
}

#[test]
fn nothing_panics_on_odd_input() {
    for text in [
        "",
        "\n",
        "Interface",
        "Interface X\ninterface X {",
        "Class X\nProperties\nOptional",
        "Type Alias X\nX:",
        "Enumeration E\nEnumeration Members\nA: ",
        "Interface X\ninterface X {\n  a?: {\n",
        "Type Alias X\nX: {\n",
    ] {
        let lines = page::normalize(text);
        if let Ok(h) = page::find_header(&lines) {
            let page = page::scan(&lines, h);
            let _ = synth::build(&lines, &page);
        }
        let _ = parse("x.txt", text);
    }
}

// ---- the parsed model (through the TypeScript parser) ---------------------------------------

fn only(types: &[TypeDef], name: &str) -> TypeDef {
    types.iter().find(|t| t.name == name).unwrap_or_else(|| panic!("no type `{name}` in {types:#?}")).clone()
}

fn named(ty: &TypeRef) -> Option<&str> {
    match ty {
        TypeRef::Named(n) => Some(n.name.as_str()),
        _ => None,
    }
}

#[test]
fn seed_parses_to_usage_metadata() {
    let (types, diags) = parse("UsageMetadata.txt", SEED);
    assert!(diags.is_empty(), "{diags:#?}");
    assert_eq!(types.len(), 1);
    let def = only(&types, "UsageMetadata");
    assert_eq!(def.docs.lines, vec!["Usage metadata about response(s)."]);
    assert_eq!((def.file.as_str(), def.dir.as_str()), ("google/UsageMetadata.txt", "google"));
    let TypeKind::Struct(s) = &def.kind else { panic!("{:?}", def.kind) };
    let names: Vec<&str> = s.fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        vec![
            "cachedContentTokenCount",
            "cacheTokensDetails",
            "promptTokenCount",
            "promptTokensDetails",
            "responseTokenCount",
            "responseTokensDetails",
            "serviceTier",
            "thoughtsTokenCount",
            "toolUsePromptTokenCount",
            "toolUsePromptTokensDetails",
            "totalTokenCount",
            "trafficType",
        ]
    );
    for (n, f) in s.fields.iter().enumerate() {
        assert_eq!(f.presence, Presence::Optional, "{}", f.name);
        assert!(!f.nullable, "{}", f.name);
        assert_eq!(f.wire_name, f.name);
        assert_eq!((f.loc.line, f.loc.col), (6 + n as u32, 5), "{}", f.name);
        assert_eq!(&*f.loc.file, "schemas/google/UsageMetadata.txt");
        assert_eq!(f.docs.lines.len(), 1, "{}", f.name);
        match f.name.as_str() {
            "serviceTier" => assert_eq!(named(&f.ty), Some("ServiceTier")),
            "trafficType" => assert_eq!(named(&f.ty), Some("TrafficType")),
            name if name.ends_with("Details") => match &f.ty {
                TypeRef::List(inner) => assert_eq!(named(inner), Some("ModalityTokenCount")),
                other => panic!("{name}: {other:?}"),
            },
            name => assert_eq!(f.ty, TypeRef::Scalar(Scalar::Float), "{name}"),
        }
    }
    assert_eq!(
        s.fields[2].docs.lines,
        vec!["The total number of tokens in the prompt. This includes any text, images, or other media provided in the request. When cached_content is set, this also includes the number of tokens in the cached content."]
    );
}

#[test]
fn enum_page_parses_to_service_tier() {
    let (types, diags) = parse("ServiceTier.txt", SERVICE_TIER);
    assert!(diags.is_empty(), "{diags:#?}");
    let def = only(&types, "ServiceTier");
    assert_eq!(def.docs.lines, vec!["Pricing and performance service tier."]);
    assert_eq!((def.loc.line, def.loc.col), (4, 13));
    let TypeKind::Enum(e) = &def.kind else { panic!("{:?}", def.kind) };
    let values: Vec<(Option<&str>, &Literal, u32)> =
        e.values.iter().map(|v| (v.member.as_deref(), &v.value, v.loc.line)).collect();
    assert_eq!(
        values,
        vec![
            (Some("FLEX"), &Literal::Str("flex".into()), 17),
            (Some("PRIORITY"), &Literal::Str("priority".into()), 23),
            (Some("STANDARD"), &Literal::Str("standard".into()), 29),
            (Some("UNSPECIFIED"), &Literal::Str("unspecified".into()), 35),
        ]
    );
    assert_eq!(e.values[0].docs.lines, vec!["Flex service tier."]);
    assert_eq!(e.values[3].docs.lines, vec!["Default service tier, which is standard."]);
}

#[test]
fn class_page_parses_to_a_struct() {
    let (types, diags) = parse("GenerateContentResponseUsageMetadata.txt", CLASS);
    assert!(diags.is_empty(), "{diags:#?}");
    let def = only(&types, "GenerateContentResponseUsageMetadata");
    assert_eq!(def.docs.lines, vec!["Token accounting for one generateContent call."]);
    let TypeKind::Struct(s) = &def.kind else { panic!("{:?}", def.kind) };
    assert_eq!(s.fields.len(), 11);
    assert!(s.fields.iter().all(|f| f.presence == Presence::Optional && !f.docs.is_empty()));
    assert_eq!(s.fields[2].name, "candidatesTokenCount");
    assert_eq!(s.fields[2].docs.lines, vec!["Tokens across all generated candidates."]);
    assert_eq!((s.fields[2].loc.line, s.fields[2].loc.col), (32, 1));
    let traffic = &s.fields[10];
    assert_eq!(named(&traffic.ty), Some("TrafficType"));
    assert_eq!(traffic.deprecated.as_ref().and_then(|d| d.note.as_deref()), Some("Read the billing report instead."));
}

#[test]
fn alias_pages_parse() {
    let (types, diags) = parse("ReferenceImage.txt", ALIAS_UNION);
    assert!(diags.is_empty(), "{diags:#?}");
    let def = only(&types, "ReferenceImage");
    assert_eq!(def.docs.lines, vec!["One of the reference image kinds."]);
    let TypeKind::Union(u) = &def.kind else { panic!("{:?}", def.kind) };
    let variants: Vec<Option<&str>> = u.variants.iter().map(|v| named(&v.ty)).collect();
    assert_eq!(variants, vec![Some("RawReferenceImage"), Some("MaskReferenceImage"), Some("ControlReferenceImage")]);
    assert_eq!(u.variants[1].loc.line, 7);

    let (types, diags) = parse("Usage.txt", ALIAS_OBJECT);
    assert!(diags.is_empty(), "{diags:#?}");
    let def = only(&types, "Usage");
    assert_eq!(def.docs.lines, vec!["Statistics on the interaction request's token usage."]);
    let TypeKind::Struct(s) = &def.kind else { panic!("{:?}", def.kind) };
    let fields: Vec<(&str, u32)> = s.fields.iter().map(|f| (f.name.as_str(), f.loc.line)).collect();
    assert_eq!(fields, vec![("cached_tokens_by_modality", 6), ("total_cached_tokens", 7), ("total_tokens", 8)]);
    assert_eq!(s.fields[1].docs.lines, vec!["Number of tokens in the cached part of the prompt (the cached content)."]);
}

#[test]
fn empty_interface_parses_to_an_empty_struct() {
    let (types, diags) = parse("UrlContext.txt", EMPTY);
    assert!(diags.is_empty(), "{diags:#?}");
    let def = only(&types, "UrlContext");
    assert_eq!(def.docs.lines, vec!["Tool to support URL context retrieval."]);
    assert_eq!((def.loc.line, def.loc.col), (4, 11));
    let TypeKind::Struct(s) = &def.kind else { panic!("{:?}", def.kind) };
    assert!(s.fields.is_empty());
}

#[test]
fn chrome_page_parses() {
    let (types, diags) = parse("ModalityTokenCount.txt", CHROME);
    assert!(diags.is_empty(), "{diags:#?}");
    assert_eq!(types.len(), 1);
    let def = only(&types, "ModalityTokenCount");
    let TypeKind::Struct(s) = &def.kind else { panic!("{:?}", def.kind) };
    let names: Vec<&str> = s.fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, vec!["modality", "tokenCount"]);
    assert_eq!(named(&s.fields[0].ty), Some("MediaModality"));
    assert_eq!(s.fields[1].ty, TypeRef::Scalar(Scalar::Float));
    assert_eq!(s.fields[1].docs.lines, vec!["Number of tokens."]);
    assert!(s.fields[1].deprecated.is_some());
}

#[test]
fn unclosed_block_is_reported_at_its_brace() {
    let (_, diags) = parse("Unclosed.txt", UNCLOSED);
    assert!(
        diags.iter().any(|d| d.starts_with("schemas/google/Unclosed.txt:5:30: ") && d.contains("not closed")),
        "{diags:#?}"
    );
}

#[test]
fn page_without_header_is_reported() {
    let (types, diags) = parse("NoHeader.txt", NO_HEADER);
    assert!(types.is_empty());
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert!(
        diags[0].starts_with(
            "schemas/google/NoHeader.txt:1:1: not a TypeDoc page: the first line is `Usage metadata about response(s).`"
        ),
        "{diags:#?}"
    );
    assert!(diags[0].contains("expected `Interface X`, `Class X`, `Enumeration X` or `Type Alias X`"));
}

#[test]
fn member_without_signature_is_reported_through_parse() {
    let text = "Enumeration TrafficType\n\nEnumeration Members\nON_DEMAND\nON_DEMAND: \"ON_DEMAND\"\n\nDefined in src/types.ts:1\nOptionalPROVISIONED_THROUGHPUT\n\nDefined in src/types.ts:2\n";
    let (_, diags) = parse("TrafficType.txt", text);
    assert!(
        diags.iter().any(|d| d.starts_with(
            "schemas/google/TrafficType.txt:8:1: member `OptionalPROVISIONED_THROUGHPUT` has no signature line"
        )),
        "{diags:#?}"
    );
}

#[test]
fn truncated_and_damaged_pages_never_panic() {
    for text in [SEED, SERVICE_TIER, CLASS, ALIAS_UNION, ALIAS_OBJECT, EMPTY, CHROME, UNCLOSED] {
        let lines: Vec<&str> = text.split('\n').collect();
        for cut in 0..lines.len() {
            let truncated = lines[..cut].join("\n");
            let mut damaged = lines.clone();
            damaged.remove(cut);
            let damaged = damaged.join("\n");
            for t in [truncated.as_str(), damaged.as_str()] {
                let norm = page::normalize(t);
                if let Ok(h) = page::find_header(&norm) {
                    let page = page::scan(&norm, h);
                    let source = synth::build(&norm, &page);
                    assert_eq!(source.split('\n').count(), norm.len());
                }
                let _ = parse("x.txt", t);
            }
        }
    }
}

#[test]
fn typedoc_type_text_quirks() {
    // Null-first unions with an unparenthesized function type, a wrapped literal union,
    // a collapsed single-member enum, a method signature.
    let text = "Interface LiveCallbacks\n\ninterface LiveCallbacks {\n\u{a0}\u{a0}\u{a0}\u{a0}onclose?: null | (e: CloseEvent) => void;\n\u{a0}\u{a0}\u{a0}\u{a0}modelRoutingPreference?:\n\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}| \"BALANCED\"\n\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}| \"UNKNOWN\";\n\u{a0}\u{a0}\u{a0}\u{a0}scope?: COLLECTION;\n\u{a0}\u{a0}\u{a0}\u{a0}headers?: Record<string, string>;\n\u{a0}\u{a0}\u{a0}\u{a0}tool(): Promise<Tool>;\n}\n";
    let (types, diags) = parse("LiveCallbacks.txt", text);
    assert!(diags.is_empty(), "{diags:#?}");
    let def = only(&types, "LiveCallbacks");
    let TypeKind::Struct(s) = &def.kind else { panic!("{:?}", def.kind) };
    let names: Vec<&str> = s.fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, vec!["onclose", "modelRoutingPreference", "scope", "headers"]);
    assert!(matches!(s.fields[0].ty, TypeRef::Unsupported(_)) && s.fields[0].nullable);
    let routing = named(&s.fields[1].ty).expect("a generated enum");
    let TypeKind::Enum(e) = &only(&types, routing).kind else { panic!() };
    let values: Vec<&Literal> = e.values.iter().map(|v| &v.value).collect();
    assert_eq!(values, vec![&Literal::Str("BALANCED".into()), &Literal::Str("UNKNOWN".into())]);
    // TypeDoc collapses a single-member enum to its member's name: an unresolved name here.
    assert_eq!(named(&s.fields[2].ty), Some("COLLECTION"));
    assert!(matches!(s.fields[3].ty, TypeRef::Map(_)));

    let text = "Interface Operation<T>\n\nType Parameters\nT\n\ninterface Operation<T> {\n    done?: boolean;\n    response?: T;\n}\n";
    let (types, diags) = parse("Operation.txt", text);
    assert!(diags.is_empty(), "{diags:#?}");
    assert!(matches!(only(&types, "Operation").kind, TypeKind::Unsupported(_)));
}
