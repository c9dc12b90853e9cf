//! Findings for a reviewer: what in a referat looks wrong. Never fatal; every finding has
//! a code, a severity, the item it concerns and a Danish message.

use crate::findings;
use crate::lexicon;
use crate::model::{Attendance, Finding, Item, Meeting, Outcome, Position, SectionKind};
use crate::names;
use crate::parse::decision;
use crate::parse::numbers::{follows, Num};
use crate::text;
use crate::text::Lower;

/// Everything a reviewer of a draft should look at, in a stable order.
pub fn review(
    meeting: &Meeting,
    attendance: &Attendance,
    items: &[Item],
    toc_numbers: &[String],
    text: &str,
    cut_encoding: bool,
) -> Vec<Finding> {
    let mut out = Vec::new();
    out.extend(numbering(items));
    out.extend(toc_mismatch(items, toc_numbers));
    out.extend(truncation(items, toc_numbers, text, cut_encoding));
    out.extend(missing_decisions(items));
    out.extend(present_and_absent(attendance));
    out.extend(people_in_decisions(attendance, items));
    out.extend(absent_but_acting(attendance, items));
    out.extend(decisions_that_differ(items));
    out.extend(date_mismatch(meeting, items));
    out.extend(votes(attendance, items));
    out.extend(substitutes(attendance));
    out
}

/// Votes that do not add up: more votes than members present, a count beside a different
/// number of names, a voter recorded absent (from the meeting or from the item).
fn votes(a: &Attendance, items: &[Item]) -> Vec<Finding> {
    let mut out = Vec::new();
    for item in items {
        let Some(d) = &item.decision else { continue };
        // Each round of voting (a position again starts the next: "1 for og 26 imod … 3 for
        // og 24 imod") against those present, where a list says who they are (a few named
        // substitutes are no list).
        let mut rounds: Vec<(u32, Vec<Position>)> = vec![(0, Vec::new())];
        for v in &d.votes {
            if rounds.last().is_some_and(|r| r.1.contains(&v.position)) {
                rounds.push((0, Vec::new()));
            }
            if let Some(r) = rounds.last_mut() {
                r.0 += v.count.unwrap_or(0);
                r.1.push(v.position);
            }
        }
        let total = rounds.iter().map(|r| r.0).max().unwrap_or(0);
        if a.present.len() >= 5 && total as usize > a.present.len() {
            out.push(at(item, findings::vote_count_mismatch(&item.number, total, a.present.len())));
        }
        for v in &d.votes {
            if let Some(n) = v.count.filter(|&n| v.names.len() >= 2 && n as usize != v.names.len()) {
                out.push(at(item, findings::vote_names_count(&item.number, v.position.label_da(), n, v.names.len())));
            }
            for name in &v.names {
                let away = a.absent.iter().map(|p| p.name.as_str()).chain(item.absent.iter().map(String::as_str));
                if away.into_iter().any(|x| names::same_person(x, name)) {
                    out.push(at(item, findings::absent_voter(name, &item.number)));
                }
            }
        }
    }
    out
}

/// A substitute sat in for a member the referat does not record as absent.
fn substitutes(a: &Attendance) -> Vec<Finding> {
    a.present
        .iter()
        .filter_map(|p| Some((p, p.substitute_for.as_deref()?)))
        .filter(|(_, m)| !a.absent.iter().any(|x| names::same_person(&x.name, m)))
        .map(|(p, m)| findings::substitute_without_afbud(&p.name, m))
        .collect()
}

/// A finding about an item points at the item's first line.
fn at(item: &Item, f: Finding) -> Finding {
    f.at_line(item.line)
}

fn num(s: &str) -> Option<Num> {
    Num::parse(s)
}

/// 3.2 followed by 3.4: 3.3 is missing. The same number twice.
fn numbering(items: &[Item]) -> Vec<Finding> {
    let mut out = Vec::new();
    for pair in items.windows(2) {
        let (Some(a), Some(b)) = (num(&pair[0].number), num(&pair[1].number)) else { continue };
        if a == b {
            out.push(at(&pair[1], findings::duplicate_number(&pair[1].number)));
        } else if !follows(Some(&a), &b) {
            let same_parent = a.level() == b.level() && a.0[..a.level() - 1] == b.0[..b.level() - 1];
            let (from, to) = (a.0[a.level() - 1], b.0[b.level() - 1]);
            if same_parent && to > from + 1 {
                let missing: Vec<String> = (from + 1..to).map(|k| Num([&a.0[..a.level() - 1], &[k][..]].concat()).to_string()).collect();
                out.push(at(&pair[1], findings::numbering_gap(&missing, &pair[0].number, &pair[1].number)));
            } else {
                out.push(at(&pair[1], findings::numbering_jump(&pair[0].number, &pair[1].number)));
            }
        }
    }
    out
}

/// The table of contents lists items the body lacks, or the reverse.
fn toc_mismatch(items: &[Item], toc: &[String]) -> Vec<Finding> {
    if toc.len() < 3 {
        return Vec::new();
    }
    let in_body = |n: &String| items.iter().any(|i| &i.number == n);
    let only_toc: Vec<&str> = toc.iter().filter(|n| !in_body(n)).map(String::as_str).collect();
    let only_body: Vec<&Item> = items.iter().filter(|i| !toc.contains(&i.number)).collect();
    let mut out = Vec::new();
    if !only_toc.is_empty() {
        out.push(findings::toc_lists_missing(&only_toc));
    }
    if let Some(first) = only_body.first() {
        let list: Vec<&str> = only_body.iter().map(|i| i.number.as_str()).collect();
        out.push(at(first, findings::toc_lacks(&list)));
    }
    out
}

/// A recommendation with no decision. Headings without content ("4. Udpegninger") have
/// neither and are not flagged.
fn missing_decisions(items: &[Item]) -> Vec<Finding> {
    items
        .iter()
        .filter(|i| i.decision.is_none() && i.sections.iter().any(|s| s.kind == SectionKind::Indstilling))
        .map(|i| at(i, findings::missing_decision(&i.number)))
        .collect()
}

fn present_and_absent(a: &Attendance) -> Vec<Finding> {
    a.present
        .iter()
        .filter(|p| a.absent.iter().any(|q| names::same_person(&p.name, &q.name)))
        .map(|p| findings::present_and_absent(&p.name))
        .collect()
}

/// The sentences of a text, roughly: enough to find who opens each one.
/// Someone acting in a decision who is on neither list, unless the item's own text
/// announces them (a guest: "Edin Hajder ... deltager på mødet").
fn people_in_decisions(a: &Attendance, items: &[Item]) -> Vec<Finding> {
    if a.present.is_empty() && a.absent.is_empty() {
        return Vec::new();
    }
    let listed_first: Vec<&str> = a.present.iter().chain(&a.absent).filter_map(|p| p.name.split_whitespace().next()).collect();
    let is_first = |w: &str| lexicon::is_first_name(w) || listed_first.contains(&w);
    let mut out = Vec::new();
    for item in items {
        let Some(d) = &item.decision else { continue };
        let mut seen: Vec<String> = Vec::new();
        for s in text::sentences(&d.text) {
            let Some(name) = names::acting_person(s, is_first) else { continue };
            let listed = a.present.iter().chain(&a.absent).any(|p| names::same_person(&p.name, &name));
            let announced = {
                let name = names::normalized(&name);
                item.sections
                    .iter()
                    .filter(|s| s.kind != SectionKind::Beslutning)
                    .any(|s| names::mentions_normalized(&names::normalized(&s.text), &name))
            };
            if !listed && !announced && !seen.contains(&name) {
                out.push(at(item, findings::unknown_person(&name, &item.number)));
                seen.push(name);
            }
        }
    }
    out
}

const ACTING: &[&str] = &[
    "orienter",
    "giver",
    "gav ",
    "holdt",
    "holder",
    "indled",
    "fremlæg",
    "præsenter",
    "redegør",
    "redegjorde",
    "bemærkede",
    "supplerede",
    "efterspurgte",
    "fortalte",
    "deltager",
    "deltog",
];

/// Someone with afbud who is said to give an orientation or to act.
fn absent_but_acting(a: &Attendance, items: &[Item]) -> Vec<Finding> {
    if a.absent.is_empty() {
        return Vec::new();
    }
    let absent: Vec<String> = a.absent.iter().map(|p| names::normalized(&p.name)).collect();
    // A sentence can only mention someone whose surname it contains, as printed.
    let surnames: Vec<&str> = a.absent.iter().filter_map(|p| p.name.rsplit([' ', '-']).next()).collect();
    let mut out = Vec::new();
    for item in items {
        // Each sentence normalised once, and only those with a surname and an acting verb.
        let acting: Vec<String> = item
            .sections
            .iter()
            .flat_map(|s| text::sentences(&s.text))
            .filter(|s| surnames.iter().any(|n| s.contains(n)))
            .map(names::normalized)
            .filter(|s| ACTING.iter().any(|v| s.contains(v)))
            .collect();
        for (p, name) in a.absent.iter().zip(&absent) {
            if acting.iter().any(|s| names::mentions_normalized(s, name)) {
                out.push(at(item, findings::absent_but_acting(&p.name, &item.number)));
            }
        }
    }
    out
}

/// The decision does not answer what the Indstilling asked (it asks for a discussion and
/// the decision only notes an orientation).
fn decisions_that_differ(items: &[Item]) -> Vec<Finding> {
    let mut out = Vec::new();
    for item in items {
        let (Some(d), Some(ind)) = (&item.decision, item.sections.iter().find(|s| s.kind == SectionKind::Indstilling)) else { continue };
        let asked = decision::requested(&ind.text);
        if asked.is_empty() || asked.contains(&d.outcome) {
            continue;
        }
        // Approval answers a request to approve, endorse or note.
        if d.outcome == Outcome::Approved && asked.iter().all(|o| matches!(o, Outcome::Approved | Outcome::Endorsed | Outcome::Noted)) {
            continue;
        }
        let asked_da: Vec<&str> = asked.iter().map(|o| o.label_da()).collect();
        out.push(at(item, findings::decision_differs(&item.number, &asked_da.join(", ").lower(), &d.outcome.label_da().lower())));
    }
    out
}

/// The agenda items about this meeting ("dagsorden til mødet den 11. juni 2021") name
/// another date than the header.
fn date_mismatch(meeting: &Meeting, items: &[Item]) -> Vec<Finding> {
    let Some(header) = meeting.date.as_deref() else { return Vec::new() };
    let mut out = Vec::new();
    for item in items.iter().filter(|i| i.title.lower().contains("dagsorden")) {
        let text: String =
            item.sections.iter().filter(|s| s.kind != SectionKind::Beslutning).map(|s| s.text.as_str()).collect::<Vec<_>>().join(" ");
        let lower = text.lower();
        let Some(from) = lower.find("møde").map(|i| &text[i..]) else { continue };
        // The first date after "møde ... den": with the header's year when it has none.
        let Some(den) = from.find(" den ").map(|i| &from[i + 5..]) else { continue };
        let words: Vec<&str> = den.split_whitespace().take(3).collect();
        let with_year = if words.get(2).is_some_and(|y| y.trim_end_matches(['.', ',']).parse::<u32>().is_ok()) {
            words.join(" ")
        } else {
            format!("{} {}", words.iter().take(2).copied().collect::<Vec<_>>().join(" "), &header[..4])
        };
        if let Some(date) = crate::parse::header::date(&with_year) {
            if date != header {
                out.push(at(item, findings::date_mismatch(&item.number, &date, header)));
            }
        }
    }
    out
}

/// The document ends inside an item: the table of contents announces items the body
/// lacks, or the last item has a recommendation, no decision, and text cut mid-sentence.
pub fn truncation(items: &[Item], toc_numbers: &[String], text: &str, cut_encoding: bool) -> Option<Finding> {
    let last = items.last()?;
    let missing: Vec<&String> = toc_numbers.iter().filter(|n| !items.iter().any(|i| &i.number == *n)).collect();
    let after_last: Vec<&&String> = missing.iter().filter(|n| later(n, &last.number)).collect();
    let has = |k: SectionKind| last.sections.iter().any(|s| s.kind == k);
    let tail = text.trim_end();
    let cut_mid_sentence = !tail.ends_with(['.', '!', '?', ':', ')', '"', '”']) || cut_encoding;
    let open_item = has(SectionKind::Indstilling) && !has(SectionKind::Beslutning) && cut_mid_sentence;
    if after_last.is_empty() && !open_item {
        return None;
    }
    let also = match (after_last.first(), after_last.last()) {
        (Some(first), Some(end)) if first == end => Some(first.to_string()),
        (Some(first), Some(end)) => Some(format!("{first}–{end}")),
        _ => None,
    };
    Some(at(last, findings::truncated(&last.number, also.as_deref())))
}

/// "3.4" comes after "3.3"; "4" after "3.5" (agenda order, `Num`'s).
fn later(a: &str, b: &str) -> bool {
    matches!((Num::parse(a), Num::parse(b)), (Some(a), Some(b)) if a > b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FindingCode, Section};

    fn item(n: &str, kinds: &[SectionKind]) -> Item {
        Item {
            number: n.into(),
            level: 1,
            title: "x".into(),
            case: None,
            intro: String::new(),
            sections: kinds.iter().map(|k| Section { kind: *k, heading: String::new(), text: String::new() }).collect(),
            ..Item::default()
        }
    }

    #[test]
    fn gaps_and_duplicates() {
        let items = [item("3.1", &[]), item("3.2", &[]), item("3.4", &[]), item("3.4", &[])];
        let f = numbering(&items);
        assert_eq!((f[0].code.as_str(), f[0].item.as_deref()), ("numbering-gap", Some("3.3")));
        assert_eq!(f[1].code, FindingCode::DuplicateNumber);
    }

    #[test]
    fn cut_inside_an_item() {
        let items = [item("3.2", &[SectionKind::Beslutning]), item("3.3", &[SectionKind::Baggrund, SectionKind::Indstilling])];
        let toc: Vec<String> = ["3.2", "3.3", "3.4", "4", "7"].iter().map(|s| s.to_string()).collect();
        let f = truncation(&items, &toc, "et troværdigt og kvali", false).unwrap();
        assert_eq!(f.item.as_deref(), Some("3.3"));
        assert!(f.message.contains("3.4–7"), "{}", f.message);
        assert!(truncation(&items[..1], &toc[..1], "Godkendt.", false).is_none());
    }
}
