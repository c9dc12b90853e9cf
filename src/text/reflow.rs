//! Text whose line breaks a converter removed (a DOCX made by reflowing plain text):
//! "Baggrund Godkendelse af ...", "Godkendelse af dagsorden SAG-2025-03133 hast",
//! "... Thisted Kommune 1.". The breaks that carry structure are put back, and only when
//! the text looks reflowed: more part headings glued to text than standing alone.

use super::lines;
use crate::text::Lower;
use crate::vocab::case::case_number;
use crate::vocab::section_kind;

const PARTS: [&str; 4] = ["Baggrund", "Indstilling", "Sagsfremstilling", "Beslutning"];
/// Headings of a referat's front matter (KL's template: Mission, Vision, Deltagerfortegnelse)
/// that a reflow glues to the end of the line before them.
const FRONT_HEADINGS: [&str; 7] = ["Mission", "Vision", "Deltagerfortegnelse", "Deltagere", "Afbud", "Indholdsfortegnelse", "Indhold"];

/// "K K R S J Æ L L A N D", "R E F E R A T": capitals spaced out for show, joined again
/// and split into the words they spell ("KKR SJÆLLAND"). A run that does not spell known
/// words (a row of party letters) stays as it is.
pub fn unspace_letters(text: &str) -> Option<String> {
    // Most texts have no run of four spaced capitals at all: then nothing is copied.
    if !text.split('\n').any(|line| spaced_capitals(line) >= 4) {
        return None;
    }
    let mut changed = false;
    let lines: Vec<String> = text
        .split('\n')
        .map(|line| {
            let tokens: Vec<&str> = line.split(' ').collect();
            let single = |t: &str| t.chars().count() == 1 && t.chars().all(|c| c.is_alphabetic() && c.is_uppercase());
            let mut out: Vec<String> = Vec::with_capacity(tokens.len());
            let mut k = 0;
            while k < tokens.len() {
                let run = tokens[k..].iter().take_while(|t| single(t)).count();
                if run >= 4 {
                    let joined: String = tokens[k..k + run].concat();
                    if let Some(words) = spelled_words(&joined) {
                        out.push(words);
                        changed = true;
                        k += run;
                        continue;
                    }
                }
                out.push(tokens[k].to_owned());
                k += 1;
            }
            out.join(" ")
        })
        .collect();
    changed.then(|| lines.join("\n"))
}

/// The longest run of single capital letters standing between spaces ("K K R").
fn spaced_capitals(line: &str) -> usize {
    let (mut best, mut run) = (0, 0);
    for t in line.split(' ') {
        let mut cs = t.chars();
        let single = matches!((cs.next(), cs.next()), (Some(c), None) if c.is_alphabetic() && c.is_uppercase());
        run = if single { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

/// "KKRSJÆLLAND" -> "KKR SJÆLLAND": the fewest known words (at most three) that spell it.
fn spelled_words(joined: &str) -> Option<String> {
    let known = |w: &str| {
        let lower = w.lower();
        lower.chars().count() >= 2
            && (super::ocr::is_word(&lower)
                || crate::vocab::BODY_NOUNS.contains(&lower.as_str())
                || crate::vocab::REGIONS.iter().any(|r| r.lower() == lower)
                || crate::lexicon::MUNICIPALITIES.iter().any(|m| m.lower() == lower))
    };
    let chars: Vec<(usize, char)> = joined.char_indices().collect();
    let n = chars.len();
    let at = |k: usize| if k == n { joined.len() } else { chars[k].0 };
    if known(joined) {
        return Some(joined.to_owned());
    }
    for a in 2..n - 1 {
        let (x, y) = (&joined[..at(a)], &joined[at(a)..]);
        if known(x) && known(y) {
            return Some(format!("{x} {y}"));
        }
    }
    for a in 2..n.saturating_sub(3) {
        for b in a + 2..n - 1 {
            let (x, y, z) = (&joined[..at(a)], &joined[at(a)..at(b)], &joined[at(b)..]);
            if known(x) && known(y) && known(z) {
                return Some(format!("{x} {y} {z}"));
            }
        }
    }
    None
}

/// Agenda numbers a web page's text glued to the word before them: "9. Eventuelt1.
/// Godkendelse af dagsorden", "Godkendt og underskrevet.2. ", "Indholdsfortegnelse1.
/// Godkendelse". The number goes to a line of its own with what follows it.
pub fn unglue_numbers(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let mut cuts = Vec::new();
    let mut i = 1;
    while i < b.len() {
        if b[i].is_ascii_digit() && !b[i - 1].is_ascii_digit() && (b[i - 1] == b'.' || is_letter_end(text, i)) {
            let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
            let after = i + digits;
            let numbered = digits <= 3 && b.get(after) == Some(&b'.') && {
                let rest = &text[after + 1..];
                let rest_line = rest.split('\n').next().unwrap_or("");
                rest_line.trim().is_empty() || (rest.starts_with(' ') && rest.trim_start().starts_with(char::is_uppercase))
            };
            // "kl. 13.00", "pkt. 3. Godkendt", "31.10.2020": a period before digits that are
            // a time, a date or a reference stays.
            let after_period_ok = b[i - 1] != b'.' || (i >= 2 && b[i - 2].is_ascii_alphabetic() && !preceded_by_abbreviation(text, i - 1));
            if numbered && after_period_ok {
                cuts.push(i);
            }
            i = after;
            continue;
        }
        i += 1;
    }
    if cuts.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(text.len() + cuts.len());
    let mut last = 0;
    for c in cuts {
        out.push_str(&text[last..c]);
        out.push('\n');
        last = c;
    }
    out.push_str(&text[last..]);
    Some(out)
}

/// Part headings a web page's text glued to the sentence before them: "... ikke
/// udnyttet.Indstilling" -> the sentence, then "Indstilling" on its own line.
pub fn unglue_headings(text: &str) -> Option<String> {
    let mut changed = false;
    let mut out = String::with_capacity(text.len() + 64);
    for (k, line) in text.split('\n').enumerate() {
        if k > 0 {
            out.push('\n');
        }
        // ASCII marks, found by byte: none occurs inside a multi-byte character.
        let marks = line.bytes().enumerate().filter(|&(_, b)| matches!(b, b'.' | b'!' | b'?' | b':'));
        let cut = marks.map(|(i, _)| i + 1).find(|&i| {
            let tail = line[i..].trim_end();
            tail.starts_with(char::is_uppercase)
                && !line[..i - 1].ends_with(char::is_uppercase)
                && crate::vocab::section_kind(tail).is_some()
        });
        match cut {
            Some(i) if i > 1 => {
                out.push_str(&line[..i]);
                out.push('\n');
                out.push_str(&line[i..]);
                changed = true;
            }
            _ => out.push_str(line),
        }
    }
    changed.then_some(out)
}

/// A letter (any script) ends right before byte `i`.
fn is_letter_end(text: &str, i: usize) -> bool {
    text[..i].chars().next_back().is_some_and(|c| c.is_alphabetic() && c.is_lowercase())
}

/// "kl.", "pkt.", "nr." right before the period at byte `dot`.
fn preceded_by_abbreviation(text: &str, dot: usize) -> bool {
    let word = text[..dot].rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    super::is_abbreviation(word) || word.chars().count() <= 2
}

pub fn restore_breaks(text: &str) -> Option<String> {
    restore_breaks_in(text, &lines(text))
}

/// The same, given the text's lines (the parser has them already).
pub fn restore_breaks_in(text: &str, lines: &[super::Line]) -> Option<String> {
    let (mut alone, mut glued) = (0, 0);
    for l in lines {
        let t = l.text.as_ref();
        if section_kind(t).is_some() {
            alone += 1;
        } else if glued_part(t).is_some() {
            glued += 1;
        }
    }
    if glued < 3 || glued <= alone {
        return None;
    }
    let mut out = String::with_capacity(text.len() + text.len() / 20);
    for line in text.split('\n') {
        for piece in split_line(line.trim_end_matches('\r')) {
            out.push_str(&piece);
            out.push('\n');
        }
    }
    Some(out)
}

/// "Baggrund Godkendelse af ..." -> the part heading's length.
fn glued_part(t: &str) -> Option<usize> {
    PARTS.iter().find_map(|p| {
        let rest = t.strip_prefix(p)?.strip_prefix(' ')?;
        rest.chars().next().filter(|c| c.is_uppercase()).map(|_| p.len())
    })
}

fn split_line(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = line.trim();
    if let Some(n) = glued_part(rest) {
        out.push(rest[..n].to_owned());
        rest = rest[n..].trim_start();
    }
    // A case number inside the line: the title before it and the text after it part.
    let words: Vec<&str> = rest.split(' ').collect();
    if let Some(k) = words.iter().position(|w| case_number(w).is_some()).filter(|&k| k > 0) {
        out.push(words[..k].join(" "));
        // Initials after the number ("hast", "lifo/hast") belong to its line.
        let initials = words[k + 1..].iter().take_while(|w| w.chars().all(|c| c.is_lowercase() || c == '/')).count();
        out.push(words[k..=k + initials].join(" "));
        let tail = words[k + initials + 1..].join(" ");
        if !tail.is_empty() {
            out.extend(split_line(&tail));
        }
        return out;
    }
    let words: Vec<&str> = rest.split(' ').collect();
    // A part heading after a sentence: "... til efterretning. Sagsfremstilling Før ...".
    let part_at = (1..words.len()).find(|&k| {
        words[k - 1].ends_with('.') && PARTS.contains(&words[k]) && words.get(k + 1).is_none_or(|w| w.starts_with(char::is_uppercase))
    });
    if let Some(k) = part_at {
        out.push(words[..k].join(" "));
        out.extend(split_line(&words[k..].join(" ")));
        return out;
    }
    // Agenda headings after a sentence: "... den lokale proces. 4. Udpegninger 5. KKR 6.".
    if let Some(k) = (1..words.len()).find(|&k| {
        words[k - 1].ends_with('.') && is_agenda_number(words[k]) && words.get(k + 1).is_some_and(|w| w.starts_with(char::is_uppercase))
    }) {
        out.push(words[..k].join(" "));
        out.extend(split_line(&words[k..].join(" ")));
        return out;
    }
    if words.len() >= 3 && is_agenda_number(words[0]) {
        if let Some(k) = (2..words.len()).find(|&k| is_agenda_number(words[k])) {
            out.push(words[..k].join(" "));
            out.extend(split_line(&words[k..].join(" ")));
            return out;
        }
    }
    if let Some((head, last)) = rest.rsplit_once(' ') {
        if FRONT_HEADINGS.contains(&last) && !head.is_empty() {
            return vec![head.to_owned(), last.to_owned()];
        }
    }
    // An agenda number at the end: "... Thisted Kommune 1.", "... referatet. 2.".
    if let Some((head, last)) = rest.rsplit_once(' ') {
        if is_agenda_number(last) && !head.is_empty() {
            out.push(head.to_owned());
            out.push(last.to_owned());
            return out;
        }
    }
    // Line-break hyphens the reflow kept ("Er- hvervshus") become line ends again, for the
    // paragraph joiner to decide.
    out.push(rest.replace("- ", "-\n").split('\n').map(str::to_owned).collect::<Vec<_>>().join("\n"));
    out
}

/// "4.", "3.2.": one or two digits a part, ending in a dot.
fn is_agenda_number(w: &str) -> bool {
    w.ends_with('.') && w.trim_end_matches('.').split('.').all(|p| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glued_numbers_get_their_line() {
        assert_eq!(unglue_numbers("9. Eventuelt1. Godkendelse af dagsorden").unwrap(), "9. Eventuelt\n1. Godkendelse af dagsorden");
        assert_eq!(unglue_numbers("Godkendt og underskrevet.2. \nGodkendelse").unwrap(), "Godkendt og underskrevet.\n2. \nGodkendelse");
        assert_eq!(unglue_numbers("Mødet kl. 13.00 i salen, jf. pkt. 3. Godkendt."), None);
        assert_eq!(unglue_numbers("den 31.10.2020 og 2. behandling"), None);
    }

    #[test]
    fn breaks_come_back() {
        let text = "Baggrund Godkendelse af dagsorden.\nIndstilling Det indstilles.\nBeslutning KKR godkendte referatet. 2.\nGodkendelse af dagsorden SAG-2025-03133 hast\n";
        let fixed = restore_breaks(text).unwrap();
        let lines: Vec<&str> = fixed.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(
            lines,
            [
                "Baggrund",
                "Godkendelse af dagsorden.",
                "Indstilling",
                "Det indstilles.",
                "Beslutning",
                "KKR godkendte referatet.",
                "2.",
                "Godkendelse af dagsorden",
                "SAG-2025-03133 hast"
            ]
        );
    }

    #[test]
    fn headings_after_a_sentence() {
        let pieces = split_line("til den lokale proces. 4. Udpegninger 5. KKR 6.");
        assert_eq!(pieces, ["til den lokale proces.", "4. Udpegninger", "5. KKR", "6."]);
    }

    #[test]
    fn ordinary_text_is_left_alone() {
        assert!(restore_breaks("Baggrund\nGodkendelse af dagsorden.\nBeslutning\nGodkendt.\n").is_none());
    }

    #[test]
    fn spaced_capitals_join_into_words() {
        assert_eq!(unspace_letters("REFERAT 2010 K K R S J Æ L L A N D").as_deref(), Some("REFERAT 2010 KKR SJÆLLAND"));
        assert_eq!(unspace_letters("R E F E R A T").as_deref(), Some("REFERAT"));
        // Party letters in a row spell nothing.
        assert_eq!(unspace_letters("Stemmer: A B C F O V Ø"), None);
    }
}
