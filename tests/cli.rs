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
    // Deterministic pseudo-random bytes (xorshift), like the manifest's random-1mb.bin.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let bytes: Vec<u8> = (0..65536)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect();
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
