//! crosscheck: read several articles about one news event, extract the
//! facts that can be checked, normalise them, and show where the outlets
//! agree and where they cannot all be right.
//!
//! The pipeline is six pure stages between reading files and writing a
//! report:
//!
//! ```text
//! files ─ingest→ Source ─clean→ Document ─extract→ Fact* ─align→ Cluster* ─compare→ Comparison* ─render→ table | markdown | json
//! ```
//!
//! [`run`] does it all for a [`Config`]; [`analyse`] starts from documents.
//!
//! Articles are cleaned and their facts extracted in parallel, one article
//! per task on rayon's thread pool (one thread per core, or
//! `RAYON_NUM_THREADS`, or [`set_threads`]); results are merged in input
//! order, so the report is the same bytes on any number of threads.

pub mod align;
pub mod clean;
pub mod compare;
pub mod corpus;
pub mod error;
pub mod extract;
pub mod fact;
pub mod ingest;
pub mod interval;
pub mod memory;
pub mod normalise;
pub mod packed;
pub mod render;
pub mod rules;
pub mod words;

use chrono::NaiveDate;
use clean::Document;
use compare::Comparison;
use compare::lineage::Link;
pub use error::{Error, Result};
use fact::Fact;
use rayon::prelude::*;
use rules::Rules;
use serde::Serialize;
use std::path::PathBuf;

/// The version of the JSON contract.
pub const JSON_VERSION: u32 = 1;

/// What to read and how.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// Article files, or folders of them.
    pub paths: Vec<PathBuf>,
    /// The publication date of files whose front matter gives none.
    pub published: Option<NaiveDate>,
    /// A folder of rule files replacing the embedded ones of the same name.
    pub rules: Option<PathBuf>,
    /// Skip bad JSON Lines records instead of failing on the first.
    pub skip_bad: bool,
}

/// One source as the report lists it.
#[derive(Clone, Debug, Serialize)]
pub struct SourceInfo {
    pub id: String,
    pub outlet: String,
    pub path: String,
    pub published: Option<NaiveDate>,
    /// For an undated article, the story's date its relative dates were
    /// read against ([`clean::story_date`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assumed_published: Option<NaiveDate>,
    pub url: Option<String>,
}

/// Everything crosscheck found; renders as a table, Markdown or JSON.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub version: u32,
    pub sources: Vec<SourceInfo>,
    pub facts: Vec<Fact>,
    pub comparisons: Vec<Comparison>,
    pub lineage: Vec<Link>,
}

impl Report {
    /// The fact with `id`: direct for the ids [`analyse`] gives (`f1` is
    /// `facts[0]`), so renderers looking up every fact stay linear.
    pub fn fact(&self, id: &fact::FactId) -> Option<&Fact> {
        (id.0 as usize)
            .checked_sub(1)
            .and_then(|n| self.facts.get(n))
            .filter(|f| f.id == *id)
            .or_else(|| self.facts.iter().find(|f| f.id == *id))
    }

    pub fn source(&self, id: &str) -> Option<&SourceInfo> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// How many comparisons have `verdict`.
    pub fn count(&self, verdict: compare::Verdict) -> usize {
        self.comparisons
            .iter()
            .filter(|c| c.verdict == verdict)
            .count()
    }
}

/// Reads, cleans and analyses the articles of `config`.
pub fn run(config: &Config) -> Result<Report> {
    run_noting_skipped(config).map(|(report, _)| report)
}

/// [`run`], and the one-line note for standard error when `--skip-bad`
/// skipped bad JSON Lines records.
pub fn run_noting_skipped(config: &Config) -> Result<(Report, Option<String>)> {
    let rules = Rules::load(config.rules.as_deref())?;
    let options = ingest::Options {
        published: config.published,
        skip_bad: config.skip_bad,
    };
    let loaded = ingest::load_with(&config.paths, &options)?;
    let note = loaded.skipped_note();
    let mut docs = clean_all(loaded.sources, &rules);
    let assumed = clean::story_date(&docs);
    let facts = extract_as_of(&mut docs, assumed, &rules);
    // Only extraction reads the rules (compiled patterns and their match
    // caches) and the documents' quote spans and person mentions: they go
    // before alignment and comparison add their own working sets.
    drop(rules);
    for doc in &mut docs {
        doc.mentions = Default::default();
    }
    memory::release_free();
    Ok((report(facts, &docs, assumed), note))
}

/// Reads and cleans the articles under `paths`.
pub fn load_documents(
    paths: &[PathBuf],
    published: Option<NaiveDate>,
    rules: &Rules,
) -> Result<Vec<Document>> {
    Ok(clean_all(ingest::load(paths, published)?, rules))
}

/// Cleans `sources` in parallel, keeping their order.
fn clean_all(sources: Vec<ingest::Source>, rules: &Rules) -> Vec<Document> {
    sources
        .into_par_iter()
        .map(|s| clean::clean(s, rules))
        .collect()
}

/// Sets how many threads clean and extract articles (the default is one
/// per core, or `RAYON_NUM_THREADS`). Takes effect only before the first
/// parallel work of the process; later calls change nothing.
pub fn set_threads(n: usize) {
    // An error means the pool is already running with its own count,
    // which changes only the speed, never the report.
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .build_global();
}

/// The facts of every document, extracted in parallel and numbered `f1`,
/// `f2`, … in document order, then file order: the same facts and ids on
/// any number of threads.
pub fn extract_all(docs: &[Document], rules: &Rules) -> Vec<Fact> {
    let per_doc: Vec<Vec<Fact>> = docs
        .par_iter()
        .map(|doc| stored(doc, extract::extract(doc, rules)))
        .collect();
    number(docs, per_doc, rules)
}

/// [`extract_all`] on documents whose person mentions and quoted passages
/// are dropped as soon as extraction is done with them
/// ([`extract::extract_forgetting_mentions`]).
fn extract_all_forgetting_mentions(docs: &mut [Document], rules: &Rules) -> Vec<Fact> {
    let per_doc: Vec<Vec<Fact>> = docs
        .par_iter_mut()
        .map(|doc| {
            let found = extract::extract_forgetting_mentions(doc, rules);
            stored(doc, found)
        })
        .collect();
    number(docs, per_doc, rules)
}

/// `found` with offsets into the bytes as stored: facts are found in the
/// text read, and the report points into the raw HTML or the JSON Lines
/// field.
fn stored(doc: &Document, mut found: Vec<Fact>) -> Vec<Fact> {
    for f in &mut found {
        doc.to_stored(f);
    }
    found
}

/// The story-wide quote steps, then every document's facts in one list,
/// numbered.
fn number(docs: &[Document], mut per_doc: Vec<Vec<Fact>>, rules: &Rules) -> Vec<Fact> {
    // Two steps read the quotes of every article of the story at once.
    extract::joined::split(docs, &mut per_doc);
    extract::unmarked::add(docs, &mut per_doc, &rules.quotes.unmarked);
    // The first document's facts are the start of the list, not copied
    // into a second one: with one long article, a copy would double the
    // peak memory.
    let total: usize = per_doc.iter().map(Vec::len).sum();
    let mut parts = per_doc.into_iter();
    let mut facts = parts.next().unwrap_or_default();
    facts.reserve_exact(total - facts.len());
    for part in parts {
        facts.extend(part);
    }
    // Growing by doubling may have left up to half the list unused.
    facts.shrink_to_fit();
    for (i, f) in facts.iter_mut().enumerate() {
        f.id = fact::FactId(u32::try_from(i + 1).expect("under 4 billion facts"));
    }
    facts
}

/// Extracts, compares and links the facts of `docs`.
///
/// Undated articles of a story whose dated ones agree on a date are read
/// as published on it ([`clean::story_date`]); the report's sources keep the
/// date each article states and give the assumed one beside it.
pub fn analyse(docs: &[Document], rules: &Rules) -> Report {
    let assumed = clean::story_date(docs);
    let facts = match assumed {
        Some(_) => {
            let mut dated = docs.to_vec();
            extract_as_of(&mut dated, assumed, rules)
        }
        None => extract_all(docs, rules),
    };
    report(facts, docs, assumed)
}

/// [`extract_all`], with undated `docs` read as published on `assumed`;
/// their stated dates are put back before returning.
fn extract_as_of(docs: &mut [Document], assumed: Option<NaiveDate>, rules: &Rules) -> Vec<Fact> {
    let stated: Vec<Option<NaiveDate>> = docs.iter().map(|d| d.published).collect();
    for d in docs.iter_mut() {
        d.published = d.published.or(assumed);
    }
    let facts = extract_all_forgetting_mentions(docs, rules);
    for (d, published) in docs.iter_mut().zip(stated) {
        d.published = published;
    }
    facts
}

/// How many facts a report holds before alignment's freed pages are worth
/// returning (about 4 MB of news text).
const TRIM_FROM_FACTS: usize = 20_000;

/// Compares and links the `facts` extracted from `docs`; `assumed` is the
/// story date undated articles were read as of.
fn report(facts: Vec<Fact>, docs: &[Document], assumed: Option<NaiveDate>) -> Report {
    let lineage = compare::lineage::detect(docs);
    let clusters = align::align(&facts);
    // Alignment's features and candidate pairs are gone: their pages go
    // back too, or comparison's peak is reached on top of them (14 to
    // 19 MB lower for a 64 MB article). Only a long report gains what the
    // walk of the heap costs: a feed's stories are reported by the
    // thousand, on several threads.
    if facts.len() >= TRIM_FROM_FACTS {
        memory::release_free();
    }
    let comparisons = compare::compare(&facts, &clusters, &lineage);
    let sources = docs
        .iter()
        .map(|d| SourceInfo {
            id: d.id.to_string(),
            outlet: d.outlet_name().to_string(),
            path: d.path.display().to_string(),
            published: d.published,
            assumed_published: assumed.filter(|_| d.published.is_none()),
            url: d.url.clone(),
        })
        .collect();
    Report {
        version: JSON_VERSION,
        sources,
        facts,
        comparisons,
        lineage,
    }
}
