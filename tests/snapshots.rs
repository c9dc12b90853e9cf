//! Snapshots of the whole output: every corpus document's referat/1 JSON (pretty, as
//! `serde_json::to_string_pretty` writes it) is kept in tests/snapshots/ and must not
//! change unnoticed. The truth tests check what is known to be right; these catch every
//! other change, in any field of any document, so a change of output is always a
//! decision someone made and reviewed.
//!
//! Which files of tests/corpus/ are snapshotted (recursively): those the analyser reads as
//! documents, i.e. ending in .txt, .md, .html, .docx, .pdf or .json, except
//! - `*.source.txt`: the address of the page a replica copies, no referat;
//! - `README.md` and `MANIFEST.md`: the corpus's own documentation;
//! - anything under a `truth/` folder: the hand-labelled answers, not input;
//! - anything under `holdout/`: documents kept back to measure the parser on layouts it
//!   was not developed against; a snapshot would put their output in every diff;
//! - files over 2 MB, so that this suite stays fast (generated inputs such as the 50 MB
//!   repeated document are made and checked in adversarial.rs).
//!
//! A snapshot is named after the path under tests/corpus with `/` as `__`
//! (`dev/odense-byraad-2018-10-24.txt` is `snapshots__dev__odense-byraad-2018-10-24.txt.snap`).
//!
//! After an intended change of output: `INSTA_UPDATE=always cargo test --test snapshots`
//! rewrites the snapshots; `git diff tests/snapshots` shows what changed; commit what is
//! right. (With cargo-insta installed, `cargo insta review` does the same one by one.)

mod common;

use std::collections::BTreeSet;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

const FORMATS: [&str; 6] = ["txt", "md", "html", "docx", "pdf", "json"];
const NOT_DOCUMENTS: [&str; 2] = ["README.md", "MANIFEST.md"];
const NOT_INPUT_FOLDERS: [&str; 2] = ["truth", "holdout"];
const MAX_BYTES: u64 = 2 * 1024 * 1024;

/// The documents to snapshot, as paths under tests/corpus, by the rule above.
fn documents() -> Vec<PathBuf> {
    let root = common::corpus("");
    common::files_under(&root)
        .into_iter()
        .filter(|path| std::fs::metadata(path).is_ok_and(|m| m.len() <= MAX_BYTES))
        .map(|path| path.strip_prefix(&root).expect("under tests/corpus").to_path_buf())
        .filter(|rel| is_document(rel))
        .collect()
}

fn is_document(rel: &Path) -> bool {
    let name = rel.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let format = rel.extension().and_then(|e| e.to_str()).unwrap_or("");
    let mut folders = rel.parent().into_iter().flat_map(Path::components).filter_map(|c| c.as_os_str().to_str());
    FORMATS.contains(&format)
        && !name.ends_with(".source.txt")
        && !NOT_DOCUMENTS.contains(&name)
        && !folders.any(|f| NOT_INPUT_FOLDERS.contains(&f))
}

/// "dev/odense-byraad-2018-10-24.txt" -> "dev__odense-byraad-2018-10-24.txt".
fn snapshot_name(rel: &Path) -> String {
    rel.components().filter_map(|c| c.as_os_str().to_str()).collect::<Vec<_>>().join("__")
}

/// The file insta keeps a snapshot in: tests/snapshots/<test file>__<name>.snap.
fn snapshot_file(rel: &Path) -> String {
    format!("snapshots__{}.snap", snapshot_name(rel))
}

#[test]
fn every_corpus_document_matches_its_snapshot() {
    let docs = documents();
    // The walk really reached the corpus (an empty walk would pass with nothing checked).
    let has = |part: &str| docs.iter().any(|d| d.to_string_lossy().contains(part));
    assert!(docs.len() >= 60, "only {} documents found under tests/corpus", docs.len());
    assert!(has("kkr-nordjylland-2021-06-11.md") && has("variants/seed-2025.pdf") && has("real/greve-byraad-2022-01-14.json"));
    assert!(!has(".source.txt") && !has("truth/") && !has("README"));

    let mut settings = insta::Settings::clone_current();
    settings.set_omit_expression(true);
    let mut differing = Vec::new();
    for rel in &docs {
        let path = common::corpus("").join(rel);
        let bytes = std::fs::read(&path).expect("corpus file");
        let file_name = rel.file_name().unwrap().to_string_lossy();
        let json = serde_json::to_string_pretty(&referat_analyzer::analyze(&bytes, &file_name)).expect("serializes");
        settings.set_input_file(&path);
        let name = snapshot_name(rel);
        // Go on past a difference, so that one run shows (and, with INSTA_UPDATE, writes)
        // every changed snapshot, not only the first.
        let checked = catch_unwind(AssertUnwindSafe(|| settings.bind(|| insta::assert_snapshot!(name.as_str(), json))));
        if checked.is_err() {
            differing.push(name);
        }
    }
    assert!(
        differing.is_empty(),
        "{} of {} snapshots differ: {differing:#?}\nIf the change is intended: INSTA_UPDATE=always cargo test --test snapshots, \
         then review `git diff tests/snapshots`. (Every document was checked, whatever insta says about stopping at the first.)",
        differing.len(),
        docs.len()
    );
}

/// A snapshot whose document was renamed, removed or is no longer snapshotted would be
/// kept forever without being checked: it has to go.
#[test]
fn every_snapshot_has_its_document() {
    let expected: BTreeSet<String> = documents().iter().map(|rel| snapshot_file(rel)).collect();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let kept: Vec<String> =
        std::fs::read_dir(&dir).map(|entries| entries.filter_map(|e| e.ok()?.file_name().into_string().ok()).collect()).unwrap_or_default();
    let stale: Vec<&String> =
        kept.iter().filter(|f| f.starts_with("snapshots__") && f.ends_with(".snap") && !expected.contains(*f)).collect();
    assert!(stale.is_empty(), "snapshots without a document in tests/corpus; delete them from tests/snapshots: {stale:#?}");
}
