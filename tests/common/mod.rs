//! Scoring a report against a gold annotation, the way
//! `shared/eval/score.py` does: a gold value is found when a fact of that
//! source overlaps one of the phrase's occurrences outside the boilerplate
//! regions; the best fact is the one of the gold kind with the largest
//! overlap.

#![allow(dead_code)]

use crosscheck::compare::Verdict;
use crosscheck::{Config, Report};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

pub const CORPUS: &str = "tests/fixtures/alaska-summit";

pub fn corpus_report() -> Report {
    crosscheck::run(&Config {
        paths: vec![PathBuf::from(CORPUS)],
        ..Config::default()
    })
    .expect("the example corpus loads")
}

pub struct GoldFact {
    pub key: String,
    pub same_as: String,
    pub kind: String,
    pub verdict: String,
    pub values: BTreeMap<String, String>,
}

pub struct Gold {
    pub facts: Vec<GoldFact>,
    /// Per source: boilerplate byte ranges.
    pub regions: BTreeMap<String, Vec<(usize, usize)>>,
    pub texts: BTreeMap<String, String>,
}

pub fn load_gold(corpus: &Path) -> Gold {
    let raw = std::fs::read_to_string(corpus.join("gold.toml")).unwrap();
    let table: toml::Table = toml::from_str(&raw).unwrap();
    let mut texts = BTreeMap::new();
    for entry in std::fs::read_dir(corpus).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().and_then(|e| e.to_str()) == Some("txt") {
            let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
            texts.insert(stem, std::fs::read_to_string(&p).unwrap());
        }
    }
    let mut regions: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
    for b in table["boilerplate"].as_array().unwrap() {
        let source = b["source"].as_str().unwrap();
        let text = &texts[source];
        let from = text.find(b["from"].as_str().unwrap()).unwrap();
        let to = match b
            .get("to")
            .and_then(|t| t.as_str())
            .filter(|t| !t.is_empty())
        {
            Some(t) => from + 1 + text[from + 1..].find(t).unwrap(),
            None => text.len(),
        };
        regions.entry(source.into()).or_default().push((from, to));
    }
    let facts = table["fact"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let key = f["key"].as_str().unwrap().to_string();
            GoldFact {
                same_as: f
                    .get("same_as")
                    .and_then(|s| s.as_str())
                    .unwrap_or(&key)
                    .to_string(),
                key,
                kind: f["kind"].as_str().unwrap().into(),
                verdict: f["verdict"].as_str().unwrap().into(),
                values: f["values"]
                    .as_table()
                    .unwrap()
                    .iter()
                    .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
                    .collect(),
            }
        })
        .collect();
    Gold {
        facts,
        regions,
        texts,
    }
}

#[derive(Debug, Default)]
pub struct Score {
    pub found: usize,
    pub total: usize,
    pub missed: Vec<String>,
    pub conflicts_found: BTreeSet<String>,
    pub conflicts_total: usize,
    pub false_conflicts: Vec<String>,
    pub impure: Vec<String>,
    pub leaks: Vec<String>,
    pub verdicts_wrong: Vec<String>,
    /// Pairs of one gold fact's values (of different outlets) that were
    /// found, and how many of them share a comparison.
    pub pairs_total: usize,
    pub pairs_together: usize,
}

/// Scores `report` against `gold` for the fact kinds in `kinds`.
pub fn score(report: &Report, gold: &Gold, kinds: &[&str]) -> Score {
    let facts: Vec<_> = report
        .facts
        .iter()
        .filter(|f| kinds.contains(&f.kind.as_str()))
        .collect();
    let comparisons: Vec<_> = report
        .comparisons
        .iter()
        .filter(|c| kinds.contains(&c.kind.as_str()))
        .collect();
    let mut group_of = BTreeMap::new();
    for (i, c) in comparisons.iter().enumerate() {
        for id in &c.facts {
            group_of.insert(*id, i);
        }
    }
    let mut s = Score::default();
    let in_region = |source: &str, at: usize| {
        gold.regions
            .get(source)
            .is_some_and(|r| r.iter().any(|&(a, b)| a <= at && at < b))
    };
    for f in &facts {
        if in_region(&f.source, f.start) {
            s.leaks.push(format!("{} {:?}", f.source, f.text));
        }
    }
    let mut matched: BTreeMap<(String, String), crosscheck::fact::FactId> = BTreeMap::new();
    let mut gold_of_fact: BTreeMap<crosscheck::fact::FactId, BTreeSet<String>> = BTreeMap::new();
    let gold_facts: Vec<&GoldFact> = gold
        .facts
        .iter()
        .filter(|g| kinds.contains(&g.kind.as_str()))
        .collect();
    for g in &gold_facts {
        for (source, phrase) in &g.values {
            let text = &gold.texts[source];
            let occ: Vec<(usize, usize)> = text
                .match_indices(phrase.as_str())
                .map(|(i, p)| (i, i + p.len()))
                .filter(|&(i, _)| !in_region(source, i))
                .collect();
            assert!(!occ.is_empty(), "gold phrase {phrase:?} not in {source}");
            s.total += 1;
            let best = facts
                .iter()
                .filter(|f| *f.source == **source)
                .filter_map(|f| {
                    let ov = occ
                        .iter()
                        .map(|&(a, b)| f.end.min(b) as i64 - f.start.max(a) as i64)
                        .max()
                        .unwrap_or(0);
                    (ov > 0).then_some(((f.kind.as_str() == g.kind, ov), f))
                })
                .max_by_key(|(k, _)| *k);
            match best {
                Some((_, f)) => {
                    s.found += 1;
                    matched.insert((g.key.clone(), source.clone()), f.id);
                    gold_of_fact.entry(f.id).or_default().insert(g.key.clone());
                }
                None => s.missed.push(format!("{} {source} {phrase:?}", g.key)),
            }
        }
    }
    for g in &gold_facts {
        if g.verdict == "conflict" {
            s.conflicts_total += 1;
        }
        let ids: Vec<&crosscheck::fact::FactId> = g
            .values
            .keys()
            .filter_map(|src| matched.get(&(g.key.clone(), src.clone())))
            .collect();
        for (i, a) in ids.iter().enumerate() {
            for b in &ids[i + 1..] {
                s.pairs_total += 1;
                let ga = group_of.get(*a);
                if ga.is_some() && ga == group_of.get(*b) {
                    s.pairs_together += 1;
                }
            }
        }
        let groups: BTreeSet<Option<&usize>> = ids.iter().map(|id| group_of.get(*id)).collect();
        if ids.len() >= 2
            && groups.len() == 1
            && let Some(&Some(&gi)) = groups.iter().next()
        {
            let v = comparisons[gi].verdict;
            let consistent = [Verdict::Agree, Verdict::Compatible, Verdict::Variant];
            let ok = v.as_str() == g.verdict
                || (consistent.contains(&v)
                    && ["agree", "compatible", "variant"].contains(&g.verdict.as_str())
                    && g.kind != "name");
            if !ok {
                s.verdicts_wrong
                    .push(format!("{}: gold {} tool {}", g.key, g.verdict, v));
            }
            if g.verdict == "conflict" && v == Verdict::Conflict {
                s.conflicts_found.insert(g.key.clone());
            }
        }
    }
    let same_as: BTreeMap<&str, &str> = gold
        .facts
        .iter()
        .map(|g| (g.key.as_str(), g.same_as.as_str()))
        .collect();
    let verdict_of: BTreeMap<&str, &str> = gold
        .facts
        .iter()
        .map(|g| (g.key.as_str(), g.verdict.as_str()))
        .collect();
    for c in &comparisons {
        let keys: BTreeSet<&String> = c
            .facts
            .iter()
            .filter_map(|id| gold_of_fact.get(id))
            .flatten()
            .collect();
        let roots: BTreeSet<&str> = keys.iter().map(|k| same_as[k.as_str()]).collect();
        if roots.len() > 1 {
            s.impure.push(format!("{} mixes {keys:?}", c.key));
        }
        if c.verdict == Verdict::Conflict
            && !keys.iter().any(|k| verdict_of[k.as_str()] == "conflict")
        {
            s.false_conflicts.push(c.key.clone());
        }
    }
    s
}

/// What a reader compares of two reports of one set of articles: per fact
/// its source, kind, value and words.
pub fn fact_readings(r: &Report) -> Vec<(String, String, String, String)> {
    r.facts
        .iter()
        .map(|f| {
            (
                f.source.to_string(),
                format!("{:?}", f.kind),
                serde_json::to_string(&f.value).unwrap(),
                f.text.to_string(),
            )
        })
        .collect()
}

/// Each comparison's key and verdict.
pub fn verdicts(r: &Report) -> Vec<(String, String)> {
    r.comparisons
        .iter()
        .map(|c| (c.key.clone(), format!("{:?}", c.verdict)))
        .collect()
}

/// One example article split at its front matter.
pub struct Article {
    /// The file stem: the source id.
    pub stem: String,
    pub outlet: String,
    pub published: String,
    /// Everything after the front matter.
    pub body: String,
}

/// The example corpus's articles, in file-name order.
pub fn example_articles() -> Vec<Article> {
    let mut names: Vec<PathBuf> = std::fs::read_dir("tests/fixtures/alaska-summit")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let rest = text.strip_prefix("---\n").unwrap();
            let (front, body) = rest.split_once("\n---\n").unwrap();
            let field = |k: &str| {
                front
                    .lines()
                    .find_map(|l| l.strip_prefix(&format!("{k}: ")))
                    .unwrap()
                    .to_string()
            };
            Article {
                stem: p.file_stem().unwrap().to_string_lossy().into_owned(),
                outlet: field("outlet"),
                published: field("published"),
                body: body.to_string(),
            }
        })
        .collect()
}
