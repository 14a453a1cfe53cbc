//! Plain text and Markdown articles (`.txt`, `.md`, and any other file
//! given by name), with optional `---` front matter giving `outlet`,
//! `published`, `url` and `id`. The text crosscheck reads is the file
//! itself, so fact offsets need no map.
//!
//! Examples: a file starting `---\noutlet: Reuters\npublished: 2025-08-16\n---\n`
//! has its body after the closing `---`; a first line `---` followed by a
//! line that is not `key: value` is a Markdown rule, and the body starts at
//! byte 0.
//!
//! Known gaps: Markdown is read as text (`**bold**` marks stay in a fact's
//! words); YAML lists and multi-line values in front matter are not read.

use super::Source;
use crate::error::{Error, Result};
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::path::Path;

/// Front-matter keys crosscheck reads; others (title, author …) are kept
/// out of the way, not errors.
const KNOWN_KEYS: [&str; 4] = ["outlet", "published", "url", "id"];

/// Front-matter keys that other tools write and crosscheck does not read:
/// accepted and ignored. Any other key is an error (a misspelled
/// `publised:` would otherwise silently leave relative dates unresolved).
const IGNORED_KEYS: [&str; 14] = [
    "title",
    "subtitle",
    "author",
    "authors",
    "byline",
    "tags",
    "section",
    "language",
    "lang",
    "description",
    "summary",
    "slug",
    "image",
    "updated",
];

/// Builds a text source from decoded file text.
pub(super) fn parse(
    path: &Path,
    id: String,
    text: String,
    published: Option<NaiveDate>,
) -> Result<Source> {
    let front =
        front_matter(&text).map_err(|(line, what)| front_matter_error(path, line, &what))?;
    if text[front.body_start..].trim().is_empty() {
        return Err(Error::file(path, "empty article, expected text"));
    }
    let mut source = Source {
        id: front.id.unwrap_or(id),
        outlet: front.outlet,
        published: front.published.or(published),
        url: front.url,
        path: path.to_path_buf(),
        text,
        body_start: front.body_start,
        origin: None,
    };
    if source.id.trim().is_empty() {
        source.id = "article".into();
    }
    Ok(source)
}

/// `FILE:LINE: front matter: what` for an error in front matter.
pub(super) fn front_matter_error(path: &Path, line: usize, what: &str) -> Error {
    Error::new(format!("{}:{line}: front matter: {what}", path.display()))
}

#[derive(Default)]
pub(super) struct FrontMatter {
    pub(super) id: Option<String>,
    pub(super) outlet: Option<String>,
    pub(super) published: Option<NaiveDate>,
    pub(super) url: Option<String>,
    pub(super) body_start: usize,
}

/// Parses `---` front matter at the top of `text`. Errors carry the 1-based
/// line and what was expected.
///
/// A first line `---` opens front matter only when the next line is a
/// `key: value` line (or the closing `---`); otherwise it is a Markdown rule
/// and the article starts at byte 0. A UTF-8 byte-order mark is skipped.
/// Known keys are `outlet`, `published`, `url` and `id`; common metadata of
/// other tools (`title`, `author` …) is ignored; any other key, and a key
/// given twice, is an error at its line.
pub(super) fn front_matter(text: &str) -> std::result::Result<FrontMatter, (usize, String)> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let no_front = FrontMatter {
        body_start: start,
        ..FrontMatter::default()
    };
    let rest = &text[start..];
    let first_line_end = rest.find('\n').map_or(rest.len(), |i| i + 1);
    if rest[..first_line_end].trim_end() != "---" {
        return Ok(no_front);
    }
    let second = rest[first_line_end..].lines().next().unwrap_or("");
    if !(second.trim_end() == "---" || looks_like_key(second)) {
        return Ok(no_front); // a Markdown rule, not front matter
    }
    let mut fm = FrontMatter::default();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut pos = start + first_line_end;
    let mut line_no = 1;
    while pos < text.len() {
        line_no += 1;
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
        let line = text[pos..end].trim_end_matches(['\n', '\r']);
        pos = end;
        if line.trim_end() == "---" {
            fm.body_start = pos;
            return Ok(fm);
        }
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            return Err((
                line_no,
                format!(
                    "expected `key: value` or a closing `---`, found {:?}",
                    truncate(line, 60)
                ),
            ));
        };
        let key = key.trim().to_ascii_lowercase();
        let value = value.trim().trim_matches(['"', '\'']).trim().to_string();
        if let Some(first) = seen.insert(key.clone(), line_no) {
            return Err((
                line_no,
                format!("`{key}` given twice (first on line {first})"),
            ));
        }
        if IGNORED_KEYS.contains(&key.as_str()) {
            continue;
        }
        if !KNOWN_KEYS.contains(&key.as_str()) {
            let hint = KNOWN_KEYS
                .iter()
                .chain(IGNORED_KEYS.iter())
                .find(|k| strsim::levenshtein(k, &key) <= 2)
                .map(|k| format!(" (did you mean `{k}`?)"))
                .unwrap_or_default();
            return Err((
                line_no,
                format!(
                    "unknown key `{}`{hint}; crosscheck reads {}",
                    truncate(&key, 40),
                    KNOWN_KEYS.join(", ")
                ),
            ));
        }
        if value.is_empty() {
            return Err((line_no, format!("`{key}` has no value")));
        }
        match key.as_str() {
            "outlet" => fm.outlet = Some(value),
            "url" => fm.url = Some(value),
            "id" => fm.id = Some(value),
            "published" => {
                fm.published = Some(parse_date(&value).ok_or_else(|| {
                    (
                        line_no,
                        format!(
                            "`published` is {:?}, expected a date like 2025-08-16",
                            truncate(&value, 40)
                        ),
                    )
                })?)
            }
            _ => {}
        }
    }
    Err((1, "opening `---` is never closed".into()))
}

/// Whether `line` starts like front matter: `word:`.
fn looks_like_key(line: &str) -> bool {
    line.split_once(':').is_some_and(|(k, _)| {
        let k = k.trim();
        !k.is_empty()
            && k.len() <= 40
            && k.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    })
}

/// At most `n` characters of `s`, for error messages that stay one line.
pub(crate) fn truncate(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// Reads `2025-08-16` (or `2025-8-16`), or the date part of
/// `2025-08-16T10:00:00Z`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let day = s.split(['T', 't', ' ']).next().unwrap_or(s);
    if day.len() > 10 || !day.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
        return None;
    }
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::parse_source;

    fn parse(text: &str) -> Result<Source> {
        parse_source(
            Path::new("a.txt"),
            "a".into(),
            text.as_bytes().to_vec(),
            None,
        )
    }

    #[test]
    fn front_matter_fields_and_body_offset() {
        let s = parse("---\noutlet: Reuters\npublished: 2025-08-16\n---\nText.").unwrap();
        assert_eq!(s.outlet.as_deref(), Some("Reuters"));
        assert_eq!(s.published, NaiveDate::from_ymd_opt(2025, 8, 16));
        assert_eq!(&s.text[s.body_start..], "Text.");
    }

    #[test]
    fn no_front_matter_means_body_at_zero() {
        let s = parse("Trump met Putin.\n").unwrap();
        assert_eq!(s.body_start, 0);
        assert_eq!(s.outlet, None);
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        let e = parse("---\noutlet: X\nText without end").unwrap_err();
        assert!(e.message().contains("closing `---`"), "{e}");
    }

    #[test]
    fn bad_published_date_names_the_line() {
        let e = parse("---\npublished: last Friday\n---\nText.").unwrap_err();
        assert!(e.message().starts_with("a.txt:2:"), "{e}");
    }

    #[test]
    fn empty_binary_and_non_utf8_are_errors() {
        assert!(parse("").unwrap_err().message().contains("empty"));
        assert!(
            parse("---\nid: x\n---\n  \n")
                .unwrap_err()
                .message()
                .contains("empty")
        );
        let bin = parse_source(Path::new("b"), "b".into(), vec![1, 0, 2], None);
        assert!(bin.unwrap_err().message().contains("binary"));
        let latin1 = parse_source(Path::new("c"), "c".into(), b"caf\xe9".to_vec(), None);
        assert!(latin1.unwrap_err().message().contains("not UTF-8"));
    }

    #[test]
    fn published_accepts_a_timestamp() {
        assert_eq!(
            parse_date("2025-08-16T10:00:00Z"),
            NaiveDate::from_ymd_opt(2025, 8, 16)
        );
        assert_eq!(parse_date("2025-08-16x"), None);
    }
}
