//! Hedges become intervals: "nearly three hours" is [2.4 h, 3 h), "over a
//! million" is (1,000,000, 2,000,000]. The table is data (`rules/hedges.toml`); this
//! module applies it.

use crate::interval::Interval;
use crate::normalise::numbers::Number;
use serde::Deserialize;

/// `rules/hedges.toml`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HedgeFile {
    #[serde(default)]
    pub hedge: Vec<Hedge>,
}

/// One row of the hedge table: the words, and the interval for X as
/// multiples of X. `round = true` means X ± half the rounding step instead;
/// `implied_upper = true` ends the interval at X plus its rounding step (at
/// least a tenth of X) instead of `hi`: a writer who says "over 900,000"
/// would have said "a million" had it been one.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hedge {
    pub id: String,
    pub description: String,
    pub words: Vec<String>,
    #[serde(default)]
    pub round: bool,
    #[serde(default)]
    pub implied_upper: bool,
    #[serde(default = "one")]
    pub lo: f64,
    #[serde(default = "one")]
    pub hi: f64,
    #[serde(default)]
    pub lo_open: bool,
    #[serde(default)]
    pub hi_open: bool,
    /// Words after which the hedge word is a plain preposition ("control
    /// over one-fifth of Ukraine").
    #[serde(default)]
    pub not_after: Vec<String>,
    #[serde(default)]
    pub test: Vec<HedgeTest>,
}

fn one() -> f64 {
    1.0
}

/// `input` is "HEDGE NUMBER" ("nearly 3"); `expect` the interval as printed
/// ("[2.4, 3)").
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HedgeTest {
    pub input: String,
    pub expect: String,
}

impl HedgeFile {
    /// The hedge whose words include `words` (case and spacing folded).
    pub fn find(&self, words: &str) -> Option<&Hedge> {
        let w = fold(words);
        self.hedge
            .iter()
            .find(|h| h.words.iter().any(|x| fold(x) == w))
    }

    /// Whether `before` (text right before a figure) ends in a hedge that
    /// bounds the figure below and not above ("at least", "a minimum of",
    /// "more than").
    pub fn bounds_below(&self, before: &str) -> bool {
        let before = fold(before);
        self.hedge
            .iter()
            .filter(|h| h.lo >= 1.0 && (h.hi > 1.0 || h.lo_open))
            .flat_map(|h| &h.words)
            .any(|w| {
                let w = fold(w);
                before
                    .strip_suffix(&w)
                    .is_some_and(|rest| !rest.ends_with(|c: char| c.is_alphanumeric()))
            })
    }

    /// All hedge words, longest first, for the `{hedge}` pattern macro.
    pub fn pattern(&self) -> String {
        let mut words: Vec<&str> = self
            .hedge
            .iter()
            .flat_map(|h| h.words.iter().map(String::as_str))
            .collect();
        words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        words.dedup();
        let alts: Vec<String> = words
            .iter()
            .map(|w| regex::escape(w).replace(' ', r"\s+"))
            .collect();
        format!(r"(?:{})\b", alts.join("|"))
    }

    /// Checks every `[[hedge.test]]`; returns one line per failure.
    pub fn check_examples(&self) -> Vec<String> {
        let mut failures = Vec::new();
        for h in &self.hedge {
            for t in &h.test {
                let got = self.read(&t.input).map(|iv| iv.to_string());
                if got.as_deref() != Some(t.expect.as_str()) {
                    failures.push(format!(
                        "hedges.toml {}: {:?} gave {:?}, expected {:?}",
                        h.id, t.input, got, t.expect
                    ));
                }
            }
        }
        failures
    }

    /// Reads "HEDGE NUMBER" or a bare number into an interval.
    pub fn read(&self, input: &str) -> Option<Interval> {
        let input = input.trim();
        let mut best: Option<(&Hedge, &str)> = None;
        for h in &self.hedge {
            for w in &h.words {
                if let Some(rest) = strip_prefix_fold(input, w)
                    && best.is_none_or(|(_, r)| rest.len() < r.len())
                {
                    best = Some((h, rest));
                }
            }
        }
        let (hedge, num) = match best {
            Some((h, rest)) => (Some(h), rest),
            None => (None, input),
        };
        Some(apply(hedge, crate::normalise::numbers::parse(num)?))
    }
}

fn strip_prefix_fold<'a>(input: &'a str, word: &str) -> Option<&'a str> {
    let head = input.get(..word.len())?;
    let rest = &input[word.len()..];
    (head.eq_ignore_ascii_case(word) && rest.starts_with(' ')).then(|| rest.trim_start())
}

fn fold(s: &str) -> String {
    s.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The interval a hedged number stands for. No hedge means a bare number:
/// X ± half its rounding step.
pub fn apply(hedge: Option<&Hedge>, n: Number) -> Interval {
    if let Some(v) = n.vague {
        return match hedge {
            Some(h) if !h.round && h.lo > 1.0 => Interval {
                lo: v.lo * h.lo,
                lo_open: h.lo_open,
                hi: f64::INFINITY,
                hi_open: false,
            },
            _ => v,
        };
    }
    match hedge {
        Some(h) if !h.round => {
            let lo = n.value * h.lo;
            let (hi, hi_open) = if h.implied_upper {
                // The next value the writer's precision could state, and
                // never below the low end ("well over" starts above X).
                let up = n.value + n.step.max(n.value.abs() / 10.0);
                (up.max(lo), false)
            } else {
                (n.value * h.hi, h.hi_open)
            };
            Interval {
                lo,
                hi,
                lo_open: h.lo_open,
                hi_open,
            }
        }
        _ => {
            let half = n.step / 2.0;
            Interval::closed((n.value - half).max(0.0), n.value + half)
        }
    }
}
