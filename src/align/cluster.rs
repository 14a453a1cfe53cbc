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
    let mut units: Vec<Vec<usize>> = Vec::new();
    let mut by_slot: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    for &i in &figures {
        let f = feat(i);
        let slot = by_slot.entry((f.measure, f.source)).or_default();
        let repeat = slot.iter().rev().take(REPEAT_WINDOW).copied().find(|&u| {
            let j = units[u][0];
            facts[i].value.relation(&facts[j].value) == Relation::Same && score(i, j) >= LINK
        });
        match repeat {
            Some(u) => units[u].push(i),
            None => {
                slot.push(units.len());
                units.push(vec![i]);
            }
        }
    }
    let mut link_memo: HashMap<(usize, usize), f64> = HashMap::new();
    let mut unit_linkage = |a: usize, b: usize| {
        best_of_units(&mut link_memo, &units, a, b, |i, j| {
            linkage(feat(i), feat(j), &facts[i], &facts[j])
        })
    };
    let unit_source: Vec<usize> = units.iter().map(|u| feat(u[0]).source).collect();
    let unit_measure: Vec<usize> = units.iter().map(|u| feat(u[0]).measure).collect();
    let mut memo: HashMap<(usize, usize), f64> = HashMap::new();
    let mut unit_score = |a: usize, b: usize| best_of_units(&mut memo, &units, a, b, score);

    // 2. Candidate pairs: units of one measure and different sources that
    //    share a head, predicate, subject, rare context word or day.
    let mut postings: BTreeMap<(usize, u32, u8), Vec<usize>> = BTreeMap::new();
    for (u, members) in units.iter().enumerate() {
        let mut keys: BTreeSet<(u32, u8)> = BTreeSet::new();
        for &i in members {
            let f = feat(i);
            keys.extend(f.head.iter().map(|&w| (w, 0)));
            keys.extend(f.predicate.iter().map(|&w| (w, 1)));
            keys.extend(f.subject.iter().map(|&w| (w, 2)));
            keys.extend(f.day.iter().map(|&w| (w, 4)));
            let mut ctx = f.context.clone();
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
    let mut scored: Vec<(f64, usize, usize)> = candidates
        .into_iter()
        .map(|(a, b)| (unit_score(a, b), a, b))
        .filter(|&(s, _, _)| s >= LINK)
        .collect();
    scored.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));

    // 3. Best pair first, average linkage, one value per source.
    let mut root: Vec<usize> = (0..units.len()).collect();
    let mut members: Vec<Vec<usize>> = (0..units.len()).map(|u| vec![u]).collect();
    let mut sources: Vec<BTreeSet<usize>> = unit_source.iter().map(|&s| [s].into()).collect();
    for (_, a, b) in scored {
        let (ra, rb) = (root[a], root[b]);
        if ra == rb {
            continue;
        }
        // One outlet in both clusters: only as a repeat of the same value
        // ("7 minutes" early on, "just seven minutes" later), never as two
        // values of one outlet in one comparison. Checked for a few shared
        // outlets at most, in one pass over each side, so a merge attempt
        // stays linear in the clusters' sizes.
        if !sources[ra].is_disjoint(&sources[rb]) {
            let shared: Vec<usize> = sources[ra]
                .intersection(&sources[rb])
                .copied()
                .take(MAX_SHARED + 1)
                .collect();
            if shared.len() > MAX_SHARED {
                continue;
            }
            let values_of = |side: &[usize]| {
                side.iter()
                    .filter(|&&u| shared.contains(&unit_source[u]))
                    .map(|&u| (unit_source[u], units[u][0]))
                    .collect::<Vec<_>>()
            };
            let (x, y) = (values_of(&members[ra]), values_of(&members[rb]));
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
        for &x in members[ra].iter().take(LINKAGE_SAMPLE) {
            for &y in members[rb].iter().take(LINKAGE_SAMPLE) {
                total += unit_linkage(x, y);
                n += 1.0;
            }
        }
        if n == 0.0 || total / n < LINK {
            continue;
        }
        let (keep, gone) = if members[ra].len() >= members[rb].len() {
            (ra, rb)
        } else {
            (rb, ra)
        };
        let moved = std::mem::take(&mut members[gone]);
        for &u in &moved {
            root[u] = keep;
        }
        members[keep].extend(moved);
        let gone_sources = std::mem::take(&mut sources[gone]);
        sources[keep].extend(gone_sources);
    }

    // 4. Clusters in fact order, each with how it was aligned.
    let mut out: Vec<Cluster> = Vec::new();
    for (r, us) in members.iter().enumerate() {
        if us.is_empty() || root[r] != r {
            continue;
        }
        let mut fs: Vec<usize> = us.iter().flat_map(|&u| units[u].iter().copied()).collect();
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
                .map(|(_, x, y)| best_matched(&units[x], &units[y], &explain_pair))
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

/// The best `score` of a fact of unit `a` with a fact of unit `b`,
/// remembered in `memo` for either order.
fn best_of_units(
    memo: &mut HashMap<(usize, usize), f64>,
    units: &[Vec<usize>],
    a: usize,
    b: usize,
    score: impl Fn(usize, usize) -> f64,
) -> f64 {
    let key = (a.min(b), a.max(b));
    if let Some(&s) = memo.get(&key) {
        return s;
    }
    let mut best = 0.0f64;
    for &i in &units[a] {
        for &j in &units[b] {
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
