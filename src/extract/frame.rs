//! Frames: what a figure is about, read from its own sentence, so that
//! alignment can tell whether two outlets' figures speak of one thing.
//!
//! - **head**: the noun the figure counts or measures — the words inside
//!   the fact ("242 *people*"), the noun right after it ("three-hour
//!   *talks*", "8.8-magnitude *earthquake*"; first when the fact ends in an
//!   adjective: "Eight priceless *items*"), the noun after *of*, the last of
//!   a compound ("42 days of *closure*", "eight weeks of political
//!   *deadlock*"), the noun it is *of* ("a *depth* of 17 km"), for a
//!   length the event it runs from or to ("70 minutes after white
//!   *smoke*"), else a
//!   lexicon head noun up to nine words before it ("the longest *shutdown*
//!   in U.S. history, which lasted 43 days") or the nearest noun before it
//!   in its clause ("the *talks* lasted three hours").
//! - **predicate**: the nearest verbs and event words ("killed", "stolen",
//!   "evacuations", "on board").
//! - **place**: capitalised names after a place preposition or a compass
//!   adjective ("in Japan", "northern Japan"); for a measure with a
//!   bearing after it, what it is measured from: a coast (`@offshore`:
//!   "130 km offshore", "130 kilometers off the coast") or a point
//!   (`@from`: "149 km southeast of the city"). A bearing is never a head.
//! - **holder**: other names in the clause ("Francis needed …").
//! - **context**: every content word of the sentence, weighted by
//!   nearness; a clause boundary (`;`, `:`, a dash, brackets) counts as
//!   several words.
//!
//! An attribution set off by commas (", according to Chinese state
//! broadcaster CCTV,") is left out of all of these.
//!
//! Words are classed without a tagger: function and unit words from
//! `rules/lexicon.toml`, verbs by the lexicon's predicate sets and their
//! past-participle shape (`-ed`, `-en`), names by capitals away from the
//! sentence start.
//!
//! Known gaps: a head noun several words after the figure ("242 passengers
//! and crew members") is read only as context; "he" is no holder; a
//! sentence-initial name ("Pope Francis was elected …") is no holder.

use crate::clean::Document;
use crate::fact::{Fact, Frame, FrameLists, Kind};
use crate::normalise::lexicon::{Lexicon, stem};
use std::cell::RefCell;
use std::collections::HashMap;

/// One word of a sentence.
#[derive(Clone, Debug)]
struct Word {
    start: usize,
    end: usize,
    lower: String,
    /// The Snowball stem of a content word (empty for other words), made
    /// once: every feature reads it.
    stem: String,
    /// Position counting clause breaks as extra distance.
    pos: f32,
    cap: bool,
    class: Class,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Function,
    Number,
    Content,
}

/// Bytes of a sentence read on each side of the figure.
const WINDOW: usize = 400;
/// A clause break weighs as this many words.
const CLAUSE_BREAK: f32 = 6.0;
/// A comma weighs as this many words.
const COMMA: f32 = 2.0;
/// Context words farther than this from the figure are left out.
const REACH: f32 = 24.0;
/// Predicates farther than this are not the figure's.
const PREDICATE_REACH: f32 = 9.0;
/// How far before a figure a noun of a lexicon head set may stand and
/// still be its head when nothing nearer is ("the longest shutdown in U.S.
/// history, which lasted 43 days").
const KNOWN_HEAD_REACH: f32 = 9.0;
/// Names farther than this are not the figure's place.
const NAME_REACH: f32 = 14.0;
/// Names farther than this are not whose figure it is.
const HOLDER_REACH: f32 = 6.0;
/// Prepositions that open a sentence's leading phrase ("In just seven
/// minutes, …", "After 43 days, …").
const OPENING_PREPOSITIONS: [&str; 7] = ["in", "within", "after", "for", "during", "over", "at"];
/// Sentences of an article that make its lead.
const LEAD_SENTENCES: usize = 3;

/// The frame of `fact` in `doc`.
pub fn read(doc: &Document, lex: &Lexicon, fact: &Fact) -> Frame {
    let Some(s) = doc.sentence_at(fact.start) else {
        return Frame::default();
    };
    // Only the part of a long sentence near the figure: reading stays
    // linear in the text however many figures one sentence holds.
    let floor = |mut i: usize| {
        while !doc.text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let from = floor(s.start.max(fact.start.saturating_sub(WINDOW)));
    let to = floor(s.end.max(fact.end).min(fact.end + WINDOW)).max(fact.end);
    let mut words = words(&doc.text, from, to, lex);
    drop_attributions(&doc.text, &mut words, fact.start, fact.end);
    let inside: Vec<usize> = (0..words.len())
        .filter(|&i| words[i].start < fact.end && words[i].end > fact.start)
        .collect();
    let (Some(&first), Some(&last)) = (inside.first(), inside.last()) else {
        return Frame::default();
    };
    let (lo, hi) = (words[first].pos, words[last].pos);
    let dist = |w: &Word| {
        if w.pos < lo {
            lo - w.pos
        } else if w.pos > hi {
            w.pos - hi
        } else {
            0.0
        }
    };
    let lead = doc
        .sentences
        .iter()
        .take(LEAD_SENTENCES)
        .any(|x| x.start == s.start);
    let mut frame = FrameLists::default();
    let head_key = |w: &Word| lex.word_key(&w.stem);
    // Bearings are read after measures only.
    let measure = fact.kind == Kind::Measure;

    // Head: inside the fact, then right after it (the last word of a
    // compound is its head: "43-day funding lapse" → lapse), then "<fact>
    // of N", then "N of <fact>", then the nearest noun before it in its
    // clause.
    // Inside an amount of money or a percentage the words are its unit
    // ("88 million euros", "47 percent"), never what it is about.
    if !matches!(fact.kind, Kind::Money | Kind::Percent) {
        for &i in &inside {
            let w = &words[i];
            // Right after its number a word is the noun counted, even one
            // that can be a verb ("at least 89 votes").
            let counted = i > 0
                && words[i - 1].class == Class::Number
                && w.class == Class::Content
                && !w.cap
                && !(w.lower.ends_with("ed") || w.lower.ends_with("ing"));
            if (is_common_noun(w, lex) || counted) && !(measure && lex.is_bearing(&w.lower)) {
                push(&mut frame.head, head_key(w));
            }
        }
    }
    frame.head.reverse(); // "cardinal electors": the last word is the head.
    let mut after = Vec::new();
    let mut j = last + 1;
    // A bearing right after a measure ("149 km southeast of the city") is
    // no head; it tells what the distance is measured from: a coast ("130
    // km offshore", "off the coast") or a point ("southeast of the city").
    while measure && j < words.len() && j <= last + 3 && lex.is_bearing(&words[j].lower) {
        j += 1;
    }
    let first_after = j;
    // The bearing may be inside the fact ("149 km southeast").
    let bearing = measure && words[first..j].iter().any(|w| lex.is_bearing(&w.lower));
    if bearing {
        if words[first..j]
            .iter()
            .any(|w| matches!(w.lower.as_str(), "offshore" | "off"))
        {
            push(&mut frame.place, "@offshore");
        } else if words
            .get(j)
            .is_some_and(|w| matches!(w.lower.as_str(), "of" | "from"))
        {
            push(&mut frame.place, "@from");
        }
    }
    while j < words.len() && j <= first_after + 2 && words[j].pos - words[j - 1].pos <= 1.0 {
        let w = &words[j];
        // Right after a figure an -ing word or an event word is a noun
        // ("three-hour meeting", "seven-minute heist").
        let noun = w.class == Class::Content
            && !w.cap
            && (!is_verb(w, lex) || (j == first_after && !w.lower.ends_with("ed")));
        if !noun {
            break;
        }
        after.push(head_key(w));
        j += 1;
    }
    // A fact that ends in an adjective ("Eight priceless" of "Eight
    // priceless items") is the front of a compound whose noun follows it:
    // that noun is the head, before the words inside.
    let ends_in_adjective = inside.last().is_some_and(|&i| {
        let w = &words[i];
        w.class == Class::Content && !w.cap && is_adjective(&w.lower)
    });
    if ends_in_adjective && !after.is_empty() {
        let inside_heads = std::mem::take(&mut frame.head);
        for key in after.into_iter().rev() {
            push(&mut frame.head, key);
        }
        for key in inside_heads {
            push(&mut frame.head, key);
        }
    } else {
        for key in after.into_iter().rev() {
            push(&mut frame.head, key);
        }
    }
    // "<fact> of <noun>": "42 days of closure", "three hours of talks",
    // "242 of the people on board" — the noun after "of" (past one
    // article or possessive) is what the figure measures.
    if frame.head.is_empty() && !bearing && words.get(last + 1).is_some_and(|w| w.lower == "of") {
        let mut k = last + 2;
        if words.get(k).is_some_and(|w| {
            matches!(
                w.lower.as_str(),
                "the" | "their" | "its" | "his" | "her" | "our" | "these" | "those"
            )
        }) {
            k += 1;
        }
        // A compound's noun is its last word: "eight weeks of political
        // deadlock" measures the deadlock.
        if let Some(w) = words.get(k)
            && is_common_noun(w, lex)
            && w.pos - words[last].pos <= 3.0
        {
            let mut end = k;
            while end + 1 < words.len()
                && end < k + 2
                && is_common_noun(&words[end + 1], lex)
                && words[end + 1].pos - words[end].pos == 1.0
            {
                end += 1;
            }
            for w in words[k..=end].iter().rev() {
                push(&mut frame.head, head_key(w));
            }
        }
    }
    if first >= 2 && words[first - 1].lower == "of" && lo - words[first - 1].pos <= 1.0 {
        let w = &words[first - 2];
        if w.class == Class::Content && !is_verb(w, lex) && !lex.is_light(&w.lower) {
            push(&mut frame.head, head_key(w));
        }
    }
    // "about 70 minutes after white smoke billowed": a length from an
    // event is told by that event, not by the nouns before it ("appeared
    // on the balcony about 70 minutes after …").
    if frame.head.is_empty()
        && fact.kind == Kind::Duration
        && words
            .get(last + 1)
            .is_some_and(|w| matches!(w.lower.as_str(), "after" | "before"))
        && words[last + 1].pos - words[last].pos <= 1.0
    {
        let mut k = last + 2;
        if words.get(k).is_some_and(|w| w.class == Class::Function) {
            k += 1;
        }
        let mut end = None;
        while k < words.len()
            && k <= last + 4
            && is_common_noun(&words[k], lex)
            && words[k].pos - words[k - 1].pos <= 1.0
        {
            end = Some(k);
            k += 1;
        }
        if let Some(e) = end {
            push(&mut frame.head, head_key(&words[e]));
        }
    }
    if frame.head.is_empty() {
        let noun_before = |i: &usize| {
            let w = &words[*i];
            is_common_noun(w, lex) && !lex.is_light(&w.lower) && dist(w) <= CLAUSE_BREAK
        };
        // A noun of a lexicon head set beats a nearer unknown one: "the
        // longest shutdown in U.S. history, which lasted 43 days".
        let known = (0..first).rev().find(|&i| {
            let w = &words[i];
            w.class == Class::Content
                && !w.cap
                && dist(w) <= KNOWN_HEAD_REACH
                && head_key(w).starts_with('=')
        });
        if let Some(i) = known.or_else(|| (0..first).rev().find(noun_before)) {
            push(&mut frame.head, head_key(&words[i]));
        }
    }

    let noun = frame.head.first().and_then(|h| {
        let h = h.as_str();
        let w = words.iter().find(|w| head_key(w) == h)?;
        Some(match h.strip_prefix(['=', '+']) {
            Some(set) => crate::words::intern(set),
            None => crate::words::intern(&w.lower),
        })
    });

    // Predicates: verbs and event words, nearest first.
    let predicate_word = |w: &Word| {
        w.class == Class::Content && !w.cap && (is_verb(w, lex) || lex.is_event(&w.stem))
    };
    let mut verbs: Vec<(f32, usize)> = words
        .iter()
        .enumerate()
        .filter(|(_, w)| dist(w) <= PREDICATE_REACH && predicate_word(w))
        .map(|(i, w)| (dist(w), i))
        .collect();
    verbs.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    for (_, i) in verbs.into_iter().take(2) {
        push(&mut frame.predicate, lex.predicate_key(&words[i].stem));
    }
    // A figure in a phrase that opens the sentence is about the main
    // clause's verb, however far after it that stands ("In the space of
    // just seven minutes, in the bright daylight of Sunday morning, four
    // suspects stole …").
    let opens = from == s.start
        && words
            .first()
            .is_some_and(|w| OPENING_PREPOSITIONS.contains(&w.lower.as_str()));
    if frame.predicate.is_empty() && opens {
        let main = (last + 1..words.len())
            .find(|&i| dist(&words[i]) <= REACH && predicate_word(&words[i]));
        if let Some(i) = main {
            push(&mut frame.predicate, lex.predicate_key(&words[i].stem));
        }
    }

    // Names: a run of capitalised words after a place word is a place;
    // other runs away from the sentence start are holders.
    let mut i = 0;
    while i < words.len() {
        if !words[i].cap || (first..=last).contains(&i) {
            i += 1;
            continue;
        }
        let a = i;
        while i + 1 < words.len() && words[i + 1].cap && words[i + 1].pos - words[i].pos <= 1.0 {
            i += 1;
        }
        let run = &words[a..=i];
        i += 1;
        let near = run.iter().map(&dist).fold(f32::INFINITY, f32::min);
        if near > NAME_REACH {
            continue;
        }
        let name = run.last().map(|w| possessor(&w.lower)).unwrap_or_default();
        if crate::normalise::time::is_calendar_word(&name) {
            continue;
        }
        let after_place_word = a > 0 && lex.introduces_place(&words[a - 1].lower);
        if after_place_word {
            push(&mut frame.place, name);
        } else if a > 0 && near <= HOLDER_REACH {
            push(&mut frame.holder, name);
        }
    }

    // Context: content words by nearness.
    for w in &words {
        let d = dist(w);
        if w.class != Class::Content || d > REACH {
            continue;
        }
        let weight = 1.0 / (1.0 + d / 4.0);
        let key = crate::words::Word::of(&lex.word_key(&w.stem));
        match frame.context.iter_mut().find(|(k, _)| *k == key) {
            Some((_, x)) => *x = x.max(weight),
            None => frame.context.push((key, weight)),
        }
    }
    Frame::new(frame, noun, lead)
}

/// Leaves out an attribution set off by commas (", according to Chinese
/// state broadcaster CCTV,"): it says who reports the figure, not what the
/// figure is about, and it stands between a figure and its noun ("the
/// duration, according to …, was about one hour, 40 minutes"). The words
/// after it move up as if it were not there. An attribution holding the
/// figure stays.
fn drop_attributions(text: &str, words: &mut Vec<Word>, start: usize, end: usize) {
    let comma_before = |w: &[Word], i: usize| i > 0 && text[w[i - 1].end..w[i].start].contains(',');
    let mut i = 1;
    while i + 1 < words.len() {
        if !(words[i].lower == "according" && words[i + 1].lower == "to" && comma_before(words, i))
        {
            i += 1;
            continue;
        }
        let mut j = i + 2;
        while j < words.len()
            && !text[words[j - 1].end..words[j].start].contains([',', ';', ':', '—', '–', '(', ')'])
        {
            j += 1;
        }
        let holds_figure = words[i].start < end && words[j - 1].end > start;
        // Only an aside closed by a comma before more of the clause.
        let closed = j < words.len() && text[words[j - 1].end..words[j].start].contains(',');
        if holds_figure || !closed {
            i = j;
            continue;
        }
        let shift = words[j].pos - words[i].pos;
        words.drain(i..j);
        for w in &mut words[i..] {
            w.pos -= shift;
        }
        i += 1;
    }
}

/// "france’s" → "france".
fn possessor(lower: &str) -> String {
    lower
        .trim_end_matches("’s")
        .trim_end_matches("'s")
        .to_string()
}

fn push(v: &mut Vec<crate::words::Word>, key: impl AsRef<str>) {
    let key = key.as_ref();
    if !key.is_empty() {
        let key = crate::words::Word::of(key);
        if !v.contains(&key) {
            v.push(key);
        }
    }
}

/// Whether a content word reads as a verb: in a predicate set of the
/// lexicon, or shaped like a past tense or participle.
/// A lower-case content word that is not a verb: what a figure can count
/// or measure.
fn is_common_noun(w: &Word, lex: &Lexicon) -> bool {
    w.class == Class::Content && !w.cap && !is_verb(w, lex)
}

fn is_verb(w: &Word, lex: &Lexicon) -> bool {
    let l = &w.lower;
    let s = &w.stem;
    if lex.head_key(s).starts_with('=') {
        return false;
    }
    let shaped = l.len() > 4 && (l.ends_with("ed") || l.ends_with("ing"));
    shaped || lex.predicate_key(s).starts_with('+')
}

/// Whether an English word has an adjective's ending ("priceless",
/// "historic", "massive"): such a word before a noun is no head.
fn is_adjective(word: &str) -> bool {
    const ENDINGS: [&str; 8] = ["less", "ful", "ous", "ive", "ic", "able", "ible", "ish"];
    word.chars().count() > 4 && ENDINGS.iter().any(|e| word.ends_with(e))
}

/// Distinct words the stem memo of a thread holds before it starts over.
const STEM_MEMO: usize = 4096;

/// The Snowball stem of a lower-case word, remembered per thread: the
/// windows of figures in one sentence overlap and an article repeats its
/// words, so most words met were stemmed before, and stemming is pure.
fn memo_stem(lower: &str) -> String {
    thread_local! {
        static STEMS: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
    }
    STEMS.with(|stems| {
        let mut stems = stems.borrow_mut();
        if let Some(s) = stems.get(lower) {
            return s.clone();
        }
        if stems.len() >= STEM_MEMO {
            stems.clear();
        }
        let s = stem(lower);
        stems.insert(lower.to_string(), s.clone());
        s
    })
}

/// The words of `text[start..end]`, split at anything but letters, digits
/// and inner apostrophes; hyphenated words are split into their parts
/// ("three-hour" → three, hour).
fn words(text: &str, start: usize, end: usize, lex: &Lexicon) -> Vec<Word> {
    let slice = &text[start..end];
    let mut out: Vec<Word> = Vec::new();
    let mut pos = 0.0f32;
    let mut at_start = true;
    let mut cur: Option<usize> = None;
    let flush = |a: usize, b: usize, pos: &mut f32, at_start: &mut bool, out: &mut Vec<Word>| {
        let raw = &slice[a..b];
        let raw = raw.trim_matches(|c| c == '\'' || c == '’');
        if raw.is_empty() {
            return;
        }
        let lower = raw.to_lowercase();
        let class = if raw.chars().any(|c| c.is_ascii_digit()) || lex.is_unit(&lower) {
            Class::Number
        } else if lex.is_function(&lower) || lower.chars().count() < 2 {
            Class::Function
        } else {
            Class::Content
        };
        let cap = !*at_start && raw.chars().next().is_some_and(char::is_uppercase);
        let stem = if class == Class::Content {
            memo_stem(&lower)
        } else {
            String::new()
        };
        *pos += 1.0;
        out.push(Word {
            start: start + a,
            end: start + a + raw.len(),
            lower,
            stem,
            pos: *pos,
            cap,
            class,
        });
        *at_start = false;
    };
    for (i, c) in slice.char_indices() {
        let wordy = c.is_alphanumeric() || ((c == '\'' || c == '’' || c == '.') && cur.is_some());
        if wordy {
            if cur.is_none() {
                cur = Some(i);
            }
            continue;
        }
        if let Some(a) = cur.take() {
            let piece = slice[a..i].trim_end_matches('.');
            flush(a, a + piece.len(), &mut pos, &mut at_start, &mut out);
        }
        match c {
            ';' | ':' | '—' | '–' | '(' | ')' | '[' | ']' => pos += CLAUSE_BREAK,
            ',' => pos += COMMA,
            '"' | '“' | '”' | '‘' => at_start = true,
            _ => {}
        }
    }
    if let Some(a) = cur.take() {
        let piece = slice[a..].trim_end_matches('.');
        flush(a, a + piece.len(), &mut pos, &mut at_start, &mut out);
    }
    // A two-word phrase of the lexicon ("made off" with the jewels) is
    // read as one word: its first, keyed as the phrase.
    for i in 1..out.len() {
        if out[i].pos - out[i - 1].pos != 1.0 || out[i - 1].class != Class::Content {
            continue;
        }
        if let Some(key) = lex.phrase(&out[i - 1].stem, &out[i].lower) {
            out[i - 1].stem = key;
            out[i].class = Class::Function;
            out[i].stem.clear();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rules;
    use crate::words::Word as Key;

    fn frame_of(sentence: &str, figure: &str) -> Frame {
        frame_of_kind(sentence, figure, Kind::Count)
    }

    fn frame_of_kind(sentence: &str, figure: &str, kind: Kind) -> Frame {
        let rules = Rules::embedded().unwrap();
        let doc = crate::clean::example_document(sentence, None, &rules);
        let start = sentence.find(figure).unwrap();
        let mut fact = Fact::new(
            &doc,
            kind,
            start,
            start + figure.len(),
            crate::fact::Value::Name {
                surface: String::new(),
                key: String::new(),
                entity: crate::fact::Entity::Person,
            },
            "test",
        );
        fact.frame = None;
        read(&doc, &rules.lexicon, &fact)
    }

    #[test]
    fn an_attribution_between_a_figure_and_its_noun_is_left_out() {
        // A trade summit and a disaster: who reports the figure is not
        // what it measures.
        let f = frame_of_kind(
            "But the duration, according to Chinese state broadcaster CCTV, was about one hour, 40 minutes.",
            "about one hour, 40 minutes",
            Kind::Duration,
        );
        assert!(f.predicate().contains(&Key::of("+last")), "{f:?}");
        assert!(
            !f.head().iter().any(|h| h.as_str().starts_with("broadcast")),
            "{f:?}"
        );
        assert!(f.holder().is_empty(), "{f:?}");
        let f = frame_of(
            "The death toll, according to local officials, rose to 48 on Sunday.",
            "48",
        );
        assert_eq!(
            f.head().first().map(|w| w.as_str()),
            Some("=deaths"),
            "{f:?}"
        );
        // An attribution holding the figure stays.
        let f = frame_of(
            "Rescuers, according to 12 witnesses, arrived late.",
            "12 witnesses",
        );
        assert!(
            f.head().iter().any(|h| h.as_str().starts_with("wit")),
            "{f:?}"
        );
    }

    #[test]
    fn a_currency_is_no_head() {
        // A museum heist and a settlement: the amount's currency before a
        // duration is a unit, not what the duration measures.
        for (sentence, figure) in [
            (
                "The four crooks made off with treasures worth about $102.1 million, or 88 million euros, before fleeing within 7 minutes.",
                "within 7 minutes",
            ),
            (
                "The company agreed to pay 3 million dollars within 30 days.",
                "within 30 days",
            ),
        ] {
            let f = frame_of_kind(sentence, figure, Kind::Duration);
            assert!(
                !f.head()
                    .iter()
                    .any(|h| h.as_str().starts_with("euro") || h.as_str().starts_with("dollar")),
                "{f:?}"
            );
        }
    }

    #[test]
    fn a_phrase_of_the_lexicon_reads_as_its_event() {
        // A museum heist and a cash robbery: "made off with" is a theft.
        let f = frame_of_kind(
            "On a Sunday morning, a four-person gang executed a daring raid, making off with some of France's most valuable treasures within eight minutes.",
            "within eight minutes",
            Kind::Duration,
        );
        assert!(f.predicate().contains(&Key::of("+steal")), "{f:?}");
        let f = frame_of(
            "Armed robbers made off with 12 bags of cash from the depot.",
            "12 bags",
        );
        assert!(f.predicate().contains(&Key::of("+steal")), "{f:?}");
        // "off" alone is no theft.
        let f = frame_of("Officials turned off 40 pumps overnight.", "40 pumps");
        assert!(!f.predicate().contains(&Key::of("+steal")), "{f:?}");
    }

    #[test]
    fn a_figure_in_an_opening_phrase_takes_the_main_verb() {
        // A museum heist and a government shutdown: the verb stands past
        // a second phrase or the figure's own noun.
        let f = frame_of_kind(
            "In the space of just seven minutes, in the bright daylight of Sunday morning, four suspects stole nine pieces of France's crown jewels from the Louvre.",
            "just seven minutes",
            Kind::Duration,
        );
        assert!(f.predicate().contains(&Key::of("+steal")), "{f:?}");
        let f = frame_of_kind(
            "After 43 days of closure and weeks of bitter argument in both chambers, the House finally voted to reopen the government.",
            "43 days",
            Kind::Duration,
        );
        assert!(!f.predicate().is_empty(), "{f:?}");
    }

    #[test]
    fn head_inside_the_figure_and_after_it() {
        // A plane crash and a papal election.
        let f = frame_of(
            "The plane was carrying 242 passengers and crew when it crashed.",
            "242 passengers",
        );
        assert_eq!(f.head().first().map(|w| w.as_str()), Some("=people"));
        assert!(f.predicate().contains(&Key::of("+board")), "{f:?}");
        let f = frame_of(
            "The 133 cardinal electors had reached the required two-thirds majority.",
            "133 cardinal electors",
        );
        assert_eq!(f.head()[0], Key::of(&stem("electors")));
        assert!(f.head().contains(&Key::of(&stem("cardinal"))));
    }

    #[test]
    fn the_unit_of_money_or_a_percentage_is_not_its_head() {
        // A museum heist and a trade summit: what the sum or share is of
        // lies outside it.
        let f = frame_of_kind(
            "The thieves stole jewels worth an estimated 88 million euros.",
            "88 million euros",
            Kind::Money,
        );
        assert!(!f.head().contains(&Key::of(&stem("euros"))), "{f:?}");
        let f = frame_of_kind(
            "Trump agreed to lower tariffs on Chinese goods to 47 percent.",
            "47 percent",
            Kind::Percent,
        );
        assert!(!f.head().contains(&Key::of(&stem("percent"))), "{f:?}");
    }

    #[test]
    fn a_light_noun_is_never_the_head() {
        // A museum heist and a papal election: "space" and "period" only
        // frame the duration.
        let f = frame_of(
            "In the space of just seven minutes, in the bright daylight of Sunday morning, \
             four suspects stole nine pieces of France's crown jewels from the Louvre.",
            "just seven minutes",
        );
        assert!(!f.head().contains(&Key::of(&stem("space"))), "{f:?}");
        let f = frame_of(
            "After four rounds of voting, and a period of barely 24 hours, white smoke rose \
             above the Sistine Chapel.",
            "barely 24 hours",
        );
        assert!(!f.head().contains(&Key::of(&stem("period"))), "{f:?}");
    }

    #[test]
    fn head_of_a_measure_and_of_a_duration() {
        // An earthquake and a summit.
        let f = frame_of(
            "The quake struck at a depth of 17 km, the USGS said.",
            "17 km",
        );
        assert_eq!(f.head(), vec![Key::of(&stem("depth"))]);
        assert!(f.predicate().contains(&Key::of("+strike")), "{f:?}");
        let f = frame_of(
            "The talks lasted about one hour, 40 minutes.",
            "about one hour, 40 minutes",
        );
        assert_eq!(f.head(), vec![Key::of("=meeting")]);
        assert_eq!(f.predicate().first().map(|w| w.as_str()), Some("+last"));
        // A government shutdown: the noun after "of", and a known noun
        // behind a nearer one.
        let f = frame_of(
            "The measure restores federal operations after 42 days of closure.",
            "42 days",
        );
        assert_eq!(f.head(), vec![Key::of("=shutdown")], "{f:?}");
        let f = frame_of(
            "Trump signed the bill, ending the longest shutdown in U.S. history, which lasted 43 days.",
            "43 days",
        );
        assert_eq!(f.head(), vec![Key::of("=shutdown")], "{f:?}");
    }

    #[test]
    fn places_and_holders() {
        // Tsunami waves in two places; ballots of two popes.
        let f = frame_of(
            "Tsunami waves of 30 to 60 cm were observed in Japan on Wednesday.",
            "30 to 60 cm",
        );
        assert_eq!(f.place(), vec![Key::of("japan")]);
        assert!(f.head().contains(&Key::of("=waves")), "{f:?}");
        let f = frame_of(
            "The earthquake's effects extended beyond Russia, as a 30 cm tsunami reached northern Japan.",
            "30 cm",
        );
        assert_eq!(f.place(), vec![Key::of("japan")], "{f:?}");
        let f = frame_of(
            "For comparison, Pope Francis needed five ballots in 2013.",
            "five ballots",
        );
        assert!(f.holder().contains(&Key::of("francis")), "{f:?}");
        assert_eq!(f.head().first().map(|w| w.as_str()), Some("=rounds"));
    }

    #[test]
    fn an_adjective_ending_the_figure_is_no_head() {
        // A museum heist and a flood: the noun after the figure is.
        let f = frame_of(
            "Eight priceless items were stolen, officials said.",
            "Eight priceless",
        );
        assert_eq!(
            f.head().first().map(|w| w.as_str()),
            Some("=items"),
            "{f:?}"
        );
        let f = frame_of(
            "Three historic bridges were swept away by the flood.",
            "Three historic",
        );
        assert_eq!(f.head().first(), Some(&Key::of(&stem("bridges"))), "{f:?}");
    }

    #[test]
    fn theft_words_are_predicates() {
        // A museum heist.
        let f = frame_of(
            "Eight priceless items were stolen in the raid.",
            "Eight priceless items",
        );
        assert_eq!(f.head().first().map(|w| w.as_str()), Some("=items"));
        assert!(f.predicate().contains(&Key::of("+steal")), "{f:?}");
    }

    #[test]
    fn a_compound_after_of_is_headed_by_its_last_noun() {
        // A shutdown and a summit: "weeks of political deadlock" measures
        // the deadlock, "hours of trade talks" the talks.
        let f = frame_of_kind(
            "After nearly eight weeks of political deadlock, the US House of Representatives on Wednesday passed a bill to end the government shutdown.",
            "nearly eight weeks",
            Kind::Duration,
        );
        assert_eq!(
            f.head().first().map(|w| w.as_str()),
            Some("=shutdown"),
            "{f:?}"
        );
        let f = frame_of_kind(
            "The leaders emerged after nearly three hours of trade talks, officials said.",
            "nearly three hours",
            Kind::Duration,
        );
        assert_eq!(
            f.head().first().map(|w| w.as_str()),
            Some("=meeting"),
            "{f:?}"
        );
        // One noun after "of" is still read as before.
        let f = frame_of_kind(
            "The measure restores federal operations after 42 days of closure.",
            "42 days",
            Kind::Duration,
        );
        assert_eq!(
            f.head().first().map(|w| w.as_str()),
            Some("=shutdown"),
            "{f:?}"
        );
    }
}
