//! Helpers the unit tests share.

use calendar::{Calendar, Date};

/// The shipped calendar.
pub fn cal() -> Calendar {
    Calendar::official().unwrap_or_else(|e| panic!("the shipped schedules parse: {e}"))
}

/// A date written as in the spec, `2025-09-26`.
pub fn d(s: &str) -> Date {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}
