//! The words of the genre, in one place: what a heading, a label, a month or a body is
//! called in Danish referater. Both the text layer and the parser read these tables;
//! neither holds word lists of its own. Every entry is general vocabulary seen across
//! councils and minute systems (tests/corpus/dev), never a phrase of one document.

use crate::model::SectionKind;
use crate::text::Lower;

pub mod case;

/// The five regions, as "Region X" and "KKR X" name them.
pub const REGIONS: [&str; 5] = ["Hovedstaden", "Sjælland", "Syddanmark", "Midtjylland", "Nordjylland"];

/// Words that may stand before a case number or an item number: its status.
pub const STATUS_WORDS: &[&str] = &["åbent", "åben", "lukket"];

/// Danish month names, January first.
pub const MONTHS: [&str; 12] =
    ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];

const MONTHS_EN: [&str; 12] =
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/// The month a word names (1–12): Danish or English, in full or abbreviated ("apr",
/// "okt.", "sept"), any case.
pub fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches(['.', ',']);
    // "september" is the longest name: a longer word is not lower-cased.
    if w.len() < 3 || w.len() > 9 {
        return None;
    }
    let w = w.lower();
    let full = |names: &[&str; 12]| names.iter().position(|m| *m == w);
    let short = |names: &[&str; 12]| names.iter().position(|m| m.starts_with(&w) && (w.len() == 3 || w == "sept"));
    full(&MONTHS).or_else(|| full(&MONTHS_EN)).or_else(|| short(&MONTHS)).or_else(|| short(&MONTHS_EN)).map(|i| i as u32 + 1)
}

pub const WEEKDAYS: [&str; 7] = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"];

/// What a part heading of an item is, by its words (lower case, without a trailing colon).
/// The four standard parts, and the others councils print at the same level.
pub fn section_kind(heading: &str) -> Option<SectionKind> {
    // A part heading is a few words: a line of running text is none, and is not lower-cased
    // to find out (this is asked of every line, and of phrases inside them).
    let t = heading.trim();
    if t.len() > 160 || crate::text::word_count(t) > 12 {
        return None;
    }
    let h = t.trim_end_matches([':', '.']).trim().lower();
    let h = h.as_str();
    Some(match h {
        "baggrund" | "baggrund for sagen" | "sagens baggrund" | "baggrund for sagens fremlæggelse" => SectionKind::Baggrund,
        "indstilling"
        | "indstillinger"
        | "indstilling og beslutning"
        | "administrationens indstilling"
        | "administrativ indstilling"
        | "forvaltningens indstilling"
        | "direktionens indstilling"
        | "direktørens indstilling"
        | "indstilling fra administrationen"
        | "indstilling fra forvaltningen"
        | "indstilling fra direktionen"
        | "forslag til beslutning"
        | "forslag til afgørelse"
        | "borgmesterens indstilling"
        | "rådmandens indstilling"
        | "anbefaling"
        | "forvaltningens anbefaling"
        | "administrationens anbefaling" => SectionKind::Indstilling,
        "sagsfremstilling"
        | "sagsfremstillingen"
        | "fremstilling"
        | "sagsbeskrivelse"
        | "beskrivelse af sagen"
        | "sagens indhold"
        | "sagsforhold" => SectionKind::Sagsfremstilling,
        "beslutning"
        | "beslutninger"
        | "afgørelse"
        | "beslutning i dag"
        | "udvalgets beslutning"
        | "rådets beslutning"
        | "byrådets beslutning"
        | "kommunalbestyrelsens beslutning"
        | "regionsrådets beslutning"
        | "økonomiudvalgets beslutning"
        | "beslutning/referat"
        | "referat/beslutning"
        | "beslutning og referat"
        | "protokol"
        | "protokollat" => SectionKind::Beslutning,
        _ if OTHER_PARTS.contains(&h) => SectionKind::Other,
        // "Bilag til Kommunalbestyrelsen, 28. april 2016"
        _ if h.starts_with("bilag til ") && crate::text::word_count(h) <= 8 => SectionKind::Other,
        // "Indledning/Baggrund", "Økonomi/finansiering": a standard part among them names it.
        _ if h.contains('/') => {
            let kinds: Vec<SectionKind> = h.split('/').filter_map(|p| section_kind(p.trim())).collect();
            return kinds.iter().copied().find(|k| *k != SectionKind::Other).or(kinds.first().copied());
        }
        // "Baggrund og vurdering", "Økonomi og finansiering": named by its first part.
        _ => {
            let (first, rest) = h.split_once(" og ")?;
            (crate::text::word_count(rest) <= 2).then_some(())?;
            return section_kind(first);
        }
    })
}

/// Parts at the level of the standard four that are none of them.
const OTHER_PARTS: &[&str] = &[
    "resume",
    "resumé",
    "sagsresume",
    "sagsresumé",
    "kort resume",
    "sammenfatning",
    "indledning",
    "sagens kerne",
    "beslutningstema",
    "problemstilling",
    "formål",
    "økonomi",
    "økonomiske konsekvenser",
    "økonomi og finansiering",
    "økonomi/personaleforhold",
    "økonomi/finansiering",
    "økonomiske og personalemæssige konsekvenser",
    "bevillingsmæssige konsekvenser",
    "bilag",
    "beslutningskompetence",
    "kompetence",
    "hvem beslutter",
    "sagsprocedure",
    "sagsgang",
    "forventet sagsgang",
    "beslutningsproces",
    "videre proces",
    "proces",
    "sagsforløb",
    "tidligere beslutninger",
    "tidligere behandling",
    "beslutningspunkter",
    "høring",
    "høringer",
    "høringssvar",
    "kommunikation",
    "kommunikation/høring",
    "lovgrundlag",
    "lovgivning",
    "retsgrundlag",
    "lovgrundlag og kompetence",
    "vurdering",
    "administrationens vurdering",
    "forvaltningens vurdering",
    "anledning",
    "personale",
    "personaleforhold",
    "personalemæssige konsekvenser",
    "tidsplan",
    "miljø",
    "miljøvurdering",
    "klimavurdering",
    "konsekvenser",
    "andre konsekvenser",
    "handicappolitisk vurdering",
    "sundhedsmæssige konsekvenser",
    "erhvervsmæssige konsekvenser",
    "juridiske konsekvenser",
    "borgerinddragelse",
    "inddragelse",
    "relation til politikker",
    "politisk målsætning",
    "strategisk grundlag",
    "supplerende oplysninger",
    "udtalelser",
    "udtalelse",
    "høringsparter",
    "lovhjemmel",
    "risikovurdering",
    "tidligere politisk behandling",
    "historik",
    "sagens historik",
    "indstillingens konsekvenser",
    "finansiering",
    "bevilling",
    "bevillingsoversigt",
    "opfølgning",
    "bemærkninger",
    "bemærkninger til dagsordenen",
    "effekt",
    "redegørelse",
    "sagstema",
    "direktørpåtegning",
    "bilagsfortegnelse",
    "sagens formål",
    "relation til vision",
    "relation til visionen",
    "retligt grundlag",
    "handlemuligheder",
    "handlemulighed",
    "alternativer",
    "retsregler",
    "retsgrundlag og forskrifter",
    "sagsgang og sagstype",
    "effekter",
    "politisk behandling",
    "sagens behandling",
];

/// What an attendance heading or label announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Roll {
    /// Those who attended ("Deltagere", "Til stede").
    Present,
    /// The membership, absentees perhaps among them and marked ("Medlemmer").
    Members,
    /// Those who did not attend ("Afbud", "Fraværende").
    Absent,
    /// Others present who are not members: staff, guests, the secretary. Not attendance.
    Staff,
}

/// The attendance heading a label is (any case, with or without its colon).
pub fn roll(label: &str) -> Option<Roll> {
    let l = label.trim().trim_end_matches([':', '.']).trim();
    // Asked of every line: a longer one is no heading, and is not lower-cased.
    if l.len() > ROLL_HEADING_LEN {
        return None;
    }
    let l = l.lower();
    let l = l.as_str();
    [(PRESENT_HEADINGS, Roll::Present), (MEMBER_HEADINGS, Roll::Members), (ABSENT_HEADINGS, Roll::Absent), (STAFF_HEADINGS, Roll::Staff)]
        .into_iter()
        .find(|(words, _)| words.contains(&l))
        .map(|(_, r)| r)
}

/// The longest roll heading, in bytes (lower-casing keeps a text's length in bytes).
const ROLL_HEADING_LEN: usize = {
    let all = [PRESENT_HEADINGS, MEMBER_HEADINGS, ABSENT_HEADINGS, STAFF_HEADINGS];
    let (mut longest, mut i) = (0, 0);
    while i < all.len() {
        let mut k = 0;
        while k < all[i].len() {
            if all[i][k].len() > longest {
                longest = all[i][k].len();
            }
            k += 1;
        }
        i += 1;
    }
    longest
};

const PRESENT_HEADINGS: &[&str] = &[
    "deltagere",
    "mødedeltagere",
    "til stede",
    "tilstede",
    "fremmødte",
    "til stede var",
    "deltagende medlemmer",
    "tilstedeværende",
    "tilstedeværende medlemmer",
    "deltagere i mødet",
    "fremmødt",
    "deltog",
    "mødt",
    "følgende medlemmer deltog",
    "til stede i mødet",
    "deltagerliste",
    "mødte",
    "tilstede var",
];

const MEMBER_HEADINGS: &[&str] = &[
    "medlemmer",
    "deltagerfortegnelse",
    "udvalgsmedlemmer",
    "medlemmer af udvalget",
    "byrådsmedlemmer",
    "rådets medlemmer",
    "medlemmer af rådet",
    "udvalg medlemmer",
    "kommunalbestyrelsens medlemmer",
    "medlemmer af byrådet",
    "medlemmer af kommunalbestyrelsen",
    "indkaldelse",
    "indkaldte",
    "indkaldt",
];

const ABSENT_HEADINGS: &[&str] = &[
    "afbud",
    "fraværende",
    "fraværende med afbud",
    "afbud fra",
    "ikke til stede",
    "deltog ikke",
    "fravær",
    "forfald",
    "fraværende uden afbud",
    "meldt afbud",
    "afbud/fravær",
    "afbud/fraværende",
    "fraværende medlemmer",
    "ikke mødt",
    "ikke deltagende",
];

const STAFF_HEADINGS: &[&str] = &[
    "fra administrationen",
    "fra administrationen deltog",
    "fra forvaltningen",
    "fra forvaltningen deltog",
    "desuden deltog",
    "desuden deltager",
    "endvidere deltog",
    "derudover deltog",
    "øvrige deltagere",
    "referent",
    "protokolfører",
    "sekretær",
    "gæster",
    "andre deltagere",
    "administrationen",
    "embedsmænd",
    "fra sekretariatet",
    "sekretariat",
    "mødeleder",
    "tilforordnede",
    "øvrige tilstedeværende",
    "i øvrigt deltog",
];

/// Labels of a case number ("Sagsnr.: 19/3143"), lower case, longest first where they overlap.
pub const CASE_LABELS: &[&str] = &[
    "sagsnummer",
    "sagsnr.",
    "sagsnr",
    "sags nr.",
    "sags-nr.",
    "sagsid.",
    "sagsid",
    "sags id",
    "sag-id",
    "j.nr.",
    "j. nr.",
    "j.nr",
    "journalnr.",
    "journalnummer",
    "acadre sagsnr.",
    "acadresag",
    "esdh-nr.",
    "esdh sagsnr.",
    "sag",
];

/// Words a minute system prints around the document that are not the referat: links,
/// buttons, page furniture. A line that is only one of these is dropped; one glued to the
/// end or the start of a line is cut off.
pub const FURNITURE: &[&str] = &[
    "klik her for at folde ud",
    "klik for at folde ud",
    "fold ud",
    "fold sammen",
    "til toppen",
    "til top",
    "tilbage til toppen",
    "til indholdsfortegnelse",
    "til indholdsfortegnelsen",
    "gå til indholdsfortegnelsen",
    "skip navigationen",
    "spring til indhold",
    "printvenlig version",
    "print",
    "udskriv",
    "vis bilag",
    "skjul bilag",
    "se bilag",
    "download",
    "del på facebook",
    "del",
    "luk",
    "læs mere",
    "vis mere",
    "vis mindre",
    "åbent punkt",
    "lukket punkt",
    "åben sag",
    "lukket sag",
    "åbent",
    "lukket",
    "åbne dagsordenspunkter",
    "lukkede dagsordenspunkter",
];

/// Nouns that name a deciding body; the body's name ends in one ("Økonomiudvalget",
/// "Middelfart Ældreråd") or starts with one ("Udvalget for Teknik og Miljø").
pub const BODY_NOUNS: &[&str] = &[
    "kommunalbestyrelse",
    "kommunalbestyrelsen",
    "byråd",
    "byrådet",
    "regionsråd",
    "regionsrådet",
    "borgerrepræsentation",
    "borgerrepræsentationen",
    "magistrat",
    "magistraten",
    "udvalg",
    "udvalget",
    "råd",
    "rådet",
    "bestyrelse",
    "bestyrelsen",
    "forum",
    "forummet",
    "kkr",
    "kommissionen",
    "kommission",
    "nævn",
    "nævnet",
    "komité",
    "komitéen",
    "styregruppe",
    "styregruppen",
    "forsamling",
    "forsamlingen",
];

/// Whether `word` (any case) names a body or ends in a body noun ("Børne- og
/// Skoleudvalget", "Ældrerådet", "Byråd").
pub fn is_body_word(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric()).lower();
    if w == "kkr" {
        return true;
    }
    // "råd" and "rådet" only as the end of a compound or alone, never inside ("rådhus").
    BODY_NOUNS.iter().any(|n| *n != "kkr" && w.ends_with(n))
}

/// Small words a sentence goes on after: a line ending in one is not a heading.
pub const FUNCTION_WORDS: &[&str] = &[
    "og", "eller", "i", "af", "for", "med", "til", "at", "den", "det", "de", "en", "et", "som", "der", "på", "om", "fra", "ved", "samt",
    "men", "hvor", "når", "efter", "under", "mod", "over",
];

/// Roles printed with a member's name ("Formand", "(næstformand)", "borgmester").
pub const ROLES: &[&str] = &[
    "formand",
    "næstformand",
    "borgmester",
    "viceborgmester",
    "1. viceborgmester",
    "2. viceborgmester",
    "rådmand",
    "regionsrådsformand",
    "regionsformand",
    "1. næstformand",
    "2. næstformand",
    "forkvinde",
    "næstforkvinde",
    "mødeleder",
    "sekretær",
    "medlem",
    "suppleant",
    "stedfortræder",
    "løsgænger",
    "kommunaldirektør",
];

/// The role a word is, lower case, when it is one ("Formand" -> "formand").
pub fn role(word: &str) -> Option<&'static str> {
    let w = word.trim().trim_matches([',', '(', ')', ':']).trim().lower();
    ROLES.iter().copied().find(|r| *r == w)
}

/// How a decision says its item was taken off the agenda: "Punktet udgik", "Sagen blev
/// trukket", "Udgår", "taget af dagsordenen".
const DROPPED: &[&str] = &["udgik", "udgår", "udgaar", "trukket", "af dagsordenen"];

/// Whether a decision's text says the item was taken off the agenda (a word of `DROPPED`
/// in its first sentence, so "… trukket fra budgettet" later in a long decision is not).
pub fn says_dropped(decision: &str) -> bool {
    let first = decision.split(['.', '\n']).next().unwrap_or_default().lower();
    let words: Vec<&str> = first.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    DROPPED.iter().any(|d| match d.split_once(' ') {
        Some(_) => first.contains(d),
        None => words.contains(d),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dropped_items() {
        assert!(says_dropped("Punktet udgik."));
        assert!(says_dropped("Sagen blev trukket af forvaltningen."));
        assert!(says_dropped("Udgår."));
        assert!(says_dropped("Punktet blev taget af dagsordenen."));
        assert!(!says_dropped("Godkendt. Et beløb blev trukket fra budgettet."));
        assert!(!says_dropped("Indstillingen blev godkendt."));
    }

    #[test]
    fn months_in_both_languages() {
        assert_eq!(month("oktober"), Some(10));
        assert_eq!(month("Okt."), Some(10));
        assert_eq!(month("April"), Some(4));
        assert_eq!(month("apr"), Some(4));
        assert_eq!(month("sept"), Some(9));
        assert_eq!(month("May"), Some(5));
        assert_eq!(month("ma"), None);
        assert_eq!(month("marts"), Some(3));
        assert_eq!(month("mar"), Some(3));
        assert_eq!(month("maskine"), None);
    }

    #[test]
    fn headings_and_rolls() {
        assert_eq!(section_kind("RESUMÉ:"), Some(SectionKind::Other));
        assert_eq!(section_kind("Udvalgets beslutning"), Some(SectionKind::Beslutning));
        assert_eq!(section_kind("Administrativ indstilling"), Some(SectionKind::Indstilling));
        assert_eq!(section_kind("Spørgeskemaundersøgelse"), None);
        assert_eq!(roll("Fraværende med afbud:"), Some(Roll::Absent));
        assert_eq!(roll("Medlemmer"), Some(Roll::Members));
        assert_eq!(roll("Fra administrationen deltog"), Some(Roll::Staff));
    }

    #[test]
    fn body_words() {
        assert!(is_body_word("Økonomiudvalget"));
        assert!(is_body_word("Ældreråd"));
        assert!(is_body_word("KKR"));
        assert!(!is_body_word("Rådhus"));
        assert_eq!(role("Formand"), Some("formand"));
    }
}
