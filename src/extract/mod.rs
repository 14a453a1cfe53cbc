//! Extract: one extractor per fact kind, each in its own file, run in the
//! order of [`REGISTRY`]. An extractor reads a cleaned document and the rules
//! and returns facts; it never compares.
//!
//! Numeric kinds (since, age, date, time, identifier, duration, measure,
//! tally, ordinal, count) claim text in registry
//! order: where two overlap, the earlier kind keeps it ("first meeting … in
//! six years" is a `since` fact, not also a six-year duration). Quotes,
//! names and lists may overlap anything.
//!
//! Two steps read the quotes of every article of a story at once, after
//! each article's extraction: [`joined`] cuts a quote where the other
//! outlets quote it as two remarks, and [`unmarked`] finds their quotes in
//! a copy stripped of punctuation. Neither compares: they only say what the
//! story's quotes are.

pub mod age;
pub mod clock;
pub mod count;
pub mod date;
pub mod duration;
pub mod frame;
pub mod identifier;
pub mod joined;
pub mod list;
pub mod measure;
pub mod money;
pub mod name;
pub mod numeric;
pub mod ordinal;
pub mod percent;
pub mod quote;
pub mod since;
pub mod tally;
pub mod unmarked;

use crate::clean::Document;
use crate::fact::{Fact, Kind};
use crate::rules::Rules;

/// Something that reads facts of one kind out of a document.
pub trait Extractor: Sync {
    fn kind(&self) -> Kind;
    fn extract(&self, doc: &Document, rules: &Rules) -> Vec<Fact>;
    /// Whether it reads the document's person mentions.
    fn reads_people(&self) -> bool {
        false
    }
    /// Whether it reads the document's quoted passages.
    fn reads_quotes(&self) -> bool {
        false
    }
}

/// Every extractor, in the order numeric kinds claim overlapping text.
pub static REGISTRY: &[&dyn Extractor] = &[
    &since::Since,
    &age::Age,
    &date::Date,
    &clock::Clock,
    &identifier::Identifier,
    &duration::Duration,
    &money::Money,
    &percent::Percent,
    // Measures before counts: "4 meters" is never a count of meters.
    &measure::Measure,
    &tally::Tally,
    &ordinal::Ordinal,
    &count::Count,
    &quote::Quote,
    &name::Name,
    &list::List,
];

/// Kinds whose facts may not overlap each other.
fn is_numeric(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Since
            | Kind::Age
            | Kind::Date
            | Kind::Duration
            | Kind::Count
            | Kind::Money
            | Kind::Percent
            | Kind::Measure
            | Kind::Time
            | Kind::Tally
            | Kind::Ordinal
            | Kind::Identifier
    )
}

/// All facts of `doc`, in [`file_order`] (ids are not yet set).
///
/// Each extractor's facts join one list as soon as they are found, and the
/// list is put in file order through a list of positions: holding every
/// extractor's list until the end, or a stable sort's scratch copy, would
/// each hold many facts twice at the peak of a long article.
pub fn extract(doc: &Document, rules: &Rules) -> Vec<Fact> {
    let mut found = Found::default();
    for i in order() {
        found.add(doc, rules, i);
    }
    found.in_file_order()
}

/// [`extract`], for a document whose mentions nothing reads after
/// extraction: its person mentions and quoted passages are each dropped
/// once the last extractor that reads them has run (`mentions.quoted`
/// stays). In a long article they take more room than anything but its
/// text and facts, and the facts of the kinds after them would pile up on
/// top of them.
pub fn extract_forgetting_mentions(doc: &mut Document, rules: &Rules) -> Vec<Fact> {
    let order: Vec<usize> = order().collect();
    let last_people = order.iter().rposition(|&i| REGISTRY[i].reads_people());
    let last_quotes = order.iter().rposition(|&i| REGISTRY[i].reads_quotes());
    let mut found = Found::default();
    for (n, &i) in order.iter().enumerate() {
        found.add(doc, rules, i);
        if Some(n) == last_people {
            doc.mentions.people = Vec::new();
        }
        if Some(n) == last_quotes {
            doc.mentions.quotes = Vec::new();
        }
    }
    found.in_file_order()
}

/// The places in [`REGISTRY`] in the order extractors run. Quotes, names
/// and lists claim no text, so they run first: their working sets come
/// and go before the numeric kinds' facts pile up.
fn order() -> impl Iterator<Item = usize> {
    (0..REGISTRY.len())
        .filter(|&i| !is_numeric(REGISTRY[i].kind()))
        .chain((0..REGISTRY.len()).filter(|&i| is_numeric(REGISTRY[i].kind())))
}

/// The facts of one document as its extractors find them.
#[derive(Default)]
struct Found {
    /// Text numeric facts have claimed.
    claimed: Spans,
    facts: Vec<Fact>,
    /// Where each fact was found: its extractor's place in the registry,
    /// then its place in that extractor's list.
    rank: Vec<(u8, u32)>,
}

impl Found {
    /// Runs the extractor at place `i` of the registry.
    fn add(&mut self, doc: &Document, rules: &Rules, i: usize) {
        let ex = REGISTRY[i];
        let mut found = ex.extract(doc, rules);
        let claimed = &mut self.claimed;
        found.retain(|f| {
            if doc.is_cut(f.start) {
                return false;
            }
            if is_numeric(f.kind) {
                if claimed.overlaps(f.start, f.end) {
                    return false;
                }
                claimed.insert(f.start, f.end);
            }
            true
        });
        for f in &mut found {
            if f.kind.is_figure() {
                f.frame = Some(Box::new(frame::read(doc, &rules.lexicon, f)));
            }
        }
        self.rank
            .extend((0..found.len()).map(|j| (i as u8, j as u32)));
        if self.facts.is_empty() {
            self.facts = found;
        } else {
            self.facts.append(&mut found);
        }
    }

    fn in_file_order(mut self) -> Vec<Fact> {
        self.facts.shrink_to_fit();
        in_file_order(self.facts, &self.rank)
    }
}

/// Where a fact stands in its document's list: by where it ends, and of
/// two that end together the narrower first. Facts that do not overlap
/// come in reading order either way; a fact that holds others (a list and
/// the names in it, a quote and a figure inside it) comes after them, so
/// that whoever takes the first fact covering some words takes the
/// narrowest: a name as a name, before the list that also spans it.
pub fn file_order(f: &Fact) -> (usize, std::cmp::Reverse<usize>, crate::fact::Kind) {
    (f.end, std::cmp::Reverse(f.start), f.kind)
}

/// `facts` in [`file_order`], ties in `rank` order: what a stable sort of
/// the facts in the order found gives, without its scratch copy of half
/// the list.
fn in_file_order(mut facts: Vec<Fact>, rank: &[(u8, u32)]) -> Vec<Fact> {
    let mut order: Vec<u32> = (0..facts.len() as u32).collect();
    order.sort_unstable_by(|&a, &b| {
        let (x, y) = (&facts[a as usize], &facts[b as usize]);
        file_order(x)
            .cmp(&file_order(y))
            .then(rank[a as usize].cmp(&rank[b as usize]))
    });
    // Position `i` takes the fact at `order[i]`: follow each cycle of the
    // permutation with swaps, marking positions done as `order[i] == i`.
    for start in 0..order.len() {
        let mut cur = start;
        loop {
            let next = order[cur] as usize;
            order[cur] = cur as u32;
            if next == start || next == cur {
                break;
            }
            facts.swap(cur, next);
            cur = next;
        }
    }
    facts
}

/// Disjoint byte ranges, for "does this overlap anything kept?" in
/// logarithmic time.
#[derive(Default)]
pub struct Spans {
    by_start: std::collections::BTreeMap<usize, usize>,
}

impl Spans {
    /// Whether `[start, end)` overlaps a kept range. Kept ranges are
    /// disjoint, so only the last one starting before `end` can.
    pub fn overlaps(&self, start: usize, end: usize) -> bool {
        self.by_start
            .range(..end)
            .next_back()
            .is_some_and(|(_, &e)| e > start)
    }

    pub fn insert(&mut self, start: usize, end: usize) {
        self.by_start.insert(start, end);
    }
}

/// The facts of one kind only, as its extractor finds them (for rule
/// examples and tests).
pub fn extract_kind(kind: Kind, doc: &Document, rules: &Rules) -> Vec<Fact> {
    REGISTRY
        .iter()
        .filter(|e| e.kind() == kind)
        .flat_map(|e| e.extract(doc, rules))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Dropping the mentions as soon as their last reader is done changes
    /// no fact: every extractor that reads them says so.
    #[test]
    fn forgetting_mentions_keeps_every_fact() {
        let rules = Rules::embedded().expect("rules");
        let paths = [std::path::PathBuf::from("tests/fixtures/alaska-summit")];
        let sources = crate::ingest::load(&paths, None).expect("the example corpus");
        assert!(sources.len() >= 3);
        for source in sources {
            let mut doc = crate::clean::clean(source, &rules);
            let kept = serde_json::to_string(&extract(&doc, &rules)).expect("json");
            let quoted = !doc.mentions.quotes.is_empty();
            let forgot = extract_forgetting_mentions(&mut doc, &rules);
            assert_eq!(
                serde_json::to_string(&forgot).expect("json"),
                kept,
                "{}",
                doc.id
            );
            assert!(doc.mentions.people.is_empty() && doc.mentions.quotes.is_empty());
            assert_eq!(doc.mentions.quoted, quoted, "{}", doc.id);
        }
    }

    /// A list comes after the names it holds, and facts that do not
    /// overlap come in reading order.
    #[test]
    fn a_fact_comes_after_the_facts_it_holds() {
        let rules = Rules::embedded().expect("rules");
        let text = "The two leaders met for 100 minutes, flanked by senior officials including \
                    Secretary of State Marco Rubio and Commerce Secretary Howard Lutnick.";
        let doc = crate::clean::example_document(text, None, &rules);
        let facts = extract(&doc, &rules);
        let at = |kind: Kind, words: &str| {
            facts
                .iter()
                .position(|f| f.kind == kind && &text[f.start..f.end] == words)
                .unwrap_or_else(|| panic!("no {kind:?} fact {words:?} in {facts:?}"))
        };
        let list = facts
            .iter()
            .position(|f| f.kind == Kind::List)
            .expect("a list");
        let (rubio, lutnick) = (
            at(Kind::Name, "Marco Rubio"),
            at(Kind::Name, "Howard Lutnick"),
        );
        assert!(rubio < lutnick && lutnick < list, "{facts:?}");
        assert!(at(Kind::Duration, "100 minutes") < rubio);
        for w in facts.windows(2) {
            assert!(file_order(&w[0]) <= file_order(&w[1]));
        }
    }
}
