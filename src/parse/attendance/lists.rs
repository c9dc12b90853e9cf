//! Attendance written as lists under a heading or a label, before the first item:
//! "Deltagere" with one person a line (perhaps bulleted), "Medlemmer: A (T), B (O), …" on
//! one line, "Deltagere:" with a comma list wrapped over lines, "Afbud fra: X (C)", two
//! columns flattened to two names a line.

use super::person::{self, Listed};
use crate::parse::lines::Kind;
use crate::text::Line;
use crate::text::Lower;
use crate::vocab::{self, Roll};

/// The people under one attendance heading.
#[derive(Debug)]
pub struct Roster {
    pub roll: Roll,
    pub people: Vec<Listed>,
}

/// The rosters among the lines before the first item, in order.
pub fn rosters(lines: &[Line], kinds: &[Kind]) -> Vec<Roster> {
    let mut out: Vec<Roster> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let t = lines[i].text.trim();
        let (roll, value) = match (&kinds[i], inline_roll(t)) {
            (Kind::Roll(r), _) => (*r, ""),
            (_, Some((r, v))) => (r, v),
            _ => {
                i += 1;
                continue;
            }
        };
        // The value: the label's own line, and the lines after it until a blank line before
        // something that is no person, or another heading or label.
        let mut chunk: Vec<(&str, &str)> = Vec::new();
        if !value.is_empty() {
            chunk.push((value, value));
        }
        let mut j = i + 1;
        while j < lines.len() {
            let l = lines[j].text.trim();
            if matches!(kinds[j], Kind::Blank | Kind::Furniture) {
                j += 1;
                continue;
            }
            // "Formand: Lene Skovmose (A)" is a member with her role, not another label.
            let other_label =
                l.split_once(':').is_some_and(|(h, _)| crate::text::word_count(h) <= 3 && !h.contains('(') && vocab::role(h).is_none());
            // "Indholdsfortegnelse Sag Tekst Sidenr.": the page's next heading, no name.
            let heading_word = l.split_whitespace().next().is_some_and(|w| {
                matches!(
                    w.trim_end_matches(':').lower().as_str(),
                    "indholdsfortegnelse" | "indholdsliste" | "indhold" | "dagsorden" | "referat"
                )
            });
            if !matches!(kinds[j], Kind::Text) || other_label || heading_word || inline_roll(l).is_some() || !reads_as_people(l) {
                break;
            }
            chunk.push((l, lines[j].raw.trim()));
            j += 1;
        }
        // "A (A) stedfortræder B (A) C (V) ved sag 1-3": people with notes are sentences,
        // read as such (prose.rs).
        let noted = chunk.iter().any(|(l, _)| {
            let l = l.lower();
            l.contains(") stedfortræder") || l.contains(") ved sag") || l.contains(") ved punkt")
        });
        if noted && roll == Roll::Absent {
            i = j.max(i + 1);
            continue;
        }
        let people = people_of(&chunk);
        if !people.is_empty() || roll != Roll::Staff {
            out.push(Roster { roll, people });
        }
        i = j.max(i + 1);
    }
    out
}

/// "Medlemmer: …", "Afbud fra: …", "Fraværende:" as a label with its value after it.
fn inline_roll(t: &str) -> Option<(Roll, &str)> {
    // "Fraværende Ulla Rosendahl (C)": a one-word label without its colon, before people
    // with their party marks.
    let colonless = t.split_once(' ').filter(|(label, rest)| {
        !label.ends_with(':')
            && label.starts_with(char::is_uppercase)
            && vocab::roll(&label.lower()).is_some_and(|r| r != Roll::Staff)
            && rest.trim_end().ends_with(')')
            && reads_as_people(rest)
    });
    let (label, value) = match colonless {
        Some(lv) => lv,
        None => t.split_once(':')?,
    };
    if crate::text::word_count(label) > 4 {
        return None;
    }
    let label = label.trim().trim_end_matches(" fra").trim();
    let roll = vocab::roll(label).or_else(|| vocab::roll(&format!("{label} fra")))?;
    Some((roll, value.trim()))
}

/// A line that holds people: each of its comma parts is a person (or a party letter).
fn reads_as_people(l: &str) -> bool {
    let parts = split_people(l, true);
    !parts.is_empty()
        && parts.iter().all(|p| person::parse(p, l).is_some() || person::party_of(p).is_some() || is_fragment(p) || is_mark(p))
}

/// A piece of a name wrapped to the next line ("Frederiksen", "Lykke Holm").
fn is_fragment(p: &str) -> bool {
    let words: Vec<&str> = p.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 3
        && words.iter().all(|w| w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '.' || c == '-'))
}

/// The people of a heading's lines: a comma list may wrap over lines ("Annette" / "Lykke
/// Holm"); without commas between names each line is one person (its municipality perhaps
/// on the next line), or two where a flattened table put two names on a line.
fn people_of(chunk: &[(&str, &str)]) -> Vec<Listed> {
    // (text, raw) of each line, a municipality alone joined to the line above.
    let mut logical: Vec<(String, String)> = Vec::new();
    for (l, raw) in chunk {
        match logical.last_mut() {
            // "Brian Nielsen (D)," / "Thisted Kommune"
            Some(last) if is_place(l) => {
                last.0.push(' ');
                last.0.push_str(l);
                last.1.push(' ');
                last.1.push_str(raw);
            }
            _ => logical.push(((*l).to_owned(), (*raw).to_owned())),
        }
    }
    let names_after_commas = logical
        .iter()
        .any(|(l, _)| l.split(',').skip(1).any(|f| !f.trim().is_empty() && !is_place(f) && !is_mark(f) && person::party_of(f).is_none()));
    // (piece, raw): a line that is one person keeps its raw line.
    let pieces: Vec<(String, String)> = if names_after_commas {
        let joined: Vec<&str> = logical.iter().map(|(l, _)| l.as_str()).collect();
        split_people(&joined.join(" "), false).into_iter().map(|p| (p.clone(), p)).collect()
    } else {
        logical
            .iter()
            .flat_map(|(l, raw)| {
                let parts = split_people(l, false);
                let one = parts.len() == 1;
                parts.into_iter().map(move |p| if one { (p, raw.clone()) } else { (p.clone(), p) })
            })
            .collect()
    };
    // "Jannik Præst, (Løsgænger)": a mark after the comma belongs to the name before.
    let mut merged: Vec<(String, String)> = Vec::new();
    for (piece, raw) in pieces {
        match merged.last_mut() {
            Some(prev) if is_mark(&piece) => {
                prev.0.push(' ');
                prev.0.push_str(piece.trim());
            }
            _ => merged.push((piece, raw)),
        }
    }
    let mut out: Vec<Listed> = Vec::new();
    for (piece, raw) in merged {
        if let (Some(prev), Some(p)) = (out.last_mut(), person::party_of(&piece)) {
            if prev.person.party.is_none() && crate::text::word_count(&piece) == 1 {
                prev.person.party = Some(p);
                continue;
            }
        }
        // "Borgmesterens mødelokale Torben Lauritsen (V)": a place the converter put before
        // the first name; the person is the words from a first name on.
        let words: Vec<&str> = piece.split_whitespace().collect();
        let found = person::parse(&piece, &raw).or_else(|| {
            (1..words.len().min(5))
                .filter(|&k| crate::lexicon::is_first_name(words[k]))
                .find_map(|k| person::parse(&words[k..].join(" "), &raw))
        });
        if let Some(l) = found {
            out.push(l);
        }
    }
    // A municipality printed for a few people only is a letterhead's, not theirs (a KKR
    // list gives every member's).
    let with_place = out.iter().filter(|l| l.person.municipality.is_some()).count();
    if out.len() >= 2 && with_place * 2 <= out.len() {
        out.iter_mut().for_each(|l| l.person.municipality = None);
    }
    out
}

/// "(A)", "(Løsgænger)": a mark in brackets alone.
fn is_mark(t: &str) -> bool {
    let t = t.trim();
    t.starts_with('(') && t.ends_with(')') && t.len() <= 30
}

/// "Thisted Kommune", "Aalborg": a municipality alone.
fn is_place(t: &str) -> bool {
    let t = t.trim().trim_end_matches(['.', ',']);
    let words = crate::text::word_count(t);
    ((words == 2 && t.ends_with("ommune")) || words == 1) && crate::lexicon::municipality(t).is_some()
}

/// Splits a line into the people on it: at commas (unless what follows is a party letter
/// or a municipality, which belong to the name before), at " og ", at ";", and between
/// two names run together ("Anders Hegnsvad Mette Krogsgaard").
fn split_people(l: &str, keep_fragments: bool) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    for p in l.split(';').flat_map(|p| p.split(" og ")) {
        for q in p.split(',') {
            let q = q.trim();
            if q.is_empty() {
                continue;
            }
            // "Jens Hansen (A), suppleant for Eva Berg (A)": the note is the person's.
            let note = ["suppleant for ", "stedfortræder for ", "i stedet for "].iter().any(|w| q.lower().starts_with(w));
            if let (Some(prev), true) = (parts.last_mut(), note) {
                prev.push_str(", ");
                prev.push_str(q);
                continue;
            }
            let belongs = is_place(q);
            // "Jens Ole Bang, Faxe Mette Lauritzen, Greve": run together, the municipality
            // after the comma is the name before's, and the next name follows it.
            if let (Some(prev), false, Some((place, rest))) = (parts.last_mut(), belongs, q.split_once(' ')) {
                if crate::lexicon::municipality_exact(place).is_some() && rest.starts_with(char::is_uppercase) && !is_place(rest) {
                    prev.push_str(", ");
                    prev.push_str(place);
                    parts.push(rest.to_owned());
                    continue;
                }
            }
            match parts.last_mut() {
                Some(prev) if belongs && !keep_fragments => {
                    prev.push_str(", ");
                    prev.push_str(q);
                }
                _ => parts.push(q.to_owned()),
            }
        }
    }
    parts.into_iter().flat_map(|p| split_run_together(&p)).collect()
}

/// "Anders Hegnsvad Mette Krogsgaard" -> two names: split before a first name that follows
/// a word that is no first name, when both halves have two words or more. "Hans Peter
/// Jensen" stays one. Names with a party mark are split after the mark.
fn split_run_together(p: &str) -> Vec<String> {
    // "A (V) Aalborg Kommune B (C) Thisted Kommune": one person a place.
    if p.matches(" Kommune").count() >= 2 {
        let mut out = Vec::new();
        let mut cur = String::new();
        for w in p.split(' ') {
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(w);
            if w.trim_end_matches(',') == "Kommune" {
                out.push(std::mem::take(&mut cur));
            }
        }
        if !cur.trim().is_empty() {
            out.push(cur);
        }
        return out;
    }
    if p.matches(')').count() >= 2 {
        // "Jørgen Kjærsgaard (A) Birgitte Lund (C)"
        let mut out = Vec::new();
        let mut cur = String::new();
        for w in p.split_whitespace() {
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(w);
            if w.ends_with(')') {
                out.push(std::mem::take(&mut cur));
            }
        }
        if !cur.trim().is_empty() {
            match out.last_mut() {
                // "... (A) - formand": the role after the mark.
                Some(last) if cur.trim_start().starts_with('-') => {
                    last.push(' ');
                    last.push_str(&cur);
                }
                _ => out.push(cur),
            }
        }
        return out;
    }
    let words: Vec<&str> = p.split_whitespace().collect();
    if words.len() < 4 || words.iter().any(|w| !w.starts_with(char::is_uppercase)) {
        return vec![p.to_owned()];
    }
    let mut out = Vec::new();
    let mut start = 0;
    for k in 2..words.len() - 1 {
        if k - start >= 2 && crate::lexicon::is_first_name(words[k]) && !crate::lexicon::is_first_name(words[k - 1]) {
            out.push(words[start..k].join(" "));
            start = k;
        }
    }
    out.push(words[start..].join(" "));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(Roll, Vec<String>)> {
        let lines = crate::text::lines(text);
        let kinds: Vec<Kind> = lines.iter().map(|l| crate::parse::lines::classify(&l.text)).collect();
        rosters(&lines, &kinds).into_iter().map(|r| (r.roll, r.people.into_iter().map(|l| l.person.name).collect())).collect()
    }

    #[test]
    fn lists_in_every_form() {
        assert_eq!(
            read("Medlemmer: Bente Holm (T), Søren Kjær (O)\nAfbud fra: Morten Kragh (C)\n"),
            [(Roll::Members, vec!["Bente Holm".into(), "Søren Kjær".into()]), (Roll::Absent, vec!["Morten Kragh".into()])]
        );
        assert_eq!(
            read("Deltagere:\nJens Erik Lindholm, Marianne Bøgh, Annette\nLykke Holm, Poul E.\nFrederiksen\nBemærkninger:\n"),
            [(
                Roll::Present,
                vec!["Jens Erik Lindholm".into(), "Marianne Bøgh".into(), "Annette Lykke Holm".into(), "Poul E. Frederiksen".into()]
            )]
        );
        assert_eq!(
            read("Deltagere\n • Hans Peter Ravn\n • Kirsten Bollerup\n\nFraværende\n\n • Jørn Aggerholm\n"),
            [(Roll::Present, vec!["Hans Peter Ravn".into(), "Kirsten Bollerup".into()]), (Roll::Absent, vec!["Jørn Aggerholm".into()])]
        );
        assert_eq!(read("Medlemmer\nAnders Hegnsvad Mette Krogsgaard\n")[0].1, ["Anders Hegnsvad", "Mette Krogsgaard"]);
    }

    #[test]
    fn names_and_municipalities_run_together() {
        assert_eq!(
            split_people("Jens Ole Bang, Faxe Mette Lauritzen, Greve Poul Erik Mølgaard, Guldborgsund", false),
            ["Jens Ole Bang, Faxe", "Mette Lauritzen, Greve", "Poul Erik Mølgaard, Guldborgsund"]
        );
    }
}
