//! Strict accuracy against tests/corpus/truth, field by field as ../shared/tools/score.py
//! scores it: every value exactly right after OCR repair, markup gone. A regression in any
//! field fails here with the field named.

mod common;

use common::*;
use serde_json::Value;

const EXAMPLES: [(&str, &str); 2] =
    [("kkr-nordjylland-2021-06-11.md", "kkr-nordjylland-2021-06-11"), ("kkr-nordjylland-2025-08-29.txt", "kkr-nordjylland-2025-08-29")];

fn norm(v: &Value) -> String {
    v.as_str().unwrap_or("").split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn meeting_header_exact() {
    for (file, stem) in EXAMPLES {
        let (got, want) = (analyze_file(file), truth(stem));
        for k in ["body", "date", "start_time", "location"] {
            assert_eq!(norm(&got["meeting"][k]), norm(&want["meeting"][k]), "{file}: meeting.{k}");
        }
    }
}

#[test]
fn items_exact() {
    for (file, stem) in EXAMPLES {
        let (got, want) = (analyze_file(file), truth(stem));
        assert_eq!(items(&got).len(), items(&want).len(), "{file}: number of items");
        for (g, t) in items(&got).iter().zip(items(&want)) {
            let n = str_of(t, "number");
            assert_eq!(str_of(g, "number"), n, "{file}: numbering");
            assert_eq!(norm(&g["title"]), norm(&t["title"]), "{file} {n}: title");
            assert_eq!(g["case"], t["case"], "{file} {n}: case");
        }
    }
}

#[test]
fn decisions_exact() {
    for (file, stem) in EXAMPLES {
        let (got, want) = (analyze_file(file), truth(stem));
        for (g, t) in items(&got).iter().zip(items(&want)) {
            let n = str_of(t, "number");
            let Some(td) = t["decision"].as_object() else {
                assert!(g["decision"].is_null(), "{file} {n}: decision invented");
                continue;
            };
            assert_eq!(g["decision"]["outcome"], td["outcome"], "{file} {n}: outcome");
            // Exact, not folded: the repaired text must start with the truth's words.
            let text = norm(&g["decision"]["text"]);
            let starts = norm(&td["text_starts"]);
            assert!(text.starts_with(&starts), "{file} {n}: decision text\n got: {text:.120}\nwant: {starts}");
        }
    }
}

#[test]
fn attendance_exact() {
    for (file, stem) in EXAMPLES {
        let (got, want) = (analyze_file(file), truth(stem));
        for side in ["present", "absent"] {
            let key = |p: &Value| (norm(&p["name"]), p["party"].clone(), norm(&p["municipality"]));
            let g: Vec<_> = people(&got, side).iter().map(key).collect();
            let w: Vec<_> = people(&want, side).iter().map(key).collect();
            assert_eq!(g, w, "{file}: {side} (name, party, municipality) in order");
        }
    }
}
