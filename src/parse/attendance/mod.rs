//! Who attended, wherever the referat writes it. A catalogue of written forms, one file a
//! form: `lists.rs` (headed lists before the first item: one person a line, comma lists,
//! labels with their people), `prose.rs` (sentences: "Der er afbud fra …", "X var
//! fraværende", "Y var indkaldt som stedfortræder for X", "X ankom kl. …"), `person.rs`
//! (one person: name, party, municipality, role). This file puts them together:
//! - the members or attendees listed, minus those recorded absent (a list of members often
//!   includes the absent ones);
//! - absence recorded before the first item, in an item about attendance ("1. Fraværende"),
//!   in the first item's decision, or in every decision of the meeting;
//! - substitutes who sat in, and (only where no list is given) those recorded as arriving,
//!   leaving or missing single items, are present.

pub mod lists;
pub mod person;
pub mod prose;
pub mod ranges;

use std::collections::HashMap;

use self::prose::Statement;
use super::lines::Kind;
use crate::findings;
use crate::model::{Attendance, Finding, MunicipalityCount, PartyCount, Person, Stats};
use crate::names::{person_key, same_person};
use crate::text::Line;
use crate::vocab::Roll;

/// What the items say about attendance: per item, the statements of this meeting's
/// decision; and the text of items about attendance itself (the first item, "Fraværende").
pub struct ItemAttendance<'t> {
    pub decisions: Vec<Option<&'t str>>,
    /// Items whose title is about attendance ("Fraværende og bemærkninger til dagsordenen").
    pub about_attendance: Vec<&'t str>,
    /// The first item's text: absence noted there is the meeting's, unless the same names
    /// come and go in later decisions (a per-item stamp).
    pub opening: Option<&'t str>,
    /// The items' printed numbers, as `decisions`.
    pub numbers: Vec<&'t str>,
}

pub struct Gathered {
    pub attendance: Attendance,
    /// Per item (as `ItemAttendance::decisions`): names absent for that item.
    pub item_absent: Vec<Vec<String>>,
    pub findings: Vec<Finding>,
}

pub fn gather(head: &[Line], head_kinds: &[Kind], items: &ItemAttendance) -> Gathered {
    let rosters = lists::rosters(head, head_kinds);
    let head_text: String = head.iter().map(|l| l.text.as_ref()).collect::<Vec<_>>().join("\n");
    let mut meeting_statements = prose::statements(&head_text);
    for t in &items.about_attendance {
        meeting_statements.extend(prose::statements(t));
    }
    let per_item: Vec<Vec<Statement>> = items.decisions.iter().map(|d| d.map(prose::statements).unwrap_or_default()).collect();

    let listed = |roll: Roll| -> Vec<&person::Listed> { rosters.iter().filter(|r| r.roll == roll).flat_map(|r| &r.people).collect() };
    let members: Vec<&person::Listed> = listed(Roll::Members);
    let mut attendees: Vec<&person::Listed> = listed(Roll::Present);
    // A "Deltagere" list beside a list of members that shares nobody with it lists the
    // staff, not the members.
    if !members.is_empty() && !attendees.iter().any(|a| members.iter().any(|m| same_person(&a.person.name, &m.person.name))) {
        attendees.clear();
    }
    let from_lists = !attendees.is_empty() || !members.is_empty();
    let base: Vec<&person::Listed> = if attendees.is_empty() { members.clone() } else { attendees.clone() };

    let mut absent = People::default();
    for l in listed(Roll::Absent) {
        absent.add(&l.person);
    }
    for l in base.iter().filter(|l| l.mark == person::Mark::Absent) {
        absent.add(&l.person);
    }
    let mut present = People::default();
    let mut partial = People::default();
    let mut findings = Vec::new();
    read_statements(&meeting_statements, &mut absent, &mut present, &mut partial);
    let opening = items.opening.map(prose::statements).unwrap_or_default();

    // Absent on every item decided: absent from the meeting; on some: there for the rest.
    let mut item_absent: Vec<Vec<String>> = per_item
        .iter()
        .map(|st| {
            let mut names = People::default();
            for s in st {
                if let Statement::Absent { people, .. } = s {
                    people.iter().for_each(|p| names.add(p));
                }
            }
            names.0.into_iter().map(|p| p.name).collect()
        })
        .collect();
    // "Fraværende: X, sag 57-66": absent from the items the range covers.
    for t in std::iter::once(head_text.as_str()).chain(items.about_attendance.iter().copied()) {
        for sentence in crate::text::sentences(t) {
            let covered = ranges::items_named(sentence);
            if covered.is_empty() {
                continue;
            }
            for s in prose::statements(sentence) {
                let Statement::Absent { people, .. } = s else { continue };
                for (i, n) in items.numbers.iter().enumerate() {
                    let top = n.split('.').next().unwrap_or(n);
                    if top.parse::<u32>().is_ok_and(|n| covered.contains(&n)) && i < item_absent.len() {
                        for p in &people {
                            if !item_absent[i].iter().any(|x| same_person(x, &p.name)) {
                                item_absent[i].push(p.name.clone());
                            }
                        }
                    }
                }
            }
        }
    }
    let decided: Vec<usize> = (0..items.decisions.len()).filter(|&i| items.decisions[i].is_some()).collect();
    let stamped = |name: &str| {
        let n = decided.iter().filter(|&&i| item_absent[i].iter().any(|x| same_person(x, name))).count();
        n >= 2 && n < decided.len()
    };
    for s in &opening {
        match s {
            // "havde meldt afbud" is the meeting's; a bare "Fraværende:" may be a stamp.
            Statement::Absent { people, partial: false, apologies } => {
                people.iter().for_each(|p| if stamped(&p.name) && !apologies { partial.add(p) } else { absent.add(p) });
            }
            other => read_statements(std::slice::from_ref(other), &mut absent, &mut present, &mut partial),
        }
    }
    for st in &per_item {
        for s in st {
            match s {
                Statement::Absent { people, .. } => {
                    for p in people {
                        let everywhere =
                            decided.len() >= 2 && decided.iter().all(|&i| item_absent[i].iter().any(|n| same_person(n, &p.name)));
                        if everywhere {
                            absent.add(p);
                        } else {
                            partial.add(p);
                        }
                    }
                }
                Statement::Substitute { person, for_whom } => present.add(&sitting_in(person, for_whom)),
                Statement::Attended { person } => partial.add(person),
            }
        }
    }

    // The list, less those absent; then substitutes; then, without a list, those who were
    // there for part of the meeting.
    let mut out = People::default();
    for l in &base {
        if l.mark == person::Mark::Staff {
            continue;
        }
        if absent.has(&l.person.name) {
            if attendees.iter().any(|a| std::ptr::eq(*a, *l))
                && listed(Roll::Absent).iter().any(|a| same_person(&a.person.name, &l.person.name))
            {
                findings.push(findings::present_and_absent(&l.person.name));
            }
            continue;
        }
        out.add(&l.person);
    }
    for p in present.0.iter().filter(|p| !absent.has(&p.name)) {
        out.add(p);
    }
    if !from_lists {
        for p in partial.0.iter().filter(|p| !absent.has(&p.name)) {
            out.add(p);
        }
    }
    // A letter printed for a person in one list holds for them in another.
    // (The first letter printed for each first and last name, looked up, not searched for.)
    let mut letters: HashMap<(String, String), String> = HashMap::new();
    let everyone = rosters.iter().flat_map(|r| r.people.iter().map(|l| &l.person)).chain(&absent.0).chain(&out.0);
    for q in everyone {
        if let (Some(party), Some(key)) = (&q.party, person_key(&q.name)) {
            letters.entry(key).or_insert_with(|| party.clone());
        }
    }
    for p in out.0.iter_mut().chain(absent.0.iter_mut()) {
        if p.party.is_none() {
            p.party = person_key(&p.name).and_then(|k| letters.get(&k).cloned());
        }
    }
    if !from_lists && out.0.is_empty() && !absent.0.is_empty() {
        findings.push(findings::no_present_list());
    }
    if out.0.is_empty() && absent.0.is_empty() {
        findings.push(findings::no_attendance());
    }
    let stats = stats(&out.0, &absent.0);
    Gathered { attendance: Attendance { present: out.0, absent: absent.0, stats }, item_absent, findings }
}

fn read_statements(statements: &[Statement], absent: &mut People, present: &mut People, partial: &mut People) {
    for s in statements {
        match s {
            Statement::Absent { people, partial: false, .. } => people.iter().for_each(|p| absent.add(p)),
            Statement::Absent { people, partial: true, .. } => people.iter().for_each(|p| partial.add(p)),
            Statement::Substitute { person, for_whom } => present.add(&sitting_in(person, for_whom)),
            Statement::Attended { person } => partial.add(person),
        }
    }
}

/// A substitute with the member they sat in for.
fn sitting_in(person: &Person, for_whom: &Option<Person>) -> Person {
    Person { substitute_for: person.substitute_for.clone().or_else(|| for_whom.as_ref().map(|m| m.name.clone())), ..person.clone() }
}

/// People without repeats: the same person named twice (with or without a party, with or
/// without a middle name) is one.
/// Found by first and last name (`same_person`'s rule), so a list of 100,000 is read in
/// one pass, not compared with everyone before it.
#[derive(Default)]
struct People(Vec<Person>, HashMap<(String, String), usize>);

impl People {
    fn has(&self, name: &str) -> bool {
        person_key(name).is_some_and(|k| self.1.contains_key(&k))
    }

    fn add(&mut self, p: &Person) {
        let key = person_key(&p.name);
        match key.as_ref().and_then(|k| self.1.get(k)).map(|&i| &mut self.0[i]) {
            Some(q) => {
                if q.party.is_none() {
                    q.party = p.party.clone();
                }
                if q.municipality.is_none() {
                    q.municipality = p.municipality.clone();
                }
                if q.role.is_none() {
                    q.role = p.role.clone();
                }
                if q.substitute_for.is_none() {
                    q.substitute_for = p.substitute_for.clone();
                }
            }
            None => {
                if let Some(k) = key {
                    self.1.insert(k, self.0.len());
                }
                self.0.push(p.clone());
            }
        }
    }
}

pub fn stats(present: &[Person], absent: &[Person]) -> Stats {
    let mut by_party: Vec<PartyCount> = Vec::new();
    let mut by_municipality: Vec<MunicipalityCount> = Vec::new();
    for (people, is_present) in [(present, true), (absent, false)] {
        for p in people {
            let party = p.party.clone().unwrap_or_else(|| "?".into());
            let i = by_party.iter().position(|c| c.party == party).unwrap_or_else(|| {
                by_party.push(PartyCount { party, present: 0, absent: 0 });
                by_party.len() - 1
            });
            let m = p.municipality.clone().unwrap_or_else(|| "?".into());
            let j = by_municipality.iter().position(|c| c.municipality == m).unwrap_or_else(|| {
                by_municipality.push(MunicipalityCount { municipality: m, present: 0, absent: 0 });
                by_municipality.len() - 1
            });
            if is_present {
                by_party[i].present += 1;
                by_municipality[j].present += 1;
            } else {
                by_party[i].absent += 1;
                by_municipality[j].absent += 1;
            }
        }
    }
    by_party.sort_by(|a, b| (b.present + b.absent).cmp(&(a.present + a.absent)).then(a.party.cmp(&b.party)));
    by_municipality.sort_by(|a, b| (b.present + b.absent).cmp(&(a.present + a.absent)).then(a.municipality.cmp(&b.municipality)));
    let total = present.len() + absent.len();
    Stats {
        present: present.len(),
        absent: absent.len(),
        rate: (total > 0).then(|| (present.len() as f64 / total as f64 * 1000.0).round() / 1000.0),
        by_party,
        by_municipality,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gathered(text: &str) -> (Vec<String>, Vec<String>) {
        let lines = crate::text::lines(text);
        let kinds: Vec<Kind> = lines.iter().map(|l| super::super::lines::classify(&l.text)).collect();
        let g = gather(
            &lines,
            &kinds,
            &ItemAttendance { decisions: Vec::new(), about_attendance: Vec::new(), opening: None, numbers: Vec::new() },
        );
        (g.attendance.present.into_iter().map(|p| p.name).collect(), g.attendance.absent.into_iter().map(|p| p.name).collect())
    }

    #[test]
    fn members_less_the_absent() {
        let (present, absent) = gathered("Deltagere:\nJens Holm, Marianne Bøgh, Svend Bro\nAfbud:\nSvend Bro\n");
        assert_eq!(present, ["Jens Holm", "Marianne Bøgh"]);
        assert_eq!(absent, ["Svend Bro"]);
    }

    #[test]
    fn a_place_on_the_next_line() {
        let text = "Deltagere\nBrian Nielsen (D),\nThisted Kommune\nUlla Vestergaard (A) Thisted Kommune\n";
        let lines = crate::text::lines(text);
        let kinds: Vec<_> = lines.iter().map(|l| super::super::lines::classify(&l.text)).collect();
        let g = gather(
            &lines,
            &kinds,
            &ItemAttendance { decisions: Vec::new(), about_attendance: Vec::new(), opening: None, numbers: Vec::new() },
        );
        let got: Vec<_> = g.attendance.present.iter().map(|p| (p.name.as_str(), p.municipality.as_deref())).collect();
        assert_eq!(got, [("Brian Nielsen", Some("Thisted")), ("Ulla Vestergaard", Some("Thisted"))]);
    }

    #[test]
    fn prose_and_substitutes() {
        let (present, absent) = gathered("Referat\nAfbud fra Mette Rosendahl. Istedet mødte Kasper Bjerregaard.\n");
        assert_eq!(present, ["Kasper Bjerregaard"]);
        assert_eq!(absent, ["Mette Rosendahl"]);
    }
}
