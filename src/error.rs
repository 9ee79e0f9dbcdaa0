//! One error type for the whole pipeline.
//!
//! Every variant that concerns a file carries the name the user gave for it (`-` reads as
//! `<stdin>`) and, where it applies, a 1-based line and column, so the command line can print
//! `padan: <file>:<line>:<col>: <what>, <what to do>`.

use std::fmt;
use std::io;

/// Where in which input something went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file name as the user gave it; `<stdin>` for `-`.
    pub file: String,
    /// 1-based line, 0 when the error concerns the whole file.
    pub line: usize,
    /// 1-based column in characters, 0 when unknown.
    pub column: usize,
}

impl Location {
    /// A location that names only the file.
    pub fn file(file: impl Into<String>) -> Self {
        Location {
            file: file.into(),
            line: 0,
            column: 0,
        }
    }

    /// A location that names a file and a line.
    pub fn line(file: impl Into<String>, line: usize) -> Self {
        Location {
            file: file.into(),
            line,
            column: 0,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
            if self.column > 0 {
                write!(f, ":{}", self.column)?;
            }
        }
        Ok(())
    }
}

/// Something a user should know that does not stop the work: printed as
/// `padan: warning: <message>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The message, starting with the file it concerns.
    pub message: String,
}

impl Warning {
    /// A warning with this message.
    pub fn new(message: impl Into<String>) -> Self {
        Warning {
            message: message.into(),
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// Everything that can go wrong, each with the fix a user can make.
#[derive(Debug)]
pub enum Error {
    /// Reading or writing a file failed.
    Io {
        /// The file concerned.
        at: Location,
        /// What padan was doing ("read", "write", "create").
        action: &'static str,
        /// The operating system's error.
        source: io::Error,
    },
    /// The input is not valid UTF-8 though `--encoding` says it is.
    InvalidUtf8 {
        /// File, line and column of the first invalid byte.
        at: Location,
    },
    /// The input holds NUL bytes that are not UTF-16.
    Binary {
        /// The file concerned.
        at: Location,
    },
    /// The input is empty or holds only whitespace.
    Empty {
        /// The file concerned.
        at: Location,
        /// True when the file has bytes but only whitespace.
        whitespace_only: bool,
    },
    /// A row of a tabular input (glossary, beads, manifest) cannot be read.
    Malformed {
        /// File and line of the row.
        at: Location,
        /// What is wrong and what to do, as one sentence.
        message: String,
    },
    /// The input is a kind of file padan does not read as text (PDF, RTF, a spreadsheet ...).
    Unsupported {
        /// The file concerned.
        at: Location,
        /// What the file is, as a noun phrase ("a PDF document").
        found: String,
        /// What to do instead.
        advice: String,
    },
    /// The command line asks for something that cannot be done.
    Usage(String),
}

impl Error {
    /// A malformed-row error at `file:line`.
    pub fn malformed(file: impl Into<String>, line: usize, message: impl Into<String>) -> Self {
        Error::Malformed {
            at: Location::line(file, line),
            message: message.into(),
        }
    }

    /// Whether this error is a closed pipe on output, which the command line ends quietly on.
    pub fn is_broken_pipe(&self) -> bool {
        let Error::Io { source, .. } = self else {
            return false;
        };
        // The csv crate wraps the writer's own error in one of its kind `Other`.
        let inner = source
            .get_ref()
            .and_then(|e| e.downcast_ref::<csv::Error>())
            .and_then(|e| match e.kind() {
                csv::ErrorKind::Io(io) => Some(io.kind()),
                _ => None,
            });
        source.kind() == io::ErrorKind::BrokenPipe || inner == Some(io::ErrorKind::BrokenPipe)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { at, action, source } => {
                write!(f, "{at}: cannot {action}: {source}")?;
                match source.kind() {
                    io::ErrorKind::NotFound => write!(f, ", check the path"),
                    io::ErrorKind::PermissionDenied => {
                        write!(f, ", check the permissions or choose another location")
                    }
                    _ => Ok(()),
                }
            }
            Error::InvalidUtf8 { at } => write!(
                f,
                "{at}: not UTF-8, though --encoding says it is; name the file's encoding \
                 (for example --encoding windows-1252), or leave --encoding out to have it guessed"
            ),
            Error::Binary { at } => write!(
                f,
                "{at}: looks like a binary file (it contains NUL bytes), give a plain-text file"
            ),
            Error::Empty {
                at,
                whitespace_only,
            } => {
                let what = if *whitespace_only {
                    "holds only whitespace"
                } else {
                    "is empty"
                };
                write!(f, "{at}: the file {what}, give a file with text to work on")
            }
            Error::Malformed { at, message } => write!(f, "{at}: {message}"),
            Error::Unsupported { at, found, advice } => {
                write!(f, "{at}: {found}, not a text padan reads; {advice}")
            }
            Error::Usage(message) => write!(f, "{message}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// The result type of padan's API.
pub type Result<T> = std::result::Result<T, Error>;
