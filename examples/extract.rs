//! Prints the text `ingest` extracts from FILE: `cargo run --example extract -- FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("FILE");
    let bytes = std::fs::read(&path).expect("readable");
    match referat_analyzer::ingest::ingest(&bytes, &path) {
        Ok(i) => print!("{}", i.text),
        Err(r) => eprintln!("{}", r.message),
    }
}
