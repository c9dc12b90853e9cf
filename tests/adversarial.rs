//! Broken, huge and hostile inputs (tests/corpus/adversarial), each against the behaviour
//! its MANIFEST.md names. The two generated inputs are made here as the manifest says.

mod common;

use common::*;
use serde_json::Value;

fn codes(v: &Value) -> Vec<String> {
    v["findings"].as_array().unwrap().iter().map(|f| str_of(f, "code").to_owned()).collect()
}

fn finding<'a>(v: &'a Value, code: &str) -> Option<&'a Value> {
    v["findings"].as_array().unwrap().iter().find(|f| f["code"] == code)
}

fn numbers(v: &Value) -> Vec<String> {
    items(v).iter().map(|i| str_of(i, "number").to_owned()).collect()
}

fn item<'a>(v: &'a Value, n: &str) -> &'a Value {
    items(v).iter().find(|i| i["number"] == n).unwrap_or_else(|| panic!("item {n}"))
}

/// Cut inside 3.3's Sagsfremstilling: header, everyone, 1.1–3.2 as in the seed, 3.3
/// without a decision, and the truncation reported with what the TOC still announces.
#[test]
fn truncated_mid_item() {
    let v = analyze_file("adversarial/truncated-mid-item-2021.md");
    let truth = truth("kkr-nordjylland-2021-06-11");
    assert_eq!(v["meeting"]["date"], "2021-06-11");
    assert_eq!(people(&v, "present").len(), 16);
    assert_eq!(people(&v, "absent").len(), 7);
    assert_eq!(numbers(&v), ["1", "1.1", "1.2", "2", "2.1", "2.2", "3", "3.1", "3.2", "3.3"]);
    for n in ["1.1", "1.2", "2.1", "2.2", "3.1", "3.2"] {
        let t = items(&truth).iter().find(|i| i["number"] == n).unwrap();
        assert_eq!(item(&v, n)["decision"]["outcome"], t["decision"]["outcome"], "{n}");
    }
    let last = item(&v, "3.3");
    assert!(last["decision"].is_null(), "no Beslutning invented for 3.3");
    let kinds: Vec<&str> = last["sections"].as_array().unwrap().iter().map(|s| s["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["baggrund", "indstilling", "sagsfremstilling"]);
    let f = finding(&v, "truncated").expect("truncation reported");
    assert_eq!(f["item"], "3.3");
    assert!(str_of(f, "message").contains("3.4–7"), "{}", f["message"]);
}

/// Cut inside a UTF-8 character: decoded with replacement and a warning, then as above.
#[test]
fn truncated_mid_utf8() {
    let v = analyze_file("adversarial/truncated-mid-utf8-2025.txt");
    assert!(codes(&v).contains(&"invalid-encoding".to_owned()));
    assert_eq!(numbers(&v).last().map(String::as_str), Some("3.3"));
    assert!(item(&v, "3.2")["decision"].is_object());
    assert!(item(&v, "3.3")["decision"].is_null());
    assert_eq!(finding(&v, "truncated").unwrap()["item"], "3.3");
    assert_eq!(people(&v, "present").len(), 17);
}

/// No Deltagere list: nobody present (not the absent, not people named in the text), a
/// warning, the Afbud names as absent, the agenda as in the seed.
#[test]
fn no_deltagere() {
    for (file, stem, absent) in
        [("no-deltagere-2021.md", "kkr-nordjylland-2021-06-11", 7), ("no-deltagere-2025.txt", "kkr-nordjylland-2025-08-29", 6)]
    {
        let v = analyze_file(&format!("adversarial/{file}"));
        let truth = truth(stem);
        assert!(people(&v, "present").is_empty(), "{file}");
        assert!(codes(&v).contains(&"no-present-list".to_owned()), "{file}");
        let names = |v: &Value, side| people(v, side).iter().map(|p| str_of(p, "name").to_owned()).collect::<Vec<_>>();
        assert_eq!(names(&v, "absent"), names(&truth, "absent"), "{file}");
        assert_eq!(people(&v, "absent").len(), absent);
        let diffs: Vec<String> = strict_differences(&v, &truth).into_iter().filter(|d| !d.starts_with("present")).collect();
        assert!(diffs.is_empty(), "{file}: {diffs:?}");
    }
}

/// Empty: a clear "empty document" refusal, no invented date.
#[test]
fn empty() {
    let v = analyze_file("adversarial/empty.txt");
    assert_eq!(codes(&v), ["empty"]);
    assert!(v["meeting"]["date"].is_null());
    assert!(items(&v).is_empty());
}

/// Text saved as .pdf: no %PDF- header, so read as the text it is, with a note that the
/// name was wrong, and the result of the 2025 seed.
#[test]
fn text_disguised_as_pdf() {
    let v = analyze_file("adversarial/text-disguised-as.pdf");
    assert_eq!(str_of(&v["source"], "format"), "text");
    assert!(codes(&v).contains(&"wrong-extension".to_owned()));
    assert!(strict_differences(&v, &truth("kkr-nordjylland-2025-08-29")).is_empty());
}

/// 500 MB of XML in 1.7 MB: refused from the declared size, without inflating it.
#[test]
fn zip_bomb() {
    let start = std::time::Instant::now();
    let v = analyze_file("adversarial/zipbomb-500mb-document.docx");
    assert_eq!(codes(&v), ["too-large"]);
    assert!(str_of(&v["findings"][0], "message").contains("zip-bombe"));
    // Not a timing assertion on speed: inflating 500 MB would take tens of seconds.
    assert!(start.elapsed().as_secs() < 10);
}

/// The 2021 seed 1,711 times (52.4 MB): one meeting, its 17 items, and a warning that
/// the content repeats, instead of 17,110 items.
#[test]
fn huge_repeated_document() {
    let seed = std::fs::read(corpus("kkr-nordjylland-2021-06-11.md")).unwrap();
    let huge: Vec<u8> = seed.iter().copied().cycle().take(seed.len() * 1711).collect();
    assert!(huge.len() > 50 * 1024 * 1024);
    let v = serde_json::to_value(referat_analyzer::analyze(&huge, "huge-50mb-seed-2021-repeated.md")).unwrap();
    assert_eq!(items(&v).len(), 17);
    assert_eq!(people(&v, "present").len(), 16);
    let f = finding(&v, "duplicated-content").expect("repetition reported");
    assert!(str_of(f, "message").contains("1711"), "{}", f["message"]);
}

/// 1 MB of random bytes: refused as not text, nothing of it in any field.
#[test]
fn random_bytes() {
    let bytes = noise(1_048_576, 0x2545_F491_4F6C_DD1D);
    let v = serde_json::to_value(referat_analyzer::analyze(&bytes, "random-1mb.bin")).unwrap();
    assert_eq!(codes(&v), ["not-text"]);
    assert!(items(&v).is_empty());
    assert!(serde_json::to_string(&v).unwrap().len() < 2000, "no mojibake dumped into the result");
}

/// A minimal PDF whose one page has no text, only a drawing: what a scan looks like.
fn pdf_without_text(extra_trailer: &str) -> Vec<u8> {
    let content = "q 0 0 500 700 re f Q";
    format!(
        "%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n\
         3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>> endobj\n\
         4 0 obj <</Length {}>> stream\n{content}\nendstream endobj\ntrailer <</Root 1 0 R{extra_trailer}>>\n%%EOF\n",
        content.len()
    )
    .into_bytes()
}

#[test]
fn scanned_pdf_gets_a_message_not_an_empty_result() {
    let v = serde_json::to_value(referat_analyzer::analyze(&pdf_without_text(""), "scannet.pdf")).unwrap();
    assert_eq!(codes(&v), ["no-text-layer"]);
    let message = str_of(&v["findings"][0], "message");
    assert!(message.contains("scannet.pdf") && message.contains("tekstlag"), "{message}");
}

#[test]
fn encrypted_pdf_is_refused() {
    let v = serde_json::to_value(referat_analyzer::analyze(&pdf_without_text("/Encrypt 5 0 R"), "hemmelig.pdf")).unwrap();
    assert_eq!(codes(&v), ["encrypted"]);
}

/// Damaged files never panic: each cut at many points, and with bytes overwritten through
/// it, still gives a result or a refusal (this found two slicing bugs).
#[test]
fn damaged_files_never_panic() {
    for file in [
        "variants/seed-2021.pdf",
        "real/aarhus-byraad-2025-08-27.pdf",
        "variants/seed-2021.docx",
        "variants/seed-2021.html",
        "variants/seed-2021.utf16le-bom.txt",
        "kkr-nordjylland-2025-08-29.txt",
    ] {
        let bytes = std::fs::read(corpus(file)).unwrap();
        let n = bytes.len();
        for cut in [9, 100, 1000, n / 7, n / 3, n / 2, n - n / 5, n - 100] {
            let _ = referat_analyzer::analyze(&bytes[..cut], file);
        }
        let mut rng = Xorshift64::new(0x9E37_79B9_7F4A_7C15);
        for round in 0..8 {
            let mut damaged = bytes.clone();
            for _ in 0..(50 + round * 200) {
                let x = rng.next_u64();
                let at = (x as usize) % n;
                damaged[at] = (x >> 40) as u8;
            }
            let _ = referat_analyzer::analyze(&damaged, file);
        }
    }
}
