//! How the members voted and who dissented, as a decision prints it (styrelsesloven § 13):
//! "For stemte A, C og V (15). Imod stemte Ø (2)", "For: 17 (Anne Holm (A), …)", "5
//! medlemmer (A+V+C) anbefaler …; 2 medlemmer (N+Ø) tager forbehold", "Et flertal (A, V)
//! godkendte …, et mindretal (Ø) stemte imod", "SF stemte imod, idet …", "Protokoltilførsel
//! fra …".
//!
//! One method for every form: a clause is cut at its position words (`MARKERS`), and the
//! words on the marker's side are the voters: a count, list letters (party names written
//! out become letters) and names. A clause that names no voter gives no vote, so a plain
//! "Godkendt." or "Udvalget anbefaler …" has none.

use super::attendance::person::{looks_like_name, party_of};
use crate::model::{Position, Statement, Vote};
use crate::text::Lower;
use crate::vocab;

/// Where a marker's voters stand.
#[derive(Clone, Copy, PartialEq)]
enum Side {
    /// "For stemte A, C og V", "Imod: 4 (…)": after the words.
    After,
    /// "Ø stemte imod", "2 medlemmer (N+Ø) tager forbehold": before them.
    Before,
}

use Position::{Abstain, Against, For, Reservation};
use Side::{After, Before};

/// The words of a position, lower case. `strong`: the words are about voting, so any voter
/// makes a vote; a weak verb ("godkendte", "kan ikke anbefale") needs a count or a group
/// ("et flertal", "5 medlemmer") beside it, or it is the body's decision, not a vote.
const MARKERS: &[(&str, Position, Side, bool)] = &[
    ("stemte hverken for eller imod", Abstain, Before, true),
    ("hverken for eller imod", Abstain, Before, true),
    ("for forslaget stemte", For, After, true),
    ("for indstillingen stemte", For, After, true),
    ("for ændringsforslaget stemte", For, After, true),
    ("imod forslaget stemte", Against, After, true),
    ("imod indstillingen stemte", Against, After, true),
    ("imod ændringsforslaget stemte", Against, After, true),
    ("for stemte", For, After, true),
    ("imod stemte", Against, After, true),
    ("for indstillingen stemmer:", For, After, true),
    ("for forslaget stemmer:", For, After, true),
    ("imod stemmer:", Against, After, true),
    ("for stemmer:", For, After, true),
    ("undlod at stemme:", Abstain, After, true),
    ("undlader at stemme:", Abstain, After, true),
    ("undlod at stemme", Abstain, Before, true),
    ("undlader at stemme", Abstain, Before, true),
    ("stemte for", For, Before, true),
    ("stemte ja", For, Before, true),
    ("stemte imod", Against, Before, true),
    ("stemte nej", Against, Before, true),
    ("stemte blankt", Abstain, Before, true),
    ("tager forbehold", Reservation, Before, true),
    ("tog forbehold", Reservation, Before, true),
    ("tager et forbehold", Reservation, Before, true),
    ("tog et forbehold", Reservation, Before, true),
    ("tager sit standpunkt forbehold", Reservation, Before, true),
    ("forbeholder sig", Reservation, Before, true),
    ("for:", For, After, true),
    ("ja:", For, After, true),
    ("imod:", Against, After, true),
    ("nej:", Against, After, true),
    ("undlod:", Abstain, After, true),
    ("undlader:", Abstain, After, true),
    ("blank:", Abstain, After, true),
    ("blanke:", Abstain, After, true),
    ("forbehold:", Reservation, After, true),
    ("kan ikke anbefale", Against, Before, false),
    ("kunne ikke anbefale", Against, Before, false),
    ("kan ikke godkende", Against, Before, false),
    ("kunne ikke godkende", Against, Before, false),
    ("kan ikke tiltræde", Against, Before, false),
    ("kunne ikke tiltræde", Against, Before, false),
    ("kan ikke støtte", Against, Before, false),
    ("kunne ikke støtte", Against, Before, false),
    ("anbefaler ikke", Against, Before, false),
    ("godkender ikke", Against, Before, false),
    ("kan anbefale", For, Before, false),
    ("kunne anbefale", For, Before, false),
    ("kan godkende", For, Before, false),
    ("kunne godkende", For, Before, false),
    ("kan tiltræde", For, Before, false),
    ("kunne tiltræde", For, Before, false),
    ("anbefaler", For, Before, false),
    ("anbefalede", For, Before, false),
    ("godkender", For, Before, false),
    ("godkendte", For, Before, false),
    ("tiltræder", For, Before, false),
    ("tiltrådte", For, Before, false),
    ("vedtog", For, Before, false),
    ("støtter", For, Before, false),
    ("støttede", For, Before, false),
];

/// Words that make a weak verb's subject a group of voters.
const GROUPS: &[&str] = &["flertal", "mindretal", "medlem", "stemmer", "gruppe"];

/// The votes a decision prints, in document order.
pub fn votes(text: &str) -> Vec<Vote> {
    let clauses: Vec<&str> = clauses(text).filter(|c| !c.trim().is_empty()).collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < clauses.len() {
        // "For indstillingen stemmer:" over a line of names.
        if clauses[k].trim_end().ends_with(':') && k + 1 < clauses.len() {
            out.extend(clause_votes(&format!("{} {}", clauses[k], clauses[k + 1])));
            k += 2;
        } else {
            out.extend(clause_votes(clauses[k]));
            k += 1;
        }
    }
    out
}

/// The minority statements, protokoltilførsler and forbehold a decision prints.
pub fn statements(text: &str) -> Vec<Statement> {
    let sentences = crate::text::sentences(text);
    let mut out: Vec<Statement> = Vec::new();
    let mut k = 0;
    // Under "Imod stemte:", each line "A, med bemærkning om …" is a dissent of its own.
    let mut under_dissent = false;
    while k < sentences.len() {
        let s = sentences[k];
        let low = s.lower();
        let recorded = ["protokoltilførsel", "mindretalsudtalelse", "protokolbemærkning", "protokollat"].iter().any(|w| low.contains(w))
            || (low.contains("protokol") && (low.contains("tilført") || low.contains("ført til")));
        // "Mindretallet (Ø) kan ikke anbefale …": a minority's word is its statement.
        let minority = low.starts_with("mindretallet");
        if low.ends_with(':') {
            under_dissent = ["imod stemte:", "stemte imod:", "imod:", "undlod:", "undlod at stemme:"].contains(&low.trim());
        }
        // A reason, not the count that follows "idet" ("Godkendt, idet 25 stemte for").
        let idet = low.find(" idet ").is_some_and(|i| !low[i..].contains("stemte") && !low[i..].contains("stemmer"));
        let reasoned = idet
            || [", da ", " fordi ", "med henvisning til", "begrund", "forbehold for", " ønsker ", " ønskede ", "med bemærkning", " men "]
                .iter()
                .any(|w| low.contains(w));
        // Without a record, a minority or a reason no sentence is a statement: its votes
        // (the costly part, read for the decision already) are not read again.
        if !(recorded || minority || reasoned) {
            k += 1;
            continue;
        }
        let votes: Vec<Vote> = clauses(s).flat_map(clause_votes).collect();
        let leading_party =
            under_dissent && s.split_once(',').is_some_and(|(p, _)| crate::text::word_count(p) <= 3 && !voters(p).parties.is_empty());
        let dissent = votes.iter().any(|v| v.position != For) || minority || leading_party;
        if !(recorded || minority || (dissent && reasoned)) {
            k += 1;
            continue;
        }
        // "Protokoltilførsel fra Ø:" opens the statement that follows it, to the line's end.
        let mut text = s.to_owned();
        if s.ends_with(':') {
            while let Some(next) = sentences.get(k + 1).filter(|n| !n.ends_with(':')) {
                text.push(' ');
                text.push_str(next);
                k += 1;
            }
        }
        let by = if leading_party && votes.is_empty() {
            voters(s.split(',').next().unwrap_or(s)).parties
        } else if votes.is_empty() {
            // After " fra " (five bytes; `low` keeps `s`'s offsets): "Protokoltilførsel fra Ø:".
            let who = low.find(" fra ").map_or(s, |i| s.get(i + 5..).unwrap_or(s));
            let who = who.split(':').next().unwrap_or(who);
            let v = voters(who);
            if v.parties.is_empty() {
                v.names
            } else {
                v.parties
            }
        } else {
            let parties: Vec<String> = votes.iter().filter(|v| v.position != For).flat_map(|v| v.parties.iter().cloned()).collect();
            if parties.is_empty() {
                votes.iter().flat_map(|v| v.names.iter().cloned()).collect()
            } else {
                parties
            }
        };
        out.push(Statement { by, text });
        k += 1;
    }
    out
}

/// Sentences, and in them the parts a semicolon or "mens" sets apart.
fn clauses(text: &str) -> impl Iterator<Item = &str> {
    crate::text::sentences(text)
        .into_iter()
        .flat_map(|s| s.split([';', '\n']))
        .flat_map(|s| split_words(s, &[", mens ", " mens ", ", hvorimod ", ", medens "]))
}

fn split_words<'a>(s: &'a str, seps: &[&str]) -> Vec<&'a str> {
    let low = s.lower();
    let mut cuts: Vec<(usize, usize)> = seps.iter().flat_map(|p| low.match_indices(p).map(|(i, m)| (i, i + m.len()))).collect();
    cuts.sort_unstable();
    let mut out = Vec::new();
    let mut at = 0;
    for (i, e) in cuts {
        if i >= at {
            out.push(&s[at..i]);
            at = e;
        }
    }
    out.push(&s[at..]);
    out
}

fn clause_votes(clause: &str) -> Vec<Vote> {
    let low = clause.lower();
    let counted = counts(clause, &low);
    // Every marker, the longest first, where no longer one already stands.
    let mut hits: Vec<(usize, usize, usize)> = counted.iter().map(|c| (c.0, c.1, usize::MAX)).collect();
    // Each word start is tried against the markers beginning with its letter: one pass over
    // the clause, not one search a marker.
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    let mut prev_alnum = false;
    for (i, c) in low.char_indices() {
        let alnum = c.is_alphanumeric();
        if alnum && !prev_alnum {
            let rest = &low.as_bytes()[i..];
            for (k, (words, ..)) in MARKERS.iter().enumerate() {
                // The first two letters by hand: a slice comparison calls memcmp.
                let w = words.as_bytes();
                if rest.first() == w.first() && rest.get(1) == w.get(1) && rest.starts_with(w) {
                    let e = i + words.len();
                    if words.ends_with(':') || low[e..].chars().next().is_none_or(|c| !c.is_alphanumeric()) {
                        found.push((k, i, e));
                    }
                }
            }
        }
        prev_alnum = alnum;
    }
    found.sort_unstable();
    for (k, i, e) in found {
        if !hits.iter().any(|&(s, t, _)| i < t && s < e) {
            hits.push((i, e, k));
        }
    }
    hits.sort_unstable();
    let mut out = Vec::new();
    let mut prev_end = 0;
    for (j, &(s, e, k)) in hits.iter().enumerate() {
        if k == usize::MAX {
            prev_end = e;
            out.extend(counted.iter().find(|c| c.0 == s).map(|c| c.2.clone()));
            continue;
        }
        let (_, position, side, strong) = MARKERS[k];
        let next = hits.get(j + 1);
        let before = &clause[prev_end..s];
        let after_side = side == After || before.trim().is_empty();
        let mut text = if after_side { &clause[e..next.map_or(clause.len(), |h| h.0)] } else { before };
        // "Imod stemte Ø (2), 1 (F) undlod at stemme": the next marker's voters stand
        // before it, so this one's end at the last comma.
        if after_side {
            if let Some(&(_, _, nk)) = next {
                if nk == usize::MAX || MARKERS[nk].2 == Before {
                    if let Some(c) = last_top_comma(text) {
                        text = &text[..c];
                    }
                }
            }
        }
        // And a marker after an After marker's voters reads only past that last comma.
        if !after_side && j > 0 {
            let (_, pe, pk) = hits[j - 1];
            if pk != usize::MAX && (MARKERS[pk].2 == After || clause[..hits[j - 1].0].trim().is_empty()) {
                let between = &clause[pe..s];
                text = last_top_comma(between).map_or(between, |c| &between[c + 1..]);
            }
        }
        prev_end = e;
        let mut v = voters(text);
        // "2 stemte imod (Ø)": the voters in parentheses after the words, closed before the
        // next marker (an unclosed one must not swallow it).
        let upto = &clause[..next.map_or(clause.len(), |h| h.0)];
        if !after_side && upto[e..].trim_start().starts_with('(') {
            let open = e + upto[e..].find('(').unwrap_or(0);
            if let Some(close) = upto[open..].find(')') {
                let inner = voters(&clause[open + 1..open + close]);
                v.parties.extend(inner.parties.into_iter().filter(|p| !v.parties.contains(p)).collect::<Vec<_>>());
                v.names.extend(inner.names);
                prev_end = open + close + 1;
            }
        }
        if v.count.is_none() && v.parties.is_empty() && v.names.is_empty() {
            continue;
        }
        if !strong {
            let t = text.lower();
            // ("Enhedslisten kunne ikke tiltræde": a party, written out, is a group.)
            let party_only = !v.parties.is_empty() && v.names.is_empty();
            if v.count.is_none() && !party_only && !GROUPS.iter().any(|g| t.contains(g)) {
                continue;
            }
        }
        out.push(Vote { position, count: v.count, parties: v.parties, names: v.names });
    }
    out
}

/// Votes written as counts: "med 26 stemmer for (A, V) og 1 stemme imod (Ø)", "11 stemmer
/// imod og 9 for", "15 stemmer for (C, V) mod 2 stemmer (F og Ø)": each with its byte span
/// and the voters in the parentheses after it.
fn counts(clause: &str, low: &str) -> Vec<(usize, usize, Vote)> {
    if !low.contains("stemme") {
        return Vec::new();
    }
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut from = None;
    for (i, c) in low.char_indices().chain([(low.len(), ' ')]) {
        match (c.is_whitespace() || c == ',', from) {
            (true, Some(f)) => {
                words.push((f, &low[f..i]));
                from = None;
            }
            (false, None) => from = Some(i),
            _ => {}
        }
    }
    // "Forslaget blev forkastet med 7 stemmer (…) mod 1 stemme (Ø)": the position is towards
    // the proposal, so a rejection's majority voted against it.
    let rejected = ["forkast", "afvist", "ikke godkendt", "ikke vedtaget", "faldt"].iter().any(|w| low.contains(w));
    let (majority, minority) = if rejected { (Against, For) } else { (For, Against) };
    // "N stemmer (…) mod M": the words after a count's parentheses.
    let before_mod = |from: usize| {
        let rest = clause[from..].trim_start();
        let rest = if rest.starts_with('(') { rest.find(')').map_or("", |c| &rest[c + 1..]) } else { rest };
        rest.trim_start().starts_with("mod ")
    };
    let mut out = Vec::new();
    for (i, &(start, w)) in words.iter().enumerate() {
        let n = if w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit()) {
            w.parse().ok()
        } else if matches!(w, "én" | "ét") {
            Some(1)
        } else {
            None
        };
        let Some(n) = n else { continue };
        let word = |k: usize| words.get(k).map_or("", |w| w.1.trim_end_matches(['.', ';', ':']));
        let noun = word(i + 1).starts_with("stemme");
        let at = if noun { i + 2 } else { i + 1 };
        // The position named after the count ("26 stemmer for"), else read from "mod".
        let named = match word(at) {
            "for" => Some(For),
            "imod" => Some(Against),
            "blanke" | "blank" => Some(Abstain),
            _ => None,
        };
        let position = match named {
            Some(p) => p,
            None if noun && i > 0 && word(i - 1) == "mod" => minority,
            None if noun && before_mod(words[i + 1].0 + words[i + 1].1.len()) => majority,
            None => continue,
        };
        let last = if noun && named.is_none() { i + 1 } else { at };
        let mut end = words[last].0 + words[last].1.len();
        let mut v = Vote { position, count: Some(n), parties: Vec::new(), names: Vec::new() };
        // "(A, V og Jannik Præst)" right after.
        let rest = &clause[end..];
        if rest.trim_start().starts_with('(') {
            let open = end + rest.find('(').unwrap_or(0);
            let mut depth = 0;
            let close = clause[open..].char_indices().find_map(|(k, c)| {
                depth += match c {
                    '(' => 1,
                    ')' => -1,
                    _ => 0,
                };
                (depth == 0).then_some(open + k)
            });
            if let Some(close) = close {
                let inner = voters(&clause[open + 1..close]);
                v.parties = inner.parties;
                v.names = inner.names;
                end = close + 1;
            }
        }
        let start = if i > 0 && word(i - 1) == "mod" { words[i - 1].0 } else { start };
        out.push((start, end, v));
    }
    out
}

/// The last comma outside parentheses.
fn last_top_comma(s: &str) -> Option<usize> {
    let mut depth = 0i32;
    let mut last = None;
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth <= 0 => last = Some(i),
            _ => {}
        }
    }
    last
}

#[derive(Default)]
struct Voters {
    count: Option<u32>,
    parties: Vec<String>,
    names: Vec<String>,
}

/// Number words that count members ("to medlemmer").
const NUMBERS: [&str; 12] = ["en", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti", "elleve", "tolv"];

/// The voters a stretch of text names: "A, C og V (15)", "17 (Anne Holm (A), Bo Ek (V))",
/// "5 medlemmer (A+V+C)", "Socialdemokratiet og Venstre", "idet Liste B".
fn voters(text: &str) -> Voters {
    let mut v = Voters::default();
    let add_party = |v: &mut Voters, p: String| {
        if !v.parties.contains(&p) {
            v.parties.push(p);
        }
    };
    let chunks = split_words(text, &[" og ", " samt ", " & "]);
    for chunk in chunks.iter().flat_map(|c| pieces(c)) {
        let chunk = chunk.trim().trim_end_matches('.').trim();
        if chunk.is_empty() {
            continue;
        }
        let words: Vec<&str> = chunk.split_whitespace().collect();
        // A count: "15", "5 medlemmer", "to medlemmer", "15 stemmer".
        if v.count.is_none() {
            let n = words.first().and_then(|w| {
                let lw = w.lower();
                if w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit()) {
                    w.parse().ok()
                } else if words.get(1).is_some_and(|m| m.lower().starts_with("medlem")) {
                    NUMBERS.iter().position(|n| *n == lw).map(|i| i as u32 + 1)
                } else {
                    None
                }
            });
            if let Some(n) = n.filter(|_| words.len() == 1 || words.get(1).is_some_and(|m| GROUPS.iter().any(|g| m.lower().starts_with(g))))
            {
                v.count = Some(n);
                continue;
            }
            // "vedtaget med 26" (stemmer for): the count ends the words.
            if let Some(n) = words.last().filter(|w| w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit())) {
                v.count = n.parse().ok();
                continue;
            }
        }
        if let Some(p) = party(chunk) {
            add_party(&mut v, p);
            continue;
        }
        // "bestående af A", "idet Liste B", "Venstres gruppe": a letter or a party at an end.
        if let Some(p) = words.last().filter(|w| w.chars().count() == 1).and_then(|w| party(w)) {
            add_party(&mut v, p);
            continue;
        }
        if words.len() <= 3 {
            if let Some(p) = words.first().and_then(|w| party(w.trim_end_matches("'s").trim_end_matches("’s").trim_end_matches('s'))) {
                if words[0].len() > 3 {
                    add_party(&mut v, p);
                    continue;
                }
            }
        }
        // A name, after any lower-case words and a role before it ("idet Anne Holm").
        let start = words.iter().rposition(|w| !w.starts_with(char::is_uppercase)).map_or(0, |i| i + 1);
        let start = if words.get(start).is_some_and(|w| vocab::role(w).is_some()) { start + 1 } else { start };
        let name = words[start.min(words.len())..].join(" ");
        if looks_like_name(&name) {
            v.names.push(name);
        }
    }
    v
}

/// A list's pieces, cut at parentheses, commas (not a decimal comma: "0,4 %"), "+" and "/".
fn pieces(s: &str) -> Vec<&str> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    for (i, c) in s.char_indices() {
        let decimal = c == ',' && i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit);
        if matches!(c, '(' | ')' | ',' | '+' | '/' | ':') && !decimal {
            out.push(&s[from..i]);
            from = i + 1;
        }
    }
    out.push(&s[from..]);
    out
}

/// A list letter or party: "A", "Ø", "Liste B", "Venstre", "SF", "(@)".
fn party(s: &str) -> Option<String> {
    let s = s.trim();
    if let Some(l) = s.strip_prefix("Liste ").or_else(|| s.strip_prefix("liste ")) {
        return (l.chars().count() == 1 && l.chars().all(char::is_uppercase)).then(|| l.to_owned());
    }
    if s.chars().count() == 1 {
        return s.chars().all(char::is_uppercase).then(|| party_of(s).unwrap_or_else(|| s.to_owned()));
    }
    party_of(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(Position, Option<u32>, String, String)> {
        votes(text).into_iter().map(|v| (v.position, v.count, v.parties.join(","), v.names.join("|"))).collect()
    }

    fn vote(p: Position, n: Option<u32>, parties: &str, names: &str) -> (Position, Option<u32>, String, String) {
        (p, n, parties.to_owned(), names.to_owned())
    }

    /// Sentences pieced together from the words votes are read by, in every order: the
    /// fuzzers found two ways for a marker's reach to overlap the next one's (an unclosed
    /// parenthesis, "fra" at a letter's edge); none may panic.
    #[test]
    fn any_arrangement_of_vote_words_reads_without_panic() {
        const PIECES: &[&str] = &[
            "5",
            "stemmer",
            "stemme",
            "for",
            "imod",
            "mod",
            "(",
            ")",
            "A",
            "Ø",
            "Jens Munk",
            ",",
            " og ",
            ".",
            ":",
            "stemte",
            "undlod at stemme",
            "hverken for eller imod",
            "For stemte:",
            "Imod stemte",
            "tog forbehold",
            "fra ",
            "forkastet",
            "Protokoltilførsel fra",
            "én",
            "\n",
            "æ",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..20_000 {
            let n = 2 + next() % 14;
            let mut text = String::new();
            for _ in 0..n {
                text.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
                if next() % 3 > 0 {
                    text.push(' ');
                }
            }
            let _ = votes(&text);
            let _ = statements(&text);
        }
    }

    #[test]
    fn a_statement_from_a_party_names_the_party() {
        // The party letter right after "fra", also a letter of two bytes (a fuzzed PDF
        // panicked here: the word was read from one byte too far).
        for (t, by) in [("Protokoltilførsel fra Ø: Vi ønsker sagen udsat.", "Ø"), ("Protokoltilførsel fra V: Vi kan ikke støtte.", "V")]
        {
            let got = statements(t);
            assert_eq!(got.iter().map(|s| s.by.clone()).collect::<Vec<_>>(), vec![vec![by.to_owned()]], "{t}");
        }
    }

    #[test]
    fn labelled_counts() {
        assert_eq!(
            read("For stemte A, C og V (15). Imod stemte Ø (2). Undlod: F (1)"),
            [vote(For, Some(15), "A,C,V", ""), vote(Against, Some(2), "Ø", ""), vote(Abstain, Some(1), "F", "")]
        );
        assert_eq!(
            read("For: 17 (Anne Holm (A), Bo Ek (V))\nImod: 4 (Eva Berg (Ø))"),
            [vote(For, Some(17), "A,V", "Anne Holm|Bo Ek"), vote(Against, Some(4), "Ø", "Eva Berg")]
        );
        assert_eq!(
            read("For stemte 15 (A, C og V), imod stemte 2 (Ø), 1 (F) undlod at stemme."),
            [vote(For, Some(15), "A,C,V", ""), vote(Against, Some(2), "Ø", ""), vote(Abstain, Some(1), "F", "")]
        );
    }

    #[test]
    fn groups_and_sentences() {
        assert_eq!(
            read("5 medlemmer (A+V+C) anbefaler indstillingen; 2 medlemmer (N+Ø) tager forbehold."),
            [vote(For, Some(5), "A,V,C", ""), vote(Reservation, Some(2), "N,Ø", "")]
        );
        assert_eq!(
            read("Et flertal (A, V) godkendte indstillingen, et mindretal (Ø) stemte imod."),
            [vote(For, None, "A,V", ""), vote(Against, None, "Ø", "")]
        );
        assert_eq!(
            read("Socialdemokratiet og Venstre stemte for, mens Enhedslisten stemte imod."),
            [vote(For, None, "A,V", ""), vote(Against, None, "Ø", "")]
        );
        assert_eq!(read("Anne Holm (A) stemte imod."), [vote(Against, None, "A", "Anne Holm")]);
        assert_eq!(read("2 stemte imod (Ø)."), [vote(Against, Some(2), "Ø", "")]);
        assert_eq!(read("Stemte imod:\nA, med bemærkning om at A ønsker at hæve skatten med 0,4%."), [vote(Against, None, "A", "")]);
        assert_eq!(read("Forslaget blev vedtaget med 26 stemmer for."), [vote(For, Some(26), "", "")]);
    }

    #[test]
    fn counts_with_their_voters() {
        assert_eq!(
            read("Forslaget blev forkastet med 4 stemmer for (O og D) og 17 imod (V, C, A, F og B)."),
            [vote(For, Some(4), "O,D", ""), vote(Against, Some(17), "V,C,A,F,B", "")]
        );
        assert_eq!(
            read("Budgetforslaget blev vedtaget med 26 stemmer for (A, V og Jens Munk) og 1 stemme imod (Ø)."),
            [vote(For, Some(26), "A,V", "Jens Munk"), vote(Against, Some(1), "Ø", "")]
        );
        // An unclosed parenthesis: the next marker keeps its own voters (a fuzzed file
        // once read past it into the next one and panicked).
        let r = read("3 stemte for (A, 2 stemte imod (Ø).");
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!((r[0].0, r[0].1, r[1].0, r[1].1), (For, Some(3), Against, Some(2)));
        assert!(r[1].2.contains('Ø'), "{r:?}");
        assert_eq!(read("Forkastet med 11 stemmer imod og 9 for."), [vote(Against, Some(11), "", ""), vote(For, Some(9), "", "")]);
        assert_eq!(
            read("Vedtaget med 15 stemmer for (C, V, B og O) mod 2 stemmer (F og Ø). A undlod at stemme."),
            [vote(For, Some(15), "C,V,B,O", ""), vote(Against, Some(2), "F,Ø", ""), vote(Abstain, None, "A", "")]
        );
        assert_eq!(
            read("For stemte: V, DF og A (28) Imod stemte: Ø og F (2) Undlod at stemme: Per Lund (C)"),
            [vote(For, Some(28), "V,O,A", ""), vote(Against, Some(2), "Ø,F", ""), vote(Abstain, None, "C", "Per Lund")]
        );
        assert_eq!(
            read("For indstillingen stemmer:\nAnne Holm, Bo Ek og Eva Berg.\nImod stemmer:\nPer Lund.\nJens Munk undlader at stemme."),
            [vote(For, None, "", "Anne Holm|Bo Ek|Eva Berg"), vote(Against, None, "", "Per Lund"), vote(Abstain, None, "", "Jens Munk")]
        );
    }

    #[test]
    fn a_decision_without_voters_has_no_votes() {
        for t in [
            "Godkendt.",
            "Udvalget anbefaler indstillingen.",
            "KKR Nordjylland godkendte indstillingen.",
            "Byrådet godkendte, at der afsættes 2 mio. kr.",
            "Anbefales enstemmigt.",
            "Formanden orienterede om mødet for stemte borgere.",
        ] {
            assert!(votes(t).is_empty(), "{t}: {:?}", votes(t));
        }
    }

    #[test]
    fn dissent_with_reasons() {
        let s = statements("Godkendt. SF stemte imod, idet partiet ønsker en anden model. Mindretallet (Ø) kan ikke anbefale forslaget.");
        assert_eq!(s.len(), 2, "{s:?}");
        assert_eq!(s[0].by, ["F"]);
        assert!(s[0].text.starts_with("SF stemte imod, idet"));
        assert_eq!(s[1].by, ["Ø"]);
        let s = statements("Godkendt.\nProtokoltilførsel fra Anne Holm (A): Jeg finder sagen utilstrækkeligt oplyst.");
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(s[0].by, ["A"]);
        assert!(statements("Godkendt. Ø stemte imod.").is_empty());
    }
}
