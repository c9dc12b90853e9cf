//! What each line of a referat is, judged on the line alone (the agenda walk adds context).
//! The forms are a catalogue of what councils print:
//! - item headings: "3.2. Title", "3 Title", "1.Title", "1: Title", "Punkt 3: Title",
//!   "Pkt. 42 Title", "Nr. 42 - Title", "Sag nr. 57 Title", "• 160", "åbent 3 Title",
//!   "3.  3. Title" (the number printed twice);
//! - part headings: the words of `vocab::section_kind`, in any case and with a colon,
//!   and decision headings naming the body or the date ("Beslutning i Byrådet den
//!   12-03-2019", "BESLUTNING: Kommunalbestyrelsen den 29-10-2020", "Udvalgets beslutning
//!   den 17. januar 2023:", "Økonomiudvalget, den 13. april 2016:");
//! - case numbers, attendance headings, page and site furniture.

use super::numbers::Num;
use crate::model::SectionKind;
use crate::text::Lower;
use crate::vocab::{self, Roll};

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Blank,
    /// A table-of-contents entry: "3.1. Vækstteam ..... 8".
    Toc {
        number: Option<Num>,
        title: String,
    },
    /// A case number line: "SAG-2025-03133 hast", "Sagsnr.: 01.02.03-P20-1-22".
    Case(String),
    /// A number alone, as OCR puts a number column: "1.1.", "Punkt 3", "• 160".
    NumberOnly {
        digits: String,
        punkt: bool,
    },
    /// "3.2. Title", "Punkt 3: Title". `digits` as printed ("01"); `dotless` for "3 Title",
    /// which a line of text can also be.
    Heading {
        number: Num,
        digits: String,
        title: String,
        punkt: bool,
        dotless: bool,
    },
    /// Baggrund, Indstilling, ... alone on a line, or a decision heading. `inline` is text
    /// printed after the heading on the same line ("Beslutning: Godkendt.").
    Section {
        kind: SectionKind,
        heading: String,
        inline: String,
    },
    /// Deltagere / Afbud / Medlemmer ... headings.
    Roll(Roll),
    /// A site's buttons and links, a page's running footer: not part of the referat.
    Furniture,
    Text,
}

pub fn classify(text: &str) -> Kind {
    let t = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}');
    // "• Beslutningstema": a heading in a bulleted page.
    let unbulleted = t.trim_start_matches(['•', '·', '▪', '●', '◦']).trim_start();
    if t.is_empty() {
        return Kind::Blank;
    }
    if is_furniture(t) {
        return Kind::Furniture;
    }
    if let Some(k) = toc_entry(t) {
        return k;
    }
    if let Some(case) = vocab::case::case_number(t) {
        return Kind::Case(case);
    }
    if let Some(k) = numbered(t) {
        return k;
    }
    if let Some(k) = section_heading(unbulleted) {
        return k;
    }
    if unbulleted.len() <= 60 && unbulleted.starts_with(char::is_uppercase) {
        if let Some(r) = vocab::roll(unbulleted).filter(|_| crate::text::word_count(unbulleted) <= 5) {
            return Kind::Roll(r);
        }
    }
    Kind::Text
}

/// "Klik her for at folde ud", "Til toppen", "Side 3 af 12": a line that is only furniture.
pub fn is_furniture(t: &str) -> bool {
    // The longest furniture is a few words ("Gå til indholdsfortegnelsen").
    if t.len() > 100 {
        return false;
    }
    let l = t.trim().trim_start_matches(['•', '·', '▪', '●', '◦']).trim().trim_end_matches(['.', ':']).lower();
    let l = l.split_whitespace().collect::<Vec<_>>().join(" ");
    vocab::FURNITURE.contains(&l.as_str()) || is_page_mark(&l)
}

/// "Side 3", "Side 3 af 12", "- 3 -".
fn is_page_mark(l: &str) -> bool {
    let w: Vec<&str> = l.split_whitespace().collect();
    let num = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    match w.as_slice() {
        ["side", n] => num(n),
        ["side", n, "af", m] => num(n) && num(m),
        ["-", n, "-"] => num(n),
        _ => false,
    }
}

/// Words that may stand before an item's number: a label or a status.
const NUMBER_LABELS: &[&str] =
    &["punkt nr.", "punkt nr", "sag nr.", "sag nr", "sagnr.", "dagsordenspunkt", "punkt", "pkt.", "pkt", "nr.", "nr"];

/// An item's number at the start of the line, with or without its title.
fn numbered(t: &str) -> Option<Kind> {
    let mut rest = t.trim_start_matches(['•', '·', '▪', '*', '●', '◦']).trim_start();
    let lower = crate::text::lower_head(rest, 48);
    let mut punkt = false;
    if let Some(label) = NUMBER_LABELS.iter().find(|l| lower.starts_with(*l) && lower[l.len()..].starts_with([' ', '\u{a0}'])) {
        rest = rest[label.len()..].trim_start();
        punkt = true;
    } else if let Some(s) = vocab::STATUS_WORDS.iter().find(|s| lower.starts_with(*s) && lower[s.len()..].starts_with(' ')) {
        let after = rest[s.len()..].trim_start();
        if after.starts_with(|c: char| c.is_ascii_digit()) {
            rest = after;
        }
    }
    let num_end = rest.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(rest.len());
    let digits = &rest[..num_end];
    if digits.is_empty() || !digits.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    let after_num = &rest[num_end..];
    // "Punkt nr. 73 : Principper": a colon standing apart after a labelled number.
    let after_num = if punkt && after_num.trim_start().starts_with(':') { after_num.trim_start() } else { after_num };
    let sep = after_num.starts_with([':', ')']);
    let after = after_num.trim_start_matches([':', ')']);
    // "3.2" is a number of an agenda whatever its end; "3" needs its dot to be one.
    let dotted = digits.contains('.');
    if after.trim().is_empty() {
        let short = digits.trim_end_matches('.').len() <= 4;
        return (punkt || dotted || short)
            .then(|| Kind::NumberOnly { digits: digits.trim_end_matches('.').to_owned(), punkt })
            .filter(|_| Num::parse(digits).is_some());
    }
    let number = Num::parse(digits)?;
    // "3.  3. Title": the number printed twice.
    let mut title = after.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{a0}');
    if let Some(again) = title.strip_prefix(digits) {
        if again.starts_with([' ', '\u{a0}']) {
            title = again.trim_start();
        }
    }
    // "Nr. 42 - Title", "1 – Title"
    let title = title.trim_start_matches(['-', '–', '—']).trim_start();
    // "1  Åbent  Budgetopfølgning", "12 Lukket Salg af ejendom": a status column between
    // the number and the title.
    let title = vocab::STATUS_WORDS
        .iter()
        .find_map(|s| {
            let rest = title.get(s.len()..)?;
            (title[..s.len()].lower() == *s && rest.starts_with([' ', '\t', '\u{a0}'])).then(|| rest.trim_start())
        })
        // "LUKKET SAG Salg af ejendom", "Åbent punkt": a status phrase is part of the title.
        .filter(|rest| starts_like_title(rest) && !["sag ", "punkt"].iter().any(|w| rest.lower().starts_with(w)))
        .unwrap_or(title);
    // "1.Budgetopfølgning", "131Godkendelse af dagsorden": the title glued to its number.
    let glued = !after.starts_with([' ', '\t', '\u{a0}']) && after.starts_with(char::is_uppercase) && (dotted || digits.len() <= 3);
    let spaced = after.starts_with([' ', '\t', '\u{a0}']) || glued;
    if !spaced || !starts_like_title(title) {
        return None;
    }
    let dotless = !(punkt || dotted || sep);
    // "2018 blev et godt år": a year is not an item number.
    if dotless && (digits.len() > 3 || title.ends_with('.')) {
        return None;
    }
    Some(Kind::Heading { number, digits: digits.trim_end_matches('.').to_owned(), title: title.trim().to_owned(), punkt, dotless })
}

fn starts_like_title(t: &str) -> bool {
    t.chars().next().is_some_and(|c| c.is_uppercase() || c == '"' || c == '«' || c == '»' || c == '”' || c.is_ascii_digit())
}

/// Dotted leaders followed by a page number, as a table of contents prints them.
fn toc_entry(t: &str) -> Option<Kind> {
    let body = t.trim_end_matches(|c: char| c.is_ascii_digit()).trim_end();
    if body.len() == t.len() {
        return None;
    }
    let leader_start = body.trim_end_matches(['.', '…', ' ', '\t']);
    let leader = &body[leader_start.len()..];
    let dots = leader.chars().filter(|&c| c == '.').count() + 3 * leader.chars().filter(|&c| c == '…').count();
    if dots < 3 {
        return None;
    }
    let entry = leader_start.trim();
    let (number, title) = match entry.split_once(' ') {
        Some((n, rest)) if Num::parse(n).is_some() => (Num::parse(n), rest.trim().to_owned()),
        _ => (None, entry.to_owned()),
    };
    Some(Kind::Toc { number, title })
}

/// A part heading: the words of a standard part ("Beslutning", "RESUMÉ:"), or a decision
/// heading that names the deciding body or the date.
fn section_heading(t: &str) -> Option<Kind> {
    let plain = t.trim_end_matches([':', '.', ' ']);
    // A heading starts with a capital: "indstilling" alone is a wrapped sentence's last word.
    if !t.starts_with(char::is_uppercase) {
        return None;
    }
    if let Some(kind) = vocab::section_kind(plain).filter(|_| plain.len() <= 60) {
        return Some(Kind::Section { kind, heading: plain.to_owned(), inline: String::new() });
    }
    // "Beslutning: Godkendt." / "BESLUTNING: Kommunalbestyrelsen den 29-10-2020". A label of
    // another part with its value ("Kompetence: Byrådet", "Sagsforløb: BY") is metadata.
    if let Some((head, rest)) = t.split_once(':') {
        // "Bilag: 1 Forslag til indkøbspolitik": the attachments' part, inline.
        // Another part's label with a sentence after it is that part, written inline
        // ("Økonomiske konsekvenser: Budgetopfølgningen giver ikke ..."); with a word or
        // two it is metadata ("Kompetence: Byrådet", "Sagsforløb: BY").
        let sentence = rest.trim().ends_with('.') || crate::text::word_count(rest) >= 6;
        let standard =
            |k: &SectionKind| *k != SectionKind::Other || rest.trim().is_empty() || sentence || head.trim().eq_ignore_ascii_case("bilag");
        if let Some(kind) = vocab::section_kind(head).filter(|k| head.len() <= 40 && standard(k)) {
            let rest = rest.trim();
            return Some(if names_meeting(rest) {
                Kind::Section { kind, heading: t.trim_end_matches(':').to_owned(), inline: String::new() }
            } else {
                Kind::Section { kind, heading: head.trim().to_owned(), inline: rest.to_owned() }
            });
        }
    }
    if t.len() > 160 {
        return None;
    }
    decision_heading(t).map(|heading| Kind::Section { kind: SectionKind::Beslutning, heading, inline: String::new() })
}

/// A decision heading that names who decided or when: "Beslutning i Byrådet den
/// 12-03-2019", "Beslutning Allerød Byråd 2018-2021 den 31-05-2018", "Udvalgets
/// beslutning den 17. januar 2023:", "Økonomiudvalget, den 13. april 2016:",
/// "Kultur- og Idrætsudvalget, 03-04-2019, pkt. 42".
fn decision_heading(t: &str) -> Option<String> {
    let h = t.trim().trim_end_matches(':').trim();
    // "Fraværende i Thisted Kommunalbestyrelse, 26. april 2022:" names who was away.
    let first = h.split_whitespace().next().unwrap_or("");
    if vocab::roll(first).is_some() {
        return None;
    }
    let lower = h.lower();
    let words = crate::text::word_count(h);
    if words > 14 {
        return None;
    }
    if let Some(rest) = lower.strip_prefix("beslutning").filter(|r| r.starts_with([' ', ':'])) {
        let rest = rest.trim_start_matches([':', ' ']);
        let rest = rest.strip_prefix("i ").or_else(|| rest.strip_prefix("af ")).or_else(|| rest.strip_prefix("fra ")).unwrap_or(rest);
        return names_meeting(rest).then(|| h.to_owned());
    }
    // "Økonomiudvalgets møde 17. februar 2009 Punkt 1:" (the body's meeting, the item).
    if let Some(at) = lower.find("s møde ") {
        let body = &h[..at];
        let rest = &h[at + "s møde ".len()..];
        if crate::text::word_count(body) <= 4
            && vocab::is_body_word(body.split_whitespace().last().unwrap_or(""))
            && super::header::date(rest).is_some()
            && t.trim_end().ends_with(':')
        {
            return Some(h.to_owned());
        }
    }
    // "<Body>s beslutning [den <date>]"
    if let Some(at) = lower.find("s beslutning") {
        let body = &h[..at];
        let after = &lower[at + "s beslutning".len()..];
        if vocab::is_body_word(body.split_whitespace().last().unwrap_or("")) && (after.trim().is_empty() || names_meeting(after)) {
            return Some(h.to_owned());
        }
    }
    // "<Body>, den 13. april 2016:", "<Body>, 03-04-2019, pkt. 42" (a heading: ends with a
    // colon or names the item).
    let ends_as_heading = t.trim_end().ends_with(':') || lower.contains("pkt.") || lower.contains("punkt ");
    let heading_at = h.match_indices(',').map(|(k, _)| k).find(|&k| {
        let body = &h[..k];
        body.split_whitespace().last().is_some_and(vocab::is_body_word) && super::header::date(&h[k..]).is_some()
    });
    if ends_as_heading && heading_at.is_some() && h.starts_with(char::is_uppercase) {
        return Some(h.to_owned());
    }
    if body_and_date(h) {
        return Some(h.to_owned());
    }
    None
}

/// A line that is only a body and a date: "Økonomiudvalget 22-09-2020", "Teknik- og
/// Miljøudvalget, den 6. april 2016", "Økonomiudvalget 2018-21, 2. december 2019, pkt. 478".
pub fn body_and_date(h: &str) -> bool {
    let words: Vec<&str> = h.split_whitespace().collect();
    let is_date_word = |w: &str| {
        let w = w.trim_matches(|c: char| c == ',' || c == ':' || c == '.').lower();
        w.is_empty()
            || w.chars().all(|c| c.is_ascii_digit() || c == '-' || c == '.' || c == '/')
            || matches!(w.as_str(), "den" | "d" | "pkt" | "punkt" | "kl")
            || vocab::month(&w).is_some()
            || vocab::WEEKDAYS.contains(&w.as_str())
    };
    // The body runs to the first word of the date ("den", a number), an election period
    // ("2018-21") kept with it.
    let Some(split) = words.iter().position(|w| {
        let w = w.trim_end_matches([',', ':']);
        (w.starts_with(|c: char| c.is_ascii_digit()) && !is_year_span(w)) || matches!(w, "den" | "d.")
    }) else {
        return false;
    };
    let body = &words[..split];
    let rest = &words[split..];
    let body_ok = (1..=8).contains(&body.len())
        && body[0].starts_with(char::is_uppercase)
        && body.iter().any(|w| vocab::is_body_word(w))
        && body.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                || matches!(w.trim_end_matches(','), "og" | "for" | "i" | "-")
                || is_year_span(w.trim_end_matches(','))
        });
    body_ok && rest.iter().all(|w| is_date_word(w)) && super::header::date(&rest.join(" ")).is_some()
}

/// "2018-21", "2018-2021": an election period.
pub(crate) fn is_year_span(w: &str) -> bool {
    let Some((a, b)) = w.split_once('-') else { return false };
    a.len() == 4 && (b.len() == 2 || b.len() == 4) && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit())
}

/// "Byrådet den 12-03-2019", "Kommunalbestyrelsen den 29-10-2020", "den 17. januar 2023":
/// text naming a body or a meeting date.
fn names_meeting(rest: &str) -> bool {
    let rest = rest.trim();
    !rest.is_empty()
        && crate::text::word_count(rest) <= 10
        && (rest.split_whitespace().any(vocab::is_body_word) || super::header::date(rest).is_some())
        && !rest.ends_with('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn heading(t: &str) -> (String, String) {
        match classify(t) {
            Kind::Heading { digits, title, .. } => (digits, title),
            other => panic!("{t:?} is {other:?}"),
        }
    }

    #[test]
    fn kinds() {
        assert!(matches!(classify("1.1. Godkendelse af dagsorden .....\t4"), Kind::Toc { .. }));
        assert!(matches!(classify("Deltagerfortegnelse..... 3"), Kind::Toc { number: None, .. }));
        assert_eq!(classify("SAG-2025-03133 lifo/hast"), Kind::Case("SAG-2025-03133".into()));
        assert_eq!(classify("1.2."), Kind::NumberOnly { digits: "1.2".into(), punkt: false });
        assert_eq!(classify("21."), Kind::NumberOnly { digits: "21".into(), punkt: false });
        assert_eq!(classify("Punkt 4"), Kind::NumberOnly { digits: "4".into(), punkt: true });
        assert!(matches!(classify("4. Udpegninger"), Kind::Heading { .. }));
        assert!(matches!(classify("Punkt 3: Orientering fra administrationen"), Kind::Heading { punkt: true, .. }));
        assert_eq!(classify("29. august tager en åben drøftelse"), Kind::Text);
        assert_eq!(classify("8.30-09.00 — Ankomst"), Kind::Text);
        assert!(matches!(classify("Beslutning"), Kind::Section { kind: SectionKind::Beslutning, .. }));
        assert_eq!(classify("Afbud"), Kind::Roll(Roll::Absent));
        assert_eq!(classify("EU"), Kind::Text);
        assert_eq!(classify("Til toppen"), Kind::Furniture);
        assert_eq!(classify("Side 3 af 12"), Kind::Furniture);
    }

    #[test]
    fn item_numbers_in_every_form() {
        assert_eq!(
            heading("1.Budgetopfølgning pr. 31. oktober 2020 (C)"),
            ("1".into(), "Budgetopfølgning pr. 31. oktober 2020 (C)".into())
        );
        assert_eq!(heading("1: Godkendelse af dagsorden"), ("1".into(), "Godkendelse af dagsorden".into()));
        assert_eq!(heading("Pkt. 42 Beslutninger om dagsordenen"), ("42".into(), "Beslutninger om dagsordenen".into()));
        assert_eq!(heading("Nr. 42 - Forslag til budget"), ("42".into(), "Forslag til budget".into()));
        assert_eq!(heading(" 3.  3. Befolkningsprognose 2018-2030"), ("3".into(), "Befolkningsprognose 2018-2030".into()));
        assert_eq!(heading("  åbent 3 Forslag til lokalplan"), ("3".into(), "Forslag til lokalplan".into()));
        assert_eq!(heading("01. Godkendelse af dagsorden"), ("01".into(), "Godkendelse af dagsorden".into()));
        assert_eq!(heading("150.   Godkendelse af dagsorden"), ("150".into(), "Godkendelse af dagsorden".into()));
        assert_eq!(classify("  • 160"), Kind::NumberOnly { digits: "160".into(), punkt: false });
        assert_eq!(classify("2018 blev et godt år."), Kind::Text);
    }

    #[test]
    fn decision_headings() {
        for t in [
            "Beslutning i Byrådet den 12-03-2019",
            "BESLUTNING: Kommunalbestyrelsen den 29-10-2020",
            "Beslutning Allerød Byråd 2018-2021 den 31-05-2018",
            "Forretningsudvalgets beslutning den 17. januar 2023:",
            "Økonomi-, Erhvervs- og Planudvalget, den 13. april 2016:",
            "Kultur- og Idrætsudvalget, 03-04-2019, pkt. 42",
            "Udvalgets beslutning",
            "Økonomiudvalget 22-09-2020",
            "Økonomiudvalget 2018-21, 2. december 2019, pkt. 478:",
            "Udvalg for Teknik og Miljø 2018-21, 18. november 2019, pkt. 212:",
        ] {
            assert!(matches!(classify(t), Kind::Section { kind: SectionKind::Beslutning, .. }), "{t}");
        }
        assert_eq!(
            classify("Beslutning: Godkendt."),
            Kind::Section { kind: SectionKind::Beslutning, heading: "Beslutning".into(), inline: "Godkendt.".into() }
        );
        assert_eq!(classify("Byrådet godkendte indstillingen den 12. marts 2019."), Kind::Text);
    }
}
