//! One document in, its mentions and triples out.

use crate::matcher::{Matcher, Mention};
use crate::normalize::Normalized;
use crate::relation::{Relations, Triple};

/// What rasid finds in one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Analysis {
    pub mentions: Vec<Mention>,
    pub triples: Vec<Triple>,
}

/// The matcher and, when wanted, the relation rules.
#[derive(Debug, Clone)]
pub struct Analyzer {
    pub matcher: Matcher,
    pub relations: Option<Relations>,
}

impl Analyzer {
    pub fn new(matcher: Matcher, relations: Option<Relations>) -> Analyzer {
        Analyzer { matcher, relations }
    }

    pub fn analyze(&self, text: &str) -> Analysis {
        let norm = Normalized::new(text);
        let mentions = self.matcher.find_normalized(text, &norm);
        let triples = match &self.relations {
            Some(r) => r.extract(&self.matcher, text, &norm, &mentions),
            None => Vec::new(),
        };
        Analysis { mentions, triples }
    }
}
