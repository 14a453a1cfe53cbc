//! People: names, their spellings across outlets, participant lists and
//! lists checked against their own counts, on the alaska-summit corpus and
//! on sentences taken from it.

mod common;

use crosscheck::clean::{Document, clean};
use crosscheck::compare::{Comparison, Verdict};
use crosscheck::extract::list::count_agrees;
use crosscheck::fact::{Fact, Kind, Value};
use crosscheck::ingest::Source;
use crosscheck::normalise::names::{key, same_person};
use crosscheck::rules::Rules;
use crosscheck::{Config, Report};
use std::path::PathBuf;

const CORPUS: &str = "tests/fixtures/alaska-summit";

fn corpus() -> Report {
    crosscheck::run(&Config {
        paths: vec![PathBuf::from(CORPUS)],
        ..Config::default()
    })
    .expect("corpus loads")
}

fn doc(id: &str, text: &str, rules: &Rules) -> Document {
    clean(
        Source {
            id: id.into(),
            outlet: None,
            published: None,
            url: None,
            path: PathBuf::from(id),
            text: text.into(),
            body_start: 0,
            origin: None,
        },
        rules,
    )
}

fn analyse(docs: &[(&str, &str)]) -> Report {
    let rules = Rules::embedded().expect("rules load");
    let docs: Vec<Document> = docs.iter().map(|(id, t)| doc(id, t, &rules)).collect();
    crosscheck::analyse(&docs, &rules)
}

fn surface(f: &Fact) -> &str {
    match &f.value {
        Value::Name { surface, .. } => surface,
        _ => "",
    }
}

/// The name comparison holding a fact spelled `spelling` in `source`.
fn name_comparison<'a>(r: &'a Report, source: &str, spelling: &str) -> &'a Comparison {
    let f = r
        .facts
        .iter()
        .find(|f| f.kind == Kind::Name && &*f.source == source && surface(f) == spelling)
        .unwrap_or_else(|| panic!("{source} names {spelling}"));
    r.comparisons
        .iter()
        .find(|c| c.facts.contains(&f.id))
        .expect("every fact is compared")
}

fn sources(r: &Report, c: &Comparison) -> Vec<String> {
    let mut s: Vec<String> = c
        .facts
        .iter()
        .filter_map(|id| r.fact(id))
        .map(|f| f.source.to_string())
        .collect();
    s.sort();
    s.dedup();
    s
}

#[test]
fn rule_examples_pass() {
    let rules = Rules::embedded().expect("rules load");
    let failures: Vec<String> = rules
        .check()
        .into_iter()
        .filter(|l| l.starts_with("names.toml") || l.starts_with("lists.toml"))
        .collect();
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn variant_spellings_are_one_person() {
    assert_eq!(key("Zelenskiy"), key("Zelenskyy"));
    assert_eq!(key("Zelenskyy"), key("Zelensky"));
    assert_eq!(key("Lipavsky"), key("Lipavský"));
    let why = same_person("Yury Ushakov", "Yuri Ushakov").expect("one person");
    assert!(why.contains("Yury/Yuri differ by transliteration"), "{why}");
    let why = same_person("Jan Lipavsky", "Jan Lipavský").expect("one person");
    assert!(why.contains("diacritics"), "{why}");
    assert!(same_person("Putin", "Vladimir Putin").is_some());
}

#[test]
fn corpus_spelling_variants_merge_with_verdict_variant() {
    let r = corpus();
    let zelensky = name_comparison(&r, "reuters", "Zelenskiy");
    assert_eq!(zelensky.verdict, Verdict::Variant, "{}", zelensky.detail);
    assert_eq!(
        sources(&r, zelensky),
        [
            "aljazeera",
            "reuters",
            "reuters-condensed",
            "uk-daily",
            "wsj"
        ]
    );
    assert!(
        zelensky.detail.contains("Zelenskyy (aljazeera)"),
        "{}",
        zelensky.detail
    );

    let ushakov = name_comparison(&r, "wsj", "Yuri Ushakov");
    assert_eq!(ushakov.verdict, Verdict::Variant);
    assert_eq!(
        sources(&r, ushakov),
        ["reuters", "reuters-condensed", "wsj"]
    );
    assert!(ushakov.detail.contains("first names"), "{}", ushakov.detail);

    let lipavsky = name_comparison(&r, "reuters-condensed", "Jan Lipavský");
    assert_eq!(lipavsky.verdict, Verdict::Variant);
    assert_eq!(sources(&r, lipavsky), ["reuters", "reuters-condensed"]);
}

#[test]
fn short_forms_join_the_full_name_and_alike_spellings_agree() {
    let r = corpus();
    let putin = name_comparison(&r, "reuters", "Putin");
    assert_eq!(
        putin.key,
        name_comparison(&r, "uk-daily", "Vladimir Putin").key
    );
    assert_eq!(putin.verdict, Verdict::Agree, "{}", putin.detail);
    assert!(putin.detail.contains("short form"), "{}", putin.detail);
    let rubio = name_comparison(&r, "wsj", "Marco Rubio");
    assert_eq!(rubio.verdict, Verdict::Agree);
}

#[test]
fn names_are_never_conflicts() {
    let r = corpus();
    assert!(
        r.comparisons
            .iter()
            .all(|c| c.kind != Kind::Name || c.verdict != Verdict::Conflict)
    );
}

#[test]
fn places_organisations_and_days_are_not_people() {
    let r = corpus();
    let names: Vec<&str> = r
        .facts
        .iter()
        .filter(|f| f.kind == Kind::Name)
        .map(surface)
        .collect();
    for not_a_person in [
        "Anchorage",
        "Alaska",
        "Friday",
        "Air Force One",
        "Joint Base Elmendorf-Richardson",
        "White House",
        "International Criminal Court",
        "Moscow",
        "Kyiv",
        "NATO",
        "Kremlin",
        "Oval Office",
        "During",
        "Speaking",
    ] {
        assert!(
            !names.contains(&not_a_person),
            "{not_a_person} read as a person"
        );
    }
}

#[test]
fn people_sharing_a_surname_stay_apart() {
    // From the Hindustan Times piece appended to the WSJ copy.
    let r = analyse(&[
        (
            "ht",
            "US President Donald Trump and Russian counterpart Vladimir Putin held a high-stakes meeting in Alaska. \
             Ahead of the meeting, First Lady Melania Trump wrote a letter for Putin, which Trump hand-delivered.",
        ),
        (
            "other",
            "Trump met Putin in Anchorage. Donald Trump said the talks were productive.",
        ),
    ]);
    let melania = name_comparison(&r, "ht", "Melania Trump");
    let donald = name_comparison(&r, "ht", "Donald Trump");
    assert_ne!(melania.key, donald.key);
    assert_eq!(melania.verdict, Verdict::SingleSource);
    // The bare "Trump" of both outlets is Donald Trump, the person the
    // article introduced first.
    assert_eq!(name_comparison(&r, "ht", "Trump").key, donald.key);
    assert_eq!(name_comparison(&r, "other", "Trump").key, donald.key);
    assert_eq!(donald.verdict, Verdict::Agree);

    let r = analyse(&[
        (
            "a",
            "Chinese President Xi Jinping arrived in Moscow. Xi's wife, Peng Liyuan, joined him.",
        ),
        ("b", "Xi Jinping said the talks were frank."),
    ]);
    let xi = name_comparison(&r, "a", "Xi Jinping");
    assert_eq!(xi.key, name_comparison(&r, "a", "Xi").key);
    assert_eq!(xi.key, name_comparison(&r, "b", "Xi Jinping").key);
    let peng = name_comparison(&r, "a", "Peng Liyuan");
    assert_ne!(xi.key, peng.key);
}

#[test]
fn the_lead_called_by_a_given_name_is_the_lead() {
    // Plane crash: a profile names its subject in the headline, then by
    // the given name alone; the age is his.
    let r = analyse(&[(
        "sp",
        "That\u{2019}s what makes the story of Vishwashkumar Ramesh so remarkable.\n\
         The odds of surviving a plane crash \u{2013} Meet Vishwashkumar Ramesh\n\
         Vishwashkumar, a 40\u{2011}year\u{2011}old British citizen based in London for the past 20 years, was on board.\n\
         Vishwashkumar\u{2019}s wife and child are waiting back in London.",
    )]);
    let full = name_comparison(&r, "sp", "Vishwashkumar Ramesh");
    assert_eq!(full.key, name_comparison(&r, "sp", "Vishwashkumar").key);
    // "Meet" opens a headline; it is no part of the name.
    assert!(!r.facts.iter().any(|f| surface(f).starts_with("Meet")));
    let age = r
        .facts
        .iter()
        .find(|f| f.kind == Kind::Age)
        .expect("the age is read");
    assert!(
        age.subject.as_str().starts_with("person:ramesh"),
        "{}",
        age.subject
    );
    // Someone else called by a given name is not the lead, even when the
    // story names a third person with that given name.
    let r = analyse(&[(
        "mc",
        "Vishwash Kumar Ramesh said he had travelled to India with his brother Ajay to visit family. \
         His cousin, Ajay Valgi, told CNN in Leicester that the family was relieved.",
    )]);
    let ajay = name_comparison(&r, "mc", "Ajay");
    assert_ne!(
        ajay.key,
        name_comparison(&r, "mc", "Vishwash Kumar Ramesh").key
    );
    assert_ne!(ajay.key, name_comparison(&r, "mc", "Ajay Valgi").key);
}

#[test]
fn a_middle_name_is_a_fuller_form_of_one_person() {
    // Plane crash: the survivor's brother, with and without his middle name.
    let r = analyse(&[
        (
            "et",
            "His brother Ajay Ramesh was seated elsewhere on the plane, the family said.",
        ),
        (
            "sp",
            "Ramesh was travelling with his brother, Ajay Kumar Ramesh, who is missing.",
        ),
    ]);
    let short = name_comparison(&r, "et", "Ajay Ramesh");
    assert_eq!(
        short.key,
        name_comparison(&r, "sp", "Ajay Kumar Ramesh").key
    );
    assert_eq!(short.verdict, Verdict::Agree, "{}", short.detail);
    // Papal election: the cardinal's full name and the short one.
    let r = analyse(&[
        (
            "a",
            "Pope Francis (Jorge Mario Bergoglio) was elected in 2013 on the fifth ballot.",
        ),
        (
            "b",
            "Cardinal Jorge Bergoglio of Buenos Aires was elected in 2013.",
        ),
    ]);
    let full = name_comparison(&r, "a", "Jorge Mario Bergoglio");
    assert_eq!(full.key, name_comparison(&r, "b", "Jorge Bergoglio").key);
    assert_eq!(full.verdict, Verdict::Agree);
    // Two fuller forms of one short name: either may be meant.
    let r = analyse(&[
        (
            "a",
            "Officers named the suspects as Ali Khan Yousaf and Ali Reza Yousaf.",
        ),
        ("b", "Police said Ali Yousaf was detained on Monday."),
    ]);
    let short = name_comparison(&r, "b", "Ali Yousaf");
    assert_ne!(short.key, name_comparison(&r, "a", "Ali Khan Yousaf").key);
    assert_ne!(short.key, name_comparison(&r, "a", "Ali Reza Yousaf").key);
}

fn list_members(f: &Fact) -> Vec<(&str, Option<&str>)> {
    match &f.value {
        Value::List { members, .. } => members
            .iter()
            .map(|m| (m.name.as_str(), m.side.as_deref()))
            .collect(),
        _ => Vec::new(),
    }
}

fn participant_list<'a>(r: &'a Report, source: &str) -> &'a Fact {
    r.facts
        .iter()
        .find(|f| f.kind == Kind::List && &*f.source == source && f.subject == "participants")
        .unwrap_or_else(|| panic!("{source} has a participant list"))
}

#[test]
fn every_list_sentence_of_the_corpus_parses() {
    let r = corpus();
    assert_eq!(
        list_members(participant_list(&r, "reuters")),
        [
            ("Marco Rubio", Some("us")),
            ("Steve Witkoff", None),
            ("Yury Ushakov", Some("russia")),
            ("Sergei Lavrov", None)
        ]
    );
    assert_eq!(
        list_members(participant_list(&r, "wsj")),
        [
            ("Trump", Some("us")),
            ("Marco Rubio", Some("us")),
            ("Steve Witkoff", Some("us")),
            ("Putin", None),
            ("Yuri Ushakov", None),
            ("Sergei Lavrov", None)
        ]
    );
    assert_eq!(
        list_members(participant_list(&r, "reuters-condensed")),
        [
            ("Marco Rubio", Some("us")),
            ("Steve Witkoff", Some("us")),
            ("Yury Ushakov", Some("russia")),
            ("Sergei Lavrov", Some("russia"))
        ]
    );
    assert_eq!(
        list_members(participant_list(&r, "uk-daily")),
        [
            ("Trump", None),
            ("Marco Rubio", None),
            ("Steve Witkoff", None)
        ]
    );
    let provinces = r
        .facts
        .iter()
        .find(|f| f.kind == Kind::List && &*f.source == "uk-daily" && f.subject == "provinces")
        .expect("the counted list of provinces");
    assert_eq!(
        provinces.text,
        "at least five provinces, Crimea, Zaporizhzhia, Lukhansk, Donetsk and Kherson"
    );
    // Al Jazeera names no one at the table.
    assert!(
        !r.facts
            .iter()
            .any(|f| f.kind == Kind::List && &*f.source == "aljazeera")
    );
}

#[test]
fn participant_lists_compare_as_compatible() {
    let r = corpus();
    let c = r
        .comparisons
        .iter()
        .find(|c| c.kind == Kind::List && c.subject == "participants")
        .expect("one participants comparison");
    assert_eq!(c.verdict, Verdict::Compatible, "{}", c.detail);
    assert_eq!(
        sources(&r, c),
        ["reuters", "reuters-condensed", "uk-daily", "wsj"]
    );
    assert!(
        c.detail
            .contains("Steve Witkoff (reuters-condensed, reuters, uk-daily, wsj)")
    );
}

#[test]
fn a_person_put_in_the_other_delegation_is_a_conflict() {
    let r = analyse(&[
        (
            "one",
            "The US delegation included Secretary of State Marco Rubio and special envoy Steve Witkoff.",
        ),
        (
            "two",
            "The Russian delegation included Foreign Minister Sergei Lavrov and special envoy Steve Witkoff.",
        ),
    ]);
    let c = r
        .comparisons
        .iter()
        .find(|c| c.kind == Kind::List)
        .expect("a list comparison");
    assert_eq!(c.verdict, Verdict::Conflict, "{}", c.detail);
    assert!(c.detail.contains("Steve Witkoff placed on"), "{}", c.detail);
}

#[test]
fn counted_list_agrees_with_its_items() {
    let r = corpus();
    let c = r
        .comparisons
        .iter()
        .find(|c| c.key == "list/count-provinces")
        .expect("the provinces are checked");
    assert_eq!(c.verdict, Verdict::Agree, "{}", c.detail);
    assert!(c.detail.contains("5 listed"), "{}", c.detail);
}

#[test]
fn counted_list_that_misses_its_count_is_a_conflict_in_one_source() {
    // The UK daily's sentence with the count changed.
    let r = analyse(&[(
        "uk-daily",
        "The Russian president claims four provinces, Crimea, Zaporizhzhia, Lukhansk, Donetsk and Kherson, as sovereign Russian territory.",
    )]);
    let c = r
        .comparisons
        .iter()
        .find(|c| c.key == "list/count-provinces")
        .expect("the provinces are checked");
    assert_eq!(c.verdict, Verdict::Conflict, "{}", c.detail);
    assert!(c.detail.contains("contradicts itself"), "{}", c.detail);
}

#[test]
fn count_rules_both_ways() {
    assert_eq!(count_agrees(5, 5, None), Some(true));
    assert_eq!(count_agrees(4, 5, None), Some(false));
    assert_eq!(count_agrees(5, 5, Some("at least")), Some(true));
    assert_eq!(count_agrees(5, 3, Some("at least")), Some(false));
    assert_eq!(count_agrees(5, 2, Some("including")), Some(true));
    assert_eq!(count_agrees(5, 6, Some("including")), Some(false));
    assert_eq!(count_agrees(10, 3, Some("about")), None);
}

#[test]
fn gold_names_and_lists_are_found_and_judged() {
    let r = corpus();
    let gold = common::load_gold(std::path::Path::new(CORPUS));
    let s = common::score(&r, &gold, &["name", "list"]);
    assert_eq!((s.found, s.total), (14, 14), "missed: {:?}", s.missed);
    // Names must be judged exactly (variant); no gold fact may be split.
    assert!(s.verdicts_wrong.is_empty(), "{:?}", s.verdicts_wrong);
    assert!(s.false_conflicts.is_empty(), "{:?}", s.false_conflicts);
    assert!(s.impure.is_empty(), "{:?}", s.impure);
    // The four participant lists: one comparison, compatible (the UK daily
    // names only the American side).
    let lists: Vec<&Comparison> = r
        .comparisons
        .iter()
        .filter(|c| c.kind == Kind::List && c.facts.len() > 1)
        .collect();
    assert_eq!(lists.len(), 1, "{lists:?}");
    assert_eq!(lists[0].facts.len(), 4);
    assert_eq!(lists[0].verdict.as_str(), "compatible");
}

#[test]
#[ignore = "a given name used alone ('What Melania wrote to Putin') is not read as the person it short-forms"]
fn given_name_alone_joins_the_person() {
    let r = analyse(&[(
        "ht",
        "Ahead of the meeting, First Lady Melania Trump wrote a letter for Putin. What Melania wrote to Putin was read aloud.",
    )]);
    let melania = name_comparison(&r, "ht", "Melania Trump");
    assert_eq!(name_comparison(&r, "ht", "Melania").key, melania.key);
}

#[test]
#[ignore = "a sentence-initial word the rules do not know joins the name ('Yesterday Trump said')"]
fn sentence_initial_adverb_is_not_a_given_name() {
    let r = analyse(&[(
        "x",
        "President Donald Trump met Putin. Yesterday Trump said the talks went well.",
    )]);
    assert!(r.facts.iter().all(|f| surface(f) != "Yesterday Trump"));
}

#[test]
#[ignore = "all participant lists of the articles are taken to be one meeting's"]
fn lists_of_two_meetings_stay_apart() {
    let r = analyse(&[(
        "x",
        "The meeting also included Marco Rubio and Steve Witkoff. \
         A week later, the Washington talks included Keir Starmer and Emmanuel Macron.",
    )]);
    let lists = r
        .comparisons
        .iter()
        .filter(|c| c.kind == Kind::List)
        .count();
    assert_eq!(lists, 2);
}

#[test]
fn spellings_listed_in_the_rules_are_one_person() {
    let r = analyse(&[
        (
            "a",
            "Belarusian President Alexander Lukashenko met Putin in Minsk.",
        ),
        ("b", "Aleksandr Lukashenko said the talks were useful."),
    ]);
    let c = name_comparison(&r, "a", "Alexander Lukashenko");
    assert_eq!(c.key, name_comparison(&r, "b", "Aleksandr Lukashenko").key);
    assert_eq!(c.verdict, Verdict::Variant, "{}", c.detail);
}

fn name_facts_of(r: &Report, entity: crosscheck::fact::Entity) -> Vec<&Fact> {
    r.facts
        .iter()
        .filter(|f| matches!(&f.value, Value::Name { entity: e, .. } if *e == entity))
        .collect()
}

#[test]
fn a_misspelling_in_one_outlet_is_a_conflict_naming_the_majority_spelling() {
    // Trump–Xi summit in Busan: anews.az writes "Latnick" where the others
    // write "Lutnick".
    let r = analyse(&[
        (
            "arynews",
            "The US delegation included Commerce Secretary Howard Lutnick.",
        ),
        (
            "plataforma",
            "Commerce Secretary Howard Lutnick joined the talks.",
        ),
        (
            "anews",
            "Commerce Secretary Howard Latnick was also present.",
        ),
    ]);
    let c = name_comparison(&r, "anews", "Howard Latnick");
    assert_eq!(c.verdict, Verdict::Conflict, "{}", c.detail);
    assert!(
        c.detail.contains("majority spelling is Howard Lutnick"),
        "{}",
        c.detail
    );
    assert_eq!(sources(&r, c), ["anews", "arynews", "plataforma"]);
}

#[test]
fn a_misspelt_given_name_is_a_conflict_too() {
    // Air India crash: "Viswash" for "Vishwash".
    let r = analyse(&[
        (
            "moneycontrol",
            "The survivor, Vishwash Kumar Ramesh, walked out of the wreckage.",
        ),
        (
            "economictimes",
            "The survivor, Viswash Kumar Ramesh, was in seat 11A.",
        ),
    ]);
    let c = name_comparison(&r, "economictimes", "Viswash Kumar Ramesh");
    assert_eq!(c.verdict, Verdict::Conflict, "{}", c.detail);
}

#[test]
fn one_outlet_naming_both_spellings_names_two_people() {
    let r = analyse(&[
        (
            "a",
            "Trade Representative Jamieson Greer and his aide Jamison Greer arrived.",
        ),
        ("b", "Trade Representative Jamieson Greer spoke first."),
    ]);
    let c = name_comparison(&r, "a", "Jamison Greer");
    assert_eq!(c.verdict, Verdict::SingleSource, "{}", c.detail);
}

#[test]
fn transliteration_and_diacritics_are_never_a_conflict() {
    // Louvre heist: "Eugénie" / "Eugenie"; a Kyiv story: Zelenskiy / Zelensky.
    let r = analyse(&[
        (
            "holotruth",
            "Thieves dropped the crown of Empress Eugénie. Volodymyr Zelenskiy said nothing.",
        ),
        (
            "bbc",
            "A crown belonging to Empress Eugenie was recovered. Volodymyr Zelensky said nothing.",
        ),
    ]);
    for (src, spelling) in [("holotruth", "Eugénie"), ("bbc", "Volodymyr Zelensky")] {
        let c = name_comparison(&r, src, spelling);
        assert_eq!(c.verdict, Verdict::Variant, "{}", c.detail);
    }
}

#[test]
fn places_are_names_of_kind_place_compared_for_spelling() {
    use crosscheck::fact::Entity;
    // Kamchatka earthquake: one outlet's "-Kamchatski".
    let r = analyse(&[
        (
            "hamariweb",
            "The epicenter was 119-136 km east-southeast of Petropavlovsk-Kamchatsky.",
        ),
        (
            "informedclearly",
            "Power went out in the regional capital of Petropavlovsk-Kamchatski.",
        ),
    ]);
    let places = name_facts_of(&r, Entity::Place);
    assert_eq!(places.len(), 2);
    assert!(name_facts_of(&r, Entity::Person).is_empty());
    let c = name_comparison(&r, "informedclearly", "Petropavlovsk-Kamchatski");
    assert_eq!(c.verdict, Verdict::Variant, "{}", c.detail);
    assert_eq!(sources(&r, c), ["hamariweb", "informedclearly"]);
}

#[test]
fn a_place_is_never_merged_into_a_longer_place_nor_read_as_a_person() {
    use crosscheck::fact::Entity;
    // A hurricane story.
    let r = analyse(&[
        (
            "a",
            "Jamaica is bracing for the storm. Thousands fled in Santiago de Cuba as the Dominican Republic declared an alert.",
        ),
        (
            "b",
            "Officials in Cuba ordered evacuations. Emergency Declared",
        ),
    ]);
    assert!(
        name_facts_of(&r, Entity::Person).is_empty(),
        "{:?}",
        r.facts
    );
    let santiago = name_comparison(&r, "a", "Santiago de Cuba");
    let cuba = name_comparison(&r, "b", "Cuba");
    assert_ne!(santiago.key, cuba.key);
}

#[test]
fn an_abbreviation_is_not_a_place_of_its_own() {
    use crosscheck::fact::Entity;
    // pope-leo-xiv-election-2025, and a volcano story.
    let r = analyse(&[
        (
            "a",
            "Thousands gathered in St. Peter's Square, awaiting the outcome.",
        ),
        (
            "b",
            "Ash rose from Mt. Etna as the eruption began in Sicily.",
        ),
    ]);
    let places: Vec<&str> = name_facts_of(&r, Entity::Place)
        .into_iter()
        .map(surface)
        .collect();
    assert!(!places.iter().any(|p| p.len() <= 2), "{places:?}");
}
