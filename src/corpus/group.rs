//! Story grouping: which articles of a feed report the same news event.
//!
//! Each cleaned article becomes a set of **features**:
//!
//! - **entities** (`e:`): the person and place mentions that `clean` found
//!   (by surname, so "Donald Trump" and a bare "Trump" meet), every
//!   capitalised word that does not open a sentence ("Louvre", "Busan"), and
//!   every code (a word that starts with a letter and holds a digit:
//!   "AI171", not "5m"): names the mention rules do not know still tell
//!   events apart;
//! - **words** (`w:`): the content words of the kept text (boilerplate cut),
//!   lower-cased, four letters or more or holding a digit, stop words
//!   dropped.
//!
//! A feature weighs its inverse document frequency over the feed,
//! `ln(1 + N / df)`, times 2 for an entity: a name shared by two articles
//! says more than a shared word. Two articles score the **cosine** of their
//! weighted feature sets.
//!
//! **Blocking**: pairs come from an inverted index of entity features
//! only (a join needs shared names); a feature found in more than
//! `max(50, √N)` articles (the names and words of the day) is left out of
//! the index and of every vector, so no pair of articles is scored unless
//! they share a rare name, and the work stays near-linear in the feed.
//!
//! **Joining**: two articles are one story when
//! - their publication dates are at most [`DAY_WINDOW`] days apart (when
//!   both are known: one event is reported within days; the same kind of
//!   event a week later is another story), and
//! - they share at least [`MIN_SHARED_ENTITIES`] rare entity features
//!   (those of the blocking index), and
//! - they score at least [`MIN_COSINE`], or wire lineage
//!   ([`crate::compare::lineage`]) finds one a copy or a rewrite of the
//!   other: a condensed wire copy joins its original even where its
//!   vocabulary is thin.
//!
//! **Lineage is blocked too**: it is never run over the whole feed. It is
//! asked only about the candidate pairs of the entity index that pass the
//! date and name rules and that the cosine left in two different stories
//! (a link inside one story joins nothing). Those pairs are put in blocks,
//! the connected parts of the pairs, and [`lineage::relations`] judges
//! them a run of at most [`lineage::BLOCK_ARTICLES`] articles at a time:
//! a run's profiles are built, its pairs judged (the same judgement as
//! [`lineage::detect`]) and the profiles dropped, so a huge block costs
//! time linear in its pairs and memory of one run per thread. Stories
//! written from one template share long runs of ordinary words; over the
//! whole feed lineage compared every such pair, which grew with the square
//! of the feed (on the feed bench's 10,000 generated articles, grouping
//! took 9.5 s and the run peaked at 985 MB; now 1.2 s and 215 MB, with
//! the same stories).
//!
//! Stories are the connected parts of these joins (union-find), so the
//! grouping does not depend on the order articles come in: features are
//! numbered and pairs scored in the order of article ids.
//!
//! Why these thresholds: on the development corpus (seven events, 41
//! articles from 40 outlets) pairs of articles of one event score 0.10–0.73
//! (median 0.21) and share two names or more; pairs of different events
//! score at most 0.12 (a summit and a trade meeting sharing Trump, Putin
//! and Ukraine, 13 names, but dated ten weeks apart). Without the date rule
//! 0.12 to 0.15 give back all seven events whole; [`MIN_COSINE`] sits in
//! the middle, because a false join mixes two stories' facts while a missed
//! one leaves an article unassigned or a story split.

//! Known gaps: two events with the same cast within a few days (a summit
//! and its follow-up press conference) are one story; an article about two
//! events can chain them together; a translation shares no words with its
//! original and joins only by its names.

use crate::clean::Document;
use crate::compare::lineage::{self, Relation};
use crate::compare::sets;
use std::collections::{BTreeSet, HashMap};

/// Publication dates further apart than this are different stories.
pub const DAY_WINDOW: i64 = 3;
/// Least cosine similarity of two articles of one story.
pub const MIN_COSINE: f64 = 0.14;
/// Least number of shared entity features of two articles of one story.
pub const MIN_SHARED_ENTITIES: usize = 2;
/// Extra weight of an entity feature over a word.
const ENTITY_WEIGHT: f64 = 2.0;

/// The stories of a feed as indices into the documents given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Grouping {
    /// Each story's articles, in id order; stories in order of their first
    /// article's id.
    pub stories: Vec<Vec<usize>>,
    /// Articles in no story of two outlets or more, in id order.
    pub unassigned: Vec<usize>,
}

/// One article's features: ids sorted, without repeats.
struct Features {
    ids: Vec<u32>,
}

/// Groups `docs` into stories.
pub fn group(docs: &[Document]) -> Grouping {
    let n = docs.len();
    // Canonical order: by id, then path, so input order changes nothing.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| (&docs[a].id, &docs[a].path).cmp(&(&docs[b].id, &docs[b].path)));

    // Feature names by a 64-bit hash, not kept as strings: a feed has a
    // great many of them. Two names sharing a hash (about one chance in
    // 10^8 with a million names) would only count as one word.
    let mut vocab: HashMap<u64, u32> = HashMap::new();
    let mut is_entity: Vec<bool> = Vec::new();
    let mut feats: Vec<Features> = Vec::with_capacity(n);
    for &d in &order {
        let mut ids: Vec<u32> = Vec::new();
        for (name, entity) in features(&docs[d]) {
            let next = vocab.len() as u32;
            let id = *vocab.entry(hash_name(&name)).or_insert(next);
            if id == next {
                is_entity.push(entity);
            }
            ids.push(id);
        }
        ids.sort_unstable();
        ids.dedup();
        // Repeats counted, the list was several times longer: keep what is
        // left only, since every article's list is held to the end.
        ids.shrink_to_fit();
        feats.push(Features { ids });
    }
    // The feature names are not needed again: free them before the pairs.
    drop(vocab);

    let mut df = vec![0u32; is_entity.len()];
    for f in &feats {
        for &i in &f.ids {
            df[i as usize] += 1;
        }
    }
    let cap = 50.max((n as f64).sqrt() as usize) as u32;
    let weight = |i: u32| -> f64 {
        let d = df[i as usize];
        if d > cap {
            return 0.0;
        }
        let idf = (1.0 + n as f64 / f64::from(d)).ln();
        if is_entity[i as usize] {
            idf * ENTITY_WEIGHT
        } else {
            idf
        }
    };
    let norms: Vec<f64> = feats
        .iter()
        .map(|f| f.ids.iter().map(|&i| weight(i).powi(2)).sum::<f64>().sqrt())
        .collect();

    // Blocking: an inverted index of the rare entity features only, as one
    // sorted list of (feature, article). A join needs shared names, so
    // pairs sharing none are never scored; names are rarer than words,
    // which keeps the candidate pairs few.
    let mut postings: Vec<(u32, u32)> = feats
        .iter()
        .enumerate()
        .flat_map(|(a, f)| f.ids.iter().map(move |&i| (i, a as u32)))
        .filter(|&(i, _)| is_entity[i as usize] && (2..=cap).contains(&df[i as usize]))
        .collect();
    postings.sort_unstable();
    let mut shared: HashMap<(u32, u32), u32> = HashMap::new();
    for run in postings.chunk_by(|x, y| x.0 == y.0) {
        for (k, &(_, a)) in run.iter().enumerate() {
            for &(_, b) in &run[k + 1..] {
                *shared.entry((a, b)).or_insert(0) += 1;
            }
        }
    }

    let near = |a: usize, b: usize| match (docs[order[a]].published, docs[order[b]].published) {
        (Some(x), Some(y)) => (x - y).num_days().abs() <= DAY_WINDOW,
        _ => true,
    };
    // Disjoint sets of articles (stories are sorted afterwards, so which
    // article is a set's root does not matter).
    let mut parent: Vec<usize> = (0..n).collect();
    let join = |parent: &mut Vec<usize>, a: usize, b: usize| {
        let (ra, rb) = (sets::find(parent, a), sets::find(parent, b));
        parent[ra.max(rb)] = ra.min(rb);
    };
    let mut candidates: Vec<(u32, u32)> = shared
        .into_iter()
        .filter(|&(_, names)| names as usize >= MIN_SHARED_ENTITIES)
        .map(|(pair, _)| pair)
        .filter(|&(a, b)| near(a as usize, b as usize))
        .collect();
    candidates.sort_unstable();
    for &(a, b) in &candidates {
        let (a, b) = (a as usize, b as usize);
        if norms[a] == 0.0 || norms[b] == 0.0 {
            continue;
        }
        let dot = dot(&feats[a], &feats[b], &weight);
        if dot / (norms[a] * norms[b]) >= MIN_COSINE {
            join(&mut parent, a, b);
        }
    }

    // Wire copies and rewrites join their originals. Lineage is asked only
    // about the name pairs above that the cosine left in two stories: a
    // link between articles of one story changes nothing, and a pair
    // sharing no rare names, or dated too far apart, may not join anyway.
    // Those pairs are judged block by block (the connected parts of the
    // pairs, so an article's pairs come together), never the whole feed.
    let mut pending: Vec<(u32, u32)> = candidates
        .into_iter()
        .filter(|&(a, b)| {
            sets::find(&mut parent, a as usize) != sets::find(&mut parent, b as usize)
        })
        .collect();
    let mut block: Vec<usize> = (0..n).collect();
    for &(a, b) in &pending {
        join(&mut block, a as usize, b as usize);
    }
    pending.sort_by_key(|&(a, b)| (sets::find(&mut block, a as usize), a, b));
    drop(block);
    let in_docs: Vec<(usize, usize)> = pending
        .iter()
        .map(|&(a, b)| (order[a as usize], order[b as usize]))
        .collect();
    let related = lineage::relations(docs, &in_docs);
    for (&(a, b), relation) in pending.iter().zip(related) {
        if matches!(relation, Some(Relation::Copy | Relation::Rewrite)) {
            join(&mut parent, a as usize, b as usize);
        }
    }

    let mut parts: HashMap<usize, Vec<usize>> = HashMap::new();
    for a in 0..n {
        parts.entry(sets::find(&mut parent, a)).or_default().push(a);
    }
    let mut stories = Vec::new();
    let mut unassigned = Vec::new();
    for (_, members) in parts {
        let outlets: BTreeSet<&str> = members
            .iter()
            .map(|&a| docs[order[a]].outlet_name())
            .collect();
        let members: Vec<usize> = members.into_iter().map(|a| order[a]).collect();
        if outlets.len() >= 2 {
            stories.push(members);
        } else {
            unassigned.extend(members);
        }
    }
    let rank = |d: usize| (&docs[d].id, &docs[d].path);
    for s in &mut stories {
        s.sort_by(|&a, &b| rank(a).cmp(&rank(b)));
    }
    stories.sort_by(|a, b| rank(a[0]).cmp(&rank(b[0])));
    unassigned.sort_by(|&a, &b| rank(a).cmp(&rank(b)));
    Grouping {
        stories,
        unassigned,
    }
}

/// The dot product of two articles' weighted features.
fn dot(a: &Features, b: &Features, weight: &impl Fn(u32) -> f64) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.ids.len() && j < b.ids.len() {
        match a.ids[i].cmp(&b.ids[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += weight(a.ids[i]).powi(2);
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// The features of one article as (name, is entity), repeats allowed.
/// A feature name's hash: the same on every run and thread (fixed keys).
fn hash_name(name: &str) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
    BuildHasherDefault::<DefaultHasher>::default().hash_one(name)
}

fn features(doc: &Document) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    for m in &doc.mentions.people {
        if doc.is_cut(m.start) {
            continue;
        }
        let surname = m.key.split('/').next().unwrap_or("").trim();
        if !surname.is_empty() {
            out.push((format!("e:{surname}"), true));
        }
    }
    for s in &doc.sentences {
        let text = doc.sentence_text(s);
        let mut first = true;
        for word in text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')) {
            let word = word.trim_matches(|c| c == '\'' || c == '’');
            let word = word
                .strip_suffix("'s")
                .or_else(|| word.strip_suffix("’s"))
                .unwrap_or(word);
            if word.is_empty() {
                continue;
            }
            let opens = std::mem::replace(&mut first, false);
            let lower = word.to_lowercase();
            let digit = lower.chars().any(|c| c.is_ascii_digit());
            if !(digit || lower.chars().count() >= 4) || is_stop(&lower) {
                continue;
            }
            let capital = word.chars().next().is_some_and(char::is_uppercase);
            // A capitalised word inside a sentence is a name, unless the
            // whole word is capitals (a shouted headline) or a number.
            let pronoun = word.starts_with("I'") || word.starts_with("I’");
            if capital && !opens && !pronoun && !word.chars().all(|c| !c.is_lowercase()) {
                out.push((format!("e:{lower}"), true));
            } else if digit && word.chars().next().is_some_and(char::is_alphabetic) {
                // A code ("AI171", "MH370"); a figure with its unit ("5m",
                // "35ft", "42nd") is no name.
                out.push((format!("e:{lower}"), true));
            }
            out.push((format!("w:{lower}"), false));
        }
    }
    out
}

fn is_stop(w: &str) -> bool {
    STOP_WORDS.binary_search(&w).is_ok()
}

/// Words of four letters or more too common in news to tell events apart.
const STOP_WORDS: &[&str] = &[
    "about", "after", "again", "against", "also", "been", "before", "being", "between", "both",
    "came", "could", "does", "done", "during", "each", "even", "from", "further", "given", "have",
    "having", "here", "into", "just", "last", "like", "made", "make", "many", "more", "most",
    "much", "must", "near", "news", "next", "only", "other", "over", "said", "same", "says",
    "should", "since", "some", "still", "such", "than", "that", "their", "them", "then", "there",
    "these", "they", "this", "those", "through", "told", "under", "until", "very", "want", "were",
    "what", "when", "where", "which", "while", "will", "with", "would", "year", "years", "your",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        let mut sorted = STOP_WORDS.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted, STOP_WORDS);
    }
}
