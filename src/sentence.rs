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

/// The sentences of a folded document, as byte ranges of `norm.text`,
/// trimmed of spaces, none empty, in order.
pub fn split(norm: &Normalized) -> Vec<Range<usize>> {
    let t = norm.text.as_str();
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
    let chars: Vec<(usize, char)> = t.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let next = chars.get(i + 1).map(|&(_, n)| n);
        let prev = i.checked_sub(1).map(|k| chars[k].1);
        let ends = match c {
            ' ' => {
                if norm.starts_line(at + 1) && at + 1 < t.len() {
                    push(start, at, &mut out);
                    start = at + 1;
                }
                false
            }
            '!' | '؟' | '?' | '…' => true,
            '.' => {
                let between_digits = prev.is_some_and(|p| p.is_ascii_digit())
                    && next.is_some_and(|n| n.is_ascii_digit());
                let glued = next.is_some_and(is_word_char);
                // a one-letter word before the stop: an abbreviation
                let one_letter =
                    prev.is_some_and(is_word_char) && (i < 2 || !is_word_char(chars[i - 2].1));
                !(between_digits || glued || one_letter)
            }
            _ => false,
        };
        if ends {
            let mut j = i + 1;
            while j < chars.len()
                && (matches!(chars[j].1, '.' | '!' | '؟' | '?' | '…') || is_closing(chars[j].1))
            {
                j += 1;
            }
            let end = chars.get(j).map(|&(b, _)| b).unwrap_or(t.len());
            push(start, end, &mut out);
            start = end;
            i = j;
            continue;
        }
        i += 1;
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
