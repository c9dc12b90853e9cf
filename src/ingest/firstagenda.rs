//! A meeting exported by FirstAgenda/Prepare as JSON (the publication's data: `Moede`,
//! `Udvalg`, `Dagsordenpunkter` with their fields as HTML) rendered as the referat's text:
//! the header's labels, the participants (absent ones marked), and each item as "Punkt N:
//! Caption", its case number, its fields and who was away for it. The parser then reads it
//! as any other referat.

use serde_json::Value;

/// Whether the JSON is such an export.
pub fn is_export(v: &Value) -> bool {
    v.get("Dagsordenpunkter").is_some_and(Value::is_array) && v.get("Moede").is_some_and(Value::is_object)
}

pub fn to_text(v: &Value) -> String {
    let s = |v: &Value| v.as_str().unwrap_or("").trim().to_owned();
    let mut out = String::new();
    let meeting = &v["Moede"];
    let kind = if s(&meeting["Navn"]).eq_ignore_ascii_case("dagsorden") && !meeting["Afsluttet"].as_bool().unwrap_or(false) {
        "Dagsorden"
    } else {
        "Referat"
    };
    out.push_str(kind);
    out.push('\n');
    let body = s(&v["Udvalg"]["Navn"]);
    if !body.is_empty() {
        out.push_str(&format!("Udvalg: {body}\n"));
    }
    if let Some(owner) = owner(v) {
        out.push_str(&format!("{owner} Kommune\n"));
    }
    // "2022-01-14T08:00:00+01:00": the local date and time as printed.
    let when = s(&meeting["Dato"]);
    if when.len() >= 16 {
        let (date, time) = (&when[..10], &when[11..16]);
        let parts: Vec<&str> = date.split('-').collect();
        if parts.len() == 3 {
            out.push_str(&format!("Mødedato: {}-{}-{} kl. {time}\n", parts[2], parts[1], parts[0]));
        }
    }
    let place = s(&meeting["Sted"]);
    if !place.is_empty() {
        out.push_str(&format!("Mødested: {place}\n"));
    }
    if let Some(people) = meeting["Moededeltagere"].as_array().filter(|p| !p.is_empty()) {
        out.push_str("\nDeltagere:\n");
        for p in people {
            let away = p["Absent"].as_bool().unwrap_or(false) || p["ParticipationCancelled"].as_bool().unwrap_or(false);
            out.push_str(&s(&p["Name"]));
            if away {
                out.push_str(" (Afbud)");
            }
            out.push('\n');
        }
    }
    let mut items: Vec<&Value> = v["Dagsordenpunkter"].as_array().map(|a| a.iter().collect()).unwrap_or_default();
    items.sort_by_key(|i| i["Sorting"].as_i64().unwrap_or(0));
    for item in items {
        let number = [s(&item["Number"]), s(&item["Punktnummer"])].into_iter().find(|n| !n.is_empty()).unwrap_or_default();
        let caption = [s(&item["Caption"]), s(&item["Navn"])].into_iter().find(|n| !n.is_empty()).unwrap_or_default();
        out.push_str(&format!("\nPunkt {number}: {caption}\n"));
        let case = [s(&item["CaseNumber"]), s(&item["SagsNummer"])].into_iter().find(|n| !n.is_empty());
        if let Some(case) = case {
            out.push_str(&format!("Sagsnr.: {case}\n"));
        }
        for field in item["Felter"].as_array().into_iter().flatten() {
            let name = s(&field["Navn"]);
            if !name.is_empty() {
                out.push_str(&name);
                out.push('\n');
            }
            let html = s(&field["Html"]);
            let text = if html.is_empty() { s(&field["Tekst"]) } else { super::html::to_text(&html) };
            out.push_str(text.trim());
            out.push('\n');
        }
        let away: Vec<String> = item["ExternalAgendaItemAttendees"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|a| {
                let name = s(&a["Name"]);
                (!name.is_empty()).then_some(name)
            })
            .collect();
        if !away.is_empty() {
            out.push_str(&format!("Fravær på punktet: {}\n", away.join(", ")));
        }
    }
    out
}

/// The municipality whose publication site the export links to ("dagsordener.greve.dk").
fn owner(v: &Value) -> Option<String> {
    let text = v.to_string();
    let at = text.find("https://dagsordener.").or_else(|| text.find("http://dagsordener."))?;
    let host = text[at..].split('/').nth(2)?;
    let name = host.split('.').nth(1)?;
    let mut cs = name.chars();
    let first = cs.next()?;
    let capitalised: String = first.to_uppercase().chain(cs).collect();
    crate::lexicon::municipality_exact(&capitalised).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_export_reads_as_a_referat() {
        let json = r#"{"Udvalg":{"Navn":"Byråd 2022-2025"},"Moede":{"Navn":"Dagsorden","Afsluttet":true,"Dato":"2022-01-14T08:00:00+01:00","Sted":"Byrådssalen",
            "Moededeltagere":[{"Name":"Lone Mortensen","Absent":false,"ParticipationCancelled":false},{"Name":"Bjarke Abel","Absent":true,"ParticipationCancelled":false}]},
            "Dagsordenpunkter":[{"Sorting":1,"Number":"1","Caption":"Godkendelse af dagsorden","CaseNumber":"21-014420",
            "Felter":[{"Navn":"","Html":"<h3>Beslutning</h3><span>Godkendt.</span>","Link":"https://dagsordener.greve.dk/Vis/Pdf/1"}],"ExternalAgendaItemAttendees":[]}]}"#;
        let v: Value = serde_json::from_str(json).unwrap();
        assert!(is_export(&v));
        let text = to_text(&v);
        assert!(text.contains("Greve Kommune"), "{text}");
        assert!(text.contains("Mødedato: 14-01-2022 kl. 08:00"));
        assert!(text.contains("Bjarke Abel (Afbud)"));
        assert!(text.contains("Punkt 1: Godkendelse af dagsorden\nSagsnr.: 21-014420\nBeslutning\nGodkendt."), "{text}");
    }
}
