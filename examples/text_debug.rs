//! Prints a document's text as the parser sees it, numbered (a development aid:
//! `cargo run --example text_debug FILE [FROM TO]`).
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let bytes = std::fs::read(&args[1]).expect("readable");
    let text = referat_analyzer::ingest::ingest(&bytes, &args[1]).expect("a text").text;
    let text = referat_analyzer::text::normalize_newlines(&text);
    let text = referat_analyzer::text::reflow::restore_breaks(&text).unwrap_or(text);
    let text = referat_analyzer::text::flat::restore(&text).unwrap_or(text);
    let text = referat_analyzer::text::reflow::unglue_numbers(&text).unwrap_or(text);
    let from: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(1);
    let to: usize = args.get(3).and_then(|a| a.parse().ok()).unwrap_or(usize::MAX);
    for (i, l) in text.split('\n').enumerate().skip(from - 1).take(to.saturating_sub(from) + 1) {
        let kind = referat_analyzer::parse::lines::classify(l);
        println!("{:5} {:?} | {}", i + 1, std::mem::discriminant(&kind), l.chars().take(100).collect::<String>());
    }
}
