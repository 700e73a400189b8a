//! Sports clubs named after their city: «برشلونة الإسباني»، «فريق ليون»،
//! «دينامو كييف»، «مانشستر يونايتد»، and the fixture lines of sports pages,
//! «ليفربول ( إنجلترا ) - غلطة سراي ( تركيا )». The place the gazetteer
//! found there is the club, an organization; once a document has named a
//! place as a club, its other mentions there are the club too, unless they
//! read as a place (في برشلونة، بمدينة ليون).

use crate::gazetteer::{Entity, EntityType};
use crate::matcher::Mention;
use crate::normalize::word_forms;

use super::{Discoverer, Found, Word};

/// Words right before a club's name that say it is one: «فريق»، «نادي»،
/// and a match's host and guest («على ضيفه»، «أمام مضيفه»).
const CUES: [&str; 10] = [
    "فريق",
    "فريقي",
    "نادي",
    "ناديي",
    "ضيفه",
    "مضيفه",
    "ضيفها",
    "مضيفها",
    "منافسه",
    "غريمه",
];

/// The first words of club names that are never anything else: «دينامو
/// كييف»، «حسنية أكادير». Folded.
const HEADS: [&str; 16] = [
    "دينامو",
    "ديناموا",
    "سبارتاك",
    "ستيوا",
    "ستياوا",
    "سسكا",
    "سيسكا",
    "ليفسكي",
    "حسنيه",
    "اولمبيك",
    "اولمبياكوس",
    "اتلتيكو",
    "بوروسيا",
    "سبورتينغ",
    "لوكوموتيف",
    "زينيت",
];

/// First words of club names that are also common words (اتحاد union, ريال
/// riyal, نجم star): a club only before a place.
const WEAK_HEADS: [&str; 7] = ["اتحاد", "ريال", "شباب", "مولوديه", "شبيبه", "وفاق", "ايك"];

/// Last words of club names: «مانشستر يونايتد»، «مانشستر سيتي».
const SUFFIXES: [&str; 3] = ["يونايتد", "سيتي", "هوتسبير"];

/// Words before a place that make it a place, not a club.
const LOCATIVE: [&str; 14] = [
    "في",
    "الي",
    "من",
    "مدينه",
    "عاصمه",
    "ضواحي",
    "شوارع",
    "سكان",
    "جنوب",
    "شمال",
    "شرق",
    "غرب",
    "وسط",
    "انحاء",
];

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—')
}

impl Discoverer {
    /// The clubs among the place mentions of a document, as organizations
    /// (head words and suffixes included); the mentions they cover are to be
    /// dropped.
    pub(super) fn clubs(
        &self,
        t: &str,
        words: &[Word],
        mentions: &[Mention],
        listed: &[Entity],
    ) -> Vec<Found> {
        let is_loc = |m: &Mention| {
            listed
                .get(m.entity)
                .is_some_and(|e| e.kind == EntityType::Loc)
        };
        let word_at = |at: usize| words.iter().position(|w| w.start <= at && at < w.end);
        let text = |w: &Word| &t[w.start..w.end];
        let forms_in =
            |w: &Word, list: &[&str]| word_forms(text(w)).any(|f| list.contains(&f.as_ref()));
        let mut found: Vec<Found> = Vec::new();
        let mut clubs_of: Vec<usize> = Vec::new(); // entities named as clubs
        for m in mentions.iter().filter(|m| is_loc(m)) {
            let (Some(w0), Some(w1)) = (word_at(m.folded_start), word_at(m.folded_end - 1)) else {
                continue;
            };
            let bare = m.folded_start == words[w0].start;
            let prev = (bare && w0 > 0 && words[w0].joined).then(|| w0 - 1);
            let next = words.get(w1 + 1).filter(|w| w.joined);
            let (mut start, mut end) = (m.folded_start, m.folded_end);
            let mut club = false;
            if let Some(p) = prev.filter(|&p| !words[p].taken) {
                if forms_in(&words[p], &HEADS) || forms_in(&words[p], &WEAK_HEADS) {
                    // the head's و is not part of the name
                    let h = text(&words[p]);
                    start = words[p].start
                        + if HEADS.contains(&h) || WEAK_HEADS.contains(&h) {
                            0
                        } else {
                            'و'.len_utf8()
                        };
                    club = true;
                } else if forms_in(&words[p], &CUES) {
                    club = true;
                }
            }
            if let Some(n) = next.filter(|w| !w.taken) {
                let s = text(n);
                if SUFFIXES.contains(&s) {
                    end = n.end;
                    club = true;
                } else if s.starts_with("ال") && s.ends_with('ي') && self.nationalities.contains(s)
                {
                    // a city is feminine: «ليون الفرنسية» is the city, «ليون الفرنسي» the club
                    club = true;
                }
            }
            if !club && self.in_fixture(t, mentions, listed, start, end) {
                club = true;
                // the words of the name before the place: «سسكا موسكو»، «ايك اثينا»
                let mut k = w0;
                while bare
                    && k > 0
                    && k + 2 > w0
                    && words[k].joined
                    && !words[k - 1].taken
                    && self.name_word(t, &words[k - 1])
                {
                    k -= 1;
                }
                if k < w0 && (k == 0 || !words[k].joined) {
                    start = words[k].start;
                }
            }
            if club {
                if (start, end) == (m.folded_start, m.folded_end) {
                    clubs_of.push(m.entity);
                }
                found.push(Found {
                    kind: EntityType::Org,
                    start,
                    end,
                });
            }
        }
        // the same places elsewhere in the document, unless they read as places
        for m in mentions.iter().filter(|m| clubs_of.contains(&m.entity)) {
            if found
                .iter()
                .any(|f| f.start < m.folded_end && m.folded_start < f.end)
            {
                continue;
            }
            let Some(w0) = word_at(m.folded_start) else {
                continue;
            };
            let proclitics = &t[words[w0].start..m.folded_start];
            let locative = proclitics.ends_with('ب')
                || (w0 > 0
                    && LOCATIVE
                        .iter()
                        .any(|l| word_forms(text(&words[w0 - 1])).any(|f| f == *l)));
            if !locative {
                found.push(Found {
                    kind: EntityType::Org,
                    start: m.folded_start,
                    end: m.folded_end,
                });
            }
        }
        found.sort_by_key(|f| f.start);
        found
    }

    /// The name at `start..end` is a side of a fixture: its country in
    /// brackets after it, and a dash after that or before the name.
    fn in_fixture(
        &self,
        t: &str,
        mentions: &[Mention],
        listed: &[Entity],
        start: usize,
        end: usize,
    ) -> bool {
        let Some(inner) = t[end..].trim_start_matches(' ').strip_prefix('(') else {
            return false;
        };
        let at = t.len() - inner.trim_start_matches(' ').len();
        let Some(country) = mentions.iter().find(|m| {
            m.folded_start == at
                && listed
                    .get(m.entity)
                    .is_some_and(|e| e.kind == EntityType::Loc)
        }) else {
            return false;
        };
        let Some(after) = t[country.folded_end..]
            .trim_start_matches(' ')
            .strip_prefix(')')
        else {
            return false;
        };
        after.trim_start_matches(' ').starts_with(is_dash)
            || t[..start].trim_end_matches(' ').ends_with(is_dash)
    }
}
