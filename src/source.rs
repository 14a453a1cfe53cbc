//! Ingest: article files in, [`Source`]s out. Reads `.txt` and `.md` files
//! (or whole folders of them), with optional `---` front matter giving
//! `outlet`, `published` and `url`. The source id is the file stem.
//!
//! Everything that can be wrong with an input file is an [`Error`] naming it:
//! missing paths, folders without articles, empty files, text that is not
//! UTF-8, binary files, front matter that does not close or has a bad date.

use crate::error::{Error, Result};
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Extensions read when a folder is given.
pub const ARTICLE_EXTENSIONS: [&str; 2] = ["txt", "md"];

/// File stems in a folder that are documentation, not articles.
const NOT_ARTICLES: [&str; 4] = ["readme", "license", "changelog", "notes"];

/// Front-matter keys crosscheck reads; others (title, author …) are kept
/// out of the way, not errors.
const KNOWN_KEYS: [&str; 4] = ["outlet", "published", "url", "id"];

/// One article as read from disk.
#[derive(Clone, Debug)]
pub struct Source {
    pub id: String,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
    pub path: PathBuf,
    /// The whole file, front matter included: fact offsets point into it.
    pub text: String,
    /// Where the article body starts (after the front matter).
    pub body_start: usize,
}

/// Reads every article under `paths` (files, or folders of files), in a
/// stable order: the paths as given, folder entries sorted by name.
/// `published` is used for files whose front matter gives no date.
pub fn load(paths: &[PathBuf], published: Option<NaiveDate>) -> Result<Vec<Source>> {
    if paths.is_empty() {
        return Err(Error::new(
            "no input: give article files or folders of them",
        ));
    }
    let mut files = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path)
            .map_err(|e| Error::file(path, format!("cannot read: {}", io_reason(&e))))?;
        if meta.is_dir() {
            let found = article_files(path)?;
            if found.is_empty() {
                return Err(Error::file(
                    path,
                    "no articles in this folder (expected .txt or .md files)",
                ));
            }
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    let mut sources: Vec<Source> = Vec::with_capacity(files.len());
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for file in files {
        let mut source = read_source(&file, published)?;
        // Two files with one stem (a/reuters.txt, b/reuters.md) stay apart.
        let n = seen.entry(source.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            source.id = format!("{}-{n}", source.id);
        }
        sources.push(source);
    }
    Ok(sources)
}

fn article_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Error::file(dir, format!("cannot read folder: {}", io_reason(&e))))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::file(dir, io_reason(&e)))?;
        let path = entry.path();
        if !path.is_file() {
            continue;
        }
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        if ext.is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.as_str()))
            && !NOT_ARTICLES.contains(&stem.as_str())
        {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Reads one article file.
pub fn read_source(path: &Path, published: Option<NaiveDate>) -> Result<Source> {
    let bytes = std::fs::read(path)
        .map_err(|e| Error::file(path, format!("cannot read: {}", io_reason(&e))))?;
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "article".into());
    parse_source(path, id, bytes, published)
}

/// Builds a source from bytes already read (used by `read_source` and tests).
pub fn parse_source(
    path: &Path,
    id: String,
    bytes: Vec<u8>,
    published: Option<NaiveDate>,
) -> Result<Source> {
    if bytes.contains(&0) {
        return Err(Error::file(path, "binary file, expected article text"));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        Error::file(
            path,
            format!(
                "not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        )
    })?;
    let front = front_matter(&text).map_err(|(line, what)| {
        Error::new(format!("{}:{line}: front matter: {what}", path.display()))
    })?;
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
    };
    if source.id.trim().is_empty() {
        source.id = "article".into();
    }
    Ok(source)
}

#[derive(Default)]
struct FrontMatter {
    id: Option<String>,
    outlet: Option<String>,
    published: Option<NaiveDate>,
    url: Option<String>,
    body_start: usize,
}

/// Parses `---` front matter at the top of `text`. Errors carry the 1-based
/// line and what was expected.
fn front_matter(text: &str) -> std::result::Result<FrontMatter, (usize, String)> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[start..];
    let first_line_end = rest.find('\n').map_or(rest.len(), |i| i + 1);
    if rest[..first_line_end].trim_end() != "---" {
        return Ok(FrontMatter {
            body_start: 0,
            ..FrontMatter::default()
        });
    }
    let mut fm = FrontMatter::default();
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
                format!("expected `key: value` or a closing `---`, found {line:?}"),
            ));
        };
        let key = key.trim().to_ascii_lowercase();
        let value = value.trim().trim_matches(['"', '\'']).trim().to_string();
        if !KNOWN_KEYS.contains(&key.as_str()) {
            continue;
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
                        format!("`published` is {value:?}, expected a date like 2025-08-16"),
                    )
                })?)
            }
            _ => {}
        }
    }
    Err((1, "opening `---` is never closed".into()))
}

/// Reads `2025-08-16`, or the date part of `2025-08-16T10:00:00Z`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let day = s.get(..10).unwrap_or(s);
    NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .ok()
        .filter(|_| s.len() == 10 || s[10..].starts_with(['T', ' ', 't']))
}

#[cfg(test)]
mod tests {
    use super::*;

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
