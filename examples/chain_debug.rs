//! Prints each numbered line of a document and whether the agenda chain took it (a
//! development aid: `cargo run --example chain_debug FILE`).
use referat_analyzer::parse::{chain, lines};

fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let bytes = std::fs::read(&path).expect("readable");
    let text = referat_analyzer::ingest::ingest(&bytes, &path).expect("a text").text;
    let text = referat_analyzer::text::normalize_newlines(&text);
    let text = referat_analyzer::text::reflow::restore_breaks(&text).unwrap_or(text);
    let text = referat_analyzer::text::flat::restore(&text).unwrap_or(text);
    let text = referat_analyzer::text::reflow::unglue_numbers(&text).unwrap_or(text);
    let ls = referat_analyzer::text::lines(&text);
    let kinds: Vec<lines::Kind> = ls.iter().map(|l| lines::classify(&l.text)).collect();
    let chosen = chain::agenda_numbers(&ls, &kinds);
    for (i, k) in kinds.iter().enumerate() {
        if matches!(k, lines::Kind::Heading { .. } | lines::Kind::NumberOnly { .. }) {
            let mark = chosen[i].as_ref().map(|n| n.to_string()).unwrap_or_default();
            println!("{:5} {:>6} {}", i + 1, mark, ls[i].text.chars().take(90).collect::<String>());
        }
    }
}
