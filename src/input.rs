//! Streams of documents: the files and folders a user points rasid at.
//!
//! `.txt` files are read whole; a folder is walked recursively in sorted
//! order, so that the same input always gives the same output. A document's
//! id is its path under the folder given, without `.txt` (for a file given
//! directly, its name without `.txt`). A leading UTF-8 BOM is not part of the
//! text. A file that cannot be used becomes a [`Reject`]; the stream goes on.

use std::path::{Path, PathBuf};

/// One document to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub id: String,
    pub text: String,
    /// The file it came from.
    pub source: PathBuf,
}

/// An input that could not be used, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reject {
    pub source: PathBuf,
    /// 1-based line, for inputs with one record a line.
    pub line: Option<usize>,
    pub reason: String,
}

impl std::fmt::Display for Reject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.source.display())?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
        }
        write!(f, ": {}", self.reason)
    }
}

/// A file to read, with the id its document gets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    pub path: PathBuf,
    pub id: String,
    pub size: u64,
}

/// The `.txt` files under the inputs given, in a stable order, and the inputs
/// that could not be walked.
pub fn discover(inputs: &[PathBuf]) -> (Vec<InputFile>, Vec<Reject>) {
    let mut files = Vec::new();
    let mut rejects = Vec::new();
    for input in inputs {
        match std::fs::metadata(input) {
            Ok(m) if m.is_dir() => {
                let mut found = Vec::new();
                walk(input, &mut found, &mut rejects);
                found.sort();
                for path in found {
                    let rel = path.strip_prefix(input).unwrap_or(&path);
                    let id = id_of(rel);
                    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
                    files.push(InputFile { path, id, size });
                }
            }
            Ok(m) => {
                let name = input.file_name().map(Path::new).unwrap_or(input);
                files.push(InputFile { path: input.clone(), id: id_of(name), size: m.len() });
            }
            Err(e) => rejects.push(Reject { source: input.clone(), line: None, reason: format!("cannot read: {e}") }),
        }
    }
    (files, rejects)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, rejects: &mut Vec<Reject>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            rejects.push(Reject { source: dir.to_path_buf(), line: None, reason: format!("cannot read folder: {e}") });
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out, rejects);
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
}

/// A relative path as a document id: `/` between folders, no `.txt`.
fn id_of(rel: &Path) -> String {
    let s: Vec<String> = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    let s = s.join("/");
    s.strip_suffix(".txt").map(str::to_string).unwrap_or(s)
}

/// Reads one input file as a document.
pub fn read(file: &InputFile) -> Result<Document, Reject> {
    let reject = |reason: String| Reject { source: file.path.clone(), line: None, reason };
    let bytes = std::fs::read(&file.path).map_err(|e| reject(format!("cannot read: {e}")))?;
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        reject(format!("not valid UTF-8: first bad byte at offset {at} (line {line})"))
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(Document { id: file.id.clone(), text, source: file.path.clone() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_paths_without_txt() {
        assert_eq!(id_of(Path::new("a/b/001_x.txt")), "a/b/001_x");
        assert_eq!(id_of(Path::new("note.md")), "note.md");
    }
}
