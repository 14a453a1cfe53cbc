//! Joined remarks: a quote one outlet runs on over two remarks that other
//! outlets quote apart, cut in two where they cut it.
//!
//! ## What it does
//! One outlet writes `"We told you 43 days ago, from bitter experience,
//! that government shutdowns don't work. They never achieve the objective
//! that you announce. …"` as one quote; the others give `"We told you 43
//! days ago from bitter experience that government shutdowns don't work,"
//! Cole said` and, a sentence later, `"They never achieve the objective
//! that you announce. …"`. Compared whole, the long quote meets only one of
//! the two. When the words on each side of one of its sentence breaks are
//! each a remark of the same speaker that another outlet quotes on its own
//! (equal keys, or one a run of the other covering most of it), the quote
//! becomes two facts, split at that break. Without that evidence a quote
//! is never cut: outlets that quote several sentences at once mostly quote
//! one remark.
//!
//! ## Known gaps
//! - A quote run on over three remarks is cut once, at the first break
//!   that has evidence on both sides.

use crate::clean::Document;
use crate::fact::{Fact, Kind, Value};
use crate::normalise::quotes as qnorm;
use std::collections::HashMap;

/// The most of the longer side a run must cover for two renderings to be
/// one remark.
const COVER: f64 = 0.6;
/// A quote longer than this (in bytes) is never cut: news quotes are
/// short, and a run-on quote of a malformed file must cost no more than
/// reading it.
const MAX_QUOTE: usize = 2_000;
/// Sentence breaks tried per quote.
const MAX_BREAKS: usize = 8;
/// Remarks of one speaker per document a side is held against as a run.
const MAX_RUNS: usize = 64;

/// Cuts each quote of `facts` (one list per document of `docs`, in file
/// order) that other documents quote as two remarks at one of its sentence
/// breaks.
pub fn split(docs: &[Document], facts: &mut [Vec<Fact>]) {
    let cuts = find_cuts(facts);
    let mut at = 0;
    while at < cuts.len() {
        let d = cuts[at].0;
        let doc = &docs[d];
        let old = std::mem::take(&mut facts[d]);
        let mut list = Vec::with_capacity(old.len() + cuts.len() - at);
        for (i, f) in old.into_iter().enumerate() {
            match cuts.get(at) {
                Some(&(cd, ci, k)) if cd == d && ci == i => {
                    at += 1;
                    list.extend(cut(doc, f, k));
                }
                _ => list.push(f),
            }
        }
        facts[d] = list;
    }
}

/// Quote `f` of `doc` as two facts, cut `k` bytes into its words.
fn cut(doc: &Document, f: Fact, k: usize) -> Vec<Fact> {
    let Value::Quote { words, speech, .. } = &f.value else {
        return vec![f];
    };
    let (a, b) = words.range();
    let left_end = a + doc.text[a..a + k].trim_end().len();
    let right_start = a + k + (doc.text[a + k..b].len() - doc.text[a + k..b].trim_start().len());
    [(a, left_end), (right_start, b)]
        .into_iter()
        .map(|(s, e)| {
            let mut g = Fact::new(
                doc,
                Kind::Quote,
                s,
                e,
                Value::Quote {
                    words: crate::fact::Span::new(&doc.text, s, e),
                    key: qnorm::key(&doc.text[s..e]).into(),
                    speech: *speech,
                },
                f.rule.as_str(),
            );
            g.speaker = f.speaker;
            g.subject = f.subject;
            g.subject_words = f.subject_words;
            g.modality = f.modality;
            doc.to_stored(&mut g);
            g
        })
        .collect()
}

/// Where to cut: (document, index in its list, byte offset in the quote).
fn find_cuts(facts: &[Vec<Fact>]) -> Vec<(usize, usize, usize)> {
    let with_quotes = facts
        .iter()
        .filter(|l| l.iter().any(|f| f.kind == Kind::Quote))
        .count();
    if with_quotes < 2 {
        return Vec::new();
    }
    // Every attributed remark by speaker and key, with the documents that
    // quote it (two at most: enough to know another one does).
    let mut by_key: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    // And a few of each speaker's remarks per document, to hold a side
    // against as a run.
    let mut by_speaker: HashMap<&str, Vec<(usize, &str)>> = HashMap::new();
    let mut per_doc: HashMap<(&str, usize), usize> = HashMap::new();
    for (d, list) in facts.iter().enumerate() {
        for f in list {
            if let (
                Value::Quote {
                    key, speech: true, ..
                },
                Some(who),
            ) = (&f.value, f.speaker.map(crate::words::Word::as_str))
            {
                let docs = by_key.entry((who, &**key)).or_default();
                if docs.len() < 2 && !docs.contains(&d) {
                    docs.push(d);
                }
                let n = per_doc.entry((who, d)).or_default();
                if *n < MAX_RUNS {
                    *n += 1;
                    by_speaker.entry(who).or_default().push((d, &**key));
                }
            }
        }
    }
    let quoted_apart = |d: usize, who: &str, side: &[String]| {
        let key = side.join(" ");
        if by_key
            .get(&(who, key.as_str()))
            .is_some_and(|docs| docs.iter().any(|&e| e != d))
        {
            return true;
        }
        by_speaker.get(who).is_some_and(|list| {
            list.iter()
                .filter(|(e, _)| *e != d)
                .take(MAX_RUNS)
                .any(|(_, k)| one_remark(side, &k.split(' ').collect::<Vec<_>>()))
        })
    };
    let mut cuts = Vec::new();
    for (d, list) in facts.iter().enumerate() {
        for (i, f) in list.iter().enumerate() {
            let (
                Value::Quote {
                    words,
                    speech: true,
                    ..
                },
                Some(who),
            ) = (&f.value, f.speaker.map(crate::words::Word::as_str))
            else {
                continue;
            };
            let text: &str = words;
            if text.len() > MAX_QUOTE {
                continue;
            }
            let cut = breaks(text).into_iter().take(MAX_BREAKS).find(|&k| {
                let (left, right) = (qnorm::key_words(&text[..k]), qnorm::key_words(&text[k..]));
                !left.is_empty()
                    && !right.is_empty()
                    && quoted_apart(d, who, &left)
                    && quoted_apart(d, who, &right)
            });
            if let Some(k) = cut {
                cuts.push((d, i, k));
            }
        }
    }
    cuts
}

/// Byte offsets in `text` right after each sentence end inside it (a `.`,
/// `?` or `!` followed by a space and a capital letter).
fn breaks(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for i in 0..bytes.len() {
        if matches!(bytes[i], b'.' | b'?' | b'!')
            && bytes.get(i + 1) == Some(&b' ')
            && bytes.get(i + 2).is_some_and(u8::is_ascii_uppercase)
        {
            out.push(i + 1);
        }
    }
    out
}

/// Whether two key word lists render one remark: equal, or one a run of
/// the other covering most of it.
fn one_remark(a: &[impl AsRef<str>], b: &[impl AsRef<str>]) -> bool {
    let a: Vec<&str> = a.iter().map(AsRef::as_ref).collect();
    let b: Vec<&str> = b.iter().map(AsRef::as_ref).collect();
    if a == b {
        return true;
    }
    let (s, l) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    s.len() >= 4
        && s.len() as f64 >= COVER * l.len() as f64
        && l.windows(s.len()).any(|w| w == s.as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<String> {
        qnorm::key_words(s)
    }

    #[test]
    fn sentence_breaks_inside_a_quote() {
        let q = "We told you 43 days ago. They never achieve the objective. And guess what? You haven't.";
        let at: Vec<&str> = breaks(q).into_iter().map(|k| &q[..k]).collect();
        assert_eq!(
            at,
            vec![
                "We told you 43 days ago.",
                "We told you 43 days ago. They never achieve the objective.",
                "We told you 43 days ago. They never achieve the objective. And guess what?",
            ]
        );
    }

    #[test]
    fn renderings_of_one_remark() {
        // us-shutdown: one outlet's commas and contraction style.
        assert!(one_remark(
            &keys(
                "We told you 43 days ago, from bitter experience, that government shutdowns don't work."
            ),
            &keys(
                "We told you 43 days ago from bitter experience that government shutdowns don’t work,"
            ),
        ));
        // alaska: a fragment too short to stand for the remark.
        assert!(!one_remark(
            &keys("bought himself more time."),
            &keys("It seems Putin has bought himself more time. Time for a ceasefire."),
        ));
    }
}
