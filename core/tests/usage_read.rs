//! `llm_usage::usage::read`, the library behind `llm-usage usage`: the stream formats, how
//! each provider's usage objects in a stream make one figure, telling the provider from the
//! shape, and the errors (each one line).

use llm_usage::usage::{read, Provider, ReadError};
use llm_usage::{InputTokens, OutputTokens};

fn figures(text: &str, provider: Option<Provider>) -> (InputTokens, OutputTokens) {
    let reading = read(text, provider).unwrap_or_else(|e| panic!("{e}"));
    (reading.usage.input, reading.usage.output)
}

fn input(total: Option<u64>, no_cache: Option<u64>, cache_read: Option<u64>, cache_write: Option<u64>) -> InputTokens {
    InputTokens { total, no_cache, cache_read, cache_write }
}

const START: &str = r#"{"type":"message_start","message":{"usage":{"input_tokens":3369,"cache_creation_input_tokens":10,"cache_read_input_tokens":20,"output_tokens":5}}}"#;

/// `iterations` (outside the SDK's types) follow the same rule: a delta's `null` keeps the start's.
#[test]
fn anthropic_delta_null_iterations_keep_the_starts() {
    let start = r#"{"type":"message_start","message":{"usage":{"input_tokens":682,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":1,"iterations":[{"input_tokens":60385,"output_tokens":592,"cache_read_input_tokens":0,"cache_creation_input_tokens":0,"type":"compaction"},{"input_tokens":682,"output_tokens":1320,"cache_read_input_tokens":0,"cache_creation_input_tokens":0,"type":"message"}]}}}"#;
    let delta = r#"{"type":"message_delta","usage":{"input_tokens":null,"output_tokens":1320,"iterations":null}}"#;
    let (input_side, output_side) = figures(&format!("{start}\n{delta}\n"), None);
    assert_eq!(input_side.total, Some(61067));
    assert_eq!(output_side.total, Some(1912));
}

#[test]
fn anthropic_deltas_replace_what_they_carry_and_keep_the_rest() {
    // The delta sends no cache counts (an older API) and `null` input: the start's stay.
    let delta = r#"{"type":"message_delta","delta":{},"usage":{"input_tokens":null,"output_tokens":197}}"#;
    let (input_side, output_side) = figures(&format!("{START}\n{delta}\n"), None);
    assert_eq!(input_side, input(Some(3399), Some(3369), Some(20), Some(10)));
    assert_eq!(output_side.total, Some(197));
    // Later deltas are cumulative: the last one wins, not a sum.
    let first = r#"{"type":"message_delta","usage":{"input_tokens":4000,"output_tokens":100}}"#;
    let last = r#"{"type":"message_delta","usage":{"input_tokens":4551,"cache_read_input_tokens":0,"output_tokens":197,"output_tokens_details":{"thinking_tokens":50}}}"#;
    let (input_side, output_side) = figures(&format!("{START}\n{first}\n{last}\n"), None);
    assert_eq!(input_side, input(Some(4561), Some(4551), Some(0), Some(10)));
    assert_eq!(output_side, OutputTokens { total: Some(197), text: Some(147), reasoning: Some(50) });
}

#[test]
fn anthropic_messages_of_one_stream_add_up() {
    let delta = r#"{"type":"message_delta","usage":{"input_tokens":3369,"cache_creation_input_tokens":10,"cache_read_input_tokens":20,"output_tokens":50}}"#;
    let second = r#"{"type":"message_start","message":{"usage":{"input_tokens":0,"output_tokens":0,"server_tool_use":{"web_search_requests":0}}}}"#;
    let second_delta = r#"{"type":"message_delta","usage":{"input_tokens":4551,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":197}}"#;
    let reading = read(&[START, delta, second, second_delta].join("\n"), None).unwrap();
    assert_eq!(reading.usage.input, input(Some(3399 + 4551), Some(3369 + 4551), Some(20), Some(10)));
    assert_eq!(reading.usage.output.total, Some(247));
    assert_eq!(
        reading.sources,
        ["line 1: message_start", "line 2: message_delta", "line 3: message_start", "line 4: message_delta"]
    );
}

#[test]
fn anthropic_message_body_and_lone_delta() {
    let body = r#"{"id":"msg_1","type":"message","role":"assistant","content":[],"usage":{"input_tokens":51,"output_tokens":1699}}"#;
    let reading = read(body, None).unwrap();
    assert_eq!(reading.provider, Provider::Anthropic);
    assert_eq!(reading.usage.input.no_cache, Some(51));
    // A delta without its start is read alone.
    let delta = r#"data: {"type":"message_delta","usage":{"input_tokens":1007,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":59}}"#;
    assert_eq!(figures(delta, None).0, input(Some(1007), Some(1007), Some(0), Some(0)));
}

#[test]
fn sse_details() {
    // CRLF line ends, a comment, an `id:` field, data split over two lines, and `[DONE]`.
    let text = ": keep-alive\r\nid: 1\r\ndata: {\"object\":\"chat.completion.chunk\",\r\ndata: \"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}}\r\n\r\ndata: [DONE]\r\n";
    let reading = read(text, None).unwrap();
    assert_eq!(reading.provider, Provider::OpenAi);
    assert_eq!(reading.usage.input.total, Some(5));
    assert_eq!(reading.sources, ["line 3: usage"]);
}

#[test]
fn a_json_array_of_gemini_chunks() {
    let text = r#"[
      {"candidates": [], "usageMetadata": {"trafficType": "ON_DEMAND"}},
      {"candidates": [], "usageMetadata": {"promptTokenCount": 5, "candidatesTokenCount": 1, "thoughtsTokenCount": 51, "totalTokenCount": 57}}
    ]"#;
    let reading = read(text, None).unwrap();
    assert_eq!(reading.provider, Provider::Google);
    assert_eq!(reading.usage.output, OutputTokens { total: Some(52), text: Some(1), reasoning: Some(51) });
    assert_eq!(reading.sources, ["line 1, item 2: usageMetadata"]);
}

#[test]
fn the_last_usage_of_a_stream_counts() {
    // Some OpenAI-compatible servers send cumulative usage in every chunk.
    let text = [
        r#"{"object":"chat.completion.chunk","choices":[],"usage":{"prompt_tokens":5,"completion_tokens":1,"total_tokens":6}}"#,
        r#"{"object":"chat.completion.chunk","choices":[],"usage":{"prompt_tokens":5,"completion_tokens":9,"total_tokens":14}}"#,
    ]
    .join("\n");
    assert_eq!(figures(&text, None).1.total, Some(9));
}

#[test]
fn responses_bodies_and_events() {
    let body = r#"{"id":"resp_1","object":"response","usage":{"input_tokens":230,"input_tokens_details":{"cache_write_tokens":0,"cached_tokens":0},"output_tokens":22,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":252}}"#;
    assert_eq!(figures(body, None).0, input(Some(230), Some(230), Some(0), Some(0)));
    let failed = r#"{"type":"response.incomplete","response":{"usage":{"input_tokens":10,"input_tokens_details":{"cached_tokens":4},"output_tokens":3,"output_tokens_details":{"reasoning_tokens":3},"total_tokens":13}}}"#;
    assert_eq!(figures(failed, None).0, input(Some(10), Some(6), Some(4), None));
}

#[test]
fn other_bodies() {
    let cohere_v1 = r#"{"text": "hi", "meta": {"api_version": {"version": "1"}, "billed_units": {"input_tokens": 5, "output_tokens": 2}, "tokens": {"input_tokens": 70, "output_tokens": 2}}}"#;
    let reading = read(cohere_v1, None).unwrap();
    assert_eq!((reading.provider, reading.usage.input.total), (Provider::Cohere, Some(70)));
    let converse = r#"{"output": {"message": {}}, "stopReason": "end_turn", "usage": {"inputTokens": 25, "outputTokens": 4, "totalTokens": 29}, "metrics": {"latencyMs": 1}}"#;
    let reading = read(converse, None).unwrap();
    assert_eq!((reading.provider, reading.usage.input.total), (Provider::Bedrock, Some(25)));
    let embeddings = r#"{"object": "list", "data": [], "model": "text-embedding-3-small", "usage": {"prompt_tokens": 2, "total_tokens": 2}}"#;
    assert_eq!(figures(embeddings, None).0, input(Some(2), None, None, None));
    let transcription = r#"{"text": "hi", "usage": {"type": "tokens", "input_tokens": 14, "output_tokens": 45, "total_tokens": 59, "input_token_details": {"audio_tokens": 14}}}"#;
    let reading = read(transcription, None).unwrap();
    assert_eq!((reading.usage.output.total, reading.modalities.input.audio), (Some(45), Some(14)));
    let conversation =
        r#"{"usage": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 170, "connector_tokens": 50}}"#;
    let reading = read(conversation, None).unwrap();
    assert_eq!((reading.provider, reading.usage.input.total), (Provider::Mistral, Some(150)));
}

#[test]
fn openai_shaped_usage_reads_with_any_of_the_three_types() {
    let text = r#"{"usage": {"prompt_tokens": 20, "completion_tokens": 118, "total_tokens": 138, "prompt_tokens_details": {"cached_tokens": 0}, "completion_tokens_details": {"reasoning_tokens": 108}}}"#;
    let openai = read(text, None).unwrap();
    assert_eq!(openai.provider, Provider::OpenAi);
    for provider in [Provider::Mistral, Provider::Orq] {
        let other = read(text, Some(provider)).unwrap();
        assert_eq!((other.provider, other.usage), (provider, openai.usage));
    }
}

#[test]
fn errors() {
    assert_eq!(read(" \n\t", None), Err(ReadError::Empty));
    assert!(matches!(read("{\"a\":", None), Err(ReadError::NotJson { line: 1, .. })));
    assert!(matches!(read("{\"a\":1}\n{\"b\":\n", None), Err(ReadError::NotJson { line: 2, .. })));
    assert!(matches!(read("{\n  \"a\": 1,\n  oops\n}", None), Err(ReadError::NotJson { line: 3, .. })));
    assert!(matches!(read("hello", None), Err(ReadError::NotJson { line: 1, .. })));
    assert!(matches!(read("data: {}\nnonsense\n", None), Err(ReadError::NotJson { line: 2, .. })));
    assert!(matches!(read("[1, 2]", None), Err(ReadError::UnknownShape { .. })));
    assert!(matches!(read(r#"{"choices": [], "usage": null}"#, None), Err(ReadError::NoUsage { .. })));
    assert!(matches!(read(r#"{"type": "message_start", "message": {}}"#, None), Err(ReadError::NoUsage { .. })));
    assert!(matches!(read(r#"{"usage": 5}"#, None), Err(ReadError::UnknownShape { .. })));
    assert!(matches!(read(r#"{"usage": {"foo": 1}}"#, None), Err(ReadError::UnknownShape { .. })));
    // A place of one provider holding another's keys.
    assert!(matches!(read(r#"{"usageMetadata": {"prompt_tokens": 1}}"#, None), Err(ReadError::Mixed { .. })));
    let mixed = format!("{START}\n{}", r#"{"usage": {"inputTokens": 1, "outputTokens": 1, "totalTokens": 2}}"#);
    let err = read(&mixed, None).unwrap_err();
    assert!(matches!(err, ReadError::Mixed { .. }), "{err}");
    assert!(
        err.to_string().contains("line 1: message_start is anthropic usage, line 2: usage is bedrock usage"),
        "{err}"
    );
    let ambiguous = read(r#"{"input_tokens": 1, "output_tokens": 2}"#, None).unwrap_err();
    assert!(
        matches!(ambiguous, ReadError::Ambiguous { ref candidates, .. } if *candidates == [Provider::Anthropic, Provider::Cohere]),
        "{ambiguous}"
    );
    // A library error: how to name the provider is the caller's to say (the CLI's is a flag).
    assert!(ambiguous.to_string().ends_with("could be from anthropic or cohere; name the provider"), "{ambiguous}");
    assert!(matches!(
        read(START, Some(Provider::Bedrock)),
        Err(ReadError::WrongProvider { provider: Provider::Bedrock, .. })
    ));
    let invalid = read(r#"{"type":"message_delta","usage":{"input_tokens":5}}"#, None).unwrap_err();
    assert!(matches!(invalid, ReadError::Invalid { type_name: "anthropic::MessageDeltaUsage", .. }), "{invalid}");
    assert_eq!("nope".parse::<Provider>(), Err(ReadError::UnknownProvider("nope".into())));
}

#[test]
fn every_error_is_one_line() {
    let inputs = ["", "{\n\"a\":\n", "hello", "[1]", "{\"usage\": null}", "{\"input_tokens\":1,\"output_tokens\":1}"];
    for text in inputs {
        let err = read(text, None).unwrap_err().to_string();
        assert!(!err.contains('\n') && !err.is_empty(), "{err:?}");
    }
    let err = ReadError::Invalid { at: "line 1".into(), type_name: "x", message: "a\nb".into() }.to_string();
    assert!(!err.contains('\n'), "{err:?}");
}

#[test]
fn provider_names() {
    for provider in Provider::ALL {
        assert_eq!(provider.name().parse::<Provider>(), Ok(provider));
        assert_eq!(provider.to_string(), provider.name());
    }
}
