//! The statutory clock of one application: 20 working days from receipt (条例第三十三条), started
//! again when a corrected request arrives (第三十条), standing still while third parties or
//! co-producing agencies are consulted (第三十二条、第三十四条) and while a fee notice waits to be
//! paid (第四十二条), and extended once by at most 20 working days.

use calendar::{Calendar, CalendarError, Date, WorkingDays};
use serde::{Deserialize, Serialize};

/// Working days to reply (条例第三十三条第二款).
pub const REPLY_DAYS: u16 = 20;
/// Working days within which a 补正 notice may be sent (第三十条).
pub const CORRECTION_NOTICE_DAYS: u32 = 7;
/// The longest extension (第三十三条第二款).
pub const MAX_EXTENSION: u16 = 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PauseKind {
    /// 征求第三方意见
    ThirdParty,
    /// 征求其他机关意见
    CoProducer,
    /// 收费通知至缴费
    Fee,
}

/// A time the clock stood still: the days after `from` up to `to` are not counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pause {
    pub kind: PauseKind,
    pub from: Date,
    pub to: Option<Date>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ClockError {
    #[error(
        "补正告知书应在收到申请之日起{limit}个工作日内一次性发出（条例第三十条），{on}已是第{elapsed}个工作日"
    )]
    CorrectionTooLate { on: Date, elapsed: u32, limit: u32 },
    #[error("补正告知书只能发出一次（条例第三十条要求一次性告知）")]
    CorrectionTwice,
    #[error("延期答复只能一次，且不超过{MAX_EXTENSION}个工作日")]
    BadExtension,
    #[error("计时已暂停，不能再次暂停")]
    AlreadyPaused,
    #[error("计时未暂停")]
    NotPaused,
    #[error("日期早于当前计时起点")]
    BeforeStart,
    #[error(transparent)]
    Calendar(#[from] CalendarError),
}

/// When the reply is due.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Due {
    On {
        date: Date,
    },
    /// The clock stands still (consultation or fee); no date until it runs again.
    Paused {
        kind: PauseKind,
        since: Date,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clock {
    received: Date,
    correction_requested: Option<Date>,
    corrected: Option<Date>,
    pauses: Vec<Pause>,
    extension: Option<u16>,
}

impl Clock {
    pub fn new(received: Date) -> Clock {
        Clock {
            received,
            correction_requested: None,
            corrected: None,
            pauses: Vec::new(),
            extension: None,
        }
    }

    /// The day the 20 days run from: receipt, or the arrival of the corrected request.
    pub fn start(&self) -> Date {
        self.corrected.unwrap_or(self.received)
    }

    /// A 补正 notice on `on`: once, and no later than the 7th working day after receipt.
    pub fn request_correction(&mut self, cal: &Calendar, on: Date) -> Result<(), ClockError> {
        if self.correction_requested.is_some() {
            return Err(ClockError::CorrectionTwice);
        }
        if on < self.received {
            return Err(ClockError::BeforeStart);
        }
        let elapsed = cal.working_days_between(self.received, on)?;
        if elapsed > CORRECTION_NOTICE_DAYS {
            return Err(ClockError::CorrectionTooLate {
                on,
                elapsed,
                limit: CORRECTION_NOTICE_DAYS,
            });
        }
        self.correction_requested = Some(on);
        Ok(())
    }

    /// The corrected request arrived: the clock starts again from this day.
    pub fn corrected(&mut self, on: Date) -> Result<(), ClockError> {
        if self.correction_requested.is_none_or(|r| on < r) {
            return Err(ClockError::BeforeStart);
        }
        self.corrected = Some(on);
        Ok(())
    }

    pub fn pause(&mut self, kind: PauseKind, from: Date) -> Result<(), ClockError> {
        if self.pauses.iter().any(|p| p.to.is_none()) {
            return Err(ClockError::AlreadyPaused);
        }
        if from < self.start() {
            return Err(ClockError::BeforeStart);
        }
        self.pauses.push(Pause {
            kind,
            from,
            to: None,
        });
        Ok(())
    }

    pub fn resume(&mut self, to: Date) -> Result<(), ClockError> {
        let open = self
            .pauses
            .iter_mut()
            .find(|p| p.to.is_none())
            .ok_or(ClockError::NotPaused)?;
        if to < open.from {
            return Err(ClockError::BeforeStart);
        }
        open.to = Some(to);
        Ok(())
    }

    /// The one extension (approved by the head of the disclosure office).
    pub fn extend(&mut self, days: WorkingDays) -> Result<(), ClockError> {
        if self.extension.is_some() || days.get() > MAX_EXTENSION {
            return Err(ClockError::BadExtension);
        }
        self.extension = Some(days.get());
        Ok(())
    }

    /// The extension granted, in working days.
    pub fn extension(&self) -> Option<u16> {
        self.extension
    }

    pub fn extended(&self) -> bool {
        self.extension.is_some()
    }

    /// The due date on `cal`: 20 working days (plus any extension) from the start, not counting
    /// the working days the clock stood still.
    pub fn due(&self, cal: &Calendar) -> Result<Due, ClockError> {
        let start = self.start();
        let mut paused: u32 = 0;
        for p in self.pauses.iter().filter(|p| p.from >= start) {
            match p.to {
                Some(to) => paused = paused.saturating_add(cal.working_days_between(p.from, to)?),
                None => {
                    return Ok(Due::Paused {
                        kind: p.kind,
                        since: p.from,
                    });
                }
            }
        }
        let total = u32::from(REPLY_DAYS)
            .saturating_add(u32::from(self.extension.unwrap_or(0)))
            .saturating_add(paused);
        let days = WorkingDays::new(i64::from(total))?;
        Ok(Due::On {
            date: cal.add_working_days(start, days)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{cal, d};

    fn due(c: &Clock) -> String {
        match c.due(&cal()) {
            Ok(Due::On { date }) => date.to_string(),
            other => format!("{other:?}"),
        }
    }

    fn days(n: i64) -> WorkingDays {
        WorkingDays::new(n).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn reply_extension_and_pause() {
        let mut c = Clock::new(d("2025-09-26"));
        assert_eq!(due(&c), "2025-10-30");
        c.extend(days(20)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(due(&c), "2025-11-27");
        assert_eq!(c.extend(days(5)), Err(ClockError::BadExtension));

        let mut c = Clock::new(d("2025-09-26"));
        c.pause(PauseKind::ThirdParty, d("2025-10-09"))
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(
            c.due(&cal()),
            Ok(Due::Paused {
                kind: PauseKind::ThirdParty,
                ..
            })
        ));
        c.resume(d("2025-10-15")).unwrap_or_else(|e| panic!("{e}"));
        // 10-10, 10-11 (调休), 10-13, 10-14, 10-15 stood still: five working days later.
        assert_eq!(due(&c), "2025-11-06");
    }

    #[test]
    fn correction_within_seven_working_days_restarts_the_clock() {
        let mut c = Clock::new(d("2024-09-27"));
        assert!(matches!(
            c.clone().request_correction(&cal(), d("2024-10-14")),
            Err(ClockError::CorrectionTooLate { elapsed: 8, .. })
        ));
        c.request_correction(&cal(), d("2024-10-12"))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            c.request_correction(&cal(), d("2024-10-12")),
            Err(ClockError::CorrectionTwice)
        );
        c.corrected(d("2025-01-20"))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(due(&c), "2025-02-21");
    }

    #[test]
    fn a_too_long_extension_is_refused() {
        let mut c = Clock::new(d("2025-03-03"));
        assert_eq!(c.extend(days(21)), Err(ClockError::BadExtension));
        assert!(!c.extended());
    }
}
