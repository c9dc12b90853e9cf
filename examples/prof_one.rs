//! Analyses one file over and over for four seconds and prints the time per run: a target
//! for a profiler (`CARGO_PROFILE_RELEASE_DEBUG=true cargo build --release --example
//! prof_one`, then `perf record -g target/release/examples/prof_one FILE`). With a run
//! count (`prof_one FILE 100`) it runs that many times instead: for `perf stat -e
//! instructions`, which counts the same whatever else the machine is doing. FILE may be a
//! folder: each run then reads every file in it (a fuzz corpus, say: what the fuzzed path
//! spends its time on).

fn main() {
    let runs_wanted: Option<u32> = std::env::args().nth(2).and_then(|n| n.parse().ok());
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: prof_one FILE");
        std::process::exit(2);
    };
    let read = |p: &std::path::Path| std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    let files: Vec<(Vec<u8>, String)> = match std::fs::read_dir(&path) {
        Ok(dir) => dir.flatten().map(|e| (read(&e.path()), e.file_name().to_string_lossy().into_owned())).collect(),
        Err(_) => vec![(read(path.as_ref()), path.clone())],
    };
    let _ = referat_analyzer::analyze(&files[0].0, &files[0].1); // the lexicon is built once
    let start = std::time::Instant::now();
    let mut runs = 0u32;
    while runs_wanted.map_or(start.elapsed().as_secs_f64() < 4.0, |n| runs < n) {
        for (bytes, name) in &files {
            std::hint::black_box(referat_analyzer::analyze(std::hint::black_box(bytes), name));
        }
        runs += 1;
    }
    eprintln!("{:.2} ms/run", start.elapsed().as_secs_f64() * 1e3 / f64::from(runs));
}
