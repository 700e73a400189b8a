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

/// Rows of a CSV file (RFC 4180, as the `csv` crate writes them with its
/// defaults: `,` between fields, `\n` after a row, a field quoted only when
/// it holds `,`, `"`, `\r` or `\n`, and a `"` inside doubled), written into
/// an [`AtomicFile`]. Hand-written because the mentions file has millions of
/// rows and it is written on the thread that reads: a row is built in one
/// buffer with no per-field bookkeeping.
pub struct CsvRows {
    file: AtomicFile,
    buf: Vec<u8>,
}

/// The bytes that make a field need quotes.
const QUOTED: [bool; 256] = {
    let mut t = [false; 256];
    t[b',' as usize] = true;
    t[b'"' as usize] = true;
    t[b'\r' as usize] = true;
    t[b'\n' as usize] = true;
    t
};

impl CsvRows {
    /// A CSV file at `path`; with `excel`, it starts with a UTF-8 BOM so
    /// that Arabic shows right when it is opened by double-click.
    pub fn create(path: impl AsRef<Path>, excel: bool) -> io::Result<CsvRows> {
        let mut file = AtomicFile::create(path)?;
        if excel {
            file.write_all("\u{feff}".as_bytes())?;
        }
        Ok(CsvRows {
            file,
            buf: Vec::with_capacity(1 << 16),
        })
    }

    /// Writes one row.
    pub fn row<F: AsRef<[u8]>>(&mut self, fields: impl IntoIterator<Item = F>) -> io::Result<()> {
        let row_start = self.buf.len();
        for (i, f) in fields.into_iter().enumerate() {
            if i > 0 {
                self.buf.push(b',');
            }
            self.field(f.as_ref());
        }
        // a row of one empty field is written `""`, not as an empty line
        if self.buf.len() == row_start {
            self.buf.extend_from_slice(b"\"\"");
        }
        self.buf.push(b'\n');
        if self.buf.len() >= 1 << 16 {
            self.file.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    fn field(&mut self, f: &[u8]) {
        if !f.iter().fold(false, |q, &b| q | QUOTED[b as usize]) {
            self.buf.extend_from_slice(f);
            return;
        }
        self.buf.push(b'"');
        for part in f.split_inclusive(|&b| b == b'"') {
            self.buf.extend_from_slice(part);
            if part.last() == Some(&b'"') {
                self.buf.push(b'"');
            }
        }
        self.buf.push(b'"');
    }

    /// Writes what is left and renames the file into place.
    pub fn commit(mut self) -> io::Result<()> {
        self.file.write_all(&self.buf)?;
        self.file.commit()
    }
}

#[cfg(test)]
mod tests {
    use super::{CsvRows, safe_cell};

    /// Rows written by [`CsvRows`] read back the same through the `csv`
    /// crate, and come out byte for byte as that crate writes them.
    #[test]
    fn csv_rows_are_what_the_csv_crate_writes() {
        let rows: Vec<Vec<&str>> = vec![
            vec!["doc_id", "start", "text"],
            vec!["AL-1", "12", "«الرئيس التركي، رجب طيب أردوغان»"],
            vec!["قال \"المتحدث\"", "", "سطر\nثان"],
            vec!["a,b", "\r", "\"\""],
            vec![""],
            vec!["عين الأسد", " x ", "'=1"],
        ];
        let dir = std::env::temp_dir().join(format!("rasid-csvrows-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("rows.csv");
        let mut out = CsvRows::create(&path, false).unwrap();
        for r in &rows {
            out.row(r).unwrap();
        }
        out.commit().unwrap();
        let ours = std::fs::read(&path).unwrap();

        let mut theirs = ::csv::WriterBuilder::new()
            .flexible(true)
            .from_writer(Vec::new());
        for r in &rows {
            theirs.write_record(r).unwrap();
        }
        assert_eq!(
            String::from_utf8(ours.clone()).unwrap(),
            String::from_utf8(theirs.into_inner().unwrap()).unwrap()
        );
        let back: Vec<Vec<String>> = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(&ours[..])
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect();
        assert_eq!(back, rows);
        std::fs::remove_dir_all(&dir).unwrap();
    }

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
