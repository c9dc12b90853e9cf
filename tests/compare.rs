//! `compare` (referat-compare/1): the draft with planted errors against its seed (the
//! changes MANIFEST.md lists), one meeting read from two formats (nothing changed), and
//! crafted pairs for each kind of change, a dagsorden against its referat among them.

mod common;

use std::process::Command;

use referat_analyzer::analyze;
use referat_analyzer::compare::{compare, Change, Listed};
use referat_analyzer::model::{Analysis, Decision, Outcome};

fn read(name: &str) -> Analysis {
    let bytes = std::fs::read(common::corpus(name)).expect("corpus file");
    analyze(&bytes, name)
}

fn of_text(text: &str, name: &str) -> Analysis {
    analyze(text.as_bytes(), name)
}

/// The rows as (A's number, B's number, change), for readable assertions.
fn rows(a: &Analysis, b: &Analysis) -> Vec<(String, String, Change)> {
    compare(a, b).items.iter().map(|r| (r.a.clone().unwrap_or_default(), r.b.clone().unwrap_or_default(), r.change)).collect()
}

fn truth_numbers(stem: &str) -> Vec<String> {
    let t = common::truth(stem);
    t["items"].as_array().expect("items").iter().map(|i| i["number"].as_str().expect("number").to_owned()).collect()
}

#[test]
fn the_draft_with_planted_errors_against_its_seed() {
    let seed = read("kkr-nordjylland-2021-06-11.md");
    let draft = read("adversarial/draft-errors-2021.md");
    let c = compare(&seed, &draft);
    assert_eq!(c.schema, "referat-compare/1");
    // MANIFEST.md: 3.3 deleted, 3.5's Beslutning removed, a paragraph added to 3.4's;
    // every other item of the truth file unchanged.
    for number in truth_numbers("kkr-nordjylland-2021-06-11") {
        let expected = match number.as_str() {
            "3.3" => Change::Removed,
            "3.4" => Change::DecisionChanged,
            "3.5" => Change::DecisionRemoved,
            _ => Change::Same,
        };
        let row = c.items.iter().find(|r| r.a.as_deref() == Some(&number)).unwrap_or_else(|| panic!("no row for {number}"));
        assert_eq!(row.change, expected, "item {number}: {row:?}");
        assert!(row.also.is_empty(), "item {number}: {row:?}");
        if expected == Change::Removed {
            assert_eq!(row.b, None);
        } else {
            assert_eq!(row.b.as_deref(), Some(number.as_str()), "paired with its own number");
        }
    }
    assert_eq!(c.items.len(), truth_numbers("kkr-nordjylland-2021-06-11").len(), "no added rows");
    // 3.3 stands where it was: between 3.2 and 3.4.
    let at = |n: &str| c.items.iter().position(|r| r.a.as_deref() == Some(n)).expect("row");
    assert!(at("3.2") < at("3.3") && at("3.3") < at("3.4"));
    // The appended sentence is the only inserted text of 3.4, and nothing is deleted.
    let r34 = &c.items[at("3.4")];
    let inserted: Vec<&str> = r34.words.iter().filter(|w| w.op == referat_analyzer::compare::Op::Insert).map(|w| w.text.as_str()).collect();
    assert_eq!(inserted.len(), 1, "{:?}", r34.words);
    assert!(inserted[0].starts_with("Karen Holm-Andersen bemærkede"), "{inserted:?}");
    assert!(r34.words.iter().all(|w| w.op != referat_analyzer::compare::Op::Delete));
    // Leif Skaarup was added under Afbud while still under Deltagere: the analysis keeps
    // him as absent (with a finding), so his status changed.
    assert!(c.attendance.only_a.is_empty() && c.attendance.only_b.is_empty(), "{:?}", c.attendance);
    assert_eq!(c.attendance.changed.len(), 1, "{:?}", c.attendance.changed);
    let leif = &c.attendance.changed[0];
    assert_eq!((leif.name.as_str(), leif.a, leif.b), ("Leif Skaarup", Listed::Present, Listed::Absent));
    assert!(!c.checklist);
}

#[test]
fn one_meeting_read_from_two_formats_is_all_same() {
    for (text, others) in [
        (
            "kkr-nordjylland-2021-06-11.md",
            &["variants/seed-2021.pdf", "variants/seed-2021.docx", "variants/seed-2021.html", "variants/seed-2021.utf16le-bom.txt"][..],
        ),
        ("kkr-nordjylland-2025-08-29.txt", &["variants/seed-2025.pdf", "variants/seed-2025.docx"][..]),
    ] {
        let a = read(text);
        for other in others {
            let c = compare(&a, &read(other));
            let changed: Vec<_> = c.items.iter().filter(|r| r.change != Change::Same || !r.also.is_empty()).collect();
            assert!(changed.is_empty(), "{text} against {other}: {changed:?}");
            assert_eq!(c.items.len(), a.items.len());
            assert_eq!(c.attendance, Default::default(), "{text} against {other}");
        }
    }
}

/// The seed with a new item put in before 3.2 and the 3.x items after it renumbered.
#[test]
fn an_inserted_item_renumbers_those_after_it() {
    let a = read("kkr-nordjylland-2021-06-11.md");
    let mut b = a.clone();
    let at = b.items.iter().position(|i| i.number == "3.2").expect("3.2");
    let mut new = b.items[at].clone();
    new.title = "Kollektiv trafik i yderområderne".into();
    new.decision = None;
    b.items.insert(at, new);
    for item in &mut b.items[at + 1..] {
        if let Some(n) = item.number.strip_prefix("3.").and_then(|n| n.parse::<u32>().ok()) {
            item.number = format!("3.{}", n + 1);
        }
    }
    let got = rows(&a, &b);
    assert!(got.contains(&(String::new(), "3.2".into(), Change::Added)), "{got:?}");
    for (from, to) in [("3.2", "3.3"), ("3.3", "3.4"), ("3.4", "3.5"), ("3.5", "3.6")] {
        assert!(got.contains(&(from.into(), to.into(), Change::Renumbered)), "{from} -> {to}: {got:?}");
    }
    let same = got.iter().filter(|r| r.2 == Change::Same).count();
    assert_eq!(same, a.items.len() - 4, "{got:?}");
}

/// An item taken to the end of the agenda under a new number: moved, not dropped and added.
#[test]
fn a_moved_item_is_renumbered() {
    let a = read("kkr-nordjylland-2021-06-11.md");
    let mut b = a.clone();
    let at = b.items.iter().position(|i| i.number == "3.1").expect("3.1");
    let mut moved = b.items.remove(at);
    moved.number = "8".into();
    moved.level = 1;
    b.items.push(moved);
    let got = rows(&a, &b);
    assert_eq!(got.last(), Some(&("3.1".into(), "8".into(), Change::Renumbered)), "{got:?}");
    assert_eq!(got.iter().filter(|r| r.2 == Change::Same).count(), a.items.len() - 1, "{got:?}");
}

#[test]
fn edited_titles_are_retitled_and_other_changes_are_named() {
    let a = read("kkr-nordjylland-2021-06-11.md");
    let mut b = a.clone();
    let item = |b: &mut Analysis, n: &str| b.items.iter().position(|i| i.number == n).expect("item");
    // A few words added; most words replaced but the number kept.
    let k = item(&mut b, "2.1");
    b.items[k].title.push_str(" om status for 2021");
    let k = item(&mut b, "3.4");
    b.items[k].title = "Boligplacering af flygtninge 2022".into();
    // Only punctuation and case: the same title.
    let k = item(&mut b, "3.2");
    b.items[k].title = b.items[k].title.to_uppercase() + ".";
    // A decision turned around.
    let k = item(&mut b, "1.2");
    b.items[k].decision =
        Some(Decision { text: "Referatet blev ikke godkendt.".into(), outcome: Outcome::Rejected, ..Decision::default() });
    let c = compare(&a, &b);
    let change = |n: &str| c.items.iter().find(|r| r.b.as_deref() == Some(n)).map(|r| r.change);
    assert_eq!(change("2.1"), Some(Change::Retitled));
    assert_eq!(change("3.4"), Some(Change::Retitled));
    assert_eq!(change("3.2"), Some(Change::Same));
    assert_eq!(change("1.2"), Some(Change::OutcomeChanged));
    let r = c.items.iter().find(|r| r.b.as_deref() == Some("1.2")).expect("1.2");
    assert_eq!((r.outcome_a, r.outcome_b), (Some(Outcome::Approved), Some(Outcome::Rejected)));
    assert!(!r.words.is_empty());
    // A title with nothing in common is another item: dropped and added.
    let mut d = a.clone();
    let k = item(&mut d, "3.1");
    d.items[k].title = "Ekstraordinært punkt om vejret".into();
    let got = rows(&a, &d);
    assert!(got.contains(&("3.1".into(), String::new(), Change::Removed)), "{got:?}");
    assert!(got.contains(&(String::new(), "3.1".into(), Change::Added)), "{got:?}");
}

/// The seed's text with every Beslutning taken out and called a dagsorden, against the
/// seed: a checklist where each item either got its decision or says why not.
#[test]
fn a_dagsorden_against_its_referat_reads_as_a_checklist() {
    let seed = std::fs::read_to_string(common::corpus("kkr-nordjylland-2021-06-11.md")).expect("seed");
    let mut dagsorden = String::new();
    let mut skipping = false;
    for line in seed.lines() {
        if line.starts_with('#') {
            skipping = line.contains("Beslutning");
        }
        if !skipping {
            dagsorden.push_str(&line.replace("REFERAT", "DAGSORDEN"));
            dagsorden.push('\n');
        }
    }
    let a = of_text(&dagsorden, "dagsorden.md");
    assert!(a.items.iter().all(|i| i.decision.is_none()), "the dagsorden has no decisions");
    // In the referat, 3.2 was taken off the agenda.
    let referat = seed.replacen("**KKR Nordjylland** tog Årsrapport 2020 fra Socialtilsyn Nord til efterretning.", "Punktet udgik.", 1);
    let b = of_text(&referat, "referat.md");
    let c = compare(&a, &b);
    assert!(c.checklist);
    for r in &c.items {
        let item = b.items.iter().find(|i| Some(&i.number) == r.b.as_ref()).expect("every dagsorden item is in the referat");
        let expected = if item.decision.is_some() { Change::DecisionAdded } else { Change::Same };
        assert_eq!(r.change, expected, "{r:?}");
        assert_eq!(r.needs_look(true), item.decision.is_none() && r.recommended, "{r:?}");
    }
    let r32 = c.items.iter().find(|r| r.b.as_deref() == Some("3.2")).expect("3.2");
    assert!(r32.dropped, "{r32:?}");
    assert_eq!(r32.summary_da(true), "Punkt 3.2 udgik.");
    // The draft with 3.5's Beslutning removed, against the dagsorden: 3.5 got none.
    let draft = read("adversarial/draft-errors-2021.md");
    let c = compare(&a, &draft);
    let r35 = c.items.iter().find(|r| r.b.as_deref() == Some("3.5")).expect("3.5");
    assert_eq!(r35.summary_da(c.checklist), "Punkt 3.5 fik ingen beslutning.");
    assert!(r35.needs_look(c.checklist));
    let r33 = c.items.iter().find(|r| r.a.as_deref() == Some("3.3")).expect("3.3");
    assert_eq!(r33.summary_da(c.checklist), "Punkt 3.3 mangler i referatet.");
}

#[test]
fn the_command_line_prints_the_comparison() {
    let out = Command::new(env!("CARGO_BIN_EXE_referat"))
        .arg("--compare")
        .arg(common::corpus("kkr-nordjylland-2021-06-11.md"))
        .arg(common::corpus("adversarial/draft-errors-2021.md"))
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["schema"], "referat-compare/1");
    assert_eq!(v["a"]["name"], "kkr-nordjylland-2021-06-11.md");
    let changed: Vec<(String, String)> = v["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|r| r["change"] != "same")
        .map(|r| (r["a"].as_str().unwrap_or_default().to_owned(), r["change"].as_str().expect("change").to_owned()))
        .collect();
    assert_eq!(
        changed,
        [("3.3".to_owned(), "removed".to_owned()), ("3.4".into(), "decision-changed".into()), ("3.5".into(), "decision-removed".into())]
    );
    assert_eq!(v["attendance"]["changed"][0]["b"], "absent");
    // Markdown: a readable list of what changed.
    let out = Command::new(env!("CARGO_BIN_EXE_referat"))
        .args(["--compare", "--format", "md"])
        .arg(common::corpus("kkr-nordjylland-2021-06-11.md"))
        .arg(common::corpus("adversarial/draft-errors-2021.md"))
        .output()
        .expect("runs");
    let md = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(md.contains("Punkt 3.3 er fjernet."), "{md}");
    assert!(md.contains("Punkt 3.5 har mistet sin beslutning."), "{md}");
    assert!(md.contains("Leif Skaarup"), "{md}");
    // Not two files: a usage error.
    let out = Command::new(env!("CARGO_BIN_EXE_referat"))
        .arg("--compare")
        .arg(common::corpus("kkr-nordjylland-2021-06-11.md"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
}
