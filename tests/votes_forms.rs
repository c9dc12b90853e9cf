//! The written forms of issue 14, three wordings or more a field, each in a crafted referat
//! run through `analyze`: votes, statements, the trail, roles and substitutes.

use referat_analyzer::model::{Analysis, Item, Outcome, Position};

/// A referat of one meeting with the given attendance lines and one item whose parts are
/// `parts` (heading and text pairs), the decision last.
fn referat(attendance: &str, parts: &[(&str, &str)]) -> Analysis {
    let mut text = format!("Referat\n\nByrådet\n\nMødedato: 12. marts 2024\n\n{attendance}\n\n1. Lokalplan for bymidten\n\n");
    for (heading, body) in parts {
        text.push_str(&format!("{heading}\n\n{body}\n\n"));
    }
    referat_analyzer::analyze(text.as_bytes(), "form.txt")
}

const MEMBERS: &str = "Deltagere: Anne Holm (A), Bo Berg (V), Carl Dahl (C), Dorte Eg (Ø), Erik Fisk (F)";

fn item(a: &Analysis) -> &Item {
    a.items.first().expect("the item is read")
}

/// A vote as (position, count, parties, names).
type Read = (Position, Option<u32>, Vec<String>, Vec<String>);

/// The votes of the item's decision.
fn votes(decision: &str) -> Vec<Read> {
    let a = referat(MEMBERS, &[("Beslutning", decision)]);
    let d = item(&a).decision.as_ref().expect("a decision");
    d.votes.iter().map(|v| (v.position, v.count, v.parties.clone(), v.names.clone())).collect()
}

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

#[test]
fn votes_in_their_written_forms() {
    use Position::*;
    assert_eq!(
        votes("Godkendt.\nFor: 3 (Anne Holm (A), Bo Berg (V), Carl Dahl (C))\nImod: 2 (Dorte Eg (Ø), Erik Fisk (F))"),
        [
            (For, Some(3), s(&["A", "V", "C"]), s(&["Anne Holm", "Bo Berg", "Carl Dahl"])),
            (Against, Some(2), s(&["Ø", "F"]), s(&["Dorte Eg", "Erik Fisk"]))
        ]
    );
    assert_eq!(
        votes("Godkendt. For stemte A, C og V (15). Imod stemte Ø (2). Undlod: F (1)."),
        [(For, Some(15), s(&["A", "C", "V"]), vec![]), (Against, Some(2), s(&["Ø"]), vec![]), (Abstain, Some(1), s(&["F"]), vec![])]
    );
    assert_eq!(
        votes("5 medlemmer (A+V+C) anbefaler indstillingen; 2 medlemmer (F+Ø) tager forbehold."),
        [(For, Some(5), s(&["A", "V", "C"]), vec![]), (Reservation, Some(2), s(&["F", "Ø"]), vec![])]
    );
    // Party names written out become letters; the direction is towards the proposal.
    assert_eq!(
        votes("Forslaget blev forkastet med 7 stemmer (A, V, C og I) mod 1 stemme (Ø)."),
        [(Against, Some(7), s(&["A", "V", "C", "I"]), vec![]), (For, Some(1), s(&["Ø"]), vec![])]
    );
    assert_eq!(votes("Godkendt. Enhedslisten stemte imod."), [(Against, None, s(&["Ø"]), vec![])]);
    // No vote printed, none invented.
    assert_eq!(votes("Godkendt enstemmigt."), []);
}

#[test]
fn statements_in_their_written_forms() {
    let statements = |decision: &str| {
        let a = referat(MEMBERS, &[("Beslutning", decision)]);
        item(&a).decision.as_ref().expect("a decision").statements.iter().map(|s| (s.by.clone(), s.text.clone())).collect::<Vec<_>>()
    };
    let got = statements("Godkendt. SF stemte imod, idet partiet ønsker en anden model.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, ["F"]);
    assert!(got[0].1.starts_with("SF stemte imod, idet"));
    let got = statements("Anbefales. Mindretallet (Ø) kan ikke anbefale forslaget.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, ["Ø"]);
    let got = statements("Godkendt.\nProtokoltilførsel fra Dorte Eg (Ø): Sagen er ikke tilstrækkeligt oplyst.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].1.contains("ikke tilstrækkeligt oplyst"), "{got:?}");
    // A bare reservation is a vote, not a statement; a count after "idet" is no reason.
    assert_eq!(statements("Godkendt. Carl Dahl (C) tog forbehold."), []);
    assert_eq!(statements("Godkendt, idet 4 stemte for og 1 stemte imod (Ø)."), []);
}

#[test]
fn the_trail_in_its_written_forms() {
    let trail = |parts: &[(&str, &str)]| {
        let a = referat(MEMBERS, parts);
        item(&a).trail.iter().map(|t| (t.body.clone(), t.date.clone(), t.item.clone(), t.outcome)).collect::<Vec<_>>()
    };
    let date = |d: &str| Some(d.to_owned());
    // Other bodies' decision parts, oldest first.
    assert_eq!(
        trail(&[
            ("Beslutning i Økonomiudvalget den 5. marts 2024", "Anbefales."),
            ("Beslutning i Teknik- og Miljøudvalget den 20. februar 2024", "Indstilles godkendt."),
            ("Beslutning", "Godkendt."),
        ]),
        [
            ("Teknik- og Miljøudvalget".to_owned(), date("2024-02-20"), None, Outcome::Endorsed),
            ("Økonomiudvalget".to_owned(), date("2024-03-05"), None, Outcome::Endorsed)
        ]
    );
    assert_eq!(
        trail(&[("Børne- og Skoleudvalget, 2. februar 2024, pkt. 41:", "Anbefales ikke."), ("Beslutning", "Godkendt.")]),
        [("Børne- og Skoleudvalget".to_owned(), date("2024-02-02"), Some("41".to_owned()), Outcome::Rejected)]
    );
    // A list of earlier treatment, and a planned route that is none.
    assert_eq!(
        trail(&[
            ("Tidligere behandling", "Økonomiudvalget den 28. februar 2024 Punkt 6"),
            ("Beslutningsproces", "Økonomiudvalget 5. marts 2024\nByrådet 19. marts 2024"),
            ("Beslutning", "Godkendt."),
        ]),
        [("Økonomiudvalget".to_owned(), date("2024-02-28"), Some("6".to_owned()), Outcome::Other)]
    );
    // A committee's word in the recommendation.
    assert_eq!(
        trail(&[
            ("Indstilling", "Forvaltningen indstiller, at planen godkendes.\n\nPlan- og Miljøudvalget anbefaler indstillingen."),
            ("Beslutning", "Godkendt.")
        ]),
        [("Plan- og Miljøudvalget".to_owned(), None, None, Outcome::Endorsed)]
    );
}

/// (name, role, substitute_for) of everyone present and absent with a role or a member replaced.
fn related(attendance: &str) -> Vec<(String, Option<String>, Option<String>)> {
    let a = referat(attendance, &[("Beslutning", "Godkendt.")]);
    a.attendance
        .present
        .iter()
        .chain(&a.attendance.absent)
        .filter(|p| p.role.is_some() || p.substitute_for.is_some())
        .map(|p| (p.name.clone(), p.role.clone(), p.substitute_for.clone()))
        .collect()
}

#[test]
fn roles_in_their_written_forms() {
    let role = |who: &str, r: &str| (who.to_owned(), Some(r.to_owned()), None);
    assert_eq!(
        related("Deltagere:\nFormand: Anne Holm (A)\nNæstformand: Bo Berg (V)\nCarl Dahl (C)"),
        [role("Anne Holm", "formand"), role("Bo Berg", "næstformand")]
    );
    assert_eq!(
        related("Deltagere:\nAnne Holm (A) - formand\nBo Berg (V)\nNæstformand Carl Dahl (C)"),
        [role("Anne Holm", "formand"), role("Carl Dahl", "næstformand")]
    );
    assert_eq!(
        related("Deltagere:\nAnne Holm (A) (borgmester)\nBo Berg (V) (1. viceborgmester)\nCarl Dahl (C)"),
        [role("Anne Holm", "borgmester"), role("Bo Berg", "1. viceborgmester")]
    );
    // A staff title is no seat.
    assert_eq!(related("Deltagere:\nAnne Holm (A)\nBo Berg (V)\nRådmand Carl Dahl"), []);
}

#[test]
fn substitutes_in_their_written_forms() {
    let sub = |who: &str, member: &str| (who.to_owned(), None, Some(member.to_owned()));
    assert_eq!(
        related("Deltagere:\nAnne Holm (A)\nBo Berg (V)\nJens Hansen (A), suppleant for Eva Berg (A)\n\nAfbud: Eva Berg (A)"),
        [sub("Jens Hansen", "Eva Berg")]
    );
    assert_eq!(
        related("Deltagere: Anne Holm (A), Bo Berg (V), Jens Hansen (A)\n\nAfbud fra Eva Berg (A). I stedet mødte Jens Hansen (A)."),
        [sub("Jens Hansen", "Eva Berg")]
    );
    assert_eq!(
        related(
            "Deltagere: Anne Holm (A), Bo Berg (V), Jens Hansen (A)\n\nJens Hansen (A) var indkaldt som stedfortræder for Eva Berg (A)."
        ),
        [sub("Jens Hansen", "Eva Berg")]
    );
    // Two absent and two substitutes: who replaced whom is not said.
    assert_eq!(
        related("Deltagere: Anne Holm (A), Jens Hansen (A), Ole Lund (V)\n\nDer er afbud fra Eva Berg og Bo Berg. Jens Hansen og Ole Lund er indkaldt som suppleanter."),
        []
    );
}

#[test]
fn absence_for_a_range_of_items_reaches_those_items() {
    let absent_on = |note: &str| {
        let text = format!(
            "Referat\n\nByrådet\n\nMødedato: 12. marts 2024\n\n{MEMBERS}\n\n{note}\n\n\
             1. Første sag\n\nBeslutning\n\nGodkendt.\n\n2. Anden sag\n\nBeslutning\n\nGodkendt.\n\n\
             3. Tredje sag\n\nBeslutning\n\nGodkendt.\n\n4. Fjerde sag\n\nBeslutning\n\nGodkendt.\n"
        );
        let a = referat_analyzer::analyze(text.as_bytes(), "range.txt");
        a.items.iter().filter(|i| i.absent.iter().any(|n| n == "Bo Berg")).map(|i| i.number.clone()).collect::<Vec<_>>()
    };
    assert_eq!(absent_on("Fraværende: Bo Berg (V), sag 2-3"), ["2", "3"]);
    assert_eq!(absent_on("Bo Berg (V) deltog ikke i behandlingen af punkt 1 og 4."), ["1", "4"]);
    assert_eq!(absent_on("Bo Berg (V) var fraværende under punkterne 3 – 4."), ["3", "4"]);
}
