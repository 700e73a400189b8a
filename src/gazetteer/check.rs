//! Checks of a gazetteer for `rasid gazetteer check`: aliases that collide
//! after folding, aliases shared by several entities or types, aliases that
//! are common words, very short aliases, an id given on two rows of one
//! file; each with a suggested fix.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{EntityType, Gazetteer};
use crate::error::Location;
use crate::normalize::{fold, is_word_char};

/// One thing worth a look, with where it is and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub location: Location,
    pub what: String,
    pub fix: String,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}; fix: {}", self.location, self.what, self.fix)
    }
}

/// How often words occur in a corpus, and (for an annotated corpus) how
/// often as a name.
#[derive(Debug, Clone, Default)]
pub struct Usage {
    pub words: u64,
    /// Folded word -> (occurrences, occurrences inside a name).
    pub counts: HashMap<String, (u64, u64)>,
    pub annotated: bool,
}

impl Usage {
    /// Counts the words of plain text (or JSON lines' `text` fields).
    pub fn from_text(text: &str) -> Usage {
        let mut u = Usage::default();
        let mut add = |s: &str| {
            for w in fold(s)
                .split(|c: char| !is_word_char(c))
                .filter(|w| !w.is_empty())
            {
                u.words += 1;
                u.counts.entry(w.to_string()).or_default().0 += 1;
            }
        };
        for line in text.lines() {
            match serde_json::from_str::<serde_json::Value>(line) {
                Ok(v) if v.is_object() => {
                    if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
                        add(t);
                    }
                }
                _ => add(line),
            }
        }
        u
    }

    /// Counts the tokens of a `token TAG` corpus, and which were names.
    pub fn from_conll(text: &str) -> Usage {
        let mut u = Usage {
            annotated: true,
            ..Usage::default()
        };
        for line in text.lines() {
            let Some((tok, tag)) = line.trim().rsplit_once([' ', '\t']) else {
                continue;
            };
            let w = fold(tok);
            if w.is_empty() {
                continue;
            }
            u.words += 1;
            let c = u.counts.entry(w).or_default();
            c.0 += 1;
            if tag != "O" {
                c.1 += 1;
            }
        }
        u
    }

    /// Occurrences of a folded word, behind proclitics too.
    fn of(&self, word: &str) -> (u64, u64) {
        let mut total = self.counts.get(word).copied().unwrap_or_default();
        for p in ["و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل"] {
            if let Some(&(a, b)) = self.counts.get(&format!("{p}{word}")) {
                total.0 += a;
                total.1 += b;
            }
        }
        total
    }
}

/// Everything worth a look in `gazetteer`; with `usage`, common words are
/// judged by the corpus as well as by the bundled list.
pub fn check(gazetteer: &Gazetteer, usage: Option<&Usage>) -> Vec<Finding> {
    let mut out = Vec::new();
    let entities = gazetteer.entities();
    // folded alias -> (entity, alias text, location)
    let mut by_fold: BTreeMap<String, Vec<(usize, String, Location, bool)>> = BTreeMap::new();
    for a in gazetteer.aliases() {
        by_fold.entry(fold(&a.text)).or_default().push((
            a.entity,
            a.text.clone(),
            a.origin.clone(),
            a.ambiguous,
        ));
    }
    for (folded, uses) in &by_fold {
        let first = &uses[0];
        // the same entity twice: a variant folding already covers
        let mut seen: HashMap<usize, &str> = HashMap::new();
        for (e, text, loc, _) in uses {
            let canonical = &entities[*e].canonical;
            if canonical != text && fold(canonical) == *folded {
                out.push(Finding {
                    location: loc.clone(),
                    what: format!("{}: alias {text:?} folds to the same {folded:?} as the canonical name {canonical:?}", entities[*e].id),
                    fix: "drop the alias: folding already matches it".into(),
                });
            }
            if let Some(prev) = seen.insert(*e, text)
                && prev != text
            {
                out.push(Finding {
                    location: loc.clone(),
                    what: format!(
                        "{}: aliases {prev:?} and {text:?} fold to the same {folded:?}",
                        entities[*e].id
                    ),
                    fix: "keep one: folding already matches the other spelling".into(),
                });
            }
        }
        let mut ids: Vec<usize> = uses.iter().map(|u| u.0).collect();
        ids.sort();
        ids.dedup();
        // (as the fix below advises: ambiguous on each, with cues on each)
        let told_apart = uses
            .iter()
            .all(|(e, _, _, ambiguous)| *ambiguous && !entities[*e].cues.is_empty());
        if ids.len() > 1 && !told_apart {
            let kinds: Vec<EntityType> = ids.iter().map(|&i| entities[i].kind).collect();
            let across = if kinds.iter().all(|&k| k == kinds[0]) {
                "entities"
            } else {
                "types"
            };
            let names: Vec<String> = ids
                .iter()
                .map(|&i| format!("{} ({})", entities[i].id, entities[i].kind))
                .collect();
            out.push(Finding {
                location: first.2.clone(),
                what: format!("alias {:?} is shared by {} {across}: {}", first.1, ids.len(), names.join(", ")),
                fix: "keep it on the entity it usually names, or mark it `?` on each with cues that tell them apart".into(),
            });
        }
        let letters = folded.chars().filter(|c| c.is_alphanumeric()).count();
        if letters <= 2 {
            out.push(Finding {
                location: first.2.clone(),
                what: format!(
                    "alias {:?} of {} is very short ({letters} letters)",
                    first.1, entities[first.0].id
                ),
                fix: "drop it, or mark it `?` with cues".into(),
            });
            continue;
        }
        let one_word = !folded.contains(' ');
        let unmarked = uses.iter().any(|u| !u.3);
        if !(one_word && unmarked) {
            continue;
        }
        if gazetteer.defences().is_common(folded) {
            out.push(Finding {
                location: first.2.clone(),
                what: format!(
                    "alias {:?} of {} is a common word",
                    first.1, entities[first.0].id
                ),
                fix: "mark it `?` with cues, or drop it".into(),
            });
        } else if let Some(u) = usage {
            let (total, as_name) = u.of(folded);
            let per_million = total as f64 * 1e6 / u.words.max(1) as f64;
            let weak = if u.annotated {
                total >= 5 && (as_name as f64) < 0.5 * total as f64
            } else {
                per_million >= 200.0
            };
            if weak {
                let how = if u.annotated {
                    format!("{total} times in the corpus, {as_name} of them in a name")
                } else {
                    format!("{total} times in the corpus ({per_million:.0} per million words)")
                };
                out.push(Finding {
                    location: first.2.clone(),
                    what: format!(
                        "alias {:?} of {} looks like a common word: {how}",
                        first.1, entities[first.0].id
                    ),
                    fix: "mark it `?` with cues, or drop it".into(),
                });
            }
        }
    }
    // An id on two rows of one file. Loading merges the rows, as it merges
    // an id given in two files (which is how a user's list adds spellings
    // to a bundled entity), but within one file it is mostly a slip: the
    // second row's canonical name and note are lost.
    let mut rows: BTreeMap<(usize, &std::path::Path), BTreeSet<usize>> = BTreeMap::new();
    for a in gazetteer.aliases() {
        if let (Some(file), Some(line)) = (&a.origin.file, a.origin.line) {
            rows.entry((a.entity, file.as_path()))
                .or_default()
                .insert(line);
        }
    }
    for ((e, file), lines) in rows {
        let mut lines = lines.into_iter();
        let Some(first) = lines.next() else { continue };
        for line in lines {
            out.push(Finding {
                location: Location::line(file, line),
                what: format!(
                    "id {} is given again (first on line {first})",
                    entities[e].id
                ),
                fix: "merge the two rows into one".into(),
            });
        }
    }
    // an office is held of a listed place or organization
    let by_id: HashMap<&str, EntityType> =
        entities.iter().map(|e| (e.id.as_str(), e.kind)).collect();
    for e in entities {
        for o in &e.offices {
            let what = match by_id.get(o.of.as_str()) {
                None => format!(
                    "{}: office {}:{} names no listed entity",
                    e.id, o.kind, o.of
                ),
                Some(EntityType::Loc | EntityType::Org) => continue,
                Some(kind) => format!(
                    "{}: office {}:{} is of a {kind}, not a place or an organization",
                    e.id, o.kind, o.of
                ),
            };
            out.push(Finding {
                location: e.origin.clone(),
                what,
                fix: "write the id of a row of places.tsv or organizations.tsv".into(),
            });
        }
    }
    out.sort_by(|a, b| {
        (a.location.file.clone(), a.location.line).cmp(&(b.location.file.clone(), b.location.line))
    });
    out
}
