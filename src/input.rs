//! Streams of documents: the files, folders and standard input a user
//! points rasid at.
//!
//! Formats, chosen by extension, each optionally gzip-compressed (`.gz`):
//! - `.txt`: one document a file. Its id is its path under the folder
//!   given, without `.txt` (for a file given directly, its name);
//! - `.jsonl`, `.json`: JSON lines, one document a line, id and text in the
//!   fields chosen ([`Fields`]; dotted paths reach nested fields);
//! - `.csv`: a header row, one document a row, id and text in the columns
//!   chosen.
//!
//! `-` reads JSON lines on standard input. Folders are walked recursively in
//! sorted order, so the same input always gives the same output. A leading
//! UTF-8 BOM is not part of a text; CRLF line ends are read as LF ends of
//! records. Reading is split in two: [`Reader`] yields raw records in input
//! order (cheap, one thread), and [`decode`] turns one into a [`Document`]
//! (JSON parsing, UTF-8 checks: done on the worker threads). What cannot be
//! used becomes a [`Reject`] with its source, line and reason; the stream
//! goes on.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use rustc_hash::FxHashMap;
use serde_json::value::RawValue;

/// One document to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub id: String,
    pub text: String,
    /// The file it came from (`-` for standard input).
    pub source: Arc<Path>,
    /// 1-based line or row, for inputs with one record a line.
    pub line: Option<usize>,
}

/// An input that could not be used, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reject {
    pub source: Arc<Path>,
    /// 1-based line (row, for CSV), for inputs with one record a line.
    pub line: Option<usize>,
    /// The record's id, when it could be read.
    pub id: Option<String>,
    pub reason: String,
}

impl std::fmt::Display for Reject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.source.display())?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
        }
        if let Some(id) = &self.id {
            write!(f, " ({id})")?;
        }
        write!(f, ": {}", self.reason)
    }
}

/// The formats rasid reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    JsonLines,
    Csv,
}

/// A file to read (or standard input), with what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    pub path: PathBuf,
    /// The id of a text file's document; the prefix of nothing else.
    pub id: String,
    pub format: Format,
    pub gzip: bool,
    /// Bytes on disk (0 for standard input).
    pub size: u64,
}

/// Which fields hold a record's id, text and title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fields {
    pub id: String,
    pub text: String,
    /// When given, the title goes before the text, with a blank line
    /// between; offsets then count from the start of the title.
    pub title: Option<String>,
    /// A document longer than this is rejected.
    pub max_doc_bytes: usize,
}

impl Default for Fields {
    fn default() -> Fields {
        Fields {
            id: "id".into(),
            text: "text".into(),
            title: None,
            max_doc_bytes: 16 << 20,
        }
    }
}

/// What a path's name says it holds: (format, gzip).
pub fn format_of(path: &Path) -> Option<(Format, bool)> {
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let (name, gzip) = match name.strip_suffix(".gz") {
        Some(n) => (n.to_string(), true),
        None => (name, false),
    };
    let format = if name.ends_with(".txt") {
        Format::Text
    } else if name.ends_with(".jsonl") || name.ends_with(".json") || name.ends_with(".ndjson") {
        Format::JsonLines
    } else if name.ends_with(".csv") {
        Format::Csv
    } else {
        return None;
    };
    Some((format, gzip))
}

/// The files under the inputs given, in a stable order, and the inputs that
/// could not be walked.
pub fn discover(inputs: &[PathBuf]) -> (Vec<InputFile>, Vec<Reject>) {
    let mut files = Vec::new();
    let mut rejects = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            files.push(InputFile {
                path: input.clone(),
                id: "-".into(),
                format: Format::JsonLines,
                gzip: false,
                size: 0,
            });
            continue;
        }
        match std::fs::metadata(input) {
            Ok(m) if m.is_dir() => {
                let mut found = Vec::new();
                walk(input, &mut found, &mut rejects);
                found.sort();
                for path in found {
                    let Some((format, gzip)) = format_of(&path) else {
                        continue;
                    };
                    let rel = path.strip_prefix(input).unwrap_or(&path);
                    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
                    files.push(InputFile {
                        id: id_of(rel),
                        path,
                        format,
                        gzip,
                        size,
                    });
                }
            }
            Ok(m) => {
                let name = input.file_name().map(Path::new).unwrap_or(input);
                match format_of(input) {
                    Some((format, gzip)) => files.push(InputFile {
                        path: input.clone(),
                        id: id_of(name),
                        format,
                        gzip,
                        size: m.len(),
                    }),
                    None => rejects.push(Reject {
                        source: Arc::from(input.as_path()),
                        line: None,
                        id: None,
                        reason:
                            "unknown format: expected .txt, .jsonl, .json or .csv, optionally .gz"
                                .into(),
                    }),
                }
            }
            Err(e) => rejects.push(Reject {
                source: Arc::from(input.as_path()),
                line: None,
                id: None,
                reason: format!("cannot read: {e}"),
            }),
        }
    }
    (files, rejects)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, rejects: &mut Vec<Reject>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            rejects.push(Reject {
                source: Arc::from(dir),
                line: None,
                id: None,
                reason: format!("cannot read folder: {e}"),
            });
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out, rejects);
        } else if format_of(&path).is_some() {
            out.push(path);
        }
    }
}

/// A relative path as a document id: `/` between folders, no `.txt`/`.gz`.
fn id_of(rel: &Path) -> String {
    let s: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let s = s.join("/");
    let s = s.strip_suffix(".gz").unwrap_or(&s);
    s.strip_suffix(".txt").unwrap_or(s).to_string()
}

/// A record as read, before decoding.
#[derive(Debug)]
pub enum Raw {
    /// A whole text file.
    Text { id: String, bytes: Vec<u8> },
    /// One JSON line.
    Json(Vec<u8>),
    /// One CSV row's id and text (already UTF-8 checked by the CSV reader).
    Row {
        id: Option<String>,
        text: Option<String>,
        title: Option<String>,
    },
    /// Already known to be unusable.
    Rejected(String),
}

/// A raw record with where it came from.
#[derive(Debug)]
pub struct RawRecord {
    pub source: Arc<Path>,
    pub line: Option<usize>,
    pub raw: Raw,
}

/// Counts bytes read from the files, for progress.
#[derive(Debug, Clone, Default)]
pub struct Progress(pub Arc<AtomicU64>);

struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// The raw records of every input file, in order.
pub struct Reader {
    files: std::vec::IntoIter<InputFile>,
    fields: Fields,
    progress: Progress,
    current: Option<Open>,
}

enum Open {
    Lines {
        source: Arc<Path>,
        reader: Box<dyn BufRead + Send>,
        line: usize,
        gzip: bool,
    },
    Csv {
        source: Arc<Path>,
        reader: csv::Reader<Box<dyn Read + Send>>,
        columns: Columns,
        row: usize,
        gzip: bool,
    },
}

struct Columns {
    id: Option<usize>,
    text: Option<usize>,
    title: Option<usize>,
}

impl Reader {
    pub fn new(files: Vec<InputFile>, fields: Fields, progress: Progress) -> Reader {
        Reader {
            files: files.into_iter(),
            fields,
            progress,
            current: None,
        }
    }

    fn open(&self, file: &InputFile) -> io::Result<Box<dyn Read + Send>> {
        let raw: Box<dyn Read + Send> = if file.path.as_os_str() == "-" {
            Box::new(io::stdin())
        } else {
            Box::new(File::open(&file.path)?)
        };
        let counted = Counting {
            inner: raw,
            count: self.progress.0.clone(),
        };
        Ok(if file.gzip {
            Box::new(flate2::read::MultiGzDecoder::new(BufReader::new(counted)))
        } else {
            Box::new(counted)
        })
    }

    /// Starts the next file; a text file is read whole and returned.
    fn start(&mut self, file: InputFile) -> Option<RawRecord> {
        let source: Arc<Path> = Arc::from(file.path.as_path());
        let reject = |reason: String| RawRecord {
            source: source.clone(),
            line: None,
            raw: Raw::Rejected(reason),
        };
        let mut reader = match self.open(&file) {
            Ok(r) => r,
            Err(e) => return Some(reject(format!("cannot read: {e}"))),
        };
        match file.format {
            Format::Text => {
                if !file.gzip && file.size > self.fields.max_doc_bytes as u64 {
                    return Some(reject(format!(
                        "document of {} bytes is over --max-doc-bytes {}",
                        file.size, self.fields.max_doc_bytes
                    )));
                }
                let mut bytes = Vec::new();
                let limit = self.fields.max_doc_bytes as u64 + 1;
                match (&mut reader).take(limit).read_to_end(&mut bytes) {
                    Ok(_) if bytes.len() as u64 >= limit => Some(reject(format!(
                        "document is over --max-doc-bytes {}",
                        self.fields.max_doc_bytes
                    ))),
                    Ok(_) => Some(RawRecord {
                        source,
                        line: None,
                        raw: Raw::Text { id: file.id, bytes },
                    }),
                    Err(e) if file.gzip => Some(reject(format!("truncated or corrupt gzip: {e}"))),
                    Err(e) => Some(reject(format!("cannot read: {e}"))),
                }
            }
            Format::JsonLines => {
                self.current = Some(Open::Lines {
                    source,
                    reader: Box::new(BufReader::with_capacity(1 << 20, reader)),
                    line: 0,
                    gzip: file.gzip,
                });
                None
            }
            Format::Csv => {
                let mut csv = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
                let headers = match csv.headers() {
                    Ok(h) => h.clone(),
                    Err(e) => return Some(reject(format!("cannot read the CSV header: {e}"))),
                };
                let find = |name: &str| {
                    headers
                        .iter()
                        .position(|h| h.trim_start_matches('\u{feff}') == name)
                };
                let columns = Columns {
                    id: find(&self.fields.id),
                    text: find(&self.fields.text),
                    title: self.fields.title.as_deref().and_then(find),
                };
                if columns.text.is_none() {
                    return Some(reject(format!(
                        "no column {:?} in the CSV header",
                        self.fields.text
                    )));
                }
                self.current = Some(Open::Csv {
                    source,
                    reader: csv,
                    columns,
                    row: 1,
                    gzip: file.gzip,
                });
                None
            }
        }
    }
}

impl Iterator for Reader {
    type Item = RawRecord;

    fn next(&mut self) -> Option<RawRecord> {
        loop {
            match self.current.as_mut() {
                None => {
                    let file = self.files.next()?;
                    if let Some(r) = self.start(file) {
                        return Some(r);
                    }
                }
                Some(Open::Lines {
                    source,
                    reader,
                    line,
                    gzip,
                }) => {
                    let max = self.fields.max_doc_bytes;
                    match read_line(reader.as_mut(), max) {
                        Ok(None) => {
                            if *line == 0 {
                                let source = source.clone();
                                self.current = None;
                                return Some(RawRecord {
                                    source,
                                    line: None,
                                    raw: Raw::Rejected("empty file".into()),
                                });
                            }
                            self.current = None;
                        }
                        Ok(Some(Line::Bytes(bytes))) => {
                            *line += 1;
                            if bytes.iter().all(u8::is_ascii_whitespace) {
                                continue;
                            }
                            return Some(RawRecord {
                                source: source.clone(),
                                line: Some(*line),
                                raw: Raw::Json(bytes),
                            });
                        }
                        Ok(Some(Line::TooLong(n))) => {
                            *line += 1;
                            let reason = format!(
                                "record of {n} bytes or more is over --max-doc-bytes {max}"
                            );
                            return Some(RawRecord {
                                source: source.clone(),
                                line: Some(*line),
                                raw: Raw::Rejected(reason),
                            });
                        }
                        Err(e) => {
                            let what = if *gzip {
                                "truncated or corrupt gzip"
                            } else {
                                "read error"
                            };
                            let reason = format!(
                                "{what} after line {line}: {e}; the lines before it were kept"
                            );
                            let r = RawRecord {
                                source: source.clone(),
                                line: Some(*line + 1),
                                raw: Raw::Rejected(reason),
                            };
                            self.current = None;
                            return Some(r);
                        }
                    }
                }
                Some(Open::Csv {
                    source,
                    reader,
                    columns,
                    row,
                    gzip,
                }) => {
                    let mut record = csv::StringRecord::new();
                    match reader.read_record(&mut record) {
                        Ok(false) => self.current = None,
                        Ok(true) => {
                            *row += 1;
                            let line = record.position().map(|p| p.line() as usize).unwrap_or(*row);
                            let get = |i: Option<usize>| {
                                i.and_then(|i| record.get(i)).map(str::to_string)
                            };
                            let raw = Raw::Row {
                                id: get(columns.id),
                                text: get(columns.text),
                                title: get(columns.title),
                            };
                            return Some(RawRecord {
                                source: source.clone(),
                                line: Some(line),
                                raw,
                            });
                        }
                        Err(e) => {
                            *row += 1;
                            let line = e.position().map(|p| p.line() as usize).unwrap_or(*row);
                            let fatal = matches!(e.kind(), csv::ErrorKind::Io(_));
                            let what = if fatal && *gzip {
                                "truncated or corrupt gzip: "
                            } else {
                                ""
                            };
                            let r = RawRecord {
                                source: source.clone(),
                                line: Some(line),
                                raw: Raw::Rejected(format!("{what}{e}")),
                            };
                            if fatal {
                                self.current = None;
                            }
                            return Some(r);
                        }
                    }
                }
            }
        }
    }
}

enum Line {
    Bytes(Vec<u8>),
    /// The line was longer than the limit (bytes seen), and was skipped.
    TooLong(usize),
}

/// Reads one line (without its `\n` or `\r\n`), holding at most `max` bytes.
fn read_line(r: &mut dyn BufRead, max: usize) -> io::Result<Option<Line>> {
    let mut out = Vec::new();
    let mut seen = 0usize;
    let mut any = false;
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            break;
        }
        any = true;
        let (chunk, done) = match memchr::memchr(b'\n', buf) {
            Some(i) => (&buf[..i], Some(i + 1)),
            None => (buf, None),
        };
        seen += chunk.len();
        if seen <= max {
            if out.is_empty() {
                // most lines come whole from the buffer: one allocation
                out.reserve_exact(chunk.len() + usize::from(done.is_none()) * chunk.len());
            }
            out.extend_from_slice(chunk);
        }
        let used = done.unwrap_or(buf.len());
        r.consume(used);
        if done.is_some() {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    if seen > max {
        return Ok(Some(Line::TooLong(seen)));
    }
    if out.last() == Some(&b'\r') {
        out.pop();
    }
    Ok(Some(Line::Bytes(out)))
}

fn utf8(bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| not_utf8(e.as_bytes()))
}

/// The bytes as text, checked with vector instructions: a JSON line is
/// checked whole before it is parsed, at every byte of every record.
fn utf8_str(bytes: &[u8]) -> Result<&str, String> {
    simdutf8::basic::from_utf8(bytes).map_err(|_| not_utf8(bytes))
}

/// Where bytes stop being UTF-8, for a reject.
fn not_utf8(bytes: &[u8]) -> String {
    let at = std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), |s| s.len());
    let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    format!("not valid UTF-8: first bad byte at offset {at} (line {line} of the record)")
}

fn strip_bom(s: &str) -> &str {
    s.strip_prefix('\u{feff}').unwrap_or(s)
}

/// A JSON line as an object whose fields are left unparsed until asked for:
/// a news record carries a url, an abstract and more that rasid never
/// reads, and building them all would cost more than the text itself.
struct JsonObject<'a> {
    fields: FxHashMap<String, &'a RawValue>,
}

/// A string field of a JSON object, or why there is none.
enum Field {
    String(String),
    /// Not there, or null.
    Missing,
    Other,
}

impl<'a> JsonObject<'a> {
    fn parse(line: &'a str) -> Result<JsonObject<'a>, String> {
        serde_json::from_str(line)
            .map(|fields| JsonObject { fields })
            .map_err(|e| match e.classify() {
                serde_json::error::Category::Data => "a JSON line must be an object".to_string(),
                _ => format!("invalid JSON: {e}"),
            })
    }

    /// A field by dotted path (`meta.id`).
    fn raw(&self, path: &str) -> Option<&'a RawValue> {
        let mut keys = path.split('.');
        let mut v: &'a RawValue = self.fields.get(keys.next()?)?;
        for k in keys {
            let inner: FxHashMap<String, &'a RawValue> = serde_json::from_str(v.get()).ok()?;
            v = inner.get(k)?;
        }
        Some(v)
    }

    fn field(&self, path: &str) -> Option<serde_json::Value> {
        serde_json::from_str(self.raw(path)?.get()).ok()
    }

    fn string(&self, path: &str) -> Field {
        match self.raw(path).map(RawValue::get) {
            None | Some("null") => Field::Missing,
            Some(raw) if raw.starts_with('"') => {
                serde_json::from_str(raw).map_or(Field::Other, Field::String)
            }
            Some(_) => Field::Other,
        }
    }
}

/// A JSON value as an id: strings as they are, numbers written out.
fn as_id(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Turns a raw record into a document, or says why it cannot be one.
pub fn decode(rec: RawRecord, fields: &Fields) -> Result<Document, Reject> {
    let RawRecord { source, line, raw } = rec;
    let reject = |id: Option<String>, reason: String| Reject {
        source: source.clone(),
        line,
        id,
        reason,
    };
    let fallback_id = || match line {
        Some(l) => format!("{}:{l}", source.display()),
        None => source.display().to_string(),
    };
    let (id, text, title) = match raw {
        Raw::Rejected(reason) => return Err(reject(None, reason)),
        Raw::Text { id, bytes } => {
            let text = utf8(bytes).map_err(|r| reject(Some(id.clone()), r))?;
            if text.is_empty() {
                return Err(reject(Some(id), "empty file".into()));
            }
            (id, text, None)
        }
        Raw::Json(bytes) => {
            let line_text = utf8_str(&bytes).map_err(|r| reject(None, r))?;
            let object = JsonObject::parse(strip_bom(line_text).trim())
                .map_err(|reason| reject(None, reason))?;
            let id = object.field(&fields.id).and_then(|v| as_id(&v));
            let text = match object.string(&fields.text) {
                Field::String(s) => s,
                Field::Missing => {
                    return Err(reject(id, format!("no text field {:?}", fields.text)));
                }
                Field::Other => {
                    return Err(reject(
                        id,
                        format!("field {:?} is not a string", fields.text),
                    ));
                }
            };
            let title = match fields.title.as_deref().map(|t| object.string(t)) {
                Some(Field::String(s)) => Some(s),
                _ => None,
            };
            (id.unwrap_or_else(fallback_id), text, title)
        }
        Raw::Row { id, text, title } => {
            let Some(text) = text else {
                return Err(reject(
                    id,
                    format!("no column {:?} in this row", fields.text),
                ));
            };
            (
                id.filter(|s| !s.is_empty()).unwrap_or_else(fallback_id),
                text,
                title,
            )
        }
    };
    let text = match title.filter(|t| !t.trim().is_empty()) {
        Some(t) => format!("{t}\n\n{text}"),
        None => text,
    };
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    if text.len() > fields.max_doc_bytes {
        return Err(reject(
            Some(id),
            format!(
                "document of {} bytes is over --max-doc-bytes {}",
                text.len(),
                fields.max_doc_bytes
            ),
        ));
    }
    Ok(Document {
        id,
        text,
        source,
        line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_paths_without_txt() {
        assert_eq!(id_of(Path::new("a/b/001_x.txt")), "a/b/001_x");
        assert_eq!(id_of(Path::new("a/b/001_x.txt.gz")), "a/b/001_x");
        assert_eq!(id_of(Path::new("note.jsonl")), "note.jsonl");
    }

    #[test]
    fn formats_by_extension() {
        assert_eq!(
            format_of(Path::new("x.jsonl.gz")),
            Some((Format::JsonLines, true))
        );
        assert_eq!(format_of(Path::new("x.CSV")), Some((Format::Csv, false)));
        assert_eq!(format_of(Path::new("x.md")), None);
    }

    #[test]
    fn lines_drop_crlf_and_cap_length() {
        let mut r = io::Cursor::new(b"ab\r\ncdefgh\nij".to_vec());
        let mut got = Vec::new();
        while let Some(l) = read_line(&mut r, 4).unwrap() {
            got.push(match l {
                Line::Bytes(b) => String::from_utf8(b).unwrap(),
                Line::TooLong(n) => format!("long {n}"),
            });
        }
        assert_eq!(got, ["ab", "long 6", "ij"]);
    }

    #[test]
    fn dotted_fields_reach_nested_values() {
        let v =
            JsonObject::parse(r#"{"meta":{"id":7},"body":{"text":"ن\u0635"},"n":null}"#).unwrap();
        assert_eq!(
            v.field("meta.id").and_then(|x| as_id(&x)).as_deref(),
            Some("7")
        );
        assert!(matches!(v.string("body.text"), Field::String(s) if s == "نص"));
        assert!(matches!(v.string("meta.id"), Field::Other));
        assert!(matches!(v.string("n"), Field::Missing));
        assert!(matches!(v.string("body.title"), Field::Missing));
        assert!(JsonObject::parse("[1]").is_err_and(|e| e.contains("must be an object")));
        assert!(JsonObject::parse("{\"a\":").is_err_and(|e| e.starts_with("invalid JSON")));
    }
}
