//! The items a note of absence names: "sag 57-66", "punkt 3 og 5", "pkt. 1-3, 7",
//! "punkterne 2 – 4". Used to give each item the people absent for it.

use crate::text::Lower;

/// More than this many items in one range is no range of this meeting's items.
const MAX_SPAN: u32 = 500;

/// The item numbers a sentence names after "sag", "punkt", "pkt." and their plurals. Only
/// one such phrase a sentence: with several ("A ved sag 1-3 B ved sag 5") which range is
/// whose is for the list's own reader (prose.rs, `annotated`), so none is given here.
pub fn items_named(sentence: &str) -> Vec<u32> {
    let low = sentence.lower();
    let words: Vec<&str> = low.split_whitespace().collect();
    let is_label = |w: &str| {
        matches!(
            w.trim_end_matches([',', ':']),
            "sag" | "sager" | "sagerne" | "punkt" | "punkter" | "punkterne" | "pkt." | "pkt" | "dagsordenspunkt" | "dagsordenspunkterne"
        )
    };
    if words.iter().filter(|w| is_label(w)).count() != 1 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (k, w) in words.iter().enumerate() {
        if !is_label(w) {
            continue;
        }
        // "57-66", "3 og 5", "1-3, 7", "2 – 4", "nr. 4".
        let mut pending_dash = false;
        let mut last: Option<u32> = None;
        for t in words[k + 1..].iter().map(|t| t.trim_end_matches(['.', ',', ';', ')'])) {
            if matches!(t, "og" | "nr" | "") {
                continue;
            }
            if matches!(t, "-" | "–" | "til") {
                pending_dash = true;
                continue;
            }
            let (a, b) = match t.split_once(['-', '–']) {
                Some((a, b)) => (a, Some(b)),
                None => (t, None),
            };
            let Ok(a) = a.parse::<u32>() else { break };
            let b = match b {
                Some(b) => match b.parse::<u32>() {
                    Ok(b) => Some(b),
                    Err(_) => break,
                },
                None => None,
            };
            match (pending_dash, last, b) {
                (true, Some(from), _) => push_span(&mut out, from, a),
                (_, _, Some(to)) => push_span(&mut out, a, to),
                _ => out.push(a),
            }
            pending_dash = false;
            last = Some(b.unwrap_or(a));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

fn push_span(out: &mut Vec<u32>, from: u32, to: u32) {
    if from <= to && to - from <= MAX_SPAN {
        out.extend(from..=to);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_and_lists() {
        assert_eq!(items_named("Fraværende: Jens Hansen, sag 57-60"), [57, 58, 59, 60]);
        assert_eq!(items_named("Anne Holm deltog ikke i behandlingen af punkt 3 og 5."), [3, 5]);
        assert_eq!(items_named("Bo Berg forlod mødet under pkt. 1-3, 7"), [1, 2, 3, 7]);
        assert_eq!(items_named("Fraværende under punkterne 2 – 4"), [2, 3, 4]);
        assert_eq!(items_named("Afbud: Jens Hansen"), Vec::<u32>::new());
        // A number that is no item ("sag 2024-000123" is a case number's year): no span.
        assert_eq!(items_named("Sag 2024-000123"), Vec::<u32>::new());
        // Two ranges in one sentence: whose is whose is not read here.
        assert_eq!(items_named("A (V) ved sag 1-3 B (C) ved sag 5"), Vec::<u32>::new());
    }
}
