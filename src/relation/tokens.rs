//! A sentence as the rule engine sees it: words, names and punctuation.

use std::ops::Range;

use crate::matcher::Mention;
use crate::normalize::is_word_char;
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
}

impl Token {
    /// The word, when the token is one.
    pub fn word<'a>(&self, text: &'a str) -> Option<&'a str> {
        matches!(self.kind, Kind::Word).then(|| &text[self.start..self.end])
    }
}

/// The tokens of `text[range]`; `mentions` are the document's, in order.
pub fn tokenize(text: &str, range: Range<usize>, mentions: &[Mention]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut next = mentions.partition_point(|m| m.folded_start < range.start);
    let mut pos = range.start;
    while pos < range.end {
        let Some(c) = text[pos..].chars().next() else {
            break;
        };
        if c == ' ' {
            pos += 1;
            continue;
        }
        if !is_word_char(c) {
            out.push(Token {
                kind: Kind::Punct(c),
                start: pos,
                end: pos + c.len_utf8(),
                conj: false,
            });
            pos += c.len_utf8();
            continue;
        }
        let word_end = pos
            + text[pos..]
                .find(|ch: char| !is_word_char(ch))
                .unwrap_or(text.len() - pos);
        while next < mentions.len() && mentions[next].folded_start < pos {
            next += 1;
        }
        match mentions.get(next) {
            Some(m) if m.folded_start < word_end => {
                let conj = m.folded_start > pos && text[pos..].starts_with(['و', 'ف']);
                out.push(Token {
                    kind: Kind::Name(next),
                    start: m.folded_start,
                    end: m.folded_end,
                    conj,
                });
                pos = m.folded_end;
                next += 1;
            }
            _ => {
                out.push(Token {
                    kind: Kind::Word,
                    start: pos,
                    end: word_end,
                    conj: false,
                });
                pos = word_end;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::normalize::{is_form_of, word_forms};

    #[test]
    fn forms_behind_proclitics() {
        let forms = |w: &str| {
            word_forms(w)
                .into_iter()
                .map(|c| c.into_owned())
                .collect::<Vec<_>>()
        };
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
