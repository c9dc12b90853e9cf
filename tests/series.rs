//! `referat --history` over the corpus: the meetings and, for every member of the truth
//! files, the status those files give (present, absent, or not listed at that meeting).

mod common;

use std::process::Command;

use serde_json::Value;

fn truth(name: &str) -> Value {
    let path = format!("{}/tests/corpus/truth/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).expect("truth file")).expect("truth JSON")
}

fn names_in(t: &Value, list: &str) -> Vec<String> {
    t["attendance"][list].as_array().expect("list").iter().map(|p| p["name"].as_str().expect("name").to_owned()).collect()
}

#[test]
fn history_of_the_two_meetings_matches_the_truth_files() {
    let files = ["kkr-nordjylland-2025-08-29.txt", "kkr-nordjylland-2021-06-11.md", "variants/seed-2021.pdf"];
    let out =
        Command::new(env!("CARGO_BIN_EXE_referat")).arg("--history").args(files.iter().map(|f| common::corpus(f))).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let h: Value = serde_json::from_slice(&out.stdout).expect("history JSON");
    assert_eq!(h["schema"], "referat-history/1");
    let meetings = h["meetings"].as_array().expect("meetings");
    // The 2021 Markdown and its PDF are one meeting; meetings come by date.
    assert_eq!(meetings.len(), 2, "{meetings:?}");
    let truths = [truth("kkr-nordjylland-2021-06-11.json"), truth("kkr-nordjylland-2025-08-29.json")];
    for (m, t) in meetings.iter().zip(&truths) {
        assert_eq!(m["date"], t["meeting"]["date"]);
        assert_eq!(m["body"], t["meeting"]["body"]);
    }
    assert_eq!(meetings[0]["files"].as_array().map(Vec::len), Some(2), "the 2021 text and PDF: {:?}", meetings[0]);

    let members = h["members"].as_array().expect("members");
    let status_of = |name: &str, k: usize| -> String {
        let m = members
            .iter()
            .find(|m| referat_analyzer::names::same_person(m["name"].as_str().unwrap_or(""), name))
            .unwrap_or_else(|| panic!("{name} is no member of the history"));
        m["attendance"][k].as_str().unwrap_or("").to_owned()
    };
    let everyone: Vec<String> = truths.iter().flat_map(|t| names_in(t, "present").into_iter().chain(names_in(t, "absent"))).collect();
    for (k, t) in truths.iter().enumerate() {
        let (present, absent) = (names_in(t, "present"), names_in(t, "absent"));
        for name in &everyone {
            let want = if present.contains(name) {
                "present"
            } else if absent.contains(name) {
                "absent"
            } else {
                "not-listed"
            };
            assert_eq!(status_of(name, k), want, "{name} at meeting {}", t["meeting"]["date"]);
        }
    }
    // Counts and rate follow from the statuses.
    for m in members {
        let statuses: Vec<&str> = m["attendance"].as_array().expect("attendance").iter().filter_map(Value::as_str).collect();
        let present = statuses.iter().filter(|s| matches!(**s, "present" | "substitute")).count();
        let absent = statuses.iter().filter(|s| **s == "absent").count();
        assert_eq!(m["present"], present, "{m}");
        assert_eq!(m["absent"], absent, "{m}");
    }
}

fn referat(file: &str, date: &str, present: &str, absent: &str, items: &[&str]) -> referat_analyzer::Analysis {
    let items: String = items.iter().enumerate().map(|(k, t)| format!("{}. {t}\nBeslutning\nGodkendt.\n\n", k + 1)).collect();
    let text = format!("Referat\nByrådet\nMødedato: {date}\n\nDeltagere:\n{present}\n\nAfbud:\n{absent}\n\n{items}");
    referat_analyzer::analyze(text.as_bytes(), file)
}

#[test]
fn members_match_across_middle_names_and_meetings_by_agenda() {
    let a =
        referat("a.txt", "3. marts 2020", "Anne Marie Holm (A)\nPer Lund (V)", "Karen Bech (C)", &["Godkendelse af dagsorden", "Budget"]);
    let b = referat("b.txt", "7. april 2020", "Per Lund (V)\nKaren Bech (C)", "Anne Holm (A)", &["Godkendelse af dagsorden"]);
    // The same date and body with another agenda: another meeting, not a twin.
    let c = referat("c.txt", "3. marts 2020", "Per Lund (V)", "Karen Bech (C)", &["Ekstraordinært møde"]);
    let h = referat_analyzer::series::history(&[b, a, c]);
    let dates: Vec<_> = h.meetings.iter().map(|m| (m.file.as_str(), m.date.as_deref().unwrap_or(""))).collect();
    assert_eq!(dates, [("a.txt", "2020-03-03"), ("c.txt", "2020-03-03"), ("b.txt", "2020-04-07")]);
    use referat_analyzer::series::Status::*;
    let anne = h.members.iter().find(|m| m.name.contains("Holm")).expect("Anne Holm");
    assert_eq!(anne.name, "Anne Marie Holm", "the fullest name seen");
    assert_eq!(anne.attendance, [Present, NotListed, Absent]);
    assert_eq!((anne.present, anne.absent, anne.rate), (1, 1, Some(0.5)));
    let per = h.members.iter().find(|m| m.name == "Per Lund").expect("Per Lund");
    assert_eq!(per.attendance, [Present, Present, Present]);
    assert_eq!(h.members.len(), 3, "{:?}", h.members.iter().map(|m| &m.name).collect::<Vec<_>>());
}

#[test]
fn a_substitute_is_marked_as_one_and_counts_as_present() {
    let a = referat("a.txt", "3. marts 2020", "Per Lund (V)\nKaren Bech (C)", "Ole Dam (C)", &["Budget"]);
    let b = referat("b.txt", "7. april 2020", "Per Lund (V)\nOle Dam (C), suppleant for Karen Bech (C)", "Karen Bech (C)", &["Budget"]);
    let h = referat_analyzer::series::history(&[a, b]);
    use referat_analyzer::series::Status::*;
    let ole = h.members.iter().find(|m| m.name == "Ole Dam").expect("Ole Dam");
    assert_eq!(ole.attendance, [Absent, Substitute]);
    assert_eq!((ole.present, ole.absent), (1, 1));
    let karen = h.members.iter().find(|m| m.name == "Karen Bech").expect("Karen Bech");
    assert_eq!(karen.attendance, [Present, Absent]);
}

#[test]
fn a_name_damaged_by_ocr_is_the_same_member_unless_both_sit_in_one_meeting() {
    let a = referat("a.txt", "3. marts 2020", "Søren Hansen (A)\nJens Bøgh (V)", "Lise Dam (C)", &["Budget"]);
    let b = referat("b.txt", "7. april 2020", "Jens Bggh (V)\nLise Dam (C)", "Sgren Hansen (A)", &["Budget"]);
    // Two members whose names differ only as OCR would damage one: two people, as both are
    // listed in one meeting.
    let c = referat("c.txt", "5. maj 2020", "Jens Bøgh (V)\nAnne Møller (A)\nAnne Moller (C)", "", &["Budget"]);
    let h = referat_analyzer::series::history(&[a, b, c]);
    use referat_analyzer::series::Status::*;
    let names: Vec<&str> = h.members.iter().map(|m| m.name.as_str()).collect();
    let soren = h.members.iter().find(|m| m.name.ends_with("Hansen")).expect("Søren Hansen");
    assert_eq!(soren.name, "Søren Hansen", "the spelling with ø: {names:?}");
    assert_eq!(soren.attendance, [Present, Absent, NotListed]);
    let jens = h.members.iter().find(|m| m.name == "Jens Bøgh").expect("Jens Bøgh");
    assert_eq!(jens.attendance, [Present, Present, Present]);
    assert_eq!(names.iter().filter(|n| n.starts_with("Anne M")).count(), 2, "{names:?}");
    assert_eq!(h.members.len(), 5, "{names:?}");
}
