//! Ingest: article files in, [`Source`]s out. Reads `.txt` and `.md` files
//! (or whole folders of them), with optional `---` front matter giving
//! `outlet`, `published` and `url`. The source id is the file stem.
//!
//! Everything that can be wrong with an input file is an [`Error`] naming it:
//! missing paths, folders without articles, empty files, text that is not
//! UTF-8 (UTF-16 is named as such), binary files, files that are not regular
//! files (a FIFO, a device), articles over the size cap, front matter that
//! does not close, has a bad date, or an unknown or repeated key.
//!
//! `-` reads one article from standard input (source id `stdin`). A UTF-8
//! byte-order mark is skipped (spans still count it: they are file bytes).

use crate::error::{Error, Result};
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Extensions read when a folder is given.
pub const ARTICLE_EXTENSIONS: [&str; 2] = ["txt", "md"];

/// File stems in a folder that are documentation, not articles.
const NOT_ARTICLES: [&str; 4] = ["readme", "license", "changelog", "notes"];

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

/// The default cap on one article's size: 32 MB.
pub const DEFAULT_MAX_ARTICLE_BYTES: u64 = 32 * 1024 * 1024;

static MAX_ARTICLE_BYTES: AtomicU64 = AtomicU64::new(DEFAULT_MAX_ARTICLE_BYTES);

/// Sets the cap on one article's size for this process (`--max-size`).
/// A larger article is an error that says so, never an out-of-memory crash.
pub fn set_max_article_bytes(bytes: u64) {
    MAX_ARTICLE_BYTES.store(bytes.max(1), Ordering::Relaxed);
}

/// The cap on one article's size in bytes.
pub fn max_article_bytes() -> u64 {
    MAX_ARTICLE_BYTES.load(Ordering::Relaxed)
}

/// The path that stands for standard input.
pub const STDIN: &str = "-";

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
        if path.as_os_str() == STDIN {
            files.push(path.clone());
            continue;
        }
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
        if is_hidden(&path) {
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
            // A subfolder named like an article is still a folder; an
            // article-named symlink that leads nowhere (or in a loop) is
            // an error when read, not silently skipped.
            if path.is_dir() {
                continue;
            }
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

/// What a folder holds that [`load`] does not read and a user may expect it
/// to: subfolders (folders are not read recursively) and hidden article
/// files (`.draft.txt`). One line, or `None` when nothing was skipped.
pub fn skipped_note(dir: &Path) -> Option<String> {
    let entries = std::fs::read_dir(dir).ok()?;
    let (mut folders, mut hidden) = (0, 0);
    for entry in entries.flatten() {
        let path = entry.path();
        let article_named = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
        if is_hidden(&path) {
            // `.DS_Store` and editor files are not worth a word; `.draft.txt` is.
            hidden += usize::from(article_named);
        } else if path.is_dir() {
            folders += 1;
        }
    }
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut parts = Vec::new();
    if folders > 0 {
        parts.push(plural(folders, "subfolder", "subfolders"));
    }
    if hidden > 0 {
        parts.push(plural(hidden, "hidden file", "hidden files"));
    }
    (!parts.is_empty()).then(|| {
        format!(
            "{}: skipped {} (folders are not read recursively; hidden files are not articles)",
            dir.display(),
            parts.join(" and ")
        )
    })
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ if e.raw_os_error() == Some(40) => "too many levels of symbolic links (a loop)".into(),
        _ => e.to_string(),
    }
}

/// Reads one article file (or standard input for `-`). Only regular files
/// are read: a FIFO or a device would block or never end. At most
/// [`max_article_bytes`] are read, whatever the file claims its size is.
pub fn read_source(path: &Path, published: Option<NaiveDate>) -> Result<Source> {
    let cannot = |e: std::io::Error| Error::file(path, format!("cannot read: {}", io_reason(&e)));
    let cap = max_article_bytes();
    let too_big = || {
        Error::file(
            path,
            format!(
                "article larger than the {} cap (raise it with --max-size MB)",
                human_bytes(cap)
            ),
        )
    };
    let mut bytes = Vec::new();
    if path.as_os_str() == STDIN {
        std::io::stdin()
            .lock()
            .take(cap + 1)
            .read_to_end(&mut bytes)
            .map_err(cannot)?;
        if bytes.len() as u64 > cap {
            return Err(too_big());
        }
        return parse_source(Path::new(STDIN), "stdin".into(), bytes, published);
    }
    let meta = std::fs::metadata(path).map_err(cannot)?;
    if meta.is_dir() {
        return Err(Error::file(path, "is a folder, expected an article file"));
    }
    if !meta.is_file() {
        return Err(Error::file(
            path,
            "not a regular file (a FIFO, socket or device); give a file, or `-` for standard input",
        ));
    }
    if meta.len() > cap {
        return Err(too_big());
    }
    let file = std::fs::File::open(path).map_err(cannot)?;
    // The file may grow while it is read: never read past the cap.
    file.take(cap + 1).read_to_end(&mut bytes).map_err(cannot)?;
    if bytes.len() as u64 > cap {
        return Err(too_big());
    }
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "article".into());
    parse_source(path, id, bytes, published)
}

fn human_bytes(n: u64) -> String {
    if n.is_multiple_of(1024 * 1024) {
        format!("{} MB", n / (1024 * 1024))
    } else {
        format!("{n}-byte")
    }
}

/// Builds a source from bytes already read (used by `read_source` and tests).
pub fn parse_source(
    path: &Path,
    id: String,
    bytes: Vec<u8>,
    published: Option<NaiveDate>,
) -> Result<Source> {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        // Decoding would leave no byte offsets into the file as it is on
        // disk, which every fact's span promises: ask for UTF-8 instead.
        return Err(Error::file(
            path,
            "UTF-16 text (it starts with a UTF-16 byte-order mark); convert it to UTF-8, e.g. `iconv -f UTF-16 -t UTF-8`",
        ));
    }
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
///
/// A first line `---` opens front matter only when the next line is a
/// `key: value` line (or the closing `---`); otherwise it is a Markdown rule
/// and the article starts at byte 0. A UTF-8 byte-order mark is skipped.
/// Known keys are `outlet`, `published`, `url` and `id`; common metadata of
/// other tools (`title`, `author` …) is ignored; any other key, and a key
/// given twice, is an error at its line.
fn front_matter(text: &str) -> std::result::Result<FrontMatter, (usize, String)> {
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
fn truncate(s: &str, n: usize) -> String {
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
