//! Word classes from data: titles and ranks (`gazetteers/titles.tsv`) and
//! nationality adjectives standing for their country
//! (`gazetteers/nationalities.tsv`).

use rustc_hash::FxHashMap;

use crate::normalize::fold;

use super::tokens::{Token, word_forms};

/// Folded word sequences, each with a value, looked up from a token.
#[derive(Debug, Clone, Default)]
pub struct Phrases {
    /// First word -> (the words after it, value).
    by_first: FxHashMap<String, Vec<(Vec<String>, usize)>>,
}

impl Phrases {
    pub fn insert(&mut self, phrase: &str, value: usize) {
        let folded = fold(phrase);
        let mut words = folded.split(' ').map(str::to_string);
        let Some(first) = words.next() else { return };
        let rest: Vec<String> = words.collect();
        let list = self.by_first.entry(first).or_default();
        if !list.iter().any(|(r, v)| *r == rest && *v == value) {
            list.push((rest, value));
        }
    }

    /// The first words of every phrase.
    pub fn first_words(&self) -> impl Iterator<Item = &str> {
        self.by_first.keys().map(String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }

    /// Every phrase that starts at `tokens[at]`: (number of tokens, value).
    /// Unless `exact`, the first word may carry proclitics (للفريق for الفريق).
    pub fn lookup(
        &self,
        text: &str,
        tokens: &[Token],
        at: usize,
        exact: bool,
        out: &mut Vec<(usize, usize)>,
    ) {
        let Some(first) = tokens.get(at).and_then(|t| t.word(text)) else {
            return;
        };
        // the first form is the word as written
        for form in word_forms(first).take(if exact { 1 } else { usize::MAX }) {
            let Some(list) = self.by_first.get(form.as_ref()) else {
                continue;
            };
            for (rest, value) in list {
                let fits = rest.iter().enumerate().all(|(k, w)| {
                    tokens
                        .get(at + 1 + k)
                        .and_then(|t| t.word(text))
                        .is_some_and(|x| x == w)
                });
                if fits && !out.contains(&(rest.len() + 1, *value)) {
                    out.push((rest.len() + 1, *value));
                }
            }
        }
    }
}

/// The classes rules may name with `@`: one per title class, `nat` and
/// `nat_feminine`.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub classes: FxHashMap<String, Phrases>,
    /// Nationality adjective -> country id.
    pub nationalities: Phrases,
    /// The feminine singular ones (العراقية): the adjective of a city or a
    /// province («كركوك العراقية»), where the masculine one after a city's
    /// name is mostly its club's («برشلونة الإسباني»).
    pub nationalities_feminine: Phrases,
    /// Country ids, indexed by the values in `nationalities`.
    pub countries: Vec<String>,
    /// The adjectives of groups (الحوثي، الإخواني), the value an index in
    /// `countries` too, where `is_group` marks it: «القيادي الحوثي».
    pub groups: Phrases,
    pub is_group: Vec<bool>,
}

/// The names of the classes of nationality adjectives, which bind a
/// country.
pub const NATIONALITY_CLASSES: [&str; 3] = ["nat", "nat_feminine", "group"];

impl Lexicon {
    /// The class of nationality adjectives called `name`, if it is one.
    pub fn nationality_class(&self, name: &str) -> Option<&Phrases> {
        match name {
            "nat" => Some(&self.nationalities),
            "nat_feminine" => Some(&self.nationalities_feminine),
            "group" => Some(&self.groups),
            _ => None,
        }
    }

    /// The bundled titles and nationalities.
    pub fn bundled() -> Lexicon {
        let mut lex = Lexicon::default();
        lex.add_titles(include_str!("../../gazetteers/titles.tsv"));
        lex.add_nationalities(include_str!("../../gazetteers/nationalities.tsv"));
        lex.add_groups(include_str!("../../gazetteers/group-adjectives.tsv"));
        lex
    }

    /// Reads `title<TAB>class<TAB>note` rows after a header. A title that ends
    /// in a separate ل (الناطق الإعلامي ل) is kept without it: the ل stays on
    /// the next word, where clitic-aware matching finds it.
    pub fn add_titles(&mut self, text: &str) {
        for line in text.lines().skip(1) {
            let mut cells = line.split('\t');
            let (Some(title), Some(class)) = (cells.next(), cells.next()) else {
                continue;
            };
            let title = title.trim();
            let title = title.strip_suffix(" ل").unwrap_or(title);
            if !title.is_empty() && !class.trim().is_empty() {
                self.classes
                    .entry(class.trim().to_string())
                    .or_default()
                    .insert(title, 0);
            }
        }
    }

    /// Reads `country_id<TAB>forms<TAB>note` rows after a header, forms
    /// separated by `|`.
    pub fn add_nationalities(&mut self, text: &str) {
        for line in text.lines().skip(1) {
            let mut cells = line.split('\t');
            let (Some(id), Some(forms)) = (cells.next(), cells.next()) else {
                continue;
            };
            let id = id.trim();
            if id.is_empty() {
                continue;
            }
            let value = match self.countries.iter().position(|c| c == id) {
                Some(v) => v,
                None => {
                    self.countries.push(id.to_string());
                    self.is_group.push(false);
                    self.countries.len() - 1
                }
            };
            for form in forms.split('|').filter(|f| !f.trim().is_empty()) {
                self.nationalities.insert(form, value);
                if form.trim().ends_with('ة') {
                    self.nationalities_feminine.insert(form, value);
                }
            }
        }
    }

    /// Reads `org_id<TAB>forms<TAB>note` rows after a header: the adjectives
    /// that name a group (`@group`), forms separated by `|`.
    pub fn add_groups(&mut self, text: &str) {
        for line in text.lines().skip(1) {
            let mut cells = line.split('\t');
            let (Some(id), Some(forms)) = (cells.next(), cells.next()) else {
                continue;
            };
            let id = id.trim();
            if id.is_empty() {
                continue;
            }
            self.countries.push(id.to_string());
            self.is_group.push(true);
            let value = self.countries.len() - 1;
            for form in forms.split('|').filter(|f| !f.trim().is_empty()) {
                self.groups.insert(form, value);
            }
        }
    }
}
