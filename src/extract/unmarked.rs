//! Unmarked quotes: the remarks other outlets quote, found in an article
//! that marks no quote at all.
//!
//! ## What it extracts
//! A copy whose punctuation a scraper or a rewording tool stripped states
//! the remarks of the story in its running text, without quote marks and
//! often with words swapped ("We advised you days ago from bitter
//! experience that governing body shutdowns don t work noted Rep Tom Cole"
//! where the wire copy has `"We told you 43 days ago from bitter experience
//! that government shutdowns don't work," Cole said`). Such a passage is a
//! quote of that remark, with the speaker the marked quote gives, and is
//! compared with it like any quote: the swapped words are a conflict.
//!
//! Only an article with no quoted passage and hardly any punctuation
//! (fewer than `stripped_below` marks per word) is searched: an outlet
//! that edits its text marks its quotes, and what it writes without marks
//! is reported speech ("Rescuers said they would not stop until everyone
//! was found" is no misquote of "we will not stop until everyone is
//! found"). What is looked for is the quote with the words of its
//! sentence around it ("Trump called the bill a \"very big victory.\""):
//! a stretch of the article, no longer than that and half again, must hold
//! at least `min_words` of its key words and at least `min_share` of them
//! in order ([`crate::normalise::quotes`] keys: case, punctuation and
//! contractions do not count), half the quote's own among them. The
//! passage is the part of the stretch that stands for the quote, the words
//! the copy changed included ("very big triumph"). Each stretch of the
//! article repeats one remark at most: the one it holds most of.
//!
//! ## Examples (from the corpus)
//! - `Let s open the regime Let s get back to the work of the American
//!   people` (marked elsewhere as `"Let's open the government. Let's get
//!   back to the work of the American people,"`) → a quote of that remark.
//!
//! ## Known gaps
//! - A remark reworded beyond `min_share` of its words is not found.
//! - A short remark found this way ("very big triumph") meets the marked
//!   one ("very big victory") only when the quote comparison would align
//!   the two words alone.
//!
//! Rules: `rules/quotes.toml`, table `[unmarked]`.

use crate::clean::Document;
use crate::fact::{Fact, Kind, Value};
use crate::normalise::quotes as qnorm;
use serde::Deserialize;
use similar::{Algorithm, DiffOp, capture_diff_slices};
use std::collections::HashMap;

/// The rule id of a quote found without marks.
pub const RULE: &str = "quote.unmarked";
/// Remarks looked for, and key words per remark's sentence: the search
/// stays bounded however many quotes a story holds.
const MAX_REMARKS: usize = 2_000;
const MAX_PATTERN: usize = 120;
/// A word standing more often than this in the searched text does not
/// vote for where a remark starts (it would vote everywhere).
const MAX_OCCURRENCES: usize = 64;

/// `[unmarked]` in `rules/quotes.toml`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnmarkedRules {
    /// The fewest key words of a remark that are looked for, and the
    /// fewest a passage must repeat.
    pub min_words: usize,
    /// The least share of the remark's key words a passage repeats in
    /// order.
    pub min_share: f64,
    /// An article's punctuation is stripped when it has fewer marks
    /// (`.,;:!?`) than this per word of its body: edited news has about
    /// one per ten words.
    pub stripped_below: f64,
    /// Inline examples.
    #[serde(default)]
    pub test: Vec<UnmarkedExample>,
}

impl Default for UnmarkedRules {
    fn default() -> Self {
        UnmarkedRules {
            min_words: 6,
            min_share: 0.7,
            stripped_below: 0.02,
            test: Vec::new(),
        }
    }
}

/// A remark as one outlet quotes it (with the words of its sentence before
/// and after the quote), a text without quote marks, and the passage of
/// the text that repeats the remark (absent when none does).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnmarkedExample {
    #[serde(default)]
    pub before: String,
    pub remark: String,
    #[serde(default)]
    pub after: String,
    pub text: String,
    #[serde(default)]
    pub passage: Option<String>,
}

/// What is looked for: the key words of a quote's sentence, and which of
/// them are the quote's (`remark.0..remark.1`). The words around the quote
/// ("Trump called the bill a …") find a short remark that a few words
/// alone could not.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Pattern {
    keys: Vec<String>,
    remark: (usize, usize),
}

impl Pattern {
    fn new(before: &str, remark: &str, after: &str) -> Pattern {
        let mut keys = qnorm::key_words(&rejoined(before));
        let a = keys.len();
        keys.extend(qnorm::key_words(remark));
        let b = keys.len();
        keys.extend(qnorm::key_words(&rejoined(after)));
        Pattern {
            keys,
            remark: (a, b),
        }
    }
}

impl UnmarkedRules {
    /// Runs every inline example; one line per failure.
    pub fn check_examples(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (i, ex) in self.test.iter().enumerate() {
            let words = qnorm::words(&rejoined(&ex.text));
            let keys = flatten(&words);
            let pattern = Pattern::new(&ex.before, &ex.remark, &ex.after);
            let got = self
                .passage(&pattern, &keys, &positions(&keys))
                .map(|(a, b, _)| ex.text[words[keys[a].1].start..words[keys[b].1].end].to_string());
            if got != ex.passage {
                out.push(format!(
                    "rules/quotes.toml: unmarked test {}: expected {:?}, got {:?}",
                    i + 1,
                    ex.passage,
                    got
                ));
            }
        }
        out
    }

    /// Whether `doc`'s body has had its punctuation stripped.
    pub fn stripped(&self, doc: &Document) -> bool {
        let body = &doc.text[doc.body_start..];
        let words = body.split_whitespace().count();
        let marks = body.bytes().filter(|b| b".,;:!?".contains(b)).count();
        words > 0 && (marks as f64) < self.stripped_below * words as f64
    }

    /// The passage of `keys` (a text's key words, each with its word's
    /// index; `at`, where each stands) that repeats `pattern`'s remark: its first and last key, and
    /// how many of the pattern's keys the stretch around it holds in
    /// order; `None` below the bar.
    fn passage(
        &self,
        pattern: &Pattern,
        keys: &[(&str, usize)],
        at: &HashMap<&str, Vec<usize>>,
    ) -> Option<(usize, usize, usize)> {
        let words = &pattern.keys;
        let m = words.len();
        let (ra, rb) = pattern.remark;
        if m < self.min_words.max(1) || m > MAX_PATTERN || rb <= ra || keys.is_empty() {
            return None;
        }
        // Each shared word votes for where the pattern would start.
        let mut starts: Vec<isize> = Vec::new();
        for (i, k) in words.iter().enumerate() {
            let here = at.get(k.as_str()).filter(|ps| ps.len() <= MAX_OCCURRENCES);
            for &p in here.into_iter().flatten() {
                starts.push(p as isize - i as isize);
            }
        }
        starts.sort_unstable();
        let slack = (m / 4).max(2) as isize;
        // The starts with most votes near them, each tried once.
        let mut tried: Vec<(usize, isize)> = Vec::new();
        for &s in &starts {
            let lo = starts.partition_point(|&x| x < s - slack);
            let hi = starts.partition_point(|&x| x <= s + slack);
            tried.push((hi - lo, s));
        }
        tried.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        tried.dedup_by_key(|t| t.1);
        let need = self
            .min_words
            .max((self.min_share * m as f64).ceil() as usize);
        // At least half the remark's own words must be there.
        let need_remark = (rb - ra).div_ceil(2);
        let mut best: Option<(usize, usize, usize)> = None;
        for &(votes, s) in tried.iter().take(4) {
            if votes < need {
                break;
            }
            let from = (s - slack).max(0) as usize;
            let to = ((s + (m + m / 2) as isize + slack).max(0) as usize).min(keys.len());
            if from >= to {
                continue;
            }
            let pairs = in_order(words, &keys[from..to]);
            let n = pairs.len();
            let (Some(first), Some(last)) = (pairs.first(), pairs.last()) else {
                continue;
            };
            let in_remark: Vec<(usize, usize)> = pairs
                .iter()
                .copied()
                .filter(|&(i, _)| ra <= i && i < rb)
                .collect();
            if n < need || last.1 - first.1 >= m + m / 2 || in_remark.len() < need_remark {
                continue;
            }
            let (fi, fj) = in_remark[0];
            let (li, lj) = in_remark[in_remark.len() - 1];
            // The passage runs over the remark's words the text changed
            // too: back to the context word before it, and on for as many
            // words as the remark has after its last one found, up to the
            // context word after it.
            let before = pairs.iter().rev().find(|&&(i, _)| i < ra).map(|&(_, j)| j);
            let after = pairs.iter().find(|&&(i, _)| i >= rb).map(|&(_, j)| j);
            let a = match before {
                _ if fi == ra => fj,
                Some(j) => (j + 1).min(fj),
                None => fj.saturating_sub(fi - ra),
            };
            let mut b = lj + (rb - 1 - li);
            if let Some(j) = after {
                b = b.min(j.saturating_sub(1)).max(lj);
            }
            let b = b.min(to - from - 1);
            if best.is_none_or(|(_, _, bn)| n > bn) {
                best = Some((from + a, from + b, n));
            }
        }
        best
    }
}

/// `text` with the apostrophes of contractions and possessives put back
/// where stripping left a space ("Let s", "don t", "you re" → "Let's",
/// "don't", "you're"): the same length, so offsets into it are offsets
/// into `text`.
fn rejoined(text: &str) -> String {
    const ENDINGS: &[&str] = &["s", "t", "re", "ve", "ll", "d", "m"];
    let bytes = text.as_bytes();
    let mut out = bytes.to_vec();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b' ' {
            i += 1;
            continue;
        }
        let before = text[..i]
            .rsplit(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("");
        let after_end = text[i + 1..]
            .find(|c: char| !c.is_ascii_alphabetic())
            .map_or(text.len(), |k| i + 1 + k);
        let after = &text[i + 1..after_end];
        let ending = ENDINGS.contains(&after.to_ascii_lowercase().as_str());
        if before.len() >= 2 && ending && (after != "t" || before.ends_with('n')) {
            out[i] = b'\'';
        }
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

/// Where each key word stands in `keys`.
fn positions<'a>(keys: &[(&'a str, usize)]) -> HashMap<&'a str, Vec<usize>> {
    let mut at: HashMap<&str, Vec<usize>> = HashMap::new();
    for (p, (k, _)) in keys.iter().enumerate() {
        at.entry(*k).or_default().push(p);
    }
    at
}

/// Each key word of `words` with the index of its word.
fn flatten(words: &[qnorm::Word]) -> Vec<(&str, usize)> {
    words
        .iter()
        .enumerate()
        .flat_map(|(i, w)| w.keys.iter().map(move |k| (k.as_str(), i)))
        .collect()
}

/// The words of `pattern` that `window` holds in order (a longest common
/// subsequence, as the quote comparison's word diff finds it), as pairs of
/// their indexes in each.
fn in_order(pattern: &[String], window: &[(&str, usize)]) -> Vec<(usize, usize)> {
    let pattern: Vec<&str> = pattern.iter().map(String::as_str).collect();
    let window: Vec<&str> = window.iter().map(|&(k, _)| k).collect();
    capture_diff_slices(Algorithm::Lcs, &pattern, &window)
        .iter()
        .filter_map(|op| match *op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => Some((0..len).map(move |k| (old_index + k, new_index + k))),
            _ => None,
        })
        .flatten()
        .collect()
}

/// The unmarked quotes of each of `docs`, whose facts are `facts` (one
/// list per document, in file order): for a document that quotes nothing,
/// the passages that repeat another document's attributed remarks. Added
/// to its list in file order.
pub fn add(docs: &[Document], facts: &mut [Vec<Fact>], rules: &UnmarkedRules) {
    let unmarked: Vec<usize> = (0..docs.len())
        .filter(|&d| !docs[d].mentions.quoted && rules.stripped(&docs[d]))
        .collect();
    if unmarked.is_empty() || unmarked.len() == docs.len() {
        return;
    }
    // The remarks to look for, each distinct attributed remark once: the
    // pattern of its sentence, its speaker and subject.
    type Remark = (Pattern, Option<&'static str>, &'static str);
    let mut remarks: Vec<Remark> = Vec::new();
    for (d, list) in facts.iter().enumerate() {
        let doc = &docs[d];
        for f in list {
            let Value::Quote {
                words,
                speech: true,
                ..
            } = &f.value
            else {
                continue;
            };
            if f.speaker.is_none() {
                continue;
            }
            let (qa, qb) = words.range();
            let (sa, sb) = doc
                .sentence_at(qa)
                .map_or((qa, qb), |s| (s.start.min(qa), s.end.max(qb)));
            let pattern = Pattern::new(&doc.text[sa..qa], words, &doc.text[qb..sb]);
            remarks.push((
                pattern,
                f.speaker.map(crate::words::Word::as_str),
                f.subject.as_str(),
            ));
        }
    }
    remarks.sort();
    remarks.dedup();
    remarks.truncate(MAX_REMARKS);
    for d in unmarked {
        let doc = &docs[d];
        let body = rejoined(&doc.text[doc.body_start..]);
        let words = qnorm::words(&body);
        let keys = flatten(&words);
        let at = positions(&keys);
        // Every remark's best passage, the best first; a passage
        // overlapping one kept is dropped.
        let mut found: Vec<(usize, usize, usize, usize)> = Vec::new();
        for (r, (pattern, _, _)) in remarks.iter().enumerate() {
            if let Some((a, b, n)) = rules.passage(pattern, &keys, &at) {
                let start = doc.body_start + words[keys[a].1].start;
                let end = doc.body_start + words[keys[b].1].end;
                found.push((n * 1000 / pattern.keys.len(), start, end, r));
            }
        }
        found.sort_by(|x, y| y.0.cmp(&x.0).then((x.1, x.2, x.3).cmp(&(y.1, y.2, y.3))));
        let mut kept: Vec<(usize, usize, usize)> = Vec::new();
        for (_, start, end, r) in found {
            if kept.iter().all(|&(a, b, _)| end <= a || start >= b) {
                kept.push((start, end, r));
            }
        }
        let mut added: Vec<Fact> = kept
            .into_iter()
            .map(|(start, end, r)| {
                let (_, speaker, subject) = remarks[r];
                let mut f = Fact::new(
                    doc,
                    Kind::Quote,
                    start,
                    end,
                    Value::Quote {
                        words: crate::fact::Span::new(&doc.text, start, end),
                        key: qnorm::key(&body[start - doc.body_start..end - doc.body_start]).into(),
                        speech: true,
                    },
                    RULE,
                );
                f.speaker = speaker.map(crate::words::Word::of);
                f.subject = crate::words::Word::of(subject);
                doc.to_stored(&mut f);
                f
            })
            .collect();
        if added.is_empty() {
            continue;
        }
        // Into the document's list in file order, after facts at the same
        // place: one pass, however many there are.
        let place = super::file_order;
        added.sort_by_key(place);
        let old = std::mem::take(&mut facts[d]);
        let mut merged = Vec::with_capacity(old.len() + added.len());
        let mut added = added.into_iter().peekable();
        for g in old {
            while let Some(f) = added.next_if(|f| place(f) < place(&g)) {
                merged.push(f);
            }
            merged.push(g);
        }
        merged.extend(added);
        facts[d] = merged;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn passage(remark: &str, text: &str) -> Option<String> {
        let rules = UnmarkedRules::default();
        let words = qnorm::words(&rejoined(text));
        let keys = flatten(&words);
        rules
            .passage(&Pattern::new("", remark, ""), &keys, &positions(&keys))
            .map(|(a, b, _)| text[words[keys[a].1].start..words[keys[b].1].end].to_string())
    }

    #[test]
    fn a_reworded_remark_is_found_in_running_text() {
        // us-shutdown: the AP quote and the machine-reworded copy.
        let text = "They eventually prevailed We advised you days ago from bitter experience that governing body shutdowns don t work noted Rep Tom Cole";
        assert_eq!(
            passage(
                "We told you 43 days ago from bitter experience that government shutdowns don't work,",
                text
            )
            .as_deref(),
            Some("We advised you days ago from bitter experience that governing body shutdowns don t work")
        );
    }

    #[test]
    fn a_remark_whose_words_are_not_there_is_not_found() {
        // kamchatka
        let text = "The earthquake s effects extended beyond Russia as a 30 cm tsunami reached northern Japan";
        assert_eq!(
            passage(
                "We told you 43 days ago from bitter experience that government shutdowns don't work,",
                text
            ),
            None
        );
    }

    #[test]
    fn stripped_apostrophes_are_put_back() {
        assert_eq!(
            rejoined("Let s go You haven t and you re not the nation s U S"),
            "Let's go You haven't and you're not the nation's U S"
        );
        assert_eq!(rejoined("it s a t shirt"), "it's a t shirt");
    }

    #[test]
    fn a_short_remark_is_not_looked_for() {
        assert_eq!(
            passage("a very big victory", "it was a very big triumph for him"),
            None
        );
    }
}
