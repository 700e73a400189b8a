//! The compiled gazetteer: an automaton over words, not bytes.
//!
//! A name starts and ends on word boundaries, so there is no need to try it
//! at every byte as a byte automaton does: the folded text is cut into words
//! once (see [`crate::normalize::Normalized::words`]), each word is looked up
//! in the vocabulary of the gazetteer's aliases (a hash probe), and only a
//! word that opens some alias starts a walk through a trie whose edges are
//! (separator, word) pairs. Most words of a news text open no alias and cost
//! one probe; a walk costs one probe per word the text agrees with an alias.
//! This is what lets a 100k-name list run faster than a bare byte scan.

use rustc_hash::FxHashMap;

use crate::normalize::is_word_char;

/// No word, no node, no pattern.
pub const NONE: u32 = u32::MAX;

/// A node of the trie: the alias that ends here, if any.
#[derive(Debug, Clone, Copy)]
struct Node {
    pattern: u32,
    has_children: bool,
}

/// The aliases, as sequences of words and the separators between them.
#[derive(Debug, Clone, Default)]
pub struct WordTrie {
    /// Word id of every word that occurs in some alias.
    vocabulary: FxHashMap<Box<str>, u32>,
    /// The node an alias's first word leads to, by word id (`NONE`: the word
    /// never opens an alias).
    first: Vec<u32>,
    /// Separators between the words of aliases (" " is 0).
    separators: FxHashMap<Box<str>, u32>,
    /// (node, separator, word) → node.
    edges: FxHashMap<(u32, u32, u32), u32>,
    nodes: Vec<Node>,
}

/// A space, or a hyphen right between two words: transliterated names are
/// written both ways (كيم جونغ أون، كيم جونغ-أون; جان إيف، جان-إيف).
fn is_space_like(sep: &str) -> bool {
    sep == " " || sep == "-"
}

/// Splits a folded alias into its words and the separators between them.
/// None when it does not start and end with a word.
fn split(key: &str) -> Option<(Vec<&str>, Vec<&str>)> {
    let (first, last) = (key.chars().next()?, key.chars().next_back()?);
    if !is_word_char(first) || !is_word_char(last) {
        return None;
    }
    let mut words = Vec::new();
    let mut seps = Vec::new();
    let mut rest = key;
    loop {
        let w = rest.len() - rest.trim_start_matches(is_word_char).len();
        words.push(&rest[..w]);
        rest = &rest[w..];
        if rest.is_empty() {
            return Some((words, seps));
        }
        let s = rest.len() - rest.trim_start_matches(|c: char| !is_word_char(c)).len();
        seps.push(&rest[..s]);
        rest = &rest[s..];
    }
}

impl WordTrie {
    /// Compiles `keys` (folded aliases); pattern `k` is `keys[k]`. A key
    /// that does not start and end with a word character is left out.
    pub fn new<S: AsRef<str>>(keys: &[S]) -> WordTrie {
        let mut t = WordTrie::default();
        t.separators.insert(" ".into(), 0);
        t.nodes.push(Node {
            pattern: NONE,
            has_children: false,
        });
        for (k, key) in keys.iter().enumerate() {
            let Some((words, seps)) = split(key.as_ref()) else {
                continue;
            };
            let mut node = 0;
            for (i, w) in words.iter().enumerate() {
                let wid = t.word_id(w);
                let next = if i == 0 {
                    t.first[wid as usize]
                } else {
                    let sid = t.separator_id(seps[i - 1]);
                    t.edges.get(&(node, sid, wid)).copied().unwrap_or(NONE)
                };
                let next = if next != NONE {
                    next
                } else {
                    let n = t.nodes.len() as u32;
                    t.nodes.push(Node {
                        pattern: NONE,
                        has_children: false,
                    });
                    if i == 0 {
                        t.first[wid as usize] = n;
                    } else {
                        let sid = t.separator_id(seps[i - 1]);
                        t.edges.insert((node, sid, wid), n);
                        t.nodes[node as usize].has_children = true;
                    }
                    n
                };
                node = next;
            }
            t.nodes[node as usize].pattern = k as u32;
        }
        t
    }

    /// The id of `w`, added to the vocabulary if it is new (a word added
    /// this way opens no alias).
    pub fn word_id(&mut self, w: &str) -> u32 {
        if let Some(&id) = self.vocabulary.get(w) {
            return id;
        }
        let id = self.first.len() as u32;
        self.vocabulary.insert(w.into(), id);
        self.first.push(NONE);
        id
    }

    fn separator_id(&mut self, s: &str) -> u32 {
        if is_space_like(s) {
            return 0;
        }
        let n = self.separators.len() as u32;
        *self.separators.entry(s.into()).or_insert(n)
    }

    /// The id of `w`, if some alias (or a word added with
    /// [`WordTrie::word_id`]) has it.
    #[inline]
    pub fn word(&self, w: &str) -> Option<u32> {
        self.vocabulary.get(w).copied()
    }

    /// The number of words in the vocabulary: ids are below it.
    pub fn vocabulary_len(&self) -> usize {
        self.first.len()
    }

    /// The node that the word with id `id` leads to from the root, if any.
    #[inline]
    pub fn open_id(&self, id: u32) -> Option<u32> {
        let node = self.first[id as usize];
        (node != NONE).then_some(node)
    }

    /// The node that the word `w` leads to from the root, if any.
    #[cfg(test)]
    pub fn open(&self, w: &str) -> Option<u32> {
        self.open_id(self.word(w)?)
    }

    /// The node after `node` across separator `sep` and the word with id
    /// `wid` ([`NONE`]: a word of no alias).
    #[inline]
    pub fn step(&self, node: u32, sep: &str, wid: u32) -> Option<u32> {
        if wid == NONE || !self.nodes[node as usize].has_children {
            return None;
        }
        let sid = if is_space_like(sep) {
            0
        } else {
            *self.separators.get(sep)?
        };
        self.edges.get(&(node, sid, wid)).copied()
    }

    /// True when some alias goes on past `node`.
    #[inline]
    pub fn has_children(&self, node: u32) -> bool {
        self.nodes[node as usize].has_children
    }

    /// The alias that ends at `node`, if any.
    #[inline]
    pub fn pattern(&self, node: u32) -> Option<u32> {
        let p = self.nodes[node as usize].pattern;
        (p != NONE).then_some(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_split_into_words_and_separators() {
        assert_eq!(split("عين الاسد"), Some((vec!["عين", "الاسد"], vec![" "])));
        assert_eq!(
            split("بي.بي.سي"),
            Some((vec!["بي", "بي", "سي"], vec![".", "."]))
        );
        assert_eq!(split("(داعش)"), None);
        assert_eq!(split(""), None);
    }

    #[test]
    fn walks_word_by_word() {
        let t = WordTrie::new(&["عين الاسد", "عين", "بي.بي.سي"]);
        let n = t.open("عين").unwrap();
        assert_eq!(t.pattern(n), Some(1));
        let id = |w: &str| t.word(w).unwrap_or(NONE);
        let m = t.step(n, " ", id("الاسد")).unwrap();
        assert_eq!(t.pattern(m), Some(0));
        assert_eq!(t.step(n, "-", id("الاسد")), Some(m));
        assert!(t.step(n, " - ", id("الاسد")).is_none());
        assert!(t.step(n, " ", id("مطار")).is_none());
        assert!(t.open("الاسد").is_none());
        let b = t.open("بي").unwrap();
        assert_eq!(t.pattern(b), None);
        let b = t.step(b, ".", id("بي")).unwrap();
        let b = t.step(b, ".", id("سي")).unwrap();
        assert_eq!(t.pattern(b), Some(2));
    }
}
