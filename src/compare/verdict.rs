//! Verdicts for numeric kinds by interval overlap: `conflict` when two
//! sources' values are disjoint, `agree` when every value is the same set,
//! `compatible` when they overlap but differ in precision, `single-source`
//! when one outlet states it.

use super::{Verdict, sources_of};
use crate::fact::{Fact, Relation};

/// The verdict for the facts of one comparison, with a sentence saying why.
pub fn decide(facts: &[&Fact]) -> (Verdict, String) {
    let sources = sources_of(facts);
    if sources.len() < 2 {
        let mut values: Vec<String> = facts.iter().map(|f| f.value.reading()).collect();
        values.dedup();
        return (
            Verdict::SingleSource,
            format!(
                "only {} states it: {}",
                sources.join(", "),
                values.join("; ")
            ),
        );
    }
    for (i, a) in facts.iter().enumerate() {
        for b in &facts[i + 1..] {
            if a.source == b.source {
                continue;
            }
            if a.value.relation(&b.value) == Relation::Disjoint {
                return (
                    Verdict::Conflict,
                    format!(
                        "“{}” ({}: {}) cannot be true with “{}” ({}: {}); values: {}",
                        a.text,
                        a.source,
                        a.value.reading(),
                        b.text,
                        b.source,
                        b.value.reading(),
                        summary(facts)
                    ),
                );
            }
        }
    }
    let first = &facts[0].value;
    let same = facts
        .iter()
        .all(|f| f.value.relation(first) == Relation::Same);
    if same {
        (
            Verdict::Agree,
            format!(
                "all {} sources: {}",
                sources.len(),
                facts[0].value.reading()
            ),
        )
    } else {
        (
            Verdict::Compatible,
            format!(
                "values overlap, with different precision: {}",
                summary(facts)
            ),
        )
    }
}

/// "v1 (s1, s2); v2 (s3)", values in first-seen order.
pub fn summary(facts: &[&Fact]) -> String {
    let mut rows: Vec<(String, Vec<&str>)> = Vec::new();
    for f in facts {
        let v = f.value.reading();
        match rows.iter_mut().find(|(x, _)| *x == v) {
            Some((_, s)) => {
                if !s.contains(&&*f.source) {
                    s.push(&f.source)
                }
            }
            None => rows.push((v, vec![&f.source])),
        }
    }
    rows.iter()
        .map(|(v, s)| format!("{v} ({})", s.join(", ")))
        .collect::<Vec<_>>()
        .join("; ")
}
