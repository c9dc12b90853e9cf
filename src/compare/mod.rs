//! Two documents of one meeting compared item by item (`referat-compare/1` of SCHEMA.md):
//! the dagsorden that went out and the referat, or two drafts of a referat. Core code
//! without web dependencies: the command line's `--compare` and the page's Sammenligning
//! use it.
//!
//! The items are paired in two steps (`pair_items`):
//! 1. An alignment of the two item sequences, in order, that maximises the summed title
//!    similarity of the pairs (a weighted longest common subsequence). Two items may pair
//!    when their titles are similar (`PAIR_MIN`), or when they carry the same number and
//!    their titles are still somewhat alike (`PAIR_SAME_NUMBER_MIN`); the same number adds
//!    `SAME_NUMBER_BONUS`, so that of two equally titled items the one in its place wins.
//! 2. Items left over on both sides whose titles are near equal (`MOVED_MIN`) pair as
//!    moved: an item taken to another place on the agenda is renumbered, not dropped and
//!    added.
//!
//! Title similarity is the Dice coefficient of the two titles' word multisets (lower case,
//! letters and digits only), so a reflowed, re-punctuated or re-capitalised title is the
//! same title.

mod diff;

use std::collections::HashMap;

use serde::Serialize;

use crate::model::{Analysis, Item, Outcome, Person, SectionKind, Source};
use crate::names::{self, Identity};
use crate::text::Lower;

pub use diff::{same_words, words as word_diff, Op, Word};

pub const SCHEMA: &str = "referat-compare/1";

/// Titles at least this similar may pair anywhere in the alignment.
pub const PAIR_MIN: f64 = 0.5;
/// Titles at least this similar may pair when the two items carry the same number.
pub const PAIR_SAME_NUMBER_MIN: f64 = 0.25;
/// Added to a pair's score when the numbers are the same.
pub const SAME_NUMBER_BONUS: f64 = 0.1;
/// Leftover items with titles at least this similar are one item moved.
pub const MOVED_MIN: f64 = 0.8;
/// The alignment's table is bounded: past this many cells (a 2,000 × 2,000 agenda), the
/// middle part pairs only items whose titles are the same.
const MAX_CELLS: usize = 4_000_000;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Comparison {
    pub schema: String,
    pub a: Source,
    pub b: Source,
    /// One row per item pair, in B's order, with A's items that B lacks where they stood.
    pub items: Vec<Row>,
    pub attendance: AttendanceChange,
    /// A is a dagsorden (or has no decision at all) and B has decisions: the comparison
    /// reads as a checklist of B's decisions.
    pub checklist: bool,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Change {
    Same,
    Added,
    Removed,
    Renumbered,
    Retitled,
    DecisionAdded,
    DecisionRemoved,
    DecisionChanged,
    OutcomeChanged,
}

impl Change {
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Same => "same",
            Change::Added => "added",
            Change::Removed => "removed",
            Change::Renumbered => "renumbered",
            Change::Retitled => "retitled",
            Change::DecisionAdded => "decision-added",
            Change::DecisionRemoved => "decision-removed",
            Change::DecisionChanged => "decision-changed",
            Change::OutcomeChanged => "outcome-changed",
        }
    }

    /// The label the page and the Markdown show.
    pub fn label_da(self) -> &'static str {
        match self {
            Change::Same => "Uændret",
            Change::Added => "Tilføjet",
            Change::Removed => "Fjernet",
            Change::Renumbered => "Nyt nummer",
            Change::Retitled => "Ny titel",
            Change::DecisionAdded => "Beslutning tilføjet",
            Change::DecisionRemoved => "Beslutning fjernet",
            Change::DecisionChanged => "Beslutning ændret",
            Change::OutcomeChanged => "Udfald ændret",
        }
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Row {
    /// The item's number in A and in B; one is missing for `added` and `removed`.
    pub a: Option<String>,
    pub b: Option<String>,
    /// The most telling change (the order of `Change`, `same` last); `also` holds the others.
    pub change: Change,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<Change>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_a: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_b: Option<String>,
    /// The decision's outcome on each side (absent: no decision).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome_a: Option<Outcome>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome_b: Option<Outcome>,
    /// A changed decision word by word, A's text into B's.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<Word>,
    /// B's decision says the item was taken off the agenda ("Punktet udgik"): no error.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub dropped: bool,
    /// The item (B's, or A's when B lacks it) has an Indstilling: a decision is expected.
    #[serde(skip)]
    pub recommended: bool,
}

impl Row {
    /// The item's number as the reader knows it: B's, or A's when B lacks it.
    pub fn number(&self) -> &str {
        self.b.as_deref().or(self.a.as_deref()).unwrap_or_default()
    }

    pub fn title(&self) -> &str {
        self.title_b.as_deref().or(self.title_a.as_deref()).unwrap_or_default()
    }

    /// One Danish sentence for the row; `checklist` reads a dagsorden against its referat.
    pub fn summary_da(&self, checklist: bool) -> String {
        let n = self.number();
        let a = self.a.as_deref().unwrap_or_default();
        let label = |o: Option<Outcome>| o.map(|o| o.label_da().lower()).unwrap_or_default();
        match self.change {
            _ if self.dropped => format!("Punkt {n} udgik."),
            Change::Removed if checklist => format!("Punkt {n} mangler i referatet."),
            Change::Removed => format!("Punkt {n} er fjernet."),
            Change::Added => format!("Punkt {n} er nyt."),
            Change::Renumbered => format!("Punkt {a} er nu punkt {n}."),
            Change::Retitled => format!("Punkt {n} har fået ny titel."),
            Change::DecisionAdded if checklist => format!("Punkt {n} fik en beslutning: {}.", label(self.outcome_b)),
            Change::DecisionAdded => format!("Punkt {n} har fået en beslutning: {}.", label(self.outcome_b)),
            Change::DecisionRemoved => format!("Punkt {n} har mistet sin beslutning."),
            Change::OutcomeChanged => format!("Udfaldet af punkt {n} er ændret: {} → {}.", label(self.outcome_a), label(self.outcome_b)),
            Change::DecisionChanged => format!("Beslutningen i punkt {n} er ændret."),
            Change::Same if self.outcome_b.is_none() && self.recommended => format!("Punkt {n} fik ingen beslutning."),
            Change::Same => format!("Punkt {n} er uændret."),
        }
    }

    /// Whether a secretary should look at the row: anything but an unchanged item, a
    /// decision the referat was to add, and an item that udgik.
    pub fn needs_look(&self, checklist: bool) -> bool {
        match self.change {
            _ if self.dropped => false,
            Change::DecisionAdded => !checklist,
            Change::Same => self.outcome_b.is_none() && self.recommended,
            _ => true,
        }
    }
}

/// How a person is listed in one document.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Listed {
    Present,
    Absent,
    /// Under both Deltagere and Afbud.
    Both,
}

impl Listed {
    pub fn label_da(self) -> &'static str {
        match self {
            Listed::Present => "til stede",
            Listed::Absent => "afbud",
            Listed::Both => "både til stede og afbud",
        }
    }
}

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct AttendanceChange {
    pub only_a: Vec<Person>,
    pub only_b: Vec<Person>,
    pub changed: Vec<StatusChange>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StatusChange {
    pub name: String,
    pub a: Listed,
    pub b: Listed,
}

/// Compares A (the earlier: a dagsorden, yesterday's draft) with B.
pub fn compare(a: &Analysis, b: &Analysis) -> Comparison {
    let pairs = pair_items(&a.items, &b.items);
    let items = pairs.into_iter().map(|(x, y)| row(x.map(|i| &a.items[i]), y.map(|j| &b.items[j]))).collect();
    let decided = |x: &Analysis| x.items.iter().any(|i| i.decision.is_some());
    let checklist = decided(b) && (a.meeting.kind.as_deref() == Some("dagsorden") || !decided(a));
    Comparison { schema: SCHEMA.to_owned(), a: a.source.clone(), b: b.source.clone(), items, attendance: attendance(a, b), checklist }
}

/// The pairs of item indices, in B's order; A's unpaired items stand after the B item
/// that follows their place in A, i.e. where they were.
pub fn pair_items(a: &[Item], b: &[Item]) -> Vec<(Option<usize>, Option<usize>)> {
    // Each title as the sorted ids of its words: similarity is then a merge, no allocation
    // per pair (the alignment compares up to MAX_CELLS pairs).
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut bag = |title: &str| {
        let mut words: Vec<u32> = title_words(title)
            .into_iter()
            .map(|w| {
                let next = ids.len() as u32;
                *ids.entry(w).or_insert(next)
            })
            .collect();
        words.sort_unstable();
        words
    };
    let ta: Vec<Vec<u32>> = a.iter().map(|i| bag(&i.title)).collect();
    let tb: Vec<Vec<u32>> = b.iter().map(|i| bag(&i.title)).collect();
    let mut of_a: Vec<Option<usize>> = vec![None; a.len()];
    let mut of_b: Vec<Option<usize>> = vec![None; b.len()];
    align(a, b, &ta, &tb, &mut of_a, &mut of_b);
    // Step 2: moved items (bounded as the alignment is).
    let left_b = of_b.iter().filter(|p| p.is_none()).count();
    let left_a = if left_b == 0 { 0 } else { of_a.iter().filter(|p| p.is_none()).count() };
    for i in 0..a.len() {
        if of_a[i].is_some() || left_a.saturating_mul(left_b) > MAX_CELLS {
            continue;
        }
        let best = (0..b.len())
            .filter(|&j| of_b[j].is_none())
            .map(|j| (similarity(&ta[i], &tb[j]), j))
            .filter(|&(s, _)| s >= MOVED_MIN)
            .max_by(|x, y| x.0.total_cmp(&y.0).then(y.1.cmp(&x.1)));
        if let Some((_, j)) = best {
            of_a[i] = Some(j);
            of_b[j] = Some(i);
        }
    }
    // B's order; an unpaired A item goes before the first B item paired with a later A item.
    let mut out = Vec::with_capacity(a.len() + b.len());
    let mut next_a = 0;
    for (j, &paired) in of_b.iter().enumerate() {
        if let Some(i) = paired {
            while next_a < i {
                if of_a[next_a].is_none() {
                    out.push((Some(next_a), None));
                }
                next_a += 1;
            }
            next_a = next_a.max(i + 1);
        }
        out.push((paired, Some(j)));
    }
    out.extend((next_a..a.len()).filter(|&i| of_a[i].is_none()).map(|i| (Some(i), None)));
    out
}

/// Step 1: the in-order alignment. Equal runs at both ends are paired first; the rest by
/// the weighted longest common subsequence, or by equal titles when it would be too large.
fn align(a: &[Item], b: &[Item], ta: &[Vec<u32>], tb: &[Vec<u32>], of_a: &mut [Option<usize>], of_b: &mut [Option<usize>]) {
    let equal = |i: usize, j: usize| a[i].number == b[j].number && ta[i] == tb[j];
    let mut start = 0;
    while start < a.len() && start < b.len() && equal(start, start) {
        (of_a[start], of_b[start]) = (Some(start), Some(start));
        start += 1;
    }
    let (mut end_a, mut end_b) = (a.len(), b.len());
    while end_a > start && end_b > start && equal(end_a - 1, end_b - 1) {
        (end_a, end_b) = (end_a - 1, end_b - 1);
        (of_a[end_a], of_b[end_b]) = (Some(end_b), Some(end_a));
    }
    let (n, m) = (end_a - start, end_b - start);
    if n == 0 || m == 0 {
        return;
    }
    if n.saturating_mul(m) > MAX_CELLS {
        // Too large to align: the first unpaired B item with the same title, in order.
        let mut by_title: HashMap<&[u32], Vec<usize>> = HashMap::new();
        for j in (start..end_b).rev() {
            by_title.entry(&tb[j]).or_default().push(j);
        }
        for i in start..end_a {
            if let Some(j) = by_title.get_mut(ta[i].as_slice()).and_then(Vec::pop) {
                (of_a[i], of_b[j]) = (Some(j), Some(i));
            }
        }
        return;
    }
    let score = |i: usize, j: usize| {
        let s = similarity(&ta[i], &tb[j]);
        let same_number = a[i].number == b[j].number;
        (s >= PAIR_MIN || (same_number && s >= PAIR_SAME_NUMBER_MIN)).then_some(s + if same_number { SAME_NUMBER_BONUS } else { 0.0 })
    };
    // best[x][y]: the best total for the first x items of A's middle and y of B's.
    let width = m + 1;
    let mut best = vec![0.0f64; (n + 1) * width];
    for x in 1..=n {
        for y in 1..=m {
            let skip = best[(x - 1) * width + y].max(best[x * width + y - 1]);
            let take = score(start + x - 1, start + y - 1).map(|s| best[(x - 1) * width + y - 1] + s);
            best[x * width + y] = take.map_or(skip, |t| t.max(skip));
        }
    }
    let (mut x, mut y) = (n, m);
    while x > 0 && y > 0 {
        let here = best[x * width + y];
        if here == best[(x - 1) * width + y] {
            x -= 1;
        } else if here == best[x * width + y - 1] {
            y -= 1;
        } else {
            let (i, j) = (start + x - 1, start + y - 1);
            (of_a[i], of_b[j]) = (Some(j), Some(i));
            (x, y) = (x - 1, y - 1);
        }
    }
}

/// A title's words, lower case, letters and digits only.
pub fn title_words(title: &str) -> Vec<String> {
    title.lower().split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

/// The Dice coefficient of two word multisets, each given as sorted word ids: 1 for the
/// same words, 0 for none shared.
pub fn similarity(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => (i, j, shared) = (i + 1, j + 1, shared + 1),
        }
    }
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

fn row(x: Option<&Item>, y: Option<&Item>) -> Row {
    let outcome = |i: Option<&Item>| i.and_then(|i| i.decision.as_ref()).map(|d| d.outcome);
    let recommended = y.or(x).is_some_and(|i| i.sections.iter().any(|s| s.kind == SectionKind::Indstilling));
    let mut changes = Vec::new();
    let mut words = Vec::new();
    match (x, y) {
        (None, _) => changes.push(Change::Added),
        (_, None) => changes.push(Change::Removed),
        (Some(x), Some(y)) => {
            if x.number != y.number {
                changes.push(Change::Renumbered);
            }
            if title_words(&x.title) != title_words(&y.title) {
                changes.push(Change::Retitled);
            }
            match (&x.decision, &y.decision) {
                (None, Some(_)) => changes.push(Change::DecisionAdded),
                (Some(_), None) => changes.push(Change::DecisionRemoved),
                (Some(d), Some(e)) => {
                    let changed = !same_words(&d.text, &e.text);
                    if d.outcome != e.outcome {
                        changes.push(Change::OutcomeChanged);
                    } else if changed {
                        changes.push(Change::DecisionChanged);
                    }
                    if changed {
                        words = word_diff(&d.text, &e.text);
                    }
                }
                (None, None) => {}
            }
        }
    }
    let mut changes = changes.into_iter();
    Row {
        a: x.map(|i| i.number.clone()),
        b: y.map(|i| i.number.clone()),
        change: changes.next().unwrap_or(Change::Same),
        also: changes.collect(),
        title_a: x.map(|i| i.title.clone()),
        title_b: y.map(|i| i.title.clone()),
        outcome_a: outcome(x),
        outcome_b: outcome(y),
        words,
        dropped: y.and_then(|i| i.decision.as_ref()).is_some_and(|d| crate::vocab::says_dropped(&d.text)),
        recommended,
    }
}

/// Who is only in one document, and whose listing changed. Names are matched as the
/// review and the history match them (`names::identity`).
fn attendance(a: &Analysis, b: &Analysis) -> AttendanceChange {
    let (la, lb) = (listing(a), listing(b));
    let index: HashMap<&Identity, usize> = lb.iter().enumerate().map(|(k, (id, _, _))| (id, k)).collect();
    let in_a: HashMap<&Identity, ()> = la.iter().map(|(id, _, _)| (id, ())).collect();
    let mut out = AttendanceChange::default();
    for (id, person, status) in &la {
        match index.get(id).map(|&k| &lb[k]) {
            None => out.only_a.push((*person).clone()),
            Some((_, _, other)) if other != status => out.changed.push(StatusChange { name: person.name.clone(), a: *status, b: *other }),
            Some(_) => {}
        }
    }
    out.only_b = lb.iter().filter(|(id, _, _)| !in_a.contains_key(id)).map(|(_, p, _)| (*p).clone()).collect();
    out
}

/// Each person once, in list order (present first), with how they are listed.
fn listing(a: &Analysis) -> Vec<(Identity, &Person, Listed)> {
    let mut out: Vec<(Identity, &Person, Listed)> = Vec::new();
    let mut seen: HashMap<Identity, usize> = HashMap::new();
    let all = a.attendance.present.iter().map(|p| (p, Listed::Present)).chain(a.attendance.absent.iter().map(|p| (p, Listed::Absent)));
    for (person, status) in all {
        let id = names::identity(&person.name);
        match seen.get(&id) {
            Some(&k) if out[k].2 != status => out[k].2 = Listed::Both,
            Some(_) => {}
            None => {
                seen.insert(id.clone(), out.len());
                out.push((id, person, status));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Item;

    fn item(number: &str, title: &str) -> Item {
        Item { number: number.into(), level: 1, title: title.into(), case: None, intro: String::new(), ..Item::default() }
    }

    /// Whether A's only item pairs with B's only item.
    fn pairs(a: (&str, &str), b: (&str, &str)) -> bool {
        pair_items(&[item(a.0, a.1)], &[item(b.0, b.1)]) == [(Some(0), Some(0))]
    }

    #[test]
    fn similarity_is_the_dice_coefficient_of_the_words() {
        let s = |x: &[u32], y: &[u32]| similarity(x, y);
        assert_eq!(s(&[1, 2], &[1, 2]), 1.0);
        assert_eq!(s(&[1, 2], &[3, 4]), 0.0);
        assert_eq!(s(&[1, 1, 2], &[1, 2, 2]), 2.0 * 2.0 / 6.0);
        assert_eq!(s(&[], &[]), 1.0);
        assert_eq!(title_words("Budget 2026 – 2. behandling"), ["budget", "2026", "2", "behandling"]);
    }

    #[test]
    fn the_thresholds_decide_which_titles_pair() {
        // Similarity 2·2/(4+4) = 0.5 = PAIR_MIN: pairs under another number.
        assert!(pairs(("3", "Budget for skoler nu"), ("7", "Budget for veje her")));
        // 2·1/(2+3) = 0.4 < PAIR_MIN: another number, another item.
        assert!(!pairs(("3", "Budget skoler"), ("7", "Budget veje byen")));
        // 2·1/(3+4) ≈ 0.29 ≥ PAIR_SAME_NUMBER_MIN: the same number, a retitled item.
        assert!(pairs(("3", "Flygtningefordeling 2022 orientering"), ("3", "Boligplacering af flygtninge 2022")));
        // 2·1/(5+5) = 0.2 < PAIR_SAME_NUMBER_MIN, even under the same number.
        assert!(!pairs(("3", "a b c d e"), ("3", "a f g h i")));
        // A leftover pair at ≥ MOVED_MIN is a moved item: 2·4/(4+5) ≈ 0.89.
        let a = [item("1", "x"), item("2", "Lokalplan for havnen i Vejle"), item("3", "y")];
        let b = [item("1", "x"), item("2", "y"), item("9", "Lokalplan for havnen i Vejle nord")];
        let got = pair_items(&a, &b);
        assert!(got.contains(&(Some(1), Some(2))), "{got:?}");
    }
}
