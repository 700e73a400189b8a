//! Learning a gazetteer from an annotated corpus in `token TAG` BIO form
//! (one token a line, a blank line between sentences; tags `O`, `B-X`,
//! `I-X` with X one of PERS/PER, LOC, ORG; MISC is left out).
//!
//! Proclitics are taken off the first token of a name when the corpus shows
//! the bare form as the start of a name more often (للعراق → العراق,
//! وبغداد → بغداد, but وليد stays); spellings that fold alike are one
//! entity. For each entity the corpus tells how often its words were a name
//! and how often the same words stood outside any name: entries below
//! `min_ratio` are dropped, and those below `evidence_ratio` are marked `?`
//! (they then need a cue or an earlier mention).

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};

use super::EntityType;
use crate::error::{Error, ErrorKind, Location};
use crate::normalize::{fold, word_forms};

/// Settings of [`learn`].
#[derive(Debug, Clone, Copy)]
pub struct LearnOptions {
    /// Entries whose words are a name less often than this are dropped.
    pub min_ratio: f64,
    /// Entries below this ratio (or seen once) are written as ambiguous.
    pub evidence_ratio: f64,
    /// Entries seen fewer times than this as a name are dropped.
    pub min_count: u32,
}

impl Default for LearnOptions {
    fn default() -> LearnOptions {
        LearnOptions {
            min_ratio: 0.3,
            evidence_ratio: 0.7,
            min_count: 1,
        }
    }
}

/// One learned entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Learned {
    pub kind: EntityType,
    pub folded: String,
    /// Spellings as written (proclitics taken off), most frequent first.
    pub spellings: Vec<(String, u32)>,
    pub name_count: u32,
    pub other_count: u32,
}

impl Learned {
    pub fn ratio(&self) -> f64 {
        self.name_count as f64 / (self.name_count + self.other_count).max(1) as f64
    }
}

struct Span {
    kind: EntityType,
    tokens: Vec<String>,
}

fn tag_type(t: &str) -> Option<EntityType> {
    match t {
        "PERS" | "PER" | "PERSON" => Some(EntityType::Person),
        "LOC" | "GPE" => Some(EntityType::Loc),
        "ORG" => Some(EntityType::Org),
        _ => None,
    }
}

/// The forms a first token may have without its proclitics, itself first.
fn strips(w: &str) -> Vec<String> {
    word_forms(w).map(|f| f.into_owned()).collect()
}

/// Learns from `token TAG` text. Lines that are not `token TAG` are errors
/// with their line; the rest is still learned.
pub fn learn(name: &str, text: &str, opts: LearnOptions) -> (Vec<Learned>, Vec<Error>) {
    let mut errors = Vec::new();
    // sentences of (token, tag type or None, begins a name)
    let mut sentences: Vec<Vec<(String, Option<EntityType>, bool)>> = vec![Vec::new()];
    for (i, line) in text.lines().enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            if !sentences.last().is_some_and(Vec::is_empty) {
                sentences.push(Vec::new());
            }
            continue;
        }
        let Some((token, tag)) = line.rsplit_once([' ', '\t']) else {
            errors.push(Error::new(
                ErrorKind::BadRow(format!("expected `token TAG`, found {line:?}")),
                Location::line(name, i + 1),
            ));
            continue;
        };
        let (kind, begins) = match tag.split_once('-') {
            Some(("B", t)) => (tag_type(t), true),
            Some(("I", t)) => (tag_type(t), false),
            None if tag == "O" => (None, false),
            _ => {
                errors.push(Error::new(
                    ErrorKind::BadRow(format!("unknown tag {tag:?}; expected O, B-X or I-X")),
                    Location::line(name, i + 1),
                ));
                (None, false)
            }
        };
        sentences.last_mut().expect("one sentence at least").push((
            token.trim().to_string(),
            kind,
            begins,
        ));
    }

    // the names, and where each sentence has names
    let mut spans: Vec<Span> = Vec::new();
    for s in &sentences {
        let mut cur: Option<Span> = None;
        for (token, kind, begins) in s {
            match (kind, cur.as_mut()) {
                (Some(k), Some(c)) if !begins && c.kind == *k => c.tokens.push(token.clone()),
                (Some(k), _) => {
                    spans.extend(cur.take());
                    cur = Some(Span {
                        kind: *k,
                        tokens: vec![token.clone()],
                    });
                }
                (None, _) => spans.extend(cur.take()),
            }
        }
        spans.extend(cur);
    }
    // how often each folded word starts a name, for taking proclitics off
    let mut starts: HashMap<String, u32> = HashMap::new();
    for sp in &spans {
        *starts.entry(fold(&sp.tokens[0])).or_default() += 1;
    }
    // one entity a folded name; its type is the one the corpus gives it most
    let mut types: HashMap<String, HashMap<EntityType, u32>> = HashMap::new();
    let mut entities: BTreeMap<String, Learned> = BTreeMap::new();
    for sp in &spans {
        let first = strips(&sp.tokens[0])
            .into_iter()
            .enumerate()
            // the form seen most often starting a name; on a tie, the one
            // without proclitics
            .max_by_key(|(k, f)| {
                let n = starts.get(&fold(f)).copied().unwrap_or(0);
                (2 * n + u32::from(*k > 0 && n > 0), std::cmp::Reverse(*k))
            })
            .map(|(_, f)| f)
            .unwrap_or_else(|| sp.tokens[0].clone());
        let surface = std::iter::once(first.as_str())
            .chain(sp.tokens[1..].iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(" ");
        let folded = fold(&surface);
        if folded.is_empty() {
            continue;
        }
        *types
            .entry(folded.clone())
            .or_default()
            .entry(sp.kind)
            .or_default() += 1;
        let e = entities.entry(folded.clone()).or_insert_with(|| Learned {
            kind: sp.kind,
            folded,
            spellings: Vec::new(),
            name_count: 0,
            other_count: 0,
        });
        e.name_count += 1;
        match e.spellings.iter_mut().find(|(s, _)| *s == surface) {
            Some((_, n)) => *n += 1,
            None => e.spellings.push((surface, 1)),
        }
    }
    // how often the same words stand outside any name
    let mut by_first: HashMap<String, Vec<Vec<String>>> = HashMap::new();
    for folded in entities.keys() {
        let words: Vec<String> = folded.split(' ').map(str::to_string).collect();
        let list = by_first.entry(words[0].clone()).or_default();
        if !list.contains(&words) {
            list.push(words);
        }
    }
    let mut outside: HashMap<String, u32> = HashMap::new();
    for s in &sentences {
        let folded: Vec<String> = s.iter().map(|(t, _, _)| fold(t)).collect();
        for i in 0..s.len() {
            if s[i].1.is_some() {
                continue;
            }
            for form in strips(&folded[i]) {
                let Some(cands) = by_first.get(&form) else {
                    continue;
                };
                for words in cands {
                    let n = words.len();
                    let fits = i + n <= s.len()
                        && (1..n).all(|k| s[i + k].1.is_none() && folded[i + k] == words[k]);
                    if fits {
                        *outside.entry(words.join(" ")).or_default() += 1;
                    }
                }
            }
        }
    }
    let mut out: Vec<Learned> = entities
        .into_values()
        .map(|mut e| {
            e.other_count = outside.get(&e.folded).copied().unwrap_or(0);
            if let Some(t) = types.get(&e.folded) {
                // the most frequent type; a tie goes to the first seen
                let best = t.values().copied().max().unwrap_or(0);
                if t.get(&e.kind).copied().unwrap_or(0) < best {
                    e.kind = t
                        .iter()
                        .filter(|(_, n)| **n == best)
                        .map(|(k, _)| *k)
                        .min()
                        .unwrap_or(e.kind);
                }
            }
            e.spellings
                .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            e
        })
        .filter(|e| e.name_count >= opts.min_count && e.ratio() >= opts.min_ratio)
        .collect();
    out.sort_by(|a, b| (a.kind, &a.folded).cmp(&(b.kind, &b.folded)));
    (out, errors)
}

/// Writes learned entities as a gazetteer that `--gazetteer` reads.
pub fn write_tsv(out: &mut impl Write, learned: &[Learned], opts: LearnOptions) -> io::Result<()> {
    writeln!(
        out,
        "id\ttype\tcanonical\taliases\twikidata\tcues\tnote\tname_count\tother_count"
    )?;
    for e in learned {
        let prefix = match e.kind {
            EntityType::Person => "per",
            EntityType::Org => "org",
            EntityType::Base => "base",
            EntityType::Loc => "loc",
        };
        let id = format!("learned.{prefix}.{}", e.folded.replace(' ', "_"));
        let unsure = e.ratio() < opts.evidence_ratio;
        let mark = if unsure { "?" } else { "" };
        let canonical = &e.spellings[0].0;
        // the other spellings fold alike: folding finds them, no alias needed;
        // an unsure entry's canonical name is marked, so it needs evidence
        let aliases: Vec<String> = if unsure {
            vec![format!("{mark}{canonical}")]
        } else {
            Vec::new()
        };
        let clean = |s: &str| s.replace(['\t', '\n', '|'], " ");
        writeln!(
            out,
            "{id}\t{}\t{}\t{}\t\t\tlearned: {:.0}% of {} occurrences were a name\t{}\t{}",
            e.kind,
            clean(canonical),
            aliases
                .iter()
                .map(|a| clean(a))
                .collect::<Vec<_>>()
                .join("|"),
            e.ratio() * 100.0,
            e.name_count + e.other_count,
            e.name_count,
            e.other_count
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONLL: &str = "زار O\nللعراق B-LOC\nوفد O\n\nفي O\nالعراق B-LOC\nقال O\nجورج B-PERS\nبوش I-PERS\n\n\
        وليد B-PERS\nقال O\nالعراق B-LOC\n\nالأمل B-ORG\nفي O\nالأمل O\nالأمل O\nالأمل O\n";

    #[test]
    fn learns_names_without_their_proclitics_with_counts() {
        let (got, errors) = learn(
            "t",
            CONLL,
            LearnOptions {
                min_ratio: 0.0,
                ..LearnOptions::default()
            },
        );
        assert!(errors.is_empty());
        let find = |f: &str| got.iter().find(|e| e.folded == f).unwrap();
        assert_eq!(find("العراق").name_count, 3);
        assert_eq!(find("العراق").spellings[0].0, "العراق");
        assert_eq!(find("جورج بوش").kind, EntityType::Person);
        assert_eq!(find("وليد").name_count, 1); // not و + ليد
        let amal = find("الامل");
        assert_eq!((amal.name_count, amal.other_count), (1, 3));
        let (got, _) = learn("t", CONLL, LearnOptions::default());
        assert!(
            !got.iter().any(|e| e.folded == "الامل"),
            "a name a quarter of the time is dropped"
        );
    }

    #[test]
    fn bad_lines_are_reported_with_their_line() {
        let (_, errors) = learn(
            "t.txt",
            "بغداد B-LOC\nكلمة\nقال X-Y\n",
            LearnOptions::default(),
        );
        let msgs: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert!(
            msgs[0].starts_with("t.txt:2: expected `token TAG`"),
            "{msgs:?}"
        );
        assert!(msgs[1].starts_with("t.txt:3: unknown tag"), "{msgs:?}");
    }
}
