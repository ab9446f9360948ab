//! `llm-usage fit` over the real recorded payloads of `../shared/corpus/payloads` against the
//! vendors' own SDK files of `../shared/corpus/vendors`: the report per vendor and type
//! (snapshots), the overrides the payloads call for, and `--write` making a second run fit
//! with an `llm-usage.toml` that loads without a diagnostic. Skipped, with a message, where the
//! corpus is absent.
//!
//! Each vendor folder is copied into a temp folder (`--write` must not write into the corpus),
//! and each payload's usage object (the "usage ptr" column of `SOURCES.md`) is extracted into
//! `payloads/<type>/<provider>/<file>`; a file without a usage object (`n/a`, or `usage: null`)
//! is skipped. Which type each payload is a value of is [`payload_type`].

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use llm_usage_codegen::{load, Input};

fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    if dir.join("payloads/SOURCES.md").is_file() && dir.join("vendors").is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: {} is absent (the shared corpus is not beside this checkout)", dir.display());
        None
    }
}

/// The type a payload's usage object is a value of: `(vendor folder, type slug, root)`, or
/// `None` for payloads of another API.
fn payload_type(file: &str) -> Option<(&'static str, &'static str, &'static str)> {
    const OPENAI: &str = "openai-node";
    let (provider, name) = file.split_once('/')?;
    Some(match provider {
        "anthropic" if name.starts_with("message_delta_") => {
            ("anthropic-sdk-typescript", "MessageDeltaUsage", "src::resources::messages::MessageDeltaUsage")
        }
        "anthropic" => ("anthropic-sdk-typescript", "Usage", "src::resources::messages::Usage"),
        // xAI's Responses API sends the Responses usage shape.
        "openai" | "openai-compatible" if name.starts_with("responses_") || name.starts_with("xai_responses_") => {
            (OPENAI, "ResponseUsage", "src::resources::responses::ResponseUsage")
        }
        "openai" if name.starts_with("embeddings_") => {
            (OPENAI, "EmbeddingUsage", "src::resources::CreateEmbeddingResponse::Usage")
        }
        "openai" if name.starts_with("transcription_") => {
            (OPENAI, "TranscriptionDuration", "src::resources::audio::Transcription::Duration")
        }
        "openai" | "openai-compatible" => (OPENAI, "CompletionUsage", "src::resources::CompletionUsage"),
        // The Interactions API has its own snake_case usage shape.
        "google" if name.starts_with("interactions_api_") => return None,
        "google" => ("js-genai", "GenerateContentResponseUsageMetadata", "src::GenerateContentResponseUsageMetadata"),
        // The `meta` of embed and rerank responses: its `billed_units` (the usage ptr). The
        // tokenize `meta` has no `billed_units`: no usage object.
        "cohere" if name.starts_with("tokenize_meta_") => return None,
        "cohere" if name.contains("_meta_") => {
            ("cohere-typescript", "UsageBilledUnits", "src::serialization::types::UsageBilledUnits::Raw")
        }
        "cohere" => ("cohere-typescript", "Usage", "src::serialization::types::Usage::Raw"),
        // Chat and transcription usage alike (`prompt_audio_seconds` is a `UsageInfo` field).
        "mistral" => ("mistral-client-python", "UsageInfo", "docs::models::UsageInfo"),
        // No Bedrock SDK file in the corpus.
        _ => return None,
    })
}

/// `(file, usage ptr)` of every row of `SOURCES.md`; `(root)` is `""`.
fn sources(corpus: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(corpus.join("payloads/SOURCES.md")).unwrap();
    text.lines()
        .filter(|line| line.starts_with("| `"))
        .map(|line| {
            let cells: Vec<&str> = line.trim().trim_matches('|').split('|').map(str::trim).collect();
            let file = cells[0].trim_matches('`').to_owned();
            let ptr = cells[4].trim_matches('`');
            (file, if ptr == "(root)" { String::new() } else { ptr.to_owned() })
        })
        .collect()
}

/// A folder under the system's temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("llm-usage-fit-vendors-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            copy_dir(&path, &to.join(entry.file_name()));
        } else {
            std::fs::copy(&path, to.join(entry.file_name())).unwrap();
        }
    }
}

fn llm_usage(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_llm-usage")).current_dir(dir).args(args).output().expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// One vendor: its schema copied to `schema/`, its payloads extracted by type, then `fit` per
/// type (report snapshotted), `--write` per type, and a second `fit` per type that must fit.
/// Returns the reports and the written `llm-usage.toml`.
fn fit_vendor(vendor: &str) -> Option<(Vec<(String, String)>, String)> {
    let corpus = corpus()?;
    let tmp = TempDir::new(vendor);
    copy_dir(&corpus.join("vendors").join(vendor), &tmp.0.join("schema"));
    let mut roots: Vec<(&str, &str)> = Vec::new();
    for (file, ptr) in sources(&corpus) {
        let Some((folder, slug, root)) = payload_type(&file) else { continue };
        if folder != vendor || ptr == "n/a" {
            continue;
        }
        let text = std::fs::read_to_string(corpus.join("payloads").join(&file)).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let Some(usage) = value.pointer(&ptr).filter(|u| !u.is_null()) else { continue };
        let dest = tmp.0.join("payloads").join(slug).join(&file);
        std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
        std::fs::write(&dest, serde_json::to_string_pretty(usage).unwrap()).unwrap();
        if !roots.contains(&(slug, root)) {
            roots.push((slug, root));
        }
    }
    roots.sort();
    assert!(!roots.is_empty(), "no payloads for {vendor}");

    let mut reports = Vec::new();
    for (slug, root) in &roots {
        let payloads = format!("payloads/{slug}");
        let args = ["fit", "schema", "--root", root, "--payloads", &payloads];
        let first = llm_usage(&tmp.0, &args);
        let report = stdout(&first);
        insta::assert_snapshot!(format!("{vendor}__{slug}"), report);
        let needs = report.contains("\n# llm-usage.toml: the smallest set of overrides");
        assert_eq!(first.status.code(), Some(if needs { 1 } else { 0 }), "{report}");
        let written = llm_usage(&tmp.0, &[&args[..], &["--write"]].concat());
        assert_eq!(written.status.code(), first.status.code(), "{}", stdout(&written));
        if needs {
            assert!(
                stdout(&written).ends_with("checked again: every payload reads and writes back as it is\n"),
                "{}",
                stdout(&written)
            );
        }
        reports.push((slug.to_string(), report));
    }
    // Every type again, with every override written: each fits.
    for (slug, root) in &roots {
        let payloads = format!("payloads/{slug}");
        let again = llm_usage(&tmp.0, &["fit", "schema", "--root", root, "--payloads", &payloads]);
        assert_eq!(again.status.code(), Some(0), "{}", stdout(&again));
    }
    let toml = std::fs::read_to_string(tmp.0.join("schema/llm-usage.toml")).unwrap_or_default();
    let all: Vec<String> = roots.iter().map(|(_, root)| root.to_string()).collect();
    let loaded = load(&Input { roots: Some(all), ..Input::new(tmp.0.join("schema")) });
    let shown: Vec<String> = loaded.diagnostics.iter().map(ToString::to_string).collect();
    assert!(shown.is_empty(), "{}", shown.join("\n"));
    Some((reports, toml))
}

#[test]
fn anthropic_payloads_omit_what_the_sdk_declares_required_and_nullable() {
    let Some((reports, toml)) = fit_vendor("anthropic-sdk-typescript") else { return };
    assert_eq!(reports.len(), 2);
    // `cache_creation: CacheCreation | null`, absent from real responses: optional, and still
    // nullable as the SDK says.
    assert!(
        toml.contains(
            "[types.\"src.resources.messages.Usage\".fields.cache_creation]\npresence = \"optional-nullable\""
        ),
        "{toml}"
    );
    for field in ["inference_geo", "service_tier", "server_tool_use", "output_tokens_details"] {
        assert!(
            toml.contains(&format!(
                "[types.\"src.resources.messages.Usage\".fields.{field}]\npresence = \"optional-nullable\""
            )),
            "{field}: {toml}"
        );
    }
    for field in ["cache_creation_input_tokens", "cache_read_input_tokens", "server_tool_use"] {
        assert!(
            toml.contains(&format!(
                "[types.\"src.resources.messages.MessageDeltaUsage\".fields.{field}]\npresence = \"optional-nullable\""
            )),
            "{field}: {toml}"
        );
    }
    assert!(
        toml.contains(
            "[types.\"src.resources.messages.ServerToolUsage\".fields.web_fetch_requests]\npresence = \"optional\""
        ),
        "{toml}"
    );
}

#[test]
fn openai_and_compatible_payloads_send_null_details() {
    let Some((reports, toml)) = fit_vendor("openai-node") else { return };
    let slugs: Vec<&str> = reports.iter().map(|(slug, _)| slug.as_str()).collect();
    assert_eq!(slugs, ["CompletionUsage", "EmbeddingUsage", "ResponseUsage", "TranscriptionDuration"]);
    // Azure's `"prompt_tokens_details": null`, optional non-nullable in the SDK: nullable.
    let completion = &reports[0].1;
    assert!(
        completion.contains("payloads/CompletionUsage/openai/azure_deepseek_stream_details_null.json:/prompt_tokens_details: `null`, but `CompletionUsage.prompt_tokens_details` is optional: it reads as absent and is written back without the key (not lossless)"),
        "{completion}"
    );
    assert!(
        toml.contains(
            "[types.\"src.resources.CompletionUsage\".fields.prompt_tokens_details]\npresence = \"optional-nullable\""
        ),
        "{toml}"
    );
    assert!(
        toml.contains(
            "[types.\"src.resources.CompletionUsage\".fields.completion_tokens_details]\npresence = \"optional-nullable\""
        ),
        "{toml}"
    );
    // The Responses API leaves out `cache_write_tokens`, which the SDK declares required.
    assert!(
        toml.contains("[types.\"src.resources.responses.ResponseUsage.InputTokensDetails\".fields.cache_write_tokens]\npresence = \"optional\""),
        "{toml}"
    );
}

#[test]
fn google_payloads_fit_the_sdk_as_it_is() {
    let Some((reports, toml)) = fit_vendor("js-genai") else { return };
    assert_eq!(reports.len(), 1);
    assert!(reports[0].1.ends_with("every one reads and writes back as it is\n"), "{}", reports[0].1);
    assert_eq!(toml, "");
}

#[test]
fn cohere_wire_payloads_fit_the_serialization_layer() {
    let Some((reports, toml)) = fit_vendor("cohere-typescript") else { return };
    assert_eq!(reports.len(), 2);
    assert!(reports.iter().all(|(_, r)| r.ends_with("reads and writes back as it is\n")), "{reports:#?}");
    assert_eq!(toml, "");
}

#[test]
fn mistral_payloads_fit_usage_info() {
    let Some((reports, toml)) = fit_vendor("mistral-client-python") else { return };
    assert_eq!(reports.len(), 1);
    assert!(reports[0].1.ends_with("every one reads and writes back as it is\n"), "{}", reports[0].1);
    assert_eq!(toml, "");
}
