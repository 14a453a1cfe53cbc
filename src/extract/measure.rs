//! Measures: lengths and distances, depths, heights, speeds, temperatures
//! and earthquake magnitudes — "a depth of 17 km", "119-136 km
//! east-southeast" (a distance, when "of" a place follows: the place is a
//! name of its own), "Waves up to 4m (13ft)", "1,500°C (2,700°F)", "185
//! mph", "a powerful magnitude 8.8 earthquake".
//!
//! Each value is an interval in the canonical unit of its dimension (`m`,
//! `m/s`, `degC`, `magnitude`; the table is [`crate::normalise::units`]), so
//! "130 km" meets "81 miles" and "150 miles per hour" meets "241 km/h". A
//! conversion in brackets belongs to the one fact and the value is the
//! figure stated first; a range is one fact ("1-3m (3-10ft)"). A bare figure
//! stands for what rounds to it: "8.8" is [8.75, 8.85), so 8.8 and 8.7 are
//! disjoint while "around 20 km" (a hedge, `rules/hedges.toml`) is wide.
//!
//! The subject is what is measured, read from a word next to the figure
//! (depth, wave, wind, offshore, a compass direction, aftershocks; a
//! magnitude is its own subject), else what `rules/subjects.toml` finds; the align stage reads the rest of the
//! frame.
//!
//! Not measures: categories and ranks ("Category 4 storm"), money ("$5m",
//! "£76m"), millions of things ("5m people"). Measures are read before
//! counts, so "4 meters" is never a count of meters.
//!
//! Weights (kg), volumes (litres) and areas (m2) are read the same way:
//! "3 tonnes", "2 million gallons", "500 square kilometres"; "lb" is a
//! weight, and "pounds" are a weight where they weigh something ("500
//! pounds of cocaine", "a 300-pound bear"), else money.
//!
//! "Degrees" without Celsius or Fahrenheit ("45 degrees", "85°") is a
//! measure in `deg`, compared only with other bare degrees.
//!
//! Known gaps: a conversion that disagrees
//! with its own figure is not flagged.

use super::Extractor;
use super::numeric::{MatchContext, Reading, extract_with, hedge_of};
use crate::clean::Document;
use crate::fact::{Fact, Kind, Value};
use crate::interval::Interval;
use crate::normalise::{hedges, numbers, units};
use crate::rules::Rules;
use regex::Captures;

pub struct Measure;

impl Extractor for Measure {
    fn kind(&self) -> Kind {
        Kind::Measure
    }
    fn extract(&self, doc: &Document, rules: &Rules) -> Vec<Fact> {
        extract_with(Kind::Measure, doc, rules, read)
    }
}

/// Words next to a figure that say what it measures, and the subject each
/// gives. The nearest such word wins.
const ROLES: &[(&[&str], &str)] = &[
    (&["depth", "deep", "shallow"], "depth"),
    (
        &["wave", "waves", "tsunami", "tsunamis", "swell", "surge"],
        "wave-height",
    ),
    (&["wind", "winds", "gust", "gusts"], "wind-speed"),
    (
        &["rain", "rainfall", "snow", "snowfall", "precipitation"],
        "rainfall",
    ),
    (
        &["high", "tall", "height", "elevation", "altitude"],
        "height",
    ),
    (
        &[
            "offshore",
            "off",
            "away",
            "distance",
            "north",
            "south",
            "east",
            "west",
            "northeast",
            "northwest",
            "southeast",
            "southwest",
        ],
        "distance",
    ),
    (
        &["aftershock", "aftershocks", "tremors", "foreshock"],
        "aftershock-magnitude",
    ),
];

/// How many words before and after the figure a role word may stand.
const ROLE_BEFORE: usize = 6;
const ROLE_AFTER: usize = 4;

fn read(caps: &Captures, ctx: &MatchContext) -> Option<Reading> {
    let num = caps.name("num").or(caps.name("bnum"))?.as_str();
    let num2 = caps.name("num2").or(caps.name("bnum2"));
    // "3m to 4m": both ends in one unit.
    if let (Some(u1), Some(u)) = (caps.name("unit1"), caps.name("unit"))
        && units::find(u1.as_str()).map(|x| x.pattern) != units::find(u.as_str()).map(|x| x.pattern)
    {
        return None;
    }
    let mut n = numbers::parse(num)?;
    let (hedge, words) = hedge_of(caps, ctx);
    // "6 feet 2 inches", "5ft 11in": one length, precise to its inches.
    if let Some(inch) = caps.name("inch") {
        let i = numbers::parse(inch.as_str())?;
        if i.value >= 12.0 {
            return None;
        }
        let feet = n.value * 0.3048 + i.value * 0.0254;
        let step = i.step * 0.0254;
        let stated = match hedge {
            Some(_) => hedges::apply(
                hedge,
                numbers::Number {
                    value: feet,
                    step,
                    vague: None,
                },
            ),
            None => Interval::half_open(feet - step / 2.0, feet + step / 2.0),
        };
        return Some(Reading {
            value: Value::Quantity {
                interval: stated,
                unit: "m",
                noun: None,
            },
            hedge: words,
            subject: role(ctx, "m").map(|s| (s.to_string(), s.to_string())),
        });
    }
    // "minus 12 degrees": only temperatures go below zero.
    // "2 degrees below zero".
    let below = caps.name("below").is_some();
    let negative = caps.name("neg").is_some() != below;
    if caps.name("neg").is_some() || below {
        let unit = caps.name("unit").map_or("", |m| m.as_str());
        if num2.is_some()
            || units::find(unit).is_none_or(|u| !matches!(u.canonical, "degC" | "deg"))
            || caps
                .name("neg")
                .is_some_and(|m| m.as_str().trim() != "minus" && hedge.is_some())
        {
            return None;
        }
    }
    if negative {
        n.value = -n.value;
    }
    let stated = match num2 {
        Some(m) => {
            let hi = numbers::parse(m.as_str())?.value;
            if hi < n.value {
                return None;
            }
            Interval::closed(n.value, hi)
        }
        None if negative => Interval::half_open(n.value - n.step / 2.0, n.value + n.step / 2.0),
        None if hedge.is_some() || n.vague.is_some() => hedges::apply(hedge, n),
        // A bare figure stands for what rounds to it: [x - step/2, x + step/2).
        None => Interval::half_open(n.value - n.step / 2.0, n.value + n.step / 2.0),
    };
    // "86mm per year" is a rate, not a length.
    let next = ctx.next_lower(32);
    if [
        "per ",
        "a year",
        "yearly",
        "every year",
        "monthly",
        "daily",
        "a month",
        "an hour",
        "a day",
        "/yr",
        "/year",
        "each year",
        "annually",
    ]
    .iter()
    .any(|w| next.starts_with(w))
        && caps.name("mag").is_none()
        && !caps
            .name("unit")
            .is_some_and(|u| u.as_str().to_lowercase().contains("hour"))
    {
        return None;
    }
    let (interval, unit) = if caps.name("mag").is_some() {
        if !(0.0..=10.0).contains(&n.value) {
            return None;
        }
        (stated, "magnitude")
    } else {
        let unit_m = caps.name("unit")?;
        let u = units::find(unit_m.as_str())?;
        // "pounds" are money unless they weigh ("500 pounds of cocaine").
        if unit_m.as_str().to_ascii_lowercase().starts_with("pound")
            && !crate::normalise::currency::pounds_weigh(
                &ctx.paragraph[caps.get(0)?.start()..unit_m.end()],
                &ctx.next_lower(8),
            )
        {
            return None;
        }
        if u.abbreviation && !num.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        // "40C" is a temperature, also at the end of a sentence ("hit
        // 40C."); "10 F-16s", "Category 4 C" and "4 C.E." are not. Litres
        // are written apart from the figure too ("1000 l").
        let letter = unit_m.as_str().len() == 1;
        let glued = num2.or(caps.name("num")).map(|m| m.end()) == Some(unit_m.start());
        let rest = &ctx.paragraph[unit_m.end()..];
        let joined_on = rest.starts_with('-')
            || (rest.starts_with('.') && rest[1..].starts_with(|c: char| c.is_alphanumeric()));
        if letter && ((!glued && unit_m.as_str() != "l") || joined_on) {
            return None;
        }
        let converted = Interval {
            lo: u.convert(stated.lo),
            hi: u.convert(stated.hi),
            ..stated
        };
        (converted, u.canonical)
    };
    // "over 0 km" is no claim (and 0 × ∞ is no number).
    if interval.lo.is_nan() || interval.hi.is_nan() || interval.lo > interval.hi {
        return None;
    }
    // Without a role word the subject is left to the subject rules: a
    // dimension alone ("length") says nothing about which figure it is.
    Some(Reading {
        value: Value::Quantity {
            interval,
            unit,
            noun: None,
        },
        hedge: words,
        // A length with a bearing from a place ("125 km east-southeast of
        // Petropavlovsk") is a distance, whatever the sentence names next.
        // The place is left out of the fact's words: it is a name of its own.
        subject: (unit == "m" && caps.name("bearing").is_some() && caps.name("from").is_some())
            .then_some("distance")
            .or_else(|| role(ctx, unit))
            .or((unit == "magnitude").then_some("magnitude"))
            .map(|s| (s.to_string(), s.to_string())),
    })
}

/// The subject a nearby word gives the figure, if any fits its unit.
fn role(ctx: &MatchContext, unit: &str) -> Option<&'static str> {
    let (sentence, (a, b)) = ctx.sentence();
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let before = words(&sentence[..a]);
    let after = words(&sentence[b..]);
    let fits = |subject: &str| match unit {
        "magnitude" => subject == "aftershock-magnitude",
        "m/s" => subject == "wind-speed",
        "m" => !matches!(subject, "aftershock-magnitude" | "wind-speed"),
        _ => false,
    };
    let find = |w: &str| {
        ROLES
            .iter()
            .find(|(ws, s)| fits(s) && ws.contains(&w))
            .map(|(_, s)| *s)
    };
    // The nearest role word wins, but a plain height ("3m high") yields to
    // what stands that high ("waves up to 3m high").
    let nearest = |skip_height: bool| {
        let role_of = |w: &String| find(w).filter(|s| !(skip_height && *s == "height"));
        let mut best: Option<(usize, &'static str)> = None;
        for (d, w) in before.iter().rev().take(ROLE_BEFORE).enumerate() {
            if let Some(s) = role_of(w) {
                best = Some((d, s));
                break;
            }
        }
        for (d, w) in after.iter().take(ROLE_AFTER).enumerate() {
            if let Some(s) = role_of(w) {
                if best.is_none_or(|(bd, _)| d <= bd) {
                    best = Some((d, s));
                }
                break;
            }
        }
        best.map(|(_, s)| s)
    };
    nearest(true).or_else(|| nearest(false))
}

#[cfg(test)]
mod tests {
    use crate::fact::{Fact, Kind, Relation};
    use crate::interval::Interval;
    use crate::rules::Rules;

    fn measures(text: &str) -> Vec<Fact> {
        let rules = Rules::embedded().unwrap();
        let doc = crate::clean::example_document(text, None, &rules);
        crate::extract::extract(&doc, &rules)
            .into_iter()
            .filter(|f| f.kind == Kind::Measure)
            .collect()
    }

    fn one(text: &str) -> Fact {
        let mut f = measures(text);
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        f.remove(0)
    }

    #[test]
    fn magnitudes_of_one_quake_agree_and_differ() {
        // kamchatka-earthquake-2025: five outlets say 8.8, one 8.7.
        let a = one(
            "A strong 8.8-magnitude earthquake hit off Russia's far eastern Kamchatka Peninsula.",
        );
        let b = one("The magnitude 8.7 quake’s epicenter was located 149 km southeast of the regional capital.".split(" epicenter").next().unwrap());
        let c = one(
            "An Earthquake with a magnitude of 8.8 off the Kamchatka Peninsula in Russia triggered massive tsunami warning.",
        );
        assert_eq!(a.value.relation(&c.value), Relation::Same);
        assert_eq!(a.value.relation(&b.value), Relation::Disjoint);
    }

    #[test]
    fn units_convert_so_km_meets_miles() {
        // kamchatka: "about 125km (80 miles)" against another outlet's "130 km offshore".
        let a = one(
            "The earthquake, centered about 125km (80 miles) east-southeast of the city, was shallow.",
        );
        // The place it is measured from is a name of its own, not its words.
        assert_eq!(a.text, "about 125km (80 miles) east-southeast");
        assert_eq!(a.subject, "distance");
        let b = one("The epicenter was 81 miles offshore in the Pacific Ocean.");
        assert_eq!(a.value.relation(&b.value), Relation::Overlap);
        // A hurricane's winds: "150 miles per hour" is not "185 mph".
        let c = one("Melissa made landfall with sustained winds of 185 mph.");
        let d = one("The storm carried winds of 150 miles per hour into the island.");
        assert_eq!(c.subject, "wind-speed");
        assert_eq!(c.value.relation(&d.value), Relation::Disjoint);
        let e = one("Winds of 298 km/h battered the coast.");
        assert_eq!(c.value.relation(&e.value), Relation::Overlap);
    }

    #[test]
    fn temperature_with_its_conversion_is_one_fact() {
        // air-india-ai171-crash-2025.
        let f = one(
            "The temperature of the fire would have reached 1,500°C (2,700°F), making it impossible to save anyone.",
        );
        assert_eq!(f.text, "1,500°C (2,700°F)");
        assert_eq!(f.value.unit(), "degC");
        let g = one("Fire crews measured 2,700 degrees Fahrenheit inside the wreck.");
        assert_eq!(f.value.relation(&g.value), Relation::Overlap);
    }

    #[test]
    fn meters_are_measures_not_counts() {
        let rules = Rules::embedded().unwrap();
        let doc = crate::clean::example_document(
            "Storm surge reached 4 meters and 51 centimeters of rain fell.",
            None,
            &rules,
        );
        let facts = crate::extract::extract(&doc, &rules);
        assert!(facts.iter().all(|f| f.kind != Kind::Count), "{facts:?}");
        assert_eq!(facts.iter().filter(|f| f.kind == Kind::Measure).count(), 2);
    }

    fn has(iv: Interval, x: f64) -> bool {
        iv.lo <= x && x <= iv.hi
    }

    #[test]
    fn areas_volumes_and_weights() {
        // A wildfire, a spill, a drugs seizure, aid, a heat wave's water.
        let f = one("The fire burned 500 square kilometres of forest.");
        assert_eq!(f.value.unit(), "m2");
        assert_eq!(f.text, "500 square kilometres");
        let f = one("Firefighters saved a 45-acre vineyard near the town.");
        assert_eq!(f.value.unit(), "m2");
        let f = one("The tanker spilled about 2.4 million gallons of crude oil.");
        assert_eq!(f.value.unit(), "l");
        assert!(has(f.value.interval().unwrap(), 2.4e6 * 3.785));
        let f = one("Police seized 2.5 kilograms of cocaine at the port.");
        assert_eq!(f.value.unit(), "kg");
        assert!(has(f.value.interval().unwrap(), 2.5));
        let f = one("The convoy carried 10 tonnes of food and medicine into Gaza.");
        assert!(has(f.value.interval().unwrap(), 10_000.0));
        let f = one("The US sent 16,000 metric tons of grain.");
        assert!(has(f.value.interval().unwrap(), 16e6));
        let f = one("The record pumpkin weighed 2,560lbs, the fair said.");
        assert_eq!(f.value.unit(), "kg");
        assert!(has(f.value.interval().unwrap(), 2560.0 * 0.4536));
        let f = one("Each runner was handed 500ml of water at the start.");
        assert_eq!(f.text, "500ml");
        // Not weights: a phone network, money.
        assert!(measures("The carrier rolled out its 5G network.").is_empty());
        assert!(measures("The club paid 40 pounds for each ticket.").is_empty());
    }

    #[test]
    fn feet_and_inches_are_one_length() {
        // A player's height; a storm surge.
        let f = one("The 6 feet 2 inches forward signed a three-year deal.");
        assert_eq!(f.text, "6 feet 2 inches");
        let iv = f.value.interval().unwrap();
        assert!(has(iv, 1.8796) && iv.hi - iv.lo < 0.03, "{iv:?}");
        let f = one("The storm surge reached 9ft 6in in places.");
        assert!(has(f.value.interval().unwrap(), 2.8956));
    }

    #[test]
    fn odd_text_does_not_panic() {
        for text in [
            "-°C °F 1-°C (°F) minus km",
            "İİ 4m (13ft İ) 9.9.9 km 1,5 km/h 10 F-16 5 m/s/s",
            "between 30 and 20 km, 20-10 m, magnitude 99.9, M0",
            "around minus 10 °C, nearly -5°F, over 0 km, up to 2,700°F (1,500°C)",
        ] {
            for f in measures(text) {
                let iv = f.value.interval().unwrap();
                assert!(iv.lo <= iv.hi, "{text}: {iv:?}");
            }
        }
    }

    #[test]
    fn not_measures() {
        assert!(
            measures("Melissa strengthened into a Category 4 storm with winds near the coast.")
                .is_empty()
        );
        assert!(measures("The jewels were valued at £76m, or €88m.").is_empty());
        assert!(measures("About 5m people live in the region.").is_empty());
        // kamchatka: a plate's rate is no length.
        assert!(
            measures("The Pacific Plate subducts beneath the Okhotsk Plate at 86mm per year.")
                .is_empty()
        );
        assert!(measures("The Pacific Plate subducts at 86mm yearly.").is_empty());
    }

    #[test]
    fn lakhs_halves_and_figures_that_look_like_years() {
        // A harvest report, a flood story, a hospital story, a drug seizure.
        let contains = |f: &Fact, x: f64| {
            let iv = f.value.interval().unwrap();
            assert!(iv.lo <= x && x <= iv.hi, "{}: {iv}", f.text);
        };
        let a = one("Farmers harvested 25 lakh tonnes of wheat this season.");
        contains(&a, 2.5e9);
        let b = one("The village lies half a mile from the flooded river.");
        assert_eq!(b.text, "half a mile");
        contains(&b, 804.672);
        let c = one("Doctors gave him 2000 milligrams of the drug, the report said.");
        contains(&c, 0.002);
        let d = one("Border agents seized 1,000 pounds of cocaine from the boat.");
        assert_eq!(d.value.unit(), "kg");
        contains(&d, 453.6);
        let e = one("Temperatures in Seville hit 46C.");
        contains(&e, 46.0);
        let f = one("Winds exceeding 100 km/h hit the coast overnight.");
        assert!(f.hedge.is_some_and(|h| h == "exceeding"), "{:?}", f.hedge);
    }
}
