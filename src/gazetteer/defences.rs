//! Defences for noisy name lists: in an imported list (a typed list such as
//! `external-combined.tsv`, or a learned list), a one-word name that is a
//! common word, or any one-word person name, counts only with evidence: a
//! cue right before it (a title or rank for people: الرئيس، اللواء، الشيخ;
//! مدينة، حزب، قاعدة... for the other types), or an earlier mention of the
//! same entity, or an earlier full name it is part of. Names of one or two
//! letters from such lists never count.

use rustc_hash::FxHashSet as HashSet;

use super::EntityType;
use crate::normalize::fold;

/// Folded words that an imported list may carry as one-word names but that
/// are never one alone: prepositions spelled like names (على/علي، إلى/إلي،
/// لدى، حتى، متى، سوى), and words that open a title or a phrase after a
/// cue (المتحدث باسم، الأمين العام، أكد بيان، اليوم الأول).
const NEVER_ALONE: [&str; 11] = [
    "علي",
    "الي",
    "لدي",
    "حتي",
    "متي",
    "سوي",
    "باسم",
    "الامين",
    "بيان",
    "الاول",
    "اليوم",
];

/// The data the defences use, and whether they are on.
#[derive(Debug, Clone, Default)]
pub struct Defences {
    pub on: bool,
    /// Folded common words (`gazetteers/common-words.txt`).
    common: HashSet<String>,
    /// Folded cue words by type, in [`EntityType::ALL`] order.
    type_cues: [Vec<String>; 4],
    /// Folded nationality adjectives: never a person's name alone (المصري
    /// after «الرئيس» is the president's country, not a surname).
    nationalities: HashSet<String>,
}

impl Defences {
    /// The bundled common words, type cues and titles.
    pub fn bundled() -> Defences {
        let common = include_str!("../../gazetteers/common-words.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(fold)
            .filter(|w| !w.is_empty())
            .collect();
        let mut type_cues: [Vec<String>; 4] = Default::default();
        let slot = |k: EntityType| EntityType::ALL.iter().position(|&x| x == k).unwrap_or(0);
        for line in include_str!("../../gazetteers/type-cues.tsv")
            .lines()
            .skip(1)
        {
            let mut cells = line.split('\t');
            if let (Some(Some(kind)), Some(cue)) =
                (cells.next().map(EntityType::parse), cells.next())
            {
                type_cues[slot(kind)].push(fold(cue));
            }
        }
        // a person's cues: every title, office, rank and honorific
        for line in include_str!("../../gazetteers/titles.tsv").lines().skip(1) {
            if let Some(title) = line.split('\t').next() {
                let t = fold(title.trim().strip_suffix(" ل").unwrap_or(title.trim()));
                if !t.is_empty() {
                    type_cues[slot(EntityType::Person)].push(t);
                }
            }
        }
        for cues in &mut type_cues {
            cues.sort();
            cues.dedup();
        }
        Defences {
            on: true,
            common,
            type_cues,
            nationalities: super::bundled::nationality_words(),
        }
    }

    /// No defences: every listed name counts.
    pub fn off() -> Defences {
        Defences::default()
    }

    pub fn is_common(&self, folded: &str) -> bool {
        self.common.contains(folded)
    }

    /// The cues that confirm a name of this type from an imported list.
    pub fn type_cues(&self, kind: EntityType) -> &[String] {
        &self.type_cues[EntityType::ALL.iter().position(|&x| x == kind).unwrap_or(0)]
    }

    /// How an alias of an imported entity is taken: `None` never, else
    /// whether it needs evidence.
    pub fn judge(&self, kind: EntityType, folded: &str) -> Option<bool> {
        if !self.on {
            return Some(false);
        }
        if folded.chars().filter(|c| c.is_alphanumeric()).count() <= 2 {
            return None;
        }
        let one_word = !folded.contains(' ');
        // a cue before these is a verb's or a title's («أكد على»، «دعا إلى»،
        // «المتحدث باسم»), and they come after any earlier mention of the name
        if one_word && NEVER_ALONE.contains(&folded) {
            return None;
        }
        // nor is a nationality adjective a person (المصري after «الرئيس»), or,
        // without the article, anything else (لبناني)
        if one_word
            && self.nationalities.contains(folded)
            && (kind == EntityType::Person || !folded.starts_with("ال"))
        {
            return None;
        }
        // a title is never a person's name: الشيخ، رئيس، السيد
        if one_word
            && self
                .type_cues(EntityType::Person)
                .binary_search_by(|c| c.as_str().cmp(folded))
                .is_ok()
        {
            return None;
        }
        Some(one_word && (kind == EntityType::Person || self.is_common(folded)))
    }
}
