//! Arabic folding for matching, and the map from the folded view back to the
//! original text.
//!
//! Gazetteer aliases and document text go through the same [`fold_char`], so
//! a name matches however it is spelled: hamza forms of alef, alef maqsura,
//! ta marbuta, hamza carriers, diacritics, tatweel, Persian and Kurdish letter
//! forms, Arabic-Indic digits, presentation forms, direction marks and
//! zero-width characters, and any run of white space (a line break included)
//! seen as one space. [`Normalized`] keeps, for every byte of the folded text,
//! the byte span of the original character it came from, so that a match on
//! the folded view is reported at its exact span in the original.

use std::borrow::Cow;

use unicode_normalization::char::decompose_compatible;

/// What one original character becomes in the folded view.
enum Fold {
    /// Nothing: diacritics, tatweel, invisible marks.
    Drop,
    /// White space: runs collapse into one ASCII space.
    Space,
    /// One character.
    Char(char),
    /// A presentation form or ligature: fold its compatibility decomposition.
    Decompose,
}

/// Combining marks that sit on the letter before them: harakat, tanwin,
/// shadda, sukun, superscript alef, Quranic annotation marks.
fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06DC | 0x06DF..=0x06E8 | 0x06EA..=0x06ED)
}

fn classify(c: char) -> Fold {
    use Fold::*;
    match c as u32 {
        0x41..=0x5A => Char(c.to_ascii_lowercase()),
        0x00..=0x7F => {
            if c.is_ascii_whitespace() {
                Space
            } else {
                Char(c)
            }
        }
        _ if is_mark(c) => Drop,
        // tatweel, soft hyphen, combining grapheme joiner, Arabic letter mark,
        // Mongolian vowel separator, zero-width and direction controls, BOM
        0x0640
        | 0x00AD
        | 0x034F
        | 0x061C
        | 0x180E
        | 0x200B..=0x200F
        | 0x202A..=0x202E
        | 0x2060..=0x2064
        | 0x2066..=0x2069
        | 0xFEFF => Drop,
        // alef with hamza above/below, madda, wasla, wavy hamza forms
        0x0622 | 0x0623 | 0x0625 | 0x0671 | 0x0672 | 0x0673 | 0x0675 => Char('ا'),
        // alef maqsura, yeh with hamza, Persian/Kurdish/Urdu yeh forms
        0x0649 | 0x0626 | 0x06CC | 0x06CD | 0x06CE | 0x06D0 | 0x06D2 | 0x06D3 => Char('ي'),
        // waw with hamza, Kurdish/Uyghur waw forms
        0x0624 | 0x0676 | 0x06C4..=0x06CB | 0x06CF => Char('و'),
        // ta marbuta, heh goal / doachashmee / ae forms
        0x0629 | 0x06BE | 0x06C0..=0x06C3 | 0x06D5 => Char('ه'),
        // keheh, swash kaf, gaf and its variants
        0x06A9..=0x06B4 => Char('ك'),
        0x067E => Char('ب'),          // peh
        0x0686 | 0x0687 => Char('ج'), // tcheh
        0x0698 => Char('ز'),          // jeh
        0x06A4 | 0x06A5 => Char('ف'), // veh
        0x06A7 | 0x06A8 => Char('ق'), // maghrebi qaf forms
        0x0695 => Char('ر'),          // Kurdish reh with small v
        0x06B5..=0x06B8 => Char('ل'), // Kurdish lam forms
        0x0660..=0x0669 => Char(char::from(b'0' + (c as u32 - 0x0660) as u8)),
        0x06F0..=0x06F9 => Char(char::from(b'0' + (c as u32 - 0x06F0) as u8)),
        0xFB50..=0xFDFF | 0xFE70..=0xFEFE => Decompose,
        _ if c.is_whitespace() => Space,
        _ => Char(c),
    }
}

/// Appends the folded form of `c` to `out` (no space collapsing, no map).
/// Used through [`fold`] for aliases and cue words.
fn push_folded(c: char, out: &mut String) {
    match classify(c) {
        Fold::Drop => {}
        Fold::Space => out.push(' '),
        Fold::Char(f) => out.push(f),
        Fold::Decompose => decompose_compatible(c, |d| match classify(d) {
            Fold::Char(f) => out.push(f),
            Fold::Space => out.push(' '),
            // a decomposition never yields another presentation form
            Fold::Drop | Fold::Decompose => {}
        }),
    }
}

/// The folded form of a short string (an alias, a cue word): white space
/// collapsed to single spaces and trimmed.
pub fn fold(s: &str) -> String {
    let mut raw = String::with_capacity(s.len());
    for c in s.chars() {
        push_folded(c, &mut raw);
    }
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True for the characters of a word in the folded view: letters and digits.
#[inline]
pub fn is_word_char(c: char) -> bool {
    match c as u32 {
        0x00..=0x7F => c.is_ascii_alphanumeric(),
        // the Arabic letters that survive folding: the common case, kept off
        // the slow Unicode table lookup
        0x0621..=0x063A | 0x0641..=0x064A => true,
        _ => c.is_alphanumeric(),
    }
}

/// The forms a folded word may stand for once proclitics are taken off: itself,
/// without و/ف, without a preposition ب/ل/ك, and للـ read as ل + الـ.
pub fn word_forms(w: &str) -> Vec<Cow<'_, str>> {
    let mut out = vec![Cow::Borrowed(w)];
    let mut rest = w;
    if let Some(r) = rest.strip_prefix(['و', 'ف']) {
        if r.chars().count() >= 2 {
            out.push(Cow::Borrowed(r));
            rest = r;
        }
    }
    if let Some(r) = rest.strip_prefix(['ب', 'ل', 'ك']) {
        if r.chars().count() >= 2 {
            out.push(Cow::Borrowed(r));
        }
    }
    if rest.starts_with("لل") && rest.chars().count() > 3 {
        out.push(Cow::Owned(format!("ا{}", &rest['ل'.len_utf8()..])));
    }
    out
}

/// True when `word` is one of the [`word_forms`] of `token`, without
/// building them.
pub fn is_form_of(token: &str, word: &str) -> bool {
    if token == word {
        return true;
    }
    let mut rest = token;
    if let Some(r) = rest.strip_prefix(['و', 'ف']) {
        if r.chars().count() >= 2 {
            if r == word {
                return true;
            }
            rest = r;
        }
    }
    if let Some(r) = rest.strip_prefix(['ب', 'ل', 'ك']) {
        if r.chars().count() >= 2 && r == word {
            return true;
        }
    }
    // للـ read as ل + الـ: word is ا + (rest without its first ل)
    rest.starts_with("لل")
        && rest.chars().count() > 3
        && word
            .strip_prefix('ا')
            .is_some_and(|w| w == &rest['ل'.len_utf8()..])
}

/// A document's folded view with its map back to the original.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    /// The folded text.
    pub text: String,
    /// For each byte of `text`: the byte offset, in the original, where the
    /// character it came from starts.
    src_start: Vec<u32>,
    /// For each byte of `text`: the byte offset, in the original, where the
    /// character it came from ends, marks that sit on it included.
    src_end: Vec<u32>,
    /// Offsets in `text` of the spaces that stand for a run of white space
    /// with a line break in it, in increasing order.
    line_breaks: Vec<u32>,
}

impl Normalized {
    /// Folds `original`, keeping the map back.
    ///
    /// ```
    /// let n = rasid::normalize::Normalized::new("والعِراقُ  اليوم");
    /// assert_eq!(n.text, "والعراق اليوم");
    /// let (s, e) = n.original_span(2, n.text.find(' ').unwrap());
    /// assert_eq!(&"والعِراقُ  اليوم"[s..e], "العِراقُ");
    /// ```
    pub fn new(original: &str) -> Normalized {
        assert!(original.len() < u32::MAX as usize, "document over 4 GiB");
        let mut n = Normalized {
            text: String::with_capacity(original.len()),
            src_start: Vec::with_capacity(original.len()),
            src_end: Vec::with_capacity(original.len()),
            line_breaks: Vec::new(),
        };
        let mut in_space = false;
        for (at, c) in original.char_indices() {
            let start = at as u32;
            let end = (at + c.len_utf8()) as u32;
            match classify(c) {
                Fold::Drop => {
                    // a mark belongs to the letter it sits on
                    if is_mark(c) || c == '\u{0640}' {
                        if let Some(last) = n.text.chars().next_back() {
                            if !last.is_whitespace() {
                                let from = n.text.len() - last.len_utf8();
                                for e in &mut n.src_end[from..] {
                                    *e = end;
                                }
                            }
                        }
                    }
                }
                Fold::Space => {
                    if !in_space {
                        n.push(' ', start, end);
                        in_space = true;
                    }
                    if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}') {
                        let at = (n.text.len() - 1) as u32;
                        if n.line_breaks.last() != Some(&at) {
                            n.line_breaks.push(at);
                        }
                    }
                }
                Fold::Char(f) => {
                    n.push(f, start, end);
                    in_space = false;
                }
                Fold::Decompose => {
                    let mut folded = String::new();
                    push_folded(c, &mut folded);
                    for f in folded.chars() {
                        if f == ' ' {
                            if !in_space {
                                n.push(' ', start, end);
                                in_space = true;
                            }
                        } else {
                            n.push(f, start, end);
                            in_space = false;
                        }
                    }
                }
            }
        }
        n
    }

    fn push(&mut self, c: char, start: u32, end: u32) {
        self.text.push(c);
        for _ in 0..c.len_utf8() {
            self.src_start.push(start);
            self.src_end.push(end);
        }
    }

    /// True when `at` (an offset in `text`) starts a line: nothing but white
    /// space stands between it and the start of the text or a line break.
    pub fn starts_line(&self, at: usize) -> bool {
        match self.text[..at].char_indices().next_back() {
            None => true,
            Some((i, ' ')) => i == 0 || self.line_breaks.binary_search(&(i as u32)).is_ok(),
            Some(_) => false,
        }
    }

    /// The byte span in the original of the folded byte span `start..end`
    /// (`start < end`, both on character boundaries of `text`).
    pub fn original_span(&self, start: usize, end: usize) -> (usize, usize) {
        debug_assert!(start < end && end <= self.text.len());
        (
            self.src_start[start] as usize,
            self.src_end[end - 1] as usize,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_every_spelling_family() {
        let cases = [
            ("أإآٱا", "ااااا"),
            ("مصطفى", "مصطفي"),
            ("الحكومة العراقية", "الحكومه العراقيه"),
            ("مسؤول مسئول", "مسوول مسيول"),
            ("العِرَاقُ", "العراق"),
            ("مُحَمَّدٌ", "محمد"),
            ("بغـــداد", "بغداد"),
            ("کرمانشاه", "كرمانشاه"),
            ("ایران", "ايران"),
            ("گروسی", "كروسي"),
            ("پژوهش", "بزوهش"),
            ("چابهار", "جابهار"),
            ("مدرسۀ", "مدرسه"),
            ("٢٠٢١ و۱۴۰۰", "2021 و1400"),
            ("ﻻ", "لا"),
            ("ﷲ", "الله"),
            ("ﺑﻐﺪﺍﺩ", "بغداد"),
            ("بغ\u{200C}داد\u{200F}", "بغداد"),
            ("New  York\n\tTimes", "new york times"),
            ("\u{FEFF}العراق", "العراق"),
            ("الرحمٰن", "الرحمن"),
        ];
        for (input, want) in cases {
            assert_eq!(fold(input), want, "fold({input:?})");
            assert_eq!(
                Normalized::new(input).text.trim(),
                want,
                "Normalized::new({input:?})"
            );
        }
    }

    #[test]
    fn a_span_covers_the_marks_on_its_last_letter() {
        let text = "زار العِراقَ اليوم";
        let n = Normalized::new(text);
        let s = n.text.find("العراق").unwrap();
        let (a, b) = n.original_span(s, s + "العراق".len());
        assert_eq!(&text[a..b], "العِراقَ");
    }

    #[test]
    fn white_space_runs_become_one_space() {
        let text = "قاعدة   عين\r\nالأسد";
        let n = Normalized::new(text);
        assert_eq!(n.text, "قاعده عين الاسد");
        let (a, b) = n.original_span(0, n.text.len());
        assert_eq!(&text[a..b], text);
    }

    #[test]
    fn line_starts_survive_space_collapsing() {
        let n = Normalized::new("بغداد اليوم - تقرير\n  زاكروس عربية – أربيل");
        assert!(n.starts_line(0));
        assert!(!n.starts_line(n.text.find("اليوم").unwrap()));
        assert!(n.starts_line(n.text.find("زاكروس").unwrap()));
    }

    #[test]
    fn a_ligature_maps_back_whole() {
        let text = "ﻻ شيء";
        let n = Normalized::new(text);
        assert_eq!(n.text, "لا شيء");
        let (a, b) = n.original_span(2, 4); // the ا of the ligature
        assert_eq!(&text[a..b], "ﻻ");
    }
}
