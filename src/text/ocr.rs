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

use crate::lexicon;

/// Frequency bins: a word's frequency is 10^(-bin/100); lower is more common.
type Bin = u16;

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

struct Lexicon {
    /// Lower-case words, sorted, for lookup and prefix pruning.
    words: Vec<(String, Bin)>,
}

impl Lexicon {
    fn get(&self, w: &str) -> Option<Bin> {
        self.words.binary_search_by(|(x, _)| x.as_str().cmp(w)).ok().map(|i| self.words[i].1)
    }

    fn has_prefix(&self, p: &str) -> bool {
        let i = self.words.partition_point(|(x, _)| x.as_str() < p);
        self.words.get(i).is_some_and(|(x, _)| x.starts_with(p))
    }
}

/// Short parts a damaged word may keep around its repaired stem.
const ENDINGS: &[&str] = &["e", "en", "et", "er", "es", "s", "t", "de", "te", "ede", "ene", "ens", "ets", "ers", "get", "ger", "ges"];
const PREFIXES: &[&str] = &["til", "for", "fra", "med", "mod", "ind", "ud", "op", "af", "gen", "sam", "mis", "bi", "be"];

/// Known words with no frequency in the list: words, but never confused with another.
const PLAIN: Bin = 0;

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut words: Vec<(String, Bin)> = Vec::with_capacity(30_000);
        let mut prev = String::new();
        // Front-coded (scripts/make-lexicon.py): shared-prefix digit, rest, optional frequency.
        for line in include_str!("../lexicon/da.words").lines() {
            let Some(shared) = line.chars().next().and_then(|c| c.to_digit(10)) else { continue };
            let rest = &line[1..];
            let digits = rest.len() - rest.trim_end_matches(|c: char| c.is_ascii_digit()).len();
            let (stem, freq) = rest.split_at(rest.len() - digits);
            let mut w: String = prev.chars().take(shared as usize).collect();
            w.push_str(stem);
            let bin = freq.parse::<Bin>().map(|b| b * 10).unwrap_or(PLAIN);
            prev.clone_from(&w);
            words.push((w, bin));
        }
        // Names and places are as certain as common words, whatever their corpus frequency.
        let names = include_str!("../lexicon/names.txt").lines().filter(|l| !l.starts_with('#')).flat_map(str::split_whitespace);
        for name in names.chain(lexicon::MUNICIPALITIES.iter().copied()) {
            for part in name.split(['-', ' ']) {
                words.push((part.to_lowercase(), 450));
            }
        }
        words.sort_unstable();
        // One entry a word: a listed frequency wins over a name's default.
        words.dedup_by(|later, first| {
            if later.0 == first.0 {
                if first.1 == PLAIN || (later.1 != PLAIN && later.1 < first.1) {
                    first.1 = later.1;
                }
                true
            } else {
                false
            }
        });
        Lexicon { words }
    })
}

/// Repairs words of one document. Built once per document: it decides whether the
/// document shows OCR damage, and learns the document's own correctly spelled words.
pub struct Repairer {
    active: bool,
    /// The document's own words spelled with æ/ø/å that the lexicon lacks, sorted.
    own: Vec<String>,
}

impl Repairer {
    /// A repairer that never changes anything (clean documents).
    pub fn inactive() -> Repairer {
        Repairer { active: false, own: Vec::new() }
    }

    pub fn for_document(text: &str) -> Repairer {
        let lex = lexicon();
        let mut own = Vec::new();
        let (mut words, mut damaged) = (0usize, 0usize);
        let probe = Repairer { active: true, own: Vec::new() };
        for w in words_of(text).take(50_000) {
            words += 1;
            let lower = w.to_lowercase();
            if lower.contains(['æ', 'ø', 'å']) && lex.get(&lower).is_none() && w.chars().all(char::is_alphabetic) {
                own.push(lower);
            } else if lower.chars().count() >= 3 && lex.get(&lower).is_none() && probe.whole(&lower, w.starts_with('J')).is_some() {
                damaged += 1;
            }
        }
        // A clean text has next to no words that are unknown yet one OCR slip from a word.
        let active = damaged >= 5 && damaged * 200 >= words;
        own.sort_unstable();
        own.dedup();
        Repairer { active, own }
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
        Repairer { active: true, own: Vec::new() }
    }

    pub fn is_active(&self) -> bool {
        self.active
    }

    fn bin(&self, w: &str) -> Option<Bin> {
        lexicon().get(w).or_else(|| self.own.binary_search_by(|x| x.as_str().cmp(w)).ok().map(|_| 500))
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
        self.search(&chars, 0, String::new(), 0, capital_j, &mut found);
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

    /// Depth-first over the readings of `chars[i..]`, pruned to prefixes of known words.
    fn search(&self, chars: &[char], i: usize, prefix: String, edits: usize, capital_j: bool, found: &mut Vec<(Bin, String)>) {
        if i == chars.len() {
            if edits > 0 {
                if let Some(b) = self.bin(&prefix) {
                    found.push((b, prefix));
                }
            }
            return;
        }
        let lex = lexicon();
        let known_prefix = |p: &str| {
            lex.has_prefix(p) || self.own.get(self.own.partition_point(|w| w.as_str() < p)).is_some_and(|w| w.starts_with(p))
        };
        let mut keep = prefix.clone();
        keep.push(chars[i]);
        if known_prefix(&keep) {
            self.search(chars, i + 1, keep, edits, capital_j, found);
        }
        if edits == MAX_EDITS {
            return;
        }
        let rest: String = chars[i..].iter().take(3).collect();
        let mut alternatives: Vec<(usize, char)> = CONFUSIONS
            .iter()
            .filter(|(damaged, _)| rest.starts_with(damaged))
            .map(|(damaged, letter)| (damaged.chars().count(), *letter))
            .collect();
        if i == 0 && capital_j && chars[0] == 'j' {
            alternatives.push((1, 'ø'));
        }
        for (len, letter) in alternatives {
            let mut p = prefix.clone();
            p.push(letter);
            if known_prefix(&p) {
                self.search(chars, i + len, p, edits + 1, capital_j, found);
            }
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
        let cut: Vec<usize> = w.char_indices().map(|(i, _)| i).chain(std::iter::once(w.len())).collect();
        // Three-letter entries of a web-derived list (lee, rep, lad) would split anything.
        let known = |a: usize, b: usize| b - a >= 4 && self.bin(&w[cut[a]..cut[b]]).is_some();
        // reach[i]: w[..cut[i]] splits into known words.
        let mut reach = vec![false; cut.len()];
        reach[0] = true;
        for b in 1..cut.len() {
            reach[b] = (0..b).any(|a| {
                let link = |a: usize| a > 0 && matches!(&w[cut[a - 1]..cut[a]], "s" | "e") && reach[a - 1];
                (reach[a] || link(a)) && known(a, b)
            });
        }
        reach[cut.len() - 1]
    }
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
        Repairer { active: true, own: Vec::new() }
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
