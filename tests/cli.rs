//! The command line: JSON on stdout and exit 0 for a referat; exit 1 and one line on
//! stderr for what cannot be read as one.

mod common;

use std::process::Command;

fn run(file: &str) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_referat")).arg(common::corpus(file)).output().expect("runs")
}

#[test]
fn prints_referat_json() {
    let out = run("kkr-nordjylland-2021-06-11.md");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json on stdout");
    assert_eq!(v["schema"], "referat/1");
    assert_eq!(v["source"]["name"], "kkr-nordjylland-2021-06-11.md");
    assert_eq!(v["items"].as_array().unwrap().len(), 17);
}

#[test]
fn empty_file_exits_1_with_one_line() {
    let out = run("empty.txt");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("tom"), "{err}");
}

#[test]
fn binary_file_exits_1() {
    let dir = std::env::temp_dir().join(format!("referat-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("noise.bin");
    let bytes = common::noise(65536, 0x9E37_79B9_7F4A_7C15);
    std::fs::write(&path, bytes).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_referat")).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ligner ikke"));
}

#[test]
fn missing_file_exits_1() {
    let out = Command::new(env!("CARGO_BIN_EXE_referat")).arg("/nonexistent/x.txt").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
}

fn run_args(args: &[&str]) -> std::process::Output {
    let files: Vec<std::path::PathBuf> =
        args.iter().filter(|a| !a.starts_with('-') && a.contains('.')).map(|a| common::corpus(a)).collect();
    let flags: Vec<&str> = args.iter().copied().filter(|a| a.starts_with('-') || !a.contains('.')).collect();
    Command::new(env!("CARGO_BIN_EXE_referat")).args(flags).args(files).output().expect("runs")
}

#[test]
fn csv_for_danish_excel() {
    let out = run_args(&["--format", "csv", "kkr-nordjylland-2025-08-29.txt"]);
    assert!(out.status.success());
    assert!(out.stdout.starts_with("\u{FEFF}".as_bytes()), "UTF-8 BOM");
    let text = String::from_utf8(out.stdout).unwrap();
    let mut rows = csv::ReaderBuilder::new().delimiter(b';').from_reader(text.trim_start_matches('\u{FEFF}').as_bytes());
    let headers = rows.headers().unwrap().clone();
    assert_eq!(headers.iter().collect::<Vec<_>>(), ["Fil", "Punkt", "Titel", "Sagsnummer", "Udfald", "Beslutning", "Indstilling"]);
    let records: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 10);
    assert_eq!(&records[7][1], "3.5");
    assert_eq!(&records[7][2], "Nordjyske principper — fremtidssikring af indsatsen på det specialiserede voksensocialområde");
    assert_eq!(&records[7][4], "Godkendt");
    // Every field quoted, semicolons between them.
    assert!(text.lines().nth(1).unwrap().starts_with("\"kkr-nordjylland-2025-08-29.txt\";\"1.1\";"));
}

#[test]
fn attendance_csv_over_several_files() {
    let out = run_args(&["--format", "csv", "--table", "attendance", "kkr-nordjylland-2021-06-11.md", "kkr-nordjylland-2025-08-29.txt"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.trim().lines().count(), 1 + 23 + 23);
    assert!(text.contains("\"kkr-nordjylland-2025-08-29.txt\";\"Søren Smalbro\";\"V\";\"Hjørring\";\"Deltager\""));
}

#[test]
fn markdown_and_json_for_several_files() {
    let out = run_args(&["--format", "md", "kkr-nordjylland-2021-06-11.md", "kkr-nordjylland-2025-08-29.txt"]);
    let md = String::from_utf8(out.stdout).unwrap();
    assert_eq!(md.matches("# Referat: KKR Nordjylland").count(), 2);
    assert!(md.contains("## Gennemgang"));
    let out = run_args(&["kkr-nordjylland-2021-06-11.md", "kkr-nordjylland-2025-08-29.txt"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().map(Vec::len), Some(2));
}

#[test]
fn one_bad_file_among_good_ones() {
    let out = run_args(&["kkr-nordjylland-2021-06-11.md", "empty.txt"]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("the good file is still printed");
    assert_eq!(v["schema"], "referat/1");
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty.txt"));
}

#[test]
fn bad_usage_exits_2() {
    let out = Command::new(env!("CARGO_BIN_EXE_referat")).args(["--format", "xml", "x.txt"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}
