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

/// The most of the longer side a run must cover for two renderings to be
/// one remark.
const COVER: f64 = 0.6;

/// Cuts each quote of `facts` (one list per document of `docs`, in file
/// order) that other documents quote as two remarks at one of its sentence
/// breaks.
pub fn split(docs: &[Document], facts: &mut [Vec<Fact>]) {
    // Every attributed remark: its source, speaker and key words.
    let remarks: Vec<(usize, &'static str, Vec<String>)> = facts
        .iter()
        .enumerate()
        .flat_map(|(d, list)| list.iter().map(move |f| (d, f)))
        .filter_map(|(d, f)| match (&f.value, f.speaker) {
            (
                Value::Quote {
                    key, speech: true, ..
                },
                Some(who),
            ) => Some((d, who, key.split(' ').map(str::to_string).collect())),
            _ => None,
        })
        .collect();
    let quoted_apart = |d: usize, who: &str, side: &[String]| {
        remarks
            .iter()
            .any(|(e, w, k)| *e != d && *w == who && one_remark(side, k))
    };
    let mut cuts: Vec<(usize, usize, usize)> = Vec::new();
    for (d, list) in facts.iter().enumerate() {
        for (i, f) in list.iter().enumerate() {
            let (
                Value::Quote {
                    words,
                    speech: true,
                    ..
                },
                Some(who),
            ) = (&f.value, f.speaker)
            else {
                continue;
            };
            let text: &str = words;
            let cut = breaks(text).into_iter().find(|&k| {
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
    // Last first, so that earlier positions in a list stay put.
    for &(d, i, k) in cuts.iter().rev() {
        let doc = &docs[d];
        let f = facts[d].remove(i);
        let Value::Quote { words, speech, .. } = &f.value else {
            continue;
        };
        let (a, b) = words.range();
        let left_end = a + doc.text[a..a + k].trim_end().len();
        let right_start =
            a + k + (doc.text[a + k..b].len() - doc.text[a + k..b].trim_start().len());
        let parts = [(a, left_end), (right_start, b)].map(|(s, e)| {
            let mut g = Fact::new(
                doc,
                Kind::Quote,
                s,
                e,
                Value::Quote {
                    words: crate::fact::Span::new(&doc.text, s, e),
                    key: qnorm::key(&doc.text[s..e]),
                    speech: *speech,
                },
                f.rule,
            );
            g.speaker = f.speaker;
            g.subject = f.subject;
            g.subject_words = f.subject_words;
            g.modality = f.modality;
            doc.to_stored(&mut g);
            g
        });
        let [first, second] = parts;
        facts[d].insert(i, second);
        facts[d].insert(i, first);
    }
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
fn one_remark(a: &[String], b: &[String]) -> bool {
    if a == b {
        return true;
    }
    let (s, l) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    s.len() >= 4 && s.len() as f64 >= COVER * l.len() as f64 && l.windows(s.len()).any(|w| w == s)
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
