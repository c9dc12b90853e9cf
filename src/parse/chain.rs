//! Which numbered lines are the agenda. A referat prints numbers in many places: the items,
//! a table of contents, lists inside an item's text, page numbers, other bodies' item
//! numbers in a case's history. The agenda is the one sequence among them that reads as
//! an agenda: each number follows the one before (a first child, a next sibling, an
//! ancestor's next sibling; a small gap costs), and its lines look like item headings
//! (a title, something of an item after it). The best such sequence is found by dynamic
//! programming over the numbered lines, best score first.
//!
//! The first number may be anything (councils that number items across the year start at
//! 150), but a sequence that starts elsewhere than 1 must earn it.

use std::collections::{BTreeMap, HashMap};

use super::lines::Kind;
use super::numbers::Num;
use crate::text::Line;
use crate::text::Lower;

/// A sequence not starting at 1 (or 1.1, or 0) pays this.
const LATE_START: f32 = 2.0;
/// Each skipped number costs this (a draft may lack one; a list inside an item skips many).
const GAP: f32 = 1.5;
/// Skipping more than four numbers costs this.
const JUMP: f32 = 3.0;
/// Reading "21." as 2.1 (OCR lost the dot) costs this.
const REPAIR: f32 = 1.0;
/// A number printed twice in a row (a draft's slip) costs this.
const REPEAT: f32 = 3.5;

/// For each line: the number it starts an item with, when it does.
pub fn agenda_numbers(lines: &[Line], kinds: &[Kind]) -> Vec<Option<Num>> {
    let candidates = candidates(lines, kinds);
    let mut chosen = vec![None; lines.len()];
    for (line, num) in best_chain(&candidates) {
        chosen[line] = Some(num);
    }
    chosen
}

struct Candidate {
    line: usize,
    /// The readings of its number: "21" may be 21, or 2.1 with its dot lost.
    readings: Vec<Num>,
    strength: f32,
}

fn candidates(lines: &[Line], kinds: &[Kind]) -> Vec<Candidate> {
    let is_candidate = |k: &Kind| matches!(k, Kind::Heading { .. } | Kind::NumberOnly { .. });
    let next_lines = |i: usize| (i + 1..kinds.len()).filter(|&j| !matches!(kinds[j], Kind::Blank | Kind::Furniture));
    let mut out = Vec::new();
    for (i, kind) in kinds.iter().enumerate() {
        let strength = match kind {
            Kind::Heading { title, punkt, dotless, .. } => {
                let mut s = 1.0;
                if lines[i].heading > 0 || lines[i].strong {
                    s += 1.0;
                }
                if *punkt {
                    s += 0.5;
                }
                if *dotless {
                    s -= 1.0;
                }
                // What follows, up to the next numbered line: an item's own lines.
                let own: Vec<usize> = next_lines(i).take(6).take_while(|&j| !is_candidate(&kinds[j])).collect();
                if own.iter().any(|&j| matches!(kinds[j], Kind::Case(_) | Kind::Section { .. })) {
                    s += 1.5;
                }
                s += if !own.is_empty() || next_lines(i).next().is_none() { 0.5 } else { -0.75 };
                // A sentence (or a verse, ending in a comma) is a list entry, not a title.
                if title.ends_with(',') {
                    s -= 1.5;
                }
                if title.ends_with('.') && !title.ends_with("..") {
                    s -= if title.chars().count() > 60 { 2.0 } else { 1.0 };
                }
                if title.chars().count() > 160 {
                    s -= 1.0;
                }
                s
            }
            Kind::NumberOnly { digits, punkt } => {
                let mut s = 0.5;
                if *punkt {
                    s += 0.75;
                }
                let dotted = lines[i].text.trim_end().ends_with('.') || digits.contains('.');
                if dotted {
                    s += 0.5;
                }
                match next_lines(i).next().map(|j| &kinds[j]) {
                    // A page number above the item's own heading.
                    Some(Kind::Heading { .. } | Kind::Case(_) | Kind::Section { .. } | Kind::Roll(_)) if !punkt && !dotted => s -= 1.5,
                    Some(Kind::Text) => s += 0.5,
                    // "01." over "Godkendelse af ... ..... 3": a table of contents' number.
                    Some(Kind::Toc { .. }) => s -= 2.0,
                    _ => {}
                }
                s
            }
            _ => continue,
        };
        let (digits, column) = match kind {
            Kind::Heading { digits, .. } => (digits, false),
            Kind::NumberOnly { digits, punkt } => (digits, !punkt),
            _ => unreachable!("only numbered lines are candidates"),
        };
        let mut readings: Vec<Num> = Num::parse(digits).into_iter().collect();
        // Only a number alone in a column may have lost a dot ("21." for 2.1).
        if column && !digits.contains('.') && digits.len() >= 2 && digits.len() <= 3 {
            // "01" is 1 printed with a zero, never 0.1.
            if !digits.starts_with('0') {
                readings.extend((1..digits.len()).filter_map(|k| Num::parse(&format!("{}.{}", &digits[..k], &digits[k..]))));
            }
        }
        out.push(Candidate { line: i, readings, strength });
    }
    // A heading the table of contents announced earlier (same number, same title) is the
    // item itself.
    let key = |i: usize| match &kinds[i] {
        Kind::Heading { digits, title, .. } => Some((digits.clone(), title.split_whitespace().collect::<Vec<_>>().join(" ").lower())),
        _ => None,
    };
    // (Each heading's first line with the same key, looked up: one pass, any length.)
    let mut first_seen: HashMap<(String, String), usize> = HashMap::new();
    for c in &mut out {
        let Some(k) = key(c.line) else { continue };
        let first = *first_seen.entry(k).or_insert(c.line);
        if c.line > first + 2 {
            c.strength += 1.5;
        }
    }
    out
}

/// A state of the search: the best sequence ending with this candidate read this way.
#[derive(Clone, Copy)]
struct Best {
    score: f32,
    /// (candidate, reading) of the previous item in the sequence.
    prev: Option<(usize, usize)>,
    at: (usize, usize),
}

fn best_chain(cands: &[Candidate]) -> Vec<(usize, Num)> {
    // The best sequence ending at any number that starts with a prefix, and ending at
    // exactly a number: what a next number may follow.
    let mut by_prefix: HashMap<Vec<u32>, Best> = HashMap::new();
    let mut by_number: HashMap<Vec<u32>, Best> = HashMap::new();
    // The same as `by_prefix`, under each parent by the last part: 2.3 -> [2] -> 3.
    let mut children: HashMap<Vec<u32>, BTreeMap<u32, Best>> = HashMap::new();
    let mut states: Vec<Vec<Best>> = Vec::with_capacity(cands.len());
    let mut overall: Option<Best> = None;
    for (c, cand) in cands.iter().enumerate() {
        let mut row = Vec::with_capacity(cand.readings.len());
        for (r, num) in cand.readings.iter().enumerate() {
            let n = &num.0;
            let first = matches!(n.as_slice(), [1] | [1, 1] | [0]);
            // A reading that puts back a lost dot is a repair, and costs.
            let strength = cand.strength - if r > 0 { REPAIR } else { 0.0 };
            let mut best = Best { score: strength - if first { 0.0 } else { LATE_START }, prev: None, at: (c, r) };
            let mut consider = |b: Option<&Best>, cost: f32| {
                if let Some(b) = b {
                    if b.score - cost + strength > best.score {
                        best = Best { score: b.score - cost + strength, prev: Some(b.at), at: (c, r) };
                    }
                }
            };
            let last = *n.last().expect("a number has a part");
            let parent = &n[..n.len() - 1];
            // The next sibling of anything under the previous sibling: 3 after 2, 2.4, 2.4.1.
            for gap in 1..=4u32 {
                if last >= gap {
                    let mut sib = parent.to_vec();
                    sib.push(last - gap);
                    consider(by_prefix.get(&sib), GAP * (gap - 1) as f32);
                }
            }
            // A long jump at the same level (closed items numbered from 101) costs more.
            // (Only the siblings there are, in order: 200,000 items once meant 49 million
            // look-ups of numbers that were mostly absent.)
            if last > 5 {
                if let Some(sibs) = children.get(parent) {
                    for b in sibs.range(last.saturating_sub(250)..last - 4).map(|(_, b)| b) {
                        consider(Some(b), JUMP);
                    }
                }
            }
            // A first child: 3.1 after 3.
            if last == 1 && !parent.is_empty() {
                consider(by_number.get(parent), 0.0);
            }
            // The same number again.
            consider(by_number.get(n), REPEAT);
            row.push(best);
        }
        // Record after the row, so a candidate never follows itself.
        for best in &row {
            let n = &cand.readings[best.at.1].0;
            for k in 1..=n.len() {
                let e = by_prefix.entry(n[..k].to_vec()).or_insert(*best);
                if best.score > e.score {
                    *e = *best;
                }
                let e = children.entry(n[..k - 1].to_vec()).or_default().entry(n[k - 1]).or_insert(*best);
                if best.score > e.score {
                    *e = *best;
                }
            }
            let e = by_number.entry(n.clone()).or_insert(*best);
            if best.score > e.score {
                *e = *best;
            }
            if overall.is_none_or(|o| best.score > o.score) {
                overall = Some(*best);
            }
        }
        states.push(row);
    }
    let mut out = Vec::new();
    let mut at = overall.filter(|b| b.score > 0.0).map(|b| b.at);
    while let Some((c, r)) = at {
        out.push((cands[c].line, cands[c].readings[r].clone()));
        at = states[c][r].prev;
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(text: &str) -> Vec<String> {
        let lines = crate::text::lines(text);
        let kinds: Vec<Kind> = lines.iter().map(|l| super::super::lines::classify(&l.text)).collect();
        agenda_numbers(&lines, &kinds).into_iter().flatten().map(|n| n.to_string()).collect()
    }

    #[test]
    fn the_body_not_the_table_of_contents() {
        let text = "Punkter på dagsordenen\n1. Godkendelse af dagsorden\n2. Budget\n3. Eventuelt\n\n\
                    1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n2. Budget\nIndstilling\nDet indstilles.\n\
                    1. At budgettet godkendes.\n2. At rammen fastholdes.\nBeslutning\nGodkendt.\n3. Eventuelt\nBeslutning\nIntet.\n";
        assert_eq!(chain(text), ["1", "2", "3"]);
    }

    #[test]
    fn numbers_across_the_year() {
        let text = "150. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n151. Budget\nBeslutning\nGodkendt.\n\
                    1. At budgettet godkendes.\n152. Eventuelt\nBeslutning\nIntet.\n";
        assert_eq!(chain(text), ["150", "151", "152"]);
    }

    #[test]
    fn a_number_column_with_its_dots_lost() {
        assert_eq!(chain("1.\n2.\n21.\n22.\nGodkendelse\nSAG-2025-00001\n"), ["1", "2", "2.1", "2.2"]);
    }

    #[test]
    fn past_999_the_numbers_go_on_and_a_year_stays_text() {
        let items: String = (997..=1002).map(|n| format!("{n}. Punkt {n}\nBeslutning\nGodkendt.\n")).collect();
        assert_eq!(chain(&items), ["997", "998", "999", "1000", "1001", "1002"]);
        let text = "1. Godkendelse\nBeslutning\nGodkendt.\n2019. Regnskab\nBeslutning\nGodkendt.\n2. Eventuelt\nBeslutning\nIntet.\n";
        assert_eq!(chain(text), ["1", "2"]);
    }
}
