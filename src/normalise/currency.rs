//! Currencies: the words, symbols and codes news uses for them, and the
//! European Central Bank's reference rate of a day, from the table in
//! `data/ecb-rates.csv` (derived by `scripts/derive-rates.py`, see
//! `data/README.md`), embedded in the binary.
//!
//! A rate is that of the publication day, or of the nearest earlier ECB
//! publication day (no rates on weekends and holidays). Before the table's
//! first day, or for a currency it lacks, there is no rate.

use chrono::NaiveDate;
use std::sync::OnceLock;

/// The embedded table: one `#` comment line, a header `date,USD,GBP,…`,
/// then one row per ECB day of units per euro.
const TABLE: &str = include_str!("../../data/ecb-rates.csv");

/// How a currency is written → its ISO 4217 code. Matched case-insensitively
/// on the whole word or symbol; longer forms are listed first in patterns.
pub const NAMES: &[(&str, &str)] = &[
    ("us$", "USD"),
    ("usd", "USD"),
    ("us dollars", "USD"),
    ("us dollar", "USD"),
    ("u.s. dollars", "USD"),
    ("u.s. dollar", "USD"),
    ("bucks", "USD"),
    // Hundredths: the amount is read ×0.01 (see `fraction_of`).
    ("¢", "USD"),
    ("cent", "USD"),
    ("cents", "USD"),
    ("pence", "GBP"),
    ("penny", "GBP"),
    ("$", "USD"),
    ("dollar", "USD"),
    ("dollars", "USD"),
    ("€", "EUR"),
    ("eur", "EUR"),
    ("euro", "EUR"),
    ("euros", "EUR"),
    ("£", "GBP"),
    ("gbp", "GBP"),
    ("pound", "GBP"),
    ("pounds", "GBP"),
    ("pounds sterling", "GBP"),
    ("sterling", "GBP"),
    ("¥", "JPY"),
    ("jpy", "JPY"),
    ("yen", "JPY"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("cny", "CNY"),
    ("rmb", "CNY"),
    ("₹", "INR"),
    ("rs", "INR"),
    ("rs.", "INR"),
    ("rm", "MYR"),
    ("inr", "INR"),
    ("rupee", "INR"),
    ("rupees", "INR"),
    ("chf", "CHF"),
    ("swiss francs", "CHF"),
    ("a$", "AUD"),
    ("aud", "AUD"),
    ("australian dollars", "AUD"),
    ("c$", "CAD"),
    ("cad", "CAD"),
    ("canadian dollars", "CAD"),
    ("hk$", "HKD"),
    ("hkd", "HKD"),
    ("hong kong dollars", "HKD"),
    ("₩", "KRW"),
    ("krw", "KRW"),
    ("won", "KRW"),
    ("r$", "BRL"),
    ("brl", "BRL"),
    ("reais", "BRL"),
    ("₽", "RUB"),
    ("rub", "RUB"),
    ("roubles", "RUB"),
    ("rubles", "RUB"),
    ("₺", "TRY"),
    ("lira", "TRY"),
    ("rand", "ZAR"),
    ("zar", "ZAR"),
    ("mxn", "MXN"),
    ("pesos", "MXN"),
    ("sek", "SEK"),
    ("nok", "NOK"),
    ("zloty", "PLN"),
    ("pln", "PLN"),
    ("s$", "SGD"),
    ("sgd", "SGD"),
    ("singapore dollars", "SGD"),
    ("new zealand dollars", "NZD"),
    ("nz$", "NZD"),
    ("nzd", "NZD"),
    ("australian dollar", "AUD"),
    ("canadian dollar", "CAD"),
    ("swiss franc", "CHF"),
    ("francs", "CHF"),
    ("chinese yuan", "CNY"),
    ("japanese yen", "JPY"),
    ("indian rupees", "INR"),
    ("turkish lira", "TRY"),
    ("mexican pesos", "MXN"),
    ("shekels", "ILS"),
    ("shekel", "ILS"),
    ("ils", "ILS"),
    ("riyals", "SAR"),
    ("saudi riyals", "SAR"),
    ("qatari riyals", "QAR"),
    ("dirhams", "AED"),
    ("aed", "AED"),
    ("naira", "NGN"),
    ("ngn", "NGN"),
    ("rupiah", "IDR"),
    ("idr", "IDR"),
    ("baht", "THB"),
    ("thb", "THB"),
    ("ringgit", "MYR"),
    ("myr", "MYR"),
    ("hryvnias", "UAH"),
    ("hryvnia", "UAH"),
    ("uah", "UAH"),
    ("krona", "SEK"),
    ("kronor", "SEK"),
    ("czk", "CZK"),
    ("huf", "HUF"),
    ("forints", "HUF"),
    ("au$", "AUD"),
    ("ca$", "CAD"),
    ("mx$", "MXN"),
    ("nt$", "TWD"),
    ("twd", "TWD"),
    ("new taiwan dollars", "TWD"),
    ("dkk", "DKK"),
    ("danish kroner", "DKK"),
    ("norwegian kroner", "NOK"),
    ("swedish kronor", "SEK"),
    ("bgn", "BGN"),
    ("isk", "ISK"),
    ("₱", "PHP"),
    ("philippine pesos", "PHP"),
    ("ars", "ARS"),
    ("argentine pesos", "ARS"),
    ("clp", "CLP"),
    ("chilean pesos", "CLP"),
    ("colombian pesos", "COP"),
    ("₡", "CRC"),
    ("crc", "CRC"),
    ("colones", "CRC"),
    ("₦", "NGN"),
    ("₫", "VND"),
    ("vnd", "VND"),
    ("dong", "VND"),
    ("₴", "UAH"),
    ("₪", "ILS"),
    ("₸", "KZT"),
    ("kzt", "KZT"),
    ("tenge", "KZT"),
    ("₾", "GEL"),
    ("lari", "GEL"),
    ("฿", "THB"),
    ("₭", "LAK"),
    ("₮", "MNT"),
    ("₲", "PYG"),
    ("₵", "GHS"),
    ("ghs", "GHS"),
    ("cedis", "GHS"),
    ("₼", "AZN"),
    ("azn", "AZN"),
    ("manat", "AZN"),
    ("kwd", "KWD"),
    ("kuwaiti dinars", "KWD"),
    ("kuwaiti dinar", "KWD"),
    ("bhd", "BHD"),
    ("bahraini dinars", "BHD"),
    ("jod", "JOD"),
    ("jordanian dinars", "JOD"),
    ("iqd", "IQD"),
    ("iraqi dinars", "IQD"),
    ("omr", "OMR"),
    ("qar", "QAR"),
    ("sar", "SAR"),
    ("saudi riyal", "SAR"),
    ("egp", "EGP"),
    ("egyptian pounds", "EGP"),
    ("pkr", "PKR"),
    ("pakistani rupees", "PKR"),
    ("lkr", "LKR"),
    ("sri lankan rupees", "LKR"),
    ("nepalese rupees", "NPR"),
    ("bdt", "BDT"),
    ("taka", "BDT"),
    ("mmk", "MMK"),
    ("kyat", "MMK"),
    ("kes", "KES"),
    ("kenyan shillings", "KES"),
    ("ugx", "UGX"),
    ("ugandan shillings", "UGX"),
    ("tzs", "TZS"),
    ("tanzanian shillings", "TZS"),
    ("etb", "ETB"),
    ("birr", "ETB"),
    ("zmw", "ZMW"),
    ("kwacha", "ZMW"),
    ("irr", "IRR"),
    ("rials", "IRR"),
    ("rial", "IRR"),
    ("iranian rials", "IRR"),
    ("dirham", "AED"),
    ("uae dirhams", "AED"),
    ("moroccan dirhams", "MAD"),
    ("riyal", "SAR"),
    ("yuan renminbi", "CNY"),
    // Currencies the euro replaced, for amounts of their time.
    ("deutschmarks", "DEM"),
    ("deutsche marks", "DEM"),
    ("french francs", "FRF"),
    ("belgian francs", "BEF"),
    ("pesetas", "ESP"),
    ("lire", "ITL"),
    ("italian lire", "ITL"),
    ("guilders", "NLG"),
    ("dutch guilders", "NLG"),
    ("markka", "FIM"),
    ("finnish markka", "FIM"),
    ("drachmas", "GRD"),
    ("escudos", "PTE"),
    ("irish pounds", "IEP"),
    ("bitcoin", "BTC"),
    ("bitcoins", "BTC"),
    ("btc", "BTC"),
];

/// Whether "pounds" after a figure weigh rather than pay: "500 pounds of
/// cocaine", "a 300-pound bear", but not "£5m", "2 billion pounds of
/// public money" (a scale word makes it money) nor "76 million pounds".
/// `amount` is the figure with the word, `after` the text that follows.
pub fn pounds_weigh(amount: &str, after: &str) -> bool {
    let a = amount.to_ascii_lowercase();
    let word = a.trim_end().ends_with("pound") || a.trim_end().ends_with("pounds");
    if !word || a.contains('£') {
        return false;
    }
    if a.contains("-pound") {
        return true;
    }
    // A scale word, alone or on the figure ("5m pounds"), makes it money.
    let scaled = a.split_whitespace().any(|w| {
        scale_of(w.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ','))
            .is_some()
    });
    !scaled && after.trim_start().to_ascii_lowercase().starts_with("of ")
}

/// The share of its currency's unit one written unit is: "cents" and
/// "pence" are hundredths, everything else whole.
pub fn fraction_of(written: &str) -> f64 {
    match written.trim().to_lowercase().as_str() {
        "¢" | "cent" | "cents" | "pence" | "penny" => 0.01,
        _ => 1.0,
    }
}

/// The ISO code of a currency as written ("euros" → `EUR`, "$" → `USD`).
pub fn code_of(written: &str) -> Option<&'static str> {
    let w = written
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    NAMES.iter().find(|(n, _)| *n == w).map(|(_, c)| *c)
}

/// The regular expression (no captures) for a currency written before an
/// amount: a symbol or an upper-case code ("$", "€", "US$", "USD", "Rs").
/// Rule patterns use it as `{currency_pre}`.
pub fn pre_pattern() -> String {
    let mut forms: Vec<&str> = NAMES
        .iter()
        .map(|(n, _)| *n)
        .filter(|n| {
            (!n.chars().all(|c| c.is_ascii_alphabetic() || c == ' ') && !n.contains(' '))
                || is_code(n)
                || LETTER_SYMBOLS.contains(n)
        })
        .collect();
    forms.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    let alts: Vec<String> = forms.iter().map(|f| alternative(f)).collect();
    format!("(?:{})", alts.join("|"))
}

/// The regular expression (no captures) for a currency written after an
/// amount: a word or a code ("euros", "pounds sterling", "USD"). Rule
/// patterns use it as `{currency_word}`.
pub fn word_pattern() -> String {
    let mut forms: Vec<&str> = NAMES
        .iter()
        .map(|(n, _)| *n)
        .filter(|n| {
            n.chars()
                .all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '.')
                && !LETTER_SYMBOLS.contains(n)
        })
        .collect();
    forms.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    let alts: Vec<String> = forms.iter().map(|f| alternative(f)).collect();
    format!(r"(?:{})\b", alts.join("|"))
}

/// Symbols written in letters, before the amount only and in their own
/// case: "Rs 1 crore", "RM42 million" ("5 rm" is no money).
const LETTER_SYMBOLS: &[&str] = &["rs", "rs.", "rm"];

/// Whether a written form is an ISO code ("usd"), not a word ("yen").
fn is_code(form: &str) -> bool {
    NAMES
        .iter()
        .any(|(n, c)| *n == form && c.eq_ignore_ascii_case(form))
        || form == "rmb"
}

/// One written form as a pattern: codes in capitals only ("USD", not
/// "usd"), words in any case, letters starting at a word boundary.
fn alternative(form: &str) -> String {
    let esc = regex::escape(form).replace(' ', r"\s+");
    if is_code(form) {
        format!(r"\b(?-i:{})", form.to_uppercase())
    } else if form == "rm" {
        r"\b(?-i:RM)".to_string()
    } else if form == "rs" || form == "rs." {
        format!(r"\b(?-i:R){}", regex::escape(&form[1..]))
    } else if form.starts_with(|c: char| c.is_ascii_alphabetic()) {
        format!(r"\b{esc}")
    } else {
        esc
    }
}

/// Multipliers written after an amount: "€88m", "$1.2bn", "Rs 5 crore".
pub fn scale_of(word: &str) -> Option<f64> {
    Some(match word.to_lowercase().trim_end_matches('.') {
        "k" | "thousand" => 1e3,
        "m" | "mn" | "mln" | "million" => 1e6,
        "b" | "bn" | "billion" => 1e9,
        "tn" | "trillion" => 1e12,
        "lakh" | "lakhs" => 1e5,
        "crore" | "crores" => 1e7,
        _ => return None,
    })
}

struct Table {
    codes: Vec<String>,
    /// Days ascending, each with units per euro by `codes` index (NaN: none).
    days: Vec<(NaiveDate, Vec<f64>)>,
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| parse_table(TABLE))
}

fn parse_table(text: &str) -> Table {
    let mut lines = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty());
    let codes: Vec<String> = lines
        .next()
        .map(|h| h.split(',').skip(1).map(str::to_string).collect())
        .unwrap_or_default();
    let mut days = Vec::new();
    for line in lines {
        let mut cells = line.split(',');
        let Some(day) = cells
            .next()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        else {
            continue;
        };
        let rates = cells
            .map(|c| c.parse::<f64>().unwrap_or(f64::NAN))
            .collect();
        days.push((day, rates));
    }
    days.sort_by_key(|d| d.0);
    Table { codes, days }
}

/// Units of `code` one euro bought on `day` (or the nearest earlier ECB
/// day), and the day the rate is of. `EUR` is 1 on any day.
pub fn per_euro(code: &str, day: NaiveDate) -> Option<(f64, NaiveDate)> {
    if code == "EUR" {
        return Some((1.0, day));
    }
    let t = table();
    let col = t.codes.iter().position(|c| c == code)?;
    let i = t.days.partition_point(|d| d.0 <= day);
    let (date, rates) = t.days.get(i.checked_sub(1)?)?;
    // A rate more than a week old is a gap in the table, not a weekend.
    if (day - *date).num_days() > 7 {
        return None;
    }
    let r = *rates.get(col)?;
    (r.is_finite() && r > 0.0).then_some((r, *date))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn written_forms_name_their_currency() {
        assert_eq!(code_of("euros"), Some("EUR"));
        assert_eq!(code_of("$"), Some("USD"));
        assert_eq!(code_of("£"), Some("GBP"));
        assert_eq!(code_of("Rs"), Some("INR"));
        assert_eq!(code_of("Pounds  Sterling"), Some("GBP"));
        assert_eq!(code_of("doubloons"), None);
        assert_eq!(code_of("U.S.  dollars"), Some("USD"));
        assert_eq!(code_of("cents"), Some("USD"));
        assert_eq!(fraction_of("Pence"), 0.01);
        assert_eq!(fraction_of("dollars"), 1.0);
        assert!(!pre_pattern().contains("dollars"));
    }

    #[test]
    fn rate_of_a_weekday_and_of_a_sunday() {
        // Tuesday 21 October 2025, the day the Louvre jewels were valued.
        let (usd, day) = per_euro("USD", d(2025, 10, 21)).unwrap();
        assert_eq!(day, d(2025, 10, 21));
        assert!((usd - 1.1607).abs() < 1e-9);
        // Sunday 19 October: Friday 17 October's rate.
        let (_, day) = per_euro("GBP", d(2025, 10, 19)).unwrap();
        assert_eq!(day, d(2025, 10, 17));
    }

    #[test]
    fn no_rate_outside_the_table() {
        assert_eq!(per_euro("USD", d(2010, 1, 4)), None);
        assert_eq!(per_euro("XYZ", d(2025, 10, 21)), None);
        // The ECB stopped quoting the rouble in March 2022.
        assert_eq!(per_euro("RUB", d(2023, 6, 1)), None);
        assert_eq!(per_euro("EUR", d(1990, 1, 1)).map(|r| r.0), Some(1.0));
    }

    #[test]
    fn scales() {
        assert_eq!(scale_of("m"), Some(1e6));
        assert_eq!(scale_of("bn"), Some(1e9));
        assert_eq!(scale_of("crore"), Some(1e7));
        assert_eq!(scale_of("meters"), None);
    }
}
