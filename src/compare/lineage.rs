//! Wire lineage: which articles copy or rewrite which. Not yet detected
//! (see the open issue); until then every source counts as independent.

use crate::clean::Document;
use serde::Serialize;
use std::collections::BTreeSet;

/// How one article relates to another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    Copy,
    Rewrite,
    Partial,
}

/// One related pair of sources.
#[derive(Clone, Debug, Serialize)]
pub struct Link {
    pub from: String,
    pub to: String,
    pub relation: Relation,
    /// Share of the later article's text that comes from the earlier one.
    pub shared: f64,
    pub evidence: Vec<String>,
}

/// The related pairs among `docs`.
pub fn detect(_docs: &[Document]) -> Vec<Link> {
    Vec::new()
}

/// How many of `sources` are independent: copies and rewrites of one story
/// count once.
pub fn independent(sources: &BTreeSet<&str>, links: &[Link]) -> usize {
    let list: Vec<&str> = sources.iter().copied().collect();
    let mut parent: Vec<usize> = (0..list.len()).collect();
    fn root(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    for l in links {
        if l.relation == Relation::Partial {
            continue;
        }
        let (Some(a), Some(b)) = (
            list.iter().position(|s| *s == l.from),
            list.iter().position(|s| *s == l.to),
        ) else {
            continue;
        };
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        parent[ra] = rb;
    }
    (0..list.len())
        .filter(|&i| root(&mut parent, i) == i)
        .count()
}
