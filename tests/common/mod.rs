//! Shared by the integration tests: the corpus copied into tests/corpus, and the
//! comparison that ../shared/tools/score.py makes (soft and strict), in Rust.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

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

/// The tests' one pseudo-random generator (Marsaglia's xorshift64, shifts 13, 7, 17): the
/// same seed gives the same numbers on every machine, so a failure can be repeated.
/// (tests/browser/formats.test.mjs computes the same sequence in JavaScript.)
pub struct Xorshift64(u64);

impl Xorshift64 {
    /// A zero state would stay zero forever, so seed 0 counts as 1.
    pub fn new(seed: u64) -> Self {
        Xorshift64(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
}

/// Deterministic pseudo-random bytes, standing in for the manifest's
/// `head -c N /dev/urandom` so that a failure can be repeated.
pub fn noise(len: usize, seed: u64) -> Vec<u8> {
    let mut rng = Xorshift64::new(seed);
    (0..len).map(|_| (rng.next_u64() >> 32) as u8).collect()
}

/// Every file under `dir`, recursively, in name order (so failures are listed the same way
/// on every machine).
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).expect("corpus folder").map(|e| e.expect("entry").path()).collect();
    entries.sort();
    entries.into_iter().flat_map(|path| if path.is_dir() { files_under(&path) } else { vec![path] }).collect()
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

fn norm(v: &Value) -> String {
    v.as_str().unwrap_or("").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every field score.py checks strictly, as a list of what differs (empty when all is
/// right): header, item numbers, titles, case numbers, parts, decisions (outcome and the
/// start of the text, folded as score.py folds it), and the present and absent people in order.
pub fn strict_differences(got: &Value, want: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for k in ["body", "date", "start_time", "location"] {
        if norm(&got["meeting"][k]) != norm(&want["meeting"][k]) {
            out.push(format!("meeting.{k}: {:?} vs {:?}", got["meeting"][k], want["meeting"][k]));
        }
    }
    let numbers = |v: &Value| items(v).iter().map(|i| str_of(i, "number").to_owned()).collect::<Vec<_>>();
    if numbers(got) != numbers(want) {
        out.push(format!("item numbers: {:?}", numbers(got)));
        return out;
    }
    let kinds = |v: &Value| {
        v["sections"].as_array().map(|a| a.iter().map(|s| str_of(s, "kind").to_owned()).collect::<Vec<_>>()).unwrap_or_default()
    };
    for (g, t) in items(got).iter().zip(items(want)) {
        let n = str_of(t, "number");
        if norm(&g["title"]) != norm(&t["title"]) {
            out.push(format!("{n} title: {:?}", g["title"]));
        }
        if g["case"] != t["case"] {
            out.push(format!("{n} case: {:?}", g["case"]));
        }
        if kinds(g) != kinds(t) {
            out.push(format!("{n} parts: {:?}", kinds(g)));
        }
        match t["decision"].as_object() {
            None if !g["decision"].is_null() => out.push(format!("{n}: decision invented")),
            None => {}
            Some(td) => {
                if g["decision"]["outcome"] != td["outcome"] {
                    out.push(format!("{n} outcome: {:?}", g["decision"]["outcome"]));
                }
                // As score.py: folded, the first 40 characters of the truth's start.
                let text = fold(&norm(&g["decision"]["text"]));
                let start: String = fold(&norm(&td["text_starts"])).chars().take(40).collect();
                if !text.starts_with(&start) {
                    out.push(format!("{n} decision text: {:.80}", text));
                }
            }
        }
    }
    for side in ["present", "absent"] {
        let key = |p: &Value| (norm(&p["name"]), p["party"].clone(), norm(&p["municipality"]));
        let g: Vec<_> = people(got, side).iter().map(key).collect();
        let w: Vec<_> = people(want, side).iter().map(key).collect();
        if g != w {
            out.push(format!("{side}: {g:?}"));
        }
    }
    out
}
