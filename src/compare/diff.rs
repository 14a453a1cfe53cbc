//! The logic of `crosscheck diff BASE VARIANT`: how one wire story changed
//! in another outlet's version, for an editor reviewing variants. Its
//! terminal, Markdown and HTML views are in [`crate::render::diff`].
//!
//! First the facts that changed — numbers, dates, names, quotes — with both
//! versions side by side, and the facts the variant dropped or added. Then
//! the variant's sentences aligned to the base's (the same fuzzy alignment
//! as wire lineage, quotes included): sentences cut, added, and reworded
//! with a word diff.
//!
//! Facts pair up by kind: numeric facts by subject (or, without one, by
//! standing in aligned sentences), quotes by their words, names by entity
//! key, lists by subject or a shared member. A pair whose values differ is
//! a changed value ("3-1/2-year-old war" vs "now in its fourth year"); a
//! pair with one value in other words is a rewording ("80 years" vs "eight
//! decades").
//!
//! Known gaps: a sentence split in two aligns only one half when the other
//! shares too few words; a figure whose subject was not found pairs only
//! through its sentence.

use crate::clean::Document;
use crate::compare::lineage::{self, Vocabulary};
use crate::error::{Error, Result};
use crate::fact::{Fact, Kind, Value};
use crate::normalise::names;
use crate::rules::Rules;
use chrono::NaiveDate;
use serde::Serialize;
use similar::{ChangeTag, TextDiff};
use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

/// One article of the diff.
#[derive(Clone, Debug, Serialize)]
pub struct Side {
    pub id: String,
    pub path: String,
    pub published: Option<NaiveDate>,
}

/// One fact as the diff shows it.
#[derive(Clone, Debug, Serialize)]
pub struct FactRef {
    pub kind: Kind,
    pub subject: String,
    pub text: String,
    pub line: u32,
    /// The value in words.
    pub reads_as: String,
    pub speaker: Option<String>,
    /// Byte offsets of the words in their file, for linking into the text.
    pub start: usize,
    pub end: usize,
}

impl FactRef {
    fn of(f: &Fact) -> FactRef {
        FactRef {
            kind: f.kind,
            subject: f.subject.to_string(),
            text: f.text.to_string(),
            line: f.line,
            reads_as: f.value.reading(),
            speaker: f.speaker.map(|w| w.as_str().to_string()),
            start: f.start,
            end: f.end,
        }
    }
}

/// How a paired fact changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FactChangeKind {
    /// The values differ: the outlets say different things.
    Value,
    /// One value, other words.
    Wording,
}

/// A base fact and its counterpart in the variant.
#[derive(Clone, Debug, Serialize)]
pub struct FactChange {
    pub change: FactChangeKind,
    pub base: FactRef,
    pub variant: FactRef,
    /// For an altered quote, how its words changed (the quote comparison's
    /// word diff); empty otherwise.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<WordOp>,
}

/// What happened to a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SentenceChangeKind {
    Kept,
    Reworded,
    Cut,
    Added,
}

/// One piece of a word diff.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WordOp {
    /// "equal", "delete" or "insert".
    pub op: &'static str,
    pub text: String,
}

/// A sentence of either article and what became of it.
#[derive(Clone, Debug, Serialize)]
pub struct SentenceChange {
    pub change: SentenceChangeKind,
    pub base_line: Option<usize>,
    pub variant_line: Option<usize>,
    pub base: Option<String>,
    pub variant: Option<String>,
    /// Content-word similarity of an aligned pair, 0..1.
    pub similarity: Option<f64>,
    /// The word diff of a reworded pair.
    pub words: Vec<WordOp>,
    /// Byte offsets of the sentences in their files, for placing facts.
    #[serde(skip)]
    pub base_start: Option<usize>,
    #[serde(skip)]
    pub variant_start: Option<usize>,
}

/// Everything `crosscheck diff` reports.
#[derive(Clone, Debug, Serialize)]
pub struct Diff {
    pub base: Side,
    pub variant: Side,
    pub changed_facts: Vec<FactChange>,
    pub dropped_facts: Vec<FactRef>,
    pub added_facts: Vec<FactRef>,
    pub unchanged_facts: usize,
    /// Variant sentences in order (kept, reworded, added), then the base
    /// sentences the variant cut, in base order.
    pub sentences: Vec<SentenceChange>,
}

impl Diff {
    /// How many sentences changed this way.
    pub fn count(&self, kind: SentenceChangeKind) -> usize {
        self.sentences.iter().filter(|s| s.change == kind).count()
    }
}

/// Reads both articles and compares them.
pub fn compute(base: &Path, variant: &Path, rules: Option<&Path>) -> Result<Diff> {
    for p in [base, variant] {
        if p.is_dir() {
            return Err(Error::file(
                p,
                "is a folder; diff compares two article files",
            ));
        }
    }
    let rules = Rules::load(rules)?;
    let docs = crate::load_documents(&[PathBuf::from(base), PathBuf::from(variant)], None, &rules)?;
    let [b, v] = docs.as_slice() else {
        return Err(Error::new("diff needs exactly two article files"));
    };
    Ok(diff_documents(b, v, &rules))
}

/// Compares two loaded articles.
pub fn diff_documents(base: &Document, variant: &Document, rules: &Rules) -> Diff {
    let mut vocab = Vocabulary::default();
    let pb = lineage::profile_with(base, &mut vocab, false);
    let pv = lineage::profile_with(variant, &mut vocab, false);
    let mut matches = lineage::align(&pb, &pv);
    match_merged_sentences(&pb, &pv, &mut matches);
    match_short_sentences(base, &pb, variant, &pv, &mut matches);

    // Sentence pairs by byte start, for pairing facts through sentences.
    let aligned_starts: HashSet<(usize, usize)> = matches
        .iter()
        .map(|m| (pb.sentences[m.from].start, pv.sentences[m.to].start))
        .collect();

    // Offsets stay in the text read (the page highlights the words in
    // it); lines are those of the files as stored.
    let mut bf = crate::extract::extract(base, rules);
    let mut vf = crate::extract::extract(variant, rules);
    for (doc, facts) in [(base, &mut bf), (variant, &mut vf)] {
        for f in facts.iter_mut() {
            f.line = crate::fact::line_number(doc.stored_line(f.start));
        }
    }
    let sentence_start = |doc: &Document, f: &Fact| doc.sentence_at(f.start).map(|s| s.start);
    let aligned = |a: &Fact, b: &Fact| match (sentence_start(base, a), sentence_start(variant, b)) {
        (Some(x), Some(y)) => aligned_starts.contains(&(x, y)),
        _ => false,
    };
    let pairing = pair_facts(&bf, &vf, &aligned);

    let mut changed_facts = Vec::new();
    let mut unchanged_facts = 0;
    for &(i, j) in &pairing.pairs {
        let (a, b) = (&bf[i], &vf[j]);
        let Some(change) = change_of(a, b) else {
            unchanged_facts += 1;
            continue;
        };
        let words = match (&a.value, &b.value) {
            (Value::Quote { words: wa, .. }, Value::Quote { words: wb, .. })
                if change == FactChangeKind::Value =>
            {
                super::quotes::word_ops(wa, wb)
            }
            _ => Vec::new(),
        };
        // A quote cut short shows no changed word: nothing to show.
        let words = if words.iter().any(|w| w.op != "equal") {
            words
        } else {
            Vec::new()
        };
        changed_facts.push(FactChange {
            change,
            base: FactRef::of(a),
            variant: FactRef::of(b),
            words,
        });
    }
    // Changed values before rewordings, each in base order.
    changed_facts.sort_by_key(|c| (c.change == FactChangeKind::Wording, c.base.line));

    let mut sentences = Vec::new();
    let text_of = |d: &Document, s: &lineage::SentenceProfile| d.text[s.start..s.end].to_string();
    let mut matched_base = BTreeSet::new();
    let mut by_variant = vec![Vec::new(); pv.sentences.len()];
    for m in &matches {
        matched_base.insert(m.from);
        by_variant[m.to].push(*m);
    }
    for (j, s) in pv.sentences.iter().enumerate() {
        let vt = text_of(variant, s);
        if by_variant[j].is_empty() {
            sentences.push(SentenceChange {
                change: SentenceChangeKind::Added,
                base_line: None,
                variant_line: Some(s.line),
                base: None,
                variant: Some(vt.clone()),
                similarity: None,
                words: Vec::new(),
                base_start: None,
                variant_start: Some(s.start),
            });
        }
        for &m in &by_variant[j] {
            {
                let b = &pb.sentences[m.from];
                let bt = text_of(base, b);
                let kept = normalise_text(&bt) == normalise_text(&vt);
                sentences.push(SentenceChange {
                    change: if kept {
                        SentenceChangeKind::Kept
                    } else {
                        SentenceChangeKind::Reworded
                    },
                    base_line: Some(b.line),
                    variant_line: Some(s.line),
                    words: if kept {
                        Vec::new()
                    } else {
                        word_diff(&bt, &vt)
                    },
                    base: Some(bt),
                    variant: Some(vt.clone()),
                    similarity: Some((m.similarity * 100.0).round() / 100.0),
                    base_start: Some(b.start),
                    variant_start: Some(s.start),
                });
            }
        }
    }
    for (i, s) in pb.sentences.iter().enumerate() {
        if !matched_base.contains(&i) {
            sentences.push(SentenceChange {
                change: SentenceChangeKind::Cut,
                base_line: Some(s.line),
                variant_line: None,
                base: Some(text_of(base, s)),
                variant: None,
                similarity: None,
                words: Vec::new(),
                base_start: Some(s.start),
                variant_start: None,
            });
        }
    }

    Diff {
        base: side(base),
        variant: side(variant),
        changed_facts,
        dropped_facts: pairing
            .dropped
            .iter()
            .map(|&i| FactRef::of(&bf[i]))
            .collect(),
        added_facts: pairing.added.iter().map(|&j| FactRef::of(&vf[j])).collect(),
        unchanged_facts,
        sentences,
    }
}

/// Sentences the variant merged: a base sentence left over whose best
/// partner in the variant is already aligned to another base sentence
/// went into that sentence too; it was not cut.
fn match_merged_sentences(
    pb: &lineage::Profile,
    pv: &lineage::Profile,
    matches: &mut Vec<lineage::Match>,
) {
    let used: BTreeSet<usize> = matches.iter().map(|m| m.from).collect();
    for r in lineage::align(pv, pb) {
        if !used.contains(&r.to) {
            matches.push(lineage::Match {
                from: r.to,
                to: r.from,
                similarity: r.similarity,
                verbatim: r.verbatim,
            });
        }
    }
    matches.sort_by_key(|m| (m.to, m.from));
}

/// Second pass for what content words cannot align: short sentences made
/// of common words ("There's no deal until there's a deal."). A left-over
/// variant sentence pairs with the left-over base sentence sharing most of
/// its words, stop words included.
fn match_short_sentences(
    base: &Document,
    pb: &lineage::Profile,
    variant: &Document,
    pv: &lineage::Profile,
    matches: &mut Vec<lineage::Match>,
) {
    let mut base_used: BTreeSet<usize> = matches.iter().map(|m| m.from).collect();
    let variant_used: BTreeSet<usize> = matches.iter().map(|m| m.to).collect();
    let text = |d: &Document, s: &lineage::SentenceProfile| d.text[s.start..s.end].to_string();
    for (j, vs) in pv.sentences.iter().enumerate() {
        if variant_used.contains(&j) {
            continue;
        }
        let vt = text(variant, vs);
        let best = pb
            .sentences
            .iter()
            .enumerate()
            .filter(|(i, _)| !base_used.contains(i))
            .map(|(i, bs)| (i, word_overlap(&text(base, bs), &vt)))
            .filter(|&(_, sim)| sim >= 0.6)
            .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)));
        if let Some((i, sim)) = best {
            base_used.insert(i);
            matches.push(lineage::Match {
                from: i,
                to: j,
                similarity: sim,
                verbatim: false,
            });
        }
    }
    matches.sort_by_key(|m| (m.to, m.from));
}

fn side(d: &Document) -> Side {
    Side {
        id: d.id.to_string(),
        path: d.path.display().to_string(),
        published: d.published,
    }
}

/// Facts of two versions matched one to one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pairing {
    /// (base index, variant index), in base order.
    pub pairs: Vec<(usize, usize)>,
    /// Base facts with no counterpart, in order.
    pub dropped: Vec<usize>,
    /// Variant facts with no counterpart, in order.
    pub added: Vec<usize>,
}

/// Pairs the facts of a base and a variant: each candidate pair gets a
/// score ([`affinity`]), and the best pairs are taken greedily, each fact at
/// most once. `aligned` says whether two facts stand in sentences aligned
/// to each other.
pub fn pair_facts(
    base: &[Fact],
    variant: &[Fact],
    aligned: &dyn Fn(&Fact, &Fact) -> bool,
) -> Pairing {
    let mut candidates = Vec::new();
    for (i, a) in base.iter().enumerate() {
        for (j, b) in variant.iter().enumerate() {
            if let Some(score) = affinity(a, b, aligned(a, b)) {
                candidates.push((score, i, j));
            }
        }
    }
    // Best first; ties in document order, so the output is stable.
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut used_base = vec![false; base.len()];
    let mut used_variant = vec![false; variant.len()];
    let mut pairs = Vec::new();
    for (_, i, j) in candidates {
        if !used_base[i] && !used_variant[j] {
            used_base[i] = true;
            used_variant[j] = true;
            pairs.push((i, j));
        }
    }
    pairs.sort_unstable();
    Pairing {
        pairs,
        dropped: (0..base.len()).filter(|&i| !used_base[i]).collect(),
        added: (0..variant.len()).filter(|&j| !used_variant[j]).collect(),
    }
}

/// How well two facts fit as one fact in two versions, or `None` when they
/// cannot be the same fact.
pub fn affinity(a: &Fact, b: &Fact, aligned: bool) -> Option<f64> {
    if a.kind != b.kind {
        return None;
    }
    let bonus = if aligned { 0.5 } else { 0.0 }
        + if same_value(&a.value, &b.value) {
            1.0
        } else {
            0.0
        };
    let base = match (&a.value, &b.value) {
        (Value::Quote { words: wa, .. }, Value::Quote { words: wb, .. }) => {
            let overlap = word_overlap(wa, wb);
            let speakers_differ = matches!((&a.speaker, &b.speaker), (Some(x), Some(y)) if x != y);
            let needed = if speakers_differ { 0.6 } else { 0.4 };
            if overlap < needed {
                return None;
            }
            overlap * 2.0
        }
        (Value::Name { surface: sa, .. }, Value::Name { surface: sb, .. }) => {
            // "Trump" and "Donald Trump" are one person; Donald and Melania
            // Trump are not.
            names::same_person(sa, sb)?;
            1.0
        }
        (Value::List { members: ma, .. }, Value::List { members: mb, .. }) => {
            let ka: BTreeSet<&str> = ma.iter().map(|m| m.key.as_str()).collect();
            let shared = mb.iter().filter(|m| ka.contains(m.key.as_str())).count();
            let same_subject = !a.subject.is_empty() && a.subject == b.subject;
            if shared == 0 && !same_subject {
                return None;
            }
            1.0 + shared as f64 / ka.len().max(mb.len()).max(1) as f64
        }
        (va, vb) => {
            let (Some(ia), Some(ib)) = (va.interval(), vb.interval()) else {
                return None;
            };
            if va.unit() != vb.unit() {
                return None;
            }
            let same_subject = !a.subject.is_empty() && a.subject == b.subject;
            if !same_subject && !aligned {
                return None;
            }
            let overlaps = ia.lo <= ib.hi && ib.lo <= ia.hi;
            1.0 + if same_subject { 1.0 } else { 0.0 } + if overlaps { 0.5 } else { 0.0 }
        }
    };
    Some(base + bonus)
}

/// How a paired fact changed, or `None` when it did not.
pub fn change_of(a: &Fact, b: &Fact) -> Option<FactChangeKind> {
    if !same_value(&a.value, &b.value) {
        Some(FactChangeKind::Value)
    } else if normalise_text(&a.text) != normalise_text(&b.text) {
        Some(FactChangeKind::Wording)
    } else {
        None
    }
}

/// Whether two values say the same thing (quotes: the same matching key).
fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Quote { key: ka, .. }, Value::Quote { key: kb, .. }) => ka == kb,
        // One person in another spelling is a rewording, shown as such.
        (Value::Name { surface: sa, .. }, Value::Name { surface: sb, .. }) => {
            names::same_person(sa, sb).is_some()
        }
        (
            Value::List {
                members: ma,
                stated_count: ca,
                ..
            },
            Value::List {
                members: mb,
                stated_count: cb,
                ..
            },
        ) => {
            let ka: BTreeSet<&str> = ma.iter().map(|m| m.key.as_str()).collect();
            let kb: BTreeSet<&str> = mb.iter().map(|m| m.key.as_str()).collect();
            ka == kb && ca == cb
        }
        _ => a == b,
    }
}

/// Dice overlap of two texts' word sets, case and punctuation aside.
fn word_overlap(a: &str, b: &str) -> f64 {
    let words = |s: &str| -> BTreeSet<String> {
        s.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .map(|w| {
                w.trim_matches(|c| c == '\'' || c == '’')
                    .to_lowercase()
                    .replace('’', "'")
            })
            .filter(|w| !w.is_empty())
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() || wb.is_empty() {
        return 0.0;
    }
    2.0 * wa.intersection(&wb).count() as f64 / (wa.len() + wb.len()) as f64
}

/// Text for "is it the same sentence": curly quotes and spacing aside.
pub fn normalise_text(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '“' | '”' => '"',
            '‘' | '’' => '\'',
            '–' | '—' => '-',
            c => c,
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The word diff of a reworded sentence. Changes separated only by spaces
/// or one short word ("a", "the") read as one change: a rewritten clause
/// shows as the old clause and the new one, not as a word-by-word shuffle.
/// Typographic quotes and dashes are made plain first, so they never show
/// as changes.
pub fn word_diff(old: &str, new: &str) -> Vec<WordOp> {
    let (old, new) = (normalise_text(old), normalise_text(new));
    let diff = TextDiff::from_words(old.as_str(), new.as_str());
    let mut tokens: Vec<(ChangeTag, &str)> = diff
        .iter_all_changes()
        .map(|c| (c.tag(), c.value()))
        .collect();
    // Absorb small equal runs between changes into the change.
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i].0 != ChangeTag::Equal {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < tokens.len() && tokens[j].0 == ChangeTag::Equal {
            j += 1;
        }
        let between_changes = i > 0 && j < tokens.len();
        let words: Vec<&str> = tokens[i..j]
            .iter()
            .map(|t| t.1)
            .filter(|t| !t.trim().is_empty())
            .collect();
        let small = words.is_empty() || (words.len() == 1 && words[0].chars().count() <= 3);
        if between_changes && small {
            let run: Vec<(ChangeTag, &str)> = tokens[i..j].to_vec();
            let mut replacement: Vec<(ChangeTag, &str)> =
                run.iter().map(|&(_, t)| (ChangeTag::Delete, t)).collect();
            replacement.extend(run.iter().map(|&(_, t)| (ChangeTag::Insert, t)));
            let n = replacement.len();
            tokens.splice(i..j, replacement);
            i += n;
        } else {
            i = j;
        }
    }
    // Within each changed stretch, all cut words come before all added ones;
    // the spaces around the stretch stay outside the markers.
    let mut out: Vec<WordOp> = Vec::new();
    let mut del = String::new();
    let mut ins = String::new();
    let mut space_after = false;
    let push_equal = |out: &mut Vec<WordOp>, text: &str| match out.last_mut() {
        Some(last) if last.op == "equal" => last.text.push_str(text),
        _ => out.push(WordOp {
            op: "equal",
            text: text.to_string(),
        }),
    };
    let flush = |out: &mut Vec<WordOp>, del: &mut String, ins: &mut String| -> bool {
        if del.trim().is_empty() && ins.trim().is_empty() {
            let had_space = !del.is_empty() || !ins.is_empty();
            del.clear();
            ins.clear();
            return had_space;
        }
        let starts = |t: &str| t.starts_with(char::is_whitespace);
        let ends = |t: &str| t.ends_with(char::is_whitespace);
        let lead = starts(del) || starts(ins);
        let trail = ends(del) || ends(ins);
        if lead && !out.last().is_some_and(|o| o.op == "equal" && ends(&o.text)) && !out.is_empty()
        {
            push_equal(out, " ");
        }
        for (op, text) in [("delete", &mut *del), ("insert", &mut *ins)] {
            if !text.trim().is_empty() {
                out.push(WordOp {
                    op,
                    text: text.trim().to_string(),
                });
            }
            text.clear();
        }
        trail
    };
    for (tag, text) in tokens {
        match tag {
            ChangeTag::Delete => del.push_str(text),
            ChangeTag::Insert => ins.push_str(text),
            ChangeTag::Equal => {
                if !del.is_empty() || !ins.is_empty() {
                    space_after = flush(&mut out, &mut del, &mut ins);
                }
                if space_after && !text.starts_with(char::is_whitespace) {
                    push_equal(&mut out, " ");
                }
                space_after = false;
                push_equal(&mut out, text);
            }
        }
    }
    flush(&mut out, &mut del, &mut ins);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fact::Modality;

    fn quote(source: &str, words: &str, speaker: Option<&str>) -> Fact {
        let key: String = words
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric() || *c == ' ')
            .collect();
        Fact {
            id: crate::fact::FactId::default(),
            source: source.into(),
            kind: Kind::Quote,
            subject: crate::words::Word::EMPTY,
            subject_words: None,
            text: words.into(),
            start: 0,
            end: words.len(),
            line: 1,
            value: Value::Quote {
                words: words.into(),
                key: key.into(),
                speech: true,
            },
            hedge: None,
            modality: Modality::Actual,
            speaker: speaker.map(crate::words::Word::of),
            rule: crate::words::Word::of("quote.test"),
            sentence: words.into(),
            frame: None,
        }
    }

    #[test]
    fn altered_quotes_pair_by_their_words() {
        let base = [
            quote(
                "reuters",
                "I'm not here to negotiate for Ukraine, I'm here to get them at a table",
                Some("trump"),
            ),
            quote(
                "reuters",
                "If Putin were serious about negotiating peace, he would not have been attacking Ukraine all day today",
                Some("lipavsky"),
            ),
            quote("reuters", "It's time to end the war", Some("zelenskiy")),
        ];
        let variant = [
            quote(
                "condensed",
                "If he were serious about peace, he would not have been attacking Ukraine all day today",
                Some("lipavsky"),
            ),
            quote(
                "condensed",
                "I'm not here to negotiate for Ukraine, I'm here to get them to the table",
                Some("trump"),
            ),
        ];
        let p = pair_facts(&base, &variant, &|_, _| false);
        assert_eq!(p.pairs, [(0, 1), (1, 0)]);
        assert_eq!(p.dropped, [2]);
        assert!(p.added.is_empty());
        assert!(!same_value(&base[0].value, &variant[1].value));
    }

    #[test]
    fn quotes_of_other_speakers_need_more_shared_words() {
        let a = quote("a", "We are counting on America", Some("zelenskiy"));
        let b = quote("b", "We are ready to work on that", Some("putin"));
        assert_eq!(affinity(&a, &b, false), None);
        let c = quote("b", "We are ready to work on that", Some("zelenskiy"));
        assert!(affinity(&a, &c, false).is_some());
    }

    #[test]
    fn an_altered_quote_is_a_changed_value_and_a_respelled_name_a_rewording() {
        let a = quote("r", "I'm here to get them at a table", Some("trump"));
        let b = quote("c", "I’m here to get them to the table", Some("trump"));
        assert_eq!(change_of(&a, &b), Some(FactChangeKind::Value));
        let same = quote("c", "I’m here to get them at a table", Some("trump"));
        assert_eq!(change_of(&a, &same), None);
        let name = |surface: &str| {
            let mut f = quote("x", surface, None);
            f.kind = Kind::Name;
            f.value = Value::Name {
                surface: surface.into(),
                key: "lipavsky".into(),
                entity: crate::fact::Entity::Person,
            };
            f
        };
        assert_eq!(
            change_of(&name("Lipavsky"), &name("Lipavský")),
            Some(FactChangeKind::Wording)
        );
    }

    #[test]
    fn word_diff_marks_cut_and_added_words() {
        let ops = word_diff("get them at a table", "get them to the table");
        let ops: Vec<(&str, &str)> = ops.iter().map(|o| (o.op, o.text.as_str())).collect();
        assert_eq!(
            ops,
            [
                ("equal", "get them "),
                ("delete", "at a"),
                ("insert", "to the"),
                ("equal", " table")
            ]
        );
    }
}
