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
//! A run of name-shaped words after a place cue ("city of", "capital of",
//! "in", "near", "125km east-southeast of") or ending in a place noun
//! ("Kamchatka Peninsula") is a place: a name of kind `place`, keyed whole
//! ([`place_key`]). A one-word "person" the document also names as a place
//! is the place. In a title-case heading ("Tsunami Warnings Activated") and
//! for runs holding a word the document writes in lowercase ("Geological
//! Survey"), capitals alone are no evidence of a person.
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
//! - Given names used alone ("Melania", "Vladimir") are not read as people,
//!   except the given name of the first person the document names in full
//!   when the document also writes it as a person ("Vishwashkumar's wife"
//!   in a profile of Vishwashkumar Ramesh).
//! - A place with no cue opening a sentence is missed ("Anchorage hosted
//!   …"), unless it is a hyphenated compound of capitalised words the
//!   document never writes alone ("Petropavlovsk-Kamchatski experienced
//!   power outages"), which is read as a place (so is a company named so
//!   opening a sentence: "Rolls-Royce shares fell"); languages after "in"
//!   ("in Latin") read as places unless `not_names` lists them.
//! - A sentence-initial adverb
//!   the lists do not know ("Yesterday Trump said") joins the name.
//!
//! Rules: `rules/names.toml`.

use super::Extractor;
use crate::clean::Document;
use crate::fact::{Entity, Fact, Kind, Value};
use crate::normalise::names::{Person, skeleton, strip_possessive};
use crate::rules::Rules;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::{Arc, OnceLock};
use unicode_normalization::char::is_combining_mark;

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
    /// Words right before a capitalised run that make it a place ("city
    /// of", "capital of", "near"); a compass direction with "of" ("east-
    /// southeast of") always does.
    #[serde(default)]
    pub place_cues: Vec<String>,
    /// Nouns that end a place's name ("Peninsula", "Islands", "Bay").
    #[serde(default)]
    pub place_words: Vec<String>,
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
    /// People, in order.
    pub names: Vec<String>,
    /// Places, in order (unchecked when absent).
    #[serde(default)]
    pub places: Option<Vec<String>>,
}

impl NameRules {
    /// Runs the file's inline examples; one line per failure.
    pub fn check_examples(&self, rules: &Rules) -> Vec<String> {
        let mut failures = Vec::new();
        for t in &self.tests {
            let doc = crate::clean::example_document(&t.input, None, rules);
            let facts = Name.extract(&doc, rules);
            let of = |e: Entity| -> Vec<String> {
                facts
                    .iter()
                    .filter(|f| matches!(f.value, Value::Name { entity, .. } if entity == e))
                    .cloned()
                    .map(surface)
                    .collect()
            };
            let got = of(Entity::Person);
            if got != t.names {
                failures.push(format!(
                    "names.toml: {:?} gave {got:?}, expected {:?}",
                    t.input, t.names
                ));
            }
            if let Some(places) = &t.places
                && &of(Entity::Place) != places
            {
                failures.push(format!(
                    "names.toml: {:?} gave places {:?}, expected {places:?}",
                    t.input,
                    of(Entity::Place)
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
    /// Whether the name stands in the possessive ("Trump's envoy").
    pub possessive: bool,
    /// The entity key, a bare surname resolved to the given name the
    /// document introduced; one copy per entity of the document, shared
    /// by its mentions.
    pub key: Arc<str>,
    /// Why this is a person or place: the rule id (interned: a long
    /// article holds hundreds of thousands of mentions).
    pub rule: crate::words::Word,
    /// A person, or a place.
    pub entity: Entity,
}

impl Mention {
    /// The name as written ("Yury Ushakov", "Trump"): its span of `text`,
    /// the document's text. Not stored: a feed holds a great many.
    pub fn surface<'a>(&self, text: &'a str) -> &'a str {
        strip_possessive(&text[self.start..self.end])
    }
}

/// A word of a sentence with its byte span in the file.
#[derive(Clone, Copy, Debug)]
struct Word<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

/// The words of `text` with their byte offsets: a letter or digit, then
/// letters, marks, digits, apostrophes, full stops and hyphens ("U.S.",
/// "Trump's", "Al-Sisi", "Eugénie"). A scan of the characters, not a
/// regex: the word regex needed a forward and a backward pass per word,
/// and every word of every article goes through here twice.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let rest = &text[at..];
        let (i, _) = rest.char_indices().find(|&(_, c)| starts_word(c))?;
        let start = at + i;
        let len = text[start..]
            .char_indices()
            .skip(1)
            .find(|&(_, c)| !continues_word(c))
            .map_or(text.len() - start, |(j, _)| j);
        at = start + len;
        Some((start, &text[start..at]))
    })
}

/// A letter (not a combining mark) or a digit.
fn starts_word(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    (c.is_alphabetic() && !is_combining_mark(c)) || c.is_numeric()
}

fn continues_word(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || matches!(c, '\'' | '.' | '-');
    }
    c.is_alphanumeric() || is_combining_mark(c) || c == '’'
}

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
    /// Place cues, lowercased, longest first.
    place_cues: Vec<String>,
    place_words: BTreeSet<String>,
}

impl Vocab {
    fn new(r: &NameRules) -> Vocab {
        let mut titles: Vec<String> = r.titles.iter().map(|t| t.to_lowercase()).collect();
        // Longest first, so "secretary of state" is tried before "state".
        titles.sort_by_key(|t| std::cmp::Reverse(t.len()));
        let mut place_cues: Vec<String> = r.place_cues.iter().map(|t| t.to_lowercase()).collect();
        place_cues.sort_by_key(|t| std::cmp::Reverse(t.len()));
        Vocab {
            place_cues,
            place_words: r.place_words.iter().map(|t| t.to_lowercase()).collect(),
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
        ends_with_any(before, &self.titles)
    }

    /// Whether `before` (lowercased text up to a name) ends with a title and
    /// "of": the name's first word is the title's object ("Minister of
    /// Commerce Wang Wentao", "Chief of Staff Susie Wiles").
    fn ends_with_title_of(&self, before: &str) -> bool {
        let b = before.trim_end();
        let b = b.strip_suffix(" the").unwrap_or(b);
        b.strip_suffix(" of")
            .is_some_and(|rest| self.ends_with_title(rest))
    }

    /// Whether `before` (lowercased text up to a name) says a place
    /// follows: a cue of the rules, or a compass direction and "of"
    /// ("125km east-southeast of").
    fn ends_with_place_cue(&self, before: &str) -> bool {
        if ends_with_any(before, &self.place_cues) {
            return true;
        }
        let b = before.trim_end();
        b.strip_suffix(" of").is_some_and(|rest| {
            let last = rest
                .rsplit(|c: char| c.is_whitespace())
                .next()
                .unwrap_or("");
            !last.is_empty()
                && last.split('-').all(|part| {
                    ["north", "south", "east", "west"].iter().any(|d| {
                        part.strip_prefix(d)
                            .is_some_and(|r| r.is_empty() || ["east", "west"].contains(&r))
                    })
                })
        })
    }

    fn is_place_word(&self, w: &str) -> bool {
        self.place_words
            .contains(&strip_possessive(w).to_lowercase())
    }
}

/// Whether `text` ends with one of `phrases` (lowercase) as whole words.
fn ends_with_any(text: &str, phrases: &[String]) -> bool {
    let b = text.trim_end();
    phrases.iter().any(|t| {
        b.strip_suffix(t.as_str())
            .is_some_and(|rest| rest.is_empty() || !rest.ends_with(char::is_alphanumeric))
    })
}

/// Whether a paragraph is a heading in title case ("Tsunami Warnings
/// Activated", "Trump Signs Funding Bill"): most of its words of four
/// letters or more are capitalised. Capitalised runs there are no evidence
/// of a name.
fn is_heading(text: &str) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| w.chars().count() >= 4 && w.starts_with(char::is_alphabetic))
        .collect();
    let capital = words
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    words.len() >= 2 && capital * 4 >= words.len() * 3 && !text.trim_end().ends_with(['.', ':'])
}

/// Whether a word can be part of a name: capitalised with a lowercase
/// letter after ("Rubio", "McGraw"), or a short run of initials ("JD").
fn name_shaped(w: &str) -> bool {
    let w = strip_possessive(w);
    let mut chars = w.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    // A hyphenated name has a capital after each hyphen ("Marie-Amélie",
    // "Petropavlovsk-Kamchatsky"), unlike "Russian-born".
    let hyphen_ok = w
        .split('-')
        .all(|part| part.starts_with(char::is_uppercase) && part.chars().count() >= 2);
    if !first.is_uppercase() || !hyphen_ok || w.chars().any(|c| c.is_ascii_digit()) {
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
    let mut found = Found::default();
    let mut bare: Vec<(usize, usize, bool)> = Vec::new();
    // Every word the document writes, as written. Those it writes in
    // lowercase are common nouns: a run of capitals holding one ("Geological
    // Survey", "Security Failures") is no evidence of a person on its own.
    // Borrowed from the text: a long article has a great many of them.
    let doc_words: HashSet<&str> = doc
        .paragraphs
        .iter()
        .flat_map(|&(a, b)| words(&doc.text[a..b]))
        .map(|(_, w)| w.trim_end_matches(['.', '\'', '’']))
        .collect();
    // Once per paragraph, not once per sentence: a long paragraph of many
    // sentences would make this quadratic.
    let headings: Vec<bool> = doc
        .paragraphs
        .iter()
        .map(|&(a, b)| is_heading(&doc.text[a..b]))
        .collect();
    for s in &doc.sentences {
        let heading = headings.get(s.paragraph).copied().unwrap_or(false);
        let ctx = RunContext {
            heading,
            doc_words: &doc_words,
        };
        let text = doc.sentence_text(s);
        let words: Vec<Word> = words(text)
            .map(|(at, mut t)| {
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
                    start: s.start + at,
                    end: s.start + at + t.len(),
                    text: t,
                }
            })
            .collect();
        for run in runs(doc, &words) {
            read_run(doc, s.start, &run, vocab, &ctx, &mut found, &mut bare);
        }
    }
    // A one-word "person" the document also names as a place ("Jamaica is
    // bracing …" and "in Jamaica") is the place.
    let places: BTreeSet<String> = found
        .list
        .iter()
        .filter(|(m, _)| m.entity == Entity::Place)
        .map(|(m, _)| place_key(m.surface(&doc.text)))
        .collect();
    found.list.retain(|(m, _)| {
        m.entity == Entity::Place
            || m.rule.as_str() == "name.titled"
            || m.surface(&doc.text).contains(' ')
            || !places.contains(&place_key(m.surface(&doc.text)))
    });
    let known: BTreeSet<Arc<str>> = found
        .list
        .iter()
        .filter_map(|(_, k)| k.as_ref().map(|k| Arc::clone(&k.surname)))
        .collect();
    let taken: BTreeSet<usize> = found.list.iter().map(|(m, _)| m.start).collect();
    for (start, end, possessive) in bare {
        let p = vocab.canon(Person::parse(&doc.text[start..end]));
        if known.contains(p.surname_key.as_str()) && !taken.contains(&start) {
            found.person(start, end, possessive, "name.known", &p);
        }
    }
    let Found {
        list: mut found,
        mut shared,
        ..
    } = found;
    found.sort_by_key(|(m, _)| m.start);
    // Resolve keys: a bare surname takes the given name the document
    // introduced first for it — news style names a second person of the
    // same surname in full ("First Lady Melania Trump … which Trump
    // hand-delivered").
    let mut first_given: BTreeMap<Arc<str>, Arc<str>> = BTreeMap::new();
    for k in found.iter().filter_map(|(_, k)| k.as_ref()) {
        if k.has_given {
            first_given
                .entry(Arc::clone(&k.surname))
                .or_insert_with(|| Arc::clone(&k.entity));
        }
    }
    // A lone word that is the given name of the first person the document
    // names in full is that person: a human-interest story calls its
    // subject by the given name ("Meet Vishwashkumar Ramesh …
    // Vishwashkumar, a 40-year-old British citizen"). Others named by a
    // given name alone are most often someone else ("his brother Ajay" in
    // a story that names "Ajay Valgi", a cousin).
    let lead = found
        .iter()
        .filter_map(|(_, k)| k.as_ref())
        .find(|k| k.has_given)
        .map(|k| Arc::clone(&k.entity));
    let lead_given = lead.as_ref().and_then(|e| {
        let first = e.split_once('/')?.1.split('-').next()?;
        (!first_given.contains_key(first)).then(|| first.to_string())
    });
    // Collected in place, the list would keep the room of the (mention,
    // keys) pairs, more than the mentions need.
    let mut mentions: Vec<Mention> = found
        .into_iter()
        .map(|(mut m, keys)| {
            m.key = match keys {
                None => share(&mut shared, &place_key(m.surface(&doc.text))),
                Some(k) if k.has_given => k.entity,
                Some(k) => first_given
                    .get(&k.surname)
                    .cloned()
                    .or_else(|| {
                        lead.clone()
                            .filter(|_| lead_given.as_deref() == Some(&*k.surname))
                    })
                    .unwrap_or(k.entity),
            };
            m
        })
        .collect();
    mentions.shrink_to_fit();
    mentions
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

/// What the sentence around a run tells about it.
struct RunContext<'a> {
    /// The paragraph is a title-case heading.
    heading: bool,
    /// Every word the document writes, as written (a lowercase lookup
    /// finds only words it writes in lowercase).
    doc_words: &'a HashSet<&'a str>,
}

/// The key of a place: every word folded and transliteration endings made
/// one, joined by `-` ("Petropavlovsk-Kamchatsky" / "-Kamchatski" →
/// `petropavlovsk-kamchatski`). A place is keyed whole, so "Santiago de
/// Cuba" never meets "Cuba".
pub fn place_key(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(skeleton)
        .collect::<Vec<_>>()
        .join("-")
}

/// The names a document's first pass finds: each mention with, for a
/// person, the keys the second pass resolves it by. Keys are shared, one
/// copy per distinct name of the document: a long article mentions the
/// same few people hundreds of thousands of times, and a parsed name per
/// mention (four strings) would make this list several times the text.
#[derive(Default)]
struct Found {
    list: Vec<(Mention, Option<PersonKeys>)>,
    shared: HashMap<String, Arc<str>>,
    /// The key of a mention not yet resolved.
    empty: Arc<str>,
}

/// A person mention's surname key and entity key, and whether it gave a
/// given name.
struct PersonKeys {
    surname: Arc<str>,
    entity: Arc<str>,
    has_given: bool,
}

impl Found {
    fn person(
        &mut self,
        start: usize,
        end: usize,
        possessive: bool,
        rule: &'static str,
        p: &Person,
    ) {
        let keys = PersonKeys {
            surname: share(&mut self.shared, &p.surname_key),
            entity: share(&mut self.shared, &p.entity_key()),
            has_given: p.given_key.is_some(),
        };
        let m = self.mention(start, end, possessive, rule, Entity::Person);
        self.list.push((m, Some(keys)));
    }

    fn place(&mut self, start: usize, end: usize, possessive: bool, rule: &'static str) {
        let m = self.mention(start, end, possessive, rule, Entity::Place);
        self.list.push((m, None));
    }

    fn mention(
        &self,
        start: usize,
        end: usize,
        possessive: bool,
        rule: &'static str,
        entity: Entity,
    ) -> Mention {
        Mention {
            start,
            end,
            possessive,
            key: Arc::clone(&self.empty),
            rule: crate::words::Word::of(rule),
            entity,
        }
    }
}

/// The document's one copy of `key`.
fn share(shared: &mut HashMap<String, Arc<str>>, key: &str) -> Arc<str> {
    if let Some(k) = shared.get(key) {
        return Arc::clone(k);
    }
    let k: Arc<str> = Arc::from(key);
    shared.insert(key.to_string(), Arc::clone(&k));
    k
}

/// Reads the name in one run of capitalised words, if it is one.
fn read_run(
    doc: &Document,
    sentence_start: usize,
    run: &[Word],
    vocab: &Vocab,
    ctx: &RunContext,
    found: &mut Found,
    bare: &mut Vec<(usize, usize, bool)>,
) {
    // Only its end can hold a cue: a long sentence is not lowercased whole
    // for every run of capitals in it.
    let from = floor_boundary(
        &doc.text,
        sentence_start.max(run[0].start.saturating_sub(64)),
    );
    let before_run = doc.text[from..run[0].start].to_lowercase();
    // A place: a cue before the run ("city of", "near"; "In" opening the
    // sentence) or a place noun ending it ("Kamchatka Peninsula").
    let lead_cue =
        vocab.ends_with_place_cue(&format!("{before_run}{}", run[0].text.to_lowercase()));
    let cue_at = usize::from(lead_cue);
    if (lead_cue || vocab.ends_with_place_cue(&before_run)) && !ctx.heading {
        let mut j = cue_at;
        while j < run.len()
            && (name_shaped(run[j].text) || (j > cue_at && PARTICLES.contains(&run[j].text)))
            && !vocab.is_title_word(run[j].text)
            && !is_possessive(run[j].text)
        {
            j += 1;
        }
        while j > cue_at && PARTICLES.contains(&run[j - 1].text) {
            j -= 1;
        }
        // A speech verb after it makes it a person after all ("near Putin said").
        let after = doc.text[run[j.max(1) - 1].end..]
            .trim_start()
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("")
            .to_lowercase();
        if j > cue_at
            && j - cue_at <= 4
            && !vocab.speech.contains(&after)
            && !run[cue_at..j].iter().all(|w| vocab.is_not_name(w.text))
        {
            push_place(doc, run[cue_at].start, run[j - 1].end, "name.place", found);
            return;
        }
    }
    if !ctx.heading
        && run.len() == 1
        && opens_with_compound(doc, sentence_start, &run[0], vocab, ctx)
    {
        push_place(doc, run[0].start, run[0].end, "name.place", found);
        return;
    }
    if !ctx.heading
        && let Some(k) = run.iter().position(|w| vocab.is_place_word(w.text))
        && k > 0
        && run[..k]
            .iter()
            .all(|w| name_shaped(w.text) && !vocab.is_title_word(w.text))
    {
        let first = run[..k]
            .iter()
            .position(|w| !vocab.is_not_name(w.text) || k == 1)
            .unwrap_or(0);
        if first < k && !vocab.is_not_name(run[first].text) {
            push_place(doc, run[first].start, run[k].end, "name.place", found);
            return;
        }
    }
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
    // "Minister of Commerce Wang Wentao": the first word is the title's.
    if i == 0 && run.len() >= 3 && vocab.ends_with_title_of(&before_run) {
        i = 1;
        titled_in_run = true;
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
    let common_word = run[i..j].iter().any(|w| {
        let l = strip_possessive(w.text).to_lowercase();
        !PARTICLES.contains(&l.as_str()) && ctx.doc_words.contains(l.as_str())
    });
    // "the Department of Transportation said": one word after "<Name> of"
    // ends an organisation's name.
    let org_tail = j - i == 1 && {
        let b = doc.text[from..start].trim_end();
        b.strip_suffix(" of").is_some_and(|b| {
            b.rsplit(' ')
                .next()
                .is_some_and(|w| w.starts_with(char::is_uppercase))
        })
    };
    let rule = if titled_in_run || vocab.ends_with_title(&before) {
        Some("name.titled")
    } else if org_tail {
        None
    } else if (!possessive
        && attached
        && vocab.speech.contains(&next_word)
        // "Jamaica is bracing …": a linking verb after one word opening the
        // sentence is no evidence of a person (a place or a body does that
        // too).
        && (j - i >= 2
            || start != sentence_start
            || !["is", "has", "had", "was", "who"].contains(&next_word.as_str())))
        || before.trim_end().ends_with("said")
        || before.trim_end().ends_with("according to")
    {
        Some("name.speaker")
    } else if possessive && starts_with_title(after, vocab) {
        Some("name.titled")
    } else if j - i >= 2
        && !ctx.heading
        && !common_word
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
            let surface = &doc.text[start..name_end];
            let p = vocab.canon(Person::parse(surface));
            if p.surname_key.is_empty() {
                return;
            }
            found.person(start, name_end, possessive, rule, &p);
        }
        None if j - i == 1 => bare.push((start, name_end, possessive)),
        None => {}
    }
}

/// Prefixes that make a capitalised compound an adjective or a noun of
/// their own ("Anti-Semitism", "Pro-Russian", "Mid-October").
const COMPOUND_PREFIXES: &[&str] = &[
    "anti", "pro", "non", "post", "pre", "mid", "trans", "ex", "co", "neo", "pan", "semi", "sub",
    "super", "ultra", "inter", "intra", "multi", "self", "all", "over", "cross", "counter", "euro",
    "afro", "sino", "russo", "franco", "anglo", "indo", "latin", "north", "south", "east", "west",
];

/// Whether `w` opens its sentence as a hyphenated compound of long
/// capitalised parts with a lowercase word after it, and no cue at all
/// ("Petropavlovsk-Kamchatski experienced power outages"): English writes
/// such compounds for places ("Yuzhno-Sakhalinsk", "Winston-Salem"), and a
/// person opening a sentence so bare is rare. Read as a place. A compound
/// of names the document also writes alone ("Trump-Putin talks") is none.
fn opens_with_compound(
    doc: &Document,
    sentence_start: usize,
    w: &Word,
    vocab: &Vocab,
    ctx: &RunContext,
) -> bool {
    if w.start != sentence_start || is_possessive(w.text) || vocab.is_not_name(w.text) {
        return false;
    }
    let first = w.text.split('-').next().unwrap_or("").to_lowercase();
    let long_parts = w
        .text
        .split('-')
        .all(|p| p.chars().count() >= 4 && p.chars().skip(1).all(char::is_lowercase));
    let next_lower = doc.text[w.end..]
        .strip_prefix(' ')
        .is_some_and(|a| a.starts_with(|c: char| c.is_lowercase()));
    w.text.contains('-')
        && long_parts
        && next_lower
        && name_shaped(w.text)
        && !COMPOUND_PREFIXES.contains(&first.as_str())
        && !w
            .text
            .split('-')
            .any(crate::normalise::time::is_calendar_word)
        && !w.text.split('-').any(|p| ctx.doc_words.contains(p))
}

/// Records a place name at `[start, end)` (a possessive dropped).
fn push_place(doc: &Document, start: usize, end: usize, rule: &'static str, found: &mut Found) {
    let text = &doc.text[start..end];
    // "St. Peter's Square", "Mt. Fuji": an abbreviation with its stop is
    // the start of a longer name, never a place of its own ("US" and "UK"
    // are written in capitals).
    let b = text.as_bytes();
    if b.len() == 2
        && b[0].is_ascii_uppercase()
        && b[1].is_ascii_lowercase()
        && doc.text[end..].starts_with('.')
    {
        return;
    }
    let surface = strip_possessive(text);
    found.place(
        start,
        start + surface.len(),
        surface.len() != text.len(),
        rule,
    );
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

pub struct Name;

impl Extractor for Name {
    fn kind(&self) -> Kind {
        Kind::Name
    }

    fn reads_people(&self) -> bool {
        true
    }

    fn reads_quotes(&self) -> bool {
        true
    }

    fn extract(&self, doc: &Document, _rules: &Rules) -> Vec<Fact> {
        let all = &doc.mentions.people;
        // One fact per spelling: the first mention outside quotation marks,
        // else the first.
        let mut chosen: BTreeMap<&str, &Mention> = BTreeMap::new();
        for m in all {
            let quoted = doc.mentions.in_quotes(m.start);
            let surface = m.surface(&doc.text);
            match chosen.get(surface) {
                None => {
                    chosen.insert(surface, m);
                }
                Some(prev) if doc.mentions.in_quotes(prev.start) && !quoted => {
                    chosen.insert(surface, m);
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
                        surface: m.surface(&doc.text).to_string(),
                        key: m.key.to_string(),
                        entity: m.entity,
                    },
                    m.rule.as_str(),
                );
                f.subject = crate::words::Word::of(&m.key);
                f
            })
            .collect();
        facts.sort_by_key(|f| f.start);
        facts
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

#[cfg(test)]
mod tests {
    use super::words;
    use regex::Regex;

    /// The pattern the scan replaces, as the definition of a word.
    fn by_regex(text: &str) -> Vec<(usize, &str)> {
        let re = Regex::new(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.\-]*").unwrap();
        re.find_iter(text)
            .map(|m| (m.start(), m.as_str()))
            .collect()
    }

    #[test]
    fn words_are_the_word_pattern_s_matches() {
        let hard = [
            "Empress Eugénie’s crown and Queen Marie-Amélie's tiara were taken.",
            "Vishwash Kumar Ramesh, 40, was in seat 11A of Flight AI171.",
            "The U.S.-China talks in Busan ended at 1:30 p.m. -- \"a 12-point plan.\"",
            "Cafe\u{301} owners and the e\u{301}clair: a combining accent stays in its word.",
            "Arabic digits ١٢ and a word joiner\u{2060}here, 3½ hours… “quoted” — end.",
            "",
            "'''...---",
        ];
        for text in hard {
            assert_eq!(words(text).collect::<Vec<_>>(), by_regex(text), "{text}");
        }
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/alaska-summit");
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            assert_eq!(words(&text).collect::<Vec<_>>(), by_regex(&text));
        }
    }
}
