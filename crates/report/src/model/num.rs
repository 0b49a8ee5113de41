//! One printed figure of a table.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A figure as printed. Counts should be non-negative integers and the fee a decimal, but a
/// report may print anything; the model keeps what was printed and the checker judges it
/// (rule `not_a_count`).
#[derive(Clone, Copy, PartialEq, PartialOrd, Default)]
pub struct Num(f64);

/// A table cell: `None` where the source has no figure (blank, or lost in extraction).
pub type Cell = Option<Num>;

impl Num {
    /// Refuses NaN and infinities, which no printed table contains.
    pub fn new(value: f64) -> Option<Num> {
        value.is_finite().then_some(Num(value))
    }

    pub fn from_count(value: u32) -> Num {
        Num(f64::from(value))
    }

    pub fn value(self) -> f64 {
        self.0
    }

    /// A non-negative integer. (Tested without `fract`, a call to libm's `trunc` on the
    /// baseline x86-64 that the checker made for every cell: every finite value from 2^52 up
    /// is an integer, and below it the cast to i64 and back tells — to i64, one instruction,
    /// where the cast to u64 takes several.)
    pub fn is_count(self) -> bool {
        const INTEGERS_ONLY: f64 = 4_503_599_627_370_496.0;
        self.0 >= 0.0 && (self.0 >= INTEGERS_ONLY || self.0 == (self.0 as i64) as f64)
    }

    /// The value as an integer when it is one (and small enough to be exact).
    pub fn as_integer(self) -> Option<i64> {
        (self.0.fract() == 0.0 && self.0.abs() < 9.0e15).then_some(self.0 as i64)
    }
}

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.as_integer() {
            Some(i) => write!(f, "{i}"),
            None => write!(f, "{}", self.0),
        }
    }
}

impl fmt::Debug for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.as_integer() {
            Some(i) => s.serialize_i64(i),
            None => s.serialize_f64(self.0),
        }
    }
}

impl<'de> Deserialize<'de> for Num {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = f64::deserialize(d)?;
        Num::new(v).ok_or_else(|| serde::de::Error::custom("not a finite number"))
    }
}

impl schemars::JsonSchema for Num {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Num".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({"type": "number", "description": "A printed figure: a count, or the fee in 万元."})
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// `is_count` says what `fract` would, for any finite value.
        #[test]
        fn is_count_as_fract_tells(bits in proptest::num::u64::ANY, small in -1e6f64..1e6) {
            for x in [f64::from_bits(bits), small, small.trunc(), 2f64.powi(52) + 1.0, -0.0] {
                if let Some(n) = Num::new(x) {
                    proptest::prop_assert_eq!(n.is_count(), x >= 0.0 && x.fract() == 0.0, "{}", x);
                }
            }
        }
    }

    #[test]
    fn integers_serialise_without_a_fraction() {
        let cases = [(0.0, "0"), (12.0, "12"), (0.25, "0.25"), (-3.0, "-3")];
        for (v, want) in cases {
            let n = Num::new(v).expect("finite");
            assert_eq!(serde_json::to_string(&n).expect("json"), want);
        }
    }

    #[test]
    fn counts_are_non_negative_integers() {
        let cases = [(0.0, true), (7.0, true), (-1.0, false), (1.5, false)];
        for (v, want) in cases {
            assert_eq!(Num::new(v).map(Num::is_count), Some(want), "{v}");
        }
        assert!(Num::new(f64::NAN).is_none());
    }
}
