//! Relations between the names of a document, from declarative rules.
//!
//! Rules (see [`rules`] for the language) are matched inside each sentence
//! over its tokens: words, names found by the [`Matcher`], punctuation.
//! Titles, ranks and nationality adjectives are classes read from data
//! ([`lexicon`]). Each hit gives a [`Triple`] with the rule that fired, its
//! confidence and the evidence span.

pub mod engine;
pub mod lexicon;
pub mod rules;
pub mod tokens;

use rustc_hash::FxHashMap as HashMap;
use std::path::Path;

use crate::error::{Error, ErrorKind, Errors, Location};
use crate::gazetteer::EntityType;
use crate::matcher::{EntityTable, Matcher, Mention, WordHit};
use crate::normalize::Normalized;
use crate::offsets::CodePoints;
use crate::sentence;

use engine::{Hit, Sentence};
use lexicon::Lexicon;
use rules::{Elem, RuleSet};

/// Predicates whose two sides can be swapped.
pub const SYMMETRIC: [&str; 1] = ["met_with"];

/// A relation the text states.
#[derive(Debug, Clone, PartialEq)]
pub struct Triple {
    /// Entity indexes, as in [`Matcher::entities`].
    pub subject: usize,
    pub object: usize,
    /// Index of the rule in [`Relations::rules`]. (Entity indexes are those
    /// of the document's [`EntityTable`].)
    pub rule: usize,
    pub confidence: f32,
    /// Code point span of the evidence in the document.
    pub start: usize,
    pub end: usize,
    /// Byte span of the same.
    pub byte_start: usize,
    pub byte_end: usize,
}

/// Compiled rules with their lexicon, tied to one matcher's entities.
#[derive(Debug, Clone)]
pub struct Relations {
    set: RuleSet,
    lexicon: Lexicon,
    country_entity: Vec<Option<usize>>,
    is_country: Vec<bool>,
    /// Whether each listed entity is a country's capital.
    is_capital: Vec<bool>,
    /// For each listed entity, the offices it holds (kind, entity).
    offices: Vec<Vec<(String, usize)>>,
    /// The classes `negation` and `negation_exception` as one element each.
    negation: Option<[Elem; 1]>,
    exception: Option<[Elem; 1]>,
    /// For each set of name types a sentence may hold (the bits of
    /// [`engine::type_mask`], [`rules::AREA`] and the like), the rules whose slots
    /// those types can fill, in rule order: a sentence tries only these.
    fitting: Vec<Vec<usize>>,
    /// The rules that need no cue word, in rule order.
    uncued: Vec<usize>,
    /// For each cue word, the rules it may open: a rule is tried in a
    /// sentence only when a word of one of its sets (its trigger, the set
    /// least likely to be in every sentence) is there, so that a sentence
    /// costs what its cue words open, not a look at every rule.
    triggers: Vec<Vec<usize>>,
}

/// Words too common to open a rule on their own: a set with one of them
/// is chosen as a rule's trigger only when it has no other set.
const EVERYDAY: [&str; 16] = [
    "في",
    "من",
    "علي",
    "الي",
    "عن",
    "مع",
    "بين",
    "ضد",
    "التي",
    "الذي",
    "والتي",
    "والذي",
    "لدي",
    "داخل",
    "ضمن",
    "نحو",
];

/// The set of cue words of `rule` that opens it (see `Relations::triggers`).
fn trigger<'a>(rule: &'a rules::Rule, words: &[&str]) -> Option<&'a [u32]> {
    rule.cues
        .iter()
        .min_by_key(|set| {
            let everyday = set
                .iter()
                .filter(|&&i| EVERYDAY.contains(&words[i as usize]))
                .count();
            (everyday, set.len())
        })
        .map(Vec::as_slice)
}

/// One more than the largest set of name types (see `Relations::fitting`).
const TYPE_SETS: usize = (rules::SEAT as usize) << 1;

impl Relations {
    /// The bundled rules, titles and nationalities, plus rule files.
    pub fn new(matcher: &Matcher, extra: &[&Path]) -> Result<Relations, Errors> {
        let lexicon = Lexicon::bundled();
        let mut set = RuleSet::default();
        let mut errors = Vec::new();
        if let Err(e) = set.parse(
            Path::new("gazetteers/relations.rules"),
            rules::BUNDLED,
            &lexicon,
        ) {
            errors.extend(e);
        }
        for path in extra {
            for file in rules::rule_files(path) {
                match std::fs::read_to_string(&file) {
                    Ok(text) => {
                        if let Err(e) = set.parse(&file, &text, &lexicon) {
                            errors.extend(e);
                        }
                    }
                    Err(e) => errors.push(Error::new(
                        ErrorKind::Io(e.to_string()),
                        Location::file(&file),
                    )),
                }
            }
        }
        if !errors.is_empty() {
            return Err(Errors(errors));
        }
        Ok(Relations::from_parts(matcher, set, lexicon))
    }

    /// Rules already parsed, with their lexicon.
    pub fn from_parts(matcher: &Matcher, set: RuleSet, lexicon: Lexicon) -> Relations {
        let index: HashMap<&str, usize> = matcher
            .entities()
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
        let country_entity: Vec<Option<usize>> = lexicon
            .countries
            .iter()
            .map(|c| index.get(c.as_str()).copied())
            .collect();
        let mut is_country = vec![false; matcher.entities().len()];
        for (k, e) in country_entity.iter().enumerate() {
            if let (Some(e), false) = (e, lexicon.is_group.get(k).copied().unwrap_or(false)) {
                is_country[*e] = true;
            }
        }
        let is_capital = matcher
            .entities()
            .iter()
            .map(|e| e.kind == EntityType::Loc && e.note.starts_with("capital of"))
            .collect();
        let offices = matcher
            .entities()
            .iter()
            .map(|e| {
                e.offices
                    .iter()
                    .filter_map(|o| Some((o.kind.clone(), *index.get(o.of.as_str())?)))
                    .collect()
            })
            .collect();
        let class = |name: &str| set.classes.get(name).map(|alts| [Elem::Alt(alts.clone())]);
        let (negation, exception) = (class("negation"), class("negation_exception"));
        let fitting = (0..TYPE_SETS)
            .map(|present| {
                (0..set.rules.len())
                    .filter(|&r| {
                        set.rules[r]
                            .needs
                            .iter()
                            .all(|&n| n as usize & present != 0)
                    })
                    .collect()
            })
            .collect();
        let mut words = vec![""; set.cue_words.len()];
        for (w, &i) in &set.cue_words {
            words[i as usize] = w.as_str();
        }
        let mut uncued = Vec::new();
        let mut triggers = vec![Vec::new(); set.cue_words.len()];
        for (r, rule) in set.rules.iter().enumerate() {
            match trigger(rule, &words) {
                Some(opening) => {
                    for &i in opening {
                        triggers[i as usize].push(r);
                    }
                }
                None => uncued.push(r),
            }
        }
        Relations {
            fitting,
            uncued,
            triggers,
            set,
            lexicon,
            country_entity,
            is_country,
            is_capital,
            offices,
            negation,
            exception,
        }
    }

    pub fn rules(&self) -> &[rules::Rule] {
        &self.set.rules
    }

    /// Checks rule text on its own: every error with line and column.
    pub fn check(path: &Path, text: &str) -> Result<usize, Errors> {
        let lexicon = Lexicon::bundled();
        let mut set = RuleSet::default();
        // the bundled classes are there for a file that uses them
        if text != rules::BUNDLED {
            let _ = set.parse(
                Path::new("gazetteers/relations.rules"),
                rules::BUNDLED,
                &lexicon,
            );
            set.rules.clear();
        }
        set.parse(path, text, &lexicon).map_err(Errors)?;
        Ok(set.rules.len())
    }

    /// Every word some rule needs, by the number rules know it by: the
    /// list to give [`Matcher::watch`] so that [`Relations::extract_with_cues`]
    /// can use what [`Matcher::find_watching`] found.
    pub fn cue_words(&self) -> Vec<&str> {
        let mut words = vec![""; self.set.cue_words.len()];
        for (w, &i) in &self.set.cue_words {
            words[i as usize] = w.as_str();
        }
        words
    }

    /// The triples of one document, in text order.
    pub fn extract(
        &self,
        table: EntityTable<'_>,
        text: &str,
        norm: &Normalized,
        mentions: &[Mention],
    ) -> Vec<Triple> {
        self.extract_inner(table, text, norm, mentions, None)
    }

    /// As [`Relations::extract`], with the rules' cue words as a matcher
    /// that watches [`Relations::cue_words`] found them: the words are not
    /// looked up again.
    pub fn extract_with_cues(
        &self,
        table: EntityTable<'_>,
        text: &str,
        norm: &Normalized,
        mentions: &[Mention],
        cues: &[WordHit],
    ) -> Vec<Triple> {
        self.extract_inner(table, text, norm, mentions, Some(cues))
    }

    fn extract_inner(
        &self,
        table: EntityTable<'_>,
        text: &str,
        norm: &Normalized,
        mentions: &[Mention],
        cues: Option<&[WordHit]>,
    ) -> Vec<Triple> {
        let mention_entity = |m: usize| {
            let e = mentions[m].entity;
            (e, table.get(e).kind)
        };
        let (negation, exception) = (self.negation.as_ref(), self.exception.as_ref());
        let mut out = Vec::new();
        let mut cps = CodePoints::new(text);
        let mut cue_present = vec![false; self.set.cue_words.len()];
        let mut cue_on: Vec<u32> = Vec::new();
        let mut word_cues: Vec<(u32, u32)> = Vec::new();
        let mut token_cues: Vec<(u32, u32)> = Vec::new();
        let mut name_tokens: Vec<u32> = Vec::new();
        let mut tried: Vec<usize> = Vec::new();
        for range in sentences(norm, mentions) {
            // The number and types of the names in the sentence: a rule that
            // needs others, or more, is skipped, and a sentence no rule can
            // match is not even tokenized (most have fewer than two names).
            let first = mentions.partition_point(|m| m.folded_start < range.start);
            let names = mentions[first..].partition_point(|m| m.folded_start < range.end);
            let present = mentions[first..first + names].iter().fold(0u8, |acc, m| {
                let kind = table.of(m).kind;
                let flag = |of: &[bool], bit: u8| {
                    if of.get(m.entity).copied().unwrap_or(false) {
                        bit
                    } else {
                        0
                    }
                };
                let area = if kind == EntityType::Loc
                    && engine::written_with_kind(&norm.text[m.folded_start..m.folded_end])
                {
                    rules::AREA
                } else {
                    0
                };
                let seat = if kind == EntityType::Org
                    && engine::written_as_seat(&norm.text[m.folded_start..m.folded_end])
                {
                    rules::SEAT
                } else {
                    0
                };
                acc | engine::type_mask(kind)
                    | area
                    | seat
                    | flag(&self.is_country, rules::COUNTRY)
                    | flag(&self.is_capital, rules::CAPITAL)
            });
            let fits = |&r: &usize| self.set.rules[r].needs.len() <= names;
            let fitting = &self.fitting[present as usize];
            if names == 0 || !fitting.iter().any(fits) {
                continue;
            }
            let mut toks = None;
            // the rules' cue words in the sentence, in any of their forms
            for &i in &cue_on {
                cue_present[i as usize] = false;
            }
            cue_on.clear();
            // the cue words by where they stand: (folded start of the word,
            // cue), then (token, cue) once the sentence is tokenized
            word_cues.clear();
            match cues {
                Some(hits) => {
                    // the words of the sentence that are not inside a name
                    let from = hits.partition_point(|h| (h.start as usize) < range.start);
                    let mut m = first;
                    for h in hits[from..]
                        .iter()
                        .take_while(|h| (h.start as usize) < range.end)
                    {
                        let (start, end) = (h.start as usize, h.end as usize);
                        while mentions.get(m).is_some_and(|n| n.folded_end <= start) {
                            m += 1;
                        }
                        if mentions.get(m).is_none_or(|n| n.folded_start >= end) {
                            word_cues.push((h.start, h.word));
                        }
                    }
                }
                None => {
                    for t in toks.insert(tokens::tokenize(norm, range.clone(), mentions)) {
                        if let Some(w) = t.word(&norm.text) {
                            for form in tokens::word_forms(w) {
                                if let Some(&i) = self.set.cue_words.get(form.as_ref()) {
                                    word_cues.push((t.start as u32, i));
                                }
                            }
                        }
                    }
                }
            }
            for &(_, i) in &word_cues {
                if !cue_present[i as usize] {
                    cue_present[i as usize] = true;
                    cue_on.push(i);
                }
            }
            // a set of cue words has one in the sentence: a long set is
            // searched for the sentence's few cue words, not walked
            let has_one = |set: &[u32]| {
                if set.len() <= 8 * cue_on.len() {
                    set.iter().any(|&i| cue_present[i as usize])
                } else {
                    cue_on.iter().any(|w| set.binary_search(w).is_ok())
                }
            };
            let needs_cues = |r: usize| self.set.rules[r].cues.iter().any(|set| !has_one(set));
            // the rules the sentence's cue words open, and those that need
            // none, in rule order
            tried.clear();
            tried.extend(self.uncued.iter().copied());
            for &i in &cue_on {
                tried.extend(self.triggers[i as usize].iter().copied());
            }
            tried.sort_unstable();
            tried.dedup();
            tried.retain(|&r| fits(&r) && fitting.binary_search(&r).is_ok() && !needs_cues(r));
            if tried.is_empty() {
                continue;
            }
            let toks = toks.unwrap_or_else(|| tokens::tokenize(norm, range, mentions));
            token_cues.clear();
            let mut k = 0;
            for &(at, cue) in &word_cues {
                while toks.get(k).is_some_and(|t| t.start < at as usize) {
                    k += 1;
                }
                if toks.get(k).is_some_and(|t| t.start == at as usize) {
                    token_cues.push((k as u32, cue));
                }
            }
            name_tokens.clear();
            name_tokens.extend(
                toks.iter()
                    .enumerate()
                    .filter(|(_, t)| matches!(t.kind, tokens::Kind::Name(_)))
                    .map(|(k, _)| k as u32),
            );
            let s = Sentence {
                text: &norm.text,
                tokens: &toks,
                token_cues: &token_cues,
                names: &name_tokens,
                mention_entity: &mention_entity,
                lexicon: &self.lexicon,
                country_entity: &self.country_entity,
                is_country: &self.is_country,
                is_capital: &self.is_capital,
                offices: &self.offices,
            };
            // (subject, predicate, object) -> index in `found`, within this sentence
            let mut seen: HashMap<(usize, &str, usize), usize> = HashMap::default();
            let mut found: Vec<Triple> = Vec::new();
            for &r in &tried {
                let rule = &self.set.rules[r];
                for hit in s.hits(rule) {
                    let (Some(subj), Some(obj)) = (hit.slots[rule.subject], hit.slots[rule.object])
                    else {
                        continue;
                    };
                    if negated(&s, &hit, negation, exception) {
                        continue;
                    }
                    let (fs, fe) = (toks[hit.start].start, toks[hit.end - 1].end);
                    let (byte_start, byte_end) = norm.original_span(fs, fe);
                    // a list slot gives a fact for each of its names
                    for a in s.bound_entities(&subj) {
                        for b in s.bound_entities(&obj) {
                            if a == b {
                                continue;
                            }
                            let (mut a, mut b) = (a, b);
                            if SYMMETRIC.contains(&rule.predicate.as_str())
                                && table.get(a).id > table.get(b).id
                            {
                                std::mem::swap(&mut a, &mut b);
                            }
                            let triple = Triple {
                                subject: a,
                                object: b,
                                rule: r,
                                confidence: rule.confidence,
                                start: 0,
                                end: 0,
                                byte_start,
                                byte_end,
                            };
                            match seen.get(&(a, rule.predicate.as_str(), b)) {
                                Some(&k) => {
                                    // the same fact twice in a sentence: the surest
                                    // rule, then the shortest evidence
                                    let old = &found[k];
                                    let better = triple.confidence > old.confidence
                                        || (triple.confidence == old.confidence
                                            && triple.byte_end - triple.byte_start
                                                < old.byte_end - old.byte_start);
                                    if better {
                                        found[k] = triple;
                                    }
                                }
                                None => {
                                    seen.insert((a, rule.predicate.as_str(), b), found.len());
                                    found.push(triple);
                                }
                            }
                        }
                    }
                }
            }
            // A fact inside the evidence of another between the same two
            // entities is a misreading of part of it: «الناطق باسم القائد
            // العام للقوات المسلحة اللواء يحيى رسول» is not leader_of.
            let inside = |t: &Triple, u: &Triple| {
                u.subject == t.subject
                    && u.object == t.object
                    && u.byte_start <= t.byte_start
                    && t.byte_end <= u.byte_end
                    && (u.byte_end - u.byte_start) > (t.byte_end - t.byte_start)
            };
            let keep: Vec<bool> = found
                .iter()
                .map(|t| !found.iter().any(|u| inside(t, u)))
                .collect();
            let mut found: Vec<Triple> = found
                .into_iter()
                .zip(keep)
                .filter(|(_, k)| *k)
                .map(|(t, _)| t)
                .collect();
            found.sort_by_key(|t| (t.byte_start, t.byte_end, t.rule));
            for mut t in found {
                t.start = cps.at(t.byte_start);
                t.end = cps.at(t.byte_end);
                out.push(t);
            }
        }
        out
    }
}

/// The document's sentences, merged where a name runs across a boundary.
fn sentences(norm: &Normalized, mentions: &[Mention]) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    for r in sentence::split(norm) {
        if let Some(last) = out.last_mut() {
            // mentions do not overlap: only the last to start before the
            // boundary may run across it
            let before = mentions.partition_point(|m| m.folded_start < last.end);
            if before > 0 && mentions[before - 1].folded_end > last.end {
                last.end = r.end;
                continue;
            }
        }
        out.push(r);
    }
    out
}

/// A negation within four tokens before the hit or inside it, with no
/// exception (سوى، إلا) after it inside the hit. A verb of denial right
/// before the hit has the hit for its subject, and denies what comes after
/// it: «نفى المتحدث باسم الحوثيين يحيى سريع أي علاقة» still names the
/// spokesman.
fn negated(
    s: &Sentence<'_>,
    hit: &Hit,
    negation: Option<&[Elem; 1]>,
    exception: Option<&[Elem; 1]>,
) -> bool {
    const DENIAL_VERBS: [&str; 4] = ["نفي", "نفت", "ينفي", "تنفي"];
    let Some(neg) = negation else { return false };
    (hit.start.saturating_sub(4)..hit.end).any(|at| {
        let Some(end) = s.matches_at(neg, at) else {
            return false;
        };
        let denial_of_subject = end == hit.start
            && s.tokens[at].word(s.text).is_some_and(|w| {
                crate::normalize::word_forms(w).any(|f| DENIAL_VERBS.contains(&f.as_ref()))
            });
        !denial_of_subject
            && !exception.is_some_and(|e| (at + 1..hit.end).any(|k| s.matches_at(e, k).is_some()))
    })
}
