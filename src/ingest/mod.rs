//! Ingest: article files in, [`Source`]s out. Reads plain text and
//! Markdown (`.txt`, `.md`: [`text`]), HTML pages (`.html`, `.htm`:
//! [`html`]) and JSON Lines feeds of many articles (`.jsonl`: [`jsonl`]),
//! or whole folders of them; `-` is standard input. The format is chosen by
//! the file's extension; any other file given by name is read as text.
//!
//! Everything that can be wrong with an input file is an [`Error`] naming it:
//! missing paths, folders without articles, empty files, text that is not
//! UTF-8 (UTF-16 is named as such), binary files, files that are not regular
//! files (a FIFO, a device), files over the size cap, front matter that
//! does not close, has a bad date, or an unknown or repeated key; an HTML
//! page with no article body; a bad JSON Lines record (`FILE:LINE:`).
//!
//! `-` reads standard input: a JSON Lines feed when its first non-blank
//! byte is `{`, else one article (source id `stdin`). A UTF-8 byte-order
//! mark is skipped (spans still count it: they are file bytes).
//!
//! Offsets: facts are found in [`Source::text`]. For text files that is the
//! file itself; for HTML and JSON Lines it is the decoded article text, and
//! [`Source::origin`] maps offsets back to the bytes as stored.
//!
//! Known gaps: folders are not read recursively; standard input is never
//! read as HTML.

pub mod html;
pub mod jsonl;
pub mod spans;
pub mod text;

use crate::error::{Error, Result};
use chrono::NaiveDate;
pub use spans::SpanMap;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
pub use text::parse_date;

/// Extensions read when a folder is given.
pub const ARTICLE_EXTENSIONS: [&str; 5] = ["txt", "md", "html", "htm", "jsonl"];

/// File stems in a folder that are documentation, not articles.
const NOT_ARTICLES: [&str; 4] = ["readme", "license", "changelog", "notes"];

/// The default cap on one article's size: 32 MB.
pub const DEFAULT_MAX_ARTICLE_BYTES: u64 = 32 * 1024 * 1024;

/// The highest cap: 4,000 MB. A fact holds its offsets into its article's
/// text in 4 bytes, so no article may reach 4 GB (cleaning may lengthen a
/// text a little, hence the margin).
pub const LIMIT_MAX_ARTICLE_BYTES: u64 = 4000 * 1024 * 1024;

static MAX_ARTICLE_BYTES: AtomicU64 = AtomicU64::new(DEFAULT_MAX_ARTICLE_BYTES);

/// Sets the cap on one article's size for this process (`--max-size`),
/// at most [`LIMIT_MAX_ARTICLE_BYTES`]. A larger article is an error that
/// says so, never an out-of-memory crash.
pub fn set_max_article_bytes(bytes: u64) {
    MAX_ARTICLE_BYTES.store(bytes.clamp(1, LIMIT_MAX_ARTICLE_BYTES), Ordering::Relaxed);
}

/// The cap on one article's size in bytes.
pub fn max_article_bytes() -> u64 {
    MAX_ARTICLE_BYTES.load(Ordering::Relaxed)
}

/// The path that stands for standard input.
pub const STDIN: &str = "-";

/// One article as read.
#[derive(Clone, Debug, Default)]
pub struct Source {
    pub id: String,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
    pub path: PathBuf,
    /// The text facts are found in: for text files the whole file, front
    /// matter included; for HTML and JSON Lines the decoded article text.
    pub text: String,
    /// Where the article body starts (after the front matter).
    pub body_start: usize,
    /// How offsets into `text` map to the bytes as stored (HTML, JSON
    /// Lines); `None` when `text` is the file itself.
    pub origin: Option<SpanMap>,
}

/// How to read.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The publication date of articles that give none.
    pub published: Option<NaiveDate>,
    /// Skip bad JSON Lines records (counted in [`Loaded::skipped`]) instead
    /// of failing on the first.
    pub skip_bad: bool,
}

/// What [`load_with`] read.
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    pub sources: Vec<Source>,
    /// The errors of the bad JSON Lines records skipped (`--skip-bad`).
    pub skipped: Vec<Error>,
}

impl Loaded {
    /// One line for standard error when records were skipped.
    pub fn skipped_note(&self) -> Option<String> {
        let first = self.skipped.first()?;
        let n = self.skipped.len();
        Some(format!(
            "crosscheck: skipped {n} bad record{} (first: {})",
            if n == 1 { "" } else { "s" },
            first.message()
        ))
    }
}

/// The format of a file, by its extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    JsonLines,
}

impl Format {
    /// `.html`/`.htm` are HTML, `.jsonl` JSON Lines, anything else text.
    pub fn of(path: &Path) -> Format {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("html" | "htm") => Format::Html,
            Some("jsonl") => Format::JsonLines,
            _ => Format::Text,
        }
    }
}

/// Reads every article under `paths` (files, or folders of files), in a
/// stable order: the paths as given, folder entries sorted by name, records
/// of a JSON Lines feed in file order. `published` is used for articles
/// that give no date.
pub fn load(paths: &[PathBuf], published: Option<NaiveDate>) -> Result<Vec<Source>> {
    let options = Options {
        published,
        ..Options::default()
    };
    load_with(paths, &options).map(|l| l.sources)
}

/// [`load`] with all options.
pub fn load_with(paths: &[PathBuf], options: &Options) -> Result<Loaded> {
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
                    "no articles in this folder (expected .txt, .md, .html or .jsonl files)",
                ));
            }
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    let mut loaded = Loaded::default();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for file in files {
        let (sources, skipped) = read_sources(&file, options)?;
        loaded.skipped.extend(skipped);
        for mut source in sources {
            // Two files with one stem (a/reuters.txt, b/reuters.md) stay apart.
            let n = seen.entry(source.id.clone()).or_insert(0);
            *n += 1;
            if *n > 1 {
                source.id = format!("{}-{n}", source.id);
            }
            loaded.sources.push(source);
        }
    }
    if loaded.sources.is_empty()
        && let Some(first) = loaded.skipped.first()
    {
        // `--skip-bad` skipped every record: there is nothing to report.
        return Err(Error::new(format!(
            "every record was bad, no article left to read (first: {})",
            first.message()
        )));
    }
    Ok(loaded)
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

/// Reads one article file (or standard input for `-`). A JSON Lines feed
/// must hold exactly one article here; [`read_sources`] reads any number.
pub fn read_source(path: &Path, published: Option<NaiveDate>) -> Result<Source> {
    let options = Options {
        published,
        ..Options::default()
    };
    let (mut sources, _) = read_sources(path, &options)?;
    if sources.len() != 1 {
        return Err(Error::file(
            path,
            format!(
                "holds {} articles, expected one article here",
                sources.len()
            ),
        ));
    }
    Ok(sources.remove(0))
}

/// Reads the articles of one file (or standard input for `-`), with the
/// errors of the bad records skipped. Only regular files are read: a FIFO
/// or a device would block or never end. At most [`max_article_bytes`] are
/// read, whatever the file claims its size is.
pub fn read_sources(path: &Path, options: &Options) -> Result<(Vec<Source>, Vec<Error>)> {
    let bytes = read_bytes(path)?;
    if path.as_os_str() == STDIN {
        let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
        if first == Some(&b'{') {
            return jsonl::parse(path, bytes, options);
        }
        let source = parse_source(Path::new(STDIN), "stdin".into(), bytes, options.published)?;
        return Ok((vec![source], Vec::new()));
    }
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "article".into());
    match Format::of(path) {
        Format::Text => Ok((
            vec![parse_source(path, id, bytes, options.published)?],
            Vec::new(),
        )),
        Format::Html => {
            let text = decode(path, bytes)?;
            Ok((
                vec![html::parse(path, id, text, options.published)?],
                Vec::new(),
            ))
        }
        Format::JsonLines => jsonl::parse(path, bytes, options),
    }
}

/// The bytes of `path` (or standard input), at most the size cap.
fn read_bytes(path: &Path) -> Result<Vec<u8>> {
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
        return Ok(bytes);
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
    Ok(bytes)
}

fn human_bytes(n: u64) -> String {
    if n.is_multiple_of(1024 * 1024) {
        format!("{} MB", n / (1024 * 1024))
    } else {
        format!("{n}-byte")
    }
}

/// Builds a text source from bytes already read (used by `read_source` and
/// tests): the file is read as plain text whatever its name.
pub fn parse_source(
    path: &Path,
    id: String,
    bytes: Vec<u8>,
    published: Option<NaiveDate>,
) -> Result<Source> {
    let text = decode(path, bytes)?;
    text::parse(path, id, text, published)
}

/// Checks that `bytes` are UTF-8 text and returns them as a string.
fn decode(path: &Path, bytes: Vec<u8>) -> Result<String> {
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
    String::from_utf8(bytes).map_err(|e| {
        Error::file(
            path,
            format!(
                "not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        )
    })
}
