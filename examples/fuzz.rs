//! A seeded random-mutation fuzzer on the stable toolchain (cargo-fuzz needs
//! nightly): mutates pieces of the example corpus and of built-in news
//! sentences, feeds every input to ingest (`ingest::parse_source`, raw bytes,
//! so invalid UTF-8, NUL bytes and broken front matter too) and, when ingest
//! accepts it, to cleaning and to every extractor one by one. It checks that
//! nothing panics and that every fact's span lies on char boundaries inside
//! the file with its bytes equal to the fact's text.
//!
//! Run: `cargo run --release --example fuzz -- N [--seed S] [--threads T]`
//! (N inputs, default 100000). Prints inputs per stage, facts seen and
//! crashes; each crashing input is saved to `target/fuzz-crashes/` and
//! reproduces with the same seed. Exit code 1 when anything crashed.

use chrono::NaiveDate;
use crosscheck::rules::Rules;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// Seeds besides the corpus: short sentences in several news styles.
const SENTENCES: &[&str] = &[
    "The two leaders met for nearly three hours behind closed doors, officials said.",
    "\"We made some progress today,\" the foreign minister told reporters on Friday.",
    "It was their first meeting since 2019, according to the White House.",
    "At least 1,200 people were killed and hundreds more were injured.",
    "She won the final in just under three hours, her first title in 25 years.",
    "The company cut roughly 3,000 jobs, about one-fifth of its workforce.",
    "Thieves took eight pieces of jewellery in a raid that lasted seven minutes.",
    "Researchers followed 25,000 patients for a decade, Dr. Sara Kim said.",
    "The delegation included Secretary of State Maria Lopez, envoy John Park and adviser Lee Chen.",
    "---\noutlet: Wire\npublished: 2025-08-16\n---\nThe talks began on Friday.\n",
];

/// Pieces spliced into inputs: the characters parsers trip on.
const PIECES: &[&str] = &[
    "\"",
    "“",
    "”",
    "'",
    "‘",
    "’",
    "—",
    "–",
    "-",
    "½",
    "3-1/2",
    "1/0",
    "0.5.5",
    "1,,000",
    "99999999999999999999999999",
    "é",
    "🙂",
    "中文",
    "\u{200b}",
    "\u{feff}",
    "\r\n",
    "\n",
    "\0",
    "...",
    "…",
    "---",
    ":",
    "Mr.",
    "U.S.",
    " said ",
    "nearly ",
    "at least ",
    "first ",
    " since ",
    " in ",
    "seven years",
    "Friday",
    "February 2022",
    "hundreds of",
    "a million",
    "twenty-five",
    "in its fourth year",
    "Related Articles",
    "ADVERTISEMENT",
    "outlet: ",
    "published: ",
    "Trump",
    "Putin's",
    "the Russian president",
    "accompanied by",
    ", ",
    " and ",
];

/// xorshift64*: small, fast, reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn seeds() -> Vec<Vec<u8>> {
    let mut out: Vec<Vec<u8>> = SENTENCES.iter().map(|s| s.as_bytes().to_vec()).collect();
    let dir = Path::new("tests/fixtures/alaska-summit");
    if let Ok(entries) = std::fs::read_dir(dir) {
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            if p.extension().is_some_and(|e| e == "txt")
                && let Ok(b) = std::fs::read(&p)
            {
                out.push(b);
            }
        }
    }
    out
}

/// One input: a window of a seed (whole for short seeds), then 1–8
/// mutations.
fn input(rng: &mut Rng, seeds: &[Vec<u8>]) -> Vec<u8> {
    let seed = &seeds[rng.below(seeds.len())];
    let mut v = if seed.len() > 1500 {
        let len = 50 + rng.below(1500);
        let at = rng.below(seed.len() - len);
        seed[at..at + len].to_vec()
    } else {
        seed.clone()
    };
    for _ in 0..1 + rng.below(8) {
        let at = rng.below(v.len() + 1);
        match rng.below(9) {
            0 => {
                if !v.is_empty() {
                    let i = rng.below(v.len());
                    v[i] ^= 1 << rng.below(8);
                }
            }
            1..=3 => {
                let p = PIECES[rng.below(PIECES.len())].as_bytes();
                v.splice(at..at, p.iter().copied());
            }
            4 => {
                let end = (at + rng.below(40)).min(v.len());
                v.drain(at..end);
            }
            5 => {
                let end = (at + rng.below(200)).min(v.len());
                let piece = v[at..end].to_vec();
                v.splice(at..at, piece);
            }
            6 => {
                let other = &seeds[rng.below(seeds.len())];
                let a = rng.below(other.len());
                let b = (a + rng.below(300)).min(other.len());
                v.splice(at..at, other[a..b].iter().copied());
            }
            7 => {
                let c = [b'a', b'9', b' ', b'.', b'"', b'\n'][rng.below(6)];
                let n = 1 + rng.below(3000);
                v.splice(at..at, std::iter::repeat_n(c, n));
            }
            _ => v.truncate(at),
        }
    }
    v
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse::<u64>().ok())
    };
    let n = args
        .first()
        .and_then(|a| a.parse::<u64>().ok())
        .unwrap_or(100_000);
    let seed = flag("--seed").unwrap_or(2025);
    let threads = flag("--threads").unwrap_or(1).max(1);
    let rules = Rules::embedded().expect("embedded rules");
    let seeds = seeds();
    // Panics are counted and saved, not printed one by one.
    std::panic::set_hook(Box::new(|_| {}));
    let ingested = AtomicUsize::new(0);
    let accepted = AtomicUsize::new(0);
    let per_extractor: Vec<AtomicUsize> = crosscheck::extract::REGISTRY
        .iter()
        .map(|_| AtomicUsize::new(0))
        .collect();
    let facts = AtomicUsize::new(0);
    let crashes = AtomicUsize::new(0);
    let started = Instant::now();
    std::thread::scope(|scope| {
        for t in 0..threads {
            let (rules, seeds) = (&rules, &seeds);
            let (ingested, accepted, per_extractor, facts, crashes) =
                (&ingested, &accepted, &per_extractor, &facts, &crashes);
            scope.spawn(move || {
                let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ (t + 1));
                let mut i = t;
                while i < n {
                    let bytes = input(&mut rng, seeds);
                    let report = |stage: &str, bytes: &[u8]| {
                        let k = crashes.fetch_add(1, Ordering::Relaxed);
                        let dir = Path::new("target/fuzz-crashes");
                        let _ = std::fs::create_dir_all(dir);
                        let file = dir.join(format!("{stage}-seed{seed}-input{i}-{k}.txt"));
                        let _ = std::fs::write(&file, bytes);
                        eprintln!("crash in {stage}: input {i}, saved to {}", file.display());
                    };
                    ingested.fetch_add(1, Ordering::Relaxed);
                    let source = catch_unwind(AssertUnwindSafe(|| {
                        crosscheck::ingest::parse_source(
                            Path::new("fuzz.txt"),
                            "fuzz".into(),
                            bytes.clone(),
                            NaiveDate::from_ymd_opt(2025, 8, 16),
                        )
                    }));
                    let doc = match source {
                        Err(_) => {
                            report("ingest", &bytes);
                            None
                        }
                        Ok(Err(_)) => None,
                        Ok(Ok(s)) => {
                            accepted.fetch_add(1, Ordering::Relaxed);
                            match catch_unwind(AssertUnwindSafe(|| {
                                crosscheck::clean::clean(s, rules)
                            })) {
                                Ok(d) => Some(d),
                                Err(_) => {
                                    report("clean", &bytes);
                                    None
                                }
                            }
                        }
                    };
                    if let Some(doc) = doc {
                        for (k, ex) in crosscheck::extract::REGISTRY.iter().enumerate() {
                            per_extractor[k].fetch_add(1, Ordering::Relaxed);
                            let got = catch_unwind(AssertUnwindSafe(|| ex.extract(&doc, rules)));
                            match got {
                                Err(_) => report(ex.kind().as_str(), &bytes),
                                Ok(found) => {
                                    facts.fetch_add(found.len(), Ordering::Relaxed);
                                    let bad = found
                                        .iter()
                                        .any(|f| doc.text.get(f.start..f.end) != Some(&*f.text));
                                    if bad {
                                        report(&format!("{}-span", ex.kind().as_str()), &bytes);
                                    }
                                }
                            }
                        }
                    }
                    if t == 0 && (i / threads).is_multiple_of(100_000) && i > 0 {
                        eprintln!(
                            "progress: {} inputs, {} accepted, {} crashes, {:.0} s",
                            ingested.load(Ordering::Relaxed),
                            accepted.load(Ordering::Relaxed),
                            crashes.load(Ordering::Relaxed),
                            started.elapsed().as_secs_f64()
                        );
                    }
                    i += threads;
                }
            });
        }
    });
    let secs = started.elapsed().as_secs_f64();
    println!(
        "seed {seed}: {} inputs in {secs:.0} s ({:.0}/s), {} accepted by ingest, {} facts",
        ingested.load(Ordering::Relaxed),
        ingested.load(Ordering::Relaxed) as f64 / secs,
        accepted.load(Ordering::Relaxed),
        facts.load(Ordering::Relaxed)
    );
    for (k, ex) in crosscheck::extract::REGISTRY.iter().enumerate() {
        println!(
            "  {:<9} {} inputs",
            ex.kind().as_str(),
            per_extractor[k].load(Ordering::Relaxed)
        );
    }
    let c = crashes.load(Ordering::Relaxed);
    println!("crashes: {c}");
    if c > 0 {
        std::process::exit(1);
    }
}
