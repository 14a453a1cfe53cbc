//! Throughput of the whole pipeline (clean, extract, compare, lineage) on the
//! example corpus, replicated into a larger set of articles.
//!
//! Run: `cargo bench --bench pipeline` (optionally with a copy count:
//! `cargo bench --bench pipeline -- 200`). Prints articles/s and MB/s per
//! stage on one core, then extraction + alignment on all cores (or on
//! `--threads N`). `--dir FOLDER` replicates that folder's articles instead
//! of the example corpus.

use crosscheck::rules::Rules;
use std::path::PathBuf;
use std::time::Instant;

fn mb_of(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

/// The value after `--name` on the command line.
fn option(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    let i = args.iter().position(|a| a == name)?;
    args.get(i + 1).cloned()
}

fn main() {
    let copies: usize = std::env::args()
        .skip(1)
        .scan(false, |after_option, a| {
            let value_of_option = std::mem::replace(after_option, a.starts_with("--"));
            Some((!value_of_option).then_some(a))
        })
        .flatten()
        .find_map(|a| a.parse().ok())
        .unwrap_or(100);
    let dir = option("--dir").unwrap_or_else(|| "tests/fixtures/alaska-summit".into());
    let threads: usize = option("--threads")
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let rules = Rules::embedded().expect("rules");
    let base = crosscheck::ingest::load(&[PathBuf::from(&dir)], None).expect("corpus");
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
    // Every article's facts as the pipeline gives them on one thread, the
    // story-wide quote steps included.
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("thread pool");
    let t = Instant::now();
    let all = one.install(|| crosscheck::extract_all(&docs, &rules));
    let extract_all_s = t.elapsed().as_secs_f64();
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
    let clusters = crosscheck::align::align(&all);
    let align_s = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let report = crosscheck::analyse(&docs, &rules);
    let analyse_s = t.elapsed().as_secs_f64();

    // Extraction + alignment on `threads` threads: articles in parallel,
    // then one alignment of all their facts.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("thread pool");
    let t = Instant::now();
    let parallel = pool.install(|| crosscheck::extract_all(&docs, &rules));
    let parallel_clusters = crosscheck::align::align(&parallel);
    let parallel_s = t.elapsed().as_secs_f64();
    assert_eq!(parallel.len(), all.len(), "same facts on any thread count");
    assert_eq!(parallel_clusters.len(), clusters.len());

    let mb = bytes as f64 / 1e6;
    println!("corpus: {dir} x{copies} = {n} articles, {mb:.1} MB, {facts} facts");
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
        "align:   {:>8.0} articles/s {:>6.1} MB/s, {} clusters",
        n as f64 / align_s,
        mb / align_s,
        clusters.len()
    );
    println!(
        "extract + align, 1 core:   {:>8.0} articles/s {:>6.1} MB/s",
        n as f64 / (extract_all_s + align_s),
        mb / (extract_all_s + align_s)
    );
    println!(
        "extract + align, {threads} threads: {:>8.0} articles/s {:>6.1} MB/s",
        n as f64 / parallel_s,
        mb / parallel_s
    );
    println!(
        "analyse (extract + compare + lineage): {:>8.0} articles/s {:>6.1} MB/s, {} comparisons",
        n as f64 / analyse_s,
        mb / analyse_s,
        report.comparisons.len()
    );
}
