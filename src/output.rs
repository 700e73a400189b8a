//! Output files, written whole or not at all.
//!
//! Every output is written to a temporary file beside its final name and
//! renamed into place by [`AtomicFile::commit`]; an interrupted run leaves no
//! half file that looks whole.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::input::Document;
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
