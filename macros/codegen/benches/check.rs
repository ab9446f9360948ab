//! `check` over the whole orq-python corpus (18,577 Speakeasy docs, 54 MB) beside a plain read
//! of the same files, and beside pulldown-cmark's event stream over them: the figures behind
//! the README's performance table and the choice of a hand-written line scanner.
//!
//! Run with `cargo bench -p llm-usage-codegen`; it needs `../shared/corpus` beside the checkout.

use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use llm_usage_codegen::{read, Diagnostics, Input};

fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/speakeasy/orq-python/docs/models");
    dir.is_dir().then_some(dir)
}

fn bench(c: &mut Criterion) {
    let Some(dir) = corpus() else {
        eprintln!("skipped: the shared corpus is not beside this checkout");
        return;
    };
    let input = Input::new(&dir);
    let mut group = c.benchmark_group("orq-python corpus");
    group.sample_size(10).measurement_time(Duration::from_secs(20));

    group.bench_function("read files", |b| {
        b.iter(|| {
            let mut diags = Diagnostics::new();
            let files = read::read_input(&input, &mut diags);
            black_box(files.iter().map(|f| f.text.len()).sum::<usize>())
        })
    });

    group.bench_function("check", |b| {
        b.iter(|| {
            let report = llm_usage_codegen::check(&input);
            assert!(report.diagnostics.is_empty());
            black_box(report.types)
        })
    });

    group.bench_function("read + pulldown-cmark events", |b| {
        b.iter(|| {
            let mut diags = Diagnostics::new();
            let files = read::read_input(&input, &mut diags);
            let mut events = 0usize;
            for file in &files {
                events += pulldown_cmark::Parser::new_ext(&file.text, pulldown_cmark::Options::ENABLE_TABLES).count();
            }
            black_box(events)
        })
    });
    group.finish();

    // A plain `fs::read` of every path, without the reader's checks, for reference.
    let paths = read::list_files(&input, &mut Diagnostics::new());
    c.bench_function("orq-python corpus/fs::read only", |b| {
        b.iter(|| black_box(paths.iter().map(|p| fs::read(p).map(|v| v.len()).unwrap_or(0)).sum::<usize>()))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
