//! Danish words the parser knows for certain: the 98 municipalities, the party letters.

/// The 98 Danish municipalities, as their names are written without "Kommune".
pub const MUNICIPALITIES: [&str; 98] = [
    "Aabenraa", "Aalborg", "Aarhus", "Albertslund", "Allerød", "Assens", "Ballerup", "Billund", "Bornholm", "Brøndby",
    "Brønderslev", "Dragør", "Egedal", "Esbjerg", "Faaborg-Midtfyn", "Fanø", "Favrskov", "Faxe", "Fredensborg",
    "Fredericia", "Frederiksberg", "Frederikshavn", "Frederikssund", "Furesø", "Gentofte", "Gladsaxe", "Glostrup",
    "Greve", "Gribskov", "Guldborgsund", "Haderslev", "Halsnæs", "Hedensted", "Helsingør", "Herlev", "Herning",
    "Hillerød", "Hjørring", "Holbæk", "Holstebro", "Horsens", "Hvidovre", "Høje-Taastrup", "Hørsholm", "Ikast-Brande",
    "Ishøj", "Jammerbugt", "Kalundborg", "Kerteminde", "Kolding", "København", "Køge", "Langeland", "Lejre", "Lemvig",
    "Lolland", "Lyngby-Taarbæk", "Læsø", "Mariagerfjord", "Middelfart", "Morsø", "Norddjurs", "Nordfyn", "Nyborg",
    "Næstved", "Odder", "Odense", "Odsherred", "Randers", "Rebild", "Ringkøbing-Skjern", "Ringsted", "Roskilde",
    "Rudersdal", "Rødovre", "Samsø", "Silkeborg", "Skanderborg", "Skive", "Slagelse", "Solrød", "Sorø", "Stevns",
    "Struer", "Svendborg", "Syddjurs", "Sønderborg", "Thisted", "Tårnby", "Tønder", "Vallensbæk", "Varde", "Vejen",
    "Vejle", "Vesthimmerland", "Viborg", "Vordingborg", "Ærø",
];

/// Letters of the parties that run in Danish local elections, and list letters seen in councils.
pub const PARTY_LETTERS: &[&str] = &["A", "B", "C", "D", "F", "I", "K", "M", "O", "V", "Æ", "Ø", "Å", "Q", "L"];

/// The canonical municipality named by `s` ("Vesthimmerlands Kommune" -> "Vesthimmerland"),
/// matched without regard to case.
pub fn municipality(s: &str) -> Option<&'static str> {
    let s = s.trim().trim_end_matches(',').trim();
    let s = ["Regionskommune", "Kommune", "kommune"].iter().find_map(|k| s.strip_suffix(k)).unwrap_or(s).trim();
    let find = |name: &str| MUNICIPALITIES.iter().copied().find(|m| m.to_lowercase() == name.to_lowercase());
    find(s).or_else(|| s.strip_suffix('s').and_then(find))
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
        let mut sorted = MUNICIPALITIES.to_vec();
        sorted.dedup();
        assert_eq!(sorted.len(), 98);
    }
}
