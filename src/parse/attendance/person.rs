//! One person as an attendance list or sentence writes them: "Birgit Stenbak Hansen (A),
//! Frederikshavn Kommune", "Karsten Engholm, V", "Anja Vestergaard, (A)", "Formand: Lene
//! Skovmose (A)", "Jørgen Kjærsgaard (A) - formand", "Henrik Møller Vinther (Løsgænger)",
//! "Charlotte Levin (Afbud)", "• Hans Peter Ravn", "1. Jannie Skov, F".

use crate::lexicon;
use crate::model::Person;
use crate::text::Lower;
use crate::vocab;

/// What a person's line says about them besides name, party and place.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Mark {
    None,
    /// "(Afbud)", "(fraværende)", "m. afbud".
    Absent,
    /// "(protokol)", "(referent)": the secretary, not a member.
    Staff,
}

/// A person with the role printed with them ("formand"), when any.
#[derive(Debug, Clone)]
pub struct Listed {
    pub person: Person,
    pub role: Option<&'static str>,
    pub mark: Mark,
}

/// Party names and abbreviations councils print instead of the list letter.
const PARTY_NAMES: &[(&str, &str)] = &[
    ("socialdemokratiet", "A"),
    ("socialdemokraterne", "A"),
    ("s", "A"),
    ("radikale venstre", "B"),
    ("det radikale venstre", "B"),
    ("rv", "B"),
    ("det konservative folkeparti", "C"),
    ("konservative", "C"),
    ("kf", "C"),
    ("sf", "F"),
    ("socialistisk folkeparti", "F"),
    ("liberal alliance", "I"),
    ("la", "I"),
    ("dansk folkeparti", "O"),
    ("df", "O"),
    ("venstre", "V"),
    ("enhedslisten", "Ø"),
    ("el", "Ø"),
    ("alternativet", "Å"),
    ("nye borgerlige", "D"),
    ("kristendemokraterne", "K"),
    ("moderaterne", "M"),
    ("danmarksdemokraterne", "Æ"),
];

/// Marks that say the person has no party.
const NO_PARTY: &[&str] = &["løsgænger", "ufp", "uden for partierne", "uden for parti", "løsgængere"];

/// The list letter a printed mark stands for: "A", "(@)" -> "Ø", "DF" -> "O", "Venstre" -> "V".
pub fn party_of(mark: &str) -> Option<String> {
    let m = mark.trim().trim_matches(['(', ')', '.', ',']).trim();
    if let Some(p) = lexicon::party(m) {
        return Some(p);
    }
    let lower = m.lower();
    PARTY_NAMES.iter().find(|(n, _)| *n == lower && (n.len() > 2 || m.chars().all(char::is_uppercase))).map(|(_, l)| (*l).to_owned())
}

/// Reads one person; `None` when the text is not a person.
pub fn parse(text: &str, raw: &str) -> Option<Listed> {
    let mut rest = text.trim().trim_start_matches(['•', '·', '▪', '●', '◦', '*', '–', '—', '-']).trim().to_owned();
    // "1. Jannie Skov, F": a numbered list of people.
    if let Some((n, after)) = rest.split_once(". ") {
        if !n.is_empty() && n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit()) {
            rest = after.trim().to_owned();
        }
    }
    // "Jens Hansen (A), suppleant for Eva Berg (A)": the member sat in for, cut off first.
    let mut substitute_for = None;
    let low = rest.lower();
    if let Some((at, len)) = [" suppleant for ", " stedfortræder for ", " i stedet for ", "(suppleant for ", "(stedfortræder for "]
        .iter()
        .find_map(|w| crate::text::find(&low, w).map(|i| (i, w.len())))
    {
        let member = rest[at + len..].split(['(', ')', ',']).next().unwrap_or("").trim().trim_end_matches('.').trim();
        if looks_like_name(member) {
            substitute_for = Some(member.to_owned());
        }
        let head = rest[..at].trim_end().trim_end_matches([',', '-', '–', '(']).trim_end();
        let head = head.strip_suffix(" som").or_else(|| head.strip_suffix(" mødte")).unwrap_or(head).trim_end_matches(',').to_owned();
        rest = head;
    }
    let mut party = None;
    let mut mark = Mark::None;
    let mut role = None;
    // "Formand: Lene Skovmose (A)", "Formand Kirsten Holm Lauritzen (A)", "Rådmand X".
    for _ in 0..2 {
        let (first, after) = rest.split_once([' ', ':']).unwrap_or((rest.as_str(), ""));
        if let Some(r) = vocab::role(first) {
            role = role.or(Some(r));
            rest = after.trim_start_matches([':', ' ']).to_owned();
        }
    }
    // Each "(...)" is a party, an absence mark, a role or a staff mark, in any order.
    while let (Some(o), Some(c)) = (rest.find('('), rest.find(')')) {
        if c < o {
            break;
        }
        let inside = rest[o + 1..c].trim().to_owned();
        let lower = inside.lower();
        if let Some(p) = party_of(&inside) {
            party = party.or(Some(p));
        } else if NO_PARTY.contains(&lower.as_str()) || inside.is_empty() {
        } else if ["afbud", "fraværende", "forfald", "deltog ikke", "ikke til stede", "fravær"].iter().any(|w| lower.starts_with(w)) {
            mark = Mark::Absent;
        } else if let Some(r) = vocab::role(&inside) {
            role = role.or(Some(r));
        } else if ["protokol", "referent", "sekretær", "protokolfører"].iter().any(|w| lower.starts_with(w)) {
            mark = Mark::Staff;
        } else if inside.chars().count() <= 3 && inside.chars().all(char::is_uppercase) && party.is_none() {
            party = Some(inside.clone()); // an unknown list letter: kept as printed
        }
        rest.replace_range(o..=c, " ");
    }
    let mut rest = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    // "... - formand", "..., næstformand", "... m. afbud", "... (afbud)" already gone.
    for sep in [" - ", " – ", ", "] {
        if let Some((head, tail)) = rest.rsplit_once(sep) {
            if let Some(r) = vocab::role(tail) {
                role = role.or(Some(r));
                rest = head.to_owned();
            }
        }
    }
    for tail in [" m. afbud", " med afbud", " - afbud", " (afbud)", " afbud"] {
        if let Some(head) = rest.strip_suffix(tail) {
            mark = Mark::Absent;
            rest = head.to_owned();
        }
    }
    let rest = rest.trim().trim_end_matches(['.', ',', ';']).trim();
    let (name, place) = match rest.split_once(',') {
        Some((n, r)) => (n.trim().to_owned(), r.trim().to_owned()),
        None => split_name_place(rest),
    };
    // "Karsten Engholm, V": the comma separates the party, not a place.
    let (party, place) = match party_of(&place) {
        Some(p) if crate::text::word_count(&place) <= 2 => (party.or(Some(p)), String::new()),
        _ => (party, place),
    };
    if !looks_like_name(&name) {
        return None;
    }
    let place = place.trim().trim_end_matches(',').trim();
    // After the comma a place, capitalised ("Frederikshavn Kommune"), never a clause ("men
    // kun under punkt 1").
    if !place.is_empty() && lexicon::municipality(place).is_none() && place.split_whitespace().any(|w| w.starts_with(char::is_lowercase)) {
        return None;
    }
    let municipality = if place.is_empty() {
        None
    } else {
        Some(lexicon::municipality(place).map(str::to_owned).unwrap_or_else(|| strip_kommune(place).to_owned()))
    };
    // A seat's role is kept with the person; "medlem", "suppleant" … say nothing more.
    let seat = role.filter(|r| r.contains("formand") || r.contains("borgmester") || r.contains("forkvinde") || *r == "mødeleder");
    let person = Person { name, party, municipality, raw: raw.trim().to_owned(), role: seat.map(str::to_owned), substitute_for };
    Some(Listed { person, role, mark })
}

/// "Mads Duedal Aalborg Kommune" (the party mark removed): the place is "X Kommune" at the
/// end, or a last word that is exactly a municipality's name. Never a fuzzy match here: a
/// surname must not become a place.
fn split_name_place(s: &str) -> (String, String) {
    let words: Vec<&str> = s.split_whitespace().collect();
    let n = words.len();
    if n >= 4 && words[n - 1].ends_with("ommune") {
        return (words[..n - 2].join(" "), words[n - 2..].join(" "));
    }
    if n >= 3 && lexicon::MUNICIPALITIES.iter().any(|m| m.eq_ignore_ascii_case(words[n - 1])) {
        return (words[..n - 1].join(" "), words[n - 1].to_owned());
    }
    (s.to_owned(), String::new())
}

fn strip_kommune(s: &str) -> &str {
    s.strip_suffix("Kommune").unwrap_or(s).trim()
}

/// Two to six words, each starting with a capital ("Arne M. Jensen", "Mai-Britt Beith"),
/// none of them a word of the genre ("Fraværende", "Kommune").
pub fn looks_like_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    // "Kandidatliste A", "Liste V": a name does not end in a bare letter.
    let last_is_letter = words.last().is_some_and(|w| w.chars().count() == 1);
    // "Pkt. Tekst": a first word with a full stop is an initial or no name.
    let abbreviated = words.first().is_some_and(|w| w.ends_with('.') && w.chars().count() > 2);
    (2..=6).contains(&words.len())
        && !last_is_letter
        && !abbreviated
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.' || c == '\'')
                && !NOT_NAMES.contains(&w.lower().as_str())
        })
}

/// Capitalised words that open a sentence or a heading, never a name.
const NOT_NAMES: &[&str] = &[
    "fraværende",
    "afbud",
    "deltagere",
    "medlemmer",
    "kommune",
    "byrådet",
    "udvalget",
    "referat",
    "dagsorden",
    "beslutning",
    "godkendt",
    "mødet",
    "der",
    "det",
    "den",
    "de",
    "alle",
    "ingen",
    "til",
    "fra",
    "og",
    "sagen",
    "punkt",
    "indstilling",
    "bemærkninger",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn p(t: &str) -> (String, Option<String>, Option<String>, Option<&'static str>, Mark) {
        let l = parse(t, t).unwrap_or_else(|| panic!("{t:?} is a person"));
        (l.person.name, l.person.party, l.person.municipality, l.role, l.mark)
    }

    #[test]
    fn forms_of_a_person() {
        assert_eq!(p("Birgit Stenbak Hansen (A), Frederikshavn Kommune").2.as_deref(), Some("Frederikshavn"));
        assert_eq!(p("Per Bach Laursen (V) Vesthimmerlands Kommune").2.as_deref(), Some("Vesthimmerland"));
        assert_eq!(p("Karsten Engholm, V").1.as_deref(), Some("V"));
        assert_eq!(p("Anja Vestergaard, (A)").1.as_deref(), Some("A"));
        assert_eq!(p("Formand: Lene Skovmose (A)").3, Some("formand"));
        assert_eq!(p("Formand Kirsten Holm Lauritzen (A)").0, "Kirsten Holm Lauritzen");
        let (name, party, _, role, _) = p("Jørgen Kjærsgaard (A) - formand");
        assert_eq!((name.as_str(), party.as_deref(), role), ("Jørgen Kjærsgaard", Some("A"), Some("formand")));
        assert_eq!(p("Henrik Møller Vinther (Løsgænger)").1, None);
        assert_eq!(p("Charlotte Levin (Afbud)").4, Mark::Absent);
        assert_eq!(p("• Hans Peter Ravn").0, "Hans Peter Ravn");
        assert_eq!(p("1. Jannie Skov, F").1.as_deref(), Some("F"));
        assert_eq!(p("Grethe Lund m. afbud").4, Mark::Absent);
        assert_eq!(p("Maria Østerby (protokol)").4, Mark::Staff);
        assert_eq!(p("Ib Holm (DF)").1.as_deref(), Some("O"));
        assert!(parse("Dagsorden er udsendt den 4. juni 2021.", "x").is_none());
        assert!(parse("Fraværende", "x").is_none());
    }
}
