//! A sentence as the rule engine sees it: words, names and punctuation.

use std::ops::Range;

use crate::matcher::Mention;
use crate::normalize::Normalized;
pub use crate::normalize::{is_form_of, word_forms};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A word of the folded text.
    Word,
    /// A name: index into the document's mentions. Proclitics before it
    /// are not part of the token.
    Name(usize),
    /// A punctuation mark or symbol.
    Punct(char),
}

/// One token, with its byte span in the folded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    /// A name behind the conjunction و or ف: «وحزب الله» is "and Hezbollah".
    pub conj: bool,
    /// A name behind a preposition written on it: the ب of «بسوريا», the
    /// ل of «للعراق», the ك of «كالعراق».
    pub preposition: Option<char>,
}

impl Token {
    /// The word, when the token is one.
    pub fn word<'a>(&self, text: &'a str) -> Option<&'a str> {
        matches!(self.kind, Kind::Word).then(|| &text[self.start..self.end])
    }
}

/// The tokens of `norm.text[range]` (a range that starts and ends on
/// token boundaries); `mentions` are the document's, in order. The words
/// come from the folded view, cut once for the matcher.
pub fn tokenize(norm: &Normalized, range: Range<usize>, mentions: &[Mention]) -> Vec<Token> {
    let text = norm.text.as_str();
    let words = norm.words();
    let mut out = Vec::new();
    let mut next = mentions.partition_point(|m| m.folded_start < range.start);
    let mut w = words.partition_point(|w| (w.start as usize) < range.start);
    let mut pos = range.start;
    // Quotation marks around a name or a title are no part of what the
    // sentence says: «قائد "فيلق القدس"» reads as «قائد فيلق القدس».
    let punct = |from: usize, to: usize, out: &mut Vec<Token>| {
        for (i, c) in text[from..to].char_indices() {
            if c != ' ' && !matches!(c, '"' | '«' | '»' | '“' | '”' | '„') {
                out.push(Token {
                    kind: Kind::Punct(c),
                    start: from + i,
                    end: from + i + c.len_utf8(),
                    conj: false,
                    preposition: None,
                });
            }
        }
    };
    while w < words.len() && (words[w].start as usize) < range.end {
        let word = words[w].range();
        punct(pos, word.start, &mut out);
        match mentions.get(next) {
            Some(m) if m.folded_start < word.end => {
                let clitics = &text[word.start..m.folded_start.max(word.start)];
                let conj = clitics.starts_with(['و', 'ف']);
                let preposition = clitics
                    .chars()
                    .last()
                    .filter(|c| matches!(c, 'ب' | 'ل' | 'ك'));
                out.push(Token {
                    kind: Kind::Name(next),
                    start: m.folded_start,
                    end: m.folded_end,
                    conj,
                    preposition,
                });
                pos = m.folded_end;
                next += 1;
                while w < words.len() && (words[w].start as usize) < pos {
                    w += 1;
                }
            }
            _ => {
                out.push(Token {
                    kind: Kind::Word,
                    start: word.start,
                    end: word.end,
                    conj: false,
                    preposition: None,
                });
                pos = word.end;
                w += 1;
            }
        }
    }
    punct(pos, range.end, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use crate::normalize::{is_form_of, word_forms};

    #[test]
    fn forms_behind_proclitics() {
        let forms = |w: &str| word_forms(w).map(|c| c.into_owned()).collect::<Vec<_>>();
        assert_eq!(forms("للفريق"), ["للفريق", "لفريق", "الفريق"]);
        assert_eq!(forms("وبقياده"), ["وبقياده", "بقياده", "قياده"]);
        assert_eq!(forms("خلفا"), ["خلفا"]);
        assert_eq!(forms("في"), ["في"]);
        for w in ["للفريق", "وبقياده", "وللقوات", "فالعراق", "في", "ليس"]
        {
            for f in word_forms(w) {
                assert!(is_form_of(w, &f), "{w} {f}");
            }
            assert!(!is_form_of(w, "الحرير"));
        }
    }
}
