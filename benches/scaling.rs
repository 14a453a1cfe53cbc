//! Time per MB and peak memory as one article grows from 1 MB to 64 MB, for
//! three shapes of input built from the example corpus's sentences:
//!
//! - `paragraph`: one long paragraph (every sentence on one line, one `\n`
//!   at the end);
//! - `paragraphs`: many short paragraphs (the corpus's own lines, blank
//!   lines between them);
//! - `line`: a single line with no sentence break at all (full stops turned
//!   into commas, no newline): one sentence as long as the file.
//!
//! Each size runs in a child process (this binary run again with `--one`),
//! so the peak resident memory reported (`VmHWM`) is that size's alone.
//! Each shape first runs a 10 kB article: every run pays its time (about
//! 0.3 s, mostly compiling the rules) whatever the input's size, so `s/MB`
//! falls as inputs grow. `marg cpu` is the CPU time per MB above that
//! run's, the cost that grows with the input (CPU time, so that other work
//! on a shared machine does not inflate it): it should stay flat (within
//! 2×) from 1 MB to 64 MB, and peak memory under 4× the input.
//!
//! Run: `cargo bench --bench scaling` (sizes 1 2 4 8 16 32 64 MB), or
//! `cargo bench --bench scaling -- 1 2 4` for chosen sizes, or
//! `cargo bench --bench scaling -- --stages line 4` to time each stage of one
//! input in this process.

mod common;
use common::peak_kb;

use crosscheck::rules::Rules;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const SHAPES: [&str; 3] = ["paragraph", "paragraphs", "line"];

/// The corpus's article bodies, line by line (front matter and boilerplate
/// lines dropped: an aggregator's "Related Articles" would cut the rest of
/// a file, and a benchmark of an article that is mostly cut is no test).
fn corpus_lines() -> Vec<String> {
    let rules = Rules::embedded().expect("rules");
    let sources = crosscheck::ingest::load(&[PathBuf::from("tests/fixtures/alaska-summit")], None)
        .expect("the example corpus");
    let mut lines = Vec::new();
    for s in sources {
        for line in s.text[s.body_start..].lines() {
            let line = line.trim();
            if !line.is_empty() && rules.boilerplate.regions(line, 0).is_empty() {
                lines.push(line.to_string());
            }
        }
    }
    lines
}

/// An article of `shape`, about `bytes` long.
fn build(shape: &str, bytes: usize) -> String {
    let lines = corpus_lines();
    let mut out = String::with_capacity(bytes + 4096);
    out.push_str("---\noutlet: Scaling\npublished: 2025-08-16\n---\n");
    let mut i = 0;
    while out.len() < bytes {
        let line = &lines[i % lines.len()];
        i += 1;
        match shape {
            "paragraph" => {
                out.push_str(line);
                out.push(' ');
            }
            "paragraphs" => {
                out.push_str(line);
                out.push_str("\n\n");
            }
            _ => {
                out.push_str(&line.replace(". ", ", ").replace('\n', " "));
                out.push(' ');
            }
        }
    }
    if shape == "paragraph" {
        out.push('\n');
    }
    out
}

/// CPU seconds (user + system) this process has used (Linux), else 0: a
/// figure that other work on a shared machine does not inflate.
fn cpu_secs() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            // Fields after the command name (which is in parentheses).
            let rest = &s[s.rfind(')')? + 2..];
            let f: Vec<&str> = rest.split_whitespace().collect();
            let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
            Some(ticks / 100.0)
        })
        .unwrap_or(0.0)
}

/// A writer that only counts bytes.
struct Counter(usize);

impl std::io::Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// One run: reads, cleans, extracts, compares and renders the article as a
/// user's `crosscheck check --format json` would; prints
/// `seconds peak_kb bytes facts json_bytes cpu_seconds`.
fn one(shape: &str, mb: f64, stages: bool) {
    let text = build(shape, (mb * 1e6) as usize);
    let bytes = text.len();
    let dir = std::env::temp_dir().join(format!("crosscheck-scaling-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(format!("{shape}-{mb}.txt"));
    std::fs::write(&path, &text).expect("write input");
    drop(text);
    // Only the staged run needs rules of its own: `run` loads them as the
    // command does, and a second set held here would count in the peak.
    let rules = stages.then(|| Rules::embedded().expect("rules"));
    // The benchmark goes past the default 32 MB cap on purpose.
    crosscheck::ingest::set_max_article_bytes(1 << 40);
    let cpu = cpu_secs();
    let t = Instant::now();
    let report = if let Some(rules) = &rules {
        staged(&path, rules)
    } else {
        crosscheck::run(&crosscheck::Config {
            paths: vec![path.clone()],
            published: None,
            rules: None,
            skip_bad: false,
        })
        .expect("run")
    };
    // As `check --format json` does: streamed, never held whole.
    let mut counter = Counter(0);
    serde_json::to_writer_pretty(&mut counter, &report).expect("json");
    let secs = t.elapsed().as_secs_f64();
    let cpu = cpu_secs() - cpu;
    let _ = std::fs::remove_dir_all(&dir);
    println!(
        "{secs:.3} {} {bytes} {} {} {cpu:.2}",
        peak_kb(),
        report.facts.len(),
        counter.0
    );
}

/// The pipeline stage by stage, printing each stage's time to stderr.
fn staged(path: &Path, rules: &Rules) -> crosscheck::Report {
    let t = Instant::now();
    let docs = crosscheck::load_documents(&[path.to_path_buf()], None, rules).expect("load");
    eprintln!(
        "  ingest+clean {:>8.3} s  peak {} kB",
        t.elapsed().as_secs_f64(),
        peak_kb()
    );
    for ex in crosscheck::extract::REGISTRY {
        let t = Instant::now();
        let n = ex.extract(&docs[0], rules).len();
        eprintln!(
            "  extract {:<9} {:>8.3} s  {n} facts  peak {} kB",
            ex.kind().as_str(),
            t.elapsed().as_secs_f64(),
            peak_kb()
        );
    }
    let t = Instant::now();
    let mut facts = crosscheck::extract::extract(&docs[0], rules);
    eprintln!(
        "  extract (all)  {:>8.3} s  peak {} kB",
        t.elapsed().as_secs_f64(),
        peak_kb()
    );
    for (i, f) in facts.iter_mut().enumerate() {
        f.id = crosscheck::fact::FactId(u32::try_from(i + 1).expect("under 4 billion facts"));
    }
    for (kind, comparator) in crosscheck::compare::COMPARATORS {
        let of_kind: Vec<_> = facts.iter().filter(|f| f.kind == *kind).collect();
        let t = Instant::now();
        let n = comparator(&of_kind).len();
        eprintln!(
            "  compare {:<9} {:>8.3} s  {n} comparisons  peak {} kB",
            kind.as_str(),
            t.elapsed().as_secs_f64(),
            peak_kb()
        );
    }
    let t = Instant::now();
    let report = crosscheck::analyse(&docs, rules);
    eprintln!(
        "  analyse        {:>8.3} s  peak {} kB",
        t.elapsed().as_secs_f64(),
        peak_kb()
    );
    let t = Instant::now();
    let table = crosscheck::render::table::render(&report, false);
    eprintln!(
        "  table          {:>8.3} s  {} bytes",
        t.elapsed().as_secs_f64(),
        table.len()
    );
    report
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(i) = args.iter().position(|a| a == "--one" || a == "--stages") {
        let shape = args.get(i + 1).map_or("line", String::as_str);
        let mb = args.get(i + 2).and_then(|a| a.parse().ok()).unwrap_or(1.0);
        one(shape, mb, args[i] == "--stages");
        return;
    }
    let mut sizes: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    if sizes.is_empty() {
        sizes = vec![1, 2, 4, 8, 16, 32, 64];
    }
    let exe = std::env::current_exe().expect("own path");
    println!(
        "{:<11} {:>6} {:>9} {:>9} {:>9} {:>9} {:>10} {:>9} {:>9}",
        "shape", "MB", "seconds", "s/MB", "cpu s/MB", "marg cpu", "peak MB", "peak/in", "facts"
    );
    for shape in SHAPES {
        // A 10 kB article first: what every run pays whatever its size
        // (compiling the rules, starting threads). The marginal column is
        // the time per MB above it, the cost that grows with the input.
        let Some(base) = child(&exe, shape, BASELINE_MB) else {
            println!("{shape:<11} baseline run failed");
            continue;
        };
        for &mb in &sizes {
            let Some(run) = child(&exe, shape, mb as f64) else {
                println!("{shape:<11} {mb:>6} failed");
                continue;
            };
            let in_mb = run.bytes / 1e6;
            let marginal = (run.cpu - base.cpu) / ((run.bytes - base.bytes) / 1e6);
            let peak_mb = run.peak_kb / 1000.0;
            println!(
                "{shape:<11} {mb:>6} {:>9.2} {:>9.3} {:>9.3} {marginal:>9.3} {peak_mb:>10.1} {:>9.2} {:>9}",
                run.secs,
                run.secs / in_mb,
                run.cpu / in_mb,
                peak_mb / in_mb,
                run.facts
            );
        }
    }
}

/// The size of the run whose time every other run's marginal cost is
/// measured above.
const BASELINE_MB: f64 = 0.01;

/// What one child run printed.
struct Run {
    secs: f64,
    peak_kb: f64,
    bytes: f64,
    facts: String,
    cpu: f64,
}

/// Runs this benchmark again with `--one shape mb` and reads its line;
/// `None` (with the child's error on stderr) if it failed.
fn child(exe: &Path, shape: &str, mb: f64) -> Option<Run> {
    let out = Command::new(exe)
        .args(["--one", shape, &mb.to_string()])
        .output()
        .expect("child run");
    let line = String::from_utf8_lossy(&out.stdout);
    let f: Vec<&str> = line.split_whitespace().collect();
    if !out.status.success() || f.len() < 6 {
        eprintln!("{}", String::from_utf8_lossy(&out.stderr));
        return None;
    }
    Some(Run {
        secs: f[0].parse().ok()?,
        peak_kb: f[1].parse().ok()?,
        bytes: f[2].parse().ok()?,
        facts: f[3].to_string(),
        cpu: f[5].parse().ok()?,
    })
}
