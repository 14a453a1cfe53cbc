//! The example corpus scored against its hand annotation, for the numeric
//! kinds (durations, time-since, ages, counts, dates). The figures can only
//! rise: each assertion is the acceptance floor or what the tool reaches now.

mod common;

use common::{CORPUS, corpus_report, load_gold, score};
use std::path::Path;

const NUMERIC: [&str; 5] = ["duration", "since", "age", "count", "date"];

#[test]
fn numeric_values_found_and_conflicts_detected() {
    let report = corpus_report();
    let gold = load_gold(Path::new(CORPUS));
    let s = score(&report, &gold, &NUMERIC);
    assert!(s.total >= 39, "gold has {} numeric values", s.total);
    // Acceptance: at most two missed; today none are.
    assert!(s.missed.is_empty(), "missed: {:#?}", s.missed);
    for key in ["meeting-duration", "last-meeting"] {
        assert!(s.conflicts_found.contains(key), "conflict {key} not found");
    }
    assert!(
        s.false_conflicts.is_empty(),
        "false conflicts: {:?}",
        s.false_conflicts
    );
    assert!(s.impure.is_empty(), "impure: {:?}", s.impure);
    assert!(s.leaks.is_empty(), "boilerplate leaks: {:?}", s.leaks);
    assert!(
        s.verdicts_wrong.is_empty(),
        "verdicts: {:?}",
        s.verdicts_wrong
    );
}

#[test]
fn no_false_conflicts_or_leaks_in_any_kind() {
    let report = corpus_report();
    let gold = load_gold(Path::new(CORPUS));
    let all = [
        "duration", "since", "age", "count", "date", "quote", "name", "list",
    ];
    let s = score(&report, &gold, &all);
    assert!(
        s.false_conflicts.is_empty(),
        "false conflicts: {:?}",
        s.false_conflicts
    );
    assert!(s.impure.is_empty(), "impure: {:?}", s.impure);
    assert!(s.leaks.is_empty(), "boilerplate leaks: {:?}", s.leaks);
}

#[test]
fn same_fact_pairs_share_a_comparison() {
    // A floor, not a snapshot: the share of same-fact pairs aligned into one
    // comparison may rise, never fall below what the align stage reaches.
    let report = corpus_report();
    let gold = load_gold(Path::new(CORPUS));
    let all = [
        "duration", "since", "age", "count", "date", "quote", "name", "list",
    ];
    let s = score(&report, &gold, &all);
    assert!(s.pairs_total >= 75, "gold has {} pairs", s.pairs_total);
    assert!(
        s.pairs_together * 100 >= s.pairs_total * 95,
        "{} of {} same-fact pairs together",
        s.pairs_together,
        s.pairs_total
    );
}

#[test]
fn every_fact_is_in_exactly_one_comparison() {
    let report = corpus_report();
    let mut seen = std::collections::BTreeMap::new();
    for c in &report.comparisons {
        for id in &c.facts {
            *seen.entry(*id).or_insert(0) += 1;
        }
    }
    for f in &report.facts {
        assert_eq!(seen.get(&f.id), Some(&1), "fact {} ({:?})", f.id, f.text);
    }
}

#[test]
fn fact_spans_point_at_their_words_in_the_file() {
    let report = corpus_report();
    for f in &report.facts {
        let path = &report.source(&f.source).unwrap().path;
        let bytes = std::fs::read(path).unwrap();
        assert_eq!(&bytes[f.start..f.end], f.text.as_bytes(), "fact {}", f.id);
    }
}
