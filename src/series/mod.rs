//! Several referater of one body over time: the meetings they record and each member's
//! attendance across them (`referat-history/1` of SCHEMA.md). Core code without web
//! dependencies: the command line's `--history` and the page's "Møder" and "Fremmøde over
//! tid" use it.

pub mod search;
use std::collections::HashMap;

use serde::Serialize;

use crate::model::{Analysis, Person};
use crate::names;
use crate::text::Lower;

pub const SCHEMA: &str = "referat-history/1";

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct History {
    pub schema: String,
    /// By date; a meeting without a date last, in the order given.
    pub meetings: Vec<Meeting>,
    /// In the order they first appear (meeting by meeting, present before absent).
    pub members: Vec<Member>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Meeting {
    /// The first file that records the meeting.
    pub file: String,
    /// Every file that records it: a referat and its PDF are one meeting.
    pub files: Vec<String>,
    pub body: Option<String>,
    pub date: Option<String>,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Present,
    Absent,
    /// Present, sitting in for a member (`substitute_for` in the referat).
    Substitute,
    NotListed,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Member {
    pub name: String,
    pub party: Option<String>,
    pub municipality: Option<String>,
    /// One per meeting, in the order of `meetings`.
    pub attendance: Vec<Status>,
    pub present: usize,
    pub absent: usize,
    /// present / (present + absent); `None` when never listed either way.
    pub rate: Option<f64>,
}

/// The history of the analyses, each known by its file's name (`source.name`).
pub fn history<A: std::borrow::Borrow<Analysis>>(analyses: &[A]) -> History {
    history_of(analyses.iter().map(|a| a.borrow())).0
}

/// The history, and for each of its meetings the analysis standing for it (the first of
/// its files): the page opens a meeting and lists its decisions from it.
pub fn history_of<'a>(analyses: impl Iterator<Item = &'a Analysis>) -> (History, Vec<&'a Analysis>) {
    // One meeting per body, date and agenda: twins (the same referat as text and as PDF)
    // merge, the first analysis standing for them.
    let mut meetings: Vec<(Meeting, &Analysis)> = Vec::new();
    for a in analyses {
        let file = &a.source.name;
        let twin = meetings.iter_mut().find(|(m, b)| a.meeting.date.is_some() && m.date == a.meeting.date && same_meeting(a, b));
        match twin {
            Some((m, _)) => m.files.push(file.clone()),
            None => meetings.push((
                Meeting { file: file.clone(), files: vec![file.clone()], body: a.meeting.body.clone(), date: a.meeting.date.clone() },
                a,
            )),
        }
    }
    // ISO dates sort as text; a stable sort keeps the given order among equals.
    meetings.sort_by(|(x, _), (y, _)| match (&x.date, &y.date) {
        (Some(a), Some(b)) => a.cmp(b),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    let n = meetings.len();
    let mut members: Vec<Member> = Vec::new();
    let mut index: HashMap<names::Identity, usize> = HashMap::new();
    // Each member's first identity, for the names no index holds.
    let mut identities: Vec<names::Identity> = Vec::new();
    for (k, (_, a)) in meetings.iter().enumerate() {
        let listed =
            a.attendance.present.iter().map(|p| (p, if p.substitute_for.is_some() { Status::Substitute } else { Status::Present }));
        let listed = listed.chain(a.attendance.absent.iter().map(|p| (p, Status::Absent)));
        for (person, status) in listed {
            let id = names::identity(&person.name);
            // A name first seen here: a member already known under a spelling OCR damaged
            // (or repaired), when that member is not also listed in this meeting (then they
            // are two people).
            let at = match index.get(&id) {
                Some(&at) => at,
                None => {
                    let known = identities
                        .iter()
                        .position(|other| names::same_despite_ocr(other, &id))
                        .filter(|&at| members[at].attendance[k] == Status::NotListed);
                    let at = known.unwrap_or_else(|| {
                        members.push(Member {
                            name: person.name.clone(),
                            party: None,
                            municipality: None,
                            attendance: vec![Status::NotListed; n],
                            present: 0,
                            absent: 0,
                            rate: None,
                        });
                        identities.push(id.clone());
                        members.len() - 1
                    });
                    index.insert(id, at);
                    at
                }
            };
            let m = &mut members[at];
            fill(m, person);
            // Present and absent in one meeting (there for some items): present.
            if m.attendance[k] == Status::NotListed || matches!(status, Status::Present | Status::Substitute) {
                m.attendance[k] = status;
            }
        }
    }
    for m in &mut members {
        m.present = m.attendance.iter().filter(|s| matches!(s, Status::Present | Status::Substitute)).count();
        m.absent = m.attendance.iter().filter(|s| **s == Status::Absent).count();
        let listed = m.present + m.absent;
        m.rate = (listed > 0).then(|| m.present as f64 / listed as f64);
    }
    let standing = meetings.iter().map(|(_, a)| *a).collect();
    (History { schema: SCHEMA.to_owned(), meetings: meetings.into_iter().map(|(m, _)| m).collect(), members }, standing)
}

/// The fullest name seen ("Anne Marie Holm" over "Anne Holm"), and party and municipality
/// wherever one meeting gives them.
fn fill(m: &mut Member, p: &Person) {
    // Of two spellings of one name, the one with æ, ø and å: OCR loses them, never adds them.
    let danish = |name: &str| name.chars().filter(|c| "æøåÆØÅ".contains(*c)).count();
    let words = |name: &str| crate::text::word_count(name);
    if (words(&p.name), danish(&p.name)) > (words(&m.name), danish(&m.name)) {
        m.name = p.name.clone();
    }
    if m.party.is_none() {
        m.party = p.party.clone();
    }
    if m.municipality.is_none() {
        m.municipality = p.municipality.clone();
    }
}

/// The same body and the same agenda: one meeting read from two files.
fn same_meeting(a: &Analysis, b: &Analysis) -> bool {
    let body = |x: &Analysis| x.meeting.body.as_deref().map(|b| names::normalized(&b.lower()));
    let numbers = |x: &Analysis| x.items.iter().map(|i| i.number.clone()).collect::<Vec<_>>();
    body(a) == body(b) && numbers(a) == numbers(b)
}
