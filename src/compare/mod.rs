//! Compare: facts of all sources in, [`Comparison`]s out. Every fact belongs
//! to exactly one comparison, single-source ones included.
//!
//! Figures arrive clustered by the align stage and are judged by interval
//! overlap ([`figures`], [`verdict`]); quotes, names and lists have their
//! own comparators, in [`COMPARATORS`] order. Then [`compare`] gives each
//! comparison a unique key and counts its independent sources through the
//! wire lineage.

pub mod diff;
pub mod figures;
pub mod lineage;
pub mod lists;
pub mod names;
pub mod quotes;
pub mod sets;
pub mod verdict;

use crate::align::{Alignment, Cluster};
use crate::fact::{Fact, Kind};
use lineage::Link;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// What the outlets' values say together.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// At least two sources cannot both be right.
    Conflict,
    /// The same person, spelled differently.
    Variant,
    /// The values overlap but differ in precision, or one is part of another.
    Compatible,
    /// Every value denotes the same thing.
    Agree,
    /// The values differ, but the facts are only weakly aligned: possibly
    /// the same figure, never called a conflict.
    Unclear,
    /// One source states it.
    SingleSource,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Conflict => "conflict",
            Verdict::Variant => "variant",
            Verdict::Compatible => "compatible",
            Verdict::Agree => "agree",
            Verdict::Unclear => "unclear",
            Verdict::SingleSource => "single-source",
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One compared fact: the facts of all sources that state it and what they
/// say together.
#[derive(Clone, Debug, Serialize)]
pub struct Comparison {
    /// `kind/subject`, unique in a report (`~2`, `~3` … for further groups).
    pub key: String,
    pub kind: Kind,
    pub subject: String,
    pub verdict: Verdict,
    /// Fact ids, in source order.
    pub facts: Vec<crate::fact::FactId>,
    /// Sources behind the facts, counting copies of one story once.
    pub independent_sources: usize,
    /// Why, in words a person reads.
    pub detail: String,
    /// How the facts were aligned (figures of several sources).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alignment: Option<Alignment>,
}

/// The facts a comparator sees: all facts of its kind.
pub type Comparator = fn(&[&Fact]) -> Vec<Comparison>;

/// Comparators of the kinds that are not figures, in report order.
pub const COMPARATORS: &[(Kind, Comparator)] = &[
    (Kind::Quote, quotes::compare),
    (Kind::Name, names::compare),
    (Kind::List, lists::compare),
];

/// Compares all facts (ids already set); `clusters` are the figures as the
/// align stage grouped them. `lineage` says which sources copy which, for
/// `independent_sources`.
pub fn compare(facts: &[Fact], clusters: &[Cluster], lineage: &[Link]) -> Vec<Comparison> {
    let mut out = figures::compare(facts, clusters);
    // Report order: kind, then first fact.
    out.sort_by_key(|c| c.kind);
    for (kind, comparator) in COMPARATORS {
        let of_kind: Vec<&Fact> = facts.iter().filter(|f| f.kind == *kind).collect();
        if !of_kind.is_empty() {
            out.extend(comparator(&of_kind));
        }
    }
    let source_of: BTreeMap<crate::fact::FactId, &str> =
        facts.iter().map(|f| (f.id, &*f.source)).collect();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for c in &mut out {
        let n = seen.entry(c.key.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            c.key = format!("{}~{n}", c.key);
        }
        let sources: BTreeSet<&str> = c
            .facts
            .iter()
            .filter_map(|id| source_of.get(id).copied())
            .collect();
        c.independent_sources = lineage::independent(&sources, lineage);
    }
    out
}

/// The sources of `facts`, in order, without repeats.
pub fn sources_of<'a>(facts: &[&'a Fact]) -> Vec<&'a str> {
    let mut seen = BTreeSet::new();
    facts
        .iter()
        .map(|f| &*f.source)
        .filter(|s| seen.insert(*s))
        .collect()
}

/// A comparison of one fact alone.
pub fn single(f: &Fact, key: String, detail: String) -> Comparison {
    Comparison {
        key,
        kind: f.kind,
        subject: f.subject.to_string(),
        verdict: Verdict::SingleSource,
        facts: vec![f.id],
        independent_sources: 1,
        detail,
        alignment: None,
    }
}
