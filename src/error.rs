//! The library's one error type: a kind, and where it applies.

use std::fmt;
use std::path::PathBuf;

/// Where in an input an error applies: a file, and a line and column when known.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Location {
    pub file: Option<PathBuf>,
    /// 1-based line.
    pub line: Option<usize>,
    /// 1-based column, in characters.
    pub column: Option<usize>,
}

impl Location {
    pub fn file(path: impl Into<PathBuf>) -> Location {
        Location {
            file: Some(path.into()),
            line: None,
            column: None,
        }
    }

    pub fn line(path: impl Into<PathBuf>, line: usize) -> Location {
        Location {
            file: Some(path.into()),
            line: Some(line),
            column: None,
        }
    }

    pub fn with_column(mut self, column: usize) -> Location {
        self.column = Some(column);
        self
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.file {
            Some(p) => write!(f, "{}", p.display())?,
            None => write!(f, "<input>")?,
        }
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
            if let Some(c) = self.column {
                write!(f, ":{c}")?;
            }
        }
        Ok(())
    }
}

/// What went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    /// A file could not be read.
    Io(String),
    /// A file or record is not valid UTF-8.
    NotUtf8 { byte: usize },
    /// A gazetteer file's header is not one rasid reads.
    UnknownHeader(String),
    /// A gazetteer row is malformed: the message says how.
    BadRow(String),
    /// One entity id was given two types.
    ConflictingType {
        id: String,
        first: String,
        second: String,
    },
    /// The matcher could not be compiled.
    Build(String),
}

/// An error with its kind and location.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub kind: ErrorKind,
    pub location: Location,
}

impl Error {
    pub fn new(kind: ErrorKind, location: Location) -> Error {
        Error { kind, location }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Io(m) => write!(f, "cannot read: {m}"),
            ErrorKind::NotUtf8 { byte } => {
                write!(f, "not valid UTF-8 (first bad byte at offset {byte})")
            }
            ErrorKind::UnknownHeader(h) => write!(
                f,
                "unknown gazetteer header {h:?}; expected `id<TAB>type<TAB>canonical<TAB>aliases...` \
                 or `surface<TAB>type...`"
            ),
            ErrorKind::BadRow(m) => write!(f, "{m}"),
            ErrorKind::ConflictingType { id, first, second } => {
                write!(
                    f,
                    "entity id {id:?} is given type {second} here but {first} before"
                )
            }
            ErrorKind::Build(m) => write!(f, "cannot build the matcher: {m}"),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.kind)
    }
}

impl std::error::Error for Error {}

/// Several errors found in one pass (every bad row of a gazetteer, say).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Errors(pub Vec<Error>);

impl fmt::Display for Errors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Errors {}
