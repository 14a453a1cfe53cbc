//! Throughput of the whole pipeline (clean, extract, compare, lineage) on the
//! example corpus, replicated into a larger set of articles.
//!
//! Run: `cargo bench --bench pipeline` (optionally with a copy count:
//! `cargo bench --bench pipeline -- 200`). Prints articles/s and MB/s.

use crosscheck::rules::Rules;
use std::path::PathBuf;
use std::time::Instant;

fn mb_of(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

fn main() {
    let copies: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(100);
    let rules = Rules::embedded().expect("rules");
    let base = crosscheck::ingest::load(&[PathBuf::from("tests/fixtures/alaska-summit")], None)
        .expect("corpus");
    let mut sources = Vec::with_capacity(base.len() * copies);
    for i in 0..copies {
        for s in &base {
            let mut s = s.clone();
            s.id = format!("{}-{i}", s.id);
            sources.push(s);
        }
    }
    let bytes: usize = sources.iter().map(|s| s.text.len()).sum();
    let n = sources.len();

    let t = Instant::now();
    let docs: Vec<_> = sources
        .into_iter()
        .map(|s| crosscheck::clean::clean(s, &rules))
        .collect();
    let clean_s = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let mut facts = 0;
    for d in &docs {
        facts += crosscheck::extract::extract(d, &rules).len();
    }
    let extract_s = t.elapsed().as_secs_f64();

    for ex in crosscheck::extract::REGISTRY {
        let t = Instant::now();
        let n_facts: usize = docs.iter().map(|d| ex.extract(d, &rules).len()).sum();
        let s = t.elapsed().as_secs_f64();
        println!(
            "  {:<9} {:>8.1} MB/s  {n_facts} facts",
            ex.kind().as_str(),
            mb_of(bytes) / s
        );
    }

    let t = Instant::now();
    let links = crosscheck::compare::lineage::detect(&docs);
    println!(
        "lineage: {:.2} s, {} links",
        t.elapsed().as_secs_f64(),
        links.len()
    );
    let mut all = Vec::new();
    for d in &docs {
        all.extend(crosscheck::extract::extract(d, &rules));
    }
    for (i, f) in all.iter_mut().enumerate() {
        f.id = format!("f{}", i + 1);
    }
    for (kind, comparator) in crosscheck::compare::COMPARATORS {
        let of_kind: Vec<_> = all.iter().filter(|f| f.kind == *kind).collect();
        let t = Instant::now();
        let n = comparator(&of_kind).len();
        println!(
            "  compare {:<9} {:.3} s, {n} comparisons",
            kind.as_str(),
            t.elapsed().as_secs_f64()
        );
    }

    let t = Instant::now();
    let report = crosscheck::analyse(&docs, &rules);
    let analyse_s = t.elapsed().as_secs_f64();

    let mb = bytes as f64 / 1e6;
    println!("corpus: alaska-summit x{copies} = {n} articles, {mb:.1} MB, {facts} facts");
    println!(
        "clean:   {:>8.0} articles/s {:>6.1} MB/s",
        n as f64 / clean_s,
        mb / clean_s
    );
    println!(
        "extract: {:>8.0} articles/s {:>6.1} MB/s",
        n as f64 / extract_s,
        mb / extract_s
    );
    println!(
        "analyse (extract + compare + lineage): {:>8.0} articles/s {:>6.1} MB/s, {} comparisons",
        n as f64 / analyse_s,
        mb / analyse_s,
        report.comparisons.len()
    );
}
