//! What 100 MB/s leaves room for: the whole analysis beside single passes over the same
//! text (lower-casing it, splitting its lines, classifying each line with today's
//! classifier, looking every word up once in a small set, the OCR damage probe), each as
//! MB/s. `cargo bench --bench floor [FILE...]` (the two examples by default). The word
//! passes are the floor of any design that touches each word once: the 100 MB/s
//! is about what one of them costs alone.

use referat_analyzer::text::Lower;
use std::collections::HashSet;
use std::hint::black_box;
use std::time::Instant;

fn rate(label: &str, bytes: usize, mut f: impl FnMut()) {
    f();
    let t = Instant::now();
    let mut n = 0;
    while t.elapsed().as_secs_f64() < 1.5 {
        f();
        n += 1;
    }
    let s = t.elapsed().as_secs_f64() / n as f64;
    println!("{label:<44} {:>8.1} MB/s  ({:.3} ms)", bytes as f64 / s / 1e6, s * 1e3);
}

fn main() {
    let given: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let files = if given.is_empty() {
        ["kkr-nordjylland-2021-06-11.md", "kkr-nordjylland-2025-08-29.txt"]
            .map(|f| format!("{}/tests/corpus/{f}", env!("CARGO_MANIFEST_DIR")))
            .to_vec()
    } else {
        given
    };
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let n = bytes.len();
        println!("{path} ({n} B)");
        rate("analyze (all)", n, || {
            black_box(referat_analyzer::analyze(black_box(&bytes), &path));
        });
        rate("ingest", n, || {
            black_box(referat_analyzer::ingest::ingest(black_box(&bytes), &path).ok());
        });
        rate("lower-case the whole text once", n, || {
            black_box(black_box(&text).lower());
        });
        rate("split lines", n, || {
            black_box(black_box(&text).lines().collect::<Vec<_>>());
        });
        rate("classify every line (today's classifier)", n, || {
            for l in black_box(&text).lines() {
                black_box(referat_analyzer::parse::lines::classify(l));
            }
        });
        let vocab: HashSet<&str> = [
            "beslutning",
            "indstilling",
            "baggrund",
            "afbud",
            "deltagere",
            "fraværende",
            "godkendt",
            "sagsfremstilling",
            "referat",
            "kommune",
        ]
        .into_iter()
        .collect();
        rate("every word lower-cased + one set lookup", n, || {
            let mut hits = 0;
            for w in black_box(&text).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
                hits += vocab.contains(w.lower().as_str()) as usize;
            }
            black_box(hits);
        });
        rate("every word: bytes folded on the stack, no alloc", n, || {
            let b = black_box(&text).as_bytes();
            let (mut i, mut hits, mut buf) = (0, 0usize, [0u8; 32]);
            while i < b.len() {
                while i < b.len() && !(b[i].is_ascii_alphanumeric() || b[i] >= 0x80) {
                    i += 1;
                }
                let start = i;
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] >= 0x80) {
                    i += 1;
                }
                let w = &b[start..i];
                if w.len() <= 32 {
                    for (d, s) in buf.iter_mut().zip(w) {
                        *d = s.to_ascii_lowercase();
                    }
                    hits += vocab.contains(std::str::from_utf8(&buf[..w.len()]).unwrap_or("")) as usize;
                }
            }
            black_box(hits);
        });
        rate("OCR probe (Repairer::for_document)", n, || {
            black_box(referat_analyzer::text::ocr::Repairer::for_document(black_box(&text)).is_active());
        });
    }
}
