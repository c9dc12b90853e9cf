//! `referat [--format json|csv|md] [--table decisions|attendance] [--history] FILE...`
//!
//! Prints the analysis of each FILE: referat/1 JSON (an array for several files), CSV for
//! Danish Excel (decisions, or attendance with `--table attendance`), or a Markdown
//! summary; with `--history`, the meetings of all the files and each member's attendance
//! over them (referat-history/1 JSON). Exit 0 when every file was read; 1 with a one-line message on stderr for each
//! file that cannot be read as a referat (the others are still printed); 2 for bad usage.

use std::io::Write;
use std::process::ExitCode;

use referat_analyzer::{export, Analysis};

const USAGE: &str = "brug: referat [--format json|csv|md] [--table decisions|attendance] [--history] FIL...";

fn main() -> ExitCode {
    let mut format = "json".to_owned();
    let mut table = "decisions".to_owned();
    let mut files = Vec::new();
    let mut history = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--format" | "-f" => format = args.next().unwrap_or_default(),
            "--table" | "-t" => table = args.next().unwrap_or_default(),
            "--history" => history = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ if a.starts_with("--format=") => format = a["--format=".len()..].to_owned(),
            _ if a.starts_with("--table=") => table = a["--table=".len()..].to_owned(),
            _ => files.push(a),
        }
    }
    if files.is_empty() || !["json", "csv", "md"].contains(&format.as_str()) || !["decisions", "attendance"].contains(&table.as_str()) {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let mut analyses: Vec<Analysis> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    let mut failed = false;
    for path in &files {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("referat: kan ikke læse {path}: {e}");
                failed = true;
                continue;
            }
        };
        let name = std::path::Path::new(path).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let analysis = referat_analyzer::analyze(&bytes, &name);
        if let Some(f) = analysis.fatal() {
            eprintln!("referat: {}", f.message);
            failed = true;
            continue;
        }
        analyses.push(analysis);
        names.push(name);
    }
    if !analyses.is_empty() {
        let out: Vec<u8> = match (format.as_str(), table.as_str()) {
            _ if history => {
                let given: Vec<(&str, &Analysis)> = names.iter().map(String::as_str).zip(&analyses).collect();
                let h = referat_analyzer::series::history(&given);
                (serde_json::to_string_pretty(&h).unwrap_or_default() + "\n").into_bytes()
            }
            ("csv", "attendance") => export::csv_attendance(&analyses),
            ("csv", _) => export::csv_decisions(&analyses),
            ("md", _) => export::markdown(&analyses).into_bytes(),
            _ => (export::json(&analyses) + "\n").into_bytes(),
        };
        if std::io::stdout().write_all(&out).is_err() {
            return ExitCode::from(1);
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
