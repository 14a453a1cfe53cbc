//! Property tests (proptest) of the pipeline's invariants, on articles built
//! from short news sentences of several kinds of story (politics, disasters,
//! sport, business, courts, science) with random edits: quote marks, dashes,
//! digits, multi-byte characters, CRLF, NUL bytes, zero-width spaces and
//! very long words.
//!
//! For every generated set of articles:
//! - nothing panics, and a bad file is a clean error;
//! - every fact's span lies inside its file, on char boundaries, and its
//!   bytes are the fact's `text`;
//! - every fact is in exactly one comparison;
//! - verdicts do not change when the files come in another order or the
//!   sources are renamed;
//! - the same input gives the same bytes twice.
//!
//! Case counts are modest so `cargo test` stays fast; the long random run is
//! `cargo run --release --example fuzz`.

use chrono::NaiveDate;
use crosscheck::Report;
use crosscheck::clean::Document;
use crosscheck::rules::Rules;
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::LazyLock;

/// Sentences written for these tests, in the styles of several kinds of news.
const SENTENCES: &[&str] = &[
    // politics and diplomacy
    "The two leaders met for nearly three hours behind closed doors, officials said.",
    "\"We made some progress today,\" the foreign minister told reporters on Friday.",
    "It was their first meeting since 2019, according to the White House.",
    "The delegation included Secretary of State Maria Lopez, envoy John Park and adviser Lee Chen.",
    "Talks are expected to resume within 24 hours, a spokesman said.",
    "Parliament voted 312 to 198 to approve the budget on Tuesday.",
    // disasters
    "The earthquake, measured at magnitude 7.8, struck at 4:17 a.m. local time.",
    "At least 1,200 people were killed and hundreds more were injured.",
    "Rescue teams worked for more than 48 hours to reach the village.",
    "The storm left well over a million homes without power for about three days.",
    // sport
    "She won the final 6-4, 3-6, 7-5 in just under three hours.",
    "It was the club's first title in 25 years, the coach said.",
    "\"I can't believe it,\" said Ana Duarte after the race.",
    // business and economy
    "The company cut roughly 3,000 jobs, about one-fifth of its workforce.",
    "Shares fell 12% in early trading on Monday.",
    "Chief Executive Tom Reyes said profits would recover \"within a year.\"",
    // courts and crime
    "The trial lasted 11 weeks and the jury deliberated for two days.",
    "Thieves took eight pieces of jewellery in a raid that lasted seven minutes.",
    "Judge Helen Moss said the sentence reflected \"the gravity of the harm.\"",
    // science and health
    "The probe travelled 6.4 billion kilometres in less than nine years.",
    "Researchers followed 25,000 patients for a decade, the study said.",
    "The vaccine was about 90% effective, according to Dr. Sara Kim.",
];

/// Pieces inserted at random places.
const INSERTS: &[&str] = &[
    "\"",
    "“",
    "”",
    "'",
    "‘",
    "’",
    "—",
    "–",
    " - ",
    "-",
    "0",
    "7",
    "1,000",
    "3½",
    "é",
    "🙂",
    "中文",
    "ß",
    "\u{200b}",
    "\u{feff}",
    "\r\n",
    "\n",
    "\n\n",
    "...",
    "…",
    "---",
    ":",
    "Mr.",
    " said ",
    " nearly ",
    " at least ",
];

static RULES: LazyLock<Rules> = LazyLock::new(|| Rules::embedded().expect("embedded rules"));

/// One edit: insert piece `what` at the char `at` (a fraction of the length).
#[derive(Clone, Debug)]
enum Edit {
    Insert { at: f64, what: usize },
    Nul { at: f64 },
    LongWord { at: f64, len: usize },
    Crlf,
    // Every mark of punctuation and quote mark out, as a rewording tool
    // leaves a copy.
    Strip,
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        8 => (0.0..1.0f64, 0..INSERTS.len()).prop_map(|(at, what)| Edit::Insert { at, what }),
        1 => (0.0..1.0f64).prop_map(|at| Edit::Nul { at }),
        1 => (0.0..1.0f64, 100..20_000usize).prop_map(|(at, len)| Edit::LongWord { at, len }),
        1 => Just(Edit::Crlf),
        1 => Just(Edit::Strip),
    ]
}

/// One article: sentences (by index), paragraph breaks, then edits.
fn article() -> impl Strategy<Value = String> {
    (
        prop::collection::vec((0..SENTENCES.len(), any::<bool>()), 1..12),
        prop::collection::vec(edit(), 0..6),
    )
        .prop_map(|(sentences, edits)| {
            let mut text = String::new();
            for (i, brk) in sentences {
                text.push_str(SENTENCES[i]);
                text.push_str(if brk { "\n\n" } else { " " });
            }
            for e in edits {
                apply(&mut text, &e);
            }
            text
        })
}

fn char_at(text: &str, at: f64) -> usize {
    let n = text.chars().count();
    let k = ((n as f64) * at) as usize;
    text.char_indices().nth(k).map_or(text.len(), |(i, _)| i)
}

fn apply(text: &mut String, e: &Edit) {
    match *e {
        Edit::Insert { at, what } => {
            let i = char_at(text, at);
            text.insert_str(i, INSERTS[what]);
        }
        Edit::Nul { at } => {
            let i = char_at(text, at);
            text.insert(i, '\0');
        }
        Edit::LongWord { at, len } => {
            let i = char_at(text, at);
            text.insert_str(i, &format!(" {} ", "ab".repeat(len / 2)));
        }
        Edit::Crlf => *text = text.replace('\n', "\r\n"),
        Edit::Strip => text.retain(|c| !".,;:!?\"'“”‘’".contains(c)),
    }
}

/// The documents of `articles` named `names`, or `None` when ingest
/// rejects one (a clean error is a fine answer to a NUL byte).
fn documents(articles: &[(String, String)]) -> Option<Vec<Document>> {
    let mut docs = Vec::new();
    for (name, text) in articles {
        let source = crosscheck::ingest::parse_source(
            Path::new(&format!("{name}.txt")),
            name.clone(),
            text.clone().into_bytes(),
            NaiveDate::from_ymd_opt(2025, 8, 16),
        );
        match source {
            Ok(s) => docs.push(crosscheck::clean::clean(s, &RULES)),
            Err(e) => {
                assert!(
                    e.to_string().starts_with("crosscheck: ") && !e.to_string().contains('\n'),
                    "{e}"
                );
                return None;
            }
        }
    }
    Some(docs)
}

/// Each comparison as its facts' (source, start, end, kind) and its verdict,
/// with source ids mapped through `rename` back to the original names:
/// independent of fact ids and of the order of the files.
fn verdicts(report: &Report, rename: &BTreeMap<String, String>) -> Vec<(Vec<String>, String)> {
    let mut out: Vec<(Vec<String>, String)> = report
        .comparisons
        .iter()
        .map(|c| {
            let mut facts: Vec<String> = c
                .facts
                .iter()
                .map(|id| {
                    let f = report.fact(id).expect("fact of a comparison");
                    let source = rename.get(&*f.source).map_or(&*f.source, String::as_str);
                    format!("{source}:{}..{}:{}", f.start, f.end, f.kind)
                })
                .collect();
            facts.sort();
            (facts, c.verdict.to_string())
        })
        .collect();
    out.sort();
    out
}

fn check_invariants(articles: Vec<String>) {
    let named: Vec<(String, String)> = articles
        .into_iter()
        .enumerate()
        .map(|(i, t)| (format!("outlet{i}"), t))
        .collect();
    let Some(docs) = documents(&named) else {
        return;
    };
    let report = crosscheck::analyse(&docs, &RULES);

    // Spans: inside the file, on char boundaries, bytes equal to the text.
    let texts: BTreeMap<&str, &str> = named
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    for f in &report.facts {
        let text = texts[&*f.source];
        assert!(f.start <= f.end && f.end <= text.len(), "{f:?}");
        assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        assert_eq!(&text[f.start..f.end], f.text, "span bytes of {:?}", f.id);
    }

    // Every fact in exactly one comparison.
    let mut seen: BTreeMap<crosscheck::fact::FactId, usize> = BTreeMap::new();
    for c in &report.comparisons {
        for id in &c.facts {
            *seen.entry(*id).or_default() += 1;
        }
    }
    for f in &report.facts {
        assert_eq!(seen.get(&f.id), Some(&1), "fact {} in comparisons", f.id);
    }
    assert_eq!(seen.len(), report.facts.len());

    // Same bytes twice.
    let json = crosscheck::render::json::render(&report);
    let again = crosscheck::render::json::render(&crosscheck::analyse(&docs, &RULES));
    assert_eq!(json, again, "same input, same bytes");

    // Other order, other names: same verdicts.
    if named.len() > 1 {
        let original = verdicts(&report, &BTreeMap::new());
        let mut renamed: Vec<(String, String)> = named
            .iter()
            .rev()
            .map(|(n, t)| (format!("z-{n}"), t.clone()))
            .collect();
        renamed.rotate_left(1);
        let back: BTreeMap<String, String> = named
            .iter()
            .map(|(n, _)| (format!("z-{n}"), n.clone()))
            .collect();
        let docs2 = documents(&renamed).expect("same texts load");
        let report2 = crosscheck::analyse(&docs2, &RULES);
        assert_eq!(
            original,
            verdicts(&report2, &back),
            "verdicts depend on file order or names"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 48,
        failure_persistence: None,
        .. ProptestConfig::default()
    })]

    #[test]
    fn one_article_keeps_every_invariant(a in article()) {
        check_invariants(vec![a]);
    }

    #[test]
    fn several_articles_keep_every_invariant(v in prop::collection::vec(article(), 2..4)) {
        check_invariants(v);
    }
}

#[test]
fn sentences_alone_give_facts() {
    // The generator's raw material is real news style: it yields facts.
    let text = SENTENCES.join(" ");
    let docs = documents(&[("all".into(), text)]).unwrap();
    let report = crosscheck::analyse(&docs, &RULES);
    assert!(report.facts.len() > 20, "{} facts", report.facts.len());
}
