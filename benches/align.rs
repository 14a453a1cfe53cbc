//! Alignment on one event told by many outlets: the example corpus's five
//! articles copied into 100 … 1,000 articles, each copy with its digits
//! shifted (so copies state other figures in the same sentences, the
//! hardest case for grouping: every fact has hundreds of look-alikes).
//!
//! Run: `cargo bench --bench align`. Prints, per size, the figures aligned,
//! the time, and microseconds per figure; a flat last column means time
//! grows with the facts, not with their square.

use crosscheck::rules::Rules;
use std::path::PathBuf;
use std::time::Instant;

fn shifted(text: &str, by: u32) -> String {
    text.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_digit((d + by) % 10, 10).unwrap_or(c),
            None => c,
        })
        .collect()
}

fn main() {
    let rules = Rules::embedded().expect("rules");
    let base = crosscheck::ingest::load(&[PathBuf::from("tests/fixtures/alaska-summit")], None)
        .expect("corpus");
    println!("articles  figures  comparisons  align ms  µs/figure");
    for n in [100usize, 200, 500, 1000] {
        let mut facts = Vec::new();
        for i in 0..n {
            let mut s = base[i % base.len()].clone();
            s.id = format!("{}-{i}", s.id);
            s.text = shifted(&s.text, (i / base.len()) as u32 % 10);
            let doc = crosscheck::clean::clean(s, &rules);
            facts.extend(crosscheck::extract::extract(&doc, &rules));
        }
        for (k, f) in facts.iter_mut().enumerate() {
            f.id = crosscheck::fact::FactId(u32::try_from(k + 1).expect("few facts"));
        }
        let figures = facts.iter().filter(|f| f.kind.is_figure()).count();
        let t = Instant::now();
        let clusters = crosscheck::align::align(&facts);
        let ms = t.elapsed().as_secs_f64() * 1e3;
        println!(
            "{n:>8} {figures:>8} {:>12} {ms:>9.1} {:>10.1}",
            clusters.len(),
            ms * 1e3 / figures as f64
        );
    }
}
