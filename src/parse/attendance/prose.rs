//! Attendance written as sentences, wherever a referat writes it: "Der er afbud fra A, B
//! og C", "Afbud fra X. I stedet mødte Y.", "X var fraværende", "X deltog ikke i mødet",
//! "Medlemmerne var mødt, bortset fra X", "Y var indkaldt som stedfortræder for X",
//! "X ankom kl. 10:25", "X og Y deltog ikke i sagens behandling", "Fraværende: X (V)".
//! Each form is one entry of a table; the reader finds the people around it.

use super::person::{self, Listed};
use crate::model::Person;
use crate::text::{find, Lower};

/// What one sentence says about who attended.
#[derive(Debug, Clone)]
pub enum Statement {
    /// Did not attend. `partial`: only part of the meeting ("deltog ikke i sagens
    /// behandling", "fra punkt 5").
    Absent { people: Vec<Person>, partial: bool, apologies: bool },
    /// Sat in for a member; `for_whom` when the sentence names the member.
    Substitute { person: Person, for_whom: Option<Person> },
    /// Was there for part of the meeting ("ankom kl. 10:25", "forlod mødet").
    Attended { person: Person },
}

/// Where in a sentence the people stand for a form.
#[derive(Clone, Copy)]
enum Side {
    /// "Afbud fra <people>": after the words.
    After,
    /// "<people> var fraværende": before the words.
    Before,
}

/// Forms of absence, lower case.
const ABSENT: &[(&str, Side)] = &[
    ("der er afbud fra ", Side::After),
    ("der var afbud fra ", Side::After),
    ("der er meldt afbud fra ", Side::After),
    ("afbud fra ", Side::After),
    ("fraværende med afbud:", Side::After),
    ("fraværende uden afbud:", Side::After),
    ("fraværende:", Side::After),
    ("afbud:", Side::After),
    ("ikke til stede:", Side::After),
    ("forfald:", Side::After),
    ("fravær på punktet:", Side::After),
    ("bortset fra ", Side::After),
    ("med undtagelse af ", Side::After),
    ("undtagen ", Side::After),
    (" havde meldt afbud", Side::Before),
    (" havde meldt forfald", Side::Before),
    (" har meldt forfald", Side::Before),
    (" har meldt afbud", Side::Before),
    (" havde afbud", Side::Before),
    (" meldte afbud", Side::Before),
    (" m. afbud", Side::Before),
    (" med afbud", Side::Before),
    (" var fraværende", Side::Before),
    (" er fraværende", Side::Before),
    (" deltog ikke", Side::Before),
    (" var forhindret i at deltage", Side::Before),
    (" havde forfald", Side::Before),
    (" var ikke til stede", Side::Before),
    (" mødte ikke", Side::Before),
    (" udeblev", Side::Before),
];

/// Words that make an absence one of part of the meeting only.
const PARTIAL: &[&str] =
    &["sagens behandling", "behandlingen", "punkt", "pkt", "sag nr", "ved sag", "under sag", "fra kl", "til kl", "inhabil"];

/// Forms of being there for part of the meeting, lower case; the person before them.
const ATTENDED: &[&str] = &[
    " ankom ",
    " kom til stede",
    " kom tilbage",
    " forlod mødet",
    " forlod mødelokalet",
    " deltog fra ",
    " deltog under ",
    " mødte kl",
    " mødte under",
];

/// Forms of a substitute: (words, the substitute is before them, the member after them).
const SUBSTITUTE: &[(&str, bool)] = &[
    (" var indkaldt som stedfortræder for ", true),
    (" er indkaldt som stedfortræder for ", true),
    (" var indkaldt som suppleant for ", true),
    (" er indkaldt som suppleant for ", true),
    (" deltog i mødet i stedet for ", true),
    (" deltog i stedet for ", true),
    (" mødte i stedet for ", true),
    (" mødte som stedfortræder for ", true),
    (" mødte som suppleant for ", true),
    (" indtrådte i stedet for ", true),
    (" stedfortræder for ", true),
    (" stedfortræder ", false),
];

/// Forms of a substitute whose member is not named: the substitute after the words.
const SUBSTITUTE_AFTER: &[&str] = &[
    "i stedet mødte ",
    "istedet mødte ",
    "i stedet deltog ",
    "i stedet deltager ",
    "stedfortræder: ",
    "suppleant: ",
    "i stedet for mødte ",
];
/// ... or before them.
const SUBSTITUTE_BEFORE: &[&str] = &[
    " mødte som stedfortræder",
    " mødte som suppleant",
    " deltog som suppleant",
    " deltog som stedfortræder",
    " deltog herefter i mødet",
    " deltager i stedet",
    " deltog i stedet",
    " mødte i stedet",
    " indtrådte i mødet",
    " tiltrådte mødet",
    " var indkaldt",
    " indkaldt",
];

/// Everything the text says about attendance, sentence by sentence.
pub fn statements(text: &str) -> Vec<Statement> {
    let mut out = Vec::new();
    for s in crate::text::sentences(&labels_on_their_lines(text)) {
        for piece in pieces(s) {
            read_sentence(piece, &mut out);
        }
    }
    pair_substitutes(&mut out);
    out
}

/// The longest sentence read whole. A sentence is read clause by clause, each clause
/// looking at the rest of the sentence again ("A (V) - B deltog som suppleant - C deltog
/// som suppleant …"): a line of 30,000 such clauses took 29 s and 4.8 GB. The longest
/// sentence about attendance in the corpus is 692 bytes.
const MAX_SENTENCE: usize = 1024;
/// A longer sentence is read in pieces of this many bytes at most: the cost of a piece
/// grows with the square of its length. (A list of absent members longer than
/// `MAX_SENTENCE`, some 30 names in one sentence, loses its label after the first cut.)
const PIECE: usize = 256;

/// `s` whole, or in pieces of at most `PIECE` bytes, cut before a " - " or after a ", "
/// where one is, else at a character boundary.
fn pieces(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = s;
    let long = s.len() > MAX_SENTENCE;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        if !long || rest.len() <= PIECE {
            return Some(std::mem::take(&mut rest));
        }
        let cut = crate::text::floor_boundary(rest, PIECE);
        let head = &rest[..cut];
        let at = head.rfind(" - ").or_else(|| head.rfind(", ").map(|i| i + 1)).filter(|&i| i > 0).unwrap_or(cut);
        let (piece, after) = rest.split_at(at);
        rest = after.trim_start_matches([' ', '-']);
        Some(piece)
    })
}

/// "Afbud fra X. I stedet mødte Y.", "X (V) - Y deltog som suppleant": a substitute who does
/// not say whom they replace, right after the absence of one member, replaces that member.
/// (After two or more absent, the text does not say who replaced whom.)
fn pair_substitutes(out: &mut [Statement]) {
    for k in 1..out.len() {
        let member = match &out[k - 1] {
            Statement::Absent { people, partial: false, .. } if people.len() == 1 => people[0].clone(),
            _ => continue,
        };
        if let Statement::Substitute { for_whom: for_whom @ None, .. } = &mut out[k] {
            *for_whom = Some(member);
        }
    }
}

/// "Fraværende" on a line of its own with one person a line below it: one line
/// "Fraværende: A, B", as the label is written inline elsewhere.
fn labels_on_their_lines(text: &str) -> std::borrow::Cow<'_, str> {
    let lines: Vec<&str> = text.lines().collect();
    // "Fraværende", "Fraværende:", "Fraværende i Thisted Kommunalbestyrelse, 26. april 2022:"
    let is_label = |l: &str| {
        let l = l.trim();
        let first = l.split_whitespace().next().unwrap_or("");
        crate::vocab::roll(l).is_some_and(|r| r == crate::vocab::Roll::Absent)
            || (l.ends_with(':') && crate::vocab::roll(first).is_some_and(|r| r == crate::vocab::Roll::Absent))
    };
    if !lines.iter().any(|l| is_label(l)) {
        return text.into();
    }
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let l = lines[i].trim();
        if is_label(l) {
            // Each line under the label that opens with a person: "X (V)", "X (V) - Y deltog
            // som suppleant."; a sentence that opens otherwise ends the list.
            let label = l.trim_end_matches(':');
            let mut taken = Vec::new();
            let mut j = i + 1;
            while j < lines.len() {
                let t = lines[j].trim().trim_start_matches(['•', '·']).trim();
                if t.is_empty() {
                    j += 1;
                    continue;
                }
                let opens_with_person = only_people(t) || t.split_once(" - ").is_some_and(|(a, _)| only_people(a));
                if !opens_with_person {
                    break;
                }
                taken.push(format!("{label}: {t}"));
                j += 1;
            }
            if !taken.is_empty() {
                out.extend(taken);
                i = j;
                continue;
            }
        }
        out.push(l.to_owned());
        i += 1;
    }
    out.join("\n").into()
}

/// Stems of which every form above holds one (a test checks): a sentence with none says
/// nothing about attendance, so the forms are not searched for in it (most sentences).
const TRIGGERS: &[&str] = &[
    "afbud",
    "fravær",
    "forfald",
    "sted",
    "deltog",
    "deltage",
    "mødte",
    "suppleant",
    "indkaldt",
    "indtrådte",
    "tiltrådte",
    "ankom",
    "kom tilbage",
    "forlod",
    "bortset",
    "undtag",
    "udeblev",
    "forhindret",
];

/// Whether a lower-case sentence holds a trigger: one pass over its bytes, a trigger tried
/// only where its first letter stands (asked of every sentence of the document).
fn has_trigger(lower: &str) -> bool {
    const FIRST: [bool; 256] = {
        let mut first = [false; 256];
        let mut k = 0;
        while k < TRIGGERS.len() {
            first[TRIGGERS[k].as_bytes()[0] as usize] = true;
            k += 1;
        }
        first
    };
    let b = lower.as_bytes();
    (0..b.len()).any(|i| FIRST[b[i] as usize] && TRIGGERS.iter().any(|t| b[i..].starts_with(t.as_bytes())))
}

fn read_sentence(s: &str, out: &mut Vec<Statement>) {
    let lower = s.lower();
    if !has_trigger(&lower) {
        return;
    }
    if lower.contains(" ikke indkaldt") || lower.starts_with("ingen ") {
        // "Stedfortræder ikke indkaldt pga. sent afbud."
        if let Some(rest) = lower.strip_prefix("afbud fra ") {
            let end = rest.find('.').unwrap_or(rest.len());
            out.push(Statement::Absent { people: people(&s[10..10 + end]), partial: false, apologies: true });
        }
        return;
    }
    // "Afbud: A (A) stedfortræder B (A) C (V) ved sag 1-3": a label over people with notes.
    if let Some(list) = ["afbud:", "fraværende:", "afbud/fraværende:"].iter().find_map(|l| lower.starts_with(l).then(|| &s[l.len()..])) {
        if list.matches(')').count() >= 2 && !list.contains(',') && !list.contains(" og ") {
            annotated(list.trim(), false, out);
            return;
        }
    }
    // "X (V) - Y deltog som suppleant": the member, then the substitute.
    if let Some((member, sub)) = s.split_once(" - ").filter(|(_, b)| {
        let b = b.lower();
        SUBSTITUTE_BEFORE.iter().any(|w| find(&b, w).is_some())
    }) {
        read_sentence(member, out);
        read_sentence(sub, out);
        return;
    }
    for (words, named_after) in SUBSTITUTE {
        if let Some(at) = find(&lower, words) {
            let who = last_person(&s[..at]);
            let other = first_person(&s[at + words.len()..]);
            let (sub, member) = if *named_after { (who, other) } else { (other, who) };
            if let Some(person) = sub {
                if let Some(m) = &member {
                    out.push(Statement::Absent { people: vec![m.clone()], partial: false, apologies: false });
                }
                out.push(Statement::Substitute { person, for_whom: member });
                return;
            }
        }
    }
    for words in SUBSTITUTE_AFTER {
        if let Some(at) = find(&lower, words) {
            let rest = strip_words(&s[at + words.len()..], &["stedfortræder", "suppleant"]);
            if let Some((person, used)) = leading_person(rest) {
                // "Afbud fra X. I stedet mødte Y" in one sentence: the absence first.
                if at > 0 {
                    read_sentence(s[..at].trim_end_matches([' ', ',', '.']), out);
                }
                out.push(Statement::Substitute { person, for_whom: None });
                // "I stedet deltog Nadia Saleh (A) Pernille Juul (V) var fraværende": a
                // sentence whose full stop the text lost goes on.
                let after = rest[used..].trim_start_matches([' ', ',', '.']);
                if !after.is_empty() {
                    read_sentence(after, out);
                }
                return;
            }
        }
    }
    for words in SUBSTITUTE_BEFORE {
        if let Some(at) = find(&lower, words) {
            let list = people(&s[..at]);
            if !list.is_empty() {
                out.extend(list.into_iter().map(|person| Statement::Substitute { person, for_whom: None }));
                return;
            }
        }
    }
    // "X ankom kl. 17.20 – deltog ikke i godkendelsen": there, for part of the meeting.
    if let Some(at) = ATTENDED.iter().filter_map(|w| find(&lower, w)).min() {
        let found = people(&s[..at]);
        if !found.is_empty() {
            out.extend(found.into_iter().map(|person| Statement::Attended { person }));
            return;
        }
    }
    for (words, side) in ABSENT {
        let Some(at) = find_form(&lower, words, *side) else { continue };
        let (list, rest) = match side {
            Side::After => (&s[at + words.len()..], &lower[at + words.len()..]),
            Side::Before => (&s[..at], &lower[at..]),
        };
        // "deltog ikke i mødet" is the meeting; "deltog ikke i godkendelsen af ..." a part.
        let part_of =
            *words == " deltog ikke" && !(rest.starts_with(" deltog ikke i mødet") || rest.trim_end_matches(['.', ' ']) == " deltog ikke");
        let partial = part_of || PARTIAL.iter().any(|w| find(rest, w).is_some()) || *words == "fravær på punktet:";
        // "Fraværende i Thisted Kommunalbestyrelse, 26. april 2022: A og B": a label whose
        // people follow its colon.
        let list = list.trim_start_matches([' ', ':']);
        let found = people(list);
        if !found.is_empty() {
            out.push(Statement::Absent { people: found, partial, apologies: sends_apologies(&lower) });
            return;
        }
    }
    if let Some(rest) = labelled_absence(s) {
        let found = people(rest);
        if !found.is_empty() {
            out.push(Statement::Absent { people: found, partial: false, apologies: sends_apologies(&lower) });
            return;
        }
    }
    for words in ATTENDED {
        if let Some(at) = find(&lower, words) {
            out.extend(people(&s[..at]).into_iter().map(|person| Statement::Attended { person }));
            return;
        }
    }
}

/// "afbud", "forfald": the member sent word before the meeting, so missed all of it.
fn sends_apologies(lower: &str) -> bool {
    lower.contains("afbud") || lower.contains("forfald")
}

/// A form's place in the sentence: a label or opening words at its start (after "Der er");
/// a verb phrase anywhere after the subject.
fn find_form(lower: &str, words: &str, side: Side) -> Option<usize> {
    match side {
        Side::After if words.ends_with(':') || words.starts_with("der ") || words == "afbud fra " => {
            // Or reported: "Formanden meddelte, at der var afbud fra ...".
            lower
                .starts_with(words)
                .then_some(0)
                .or_else(|| lower.find(&format!(". {words}")).map(|i| i + 2))
                .or_else(|| lower.find(&format!(", at {words}")).map(|i| i + 5))
        }
        Side::After | Side::Before => find(lower, words),
    }
}

/// "Fraværende i Thisted Kommunalbestyrelse, 26. april 2022: A og B": the people.
fn labelled_absence(s: &str) -> Option<&str> {
    let lower = s.lower();
    let (head, _) = s.split_once(':')?;
    (lower.starts_with("fraværende") || lower.starts_with("afbud")).then(|| s[head.len() + 1..].trim())
}

fn strip_words<'t>(t: &'t str, words: &[&str]) -> &'t str {
    let t = t.trim_start();
    for w in words {
        if t.lower().starts_with(w) {
            return t[w.len()..].trim_start();
        }
    }
    t
}

/// People each followed by a note: "stedfortræder Y" (the person absent, Y sitting in),
/// "ved sag 1-3" (absent for those items only), or nothing (absent).
fn annotated(list: &str, partial: bool, out: &mut Vec<Statement>) {
    // A second label run in ("Afbud: Fraværende: ...") goes.
    let list = match list.split_once(':') {
        Some((head, rest)) if crate::vocab::roll(head).is_some() => rest,
        _ => list,
    };
    // Each segment ends at a party mark: its lower-case words are the note on the person
    // before, its capitalised words the next person.
    let mut people: Vec<(Person, String)> = Vec::new();
    let mut pending_note = String::new();
    let mut segment: Vec<&str> = Vec::new();
    for w in list.split_whitespace() {
        segment.push(w);
        if w.ends_with(')') {
            let start = segment.iter().rposition(|x| !(x.starts_with(char::is_uppercase) || x.starts_with('('))).map_or(0, |i| i + 1);
            let note = segment[..start].join(" ");
            if let Some(last) = people.last_mut() {
                last.1 = note;
            } else {
                pending_note = note;
            }
            if let Some(l) = person::parse(&segment[start..].join(" "), list.trim()) {
                people.push((l.person, String::new()));
            }
            segment.clear();
        }
    }
    let _ = pending_note;
    if let Some(last) = people.last_mut() {
        last.1 = segment.join(" ");
    }
    for k in 0..people.len() {
        let (person, note) = &people[k];
        let note = note.lower();
        if note.starts_with("stedfortræder") || note.starts_with("suppleant") {
            out.push(Statement::Absent { people: vec![person.clone()], partial, apologies: true });
            if let Some((sub, _)) = people.get(k + 1) {
                out.push(Statement::Substitute { person: sub.clone(), for_whom: Some(person.clone()) });
            }
        } else if k > 0 && (people[k - 1].1.lower().starts_with("stedfortræder") || people[k - 1].1.lower().starts_with("suppleant")) {
            // The substitute named above.
        } else {
            let part = partial || PARTIAL.iter().any(|w| find(&note, w).is_some());
            out.push(Statement::Absent { people: vec![person.clone()], partial: part, apologies: false });
        }
    }
}

/// A line that names people and nothing else ("Lone Bach og Søren Hvidberg", "• Jørn
/// Aggerholm ()"), no sentence about them.
fn only_people(line: &str) -> bool {
    let l = line.trim().trim_start_matches(['•', '-', '·']).trim().trim_end_matches('.');
    !l.is_empty()
        && l.split([',', ';']).flat_map(|p| p.split(" og ")).all(|part| {
            let part = part.trim();
            let after = part.find(')').map_or("", |c| part[c + 1..].trim());
            part.is_empty() || (after.is_empty() && person::parse(part, part).is_some())
        })
}

/// The people a list names: "A, B og C", "A (V) og B (A)", "Jannie Skov, F".
pub fn people(list: &str) -> Vec<Person> {
    let list = list.trim().trim_end_matches(['.', ',', ';', ':']);
    let mut out: Vec<Person> = Vec::new();
    for part in list.split([',', ';']).flat_map(|p| p.split(" og ")).flat_map(|p| p.split(" samt ")) {
        // A person ends at their party mark: "Kirsten Brøndum (V) Godkendt".
        let part = part.find(')').map_or(part, |c| &part[..=c]).trim();
        // Words in capitals the converter put after the name ("... Bent Mølgaard LUKKET MØDE").
        let part = {
            let mut p = part;
            while let Some((head, last)) = p.rsplit_once(' ') {
                if last.chars().count() > 1 && last.chars().all(|c| c.is_uppercase() || c == ':') && !last.starts_with('(') {
                    p = head.trim_end();
                } else {
                    break;
                }
            }
            p
        };
        // A page's word in capitals the converter put before the name ("REFERAT Birgit ...").
        let part = match part.split_once(' ') {
            Some((first, rest)) if first.chars().count() > 1 && first.chars().all(char::is_uppercase) => rest.trim(),
            _ => part,
        };
        if part.is_empty() {
            continue;
        }
        // "Karen Stenholt, Køge Bent Hyldgaard, Guldborgsund": run together, the
        // municipality after the comma is the name before's, and the next name follows it.
        let part = match (out.last_mut(), part.split_once(' ')) {
            (Some(prev), Some((place, rest))) if prev.municipality.is_none() && rest.starts_with(char::is_uppercase) => {
                match crate::lexicon::municipality_exact(place) {
                    Some(m) => {
                        prev.municipality = Some(m.to_owned());
                        rest.trim()
                    }
                    None => part,
                }
            }
            _ => part,
        };
        // "Jannie Skov, F": a party after the comma belongs to the name before it.
        if let (Some(prev), Some(p)) = (out.last_mut(), person::party_of(part)) {
            if prev.party.is_none() && crate::text::word_count(part) == 1 {
                prev.party = Some(p);
                continue;
            }
        }
        match person::parse(part, list) {
            Some(Listed { person, mark: person::Mark::None | person::Mark::Absent, .. }) => out.push(person),
            _ => {
                // A list ends where its names end ("A og B m. afbud", "A deltog ...").
                if let Some((p, _)) = leading_person(part) {
                    out.push(p);
                }
                break;
            }
        }
    }
    // "Afbud: A, B Silkeborg Kommune Søvej 1": the letterhead's municipality, not B's.
    let with_place = out.iter().filter(|p| p.municipality.is_some()).count();
    if out.len() >= 2 && with_place * 2 <= out.len() {
        out.iter_mut().for_each(|p| p.municipality = None);
    }
    out
}

/// The last person named before a verb: "Rådmand Birgitte Møllgaard" in "Rådmand Birgitte
/// Møllgaard forlod mødet".
fn last_person(t: &str) -> Option<Person> {
    let t = t.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    (0..words.len()).find_map(|k| person::parse(&words[k..].join(" "), t).filter(|l| l.mark != person::Mark::Staff).map(|l| l.person))
}

/// The first person named after a verb: "Kim Østergaard (V) for resten af mødet".
fn first_person(t: &str) -> Option<Person> {
    leading_person(t).map(|(p, _)| p)
}

/// The longest run of words at the start of `t` that reads as a person, ending at the
/// first party mark, and how many bytes of `t` it took.
fn leading_person(t: &str) -> Option<(Person, usize)> {
    let start = t.len() - t.trim_start().len();
    let t = &t[start..];
    let t = match t.find(')') {
        Some(c) => &t[..=c],
        None => t.trim_end_matches(['.', ',']),
    };
    let ends: Vec<usize> = t.char_indices().filter(|&(_, c)| c == ' ').map(|(i, _)| i).chain(std::iter::once(t.len())).collect();
    ends.iter().take(8).rev().find_map(|&e| {
        let cand = t[..e].trim_end_matches([',', '.']);
        person::parse(cand, cand).filter(|l| l.mark == person::Mark::None).map(|l| (l.person, start + e))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_holds_a_trigger() {
        let forms = ABSENT.iter().map(|(w, _)| *w).chain(ATTENDED.iter().copied()).chain(SUBSTITUTE.iter().map(|(w, _)| *w));
        let forms = forms.chain(SUBSTITUTE_AFTER.iter().copied()).chain(SUBSTITUTE_BEFORE.iter().copied());
        for form in forms.chain(["afbud/fraværende:", "ikke indkaldt"]) {
            assert!(TRIGGERS.iter().any(|t| form.contains(t)), "{form:?} holds no trigger");
        }
    }

    fn absent(text: &str) -> Vec<(String, bool)> {
        statements(text)
            .into_iter()
            .filter_map(|s| match s {
                Statement::Absent { people, partial, .. } => Some(people.into_iter().map(move |p| (p.name, partial))),
                _ => None,
            })
            .flatten()
            .collect()
    }

    fn subs(text: &str) -> Vec<String> {
        statements(text)
            .into_iter()
            .filter_map(|s| match s {
                Statement::Substitute { person, .. } => Some(person.name),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn absence_in_sentences() {
        let full = |n: &str| (n.to_owned(), false);
        assert_eq!(
            absent("Der er afbud fra Martin Bech, Bettina Kjeldsen og Niels Salling."),
            [full("Martin Bech"), full("Bettina Kjeldsen"), full("Niels Salling")]
        );
        assert_eq!(absent("Flemming Sejrup (O) deltog ikke i mødet."), [full("Flemming Sejrup")]);
        assert_eq!(absent("Grethe Lund og Bent Riis m. afbud"), [full("Grethe Lund"), full("Bent Riis")]);
        assert_eq!(
            absent("Karsten Bøgh (V) og Henning Aabo (ufp) deltog ikke i sagens behandling."),
            [("Karsten Bøgh".into(), true), ("Henning Aabo".into(), true)]
        );
        assert_eq!(absent("Fraværende: Bjarke Abel, Linda Heegaard"), [full("Bjarke Abel"), full("Linda Heegaard")]);
        assert_eq!(absent("Medlemmerne var mødt, bortset fra Ib Holm."), [full("Ib Holm")]);
        assert_eq!(
            absent("Fraværende i Thisted Kommunalbestyrelse, 26. april 2022: Lone Bach og Søren Hvid"),
            [full("Lone Bach"), full("Søren Hvid")]
        );
        assert!(absent("Udvalget drøftede sagen. Der var ingen fraværende.").is_empty());
    }

    #[test]
    fn substitutes() {
        assert_eq!(subs("Ulla Grønbech (C) var indkaldt som stedfortræder for Morten Kragh (C)"), ["Ulla Grønbech"]);
        assert_eq!(subs("Afbud fra Mette Rosendahl. Istedet mødte Kasper Bjerregaard."), ["Kasper Bjerregaard"]);
        assert_eq!(absent("Afbud fra Mette Rosendahl. Istedet mødte Kasper Bjerregaard."), [("Mette Rosendahl".into(), false)]);
        assert_eq!(subs("Henrik Bach (V) - Dorthe Møller deltog som suppleant."), ["Dorthe Møller"]);
        assert_eq!(subs("Martin Borch (A) deltog i mødet i stedet for Kirsten Høgh (A)"), ["Martin Borch"]);
    }
}
