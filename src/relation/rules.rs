//! The rule language: a plain text file an analyst can read and extend.
//!
//! ```text
//! # a comment
//! class attack = استهدف | استهدفت | هاجم | "شن هجوما على"
//!
//! leader.title_nationality: leader_of(person, country) 0.9
//!     @head @nat:country [PUNCT] [@rank] PERSON:person
//! ```
//!
//! A rule is a header `ID: PREDICATE(SUBJECT, OBJECT) [CONFIDENCE]` and a
//! pattern on the indented lines under it, matched inside one sentence:
//!
//! | element | matches |
//! | --- | --- |
//! | `word`, `"two words"` | those words, folded; the first may carry proclitics (و ف ب ل ك, للـ) |
//! | `=word`, `=@class`, `=ORG:x` | as written: no proclitics on the first word (`=@head` does not take ورئيس; `=ORG:x` no name behind و/ف) |
//! | `"،"` | that punctuation mark (، and , are one; so are - – —) |
//! | `PUNCT` | any one punctuation mark |
//! | `PERSON:x`, `ORG\|LOC:x`, `ANY:x`, `COUNTRY:x`, `AREA:x`, `CAPITAL:x`, `SEAT:x` | one name of those types (COUNTRY: a place that is a country; AREA: a place written with its kind, «محافظة الأنبار»; CAPITAL: a country's capital; SEAT: an organization with a seat, written as an embassy, a court, a hospital, a university..., «السفارة السعودية»), bound to slot `x` (`ORG\|LOC` alone binds nothing) |
//! | `ORG\|COUNTRY:x+` | the same, and the names of those types joined to it by و (and a comma), each bound to `x` in a fact of its own: «وجهت الولايات المتحدة وبريطانيا وفرنسا ضربات» |
//! | `@class`, `@nat:x` | a title or rank of a class of `titles.tsv`, a `class` defined above, or a nationality adjective (bound to slot `x` as its country; `@nat_feminine` only the feminine singular ones, العراقية); `@group:x`, the adjective of a group in `group-adjectives.tsv` (الحوثي، الإخواني), bound to the group |
//! | `OFFICE(kind, p):x` | nothing; binds `x` to the place or organization of which the person bound to `p` holds or held the office `kind` (the `office` column of `persons.tsv`, `president:loc.syria`): «الرئيس بشار الأسد» |
//! | `[ a b ]` | optional |
//! | `!( a \| b )` | nothing, where neither `a` nor `b` follows |
//! | `( a \| b c )` | alternatives |
//! | `...{m,n}` | m to n words and marks, no names among them (default 0 to 3) |
//! | `***{m,n}` | m to n tokens of any kind, names included |
//!
//! The classes `negation` and `negation_exception`, when defined, are used
//! by the engine: a match with a negation within four tokens before it or
//! inside it is dropped, unless an exception (سوى، إلا) follows the negation
//! inside the match.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorKind, Location};
use crate::gazetteer::EntityType;
use crate::normalize::{fold, is_word_char};

use super::lexicon::Lexicon;
use super::tokens::Kind;

/// A literal token of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lit {
    Word(String),
    Punct(char),
}

/// One element of a pattern.
#[derive(Debug, Clone, PartialEq)]
pub enum Elem {
    /// Literal tokens; unless `exact`, the first word may carry proclitics.
    Lit {
        lits: Vec<Lit>,
        exact: bool,
    },
    /// A class of the lexicon: a title class, or `nat` (binds a country).
    Class {
        name: String,
        bind: Option<usize>,
        exact: bool,
    },
    /// A name of one of the types (bit set over [`EntityType::ALL`]),
    /// bound to a slot or not.
    Slot {
        types: u8,
        slot: Option<usize>,
        exact: bool,
        /// `x+`: the slot also takes the names joined to the first by و
        /// («الولايات المتحدة وبريطانيا وفرنسا»), each a fact of its own.
        list: bool,
    },
    AnyPunct,
    /// Matches nothing; binds `bind` to what the person bound to `of` holds
    /// the office `kind` of, and fails where the person holds none (or
    /// `bind` is already bound to something else).
    Office {
        kind: String,
        of: usize,
        bind: usize,
    },
    /// Matches nothing, and only where its alternatives do not match.
    Not(Vec<Vec<Elem>>),
    /// Matches nothing, and only where none of its alternatives matches
    /// tokens that end right here: `<!(@office [@nat])` before a name is "a
    /// name with no title of its own before it".
    NotAfter(Vec<Vec<Elem>>),
    Alt(Vec<Vec<Elem>>),
    Opt(Vec<Vec<Elem>>),
    Gap {
        min: usize,
        max: usize,
        names: bool,
    },
}

/// A compiled rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// For each slot that only a name can fill: the types that may fill it.
    /// A sentence without a name of those types cannot match.
    pub needs: Vec<u8>,
    /// Words the rule cannot match without: for each set, one of its words
    /// (ids in [`RuleSet::cue_words`]) must be a word of the sentence,
    /// behind proclitics or not.
    pub cues: Vec<Vec<u32>>,
    /// The kinds of token a hit may start at (bits of [`token_kind`]).
    pub first: u8,
    /// When a hit must start with a word: the words it may start with
    /// (sorted ids in [`RuleSet::cue_words`]), behind proclitics or not.
    pub start_cues: Option<Vec<u32>>,
    pub id: String,
    pub predicate: String,
    pub subject: usize,
    pub object: usize,
    pub confidence: f32,
    pub slots: Vec<String>,
    pub pattern: Vec<Elem>,
    pub origin: Location,
}

/// Rules and the classes they defined.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    pub classes: HashMap<String, Vec<Vec<Elem>>>,
    /// Every word some rule needs, numbered.
    pub cue_words: rustc_hash::FxHashMap<String, u32>,
}

/// The bit of a token's kind, for [`Rule::first`].
pub fn token_kind(kind: &Kind) -> u8 {
    match kind {
        Kind::Word => 1,
        Kind::Name(_) => 2,
        Kind::Punct(_) => 4,
    }
}

const ANY_TOKEN: u8 = 7;

/// The kinds of token a match of `elems` may start with, and whether it
/// may match no token at all. A rule is only tried where its first token
/// can be: most start with a name, and most tokens are words.
fn first_kinds(elems: &[Elem]) -> (u8, bool) {
    let union = |alts: &[Vec<Elem>]| {
        alts.iter()
            .map(|a| first_kinds(a))
            .fold((0, false), |(m, n), (a, b)| (m | a, n || b))
    };
    let mut mask = 0;
    for e in elems {
        let (m, nullable) = match e {
            Elem::Lit { lits, .. } => match lits.first() {
                Some(Lit::Word(_)) => (token_kind(&Kind::Word), false),
                Some(Lit::Punct(_)) => (token_kind(&Kind::Punct('.')), false),
                None => (0, true),
            },
            Elem::Class { .. } => (token_kind(&Kind::Word), false),
            Elem::Slot { .. } => (token_kind(&Kind::Name(0)), false),
            Elem::AnyPunct => (token_kind(&Kind::Punct('.')), false),
            Elem::Not(_) | Elem::NotAfter(_) | Elem::Office { .. } => (0, true),
            Elem::Alt(alts) => union(alts),
            Elem::Opt(alts) => (union(alts).0, true),
            Elem::Gap { min, .. } => (ANY_TOKEN, *min == 0),
        };
        mask |= m;
        if !nullable {
            return (mask, false);
        }
    }
    (ANY_TOKEN, true)
}

/// The bundled rules, `gazetteers/relations.rules`.
pub const BUNDLED: &str = include_str!("../../gazetteers/relations.rules");

impl RuleSet {
    /// Parses rule text, adding to what is there; every error is returned
    /// with its line and column.
    pub fn parse(&mut self, path: &Path, text: &str, lexicon: &Lexicon) -> Result<(), Vec<Error>> {
        let mut errors = Vec::new();
        let mut lines = text
            .lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l.strip_suffix('\r').unwrap_or(l)))
            .peekable();
        while let Some((n, line)) = lines.next() {
            let body = strip_comment(line);
            if body.trim().is_empty() {
                continue;
            }
            if body.starts_with(char::is_whitespace) {
                errors.push(err(path, n, 1, "a pattern line outside a rule; expected a rule header `ID: PREDICATE(SUBJECT, OBJECT)` first"));
                continue;
            }
            if let Some(rest) = body.strip_prefix("class ") {
                if let Err(e) = self.parse_class(path, n, body, rest, lexicon) {
                    errors.push(e);
                }
                continue;
            }
            // a rule: header, then indented pattern lines
            let mut pattern_lines = Vec::new();
            while let Some(&(m, next)) = lines.peek() {
                let b = strip_comment(next);
                if b.trim().is_empty() {
                    lines.next();
                    if !pattern_lines.is_empty() {
                        break;
                    }
                    continue;
                }
                if !b.starts_with(char::is_whitespace) {
                    break;
                }
                pattern_lines.push((m, b));
                lines.next();
            }
            match self.parse_rule(path, n, body, &pattern_lines, lexicon).map(
                |(mut rule, cues, start_words)| {
                    let mut ids = |set: Vec<String>| {
                        let mut ids: Vec<u32> = set
                            .into_iter()
                            .map(|w| {
                                let next = self.cue_words.len() as u32;
                                *self.cue_words.entry(w).or_insert(next)
                            })
                            .collect();
                        ids.sort_unstable();
                        ids.dedup();
                        ids
                    };
                    rule.cues = cues.into_iter().map(&mut ids).collect();
                    rule.start_cues = start_words.map(ids);
                    rule
                },
            ) {
                Ok(rule) => {
                    if self.rules.iter().any(|r| r.id == rule.id) {
                        errors.push(err(
                            path,
                            n,
                            1,
                            &format!("rule id {:?} is used twice", rule.id),
                        ));
                    } else {
                        self.rules.push(rule);
                    }
                }
                Err(e) => errors.push(e),
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    fn parse_class(
        &mut self,
        path: &Path,
        n: usize,
        body: &str,
        rest: &str,
        lexicon: &Lexicon,
    ) -> Result<(), Error> {
        let Some(eq) = rest.find('=') else {
            return Err(err(
                path,
                n,
                body.len() + 1,
                "expected `=` after the class name",
            ));
        };
        let name = rest[..eq].trim().trim_start_matches('@');
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(err(
                path,
                n,
                7,
                "expected a class name of letters, digits and `_`",
            ));
        }
        let offset = body.len() - rest.len() + eq + 1;
        let toks = lex(
            path,
            &[(n, &body[offset..])],
            body[..offset].chars().count(),
        )?;
        let mut slots = Vec::new();
        let mut p = Parser {
            toks: &toks,
            at: 0,
            path,
            lexicon,
            classes: &self.classes,
            slots: &mut slots,
            end: (n, body.chars().count() + 1),
        };
        let alts = p.alternatives()?;
        p.finish()?;
        if !slots.is_empty() {
            return Err(err(
                path,
                n,
                body[..offset].chars().count() + 1,
                "a class cannot bind slots; bind them in the rule",
            ));
        }
        self.classes.insert(name.to_string(), alts);
        Ok(())
    }

    /// A rule, and the sets of words it cannot match without.
    #[allow(clippy::type_complexity)]
    fn parse_rule(
        &self,
        path: &Path,
        n: usize,
        header: &str,
        lines: &[(usize, &str)],
        lexicon: &Lexicon,
    ) -> Result<(Rule, Vec<Vec<String>>, Option<Vec<String>>), Error> {
        let (id, predicate, subject, object, confidence) = parse_header(path, n, header)?;
        if lines.is_empty() {
            return Err(err(
                path,
                n,
                header.chars().count() + 1,
                "expected an indented pattern line under the rule header",
            ));
        }
        let toks = lex(path, lines, 0)?;
        let mut slots = Vec::new();
        let last = lines
            .last()
            .map(|(m, l)| (*m, l.chars().count() + 1))
            .unwrap_or((n, 1));
        let mut p = Parser {
            toks: &toks,
            at: 0,
            path,
            lexicon,
            classes: &self.classes,
            slots: &mut slots,
            end: last,
        };
        let alts = p.alternatives()?;
        p.finish()?;
        let pattern = if alts.len() == 1 {
            alts.into_iter().next().unwrap_or_default()
        } else {
            vec![Elem::Alt(alts)]
        };
        let slot = |name: &str| slots.iter().position(|s| s == name);
        let (Some(s), Some(o)) = (slot(&subject), slot(&object)) else {
            let missing = if slot(&subject).is_none() {
                subject
            } else {
                object
            };
            return Err(err(
                path,
                n,
                1,
                &format!(
                    "slot `{missing}` of the header is not bound in the pattern (bind it as TYPE:{missing} or @nat:{missing})"
                ),
            ));
        };
        let mut by_name = vec![0u8; slots.len()];
        let mut by_class = vec![false; slots.len()];
        slot_sources(&pattern, &mut by_name, &mut by_class);
        let needs = by_name
            .iter()
            .zip(&by_class)
            .filter(|(_, c)| !**c)
            .map(|(t, _)| *t)
            .collect();
        let cues = pattern
            .iter()
            .filter_map(|e| first_words(e, lexicon, &self.classes))
            .collect();
        // what a hit starts with: the first element that consumes a token
        // (tests before it consume none); an optional one could be skipped
        let start_words = pattern
            .iter()
            .find(|e| !matches!(e, Elem::Not(_) | Elem::NotAfter(_)))
            .and_then(|e| first_words(e, lexicon, &self.classes));
        let rule = Rule {
            needs,
            cues: Vec::new(),
            first: first_kinds(&pattern).0,
            start_cues: None,
            id,
            predicate,
            subject: s,
            object: o,
            confidence,
            slots,
            pattern,
            origin: Location::line(path, n),
        };
        Ok((rule, cues, start_words))
    }
}

/// The words one of which must start a match of `elem`, when they can be
/// told: a literal, a title class, or alternatives that all start so.
fn first_words(
    elem: &Elem,
    lexicon: &Lexicon,
    classes: &HashMap<String, Vec<Vec<Elem>>>,
) -> Option<Vec<String>> {
    match elem {
        Elem::Lit { lits, .. } => match lits.first()? {
            // ب، ل، ك alone also match the preposition written on a name
            // («بسوريا»), which is no word of the sentence
            Lit::Word(w) if lits.len() == 1 && matches!(w.as_str(), "ب" | "ل" | "ك") => None,
            Lit::Word(w) => Some(vec![w.clone()]),
            Lit::Punct(_) => None,
        },
        Elem::Class { name, .. } if lexicon.nationality_class(name).is_some() => Some(
            lexicon
                .nationality_class(name)?
                .first_words()
                .map(str::to_string)
                .collect(),
        ),
        Elem::Class { name, .. } => Some(
            lexicon
                .classes
                .get(name)?
                .first_words()
                .map(str::to_string)
                .collect(),
        ),
        Elem::Alt(alts) => {
            let mut all = Vec::new();
            for alt in alts {
                // the first element of the alternative that must match
                let first = alt.iter().find(|e| {
                    !matches!(
                        e,
                        Elem::Opt(_) | Elem::Not(_) | Elem::NotAfter(_) | Elem::Gap { min: 0, .. }
                    )
                })?;
                if alt
                    .iter()
                    .take_while(|e| !std::ptr::eq(*e, first))
                    .any(|e| !matches!(e, Elem::Not(_) | Elem::NotAfter(_)))
                {
                    return None; // an optional part could start the match instead
                }
                all.extend(first_words(first, lexicon, classes)?);
            }
            Some(all)
        }
        _ => None,
    }
}

/// The type bits of a slot with `COUNTRY` read as the place type it
/// narrows, for what a sentence must hold for the rule to fit (a sentence
/// tells apart its places written with their kind, `AREA`, not its
/// countries).
/// Which types of name, and whether a class, may bind each slot.
fn slot_sources(elems: &[Elem], by_name: &mut [u8], by_class: &mut [bool]) {
    for e in elems {
        match e {
            Elem::Slot {
                types,
                slot: Some(s),
                ..
            } => by_name[*s] |= *types,
            Elem::Class { bind: Some(s), .. } | Elem::Office { bind: s, .. } => by_class[*s] = true,
            Elem::Alt(alts) | Elem::Opt(alts) => {
                for a in alts {
                    slot_sources(a, by_name, by_class);
                }
            }
            _ => {}
        }
    }
}

fn strip_comment(line: &str) -> &str {
    let mut in_quote = false;
    for (i, c) in line.char_indices() {
        match c {
            '"' => in_quote = !in_quote,
            '#' if !in_quote => return &line[..i],
            _ => {}
        }
    }
    line
}

fn err(path: &Path, line: usize, col: usize, msg: &str) -> Error {
    Error::new(
        ErrorKind::BadRow(msg.to_string()),
        Location::line(path, line).with_column(col),
    )
}

fn parse_header(
    path: &Path,
    n: usize,
    h: &str,
) -> Result<(String, String, String, String, f32), Error> {
    let col = |byte: usize| h[..byte].chars().count() + 1;
    let Some(colon) = h.find(':') else {
        return Err(err(
            path,
            n,
            h.chars().count() + 1,
            "expected `ID: PREDICATE(SUBJECT, OBJECT) [CONFIDENCE]`",
        ));
    };
    let id = h[..colon].trim();
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c))
    {
        return Err(err(
            path,
            n,
            1,
            "expected a rule id of ASCII letters, digits, `_`, `.` or `-`",
        ));
    }
    let rest = &h[colon + 1..];
    let Some(open) = rest.find('(') else {
        return Err(err(
            path,
            n,
            col(colon + 1 + rest.len()),
            "expected `(` after the predicate",
        ));
    };
    let predicate = rest[..open].trim();
    if predicate.is_empty()
        || !predicate
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == '_')
    {
        return Err(err(
            path,
            n,
            col(colon + 1),
            "expected a predicate in lower case (leader_of, met_with...)",
        ));
    }
    let Some(close) = rest.find(')') else {
        return Err(err(path, n, col(h.len()), "expected `)` closing the slots"));
    };
    let args: Vec<&str> = rest[open + 1..close].split(',').map(str::trim).collect();
    if args.len() != 2 || args.iter().any(|a| a.is_empty()) {
        return Err(err(
            path,
            n,
            col(colon + 1 + open + 1),
            "expected two slot names: (SUBJECT, OBJECT)",
        ));
    }
    let tail = rest[close + 1..].trim();
    let confidence = if tail.is_empty() {
        0.8
    } else {
        match tail.parse::<f32>() {
            Ok(c) if c > 0.0 && c <= 1.0 => c,
            _ => {
                return Err(err(
                    path,
                    n,
                    col(colon + 1 + close + 1),
                    &format!("expected a confidence in (0, 1], found {tail:?}"),
                ));
            }
        }
    };
    Ok((
        id.to_string(),
        predicate.to_string(),
        args[0].to_string(),
        args[1].to_string(),
        confidence,
    ))
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Not,
    NotAfter,
    Open(char),
    Close(char),
    Bar,
    Gap {
        min: usize,
        max: usize,
        names: bool,
    },
    Class(String, Option<String>, bool),
    Slot(u8, Option<String>, bool, bool),
    /// `OFFICE(kind, of):bind`
    Office(String, String, String),
    AnyPunct,
    Lit(String, bool),
}

/// The bit of `COUNTRY`: a place that is a country (it has a nationality
/// adjective in `nationalities.tsv`).
pub const COUNTRY: u8 = 0b1_0000;

/// The bit of `AREA`: a place written with its kind as part of the name
/// («محافظة الأنبار», «مدينة الموصل»), so that «في محافظة» is inside it.
pub const AREA: u8 = 0b10_0000;

/// The bit of `CAPITAL`: a place that is a country's capital (its note in
/// `places.tsv` starts with "capital of"), which news names for its
/// government («ميليشيات طهران في اليمن»).
pub const CAPITAL: u8 = 0b100_0000;

/// The bit of `SEAT`: an organization whose name says it has a seat of its
/// own, an embassy, a court, a hospital, a university («السفارة السعودية»,
/// «المحكمة الجزائية»): where it is, it is located (armed forces and
/// groups somewhere are deployed or fighting there).
pub const SEAT: u8 = 0b1000_0000;

fn type_bit(name: &str) -> Option<u8> {
    if name == "ANY" {
        return Some(0b1111);
    }
    if name == "COUNTRY" {
        return Some(COUNTRY);
    }
    if name == "AREA" {
        return Some(AREA);
    }
    if name == "CAPITAL" {
        return Some(CAPITAL);
    }
    if name == "SEAT" {
        return Some(SEAT);
    }
    let kind = EntityType::parse(name)?;
    Some(1 << EntityType::ALL.iter().position(|&k| k == kind)?)
}

/// Tokens of pattern lines, each with its line and column.
fn lex(
    path: &Path,
    lines: &[(usize, &str)],
    first_offset: usize,
) -> Result<Vec<(Tok, usize, usize)>, Error> {
    let mut out = Vec::new();
    for (k, &(n, line)) in lines.iter().enumerate() {
        let base = if k == 0 { first_offset } else { 0 };
        let chars: Vec<(usize, char)> = line.char_indices().collect();
        let mut i = 0;
        let col_of = |i: usize| base + i + 1;
        let mut exact = false;
        while i < chars.len() {
            let (_, c) = chars[i];
            let col = col_of(i);
            if c.is_whitespace() {
                if exact {
                    return Err(err(
                        path,
                        n,
                        col,
                        "expected a word or a class right after `=`",
                    ));
                }
                i += 1;
                continue;
            }
            if c == '=' && !exact {
                exact = true;
                i += 1;
                continue;
            }
            let was_exact = std::mem::take(&mut exact);
            if was_exact && !(c == '@' || c == '"' || is_word_char(c)) {
                // (an upper-case type is a word character too: =ORG:x)
                return Err(err(
                    path,
                    n,
                    col,
                    "expected a word or a class right after `=`",
                ));
            }
            let rest: String = chars[i..].iter().map(|&(_, ch)| ch).collect();
            if c == '!' && chars.get(i + 1).is_some_and(|&(_, n)| n == '(') {
                out.push((Tok::Not, n, col));
                i += 1;
            } else if rest.starts_with("<!(") {
                out.push((Tok::NotAfter, n, col));
                i += 2;
            } else if matches!(c, '[' | '(') {
                out.push((Tok::Open(c), n, col));
                i += 1;
            } else if matches!(c, ']' | ')') {
                out.push((Tok::Close(c), n, col));
                i += 1;
            } else if c == '|' {
                out.push((Tok::Bar, n, col));
                i += 1;
            } else if rest.starts_with("...") || rest.starts_with("***") {
                let names = c == '*';
                i += 3;
                let (mut min, mut max) = (0, 3);
                if chars.get(i).map(|&(_, ch)| ch) == Some('{') {
                    let close = chars[i..]
                        .iter()
                        .position(|&(_, ch)| ch == '}')
                        .map(|p| p + i);
                    let Some(close) = close else {
                        return Err(err(
                            path,
                            n,
                            col_of(i),
                            "expected `}` closing the gap bounds",
                        ));
                    };
                    let inner: String = chars[i + 1..close].iter().map(|&(_, ch)| ch).collect();
                    let nums: Vec<Option<usize>> =
                        inner.split(',').map(|x| x.trim().parse().ok()).collect();
                    match nums.as_slice() {
                        [Some(n1)] => max = *n1,
                        [Some(a), Some(b)] if a <= b => (min, max) = (*a, *b),
                        _ => {
                            return Err(err(
                                path,
                                n,
                                col_of(i),
                                &format!(
                                    "expected gap bounds `{{n}}` or `{{m,n}}` with m <= n, found {{{inner}}}"
                                ),
                            ));
                        }
                    }
                    if max > 30 {
                        return Err(err(path, n, col_of(i), "a gap may span at most 30 tokens"));
                    }
                    i = close + 1;
                }
                out.push((Tok::Gap { min, max, names }, n, col));
            } else if c == '"' {
                let close = chars[i + 1..]
                    .iter()
                    .position(|&(_, ch)| ch == '"')
                    .map(|p| p + i + 1);
                let Some(close) = close else {
                    return Err(err(path, n, col, "expected `\"` closing the quoted words"));
                };
                let inner: String = chars[i + 1..close].iter().map(|&(_, ch)| ch).collect();
                if inner.trim().is_empty() {
                    return Err(err(path, n, col, "empty quoted words"));
                }
                out.push((Tok::Lit(inner, was_exact), n, col));
                i = close + 1;
            } else if c == '@' {
                let mut j = i + 1;
                while j < chars.len() && (chars[j].1.is_ascii_alphanumeric() || chars[j].1 == '_') {
                    j += 1;
                }
                let name: String = chars[i + 1..j].iter().map(|&(_, ch)| ch).collect();
                if name.is_empty() {
                    return Err(err(path, n, col, "expected a class name after `@`"));
                }
                let mut bind = None;
                if chars.get(j).map(|&(_, ch)| ch) == Some(':') {
                    let mut k = j + 1;
                    while k < chars.len()
                        && (chars[k].1.is_ascii_alphanumeric() || chars[k].1 == '_')
                    {
                        k += 1;
                    }
                    if k == j + 1 {
                        return Err(err(
                            path,
                            n,
                            col_of(j + 1),
                            "expected a slot name after `:`",
                        ));
                    }
                    bind = Some(chars[j + 1..k].iter().map(|&(_, ch)| ch).collect());
                    j = k;
                }
                out.push((Tok::Class(name, bind, was_exact), n, col));
                i = j;
            } else if c.is_ascii_uppercase() {
                let mut j = i;
                while j < chars.len() && (chars[j].1.is_ascii_uppercase() || chars[j].1 == '|') {
                    j += 1;
                }
                let word: String = chars[i..j].iter().map(|&(_, ch)| ch).collect();
                let word = word.trim_end_matches('|');
                if word == "PUNCT" {
                    out.push((Tok::AnyPunct, n, col));
                    i += word.len();
                    continue;
                }
                if word == "OFFICE" {
                    let (tok, next) = lex_office(path, n, &chars, i + word.len(), &col_of)?;
                    out.push((tok, n, col));
                    i = next;
                    continue;
                }
                let mut mask = 0u8;
                for t in word.split('|') {
                    match type_bit(t) {
                        Some(b) => mask |= b,
                        None => {
                            return Err(err(
                                path,
                                n,
                                col,
                                &format!(
                                    "unknown type {t:?}; expected PERSON, ORG, BASE, LOC, ANY or PUNCT"
                                ),
                            ));
                        }
                    }
                }
                let j = i + word.chars().count();
                if chars.get(j).map(|&(_, ch)| ch) != Some(':') {
                    // a name that binds nothing
                    out.push((Tok::Slot(mask, None, was_exact, false), n, col));
                    i = j;
                    continue;
                }
                let mut k = j + 1;
                while k < chars.len() && (chars[k].1.is_ascii_alphanumeric() || chars[k].1 == '_') {
                    k += 1;
                }
                if k == j + 1 {
                    return Err(err(
                        path,
                        n,
                        col_of(j + 1),
                        "expected a slot name after `:`",
                    ));
                }
                let list = chars.get(k).map(|&(_, ch)| ch) == Some('+');
                out.push((
                    Tok::Slot(
                        mask,
                        Some(chars[j + 1..k].iter().map(|&(_, ch)| ch).collect()),
                        was_exact,
                        list,
                    ),
                    n,
                    col,
                ));
                i = k + usize::from(list);
            } else {
                let mut j = i;
                while j < chars.len()
                    && !chars[j].1.is_whitespace()
                    && !"[]()|\"".contains(chars[j].1)
                {
                    j += 1;
                }
                out.push((
                    Tok::Lit(chars[i..j].iter().map(|&(_, ch)| ch).collect(), was_exact),
                    n,
                    col,
                ));
                i = j;
            }
        }
    }
    Ok(out)
}

/// `(kind, of):bind` after `OFFICE`, from `at`: the token and where the
/// next one starts.
fn lex_office(
    path: &Path,
    n: usize,
    chars: &[(usize, char)],
    at: usize,
    col_of: &dyn Fn(usize) -> usize,
) -> Result<(Tok, usize), Error> {
    const FORM: &str =
        "expected `OFFICE(kind, slot):slot`, as in OFFICE(president, person):country";
    let ident = |from: usize| {
        let mut j = from;
        while j < chars.len() && (chars[j].1.is_ascii_alphanumeric() || chars[j].1 == '_') {
            j += 1;
        }
        let word: String = chars[from..j].iter().map(|&(_, ch)| ch).collect();
        (word, j)
    };
    let skip_spaces = |mut j: usize| {
        while j < chars.len() && chars[j].1 == ' ' {
            j += 1;
        }
        j
    };
    let expect = |j: usize, c: char| {
        if chars.get(j).map(|&(_, ch)| ch) == Some(c) {
            Ok(j + 1)
        } else {
            Err(err(path, n, col_of(j), FORM))
        }
    };
    let j = expect(at, '(')?;
    let (kind, j) = ident(skip_spaces(j));
    let j = expect(skip_spaces(j), ',')?;
    let (of, j) = ident(skip_spaces(j));
    let j = expect(skip_spaces(j), ')')?;
    let j = expect(j, ':')?;
    let (bind, j) = ident(j);
    if kind.is_empty() || of.is_empty() || bind.is_empty() {
        return Err(err(path, n, col_of(at), FORM));
    }
    Ok((Tok::Office(kind, of, bind), j))
}

struct Parser<'a> {
    toks: &'a [(Tok, usize, usize)],
    at: usize,
    path: &'a Path,
    lexicon: &'a Lexicon,
    classes: &'a HashMap<String, Vec<Vec<Elem>>>,
    slots: &'a mut Vec<String>,
    /// Line and column just after the last token, for "found the end".
    end: (usize, usize),
}

impl Parser<'_> {
    fn here(&self) -> (usize, usize) {
        self.toks
            .get(self.at)
            .map(|&(_, l, c)| (l, c))
            .unwrap_or(self.end)
    }

    fn error(&self, msg: &str) -> Error {
        let (l, c) = self.here();
        let found = match self.toks.get(self.at) {
            Some((Tok::Close(c), ..)) => format!("`{c}`"),
            Some((Tok::Bar, ..)) => "`|`".into(),
            Some(_) => "another element".into(),
            None => "the end of the pattern".into(),
        };
        err(self.path, l, c, &format!("{msg}, found {found}"))
    }

    fn finish(&self) -> Result<(), Error> {
        if self.at < self.toks.len() {
            Err(self.error("expected the end of the pattern"))
        } else {
            Ok(())
        }
    }

    fn alternatives(&mut self) -> Result<Vec<Vec<Elem>>, Error> {
        let mut alts = vec![self.sequence()?];
        while matches!(self.toks.get(self.at), Some((Tok::Bar, ..))) {
            self.at += 1;
            alts.push(self.sequence()?);
        }
        Ok(alts)
    }

    fn sequence(&mut self) -> Result<Vec<Elem>, Error> {
        let mut seq = Vec::new();
        while let Some((tok, ..)) = self.toks.get(self.at) {
            let elem = match tok {
                Tok::Bar | Tok::Close(_) => break,
                Tok::Not | Tok::NotAfter => {
                    let after = *tok == Tok::NotAfter;
                    self.at += 1;
                    let bound = self.slots.len();
                    let Some(Elem::Alt(alts)) = self.sequence_one()? else {
                        return Err(self.error("expected `(` after `!`"));
                    };
                    if self.slots.len() != bound {
                        return Err(self.error("`!( )` cannot bind slots"));
                    }
                    if after {
                        Elem::NotAfter(alts)
                    } else {
                        Elem::Not(alts)
                    }
                }
                Tok::Open(open) => {
                    let want = if *open == '[' { ']' } else { ')' };
                    self.at += 1;
                    let alts = self.alternatives()?;
                    match self.toks.get(self.at) {
                        Some((Tok::Close(c), ..)) if *c == want => self.at += 1,
                        _ => return Err(self.error(&format!("expected `{want}`"))),
                    }
                    if *open == '[' {
                        Elem::Opt(alts)
                    } else {
                        Elem::Alt(alts)
                    }
                }
                Tok::Gap { min, max, names } => {
                    self.at += 1;
                    Elem::Gap {
                        min: *min,
                        max: *max,
                        names: *names,
                    }
                }
                Tok::AnyPunct => {
                    self.at += 1;
                    Elem::AnyPunct
                }
                Tok::Office(kind, of, bind) => {
                    let Some(of) = self.slots.iter().position(|s| s == of) else {
                        let (l, c) = self.here();
                        return Err(err(
                            self.path,
                            l,
                            c,
                            &format!(
                                "OFFICE reads the person of slot `{of}`, which must be bound before it"
                            ),
                        ));
                    };
                    self.at += 1;
                    Elem::Office {
                        kind: kind.clone(),
                        of,
                        bind: self.slot(bind),
                    }
                }
                Tok::Lit(s, exact) => {
                    let lits = literal(s);
                    if lits.is_empty() {
                        return Err(self.error("a literal that folds to nothing"));
                    }
                    self.at += 1;
                    Elem::Lit {
                        lits,
                        exact: *exact,
                    }
                }
                Tok::Slot(types, name, exact, list) => {
                    self.at += 1;
                    Elem::Slot {
                        types: *types,
                        slot: name.as_ref().map(|n| self.slot(n)),
                        exact: *exact,
                        list: *list,
                    }
                }
                Tok::Class(name, bind, exact) => {
                    if let Some(alts) = self.classes.get(name) {
                        if bind.is_some() {
                            return Err(self.error(&format!(
                                "class @{name} is defined by rules and cannot bind a slot"
                            )));
                        }
                        if *exact {
                            return Err(self.error(&format!("`=` applies to words and to the classes of titles.tsv; @{name} is defined by rules")));
                        }
                        self.at += 1;
                        Elem::Alt(alts.clone())
                    } else if self.lexicon.nationality_class(name).is_some()
                        || self.lexicon.classes.contains_key(name)
                    {
                        if bind.is_some() && self.lexicon.nationality_class(name).is_none() {
                            return Err(self.error(&format!(
                                "only @nat and @nat_feminine (to a country) and @group (to a group) bind a slot; @{name} cannot"
                            )));
                        }
                        self.at += 1;
                        let bind = bind.as_ref().map(|b| self.slot(b));
                        Elem::Class {
                            name: name.clone(),
                            bind,
                            exact: *exact,
                        }
                    } else {
                        let mut known: Vec<&str> =
                            self.lexicon.classes.keys().map(String::as_str).collect();
                        known.extend(self.classes.keys().map(String::as_str));
                        known.extend(super::lexicon::NATIONALITY_CLASSES);
                        known.sort();
                        let (l, c) = self.here();
                        return Err(err(
                            self.path,
                            l,
                            c,
                            &format!(
                                "unknown class @{name}; expected one of @{}",
                                known.join(", @")
                            ),
                        ));
                    }
                }
            };
            seq.push(elem);
        }
        Ok(seq)
    }

    /// One parenthesised group, for `!( )`.
    fn sequence_one(&mut self) -> Result<Option<Elem>, Error> {
        if !matches!(self.toks.get(self.at), Some((Tok::Open('('), ..))) {
            return Ok(None);
        }
        self.at += 1;
        let alts = self.alternatives()?;
        match self.toks.get(self.at) {
            Some((Tok::Close(')'), ..)) => self.at += 1,
            _ => return Err(self.error("expected `)`")),
        }
        Ok(Some(Elem::Alt(alts)))
    }

    fn slot(&mut self, name: &str) -> usize {
        match self.slots.iter().position(|s| s == name) {
            Some(i) => i,
            None => {
                self.slots.push(name.to_string());
                self.slots.len() - 1
            }
        }
    }
}

/// The literal tokens of a word or quoted words: folded words and marks.
fn literal(s: &str) -> Vec<Lit> {
    let folded = fold(s);
    let mut out = Vec::new();
    let mut word = String::new();
    for c in folded.chars() {
        if is_word_char(c) {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            out.push(Lit::Word(std::mem::take(&mut word)));
        }
        if c != ' ' {
            out.push(Lit::Punct(c));
        }
    }
    if !word.is_empty() {
        out.push(Lit::Word(word));
    }
    out
}

/// Reads rule files given on the command line (`--rules PATH`): a file, or
/// every `.rules` file of a folder.
pub fn rule_files(path: &Path) -> Vec<PathBuf> {
    if path.is_dir() {
        let mut v: Vec<PathBuf> = std::fs::read_dir(path)
            .map(|d| {
                d.flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|e| e == "rules"))
                    .collect()
            })
            .unwrap_or_default();
        v.sort();
        v
    } else {
        vec![path.to_path_buf()]
    }
}
