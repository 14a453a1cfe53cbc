//! No input makes crosscheck panic: token soups built from the pieces that
//! trip parsers (fractions, curly quotes, multi-byte dashes, front-matter
//! markers, boilerplate headings), generated from a fixed seed.

use chrono::NaiveDate;
use crosscheck::rules::Rules;
use std::path::Path;

const PIECES: &[&str] = &[
    "nearly",
    "three",
    "-hour",
    "3½",
    "3-1/2",
    "½",
    "over",
    "a million",
    "first",
    "since",
    "2019",
    "in",
    "six years",
    "Friday",
    "'s",
    "“",
    "”",
    "‘",
    "’",
    "'",
    "\"",
    "…",
    "...",
    ",",
    ".",
    " - ",
    "—",
    "\n",
    "---",
    ":",
    "at least",
    "hundreds of",
    "children",
    "Mr.",
    "U.S.",
    "é",
    "🙂",
    "\u{200b}",
    "\u{feff}",
    "\r\n",
    "F-35",
    "Group of 20",
    "one-fifth of",
    "Ukraine",
    "war",
    "talks",
    "in its fourth year",
    "1/0",
    "99999999999999999999999",
    "0.5.5",
    "twenty-five",
    "and a half",
    "Trump said",
    "he said.",
    "the Russian president",
    "ADVERTISEMENT",
    "Related Articles",
    "Zelenskiy",
    "Lipavský",
    "accompanied by",
    "Rubio, Witkoff and Lavrov",
];

/// A small deterministic generator (64-bit LCG), so failures reproduce.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

#[test]
fn token_soups_never_panic_and_spans_stay_valid() {
    let rules = Rules::embedded().unwrap();
    let mut rng = Lcg(2025);
    for case in 0..300 {
        let len = 1 + rng.next(300);
        let text: Vec<&str> = (0..len).map(|_| PIECES[rng.next(PIECES.len())]).collect();
        let text = text.join(" ");
        let Ok(source) = crosscheck::ingest::parse_source(
            Path::new("soup.txt"),
            "soup".into(),
            text.clone().into_bytes(),
            NaiveDate::from_ymd_opt(2025, 8, 16),
        ) else {
            continue; // a clean error is fine
        };
        let doc = crosscheck::clean::clean(source, &rules);
        let report = crosscheck::analyse(&[doc], &rules);
        for f in &report.facts {
            assert!(
                text.get(f.start..f.end) == Some(&*f.text),
                "case {case}: fact {:?} at {}..{}",
                f.text,
                f.start,
                f.end
            );
        }
    }
}

fn source(bytes: &[u8]) -> crosscheck::Result<crosscheck::ingest::Source> {
    crosscheck::ingest::parse_source(
        Path::new("case.txt"),
        "case".into(),
        bytes.to_vec(),
        NaiveDate::from_ymd_opt(2025, 8, 16),
    )
}

fn facts_of(bytes: &[u8]) -> Vec<crosscheck::fact::Fact> {
    let rules = Rules::embedded().unwrap();
    let doc = crosscheck::clean::clean(source(bytes).unwrap(), &rules);
    crosscheck::analyse(&[doc], &rules).facts
}

#[test]
fn utf8_bom_is_skipped_and_spans_still_count_its_bytes() {
    let text = "\u{feff}Donald Trump said the talks lasted nearly three hours.\n";
    let s = source(text.as_bytes()).unwrap();
    assert_eq!(s.body_start, 3, "the article starts after the BOM");
    let facts = facts_of(text.as_bytes());
    let name = facts
        .iter()
        .find(|f| f.text == "Donald Trump")
        .expect("name after BOM");
    assert_eq!(name.start, 3);
    for f in &facts {
        assert_eq!(&text[f.start..f.end], f.text);
    }
    // With front matter after the BOM too.
    let fm = "\u{feff}---\noutlet: Wire\n---\nThe talks lasted nearly three hours.\n";
    assert_eq!(
        source(fm.as_bytes()).unwrap().outlet.as_deref(),
        Some("Wire")
    );
}

#[test]
fn crlf_files_keep_spans_and_lines_right() {
    let text = "---\r\noutlet: Wire\r\n---\r\nThe summit opened on Friday.\r\n\r\nThe talks lasted nearly three hours, officials said.\r\n";
    let s = source(text.as_bytes()).unwrap();
    assert_eq!(s.outlet.as_deref(), Some("Wire"));
    let facts = facts_of(text.as_bytes());
    let d = facts
        .iter()
        .find(|f| f.text == "nearly three hours")
        .expect("duration");
    assert_eq!(d.line, 6);
    for f in &facts {
        assert_eq!(&text[f.start..f.end], f.text);
        assert!(!f.text.contains('\r'));
    }
}

#[test]
fn file_that_disappears_before_it_is_read_is_a_clean_error() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("gone.txt");
    std::fs::write(&p, b"The talks ended.").unwrap();
    std::fs::remove_file(&p).unwrap();
    let e = crosscheck::ingest::read_source(&p, None).unwrap_err();
    assert!(
        e.message()
            .ends_with("gone.txt: cannot read: no such file or folder"),
        "{e}"
    );
}

#[test]
fn long_line_without_sentence_breaks_keeps_spans_exact() {
    // One 200 kB "sentence": windows around facts, not the whole line.
    let piece = "the talks lasted nearly three hours, officials said, and ";
    let text = format!("{}end.\n", piece.repeat(3_500));
    let facts = facts_of(text.as_bytes());
    assert!(facts.len() >= 3_000, "{} facts", facts.len());
    for f in &facts {
        assert_eq!(&text[f.start..f.end], f.text);
        assert!(f.sentence.len() < 1_000, "sentence window stays bounded");
    }
}
