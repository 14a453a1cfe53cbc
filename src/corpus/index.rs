//! The index of a feed: each story's id, title and figures, and the
//! articles that joined no story.
//!
//! - **lead article**: the earliest published (an undated one last), then
//!   the one with the most sentences, then the smallest id;
//! - **title**: the lead article's first kept sentence of six words or
//!   more (its headline when it has one; a dateline or byline is shorter), whitespace collapsed, cut at a word to 120 characters;
//! - **id**: the title's first six words as a lower-case ASCII slug, then
//!   the lead's publication date (`anchorage-alaska-president-trump-and-russian-2025-08-16`);
//!   two stories with one slug get `-2`, `-3` in the order of their first
//!   article's id. The same feed always gives the same ids.
//!
//! `index.json` (version 1):
//! `{"version": 1, "stories": [{"id", "title", "articles", "outlets",
//! "independent_outlets", "conflicts", "report"}], "unassigned": [ids]}`,
//! stories sorted by conflicts (most first), then id.

use super::group::Grouping;
use crate::clean::Document;
use serde::Serialize;
use std::collections::BTreeMap;

/// One story of a feed, before it is checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Story {
    pub id: String,
    pub title: String,
    /// Indices into the feed's documents, in id order.
    pub articles: Vec<usize>,
}

/// One row of `index.json`.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct StoryRow {
    pub id: String,
    pub title: String,
    /// Article ids, sorted.
    pub articles: Vec<String>,
    /// Distinct outlet names, sorted.
    pub outlets: Vec<String>,
    /// Articles left once copies and rewrites count once.
    pub independent_outlets: usize,
    /// Comparisons with the verdict conflict.
    pub conflicts: usize,
    /// The story's report, relative to the index.
    pub report: String,
}

/// `index.json`.
#[derive(Clone, Debug, Serialize)]
pub struct Index {
    pub version: u32,
    pub stories: Vec<StoryRow>,
    pub unassigned: Vec<String>,
}

/// One line of `--jsonl-out`: the index row with the report itself in
/// place of its path.
#[derive(Serialize)]
struct StoryLine<'a> {
    id: &'a str,
    title: &'a str,
    articles: &'a [String],
    outlets: &'a [String],
    independent_outlets: usize,
    conflicts: usize,
    report: &'a crate::Report,
}

/// `row` and `report` as one line of JSON, newline included.
pub fn jsonl_line(row: &StoryRow, report: &crate::Report) -> String {
    let line = StoryLine {
        id: &row.id,
        title: &row.title,
        articles: &row.articles,
        outlets: &row.outlets,
        independent_outlets: row.independent_outlets,
        conflicts: row.conflicts,
        report,
    };
    let mut s = serde_json::to_string(&line).unwrap_or_default();
    s.push('\n');
    s
}

/// Sorts index rows: most conflicts first, then by id.
pub fn sort_rows(rows: &mut [StoryRow]) {
    rows.sort_by(|a, b| b.conflicts.cmp(&a.conflicts).then_with(|| a.id.cmp(&b.id)));
}

/// Names the stories of `grouping`: ids, titles.
pub fn stories(docs: &[Document], grouping: &Grouping) -> Vec<Story> {
    let mut out: Vec<Story> = grouping
        .stories
        .iter()
        .map(|articles| {
            let lead = lead(docs, articles);
            let title = title(&docs[lead]);
            let mut id = slug(&title);
            if let Some(date) = docs[lead].published {
                id = format!("{id}-{date}");
            }
            Story {
                id,
                title,
                articles: articles.clone(),
            }
        })
        .collect();
    // Stories come in order of their first article's id: number repeats so.
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let taken: std::collections::BTreeSet<String> = out.iter().map(|s| s.id.clone()).collect();
    for s in &mut out {
        let n = seen.entry(s.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            let mut k = *n;
            while taken.contains(&format!("{}-{k}", s.id)) {
                k += 1;
            }
            s.id = format!("{}-{k}", s.id);
        }
    }
    out
}

fn lead(docs: &[Document], articles: &[usize]) -> usize {
    *articles
        .iter()
        .min_by(|&&a, &&b| {
            let key = |d: &Document| {
                (
                    d.published.is_none(),
                    d.published,
                    std::cmp::Reverse(d.sentences.len()),
                )
            };
            key(&docs[a])
                .cmp(&key(&docs[b]))
                .then_with(|| docs[a].id.cmp(&docs[b].id))
        })
        .expect("a story has articles")
}

/// The first kept sentence of `doc` of six words or more (a dateline or a
/// byline is shorter), else its first sentence, cut at a word to 120
/// characters.
pub fn title(doc: &Document) -> String {
    let texts = || doc.sentences.iter().map(|s| doc.sentence_text(s));
    let first = texts()
        .find(|t| t.split_whitespace().count() >= 6)
        .or_else(|| texts().next())
        .unwrap_or("");
    let words: Vec<&str> = first.split_whitespace().collect();
    let mut out = String::new();
    for w in words {
        if out.chars().count() + w.chars().count() + 1 > 120 {
            out.push('…');
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    if out.is_empty() {
        doc.id.to_string()
    } else {
        out
    }
}

/// The first six words of `title`, lower-case ASCII letters and digits
/// joined by `-`; `story` when none are left.
pub fn slug(title: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    // Accents go ("Zürich" → "zurich"); any other non-ASCII character (a
    // dash, a guillemet) parts words.
    let folded: String = title
        .nfkd()
        .filter(|&c| !unicode_normalization::char::is_combining_mark(c))
        .map(|c| {
            if c.is_ascii() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect();
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(6)
        .collect();
    if words.is_empty() {
        "story".into()
    } else {
        words.join("-")
    }
}

/// `index.md`: a table of the stories, then the unassigned articles.
pub fn markdown(index: &Index) -> String {
    let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    let mut out = String::from("# Stories\n\n");
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    out.push_str(&format!(
        "{}; {} in none.\n\n",
        plural(index.stories.len(), "story", "stories"),
        plural(index.unassigned.len(), "article", "articles")
    ));
    if !index.stories.is_empty() {
        out.push_str("| Story | Articles | Outlets | Independent | Conflicts |\n");
        out.push_str("|---|---|---|---|---|\n");
        for s in &index.stories {
            out.push_str(&format!(
                "| [{}]({}) | {} | {} | {} | {} |\n",
                cell(&s.title).replace('[', "\\[").replace(']', "\\]"),
                s.report,
                s.articles.len(),
                s.outlets.len(),
                s.independent_outlets,
                s.conflicts
            ));
        }
    }
    if !index.unassigned.is_empty() {
        out.push_str("\n## Unassigned\n\nArticles no other outlet's article joined.\n\n");
        for a in &index.unassigned {
            out.push_str(&format!("- {}\n", cell(a)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_words() {
        assert_eq!(
            slug("Trump-Putin summit ends with no deal over Ukraine"),
            "trump-putin-summit-ends-with-no"
        );
        assert_eq!(slug("Zürich: «Ça va»"), "zurich-ca-va");
        assert_eq!(slug("…"), "story");
        assert_eq!(
            slug("ANCHORAGE, Alaska—President Trump"),
            "anchorage-alaska-president-trump"
        );
    }
}
