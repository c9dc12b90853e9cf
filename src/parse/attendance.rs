//! Deltagere and Afbud: one person a line, "Name (P), Municipality Kommune".

use super::lines::Kind;
use crate::lexicon;
use crate::model::{Attendance, MunicipalityCount, PartyCount, Person, Stats};
use crate::text::Line;

/// Reads the attendance lists among the lines before the first agenda item.
pub fn parse(lines: &[Line], kinds: &[Kind]) -> (Attendance, bool) {
    #[derive(PartialEq)]
    enum Mode {
        None,
        Present,
        Absent,
    }
    let mut a = Attendance::default();
    let mut mode = Mode::None;
    let mut saw_present_heading = false;
    for (line, kind) in lines.iter().zip(kinds) {
        match kind {
            Kind::Present => {
                mode = Mode::Present;
                saw_present_heading = true;
            }
            Kind::Absent => mode = Mode::Absent,
            Kind::Blank => {}
            _ if mode == Mode::None => {}
            _ => match person(&line.text, line.raw) {
                Some(p) if mode == Mode::Present => a.present.push(p),
                Some(p) => a.absent.push(p),
                None => mode = Mode::None,
            },
        }
    }
    a.stats = stats(&a.present, &a.absent);
    (a, saw_present_heading)
}

/// "Birgit Stenbak Hansen (A), Frederikshavn Kommune", "Mads Duedal (V) Aalborg Kommune",
/// "Maria Witthøft". `None` when the line is not a person.
pub fn person(text: &str, raw: &str) -> Option<Person> {
    let t = text.trim();
    let (name, party, rest) = match (t.find('('), t.find(')')) {
        (Some(o), Some(c)) if c > o && c - o <= 5 => {
            let inside = t[o + 1..c].trim();
            (t[..o].trim(), lexicon::party(inside).or_else(|| Some(inside.to_owned())), t[c + 1..].trim_start_matches([',', ' ']))
        }
        _ => match t.split_once(',') {
            Some((n, r)) => (n.trim(), None, r.trim()),
            None => (t, None, ""),
        },
    };
    if !looks_like_name(name) {
        return None;
    }
    let rest = rest.trim().trim_end_matches(',');
    let municipality = if rest.is_empty() {
        None
    } else {
        Some(lexicon::municipality(rest).map(str::to_owned).unwrap_or_else(|| strip_kommune(rest).to_owned()))
    };
    Some(Person { name: name.to_owned(), party, municipality, raw: raw.trim().to_owned() })
}

fn strip_kommune(s: &str) -> &str {
    s.strip_suffix("Kommune").unwrap_or(s).trim()
}

/// Two to six words, each starting with a capital ("Arne M. Jensen", "Mai-Britt Beith").
fn looks_like_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.' || c == '\'')
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
    by_municipality
        .sort_by(|a, b| (b.present + b.absent).cmp(&(a.present + a.absent)).then(a.municipality.cmp(&b.municipality)));
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
        assert_eq!((p.name.as_str(), p.party.as_deref(), p.municipality.as_deref()), ("Birgit Stenbak Hansen", Some("A"), Some("Frederikshavn")));
        let p = person("Per Bach Laursen (V) Vesthimmerlands Kommune", "x").unwrap();
        assert_eq!(p.municipality.as_deref(), Some("Vesthimmerland"));
        assert!(person("Maria Witthøft", "x").is_some());
        assert!(person("Dagsorden er udsendt den 4. juni 2021.", "x").is_none());
    }
}
