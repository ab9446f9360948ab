//! `llm-usage usage [--provider P] [--json] [FILE|-]`: the normalized token usage of one
//! response body, usage object or stream. The reading is `llm_usage::usage::read`; this prints.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use llm_usage::usage::{read, ModalityTokens, Provider, ReadError, Reading};

#[derive(clap::Args)]
pub struct Args {
    /// Read with this provider's types: openai, anthropic, google, mistral, cohere, bedrock or
    /// orq. Without it the provider is told from the shape.
    #[arg(long, value_name = "PROVIDER")]
    provider: Option<String>,
    /// Print the usage as JSON: {"input":{"total","no_cache","cache_read","cache_write"},
    /// "output":{"total","text","reasoning"}}, null where the provider did not say.
    #[arg(long)]
    json: bool,
    /// A response body, a usage object, or a stream (SSE `data:` lines or JSON lines); `-` or
    /// nothing reads standard input.
    #[arg(value_name = "FILE|-")]
    file: Option<PathBuf>,
}

/// Bad input of any kind is one line on stderr and exit code 2.
pub fn run(args: Args) -> ExitCode {
    match reading(&args) {
        Ok(reading) => {
            let text = if args.json {
                let mut json = serde_json::to_string(&reading.usage).expect("a Usage serializes");
                json.push('\n');
                json
            } else {
                table(&reading)
            };
            let _ = std::io::stdout().write_all(text.as_bytes());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {}", message.replace(['\n', '\r'], " "));
            ExitCode::from(2)
        }
    }
}

fn reading(args: &Args) -> Result<Reading, String> {
    let provider = args.provider.as_deref().map(str::parse::<Provider>).transpose().map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    let name = match &args.file {
        Some(path) if path.as_os_str() != "-" => {
            bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            path.display().to_string()
        }
        _ => {
            std::io::stdin().read_to_end(&mut bytes).map_err(|e| format!("cannot read standard input: {e}"))?;
            "standard input".to_owned()
        }
    };
    let text = String::from_utf8(bytes).map_err(|_| format!("{name} is not UTF-8 text"))?;
    read(&text, provider).map_err(|e| match e {
        // The library says to name the provider; here that is a flag.
        ReadError::Ambiguous { .. } => format!("{e} with --provider"),
        e => e.to_string(),
    })
}

/// The usage as rows of `name  value`, `-` where the provider did not say.
fn table(reading: &Reading) -> String {
    let usage = &reading.usage;
    let mut rows: Vec<(String, Option<u64>)> = vec![
        ("input total".into(), usage.input.total),
        ("input no_cache".into(), usage.input.no_cache),
        ("input cache_read".into(), usage.input.cache_read),
        ("input cache_write".into(), usage.input.cache_write),
        ("output total".into(), usage.output.total),
        ("output text".into(), usage.output.text),
        ("output reasoning".into(), usage.output.reasoning),
    ];
    for (side, tokens) in [("input", &reading.modalities.input), ("output", &reading.modalities.output)] {
        rows.extend(modality_rows(side, tokens));
    }
    let width = rows.iter().map(|(name, _)| name.len()).max().unwrap_or(0).max("provider".len());
    let numbers = rows.iter().map(|(_, n)| n.map_or(1, |n| n.to_string().len())).max().unwrap_or(1);
    let mut out = format!("{:width$}  {}\n", "provider", reading.provider);
    out.push_str(&format!("{:width$}  {}\n", "read from", reading.sources.join(", ")));
    for (name, value) in &rows {
        let value = value.map_or_else(|| "-".to_owned(), |n| n.to_string());
        out.push_str(&format!("{name:width$}  {value:>numbers$}\n"));
    }
    if rows.iter().any(|(_, value)| value.is_none()) {
        out.push_str("(- : the provider did not say)\n");
    }
    out
}

/// One row per modality the provider gave a count for.
fn modality_rows(side: &str, tokens: &ModalityTokens) -> Vec<(String, Option<u64>)> {
    let all = [
        ("text", tokens.text),
        ("image", tokens.image),
        ("audio", tokens.audio),
        ("video", tokens.video),
        ("document", tokens.document),
        ("other", tokens.other),
    ];
    all.into_iter()
        .filter(|(_, count)| count.is_some())
        .map(|(name, count)| (format!("{side} {name} (modality)"), count))
        .collect()
}
