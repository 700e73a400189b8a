//! Sentence splitting for Arabic news, on the folded view.
//!
//! A sentence ends at `.` `!` `؟` `?` `…` (with the closing quotes and
//! brackets after it) and at a line break. A full stop does not end one
//! between digits (7.5), after a one-letter abbreviation (د. , U.S.), or with
//! a letter right after it (site.com). Dates and times (5/ 6/ 2021, 14:13)
//! and datelines («بغداد اليوم -») hold no sentence end; a dateline on its own
//! line is a sentence of its own.

use std::ops::Range;

use crate::normalize::{Normalized, is_word_char};

fn is_closing(c: char) -> bool {
    matches!(c, '»' | '”' | '"' | '\'' | ')' | ']' | '’')
}

fn ends_sentence(c: char) -> bool {
    matches!(c, '.' | '!' | '؟' | '?' | '…')
}

/// The bytes that may belong to a sentence end in the folded text, in
/// order: `.` `!` `?`, and the last bytes of `؟` (D8 9F) and `…` (E2 80 A6);
/// no folded Arabic letter ends with those two. Two vectorized searches,
/// each run once over the text: sentence ends are a few bytes in a hundred.
struct Marks<'a> {
    ascii: std::iter::Peekable<memchr::Memchr3<'a>>,
    other: std::iter::Peekable<memchr::Memchr2<'a>>,
    len: usize,
}

impl<'a> Marks<'a> {
    fn new(bytes: &'a [u8]) -> Marks<'a> {
        Marks {
            ascii: memchr::memchr3_iter(b'.', b'!', b'?', bytes).peekable(),
            other: memchr::memchr2_iter(0x9F, 0xA6, bytes).peekable(),
            len: bytes.len(),
        }
    }

    /// The first such byte at or after `from`, or the length of the text.
    fn next_from(&mut self, from: usize) -> usize {
        while self.ascii.next_if(|&p| p < from).is_some() {}
        while self.other.next_if(|&p| p < from).is_some() {}
        let a = self.ascii.peek().copied().unwrap_or(self.len);
        let o = self.other.peek().copied().unwrap_or(self.len);
        a.min(o)
    }
}

/// The sentences of a folded document, as byte ranges of `norm.text`,
/// trimmed of spaces, none empty, in order.
pub fn split(norm: &Normalized) -> Vec<Range<usize>> {
    let t = norm.text.as_str();
    let bytes = t.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let push = |s: usize, e: usize, out: &mut Vec<Range<usize>>| {
        let seg = &t[s..e];
        let lead = seg.len() - seg.trim_start_matches(' ').len();
        let trail = seg.len() - seg.trim_end_matches(' ').len();
        if s + lead < e - trail {
            out.push(s + lead..e - trail);
        }
    };
    // A line starts after a space that stands for a line break (or that
    // opens the text): the space ends the sentence before it.
    let opening = (bytes.first() == Some(&b' ')).then_some(0u32);
    let mut breaks = opening
        .into_iter()
        .chain(norm.line_breaks().iter().copied())
        .map(|b| b as usize)
        .peekable();
    let mut marks = Marks::new(bytes);
    let mut i = 0;
    loop {
        let p = marks.next_from(i);
        while let Some(q) = breaks.next_if(|&q| q < p) {
            if q >= start && q + 1 < bytes.len() {
                push(start, q, &mut out);
                start = q + 1;
            }
        }
        if p >= bytes.len() {
            break;
        }
        // where the mark starts, if it is one
        let at = match bytes[p] {
            0x9F if p >= 1 && bytes[p - 1] == 0xD8 => p - 1, // ؟
            0xA6 if p >= 2 && bytes[p - 2..p] == [0xE2, 0x80] => p - 2, // …
            b'!' | b'?' => p,
            b'.' => {
                let prev = t[..p].chars().next_back();
                let next = t[p + 1..].chars().next();
                let between_digits = prev.is_some_and(|c| c.is_ascii_digit())
                    && next.is_some_and(|c| c.is_ascii_digit());
                let glued = next.is_some_and(is_word_char);
                // a one-letter word before the stop: an abbreviation
                let one_letter = prev.is_some_and(|c| {
                    is_word_char(c)
                        && !t[..p - c.len_utf8()]
                            .chars()
                            .next_back()
                            .is_some_and(is_word_char)
                });
                if between_digits || glued || one_letter {
                    i = p + 1;
                    continue;
                }
                p
            }
            _ => {
                i = p + 1;
                continue;
            }
        };
        let mut end = at;
        while let Some(c) = t[end..]
            .chars()
            .next()
            .filter(|&c| ends_sentence(c) || is_closing(c))
        {
            end += c.len_utf8();
        }
        push(start, end, &mut out);
        start = end;
        i = end;
    }
    push(start, t.len(), &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<String> {
        let n = Normalized::new(text);
        split(&n)
            .into_iter()
            .map(|r| n.text[r].to_string())
            .collect()
    }

    #[test]
    fn splits_arabic_news() {
        let cases: &[(&str, &[&str])] = &[
            ("قال الوزير. وأضاف أن", &["قال الوزير.", "واضاف ان"]),
            ("هل انتهى؟ نعم!", &["هل انتهي؟", "نعم!"]),
            ("بلغت النسبة 7.5 بالمئة.", &["بلغت النسبه 7.5 بالميه."]),
            (
                "في 5/ 6/ 2021 الساعة 14:13 وصل",
                &["في 5/ 6/ 2021 الساعه 14:13 وصل"],
            ),
            ("قال د. أحمد إن U.S. تريد", &["قال د. احمد ان u.s. تريد"]),
            (
                "وقال «انتهت المهمة.» ثم غادر",
                &["وقال «انتهت المهمه.»", "ثم غادر"],
            ),
            (
                "زاكروس عربية – أربيل\n\nأكدت القيادة",
                &["زاكروس عربيه – اربيل", "اكدت القياده"],
            ),
            (
                "بغداد اليوم - تقرير محمود\nفي الوقت",
                &["بغداد اليوم - تقرير محمود", "في الوقت"],
            ),
            ("موقع site.com يقول", &["موقع site.com يقول"]),
        ];
        for (text, want) in cases {
            assert_eq!(sentences(text), *want, "{text:?}");
        }
    }
}
