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
pub fn extract(doc: &Document, rules: &Rules) -> Vec<Fact> {
    let mut facts: Vec<Fact> = Vec::new();
    let mut claimed = Spans::default();
    for ex in REGISTRY {
        for f in ex.extract(doc, rules) {
            if doc.is_cut(f.start) {
                continue;
            }
            if is_numeric(f.kind) {
                if claimed.overlaps(f.start, f.end) {
                    continue;
                }
                claimed.insert(f.start, f.end);
            }
            facts.push(f);
        }
    }
    for f in &mut facts {
        if f.kind.is_figure() {
            f.frame = Some(Box::new(frame::read(doc, &rules.lexicon, f)));
        }
    }
    facts.sort_by(|a, b| {
        a.start
            .cmp(&b.start)
            .then(a.kind.cmp(&b.kind))
            .then(a.end.cmp(&b.end))
    });
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
