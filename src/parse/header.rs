//! The meeting header: kind, body, date, start time, place.

use crate::model::Meeting;
use crate::text::Line;

/// The Danish month names, January first.
pub const MONTHS: [&str; 12] =
    ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];

/// Reads the lines before the first agenda item.
pub fn parse(lines: &[Line]) -> Meeting {
    let mut m = Meeting::default();
    let mut want_body = false;
    // "Dato: 29-08-2025 10:00 Sted: Hotel ...": one label a piece.
    let pieces: Vec<&str> = lines.iter().take(120).flat_map(|l| split_labels(l.text.trim())).collect();
    for t in pieces {
        if t.is_empty() {
            continue;
        }
        if let Some((label, value)) = labelled(t) {
            match label.as_str() {
                "dato" | "mødedato" | "tid" | "tidspunkt" | "mødetidspunkt" | "dato og tid" => {
                    m.date = m.date.take().or_else(|| date(value));
                    m.start_time = m.start_time.take().or_else(|| time(value));
                }
                "sted" | "mødested" | "lokale" | "mødelokale" if m.location.is_none() && !value.is_empty() => {
                    m.location = Some(value.to_owned());
                }
                // An explicit label beats a body guessed from the title line.
                "udvalg" | "organ" | "forum" if !value.is_empty() => m.body = Some(value.to_owned()),
                _ => {}
            }
            continue;
        }
        let lower = t.to_lowercase();
        let first = lower.split_whitespace().next().unwrap_or("");
        if m.kind.is_none() && (first == "referat" || first == "dagsorden" || first == "beslutningsprotokol") {
            m.kind = Some(if first == "dagsorden" { "dagsorden" } else { "referat" }.to_owned());
            // "REFERAT Aarhus Byråd d. 27-08-2025": the body stands on the same line.
            let rest = body_from(&t[first.len()..]);
            if m.date.is_none() {
                m.date = date(t);
                m.start_time = time(t);
            }
            match rest {
                Some(b) if m.body.is_none() => m.body = Some(b),
                _ => want_body = m.body.is_none(),
            }
            continue;
        }
        if want_body {
            want_body = false;
            if let Some(b) = body_from(t) {
                m.body = Some(b);
            }
        }
    }
    m
}

const LABELS: [&str; 6] = [" Sted:", " Mødested:", " Tid:", " Tidspunkt:", " Dato:", " Mødedato:"];

fn split_labels(t: &str) -> Vec<&str> {
    match LABELS.iter().filter_map(|l| t.find(l)).min() {
        Some(at) if labelled(&t[..at]).is_some() => {
            let mut out = vec![t[..at].trim()];
            out.extend(split_labels(t[at..].trim()));
            out
        }
        _ => vec![t],
    }
}

/// "Dato: 11-06-2021 10:00" -> ("dato", "11-06-2021 10:00").
fn labelled(t: &str) -> Option<(String, &str)> {
    if let Some((label, value)) = t.split_once(':') {
        let label = label.trim().to_lowercase();
        if label.len() <= 20 && label.chars().all(|c| c.is_alphabetic() || c == ' ') {
            return Some((label, value.trim()));
        }
    }
    // "Mødested   Byrådssalen": a form's label without a colon.
    let (first, rest) = t.split_once(char::is_whitespace)?;
    let label = first.to_lowercase();
    matches!(label.as_str(), "mødedato" | "mødested" | "mødetidspunkt" | "mødelokale").then(|| (label, rest.trim()))
}

/// What names the body, with dates, years and "d." removed; all-capital words get
/// ordinary capitals except acronyms ("KKR NORDJYLLAND" -> "KKR Nordjylland").
fn body_from(s: &str) -> Option<String> {
    let mut words: Vec<&str> = Vec::new();
    for w in s.split_whitespace() {
        let lw = w.to_lowercase();
        let ends = w.chars().any(|c| c.is_ascii_digit()) || matches!(lw.as_str(), "d." | "den" | "kl." | "-" | "–" | "—");
        if ends || MONTHS.contains(&lw.as_str()) {
            break;
        }
        words.push(w);
    }
    if words.is_empty() || words.len() > 8 {
        return None;
    }
    let all_caps = words.iter().all(|w| !w.chars().any(|c| c.is_lowercase()));
    let fixed: Vec<String> = words
        .iter()
        .map(|w| {
            if all_caps && w.chars().count() > 3 {
                let mut cs = w.chars();
                let first = cs.next().unwrap();
                first.to_uppercase().chain(cs.flat_map(char::to_lowercase)).collect()
            } else {
                (*w).to_owned()
            }
        })
        .collect();
    Some(fixed.join(" "))
}

/// The first date in `s`: "11-06-2021", "11.06.2021", "2021-06-11", "27. august 2025".
pub fn date(s: &str) -> Option<String> {
    let tokens: Vec<&str> = s.split(|c: char| c.is_whitespace() || c == ',').filter(|t| !t.is_empty()).collect();
    for (i, tok) in tokens.iter().enumerate() {
        let parts: Vec<&str> = tok.split(['-', '.', '/']).collect();
        if parts.len() >= 3 && parts.iter().take(3).all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())) {
            let (a, b, c) = (parts[0], parts[1], parts[2]);
            let (y, mo, d) = if a.len() == 4 { (a, b, c) } else { (c, b, a) };
            if let Some(iso) = iso(y, mo.parse().ok()?, d.parse().ok()?) {
                return Some(iso);
            }
        }
        if let Some(day) = tok.strip_suffix('.').and_then(|d| d.parse::<u32>().ok()) {
            let month = tokens.get(i + 1).and_then(|m| MONTHS.iter().position(|x| *x == m.to_lowercase()));
            if let (Some(mo), Some(y)) = (month, tokens.get(i + 2).map(|y| y.trim_end_matches(['.', ';', ')']))) {
                if let Some(iso) = iso(y, mo as u32 + 1, day) {
                    return Some(iso);
                }
            }
        }
    }
    None
}

fn iso(y: &str, mo: u32, d: u32) -> Option<String> {
    let y: u32 = y.parse().ok()?;
    ((1900..=2200).contains(&y) && (1..=12).contains(&mo) && (1..=31).contains(&d)).then(|| format!("{y:04}-{mo:02}-{d:02}"))
}

/// The first clock time in `s`: "10:00", "kl. 15.45".
pub fn time(s: &str) -> Option<String> {
    let tokens: Vec<&str> = s.split_whitespace().collect();
    for (i, tok) in tokens.iter().enumerate() {
        let after_kl = i > 0 && tokens[i - 1].eq_ignore_ascii_case("kl.");
        let tok = tok.trim_end_matches([',', '.']);
        let sep = if tok.contains(':') {
            ':'
        } else if after_kl {
            '.'
        } else {
            continue;
        };
        let Some((h, m)) = tok.split_once(sep) else { continue };
        if let (Ok(h), Ok(m)) = (h.parse::<u32>(), m.parse::<u32>()) {
            if h < 24 && m < 60 && tok.len() <= 5 {
                return Some(format!("{h:02}:{m:02}"));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times() {
        assert_eq!(date("11-06-2021 10:00").as_deref(), Some("2021-06-11"));
        assert_eq!(date("Onsdag d. 27. august 2025 kl. 16:00").as_deref(), Some("2025-08-27"));
        assert_eq!(time("Onsdag d. 27. august 2025 kl. 16:00").as_deref(), Some("16:00"));
        assert_eq!(time("1. oktober 2025 kl. 15.45").as_deref(), Some("15:45"));
        assert_eq!(labelled("Mødested   Byrådssalen"), Some(("mødested".to_owned(), "Byrådssalen")));
        assert_eq!(date("ingen dato her"), None);
        assert_eq!(date("mødet den 14. marts 2025.").as_deref(), Some("2025-03-14"));
    }

    #[test]
    fn body_capitals() {
        assert_eq!(body_from("KKR NORDJYLLAND").as_deref(), Some("KKR Nordjylland"));
        assert_eq!(body_from(" Aarhus Byråd d. 27-08-2025").as_deref(), Some("Aarhus Byråd"));
        assert_eq!(body_from(" 2021"), None);
    }
}
