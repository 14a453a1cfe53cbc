//! Extract: one extractor per fact kind, each in its own file, run in the
//! order of [`REGISTRY`]. An extractor reads a cleaned document and the rules
//! and returns facts; it never compares.
//!
//! Numeric kinds (since, age, date, time, identifier, duration, measure,
//! tally, ordinal, count) claim text in registry
//! order: where two overlap, the earlier kind keeps it ("first meeting … in
//! six years" is a `since` fact, not also a six-year duration). Quotes,
//! names and lists may overlap anything.

pub mod age;
pub mod clock;
pub mod count;
pub mod date;
pub mod duration;
pub mod frame;
pub mod identifier;
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

use crate::clean::Document;
use crate::fact::{Fact, Kind};
use crate::rules::Rules;

/// Something that reads facts of one kind out of a document.
pub trait Extractor: Sync {
    fn kind(&self) -> Kind;
    fn extract(&self, doc: &Document, rules: &Rules) -> Vec<Fact>;
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

/// All facts of `doc`, in file order (ids are not yet set).
///
/// Each extractor's facts are kept apart and then joined into one list of
/// the exact size, largest first, and put in file order through a list of
/// positions: growing one list by doubling, or a stable sort's scratch
/// copy, would each hold half as many facts again at the peak of a long
/// article.
pub fn extract(doc: &Document, rules: &Rules) -> Vec<Fact> {
    let mut claimed = Spans::default();
    // Quotes, names and lists claim no text, so they run first: their
    // working sets (a masked copy of the whole text, for quotes) come and
    // go before the numeric kinds' facts pile up. Each extractor's facts
    // keep its place in the registry's order.
    let numeric_last = (0..REGISTRY.len())
        .filter(|&i| !is_numeric(REGISTRY[i].kind()))
        .chain((0..REGISTRY.len()).filter(|&i| is_numeric(REGISTRY[i].kind())));
    let mut parts: Vec<Vec<Fact>> = (0..REGISTRY.len()).map(|_| Vec::new()).collect();
    for i in numeric_last {
        let ex = REGISTRY[i];
        let mut found = ex.extract(doc, rules);
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
                let mut frame = frame::read(doc, &rules.lexicon, f);
                frame.shrink_to_fit();
                f.frame = Some(Box::new(frame));
            }
        }
        found.shrink_to_fit();
        parts[i] = found;
    }
    let (facts, rank) = join(parts);
    in_file_order(facts, &rank)
}

/// The facts of `parts` in one list of the exact size, and each one's
/// rank in the parts' order (the order they were found in).
fn join(mut parts: Vec<Vec<Fact>>) -> (Vec<Fact>, Vec<u32>) {
    let total: usize = parts.iter().map(Vec::len).sum();
    let mut offsets = Vec::with_capacity(parts.len());
    let mut at = 0;
    for p in &parts {
        offsets.push(at);
        at += p.len();
    }
    // The largest part is the start of the list, not copied into it.
    let largest = (0..parts.len())
        .max_by_key(|&i| parts[i].len())
        .unwrap_or(0);
    let mut facts = parts
        .get_mut(largest)
        .map(std::mem::take)
        .unwrap_or_default();
    facts.reserve_exact(total - facts.len());
    let mut rank: Vec<u32> = Vec::with_capacity(total);
    rank.extend((0..facts.len()).map(|i| (offsets.get(largest).copied().unwrap_or(0) + i) as u32));
    for (k, part) in parts.into_iter().enumerate() {
        rank.extend((0..part.len()).map(|i| (offsets[k] + i) as u32));
        facts.extend(part);
    }
    (facts, rank)
}

/// `facts` sorted by start, kind and end, ties in `rank` order: what a
/// stable sort of the facts in the order found gives, without its scratch
/// copy of half the list.
fn in_file_order(mut facts: Vec<Fact>, rank: &[u32]) -> Vec<Fact> {
    let mut order: Vec<u32> = (0..facts.len() as u32).collect();
    order.sort_unstable_by(|&a, &b| {
        let (x, y) = (&facts[a as usize], &facts[b as usize]);
        x.start
            .cmp(&y.start)
            .then(x.kind.cmp(&y.kind))
            .then(x.end.cmp(&y.end))
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
