//! Prints each line the OCR repair changes: `cargo run --example repair_diff -- FILE`.
use referat_analyzer::text::ocr::Repairer;

fn main() {
    let path = std::env::args().nth(1).expect("FILE");
    let text = std::fs::read_to_string(&path).expect("utf-8 text");
    let r = Repairer::for_document(&text);
    println!("active: {}", r.is_active());
    let mut continues = false;
    for line in text.lines() {
        let fixed = r.line(line, continues);
        if !line.trim().is_empty() {
            continues = line.trim_end().ends_with('-');
        }
        if fixed != line {
            println!("- {line}\n+ {fixed}");
        }
    }
}
