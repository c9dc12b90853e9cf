//! The worker's referat/1 JSON back into the model, by hand: deriving `Deserialize` for
//! every model type cost 23 KB gzip of page; one generic `Value` and this file cost less.
//! Missing or mistyped fields become empty values, never a panic.

use serde_json::Value;

use crate::model::*;

pub fn analysis(json: &str) -> Option<Analysis> {
    let v: Value = serde_json::from_str(json).ok()?;
    Some(Analysis {
        schema: s(&v["schema"]),
        source: Source {
            name: s(&v["source"]["name"]),
            format: s(&v["source"]["format"]),
            bytes: n(&v["source"]["bytes"]) as usize,
            encoding: o(&v["source"]["encoding"]),
        },
        meeting: Meeting {
            kind: o(&v["meeting"]["kind"]),
            body: o(&v["meeting"]["body"]),
            date: o(&v["meeting"]["date"]),
            start_time: o(&v["meeting"]["start_time"]),
            location: o(&v["meeting"]["location"]),
        },
        attendance: attendance(&v["attendance"]),
        items: list(&v["items"], item),
        // The worker is this same wasm, so every code it sends is known here.
        findings: v["findings"].as_array().map(|a| a.iter().filter_map(finding).collect()).unwrap_or_default(),
    })
}

fn s(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_owned()
}

fn o(v: &Value) -> Option<String> {
    v.as_str().map(str::to_owned)
}

fn n(v: &Value) -> f64 {
    v.as_f64().unwrap_or(0.0)
}

fn list<T>(v: &Value, f: fn(&Value) -> T) -> Vec<T> {
    v.as_array().map(|a| a.iter().map(f).collect()).unwrap_or_default()
}

fn attendance(v: &Value) -> Attendance {
    let st = &v["stats"];
    Attendance {
        present: list(&v["present"], person),
        absent: list(&v["absent"], person),
        stats: Stats {
            present: n(&st["present"]) as usize,
            absent: n(&st["absent"]) as usize,
            rate: st["rate"].as_f64(),
            by_party: list(&st["by_party"], |c| PartyCount {
                party: s(&c["party"]),
                present: n(&c["present"]) as usize,
                absent: n(&c["absent"]) as usize,
            }),
            by_municipality: list(&st["by_municipality"], |c| MunicipalityCount {
                municipality: s(&c["municipality"]),
                present: n(&c["present"]) as usize,
                absent: n(&c["absent"]) as usize,
            }),
        },
    }
}

fn person(v: &Value) -> Person {
    Person {
        name: s(&v["name"]),
        party: o(&v["party"]),
        municipality: o(&v["municipality"]),
        raw: s(&v["raw"]),
        role: o(&v["role"]),
        substitute_for: o(&v["substitute_for"]),
    }
}

fn item(v: &Value) -> Item {
    Item {
        number: s(&v["number"]),
        level: n(&v["level"]) as usize,
        title: s(&v["title"]),
        case: o(&v["case"]),
        intro: s(&v["intro"]),
        sections: list(&v["sections"], |x| Section { kind: section_kind(&x["kind"]), heading: s(&x["heading"]), text: s(&x["text"]) }),
        decision: v["decision"].as_object().map(|_| decision(&v["decision"])),
        absent: list(&v["absent"], s),
        trail: list(&v["trail"], |t| Step {
            body: s(&t["body"]),
            date: o(&t["date"]),
            item: o(&t["item"]),
            text: s(&t["text"]),
            outcome: outcome(&t["outcome"]),
        }),
        line: v["line"].as_u64().map(|l| l as usize),
    }
}

fn finding(v: &Value) -> Option<Finding> {
    let code = v["code"].as_str().and_then(FindingCode::parse)?;
    Some(Finding {
        code,
        severity: match v["severity"].as_str() {
            Some("error") => Severity::Error,
            Some("warning") => Severity::Warning,
            _ => Severity::Info,
        },
        item: o(&v["item"]),
        line: v["line"].as_u64().map(|l| l as usize),
        message: s(&v["message"]),
    })
}

fn section_kind(v: &Value) -> SectionKind {
    match v.as_str() {
        Some("baggrund") => SectionKind::Baggrund,
        Some("indstilling") => SectionKind::Indstilling,
        Some("sagsfremstilling") => SectionKind::Sagsfremstilling,
        Some("beslutning") => SectionKind::Beslutning,
        _ => SectionKind::Other,
    }
}

fn decision(d: &Value) -> Decision {
    Decision {
        text: s(&d["text"]),
        outcome: outcome(&d["outcome"]),
        votes: list(&d["votes"], |x| Vote {
            position: Position::ALL.into_iter().find(|p| Some(p.as_str()) == x["position"].as_str()).unwrap_or(Position::For),
            count: x["count"].as_u64().map(|c| c as u32),
            parties: list(&x["parties"], s),
            names: list(&x["names"], s),
        }),
        statements: list(&d["statements"], |x| Statement { by: list(&x["by"], s), text: s(&x["text"]) }),
    }
}

fn outcome(v: &Value) -> Outcome {
    Outcome::ALL.into_iter().find(|o| Some(o.as_str()) == v.as_str()).unwrap_or(Outcome::Other)
}
