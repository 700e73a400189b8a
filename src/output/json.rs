//! JSON outputs: one line a document (for pipelines), rejects, the summary.

use std::io::{self, Write};
use std::path::Path;

use serde_json::{Value, json};

use super::AtomicFile;
use crate::analysis::{Analysis, Analyzer};
use crate::input::{Document, Reject};
use crate::matcher::{EntityTable, Mention};
use crate::pipeline::Stats;
use crate::relation::{Relations, Triple};

/// A mention as a JSON object (the columns of `mentions.csv`).
fn mention_json(table: EntityTable<'_>, doc: &Document, m: &Mention) -> Value {
    let e = table.of(m);
    json!({
        "start": m.start,
        "end": m.end,
        "text": m.text(&doc.text),
        "type": e.kind.as_str(),
        "entity_id": e.id,
        "canonical": e.canonical,
        "origin": super::csv::origin_of(e).0,
        "confidence": if e.discovered { 0.6 } else { 1.0 },
    })
}

/// A triple as a JSON object (the columns of `triples.csv`).
fn triple_json(table: EntityTable<'_>, relations: &Relations, doc: &Document, t: &Triple) -> Value {
    let (s, o) = (table.get(t.subject), table.get(t.object));
    let rule = &relations.rules()[t.rule];
    json!({
        "subject_id": s.id,
        "subject": s.canonical,
        "subject_type": s.kind.as_str(),
        "predicate": rule.predicate,
        "object_id": o.id,
        "object": o.canonical,
        "object_type": o.kind.as_str(),
        "rule": rule.id,
        "confidence": (t.confidence * 100.0).round() / 100.0,
        "evidence_start": t.start,
        "evidence_end": t.end,
        "evidence": &doc.text[t.byte_start..t.byte_end],
    })
}

/// A reject as a JSON object: where, which record, why.
pub fn reject_json(r: &Reject) -> Value {
    json!({
        "source": r.source.display().to_string(),
        "line": r.line,
        "id": r.id,
        "reason": r.reason,
    })
}

/// One JSON line a document: its id, mentions and triples; a reject is a
/// line `{"id": ..., "rejected": {...}}` in its place. For pipelines that
/// pipe records through rasid.
pub struct JsonLines<W: Write> {
    out: W,
}

impl<W: Write> JsonLines<W> {
    pub fn new(out: W) -> JsonLines<W> {
        JsonLines { out }
    }

    pub fn document(
        &mut self,
        analyzer: &Analyzer,
        doc: &Document,
        found: &Analysis,
    ) -> io::Result<()> {
        let table = found.table(&analyzer.matcher);
        let mentions: Vec<Value> = found
            .mentions
            .iter()
            .map(|m| mention_json(table, doc, m))
            .collect();
        let triples: Vec<Value> = match &analyzer.relations {
            Some(rel) => found
                .triples
                .iter()
                .map(|t| triple_json(table, rel, doc, t))
                .collect(),
            None => Vec::new(),
        };
        serde_json::to_writer(
            &mut self.out,
            &json!({"id": doc.id, "mentions": mentions, "triples": triples}),
        )?;
        self.out.write_all(b"\n")
    }

    pub fn rejected(&mut self, r: &Reject) -> io::Result<()> {
        serde_json::to_writer(
            &mut self.out,
            &json!({"id": r.id, "rejected": reject_json(r)}),
        )?;
        self.out.write_all(b"\n")
    }

    pub fn into_inner(self) -> W {
        self.out
    }
}

/// `rejects.jsonl`: one line a record that could not be used.
pub struct RejectsJsonl {
    out: AtomicFile,
}

impl RejectsJsonl {
    pub fn create(path: impl AsRef<Path>) -> io::Result<RejectsJsonl> {
        Ok(RejectsJsonl {
            out: AtomicFile::create(path)?,
        })
    }

    pub fn write(&mut self, r: &Reject) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, &reject_json(r))?;
        self.out.write_all(b"\n")
    }

    pub fn commit(self) -> io::Result<()> {
        self.out.commit()
    }
}

/// The run's summary as JSON (`summary.json`).
pub fn summary_json(stats: &Stats, threads: usize) -> Value {
    let by_type: serde_json::Map<String, Value> = crate::gazetteer::EntityType::ALL
        .iter()
        .map(|&k| (k.as_str().to_string(), json!(stats.mentions_of(k))))
        .collect();
    json!({
        "documents": stats.documents,
        "bytes": stats.bytes,
        "mentions": stats.total_mentions(),
        "mentions_by_type": by_type,
        "triples": stats.total_triples(),
        "triples_by_predicate": stats.triples,
        "rejected": stats.rejected,
        "elapsed_s": (stats.elapsed.as_secs_f64() * 1000.0).round() / 1000.0,
        "mb_per_s": (stats.mb_per_s() * 10.0).round() / 10.0,
        "threads": threads,
    })
}

/// Writes `summary.json` whole.
pub fn write_summary(path: impl AsRef<Path>, stats: &Stats, threads: usize) -> io::Result<()> {
    let mut f = AtomicFile::create(path)?;
    serde_json::to_writer_pretty(&mut f, &summary_json(stats, threads))?;
    f.write_all(b"\n")?;
    f.commit()
}
