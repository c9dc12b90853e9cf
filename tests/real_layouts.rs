//! Other councils' layouts (tests/corpus/real, copied from ../shared/corpus/real). There is
//! no truth file for them on purpose; what is checked is what the documents themselves
//! state: how many items their agenda has, the titles their table of contents prints,
//! which items carry a decision, and the attendance they give.

mod common;

use common::*;
use serde_json::Value;

fn numbers(v: &Value) -> Vec<String> {
    items(v).iter().map(|i| str_of(i, "number").to_owned()).collect()
}

fn one_to(n: usize) -> Vec<String> {
    (1..=n).map(|i| i.to_string()).collect()
}

fn names(v: &Value, side: &str) -> Vec<String> {
    people(v, side).iter().map(|p| str_of(p, "name").to_owned()).collect()
}

/// Aarhus Byråd (FirstAgenda PDF as text): "Punkt N: Title", case number, "Beslutninger"
/// first. Its table of contents lists 21 items; every one was decided (item 21, closed,
/// prints its decision without a heading).
#[test]
fn aarhus_byraad_items_match_its_table_of_contents() {
    let text = std::fs::read_to_string(corpus("real/aarhus-byraad-2025-08-27.txt")).unwrap();
    let toc: Vec<String> = text
        .lines()
        .skip_while(|l| !l.trim_start_matches('\x0c').starts_with("Indholdsfortegnelse"))
        .skip(1)
        .take_while(|l| !l.trim_start_matches('\x0c').starts_with("Punkt 1:"))
        .map(|l| l.trim_end().trim_end_matches(|c: char| c.is_ascii_digit()).trim_end().trim_end_matches('.').trim().to_owned())
        .collect();
    assert_eq!(toc.len(), 21);
    let v = analyze_file("real/aarhus-byraad-2025-08-27.txt");
    assert_eq!(numbers(&v), one_to(21));
    for (item, toc_title) in items(&v).iter().zip(&toc) {
        let title = str_of(item, "title");
        assert!(title.starts_with(toc_title.as_str()), "{title:?} should start with {toc_title:?}");
        assert!(!item["decision"].is_null(), "item {} has a decision", str_of(item, "number"));
        assert!(item["case"].as_str().unwrap().starts_with("EMN-"));
    }
    assert_eq!(str_of(&v["meeting"], "body"), "Aarhus Byråd");
    assert_eq!(str_of(&v["meeting"], "date"), "2025-08-27");
    // "Godkendt." and "... at byrådet ... har vedtaget Magistratens indstilling" approve.
    assert_eq!(str_of(&items(&v)[0]["decision"], "outcome"), "approved");
    assert_eq!(str_of(&items(&v)[2]["decision"], "outcome"), "approved");
    // No attendance list in this document, and none is invented.
    assert!(names(&v, "present").is_empty() && names(&v, "absent").is_empty());
}

/// Aarhus Teknisk Udvalg (saved HTML as text): "Punkt N" alone, the title on its own line;
/// item 5 "Eventuelt" has no case number. Absence only inside a decision.
#[test]
fn aarhus_teknisk_udvalg() {
    let v = analyze_file("real/aarhus-teknisk-udvalg-2025-10-01.txt");
    assert_eq!(numbers(&v), one_to(6));
    let titles: Vec<&str> = items(&v).iter().map(|i| str_of(i, "title")).collect();
    assert_eq!(titles[4], "Eventuelt");
    assert_eq!(titles[5], "Måltal for busfremkommelighed, jf. budgetforlig 2023");
    assert!(items(&v).iter().all(|i| !i["decision"].is_null()));
    assert_eq!(str_of(&items(&v)[5]["decision"], "outcome"), "postponed");
    assert_eq!(items(&v)[1]["absent"], serde_json::json!(["Liv Gro Jensen"]));
}

/// Greve Byråd 2022: the member list flags nobody, yet every decision says "Fraværende:
/// Bjarke Abel, Linda Heegaard" (the source's own note). Item 4 has no decision.
#[test]
fn greve_2022_absence_stated_in_the_decisions() {
    let v = analyze_file("real/greve-byraad-2022-01-14.txt");
    assert_eq!(numbers(&v), one_to(4));
    let decided: Vec<bool> = items(&v).iter().map(|i| !i["decision"].is_null()).collect();
    assert_eq!(decided, [true, true, true, false]);
    let mut absent = names(&v, "absent");
    absent.sort();
    assert_eq!(absent, ["Bjarke Abel", "Linda Heegaard"]);
    assert_eq!(names(&v, "present").len(), 19);
}

/// Greve Byråd 2025: 22 items; "Charlotte Levin (Afbud)" inside the member list is absent;
/// Mehmet Zeki Dogru is absent on some items only, so present at the meeting.
#[test]
fn greve_2025_afbud_inside_the_member_list() {
    let v = analyze_file("real/greve-byraad-2025-10-01.txt");
    assert_eq!(numbers(&v), one_to(22));
    assert_eq!(names(&v, "absent"), ["Charlotte Levin"]);
    let present = names(&v, "present");
    assert_eq!(present.len(), 20);
    assert!(present.contains(&"Mehmet Zeki Dogru".to_owned()));
    let partly = items(&v).iter().filter(|i| i["absent"].as_array().is_some_and(|a| a.iter().any(|n| n == "Mehmet Zeki Dogru"))).count();
    assert!(partly > 0 && partly < 22, "absent on some items only: {partly}");
    assert_eq!(str_of(&items(&v)[0]["decision"], "outcome"), "approved");
}

/// The Greve meetings exported by FirstAgenda/Prepare as JSON read as the referater they
/// hold: the same items, decisions and attendance as their text renderings.
#[test]
fn firstagenda_json_exports_read_as_referater() {
    for stem in ["greve-byraad-2022-01-14", "greve-byraad-2025-10-01"] {
        let json = analyze_file(&format!("real/{stem}.json"));
        let text = analyze_file(&format!("real/{stem}.txt"));
        assert_eq!(str_of(&json["source"], "format"), "json");
        assert_eq!(numbers(&json), numbers(&text), "{stem}");
        let decided = |v: &Value| items(v).iter().filter(|i| !i["decision"].is_null()).count();
        assert_eq!(decided(&json), decided(&text), "{stem}");
        let mut a = names(&json, "absent");
        let mut b = names(&text, "absent");
        a.sort();
        b.sort();
        assert_eq!(a, b, "{stem}");
        assert_eq!(names(&json, "present").len(), names(&text, "present").len(), "{stem}");
        assert_eq!(str_of(&json["meeting"], "date"), str_of(&text["meeting"], "date"));
        assert_eq!(str_of(&json["meeting"], "body"), "Greve Kommune, Byråd 2022-2025");
    }
}

/// A text with no date, no agenda and nobody is no referat, and is refused by name; so is
/// JSON that is not a meeting export.
#[test]
fn not_a_referat_is_said_so() {
    let letter = referat_analyzer::analyze("Kære Jens\n\nTak for sidst. Vi ses til sommer.\n\nHilsen Anne\n".as_bytes(), "brev.txt");
    let f = letter.fatal().expect("refused");
    assert_eq!(f.code.as_str(), "not-a-referat");
    assert!(f.message.starts_with("brev.txt ligner ikke et referat"), "{}", f.message);
    let data = referat_analyzer::analyze(br#"{"rows": [1, 2, 3]}"#, "data.json");
    assert!(data.fatal().is_some_and(|f| f.message.contains("JSON")));
}
