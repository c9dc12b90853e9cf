//! Shows what the OCR repair makes of words: `cargo run --example repair_word -- WORD...`.
use referat_analyzer::text::ocr::Repairer;

fn main() {
    let r = Repairer::always();
    for w in std::env::args().skip(1) {
        println!("{w} -> {:?}  {}", r.word(&w), r.explain(&w));
    }
}
