//! One document in, its mentions and triples out.

use crate::discover::{Discoverer, Scope};
use crate::gazetteer::Entity;
use crate::matcher::{EntityTable, Matcher, Mention};
use crate::normalize::Normalized;
use crate::relation::{Relations, Triple};

/// What rasid finds in one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Analysis {
    pub mentions: Vec<Mention>,
    pub triples: Vec<Triple>,
    /// Names found in this document that no gazetteer lists; mentions and
    /// triples refer to them by index after the listed entities.
    pub discovered: Vec<Entity>,
}

impl Analysis {
    /// The entities this analysis refers to.
    pub fn table<'a>(&'a self, matcher: &'a Matcher) -> EntityTable<'a> {
        EntityTable {
            listed: matcher.entities(),
            discovered: &self.discovered,
        }
    }
}

/// The matcher and, when wanted, the relation rules and discovery.
#[derive(Debug, Clone)]
pub struct Analyzer {
    pub matcher: Matcher,
    pub relations: Option<Relations>,
    pub discoverer: Option<Discoverer>,
    /// Keep triples whose subject or object the document names by no
    /// mention, only by an adjective («الرئيس الأميركي» for the United
    /// States, «العاصمة الأردنية» for Jordan). Off by default: every triple
    /// is then between entities of the document's mentions.
    pub implied: bool,
}

impl Analyzer {
    /// Listed names and relations; no discovery. The matcher is set to
    /// watch the rules' cue words, so that the words of a document are
    /// looked up once.
    pub fn new(mut matcher: Matcher, relations: Option<Relations>) -> Analyzer {
        if let Some(r) = &relations {
            matcher.watch(&r.cue_words());
        }
        Analyzer {
            matcher,
            relations,
            discoverer: None,
            implied: false,
        }
    }

    /// Also keeps the triples whose subject or object has no mention in the
    /// document (see [`Analyzer::implied`]).
    pub fn with_implied(mut self, implied: bool) -> Analyzer {
        self.implied = implied;
        self
    }

    /// Also finds names the gazetteers lack (see [`crate::discover`]);
    /// `gazetteer` is the one the matcher was built from.
    pub fn with_discovery(
        mut self,
        gazetteer: &crate::gazetteer::Gazetteer,
        scope: Scope,
    ) -> Analyzer {
        let discoverer = Discoverer::new(gazetteer).with_scope(scope);
        self.matcher.mark(&discoverer.opening_words());
        self.discoverer = Some(discoverer);
        self
    }

    pub fn analyze(&self, text: &str) -> Analysis {
        let norm = Normalized::new(text);
        let watching = self.relations.is_some();
        let (mut mentions, cues, opening) = match (&self.discoverer, watching) {
            (Some(_), _) => self.matcher.find_marking(text, &norm, watching),
            (None, true) => {
                let (m, c) = self.matcher.find_watching(text, &norm);
                (m, c, Vec::new())
            }
            (None, false) => (
                self.matcher.find_normalized(text, &norm),
                Vec::new(),
                Vec::new(),
            ),
        };
        let discovered = match &self.discoverer {
            Some(d) => d.discover_at(
                text,
                &norm,
                &mut mentions,
                self.matcher.entities(),
                Some(&opening),
            ),
            None => Vec::new(),
        };
        let table = EntityTable {
            listed: self.matcher.entities(),
            discovered: &discovered,
        };
        let mut triples = match &self.relations {
            Some(r) => r.extract_with_cues(table, text, &norm, &mentions, &cues),
            None => Vec::new(),
        };
        if !self.implied {
            let named = |e: usize| mentions.iter().any(|m| m.entity == e);
            triples.retain(|t| named(t.subject) && named(t.object));
        }
        Analysis {
            mentions,
            triples,
            discovered,
        }
    }
}
