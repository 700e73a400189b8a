//! Output files, written whole or not at all.
//!
//! Every output is written to a temporary file beside its final name and
//! renamed into place by [`AtomicFile::commit`]; an interrupted run leaves no
//! half file that looks whole.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::analysis::Analysis;
use crate::input::{Document, Reject};
use crate::pipeline::Stats;
use crate::matcher::{Matcher, Mention};
use crate::relation::{Relations, Triple};

/// A file that appears under its name only once it is complete.
pub struct AtomicFile {
    tmp: PathBuf,
    dest: PathBuf,
    out: Option<BufWriter<File>>,
}

impl AtomicFile {
    pub fn create(dest: impl AsRef<Path>) -> io::Result<AtomicFile> {
        let dest = dest.as_ref().to_path_buf();
        let name = dest.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let tmp = dest.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
        let out = Some(BufWriter::with_capacity(1 << 20, File::create(&tmp)?));
        Ok(AtomicFile { tmp, dest, out })
    }

    /// Flushes, syncs and renames into place.
    pub fn commit(mut self) -> io::Result<()> {
        if let Some(out) = self.out.take() {
            let file = out.into_inner().map_err(|e| e.into_error())?;
            file.sync_all()?;
        }
        std::fs::rename(&self.tmp, &self.dest)
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.out.as_mut().expect("written after commit").write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.as_mut().expect("flushed after commit").flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.out.is_some() {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

/// The columns of `mentions.csv` (SPEC.md).
pub const MENTION_HEADER: [&str; 7] = ["doc_id", "start", "end", "text", "type", "entity_id", "canonical"];

/// Writes `mentions.csv` rows.
pub struct MentionsCsv {
    csv: csv::Writer<AtomicFile>,
}

impl MentionsCsv {
    pub fn create(path: impl AsRef<Path>) -> io::Result<MentionsCsv> {
        let mut csv = csv::WriterBuilder::new().from_writer(AtomicFile::create(path)?);
        csv.write_record(MENTION_HEADER)?;
        Ok(MentionsCsv { csv })
    }

    pub fn write(&mut self, matcher: &Matcher, doc: &Document, mentions: &[Mention]) -> io::Result<()> {
        for m in mentions {
            let e = matcher.entity(m);
            self.csv.write_record([
                doc.id.as_str(),
                &m.start.to_string(),
                &m.end.to_string(),
                m.text(&doc.text),
                e.kind.as_str(),
                &e.id,
                &e.canonical,
            ])?;
        }
        Ok(())
    }

    pub fn commit(self) -> io::Result<()> {
        let inner = self.csv.into_inner().map_err(|e| io::Error::other(e.to_string()))?;
        inner.commit()
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
    csv: csv::Writer<AtomicFile>,
}

impl TriplesCsv {
    pub fn create(path: impl AsRef<Path>) -> io::Result<TriplesCsv> {
        let mut csv = csv::WriterBuilder::new().from_writer(AtomicFile::create(path)?);
        csv.write_record(TRIPLE_HEADER)?;
        Ok(TriplesCsv { csv })
    }

    pub fn write(&mut self, matcher: &Matcher, relations: &Relations, doc: &Document, triples: &[Triple]) -> io::Result<()> {
        for t in triples {
            let (s, o) = (&matcher.entities()[t.subject], &matcher.entities()[t.object]);
            let rule = &relations.rules()[t.rule];
            self.csv.write_record([
                doc.id.as_str(),
                &s.id,
                &s.canonical,
                s.kind.as_str(),
                &rule.predicate,
                &o.id,
                &o.canonical,
                o.kind.as_str(),
                &rule.id,
                &format!("{:.2}", t.confidence),
                &t.start.to_string(),
                &t.end.to_string(),
                &doc.text[t.byte_start..t.byte_end],
            ])?;
        }
        Ok(())
    }

    pub fn commit(self) -> io::Result<()> {
        let inner = self.csv.into_inner().map_err(|e| io::Error::other(e.to_string()))?;
        inner.commit()
    }
}

/// A mention as a JSON object (the columns of `mentions.csv`).
fn mention_json(matcher: &Matcher, doc: &Document, m: &Mention) -> Value {
    let e = matcher.entity(m);
    json!({
        "start": m.start,
        "end": m.end,
        "text": m.text(&doc.text),
        "type": e.kind.as_str(),
        "entity_id": e.id,
        "canonical": e.canonical,
    })
}

/// A triple as a JSON object (the columns of `triples.csv`).
fn triple_json(matcher: &Matcher, relations: &Relations, doc: &Document, t: &Triple) -> Value {
    let (s, o) = (&matcher.entities()[t.subject], &matcher.entities()[t.object]);
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

    pub fn document(&mut self, analyzer: &crate::analysis::Analyzer, doc: &Document, found: &Analysis) -> io::Result<()> {
        let matcher = &analyzer.matcher;
        let mentions: Vec<Value> = found.mentions.iter().map(|m| mention_json(matcher, doc, m)).collect();
        let triples: Vec<Value> = match &analyzer.relations {
            Some(rel) => found.triples.iter().map(|t| triple_json(matcher, rel, doc, t)).collect(),
            None => Vec::new(),
        };
        serde_json::to_writer(&mut self.out, &json!({"id": doc.id, "mentions": mentions, "triples": triples}))?;
        self.out.write_all(b"\n")
    }

    pub fn rejected(&mut self, r: &Reject) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, &json!({"id": r.id, "rejected": reject_json(r)}))?;
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
        Ok(RejectsJsonl { out: AtomicFile::create(path)? })
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
