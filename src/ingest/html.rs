//! HTML pages (`.html`, `.htm`, and the `html` field of a JSON Lines
//! record): the article body as text, with a map back to the raw bytes.
//!
//! The page is scanned once into blocks of text (a paragraph, a heading, a
//! list item …), each piece of text remembering the bytes it came from:
//! entities are decoded (`&amp;` is `&`, `&#8217;` is `’`, `&nbsp;` is a
//! no-break space), tags are dropped, runs of white space are one space.
//! Which blocks are the article is decided by the readability algorithm
//! (`dom_smoothie`): its paragraphs are matched, in order, to the scanned
//! blocks, and the headline before them is kept when it is the article's
//! title. The kept blocks, one per line, are the text facts are found in;
//! the [`SpanMap`] takes each fact back to the raw bytes of the page.
//!
//! Metadata, used when front matter does not give it (front matter always
//! wins): outlet from `og:site_name`, then JSON-LD `publisher.name`, then
//! `application-name`; date from `article:published_time`, then JSON-LD
//! `datePublished`, then `<meta name="date">` (or `pubdate`,
//! `publish-date`, `dc.date`, `dcterms.created`, `parsely-pub-date`,
//! `sailthru.date`), then `<time datetime>` and readability's own guess;
//! url from `og:url`, then `<link rel="canonical">`, then JSON-LD `url`.
//!
//! A page whose chosen text has no paragraph of at least eight words (a
//! menu, a list of links) has no article body: that is an error.
//!
//! Known gaps: a paragraph that readability rewrites (merges two blocks,
//! or splits one at `<br>`) is not matched and is left out; text in
//! `<pre>` is read with its white space collapsed; frames and
//! JavaScript-rendered pages have no body to read.

use super::{Source, SpanMap, text};
use crate::error::{Error, Result};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::path::Path;

/// Elements whose contents are never article text.
const SKIPPED: [&str; 10] = [
    "script", "style", "noscript", "template", "title", "svg", "iframe", "object", "textarea",
    "select",
];

/// Elements that end one block of text and start another.
const BLOCKS: [&str; 45] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
    "option",
];

/// Date `<meta name=…>` keys, in order of trust.
const DATE_NAMES: [&str; 7] = [
    "date",
    "pubdate",
    "publish-date",
    "dc.date",
    "dcterms.created",
    "parsely-pub-date",
    "sailthru.date",
];

/// A page's article text with its map and metadata.
#[derive(Debug)]
pub struct Extracted {
    pub text: String,
    pub map: SpanMap,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
}

/// Reads an HTML file (front matter allowed before the page).
pub(super) fn parse(
    path: &Path,
    id: String,
    file: String,
    published: Option<NaiveDate>,
) -> Result<Source> {
    let front = text::front_matter(&file)
        .map_err(|(line, what)| text::front_matter_error(path, line, &what))?;
    let page = &file[front.body_start..];
    let found = extract(page, front.body_start, SpanMap::for_file(&file))
        .ok_or_else(|| Error::file(path, NO_BODY))?;
    let mut source = Source {
        id: front.id.unwrap_or(id),
        outlet: front.outlet.or(found.outlet),
        published: front.published.or(found.published).or(published),
        url: front.url.or(found.url),
        path: path.to_path_buf(),
        text: found.text,
        body_start: 0,
        origin: Some(found.map),
    };
    if source.id.trim().is_empty() {
        source.id = "article".into();
    }
    Ok(source)
}

/// An article has at least one paragraph of this many words.
const MIN_PARAGRAPH_WORDS: usize = 8;

/// The error for a page without an article.
pub(super) const NO_BODY: &str =
    "no article body found in this HTML page (expected paragraphs of text in <p> or similar)";

/// The article of `page`, whose byte 0 is stored byte `base`; `map` is the
/// empty map to fill (it says how lines are counted). `None` when the page
/// has no article body.
pub fn extract(page: &str, base: usize, mut map: SpanMap) -> Option<Extracted> {
    let scan = scan(page);
    let article = dom_smoothie::Readability::new(page, None, None)
        .ok()?
        .parse()
        .ok()?;
    let wanted = scan_blocks(&article.content);
    let chosen = choose(&scan.blocks, &wanted, &article.title);
    // Readability always returns something: a menu is not an article.
    let prose = |i: &usize| scan.blocks[*i].text.split_whitespace().count() >= MIN_PARAGRAPH_WORDS;
    if !chosen.iter().any(prose) {
        return None;
    }
    let mut text = String::new();
    let mut prev_end = None;
    for &i in &chosen {
        let block = &scan.blocks[i];
        let first = block.pieces.first()?;
        if let Some(end) = prev_end {
            // The line break between two paragraphs stands for the bytes
            // between them (closing and opening tags).
            map.push(text.len(), 1, (base + end, base + first.stored.0.max(end)));
            text.push('\n');
        }
        for p in &block.pieces {
            map.push(
                text.len() + p.text.0,
                p.text.1 - p.text.0,
                (base + p.stored.0, base + p.stored.1),
            );
        }
        text.push_str(&block.text);
        prev_end = block.pieces.last().map(|p| p.stored.1);
    }
    if text.trim().is_empty() {
        return None;
    }
    let meta = scan.meta;
    Some(Extracted {
        text,
        map,
        outlet: meta
            .outlet()
            .or(article.site_name.filter(|s| !s.trim().is_empty())),
        published: meta.published().or_else(|| {
            article
                .published_time
                .as_deref()
                .and_then(super::parse_date)
        }),
        url: meta.url(),
    })
}

/// Which scanned blocks are the article: the readability paragraphs
/// matched in order (through an index of block texts, so linear), and the
/// headline just before the first of them when it is the title.
fn choose(blocks: &[Block], wanted: &[Block], title: &str) -> Vec<usize> {
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, b) in blocks.iter().enumerate() {
        by_key.entry(key(&b.text)).or_default().push(i);
    }
    let mut chosen = Vec::new();
    let mut next = 0;
    for w in wanted {
        let Some(at) = by_key.get(&key(&w.text)) else {
            continue;
        };
        let k = at.partition_point(|&i| i < next);
        if let Some(&i) = at.get(k) {
            chosen.push(i);
            next = i + 1;
        }
    }
    let title = key(title);
    if let Some(&first) = chosen.first()
        && !title.is_empty()
        && let Some(h) = (0..first).rev().find(|&i| key(&blocks[i].text) == title)
    {
        chosen.insert(0, h);
    }
    chosen
}

/// Text compared across the two readings: white space (no-break spaces
/// too) collapsed.
fn key(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// One block of text: its decoded words, and where each piece came from.
#[derive(Debug, Default)]
struct Block {
    text: String,
    pieces: Vec<Piece>,
}

/// `text` bytes of a block came from `stored` bytes of the page.
#[derive(Clone, Copy, Debug)]
struct Piece {
    text: (usize, usize),
    stored: (usize, usize),
}

impl Block {
    fn push(&mut self, s: &str, stored: (usize, usize)) {
        let at = self.text.len();
        self.text.push_str(s);
        self.pieces.push(Piece {
            text: (at, self.text.len()),
            stored,
        });
    }

    /// Ends the block: a trailing space goes.
    fn finish(mut self) -> Option<Block> {
        if self.text.ends_with(' ') {
            self.text.pop();
            self.pieces.pop();
        }
        (!self.text.is_empty()).then_some(self)
    }
}

/// Metadata found while scanning.
#[derive(Debug, Default)]
struct Meta {
    /// `<meta>` keys (property, name or itemprop, lower-case) → content,
    /// first one wins.
    tags: HashMap<String, String>,
    canonical: Option<String>,
    time: Option<String>,
    json_ld: Vec<serde_json::Value>,
}

impl Meta {
    fn tag(&self, key: &str) -> Option<String> {
        self.tags
            .get(key)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    }

    fn ld(&self, find: impl Fn(&serde_json::Value) -> Option<String>) -> Option<String> {
        fn walk(
            v: &serde_json::Value,
            find: &dyn Fn(&serde_json::Value) -> Option<String>,
            depth: usize,
        ) -> Option<String> {
            if depth > 8 {
                return None;
            }
            match v {
                serde_json::Value::Array(items) => {
                    items.iter().find_map(|i| walk(i, find, depth + 1))
                }
                serde_json::Value::Object(o) => {
                    find(v).or_else(|| o.get("@graph").and_then(|g| walk(g, find, depth + 1)))
                }
                _ => None,
            }
        }
        self.json_ld.iter().find_map(|v| walk(v, &find, 0))
    }

    fn outlet(&self) -> Option<String> {
        self.tag("og:site_name")
            .or_else(|| {
                self.ld(|v| {
                    v.get("publisher")?
                        .get("name")?
                        .as_str()
                        .map(|s| s.trim().to_string())
                        .filter(|s| !s.is_empty())
                })
            })
            .or_else(|| self.tag("application-name"))
    }

    fn published(&self) -> Option<NaiveDate> {
        let date = |s: Option<String>| s.as_deref().and_then(super::parse_date);
        date(self.tag("article:published_time"))
            .or_else(|| date(self.ld(|v| v.get("datePublished")?.as_str().map(str::to_string))))
            .or_else(|| DATE_NAMES.iter().find_map(|k| date(self.tag(k))))
            .or_else(|| date(self.time.clone()))
    }

    fn url(&self) -> Option<String> {
        self.tag("og:url")
            .or_else(|| self.canonical.clone().filter(|s| !s.trim().is_empty()))
            .or_else(|| self.ld(|v| v.get("url")?.as_str().map(str::to_string)))
    }
}

struct Scan {
    blocks: Vec<Block>,
    meta: Meta,
}

fn scan_blocks(page: &str) -> Vec<Block> {
    scan(page).blocks
}

/// Scans `page` into blocks of text and metadata. Never panics: text that
/// is not well-formed HTML is read as text.
fn scan(page: &str) -> Scan {
    let b = page.as_bytes();
    let mut out = Scan {
        blocks: Vec::new(),
        meta: Meta::default(),
    };
    let mut block = Block::default();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'<' if page[i..].starts_with("<!--") => {
                i = page[i + 4..].find("-->").map_or(b.len(), |e| i + 4 + e + 3);
            }
            b'<' if matches!(b.get(i + 1), Some(b'!' | b'?')) => {
                i = page[i..].find('>').map_or(b.len(), |e| i + e + 1);
            }
            b'<' if b
                .get(i + 1)
                .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'/') =>
            {
                let tag = read_tag(page, i);
                let name = tag.name.as_str();
                if BLOCKS.contains(&name)
                    && let Some(done) = std::mem::take(&mut block).finish()
                {
                    out.blocks.push(done);
                }
                i = tag.end;
                if tag.closing {
                    continue;
                }
                match name {
                    "meta" => {
                        let key = tag
                            .attr("property")
                            .or_else(|| tag.attr("name"))
                            .or_else(|| tag.attr("itemprop"));
                        if let (Some(k), Some(v)) = (key, tag.attr("content")) {
                            out.meta
                                .tags
                                .entry(k.to_ascii_lowercase())
                                .or_insert_with(|| decode_all(v));
                        }
                    }
                    "link"
                        if out.meta.canonical.is_none()
                            && tag
                                .attr("rel")
                                .is_some_and(|r| r.eq_ignore_ascii_case("canonical")) =>
                    {
                        out.meta.canonical = tag.attr("href").map(decode_all);
                    }
                    "time" if out.meta.time.is_none() => {
                        out.meta.time = tag.attr("datetime").map(str::to_string);
                    }
                    _ => {}
                }
                if SKIPPED.contains(&name) && !tag.self_closing {
                    let close = find_close(page, i, name);
                    if name == "script"
                        && tag
                            .attr("type")
                            .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"))
                        && let Ok(v) = serde_json::from_str(&page[i..close.0])
                    {
                        out.meta.json_ld.push(v);
                    }
                    i = close.1;
                }
            }
            b'&' => {
                let decoded = entity_at(page, i);
                match decoded {
                    Some((s, end)) => {
                        block.push(&s, (i, end));
                        i = end;
                    }
                    None => {
                        block.push("&", (i, i + 1));
                        i += 1;
                    }
                }
            }
            c if c.is_ascii_whitespace() => {
                let end = b[i..]
                    .iter()
                    .position(|c| !c.is_ascii_whitespace())
                    .map_or(b.len(), |e| i + e);
                if !block.text.is_empty() && !block.text.ends_with(' ') {
                    block.push(" ", (i, end));
                }
                i = end;
            }
            _ => {
                // A run of plain text up to the next tag, entity or space
                // (`<` not starting a tag is text too).
                let mut end = i + 1;
                while end < b.len()
                    && !matches!(b[end], b'<' | b'&')
                    && !b[end].is_ascii_whitespace()
                {
                    end += 1;
                }
                while !page.is_char_boundary(end) {
                    end += 1;
                }
                block.push(&page[i..end], (i, end));
                i = end;
            }
        }
    }
    if let Some(done) = block.finish() {
        out.blocks.push(done);
    }
    out
}

/// A tag as read: lower-case name, attributes, and the byte after its `>`.
struct Tag<'a> {
    name: String,
    closing: bool,
    self_closing: bool,
    attrs: Vec<(String, &'a str)>,
    end: usize,
}

impl Tag<'_> {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| *v)
    }
}

/// Reads the tag starting at `<` at `at`; quoted attribute values may hold
/// `>`.
fn read_tag(page: &str, at: usize) -> Tag<'_> {
    let b = page.as_bytes();
    let mut i = at + 1;
    let closing = b.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let name_start = i;
    while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'-' || b[i] == b':') {
        i += 1;
    }
    let name = page[name_start..i].to_ascii_lowercase();
    let mut attrs = Vec::new();
    let mut self_closing = false;
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            self_closing = b[i] == b'/';
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        if b[i] == b'>' {
            i += 1;
            break;
        }
        self_closing = false;
        let k = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let key = page[k..i].to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = "";
        if b.get(i) == Some(&b'=') {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            match b.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let e = page[i + 1..].find(q as char).map_or(b.len(), |e| i + 1 + e);
                    value = &page[i + 1..e];
                    i = (e + 1).min(b.len());
                }
                _ => {
                    let v = i;
                    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                        i += 1;
                    }
                    value = &page[v..i];
                }
            }
        }
        if key.is_empty() {
            // A stray character: step over it.
            i += 1;
            while !page.is_char_boundary(i.min(b.len())) {
                i += 1;
            }
            i = i.min(b.len());
        } else {
            attrs.push((key, value));
        }
    }
    Tag {
        name,
        closing,
        self_closing,
        attrs,
        end: i.min(b.len()),
    }
}

/// Where the contents of raw-text element `name` opened before `from` end,
/// and the byte after its closing tag.
fn find_close(page: &str, from: usize, name: &str) -> (usize, usize) {
    let b = page.as_bytes();
    let mut i = from;
    while let Some(e) = page[i..].find("</") {
        let at = i + e;
        let n = at + 2;
        if b.len() >= n + name.len()
            && page.as_bytes()[n..n + name.len()].eq_ignore_ascii_case(name.as_bytes())
        {
            let end = page[n..].find('>').map_or(b.len(), |e| n + e + 1);
            return (at, end);
        }
        i = at + 2;
    }
    (b.len(), b.len())
}

/// The entity at `at` (`&amp;`, `&#8217;`, `&#x2019;`): its decoded text
/// and the byte after its `;`.
fn entity_at(page: &str, at: usize) -> Option<(String, usize)> {
    let rest = &page[at..];
    let semi = rest.bytes().take(40).position(|c| c == b';')?;
    let name = &rest[1..semi];
    if name.is_empty() || !name.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'#') {
        return None;
    }
    let raw = &rest[..=semi];
    let decoded = html_escape::decode_html_entities(raw);
    (decoded != raw).then(|| (decoded.into_owned(), at + semi + 1))
}

/// `s` with every entity decoded (attribute values).
fn decode_all(s: &str) -> String {
    html_escape::decode_html_entities(s).trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_decode_and_white_space_collapses() {
        let s = scan("<p>Tom &amp; Jerry&#8217;s\n   <b>cat</b></p><p>two</p>");
        let texts: Vec<&str> = s.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Tom & Jerry’s cat", "two"]);
    }

    #[test]
    fn scripts_styles_and_comments_are_not_text() {
        let s =
            scan("<p>a<script>var x = '<p>no</p>';</script><!-- no --><style>p{}</style> b</p>");
        assert_eq!(s.blocks.len(), 1);
        assert_eq!(s.blocks[0].text, "a b");
    }

    #[test]
    fn metadata_precedence() {
        let page = r#"<head><meta property="og:site_name" content="Reuters">
<script type="application/ld+json">{"datePublished":"2025-08-16T10:00:00Z","publisher":{"name":"Other"}}</script>
<link rel="canonical" href="https://example.com/a"></head>"#;
        let s = scan(page);
        assert_eq!(s.meta.outlet().as_deref(), Some("Reuters"));
        assert_eq!(s.meta.published(), NaiveDate::from_ymd_opt(2025, 8, 16));
        assert_eq!(s.meta.url().as_deref(), Some("https://example.com/a"));
    }

    #[test]
    fn broken_markup_never_panics() {
        for page in [
            "<",
            "<p",
            "<p a='",
            "&",
            "&#;",
            "&#99999999;",
            "<script>",
            "a<é",
            "<!--",
        ] {
            let _ = scan(page);
            let _ = extract(page, 0, SpanMap::on_line(1));
        }
    }
}
