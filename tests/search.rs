//! `series::search` over the two KKR Nordjylland referater (2021 as document 0, 2025 as
//! document 1). Every expected hit was found by reading the documents: which item's title,
//! decision or Indstilling holds the word, and whose name the attendance lists hold.

use referat_analyzer::series::search::{Field, Hit, Index};
use referat_analyzer::text::Lower;

const DOCS: [&str; 2] = ["kkr-nordjylland-2021-06-11.md", "kkr-nordjylland-2025-08-29.txt"];

fn analysis(name: &str) -> referat_analyzer::Analysis {
    let path = format!("{}/tests/corpus/{name}", env!("CARGO_MANIFEST_DIR"));
    referat_analyzer::analyze(&std::fs::read(path).expect("corpus file"), name)
}

fn index() -> Index {
    let mut index = Index::new();
    for (k, name) in DOCS.iter().enumerate() {
        index.add(k, &analysis(name));
    }
    index
}

/// (document, item number) of each hit.
fn places(hits: &[Hit]) -> Vec<(usize, Option<&str>)> {
    hits.iter().map(|h| (h.doc, h.item.as_deref())).collect()
}

fn fields(hit: &Hit) -> Vec<Field> {
    hit.fields.iter().map(|s| s.field).collect()
}

/// The marked words of a hit's snippets, as they stand in the snippets.
fn marked(hit: &Hit) -> Vec<&str> {
    hit.fields.iter().flat_map(|s| s.marks.iter().map(|&(b, e)| &s.text[b..e])).collect()
}

#[test]
fn a_word_of_one_decision_finds_that_item_only() {
    let index = index();
    assert_eq!(index.len(), 2);
    // Læsø: 2021's 3.4 (Flygtningefordeling) decides a special agreement for Læsø Kommune;
    // a member's municipality in the attendance list is not searched.
    let hits = index.search("Læsø", 10);
    assert_eq!(places(&hits), [(0, Some("3.4"))]);
    assert_eq!(hits[0].title, "Flygtningefordeling 2022");
    assert_eq!(fields(&hits[0]), [Field::Decision]);
    assert_eq!(marked(&hits[0]), ["Læsø"]);
    assert_eq!(index.search("LÆSØ", 10), hits, "case does not matter");
}

#[test]
fn a_prefix_finds_the_longer_word() {
    let index = index();
    let hits = index.search("flygtning", 10);
    assert_eq!(places(&hits), [(0, Some("3.4"))]);
    assert_eq!(fields(&hits[0]), [Field::Title]);
    assert_eq!(hits[0].fields[0].text, "Flygtningefordeling 2022");
    assert_eq!(hits[0].fields[0].marks, [(0, "Flygtningefordeling".len())]);
    // KulturKanten only in the decision of 2025's 3.2 (EU-kulturhovedstad i 2032).
    let hits = index.search("kulturkant", 10);
    assert_eq!(places(&hits), [(1, Some("3.2"))]);
    assert_eq!(fields(&hits[0]), [Field::Decision]);
    assert_eq!(marked(&hits[0]), ["KulturKanten"]);
}

#[test]
fn every_query_word_must_be_in_the_same_item() {
    let index = index();
    // SOSU: 2021's 3.5 in its title and Indstilling ("SOSU-forhandlingerne"), 2025's 3.3 in
    // its title only (its decision and Indstilling speak of lærepladser).
    let sosu = index.search("sosu", 10);
    assert_eq!(places(&sosu), [(0, Some("3.5")), (1, Some("3.3"))]);
    assert_eq!(fields(&sosu[0]), [Field::Title, Field::Indstilling]);
    assert_eq!(fields(&sosu[1]), [Field::Title]);
    // Læsø and SOSU are both in 2021, in different items: no hit.
    assert!(!index.search("læsø", 10).is_empty());
    assert_eq!(index.search("læsø sosu", 10), []);
    // Across the fields of one item: the title says Flygtninge, the decision Læsø.
    let hits = index.search("læsø flygtning", 10);
    assert_eq!(places(&hits), [(0, Some("3.4"))]);
    assert_eq!(fields(&hits[0]), [Field::Title, Field::Decision]);
}

#[test]
fn a_name_is_a_meeting_level_hit_where_the_person_is_listed() {
    let index = index();
    // Leif Skaarup: present in 2021, absent in 2025, named in no item's fields.
    let hits = index.search("Skaarup", 10);
    assert_eq!(places(&hits), [(0, None), (1, None)]);
    for h in &hits {
        assert_eq!(h.title, "Fremmøde");
        assert_eq!(fields(h), [Field::Name]);
        assert_eq!(h.fields[0].text, "Leif Skaarup");
        assert_eq!(marked(h), ["Skaarup"]);
    }
    // Per Bach Laursen: absent in 2021, present in 2025 and reporting from BRN in its 2.1
    // decision. Per Clausen (absent in 2021) is not him.
    let hits = index.search("per bach", 10);
    assert_eq!(places(&hits), [(0, None), (1, None), (1, Some("2.1"))]);
    assert_eq!(hits[0].fields.iter().map(|s| s.text.as_str()).collect::<Vec<_>>(), ["Per Bach Laursen"]);
    assert_eq!(marked(&hits[0]), ["Per", "Bach"]);
    assert_eq!(fields(&hits[2]), [Field::Decision]);
}

#[test]
fn typographic_apostrophes_fold_with_plain_ones() {
    let index = index();
    // 2021's 2.2 decision: "KL's formandskab"; 2025's 2.1 decision: "KL’s og KKR'’s formandskaber".
    for q in ["KL's formandskab", "kl’s FORMANDSKAB"] {
        let hits = index.search(q, 10);
        assert_eq!(places(&hits), [(0, Some("2.2")), (1, Some("2.1"))], "{q}");
        assert!(hits.iter().all(|h| fields(h) == [Field::Decision]));
        assert!(marked(&hits[1]).contains(&"KL’s"), "{:?}", hits[1]);
    }
    // 2021's 2.1 decision: "opstarten af FGU'erne"; the apostrophe stays inside the word.
    let hits = index.search("fgu", 10);
    assert_eq!(places(&hits), [(0, Some("2.1"))]);
    assert_eq!(fields(&hits[0]), [Field::Title, Field::Decision, Field::Indstilling]);
    assert!(marked(&hits[0]).contains(&"FGU'erne"), "{:?}", hits[0]);
}

#[test]
fn marks_point_at_the_matched_words() {
    let index = index();
    for q in ["orientering", "kkr nordjylland", "sosu", "mogens gade", "efterret", "2022"] {
        let words: Vec<String> = q.split_whitespace().map(str::lower).collect();
        let hits = index.search(q, usize::MAX);
        assert!(!hits.is_empty(), "{q}");
        for s in hits.iter().flat_map(|h| &h.fields) {
            assert!(!s.marks.is_empty(), "{q}: {s:?}");
            assert!(s.text.chars().count() <= 202, "{q}: {} chars", s.text.chars().count());
            for &(b, e) in &s.marks {
                let word = s.text.get(b..e).unwrap_or_else(|| panic!("{q}: {b}..{e} in {:?}", s.text)).lower();
                assert!(words.iter().any(|w| word.starts_with(w.as_str())), "{q}: {word:?} in {:?}", s.text);
                let before = s.text[..b].chars().next_back();
                assert!(!before.is_some_and(char::is_alphanumeric), "{q}: a mark starts inside a word: {:?}", s.text);
            }
        }
    }
}

#[test]
fn long_fields_are_cut_between_words_around_the_match() {
    let index = index();
    // 2021's 3.3 decision is long; "RAR-medlem" stands in its fourth paragraph.
    let hits = index.search("rar medlem", 10);
    assert_eq!(places(&hits), [(0, Some("3.3"))]);
    let s = &hits[0].fields[0];
    assert_eq!(s.field, Field::Decision);
    assert!(s.text.starts_with('…') && s.text.ends_with('…'), "{:?}", s.text);
    assert!(s.text.contains("RAR-medlem"), "{:?}", s.text);
    assert!(!s.text.contains('\n'));
}

#[test]
fn an_empty_query_finds_nothing() {
    let index = index();
    for q in ["", "   ", "\n\t", "– … ”"] {
        assert_eq!(index.search(q, 10), [], "{q:?}");
    }
    assert!(Index::new().is_empty());
    assert_eq!(Index::new().search("kkr", 10), []);
}

#[test]
fn the_limit_cuts_the_ordered_list() {
    let index = index();
    let all = index.search("kkr", usize::MAX);
    assert!(all.len() > 10, "{}", all.len());
    assert_eq!(index.search("kkr", 3), all[..3]);
    assert_eq!(index.search("kkr", 0), []);
    // Document order, then the items' order within each document.
    let order: Vec<(usize, Option<usize>)> = {
        let docs = DOCS.map(analysis);
        all.iter().map(|h| (h.doc, h.item.as_ref().map(|n| docs[h.doc].items.iter().position(|i| &i.number == n).expect("item")))).collect()
    };
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
}

#[test]
fn hits_come_in_the_callers_document_order() {
    let mut index = Index::new();
    index.add(7, &analysis(DOCS[1]));
    index.add(3, &analysis(DOCS[0]));
    assert_eq!(index.len(), 2);
    assert_eq!(places(&index.search("skaarup", 10)), [(3, None), (7, None)]);
}
