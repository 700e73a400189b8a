//! Names the gazetteers lack, found by their context: a person after a
//! title or rank (الرئيس الأميركي X، اللواء X Y، وزير الدفاع X، الشيخ X), an
//! organization after a head word and its name (حركة، جماعة، كتائب، حزب،
//! وزارة، شركة...), a base after قاعدة، معسكر، مطار, a place after مدينة،
//! محافظة...
//! A discovered name gets a stable id made from its folded form
//! (`disc.per.<name>`), is flagged as discovered, and is found again where
//! it recurs in the same document (a person also by the last word of the
//! name).

use std::collections::HashMap;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::gazetteer::{Defences, Entity, EntityType, Gazetteer};
use crate::matcher::Mention;
use crate::normalize::{Normalized, fold, is_word_char, word_forms};
use crate::offsets::CodePoints;

mod clubs;

/// Discovery's word lists.
#[derive(Debug, Clone, Default)]
pub struct Discoverer {
    defences: Defences,
    /// Person titles by first word: the words after it.
    titles: FxHashMap<String, Vec<Vec<String>>>,
    /// Nationality adjectives, folded.
    nationalities: FxHashSet<String>,
    /// Adjectives of groups (الحوثي), folded: after a title as a
    /// nationality is.
    group_adjectives: FxHashSet<String>,
    /// Given names: the first words of the people the gazetteers list, and
    /// the one-word person names of imported lists.
    given_names: FxHashSet<String>,
    /// Given names of other languages than Arabic
    /// (`gazetteers/foreign-given-names.txt`), folded: words that are
    /// nothing but names, so that one opens a person's name wherever a name
    /// word follows it («مايكل أوهانلون»، «سيرغي برين ولاري بيج»). (An Arabic
    /// one does not: جمال، كريم، علي are words too.)
    foreign_given: FxHashSet<String>,
    /// Head words of organizations, bases and places.
    heads: [FxHashSet<String>; 3],
    /// Which names to look for.
    scope: Scope,
    /// How the first words of titles end: a word that ends otherwise opens
    /// no title, with or without proclitics.
    title_ends: Ends,
    /// The same for the verbs of saying and the bodies of a state (see
    /// [`SPEAKER_VERBS`], [`STATE_BODIES`]).
    opener_ends: Ends,
}

/// How the words of a set end, as a table of `1 << 16` bits: a test that
/// passes over most words before any hash lookup. A word is kept by its
/// last six bytes (three Arabic letters), or when shorter its last four,
/// or its last two; the forms of a word without proclitics end as it does,
/// so a word is tested at each of the three lengths.
#[derive(Debug, Clone, Default)]
struct Ends(Vec<u64>);

impl Ends {
    /// The bit of the last `k` bytes of `b` (six, four or two).
    #[inline]
    fn bit(b: &[u8], k: usize) -> usize {
        let h = b[b.len() - k..]
            .iter()
            .fold(0u64, |h, &x| h << 8 | u64::from(x))
            .wrapping_mul(0x9E37_79B9_7F4A_7C15);
        match k {
            6 => (h >> 49) as usize,
            4 => (h >> 50) as usize | 1 << 15,
            _ => (h >> 50) as usize | 3 << 14,
        }
    }

    fn new<'a>(words: impl IntoIterator<Item = &'a String>) -> Ends {
        let mut bits = vec![0u64; (1 << 16) / 64];
        for w in words {
            let b = w.as_bytes();
            match [6, 4, 2].into_iter().find(|&k| b.len() >= k) {
                Some(k) => {
                    let e = Ends::bit(b, k);
                    bits[e / 64] |= 1 << (e % 64);
                }
                // a one-byte word: no word can be passed over
                None => bits.fill(u64::MAX),
            }
        }
        Ends(bits)
    }

    /// False when `w`, or a form of it without proclitics, is surely not in
    /// the set.
    #[inline]
    fn may_hold(&self, w: &str) -> bool {
        let b = w.as_bytes();
        let on = |k: usize| {
            let e = Ends::bit(b, k);
            self.0[e / 64] & (1 << (e % 64)) != 0
        };
        b.len() < 2 || (b.len() >= 6 && on(6)) || (b.len() >= 4 && on(4)) || on(2)
    }
}

/// Which names discovery looks for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Scope {
    /// People after titles, ranks and nationalities, and the people listed
    /// with them: the surest kind (nine in ten right on ANERcorp news);
    /// and news outlets named in quotes after their kind («صحيفة "تايمز"»).
    People,
    /// Also organizations, bases and places after their head words (حركة،
    /// قاعدة، مدينة + name), and listed places that read as sports clubs.
    #[default]
    All,
}

/// Adjectives that may stand between a title and the name: «رئيس الوزراء
/// المخلوع تاكسين شيناواترا»، «المدافع الدولي العاجي كولو توريه».
const TITLE_MODIFIERS: [&str; 17] = [
    "السابق",
    "الميداني",
    "البارز",
    "الاسبق",
    "الحالي",
    "الجديد",
    "المخلوع",
    "المستقيل",
    "الشهير",
    "الدولي",
    "الشاب",
    "المخضرم",
    "المعروف",
    "المقبل",
    "المنتخب",
    "المكلف",
    "الرسمي",
];

/// The field of a title, which may stand after it, behind و when there are
/// two: «الخبير العسكري والاستراتيجي اليمني»، «الكاتب والباحث السياسي».
const FIELDS: [&str; 9] = [
    "السياسي",
    "العسكري",
    "الامني",
    "الاستراتيجي",
    "الاقتصادي",
    "الاعلامي",
    "القانوني",
    "الدستوري",
    "الاكاديمي",
];

/// A word that may stand between a title and the name without being either.
fn is_title_modifier(s: &str) -> bool {
    TITLE_MODIFIERS.contains(&s) || FIELDS.contains(&s.strip_prefix('و').unwrap_or(s))
}

/// A comma, and nothing else, between words `a` and `b` = `a + 1`: a name
/// set off after its title («المحلل السياسي البحريني، عبد الله الجنيد،»).
fn comma_between(t: &str, words: &[Word], a: usize) -> bool {
    match (words.get(a), words.get(a + 1)) {
        (Some(x), Some(y)) => matches!(t[x.end..y.start].trim(), "،" | ","),
        _ => false,
    }
}

/// A name set off by commas ends at punctuation: the word after it is not
/// joined to it.
fn ends_apposition(words: &[Word], k: usize) -> bool {
    !words.get(k).is_some_and(|w| w.joined)
}

/// A letter (of any script): Arabic letters without the slow lookup.
fn is_letter(c: char) -> bool {
    matches!(c as u32, 0x0621..=0x063A | 0x0641..=0x064A) || c.is_alphabetic()
}

/// A word of five letters shaped as a verbal noun of the تفعيل form
/// (تغيير، تحديد، and with ب or ل: بتشكيل، لتعزيز) or as a verb of the
/// افتعل form in the present (تعتزم، تعتبر، ترتدي): what follows a title
/// as often as a name does («الرئيس التونسي تغيير»، «النائبة الروسية
/// تعتزم»). Given names of the shape (تحسين) are told apart by the caller.
fn is_verbal_noun_or_verb(s: &str) -> bool {
    let mut letters = ['\0'; 6];
    let mut n = 0;
    for c in s.chars() {
        if n == letters.len() {
            return false;
        }
        letters[n] = c;
        n += 1;
    }
    let vowel = |c: char| matches!(c, 'ا' | 'و' | 'ي');
    if n == 5 && letters[0] == 'ت' && letters[2] == 'ت' && !vowel(letters[1]) {
        return true;
    }
    let w = match n {
        6 if matches!(letters[0], 'ب' | 'ل') => &letters[1..6],
        5 => &letters[..5],
        _ => return false,
    };
    w[0] == 'ت' && w[3] == 'ي' && !vowel(w[1])
}

/// Head words of bodies named after a place and an adjective: «مجلس منبج
/// العسكري»، «مركز إدلب الإعلامي»، «نادي الكويت الرياضي». Folded.
const PLACE_BODY_HEADS: [&str; 17] = [
    "مجلس",
    "مركز",
    "مستشفي",
    "جامعه",
    "اذاعه",
    "غرفه",
    "تجمع",
    "مكتب",
    "تلفزيون",
    "مجمع",
    "شرطه",
    "جمعيه",
    "هيئه",
    "منظمه",
    "موسسه",
    "نادي",
    "فريق",
];

/// Of those, the ones that name a body with the place alone: «جامعة بغداد»،
/// «إذاعة موسكو»، «شرطة دبي»، «مستشفى البصرة».
const PLACE_BODY_HEADS_BARE: [&str; 4] = ["جامعه", "اذاعه", "شرطه", "مستشفي"];

/// A verbal noun of the افتعال or انفعال form, folded: احتيال، انسحاب.
fn is_iftial(s: &str) -> bool {
    let letters: Vec<char> = s.chars().collect();
    letters.len() == 6
        && letters[0] == 'ا'
        && letters[4] == 'ا'
        && (letters[2] == 'ت' || letters[1] == 'ن')
}

/// The name علي, told from the preposition على (both fold to علي) by its
/// last letter as written: a common word otherwise, so never a name word.
fn is_ali(folded: &str, original: &str) -> bool {
    folded == "علي" && original.ends_with('\u{064A}')
}

/// First halves of compound names: the word after one is part of the name.
const HALVES: [&str; 6] = ["عبد", "ابو", "ابن", "بن", "بنت", "ام"];

/// Words behind the preposition ب that start what follows a name, not a
/// surname: «أحلام بسبب»، «تيري براينت بتهمة»، «بحسب»، «بموجب». Folded.
const BEHIND_BA: [&str; 12] = [
    "بسبب",
    "بتهمه",
    "بحسب",
    "بموجب",
    "بفضل",
    "بشان",
    "بدعوى",
    "بحجه",
    "برفقه",
    "بصحبه",
    "بجانب",
    "بدلا",
];

/// True for «آل» of a family name (آل ثاني، آل الشيخ), which is the first
/// half of a compound: it folds as the article does, and only the madda as
/// written tells it from «الـ 11».
fn is_family(folded: &str, original: &str) -> bool {
    folded == "ال" && original.starts_with('آ')
}

/// The kinds of news outlet whose name follows in quotes, folded: «صحيفة
/// "تايمز"»، «لوكالة "باس نيوز"»، «للشبكة الإخبارية "أل سي آي"».
const MEDIA_HEADS: [&str; 8] = [
    "صحيفه",
    "جريده",
    "وكاله",
    "قناه",
    "موقع",
    "شبكه",
    "مجله",
    "اذاعه",
];

/// The kinds of news outlet whose name may also follow unquoted, vouched
/// for by the outlet's nationality: «صحيفة لوباريزيان الفرنسية».
const PAPER_HEADS: [&str; 4] = ["صحيفه", "جريده", "مجله", "وكاله"];

/// Kinds of organization whose name may follow in quotes, folded: «شركة
/// "دانمار" اللوجيستية»، «مجموعة "سيريان أركايف" الحقوقية»، «حزب "النور"».
/// A quoted adjective is no name there («منظمة "إرهابية"»). (Also an
/// institute, a union, a front, a council, a bank: «معهد "الوقاية
/// المتكاملة"»، «جبهة "النصرة"».)
const QUOTED_ORG_HEADS: [&str; 17] = [
    "شركه",
    "مجموعه",
    "منظمه",
    "جمعيه",
    "مؤسسه",
    "موسسه",
    "حزب",
    "حركه",
    "ائتلاف",
    "مركز",
    "معهد",
    "اتحاد",
    "نقابه",
    "جبهه",
    "مجلس",
    "بنك",
    "هيئه",
];

/// Titles that only say what a person is (a child, a student, a hostage):
/// as often followed by what happened to them as by a name («الطفلة اعتدى
/// عليها»), so that only a known given name opens a name after them.
/// Folded.
const GENERIC_PERSONS: [&str; 18] = [
    "الطفل",
    "الطفله",
    "المراهق",
    "المراهقه",
    "الشاب",
    "الشابه",
    "الطالب",
    "الطالبه",
    "الرهينه",
    "الاسير",
    "الاسيره",
    "المختطف",
    "المختطفه",
    "الشاكي",
    "الشاكيه",
    "المواطن",
    "المصور",
    "المصوره",
];

/// The particles inside Western names, folded: «روبرت دي نيرو»، «فيرجيل فان
/// ديك»، «لويس دا سيلفا»، «أورسولا فون دير لاين».
const NAME_PARTICLES: [&str; 8] = ["دي", "دا", "دو", "فان", "فون", "ديل", "لو", "لا"];

/// Words after which people are listed: «قتل ثلاثة بينهم محمد يحيى
/// القاسمي»، «مقتل العقيدين يحيى علي حادر». A known given name must open
/// the name after them.
const LIST_OPENERS: [&str; 10] = [
    "بينهم",
    "بينها",
    "بينهما",
    "منهم",
    "منهما",
    "ابرزهم",
    "ابرزها",
    "العقيدين",
    "العميدين",
    "اللواءين",
];

/// Words before «أبو X» that make it no person's kunya but the name of a
/// thing, a work or a place: «سمك أبو سيف»، «مسلسل "أبو عمر المصري"»، «برج
/// أبو حيدر»، «سجن أبو سليم». Folded.
const NOT_KUNYA_AFTER: [&str; 16] = [
    "سمك",
    "مسلسل",
    "فيلم",
    "برنامج",
    "فرقه",
    "سجن",
    "شارع",
    "برج",
    "عزبه",
    "محله",
    "جزيره",
    "ساحه",
    "جامع",
    "مسجد",
    "قضيه",
    "حي",
];

/// A relative with a pronoun, folded and behind any proclitic: «وزوجته»،
/// «ابنتها»، «شقيقه» (the `kin` titles of `titles.tsv`).
fn is_kin(word: &str) -> bool {
    // (the ة of a feminine noun is ت before the pronoun: زوجته، ابنته)
    const KIN: [&str; 11] = [
        "زوج",
        "زوجت",
        "قرين",
        "قرينت",
        "ابن",
        "ابنت",
        "نجل",
        "شقيق",
        "شقيقت",
        "والد",
        "والدت",
    ];
    let bare = word.strip_prefix('و').unwrap_or(word);
    let stem = bare.strip_suffix("ها").or_else(|| bare.strip_suffix('ه'));
    stem.is_some_and(|s| KIN.contains(&s))
}

/// Words that say a name follows: «الفتاة الإيزيدية واسمها أشواق»، «رجل
/// يدعى أبو همام»، «المكنى "أبو إبراهيم"». The name may be one word, and
/// need not be a known one.
/// (Not «اسمه» alone: «ارتبط اسمه بالانتقال».)
const NAME_CUES: [&str; 8] = [
    "واسمه",
    "واسمها",
    "يدعي",
    "تدعي",
    "المدعو",
    "المدعوه",
    "المكني",
    "المكناه",
];

/// The cues of [`NAME_CUES`] before a person's kunya, which may stand in
/// quotes (after «تدعى» a quoted name is as often a thing: «مادة تدعى
/// "نوفتشوك"»).
const KUNYA_CUES: [&str; 2] = ["المكني", "المكناه"];

/// Verbs of saying (and «عن», "quoting"), folded, before a person named
/// with his title after him: «وقالت إنجي صدقي المتحدثة باسم»، «نقلت عن
/// فلاديمير إيرماكوف، المسؤول بوزارة الخارجية».
const SPEAKER_VERBS: [&str; 41] = [
    "قال",
    "قالت",
    "اضاف",
    "اضافت",
    "اكد",
    "اكدت",
    "ذكر",
    "ذكرت",
    "اوضح",
    "اوضحت",
    "اعلن",
    "اعلنت",
    "صرح",
    "صرحت",
    "افاد",
    "افادت",
    "اشار",
    "اشارت",
    "كشف",
    "كشفت",
    "تساءل",
    "تساءلت",
    "عن",
    "غرد",
    "غردت",
    "تابع",
    "تابعت",
    "اردف",
    "اردفت",
    "شدد",
    "شددت",
    "لفت",
    "لفتت",
    "نوه",
    "نوهت",
    "اعرب",
    "اعربت",
    "حذر",
    "حذرت",
    "اعتبر",
    "اعتبرت",
];

/// Bodies of a state that news names by the state's adjective, folded:
/// «السفارة السعودية»، «المنتخب التونسي»، «الشرطة البريطانية»; and the
/// kinds of body written before a definite word and the adjective: «وزارة
/// العمل السعودية»، «وكالة الأنباء السعودية»، «جهاز المخابرات التركي».
/// (a government named so is an optional mention in the seeds, and none in
/// ANERcorp; it is found for what it takes part in: «المتحدث باسم الحكومة
/// المغربية مصطفى الخلفي»)
const STATE_BODIES: [&str; 18] = [
    "السفاره",
    "القنصليه",
    "المنتخب",
    "الحكومه",
    "الخارجيه",
    "الداخليه",
    "الجيش",
    "القوات",
    "البحريه",
    "الشرطه",
    "المخابرات",
    "الاستخبارات",
    "البرلمان",
    "التلفزيون",
    "الاذاعه",
    "الرياسه",
    "السفارات",
    "الطيران",
];
const STATE_BODY_KINDS: [&str; 9] = [
    "وزاره",
    "وكاله",
    "هييه",
    "جهاز",
    "مجلس",
    "سفاره",
    "قنصليه",
    "رياسه",
    "قوات",
];
/// Words that may stand between a body and the adjective: «التلفزيون
/// الرسمي السوري».
const STATE_BODY_MODIFIERS: [&str; 12] = [
    "الرسمي",
    "الرسميه",
    "الحكومي",
    "الحكوميه",
    "الوطني",
    "الوطنيه",
    "البحريه",
    "الجويه",
    "البريه",
    "الخاصه",
    "المسلحه",
    "العسكريه",
];

/// The quote marks that open and close a name.
const OPENING_QUOTES: [&str; 3] = ["\"", "«", "“"];
const CLOSING_QUOTES: [char; 3] = ['"', '»', '”'];

const HEAD_KINDS: [EntityType; 3] = [EntityType::Org, EntityType::Base, EntityType::Loc];

#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    /// Inside a mention already.
    taken: bool,
    /// That mention, by its index in the document's mentions.
    mention: Option<usize>,
    /// Only a space since the previous word.
    joined: bool,
}

/// A word of the folded view as the original writes it, marks and all.
fn as_written<'a>(text: &'a str, norm: &Normalized, w: &Word) -> &'a str {
    let (a, b) = norm.original_span(w.start, w.end);
    &text[a..b]
}

/// Where names start and end, how sure: a name found, before it is a mention.
struct Found {
    kind: EntityType,
    /// Folded byte span of the name.
    start: usize,
    end: usize,
}

impl Found {
    /// The name made of words `j..k`.
    fn of_words(kind: EntityType, words: &[Word], j: usize, k: usize) -> Found {
        Found {
            kind,
            start: words[j].start,
            end: words[k - 1].end,
        }
    }
}

impl Discoverer {
    /// Discovery with the bundled word lists and the given names of `gazetteer`.
    pub fn new(gazetteer: &Gazetteer) -> Discoverer {
        let mut d = Discoverer::bundled(gazetteer.defences());
        for a in gazetteer.aliases() {
            let e = &gazetteer.entities()[a.entity];
            if e.kind != EntityType::Person {
                continue;
            }
            let folded = fold(&a.text);
            match folded.split_once(' ') {
                Some((first, _)) => {
                    d.given_names.insert(first.to_string());
                }
                None if e.imported => {
                    d.given_names.insert(folded);
                }
                None => {}
            }
        }
        for name in include_str!("../../gazetteers/given-names.txt").lines() {
            let name = name.trim();
            if !name.is_empty() && !name.starts_with('#') {
                d.given_names.insert(fold(name));
            }
        }
        for name in include_str!("../../gazetteers/foreign-given-names.txt").lines() {
            let name = name.trim();
            if !name.is_empty() && !name.starts_with('#') {
                d.foreign_given.insert(fold(name));
            }
        }
        // (a common word or a nationality is no name on its own)
        let nationalities = d.nationalities.clone();
        d.foreign_given
            .retain(|w| !d.defences.is_common(w) && !nationalities.contains(w));
        d.given_names.extend(d.foreign_given.iter().cloned());
        for w in d.defences_words() {
            d.given_names.remove(&w);
            d.foreign_given.remove(&w);
        }
        d
    }

    /// Words that are never given names: titles.
    /// The same lists, looking only for the names of `scope`.
    pub fn with_scope(mut self, scope: Scope) -> Discoverer {
        self.scope = scope;
        self
    }

    fn defences_words(&self) -> Vec<String> {
        self.titles.keys().cloned().collect()
    }

    fn bundled(defences: &Defences) -> Discoverer {
        let mut d = Discoverer {
            defences: if defences.on {
                defences.clone()
            } else {
                Defences::bundled()
            },
            ..Discoverer::default()
        };
        for (k, kind) in HEAD_KINDS.iter().enumerate() {
            d.heads[k] = d.defences.type_cues(*kind).iter().cloned().collect();
        }
        for t in d.defences.type_cues(EntityType::Person) {
            let words: Vec<String> = t.split(' ').map(str::to_string).collect();
            d.titles
                .entry(words[0].clone())
                .or_default()
                .push(words[1..].to_vec());
        }
        d.nationalities = crate::gazetteer::bundled::nationality_words();
        d.group_adjectives = crate::gazetteer::bundled::group_adjective_words();
        d.title_ends = Ends::new(d.titles.keys());
        let openers: Vec<String> = SPEAKER_VERBS
            .iter()
            .chain(&STATE_BODIES)
            .chain(&STATE_BODY_KINDS)
            .map(|w| w.to_string())
            .collect();
        d.opener_ends = Ends::new(&openers);
        d
    }

    fn words(norm: &Normalized, mentions: &[Mention]) -> Vec<Word> {
        let t = norm.text.as_bytes();
        let mut out = Vec::with_capacity(norm.words().len());
        let mut prev_end = 0;
        let mut m = 0; // mentions are in order: the first that may overlap
        for w in norm.words() {
            let (start, end) = (w.start as usize, w.end as usize);
            while m < mentions.len() && mentions[m].folded_end <= start {
                m += 1;
            }
            let taken = mentions.get(m).is_some_and(|x| x.folded_start < end);
            // (a hyphen joins the parts of a transliterated name: «بيار-انتوني
            // هيلدبران»، «تشوي سون-هوي»)
            let joined =
                !out.is_empty() && start == prev_end + 1 && matches!(t[prev_end], b' ' | b'-');
            out.push(Word {
                start,
                end,
                taken,
                mention: taken.then_some(m),
                joined,
            });
            prev_end = end;
        }
        out
    }

    /// The longest title that starts at word `i`: the index after it.
    fn title_at(&self, t: &str, words: &[Word], i: usize) -> Option<usize> {
        let w = &words[i];
        if w.taken {
            return None;
        }
        if !self.title_ends.may_hold(&t[w.start..w.end]) {
            return None;
        }
        // a title of more than one word may have adjectives after its first:
        // «القيادي السابق في»، «المتحدث الرسمي باسم»، «القيادي الليبي في»
        let between = words[i + 1..]
            .iter()
            .take(2)
            .take_while(|x| {
                let s = &t[x.start..x.end];
                x.joined
                    && !x.taken
                    && (self.nationalities.contains(s) || TITLE_MODIFIERS.contains(&s))
            })
            .count();
        let mut best = None;
        for form in word_forms(&t[w.start..w.end]) {
            for rest in self.titles.get(form.as_ref()).into_iter().flatten() {
                let skips = if rest.is_empty() { 0 } else { between };
                for skip in 0..=skips {
                    let from = i + 1 + skip;
                    let fits = rest.iter().enumerate().all(|(k, r)| {
                        words
                            .get(from + k)
                            .is_some_and(|x| x.joined && !x.taken && &t[x.start..x.end] == r)
                    });
                    if fits {
                        best = best.max(Some(from + rest.len()));
                    }
                }
            }
        }
        // a minister of two portfolios: «وزير المالية والتخطيط»
        let minister = word_forms(&t[w.start..w.end]).any(|f| f == "وزير" || f == "وزيره");
        if let Some(end) = best
            && minister
            && end > i + 1
            && words.get(end).is_some_and(|x| {
                let s = &t[x.start..x.end];
                x.joined && !x.taken && s.starts_with("وال") && s.chars().nth(4).is_some()
            })
        {
            best = Some(end + 1);
        }
        best
    }

    /// After a title that ends at word `j`: a name already found (the body
    /// the title is of: an organization or a place), behind one of the
    /// words that tie a title to it (باسم، عن، في، لدى) or none, up to one
    /// more such tie and name, nationality adjectives and ranks, then a
    /// person: a known given name and one or two name words after it.
    /// Returns the span of the person in words.
    fn after_body(
        &self,
        t: &str,
        words: &[Word],
        j: usize,
        written: (&str, &Normalized),
        is_body: impl Fn(usize) -> bool,
    ) -> Option<(usize, usize)> {
        const TIES: [&str; 5] = ["باسم", "عن", "في", "لدي", "لدى"];
        // the office of a body the title is of: «مدير إعلام الحشد الشعبي»،
        // «مدير مكتب رئيس الوزراء»
        const OFFICES: [&str; 6] = ["اعلام", "مكتب", "دايره", "قسم", "شعبه", "امانه"];
        // the kind of a body or a place written before its name: «باسم حزب
        // الاتحاد الوطني الكردستاني»، «عمدة مدينة لوزان، غريغوري جونو»
        const KINDS: [&str; 13] = [
            "حزب",
            "حركه",
            "تحالف",
            "ايتلاف",
            "كتله",
            "قايمه",
            "تيار",
            "جماعه",
            "منظمه",
            "مدينه",
            "محافظه",
            "ولايه",
            "اقليم",
        ];
        let word = |k: usize| words.get(k).filter(|w| w.joined);
        let text = |w: &Word| &t[w.start..w.end];
        let mut k = j;
        for round in 0..2 {
            let before = k;
            if word(k).is_some_and(|w| !w.taken && TIES.contains(&text(w))) {
                k += 1;
            } else if round == 0
                && word(k).is_some_and(|w| !w.taken && OFFICES.contains(&text(w)))
                && word(k + 1).is_some_and(|w| w.mention.is_some_and(&is_body))
            {
                k += 1;
            }
            if word(k).is_some_and(|w| !w.taken && KINDS.contains(&text(w)))
                && word(k + 1).is_some_and(|w| w.mention.is_some_and(&is_body))
            {
                k += 1;
            }
            let body = k;
            while word(k).is_some_and(|w| w.mention.is_some_and(&is_body)) && k < body + 8 {
                k += 1;
            }
            if k == body {
                if round == 0 {
                    return None;
                }
                k = before;
                break;
            }
        }
        // the person may be set off by a comma, ranks and all: «أمين عام
        // وزارة البشمركة، الفريق جبار ياور،»
        let after = k;
        let set_off = k > 0 && comma_between(t, words, k - 1);
        let at = |x: usize| words.get(x).filter(|w| w.joined || (set_off && x == after));
        loop {
            if at(k).is_some_and(|w| {
                !w.taken && (self.nationalities.contains(text(w)) || is_title_modifier(text(w)))
            }) {
                k += 1;
            } else if let Some(next) = at(k).and_then(|_| self.title_at(t, words, k)) {
                k = next;
            } else {
                break;
            }
        }
        // (or by a comma after the nationality: «رئيس النادي الأهلي المصري،
        // محمود الخطيب،»)
        let comma_here = k > 0 && comma_between(t, words, k - 1);
        if set_off || comma_here {
            // (the name itself may be what the comma sets off: «القيادي
            // السابق في تنظيم القاعدة، عبد الحكيم بلحاج،»)
            let after_comma = comma_here || (set_off && k == after);
            return self
                .named_at(t, words, k, written, after_comma)
                .filter(|&(_, end)| ends_apposition(words, end));
        }
        self.named_at(t, words, k, written, false)
    }

    /// A person whose name starts at word `k` with a known given name, and
    /// one or two name words after it: the span in words. `set_off`: the
    /// first word comes after a comma, not a space.
    fn named_at(
        &self,
        t: &str,
        words: &[Word],
        k: usize,
        written: (&str, &Normalized),
        set_off: bool,
    ) -> Option<(usize, usize)> {
        let word = |k: usize| words.get(k).filter(|w| w.joined);
        let text = |w: &Word| &t[w.start..w.end];
        let first = words.get(k).filter(|w| w.joined || set_off)?;
        let first = Some(first).filter(|w| {
            !w.taken
                && ((self.name_word(t, w) && self.given_names.contains(text(w)))
                    || is_ali(text(w), as_written(written.0, written.1, w)))
        })?;
        let start = k;
        let mut end = k + 1;
        let compound = ["عبد", "ابو", "ابن", "بن", "ام"].contains(&text(first));
        if compound {
            word(end).filter(|w| !w.taken)?;
            end += 1;
        }
        // (one more word when the last is the first half of a compound:
        // «عبد المحمود عبد الحليم», «وليد بن عبد الكريم»)
        let half = |w: &Word| {
            HALVES.contains(&text(w)) || is_family(text(w), as_written(written.0, written.1, w))
        };
        while (end < start + 3 || (end < start + 5 && half(&words[end - 1])))
            && word(end).is_some_and(|w| {
                let next_definite = word(end + 1).is_some_and(|x| text(x).starts_with("ال"));
                let original = as_written(written.0, written.1, w);
                // (علي as written goes on a name: «محمد علي حادر»)
                !w.taken
                    && ((self.name_word(t, w)
                        && self.may_go_on(text(w), original, end - start)
                        && !(text(w).starts_with('ل')
                            && self.behind_preposition(text(w), next_definite)))
                        || is_ali(text(w), original))
            })
        {
            end += 1;
        }
        // a given name alone is too little to go on here
        (end > start + 1 + usize::from(compound)).then_some((start, end))
    }

    /// A person after a word that lists people («بينهم محمد يحيى القاسمي»:
    /// a known given name and one or two more words) or that says a name
    /// follows («واسمها أشواق»: any one to three name words, ending at
    /// punctuation or before a word that cannot go on a name).
    /// A person named between a verb of saying (or «عن») and his title,
    /// set off by a comma or not: «وقالت إنجي صدقي المتحدثة باسم»، «عن
    /// فلاديمير إيرماكوف، المسؤول بوزارة». The title after the name vouches
    /// for it, so the first name need not be a known one; it must still be
    /// shaped like a name (no article, no verb), and the name has two or
    /// three words.
    fn speaker_at(
        &self,
        t: &str,
        words: &[Word],
        i: usize,
        written: (&str, &Normalized),
    ) -> Option<(usize, usize)> {
        let w = words.get(i).filter(|w| !w.taken)?;
        if !word_forms(&t[w.start..w.end]).any(|f| SPEAKER_VERBS.contains(&f.as_ref())) {
            return None;
        }
        let text = |w: &Word| &t[w.start..w.end];
        let k = i + 1;
        let name_word = |x: usize| words.get(x).filter(|w| w.joined && self.name_word(t, w));
        // (a first name written with إ or آ is no verb of the أفعل form and
        // no article, and no common word folded like it: إنجي، آلان, not الآن)
        let first = words.get(k).filter(|w| w.joined && !w.taken)?;
        let as_written_first = as_written(written.0, written.1, first);
        let hamza = text(first).chars().all(is_letter)
            && (as_written_first.starts_with('آ')
                || (as_written_first.starts_with('إ') && !self.defences.is_common(text(first))));
        // (nor a title in the construct state: «مؤلف الكتاب، الصحفي»)
        let construct = self.titles.contains_key(&format!("ال{}", text(first)));
        if construct || (!hamza && name_word(k).is_none()) {
            return None;
        }
        let next_definite = words
            .get(k + 1)
            .is_some_and(|x| x.joined && text(x).starts_with("ال"));
        let given = self.given_names.contains(text(first));
        let known = given || hamza;
        // (nor a noun in ة or with a pronoun: «عودة أيقونة هوليوود النجمة»،
        // «إدارة الهلال»، «إيمانه بفريقه»)
        if (!given && text(first).ends_with('ه'))
            || (!known && !self.may_open_name(text(first), false, next_definite))
        {
            return None;
        }
        // «أبو مهدي»: a compound takes its second word whatever it is
        let compound = usize::from(HALVES.contains(&text(first)));
        let mut end = k + 1;
        while end < k + 3 + compound
            && name_word(end).is_some_and(|w| {
                self.title_at(t, words, end).is_none()
                    && ((compound == 1 && end == k + 1)
                        || self.may_go_on(text(w), as_written(written.0, written.1, w), end - k))
            })
        {
            end += 1;
        }
        if end < k + 2 + compound {
            return None;
        }
        // then the title, after a comma, or right after a name that opens
        // with a known first name (nouns stand before titles too: «أعلن
        // افتتاح جادة الملك»، «عن طريق برنامج المواطنة»); after «عن», only
        // after a comma
        let comma = comma_between(t, words, end - 1);
        let by_verb = text(w) != "عن";
        words
            .get(end)
            .filter(|x| (comma && (by_verb || given)) || (x.joined && known && by_verb))?;
        self.title_at(t, words, end)?;
        // (a verb of saying is a cue of a person, not his title: «وعن حظوظ
        // فريقه، قال صلاح»)
        let next = text(&words[end]);
        if word_forms(next).any(|f| SPEAKER_VERBS.contains(&f.as_ref())) {
            return None;
        }
        Some((k, end))
    }

    /// A body of a state named by the state's adjective: «السفارة
    /// السعودية»، «للمنتخب البلجيكي»، «التلفزيون الرسمي السوري»، «وزارة
    /// العمل السعودية». The adjective is definite and singular; the name
    /// starts behind proclitics (at the second lam of للـ).
    fn state_body_at(
        &self,
        t: &str,
        words: &[Word],
        i: usize,
        mentions: &[Mention],
    ) -> Option<(Found, usize)> {
        let head = words.get(i).filter(|w| !w.taken)?;
        let s = &t[head.start..head.end];
        // (not a word of a title: «وزير الخارجية الألماني»، «رئيس الحكومة
        // التونسية يوسف الشاهد» leads Tunisia)
        if i > 0 && words[i].joined && self.title_at(t, words, i - 1).is_some_and(|end| end > i) {
            return None;
        }
        let text = |w: &Word| &t[w.start..w.end];
        // where the body's name starts in the word: behind و/ف and ب/ك/ل,
        // and at the second lam of للـ
        let (start, definite, body) = if let Some(rest) = s.strip_prefix("لل") {
            let whole = format!("ال{rest}");
            if !STATE_BODIES.contains(&whole.as_str()) {
                return None;
            }
            (head.start + 'ل'.len_utf8(), true, whole)
        } else {
            let form = word_forms(s).find(|f| {
                STATE_BODIES.contains(&f.as_ref()) || STATE_BODY_KINDS.contains(&f.as_ref())
            })?;
            let definite = STATE_BODIES.contains(&form.as_ref());
            let mut start = head.start + s.len() - form.len();
            // (the article read into للـ: «وللمخابرات» starts at its second lam)
            if form.starts_with("ال") && t[start..].starts_with("لل") {
                start += 'ل'.len_utf8();
            }
            (start, definite, form.into_owned())
        };
        // (a body named by an adjective is that adjective after a definite
        // noun: «بالشؤون الداخلية السعودية»، «السياسة الخارجية الأمريكية»)
        if matches!(body.as_str(), "الداخليه" | "الخارجيه")
            && start == head.start
            && i > 0
            && head.joined
            && ["ال", "بال", "لل", "وال", "فال", "كال"]
                .iter()
                .any(|p| text(&words[i - 1]).starts_with(p))
        {
            return None;
        }
        // the adjective agrees with the body: «المنتخب المغربية» is no body
        // (المنتخب is a newspaper there)
        let feminine = body.ends_with('ه') || body.ends_with("ات");
        let joined = |k: usize| words.get(k).filter(|w| w.joined && !w.taken);
        let mut k = i + 1;
        if !definite {
            // the kind of body, then what it is: «وزارة العمل»
            let what = joined(k).filter(|w| {
                text(w).starts_with("ال")
                    && text(w).chars().all(is_letter)
                    && !self.nationalities.contains(text(w))
            })?;
            let _ = what;
            k += 1;
        }
        if joined(k).is_some_and(|w| STATE_BODY_MODIFIERS.contains(&text(w))) {
            k += 1;
        }
        // (the feminine adjective may have been read as the country:
        // «السفارة السعودية» is no mention of Saudi Arabia)
        let read_as_country = |w: &Word| {
            w.mention
                .and_then(|m| mentions.get(m))
                .is_some_and(|m| m.folded_start == w.start && m.folded_end == w.end)
        };
        let adjective = words
            .get(k)
            .filter(|w| w.joined && (!w.taken || read_as_country(w)))?;
        let a = text(adjective);
        let agrees = if feminine {
            a.ends_with("يه")
        } else {
            a.ends_with('ي')
        };
        if !(a.starts_with("ال") && agrees && self.nationalities.contains(a)) {
            return None;
        }
        // (and «المشتركة» after it: «القوات اليمنية المشتركة»)
        let end = match joined(k + 1) {
            Some(w) if ["المشتركه", "المشترك"].contains(&text(w)) => w.end,
            _ => adjective.end,
        };
        Some((
            Found {
                kind: EntityType::Org,
                start,
                end,
            },
            k,
        ))
    }

    /// A person set off by a comma right before the title at word `title`,
    /// whose name opens with a known given name: «أبو علي الحاكم، القيادي
    /// في»، «محمد الأحمد، المتحدث باسم الشرطة». Two or three words (a
    /// compound's second word counts apart), none a title, and not right
    /// after a title or a verb of saying, which open names of their own.
    fn apposed_before(
        &self,
        t: &str,
        words: &[Word],
        title: usize,
        written: (&str, &Normalized),
    ) -> Option<(usize, usize)> {
        if title < 2 || !comma_between(t, words, title - 1) {
            return None;
        }
        let text = |w: &Word| &t[w.start..w.end];
        (title.saturating_sub(4)..title - 1).find_map(|i| {
            let first = &words[i];
            if first.taken
                || !self.given_names.contains(text(first))
                || !self.name_word(t, first)
                || (i > 0 && words[i].joined && self.title_at(t, words, i - 1).is_some())
            {
                return None;
            }
            let compound = usize::from(HALVES.contains(&text(first)));
            // the words after the first, up to the comma, are a name
            let rest_ok = (i + 1..title).all(|k| {
                let w = &words[k];
                w.joined
                    && !w.taken
                    && ((compound == 1 && k == i + 1)
                        || (self.name_word(t, w)
                            && self.title_at(t, words, k).is_none()
                            && self.may_go_on(text(w), as_written(written.0, written.1, w), k - i)))
            });
            (rest_ok && title >= i + 2 + compound && title <= i + 3 + compound)
                .then_some((i, title))
        })
    }

    fn listed_or_named_at(
        &self,
        t: &str,
        words: &[Word],
        i: usize,
        written: (&str, &Normalized),
    ) -> Option<(usize, usize)> {
        let w = words.get(i).filter(|w| !w.taken)?;
        let s = &t[w.start..w.end];
        let bare = s
            .strip_prefix(['و', 'ف'])
            .filter(|r| r.chars().count() >= 3);
        let is = |list: &[&str]| list.contains(&s) || bare.is_some_and(|b| list.contains(&b));
        if is(&LIST_OPENERS) {
            return self.named_at(t, words, i + 1, written, false);
        }
        if !is(&NAME_CUES) {
            return None;
        }
        let k = i + 1;
        let text = |w: &Word| &t[w.start..w.end];
        let joined_name_word = |x: usize| words.get(x).filter(|w| w.joined && self.name_word(t, w));
        // the first word: a known given name, or a word shaped like a name
        // (no article, no verb: «تدعى الجمعية»، «يدعى حينما» are not)
        // (the name may stand in quotes: «المكنى "أبو إبراهيم"»)
        let quoted = is(&KUNYA_CUES)
            && words
                .get(k)
                .is_some_and(|x| OPENING_QUOTES.contains(&t[words[i].end..x.start].trim()));
        let first = words
            .get(k)
            .filter(|x| (x.joined || quoted) && self.name_word(t, x))?;
        let alone = joined_name_word(k + 1).is_none();
        let next_definite = words
            .get(k + 1)
            .is_some_and(|x| x.joined && text(x).starts_with("ال"));
        let pronoun = ["ها", "هم", "هن"].iter().any(|p| text(first).ends_with(p));
        if !self.given_names.contains(text(first))
            && (pronoun || !self.may_open_name(text(first), alone, next_definite))
        {
            return None;
        }
        // «أبو همام»: a compound takes its second word whatever it is, and
        // a third after a second half (أبو عبد الله)
        let compound = HALVES.contains(&text(first));
        let mut end = k + 1;
        if compound {
            words.get(end).filter(|w| w.joined && !w.taken)?;
            end += 1;
            if HALVES.contains(&text(&words[end - 1]))
                && words.get(end).is_some_and(|w| w.joined && !w.taken)
            {
                end += 1;
            }
        }
        // then known given names, or words that are no verb in the present
        // (تعيش، تلقى) and no preposition with the article (بالرصاص)
        while end < k + 3
            && joined_name_word(end).is_some_and(|w| {
                let s = text(w);
                // (nor و + a word, nor a past verb in أ: «ويبلغ»، «أنهت»)
                self.given_names.contains(s)
                    || (!s.starts_with(['ي', 'ت', 'و'])
                        && !(s.starts_with('ا') && s.chars().count() == 4)
                        && !["بال", "لل", "كال"].iter().any(|p| s.starts_with(p))
                        && self.may_go_on(s, as_written(written.0, written.1, w), end - k))
            })
        {
            end += 1;
        }
        Some((k, end))
    }

    /// A news outlet named in quotes after the word for its kind, and at
    /// most one adjective («صحيفة "تايمز"»، «للشبكة الإخبارية "أل سي آي"»):
    /// the span of the name, one to four words, in words.
    fn media_at(&self, t: &str, words: &[Word], i: usize) -> Option<(usize, usize)> {
        let head = words.get(i).filter(|w| !w.taken)?;
        let text = |w: &Word| &t[w.start..w.end];
        let mut k = i + 1;
        // «وكالة أنباء "أعماق"»، «صحيفة "التايمز"»
        if words.get(k).is_some_and(|w| {
            w.joined && !w.taken && (text(w) == "انباء" || text(w).starts_with("ال"))
        }) {
            k += 1;
        }
        let first = words.get(k)?;
        let quoted = OPENING_QUOTES.contains(&t[words[k - 1].end..first.start].trim());
        // the quote first: most words open no quoted name
        if !quoted && !first.joined {
            return None;
        }
        let s = text(head);
        // (للشبكة: to the network)
        let forms: Vec<_> = word_forms(s)
            .chain(s.strip_prefix("لل").map(std::borrow::Cow::Borrowed))
            .collect();
        let kind = |heads: &[&str]| forms.iter().any(|f| heads.contains(&f.as_ref()));
        let organization = !kind(&MEDIA_HEADS);
        if !quoted {
            // unquoted, a paper's name of one or two words no list knows,
            // vouched for by the paper's nationality right after it:
            // «صحيفة لوباريزيان الفرنسية»، «صحيفة تشوسون إلبو الكورية»
            // (a paper, a magazine or an agency: «موقع» is also a place,
            // «في موقع سقوط صاروخ إيراني»)
            if !kind(&PAPER_HEADS) || k != i + 1 {
                return None;
            }
            let nationality = |x: usize| {
                words.get(x).is_some_and(|w| {
                    w.joined && text(w).starts_with("ال") && self.nationalities.contains(text(w))
                })
            };
            // (no noun in ة and no preposition on an article: «للقناة
            // باللغة الفرنسية»، «وكالات مكافحة المنشطات»)
            let name = |x: usize| {
                words.get(x).is_some_and(|w| {
                    let s = text(w);
                    w.joined
                        && self.name_word(t, w)
                        && !self.given_names.contains(s)
                        && !s.ends_with('ه')
                        && !["بال", "لل", "كال", "فال", "وال"]
                            .iter()
                            .any(|p| s.starts_with(p))
                })
            };
            return (1..=2)
                .find(|&n| (k..k + n).all(name) && nationality(k + n))
                .map(|n| (k, k + n));
        }
        if organization && !kind(&QUOTED_ORG_HEADS) {
            return None;
        }
        let mut end = k + 1;
        while end < k + 4 && words.get(end).is_some_and(|w| w.joined) {
            end += 1;
        }
        let closed = t[words[end - 1].end..]
            .trim_start_matches(' ')
            .starts_with(CLOSING_QUOTES);
        let free = words[k..end]
            .iter()
            .all(|w| !w.taken && t[w.start..w.end].chars().all(is_letter));
        // (a name of several words may open with a common one: «معهد
        // "الوقاية المتكاملة"»)
        let adjective = organization && end == k + 1 && {
            let w = &t[first.start..first.end];
            w.ends_with("يه")
                || w.ends_with("يين")
                || w.ends_with("يون")
                || self.defences.is_common(w)
                || self.defences.is_common(w.strip_prefix("ال").unwrap_or(w))
        };
        (closed && free && !adjective).then_some((k, end))
    }

    fn heads(&self, kind: EntityType) -> &FxHashSet<String> {
        &self.heads[HEAD_KINDS.iter().position(|&k| k == kind).unwrap_or(0)]
    }

    fn is_head_bare(&self, kind: EntityType, word: &str) -> bool {
        self.heads(kind).contains(word)
    }

    /// A head word, bare or behind و/ف only: «لتنظيم» is "to organize".
    /// A body named by a head word of [`PLACE_BODY_HEADS`] at word `i` and
    /// a listed place after it, with a definite adjective of the نسبة form
    /// after the place, or none after a head of [`PLACE_BODY_HEADS_BARE`]:
    /// the folded start of the name (behind و/ف) and the index after its
    /// last word.
    fn body_of_place_at(
        &self,
        t: &str,
        words: &[Word],
        i: usize,
        mentions: &[Mention],
        listed: &[Entity],
    ) -> Option<(EntityType, usize, usize)> {
        let w = &words[i];
        let s = &t[w.start..w.end];
        let is_head = |h: &str| PLACE_BODY_HEADS.contains(&h) || h == "مطار";
        let (head, skip) = match s.strip_prefix(['و', 'ف']) {
            Some(rest) if is_head(rest) => (rest, 'و'.len_utf8()),
            _ => (s, 0),
        };
        if w.taken || !is_head(head) {
            return None;
        }
        let place = words.get(i + 1).filter(|x| x.joined && x.taken)?;
        let m = mentions.get(place.mention?)?;
        if m.folded_start != place.start
            || listed
                .get(m.entity)
                .is_none_or(|e| e.kind != EntityType::Loc)
        {
            return None;
        }
        // the words of the place
        let mut k = i + 1;
        while words.get(k).is_some_and(|x| x.start < m.folded_end) {
            k += 1;
        }
        let adjective = words.get(k).is_some_and(|x| {
            let a = &t[x.start..x.end];
            x.joined
                && !x.taken
                && a.starts_with("ال")
                && (a.ends_with('ي') || a.ends_with("يه"))
                && a.chars().nth(4).is_some()
                && !self.nationalities.contains(a)
                && !matches!(a, "الذي" | "التي" | "الاتي" | "التالي" | "الماضي" | "الحالي")
        });
        // an airport is a place, or a base when it is a military one: «مطار
        // صنعاء الدولي»، «مطار حماة العسكري»
        if head == "مطار" {
            let next = words
                .get(k)
                .filter(|x| x.joined && !x.taken)
                .map(|x| &t[x.start..x.end]);
            return Some(match next {
                Some("العسكري") => (EntityType::Base, w.start + skip, k + 1),
                Some("الدولي") => (EntityType::Loc, w.start + skip, k + 1),
                _ => (EntityType::Loc, w.start + skip, k),
            });
        }
        if adjective {
            Some((EntityType::Org, w.start + skip, k + 1))
        } else if PLACE_BODY_HEADS_BARE.contains(&head) {
            Some((EntityType::Org, w.start + skip, k))
        } else {
            None
        }
    }

    fn is_head(&self, kind: EntityType, word: &str) -> bool {
        let bare = word
            .strip_prefix(['و', 'ف'])
            .filter(|r| r.chars().count() >= 2);
        [Some(word), bare]
            .into_iter()
            .flatten()
            .any(|f| self.heads(kind).contains(f))
    }

    /// A word that may be part of a name: letters, not a common word, not a
    /// title or a nationality, not shaped like a present-tense verb of the
    /// derived forms (يتحدث، تستقبل، يؤكد).
    fn name_word(&self, t: &str, w: &Word) -> bool {
        let s = &t[w.start..w.end];
        const VERB_HEADS: [&str; 8] = ["يت", "تت", "يست", "تست", "ينت", "تنت", "يو", "تو"];
        let verb_like = s.chars().count() >= 4
            && VERB_HEADS.iter().any(|h| s.starts_with(h))
            && !s.starts_with("يوس")
            && !s.starts_with("يون")
            && !s.starts_with("توف");
        // (a known given name of a verb's shape is a name: يوزيف، تحسين)
        let given = || self.given_names.contains(s);
        !w.taken
            && (!verb_like || given())
            && (!is_verbal_noun_or_verb(s) || given())
            && s.chars().count() >= 2
            && s.chars().all(is_letter)
            && !self.defences.is_common(s)
            && !self.nationalities.contains(s)
            && !self.titles.contains_key(s)
            && !BEHIND_BA.contains(&s)
    }

    /// After a definite title, a word no list knows opens a name when it is
    /// indefinite (a definite noun after one is its adjective, and a noun in
    /// construct cannot follow it), not behind و (a second name), and not
    /// shaped like a verb (يحتاج، نريد، استقدم) or an adverbial accusative
    /// (قائلا، برنامجا). `alone`: no second name word follows.
    fn may_open_name(&self, s: &str, alone: bool, next_definite: bool) -> bool {
        if self.behind_preposition(s, next_definite) {
            return false;
        }
        let n = s.chars().count();
        let definite = ["ال", "لل", "بال", "وال", "فال", "كال"]
            .iter()
            .any(|p| s.starts_with(p));
        // (أصدر، أكد، أعلن: a known given name of that shape, أحمد، أكرم,
        // never comes here)
        let verb = (s.starts_with('ا') && n == 4)
            || (s.starts_with('ي') && !s.starts_with("يو"))
            || (s.starts_with('ن') && n <= 4)
            || (s.starts_with('ت') && !s.starts_with("تو") && !s.starts_with("تي") && n <= 4)
            || s.starts_with("است")
            || s.starts_with("لاست")
            // a past verb of the تفاعل form, feminine: تناولت، تبادلت
            || (s.starts_with('ت') && s.ends_with('ت') && n >= 6 && s.chars().nth(2) == Some('ا'));
        // a doubled verb of three letters: هدد، شدد، جدد
        let letters: Vec<char> = s.chars().collect();
        let doubled = n == 3 && letters[1] == letters[2];
        let accusative = n >= 4 && s.ends_with('ا');
        // alone, the future of a verb (سيزور، ستكون، سنعمل), not a name
        // (سيمون بيريز has a second word)
        let future = (alone
            && n >= 4
            && s.starts_with('س')
            && matches!(s.chars().nth(1), Some('ي' | 'ت' | 'ن')))
            // (and before another word, with ت or ن and a consonant:
            // «النائبة ستقول مثلما»; not ستيفن، ستالين، ستراوس)
            || ((5..=6).contains(&n)
                && (s.starts_with("ست") || s.starts_with("سن"))
                && !matches!(s.chars().nth(2), Some('ا' | 'و' | 'ي' | 'ر')));
        // a plural in -ات is a noun (مباحثات), not an unknown first name
        let plural = n >= 5 && s.ends_with("ات");
        n >= if alone { 4 } else { 3 }
            && !definite
            && !verb
            && !doubled
            && !accusative
            && !plural
            && !future
            && !s.starts_with('و')
    }

    /// A word after a place's head word that is no place name: a verb of
    /// the clause that goes on («في المناطق التي تسيطر عليها»، «دولة تعتقد»،
    /// «بلدة شهدت») or a preposition or و with a word the lists know
    /// («مدينة بملاعب»، «ولا»).
    fn verb_or_phrase(&self, s: &str) -> bool {
        let n = s.chars().count();
        let second = s.chars().nth(1);
        const VERB_HEADS: [&str; 7] = ["يت", "تت", "يست", "تست", "ينت", "تنت", "است"];
        // يسيطر، تعتقد (not يانجون، ياسوج، تولون; nor a long foreign name)
        let present =
            (s.starts_with('ي') && !matches!(second, Some('ا' | 'و')) && (4..=6).contains(&n))
                || (s.starts_with('ت') && n == 5 && !matches!(second, Some('ا' | 'و' | 'ي')))
                || (n >= 5 && VERB_HEADS.iter().any(|h| s.starts_with(h)));
        // past tense, feminine: شهدت، نفذت (not تكريت، بيروت، نانت)
        let past = n == 4
            && s.ends_with('ت')
            && !matches!(second, Some('ا' | 'ي' | 'و'))
            && !s.ends_with("يت")
            && !s.ends_with("وت");
        // a preposition or و before a word the lists know or a noun in م
        // (بمحافظة، بملاعب، ولا)
        let behind = s
            .strip_prefix(['و', 'ف', 'ب', 'ل', 'ك'])
            .is_some_and(|rest| {
                let rest = rest.strip_prefix(['ب', 'ل', 'ك']).unwrap_or(rest);
                self.defences.is_common(rest)
                    || (rest.starts_with('م') && rest.chars().count() >= 4)
            });
        // a pronoun at the end (قطرها، مساحتها، لحكومته), or a feminine
        // participle (منكوبة، مستقلة، محاصرة): the clause describes the place
        let pronoun = n >= 4 && (s.ends_with("ها") || s.ends_with("هم") || s.ends_with("ته"));
        let participle = n >= 5 && s.starts_with('م') && s.ends_with('ه');
        present || past || behind || pronoun || participle
    }

    /// A word that reads as the preposition ل before a noun, not as a name
    /// that starts with ل: «لشؤون اللاجئين»، «لمكافحة الإرهاب»، «لوزارة
    /// الاتصالات»، «لنادي». It is one when what follows the ل is a noun of
    /// the مفعل/مفاعلة patterns (it starts with م), a word the lists know
    /// (a head of names, a title, a common word, a given name: «لمحمد»),
    /// or when a definite word comes next (a construct: «لحقوق الإنسان»).
    fn behind_preposition(&self, s: &str, next_definite: bool) -> bool {
        // behind ب, a word the lists know or a noun in م tells it: «القاضي
        // بوقف نشاط الشركتين» (a ruling "for the halt of")، «بمفعول فوري»; a
        // name may open with ب before a definite word (بشار الأسد)
        if let Some(rest) = s.strip_prefix('ب') {
            // (and a root of three letters, no long vowel among them, is a
            // verbal noun: «الرئيس الأميركي بفرض رسوم»; the given names of
            // the shape, بكري، بدري, are known ones)
            let letters: Vec<char> = rest.chars().collect();
            let masdar =
                letters.len() == 3 && !letters.iter().any(|c| matches!(c, 'ا' | 'و' | 'ي'));
            return rest.chars().nth(2).is_some()
                && (masdar
                    || (rest.starts_with('م') && rest.chars().nth(3).is_some())
                    || self.defences.is_common(rest)
                    || self.titles.contains_key(rest)
                    || self.heads.iter().any(|h| h.contains(rest)));
        }
        let Some(rest) = s.strip_prefix('ل') else {
            return false;
        };
        rest.chars().nth(2).is_some()
            && (rest.starts_with('م')
                || next_definite
                || self.defences.is_common(rest)
                || self.titles.contains_key(rest)
                || self.given_names.contains(rest)
                || self.heads.iter().any(|h| h.contains(rest)))
    }

    /// A word after a name's first word that still belongs to it: not «و»
    /// with the article (والمنتج: the next item of a list) and not a
    /// definite feminine noun (المكافاه), unless it is a known given name.
    /// (Adverbial accusatives such as خلفا، قائلا are common words; a final
    /// alef alone is no sign of one: شيناواترا، سيلفا.)
    /// `nth`: how many words of the name come before this one.
    fn may_go_on(&self, s: &str, original: &str, nth: usize) -> bool {
        if self.given_names.contains(s) {
            return true;
        }
        let list = s.starts_with("وال");
        let feminine_noun = s.starts_with("ال") && s.ends_with('ه');
        // a word with tanwin is an adverb or a noun, never a name (بديلاً،
        // ضيفاً), and one that ends in the pronoun ها is a verb or a noun
        // with its object (أهدرها، كلماتها)
        let tanwin = original.contains(['\u{064B}', '\u{064C}', '\u{064D}']);
        let pronoun = s.ends_with("ها") && s.chars().nth(4).is_some();
        // ل with the article (للطرد، للصحفيين) or before a noun the lists
        // know (لصحيفة، لوكالة) starts what follows the name (not بال، كال:
        // بالترو، كالين are names)
        let preposition =
            s.starts_with("لل") || (s.starts_with('ل') && self.behind_preposition(s, false));
        // after a given name and a surname, a past verb of the أفعل form
        // (أصيب، أسرع، ألمح) starts what the person did: «العقيد حيدر
        // العبودي أصيب في الهجوم» (a second word of that shape is mostly a
        // surname: أديب، أرنو)
        let past = nth >= 2 && s.chars().count() == 4 && s.starts_with('ا') && !s.starts_with("ال");
        // a verbal noun of the تفعيل or استفعال forms starts what the person
        // does («صالح العامري تعزيز الانتشار»، «غوتيريش تقديم»)
        let is_masdar = |w: &str| {
            let n = w.chars().count();
            (n == 5
                && w.starts_with('ت')
                && w.chars().nth(3) == Some('ي')
                && w.chars().nth(2) != Some('ا'))
                || (n >= 6 && w.starts_with("است"))
        };
        // (behind ب, ل or و too: «بتوجيه»، «لاستقدام»، «دياز وتدوير
        // اللاعبين»; and with the article:
        // «المدعي العام جيف سيسيز التحقيق للكشف»)
        let masdar = is_masdar(s)
            || s.strip_prefix(['ب', 'ل', 'و']).is_some_and(is_masdar)
            || s.strip_prefix("ال").is_some_and(is_masdar);
        // و before a common word is the next clause (وكان، وقال), and
        // before a given name the next person of a list (ونواف، وهاري)
        // (or before an accusative: «الملك عبد الله واتصالا مماثلا»)
        // (or before a verb with its object: «بخطف الزعيم الإيطالي بينيتو
        // موسوليني وأعلنته الزعيم الأوحد»)
        let clause = s.strip_prefix('و').is_some_and(|rest| {
            self.defences.is_common(rest)
                || (rest.chars().count() >= 5 && rest.ends_with('ا'))
                || (rest.chars().nth(2).is_some() && self.given_names.contains(rest))
                || (rest.chars().nth(3).is_some()
                    && ["ته", "ها", "هم", "هما"].iter().any(|p| rest.ends_with(p)))
                // a noun with its pronoun («ياسمين وأطفاله») or a verbal
                // noun of the افتعال form («رشا واحتيال»)
                || (rest.chars().nth(4).is_some() && rest.ends_with('ه') && !rest.starts_with("ال"))
                || is_iftial(rest)
        });
        // ل of purpose on a verb in the present starts what follows
        // («لوكا مودريتش ليعوض»، «الحارس عصام الحضري ليضع»), not a surname
        // that opens so, with a long vowel (ليندو، ليفي، ليتا) or long
        // (ليفاندوفسكي)
        // a verb in the present after a given name and a surname: four
        // letters, ي and a consonant («إيلون ماسك يقوم»، «ماتس هوملز يلهث»;
        // a second word of that shape is mostly a surname: يزبك، يلدز)
        let present = {
            let mut letters = s.chars();
            nth >= 2
                && s.chars().count() == 4
                && letters.next() == Some('ي')
                && letters
                    .next()
                    .is_some_and(|c| !matches!(c, 'ا' | 'و' | 'ي'))
        };
        // past the surname, a noun behind ب with a pronoun (بتسجيله،
        // بقوله) or a four-letter accusative or dual verb (عقدا، أصبحا)
        // starts what the person did
        // past the surname, a past verb in ت of four letters («ياسمين شعبان
        // عملت»; the given names of the shape, حكمت، عزت, are known), or a
        // noun behind بال («يسري فودة بالتحرش»)
        let past_feminine = nth >= 2 && s.chars().count() == 4 && s.ends_with('ت');
        let behind_bal = nth >= 2 && s.starts_with("بال") && s.chars().nth(5).is_some();
        let object = nth >= 2
            && ((s.starts_with('ب') && s.ends_with('ه') && s.chars().count() >= 5)
                || (s.chars().count() == 4 && s.ends_with('ا')));
        let purpose = s.strip_prefix('ل').is_some_and(|rest| {
            let n = rest.chars().count();
            let vowel = rest.chars().skip(1).any(|c| matches!(c, 'ا' | 'و' | 'ي'));
            (rest.starts_with(['ت', 'ن']) && (3..=4).contains(&n))
                || (rest.starts_with('ي') && (3..=4).contains(&n) && !vowel)
        });
        !(list
            || object
            || feminine_noun
            || tanwin
            || pronoun
            || preposition
            || clause
            || masdar
            || past
            || purpose
            || present
            || past_feminine
            || behind_bal
            || BEHIND_BA.contains(&s))
    }

    /// People named one after another: after a person (listed or found),
    /// «، و» or «و» and a known given name with a name word after it is the
    /// next person of the list («أحمد رزق، وغادة عادل، ومحمد هنيدي»). The
    /// conjunction is not part of the name. Adds to `found`, kept in order.
    #[allow(clippy::too_many_arguments)]
    fn list_items(
        &self,
        t: &str,
        (text, norm): (&str, &Normalized),
        words: &[Word],
        mentions: &[Mention],
        listed: &[Entity],
        found: &mut Vec<Found>,
    ) {
        let mut ends: Vec<usize> = mentions
            .iter()
            .filter(|m| {
                listed
                    .get(m.entity)
                    .is_some_and(|e| e.kind == EntityType::Person)
            })
            .map(|m| m.folded_end)
            .chain(
                found
                    .iter()
                    .filter(|f| f.kind == EntityType::Person)
                    .map(|f| f.end),
            )
            .collect();
        ends.sort_unstable();
        let mut added = Vec::new();
        let mut queue = std::collections::VecDeque::from(ends);
        while let Some(end) = queue.pop_front() {
            let j = words.partition_point(|w| w.start < end);
            let Some(w) = words.get(j) else { continue };
            let gap = t[end..w.start].trim_matches(' ');
            if !(gap.is_empty() || gap == "،" || gap == ",") || w.taken {
                continue;
            }
            let s = &t[w.start..w.end];
            let Some(given) = s.strip_prefix('و') else {
                continue;
            };
            // (not ولي «guardian», nor the head of a compound: أبو، عبد)
            let compound = ["عبد", "ابو", "ابن", "بن", "ام"].contains(&given);
            if !self.given_names.contains(given) || given.chars().nth(2).is_none() || compound {
                continue;
            }
            let mut k = j + 1;
            while k < words.len()
                && k < j + 3
                && words[k].joined
                && self.name_word(t, &words[k])
                && self.may_go_on(
                    &t[words[k].start..words[k].end],
                    as_written(text, norm, &words[k]),
                    k - j,
                )
            {
                k += 1;
            }
            let start = w.start + 'و'.len_utf8();
            let end = words[k - 1].end;
            let overlaps = |f: &Found| f.start < end && start < f.end;
            if k > j + 1 && !found.iter().chain(added.iter()).any(overlaps) {
                added.push(Found {
                    kind: EntityType::Person,
                    start,
                    end,
                });
                queue.push_back(end);
            }
        }
        if !added.is_empty() {
            found.extend(added);
            found.sort_by_key(|f| f.start);
        }
    }

    /// Finds names after titles and head words, adds them and their
    /// repetitions to `mentions` (kept in order), and returns the new
    /// entities, whose indexes start after `listed_entities`. Places that
    /// read as sports clubs become organizations (see [`clubs`]).
    pub fn discover(
        &self,
        text: &str,
        norm: &Normalized,
        mentions: &mut Vec<Mention>,
        listed_entities: &[Entity],
    ) -> Vec<Entity> {
        self.discover_at(text, norm, mentions, listed_entities, None)
    }

    /// The words a name can be found after (titles, nationalities and, for
    /// [`Scope::All`], head words), for [`crate::matcher::Matcher::mark`]:
    /// the matcher then gives their places, and [`Discoverer::discover_at`]
    /// looks only there.
    pub fn opening_words(&self) -> Vec<String> {
        let mut words: Vec<String> = self.titles.keys().cloned().collect();
        words.extend(self.nationalities.iter().cloned());
        // (and their definite forms, which the matcher reads behind للـ)
        words.extend(LIST_OPENERS.iter().map(|h| h.to_string()));
        words.extend(NAME_CUES.iter().map(|h| h.to_string()));
        words.extend(SPEAKER_VERBS.iter().map(|h| h.to_string()));
        words.extend(STATE_BODIES.iter().map(|h| h.to_string()));
        words.extend(STATE_BODY_KINDS.iter().map(|h| h.to_string()));
        words.extend(MEDIA_HEADS.iter().map(|h| h.to_string()));
        words.extend(MEDIA_HEADS.iter().map(|h| format!("ال{h}")));
        words.extend(QUOTED_ORG_HEADS.iter().map(|h| h.to_string()));
        words.extend(QUOTED_ORG_HEADS.iter().map(|h| format!("ال{h}")));
        words.extend(self.foreign_given.iter().cloned());
        words.push("ابو".to_string());
        words.extend(PLACE_BODY_HEADS.iter().map(|h| h.to_string()));
        words.push("مطار".to_string());
        if self.scope == Scope::All {
            for heads in &self.heads {
                words.extend(heads.iter().cloned());
            }
        }
        words.sort_unstable();
        words.dedup();
        words
    }

    /// As [`Discoverer::discover`], given `opening`: the folded starts, in
    /// order, of every word that reads as one of [`Discoverer::opening_words`]
    /// (a word elsewhere opens nothing and is passed over).
    pub fn discover_at(
        &self,
        text: &str,
        norm: &Normalized,
        mentions: &mut Vec<Mention>,
        listed_entities: &[Entity],
        opening: Option<&[u32]>,
    ) -> Vec<Entity> {
        let listed = listed_entities.len();
        let t = norm.text.as_str();
        let original = |w: &Word| as_written(text, norm, w);
        // places that are sports clubs here become organizations
        let clubs = if self.scope == Scope::All {
            self.clubs(
                t,
                &Discoverer::words(norm, mentions),
                mentions,
                listed_entities,
            )
        } else {
            Vec::new()
        };
        let overlaps = |f: &Found, a: usize, b: usize| f.start < b && a < f.end;
        if !clubs.is_empty() {
            mentions.retain(|m| {
                !clubs
                    .iter()
                    .any(|f| overlaps(f, m.folded_start, m.folded_end))
            });
        }
        let mut words = Discoverer::words(norm, mentions);
        for w in &mut words {
            w.taken |= clubs.iter().any(|f| overlaps(f, w.start, w.end));
        }
        let mut found: Vec<Found> = clubs;
        let mut i = 0;
        while i < words.len() {
            if let Some(opening) = opening {
                let at = words[i].start as u32;
                let Some(&next) = opening.get(opening.partition_point(|&s| s < at)) else {
                    break;
                };
                if next != at {
                    i = words.partition_point(|w| (w.start as u32) < next);
                    continue;
                }
            }
            // a person after a title, nationalities and ranks
            if let Some(mut j) = self.title_at(t, &words, i) {
                // (and one named before it, set off by a comma, with a known
                // given name: «محمد الأحمد، المتحدث باسم الشرطة»)
                if let Some((a, b)) = self.apposed_before(t, &words, i, (text, norm)) {
                    let f = Found::of_words(EntityType::Person, &words, a, b);
                    if !found.iter().any(|x| x.start < f.end && f.start < x.end) {
                        found.push(f);
                    }
                }
                loop {
                    if words.get(j).is_some_and(|w| {
                        w.joined
                            && !w.taken
                            && (self.nationalities.contains(&t[w.start..w.end])
                                || self.group_adjectives.contains(&t[w.start..w.end])
                                || is_title_modifier(&t[w.start..w.end]))
                    }) {
                        j += 1;
                    } else if let Some(k) = (j < words.len() && words[j].joined)
                        .then(|| self.title_at(t, &words, j))
                        .flatten()
                    {
                        j = k;
                    } else {
                        break;
                    }
                }
                // a known given name, or after a definite title any word
                // that may start a name; then up to two more name words
                let mut k = j;
                // (not after الفريق, a rank but also "the team")
                let last = &t[words[j - 1].start..words[j - 1].end];
                // (nor after a relative, «زوجته السورية»: the adjective
                // describes her, a known given name must name her)
                let definite = last.starts_with("ال")
                    && &t[words[i].start..words[i].end] != "الفريق"
                    && !is_kin(&t[words[i].start..words[i].end])
                    && !GENERIC_PERSONS.contains(&last);
                // An unknown first name in ة is a noun after any title
                // («السفير رسالة»). After «الجديد»، «المكلف»، «السابق», what
                // follows is as often what the person did or is charged
                // with: a word that opens with ب or ل is a name there only
                // with a long vowel after it, as transliterated names have
                // (بيكاسو، ليوناردو، باولو), not a preposition on a noun
                // («رئيس الوزراء الأردني الجديد بسحب»، «المكلف بتشكيل»).
                let after_modifier = is_title_modifier(last);
                let shaped_as_name = |s: &str| {
                    let long_vowel = match s.chars().nth(1) {
                        Some('و' | 'ي') => true,
                        Some('ا') => !s.starts_with("باست") && !s.ends_with("هم"),
                        _ => false,
                    };
                    let preposition = s.starts_with(['ب', 'ل']) && !long_vowel;
                    // (after any title, ل so is the preposition: «للمصور
                    // الصحفي لنشر صور»; names that open so are known ones:
                    // لطفي، لبنى)
                    !s.ends_with('ه') && !(preposition && (after_modifier || s.starts_with('ل')))
                };
                // a name set off by commas opens with a known given name
                let apposed =
                    j < words.len() && !words[j].joined && comma_between(t, &words, j - 1);
                let given = words.get(j).is_some_and(|w| {
                    let s = &t[w.start..w.end];
                    let alone = !words
                        .get(j + 1)
                        .is_some_and(|x| x.joined && self.name_word(t, x));
                    let next_definite = words
                        .get(j + 1)
                        .is_some_and(|x| x.joined && t[x.start..x.end].starts_with("ال"));
                    (w.joined || apposed)
                        && ((self.name_word(t, w)
                            && (self.given_names.contains(s)
                                || (definite
                                    && !apposed
                                    && shaped_as_name(s)
                                    && self.may_open_name(s, alone, next_definite))))
                            || (!alone && is_ali(s, original(w))))
                });
                if given {
                    k = j + 1;
                    // عبد الله، أبو بكر: the second part of a compound given name may be any word
                    let compound = ["عبد", "ابو", "ابن", "بن", "ام"]
                        .contains(&&t[words[j].start..words[j].end]);
                    if compound && words.get(k).is_some_and(|w| w.joined && !w.taken) {
                        k += 1;
                    }
                    // (one more word when the last is the first half of a
                    // compound: «هيفاء بنت عبد الله»)
                    loop {
                        let last = &t[words[k - 1].start..words[k - 1].end];
                        let half =
                            HALVES.contains(&last) || is_family(last, original(&words[k - 1]));
                        let goes_on = words.get(k).is_some_and(|w| {
                            w.joined
                                && if half {
                                    // the second half may be any word: عبد الله
                                    !w.taken && k < j + 5
                                } else {
                                    k < j + 3
                                        && ((self.name_word(t, w)
                                            && self.may_go_on(
                                                &t[w.start..w.end],
                                                original(w),
                                                k - j,
                                            ))
                                            || is_ali(&t[w.start..w.end], original(w)))
                                }
                        });
                        if !goes_on {
                            break;
                        }
                        k += 1;
                    }
                    if compound && k == j + 1 {
                        k = j; // «عبد» alone is not a name
                    }
                    // (and has two words or more: not «الرئيس الروسي، فلاديمير #بوتين»)
                    let whole = if compound { j + 3 } else { j + 2 };
                    if apposed && (!ends_apposition(&words, k) || k < whole) {
                        k = j;
                    }
                }
                if k > j {
                    found.push(Found::of_words(EntityType::Person, &words, j, k));
                    i = k;
                    continue;
                }
                // the title of a body named right after it, then the person
                // («الناطق باسم كتائب حزب الله جعفر الحسيني», «عضو لجنة الأمن
                // والدفاع النيابية بدر الزيادي», «سفير العراق لدى واشنطن فريد
                // ياسين»): only a known given name opens the name there
                let is_body = |m: usize| {
                    mentions.get(m).is_some_and(|m| {
                        let kind = match listed_entities.get(m.entity) {
                            Some(e) => e.kind,
                            None => EntityType::Person,
                        };
                        matches!(kind, EntityType::Org | EntityType::Loc)
                    })
                };
                if let Some((j, k)) = self.after_body(t, &words, j, (text, norm), is_body) {
                    found.push(Found::of_words(EntityType::Person, &words, j, k));
                    i = k;
                    continue;
                }
            }
            // people listed after «بينهم» and the like, a name after «اسمها»
            if let Some((j, k)) = self.listed_or_named_at(t, &words, i, (text, norm)) {
                found.push(Found::of_words(EntityType::Person, &words, j, k));
                i = k;
                continue;
            }
            // (most words open neither of the next two)
            let opener = self.opener_ends.may_hold(&t[words[i].start..words[i].end]);
            // a person between a verb of saying and his title
            if let Some((j, k)) = opener
                .then(|| self.speaker_at(t, &words, i, (text, norm)))
                .flatten()
            {
                found.push(Found::of_words(EntityType::Person, &words, j, k));
                i = k;
                continue;
            }
            // a body of a state named by the state's adjective
            if let Some((f, adjective)) = opener
                .then(|| self.state_body_at(t, &words, i, mentions))
                .flatten()
            {
                found.push(f);
                // (the adjective may still open a person: «ضابط المخابرات
                // الليبي عبد الباسط المقرحي»)
                words[adjective].taken = true;
                i = adjective;
                if let Some((j, k)) = self.named_at(t, &words, i + 1, (text, norm), false) {
                    found.push(Found::of_words(EntityType::Person, &words, j, k));
                    i = k;
                    continue;
                }
                i += 1;
                continue;
            }
            // a news outlet or another organization named in quotes after
            // its kind
            if let Some((j, k)) = self.media_at(t, &words, i) {
                found.push(Found::of_words(EntityType::Org, &words, j, k));
                i = k;
                continue;
            }
            let s = &t[words[i].start..words[i].end];
            // a person opened by a given name that is only a name, with a
            // name word after it: «مايكل أوهانلون»، «ولاري بيج»
            if !words[i].taken
                && self.foreign_given.contains(s)
                && let Some((j, mut k)) = self.named_at(t, &words, i, (text, norm), true)
            {
                // The given name and a surname written in Arabic letters,
                // not a noun in ة: «والتر غروبيوس» of «والتر غروبيوس مكتوبة»,
                // «ستانلي» of «ستانلي برنامج». A third word only after a
                // particle of names: «روبرت دي نيرو»، «فيرجيل فان ديك».
                let text = |x: usize| &t[words[x].start..words[x].end];
                let surname = |x: usize| {
                    let w = text(x);
                    w.chars()
                        .next()
                        .is_some_and(|c| ('\u{0621}'..='\u{064A}').contains(&c))
                        && !w.starts_with("ال")
                        && !w.ends_with('ه')
                };
                k = match () {
                    _ if k >= j + 3 && NAME_PARTICLES.contains(&text(j + 1)) && surname(j + 2) => {
                        j + 3
                    }
                    // (a hyphenated surname: «لوسيندا ميثوين-كامبل»)
                    _ if k >= j + 3
                        && surname(j + 1)
                        && surname(j + 2)
                        && &t[words[j + 1].end..words[j + 2].start] == "-" =>
                    {
                        j + 3
                    }
                    _ if surname(j + 1) && !NAME_PARTICLES.contains(&text(j + 1)) => j + 2,
                    _ => j,
                };
                if k < j + 2 {
                    i += 1;
                    continue;
                }
                found.push(Found::of_words(EntityType::Person, &words, j, k));
                i = k;
                continue;
            }
            // a person by his kunya, أبو and a known given name, and a
            // definite nisba after it: «أبو همام»، «وأبو محمد الحديدي»، «أبو
            // زيد العراقي» (places so named, أبو ظبي، أبو غريب, are listed)
            let kunya = match s {
                "ابو" => Some(0),
                "وابو" | "فابو" => Some('و'.len_utf8()),
                _ => None,
            };
            if !words[i].taken
                && let Some(skip) = kunya
                && !(i > 0 && {
                    let before = &t[words[i - 1].start..words[i - 1].end];
                    NOT_KUNYA_AFTER.contains(&before)
                        || self.is_head(EntityType::Loc, before)
                        || self.is_head(EntityType::Base, before)
                })
                && words.get(i + 1).is_some_and(|w| {
                    let n = &t[w.start..w.end];
                    w.joined
                        && !w.taken
                        && self.given_names.contains(n)
                        && (n != "علي" || is_ali(n, original(w)))
                })
            {
                let mut k = i + 2;
                // «أبو عبد الله»: the second half of a compound name
                if &t[words[i + 1].start..words[i + 1].end] == "عبد" {
                    if !words.get(k).is_some_and(|w| w.joined && !w.taken) {
                        i += 1;
                        continue;
                    }
                    k += 1;
                }
                if words.get(k).is_some_and(|w| {
                    let n = &t[w.start..w.end];
                    w.joined
                        && !w.taken
                        && n.starts_with("ال")
                        && n.ends_with('ي')
                        && n.chars().count() >= 5
                        && self.name_word(t, w)
                        || (w.joined && !w.taken && self.nationalities.contains(n))
                }) {
                    k += 1;
                }
                // a family name in أبو after a given name is a part of the
                // name: «محمود أبو زيد»، «نصر حامد أبو زيد»
                let mut from = i;
                while skip == 0
                    && from > 0
                    && from + 3 > i
                    && words[from].joined
                    && self.name_word(t, &words[from - 1])
                    && self
                        .given_names
                        .contains(&t[words[from - 1].start..words[from - 1].end])
                    && !["باسم", "اسم", "بلقب", "لقب"]
                        .contains(&&t[words[from - 1].start..words[from - 1].end])
                {
                    from -= 1;
                }
                let mut f = Found::of_words(EntityType::Person, &words, from, k);
                if from == i {
                    f.start += skip;
                }
                found.push(f);
                i = k;
                continue;
            }
            // a person after a nationality used as a noun: «شن الإسباني فرناندو
            // ألونسو»، «على الألماني مايكل شوماخر»
            if !words[i].taken
                && self.nationalities.contains(s)
                && let Some((j, k)) = self.named_at(t, &words, i + 1, (text, norm), false)
            {
                found.push(Found::of_words(EntityType::Person, &words, j, k));
                i = k;
                continue;
            }
            // a body named by its head word and a place: «مجلس منبج
            // العسكري»، «مركز إدلب الإعلامي» (with an adjective of the نسبة
            // form after the place), «جامعة بغداد»، «إذاعة موسكو»، «شرطة دبي»
            // (a listed place and its adjective make it sure enough for
            // either scope)
            if let Some((kind, j, k)) =
                self.body_of_place_at(t, &words, i, mentions, listed_entities)
            {
                found.push(Found {
                    kind,
                    start: j,
                    end: words[k - 1].end,
                });
                i = k;
                continue;
            }
            // an organization, base or place after its head word
            let w = &words[i];
            let head = [EntityType::Org, EntityType::Base, EntityType::Loc]
                .into_iter()
                .find(|&kind| {
                    self.scope == Scope::All
                        && !w.taken
                        && self.is_head(kind, &t[w.start..w.end])
                        && !t[w.start..].starts_with("ال")
                });
            if let Some(kind) = head {
                // an organization's or a base's name is definite (حزب الدعوة،
                // فريق الوداد البيضاوي); a place's is one word without the article
                let max = if kind == EntityType::Loc { 1 } else { 3 };
                let mut k = i + 1;
                while k < words.len() && k <= i + max && words[k].joined && !words[k].taken {
                    let s = &t[words[k].start..words[k].end];
                    let definite = s.starts_with("ال") || s.starts_with("وال");
                    // a place's name is no adjective of the نسبة form (منطقة أمنية)
                    let shape = if kind == EntityType::Loc {
                        !definite
                            && !self.defences.is_common(s)
                            && !s.ends_with("يه")
                            && !s.ends_with("ي")
                            && !self.verb_or_phrase(s)
                    } else {
                        definite
                    };
                    let ok = s.chars().count() >= 2
                        && s.chars().all(is_letter)
                        && shape
                        && !(k == i + 1 && self.nationalities.contains(s));
                    if !ok {
                        break;
                    }
                    k += 1;
                }
                if k > i + 1 {
                    // the head is part of an organization's or a base's name (not
                    // its و/ف), not of a place's
                    let conj = t[w.start..].starts_with(['و', 'ف'])
                        && !self.is_head_bare(kind, &t[w.start..w.end]);
                    let start = if kind == EntityType::Loc {
                        words[i + 1].start
                    } else if conj {
                        w.start + 'و'.len_utf8()
                    } else {
                        w.start
                    };
                    found.push(Found {
                        kind,
                        start,
                        end: words[k - 1].end,
                    });
                    i = k;
                    continue;
                }
            }
            i += 1;
        }
        self.list_items(
            t,
            (text, norm),
            &words,
            mentions,
            listed_entities,
            &mut found,
        );
        if found.is_empty() {
            return Vec::new();
        }

        // a name found over a listed one (an adjective read as its country)
        // replaces it
        mentions.retain(|m| {
            !found
                .iter()
                .any(|f| f.start < m.folded_end && m.folded_start < f.end)
        });
        // entities, one a folded name, and their repetitions
        let mut entities: Vec<Entity> = Vec::new();
        let mut spans: Vec<(usize, usize, usize)> = Vec::new(); // folded span, entity index
        let mut index: HashMap<(EntityType, String), usize> = HashMap::new();
        // the folded name of each entity
        let mut names: Vec<String> = Vec::new();
        for f in &found {
            // a name behind للـ starts at the second lam: it is named with
            // its article («للمنتخب البلجيكي» is «المنتخب البلجيكي»)
            let word = words.partition_point(|w| w.end <= f.start);
            let contracted = t[f.start..].starts_with('ل')
                && words
                    .get(word)
                    .is_some_and(|w| matches!(&t[w.start..f.start], "ل" | "ول" | "فل"));
            let folded = if contracted {
                format!("ا{}", &t[f.start..f.end])
            } else {
                t[f.start..f.end].to_string()
            };
            let e = *index.entry((f.kind, folded.clone())).or_insert_with(|| {
                names.push(folded.clone());
                let (a, b) = norm.original_span(f.start, f.end);
                let prefix = match f.kind {
                    EntityType::Person => "per",
                    EntityType::Org => "org",
                    EntityType::Base => "base",
                    EntityType::Loc => "loc",
                };
                entities.push(Entity {
                    id: format!("disc.{prefix}.{}", folded.replace(' ', "_")),
                    kind: f.kind,
                    canonical: {
                        let written = text[a..b].split_whitespace().collect::<Vec<_>>().join(" ");
                        if contracted {
                            format!("ا{written}")
                        } else {
                            written
                        }
                    },
                    wikidata: None,
                    cues: Vec::new(),
                    note: "discovered".into(),
                    offices: Vec::new(),
                    origin: Default::default(),
                    imported: false,
                    discovered: true,
                });
                entities.len() - 1
            });
            spans.push((f.start, f.end, e));
        }
        // the same names elsewhere in the document; a person also by the last word
        let first_at: Vec<usize> = (0..entities.len())
            .map(|e| spans.iter().find(|s| s.2 == e).map_or(0, |s| s.0))
            .collect();
        let after_quote = |at: usize| {
            t[..at]
                .trim_end_matches(' ')
                .ends_with(|c: char| OPENING_QUOTES.iter().any(|q| q.starts_with(c)))
        };
        // the last two bytes of every free word (0: none)
        let ends_of = |b: &[u8]| match b {
            [.., y, z] => u16::from_le_bytes([*y, *z]),
            _ => 0,
        };
        let word_ends: Vec<u16> = words
            .iter()
            .map(|w| {
                if w.taken {
                    0
                } else {
                    ends_of(&t.as_bytes()[w.start..w.end])
                }
            })
            .collect();
        for (e, ent) in entities.iter().enumerate() {
            let full = names[e].clone();
            // an outlet named by one word that is also a common word or a
            // definite noun («"الحياة"»، «"العرب"») is that outlet again only
            // in quotes
            let quoted_only = ent.kind == EntityType::Org
                && after_quote(first_at[e])
                && !full.contains(' ')
                && (full.starts_with("ال")
                    || full.chars().count() <= 3
                    || self.defences.is_common(&full));
            let mut forms = vec![(full.clone(), false)];
            // (not the second half of a compound, «العظيم» of «حازم عبد
            // العظيم», nor a word of the language, «الهجوم»)
            let parts: Vec<&str> = full.split(' ').collect();
            let after_half = parts.len() >= 2 && HALVES.contains(&parts[parts.len() - 2]);
            if ent.kind == EntityType::Person
                && !after_half
                && let Some(last) = full.rsplit(' ').next().filter(|l| {
                    full.contains(' ')
                        && l.chars().count() >= 3
                        && !self.defences.is_common(l)
                        && !self.defences.is_common(l.strip_prefix("ال").unwrap_or(l))
                })
            {
                forms.push((last.to_string(), true));
            }
            for (form, after_only) in forms {
                let n = form.split(' ').count();
                let head = form.split(' ').next().unwrap_or("");
                // what every word that reads as `head` ends with, proclitics
                // and للـ for الـ aside
                let tail = head.strip_prefix('ا').unwrap_or(head);
                // (its last two bytes first: most words end otherwise, and
                // this runs over every word for every name found)
                // (by the last two bytes first: this runs over every word for
                // every name found; a shorter tail, over every word)
                let want = ends_of(tail.as_bytes());
                let candidates = (0..words.len()).filter(|&k| want == 0 || word_ends[k] == want);
                for k in candidates {
                    let w = &words[k];
                    if w.taken || k + n > words.len() {
                        continue;
                    }
                    let first = &t[w.start..w.end];
                    if !first.ends_with(tail) {
                        continue;
                    }
                    let Some(lead) = word_forms(first)
                        .find(|f| f.as_ref() == head)
                        .map(|f| first.len() - f.len())
                    else {
                        continue;
                    };
                    // (علي again only as written so, not the preposition على)
                    if head == "علي" && !is_ali(head, original(w)) {
                        continue;
                    }
                    let rest_ok = form.split(' ').skip(1).enumerate().all(|(x, r)| {
                        let ww = &words[k + 1 + x];
                        ww.joined && !ww.taken && &t[ww.start..ww.end] == r
                    });
                    let (s, end) = (w.start + lead, words[k + n - 1].end);
                    if !rest_ok
                        || (after_only && s < first_at[e])
                        || (quoted_only && !after_quote(s))
                        || spans.iter().any(|x| x.0 < end && s < x.1)
                    {
                        continue;
                    }
                    if t[end..].chars().next().is_some_and(is_word_char) {
                        continue;
                    }
                    spans.push((s, end, e));
                }
            }
        }
        spans.sort();
        let mut cps = CodePoints::new(text);
        for (s, e, ent) in spans {
            let (byte_start, byte_end) = norm.original_span(s, e);
            mentions.push(Mention {
                start: cps.at(byte_start),
                end: cps.at(byte_end),
                byte_start,
                byte_end,
                folded_start: s,
                folded_end: e,
                entity: listed + ent,
            });
        }
        mentions.sort_by_key(|m| m.folded_start);
        entities
    }
}
