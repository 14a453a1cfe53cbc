//! Each row of the hedge table, read from a real sentence of the example
//! corpus by the full extractor stack (all kinds, with their precedence).

use chrono::NaiveDate;
use crosscheck::clean::example_document;
use crosscheck::extract::extract;
use crosscheck::fact::{Fact, Kind};
use crosscheck::rules::Rules;

/// The facts of `sentence`, published on 2025-08-16 like the corpus.
fn facts(sentence: &str) -> Vec<Fact> {
    let rules = Rules::embedded().unwrap();
    let doc = example_document(sentence, NaiveDate::from_ymd_opt(2025, 8, 16), &rules);
    extract(&doc, &rules)
}

/// The one fact of `kind` with exactly `text`, read exactly as `value`.
fn reads(sentence: &str, kind: Kind, text: &str, value: &str) -> Fact {
    let all = facts(sentence);
    let f = all
        .iter()
        .find(|f| f.kind == kind && f.text == text)
        .unwrap_or_else(|| {
            let got: Vec<_> = all.iter().map(|f| (f.kind, &*f.text)).collect();
            panic!("no {kind} fact {text:?} in {sentence:?}; got {got:?}")
        });
    assert_eq!(f.value.describe(), value, "{text}");
    f.clone()
}

#[test]
fn bare_round_number_is_plus_or_minus_half_a_step() {
    // reuters-condensed
    reads(
        "despite both leaders describing their three-hour talks in Alaska as “productive.”",
        Kind::Duration,
        "three-hour",
        "[2.5, 3.5] h",
    );
}

#[test]
fn nearly_is_just_short() {
    // reuters
    let f = reads(
        "During a brief appearance before the media following the nearly three-hour talks, the two leaders said they had made progress on unspecified issues.",
        Kind::Duration,
        "nearly three-hour",
        "[2.4, 3) h",
    );
    assert_eq!(f.hedge.map(|h| h.as_str()), Some("nearly"));
    assert_eq!(f.subject, "meeting");
}

#[test]
fn less_than_is_anything_below() {
    // aljazeera
    reads(
        "Taking to a stage to deliver remarks after they spoke behind closed doors for less than three hours, the two leaders said they had made progress on unspecified issues.",
        Kind::Duration,
        "less than three hours",
        "[0, 3) h",
    );
}

#[test]
fn roughly_is_either_side() {
    // wsj
    reads(
        "Putin spoke for roughly eight minutes.",
        Kind::Duration,
        "roughly eight minutes",
        "[6.8, 9.2] min",
    );
}

#[test]
fn over_ends_at_the_next_stated_value_and_well_over_starts_higher() {
    // wsj, reuters
    reads(
        "At the end of the over three-hour meeting, the two men offered few details about their talks.",
        Kind::Duration,
        "over three-hour",
        "(3, 4] h",
    );
    let f = reads(
        "But thousands of civilians have died in the conflict, the vast majority Ukrainian, and the war has killed or injured well over a million people from both sides.",
        Kind::Count,
        "well over a million people",
        "(1100000, 2000000] people",
    );
    assert_eq!(f.subject, "casualties");
}

#[test]
fn the_past_six_years_is_a_window_not_a_hedge() {
    // Trade summit: "the first … in the past six years" is a since-window
    // of six years, not over six; "for past 40 years" is a hedge.
    reads(
        "According to information provided by CNN, this was the first in-person meeting between the two leaders in the past six years, and they exchanged positive remarks.",
        Kind::Since,
        "first in-person meeting between the two leaders in the past six years",
        "2018-08-17 to 2019-08-16",
    );
    reads(
        "He has lived in the city for past 40 years.",
        Kind::Duration,
        "past 40 years",
        "(40, 50] years",
    );
}

#[test]
fn at_least_and_within() {
    // uk-daily, reuters
    reads(
        "The Russian president claims at least five provinces, Crimea, Zaporizhzhia, Lukhansk, Donetsk and Kherson, as sovereign Russian territory.",
        Kind::Count,
        "at least five provinces",
        "[5, ∞] provinces",
    );
    reads(
        "Trump, who once said he would end Russia's war in Ukraine within 24 hours, conceded on Thursday it had proven a tougher task than he had expected.",
        Kind::Duration,
        "within 24 hours",
        "[0, 24] h",
    );
}

#[test]
fn ranges_and_planned_figures() {
    let f = reads(
        "Officials expected the meeting to last three to four hours.",
        Kind::Duration,
        "three to four hours",
        "[3, 4] h",
    );
    assert_eq!(f.modality.as_str(), "expected");
    // uk-daily: a prospect, never compared with the actual length.
    let f = reads(
        "Mr Trump deployed his signature handshake, yanking Putin close to him on the red carpet, but both appeared relaxed at the prospect of seven hours of talks.",
        Kind::Duration,
        "seven hours",
        "[6.5, 7.5] h",
    );
    assert_eq!(f.modality.as_str(), "planned");
}

#[test]
fn ages_in_every_form() {
    // reuters, wsj, reuters-condensed
    reads(
        "Trump hopes a truce in the 3-1/2-year-old war that Putin started will bring peace to the region.",
        Kind::Age,
        "3-1/2-year-old war",
        "[3.25, 3.75] years",
    );
    reads(
        "repeating that Moscow wanted the root causes of the 3½ year conflict addressed",
        Kind::Age,
        "3½ year conflict",
        "[3.25, 3.75] years",
    );
    reads(
        "For Trump, a truce in the war, now in its fourth year, could bolster his image as a global peacemaker.",
        Kind::Age,
        "in its fourth year",
        "[3, 4) years",
    );
}

#[test]
fn first_in_n_years_and_first_since_a_year() {
    // uk-daily, wsj, reuters
    reads(
        "It was his first meeting with Mr Trump in seven years.",
        Kind::Since,
        "first meeting with Mr Trump in seven years",
        "2017-08-17 to 2018-08-16",
    );
    reads(
        "Trump and Putin conferred in a room at an Air Force base in Anchorage, Alaska in their first meeting since 2019.",
        Kind::Since,
        "first meeting since 2019",
        "2019",
    );
    // "in six years" is a time-since window, not also a six-year duration.
    let all = facts(
        "calling his first face-to-face meeting with Putin in six years a 'feel-out meeting.'",
    );
    assert_eq!(
        all.iter()
            .filter(|f| f.kind != Kind::Quote && f.kind != Kind::Name)
            .count(),
        1
    );
}

#[test]
fn eight_decades_is_eighty_years() {
    let a = reads(
        "securing a ceasefire in Europe’s deadliest conflict in eight decades",
        Kind::Since,
        "deadliest conflict in eight decades",
        "1944-08-17 to 1945-08-16",
    );
    let b = facts("the deadliest conflict in Europe in 80 years - or toward a subsequent meeting");
    let b = b.iter().find(|f| f.kind == Kind::Since).unwrap();
    assert_eq!(a.value, b.value);
}

#[test]
fn dates_resolve_against_publication() {
    reads(
        "An eagerly awaited meeting between US President Donald Trump and Russian President Vladimir Putin concluded on Friday without any agreement.",
        Kind::Date,
        "Friday",
        "2025-08-15",
    );
    reads(
        "It marked President Putin's first time stepping on Western soil since he ordered the full-scale invasion of Ukraine in February 2022.",
        Kind::Date,
        "February 2022",
        "2022-02",
    );
}

#[test]
fn model_names_and_references_back_are_not_counts() {
    let all = facts("a nuclear-capable B-2 bomber and four F-35 jet fighters roared overhead.");
    let counts: Vec<_> = all.iter().filter(|f| f.kind == Kind::Count).collect();
    assert_eq!(counts.len(), 1);
    assert_eq!(counts[0].text, "four F-35 jet fighters");
    let all = facts("the two leaders said they had made progress on unspecified issues.");
    assert!(all.iter().all(|f| f.kind != Kind::Count));
}

#[test]
fn a_definite_count_above_three_is_a_claim() {
    // Museum heist: "the eight items", "the four slick crooks" state counts
    // of their own; "the two leaders" (trade summit) only refers back.
    reads(
        "The eight items of stolen jewellery included a tiara and earrings from the set of Queen Marie-Amélie and Queen Hortense, of the early 19th century.",
        Kind::Count,
        "eight items",
        "8 items",
    );
    reads(
        "Paris Public Prosecutor Laure Beccuau told a French radio station Tuesday that about 100 investigators are hunting for the four slick crooks who broke into the world-famous Paris museum.",
        Kind::Count,
        "four slick crooks",
        "4 crooks",
    );
    let all = facts(
        "This was the first in-person meeting between the two leaders, and they exchanged positive remarks.",
    );
    assert!(all.iter().all(|f| f.kind != Kind::Count), "{all:?}");
}
