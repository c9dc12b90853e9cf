//! The page reads the worker's answer back through `app::decode` (a hand-written
//! conversion from JSON, src/app/decode.rs). Here every document of tests/corpus goes the
//! worker's way: `analyze`, `serde_json::to_string` (as `analyze_json` in
//! src/app/worker.rs), `decode::analysis`; what comes back must equal what went in.
//! A field decode forgets or misreads fails these tests.

mod common;

use referat_analyzer::app::decode;
use referat_analyzer::model::*;
use serde_json::Value;

/// The worker's journey: referat/1 JSON, then decoded on the page.
fn round_trip(a: &Analysis) -> Analysis {
    let json = serde_json::to_string(a).expect("serializes");
    decode::analysis(&json).expect("decodes")
}

/// Where two JSON values first differ, as a path ("items[3].decision.outcome").
fn first_difference(a: &Value, b: &Value, path: &str) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let keys = x.keys().chain(y.keys().filter(|k| !x.contains_key(*k)));
            keys.map(|k| (k, x.get(k).unwrap_or(&Value::Null), y.get(k).unwrap_or(&Value::Null)))
                .find_map(|(k, x, y)| first_difference(x, y, &format!("{path}.{k}")))
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            x.iter().zip(y).enumerate().find_map(|(i, (x, y))| first_difference(x, y, &format!("{path}[{i}]")))
        }
        _ if a == b => None,
        _ => Some(format!("{path}: {a} became {b}")),
    }
}

/// What differs, for the failure message: a JSON path, or (where the JSON is equal but the
/// values are not, e.g. a float off by a rounding) the two values' debug forms.
fn describe(a: &Analysis, b: &Analysis) -> String {
    let (x, y) = (serde_json::to_value(a).unwrap(), serde_json::to_value(b).unwrap());
    first_difference(&x, &y, "").unwrap_or_else(|| format!("equal as JSON, unequal in Rust:\n{a:?}\n{b:?}"))
}

#[test]
fn every_corpus_document_survives_the_worker_round_trip() {
    let root = common::corpus("");
    let files = common::files_under(&root);
    // The walk really reached the corpus: the examples, the variants, the dev replicas.
    let has = |part: &str| files.iter().any(|f| f.to_string_lossy().contains(part));
    assert!(files.len() >= 100, "only {} files under tests/corpus", files.len());
    assert!(has("kkr-nordjylland-2021-06-11.md") && has("variants/seed-2025.pdf") && has("dev/odense-byraad"));

    let mut failures = Vec::new();
    let mut read = 0;
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy();
        let bytes = std::fs::read(path).expect("corpus file");
        let analysis = referat_analyzer::analyze(&bytes, &name);
        read += usize::from(analysis.fatal().is_none());
        let back = round_trip(&analysis);
        if back != analysis {
            let shown = path.strip_prefix(&root).unwrap_or(path).display();
            failures.push(format!("{shown}: {}", describe(&analysis, &back)));
        }
    }
    // Most of them are referater, not only refusals.
    assert!(read >= 80, "only {read} of {} files read as a referat", files.len());
    assert!(failures.is_empty(), "{} of {} documents changed on the way back:\n{}", failures.len(), files.len(), failures.join("\n"));
}

/// Every field filled, every code, outcome, section kind and severity: a field no corpus
/// document happens to fill is still checked. Naming every field here (no `..Default`)
/// makes a new model field a compile error until it is added to this test.
#[test]
fn every_field_and_every_code_survive() {
    let person = |name: &str| Person {
        name: name.to_owned(),
        party: Some("V".to_owned()),
        municipality: Some("Aalborg".to_owned()),
        raw: format!("{name} (V), Aalborg"),
        role: Some("formand".to_owned()),
        substitute_for: Some("Eva Berg".to_owned()),
    };
    let kinds =
        [SectionKind::Baggrund, SectionKind::Indstilling, SectionKind::Sagsfremstilling, SectionKind::Beslutning, SectionKind::Other];
    let items: Vec<Item> = Outcome::ALL
        .into_iter()
        .enumerate()
        .map(|(i, outcome)| Item {
            number: format!("{}.{}", i + 1, i),
            level: 1 + i % 2,
            title: format!("Punkt {i}"),
            case: Some(format!("2021-{i:04}")),
            intro: "Sagsnr. og bilag".to_owned(),
            sections: kinds
                .iter()
                .map(|&kind| Section { kind, heading: format!("{kind:?}"), text: "Tekst.\n\nMere tekst.".to_owned() })
                .collect(),
            decision: Some(Decision {
                text: format!("{} den {i}.", outcome.label_da()),
                outcome,
                votes: Position::ALL
                    .into_iter()
                    .map(|position| Vote {
                        position,
                        count: Some(i as u32),
                        parties: vec!["A".to_owned(), "Ø".to_owned()],
                        names: vec!["Anne Hansen".to_owned()],
                    })
                    .collect(),
                statements: vec![Statement { by: vec!["Ø".to_owned()], text: "Ø stemte imod, idet …".to_owned() }],
            }),
            absent: vec!["Anne Hansen".to_owned()],
            trail: vec![Step {
                body: "Økonomiudvalget".to_owned(),
                date: Some("2023-05-10".to_owned()),
                item: Some("88".to_owned()),
                text: "Anbefales.".to_owned(),
                outcome,
            }],
            line: Some(10 * i + 3),
        })
        .collect();
    let severities = [Severity::Error, Severity::Warning, Severity::Info];
    let findings: Vec<Finding> = FindingCode::ALL
        .into_iter()
        .enumerate()
        .map(|(i, code)| Finding {
            code,
            severity: severities[i % 3],
            item: Some(format!("{i}")),
            line: Some(i + 1),
            message: format!("{} æøå \"citeret\"", code.as_str()),
        })
        .collect();
    let full = Analysis {
        schema: SCHEMA.to_owned(),
        source: Source {
            name: "referat.docx".to_owned(),
            format: "docx".to_owned(),
            bytes: 123_456_789,
            encoding: Some("utf-8".to_owned()),
        },
        meeting: Meeting {
            kind: Some("referat".to_owned()),
            body: Some("KKR Nordjylland".to_owned()),
            date: Some("2021-06-11".to_owned()),
            start_time: Some("09:30".to_owned()),
            location: Some("Aalborg".to_owned()),
        },
        attendance: Attendance {
            present: vec![person("Anne Hansen"), person("Bo Ørsted")],
            absent: vec![person("Carl Å")],
            stats: Stats {
                present: 2,
                absent: 1,
                rate: Some(2.0 / 3.0),
                by_party: vec![PartyCount { party: "V".to_owned(), present: 2, absent: 1 }],
                by_municipality: vec![MunicipalityCount { municipality: "Aalborg".to_owned(), present: 2, absent: 1 }],
            },
        },
        items,
        findings,
    };
    let back = round_trip(&full);
    assert!(back == full, "{}", describe(&full, &back));

    // And the empty values stay empty: nothing is invented on the way.
    let mut sparse = full.clone();
    sparse.source.encoding = None;
    sparse.meeting = Meeting::default();
    sparse.attendance = Attendance::default();
    for item in &mut sparse.items {
        item.case = None;
        item.intro.clear();
        item.sections.clear();
        item.decision = None;
        item.absent.clear();
        item.line = None;
    }
    for finding in &mut sparse.findings {
        finding.item = None;
        finding.line = None;
    }
    let back = round_trip(&sparse);
    assert!(back == sparse, "{}", describe(&sparse, &back));
}

/// What the page gets when the worker's answer is not JSON: no analysis (a message), never
/// a panic.
#[test]
fn a_broken_answer_decodes_to_nothing() {
    assert!(decode::analysis("").is_none());
    assert!(decode::analysis("{\"schema\": ").is_none());
}
