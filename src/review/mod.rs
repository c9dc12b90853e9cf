//! Findings for a reviewer: what in a referat looks wrong. Never fatal; every finding has
//! a code, a severity, the item it concerns and a Danish message.

use crate::model::{Finding, Item, SectionKind, Severity};

/// The document ends inside an item: the table of contents announces items the body
/// lacks, or the last item has a recommendation, no decision, and text cut mid-sentence.
pub fn truncation(items: &[Item], toc_numbers: &[String], text: &str, cut_encoding: bool) -> Option<Finding> {
    let last = items.last()?;
    let missing: Vec<&String> = toc_numbers.iter().filter(|n| !items.iter().any(|i| &i.number == *n)).collect();
    let after_last: Vec<&&String> = missing.iter().filter(|n| later(n, &last.number)).collect();
    let has = |k: SectionKind| last.sections.iter().any(|s| s.kind == k);
    let tail = text.trim_end();
    let cut_mid_sentence = !tail.ends_with(['.', '!', '?', ':', ')', '"', '”']) || cut_encoding;
    let open_item = has(SectionKind::Indstilling) && !has(SectionKind::Beslutning) && cut_mid_sentence;
    if after_last.is_empty() && !open_item {
        return None;
    }
    let mut message = format!("Dokumentet slutter inde i punkt {}: det ser ud til at være afkortet.", last.number);
    if let (Some(first), Some(end)) = (after_last.first(), after_last.last()) {
        let span = if first == end { first.to_string() } else { format!("{first}–{end}") };
        message.push_str(&format!(" Indholdsfortegnelsen nævner også {span}."));
    }
    Some(Finding { code: "truncated".into(), severity: Severity::Warning, item: Some(last.number.clone()), message })
}

/// "3.4" comes after "3.3"; "4" after "3.5".
fn later(a: &str, b: &str) -> bool {
    let parse = |s: &str| s.split('.').map(|p| p.parse::<u32>().unwrap_or(0)).collect::<Vec<_>>();
    parse(a) > parse(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Section;

    fn item(n: &str, kinds: &[SectionKind]) -> Item {
        Item {
            number: n.into(),
            level: 1,
            title: "x".into(),
            case: None,
            sections: kinds.iter().map(|k| Section { kind: *k, heading: String::new(), text: String::new() }).collect(),
            decision: None,
            absent: Vec::new(),
        }
    }

    #[test]
    fn cut_inside_an_item() {
        let items = [item("3.2", &[SectionKind::Beslutning]), item("3.3", &[SectionKind::Baggrund, SectionKind::Indstilling])];
        let toc: Vec<String> = ["3.2", "3.3", "3.4", "4", "7"].iter().map(|s| s.to_string()).collect();
        let f = truncation(&items, &toc, "et troværdigt og kvali", false).unwrap();
        assert_eq!(f.item.as_deref(), Some("3.3"));
        assert!(f.message.contains("3.4–7"), "{}", f.message);
        assert!(truncation(&items[..1], &toc[..1], "Godkendt.", false).is_none());
    }
}
