//! The vendors' own SDK files, dropped whole into a schema folder (`../shared/corpus/vendors`)
//! with `roots` naming their usage types: no diagnostic, the usage types with the fields and
//! presence the SDK declares, and generated code that parses as Rust. Skipped, with a message,
//! where the corpus is absent.

use std::path::{Path, PathBuf};

use llm_usage_codegen::model::{Literal, Presence, Scalar, Schema, TypeDef, TypeKind, TypeRef};
use llm_usage_codegen::{generate, load, Input, Loaded};

/// A vendor folder of the corpus, or `None` (with a message) where it is absent.
fn vendor(folder: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/vendors").join(folder);
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: {} is absent (the shared corpus is not beside this checkout)", dir.display());
        None
    }
}

fn input(dir: &Path, roots: Option<&[&str]>) -> Input {
    Input { roots: roots.map(|r| r.iter().map(|s| s.to_string()).collect()), ..Input::new(dir) }
}

/// Loads the folder with `roots`, asserting that nothing is wrong and that the generated code
/// parses as Rust.
fn load_clean(dir: &Path, roots: &[&str]) -> Loaded {
    let loaded = load(&input(dir, Some(roots)));
    let shown: Vec<String> = loaded.diagnostics.iter().map(ToString::to_string).collect();
    assert!(shown.is_empty(), "{} diagnostics:\n{}", shown.len(), shown.join("\n"));
    match generate(&input(dir, Some(roots))) {
        Ok(tokens) => {
            if let Err(err) = syn::parse2::<syn::File>(tokens) {
                panic!("the generated code for {} does not parse: {err}", dir.display());
            }
        }
        Err(diags) => panic!("generate failed: {diags:?}"),
    }
    loaded
}

/// Every diagnostic of the folder without roots, as text.
fn all_diagnostics(dir: &Path) -> Vec<String> {
    load(&input(dir, None)).diagnostics.iter().map(ToString::to_string).collect()
}

/// The type at `path` (`dir/Name`: folders, then namespaces, then the name).
fn find<'s>(schema: &'s Schema, path: &str) -> (usize, &'s TypeDef) {
    let (dir, name) = path.rsplit_once('/').unwrap_or(("", path));
    schema
        .types
        .iter()
        .enumerate()
        .find(|(_, t)| t.dir == dir && t.name == name)
        .unwrap_or_else(|| panic!("no type `{path}`"))
}

/// A type as these tests spell it: `number`, `string`, `dir/Name`, `[T]`, `'literal'`.
fn spell(schema: &Schema, ty: &TypeRef) -> String {
    match ty {
        TypeRef::Scalar(Scalar::Float) => "number".into(),
        TypeRef::Scalar(Scalar::Integer) => "int".into(),
        TypeRef::Scalar(Scalar::String) => "string".into(),
        TypeRef::Scalar(Scalar::Boolean) => "boolean".into(),
        TypeRef::Scalar(other) => format!("{other:?}"),
        TypeRef::Literal(Literal::Str(s)) => format!("'{s}'"),
        TypeRef::Literal(other) => format!("{other:?}"),
        TypeRef::List(inner) => format!("[{}]", spell(schema, inner)),
        TypeRef::Map(inner) => format!("{{{}}}", spell(schema, inner)),
        TypeRef::Nullable(inner) => format!("{}?", spell(schema, inner)),
        TypeRef::Named(named) => match named.target.map(|t| &schema.types[t]) {
            Some(t) => format!("{}/{}", t.dir, t.name),
            None => format!("unresolved {}", named.name),
        },
        TypeRef::Unsupported(u) => format!("unsupported {}", u.construct),
    }
}

/// The fields of a generated struct: `name: type` with `?` for optional and `| null` for
/// nullable, in declaration order.
fn fields(loaded: &Loaded, path: &str) -> Vec<String> {
    let schema = &loaded.schema;
    let (id, def) = find(schema, path);
    assert!(schema.is_included(id), "`{path}` is not generated");
    let TypeKind::Struct(s) = &def.kind else { panic!("`{path}` is not a struct: {:?}", def.kind) };
    s.fields
        .iter()
        .map(|f| {
            let optional = if f.presence == Presence::Optional { "?" } else { "" };
            let null = if f.nullable { " | null" } else { "" };
            format!("{}{optional}: {}{null}", f.wire_name, spell(schema, &f.ty))
        })
        .collect()
}

/// The values of a generated enum, as they are on the wire.
fn values(loaded: &Loaded, path: &str) -> Vec<String> {
    let (id, def) = find(&loaded.schema, path);
    assert!(loaded.schema.is_included(id), "`{path}` is not generated");
    let TypeKind::Enum(e) = &def.kind else { panic!("`{path}` is not an enum: {:?}", def.kind) };
    e.values
        .iter()
        .map(|v| match &v.value {
            Literal::Str(s) => s.clone(),
            other => format!("{other:?}"),
        })
        .collect()
}

fn generated(loaded: &Loaded) -> usize {
    (0..loaded.schema.types.len()).filter(|&id| loaded.schema.is_included(id)).count()
}

const OPENAI_ROOTS: &[&str] = &[
    "src::resources::CompletionUsage",
    "src::resources::CompletionUsage::PromptTokensDetails",
    "src::resources::CompletionUsage::CompletionTokensDetails",
    "src::resources::responses::ResponseUsage",
    "src::resources::CreateEmbeddingResponse::Usage",
    "src::resources::audio::Transcription::Tokens",
    "src::resources::audio::Transcription::Duration",
    "src::resources::audio::TranscriptionTextDoneEvent::Usage",
    "src::resources::audio::TranscriptionVerbose::Usage",
    // Refers to `CompletionsAPI.CompletionUsage`, imported from `../../completions`.
    "src::resources::chat::completions::ChatCompletionChunk",
];

#[test]
fn openai_node_usage_types() {
    let Some(dir) = vendor("openai-node") else { return };
    let loaded = load_clean(&dir, OPENAI_ROOTS);
    assert_eq!(
        fields(&loaded, "src/resources/CompletionUsage"),
        [
            "completion_tokens: number",
            "prompt_tokens: number",
            "total_tokens: number",
            "completion_tokens_details?: src/resources/CompletionUsage/CompletionTokensDetails",
            "prompt_tokens_details?: src/resources/CompletionUsage/PromptTokensDetails",
        ]
    );
    assert_eq!(
        fields(&loaded, "src/resources/CompletionUsage/PromptTokensDetails"),
        [
            "audio_tokens?: number",
            "cache_write_tokens?: number",
            "cached_tokens?: number",
            "image_tokens?: number",
            "text_tokens?: number"
        ]
    );
    assert!(fields(&loaded, "src/resources/CompletionUsage/CompletionTokensDetails")
        .contains(&"reasoning_tokens?: number".to_string()));
    let chunk = fields(&loaded, "src/resources/chat/completions/ChatCompletionChunk");
    assert!(chunk.contains(&"usage?: src/resources/CompletionUsage | null".to_string()), "{chunk:#?}");
    let usage = fields(&loaded, "src/resources/responses/ResponseUsage");
    assert!(
        usage.contains(&"input_tokens_details: src/resources/responses/ResponseUsage/InputTokensDetails".to_string()),
        "{usage:#?}"
    );
    assert_eq!(
        fields(&loaded, "src/resources/responses/ResponseUsage/InputTokensDetails"),
        ["cache_write_tokens: number", "cached_tokens: number"]
    );
    assert_eq!(
        fields(&loaded, "src/resources/CreateEmbeddingResponse/Usage"),
        ["prompt_tokens: number", "total_tokens: number"]
    );
    let tokens = fields(&loaded, "src/resources/audio/Transcription/Tokens");
    assert!(
        tokens
            .contains(&"input_token_details?: src/resources/audio/Transcription/Tokens/InputTokenDetails".to_string()),
        "{tokens:#?}"
    );
    assert!(fields(&loaded, "src/resources/audio/TranscriptionVerbose/Usage").contains(&"seconds: number".to_string()));
    // Only what the roots reach, not the 800 declarations of the five files.
    assert!(generated(&loaded) < 80, "{} types generated", generated(&loaded));

    // The namespace re-exports (`export type CompletionCreateParamsNonStreaming =
    // CompletionsAPI.CompletionCreateParamsNonStreaming;` through the file's import of itself)
    // mean the outer declarations: no cycle, even without roots.
    let (_, alias) = find(&loaded.schema, "src/resources/CompletionCreateParams/CompletionCreateParamsNonStreaming");
    let TypeKind::Alias(target) = &alias.kind else { panic!("{:?}", alias.kind) };
    assert_eq!(spell(&loaded.schema, target), "src/resources/CompletionCreateParamsNonStreaming");
    let all = all_diagnostics(&dir);
    assert!(!all.iter().any(|d| d.contains("contains itself") || d.contains("duplicate property")), "{all:#?}");
}

#[test]
fn anthropic_usage_types() {
    let Some(dir) = vendor("anthropic-sdk-typescript") else { return };
    let roots = [
        "src::resources::messages::Usage",
        "src::resources::messages::MessageDeltaUsage",
        "src::resources::messages::CacheCreation",
        "src::resources::messages::ServerToolUsage",
        "src::resources::messages::OutputTokensDetails",
        "src::resources::messages::MessageDeltaEvent",
    ];
    let loaded = load_clean(&dir, &roots);
    let m = "src/resources/messages";
    assert_eq!(
        fields(&loaded, &format!("{m}/Usage")),
        [
            format!("cache_creation: {m}/CacheCreation | null"),
            "cache_creation_input_tokens: number | null".into(),
            "cache_read_input_tokens: number | null".into(),
            "inference_geo: string | null".into(),
            "input_tokens: number".into(),
            "output_tokens: number".into(),
            format!("output_tokens_details: {m}/OutputTokensDetails | null"),
            format!("server_tool_use: {m}/ServerToolUsage | null"),
            format!("service_tier: {m}/UsageServiceTier | null"),
        ]
    );
    assert_eq!(values(&loaded, &format!("{m}/UsageServiceTier")), ["standard", "priority", "batch"]);
    assert_eq!(
        fields(&loaded, &format!("{m}/MessageDeltaUsage")),
        [
            "cache_creation_input_tokens: number | null".to_string(),
            "cache_read_input_tokens: number | null".into(),
            "input_tokens: number | null".into(),
            "output_tokens: number".into(),
            format!("output_tokens_details: {m}/OutputTokensDetails | null"),
            format!("server_tool_use: {m}/ServerToolUsage | null"),
        ]
    );
    assert_eq!(
        fields(&loaded, &format!("{m}/CacheCreation")),
        ["ephemeral_1h_input_tokens: number", "ephemeral_5m_input_tokens: number"]
    );
    assert_eq!(
        fields(&loaded, &format!("{m}/ServerToolUsage")),
        ["web_fetch_requests: number", "web_search_requests: number"]
    );
    assert_eq!(fields(&loaded, &format!("{m}/OutputTokensDetails")), ["thinking_tokens: number"]);
    assert!(fields(&loaded, &format!("{m}/RawMessageDeltaEvent")).contains(&format!("usage: {m}/MessageDeltaUsage")));
    assert!(generated(&loaded) < 30, "{} types generated", generated(&loaded));
    // `WebSearchTool20250305.UserLocation = Messages.UserLocation` re-exports the outer one.
    let all = all_diagnostics(&dir);
    assert!(!all.iter().any(|d| d.contains("contains itself")), "{all:#?}");
}

#[test]
fn js_genai_usage_types() {
    let Some(dir) = vendor("js-genai") else { return };
    let roots = [
        "src::GenerateContentResponseUsageMetadata",
        "src::ModalityTokenCount",
        "src::MediaModality",
        "src::TrafficType",
        "src::ServiceTier",
        "src::UsageMetadata",
    ];
    let loaded = load_clean(&dir, &roots);
    let metadata = fields(&loaded, "src/GenerateContentResponseUsageMetadata");
    for expected in [
        "cacheTokensDetails?: [src/ModalityTokenCount]",
        "promptTokenCount?: number",
        "thoughtsTokenCount?: number",
        "totalTokenCount?: number",
        "trafficType?: src/TrafficType",
    ] {
        assert!(metadata.contains(&expected.to_string()), "{expected} not in {metadata:#?}");
    }
    assert_eq!(fields(&loaded, "src/ModalityTokenCount"), ["modality?: src/MediaModality", "tokenCount?: number"]);
    assert!(values(&loaded, "src/ServiceTier").contains(&"flex".to_string()));
    assert!(values(&loaded, "src/MediaModality").contains(&"TEXT".to_string()));
    assert!(fields(&loaded, "src/UsageMetadata").contains(&"serviceTier?: src/ServiceTier".to_string()));
    assert!(generated(&loaded) < 15, "{} types generated", generated(&loaded));
    // The function with a type predicate (`obj is Part`) and the merged
    // `UploadToFileSearchStoreParameters` are fine TypeScript, even without roots.
    let all = all_diagnostics(&dir);
    assert!(!all.iter().any(|d| d.contains("unexpected `is`") || d.contains("duplicate property")), "{all:#?}");
}

#[test]
fn cohere_usage_types_in_both_layers() {
    let Some(dir) = vendor("cohere-typescript") else { return };
    let roots = [
        "src::api::types::Usage",
        "src::api::types::UsageBilledUnits",
        "src::api::types::UsageTokens",
        "src::serialization::types::Usage::Raw",
        "src::serialization::types::UsageBilledUnits::Raw",
        "src::serialization::types::UsageTokens::Raw",
    ];
    let loaded = load_clean(&dir, &roots);
    // The SDK shape: camelCase, `Cohere.X` through an import of `../index` (not in the folder).
    assert_eq!(
        fields(&loaded, "src/api/types/Usage"),
        ["billedUnits?: src/api/types/UsageBilledUnits", "tokens?: src/api/types/UsageTokens", "cachedTokens?: number"]
    );
    // The wire shape: snake_case, optional and nullable, `UsageBilledUnits.Raw` through
    // `import { UsageBilledUnits } from './UsageBilledUnits'`.
    let s = "src/serialization/types";
    assert_eq!(
        fields(&loaded, &format!("{s}/Usage/Raw")),
        [
            format!("billed_units?: {s}/UsageBilledUnits/Raw | null"),
            format!("tokens?: {s}/UsageTokens/Raw | null"),
            "cached_tokens?: number | null".into(),
        ]
    );
    assert_eq!(
        fields(&loaded, &format!("{s}/UsageTokens/Raw")),
        ["input_tokens?: number | null", "output_tokens?: number | null"]
    );
    assert_eq!(generated(&loaded), 6);
}

#[test]
fn mistral_usage_types() {
    let Some(dir) = vendor("mistral-client-python") else { return };
    let roots =
        ["docs::models::UsageInfo", "docs::models::ConversationUsageInfo", "docs::models::CompletionTokensDetails"];
    let loaded = load_clean(&dir, &roots);
    assert_eq!(
        fields(&loaded, "docs/models/UsageInfo"),
        ["prompt_tokens?: int", "completion_tokens?: int", "total_tokens?: int", "prompt_audio_seconds?: int | null"]
    );
    assert_eq!(fields(&loaded, "docs/models/CompletionTokensDetails"), ["reasoning_tokens?: int"]);
    // `PromptTokensDetails` lists `MessageTokens`, whose `role` links `roles.md`, a doc the
    // folder does not have: reaching it is an error, and only reaching it.
    let with_details = load(&input(&dir, Some(&["docs::models::UsageInfoDollarDefs"])));
    let shown: Vec<String> = with_details.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(shown.len(), 1, "{shown:#?}");
    assert!(shown[0].contains("messagetokens.md:10:40: broken link `../models/roles.md`"), "{shown:#?}");
    assert!(shown[0].contains("`MessageTokens` needs it"), "{shown:#?}");
}
