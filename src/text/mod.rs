//! Clean text: markup out of lines, lines into paragraphs with line-break hyphens joined.
//! Knows nothing of referater; the parser above it does.

pub mod flat;
mod markup;
pub mod ocr;
pub mod reflow;
mod trie;

use std::borrow::Cow;

pub use markup::strip_markup;

/// Lower case that keeps every character's byte length, so that an offset found in the
/// lower-case text is an offset in the original too. A character whose lower case is
/// longer or shorter ('Ⱥ', 'İ', the Kelvin sign) stays as it is: with `str::to_lowercase`
/// such a character moved every later offset and a slice of the original could panic.
pub trait Lower {
    fn lower(&self) -> String;
}

/// The first `max` bytes or so (cut at a character boundary), lower-cased with offsets kept:
/// enough to test a line's label without lower-casing the whole line.
pub fn lower_head(s: &str, max: usize) -> String {
    s[..floor_boundary(s, max)].lower()
}

/// The largest character boundary of `s` at or below byte `at` (`s.len()` at most).
pub fn floor_boundary(s: &str, at: usize) -> usize {
    let mut end = at.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    end
}

impl Lower for str {
    fn lower(&self) -> String {
        let mut out = String::with_capacity(self.len());
        // Runs of ASCII and of characters that stay as they are are copied whole and
        // lower-cased in place; only a character that changes is pushed on its own.
        let mut run = 0;
        let mut i = 0;
        let b = self.as_bytes();
        while i < b.len() {
            if b[i] < 0x80 {
                i += 1;
                continue;
            }
            let Some(c) = self[i..].chars().next() else { break };
            let l = lower_char(c);
            if l != c {
                let at = out.len();
                out.push_str(&self[run..i]);
                out[at..].make_ascii_lowercase();
                out.push(l);
                run = i + c.len_utf8();
            }
            i += c.len_utf8();
        }
        let at = out.len();
        out.push_str(&self[run..]);
        out[at..].make_ascii_lowercase();
        out
    }
}

/// A non-ASCII character lower-cased when that keeps its length in UTF-8 (offsets into
/// the lower-case copy stay offsets into the original).
fn lower_char(c: char) -> char {
    match c {
        // Latin-1 (æ, ø, å and their kin): the capitals are 32 below their small letters.
        'ß'..='ÿ' => c,
        'À'..='Þ' if c != '×' => char::from_u32(c as u32 + 32).unwrap_or(c),
        _ => {
            let mut l = c.to_lowercase();
            match (l.next(), l.next()) {
                (Some(x), None) if x.len_utf8() == c.len_utf8() => x,
                _ => c,
            }
        }
    }
}

/// One source line: the raw text, the text without markup, and what its markup said.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    pub raw: &'a str,
    /// The visible text: borrowed from `raw` unless markup or spacing had to go, or a
    /// repair changed it.
    pub text: Cow<'a, str>,
    /// Markdown heading level (`## x` is 2), 0 for none.
    pub heading: u8,
    /// The whole line was bold (`**x**`, `<b>x</b>`): a heading in documents without `#`.
    pub strong: bool,
    /// A Markdown hard break (two trailing spaces) or a list item: keep the line break.
    pub hard_break: bool,
}

pub fn lines(text: &str) -> Vec<Line<'_>> {
    text.split('\n')
        .map(|raw| {
            let raw = raw.strip_suffix('\r').unwrap_or(raw);
            let (text, heading, strong) = strip_markup(raw);
            Line { raw, hard_break: raw.ends_with("  ") || raw.ends_with('\\'), text, heading, strong }
        })
        .collect()
}

/// Normalise line ends: CRLF and lone CR become LF, form feeds become line breaks.
pub fn normalize_newlines(text: &str) -> String {
    // By byte: both are ASCII (a char search decodes the whole text).
    if !text.bytes().any(|b| b == b'\r' || b == b'\x0C') {
        return text.to_owned();
    }
    text.replace("\r\n", "\n").replace(['\r', '\x0C'], "\n")
}

/// Joins the lines of a part of an item into text: blank lines separate paragraphs,
/// wrapped lines are joined with a space, and a word split by a line-break hyphen is
/// joined again ("god-" + "kendes" -> "godkendes") while a real hyphen stays
/// ("KKR-" + "møde" -> "KKR-møde", "social-" + "og" -> "social- og").
pub fn join_lines<'a>(lines: impl IntoIterator<Item = (&'a str, bool)>) -> String {
    let mut out = String::new();
    let mut pending_blank = false;
    let mut prev_hard = false;
    for (line, hard_break) in lines {
        let line = line.trim();
        if line.is_empty() {
            pending_blank = !out.is_empty();
            continue;
        }
        if out.is_empty() {
            out.push_str(line);
        } else if out.ends_with('-') && continues_word(&out, line) {
            // A split word survives even a page break between its halves.
            if drop_hyphen(&out, line) {
                out.pop();
            }
            out.push_str(line);
        } else if pending_blank {
            out.push_str("\n\n");
            out.push_str(line);
        } else if prev_hard || starts_list_item(line) || starts_with_label(line) || line.contains('\t') {
            out.push('\n');
            out.push_str(line);
        } else {
            out.push(' ');
            out.push_str(line);
        }
        pending_blank = false;
        // After "Fraværende: X" the next line starts a line of its own too.
        prev_hard = hard_break || line.contains('\t') || starts_with_label(line);
    }
    out
}

/// "valgperioden 201821" -> "valgperioden 2018-21": a year and a later year's last two
/// digits, whose hyphen a PDF converter took for a line-break hyphen and dropped.
pub fn restore_year_spans(t: &str) -> String {
    t.split(' ')
        .map(|w| {
            let digits = w.trim_end_matches(|c: char| !c.is_ascii_digit());
            let span = digits.len() == 6 && digits.bytes().all(|b| b.is_ascii_digit()) && {
                let start: u32 = digits[..4].parse().unwrap_or(0);
                let end: u32 = digits[4..].parse().unwrap_or(100);
                (1950..=2100).contains(&start) && (1..=10).contains(&((end + 100 - start % 100) % 100))
            };
            if span {
                format!("{}-{}", &w[..4], &w[4..])
            } else {
                w.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Joins lines of one title or one paragraph into a single line.
pub fn join_words<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    join_lines(lines.into_iter().map(|l| (l, false))).replace("\n\n", " ").replace('\n', " ")
}

/// The text so far ends in "x-" and the next line goes on with the same word.
fn continues_word(before: &str, next: &str) -> bool {
    let mut prev = before.chars().rev().skip(1);
    let Some(last) = prev.next() else { return false };
    let first = next.chars().next().unwrap_or(' ');
    last.is_alphanumeric() && (first.is_lowercase() || first.is_ascii_digit()) && !is_conjunction(next)
}

/// Whether the hyphen at the end of `before` was put there by the line break. The
/// lexicon decides where it can: "bemærknin-" + "ger" is one word, so it goes; "it-" +
/// "serviceorganisationer" are two words, so it stays. Otherwise a hyphen after a
/// lower-case letter goes, and after a capital or a digit it stays ("KKR-møde",
/// "SOSU-uddannelserne", "CO2-fangst").
fn drop_hyphen(before: &str, next: &str) -> bool {
    let head: String =
        before[..before.len() - 1].chars().rev().take_while(|c| c.is_alphabetic()).collect::<Vec<_>>().into_iter().rev().collect();
    let tail: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
    let last = head.chars().last().unwrap_or(' ');
    if !last.is_lowercase() {
        return false;
    }
    if head.chars().count() >= 2 && !tail.is_empty() {
        if ocr::is_word(&format!("{head}{tail}")) {
            return true;
        }
        if ocr::is_word(&head) && ocr::is_word(&tail) {
            return false;
        }
    }
    true
}

/// "social- og sundhedsuddannelser": the hyphen stands for a shared word ending.
fn is_conjunction(next: &str) -> bool {
    let word: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
    matches!(word.as_str(), "og" | "eller" | "samt" | "til")
}

/// "Fraværende: ...", "Afbud: ...", "Fravær på punktet: ...": a labelled line is a line
/// of its own, not the wrapped end of the line above.
pub fn starts_with_label(line: &str) -> bool {
    let Some((label, _)) = line.split_once(": ") else { return false };
    label.chars().count() <= 25
        && word_count(label) <= 3
        && label.chars().next().is_some_and(char::is_uppercase)
        && label.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '.')
}

/// The runs of characters `keep` accepts, in order: `text.split(|c| !keep(c))` without the
/// empty pieces, read by bytes where the text is ASCII (the page's size-optimised build
/// decodes chars slowly); a multi-byte character is decoded only where it starts.
pub fn runs(text: &str, keep: impl Fn(char) -> bool) -> impl Iterator<Item = &str> {
    let b = text.as_bytes();
    let at = move |i: usize| -> (bool, usize) {
        match b[i] {
            c if c < 0x80 => (keep(char::from(c)), 1),
            _ => text[i..].chars().next().map_or((false, 1), |c| (keep(c), c.len_utf8())),
        }
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        let mut start = None;
        while i < b.len() {
            let (kept, len) = at(i);
            match (kept, start) {
                (true, None) => start = Some(i),
                (false, Some(_)) => break,
                _ => {}
            }
            i += len;
        }
        start.map(|s| &text[s..i])
    })
}

/// `hay.find(needle)` for the short phrases the parser looks for in a sentence or a line:
/// the first byte found, then the rest compared. `str::find` sets up a two-way searcher for
/// each call, which costs more than the search itself in a short text asked for dozens of
/// phrases (the attendance prose). A match starts at a char boundary: a needle starts with one.
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = n.split_first() else { return Some(0) };
    let mut from = 0;
    while let Some(p) = h.get(from..)?.iter().position(|&b| b == first) {
        let at = from + p;
        if h[at + 1..].starts_with(rest) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// `s.split_whitespace().count()`, by `runs`.
pub fn word_count(s: &str) -> usize {
    runs(s, |c| !c.is_whitespace()).count()
}

/// The sentences of a text, as borrowed slices with their case kept: a line break ends
/// one, and so does a full stop, "!" or "?" before a capital or a digit, except after an
/// abbreviation ("bl.a.", "kl.", "pkt.", "jf.") or a day number before a month ("20. juni").
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for line in text.split('\n') {
        let mut start = 0;
        let b = line.as_bytes();
        // Bytes, not chars: the marks are ASCII, which never occurs inside a multi-byte
        // character (and the page's size-optimised build decodes chars slowly).
        for (i, &c) in b.iter().enumerate() {
            if !matches!(c, b'.' | b'!' | b'?') || i + 2 > b.len() || b.get(i + 1) != Some(&b' ') {
                continue;
            }
            let next = line[i + 2..].chars().next().unwrap_or(' ');
            if !(next.is_uppercase() || next.is_ascii_digit()) {
                continue;
            }
            let word = line[start..i].rsplit(' ').next().unwrap_or("");
            let next_word = line[i + 2..].split(' ').next().unwrap_or("");
            let ordinal = !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit()) && crate::vocab::month(next_word).is_some();
            if ordinal || is_abbreviation(word) {
                continue;
            }
            out.push(line[start..=i].trim());
            start = i + 2;
        }
        out.push(line[start..].trim());
    }
    out.retain(|s| !s.is_empty());
    out
}

/// "bl.a", "kl", "pkt", "jf": a word whose full stop does not end a sentence.
pub fn is_abbreviation(w: &str) -> bool {
    let w = w.lower();
    let stem = w.trim_end_matches('.');
    stem.contains('.')
        || (stem.len() == 1 && stem.chars().all(char::is_alphabetic))
        || matches!(
            stem,
            "bl" | "ift"
                | "mv"
                | "jf"
                | "pct"
                | "kr"
                | "mio"
                | "mia"
                | "nr"
                | "ca"
                | "evt"
                | "inkl"
                | "ml"
                | "vedr"
                | "hhv"
                | "kl"
                | "chr"
                | "pkt"
                | "stk"
                | "tlf"
                | "mht"
                | "iht"
                | "dvs"
                | "osv"
                | "m"
                | "min"
                | "sag"
                | "ang"
                | "afd"
                | "adm"
                | "dir"
                | "sekr"
        )
}

pub fn starts_list_item(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some('-' | '–' | '—' | '•' | '*' | '·' | '▪') => chars.next().is_none_or(|c| c == ' '),
        Some(c) if c.is_ascii_digit() => {
            let rest = line.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.starts_with(". ") || rest.starts_with(") ")
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_keeps_every_offset_and_lowers_what_it_can() {
        // The rule, char by char: a lower case of the same UTF-8 length, or the char kept.
        let by_char = |s: &str| -> String {
            s.chars()
                .map(|c| {
                    let mut l = c.to_lowercase();
                    match (l.next(), l.next()) {
                        (Some(x), None) if x.len_utf8() == c.len_utf8() => x,
                        _ => c,
                    }
                })
                .collect()
        };
        for s in ["", "ABC", "ÆBLE Øst Århus", "SØREN × 2", "İstanbul ẞ Σ", "Ωmega ÐÞ ÿ", "mixed ÆøÅ and ASCII"] {
            assert_eq!(s.lower(), by_char(s), "{s:?}");
            assert_eq!(s.lower().len(), s.len(), "{s:?}");
        }
    }

    #[test]
    fn find_finds_what_str_find_finds() {
        let hays = ["", "a", "afbud fra søren (a). i stedet mødte", "ææ æ øå ø", "aaab aab ab", "x deltog ikke i mødet deltog"];
        let needles = ["", "a", "ab", "aab", " deltog ikke", "deltog", "æ", "ø", " ø", "øå", "i stedet mødte ", "z"];
        for h in hays {
            for n in needles {
                assert_eq!(find(h, n), h.find(n), "{h:?} {n:?}");
            }
        }
    }

    #[test]
    fn word_count_counts_as_split_whitespace_does() {
        for s in [
            "",
            "   ",
            "Søren Hansen (A)",
            "  ét\tto\n\rtre  ",
            "a\u{a0}b",
            "a\u{2003}b\u{3000}c",
            "a\u{0B}b\u{0C}c\u{85}d",
            "æøå ÆØÅ",
            "Kl.\u{202f}17.00 – mødet",
            "\u{1680}x",
        ] {
            assert_eq!(word_count(s), s.split_whitespace().count(), "{s:?}");
        }
    }

    #[test]
    fn lower_keeps_offsets() {
        assert_eq!("Mødested ÆBLE".lower(), "mødested æble");
        for odd in ["Ⱥ", "İ", "\u{212A}", "ẞ", "Ω"] {
            let s = format!("Sag: {odd}{odd} Æ");
            let l = s.lower();
            assert_eq!(l.len(), s.len(), "{s}");
            assert!(l.starts_with("sag: ") && l.ends_with(" æ"), "{l}");
        }
    }

    fn join(lines: &[&str]) -> String {
        join_lines(lines.iter().map(|l| (*l, false)))
    }

    #[test]
    fn line_break_hyphens() {
        assert_eq!(join(&["den 20. juni 2025 god-", "kendes."]), "den 20. juni 2025 godkendes.");
        assert_eq!(join(&["afholdt KKR-", "møde"]), "afholdt KKR-møde");
        assert_eq!(join(&["på SOSU-", "uddannelserne"]), "på SOSU-uddannelserne");
        assert_eq!(join(&["Social- og sundheds-", "og omsorgs"]), "Social- og sundheds- og omsorgs");
        assert_eq!(join(&["de nye it-", "serviceorganisationer"]), "de nye it-serviceorganisationer");
        assert_eq!(join(&["ikke indkommet bemærknin-", "ger til"]), "ikke indkommet bemærkninger til");
    }

    #[test]
    fn sentences_keep_their_case() {
        assert_eq!(
            sentences("Afbud fra Mette Rosendahl. Istedet mødte Kasper.\nMødet hævet kl. 18.41"),
            ["Afbud fra Mette Rosendahl.", "Istedet mødte Kasper.", "Mødet hævet kl. 18.41"]
        );
        assert_eq!(
            sentences("Mødet den 20. Juni bl.a. om budget. Arne M. Jensen godkendte."),
            ["Mødet den 20. Juni bl.a. om budget.", "Arne M. Jensen godkendte."]
        );
    }

    #[test]
    fn year_spans() {
        assert_eq!(restore_year_spans("valgperioden 201821"), "valgperioden 2018-21");
        assert_eq!(restore_year_spans("budget 202629,"), "budget 2026-29,");
        assert_eq!(restore_year_spans("beløb 123456 kr"), "beløb 123456 kr");
    }

    #[test]
    fn a_split_word_survives_a_page_break() {
        assert_eq!(join(&["mange indika-", "", "tioner på"]), "mange indikationer på");
    }

    #[test]
    fn paragraphs_and_lists_keep_their_breaks() {
        assert_eq!(join(&["Et afsnit", "fortsat.", "", "Andet."]), "Et afsnit fortsat.\n\nAndet.");
        assert_eq!(join(&["Listen:", "- en", "- to"]), "Listen:\n- en\n- to");
        assert_eq!(join(&["Afbud: A B", "Fraværende: C D"]), "Afbud: A B\nFraværende: C D");
    }
}
