//! Units of measure as news prints them, each with its dimension's
//! canonical unit and the factor (and, for temperatures, the offset) that
//! converts to it: "130 km" and "81 miles" both become metres, "185 mph"
//! and "150 miles per hour" metres per second, "2,700°F" degrees Celsius,
//! "3 tonnes", "6,600 lbs" and "500 pounds of cocaine" kilograms, "2 gallons" litres, "45 acres"
//! square metres.
//!
//! The table is small and closed, so it lives here rather than in a crate:
//! unit libraries (`uom`, rink's table) convert between units but do not
//! read the spellings news uses ("kilometres", "km/h", "degrees Celsius"),
//! and the spellings are most of the work.

/// One unit spelling family: the pattern that matches it, the canonical
/// unit of its dimension, and `canonical = value * factor + offset`.
pub struct Unit {
    pub pattern: &'static str,
    pub canonical: &'static str,
    pub factor: f64,
    pub offset: f64,
    /// Abbreviations ("m", "ft", "C") are read only after digits: "a m" is
    /// no measure.
    pub abbreviation: bool,
    /// Whether a word boundary must follow: not after a sign ("85°").
    pub boundary: bool,
}

const MILE: f64 = 1609.344;
const FOOT: f64 = 0.3048;
const GALLON: f64 = 3.785_411_784;
const POUND: f64 = 0.453_592_37;
const OUNCE: f64 = 0.028_349_523_125;
/// "Tons" unqualified: the US short ton; "tonnes" and "metric tons" are 1,000 kg.
const SHORT_TON: f64 = 907.184_74;

/// Longest spellings first, so "miles per hour" wins over "miles".
pub const UNITS: &[Unit] = &[
    unit(r"miles?\s+(?:per|an|a)\s+hour", "m/s", MILE / 3600.0),
    unit(
        r"(?:kilomet(?:re|er)s?|km)\s+(?:per|an|a)\s+hour",
        "m/s",
        1000.0 / 3600.0,
    ),
    unit(r"nautical\s+miles?", "m", 1852.0),
    unit(r"met(?:re|er)s?\s+per\s+second", "m/s", 1.0),
    abbr(r"km/h|kmph|kmh|kph|km/hr", "m/s", 1000.0 / 3600.0),
    abbr(r"mph", "m/s", MILE / 3600.0),
    unit(r"knots?", "m/s", 1852.0 / 3600.0),
    abbr(r"kts?", "m/s", 1852.0 / 3600.0),
    abbr(r"m/s", "m/s", 1.0),
    unit(r"kilomet(?:re|er)s?", "m", 1000.0),
    unit(r"centimet(?:re|er)s?", "m", 0.01),
    unit(r"millimet(?:re|er)s?", "m", 0.001),
    unit(r"met(?:re|er)s?", "m", 1.0),
    unit(r"miles?", "m", MILE),
    unit(r"feet|foot", "m", FOOT),
    unit(r"inch(?:es)?", "m", 0.0254),
    unit(r"yards?", "m", 0.9144),
    // Areas before lengths, so "square kilometres" is not "kilometres".
    unit(
        r"(?:square|sq\.?)\s+(?:kilomet(?:re|er)s?|km)|km2|km²",
        "m2",
        1e6,
    ),
    unit(r"(?:square|sq\.?)\s+miles?|sq\.?\s+mi", "m2", MILE * MILE),
    unit(r"(?:square|sq\.?)\s+(?:met(?:re|er)s?)|m2|m²", "m2", 1.0),
    unit(r"(?:square|sq\.?)\s+(?:feet|foot|ft)", "m2", FOOT * FOOT),
    unit(r"hectares?", "m2", 1e4),
    unit(r"acres?", "m2", 4_046.856_422_4),
    // Volumes, in litres.
    unit(r"cubic\s+met(?:re|er)s?|m3|m³", "l", 1000.0),
    unit(r"cubic\s+(?:feet|foot)", "l", FOOT * FOOT * FOOT * 1000.0),
    unit(r"millilit(?:re|er)s?", "l", 0.001),
    unit(r"hectolit(?:re|er)s?", "l", 100.0),
    unit(r"lit(?:re|er)s?", "l", 1.0),
    unit(r"gallons?", "l", GALLON),
    unit(r"barrels?", "l", 158.987_294_928),
    abbr(r"mls?", "l", 0.001),
    abbr(r"(?-i:l)", "l", 1.0),
    abbr(r"gals?", "l", GALLON),
    // Weights, in kilograms. "Pounds" is left to money; "lb" is a weight.
    unit(r"metric\s+tons?|tonnes?", "kg", 1000.0),
    unit(r"tons?", "kg", SHORT_TON),
    unit(r"kilo(?:gram(?:me)?s?|s)?", "kg", 1.0),
    unit(r"milligram(?:me)?s?", "kg", 1e-6),
    unit(r"microgram(?:me)?s?", "kg", 1e-9),
    unit(r"gram(?:me)?s?", "kg", 0.001),
    unit(r"ounces?", "kg", OUNCE),
    abbr(r"kgs?", "kg", 1.0),
    abbr(r"mg", "kg", 1e-6),
    abbr(r"(?-i:g)", "kg", 0.001),
    abbr(r"lbs?", "kg", POUND),
    // "500 pounds of cocaine": read as a weight only where money lets it go
    // (see `crate::normalise::currency::pounds_weigh`).
    unit(r"pounds?", "kg", POUND),
    abbr(r"oz", "kg", OUNCE),
    abbr(r"kms?", "m", 1000.0),
    abbr(r"cm", "m", 0.01),
    abbr(r"mm", "m", 0.001),
    abbr(r"mi", "m", MILE),
    abbr(r"ft", "m", FOOT),
    abbr(r"m", "m", 1.0),
    temp(
        r"(?:degrees?\s+|deg\.?\s*|°\s?)(?:Fah?renheit|F)",
        5.0 / 9.0,
        -32.0 * 5.0 / 9.0,
    ),
    temp(
        r"(?:degrees?\s+|deg\.?\s*|°\s?)(?:Cel[sc]ius|centigrade|C)",
        1.0,
        0.0,
    ),
    temp(r"Fah?renheit", 5.0 / 9.0, -32.0 * 5.0 / 9.0),
    temp(r"Cel[sc]ius", 1.0, 0.0),
    // "45 degrees", "85°": a temperature of no stated scale, or an angle.
    // Compared only with other bare degrees.
    unit(r"degrees?", "deg", 1.0),
    abbr(r"deg\b\.?", "deg", 1.0),
    Unit {
        boundary: false,
        ..abbr(r"°", "deg", 1.0)
    },
    // "40C", "104F": British and wire style, read only right after digits.
    Unit {
        abbreviation: true,
        ..temp(r"(?-i:F)", 5.0 / 9.0, -32.0 * 5.0 / 9.0)
    },
    Unit {
        abbreviation: true,
        ..temp(r"(?-i:C)", 1.0, 0.0)
    },
];

const fn unit(pattern: &'static str, canonical: &'static str, factor: f64) -> Unit {
    Unit {
        pattern,
        canonical,
        factor,
        offset: 0.0,
        abbreviation: false,
        boundary: true,
    }
}

const fn abbr(pattern: &'static str, canonical: &'static str, factor: f64) -> Unit {
    Unit {
        pattern,
        canonical,
        factor,
        offset: 0.0,
        abbreviation: true,
        boundary: true,
    }
}

const fn temp(pattern: &'static str, factor: f64, offset: f64) -> Unit {
    Unit {
        pattern,
        canonical: "degC",
        factor,
        offset,
        abbreviation: false,
        boundary: true,
    }
}

/// The regular expression (no captures) for any unit of [`UNITS`]; rule
/// patterns use it as `{measure_unit}`. Every alternative ends at a word
/// boundary, so "m" is not the start of "million" or "more".
pub fn pattern() -> String {
    let alts: Vec<String> = UNITS
        .iter()
        .map(|u| {
            if u.boundary {
                format!(r"(?:{})\b", u.pattern)
            } else {
                format!(r"(?:{})", u.pattern)
            }
        })
        .collect();
    format!("(?:{})", alts.join("|"))
}

/// The unit a spelling names ("Kilometers" → metres ×1000).
pub fn find(text: &str) -> Option<&'static Unit> {
    let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let whole = WHOLE.get_or_init(|| {
        UNITS
            .iter()
            .map(|u| regex::Regex::new(&format!("(?i)^(?:{})$", u.pattern)).ok())
            .collect()
    });
    UNITS
        .iter()
        .zip(whole)
        .find(|(_, re)| re.as_ref().is_some_and(|re| re.is_match(&t)))
        .map(|(u, _)| u)
}

/// Each unit's pattern anchored to the whole text, compiled once.
static WHOLE: std::sync::OnceLock<Vec<Option<regex::Regex>>> = std::sync::OnceLock::new();

impl Unit {
    /// `x` of this unit in the canonical unit.
    pub fn convert(&self, x: f64) -> f64 {
        if x.is_infinite() {
            return x;
        }
        x * self.factor + self.offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_find_their_units() {
        assert_eq!(find("km").map(|u| u.canonical), Some("m"));
        assert_eq!(find("Kilometres").map(|u| u.factor), Some(1000.0));
        assert_eq!(find("miles per hour").map(|u| u.canonical), Some("m/s"));
        assert_eq!(find("°F").map(|u| u.canonical), Some("degC"));
        assert_eq!(find("degrees Celsius").map(|u| u.canonical), Some("degC"));
        assert!(find("million").is_none());
        assert_eq!(find("square kilometres").map(|u| u.canonical), Some("m2"));
        assert_eq!(find("metric tons").map(|u| u.factor), Some(1000.0));
        assert_eq!(find("kilos").map(|u| u.canonical), Some("kg"));
        assert_eq!(find("barrels").map(|u| u.canonical), Some("l"));
        // A weight where money lets it go ("500 pounds of cocaine").
        assert_eq!(find("pounds").map(|u| u.canonical), Some("kg"));
        assert_eq!(find("deg C").map(|u| u.canonical), Some("degC"));
        assert_eq!(find("degrees farenheit").map(|u| u.canonical), Some("degC"));
        assert_eq!(find("degrees").map(|u| u.canonical), Some("deg"));
        // Every pattern compiles.
        assert!(UNITS.iter().all(|u| regex::Regex::new(u.pattern).is_ok()));
    }

    #[test]
    fn conversions_meet() {
        // 130 km is about 81 miles; 2,700°F is about 1,500°C.
        let km = find("km").unwrap().convert(130.0);
        let mi = find("miles").unwrap().convert(81.0);
        assert!((km - mi).abs() < 400.0);
        let f = find("°F").unwrap().convert(2700.0);
        assert!((f - 1482.2).abs() < 0.1);
        let mph = find("mph").unwrap().convert(185.0);
        assert!((mph - 82.7).abs() < 0.1);
    }
}
