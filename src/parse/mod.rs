//! Text -> referat. Two passes in the manner of pulldown-cmark: first what each line is
//! (lines.rs), then the blocks (header, attendance, items and their parts), then the
//! fields inside them (names, parties, case numbers, outcomes).

pub mod absence;
pub mod attendance;
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
    let body = meeting.body.as_deref();
    let items: Vec<Item> = agenda
        .items
        .iter()
        .map(|d| {
            let mut sections: Vec<Section> = Vec::new();
            if d.intro.iter().any(|&i| !lines[i].text.is_empty()) {
                let intro = repair.text(&items::join_indexed(&lines, &d.intro));
                // Closed items print their decision with no heading, right under the title.
                let decides =
                    !d.sections.iter().any(|s| s.kind == SectionKind::Beslutning) && decision::outcome(&intro, body) != Outcome::Other;
                let kind = if decides { SectionKind::Beslutning } else { SectionKind::Other };
                sections.push(Section { kind, heading: String::new(), text: intro });
            }
            // Again after joining: words split over two lines are whole only now.
            sections.extend(d.sections.iter().map(|s| Section {
                kind: s.kind,
                heading: s.heading.clone(),
                text: repair.text(&s.text(&lines)),
            }));
            let decision = sections
                .iter()
                .find(|s| s.kind == SectionKind::Beslutning)
                .map(|s| Decision { outcome: decision::outcome(&s.text, body), text: s.text.clone() });
            // Absence is stated in the decision (or under it), never in the case's history.
            let absent = sections
                .iter()
                .filter(|s| s.kind == SectionKind::Beslutning || s.heading.is_empty())
                .flat_map(|s| absence::names_in(&s.text))
                .fold(Vec::new(), |mut acc: Vec<String>, n| {
                    if !acc.contains(&n) {
                        acc.push(n);
                    }
                    acc
                });
            if d.inferred {
                findings.push(findings::number_inferred(&d.number.to_string()).at_line(Some(d.line + 1)));
            }
            Item {
                number: d.number.to_string(),
                level: d.number.level(),
                title: d.title.clone(),
                case: d.case.clone(),
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
