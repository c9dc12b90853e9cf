//! A case's earlier treatment (`item.trail`): the other bodies, or earlier meetings, that
//! handled it before this meeting, as the item prints them. Three forms are read:
//! - a decision part of its own under a heading that names a body and usually a date:
//!   "Beslutning i Økonomiudvalget den 21-11-2018", "Økonomiudvalget 2018-21, 2. december
//!   2019, pkt. 478:", "Miljø- og klimaudvalgets beslutning den 9. januar 2023:";
//! - a line inside another part that is only a body, a date and maybe an item number, with
//!   the verdict under it: "Tidligere behandling / Børne- og Skoleudvalget den 22. oktober
//!   2019 Punkt 4", "Sagens forløb / 24/09/2025 Økonomiudvalget / Anbefales.", and the form
//!   of labels "Udvalg: Magistraten / Dato: 19-08-2025 / Punktnummer: 5";
//! - a committee's sentence in the recommendation: "By- og Kulturudvalget anbefaler
//!   indstillingen.", "Økonomiudvalget indstiller til Byrådet, at …".
//!
//! A dated line must be older than the meeting: a list of the dates a case *will* go
//! through ("Beslutningsproces") is no trail. History told in prose ("Byrådet besluttede den
//! 26. januar 2015 at …") is not read: only lines that are nothing but a treatment are.

use super::lines::is_year_span;
use super::{decision, header};
use crate::model::{Outcome, Section, SectionKind, Step};
use crate::text::Lower;
use crate::vocab;

/// Body, date (ISO) and item number named by a heading or a line, if it names a body.
pub fn treatment(h: &str) -> Option<(String, Option<String>, Option<String>)> {
    let h = h.trim().trim_end_matches([':', '.']).trim();
    let low = h.lower();
    // "Beslutning i Økonomiudvalget", "BESLUTNING: Økonomiudvalget": the label off (after
    // it, the body may be written in lower case: "Beslutning i økonomiudvalget").
    let labelled = ["beslutning", "behandlet", "behandling", "udvalg:"].iter().find_map(|p| low.starts_with(p).then(|| &h[p.len()..]));
    let mut rest = labelled.unwrap_or(h).trim_start_matches([':', '-', '–', ' ']);
    rest = ["i ", "fra ", "af "].iter().find_map(|p| rest.strip_prefix(p)).unwrap_or(rest);
    // "24/09/2025 Økonomiudvalget": the date first.
    let date_first = rest.split_whitespace().next().filter(|w| w.starts_with(|c: char| c.is_ascii_digit()) && header::date(w).is_some());
    if let Some(d) = date_first {
        rest = rest[d.len()..].trim_start();
    }
    let words: Vec<&str> = rest.split_whitespace().collect();
    let mut end = words.len();
    for (i, w) in words.iter().enumerate() {
        let bare = w.trim_end_matches([',', ':']);
        let lower = bare.lower();
        let starts_date = bare.starts_with(|c: char| c.is_ascii_digit()) && !is_year_span(bare);
        // "Miljø- og klimaudvalgets beslutning": a genitive before the word for the decision.
        let label = matches!(lower.as_str(), "beslutning" | "møde" | "behandling") && i > 0;
        if starts_date || matches!(lower.as_str(), "den" | "d." | "pkt." | "pkt" | "punkt" | "sag") || bare.starts_with('(') || label {
            end = i;
            break;
        }
        if w.ends_with(',') && words.get(i + 1).is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()) || n.lower() == "den") {
            end = i + 1;
            break;
        }
    }
    let mut body = words[..end].join(" ");
    body = body.trim_end_matches([',', ':', '-', '–']).trim().to_owned();
    if words.get(end).is_some_and(|w| matches!(w.lower().as_str(), "beslutning" | "møde" | "behandling")) {
        // "Forretningsudvalgets" -> "Forretningsudvalget"
        if let Some(stem) = body.strip_suffix('s').or_else(|| body.strip_suffix('S')) {
            body = stem.to_owned();
        }
    }
    // The body's name ends in its noun ("Plan- og Miljøudvalget", "… 2018-21") or opens
    // with it ("Udvalget for teknik og miljø").
    let mut name = body.split_whitespace();
    let names_body = crate::text::word_count(&body) <= 9
        && (labelled.is_some() || body.starts_with(char::is_uppercase))
        && (name.next_back().is_some_and(|w| vocab::is_body_word(w) || is_year_span(w)) || name.next().is_some_and(vocab::is_body_word));
    if !names_body || !body.split_whitespace().any(vocab::is_body_word) {
        return None;
    }
    let tail = words[end..].join(" ");
    let date = date_first.and_then(header::date).or_else(|| header::date(&tail));
    let low = tail.lower();
    let item = ["pkt. ", "pkt.", "punkt ", "sag nr. ", "sag "].iter().find_map(|p| {
        let at = low.find(p)? + p.len();
        let n: String = tail[at..].chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
        let n = n.trim_end_matches('.');
        (!n.is_empty()).then(|| n.to_owned())
    });
    Some((body, date, item))
}

/// A line that is nothing but a treatment: its body, a date, an item number and the small
/// words between them.
fn treatment_line(line: &str) -> Option<(String, Option<String>, Option<String>)> {
    let t = line.trim();
    if t.is_empty() || crate::text::word_count(t) > 16 {
        return None;
    }
    let (body, date, item) = treatment(t)?;
    date.as_ref()?;
    // Everything but the body reads as date and number words.
    let rest = t.replacen(&body, "", 1).lower();
    let known = |w: &str| {
        let w = w.trim_matches(|c: char| matches!(c, ',' | ':' | '.' | '(' | ')'));
        w.is_empty()
            || w.starts_with(|c: char| c.is_ascii_digit())
            || matches!(w, "den" | "d" | "pkt" | "punkt" | "sag" | "nr" | "beslutning" | "i" | "s" | "møde" | "mødet" | "behandling")
            || vocab::month(w).is_some()
            || vocab::WEEKDAYS.contains(&w)
    };
    rest.split_whitespace().all(known).then_some((body, date, item))
}

/// The verdict printed under a treatment: the lines up to the next treatment or label.
fn verdict(lines: &[&str]) -> String {
    let mut out = Vec::new();
    for l in lines {
        let t = l.trim();
        if treatment_line(t).is_some() || label_value(t, "udvalg").is_some() || vocab::section_kind(t).is_some() {
            break;
        }
        out.push(t);
    }
    out.join("\n").trim().to_owned()
}

/// "Udvalg: Magistraten" -> "Magistraten" for the label `udvalg`.
fn label_value<'a>(line: &'a str, label: &str) -> Option<&'a str> {
    let (l, v) = line.split_once(':')?;
    (l.trim().lower() == label).then(|| v.trim())
}

fn step(body: String, date: Option<String>, item: Option<String>, text: String) -> Step {
    let mut outcome = if text.is_empty() { Outcome::Other } else { decision::outcome(&text, Some(&body)) };
    // "Økonomiudvalget anbefaler over for Byrådet, at indstillingen godkendes": what the
    // committee approved is a recommendation to the next body.
    let low = text.lower();
    if outcome == Outcome::Approved && ["anbefaler", "anbefales", "indstiller", "indstilles"].iter().any(|w| low.contains(w)) {
        outcome = Outcome::Endorsed;
    }
    Step { body, date, item, text, outcome }
}

/// The treatments printed as lines in one part's text.
fn lines_of(text: &str, out: &mut Vec<Step>) {
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let t = lines[i].trim();
        if let Some(body) = label_value(t, "udvalg").filter(|b| b.split_whitespace().any(vocab::is_body_word)) {
            // "Udvalg: X / Dato: D / Punktnummer: N", then the verdict.
            let mut j = i + 1;
            let mut date = None;
            let mut item = None;
            while let Some(l) = lines.get(j).map(|l| l.trim()) {
                if let Some(d) = label_value(l, "dato") {
                    date = header::date(d);
                } else if let Some(n) = label_value(l, "punktnummer").or_else(|| label_value(l, "punkt")) {
                    item = Some(n.trim_end_matches('.').to_owned()).filter(|n| !n.is_empty());
                } else {
                    break;
                }
                j += 1;
            }
            if date.is_some() {
                out.push(step(body.to_owned(), date, item, verdict(&lines[j..])));
                i = j;
                continue;
            }
        }
        if let Some((body, date, item)) = treatment_line(t) {
            out.push(step(body, date, item, verdict(&lines[i + 1..])));
        }
        i += 1;
    }
}

/// "By- og Kulturudvalget anbefaler indstillingen.": a committee's word in the text.
fn committee_sentences(text: &str, out: &mut Vec<Step>) {
    for s in crate::text::sentences(text) {
        let words: Vec<&str> = s.split_whitespace().collect();
        let Some(verb) = words.iter().position(|w| matches!(w.trim_end_matches(','), "anbefaler" | "indstiller")) else { continue };
        let body = &words[..verb];
        // ("indstiller at ..." at a line's start: no one before the verb.)
        let Some(first) = body.first() else { continue };
        // ("Formanden for Handicaprådet indstiller": a person, no body.)
        let person = ["formand", "næstformand", "borgmester", "rådmand", "direktør"].iter().any(|p| first.lower().starts_with(p));
        let body_ok = body.len() <= 8
            && !person
            && first.starts_with(char::is_uppercase)
            && body.last().is_some_and(|w| vocab::is_body_word(w) && w.starts_with(char::is_uppercase) || w.lower().ends_with("udvalget"))
            && body.iter().all(|w| w.starts_with(char::is_uppercase) || matches!(*w, "og" | "for" | "&" | "-"));
        if body_ok {
            let body = body.join(" ");
            out.push(Step { body, date: None, item: None, text: s.trim().to_owned(), outcome: Outcome::Endorsed });
        }
    }
}

/// The item's trail, oldest first where every step is dated; `own` is this meeting's
/// decision part, `meeting_date` the meeting's ISO date.
pub fn steps(sections: &[Section], own: Option<&Section>, meeting_date: Option<&str>) -> Vec<Step> {
    let is_own = |s: &Section| own.is_some_and(|o| std::ptr::eq(o, s));
    let mut out = Vec::new();
    for s in sections.iter().filter(|s| !is_own(s)) {
        if s.kind == SectionKind::Beslutning {
            if let Some((body, date, item)) = treatment(&s.heading) {
                out.push(step(body, date, item, s.text.clone()));
                continue;
            }
        }
        // "Høring og sagsgang", "Beslutningsproces", "Tidsplan": the route ahead, no trail.
        let heading = s.heading.lower();
        if !["sagsgang", "proces", "tidsplan", "forventet"].iter().any(|w| heading.contains(w)) {
            lines_of(&s.text, &mut out);
        }
        if s.kind == SectionKind::Indstilling {
            committee_sentences(&s.text, &mut out);
        }
    }
    // Only what came before: a planned route names this meeting and later ones.
    out.retain(|s| match (s.date.as_deref(), meeting_date) {
        (Some(d), Some(m)) => d < m,
        _ => true,
    });
    // The same treatment read twice (a heading and a sentence): the first, or the dated one.
    let mut kept: Vec<Step> = Vec::new();
    for s in out {
        let same = |k: &Step| k.body.lower() == s.body.lower() && (k.date == s.date || k.date.is_none() || s.date.is_none());
        match kept.iter().position(same) {
            Some(k) if kept[k].date.is_none() && s.date.is_some() => kept[k] = s,
            Some(_) => {}
            None => kept.push(s),
        }
    }
    if kept.iter().all(|s| s.date.is_some()) {
        kept.sort_by(|a, b| a.date.cmp(&b.date));
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line that opens with "indstiller" has no body before the verb (a fuzzed text once
    /// panicked on it).
    #[test]
    fn a_committee_sentence_needs_a_body_before_its_verb() {
        let mut out = Vec::new();
        committee_sentences("Borgmesteren\nindstiller at sagen udsættes.\nBy- og Kulturudvalget anbefaler indstillingen.", &mut out);
        assert_eq!(out.iter().map(|s| s.body.as_str()).collect::<Vec<_>>(), ["By- og Kulturudvalget"]);
    }

    fn t(h: &str) -> Option<(String, Option<String>, Option<String>)> {
        treatment(h)
    }

    #[test]
    fn headings_name_body_date_and_item() {
        let own = |b: &str, d: Option<&str>, i: Option<&str>| Some((b.to_owned(), d.map(str::to_owned), i.map(str::to_owned)));
        assert_eq!(t("Beslutning i Økonomiudvalget den 21-11-2018"), own("Økonomiudvalget", Some("2018-11-21"), None));
        assert_eq!(
            t("Udvalg for Kultur, Fritid og Turisme 2018-21, 20. november 2019, pkt. 96:"),
            own("Udvalg for Kultur, Fritid og Turisme 2018-21", Some("2019-11-20"), Some("96"))
        );
        assert_eq!(t("Miljø- og klimaudvalgets beslutning den 9. januar 2023:"), own("Miljø- og klimaudvalget", Some("2023-01-09"), None));
        assert_eq!(t("24/09/2025 Økonomiudvalget"), own("Økonomiudvalget", Some("2025-09-24"), None));
        assert_eq!(
            t("Kultur- og Fritidsudvalgets møde 3. februar 2009 Punkt 6:"),
            own("Kultur- og Fritidsudvalget", Some("2009-02-03"), Some("6"))
        );
        assert_eq!(t("Beslutning"), None);
        assert_eq!(t("Forvaltningens bemærkninger"), None);
    }

    #[test]
    fn lines_and_sentences_in_parts() {
        let part = |kind, text: &str| Section { kind, heading: "x".into(), text: text.into() };
        let sections = [
            part(
                SectionKind::Other,
                "Børne- og Skoleudvalget den 22. oktober 2019 Punkt 4\n\nØkonomiudvalget den 28. oktober 2019 Punkt 6",
            ),
            part(SectionKind::Indstilling, "Forvaltningen indstiller, at x godkendes.\n\nPlan & Kulturudvalget anbefaler, at x godkendes."),
            part(SectionKind::Other, "Udvalg: Magistraten\nDato: 19-08-2025\nPunktnummer: 5\nAnbefales.\nBilag"),
            // History in prose and a planned route are none.
            part(SectionKind::Sagsfremstilling, "Byrådet besluttede den 26. januar 2015 at bygge.\nByrådet 25. november 2019"),
        ];
        let steps = steps(&sections, None, Some("2019-11-04"));
        let got: Vec<(&str, Option<&str>, Option<&str>, Outcome)> =
            steps.iter().map(|s| (s.body.as_str(), s.date.as_deref(), s.item.as_deref(), s.outcome)).collect();
        assert_eq!(
            got,
            [
                ("Børne- og Skoleudvalget", Some("2019-10-22"), Some("4"), Outcome::Other),
                ("Økonomiudvalget", Some("2019-10-28"), Some("6"), Outcome::Other),
                ("Plan & Kulturudvalget", None, None, Outcome::Endorsed),
            ]
        );
        let later = steps_at("2025-08-27", &sections[2..3]);
        assert_eq!(later.len(), 1);
        assert_eq!((later[0].body.as_str(), later[0].item.as_deref(), later[0].outcome), ("Magistraten", Some("5"), Outcome::Endorsed));
    }

    fn steps_at(date: &str, sections: &[Section]) -> Vec<Step> {
        steps(sections, None, Some(date))
    }
}
