//! Clustering figures into comparisons: one outlet's repeated mentions
//! become one unit, then units of different outlets join best pair first
//! by average linkage, never two values of one source in a cluster (two
//! units of one source meet only as repeats of one value).

use super::score::{Features, Matched, explain, linkage, pair};
use super::{Alignment, Cluster, LINK};
use crate::fact::{Fact, Relation};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// In a feature's list of units, each unit is paired with at most this
/// many that follow it (sorted-neighbourhood blocking): candidate pairs
/// stay linear in the number of facts however common a feature is.
const NEIGHBOURS: usize = 32;
/// Context words per fact that propose pairs.
const CONTEXT_KEYS: usize = 6;
/// Average linkage looks at most this many units of each side.
const LINKAGE_SAMPLE: usize = 12;
/// Two clusters sharing more outlets than this never merge, even as
/// repeats of their values.
const MAX_SHARED: usize = 2;
/// One outlet's mention is folded into at most this many earlier ones.
const REPEAT_WINDOW: usize = 32;

pub fn cluster(facts: &[Fact], features: &Features) -> Vec<Cluster> {
    let figures: Vec<usize> = (0..facts.len())
        .filter(|&i| features.of[i].is_some())
        .collect();
    let feat = |i: usize| features.of[i].as_ref().expect("a figure has features");
    let score = |i: usize, j: usize| pair(feat(i), feat(j), &facts[i], &facts[j]);
    let explain_pair = |i: usize, j: usize| explain(feat(i), feat(j), &facts[i], &facts[j]);

    // 1. One outlet's repeated mentions of one value become one unit.
    //    A unit's facts are kept as a chain through `next_fact`, then laid
    //    out flat: a long article holds a unit for nearly every figure,
    //    and a list per unit would cost an allocation each.
    let mut unit_first: Vec<usize> = Vec::new();
    let mut unit_last: Vec<usize> = Vec::new();
    let mut next_fact: Vec<usize> = vec![usize::MAX; facts.len()];
    let mut by_slot: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    for &i in &figures {
        let f = feat(i);
        let slot = by_slot.entry((f.measure, f.source)).or_default();
        let repeat = slot.iter().rev().take(REPEAT_WINDOW).copied().find(|&u| {
            let j = unit_first[u];
            facts[i].value.relation(&facts[j].value) == Relation::Same && score(i, j) >= LINK
        });
        match repeat {
            Some(u) => {
                next_fact[unit_last[u]] = i;
                unit_last[u] = i;
            }
            None => {
                slot.push(unit_first.len());
                unit_first.push(i);
                unit_last.push(i);
            }
        }
    }
    drop(by_slot);
    drop(unit_last);
    let units = Units::lay_out(&unit_first, &next_fact);
    drop(next_fact);
    let mut link_memo: HashMap<(usize, usize), f64> = HashMap::new();
    let mut unit_linkage = |a: usize, b: usize| {
        best_of_units(&mut link_memo, &units, a, b, |i, j| {
            linkage(feat(i), feat(j), &facts[i], &facts[j])
        })
    };
    let unit_source: Vec<usize> = unit_first.iter().map(|&i| feat(i).source).collect();
    let unit_measure: Vec<usize> = unit_first.iter().map(|&i| feat(i).measure).collect();
    let mut memo: HashMap<(usize, usize), f64> = HashMap::new();
    let mut unit_score = |a: usize, b: usize| best_of_units(&mut memo, &units, a, b, score);

    // 2. Candidate pairs: units of one measure and different sources that
    //    share a head, predicate, subject, rare context word or day. A
    //    measure only one source states has none, and posts nothing.
    let mut measure_sources: BTreeMap<usize, (usize, bool)> = BTreeMap::new();
    for u in 0..unit_first.len() {
        let e = measure_sources
            .entry(unit_measure[u])
            .or_insert((unit_source[u], false));
        e.1 |= e.0 != unit_source[u];
    }
    let mut postings: BTreeMap<(usize, u32, u8), Vec<usize>> = BTreeMap::new();
    for u in 0..unit_first.len() {
        if !measure_sources[&unit_measure[u]].1 {
            continue;
        }
        let mut keys: BTreeSet<(u32, u8)> = BTreeSet::new();
        for &i in units.of(u) {
            let f = feat(i);
            keys.extend(f.head().iter().map(|&w| (w, 0)));
            keys.extend(f.predicate().iter().map(|&w| (w, 1)));
            keys.extend(f.subject.iter().map(|&w| (w, 2)));
            keys.extend(f.day.iter().map(|&w| (w, 4)));
            let mut ctx: Vec<(u32, f64)> = f.context().collect();
            ctx.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            keys.extend(ctx.iter().take(CONTEXT_KEYS).map(|&(w, _)| (w, 3)));
        }
        for (w, role) in keys {
            postings
                .entry((unit_measure[u], w, role))
                .or_default()
                .push(u);
        }
    }
    let mut candidates: BTreeSet<(usize, usize)> = BTreeSet::new();
    for list in postings.values() {
        for (k, &a) in list.iter().enumerate() {
            for &b in list[k + 1..].iter().take(NEIGHBOURS) {
                if unit_source[a] != unit_source[b] {
                    candidates.insert((a.min(b), a.max(b)));
                }
            }
        }
    }
    drop(postings);
    let mut scored: Vec<(f64, usize, usize)> = candidates
        .into_iter()
        .map(|(a, b)| (unit_score(a, b), a, b))
        .filter(|&(s, _, _)| s >= LINK)
        .collect();
    scored.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));

    // 3. Best pair first, average linkage, one value per source. A
    //    cluster's units are a chain from its root through `next_unit`;
    //    its outlets are kept once it has more than its root's one.
    let n_units = unit_first.len();
    let mut root: Vec<usize> = (0..n_units).collect();
    let mut next_unit: Vec<usize> = vec![usize::MAX; n_units];
    let mut last_unit: Vec<usize> = (0..n_units).collect();
    let mut size: Vec<usize> = vec![1; n_units];
    let mut merged_sources: HashMap<usize, Vec<usize>> = HashMap::new();
    for (_, a, b) in scored {
        let (ra, rb) = (root[a], root[b]);
        if ra == rb {
            continue;
        }
        let sources_of = |r: usize| -> &[usize] {
            merged_sources
                .get(&r)
                .map_or(std::slice::from_ref(&unit_source[r]), Vec::as_slice)
        };
        let (sa, sb) = (sources_of(ra), sources_of(rb));
        // One outlet in both clusters: only as a repeat of the same value
        // ("7 minutes" early on, "just seven minutes" later), never as two
        // values of one outlet in one comparison. Checked for a few shared
        // outlets at most, in one pass over each side, so a merge attempt
        // stays linear in the clusters' sizes.
        let shared: Vec<usize> = sa
            .iter()
            .copied()
            .filter(|s| sb.binary_search(s).is_ok())
            .take(MAX_SHARED + 1)
            .collect();
        if !shared.is_empty() {
            if shared.len() > MAX_SHARED {
                continue;
            }
            let values_of = |r: usize| {
                chain(&next_unit, r)
                    .filter(|&u| shared.contains(&unit_source[u]))
                    .map(|u| (unit_source[u], unit_first[u]))
                    .collect::<Vec<_>>()
            };
            let (x, y) = (values_of(ra), values_of(rb));
            let repeats = x.iter().all(|&(sx, i)| {
                y.iter()
                    .filter(|&&(sy, _)| sy == sx)
                    .all(|&(_, j)| facts[i].value.relation(&facts[j].value) == Relation::Same)
            });
            if !repeats {
                continue;
            }
        }
        let mut total = 0.0;
        let mut n = 0.0f64;
        for x in chain(&next_unit, ra).take(LINKAGE_SAMPLE) {
            for y in chain(&next_unit, rb).take(LINKAGE_SAMPLE) {
                total += unit_linkage(x, y);
                n += 1.0;
            }
        }
        if n == 0.0 || total / n < LINK {
            continue;
        }
        let (keep, gone) = if size[ra] >= size[rb] {
            (ra, rb)
        } else {
            (rb, ra)
        };
        let mut both: Vec<usize> = sources_of(keep)
            .iter()
            .chain(sources_of(gone))
            .copied()
            .collect();
        both.sort_unstable();
        both.dedup();
        merged_sources.remove(&gone);
        merged_sources.insert(keep, both);
        for u in chain(&next_unit, gone) {
            root[u] = keep;
        }
        next_unit[last_unit[keep]] = gone;
        last_unit[keep] = last_unit[gone];
        size[keep] += size[gone];
    }

    // 4. Clusters in fact order, each with how it was aligned.
    let mut out: Vec<Cluster> = Vec::new();
    for (r, _) in root.iter().enumerate().filter(|&(r, &to)| r == to) {
        let us: Vec<usize> = chain(&next_unit, r).collect();
        let mut fs: Vec<usize> = us
            .iter()
            .flat_map(|&u| units.of(u).iter().copied())
            .collect();
        fs.sort_unstable();
        let alignment = (us.len() > 1).then(|| {
            let mut total = 0.0;
            let mut n = 0.0f64;
            let mut best: Option<(f64, usize, usize)> = None;
            for (k, &x) in us.iter().enumerate().take(LINKAGE_SAMPLE) {
                for &y in us[k + 1..].iter().take(LINKAGE_SAMPLE) {
                    let s = unit_score(x, y);
                    total += s;
                    n += 1.0;
                    if best.is_none_or(|(b, _, _)| s > b) {
                        best = Some((s, x, y));
                    }
                }
            }
            let matched = best
                .map(|(_, x, y)| best_matched(units.of(x), units.of(y), &explain_pair))
                .unwrap_or_default();
            Alignment {
                score: ((total / n.max(1.0)) * 100.0).round() / 100.0,
                matched: matched.iter().map(|m| m.describe(features)).collect(),
            }
        });
        out.push(Cluster {
            facts: fs,
            alignment,
        });
    }
    out.sort_by_key(|c| c.facts[0]);
    out
}

/// The chain from `first` through `next` to its end (`usize::MAX`).
fn chain(next: &[usize], first: usize) -> impl Iterator<Item = usize> + '_ {
    std::iter::successors(Some(first), move |&u| {
        Some(next[u]).filter(|&n| n != usize::MAX)
    })
}

/// Each unit's facts in one flat list, in the order they joined it.
struct Units {
    start: Vec<usize>,
    facts: Vec<usize>,
}

impl Units {
    /// Follows each unit's chain from its first fact through `next`.
    fn lay_out(first: &[usize], next: &[usize]) -> Units {
        let mut start = Vec::with_capacity(first.len() + 1);
        let mut facts = Vec::new();
        for &f in first {
            start.push(facts.len());
            facts.extend(chain(next, f));
        }
        start.push(facts.len());
        facts.shrink_to_fit();
        Units { start, facts }
    }

    fn of(&self, u: usize) -> &[usize] {
        &self.facts[self.start[u]..self.start[u + 1]]
    }
}

/// The best `score` of a fact of unit `a` with a fact of unit `b`,
/// remembered in `memo` for either order.
fn best_of_units(
    memo: &mut HashMap<(usize, usize), f64>,
    units: &Units,
    a: usize,
    b: usize,
    score: impl Fn(usize, usize) -> f64,
) -> f64 {
    let key = (a.min(b), a.max(b));
    if let Some(&s) = memo.get(&key) {
        return s;
    }
    let mut best = 0.0f64;
    for &i in units.of(a) {
        for &j in units.of(b) {
            best = best.max(score(i, j));
        }
    }
    memo.insert(key, best);
    best
}

/// The matched features of the best-scoring pair of two units.
fn best_matched(
    a: &[usize],
    b: &[usize],
    score: &impl Fn(usize, usize) -> (f64, Vec<Matched>),
) -> Vec<Matched> {
    let mut best: Option<(f64, Vec<Matched>)> = None;
    for &i in a {
        for &j in b {
            let (s, m) = score(i, j);
            if best.as_ref().is_none_or(|(b, _)| s > *b) {
                best = Some((s, m));
            }
        }
    }
    best.map(|(_, m)| m).unwrap_or_default()
}
