//! Exports of one or more analyses: referat/1 JSON, CSV that Danish Excel opens as it is
//! (UTF-8 with BOM, semicolons, every field quoted), and a Markdown summary to paste
//! into an email.

use crate::model::{Analysis, SectionKind, Vote};

pub fn json(analyses: &[Analysis]) -> String {
    let result = match analyses {
        [one] => serde_json::to_string_pretty(one),
        many => serde_json::to_string_pretty(many),
    };
    result.unwrap_or_default()
}

/// CSV as RFC 4180 writes it, with semicolons (Danish Excel's separator) and every field
/// quoted, quotes doubled.
struct Csv(String);

impl Csv {
    fn new() -> Csv {
        // The BOM tells Excel the file is UTF-8; without it æ, ø and å come out garbled.
        Csv("\u{FEFF}".to_owned())
    }

    fn write_record<'a>(&mut self, fields: impl IntoIterator<Item = &'a str>) {
        for (i, field) in fields.into_iter().enumerate() {
            if i > 0 {
                self.0.push(';');
            }
            self.0.push('"');
            self.0.push_str(&field.replace('"', "\"\""));
            self.0.push('"');
        }
        self.0.push('\n');
    }

    fn finish(self) -> Vec<u8> {
        self.0.into_bytes()
    }
}

/// One row a person: file, name, party, municipality, present or afbud.
pub fn csv_attendance(analyses: &[Analysis]) -> Vec<u8> {
    let mut w = Csv::new();
    w.write_record(["Fil", "Navn", "Parti", "Kommune", "Status"]);
    for a in analyses {
        for (people, status) in [(&a.attendance.present, "Deltager"), (&a.attendance.absent, "Afbud")] {
            for p in people {
                w.write_record([
                    a.source.name.as_str(),
                    &p.name,
                    p.party.as_deref().unwrap_or(""),
                    p.municipality.as_deref().unwrap_or(""),
                    status,
                ]);
            }
        }
    }
    w.finish()
}

/// The attendance grid of a series: one row a member, one column a meeting (its date,
/// or its file without one), then the counts and the rate in per cent.
pub fn csv_history(h: &crate::series::History) -> Vec<u8> {
    use crate::series::Status;
    let mut w = Csv::new();
    let meetings = h.meetings.iter().map(|m| m.date.as_deref().unwrap_or(&m.file));
    w.write_record(["Navn", "Parti", "Kommune"].into_iter().chain(meetings).chain(["Til stede", "Fravær", "Fremmøde %"]));
    for m in &h.members {
        let status = m.attendance.iter().map(|s| match s {
            Status::Present => "Til stede",
            Status::Absent => "Fravær",
            Status::Substitute => "Stedfortræder",
            Status::NotListed => "Ikke nævnt",
        });
        let (present, absent) = (m.present.to_string(), m.absent.to_string());
        // Whole per cent, rounded: Excel reads it as a number in any locale.
        let rate =
            m.rate.map(|_| ((m.present * 100 + (m.present + m.absent) / 2) / (m.present + m.absent)).to_string()).unwrap_or_default();
        let who = [m.name.as_str(), m.party.as_deref().unwrap_or(""), m.municipality.as_deref().unwrap_or("")];
        w.write_record(who.into_iter().chain(status).chain([present.as_str(), absent.as_str(), rate.as_str()]));
    }
    w.finish()
}

/// A decision's votes a position, in `Position::ALL` order: the sum of the counts printed
/// (`None` when none is; several ballots on one item are summed), and the parties named,
/// each once.
pub fn tally(votes: &[Vote]) -> [(Option<u32>, Vec<&str>); 4] {
    let mut t: [(Option<u32>, Vec<&str>); 4] = Default::default();
    for v in votes {
        // `Position` is declared in `Position::ALL` order.
        let (n, parties) = &mut t[v.position as usize];
        if let Some(c) = v.count {
            *n = Some(n.unwrap_or(0) + c);
        }
        for p in &v.parties {
            if !parties.contains(&p.as_str()) {
                parties.push(p);
            }
        }
    }
    t
}

/// "For 15: A, C, V", "Imod: Jens Hansen": the page and the Markdown say a vote alike.
pub fn vote_line(v: &Vote) -> String {
    let mut s = v.position.label_da().to_owned();
    if let Some(n) = v.count {
        s += &format!(" {n}");
    }
    let who: Vec<&str> = v.parties.iter().chain(&v.names).map(String::as_str).collect();
    if !who.is_empty() {
        s += ": ";
        s += &who.join(", ");
    }
    s
}

/// One row a decision: file, item, title, case number, outcome, decision, Indstilling,
/// then the votes: the count a position, the parties for, against and abstaining.
pub fn csv_decisions(analyses: &[Analysis]) -> Vec<u8> {
    let mut w = Csv::new();
    // Header and rows as arrays of one length: one copy of `write_record` in the page.
    w.write_record([
        "Fil",
        "Punkt",
        "Titel",
        "Sagsnummer",
        "Udfald",
        "Beslutning",
        "Indstilling",
        "For",
        "Imod",
        "Undlod",
        "Forbehold",
        "For (partier)",
        "Imod (partier)",
        "Undlod (partier)",
    ]);
    for a in analyses {
        for item in &a.items {
            let Some(d) = &item.decision else { continue };
            let indstilling = item.sections.iter().find(|s| s.kind == SectionKind::Indstilling).map_or("", |s| s.text.as_str());
            let t = tally(&d.votes);
            let mut votes: Vec<String> = t.iter().map(|(n, _)| n.map_or(String::new(), |n| n.to_string())).collect();
            votes.extend(t[..3].iter().map(|(_, p)| p.join(", ")));
            w.write_record([
                a.source.name.as_str(),
                &item.number,
                &item.title,
                item.case.as_deref().unwrap_or(""),
                d.outcome.label_da(),
                &d.text,
                indstilling,
                &votes[0],
                &votes[1],
                &votes[2],
                &votes[3],
                &votes[4],
                &votes[5],
                &votes[6],
            ]);
        }
    }
    w.finish()
}

/// Text that stays text in Markdown: characters Markdown would read as markup escaped.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\`*_[]<>#|".contains(c) {
            out.push('\\');
        }
        out.push(if c == '\n' { ' ' } else { c });
    }
    out
}

pub fn markdown(analyses: &[Analysis]) -> String {
    analyses.iter().map(markdown_one).collect::<Vec<_>>().join("\n---\n\n")
}

fn markdown_one(a: &Analysis) -> String {
    let m = &a.meeting;
    let mut s = String::new();
    let kind = if m.kind.as_deref() == Some("dagsorden") { "Dagsorden" } else { "Referat" };
    s.push_str(&format!("# {kind}: {}\n\n", md(m.body.as_deref().unwrap_or("ukendt organ"))));
    let facts = [("Dato", m.date.clone()), ("Tidspunkt", m.start_time.clone()), ("Sted", m.location.clone())];
    for (label, value) in facts {
        s.push_str(&format!("- **{label}:** {}\n", md(value.as_deref().unwrap_or("ikke angivet"))));
    }
    let decided = a.items.iter().filter(|i| i.decision.is_some()).count();
    s.push_str(&format!("- **Punkter:** {}, heraf {decided} med beslutning\n", a.items.len()));
    s.push_str(&format!("- **Fremmøde:** {} til stede, {} afbud\n\n", a.attendance.present.len(), a.attendance.absent.len()));
    for (title, people) in [("Deltagere", &a.attendance.present), ("Afbud", &a.attendance.absent)] {
        if people.is_empty() {
            continue;
        }
        s.push_str(&format!("## {title}\n\n"));
        for p in people {
            let extra: Vec<&str> = [p.party.as_deref(), p.municipality.as_deref()].into_iter().flatten().collect();
            let extra = if extra.is_empty() { String::new() } else { format!(" ({})", extra.join(", ")) };
            s.push_str(&format!("- {}{}\n", md(&p.name), md(&extra)));
        }
        s.push('\n');
    }
    if decided > 0 {
        s.push_str("## Beslutninger\n\n");
        for item in &a.items {
            if let Some(d) = &item.decision {
                s.push_str(&format!("- **{} {}** — {}: {}\n", md(&item.number), md(&item.title), d.outcome.label_da(), md(&d.text)));
                for v in &d.votes {
                    s.push_str(&format!("  - {}\n", md(&vote_line(v))));
                }
                for st in &d.statements {
                    let by = if st.by.is_empty() { String::new() } else { format!(" ({})", st.by.join(", ")) };
                    s.push_str(&format!("  - Udtalelse{}: {}\n", md(&by), md(&st.text)));
                }
            }
        }
        s.push('\n');
    }
    if !a.findings.is_empty() {
        s.push_str("## Gennemgang\n\n");
        for f in &a.findings {
            s.push_str(&format!("- {}: {}\n", f.severity.label_da(), md(&f.message)));
        }
        s.push('\n');
    }
    s
}

/// A comparison as Markdown: what changed item by item (a checklist of decisions when A
/// is a dagsorden), changed decisions word by word (~~deleted~~, **inserted**), then who
/// moved in the attendance lists.
pub fn markdown_compare(c: &crate::compare::Comparison) -> String {
    use crate::compare::Op;
    let mut s = format!("# Sammenligning: {} → {}\n\n", md(&c.a.name), md(&c.b.name));
    let look: Vec<_> = c.items.iter().filter(|r| r.needs_look(c.checklist)).collect();
    s.push_str(&format!("- **Punkter:** {}, heraf {} at se på\n\n", c.items.len(), look.len()));
    s.push_str(if c.checklist { "## Dagsorden → referat\n\n" } else { "## Punkter\n\n" });
    for r in &c.items {
        s.push_str(&format!("- **{} {}**: {}\n", md(r.number()), md(r.title()), md(&r.summary_da(c.checklist))));
        if !r.words.is_empty() {
            let words: Vec<String> = r
                .words
                .iter()
                .map(|w| match w.op {
                    Op::Same => md(&w.text),
                    Op::Delete => format!("~~{}~~", md(&w.text)),
                    Op::Insert => format!("**{}**", md(&w.text)),
                })
                .collect();
            s.push_str(&format!("  > {}\n", words.join(" ")));
        }
    }
    let at = &c.attendance;
    if at.only_a.is_empty() && at.only_b.is_empty() && at.changed.is_empty() {
        s.push_str("\n## Fremmøde\n\nUændret.\n");
        return s;
    }
    s.push_str("\n## Fremmøde\n\n");
    for p in &at.only_a {
        s.push_str(&format!("- {} står kun i {}\n", md(&p.name), md(&c.a.name)));
    }
    for p in &at.only_b {
        s.push_str(&format!("- {} står kun i {}\n", md(&p.name), md(&c.b.name)));
    }
    for ch in &at.changed {
        s.push_str(&format!("- {}: {} → {}\n", md(&ch.name), ch.a.label_da(), ch.b.label_da()));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    #[test]
    fn votes_and_statements_in_csv_and_markdown() {
        let vote = |position, count, parties: &[&str], names: &[&str]| Vote {
            position,
            count,
            parties: parties.iter().map(|s| s.to_string()).collect(),
            names: names.iter().map(|s| s.to_string()).collect(),
        };
        let decision = Decision {
            text: "Godkendt.".into(),
            outcome: Outcome::Approved,
            votes: vec![
                vote(Position::For, Some(15), &["A", "C", "V"], &[]),
                vote(Position::Against, Some(2), &["Ø"], &["Jens Hansen"]),
                vote(Position::Abstain, None, &["F"], &[]),
            ],
            statements: vec![Statement { by: vec!["Ø".into()], text: "Ø ønsker *lavere* takster.".into() }],
        };
        let a = Analysis {
            schema: SCHEMA.into(),
            source: Source { name: "r.txt".into(), format: "text".into(), bytes: 0, encoding: None },
            meeting: Meeting::default(),
            attendance: Attendance::default(),
            items: vec![Item { number: "1".into(), title: "Takster".into(), decision: Some(decision), ..Item::default() }],
            findings: vec![],
        };
        let csv = String::from_utf8(csv_decisions(std::slice::from_ref(&a))).unwrap();
        let lines: Vec<&str> = csv.trim_start_matches('\u{FEFF}').lines().collect();
        assert!(
            lines[0].ends_with(r#""Indstilling";"For";"Imod";"Undlod";"Forbehold";"For (partier)";"Imod (partier)";"Undlod (partier)""#)
        );
        assert!(lines[1].ends_with(r#""Godkendt.";"";"15";"2";"";"";"A, C, V";"Ø";"F""#), "{}", lines[1]);
        let md = markdown(&[a]);
        assert!(md.contains("\n  - For 15: A, C, V\n  - Imod 2: Ø, Jens Hansen\n  - Undlod: F\n"), "{md}");
        assert!(md.contains("\n  - Udtalelse (Ø): Ø ønsker \\*lavere\\* takster.\n"), "{md}");
    }
}
