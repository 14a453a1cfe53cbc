//! Wire lineage on real text: the example corpus, and articles built from
//! its sentences (a trimmed copy, quotes shared without copying).

use crosscheck::compare::lineage::{self, Link, Relation};
use crosscheck::rules::Rules;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const CORPUS: &str = "tests/fixtures/alaska-summit";

fn detect(paths: &[PathBuf]) -> Vec<Link> {
    let rules = Rules::load(None).expect("embedded rules load");
    let docs = crosscheck::load_documents(paths, None, &rules).expect("articles load");
    lineage::detect(&docs)
}

fn corpus_links() -> Vec<Link> {
    detect(&[PathBuf::from(CORPUS)])
}

fn write(dir: &Path, name: &str, outlet: &str, published: &str, body: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(
        &path,
        format!("---\noutlet: {outlet}\npublished: {published}\n---\n{body}\n"),
    )
    .expect("temp file written");
    path
}

/// The body of the Reuters story: the lines between the front matter and
/// the aggregator's "Try Our AI Features" block.
fn reuters_body() -> Vec<String> {
    let text = std::fs::read_to_string(Path::new(CORPUS).join("reuters.txt")).expect("fixture");
    text.lines()
        .skip(5)
        .take_while(|l| !l.starts_with("Try Our AI Features"))
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn condensed_reuters_is_a_rewrite_of_reuters() {
    let links = corpus_links();
    let l = links
        .iter()
        .find(|l| l.to == "reuters-condensed")
        .expect("reuters-condensed has a source");
    assert_eq!(l.from, "reuters");
    assert_eq!(l.relation, Relation::Rewrite);
    assert!(l.shared >= 0.5, "shared {}", l.shared);
    // The evidence holds the reworded Lipavsky sentence.
    assert!(l.evidence.iter().any(|e| {
        e.from_text.contains("doubted Putin's interest in a deal")
            && e.to_text.contains("doubted Putin’s sincerity")
    }));
}

#[test]
fn aljazeera_borrows_at_most_partially_from_reuters() {
    let links = corpus_links();
    for l in links
        .iter()
        .filter(|l| l.from == "aljazeera" || l.to == "aljazeera")
    {
        assert_eq!(l.relation, Relation::Partial, "{l:?}");
        assert!(l.from == "reuters" || l.to == "reuters", "{l:?}");
        // What is borrowed is a verbatim passage outside quotes.
        assert!(l.evidence.iter().any(|e| {
            e.to_text
                .contains("the two leaders said they had made progress on unspecified issues")
        }));
    }
}

#[test]
fn no_relation_between_the_independent_outlets() {
    let links = corpus_links();
    let pairs: BTreeSet<(&str, &str)> = links
        .iter()
        .map(|l| (l.from.as_str(), l.to.as_str()))
        .collect();
    assert_eq!(
        pairs,
        BTreeSet::from([("reuters", "aljazeera"), ("reuters", "reuters-condensed")])
    );
}

#[test]
fn a_rewrite_counts_once_and_partial_borrowing_stays_independent() {
    let links = corpus_links();
    let all = BTreeSet::from([
        "aljazeera",
        "reuters",
        "reuters-condensed",
        "uk-daily",
        "wsj",
    ]);
    assert_eq!(lineage::independent(&all, &links), 4);
    let pair = BTreeSet::from(["reuters", "reuters-condensed"]);
    assert_eq!(lineage::independent(&pair, &links), 1);
    let partial = BTreeSet::from(["reuters", "aljazeera"]);
    assert_eq!(lineage::independent(&partial, &links), 2);
}

#[test]
fn a_trimmed_copy_is_a_copy_from_the_earlier_article() {
    let dir = tempfile::tempdir().expect("temp dir");
    let body = reuters_body();
    // An aggregator runs the story a day later, last paragraphs cut.
    let copy: Vec<String> = body[..body.len() - 6].to_vec();
    let original = write(
        dir.path(),
        "wire.txt",
        "Wire",
        "2025-08-16",
        &body.join("\n"),
    );
    let later = write(
        dir.path(),
        "site.txt",
        "Site",
        "2025-08-17",
        &copy.join("\n"),
    );
    let links = detect(&[later, original]);
    assert_eq!(links.len(), 1, "{links:?}");
    assert_eq!(
        (links[0].from.as_str(), links[0].to.as_str()),
        ("wire", "site")
    );
    assert_eq!(links[0].relation, Relation::Copy);
    assert!(links[0].shared > 0.9, "shared {}", links[0].shared);
}

#[test]
fn without_dates_the_contained_article_is_the_later_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let body = reuters_body();
    let copy: Vec<String> = body[2..body.len() - 4].to_vec();
    let a = dir.path().join("full.txt");
    let b = dir.path().join("short.txt");
    std::fs::write(&a, body.join("\n")).expect("written");
    std::fs::write(&b, copy.join("\n")).expect("written");
    let links = detect(&[b, a]);
    assert_eq!(links.len(), 1, "{links:?}");
    assert_eq!(
        (links[0].from.as_str(), links[0].to.as_str()),
        ("full", "short")
    );
}

#[test]
fn shared_quotes_alone_are_not_lineage() {
    // Two outlets quote the same press conference word for word, each in
    // its own prose (the Al Jazeera and UK-daily framings of Trump's and
    // Putin's words).
    let dir = tempfile::tempdir().expect("temp dir");
    let a = write(
        dir.path(),
        "first.txt",
        "First",
        "2025-08-16",
        "A visibly upbeat Putin was the first to speak at the news conference in Anchorage.\n\
         'There were many, many points that we agreed on. Most of them, I would say. A couple of big ones that we haven't quite got there, but we've made some headway,' Trump said.\n\
         'So there is no deal until there is a deal,' Trump said, adding that he will now call up NATO as well as President Zelenskyy and others to brief them on the meeting.\n\
         'There are just a very few that are left; some are not that significant, one is probably the most significant,' Trump said without elaborating.\n\
         'But we have a very good chance of getting there. We didn't get there, but we have a very good chance of getting there.'\n\
         Al Jazeera's Kimberly Halkett, reporting from Anchorage, said the president is likely to come in for criticism.",
    );
    let b = write(
        dir.path(),
        "second.txt",
        "Second",
        "2025-08-16",
        "The US president told reporters that the two leaders had not reached an agreement after they emerged from nearly three hours of talks.\n\
         \"There were many, many points that we agreed on. Most of them, I would say. A couple of big ones that we haven't quite got there, but we've made some headway,\" Mr Trump said.\n\
         \"So there is no deal until there is a deal,\" he told the assembled media before the two men shook hands and left the stage.\n\
         He added: \"There are just a very few that are left; some are not that significant, one is probably the most significant.\"\n\
         \"But we have a very good chance of getting there. We didn't get there, but we have a very good chance of getting there.\"\n\
         Neither Putin nor Trump used the word ceasefire in the short statements they made.",
    );
    let links = detect(&[a, b]);
    assert!(links.is_empty(), "{links:?}");
}

#[test]
fn lineage_json_has_the_documented_shape() {
    let report = crosscheck::run(&crosscheck::Config {
        paths: vec![PathBuf::from(CORPUS)],
        ..Default::default()
    })
    .expect("corpus runs");
    let json: serde_json::Value =
        serde_json::from_str(&crosscheck::render::json::render(&report)).expect("valid JSON");
    let first = &json["lineage"][0];
    for key in ["from", "to", "relation", "shared", "evidence"] {
        assert!(!first[key].is_null(), "lineage entry lacks {key}: {first}");
    }
    let relations: BTreeSet<&str> = json["lineage"]
        .as_array()
        .expect("lineage array")
        .iter()
        .filter_map(|l| l["relation"].as_str())
        .collect();
    assert_eq!(relations, BTreeSet::from(["partial", "rewrite"]));
}

#[test]
fn the_markdown_report_draws_the_lineage_graph() {
    let report = crosscheck::run(&crosscheck::Config {
        paths: vec![PathBuf::from(CORPUS)],
        ..Default::default()
    })
    .expect("corpus runs");
    let md = crosscheck::render::markdown::render(&report, "alaska-summit");
    assert!(md.contains("## Lineage"));
    assert!(md.contains("| reuters | rewrite | reuters-condensed |"));
    assert!(md.contains("```mermaid\ngraph LR\n"));
    assert!(md.contains("-->|\"rewrite"));
    assert!(md.contains("-.->|\"partial"));
    assert!(md.contains("Independent of every other source: uk-daily, wsj."));
}

#[test]
fn a_reordered_rewrite_is_still_a_rewrite() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text =
        std::fs::read_to_string(Path::new(CORPUS).join("reuters-condensed.txt")).expect("fixture");
    let mut lines: Vec<&str> = text.lines().skip(4).filter(|l| !l.is_empty()).collect();
    lines.reverse();
    let shuffled = write(
        dir.path(),
        "shuffled.txt",
        "S",
        "2025-08-17",
        &lines.join("\n"),
    );
    let links = detect(&[PathBuf::from(CORPUS).join("reuters.txt"), shuffled]);
    assert_eq!(links[0].relation, Relation::Rewrite);
}
