//! Arabic folding for matching, and the map from the folded view back to the
//! original text.
//!
//! Gazetteer aliases and document text go through the same [`fold_char`], so
//! a name matches however it is spelled: hamza forms of alef, alef maqsura,
//! ta marbuta, hamza carriers, diacritics, tatweel, Persian and Kurdish letter
//! forms, Arabic-Indic digits, presentation forms, direction marks and
//! zero-width characters, and any run of white space (a line break included)
//! seen as one space. [`Normalized`] keeps a map from every character of the
//! folded text to the byte span of the original character it came from, so
//! that a match on the folded view is reported at its exact span in the
//! original, and the words of the folded text, which the matcher walks.

use std::borrow::Cow;

use unicode_normalization::char::decompose_compatible;

/// What one original character becomes in the folded view.
#[derive(Debug, Clone, Copy)]
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
        // a hashtag is read as its words: the sign opens it and the
        // underscore joins them (الرئيس دونالد #ترمب، #محمود_عباس)
        0x00..=0x7F => {
            if c.is_ascii_whitespace() || c == '_' || c == '#' {
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
        // the rest of the Arabic block (punctuation such as ، ؛ ؟ among
        // it), and general punctuation (quotes, dashes, direction marks):
        // common in news, and slow to look up
        0x0600..=0x06FF => ARABIC_WORD_CHAR[(c as u32 - 0x0600) as usize],
        0x2000..=0x206F => false,
        _ => c.is_alphanumeric(),
    }
}

/// [`char::is_alphanumeric`] for the code points U+0600..U+06FF.
static ARABIC_WORD_CHAR: std::sync::LazyLock<[bool; 256]> = std::sync::LazyLock::new(|| {
    let mut table = [false; 256];
    for (k, slot) in table.iter_mut().enumerate() {
        *slot = char::from_u32(0x0600 + k as u32).is_some_and(char::is_alphanumeric);
    }
    table
});

/// The forms a folded word may stand for once proclitics are taken off: itself,
/// without و/ف, without a preposition ب/ل/ك, and للـ read as ل + الـ. No
/// allocation unless the last is wanted: this runs for every word of every
/// sentence with a name.
pub fn word_forms(w: &str) -> impl Iterator<Item = Cow<'_, str>> {
    let mut forms: [Option<Cow<'_, str>>; 4] = [Some(Cow::Borrowed(w)), None, None, None];
    let mut rest = w;
    if let Some(r) = rest.strip_prefix(['و', 'ف'])
        && r.chars().nth(1).is_some()
    {
        forms[1] = Some(Cow::Borrowed(r));
        rest = r;
    }
    if let Some(r) = rest.strip_prefix(['ب', 'ل', 'ك'])
        && r.chars().nth(1).is_some()
    {
        forms[2] = Some(Cow::Borrowed(r));
    }
    if rest.starts_with("لل") && rest.chars().nth(3).is_some() {
        forms[3] = Some(Cow::Owned(format!("ا{}", &rest['ل'.len_utf8()..])));
    }
    forms.into_iter().flatten()
}

/// True when `word` is one of the [`word_forms`] of `token`, without
/// building them.
pub fn is_form_of(token: &str, word: &str) -> bool {
    if token == word {
        return true;
    }
    let mut rest = token;
    if let Some(r) = rest.strip_prefix(['و', 'ف'])
        && r.chars().count() >= 2
    {
        if r == word {
            return true;
        }
        rest = r;
    }
    if let Some(r) = rest.strip_prefix(['ب', 'ل', 'ك'])
        && r.chars().count() >= 2
        && r == word
    {
        return true;
    }
    // للـ read as ل + الـ: word is ا + (rest without its first ل)
    rest.starts_with("لل")
        && rest.chars().count() > 3
        && word
            .strip_prefix('ا')
            .is_some_and(|w| w == &rest['ل'.len_utf8()..])
}

/// A document's folded view with its map back to the original.
///
/// The map is sparse: most characters fold to a character of the same
/// length (one Arabic letter for another), so the folded text follows the
/// original byte for byte except where something was dropped, white space
/// collapsed or a character changed length. Only those places are kept, as
/// anchors; a lookup is a binary search over them. Building the view costs
/// one pass and no per-byte tables, which matters at gigabytes.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    /// The folded text.
    pub text: String,
    /// The places where the folded text stops following the original, in
    /// increasing order, the first at 0 and the last at `text.len()`.
    anchors: Vec<Anchor>,
    /// The words of `text` (runs of [`is_word_char`]), in order.
    words: Vec<Word>,
    /// Offsets in `text` of the spaces that stand for a run of white space
    /// with a line break in it, in increasing order.
    line_breaks: Vec<u32>,
}

/// A byte span of the folded text: a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub start: u32,
    pub end: u32,
}

impl Word {
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// From the folded character at `folded` on, folded byte `folded + k` comes
/// from original byte `original + k`, up to the next anchor; the character
/// before `folded` ends, with the marks on it, at `before_end`.
#[derive(Debug, Clone, Copy)]
struct Anchor {
    folded: u32,
    original: u32,
    before_end: u32,
}

/// What the code points U+0600..U+06FF fold to, looked up rather than
/// matched: nearly every character of an Arabic text is one of them.
static ARABIC_BLOCK: std::sync::LazyLock<[Fold; 256]> = std::sync::LazyLock::new(|| {
    let mut table = [Fold::Drop; 256];
    for (k, slot) in table.iter_mut().enumerate() {
        if let Some(c) = char::from_u32(0x0600 + k as u32) {
            *slot = classify(c);
        }
    }
    table
});

/// The code points U+0600..U+06FF that fold to themselves and are word
/// characters: the plain Arabic letters.
static SAME_LETTER: std::sync::LazyLock<[bool; 256]> = std::sync::LazyLock::new(|| {
    let mut table = [false; 256];
    for (k, slot) in table.iter_mut().enumerate() {
        if let Some(c) = char::from_u32(0x0600 + k as u32) {
            *slot = matches!(classify(c), Fold::Char(f) if f == c) && is_word_char(c);
        }
    }
    table
});

/// Builds a [`Normalized`] one original character at a time.
struct Folder {
    n: Normalized,
    /// Where the next original character starts if the folded text still
    /// follows the original byte for byte (`u32::MAX`: it does not).
    expect: u32,
    /// Where the last folded character ends in the original, with its marks.
    last_end: u32,
    in_space: bool,
    word_start: Option<u32>,
}

impl Folder {
    fn push(&mut self, f: char, start: u32, len: u32) {
        let at = self.n.text.len() as u32;
        if start != self.expect {
            self.n.anchors.push(Anchor {
                folded: at,
                original: start,
                before_end: self.last_end,
            });
        }
        self.n.text.push(f);
        let flen = f.len_utf8() as u32;
        self.expect = if flen == len { start + len } else { u32::MAX };
        self.last_end = start + len;
        match (is_word_char(f), self.word_start) {
            (true, None) => self.word_start = Some(at),
            (false, Some(s)) => {
                self.n.words.push(Word { start: s, end: at });
                self.word_start = None;
            }
            _ => {}
        }
    }

    /// A run of Arabic letters that fold to themselves: copied whole.
    fn letters(&mut self, run: &str, start: u32) {
        let at = self.n.text.len() as u32;
        if start != self.expect {
            self.n.anchors.push(Anchor {
                folded: at,
                original: start,
                before_end: self.last_end,
            });
        }
        self.n.text.push_str(run);
        let end = start + run.len() as u32;
        self.expect = end;
        self.last_end = end;
        self.in_space = false;
        if self.word_start.is_none() {
            self.word_start = Some(at);
        }
    }

    fn space(&mut self, c: char, start: u32, len: u32) {
        if !self.in_space {
            self.push(' ', start, len);
            self.in_space = true;
        }
        if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}') {
            let at = (self.n.text.len() - 1) as u32;
            if self.n.line_breaks.last() != Some(&at) {
                self.n.line_breaks.push(at);
            }
        }
    }

    fn char(&mut self, f: char, start: u32, len: u32) {
        self.push(f, start, len);
        self.in_space = false;
    }

    fn fold(&mut self, c: char, fold: Fold, start: u32, len: u32) {
        match fold {
            Fold::Drop => {
                // a mark belongs to the letter it sits on
                if (is_mark(c) || c == '\u{0640}')
                    && self.n.text.as_bytes().last().is_some_and(|&b| b != b' ')
                {
                    self.last_end = start + len;
                }
            }
            Fold::Space => self.space(c, start, len),
            Fold::Char(f) => self.char(f, start, len),
            Fold::Decompose => {
                let mut folded = String::new();
                push_folded(c, &mut folded);
                for f in folded.chars() {
                    if f == ' ' {
                        self.space(f, start, len);
                    } else {
                        self.char(f, start, len);
                    }
                }
            }
        }
    }

    fn finish(mut self) -> Normalized {
        let end = self.n.text.len() as u32;
        if let Some(s) = self.word_start {
            self.n.words.push(Word { start: s, end });
        }
        self.n.anchors.push(Anchor {
            folded: end,
            original: u32::MAX,
            before_end: self.last_end,
        });
        self.n
    }
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
        let mut f = Folder {
            n: Normalized {
                text: String::with_capacity(original.len()),
                anchors: Vec::new(),
                words: Vec::with_capacity(original.len() / 8),
                line_breaks: Vec::new(),
            },
            expect: u32::MAX,
            last_end: 0,
            in_space: false,
            word_start: None,
        };
        let table = &*ARABIC_BLOCK;
        let same = &*SAME_LETTER;
        let bytes = original.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let start = i as u32;
            if b < 0x80 {
                let c = b as char;
                if c.is_ascii_whitespace() || c == '_' || c == '#' {
                    f.space(c, start, 1);
                } else {
                    f.char(c.to_ascii_lowercase(), start, 1);
                }
                i += 1;
            } else if (0xD8..=0xDB).contains(&b) {
                // a two-byte character of the Arabic block; most are letters
                // that fold to themselves, and come in runs: a word
                let code =
                    |k: usize| (u32::from(bytes[k] & 0x1F) << 6) | u32::from(bytes[k + 1] & 0x3F);
                let mut j = i;
                while j + 1 < bytes.len()
                    && (0xD8..=0xDB).contains(&bytes[j])
                    && same[(code(j) - 0x0600) as usize]
                {
                    j += 2;
                }
                if j > i {
                    f.letters(&original[i..j], start);
                    i = j;
                    continue;
                }
                let c = code(i);
                let fold = table[(c - 0x0600) as usize];
                match fold {
                    Fold::Char(out) => f.char(out, start, 2),
                    _ => f.fold(char::from_u32(c).unwrap_or(' '), fold, start, 2),
                }
                i += 2;
            } else {
                let c = original[i..].chars().next().unwrap_or(' ');
                let len = c.len_utf8() as u32;
                f.fold(c, classify(c), start, len);
                i += len as usize;
            }
        }
        f.finish()
    }

    /// Offsets in `text` of the spaces that stand for white space with a
    /// line break in it, in increasing order.
    pub fn line_breaks(&self) -> &[u32] {
        &self.line_breaks
    }

    /// The words of the folded text, in order.
    pub fn words(&self) -> &[Word] {
        &self.words
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
        let find = |at: usize| {
            self.anchors
                .binary_search_by_key(&(at as u32), |a| a.folded)
        };
        let from = match find(start) {
            Ok(k) => self.anchors[k].original as usize,
            Err(k) => {
                let a = self.anchors[k - 1];
                a.original as usize + (start - a.folded as usize)
            }
        };
        let to = match find(end) {
            Ok(k) => self.anchors[k].before_end as usize,
            Err(k) => {
                let a = self.anchors[k - 1];
                a.original as usize + (end - a.folded as usize)
            }
        };
        (from, to)
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
    fn word_chars_are_the_alphanumerics() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
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
    fn a_hashtag_reads_as_its_words() {
        let text = "التقى #محمود_عباس";
        let n = Normalized::new(text);
        assert_eq!(n.text, "التقي محمود عباس");
        let start = n.text.find('م').unwrap();
        let (a, b) = n.original_span(start, n.text.len());
        assert_eq!(&text[a..b], "محمود_عباس");
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
