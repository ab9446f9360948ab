//! Reading and writing back every real usage payload of `../shared/corpus/payloads/` (the 68
//! usage objects of seven providers), four ways, side by side in one run:
//!
//! - through its generated type in `llm_usage` (lossless: unknown fields and values kept,
//!   whole numbers written as integers);
//! - through the same types written the plain serde way (`plain` below: derives, no
//!   unknown-field capture; lossy);
//! - through the same types written the way serde users keep unknown fields (`plain_flatten`:
//!   a `#[serde(flatten)]` map, an untagged catch-all variant for enum values);
//! - as a `serde_json::Value`.
//!
//! Run with `cargo bench -p llm-usage-tests --bench payloads`; it needs `../shared/corpus`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use llm_usage_tests::corpus::payloads;
use serde::{de::DeserializeOwned, Serialize};

/// The workspace's `schemas/` written the plain serde way (`#[derive(Serialize, Deserialize)]`,
/// no unknown-field capture, enums that fold unknown values into one variant), by `build.rs`:
/// compiled here only, not into the test crate every test links.
#[allow(clippy::all, missing_docs, dead_code)]
mod plain {
    include!(concat!(env!("OUT_DIR"), "/plain.rs"));
}

/// The same, keeping unknown fields and values the plain serde way.
#[allow(clippy::all, missing_docs, dead_code)]
mod plain_flatten {
    include!(concat!(env!("OUT_DIR"), "/plain_flatten.rs"));
}

/// Reads `text` as a `T` and writes it back.
fn round_trip<T: DeserializeOwned + Serialize>(text: &str) -> usize {
    let value: T = serde_json::from_str(text).expect("the payload reads");
    serde_json::to_string(&value).expect("the value writes").len()
}

/// The round trip of one usage object as each of the three representations.
struct Case {
    text: String,
    generated: fn(&str) -> usize,
    plain: fn(&str) -> usize,
    flatten: fn(&str) -> usize,
}

fn cases() -> Vec<Case> {
    let mut cases = Vec::new();
    for payload in payloads() {
        let Some(usage) = &payload.usage else { continue };
        let text = serde_json::to_string(usage).unwrap();
        let case = llm_usage_tests::with_usage_type!(
            payload.kind(), llm_usage as G, plain as P, plain_flatten as F =>
            Case { text, generated: round_trip::<G>, plain: round_trip::<P>, flatten: round_trip::<F> },
            else continue
        );
        cases.push(case);
    }
    cases
}

fn bench(c: &mut Criterion) {
    let cases = cases();
    if cases.is_empty() {
        eprintln!("skipped: the shared corpus is not beside this checkout");
        return;
    }
    let mut group = c.benchmark_group(format!("{} usage payloads, read and written back", cases.len()));
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("generated types (lossless)", |b| {
        b.iter(|| cases.iter().map(|case| (case.generated)(black_box(&case.text))).sum::<usize>())
    });
    group.bench_function("plain derive (lossy)", |b| {
        b.iter(|| cases.iter().map(|case| (case.plain)(black_box(&case.text))).sum::<usize>())
    });
    group.bench_function("plain derive, unknowns kept by #[serde(flatten)]", |b| {
        b.iter(|| cases.iter().map(|case| (case.flatten)(black_box(&case.text))).sum::<usize>())
    });
    group.bench_function("serde_json::Value", |b| {
        b.iter(|| cases.iter().map(|case| round_trip::<serde_json::Value>(black_box(&case.text))).sum::<usize>())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
