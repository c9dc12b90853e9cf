//! Text -> referat. Two passes in the manner of pulldown-cmark: first what each line is
//! (lines.rs), then the blocks (header, attendance, items and their parts), then the
//! fields inside them (names, parties, case numbers, outcomes).

pub mod attendance;
pub mod chain;
pub mod decision;
pub mod header;
pub mod items;
pub mod lines;
pub mod numbers;
pub mod trail;
pub mod votes;

use crate::findings;
use crate::model::{Attendance, Decision, Finding, Item, Meeting, Outcome, Section, SectionKind};
use crate::text::Lower;
use crate::text::{self, Line};
use crate::vocab;
use lines::Kind;

pub struct Parsed {
    pub meeting: Meeting,
    pub attendance: Attendance,
    pub items: Vec<Item>,
    pub toc: Vec<(Option<String>, String)>,
    pub findings: Vec<Finding>,
}

pub fn parse(text: &str) -> Parsed {
    let original = text::normalize_newlines(text);
    let first_lines = text::lines(&original);
    // Each repair of the text's shape rewrites it only when it applies; most texts need
    // none, and then the lines already split are the lines read.
    let mut rewritten = text::reflow::restore_breaks_in(&original, &first_lines);
    type Rewrite = fn(&str) -> Option<String>;
    let rewrites: [Rewrite; 4] =
        [text::flat::restore, text::reflow::unglue_numbers, text::reflow::unspace_letters, text::reflow::unglue_headings];
    for rewrite in rewrites {
        if let Some(t) = rewrite(rewritten.as_deref().unwrap_or(&original)) {
            rewritten = Some(t);
        }
    }
    let text: &str = rewritten.as_deref().unwrap_or(&original);
    let repair = text::ocr::Repairer::for_document(text);
    let mut lines: Vec<Line> = if rewritten.is_some() { text::lines(text) } else { first_lines };
    if repair.is_active() {
        let mut continues = false;
        for l in &mut lines {
            let t = repair.line(&l.text, continues);
            if !t.trim().is_empty() {
                continues = t.trim_end().ends_with('-');
            }
            l.text = t.into();
        }
    }
    let mut kinds: Vec<Kind> = lines.iter().map(|l| lines::classify(&l.text)).collect();
    // "... valgperioden 2018-" and on the next line "21": a wrapped title, not a number.
    for i in 1..kinds.len() {
        if matches!(kinds[i], Kind::NumberOnly { punkt: false, .. }) && !lines[i].text.ends_with('.') && lines[i - 1].text.ends_with('-') {
            kinds[i] = Kind::Text;
        }
    }
    // "JOURNALNUMMER" / "22075530": a case label over its value.
    for i in 0..kinds.len() {
        if !matches!(kinds[i], Kind::Text | Kind::Case(_)) || !vocab::case::case_label_alone(&lines[i].text) {
            continue;
        }
        let next = (i + 1..kinds.len()).find(|&j| !matches!(kinds[j], Kind::Blank));
        if let Some((j, value)) = next.and_then(|j| vocab::case::case_value(&lines[j].text).map(|v| (j, v))) {
            kinds[i] = Kind::Case(value);
            kinds[j] = Kind::Blank;
        }
    }
    recurring_capitals(&lines, &mut kinds);
    bulleted_parts(&lines, &mut kinds);
    // "Sagsnr.:" / "Sagen afgøres i:" / "Bilag:": a column of a form's labels, their values
    // below them; "Bilag:" among them is a label, not a part.
    let label_only = |t: &str| {
        let t = t.trim();
        t.ends_with(':') && crate::text::word_count(t) <= 4 && !t.contains(". ")
    };
    for i in 1..kinds.len() {
        let Kind::Section { inline, .. } = &kinds[i] else { continue };
        if inline.is_empty() && label_only(&lines[i].text) {
            let prev = (0..i).rev().find(|&j| !matches!(kinds[j], Kind::Blank));
            let next = (i + 1..kinds.len()).find(|&j| !matches!(kinds[j], Kind::Blank));
            let beside = |j: Option<usize>| j.is_some_and(|j| label_only(&lines[j].text) && !matches!(kinds[j], Kind::Section { .. }));
            if beside(prev) || beside(next) {
                kinds[i] = Kind::Text;
            }
        }
    }
    // "Økonomiudvalget 22-09-2020" heads a decision only when a decision follows; in a list
    // of the dates a case goes through ("Beslutningsproces") it is text.
    for i in 0..kinds.len() {
        let Kind::Section { kind: SectionKind::Beslutning, heading, .. } = &kinds[i] else { continue };
        if lines::body_and_date(heading) {
            // (Who was away at that meeting may stand between: "Fraværende:".)
            let next = (i + 1..kinds.len()).find(|&j| !matches!(kinds[j], Kind::Blank | Kind::Furniture | Kind::Roll(_)));
            // Text follows, or a numbered verdict ("1. Anbefales.").
            let decides = next.is_some_and(|j| {
                let t = lines[j].text.trim();
                !lines::body_and_date(t) && (matches!(kinds[j], Kind::Text) || matches!(kinds[j], Kind::Heading { .. } if t.ends_with('.')))
            });
            if !decides {
                kinds[i] = Kind::Text;
            }
        }
    }
    running_headers(&lines, &mut kinds);
    let agenda = items::parse(&lines, &kinds);
    let head = agenda.start.min(lines.len());
    let mut meeting = header::parse(&lines[..head], text);
    // Without a date or a body in the header, the decision headings name them ("Beslutning
    // i Kommunalbestyrelsen den 14-03-2018").
    if meeting.date.is_none() || meeting.body.is_none() {
        let headings: Vec<&str> = agenda
            .items
            .iter()
            .flat_map(|d| &d.sections)
            .filter(|s| s.kind == SectionKind::Beslutning)
            .map(|s| s.heading.as_str())
            .collect();
        let (date, body) = header::from_decision_headings(&headings, text);
        meeting.date = meeting.date.or(date);
        meeting.body = meeting.body.or(body);
    }

    let mut findings: Vec<Finding> = Vec::new();
    if agenda.items.is_empty() {
        findings.push(findings::no_items());
    }
    let body = meeting.body.as_deref().map(|b| b.rsplit(", ").next().unwrap_or(b));
    // A document whose items have no part headings at all records each item's decision as
    // the item's own text ("1. Godkendelse af dagsorden" / "Godkendt.").
    let unheaded = !agenda.items.is_empty() && agenda.items.iter().all(|d| d.sections.is_empty());
    let mut items: Vec<Item> = agenda
        .items
        .iter()
        .map(|d| {
            let intro = if d.intro.iter().any(|&i| !lines[i].text.trim().is_empty()) {
                repair.text(&items::join_indexed(&lines, &d.intro))
            } else {
                String::new()
            };
            // Again after joining: words split over two lines are whole only now.
            let sections: Vec<Section> = d
                .sections
                .iter()
                .map(|s| Section { kind: s.kind, heading: s.heading.clone(), text: repair.text(&s.text(&lines)) })
                .collect();
            let own = this_meetings_decision(&sections, &meeting);
            let trail = trail::steps(&sections, own, meeting.date.as_deref());
            let decision = match own {
                Some(s) => Some(decided(&s.text, body)),
                // Closed items print their decision with no heading, right under the title.
                None if !intro.is_empty()
                    && (unheaded || decision::outcome(&intro, body) != Outcome::Other || decision::is_bare_verdict(&intro)) =>
                {
                    Some(decided(&intro, body))
                }
                None => None,
            };
            if d.inferred {
                findings.push(findings::number_inferred(&d.printed).at_line(Some(d.line + 1)));
            }
            Item {
                number: d.printed.clone(),
                level: d.number.level(),
                title: d.title.clone(),
                case: d.case.clone(),
                intro,
                sections,
                decision,
                trail,
                absent: Vec::new(),
                line: Some(d.line + 1),
            }
        })
        .collect();
    let attendance = attendance_of(&lines[..head], &kinds[..head], &mut items, &mut findings);
    Parsed { meeting, attendance, items, toc: agenda.toc.into_iter().map(|(n, t)| (n.map(|n| n.to_string()), t)).collect(), findings }
}

/// A decision's text, its outcome, and the votes and statements it prints.
fn decided(text: &str, body: Option<&str>) -> Decision {
    Decision {
        text: text.to_owned(),
        outcome: decision::outcome(text, body),
        votes: votes::votes(text),
        statements: votes::statements(text),
    }
}

/// The decision of this meeting among the item's decision parts: where earlier committees'
/// decisions are printed too, the one whose heading names this meeting's date or body, or
/// else an unqualified "Beslutning"; failing those, the last.
fn this_meetings_decision<'s>(sections: &'s [Section], meeting: &Meeting) -> Option<&'s Section> {
    let decisions: Vec<&Section> = sections.iter().filter(|s| s.kind == SectionKind::Beslutning).collect();
    if decisions.len() <= 1 {
        return decisions.first().copied();
    }
    let names_date = |s: &Section| meeting.date.is_some() && header::date(&s.heading) == meeting.date;
    // (An earlier meeting of the same body names the body too, with another date.)
    let other_date = |s: &Section| header::date(&s.heading).is_some_and(|d| meeting.date.as_ref().is_some_and(|m| *m != d));
    let names_body = |s: &Section| {
        !other_date(s)
            && meeting.body.as_deref().is_some_and(|b| {
                let short = b.rsplit(", ").next().unwrap_or(b).lower();
                let stem = short.trim_end_matches("et").trim_end_matches("en");
                s.heading.lower().contains(stem)
            })
    };
    let plain = |s: &Section| crate::vocab::section_kind(&s.heading).is_some();
    decisions
        .iter()
        .rev()
        .find(|s| names_date(s))
        .or_else(|| decisions.iter().rev().find(|s| names_body(s)))
        .or_else(|| decisions.iter().rev().find(|s| plain(s)))
        .or(decisions.last())
        .copied()
}

/// Where the page marks its part headings with a bullet ("• Beslutning"), a heading word
/// without one is the author's sub-heading inside a part ("Inddragelse og høring").
fn bulleted_parts(lines: &[Line], kinds: &mut [Kind]) {
    let bulleted = |t: &str| t.trim_start().starts_with(['•', '·', '▪', '●', '◦']);
    let standard: Vec<bool> = lines
        .iter()
        .zip(kinds.iter())
        .filter(|(_, k)| matches!(k, Kind::Section { kind, .. } if *kind != SectionKind::Other))
        .map(|(l, _)| bulleted(&l.text))
        .collect();
    if standard.len() < 3 || standard.iter().filter(|b| **b).count() * 10 < standard.len() * 9 {
        return;
    }
    for (l, k) in lines.iter().zip(kinds.iter_mut()) {
        if matches!(k, Kind::Section { kind: SectionKind::Other, .. }) && !bulleted(&l.text) {
            *k = Kind::Text;
        }
    }
}

/// "Møde i Økonomiudvalget den 9. september 2013" at the top of every page: a running
/// header, even where it reads like a decision heading. A decision heading that recurs
/// three times or more, right under a page mark, is the page's.
fn running_headers(lines: &[Line], kinds: &mut [Kind]) {
    let under_page_mark =
        |i: usize| (0..i).rev().find(|&j| !matches!(kinds[j], Kind::Blank)).is_some_and(|j| matches!(kinds[j], Kind::Furniture));
    // Only a heading naming a body and a date: a part's own word ("Sagsfremstilling") at a
    // page's top is the part going on.
    let dated =
        |k: &Kind| matches!(k, Kind::Section { kind: SectionKind::Beslutning, heading, .. } if heading.bytes().any(|b| b.is_ascii_digit()));
    let tops: Vec<usize> = (0..kinds.len()).filter(|&i| !matches!(kinds[i], Kind::Blank) && under_page_mark(i)).collect();
    for &i in &tops {
        let t = lines[i].text.trim();
        if dated(&kinds[i]) && tops.iter().filter(|&&j| lines[j].text.trim() == t).count() >= 3 {
            kinds[i] = Kind::Furniture;
        }
    }
}

/// A short line in capitals that stands alone in several places ("EFFEKT", "ØKONOMI OG
/// PERSONALE") is a part heading of the minute system's own, whatever its words.
fn recurring_capitals(lines: &[Line], kinds: &mut [Kind]) {
    let is_caps = |t: &str| {
        let t = t.trim().trim_end_matches(':');
        (3..=40).contains(&t.chars().count())
            && crate::text::word_count(t) <= 4
            && t.chars().filter(|c| c.is_alphabetic()).count() >= 5
            && t.chars().all(|c| c.is_uppercase() || c == ' ' || c == '-' || c == '/' || c == '&')
    };
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (l, k) in lines.iter().zip(kinds.iter()) {
        // "ØKONOMIUDVALGET" over each page names the committee, no part.
        // "MØDEDATO:" is a label, no part.
        if matches!(k, Kind::Text)
            && is_caps(&l.text)
            && !l.text.trim_end().ends_with(':')
            && !l.text.split_whitespace().any(crate::vocab::is_body_word)
        {
            *counts.entry(l.text.trim()).or_default() += 1;
        }
    }
    for (l, k) in lines.iter().zip(kinds.iter_mut()) {
        if matches!(k, Kind::Text) && counts.get(l.text.trim()).is_some_and(|&n| n >= 2) {
            *k = Kind::Section { kind: SectionKind::Other, heading: l.text.trim().trim_end_matches(':').to_owned(), inline: String::new() };
        }
    }
}

/// Attendance from the lists before the first item, the items about attendance, and what
/// each decision of this meeting says; each item keeps the names absent for it.
fn attendance_of(head: &[Line], head_kinds: &[Kind], items: &mut [Item], findings: &mut Vec<Finding>) -> Attendance {
    const ABOUT: &[&str] = &["fravær", "afbud", "forfald", "deltager", "tilstedeværelse", "stedfortræder", "suppleant", "fremmøde"];
    let whole =
        |it: &Item| std::iter::once(it.intro.as_str()).chain(it.sections.iter().map(|s| s.text.as_str())).collect::<Vec<_>>().join("\n");
    let about: Vec<String> = items.iter().filter(|it| ABOUT.iter().any(|w| it.title.lower().contains(w))).map(whole).collect();
    // The first item's own text and this meeting's decision, not earlier committees'.
    let opening = items.first().map(|it| {
        let own = it.sections.iter().filter(|s| s.kind != SectionKind::Beslutning).map(|s| s.text.as_str());
        std::iter::once(it.intro.as_str()).chain(own).chain(it.decision.as_ref().map(|d| d.text.as_str())).collect::<Vec<_>>().join("\n")
    });
    // A decision and the attendance part right after it ("Beslutning" ... "Fraværende").
    let decisions: Vec<Option<String>> = items
        .iter()
        .map(|it| {
            let d = it.decision.as_ref()?;
            let at = it.sections.iter().position(|s| s.kind == SectionKind::Beslutning && s.text == d.text);
            let after = at.map_or(&[][..], |k| &it.sections[k + 1..]);
            let roll: Vec<&str> = after.iter().take_while(|s| crate::vocab::roll(&s.heading).is_some()).map(|s| s.text.as_str()).collect();
            Some(if roll.is_empty() { d.text.clone() } else { format!("{}\nFraværende: {}", d.text, roll.join(", ")) })
        })
        .collect();
    let gathered = attendance::gather(
        head,
        head_kinds,
        &attendance::ItemAttendance {
            decisions: decisions.iter().map(|d| d.as_deref()).collect(),
            about_attendance: about.iter().map(String::as_str).collect(),
            opening: opening.as_deref(),
            numbers: items.iter().map(|it| it.number.as_str()).collect(),
        },
    );
    for (it, absent) in items.iter_mut().zip(gathered.item_absent) {
        it.absent = absent;
    }
    findings.extend(gathered.findings);
    gathered.attendance
}
