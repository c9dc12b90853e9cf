//! Danish words the parser knows for certain: the 98 municipalities, the party letters.

use crate::text::Lower;

/// The 98 Danish municipalities, as their names are written without "Kommune".
pub const MUNICIPALITIES: [&str; 98] = [
    "Aabenraa",
    "Aalborg",
    "Aarhus",
    "Albertslund",
    "Allerød",
    "Assens",
    "Ballerup",
    "Billund",
    "Bornholm",
    "Brøndby",
    "Brønderslev",
    "Dragør",
    "Egedal",
    "Esbjerg",
    "Faaborg-Midtfyn",
    "Fanø",
    "Favrskov",
    "Faxe",
    "Fredensborg",
    "Fredericia",
    "Frederiksberg",
    "Frederikshavn",
    "Frederikssund",
    "Furesø",
    "Gentofte",
    "Gladsaxe",
    "Glostrup",
    "Greve",
    "Gribskov",
    "Guldborgsund",
    "Haderslev",
    "Halsnæs",
    "Hedensted",
    "Helsingør",
    "Herlev",
    "Herning",
    "Hillerød",
    "Hjørring",
    "Holbæk",
    "Holstebro",
    "Horsens",
    "Hvidovre",
    "Høje-Taastrup",
    "Hørsholm",
    "Ikast-Brande",
    "Ishøj",
    "Jammerbugt",
    "Kalundborg",
    "Kerteminde",
    "Kolding",
    "København",
    "Køge",
    "Langeland",
    "Lejre",
    "Lemvig",
    "Lolland",
    "Lyngby-Taarbæk",
    "Læsø",
    "Mariagerfjord",
    "Middelfart",
    "Morsø",
    "Norddjurs",
    "Nordfyn",
    "Nyborg",
    "Næstved",
    "Odder",
    "Odense",
    "Odsherred",
    "Randers",
    "Rebild",
    "Ringkøbing-Skjern",
    "Ringsted",
    "Roskilde",
    "Rudersdal",
    "Rødovre",
    "Samsø",
    "Silkeborg",
    "Skanderborg",
    "Skive",
    "Slagelse",
    "Solrød",
    "Sorø",
    "Stevns",
    "Struer",
    "Svendborg",
    "Syddjurs",
    "Sønderborg",
    "Thisted",
    "Tårnby",
    "Tønder",
    "Vallensbæk",
    "Varde",
    "Vejen",
    "Vejle",
    "Vesthimmerland",
    "Viborg",
    "Vordingborg",
    "Ærø",
];

/// Letters of the parties that run in Danish local elections, and list letters seen in councils.
pub const PARTY_LETTERS: &[&str] = &["A", "B", "C", "D", "F", "I", "K", "M", "O", "V", "Æ", "Ø", "Å", "Q", "L"];

/// A Danish first name (src/lexicon/names.txt, its "First names" section).
pub fn is_first_name(w: &str) -> bool {
    static FIRST: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    let names = FIRST.get_or_init(|| {
        let text = include_str!("names.txt");
        let mut v: Vec<&str> = text
            .lines()
            .skip_while(|l| *l != "# First names")
            .skip(1)
            .take_while(|l| !l.starts_with('#'))
            .flat_map(str::split_whitespace)
            .collect();
        v.sort_unstable();
        v
    });
    names.binary_search(&w).is_ok()
}

/// The canonical municipality named by `s` ("Vesthimmerlands Kommune" -> "Vesthimmerland"),
/// matched without regard to case.
pub fn municipality(s: &str) -> Option<&'static str> {
    let s = s.trim().trim_end_matches(',').trim();
    let s = ["Regionskommune", "Kommune", "kommune"].iter().find_map(|k| s.strip_suffix(k)).unwrap_or(s).trim();
    let lower = s.lower();
    let find = |name: &str| municipalities_lower().iter().find(|m| m.0 == name).map(|m| m.2);
    find(&lower).or_else(|| lower.strip_suffix('s').and_then(find)).or_else(|| nearest_municipality(&lower))
}

/// The 98 names lower-cased, as letters, beside the name: made once, not per look-up.
fn municipalities_lower() -> &'static [(String, Vec<char>, &'static str)] {
    static TABLE: std::sync::OnceLock<Vec<(String, Vec<char>, &'static str)>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        MUNICIPALITIES
            .iter()
            .map(|m| {
                let lower = m.lower();
                let letters = lower.chars().collect();
                (lower, letters, *m)
            })
            .collect()
    })
}

/// The municipality `word` names exactly, perhaps in the genitive ("Vejles", "Vesthimmerlands").
pub fn municipality_exact(word: &str) -> Option<&'static str> {
    let find = |name: &str| MUNICIPALITIES.iter().copied().find(|m| *m == name);
    find(word).or_else(|| word.strip_suffix('s').and_then(find))
}

/// A closed list allows a fuzzy match: one slip in a short name, two in a long one, and
/// only when no other municipality is as close ("Mariagerfiord" -> "Mariagerfjord").
fn nearest_municipality(lower: &str) -> Option<&'static str> {
    let s: Vec<char> = lower.chars().collect();
    let n = s.len();
    if n < 4 {
        return None;
    }
    let limit = if n <= 6 { 1 } else { 2 };
    // Names whose length alone is further off than the limit (and its genitive "s") are
    // never that close: no distance to work out.
    let mut scored: Vec<(usize, &'static str)> = municipalities_lower()
        .iter()
        .filter(|m| m.1.len().abs_diff(n) <= limit + 1)
        .filter_map(|(_, letters, m)| {
            let genitive: Vec<char> = letters.iter().copied().chain(['s']).collect();
            [distance_within(&s, letters, limit), distance_within(&s, &genitive, limit)].into_iter().flatten().min().map(|d| (d, *m))
        })
        .collect();
    scored.sort();
    match scored.as_slice() {
        [(d, m)] => Some(m).copied().filter(|_| *d <= limit),
        [(d1, m), (d2, _), ..] if d1 < d2 => Some(*m),
        _ => None,
    }
}

/// The edit distance of `a` and `b` if it is at most `limit`: a row whose every cell is past
/// the limit ends the work.
fn distance_within(a: &[char], b: &[char], limit: usize) -> Option<usize> {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        if cur.iter().all(|&d| d > limit) {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    Some(prev[b.len()]).filter(|&d| d <= limit)
}

pub fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    distance_within(&a, &b, usize::MAX).unwrap_or(usize::MAX)
}

/// The official list letter a printed party mark stands for: "(@)" is OCR for "(Ø)".
pub fn party(mark: &str) -> Option<String> {
    let m = mark.trim();
    let m = match m {
        "@" => "Ø",
        _ => m,
    };
    let upper = m.to_uppercase();
    PARTY_LETTERS.contains(&upper.as_str()).then_some(upper)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_names() {
        assert_eq!(municipality("Vesthimmerlands Kommune"), Some("Vesthimmerland"));
        assert_eq!(municipality("Københavns Kommune"), Some("København"));
        assert_eq!(municipality("Bornholms Regionskommune"), Some("Bornholm"));
        assert_eq!(municipality("Aalborg"), Some("Aalborg"));
        assert_eq!(municipality("Aalborg Øst"), None);
        assert_eq!(municipality("Mariagerfiord Kommune"), Some("Mariagerfjord"));
        assert_eq!(municipality("Brenderslev"), Some("Brønderslev"));
        assert_eq!(party("@").as_deref(), Some("Ø"));
        assert_eq!(party("Afbud"), None);
        assert!(is_first_name("Karen") && is_first_name("Søren") && !is_first_name("Jørgensen"));
    }

    /// `municipality` takes the first name equal without regard to case, and reads a
    /// genitive by dropping its "s": both need the names distinct, case folded.
    #[test]
    fn every_municipality_is_listed_once_and_reads_back() {
        let mut folded: Vec<String> = MUNICIPALITIES.iter().map(|m| m.lower()).collect();
        folded.sort();
        folded.dedup();
        assert_eq!(folded.len(), MUNICIPALITIES.len(), "a municipality is listed twice");
        for m in MUNICIPALITIES {
            assert_eq!(municipality(&m.to_uppercase()), Some(m), "{m} in capitals");
            assert_eq!(municipality(&format!("{m}s Kommune")), Some(m), "{m}s Kommune");
            assert_eq!(municipality_exact(&format!("{m}s")), Some(m), "{m}s");
        }
    }
}
