//! Who is who: "Birgit Hansen" is "Birgit Stenbak Hansen", "Per Bach-Laursen" is "Per
//! Bach Laursen"; and which capitalised words at the start of a sentence are a person.

use crate::text::Lower;

/// Lower-case words of a name, hyphens as spaces.
fn words(name: &str) -> Vec<String> {
    let lower = name.lower();
    // Most names have no hyphen: a one-char search (memchr) spares the char-set replace.
    let spaced = if lower.contains('-') || lower.contains('‐') { lower.replace(['-', '‐'], " ") } else { lower };
    spaced.split_whitespace().map(str::to_owned).collect()
}

/// What `same_person` compares: the first and last name, lower case. None for a one-word
/// name, which is the same as no one. Two names are the same person exactly when their
/// keys are equal, so a list can be indexed by it.
pub fn person_key(name: &str) -> Option<(String, String)> {
    let mut w = words(name);
    (w.len() >= 2).then(|| {
        let last = w.pop().expect("two words");
        (w.swap_remove(0), last)
    })
}

/// How a person is known across documents (meetings, drafts): first and last name, as
/// `same_person` matches them, or the whole name when it is one word. Equal identities are
/// the same person, so lists can be indexed by it.
#[derive(Debug, Clone, Hash, PartialEq, Eq)]
pub enum Identity {
    FirstLast(String, String),
    Whole(String),
}

pub fn identity(name: &str) -> Identity {
    match person_key(name) {
        Some((first, last)) => Identity::FirstLast(first, last),
        None => Identity::Whole(normalized(name)),
    }
}

/// The same person once OCR damage is allowed for: each part of one identity is the other's
/// or reads as it ("Sgren Hansen" is "Søren Hansen"), in either direction. Not an
/// equivalence to index by (it does not chain): for matching a name no index holds.
pub fn same_despite_ocr(a: &Identity, b: &Identity) -> bool {
    let same = |x: &str, y: &str| crate::text::ocr::reads_as(x, y) || crate::text::ocr::reads_as(y, x);
    match (a, b) {
        (Identity::FirstLast(f1, l1), Identity::FirstLast(f2, l2)) => same(f1, f2) && same(l1, l2),
        (Identity::Whole(x), Identity::Whole(y)) => same(x, y),
        _ => false,
    }
}

/// The same person: the same words, or the same first and last name with the middle
/// names left out on one side.
pub fn same_person(a: &str, b: &str) -> bool {
    let (a, b) = (words(a), words(b));
    if a.len() < 2 || b.len() < 2 {
        return false;
    }
    a == b || (a[0] == b[0] && a[a.len() - 1] == b[b.len() - 1])
}

/// A text or a name made comparable: lower case, hyphens as spaces, single spaces.
pub fn normalized(text: &str) -> String {
    words(text).join(" ")
}

/// Whether `text` mentions the person (any of the name's forms above). Both must come
/// from `normalized`: callers normalise each text and each name once.
pub fn mentions_normalized(text: &str, name: &str) -> bool {
    let w: Vec<&str> = name.split(' ').collect();
    let (Some(first), Some(last)) = (w.first(), w.last()) else { return false };
    if w.len() < 2 {
        return false;
    }
    if text.contains(name) {
        return true;
    }
    // First and last name within a few words of each other ("Per Bach-Laursen").
    let tw: Vec<&str> = text.split(' ').collect();
    tw.iter().enumerate().any(|(i, x)| x == first && tw[i + 1..(i + 5).min(tw.len())].contains(last))
}

/// The person a sentence opens with, when it opens with one: two to five capitalised
/// words, the first a first name, then a comma or a verb ("Karen Holm-Andersen
/// bemærkede", "Henrik Aarup-Kristensen, direktør i ..., indledte").
pub fn acting_person(sentence: &str, is_first_name: impl Fn(&str) -> bool) -> Option<String> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let first = words.first()?;
    if !is_first_name(first.trim_end_matches(',')) {
        return None;
    }
    let mut name = Vec::new();
    for w in &words {
        let bare = w.trim_end_matches(',');
        let capital = bare.chars().next().is_some_and(char::is_uppercase);
        let name_like = bare.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.');
        if !capital || !name_like || name.len() == 5 {
            break;
        }
        name.push(bare);
        if w.ends_with(',') {
            break;
        }
    }
    let next = words.get(name.len()).copied().unwrap_or("");
    let ends_with_comma = words.get(name.len().saturating_sub(1)).is_some_and(|w| w.ends_with(','));
    let verb_follows = next.chars().next().is_some_and(char::is_lowercase);
    (name.len() >= 2 && (ends_with_comma || verb_follows)).then(|| name.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_decides_same_person() {
        let names = [
            "Birgit Hansen",
            "Birgit Stenbak Hansen",
            "BIRGIT HANSEN",
            "Per Bach-Laursen",
            "Per Bach Laursen",
            "Per Laursen",
            "Hansen",
            "Birgit",
        ];
        for a in names {
            for b in names {
                let keyed = person_key(a).is_some() && person_key(a) == person_key(b);
                assert_eq!(same_person(a, b), keyed, "{a} / {b}");
            }
        }
    }

    #[test]
    fn matching() {
        assert!(same_person("Birgit Hansen", "Birgit Stenbak Hansen"));
        assert!(same_person("Per Bach-Laursen", "Per Bach Laursen"));
        assert!(!same_person("Per Clausen", "Per Bach Laursen"));
        let text = normalized("Formand for BRN, Per Bach-Laursen, giver en kort orientering.");
        assert!(mentions_normalized(&text, &normalized("Per Bach Laursen")));
        assert!(!mentions_normalized(&text, &normalized("Per Clausen")));
    }

    #[test]
    fn who_acts() {
        let first = |w: &str| matches!(w, "Karen" | "Henrik" | "Birgit" | "KKR");
        assert_eq!(acting_person("Karen Holm-Andersen bemærkede, at fordelingen", first).as_deref(), Some("Karen Holm-Andersen"));
        assert_eq!(acting_person("Henrik Aarup-Kristensen, direktør i Brønderslev", first).as_deref(), Some("Henrik Aarup-Kristensen"));
        assert_eq!(acting_person("Birgit Hansen efterspurgte indsatser", first).as_deref(), Some("Birgit Hansen"));
        assert_eq!(acting_person("Der var enighed om", first), None);
    }
}
