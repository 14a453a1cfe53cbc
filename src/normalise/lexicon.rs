//! Lexicon: word knowledge for alignment, from `rules/lexicon.toml` —
//! function words, the prepositions that introduce places, and sets of
//! words that name one thing ("passengers" ⊂ people) or one event
//! ("killed" ~ "died").
//!
//! Words are compared by their Snowball stem (`rust-stemmers`), so one form
//! in the rule file covers its inflections; a word in a set is known by the
//! set's id, so "quake" and "earthquakes" read alike.

use rust_stemmers::{Algorithm, Stemmer};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// `rules/lexicon.toml`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LexiconFile {
    #[serde(default)]
    pub function_words: Vec<String>,
    #[serde(default)]
    pub unit_words: Vec<String>,
    #[serde(default)]
    pub place_words: Vec<String>,
    #[serde(default)]
    pub light_nouns: Vec<String>,
    #[serde(default)]
    pub bearings: Vec<String>,
    #[serde(default)]
    pub set: Vec<WordSet>,
}

/// Words naming one thing or one event.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WordSet {
    pub id: String,
    /// `head` (what a figure counts or measures) or `predicate` (what
    /// happened).
    pub role: Role,
    pub description: String,
    pub words: Vec<String>,
    #[serde(default)]
    pub test: Vec<SetTest>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Head,
    Predicate,
}

/// Two words that must (or must not) fall in one set.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SetTest {
    pub a: String,
    pub b: String,
    pub same: bool,
}

/// The loaded lexicon: stems mapped to their set.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    function: HashSet<String>,
    units: HashSet<String>,
    place: HashSet<String>,
    bearings: HashSet<String>,
    light: HashSet<String>,
    /// Stem → the id of its set, per role.
    heads: HashMap<String, String>,
    predicates: HashMap<String, String>,
    /// Stems that open a two-word phrase of a set ("made" of "made off"):
    /// a phrase is keyed by its first word's stem and its second word.
    phrase_starts: HashSet<String>,
    tests: Vec<(String, SetTest)>,
}

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// The Snowball English stem of a lower-case word ("killed" → "kill").
pub fn stem(word: &str) -> String {
    STEMMER.stem(word).into_owned()
}

impl Lexicon {
    pub fn new(file: &LexiconFile) -> Lexicon {
        let lower = |w: &String| w.to_lowercase();
        let mut lex = Lexicon {
            function: file.function_words.iter().map(lower).collect(),
            units: file.unit_words.iter().map(lower).collect(),
            place: file.place_words.iter().map(lower).collect(),
            bearings: file.bearings.iter().map(lower).collect(),
            light: file.light_nouns.iter().map(lower).collect(),
            ..Lexicon::default()
        };
        for set in &file.set {
            let map = match set.role {
                Role::Head => &mut lex.heads,
                Role::Predicate => &mut lex.predicates,
            };
            for w in &set.words {
                let key = phrase_key(w).unwrap_or_else(|| stem(&w.to_lowercase()));
                if let Some((first, _)) = key.split_once(' ') {
                    lex.phrase_starts.insert(first.to_string());
                }
                // The first set to claim a stem keeps it.
                map.entry(key).or_insert_with(|| set.id.clone());
            }
            for t in &set.test {
                lex.tests.push((set.id.clone(), t.clone()));
            }
        }
        lex
    }

    /// The key of the two-word phrase a word of stem `stem` opens with the
    /// lower-case word `next` ("made" + "off" → `made off`), if a set
    /// lists it: "made off with the jewels" is a theft.
    pub fn phrase(&self, stem: &str, next: &str) -> Option<String> {
        if !self.phrase_starts.contains(stem) {
            return None;
        }
        let key = format!("{stem} {next}");
        (self.heads.contains_key(&key) || self.predicates.contains_key(&key)).then_some(key)
    }

    /// Whether a lower-case word carries no content.
    pub fn is_function(&self, lower: &str) -> bool {
        self.function.contains(lower)
    }

    /// Whether a lower-case word is a unit or a number word.
    pub fn is_unit(&self, lower: &str) -> bool {
        self.units.contains(lower)
    }

    /// Whether a lower-case noun only frames another ("in the space of",
    /// "a period of"): never a figure's head.
    pub fn is_light(&self, lower: &str) -> bool {
        self.light.contains(lower)
    }

    /// Whether a capitalised name after this lower-case word is a place.
    pub fn introduces_place(&self, lower: &str) -> bool {
        self.place.contains(lower)
    }

    /// Whether a lower-case word gives a measure's bearing ("149 km
    /// southeast", "130 km offshore"): never what it measures.
    pub fn is_bearing(&self, lower: &str) -> bool {
        self.bearings.contains(lower)
    }

    /// The key a head noun is compared by: `=` and its set's id, else its
    /// stem.
    pub fn head_key(&self, stem: &str) -> String {
        match self.heads.get(stem) {
            Some(id) => format!("={id}"),
            None => stem.to_string(),
        }
    }

    /// The key a predicate is compared by: `+` and its set's id, else its
    /// stem.
    pub fn predicate_key(&self, stem: &str) -> String {
        match self.predicates.get(stem) {
            Some(id) => format!("+{id}"),
            None => stem.to_string(),
        }
    }

    /// The key any word is compared by: its head set (`=id`), else its
    /// predicate set (`+id`), else its stem.
    pub fn word_key(&self, stem: &str) -> String {
        if let Some(id) = self.heads.get(stem) {
            return format!("={id}");
        }
        self.predicate_key(stem)
    }

    /// Whether a stem belongs to a predicate set (an event word even
    /// when it is a noun: "theft", "evacuations").
    pub fn is_event(&self, stem: &str) -> bool {
        self.predicates.contains_key(stem)
    }

    /// Runs every inline example; one line per failure.
    pub fn check_examples(&self) -> Vec<String> {
        let mut failures = Vec::new();
        for (id, t) in &self.tests {
            let key = |w: &str| {
                let s = phrase_key(w).unwrap_or_else(|| stem(&w.to_lowercase()));
                (self.head_key(&s), self.predicate_key(&s))
            };
            let (ha, pa) = key(&t.a);
            let (hb, pb) = key(&t.b);
            let same = (ha.starts_with('=') && ha == hb) || (pa.starts_with('+') && pa == pb);
            if same != t.same {
                failures.push(format!(
                    "lexicon.toml {id}: {:?} and {:?} {}, expected {}",
                    t.a,
                    t.b,
                    if same { "share a set" } else { "do not" },
                    if t.same { "one set" } else { "different sets" }
                ));
            }
        }
        failures
    }
}

/// The key of a two-word phrase of a set ("made off" → `made off`,
/// "making off" → `make off`): its first word stemmed, its second as
/// written. `None` for a single word.
fn phrase_key(w: &str) -> Option<String> {
    let lower = w.to_lowercase();
    let (first, second) = lower.split_once(' ')?;
    Some(format!("{} {}", stem(first), second.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_cover_inflections() {
        assert_eq!(stem("killed"), stem("killing"));
        assert_eq!(stem("passengers"), stem("passenger"));
    }
}
