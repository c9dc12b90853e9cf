//! Text whose lines a converter ran together: a docplayer transcript of a PDF prints each
//! page as one line ("3 1. Godkendelse af dagsorden Dok.nr.: 2254 Sagsid.: 14/40 Åben sag
//! Beslutning Økonomiudvalget den Godkendt. Side 2"). The structure is put back as lines:
//! each page's counter and footer go, and a line break is made before what starts a line
//! in a referat: a label ("Sagsnr.:"), a part heading ("Beslutning", "Sagsfremstilling:"),
//! an item's number ("2. Title"), a status ("Åben sag"); an item's title ends where a
//! sentence begins. Only text that looks run together is touched.

use std::borrow::Cow;

use crate::model::SectionKind;
use crate::text::Lower;
use crate::vocab;

/// Labels that open a line of their own, lower case, with their colon.
const LABELS: &[&str] = &[
    "mødedato:",
    "mødetidspunkt:",
    "mødested:",
    "møde slut:",
    "sted:",
    "dato:",
    "tid:",
    "deltagere:",
    "medlemmer:",
    "afbud:",
    "fraværende:",
    "afbud/fraværende",
    "tilstede",
    "til stede:",
    "sekretær",
    "referent:",
    "formand:",
    "næstformand:",
    "dok.nr.:",
    "sagsid.:",
    "sagsnr.:",
    "j.nr.:",
    "sagsbehandler:",
    "sagsansvarlig:",
    "sagsbeh.:",
    "initialer:",
    "sagen afgøres i:",
    "bilag:",
    "indholdsfortegnelse",
    "journalnummer",
    "indholdsliste",
];

/// Whether the text is run together: most of it stands in lines of many hundred characters.
pub fn is_flat(text: &str) -> bool {
    let long: usize = text.lines().filter(|l| l.len() > 400).map(str::len).sum();
    text.len() > 2000 && long * 2 > text.len()
}

pub fn restore(text: &str) -> Option<String> {
    if !is_flat(text) {
        return None;
    }
    // Each line with whether it is a page (its counter gone) and its text.
    let mut page = 0u32;
    let lines: Vec<(bool, &str)> = text
        .lines()
        .map(|line| {
            let t = line.trim();
            // "3 1. Godkendelse ...": the page counter, one more each page.
            match t.split_once(' ') {
                Some((n, rest)) if n.parse::<u32>().ok() == Some(page + 1) => {
                    page += 1;
                    (true, strip_footer(rest))
                }
                _ => (false, strip_footer(t)),
            }
        })
        .collect();
    let running = running_footer(lines.iter().filter(|l| l.0).map(|l| l.1));
    let header = running_header(lines.iter().filter(|l| l.0).map(|l| l.1));
    let mut out = String::with_capacity(text.len() + text.len() / 10);
    for (a_page, t) in lines {
        let t = match &running {
            Some(f) if a_page => t.strip_suffix(f.as_str()).unwrap_or(t).trim_end(),
            _ => t,
        };
        let t = match &header {
            Some(h) if a_page => t.strip_prefix(h.as_str()).unwrap_or(t).trim_start(),
            _ => t,
        };
        // Only a page's run of text is cut; a short line (the page's title) stays.
        if a_page || t.len() > 200 {
            for piece in split(t) {
                out.push_str(piece.trim());
                out.push('\n');
            }
        } else {
            out.push_str(t);
            out.push('\n');
        }
        out.push('\n');
    }
    Some(out)
}

/// Pages a run of `n` words must recur on to be furniture: half of them for three words or
/// more, four in five for one or two ("august" ends almost every page of a referat whose
/// footer lost its day; one word that ends half the pages may be text).
fn recurs(n: usize, count: usize, pages: usize) -> bool {
    if n >= 3 {
        count * 2 >= pages
    } else {
        count * 5 >= pages * 4
    }
}

/// A word that may stand in running furniture: no label, no party mark, no item number and
/// no part heading ("Fraværende: X (V)" ends many pages too, and is text; so may
/// "Beslutning" begin many).
fn furniture_word(w: &str) -> bool {
    !w.contains([':', '(', ')']) && !is_item_number(w) && vocab::section_kind(w).is_none()
}

/// The words most pages end with: a running footer ("Frederikshavn Byråd - Referat
/// september 2015", or one word left of it), on most pages (`recurs`).
fn running_footer<'a>(pages: impl Iterator<Item = &'a str>) -> Option<String> {
    let pages: Vec<Vec<&str>> = pages.map(|p| p.split_whitespace().collect()).collect();
    if pages.len() < 4 {
        return None;
    }
    running(&pages, |p, n| &p[p.len() - n..])
}

/// The words most pages after the first begin with: a running header ("Udvalget for Kultur
/// og Planlægning s møde den", "Referat"), on most pages (`recurs`), ending before the
/// page's own text (never a number, a label or a part heading).
fn running_header<'a>(pages: impl Iterator<Item = &'a str>) -> Option<String> {
    let pages: Vec<Vec<&str>> = pages.skip(1).map(|p| p.split_whitespace().collect()).collect();
    if pages.len() < 3 {
        return None;
    }
    running(&pages, |p, n| &p[..n])
}

/// The longest run of words, taken by `window` from each page, that recurs as furniture.
/// A run of one or two words counts only where the word beside it varies: "Den" of "Den
/// 18. september 2018 REGIONSRÅDET" is part of a longer run (refused for its date), not a
/// header of its own.
fn running<'p>(pages: &'p [Vec<&'p str>], window: impl Fn(&'p [&'p str], usize) -> &'p [&'p str]) -> Option<String> {
    let counts = |n: usize| {
        let mut counts: std::collections::HashMap<&[&str], usize> = std::collections::HashMap::new();
        for p in pages.iter().filter(|p| p.len() > n) {
            *counts.entry(window(p, n)).or_default() += 1;
        }
        counts
    };
    (1..=10).rev().find_map(|n| {
        let alone = n >= 3 || counts(n + 1).into_values().all(|longer| longer * 2 < pages.len());
        let found = counts(n).into_iter().filter(|(w, c)| recurs(n, *c, pages.len()) && w.iter().all(|x| furniture_word(x)));
        found.max_by_key(|&(w, c)| (c, w)).filter(|_| alone).map(|(w, _)| w.join(" "))
    })
}

/// "... Side 3", "... Side 3 af 18", "Frederikshavn Byråd - Referat september 2015 Side 2 af 18".
fn strip_footer(t: &str) -> &str {
    let words: Vec<&str> = t.split_whitespace().collect();
    let n = words.len();
    let num = |w: &str| w.bytes().all(|b| b.is_ascii_digit()) && !w.is_empty();
    let side = |w: &str| w == "Side" || w == "SIDE";
    let cut = if n >= 4 && side(words[n - 4]) && num(words[n - 3]) && words[n - 2] == "af" && num(words[n - 1]) {
        Some(n - 4)
    } else if n >= 2 && side(words[n - 2]) && num(words[n - 1]) {
        Some(n - 2)
    } else {
        None
    };
    match cut {
        Some(k) => {
            let at = t.match_indices(words[k]).map(|(i, _)| i).last().unwrap_or(t.len());
            t[..at].trim_end()
        }
        None => t,
    }
}

/// The line breaks the converter took out, put back.
fn split(t: &str) -> Vec<String> {
    // "10.Salg": a number glued to the title's first word is two words.
    let words: Vec<&str> = t
        .split_whitespace()
        .flat_map(|w| {
            let digits = w.find(|c: char| !c.is_ascii_digit()).unwrap_or(w.len());
            let glued = (1..=3).contains(&digits) && w[digits..].starts_with('.') && w[digits + 1..].starts_with(char::is_uppercase);
            if glued {
                vec![&w[..=digits], &w[digits + 1..]]
            } else {
                vec![w]
            }
        })
        .collect();
    let mut lines: Vec<Vec<Cow<str>>> = vec![Vec::new()];
    let mut k = 0;
    // Under "Bilag" the attachments follow ("Høringssvar (dok.nr. ...)"), no more parts but
    // the standard ones.
    let mut in_bilag = false;
    while k < words.len() {
        let w = words[k];
        let prev = if k > 0 { words[k - 1] } else { "" };
        // A word in capitals ("ØKONOMIUDVALGET 1. Meddelelser") is a page's heading, over.
        let capitals = prev.chars().filter(|c| c.is_alphabetic()).count() >= 3 && !prev.chars().any(char::is_lowercase);
        let after_end = k == 0 || prev.ends_with(['.', ':', '?', '!', ')']) || is_break_word(prev) || capitals || VERDICTS.contains(&prev);
        let lower = w.lower();
        // A label, perhaps of two or three words ("Sagen afgøres i:").
        let label_len = (1..=3).find(|&m| {
            k + m <= words.len() && {
                let phrase = words[k..k + m].join(" ").lower();
                LABELS.contains(&phrase.as_str()) && words[k].starts_with(char::is_uppercase)
            }
        });
        // A part heading: its words, capitalised, after a sentence's end.
        // "... Hvinningdalskolen Beslutning Økonomiudvalget den Anbefales": a decision
        // heading naming its body is one wherever it stands.
        let names_body = lower.starts_with("beslutning") && decision_qualifier(&words[k + 1..]) > 0;
        let heading_len = (1..=4).rev().find(|&m| {
            k + m <= words.len() && words[k].starts_with(char::is_uppercase) && {
                let phrase = words[k..k + m].join(" ");
                let kind = vocab::section_kind(&phrase);
                // A standard part's word (or "Bilag") before a capital opens the part even
                // after a name ("Sagsbehandler: Lene Thorup Sagsfremstilling Forslag ...").
                let strong = matches!(kind, Some(k) if k != SectionKind::Other) || phrase == "Bilag";
                let next_capital = words.get(k + m).is_some_and(|n| n.starts_with(char::is_uppercase));
                let allowed = !in_bilag || matches!(kind, Some(k) if k != SectionKind::Other);
                // A heading in capitals ("BILAGSFORTEGNELSE") is one anywhere.
                let capitals = phrase.chars().filter(|c| c.is_alphabetic()).count() >= 5 && !phrase.chars().any(char::is_lowercase);
                kind.is_some()
                    && allowed
                    && (after_end || names_body || capitals || words[k + m - 1].ends_with(':') || (strong && next_capital))
            }
        });
        if let Some(m) = heading_len {
            in_bilag = words[k..k + m].join(" ").trim_end_matches(':').eq_ignore_ascii_case("bilag");
        }
        // "Medlemmer Anders Kold Jeppesen (V) ...": an attendance heading over its people,
        // given its colon.
        let roll = label_len.is_none()
            && w.starts_with(char::is_uppercase)
            && vocab::roll(w).is_some_and(|r| r != vocab::Roll::Staff)
            && words[k + 1..].iter().take(5).enumerate().any(|(j, n)| {
                // "(A)", or "Name, Faxe": a party mark or a municipality after a name.
                n.starts_with('(') && n.ends_with(')')
                    || n.ends_with(',') && words.get(k + 2 + j).is_some_and(|m| crate::lexicon::municipality_exact(m).is_some())
            });
        if roll {
            if !lines.last().is_some_and(|l| l.is_empty()) {
                lines.push(Vec::new());
            }
            lines.last_mut().expect("a line").push(Cow::Owned(format!("{w}:")));
            k += 1;
            continue;
        }
        // "Åben sag", "Lukket sag", "Åbent møde".
        let status = matches!(lower.as_str(), "åben" | "åbent" | "lukket")
            && words.get(k + 1).is_some_and(|n| matches!(n.lower().trim_end_matches(':'), "sag" | "møde" | "punkt"));
        // "2. Title": an item's number after a sentence's end; "1.1. Title", a sub-item's,
        // anywhere but after "punkt" (a reference).
        let sub_item = w.trim_end_matches('.').contains('.') && !matches!(prev.lower().as_str(), "punkt" | "pkt." | "pkt" | "jf.");
        let number = (after_end && !super::is_abbreviation(prev) || sub_item)
            && is_item_number(w)
            && words.get(k + 1).is_some_and(|n| n.starts_with(char::is_uppercase));
        // "SAG-2010-03012 lbj": a case number, with the case worker's initials after it;
        // "dagsorden 10/12877 Beslutning i ...": a journal number before a part.
        // (After its label, "Sagsid.: 14/22410", it is the label's value.)
        let labelled = prev.ends_with(':');
        if !labelled && (vocab::case::is_case_token(w) || (part_next(&words, k) && vocab::case::case_number(w).is_some())) {
            if !lines.last().is_some_and(|l| l.is_empty()) {
                lines.push(Vec::new());
            }
            let initials = words.get(k + 1).is_some_and(|n| n.len() <= 4 && n.chars().all(|c| c.is_lowercase()));
            let take = if initials { 2 } else { 1 };
            lines.last_mut().expect("a line").extend(words[k..(k + take).min(words.len())].iter().map(|w| Cow::Borrowed(*w)));
            lines.push(Vec::new());
            k += take;
            continue;
        }
        // "Punkt nr. 71: Godkendelse", "SAG NR. 3 BUDGET": an item's label and number.
        let labelled_number = ["punkt nr.", "punkt", "pkt.", "sag nr."].iter().find_map(|l| {
            let n = l.split(' ').count();
            let phrase = words.get(k..k + n)?.join(" ").lower();
            let num = words.get(k + n)?.trim_end_matches([':', '.']);
            // ("Økonomiudvalget den 20. januar 2009, pkt. 9": after a comma, a reference.)
            let reference = k > 0 && words[k - 1].ends_with(',');
            (phrase == *l && !reference && !num.is_empty() && num.len() <= 4 && num.bytes().all(|b| b.is_ascii_digit())).then_some(n + 1)
        });
        if let Some(m) = labelled_number {
            if !lines.last().is_some_and(|l| l.is_empty()) {
                lines.push(Vec::new());
            }
            // "Punkt nr. 73 : Principper": a colon standing apart belongs to the number.
            let m = if words.get(k + m) == Some(&":") { m + 1 } else { m };
            let end = title_end(&words[k + m..]);
            lines.last_mut().expect("a line").extend(words[k..k + m + end].iter().map(|w| Cow::Borrowed(*w)));
            lines.push(Vec::new());
            k += m + end;
            in_bilag = false;
            continue;
        }
        // "Økonomiudvalgets møde 17. februar 2009 Punkt 1:": a decision heading of its own.
        let meeting_heading = (w.ends_with('s') && vocab::is_body_word(&w[..w.len() - 1]) && words.get(k + 1) == Some(&"møde"))
            .then(|| (k + 2..words.len().min(k + 10)).find(|&j| words[j].ends_with(':')).map(|j| j + 1 - k))
            .flatten();
        if let Some(m) = meeting_heading {
            if !lines.last().is_some_and(|l| l.is_empty()) {
                lines.push(Vec::new());
            }
            lines.last_mut().expect("a line").extend(words[k..k + m].iter().map(|w| Cow::Borrowed(*w)));
            lines.push(Vec::new());
            k += m;
            continue;
        }
        if label_len.is_some() || heading_len.is_some() || status || number {
            if !lines.last().is_some_and(|l| l.is_empty()) {
                lines.push(Vec::new());
            }
            let take = label_len.or(heading_len).unwrap_or(if status { 2 } else { 1 });
            let phrase = words[k..(k + take).min(words.len())].join(" ");
            // "Tilstede Jørgen ...": an attendance label gets its colon back.
            if label_len.is_some() && !phrase.ends_with(':') && vocab::roll(&phrase).is_some() {
                lines.last_mut().expect("a line").push(Cow::Owned(format!("{phrase}:")));
            } else {
                lines.last_mut().expect("a line").extend(words[k..(k + take).min(words.len())].iter().map(|w| Cow::Borrowed(*w)));
            }
            k += take;
            if status || heading_len.is_some() && !words[k - 1].ends_with(':') {
                // "Beslutning Økonomiudvalget den": the deciding body and date belong to it.
                if heading_len.is_some() && words[k - 1].lower().starts_with("beslutning") {
                    let extra = decision_qualifier(&words[k..]);
                    lines.last_mut().expect("a line").extend(words[k..k + extra].iter().map(|w| Cow::Borrowed(*w)));
                    k += extra;
                }
                lines.push(Vec::new());
            } else if number {
                in_bilag = false;
                // The title runs to the first word that starts a sentence.
                let end = title_end(&words[k..]);
                lines.last_mut().expect("a line").extend(words[k..k + end].iter().map(|w| Cow::Borrowed(*w)));
                k += end;
                lines.push(Vec::new());
            }
            continue;
        }
        lines.last_mut().expect("a line").push(Cow::Borrowed(w));
        k += 1;
    }
    lines.into_iter().filter(|l| !l.is_empty()).map(|l| l.join(" ")).collect()
}

/// The word after `k` opens a label ("Beslutningstema:") or a part ("Beslutning i ...").
fn part_next(words: &[&str], k: usize) -> bool {
    words.get(k + 1).is_some_and(|n| {
        n.starts_with(char::is_uppercase)
            && (n.ends_with(':')
                || n.lower().starts_with("beslutning")
                || (1..=3).any(|m| words.get(k + 1..k + 1 + m).is_some_and(|p| vocab::section_kind(&p.join(" ")).is_some())))
    })
}

/// Verdicts that end a title run together with its decision ("Meddelelser Intet").
const VERDICTS: &[&str] = &["Intet", "Ingen", "Godkendt", "Anbefales", "Udsat", "Tiltrådt", "Oversendes", "Drøftet"];

/// Words after which a new line may start without a full stop: a case's status ("sag").
fn is_break_word(w: &str) -> bool {
    // "kl": a time the converter lost its digits from ended there.
    // "Lukkede punkter 9. Salg af grund": a group of items begins.
    matches!(w, "sag" | "møde" | "punkt" | "kl" | "punkter")
}

/// "4.", "12.", "3.2.": an agenda number.
fn is_item_number(w: &str) -> bool {
    let s = w.strip_suffix('.').unwrap_or("");
    !s.is_empty() && s.len() <= 5 && s.split('.').all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// How many words after "Beslutning" name the deciding body and its date: "Økonomiudvalget
/// den", "i Kultur- og Idrætsudvalget den :", "Byrådet den 12-03-2019".
fn decision_qualifier(words: &[&str]) -> usize {
    let mut k = 0;
    if words.first() == Some(&"i") {
        k = 1;
    }
    let start = k;
    while k < words.len() && k - start < 6 && (words[k].starts_with(char::is_uppercase) || matches!(words[k], "og" | "for" | "-")) {
        k += 1;
    }
    if k == start || !words[start..k].iter().any(|w| vocab::is_body_word(w)) {
        return 0;
    }
    if words.get(k) != Some(&"den") {
        return 0;
    }
    {
        k += 1;
        // The date, or nothing where the converter lost its digits ("den :").
        while k < words.len() && (words[k].chars().any(|c| c.is_ascii_digit()) || vocab::month(words[k]).is_some() || words[k] == ":") {
            k += 1;
        }
    }
    k
}

/// Where a run-together title ends: before a capitalised word that begins a sentence (a
/// capital after a lower-case word, a lower-case word after it), before a label or a part
/// heading.
fn title_end(words: &[&str]) -> usize {
    for k in 1..words.len() {
        let w = words[k];
        let prev = words[k - 1];
        // "Budgetforslag for Økonomiudvalgets område": no title or sentence ends on a
        // preposition or a conjunction, so a capital after one begins no sentence.
        let after_small =
            matches!(prev, "for" | "af" | "til" | "om" | "fra" | "ved" | "med" | "mod" | "i" | "på" | "samt" | "og" | "eller");
        // "Frigivelse af anlægsmidler G Sagsfremstilling": a lone letter (the item's mark in
        // the minute system) between the title and its first part.
        if w.len() == 1 && w.starts_with(|c: char| c.is_ascii_uppercase()) && part_next(words, k) {
            return k;
        }
        // "Meddelelser a) Borgmesteren ...": a list opens; "Meddelelser Intet": the verdict.
        if (w.len() == 2 && w.ends_with(')') && w.starts_with(char::is_lowercase)) || VERDICTS.contains(&w.trim_end_matches(['.', ','])) {
            return k;
        }
        // "Låneoptagelse 2008 Ballerup Kommune har ...", "Befolkningsprognose
        // Befolkningsprognosen viser ...": capitalised words and then a verb begin a sentence.
        if w.starts_with(char::is_uppercase) && !w.ends_with(',') {
            let run = words[k..].iter().take(3).take_while(|x| x.starts_with(char::is_uppercase) && !x.ends_with(',')).count();
            let then_lower = words.get(k + run).is_some_and(|n| n.starts_with(char::is_lowercase) && !matches!(*n, "og" | "i" | "-"));
            let prev_plain = prev.starts_with(char::is_lowercase) || prev.chars().all(|c| c.is_ascii_digit()) || k == 1;
            if then_lower && prev_plain && !after_small {
                return k;
            }
        }
        if LABELS.contains(&w.lower().as_str()) || (w.ends_with(':') && w.starts_with(char::is_uppercase)) {
            return k;
        }
        // "Siden sidst 2.1. Meddelelser", "Meddelelser SAG-2010-03012": a sub-item's number
        // or a case number ends the title; "... Sommerrevy 10/9022 Beslutningstema:", a
        // journal number before the item's first label.
        let label_next = part_next(words, k);
        if (is_item_number(w) && w.trim_end_matches('.').contains('.'))
            || vocab::case::is_case_token(w)
            || (label_next && vocab::case::case_number(w).is_some())
        {
            return k;
        }
        // "10. Personalesag Beslutning Byrådet den ...", "... BEHANDLING ADMINISTRATIONENS
        // INDSTILLING Administrationen": a part heading ends the title.
        let heading = (1..=3).any(|m| {
            k + m <= words.len() && {
                let phrase = words[k..k + m].join(" ");
                let next_capital = words.get(k + m).is_some_and(|n| n.starts_with(char::is_uppercase));
                next_capital && matches!(vocab::section_kind(&phrase), Some(kind) if kind != SectionKind::Other)
            }
        });
        if w.starts_with(char::is_uppercase) && heading {
            return k;
        }
        let prev_lower = prev.starts_with(char::is_lowercase) || prev.chars().all(|c| c.is_ascii_digit() || c == '.');
        let next_lower = words.get(k + 1).is_some_and(|n| n.starts_with(char::is_lowercase));
        let capital = w.starts_with(char::is_uppercase) && !w.chars().all(|c| !c.is_lowercase());
        // ("... pr. 31. marts for Udvalget for Kultur": a name's small words go on.)
        let next_small = words.get(k + 1).is_some_and(|n| vocab::FUNCTION_WORDS.contains(n));
        if capital && prev_lower && next_lower && !next_small && !after_small {
            return k;
        }
        if k >= 20 {
            return k;
        }
    }
    words.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_comes_apart() {
        let page = "1. Godkendelse af dagsorden Dok.nr.: 2254 Sagsid.: 14/40 Initialer: dosko Åben sag Beslutning Økonomiudvalget den Godkendt. Afbud: Anne Mette Dalgaard (A) Side 2";
        let lines = split(strip_footer(page));
        assert_eq!(
            lines,
            [
                "1. Godkendelse af dagsorden",
                "Dok.nr.: 2254",
                "Sagsid.: 14/40",
                "Initialer: dosko",
                "Åben sag",
                "Beslutning Økonomiudvalget den",
                "Godkendt.",
                "Afbud: Anne Mette Dalgaard (A)"
            ]
        );
    }

    #[test]
    fn a_title_ends_where_a_sentence_begins() {
        let lines = split("3. Budget tidsplan og budgetproces Forvaltningen har udarbejdet forslag til tidsplan.");
        assert_eq!(lines, ["3. Budget tidsplan og budgetproces", "Forvaltningen har udarbejdet forslag til tidsplan."]);
    }

    #[test]
    fn a_title_goes_on_after_a_preposition_and_leaves_a_lone_letter() {
        let lines = split("3. Budgetforslag for Økonomiudvalgets område S Sagsfremstilling Udvalget skal godkende forslaget.");
        assert_eq!(lines[0], "3. Budgetforslag for Økonomiudvalgets område");
        assert_eq!(lines[1], "S");
    }

    #[test]
    fn a_numbered_point_after_a_comma_is_a_reference() {
        let lines = split("Økonomiudvalget den 20. januar 2009, pkt. 9 Der er modtaget et tilbud. Punkt 7 Salg af grund");
        assert!(lines[0].contains("pkt. 9 Der er"), "{lines:?}");
        assert!(lines.iter().any(|l| l.starts_with("Punkt 7 Salg af grund")), "{lines:?}");
    }

    #[test]
    fn one_word_furniture_only_where_the_next_word_varies() {
        let pages = |first: &[&str]| first.iter().enumerate().map(|(i, f)| format!("{f} {}. Titel {i} tekst", i + 1)).collect::<Vec<_>>();
        let varying = pages(&["Forside", "Refer", "Refer", "Refer", "Refer", "Refer"]);
        assert_eq!(running_header(varying.iter().map(String::as_str)), Some("Refer".to_owned()));
        // "Den 18. september 2018 REGIONSRÅDET": "Den" begins a longer run, refused for its date.
        let dated: Vec<String> = (1..=6).map(|i| format!("Den 18. september 2018 REGIONSRÅDET {i}. Titel")).collect();
        assert_eq!(running_header(dated.iter().map(String::as_str)), None);
        // Once in two pages is not enough for one word.
        let half = pages(&["Forside", "Refer", "Referat", "Refer", "Referat", "Refer"]);
        assert_eq!(running_header(half.iter().map(String::as_str)), None);
    }
}
