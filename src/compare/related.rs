//! Grouping for kinds whose values are not intervals (tallies, codes):
//! the same as [`super::group`], with [`Value::relation`] in place of
//! interval overlap.
//!
//! Facts are grouped by subject, modality and unit. Inside a group, one
//! source's facts are split into clusters of values that can all be true
//! together (a source that gives the House vote and the Senate vote speaks
//! of two things); each cluster joins the comparison it relates to most,
//! and a source with one value that relates to none joins the largest
//! comparison without it: that is a conflict.
//!
//! [`Value::relation`]: crate::fact::Value::relation

use super::verdict;
use super::{Comparison, single};
use crate::fact::{Fact, Modality, Relation};
use std::collections::BTreeMap;

pub fn compare(facts: &[&Fact]) -> Vec<Comparison> {
    let mut out = Vec::new();
    let mut groups: BTreeMap<(String, Modality, String), Vec<&Fact>> = BTreeMap::new();
    for f in facts {
        if f.subject.is_empty() {
            out.push(single(
                f,
                format!("{}/unattached", f.kind),
                format!(
                    "{} (no subject found, compared with nothing)",
                    f.value.describe()
                ),
            ));
            continue;
        }
        groups
            .entry((f.subject.clone(), f.modality, f.value.unit().to_string()))
            .or_default()
            .push(f);
    }
    for ((subject, modality, _unit), members) in groups {
        let kind = members[0].kind;
        let key = match modality {
            Modality::Actual => format!("{kind}/{subject}"),
            m => format!("{kind}/{subject} ({})", m.as_str()),
        };
        for cluster in clusters(&members) {
            let (verdict, detail) = verdict::decide(&cluster);
            out.push(Comparison {
                key: key.clone(),
                kind,
                subject: subject.clone(),
                verdict,
                facts: cluster.iter().map(|f| f.id.clone()).collect(),
                independent_sources: 0,
                detail,
            });
        }
    }
    out
}

fn related(a: &Fact, b: &Fact) -> bool {
    matches!(
        a.value.relation(&b.value),
        Relation::Same | Relation::Overlap
    )
}

fn clusters<'a>(members: &[&'a Fact]) -> Vec<Vec<&'a Fact>> {
    let mut by_source: BTreeMap<&str, Vec<&'a Fact>> = BTreeMap::new();
    for f in members {
        by_source.entry(f.source.as_str()).or_default().push(f);
    }
    let mut order: Vec<&str> = by_source.keys().copied().collect();
    order.sort_by_key(|s| by_source[s].first().map(|f| id_number(&f.id)));
    let mut global: Vec<Vec<&'a Fact>> = Vec::new();
    for source in order {
        // One source's values: a value joins the first cluster it relates
        // to every member of.
        let mut own: Vec<Vec<&'a Fact>> = Vec::new();
        for f in &by_source[source] {
            match own.iter_mut().find(|c| c.iter().all(|g| related(f, g))) {
                Some(c) => c.push(f),
                None => own.push(vec![f]),
            }
        }
        own.sort_by_key(|c| std::cmp::Reverse(c.len()));
        let several = own.len() > 1;
        for comp in own {
            let candidates: Vec<usize> = (0..global.len())
                .filter(|&i| global[i].iter().all(|f| f.source != source))
                .collect();
            let best = candidates
                .iter()
                .map(|&i| {
                    let n = global[i]
                        .iter()
                        .filter(|g| comp.iter().any(|c| related(c, g)))
                        .count();
                    (n, i)
                })
                .filter(|&(n, _)| n > 0)
                .max_by_key(|&(n, i)| (n, std::cmp::Reverse(i)));
            let target = match best {
                Some((_, i)) => Some(i),
                None if !several => candidates
                    .iter()
                    .copied()
                    .max_by_key(|&i| (global[i].len(), std::cmp::Reverse(i))),
                None => None,
            };
            match target {
                Some(i) => global[i].extend(comp),
                None => global.push(comp),
            }
        }
    }
    for g in &mut global {
        g.sort_by_key(|f| id_number(&f.id));
    }
    global.sort_by_key(|g| g.first().map(|f| id_number(&f.id)));
    global
}

fn id_number(id: &str) -> usize {
    id.trim_start_matches('f').parse().unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fact::{Kind, Value};

    fn tally(id: &str, source: &str, a: u64, b: u64) -> Fact {
        let rules = crate::rules::Rules::embedded().unwrap();
        let doc = crate::clean::example_document("x", None, &rules);
        let mut f = Fact::new(
            &doc,
            Kind::Tally,
            0,
            1,
            Value::Tally {
                first: a,
                second: b,
                of_total: false,
            },
            "t",
        );
        f.id = id.into();
        f.source = source.into();
        f.subject = "vote".into();
        f
    }

    #[test]
    fn one_different_tally_is_a_conflict() {
        let f = [
            tally("f1", "a", 222, 209),
            tally("f2", "b", 222, 209),
            tally("f3", "c", 222, 219),
        ];
        let refs: Vec<&Fact> = f.iter().collect();
        let out = compare(&refs);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].verdict, super::super::Verdict::Conflict);
    }

    #[test]
    fn one_source_with_two_votes_speaks_of_two_things() {
        let f = [
            tally("f1", "a", 222, 209),
            tally("f2", "a", 60, 40),
            tally("f3", "b", 60, 40),
        ];
        let refs: Vec<&Fact> = f.iter().collect();
        let out = compare(&refs);
        assert!(
            out.iter()
                .all(|c| c.verdict != super::super::Verdict::Conflict)
        );
    }
}
