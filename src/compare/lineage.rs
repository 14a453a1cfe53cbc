//! Wire lineage: which articles copy or rewrite which.
//!
//! Five outlets running one Reuters story are one source, not five. This
//! module finds text reuse between articles that survives rewording and
//! reordering, and says for each related pair how the later article came
//! from the earlier one.
//!
//! How:
//! 1. Every kept sentence (boilerplate excluded) becomes a [`Profile`]
//!    entry: its content words (stop words dropped, diacritics folded,
//!    plural and tense endings trimmed) and the hashes of its eight-word
//!    shingles. Words inside quotation marks are masked first: outlets
//!    quoting one press conference share those words without copying each
//!    other.
//! 2. Candidate pairs come from an inverted index of content-word bigrams:
//!    only articles sharing several bigrams are compared, and bigrams found
//!    in very many articles are skipped, so 10,000 articles never mean all
//!    pairs of all sentences.
//! 3. For a candidate pair, each sentence of one article is aligned to the
//!    sentence of the other sharing the most content words (an inverted
//!    index again). An alignment needs several shared content words and a
//!    Dice similarity over a threshold, or a shared run of words.
//! 4. The relation follows from how much of the later article is aligned
//!    (`shared`), how much is verbatim, and whether the aligned points keep
//!    their order: **copy** (mostly verbatim), **rewrite** (most of the
//!    article aligned and reworded; a share near the threshold needs the
//!    points in the same order), **partial** (verbatim passages taken
//!    over), else independent (omitted). Independent reports of one event
//!    align a sentence here and there on the same points (under a third of
//!    the article in the example corpus) but share no long verbatim run.
//!
//! Direction: the earlier publication is the source; with equal or unknown
//! dates, the article more contained in the other is the later one.
//!
//! Known gaps: a translation or a summary that shares no words is not
//! found; a rewrite that keeps under half of the article reads as partial
//! borrowing at most; quotation marks left unclosed mask the rest of a paragraph.

use crate::clean::Document;
use rayon::prelude::*;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::hash::BuildHasherDefault;
use std::hash::{Hash, Hasher};
use unicode_normalization::UnicodeNormalization;

/// How one article relates to another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    /// The later article is the earlier one's text, trimmed or not.
    Copy,
    /// The later article retells most of the earlier one in its own words.
    Rewrite,
    /// The later article takes over some passages; it stays an independent
    /// source.
    Partial,
}

impl Relation {
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Copy => "copy",
            Relation::Rewrite => "rewrite",
            Relation::Partial => "partial",
        }
    }
}

/// Two sentences, one from each article, found to carry the same passage.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AlignedPair {
    /// 1-based line of the sentence in the `from` article.
    pub from_line: usize,
    pub to_line: usize,
    pub from_text: String,
    pub to_text: String,
    /// Dice similarity of the sentences' content words, 0..1.
    pub similarity: f64,
    /// Whether they share a run of at least eight words outside quotes.
    pub verbatim: bool,
}

/// One related pair of sources.
#[derive(Clone, Debug, Serialize)]
pub struct Link {
    pub from: String,
    pub to: String,
    pub relation: Relation,
    /// Share of the later article's text that comes from the earlier one.
    pub shared: f64,
    /// The aligned sentence pairs, in the later article's order.
    pub evidence: Vec<AlignedPair>,
}

/// The multiply-rotate hash of rustc (FxHash): much faster than SipHash
/// for the integer and short-word keys here, and no input is adversarial.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut buf = [0u8; 8];
            buf[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(buf));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.write_u64(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.write_u64(u64::from(i));
    }
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type HashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Words that carry no content of their own.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "after",
    "again",
    "against",
    "all",
    "already",
    "also",
    "although",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "even",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "made",
    "make",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "mr",
    "mrs",
    "ms",
    "much",
    "must",
    "my",
    "new",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "per",
    "said",
    "say",
    "says",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "to",
    "told",
    "too",
    "two",
    "under",
    "until",
    "up",
    "us",
    "very",
    "was",
    "way",
    "we",
    "well",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "yet",
    "you",
    "your",
];

/// Shingle length in words; a shared shingle is a verbatim run this long.
/// Shorter runs are stock phrases ("full-scale invasion of Ukraine in
/// 2022", "Secretary of State Marco Rubio and") that independent outlets
/// share.
const SHINGLE: usize = 8;
/// Content words two sentences must share to be aligned.
const MIN_SHARED_WORDS: usize = 3;
/// Dice similarity over which sentences with enough shared words align.
const MIN_DICE: f64 = 0.34;
/// Shared shingles that make a verbatim passage.
const VERBATIM_SHINGLES: usize = 1;
/// Bigrams two articles must share before their sentences are aligned.
/// Two borrowed passages of eight words (the least partial borrowing)
/// share more; independent reports of one event share a dozen or more, so
/// those are still aligned and judged.
const MIN_SHARED_KEYS: u32 = 6;

/// One sentence as lineage sees it.
#[derive(Clone, Debug)]
pub struct SentenceProfile {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    /// Content-word ids, sorted, without repeats.
    pub content: Vec<u32>,
    /// Eight-word shingle hashes outside quotes, sorted, without repeats.
    pub shingles: Vec<u64>,
}

/// An article as lineage sees it.
#[derive(Clone, Debug)]
pub struct Profile {
    pub sentences: Vec<SentenceProfile>,
    /// Content-word bigrams (two word ids in one number), sorted, without
    /// repeats.
    pub keys: Vec<u64>,
    /// Content words of all sentences, counted with repeats per sentence.
    pub weight: usize,
}

/// Word ids shared by the profiles of one run.
#[derive(Default)]
pub struct Vocabulary {
    ids: HashMap<String, u32>,
}

impl Vocabulary {
    fn id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(word.to_string(), id);
        id
    }
}

/// A word of the text: byte span, normalised form, inside quotes or not.
struct Token {
    at: usize,
    word: String,
    quoted: bool,
}

/// Lower-cases, folds diacritics and curly apostrophes, drops a trailing
/// possessive.
fn normalise_word(w: &str) -> String {
    if w.is_ascii() {
        let mut s = w.to_ascii_lowercase();
        if s.ends_with("'s") {
            s.truncate(s.len() - 2);
        }
        s.retain(|c| c != '\'');
        return s;
    }
    let mut s: String = w
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == '’' { '\'' } else { c })
        .collect();
    if let Some(stem) = s.strip_suffix("'s") {
        s = stem.to_string();
    }
    s.retain(|c| c != '\'');
    s
}

/// Trims endings so "guarantees"/"guarantee", "attacked"/"attack" meet.
fn stem(w: &str) -> Cow<'_, str> {
    let n = w.chars().count();
    if n <= 3 || w.bytes().any(|c| c.is_ascii_digit()) {
        return Cow::Borrowed(w);
    }
    if let Some(base) = w.strip_suffix("ies")
        && base.chars().count() >= 3
    {
        return Cow::Owned(format!("{base}y"));
    }
    // "es" becomes "e": the same as dropping the "s".
    for suffix in ["ing", "ed", "s"] {
        if let Some(base) = w.strip_suffix(suffix)
            && base.chars().count() >= 3
            && !(suffix == "s" && base.ends_with('s'))
        {
            return Cow::Borrowed(base);
        }
    }
    Cow::Borrowed(w)
}

fn is_stop(w: &str) -> bool {
    STOP_WORDS.binary_search(&w).is_ok()
}

/// The words of `text` (a paragraph) with whether each stands inside
/// quotation marks. Straight double quotes toggle; curly quotes open and
/// close; a single quote opens after a space and before a word, and closes
/// after a word when a single quote is open, so apostrophes ("Russia's",
/// "didn't") are never quote marks.
fn tokens(text: &str, offset: usize) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut double = false;
    let mut single = false;
    let mut i = 0;
    let alnum = |k: Option<&(usize, char)>| k.is_some_and(|(_, c)| c.is_alphanumeric());
    while i < chars.len() {
        let (at, c) = chars[i];
        if c.is_alphanumeric() {
            let mut j = i + 1;
            while j < chars.len() {
                let cj = chars[j].1;
                if cj.is_alphanumeric() || (matches!(cj, '\'' | '’') && alnum(chars.get(j + 1))) {
                    j += 1;
                } else {
                    break;
                }
            }
            let end = chars.get(j).map_or(text.len(), |&(p, _)| p);
            let word = normalise_word(&text[at..end]);
            if !word.is_empty() {
                out.push(Token {
                    at: offset + at,
                    word,
                    quoted: double || single,
                });
            }
            i = j;
            continue;
        }
        let before = if i == 0 { None } else { chars.get(i - 1) };
        let after = chars.get(i + 1);
        match c {
            '"' => double = !double,
            '“' | '«' => double = true,
            '”' | '»' => double = false,
            '‘' => single = true,
            '\'' | '’' => {
                let opens = !alnum(before) && after.is_some_and(|(_, c)| !c.is_whitespace());
                let closes = before.is_some_and(|(_, c)| !c.is_whitespace()) && !alnum(after);
                if single && closes {
                    single = false;
                } else if !single && opens && c == '\'' {
                    single = true;
                }
            }
            _ => {}
        }
        i += 1;
    }
    out
}

fn hash_of<T: Hash>(t: T) -> u64 {
    let mut h = FxHasher::default();
    t.hash(&mut h);
    h.finish()
}

/// The lineage view of `doc`: its kept sentences with quotes masked.
pub fn profile(doc: &Document, vocab: &mut Vocabulary) -> Profile {
    profile_with(doc, vocab, true)
}

/// The lineage view of `doc`, quotes masked or not. Unmasked suits two
/// versions of one story, where a changed quote is a change to show.
pub fn profile_with(doc: &Document, vocab: &mut Vocabulary, mask_quotes: bool) -> Profile {
    let mut toks = Vec::new();
    for &(a, b) in &doc.paragraphs {
        toks.extend(tokens(&doc.text[a..b], a));
    }
    if !mask_quotes {
        for t in &mut toks {
            t.quoted = false;
        }
    }
    let mut sentences = Vec::with_capacity(doc.sentences.len());
    let mut keys = Vec::new();
    let mut weight = 0;
    let mut t = 0;
    for s in &doc.sentences {
        while t < toks.len() && toks[t].at < s.start {
            t += 1;
        }
        let first = t;
        while t < toks.len() && toks[t].at < s.end {
            t += 1;
        }
        let words = &toks[first..t];
        let mut content = Vec::new();
        let mut prev: Option<u32> = None;
        for w in words.iter().filter(|w| !w.quoted) {
            if is_stop(&w.word) {
                continue;
            }
            let id = vocab.id(&stem(&w.word));
            if let Some(p) = prev {
                keys.push((u64::from(p) << 32) | u64::from(id));
            }
            prev = Some(id);
            content.push(id);
        }
        weight += content.len();
        content.sort_unstable();
        content.dedup();
        let mut shingles = Vec::new();
        // Shingles run over unquoted words only, and never across a quote.
        for run in words.split(|w| w.quoted) {
            let hashes: Vec<u64> = run.iter().map(|w| hash_of(w.word.as_str())).collect();
            for win in hashes.windows(SHINGLE) {
                shingles.push(win.iter().fold(0u64, |h, &w| {
                    (h.rotate_left(17) ^ w).wrapping_mul(0x9E37_79B9_7F4A_7C15)
                }));
            }
        }
        shingles.sort_unstable();
        shingles.dedup();
        sentences.push(SentenceProfile {
            start: s.start,
            end: s.end,
            // Lines of the file as stored (an HTML page is read as its text).
            line: doc.stored_line(s.start),
            content,
            shingles,
        });
    }
    keys.sort_unstable();
    keys.dedup();
    Profile {
        sentences,
        keys,
        weight,
    }
}

fn shared_sorted<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// One sentence of `to` aligned to one of `from`, by index.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Match {
    pub from: usize,
    pub to: usize,
    pub similarity: f64,
    pub verbatim: bool,
}

/// Aligns every sentence of `to` to its best partner in `from`, if any.
/// Several sentences of `to` may align to one of `from` (a merged or split
/// sentence). Result in `to` order.
pub fn align(from: &Profile, to: &Profile) -> Vec<Match> {
    let mut index: HashMap<u32, Vec<usize>> = HashMap::default();
    for (i, s) in from.sentences.iter().enumerate() {
        for &w in &s.content {
            index.entry(w).or_default().push(i);
        }
    }
    let mut counts = vec![0usize; from.sentences.len()];
    let mut touched = Vec::new();
    let mut out = Vec::new();
    for (j, s) in to.sentences.iter().enumerate() {
        for w in &s.content {
            for &i in index.get(w).map(Vec::as_slice).unwrap_or(&[]) {
                if counts[i] == 0 {
                    touched.push(i);
                }
                counts[i] += 1;
            }
        }
        let mut best: Option<Match> = None;
        let mut best_score = 0.0;
        for &i in &touched {
            let shared = counts[i];
            let f = &from.sentences[i];
            let dice = 2.0 * shared as f64 / (f.content.len() + s.content.len()).max(1) as f64;
            let verbatim = shared_sorted(&f.shingles, &s.shingles) >= VERBATIM_SHINGLES;
            let aligned = verbatim || (shared >= MIN_SHARED_WORDS && dice >= MIN_DICE);
            let score = dice + if verbatim { 1.0 } else { 0.0 };
            if aligned && score > best_score {
                best_score = score;
                best = Some(Match {
                    from: i,
                    to: j,
                    similarity: dice,
                    verbatim,
                });
            }
        }
        for &i in &touched {
            counts[i] = 0;
        }
        touched.clear();
        out.extend(best);
    }
    out
}

/// What the alignment of one article onto another amounts to.
#[derive(Clone, Debug)]
struct Overlap {
    matches: Vec<Match>,
    /// Share of `to`'s content words in aligned sentences.
    shared: f64,
    /// Share of `to`'s content words in near-identical sentences.
    verbatim: f64,
    /// Share of `to`'s content words in sentences sharing a verbatim run.
    passages: f64,
    /// Share of the aligned sentences that keep the `from` order.
    ordered: f64,
    /// Share of `to`'s sentences with content outside quotes that align:
    /// an article made mostly of quotes has little prose, and a few aligned
    /// sentences must not make it a rewrite.
    sentences: f64,
}

fn overlap(from: &Profile, to: &Profile) -> Overlap {
    let matches = align(from, to);
    let total = to.weight.max(1) as f64;
    let weight_of = |m: &Match| to.sentences[m.to].content.len() as f64;
    let shared = matches.iter().map(weight_of).sum::<f64>() / total;
    let verbatim = matches
        .iter()
        .filter(|m| m.verbatim && m.similarity >= 0.6)
        .map(weight_of)
        .sum::<f64>()
        / total;
    let passages = matches
        .iter()
        .filter(|m| m.verbatim)
        .map(weight_of)
        .sum::<f64>()
        / total;
    let order: Vec<usize> = matches.iter().map(|m| m.from).collect();
    let ordered = if order.is_empty() {
        0.0
    } else {
        longest_increasing(&order) as f64 / order.len() as f64
    };
    let with_content = to
        .sentences
        .iter()
        .filter(|s| s.content.len() >= MIN_SHARED_WORDS)
        .count();
    let sentences = matches.len() as f64 / with_content.max(1) as f64;
    Overlap {
        sentences,
        matches,
        shared,
        verbatim,
        passages,
        ordered,
    }
}

/// Length of the longest non-decreasing subsequence.
fn longest_increasing(xs: &[usize]) -> usize {
    let mut tails: Vec<usize> = Vec::new();
    for &x in xs {
        let i = tails.partition_point(|&t| t <= x);
        if i == tails.len() {
            tails.push(x);
        } else {
            tails[i] = x;
        }
    }
    tails.len()
}

/// The relation `overlap` shows, if any.
fn relation(o: &Overlap) -> Option<Relation> {
    let aligned = o.matches.len();
    let verbatim_pairs = o.matches.iter().filter(|m| m.verbatim).count();
    if o.verbatim >= 0.6 && aligned >= 3 {
        Some(Relation::Copy)
    } else if aligned >= 4
        && o.sentences >= 0.5
        && (o.shared >= 0.6 || (o.shared >= 0.5 && o.ordered >= 0.6))
    {
        Some(Relation::Rewrite)
    } else if verbatim_pairs >= 2 {
        Some(Relation::Partial)
    } else {
        None
    }
}

/// The related pairs among `docs`, sorted by `from`, then `to`.
pub fn detect(docs: &[Document]) -> Vec<Link> {
    if docs.len() < 2 {
        return Vec::new(); // no pair to link: skip building profiles
    }
    let mut vocab = Vocabulary::default();
    let profiles: Vec<Profile> = docs.iter().map(|d| profile(d, &mut vocab)).collect();
    let mut links: Vec<Link> = candidates(&profiles)
        .into_iter()
        .filter_map(|(a, b)| link(&docs[a], &profiles[a], &docs[b], &profiles[b]))
        .collect();
    links.sort_by(|x, y| (&x.from, &x.to).cmp(&(&y.from, &y.to)));
    links
}

/// Most articles whose profiles [`relations`] holds at once.
pub const BLOCK_ARTICLES: usize = 256;

/// The relation of each of the given pairs of `docs` (indices; in the
/// result's order), as [`detect`] would find it, without looking at any
/// other pair: for callers that know which pairs can matter (grouping
/// only asks about articles sharing rare names).
///
/// The same judgement as [`detect`]: a pair sharing fewer than
/// [`MIN_SHARED_KEYS`] content-word bigrams is not aligned (here every
/// bigram counts: `detect` leaves out those of very many articles, which
/// a pair chosen by its caller need not be screened for). The pairs are
/// taken in runs of at most [`BLOCK_ARTICLES`] articles, in the order
/// given: each run's profiles are built (with its own vocabulary: a
/// judgement only compares words within a pair) and dropped when the run
/// is judged, so memory stays that of one run per thread however many
/// pairs there are, and time is linear in the pairs. Give the pairs of
/// one article together (sorted) so it is profiled once. Runs are judged
/// in parallel on the current rayon pool; the result does not depend on
/// the thread count.
pub fn relations(docs: &[Document], pairs: &[(usize, usize)]) -> Vec<Option<Relation>> {
    relations_in_runs(docs, pairs, BLOCK_ARTICLES)
}

/// [`relations`] with runs of at most `most` articles.
fn relations_in_runs(
    docs: &[Document],
    pairs: &[(usize, usize)],
    most: usize,
) -> Vec<Option<Relation>> {
    let mut runs: Vec<&[(usize, usize)]> = Vec::new();
    let mut start = 0;
    let mut seen: BTreeSet<usize> = BTreeSet::new();
    for (i, &(a, b)) in pairs.iter().enumerate() {
        let new = usize::from(!seen.contains(&a)) + usize::from(!seen.contains(&b) && a != b);
        if seen.len() + new > most && i > start {
            runs.push(&pairs[start..i]);
            start = i;
            seen.clear();
        }
        seen.insert(a);
        seen.insert(b);
    }
    if start < pairs.len() {
        runs.push(&pairs[start..]);
    }
    runs.par_iter()
        .flat_map_iter(|run| {
            let mut vocab = Vocabulary::default();
            let mut at: HashMap<usize, usize> = HashMap::default();
            let mut profiles: Vec<Profile> = Vec::new();
            for &(a, b) in run.iter() {
                for d in [a, b] {
                    at.entry(d).or_insert_with(|| {
                        profiles.push(profile(&docs[d], &mut vocab));
                        profiles.len() - 1
                    });
                }
            }
            run.iter()
                .map(|&(a, b)| {
                    let (pa, pb) = (&profiles[at[&a]], &profiles[at[&b]]);
                    if shared_sorted(&pa.keys, &pb.keys) < MIN_SHARED_KEYS as usize {
                        return None;
                    }
                    judge(&docs[a], pa, &docs[b], pb).map(|(_, relation, _)| relation)
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Pairs of articles sharing enough content-word bigrams to be worth an
/// alignment. Bigrams found in very many articles (stock phrases, the
/// names of the day) are skipped, which bounds the work per bigram.
pub fn candidates(profiles: &[Profile]) -> Vec<(usize, usize)> {
    // The inverted index as one sorted list of (bigram, article): cheaper
    // than a map of lists when most bigrams occur once.
    let mut postings: Vec<(u64, u32)> = profiles
        .iter()
        .enumerate()
        .flat_map(|(d, p)| p.keys.iter().map(move |&k| (k, d as u32)))
        .collect();
    postings.sort_unstable();
    let cap = 50.max((profiles.len() as f64).sqrt() as usize);
    let mut pairs: HashMap<(u32, u32), u32> = HashMap::default();
    for run in postings.chunk_by(|a, b| a.0 == b.0) {
        if run.len() < 2 || run.len() > cap {
            continue;
        }
        for (i, &(_, a)) in run.iter().enumerate() {
            for &(_, b) in &run[i + 1..] {
                *pairs.entry((a, b)).or_insert(0) += 1;
            }
        }
    }
    let mut out: Vec<(usize, usize)> = pairs
        .into_iter()
        .filter(|&(_, n)| n >= MIN_SHARED_KEYS)
        .map(|((a, b), _)| (a as usize, b as usize))
        .collect();
    out.sort_unstable();
    out
}

/// How two articles are related, if they are: whether `a` is the source,
/// the relation, and the alignment of the later article onto the source.
/// The one judgement behind [`detect`] and [`relations`].
fn judge(
    da: &Document,
    pa: &Profile,
    db: &Document,
    pb: &Profile,
) -> Option<(bool, Relation, Overlap)> {
    let a_first = match (da.published, db.published) {
        (Some(x), Some(y)) if x != y => x < y,
        _ => {
            // The article more contained in the other is the later one; on
            // a tie the longer article is the source.
            let b_from_a = overlap(pa, pb);
            let a_from_b = overlap(pb, pa);
            if (b_from_a.shared - a_from_b.shared).abs() > 0.02 {
                b_from_a.shared > a_from_b.shared
            } else {
                pa.weight >= pb.weight
            }
        }
    };
    let o = if a_first {
        overlap(pa, pb)
    } else {
        overlap(pb, pa)
    };
    let relation = relation(&o)?;
    Some((a_first, relation, o))
}

/// The link between two articles, directed from the source to the later
/// one, if they are related.
fn link(da: &Document, pa: &Profile, db: &Document, pb: &Profile) -> Option<Link> {
    let (a_first, relation, o) = judge(da, pa, db, pb)?;
    let (from, fp, to, tp) = if a_first {
        (da, pa, db, pb)
    } else {
        (db, pb, da, pa)
    };
    // Partial borrowing is the verbatim passages only: a reworded sentence
    // on the same point is what independent reporting looks like too.
    let partial = relation == Relation::Partial;
    let shared = if partial { o.passages } else { o.shared };
    let evidence = o
        .matches
        .iter()
        .filter(|m| m.verbatim || !partial)
        .map(|m| {
            let f = &fp.sentences[m.from];
            let t = &tp.sentences[m.to];
            AlignedPair {
                from_line: f.line,
                to_line: t.line,
                from_text: from.text[f.start..f.end].to_string(),
                to_text: to.text[t.start..t.end].to_string(),
                similarity: round2(m.similarity),
                verbatim: m.verbatim,
            }
        })
        .collect();
    Some(Link {
        from: from.id.to_string(),
        to: to.id.to_string(),
        relation,
        shared: round2(shared),
        evidence,
    })
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// How many of `sources` are independent: copies and rewrites of one story
/// count once; partial borrowing leaves both independent.
pub fn independent(sources: &BTreeSet<&str>, links: &[Link]) -> usize {
    let list: Vec<&str> = sources.iter().copied().collect();
    let mut parent: Vec<usize> = (0..list.len()).collect();
    fn root(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    for l in links {
        if l.relation == Relation::Partial {
            continue;
        }
        let (Some(a), Some(b)) = (
            list.iter().position(|s| *s == l.from),
            list.iter().position(|s| *s == l.to),
        ) else {
            continue;
        };
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        parent[ra] = rb;
    }
    (0..list.len())
        .filter(|&i| root(&mut parent, i) == i)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        let mut sorted = STOP_WORDS.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted, STOP_WORDS);
    }

    #[test]
    fn quotes_are_masked_but_apostrophes_are_not() {
        let t = tokens(
            "'There were many points,' Trump said. Russia's \"root causes\" didn't change.",
            0,
        );
        let quoted: Vec<&str> = t
            .iter()
            .filter(|t| t.quoted)
            .map(|t| t.word.as_str())
            .collect();
        assert_eq!(
            quoted,
            ["there", "were", "many", "points", "root", "causes"]
        );
        assert!(t.iter().any(|t| t.word == "russia" && !t.quoted));
        assert!(t.iter().any(|t| t.word == "didnt" && !t.quoted));
    }

    #[test]
    fn relations_of_pairs_are_what_detect_finds() {
        let rules = crate::rules::Rules::embedded().unwrap();
        let dir = std::path::PathBuf::from("tests/fixtures/alaska-summit");
        let docs: Vec<Document> = crate::ingest::load(&[dir], None)
            .unwrap()
            .into_iter()
            .map(|s| crate::clean::clean(s, &rules))
            .collect();
        let mut pairs = Vec::new();
        for a in 0..docs.len() {
            for b in a + 1..docs.len() {
                pairs.push((a, b));
            }
        }
        let links = detect(&docs);
        assert!(links.iter().any(|l| l.relation != Relation::Partial));
        let expected: Vec<Option<Relation>> = pairs
            .iter()
            .map(|&(a, b)| {
                let (x, y) = (&*docs[a].id, &*docs[b].id);
                links
                    .iter()
                    .find(|l| (&*l.from, &*l.to) == (x, y) || (&*l.from, &*l.to) == (y, x))
                    .map(|l| l.relation)
            })
            .collect();
        assert_eq!(relations(&docs, &pairs), expected);
        // Runs of one pair each: every profile built again, same answer.
        assert_eq!(relations_in_runs(&docs, &pairs, 2), expected);
    }

    #[test]
    fn diacritics_fold() {
        assert_eq!(normalise_word("Lipavský"), normalise_word("Lipavsky"));
        assert_eq!(stem("guarantees"), stem("guarantee"));
    }
}
