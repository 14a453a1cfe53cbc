//! Align: decides which figures of different outlets state the same fact.
//!
//! Figures (every kind but quotes, names and lists) are first split by
//! measure: kind, unit and modality — a duration never meets a count, a
//! planned figure never meets an actual one. Inside a measure, each fact's
//! [`Frame`](crate::fact::Frame) is scored against the facts of other
//! sources ([`score`]): head noun and its synonyms, predicate, subject,
//! rare context words, place and holder. The value is at most a small
//! tie-breaker, so real conflicts stay together.
//!
//! Clustering ([`cluster`]) first folds one outlet's repeated mentions of a
//! value into one unit, then joins units best pair first, by average
//! linkage (a near disagreement scored as agreement there, so a real
//! conflict's odd value does not split the cluster), with at most one
//! value per source in a cluster; below
//! [`LINK`] facts stay apart. Candidate pairs come from an index of shared
//! features, each unit paired with a bounded number of neighbours per
//! feature, so time grows with the facts, not with their square.
//!
//! A cluster whose average score is under [`STRONG`] is weakly aligned:
//! compare never calls it a conflict, only "possibly the same figure".

pub mod cluster;
pub mod score;

use crate::fact::Fact;
use serde::Serialize;

/// Pairs scoring below this stay apart.
pub const LINK: f64 = 0.30;
/// Clusters scoring below this are weakly aligned.
pub const STRONG: f64 = 0.45;

/// How a comparison's facts were aligned. JSON: `{"score": 0.82,
/// "matched": ["head:people", "predicate:board"]}`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Alignment {
    /// The average score of the cluster's pairs of different sources, 0–1.
    pub score: f64,
    /// The features its best pair shared.
    pub matched: Vec<String>,
}

impl Alignment {
    /// Whether the alignment is too weak to call a disagreement a conflict.
    pub fn is_weak(&self) -> bool {
        self.score < STRONG
    }
}

/// Facts (indices into the slice given to [`align`]) that state one thing.
#[derive(Clone, Debug)]
pub struct Cluster {
    pub facts: Vec<usize>,
    /// `None` for a single source.
    pub alignment: Option<Alignment>,
}

/// Clusters every figure of `facts`; other kinds are left out. Every figure
/// is in exactly one cluster. Deterministic: the result depends only on the
/// facts and their order.
pub fn align(facts: &[Fact]) -> Vec<Cluster> {
    let features = score::Features::build(facts);
    cluster::cluster(facts, &features)
}
