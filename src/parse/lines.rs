//! What each line of a referat is, judged on the line alone (the item walk adds context).

use super::numbers::Num;
use crate::model::SectionKind;

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
    /// A number alone, as OCR puts a number column: "1.1.", "Punkt 3".
    NumberOnly {
        digits: String,
        punkt: bool,
    },
    /// "3.2. Title", "Punkt 3: Title".
    Heading {
        number: Num,
        title: String,
        punkt: bool,
    },
    /// Baggrund, Indstilling, ... alone on a line.
    Section {
        kind: SectionKind,
        heading: String,
    },
    /// Deltagere / Afbud headings.
    Present,
    Absent,
    Text,
}

pub fn classify(text: &str) -> Kind {
    let t = text.trim();
    if t.is_empty() {
        return Kind::Blank;
    }
    if let Some(k) = toc_entry(t) {
        return k;
    }
    if let Some(case) = case_number(t) {
        return Kind::Case(case);
    }
    let (punkt, rest) = match strip_word(t, "punkt") {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let num_end = rest.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(rest.len());
    let digits = &rest[..num_end];
    if !digits.is_empty() && digits.as_bytes()[0].is_ascii_digit() {
        let after = rest[num_end..].trim_start_matches([':', ')']);
        if after.trim().is_empty() && (punkt || digits.ends_with('.') || digits.len() <= 3) {
            return Kind::NumberOnly { digits: digits.trim_end_matches('.').to_owned(), punkt };
        }
        let separated = punkt || digits.ends_with('.') || rest[num_end..].starts_with([':', ')']);
        let title = after.trim();
        if separated && after.starts_with([' ', '\t']) && starts_like_title(title) {
            if let Some(number) = Num::parse(digits) {
                return Kind::Heading { number, title: title.to_owned(), punkt };
            }
        }
    }
    if let Some(kind) = section_kind(t) {
        return Kind::Section { kind, heading: t.trim_end_matches(':').trim().to_owned() };
    }
    if is_capitals_heading(t) {
        return Kind::Section { kind: SectionKind::Other, heading: t.to_owned() };
    }
    // Attendance headings are short; most lines are not, and need no lower-case copy.
    if t.len() > 40 {
        return Kind::Text;
    }
    match t.trim_end_matches(':').to_lowercase().as_str() {
        "deltagere" | "mødedeltagere" | "til stede" | "fremmødte" | "tilstede" => Kind::Present,
        "afbud" | "fraværende" | "fraværende med afbud" | "afbud fra" => Kind::Absent,
        _ => Kind::Text,
    }
}

/// "BESLUTNINGSFORSLAG FRA DD", "INDSTILLING FRA MAGISTRATSAFDELINGEN": a part heading
/// set in capitals (two words or more, letters only).
fn is_capitals_heading(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    words.len() >= 2
        && t.chars().filter(|c| c.is_alphabetic()).count() >= 8
        && t.chars().all(|c| c.is_uppercase() || c == ' ' || c == '-' || c == '&')
}

fn strip_word<'a>(t: &'a str, word: &str) -> Option<&'a str> {
    let head = t.get(..word.len())?;
    (head.eq_ignore_ascii_case(word) && t[word.len()..].starts_with(' ')).then(|| t[word.len()..].trim_start())
}

fn starts_like_title(t: &str) -> bool {
    t.chars().next().is_some_and(|c| c.is_uppercase() || c == '"' || c == '«' || c.is_ascii_digit())
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

/// "SAG-2025-03133", "EMN-2023-009832", "Sagsnr.: 00.01.00-G01-1-21".
pub fn case_number(t: &str) -> Option<String> {
    for label in ["sagsnr.:", "sagsnr:", "sagsnr.", "sags nr.:", "sagsnummer:", "sag nr.:", "j.nr.:"] {
        if t.len() > label.len() && t.is_char_boundary(label.len()) && t[..label.len()].eq_ignore_ascii_case(label) {
            let v = t[label.len()..].split_whitespace().next()?;
            return Some(v.to_owned());
        }
    }
    let token = t.split_whitespace().next()?;
    let mut parts = token.split('-');
    let prefix = parts.next()?;
    let year = parts.next()?;
    let serial = parts.next()?;
    let ok = (2..=5).contains(&prefix.len())
        && prefix.bytes().all(|b| b.is_ascii_uppercase())
        && year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && serial.len() >= 3
        && serial.bytes().all(|b| b.is_ascii_digit())
        && parts.next().is_none();
    // The line holds the case number and at most initials ("hast", "lifo/hast").
    (ok && t.split_whitespace().count() <= 3).then(|| token.to_owned())
}

/// The standard parts of an item, and the other parts councils use at the same level.
pub fn section_kind(t: &str) -> Option<SectionKind> {
    let t = t.trim_end_matches(':').trim();
    if t.len() > 40 || t.is_empty() || !t.as_bytes()[0].is_ascii_alphabetic() && !t.starts_with('Ø') {
        return None;
    }
    Some(match t.to_lowercase().as_str() {
        "baggrund" => SectionKind::Baggrund,
        "indstilling" | "indstillinger" => SectionKind::Indstilling,
        "sagsfremstilling" | "sagsfremstillingen" | "fremstilling" => SectionKind::Sagsfremstilling,
        "beslutning" | "beslutninger" => SectionKind::Beslutning,
        "resume"
        | "resumé"
        | "sagens kerne"
        | "beslutningstema"
        | "økonomi"
        | "økonomiske konsekvenser"
        | "bilag"
        | "beslutningskompetence"
        | "sagsprocedure"
        | "sagsforløb"
        | "beslutningspunkter"
        | "høring"
        | "lovgrundlag"
        | "tidligere beslutninger"
        | "kommunikation"
        | "retsgrundlag"
        | "vurdering" => SectionKind::Other,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(classify("Afbud"), Kind::Absent);
        assert!(matches!(classify("BESLUTNINGSFORSLAG FRA DD"), Kind::Section { kind: SectionKind::Other, .. }));
        assert_eq!(classify("EU"), Kind::Text);
    }
}
