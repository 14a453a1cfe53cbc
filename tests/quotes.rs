//! Direct quotes: the typographic cases of real news text, speakers through
//! pronouns and titles, the word diff, and the example corpus scored against
//! its hand annotation (`gold.toml`, the `quote` facts, scored by
//! `tests/common` the way `shared/eval/score.py` does).

mod common;

use common::{CORPUS, corpus_report, load_gold, score};
use crosscheck::clean::example_document;
use crosscheck::compare::Verdict;
use crosscheck::compare::quotes::word_diff;
use crosscheck::extract::extract_kind;
use crosscheck::fact::{Kind, Value};
use crosscheck::normalise::names;
use crosscheck::rules::Rules;
use std::path::Path;
use std::sync::OnceLock;

/// (words, speaker key, speech) of every quote in `text`.
fn quotes(text: &str) -> Vec<(String, Option<String>, bool)> {
    static RULES: OnceLock<Rules> = OnceLock::new();
    let rules = RULES.get_or_init(|| Rules::embedded().expect("embedded rules load"));
    let doc = example_document(text, None, rules);
    extract_kind(Kind::Quote, &doc, rules)
        .into_iter()
        .map(|f| match f.value {
            Value::Quote { words, speech, .. } => {
                (words.to_string(), f.speaker.map(|w| w.to_string()), speech)
            }
            _ => unreachable!("quote extractor made a {:?}", f.kind),
        })
        .collect()
}

fn said(words: &str, name: &str) -> (String, Option<String>, bool) {
    (words.to_string(), Some(names::key(name)), true)
}

#[test]
fn curly_double_quotes_with_attribution_after() {
    // uk-daily
    assert_eq!(
        quotes(
            "As he headed to the summit aboard Air Force One, Mr Trump had said he wanted the meeting to lead to a ceasefire in Ukraine. “I want to see a ceasefire rapidly… I’m not going to be happy if it’s not today,” he said. “I want the killing to stop.”"
        ),
        vec![
            said("I want to see a ceasefire rapidly", "Trump"),
            said("I’m not going to be happy if it’s not today,", "Trump"),
            said("I want the killing to stop.", "Trump"),
        ]
    );
}

#[test]
fn straight_double_quotes_and_a_backdrop_that_is_not_speech() {
    // reuters
    let got = quotes(
        r#""There were many, many points that we agreed on. I would say a couple of big ones that we haven't quite got there, but we've made some headway," Trump said, standing in front of a backdrop that read, "Pursuing Peace.""#,
    );
    assert_eq!(
        got,
        vec![
            said(
                "There were many, many points that we agreed on. I would say a couple of big ones that we haven't quite got there, but we've made some headway,",
                "Trump"
            ),
            ("Pursuing Peace.".to_string(), None, false),
        ]
    );
}

#[test]
fn single_quote_house_style_keeps_apostrophes_inside() {
    // aljazeera: the apostrophe and the closing quote are one character.
    let got = quotes(
        "'There were many, many points that we agreed on. Most of them, I would say. A couple of big ones that we haven't quite got there, but we've made some headway,' Trump said.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].0.ends_with("we've made some headway,"), "{got:?}");
    assert_eq!(got[0].1, Some(names::key("Trump")));
    // wsj
    assert_eq!(
        quotes(
            "'There's no deal until there is a deal,' Trump told reporters at a news conference following the close of the summit."
        ),
        vec![said("There's no deal until there is a deal,", "Trump")]
    );
}

#[test]
fn a_quote_split_by_its_attribution_keeps_its_speaker() {
    // uk-daily
    assert_eq!(
        quotes(
            "Earlier in the week, Mr Trump had told reporters aboard Air Force One that: “I’m not here to negotiate for Ukraine,” Trump said. “I’m here to get them at a table.”"
        ),
        vec![
            said("I’m not here to negotiate for Ukraine,", "Trump"),
            said("I’m here to get them at a table.", "Trump"),
        ]
    );
}

#[test]
fn a_multi_sentence_quote_is_one_fact() {
    // reuters
    assert_eq!(
        quotes(
            r#"Ukraine's opposition lawmaker Oleksiy Honcharenko said on the Telegram messaging app, "It seems Putin has bought himself more time. No ceasefire or de-escalation has been agreed upon.""#
        ),
        vec![said(
            "It seems Putin has bought himself more time. No ceasefire or de-escalation has been agreed upon.",
            "Honcharenko"
        )]
    );
}

#[test]
fn partial_quotes_inside_reported_speech() {
    // reuters
    assert_eq!(
        quotes(
            r#"Putin said he expected Ukraine and its European allies to accept the results of the US-Russia negotiation constructively and not try to "disrupt the emerging progress.""#
        ),
        vec![said("disrupt the emerging progress.", "Putin")]
    );
    // reuters-condensed: two partial quotes, one speaker.
    assert_eq!(
        quotes(
            "Putin said he expected Kyiv and its European allies to respond “constructively” to the results of the US–Russia talks, which he hoped would become “a reference point” for resolving the conflict."
        ),
        vec![
            said("constructively", "Putin"),
            said("a reference point", "Putin")
        ]
    );
}

#[test]
fn he_is_the_person_the_article_was_talking_about() {
    // reuters: the previous sentence names Lipavsky, and Putin only inside
    // the quote.
    let got = quotes(
        r#"Czech Foreign Minister Jan Lipavsky said in a statement that he welcomed Trump's efforts but doubted Putin's interest in a deal. "If Putin were serious about negotiating peace, he would not have been attacking Ukraine all day today," he said."#,
    );
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].1, Some(names::key("Lipavsky")));
    // reuters-condensed: "He added" after a quote of Trump's, though the
    // sentence before that was about Zelenskiy.
    let got = quotes(
        "Zelenskiy and European allies had voiced concerns that Trump might accept a “frozen” conflict. Trump sought to allay those fears, saying: “I’m not here to negotiate for Ukraine, I’m here to get them to the table.” He added that a rapid ceasefire was his goal: “I want the killing to stop.”",
    );
    let speakers: Vec<Option<String>> = got.iter().skip(1).map(|q| q.1.clone()).collect();
    assert_eq!(speakers, vec![Some(names::key("Trump")); 2], "{got:?}");
}

#[test]
fn titles_resolve_to_the_person_named_with_them() {
    // wsj names Putin "Russian leader" in its first sentence.
    assert_eq!(
        quotes(
            "President Trump and Russian leader Vladimir Putin ended their highly anticipated meeting here without announcing a breakthrough. Trump said he would call Zelensky. 'Next time in Moscow,' the Russian leader said."
        ),
        vec![said("Next time in Moscow,", "Putin")]
    );
    // uk-daily never introduces the title: the person spoken of is meant.
    let got = quotes(
        "There was no sign of what the major sticking point could have been although Putin said that Mr Trump had insisted on highlighting the importance of Ukraine’s security. “ We’re convinced that in order to make the settlement lasting and long-term, we need to eliminate all the primary roots.” the Russian leader said.",
    );
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].1, Some(names::key("Putin")));
    // aljazeera: "the president" after a quote of Trump's that names
    // President Zelenskyy.
    let got = quotes(
        "'So there is no deal until there is a deal,' Trump said, adding that he will now call up NATO as well as President Zelenskyy and others to brief them on the meeting. 'It's ultimately up to them,' the president said.",
    );
    assert_eq!(got[1], said("It's ultimately up to them,", "Trump"));
}

#[test]
fn headings_in_capitals_and_words_mentioned_are_not_speech() {
    // reuters runs a section heading into the paragraph before it.
    assert_eq!(
        quotes("But thousands of civilians have died in the conflict. 'COUNTING ON AMERICA'"),
        vec![]
    );
    // uk-daily
    assert_eq!(
        quotes(
            "Neither Putin nor Trump used the word “ceasefire” in the short statements they made to the assembled media."
        ),
        vec![("ceasefire".to_string(), None, false)]
    );
}

#[test]
fn the_diff_shows_changed_words_in_each_outlets_own_words() {
    assert_eq!(
        word_diff(
            "I'm not here to negotiate for Ukraine, I'm here to get them at a table,",
            "I’m not here to negotiate for Ukraine, I’m here to get them to the table."
        ),
        "… get them ~~at a~~ **to the** table"
    );
    assert_eq!(
        word_diff(
            "There were many, many points that we agreed on. Most of them, I would say. A couple of big ones",
            "There were many, many points that we agreed on. I would say a couple of big ones"
        ),
        "… agreed on ~~Most of them~~ I would …"
    );
}

#[test]
fn a_speaker_named_with_a_role_before_or_after_the_verb() {
    assert_eq!(
        quotes(r#""We will not back down," said Ukrainian Foreign Minister Andrii Sybiha."#),
        vec![said("We will not back down,", "Sybiha")]
    );
    assert_eq!(
        quotes("'It was a good meeting,' Kremlin spokesman Dmitry Peskov told reporters."),
        vec![said("It was a good meeting,", "Peskov")]
    );
}

#[test]
fn stray_marks_and_long_runs_do_not_panic_or_stall() {
    for text in [
        "\"",
        "'",
        "“",
        "”",
        "‘’",
        "\"\"",
        "'' ''",
        "“ ”",
        "He said: “",
        "… \" ...",
        "“é…”",
        "'Ünïcödé,' she said.",
        "the leaders' aims",
    ] {
        quotes(text);
    }
    let long = "“We are counting on America,” he said. ".repeat(5_000);
    let got = quotes(&long);
    assert_eq!(got.len(), 5_000);
}

// ---------------------------------------------------------------- corpus

#[test]
fn corpus_quotes_are_found_aligned_and_judged_like_the_gold() {
    let report = corpus_report();
    let gold = load_gold(Path::new(CORPUS));
    let s = score(&report, &gold, &["quote"]);
    assert_eq!(s.total, 33, "gold quote values");
    // Acceptance: at least 30 of 33; today all are found.
    assert!(s.missed.is_empty(), "missed: {:#?}", s.missed);
    for key in [
        "quote-many-points",
        "quote-get-them-table",
        "quote-lipavsky",
        "quote-little-heat",
        "quote-see-it-happening",
    ] {
        assert!(s.conflicts_found.contains(key), "conflict {key} not found");
    }
    // quote-torpedo-progress (two translations) is the sixth: see the
    // ignored test below.
    assert_eq!(s.conflicts_total, 6);
    assert!(
        s.false_conflicts.is_empty(),
        "false conflicts: {:?}",
        s.false_conflicts
    );
    assert!(s.impure.is_empty(), "impure: {:?}", s.impure);
    // Nothing quoted in the aggregators' appended articles becomes a fact.
    assert!(s.leaks.is_empty(), "quotes from boilerplate: {:?}", s.leaks);
    assert!(
        s.verdicts_wrong.is_empty(),
        "verdicts: {:?}",
        s.verdicts_wrong
    );
}

#[test]
fn corpus_conflicts_show_the_changed_words() {
    let report = corpus_report();
    let detail = |needle: &str| -> String {
        report
            .comparisons
            .iter()
            .filter(|c| c.kind == Kind::Quote && c.verdict == Verdict::Conflict)
            .map(|c| c.detail.clone())
            .find(|d| d.contains(needle))
            .unwrap_or_else(|| panic!("no quote conflict mentions {needle:?}"))
    };
    assert!(detail("~~at a~~ **to the**").contains("reuters vs reuters-condensed"));
    assert!(detail("~~Putin~~ **he**").contains("~~negotiating~~"));
    assert!(detail("~~Most of them~~").contains("aljazeera vs reuters"));
    assert!(detail("~~get~~ **catch**").contains("a little heat"));
}

#[test]
fn the_backdrop_is_never_a_persons_words() {
    let report = corpus_report();
    for f in report
        .facts
        .iter()
        .filter(|f| f.text.contains("Pursuing Peace"))
    {
        assert!(f.speaker.is_none(), "{} {:?}", f.source, f.speaker);
        let c = report
            .comparisons
            .iter()
            .find(|c| c.facts.contains(&f.id))
            .unwrap();
        for id in &c.facts {
            let other = report.fact(id).unwrap();
            assert!(
                matches!(other.value, Value::Quote { speech: false, .. }),
                "{:?} compared with speech {:?}",
                f.text,
                other.text
            );
        }
    }
}

#[test]
#[ignore = "two translations of one Putin remark share only 'the progress': they do not align"]
fn translations_of_one_remark_conflict() {
    let report = corpus_report();
    let c = report
        .comparisons
        .iter()
        .find(|c| {
            c.facts.iter().any(|id| {
                report
                    .fact(id)
                    .is_some_and(|f| f.text.contains("torpedo the nascent progress"))
            })
        })
        .unwrap();
    assert_eq!(c.verdict, Verdict::Conflict);
}

/// The report of several one-paragraph articles.
fn analyse(docs: &[(&str, &str)]) -> crosscheck::Report {
    use crosscheck::ingest::Source;
    let rules = Rules::embedded().expect("rules load");
    let docs: Vec<_> = docs
        .iter()
        .map(|(id, text)| {
            crosscheck::clean::clean(
                Source {
                    id: (*id).into(),
                    outlet: None,
                    published: None,
                    url: None,
                    path: std::path::PathBuf::from(id),
                    text: (*text).into(),
                    body_start: 0,
                    origin: None,
                },
                &rules,
            )
        })
        .collect();
    crosscheck::analyse(&docs, &rules)
}

/// The quote comparisons holding facts of more than one source.
fn aligned(r: &crosscheck::Report) -> Vec<(Verdict, usize)> {
    r.comparisons
        .iter()
        .filter(|c| c.kind == Kind::Quote && c.facts.len() > 1)
        .map(|c| (c.verdict, c.facts.len()))
        .collect()
}

#[test]
fn speakers_of_a_hurricane_story() {
    assert_eq!(
        quotes(
            "Local Government Minister Desmond McKenzie toured the parish on Tuesday. \"We have confirmed three deaths,\" he said."
        ),
        vec![said("We have confirmed three deaths,", "McKenzie")]
    );
    assert_eq!(
        quotes(
            "Speaking at a press conference on Monday, Local Government Minister Desmond McKenzie, says \"the damage is extensive.\""
        ),
        vec![said("the damage is extensive.", "McKenzie")]
    );
    assert_eq!(
        quotes(
            "\"This storm will be catastrophic,\" warned AccuWeather's lead hurricane expert Alex DaSilva."
        ),
        vec![said("This storm will be catastrophic,", "DaSilva")]
    );
}

#[test]
fn the_subject_right_before_the_verb_speaks() {
    // Trump–Xi summit, anews.az.
    assert_eq!(
        quotes(
            "Trump said he anticipated “a very successful meeting,” while Xi noted that despite three phone calls, “major economies like ours are bound to experience friction.” Still, he stressed, “China and the U.S. should be friends and partners.”"
        ),
        vec![
            said("a very successful meeting,", "Trump"),
            said(
                "major economies like ours are bound to experience friction.",
                "Xi"
            ),
            said("China and the U.S. should be friends and partners.", "Xi"),
        ]
    );
}

#[test]
fn hyphenation_is_house_style_and_agrees() {
    // Trump–Xi summit: NewsNation and a wire copy.
    let r = analyse(&[
        (
            "crazysimon",
            "“We do not always see eye to eye with each other,” Xi said.",
        ),
        (
            "fwrdaxis",
            "“We do not always see eye-to-eye with each other,” Xi said.",
        ),
    ]);
    assert_eq!(aligned(&r), [(Verdict::Agree, 2)]);
}

#[test]
fn translations_that_swap_a_pronoun_or_leave_words_out_are_compatible() {
    // Louvre heist: AP and the New York Post render one French sentence.
    let r = analyse(&[
        (
            "downthenews",
            "“We can perhaps hope that they’ll think about this and won’t destroy these jewels without rhyme or reason,” prosecutor Laure Beccuau said.",
        ),
        (
            "buteausodyssey",
            "“So we can perhaps hope that they’ll think about it and won’t destroy these jewels without reason,” prosecutor Laure Beccuau said.",
        ),
    ]);
    assert_eq!(aligned(&r), [(Verdict::Compatible, 2)]);
}

#[test]
fn reordered_meaning_words_are_not_a_conflict() {
    // Trump–Xi summit: two translations of one remark.
    let r = analyse(&[
        (
            "openkg",
            "“History teaches us that China and the U.S. should be partners and friends,” Xi said.",
        ),
        (
            "anews",
            "Xi said: “China and the U.S. should be friends and partners — history has taught us this, and reality demands it.”",
        ),
    ]);
    assert_eq!(aligned(&r), [(Verdict::Compatible, 2)]);
}

#[test]
fn materially_different_wording_of_one_remark_is_a_conflict() {
    // Louvre heist: "wrongdoers … disassembling" vs "criminals … unscrewing".
    let r = analyse(&[
        (
            "downthenews",
            "“The wrongdoers who took these gems won’t earn 88 million euros if they had the very bad idea of disassembling these jewels,” prosecutor Laure Beccuau said.",
        ),
        (
            "buteausodyssey",
            "“The criminals won’t earn 88 million euros if they had the very bad idea of unscrewing these jewels,” prosecutor Laure Beccuau said.",
        ),
    ]);
    assert_eq!(aligned(&r), [(Verdict::Conflict, 2)]);
}

#[test]
fn a_partial_quote_with_a_word_put_inside_conflicts() {
    // Air India crash: the Economic Times and TDPel Media quote one doctor;
    // TDPel's "immediate" is not in the words the other outlet quotes.
    let r = analyse(&[
        (
            "economictimes",
            "In Ahmedabad, Dr. Dhaval Gameti, who treated Viswash, said the survivor was “disoriented, with multiple injuries all over his body, but he seems to be out of danger.”",
        ),
        (
            "tdpelmedia",
            "Dr. Dhaval Gameti, who is overseeing his care, confirmed that while Ramesh suffered multiple injuries, he’s “out of immediate danger” and showing signs of recovery.",
        ),
    ]);
    assert_eq!(aligned(&r), [(Verdict::Conflict, 2)]);
    let c = r
        .comparisons
        .iter()
        .find(|c| c.kind == Kind::Quote && c.facts.len() == 2)
        .unwrap();
    assert!(c.detail.contains("**immediate**") || c.detail.contains("~~immediate~~"));
}

#[test]
fn a_partial_quote_that_is_a_run_of_the_longer_one_stays_compatible() {
    // Alaska summit: the Daily Mail splits Trump's remark at its
    // attribution; its second half is a run of Reuters' quote with nothing
    // put inside it.
    let r = analyse(&[
        (
            "reuters",
            "\"I'm not here to negotiate for Ukraine, I'm here to get them at a table,\" he said.",
        ),
        (
            "uk-daily",
            "Earlier in the week, Mr Trump had told reporters aboard Air Force One that: “I’m not here to negotiate for Ukraine,” Trump said. “I’m here to get them at a table.”",
        ),
    ]);
    let got = aligned(&r);
    assert!(
        !got.is_empty() && got.iter().all(|(v, _)| *v == Verdict::Compatible),
        "{got:?}"
    );
}

#[test]
fn the_us_and_the_united_states_in_a_quote_are_one_wording() {
    // Trump–Xi summit: AFP and Plataforma render one sentence of Xi's; the
    // shared words include the country, written "US" by one and "United
    // States" by the other, and the rest is worded differently.
    let r = analyse(&[
        (
            "arynews",
            "“China and the US can jointly shoulder our responsibility as major countries and work together to accomplish more great and concrete things for the good of our two countries and the whole world,” Xi said.",
        ),
        (
            "plataforma",
            "Xi said: “China and the United States can together demonstrate the responsibility of major powers,”",
        ),
    ]);
    assert_eq!(aligned(&r), [(Verdict::Conflict, 2)]);
    // Alaska summit (Al Jazeera): "the United States" and "the US" agree.
    let r = analyse(&[
        (
            "aljazeera",
            "'This meeting elevates Russia in some ways to an equal status to the United States, which is what he has craved,' Stratford said.",
        ),
        (
            "copy",
            "“This meeting elevates Russia in some ways to an equal status to the US, which is what he has craved,” Stratford said.",
        ),
    ]);
    assert_eq!(aligned(&r), [(Verdict::Agree, 2)]);
}

#[test]
fn a_role_noun_after_the_quote_is_the_person_just_named() {
    // Louvre heist, New York Post copy: "the magistrate" is the prosecutor
    // named in the sentence before.
    assert_eq!(
        quotes(
            "Paris Public Prosecutor Laure Beccuau told a French radio station Tuesday that about 100 investigators are hunting for the four slick crooks who broke into the world-famous Paris museum. “This sum is indeed extremely spectacular, but we must remember that this damage is economic and that it is in no way comparable to the historical damage caused by this theft,” the magistrate told RTL radio."
        ),
        vec![said(
            "This sum is indeed extremely spectacular, but we must remember that this damage is economic and that it is in no way comparable to the historical damage caused by this theft,",
            "Beccuau"
        )]
    );
}

#[test]
fn an_editors_word_in_square_brackets_is_no_misquote() {
    // Louvre heist (AP): a copy that adds a word in square brackets, as
    // editors do, has not changed the prosecutor's words.
    let r = analyse(&[
        (
            "downthenews",
            "“The wrongdoers who took these gems won’t earn 88 million euros,” she said in an interview with broadcaster RTL.",
        ),
        (
            "copy",
            "“The wrongdoers who took these [crown] gems won’t earn 88 million euros,” she said in an interview with broadcaster RTL.",
        ),
    ]);
    assert_eq!(aligned(&r), [(Verdict::Compatible, 2)]);
}

#[test]
fn a_group_is_judged_by_its_own_quotes_only() {
    // US House vote: two AP copies quote Cole's first sentence alike (up to
    // the apostrophe); The Tatva runs it together with his next sentences,
    // which the first copy quotes apart, so it is cut there. The first
    // sentence of all three agrees, and the copy that quotes only it is not
    // made merely compatible by the longer quote it is part of.
    let r = analyse(&[
        (
            "jsjvideo",
            "\"We told you 43 days ago from bitter experience that government shutdowns don't work,\" said Rep. Tom Cole, the Republican chairman of the House Appropriations Committee. \"They never achieve the objective that you announce. And guess what? You haven't achieved that objective yet, and you're not going to.\"",
        ),
        (
            "thehitavada",
            "“We told you 43 days ago from bitter experience that government shutdowns don’t work,” said Rep. Tom Cole, the Republican chairman of the House Appropriations Committee.",
        ),
        (
            "thetatva",
            "“We told you 43 days ago, from bitter experience, that government shutdowns don't work. They never achieve the objective that you announce. And guess what? You haven't achieved that objective yet, and you're not going to,” Cole said.",
        ),
    ]);
    let first = r
        .comparisons
        .iter()
        .find(|c| {
            c.kind == Kind::Quote
                && c.facts.iter().all(|id| {
                    r.fact(id)
                        .is_some_and(|f| f.text.starts_with("We told you 43 days ago"))
                })
        })
        .expect("the first sentence of all three in one comparison");
    assert_eq!(first.facts.len(), 3);
    assert_eq!(first.verdict, Verdict::Agree);
}

#[test]
fn a_negation_put_inside_a_partial_quote_conflicts() {
    // Air India crash: the Economic Times sentence, against a constructed
    // partial quote of it with "not" put inside: a function word, but the
    // claim turns over.
    let r = analyse(&[
        (
            "economictimes",
            "In Ahmedabad, Dr. Dhaval Gameti, who treated Viswash, said the survivor was “disoriented, with multiple injuries all over his body, but he seems to be out of danger.”",
        ),
        (
            "variant",
            "Dr. Dhaval Gameti, who is overseeing his care, said “he seems not to be out of danger” yet.",
        ),
    ]);
    assert_eq!(aligned(&r), [(Verdict::Conflict, 2)]);
}

#[test]
fn a_negation_left_out_of_a_quote_conflicts() {
    // Alaska summit (Reuters), against a constructed rendering that drops
    // the first "not": words left out, but the claim turns over.
    let r = analyse(&[
        (
            "reuters",
            "Asked what would make the meeting a success, Trump told reporters: \"I want to see a ceasefire rapidly ... I'm not going to be happy if it's not today ... I want the killing to stop.\"",
        ),
        (
            "variant",
            "“I’m going to be happy if it’s not today,” Trump said.",
        ),
    ]);
    assert_eq!(aligned(&r), [(Verdict::Conflict, 2)]);
}

/// The report of articles written to a folder as `(file name, text)`.
fn report_of(articles: &[(&str, &str)]) -> crosscheck::Report {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in articles {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    crosscheck::run(&crosscheck::Config {
        paths: vec![dir.path().to_path_buf()],
        published: None,
        rules: None,
        skip_bad: false,
    })
    .unwrap()
}

/// The quote comparison holding a fact of `source`, as (verdict, speakers
/// of its facts).
fn quote_comparison_with(
    r: &crosscheck::Report,
    source: &str,
) -> Option<(Verdict, Vec<Option<String>>)> {
    r.comparisons
        .iter()
        .filter(|c| c.kind == Kind::Quote)
        .find(|c| {
            c.facts
                .iter()
                .any(|id| r.fact(id).is_some_and(|f| &*f.source == source))
        })
        .map(|c| {
            let speakers = c
                .facts
                .iter()
                .filter_map(|id| r.fact(id))
                .map(|f| f.speaker.map(|w| w.to_string()))
                .collect();
            (c.verdict, speakers)
        })
}

#[test]
fn a_remark_reworded_in_a_copy_stripped_of_punctuation_is_a_quote_in_conflict() {
    // us-shutdown: an AP copy, and a machine-reworded copy with every mark
    // of punctuation stripped.
    let r = report_of(&[
        (
            "wire.txt",
            "The House passed the bill on Wednesday. \"Let's open the government. Let's get back to the work of the American people,\" said House Majority Leader Steve Scalise.\n",
        ),
        (
            "reworded.txt",
            "The House passed the bill on Wednesday Let s open the regime Let s get back to the work of the American people mentioned House Majority Leader Steve Scalise\n",
        ),
    ]);
    let (verdict, speakers) =
        quote_comparison_with(&r, "reworded").expect("the passage is a quote");
    assert_eq!(verdict, Verdict::Conflict);
    assert_eq!(speakers, vec![Some("scalise".to_string()); 2]);
}

#[test]
fn a_remark_repeated_word_for_word_without_marks_agrees() {
    // air-india: the survivor's account, and a copy stripped of its marks.
    let r = report_of(&[
        (
            "wire.txt",
            "The survivor, Vishwash Kumar Ramesh, spoke from his hospital bed. \"Thirty seconds after takeoff, there was a loud noise, and then the crash. It all happened so fast,\" Ramesh said.\n",
        ),
        (
            "copy.txt",
            "The survivor Vishwash Kumar Ramesh spoke from his hospital bed Thirty seconds after takeoff there was a loud noise and then the crash It all happened so fast Ramesh said\n",
        ),
    ]);
    let (verdict, _) = quote_comparison_with(&r, "copy").expect("the passage is a quote");
    assert_eq!(verdict, Verdict::Agree);
}

#[test]
fn reported_speech_in_an_edited_article_is_not_a_quote() {
    // louvre: one outlet quotes the prosecutor, another reports her words
    // in its own, punctuated as edited text is.
    let r = report_of(&[
        (
            "quoted.txt",
            "\"The Louvre curator estimated the damages to be 88 million euros,\" Paris prosecutor Laure Beccuau said.\n",
        ),
        (
            "reported.txt",
            "Paris prosecutor Laure Beccuau said the Louvre curator estimated the damages to be 88 million euros, a figure that does not include the historical damage.\n",
        ),
    ]);
    assert!(quote_comparison_with(&r, "reported").is_none());
}

/// The words of every quote of `source` in `r`, in file order.
fn quote_words_of(r: &crosscheck::Report, source: &str) -> Vec<String> {
    r.facts
        .iter()
        .filter(|f| f.kind == Kind::Quote && &*f.source == source)
        .filter_map(|f| match &f.value {
            Value::Quote { words, .. } => Some(words.to_string()),
            _ => None,
        })
        .collect()
}

#[test]
fn a_quote_run_over_two_remarks_that_others_quote_apart_is_cut_in_two() {
    // louvre: one outlet runs the prosecutor's two remarks together.
    let r = report_of(&[
        (
            "apart.txt",
            "\"The Louvre curator estimated the damages to be 88 million euros,\" Paris prosecutor Laure Beccuau said. \"It is important to remember that this damage is an economic damage, but it is nothing compared to the historical damage caused by this theft,\" Beccuau said in an interview.\n",
        ),
        (
            "joined.txt",
            "\"The Louvre curator estimated the damages to be 88 million euros. It is important to remember that this damage is an economic damage, but it is nothing compared to the historical damage caused by this theft,\" Paris prosecutor Laure Beccuau said.\n",
        ),
    ]);
    assert_eq!(
        quote_words_of(&r, "joined"),
        vec![
            "The Louvre curator estimated the damages to be 88 million euros.",
            "It is important to remember that this damage is an economic damage, but it is nothing compared to the historical damage caused by this theft,",
        ]
    );
    let quotes: Vec<_> = r
        .comparisons
        .iter()
        .filter(|c| c.kind == Kind::Quote)
        .collect();
    assert_eq!(quotes.len(), 2);
    assert!(quotes.iter().all(|c| c.verdict == Verdict::Agree));
}

#[test]
fn a_quote_of_several_sentences_is_kept_whole_without_evidence() {
    // air-india: the survivor's two sentences, quoted whole by one outlet
    // and only in part by the other.
    let r = report_of(&[
        (
            "whole.txt",
            "\"Thirty seconds after takeoff, there was a loud noise, and then the crash. It all happened so fast,\" Ramesh said.\n",
        ),
        (
            "part.txt",
            "\"Thirty seconds after takeoff, there was a loud noise,\" Ramesh said from his hospital bed.\n",
        ),
    ]);
    assert_eq!(quote_words_of(&r, "whole").len(), 1);
}

#[test]
fn a_short_remark_with_a_word_swapped_in_a_stripped_copy_conflicts() {
    // us-shutdown: the AP sentence, and the machine-reworded copy that
    // swapped one word of Trump's three.
    let r = report_of(&[
        (
            "wire.txt",
            "The Senate already passed the measure. Trump called the bill a \"very big victory.\"\n",
        ),
        (
            "reworded.txt",
            "The Senate has already passed the measure Trump has called the bill a very big triumph Democrats needed to extend an enhanced tax credit\n",
        ),
    ]);
    assert_eq!(quote_words_of(&r, "reworded"), vec!["very big triumph"]);
    let (verdict, _) = quote_comparison_with(&r, "reworded").expect("the passage is a quote");
    assert_eq!(verdict, Verdict::Conflict);
}
