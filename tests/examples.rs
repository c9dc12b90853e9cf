//! Both example referater against their hand-checked truth: every item, every person and
//! every decision found, none invented. (Exact spelling after OCR repair, and each
//! decision's outcome, are checked against the truth by the strict tests in accuracy.rs;
//! here OCR spellings are allowed, as score.py's soft match does.)

mod common;

use common::*;

const EXAMPLES: [(&str, &str); 2] =
    [("kkr-nordjylland-2021-06-11.md", "kkr-nordjylland-2021-06-11"), ("kkr-nordjylland-2025-08-29.txt", "kkr-nordjylland-2025-08-29")];

#[test]
fn every_item_number_in_order_and_no_other() {
    for (file, stem) in EXAMPLES {
        let got: Vec<String> = items(&analyze_file(file)).iter().map(|i| str_of(i, "number").to_owned()).collect();
        let want: Vec<String> = items(&truth(stem)).iter().map(|i| str_of(i, "number").to_owned()).collect();
        assert_eq!(got, want, "{file}");
    }
}

#[test]
fn every_title_case_number_and_part() {
    for (file, stem) in EXAMPLES {
        let got = analyze_file(file);
        for (g, t) in items(&got).iter().zip(items(&truth(stem))) {
            let n = str_of(t, "number");
            assert!(soft_eq(str_of(g, "title"), str_of(t, "title")), "{file} {n}: title {:?} vs {:?}", g["title"], t["title"]);
            assert_eq!(g["case"], t["case"], "{file} {n}: case");
            assert_eq!(g["level"], t["level"], "{file} {n}: level");
            let kinds = |v: &serde_json::Value| -> Vec<String> {
                v["sections"].as_array().unwrap().iter().map(|s| str_of(s, "kind").to_owned()).collect()
            };
            assert_eq!(kinds(g), kinds(t), "{file} {n}: parts");
        }
    }
}

#[test]
fn every_decision_present_with_its_text() {
    for (file, stem) in EXAMPLES {
        let got = analyze_file(file);
        for (g, t) in items(&got).iter().zip(items(&truth(stem))) {
            let n = str_of(t, "number");
            assert_eq!(g["decision"].is_null(), t["decision"].is_null(), "{file} {n}: decision presence");
            if let Some(td) = t["decision"].as_object() {
                let text = fold(str_of(&g["decision"], "text"));
                let starts = fold(td["text_starts"].as_str().unwrap());
                let prefix: String = starts.chars().take(40).collect();
                let head: String = text.chars().take(prefix.chars().count()).collect();
                assert!(soft_eq(&head, &prefix), "{file} {n}: decision text {head:?} vs {prefix:?}");
            }
        }
    }
}

#[test]
fn every_attendee_found_on_the_right_side_and_none_invented() {
    for (file, stem) in EXAMPLES {
        let got = analyze_file(file);
        let want = truth(stem);
        for side in ["present", "absent"] {
            let g = people(&got, side);
            let w = people(&want, side);
            assert_eq!(g.len(), w.len(), "{file} {side}: count");
            for t in w {
                let name = str_of(t, "name");
                let found = g.iter().find(|p| soft_eq(str_of(p, "name"), name));
                let p = found.unwrap_or_else(|| panic!("{file} {side}: {name} missing"));
                assert_eq!(str_of(p, "raw"), str_of(t, "raw"), "{file} {side}: raw line of {name}");
            }
        }
    }
}

#[test]
fn header_and_statistics() {
    for (file, stem) in EXAMPLES {
        let got = analyze_file(file);
        let want = truth(stem);
        for k in ["body", "date", "start_time"] {
            assert_eq!(got["meeting"][k], want["meeting"][k], "{file} meeting.{k}");
        }
        let stats = &got["attendance"]["stats"];
        let (p, a) = (people(&want, "present").len(), people(&want, "absent").len());
        assert_eq!(stats["present"], p, "{file}");
        assert_eq!(stats["absent"], a, "{file}");
        let by_party: u64 =
            stats["by_party"].as_array().unwrap().iter().map(|c| c["present"].as_u64().unwrap() + c["absent"].as_u64().unwrap()).sum();
        assert_eq!(by_party as usize, p + a, "{file}: by_party adds up");
    }
}
