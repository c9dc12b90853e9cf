//! Absence stated inside an item rather than in the attendance lists: "Fraværende: Bjarke
//! Abel, Linda Heegaard", "Afbud: Charlotte Levin", "Liv Gro Jensen var forhindret i at
//! deltage i udvalgets behandling af sagen".

use super::attendance::looks_like_name;

const LABELS: &[&str] = &["fraværende:", "afbud:", "fravær på punktet:", "fraværende med afbud:", "ikke til stede:", "forfald:"];
const SENTENCES: &[&str] = &[" var forhindret i at deltage", " deltog ikke i", " var fraværende", " havde forfald", " havde meldt afbud"];

/// The names an item's own text says were absent for it, in order, without repeats.
pub fn names_in(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |name: &str| {
        let name = strip_parens(name);
        if looks_like_name(&name) && !out.contains(&name) {
            out.push(name);
        }
    };
    for line in text.lines() {
        let t = line.trim();
        let lower = t.to_lowercase();
        if let Some(label) = LABELS.iter().find(|l| lower.starts_with(*l)) {
            let list = &t[label.len()..];
            for part in list.split([',', ';']).flat_map(|p| p.split(" og ")) {
                add(part.trim().trim_end_matches('.'));
            }
            continue;
        }
        for s in t.split(". ") {
            if let Some(at) = SENTENCES.iter().find_map(|p| s.find(p)) {
                add(&s[..at]);
            }
        }
    }
    out
}

fn strip_parens(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_sentences() {
        assert_eq!(names_in("Godkendt.\n\nFraværende: Bjarke Abel, Linda Heegaard"), ["Bjarke Abel", "Linda Heegaard"]);
        assert_eq!(names_in("Fravær på punktet: Mehmet Zeki Dogru (Fraværende)"), ["Mehmet Zeki Dogru"]);
        assert_eq!(names_in("Liv Gro Jensen var forhindret i at deltage i udvalgets behandling af sagen."), ["Liv Gro Jensen"]);
        assert!(names_in("Udvalget drøftede sagen. Der var ingen fraværende.").is_empty());
    }
}
