//! Corpus: a feed of many stories in, one check per story out.
//!
//! 1. [`group::group`] sorts the cleaned articles into stories (same news
//!    event, two outlets or more) and leaves the rest unassigned;
//! 2. [`index::stories`] names each story (id, title);
//! 3. [`check_all`] runs the analysis of `check` ([`crate::analyse`]) on
//!    each story's articles, in parallel batches on the current rayon pool,
//!    and hands the results on in story order, so the output is the same
//!    bytes on one thread or many.
//!
//! Example: `crosscheck corpus feed/ --out out/` writes
//! `out/stories/<id>.md` per story, `out/index.md` and `out/index.json`.
//!
//! Known gaps: grouping reads one feed at a time; a story whose articles
//! are split across two runs (date shards) is two stories or none.

pub mod group;
pub mod index;

use crate::clean::Document;
use crate::compare::{Verdict, lineage};
use crate::render;
use crate::rules::Rules;
use crate::{Report, analyse};
use index::{Story, StoryRow};
use rayon::prelude::*;
use std::collections::BTreeSet;

/// How each story's report is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoryFormat {
    Markdown,
    Json,
}

impl StoryFormat {
    pub fn extension(self) -> &'static str {
        match self {
            StoryFormat::Markdown => "md",
            StoryFormat::Json => "json",
        }
    }
}

/// One story checked: its index row, its report, and the report rendered.
pub struct Checked {
    pub row: StoryRow,
    pub report: Report,
    pub text: String,
}

/// Runs the analysis of `check` on one story.
pub fn check(docs: &[Document], story: &Story, rules: &Rules, format: StoryFormat) -> Checked {
    let articles: Vec<Document> = story.articles.iter().map(|&i| docs[i].clone()).collect();
    let report = analyse(&articles, rules);
    let ids: BTreeSet<&str> = report.sources.iter().map(|s| s.id.as_str()).collect();
    let independent_outlets = lineage::independent(&ids, &report.lineage);
    let outlets: BTreeSet<String> = report.sources.iter().map(|s| s.outlet.clone()).collect();
    let text = match format {
        StoryFormat::Markdown => render::markdown::render(&report, &story.title),
        StoryFormat::Json => render::json::render(&report),
    };
    let row = StoryRow {
        id: story.id.clone(),
        title: story.title.clone(),
        articles: ids.iter().map(|s| s.to_string()).collect(),
        outlets: outlets.into_iter().collect(),
        independent_outlets,
        conflicts: report.count(Verdict::Conflict),
        report: format!("stories/{}.{}", story.id, format.extension()),
    };
    Checked { row, report, text }
}

/// Checks every story, `batch` at a time in parallel on the current rayon
/// pool, and gives each result to `sink` in story order. Stops at the
/// first error `sink` returns.
pub fn check_all<E>(
    docs: &[Document],
    stories: &[Story],
    rules: &Rules,
    format: StoryFormat,
    batch: usize,
    mut sink: impl FnMut(Checked) -> Result<(), E>,
) -> Result<(), E> {
    for chunk in stories.chunks(batch.max(1)) {
        let done: Vec<Checked> = chunk
            .par_iter()
            .map(|s| check(docs, s, rules, format))
            .collect();
        for c in done {
            sink(c)?;
        }
    }
    Ok(())
}
