//! Quotes: direct quotations, with who said them.
//!
//! ## What it extracts
//! Words between quote marks in the outlet's story: straight and curly,
//! double and single. In single-quote house styles the apostrophe and the
//! closing quote are one character (`'There's no deal until there is a
//! deal,' Trump told reporters`): a mark between two letters is an
//! apostrophe, never a quote mark. A quote may run over several sentences;
//! an ellipsis (`...`, `…`) cuts it into the pieces the outlet kept, each a
//! fact of its own. Quotes nested in a double-quoted quote belong to it.
//!
//! ## Speakers
//! In this order: an attribution right after the quote (`," Trump said`,
//! `” the Russian leader said`, `,' said Mike Byerly`); a speech verb before
//! it in the sentence, whose subject is the first person, pronoun or title
//! of the sentence (`Honcharenko said on the Telegram messaging app, "…"`,
//! `Putin said he expected … not try to "disrupt the emerging progress."`);
//! a quote opening a sentence right after an attributed quote continues it
//! (`"…," he said. "…"`). "he", "she" and "the president" are the person
//! the article was last talking about (the last speaker, else the first
//! person named in the sentence before), and so are role nouns from the
//! rules ("the prosecutor", "the magistrate"); "the Russian leader" is whoever the
//! article introduced with that title, else the same. The speaker is stored
//! as an entity key ([`crate::normalise::names::key`]).
//!
//! Words after "a backdrop that read", "the words", "the word" … are not
//! speech: they get no speaker and are compared only with other such words.
//! Quoted words in capitals only (`'COUNTING ON AMERICA'`) are headings,
//! not quotes.
//!
//! ## Examples (from the corpus)
//! - `"I'm not here to negotiate for Ukraine, I'm here to get them at a
//!   table," he said.` → Trump
//! - `“I’m not here to negotiate for Ukraine,” Trump said. “I’m here to get
//!   them at a table.”` → two facts, both Trump
//! - `a backdrop that read, "Pursuing Peace."` → not speech
//!
//! ## Known gaps
//! - A possessive plural inside a single-quoted quote (`'the leaders' aims'`)
//!   ends the quote early.
//! - A quote running over several paragraphs is cut at each paragraph end.
//! - Speakers named only by a role the rules do not list ("the aide") stay
//!   unknown; "they" is read as the last speaker.
//!
//! Rules: `rules/quotes.toml`.

use super::Extractor;
use crate::clean::mentions::QuoteSpan as Span;
use crate::clean::{Document, example_document};
use crate::fact::{Entity, Fact, Kind, Value};
use crate::normalise::{names, quotes as qnorm};
use crate::rules::Rules;
use regex::Regex;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

/// `rules/quotes.toml`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuoteRules {
    /// Verbs that attribute a quote.
    #[serde(default)]
    pub speech_verbs: Vec<String>,
    /// Words before a name that make it a person's name. Kept for rule
    /// files that set it; people now come from the shared mentions
    /// ([`crate::clean::mentions`]) and `names.toml`'s titles.
    #[serde(default)]
    pub person_titles: Vec<String>,
    /// Words right before an opening mark that make the quote not speech.
    #[serde(default)]
    pub not_speech: Vec<String>,
    /// Titles that refer to whoever the article is talking about.
    #[serde(default)]
    pub generic_titles: Vec<String>,
    /// Titles that name one person.
    #[serde(default)]
    pub title: Vec<TitleRule>,
    /// Inline examples.
    #[serde(default)]
    pub test: Vec<QuoteExample>,
    /// Finding remarks in an article that marks no quote.
    #[serde(default)]
    pub unmarked: super::unmarked::UnmarkedRules,
    /// The regexes built from the word lists, on first use.
    #[serde(skip)]
    compiled: OnceLock<Option<Compiled>>,
}

/// A title that names one person: "the Russian president".
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TitleRule {
    /// How the article refers back to the person.
    pub phrases: Vec<String>,
    /// How the article introduces them, before their name.
    pub named_as: Vec<String>,
}

/// An example paragraph and the quotes expected in it, in order.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuoteExample {
    pub input: String,
    #[serde(default)]
    pub quote: Vec<ExpectedQuote>,
}

/// One expected quote of an example.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedQuote {
    pub words: String,
    /// A name; absent when the quote has no speaker.
    #[serde(default)]
    pub speaker: Option<String>,
    #[serde(default = "yes")]
    pub speech: bool,
}

fn yes() -> bool {
    true
}

impl QuoteRules {
    /// Runs the file's inline examples; one line per failure.
    pub fn check_examples(&self, rules: &Rules) -> Vec<String> {
        let mut out = Vec::new();
        for (i, ex) in self.test.iter().enumerate() {
            let doc = example_document(&ex.input, None, rules);
            let facts = Quote.extract(&doc, rules);
            let got: Vec<String> = facts.iter().map(describe).collect();
            let want: Vec<String> = ex
                .quote
                .iter()
                .map(|q| {
                    let who = match (&q.speaker, q.speech) {
                        (_, false) => "not speech".to_string(),
                        (Some(name), true) => names::key(name),
                        (None, true) => "no speaker".to_string(),
                    };
                    format!("{who}: {}", q.words)
                })
                .collect();
            if got != want {
                out.push(format!(
                    "rules/quotes.toml: test {} ({}): expected [{}], got [{}]",
                    i + 1,
                    short(&ex.input),
                    want.join(" | "),
                    got.join(" | ")
                ));
            }
        }
        out.extend(self.unmarked.check_examples());
        out
    }
}

fn describe(f: &Fact) -> String {
    let (words, speech) = match &f.value {
        Value::Quote { words, speech, .. } => (&**words, *speech),
        _ => ("", true),
    };
    let who = match (&f.speaker, speech) {
        (_, false) => "not speech".to_string(),
        (Some(k), true) => k.to_string(),
        (None, true) => "no speaker".to_string(),
    };
    format!("{who}: {words}")
}

fn short(s: &str) -> String {
    let mut out: String = s.chars().take(50).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

pub struct Quote;

impl Extractor for Quote {
    fn kind(&self) -> Kind {
        Kind::Quote
    }

    fn reads_people(&self) -> bool {
        true
    }

    fn reads_quotes(&self) -> bool {
        true
    }

    fn extract(&self, doc: &Document, rules: &Rules) -> Vec<Fact> {
        let q = &rules.quotes;
        match q.compiled.get_or_init(|| Compiled::new(q)) {
            Some(c) => extract_quotes(doc, q, c),
            None => Vec::new(),
        }
    }
}

/// Regexes built from the rule file's word lists.
#[derive(Clone, Debug)]
struct Compiled {
    post: Regex,
    verb: Regex,
    pronoun: Regex,
    capital: Regex,
    holders: Vec<Regex>,
}

/// An adverb between a subject and its verb: "Putin quickly chipped back".
const ADVERB: &str = r"(?:(?:\p{Ll}+ly|then|also|later|again|once)\s+)?";

const NAME: &str = r"\p{Lu}[\p{L}\p{M}'’-]*";

fn alternation(words: &[String]) -> String {
    let mut ws: Vec<&String> = words.iter().filter(|w| !w.trim().is_empty()).collect();
    ws.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let parts: Vec<String> = ws
        .iter()
        .map(|w| {
            w.split_whitespace()
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+")
        })
        .collect();
    if parts.is_empty() {
        // Matches nothing.
        r"[^\s\S]".to_string()
    } else {
        parts.join("|")
    }
}

impl Compiled {
    fn new(r: &QuoteRules) -> Option<Compiled> {
        let verbs = alternation(&r.speech_verbs);
        let name3 = format!(r"{NAME}(?:\s+{NAME}){{0,2}}");
        let subj = format!(
            r"[Hh]e|[Ss]he|[Tt]hey|[Tt]he(?:\s+[\p{{L}}.’'-]+){{1,3}}?|(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?{name3}"
        );
        let holders = r
            .title
            .iter()
            .map(|t| {
                Regex::new(&format!(
                    r"(?-u:\b)(?:{})\s+({name3})",
                    alternation(&t.named_as)
                ))
            })
            .collect::<Result<Vec<_>, _>>()
            .ok()?;
        Some(Compiled {
            post: Regex::new(&format!(
                r"^[\s,]*(?:(?P<s>{subj}){PARTY}\s+{ADVERB}(?:{verbs})(?-u:\b)|(?P<v2>{verbs})\s+(?P<s2>{NAME}(?:\s+{NAME}|\s+of|\s+the){{0,5}})|(?P<s3>(?:[\p{{L}}’'.-]+\s+){{1,4}}?{name3}){PARTY}\s+{ADVERB}(?:{verbs})(?-u:\b))"
            ))
            .ok()?,
            verb: Regex::new(&format!(r"(?i)(?-u:\b)(?:{verbs})(?-u:\b)")).ok()?,
            pronoun: Regex::new(r"(?-u:\b)(?:[Hh]e|[Ss]he)(?-u:\b)").ok()?,
            capital: Regex::new(NAME).ok()?,
            holders,
        })
    }
}

/// A US lawmaker's party and state set off by commas after the name, as
/// wire copy writes it: `House Majority Leader Steve Scalise, R-La., said`.
const PARTY: &str = r"(?:,\s*[RDI]-[\p{Lu}][\p{L}.]*,)?";

/// Words that start a capitalised run without being a name.
const NOT_NAMES: &[&str] = &[
    "There",
    "Here",
    "What",
    "Speaking",
    "The",
    "A",
    "An",
    "But",
    "And",
    "So",
    "Then",
    "Yet",
    "Also",
    "Meanwhile",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "This",
    "That",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "When",
    "While",
    "As",
    "After",
    "Asked",
    "To",
    "In",
    "On",
    "For",
    "If",
    "Still",
    "Earlier",
    "President",
    "Minister",
    "Secretary",
    "Chancellor",
    "Senator",
    "Governor",
];

/// A person's surname as the article spells it, from a run of capitalised
/// words: "Mr Trump's" → "Trump".
fn surname(run: &str) -> Option<String> {
    let last = run.split_whitespace().last()?;
    let last = strip_possessive(last.trim_end_matches(['.', ',']));
    if NOT_NAMES.contains(&last) || last.chars().count() < 2 {
        return None;
    }
    Some(last.to_string())
}

fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .or_else(|| w.strip_suffix('\''))
        .or_else(|| w.strip_suffix('’'))
        .unwrap_or(w)
}

/// Case and accent folding for matching a surname to its mentions.
fn fold(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    // ASCII has no accents, and its Unicode lower case is its ASCII one.
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .collect::<String>()
        .to_lowercase()
}

/// The people an article names, and where it names them.
struct People {
    /// folded surname → surname as spelled first, shared by its mentions.
    by_fold: BTreeMap<String, Arc<str>>,
    /// (byte, surname, end byte) of every person mention outside quotes.
    mentions: Vec<(usize, Arc<str>, usize)>,
    /// (byte, title index, surname) of every "Russian President Vladimir Putin".
    holders: Vec<(usize, usize, String)>,
}

impl People {
    /// The people of the document's shared mentions
    /// ([`crate::clean::mentions`]) outside quotes, and the holders of the
    /// rules' titles in the narration.
    fn find(doc: &Document, narration: &Narration, c: &Compiled) -> People {
        let mut by_fold = BTreeMap::new();
        let mut mentions: Vec<(usize, Arc<str>, usize)> = Vec::new();
        for m in doc
            .mentions
            .people
            .iter()
            .filter(|m| m.entity == Entity::Person && !doc.mentions.in_quotes(m.start))
        {
            let surname = names::Person::parse(m.surface(&doc.text)).surname;
            if surname.chars().count() < 2 {
                continue;
            }
            let spelled = Arc::clone(
                by_fold
                    .entry(fold(&surname))
                    .or_insert_with(|| surname.as_str().into()),
            );
            mentions.push((m.start, spelled, m.end));
        }
        // Find first, capture within the match: a capturing search over a
        // whole article is much slower than a plain one.
        let captures = |re: &Regex, chunk: &str, from: usize| -> Vec<(usize, String)> {
            re.find_iter(chunk)
                .filter_map(|m| {
                    let cap = re.captures(m.as_str())?;
                    Some((from + m.start(), cap.get(1)?.as_str().to_string()))
                })
                .collect()
        };
        let mut holders = Vec::new();
        for (from, to) in narration.chunks(&doc.sentences) {
            let chunk = narration.get(from, to);
            for (i, re) in c.holders.iter().enumerate() {
                for (at, run) in captures(re, &chunk, from) {
                    if let Some(s) = surname(&run) {
                        by_fold.entry(fold(&s)).or_insert_with(|| s.as_str().into());
                        holders.push((at, i, s));
                    }
                }
            }
        }
        holders.sort();
        People {
            by_fold,
            mentions,
            holders,
        }
    }

    fn spelled(&self, run: &str) -> Option<String> {
        let s = surname(run)?;
        Some(self.by_fold.get(&fold(&s)).map_or(s, |a| a.to_string()))
    }
}

/// How a speaker was found, for the fact's rule id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Found {
    After,
    Before,
    Continued,
    Unattributed,
    Display,
}

impl Found {
    fn rule(self) -> &'static str {
        match self {
            Found::After => "quote.attributed-after",
            Found::Before => "quote.attributed-before",
            Found::Continued => "quote.continued",
            Found::Unattributed => "quote.unattributed",
            Found::Display => "quote.not-speech",
        }
    }
}

/// The narration of an article: its text with every quote's words, the
/// boilerplate and the front matter blanked out (same byte offsets), so
/// names and verbs are only found in the outlet's own words. It is read a
/// window at a time: a masked copy of a whole long article would double
/// the memory its text takes.
struct Narration<'a> {
    text: &'a str,
    /// Sorted, disjoint.
    paragraphs: &'a [(usize, usize)],
    /// The quoted passages, sorted and disjoint.
    mentions: &'a crate::clean::mentions::Mentions,
}

/// The longest stretch of narration searched at once for title holders:
/// a whole article, unless it is very long.
const CHUNK: usize = 1 << 20;

impl<'a> Narration<'a> {
    fn new(doc: &'a Document) -> Self {
        Narration {
            text: &doc.text,
            paragraphs: &doc.paragraphs,
            mentions: &doc.mentions,
        }
    }

    fn len(&self) -> usize {
        self.text.len()
    }

    /// Whether byte `at` is blanked: inside a quote's words, or outside
    /// every paragraph.
    fn blanked(&self, at: usize) -> bool {
        let p = self.paragraphs.partition_point(|p| p.1 <= at);
        let in_paragraph = self.paragraphs.get(p).is_some_and(|p| p.0 <= at);
        !in_paragraph || self.mentions.in_quotes(at)
    }

    /// Whether `at` is a character boundary of the masked text: blanked
    /// characters are spaces, one per byte.
    fn is_char_boundary(&self, at: usize) -> bool {
        at == self.len() || self.text.is_char_boundary(at) || (at < self.len() && self.blanked(at))
    }

    /// Bytes `[from, to)` of the masked text; both must be character
    /// boundaries of it.
    fn get(&self, from: usize, to: usize) -> String {
        let mut bytes = self.text.as_bytes()[from..to].to_vec();
        let mut blank = |a: usize, b: usize, keep_newlines: bool| {
            let (a, b) = (a.max(from) - from, b.min(to).saturating_sub(from));
            for x in bytes.get_mut(a..b).unwrap_or_default() {
                if !(keep_newlines && *x == b'\n') {
                    *x = b' ';
                }
            }
        };
        let mut at = from;
        let first = self.paragraphs.partition_point(|p| p.1 <= from);
        for &(a, b) in self.paragraphs[first..].iter().take_while(|p| p.0 < to) {
            if a > at {
                blank(at, a, true);
            }
            at = at.max(b);
        }
        if at < to {
            blank(at, to, true);
        }
        let quotes = &self.mentions.quotes;
        let first = quotes.partition_point(|s| s.inner_end <= from);
        for s in quotes[first..].iter().take_while(|s| s.inner_start < to) {
            blank(s.inner_start, s.inner_end, false);
        }
        // Whole characters were replaced by spaces, and both ends are
        // boundaries, so this cannot fail.
        String::from_utf8(bytes).unwrap_or_default()
    }

    /// The text cut at sentence starts into stretches of about [`CHUNK`]
    /// bytes: one stretch for an article of ordinary length.
    fn chunks(&self, sentences: &[crate::clean::Sentence]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut from = 0;
        for s in sentences {
            if s.start >= from + CHUNK {
                out.push((from, s.start));
                from = s.start;
            }
        }
        out.push((from, self.len()));
        out
    }
}

/// The masked text of `[from, to)`, read once per quote and sliced by
/// absolute byte offsets.
#[derive(Default)]
struct Window {
    from: usize,
    text: String,
}

impl Window {
    fn get(&self, from: usize, to: usize) -> &str {
        &self.text[from - self.from..to - self.from]
    }
}

/// The state of reading an article front to back.
struct Reader<'a> {
    text: &'a str,
    narration: Narration<'a>,
    /// The narration around the quote being read.
    masked: Window,
    rules: &'a QuoteRules,
    c: &'a Compiled,
    people: People,
    /// The person the article is talking about.
    focus: Option<String>,
}

/// A found speaker: the surname, the words it was read from, and how.
type Attribution = (Option<String>, Option<String>, Found);

impl Reader<'_> {
    /// Resolves a subject phrase to a surname.
    fn resolve(&self, subject: &str, at: usize) -> Option<String> {
        let s = subject.trim();
        let lower = fold(&s.split_whitespace().collect::<Vec<_>>().join(" "));
        if matches!(lower.as_str(), "he" | "she" | "they") {
            return self.focus.clone();
        }
        if let Some(i) = self
            .rules
            .title
            .iter()
            .position(|t| t.phrases.iter().any(|p| fold(p) == lower))
        {
            let holder = self
                .people
                .holders
                .iter()
                .rfind(|h| h.1 == i && h.0 < at)
                .or_else(|| self.people.holders.iter().find(|h| h.1 == i));
            return holder.map(|h| h.2.clone()).or_else(|| self.focus.clone());
        }
        if self.rules.generic_titles.iter().any(|t| fold(t) == lower) {
            return self.focus.clone();
        }
        if lower.starts_with("the ") {
            return None;
        }
        self.people.spelled(s)
    }

    /// The first person, pronoun or title in `[from, to)` of the narration.
    fn first_subject(&self, from: usize, to: usize) -> Option<(usize, String)> {
        let window = self.masked.get(from, to);
        let mut best: Option<(usize, String)> = None;
        let mut consider = |at: usize, who: String| {
            if best.as_ref().is_none_or(|b| at < b.0) {
                best = Some((at, who));
            }
        };
        let i = self.people.mentions.partition_point(|m| m.0 < from);
        if let Some(m) = self.people.mentions.get(i).filter(|m| m.0 < to) {
            consider(m.0, m.1.to_string());
        }
        if let Some(m) = self.c.pronoun.find(window) {
            consider(from + m.start(), m.as_str().to_string());
        }
        let lower = window.to_lowercase();
        let phrases = self
            .rules
            .title
            .iter()
            .flat_map(|t| t.phrases.iter())
            .chain(self.rules.generic_titles.iter());
        for p in phrases {
            let p = p.to_lowercase();
            if let Some(i) = lower.find(&p) {
                let end = i + p.len();
                let whole = lower[end..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric());
                // Lowercasing kept these ASCII phrases' byte offsets.
                if whole && window.is_char_boundary(i) && window.is_char_boundary(end) {
                    consider(from + i, window[i..end].to_string());
                }
            }
        }
        best
    }

    /// The person or pronoun standing right before the verb at `to` ("while
    /// Xi noted that …", "Still, he stressed"): only an adverb or two may
    /// stand between them, no comma ("Trump, speaking to Putin, said" is
    /// Trump's, found by [`Reader::first_subject`]).
    fn subject_before(&self, from: usize, to: usize) -> Option<(usize, String)> {
        let close = |end: usize| {
            let gap = self.masked.get(end.min(to), to);
            gap.split_whitespace().count() <= 2
                && gap
                    .split_whitespace()
                    .all(|w| w.chars().all(char::is_lowercase))
        };
        let i = self.people.mentions.partition_point(|m| m.0 < to);
        let person = i
            .checked_sub(1)
            .and_then(|k| self.people.mentions.get(k))
            .filter(|m| m.0 >= from && close(m.2))
            // "between Trump and Putin concluded": a name after "and" or a
            // preposition is not the verb's subject alone.
            .filter(|m| {
                // The last lowercase word, titles ("Russian President") skipped.
                let last = self
                    .masked
                    .get(from, m.0)
                    .split_whitespace()
                    .rev()
                    .find(|w| !w.starts_with(char::is_uppercase))
                    .unwrap_or("")
                    .to_lowercase();
                ![
                    "and", "or", "with", "between", "to", "of", "by", "from", "for",
                ]
                .contains(&last.as_str())
            })
            .map(|m| (m.0, m.1.to_string()));
        let window = self.masked.get(from, to);
        let pronoun = self
            .c
            .pronoun
            .find_iter(window)
            .last()
            .filter(|m| close(from + m.end()))
            .map(|m| (from + m.start(), m.as_str().to_string()));
        match (person, pronoun) {
            (Some(p), Some(q)) => Some(if p.0 > q.0 { p } else { q }),
            (p, q) => p.or(q),
        }
    }

    /// Whether the words right before an opening mark say it is a display.
    fn is_display(&self, sentence_start: usize, open: usize) -> bool {
        let before = self
            .masked
            .get(sentence_start, open)
            .trim_end()
            .trim_end_matches([',', ':'])
            .trim_end();
        let lower = fold(before);
        self.rules.not_speech.iter().any(|cue| {
            let cue = fold(cue);
            lower.ends_with(&cue)
                && lower[..lower.len() - cue.len()]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
    }

    /// The speaker of the quote `s` in the sentence starting at
    /// `sentence_start`, and how it was found.
    fn speaker(
        &mut self,
        s: &Span,
        sentence_start: usize,
        continues: Option<&String>,
    ) -> Attribution {
        // Attributions stand close to their quote; reading at most this far
        // back keeps a long run-on sentence linear.
        let mut sentence_start = sentence_start.max(s.open.saturating_sub(400));
        while !self.narration.is_char_boundary(sentence_start) {
            sentence_start += 1;
        }
        let mut after_end = (s.close_end + 120).min(self.narration.len());
        while !self.narration.is_char_boundary(after_end) {
            after_end += 1;
        }
        // Every window read below lies in this one.
        self.masked = Window {
            from: sentence_start,
            text: self.narration.get(sentence_start, after_end),
        };
        if self.is_display(sentence_start, s.open) {
            return (None, None, Found::Display);
        }
        let after = self.masked.get(s.close_end, after_end);
        let after = after.split('\n').next().unwrap_or("");
        // After a quote that ends its sentence, a capital starts the next
        // sentence, not an attribution: `“…table.” He added that …`.
        let inner = self.text[s.inner_start..s.inner_end].trim_end();
        let ends_sentence = inner.ends_with(['.', '!', '?']);
        let next_capital = after
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        // `…,” while Xi noted that …`: a conjunction starts another clause,
        // whose speaker is not this quote's.
        let first_word = after
            .trim_start_matches(|c: char| c == ',' || c.is_whitespace())
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        let next_clause =
            ["while", "whereas", "but", "and", "as", "although", "though"].contains(&first_word);
        if let Some(cap) = self.c.post.captures(after)
            && !(ends_sentence && next_capital)
            && !next_clause
            && let Some(v) = cap.name("v2")
        {
            // `,” warned AccuWeather's lead hurricane expert Alex DaSilva.`:
            // the first person named after the verb, in this sentence.
            let from = s.close_end + v.end();
            let to = s.close_end + attribution_end(after);
            let i = self.people.mentions.partition_point(|m| m.0 < from);
            if let Some(m) = self.people.mentions.get(i).filter(|m| m.0 < to) {
                let words = self.text[m.0..m.2].to_string();
                return (Some(m.1.to_string()), Some(words), Found::After);
            }
        }
        if let Some(cap) = self.c.post.captures(after)
            && !(ends_sentence && next_capital)
            && !next_clause
            && let Some(m) = cap
                .name("s")
                .or_else(|| cap.name("s2"))
                .or_else(|| cap.name("s3"))
        {
            let who = self.resolve(m.as_str(), s.close_end);
            if who.is_some() {
                return (who, Some(m.as_str().to_string()), Found::After);
            }
        }
        // A sentence the splitter left joined to the one before
        // (`…,” he said. “…”`) starts after the last full stop.
        let whole_sentence = sentence_start;
        let sentence_start = clause_start(self.masked.get(sentence_start, s.open), sentence_start);
        let prefix = self.masked.get(sentence_start, s.open);
        let verb = self.c.verb.find_iter(prefix).last();
        let colon = prefix.trim_end().ends_with(':');
        if verb.is_some() || colon {
            let to = verb.map_or(s.open, |v| sentence_start + v.start());
            let subject = self
                .subject_before(sentence_start, to)
                .or_else(|| self.first_subject(sentence_start, to));
            if let Some((at, words)) = subject {
                let who = self.resolve(&words, at);
                if who.is_some() {
                    return (who, Some(words), Found::Before);
                }
            }
            // A name the article has not used before, opening the clause:
            // "Trump sought to allay those fears, saying: …".
            let clause = self.masked.get(sentence_start, to).trim_start();
            if let Some(m) = self.c.capital.find(clause).filter(|m| m.start() == 0)
                && let Some(who) = surname(m.as_str())
            {
                return (Some(who), Some(m.as_str().to_string()), Found::Before);
            }
        }
        if prefix.trim().is_empty()
            && let Some(who) = continues
        {
            return (Some(who.clone()), None, Found::Continued);
        }
        // No speech verb: "According to Dr. Gameti, Ramesh was “…”" is the
        // words of the person named right after "according to".
        if let Some((who, words)) = self.according_to(whole_sentence, s.open) {
            return (Some(who), Some(words), Found::Before);
        }
        (None, None, Found::Unattributed)
    }

    /// The person named right after the last "according to" in
    /// `[from, to)`: only a title ("Dr.") may stand between.
    fn according_to(&self, from: usize, to: usize) -> Option<(String, String)> {
        let window = self.masked.get(from, to);
        let lower = window.to_ascii_lowercase();
        let at = from + lower.rfind("according to ")? + "according to ".len();
        let i = self.people.mentions.partition_point(|m| m.0 < at);
        let m = self.people.mentions.get(i).filter(|m| m.2 <= to)?;
        let gap = self.masked.get(at, m.0);
        gap.split_whitespace()
            .all(|w| {
                let w = w.trim_end_matches('.');
                self.rules.person_titles.iter().any(|t| t == w)
            })
            .then(|| (m.1.to_string(), self.text[m.0..m.2].to_string()))
    }
}

/// Where the last sentence of `window`, the narration from byte `from`,
/// starts: after a full stop, question or exclamation mark that follows a
/// lowercase letter and precedes a space.
fn clause_start(window: &str, from: usize) -> usize {
    let mut start = from;
    let mut prev: Option<char> = None;
    let mut it = window.char_indices().peekable();
    while let Some((i, ch)) = it.next() {
        let next = it.peek().map(|&(_, c)| c);
        if matches!(ch, '.' | '!' | '?')
            && prev.is_some_and(char::is_lowercase)
            && next.is_some_and(char::is_whitespace)
        {
            start = from + i + 1;
        }
        prev = Some(ch);
    }
    start
}

/// Where the attribution after a quote ends: at the next quote mark,
/// semicolon or full stop, except the stop of a short capitalised
/// abbreviation ("said Rep. Tom Cole").
fn attribution_end(after: &str) -> usize {
    for (i, c) in after.char_indices() {
        match c {
            '“' | '"' | ';' => return i,
            '.' => {
                let word = after[..i]
                    .rsplit(|c: char| !c.is_alphabetic())
                    .next()
                    .unwrap_or("");
                let abbreviation =
                    word.starts_with(char::is_uppercase) && word.chars().count() <= 4;
                if !abbreviation {
                    return i;
                }
            }
            _ => {}
        }
    }
    after.len()
}

/// The length of an ellipsis at the start of `rest`, or 0.
fn ellipsis_len(rest: &str) -> usize {
    if rest.starts_with('…') {
        '…'.len_utf8()
    } else if rest.starts_with(". . .") {
        5
    } else if let Some(more) = rest.strip_prefix("...") {
        3 + more.chars().take_while(|c| *c == '.').count()
    } else {
        0
    }
}

/// The pieces of a quote between ellipses, trimmed: byte ranges.
fn pieces(text: &str, a: usize, b: usize) -> Vec<(usize, usize)> {
    let inner = &text[a..b];
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < inner.len() {
        let rest = &inner[i..];
        let len = ellipsis_len(rest);
        if len > 0 {
            cuts.push((i, i + len));
            i += len;
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    cuts.push((inner.len(), inner.len()));
    let mut out = Vec::new();
    let mut from = 0;
    for (ca, cb) in cuts {
        let piece = &inner[from..ca];
        let kept = piece.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';'));
        let lead = piece.len() - kept.len();
        let trail = kept.len() - kept.trim_end().len();
        if kept.chars().any(char::is_alphanumeric) {
            out.push((a + from + lead, a + ca - trail));
        }
        from = cb;
    }
    out
}

fn extract_quotes(doc: &Document, rules: &QuoteRules, c: &Compiled) -> Vec<Fact> {
    let spans = &doc.mentions.quotes;
    let narration = Narration::new(doc);
    let people = People::find(doc, &narration, c);
    let mut reader = Reader {
        text: &doc.text,
        narration,
        masked: Window::default(),
        rules,
        c,
        people,
        focus: None,
    };
    // reach[i]: the furthest end of the first i quotes.
    let mut reach = vec![0];
    for s in spans {
        reach.push(reach.last().copied().unwrap_or(0).max(s.close_end));
    }
    let mut facts = Vec::new();
    // One key per distinct remark: a long article or a live page that
    // repeats a remark holds its key once.
    let mut keys: std::collections::HashMap<String, Arc<str>> = std::collections::HashMap::new();
    // The speaker of the last quote of the previous sentence.
    let mut last_speaker: Option<String> = None;
    for sentence in &doc.sentences {
        let mut this_speaker: Option<String> = None;
        let first = spans.partition_point(|s| s.open < sentence.start);
        for s in spans[first..].iter().take_while(|s| s.open < sentence.end) {
            let inner = &reader.text[s.inner_start..s.inner_end];
            if inner.chars().any(char::is_alphabetic) && !inner.chars().any(char::is_lowercase) {
                continue;
            }
            let continues = this_speaker.as_ref().or(last_speaker.as_ref());
            let (who, words, found) = reader.speaker(s, sentence.start, continues);
            if let Some(w) = &who {
                this_speaker = Some(w.clone());
                // "he" later in the same sentence is this speaker.
                reader.focus = Some(w.clone());
            }
            let speech = found != Found::Display;
            for (a, b) in pieces(reader.text, s.inner_start, s.inner_end) {
                let piece = &reader.text[a..b];
                let key = qnorm::key(piece);
                if key.is_empty() {
                    continue;
                }
                let key = Arc::clone(
                    keys.entry(key)
                        .or_insert_with_key(|k| Arc::from(k.as_str())),
                );
                let mut f = Fact::new(
                    doc,
                    Kind::Quote,
                    a,
                    b,
                    Value::Quote {
                        words: crate::fact::Span::new(&doc.text, a, b),
                        key,
                        speech,
                    },
                    found.rule(),
                );
                f.speaker = who
                    .as_deref()
                    .map(|w| crate::words::Word::of(&names::key(w)));
                f.subject = f.speaker.unwrap_or(crate::words::Word::EMPTY);
                f.subject_words = words.as_deref().map(crate::words::Word::of);
                facts.push(f);
            }
        }
        if this_speaker.is_some() {
            reader.focus = this_speaker.clone();
        } else if let Some((_, first, _)) = {
            let mentions = &reader.people.mentions;
            let i = mentions.partition_point(|m| m.0 < sentence.start);
            mentions.get(i).filter(|m| m.0 < sentence.end)
        } {
            reader.focus = Some(first.to_string());
        }
        // A sentence inside a quote that opened earlier (the splitter cuts
        // quotes at "…" and full stops) keeps the last speaker.
        let inside_quote = reach[first] > sentence.start;
        if this_speaker.is_some() || !inside_quote {
            last_speaker = this_speaker;
        }
    }
    facts
}
