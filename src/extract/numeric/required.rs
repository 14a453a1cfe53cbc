//! Text a pattern cannot match without: a cheap test that tells a paragraph
//! no rule of a kind can match, before the kind's rule set searches it.
//!
//! The rule set's lazy DFA builds its states from the text it reads, and
//! most paragraphs hold no fact of most kinds; a paragraph without "%" or
//! "percent" need not teach the percent rules anything. The required text
//! is derived from each compiled pattern itself, so it cannot drift from
//! the rules.

use regex::Regex;
use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Literal};

/// A run of characters, each from its class, that a match must contain.
type Run = Vec<ClassUnicode>;

/// Alternative runs: every match contains at least one of them.
type Needs = Vec<Run>;

/// Requirements scoring below this are about as common as any text (a
/// digit, the word "a"): testing for them would cost a pass and skip
/// nothing.
const MIN_SCORE: f64 = 1.2;

/// A test that fails only on text none of `patterns` can match anywhere,
/// or `None` where a pattern requires nothing selective.
pub fn prefilter<'a>(patterns: impl IntoIterator<Item = &'a str>) -> Option<Regex> {
    let mut all: Needs = Vec::new();
    for p in patterns {
        let hir = regex_syntax::Parser::new().parse(p).ok()?;
        all.extend(needs(&hir)?);
    }
    if all.is_empty() || score(&all) < MIN_SCORE {
        return None;
    }
    let alternatives = all
        .into_iter()
        .map(|run| {
            Hir::concat(
                run.into_iter()
                    .map(|c| Hir::class(Class::Unicode(c)))
                    .collect(),
            )
        })
        .collect();
    Regex::new(&Hir::alternation(alternatives).to_string()).ok()
}

/// What every match of `hir` contains, or `None` if nothing is certain.
/// Sound by construction: an alternation needs one of its branches'
/// needs, a concatenation any one part's (or a run of adjacent single
/// characters), a repetition of at least one its body's.
fn needs(hir: &Hir) -> Option<Needs> {
    match hir.kind() {
        HirKind::Literal(Literal(bytes)) => {
            let text = std::str::from_utf8(bytes).ok()?;
            (!text.is_empty()).then(|| vec![text.chars().map(one_char).collect()])
        }
        HirKind::Class(Class::Unicode(c)) => Some(vec![vec![c.clone()]]),
        HirKind::Class(Class::Bytes(_)) | HirKind::Empty | HirKind::Look(_) => None,
        HirKind::Repetition(r) if r.min > 0 => needs(&r.sub),
        HirKind::Repetition(_) => None,
        HirKind::Capture(c) => needs(&c.sub),
        HirKind::Alternation(alts) => {
            let mut all = Vec::new();
            for a in alts {
                all.extend(needs(a)?);
            }
            Some(all)
        }
        HirKind::Concat(parts) => best_of_concat(parts),
    }
}

/// The most selective need of a concatenation: one part's, or the longest
/// stretch of adjacent parts that each match exactly one character.
fn best_of_concat(parts: &[Hir]) -> Option<Needs> {
    let mut candidates: Vec<Needs> = parts.iter().filter_map(needs).collect();
    let mut run: Run = Vec::new();
    for part in parts {
        match single_chars(part) {
            Some(chars) => run.extend(chars),
            None => candidates.extend(take_run(&mut run)),
        }
    }
    candidates.extend(take_run(&mut run));
    candidates
        .into_iter()
        .max_by(|a, b| score(a).total_cmp(&score(b)))
}

/// A finished stretch of single characters as a need, if it is longer
/// than the one character any of its parts needs alone.
fn take_run(run: &mut Run) -> Option<Needs> {
    let run = std::mem::take(run);
    (run.len() > 1).then(|| vec![run])
}

/// The classes of a part that matches exactly a fixed run of characters:
/// a literal, or one class.
fn single_chars(hir: &Hir) -> Option<Run> {
    match hir.kind() {
        HirKind::Literal(Literal(bytes)) => {
            let text = std::str::from_utf8(bytes).ok()?;
            Some(text.chars().map(one_char).collect())
        }
        HirKind::Class(Class::Unicode(c)) => Some(vec![c.clone()]),
        _ => None,
    }
}

fn one_char(c: char) -> ClassUnicode {
    ClassUnicode::new([ClassUnicodeRange::new(c, c)])
}

/// How rarely text contains one of `needs`: its weakest run's summed
/// character weights.
fn score(needs: &Needs) -> f64 {
    needs
        .iter()
        .map(|run| run.iter().map(weight).sum::<f64>())
        .fold(f64::INFINITY, f64::min)
}

/// How rare one character of a class is in prose: digits, spaces,
/// punctuation and wide classes are common, lower-case letters ordinary,
/// capitals alone and other symbols rare.
fn weight(class: &ClassUnicode) -> f64 {
    let hits = |a: char, b: char| {
        class
            .ranges()
            .iter()
            .any(|r| r.start() <= b && a <= r.end())
    };
    let common = [' ', ',', '.', '-', '\'', '"'];
    if class.ranges().len() > 4 || hits('0', '9') || common.iter().any(|&c| hits(c, c)) {
        0.3
    } else if hits('a', 'z') {
        0.6
    } else if hits('A', 'Z') {
        1.2
    } else {
        2.0
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::Rules;

    /// Text a kind's prefilter turns away holds no match of any of its
    /// rules: checked on every paragraph of the fixture articles and every
    /// inline rule example.
    #[test]
    fn turns_away_only_text_without_a_match() {
        let rules = Rules::embedded().unwrap();
        let mut texts: Vec<String> = Vec::new();
        for dir in std::fs::read_dir("tests/fixtures").unwrap() {
            for file in std::fs::read_dir(dir.unwrap().path()).unwrap() {
                let text = std::fs::read_to_string(file.unwrap().path()).unwrap_or_default();
                texts.extend(text.split("\n\n").map(str::to_string));
            }
        }
        for set in &rules.patterns {
            texts.extend(
                set.rules
                    .iter()
                    .flat_map(|r| r.tests.iter().map(|t| t.input.clone())),
            );
        }
        let mut turned_away = 0;
        for set in &rules.patterns {
            let Some(needs) = &set.needs else { continue };
            for text in &texts {
                if !needs.is_match(text) {
                    turned_away += 1;
                    for r in &set.rules {
                        assert!(!r.re.is_match(text), "{} matches {text:?}", r.id);
                    }
                }
            }
        }
        assert!(turned_away > 0);
    }
}
