//! Search speed: `cargo bench --bench search`. 100 analysed referater (the corpus's two
//! KKR referater and the development corpus, over and over) are indexed, then 20 queries
//! timed; prints the build time and each query's time, hits, median and max.

use std::time::Instant;

use referat_analyzer::series::search::Index;

const DOCS: usize = 100;
const LIMIT: usize = 200;

const QUERIES: [&str; 20] = [
    "kkr",
    "godkendt",
    "skole",
    "budget 2020",
    "lokalplan",
    "efterretning",
    "sosu",
    "mogens gade",
    "per",
    "orientering kkr",
    "økonomi",
    "a",
    "indstillingen godkendes",
    "læsø",
    "klima",
    "udvalget anbefaler",
    "flygtning",
    "byrådet",
    "2021",
    "ingenting-her xyzzy",
];

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/");
    let mut files = vec![format!("{dir}kkr-nordjylland-2021-06-11.md"), format!("{dir}kkr-nordjylland-2025-08-29.txt")];
    let mut dev: Vec<String> = std::fs::read_dir(format!("{dir}dev"))
        .expect("dev corpus")
        .filter_map(|e| e.ok()?.path().to_str().map(str::to_owned))
        .filter(|p| p.ends_with(".txt") && !p.ends_with(".source.txt"))
        .collect();
    dev.sort();
    files.extend(dev);
    let analyses: Vec<_> = files.iter().map(|f| referat_analyzer::analyze(&std::fs::read(f).expect("corpus file"), f)).collect();
    let docs: Vec<_> = analyses.iter().cycle().take(DOCS).collect();
    let items: usize = docs.iter().map(|a| a.items.len()).sum();

    let start = Instant::now();
    let mut index = Index::new();
    for (k, a) in docs.iter().enumerate() {
        index.add(k, a);
    }
    let build = start.elapsed().as_secs_f64() * 1e3;
    println!("index of {} documents ({} distinct, {items} items) built in {build:.1} ms", index.len(), analyses.len());

    for q in QUERIES {
        std::hint::black_box(index.search(q, LIMIT)); // warm-up
    }
    let mut times = Vec::new();
    for q in QUERIES {
        let start = Instant::now();
        let hits = std::hint::black_box(index.search(std::hint::black_box(q), LIMIT));
        let ms = start.elapsed().as_secs_f64() * 1e3;
        println!("{q:28} {:>4} hits  {ms:>7.3} ms", hits.len());
        times.push(ms);
    }
    times.sort_by(f64::total_cmp);
    println!("per query (limit {LIMIT}): median {:.3} ms, max {:.3} ms", times[times.len() / 2], times[times.len() - 1]);
}
