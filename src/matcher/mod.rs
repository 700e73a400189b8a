//! From gazetteer to mentions: the automaton, Arabic word boundaries,
//! proclitics, overlaps and the context that ambiguous names need.
//!
//! Every alias is folded (see [`crate::normalize`]) and compiled, in each of
//! its spellings, into one automaton whose alphabet is the gazetteer's words
//! (see [`words`]: the goto function of an Aho-Corasick automaton over words;
//! walks are anchored, so it needs no failure links). A document is folded
//! the same way, and the automaton is walked from every word start and from
//! every point behind a proclitic (و ف ب ل ك and their pairs), so that a
//! walk costs a hash probe per word the text agrees with some alias, and a
//! name is never found inside a word. For an alias with the article, the
//! li + al contraction (للقوات for ل + القوات) is compiled as its own pattern
//! (لقوات) that only counts behind a lam proclitic; its span starts at the
//! second lam, as SPEC.md asks.

use rustc_hash::FxHashMap as HashMap;

mod words;

use crate::error::Error;
use crate::gazetteer::{Defences, Entity, EntityType, Gazetteer};
use crate::normalize::{Normalized, fold, is_word_char, word_forms};
use crate::offsets::CodePoints;
use words::WordTrie;

/// A name found in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Code point offsets into the document text, end exclusive.
    pub start: usize,
    pub end: usize,
    /// Byte offsets of the same span.
    pub byte_start: usize,
    pub byte_end: usize,
    /// Byte offsets of the match in the folded view ([`Normalized::text`]):
    /// the whole alias, with the kind word or title before the name that
    /// the span above leaves out («تنظيم القاعدة» for «القاعدة», see
    /// [`KIND_WORDS`]), which the relation rules read as part of the name.
    pub folded_start: usize,
    pub folded_end: usize,
    /// Index of the entity in [`Matcher::entities`].
    pub entity: usize,
}

impl Mention {
    /// The mention's text in the document it was found in.
    pub fn text<'a>(&self, document: &'a str) -> &'a str {
        &document[self.byte_start..self.byte_end]
    }
}

/// The entities a document's mentions and triples refer to by index: the
/// gazetteer's, then those discovered in the document.
#[derive(Debug, Clone, Copy)]
pub struct EntityTable<'a> {
    pub listed: &'a [Entity],
    pub discovered: &'a [Entity],
}

impl<'a> EntityTable<'a> {
    pub fn get(&self, index: usize) -> &'a Entity {
        match index.checked_sub(self.listed.len()) {
            None => &self.listed[index],
            Some(k) => &self.discovered[k],
        }
    }

    /// The entity of a mention.
    pub fn of(&self, mention: &Mention) -> &'a Entity {
        self.get(mention.entity)
    }
}

/// One entity a compiled pattern may stand for.
#[derive(Debug, Clone, Copy)]
struct Target {
    entity: u32,
    /// Needs a cue or an earlier mention of the entity.
    ambiguous: bool,
    /// The li + al form: only behind a lam proclitic.
    after_lam: bool,
    /// Folded bytes at the start of the alias that are not part of the name
    /// (see [`KIND_WORDS`]): «تنظيم » of «تنظيم القاعدة».
    trim: u16,
}

/// Words that open an alias before a name that is itself an alias of the
/// same entity: the kind of a body (تنظيم القاعدة، وكالة فرانس برس، حركة
/// طالبان), of a place (دولة الكويت، جزيرة سقطرى) or a title (الأمير محمد
/// بن سلمان). A mention covers the name, not these words, as the gold of
/// the seeds and of the ANT articles does (تنظيم «داعش»، وكالة «أسوشيتد
/// برس»); names whose kind word is part of them in common use are left
/// alone: قاعدة عين الأسد، قوات البيشمركة، إقليم كردستان, and a name whose
/// rest opens with a common word (تنظيم الدولة الإسلامية). Folded.
/// The kinds of an administrative area before a place's name, which the
/// mention leaves out when that name is itself a place's alias («في
/// محافظة الأنبار»: SPEC.md reads «في محافظة» as the cue and «الأنبار» as
/// the place). Not مدينة, إقليم: «مدينة الصدر»، «إقليم كردستان» are names.
/// Folded.
const AREA_WORDS: [&str; 6] = ["محافظه", "منطقه", "ولايه", "مديريه", "قضاء", "ناحيه"];

pub const KIND_WORDS: [&str; 16] = [
    "تنظيم",
    "حركه",
    "جماعه",
    "منظمه",
    "وكاله",
    "قناه",
    "صحيفه",
    "دوله",
    "جزيره",
    "الامير",
    "الاميره",
    "الملك",
    "الملكه",
    "الشيخ",
    "الشيخه",
    "السلطان",
];

#[derive(Debug, Clone, Default)]
struct Pattern {
    targets: Vec<Target>,
}

/// Finds the mentions of a gazetteer's entities in text. Build once, share
/// across threads.
#[derive(Debug, Clone)]
pub struct Matcher {
    trie: WordTrie,
    patterns: Vec<Pattern>,
    entities: Vec<Entity>,
    defences: Defences,
    /// The type cues of the defences, by their last word, in
    /// [`EntityType::ALL`] order.
    type_cue_index: [HashMap<String, Vec<String>>; 4],
    /// One-word nationality adjectives: never a surname on their own.
    nationality_words: rustc_hash::FxHashSet<String>,
    /// Words a caller watches (see [`Matcher::watch`]), by vocabulary id:
    /// the number the caller gave the word, or [`UNWATCHED`].
    watched: Vec<u32>,
    /// The same for the li + al form: «لقوات» behind a lam is «القوات».
    watched_after_lam: Vec<u32>,
    /// Words a caller wants the places of (see [`Matcher::mark`]), by
    /// vocabulary id, and the same for the li + al form.
    marked: Vec<bool>,
    marked_after_lam: Vec<bool>,
}

const UNWATCHED: u32 = u32::MAX;

/// A watched word (see [`Matcher::watch`]) where it stands in the folded
/// text: the byte span of the whole word there, proclitics included, and
/// the number of the word in the watched list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordHit {
    pub start: u32,
    pub end: u32,
    pub word: u32,
}

/// A pattern that matched at a place where its boundaries hold.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    /// Start of the word the match is in (before any proclitic).
    word: usize,
    start: usize,
    end: usize,
    pattern: u32,
    /// The proclitics before `start` end in a lam.
    after_lam: bool,
    /// Behind the preposition ل, one word of three letters that opens with
    /// ل: «للحج» reads as li + al + حج (for the hajj) far more often than
    /// as ل + لحج (to Lahij), so it stands only for names with the article.
    lam_reading: bool,
}

/// How a candidate may be taken: by which of its targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Support {
    /// Only ambiguous targets, no cue: needs an earlier mention.
    Weak,
    /// An unambiguous target.
    Listed,
    /// An ambiguous target confirmed by a cue right before it.
    Cued,
}

/// Proclitic letters that may open a word before a name: a conjunction
/// (و، ف), then a preposition (ب، ل، ك).
const CONJUNCTIONS: [char; 2] = ['و', 'ف'];
const PREPOSITIONS: [char; 3] = ['ب', 'ل', 'ك'];

impl Matcher {
    /// Compiles a gazetteer.
    pub fn new(gazetteer: &Gazetteer) -> Result<Matcher, Error> {
        let mut index: HashMap<String, usize> = HashMap::default();
        let mut keys: Vec<String> = Vec::new();
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut add = |key: String, target: Target| {
            // a name is found between word boundaries: punctuation around
            // an alias is not part of it
            let key = key.trim_matches(|c: char| !is_word_char(c));
            if key.is_empty() {
                return;
            }
            let i = *index.entry(key.to_string()).or_insert_with(|| {
                keys.push(key.to_string());
                patterns.push(Pattern::default());
                patterns.len() - 1
            });
            let targets = &mut patterns[i].targets;
            match targets
                .iter_mut()
                .find(|t| t.entity == target.entity && t.after_lam == target.after_lam)
            {
                // one unambiguous alias makes the pair unambiguous
                Some(t) => t.ambiguous &= target.ambiguous,
                None => targets.push(target),
            }
        };
        for alias in gazetteer.aliases() {
            let folded = fold(&alias.text);
            if folded.is_empty() {
                continue;
            }
            let mut ambiguous = alias.ambiguous;
            let entity = &gazetteer.entities()[alias.entity];
            if entity.imported {
                match gazetteer.defences().judge(entity.kind, &folded) {
                    None => continue,
                    Some(needs_evidence) => ambiguous |= needs_evidence,
                }
            }
            for spelling in gazetteer.variants().spellings(&folded) {
                let entity = alias.entity as u32;
                if let Some(rest) = spelling
                    .strip_prefix("ال")
                    .filter(|r| r.chars().next().is_some_and(is_word_char))
                {
                    add(
                        format!("ل{rest}"),
                        Target {
                            entity,
                            ambiguous,
                            after_lam: true,
                            trim: 0,
                        },
                    );
                }
                add(
                    spelling,
                    Target {
                        entity,
                        ambiguous,
                        after_lam: false,
                        trim: 0,
                    },
                );
            }
        }
        // Entities in gazetteer order break ties between shared aliases.
        for p in &mut patterns {
            p.targets.sort_by_key(|t| (t.entity, t.after_lam));
        }
        let defences = gazetteer.defences().clone();
        // The words before the name that a mention leaves out (see
        // [`KIND_WORDS`], [`AREA_WORDS`]): an alias «KIND REST» whose REST
        // is an alias too has its targets trimmed by «KIND ».
        for (k, key) in keys.iter().enumerate() {
            let Some((first, rest)) = key.split_once(' ') else {
                continue;
            };
            // (the li + al form of a title: «لامير» of «للأمير»)
            let kind = |after_lam: bool| match after_lam {
                true => first
                    .strip_prefix('ل')
                    .is_some_and(|f| KIND_WORDS.contains(&format!("ال{f}").as_str())),
                false => KIND_WORDS.contains(&first),
            };
            let Some(&r) = index.get(rest) else { continue };
            let rest_first = rest.split(' ').next().unwrap_or(rest);
            if rest.contains(' ') && defences.is_common(rest_first) {
                continue;
            }
            let same: Vec<u32> = patterns[r]
                .targets
                .iter()
                .filter(|t| !t.after_lam)
                .map(|t| t.entity)
                .collect();
            let rest_is_place = same
                .iter()
                .any(|&e| gazetteer.entities()[e as usize].kind == EntityType::Loc);
            for t in &mut patterns[k].targets {
                let entity = &gazetteer.entities()[t.entity as usize];
                let titled = kind(t.after_lam) && same.contains(&t.entity);
                // a governorate or a district is its own entity, named by
                // the name of the place it is around: «محافظة إدلب» is the
                // mention «إدلب» of the governorate
                let area = !t.after_lam && AREA_WORDS.contains(&first) && rest_is_place;
                if (titled || (area && entity.kind == EntityType::Loc))
                    && entity.kind != EntityType::Base
                {
                    t.trim = (first.len() + 1) as u16;
                }
            }
        }
        let trie = WordTrie::new(&keys);
        let mut type_cue_index: [HashMap<String, Vec<String>>; 4] = Default::default();
        for (k, kind) in EntityType::ALL.iter().enumerate() {
            for cue in defences.type_cues(*kind) {
                let words = cue.trim_end_matches(|ch: char| !is_word_char(ch));
                let last = &words[words.trim_end_matches(is_word_char).len()..];
                type_cue_index[k]
                    .entry(last.to_string())
                    .or_default()
                    .push(cue.clone());
            }
        }
        Ok(Matcher {
            trie,
            patterns,
            entities: gazetteer.entities().to_vec(),
            defences,
            type_cue_index,
            nationality_words: crate::gazetteer::bundled::nationality_words(),
            watched: Vec::new(),
            watched_after_lam: Vec::new(),
            marked: Vec::new(),
            marked_after_lam: Vec::new(),
        })
    }

    /// Asks [`Matcher::find_watching`] to report the folded words of
    /// `words`, word `i` as `i`, wherever a word of the text reads as one
    /// of them in the way [`word_forms`] reads words (alone, behind و/ف,
    /// behind ب/ل/ك, للـ as ل + الـ). The matcher looks every word of the
    /// text up in its vocabulary anyway: a caller that needs cue words
    /// (the relation rules) gets them without a second pass. Replaces any
    /// earlier list.
    pub fn watch<S: AsRef<str>>(&mut self, words: &[S]) {
        self.watched.clear();
        self.watched_after_lam.clear();
        for (i, w) in words.iter().enumerate() {
            let w = w.as_ref();
            let id = self.trie.word_id(w) as usize;
            let lam_form = w.strip_prefix("ال").map(|rest| format!("ل{rest}"));
            let lam_id = lam_form.map(|f| self.trie.word_id(&f) as usize);
            let len = self.trie.vocabulary_len();
            self.watched.resize(len, UNWATCHED);
            self.watched_after_lam.resize(len, UNWATCHED);
            self.watched[id] = i as u32;
            if let Some(l) = lam_id {
                self.watched_after_lam[l] = i as u32;
            }
        }
    }

    /// Asks [`Matcher::find_marking`] for the words of the text that read
    /// as one of `words` (as [`Matcher::watch`] reads them), by where they
    /// start: discovery looks only there for the titles and adjectives that
    /// open a name. Replaces any earlier list; the watched words stay.
    pub fn mark<S: AsRef<str>>(&mut self, words: &[S]) {
        self.marked.clear();
        self.marked_after_lam.clear();
        for w in words {
            let w = w.as_ref();
            let id = self.trie.word_id(w) as usize;
            let lam_form = w.strip_prefix("ال").map(|rest| format!("ل{rest}"));
            let lam_id = lam_form.map(|f| self.trie.word_id(&f) as usize);
            let len = self.trie.vocabulary_len();
            self.marked.resize(len, false);
            self.marked_after_lam.resize(len, false);
            self.marked[id] = true;
            if let Some(l) = lam_id {
                self.marked_after_lam[l] = true;
            }
        }
    }

    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The entity of a mention of a listed entity (as [`Matcher::find`]
    /// gives); for an analysis with discovered names, use its table.
    pub fn entity(&self, mention: &Mention) -> &Entity {
        &self.entities[mention.entity]
    }

    /// The defences it was built with.
    pub fn defences(&self) -> &Defences {
        &self.defences
    }

    /// The table of the listed entities alone.
    pub fn table(&self) -> EntityTable<'_> {
        EntityTable {
            listed: &self.entities,
            discovered: &[],
        }
    }

    /// The number of compiled patterns (aliases in all their spellings).
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// Every mention in `text`, in order, none overlapping.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        self.find_normalized(text, &Normalized::new(text))
    }

    /// As [`Matcher::find`], given the folded view of `text` already made.
    pub fn find_normalized(&self, text: &str, norm: &Normalized) -> Vec<Mention> {
        self.find_inner(text, norm, None, None)
    }

    /// As [`Matcher::find_normalized`], with the watched words (see
    /// [`Matcher::watch`]) where they stand, in text order.
    pub fn find_watching(&self, text: &str, norm: &Normalized) -> (Vec<Mention>, Vec<WordHit>) {
        let mut hits = Vec::new();
        let mentions = self.find_inner(text, norm, Some(&mut hits), None);
        (mentions, hits)
    }

    /// As [`Matcher::find_watching`] (the hits only when `watching`), with
    /// the folded starts of the words that read as a marked word (see
    /// [`Matcher::mark`]), in text order.
    pub fn find_marking(
        &self,
        text: &str,
        norm: &Normalized,
        watching: bool,
    ) -> (Vec<Mention>, Vec<WordHit>, Vec<u32>) {
        let mut hits = Vec::new();
        let mut marks = Vec::new();
        let mentions = self.find_inner(text, norm, watching.then_some(&mut hits), Some(&mut marks));
        (mentions, hits, marks)
    }

    fn find_inner(
        &self,
        text: &str,
        norm: &Normalized,
        hits: Option<&mut Vec<WordHit>>,
        marks: Option<&mut Vec<u32>>,
    ) -> Vec<Mention> {
        let candidates = self.candidates(norm, hits, marks);
        let chosen = self.choose(norm, candidates);
        let chosen = self.short_forms(norm, chosen);
        let mut cps = CodePoints::new(text);
        chosen
            .into_iter()
            .map(|(c, entity)| {
                // (a short form has no pattern of its own)
                let trim = self
                    .patterns
                    .get(c.pattern as usize)
                    .and_then(|p| {
                        p.targets
                            .iter()
                            .find(|t| t.entity == entity && (!t.after_lam || c.after_lam))
                    })
                    .map_or(0, |t| t.trim as usize);
                let end = c.end + self.country_after(&norm.text, entity, c.end);
                let (byte_start, byte_end) = norm.original_span(c.start + trim, end);
                let start = cps.at(byte_start);
                let end = cps.at(byte_end);
                Mention {
                    start,
                    end,
                    byte_start,
                    byte_end,
                    folded_start: c.start,
                    folded_end: c.end,
                    entity: entity as usize,
                }
            })
            .collect()
    }

    /// Folded bytes after a mention of entity `entity` ending at `end` that
    /// belong to it: a nationality adjective right after a body the
    /// gazetteer names without its country (an id ending in
    /// `_unspecified`: «وزارة الدفاع» of «وزارة الدفاع الفرنسية»), which
    /// is then that country's body. 0 when none.
    fn country_after(&self, t: &str, entity: u32, end: usize) -> usize {
        let e = &self.entities[entity as usize];
        if e.kind != EntityType::Org || !e.id.ends_with("_unspecified") {
            return 0;
        }
        let Some(rest) = t[end..].strip_prefix(' ') else {
            return 0;
        };
        let word = &rest[..rest.len() - rest.trim_start_matches(is_word_char).len()];
        match self.nationality_words.contains(word) {
            true => 1 + word.len(),
            false => 0,
        }
    }

    /// Every place in the folded text where a pattern matches between word
    /// boundaries, behind nothing or behind proclitics; and the watched
    /// words, when `hits` is given.
    fn candidates(
        &self,
        n: &Normalized,
        mut hits: Option<&mut Vec<WordHit>>,
        mut marks: Option<&mut Vec<u32>>,
    ) -> Vec<Candidate> {
        let t = n.text.as_str();
        let mut out = Vec::new();
        // every word is looked up once, whole: a walk goes on by these ids
        let ids: Vec<u32> = n
            .words()
            .iter()
            .map(|w| self.trie.word(&t[w.range()]).unwrap_or(words::NONE))
            .collect();
        for (k, w) in n.words().iter().enumerate() {
            for (start, after_lam) in entry_points(t, w.range()) {
                let form = &t[start..w.end as usize];
                let id = if start == w.start as usize {
                    ids[k]
                } else {
                    self.trie.word(form).unwrap_or(words::NONE)
                };
                if id == words::NONE {
                    continue;
                }
                let whole = start == w.start as usize;
                if let Some(hits) = hits.as_deref_mut() {
                    self.note_watched(id, form, whole, after_lam, w, hits);
                }
                if let Some(marks) = marks.as_deref_mut()
                    && marks.last() != Some(&w.start)
                    && self.is_marked(id, form, whole, after_lam)
                {
                    marks.push(w.start);
                }
                if let Some(node) = self.trie.open_id(id) {
                    self.walk(n, &ids, k, start, after_lam, node, &mut out);
                }
            }
        }
        out
    }

    /// True when the form of a word with vocabulary id `id` reads as a
    /// marked word, as [`Matcher::note_watched`] reads watched ones.
    fn is_marked(&self, id: u32, form: &str, whole: bool, after_lam: bool) -> bool {
        let id = id as usize;
        (self.marked.get(id) == Some(&true) && (whole || form.chars().nth(1).is_some()))
            || (self.marked_after_lam.get(id) == Some(&true)
                && after_lam
                && form.chars().nth(2).is_some())
    }

    /// Notes the watched words that the form of a word with vocabulary id
    /// `id` reads as, as [`word_forms`] reads them: a form behind
    /// proclitics needs two letters or more, and behind a lam, لX stands
    /// for الX when X has two or more.
    fn note_watched(
        &self,
        id: u32,
        form: &str,
        whole: bool,
        after_lam: bool,
        w: &crate::normalize::Word,
        hits: &mut Vec<WordHit>,
    ) {
        let mut note = |word: u32| {
            hits.push(WordHit {
                start: w.start,
                end: w.end,
                word,
            })
        };
        let id = id as usize;
        if let Some(&word) = self.watched.get(id)
            && word != UNWATCHED
            && (whole || form.chars().nth(1).is_some())
        {
            note(word);
        }
        if let Some(&word) = self.watched_after_lam.get(id)
            && word != UNWATCHED
            && after_lam
            && form.chars().nth(2).is_some()
        {
            note(word);
        }
    }

    /// Walks the trie from word `k` of the text, read from `start` (at or
    /// behind its proclitics) where it leads to `node`, keeping every alias
    /// it completes.
    #[allow(clippy::too_many_arguments)]
    fn walk(
        &self,
        n: &Normalized,
        ids: &[u32],
        k: usize,
        start: usize,
        after_lam: bool,
        mut node: u32,
        out: &mut Vec<Candidate>,
    ) {
        let t = &n.text;
        let words = n.words();
        let word = words[k].start as usize;
        let mut j = k;
        loop {
            if let Some(pattern) = self.trie.pattern(node) {
                let end = words[j].end as usize;
                out.push(Candidate {
                    word,
                    start,
                    end,
                    pattern,
                    after_lam,
                    lam_reading: after_lam
                        && j == k
                        && end - start <= 6
                        && t[start..].starts_with('ل'),
                });
            }
            if !self.trie.has_children(node) || j + 1 >= words.len() {
                return;
            }
            let sep = &t[words[j].end as usize..words[j + 1].start as usize];
            match self.trie.step(node, sep, ids[j + 1]) {
                Some(next) => node = next,
                None => return,
            }
            j += 1;
        }
    }

    /// The targets a candidate may stand for here.
    fn targets<'a>(&'a self, c: &'a Candidate) -> impl Iterator<Item = &'a Target> + 'a {
        self.patterns[c.pattern as usize]
            .targets
            .iter()
            .filter(move |t| (!t.after_lam || c.after_lam) && !(c.lam_reading && !t.after_lam))
    }

    /// A cue of the target's entity stands right before the candidate, or
    /// the target is an organization that opens a dateline
    /// («بغداد اليوم - تقرير», «زاكروس عربية – أربيل»).
    fn cued(&self, n: &Normalized, c: &Candidate, target: &Target, memo: &TypeCueMemo) -> bool {
        let entity = &self.entities[target.entity as usize];
        entity.cues.iter().any(|cue| match cue.strip_prefix('+') {
            Some(after) => cue_after(&n.text, c.end, after),
            None => cue_before(&n.text, c.word, cue),
        }) || (entity.imported
            && *memo
                .borrow_mut()
                .entry((c.word, entity.kind))
                .or_insert_with(|| self.type_cued(n, c, entity.kind)))
            || (entity.kind == EntityType::Org && c.word == c.start && opens_dateline(n, c))
    }

    /// A cue of the type (for names of imported lists) stands before the
    /// candidate: the cues are looked up by the word before it, not tried
    /// one by one (a person has hundreds: every title).
    fn type_cued(&self, n: &Normalized, c: &Candidate, kind: EntityType) -> bool {
        let t = &n.text;
        let before = t[..c.word].trim_end_matches(|ch: char| !is_word_char(ch));
        let last = &before[before.trim_end_matches(is_word_char).len()..];
        if last.is_empty() {
            return false;
        }
        let index =
            &self.type_cue_index[EntityType::ALL.iter().position(|&k| k == kind).unwrap_or(0)];
        word_forms(last)
            .filter_map(|f| index.get(f.as_ref()))
            .flatten()
            .any(|cue| cue_before(t, c.word, cue))
    }

    fn support(&self, t: &Normalized, c: &Candidate, memo: &TypeCueMemo) -> Option<Support> {
        self.targets(c)
            .map(|target| {
                if !target.ambiguous {
                    Support::Listed
                } else if self.cued(t, c, target, memo) {
                    Support::Cued
                } else {
                    Support::Weak
                }
            })
            .max()
    }

    /// An ambiguous place behind و right after a place, set off by a space
    /// or a comma: the next of a list of places («في محافظات ديالى وكركوك
    /// وصلاح الدين»), whose cue stands before the first only.
    fn next_place_of_a_list(
        &self,
        t: &str,
        c: &Candidate,
        chosen: &[(Candidate, u32)],
    ) -> Option<u32> {
        // (not a word that is also an everyday one: «وكيف»، «والدور»)
        if !t[c.word..c.start].starts_with('و') || self.defences.is_common(&t[c.start..c.end]) {
            return None;
        }
        let k = chosen.partition_point(|(p, _)| p.end <= c.word);
        let (before, e) = k.checked_sub(1).map(|j| &chosen[j])?;
        let between = t[before.end..c.word].trim_matches(' ');
        if !(between.is_empty() || between == "،" || between == ",")
            || self.entities[*e as usize].kind != EntityType::Loc
        {
            return None;
        }
        self.targets(c)
            .filter(|target| self.entities[target.entity as usize].kind == EntityType::Loc)
            .map(|target| target.entity)
            .min()
    }

    /// Resolves overlaps (the longest name wins, then the earliest) and
    /// ambiguity; returns the mentions with their entities, in text order.
    fn choose(&self, t: &Normalized, candidates: Vec<Candidate>) -> Vec<(Candidate, u32)> {
        let mut strong: Vec<(Candidate, Support)> = Vec::new();
        let mut weak: Vec<Candidate> = Vec::new();
        // names of imported lists at the same word share their type cue
        let memo = TypeCueMemo::default();
        for c in candidates {
            if reads_as_adjective(t, &c)
                || reads_as_nisba(t, &c)
                || is_given_name_whole(t, &c)
                || opens_idiom(t, &c)
            {
                continue;
            }
            match self.support(t, &c, &memo) {
                Some(Support::Weak) => weak.push(c),
                Some(s) => strong.push((c, s)),
                None => {}
            }
        }
        strong.sort_by_key(|(c, _)| (std::cmp::Reverse(c.end - c.start), c.start));
        let mut covered = Covered::new(t.text.len());
        let mut kept: Vec<Candidate> = Vec::new();
        for (c, _) in strong {
            if covered.take(c.start, c.end) {
                kept.push(c);
            }
        }
        kept.sort_by_key(|c| c.start);

        // Entities in the order the document names them.
        let mut first_seen: HashMap<u32, usize> = HashMap::default();
        let mut chosen: Vec<(Candidate, u32)> = Vec::with_capacity(kept.len());
        let mut full = FullNames::default();
        for c in kept {
            // a one-word person name that ends a full name named before is that person
            if let Some(e) = self.part_of_earlier_name(&t.text, &c, &full) {
                first_seen.entry(e).or_insert(c.start);
                full.add(self, &t.text, &c, e);
                chosen.push((c, e));
                continue;
            }
            let pick = self
                .targets(&c)
                .filter_map(|target| {
                    let cued = self.cued(t, &c, target, &memo);
                    let seen = first_seen.contains_key(&target.entity);
                    (!target.ambiguous || cued || seen)
                        .then_some(((!cued, !seen, target.entity), target.entity))
                })
                .min()
                .map(|(_, e)| e);
            if let Some(e) = pick {
                first_seen.entry(e).or_insert(c.start);
                full.add(self, &t.text, &c, e);
                chosen.push((c, e));
            }
        }

        // Ambiguous names with no cue: taken only after the entity was named.
        weak.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
        let mut covered = Covered::new(t.text.len());
        for (k, _) in &chosen {
            covered.take(k.start, k.end);
        }
        let mut extra: Vec<(Candidate, u32)> = Vec::new();
        for c in weak {
            if !covered.is_free(c.start, c.end) {
                continue;
            }
            let pick = self
                .targets(&c)
                .filter(|target| {
                    first_seen
                        .get(&target.entity)
                        .is_some_and(|&at| at < c.start)
                })
                .map(|target| target.entity)
                .min()
                .or_else(|| self.part_of_earlier_name(&t.text, &c, &full))
                .or_else(|| self.next_place_of_a_list(&t.text, &c, &chosen));
            if let Some(e) = pick {
                covered.take(c.start, c.end);
                extra.push((c, e));
            }
        }
        chosen.extend(extra);
        chosen.sort_by_key(|(c, _)| c.start);
        chosen
    }
}

impl Matcher {
    /// Later mentions of a person named in full by a short form the list
    /// may not have: the surname alone, or the first and last names
    /// («محمد ريكان الحلبوسي» ... «الحلبوسي» ... «محمد الحلبوسي»). A surname
    /// that is a common word or a nationality adjective is not taken alone.
    /// The latest full name a form fits wins.
    fn short_forms(&self, n: &Normalized, chosen: Vec<(Candidate, u32)>) -> Vec<(Candidate, u32)> {
        let t = &n.text;
        // first word of a short form -> (second word if any, where the form
        // starts to count, entity), in the order the full names came
        let mut forms: HashMap<&str, Vec<(Option<&str>, usize, u32)>> = HashMap::default();
        for (c, e) in &chosen {
            if self.entities[*e as usize].kind != EntityType::Person {
                continue;
            }
            let name = &t[c.start..c.end];
            let parts: Vec<&str> = name.split(' ').collect();
            if parts.len() < 2 || !name.chars().all(|ch| ch == ' ' || is_word_char(ch)) {
                continue;
            }
            let (last, before) = (parts[parts.len() - 1], parts[parts.len() - 2]);
            // the last word of a compound (عبد الله، نصر الله، أبو بكر، بن سلمان)
            // is not a surname on its own
            let compound = matches!(
                before,
                "عبد" | "ابو" | "ام" | "ابن" | "بن" | "بنت" | "ال" | "نصر" | "ذو"
            ) || matches!(last, "الله" | "الدين");
            if compound {
                continue;
            }
            if last.chars().nth(2).is_some()
                && !self.defences.is_common(last)
                && !self.nationality_words.contains(last)
            {
                forms.entry(last).or_default().push((None, c.end, *e));
            }
            if parts.len() >= 3 {
                forms
                    .entry(parts[0])
                    .or_default()
                    .push((Some(last), c.end, *e));
            }
        }
        if forms.is_empty() {
            return chosen;
        }
        // Every form read at a word ends where the word ends: a word that
        // does not end as some form does (its last four bytes, two Arabic
        // letters) is passed over without a lookup. Forms are two letters
        // or more; a shorter one (Latin) turns the test off.
        let tail = |s: &str| -> Option<[u8; 4]> { s.as_bytes().last_chunk::<4>().copied() };
        let mut ends: Vec<[u8; 4]> = Vec::new();
        let mut every_end = false;
        for form in forms.keys() {
            match tail(form) {
                Some(end) if !ends.contains(&end) => ends.push(end),
                Some(_) => {}
                None => every_end = true,
            }
        }
        let words = n.words();
        let mut taken: Vec<(usize, usize)> = chosen.iter().map(|(c, _)| (c.start, c.end)).collect();
        let mut extra: Vec<(Candidate, u32)> = Vec::new();
        let mut li_al = String::new();
        for (k, w) in words.iter().enumerate() {
            let w_end = w.end as usize;
            if !every_end && !tail(&t[w.range()]).is_some_and(|end| ends.contains(&end)) {
                continue;
            }
            for (start, after_lam) in entry_points(t, w.range()) {
                let here = &t[start..w_end];
                let mut options = forms.get(here).into_iter().flatten().collect::<Vec<_>>();
                if after_lam && here.starts_with('ل') {
                    // للحلبوسي: ل + الحلبوسي
                    li_al.clear();
                    li_al.push('ا');
                    li_al.push_str(here);
                    options.extend(forms.get(li_al.as_str()).into_iter().flatten());
                    options.sort_by_key(|(_, from, _)| *from);
                }
                let next = words.get(k + 1).filter(|v| v.start as usize == w_end + 1);
                // two words before one, then the latest full name it fits
                let found = options
                    .iter()
                    .filter(|(_, from, _)| *from <= start)
                    .filter_map(|&&(second, _, e)| match second {
                        Some(last) => next
                            .filter(|v| &t[v.range()] == last)
                            .map(|v| (v.end as usize, e)),
                        None => Some((w_end, e)),
                    })
                    .max_by_key(|&(end, _)| end);
                if let Some((end, e)) = found {
                    if !taken.iter().any(|&(a, b)| start < b && a < end) {
                        taken.push((start, end));
                        extra.push((
                            Candidate {
                                word: w.start as usize,
                                start,
                                end,
                                pattern: u32::MAX,
                                after_lam,
                                lam_reading: false,
                            },
                            e,
                        ));
                    }
                    break;
                }
            }
        }
        if extra.is_empty() {
            return chosen;
        }
        let mut all = chosen;
        all.extend(extra);
        all.sort_by_key(|(c, _)| c.start);
        all
    }

    /// A one-word person name that is the last word of a full name found
    /// earlier in the document stands for that person: «يحيى رسول» ...
    /// «رسول». (Not a first word: علي، محمد are the first names of many.)
    fn part_of_earlier_name(&self, t: &str, c: &Candidate, full: &FullNames<'_>) -> Option<u32> {
        if !self
            .targets(c)
            .any(|x| self.entities[x.entity as usize].kind == EntityType::Person)
        {
            return None;
        }
        let word = &t[c.start..c.end];
        if word.contains(' ') || self.defences.is_common(word) {
            return None;
        }
        full.latest_before(word, c.start)
    }
}

/// The full (several-word) person names chosen so far in a document, by
/// their last word.
#[derive(Default)]
struct FullNames<'t>(HashMap<&'t str, Vec<(usize, u32)>>);

impl<'t> FullNames<'t> {
    /// Notes a chosen name, if it is a person's of several words.
    fn add(&mut self, matcher: &Matcher, t: &'t str, c: &Candidate, entity: u32) {
        let name = &t[c.start..c.end];
        if matcher.entities[entity as usize].kind == EntityType::Person
            && let Some((_, last)) = name.rsplit_once(' ')
        {
            self.0.entry(last).or_default().push((c.end, entity));
        }
    }

    /// The person of the latest full name ending in `word` that ends by `at`.
    fn latest_before(&self, word: &str, at: usize) -> Option<u32> {
        self.0
            .get(word)?
            .iter()
            .filter(|(end, _)| *end <= at)
            .map(|(_, e)| *e)
            .next_back()
    }
}

/// Whether a type cue stands before the word at a folded offset, by type.
type TypeCueMemo = std::cell::RefCell<HashMap<(usize, EntityType), bool>>;

/// The bytes of a document's folded text that chosen names cover: a test
/// for overlap in the length of the name, not in the number of names.
struct Covered(Vec<u64>);

impl Covered {
    fn new(len: usize) -> Covered {
        Covered(vec![0; len / 64 + 1])
    }

    fn is_free(&self, start: usize, end: usize) -> bool {
        (start..end).all(|i| self.0[i / 64] & (1 << (i % 64)) == 0)
    }

    /// Covers `start..end` if none of it is covered yet; says whether it did.
    fn take(&mut self, start: usize, end: usize) -> bool {
        if !self.is_free(start, end) {
            return false;
        }
        for i in start..end {
            self.0[i / 64] |= 1 << (i % 64);
        }
        true
    }
}

/// True for the marks that may stand between a cue and the name it confirms.
fn is_quote(c: char) -> bool {
    matches!(
        c,
        ' ' | '"' | '\'' | '«' | '»' | '“' | '”' | '„' | '(' | '['
    )
}

/// Where a name may start in the word at `w`: at the word, behind و/ف,
/// and behind a preposition ب/ل/ك (with or without و/ف before it), with
/// whether that preposition is a lam (for the li + al form). Something must
/// be left of the word behind a proclitic.
fn entry_points(t: &str, w: std::ops::Range<usize>) -> impl Iterator<Item = (usize, bool)> {
    // read as bytes: this runs for every word of every document, and the
    // proclitics are two-byte letters (و D9 88, ف D9 81, ب D8 A8, ل D9 84,
    // ك D9 83)
    const LAM: [u8; 2] = [0xD9, 0x84];
    let b = &t.as_bytes()[w.clone()];
    let letter = |i: usize| b.get(i..i + 2).map(|s| [s[0], s[1]]);
    let is_conjunction = |l: Option<[u8; 2]>| matches!(l, Some([0xD9, 0x88 | 0x81]));
    let is_preposition = |l: Option<[u8; 2]>| matches!(l, Some([0xD8, 0xA8] | [0xD9, 0x84 | 0x83]));
    let mut points = [Some((w.start, false)), None, None];
    let mut prep_at = None;
    if is_conjunction(letter(0)) {
        if b.len() > 2 {
            points[1] = Some((w.start + 2, false));
        }
        if is_preposition(letter(2)) {
            prep_at = Some(2);
        }
    } else if is_preposition(letter(0)) {
        prep_at = Some(0);
    }
    if let Some(at) = prep_at
        && at + 2 < b.len()
    {
        points[2] = Some((w.start + at + 2, letter(at) == Some(LAM)));
    }
    points.into_iter().flatten()
}

/// Names that open with a feminine adjective: after a definite noun they
/// are that adjective («الحدود السعودية»، «العاصمة السعودية الرياض»،
/// «بالشؤون الداخلية السعودية»، «السياسة الخارجية الأمريكية»), not the
/// country or the ministry.
const ADJECTIVE_HEADS: [&str; 3] = ["السعوديه", "الداخليه", "الخارجيه"];

/// True when a candidate opens with one of [`ADJECTIVE_HEADS`], bare, right
/// after a definite word (one space between them): an adjective, not a name.
/// Names that open a phrase of the language with the word after them:
/// «مسقط رأس» is a birthplace, not Muscat. (name, next word), folded.
const IDIOMS: [(&str, &str); 2] = [("مسقط", "راس"), ("مسقط", "راسه")];

/// Names that close a phrase of the language with the word before them:
/// operations and forces named after a river or a region («درع الفرات»،
/// «قوات درع الجزيرة»). (word before, name), folded.
const CLOSING_IDIOMS: [(&str, &str); 2] = [("درع", "الفرات"), ("درع", "الجزيره")];

/// True when a one-word name and the word after it are one of [`IDIOMS`],
/// or the word before it and the name one of [`CLOSING_IDIOMS`].
fn opens_idiom(t: &Normalized, c: &Candidate) -> bool {
    let text = t.text.as_str();
    let name = &text[c.start..c.end];
    if c.start == c.word {
        let before = text[..c.word].trim_end_matches(['"', '«', '_', ' ']);
        let prev = &before[before.trim_end_matches(is_word_char).len()..];
        if CLOSING_IDIOMS.iter().any(|&(a, b)| b == name && a == prev) {
            return true;
        }
    }
    let Some(rest) = text[c.end..].strip_prefix(' ') else {
        return false;
    };
    let next = &rest[..rest
        .find(|ch: char| !is_word_char(ch))
        .unwrap_or(rest.len())];
    IDIOMS.iter().any(|&(a, b)| a == name && b == next)
}

/// The Arabic given names of `gazetteers/given-names.txt`, folded.
fn given_names() -> &'static rustc_hash::FxHashSet<String> {
    static NAMES: std::sync::OnceLock<rustc_hash::FxHashSet<String>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        include_str!("../../gazetteers/given-names.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(fold)
            .collect()
    })
}

/// True when a one-word name behind the conjunction و or ف is the rest of
/// a word that is itself a given name: «فاطمة» is the name, not ف and the
/// town of أطمة.
fn is_given_name_whole(t: &Normalized, c: &Candidate) -> bool {
    let text = t.text.as_str();
    let clitic = &text[c.word..c.start];
    if !matches!(clitic, "و" | "ف") || text[c.start..c.end].contains(' ') {
        return false;
    }
    let end = text[c.end..]
        .find(|ch: char| !is_word_char(ch))
        .map_or(text.len(), |k| c.end + k);
    end == c.end && given_names().contains(&text[c.word..c.end])
}

/// Nouns in the indefinite accusative that a nationality adjective follows:
/// «مواطنا روسيا» is a Russian citizen, not Russia. Folded.
/// (Not منتخبا: «منتخبا روسيا والأوروغواي» is "the teams of Russia and
/// Uruguay".)
const ACCUSATIVE_NOUNS: [&str; 23] = [
    "مواطنا",
    "مسوولا",
    "لاجيا",
    "جاسوسا",
    "دبلوماسيا",
    "صحفيا",
    "جنديا",
    "ضابطا",
    "مدنيا",
    "شخصا",
    "رجلا",
    "طالبا",
    "سايحا",
    "لاعبا",
    "مقاتلا",
    "عسكريا",
    "خبيرا",
    "مستشارا",
    "ناشطا",
    "عالما",
    "مهندسا",
    "طفلا",
    "معارضا",
];

/// True when a one-word place whose name is also the accusative of its
/// nationality adjective (روسيا، سوريا، تركيا: رُوسيًّا) follows a number or
/// an indefinite accusative noun: «طرد 23 دبلوماسيا روسيا»، «اتهام 13 روسيا».
fn reads_as_nisba(t: &Normalized, c: &Candidate) -> bool {
    let text = t.text.as_str();
    let name = &text[c.start..c.end];
    if c.start != c.word || name.contains(' ') || !(name.ends_with("يا") || name == "سوريه")
    {
        return false;
    }
    let before = text[..c.word].strip_suffix(' ').unwrap_or("");
    let prev = &before[before
        .trim_end_matches(|ch: char| !ch.is_whitespace())
        .len()..];
    if prev.is_empty() {
        return false;
    }
    // «سورية» is also the feminine adjective: after an indefinite plural or
    // another indefinite feminine adjective it is one («مواقع سورية»،
    // «وسائل إعلام رسمية سورية»), not the country («في سورية»)
    if name == "سوريه" {
        return PLURALS_BEFORE_ADJECTIVE.contains(&prev)
            || (prev.ends_with("يه") && !prev.starts_with("ال") && prev.chars().nth(3).is_some());
    }
    prev.chars().all(|ch| ch.is_ascii_digit()) || ACCUSATIVE_NOUNS.contains(&prev)
}

/// Indefinite plurals that a feminine nationality adjective follows
/// («مصادر سورية»). Folded.
/// (Not أراضي: «وحدة أراضي سورية» is Syria's land.)
const PLURALS_BEFORE_ADJECTIVE: [&str; 12] = [
    "مواقع",
    "مصادر",
    "مناطق",
    "مدن",
    "قري",
    "قوات",
    "فصايل",
    "جهات",
    "شركات",
    "طايرات",
    "وحدات",
    "اطراف",
];

fn reads_as_adjective(t: &Normalized, c: &Candidate) -> bool {
    let text = t.text.as_str();
    let first = text[c.start..c.end].split(' ').next().unwrap_or_default();
    if c.start != c.word || !ADJECTIVE_HEADS.contains(&first) {
        return false;
    }
    let words = t.words();
    let k = words.partition_point(|w| (w.start as usize) < c.word);
    let Some(before) = k.checked_sub(1).map(|j| words[j]) else {
        return false;
    };
    let joined = before.end as usize + 1 == c.word && text.as_bytes()[c.word - 1] == b' ';
    // (definite behind proclitics too: «بالشؤون»، «وللسياسة»)
    let word = &text[before.range()];
    let bare = word.strip_prefix(['و', 'ف']).unwrap_or(word);
    let bare = bare.strip_prefix(['ب', 'ك']).unwrap_or(bare);
    // (not a particle or pronoun folded like a definite word: إلى، إلا،
    // التي; nor a noun the adjective makes a name with: «المملكة
    // السعودية», or a newspaper: «صحيفة اليوم السعودية»)
    const NOT_NOUNS: [&str; 10] = [
        "الي",
        "الا",
        "الذي",
        "التي",
        "الذين",
        "اللذين",
        "اللتين",
        "الان",
        "اليوم",
        "المملكه",
    ];
    joined && (bare.starts_with("ال") || bare.starts_with("لل")) && !NOT_NOUNS.contains(&bare)
}

/// True when `prefix` is nothing or a run of proclitics (و/ف, then ب/ل/ك).
fn is_proclitic(prefix: &str) -> bool {
    let mut chars = prefix.chars().peekable();
    if chars.peek().is_some_and(|c| CONJUNCTIONS.contains(c)) {
        chars.next();
    }
    if chars.peek().is_some_and(|c| PREPOSITIONS.contains(c)) {
        chars.next();
    }
    chars.next().is_none()
}

/// True when the folded `cue` ends right before the word at `word` (quotes
/// and brackets may stand between, and spaces anywhere the cue has
/// punctuation), itself a word or behind proclitics: «قاعدة الحرير»,
/// «وبقاعدة "الحرير"», «المصدر: المدن», «المصدر : الجزيرة».
fn cue_before(t: &str, word: usize, cue: &str) -> bool {
    let mut before = t[..word].trim_end_matches(is_quote);
    let mut want = cue;
    while let Some(c) = want.chars().next_back() {
        if !is_word_char(c) && c != ' ' {
            // punctuation in a cue: spaces around it do not matter
            before = before.trim_end_matches(' ');
            let Some(rest) = before.strip_suffix(c) else {
                return false;
            };
            before = rest.trim_end_matches(' ');
            want = want[..want.len() - c.len_utf8()].trim_end_matches(' ');
            continue;
        }
        // the rest of the cue ends with a word: take it whole
        let word_part = &want[want
            .trim_end_matches(|ch: char| is_word_char(ch) || ch == ' ')
            .len()..];
        let Some(rest) = before.strip_suffix(word_part) else {
            return false;
        };
        before = rest;
        want = &want[..want.len() - word_part.len()];
    }
    let prefix = &before[before.trim_end_matches(is_word_char).len()..];
    is_proclitic(prefix)
}

/// True when the words of `cue` (folded) follow the candidate ending at
/// `end`, quotes and one space apart, and end at a word's end: a cue written
/// `+بقيادة السعودية` confirms «التحالف بقيادة السعودية».
fn cue_after(t: &str, end: usize, cue: &str) -> bool {
    let after = t[end..]
        .trim_start_matches(is_quote)
        .trim_start_matches(' ');
    after
        .strip_prefix(cue)
        .is_some_and(|rest| !rest.starts_with(is_word_char))
}

/// True when the candidate starts a line and a dash follows it: the outlet
/// of a dateline.
fn opens_dateline(n: &Normalized, c: &Candidate) -> bool {
    n.starts_line(c.word)
        && n.text[c.end..]
            .trim_start_matches(' ')
            .starts_with(['-', '–', '—'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proclitic_runs() {
        for (p, ok) in [
            ("", true),
            ("و", true),
            ("وب", true),
            ("فل", true),
            ("ك", true),
            ("بو", false),
            ("ال", false),
        ] {
            assert_eq!(is_proclitic(p), ok, "{p}");
        }
    }

    #[test]
    fn cues_stand_right_before_the_name() {
        let t = fold("وصلت إلى وبقاعدة «الحرير» و المصدر: المدن");
        let at = |w: &str| t.find(&fold(w)).unwrap();
        assert!(cue_before(&t, at("«الحرير»") + "«".len(), &fold("قاعدة")));
        assert!(cue_before(&t, at("المدن"), &fold("المصدر:")));
        assert!(!cue_before(&t, at("المدن"), &fold("قاعدة")));
        let t = fold("المصدر : الجزيرة");
        assert!(cue_before(&t, t.find("الجزيره").unwrap(), &fold("المصدر:")));
    }
}
