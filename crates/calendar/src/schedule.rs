//! The data file: one `[[year]]` per notice.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::Deserialize;

use crate::CalendarError;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    year: Vec<YearEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct YearEntry {
    year: i16,
    notice: String,
    holidays: Vec<Period>,
    #[serde(default)]
    workdays: Vec<Workday>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Period {
    name: String,
    from: String,
    to: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Workday {
    date: String,
    #[serde(rename = "for")]
    festival: String,
}

/// What one or more notices say, day by day.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Schedule {
    /// Covered years and the notice of each.
    pub years: BTreeMap<i16, String>,
    pub days_off: BTreeMap<Date, String>,
    pub workdays: BTreeMap<Date, String>,
}

fn date(s: &str, what: &str) -> Result<Date, CalendarError> {
    s.parse()
        .map_err(|e| CalendarError::BadSchedule(format!("{what}：日期“{s}”无效（{e}）")))
}

pub fn parse(text: &str) -> Result<Schedule, CalendarError> {
    let file: File = toml::from_str(text).map_err(|e| CalendarError::BadSchedule(e.to_string()))?;
    let mut s = Schedule::default();
    for y in file.year {
        if !(1990..=2200).contains(&y.year) {
            return Err(CalendarError::BadSchedule(format!("年份{}不合理", y.year)));
        }
        s.years.insert(y.year, y.notice);
        for p in y.holidays {
            let (from, to) = (date(&p.from, &p.name)?, date(&p.to, &p.name)?);
            if to < from || from.until(to).map_or(true, |span| span.get_days() > 31) {
                return Err(CalendarError::BadSchedule(format!(
                    "{}年{}：{}至{}不是一个合理的假期",
                    y.year, p.name, p.from, p.to
                )));
            }
            let mut d = from;
            loop {
                s.days_off.insert(d, p.name.clone());
                if d >= to {
                    break;
                }
                d = d.tomorrow().map_err(|_| CalendarError::OutOfRange)?;
            }
        }
        for w in y.workdays {
            let d = date(&w.date, &w.festival)?;
            if !matches!(
                d.weekday(),
                jiff::civil::Weekday::Saturday | jiff::civil::Weekday::Sunday
            ) {
                return Err(CalendarError::BadSchedule(format!(
                    "{}：调休上班日应为周末",
                    w.date
                )));
            }
            s.workdays.insert(d, w.festival);
        }
    }
    if let Some((d, _)) = s.workdays.iter().find(|(d, _)| s.days_off.contains_key(*d)) {
        return Err(CalendarError::BadSchedule(format!(
            "{d}既是假日又是调休上班日"
        )));
    }
    Ok(s)
}
