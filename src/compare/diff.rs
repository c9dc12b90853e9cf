//! A text changed word by word: the longest common subsequence of the two word lists,
//! after the common beginning and end are set aside (a draft's edit is usually one place).

use serde::Serialize;

/// Past this many cells the changed middle is shown as deleted and inserted whole.
const MAX_CELLS: usize = 1_000_000;

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    Same,
    Delete,
    Insert,
}

/// A run of words with one fate, joined by single spaces.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Word {
    pub op: Op,
    pub text: String,
}

/// A word as compared: typographic apostrophes, quotes and dashes as plain ones, so a
/// PDF's "KL’s" is the Markdown's "KL's".
pub fn fold(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            '’' | '‘' | 'ʼ' | '´' | '`' => '\'',
            '“' | '”' | '„' | '«' | '»' => '"',
            '–' | '—' | '‐' | '‑' => '-',
            c => c,
        })
        .collect()
}

/// Whether two texts have the same words (spacing and typography aside).
pub fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace().map(fold).eq(b.split_whitespace().map(fold))
}

/// `a` into `b`: runs of kept, deleted and inserted words, in reading order (a deletion
/// before the insertion that replaces it). Kept words are shown as `b` has them.
pub fn words(a: &str, b: &str) -> Vec<Word> {
    let a: Vec<&str> = a.split_whitespace().collect();
    let b: Vec<&str> = b.split_whitespace().collect();
    let fa: Vec<String> = a.iter().map(|w| fold(w)).collect();
    let fb: Vec<String> = b.iter().map(|w| fold(w)).collect();
    let head = fa.iter().zip(&fb).take_while(|(x, y)| x == y).count();
    let tail = fa[head..].iter().rev().zip(fb[head..].iter().rev()).take_while(|(x, y)| x == y).count();
    let (ma, mb) = (head..a.len() - tail, head..b.len() - tail);
    let mut ops: Vec<(Op, &str)> = b[..head].iter().map(|w| (Op::Same, *w)).collect();
    if ma.len().saturating_mul(mb.len()) > MAX_CELLS {
        ops.extend(a[ma].iter().map(|w| (Op::Delete, *w)));
        ops.extend(b[mb].iter().map(|w| (Op::Insert, *w)));
    } else {
        middle((&a[ma.clone()], &fa[ma]), (&b[mb.clone()], &fb[mb]), &mut ops);
    }
    ops.extend(b[b.len() - tail..].iter().map(|w| (Op::Same, *w)));
    let mut runs: Vec<Word> = Vec::new();
    for (op, w) in ops {
        match runs.last_mut() {
            Some(last) if last.op == op => {
                last.text.push(' ');
                last.text.push_str(w);
            }
            _ => runs.push(Word { op, text: w.to_owned() }),
        }
    }
    runs
}

/// The classic table of common-subsequence lengths (of the folded words `fa`, `fb`), read
/// back from the start.
type Side<'s, 't> = (&'s [&'t str], &'s [String]);

fn middle<'t>((a, fa): Side<'_, 't>, (b, fb): Side<'_, 't>, ops: &mut Vec<(Op, &'t str)>) {
    let (n, m) = (a.len(), b.len());
    let width = m + 1;
    // lcs[x][y]: the longest common subsequence of a[x..] and b[y..].
    let mut lcs = vec![0u32; (n + 1) * width];
    for x in (0..n).rev() {
        for y in (0..m).rev() {
            lcs[x * width + y] =
                if fa[x] == fb[y] { lcs[(x + 1) * width + y + 1] + 1 } else { lcs[(x + 1) * width + y].max(lcs[x * width + y + 1]) };
        }
    }
    let (mut x, mut y) = (0, 0);
    while x < n || y < m {
        if x < n && y < m && fa[x] == fb[y] {
            ops.push((Op::Same, b[y]));
            (x, y) = (x + 1, y + 1);
        } else if x < n && (y == m || lcs[(x + 1) * width + y] >= lcs[x * width + y + 1]) {
            ops.push((Op::Delete, a[x]));
            x += 1;
        } else {
            ops.push((Op::Insert, b[y]));
            y += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(runs: &[Word]) -> String {
        runs.iter()
            .map(|w| match w.op {
                Op::Same => w.text.clone(),
                Op::Delete => format!("[-{}-]", w.text),
                Op::Insert => format!("{{+{}+}}", w.text),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn marks_the_changed_words_only() {
        assert_eq!(
            show(&words("KKR tog orienteringen til efterretning.", "KKR godkendte orienteringen.")),
            "KKR [-tog orienteringen til efterretning.-] {+godkendte orienteringen.+}"
        );
        assert_eq!(show(&words("Godkendt.", "Godkendt. Karen Holm bemærkede noget.")), "Godkendt. {+Karen Holm bemærkede noget.+}");
        assert_eq!(show(&words("a b c", "a b c")), "a b c");
        assert_eq!(show(&words("", "ny")), "{+ny+}");
        assert_eq!(show(&words("gammel", "")), "[-gammel-]");
    }

    #[test]
    fn typography_is_no_change() {
        assert!(same_words("KL's formandskab – DK-2020", "KL’s  formandskab — DK‐2020"));
        assert_eq!(show(&words("KL's møde og FGU'er", "KL’s møde om FGU’er")), "KL’s møde [-og-] {+om+} FGU’er");
    }

    #[test]
    fn a_change_in_the_middle_keeps_both_ends() {
        assert_eq!(show(&words("x y z", "x q z")), "x [-y-] {+q+} z");
    }
}
