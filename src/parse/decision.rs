//! The outcome of a Beslutning, read from the sentences that decide: those whose subject
//! is the meeting body ("KKR Nordjylland godkendte ...") or the matter itself in the
//! passive ("Dagsordenen blev godkendt", "Godkendt."). A guest's orientation or an
//! account of another meeting ("... blev drøftet") decides nothing.

use crate::model::Outcome;
use crate::text::Lower;

pub fn outcome(text: &str, body: Option<&str>) -> Outcome {
    sentences(text).flat_map(|s| clauses(&s)).filter(|s| decides(s, body)).map(|s| sentence_outcome(&s)).max().unwrap_or(Outcome::Other)
}

/// "Intet.", "Ingen bemærkninger.": a closed item's one-line record that nothing was decided.
pub fn is_bare_verdict(text: &str) -> bool {
    let t = text.trim().trim_end_matches('.').lower();
    matches!(t.as_str(), "intet" | "ingen" | "intet at bemærke" | "ingen bemærkninger" | "taget til efterretning" | "til efterretning")
}

/// What an Indstilling asks for: every outcome its wording names ("tager orienteringen til
/// efterretning og drøfter sagen" asks for noted and discussed).
pub fn requested(text: &str) -> Vec<Outcome> {
    let t = text.lower();
    let mut out = Vec::new();
    let mut add = |o: Outcome, stems: &[&str]| {
        if stems.iter().any(|s| t.contains(s)) && !out.contains(&o) {
            out.push(o);
        }
    };
    add(Outcome::Approved, &["godkend", "vedtag", "beslutte", "beslutter", "bevilge"]);
    add(Outcome::Noted, &["til efterretning", "til orientering"]);
    add(Outcome::Discussed, &["drøft", "evaluer"]);
    add(Outcome::Endorsed, &["tiltræd", "tilslut", "anbefal"]);
    add(Outcome::Postponed, &["udsæt"]);
    out
}

/// A sentence and the "at"-clauses in it, each read as if it opened a sentence:
/// "Tilbagesendes ... med bemærkning, at byrådet ... har vedtaget indstillingen".
fn clauses(s: &str) -> Vec<String> {
    let mut out = vec![s.to_owned()];
    out.extend(s.split(", at ").skip(1).map(str::to_owned));
    out
}

/// Lower-cased sentences (the text layer's splitter).
fn sentences(text: &str) -> impl Iterator<Item = String> + '_ {
    crate::text::sentences(text).into_iter().map(str::to_lowercase)
}

/// Nouns that name a deciding body when they open a sentence.
fn is_council_word(w: &str) -> bool {
    ["udvalget", "rådet", "bestyrelsen", "magistraten", "kommunalbestyrelsen", "formandskabet", "forsamlingen"]
        .iter()
        .any(|s| w.ends_with(s))
}

/// What the decision is about, when it is the subject of a passive sentence.
const MATTERS: &[&str] = &[
    "dagsorden",
    "dagsordenen",
    "referat",
    "referatet",
    "indstilling",
    "indstillingen",
    "indstillingerne",
    "forslag",
    "forslaget",
    "indstillingspunkt",
    "indstillingspunkterne",
    "indstillingspunkt",
    "punkterne",
    "sagen",
    "punktet",
    "orientering",
    "orienteringen",
    "oplæg",
    "oplægget",
    "beslutningspunkt",
    "beslutningspunkterne",
    "det",
    "planen",
    "budgettet",
    "regnskabet",
    "aftalen",
    "fordelingen",
];

fn decides(s: &str, body: Option<&str>) -> bool {
    // "Ad 1-2: Godkendt.", "Ad pkt. 3: ...": the part of the Indstilling it answers.
    let s = strip_ad(s);
    // "1. Anbefales.", "1.-2. Anbefales.": the Indstilling's points it answers.
    let s = s.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | '-' | '–' | ' '));
    let mut words = s.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    let first = words.next().unwrap_or("");
    let second = words.next().unwrap_or("");
    if let Some(b) = body {
        let b = b.lower();
        let short = b.split_whitespace().next().unwrap_or("");
        if s.starts_with(&b) || (!short.is_empty() && first == short) {
            return true;
        }
    }
    if is_council_word(first) || (first == "et" && matches!(second, "flertal" | "enigt" | "enstemmigt")) || first == "enstemmigt" {
        return true;
    }
    // The matter in the passive: "Dagsordenen blev godkendt", "Budgetforslaget blev
    // vedtaget", "Sagen udsættes", "Forslaget faldt".
    // "Økonomiudvalgets indstilling blev godkendt": a genitive before the matter.
    let (first, second) = if first.ends_with('s') && MATTERS.contains(&second) {
        let mut w = s.split_whitespace().skip(2).map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
        (second, w.next().unwrap_or(""))
    } else {
        (first, second)
    };
    // "Indstillingspunkt 1-3 anbefales": the points' numbers between the matter and its verb.
    let numbered = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || "-–,.".contains(c));
    let nth = |k: usize| s.split_whitespace().nth(k).map_or("", |w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    // ("Indstillingspunkterne 1 – 3 anbefales": every number and dash skipped.)
    let second = if numbered(second) {
        s.split_whitespace()
            .skip(2)
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .find(|w| !w.is_empty() && !numbered(w))
            .unwrap_or("")
    } else {
        second
    };
    // "Dagsordenen i øvrigt godkendt", "Forslaget herefter vedtaget": an adverb before the verb.
    let second = match second {
        "i" if nth(2) == "øvrigt" => nth(3),
        "herefter" | "derefter" | "hermed" | "således" | "endeligt" | "samlet" => nth(2),
        _ => second,
    };
    let matter =
        MATTERS.contains(&first) || (first.len() > 4 && (first.ends_with("et") || first.ends_with("en") || first.ends_with("erne")));
    let participle = ["godkend", "vedtag", "tiltråd", "anbefal", "udsat", "drøft", "forkast", "afvist", "oversend", "taget"]
        .iter()
        .any(|v| second.starts_with(v));
    // "Budgettet for 2019 var herefter vedtaget": the verb a few words on.
    let passive_later = s.split_whitespace().take(6).any(|w| matches!(w, "blev" | "var" | "er" | "bliver"));
    if matter
        && (matches!(second, "blev" | "er" | "var" | "bliver" | "faldt" | "falder")
            || second.ends_with("es")
            || participle
            || passive_later)
        && sentence_outcome(s) != Outcome::Other
    {
        return true;
    }
    // "Godkendt.", "Taget til efterretning.", "Tiltrådt som indstillet.": the verb opens it.
    [
        "godkend",
        "taget",
        "tiltrådt",
        "vedtaget",
        "udsat",
        "drøftet",
        "anbefal",
        "afvist",
        "forkastet",
        "orienteringen",
        "til",
        "oversend",
        "fremsend",
        "sendes",
        "henvis",
        "indstilles",
        "bevilg",
        "imødekom",
        "faldet",
        "ikke",
        "sagen",
    ]
    .iter()
    .any(|v| first.starts_with(v))
        && sentence_outcome(s) != Outcome::Other
}

/// "ad 1-2: godkendt." -> "godkendt."
fn strip_ad(s: &str) -> &str {
    let Some(rest) = s.strip_prefix("ad ") else { return s };
    match rest.find(':') {
        Some(c) if c <= 12 => rest[c + 1..].trim_start(),
        _ => s,
    }
}

fn sentence_outcome(s: &str) -> Outcome {
    let has = |stems: &[&str]| stems.iter().any(|st| s.contains(st));
    let mut best = Outcome::Other;
    let mut consider = |o: Outcome| best = best.max(o);
    let negated = has(&["ikke godkend", "ikke vedta", "ikke tiltræd", "ikke anbefal", "ikke imødekom"])
        || has(&["anbefales ikke", "anbefaler ikke", "godkendes ikke", "tiltrædes ikke", "vedtages ikke"]);
    if negated || has(&["afvist", "afviste", "afvises", "afviser", "forkast", "faldet", "faldt", "falder"]) {
        consider(Outcome::Rejected);
    }
    // "Indstilles godkendt": a recommendation to another body to approve.
    let recommends = has(&["indstilles", "indstiller udvalget", "indstiller økonomiudvalget", "anbefales", "anbefaler", "anbefalet"]);
    if !negated && has(&["godkend", "vedtog", "vedtaget", "vedtages", "vedtager", "bevilgede", "bevilget", "bevilges", "imødekom"]) {
        consider(if recommends { Outcome::Endorsed } else { Outcome::Approved });
    }
    if recommends && has(&["til vedtagelse"]) {
        consider(Outcome::Endorsed);
    }
    if has(&["til efterretning", "til orientering"]) {
        // "Indstilles taget til efterretning": a recommendation to the next body.
        consider(if recommends && !negated { Outcome::Endorsed } else { Outcome::Noted });
    }
    if has(&["drøftede", "drøftet", "drøfter", "drøftes"]) {
        consider(Outcome::Discussed);
    }
    if !negated && has(&["tiltrådte", "tiltrådt", "tiltræd", "tilsluttede", "tilslutter", "bakkede op"]) {
        consider(Outcome::Endorsed);
    }
    // "anbefalede principperne" endorses; "anbefalede, at ..." recommends something new.
    if !negated && ["anbefalede", "anbefaler", "anbefales", "anbefalet"].iter().any(|w| endorses(s, w)) {
        consider(Outcome::Endorsed);
    }
    if has(&["udsat", "udsatte", "udsættes", "udskudt", "udskydes"]) {
        consider(Outcome::Postponed);
    }
    if has(&[
        "oversend",
        "fremsendes til",
        "fremsendt til",
        "sendes videre",
        "sendes tilbage",
        "sendt tilbage",
        "videresend",
        "henvises til",
        "henvist til",
    ]) {
        consider(Outcome::Referred);
    }
    best
}

fn endorses(s: &str, verb: &str) -> bool {
    s.match_indices(verb).any(|(i, _)| {
        let after = s[i + verb.len()..].trim_start();
        !(after.starts_with(", at ") || after.starts_with("at ") || after.starts_with("samtidig, at") || after.starts_with(", hvis"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const KKR: Option<&str> = Some("KKR Nordjylland");

    #[test]
    fn the_deciding_sentence_counts() {
        assert_eq!(outcome("Dagsordenen blev godkendt", KKR), Outcome::Approved);
        assert_eq!(
            outcome("Henrik Aarup-Kristensen indledte punktet med et kort oplæg.\n\nKKR Nordjylland godkendte indstillingen.", KKR),
            Outcome::Approved
        );
        assert_eq!(outcome("KKR Nordjylland tog oplægget til orientering. Der var bred opbakning.", KKR), Outcome::Noted);
        assert_eq!(
            outcome("KKR Nordjylland drøftede evalueringen. KKR anbefalede, at der udpeges mindst et medlem.", KKR),
            Outcome::Discussed
        );
        assert_eq!(
            outcome("Arne Boelt gav en orientering. Midtvejsevaluering af erhvervsfremmesystemet blev drøftet.", KKR),
            Outcome::Other
        );
        assert_eq!(outcome("Godkendt.", None), Outcome::Approved);
        assert_eq!(outcome("Byrådet udsatte sagen.", None), Outcome::Postponed);
        assert_eq!(outcome("Et flertal i udvalget kunne tiltræde indstillingen.", None), Outcome::Endorsed);
        assert_eq!(
            outcome("Tilbagesendes Borgmesterens Afdeling med bemærkning, at byrådet i sit møde den 27. august 2025 har vedtaget Magistratens indstilling.", None),
            Outcome::Approved
        );
        assert_eq!(outcome("Fremsendes til Teknisk Udvalg til behandling.", None), Outcome::Referred);
        assert_eq!(outcome("Ad 1-2: Godkendt.", None), Outcome::Approved);
        assert_eq!(outcome("Budgetforslaget blev vedtaget med 26 stemmer for.", None), Outcome::Approved);
        assert_eq!(outcome("Sagen udsættes til næste møde.", None), Outcome::Postponed);
        assert_eq!(outcome("Indstilles godkendt.", None), Outcome::Endorsed);
        assert_eq!(outcome("1.-2. Anbefales.", None), Outcome::Endorsed);
        assert_eq!(outcome("Indstilles til vedtagelse.", None), Outcome::Endorsed);
        assert_eq!(outcome("Til efterretning.", None), Outcome::Noted);
        assert_eq!(outcome("Faldet.", None), Outcome::Rejected);
        assert_eq!(outcome("Drøftet. Sagen oversendes til Udvalget for Børn og Familie.", None), Outcome::Referred);
        assert_eq!(
            outcome(
                "Byrådet har vedtaget indstillingen af 19. august 2025. Socialdemokratiets byrådsgruppe kunne ikke tiltræde indstillingen.",
                None
            ),
            Outcome::Approved
        );
    }
}
