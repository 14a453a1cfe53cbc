//! Wire lineage on a generated corpus of 10,000 articles.
//!
//! Run: `cargo bench --bench lineage` (set `ARTICLES=N` for another size).
//!
//! The corpus is generated deterministically from a fixed seed: original
//! stories, trimmed copies of some, reworded rewrites of others, and
//! independent stories that quote the same words as an original (which
//! must not count as lineage). The generator knows which article came from
//! which, so the bench also reports how many planted relations were found
//! and how many links were found that were never planted.

use crosscheck::clean::{self, Document};
use crosscheck::compare::lineage::{self, Relation};
use crosscheck::ingest::Source;
use crosscheck::rules::Rules;
use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

/// xorshift64*: small, fast, and the same sequence on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    /// An index skewed toward 0, like word frequencies.
    fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((u * u * u) * n as f64) as usize % n.max(1)
    }
}

const FUNCTION_WORDS: [&str; 14] = [
    "the", "of", "and", "to", "in", "a", "on", "for", "that", "with", "said", "was", "by", "at",
];
const SYLLABLES: [&str; 24] = [
    "ka", "lo", "mi", "ter", "san", "dor", "vel", "ru", "bis", "an", "tor", "ме", "ne", "pol",
    "gra", "su", "fin", "ost", "ar", "lé", "mon", "tri", "ved", "cu",
];

struct Generator {
    rng: Rng,
    vocabulary: Vec<String>,
    names: Vec<String>,
}

impl Generator {
    fn new(seed: u64) -> Generator {
        let mut rng = Rng(seed);
        let mut vocabulary = Vec::new();
        for _ in 0..20_000 {
            let n = 2 + rng.below(2);
            let w: String = (0..n)
                .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                .collect();
            vocabulary.push(w);
        }
        let names = (0..500)
            .map(|i| {
                let mut w = vocabulary[(i * 37) % vocabulary.len()].clone();
                if let Some(first) = w.get_mut(0..1) {
                    first.make_ascii_uppercase();
                }
                w
            })
            .collect();
        Generator {
            rng,
            vocabulary,
            names,
        }
    }

    fn words(&mut self, n: usize) -> Vec<String> {
        (0..n)
            .map(|_| {
                if self.rng.chance(0.35) {
                    FUNCTION_WORDS[self.rng.below(FUNCTION_WORDS.len())].to_string()
                } else {
                    self.vocabulary[self.rng.skewed(self.vocabulary.len())].clone()
                }
            })
            .collect()
    }

    fn quote(&mut self) -> String {
        let n = 8 + self.rng.below(10);
        self.words(n).join(" ")
    }

    /// A prose sentence, sometimes carrying a quotation.
    fn sentence(&mut self, quote: Option<&str>) -> String {
        let n = 12 + self.rng.below(16);
        let mut words = self.words(n);
        if let Some(first) = words.first_mut() {
            capitalise(first);
        }
        let name = self.names[self.rng.below(self.names.len())].clone();
        match quote {
            Some(q) => format!("{}, {name} said: \"{q}.\"", words.join(" ")),
            None => format!("{}.", words.join(" ")),
        }
    }

    /// An original story: paragraphs of one or two sentences.
    fn story(&mut self, quotes: &[String]) -> Vec<String> {
        let n = 12 + self.rng.below(18);
        let mut paragraphs = Vec::new();
        let mut q = quotes.iter();
        while paragraphs.len() < n {
            let quote = if self.rng.chance(0.25) {
                q.next()
            } else {
                None
            };
            let mut p = self.sentence(quote.map(String::as_str));
            if self.rng.chance(0.5) {
                p.push(' ');
                p.push_str(&self.sentence(None));
            }
            paragraphs.push(p);
        }
        paragraphs
    }

    /// A trimmed copy: the tail cut, sometimes a paragraph dropped.
    fn copy(&mut self, original: &[String]) -> Vec<String> {
        let keep = original.len() - self.rng.below(original.len() / 3 + 1);
        let mut out: Vec<String> = original[..keep.max(3).min(original.len())].to_vec();
        if out.len() > 5 && self.rng.chance(0.5) {
            let drop = 1 + self.rng.below(out.len() - 1);
            out.remove(drop);
        }
        out
    }

    /// A rewrite: most paragraphs kept in order with a third of their words
    /// replaced, some dropped, a few new ones added.
    fn rewrite(&mut self, original: &[String]) -> Vec<String> {
        let mut out = Vec::new();
        for p in original {
            if self.rng.chance(0.2) {
                continue;
            }
            let words: Vec<String> = p
                .split(' ')
                .filter_map(|w| {
                    if self.rng.chance(0.1) {
                        None
                    } else if self.rng.chance(0.3) {
                        Some(self.vocabulary[self.rng.skewed(self.vocabulary.len())].clone())
                    } else {
                        Some(w.to_string())
                    }
                })
                .collect();
            out.push(words.join(" "));
            if self.rng.chance(0.1) {
                out.push(self.sentence(None));
            }
        }
        out
    }
}

fn capitalise(w: &mut String) {
    if let Some(c) = w.chars().next() {
        let upper: String = c.to_uppercase().collect();
        w.replace_range(0..c.len_utf8(), &upper);
    }
}

/// What the generator planted for a pair (from, to).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Planted {
    Copy,
    Rewrite,
}

fn main() {
    let n: usize = std::env::var("ARTICLES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let rules = Rules::load(None).expect("embedded rules load");
    let mut g = Generator::new(0x5EED_CAFE);
    let start_date = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).expect("valid date");

    let started = Instant::now();
    let mut stories: Vec<(Vec<String>, Vec<String>, i64)> = Vec::new(); // paragraphs, quotes, day
    let mut bodies: Vec<(Vec<String>, i64)> = Vec::new();
    let mut planted: HashMap<(usize, usize), Planted> = HashMap::new();
    let mut story_of: Vec<usize> = Vec::new();
    // The story each article tells: articles derived from one story may
    // rightly link to each other too (two copies of one wire story).
    let mut family: Vec<usize> = Vec::new();
    for i in 0..n {
        let roll = g.rng.below(100);
        if stories.is_empty() || roll < 55 {
            let quotes: Vec<String> = (0..4).map(|_| g.quote()).collect();
            let day = (i / 20) as i64;
            let body = g.story(&quotes);
            stories.push((body.clone(), quotes, day));
            story_of.push(i);
            family.push(i);
            bodies.push((body, day));
            continue;
        }
        // Derived articles draw on a recent story, as wire pickups do.
        let s = stories.len() - 1 - g.rng.below(stories.len().min(200));
        let (original, quotes, day) = stories[s].clone();
        let source = story_of[s];
        family.push(source);
        if roll < 70 {
            bodies.push((g.copy(&original), day + 1));
            planted.insert((source, i), Planted::Copy);
        } else if roll < 85 {
            bodies.push((g.rewrite(&original), day + 1));
            planted.insert((source, i), Planted::Rewrite);
        } else {
            // Same event, same quotes, own prose: not lineage.
            bodies.push((g.story(&quotes), day));
            if let Some(f) = family.last_mut() {
                *f = i;
            }
        }
    }
    let docs: Vec<Document> = bodies
        .into_iter()
        .enumerate()
        .map(|(i, (paragraphs, day))| {
            clean::clean(
                Source {
                    id: format!("a{i:05}"),
                    outlet: None,
                    published: Some(start_date + chrono::Duration::days(day)),
                    url: None,
                    path: PathBuf::from(format!("a{i:05}.txt")),
                    text: paragraphs.join("\n"),
                    body_start: 0,
                    origin: None,
                },
                &rules,
            )
        })
        .collect();
    let prepared = started.elapsed();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();

    let started = Instant::now();
    let links = lineage::detect(&docs);
    let took = started.elapsed().as_secs_f64();

    // The stages apart: profiling every article, then the candidate pairs.
    let stage = Instant::now();
    let mut vocabulary = lineage::Vocabulary::default();
    let profiles: Vec<lineage::Profile> = docs
        .iter()
        .map(|d| lineage::profile(d, &mut vocabulary))
        .collect();
    let profiling = stage.elapsed().as_secs_f64();
    let stage = Instant::now();
    let candidates = lineage::candidates(&profiles).len();
    let pairing = stage.elapsed().as_secs_f64();

    let index: HashMap<&str, usize> = docs.iter().enumerate().map(|(i, d)| (&*d.id, i)).collect();
    let (mut copies, mut rewrites, mut partial_of_planted) = (0, 0, 0);
    let (mut siblings, mut unplanted) = (0, 0);
    let mut relations: HashMap<&str, usize> = HashMap::new();
    for l in &links {
        *relations.entry(l.relation.as_str()).or_default() += 1;
        let key = (index[l.from.as_str()], index[l.to.as_str()]);
        match (planted.get(&key), l.relation) {
            (Some(Planted::Copy), Relation::Copy) => copies += 1,
            (Some(Planted::Rewrite), Relation::Rewrite) => rewrites += 1,
            (Some(_), _) => partial_of_planted += 1,
            (None, _) if family[key.0] == family[key.1] => siblings += 1,
            (None, _) => unplanted += 1,
        }
    }
    let planted_copies = planted.values().filter(|p| **p == Planted::Copy).count();
    let planted_rewrites = planted.len() - planted_copies;
    println!(
        "corpus: {n} articles, {:.1} MB, generated and cleaned in {:.2} s",
        bytes as f64 / 1e6,
        prepared.as_secs_f64()
    );
    println!(
        "lineage: {took:.2} s: {:.0} articles/s, {:.2} MB/s",
        n as f64 / took,
        bytes as f64 / 1e6 / took
    );
    println!(
        "stages: profiles {profiling:.2} s, candidate pairs {candidates} in {pairing:.2} s, alignment of the candidates the rest"
    );
    println!(
        "links: {} ({:?}); planted copies found {copies}/{planted_copies}, planted rewrites found {rewrites}/{planted_rewrites}, planted pairs with another relation {partial_of_planted}, links between articles of one story {siblings}, links between unrelated articles {unplanted}",
        links.len(),
        {
            let mut r: Vec<_> = relations.into_iter().collect();
            r.sort();
            r
        }
    );
}
