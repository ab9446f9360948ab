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

#[test]
fn orq_python_2026_02_17_corpus() {
    let Some(root) = corpus("orq-python-2026-02-17/docs/models") else { return };
    let (c, _) = parse_all(&root);
    eprintln!("{c:#?}");
    assert_eq!(c.files, 4_496);
    // Every enum doc of this older generator is a `| Name | Value |` table.
    assert_eq!(c.enums, 1_555);
    assert_eq!(c.enum_values, 3_637);
    assert_eq!(c.open_enums, 0);
    // Objects and unions have the form they still have: 2,288 `## Fields` docs plus
    // RetryConfig's BackoffStrategy, 653 union docs with 1,985 `### ` variants.
    assert_eq!(c.structs, 2_288 + 1);
    assert_eq!(c.unions, 653);
    assert_eq!(c.variants, 1_985);
    assert_eq!(c.additional, 27);
    assert_eq!(c.deprecated_types, 14);
}

/// The first line of a doc, and what it says apart from the form of its values: the prose
/// between the H1 and the first `##` heading, trimmed, and the values as written (a table's
/// Value cells; a bullet's text inside `` `"…"` ``). Read from the text alone, not by the parser.
fn enum_text(text: &str) -> Option<(&str, &str, Vec<&str>)> {
    let (h1, rest) = text.split_once('\n')?;
    let prose = rest.split("\n## ").next().unwrap_or("").trim();
    let (_, values) = rest.split_once("## Values\n")?;
    let mut out = Vec::new();
    for line in values.lines() {
        if let Some(bullet) = line.strip_prefix("- `\"").and_then(|l| l.strip_suffix("\"`")) {
            out.push(bullet);
        } else if let Some(row) = line.strip_prefix("| `") {
            // `| `NAME` | value |`: no value in these corpora holds a pipe.
            out.push(row.split('|').nth(1)?.trim());
        }
    }
    Some((h1, prose, out))
}

/// An enum type with every location set to one place.
fn enum_without_locations(mut t: TypeDef) -> TypeDef {
    let nowhere = crate::model::Location::new(&Arc::from("nowhere"), 0, 0);
    t.loc = nowhere.clone();
    if let TypeKind::Enum(e) = &mut t.kind {
        for v in &mut e.values {
            v.loc = nowhere.clone();
        }
    }
    t
}

/// Every enum doc found under the same name in both orq-python snapshots: where the text says
/// the same thing in the other form (values as a table in 2026-02-17, as bullets in 2026-08-21),
/// the parser gives the same type; where the text changed, it does not.
#[test]
fn table_enums_read_as_their_bullet_successors() {
    let (Some(old_root), Some(new_root)) =
        (corpus("orq-python-2026-02-17/docs/models"), corpus("orq-python/docs/models"))
    else {
        return;
    };
    let (mut old, mut new) = (Vec::new(), Vec::new());
    walk(&old_root, &old_root, &mut old);
    walk(&new_root, &new_root, &mut new);
    let new: std::collections::HashMap<&str, &SourceFile> = new.iter().map(|f| (f.rel.as_str(), f)).collect();
    let (mut pairs, mut same, mut changed) = (0, 0, 0);
    for a in &old {
        let Some(b) = new.get(a.rel.as_str()) else { continue };
        let (Some(text_a), Some(text_b)) = (enum_text(&a.text), enum_text(&b.text)) else { continue };
        if text_a.0 != text_b.0 {
            continue;
        }
        pairs += 1;
        assert!(a.text.contains("\n| Name ") && !b.text.contains("\n| Name "), "{}: not a table/bullets pair", a.rel);
        let mut diags = Diagnostics::new();
        let ta = enum_without_locations(super::parse(a, &mut diags).remove(0));
        let tb = enum_without_locations(super::parse(b, &mut diags).remove(0));
        assert!(diags.is_empty(), "{}", a.rel);
        if text_a == text_b {
            same += 1;
            assert_eq!(ta, tb, "{}: only the form changed, yet the types differ", a.rel);
        } else {
            changed += 1;
            assert_ne!(ta, tb, "{}: the doc changed, yet the types are equal", a.rel);
        }
    }
    eprintln!("{pairs} enum docs in both snapshots: {same} changed only in form, {changed} in content");
    assert_eq!((pairs, same, changed), (1_157, 991, 166));
}
