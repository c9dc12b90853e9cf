//! Damages FILE at random N times and analyses each copy, to look for panics in the
//! readers: `cargo run --release --example damage -- FILE N`.

#[path = "../tests/common/mod.rs"]
mod common;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("FILE");
    let rounds: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(1000);
    let bytes = std::fs::read(&path).expect("readable");
    let n = bytes.len();
    let mut rng = common::Xorshift64::new(0x2545_F491_4F6C_DD1D);
    let mut next = || rng.next_u64();
    for round in 0..rounds {
        let mut d = bytes.clone();
        let edits = 1 + next() % 64;
        for _ in 0..edits {
            let at = (next() as usize) % n;
            d[at] = next() as u8;
        }
        if round % 3 == 0 {
            d.truncate((next() as usize) % n + 1);
        }
        let _ = referat_analyzer::analyze(&d, &path);
    }
    println!("{rounds} damaged copies of {path}: no panic");
}
