//! Analyses FILE N times, for profilers: `cargo run --release --example profile_once -- FILE N`.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("FILE");
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(1);
    let bytes = std::fs::read(&path).expect("readable");
    for _ in 0..n {
        std::hint::black_box(referat_analyzer::analyze(&bytes, &path));
    }
}
