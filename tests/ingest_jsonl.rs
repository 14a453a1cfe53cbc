//! JSON Lines feeds as input: the example articles as one feed give the
//! same facts and verdicts as the text files; spans slice each record's
//! field and `line` is the record's line; every bad record is a one-line
//! `FILE:LINE:` error (or, with `--skip-bad`, skipped and counted).

mod common;

use assert_cmd::Command;
use crosscheck::{Config, Report};
use serde_json::json;
use std::path::{Path, PathBuf};

const CORPUS: &str = "tests/fixtures/alaska-summit";

fn crosscheck() -> Command {
    Command::cargo_bin("crosscheck").unwrap()
}

/// One record per example article: id = file stem, the front matter's
/// outlet and date, the body as `text`.
fn records() -> Vec<serde_json::Value> {
    common::example_articles()
        .into_iter()
        .map(|a| {
            json!({
                "id": a.stem,
                "outlet": a.outlet,
                "published": a.published,
                "text": a.body,
            })
        })
        .collect()
}

/// The feed: a blank line first, then one record per line.
fn feed(records: &[serde_json::Value]) -> String {
    let mut out = String::from("\n");
    for r in records {
        out.push_str(&serde_json::to_string(r).unwrap());
        out.push('\n');
    }
    out
}

fn run(paths: Vec<PathBuf>) -> Report {
    crosscheck::run(&Config {
        paths,
        ..Config::default()
    })
    .unwrap()
}

fn write_feed(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn a_feed_gives_the_facts_and_verdicts_of_the_text_files() {
    let dir = tempfile::tempdir().unwrap();
    let p = write_feed(dir.path(), "feed.jsonl", &feed(&records()));
    let from_text = run(vec![PathBuf::from(CORPUS)]);
    let from_feed = run(vec![p]);
    assert_eq!(from_feed.sources.len(), 5);
    assert_eq!(
        common::fact_readings(&from_feed),
        common::fact_readings(&from_text)
    );
    assert_eq!(common::verdicts(&from_feed), common::verdicts(&from_text));
}

#[test]
fn spans_slice_the_text_field_and_line_is_the_record_line() {
    let dir = tempfile::tempdir().unwrap();
    let recs = records();
    let p = write_feed(dir.path(), "feed.jsonl", &feed(&recs));
    let report = run(vec![p]);
    for f in &report.facts {
        // The feed starts with a blank line: record k is on line k + 2.
        let k = recs.iter().position(|r| r["id"] == *f.source).unwrap();
        let text = recs[k]["text"].as_str().unwrap();
        assert_eq!(&text[f.start..f.end], f.text);
        assert_eq!(f.line as usize, k + 2, "{}", f.text);
    }
}

#[test]
fn an_html_record_is_read_like_a_page() {
    let dir = tempfile::tempdir().unwrap();
    let sentence = "Trump and Putin met for nearly three hours in Anchorage on Friday, their first meeting since 2019.";
    let page = format!(
        "<html><head><meta property=\"og:site_name\" content=\"Page Outlet\"></head><body>\
         <nav><a href=\"/\">Home</a></nav><article><p>{}</p><p>The talks ended without a deal &amp; no ceasefire.</p></article></body></html>",
        sentence.replace("Trump and", "Trump &amp;")
    );
    let text = format!(
        "{}\n",
        serde_json::to_string(&json!({"id": "page", "published": "2025-08-16", "html": page}))
            .unwrap()
    );
    let p = write_feed(dir.path(), "pages.jsonl", &text);
    let report = run(vec![p]);
    assert_eq!(report.sources[0].outlet, "Page Outlet");
    assert!(report.facts.iter().any(|f| f.text.contains("three hours")));
    for f in &report.facts {
        let raw = &page[f.start..f.end];
        assert_eq!(raw.replace("&amp;", "&"), f.text);
        assert_eq!(f.line, 1);
    }
}

#[test]
fn a_record_without_id_is_named_by_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut recs = records();
    recs[0].as_object_mut().unwrap().remove("id");
    let p = write_feed(dir.path(), "feed.jsonl", &feed(&recs[..2]));
    let report = run(vec![p]);
    assert_eq!(report.sources[0].id, "feed.jsonl:2");
}

#[test]
fn standard_input_starting_with_a_brace_is_a_feed() {
    let out = crosscheck()
        .args(["check", "-", "--format", "json"])
        .write_stdin(feed(&records()).trim_start().to_string())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["sources"].as_array().unwrap().len(), 5);
}

/// Each bad record: exit 2, one line `crosscheck: FILE:LINE: … expected …`,
/// nothing written; with `--skip-bad` the others are read and the skipped
/// ones counted on standard error.
#[test]
fn bad_records_are_one_line_errors_or_skipped() {
    let good = serde_json::to_string(&records()[2]).unwrap();
    let cases: [(&str, &str); 7] = [
        ("not json at all", "not JSON"),
        ("{\"id\": \"x\", \"outlet\": \"X\"}", "no `text` or `html`"),
        (
            "{\"id\": \"x\", \"published\": \"last Friday\", \"text\": \"Words.\"}",
            "`published` is \"last Friday\"",
        ),
        (
            "{\"id\": \"reuters\", \"text\": \"Another article.\"}",
            "`id` \"reuters\" repeats line 1",
        ),
        ("{\"id\": 7, \"text\": \"Words.\"}", "`id` is a number"),
        ("{\"text\": [\"a\"]}", "`text` is an array"),
        ("[1, 2]", "an array, expected a JSON object"),
    ];
    for (bad, needle) in cases {
        let dir = tempfile::tempdir().unwrap();
        let p = write_feed(dir.path(), "feed.jsonl", &format!("{good}\n{bad}\n"));
        let out_file = dir.path().join("out.json");
        for cmd in ["check", "report"] {
            let out = crosscheck()
                .args([
                    cmd,
                    p.to_str().unwrap(),
                    "--out",
                    out_file.to_str().unwrap(),
                ])
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{bad}: {stderr}");
            assert_eq!(stderr.lines().count(), 1, "{stderr}");
            let want = format!("crosscheck: {}:2: ", p.display());
            assert!(stderr.starts_with(&want), "{stderr}");
            assert!(stderr.contains(needle), "{stderr:?} lacks {needle:?}");
            assert!(stderr.contains("expected"), "{stderr}");
            assert!(out.stdout.is_empty());
            assert!(!out_file.exists());
        }
        let out = crosscheck()
            .args([
                "extract",
                p.to_str().unwrap(),
                "--format",
                "json",
                "--skip-bad",
            ])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{bad}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.starts_with("crosscheck: skipped 1 bad record (first: "),
            "{stderr}"
        );
        let facts: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(!facts.as_array().unwrap().is_empty());
    }
}

#[test]
fn skip_bad_counts_every_skipped_record() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = feed(&records());
    text.push_str("oops\n{\"id\": 1}\n");
    let p = write_feed(dir.path(), "feed.jsonl", &text);
    let out = crosscheck()
        .args([
            "check",
            p.to_str().unwrap(),
            "--skip-bad",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.starts_with("crosscheck: skipped 2 bad records"),
        "{stderr}"
    );
}

#[test]
fn loading_a_large_feed_stays_linear() {
    // 4,000 short records: a quadratic id check or reading would show.
    let mut text = String::new();
    for i in 0..4000 {
        text.push_str(
            &serde_json::to_string(
                &json!({"id": format!("r{i}"), "text": "Officials said 12 people were hurt."}),
            )
            .unwrap(),
        );
        text.push('\n');
    }
    let dir = tempfile::tempdir().unwrap();
    let p = write_feed(dir.path(), "big.jsonl", &text);
    let started = std::time::Instant::now();
    let sources = crosscheck::ingest::load(&[p], None).unwrap();
    assert_eq!(sources.len(), 4000);
    assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
}

#[test]
fn the_evidence_view_marks_the_same_words_as_for_text_files() {
    let dir = tempfile::tempdir().unwrap();
    let p = write_feed(dir.path(), "feed.jsonl", &feed(&records()));
    let marks = |report: &Report| {
        let page = crosscheck::render::html::render_files(report, "t").unwrap();
        let re = regex::Regex::new(
            r#"<mark class="fact v-[\w-]+" id="(f\d+)"[^>]*><span class="vh">[^<]*</span>(?:<a [^>]*>)?([^<]*)"#,
        )
        .unwrap();
        re.captures_iter(&page)
            .map(|c| (c[1].to_string(), c[2].to_string()))
            .collect::<Vec<_>>()
    };
    let from_text = marks(&run(vec![PathBuf::from(CORPUS)]));
    let from_feed = marks(&run(vec![p]));
    assert!(from_text.len() > 100, "{}", from_text.len());
    assert_eq!(from_feed, from_text);
}

#[test]
fn skip_bad_with_nothing_left_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let p = write_feed(dir.path(), "feed.jsonl", "oops\n{\"id\": 1}\n");
    let out = crosscheck()
        .args(["check", p.to_str().unwrap(), "--skip-bad"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("crosscheck: every record was bad"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}
