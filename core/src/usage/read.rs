//! Finding the usage in what a provider sent: a response body, a usage object, or a stream
//! (SSE `data:` lines, JSON lines, or a JSON array of chunks).

use std::fmt;
use std::str::FromStr;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::{Modalities, TokenUsage, Usage};
use crate::{anthropic, bedrock, cohere, google, mistral, openai, orq};

/// A provider, by the types its usage is read with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Provider {
    /// OpenAI's chat completions, Responses, embeddings and transcriptions, and every server
    /// that answers in OpenAI's shape (`llm_usage::openai`).
    OpenAi,
    /// Anthropic's Messages API (`llm_usage::anthropic`).
    Anthropic,
    /// Gemini API and Vertex AI (`llm_usage::google`).
    Google,
    /// Mistral (`llm_usage::mistral`).
    Mistral,
    /// Cohere (`llm_usage::cohere`).
    Cohere,
    /// AWS Bedrock Converse and ConverseStream (`llm_usage::bedrock`).
    Bedrock,
    /// orq.ai deployments (`llm_usage::orq`).
    Orq,
}

impl Provider {
    /// Every provider, in the order of their names in messages.
    pub const ALL: [Provider; 7] = [
        Provider::OpenAi,
        Provider::Anthropic,
        Provider::Google,
        Provider::Mistral,
        Provider::Cohere,
        Provider::Bedrock,
        Provider::Orq,
    ];

    /// `openai`, `anthropic`, `google`, `mistral`, `cohere`, `bedrock` or `orq`.
    pub fn name(self) -> &'static str {
        match self {
            Provider::OpenAi => "openai",
            Provider::Anthropic => "anthropic",
            Provider::Google => "google",
            Provider::Mistral => "mistral",
            Provider::Cohere => "cohere",
            Provider::Bedrock => "bedrock",
            Provider::Orq => "orq",
        }
    }

    const fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

impl fmt::Display for Provider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Provider {
    type Err = ReadError;

    /// A provider by its name (`openai`, …), as `llm-usage usage --provider` takes it.
    fn from_str(name: &str) -> Result<Provider, ReadError> {
        Provider::ALL
            .into_iter()
            .find(|provider| provider.name() == name)
            .ok_or_else(|| ReadError::UnknownProvider(name.to_owned()))
    }
}

/// The usage found in a response body or stream.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// The provider whose types read it.
    pub provider: Provider,
    /// The normalized counts.
    pub usage: Usage,
    /// The counts by modality, where the provider gives them.
    pub modalities: Modalities,
    /// The usage objects the figures come from, in order, each as `line N: what`
    /// (`line 2: message_start`, `line 9: message_delta`).
    pub sources: Vec<String>,
}

/// Why no usage could be read. Every message is one line.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ReadError {
    /// Nothing but white space.
    Empty,
    /// A line (or the whole document) that is not JSON.
    NotJson {
        /// 1-based line of the input.
        line: usize,
        /// What the JSON parser said, with the column.
        message: String,
    },
    /// JSON of a known shape, but no usage object in it (`"usage": null`, a chunk without
    /// usage, a `content_block_delta` event …).
    NoUsage {
        /// What was seen.
        seen: String,
    },
    /// JSON that is no provider's response, event or usage object.
    UnknownShape {
        /// What was seen.
        seen: String,
    },
    /// A usage object that more than one provider could have sent.
    Ambiguous {
        /// The providers it could be from.
        candidates: Vec<Provider>,
        /// What was seen.
        seen: String,
    },
    /// Usage objects of different providers in one input.
    Mixed {
        /// What was seen.
        seen: String,
    },
    /// The provider named does not send what was seen.
    WrongProvider {
        /// The provider asked for.
        provider: Provider,
        /// What was seen.
        seen: String,
    },
    /// A usage object that the provider's type does not read.
    Invalid {
        /// Where it is.
        at: String,
        /// The type it was read with (`anthropic::MessageDeltaUsage`).
        type_name: &'static str,
        /// What serde said.
        message: String,
    },
    /// A provider name that is not one of [`Provider::ALL`].
    UnknownProvider(String),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            ReadError::Empty => "no input: nothing but white space".to_owned(),
            ReadError::NotJson { line, message } => format!("not JSON: line {line}: {message}"),
            ReadError::NoUsage { seen } => format!("no usage object: {seen}"),
            ReadError::UnknownShape { seen } => format!("unknown shape: {seen}"),
            ReadError::Ambiguous { candidates, seen } => format!(
                "ambiguous: {seen} could be from {}; name the provider",
                candidates.iter().map(|p| p.name()).collect::<Vec<_>>().join(" or ")
            ),
            ReadError::Mixed { seen } => format!("usage of different providers: {seen}"),
            ReadError::WrongProvider { provider, seen } => format!("not {provider} usage: {seen}"),
            ReadError::Invalid { at, type_name, message } => format!("{at}: {type_name} does not read it: {message}"),
            ReadError::UnknownProvider(name) => format!(
                "unknown provider `{name}` (one of {})",
                Provider::ALL.iter().map(|p| p.name()).collect::<Vec<_>>().join(", ")
            ),
        };
        // One line, whatever a value quoted in it holds.
        f.write_str(&text.replace(['\n', '\r'], " "))
    }
}

impl std::error::Error for ReadError {}

/// Reads the usage in `text`: one response body, one usage object, or a stream — SSE (`data:`
/// lines; `event:`, `id:`, comments and `data: [DONE]` skipped), JSON lines, or a JSON array
/// of chunks (Gemini's REST stream).
///
/// Each usage object is found where the provider puts it, deserialized with the provider's
/// generated type and normalized ([`TokenUsage`]):
///
/// - Anthropic: `message_start`'s `message.usage`, then each `message_delta`'s cumulative
///   `usage` merged over it as the Anthropic SDK does (a count the delta carries replaces the
///   start's; one it leaves out or sends as `null` keeps it). Several messages in one stream
///   are added up. A `Message` body or a bare usage object is read as it is.
/// - Every other provider reports usage once or cumulatively, so the last usage object
///   counts: OpenAI's and Mistral's final chunk (`stream_options.include_usage`), the
///   Responses API's `response.completed` (its `response.usage`), Google's last chunk
///   (`usageMetadata`), Bedrock ConverseStream's `metadata` event, Cohere's `message-end`
///   (`delta.usage`) or a response's `meta`.
///
/// Without `provider`, the provider is told from the shape (where the usage is and its keys).
/// OpenAI's shape is also what Mistral, orq.ai and OpenAI-compatible servers send: it is read
/// as `openai` unless a key only Mistral sends is there (`num_cached_tokens`,
/// `prompt_audio_seconds`, …); name `mistral` or `orq` to read it with their types (the rules,
/// and so the figures, are the same). A bare `{"input_tokens", "output_tokens"}` could be
/// Anthropic's or Cohere's, and is an [`ReadError::Ambiguous`] error without `provider`.
///
/// ```
/// use llm_usage::usage::{read, Provider};
/// let stream = "event: message_start\n\
///     data: {\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":702,\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,\"output_tokens\":1}}}\n\n\
///     event: message_delta\n\
///     data: {\"type\":\"message_delta\",\"delta\":{},\"usage\":{\"input_tokens\":1591,\"output_tokens\":175}}\n\n";
/// let reading = read(stream, None)?;
/// assert_eq!(reading.provider, Provider::Anthropic);
/// // The delta's input replaces the start's; the start's cache counts stay.
/// assert_eq!((reading.usage.input.total, reading.usage.input.cache_read), (Some(1591), Some(0)));
/// assert_eq!(reading.usage.output.total, Some(175));
/// # Ok::<(), llm_usage::usage::ReadError>(())
/// ```
pub fn read(text: &str, provider: Option<Provider>) -> Result<Reading, ReadError> {
    let events = events(text)?;
    let mut found = Vec::new();
    let mut seen = Seen::default();
    for event in &events {
        locate(event, &mut found, &mut seen)?;
    }
    if found.is_empty() {
        return Err(seen.into_error());
    }
    let provider = choose(&found, provider)?;
    match provider {
        Provider::Anthropic => read_anthropic(&found),
        _ => read_last(&found, provider),
    }
}

/// One JSON value of the input and where it starts.
struct Event {
    value: Value,
    at: String,
}

/// Splits the input into JSON values.
fn events(text: &str) -> Result<Vec<Event>, ReadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(first_line) = text.lines().position(|line| !line.trim().is_empty()) else {
        return Err(ReadError::Empty);
    };
    let whole = match serde_json::from_str::<Value>(text) {
        Ok(value) => return Ok(vec![Event { value, at: format!("line {}", first_line + 1) }]),
        Err(err) => err,
    };
    let lines: Vec<&str> = text.lines().map(|line| line.strip_suffix('\r').unwrap_or(line)).collect();
    if lines.iter().any(|line| line.starts_with("data:")) {
        return sse(&lines);
    }
    // JSON lines. A first line that is not JSON is most likely a malformed document: the
    // document's error says more.
    let mut out = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(value) => out.push(Event { value, at: format!("line {}", index + 1) }),
            Err(_) if out.is_empty() => {
                return Err(ReadError::NotJson { line: whole.line().max(1), message: json_message(&whole) });
            }
            Err(err) => return Err(ReadError::NotJson { line: index + 1, message: json_message(&err) }),
        }
    }
    Ok(out)
}

/// Server-sent events: each event's `data:` lines, joined by newlines, are one JSON value.
fn sse(lines: &[&str]) -> Result<Vec<Event>, ReadError> {
    let mut out = Vec::new();
    let mut data: Option<(usize, String)> = None;
    for (index, line) in lines.iter().enumerate() {
        if line.is_empty() {
            dispatch(data.take(), &mut out)?;
        } else if let Some(rest) = line.strip_prefix("data:") {
            let rest = rest.strip_prefix(' ').unwrap_or(rest);
            match &mut data {
                Some((_, text)) => {
                    text.push('\n');
                    text.push_str(rest);
                }
                None => data = Some((index + 1, rest.to_owned())),
            }
        } else if line.starts_with(':') || is_sse_field(line) {
            // A comment, or `event:`, `id:`, `retry:`: nothing to read.
        } else {
            return Err(ReadError::NotJson {
                line: index + 1,
                message: "neither an SSE field (`data:`, `event:` …) nor a blank line".to_owned(),
            });
        }
    }
    dispatch(data, &mut out)?;
    Ok(out)
}

/// One SSE event's data (starting on `line`), unless it is `[DONE]`.
fn dispatch(data: Option<(usize, String)>, out: &mut Vec<Event>) -> Result<(), ReadError> {
    let Some((line, text)) = data else { return Ok(()) };
    if text.trim() == "[DONE]" {
        return Ok(());
    }
    match serde_json::from_str::<Value>(&text) {
        Ok(value) => {
            out.push(Event { value, at: format!("line {line}") });
            Ok(())
        }
        Err(err) => Err(ReadError::NotJson { line: line + err.line().saturating_sub(1), message: json_message(&err) }),
    }
}

fn is_sse_field(line: &str) -> bool {
    let name = line.split(':').next().unwrap_or(line);
    matches!(name, "event" | "id" | "retry")
}

/// serde_json's message without its " at line L column C", and the column.
fn json_message(err: &serde_json::Error) -> String {
    let text = err.to_string();
    let text = text.split(" at line ").next().unwrap_or(&text);
    format!("{text} (column {})", err.column())
}

/// Where in a value a usage object was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// `message_start`'s `message.usage`.
    AnthropicStart,
    /// `message_delta`'s `usage`.
    AnthropicDelta,
    /// A Responses event's (`response.completed`, …) `response.usage`, or a Response body's.
    Responses,
    /// Cohere's `message-end` `delta.usage`.
    CohereEnd,
    /// Cohere's `meta` (embed, rerank, v1 chat).
    CohereMeta,
    /// Google's `usageMetadata`.
    GoogleChunk,
    /// ConverseStream's `metadata.usage`.
    BedrockMetadata,
    /// Some other body's `usage`.
    Body,
    /// The value itself.
    Bare,
}

impl Place {
    fn describe(self) -> &'static str {
        match self {
            Place::AnthropicStart => "message_start",
            Place::AnthropicDelta => "message_delta",
            Place::Responses => "response usage",
            Place::CohereEnd => "message-end",
            Place::CohereMeta => "meta",
            Place::GoogleChunk => "usageMetadata",
            Place::BedrockMetadata => "metadata",
            Place::Body => "usage",
            Place::Bare => "usage object",
        }
    }
}

/// A usage object found, with the providers that could have sent it.
struct Found<'a> {
    place: Place,
    usage: &'a Value,
    providers: Set,
    at: String,
}

impl Found<'_> {
    fn source(&self) -> String {
        format!("{}: {}", self.at, self.place.describe())
    }
}

/// A set of providers (one bit each).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Set(u8);

impl Set {
    const ALL: Set = {
        let mut bits = 0;
        let mut i = 0;
        while i < Provider::ALL.len() {
            bits |= Provider::ALL[i].bit();
            i += 1;
        }
        Set(bits)
    };
    const OPENAI_SHAPE: Set = Set(Provider::OpenAi.bit() | Provider::Mistral.bit() | Provider::Orq.bit());

    fn of(provider: Provider) -> Set {
        Set(provider.bit())
    }

    fn contains(self, provider: Provider) -> bool {
        self.0 & provider.bit() != 0
    }

    fn and(self, other: Set) -> Set {
        Set(self.0 & other.0)
    }

    fn providers(self) -> Vec<Provider> {
        Provider::ALL.into_iter().filter(|&p| self.contains(p)).collect()
    }

    fn describe(self) -> String {
        self.providers().iter().map(|p| p.name()).collect::<Vec<_>>().join("/")
    }
}

/// What was seen that is not a usage object, for the error when nothing is found.
#[derive(Default)]
struct Seen {
    /// Known shapes without usage (`usage: null`, a content event …).
    known: Vec<String>,
    /// Values of no known shape.
    unknown: Vec<String>,
}

impl Seen {
    fn into_error(self) -> ReadError {
        if self.known.is_empty() {
            ReadError::UnknownShape { seen: summary(&self.unknown) }
        } else {
            let mut all = self.known;
            all.extend(self.unknown);
            ReadError::NoUsage { seen: summary(&all) }
        }
    }
}

fn summary(items: &[String]) -> String {
    const SHOWN: usize = 3;
    let mut text = items.iter().take(SHOWN).cloned().collect::<Vec<_>>().join("; ");
    if items.len() > SHOWN {
        text.push_str(&format!("; and {} more", items.len() - SHOWN));
    }
    text
}

/// `an object with keys a, b, c`, at most eight of them.
fn keys(object: &Map<String, Value>) -> String {
    const SHOWN: usize = 8;
    if object.is_empty() {
        return "an empty object".to_owned();
    }
    let mut text = object.keys().take(SHOWN).map(String::as_str).collect::<Vec<_>>().join(", ");
    if object.len() > SHOWN {
        text.push_str(", …");
    }
    format!("an object with keys {text}")
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Finds the usage objects in one event.
fn locate<'a>(event: &'a Event, found: &mut Vec<Found<'a>>, seen: &mut Seen) -> Result<(), ReadError> {
    match &event.value {
        // Gemini's REST stream: an array of chunks.
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                let at = format!("{}, item {}", event.at, index + 1);
                locate_in(item, at, found, seen)?;
            }
            Ok(())
        }
        value => locate_in(value, event.at.clone(), found, seen),
    }
}

fn locate_in<'a>(value: &'a Value, at: String, found: &mut Vec<Found<'a>>, seen: &mut Seen) -> Result<(), ReadError> {
    let Value::Object(object) = value else {
        seen.unknown.push(format!("{at}: {}", kind(value)));
        return Ok(());
    };
    let str_of = |key: &str| object.get(key).and_then(Value::as_str);
    let event_type = str_of("type");
    let (place, hint, usage) = match event_type {
        Some("message_start") => {
            (Place::AnthropicStart, Set::of(Provider::Anthropic), object.get("message").and_then(|m| m.get("usage")))
        }
        Some("message_delta") => (Place::AnthropicDelta, Set::of(Provider::Anthropic), object.get("usage")),
        Some(ty) if ty.starts_with("response.") && object.get("response").is_some_and(Value::is_object) => {
            (Place::Responses, Set::of(Provider::OpenAi), object.get("response").and_then(|r| r.get("usage")))
        }
        Some("message-end") => {
            (Place::CohereEnd, Set::of(Provider::Cohere), object.get("delta").and_then(|d| d.get("usage")))
        }
        _ if object.contains_key("usageMetadata") => {
            (Place::GoogleChunk, Set::of(Provider::Google), object.get("usageMetadata"))
        }
        _ if object.get("metadata").is_some_and(|m| m.get("usage").is_some()) => {
            (Place::BedrockMetadata, Set::of(Provider::Bedrock), object.get("metadata").and_then(|m| m.get("usage")))
        }
        _ if object.contains_key("usage") => {
            let hint = match (event_type, str_of("object")) {
                (Some("message"), _) => Set::of(Provider::Anthropic),
                (_, Some("response")) => Set::of(Provider::OpenAi),
                _ => Set::ALL,
            };
            let place = if hint == Set::of(Provider::OpenAi) { Place::Responses } else { Place::Body };
            (place, hint, object.get("usage"))
        }
        _ if object
            .get("meta")
            .and_then(Value::as_object)
            .is_some_and(|meta| meta.contains_key("billed_units") || meta.contains_key("tokens")) =>
        {
            (Place::CohereMeta, Set::of(Provider::Cohere), object.get("meta"))
        }
        _ => match shape(object) {
            Some(providers) => {
                found.push(Found { place: Place::Bare, usage: value, providers, at });
                return Ok(());
            }
            None => {
                // A stream event or a response without usage is a known shape.
                let bedrock_event = object.keys().find(|key| BEDROCK_EVENTS.contains(&key.as_str()));
                if let Some(ty) = event_type.or(bedrock_event.map(String::as_str)) {
                    seen.known.push(format!("{at}: a `{ty}` event without usage"));
                } else if object.contains_key("choices")
                    || object.contains_key("candidates")
                    || object.contains_key("api_version")
                {
                    seen.known.push(format!("{at}: a response without usage ({})", keys(object)));
                } else {
                    seen.unknown.push(format!("{at}: {}", keys(object)));
                }
                return Ok(());
            }
        },
    };
    let what = place.describe();
    let (usage_value, usage) = match usage {
        None => {
            seen.known.push(format!("{at}: a `{what}` without usage"));
            return Ok(());
        }
        Some(Value::Null) => {
            seen.known.push(format!("{at}: `{what}` is null"));
            return Ok(());
        }
        Some(value @ Value::Object(usage)) => (value, usage),
        Some(other) => {
            seen.unknown.push(format!("{at}: `{what}` is {}", kind(other)));
            return Ok(());
        }
    };
    let providers = match shape(usage) {
        Some(shape) => {
            let both = hint.and(shape);
            if both.0 == 0 {
                return Err(ReadError::Mixed {
                    seen: format!(
                        "{at}: a {} `{what}` holds {} that only {} sends",
                        hint.describe(),
                        keys(usage),
                        shape.describe()
                    ),
                });
            }
            both
        }
        // Keys of no shape (`{}`, or Google's `{"billablePromptUsage": …}`): the place decides,
        // where it is one provider's.
        None if hint.providers().len() == 1 => hint,
        None => {
            seen.unknown.push(format!("{at}: `{what}` is {}", keys(usage)));
            return Ok(());
        }
    };
    found.push(Found { place, usage: usage_value, providers, at });
    Ok(())
}

/// The events of a Bedrock ConverseStream other than `metadata`.
const BEDROCK_EVENTS: &[&str] =
    &["messageStart", "contentBlockStart", "contentBlockDelta", "contentBlockStop", "messageStop"];

/// Keys only Mistral sends, of all that answer in OpenAI's shape.
const MISTRAL_ONLY: &[&str] = &[
    "prompt_audio_seconds",
    "num_cached_tokens",
    "request_count",
    "prompt_token_details",
    "connector_tokens",
    "connectors",
];

/// Keys only Anthropic sends, of the usage objects with `input_tokens` / `output_tokens`.
const ANTHROPIC_ONLY: &[&str] = &[
    "cache_creation_input_tokens",
    "cache_read_input_tokens",
    "cache_creation",
    "server_tool_use",
    "service_tier",
    "inference_geo",
    "output_tokens_details",
    "iterations",
];

/// The providers whose usage object has these keys, or `None` for no known usage shape.
fn shape(usage: &Map<String, Value>) -> Option<Set> {
    let has = |key: &str| usage.contains_key(key);
    let any = |keys: &[&str]| keys.iter().any(|key| usage.contains_key(*key));
    // Bedrock first: it also sends `cacheReadInputTokenCount`, a name like Google's.
    if any(&[
        "inputTokens",
        "outputTokens",
        "totalTokens",
        "cacheReadInputTokens",
        "cacheWriteInputTokens",
        "cacheDetails",
    ]) {
        return Some(Set::of(Provider::Bedrock));
    }
    if has("trafficType")
        || usage
            .keys()
            .any(|key| key.ends_with("TokenCount") || key.ends_with("TokensDetails") || key.ends_with("TokenDetails"))
    {
        return Some(Set::of(Provider::Google));
    }
    if has("billed_units") || usage.get("tokens").is_some_and(Value::is_object) {
        return Some(Set::of(Provider::Cohere));
    }
    if matches!(usage.get("type").and_then(Value::as_str), Some("tokens" | "duration")) {
        return Some(Set::of(Provider::OpenAi));
    }
    if has("prompt_tokens") || has("completion_tokens") {
        return Some(if any(MISTRAL_ONLY) { Set::of(Provider::Mistral) } else { Set::OPENAI_SHAPE });
    }
    if has("input_tokens") || has("output_tokens") {
        return Some(if has("total_tokens") {
            // The Responses API's usage (OpenAI's, and xAI's).
            Set::of(Provider::OpenAi)
        } else if any(ANTHROPIC_ONLY) {
            Set::of(Provider::Anthropic)
        } else if any(&["search_units", "classifications", "image_tokens"]) {
            Set::of(Provider::Cohere)
        } else {
            // Anthropic's counts, or Cohere's billed units or tokens.
            Set(Provider::Anthropic.bit() | Provider::Cohere.bit())
        });
    }
    if any(&["search_units", "classifications"]) {
        return Some(Set::of(Provider::Cohere));
    }
    if any(MISTRAL_ONLY) {
        return Some(Set::of(Provider::Mistral));
    }
    None
}

/// The provider every usage object found could be from.
fn choose(found: &[Found<'_>], asked: Option<Provider>) -> Result<Provider, ReadError> {
    let mut set = Set::ALL;
    let mut first: Option<&Found<'_>> = None;
    for item in found {
        let both = set.and(item.providers);
        if both.0 == 0 {
            let first = first.expect("a set narrower than all comes from an earlier usage object");
            return Err(ReadError::Mixed {
                seen: format!(
                    "{} is {} usage, {} is {} usage",
                    first.source(),
                    first.providers.describe(),
                    item.source(),
                    item.providers.describe()
                ),
            });
        }
        set = both;
        first.get_or_insert(item);
    }
    let last = found.last().expect("found is not empty");
    let seen = || match last.usage {
        Value::Object(object) => format!("{} ({})", last.source(), keys(object)),
        _ => last.source(),
    };
    match asked {
        Some(provider) if set.contains(provider) => Ok(provider),
        Some(provider) => {
            Err(ReadError::WrongProvider { provider, seen: format!("{} is {} usage", seen(), set.describe()) })
        }
        None => {
            let candidates = set.providers();
            match candidates.as_slice() {
                [one] => Ok(*one),
                _ if set.and(Set::OPENAI_SHAPE) == set && set.contains(Provider::OpenAi) => Ok(Provider::OpenAi),
                _ => Err(ReadError::Ambiguous { candidates, seen: seen() }),
            }
        }
    }
}

/// Deserializes a usage object with a generated type.
fn typed<T: DeserializeOwned>(found: &Found<'_>, type_name: &'static str) -> Result<T, ReadError> {
    T::deserialize(found.usage).map_err(|err| ReadError::Invalid {
        at: found.source(),
        type_name,
        message: err.to_string(),
    })
}

/// A usage object read with one of the provider's types.
fn normalize(found: &Found<'_>, provider: Provider) -> Result<(Usage, Modalities), ReadError> {
    fn both<T: TokenUsage>(value: T) -> (Usage, Modalities) {
        (value.usage(), value.modalities())
    }
    let object = found.usage.as_object().expect("usage objects are objects");
    let has = |key: &str| object.contains_key(key);
    Ok(match provider {
        Provider::Anthropic if found.place == Place::AnthropicDelta => {
            both(typed::<anthropic::MessageDeltaUsage>(found, "anthropic::MessageDeltaUsage")?)
        }
        Provider::Anthropic => both(typed::<anthropic::Usage>(found, "anthropic::Usage")?),
        Provider::OpenAi => match object.get("type").and_then(Value::as_str) {
            Some("tokens") => {
                both(typed::<openai::audio::transcription::Tokens>(found, "openai::audio::transcription::Tokens")?)
            }
            Some("duration") => {
                both(typed::<openai::audio::transcription::Duration>(found, "openai::audio::transcription::Duration")?)
            }
            _ if found.place == Place::Responses || has("input_tokens") => {
                both(typed::<openai::responses::ResponseUsage>(found, "openai::responses::ResponseUsage")?)
            }
            _ if has("prompt_tokens") && !has("completion_tokens") => {
                both(typed::<openai::create_embedding_response::Usage>(
                    found,
                    "openai::create_embedding_response::Usage",
                )?)
            }
            _ => both(typed::<openai::CompletionUsage>(found, "openai::CompletionUsage")?),
        },
        Provider::Google if has("responseTokenCount") || has("responseTokensDetails") => {
            both(typed::<google::UsageMetadata>(found, "google::UsageMetadata")?)
        }
        Provider::Google => both(typed::<google::GenerateContentResponseUsageMetadata>(
            found,
            "google::GenerateContentResponseUsageMetadata",
        )?),
        Provider::Mistral if has("connector_tokens") || has("connectors") => {
            both(typed::<mistral::ConversationUsageInfo>(found, "mistral::ConversationUsageInfo")?)
        }
        Provider::Mistral => both(typed::<mistral::UsageInfo>(found, "mistral::UsageInfo")?),
        Provider::Cohere if has("billed_units") || has("tokens") || has("cached_tokens") => {
            both(typed::<cohere::Usage>(found, "cohere::Usage")?)
        }
        Provider::Cohere => both(typed::<cohere::UsageBilledUnits>(found, "cohere::UsageBilledUnits")?),
        Provider::Bedrock => both(typed::<bedrock::TokenUsage>(found, "bedrock::TokenUsage")?),
        Provider::Orq => both(typed::<orq::DeploymentInvokeUsage>(found, "orq::DeploymentInvokeUsage")?),
    })
}

/// Every usage object is read (so that each is checked against its type); the last counts.
fn read_last(found: &[Found<'_>], provider: Provider) -> Result<Reading, ReadError> {
    let mut last = None;
    for item in found {
        last = Some((normalize(item, provider)?, item.source()));
    }
    let ((usage, modalities), source) = last.expect("found is not empty");
    Ok(Reading { provider, usage, modalities, sources: vec![source] })
}

/// One Anthropic message being read: its `message_start` usage with the deltas merged in, or
/// a delta without a start (its counts are cumulative: the latest is the message's usage).
enum Message {
    Started(anthropic::Usage),
    Delta(anthropic::MessageDeltaUsage),
}

impl Message {
    fn usage(&self) -> Usage {
        match self {
            Message::Started(usage) => usage.usage(),
            Message::Delta(delta) => delta.usage(),
        }
    }
}

/// What the Anthropic SDK does with a `message_delta`: the counts it carries replace the
/// start's; those it leaves out, or sends as `null`, stay.
fn merge(start: &mut anthropic::Usage, delta: anthropic::MessageDeltaUsage) {
    start.output_tokens = delta.output_tokens;
    if let Some(input) = delta.input_tokens {
        start.input_tokens = input;
    }
    if delta.cache_creation_input_tokens.is_value() {
        start.cache_creation_input_tokens = delta.cache_creation_input_tokens;
    }
    if delta.cache_read_input_tokens.is_value() {
        start.cache_read_input_tokens = delta.cache_read_input_tokens;
    }
    if delta.output_tokens_details.is_value() {
        start.output_tokens_details = delta.output_tokens_details;
    }
    if delta.server_tool_use.is_value() {
        start.server_tool_use = delta.server_tool_use;
    }
    // `iterations` and whatever else the SDK type does not list, `null` again staying out.
    start.unknown_fields.extend(delta.unknown_fields.into_iter().filter(|(_, raw)| raw.get() != "null"));
}

fn read_anthropic(found: &[Found<'_>]) -> Result<Reading, ReadError> {
    let mut messages: Vec<Message> = Vec::new();
    let mut open = false;
    for item in found {
        match item.place {
            Place::AnthropicStart => {
                messages.push(Message::Started(typed(item, "anthropic::Usage")?));
                open = true;
            }
            Place::AnthropicDelta => {
                let delta: anthropic::MessageDeltaUsage = typed(item, "anthropic::MessageDeltaUsage")?;
                match messages.last_mut() {
                    Some(Message::Started(start)) if open => merge(start, delta),
                    Some(last @ Message::Delta(_)) if open => *last = Message::Delta(delta),
                    _ => {
                        messages.push(Message::Delta(delta));
                        open = true;
                    }
                }
            }
            _ => {
                messages.push(Message::Started(typed(item, "anthropic::Usage")?));
                open = false;
            }
        }
    }
    let usage = messages.iter().map(Message::usage).sum();
    Ok(Reading {
        provider: Provider::Anthropic,
        usage,
        modalities: Modalities::UNKNOWN,
        sources: found.iter().map(Found::source).collect(),
    })
}
