//! Subjects: what a figure is about. Surface words map to canonical subjects
//! through `rules/subjects.toml` (`meeting` ← talks, summit, "behind closed
//! doors"), so the talks' length is never compared with a flight's.
//!
//! A figure takes the nearest subject word in its clause; a clause that
//! refers back with "its" or "their" ("the war, now in its fourth year")
//! looks into the clause before.

use crate::fact::Kind;
use regex::Regex;
use serde::Deserialize;
use std::collections::HashMap;

/// `rules/subjects.toml`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubjectFile {
    #[serde(default)]
    pub subject: Vec<Subject>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subject {
    pub id: String,
    pub description: String,
    pub words: Vec<String>,
    /// Fact kinds the subject applies to; empty means all.
    #[serde(default)]
    pub kinds: Vec<String>,
    #[serde(default)]
    pub test: Vec<SubjectTest>,
}

/// `input` is a sentence with the figure in `[brackets]`; `expect` the
/// subject id, or "" for none.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubjectTest {
    pub input: String,
    pub expect: String,
    /// The fact kind to read the figure as (default: duration).
    pub kind: Option<String>,
}

/// The compiled subject words: one regex for all of them.
#[derive(Clone, Debug)]
pub struct SubjectIndex {
    re: Regex,
    by_word: HashMap<String, (String, Vec<String>)>,
}

/// How a date stands in its sentence.
#[derive(Clone, Copy, PartialEq, Eq)]
enum DateRole {
    /// Before a noun: possessive or after a determiner.
    Attributive,
    /// After a preposition.
    Adverbial,
    Other,
}

fn date_role(sentence: &str, fact: (usize, usize)) -> DateRole {
    let text = &sentence[fact.0..fact.1];
    let rest = &sentence[fact.1..];
    let first = text.split_whitespace().next().unwrap_or("").to_lowercase();
    let prev = sentence[floor_char(sentence, fact.0.saturating_sub(64))..fact.0]
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .to_lowercase();
    if rest.starts_with("'s") || rest.starts_with("’s") || rest.starts_with("s'") {
        return DateRole::Attributive;
    }
    // The fact's own first word ("in February", "a February") decides
    // before the word in front of it.
    for w in [first.as_str(), prev.as_str()] {
        if PREPOSITIONS.contains(&w) {
            return DateRole::Adverbial;
        }
        if DETERMINERS.contains(&w) {
            return DateRole::Attributive;
        }
    }
    DateRole::Other
}

/// Words before a date that make it describe the noun after it.
const DETERMINERS: [&str; 9] = [
    "a", "an", "the", "his", "her", "their", "its", "our", "this",
];

/// How far a clause is read either side of a figure, in bytes.
const CLAUSE_REACH: usize = 400;

/// The largest char boundary at or before `i`.
pub fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Words that make a following date adverbial.
const PREPOSITIONS: [&str; 10] = [
    "on", "in", "since", "by", "until", "from", "during", "at", "before", "after",
];

/// Characters that end a clause.
const CLAUSE_BREAKS: &[char] = &[',', ';', ':', '(', ')', '—', '–'];

impl SubjectIndex {
    pub fn new(file: &SubjectFile) -> Result<Self, regex::Error> {
        let mut words: Vec<(&str, &Subject)> = file
            .subject
            .iter()
            .flat_map(|s| s.words.iter().map(move |w| (w.as_str(), s)))
            .collect();
        words.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
        let alts: Vec<String> = words
            .iter()
            .map(|(w, _)| regex::escape(w).replace(r"\ ", r"\s+").replace(' ', r"\s+"))
            .collect();
        let re = if alts.is_empty() {
            Regex::new(r"[^\s\S]")?
        } else {
            Regex::new(&format!(r"(?i)(?-u:\b)(?:{})(?-u:\b)", alts.join("|")))?
        };
        let by_word = words
            .iter()
            .map(|(w, s)| (fold(w), (s.id.clone(), s.kinds.clone())))
            .collect();
        Ok(SubjectIndex { re, by_word })
    }

    /// The subject id of `word` if it is a subject word.
    pub fn lookup(&self, word: &str) -> Option<&str> {
        self.by_word.get(&fold(word)).map(|(id, _)| id.as_str())
    }

    /// The subject of the figure at `fact` (byte range in `sentence`):
    /// (subject id, the words it came from). The nearest subject word before
    /// the figure in its clause wins; else the nearest after it (for dates
    /// only right after it: "Friday's meeting", "a February visit to the Oval
    /// Office"); else, when the clause refers back with "its"/"their", the
    /// clause before.
    pub fn nearest(
        &self,
        sentence: &str,
        fact: (usize, usize),
        kind: Kind,
    ) -> Option<(String, String)> {
        self.nearest_hit(sentence, fact, kind)
            .map(|h| (h.id, h.words))
    }

    /// Like [`SubjectIndex::nearest`], with where the subject words stand.
    pub fn nearest_hit(
        &self,
        sentence: &str,
        fact: (usize, usize),
        kind: Kind,
    ) -> Option<SubjectHit> {
        let (lo, hi) = clause(sentence, fact);
        let found = self.candidates(sentence, lo, hi, kind);
        // A subject word inside the figure's own words ("first meeting since
        // 2019", "3½ year conflict") is its subject.
        if let Some(c) = found.iter().find(|c| c.start >= fact.0 && c.end <= fact.1) {
            return Some(c.clone());
        }
        let before = found
            .iter()
            .filter(|c| c.end <= fact.0)
            .max_by_key(|c| c.end);
        let after = |limit: usize| {
            found
                .iter()
                .filter(|c| c.start >= fact.1)
                .filter(|c| words_between(&sentence[fact.1..c.start]) < limit)
                .min_by_key(|c| c.start)
        };
        let hit = match (kind, date_role(sentence, fact)) {
            // "Friday's meeting", "his 2022 invasion", "a February visit to
            // the Oval Office": the noun after the date is what it dates.
            (Kind::Date, DateRole::Attributive) => after(6).or(before),
            // "said on Monday that the meeting …": the date tells when the
            // verb happened, not the noun that follows.
            (Kind::Date, DateRole::Adverbial) => before,
            (Kind::Date, DateRole::Other) => before.or_else(|| after(6)),
            _ => before.or_else(|| after(usize::MAX)),
        };
        if let Some(c) = hit {
            return Some(c.clone());
        }
        // "the war, now in its fourth year": "its" points back one clause.
        let own = &sentence[lo..hi];
        if lo > 0 && (has_word(own, "its") || has_word(own, "their")) {
            // The clause before ends where this one's break character starts.
            let prev_hi = sentence[..lo]
                .char_indices()
                .next_back()
                .map_or(0, |(i, _)| i);
            let (plo, _) = clause(sentence, (prev_hi, prev_hi));
            let prev = self.candidates(sentence, plo, prev_hi, kind);
            return prev.into_iter().max_by_key(|c| c.end);
        }
        None
    }

    /// Subject words in `sentence[lo..hi]` that apply to `kind`:
    /// (start, end, id, words).
    fn candidates(&self, sentence: &str, lo: usize, hi: usize, kind: Kind) -> Vec<SubjectHit> {
        let mut out = Vec::new();
        for m in self.re.find_iter(&sentence[lo..hi]) {
            let Some((id, kinds)) = self.by_word.get(&fold(m.as_str())) else {
                continue;
            };
            if !kinds.is_empty() && !kinds.iter().any(|k| k == kind.as_str()) {
                continue;
            }
            out.push(SubjectHit {
                start: lo + m.start(),
                end: lo + m.end(),
                id: id.clone(),
                words: m.as_str().to_string(),
            });
        }
        out
    }
}

/// A subject word found in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubjectHit {
    pub start: usize,
    pub end: usize,
    pub id: String,
    pub words: String,
}

/// How many words stand in `text`.
pub fn words_between(text: &str) -> usize {
    text.split_whitespace().count()
}

/// The byte range of the clause of `sentence` that holds `fact`: bounded by
/// commas, semicolons, colons, brackets, dashes and spaced hyphens.
pub fn clause(sentence: &str, fact: (usize, usize)) -> (usize, usize) {
    let a = floor_char(sentence, fact.0.min(sentence.len()));
    let b = floor_char(sentence, fact.1.clamp(a, sentence.len()));
    // A clause is read at most CLAUSE_REACH bytes either side of the figure,
    // so a sentence megabytes long costs no more than a short one.
    let from = floor_char(sentence, a.saturating_sub(CLAUSE_REACH));
    let to = floor_char(sentence, (b + CLAUSE_REACH).min(sentence.len()));
    let before = &sentence[from..a];
    let mut lo = from
        + before
            .char_indices()
            .rfind(|(_, c)| CLAUSE_BREAKS.contains(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
    if let Some(i) = before.rfind(" - ") {
        lo = lo.max(from + i + 3);
    }
    let after = &sentence[b..to];
    let mut hi = after
        .find(|c| CLAUSE_BREAKS.contains(&c))
        .map_or(to, |i| b + i);
    if let Some(i) = after.find(" - ") {
        hi = hi.min(b + i);
    }
    (lo, hi)
}

fn has_word(text: &str, word: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| w.eq_ignore_ascii_case(word))
}

fn fold(s: &str) -> String {
    s.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

impl SubjectFile {
    /// Runs every `[[subject.test]]`; one line per failure.
    pub fn check_examples(&self, index: &SubjectIndex) -> Vec<String> {
        let mut failures = Vec::new();
        for s in &self.subject {
            for t in &s.test {
                let (Some(a), Some(b)) = (t.input.find('['), t.input.find(']')) else {
                    failures.push(format!(
                        "subjects.toml {}: test input {:?} needs the figure in [brackets]",
                        s.id, t.input
                    ));
                    continue;
                };
                let sentence = t.input.replace(['[', ']'], "");
                let kind = t
                    .kind
                    .as_deref()
                    .and_then(Kind::parse)
                    .unwrap_or(Kind::Duration);
                let got = index
                    .nearest(&sentence, (a, b - 1), kind)
                    .map(|(id, _)| id)
                    .unwrap_or_default();
                if got != t.expect {
                    failures.push(format!(
                        "subjects.toml {}: {:?} gave {:?}, expected {:?}",
                        s.id, t.input, got, t.expect
                    ));
                }
            }
        }
        failures
    }
}
