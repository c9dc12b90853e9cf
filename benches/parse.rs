//! Parsing speed, printed as MB/s: `cargo bench --bench parse`.
//! Each input is analysed repeatedly for about two seconds after a warm-up.

use std::time::{Duration, Instant};

fn bench(name: &str, bytes: &[u8]) {
    let _ = referat_analyzer::analyze(bytes, name); // warm-up: the lexicon is built once
    let start = Instant::now();
    let mut runs = 0u32;
    while start.elapsed() < Duration::from_secs(2) {
        std::hint::black_box(referat_analyzer::analyze(std::hint::black_box(bytes), name));
        runs += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = bytes.len() as f64 * runs as f64 / 1e6;
    println!("{name:48} {:>9} B  {:>8.2} ms/run  {:>8.1} MB/s", bytes.len(), secs * 1e3 / runs as f64, mb / secs);
}

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/");
    for name in [
        "kkr-nordjylland-2021-06-11.md",
        "kkr-nordjylland-2025-08-29.txt",
        "real/aarhus-byraad-2025-08-27.txt",
        "real/greve-byraad-2025-10-01.txt",
    ] {
        let bytes = std::fs::read(format!("{dir}{name}")).expect("corpus file");
        bench(name, &bytes);
    }
    // 33 copies, each opened by its own line so that the repeat detection (which parses
    // one copy of a repeated text) does not apply: the parser on 1 MB, just under the
    // length it reads whole (`MAX_PARSED`).
    let one = std::fs::read(format!("{dir}kkr-nordjylland-2021-06-11.md")).unwrap();
    let mut big = Vec::with_capacity(one.len() * 34);
    for k in 0..33 {
        big.extend_from_slice(format!("Kopi {k}\n").as_bytes());
        big.extend_from_slice(&one);
    }
    assert!(big.len() <= referat_analyzer::MAX_PARSED, "the bench text is read whole");
    bench("2021 example, 33 different copies (1 MB)", &big);
}
