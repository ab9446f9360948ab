//! The real payloads of `../shared/corpus/payloads/`, each with its usage object found where
//! `SOURCES.md` says it is (its "usage ptr" column), and the generated type it belongs to.

use std::path::{Path, PathBuf};

use serde_json::Value;

/// One payload file.
#[derive(Debug, Clone)]
pub struct Payload {
    /// `anthropic`, `openai-compatible`, …: the folder it is in.
    pub provider: String,
    /// The file name: `message_start_usage.json`.
    pub name: String,
    /// The whole file.
    pub value: Value,
    /// The usage object, when the file has one (`None` where the point of the file is that
    /// there is none: usage absent or `null`).
    pub usage: Option<Value>,
}

impl Payload {
    /// `provider/name`, as `SOURCES.md` names it.
    pub fn id(&self) -> String {
        format!("{}/{}", self.provider, self.name)
    }

    /// The generated type its usage object is read with.
    pub fn kind(&self) -> Kind {
        let name = self.name.as_str();
        match self.provider.as_str() {
            "anthropic" if name.starts_with("message_delta") => Kind::AnthropicMessageDelta,
            "anthropic" => Kind::AnthropicUsage,
            "openai" | "openai-compatible" if name.contains("responses") => Kind::OpenAiResponses,
            "openai" if name.contains("embeddings") => Kind::OpenAiEmbeddings,
            "openai" if name.contains("transcription") => Kind::OpenAiTranscription,
            "openai" | "openai-compatible" => Kind::OpenAiChat,
            "google" if name == "interactions_api_usage.json" => Kind::Unsupported,
            "google" => Kind::Google,
            "cohere" if name.starts_with("chat") => Kind::Cohere,
            "cohere" if name.starts_with("tokenize") => Kind::CohereMeta,
            "cohere" => Kind::CohereBilledUnits,
            "mistral" => Kind::Mistral,
            "bedrock" => Kind::Bedrock,
            other => panic!("{}: a provider folder `{other}` this crate has no type for", self.id()),
        }
    }
}

/// Which generated type a usage object is read with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `llm_usage::anthropic::Usage` (messages and `message_start` events).
    AnthropicUsage,
    /// `llm_usage::anthropic::MessageDeltaUsage`.
    AnthropicMessageDelta,
    /// `llm_usage::openai::CompletionUsage` (chat and legacy completions, compatible servers).
    OpenAiChat,
    /// `llm_usage::openai::responses::ResponseUsage`.
    OpenAiResponses,
    /// `llm_usage::openai::create_embedding_response::Usage`.
    OpenAiEmbeddings,
    /// `llm_usage::openai::audio::transcription::Duration`.
    OpenAiTranscription,
    /// `llm_usage::google::GenerateContentResponseUsageMetadata`.
    Google,
    /// `llm_usage::cohere::Usage`.
    Cohere,
    /// `llm_usage::cohere::UsageBilledUnits` (the `billed_units` of embed and rerank `meta`).
    CohereBilledUnits,
    /// A Cohere `meta` with no usage in it (tokenize).
    CohereMeta,
    /// `llm_usage::mistral::UsageInfo`.
    Mistral,
    /// `llm_usage::bedrock::TokenUsage`.
    Bedrock,
    /// No type here: Gemini's Interactions API has a schema of its own.
    Unsupported,
}

/// Evaluates `$body` with each `$T` naming the type `$kind`'s usage object is read with,
/// under the module `$root` (`llm_usage`, or a module of the same types written another way);
/// `$none` for the kinds without one. The one place that maps a [`Kind`] to a type.
///
/// ```ignore
/// let read = with_usage_type!(payload.kind(), llm_usage as T => read::<T>(text), else None);
/// let both = with_usage_type!(kind, llm_usage as G, plain as P => (read::<G>, read::<P>), else None);
/// ```
#[macro_export]
macro_rules! with_usage_type {
    ($kind:expr, $($root:ident as $T:ident),+ => $body:expr, else $none:expr) => {{
        use $crate::corpus::Kind;
        match $kind {
            Kind::AnthropicUsage => {
                $(type $T = $root::anthropic::Usage;)+
                $body
            }
            Kind::AnthropicMessageDelta => {
                $(type $T = $root::anthropic::MessageDeltaUsage;)+
                $body
            }
            Kind::OpenAiChat => {
                $(type $T = $root::openai::CompletionUsage;)+
                $body
            }
            Kind::OpenAiResponses => {
                $(type $T = $root::openai::responses::ResponseUsage;)+
                $body
            }
            Kind::OpenAiEmbeddings => {
                $(type $T = $root::openai::create_embedding_response::Usage;)+
                $body
            }
            Kind::OpenAiTranscription => {
                $(type $T = $root::openai::audio::transcription::Duration;)+
                $body
            }
            Kind::Google => {
                $(type $T = $root::google::GenerateContentResponseUsageMetadata;)+
                $body
            }
            Kind::Cohere => {
                $(type $T = $root::cohere::Usage;)+
                $body
            }
            Kind::CohereBilledUnits => {
                $(type $T = $root::cohere::UsageBilledUnits;)+
                $body
            }
            Kind::Mistral => {
                $(type $T = $root::mistral::UsageInfo;)+
                $body
            }
            Kind::Bedrock => {
                $(type $T = $root::bedrock::TokenUsage;)+
                $body
            }
            Kind::CohereMeta | Kind::Unsupported => $none,
        }
    }};
}

/// The payload folder beside this checkout, or `None` (with a message) where it is absent.
pub fn dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/payloads");
    if dir.join("SOURCES.md").is_file() {
        Some(dir)
    } else {
        eprintln!("skipped: {} is absent (the shared corpus is not beside this checkout)", dir.display());
        None
    }
}

/// Every payload, in `SOURCES.md`'s order; empty where the corpus is absent.
pub fn payloads() -> Vec<Payload> {
    let Some(dir) = dir() else { return Vec::new() };
    let sources = std::fs::read_to_string(dir.join("SOURCES.md")).expect("SOURCES.md reads");
    let mut out = Vec::new();
    for line in sources.lines().filter(|l| l.starts_with("| `") && l.contains(".json`")) {
        let cells: Vec<&str> = line.trim().trim_matches('|').split('|').map(str::trim).collect();
        let file = cells[0].trim_matches('`');
        let pointer = cells[4].trim_matches('`');
        let (provider, name) = file.split_once('/').expect("provider/name.json");
        let text = std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        let value: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
        let usage = match pointer {
            "n/a" => None,
            "(root)" | "" => Some(value.clone()),
            // `null` is a payload's point (usage sent as null); a pointer that finds nothing
            // is a mistake in this reader or in SOURCES.md.
            pointer => match value.pointer(pointer) {
                Some(usage) => (!usage.is_null()).then(|| usage.clone()),
                None => panic!("{file}: SOURCES.md's usage pointer `{pointer}` finds nothing"),
            },
        };
        out.push(Payload { provider: provider.to_owned(), name: name.to_owned(), value, usage });
    }
    assert_eq!(out.len(), 74, "SOURCES.md lists the 74 payloads");
    // A payload file without its row would be read by no test.
    let listed: std::collections::BTreeSet<String> = out.iter().map(|p| format!("{}/{}", p.provider, p.name)).collect();
    let unlisted: Vec<String> = json_files(&dir).into_iter().filter(|f| !listed.contains(f)).collect();
    assert!(unlisted.is_empty(), "payload files SOURCES.md does not list: {unlisted:?}");
    out
}

/// Every `provider/name.json` under the payload folder.
fn json_files(dir: &Path) -> Vec<String> {
    let mut files = Vec::new();
    for provider in std::fs::read_dir(dir).expect("the payload folder lists").flatten() {
        if !provider.path().is_dir() {
            continue;
        }
        for file in std::fs::read_dir(provider.path()).expect("a provider folder lists").flatten() {
            let name = file.file_name().to_string_lossy().into_owned();
            if name.ends_with(".json") {
                files.push(format!("{}/{name}", provider.file_name().to_string_lossy()));
            }
        }
    }
    files
}
