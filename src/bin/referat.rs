//! `referat FILE`: prints the referat/1 JSON of FILE. Exit 0 with a result, 1 with a
//! one-line message on stderr when the file cannot be read as a referat.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [path] = args.as_slice() else {
        eprintln!("brug: referat FIL");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("referat: kan ikke læse {path}: {e}");
            return ExitCode::from(1);
        }
    };
    let name = std::path::Path::new(path).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let analysis = referat_analyzer::analyze(&bytes, &name);
    if let Some(f) = analysis.fatal() {
        eprintln!("referat: {}", f.message);
        return ExitCode::from(1);
    }
    match serde_json::to_string_pretty(&analysis) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("referat: {e}");
            ExitCode::from(1)
        }
    }
}
