//! Comparisons of figures: each cluster the align stage made becomes one
//! comparison, its verdict decided by [`verdict::decide`] after grouping
//! (values never decide the grouping). A conflict in a weakly aligned
//! cluster is only "possibly the same figure" ([`Verdict::Unclear`]): false
//! conflicts cost a fact-checker more than missed ones.

use super::{Comparison, Verdict, verdict};
use crate::align::Cluster;
use crate::fact::{Fact, Modality};
use std::collections::BTreeMap;

/// One comparison per cluster, in cluster order.
pub fn compare(facts: &[Fact], clusters: &[Cluster]) -> Vec<Comparison> {
    let mut out = Vec::with_capacity(clusters.len());
    for c in clusters {
        let members: Vec<&Fact> = c.facts.iter().map(|&i| &facts[i]).collect();
        let first = members[0];
        // A lone figure's guessed noun names nothing a reader checks.
        let subject = subject_of(&members, c.alignment.is_some());
        let name = if subject.is_empty() {
            "figure"
        } else {
            &subject
        };
        let key = match first.modality {
            Modality::Actual => format!("{}/{name}", first.kind),
            m => format!("{}/{name} ({})", first.kind, m.as_str()),
        };
        let (mut verdict, mut detail) = verdict::decide(&members);
        if verdict == Verdict::Conflict && c.alignment.as_ref().is_some_and(|a| a.is_weak()) {
            verdict = Verdict::Unclear;
            detail = format!(
                "possibly the same figure, weakly aligned; values differ: {}",
                verdict::summary(&members)
            );
        }
        out.push(Comparison {
            key,
            kind: first.kind,
            subject,
            verdict,
            facts: members.iter().map(|f| f.id).collect(),
            independent_sources: 0,
            detail,
            alignment: c.alignment.clone(),
        });
    }
    out
}

/// The subject most of the facts name, else the noun they count or
/// measure, else none.
fn subject_of(facts: &[&Fact], aligned: bool) -> String {
    let mut votes: BTreeMap<&str, usize> = BTreeMap::new();
    for f in facts {
        if !f.subject.is_empty() {
            *votes.entry(f.subject.as_str()).or_default() += 1;
        }
    }
    if let Some((s, _)) = votes
        .iter()
        .max_by_key(|(s, n)| (**n, std::cmp::Reverse(**s)))
    {
        return s.to_string();
    }
    let mut heads: BTreeMap<&str, usize> = BTreeMap::new();
    for f in facts.iter().filter(|_| aligned) {
        if let Some(h) = f.frame.as_ref().and_then(|fr| fr.noun) {
            *heads.entry(h).or_default() += 1;
        }
    }
    heads
        .iter()
        .max_by_key(|(s, n)| (**n, std::cmp::Reverse(**s)))
        .map_or_else(String::new, |(s, _)| s.to_string())
}
