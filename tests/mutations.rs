//! A property test in the normal test run (the fuzz targets need nightly; this does not):
//! every text document of the corpus, damaged at random in the ways real files are
//! (lines lost, repeated, swapped, joined, cut off; stray characters; a line in capitals),
//! is analysed without a panic, gives JSON that reads back, and every word of every
//! attendee's `raw` stands in the document. The generator is seeded, so a failure names the
//! seed that repeats it.

mod common;

use common::{files_under, Xorshift64};

/// Mutants of each document in the normal run: a debug build does these in seconds.
/// `MUTANTS=2000 cargo test --release --test mutations` runs a long search;
/// `MUTANT=<seed>` with it writes that seed's mutant to `target/mutant.txt`.
const MUTANTS: u64 = 12;

const JUNK: &[char] = &[
    'a', 'e', 'ø', 'æ', 'å', 'Ø', 'A', 'Z', '1', '9', '0', '.', ':', ';', ',', '(', ')', '-', '–', '/', ' ', '\t', '\n', '•', '"', '@', '§',
];

fn pick(rng: &mut Xorshift64, n: usize) -> usize {
    (rng.next_u64() % n.max(1) as u64) as usize
}

/// One to four damages of the kinds above.
fn mutate(text: &str, rng: &mut Xorshift64) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    for _ in 0..1 + pick(rng, 4) {
        if lines.is_empty() {
            break;
        }
        let n = lines.len();
        let (a, b) = (pick(rng, n), pick(rng, n));
        let (lo, hi) = (a.min(b), a.max(b).min(a.min(b) + 40));
        match pick(rng, 7) {
            0 => drop(lines.drain(lo..=hi)),
            1 => {
                let copy: Vec<String> = lines[lo..=hi].to_vec();
                let at = pick(rng, n + 1);
                lines.splice(at..at, copy);
            }
            2 => lines.swap(a, b),
            3 => {
                let joined = lines[lo..=hi].join(" ");
                lines.splice(lo..=hi, [joined]);
            }
            4 => lines.truncate(hi.max(1)),
            5 => {
                let line = &mut lines[a];
                let cut = line.char_indices().map(|(i, _)| i).nth(pick(rng, line.chars().count() + 1)).unwrap_or(line.len());
                let junk: String = (0..1 + pick(rng, 6)).map(|_| JUNK[pick(rng, JUNK.len())]).collect();
                line.insert_str(cut, &junk);
            }
            _ => lines[a] = lines[a].to_uppercase(),
        }
    }
    lines.join("\n")
}

#[test]
fn damaged_documents_never_panic_and_keep_their_raw_text() {
    let root = common::corpus("");
    let docs: Vec<_> = files_under(&root)
        .into_iter()
        .filter(|p| {
            let name = p.to_string_lossy();
            (name.ends_with(".txt") || name.ends_with(".md"))
                && !name.ends_with(".source.txt")
                && !name.contains("/adversarial/")
                && !name.contains("/variants/")
        })
        .collect();
    assert!(docs.len() > 40, "{} documents", docs.len());
    let mutants = std::env::var("MUTANTS").ok().and_then(|n| n.parse().ok()).unwrap_or(MUTANTS);
    let mut failures = Vec::new();
    for (d, path) in docs.iter().enumerate() {
        let Ok(text) = std::fs::read_to_string(path) else { continue };
        for m in 0..mutants {
            let seed = (d as u64 + 1) * 1_000_000 + m;
            let damaged = mutate(&text, &mut Xorshift64::new(seed));
            let name = path.file_name().expect("a file").to_string_lossy().into_owned();
            // MUTANT=<seed> writes that mutant to target/ to look at.
            if std::env::var("MUTANT").ok().and_then(|v| v.parse::<u64>().ok()) == Some(seed) {
                let out = concat!(env!("CARGO_MANIFEST_DIR"), "/target/mutant.txt");
                std::fs::write(out, &damaged).expect("target/ is writable");
            }
            let result = std::panic::catch_unwind(|| referat_analyzer::analyze(damaged.as_bytes(), &name));
            let Ok(analysis) = result else {
                failures.push(format!("{name} seed {seed}: panicked"));
                continue;
            };
            let json = serde_json::to_string(&analysis).expect("serializes");
            if serde_json::from_str::<serde_json::Value>(&json).is_err() {
                failures.push(format!("{name} seed {seed}: JSON does not read back"));
            }
            // `raw` is text the parser read, never made up: each of its words stands in
            // the document, whatever the parser did to spacing, case and line breaks ("K K
            // R  S J Æ L L A N D" read as "KKR SJÆLLAND"; a list read on past a "Til
            // toppen"). An OCR repair rewrites letters on purpose, so a text it repairs is
            // not checked.
            let repaired = referat_analyzer::text::ocr::Repairer::for_document(&damaged).is_active();
            let doc = damaged.to_lowercase();
            let doc_letters: String = doc.chars().filter(|c| c.is_alphanumeric()).collect();
            for p in analysis.attendance.present.iter().chain(&analysis.attendance.absent).filter(|_| !repaired) {
                let raw = p.raw.to_lowercase();
                let invented = raw.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).find(|w| !doc_letters.contains(w));
                if let Some(word) = invented {
                    failures.push(format!("{name} seed {seed}: raw {:?} has {word:?}, not in the document", p.raw));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
