//! The meeting header: kind, body, date, start time, place.
//!
//! Councils write the header as labelled fields ("Mødedato: 24-11-2020", "Sted:
//! Byrådssalen", "Udvalg: Byrådet"), as a sentence ("Referat til mødet i Byrådet den 26.
//! september 2019 kl. 18:00 i Byrådssalen"), or as bare lines (the body, a date line, a
//! place line). Each field is taken from the most explicit form the document gives: a
//! label first, then the heading sentence, then a bare line in the right place.

use crate::model::Meeting;
use crate::text::Line;
use crate::vocab;

/// Labels of the header fields (lower case), by field.
const DATE_LABELS: &[&str] = &[
    "dato",
    "mødedato",
    "dato og tid",
    "dato og tidspunkt",
    "mødedato og tid",
    "tid",
    "tidspunkt",
    "mødetidspunkt",
    "mødetid",
    "starttidspunkt",
    "starttidspunkt for møde",
    "starttidspunkt for mødet",
    "mødestart",
    "afholdt",
    "mødet afholdt",
    "afholdt den",
    "referat",
    "dagsorden",
    "møde",
    "mødet",
];
const PLACE_LABELS: &[&str] =
    &["sted", "mødested", "lokale", "mødelokale", "placering", "mødelokation", "lokation", "adresse", "mødeadresse"];
const BODY_LABELS: &[&str] = &["udvalg", "organ", "forum", "råd", "udvalgsnavn", "mødeforum", "politisk udvalg", "mødeserie"];
/// Labels that end a field's value when a line runs several together.
const OTHER_LABELS: &[&str] = &[
    "deltagere",
    "medlemmer",
    "afbud",
    "afbud fra",
    "fraværende",
    "bemærkninger",
    "mødet slut",
    "sluttidspunkt",
    "mødet hævet",
    "referent",
    "til stede",
    "fra administrationen",
    "forside",
];

/// Reads the lines before the first agenda item; `text` is the whole document (the body's
/// owner may be named anywhere in it).
pub fn parse(lines: &[Line], text: &str) -> Meeting {
    let pieces = pieces(lines);
    let mut m = Meeting { kind: kind(&pieces), ..Meeting::default() };

    // Labelled fields first.
    for (k, p) in pieces.iter().enumerate() {
        let Some((label, value)) = p.label.as_deref().map(|l| (l, p.value.as_str())) else { continue };
        // "Mødedato:" alone on its line: the value is the next piece that is no label.
        let value = if value.is_empty() { next_value(&pieces, k) } else { value };
        if DATE_LABELS.contains(&label) {
            if m.date.is_none() {
                m.date = date(value);
            }
            if m.start_time.is_none() && (m.date.is_some() || label.contains("tid")) {
                m.start_time = time(value).or_else(|| bare_time(value));
            }
        } else if PLACE_LABELS.contains(&label) && m.location.is_none() {
            m.location = place_value(&pieces, k, value);
        } else if BODY_LABELS.contains(&label) && m.body.is_none() && !value.is_empty() {
            m.body = body_phrase(value).or_else(|| Some(value.to_owned()));
        }
    }

    // The heading: the first lines, before any long text.
    let heading: Vec<&Piece> = pieces.iter().filter(|p| p.label.is_none() && !is_breadcrumb(&p.value)).take(30).collect();
    let date_at =
        heading.iter().position(|p| crate::text::word_count(&p.value) <= 25 && date(&p.value).is_some() && !is_publishing(&p.value));
    if m.date.is_none() {
        m.date = date_at.and_then(|i| date(&heading[i].value));
    }
    if m.start_time.is_none() {
        // On the date's line, or on the line after it ("den 24. oktober 2018 kl. 17:00").
        m.start_time = date_at.and_then(|i| heading[i..].iter().take(2).find_map(|p| time(&p.value)));
    }
    if m.body.is_none() {
        m.body = heading.iter().take(20).find_map(|p| heading_body(&p.value));
    }
    if m.location.is_none() {
        m.location = date_at.and_then(|i| place_after_date(&heading, i)).or_else(|| {
            // "Referat: 24. september 2019 kl. 16:00" / "Byrådssalen, Rådhuset, ...": the
            // line after a labelled date.
            let all: Vec<&Piece> = pieces.iter().collect();
            let k = all.iter().position(|p| p.label.as_deref().is_some_and(|l| DATE_LABELS.contains(&l)) && date(&p.value).is_some())?;
            all.get(k + 1).filter(|p| p.label.is_none() && looks_like_place(&p.value)).map(|p| clean_place(&p.value))
        });
    }
    if m.start_time.is_none() {
        // A time given in the page's own words: "Møderne holdes ... kl. 16.00".
        m.start_time = pieces.iter().filter(|p| !ends_meeting(&p.value)).find_map(|p| time(&p.value));
    }
    if let Some(body) = m.body.take() {
        m.body = Some(with_owner(&body, text));
    }
    m
}

/// One label and its value, or a line without a label. A line that runs several labelled
/// fields together ("Mødedato: ... Mødetidspunkt: ... Mødested: ...") gives one a piece.
#[derive(Debug)]
struct Piece {
    label: Option<String>,
    value: String,
    /// The piece as printed (a label without a colon may be the value of the one before).
    raw: String,
}

fn pieces(lines: &[Line]) -> Vec<Piece> {
    let mut out = Vec::new();
    for line in lines.iter().take(400) {
        let t = line.text.trim();
        if t.is_empty() {
            continue;
        }
        let parts = split_labels(t);
        let run = parts.len() > 1;
        for part in parts {
            let raw = part.to_owned();
            match labelled(part, run) {
                Some((label, value)) => out.push(Piece { label: Some(label), value: value.to_owned(), raw }),
                None => out.push(Piece { label: None, value: part.to_owned(), raw }),
            }
        }
    }
    out
}

fn all_labels() -> impl Iterator<Item = &'static str> {
    DATE_LABELS.iter().chain(PLACE_LABELS).chain(BODY_LABELS).chain(OTHER_LABELS).copied()
}

fn is_label(l: &str) -> bool {
    all_labels().any(|x| x == l) || vocab::roll(l).is_some()
}

/// Splits a line before every known "Label:" inside it.
fn split_labels(t: &str) -> Vec<&str> {
    let mut cuts = vec![0];
    for (i, _) in t.match_indices(':') {
        // The label is the one to three words before the colon, starting with a capital.
        let before = &t[..i];
        let starts: Vec<usize> = before.char_indices().filter(|&(j, _)| j == 0 || before[..j].ends_with(' ')).map(|(j, _)| j).collect();
        for &s in starts.iter().rev().take(4) {
            let label = before[s..].trim().lower();
            if s > *cuts.last().unwrap() && before[s..].starts_with(char::is_uppercase) && is_label(&label) {
                cuts.push(s);
                break;
            }
        }
    }
    // "Mødedato 24. februar 2014 Mødetidspunkt 18.00 Mødelokale Rådssalen": a line of
    // fields without colons splits before each label made for the header. (After a label
    // with a colon, "Mødelokale 2" is a value.)
    let first = t.split_whitespace().next().unwrap_or("").lower();
    let colonless = COMPOUND_LABELS.contains(&first.as_str());
    for (i, _) in t.match_indices(|c: char| c.is_uppercase()).filter(|_| colonless) {
        let word = t[i..].split_whitespace().next().unwrap_or("");
        if i > 0 && t[..i].ends_with(' ') && COMPOUND_LABELS.contains(&word.lower().as_str()) {
            if let Err(at) = cuts.binary_search(&i) {
                cuts.insert(at, i);
            }
        }
    }
    cuts.push(t.len());
    cuts.windows(2).map(|w| t[w[0]..w[1]].trim()).filter(|s| !s.is_empty()).collect()
}

/// Labels made for the header, never a word of a value, that stand without a colon.
const COMPOUND_LABELS: &[&str] = &["mødedato", "mødetidspunkt", "mødelokale", "mødested", "starttidspunkt", "sluttidspunkt"];

/// "Dato: 11-06-2021 10:00" -> ("dato", "11-06-2021 10:00"). Labels the header knows,
/// with or without the colon ("Mødested   Byrådssalen", "Starttidspunkt 08:30").
/// `in_run`: the piece is one of several fields a line ran together, where even a label
/// that is also a room's name ("Mødelokale Rådssalen") is a label.
fn labelled(t: &str, in_run: bool) -> Option<(String, &str)> {
    if let Some((label, value)) = t.split_once(':') {
        let l = label.trim().lower();
        if is_label(&l) {
            return Some((l, value.trim()));
        }
    }
    // "STED" alone on its line, its value on the next.
    let whole = t.lower();
    if (DATE_LABELS.contains(&whole.as_str()) || PLACE_LABELS.contains(&whole.as_str()) || BODY_LABELS.contains(&whole.as_str()))
        && !matches!(whole.as_str(), "referat" | "dagsorden")
    {
        return Some((whole, ""));
    }
    let (first, rest) = t.split_once(char::is_whitespace).unwrap_or((t, ""));
    let l = first.lower();
    let ok = match l.as_str() {
        "mødedato" | "mødested" | "mødetidspunkt" | "starttidspunkt" => true,
        // "Mødelokale Udvalgsværelse D" labels a room; "Mødelokale F 6, Rådhuset" is one.
        "mødelokale" => {
            in_run || rest.split_whitespace().next().is_some_and(|w| w.chars().count() >= 3 && w.starts_with(char::is_uppercase))
        }
        "dato" => date(rest).is_some(),
        "tid" | "tidspunkt" => bare_time(rest).is_some() || time(rest).is_some(),
        _ => false,
    };
    ok.then(|| (l, rest.trim()))
}

/// The value of an empty label: the next piece, if it is not a label with a colon or a
/// label alone ("MØDESTED" / "Byrådssalen"; "Mødelokale:" / "Mødelokale 1").
fn next_value(pieces: &[Piece], k: usize) -> &str {
    match pieces.get(k + 1) {
        Some(p) if p.label.is_none() => p.value.as_str(),
        Some(p) if !p.raw.contains(':') && !p.value.is_empty() => p.raw.as_str(),
        _ => "",
    }
}

/// A place label's value. Flattened PDFs put the label's value after the next label when
/// the form had two columns ("Mødested: Deltagere: Borgmesterens mødelokale Torben ..."):
/// then the place is the words before the first person.
fn place_value(pieces: &[Piece], k: usize, value: &str) -> Option<String> {
    let v = clean_place(value);
    if !v.is_empty() {
        return Some(v);
    }
    let next = pieces.get(k + 1)?;
    if next.label.is_some() {
        let words: Vec<&str> = next.value.split_whitespace().collect();
        let first_person = (0..words.len()).find(|&i| crate::lexicon::is_first_name(words[i]))?;
        let place = words[..first_person].join(" ");
        return (!place.is_empty()).then(|| clean_place(&place));
    }
    None
}

/// Up to the end of the first sentence: ". " before a capital ("Udvalgsværelse 7. Åbent
/// møde" ends after "7"; "3. sal" goes on).
fn first_sentence(t: &str) -> &str {
    let b = t.as_bytes();
    t.match_indices(". ")
        .find(|&(i, _)| t[i + 2..].starts_with(char::is_uppercase) && i > 0 && b[i - 1] != b' ')
        .map_or(t, |(i, _)| &t[..i])
}

/// Where the first marked clock time in `t` ends.
fn time_end(t: &str) -> Option<usize> {
    let lower = t.lower();
    // After "kl.", or a colon time anywhere ("Tid 19:00.").
    // (`lower` may differ from `t` in length where lower-casing does: `get` keeps to `t`'s
    // own boundaries.)
    let at = lower.match_indices("kl").map(|(i, _)| i).find(|&i| t.get(i..).and_then(time).is_some()).or_else(|| {
        t.find(':').filter(|&c| c >= 1 && t.as_bytes()[c - 1].is_ascii_digit()).map(|c| {
            // The digits before the colon start after the last other character, whatever
            // its width ("§9:0").
            t[..c].char_indices().rev().find(|(_, ch)| !ch.is_ascii_digit()).map_or(0, |(s, ch)| s + ch.len_utf8())
        })
    })?;
    let digits = t[at..].find(|c: char| c.is_ascii_digit())? + at;
    let end = t[digits..].find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.')).map_or(t.len(), |e| digits + e);
    Some(end)
}

fn clean_place(v: &str) -> String {
    // "Mødelokale F 6, Frederikssund Rådhus kl. 16.00": the time is no part of the place.
    let v = match time_end(v) {
        Some(end) if end == v.trim_end().len() => {
            let lower = v.lower();
            lower.rfind(" kl").and_then(|at| v.get(..at)).unwrap_or(v)
        }
        _ => v,
    };
    // A quote left over from a title cut short goes; quotes around a name stay.
    let v = v.trim();
    let v = if v.matches('"').count() % 2 == 1 { v.trim_matches('"') } else { v };
    // "Kl Regionsgården i Hillerød, rådssalen Møde nr. 9": a time whose digits were lost
    // before it, the meeting's number after it.
    let v = v.strip_prefix("Kl ").or_else(|| v.strip_prefix("kl ")).unwrap_or(v);
    let v = v.find(" Møde nr.").map_or(v, |at| &v[..at]);
    // "Byrådssalen, Fjerritslev Rådhus, kl": a time whose digits were lost.
    let v = v.strip_suffix(", kl").or_else(|| v.strip_suffix(" kl")).unwrap_or(v);
    let v = after_address(v);
    v.trim_end_matches(['.', ',', ';']).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "Sorø Storkro, Abildvej 100, 4180 Sorø KL s mission ...": an address ends with its
/// postcode and town (and a district letter: "8000 Aarhus C"); what follows ran on from the
/// page.
fn after_address(v: &str) -> &str {
    let words: Vec<&str> = v.split(' ').collect();
    let postcode = |w: &str| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) && !w.starts_with('0');
    let Some(k) = (1..words.len().saturating_sub(2))
        .find(|&k| postcode(words[k]) && words[k - 1].ends_with(',') && words[k + 1].starts_with(char::is_uppercase))
    else {
        return v;
    };
    let district = words.get(k + 2).is_some_and(|w| w.len() == 1 && w.chars().all(char::is_uppercase));
    let end = k + 2 + usize::from(district);
    if words.len() - end < 3 {
        return v;
    }
    let len: usize = words[..end].iter().map(|w| w.len() + 1).sum::<usize>() - 1;
    &v[..len]
}

/// "Referat", "Dagsorden" or "Beslutningsprotokol" as the heading's word.
fn kind(pieces: &[Piece]) -> Option<String> {
    pieces.iter().take(40).find_map(|p| {
        let t = p.label.as_deref().unwrap_or(&p.value);
        let words: Vec<String> = t.split_whitespace().take(3).map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).lower()).collect();
        words.iter().find_map(|w| match w.as_str() {
            "referat" | "beslutningsprotokol" | "referater" => Some("referat".to_owned()),
            "dagsorden" => Some("dagsorden".to_owned()),
            _ => None,
        })
    })
}

/// "Politik › Kommunalbestyrelse › Dagsordener og referater": a site's path, not a heading.
fn is_breadcrumb(t: &str) -> bool {
    t.contains('›') || t.contains('»') || t.contains(" > ") || t.contains(" / ")
}

/// "Publiceret 01-11-2017", "Udskrevet den ...": the document's own dates, not the meeting's.
fn is_publishing(t: &str) -> bool {
    let l = t.lower();
    ["publiceret", "udskrevet", "printet", "opdateret", "offentliggjort", "udsendt", "senest ændret", "dato for udsendelse"]
        .iter()
        .any(|w| l.contains(w))
}

fn ends_meeting(t: &str) -> bool {
    let l = t.lower();
    ["hævet", "slut", "afsluttet", "sluttede", "ophørte"].iter().any(|w| l.contains(w))
}

/// The body a heading line names: "Referat fra møde i Middelfart Ældreråd torsdag den
/// 16. april 2015" -> "Middelfart Ældreråd"; "Kommunalbestyrelsen" -> itself.
fn heading_body(t: &str) -> Option<String> {
    let words = crate::text::word_count(t);
    let lower = t.lower();
    let opens = ["referat", "dagsorden", "beslutningsprotokol", "mødet i", "møde i", "protokol"]
        .iter()
        .any(|w| lower.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ').starts_with(w));
    if words > 10 && !opens {
        // A long line names the body only in its first words ("Økonomiudvalget tirsdag den ...").
        let head: String = t.split_whitespace().take(6).collect::<Vec<_>>().join(" ");
        return body_phrase(&head).filter(|b| t.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ').starts_with(b.as_str()));
    }
    body_phrase(t)
}

/// Words of a heading line that are not the body's name.
const NOT_BODY: &[&str] = &[
    "referat",
    "referat.",
    "referater",
    "beslutninger",
    "beslutningsprotokol",
    "dagsorden",
    "beslutningsprotokol",
    "protokol",
    "fra",
    "for",
    "til",
    "af",
    "mødet",
    "møde",
    "i",
    "det",
    "ordinære",
    "ekstraordinære",
    "ekstraordinært",
    "ordinært",
    "åbent",
    "åben",
    "offentligt",
    "og",
    "-",
    "–",
    "—",
];

/// The body's name within a heading: the words around a body noun, the heading's own
/// words and the date left out. An election period printed with the name stays
/// ("Allerød Byråd 2018-2021").
fn body_phrase(t: &str) -> Option<String> {
    let t = t.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
    let mut segment: Vec<&str> = Vec::new();
    let mut words = t.split_whitespace().peekable();
    while let Some(w) = words.next() {
        let lw = w.lower();
        let lw = lw.trim_end_matches([',', ':', '.']);
        let is_period = is_year_span(lw) && segment.last().is_some_and(|p| vocab::is_body_word(p));
        let stops = !is_period
            && (w.chars().any(|c| c.is_ascii_digit())
                || matches!(lw, "d" | "den" | "kl" | "afholdt" | "holdt" | "dato" | "tid" | "sted" | "mødested")
                || vocab::WEEKDAYS.contains(&lw)
                || vocab::month(lw).is_some() && lw.len() > 3);
        if !stops {
            segment.push(w);
        }
        // A segment ends at a stop word, at a sentence's end, and after an election period.
        let ends = stops || is_period || (w.ends_with('.') && !is_year_span(lw)) || words.peek().is_none();
        if ends {
            if let Some(name) = body_of_segment(&segment) {
                return Some(name);
            }
            segment.clear();
        }
    }
    None
}

fn is_year_span(w: &str) -> bool {
    let Some((a, b)) = w.split_once('-') else { return false };
    a.len() == 4 && (b.len() == 2 || b.len() == 4) && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit())
}

fn body_of_segment(segment: &[&str]) -> Option<String> {
    // "Økonomiudvalgets møde": the body named in the genitive.
    let mut words: Vec<&str> = segment
        .iter()
        .map(|w| w.trim_end_matches([',', ':', '.']))
        // "Planlægning's møde": a genitive with an apostrophe.
        .map(|w| w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w))
        .map(|w| match w.strip_suffix('s') {
            Some(stem) if vocab::is_body_word(stem) && !vocab::is_body_word(w) => stem,
            _ => w,
        })
        .filter(|w| !w.is_empty())
        .collect();
    // "Forretningsudvalg - mødesager", "Byrådet - Referat": the name ends at the dash.
    if let Some(d) = words.iter().position(|w| matches!(*w, "-" | "–" | "—")) {
        if words[..d].iter().any(|w| vocab::is_body_word(w)) {
            words.truncate(d);
        }
    }
    // "REBILD KOMMUNE REFERAT Økonomiudvalget": what follows the heading's kind word.
    if let Some(k) = words.iter().rposition(|w| matches!(w.lower().as_str(), "referat" | "dagsorden" | "beslutningsprotokol")) {
        if words[k + 1..].iter().any(|w| vocab::is_body_word(w)) {
            words.drain(..=k);
        }
    }
    while words.first().is_some_and(|w| NOT_BODY.contains(&w.lower().as_str())) {
        words.remove(0);
    }
    while words.last().is_some_and(|w| NOT_BODY.contains(&w.lower().as_str())) {
        words.pop();
    }
    if words.is_empty() || words.len() > 8 || !words.iter().any(|w| vocab::is_body_word(w)) {
        return None;
    }
    // "Referat byrådet 28. november 2018": a body noun alone, in lower case.
    if let [w] = words.as_slice() {
        if w.starts_with(char::is_lowercase) && vocab::is_body_word(w) {
            let mut cs = w.chars();
            let first = cs.next().expect("non-empty");
            return Some(first.to_uppercase().chain(cs).collect());
        }
    }
    if words.iter().any(|w| w.starts_with(char::is_lowercase) && !matches!(*w, "og" | "for" | "i" | "af" | "til")) {
        return None;
    }
    let name = capitalised(&words);
    // "Region Hovedstaden Regionsrådet": the owner, then the body, as "Owner, Body".
    let w: Vec<&str> = name.split_whitespace().collect();
    let region = w.first() == Some(&"Region") && w.len() > 2 && REGIONS.contains(&w[1]);
    let municipality = w.len() > 2 && w[1] == "Kommune";
    let owner_len = if region || municipality { 2 } else { 0 };
    if owner_len > 0 && !w[owner_len - 1].ends_with(',') {
        return Some(format!("{}, {}", w[..owner_len].join(" "), w[owner_len..].join(" ")));
    }
    Some(name)
}

/// "KKR NORDJYLLAND" -> "KKR Nordjylland": words in capitals get ordinary capitals, short
/// acronyms stay.
fn capitalised(words: &[&str]) -> String {
    let all_caps = words.iter().all(|w| !w.chars().any(char::is_lowercase));
    words
        .iter()
        .map(|w| {
            if all_caps && w.chars().filter(|c| c.is_alphabetic()).count() > 3 && !matches!(*w, "OG" | "FOR") {
                let mut cs = w.chars();
                let first = cs.next().expect("non-empty word");
                first.to_uppercase().chain(cs.flat_map(char::to_lowercase)).collect()
            } else if all_caps && matches!(*w, "OG" | "FOR" | "I") {
                w.lower()
            } else {
                (*w).to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The place right after the date in the heading: "... kl. 18:00 i Byrådssalen, Hadsund
/// Rådhus", a next line "i Byrådssalen", or a bare next line that names a place.
fn place_after_date(heading: &[&Piece], i: usize) -> Option<String> {
    let line = &heading[i].value;
    if let Some((at, _)) = line.match_indices(" i ").find(|&(at, _)| time(&line[..at]).is_some() || date(&line[..at]).is_some()) {
        let rest = &line[at + 3..];
        if rest.starts_with(char::is_uppercase) {
            return Some(clean_place(first_sentence(rest)));
        }
    }
    // "23. april kl. 8:15 Lokale D116, Silkeborg Rådhus", "Tid 19:00. Byrådssalen, ...": the
    // sentence after the time.
    if let Some(end) = time_end(line) {
        let rest = line[end..].trim_start_matches(['.', ' ', ',']);
        let sentence = first_sentence(rest);
        if looks_like_place(sentence) {
            return Some(clean_place(sentence));
        }
    }
    // The next lines, a time alone on its line passed over ("Kl. 17:00" / "Kl. 20:10" /
    // "Det Hvide Værelse, Rådhuset" under a column of labels).
    for p in heading.iter().skip(i + 1).filter(|p| !(crate::text::word_count(&p.value) <= 3 && time(&p.value).is_some())).take(2) {
        let v = p.value.as_str();
        if let Some(rest) = v.strip_prefix("i ").or_else(|| v.strip_prefix("I ")) {
            return Some(clean_place(rest));
        }
        if looks_like_place(v) {
            return Some(clean_place(v));
        }
    }
    None
}

/// Nouns of meeting places and addresses ("Byrådssalen", "Rådhuset", "Ved Fjorden 6").
const PLACE_NOUNS: &[&str] = &[
    "sal",
    "salen",
    "rådhus",
    "rådhuset",
    "lokale",
    "lokalet",
    "kontor",
    "kontoret",
    "center",
    "centret",
    "centeret",
    "hotel",
    "hus",
    "huset",
    "skole",
    "skolen",
    "bibliotek",
    "biblioteket",
    "vej",
    "gade",
    "allé",
    "plads",
    "torv",
    "torvet",
    "stue",
    "stuen",
    "teams",
    "online",
    "virtuelt",
    "hal",
    "hallen",
    "gård",
    "gården",
    "kro",
    "kroen",
];

fn looks_like_place(t: &str) -> bool {
    let words: Vec<String> = t.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).lower()).collect();
    (1..=14).contains(&words.len())
        && !t.ends_with('.')
        && date(t).is_none()
        && !words.iter().any(|w| vocab::is_body_word(w))
        && words.iter().any(|w| PLACE_NOUNS.iter().any(|n| w.ends_with(n)))
}

/// The date and the body most decision headings name, the body with its owner.
pub fn from_decision_headings(headings: &[&str], text: &str) -> (Option<String>, Option<String>) {
    let most = |values: Vec<String>| -> Option<String> {
        let mut counts: Vec<(String, usize)> = Vec::new();
        for v in values {
            match counts.iter_mut().find(|c| c.0 == v) {
                Some(c) => c.1 += 1,
                None => counts.push((v, 1)),
            }
        }
        counts.into_iter().max_by_key(|c| c.1).map(|c| c.0)
    };
    let date = most(headings.iter().filter_map(|h| date(h)).collect());
    let bodies = headings
        .iter()
        .filter_map(|h| {
            let h = h.trim_start_matches(|c: char| c.is_alphabetic() && !c.is_uppercase()).trim();
            let rest = ["beslutning i ", "beslutning: ", "beslutning "]
                .iter()
                .find_map(|p| h.lower().starts_with(p).then(|| &h[p.len()..]))
                .unwrap_or(h);
            // "Forretningsudvalgets beslutning den ..." names the body in the genitive.
            let rest = rest.split(" beslutning").next().unwrap_or(rest);
            let b = body_phrase(rest)?;
            Some(match b.strip_suffix('s') {
                Some(stem) if vocab::is_body_word(stem) && !vocab::is_body_word(&b) => stem.to_owned(),
                _ => b,
            })
        })
        .collect();
    (date, most(bodies).map(|b| with_owner(&b, text)))
}

/// The body with its owner in front where its name does not say whose it is:
/// "Byrådet" in a Vejle referat -> "Vejle Kommune, Byrådet".
fn with_owner(body: &str, text: &str) -> String {
    let lower = body.lower();
    let named = lower.contains("kommune")
        || lower.contains("region")
        || lower.split_whitespace().any(|w| w == "kkr")
        || body.split(|c: char| !c.is_alphanumeric() && c != '-').any(|w| w.len() > 2 && crate::lexicon::municipality_exact(w).is_some());
    if named {
        return body.to_owned();
    }
    match owner(text) {
        Some(o) => format!("{o}, {body}"),
        None => body.to_owned(),
    }
}

/// Who the body belongs to, as the document names it most often: "Vejle Kommune",
/// "Vesthimmerlands Kommune", "Bornholms Regionskommune", "Region Hovedstaden".
pub fn owner(text: &str) -> Option<String> {
    let mut counts: Vec<(String, usize, usize)> = Vec::new(); // (form, count, first position)
    let mut add = |form: String, at: usize| match counts.iter_mut().find(|c| c.0 == form) {
        Some(c) => c.1 += 1,
        None => counts.push((form, 1, at)),
    };
    let words: Vec<(usize, &str)> = text.split_whitespace().map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w)).collect();
    for k in 1..words.len() {
        let (at, w) = words[k];
        let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        let prev = words[k - 1].1.trim_start_matches(|c: char| !c.is_alphanumeric());
        // Only "Kommune", "KOMMUNE", "Regionskommune" (and genitives) are nouns of an owner:
        // other words are not recased to find out.
        let noun = if w.starts_with(['K', 'R']) { capitalised(&[w]) } else { String::new() };
        if matches!(noun.as_str(), "Kommune" | "Kommunes" | "Regionskommune" | "Regionskommunes") {
            // "REBILD KOMMUNE" is "Rebild Kommune".
            let prev = if w == "KOMMUNE" || w == "KOMMUNES" { capitalised(&[prev]) } else { prev.to_owned() };
            if crate::lexicon::municipality_exact(&prev).is_some() {
                // "Vejle Kommunes" is "Vejle Kommune" in the genitive.
                add(format!("{prev} {}", noun.strip_suffix('s').unwrap_or(&noun)), at);
            }
        } else if prev == "Region" {
            if let Some(r) = REGIONS.iter().find(|r| w == **r || w.strip_suffix('s') == Some(**r)) {
                add(format!("Region {r}"), at);
            }
        }
    }
    // A municipality's own documents mention regions too (and the reverse less often): a
    // region owns the body only when it is named at least twice as often.
    let top =
        |region: bool| counts.iter().filter(|c| c.0.starts_with("Region ") == region).min_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    match (top(false), top(true)) {
        (Some(m), Some(r)) if r.1 >= 2 * m.1 => Some(r.0.clone()),
        (Some(m), _) => Some(m.0.clone()),
        (None, r) => r.map(|r| r.0.clone()),
    }
}

use crate::text::Lower;
use crate::vocab::REGIONS;

/// The first date in `s`: "11-06-2021", "11.06.2021", "2021-06-11", "27. august 2025",
/// "Mandag den 3. juni 2019", "Onsdag, April 3, 2019", "26. apr 2022".
pub fn date(s: &str) -> Option<String> {
    let tokens: Vec<&str> = s.split(|c: char| c.is_whitespace() || c == ',').filter(|t| !t.is_empty()).collect();
    for (i, tok) in tokens.iter().enumerate() {
        let tok = tok.trim_matches(|c: char| !c.is_alphanumeric());
        let parts: Vec<&str> = tok.split(['-', '.', '/']).collect();
        if parts.len() >= 3 && parts.iter().take(3).all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit())) {
            let (a, b, c) = (parts[0], parts[1], parts[2]);
            let (y, mo, d) = if a.len() == 4 { (a, b, c) } else { (c, b, a) };
            if let Some(iso) = iso(y, mo.parse().ok()?, d.parse().ok()?) {
                return Some(iso);
            }
        }
        // "3. juni 2019", "3 juni 2019"
        if let Ok(day) = tok.parse::<u32>() {
            let month = tokens.get(i + 1).and_then(|m| vocab::month(m));
            let year = tokens.get(i + 2).map(|y| y.trim_matches(|c: char| !c.is_ascii_digit()));
            if let (Some(mo), Some(y)) = (month, year) {
                if let Some(iso) = iso(y, mo, day) {
                    return Some(iso);
                }
            }
        }
        // "April 3, 2019"
        if let Some(mo) = vocab::month(tok).filter(|_| tok.len() > 2) {
            let day = tokens.get(i + 1).and_then(|d| d.trim_end_matches(['.', ',']).parse::<u32>().ok());
            let year = tokens.get(i + 2).map(|y| y.trim_matches(|c: char| !c.is_ascii_digit()));
            if let (Some(d), Some(y)) = (day, year) {
                if let Some(iso) = iso(y, mo, d) {
                    return Some(iso);
                }
            }
        }
    }
    None
}

fn iso(y: &str, mo: u32, d: u32) -> Option<String> {
    if y.len() != 4 {
        return None;
    }
    let y: u32 = y.parse().ok()?;
    ((1900..=2200).contains(&y) && (1..=12).contains(&mo) && (1..=31).contains(&d)).then(|| format!("{y:04}-{mo:02}-{d:02}"))
}

/// The first clock time in `s` that is marked as one: "10:00", "kl. 15.45", "Kl. 17",
/// "kl. 13.00Deltagere".
pub fn time(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let lower = s.lower();
    // "kl." / "kl" followed by a time.
    for (at, _) in lower.match_indices("kl") {
        let before_ok = at == 0 || !b[at - 1].is_ascii_alphabetic();
        let after = s[at + 2..].trim_start_matches(['.', ' ']);
        if before_ok && !s[at + 2..].starts_with(|c: char| c.is_alphabetic()) {
            if let Some(t) = clock(after, true) {
                return Some(t);
            }
        }
    }
    // A colon time anywhere: "10:00", "9:30-11:30".
    (0..b.len()).filter(|&i| b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit())).find_map(|i| {
        let t = clock(&s[i..], false)?;
        s[i..].find(':').filter(|&c| c <= 2).map(|_| t)
    })
}

/// A time alone as a field's value: "08:30", "16.00", "9.30-11.30".
fn bare_time(s: &str) -> Option<String> {
    let t = s.trim();
    // "14. juni 2021" is a date; a time alone has no words.
    let wordless = !t.chars().any(char::is_alphabetic);
    clock(t, true).filter(|_| wordless && date(t).is_none() && t.starts_with(|c: char| c.is_ascii_digit()))
}

/// "17:00", "17.00", and with `hour_alone` also "17" -> "17:00".
fn clock(s: &str, hour_alone: bool) -> Option<String> {
    let h_end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    if h_end == 0 || h_end > 2 {
        return None;
    }
    let h: u32 = s[..h_end].parse().ok()?;
    let rest = &s[h_end..];
    let m = match rest.strip_prefix([':', '.']) {
        Some(r)
            if r.len() >= 2 && r.as_bytes()[..2].iter().all(u8::is_ascii_digit) && !r[2..].starts_with(|c: char| c.is_ascii_digit()) =>
        {
            r[..2].parse().ok()?
        }
        _ if hour_alone && !rest.starts_with(|c: char| c.is_ascii_digit() || c == '.' || c == ':') => 0,
        _ if hour_alone && rest.starts_with('.') && !rest[1..].starts_with(|c: char| c.is_ascii_digit()) => 0,
        _ => return None,
    };
    (h < 24 && m < 60).then(|| format!("{h:02}:{m:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_after_a_wide_character() {
        // Found by tests/mutations.rs: a two-byte character right before the digits.
        assert_eq!(time_end("Kommunalbestyrelsens mødesal\t§9:0"), Some("Kommunalbestyrelsens mødesal\t§9:0".len()));
        assert_eq!(clean_place("Byrådssale§1:/n"), "Byrådssale§1:/n");
    }

    fn meeting(text: &str) -> Meeting {
        let lines = crate::text::lines(text);
        parse(&lines, text)
    }

    #[test]
    fn dates_and_times() {
        assert_eq!(date("11-06-2021 10:00").as_deref(), Some("2021-06-11"));
        assert_eq!(date("Onsdag d. 27. august 2025 kl. 16:00").as_deref(), Some("2025-08-27"));
        assert_eq!(date("Onsdag, April 3, 2019 - 18:00").as_deref(), Some("2019-04-03"));
        assert_eq!(date("26. apr 2022").as_deref(), Some("2022-04-26"));
        assert_eq!(date("Mandag den 06-05-2013").as_deref(), Some("2013-05-06"));
        assert_eq!(time("Onsdag d. 27. august 2025 kl. 16:00").as_deref(), Some("16:00"));
        assert_eq!(time("1. oktober 2025 kl. 15.45").as_deref(), Some("15:45"));
        assert_eq!(time("torsdag den 16. april 2015 kl. 13.00Deltagere:").as_deref(), Some("13:00"));
        assert_eq!(time("Mødetidspunkt: 9:30-11:30").as_deref(), Some("09:30"));
        assert_eq!(time("Kl. 17").as_deref(), Some("17:00"));
        assert_eq!(time("punkt 3.2"), None);
        assert_eq!(date("ingen dato her"), None);
        assert_eq!(date("mødet den 14. marts 2025.").as_deref(), Some("2025-03-14"));
    }

    #[test]
    fn labelled_fields() {
        let m =
            meeting("Referat\nUdvalg: Økonomiudvalget\nDato: Tirsdag den 07. maj 2019\nTid: Kl. 17:00\nSted: Mødelokale 1, forhallen\n");
        assert_eq!(m.date.as_deref(), Some("2019-05-07"));
        assert_eq!(m.start_time.as_deref(), Some("17:00"));
        assert_eq!(m.location.as_deref(), Some("Mødelokale 1, forhallen"));
        assert_eq!(m.body.as_deref(), Some("Økonomiudvalget"));
    }

    #[test]
    fn a_heading_sentence() {
        let m =
            meeting("Referat til mødet i Byrådet den 26. september 2019 kl. 18:00 i Byrådssalen, Hadsund Rådhus\n\nMariagerfjord Kommune");
        assert_eq!(m.body.as_deref(), Some("Mariagerfjord Kommune, Byrådet"));
        assert_eq!(m.date.as_deref(), Some("2019-09-26"));
        assert_eq!(m.start_time.as_deref(), Some("18:00"));
        assert_eq!(m.location.as_deref(), Some("Byrådssalen, Hadsund Rådhus"));
    }

    #[test]
    fn the_body_names_its_owner() {
        assert_eq!(
            meeting("Referat fra møde i Middelfart Ældreråd torsdag den 16. april 2015").body.as_deref(),
            Some("Middelfart Ældreråd")
        );
        assert_eq!(meeting("REFERAT Aarhus Byråd d. 27-08-2025").body.as_deref(), Some("Aarhus Byråd"));
        assert_eq!(meeting("KKR NORDJYLLAND\nDato: 11-06-2021").body.as_deref(), Some("KKR Nordjylland"));
    }

    #[test]
    fn owners() {
        assert_eq!(owner("Vesthimmerlands Kommune har ... i Vesthimmerlands Kommunes budget").as_deref(), Some("Vesthimmerlands Kommune"));
        assert_eq!(owner("Bornholms Regionskommune er eneaktionær").as_deref(), Some("Bornholms Regionskommune"));
        assert_eq!(owner("Region Hovedstaden").as_deref(), Some("Region Hovedstaden"));
        assert_eq!(owner("ingen ejer"), None);
    }

    #[test]
    fn an_address_ends_at_its_town() {
        assert_eq!(
            after_address("Sorø Storkro, Abildvej 100, 4180 Sorø KL s mission At varetage de fælles interesser"),
            "Sorø Storkro, Abildvej 100, 4180 Sorø"
        );
        assert_eq!(
            after_address("Rådhuset, Rådhuspladsen 2, 8000 Aarhus C Mødet begyndte kl. 16"),
            "Rådhuset, Rådhuspladsen 2, 8000 Aarhus C"
        );
        assert_eq!(after_address("Byrådssalen, 9800 Hjørring"), "Byrådssalen, 9800 Hjørring");
    }
}
