//! Output files, one writer per format, each written whole or not at all.
//!
//! Every output is written to a temporary file beside its final name and
//! renamed into place by [`AtomicFile::commit`]; an interrupted run leaves no
//! half file that looks whole.
//!
//! | module | writes |
//! | --- | --- |
//! | [`csv`] | `mentions.csv`, `triples.csv`, `entities.csv`, `edges.csv` |
//! | [`json`] | one JSON line a document, `rejects.jsonl`, `summary.json` |
//! | [`graph`] | (the entities and edges merged across documents, for the writers below) |
//! | [`neo4j`] | `neo4j/nodes.csv`, `neo4j/relationships.csv` for `neo4j-admin database import` |
//! | [`rdf`] | `graph.nt`, `graph.ttl` |
//! | [`graphml`] | `graph.graphml` |
//! | [`html`] | `review.html` |

pub mod csv;
pub mod graph;
pub mod graphml;
pub mod html;
pub mod json;
pub mod neo4j;
pub mod rdf;

pub use self::csv::{EdgesCsv, EntitiesCsv, MentionsCsv, TriplesCsv};
pub use self::json::{JsonLines, RejectsJsonl, reject_json, summary_json, write_summary};

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// A file that appears under its name only once it is complete.
pub struct AtomicFile {
    tmp: PathBuf,
    dest: PathBuf,
    out: Option<BufWriter<File>>,
}

impl AtomicFile {
    pub fn create(dest: impl AsRef<Path>) -> io::Result<AtomicFile> {
        let dest = dest.as_ref().to_path_buf();
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
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

/// A CSV cell that a spreadsheet will not take for a formula: a cell that
/// starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading
/// `'` (which spreadsheets hide, and which is not part of the text).
pub fn safe_cell(s: &str) -> std::borrow::Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// A CSV writer into an [`AtomicFile`]; with `excel`, the file starts with a
/// UTF-8 BOM so that Arabic shows right when it is opened by double-click.
pub fn csv_writer(path: impl AsRef<Path>, excel: bool) -> io::Result<::csv::Writer<AtomicFile>> {
    let mut file = AtomicFile::create(path)?;
    if excel {
        file.write_all("\u{feff}".as_bytes())?;
    }
    Ok(::csv::WriterBuilder::new().from_writer(file))
}

/// Finishes a CSV writer and renames its file into place.
pub fn commit_csv(w: ::csv::Writer<AtomicFile>) -> io::Result<()> {
    w.into_inner()
        .map_err(|e| io::Error::other(e.to_string()))?
        .commit()
}

#[cfg(test)]
mod tests {
    use super::safe_cell;

    #[test]
    fn formula_starts_are_neutralized() {
        for (cell, want) in [
            ("=1+1", "'=1+1"),
            ("+ الخط -", "'+ الخط -"),
            ("-A", "'-A"),
            ("@x", "'@x"),
            ("بغداد", "بغداد"),
            ("", ""),
        ] {
            assert_eq!(safe_cell(cell), want);
        }
    }
}
