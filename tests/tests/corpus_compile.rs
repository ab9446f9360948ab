//! The generated code compiles for real corpora: a deterministic sample of at least 1,000 docs
//! of each Speakeasy corpus in `../shared/corpus` is expanded with `include_schemas!(…, roots =
//! […])` in a scratch crate and built with `cargo build` (dev profile), so type checking,
//! trait resolution, the generated serde impls and code generation all run on the generated
//! code, which must also build without a warning.
//!
//! The sample of each corpus (files in sorted order), chosen for variety at a bounded cost:
//! - every enum doc with a value that is not a Rust identifier (`5m`, `google-ai`, `*`, …);
//! - the [`LARGEST`] largest docs, every union doc with more than 15 variants and every k-th
//!   doc (k chosen so that the sample has at least [`SAMPLE`] docs), each taken only while the
//!   types the sample reaches stay within [`CLOSURE_BUDGET`]: a few large docs reach most of a
//!   corpus, and a sample that reaches 86% of it costs as much as the whole corpus
//!   (`scripts/compile-corpus.sh` builds whole corpora).
//!
//! The roots are the types those docs declare; what they reach is generated with them.
//! The scratch crates live in `<target>/corpus-compile/sample/` and build into
//! `<target>/corpus-compile/target`, shared with `scripts/compile-corpus.sh`; an unchanged
//! sample is a no-op build. The test is skipped, with a message, when the corpus is absent.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use llm_usage_codegen::model::{Literal, Schema, TypeId, TypeKind, TypeRef};
use llm_usage_codegen::Input;

/// Docs per corpus, at least.
const SAMPLE: usize = 1_000;
/// How many of the largest docs are tried first.
const LARGEST: usize = 25;
/// The most types the sample of one corpus may reach: about 40 s and 2 GB of rustc each.
const CLOSURE_BUDGET: usize = 3_500;

/// The corpora: (crate name, folder under `speakeasy/`).
const CORPORA: &[(&str, &str)] =
    &[("sample-orq-python", "orq-python/docs/models"), ("sample-orq-node", "orq-node/docs/models")];

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ is inside the workspace").to_path_buf()
}

/// Whether `s` can be written as a Rust identifier as is.
fn is_identifier(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && s != "_"
}

/// The sample of one corpus: the roots (`components::Foo`) and how many docs they come from.
struct Sample {
    roots: Vec<String>,
    docs: usize,
    largest: usize,
    big_unions: usize,
    odd_enums: usize,
}

fn sample(dir: &Path) -> Sample {
    let loaded = llm_usage_codegen::load(&Input::new(dir));
    assert!(
        loaded.diagnostics.is_empty(),
        "{}: {} diagnostics, first: {}",
        dir.display(),
        loaded.diagnostics.len(),
        loaded.diagnostics[0]
    );
    let mut files = loaded.files.clone();
    files.sort();

    let mut by_size: Vec<(u64, &String)> =
        files.iter().map(|f| (fs::metadata(dir.join(f)).map(|m| m.len()).unwrap_or(0), f)).collect();
    by_size.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    let largest: BTreeSet<&str> = by_size.iter().take(LARGEST).map(|(_, f)| f.as_str()).collect();

    let mut big_unions = BTreeSet::new();
    let mut odd_enums = BTreeSet::new();
    for def in &loaded.schema.types {
        match &def.kind {
            TypeKind::Union(u) if u.variants.len() > 15 => {
                big_unions.insert(def.file.as_str());
            }
            TypeKind::Enum(e)
                if e.values.iter().any(|v| match &v.value {
                    Literal::Str(s) => !is_identifier(s),
                    Literal::Int(_) | Literal::Bool(_) => true,
                }) =>
            {
                odd_enums.insert(def.file.as_str());
            }
            _ => {}
        }
    }

    // Types by file, and what each type reaches, for the closure budget.
    let mut by_file: HashMap<&str, Vec<TypeId>> = HashMap::new();
    for (id, def) in loaded.schema.types.iter().enumerate() {
        by_file.entry(def.file.as_str()).or_default().push(id);
    }
    let mut reached = vec![false; loaded.schema.types.len()];
    let mut reach_count = 0;
    let mut chosen: BTreeSet<&str> = BTreeSet::new();
    // Enums reach nothing: every odd one is in.
    for file in &odd_enums {
        if try_add(&loaded.schema, &by_file[file], &mut reached, &mut reach_count, usize::MAX) {
            chosen.insert(file);
        }
    }
    let missing = SAMPLE.saturating_sub(chosen.len() + LARGEST + big_unions.len()).max(1);
    let step = (files.len() / missing).max(1);
    let candidates =
        largest.iter().copied().chain(big_unions.iter().copied()).chain(files.iter().step_by(step).map(String::as_str));
    let mut largest_in = 0;
    let mut big_unions_in = 0;
    for file in candidates {
        if chosen.contains(file) {
            continue;
        }
        if try_add(&loaded.schema, &by_file[file], &mut reached, &mut reach_count, CLOSURE_BUDGET) {
            chosen.insert(file);
            largest_in += usize::from(largest.contains(file));
            big_unions_in += usize::from(big_unions.contains(file));
        }
    }
    // Fill up to the sample size with the docs that reach least, in file order.
    for file in files.iter().map(String::as_str) {
        if chosen.len() >= SAMPLE {
            break;
        }
        if !chosen.contains(file)
            && try_add(&loaded.schema, &by_file[file], &mut reached, &mut reach_count, CLOSURE_BUDGET)
        {
            chosen.insert(file);
        }
    }

    let roots = loaded
        .schema
        .types
        .iter()
        .filter(|t| chosen.contains(t.file.as_str()))
        .filter(|t| !matches!(t.kind, TypeKind::Unsupported(_)))
        .map(|t| if t.dir.is_empty() { t.name.clone() } else { format!("{}::{}", t.dir.replace('/', "::"), t.name) })
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    Sample { roots, docs: chosen.len(), largest: largest_in, big_unions: big_unions_in, odd_enums: odd_enums.len() }
}

/// Adds the closure of `ids` to `reached` unless that would make it larger than `budget`.
fn try_add(schema: &Schema, ids: &[TypeId], reached: &mut [bool], count: &mut usize, budget: usize) -> bool {
    let mut new: Vec<TypeId> = Vec::new();
    let mut queue: Vec<TypeId> = ids.iter().copied().filter(|&id| !reached[id]).collect();
    let mut seen: BTreeSet<TypeId> = queue.iter().copied().collect();
    while let Some(id) = queue.pop() {
        new.push(id);
        if *count + new.len() > budget {
            return false;
        }
        for target in targets(schema, id) {
            if !reached[target] && seen.insert(target) {
                queue.push(target);
            }
        }
    }
    for id in new {
        reached[id] = true;
        *count += 1;
    }
    true
}

/// The types a type refers to directly.
fn targets(schema: &Schema, id: TypeId) -> Vec<TypeId> {
    fn walk(ty: &TypeRef, out: &mut Vec<TypeId>) {
        match ty {
            TypeRef::Named(named) => out.extend(named.target),
            TypeRef::List(inner) | TypeRef::Map(inner) | TypeRef::Nullable(inner) => walk(inner, out),
            _ => {}
        }
    }
    let mut out = Vec::new();
    match &schema.types[id].kind {
        TypeKind::Struct(s) => {
            out.extend(s.bases.iter().filter_map(|b| b.target));
            s.fields.iter().for_each(|f| walk(&f.ty, &mut out));
        }
        TypeKind::Union(u) => u.variants.iter().for_each(|v| walk(&v.ty, &mut out)),
        TypeKind::Alias(target) => walk(target, &mut out),
        TypeKind::Enum(_) | TypeKind::Unsupported(_) => {}
    }
    out
}

/// Writes `path` only when its contents change, so that an unchanged sample builds nothing.
fn write_if_changed(path: &Path, contents: &str) {
    if fs::read_to_string(path).ok().as_deref() != Some(contents) {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, contents).unwrap();
    }
}

#[test]
fn sampled_corpora_compile() {
    let corpus = workspace().join("../shared/corpus/speakeasy");
    if !corpus.is_dir() {
        eprintln!("skipped: {} is absent (the shared corpus is not beside this checkout)", corpus.display());
        return;
    }
    let corpus = corpus.canonicalize().unwrap();
    // `<target>/tmp` → `<target>`, wherever CARGO_TARGET_DIR puts it.
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).parent().unwrap().join("corpus-compile");
    let work = target.join("sample");
    let core = workspace().join("core");

    let mut members = Vec::new();
    for (name, folder) in CORPORA {
        let dir = corpus.join(folder);
        let sample = sample(&dir);
        eprintln!(
            "{name}: {} docs ({} of the largest, {} with unions of >15 variants, {} with enum values that are not identifiers), {} roots",
            sample.docs,
            sample.largest,
            sample.big_unions,
            sample.odd_enums,
            sample.roots.len()
        );
        assert!(sample.docs >= SAMPLE, "{name}: only {} docs sampled", sample.docs);
        let closure = llm_usage_codegen::load(&Input { roots: Some(sample.roots.clone()), ..Input::new(&dir) });
        let generated = (0..closure.schema.types.len()).filter(|&id| closure.schema.is_included(id)).count();
        eprintln!("{name}: the roots reach {generated} of {} types", closure.schema.types.len());
        // `targets` above must follow exactly the references the engine's reach follows: then
        // the budget holds for what is generated, not only for the sampler's own count.
        assert!(generated <= CLOSURE_BUDGET, "{name}: the roots reach {generated} types, over the budget");

        let manifest = format!(
            "[package]\nname = {name:?}\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
             [dependencies]\nllm-usage = {{ path = {:?} }}\n",
            core.display().to_string()
        );
        let mut lib = format!(
            "//! Generated by tests/tests/corpus_compile.rs.\nllm_usage::include_schemas!(\n    {:?},\n    roots = [\n",
            dir.display().to_string()
        );
        for root in &sample.roots {
            writeln!(lib, "        {root:?},").unwrap();
        }
        lib.push_str("    ]\n);\n");
        write_if_changed(&work.join(name).join("Cargo.toml"), &manifest);
        write_if_changed(&work.join(name).join("src/lib.rs"), &lib);
        members.push(format!("{name:?}"));
    }
    // One workspace, so that dependencies are resolved once, from the main workspace's lock
    // file, and built once.
    write_if_changed(
        &work.join("Cargo.toml"),
        &format!(
            "# Generated by tests/tests/corpus_compile.rs.\n[workspace]\nresolver = \"2\"\nmembers = [{}]\n\n\
             # Debug info would only slow the build down: this checks that the code compiles.\n\
             [profile.dev]\ndebug = false\n",
            members.join(", ")
        ),
    );
    if !work.join("Cargo.lock").exists() {
        fs::copy(workspace().join("Cargo.lock"), work.join("Cargo.lock")).unwrap();
    }

    // Both crates in one build: rustc is one thread per crate, so on two cores they take the
    // wall time of one (about 2 GB of memory each).
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let started = std::time::Instant::now();
    let mut build = Command::new(&cargo);
    build.args(["build", "--message-format=short"]);
    for (name, _) in CORPORA {
        build.args(["-p", name]);
    }
    let output = build
        .current_dir(&work)
        .env("CARGO_TARGET_DIR", target.join("target"))
        .env("CARGO_INCREMENTAL", "0")
        // Variables the outer cargo set for this test must not leak into the build.
        .env_remove("CARGO_MANIFEST_DIR")
        .env_remove("LLM_USAGE_MANIFEST_DIR")
        .output()
        .expect("cargo runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    eprintln!("cargo build of the samples: {:.1?}", started.elapsed());
    assert!(output.status.success(), "the generated code of the sampled docs does not compile:\n{stderr}");
    let warnings: Vec<&str> = stderr.lines().filter(|l| l.contains("warning")).collect();
    assert!(warnings.is_empty(), "the generated code warns:\n{}", warnings.join("\n"));
}
