//! `crosscheck corpus` as a user meets it: a mixed feed is grouped back
//! into its stories, the index keeps its contract, the output does not
//! depend on thread count or input order, and `--jsonl-out` prints one JSON
//! object per story and nothing else.
//!
//! The feed is the example corpus (one summit, five outlets) plus three
//! short stories written for this test, each told by several outlets, some
//! of them copies: a train derailment, a court sentencing and a cup final;
//! and one weather piece that no other outlet ran.

use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const SUMMIT: &str = "tests/fixtures/alaska-summit";

const CRASH: &str = "A regional train derailed near Halbrook on Tuesday morning, killing four passengers and injuring 37, officials said.
The six-carriage service from Marlow to Penbury left the tracks on a curve just after 7:40 a.m., according to the Halbrook fire brigade.
Rescue crews worked for more than five hours to free people trapped in the two front carriages.
Transport minister Elena Drakos called the derailment a tragedy and promised a full inquiry into the state of the line.
The operator, Westline Rail, said the train had been inspected last month and that it was cooperating with investigators.
Local residents described hearing a loud bang followed by screaming from the embankment.";

const CRASH_OWN: &str = "Four people died and 35 were hurt when a passenger train came off the rails outside Halbrook on Tuesday.
The Marlow to Penbury service derailed on a bend shortly before 8 a.m., the Halbrook fire brigade said in a statement.
Firefighters spent most of the morning cutting survivors out of the leading carriages.
Elena Drakos, the transport minister, visited the site in the afternoon and ordered an inquiry into the track.
Westline Rail said the line had passed its last inspection and offered condolences to the families.
Passengers said the carriage tipped over within seconds as the train entered the curve.";

const COURT: &str = "Judge Miriam Ostrander sentenced former treasurer Colin Varga to eight years in prison on Thursday for embezzling $4.2 million from the Eastfield Water Authority.
Varga, 54, had pleaded guilty in March to moving public money into accounts he controlled over a period of six years.
Prosecutors said he spent the money on a lakeside house, two sports cars and gambling trips to Reno.
Ostrander told the court that Varga had betrayed the trust of every household in Eastfield.
His lawyer, Paul Henning, had asked for a sentence of four years, citing his client's remorse and poor health.
The authority said it had recovered about $1.1 million so far and would pursue the rest through the civil courts.";

const COURT_REWRITE: &str = "Colin Varga, the former treasurer of the Eastfield Water Authority, was sent to prison for eight years on Thursday for stealing $4.2 million from it.
Judge Miriam Ostrander handed down the sentence after Varga pleaded guilty in March to moving public money into his own accounts over six years.
According to prosecutors the money paid for a lakeside house, two sports cars and trips to the casinos of Reno.
Ostrander said in court that Varga had betrayed the trust of every household in Eastfield.
Defence lawyer Paul Henning had argued for four years, pointing to his client's remorse and poor health.
About $1.1 million has been recovered so far, the authority said, and it will seek the rest in the civil courts.";

const FINAL: &str = "Rovers beat Kingsport City 2-1 in the cup final at Harlow Stadium on Saturday, with Dario Mensah scoring the winner in the 88th minute.
Kingsport took the lead through a Tomas Reyes header midway through the first half.
Rovers captain Sam Okafor equalised from the penalty spot after the break.
Mensah, who came on as a substitute, curled a shot into the top corner to seal the club's first cup since 1998.
A crowd of 61,000 watched the match, the stadium's largest attendance this season.";

const FINAL_OWN: &str = "Dario Mensah came off the bench to win the cup for Rovers, who came from behind to beat Kingsport City 2-1 at Harlow Stadium on Saturday.
Tomas Reyes had given Kingsport the lead with a header after 23 minutes.
Sam Okafor levelled from the penalty spot for Rovers early in the second half.
Mensah's late winner, struck into the top corner, ended a wait for the trophy that went back to 1998.
The attendance of 61,000 was the biggest at the ground this season.";

const WEATHER: &str = "Forecasters expect heavy snow across the northern uplands this weekend, with drifts of up to half a metre on higher roads.
The meteorological office issued an amber warning for Saturday and advised drivers to avoid unnecessary journeys.
Temperatures are expected to fall well below freezing overnight before a milder spell arrives on Tuesday.";

fn article(outlet: &str, published: &str, body: &str) -> String {
    format!("---\noutlet: {outlet}\npublished: {published}\n---\n{body}\n")
}

/// The feed's synthetic articles: (file stem, outlet, date, body).
fn synthetic() -> Vec<(&'static str, &'static str, &'static str, String)> {
    vec![
        (
            "courier-derailment",
            "Northern Courier",
            "2026-03-04",
            CRASH.into(),
        ),
        // A wire copy: the same text, the last paragraph cut.
        (
            "valley-post-train",
            "Valley Post",
            "2026-03-04",
            CRASH.lines().take(5).collect::<Vec<_>>().join("\n"),
        ),
        (
            "ledger-halbrook",
            "Daily Ledger",
            "2026-03-05",
            CRASH_OWN.into(),
        ),
        (
            "gazette-varga",
            "Eastfield Gazette",
            "2026-06-12",
            COURT.into(),
        ),
        (
            "statewire-sentence",
            "State Wire",
            "2026-06-12",
            COURT.into(),
        ),
        (
            "metro-treasurer",
            "Metro Times",
            "2026-06-13",
            COURT_REWRITE.into(),
        ),
        (
            "sportsdaily-final",
            "Sports Daily",
            "2026-05-16",
            FINAL.into(),
        ),
        (
            "review-cup",
            "Athletic Review",
            "2026-05-17",
            FINAL_OWN.into(),
        ),
        (
            "herald-snow",
            "Coastal Herald",
            "2026-01-09",
            WEATHER.into(),
        ),
    ]
}

/// The stories the feed holds, by article id.
fn expected() -> BTreeSet<BTreeSet<String>> {
    let set = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
    [
        set(&[
            "aljazeera",
            "reuters",
            "reuters-condensed",
            "uk-daily",
            "wsj",
        ]),
        set(&["courier-derailment", "valley-post-train", "ledger-halbrook"]),
        set(&["gazette-varga", "statewire-sentence", "metro-treasurer"]),
        set(&["sportsdaily-final", "review-cup"]),
    ]
    .into_iter()
    .collect()
}

/// Writes the feed into one flat folder and returns its files, in a
/// shuffled order (a fixed permutation, so the test is repeatable).
fn feed(dir: &Path) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).unwrap();
    let mut files = Vec::new();
    for entry in std::fs::read_dir(SUMMIT).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "txt") {
            let to = dir.join(p.file_name().unwrap());
            std::fs::copy(&p, &to).unwrap();
            files.push(to);
        }
    }
    for (stem, outlet, date, body) in synthetic() {
        let to = dir.join(format!("{stem}.txt"));
        std::fs::write(&to, article(outlet, date, &body)).unwrap();
        files.push(to);
    }
    // Shuffled: by the file name read backwards.
    files.sort_by_key(|p| p.display().to_string().chars().rev().collect::<String>());
    files
}

fn crosscheck() -> Command {
    Command::cargo_bin("crosscheck").unwrap()
}

/// Runs `corpus` over `inputs` into `out` with extra `args`; returns stdout.
fn corpus(inputs: &[PathBuf], out: &Path, args: &[&str]) -> String {
    let output = crosscheck()
        .arg("corpus")
        .args(inputs)
        .arg("--out")
        .arg(out)
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn index(out: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(out.join("index.json")).unwrap()).unwrap()
}

fn stories_of(index: &Value) -> BTreeSet<BTreeSet<String>> {
    index["stories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            s["articles"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_str().unwrap().to_string())
                .collect()
        })
        .collect()
}

/// Every file under `dir` with its bytes, by relative path.
fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().display().to_string();
                out.push((rel, std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn a_mixed_feed_is_grouped_back_into_its_stories() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("feed");
    let files = feed(&dir);
    let out = tmp.path().join("out");
    let said = corpus(&files, &out, &[]);
    assert!(said.starts_with("crosscheck: wrote "), "{said}");
    let index = index(&out);
    assert_eq!(stories_of(&index), expected());
    assert_eq!(index["unassigned"], serde_json::json!(["herald-snow"]));
}

#[test]
fn the_index_keeps_its_contract() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("feed");
    feed(&dir);
    let out = tmp.path().join("out");
    corpus(&[dir], &out, &["--format", "json"]);
    let index = index(&out);
    assert_eq!(index["version"], 1);
    let stories = index["stories"].as_array().unwrap();
    let mut last: Option<(i64, String)> = None;
    let mut ids = BTreeSet::new();
    for s in stories {
        let keys: BTreeSet<&str> = s.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            BTreeSet::from([
                "id",
                "title",
                "articles",
                "outlets",
                "independent_outlets",
                "conflicts",
                "report"
            ])
        );
        let id = s["id"].as_str().unwrap().to_string();
        assert!(
            id.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{id}"
        );
        assert!(ids.insert(id.clone()), "ids are unique: {id}");
        assert!(!s["title"].as_str().unwrap().is_empty());
        assert!(s["outlets"].as_array().unwrap().len() >= 2);
        let independent = s["independent_outlets"].as_u64().unwrap();
        assert!(
            independent >= 1 && independent as usize <= s["articles"].as_array().unwrap().len()
        );
        // The report is a relative path to the story's report JSON.
        let report = s["report"].as_str().unwrap();
        assert_eq!(report, format!("stories/{id}.json"));
        let body: Value =
            serde_json::from_str(&std::fs::read_to_string(out.join(report)).unwrap()).unwrap();
        assert_eq!(body["version"], 1);
        assert_eq!(
            body["sources"].as_array().unwrap().len(),
            s["articles"].as_array().unwrap().len()
        );
        // Most conflicts first, then by id.
        let key = (-s["conflicts"].as_i64().unwrap(), id);
        if let Some(prev) = &last {
            assert!(*prev < key, "{prev:?} before {key:?}");
        }
        last = Some(key);
    }
    // The copies count once: the derailment has three articles, two of
    // them one text.
    let crash = stories
        .iter()
        .find(|s| s["articles"][0] == "courier-derailment")
        .unwrap();
    assert_eq!(crash["independent_outlets"], 2);
    let md = std::fs::read_to_string(out.join("index.md")).unwrap();
    assert!(md.contains("herald-snow"), "unassigned listed: {md}");
    assert_eq!(std::fs::read_dir(out.join("stories")).unwrap().count(), 4);
}

#[test]
fn one_thread_or_four_write_the_same_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("feed");
    feed(&dir);
    let (one, four) = (tmp.path().join("one"), tmp.path().join("four"));
    corpus(std::slice::from_ref(&dir), &one, &["--threads", "1"]);
    corpus(&[dir], &four, &["--threads", "4"]);
    assert_eq!(tree(&one), tree(&four));
}

#[test]
fn input_order_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("feed");
    let mut files = feed(&dir);
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    corpus(&files, &a, &[]);
    files.reverse();
    corpus(&files, &b, &[]);
    assert_eq!(tree(&a), tree(&b));
}

#[test]
fn a_second_run_replaces_the_first() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("feed");
    feed(&dir);
    let out = tmp.path().join("out");
    corpus(std::slice::from_ref(&dir), &out, &[]);
    let first = tree(&out);
    corpus(&[dir], &out, &[]);
    assert_eq!(tree(&out), first);
}

#[test]
fn jsonl_out_prints_one_story_per_line_and_nothing_else() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("feed");
    feed(&dir);
    let output = crosscheck()
        .current_dir(tmp.path())
        .args(["corpus", "feed", "--jsonl-out", "--threads", "2"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 4);
    for l in &lines {
        assert_eq!(l["report"]["version"], 1, "the report itself, not a path");
        assert!(l["id"].is_string() && l["articles"].is_array());
    }
    let got: BTreeSet<BTreeSet<String>> = lines
        .iter()
        .map(|l| {
            l["articles"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_str().unwrap().to_string())
                .collect()
        })
        .collect();
    assert_eq!(got, expected());
    assert!(
        !tmp.path().join("crosscheck-out").exists(),
        "--jsonl-out writes no files"
    );
}

#[test]
fn the_output_never_lands_on_the_input() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("feed");
    feed(&dir);
    for (out, needle) in [
        (dir.clone(), "is a folder of input articles"),
        (dir.join("wsj.txt"), "not a folder"),
    ] {
        let output = crosscheck()
            .arg("corpus")
            .arg(&dir)
            .arg("--out")
            .arg(&out)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.starts_with("crosscheck: ") && stderr.contains(needle),
            "{stderr}"
        );
        assert_eq!(stderr.lines().count(), 1);
    }
    assert!(!dir.join("index.md").exists());
}

#[test]
fn a_folder_of_other_files_is_not_replaced() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("feed");
    feed(&dir);
    let out = tmp.path().join("out");
    std::fs::create_dir_all(out.join("stories")).unwrap();
    std::fs::write(out.join("stories/notes.odt"), "mine").unwrap();
    let output = crosscheck()
        .arg("corpus")
        .arg(&dir)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(out.join("stories/notes.odt")).unwrap(),
        "mine"
    );
    assert!(!out.join("index.json").exists(), "no partial output");
    assert!(!out.join(".stories.crosscheck-tmp").exists());
}

const APPEAL: &str = "Colin Varga, the former Eastfield Water Authority treasurer jailed for eight years on Thursday, has lodged an appeal against his sentence.
His lawyer, Paul Henning, told reporters outside the court in Eastfield that Judge Miriam Ostrander had given too little weight to his client's remorse.
The appeal will be heard by a panel of three judges, probably in the autumn.
Prosecutors said they would defend the sentence and pursue the $4.2 million through the civil courts.";

#[test]
#[ignore = "known gap: two events with the same cast within three days (a sentencing, then its appeal) are one story"]
fn a_follow_up_with_the_same_cast_is_its_own_story() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("feed");
    std::fs::create_dir(&dir).unwrap();
    for (stem, outlet, date, body) in [
        ("gazette-varga", "Eastfield Gazette", "2026-06-12", COURT),
        (
            "metro-treasurer",
            "Metro Times",
            "2026-06-13",
            COURT_REWRITE,
        ),
        ("gazette-appeal", "Eastfield Gazette", "2026-06-15", APPEAL),
        ("statewire-appeal", "State Wire", "2026-06-15", APPEAL),
    ] {
        std::fs::write(dir.join(format!("{stem}.txt")), article(outlet, date, body)).unwrap();
    }
    let out = tmp.path().join("out");
    corpus(&[dir], &out, &[]);
    assert_eq!(index(&out)["stories"].as_array().unwrap().len(), 2);
}
