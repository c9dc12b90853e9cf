//! The agenda items: numbers, titles, case numbers and parts, also where OCR has put the
//! numbers in a column of their own, away from their titles ("1." "1.1." "1.2." and then
//! the three titles; "3.2." at the top of a page inside item 3.1).

use std::collections::VecDeque;

use super::lines::Kind;
use super::numbers::{follows, follows_with_gap, repair_dropped_dot, Num};
use crate::model::SectionKind;
use crate::text::{join_lines, join_words, Line};

#[derive(Debug)]
pub struct ItemDraft {
    pub number: Num,
    pub title: String,
    pub case: Option<String>,
    /// The line the item starts on (for findings that point into the document).
    pub line: usize,
    pub intro: Vec<usize>,
    pub sections: Vec<SectionDraft>,
    /// The number was not printed; it was inferred from its neighbours.
    pub inferred: bool,
}

#[derive(Debug)]
pub struct SectionDraft {
    pub kind: SectionKind,
    pub heading: String,
    pub lines: Vec<usize>,
}

impl SectionDraft {
    pub fn text(&self, lines: &[Line]) -> String {
        join_indexed(lines, &self.lines)
    }
}

/// The lines at `indices` joined into text (a part, or an item's un-headed opening).
pub fn join_indexed(lines: &[Line], indices: &[usize]) -> String {
    join_lines(indices.iter().map(|&i| (lines[i].text.as_str(), lines[i].hard_break)))
}

#[derive(Debug, Default)]
pub struct Agenda {
    pub items: Vec<ItemDraft>,
    /// Index of the line where the first item starts (the header and attendance lie before).
    pub start: usize,
    pub toc: Vec<(Option<Num>, String)>,
}

/// A run of lines that titles the item whose case number follows it.
#[derive(Clone, Copy, PartialEq)]
enum Mark {
    None,
    /// First line of a title whose item has no printed number on the same line; holds the end.
    CaseTitle(usize),
    /// A wrapped line of the heading above it.
    Continuation,
}

pub fn parse(lines: &[Line], kinds: &[Kind]) -> Agenda {
    let marks = mark_titles(lines, kinds);
    // A document that writes "Punkt 3" numbers its items only that way; "3. ..." lines in it
    // are lists inside the items.
    let punkt_style = kinds.iter().any(|k| matches!(k, Kind::Heading { punkt: true, .. } | Kind::NumberOnly { punkt: true, .. }));
    let mut agenda = Agenda { start: lines.len(), ..Agenda::default() };
    let mut pending: VecDeque<(Num, usize)> = VecDeque::new();
    let mut last: Option<Num> = None;
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        match &kinds[i] {
            Kind::Toc { number, title } if agenda.items.is_empty() => {
                agenda.toc.push((number.clone(), title.clone()));
                i += 1;
                continue;
            }
            Kind::Heading { number, title, punkt } if *punkt || !punkt_style => {
                let strong_heading = line.heading > 0 || line.strong || *punkt;
                let structured = strong_heading || followed_by_structure(kinds, i);
                // A heading that repeats the last number (a draft's slip) is an item too:
                // the reviewer is told, nothing is dropped.
                let repeated = strong_heading && structured && last.as_ref() == Some(number);
                if follows(last.as_ref(), number) || (structured && follows_with_gap(last.as_ref(), number)) || repeated {
                    flush_pending(&mut agenda, &mut pending);
                    let mut title_lines = vec![title.as_str()];
                    let mut j = i + 1;
                    while j < lines.len() && marks[j] == Mark::Continuation {
                        title_lines.push(&lines[j].text);
                        j += 1;
                    }
                    start_item(&mut agenda, number.clone(), join_words(title_lines), i, false);
                    last = Some(number.clone());
                    i = j;
                    continue;
                }
            }
            Kind::NumberOnly { digits, punkt } if *punkt || !punkt_style => {
                let n = Num::parse(digits).filter(|n| follows(last.as_ref(), n) || (*punkt && follows_with_gap(last.as_ref(), n)));
                if let Some(n) = n.or_else(|| repair_dropped_dot(last.as_ref(), digits)) {
                    if agenda.items.is_empty() && pending.is_empty() {
                        agenda.start = i;
                    }
                    pending.push_back((n.clone(), i));
                    last = Some(n);
                    i += 1;
                    continue;
                }
            }
            Kind::Case(case) => {
                if let Some(item) = agenda.items.last_mut() {
                    if item.case.is_none() && item.sections.is_empty() && item.intro.is_empty() {
                        item.case = Some(case.clone());
                        i += 1;
                        continue;
                    }
                }
            }
            Kind::Section { kind, heading } if !agenda.items.is_empty() => {
                let item = agenda.items.last_mut().expect("checked non-empty");
                item.sections.push(SectionDraft { kind: *kind, heading: heading.clone(), lines: Vec::new() });
                i += 1;
                continue;
            }
            _ => {}
        }
        if let Mark::CaseTitle(end) = marks[i] {
            if agenda.items.is_empty() && pending.is_empty() {
                // Without a number before it, a title is an item only once the agenda has begun.
                i += 1;
                continue;
            }
            // A parent still waiting for its title takes the first line: "Godkendelse af
            // referat" / "Godkendelse af dagsorden" / case number, with no blank between.
            let mut first = i;
            if end > i && pending.len() >= 2 && pending[0].0.is_parent_of(&pending[1].0) && looks_like_heading(&lines[i].text) {
                let (n, at) = pending.pop_front().expect("two pending");
                start_item(&mut agenda, n, lines[i].text.clone(), at.min(i), false);
                first += 1;
            }
            let title = join_words((first..=end).map(|j| lines[j].text.as_str()));
            let (number, inferred) = match pending.pop_front() {
                Some((n, _)) => (n, false),
                None => (inferred_number(agenda.items.last()), true),
            };
            if inferred {
                last = Some(number.clone());
            }
            start_item(&mut agenda, number, title, first, inferred);
            i = end + 1;
            continue;
        }
        // A heading line after a number column: a parent whose children are waiting too,
        // or a last number with nothing but other headings after it ("4." "Udpegninger").
        if let (Some((front, at)), Kind::Text) = (pending.front(), &kinds[i]) {
            let parent = pending.get(1).is_some_and(|(next, _)| front.is_parent_of(next));
            let last_number = pending.back().map_or(0, |(_, at)| *at);
            // "Punkt 5", "Eventuelt", "Beslutninger": right under its number, before a part.
            // ... or "2.", "Siden sidst", then a titled case: a group heading whose first
            // child lost its number (the child's number is inferred).
            let right_under = pending.len() == 1
                && kinds[last_number + 1..i].iter().all(|k| matches!(k, Kind::Blank))
                && (next_is_structure(kinds, i) || next_is_case_title(&marks, kinds, i));
            if looks_like_heading(&line.text) && (parent || right_under || (pending.len() == 1 && nothing_but_headings_after(kinds, i))) {
                let (n, at) = (front.clone(), *at);
                pending.pop_front();
                start_item(&mut agenda, n, line.text.clone(), at.min(i), false);
                i += 1;
                continue;
            }
        }
        if let Some(item) = agenda.items.last_mut() {
            match item.sections.last_mut() {
                Some(s) => s.lines.push(i),
                None if !matches!(kinds[i], Kind::Blank) || !item.intro.is_empty() => item.intro.push(i),
                None => {}
            }
        }
        i += 1;
    }
    flush_pending(&mut agenda, &mut pending);
    agenda
}

fn start_item(agenda: &mut Agenda, number: Num, title: String, line: usize, inferred: bool) {
    if agenda.items.is_empty() {
        agenda.start = agenda.start.min(line);
    }
    let title = crate::text::restore_year_spans(&title);
    agenda.items.push(ItemDraft { number, title, case: None, line, intro: Vec::new(), sections: Vec::new(), inferred });
}

/// Numbers that never found a title still are items: nothing is dropped.
fn flush_pending(agenda: &mut Agenda, pending: &mut VecDeque<(Num, usize)>) {
    while let Some((n, at)) = pending.pop_front() {
        start_item(agenda, n, String::new(), at, false);
    }
}

/// The number of an item printed without one: the first child of a bare group heading
/// ("2. Siden sidst" with nothing under it yet), else the next sibling of the last item.
fn inferred_number(last: Option<&ItemDraft>) -> Num {
    match last {
        Some(it) if it.case.is_none() && it.sections.is_empty() && it.intro.is_empty() => Num([it.number.0.clone(), vec![1]].concat()),
        _ => next_sibling(last.map(|it| &it.number)),
    }
}

fn next_sibling(last: Option<&Num>) -> Num {
    match last {
        None => Num(vec![1]),
        Some(n) => {
            let mut v = n.0.clone();
            *v.last_mut().expect("numbers have a part") += 1;
            Num(v)
        }
    }
}

fn looks_like_heading(t: &str) -> bool {
    let t = t.trim();
    t.chars().next().is_some_and(char::is_uppercase) && t.chars().count() <= 120 && !t.ends_with(['.', ',', ':'])
}

fn nothing_but_headings_after(kinds: &[Kind], i: usize) -> bool {
    kinds[i + 1..].iter().find(|k| !matches!(k, Kind::Blank)).is_none_or(|k| matches!(k, Kind::Heading { .. } | Kind::NumberOnly { .. }))
}

fn next_is_case_title(marks: &[Mark], kinds: &[Kind], i: usize) -> bool {
    (i + 1..kinds.len()).find(|&j| !matches!(kinds[j], Kind::Blank)).is_some_and(|j| matches!(marks[j], Mark::CaseTitle(_)))
}

fn ends_sentence(t: &str) -> bool {
    t.trim_end().ends_with(['.', ':', ';', '!', '?'])
}

fn next_is_structure(kinds: &[Kind], i: usize) -> bool {
    kinds[i + 1..]
        .iter()
        .find(|k| !matches!(k, Kind::Blank))
        .is_none_or(|k| matches!(k, Kind::Case(_) | Kind::Section { .. } | Kind::Heading { .. } | Kind::NumberOnly { .. }))
}

/// A numbered line is a heading, not a list entry, when a case number or a part heading
/// follows within a few lines.
fn followed_by_structure(kinds: &[Kind], i: usize) -> bool {
    kinds[i + 1..]
        .iter()
        .filter(|k| !matches!(k, Kind::Blank))
        .take(3)
        .any(|k| matches!(k, Kind::Case(_) | Kind::Section { .. } | Kind::Heading { .. } | Kind::NumberOnly { .. }))
        || kinds[i + 1..].iter().all(|k| matches!(k, Kind::Blank))
}

/// Finds the title of each case number: the text lines right above it. If a numbered
/// heading stands above them they are its wrapped continuation; otherwise they are the
/// title of an item whose number stands elsewhere.
fn mark_titles(lines: &[Line], kinds: &[Kind]) -> Vec<Mark> {
    let mut marks = vec![Mark::None; lines.len()];
    for c in 0..lines.len() {
        if !matches!(kinds[c], Kind::Case(_)) {
            continue;
        }
        let mut j = c;
        let mut blanks = 0;
        while j > 0 && matches!(kinds[j - 1], Kind::Blank) && blanks < 2 {
            j -= 1;
            blanks += 1;
        }
        let end = j;
        // Up through text lines, but not past one that ends a sentence: without blank lines
        // between paragraphs (PDF text) the line above a title is the end of the last part.
        while j > 0 && matches!(kinds[j - 1], Kind::Text) && end - j < 3 && !ends_sentence(&lines[j - 1].text) {
            j -= 1;
        }
        if j == end {
            continue;
        }
        let above = if j > 0 { &kinds[j - 1] } else { &Kind::Blank };
        if matches!(above, Kind::Heading { .. }) && blanks == 0 {
            marks[j..end].iter_mut().for_each(|m| *m = Mark::Continuation);
        } else if matches!(above, Kind::Heading { .. }) {
            // "### 1.1. Title", blank, case: the heading has the title already.
        } else {
            let text: Vec<&str> = (j..end).map(|k| lines[k].text.as_str()).collect();
            let total: usize = text.iter().map(|t| t.chars().count()).sum();
            let first_ok = text[0].chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
            if first_ok && total <= 220 && !text.last().is_some_and(|t| t.ends_with(['.', ':', ','])) {
                marks[j] = Mark::CaseTitle(end - 1);
            }
        }
    }
    marks
}
