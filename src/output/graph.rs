//! The entities and relations of a whole run, merged across documents: what
//! `entities.csv`, `edges.csv` and the graph formats are written from. It
//! grows with the distinct entities and edges, not with the documents.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::analysis::{Analysis, Analyzer};
use crate::gazetteer::Entity;
use crate::input::Document;

/// At most this many spellings are kept per entity.
const MAX_ALIASES: usize = 64;

/// What the run saw of one entity.
#[derive(Debug, Clone, Default)]
pub struct EntityStat {
    pub mentions: u64,
    pub documents: u64,
    /// The spellings seen, white space collapsed (see
    /// [`EntityStat::aliases`] for them in order).
    spellings: FxHashSet<String>,
    last_doc: u64,
}

impl EntityStat {
    /// The spellings seen, white space collapsed, in order.
    pub fn aliases(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.spellings.iter().map(String::as_str).collect();
        v.sort_unstable();
        v
    }
}

/// The evidence kept for an edge: the surest, then the first.
#[derive(Debug, Clone)]
pub struct Evidence {
    pub confidence: f32,
    /// Index of the rule in the run's rules.
    pub rule: usize,
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// One relation merged across documents.
#[derive(Debug, Clone)]
pub struct EdgeStat {
    /// The names of the ends as the first triple gives them (a discovered
    /// entity is named as one document writes it: «إبراهيم كالين» in one,
    /// «ابراهيم كالين» in another), so that the edge reads the same however
    /// the documents were grouped.
    pub subject: String,
    pub object: String,
    pub documents: u64,
    /// Triples (one a sentence that states it).
    pub mentions: u64,
    pub first_doc: String,
    pub last_doc: String,
    pub best: Evidence,
    last_doc_idx: u64,
}

/// Entities and edges of a run.
#[derive(Debug, Clone, Default)]
pub struct Graph {
    /// By entity id: the entity and what was seen of it.
    entities: FxHashMap<String, (Entity, EntityStat)>,
    /// By (subject id, predicate, object id).
    edges: FxHashMap<(String, String, String), EdgeStat>,
    docs: u64,
}

impl Graph {
    /// Adds one document's findings.
    pub fn add(&mut self, analyzer: &Analyzer, doc: &Document, found: &Analysis) {
        self.docs += 1;
        let n = self.docs;
        let table = found.table(&analyzer.matcher);
        let entities = &mut self.entities;
        fn stat_of<'g>(
            entities: &'g mut FxHashMap<String, (Entity, EntityStat)>,
            e: &Entity,
        ) -> &'g mut EntityStat {
            // looked up before inserting: most mentions are of an entity
            // seen before, and its id is then not copied
            if !entities.contains_key(&e.id) {
                entities.insert(e.id.clone(), (e.clone(), EntityStat::default()));
            }
            &mut entities.get_mut(&e.id).expect("inserted above").1
        }
        for m in &found.mentions {
            let stat = stat_of(entities, table.of(m));
            stat.mentions += 1;
            if stat.last_doc != n {
                stat.last_doc = n;
                stat.documents += 1;
            }
            if stat.spellings.len() < MAX_ALIASES {
                let text = m.text(&doc.text);
                // a spelling seen before, with single spaces, costs no copy
                let collapsed = !text.contains(|c: char| c.is_whitespace() && c != ' ')
                    && !text.contains("  ")
                    && text.trim() == text;
                if !(collapsed && stat.spellings.contains(text)) {
                    let spelled = text.split_whitespace().collect::<Vec<_>>().join(" ");
                    stat.spellings.insert(spelled);
                }
            }
        }
        let Some(rel) = &analyzer.relations else {
            return;
        };
        for t in &found.triples {
            // an end named by a nationality adjective is a node too
            for e in [t.subject, t.object] {
                let stat = stat_of(entities, table.get(e));
                if stat.last_doc != n {
                    stat.last_doc = n;
                    stat.documents += 1;
                }
            }
            let predicate = rel.rules()[t.rule].predicate.clone();
            let evidence = || Evidence {
                confidence: t.confidence,
                rule: t.rule,
                doc: doc.id.clone(),
                start: t.start,
                end: t.end,
                text: doc.text[t.byte_start..t.byte_end].to_string(),
            };
            let key = (
                table.get(t.subject).id.clone(),
                predicate,
                table.get(t.object).id.clone(),
            );
            let edge = self.edges.entry(key).or_insert_with(|| EdgeStat {
                subject: table.get(t.subject).canonical.clone(),
                object: table.get(t.object).canonical.clone(),
                documents: 0,
                mentions: 0,
                first_doc: doc.id.clone(),
                last_doc: doc.id.clone(),
                best: evidence(),
                last_doc_idx: 0,
            });
            edge.mentions += 1;
            if edge.last_doc_idx != n {
                edge.last_doc_idx = n;
                edge.documents += 1;
                edge.last_doc = doc.id.clone();
            }
            if t.confidence > edge.best.confidence {
                edge.best = evidence();
            }
        }
    }

    /// The entities seen, in id order.
    pub fn entities(&self) -> Vec<(&Entity, &EntityStat)> {
        let mut v: Vec<_> = self.entities.values().map(|(e, s)| (e, s)).collect();
        v.sort_by(|a, b| a.0.id.cmp(&b.0.id));
        v
    }

    /// The edges, in (subject id, predicate, object id) order.
    pub fn edges(&self) -> Vec<(&Entity, &str, &Entity, &EdgeStat)> {
        let mut v: Vec<_> = self
            .edges
            .iter()
            .map(|((s, p, o), e)| (&self.entities[s].0, p.as_str(), &self.entities[o].0, e))
            .collect();
        v.sort_by(|a, b| (&a.0.id, a.1, &a.2.id).cmp(&(&b.0.id, b.1, &b.2.id)));
        v
    }
}
