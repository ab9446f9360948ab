//! `llm-usage usage`, run as a user runs it: a stream per provider (the fixtures of
//! `tests/usage/`, assembled from the payload corpus; see the README there), standard input,
//! the table, and bad input — one line on stderr and exit code 2, never a panic.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn llm_usage(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_llm-usage")).args(args).output().expect("the binary runs")
}

fn llm_usage_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_llm-usage"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/usage").join(name)
}

/// `--json` of a fixture: exit 0, nothing on stderr, one line of JSON.
fn json(args: &[&str], name: &str) -> String {
    let path = fixture(name);
    let mut all = vec!["usage", "--json"];
    all.extend_from_slice(args);
    all.push(path.to_str().unwrap());
    let output = llm_usage(&all);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{name}: {stderr}");
    assert!(stderr.is_empty(), "{name}: {stderr}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    stdout.trim_end().to_owned()
}

/// Exit code 2, exactly one line on stderr (returned), nothing on stdout.
fn bad(output: &Output) -> String {
    let stderr = String::from_utf8(output.stderr.clone()).unwrap();
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(output.stdout.is_empty(), "{}", String::from_utf8_lossy(&output.stdout));
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("error: "), "{stderr}");
    stderr
}

#[test]
fn anthropic_message_start_then_message_delta() {
    // Start: 702 in, cache 0 + 0, 1 out. The cumulative delta: 1,591 in, cache 0 + 0, 175 out.
    assert_eq!(
        json(&[], "anthropic.sse"),
        r#"{"input":{"total":1591,"no_cache":1591,"cache_read":0,"cache_write":0},"output":{"total":175,"text":null,"reasoning":null}}"#
    );
}

#[test]
fn openai_final_chunk() {
    // 16 prompt (0 cached, no cache_write_tokens), 300 completion (0 reasoning).
    let want = r#"{"input":{"total":16,"no_cache":16,"cache_read":0,"cache_write":null},"output":{"total":300,"text":300,"reasoning":0}}"#;
    assert_eq!(json(&[], "openai_chat.sse"), want);
    assert_eq!(json(&["--provider", "openai"], "openai_chat.sse"), want);
}

#[test]
fn orq_reads_openais_shape_with_its_own_type() {
    let want = r#"{"input":{"total":16,"no_cache":16,"cache_read":0,"cache_write":null},"output":{"total":300,"text":300,"reasoning":0}}"#;
    assert_eq!(json(&["--provider", "orq"], "openai_chat.sse"), want);
}

#[test]
fn openai_responses_completed() {
    assert_eq!(
        json(&[], "openai_responses.sse"),
        r#"{"input":{"total":134,"no_cache":134,"cache_read":0,"cache_write":null},"output":{"total":28,"text":28,"reasoning":0}}"#
    );
}

#[test]
fn google_last_chunk() {
    // The last chunk: 249 prompt + 58 candidates + 183 thoughts = 490 total, so no cache.
    assert_eq!(
        json(&[], "google.sse"),
        r#"{"input":{"total":249,"no_cache":249,"cache_read":0,"cache_write":null},"output":{"total":241,"text":58,"reasoning":183}}"#
    );
}

#[test]
fn bedrock_converse_stream_metadata() {
    assert_eq!(
        json(&[], "bedrock.jsonl"),
        r#"{"input":{"total":51,"no_cache":51,"cache_read":0,"cache_write":0},"output":{"total":94,"text":null,"reasoning":null}}"#
    );
}

#[test]
fn cohere_message_end() {
    // tokens 507 in (448 cached) / 10 out; billed units 12 / 7 are not the counts.
    assert_eq!(
        json(&[], "cohere.sse"),
        r#"{"input":{"total":507,"no_cache":59,"cache_read":448,"cache_write":null},"output":{"total":10,"text":null,"reasoning":null}}"#
    );
}

#[test]
fn mistral_final_chunk_named_or_detected() {
    let want = r#"{"input":{"total":10,"no_cache":null,"cache_read":null,"cache_write":null},"output":{"total":46,"text":null,"reasoning":null}}"#;
    assert_eq!(json(&["--provider", "mistral"], "mistral.sse"), want);
    // Without --provider OpenAI's shape reads as openai, to the same figures.
    assert_eq!(json(&[], "mistral.sse"), want);
}

#[test]
fn the_table() {
    let path = fixture("google.sse");
    let output = llm_usage(&["usage", path.to_str().unwrap()]);
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    let rows: Vec<Vec<&str>> =
        stdout.lines().map(|line| line.split("  ").map(str::trim).filter(|c| !c.is_empty()).collect()).collect();
    let row =
        |name: &str| rows.iter().find(|row| row[0] == name).unwrap_or_else(|| panic!("{name}: {stdout}"))[1..].to_vec();
    assert_eq!(row("provider"), ["google"]);
    assert_eq!(row("read from"), ["line 5: usageMetadata"]);
    assert_eq!(row("input total"), ["249"]);
    assert_eq!(row("input cache_write"), ["-"]);
    assert_eq!(row("output total"), ["241"]);
    assert_eq!(row("output reasoning"), ["183"]);
    assert_eq!(row("output text (modality)"), ["58"]);
    assert!(stdout.ends_with("(- : the provider did not say)\n"), "{stdout}");
}

#[test]
fn standard_input_with_or_without_dash() {
    let body = std::fs::read(fixture("anthropic.sse")).unwrap();
    let want = r#"{"input":{"total":1591,"no_cache":1591,"cache_read":0,"cache_write":0},"output":{"total":175,"text":null,"reasoning":null}}"#;
    for args in [&["usage", "--json", "-"][..], &["usage", "--json"][..]] {
        let output = llm_usage_stdin(args, &body);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        assert_eq!(String::from_utf8(output.stdout).unwrap().trim_end(), want);
    }
}

#[test]
fn not_json() {
    let stderr = bad(&llm_usage_stdin(&["usage"], b"hello, world\n"));
    assert!(stderr.contains("not JSON: line 1"), "{stderr}");
    // A broken line in the middle of a JSON-lines stream is named.
    let stderr = bad(&llm_usage_stdin(&["usage"], b"{\"messageStart\":{}}\n{\"metadata\":\n"));
    assert!(stderr.contains("not JSON: line 2"), "{stderr}");
    let stderr = bad(&llm_usage_stdin(&["usage"], b"data: {\"a\": 1}\n\ndata: {oops}\n\n"));
    assert!(stderr.contains("not JSON: line 3"), "{stderr}");
    let stderr = bad(&llm_usage_stdin(&["usage"], b"\xff\xfe"));
    assert!(stderr.contains("not UTF-8"), "{stderr}");
    let stderr = bad(&llm_usage_stdin(&["usage"], b"  \n"));
    assert!(stderr.contains("no input"), "{stderr}");
}

#[test]
fn no_usage_object() {
    // An OpenAI stream cut before its final chunk: `"usage": null` only.
    let body = std::fs::read_to_string(fixture("openai_chat.sse")).unwrap();
    let first = body.split("\n\n").next().unwrap();
    let stderr = bad(&llm_usage_stdin(&["usage"], first.as_bytes()));
    assert!(stderr.contains("no usage object") && stderr.contains("`usage` is null"), "{stderr}");
    // An Anthropic stream without message_start and message_delta.
    let stderr = bad(&llm_usage_stdin(&["usage"], b"event: ping\ndata: {\"type\":\"ping\"}\n\n"));
    assert!(stderr.contains("no usage object") && stderr.contains("`ping` event"), "{stderr}");
}

#[test]
fn unknown_or_ambiguous_shape() {
    let stderr = bad(&llm_usage_stdin(&["usage"], br#"{"tokens_used": 5}"#));
    assert!(stderr.contains("unknown shape") && stderr.contains("tokens_used"), "{stderr}");
    let stderr = bad(&llm_usage_stdin(&["usage"], br#"{"input_tokens": 61, "output_tokens": 2}"#));
    assert!(
        stderr.contains("ambiguous") && stderr.contains("anthropic or cohere") && stderr.contains("--provider"),
        "{stderr}"
    );
    let ok = llm_usage_stdin(
        &["usage", "--json", "--provider", "anthropic"],
        br#"{"input_tokens": 61, "output_tokens": 2}"#,
    );
    assert!(ok.status.success());
}

#[test]
fn unknown_provider() {
    let path = fixture("anthropic.sse");
    let stderr = bad(&llm_usage(&["usage", "--provider", "acme", path.to_str().unwrap()]));
    assert!(stderr.contains("unknown provider `acme`") && stderr.contains("openai, anthropic"), "{stderr}");
}

#[test]
fn a_provider_that_does_not_send_it() {
    let path = fixture("anthropic.sse");
    let stderr = bad(&llm_usage(&["usage", "--provider", "google", path.to_str().unwrap()]));
    assert!(stderr.contains("not google usage: ") && stderr.contains("is anthropic usage"), "{stderr}");
}

#[test]
fn a_usage_object_its_type_does_not_read() {
    let stderr = bad(&llm_usage_stdin(&["usage"], br#"{"object": "chat.completion", "usage": {"prompt_tokens": "many", "completion_tokens": 1, "total_tokens": 2}}"#));
    assert!(stderr.contains("line 1: usage: openai::CompletionUsage does not read it: invalid type"), "{stderr}");
}

#[test]
fn a_missing_file() {
    let stderr = bad(&llm_usage(&["usage", "/nonexistent/llm-usage/body.json"]));
    assert!(stderr.contains("cannot read /nonexistent/llm-usage/body.json"), "{stderr}");
}
