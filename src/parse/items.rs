//! The agenda items: numbers, titles, case numbers and parts. `chain.rs` decides which
//! numbered lines start items; the walk here goes through the lines once (in the manner of
//! pulldown-cmark's first pass), one method per kind of line, and gives each line to the
//! item and part it belongs to. It also copes with OCR putting the numbers in a column of
//! their own, away from their titles ("1." "1.1." "1.2." and then the three titles).

use std::collections::VecDeque;

use super::chain;
use super::lines::Kind;
use super::numbers::Num;
use crate::model::SectionKind;
use crate::text::{join_lines, join_words, Line};

#[derive(Debug)]
pub struct ItemDraft {
    pub number: Num,
    /// The number as printed ("01", "3.2"), without its trailing dot.
    pub printed: String,
    pub title: String,
    pub case: Option<String>,
    /// The line the item starts on (for findings that point into the document).
    pub line: usize,
    /// Lines before the item's first part heading.
    pub intro: Vec<usize>,
    pub sections: Vec<SectionDraft>,
    /// The number was not printed; it was inferred from its neighbours.
    pub inferred: bool,
}

#[derive(Debug)]
pub struct SectionDraft {
    pub kind: SectionKind,
    pub heading: String,
    /// Text printed on the heading's own line, after it ("Beslutning: Godkendt.").
    pub inline: String,
    pub lines: Vec<usize>,
}

impl SectionDraft {
    pub fn text(&self, lines: &[Line]) -> String {
        let joined = join_indexed(lines, &self.lines);
        match (self.inline.is_empty(), joined.is_empty()) {
            (true, _) => joined,
            (false, true) => self.inline.clone(),
            (false, false) => format!("{}\n{joined}", self.inline),
        }
    }
}

/// The lines at `indices` joined into text (a part, or an item's un-headed opening).
pub fn join_indexed(lines: &[Line], indices: &[usize]) -> String {
    join_lines(indices.iter().map(|&i| (lines[i].text.as_ref(), lines[i].hard_break)))
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
    let starts = chain::agenda_numbers(lines, kinds);
    // "1. Title (B)" printed twice, the second time with the item: the first is no text.
    let mut kinds = kinds.to_vec();
    for i in 0..kinds.len() {
        let Kind::Heading { digits, title, .. } = &kinds[i] else { continue };
        if starts[i].is_some() {
            continue;
        }
        let next =
            (i + 1..kinds.len()).filter(|&j| !matches!(kinds[j], Kind::Blank | Kind::Furniture)).take(2).find(|&j| starts[j].is_some());
        let twin = next.is_some_and(|j| matches!(&kinds[j], Kind::Heading { digits: d, title: t, .. } if d == digits && t.split_whitespace().eq(title.split_whitespace())));
        if twin {
            kinds[i] = Kind::Furniture;
        }
    }
    let kinds = kinds.as_slice();
    AgendaWalk::new(lines, kinds, starts).run()
}

struct AgendaWalk<'a, 'l> {
    lines: &'a [Line<'l>],
    kinds: &'a [Kind],
    /// The item number each line starts, as `chain` chose them.
    starts: Vec<Option<Num>>,
    marks: Vec<Mark>,
    agenda: Agenda,
    /// Numbers printed alone, waiting for their titles: (number, as printed, line).
    pending: VecDeque<(Num, String, usize)>,
    /// A case number printed right above the next item's heading.
    early_case: Option<String>,
    /// The document prints case numbers above the items' headings, not below them.
    cases_before_headings: bool,
    /// The document prints each item's case number right under its title, so a title
    /// over a case number starts an item even when its number was lost.
    titles_over_cases: bool,
    /// The text before the first item (its table of contents), words joined by single
    /// spaces: a title printed there whole tells how far a wrapped heading goes.
    front: String,
    i: usize,
}

impl<'a, 'l> AgendaWalk<'a, 'l> {
    fn new(lines: &'a [Line<'l>], kinds: &'a [Kind], starts: Vec<Option<Num>>) -> Self {
        let marks = mark_titles(lines, kinds, &starts);
        let cases_before_headings = cases_before_headings(kinds, &starts);
        let titles_over_cases = titles_over_cases(kinds, &starts);
        let first = starts.iter().position(Option::is_some).unwrap_or(0);
        let front = lines[..first].iter().flat_map(|l| l.text.split_whitespace()).collect::<Vec<_>>().join(" ");
        AgendaWalk {
            lines,
            kinds,
            starts,
            marks,
            agenda: Agenda { start: lines.len(), ..Agenda::default() },
            pending: VecDeque::new(),
            early_case: None,
            cases_before_headings,
            titles_over_cases,
            front,
            i: 0,
        }
    }

    fn run(mut self) -> Agenda {
        while self.i < self.lines.len() {
            self.i = self.step();
        }
        self.flush_pending();
        self.agenda
    }

    /// Handles the line at `self.i`; returns the index of the next line to look at.
    fn step(&mut self) -> usize {
        let i = self.i;
        if let Some(number) = self.starts[i].clone() {
            return match &self.kinds[i] {
                Kind::Heading { title, digits, .. } => self.heading(number, digits, title),
                _ => self.number_alone(number),
            };
        }
        match &self.kinds[i] {
            Kind::Toc { number, title } if self.agenda.items.is_empty() => {
                self.agenda.toc.push((number.clone(), title.clone()));
                i + 1
            }
            Kind::Case(case) if self.case(case) => i + 1,
            Kind::Section { kind, heading, inline } if !self.agenda.items.is_empty() => {
                let item = self.agenda.items.last_mut().expect("checked non-empty");
                // The title printed again under the heading ("Bemærkninger til dagsordenen").
                if item.sections.is_empty() && heading.split_whitespace().eq(item.title.split_whitespace()) {
                    item.intro.push(i);
                    return i + 1;
                }
                item.sections.push(SectionDraft { kind: *kind, heading: heading.clone(), inline: inline.clone(), lines: Vec::new() });
                i + 1
            }
            // "Fraværende" standing alone inside an item, printed as the parts are: a part of
            // its own (who was away). "Fraværende:" is a label of the part it stands in.
            Kind::Roll(_) if !self.agenda.items.is_empty() && !self.lines[i].text.trim_end().ends_with(':') => {
                let item = self.agenda.items.last_mut().expect("checked non-empty");
                let heading = self.lines[i].text.trim().trim_end_matches(':').to_owned();
                item.sections.push(SectionDraft { kind: SectionKind::Other, heading, inline: String::new(), lines: Vec::new() });
                i + 1
            }
            Kind::Furniture => i + 1,
            _ => self.text(),
        }
    }

    /// "3.2. Title": an item with its title, perhaps wrapped onto the lines below.
    fn heading(&mut self, number: Num, digits: &str, title: &str) -> usize {
        self.flush_pending();
        let mut title_lines = vec![title];
        let mut j = self.i + 1;
        while j < self.lines.len() && self.marks[j] == Mark::Continuation {
            title_lines.push(&self.lines[j].text);
            j += 1;
        }
        // A title wrapped onto the next line: the line breaks off mid-phrase ("... tribune og"
        // / "omklædning (Beslutning)") or the next goes on in lower case.
        while j < self.lines.len() && j == self.i + title_lines.len() && self.starts[j].is_none() && matches!(self.kinds[j], Kind::Text) {
            let last = title_lines.last().expect("a title line").trim_end();
            let next = self.lines[j].text.trim();
            let breaks_off =
                last.ends_with([',', '-', '–']) || crate::vocab::FUNCTION_WORDS.contains(&last.rsplit(' ').next().unwrap_or(""));
            let goes_on = next.starts_with(char::is_lowercase);
            // "... ved Gentofte" / "Hospital": the table of contents prints the title whole.
            // ("A. Sager til afgørelse": a group's heading, even where the contents runs on.)
            let enumeration = next.len() > 3 && next.as_bytes()[1] == b'.' && next.starts_with(|c: char| c.is_ascii_uppercase());
            let listed = || {
                let joined = title_lines.iter().chain([&next]).flat_map(|l| l.split_whitespace()).collect::<Vec<_>>().join(" ");
                // Whole words: "Kulturhus A" is not listed in "Kulturhus Ansøgning ...".
                self.front.match_indices(&joined).any(|(at, m)| !self.front[at + m.len()..].starts_with(char::is_alphanumeric))
            };
            if !(breaks_off || goes_on || (!enumeration && listed()))
                || next.is_empty()
                || last.chars().count() + next.chars().count() > 240
                || next.ends_with('.') && !breaks_off
            {
                break;
            }
            title_lines.push(&self.lines[j].text);
            j += 1;
        }
        let printed = printed(&number, digits);
        self.start_item(number, printed, join_words(title_lines), self.i, false);
        j
    }

    /// A number alone: it waits for its title (the next heading line, or the lines above
    /// the next case number).
    fn number_alone(&mut self, number: Num) -> usize {
        if self.agenda.items.is_empty() && self.pending.is_empty() {
            self.agenda.start = self.i;
        }
        let digits = match &self.kinds[self.i] {
            Kind::NumberOnly { digits, .. } => digits.clone(),
            _ => number.to_string(),
        };
        self.pending.push_back((number.clone(), printed(&number, &digits), self.i));
        self.i + 1
    }

    /// A case number: the current item's, when the item has nothing else yet; or the next
    /// item's, when its heading follows right after ("00.01.00-G01-12-19" / "150. Title").
    fn case(&mut self, case: &str) -> bool {
        let case = (!case.is_empty()).then(|| case.to_owned());
        let next = (self.i + 1..self.lines.len()).find(|&j| !matches!(self.kinds[j], Kind::Blank | Kind::Furniture));
        let before_next = next.is_some_and(|j| self.starts[j].is_some());
        // Where case numbers head the items, one belongs to the next item, wherever it stands.
        if self.cases_before_headings && (before_next || self.agenda.items.last().is_none_or(|it| !it.sections.is_empty())) {
            self.early_case = case;
            return true;
        }
        if let Some(item) = self.agenda.items.last_mut() {
            // A case number after the item's KLE code is the case; the code is the file's
            // place in the plan ("13/1520" / "00.22.04G01" in either order).
            let replaces_code = item.case.as_deref().is_some_and(crate::vocab::case::is_kle_code)
                && case.as_deref().is_some_and(|c| !crate::vocab::case::is_kle_code(c));
            // A case number inside an item that has none yet is its (Region Hovedstaden prints
            // "JOURNALNUMMER" last).
            if item.case.is_none() || (item.sections.is_empty() && replaces_code) {
                item.case = case;
                return true;
            }
            if item.sections.is_empty() && case.as_deref().is_some_and(crate::vocab::case::is_kle_code) && item.case.is_some() {
                return true;
            }
        }
        if before_next {
            self.early_case = case;
            return true;
        }
        false
    }

    /// Any other line: a title for waiting numbers, or text of the current item.
    fn text(&mut self) -> usize {
        let i = self.i;
        if let Mark::CaseTitle(end) = self.marks[i] {
            if let Some(next) = self.case_title(end) {
                return next;
            }
        }
        if self.heading_for_pending() {
            return i + 1;
        }
        if let Some(item) = self.agenda.items.last_mut() {
            match item.sections.last_mut() {
                Some(s) => s.lines.push(i),
                None if !matches!(self.kinds[i], Kind::Blank) || !item.intro.is_empty() => item.intro.push(i),
                None => {}
            }
        }
        i + 1
    }

    /// The lines `self.i..=end` title the item whose case number follows them.
    fn case_title(&mut self, end: usize) -> Option<usize> {
        let i = self.i;
        if self.agenda.items.is_empty() && self.pending.is_empty() {
            // Without a number before it, a title is an item only once the agenda has begun.
            return None;
        }
        if self.pending.is_empty() && !self.titles_over_cases && self.agenda.items.last().is_some_and(|it| !it.sections.is_empty()) {
            // Where items do not print their case number under the title, lines above a
            // case number at an item's end are that item's text, not a new item's title.
            return None;
        }
        // A parent still waiting for its title takes the first line: "Godkendelse af
        // referat" / "Godkendelse af dagsorden" / case number, with no blank between.
        let mut first = i;
        if end > i
            && self.pending.len() >= 2
            && self.pending[0].0.is_parent_of(&self.pending[1].0)
            && looks_like_heading(&self.lines[i].text)
        {
            let (n, p, at) = self.pending.pop_front().expect("two pending");
            self.start_item(n, p, self.lines[i].text.to_string(), at.min(i), false);
            first += 1;
        }
        let title = join_words((first..=end).map(|j| self.lines[j].text.as_ref()));
        let (number, printed, inferred) = match self.pending.pop_front() {
            Some((n, p, _)) => (n, p, false),
            None => {
                let n = inferred_number(self.agenda.items.last());
                (n.clone(), n.to_string(), true)
            }
        };
        self.start_item(number, printed, title, first, inferred);
        Some(end + 1)
    }

    /// A heading line after a number column: a parent whose children are waiting too,
    /// or a last number with nothing but other headings after it ("4." "Udpegninger").
    fn heading_for_pending(&mut self) -> bool {
        let i = self.i;
        let Some((front, _, _)) = self.pending.front() else { return false };
        let last_number = self.pending.back().map_or(0, |(_, _, at)| *at);
        // "4." / "Høring vedr. ny takststruktur for flextrafik." / blank: a title may end in a
        // full stop when it stands right under its number, alone.
        let alone_under = last_number + 1 == i
            && self.lines[i].text.trim().chars().count() <= 90
            && self.kinds.get(i + 1).is_some_and(|k| matches!(k, Kind::Blank));
        let titled = looks_like_heading(&self.lines[i].text) || (alone_under && self.lines[i].text.trim().starts_with(char::is_uppercase));
        if !matches!(self.kinds[i], Kind::Text) || !titled {
            return false;
        }
        let parent = self.pending.get(1).is_some_and(|(next, _, _)| front.is_parent_of(next));
        // "Punkt 5", "Eventuelt", "Beslutninger": right under its number, before a part (or
        // on the very next line, before the item's text).
        // ... or "2.", "Siden sidst", then a titled case: a group heading whose first
        // child lost its number (the child's number is inferred).
        let right_under = self.pending.len() == 1
            && self.kinds[last_number + 1..i].iter().all(|k| matches!(k, Kind::Blank | Kind::Furniture))
            && (next_is_structure(self.kinds, i)
                || next_is_case_title(&self.marks, self.kinds, i)
                || (last_number + 1 == i && next_is_own_text(self.lines, self.kinds, i)));
        if parent || right_under || (self.pending.len() == 1 && nothing_but_headings_after(self.kinds, i)) {
            let (n, p, at) = self.pending.pop_front().expect("checked");
            self.start_item(n, p, self.lines[i].text.to_string(), at.min(i), false);
            return true;
        }
        false
    }

    fn start_item(&mut self, number: Num, printed: String, title: String, line: usize, inferred: bool) {
        if self.agenda.items.is_empty() {
            self.agenda.start = self.agenda.start.min(line);
        }
        let title = crate::text::restore_year_spans(&title);
        let case = self.early_case.take();
        self.agenda.items.push(ItemDraft { number, printed, title, case, line, intro: Vec::new(), sections: Vec::new(), inferred });
    }

    /// Numbers that never found a title still are items: nothing is dropped.
    fn flush_pending(&mut self) {
        while let Some((n, p, at)) = self.pending.pop_front() {
            self.start_item(n, p, String::new(), at, false);
        }
    }
}

/// Whether case numbers stand right above the headings (Faaborg, Mariagerfjord): then
/// the first item's heading has one right above it too. (A case number printed last in
/// an item also stands above the next heading, but never above the first.)
fn cases_before_headings(kinds: &[Kind], starts: &[Option<Num>]) -> bool {
    let Some(first) = starts.iter().position(Option::is_some) else { return false };
    // Within the few lines of metadata over the first heading ("SAGSNR.: 4" / "SAGSBEH.: MF"
    // / "Fraværende: ..." / "Punkt nr. 71: ...").
    (0..first)
        .rev()
        .filter(|&j| !matches!(kinds[j], Kind::Blank | Kind::Furniture))
        .take(3)
        .any(|j| matches!(&kinds[j], Kind::Case(c) if !c.is_empty()))
}

/// Whether titles stand over case numbers: most numbered items have a case number within
/// the lines under the heading, or numbers stand in a column of their own (OCR), their
/// titles with the case numbers elsewhere.
fn titles_over_cases(kinds: &[Kind], starts: &[Option<Num>]) -> bool {
    let heads: Vec<usize> = (0..kinds.len()).filter(|&i| starts[i].is_some()).collect();
    if heads.iter().any(|&i| matches!(kinds[i], Kind::NumberOnly { .. })) {
        return true;
    }
    let with_case = heads
        .iter()
        .filter(|&&i| {
            (i + 1..kinds.len())
                .filter(|&j| !matches!(kinds[j], Kind::Blank | Kind::Furniture))
                .take(3)
                .any(|j| matches!(&kinds[j], Kind::Case(c) if !c.is_empty()))
        })
        .count();
    with_case * 2 >= heads.len() && with_case > 0
}

/// The number as printed when it is the number read ("01" for 1), else as read ("2.1" for
/// a "21." whose dot OCR lost).
fn printed(number: &Num, digits: &str) -> String {
    if Num::parse(digits).as_ref() == Some(number) {
        digits.to_owned()
    } else {
        number.to_string()
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
    let last = t.rsplit(' ').next().unwrap_or("");
    t.chars().next().is_some_and(char::is_uppercase)
        && t.chars().count() <= 160
        && !t.ends_with(['.', ',', ':'])
        && !crate::vocab::FUNCTION_WORDS.contains(&last)
}

fn next_non_blank(kinds: &[Kind], i: usize) -> Option<usize> {
    (i + 1..kinds.len()).find(|&j| !matches!(kinds[j], Kind::Blank | Kind::Furniture))
}

fn nothing_but_headings_after(kinds: &[Kind], i: usize) -> bool {
    next_non_blank(kinds, i).is_none_or(|j| matches!(kinds[j], Kind::Heading { .. } | Kind::NumberOnly { .. }))
}

fn next_is_case_title(marks: &[Mark], kinds: &[Kind], i: usize) -> bool {
    next_non_blank(kinds, i).is_some_and(|j| matches!(marks[j], Mark::CaseTitle(_)))
}

/// Text after line `i` that is not the rest of a paragraph `i` begins: it starts a new
/// sentence, or a blank line stands between.
fn next_is_own_text(lines: &[Line], kinds: &[Kind], i: usize) -> bool {
    next_non_blank(kinds, i)
        .is_some_and(|j| matches!(kinds[j], Kind::Text) && (j > i + 1 || lines[j].text.trim_start().starts_with(char::is_uppercase)))
}

fn ends_sentence(t: &str) -> bool {
    t.trim_end().ends_with(['.', ':', ';', '!', '?'])
}

fn next_is_structure(kinds: &[Kind], i: usize) -> bool {
    next_non_blank(kinds, i)
        .is_none_or(|j| matches!(kinds[j], Kind::Case(_) | Kind::Section { .. } | Kind::Heading { .. } | Kind::NumberOnly { .. }))
}

/// Finds the title of each case number: the text lines right above it. If an item's
/// heading stands above them they are its wrapped continuation; otherwise they are the
/// title of an item whose number stands elsewhere (a column of numbers). A case number
/// right above an item's heading is that item's, and titles nothing.
fn mark_titles(lines: &[Line], kinds: &[Kind], starts: &[Option<Num>]) -> Vec<Mark> {
    let mut marks = vec![Mark::None; lines.len()];
    // A line printed again and again ("A. Sager til afgørelse i byrådet") is a page's or a
    // group's heading, never part of one item's title.
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for l in lines {
        *seen.entry(l.text.trim()).or_default() += 1;
    }
    let repeated = |k: usize| seen.get(lines[k].text.trim()).is_some_and(|&n| n >= 3);
    for c in 0..lines.len() {
        if !matches!(&kinds[c], Kind::Case(case) if !case.is_empty()) {
            continue;
        }
        if next_non_blank(kinds, c).is_some_and(|j| starts[j].is_some()) {
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
        // A labelled line ("Dok.nr.: 2254") is the item's metadata, never its title.
        let labelled = |k: usize| crate::text::starts_with_label(lines[k].text.trim()) || lines[k].text.trim_end().ends_with(':');
        while j > 0
            && matches!(kinds[j - 1], Kind::Text)
            && end - j < 3
            && !ends_sentence(&lines[j - 1].text)
            && !repeated(j - 1)
            && !labelled(j - 1)
        {
            j -= 1;
        }
        if j == end {
            continue;
        }
        let above = if j > 0 { Some(j - 1) } else { None };
        let heading_above = above.is_some_and(|a| starts[a].is_some() && matches!(kinds[a], Kind::Heading { .. }));
        if heading_above && blanks == 0 {
            marks[j..end].iter_mut().for_each(|m| *m = Mark::Continuation);
        } else if heading_above {
            // "### 1.1. Title", blank, case: the heading has the title already.
        } else {
            let text: Vec<&str> = (j..end).map(|k| lines[k].text.as_ref()).collect();
            let total: usize = text.iter().map(|t| t.chars().count()).sum();
            let first_ok = text[0].chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
            if first_ok && total <= 220 && !text.last().is_some_and(|t| t.ends_with(['.', ':', ','])) {
                marks[j] = Mark::CaseTitle(end - 1);
            }
        }
    }
    marks
}
