//! Spelling variants that folding cannot reach: interchangeable letter
//! sequences such as أميركي / أمريكي or ديمقراطي / ديموقراطي. Every alias is
//! compiled in each of its variant spellings.

use crate::normalize::fold;

/// Pairs of folded letter sequences that spell the same thing.
#[derive(Debug, Clone, Default)]
pub struct Variants {
    pairs: Vec<(String, String)>,
}

/// At most this many spellings of one alias.
const MAX_SPELLINGS: usize = 16;

impl Variants {
    /// The bundled pairs, `gazetteers/variants.tsv`.
    pub fn bundled() -> Variants {
        Variants::parse(include_str!("../../gazetteers/variants.tsv"))
    }

    /// Reads `form<TAB>variant<TAB>note` rows after a header line.
    pub fn parse(text: &str) -> Variants {
        let pairs = text
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let mut cells = l.split('\t');
                let (a, b) = (fold(cells.next()?), fold(cells.next()?));
                (!a.is_empty() && !b.is_empty() && a != b).then_some((a, b))
            })
            .collect();
        Variants { pairs }
    }

    /// Every spelling of a folded alias, itself first.
    ///
    /// ```
    /// let v = rasid::gazetteer::Variants::bundled();
    /// let all = v.spellings("القوات الامريكيه");
    /// assert!(all.contains(&"القوات الاميركيه".to_string()));
    /// ```
    pub fn spellings(&self, folded: &str) -> Vec<String> {
        let mut out = vec![folded.to_string()];
        for (a, b) in &self.pairs {
            let mut i = 0;
            while i < out.len() && out.len() < MAX_SPELLINGS {
                let s = &out[i];
                for (from, to) in [(a, b), (b, a)] {
                    if s.contains(from.as_str()) {
                        let v = s.replace(from.as_str(), to);
                        if !out.contains(&v) {
                            out.push(v);
                            break;
                        }
                    }
                }
                i += 1;
            }
        }
        out.truncate(MAX_SPELLINGS);
        out
    }
}
