//! Money: amounts with a currency — "€88m", "88 million euros", "$102.1
//! million", "£76m", "USD 200", "a hundred dollars", "US$1.2 billion",
//! "Rs 1 crore", ranges ("$5-10 million") and hedges ("more than $100m").
//!
//! The amount is an interval in the stated currency, widened by the stated
//! precision ("$102 million" is [101.5, 102.5] million). Where the article
//! has a publication date and the ECB table a rate for it (or the nearest
//! earlier ECB day), the value is also converted to euros and its unit is
//! `EUR`, so €88m, $102m and £76m of one October day overlap. Without a
//! date or a rate the unit is the stated currency's code, and amounts in
//! different currencies are never compared. Two amounts in one currency
//! compare as stated, free of rate noise ([`crate::fact::Value::relation`]).
//!
//! One amount given twice ("88 million euros, or $102 million", "more than
//! $100m (some 88 million euros)") is one fact whose value is what both
//! allow.
//!
//! Rules: `rules/money.toml`; currencies and rates:
//! [`crate::normalise::currency`].
//!
//! Cents and pence are hundredths of their currency ("50 cents" is 0.50
//! USD, "197 pence" 1.97 GBP); a symbol after the figure ("20€", "10 $")
//! and ranges before a currency word ("10-20 dollars", "between 1.1 and
//! 1.3 dollars") are read too.
//!
//! Whole units and hundredths are one amount ("20 dollars 43 cents" is
//! 20.43 USD). Currencies the ECB table lacks (naira, dinars, shillings,
//! "₦", "KWD") are read in their own code and compared only with amounts
//! in the same currency.
//!
//! Known gaps: bare "dollars" and "cents" are US dollars; "$" of other
//! dollar countries is read as USD unless written "A$", "C$", "HK$", "S$";
//! a bare "dinars" or "shillings" (no country) is not read; codes that are
//! English words ("ALL", "CUP", "TOP") or names ("COP", "NPR", "PHP") are
//! not currencies; a code glued to its figure is read only for the main
//! currencies ("USD115", "115USD", "RM42 million", "Rs20,000").

use super::Extractor;
use super::numeric::{MatchContext, Reading, extract_with, hedge_of};
use crate::clean::Document;
use crate::fact::{Fact, Kind, Value};
use crate::interval::Interval;
use crate::normalise::numbers::{self, Number};
use crate::normalise::subjects::clause;
use crate::normalise::{currency, hedges};
use crate::rules::Rules;
use regex::Captures;

pub struct Money;

impl Extractor for Money {
    fn kind(&self) -> Kind {
        Kind::Money
    }
    fn extract(&self, doc: &Document, rules: &Rules) -> Vec<Fact> {
        merge_restated(doc, extract_with(Kind::Money, doc, rules, read))
    }
}

/// A parsed amount times its written scale ("88" + "m").
fn amount(num: &str, scale: Option<&str>) -> Option<Number> {
    let n = numbers::parse(num)?;
    let k = match scale {
        Some(s) => currency::scale_of(s)?,
        None => 1.0,
    };
    let scaled = Number {
        value: n.value * k,
        step: n.step * k,
        vague: n.vague.map(|v| v.scale(k)),
    };
    (scaled.value.is_finite() && scaled.value < 1e16).then_some(scaled)
}

fn read(caps: &Captures, ctx: &MatchContext) -> Option<Reading> {
    let cur = caps.name("cur")?.as_str();
    let code = currency::code_of(cur)?;
    let num = caps.name("num")?.as_str();
    // "a pound of apples", "the one won": only dollars, euros and cents
    // are money after "a" or "one".
    let cur_lower = cur.to_lowercase();
    let plain = matches!(
        cur_lower.as_str(),
        "dollar" | "dollars" | "euro" | "euros" | "cent" | "cents" | "penny" | "pence"
    );
    if matches!(num.to_lowercase().as_str(), "a" | "an" | "one" | "half")
        && !(plain && num.to_lowercase() != "half")
    {
        return None;
    }
    // "In 2024 €5bn …": a symbol after a figure that another figure follows
    // is that figure's, not this one's.
    if cur.chars().all(|c| !c.is_alphanumeric())
        && caps.get(0)?.as_str().ends_with(cur)
        && ctx
            .next_lower(3)
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    // "a 200-pound man", "500 pounds of cocaine" are weights.
    if code == "GBP" && currency::pounds_weigh(caps.get(0)?.as_str(), &ctx.next_lower(8)) {
        return None;
    }
    let scale = caps.name("scale").map(|m| m.as_str());
    let mut n = amount(num, scale)?;
    // "20 dollars 43 cents": hundredths after the whole units, to the cent.
    if let Some(m) = caps.name("minor") {
        let minor = numbers::parse(m.as_str())?;
        if n.vague.is_some() || minor.vague.is_some() || !(0.0..100.0).contains(&minor.value) {
            return None;
        }
        n = Number {
            value: n.value + (minor.value / 100.0),
            step: 0.01,
            vague: None,
        };
    }
    let part = currency::fraction_of(cur);
    n.value *= part;
    n.step *= part;
    n.vague = n.vague.map(|v| v.scale(part));
    let (hedge, words) = hedge_of(caps, ctx);
    let stated = match caps.name("num2") {
        Some(m) => {
            let scale2 = caps.name("scale2").map(|m| m.as_str());
            let mut hi = amount(m.as_str(), scale2)?;
            hi.value *= part;
            // "$5-10 million": the low end takes the high end's scale.
            let bare = |s: &str| s.split_whitespace().count() == 1;
            let lo = if scale.is_none() && bare(num) && (!bare(m.as_str()) || scale2.is_some()) {
                let head = m.as_str().split_whitespace().next().unwrap_or("");
                let k = hi.value / part / amount(head, scale2)?.value.max(f64::MIN_POSITIVE)
                    * scale2.and_then(currency::scale_of).unwrap_or(1.0);
                n.value * k
            } else {
                n.value
            };
            if lo > hi.value {
                return None;
            }
            Interval::closed(lo, hi.value)
        }
        None => hedges::apply(hedge, n),
    };
    let (sentence, span) = ctx.sentence();
    let subject = ctx
        .rules
        .subject_index
        .nearest(sentence, span, Kind::Money)
        .or_else(|| priced_noun(sentence, span));
    Some(Reading {
        value: money_value(stated, code, ctx.doc.published),
        hedge: words,
        subject,
    })
}

/// Plural words that are not the thing an amount is the price or value of.
const NOT_PRICED: [&str; 37] = [
    "this",
    "was",
    "has",
    "its",
    "his",
    "hers",
    "thus",
    "does",
    "plus",
    "less",
    "unless",
    "across",
    "always",
    "perhaps",
    "whereas",
    "times",
    "ones",
    "others",
    "these",
    "those",
    "officials",
    "analysts",
    "sources",
    "reports",
    "tens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    // units of time: "jailed for 20 years … over a £900 million fraud"
    "seconds",
    "minutes",
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "decades",
];

/// The thing an amount prices when no subject word is near: the nearest
/// plural common noun before it in its clause ("jewels worth £76
/// million", "crown jewels … have been valued at more than $100m"). A
/// rough stand-in until alignment reads head nouns from the sentence.
fn priced_noun(sentence: &str, span: (usize, usize)) -> Option<(String, String)> {
    let (lo, _) = clause(sentence, span);
    sentence[lo..span.0.max(lo)]
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .rev()
        .take(30)
        .find(|w| {
            w.len() > 3
                && w.ends_with('s')
                && !w.ends_with("ss")
                && w.chars().all(|c| c.is_ascii_lowercase())
                && !NOT_PRICED.contains(w)
        })
        .map(|w| (w.to_string(), w.to_string()))
}

/// The value of `amount` in `code`: in euros where a rate of `published`
/// exists, else in the stated currency.
pub fn money_value(amount: Interval, code: &str, published: Option<chrono::NaiveDate>) -> Value {
    let rate = published.and_then(|p| currency::per_euro(code, p));
    let (interval, unit, rate_date) = match rate {
        Some((r, day)) => (amount.scale(1.0 / r), "EUR", Some(day)),
        None => (amount, crate::words::intern(code), None),
    };
    Value::Money(Box::new(crate::fact::Money {
        interval,
        unit,
        amount,
        currency: crate::words::intern(code),
        rate_date,
    }))
}

/// Whether the text between two amounts says the second restates the
/// first: ", or", " (", "(some", " or about".
fn restates(gap: &str) -> bool {
    let g = gap.trim().to_lowercase();
    let g = g.trim_start_matches(',').trim();
    let g = g.trim_start_matches('(').trim();
    let g = g.strip_prefix("or").unwrap_or(g).trim();
    g.is_empty() || gap.trim() == "/" || gap.trim() == "("
}

/// Joins "88 million euros, or $102 million" into one fact, its value what
/// both allow (the first's where they do not overlap).
fn merge_restated(doc: &Document, facts: Vec<Fact>) -> Vec<Fact> {
    let mut out: Vec<Fact> = Vec::new();
    for f in facts {
        if let Some(prev) = out.last_mut()
            && prev.end <= f.start
            && f.start - prev.end <= 12
            && doc.text.is_char_boundary(prev.end)
            && restates(&doc.text[prev.end..f.start])
            && doc.sentence_at(prev.start).map(|s| s.start)
                == doc.sentence_at(f.start).map(|s| s.start)
        {
            let mut end = f.end;
            if doc.text[prev.end..f.start].contains('(') && doc.text[end..].starts_with(')') {
                end += 1;
            }
            if let (Value::Money(x), Value::Money(y)) = (&mut prev.value, &f.value)
                && x.unit == y.unit
                && x.interval.overlaps(&y.interval)
            {
                x.interval = intersect(&x.interval, &y.interval);
            }
            prev.end = end;
            prev.text = crate::fact::Span::new(&doc.text, prev.start, end);
            if prev.hedge.is_none() {
                prev.hedge = f.hedge;
            }
            continue;
        }
        out.push(f);
    }
    out
}

/// The numbers in both of two overlapping intervals.
fn intersect(a: &Interval, b: &Interval) -> Interval {
    let (lo, lo_open) = if a.lo > b.lo || (a.lo == b.lo && a.lo_open) {
        (a.lo, a.lo_open)
    } else {
        (b.lo, b.lo_open)
    };
    let (hi, hi_open) = if a.hi < b.hi || (a.hi == b.hi && a.hi_open) {
        (a.hi, a.hi_open)
    } else {
        (b.hi, b.hi_open)
    };
    Interval {
        lo,
        hi,
        lo_open,
        hi_open,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fact::Relation;
    use chrono::NaiveDate;

    fn facts(text: &str, published: &str) -> Vec<Fact> {
        let rules = Rules::embedded().unwrap();
        let p = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
        let doc = crate::clean::example_document(text, p, &rules);
        crate::extract::extract(&doc, &rules)
            .into_iter()
            .filter(|f| f.kind == Kind::Money)
            .collect()
    }

    fn one(text: &str, published: &str) -> Fact {
        let mut f = facts(text, published);
        assert_eq!(
            f.len(),
            1,
            "{text}: {:?}",
            f.iter().map(|f| &f.text).collect::<Vec<_>>()
        );
        f.remove(0)
    }

    #[test]
    fn louvre_valuations_in_three_currencies_overlap() {
        // Louvre heist, October 2025: four outlets, three currencies.
        let day = "2025-10-21";
        let ap = one(
            "The crown jewels that were stolen in a dramatic weekend heist at the Louvre are worth an estimated 88 million euros, or $102 million, not including their historical value to France, the Paris prosecutor said Tuesday.",
            day,
        );
        assert_eq!(ap.text, "an estimated 88 million euros, or $102 million");
        let bbc = one(
            "The crown jewels stolen from the Louvre museum in Paris in a brazen daylight robbery over the weekend have been valued at more than $100m (some 88 million euros), a French prosecutor said.",
            day,
        );
        assert_eq!(bbc.text, "more than $100m (some 88 million euros)");
        let nyp = one(
            "The crooks made off with a trove of irreplaceable treasures worth about $102.1 million, or 88 million euros, before fleeing within 7 minutes.",
            day,
        );
        let uk = one("The stolen jewels are worth £76 million.", day);
        let all = [&ap, &bbc, &nyp, &uk];
        for a in all {
            assert_eq!(a.value.unit(), "EUR", "{}", a.text);
            for b in all {
                assert_ne!(
                    a.value.relation(&b.value),
                    Relation::Disjoint,
                    "{} vs {}",
                    a.text,
                    b.value.describe()
                );
            }
        }
    }

    #[test]
    fn a_unit_of_time_is_no_priced_thing() {
        // A court sentencing and a takeover: the years of a term or of a
        // deal are not what the amount prices.
        for sentence in [
            "Former banker John Hale was jailed for 20 years on Thursday over a £900 million fraud.",
            "The two firms agreed over three years to a $2 billion merger.",
        ] {
            let m = one(sentence, "2025-06-12");
            assert_ne!(m.subject, "years", "{sentence}");
        }
    }

    #[test]
    fn same_currency_compares_as_stated() {
        let a = one("The jewels are worth $102 million.", "2025-10-21");
        let b = one("The jewels are worth $102.1 million.", "2025-10-21");
        let c = one("The jewels are worth $60 million.", "2025-10-21");
        assert_eq!(a.value.relation(&b.value), Relation::Overlap);
        assert_eq!(a.value.relation(&c.value), Relation::Disjoint);
    }

    #[test]
    fn without_a_date_currencies_are_not_compared() {
        let eur = one("A takeover price of €88m was agreed.", "");
        let usd = one("A takeover price of $102m was agreed.", "");
        let usd2 = one("A takeover price of $150m was agreed.", "");
        assert_eq!(eur.value.unit(), "EUR");
        assert_eq!(usd.value.unit(), "USD");
        assert_eq!(eur.value.relation(&usd.value), Relation::Incomparable);
        assert_eq!(usd.value.relation(&usd2.value), Relation::Disjoint);
    }

    #[test]
    fn forms_of_other_kinds_of_news() {
        // A takeover, a budget, a salary, a fine: written every way news writes money.
        let cases = [
            (
                "Chevron agreed to buy Hess for $53 billion in stock.",
                "$53 billion",
            ),
            (
                "Parliament passed a budget of 3.5bn pounds for schools.",
                "3.5bn pounds",
            ),
            ("The regulator fined the bank €1.2bn on Monday.", "€1.2bn"),
            ("Tickets sold for USD 200 each.", "USD 200"),
            (
                "He was paid a hundred dollars for the story.",
                "a hundred dollars",
            ),
            ("The film collected Rs 1 crore on day one.", "Rs 1 crore"),
            (
                "The project will cost between $40 million and $50 million.",
                "between $40 million and $50 million",
            ),
            // Small change: a tax, a fare, a share price.
            ("The tax adds 12 cents to a gallon of fuel.", "12 cents"),
            ("Shares closed at 197 pence in London.", "197 pence"),
            ("The council's 50-cent fare will rise in June.", "50-cent"),
            ("A loaf now costs one dollar more.", "one dollar"),
            ("Tickets cost 20€ at the gate.", "20€"),
            (
                "The airline paid 2.5 million US dollars in damages.",
                "2.5 million US dollars",
            ),
            (
                "Reconstruction will cost 10-20 billion dollars, the World Bank said.",
                "10-20 billion dollars",
            ),
            (
                "The club will pay between 40 and 50 million euros for the striker.",
                "between 40 and 50 million euros",
            ),
            (
                "Israel fined the firm 3 million shekels.",
                "3 million shekels",
            ),
        ];
        for (sentence, want) in cases {
            let f = one(sentence, "2025-08-16");
            assert_eq!(f.text, want, "{sentence}");
            let iv = f.value.interval().unwrap();
            assert!(iv.lo <= iv.hi && iv.lo.is_finite(), "{sentence}: {iv}");
        }
    }

    #[test]
    fn hedged_and_ranged_amounts() {
        let f = one("Costs rose to more than $100m last year.", "2025-08-16");
        let Value::Money(m) = f.value else { panic!() };
        let amount = m.amount;
        // Over $100m, short of the $200m the writer would have said.
        assert!(amount.lo_open && amount.lo == 100e6 && amount.hi == 200e6);
        let r = one("The repair bill is $5-10 million.", "2025-08-16");
        let Value::Money(m) = r.value else { panic!() };
        let amount = m.amount;
        assert_eq!((amount.lo, amount.hi), (5e6, 10e6));
    }

    #[test]
    fn the_thing_priced_is_the_subject() {
        // Louvre heist (wojna, BBC): the jewels are what the amount values.
        let f = one(
            "Four masked thieves stole jewels worth £76 million from the Louvre's Apollo Gallery.",
            "2025-10-21",
        );
        assert_eq!(f.subject, "jewels");
        let g = one(
            "The crown jewels stolen from the Louvre museum in Paris in a brazen daylight robbery over the weekend have been valued at more than $100m, a French prosecutor said.",
            "2025-10-21",
        );
        assert_eq!(g.subject, "jewels");
        // A budget in other news.
        let b = one("Ministers set aside €2bn for new hospitals.", "2025-08-16");
        assert_eq!(b.subject, "");
    }

    #[test]
    #[ignore = "an undated article's restated pair ('88 million euros, or $102 million') is not yet used as its own rate, so undated euros and dollars stay apart"]
    fn undated_restated_pair_meets_dollars() {
        let pair = one(
            "The jewels are worth an estimated 88 million euros, or $102 million.",
            "",
        );
        let usd = one("The jewels are worth more than $100m.", "");
        assert_eq!(pair.value.relation(&usd.value), Relation::Overlap);
    }

    #[test]
    fn not_money() {
        assert!(facts("A pound of apples costs more than it did.", "2025-08-16").is_empty());
        assert!(facts("Brazil won 3-1 on Sunday.", "2025-08-16").is_empty());
        assert!(facts("The one won by Spain was closer.", "2025-08-16").is_empty());
        assert!(facts("Rangers said the 300-pound bear was moved.", "2025-08-16").is_empty());
        assert!(facts("He ate a pound of cherries.", "2025-08-16").is_empty());
    }

    #[test]
    fn cents_are_hundredths() {
        let f = one("The tax adds 12 cents to a gallon of fuel.", "");
        let Value::Money(m) = f.value else { panic!() };
        let amount = m.amount;
        assert!(
            amount.lo <= 0.12 && 0.12 <= amount.hi && amount.hi < 0.2,
            "{amount:?}"
        );
    }

    #[test]
    fn whole_units_and_hundredths_are_one_amount() {
        // A price rise after a storm, and a fare in pounds.
        let a = one(
            "A gallon of milk now costs thirteen dollars and forty-five cents on the island.",
            "2025-10-30",
        );
        assert_eq!(a.text, "thirteen dollars and forty-five cents");
        assert_eq!(a.value.unit(), "EUR");
        let b = one(
            "Bread rose to 3 pounds 50 pence a loaf after the floods.",
            "",
        );
        let iv = b.value.interval().unwrap();
        assert!(iv.lo <= 3.5 && 3.5 <= iv.hi && iv.hi - iv.lo < 0.02, "{iv}");
        assert_eq!(b.value.unit(), "GBP");
    }

    #[test]
    fn currencies_without_a_rate_keep_their_own_code() {
        // Amounts the ECB table cannot convert are still read, in their
        // own currency, and compared only with amounts in it.
        let a = one(
            "The regulator fined the lender 200,000 KWD last year.",
            "2025-10-30",
        );
        assert_eq!(a.value.unit(), "KWD");
        let b = one(
            "Each family was paid ₦500,000 in compensation.",
            "2025-10-30",
        );
        assert_eq!(b.value.unit(), "NGN");
        let c = one(
            "The bribe was put at 40 million Kenyan shillings.",
            "2025-10-30",
        );
        assert_eq!(c.value.unit(), "KES");
        assert!(
            facts(
                "Delegates arrived for the COP 30 summit in Belem.",
                "2025-10-30"
            )
            .is_empty()
        );
    }

    #[test]
    fn pounds_that_weigh_are_no_money() {
        // A drug seizure and a budget row.
        assert!(
            facts(
                "Border agents seized 1,000 pounds of cocaine from the boat.",
                ""
            )
            .is_empty()
        );
        assert!(facts("Rangers said the 300-pound bear was moved away.", "").is_empty());
        let a = one(
            "Critics said the scheme wasted 2 billion pounds of public money.",
            "",
        );
        assert_eq!(a.value.unit(), "GBP");
    }
}
