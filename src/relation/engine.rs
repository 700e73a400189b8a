//! Matching rules against the tokens of one sentence.

use crate::gazetteer::EntityType;

use super::lexicon::Lexicon;
use super::rules::{Elem, Lit, Rule};
use super::tokens::{Kind, Token, is_form_of};

/// What a slot is bound to: an entity and the tokens that named it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bound {
    pub entity: usize,
    pub first: usize,
    pub last: usize,
    /// A list slot (`x+`) that took more names: those among the tokens
    /// `first..=last` are bound too.
    pub list: bool,
}

/// One way a rule matched: its token span and its bindings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub slots: Vec<Option<Bound>>,
}

/// How far back `<!( )` looks, in tokens.
const LOOK_BEHIND: usize = 8;

/// Slots a test inside a rule (`!( )`, `<!( )`, a negation) may bind.
const SCRATCH_SLOTS: usize = 16;

/// At most this many ways one rule may match from one token.
const MAX_HITS: usize = 64;

/// The sentence and what the engine needs to read it.
pub struct Sentence<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    /// The rules' cue words among the tokens: (token, id in
    /// [`super::rules::RuleSet::cue_words`]), in token order.
    pub token_cues: &'a [(u32, u32)],
    /// The tokens that are names, in order: where a rule that starts with
    /// a name is tried.
    pub names: &'a [u32],
    /// For each mention of the document: its entity and the entity's type.
    pub mention_entity: &'a dyn Fn(usize) -> (usize, EntityType),
    pub lexicon: &'a Lexicon,
    /// For each country of the lexicon, its entity, when the gazetteer has it.
    pub country_entity: &'a [Option<usize>],
    /// Whether each listed entity is a country (discovered ones never are).
    pub is_country: &'a [bool],
    /// Whether each listed entity is a country's capital.
    pub is_capital: &'a [bool],
    /// For each listed entity, the offices it holds: (kind, the entity of
    /// the place or organization).
    pub offices: &'a [Vec<(String, usize)>],
}

/// The bit of a type, as in slot type sets.
pub fn type_mask(kind: EntityType) -> u8 {
    1 << EntityType::ALL.iter().position(|&k| k == kind).unwrap_or(0)
}

fn same_mark(a: char, b: char) -> bool {
    let class = |c: char| match c {
        '،' | ',' => ',',
        '-' | '–' | '—' | '−' => '-',
        '؛' | ';' => ';',
        _ => c,
    };
    class(a) == class(b)
}

/// The kinds of place that stand before a place name as part of it, folded.
const AREA_WORDS: [&str; 11] = [
    "محافظه ",
    "مدينه ",
    "قضاء ",
    "ناحيه ",
    "اقليم ",
    "ولايه ",
    "بلده ",
    "منطقه ",
    "ريف ",
    "مديريه ",
    "قريه ",
];

/// The folded name `name` starts with the kind of place it is: «محافظة
/// الأنبار» (the `AREA` of the rules).
pub fn written_with_kind(name: &str) -> bool {
    AREA_WORDS.iter().any(|w| name.starts_with(w))
}

/// The words that open the name of a body with a seat of its own, an
/// embassy, a court, a hospital, a university..., folded and without the
/// article.
const SEAT_WORDS: [&str; 14] = [
    "سفاره",
    "قنصليه",
    "محكمه",
    "مستشفى",
    "جامعه",
    "معهد",
    "مفوضيه",
    "منتدى",
    "اداره",
    "بعثه",
    "مكتب",
    "مركز",
    "متحف",
    "مجلس محافظه",
];

/// What follows «قوات» in the name of forces described rather than named
/// («قوات النظام»، «قوات الأمن العراقية»، «قوات الاحتلال»), folded.
const GENERIC_FORCES: [&str; 8] = [
    "النظام",
    "الامن",
    "الاحتلال",
    "الحكومه",
    "المعارضه",
    "التحالف",
    "الشرطه",
    "الجيش",
];

/// The folded name `name` is of a body with a seat (the `SEAT` of the
/// rules): «السفارة السعودية», «المحكمة الجزائية», and in the li + al form
/// «لسفارة» of «للسفارة».
pub fn written_as_seat(name: &str) -> bool {
    // forces named by their own name, not by a country's adjective or as a
    // kind: «قوات البيشمركة في كردستان» says where they are; «القوات
    // الأمريكية في العراق»، «قوات إيرانية في سوريا» speak of a presence
    if let Some(rest) = name.strip_prefix("قوات ") {
        let second = rest.split(' ').next().unwrap_or_default();
        let adjective = !second.starts_with("ال") && second.ends_with("يه");
        return !adjective && !GENERIC_FORCES.contains(&second);
    }
    let bare = name
        .strip_prefix("ال")
        .or_else(|| name.strip_prefix('ل'))
        .unwrap_or(name);
    SEAT_WORDS.iter().any(|w| {
        bare.strip_prefix(w)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
    })
}

impl Sentence<'_> {
    /// Every hit of `rule` in the sentence, in order of start.
    pub fn hits(&self, rule: &Rule) -> Vec<Hit> {
        let mut all = Vec::new();
        let mut binds = vec![None; rule.slots.len()];
        let mut stack = Vec::with_capacity(8);
        // A look-behind that opens the rule is tested once the rest has
        // matched, not at every start: it consumes nothing, and most starts
        // lead nowhere.
        let (before, pattern) = match rule.pattern.split_first() {
            Some((Elem::NotAfter(alts), rest)) => (Some(alts), rest),
            _ => (None, rule.pattern.as_slice()),
        };
        let mut try_from = |start: usize| {
            if rule.first & super::rules::token_kind(&self.tokens[start].kind) == 0 {
                return;
            }
            let mut out = Vec::new();
            stack.clear();
            stack.push(pattern);
            self.go(&mut stack, start, start, &mut binds, &mut out);
            if let Some(alts) = before
                && !out.is_empty()
                && alts.iter().any(|alt| self.ends_at(alt, start))
            {
                return;
            }
            all.extend(out);
        };
        match &rule.start_cues {
            // a rule that opens with a word is tried where one of its words stands
            Some(ids) => {
                let mut last = None;
                for &(token, cue) in self.token_cues {
                    if last != Some(token) && ids.binary_search(&cue).is_ok() {
                        last = Some(token);
                        try_from(token as usize);
                    }
                }
            }
            // a rule that opens with a name is tried at the names
            None if rule.first == super::rules::token_kind(&Kind::Name(0)) => {
                self.names.iter().for_each(|&k| try_from(k as usize))
            }
            None => (0..self.tokens.len()).for_each(try_from),
        }
        all
    }

    /// The entity of the name at token `pos`, when it is one of `types`
    /// (`exact`: not behind و/ف).
    fn name_fits(&self, pos: usize, types: u8, exact: bool) -> Option<usize> {
        let token = self.tokens.get(pos).filter(|t| !(exact && t.conj))?;
        let Kind::Name(m) = token.kind else {
            return None;
        };
        let (entity, kind) = (self.mention_entity)(m);
        let flag = |of: &[bool], bit: u8| {
            if types & bit != 0 && of.get(entity).copied().unwrap_or(false) {
                bit
            } else {
                0
            }
        };
        let country = flag(self.is_country, super::rules::COUNTRY)
            | flag(self.is_capital, super::rules::CAPITAL);
        let area = if types & super::rules::AREA != 0
            && kind == EntityType::Loc
            && written_with_kind(&self.text[token.start..token.end])
        {
            super::rules::AREA
        } else {
            0
        };
        let seat = if types & super::rules::SEAT != 0
            && kind == EntityType::Org
            && written_as_seat(&self.text[token.start..token.end])
        {
            super::rules::SEAT
        } else {
            0
        };
        (types & (type_mask(kind) | country | area | seat) != 0).then_some(entity)
    }

    /// The last name of the list that opens with the name at `pos`: the
    /// names of `types` after it, each behind و (and a comma): «الولايات
    /// المتحدة، وبريطانيا وفرنسا».
    fn list_end(&self, pos: usize, types: u8) -> usize {
        let mut last = pos;
        loop {
            let mut next = last + 1;
            if matches!(
                self.tokens.get(next).map(|t| t.kind),
                Some(Kind::Punct('،' | ','))
            ) {
                next += 1;
            }
            let joined = self.tokens.get(next).is_some_and(|t| t.conj);
            if !joined || self.name_fits(next, types, false).is_none() {
                return last;
            }
            last = next;
        }
    }

    /// The entities a slot is bound to: its own, and for a list, those of
    /// the other names in it.
    pub fn bound_entities(&self, bound: &Bound) -> Vec<usize> {
        if !bound.list {
            return vec![bound.entity];
        }
        self.tokens[bound.first..=bound.last]
            .iter()
            .filter_map(|t| match t.kind {
                Kind::Name(m) => Some((self.mention_entity)(m).0),
                _ => None,
            })
            .collect()
    }

    /// Does an element sequence match at `at`, anything after it ignored?
    /// (Slots in it bind nothing that outlives the test.)
    pub fn matches_at(&self, elems: &[Elem], at: usize) -> Option<usize> {
        let mut out = Vec::new();
        let mut binds = [None; SCRATCH_SLOTS];
        let mut stack = Vec::with_capacity(4);
        stack.push(elems);
        self.go(&mut stack, at, at, &mut binds, &mut out);
        out.iter().map(|h| h.end).min()
    }

    /// Does an element sequence match tokens that end right before `at`
    /// (starting at most [`LOOK_BEHIND`] tokens back)?
    fn ends_at(&self, elems: &[Elem], at: usize) -> bool {
        let mut out = Vec::new();
        let mut binds = [None; SCRATCH_SLOTS];
        let mut stack = Vec::with_capacity(4);
        (at.saturating_sub(LOOK_BEHIND)..at).any(|from| {
            out.clear();
            stack.clear();
            stack.push(elems);
            self.go(&mut stack, from, from, &mut binds, &mut out);
            out.iter().any(|h| h.end == at)
        })
    }

    fn go(
        &self,
        stack: &mut Vec<&[Elem]>,
        start: usize,
        pos: usize,
        binds: &mut [Option<Bound>],
        out: &mut Vec<Hit>,
    ) {
        if out.len() >= MAX_HITS {
            return;
        }
        // the next element: the first of the innermost sequence with one left
        let Some(depth) = stack.iter().rposition(|s| !s.is_empty()) else {
            if pos > start {
                out.push(Hit {
                    start,
                    end: pos,
                    slots: binds.to_vec(),
                });
            }
            return;
        };
        // the sequences above `depth` are empty: drop them now, put them back after
        let empties = stack.len() - depth - 1;
        let current = stack[depth];
        stack.truncate(depth + 1);
        let elem = &current[0];
        stack[depth] = &current[1..];
        let tokens = self.tokens;
        match elem {
            Elem::Lit { lits, exact } => {
                if let Some(end) = self.literal(lits, *exact, pos) {
                    self.go(stack, start, end, binds, out);
                }
            }
            Elem::AnyPunct => {
                if matches!(tokens.get(pos).map(|t| t.kind), Some(Kind::Punct(_))) {
                    self.go(stack, start, pos + 1, binds, out);
                }
            }
            Elem::Slot {
                types,
                slot,
                exact,
                list,
            } => {
                if let Some(entity) = self.name_fits(pos, *types, *exact) {
                    match slot {
                        Some(slot) => {
                            let old = binds[*slot];
                            // the whole list first, then the first name alone
                            let last = if *list {
                                self.list_end(pos, *types)
                            } else {
                                pos
                            };
                            for last in [last, pos] {
                                binds[*slot] = Some(Bound {
                                    entity,
                                    first: pos,
                                    last,
                                    list: last > pos,
                                });
                                self.go(stack, start, last + 1, binds, out);
                                if last == pos {
                                    break;
                                }
                            }
                            binds[*slot] = old;
                        }
                        None => self.go(stack, start, pos + 1, binds, out),
                    }
                }
            }
            Elem::Class { name, bind, exact } => {
                let mut found = Vec::new();
                if let Some(p) = self.lexicon.nationality_class(name) {
                    p.lookup(self.text, tokens, pos, *exact, &mut found);
                } else if let Some(p) = self.lexicon.classes.get(name) {
                    p.lookup(self.text, tokens, pos, *exact, &mut found);
                }
                for (len, value) in found {
                    match bind {
                        Some(slot) => {
                            let Some(Some(entity)) = self.country_entity.get(value) else {
                                continue;
                            };
                            let old = binds[*slot];
                            binds[*slot] = Some(Bound {
                                entity: *entity,
                                first: pos,
                                last: pos + len - 1,
                                list: false,
                            });
                            self.go(stack, start, pos + len, binds, out);
                            binds[*slot] = old;
                        }
                        None => self.go(stack, start, pos + len, binds, out),
                    }
                }
            }
            Elem::Office { kind, of, bind } => {
                let Some(person) = binds[*of] else {
                    stack.truncate(depth);
                    stack.push(current);
                    stack.extend(std::iter::repeat_n(&[][..], empties));
                    return;
                };
                let held = self
                    .offices
                    .get(person.entity)
                    .map_or(&[][..], Vec::as_slice);
                let old = binds[*bind];
                for &(ref k, entity) in held {
                    let fits =
                        (kind == "any" || k == kind) && old.is_none_or(|b| b.entity == entity);
                    if fits {
                        binds[*bind] = Some(Bound {
                            entity,
                            first: person.first,
                            last: person.last,
                            list: false,
                        });
                        self.go(stack, start, pos, binds, out);
                    }
                }
                binds[*bind] = old;
            }
            Elem::NotAfter(alts) => {
                let blocked = alts.iter().any(|alt| self.ends_at(alt, pos));
                if !blocked {
                    self.go(stack, start, pos, binds, out);
                }
            }
            Elem::Not(alts) => {
                // (a name of some types, the common test, is read off the
                // token without running the engine)
                let blocked = alts.iter().any(|alt| match alt.as_slice() {
                    [Elem::Slot { types, exact, .. }] => {
                        self.name_fits(pos, *types, *exact).is_some()
                    }
                    _ => self.matches_at(alt, pos).is_some(),
                });
                if !blocked {
                    self.go(stack, start, pos, binds, out);
                }
            }
            Elem::Alt(alts) => {
                for alt in alts {
                    stack.push(alt);
                    self.go(stack, start, pos, binds, out);
                    stack.pop();
                }
            }
            Elem::Opt(alts) => {
                self.go(stack, start, pos, binds, out);
                for alt in alts {
                    stack.push(alt);
                    self.go(stack, start, pos, binds, out);
                    stack.pop();
                }
            }
            Elem::Gap { min, max, names } => {
                for k in 0..=*max {
                    if k > 0 {
                        match tokens.get(pos + k - 1).map(|t| t.kind) {
                            None => break,
                            Some(Kind::Name(_)) if !names => break,
                            _ => {}
                        }
                    }
                    if k >= *min {
                        self.go(stack, start, pos + k, binds, out);
                    }
                }
            }
        }
        stack.truncate(depth);
        stack.push(current);
        stack.extend(std::iter::repeat_n(&[][..], empties));
    }

    /// The end of literal tokens matched at `pos`; the first word may carry
    /// proclitics.
    fn literal(&self, lits: &[Lit], exact: bool, pos: usize) -> Option<usize> {
        for (k, lit) in lits.iter().enumerate() {
            let tok = self.tokens.get(pos + k)?;
            // a one-letter preposition written on the name after it
            // («في منبج بسوريا»): it matches there and takes no token
            if let (Lit::Word(w), Kind::Name(_), Some(p)) = (lit, tok.kind, tok.preposition)
                && k + 1 == lits.len()
                && w.len() == p.len_utf8()
                && w.starts_with(p)
            {
                return Some(pos + k);
            }
            let ok = match (lit, tok.kind) {
                (Lit::Punct(c), Kind::Punct(d)) => same_mark(*c, d),
                (Lit::Word(w), Kind::Word) => {
                    let t = &self.text[tok.start..tok.end];
                    if k == 0 && !exact {
                        is_form_of(t, w)
                    } else {
                        t == w
                    }
                }
                _ => false,
            };
            if !ok {
                return None;
            }
        }
        Some(pos + lits.len())
    }
}
