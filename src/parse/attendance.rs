//! Deltagere and Afbud: one person a line, "Name (P), Municipality Kommune".

use super::lines::Kind;
use crate::lexicon;
use crate::model::{Attendance, MunicipalityCount, PartyCount, Person, Stats};
use crate::text::Line;
use crate::vocab::Roll;

#[derive(PartialEq)]
enum Mode {
    None,
    Present,
    Absent,
}

/// A line that is only a municipality: "Thisted Kommune".
fn municipality_line(t: &str) -> Option<&'static str> {
    let t = t.trim().trim_end_matches(['.', ',']);
    let words = t.split_whitespace().count();
    let ok = (words == 2 && t.ends_with("ommune")) || words == 1;
    if ok {
        lexicon::MUNICIPALITIES.iter().copied().find(|m| Some(*m) == lexicon::municipality(t))
    } else {
        None
    }
}

fn last_without_place<'a>(a: &'a mut Attendance, mode: &Mode) -> Option<&'a mut Person> {
    let list = match mode {
        Mode::Present => &mut a.present,
        Mode::Absent => &mut a.absent,
        Mode::None => return None,
    };
    list.last_mut().filter(|p| p.municipality.is_none())
}

/// Reads the attendance lists among the lines before the first agenda item.
pub fn parse(lines: &[Line], kinds: &[Kind]) -> (Attendance, bool) {
    let mut a = Attendance::default();
    let mut mode = Mode::None;
    let mut saw_present_heading = false;
    // "A (V) Aalborg Kommune B (C) Thisted Kommune": one person a piece.
    let split: Vec<(Line, Kind)> = lines
        .iter()
        .zip(kinds)
        .flat_map(|(line, kind)| {
            let people = split_people(&line.text);
            if people.len() < 2 {
                return vec![(line.clone(), kind.clone())];
            }
            people
                .into_iter()
                .map(|p| (Line { raw: line.raw, text: p, heading: 0, strong: false, hard_break: false }, Kind::Text))
                .collect()
        })
        .collect();
    for (line, kind) in &split {
        match kind {
            Kind::Roll(Roll::Present | Roll::Members) => {
                mode = Mode::Present;
                saw_present_heading = true;
            }
            Kind::Roll(Roll::Absent) => mode = Mode::Absent,
            Kind::Roll(Roll::Staff) => mode = Mode::None,
            Kind::Blank => {}
            _ if mode == Mode::None => {}
            // "Brian Nielsen (D)," and on the next line "Thisted Kommune".
            _ if municipality_line(&line.text).is_some() && last_without_place(&mut a, &mode).is_some() => {
                let place = municipality_line(&line.text).map(str::to_owned);
                let p = last_without_place(&mut a, &mode).expect("checked above");
                p.municipality = place;
                p.raw = format!("{} {}", p.raw, line.raw.trim());
            }
            _ => match person_marked(&line.text, line.raw) {
                Some((p, Mark::Absent)) => a.absent.push(p),
                Some((p, _)) if mode == Mode::Present => a.present.push(p),
                Some((p, _)) => a.absent.push(p),
                None => mode = Mode::None,
            },
        }
    }
    a.stats = stats(&a.present, &a.absent);
    (a, saw_present_heading)
}

/// Several people on one line, each ending in "Kommune": the pieces, one person each.
fn split_people(t: &str) -> Vec<String> {
    if t.matches('(').count() < 2 || !t.contains("Kommune ") {
        return vec![t.to_owned()];
    }
    let mut out = Vec::new();
    let mut cur = String::new();
    for w in t.split(' ') {
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
    out
}

/// Whether a person line marks the person as absent ("Charlotte Levin (Afbud)").
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Mark {
    None,
    Absent,
}

/// "Birgit Stenbak Hansen (A), Frederikshavn Kommune", "Mads Duedal (V) Aalborg Kommune",
/// "Maria Witthøft", "Charlotte Levin (Afbud)". `None` when the line is not a person.
pub fn person(text: &str, raw: &str) -> Option<Person> {
    person_marked(text, raw).map(|(p, _)| p)
}

pub fn person_marked(text: &str, raw: &str) -> Option<(Person, Mark)> {
    let mut rest = text.trim().to_owned();
    let mut party = None;
    let mut mark = Mark::None;
    // Each "(...)" is a party letter, an absence mark, or a role ("formand"), in any order.
    while let (Some(o), Some(c)) = (rest.find('('), rest.find(')')) {
        if c < o {
            break;
        }
        let inside = rest[o + 1..c].trim().to_owned();
        let lower = inside.to_lowercase();
        if let Some(p) = lexicon::party(&inside) {
            party = party.or(Some(p));
        } else if ["afbud", "fraværende", "forfald", "deltog ikke", "ikke til stede"].iter().any(|w| lower.starts_with(w)) {
            mark = Mark::Absent;
        } else if inside.chars().count() <= 3 && party.is_none() {
            party = Some(inside.clone()); // an unknown list letter: kept as printed
        }
        rest.replace_range(o..=c, " ");
    }
    let rest = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    let (name, place) = match rest.split_once(',') {
        Some((n, r)) => (n.trim().to_owned(), r.trim().to_owned()),
        None => split_name_place(&rest),
    };
    if !looks_like_name(&name) {
        return None;
    }
    let place = place.trim().trim_end_matches(',').trim();
    let municipality = if place.is_empty() {
        None
    } else {
        Some(lexicon::municipality(place).map(str::to_owned).unwrap_or_else(|| strip_kommune(place).to_owned()))
    };
    Some((Person { name, party, municipality, raw: raw.trim().to_owned() }, mark))
}

/// "Mads Duedal Aalborg Kommune" (the party mark removed): the place is "X Kommune" at the
/// end, or a last word that is exactly a municipality's name. Never a fuzzy match here: a
/// surname must not become a place.
fn split_name_place(s: &str) -> (String, String) {
    let words: Vec<&str> = s.split_whitespace().collect();
    let n = words.len();
    if n >= 4 && words[n - 1].ends_with("ommune") {
        return (words[..n - 2].join(" "), words[n - 2..].join(" "));
    }
    if n >= 3 && lexicon::MUNICIPALITIES.iter().any(|m| m.eq_ignore_ascii_case(words[n - 1])) {
        return (words[..n - 1].join(" "), words[n - 1].to_owned());
    }
    (s.to_owned(), String::new())
}

fn strip_kommune(s: &str) -> &str {
    s.strip_suffix("Kommune").unwrap_or(s).trim()
}

/// Two to six words, each starting with a capital ("Arne M. Jensen", "Mai-Britt Beith").
pub fn looks_like_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.' || c == '\'')
        })
}

pub fn stats(present: &[Person], absent: &[Person]) -> Stats {
    let mut by_party: Vec<PartyCount> = Vec::new();
    let mut by_municipality: Vec<MunicipalityCount> = Vec::new();
    for (people, is_present) in [(present, true), (absent, false)] {
        for p in people {
            let party = p.party.clone().unwrap_or_else(|| "?".into());
            let i = by_party.iter().position(|c| c.party == party).unwrap_or_else(|| {
                by_party.push(PartyCount { party, present: 0, absent: 0 });
                by_party.len() - 1
            });
            let m = p.municipality.clone().unwrap_or_else(|| "?".into());
            let j = by_municipality.iter().position(|c| c.municipality == m).unwrap_or_else(|| {
                by_municipality.push(MunicipalityCount { municipality: m, present: 0, absent: 0 });
                by_municipality.len() - 1
            });
            if is_present {
                by_party[i].present += 1;
                by_municipality[j].present += 1;
            } else {
                by_party[i].absent += 1;
                by_municipality[j].absent += 1;
            }
        }
    }
    by_party.sort_by(|a, b| (b.present + b.absent).cmp(&(a.present + a.absent)).then(a.party.cmp(&b.party)));
    by_municipality.sort_by(|a, b| (b.present + b.absent).cmp(&(a.present + a.absent)).then(a.municipality.cmp(&b.municipality)));
    let total = present.len() + absent.len();
    Stats {
        present: present.len(),
        absent: absent.len(),
        rate: (total > 0).then(|| (present.len() as f64 / total as f64 * 1000.0).round() / 1000.0),
        by_party,
        by_municipality,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn person_lines() {
        let p = person("Birgit Stenbak Hansen (A), Frederikshavn Kommune", "x").unwrap();
        assert_eq!(
            (p.name.as_str(), p.party.as_deref(), p.municipality.as_deref()),
            ("Birgit Stenbak Hansen", Some("A"), Some("Frederikshavn"))
        );
        let p = person("Per Bach Laursen (V) Vesthimmerlands Kommune", "x").unwrap();
        assert_eq!(p.municipality.as_deref(), Some("Vesthimmerland"));
        assert!(person("Maria Witthøft", "x").is_some());
        let (p, mark) = person_marked("Charlotte Levin (Afbud)", "x").unwrap();
        assert_eq!((p.name.as_str(), p.party, mark), ("Charlotte Levin", None, Mark::Absent));
        let p = person("Anna Aaen (Ø) Aalborg Kommune", "x").unwrap();
        assert_eq!((p.name.as_str(), p.municipality.as_deref()), ("Anna Aaen", Some("Aalborg")));
        assert!(person("Dagsorden er udsendt den 4. juni 2021.", "x").is_none());
    }

    #[test]
    fn a_place_on_the_next_line() {
        let text = "Deltagere\nBrian Nielsen (D),\nThisted Kommune\nUlla Vestergaard (A) Thisted Kommune\n";
        let lines = crate::text::lines(text);
        let kinds: Vec<_> = lines.iter().map(|l| super::super::lines::classify(&l.text)).collect();
        let (a, _) = parse(&lines, &kinds);
        let got: Vec<_> = a.present.iter().map(|p| (p.name.as_str(), p.municipality.as_deref())).collect();
        assert_eq!(got, [("Brian Nielsen", Some("Thisted")), ("Ulla Vestergaard", Some("Thisted"))]);
    }
}
