//! Grouping for numeric kinds (duration, since, age, count, date).
//!
//! Facts are grouped by subject, modality and unit: a planned figure never
//! meets an actual one, a count of children never meets a count of drones,
//! and a figure without a subject meets nothing. Inside a group, one source
//! that states two disjoint values is speaking of two things ("Putin spoke
//! for roughly eight minutes. Trump then spoke for three minutes."), so each
//! source's values are first split into clusters of overlapping values, and
//! each cluster joins the comparison its values overlap. A source with one
//! value that overlaps nothing joins the largest comparison: that is a
//! conflict.

use super::verdict;
use super::{Comparison, single};
use crate::fact::{Fact, Modality};
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

fn overlaps(a: &Fact, b: &Fact) -> bool {
    match (a.value.interval(), b.value.interval()) {
        (Some(x), Some(y)) => x.overlaps(&y),
        _ => false,
    }
}

/// Splits one group into comparisons; see the module doc.
fn clusters<'a>(members: &[&'a Fact]) -> Vec<Vec<&'a Fact>> {
    let mut by_source: BTreeMap<&str, Vec<&'a Fact>> = BTreeMap::new();
    for f in members {
        by_source.entry(f.source.as_str()).or_default().push(f);
    }
    let mut global: Vec<Vec<&'a Fact>> = Vec::new();
    // Sources in the order their first fact appears (ids follow source order).
    let mut order: Vec<&str> = by_source.keys().copied().collect();
    order.sort_by_key(|s| by_source[s].first().map(|f| id_number(&f.id)));
    for source in order {
        let own = own_clusters(&by_source[source]);
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
                        .filter(|g| comp.iter().any(|c| overlaps(c, g)))
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

/// One source's facts split into groups of overlapping values (a sweep
/// over the values sorted by their lower end), largest first.
fn own_clusters<'a>(facts: &[&'a Fact]) -> Vec<Vec<&'a Fact>> {
    let mut sorted: Vec<(crate::interval::Interval, &'a Fact)> = facts
        .iter()
        .filter_map(|f| f.value.interval().map(|iv| (iv, *f)))
        .collect();
    sorted.sort_by(|a, b| a.0.lo.total_cmp(&b.0.lo).then(a.0.hi.total_cmp(&b.0.hi)));
    let mut comps: Vec<Vec<&'a Fact>> = Vec::new();
    let mut reach: Option<crate::interval::Interval> = None;
    for (iv, f) in sorted {
        match (&mut reach, comps.last_mut()) {
            (Some(r), Some(last)) if r.overlaps(&iv) || iv.overlaps(r) => {
                if iv.hi > r.hi || (iv.hi == r.hi && !iv.hi_open) {
                    r.hi = iv.hi;
                    r.hi_open = iv.hi_open;
                }
                last.push(f);
            }
            _ => {
                reach = Some(iv);
                comps.push(vec![f]);
            }
        }
    }
    comps.sort_by_key(|c| std::cmp::Reverse(c.len()));
    comps
}

fn id_number(id: &str) -> usize {
    id.trim_start_matches('f').parse().unwrap_or(usize::MAX)
}
