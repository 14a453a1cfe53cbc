//! Numeric intervals: every hedged figure becomes one, and comparison is
//! interval overlap.

use serde::Serialize;
use std::fmt;

/// A set of real numbers `lo..hi` whose ends may be open. `hi` may be
/// infinite ("at least five").
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    pub lo: f64,
    pub hi: f64,
    pub lo_open: bool,
    pub hi_open: bool,
}

impl Interval {
    /// The closed interval `[lo, hi]`.
    pub fn closed(lo: f64, hi: f64) -> Self {
        Interval {
            lo,
            hi,
            lo_open: false,
            hi_open: false,
        }
    }

    /// The half-open interval `[lo, hi)`.
    pub fn half_open(lo: f64, hi: f64) -> Self {
        Interval {
            lo,
            hi,
            lo_open: false,
            hi_open: true,
        }
    }

    /// The single point `x`.
    pub fn point(x: f64) -> Self {
        Interval::closed(x, x)
    }

    /// Multiplies both ends by `k` (unit conversion); `k` must be positive.
    pub fn scale(self, k: f64) -> Self {
        Interval {
            lo: self.lo * k,
            hi: self.hi * k,
            ..self
        }
    }

    /// Whether the two sets share at least one number.
    pub fn overlaps(&self, other: &Interval) -> bool {
        let lo_ok = if self.hi_open || other.lo_open {
            other.lo < self.hi
        } else {
            other.lo <= self.hi
        };
        let hi_ok = if other.hi_open || self.lo_open {
            self.lo < other.hi
        } else {
            self.lo <= other.hi
        };
        lo_ok && hi_ok
    }

    /// Equal up to floating-point noise.
    pub fn same_as(&self, other: &Interval) -> bool {
        close(self.lo, other.lo)
            && close(self.hi, other.hi)
            && self.lo_open == other.lo_open
            && self.hi_open == other.hi_open
    }

    /// Whether `self` lies inside `other`.
    pub fn within(&self, other: &Interval) -> bool {
        let lo_ok =
            self.lo > other.lo || (close(self.lo, other.lo) && (!other.lo_open || self.lo_open));
        let hi_ok =
            self.hi < other.hi || (close(self.hi, other.hi) && (!other.hi_open || self.hi_open));
        lo_ok && hi_ok
    }

    /// Writes the interval with its ends converted by `fmt_end`.
    pub fn display_with(&self, fmt_end: impl Fn(f64) -> String) -> String {
        let open = if self.lo_open { '(' } else { '[' };
        let close_ = if self.hi_open { ')' } else { ']' };
        if close(self.lo, self.hi) && !self.lo_open && !self.hi_open {
            return fmt_end(self.lo);
        }
        let hi = if self.hi.is_infinite() {
            "∞".to_string()
        } else {
            fmt_end(self.hi)
        };
        format!("{open}{}, {hi}{close_}", fmt_end(self.lo))
    }
}

fn close(a: f64, b: f64) -> bool {
    if a.is_infinite() || b.is_infinite() {
        return a == b;
    }
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Formats a number without trailing zeros: `3`, `3.5`, `0.2`.
pub fn fmt_num(x: f64) -> String {
    if x.is_infinite() {
        return "∞".into();
    }
    let r = (x * 1000.0).round() / 1000.0;
    if r.fract() == 0.0 && r.abs() < 1e15 {
        format!("{}", r as i64)
    } else {
        let s = format!("{r:.3}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

impl Interval {
    /// The interval in words for reports: "under 3", "over 1,000,000",
    /// "at least 5", "2.4 to under 3", "3.25 to 3.75", "26".
    pub fn reading(&self, fmt_end: impl Fn(f64) -> String) -> String {
        let (lo, hi) = (fmt_end(self.lo), fmt_end(self.hi));
        if close(self.lo, self.hi) && !self.lo_open && !self.hi_open {
            return lo;
        }
        match (self.lo == 0.0 && !self.lo_open, self.hi.is_infinite()) {
            (true, false) if self.hi_open => format!("under {hi}"),
            (true, false) => format!("at most {hi}"),
            (_, true) if self.lo_open => format!("over {lo}"),
            (_, true) => format!("at least {lo}"),
            _ if self.hi_open => format!("{lo} to under {hi}"),
            _ if self.lo_open => format!("over {lo}, up to {hi}"),
            _ => format!("{lo} to {hi}"),
        }
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display_with(fmt_num))
    }
}

/// JSON form: `{"lo": 8640, "hi": 10800, "lo_open": false, "hi_open": true}`,
/// with `hi: null` for an unbounded upper end.
impl Serialize for Interval {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Interval", 4)?;
        st.serialize_field("lo", &finite(self.lo))?;
        st.serialize_field("hi", &finite(self.hi))?;
        st.serialize_field("lo_open", &self.lo_open)?;
        st.serialize_field("hi_open", &self.hi_open)?;
        st.end()
    }
}

fn finite(x: f64) -> Option<f64> {
    x.is_finite().then(|| (x * 1e6).round() / 1e6)
}

/// Like [`fmt_num`], with thousands separators: `1,100,000`.
pub fn fmt_grouped(x: f64) -> String {
    let s = fmt_num(x);
    let (int, frac) = s
        .split_once('.')
        .map_or((s.as_str(), None), |(a, b)| (a, Some(b)));
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
    if digits.len() <= 4 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return s;
    }
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearly_three_hours_and_over_three_hours_are_disjoint() {
        let nearly = Interval::half_open(8640.0, 10800.0);
        let over = Interval {
            lo: 10800.0,
            hi: f64::INFINITY,
            lo_open: true,
            hi_open: false,
        };
        assert!(!nearly.overlaps(&over));
        assert!(!over.overlaps(&nearly));
        let bare = Interval::closed(9000.0, 12600.0);
        assert!(bare.overlaps(&nearly) && bare.overlaps(&over));
    }

    #[test]
    fn touching_closed_ends_overlap() {
        assert!(Interval::closed(1.0, 2.0).overlaps(&Interval::closed(2.0, 3.0)));
        assert!(!Interval::half_open(1.0, 2.0).overlaps(&Interval::closed(2.0, 3.0)));
    }

    #[test]
    fn within_respects_open_ends() {
        let fourth_year = Interval::half_open(3.0, 4.0);
        assert!(Interval::closed(3.25, 3.75).within(&fourth_year));
        assert!(!Interval::closed(3.5, 4.0).within(&fourth_year));
    }

    #[test]
    fn reading_in_words() {
        let n = fmt_grouped;
        assert_eq!(Interval::half_open(0.0, 3.0).reading(n), "under 3");
        assert_eq!(Interval::half_open(2.4, 3.0).reading(n), "2.4 to under 3");
        let over = Interval {
            lo: 1e6,
            hi: f64::INFINITY,
            lo_open: true,
            hi_open: false,
        };
        assert_eq!(over.reading(n), "over 1,000,000");
        assert_eq!(
            Interval::closed(5.0, f64::INFINITY).reading(n),
            "at least 5"
        );
        assert_eq!(Interval::closed(0.0, 24.0).reading(n), "at most 24");
        assert_eq!(Interval::point(26.0).reading(n), "26");
    }

    #[test]
    fn display_is_readable() {
        assert_eq!(Interval::half_open(3.0, 4.0).to_string(), "[3, 4)");
        assert_eq!(Interval::point(26.0).to_string(), "26");
        let at_least = Interval::closed(5.0, f64::INFINITY);
        assert_eq!(at_least.to_string(), "[5, ∞]");
    }
}
