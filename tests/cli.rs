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
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        [
            "Fil",
            "Punkt",
            "Titel",
            "Sagsnummer",
            "Udfald",
            "Beslutning",
            "Indstilling",
            "For",
            "Imod",
            "Undlod",
            "Forbehold",
            "For (partier)",
            "Imod (partier)",
            "Undlod (partier)"
        ]
    );
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

#[test]
fn jsonl_is_one_object_a_line_in_input_order() {
    let out = run_args(&["--format", "jsonl", "kkr-nordjylland-2025-08-29.txt", "kkr-nordjylland-2021-06-11.md"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let dates: Vec<String> = text
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("a JSON object a line")["meeting"]["date"].as_str().unwrap().to_owned()
        })
        .collect();
    assert_eq!(dates, ["2025-08-29", "2021-06-11"]);
}

#[test]
fn history_grid_as_csv() {
    let out = run_args(&["--format", "csv", "--table", "history", "kkr-nordjylland-2025-08-29.txt", "kkr-nordjylland-2021-06-11.md"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut rows = csv::ReaderBuilder::new().delimiter(b';').from_reader(text.trim_start_matches('\u{FEFF}').as_bytes());
    let headers = rows.headers().unwrap().clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        ["Navn", "Parti", "Kommune", "2021-06-11", "2025-08-29", "Til stede", "Fravær", "Fremmøde %"]
    );
    let records: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    // Leif Skaarup: present in 2021, absent in 2025 (truth files).
    let leif = records.iter().find(|r| &r[0] == "Leif Skaarup").expect("Leif Skaarup");
    assert_eq!(leif.iter().skip(3).collect::<Vec<_>>(), ["Til stede", "Fravær", "1", "1", "50"]);
}

#[test]
fn a_folder_is_read_with_its_subfolders() {
    // Its own folder: the tests of this file run at once in one process.
    let dir = std::env::temp_dir().join(format!("referat-cli-folder-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("2025")).unwrap();
    std::fs::copy(common::corpus("kkr-nordjylland-2021-06-11.md"), dir.join("a.md")).unwrap();
    std::fs::copy(common::corpus("kkr-nordjylland-2025-08-29.txt"), dir.join("2025/b.txt")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_referat")).args(["--format", "jsonl"]).arg(&dir).output().unwrap();
    std::fs::remove_dir_all(&dir).ok();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 2);
}

#[test]
fn help_and_version() {
    let out = Command::new(env!("CARGO_BIN_EXE_referat")).arg("--help").output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("--history"));
    let out = Command::new(env!("CARGO_BIN_EXE_referat")).arg("--version").output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains(env!("CARGO_PKG_VERSION")));
    let out = Command::new(env!("CARGO_BIN_EXE_referat")).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "no path is bad usage");
}
