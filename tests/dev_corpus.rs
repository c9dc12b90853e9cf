//! Other councils' layouts (tests/corpus/dev): every replica is analysed and scored against
//! its hand-labelled truth with the project's scorer (tests/score.py, a copy of
//! ../shared/tools/score.py), and every one must reach 0.95 strict. The table is printed
//! (`cargo test --test dev_corpus -- --nocapture`), with what differs for the weak ones.
//!
//! tests/corpus/holdout holds eight more replicas, written by other hands without seeing
//! the parser's output and first scored blind (mean 0.615 strict, see its README); they
//! have since been developed against, so they are a second table here with a floor under
//! their mean, not under each.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use serde_json::Value;

const BAR: f64 = 0.95;
/// The holdout set's mean at the last change (0.847); it may only go up.
const HOLDOUT_MEAN: f64 = 0.90;

fn dev() -> PathBuf {
    corpus("dev")
}

/// The replicas of `folder` that have a truth file, by name.
fn documents_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .expect("a corpus folder")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".txt") && !n.ends_with(".source.txt"))
        .map(|n| n.trim_end_matches(".txt").to_owned())
        .filter(|stem| folder.join("truth").join(format!("{stem}.json")).exists())
        .collect();
    names.sort();
    names
}

fn documents() -> Vec<String> {
    documents_in(&dev())
}

/// Each document of `folder` scored: (name, strict score, what differs).
fn scored(folder: &str) -> Vec<(String, f64, Vec<String>)> {
    let dir = corpus(folder);
    documents_in(&dir)
        .into_iter()
        .map(|stem| {
            let got = analyze_file(&format!("{folder}/{stem}.txt"));
            let truth_path = dir.join("truth").join(format!("{stem}.json"));
            let (s, _) = score(&got, &truth_path);
            let want: Value = serde_json::from_str(&std::fs::read_to_string(&truth_path).unwrap()).unwrap();
            let diffs = if s < BAR { strict_differences(&got, &want) } else { Vec::new() };
            (stem, s, diffs)
        })
        .collect()
}

fn print_table(rows: &[(String, f64, Vec<String>)]) -> f64 {
    println!("\n{:<60} {:>6}", "document", "strict");
    for (stem, s, _) in rows {
        println!("{stem:<60} {s:>6.3}");
    }
    let mean = rows.iter().map(|r| r.1).sum::<f64>() / rows.len() as f64;
    let min = rows.iter().map(|r| r.1).fold(1.0, f64::min);
    println!("{} documents, mean {mean:.3}, lowest {min:.3}", rows.len());
    for (stem, s, diffs) in rows.iter().filter(|r| !r.2.is_empty()) {
        println!("\n{stem} ({s:.3}):");
        for d in diffs.iter().take(25) {
            println!("  {d}");
        }
    }
    mean
}

/// score.py's strict summary and its per-field scores for one result.
fn score(result: &Value, truth: &Path) -> (f64, Value) {
    let dir = std::env::temp_dir().join(format!("referat-dev-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{}.json", truth.file_stem().unwrap().to_string_lossy()));
    std::fs::write(&path, serde_json::to_vec(result).unwrap()).unwrap();
    let scorer = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/score.py");
    let out = Command::new("python3").arg(&scorer).arg(&path).arg(truth).output().expect("python3 runs tests/score.py");
    assert!(out.status.success(), "score.py failed: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    let summary: f64 = text
        .lines()
        .last()
        .and_then(|l| l.strip_prefix("strict score "))
        .and_then(|v| v.trim().parse().ok())
        .expect("score.py prints 'strict score X' last");
    let fields = Command::new("python3").arg(&scorer).arg(&path).arg(truth).arg("--json").output().expect("python3");
    (summary, serde_json::from_slice(&fields.stdout).unwrap_or(Value::Null))
}

#[test]
fn every_dev_document_scores_at_least_095_strict() {
    let rows = scored("dev");
    print_table(&rows);
    let weak: Vec<&String> = rows.iter().filter(|r| r.1 < BAR).map(|r| &r.0).collect();
    assert!(weak.is_empty(), "{} documents below {BAR}: {weak:?}", weak.len());
}

#[test]
fn the_holdout_set_keeps_its_mean() {
    let rows = scored("holdout");
    assert!(rows.len() >= 8, "the holdout set has {} documents with truth", rows.len());
    let mean = print_table(&rows);
    assert!(mean >= HOLDOUT_MEAN, "holdout mean {mean:.3} fell below {HOLDOUT_MEAN}");
}

/// The corpus is what the issue asks for: at least 30 documents of 20 bodies, each with
/// its source.
#[test]
fn the_dev_corpus_is_varied_and_sourced() {
    let docs = documents();
    assert!(docs.len() >= 30, "the dev corpus has {} documents with truth; the issue asks for 30", docs.len());
    let mut bodies: Vec<String> = docs
        .iter()
        .map(|stem| {
            let t: Value =
                serde_json::from_str(&std::fs::read_to_string(dev().join("truth").join(format!("{stem}.json"))).unwrap()).unwrap();
            str_of(&t["meeting"], "body").to_owned()
        })
        .collect();
    bodies.sort();
    bodies.dedup();
    assert!(bodies.len() >= 20, "{} bodies: {bodies:?}", bodies.len());
    for stem in &docs {
        let source = std::fs::read_to_string(dev().join(format!("{stem}.source.txt"))).unwrap_or_default();
        assert!(source.contains("http"), "{stem}.source.txt names the page it replicates");
    }
}
