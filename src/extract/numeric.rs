//! The engine behind the numeric extractors (duration, since, age, count,
//! date): pattern rules from `rules/<kind>.toml`, compiled once, run over
//! each paragraph once, each match handed to its kind's reader.
//!
//! A pattern may use these macros:
//!
//! | macro | matches |
//! |---|---|
//! | `{number}` | `3`, `1,000`, `3½`, `3-1/2`, `one-fifth`, `a million`, `hundreds` |
//! | `{ordinal}` | `fourth`, `21st` |
//! | `{hedge}` | any word of `rules/hedges.toml` |
//! | `{unit}` | a time unit: `hours`, `hour`, `decades`, `min` … |
//! | `{month}`, `{weekday}` | month names and abbreviations (`Oct`, `Jan.`, `Sept`), weekday names |
//! | `{currency_pre}` | a currency before an amount: `$`, `€`, `US$`, `USD`, `Rs` |
//! | `{currency_word}` | a currency after an amount: `euros`, `pounds sterling`, `USD` |
//! | `{measure_unit}` | a unit of length, speed or temperature: `km`, `miles per hour`, `°F` |
//!
//! The fact's words are the whole match, or the group named `fact` where a
//! pattern has one. `skip` patterns are checked against the `num` group
//! (else the whole match).

use crate::clean::Document;
use crate::clean::boilerplate::one_line;
use crate::error::Result;
use crate::fact::{Fact, Kind, Value};
use crate::normalise::hedges::HedgeFile;
use crate::normalise::{currency, numbers, time};
use crate::rules::{Ctx, Rules};
use chrono::NaiveDate;
use regex::{Captures, Regex, RegexSet, RegexSetBuilder};
use serde::Deserialize;
use toml::Spanned;

mod required;

/// `rules/<kind>.toml`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatternFile {
    /// Patterns for text that is never a fact of this kind ("Group of 20",
    /// "F-35"): a match that overlaps one is dropped.
    #[serde(default)]
    pub skip: Vec<Spanned<String>>,
    /// Words that can end a noun match but are not things counted
    /// ("several times", "a couple of big ones"); used by counts.
    #[serde(default)]
    pub not_nouns: Vec<String>,
    /// Time-zone names and abbreviations ("ET", "CET"); used by clock times.
    #[serde(default)]
    pub zone: Vec<super::clock::Zone>,
    #[serde(default)]
    pub rule: Vec<PatternRule>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatternRule {
    pub id: String,
    pub description: String,
    pub pattern: Spanned<String>,
    /// The modality of every match, where the rule knows it (the old value
    /// of a revision is `earlier`); else it is read from cue words.
    #[serde(default)]
    pub modality: Option<crate::normalise::modality::ModalityName>,
    #[serde(default)]
    pub test: Vec<PatternTest>,
}

/// An inline example. `input` is a sentence. With `text`, the rule must
/// produce a fact with exactly those words (and, where given, that value as
/// crosscheck prints it, that subject and modality); without `text`, it must
/// produce none. `published` resolves relative dates (default 2025-08-16).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatternTest {
    pub input: String,
    pub text: Option<String>,
    pub value: Option<String>,
    pub subject: Option<String>,
    pub modality: Option<String>,
    pub published: Option<String>,
}

/// A compiled pattern rule.
#[derive(Clone, Debug)]
pub struct Pattern {
    pub id: String,
    pub re: Regex,
    pub modality: Option<crate::fact::Modality>,
    pub tests: Vec<PatternTest>,
}

/// The compiled rules of one kind.
#[derive(Clone, Debug)]
pub struct PatternSet {
    pub kind: Kind,
    pub rules: Vec<Pattern>,
    /// Every rule's pattern in one set: which rules match a paragraph at
    /// all, found in one pass over it, so that only those rules scan it
    /// again for their matches. `None` where the set is too large to
    /// compile; then every rule scans every paragraph.
    pub any: Option<RegexSet>,
    /// Text no rule of the kind can match without (a "%", a currency, a
    /// unit word), derived from the rules: a paragraph without it is
    /// skipped before the set search. `None` where the rules need nothing
    /// rarer than a digit or the word "a".
    pub needs: Option<Regex>,
    pub skip: Vec<Regex>,
    pub not_nouns: Vec<String>,
    pub zones: Vec<super::clock::Zone>,
}

/// Text length from which a kind's patterns are read with match caches of
/// their own (see [`extract_with`]); below it they share the rules' caches,
/// warm from the articles read before.
const OWN_CACHES_FROM: usize = 4 << 20;

/// Room for the lazy DFA of a kind's rule set, per thread. The union of a
/// kind's rules needs more states than one rule; at the engine's default
/// (2 MB) the cache of the larger kinds is cleared over and over on a few
/// hundred ordinary articles, and the set runs slower than its rules one
/// by one.
const SET_DFA_BYTES: usize = 8 << 20;

/// The time units `{unit}` matches.
const UNIT: &str = r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|fortnights?|months?|years?|decades?|centuries|century)";

impl PatternSet {
    pub fn compile(kind: Kind, file: PatternFile, hedges: &HedgeFile, ctx: &Ctx) -> Result<Self> {
        let weekdays = time::WEEKDAYS.join("|");
        let macros: [(&str, String); 9] = [
            ("{number}", numbers::number_pattern()),
            ("{ordinal}", numbers::ordinal_pattern()),
            ("{hedge}", hedges.pattern()),
            ("{unit}", UNIT.to_string()),
            ("{month}", time::month_pattern()),
            ("{weekday}", format!("(?:{weekdays})")),
            ("{currency_pre}", currency::pre_pattern()),
            ("{currency_word}", currency::word_pattern()),
            ("{measure_unit}", crate::normalise::units::pattern()),
        ];
        let expand = |p: &str| {
            let mut s = p.to_string();
            for (name, body) in &macros {
                s = s.replace(name, body);
            }
            // A zero-width space or word joiner pasted between words
            // ("nearly\u{200b}three hours") separates them like a space.
            let s = s.replace(r"\s", r"[\s\x{200B}\x{2060}]");
            // A non-breaking hyphen (U+2011) or Unicode hyphen (U+2010)
            // joins words like "-": "45\u{2011}year\u{2011}old".
            let s = s
                .replace("-]", r"\x{2010}\x{2011}-]")
                .replace("(?:-|", r"(?:-|\x{2010}|\x{2011}|");
            // Numbers are read from ASCII digits only: a Unicode `\d` (the
            // digits of dozens of scripts) matched nothing more that could
            // be read, and took a fifth of the compiled rules' memory.
            let s = s.replace(r"\d", "[0-9]");
            // ASCII word boundaries keep the fast DFA engine on text with
            // curly quotes; numbers and units are ASCII words anyway.
            format!("(?i){}", s.replace(r"\b", r"(?-u:\b)"))
        };
        let mut rules = Vec::new();
        for r in file.rule {
            let re = Regex::new(&expand(r.pattern.get_ref())).map_err(|e| {
                ctx.error_at(
                    r.pattern.span().start,
                    format!("rule {}: pattern does not compile: {}", r.id, one_line(&e)),
                )
            })?;
            rules.push(Pattern {
                id: r.id,
                re,
                modality: r.modality.map(Into::into),
                tests: r.test,
            });
        }
        let mut skip = Vec::new();
        for s in file.skip {
            skip.push(Regex::new(&expand(s.get_ref())).map_err(|e| {
                ctx.error_at(
                    s.span().start,
                    format!("skip pattern does not compile: {}", one_line(&e)),
                )
            })?);
        }
        let not_nouns = file.not_nouns.iter().map(|w| w.to_lowercase()).collect();
        for z in &file.zone {
            z.check().map_err(|e| ctx.error_at(0, e))?;
        }
        let any = RegexSetBuilder::new(rules.iter().map(|r| r.re.as_str()))
            .dfa_size_limit(SET_DFA_BYTES)
            .build()
            .ok();
        let needs = required::prefilter(rules.iter().map(|r| r.re.as_str()));
        Ok(PatternSet {
            kind,
            rules,
            any,
            needs,
            skip,
            not_nouns,
            zones: file.zone,
        })
    }

    /// The indexes of the rules with a match somewhere in `text`, in rule
    /// order. Most paragraphs hold a match of few rules or none.
    fn rules_matching(&self, text: &str) -> Vec<usize> {
        if self.needs.as_ref().is_some_and(|n| !n.is_match(text)) {
            return Vec::new();
        }
        match &self.any {
            Some(set) => set.matches(text).into_iter().collect(),
            None => (0..self.rules.len()).collect(),
        }
    }

    /// The spans of `text` that the skip patterns match, sorted by start,
    /// each with the furthest end reached so far: "does a skip overlap this
    /// match?" in logarithmic time, not one pass per match.
    fn skips(&self, text: &str) -> Skips {
        let mut spans: Vec<(usize, usize)> = self
            .skip
            .iter()
            .flat_map(|re| re.find_iter(text).map(|m| (m.start(), m.end())))
            .collect();
        spans.sort_unstable();
        let reach = spans
            .iter()
            .scan(0, |r, &(_, b)| {
                *r = (*r).max(b);
                Some(*r)
            })
            .collect();
        Skips { spans, reach }
    }

    /// Runs every inline example; one line per failure.
    pub fn check_examples(&self, rules: &Rules) -> Vec<String> {
        let mut failures = Vec::new();
        for p in &self.rules {
            for t in &p.tests {
                let published = t
                    .published
                    .as_deref()
                    .map(crate::ingest::parse_date)
                    .unwrap_or(NaiveDate::from_ymd_opt(2025, 8, 16));
                let doc = crate::clean::example_document(&t.input, published, rules);
                let facts: Vec<Fact> = crate::extract::extract_kind(self.kind, &doc, rules)
                    .into_iter()
                    .filter(|f| f.rule.as_str() == p.id)
                    .collect();
                let file = format!("{}.toml {}", self.kind, p.id);
                match &t.text {
                    None => {
                        if let Some(f) = facts.first() {
                            failures.push(format!(
                                "{file}: {:?} gave {:?}, expected no fact",
                                t.input, f.text
                            ));
                        }
                    }
                    Some(text) => {
                        let Some(f) = facts.iter().find(|f| *f.text == **text) else {
                            let got: Vec<&str> = facts.iter().map(|f| &*f.text).collect();
                            failures.push(format!(
                                "{file}: {:?} gave {got:?}, expected {text:?}",
                                t.input
                            ));
                            continue;
                        };
                        let checks = [
                            ("value", t.value.as_deref(), f.value.describe()),
                            ("subject", t.subject.as_deref(), f.subject.to_string()),
                            (
                                "modality",
                                t.modality.as_deref(),
                                f.modality.as_str().to_string(),
                            ),
                        ];
                        for (what, want, got) in checks {
                            if let Some(want) = want
                                && want != got
                            {
                                failures.push(format!(
                                    "{file}: {:?}: {what} {got:?}, expected {want:?}",
                                    t.input
                                ));
                            }
                        }
                    }
                }
            }
        }
        failures
    }
}

/// What a kind's reader makes of one match.
pub struct Reading {
    pub value: Value,
    pub hedge: Option<String>,
    /// A subject the reader chose itself (counts: the counted noun).
    pub subject: Option<(String, String)>,
}

/// Reads one match of a rule into a value; `None` drops the match.
pub type Reader = fn(&Captures, &MatchContext) -> Option<Reading>;

/// What a reader may look at besides the captures.
pub struct MatchContext<'a> {
    pub doc: &'a Document,
    pub rules: &'a Rules,
    /// The paragraph the match is in, and where it starts in the file.
    pub paragraph: &'a str,
    pub paragraph_start: usize,
    /// The match's span within the paragraph.
    pub span: (usize, usize),
}

impl MatchContext<'_> {
    /// The paragraph text before the fact.
    pub fn before(&self) -> &str {
        &self.paragraph[..self.span.0]
    }
    /// The paragraph text after the fact.
    pub fn after(&self) -> &str {
        &self.paragraph[self.span.1..]
    }
    /// The last `bytes` bytes (at most) of the text before the fact, blanks
    /// at its end dropped, in lower case: the words right before it ("188
    /// miles an hour"), never the whole start of a long paragraph.
    pub fn prev_lower(&self, bytes: usize) -> String {
        let before = self.before().trim_end();
        let mut from = before.len().saturating_sub(bytes);
        while !before.is_char_boundary(from) {
            from += 1;
        }
        before[from..].to_lowercase()
    }
    /// The first `bytes` bytes (at most) of the text after the fact, blanks
    /// skipped, in lower case: what a reader looks at next ("per year",
    /// "of Ukraine"), never the whole rest of a long paragraph.
    pub fn next_lower(&self, bytes: usize) -> String {
        let after = self.after().trim_start();
        after[..crate::normalise::subjects::floor_char(after, bytes.min(after.len()))]
            .to_lowercase()
    }
    /// The sentence around the fact, and the fact's span in it.
    pub fn sentence(&self) -> (&str, (usize, usize)) {
        let abs = self.paragraph_start + self.span.0;
        match self.doc.sentence_at(abs) {
            Some(s) => {
                let text = &self.doc.text[s.start..s.end];
                let a = abs - s.start;
                let b = (self.paragraph_start + self.span.1).min(s.end) - s.start;
                (text, (a, b))
            }
            None => (self.paragraph, self.span),
        }
    }
}

/// Runs the rules of `kind` over `doc`, reading matches with `read`.
/// Overlapping matches of one kind: the earlier rule wins, then the longer.
pub fn extract_with(kind: Kind, doc: &Document, rules: &Rules, read: Reader) -> Vec<Fact> {
    let Some(shared) = rules.patterns_for(kind) else {
        return Vec::new();
    };
    // A long article fills its patterns' match caches (a lazy DFA per
    // pattern, per thread) as far as they go: a copy of the patterns, with
    // caches of its own, lets them go once this kind is read instead of
    // at the end of extraction.
    let own;
    let set = if doc.text.len() >= OWN_CACHES_FROM {
        own = shared.clone();
        &own
    } else {
        shared
    };
    let mut facts: Vec<Fact> = Vec::new();
    // Which rule found each fact, beside it: the list of a long article's
    // figures is sorted and filtered in place, never copied.
    let mut by_rule: Vec<u32> = Vec::new();
    for &(pa, pb) in &doc.paragraphs {
        let paragraph = &doc.text[pa..pb];
        let matching = set.rules_matching(paragraph);
        if matching.is_empty() {
            continue;
        }
        let skips = set.skips(paragraph);
        for ri in matching {
            let rule = &set.rules[ri];
            for caps in rule.re.captures_iter(paragraph) {
                let Some(span) = fact_span(&caps) else {
                    continue;
                };
                let probe = caps.name("num").map_or(span, |m| (m.start(), m.end()));
                if skips.overlap(probe) {
                    continue;
                }
                let ctx = MatchContext {
                    doc,
                    rules,
                    paragraph,
                    paragraph_start: pa,
                    span,
                };
                let Some(reading) = read(&caps, &ctx) else {
                    continue;
                };
                if !well_formed(&reading.value) {
                    continue;
                }
                // A hedge word read as a preposition is not part of the fact.
                let mut span = span;
                if reading.hedge.is_none()
                    && let (Some(h), Some(n)) = (caps.name("hedge"), caps.name("num"))
                    && h.start() == span.0
                {
                    span.0 = n.start();
                }
                let (start, end) = (pa + span.0, pa + span.1);
                let mut fact = Fact::new(doc, kind, start, end, reading.value, &rule.id);
                fact.hedge = reading.hedge.as_deref().map(crate::words::Word::of);
                let (sentence, in_sentence) = ctx.sentence();
                let subject = reading
                    .subject
                    .or_else(|| rules.subject_index.nearest(sentence, in_sentence, kind));
                if let Some((id, words)) = subject {
                    fact.subject = crate::words::Word::of(&id);
                    fact.subject_words = Some(crate::words::Word::of(&words));
                }
                fact.modality = match rule.modality {
                    Some(m) => m,
                    None => rules.modality.of(sentence, in_sentence),
                };
                facts.push(fact);
                by_rule.push(ri as u32);
            }
        }
    }
    // Earlier rule first, then longer span: keep a match only if it overlaps
    // nothing kept before it.
    let mut order: Vec<u32> = (0..facts.len() as u32).collect();
    order.sort_unstable_by(|&a, &b| {
        let (x, y) = (&facts[a as usize], &facts[b as usize]);
        by_rule[a as usize]
            .cmp(&by_rule[b as usize])
            .then((y.end - y.start).cmp(&(x.end - x.start)))
            .then(x.start.cmp(&y.start))
            .then(a.cmp(&b))
    });
    drop(by_rule);
    let mut keep = vec![false; facts.len()];
    let mut spans = super::Spans::default();
    for &i in &order {
        let f = &facts[i as usize];
        if !spans.overlaps(f.start, f.end) {
            spans.insert(f.start, f.end);
            keep[i as usize] = true;
        }
    }
    drop(order);
    let mut keep = keep.into_iter();
    facts.retain(|_| keep.next().unwrap_or(false));
    // Kept spans are disjoint, so no two share a start (an empty span
    // aside, which `fact_span` never gives): the order is total.
    facts.sort_unstable_by_key(|f| (f.start, f.end));
    facts.shrink_to_fit();
    facts
}

/// Text a kind's skip patterns match in one paragraph.
struct Skips {
    spans: Vec<(usize, usize)>,
    /// The furthest end among `spans[..=i]`.
    reach: Vec<usize>,
}

impl Skips {
    /// Whether a skip span overlaps `[a, b)`.
    fn overlap(&self, (a, b): (usize, usize)) -> bool {
        let k = self.spans.partition_point(|&(s, _)| s < b);
        k > 0 && self.reach[k - 1] > a
    }
}

/// Whether a value's interval is a set a figure can denote: `lo ≤ hi`,
/// finite `lo`, no NaN. A reading that breaks this ("two and a half" read
/// as a range from 2 down to 0.5) is a misreading and is dropped: an empty
/// interval overlaps nothing and could only make false conflicts.
pub fn well_formed(value: &Value) -> bool {
    match value.interval() {
        Some(iv) => iv.lo.is_finite() && !iv.hi.is_nan() && iv.lo <= iv.hi,
        None => true,
    }
}

/// The group `fact`, else the whole match, trimmed of spaces.
fn fact_span(caps: &Captures) -> Option<(usize, usize)> {
    let m = caps.name("fact").or_else(|| caps.get(0))?;
    let text = m.as_str();
    let lead = text.len() - text.trim_start().len();
    let trail = text.len() - text.trim_end().len();
    let (a, b) = (m.start() + lead, m.end() - trail);
    (a < b).then_some((a, b))
}

/// The hedge named by the `hedge` group, if any, and its words. A hedge
/// word right after a word of its `not_after` list is a plain preposition
/// ("control over one-fifth of Ukraine"), not a hedge.
pub fn hedge_of<'r>(
    caps: &Captures,
    ctx: &MatchContext<'r>,
) -> (Option<&'r crate::normalise::hedges::Hedge>, Option<String>) {
    let Some(m) = caps.name("hedge") else {
        return (None, None);
    };
    let words = m.as_str().split_whitespace().collect::<Vec<_>>().join(" ");
    let Some(hedge) = ctx.rules.hedges.find(&words) else {
        return (None, None);
    };
    let prev = ctx.paragraph[..m.start()]
        .split(|c: char| !c.is_alphanumeric())
        .rfind(|w| !w.is_empty())
        .unwrap_or("");
    if hedge.not_after.iter().any(|w| w.eq_ignore_ascii_case(prev)) {
        return (None, None);
    }
    (Some(hedge), Some(words.to_lowercase()))
}

/// Seconds in one time unit word ("hours" → 3600).
pub fn unit_seconds(unit: &str) -> Option<f64> {
    let u = unit.to_lowercase();
    let u = u.trim_end_matches('s');
    Some(match u {
        "second" | "sec" => 1.0,
        "minute" | "min" => 60.0,
        "hour" | "hr" | "h" => 3600.0,
        "day" => 86400.0,
        "week" => 7.0 * 86400.0,
        "fortnight" => 14.0 * 86400.0,
        "month" => 365.25 / 12.0 * 86400.0,
        "year" => 365.25 * 86400.0,
        "decade" => 10.0 * 365.25 * 86400.0,
        "century" | "centurie" => 100.0 * 365.25 * 86400.0,
        _ => return None,
    })
}

/// Years in one time unit word ("decades" → 10), for windows and ages.
pub fn unit_years(unit: &str) -> Option<f64> {
    unit_seconds(unit).map(|s| s / (365.25 * 86400.0))
}
