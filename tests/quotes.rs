//! Direct quotes: the typographic cases of real news text, speakers through
//! pronouns and titles, the word diff, and the example corpus scored against
//! its hand annotation (`gold.toml`, the `quote` facts).

use crosscheck::clean::example_document;
use crosscheck::compare::Verdict;
use crosscheck::compare::quotes::word_diff;
use crosscheck::extract::extract_kind;
use crosscheck::fact::{Fact, Kind, Value};
use crosscheck::normalise::names;
use crosscheck::rules::Rules;
use crosscheck::{Config, Report};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const CORPUS: &str = "tests/fixtures/alaska-summit";

/// (words, speaker key, speech) of every quote in `text`.
fn quotes(text: &str) -> Vec<(String, Option<String>, bool)> {
    static RULES: OnceLock<Rules> = OnceLock::new();
    let rules = RULES.get_or_init(|| Rules::embedded().expect("embedded rules load"));
    let doc = example_document(text, None, rules);
    extract_kind(Kind::Quote, &doc, rules)
        .into_iter()
        .map(|f| match f.value {
            Value::Quote { words, speech, .. } => (words, f.speaker, speech),
            _ => unreachable!("quote extractor made a {:?}", f.kind),
        })
        .collect()
}

fn said(words: &str, name: &str) -> (String, Option<String>, bool) {
    (words.to_string(), Some(names::key(name)), true)
}

#[test]
fn curly_double_quotes_with_attribution_after() {
    // uk-daily
    assert_eq!(
        quotes(
            "As he headed to the summit aboard Air Force One, Mr Trump had said he wanted the meeting to lead to a ceasefire in Ukraine. “I want to see a ceasefire rapidly… I’m not going to be happy if it’s not today,” he said. “I want the killing to stop.”"
        ),
        vec![
            said("I want to see a ceasefire rapidly", "Trump"),
            said("I’m not going to be happy if it’s not today,", "Trump"),
            said("I want the killing to stop.", "Trump"),
        ]
    );
}

#[test]
fn straight_double_quotes_and_a_backdrop_that_is_not_speech() {
    // reuters
    let got = quotes(
        r#""There were many, many points that we agreed on. I would say a couple of big ones that we haven't quite got there, but we've made some headway," Trump said, standing in front of a backdrop that read, "Pursuing Peace.""#,
    );
    assert_eq!(
        got,
        vec![
            said(
                "There were many, many points that we agreed on. I would say a couple of big ones that we haven't quite got there, but we've made some headway,",
                "Trump"
            ),
            ("Pursuing Peace.".to_string(), None, false),
        ]
    );
}

#[test]
fn single_quote_house_style_keeps_apostrophes_inside() {
    // aljazeera: the apostrophe and the closing quote are one character.
    let got = quotes(
        "'There were many, many points that we agreed on. Most of them, I would say. A couple of big ones that we haven't quite got there, but we've made some headway,' Trump said.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].0.ends_with("we've made some headway,"), "{got:?}");
    assert_eq!(got[0].1, Some(names::key("Trump")));
    // wsj
    assert_eq!(
        quotes(
            "'There's no deal until there is a deal,' Trump told reporters at a news conference following the close of the summit."
        ),
        vec![said("There's no deal until there is a deal,", "Trump")]
    );
}

#[test]
fn a_quote_split_by_its_attribution_keeps_its_speaker() {
    // uk-daily
    assert_eq!(
        quotes(
            "Earlier in the week, Mr Trump had told reporters aboard Air Force One that: “I’m not here to negotiate for Ukraine,” Trump said. “I’m here to get them at a table.”"
        ),
        vec![
            said("I’m not here to negotiate for Ukraine,", "Trump"),
            said("I’m here to get them at a table.", "Trump"),
        ]
    );
}

#[test]
fn a_multi_sentence_quote_is_one_fact() {
    // reuters
    assert_eq!(
        quotes(
            r#"Ukraine's opposition lawmaker Oleksiy Honcharenko said on the Telegram messaging app, "It seems Putin has bought himself more time. No ceasefire or de-escalation has been agreed upon.""#
        ),
        vec![said(
            "It seems Putin has bought himself more time. No ceasefire or de-escalation has been agreed upon.",
            "Honcharenko"
        )]
    );
}

#[test]
fn partial_quotes_inside_reported_speech() {
    // reuters
    assert_eq!(
        quotes(
            r#"Putin said he expected Ukraine and its European allies to accept the results of the US-Russia negotiation constructively and not try to "disrupt the emerging progress.""#
        ),
        vec![said("disrupt the emerging progress.", "Putin")]
    );
    // reuters-condensed: two partial quotes, one speaker.
    assert_eq!(
        quotes(
            "Putin said he expected Kyiv and its European allies to respond “constructively” to the results of the US–Russia talks, which he hoped would become “a reference point” for resolving the conflict."
        ),
        vec![
            said("constructively", "Putin"),
            said("a reference point", "Putin")
        ]
    );
}

#[test]
fn he_is_the_person_the_article_was_talking_about() {
    // reuters: the previous sentence names Lipavsky, and Putin only inside
    // the quote.
    let got = quotes(
        r#"Czech Foreign Minister Jan Lipavsky said in a statement that he welcomed Trump's efforts but doubted Putin's interest in a deal. "If Putin were serious about negotiating peace, he would not have been attacking Ukraine all day today," he said."#,
    );
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].1, Some(names::key("Lipavsky")));
    // reuters-condensed: "He added" after a quote of Trump's, though the
    // sentence before that was about Zelenskiy.
    let got = quotes(
        "Zelenskiy and European allies had voiced concerns that Trump might accept a “frozen” conflict. Trump sought to allay those fears, saying: “I’m not here to negotiate for Ukraine, I’m here to get them to the table.” He added that a rapid ceasefire was his goal: “I want the killing to stop.”",
    );
    let speakers: Vec<Option<String>> = got.iter().skip(1).map(|q| q.1.clone()).collect();
    assert_eq!(speakers, vec![Some(names::key("Trump")); 2], "{got:?}");
}

#[test]
fn titles_resolve_to_the_person_named_with_them() {
    // wsj names Putin "Russian leader" in its first sentence.
    assert_eq!(
        quotes(
            "President Trump and Russian leader Vladimir Putin ended their highly anticipated meeting here without announcing a breakthrough. Trump said he would call Zelensky. 'Next time in Moscow,' the Russian leader said."
        ),
        vec![said("Next time in Moscow,", "Putin")]
    );
    // uk-daily never introduces the title: the person spoken of is meant.
    let got = quotes(
        "There was no sign of what the major sticking point could have been although Putin said that Mr Trump had insisted on highlighting the importance of Ukraine’s security. “ We’re convinced that in order to make the settlement lasting and long-term, we need to eliminate all the primary roots.” the Russian leader said.",
    );
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].1, Some(names::key("Putin")));
    // aljazeera: "the president" after a quote of Trump's that names
    // President Zelenskyy.
    let got = quotes(
        "'So there is no deal until there is a deal,' Trump said, adding that he will now call up NATO as well as President Zelenskyy and others to brief them on the meeting. 'It's ultimately up to them,' the president said.",
    );
    assert_eq!(got[1], said("It's ultimately up to them,", "Trump"));
}

#[test]
fn headings_in_capitals_and_words_mentioned_are_not_speech() {
    // reuters runs a section heading into the paragraph before it.
    assert_eq!(
        quotes("But thousands of civilians have died in the conflict. 'COUNTING ON AMERICA'"),
        vec![]
    );
    // uk-daily
    assert_eq!(
        quotes(
            "Neither Putin nor Trump used the word “ceasefire” in the short statements they made to the assembled media."
        ),
        vec![("ceasefire".to_string(), None, false)]
    );
}

#[test]
fn the_diff_shows_changed_words_in_each_outlets_own_words() {
    assert_eq!(
        word_diff(
            "I'm not here to negotiate for Ukraine, I'm here to get them at a table,",
            "I’m not here to negotiate for Ukraine, I’m here to get them to the table."
        ),
        "… get them ~~at a~~ **to the** table"
    );
    assert_eq!(
        word_diff(
            "There were many, many points that we agreed on. Most of them, I would say. A couple of big ones",
            "There were many, many points that we agreed on. I would say a couple of big ones"
        ),
        "… agreed on ~~Most of them~~ I would …"
    );
}

#[test]
fn stray_marks_and_long_runs_do_not_panic_or_stall() {
    for text in [
        "\"",
        "'",
        "“",
        "”",
        "‘’",
        "\"\"",
        "'' ''",
        "“ ”",
        "He said: “",
        "… \" ...",
        "“é…”",
        "'Ünïcödé,' she said.",
        "the leaders' aims",
    ] {
        quotes(text);
    }
    let long = "“We are counting on America,” he said. ".repeat(5_000);
    let got = quotes(&long);
    assert_eq!(got.len(), 5_000);
}

// ---------------------------------------------------------------- corpus

fn corpus_report() -> Report {
    crosscheck::run(&Config {
        paths: vec![PathBuf::from(CORPUS)],
        ..Config::default()
    })
    .expect("the corpus loads")
}

struct GoldFact {
    key: String,
    verdict: String,
    values: Vec<(String, String)>,
}

struct Gold {
    facts: Vec<GoldFact>,
    /// source → byte regions that are not the outlet's story.
    regions: BTreeMap<String, Vec<(usize, usize)>>,
}

fn text_of(source: &str) -> Vec<u8> {
    std::fs::read(Path::new(CORPUS).join(format!("{source}.txt"))).expect("corpus file")
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    (from..=hay.len().checked_sub(needle.len())?).find(|&i| &hay[i..i + needle.len()] == needle)
}

fn load_gold() -> Gold {
    let text = std::fs::read_to_string(Path::new(CORPUS).join("gold.toml")).expect("gold.toml");
    let doc: toml::Table = toml::from_str(&text).expect("gold.toml parses");
    let mut regions: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
    for b in doc["boilerplate"].as_array().expect("boilerplate list") {
        let source = b["source"].as_str().unwrap().to_string();
        let body = text_of(&source);
        let from = b["from"].as_str().unwrap().as_bytes();
        let a = find(&body, from, 0).expect("boilerplate start");
        let to = b.get("to").and_then(|t| t.as_str()).unwrap_or("");
        let end = if to.is_empty() {
            body.len()
        } else {
            find(&body, to.as_bytes(), a + 1).expect("boilerplate end")
        };
        regions.entry(source).or_default().push((a, end));
    }
    let facts = doc["fact"]
        .as_array()
        .expect("fact list")
        .iter()
        .filter(|f| f["kind"].as_str() == Some("quote"))
        .map(|f| GoldFact {
            key: f["key"].as_str().unwrap().to_string(),
            verdict: f["verdict"].as_str().unwrap().to_string(),
            values: f["values"]
                .as_table()
                .unwrap()
                .iter()
                .map(|(s, v)| (s.clone(), v.as_str().unwrap().to_string()))
                .collect(),
        })
        .collect();
    Gold { facts, regions }
}

/// Where `phrase` stands in `source`, outside boilerplate.
fn occurrences(gold: &Gold, source: &str, phrase: &str) -> Vec<(usize, usize)> {
    let body = text_of(source);
    let cut = gold.regions.get(source).cloned().unwrap_or_default();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = find(&body, phrase.as_bytes(), from) {
        if !cut.iter().any(|&(a, b)| a <= i && i < b) {
            out.push((i, i + phrase.len()));
        }
        from = i + 1;
    }
    assert!(!out.is_empty(), "gold phrase {phrase:?} not in {source}");
    out
}

/// The quote fact of `source` that overlaps `phrase` most.
fn matched<'a>(report: &'a Report, gold: &Gold, source: &str, phrase: &str) -> Option<&'a Fact> {
    let occ = occurrences(gold, source, phrase);
    report
        .facts
        .iter()
        .filter(|f| f.kind == Kind::Quote && f.source == source)
        .map(|f| {
            let ov = occ
                .iter()
                .map(|&(a, b)| f.end.min(b) as i64 - f.start.max(a) as i64)
                .max()
                .unwrap_or(0);
            (ov, f)
        })
        .filter(|(ov, _)| *ov > 0)
        .max_by_key(|(ov, f)| (*ov, std::cmp::Reverse(f.start)))
        .map(|(_, f)| f)
}

#[test]
fn corpus_quotes_are_found_aligned_and_judged_like_the_gold() {
    let report = corpus_report();
    let gold = load_gold();
    let group_of: BTreeMap<&str, usize> = report
        .comparisons
        .iter()
        .enumerate()
        .flat_map(|(i, c)| c.facts.iter().map(move |id| (id.as_str(), i)))
        .collect();
    let mut total = 0;
    let mut missed = Vec::new();
    let mut gold_of: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut conflicts_found = BTreeSet::new();
    for g in &gold.facts {
        let mut ids = Vec::new();
        for (source, phrase) in &g.values {
            total += 1;
            match matched(&report, &gold, source, phrase) {
                Some(f) => {
                    ids.push(f.id.as_str());
                    gold_of.entry(f.id.as_str()).or_default().insert(&g.key);
                }
                None => missed.push(format!("{} {source}", g.key)),
            }
        }
        let groups: BTreeSet<usize> = ids.iter().map(|id| group_of[id]).collect();
        if ids.len() >= 2
            && groups.len() == 1
            && report.comparisons[*groups.first().unwrap()].verdict == Verdict::Conflict
        {
            conflicts_found.insert(g.key.as_str());
        }
    }
    assert_eq!(total, 33, "gold quote values");
    // Acceptance: at least 30 of 33; today all are.
    assert!(missed.is_empty(), "missed: {missed:#?}");
    for g in gold.facts.iter().filter(|g| g.verdict == "conflict") {
        if g.key == "quote-torpedo-progress" {
            continue; // two translations: see the ignored test below
        }
        assert!(
            conflicts_found.contains(g.key.as_str()),
            "conflict {} not found",
            g.key
        );
    }
    let gold_verdict: BTreeMap<&str, &str> = gold
        .facts
        .iter()
        .map(|g| (g.key.as_str(), g.verdict.as_str()))
        .collect();
    for c in report.comparisons.iter().filter(|c| c.kind == Kind::Quote) {
        let keys: BTreeSet<&str> = c
            .facts
            .iter()
            .filter_map(|id| gold_of.get(id.as_str()))
            .flatten()
            .copied()
            .collect();
        assert!(keys.len() <= 1, "{} mixes gold quotes {keys:?}", c.key);
        if c.verdict == Verdict::Conflict {
            assert!(
                keys.iter().any(|k| gold_verdict[k] == "conflict"),
                "false conflict {}: {}",
                c.key,
                c.detail
            );
        }
    }
    // Nothing quoted in the aggregators' appended articles becomes a fact.
    for f in report.facts.iter().filter(|f| f.kind == Kind::Quote) {
        let cut = gold.regions.get(&f.source).cloned().unwrap_or_default();
        assert!(
            !cut.iter().any(|&(a, b)| a <= f.start && f.start < b),
            "quote from boilerplate: {} {:?}",
            f.source,
            f.text
        );
    }
}

#[test]
fn corpus_conflicts_show_the_changed_words() {
    let report = corpus_report();
    let detail = |needle: &str| -> String {
        report
            .comparisons
            .iter()
            .filter(|c| c.kind == Kind::Quote && c.verdict == Verdict::Conflict)
            .map(|c| c.detail.clone())
            .find(|d| d.contains(needle))
            .unwrap_or_else(|| panic!("no quote conflict mentions {needle:?}"))
    };
    assert!(detail("~~at a~~ **to the**").contains("reuters vs reuters-condensed"));
    assert!(detail("~~Putin~~ **he**").contains("~~negotiating~~"));
    assert!(detail("~~Most of them~~").contains("aljazeera vs reuters"));
    assert!(detail("~~get~~ **catch**").contains("a little heat"));
}

#[test]
fn the_backdrop_is_never_a_persons_words() {
    let report = corpus_report();
    for f in report
        .facts
        .iter()
        .filter(|f| f.text.contains("Pursuing Peace"))
    {
        assert!(f.speaker.is_none(), "{} {:?}", f.source, f.speaker);
        let c = report
            .comparisons
            .iter()
            .find(|c| c.facts.contains(&f.id))
            .unwrap();
        for id in &c.facts {
            let other = report.fact(id).unwrap();
            assert!(
                matches!(other.value, Value::Quote { speech: false, .. }),
                "{:?} compared with speech {:?}",
                f.text,
                other.text
            );
        }
    }
}

#[test]
#[ignore = "two translations of one Putin remark share only 'the progress': they do not align"]
fn translations_of_one_remark_conflict() {
    let report = corpus_report();
    let c = report
        .comparisons
        .iter()
        .find(|c| {
            c.facts.iter().any(|id| {
                report
                    .fact(id)
                    .is_some_and(|f| f.text.contains("torpedo the nascent progress"))
            })
        })
        .unwrap();
    assert_eq!(c.verdict, Verdict::Conflict);
}
