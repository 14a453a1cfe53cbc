//! `corpus` on a generated feed: how well stories are grouped back, how
//! fast the whole pipeline runs on one thread and on all cores, and how
//! peak memory grows with the feed.
//!
//! How the feed is built: the real articles of `../shared/corpus/*/` (or
//! of `tests/fixtures/alaska-summit` when that is absent), grouped by
//! event, are the templates. Planted story `k` takes event `k mod E` and
//! two to four of its articles (a rotating choice), and rewrites them all
//! the same way:
//!
//! - every name (a capitalised word that is not a function word) becomes a
//!   made-up word drawn from the story number and the name, so one story's
//!   outlets share their names and no two stories do;
//! - every digit `d` becomes `(d + k) mod 10`, so figures and years change
//!   consistently across the story;
//! - the publication date becomes 2026-01-01 plus `k mod 60` days.
//!
//! One story in three also gets a wire copy (its longest article's text
//! under a syndicator's name, the last paragraph dropped when there are
//! four or more), and one in five a rewrite (the paragraphs of its longest
//! article in reverse order, every third sentence dropped). Stories of one template event thus share all their
//! ordinary words and differ only in names, figures and dates: harder than
//! a real feed, where different events also differ in vocabulary.
//!
//! It reports pairwise precision and recall of the grouping against the
//! planted stories (an unassigned article counts as a story of its own),
//! then for each feed size (a quarter, half and all of `ARTICLES`) the
//! time of the whole pipeline (read, clean, group, check each story,
//! render Markdown) with 1 thread and with all cores, as MB/s and
//! articles/s, and the peak resident memory (`VmHWM`) of that run alone
//! (each run is this binary started again with `--one`), with the peak
//! as it stood after reading and cleaning and after grouping, to tell
//! which stage set it.
//!
//! Run: `cargo bench --bench feed` (10,000 articles), or
//! `ARTICLES=2000 cargo bench --bench feed` for a quicker run;
//! `FEED_DIR=some/folder` writes the feed there and stops, to run
//! `crosscheck corpus` on it by hand.

mod common;
use common::peak_kb;

use crosscheck::corpus::{self, StoryFormat};
use crosscheck::rules::Rules;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// Capitalised words that are not names.
const FUNCTION_WORDS: &[&str] = &[
    "A", "After", "All", "An", "And", "As", "At", "But", "By", "For", "He", "Her", "His", "I",
    "If", "In", "It", "Its", "Mr", "Mrs", "Ms", "No", "Not", "Now", "Of", "On", "One", "Or", "She",
    "So", "That", "The", "Their", "There", "These", "They", "This", "To", "We", "What", "When",
    "While", "With", "You",
];

/// The template events: per event, its articles as (outlet, body).
fn templates() -> Vec<Vec<(String, String)>> {
    let shared = Path::new("../shared/corpus");
    let mut dirs: Vec<PathBuf> = if shared.is_dir() {
        std::fs::read_dir(shared)
            .expect("the shared corpus")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_dir())
            .collect()
    } else {
        vec![PathBuf::from("tests/fixtures/alaska-summit")]
    };
    dirs.sort();
    dirs.iter()
        .map(|d| {
            crosscheck::ingest::load(std::slice::from_ref(d), None)
                .expect("template articles")
                .into_iter()
                .map(|s| {
                    let outlet = s.outlet.clone().unwrap_or_else(|| s.id.clone());
                    (outlet, s.text[s.body_start..].to_string())
                })
                .collect()
        })
        .collect()
}

/// A made-up name for `word` in story `k`: the same in every article of
/// the story.
fn made_up(k: usize, word: &str) -> String {
    const SYL: [&str; 16] = [
        "ka", "lo", "mir", "ve", "dan", "si", "ro", "tu", "bel", "na", "zor", "pe", "gal", "di",
        "mu", "ten",
    ];
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in word.bytes().chain((k as u64).to_le_bytes()) {
        h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
    }
    // Six syllables: 16 million names, so two stories rarely share one.
    let name: String = (0..6)
        .map(|i| SYL[((h >> (i * 4 + 7)) & 15) as usize])
        .collect();
    let mut c = name.chars();
    let first = c.next().map(|f| f.to_ascii_uppercase()).unwrap_or('X');
    format!("{first}{}", c.as_str())
}

/// `text` with story `k`'s names and digits.
fn substitute(text: &str, k: usize) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if word.is_empty() {
            return;
        }
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        if capital && word.chars().count() > 1 && !FUNCTION_WORDS.contains(&word.as_str()) {
            out.push_str(&made_up(k, word));
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphabetic() {
            word.push(c);
            continue;
        }
        flush(&mut word, &mut out);
        if let Some(d) = c.to_digit(10) {
            out.push(char::from_digit((d + k as u32) % 10, 10).unwrap());
        } else {
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

fn rewrite(body: &str) -> String {
    let mut paras: Vec<String> = body
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            l.split_inclusive(". ")
                .enumerate()
                .filter(|(i, _)| i % 3 != 2)
                .map(|(_, s)| s)
                .collect()
        })
        .collect();
    paras.reverse();
    paras.join("\n")
}

/// Writes the feed of `n` articles into `dir`; returns the planted story
/// of each file stem.
fn build(dir: &Path, n: usize) -> BTreeMap<String, usize> {
    let events = templates();
    let mut planted = BTreeMap::new();
    let mut written = 0;
    let mut k = 0;
    let base = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    while written < n {
        let event = &events[k % events.len()];
        let round = k / events.len();
        let want = (2 + round % 3).min(event.len());
        let date = base + chrono::Duration::days((k % 60) as i64);
        let mut articles: Vec<(String, String)> = (0..want)
            .map(|j| event[(round + j) % event.len()].clone())
            .collect();
        // Copies and rewrites are made of the story's longest article.
        let longest = articles
            .iter()
            .map(|(_, b)| b.clone())
            .max_by_key(String::len)
            .unwrap_or_default();
        if k % 3 == 0 {
            let lines: Vec<&str> = longest.lines().filter(|l| !l.trim().is_empty()).collect();
            let keep = if lines.len() >= 4 {
                lines.len() - 1
            } else {
                lines.len()
            };
            articles.push((format!("Syndicate {}", k % 5), lines[..keep].join("\n")));
        }
        if k % 5 == 0 {
            articles.push((format!("Rewrite desk {}", k % 4), rewrite(&longest)));
        }
        for (j, (outlet, body)) in articles.iter().enumerate() {
            if written == n {
                break;
            }
            let stem = format!("s{k:05}-{j}");
            let text = format!(
                "---\noutlet: {outlet}\npublished: {date}\n---\n{}\n",
                substitute(body, k)
            );
            std::fs::write(dir.join(format!("{stem}.txt")), text).expect("write the feed");
            planted.insert(stem, k);
            written += 1;
        }
        k += 1;
    }
    planted
}

/// One run in this process: the files of `dir` (only the first `n` by
/// name) on `threads` threads. Prints `secs stories peak_kb clean_secs
/// group_secs peak_kb_after_clean peak_kb_after_group`, then each story's
/// articles on a line (for the parent to score).
fn one(dir: &Path, n: usize, threads: usize) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    files.truncate(n);
    let out = tempfile::tempdir().unwrap();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap();
    let started = Instant::now();
    let stories = pool.install(|| {
        use rayon::prelude::*;
        let rules = Rules::embedded().unwrap();
        let sources = crosscheck::ingest::load(&files, None).unwrap();
        let docs: Vec<_> = sources
            .into_par_iter()
            .map(|s| crosscheck::clean::clean(s, &rules))
            .collect();
        let cleaned = started.elapsed().as_secs_f64();
        let peak_cleaned = peak_kb();
        // As `corpus` does between its stages.
        crosscheck::memory::release_free();
        let grouping = corpus::group::group(&docs);
        let stories = corpus::index::stories(&docs, &grouping);
        crosscheck::memory::release_free();
        let grouped = started.elapsed().as_secs_f64();
        let peak_grouped = peak_kb();
        let batch = 4 * rayon::current_num_threads();
        corpus::check_all(&docs, &stories, &rules, StoryFormat::Markdown, batch, |c| {
            std::fs::write(out.path().join(format!("{}.md", c.row.id)), &c.text)
        })
        .unwrap();
        let named: Vec<Vec<String>> = grouping
            .stories
            .iter()
            .map(|s| s.iter().map(|&i| docs[i].id.to_string()).collect())
            .collect();
        let peaks = (peak_cleaned, peak_grouped);
        (stories.len(), named, cleaned, grouped - cleaned, peaks)
    });
    let (stories, grouping, cleaned, grouped, peaks) = stories;
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{secs} {stories} {} {cleaned} {grouped} {} {}",
        peak_kb(),
        peaks.0,
        peaks.1
    );
    for s in grouping {
        println!("{}", s.join(" "));
    }
}

/// Pairwise precision and recall of `found` against `planted`.
fn score(found: &[Vec<String>], planted: &BTreeMap<String, usize>) -> (f64, f64) {
    let pairs = |n: u64| n * n.saturating_sub(1) / 2;
    let mut found_pairs = 0;
    let mut both = 0;
    for s in found {
        found_pairs += pairs(s.len() as u64);
        let mut by: HashMap<usize, u64> = HashMap::new();
        for a in s {
            *by.entry(planted[a]).or_default() += 1;
        }
        both += by.values().map(|&c| pairs(c)).sum::<u64>();
    }
    let mut sizes: HashMap<usize, u64> = HashMap::new();
    for &k in planted.values() {
        *sizes.entry(k).or_default() += 1;
    }
    let true_pairs: u64 = sizes.values().map(|&c| pairs(c)).sum();
    (
        both as f64 / found_pairs.max(1) as f64,
        both as f64 / true_pairs.max(1) as f64,
    )
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--one") {
        let dir = PathBuf::from(&args[i + 1]);
        one(
            &dir,
            args[i + 2].parse().unwrap(),
            args[i + 3].parse().unwrap(),
        );
        return;
    }
    let n: usize = std::env::var("ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let cores = std::thread::available_parallelism().map_or(1, |c| c.get());
    let tmp = tempfile::tempdir().unwrap();
    let planted = build(tmp.path(), n);
    if let Ok(keep) = std::env::var("FEED_DIR") {
        // Keep the feed for a look with `crosscheck corpus`.
        std::fs::create_dir_all(&keep).unwrap();
        for name in planted.keys() {
            let file = format!("{name}.txt");
            std::fs::copy(tmp.path().join(&file), Path::new(&keep).join(&file)).unwrap();
        }
        return;
    }
    let bytes: u64 = std::fs::read_dir(tmp.path())
        .unwrap()
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .sum();
    println!(
        "feed: {n} articles, {} planted stories, {:.1} MB",
        planted.values().max().map_or(0, |k| k + 1),
        bytes as f64 / 1e6
    );
    let exe = std::env::current_exe().expect("own path");
    let mut names: Vec<String> = planted.keys().cloned().collect();
    names.sort();
    println!(
        "articles  threads  seconds  (read+clean  group)  MB/s  articles/s  stories  peak MB  (after clean  group)  precision  recall"
    );
    for size in [n / 4, n / 2, n] {
        if size < 2 {
            continue;
        }
        let sub: BTreeMap<String, usize> = names[..size]
            .iter()
            .map(|s| (s.clone(), planted[s]))
            .collect();
        let mb = bytes as f64 / 1e6 * size as f64 / n as f64;
        for threads in [1, cores] {
            let out = Command::new(&exe)
                .arg("--one")
                .arg(tmp.path())
                .arg(size.to_string())
                .arg(threads.to_string())
                .output()
                .expect("run one size");
            let text = String::from_utf8_lossy(&out.stdout);
            let mut lines = text.lines();
            let head: Vec<f64> = lines
                .next()
                .unwrap_or("")
                .split_whitespace()
                .filter_map(|v| v.parse().ok())
                .collect();
            if head.len() < 7 {
                eprintln!("{}", String::from_utf8_lossy(&out.stderr));
                continue;
            }
            let found: Vec<Vec<String>> = lines
                .map(|l| l.split_whitespace().map(String::from).collect())
                .collect();
            let (p, r) = score(&found, &sub);
            println!(
                "{size:>8}  {threads:>7}  {:>7.1}  {:>11.1}  {:>6.1}  {:>4.2}  {:>10.0}  {:>7}  {:>7.0}  {:>12.0}  {:>6.0}  {p:>9.3}  {r:>6.3}",
                head[0],
                head[3],
                head[4],
                mb / head[0],
                size as f64 / head[0],
                head[1],
                head[2] / 1024.0,
                head[5] / 1024.0,
                head[6] / 1024.0
            );
            if threads == cores {
                break;
            }
        }
    }
}
