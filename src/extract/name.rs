//! Names: the people an article names, one fact per spelling.
//!
//! ## What it extracts
//! A run of capitalised words is a person's name when the text gives
//! evidence of a person (rules in `rules/names.toml`):
//! - a title before it: "US Secretary of State Marco Rubio", "Foreign
//!   Minister Sergei Lavrov", "Mr Trump", "aide Yury Ushakov";
//! - a speech verb after it ("Putin said") or "said" before it ("said
//!   Celeste Wallander");
//! - a possessive before a title ("Trump's special envoy");
//! - two to four name-shaped words none of which is a place, organisation,
//!   day or sentence opener ("Oleksiy Honcharenko").
//!
//! A bare surname ("Putin", "Zelenskiy's") is a person once the document
//! has named someone of that surname with evidence; a lone capitalised word
//! without it (a sentence-initial "Speaking", "Anchorage") is not.
//!
//! Each person is a fact once per spelling in a document ("Volodymyr
//! Zelenskiy" and "Zelenskiy" are two facts of Reuters), placed at the first
//! mention outside quotation marks. Its value is the surface spelling and
//! the entity key (`zelenski/volodimir`, see [`crate::normalise::names`]);
//! a bare surname takes the given name the document first introduced for it.
//!
//! ## Known gaps
//! - Given names used alone ("Melania", "Vladimir") are not read as people.
//! - Hyphenated names (Jean-Claude) break a run; a sentence-initial adverb
//!   the lists do not know ("Yesterday Trump said") joins the name.
//!
//! Rules: `rules/names.toml`.

use super::Extractor;
use crate::clean::Document;
use crate::fact::{Fact, Kind, Value};
use crate::normalise::names::{Person, skeleton, strip_possessive};
use crate::rules::Rules;
use regex::Regex;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{LazyLock, OnceLock};

/// `rules/names.toml`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameRules {
    #[serde(default)]
    pub titles: Vec<String>,
    #[serde(default)]
    pub speech_verbs: Vec<String>,
    #[serde(default)]
    pub not_names: Vec<String>,
    /// Spellings of one name that folding does not bring together
    /// (Aleksandr / Alexander); each group keys as its first.
    #[serde(default)]
    pub spellings: Vec<Vec<String>>,
    #[serde(default, rename = "test")]
    pub tests: Vec<NameTest>,
    /// The lists above, folded for lookup once, not for every article.
    #[serde(skip)]
    vocab: OnceLock<Vocab>,
}

impl NameRules {
    fn vocab(&self) -> &Vocab {
        self.vocab.get_or_init(|| Vocab::new(self))
    }
}

/// An inline example: a sentence and the names read from it, in order.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameTest {
    pub input: String,
    pub names: Vec<String>,
}

impl NameRules {
    /// Runs the file's inline examples; one line per failure.
    pub fn check_examples(&self, rules: &Rules) -> Vec<String> {
        let mut failures = Vec::new();
        for t in &self.tests {
            let doc = crate::clean::example_document(&t.input, None, rules);
            let got: Vec<String> = Name.extract(&doc, rules).into_iter().map(surface).collect();
            if got != t.names {
                failures.push(format!(
                    "names.toml: {:?} gave {got:?}, expected {:?}",
                    t.input, t.names
                ));
            }
        }
        failures
    }
}

fn surface(f: Fact) -> String {
    match f.value {
        Value::Name { surface, .. } => surface,
        _ => String::new(),
    }
}

/// One mention of a person in a document.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Byte span of the name, possessive excluded.
    pub start: usize,
    pub end: usize,
    /// The name as written ("Yury Ushakov", "Trump").
    pub surface: String,
    /// Whether the name stands in the possessive ("Trump's envoy").
    pub possessive: bool,
    /// The entity key, a bare surname resolved to the given name the
    /// document introduced.
    pub key: String,
    /// Why this is a person: the rule id.
    pub rule: &'static str,
}

/// A word of a sentence with its byte span in the file.
#[derive(Clone, Copy, Debug)]
struct Word<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

static WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.\-]*").expect("word pattern"));

const PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "da", "di", "bin", "ibn", "al", "la", "le",
];

/// Word lookups built from the rules.
#[derive(Clone, Debug)]
struct Vocab {
    titles: Vec<String>,
    speech: BTreeSet<String>,
    not_names: BTreeSet<String>,
    /// Folded spelling → the key of its group's first spelling.
    same: BTreeMap<String, String>,
}

impl Vocab {
    fn new(r: &NameRules) -> Vocab {
        let mut titles: Vec<String> = r.titles.iter().map(|t| t.to_lowercase()).collect();
        // Longest first, so "secretary of state" is tried before "state".
        titles.sort_by_key(|t| std::cmp::Reverse(t.len()));
        Vocab {
            titles,
            speech: r.speech_verbs.iter().map(|t| t.to_lowercase()).collect(),
            not_names: r.not_names.iter().map(|t| t.to_lowercase()).collect(),
            same: r
                .spellings
                .iter()
                .filter_map(|g| {
                    let first = skeleton(g.first()?);
                    Some(g.iter().map(move |f| (skeleton(f), first.clone())))
                })
                .flatten()
                .collect(),
        }
    }

    /// The person with listed spellings keyed as one.
    fn canon(&self, mut p: Person) -> Person {
        p.surname_key = self.one(&p.surname_key);
        p.given_key = p.given_key.map(|g| {
            g.split(' ')
                .map(|w| self.one(w))
                .collect::<Vec<_>>()
                .join(" ")
        });
        p
    }

    fn one(&self, key: &str) -> String {
        self.same
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }

    fn is_not_name(&self, w: &str) -> bool {
        let l = strip_possessive(w).to_lowercase();
        self.not_names.contains(&l) || self.not_names.contains(l.trim_end_matches('.'))
    }

    fn is_title_word(&self, w: &str) -> bool {
        let l = strip_possessive(w).to_lowercase();
        self.titles.contains(&l)
    }

    /// Whether `before` (lowercased text up to a name) ends with a title.
    fn ends_with_title(&self, before: &str) -> bool {
        let b = before.trim_end();
        self.titles.iter().any(|t| {
            b.strip_suffix(t.as_str())
                .is_some_and(|rest| rest.is_empty() || !rest.ends_with(char::is_alphanumeric))
        })
    }
}

/// Whether a word can be part of a name: capitalised with a lowercase
/// letter after ("Rubio", "McGraw"), or a short run of initials ("JD").
fn name_shaped(w: &str) -> bool {
    let w = strip_possessive(w);
    let mut chars = w.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_uppercase() || w.contains('-') || w.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    w.chars().any(|c| c.is_lowercase()) || (letters <= 2 && !w.contains('.'))
}

fn is_possessive(w: &str) -> bool {
    strip_possessive(w).len() != w.len()
}

/// Every person mentioned in `doc`, in file order.
pub fn mentions(doc: &Document, rules: &NameRules) -> Vec<Mention> {
    let vocab = rules.vocab();
    // First pass: names with evidence of their own. Second: bare surnames
    // of people the document has named.
    let mut found: Vec<(Mention, Person)> = Vec::new();
    let mut bare: Vec<(usize, usize, bool)> = Vec::new();
    for s in &doc.sentences {
        let text = doc.sentence_text(s);
        let words: Vec<Word> = WORD
            .find_iter(text)
            .map(|m| {
                let mut t = m.as_str();
                // A trailing full stop or closing quote ends the sentence or
                // quotation, not the word; an abbreviation keeps its stop
                // ("U.S."), a possessive its apostrophe ("Trump's").
                loop {
                    let before = t.len();
                    if t.ends_with('.') && !t[..t.len() - 1].contains('.') {
                        t = &t[..t.len() - 1];
                    }
                    if let Some(rest) = t.strip_suffix(['\'', '’'])
                        && rest.ends_with(['.', '\'', '’'])
                    {
                        t = rest;
                    }
                    if t.len() == before {
                        break;
                    }
                }
                Word {
                    start: s.start + m.start(),
                    end: s.start + m.start() + t.len(),
                    text: t,
                }
            })
            .collect();
        for run in runs(doc, &words) {
            read_run(doc, s.start, &run, vocab, &mut found, &mut bare);
        }
    }
    let known: BTreeSet<String> = found.iter().map(|(_, p)| p.surname_key.clone()).collect();
    let starts: BTreeSet<usize> = found.iter().map(|(m, _)| m.start).collect();
    for (start, end, possessive) in bare {
        let text = &doc.text[start..end];
        let p = vocab.canon(Person::parse(text));
        if known.contains(&p.surname_key) && !starts.contains(&start) {
            found.push((
                Mention {
                    start,
                    end,
                    surface: strip_possessive(text).to_string(),
                    possessive,
                    key: String::new(),
                    rule: "name.known",
                },
                p,
            ));
        }
    }
    found.sort_by_key(|(m, _)| m.start);
    // Resolve keys: a bare surname takes the given name the document
    // introduced first for it — news style names a second person of the
    // same surname in full ("First Lady Melania Trump … which Trump
    // hand-delivered").
    let mut first_given: BTreeMap<String, String> = BTreeMap::new();
    for (_, p) in &found {
        if p.given_key.is_some() {
            first_given
                .entry(p.surname_key.clone())
                .or_insert_with(|| p.entity_key());
        }
    }
    found
        .into_iter()
        .map(|(mut m, p)| {
            m.key = if p.given_key.is_some() {
                p.entity_key()
            } else {
                first_given
                    .get(&p.surname_key)
                    .cloned()
                    .unwrap_or_else(|| p.entity_key())
            };
            m
        })
        .collect()
}

/// Runs of adjacent capitalised words (a particle may join two), cut after
/// a possessive and at punctuation.
fn runs<'a>(doc: &Document, words: &[Word<'a>]) -> Vec<Vec<Word<'a>>> {
    let mut out: Vec<Vec<Word>> = Vec::new();
    let mut cur: Vec<Word> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let capital = w.text.starts_with(char::is_uppercase);
        // "Ursula von der Leyen": particles between capitalised words.
        let particle = !cur.is_empty()
            && PARTICLES.contains(&w.text)
            && words[i + 1..]
                .iter()
                .find(|n| !PARTICLES.contains(&n.text))
                .is_some_and(|n| n.text.starts_with(char::is_uppercase));
        let adjacent = cur
            .last()
            .is_some_and(|p| doc.text[p.end..w.start].chars().all(|c| c == ' '));
        if !(capital || particle) || (!cur.is_empty() && !adjacent) {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            if !(capital || particle) {
                continue;
            }
        }
        cur.push(*w);
        if is_possessive(w.text) {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Reads the name in one run of capitalised words, if it is one.
fn read_run(
    doc: &Document,
    sentence_start: usize,
    run: &[Word],
    vocab: &Vocab,
    found: &mut Vec<(Mention, Person)>,
    bare: &mut Vec<(usize, usize, bool)>,
) {
    // Strip leading titles and non-name words ("US Secretary", "Foreign
    // Minister", "Russian"), then cut at the first non-name word left.
    // A title inside the run starts the name after it, whatever stands
    // before ("Belarusian President Alexander Lukashenko").
    let last_title = run.iter().rposition(|w| vocab.is_title_word(w.text));
    let mut i = last_title.map_or(0, |k| k + 1);
    let mut titled_in_run = last_title.is_some();
    if last_title.is_some_and(|k| is_possessive(run[k].text)) {
        return;
    }
    while i < run.len() && (vocab.is_not_name(run[i].text) || vocab.is_title_word(run[i].text)) {
        titled_in_run |= vocab.is_title_word(run[i].text);
        if is_possessive(run[i].text) {
            return;
        }
        i += 1;
    }
    let mut j = i;
    while j < run.len()
        && ((name_shaped(run[j].text) && !vocab.is_not_name(run[j].text))
            || (j > i && PARTICLES.contains(&run[j].text)))
    {
        j += 1;
        if is_possessive(run[j - 1].text) {
            break;
        }
    }
    if j == i || j - i > 4 {
        return;
    }
    // A lone particle or a name ending in one is no name.
    if PARTICLES.contains(&run[j - 1].text) {
        return;
    }
    let (start, end) = (run[i].start, run[j - 1].end);
    let text = &doc.text[start..end];
    let possessive = is_possessive(run[j - 1].text);
    let name_end = end - (text.len() - strip_possessive(text).len());
    // Titles and speech verbs are short: a window of the sentence either
    // side is enough, and keeps a name in a very long sentence linear.
    let from = floor_boundary(&doc.text, start.saturating_sub(WINDOW).max(sentence_start));
    let before = doc.text[from..start].to_lowercase();
    let sentence_end = doc.sentence_at(start).map_or(end, |s| s.end);
    let after = &doc.text[end..floor_boundary(&doc.text, sentence_end.min(end + WINDOW))];
    let next_word = after
        .trim_start_matches([',', ' '])
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_lowercase();
    let attached = !after.starts_with(|c: char| c.is_alphanumeric());
    let rule = if titled_in_run || vocab.ends_with_title(&before) {
        Some("name.titled")
    } else if (!possessive && attached && vocab.speech.contains(&next_word))
        || before.trim_end().ends_with("said")
        || before.trim_end().ends_with("according to")
    {
        Some("name.speaker")
    } else if possessive && starts_with_title(after, vocab) {
        Some("name.titled")
    } else if j - i >= 2
        && run[i..j]
            .iter()
            .all(|w| w.text.chars().any(char::is_lowercase))
    {
        Some("name.full")
    } else {
        None
    };
    match rule {
        Some(rule) => {
            let surface = doc.text[start..name_end].to_string();
            let p = vocab.canon(Person::parse(&surface));
            if p.surname_key.is_empty() {
                return;
            }
            found.push((
                Mention {
                    start,
                    end: name_end,
                    surface,
                    possessive,
                    key: String::new(),
                    rule,
                },
                p,
            ));
        }
        None if j - i == 1 => bare.push((start, name_end, possessive)),
        None => {}
    }
}

/// How many bytes either side of a name are read for titles and verbs.
const WINDOW: usize = 256;

/// The char boundary at or before `at`.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Whether `after` begins with a title ("special envoy to Russia").
fn starts_with_title(after: &str, vocab: &Vocab) -> bool {
    let a = after.trim_start().to_lowercase();
    vocab.titles.iter().any(|t| {
        a.strip_prefix(t.as_str())
            .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
    }) || a.split_whitespace().take(3).any(|w| {
        vocab
            .titles
            .iter()
            .any(|t| t == w.trim_matches(|c: char| !c.is_alphanumeric()))
    })
}

/// Whether a byte stands inside double quotation marks in its paragraph,
/// answered from the positions of the quote marks (found once per document)
/// in logarithmic time.
struct QuoteMarks<'a> {
    doc: &'a Document,
    straight: Vec<usize>,
    open: Vec<usize>,
    close: Vec<usize>,
}

impl<'a> QuoteMarks<'a> {
    fn new(doc: &'a Document) -> Self {
        let (mut straight, mut open, mut close) = (Vec::new(), Vec::new(), Vec::new());
        for (i, c) in doc.text.char_indices() {
            match c {
                '"' => straight.push(i),
                '“' => open.push(i),
                '”' => close.push(i),
                _ => {}
            }
        }
        QuoteMarks {
            doc,
            straight,
            open,
            close,
        }
    }

    /// Whether byte `at` stands inside double quotation marks in its
    /// paragraph: an odd number of straight quotes before it, or a curly
    /// opening quote not closed yet.
    fn in_quotes(&self, at: usize) -> bool {
        let paragraphs = &self.doc.paragraphs;
        let i = paragraphs.partition_point(|&(a, _)| a <= at);
        let Some(&(a, b)) = i.checked_sub(1).and_then(|i| paragraphs.get(i)) else {
            return false;
        };
        if at >= b {
            return false;
        }
        let count = |v: &[usize]| v.partition_point(|&p| p < at) - v.partition_point(|&p| p < a);
        let last = |v: &[usize]| {
            let k = v.partition_point(|&p| p < at);
            (k > 0 && v[k - 1] >= a).then(|| v[k - 1])
        };
        let straight = count(&self.straight) % 2 == 1;
        let (open, close) = (last(&self.open), last(&self.close));
        straight || matches!((open, close), (Some(o), c) if c.is_none_or(|c| c < o))
    }
}

pub struct Name;

impl Extractor for Name {
    fn kind(&self) -> Kind {
        Kind::Name
    }

    fn extract(&self, doc: &Document, rules: &Rules) -> Vec<Fact> {
        let all = mentions(doc, &rules.names);
        // One fact per spelling: the first mention outside quotation marks,
        // else the first.
        let marks = QuoteMarks::new(doc);
        let mut chosen: BTreeMap<&str, &Mention> = BTreeMap::new();
        for m in &all {
            let quoted = marks.in_quotes(m.start);
            match chosen.get(m.surface.as_str()) {
                None => {
                    chosen.insert(&m.surface, m);
                }
                Some(prev) if marks.in_quotes(prev.start) && !quoted => {
                    chosen.insert(&m.surface, m);
                }
                _ => {}
            }
        }
        let mut facts: Vec<Fact> = chosen
            .values()
            .map(|m| {
                let mut f = Fact::new(
                    doc,
                    Kind::Name,
                    m.start,
                    m.end,
                    Value::Name {
                        surface: m.surface.clone(),
                        key: m.key.clone(),
                    },
                    m.rule,
                );
                f.subject = m.key.clone();
                f
            })
            .collect();
        facts.sort_by_key(|f| f.start);
        facts
    }
}
