//! Findings for a reviewer of a draft: every code on a small crafted referat, and the
//! draft with four planted errors against its MANIFEST.md.

mod common;

use common::*;
use serde_json::Value;

fn analyze_text(text: &str) -> Value {
    serde_json::to_value(referat_analyzer::analyze(text.as_bytes(), "udkast.md")).unwrap()
}

fn found(v: &Value) -> Vec<(String, Option<String>)> {
    v["findings"].as_array().unwrap().iter().map(|f| (str_of(f, "code").to_owned(), f["item"].as_str().map(str::to_owned))).collect()
}

fn has(v: &Value, code: &str, item: Option<&str>) -> bool {
    found(v).contains(&(code.to_owned(), item.map(str::to_owned)))
}

fn codes(v: &Value) -> Vec<String> {
    found(v).into_iter().map(|(c, _)| c).collect()
}

/// A small referat in the KKR layout; `body` is its agenda.
fn referat(attendance: &str, body: &str) -> String {
    format!("## REFERAT 2025\n\n# KKR NORDJYLLAND\n\n**Dato:** 07-02-2025 10:00\n\n{attendance}\n\n{body}")
}

const PEOPLE: &str = "### Deltagere\n\nBirgit Stenbak Hansen (A), Frederikshavn Kommune  \nPer Bach Laursen (V), Vesthimmerlands Kommune  \n\n### Afbud\n\nJens Kristian Yde (C), Thisted Kommune";

fn item(n: &str, title: &str, parts: &[(&str, &str)]) -> String {
    let mut s = format!("## {n}. {title}\n\nSAG-2025-00001\n\n");
    for (h, t) in parts {
        s.push_str(&format!("### {h}\n\n{t}\n\n"));
    }
    s
}

const DECIDED: &[(&str, &str)] = &[
    ("Indstilling", "Det indstilles, at KKR tager orienteringen til efterretning."),
    ("Beslutning", "KKR Nordjylland tog orienteringen til efterretning."),
];

#[test]
fn the_draft_with_four_planted_errors() {
    let v = analyze_file("adversarial/draft-errors-2021.md");
    assert!(has(&v, "numbering-gap", Some("3.3")), "{:?}", found(&v));
    assert!(has(&v, "missing-decision", Some("3.5")), "{:?}", found(&v));
    assert!(has(&v, "present-and-absent", None), "{:?}", found(&v));
    assert!(has(&v, "unknown-person", Some("3.4")), "{:?}", found(&v));
    let messages: Vec<&str> = v["findings"].as_array().unwrap().iter().map(|f| str_of(f, "message")).collect();
    assert!(messages.iter().any(|m| m.contains("Leif Skaarup")));
    assert!(messages.iter().any(|m| m.contains("Karen Holm-Andersen")));
    // Not flagged: Birgit Hansen (= Birgit Stenbak Hansen), Edin Hajder (a guest announced
    // in the Baggrund), the empty headings 4, 5 and 7.
    assert!(!messages.iter().any(|m| m.contains("Birgit") || m.contains("Edin")), "{messages:?}");
    for n in ["4", "5", "7"] {
        assert!(!has(&v, "missing-decision", Some(n)));
    }
    // The items are not renumbered.
    let numbers: Vec<&str> = items(&v).iter().map(|i| str_of(i, "number")).collect();
    assert!(numbers.contains(&"3.4") && !numbers.contains(&"3.3"));
}

#[test]
fn numbering_gap_and_duplicate() {
    let body = [item("1", "A", DECIDED), item("2", "B", DECIDED), item("4", "C", DECIDED), item("4", "D", DECIDED)].concat();
    let v = analyze_text(&referat(PEOPLE, &body));
    assert!(has(&v, "numbering-gap", Some("3")), "{:?}", found(&v));
    assert!(has(&v, "duplicate-number", Some("4")), "{:?}", found(&v));
}

#[test]
fn missing_decision_but_not_for_empty_headings() {
    let body = [item("1", "A", &[("Indstilling", "Det indstilles, at KKR godkender planen.")]), "## 2. Eventuelt\n\n".to_owned()].concat();
    let v = analyze_text(&referat(PEOPLE, &body));
    assert!(has(&v, "missing-decision", Some("1")));
    assert!(!has(&v, "missing-decision", Some("2")));
}

#[test]
fn present_and_absent() {
    let people = format!("{PEOPLE}\nPer Bach-Laursen (V), Vesthimmerlands Kommune");
    let v = analyze_text(&referat(&people, &item("1", "A", DECIDED)));
    assert!(has(&v, "present-and-absent", None), "{:?}", found(&v));
}

#[test]
fn unknown_person_with_name_matching_and_guests() {
    let parts = [
        ("Baggrund", "Karen Holm, direktør, deltager på mødet og holder oplæg."),
        ("Indstilling", "Det indstilles, at KKR tager orienteringen til efterretning."),
        ("Beslutning", "Karen Holm holdt oplæg. Birgit Hansen spurgte til sagen. Per Bach-Laursen supplerede. Lise Mortensen bemærkede, at tallene er usikre. KKR Nordjylland tog orienteringen til efterretning."),
    ];
    let v = analyze_text(&referat(PEOPLE, &item("1", "A", &parts)));
    let unknown: Vec<&str> =
        v["findings"].as_array().unwrap().iter().filter(|f| f["code"] == "unknown-person").map(|f| str_of(f, "message")).collect();
    assert_eq!(unknown.len(), 1, "{unknown:?}");
    assert!(unknown[0].contains("Lise Mortensen"));
}

#[test]
fn absent_but_acting() {
    let parts = [("Sagsfremstilling", "Jens Kristian Yde giver en kort orientering om status."), DECIDED[0], DECIDED[1]];
    let v = analyze_text(&referat(PEOPLE, &item("1", "A", &parts)));
    assert!(has(&v, "absent-but-acting", Some("1")), "{:?}", found(&v));
}

#[test]
fn toc_mismatch() {
    let toc = "1. A ..... 2\n2. B ..... 3\n3. C ..... 4\n";
    let body = [item("1", "A", DECIDED), item("2", "B", DECIDED)].concat();
    let v = analyze_text(&referat(PEOPLE, &format!("{toc}\n{body}")));
    assert!(has(&v, "toc-mismatch", Some("3")), "{:?}", found(&v));
}

#[test]
fn truncated_and_duplicated() {
    let cut = [
        item("1", "A", DECIDED),
        item("2", "B", &[("Indstilling", "Det indstilles, at KKR godkender"), ("Sagsfremstilling", "Sagen handler om")]),
    ]
    .concat();
    let v = analyze_text(&referat(PEOPLE, &cut));
    assert!(has(&v, "truncated", Some("2")), "{:?}", found(&v));
    let once = referat(PEOPLE, &item("1", "A", DECIDED));
    let v = analyze_text(&once.repeat(3));
    assert!(codes(&v).contains(&"duplicated-content".to_owned()));
}

#[test]
fn decision_differs_is_info() {
    let parts =
        [("Indstilling", "Det indstilles, at KKR drøfter sagen."), ("Beslutning", "KKR Nordjylland tog orienteringen til efterretning.")];
    let v = analyze_text(&referat(PEOPLE, &item("1", "A", &parts)));
    let f = v["findings"].as_array().unwrap().iter().find(|f| f["code"] == "decision-differs").expect("flagged");
    assert_eq!(f["severity"], "info");
    assert_eq!(f["item"], "1");
}

#[test]
fn date_mismatch() {
    let parts = [("Baggrund", "Godkendelse af dagsorden til mødet i KKR Nordjylland den 14. marts 2025."), DECIDED[0], DECIDED[1]];
    let v = analyze_text(&referat(PEOPLE, &item("1.1", "Godkendelse af dagsorden", &parts)));
    assert!(has(&v, "date-mismatch", Some("1.1")), "{:?}", found(&v));
    let parts = [("Baggrund", "Godkendelse af dagsorden til mødet i KKR Nordjylland den 7. februar 2025."), DECIDED[0], DECIDED[1]];
    let v = analyze_text(&referat(PEOPLE, &item("1.1", "Godkendelse af dagsorden", &parts)));
    assert!(!codes(&v).contains(&"date-mismatch".to_owned()));
}

/// The clean examples: only what a reviewer would agree with (judged in the closing note).
#[test]
fn the_clean_examples() {
    let v = analyze_file("kkr-nordjylland-2021-06-11.md");
    assert_eq!(found(&v), [("decision-differs".to_owned(), Some("2.2".to_owned()))]);
    let v = analyze_file("kkr-nordjylland-2025-08-29.txt");
    let mut f = found(&v);
    f.sort();
    assert_eq!(
        f,
        [
            ("absent-but-acting".to_owned(), Some("2.1".to_owned())),
            ("decision-differs".to_owned(), Some("3.2".to_owned())),
            ("unknown-person".to_owned(), Some("3.6".to_owned())),
        ]
    );
}
