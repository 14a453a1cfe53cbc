//! `crosscheck diff BASE VARIANT` on the Reuters story and its condensed
//! rewrite, the way an editor reviewing the variant runs it.

use assert_cmd::Command;
use serde_json::Value;

const BASE: &str = "tests/fixtures/alaska-summit/reuters.txt";
const VARIANT: &str = "tests/fixtures/alaska-summit/reuters-condensed.txt";

fn diff(format: &str) -> String {
    let out = Command::cargo_bin("crosscheck")
        .expect("binary built")
        .args(["diff", BASE, VARIANT, "--format", format])
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

fn json() -> Value {
    serde_json::from_str(&diff("json")).expect("valid JSON")
}

#[test]
fn the_war_age_is_a_changed_fact_with_both_versions() {
    let j = json();
    let changed = j["changed_facts"].as_array().expect("array");
    assert!(
        changed
            .iter()
            .any(|c| c["base"]["text"] == "3-1/2-year-old war"
                && c["variant"]["text"] == "in its fourth year"
                && c["change"] == "value"),
        "{changed:#?}"
    );
    let table = diff("table");
    let changed_section = table
        .split("Changed facts")
        .nth(1)
        .expect("a changed-facts section");
    let row = changed_section
        .lines()
        .find(|l| l.contains("3-1/2-year-old war"))
        .expect("age row");
    assert!(row.contains("in its fourth year"), "{row}");
}

#[test]
fn changed_facts_come_first() {
    let table = diff("table");
    let changed = table.find("Changed facts").expect("changed facts");
    let reworded = table
        .find("Reworded sentences")
        .expect("reworded sentences");
    assert!(changed < reworded);
    let md = diff("markdown");
    assert!(md.find("## Changed facts") < md.find("## Reworded sentences"));
}

#[test]
fn the_same_value_in_other_words_is_a_rewording() {
    let j = json();
    let changed = j["changed_facts"].as_array().expect("array");
    let since = changed
        .iter()
        .find(|c| c["base"]["kind"] == "since" && c["base"]["subject"] == "deadliest war")
        .expect("the deadliest-conflict window");
    assert_eq!(
        since["variant"]["text"],
        "deadliest conflict in eight decades"
    );
    assert_eq!(since["change"], "wording");
}

#[test]
fn the_facts_the_rewrite_dropped_are_listed() {
    let j = json();
    let dropped: Vec<&str> = j["dropped_facts"]
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|f| f["text"].as_str())
        .collect();
    for text in [
        "hundreds of children",
        "thousands of civilians",
        "first meeting since 2019",
        "one-fifth of Ukraine",
    ] {
        assert!(dropped.contains(&text), "{text} not in {dropped:?}");
    }
    let md = diff("markdown");
    assert!(md.contains("## Facts reuters-condensed dropped"));
}

#[test]
fn sentences_are_aligned_with_word_diffs() {
    let j = json();
    let sentences = j["sentences"].as_array().expect("array");
    let lipavsky = sentences
        .iter()
        .find(|s| {
            s["change"] == "reworded"
                && s["variant"]
                    .as_str()
                    .is_some_and(|t| t.contains("If he were serious about peace"))
        })
        .expect("the reworded Lipavsky quote");
    assert_eq!(lipavsky["base_line"], 18);
    let ops = lipavsky["words"].as_array().expect("word ops");
    assert!(
        ops.iter()
            .any(|o| o["op"] == "delete" && o["text"] == "negotiating")
    );
    // A paragraph the rewrite added, and one it cut.
    assert!(sentences.iter().any(|s| {
        s["change"] == "added"
            && s["variant"]
                .as_str()
                .is_some_and(|t| t.contains("catch a little heat"))
    }));
    assert!(sentences.iter().any(|s| {
        s["change"] == "cut"
            && s["base"]
                .as_str()
                .is_some_and(|t| t.contains("Rostov and Bryansk"))
    }));
    let table = diff("table");
    assert!(table.contains("were serious about [-negotiating-] peace"));
}

#[test]
fn a_sentence_merged_into_another_is_not_cut() {
    // The rewrite folds "Both Moscow and Kyiv deny targeting civilians in
    // the war." into its casualties sentence.
    let j = json();
    let sentences = j["sentences"].as_array().expect("array");
    let merged = sentences
        .iter()
        .find(|s| {
            s["base"]
                .as_str()
                .is_some_and(|t| t.starts_with("Both Moscow and Kyiv deny targeting civilians"))
        })
        .expect("the sentence is listed");
    assert_eq!(merged["change"], "reworded");
    assert!(
        merged["variant"]
            .as_str()
            .is_some_and(|t| t.starts_with("Both sides in the war deny targeting civilians"))
    );
}

#[test]
fn an_article_against_itself_has_no_changes() {
    let out = Command::cargo_bin("crosscheck")
        .expect("binary built")
        .args(["diff", BASE, BASE, "--format", "json"])
        .output()
        .expect("runs");
    let j: Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(j["changed_facts"].as_array().map(Vec::len), Some(0));
    assert_eq!(j["dropped_facts"].as_array().map(Vec::len), Some(0));
    assert!(
        j["sentences"]
            .as_array()
            .expect("array")
            .iter()
            .all(|s| s["change"] == "kept")
    );
}

#[test]
fn a_missing_file_is_a_one_line_error() {
    let out = Command::cargo_bin("crosscheck")
        .expect("binary built")
        .args(["diff", BASE, "tests/fixtures/alaska-summit/missing.txt"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("crosscheck: "), "{err}");
    assert!(err.contains("missing.txt"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
}

#[test]
fn a_folder_is_a_one_line_error() {
    let out = Command::cargo_bin("crosscheck")
        .expect("binary built")
        .args(["diff", "tests/fixtures/alaska-summit", VARIANT])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("crosscheck: "), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
}

#[test]
fn the_altered_quotes_are_changed_facts() {
    let j = json();
    let changed = j["changed_facts"].as_array().expect("array");
    let quote_pair = |base: &str, variant: &str| {
        changed.iter().any(|c| {
            c["base"]["kind"] == "quote"
                && c["base"]["text"].as_str().is_some_and(|t| t.contains(base))
                && c["variant"]["text"]
                    .as_str()
                    .is_some_and(|t| t.contains(variant))
        })
    };
    assert!(quote_pair("many, many points", "many points of agreement"));
    assert!(quote_pair("get them at a table", "get them to the table"));
    assert!(quote_pair(
        "If Putin were serious about negotiating peace",
        "If he were serious about peace"
    ));
}

#[test]
fn html_shows_changed_facts_first_linked_into_both_texts() {
    use scraper::{Html, Selector};
    let page = diff("html");
    let doc = Html::parse_document(&page);
    assert!(doc.errors.is_empty(), "parse errors: {:?}", doc.errors);
    let sel = |s: &str| Selector::parse(s).expect("selector");
    let sections: Vec<&str> = doc
        .select(&sel("main > section"))
        .filter_map(|s| s.value().attr("id"))
        .collect();
    assert_eq!(sections, ["changed", "texts"]);
    // The war's age: both versions' words, each linked to its mark in the
    // side-by-side texts, base left and variant right.
    let row = doc
        .select(&sel("#changed tbody tr"))
        .find(|r| r.text().any(|t| t.contains("3-1/2-year-old war")))
        .expect("the age row");
    let links: Vec<&str> = row
        .select(&sel("a"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(links.len(), 2, "{links:?}");
    for (href, words, column) in [
        (links[0], "3-1/2-year-old war", 2),
        (links[1], "in its fourth year", 3),
    ] {
        let mark = doc
            .select(&sel(&format!("mark{href}")))
            .next()
            .unwrap_or_else(|| panic!("no mark {href}"));
        assert!(mark.text().collect::<String>().contains(words));
        let cell = mark
            .ancestors()
            .filter_map(scraper::ElementRef::wrap)
            .find(|e| e.value().attr("role") == Some("cell"))
            .expect("in a cell");
        let row = scraper::ElementRef::wrap(cell.parent().expect("row")).expect("row");
        let n = row
            .children()
            .filter_map(scraper::ElementRef::wrap)
            .position(|c| c.id() == cell.id())
            .expect("cell in row");
        assert_eq!(n + 1, column, "{words} in the wrong column");
    }
    // Every link lands on one element.
    let mut ids = std::collections::BTreeSet::new();
    for e in doc.select(&sel("[id]")) {
        let id = e.value().attr("id").unwrap_or("");
        assert!(ids.insert(id), "id {id} twice");
    }
    for a in doc.select(&sel("a[href]")) {
        let href = a.value().attr("href").unwrap_or("");
        assert!(ids.contains(&href[1..]), "link to a missing {href}");
    }
    // Cut and added words are marked as such, not by colour alone.
    assert!(doc.select(&sel("#texts del")).count() > 0);
    assert!(doc.select(&sel("#texts ins")).count() > 0);
    for word in ["reworded", "cut", "added"] {
        assert!(
            doc.select(&sel(&format!("#texts .tag.t-{word}"))).count() > 1,
            "{word}"
        );
    }
}
