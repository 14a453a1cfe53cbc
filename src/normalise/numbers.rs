//! Numbers as news prints them: digits (`26`, `1,000`, `3.5`), fractions
//! (`3½`, `3-1/2`, `3 1/2`, `one-fifth`, "and a half"), number words
//! ("three", "twenty-five", "a million", "a dozen", "25 lakh"), vague quantities
//! ("hundreds", "dozens", "several") and ordinals ("fourth").
//!
//! Fractions are read before any Unicode folding: NFKC would turn `3½` into
//! `31⁄2`.

use crate::interval::Interval;

/// A parsed number: the value stated, the rounding step it was stated to
/// (a bare "three hours" means 3 ± 0.5), or a whole range for vague words.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Number {
    pub value: f64,
    pub step: f64,
    /// Set for vague quantities ("hundreds" = [200, 1000)).
    pub vague: Option<Interval>,
}

impl Number {
    fn exact(value: f64, step: f64) -> Number {
        Number {
            value,
            step,
            vague: None,
        }
    }
}

const ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
const ORDINALS: [&str; 20] = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];
/// Denominator words: "one-fifth", "two thirds", "a quarter".
const DENOMINATORS: [(&str, f64); 9] = [
    ("half", 2.0),
    ("third", 3.0),
    ("quarter", 4.0),
    ("fifth", 5.0),
    ("sixth", 6.0),
    ("seventh", 7.0),
    ("eighth", 8.0),
    ("ninth", 9.0),
    ("tenth", 10.0),
];
const VULGAR: [(char, f64); 15] = [
    ('½', 0.5),
    ('⅓', 1.0 / 3.0),
    ('⅔', 2.0 / 3.0),
    ('¼', 0.25),
    ('¾', 0.75),
    ('⅕', 0.2),
    ('⅖', 0.4),
    ('⅗', 0.6),
    ('⅘', 0.8),
    ('⅙', 1.0 / 6.0),
    ('⅚', 5.0 / 6.0),
    ('⅛', 0.125),
    ('⅜', 0.375),
    ('⅝', 0.625),
    ('⅞', 0.875),
];

/// Vague quantity words and the ranges they stand for.
const VAGUE: [(&str, f64, f64); 14] = [
    ("hundreds of billions", 2e11, 1e12),
    ("tens of billions", 2e10, 1e11),
    ("hundreds of millions", 2e8, 1e9),
    ("tens of millions", 2e7, 1e8),
    ("hundreds of thousands", 200_000.0, 1_000_000.0),
    ("tens of thousands", 20_000.0, 100_000.0),
    ("a couple", 2.0, 3.0),
    ("a few", 2.0, 6.0),
    ("several", 3.0, 10.0),
    ("dozens", 24.0, 120.0),
    ("hundreds", 200.0, 1000.0),
    ("thousands", 2000.0, 10_000.0),
    ("millions", 2_000_000.0, 10_000_000.0),
    ("billions", 2e9, 1e10),
];

/// Scale words a fraction can be of: "a quarter of a million".
pub const LARGE_SCALES: [&str; 5] = ["hundred", "thousand", "million", "billion", "trillion"];

/// The regular expression (no flags, no captures) for one number in any of
/// the forms [`parse`] reads. Rule patterns use it as `{number}`.
pub fn number_pattern() -> String {
    let ones = ONES.join("|");
    let tens = TENS.join("|");
    let denoms: Vec<&str> = DENOMINATORS.iter().map(|d| d.0).collect();
    let denoms = denoms.join("|");
    let vulgar: String = VULGAR.iter().map(|v| v.0).collect();
    let vague: Vec<String> = VAGUE.iter().map(|v| v.0.replace(' ', r"\s+")).collect();
    let word = format!(r"(?:(?:{tens})(?:[-\x{{2010}}\x{{2011}}](?:{ones}))?|{ones})");
    // "and a half", "and two thirds", "and half" after a whole number.
    let and_frac =
        format!(r"(?:\s+and\s+(?:(?:a|one|two|three|four)[\s-](?:{denoms})s?|half|quarter)\b)");
    let scale = r"(?:hundred|thousand|lakh|million|crore|billion|trillion|dozen)";
    format!(
        concat!(
            // Every form starts at a word boundary: "ten" is not in "often".
            r"\b(?:",
            // a lone simple fraction: 1/2, 3/4 (not 9/11 or 24/7)
            r"[1-7]/[2348]\b|",
            // digits with optional fraction and scale word: 1,000 | 3.5 | 3½ | 3-1/2 | 1.5 million
            r"(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,2}}(?:,\d\d)+,\d{{3}}|\d+)(?:\.\d+)?(?:\s?[{vulgar}]|-\d/\d{{1,2}}\b|\s\d/\d{{1,2}}\b)?(?:\s+{scale}s?\b)?{and_frac}?",
            // half a million, a half million, a quarter of a million, three quarters of a billion
            r"|(?:a\s+)?half\s+(?:an?\s+)?{scale}s?\b",
            r"|(?:a\s+|one\s+|three\s+)?quarters?\s+(?:of\s+)?(?:an?\s+)?(?:{large})s?\b",
            // fractions in words: one-fifth, two thirds, a quarter
            r"|(?:a|one|two|three|four)[\s-](?:{denoms})s?\b|half\b",
            r"|(?:{vague})\b",
            // words: twenty-five | three hundred | a million | a dozen | two and a half
            r"|(?:{word}|an?)\b(?:{and_frac}|\s+(?:and\s+)?(?:{scale}|{word})\b)*",
            r")"
        ),
        vulgar = vulgar,
        scale = scale,
        denoms = denoms,
        vague = vague.join("|"),
        large = LARGE_SCALES.join("|"),
        word = word,
        and_frac = and_frac,
    )
}

/// The regular expression for an ordinal word or numeral (`fourth`, `4th`).
pub fn ordinal_pattern() -> String {
    let tens_ord = "twentieth|thirtieth|fortieth|fiftieth";
    format!(
        r"(?:{}|{tens_ord}|\d+(?:st|nd|rd|th))",
        ORDINALS[1..].join("|")
    )
}

/// Reads an ordinal: "fourth" → 4, "21st" → 21.
pub fn parse_ordinal(text: &str) -> Option<u32> {
    let t = text.trim().to_ascii_lowercase();
    if let Some(i) = ORDINALS.iter().position(|o| *o == t) {
        return Some(i as u32);
    }
    for (i, w) in ["twentieth", "thirtieth", "fortieth", "fiftieth"]
        .iter()
        .enumerate()
    {
        if t == *w {
            return Some(20 + 10 * i as u32);
        }
    }
    let digits = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    digits.parse().ok()
}

/// Reads one number in any form [`number_pattern`] matches. A number too
/// large for a float (a 100,000-digit run, "a million million …") is no
/// number: the JSON contract has no infinite bounds to give it.
pub fn parse(text: &str) -> Option<Number> {
    parse_any(text).filter(|n| n.value.is_finite() && n.step.is_finite())
}

fn parse_any(text: &str) -> Option<Number> {
    let mut lower = text.trim().to_lowercase();
    if lower.contains(['\u{2010}', '\u{2011}']) {
        lower = lower.replace(['\u{2010}', '\u{2011}'], "-");
    }
    let t = collapse_spaces(&lower);
    if t.is_empty() {
        return None;
    }
    if let Some(&(_, lo, hi)) = VAGUE.iter().find(|v| v.0 == t) {
        return Some(Number {
            value: lo,
            step: 0.0,
            vague: Some(Interval::half_open(lo, hi)),
        });
    }
    // "two and a half", "six million and two thirds": the fraction is of
    // the whole number's last scale (two thirds of a million).
    if let Some((head, tail)) = t.rsplit_once(" and ")
        && let Some(frac) = parse_word_fraction(tail)
        && let Some(whole) = parse(head)
        && whole.vague.is_none()
    {
        let k = head
            .rsplit(' ')
            .next()
            .and_then(scale_word)
            .filter(|k| *k >= 1000.0)
            .unwrap_or(1.0);
        let d = (0.25 / frac.step).round().max(1.0);
        return finite(Number::exact(whole.value + frac.value * k, k / d));
    }
    // "a quarter of a million", "three quarters of a billion".
    if let Some((head, rest)) = t.split_once("quarter")
        && matches!(head, "" | "a " | "one " | "three ")
    {
        let rest = rest.trim_start_matches('s').trim_start();
        let rest = rest.strip_prefix("of ").unwrap_or(rest);
        let rest = rest
            .strip_prefix("a ")
            .or_else(|| rest.strip_prefix("an "))
            .unwrap_or(rest);
        if let Some(k) = scale_word(rest) {
            let n = if head == "three " { 0.75 } else { 0.25 };
            return Some(Number::exact(n * k, 0.05 * k));
        }
    }
    // "half a million", "a half million".
    let halved = t.strip_prefix("a ").unwrap_or(&t);
    if let Some(rest) = halved.strip_prefix("half ") {
        let rest = rest
            .strip_prefix("a ")
            .or_else(|| rest.strip_prefix("an "))
            .unwrap_or(rest);
        if let Some(k) = scale_word(rest) {
            return Some(Number::exact(0.5 * k, 0.1 * k));
        }
    }
    // "1/2", "3/4": a lone simple fraction.
    if let Some((a, b)) = t.split_once('/')
        && let (Ok(a), Ok(b)) = (a.parse::<u8>(), b.parse::<u8>())
        && (1..b).contains(&a)
        && matches!(b, 2 | 3 | 4 | 8)
    {
        // Exact as written: "1/2 mile" is half a mile, not "about 0 to 1".
        let b = f64::from(b);
        return Some(Number::exact(f64::from(a) / b, 0.01));
    }
    if t.starts_with(|c: char| c.is_ascii_digit()) || VULGAR.iter().any(|v| t.starts_with(v.0)) {
        return parse_digits(&t).and_then(finite);
    }
    if let Some(n) = parse_word_fraction(&t) {
        return Some(n);
    }
    parse_words(&t)
}

/// Numbers beyond any figure news states (a 100,000-digit run of digits)
/// are not values: their interval would have infinite ends.
const LARGEST: f64 = 1e18;

fn finite(n: Number) -> Option<Number> {
    (n.value.is_finite() && n.value.abs() < LARGEST && n.step.is_finite()).then_some(n)
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn parse_digits(t: &str) -> Option<Number> {
    // Split off a trailing scale word ("1.5 million") or "and a half".
    let (num, scale, half) = split_scale(t);
    let num = num.trim();
    let mut end = 0;
    for (i, c) in num.char_indices() {
        if c.is_ascii_digit() || c == ',' || c == '.' {
            end = i + c.len_utf8();
        } else {
            break;
        }
    }
    let digits = &num[..end];
    let rest = num[end..].trim();
    let (mut value, mut step) = if digits.is_empty() {
        (0.0, 1.0)
    } else {
        let plain: String = digits.chars().filter(|&c| c != ',').collect();
        let value: f64 = plain.parse().ok()?;
        (value, rounding_step(&plain))
    };
    if !rest.is_empty() {
        let frac = if let Some(&(_, f)) = VULGAR.iter().find(|v| rest.starts_with(v.0)) {
            f
        } else {
            let r = rest.trim_start_matches('-');
            let (a, b) = r.split_once('/')?;
            let (a, b): (f64, f64) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
            if b == 0.0 {
                return None;
            }
            a / b
        };
        value += frac;
        step = 1.0 / denominator_of(frac);
    }
    if half {
        value += 0.5;
        step = 0.5;
    }
    if let Some(k) = scale {
        value *= k;
        step = if digits.contains('.') { step * k } else { k };
    }
    Some(Number::exact(value, step))
}

fn denominator_of(frac: f64) -> f64 {
    for d in 2..=16 {
        let n = frac * d as f64;
        if (n - n.round()).abs() < 1e-6 {
            return d as f64;
        }
    }
    16.0
}

/// The step a bare integer was rounded to: 80 → 10, 1000 → 1000, 26 → 1,
/// 3.5 → 0.1.
fn rounding_step(plain: &str) -> f64 {
    if let Some((_, decimals)) = plain.split_once('.') {
        return 10f64.powi(-(decimals.len() as i32));
    }
    let trailing_zeros = plain.chars().rev().take_while(|&c| c == '0').count();
    if trailing_zeros == plain.len() {
        return 1.0;
    }
    10f64.powi(trailing_zeros as i32)
}

fn scale_word(w: &str) -> Option<f64> {
    match w.trim_end_matches('s') {
        "hundred" => Some(100.0),
        "thousand" => Some(1e3),
        "million" => Some(1e6),
        "billion" => Some(1e9),
        "trillion" => Some(1e12),
        "dozen" => Some(12.0),
        // South Asian scales: "25 lakh tonnes", "Rs 2 crore".
        "lakh" => Some(1e5),
        "crore" => Some(1e7),
        _ => None,
    }
}

fn split_scale(t: &str) -> (&str, Option<f64>, bool) {
    if let Some(head) = t.strip_suffix(" and a half") {
        return (head, None, true);
    }
    if let Some((head, last)) = t.rsplit_once(' ')
        && let Some(k) = scale_word(last)
    {
        return (head, Some(k), false);
    }
    (t, None, false)
}

fn parse_word_fraction(t: &str) -> Option<Number> {
    if t == "half" {
        return Some(Number::exact(0.5, 0.125));
    }
    if t == "quarter" {
        return Some(Number::exact(0.25, 0.0625));
    }
    let (num, den) = t.split_once([' ', '-'])?;
    let den = den.trim_end_matches('s');
    let &(_, d) = DENOMINATORS.iter().find(|x| x.0 == den)?;
    let n = match num {
        "a" | "one" => 1.0,
        other => small_word(other)? as f64,
    };
    Some(Number::exact(n / d, 0.25 / d))
}

fn small_word(w: &str) -> Option<u64> {
    if let Some(i) = ONES.iter().position(|o| *o == w) {
        return Some(i as u64);
    }
    if let Some((t, o)) = w.split_once('-') {
        return Some(small_word(t)? + small_word(o)?);
    }
    TENS.iter()
        .position(|x| *x == w)
        .map(|i| 20 + 10 * i as u64)
}

fn parse_words(t: &str) -> Option<Number> {
    let mut total = 0.0;
    let mut current = 0.0;
    let mut step: f64 = 1.0;
    let mut seen = false;
    let mut half = false;
    let words: Vec<&str> = t.split(' ').collect();
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        if w == "and" && words.get(i + 1) == Some(&"a") && words.get(i + 2) == Some(&"half") {
            half = true;
            i += 3;
            continue;
        }
        if w == "and" {
            i += 1;
            continue;
        }
        if (w == "a" || w == "an")
            && i == 0
            && words.get(1).is_some_and(|n| small_word(n).is_some())
        {
            // "a three-foot wall": the article, not one.
        } else if w == "a" || w == "an" {
            current += 1.0;
            seen = true;
        } else if let Some(k) = scale_word(w) {
            if current == 0.0 {
                current = 1.0;
            }
            if k >= 1000.0 {
                total += current * k;
                current = 0.0;
            } else {
                current *= k;
            }
            step = k;
            seen = true;
        } else if let Some(n) = small_word(w) {
            current += n as f64;
            step = if n >= 20 && n % 10 == 0 { 10.0 } else { 1.0 };
            seen = true;
        } else {
            return None;
        }
        i += 1;
    }
    if !seen {
        return None;
    }
    let mut value = total + current;
    if half {
        value += 0.5;
        step = 0.5;
    }
    Some(Number::exact(value, step))
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    fn value(s: &str) -> f64 {
        parse(s)
            .unwrap_or_else(|| panic!("no number in {s:?}"))
            .value
    }

    #[test]
    fn digits_and_fractions_from_the_corpus() {
        assert_eq!(value("3-1/2"), 3.5); // Reuters: "3-1/2-year-old war"
        assert_eq!(value("3½"), 3.5); // WSJ: "3½ year conflict"
        assert_eq!(value("3 1/2"), 3.5);
        assert_eq!(value("1,000"), 1000.0);
        assert_eq!(value("1.5 million"), 1_500_000.0);
        assert_eq!(parse("3½").unwrap().step, 0.5);
    }

    #[test]
    fn number_words() {
        assert_eq!(value("three"), 3.0);
        assert_eq!(value("twenty-five"), 25.0);
        assert_eq!(value("a million"), 1e6);
        assert_eq!(value("three hundred"), 300.0);
        assert_eq!(value("two and a half"), 2.5);
        assert_eq!(value("a dozen"), 12.0);
        assert_eq!(value("an"), 1.0);
        assert_eq!(value("one-fifth"), 0.2); // Reuters: "one-fifth of Ukraine"
        assert_eq!(value("half"), 0.5);
        assert_eq!(value("1/2"), 0.5);
        assert_eq!(value("3/4"), 0.75);
        assert_eq!(value("a three"), 3.0);
        assert_eq!(value("a hundred"), 100.0);
        assert!(parse("9/11").is_none());
    }

    #[test]
    fn rounding_steps() {
        assert_eq!(parse("80").unwrap().step, 10.0);
        assert_eq!(parse("eighty").unwrap().step, 10.0);
        assert_eq!(parse("26").unwrap().step, 1.0);
        assert_eq!(parse("a million").unwrap().step, 1e6);
        assert_eq!(parse("3.5").unwrap().step, 0.1);
    }

    #[test]
    fn whole_and_a_fraction_is_one_number() {
        // A peer test suite read these as ranges from 2 down to a half.
        assert_eq!(value("two and a half"), 2.5);
        assert_eq!(value("one and a half"), 1.5);
        assert_eq!(value("2 and a half"), 2.5);
        let n = value("six million and two thirds");
        assert!((n - 6_666_666.67).abs() < 1.0, "{n}");
        assert_eq!(value("three fifths"), 0.6);
        assert_eq!(value("3 dozens"), 36.0);
        assert_eq!(value("Half million"), 500_000.0);
        assert_eq!(value("half a million"), 500_000.0);
        assert_eq!(value("a quarter of a million"), 250_000.0);
        assert_eq!(value("three quarters of a billion"), 750_000_000.0);
        assert_eq!(value("five and half"), 5.5);
        assert_eq!(value("one and quarter"), 1.25);
        assert_eq!(value("12,34,567"), 1_234_567.0);
        assert_eq!(value("25 lakh"), 2_500_000.0);
        assert_eq!(value("two crore"), 20_000_000.0);
        let re = Regex::new(&format!("(?i)^{}$", number_pattern())).unwrap();
        for s in [
            "six million and two thirds",
            "Half million",
            "half a million",
            "2 and a half",
            "3 dozens",
            "a quarter of a million",
            "three quarters of a billion",
            "five and half",
            "12,34,567",
        ] {
            assert!(re.is_match(s), "{s}");
        }
    }

    #[test]
    fn every_reading_is_a_nonempty_finite_interval() {
        use crate::normalise::hedges::apply;
        let forms = [
            "3",
            "80",
            "3.5",
            "3½",
            "3-1/2",
            "1,000",
            "1.5 million",
            "a million",
            "twenty-five",
            "two and a half",
            "six million and two thirds",
            "three fifths",
            "half",
            "hundreds",
            "tens of thousands",
            "tens of millions",
            "hundreds of billions",
            "a few",
            "0",
            "0.001",
            "999,999,999,999",
            "3 dozens",
            "half a million",
            "one-fifth",
            "a dozen",
            "an",
        ];
        for s in forms {
            let n = parse(s).unwrap_or_else(|| panic!("{s}"));
            let iv = apply(None, n);
            assert!(
                iv.lo <= iv.hi && iv.lo.is_finite() && iv.hi.is_finite(),
                "{s}: {iv}"
            );
        }
    }

    #[test]
    fn a_hundred_thousand_digits_are_no_number() {
        let huge = "9".repeat(100_000);
        assert!(parse(&huge).is_none());
        let huge_with_point = format!("1{}.5", "0".repeat(400));
        assert!(parse(&huge_with_point).is_none());
    }

    #[test]
    fn vague_quantities_are_ranges() {
        let n = parse("hundreds").unwrap();
        assert_eq!(n.vague, Some(Interval::half_open(200.0, 1000.0)));
    }

    #[test]
    fn ordinals() {
        assert_eq!(parse_ordinal("fourth"), Some(4));
        assert_eq!(parse_ordinal("21st"), Some(21));
    }

    #[test]
    fn number_words_need_word_boundaries() {
        // uk-daily: "often left observers questioning" holds no "ten".
        let re = Regex::new(&format!("(?i){}", number_pattern())).unwrap();
        assert!(re.find("often left observers").is_none());
        assert!(re.find("about nothing").is_none());
        assert_eq!(re.find("for ten days").map(|m| m.as_str()), Some("ten"));
    }

    #[test]
    fn pattern_matches_what_parse_reads() {
        let re = Regex::new(&format!("(?i)^{}$", number_pattern())).unwrap();
        for s in [
            "3-1/2",
            "3½",
            "3 1/2",
            "1,000",
            "a million",
            "twenty-five",
            "one-fifth",
            "hundreds",
            "two and a half",
            "80",
        ] {
            assert!(re.is_match(s), "{s}");
            assert!(parse(s).is_some(), "{s}");
        }
    }
}
