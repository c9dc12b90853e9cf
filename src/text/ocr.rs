//! OCR letter repair. OCR reads the Danish letters as other letters (ø as g/o/a/e/@, æ as
//! ee/e/ae/ze, å as a/&/d): which, and how often, is measured, not guessed
//! (`src/lexicon/ocr-confusions.tsv`). A word is repaired only when the repair is certain:
//! - the document shows OCR damage at all (in a clean document nothing is touched);
//! - the repaired word is known (the Danish lexicon, the municipalities, first names and
//!   surnames, and the document's own correctly spelled words);
//! - the damaged form is not a known word, or is one at least ten times rarer in Danish
//!   than the repair ("pa" -> "på", but "for" is never made "før");
//! - no second repair is nearly as likely ("made" could be "møde" or "måde": left alone).
//!
//! A long compound the lexicon lacks is repaired through its known part:
//! "voksensocialomrade" -> "voksensocialområde", "laerepladser" -> "lærepladser".

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

use super::trie::{self, Bin, Trie};
use crate::lexicon;
use crate::text::Lower;

/// Repaired forms must be this much more common than a damaged form that is a word too
/// (bins are hundredths of a power of ten: 100 = ten times).
const RARER_BY: Bin = 100;
/// A second candidate this close to the best makes the repair uncertain (about three times
/// as rare).
const AMBIGUOUS_WITHIN: Bin = 50;
const MAX_EDITS: usize = 3;
/// A reading of a letter is tried when at least this share of the letter's occurrences
/// is read that way (1 in 500). `scripts/make-lexicon.py` uses the same share.
const MIN_SHARE: f64 = 0.002;
/// A document is damaged when at least this many of its words are unknown yet one OCR
/// slip from a known word...
const MIN_DAMAGED: usize = 5;
/// ...and they are at least one word in this many.
const DAMAGED_ONE_IN: usize = 200;

/// (damaged spelling, the letter it stands for), longest spellings first.
fn confusions() -> &'static [(String, char)] {
    static TABLE: OnceLock<Vec<(String, char)>> = OnceLock::new();
    TABLE.get_or_init(|| confusions_from(include_str!("../lexicon/ocr-confusions.tsv"), MIN_SHARE))
}

/// The same table as letters, for the search to compare without decoding UTF-8 again.
fn confusion_letters() -> &'static [(Vec<char>, char)] {
    static TABLE: OnceLock<Vec<(Vec<char>, char)>> = OnceLock::new();
    TABLE.get_or_init(|| confusions().iter().map(|(d, l)| (d.chars().collect(), *l)).collect())
}

/// The readings of æ/ø/å a table of measured confusions makes worth trying: capitals
/// counted with their small letters, a reading kept when its share of the letter is at
/// least `min_share`. A dropped letter (empty reading) or one read as punctuation is left
/// out: the repair replaces letters inside a word, it never inserts one.
fn confusions_from(tsv: &str, min_share: f64) -> Vec<(String, char)> {
    let mut counts: Vec<(String, char, f64)> = Vec::new();
    let mut totals = [0.0; 3];
    const LETTERS: [char; 3] = ['æ', 'ø', 'å'];
    for row in tsv.lines().filter(|l| !l.starts_with('#')) {
        let mut cols = row.split('\t');
        let (Some(letter), Some(read_as), Some(count)) = (cols.next(), cols.next(), cols.next()) else { continue };
        let (Some(letter), Ok(count)) = (letter.lower().chars().next(), count.parse::<u32>()) else { continue };
        let count = f64::from(count);
        let Some(slot) = LETTERS.iter().position(|&l| l == letter) else { continue };
        totals[slot] += count;
        let read_as = read_as.lower();
        if read_as.is_empty() || !read_as.chars().all(is_word_char) || read_as == letter.to_string() {
            continue;
        }
        match counts.iter_mut().find(|(r, l, _)| *r == read_as && *l == letter) {
            Some(c) => c.2 += count,
            None => counts.push((read_as, letter, count)),
        }
    }
    let slot = |l: char| LETTERS.iter().position(|&x| x == l).unwrap_or(0);
    counts.retain(|(_, l, c)| *c >= min_share * totals[slot(*l)]);
    counts.sort_by(|a, b| b.0.chars().count().cmp(&a.0.chars().count()).then(b.2.total_cmp(&a.2)));
    counts.into_iter().map(|(r, l, _)| (r, l)).collect()
}

/// Short parts a damaged word may keep around its repaired stem.
const ENDINGS: &[&str] = &["e", "en", "et", "er", "es", "s", "t", "de", "te", "ede", "ene", "ens", "ets", "ers", "get", "ger", "ges"];
const PREFIXES: &[&str] = &["til", "for", "fra", "med", "mod", "ind", "ud", "op", "af", "gen", "sam", "mis", "bi", "be"];

/// Known words with no frequency in the list: words, but never confused with another.
const PLAIN: Bin = 0;

/// Frequency bins: a word's frequency is 10^(-bin/100); lower is more common.
fn lexicon() -> &'static Trie {
    static LEX: OnceLock<Trie> = OnceLock::new();
    LEX.get_or_init(|| {
        // Names and places are as certain as common words, whatever their corpus frequency.
        // A plain name is never confused with a word; one spelled with æ/ø/å is a repair.
        let names = include_str!("../lexicon/names.txt").lines().filter(|l| !l.starts_with('#')).flat_map(str::split_whitespace);
        let mut extra: Vec<(Vec<char>, Bin)> = Vec::new();
        for name in names.chain(lexicon::MUNICIPALITIES.iter().copied()) {
            for part in name.split(['-', ' ']) {
                let lower = part.lower();
                let bin = if lower.contains(['æ', 'ø', 'å']) { 450 } else { PLAIN };
                extra.push((lower.chars().collect(), bin));
            }
        }
        // The word list comes sorted: only the names are sorted, and each goes into the
        // trie just before the first listed word that sorts after it. A word listed twice
        // keeps its lowest bin: a plain name ("lasse") is never taken for damage even where
        // the word list knows it as a rare word.
        extra.sort_unstable();
        let mut extra = extra.into_iter().peekable();
        let mut trie = trie::Builder::default();
        let mut add = |word: &[char], bin: Bin| {
            while let Some((name, b)) = extra.next_if(|(name, _)| name.as_slice() <= word) {
                trie.add(&name, b);
            }
            trie.add(word, bin);
        };
        // Front-coded and run together (scripts/make-lexicon.py): a marker before each word
        // ('A' + letters shared with the word before: plain; '!' + shared: with a
        // frequency), then the rest of the word; the second line the frequencies in order.
        let (coded, freqs) = include_str!("../lexicon/da.words").split_once('\n').unwrap_or_default();
        let mut freqs = freqs.as_bytes().chunks_exact(2);
        let mut word: Vec<char> = Vec::new();
        let mut bin: Option<Bin> = None;
        for c in coded.chars().chain(['A']) {
            let shared = match c {
                'A'..='Z' => c as usize - 'A' as usize,
                '!'..=':' => c as usize - '!' as usize,
                _ => {
                    word.push(c);
                    continue;
                }
            };
            if let Some(b) = bin {
                add(&word, b);
            }
            word.truncate(shared);
            bin = Some(if c >= 'A' {
                PLAIN
            } else {
                freqs.next().map_or(PLAIN, |f| (f[0].wrapping_sub(b'0') as Bin * 10 + f[1].wrapping_sub(b'0') as Bin) * 10)
            });
        }
        for (name, b) in extra {
            trie.add(&name, b);
        }
        trie.finish()
    })
}

/// Whether `damaged` words unknown yet one slip from a known word, among `words`, show
/// OCR damage: a clean text has next to none.
fn looks_damaged(damaged: usize, words: usize) -> bool {
    damaged >= MIN_DAMAGED && damaged * DAMAGED_ONE_IN >= words
}

/// Repairs words of one document. Built once per document: it decides whether the
/// document shows OCR damage, and learns the document's own correctly spelled words.
pub struct Repairer {
    active: bool,
    /// The document's own words spelled with æ/ø/å that the lexicon lacks.
    own: Trie,
    /// Each distinct word's repair, worked out once: a referat repeats its words (names,
    /// "Beslutning", the same damaged "mødet" on every page), and the search is the
    /// costly part of reading an OCR text.
    done: RefCell<HashMap<String, Option<String>>>,
    /// Each distinct whole word's or compound part's reading, worked out once: the
    /// compound search asks for the same parts ("omrade") in many words.
    wholes: RefCell<HashMap<String, Option<String>>>,
}

/// Whether a reading may take one letter for æ/ø/å in a way the measurement never saw.
/// Tried only when the measured readings give no known word: an unseen confusion is not
/// impossible, only rarer than every measured one (a noisy channel's smoothing). The
/// certainty rules apply to it as to any reading.
#[derive(Clone, Copy, PartialEq)]
enum Unseen {
    No,
    Once,
    /// The reading has taken its one unseen confusion.
    Used,
}

/// The readings a search found that are known words: by measured confusions only, and
/// with one unseen confusion (wanted only when there is none of the first kind).
#[derive(Default)]
struct Found {
    measured: Vec<(Bin, String)>,
    unseen: Vec<(Bin, String)>,
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
        Repairer { active: false, own: Trie::default(), done: RefCell::default(), wholes: RefCell::default() }
    }

    /// Looks at the first 20,000 words: enough to tell, and bounded for huge inputs.
    pub fn for_document(text: &str) -> Repairer {
        let lex = lexicon();
        // A referat repeats its words: each distinct word is looked at once, counted as
        // often as it occurs.
        // Sized once (a word is some seven bytes with its space): growing it rehashed every
        // word several times.
        let mut seen: HashMap<&str, usize> = HashMap::with_capacity((text.len() / 7).min(20_000));
        let mut words = 0usize;
        for w in words_of(text).take(20_000) {
            words += 1;
            *seen.entry(w).or_default() += 1;
        }
        let mut own: Vec<(Vec<char>, Bin)> = Vec::new();
        // Unknown words that may be damaged, by lower case, with how often they occur.
        let mut unknown: HashMap<String, usize> = HashMap::new();
        for (w, n) in seen {
            if lex.get_folded(w).is_some() {
                continue;
            }
            let lower = w.lower();
            if lower.contains(['æ', 'ø', 'å']) {
                if w.chars().all(char::is_alphabetic) {
                    own.push((lower.chars().collect(), 500));
                }
            } else if lower.chars().count() >= 3 && !w.chars().any(|c| c.is_ascii_digit()) {
                *unknown.entry(lower).or_default() += n;
            }
        }
        // Whether each reads as a known word: the most frequent first, and only until the
        // answer is certain either way (the probe is the costly part).
        let mut unknown: Vec<(String, usize)> = unknown.into_iter().collect();
        unknown.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let mut left: usize = unknown.iter().map(|u| u.1).sum();
        let (mut damaged, probe) = (0usize, Repairer::always());
        for (lower, n) in &unknown {
            if looks_damaged(damaged, words) || !looks_damaged(damaged + left, words) {
                break;
            }
            left -= n;
            if probe.reading(lower, false).is_some() {
                damaged += n;
            }
        }
        let active = looks_damaged(damaged, words);
        own.sort_unstable();
        own.dedup();
        Repairer { active, own: Trie::from_sorted(&own), done: RefCell::default(), wholes: RefCell::default() }
    }

    /// How the repair sees a word (for the `repair_word` tool).
    pub fn explain(&self, w: &str) -> String {
        let lower = w.lower();
        format!(
            "known={:?} compound={} whole={:?} parts={:?}",
            self.bin(&lower),
            self.is_compound(&lower),
            self.whole(&lower),
            self.compound(&lower)
        )
    }

    /// A repairer that treats any text as damaged (for tests and tools).
    pub fn always() -> Repairer {
        Repairer { active: true, own: Trie::default(), done: RefCell::default(), wholes: RefCell::default() }
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
        let lower = w.lower();
        if let Some(known) = self.done.borrow().get(&lower) {
            return known.as_deref().map(|r| with_case_of(w, r));
        }
        let repaired = self.whole(&lower).or_else(|| self.compound(&lower));
        let out = repaired.as_deref().map(|r| with_case_of(w, r));
        self.done.borrow_mut().insert(lower, repaired);
        out
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
    fn whole(&self, lower: &str) -> Option<String> {
        if let Some(known) = self.wholes.borrow().get(lower) {
            return known.clone();
        }
        let r = self.reading(lower, true);
        self.wholes.borrow_mut().insert(lower.to_owned(), r.clone());
        r
    }

    /// The best certain reading: by measured confusions, or when `unseen` and none gives
    /// a known word, with one unseen one.
    fn reading(&self, lower: &str, unseen: bool) -> Option<String> {
        let mut found = Found::default();
        let chars: Vec<char> = lower.chars().collect();
        let start = At { lex: lexicon().root(), own: self.own.root() };
        // One search for both kinds: the unseen readings are kept apart, and no longer
        // looked for once a measured one is found.
        self.search(&chars, 0, start, &mut String::new(), 0, if unseen { Unseen::Once } else { Unseen::No }, &mut found);
        let found = if found.measured.is_empty() { found.unseen } else { found.measured };
        certain(found, self.bin(lower))
    }

    /// The bin of the word that ends where a reading stands, in the lexicon or the
    /// document's own words.
    fn bin_at(&self, at: At) -> Option<Bin> {
        at.lex.and_then(|n| lexicon().bin_at(n)).or_else(|| at.own.and_then(|n| self.own.bin_at(n)))
    }

    fn step(&self, at: At, c: char) -> Option<At> {
        let next = At { lex: at.lex.and_then(|n| lexicon().child(n, c)), own: at.own.and_then(|n| self.own.child(n, c)) };
        (next.lex.is_some() || next.own.is_some()).then_some(next)
    }

    /// Depth-first over the readings of `chars[i..]`, following the tries, so only
    /// prefixes of known words are ever explored.
    #[allow(clippy::too_many_arguments)]
    fn search(&self, chars: &[char], i: usize, at: At, read: &mut String, edits: usize, unseen: Unseen, found: &mut Found) {
        if i == chars.len() {
            if edits > 0 {
                if let Some(b) = self.bin_at(at) {
                    let kind = if unseen == Unseen::Used { &mut found.unseen } else { &mut found.measured };
                    kind.push((b, read.clone()));
                }
            }
            return;
        }
        if let Some(next) = self.step(at, chars[i]) {
            read.push(chars[i]);
            self.search(chars, i + 1, next, read, edits, unseen, found);
            read.pop();
        }
        if edits == MAX_EDITS {
            return;
        }
        let try_letter = |len: usize, letter: char, unseen: Unseen, read: &mut String, found: &mut Found| {
            if let Some(next) = self.step(at, letter) {
                read.push(letter);
                self.search(chars, i + len, next, read, edits + 1, unseen, found);
                read.pop();
            }
        };
        for (damaged, letter) in confusion_letters() {
            // By hand: a slice comparison calls memcmp, costly for one or two letters. The
            // first letter first: most spellings start with another.
            let rest = &chars[i..];
            if damaged[0] == chars[i] && rest.len() >= damaged.len() && damaged.iter().zip(rest).all(|(a, b)| a == b) {
                try_letter(damaged.len(), *letter, unseen, read, found);
            }
        }
        if unseen == Unseen::Once && !matches!(chars[i], 'æ' | 'ø' | 'å') && found.measured.is_empty() {
            for letter in ['æ', 'ø', 'å'] {
                try_letter(1, letter, Unseen::Used, read, found);
            }
        }
    }

    /// A compound the lexicon lacks, repaired through a damaged part of at least four
    /// letters at its start or end, when the rest is a known word or compound, and one of
    /// the two has five letters or more ("laere|pladser" -> "lærepladser", "voksensocial|omrade"). A word
    /// that is itself a compound of known words ("erhvervs|styrelsen") is not damaged.
    fn compound(&self, lower: &str) -> Option<String> {
        let chars: Vec<char> = lower.chars().collect();
        let n = chars.len();
        if n < 7 || self.bin(lower).is_some() || !chars.iter().all(|c| c.is_alphabetic() || "@&".contains(*c)) {
            return None;
        }
        let (prefix_splits, suffix_splits) = self.compound_splits(&chars);
        if prefix_splits[n] {
            return None;
        }
        let mut best: Option<(usize, String)> = None;
        for k in 3..=n - 3 {
            for damaged_is_right in [true, false] {
                let (damaged, kept) = if damaged_is_right { (&chars[k..], &chars[..k]) } else { (&chars[..k], &chars[k..]) };
                let (len, kept_len) = (damaged.len(), kept.len());
                if len < 4 || best.as_ref().is_some_and(|(l, _)| *l >= len) {
                    continue;
                }
                let kept: String = kept.iter().collect();
                // A kept part of four letters or more must be a word or a compound; a
                // shorter one only an ending ("oplæg|get") or a prefix ("til|træder").
                let kept_ok = if kept_len >= 4 {
                    if damaged_is_right {
                        prefix_splits[k]
                    } else {
                        suffix_splits[k]
                    }
                } else if damaged_is_right {
                    PREFIXES.contains(&kept.as_str())
                } else {
                    ENDINGS.contains(&kept.as_str())
                };
                if !kept_ok {
                    continue;
                }
                let damaged: String = damaged.iter().collect();
                if self.bin(&damaged).is_some() {
                    continue;
                }
                // A short kept part ("oplæg|get") needs a long repaired part; "føre|slas" is no word.
                let Some(r) = self.whole(&damaged) else { continue };
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
        self.compound_splits(&chars).0[chars.len()]
    }

    /// For each `k`, whether `chars[..k]` and whether `chars[k..]` is a compound (see
    /// `is_compound`), found in one pass each way rather than a pass for each part.
    fn compound_splits(&self, chars: &[char]) -> (Vec<bool>, Vec<bool>) {
        let n = chars.len();
        let linker = |c: char| matches!(c, 's' | 'e');
        // (start, end) of every known word of four letters or more in `chars`, by start.
        // Three-letter entries of a web-derived list (lee, rep, lad) would split anything.
        let mut words = Vec::new();
        for a in 0..n {
            let mut at = At { lex: lexicon().root(), own: self.own.root() };
            for (b, &c) in chars.iter().enumerate().skip(a) {
                let Some(next) = self.step(at, c) else { break };
                at = next;
                if b + 1 - a >= 4 && self.bin_at(at).is_some() {
                    words.push((a, b + 1));
                }
            }
        }
        // reach[k]: chars[..k] splits into words; a word starts where one ended, or one
        // linking letter after (also at the very start, as `is_compound` always did).
        let mut reach = vec![false; n + 1];
        reach[0] = true;
        for &(a, e) in &words {
            if reach[a] || (a > 0 && linker(chars[a - 1]) && reach[a - 1]) {
                reach[e] = true;
            }
        }
        // from[a]: chars[a..] is words from a word starting at `a` on; a compound goes on
        // after a word's end `e` (or is done) as `goes_on(e)`.
        let mut from = vec![false; n + 1];
        let goes_on = |from: &[bool], e: usize| e == n || from[e] || (e + 1 < n && linker(chars[e]) && from[e + 1]);
        for &(a, e) in words.iter().rev() {
            from[a] |= goes_on(&from, e);
        }
        let suffix = (0..=n).map(|k| goes_on(&from, k)).collect();
        (reach, suffix)
    }
}

/// The best of the candidate readings (bin, word) when it is certain: no second one nearly
/// as likely, and much more common than the word as written (`written`: its bin, when it
/// is a word too).
fn certain(mut found: Vec<(Bin, String)>, written: Option<Bin>) -> Option<String> {
    found.sort();
    found.dedup_by(|a, b| a.1 == b.1);
    let (best_bin, best) = found.first()?.clone();
    if let Some((second, _)) = found.get(1) {
        if *second < best_bin + AMBIGUOUS_WITHIN {
            return None;
        }
    }
    match written {
        None => Some(best),
        Some(b) if best_bin + RARER_BY <= b => Some(best),
        Some(_) => None,
    }
}

/// Builds the lexicon now, so that the first document read does not wait for it.
pub fn warm_up() {
    lexicon();
}

/// Whether `damaged` is `clean` as OCR reads it: each æ, ø or å of `clean` kept or read as
/// one of its measured confusions ("sgren" for "søren", "hjaerup" for "hjærup"), every
/// other letter the same. Both lower case. Equal words are each other's reading.
pub fn reads_as(damaged: &str, clean: &str) -> bool {
    fn go(d: &[char], c: &[char]) -> bool {
        let Some((&x, rest)) = c.split_first() else { return d.is_empty() };
        if d.first() == Some(&x) && go(&d[1..], rest) {
            return true;
        }
        matches!(x, 'æ' | 'ø' | 'å')
            && confusion_letters().iter().any(|(read, letter)| *letter == x && d.starts_with(read) && go(&d[read.len()..], rest))
    }
    // A name's word: long words are no name, and the search branches at each æ, ø, å.
    if damaged.len() > 64 || clean.len() > 64 || !clean.contains(['æ', 'ø', 'å']) {
        return damaged == clean;
    }
    let (d, c): (Vec<char>, Vec<char>) = (damaged.chars().collect(), clean.chars().collect());
    go(&d, &c)
}

/// A known Danish word, or a compound of known words.
pub fn is_word(w: &str) -> bool {
    let lower = w.lower();
    let r = Repairer::always();
    r.bin(&lower).is_some() || r.is_compound(&lower)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '@' || c == '&'
}

fn words_of(text: &str) -> impl Iterator<Item = &str> {
    super::runs(text, is_word_char).filter(|w| w.chars().count() >= 2 && !w.bytes().all(|c| c.is_ascii_digit()))
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
    fn words_of_splits_as_the_char_predicate_does() {
        let by_char = |t: &str| -> Vec<String> {
            t.split(|c: char| !is_word_char(c))
                .filter(|w| w.chars().count() >= 2 && !w.chars().all(|c| c.is_ascii_digit()))
                .map(str::to_owned)
                .collect()
        };
        for t in ["", "a", "Søren Hansen (A), Hjgrring 2025: s@ren & co.", "12 ab 3c – æø…å ÆØ\u{a0}x9", "énorme naïve Ωmega"]
        {
            assert_eq!(words_of(t).map(str::to_owned).collect::<Vec<_>>(), by_char(t), "{t:?}");
        }
    }

    #[test]
    fn compound_splits_agree_with_splitting_each_part_on_its_own() {
        // The definition, part by part: words of four letters or more, each starting
        // where one ended or one linking "s"/"e" after (also at the very start).
        let r = active();
        let by_part = |w: &[char]| {
            let n = w.len();
            let mut reach = vec![false; n + 1];
            reach[0] = true;
            for a in 0..n {
                if !(reach[a] || (a > 0 && matches!(w[a - 1], 's' | 'e') && reach[a - 1])) {
                    continue;
                }
                for b in a + 4..=n {
                    let part: String = w[a..b].iter().collect();
                    reach[b] |= r.bin(&part).is_some();
                }
            }
            reach[n]
        };
        let words = "erhvervsstyrelsen voksensocialomrade sundhedsomrade laerepladser seerhvervsomrader \
                     eomradet kommunalbestyrelsesmedlem sbyraadet trafiksikkerhedsplan skolebestyrelsernes";
        let mut compounds = 0;
        for w in words.split_whitespace() {
            let chars: Vec<char> = w.chars().collect();
            let (prefix, suffix) = r.compound_splits(&chars);
            compounds += prefix.iter().chain(&suffix).filter(|&&c| c).count();
            for k in 0..=chars.len() {
                assert_eq!(prefix[k], by_part(&chars[..k]), "{w}: prefix {k}");
                assert_eq!(suffix[k], by_part(&chars[k..]), "{w}: suffix {k}");
            }
        }
        assert!(compounds > 40, "{compounds}");
    }

    #[test]
    fn a_word_reads_as_its_clean_spelling_only_through_the_measured_confusions() {
        for (damaged, clean) in
            [("sgren", "søren"), ("s@ren", "søren"), ("sgrensen", "sørensen"), ("beerentsen", "bærentsen"), ("rasmus", "rasmus")]
        {
            assert!(reads_as(damaged, clean), "{damaged} as {clean}");
        }
        // Only æ, ø, å may differ, and only as OCR reads them; never the other way round.
        for (damaged, clean) in [("søren", "sgren"), ("soren", "karen"), ("hansen", "hanson"), ("sren", "søren"), ("sørens", "søren")] {
            assert!(!reads_as(damaged, clean), "{damaged} as {clean}");
        }
    }

    #[test]
    fn the_packed_word_list_reads_back() {
        // First, last and some words between, with and without a frequency, as
        // scripts/make-lexicon.py wrote them (bins are the file's digits times ten).
        let lex = lexicon();
        for (word, bin) in [("a", 310), ("aa", PLAIN), ("møde", 360), ("for", 190), ("øvre", 500), ("øvrigt", 390)] {
            assert_eq!(lex.get(word), Some(bin), "{word}");
        }
        assert_eq!(lex.get("kommunalbestyrelsen"), Some(PLAIN));
        assert!(lex.is_well_formed(), "the word list and the names go in in order");
        assert_eq!(lex.get("kommunalbestyrels"), None);
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

    #[test]
    fn unseen_confusion_only_as_last_resort() {
        let r = active();
        // No measured reading of "J" gives a word; one unseen confusion does.
        assert_eq!(r.word("Jst").as_deref(), Some("Øst"));
        // A measured reading wins: "mgde" is "møde", not an unseen reading of another letter.
        assert_eq!(r.word("mgde").as_deref(), Some("møde"));
        // The document-level test counts measured readings only.
        assert_eq!(r.reading("jst", false), None);
    }

    #[test]
    fn certainty_margins() {
        let c = |found: &[(Bin, &str)], written| certain(found.iter().map(|(b, w)| (*b, w.to_string())).collect(), written);
        // The written form is a word too: the repair must be RARER_BY more common.
        assert_eq!(c(&[(300, "på")], Some(300 + RARER_BY)).as_deref(), Some("på"));
        assert_eq!(c(&[(300, "på")], Some(300 + RARER_BY - 1)), None);
        // A second reading AMBIGUOUS_WITHIN of the best leaves the word alone.
        assert_eq!(c(&[(300, "møde"), (300 + AMBIGUOUS_WITHIN, "måde")], None).as_deref(), Some("møde"));
        assert_eq!(c(&[(300, "møde"), (300 + AMBIGUOUS_WITHIN - 1, "måde")], None), None);
    }

    #[test]
    fn damage_margins() {
        assert!(looks_damaged(MIN_DAMAGED, MIN_DAMAGED * DAMAGED_ONE_IN));
        assert!(!looks_damaged(MIN_DAMAGED - 1, 10));
        assert!(!looks_damaged(MIN_DAMAGED, MIN_DAMAGED * DAMAGED_ONE_IN + 1));
    }

    #[test]
    fn confusion_table_rows() {
        // 10,000 ø counted (small and capital together); the share margin is MIN_SHARE.
        let at = (MIN_SHARE * 10_000.0).round() as usize;
        let tsv = format!(
            "# header\nø\tg\t{}\t0\nØ\t@\t{}\t0\nø\tq\t{at}\t0\nø\tw\t{}\t0\nø\t\t100\t0\nø\t#\t100\t0\nØ\tG\t100\t0\n",
            6000 - 100,
            10_000 - (6000 - 100) - at - (at - 1) - 300,
            at - 1
        );
        let table = confusions_from(&tsv, MIN_SHARE);
        let has = |r: &str| table.iter().any(|(x, l)| x == r && *l == 'ø');
        assert!(has("g") && has("@") && has("q"), "{table:?}");
        assert!(!has("w"), "below the share");
        assert!(!has("") && !has("#"), "dropped letters and punctuation are not readings");
        // The measured table itself: the common readings are in, the J for Ø is not.
        let measured = confusions();
        for (r, l) in [("g", 'ø'), ("@", 'ø'), ("ee", 'æ'), ("ae", 'æ'), ("a", 'å')] {
            assert!(measured.iter().any(|(x, y)| x == r && *y == l), "{r} for {l}");
        }
        assert!(!measured.iter().any(|(x, _)| x == "j"));
    }
}
