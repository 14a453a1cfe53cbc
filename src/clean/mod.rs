//! Clean: a [`Source`] becomes a [`Document`]: the boilerplate regions cut by
//! `rules/boilerplate.toml`, and the rest split into sentences with byte
//! spans into the file as it is on disk.

pub mod boilerplate;
pub mod mentions;
pub mod sentences;

use crate::ingest::{Source, SpanMap};
use crate::rules::Rules;
use chrono::NaiveDate;
use std::path::PathBuf;
use std::sync::Arc;

/// One sentence: a byte range of the file, and the paragraph (line) it is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub paragraph: usize,
}

/// An article ready for extraction.
#[derive(Clone, Debug)]
pub struct Document {
    /// The source's id, shared with every fact of it.
    pub id: Arc<str>,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
    pub path: PathBuf,
    /// The whole file as read, shared with the facts that quote its
    /// sentences.
    pub text: Arc<str>,
    pub body_start: usize,
    /// How offsets into `text` map to the bytes as stored, when `text` is
    /// not the file itself (HTML, JSON Lines).
    pub origin: Option<SpanMap>,
    /// Boilerplate byte ranges, sorted and disjoint; nothing in them is
    /// the outlet's story.
    pub cut: Vec<(usize, usize)>,
    /// The kept text, one range per paragraph (a line, or the part of a line
    /// between cut spans).
    pub paragraphs: Vec<(usize, usize)>,
    pub sentences: Vec<Sentence>,
    /// Quote spans and person mentions, found once for every extractor.
    pub mentions: mentions::Mentions,
    line_starts: Vec<usize>,
}

impl Document {
    /// 1-based line number of byte `at`.
    pub fn line_of(&self, at: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= at)
    }

    /// The sentence holding byte `at`, if any.
    pub fn sentence_at(&self, at: usize) -> Option<&Sentence> {
        let i = self.sentences.partition_point(|s| s.end <= at);
        self.sentences.get(i).filter(|s| s.start <= at)
    }

    pub fn sentence_text_at(&self, at: usize) -> &str {
        self.sentence_at(at)
            .map(|s| &self.text[s.start..s.end])
            .unwrap_or("")
    }

    pub fn sentence_text(&self, s: &Sentence) -> &str {
        &self.text[s.start..s.end]
    }

    /// Whether byte `at` is inside boilerplate.
    pub fn is_cut(&self, at: usize) -> bool {
        // Cut ranges are sorted and disjoint: only the last one starting at
        // or before `at` can hold it.
        let i = self.cut.partition_point(|&(a, _)| a <= at);
        i > 0 && at < self.cut[i - 1].1
    }

    /// The 1-based line, in the file as stored, of text offset `at`.
    pub fn stored_line(&self, at: usize) -> usize {
        match &self.origin {
            Some(map) => map.line_of(map.stored_start(at)),
            None => self.line_of(at),
        }
    }

    /// Puts a fact found in `text` on the bytes as stored: `start`/`end`
    /// become offsets into the file (or JSON Lines field) and `line` its
    /// line. Text read from the file as it is needs nothing.
    pub fn to_stored(&self, fact: &mut crate::fact::Fact) {
        if let Some(map) = &self.origin {
            let (start, end) = (map.stored_start(fact.start), map.stored_end(fact.end));
            fact.start = start;
            fact.end = end.max(start);
            fact.line = crate::fact::line_number(map.line_of(start));
        }
    }

    /// The display name: outlet from front matter, else the id.
    pub fn outlet_name(&self) -> &str {
        self.outlet.as_deref().unwrap_or(&self.id)
    }
}

/// Cuts boilerplate and splits sentences.
pub fn clean(source: Source, rules: &Rules) -> Document {
    let text: Arc<str> = Arc::from(source.text);
    let cut = rules.boilerplate.regions(&text, source.body_start);
    let paragraphs = kept_paragraphs(&text, source.body_start, &cut);
    let mut sentences = Vec::new();
    for (i, &(a, b)) in paragraphs.iter().enumerate() {
        for (s, e) in sentences::split(&text[a..b]) {
            sentences.push(Sentence {
                start: a + s,
                end: a + e,
                paragraph: i,
            });
        }
    }
    let mut line_starts = vec![0];
    line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
    // A document is kept for the whole run (a feed keeps thousands): its
    // lists give back the room they grew into.
    let (mut cut, mut paragraphs) = (cut, paragraphs);
    for v in [&mut cut, &mut paragraphs] {
        v.shrink_to_fit();
    }
    sentences.shrink_to_fit();
    line_starts.shrink_to_fit();
    let mut doc = Document {
        id: Arc::from(source.id),
        outlet: source.outlet,
        published: source.published,
        url: source.url,
        path: source.path,
        text,
        body_start: source.body_start,
        origin: source.origin,
        cut,
        paragraphs,
        sentences,
        mentions: mentions::Mentions::default(),
        line_starts,
    };
    doc.mentions = mentions::Mentions::find(&doc, rules);
    doc.mentions.quotes.shrink_to_fit();
    doc
}

/// How far apart the dated articles of one story may be for their date to
/// stand for the undated ones.
const STORY_SPAN_DAYS: i64 = 3;

/// The date an undated article of this story is assumed to be published on:
/// the (lower) median publication date of the dated ones, when there are
/// any and they lie within [`STORY_SPAN_DAYS`] of each other. Outlets
/// telling one event write within days of each other, so "on Thursday" in
/// an undated copy is the Thursday the dated ones mean, and is compared with
/// their dates instead of only with other undated weekdays. `None` when no
/// article needs it or nothing can be assumed.
pub fn story_date(docs: &[Document]) -> Option<NaiveDate> {
    if docs.iter().all(|d| d.published.is_some()) {
        return None;
    }
    let mut dates: Vec<NaiveDate> = docs.iter().filter_map(|d| d.published).collect();
    dates.sort_unstable();
    let (first, last) = (*dates.first()?, *dates.last()?);
    ((last - first).num_days() <= STORY_SPAN_DAYS).then(|| dates[(dates.len() - 1) / 2])
}

/// Lines of the body minus the cut regions, trimmed, non-empty.
fn kept_paragraphs(text: &str, body_start: usize, cut: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = body_start;
    // Cut ranges are sorted and disjoint: skip those ending before a line.
    let mut first = 0;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let mut a = pos;
        while first < cut.len() && cut[first].1 <= pos {
            first += 1;
        }
        let overlapping = cut[first..].iter().take_while(|&&(ca, _)| ca < end);
        for &(ca, cb) in overlapping.filter(|&&(ca, cb)| ca < end && cb > pos) {
            if ca > a {
                push_trimmed(text, a, ca, &mut out);
            }
            a = a.max(cb);
        }
        if a < end {
            push_trimmed(text, a, end, &mut out);
        }
        pos = end + 1;
    }
    out
}

fn push_trimmed(text: &str, a: usize, b: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &text[a..b];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push((a + lead, b - trail));
    }
}

/// A one-paragraph document for rule examples and tests.
pub fn example_document(text: &str, published: Option<NaiveDate>, rules: &Rules) -> Document {
    clean(
        Source {
            id: "example".into(),
            outlet: None,
            published,
            url: None,
            path: PathBuf::from("example"),
            text: text.to_string(),
            body_start: 0,
            origin: None,
        },
        rules,
    )
}
