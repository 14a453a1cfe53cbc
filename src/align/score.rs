//! Pairwise scores between figures of different outlets, from their frames.
//!
//! | feature | weight | when |
//! |---|---|---|
//! | head | 0.35 | the main heads are one word or one set ("passengers" ~ "people"); 0.6 of it when only some head words are shared, or when one's head is an event the other has as its verb ("seven-minute heist" ~ "robbery that took seven minutes"), or when two lengths share a known event and not both heads are known things ("in seven minutes, four suspects stole" ~ "jewellery during a robbery that took seven minutes") |
//! | context | 0.35 | cosine of the sentences' content words, each weighted by nearness and by rarity near the event's figures |
//! | predicate | 0.15 / −0.30 | a verb or event word in common ("stolen" ~ "theft") / two known events that differ ("killed" vs "on board"; not for dates) |
//! | subject | 0.30 | the same subject from `rules/subjects.toml` (not a count's own noun) |
//! | place | +0.10 / −0.50 | both anchored to a place: the same one / different ones ("in Japan" vs "in Kamchatka") |
//! | reference | apart | two distances measured from different things: a coast ("130 km offshore") and a point ("149 km southeast of the city") |
//! | person | apart | two ages of people of one surname with different given names ("Nayan Ramesh, 27", "Ajay Kumar Ramesh, 45") |
//! | series | −0.50 | positions in the series of two different past years ("fifth ballot" in 2013, "fourth ballot" in 1978); weak when only one is of a past year |
//! | holder | +0.05 / −0.15 | both name whose figure it is: the same / different (not for the same day: it holds many people's doings) |
//! | lead | +0.10 | both stand in their article's first sentences, where news states its main event |
//! | sole | +0.10 | each is the only figure of its measure in its article |
//! | value | +0.08 / +0.04 | the values are the same / overlap (a tie-breaker only); +0.20 for the same day |
//!
//! A pair whose places or holders differ scores at most just under
//! [`STRONG`](super::STRONG): possibly the same figure, never a conflict.
//! Two amounts [`APART`] times apart or more score nothing, nor two dates
//! with more than a year between them: outlets misstate a figure by a
//! fifth or a half, not tenfold, and a date by a day or a year, not a
//! decade. So "almost 300 people" (evacuated from one port) and "over
//! 900,000 people" (across a country), or a cup won "for the fifth time in
//! 2005" and "for the sixth time in 2019", are figures of two things,
//! however alike their sentences.

use crate::fact::{Fact, Kind, Modality, Relation, Value};
use std::collections::{BTreeMap, HashMap};

const W_HEAD: f64 = 0.35;
const W_CONTEXT: f64 = 0.35;
const W_PREDICATE: f64 = 0.15;
const W_SUBJECT: f64 = 0.30;
const PLACE_SAME: f64 = 0.10;
const PLACE_OTHER: f64 = -0.50;
const HOLDER_SAME: f64 = 0.05;
const HOLDER_OTHER: f64 = -0.15;
const VALUE_SAME: f64 = 0.08;
const DATE_SAME: f64 = 0.20;
const LEAD: f64 = 0.10;
const PREDICATE_OTHER: f64 = -0.30;
const SOLE: f64 = 0.10;
const VALUE_OVERLAP: f64 = 0.04;
/// Amounts this many times apart are never one fact.
pub const APART: f64 = 10.0;

/// One figure's features, with words interned as numbers.
#[derive(Clone, Debug, Default)]
pub struct Feature {
    /// Index of the measure (kind, unit, modality); only facts of one
    /// measure are compared.
    pub measure: usize,
    pub source: usize,
    /// Head, predicate, events, place, holder and context words, one list
    /// after another: one allocation per figure, not six.
    lists: crate::packed::Packed<u32, 5>,
    /// The main head is a lexicon head set ("=items").
    pub head_set: bool,
    pub subject: Option<u32>,
    /// The past year a position is qualified by ("the fifth ballot" of the
    /// 2013 conclave: subject `ballot (2013)`), if any.
    pub series: Option<u32>,
    /// The initial of the given name of the person whose figure it is (an
    /// age's subject `person:ramesh/v`), if the document gave one.
    pub given: Option<char>,
    /// What a distance is measured from: a coast (`@offshore`) or a point
    /// (`@from`, "southeast of the city").
    pub reference: Option<u32>,
    /// The weights of the context words, L2-normalised; single precision,
    /// as a long article holds many.
    weights: Box<[f32]>,
    /// In the article's lead.
    pub lead: bool,
    /// The only figure of its measure in its article.
    pub sole: bool,
    /// For a date, its first day (or its undated weekday or month): two
    /// outlets naming one day are worth scoring even when their sentences
    /// share no word.
    pub day: Option<u32>,
}

impl Feature {
    fn list(&self, i: usize) -> &[u32] {
        self.lists.get(i)
    }

    pub fn head(&self) -> &[u32] {
        self.list(0)
    }

    pub fn predicate(&self) -> &[u32] {
        self.list(1)
    }

    /// The predicates and heads that are known events (a
    /// `rules/lexicon.toml` set).
    pub fn events(&self) -> &[u32] {
        self.list(2)
    }

    /// Places its clause anchors it to.
    pub fn place(&self) -> &[u32] {
        self.list(3)
    }

    /// Whose figure it is.
    pub fn holder(&self) -> &[u32] {
        self.list(4)
    }

    /// Context words and their weights, sorted by word.
    pub fn context(&self) -> impl Iterator<Item = (u32, f64)> + '_ {
        self.context_words()
            .iter()
            .copied()
            .zip(self.weights.iter().map(|&x| f64::from(x)))
    }

    fn context_words(&self) -> &[u32] {
        self.list(5)
    }
}

/// The features of every figure of a report, and the words behind them.
#[derive(Clone, Debug, Default)]
pub struct Features {
    /// Per fact; `None` for facts that are not figures. Boxed: a report's
    /// quotes and names, often most of its facts, take a pointer each.
    pub of: Vec<Option<Box<Feature>>>,
    words: Vec<String>,
}

#[derive(Default)]
struct Interner {
    ids: HashMap<String, u32>,
    words: Vec<String>,
}

impl Interner {
    fn id(&mut self, w: &str) -> u32 {
        if let Some(&i) = self.ids.get(w) {
            return i;
        }
        let i = self.words.len() as u32;
        self.ids.insert(w.to_string(), i);
        self.words.push(w.to_string());
        i
    }
}

impl Features {
    pub fn build(facts: &[Fact]) -> Features {
        let mut words = Interner::default();
        let mut measures: BTreeMap<(Kind, &str, Modality), usize> = BTreeMap::new();
        let mut sources: BTreeMap<&str, usize> = BTreeMap::new();
        for f in facts {
            let n = sources.len();
            sources.entry(&*f.source).or_insert(n);
        }
        // Rarity: near how many figures a context word stands. A word near
        // every figure says nothing about which one a figure is.
        let mut figures_near: HashMap<&str, usize> = HashMap::new();
        let mut n = 0.0f64;
        for f in facts {
            let Some(frame) = &f.frame else { continue };
            n += 1.0;
            for (w, _) in frame.context() {
                // By the word, not its interned number: ids here follow
                // the facts' order, whatever thread met a word first.
                *figures_near.entry(w.as_str()).or_default() += 1;
            }
        }
        let idf = |w: &str| {
            let df = figures_near.get(w).copied().unwrap_or(1) as f64;
            ((n + 1.0) / df).ln()
        };
        // How many figures of each measure each source states.
        let mut per_slot: HashMap<((Kind, &str, Modality), &str), usize> = HashMap::new();
        for f in facts.iter().filter(|f| f.frame.is_some()) {
            *per_slot.entry((measure_of(f), &*f.source)).or_default() += 1;
        }
        let mut of = Vec::with_capacity(facts.len());
        for f in facts {
            let Some(frame) = f.frame.as_ref().filter(|_| f.kind.is_figure()) else {
                of.push(None);
                continue;
            };
            let sole = per_slot.get(&(measure_of(f), &*f.source)) == Some(&1);
            let next = measures.len();
            let measure = *measures.entry(measure_of(f)).or_insert(next);
            let ids = |v: &[crate::words::Word], words: &mut Interner| {
                v.iter().map(|w| words.id(w.as_str())).collect::<Vec<u32>>()
            };
            let head = ids(frame.head(), &mut words);
            let predicate = ids(frame.predicate(), &mut words);
            // Known events, whether read as verbs or as nouns ("stole",
            // "seven-minute heist").
            let mut events: Vec<u32> = Vec::new();
            for w in frame.predicate().iter().chain(frame.head()) {
                if w.as_str().starts_with('+') {
                    let id = words.id(w.as_str());
                    if !events.contains(&id) {
                        events.push(id);
                    }
                }
            }
            let mut place = ids(frame.place(), &mut words);
            let reference = frame
                .place()
                .iter()
                .find(|w| w.as_str().starts_with('@'))
                .map(|w| words.id(w.as_str()));
            place.retain(|&p| Some(p) != reference);
            let holder = ids(frame.holder(), &mut words);
            let name = f.subject.as_str();
            // A count's subject is often just its noun, already the head.
            let noun_only = matches!(&f.value, Value::Quantity { noun: Some(n), .. } if *n == name);
            // "person:ramesh/v": the surname is the subject, the given
            // initial only tells two of a family apart.
            let (person, given) = match name.strip_prefix("person:") {
                Some(p) => match p.split_once('/') {
                    Some((surname, g)) => (Some(surname), g.chars().next()),
                    None => (Some(p), None),
                },
                None => (None, None),
            };
            let subject = (!name.is_empty() && !noun_only).then(|| match person {
                Some(p) => words.id(&format!("subject:person:{p}")),
                None => words.id(&format!("subject:{name}")),
            });
            let series = name
                .strip_suffix(')')
                .and_then(|x| x.rsplit_once(" ("))
                .map(|(_, year)| words.id(&format!("series:{year}")));
            let mut context: Vec<(u32, f64)> = frame
                .context()
                .iter()
                .map(|(w, x)| (words.id(w.as_str()), *x as f64 * idf(w.as_str())))
                .collect();
            context.sort_by_key(|&(w, _)| w);
            let norm = context.iter().map(|(_, x)| x * x).sum::<f64>().sqrt();
            if norm > 0.0 {
                for (_, x) in &mut context {
                    *x /= norm;
                }
            }
            let day = match &f.value {
                Value::Dates { from, .. } => Some(words.id(&format!("day:{from}"))),
                // An undated weekday or month: "Sunday" in every article.
                Value::Quantity { interval, unit, .. } if f.kind == Kind::Date => {
                    Some(words.id(&format!("day:{unit}:{}", interval.lo)))
                }
                _ => None,
            };
            let (context_words, weights): (Vec<u32>, Vec<f32>) =
                context.into_iter().map(|(w, x)| (w, x as f32)).unzip();
            let lists =
                crate::packed::Packed::new([head, predicate, events, place, holder, context_words]);
            of.push(Some(Box::new(Feature {
                day,
                measure,
                source: sources[&*f.source],
                head_set: frame
                    .head()
                    .first()
                    .is_some_and(|h| h.as_str().starts_with('=')),
                lists,
                subject,
                series,
                given,
                reference,
                weights: weights.into(),
                lead: frame.lead,
                sole,
            })));
        }
        Features {
            of,
            words: words.words,
        }
    }

    /// The word behind an interned id, without the `=` of a set id.
    pub fn word(&self, id: u32) -> &str {
        self.words
            .get(id as usize)
            .map_or("", |w| w.trim_start_matches(['=', '+']))
    }
}

/// What a figure measures: only figures of one measure are compared.
fn measure_of(f: &Fact) -> (Kind, &str, Modality) {
    (f.kind, f.value.unit(), f.modality)
}

/// How alike two figures' frames are, 0–1.
pub fn pair(a: &Feature, b: &Feature, fa: &Fact, fb: &Fact) -> f64 {
    pair_with(a, b, fa, fb, false, &mut |_| {})
}

/// [`pair`], scoring two values that disagree as if they agreed: whether
/// two clusters speak of one thing is judged by their frames, and a real
/// conflict ("Wednesday" against three outlets' "Thursday") must not keep
/// its odd value out.
pub fn linkage(a: &Feature, b: &Feature, fa: &Fact, fb: &Fact) -> f64 {
    pair_with(a, b, fa, fb, true, &mut |_| {})
}

/// [`pair`]'s score and the features that matched (for the comparison's
/// `alignment`; clustering asks only for scores and collects nothing).
pub fn explain(a: &Feature, b: &Feature, fa: &Fact, fb: &Fact) -> (f64, Vec<Matched>) {
    let mut matched = Vec::new();
    let s = pair_with(a, b, fa, fb, false, &mut |m| matched.push(m));
    (s, matched)
}

fn pair_with(
    a: &Feature,
    b: &Feature,
    fa: &Fact,
    fb: &Fact,
    disagreement_neutral: bool,
    matched: &mut impl FnMut(Matched),
) -> f64 {
    // Two people of one surname ("Ajay Kumar Ramesh, 45", "Nayan Ramesh,
    // 27") have two ages.
    let two_people = matches!((a.given, b.given), (Some(x), Some(y)) if x != y);
    // "130 km offshore" and "149 km southeast of the city" measure two
    // things.
    let two_references = matches!((a.reference, b.reference), (Some(x), Some(y)) if x != y);
    if two_people
        || two_references
        || far_apart(&fa.value, &fb.value)
        || (fa.kind == Kind::Date && years_apart(&fa.value, &fb.value))
    {
        return 0.0;
    }
    let mut s = 0.0;
    let (x, y) = (a.head().first(), b.head().first());
    if let Some(&h) = x.filter(|&x| Some(x) == y) {
        s += W_HEAD;
        matched(Matched::Head(h));
    } else if let Some(w) = a.head().iter().find(|w| b.head().contains(w)) {
        s += 0.6 * W_HEAD;
        matched(Matched::Head(*w));
    } else if let Some(w) = x
        .filter(|x| b.events().contains(x))
        .or_else(|| y.filter(|y| a.events().contains(y)))
    {
        // One names the event as its head, the other as its verb:
        // "a seven-minute heist" ~ "a robbery that took seven minutes".
        s += 0.6 * W_HEAD;
        matched(Matched::Head(*w));
    } else if let Some(w) = a.events().iter().find(|w| {
        fa.kind == Kind::Duration && !(a.head_set && b.head_set) && b.events().contains(w)
    }) {
        // A length is a length of an event: two lengths of one known
        // event are one head whatever nouns stand near them ("a robbery
        // that took seven minutes" after "jewellery"; "in seven minutes,
        // four suspects stole"). Not when both heads are known things and
        // differ: "the talks lasted" and "the shutdown lasted".
        s += 0.6 * W_HEAD;
        matched(Matched::Head(*w));
    }
    let c = cosine(a, b);
    s += W_CONTEXT * c;
    if c > 0.0 {
        matched(Matched::Context(c));
    }
    let shared_event = a.events().iter().find(|w| b.events().contains(w));
    if let Some(w) = a
        .predicate()
        .iter()
        .find(|w| b.predicate().contains(w))
        .or(shared_event)
    {
        s += W_PREDICATE;
        matched(Matched::Predicate(*w));
    }
    if a.subject.is_some() && a.subject == b.subject {
        s += W_SUBJECT;
        matched(Matched::Subject(a.subject.unwrap_or_default()));
    }
    // A figure anchored to another place or another holder is at most
    // weakly aligned: possibly the same, never a conflict.
    let mut weak = false;
    if !a.place().is_empty() && !b.place().is_empty() {
        match a.place().iter().find(|w| b.place().contains(w)) {
            Some(w) => {
                s += PLACE_SAME;
                matched(Matched::Place(Some(*w)));
            }
            None => {
                s += PLACE_OTHER;
                weak = true;
                matched(Matched::Place(None));
            }
        }
    }
    let date = fa.kind == Kind::Date;
    let relation = match fa.value.relation(&fb.value) {
        Relation::Disjoint if disagreement_neutral && near_miss(&fa.value, &fb.value) => {
            Relation::Same
        }
        r => r,
    };
    // Positions in the series of two different past years ("the fifth
    // ballot" of 2013, "the fourth ballot" of 1978) are two facts; one of a
    // past year and one of this story's series at most possibly one.
    match (a.series, b.series) {
        (Some(x), Some(y)) if x != y => {
            s += PLACE_OTHER;
            weak = true;
        }
        (Some(_), None) | (None, Some(_)) => weak = true,
        _ => {}
    }
    // One day holds many people's doings: other names near the same day
    // say nothing against it being one fact (near two different years they
    // do: "Francis needed five ballots in 2013" / "Benedict … in 2005").
    if !a.holder().is_empty() && !b.holder().is_empty() {
        if a.holder().iter().any(|w| b.holder().contains(w)) {
            s += HOLDER_SAME;
        } else if !(date && relation == Relation::Same) {
            s += HOLDER_OTHER;
            weak = true;
        }
    }
    if a.lead && b.lead {
        s += LEAD;
        matched(Matched::Lead);
    }
    if a.sole && b.sole {
        s += SOLE;
        matched(Matched::Sole);
    }
    // Two known events that differ ("killed" vs "on board"); one day holds
    // many events, so not for dates.
    if !date
        && !a.events().is_empty()
        && !b.events().is_empty()
        && !a.events().iter().any(|w| b.events().contains(w))
    {
        s += PREDICATE_OTHER;
        matched(Matched::OtherEvent);
    }
    match relation {
        // Two outlets naming the same day in one story most often mean one
        // event; a count or a length shared by chance is common.
        Relation::Same if date => s += DATE_SAME,
        Relation::Same => s += VALUE_SAME,
        Relation::Overlap => s += VALUE_OVERLAP,
        _ => {}
    }
    if weak {
        s = s.min(super::STRONG - 0.01);
    }
    s.clamp(0.0, 1.0)
}

/// Whether two amounts are [`APART`] times apart or more: the larger's low
/// end over the smaller's high end. Dates and clock times are positions,
/// not amounts, and are never apart in this sense.
fn far_apart(a: &Value, b: &Value) -> bool {
    let (Some(x), Some(y)) = (amount(a), amount(b)) else {
        return false;
    };
    let (small, big) = if x.hi <= y.lo { (x, y) } else { (y, x) };
    small.hi > 0.0 && small.hi <= big.lo && big.lo / small.hi >= APART
}

/// An amount's interval: a quantity, a sum of money or a percentage (not a
/// position such as a date or a clock time).
fn amount(v: &Value) -> Option<crate::interval::Interval> {
    match v {
        Value::Quantity { interval, .. } | Value::Percent { interval, .. } => Some(*interval),
        Value::Money(m) => Some(m.interval),
        _ => None,
    }
}

/// Whether two dates lie more than a year apart (a whole year between
/// them): an outlet misstates a day or a year, while a story's background
/// names many years of other events ("won the cup for the fifth time in
/// 2005", "for the sixth time in 2019"). `since` windows are not dates in
/// this sense: "strongest since 1952" and "since 2011" can both hold.
fn years_apart(a: &Value, b: &Value) -> bool {
    let (
        Value::Dates {
            from: x, to: xe, ..
        },
        Value::Dates {
            from: y, to: ye, ..
        },
    ) = (a, b)
    else {
        return false;
    };
    let gap = if xe <= y {
        (*y - *xe).num_days()
    } else if ye <= x {
        (*x - *ye).num_days()
    } else {
        0
    };
    gap > YEAR_GAP_DAYS
}

/// A gap between two dates longer than this keeps them apart.
const YEAR_GAP_DAYS: i64 = 366;

/// Days apart within which two dates can be one day misstated (a wrong
/// weekday, a time zone's date).
const NEAR_DAYS: i64 = 3;
/// Times apart within which two amounts can be one figure misstated.
const NEAR_TIMES: f64 = 2.5;

/// Whether two values that disagree are near enough to be one figure
/// misstated: dates a few days apart, amounts less than [`NEAR_TIMES`]
/// apart. Not a shutdown's start on October 1 against a vote on a
/// Wednesday six weeks later, nor 2005 against 2013.
fn near_miss(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Dates { from: x, .. }, Value::Dates { from: y, .. }) => {
            (*x - *y).num_days().abs() <= NEAR_DAYS
        }
        _ => {
            let (Some(x), Some(y)) = (amount(a), amount(b)) else {
                return false;
            };
            let (small, big) = if x.hi <= y.lo { (x, y) } else { (y, x) };
            small.hi > 0.0 && big.lo / small.hi < NEAR_TIMES
        }
    }
}

/// A feature two figures shared, for the comparison's `alignment`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Matched {
    Head(u32),
    Predicate(u32),
    Subject(u32),
    /// The same place, or `None` for different places.
    Place(Option<u32>),
    Context(f64),
    Lead,
    Sole,
    OtherEvent,
}

impl Matched {
    pub fn describe(&self, features: &Features) -> String {
        match self {
            Matched::Head(w) => format!("head:{}", features.word(*w)),
            Matched::Predicate(w) => format!("predicate:{}", features.word(*w)),
            Matched::Subject(w) => format!(
                "subject:{}",
                features.word(*w).trim_start_matches("subject:")
            ),
            Matched::Place(Some(w)) => format!("place:{}", features.word(*w)),
            Matched::Place(None) => "place:-".to_string(),
            Matched::Context(c) => format!("context:{:.2}", c),
            Matched::Lead => "lead".to_string(),
            Matched::Sole => "sole".to_string(),
            Matched::OtherEvent => "predicate:-".to_string(),
        }
    }
}

/// Cosine of two L2-normalised sparse vectors sorted by word.
fn cosine(a: &Feature, b: &Feature) -> f64 {
    let (aw, bw) = (a.context_words(), b.context_words());
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < aw.len() && j < bw.len() {
        match aw[i].cmp(&bw[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += f64::from(a.weights[i]) * f64::from(b.weights[j]);
                i += 1;
                j += 1;
            }
        }
    }
    dot
}
