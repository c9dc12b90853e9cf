//! Every format variant of the two examples (tests/corpus/variants, made from the seeds
//! as ../shared/corpus/variants/README.md describes: PDF, DOCX, HTML, UTF-16, cp1252,
//! CRLF, pdftotext outputs) gives exactly the result of its original: all fields that
//! score.py checks strictly, against the same truth file.

mod common;

use common::*;

const VARIANTS: &[(&str, &str, &str)] = &[
    ("seed-2021.cp1252.txt", "kkr-nordjylland-2021-06-11", "markdown"),
    ("seed-2021.crlf.txt", "kkr-nordjylland-2021-06-11", "markdown"),
    ("seed-2021.docx", "kkr-nordjylland-2021-06-11", "docx"),
    ("seed-2021.hardbreaks.docx", "kkr-nordjylland-2021-06-11", "docx"),
    ("seed-2021.html", "kkr-nordjylland-2021-06-11", "html"),
    ("seed-2021.pdf", "kkr-nordjylland-2021-06-11", "pdf"),
    ("seed-2021.pdftotext-layout.txt", "kkr-nordjylland-2021-06-11", "text"),
    ("seed-2021.pdftotext-raw.txt", "kkr-nordjylland-2021-06-11", "text"),
    ("seed-2021.utf16le-bom.txt", "kkr-nordjylland-2021-06-11", "markdown"),
    ("seed-2025.docx", "kkr-nordjylland-2025-08-29", "docx"),
    ("seed-2025.pandoc-markdown.docx", "kkr-nordjylland-2025-08-29", "docx"),
    ("seed-2025.pdf", "kkr-nordjylland-2025-08-29", "pdf"),
    ("seed-2025.pdftotext-layout.txt", "kkr-nordjylland-2025-08-29", "text"),
    ("seed-2025.pdftotext-raw.txt", "kkr-nordjylland-2025-08-29", "text"),
];

#[test]
fn every_variant_equals_its_original() {
    let mut failures = Vec::new();
    for (file, stem, _) in VARIANTS {
        let got = analyze_file(&format!("variants/{file}"));
        let diffs = strict_differences(&got, &truth(stem));
        if !diffs.is_empty() {
            failures.push(format!("{file}:\n  {}", diffs.join("\n  ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn formats_and_encodings_are_sniffed_from_content() {
    for (file, _, format) in VARIANTS {
        let got = analyze_file(&format!("variants/{file}"));
        assert_eq!(str_of(&got["source"], "format"), *format, "{file}");
    }
    let utf16 = analyze_file("variants/seed-2021.utf16le-bom.txt");
    assert_eq!(utf16["source"]["encoding"], "utf-16le");
    let cp1252 = analyze_file("variants/seed-2021.cp1252.txt");
    assert_eq!(cp1252["source"]["encoding"], "windows-1252");
    assert!(analyze_file("variants/seed-2021.pdf")["source"]["encoding"].is_null());
}

/// The real Aarhus PDF (28 pages, FirstAgenda/ABCpdf, Type0 fonts) gives the 21 items its
/// table of contents lists, with the same titles as its pdftotext text.
#[test]
fn aarhus_pdf_has_all_its_items() {
    let pdf = analyze_file("real/aarhus-byraad-2025-08-27.pdf");
    let txt = analyze_file("real/aarhus-byraad-2025-08-27.txt");
    let titles = |v: &serde_json::Value| {
        items(v).iter().map(|i| (str_of(i, "number").to_owned(), str_of(i, "title").to_owned())).collect::<Vec<_>>()
    };
    assert_eq!(titles(&pdf).len(), 21);
    assert_eq!(titles(&pdf), titles(&txt));
    assert!(items(&pdf).iter().all(|i| !i["decision"].is_null()));
}

/// The Aarhus Teknisk Udvalg page as saved HTML gives what its text does.
#[test]
fn aarhus_html_page() {
    let html = analyze_file("real/aarhus-teknisk-udvalg-2025-10-01.html");
    assert_eq!(str_of(&html["source"], "format"), "html");
    assert_eq!(items(&html).len(), 6);
    assert_eq!(str_of(&html["meeting"], "body"), "Aarhus Kommune, Teknisk Udvalg");
    assert_eq!(items(&html)[1]["absent"], serde_json::json!(["Liv Gro Jensen"]));
}
