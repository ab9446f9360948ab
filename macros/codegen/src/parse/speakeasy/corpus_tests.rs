//! Parses every model doc of the real corpora (when `/work/shared` is present) and checks the
//! shape counts measured in `shared/design/speakeasy-markdown.md`.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use crate::diagnostic::Diagnostics;
use crate::model::{TypeDef, TypeKind};
use crate::read::{SourceFile, SourceKind};

fn corpus(rel: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/speakeasy").join(rel);
    if path.is_dir() {
        Some(path)
    } else {
        eprintln!("skipping: corpus {} is absent", path.display());
        None
    }
}

fn walk(dir: &Path, root: &Path, out: &mut Vec<SourceFile>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).expect("list corpus").flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, root, out);
        } else if path.extension().is_some_and(|e| e == "md") {
            let rel = path.strip_prefix(root).expect("under root").to_string_lossy().replace('\\', "/");
            let dir = rel.rsplit_once('/').map(|(d, _)| d.to_string()).unwrap_or_default();
            out.push(SourceFile {
                display: Arc::from(format!("schemas/{rel}").as_str()),
                rel,
                dir,
                kind: SourceKind::SpeakeasyMarkdown,
                text: std::fs::read_to_string(&path).expect("read corpus file"),
            });
        }
    }
}

#[derive(Debug, Default, PartialEq)]
struct Counts {
    files: usize,
    structs: usize,
    empty_structs: usize,
    enums: usize,
    open_enums: usize,
    unions: usize,
    fields: usize,
    additional: usize,
    deprecated_types: usize,
    deprecated_fields: usize,
    enum_values: usize,
    variants: usize,
}

/// Parses every file; asserts no diagnostics and one type per file (`utils/retryconfig.md`: two).
fn parse_all(root: &Path) -> (Counts, Vec<TypeDef>) {
    let mut files = Vec::new();
    let t0 = Instant::now();
    walk(root, root, &mut files);
    let read = t0.elapsed();
    let t1 = Instant::now();
    let mut diags = Diagnostics::new();
    let mut all = Vec::new();
    let mut counts = Counts { files: files.len(), ..Counts::default() };
    for file in &files {
        let types = super::parse(file, &mut diags);
        let expected = if file.rel == "utils/retryconfig.md" { 2 } else { 1 };
        assert_eq!(types.len(), expected, "{} gave {} types", file.rel, types.len());
        all.extend(types);
    }
    let parse = t1.elapsed();
    eprintln!("{}: {} files, read+walk {read:?}, parse {parse:?}", root.display(), files.len());
    let diags = diags.into_sorted();
    assert!(diags.is_empty(), "{} diagnostics, first ones:\n{}", diags.len(), {
        diags.iter().take(20).map(|d| d.to_string()).collect::<Vec<_>>().join("\n")
    });
    for t in &all {
        counts.deprecated_types += usize::from(t.deprecated.is_some());
        match &t.kind {
            TypeKind::Struct(s) => {
                counts.structs += 1;
                counts.empty_structs += usize::from(s.fields.is_empty() && s.additional.is_none());
                counts.fields += s.fields.len();
                counts.additional += usize::from(s.additional.is_some());
                counts.deprecated_fields += s.fields.iter().filter(|f| f.deprecated.is_some()).count();
            }
            TypeKind::Alias(_) | TypeKind::Unsupported(_) => panic!("{}: not a Speakeasy shape", t.name),
            TypeKind::Enum(e) => {
                counts.enums += 1;
                counts.open_enums += usize::from(e.open);
                counts.enum_values += e.values.len();
            }
            TypeKind::Union(u) => {
                counts.unions += 1;
                counts.variants += u.variants.len();
            }
        }
    }
    (counts, all)
}

#[test]
fn orq_python_corpus() {
    let Some(root) = corpus("orq-python/docs/models") else { return };
    let (c, all) = parse_all(&root);
    eprintln!("{c:#?}");
    assert_eq!(c.files, 18_577);
    // 7,944 four-column + 482 Example-column object docs, plus RetryConfig and its BackoffStrategy.
    assert_eq!(c.structs, 8_426 + 2);
    assert_eq!(c.enums, 8_721);
    assert_eq!(c.unions, 1_429);
    assert_eq!(c.empty_structs, 39);
    assert_eq!(c.additional, 185);
    assert_eq!(c.deprecated_types, 22);
    assert_eq!(c.deprecated_fields, 362);
    assert_eq!(c.enum_values, 19_704);
    assert_eq!(c.variants, 5_582);
    assert_eq!(c.open_enums, 0);
    // 38,061 table rows (incl. the 185 `__pydantic_extra__`) + RetryConfig's 3 + BackoffStrategy's 4.
    assert_eq!(c.fields + c.additional, 38_061 + 7);
    let names: Vec<&str> = all.iter().filter(|t| t.file == "utils/retryconfig.md").map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["RetryConfig", "BackoffStrategy"]);
}

#[test]
fn orq_node_corpus() {
    let Some(root) = corpus("orq-node/docs/models") else { return };
    let (c, _) = parse_all(&root);
    eprintln!("{c:#?}");
    assert_eq!(c.files, 17_929);
    assert_eq!(c.structs, 8_426);
    assert_eq!(c.enums, 8_074);
    assert_eq!(c.unions, 1_429);
    assert_eq!(c.additional, 185);
    assert_eq!(c.enum_values, 19_057);
    assert_eq!(c.open_enums, 0);
    assert_eq!(c.empty_structs, 39);
    assert_eq!(c.deprecated_types, 22);
    assert_eq!(c.deprecated_fields, 362);
    // The same 38,059 rows as the Python docs' object tables.
    assert_eq!(c.fields + c.additional, 38_059);
    // 5,578 example blocks plus the 4 `EventStream<…>` variants.
    assert_eq!(c.variants, 5_582);
}
