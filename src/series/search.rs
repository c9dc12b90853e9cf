//! Full-text search over many analysed referater: each item's title, decision and
//! Indstilling, and the names of the attendance lists. Core code without web dependencies
//! (the page runs it in wasm, the tests natively).
//!
//! Words are runs of letters and digits; an apostrophe or soft hyphen between two of them
//! stays inside the word and is left out when comparing ("FGU'erne", "KL’s" = "KL's" =
//! "kls"). Every other character separates words, so typographic dashes and quotes fold
//! with the plain ones ("EU–kulturhovedstad" is "eu kulturhovedstad"). Words are compared
//! lower-cased (`text::Lower`, which keeps byte offsets), nothing more: no stemming, no
//! æ/ae folding. A query word matches a word that starts with it ("skole" finds
//! "skolens"). A hit needs every query word within one item, in any of its fields, or
//! within one person's name: "Per Bach" finds Per Bach Laursen, not Per Clausen beside a
//! Bach. The names of a meeting make one hit (`item: None`) before its items.
//!
//! Each document gets its own inverted index when it is added: its distinct words sorted,
//! each with the fields it occurs in. A query word is a binary search for the run of words
//! it begins, so a query reads no text except the fields of the hits it returns.

use crate::model::{Analysis, SectionKind};
use crate::text::Lower;

/// A snippet's window, in characters, and how much of it may come before the first match.
const WINDOW: usize = 200;
const BEFORE: usize = 60;

/// The title of the hit that holds a meeting's names.
pub const ATTENDANCE_TITLE: &str = "Fremmøde";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Title,
    Decision,
    Indstilling,
    Name,
}

impl Field {
    /// The label the page shows.
    pub fn label_da(self) -> &'static str {
        match self {
            Field::Title => "Titel",
            Field::Decision => "Beslutning",
            Field::Indstilling => "Indstilling",
            Field::Name => "Navn",
        }
    }
}

/// The matches in one item (or in one meeting's names) of one document.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub doc: usize,
    /// The item's number; `None` for the meeting's names.
    pub item: Option<String>,
    /// The item's title, or "Fremmøde" for the names.
    pub title: String,
    /// One per field with a match, in the order title, decision, Indstilling; for the
    /// names, one per person, in the order of the lists (present, then absent).
    pub fields: Vec<Snippet>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Snippet {
    pub field: Field,
    /// The field's text around its first match, at most about `WINDOW` characters, cut
    /// between words with "…" where cut, white space collapsed to single spaces.
    pub text: String,
    /// Byte ranges in `text` of the words a query word begins.
    pub marks: Vec<(usize, usize)>,
}

#[derive(Debug, Default)]
pub struct Index {
    /// By document id; documents with equal ids in the order added.
    docs: Vec<Doc>,
}

/// One document's searchable fields and their inverted index.
#[derive(Debug)]
struct Doc {
    id: usize,
    /// Number and title of every item of the analysis.
    items: Vec<(String, String)>,
    /// The names first, then the items' fields, so slot order is unit order.
    slots: Vec<Slot>,
    /// The distinct words, concatenated in sorted order; `terms` says where each is.
    words: String,
    terms: Vec<Term>,
    /// Slot numbers, ascending within a term.
    postings: Vec<u32>,
}

#[derive(Debug)]
struct Term {
    word: (u32, u32),
    postings: (u32, u32),
}

#[derive(Debug)]
struct Slot {
    unit: Unit,
    field: Field,
    text: String,
}

/// Where a hit needs every query word. Persons order before items: names hit first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Unit {
    Person(u32),
    Item(u32),
}

impl Index {
    pub fn new() -> Index {
        Index::default()
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Adds one analysed document; `doc` is the caller's id for it.
    pub fn add(&mut self, doc: usize, a: &Analysis) {
        let mut slots = Vec::new();
        let mut push = |unit, field, text: String| {
            if !text.trim().is_empty() {
                slots.push(Slot { unit, field, text });
            }
        };
        for (k, p) in a.attendance.present.iter().chain(&a.attendance.absent).enumerate() {
            push(Unit::Person(k as u32), Field::Name, p.name.clone());
        }
        for (i, item) in a.items.iter().enumerate() {
            let unit = Unit::Item(i as u32);
            push(unit, Field::Title, item.title.clone());
            push(unit, Field::Decision, item.decision.as_ref().map(|d| d.text.clone()).unwrap_or_default());
            let indstilling: Vec<&str> =
                item.sections.iter().filter(|s| s.kind == SectionKind::Indstilling).map(|s| s.text.as_str()).collect();
            push(unit, Field::Indstilling, indstilling.join("\n\n"));
        }
        // Every word of every slot as (its key's range in `keys`, slot), sorted by key and slot.
        let mut keys = String::new();
        let mut found: Vec<(u32, u32, u32)> = Vec::new();
        for (s, slot) in slots.iter().enumerate() {
            let lower = slot.text.lower();
            for (b, e) in words(&lower) {
                let start = keys.len();
                push_key(&mut keys, &lower[b..e]);
                found.push((start as u32, keys.len() as u32, s as u32));
            }
        }
        let key = |&(b, e, _): &(u32, u32, u32)| &keys[b as usize..e as usize];
        found.sort_unstable_by(|x, y| key(x).cmp(key(y)).then(x.2.cmp(&y.2)));
        let mut d = Doc {
            id: doc,
            items: a.items.iter().map(|i| (i.number.clone(), i.title.clone())).collect(),
            slots,
            words: String::new(),
            terms: Vec::new(),
            postings: Vec::new(),
        };
        for f in &found {
            let k = key(f);
            let new = d.terms.last().is_none_or(|t| d.word(t) != k);
            if new {
                let (w, p) = (d.words.len() as u32, d.postings.len() as u32);
                d.words.push_str(k);
                d.terms.push(Term { word: (w, d.words.len() as u32), postings: (p, p) });
            }
            if new || d.postings.last() != Some(&f.2) {
                d.postings.push(f.2);
            }
            if let Some(t) = d.terms.last_mut() {
                t.postings.1 = d.postings.len() as u32;
            }
        }
        let at = self.docs.partition_point(|x| x.id <= doc);
        self.docs.insert(at, d);
    }

    /// The hits for a query, one per (document, item) in document order then item order
    /// (a meeting's names before its items), at most `limit`.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let lower = query.lower();
        let mut query: Vec<String> = words(&lower).map(|(b, e)| key(&lower[b..e])).collect();
        query.sort_unstable();
        query.dedup();
        let mut hits = Vec::new();
        if query.is_empty() {
            return hits;
        }
        for d in &self.docs {
            if hits.len() >= limit {
                break;
            }
            d.hits(&query, limit, &mut hits);
        }
        hits
    }
}

impl Doc {
    fn word(&self, t: &Term) -> &str {
        &self.words[t.word.0 as usize..t.word.1 as usize]
    }

    /// The slots holding a word that `prefix` begins, ascending.
    fn slots_with(&self, prefix: &str) -> Vec<u32> {
        let first = self.terms.partition_point(|t| self.word(t) < prefix);
        let mut slots: Vec<u32> = Vec::new();
        for t in self.terms[first..].iter().take_while(|t| self.word(t).starts_with(prefix)) {
            slots.extend_from_slice(&self.postings[t.postings.0 as usize..t.postings.1 as usize]);
        }
        slots.sort_unstable();
        slots.dedup();
        slots
    }

    fn hits(&self, query: &[String], limit: usize, hits: &mut Vec<Hit>) {
        let matched: Vec<Vec<u32>> = query.iter().map(|q| self.slots_with(q)).collect();
        // The units holding every query word: slots ascend, so their units do.
        let mut units: Vec<Unit> = Vec::new();
        for (k, slots) in matched.iter().enumerate() {
            let mut these: Vec<Unit> = slots.iter().map(|&s| self.slots[s as usize].unit).collect();
            these.dedup();
            if k == 0 {
                units = these;
            } else {
                units.retain(|u| these.binary_search(u).is_ok());
            }
        }
        let mut slots: Vec<u32> = matched.concat();
        slots.retain(|&s| units.binary_search(&self.slots[s as usize].unit).is_ok());
        slots.sort_unstable();
        slots.dedup();
        // The hit being filled: its item (`None` for the names), once this document has one.
        let mut current: Option<Option<usize>> = None;
        for s in slots {
            let slot = &self.slots[s as usize];
            let item = match slot.unit {
                Unit::Person(_) => None,
                Unit::Item(i) => Some(i as usize),
            };
            let Some(snippet) = snippet(slot.field, &slot.text, query) else { continue };
            if let (Some(h), true) = (hits.last_mut(), current == Some(item)) {
                h.fields.push(snippet);
                continue;
            }
            if hits.len() >= limit {
                return;
            }
            current = Some(item);
            hits.push(Hit {
                doc: self.id,
                item: item.map(|i| self.items[i].0.clone()),
                title: item.map_or(ATTENDANCE_TITLE.to_owned(), |i| self.items[i].1.clone()),
                fields: vec![snippet],
            });
        }
    }
}

/// The words of `text` as byte ranges: runs of letters and digits, an apostrophe or soft
/// hyphen kept inside when a letter or digit follows it.
fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let start = loop {
            let (i, c) = chars.next()?;
            if c.is_alphanumeric() {
                break i;
            }
        };
        while let Some(&(i, c)) = chars.peek() {
            let inside =
                c.is_alphanumeric() || (is_joiner(c) && text[i + c.len_utf8()..].chars().next().is_some_and(char::is_alphanumeric));
            if !inside {
                return Some((start, i));
            }
            chars.next();
        }
        Some((start, text.len()))
    })
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '´' | '`' | '\u{AD}')
}

/// A lower-cased word as it is compared: without its apostrophes and soft hyphens.
fn push_key(out: &mut String, lower_word: &str) {
    out.extend(lower_word.chars().filter(|&c| !is_joiner(c)));
}

fn key(lower_word: &str) -> String {
    let mut k = String::with_capacity(lower_word.len());
    push_key(&mut k, lower_word);
    k
}

/// The words of `lower` (a lower-cased text) that a query word begins.
fn marks<'a>(lower: &'a str, query: &'a [String]) -> impl Iterator<Item = (usize, usize)> + 'a {
    words(lower).filter(move |&(b, e)| {
        let k = key(&lower[b..e]);
        query.iter().any(|q| k.starts_with(q.as_str()))
    })
}

/// The window of `text` around its first match, or `None` when nothing in it matches.
fn snippet(field: Field, text: &str, query: &[String]) -> Option<Snippet> {
    let lower = text.lower();
    let (s, e) = marks(&lower, query).next()?;
    let (mut from, mut to) = (0, text.len());
    if text.chars().nth(WINDOW).is_some() {
        // Start after a space some way before the match (at the match when there is none);
        // end at the last space of the window, after the match.
        let back = text[..s].char_indices().rev().nth(BEFORE - 1).map_or(0, |(i, _)| i);
        if back > 0 {
            from = text[back..s].find(char::is_whitespace).map_or(s, |w| back + w);
        }
        let end = text[from..].char_indices().nth(WINDOW).map_or(text.len(), |(i, _)| from + i);
        if end < text.len() {
            to = if end <= e { e } else { text[e..end].rfind(char::is_whitespace).map_or(end, |w| e + w) };
        }
    }
    let mut out = String::new();
    if !text[..from].trim().is_empty() {
        out.push('…');
    }
    for (k, w) in text[from..to].split_whitespace().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
    if !text[to..].trim().is_empty() {
        out.push('…');
    }
    let marks = marks(&out.lower(), query).collect();
    Some(Snippet { field, text: out, marks })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Attendance, Decision, Item, Outcome, Person, Section};

    fn split(text: &str) -> Vec<&str> {
        words(text).map(|(b, e)| &text[b..e]).collect()
    }

    fn query(q: &str) -> Vec<String> {
        q.split_whitespace().map(|w| key(&w.lower())).collect()
    }

    #[test]
    fn words_keep_apostrophes_inside_and_split_at_dashes() {
        assert_eq!(split("FGU'erne, KL’s og KKR'’s"), ["FGU'erne", "KL’s", "og", "KKR", "s"]);
        assert_eq!(split("EU-kulturhovedstad i 2032 — en satsning"), ["EU", "kulturhovedstad", "i", "2032", "en", "satsning"]);
        assert_eq!(split("'citat' bl.a. CO2Vision…"), ["citat", "bl", "a", "CO2Vision"]);
        assert_eq!(split("Æblerne på Læsø"), ["Æblerne", "på", "Læsø"]);
        assert_eq!(key("kl’s"), "kls");
        assert_eq!(key("kl's"), key("kl\u{AD}s"));
    }

    #[test]
    fn a_short_field_is_whole_with_its_space_collapsed() {
        let s = snippet(Field::Decision, "Sagen blev\n\nGODKENDT  af udvalget.", &query("godk")).expect("a match");
        assert_eq!(s.text, "Sagen blev GODKENDT af udvalget.");
        assert_eq!(s.marks, [(11, 19)]);
        assert_eq!(snippet(Field::Decision, "Sagen blev godkendt.", &query("udsat")), None);
    }

    #[test]
    fn a_long_field_is_cut_between_words_around_the_first_match() {
        let before = "ord ".repeat(100);
        let after = " æble".repeat(100);
        let text = format!("{before}Mødet i Ærø{after}");
        let s = snippet(Field::Decision, &text, &query("ærø")).expect("a match");
        assert!(s.text.starts_with("…ord ") && s.text.ends_with("æble…"), "{:?}", s.text);
        assert!(s.text.chars().count() <= WINDOW + 2, "{}", s.text.chars().count());
        let (b, e) = s.marks[0];
        assert_eq!(&s.text[b..e], "Ærø");
        assert_eq!(s.marks.len(), 1);
        // The window keeps BEFORE characters before the match, whole words only.
        assert!(s.text[..b].chars().count() <= BEFORE + 1);
        assert!(s.text[..b].chars().count() > BEFORE - 5);
    }

    fn person(name: &str) -> Person {
        Person { name: name.to_owned(), raw: name.to_owned(), ..Person::default() }
    }

    fn item(number: &str, title: &str, indstilling: &str, decision: &str) -> Item {
        Item {
            number: number.to_owned(),
            level: 1,
            title: title.to_owned(),
            case: None,
            intro: String::new(),
            sections: vec![
                Section {
                    kind: SectionKind::Sagsfremstilling,
                    heading: "Sagsfremstilling".to_owned(),
                    text: "Skolen og hallen".to_owned(),
                },
                Section { kind: SectionKind::Indstilling, heading: "Indstilling".to_owned(), text: indstilling.to_owned() },
            ],
            decision: Some(Decision { text: decision.to_owned(), outcome: Outcome::Approved, ..Decision::default() }),
            ..Item::default()
        }
    }

    fn analysis() -> Analysis {
        let mut a = crate::analyze(b"", "tom.txt");
        a.attendance = Attendance {
            present: vec![person("Per Clausen"), person("Anne Bach")],
            absent: vec![person("Per Bach Laursen")],
            ..Attendance::default()
        };
        a.items = vec![
            item("1", "Skolestruktur", "Forvaltningen indstiller godkendelse.", "Godkendt."),
            item("2", "Hal i Per", "", "Udsat til næste møde om skolen."),
        ];
        a
    }

    #[test]
    fn a_person_holds_every_word_or_is_not_a_hit() {
        let mut index = Index::new();
        index.add(0, &analysis());
        let hits = index.search("per bach", 10);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].item, None);
        assert_eq!(hits[0].fields.iter().map(|s| s.text.as_str()).collect::<Vec<_>>(), ["Per Bach Laursen"]);
        // The names of several people together make one hit, in list order.
        let hits = index.search("per", 10);
        assert_eq!(hits.iter().map(|h| h.item.as_deref()).collect::<Vec<_>>(), [None, Some("2")]);
        assert_eq!(hits[0].fields.len(), 2);
        assert_eq!(hits[0].fields[0].text, "Per Clausen");
    }

    #[test]
    fn only_title_decision_and_indstilling_are_searched() {
        let mut index = Index::new();
        index.add(0, &analysis());
        // "Skolen og hallen" stands in the Sagsfremstilling of both items: not searched.
        let hits = index.search("skole", 10);
        assert_eq!(
            hits.iter().map(|h| (h.item.as_deref(), h.fields[0].field)).collect::<Vec<_>>(),
            [(Some("1"), Field::Title), (Some("2"), Field::Decision)]
        );
        assert_eq!(index.search("hallen", 10), []);
        assert_eq!(index.search("forvaltning godkend", 10)[0].fields.len(), 2, "Indstilling and decision");
        // Two documents under one id keep the order they were added in.
        index.add(0, &analysis());
        assert_eq!(index.search("skolestruktur", 10).len(), 2);
    }
}
