//! Comparison of quotes: line up each remark across outlets and say how the
//! wording differs.
//!
//! Two quotes of different sources align when their speakers are the same
//! person (or one or both are unknown, and then the bar is stricter) and
//! they share enough wording, compared on matching keys
//! ([`crate::normalise::quotes`]):
//! - **equal** keys → agree;
//! - one is a contiguous **fragment** of the other ("bought himself more
//!   time." in "It seems Putin has bought himself more time.") → compatible;
//! - one is the other with words left out and none changed → compatible,
//!   and `detail` shows what was left out (a negation left out inside the
//!   shared stretch is a change: "I'm not going to be happy" / "I'm going
//!   to be happy");
//! - a short quote is a run of the longer one with a meaning word or two
//!   put inside it ("out of immediate danger" / "… he seems to be out of
//!   danger.") → conflict: the outlet quotes words the other does not;
//! - most words shared but some changed ("get them at a table" / "get them
//!   to the table") → conflict, with the word diff in `detail`.
//!
//! Each quote joins the quote it aligns with best, so a long quote that
//! shares a few words with two remarks does not merge them. Words that are
//! not speech (a backdrop, a sign) align only with the same words.
//!
//! Known gaps: two translations of one remark that share few words
//! ("disrupt the emerging progress" / "torpedo the nascent progress") do
//! not align.

use super::diff::WordOp;
use super::sets::find;
use super::{Comparison, Verdict, sources_of};
use crate::fact::{Fact, Kind, Value};
use crate::normalise::quotes as qnorm;
use similar::{Algorithm, DiffOp, capture_diff_slices};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// How two quotes of different sources relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Relation {
    /// Words changed.
    Differ,
    /// Words left out, none changed.
    Omission,
    /// One is a contiguous part of the other.
    Fragment,
    /// Equal after normalisation.
    Equal,
}

/// One quote as the comparator sees it.
struct Item<'a> {
    fact: &'a Fact,
    /// The key's words, borrowed from the fact; one list for all quotes
    /// of one key ([`Lists`]).
    words: &'a [&'a str],
    speech: bool,
}

/// The word lists of a set of quotes, one per distinct key: an outlet
/// that repeats a remark (a long article, a live page) keeps one list.
#[derive(Default)]
struct Lists<'a> {
    of_key: HashMap<&'a str, usize>,
    lists: Vec<Vec<&'a str>>,
}

impl<'a> Lists<'a> {
    fn of(facts: &[&'a Fact]) -> Lists<'a> {
        let mut out = Lists::default();
        for f in facts {
            if let Value::Quote { key, .. } = &f.value {
                let next = out.lists.len();
                if *out.of_key.entry(key).or_insert(next) == next {
                    out.lists.push(key.split_whitespace().collect());
                }
            }
        }
        out
    }

    /// The comparator's view of each of `facts`.
    fn items(&'a self, facts: &[&'a Fact]) -> Vec<Item<'a>> {
        facts
            .iter()
            .map(|f| match &f.value {
                Value::Quote { key, speech, .. } => Item {
                    fact: f,
                    words: &self.lists[self.of_key[&**key]],
                    speech: *speech,
                },
                _ => Item {
                    fact: f,
                    words: &[],
                    speech: false,
                },
            })
            .collect()
    }
}

impl Item<'_> {
    fn speaker(&self) -> Option<&str> {
        self.fact.speaker.map(crate::words::Word::as_str)
    }
}

/// Whether two speaker keys name one person (accents and case aside).
fn same_speaker(a: &str, b: &str) -> bool {
    a == b || qnorm::key(a) == qnorm::key(b)
}

/// How `a` and `b` relate, with the number of words they share; `None`
/// when they do not align.
fn relation(a: &Item, b: &Item) -> Option<(Relation, usize)> {
    if a.fact.source == b.fact.source || a.speech != b.speech {
        return None;
    }
    if !a.speech {
        return (a.words == b.words && !a.words.is_empty())
            .then_some((Relation::Equal, a.words.len()));
    }
    let same = match (a.speaker(), b.speaker()) {
        (Some(x), Some(y)) if !same_speaker(x, y) => return None,
        (Some(_), Some(_)) => true,
        _ => false,
    };
    let (s, l) = if a.words.len() <= b.words.len() {
        (a.words, b.words)
    } else {
        (b.words, a.words)
    };
    let n = s.len();
    if n == 0 {
        return None;
    }
    if s == l {
        return (same || n >= 2).then_some((Relation::Equal, n));
    }
    if l.windows(n).any(|w| w == s) {
        return (n >= if same { 2 } else { 4 }).then_some((Relation::Fragment, n));
    }
    if l.len() > MAX_WORDS {
        return None;
    }
    let shared = window_lcs(s, l);
    // A passage of a copy stripped of punctuation was found as this
    // speaker's remark by the words around it: short, with one word
    // swapped ("very big triumph" / "very big victory"), it is still that
    // remark, changed.
    let unmarked = |q: &Item| q.fact.rule.as_str() == crate::extract::unmarked::RULE;
    if same && s.len() == l.len() && n >= 3 && shared + 1 == n && (unmarked(a) || unmarked(b)) {
        return Some((Relation::Differ, shared));
    }
    if shared == n && n >= if same { 3 } else { 5 } {
        if negation_left_out(s, l) {
            return Some((Relation::Differ, shared));
        }
        return Some((Relation::Omission, shared));
    }
    // A partial quote that is a run of the longer quote with a meaning
    // word put inside it ("out of immediate danger" against "… he seems to
    // be out of danger.") is not a fragment: the outlet quotes words the
    // speaker did not say.
    // Words in square brackets are the outlet's, by convention, not a
    // misquote ("he [Putin] is serious").
    if shared >= if same { 3 } else { 5 }
        && !bracketed(a.fact)
        && !bracketed(b.fact)
        && inserted_into_run(s, l, shared)
    {
        return Some((Relation::Differ, shared));
    }
    // Changed wording must still share the words that carry meaning:
    // "I'm not going to be happy" and "I'm not here to negotiate" share
    // only "I'm not … to".
    let (cs, cl) = (content(s), content(l));
    if cs.is_empty() || cl.is_empty() {
        return None;
    }
    let (cs, cl) = if cs.len() <= cl.len() {
        (cs, cl)
    } else {
        (cl, cs)
    };
    let (m, k) = (window_lcs(&cs, &cl), cs.len());
    // A short quote set against a much longer one shares too little to say
    // the words were changed rather than that another remark was quoted.
    let comparable = l.len() <= 2 * n + 2 || m >= 4;
    let differ = if !comparable {
        false
    } else if same {
        (m >= 3 && m * 2 >= k) || (m >= 2 && m * 3 >= 2 * k)
    } else {
        m >= 4 && m * 4 >= 3 * k
    };
    if !differ {
        return None;
    }
    // Two renderings that differ only by left-out words and pronoun swaps,
    // or that give the same meaning words in another order, say the same.
    if soft_difference(s, l, &cs, &cl) {
        return Some((Relation::Omission, shared));
    }
    Some((Relation::Differ, shared))
}

/// Whether a quote holds words in square brackets: an editor's insertion.
fn bracketed(f: &Fact) -> bool {
    quote_words(f).contains('[')
}

/// Whether `s` is a contiguous run of `l`, `shared` words long, with one or
/// two words put inside it, at least one of them a meaning word or a
/// negation. Words beyond the run's ends do not count: a quote that runs
/// on past where another outlet cut it is a fragment, not a change.
fn inserted_into_run(s: &[&str], l: &[&str], shared: usize) -> bool {
    let extra = s.len() - shared;
    if !(1..=2).contains(&extra) || shared > l.len() {
        return false;
    }
    l.windows(shared).any(|run| {
        // The run must start and end `s`, every word of it in order.
        if run[0] != s[0] || run[shared - 1] != s[s.len() - 1] {
            return false;
        }
        let mut k = 0;
        let mut meaning_put = false;
        for w in s {
            if k < shared && *w == run[k] {
                k += 1;
            } else {
                meaning_put |= !FUNCTION_WORDS.contains(w) || NEGATIONS.contains(w);
            }
        }
        k == shared && meaning_put
    })
}

/// Whether one of `s` and `l` has a negation the other lacks, inside the
/// stretch they share ("I'm not going to be happy" / "I'm going to be
/// happy"): words left out there are no mere cut.
fn negation_left_out(s: &[&str], l: &[&str]) -> bool {
    let ops = capture_diff_slices(Algorithm::Myers, s, l);
    let equal = |op: &DiffOp| matches!(op, DiffOp::Equal { .. });
    let (Some(first), Some(last)) = (ops.iter().position(equal), ops.iter().rposition(equal))
    else {
        return false;
    };
    // Inside the shared stretch every change (a word left out, put in or
    // replaced) is a pair of old and new words; equal ones never differ.
    let negated = |words: &[&str]| words.iter().any(|w| NEGATIONS.contains(w));
    ops[first..last]
        .iter()
        .any(|op| negated(&s[op.old_range()]) != negated(&l[op.new_range()]))
}

/// Function words that still carry meaning when put into a quote: "he is
/// not out of danger" says the opposite of "he is out of danger".
const NEGATIONS: &[&str] = &["not", "no", "never"];

/// Pronouns and demonstratives a translation swaps freely ("think about
/// this" / "think about it").
const PRONOUNS: &[&str] = &[
    "this", "that", "it", "these", "those", "they", "them", "he", "she", "him", "her",
];

/// Whether the wording of `s` (shorter) and `l` differs in no material way:
/// only words left out and pronouns swapped; or the meaning words of `s`
/// all stand in `l` but in another order (a translation reordering "partners
/// and friends" / "friends and partners"), one in eight allowed missing.
fn soft_difference(s: &[&str], l: &[&str], cs: &[&str], cl: &[&str]) -> bool {
    let ops = capture_diff_slices(Algorithm::Myers, s, l);
    let material = ops.iter().any(|op| match *op {
        DiffOp::Replace {
            old_index,
            old_len,
            new_index,
            new_len,
        } => s[old_index..old_index + old_len]
            .iter()
            .chain(&l[new_index..new_index + new_len])
            .any(|w| !PRONOUNS.contains(w)),
        _ => false,
    });
    if !material {
        return !negation_left_out(s, l);
    }
    let present: Vec<&&str> = cs.iter().filter(|w| cl.contains(w)).collect();
    let missing = cs.len() - present.len();
    let in_order = lcs(cs, cl);
    cs.len() >= 4 && missing * 8 <= cs.len() && in_order < present.len()
}

/// Words that carry little meaning of their own.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "i", "am", "is", "are", "was", "were", "be", "been", "being", "have", "has",
    "had", "do", "does", "did", "not", "to", "of", "in", "on", "at", "for", "and", "or", "but",
    "so", "that", "this", "it", "we", "you", "he", "she", "they", "them", "us", "me", "my", "our",
    "your", "his", "her", "their", "will", "would", "can", "could", "there", "here", "with", "as",
    "by", "from", "if", "what", "which", "who", "just", "very", "some", "one", "all", "about",
    "up",
];

/// The words of a key that carry meaning.
fn content<'a>(words: &[&'a str]) -> Vec<&'a str> {
    words
        .iter()
        .filter(|w| !FUNCTION_WORDS.contains(w))
        .copied()
        .collect()
}

/// Quotes longer than this are compared only for equality and fragments.
const MAX_WORDS: usize = 400;

/// The most words of `s` found in order in a stretch of `l` at most twice
/// as long as `s`: shared wording that is not scattered over a long quote.
fn window_lcs(s: &[&str], l: &[&str]) -> usize {
    let w = (2 * s.len()).min(l.len());
    // Windows overlap by half, so any shared run up to 1.5 × |s| long lies
    // within one of them.
    let step = (s.len() / 2).max(1);
    let mut starts: Vec<usize> = (0..=l.len() - w).step_by(step).collect();
    starts.push(l.len() - w);
    starts
        .into_iter()
        .map(|i| lcs(s, &l[i..i + w]))
        .max()
        .unwrap_or(0)
}

fn lcs(a: &[&str], b: &[&str]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diag = 0;
        for (j, y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y {
                diag + 1
            } else {
                row[j + 1].max(row[j])
            };
            diag = up;
        }
    }
    row[b.len()]
}

/// Two aligned quotes (item indices) and how they relate.
type Pair = (usize, usize, Relation);

/// What makes two quotes of one source the same quote: source, speaker,
/// key words, speech.
type Repeat<'a> = (&'a str, Option<&'a str>, &'a [&'a str], bool);

pub fn compare(facts: &[&Fact]) -> Vec<Comparison> {
    let lists = Lists::of(facts);
    let items = lists.items(facts);
    let n = items.len();
    let mut parent: Vec<usize> = (0..n).collect();
    // One outlet repeating a quote word for word: compare it once.
    let mut first_of: BTreeMap<Repeat, usize> = BTreeMap::new();
    let mut reps = Vec::new();
    for (i, it) in items.iter().enumerate() {
        let k = (&*it.fact.source, it.speaker(), it.words, it.speech);
        match first_of.get(&k) {
            Some(&r) => parent[i] = r,
            None => {
                first_of.insert(k, i);
                reps.push(i);
            }
        }
    }
    let mut rel: BTreeMap<(usize, usize), (Relation, usize)> = BTreeMap::new();
    for (i, j) in candidate_pairs(&items, &reps) {
        if let Some(r) = relation(&items[i], &items[j]) {
            rel.insert((i, j), r);
        }
    }
    let mut partners: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
    for &(a, b) in rel.keys() {
        partners.entry(a).or_default().push((a, b));
        partners.entry(b).or_default().push((a, b));
    }
    // Each quote joins its best partner: the most shared words, then the
    // closest relation; equal quotes always join.
    for pairs in partners.values() {
        let best = pairs.iter().max_by_key(|k| {
            let (r, shared) = rel[k];
            (shared, r, std::cmp::Reverse(**k))
        });
        let mut links: Vec<(usize, usize)> = best.copied().into_iter().collect();
        links.extend(
            pairs
                .iter()
                .filter(|k| rel[k].0 == Relation::Equal)
                .copied(),
        );
        for (a, b) in links {
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            if ra != rb {
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    let mut groups: BTreeMap<usize, (Vec<usize>, Vec<Pair>)> = BTreeMap::new();
    for i in 0..n {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().0.push(i);
    }
    // Only pairs within one group judge it: a quote that related to a
    // quote of another group (and joined a better partner) says nothing
    // about this one.
    for (&(a, b), &(r, _)) in &rel {
        let g = find(&mut parent, a);
        if find(&mut parent, b) != g {
            continue;
        }
        if let Some(group) = groups.get_mut(&g) {
            group.1.push((a, b, r));
        }
    }
    groups
        .into_values()
        .map(|(members, pairs)| comparison(&items, &members, pairs))
        .collect()
}

/// The pairs of `reps` that can relate at all, found through an index of
/// words instead of trying every pair. Every relation needs shared words:
/// equal quotes and fragments share all of the shorter one's words, changed
/// wording shares meaning words. So each quote is indexed under all its
/// words and looked up by its meaning words (by all its words when it has
/// none): that finds every pair `relation` could accept.
fn candidate_pairs(items: &[Item], reps: &[usize]) -> BTreeSet<(usize, usize)> {
    let mut index: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for &i in reps {
        let mut words: Vec<&str> = items[i].words.to_vec();
        words.sort_unstable();
        words.dedup();
        for w in words {
            index.entry(w).or_default().push(i);
        }
    }
    let mut pairs = BTreeSet::new();
    for &i in reps {
        let words = &items[i].words;
        let meaning: Vec<&str> = words
            .iter()
            .copied()
            .filter(|w| !FUNCTION_WORDS.contains(w))
            .collect();
        let probe: Vec<&str> = if meaning.is_empty() {
            words.to_vec()
        } else {
            meaning
        };
        for w in probe {
            for &j in index.get(w).map_or(&[][..], Vec::as_slice) {
                if i != j {
                    pairs.insert((i.min(j), i.max(j)));
                }
            }
        }
    }
    pairs
}

/// The comparison of one aligned group.
fn comparison(items: &[Item], members: &[usize], pairs: Vec<Pair>) -> Comparison {
    let facts: Vec<&Fact> = members.iter().map(|&i| items[i].fact).collect();
    let speaker = members
        .iter()
        .find_map(|&i| items[i].speaker())
        .unwrap_or("")
        .to_string();
    let speech = members.iter().all(|&i| items[i].speech);
    let label = if !speech {
        "not speech".to_string()
    } else if speaker.is_empty() {
        "unattributed".to_string()
    } else {
        speaker.clone()
    };
    let key = format!("quote/{}", if speech { label.as_str() } else { "text" });
    let sources = sources_of(&facts);
    let verdict = if sources.len() < 2 {
        Verdict::SingleSource
    } else {
        match pairs.iter().map(|p| p.2).min() {
            Some(Relation::Differ) => Verdict::Conflict,
            Some(Relation::Omission | Relation::Fragment) => Verdict::Compatible,
            _ => Verdict::Agree,
        }
    };
    let detail = match verdict {
        Verdict::SingleSource => {
            let f = facts[0];
            format!("{label}: {}", f.value.describe())
        }
        Verdict::Agree => format!("{label}: same words in {}", sources.join(", ")),
        _ => {
            let parts: Vec<String> = shown(items, members)
                .iter()
                .map(Difference::to_markdown)
                .collect();
            format!("{label}: {}", parts.join("; "))
        }
    };
    Comparison {
        key,
        kind: Kind::Quote,
        subject: if speech { speaker } else { String::new() },
        verdict,
        facts: facts.iter().map(|f| f.id).collect(),
        independent_sources: 0,
        detail,
        alignment: None,
    }
}

/// How one outlet's wording differs from another's: the word diff from
/// `from`'s words to `to`'s, or `None` when `from` quotes part of `to`.
#[derive(Clone, Debug, PartialEq)]
pub struct Difference {
    pub from: String,
    pub to: String,
    pub ops: Option<Vec<WordOp>>,
}

impl Difference {
    /// `a vs b: get them ~~at a~~ **to the** table`, as in `detail`.
    pub fn to_markdown(&self) -> String {
        match &self.ops {
            Some(ops) => format!("{} vs {}: {}", self.from, self.to, markdown(ops)),
            None => format!("{} quotes part of {}", self.from, self.to),
        }
    }
}

/// The word differences within one group of aligned quotes (the facts of
/// a quote comparison), the way its `detail` states them: changed words
/// first, then left-out words, then fragments (only when nothing else
/// differs); at most four.
pub fn differences(facts: &[&Fact]) -> Vec<Difference> {
    let lists = Lists::of(facts);
    let items = lists.items(facts);
    let members: Vec<usize> = (0..items.len()).collect();
    shown(&items, &members)
}

/// The differences shown for the group `members` of `items`.
fn shown(items: &[Item], members: &[usize]) -> Vec<Difference> {
    // One outlet repeating a quote word for word counts once.
    let mut seen_repeat: BTreeSet<Repeat> = BTreeSet::new();
    let reps: Vec<usize> = members
        .iter()
        .copied()
        .filter(|&i| {
            let it = &items[i];
            seen_repeat.insert((&*it.fact.source, it.speaker(), it.words, it.speech))
        })
        .collect();
    let mut pairs: Vec<Pair> = Vec::new();
    for (x, &a) in reps.iter().enumerate() {
        for &b in &reps[x + 1..] {
            if let Some((r, _)) = relation(&items[a], &items[b]) {
                pairs.push((a, b, r));
            }
        }
    }
    let mut shown: Vec<Pair> = pairs
        .iter()
        .filter(|p| p.2 != Relation::Equal)
        .copied()
        .collect();
    if shown.iter().any(|p| p.2 != Relation::Fragment) {
        shown.retain(|p| p.2 != Relation::Fragment);
    }
    shown.sort_by_key(|p| p.2);
    // How many outlets back each quote's wording: the better backed one is
    // shown as the original.
    let support = |i: usize| {
        pairs
            .iter()
            .filter(|p| (p.0 == i || p.1 == i) && p.2 != Relation::Differ)
            .count()
    };
    let mut seen: Vec<(String, String)> = Vec::new();
    let mut parts: Vec<Difference> = Vec::new();
    for (a, b, r) in shown {
        let (a, b) = if (support(b), items[b].words.len()) > (support(a), items[a].words.len()) {
            (b, a)
        } else {
            (a, b)
        };
        let (fa, fb) = (items[a].fact, items[b].fact);
        let pair = (quote_key(fa), quote_key(fb));
        if seen.contains(&pair) {
            continue;
        }
        seen.push(pair);
        let what = match r {
            Relation::Fragment => {
                let (short, long) = if items[a].words.len() <= items[b].words.len() {
                    (fa, fb)
                } else {
                    (fb, fa)
                };
                Difference {
                    from: short.source.to_string(),
                    to: long.source.to_string(),
                    ops: None,
                }
            }
            _ => Difference {
                from: fa.source.to_string(),
                to: fb.source.to_string(),
                ops: Some(word_ops(quote_words(fa), quote_words(fb))),
            },
        };
        if !parts.contains(&what) {
            parts.push(what);
        }
        if parts.len() == 4 {
            break;
        }
    }
    parts
}

fn quote_words(f: &Fact) -> &str {
    match &f.value {
        Value::Quote { words, .. } => words,
        _ => &f.text,
    }
}

fn quote_key(f: &Fact) -> String {
    match &f.value {
        Value::Quote { key, .. } => key.to_string(),
        _ => f.text.to_string(),
    }
}

/// Words kept on each side of a change.
const CONTEXT: usize = 2;

/// One side of a diff: its words, which word owns each key word, and how
/// many words have been shown.
struct Side<'a> {
    text: &'a str,
    words: Vec<qnorm::Word>,
    owner: Vec<usize>,
    shown: usize,
}

impl<'a> Side<'a> {
    fn new(text: &'a str) -> (Side<'a>, Vec<String>) {
        let words = qnorm::words(text);
        let mut keys = Vec::new();
        let mut owner = Vec::new();
        for (i, w) in words.iter().enumerate() {
            for k in &w.keys {
                keys.push(k.clone());
                owner.push(i);
            }
        }
        let side = Side {
            text,
            words,
            owner,
            shown: 0,
        };
        (side, keys)
    }

    /// The words behind key words `[from, from + len)` not shown yet.
    fn take(&mut self, from: usize, len: usize) -> Vec<String> {
        let mut out = Vec::new();
        for &i in &self.owner[from..from + len] {
            if i >= self.shown {
                let w = &self.words[i];
                out.push(self.text[w.start..w.end].to_string());
                self.shown = i + 1;
            }
        }
        out
    }
}

/// The word-level difference from `old` to `new`, compared on matching keys
/// and shown in each side's own words: `get them ~~at a~~ **to the**
/// table`. Long unchanged stretches, and words one side quotes beyond the
/// other's start or end, are cut to `…`.
pub fn word_diff(old: &str, new: &str) -> String {
    markdown(&word_ops(old, new))
}

/// A word diff with ~~cut~~ and **added** words.
pub fn markdown(ops: &[WordOp]) -> String {
    ops.iter()
        .map(|o| match o.op {
            "delete" => format!("~~{}~~", o.text),
            "insert" => format!("**{}**", o.text),
            _ => o.text.clone(),
        })
        .collect()
}

/// [`word_diff`] as pieces: equal (with `…` for cut stretches), delete
/// and insert, in the [`WordOp`] form the sentence diff uses too.
pub fn word_ops(old: &str, new: &str) -> Vec<WordOp> {
    let (mut o, ok) = Side::new(old);
    let (mut n, nk) = Side::new(new);
    let mut ops = capture_diff_slices(Algorithm::Myers, &ok, &nk);
    // A word or two matched at the very start or end of a short quote set
    // against a long one ("I'm … here to get them") says nothing: the rest
    // of the short quote matches further in. Read it as unquoted text.
    let dangling = |a: &DiffOp, b: &DiffOp| {
        matches!(a, DiffOp::Equal { len, .. } if *len <= 2)
            && match b {
                DiffOp::Delete { old_len, .. } => *old_len >= 3,
                DiffOp::Insert { new_len, .. } => *new_len >= 3,
                _ => false,
            }
    };
    let mut lead_cut = false;
    if ops.len() > 2 && dangling(&ops[0], &ops[1]) {
        ops.drain(..2);
        lead_cut = true;
    }
    let mut tail_cut = false;
    if ops.len() > 2 && dangling(&ops[ops.len() - 1], &ops[ops.len() - 2]) {
        ops.truncate(ops.len() - 2);
        tail_cut = true;
    }
    let last = ops.len().saturating_sub(1);
    let mut out: Vec<(&'static str, String)> = Vec::new();
    if lead_cut {
        out.push(("equal", "…".to_string()));
    }
    let push = |out: &mut Vec<(&'static str, String)>, words: Vec<String>, op: &'static str| {
        if !words.is_empty() {
            out.push((op, words.join(" ")));
        }
    };
    for (i, op) in ops.iter().enumerate() {
        let edge = i == 0 || i == last;
        match *op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                let words = o.take(old_index, len);
                n.take(new_index, len);
                let keep_head = if i == 0 { 0 } else { CONTEXT };
                let keep_tail = if i == last { 0 } else { CONTEXT };
                if words.len() > keep_head + keep_tail + 1 {
                    out.extend(words[..keep_head].iter().map(|w| ("equal", w.clone())));
                    out.push(("equal", "…".to_string()));
                    out.extend(
                        words[words.len() - keep_tail..]
                            .iter()
                            .map(|w| ("equal", w.clone())),
                    );
                } else {
                    out.extend(words.into_iter().map(|w| ("equal", w)));
                }
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => {
                let words = o.take(old_index, old_len);
                if edge && ops.len() > 1 {
                    out.push(("equal", "…".to_string()));
                } else {
                    push(&mut out, words, "delete");
                }
            }
            DiffOp::Insert {
                new_index, new_len, ..
            } => {
                let words = n.take(new_index, new_len);
                if edge && ops.len() > 1 {
                    out.push(("equal", "…".to_string()));
                } else {
                    push(&mut out, words, "insert");
                }
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                let gone = o.take(old_index, old_len);
                push(&mut out, gone, "delete");
                let put = n.take(new_index, new_len);
                push(&mut out, put, "insert");
            }
        }
    }
    if tail_cut {
        out.push(("equal", "…".to_string()));
    }
    out.dedup_by(|a, b| a.1 == "…" && b.1 == "…");
    let mut ops: Vec<WordOp> = Vec::new();
    for (i, (op, text)) in out.into_iter().enumerate() {
        if i > 0 {
            push_op(&mut ops, "equal", " ");
        }
        push_op(&mut ops, op, &text);
    }
    ops
}

fn push_op(ops: &mut Vec<WordOp>, op: &'static str, text: &str) {
    match ops.last_mut() {
        Some(last) if last.op == op && op == "equal" => last.text.push_str(text),
        _ => ops.push(WordOp {
            op,
            text: text.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::word_diff;

    #[test]
    fn diff_marks_changed_words() {
        assert_eq!(
            word_diff(
                "I'm not here to negotiate for Ukraine, I'm here to get them at a table,",
                "I’m not here to negotiate for Ukraine, I’m here to get them to the table."
            ),
            "… get them ~~at a~~ **to the** table"
        );
    }
}
