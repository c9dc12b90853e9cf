//! Text -> referat. Two passes in the manner of pulldown-cmark: first what each line is
//! (lines.rs), then the blocks (header, attendance, items and their parts), then the
//! fields inside them (names, parties, case numbers, outcomes).

pub mod absence;
pub mod attendance;
pub mod chain;
pub mod decision;
pub mod header;
pub mod items;
pub mod lines;
pub mod numbers;

use crate::findings;
use crate::model::{Attendance, Decision, Finding, Item, Meeting, Outcome, Section, SectionKind};
use crate::text::{self, Line};
use lines::Kind;

pub struct Parsed {
    pub meeting: Meeting,
    pub attendance: Attendance,
    pub items: Vec<Item>,
    pub toc: Vec<(Option<String>, String)>,
    pub findings: Vec<Finding>,
}

pub fn parse(text: &str) -> Parsed {
    let text = text::normalize_newlines(text);
    let text = text::reflow::restore_breaks(&text).unwrap_or(text);
    let repair = text::ocr::Repairer::for_document(&text);
    let mut lines: Vec<Line> = text::lines(&text);
    if repair.is_active() {
        let mut continues = false;
        for l in &mut lines {
            let t = repair.line(&l.text, continues);
            if !t.trim().is_empty() {
                continues = t.trim_end().ends_with('-');
            }
            l.text = t;
        }
    }
    let mut kinds: Vec<Kind> = lines.iter().map(|l| lines::classify(&l.text)).collect();
    // "... valgperioden 2018-" and on the next line "21": a wrapped title, not a number.
    for i in 1..kinds.len() {
        if matches!(kinds[i], Kind::NumberOnly { punkt: false, .. }) && !lines[i].text.ends_with('.') && lines[i - 1].text.ends_with('-') {
            kinds[i] = Kind::Text;
        }
    }
    let agenda = items::parse(&lines, &kinds);
    let head = agenda.start.min(lines.len());
    let meeting = header::parse(&lines[..head], &text);
    let (attendance, saw_present): (Attendance, bool) = attendance::parse(&lines[..head], &kinds[..head]);

    let mut findings = Vec::new();
    if !saw_present && !attendance.absent.is_empty() {
        findings.push(findings::no_present_list());
    }
    if agenda.items.is_empty() {
        findings.push(findings::no_items());
    }
    let body = meeting.body.as_deref().map(|b| b.rsplit(", ").next().unwrap_or(b));
    // A document whose items have no part headings at all records each item's decision as
    // the item's own text ("1. Godkendelse af dagsorden" / "Godkendt.").
    let unheaded = !agenda.items.is_empty() && agenda.items.iter().all(|d| d.sections.is_empty());
    let items: Vec<Item> = agenda
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
            let decision = match this_meetings_decision(&sections, &meeting) {
                Some(s) => Some(Decision { outcome: decision::outcome(&s.text, body), text: s.text.clone() }),
                // Closed items print their decision with no heading, right under the title.
                None if !intro.is_empty() && (unheaded || decision::outcome(&intro, body) != Outcome::Other) => {
                    Some(Decision { outcome: decision::outcome(&intro, body), text: intro.clone() })
                }
                None => None,
            };
            // Absence is stated in the decision (or under it), never in the case's history.
            let absent = sections
                .iter()
                .filter(|s| s.kind == SectionKind::Beslutning)
                .map(|s| s.text.as_str())
                .chain(decision.as_ref().map(|d| d.text.as_str()))
                .flat_map(absence::names_in)
                .fold(Vec::new(), |mut acc: Vec<String>, n| {
                    if !acc.contains(&n) {
                        acc.push(n);
                    }
                    acc
                });
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
                absent,
                line: Some(d.line + 1),
            }
        })
        .collect();
    let attendance = reconcile(attendance, &items, &mut findings);
    Parsed { meeting, attendance, items, toc: agenda.toc.into_iter().map(|(n, t)| (n.map(|n| n.to_string()), t)).collect(), findings }
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
    let names_body = |s: &Section| {
        meeting.body.as_deref().is_some_and(|b| {
            let short = b.rsplit(", ").next().unwrap_or(b).to_lowercase();
            let stem = short.trim_end_matches("et").trim_end_matches("en");
            s.heading.to_lowercase().contains(stem)
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

/// A member listed as present but said to be absent on every item that was decided was
/// absent from the meeting (Greve's lists flag nobody, its decisions name the absent).
fn reconcile(mut a: Attendance, items: &[Item], findings: &mut Vec<Finding>) -> Attendance {
    let decided: Vec<&Item> = items.iter().filter(|i| i.decision.is_some()).collect();
    if decided.len() < 2 {
        return a;
    }
    let (away, here): (Vec<_>, Vec<_>) = a.present.into_iter().partition(|p| decided.iter().all(|i| i.absent.iter().any(|n| n == &p.name)));
    for p in &away {
        findings.push(findings::absent_from_items(&p.name));
    }
    a.present = here;
    a.absent.extend(away);
    a.stats = attendance::stats(&a.present, &a.absent);
    a
}
