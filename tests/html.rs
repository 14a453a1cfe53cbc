//! The HTML evidence view (`--format html`): one self-contained, valid,
//! deterministic page; article text that contains markup renders as text;
//! the committed example is what the README's command writes; and, in
//! headless Chromium, the page shows every conflict with its highlighted
//! words, a figure's link lands on its marked span in the article, and the
//! filter hides and shows comparisons.
//!
//! The browser tests need Debian's `chromium` (`.ci/run` installs it). When
//! it is missing they FAIL with a message saying what to install; set
//! `CROSSCHECK_SKIP_BROWSER=1` to skip them instead (they then say loudly
//! that they were skipped). `CROSSCHECK_CHROMIUM` names another binary.

mod common;

use common::{CORPUS, corpus_report};
use crosscheck::compare::Verdict;
use crosscheck::render::html;
use scraper::{Html, Selector};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const EXAMPLE: &str = "reports/alaska-summit.html";
const REGENERATE: &str = "cargo run -- report tests/fixtures/alaska-summit --format html";

fn page() -> String {
    html::render_files(&corpus_report(), "alaska-summit").expect("articles readable")
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("valid selector")
}

#[test]
fn committed_example_is_current() {
    let committed = std::fs::read_to_string(EXAMPLE).unwrap_or_default();
    assert!(
        committed == page(),
        "{EXAMPLE} is stale: regenerate it with `{REGENERATE}` and commit it"
    );
}

#[test]
fn the_documented_command_writes_the_example() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("page.html");
    assert_cmd::Command::cargo_bin("crosscheck")
        .expect("binary")
        .args(["report", CORPUS, "--format", "html", "--out"])
        .arg(&out)
        .assert()
        .success();
    let written = std::fs::read_to_string(&out).expect("written");
    assert!(written == page(), "`{REGENERATE}` writes another page");
    let printed = assert_cmd::Command::cargo_bin("crosscheck")
        .expect("binary")
        .args(["check", CORPUS, "--format", "html"])
        .output()
        .expect("runs");
    assert!(printed.status.success());
    assert!(
        printed.stdout == written.as_bytes(),
        "check prints the same page"
    );
}

#[test]
fn same_input_same_bytes() {
    assert_eq!(page(), page());
}

#[test]
fn page_is_valid_html5() {
    let doc = Html::parse_document(&page());
    assert!(doc.errors.is_empty(), "parse errors: {:?}", doc.errors);
    let diff = diff_page();
    let doc = Html::parse_document(&diff);
    assert!(
        doc.errors.is_empty(),
        "diff page parse errors: {:?}",
        doc.errors
    );
}

#[test]
fn page_is_self_contained() {
    let p = page();
    let doc = Html::parse_document(&p);
    assert_eq!(doc.select(&sel("link, img, iframe, object")).count(), 0);
    assert_eq!(doc.select(&sel("script[src], [src]")).count(), 0);
    for a in doc.select(&sel("a[href]")) {
        let href = a.value().attr("href").unwrap_or("");
        assert!(href.starts_with('#'), "a link out of the page: {href}");
    }
    assert!(
        !p.contains("@import") && !p.contains("url(http"),
        "CSS fetches"
    );
}

#[test]
fn every_link_lands_on_an_element_and_every_fact_has_one() {
    let report = corpus_report();
    let doc = Html::parse_document(&page());
    let mut ids: BTreeSet<&str> = BTreeSet::new();
    for e in doc.select(&sel("[id]")) {
        let id = e.value().attr("id").unwrap_or("");
        assert!(ids.insert(id), "id {id} twice");
    }
    for a in doc.select(&sel("a[href^='#']")) {
        let target = &a.value().attr("href").unwrap_or("#")[1..];
        assert!(ids.contains(target), "link to a missing #{target}");
    }
    for f in &report.facts {
        let mark = doc
            .select(&sel(&format!("mark[id='{}']", f.id)))
            .next()
            .unwrap_or_else(|| panic!("no mark for {} ({:?})", f.id, f.text));
        let article = mark
            .ancestors()
            .filter_map(scraper::ElementRef::wrap)
            .find(|e| e.value().name() == "article")
            .expect("marks stand in an article");
        assert_eq!(
            article.value().attr("id"),
            Some(format!("article-{}", f.source).as_str())
        );
    }
}

#[test]
fn conflicts_come_first_with_each_outlets_highlighted_words() {
    let report = corpus_report();
    let doc = Html::parse_document(&page());
    let sections: Vec<&str> = doc
        .select(&sel("section.verdict-section"))
        .filter_map(|s| s.value().attr("id"))
        .collect();
    assert_eq!(sections.first(), Some(&"conflicts"), "{sections:?}");
    let order = ["conflicts", "variants", "compatible", "agree", "single"];
    let pos: Vec<usize> = sections
        .iter()
        .filter_map(|s| order.iter().position(|o| o == s))
        .collect();
    assert!(pos.windows(2).all(|w| w[0] < w[1]), "{sections:?}");
    for (i, c) in report.comparisons.iter().enumerate() {
        if c.verdict != Verdict::Conflict {
            continue;
        }
        let card = doc
            .select(&sel(&format!("#conflicts article#c{i}")))
            .next()
            .unwrap_or_else(|| panic!("conflict {} missing", c.key));
        assert!(card.text().any(|t| t.contains("conflict")), "verdict word");
        for id in &c.facts {
            let f = report.fact(id).expect("fact");
            let fig = card
                .select(&sel(&format!("a.fig[href='#{id}']")))
                .next()
                .unwrap_or_else(|| panic!("{}: no highlighted figure for {id}", c.key));
            assert_eq!(fig.text().collect::<String>(), f.text);
        }
    }
}

/// A folder with two short articles, one of whose texts is markup.
fn hostile_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("a.txt"),
        "---\noutlet: A <b>bold</b> outlet\npublished: 2025-08-16\n---\n\
         The talks lasted three hours. <script>document.documentElement.setAttribute('data-pwned','script')</script>\n\
         <img src=x onerror=\"document.documentElement.setAttribute('data-pwned','img')\"> Officials said 12 people were hurt.\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("b.txt"),
        "---\npublished: 2025-08-16\n---\nThe talks lasted four hours, and 12 people were hurt. </textarea><!-- \"'&amp;\n",
    )
    .expect("write");
    dir
}

fn hostile_page(dir: &Path) -> String {
    let report = crosscheck::run(&crosscheck::Config {
        paths: vec![dir.to_path_buf()],
        ..Default::default()
    })
    .expect("runs");
    html::render_files(&report, "<script>alert(1)</script>").expect("renders")
}

#[test]
fn markup_in_an_article_renders_as_text() {
    let dir = hostile_folder();
    let p = hostile_page(dir.path());
    let doc = Html::parse_document(&p);
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    // The page's own script is the only script, and no element has an
    // event handler.
    assert_eq!(doc.select(&sel("script")).count(), 1);
    assert_eq!(doc.select(&sel("img, [onerror], b")).count(), 0);
    let text: String = doc.root_element().text().collect();
    assert!(
        text.contains("<script>document.documentElement"),
        "shown as text"
    );
    assert!(text.contains("<img src=x onerror="), "shown as text");
    assert!(text.contains("</textarea><!-- \"'&amp;"), "shown as text");
    assert!(text.contains("A <b>bold</b> outlet"));
}

// ---- in the browser ----

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CROSSCHECK_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    let dirs: Vec<PathBuf> = std::env::split_paths(&path).collect();
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| dirs.iter().map(move |d| d.join(name)))
        .find(|p| p.is_file())
}

/// The browser, or `None` when the tests are to be skipped.
fn browser() -> Option<PathBuf> {
    match chromium() {
        Some(p) => Some(p),
        None if std::env::var_os("CROSSCHECK_SKIP_BROWSER").is_some() => {
            eprintln!(
                "\n*** SKIPPED: the HTML browser test needs Chromium, which is not installed \
                 (CROSSCHECK_SKIP_BROWSER is set). Install it with `apt-get install -y chromium`. ***\n"
            );
            None
        }
        None => panic!(
            "the HTML browser test needs Chromium and found none: install Debian's package \
             (`apt-get update && apt-get install -y chromium`; .ci/run does this), point \
             CROSSCHECK_CHROMIUM at a Chromium binary, or set CROSSCHECK_SKIP_BROWSER=1 to skip"
        ),
    }
}

/// Runs headless Chromium on `file` with `args`, killed after a minute.
fn run_chromium(bin: &Path, file: &Path, args: &[&str]) -> String {
    let profile = tempfile::tempdir().expect("profile dir");
    let mut child = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-extensions",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(format!("file://{}", file.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", bin.display()));
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut stdout, &mut s);
        s
    });
    loop {
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("chromium did not finish within a minute");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    reader.join().expect("reader")
}

/// The test hook: a script appended to a copy of the page that follows a
/// figure's link, reads what the page shows, and uses the filter; its
/// findings are written into the page as JSON for `--dump-dom`.
const HOOK: &str = r#"<script>
window.addEventListener('load', function () {
  var out = {conflicts: [], target: null, filter: {}};
  document.querySelectorAll('#conflicts .cmp').forEach(function (c) {
    var figs = [];
    c.querySelectorAll('a.fig').forEach(function (a) {
      var st = getComputedStyle(a);
      figs.push({href: a.getAttribute('href'), text: a.textContent, bg: st.backgroundColor,
                 visible: a.getClientRects().length > 0});
    });
    out.conflicts.push({id: c.id, visible: c.getClientRects().length > 0, figs: figs});
  });
  var fig = document.querySelector('#conflicts a.fig');
  fig.click();
  setTimeout(function () {
    var t = document.querySelector(':target');
    if (t) {
      var r = t.getBoundingClientRect(), st = getComputedStyle(t);
      var art = t.closest('article');
      out.target = {href: fig.getAttribute('href'), id: t.id, tag: t.tagName, cls: t.className,
        text: t.textContent, article: art && art.id, outline: st.outlineStyle,
        inView: r.top >= -1 && r.bottom <= window.innerHeight, top: r.top,
        onTop: t.contains(document.elementFromPoint(r.left + 2, (r.top + r.bottom) / 2))};
    }
    var visible = function (sel) { return Array.prototype.filter.call(document.querySelectorAll(sel),
      function (e) { return e.getClientRects().length > 0; }).length; };
    var conflictBox = document.querySelector('#filters input[name=verdict][value=conflict]');
    out.filter.before = visible('.cmp[data-verdict=conflict]');
    conflictBox.click();
    out.filter.hidden = visible('.cmp[data-verdict=conflict]');
    out.filter.othersShown = visible('.cmp:not([data-verdict=conflict])');
    out.filter.sectionHidden = document.getElementById('conflicts').hidden;
    out.filter.status = document.getElementById('shown').textContent;
    conflictBox.click();
    out.filter.after = visible('.cmp[data-verdict=conflict]');
    var quote = document.querySelector('#filters input[name=kind][value=quote]');
    quote.click();
    out.filter.quotesHidden = visible('.cmp[data-kind=quote]');
    quote.click();
    var pre = document.createElement('pre');
    pre.id = 'test-results';
    pre.textContent = JSON.stringify(out);
    document.body.appendChild(pre);
  }, 100);
});
</script>"#;

fn results(dom: &str) -> serde_json::Value {
    let doc = Html::parse_document(dom);
    let pre = doc.select(&sel("#test-results")).next().unwrap_or_else(|| {
        panic!(
            "the test hook wrote no results; page:\n{}",
            &dom[..dom.len().min(2000)]
        )
    });
    serde_json::from_str(&pre.text().collect::<String>()).expect("results are JSON")
}

#[test]
fn in_chromium_conflicts_links_and_filter_work() {
    let Some(bin) = browser() else { return };
    let report = corpus_report();
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("report.html");
    let p = page().replace("</body>", &format!("{HOOK}</body>"));
    std::fs::write(&file, p).expect("write");
    let dom = run_chromium(
        &bin,
        &file,
        &[
            "--window-size=1280,900",
            "--virtual-time-budget=5000",
            "--dump-dom",
        ],
    );
    let r = results(&dom);

    // Every conflict, visible, with every outlet's words highlighted.
    let conflicts: Vec<_> = report
        .comparisons
        .iter()
        .enumerate()
        .filter(|(_, c)| c.verdict == Verdict::Conflict)
        .collect();
    let shown = r["conflicts"].as_array().expect("conflicts");
    assert_eq!(shown.len(), conflicts.len(), "{shown:#?}");
    for (i, c) in conflicts {
        let card = shown
            .iter()
            .find(|s| s["id"] == format!("c{i}"))
            .unwrap_or_else(|| panic!("{} not shown", c.key));
        assert_eq!(card["visible"], true, "{}", c.key);
        for id in &c.facts {
            let f = report.fact(id).expect("fact");
            let fig = card["figs"]
                .as_array()
                .expect("figs")
                .iter()
                .find(|g| g["href"] == format!("#{id}"))
                .unwrap_or_else(|| panic!("{}: {id} not highlighted", c.key));
            assert_eq!(fig["text"], &*f.text);
            assert_eq!(fig["visible"], true);
            let bg = fig["bg"].as_str().unwrap_or("");
            assert!(
                bg != "rgba(0, 0, 0, 0)" && bg != "transparent",
                "{}: {id} not highlighted ({bg})",
                c.key
            );
        }
    }

    // Following a figure's link shows the article with that span marked.
    let t = &r["target"];
    assert!(t.is_object(), "clicking a figure targeted nothing: {r}");
    let href = t["href"].as_str().expect("href");
    let id = crosscheck::fact::FactId::parse(&href[1..]).expect("a fact id");
    let f = report.fact(&id).expect("a fact");
    assert_eq!(t["id"], f.id.to_string());
    assert_eq!(t["tag"], "MARK");
    assert!(
        t["cls"].as_str().unwrap_or("").contains("v-conflict"),
        "{t}"
    );
    assert!(t["text"].as_str().unwrap_or("").contains(&*f.text), "{t}");
    assert_eq!(t["article"], format!("article-{}", f.source));
    assert_eq!(t["outline"], "solid", "the targeted span is outlined");
    assert_eq!(t["inView"], true, "the browser scrolled to the span: {t}");
    assert_eq!(
        t["onTop"], true,
        "nothing (the sticky filter) covers the span: {t}"
    );

    // The filter hides and shows comparisons.
    let fl = &r["filter"];
    assert!(fl["before"].as_u64().unwrap_or(0) > 0, "{fl}");
    assert_eq!(fl["hidden"], 0, "{fl}");
    assert!(fl["othersShown"].as_u64().unwrap_or(0) > 0, "{fl}");
    assert_eq!(fl["sectionHidden"], true, "{fl}");
    assert_eq!(fl["after"], fl["before"], "{fl}");
    assert_eq!(fl["quotesHidden"], 0, "{fl}");
    assert!(
        fl["status"].as_str().unwrap_or("").starts_with("Showing"),
        "{fl}"
    );
}

#[test]
fn in_chromium_article_markup_does_not_run() {
    let Some(bin) = browser() else { return };
    let src = hostile_folder();
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("hostile.html");
    std::fs::write(&file, hostile_page(src.path())).expect("write");
    let dom = run_chromium(&bin, &file, &["--virtual-time-budget=3000", "--dump-dom"]);
    let doc = Html::parse_document(&dom);
    assert!(dom.contains("<html"), "chromium printed no page: {dom}");
    assert_eq!(
        doc.root_element().value().attr("data-pwned"),
        None,
        "markup from an article ran"
    );
    // The page's own script ran: the filter is shown.
    let form = doc.select(&sel("#filters")).next().expect("filter form");
    assert_eq!(form.value().attr("hidden"), None, "the page's script ran");
}

/// Screenshots of the example at desktop and phone width, for a person to
/// look at (target/screenshots/, not committed).
#[test]
fn in_chromium_screenshots_for_review() {
    let Some(bin) = browser() else { return };
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&out).expect("screenshot folder");
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE);
    for (name, size) in [("desktop", "1280,2000"), ("phone", "390,2000")] {
        let png = out.join(format!("alaska-summit-{name}.png"));
        let _ = std::fs::remove_file(&png);
        run_chromium(
            &bin,
            &file,
            &[
                &format!("--window-size={size}"),
                &format!("--screenshot={}", png.display()),
            ],
        );
        let len = std::fs::metadata(&png).map(|m| m.len()).unwrap_or(0);
        assert!(len > 10_000, "{name} screenshot not written ({len} bytes)");
    }
}

fn diff_page() -> String {
    let d = crosscheck::compare::diff::compute(
        Path::new(&format!("{CORPUS}/reuters.txt")),
        Path::new(&format!("{CORPUS}/reuters-condensed.txt")),
        None,
    )
    .expect("diff");
    crosscheck::render::diff::html(&d).expect("renders")
}
