//! Boilerplate: the parts of a file that are not the outlet's story —
//! aggregator "Related Articles", AI-feature and app promos, comment boxes,
//! bylines and e-mail sign-offs, timestamps, "ADVERTISEMENT", video-duration
//! lists. Rules in `rules/boilerplate.toml` say what to cut:
//!
//! - `line`: a regex that must match a whole (trimmed) line;
//! - `text`: a regex that may match anywhere in a line;
//! - `cut`: `"line"` (that line), `"rest"` (that line to the end of the
//!   file) or `"match"` (only the matched text).

use crate::error::Result;
use crate::rules::Ctx;
use regex::Regex;
use serde::Deserialize;
use toml::Spanned;

/// `rules/boilerplate.toml`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoilerplateFile {
    #[serde(default)]
    pub rule: Vec<BoilerplateRule>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoilerplateRule {
    pub id: String,
    pub description: String,
    pub line: Option<Spanned<String>>,
    pub text: Option<Spanned<String>>,
    pub cut: Cut,
    #[serde(default)]
    pub test: Vec<BoilerplateTest>,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Cut {
    Line,
    Rest,
    Match,
}

/// `input` is one line; `expect` is "cut" or "keep".
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoilerplateTest {
    pub input: String,
    pub expect: String,
}

#[derive(Clone, Debug)]
struct Compiled {
    id: String,
    re: Regex,
    whole_line: bool,
    cut: Cut,
    tests: Vec<BoilerplateTest>,
}

/// The compiled boilerplate rules.
#[derive(Clone, Debug)]
pub struct Boilerplate {
    rules: Vec<Compiled>,
}

impl Boilerplate {
    pub fn compile(file: BoilerplateFile, ctx: &Ctx) -> Result<Boilerplate> {
        let mut rules = Vec::new();
        for r in file.rule {
            let (pat, whole_line) = match (&r.line, &r.text) {
                (Some(l), None) => (l, true),
                (None, Some(t)) => (t, false),
                _ => {
                    return Err(ctx.error_at(
                        find(&ctx.text, &r.id),
                        format!("rule {}: expected exactly one of `line` or `text`", r.id),
                    ));
                }
            };
            let src = if whole_line {
                format!("^(?:{})$", pat.get_ref())
            } else {
                pat.get_ref().clone()
            };
            let re = Regex::new(&src).map_err(|e| {
                ctx.error_at(
                    pat.span().start,
                    format!("rule {}: pattern does not compile: {}", r.id, one_line(&e)),
                )
            })?;
            rules.push(Compiled {
                id: r.id,
                re,
                whole_line,
                cut: r.cut,
                tests: r.test,
            });
        }
        Ok(Boilerplate { rules })
    }

    /// The byte ranges of `text` (from `body_start` on) that are boilerplate,
    /// sorted and merged.
    pub fn regions(&self, text: &str, body_start: usize) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = Vec::new();
        let mut pos = body_start;
        'lines: while pos < text.len() {
            let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
            let line = &text[pos..end];
            let trimmed = line.trim();
            for r in &self.rules {
                if r.whole_line {
                    if r.re.is_match(trimmed) {
                        match r.cut {
                            Cut::Rest => {
                                out.push((pos, text.len()));
                                break 'lines;
                            }
                            Cut::Line | Cut::Match => out.push((pos, end)),
                        }
                    }
                    continue;
                }
                for m in r.re.find_iter(line) {
                    match r.cut {
                        Cut::Rest => {
                            out.push((pos + m.start(), text.len()));
                            break 'lines;
                        }
                        Cut::Line => out.push((pos, end)),
                        Cut::Match => out.push((pos + m.start(), pos + m.end())),
                    }
                }
            }
            pos = end + 1;
        }
        merge(out)
    }

    /// Runs every `[[rule.test]]`; one line per failure.
    pub fn check_examples(&self) -> Vec<String> {
        let mut failures = Vec::new();
        for r in &self.rules {
            for t in &r.tests {
                let hit = if r.whole_line {
                    r.re.is_match(t.input.trim())
                } else {
                    r.re.is_match(&t.input)
                };
                let got = if hit { "cut" } else { "keep" };
                if got != t.expect {
                    failures.push(format!(
                        "boilerplate.toml {}: {:?} gave {got}, expected {}",
                        r.id, t.input, t.expect
                    ));
                }
            }
        }
        failures
    }
}

fn merge(mut v: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    v.sort();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(v.len());
    for (a, b) in v {
        match out.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

fn find(text: &str, needle: &str) -> usize {
    text.find(needle).unwrap_or(0)
}

/// A regex error on one line.
pub fn one_line(e: &regex::Error) -> String {
    e.to_string()
        .lines()
        .map(str::trim)
        .rfind(|l| !l.is_empty())
        .unwrap_or("invalid regex")
        .to_string()
}
