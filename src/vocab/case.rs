//! Case numbers: what a referat's journal and case numbers look like ("SAG-2025-03133",
//! "19/3143", KLE codes such as "00.01.00-G01-12-19"), with or without their label. Read by
//! the text layer (glued numbers) and by the parser (an item's case).

use super::{CASE_LABELS, STATUS_WORDS};
use crate::text::Lower;

/// "SAG-2025-03133", "EMN-2023-009832", "Sagsnr.: 00.01.00-G01-1-21", "19/3143",
/// "85.02.02G00-0014": a line that is a case number (perhaps labelled, perhaps with
/// initials or a document number after it).
pub fn case_number(t: &str) -> Option<String> {
    // Labels and status words are short: only the line's start is lower-cased.
    let lower = crate::text::lower_head(t, 48);
    for label in CASE_LABELS {
        if let Some(rest) = lower.strip_prefix(label) {
            let rest_raw = &t[label.len()..];
            let value = rest_raw.trim_start_matches([':', ' ', '\t', '\u{a0}']);
            // "Sag" is a word too: only with a value shaped like a number.
            let first = value.split_whitespace().next();
            let starts_word = rest.starts_with([':', ' ', '\t', '.']);
            if !starts_word {
                continue;
            }
            // A labelled number may be short ("SAGSNR.: 26").
            let labelled_case =
                |v: &str| v.bytes().any(|b| b.is_ascii_digit()) && v.chars().all(|c| c.is_alphanumeric() || "-/._".contains(c));
            return match first {
                Some(v)
                    if looks_like_case(v)
                        || (label.starts_with("sag") && *label != "sag" && labelled_case(v.trim_end_matches([',', ';', '.']))) =>
                {
                    Some(v.trim_end_matches([',', ';']).to_owned())
                }
                _ if value.trim().is_empty() && *label != "sag" => Some(String::new()),
                _ => None,
            };
        }
    }
    // "Åbent - 00.01.00-G01-611-18", "Lukket - 82.06.00-G01-41-18": a status before it.
    let t = STATUS_WORDS
        .iter()
        .find_map(|w| lower.starts_with(w).then(|| t[w.len()..].trim_start_matches([' ', '-', '–', ':']).trim_start()))
        .unwrap_or(t);
    // "01.02.05P16 - 2017/10412": a KLE code and the case number; the case number.
    // Two tokens are wanted: a third says no, and a long line need not be read further.
    let tokens: Vec<&str> = t.split_whitespace().filter(|w| *w != "-" && *w != "–").take(3).collect();
    if tokens.len() == 2 && is_kle(tokens[0]) && is_year_serial(tokens[1]) {
        return Some(tokens[1].to_owned());
    }
    let token = t.split_whitespace().next()?;
    // The line holds the case number and at most initials or a short status ("hast").
    (looks_like_case(token) && (is_prefixed_case(token) || is_kle(token) || is_year_serial(token)) && crate::text::word_count(t) <= 3)
        .then(|| token.to_owned())
}

/// "13/1520", "2017/10412", "18-014420": a year and a serial number; "024117-2013": a
/// serial number and its year.
fn is_year_serial(token: &str) -> bool {
    let Some((year, serial)) = token.split_once(['/', '-']) else { return false };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if (5..=7).contains(&year.len()) && serial.len() == 4 && all_digits(year) && all_digits(serial) {
        return serial.starts_with("19") || serial.starts_with("20");
    }
    // "2027-2028" is a span of years.
    let span = year.len() == 4 && serial.len() == 4 && (serial.starts_with("19") || serial.starts_with("20"));
    (year.len() == 2 || year.len() == 4)
        && (3..=7).contains(&serial.len())
        && !span
        && year.bytes().chain(serial.bytes()).all(|b| b.is_ascii_digit())
}

/// "JOURNALNUMMER", "Sagsnr.:": a case label alone, its value on the next line.
pub fn case_label_alone(t: &str) -> bool {
    let l = t.trim().trim_end_matches(':').trim().lower();
    CASE_LABELS.iter().any(|c| c.trim_end_matches('.') == l.trim_end_matches('.')) && l != "sag"
}

/// The value of a case label standing alone: "22075530", "19/3143".
pub fn case_value(t: &str) -> Option<String> {
    let t = t.trim();
    (crate::text::word_count(t) == 1 && looks_like_case(t)).then(|| t.trim_end_matches(['.', ',']).to_owned())
}

/// A word that is a case number by its shape alone, wherever it stands: "SAG-2025-03133",
/// a KLE journal number. (A bare "19/3143" could be a reference in a sentence.)
pub fn is_case_token(token: &str) -> bool {
    let t = token.trim_end_matches([',', ';', '.']);
    is_prefixed_case(t) || is_kle(t)
}

/// A KLE journal code rather than a case number.
pub fn is_kle_code(case: &str) -> bool {
    is_kle(case)
}

/// "SAG-2025-03133", "EMN-2023-009832".
fn is_prefixed_case(token: &str) -> bool {
    let mut parts = token.split('-');
    let (Some(prefix), Some(year), Some(serial)) = (parts.next(), parts.next(), parts.next()) else { return false };
    (2..=5).contains(&prefix.len())
        && prefix.bytes().all(|b| b.is_ascii_uppercase())
        && year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && serial.len() >= 3
        && serial.bytes().all(|b| b.is_ascii_digit())
        && parts.next().is_none()
}

/// A KLE journal number: "85.02.02G00-0014", "00.01.00-G01-12-19", "27.15.00P35-0011".
fn is_kle(token: &str) -> bool {
    let b = token.as_bytes();
    b.len() >= 10
        && b[..8].iter().enumerate().all(|(i, c)| if i == 2 || i == 5 { *c == b'.' } else { c.is_ascii_digit() })
        && token[8..].chars().all(|c| c.is_alphanumeric() || c == '-')
}

/// Digits with separators, letters allowed: "19/3143", "20-014420", "299835", "15/17735".
fn looks_like_case(v: &str) -> bool {
    let v = v.trim_end_matches([',', ';', '.']);
    let digits = v.bytes().filter(u8::is_ascii_digit).count();
    digits >= 3 && v.chars().all(|c| c.is_alphanumeric() || "-/._".contains(c)) && v.chars().next().is_some_and(|c| c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_numbers() {
        assert_eq!(case_number("Sagsnr.: 19/3143"), Some("19/3143".into()));
        assert_eq!(case_number("Sagsid.: 20/6718"), Some("20/6718".into()));
        assert_eq!(case_number("Sagsid.:"), Some(String::new()));
        assert_eq!(case_number("85.02.02G00-0014"), Some("85.02.02G00-0014".into()));
        assert_eq!(case_number("00.01.00-G01-12-19"), Some("00.01.00-G01-12-19".into()));
        assert_eq!(case_number("Sag om skolen"), None);
        assert_eq!(case_number("024117-2013"), Some("024117-2013".into()));
        assert_eq!(case_number("2027-2028"), None);
        assert_eq!(case_number("Sagsnr. 299835 Kultur- og Idrætsudvalget Åbent punkt"), Some("299835".into()));
    }
}
