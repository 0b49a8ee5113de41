//! Working days on the official holiday calendar (国务院办公厅关于部分节假日安排的通知).
//!
//! The 条例 counts its time limits in working days (工作日): Monday–Friday, minus the official
//! holidays, plus the weekend days that a notice turns into working days (调休上班). The
//! schedules ship as data (`data/holidays.toml`, 2019 onwards) and can be extended at run time
//! with next year's notice, so no release is needed each autumn. A date in a year without a
//! schedule is an error, never a guess: a deadline counted without the holidays would be wrong.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

mod calendar;
mod schedule;

pub use calendar::{Calendar, Day, Explanation, Reason, WorkingDays};
pub use jiff::civil::Date;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CalendarError {
    #[error("没有{0}年的节假日安排，无法计算工作日；请管理员添加该年度国务院办公厅节假日安排通知")]
    YearNotCovered(i16),
    #[error("节假日安排数据有误：{0}")]
    BadSchedule(String),
    #[error("日期超出可计算范围")]
    OutOfRange,
    #[error("工作日数应在1到{max}之间，收到{got}")]
    BadCount { got: i64, max: u16 },
}
