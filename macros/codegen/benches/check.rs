//! `check` over the whole orq-python corpus (18,577 Speakeasy docs, 54 MB) beside a plain read
//! of the same files (one thread), and beside reading them and running pulldown-cmark's event
//! stream over them: the figures behind the README's performance table and the choice of a
//! hand-written line scanner over pulldown-cmark. `check` reads and parses on every core.
//! Last, `check` and the plain read in alternating pairs, for the ratio of the two.
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

    // The baseline: what any tool must do to see the files at all.
    group.bench_function("plain read (walk + fs::read)", |b| b.iter(|| black_box(plain_read(&dir))));

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
    paired(&dir, &input);
}

/// The ratio the goal is about, measured in alternation: `check`, then the plain read, 31
/// times, and the median of the 31 ratios. Criterion times each candidate in a block of its
/// own, so a machine that gets busier between the blocks moves the ratio of their medians;
/// a pair is timed seconds apart, not minutes.
fn paired(dir: &Path, input: &Input) {
    const PAIRS: usize = 31;
    let time = |run: &dyn Fn()| {
        let start = std::time::Instant::now();
        run();
        start.elapsed().as_secs_f64()
    };
    let mut ratios: Vec<f64> = (0..PAIRS)
        .map(|_| {
            let check = time(&|| {
                black_box(llm_usage_codegen::check(input).types);
            });
            let plain = time(&|| {
                black_box(plain_read(dir));
            });
            check / plain
        })
        .collect();
    ratios.sort_by(f64::total_cmp);
    println!(
        "orq-python corpus/check ÷ plain read, {PAIRS} alternating pairs: median {:.3} (quartiles {:.3}–{:.3})",
        ratios[PAIRS / 2],
        ratios[PAIRS / 4],
        ratios[3 * PAIRS / 4]
    );
}

/// Walks the folder with `fs::read_dir` and reads every file, one thread, no checks.
fn plain_read(dir: &Path) -> usize {
    let mut total = 0;
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        match entry.file_type() {
            Ok(t) if t.is_dir() => total += plain_read(&path),
            Ok(_) => total += fs::read(&path).map(|bytes| bytes.len()).unwrap_or(0),
            Err(_) => {}
        }
    }
    total
}

criterion_group!(benches, bench);
criterion_main!(benches);
