//! HTML pages as input: the example articles as web pages (navigation,
//! header, footer, scripts, related links, entities, metadata) give the
//! same facts and verdicts as the plain-text files, and every fact's span
//! points at its words in the page as stored.

mod common;

use assert_cmd::Command;
use crosscheck::{Config, Report};
use std::path::{Path, PathBuf};

const CORPUS: &str = "tests/fixtures/alaska-summit";

/// The example articles: (stem, outlet, published, paragraphs).
fn examples() -> Vec<(String, String, String, Vec<String>)> {
    common::example_articles()
        .into_iter()
        .map(|a| {
            let paragraphs = a
                .body
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(str::to_string)
                .collect();
            (a.stem, a.outlet, a.published, paragraphs)
        })
        .collect()
}

/// Text as HTML writes it: `&amp;`, `&lt;`, `&gt;`, and `&#8217;` for `’`.
fn encode(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('’', "&#8217;")
}

/// A news page around `paragraphs`, the first one the headline.
fn page(outlet: &str, published: &str, paragraphs: &[String]) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n\
         <title>{title} | {site}</title>\n\
         <meta property=\"og:site_name\" content=\"{site}\">\n\
         <meta property=\"article:published_time\" content=\"{published}T09:30:00Z\">\n\
         <script>window.ads = \"<p>Subscribe now</p>\";</script>\n\
         <style>p {{ margin: 0 }}</style>\n</head>\n<body>\n\
         <nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a></li>\
         <li><a href=\"/business\">Business</a></li></ul></nav>\n\
         <header><div class=\"masthead\">The Daily Page</div></header>\n\
         <main><article>\n<h1>{title}</h1>\n",
        title = encode(&paragraphs[0]),
        site = encode(outlet),
    );
    for p in &paragraphs[1..] {
        out.push_str(&format!("<p>{}</p>\n", encode(p)));
    }
    out.push_str(
        "</article>\n<aside><h3>Related</h3><ul><li><a href=\"/a\">Markets &amp; more</a></li>\
         <li><a href=\"/b\">Weather</a></li></ul></aside></main>\n\
         <footer><p>&copy; 2025 The Daily Page. All rights reserved.</p></footer>\n\
         <script>track();</script>\n</body></html>\n",
    );
    out
}

fn run(paths: Vec<PathBuf>) -> Report {
    crosscheck::run(&Config {
        paths,
        ..Config::default()
    })
    .unwrap()
}

fn html_corpus(dir: &Path) {
    for (stem, outlet, published, paragraphs) in examples() {
        let html = page(&outlet, &published, &paragraphs);
        std::fs::write(dir.join(format!("{stem}.html")), html).unwrap();
    }
}

/// Raw HTML as a reader sees it: tags dropped, the entities this test
/// writes decoded, white space collapsed.
fn visible(raw: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in raw.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&#8217;", "’")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn html_pages_give_the_facts_and_verdicts_of_the_text_files() {
    let dir = tempfile::tempdir().unwrap();
    html_corpus(dir.path());
    let from_text = run(vec![PathBuf::from(CORPUS)]);
    let from_html = run(vec![dir.path().to_path_buf()]);
    assert!(!from_text.facts.is_empty());
    assert_eq!(
        common::fact_readings(&from_html),
        common::fact_readings(&from_text)
    );
    assert_eq!(common::verdicts(&from_html), common::verdicts(&from_text));
}

#[test]
fn outlet_and_date_come_from_the_page_metadata() {
    let dir = tempfile::tempdir().unwrap();
    html_corpus(dir.path());
    let report = run(vec![dir.path().to_path_buf()]);
    let want: Vec<(String, String)> = examples()
        .into_iter()
        .map(|(_, outlet, published, _)| (outlet, published))
        .collect();
    let got: Vec<(String, String)> = report
        .sources
        .iter()
        .map(|s| (s.outlet.clone(), s.published.unwrap().to_string()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn every_span_points_at_its_words_in_the_page() {
    let dir = tempfile::tempdir().unwrap();
    html_corpus(dir.path());
    let report = run(vec![dir.path().to_path_buf()]);
    for f in &report.facts {
        let raw = std::fs::read_to_string(dir.path().join(format!("{}.html", f.source))).unwrap();
        assert_eq!(
            visible(&raw[f.start..f.end]),
            f.text,
            "{} {}",
            f.source,
            f.id
        );
        assert_eq!(
            raw[..f.start].matches('\n').count() + 1,
            f.line as usize,
            "{}",
            f.text
        );
    }
}

#[test]
fn the_evidence_view_marks_the_same_words_as_for_text_files() {
    let dir = tempfile::tempdir().unwrap();
    html_corpus(dir.path());
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
    let from_html = marks(&run(vec![dir.path().to_path_buf()]));
    assert!(from_text.len() > 100, "{}", from_text.len());
    assert_eq!(from_html, from_text);
}

#[test]
fn front_matter_wins_over_page_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let (_, _, _, paragraphs) = examples().remove(2);
    let html = format!(
        "---\noutlet: Front Matter News\npublished: 2025-08-17\n---\n{}",
        page("Page Name", "2025-08-16", &paragraphs)
    );
    std::fs::write(dir.path().join("a.html"), &html).unwrap();
    let report = run(vec![dir.path().join("a.html")]);
    assert_eq!(report.sources[0].outlet, "Front Matter News");
    assert_eq!(
        report.sources[0].published.unwrap().to_string(),
        "2025-08-17"
    );
    for f in &report.facts {
        assert_eq!(visible(&html[f.start..f.end]), f.text);
    }
}

#[test]
fn a_page_without_an_article_is_a_one_line_error() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("menu.html");
    std::fs::write(
        &p,
        "<html><body><nav><a href=\"/\">Home</a> <a href=\"/x\">World</a></nav></body></html>",
    )
    .unwrap();
    let out_file = dir.path().join("out.json");
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .args(["check", p.to_str().unwrap(), "--format", "json", "--out"])
        .arg(&out_file)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("crosscheck: "), "{stderr}");
    assert!(stderr.contains("menu.html: no article body"), "{stderr}");
    assert!(out.stdout.is_empty());
    assert!(!out_file.exists());
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 64, ..Default::default() })]

    /// Any markup, well-formed or not, is read without a panic, and every
    /// text offset maps into the page on a character boundary, in order.
    #[test]
    fn any_markup_maps_into_the_page(parts in proptest::collection::vec(proptest::prop_oneof![
        proptest::strategy::Just("<p>".to_string()),
        proptest::strategy::Just("</p>".to_string()),
        proptest::strategy::Just("<div class='a>b'>".to_string()),
        proptest::strategy::Just("&amp;".to_string()),
        proptest::strategy::Just("&#8217;".to_string()),
        proptest::strategy::Just("&nbsp;".to_string()),
        proptest::strategy::Just("&bogus;".to_string()),
        proptest::strategy::Just("<script>x</script>".to_string()),
        proptest::strategy::Just("<!--".to_string()),
        proptest::strategy::Just("<".to_string()),
        proptest::strategy::Just("é\n".to_string()),
        "[A-Za-z ,.]{0,60}",
    ], 0..60)) {
        let page: String = parts.concat();
        let map = crosscheck::ingest::SpanMap::for_file(&page);
        if let Some(found) = crosscheck::ingest::html::extract(&page, 0, map) {
            let mut last = 0;
            for i in (0..=found.text.len()).filter(|&i| found.text.is_char_boundary(i)) {
                let (s, e) = (found.map.stored_start(i), found.map.stored_end(i));
                proptest::prop_assert!(s <= page.len() && e <= page.len());
                proptest::prop_assert!(page.is_char_boundary(s) && page.is_char_boundary(e));
                proptest::prop_assert!(s >= last, "starts in order");
                last = s;
            }
        }
    }
}

#[test]
#[ignore = "standard input is read as HTML only when it is a .html file; piped pages are read as text"]
fn a_page_on_standard_input_is_read_as_html() {
    let (_, outlet, published, paragraphs) = examples().remove(2);
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .args(["extract", "-", "--format", "json"])
        .write_stdin(page(&outlet, &published, &paragraphs))
        .output()
        .unwrap();
    let facts: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        facts
            .as_array()
            .unwrap()
            .iter()
            .all(|f| !f["text"].as_str().unwrap().contains('<'))
    );
}
