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
    let breaks = norm.line_breaks();
    let mut next_break = 0;
    // Only a few bytes can end a sentence; the rest are stepped over a byte
    // at a time (the marks are ASCII or start with a byte no letter of the
    // Arabic block continues with).
    let mut i = 0;
    while i < bytes.len() {
        let len = match bytes[i] {
            b' ' => {
                while next_break < breaks.len() && (breaks[next_break] as usize) < i {
                    next_break += 1;
                }
                let at_break = i == 0 || breaks.get(next_break) == Some(&(i as u32));
                if at_break && i + 1 < bytes.len() {
                    push(start, i, &mut out);
                    start = i + 1;
                }
                i += 1;
                continue;
            }
            b'!' | b'?' => 1,
            0xD8 if bytes.get(i + 1) == Some(&0x9F) => 2, // ؟
            0xE2 if bytes.get(i + 1..i + 3) == Some(&[0x80, 0xA6]) => 3, // …
            b'.' => {
                let prev = t[..i].chars().next_back();
                let next = t[i + 1..].chars().next();
                let between_digits = prev.is_some_and(|p| p.is_ascii_digit())
                    && next.is_some_and(|n| n.is_ascii_digit());
                let glued = next.is_some_and(is_word_char);
                // a one-letter word before the stop: an abbreviation
                let one_letter = prev.is_some_and(|p| {
                    is_word_char(p)
                        && !t[..i - p.len_utf8()]
                            .chars()
                            .next_back()
                            .is_some_and(is_word_char)
                });
                if between_digits || glued || one_letter {
                    i += 1;
                    continue;
                }
                1
            }
            _ => {
                i += 1;
                continue;
            }
        };
        let mut end = i + len;
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
