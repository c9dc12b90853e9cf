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

/// Builds a trie from words given in sorted order, one at a time, without holding them:
/// the lexicon's words go from their front-coded list straight into it (built at every
/// start, so at the first file on the page). Children arrive in order, so each node keeps
/// them as a chain; `finish` lays the chains out as the trie's sorted edge lists.
pub struct Builder {
    nodes: Vec<Linked>,
    /// The nodes of the word added last, from the root: after the root, its letters.
    path: Vec<u32>,
}

struct Linked {
    letter: char,
    first_child: u32,
    last_child: u32,
    next_sibling: u32,
    bin: Bin,
}

const NO_NODE: u32 = u32::MAX;

impl Linked {
    fn new(letter: char) -> Linked {
        Linked { letter, first_child: NO_NODE, last_child: NO_NODE, next_sibling: NO_NODE, bin: NOT_A_WORD }
    }
}

impl Default for Builder {
    fn default() -> Builder {
        Builder { nodes: vec![Linked::new('\0')], path: vec![0] }
    }
}

impl Builder {
    /// Adds a word that sorts after (or equal to) the word added last; a word added twice
    /// keeps its lowest bin.
    pub fn add(&mut self, word: &[char], bin: Bin) {
        let shared = self.path[1..].iter().zip(word).take_while(|(&n, &c)| self.nodes[n as usize].letter == c).count();
        self.path.truncate(shared + 1);
        for &c in &word[shared..] {
            let (parent, id) = (self.path[self.path.len() - 1] as usize, self.nodes.len() as u32);
            debug_assert!(self.nodes[parent].last_child == NO_NODE || self.nodes[self.nodes[parent].last_child as usize].letter < c);
            self.nodes.push(Linked::new(c));
            match self.nodes[parent].last_child {
                NO_NODE => self.nodes[parent].first_child = id,
                last => self.nodes[last as usize].next_sibling = id,
            }
            self.nodes[parent].last_child = id;
            self.path.push(id);
        }
        let end = &mut self.nodes[self.path[self.path.len() - 1] as usize].bin;
        *end = (*end).min(bin);
    }

    pub fn finish(self) -> Trie {
        let linked = self.nodes;
        let mut t = Trie { nodes: Vec::with_capacity(linked.len()), edges: Vec::with_capacity(linked.len()) };
        // Breadth first: each node's children take the next numbers and sit side by side.
        t.nodes.push((0, 0, linked[0].bin));
        let mut linked_of = vec![0u32];
        let mut k = 0;
        while k < linked_of.len() {
            let first = t.edges.len() as u32;
            let mut child = linked[linked_of[k] as usize].first_child;
            while child != NO_NODE {
                let c = &linked[child as usize];
                t.edges.push((c.letter, t.nodes.len() as u32));
                t.nodes.push((0, 0, c.bin));
                linked_of.push(child);
                child = c.next_sibling;
            }
            t.nodes[k].0 = first;
            t.nodes[k].1 = (t.edges.len() as u32 - first) as u16;
            k += 1;
        }
        t
    }
}

impl Trie {
    /// Builds from words sorted by their letters.
    pub fn from_sorted(words: &[Entry]) -> Trie {
        let mut b = Builder::default();
        for (w, bin) in words {
            b.add(w, *bin);
        }
        b.finish()
    }

    /// Every node's edges strictly sorted by letter, every node but the root reached by
    /// exactly one edge: what `child`'s binary search needs (the builder's input in order).
    #[cfg(test)]
    pub fn is_well_formed(&self) -> bool {
        let mut reached = vec![0u32; self.nodes.len()];
        for &(first, count, _) in &self.nodes {
            let edges = &self.edges[first as usize..first as usize + count as usize];
            if edges.windows(2).any(|p| p[0].0 >= p[1].0) {
                return false;
            }
            edges.iter().for_each(|&(_, n)| reached[n as usize] += 1);
        }
        reached[0] == 0 && reached[1..].iter().all(|&r| r == 1)
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
        assert!(t.is_well_formed());
    }

    #[test]
    fn a_word_given_twice_keeps_its_lowest_bin() {
        let words: Vec<Entry> = [("lasse", 0), ("lasse", 500), ("lasso", 300)].iter().map(|(w, b)| (w.chars().collect(), *b)).collect();
        let t = Trie::from_sorted(&words);
        assert_eq!(t.get("lasse"), Some(0));
        assert_eq!(t.get("lasso"), Some(300));
        assert_eq!(t.get("lass"), None);
        assert!(t.is_well_formed());
    }
}
