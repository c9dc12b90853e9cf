//! Shared by the integration tests: the corpus copied into tests/corpus, and the
//! comparison that ../shared/tools/score.py makes (soft and strict), in Rust.

#![allow(dead_code)]

use std::path::PathBuf;

use serde_json::Value;

pub fn corpus(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus").join(name)
}

pub fn truth(stem: &str) -> Value {
    let text = std::fs::read_to_string(corpus(&format!("truth/{stem}.json"))).expect("truth file");
    serde_json::from_str(&text).expect("truth json")
}

pub fn analyze_file(name: &str) -> Value {
    let bytes = std::fs::read(corpus(name)).expect("corpus file");
    serde_json::to_value(referat_analyzer::analyze(&bytes, name)).expect("serializes")
}

/// score.py's `fold`: case, spacing, æ/ø/å and dashes folded away.
pub fn fold(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    s.replace('æ', "ae").replace('ø', "o").replace('å', "aa").replace(['—', '–'], "-")
}

/// score.py's `soft_eq`: equal once folded, or nearly (similarity >= 0.9).
pub fn soft_eq(a: &str, b: &str) -> bool {
    let (a, b) = (fold(a), fold(b));
    a == b || similarity(&a, &b) >= 0.9
}

/// 1 - edit distance / longer length: close to difflib's ratio for short strings.
pub fn similarity(a: &str, b: &str) -> f64 {
    let longest = a.chars().count().max(b.chars().count()).max(1);
    1.0 - referat_analyzer::lexicon::edit_distance(a, b) as f64 / longest as f64
}

pub fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

pub fn items(v: &Value) -> &Vec<Value> {
    v["items"].as_array().expect("items array")
}

pub fn people<'a>(v: &'a Value, side: &str) -> &'a Vec<Value> {
    v["attendance"][side].as_array().expect("attendance list")
}
