//! Votes, statements, the trail of earlier treatment, substitutes and roles (issue 14),
//! scored against hand labels.
//!
//! tests/corpus/votes/truth/<stem>.json labels, by reading, every item of a referat that
//! prints a vote, a minority statement or an earlier treatment, and every person with a
//! seat role or a substitute relation (format and conventions: tests/corpus/votes/README.md).
//! `<stem>` is a replica in tests/corpus/votes/, `dev--<stem>` one in tests/corpus/dev/.
//!
//! Each labelled entry is found or missed, and each entry the analyser gives that is not
//! labelled is an invention; the table (`cargo test --test votes -- --nocapture`) prints
//! recall and precision per field and the misses per file. The floors below are what the
//! analyser reached when they were set; they may only go up. Separately, the two seeds,
//! which print no vote, statement or earlier treatment, must have none on any item.

mod common;

use std::collections::BTreeMap;
use std::path::PathBuf;

use common::*;
use serde_json::Value;

/// Recall and precision floors per field, in percent.
const FLOORS: [(&str, f64, f64); 4] =
    [("votes", 87.0, 88.0), ("statements", 80.0, 80.0), ("trail", 88.0, 94.0), ("attendance", 74.0, 95.0)];

fn labelled() -> Vec<(String, PathBuf, Value)> {
    let dir = corpus("votes/truth");
    let mut out = Vec::new();
    for path in files_under(&dir) {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".json") else { continue };
        let text = match stem.strip_prefix("dev--") {
            Some(dev) => corpus(&format!("dev/{dev}.txt")),
            None => corpus(&format!("votes/{stem}.txt")),
        };
        let truth: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).expect("truth json");
        out.push((stem.to_owned(), text, truth));
    }
    out
}

fn analyze(path: &PathBuf) -> Value {
    let bytes = std::fs::read(path).unwrap_or_else(|_| panic!("{} is missing", path.display()));
    let name = path.file_name().unwrap().to_string_lossy();
    serde_json::to_value(referat_analyzer::analyze(&bytes, &name)).expect("serializes")
}

fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key).and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[])
}

fn strings(v: &Value, key: &str) -> Vec<String> {
    let mut out: Vec<String> = list(v, key).iter().filter_map(Value::as_str).map(fold).collect();
    out.sort();
    out
}

fn number(item: &Value) -> String {
    str_of(item, "number").trim_end_matches('.').to_owned()
}

fn vote_matches(got: &Value, want: &Value) -> bool {
    got["position"] == want["position"]
        && got["count"].as_u64() == want["count"].as_u64()
        && strings(got, "parties") == strings(want, "parties")
        && strings(got, "names").len() == strings(want, "names").len()
        && strings(got, "names").iter().zip(strings(want, "names")).all(|(a, b)| soft_eq(a, &b))
}

fn statement_matches(got: &Value, want: &Value) -> bool {
    let by = |v: &Value| strings(v, "by");
    let starts = fold(str_of(want, "text_starts"));
    by(got) == by(want) && fold(str_of(got, "text")).starts_with(&starts)
}

fn step_matches(got: &Value, want: &Value) -> bool {
    soft_eq(str_of(got, "body"), str_of(want, "body"))
        && got.get("date").cloned().unwrap_or(Value::Null) == want["date"]
        && got.get("item").cloned().unwrap_or(Value::Null) == want["item"]
        && (want["outcome"].is_null() || got["outcome"] == want["outcome"])
}

/// Found, missed and invented entries of one field.
#[derive(Default, Clone, Copy)]
struct Tally {
    found: usize,
    missed: usize,
    invented: usize,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.found += other.found;
        self.missed += other.missed;
        self.invented += other.invented;
    }
    fn recall(&self) -> f64 {
        100.0 * self.found as f64 / (self.found + self.missed).max(1) as f64
    }
    fn precision(&self) -> f64 {
        100.0 * self.found as f64 / (self.found + self.invented).max(1) as f64
    }
}

/// Pairs wanted with got entries (each used once) and counts.
fn tally(got: &[Value], want: &[Value], matches: fn(&Value, &Value) -> bool, notes: &mut Vec<String>, what: &str) -> Tally {
    let mut used = vec![false; got.len()];
    let mut t = Tally::default();
    for w in want {
        match (0..got.len()).find(|&i| !used[i] && matches(&got[i], w)) {
            Some(i) => {
                used[i] = true;
                t.found += 1;
            }
            None => {
                t.missed += 1;
                notes.push(format!("missed {what} {w}"));
            }
        }
    }
    for (g, _) in got.iter().zip(&used).filter(|(_, u)| !**u) {
        t.invented += 1;
        notes.push(format!("invented {what} {g}"));
    }
    t
}

/// The people with a role or a substitute relation, from both lists.
fn related_people(result: &Value) -> Vec<Value> {
    ["present", "absent"]
        .iter()
        .flat_map(|side| people(result, side).iter())
        .filter(|p| p.get("role").is_some_and(|r| !r.is_null()) || p.get("substitute_for").is_some_and(|s| !s.is_null()))
        .cloned()
        .collect()
}

/// The labelled people a result can be checked on: those with a role or a named member
/// replaced (a substitute printed without whom they replace has nothing to compare).
fn related_labels(truth: &Value) -> Vec<Value> {
    list(truth, "attendance").iter().filter(|p| !p["role"].is_null() || !p["substitute_for"].is_null()).cloned().collect()
}

fn person_matches(got: &Value, want: &Value) -> bool {
    let opt = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(fold);
    soft_eq(str_of(got, "name"), str_of(want, "name"))
        && opt(got, "role") == opt(want, "role")
        && match (opt(got, "substitute_for"), opt(want, "substitute_for")) {
            (Some(a), Some(b)) => soft_eq(&a, &b),
            (a, b) => a == b,
        }
}

fn score(result: &Value, truth: &Value, notes: &mut Vec<String>) -> BTreeMap<&'static str, Tally> {
    let mut by_field: BTreeMap<&'static str, Tally> = ["votes", "statements", "trail"].map(|f| (f, Tally::default())).into();
    let wanted: BTreeMap<String, &Value> = list(truth, "items").iter().map(|i| (number(i), i)).collect();
    let empty = Value::Null;
    for item in list(result, "items") {
        let n = number(item);
        let want = wanted.get(&n).copied().unwrap_or(&empty);
        let decision = &item["decision"];
        let mut item_notes = Vec::new();
        by_field.entry("votes").or_default().add(tally(
            list(decision, "votes"),
            list(want, "votes"),
            vote_matches,
            &mut item_notes,
            "vote",
        ));
        by_field.entry("statements").or_default().add(tally(
            list(decision, "statements"),
            list(want, "statements"),
            statement_matches,
            &mut item_notes,
            "statement",
        ));
        by_field.entry("trail").or_default().add(tally(list(item, "trail"), list(want, "trail"), step_matches, &mut item_notes, "step"));
        notes.extend(item_notes.into_iter().map(|note| format!("  item {n}: {note}")));
    }
    // A labelled item the analyser did not find at all: everything in it is missed.
    let numbers: Vec<String> = list(result, "items").iter().map(number).collect();
    for (n, want) in &wanted {
        if !numbers.contains(n) {
            notes.push(format!("  item {n}: not found"));
            for field in ["votes", "statements", "trail"] {
                by_field.entry(field).or_default().missed += list(want, field).len();
            }
        }
    }
    let mut person_notes = Vec::new();
    by_field.insert("attendance", tally(&related_people(result), &related_labels(truth), person_matches, &mut person_notes, "person"));
    notes.extend(person_notes.into_iter().map(|note| format!("  {note}")));
    by_field
}

#[test]
fn votes_statements_trail_and_substitutes_are_read_as_labelled() {
    let documents = labelled();
    assert!(documents.len() >= 30, "only {} labelled documents", documents.len());
    let mut total: BTreeMap<&'static str, Tally> = BTreeMap::new();
    let mut report =
        String::from("document                                           votes   stmts   trail   people   (found/labelled, invented)\n");
    let mut details = String::new();
    for (stem, path, truth) in &documents {
        let result = analyze(path);
        let mut notes = Vec::new();
        let fields = score(&result, truth, &mut notes);
        let cell = |f: &str| {
            let t = fields[f];
            format!("{}/{}{}", t.found, t.found + t.missed, if t.invented > 0 { format!("+{}", t.invented) } else { String::new() })
        };
        report.push_str(&format!("{stem:50} {:7} {:7} {:7} {:7}\n", cell("votes"), cell("statements"), cell("trail"), cell("attendance")));
        if !notes.is_empty() {
            details.push_str(&format!("{stem}\n{}\n", notes.join("\n")));
        }
        for (field, t) in fields {
            total.entry(field).or_default().add(t);
        }
    }
    println!("{report}\n{details}");
    let mut failures = Vec::new();
    for (field, recall_floor, precision_floor) in FLOORS {
        let t = total[field];
        println!(
            "{field:11} found {:4} of {:4} labelled (recall {:5.1} %), {:3} invented (precision {:5.1} %)",
            t.found,
            t.found + t.missed,
            t.recall(),
            t.invented,
            t.precision()
        );
        if t.recall() < recall_floor || t.precision() < precision_floor {
            failures.push(format!(
                "{field}: recall {:.1} % (floor {recall_floor}), precision {:.1} % (floor {precision_floor})",
                t.recall(),
                t.precision()
            ));
        }
    }
    assert!(failures.is_empty(), "below the floors: {failures:#?}");
}

/// The seeds print no vote, statement or earlier treatment: none may be invented.
#[test]
fn the_seeds_have_no_votes_statements_or_trail() {
    for seed in ["kkr-nordjylland-2021-06-11.md", "kkr-nordjylland-2025-08-29.txt"] {
        let result = analyze_file(seed);
        assert!(items(&result).len() >= 5, "{seed}: the items were not read");
        for item in items(&result) {
            let n = str_of(item, "number");
            assert!(item.get("trail").is_none(), "{seed} item {n}: a trail was invented: {}", item["trail"]);
            let decision = &item["decision"];
            assert!(decision.get("votes").is_none(), "{seed} item {n}: votes were invented: {}", decision["votes"]);
            assert!(decision.get("statements").is_none(), "{seed} item {n}: statements were invented: {}", decision["statements"]);
        }
    }
}
