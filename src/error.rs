//! One error type for everything the user can get wrong: paths, article
//! files, rule files, output files. Its text is one line that names the file
//! (and line:column for rules); `main` prints it after `crosscheck: ` and
//! exits with code 2.

use std::fmt;
use std::path::Path;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    message: String,
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub fn new(message: impl Into<String>) -> Self {
        Error {
            message: message.into(),
        }
    }

    /// An error about one file: `PATH: what was wrong`.
    pub fn file(path: &Path, what: impl fmt::Display) -> Self {
        Error::new(format!("{}: {what}", path.display()))
    }

    /// An error at a place in a rule file: `NAME:LINE:COL: what was wrong`.
    pub fn at(file: &str, line: usize, col: usize, what: impl fmt::Display) -> Self {
        Error::new(format!("{file}:{line}:{col}: {what}"))
    }

    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "crosscheck: {}", self.message)
    }
}

impl std::error::Error for Error {}

/// 1-based line and column (in characters) of byte offset `at` in `text`.
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let at = (0..=at)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}
