//! The CSV outputs: mentions and triples (SPEC.md), entities and edges.
//! Every text cell goes through [`safe_cell`].

use std::io;
use std::path::Path;

use super::graph::Graph;
use super::{CsvRows, safe_cell};
use crate::input::Document;
use crate::matcher::{EntityTable, Mention};
use crate::relation::{Relations, Triple};

/// The columns of `mentions.csv` (SPEC.md).
pub const MENTION_HEADER: [&str; 9] = [
    "doc_id",
    "start",
    "end",
    "text",
    "type",
    "entity_id",
    "canonical",
    "origin",
    "confidence",
];

/// How a mention was found: from a gazetteer, or discovered by context (a
/// lower confidence).
pub fn origin_of(e: &crate::gazetteer::Entity) -> (&'static str, &'static str) {
    if e.discovered {
        ("discovered", "0.60")
    } else {
        ("listed", "1.00")
    }
}

/// A number written out in decimal without an allocation: a mentions
/// file has two a row and millions of rows.
#[derive(Default)]
struct Digits([u8; 20]);

impl Digits {
    fn of(&mut self, mut n: usize) -> &[u8] {
        let mut i = self.0.len();
        loop {
            i -= 1;
            self.0[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                return &self.0[i..];
            }
        }
    }
}

/// Writes `mentions.csv` rows.
pub struct MentionsCsv {
    csv: CsvRows,
}

impl MentionsCsv {
    pub fn create(path: impl AsRef<Path>, excel: bool) -> io::Result<MentionsCsv> {
        let mut csv = CsvRows::create(path, excel)?;
        csv.row(MENTION_HEADER)?;
        Ok(MentionsCsv { csv })
    }

    pub fn write(
        &mut self,
        table: EntityTable<'_>,
        doc: &Document,
        mentions: &[Mention],
    ) -> io::Result<()> {
        let id = safe_cell(&doc.id);
        let (mut start, mut end) = (Digits::default(), Digits::default());
        for m in mentions {
            let e = table.of(m);
            let (origin, confidence) = origin_of(e);
            self.csv.row([
                id.as_bytes(),
                start.of(m.start),
                end.of(m.end),
                safe_cell(m.text(&doc.text)).as_bytes(),
                e.kind.as_str().as_bytes(),
                safe_cell(&e.id).as_bytes(),
                safe_cell(&e.canonical).as_bytes(),
                origin.as_bytes(),
                confidence.as_bytes(),
            ])?;
        }
        Ok(())
    }

    pub fn commit(self) -> io::Result<()> {
        self.csv.commit()
    }
}

/// The columns of `triples.csv` (SPEC.md).
pub const TRIPLE_HEADER: [&str; 13] = [
    "doc_id",
    "subject_id",
    "subject",
    "subject_type",
    "predicate",
    "object_id",
    "object",
    "object_type",
    "rule",
    "confidence",
    "evidence_start",
    "evidence_end",
    "evidence",
];

/// Writes `triples.csv` rows.
pub struct TriplesCsv {
    csv: CsvRows,
}

impl TriplesCsv {
    pub fn create(path: impl AsRef<Path>, excel: bool) -> io::Result<TriplesCsv> {
        let mut csv = CsvRows::create(path, excel)?;
        csv.row(TRIPLE_HEADER)?;
        Ok(TriplesCsv { csv })
    }

    pub fn write(
        &mut self,
        table: EntityTable<'_>,
        relations: &Relations,
        doc: &Document,
        triples: &[Triple],
    ) -> io::Result<()> {
        for t in triples {
            let (s, o) = (table.get(t.subject), table.get(t.object));
            let rule = &relations.rules()[t.rule];
            self.csv.row([
                &*safe_cell(&doc.id),
                &safe_cell(&s.id),
                &safe_cell(&s.canonical),
                s.kind.as_str(),
                &rule.predicate,
                &safe_cell(&o.id),
                &safe_cell(&o.canonical),
                o.kind.as_str(),
                &safe_cell(&rule.id),
                &format!("{:.2}", t.confidence),
                &t.start.to_string(),
                &t.end.to_string(),
                &safe_cell(&doc.text[t.byte_start..t.byte_end]),
            ])?;
        }
        Ok(())
    }

    pub fn commit(self) -> io::Result<()> {
        self.csv.commit()
    }
}

/// The columns of `entities.csv`.
pub const ENTITY_HEADER: [&str; 9] = [
    "entity_id",
    "type",
    "canonical",
    "aliases_seen",
    "mentions",
    "documents",
    "wikidata",
    "origin",
    "note",
];

/// Writes `entities.csv`: one row an entity seen, in id order.
pub struct EntitiesCsv;

impl EntitiesCsv {
    pub fn write(path: impl AsRef<Path>, excel: bool, graph: &Graph) -> io::Result<()> {
        let mut csv = CsvRows::create(path, excel)?;
        csv.row(ENTITY_HEADER)?;
        for (e, stat) in graph.entities() {
            let aliases = stat.aliases();
            csv.row([
                &*safe_cell(&e.id),
                e.kind.as_str(),
                &safe_cell(&e.canonical),
                &safe_cell(&aliases.join(" | ")),
                &stat.mentions.to_string(),
                &stat.documents.to_string(),
                e.wikidata.as_deref().unwrap_or(""),
                if e.discovered { "discovered" } else { "listed" },
                &safe_cell(&e.note),
            ])?;
        }
        csv.commit()
    }
}

/// The columns of `edges.csv`.
pub const EDGE_HEADER: [&str; 15] = [
    "subject_id",
    "subject",
    "predicate",
    "object_id",
    "object",
    "documents",
    "mentions",
    "first_doc",
    "last_doc",
    "best_confidence",
    "best_rule",
    "best_doc",
    "best_evidence_start",
    "best_evidence_end",
    "best_evidence",
];

/// Writes `edges.csv`: the triples merged across documents.
pub struct EdgesCsv;

impl EdgesCsv {
    pub fn write(
        path: impl AsRef<Path>,
        excel: bool,
        relations: &Relations,
        graph: &Graph,
    ) -> io::Result<()> {
        let mut csv = CsvRows::create(path, excel)?;
        csv.row(EDGE_HEADER)?;
        for (s, predicate, o, edge) in graph.edges() {
            csv.row([
                &*safe_cell(&s.id),
                &safe_cell(&edge.subject),
                predicate,
                &safe_cell(&o.id),
                &safe_cell(&edge.object),
                &edge.documents.to_string(),
                &edge.mentions.to_string(),
                &safe_cell(&edge.first_doc),
                &safe_cell(&edge.last_doc),
                &format!("{:.2}", edge.best.confidence),
                &safe_cell(&relations.rules()[edge.best.rule].id),
                &safe_cell(&edge.best.doc),
                &edge.best.start.to_string(),
                &edge.best.end.to_string(),
                &safe_cell(&edge.best.text),
            ])?;
        }
        csv.commit()
    }
}
