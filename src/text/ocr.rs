//! OCR letter repair. OCR reads the Danish letters as classes of other letters (ø as
//! g/e/a/o/@, a capital Ø as J; æ as ae/ee/se/ze/e/a; å as a/d/4/&/é). A word is repaired
//! only when the repair is certain:
//! - the document shows OCR damage at all (in a clean document nothing is touched);
//! - the repaired word is known (the Danish lexicon, the municipalities, first names and
//!   surnames, and the document's own correctly spelled words);
//! - the damaged form is not a known word, or is one at least ten times rarer in Danish
//!   than the repair ("pa" -> "på", but "for" is never made "før");
//! - no second repair is nearly as likely ("made" could be "møde" or "måde": left alone).
//!
//! A long compound the lexicon lacks is repaired through its known part:
//! "voksensocialomrade" -> "voksensocialområde", "laerepladser" -> "lærepladser".

use std::sync::OnceLock;

use super::trie::{Bin, Trie};
use crate::lexicon;

/// Repaired forms must be this much more common than a damaged form that is a word too.
const RARER_BY: Bin = 100;
/// A second candidate this close to the best makes the repair uncertain.
const AMBIGUOUS_WITHIN: Bin = 50;
const MAX_EDITS: usize = 3;

/// (damaged spelling, the letter it stands for). Longest first where they overlap.
const CONFUSIONS: &[(&str, char)] = &[
    ("aee", 'æ'),
    ("ae", 'æ'),
    ("ee", 'æ'),
    ("se", 'æ'),
    ("ze", 'æ'),
    ("as", 'æ'),
    ("e", 'æ'),
    ("a", 'æ'),
    ("g", 'ø'),
    ("e", 'ø'),
    ("a", 'ø'),
    ("o", 'ø'),
    ("@", 'ø'),
    ("0", 'ø'),
    ("a", 'å'),
    ("d", 'å'),
    ("4", 'å'),
    ("&", 'å'),
    ("é", 'å'),
];

/// Short parts a damaged word may keep around its repaired stem.
const ENDINGS: &[&str] = &["e", "en", "et", "er", "es", "s", "t", "de", "te", "ede", "ene", "ens", "ets", "ers", "get", "ger", "ges"];
const PREFIXES: &[&str] = &["til", "for", "fra", "med", "mod", "ind", "ud", "op", "af", "gen", "sam", "mis", "bi", "be"];

/// Known words with no frequency in the list: words, but never confused with another.
const PLAIN: Bin = 0;

/// Frequency bins: a word's frequency is 10^(-bin/100); lower is more common.
fn lexicon() -> &'static Trie {
    static LEX: OnceLock<Trie> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut words: Vec<(Vec<char>, Bin)> = Vec::with_capacity(30_000);
        let mut prev: Vec<char> = Vec::new();
        // Front-coded (scripts/make-lexicon.py): shared-prefix digit, rest, optional frequency.
        for line in include_str!("../lexicon/da.words").lines() {
            let Some(shared) = line.chars().next().and_then(|c| c.to_digit(10)) else { continue };
            let rest = &line[1..];
            let digits = rest.len() - rest.trim_end_matches(|c: char| c.is_ascii_digit()).len();
            let (stem, freq) = rest.split_at(rest.len() - digits);
            prev.truncate(shared as usize);
            prev.extend(stem.chars());
            let bin = freq.parse::<Bin>().map(|b| b * 10).unwrap_or(PLAIN);
            words.push((prev.clone(), bin));
        }
        // Names and places are as certain as common words, whatever their corpus frequency.
        // A plain name is never confused with a word; one spelled with æ/ø/å is a repair.
        let names = include_str!("../lexicon/names.txt").lines().filter(|l| !l.starts_with('#')).flat_map(str::split_whitespace);
        for name in names.chain(lexicon::MUNICIPALITIES.iter().copied()) {
            for part in name.split(['-', ' ']) {
                let lower = part.to_lowercase();
                let bin = if lower.contains(['æ', 'ø', 'å']) { 450 } else { PLAIN };
                words.push((lower.chars().collect(), bin));
            }
        }
        words.sort_unstable();
        // One entry a word, the lowest bin: a plain name ("lasse") is never taken for damage
        // even where the word list knows it as a rare word.
        words.dedup_by(|later, first| later.0 == first.0);
        Trie::from_sorted(&words)
    })
}

/// Repairs words of one document. Built once per document: it decides whether the
/// document shows OCR damage, and learns the document's own correctly spelled words.
pub struct Repairer {
    active: bool,
    /// The document's own words spelled with æ/ø/å that the lexicon lacks.
    own: Trie,
}

/// Where a reading has got to, in the lexicon and in the document's own words.
#[derive(Clone, Copy)]
struct At {
    lex: Option<u32>,
    own: Option<u32>,
}

impl Repairer {
    /// A repairer that never changes anything (clean documents).
    pub fn inactive() -> Repairer {
        Repairer { active: false, own: Trie::default() }
    }

    /// Looks at the first 20,000 words: enough to tell, and bounded for huge inputs.
    pub fn for_document(text: &str) -> Repairer {
        let lex = lexicon();
        let mut own: Vec<(Vec<char>, Bin)> = Vec::new();
        let (mut words, mut damaged) = (0usize, 0usize);
        let probe = Repairer::always();
        for w in words_of(text).take(20_000) {
            words += 1;
            if lex.get_folded(w).is_some() {
                continue;
            }
            let lower = w.to_lowercase();
            if lower.contains(['æ', 'ø', 'å']) {
                if w.chars().all(char::is_alphabetic) {
                    own.push((lower.chars().collect(), 500));
                }
            } else if lower.chars().count() >= 3
                && !w.chars().any(|c| c.is_ascii_digit())
                && probe.whole(&lower, w.starts_with('J')).is_some()
            {
                damaged += 1;
            }
        }
        // A clean text has next to no words that are unknown yet one OCR slip from a word.
        let active = damaged >= 5 && damaged * 200 >= words;
        own.sort_unstable();
        own.dedup();
        Repairer { active, own: Trie::from_sorted(&own) }
    }

    /// How the repair sees a word (for the `repair_word` tool).
    pub fn explain(&self, w: &str) -> String {
        let lower = w.to_lowercase();
        format!(
            "known={:?} compound={} whole={:?} parts={:?}",
            self.bin(&lower),
            self.is_compound(&lower),
            self.whole(&lower, w.starts_with('J')),
            self.compound(&lower)
        )
    }

    /// A repairer that treats any text as damaged (for tests and tools).
    pub fn always() -> Repairer {
        Repairer { active: true, own: Trie::default() }
    }

    pub fn is_active(&self) -> bool {
        self.active
    }

    fn bin(&self, w: &str) -> Option<Bin> {
        lexicon().get(w).or_else(|| self.own.get(w))
    }

    /// The repaired word, keeping its capitals; `None` when nothing certain applies.
    pub fn word(&self, w: &str) -> Option<String> {
        if !self.active || w.chars().count() < 2 {
            return None;
        }
        // "FRO", "KL": short words in capitals are abbreviations, not damaged words.
        if w.chars().count() <= 4 && w.chars().all(|c| !c.is_lowercase()) {
            return None;
        }
        // A known plain word, or a known word already spelled with æ/ø/å, is never damage.
        if let Some(b) = lexicon().get_folded(w) {
            if b == PLAIN || w.contains(['æ', 'ø', 'å', 'Æ', 'Ø', 'Å']) {
                return None;
            }
        }
        let lower = w.to_lowercase();
        let repaired = self.whole(&lower, w.starts_with('J')).or_else(|| self.compound(&lower))?;
        Some(with_case_of(w, &repaired))
    }

    /// Running text: every word repaired where certain, everything else untouched.
    pub fn text(&self, s: &str) -> String {
        self.line(s, false)
    }

    /// One line of a document. A word cut by a line-break hyphen is only half a word:
    /// the end before "-" and, when `continues` (the line above ended in "-"), the first
    /// word are left for the repair of the joined text.
    pub fn line(&self, s: &str, continues: bool) -> String {
        if !self.active {
            return s.to_owned();
        }
        let cut_end = s.trim_end().ends_with('-');
        let mut first = continues;
        let mut out = String::with_capacity(s.len());
        let mut word = String::new();
        for c in s.chars().chain(std::iter::once('\u{0}')) {
            if is_word_char(c) {
                word.push(c);
                continue;
            }
            if !word.is_empty() {
                let fragment = std::mem::take(&mut first) || (cut_end && c == '-');
                match self.word(&word).filter(|_| !fragment) {
                    Some(r) => out.push_str(&r),
                    None => out.push_str(&word),
                }
                word.clear();
            }
            if c != '\u{0}' {
                out.push(c);
            }
        }
        out
    }

    /// The whole word read again: the best known candidate, if it is certain.
    fn whole(&self, lower: &str, capital_j: bool) -> Option<String> {
        let own_bin = self.bin(lower);
        let mut found: Vec<(Bin, String)> = Vec::new();
        let chars: Vec<char> = lower.chars().collect();
        let start = At { lex: lexicon().root(), own: self.own.root() };
        self.search(&chars, 0, start, &mut String::new(), 0, capital_j, &mut found);
        found.sort();
        found.dedup_by(|a, b| a.1 == b.1);
        let (best_bin, best) = found.first()?.clone();
        if let Some((second, _)) = found.get(1) {
            if *second < best_bin + AMBIGUOUS_WITHIN {
                return None;
            }
        }
        match own_bin {
            None => Some(best),
            Some(b) if best_bin + RARER_BY <= b => Some(best),
            Some(_) => None,
        }
    }

    fn step(&self, at: At, c: char) -> Option<At> {
        let next = At { lex: at.lex.and_then(|n| lexicon().child(n, c)), own: at.own.and_then(|n| self.own.child(n, c)) };
        (next.lex.is_some() || next.own.is_some()).then_some(next)
    }

    /// Depth-first over the readings of `chars[i..]`, following the tries, so only
    /// prefixes of known words are ever explored.
    #[allow(clippy::too_many_arguments)]
    fn search(&self, chars: &[char], i: usize, at: At, read: &mut String, edits: usize, capital_j: bool, found: &mut Vec<(Bin, String)>) {
        if i == chars.len() {
            if edits > 0 {
                let bin = at.lex.and_then(|n| lexicon().bin_at(n)).or_else(|| at.own.and_then(|n| self.own.bin_at(n)));
                if let Some(b) = bin {
                    found.push((b, read.clone()));
                }
            }
            return;
        }
        if let Some(next) = self.step(at, chars[i]) {
            read.push(chars[i]);
            self.search(chars, i + 1, next, read, edits, capital_j, found);
            read.pop();
        }
        if edits == MAX_EDITS {
            return;
        }
        let mut try_letter = |len: usize, letter: char, read: &mut String| {
            if let Some(next) = self.step(at, letter) {
                read.push(letter);
                self.search(chars, i + len, next, read, edits + 1, capital_j, found);
                read.pop();
            }
        };
        for (damaged, letter) in CONFUSIONS {
            let len = damaged.chars().count();
            if chars.len() >= i + len && damaged.chars().zip(&chars[i..]).all(|(a, b)| a == *b) {
                try_letter(len, *letter, read);
            }
        }
        if i == 0 && capital_j && chars[0] == 'j' {
            try_letter(1, 'ø', read);
        }
    }

    /// A compound the lexicon lacks, repaired through a damaged part of at least four
    /// letters at its start or end, when the rest is a known word or compound, and one of
    /// the two has five letters or more ("laere|pladser" -> "lærepladser", "voksensocial|omrade"). A word
    /// that is itself a compound of known words ("erhvervs|styrelsen") is not damaged.
    fn compound(&self, lower: &str) -> Option<String> {
        if self.bin(lower).is_some() || self.is_compound(lower) {
            return None;
        }
        let chars: Vec<char> = lower.chars().collect();
        let n = chars.len();
        if n < 7 || !chars.iter().all(|c| c.is_alphabetic() || "@&".contains(*c)) {
            return None;
        }
        let mut best: Option<(usize, String)> = None;
        for k in 3..=n - 3 {
            let left: String = chars[..k].iter().collect();
            let right: String = chars[k..].iter().collect();
            for (damaged, kept, damaged_is_right) in [(&right, &left, true), (&left, &right, false)] {
                let len = damaged.chars().count();
                let kept_len = kept.chars().count();
                // A kept part of four letters or more must be a word or a compound; a
                // shorter one only an ending ("oplæg|get") or a prefix ("til|træder").
                let kept_ok = if kept_len >= 4 {
                    self.bin(kept).is_some() || self.is_compound(kept)
                } else if damaged_is_right {
                    PREFIXES.contains(&kept.as_str())
                } else {
                    ENDINGS.contains(&kept.as_str())
                };
                if len < 4 || !kept_ok || best.as_ref().is_some_and(|(l, _)| *l >= len) || self.bin(damaged).is_some() {
                    continue;
                }
                // A short kept part ("oplæg|get") needs a long repaired part; "føre|slas" is no word.
                let Some(r) = self.whole(damaged, false) else { continue };
                if kept_len >= 5 || r.chars().count() >= 5 {
                    let joined = if damaged_is_right { format!("{kept}{r}") } else { format!("{r}{kept}") };
                    best = Some((len, joined));
                }
            }
        }
        best.map(|(_, w)| w)
    }

    /// Known words of four letters or more, one after another, perhaps joined by the
    /// linking "s" or "e" ("voksen|social", "erhvervs|styrelsen", "sundheds|område").
    fn is_compound(&self, w: &str) -> bool {
        let chars: Vec<char> = w.chars().collect();
        let n = chars.len();
        // reach[i]: chars[..i] splits into known words.
        let mut reach = vec![false; n + 1];
        reach[0] = true;
        for a in 0..n {
            let linked = a > 0 && matches!(chars[a - 1], 's' | 'e') && reach[a - 1];
            if !(reach[a] || linked) {
                continue;
            }
            let mut at = At { lex: lexicon().root(), own: self.own.root() };
            for b in a..n {
                let Some(next) = self.step(at, chars[b]) else { break };
                at = next;
                let word_ends = at.lex.and_then(|x| lexicon().bin_at(x)).is_some() || at.own.and_then(|x| self.own.bin_at(x)).is_some();
                // Three-letter entries of a web-derived list (lee, rep, lad) would split anything.
                if b + 1 - a >= 4 && word_ends {
                    reach[b + 1] = true;
                }
            }
        }
        reach[n]
    }
}

/// Builds the lexicon now, so that the first document read does not wait for it.
pub fn warm_up() {
    lexicon();
}

/// A known Danish word, or a compound of known words.
pub fn is_word(w: &str) -> bool {
    let lower = w.to_lowercase();
    let r = Repairer::always();
    r.bin(&lower).is_some() || r.is_compound(&lower)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '@' || c == '&'
}

fn words_of(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !is_word_char(c)).filter(|w| w.chars().count() >= 2 && !w.chars().all(|c| c.is_ascii_digit()))
}

/// "Hjgrring" + "hjørring" -> "Hjørring"; "NAESTE" + "næste" -> "NÆSTE".
fn with_case_of(original: &str, repaired: &str) -> String {
    let letters: Vec<char> = original.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return repaired.to_uppercase();
    }
    if original.chars().next().is_some_and(|c| c.is_uppercase() || c == '@') {
        let mut cs = repaired.chars();
        if let Some(f) = cs.next() {
            return f.to_uppercase().chain(cs).collect();
        }
    }
    repaired.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn active() -> Repairer {
        Repairer::always()
    }

    #[test]
    fn certain_repairs() {
        let r = active();
        for (damaged, want) in [
            ("Hjgrring", "Hjørring"),
            ("Hjerring", "Hjørring"),
            ("Leesg", "Læsø"),
            ("Brenderslev", "Brønderslev"),
            ("Branderslev", "Brønderslev"),
            ("Morsg", "Morsø"),
            ("Seren", "Søren"),
            ("Jgrgensen", "Jørgensen"),
            ("Jargen", "Jørgen"),
            ("Jst", "Øst"),
            ("laerepladser", "lærepladser"),
            ("pa", "på"),
            ("mgde", "møde"),
            ("drgftede", "drøftede"),
            ("voksensocialomrade", "voksensocialområde"),
            ("@vrige", "Øvrige"),
        ] {
            assert_eq!(r.word(damaged).as_deref(), Some(want), "{damaged}");
        }
    }

    #[test]
    fn correct_words_stay() {
        let r = active();
        for w in ["for", "har", "bor", "Gade", "Aalborg", "Klitgaard", "Jensen", "Johansen", "Thomas", "kommune", "med"] {
            assert_eq!(r.word(w), None, "{w}");
        }
    }

    #[test]
    fn clean_documents_are_not_touched() {
        let clean = "Dagsordenen blev godkendt. Mødet i Hjørring for kommunerne på Læsø. ".repeat(50);
        let r = Repairer::for_document(&clean);
        assert!(!r.is_active());
        assert_eq!(r.text("pa mgde"), "pa mgde");
    }
}
