//! A compact trie over lower-case words: nodes and their edges in two flat arrays, so the
//! OCR repair can follow a word letter by letter without building strings.

pub type Bin = u16;
/// A word as letters, with its frequency bin.
pub type Entry = (Vec<char>, Bin);
const NOT_A_WORD: Bin = Bin::MAX;

#[derive(Default)]
pub struct Trie {
    /// Per node: its first edge, its number of edges, and its word's frequency bin.
    nodes: Vec<(u32, u16, Bin)>,
    /// (letter, child node), each node's edges sorted by letter.
    edges: Vec<(char, u32)>,
}

impl Trie {
    /// Builds from words sorted by their letters, each once.
    pub fn from_sorted(words: &[Entry]) -> Trie {
        let mut t = Trie::default();
        t.nodes.push((0, 0, NOT_A_WORD));
        t.build(0, words, 0);
        t
    }

    fn build(&mut self, node: usize, words: &[Entry], depth: usize) {
        let mut rest = words;
        if let Some((w, b)) = rest.first() {
            if w.len() == depth {
                self.nodes[node].2 = *b;
                rest = &rest[1..];
            }
        }
        // Group the remaining words by their letter at `depth`; reserve the edges first so
        // each node's edges stay contiguous. (Groups found twice rather than kept in a
        // vector: the lexicon has some hundred thousand nodes, built at every start.)
        let group_end = |i: usize| i + rest[i..].iter().take_while(|(w, _)| w[depth] == rest[i].0[depth]).count();
        let first = self.edges.len() as u32;
        let mut i = 0;
        while i < rest.len() {
            self.nodes.push((0, 0, NOT_A_WORD));
            self.edges.push((rest[i].0[depth], (self.nodes.len() - 1) as u32));
            i = group_end(i);
        }
        self.nodes[node].0 = first;
        self.nodes[node].1 = (self.edges.len() as u32 - first) as u16;
        let (mut i, mut k) = (0, first as usize);
        while i < rest.len() {
            let j = group_end(i);
            let child = self.edges[k].1 as usize;
            self.build(child, &rest[i..j], depth + 1);
            (i, k) = (j, k + 1);
        }
    }

    pub fn root(&self) -> Option<u32> {
        (!self.nodes.is_empty()).then_some(0)
    }

    pub fn child(&self, node: u32, c: char) -> Option<u32> {
        let (first, count, _) = self.nodes[node as usize];
        // Edges are sorted by letter: a binary search (the root has some forty).
        let edges = &self.edges[first as usize..first as usize + count as usize];
        edges.binary_search_by_key(&c, |(x, _)| *x).ok().map(|i| edges[i].1)
    }

    /// The frequency bin of the word ending at `node`, if one does.
    pub fn bin_at(&self, node: u32) -> Option<Bin> {
        let b = self.nodes[node as usize].2;
        (b != NOT_A_WORD).then_some(b)
    }

    pub fn walk(&self, word: impl IntoIterator<Item = char>) -> Option<u32> {
        word.into_iter().try_fold(self.root()?, |n, c| self.child(n, c))
    }

    /// Looks a word up as if it were lower case, without making a lower-case copy.
    pub fn get_folded(&self, word: &str) -> Option<Bin> {
        let mut node = self.root()?;
        for c in word.chars() {
            // ASCII without the Unicode tables; other letters may lower-case to several.
            if c.is_ascii() {
                node = self.child(node, c.to_ascii_lowercase())?;
            } else {
                for l in c.to_lowercase() {
                    node = self.child(node, l)?;
                }
            }
        }
        self.bin_at(node)
    }

    pub fn get(&self, word: &str) -> Option<Bin> {
        self.walk(word.chars()).and_then(|n| self.bin_at(n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_prefixes() {
        let mut words: Vec<Entry> =
            ["møde", "mødet", "måde", "for"].iter().enumerate().map(|(i, w)| (w.chars().collect(), i as Bin)).collect();
        words.sort();
        let t = Trie::from_sorted(&words);
        assert_eq!(t.get("møde"), Some(0));
        assert_eq!(t.get("mødet"), Some(1));
        assert_eq!(t.get("mød"), None);
        assert!(t.walk("mø".chars()).is_some());
        assert!(t.walk("mx".chars()).is_none());
        assert_eq!(t.get("for"), Some(3));
    }
}
