//! Counting working days, and saying why each day counted or not.

use std::fmt;

use jiff::civil::{Date, Weekday};

use crate::CalendarError;
use crate::schedule::{self, Schedule};

/// The schedules shipped with this release.
const OFFICIAL: &str = include_str!("../data/holidays.toml");

/// A number of working days for a time limit (1 to 366): 20 for a reply, 7 for a 补正 notice, 15
/// for a third party.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct WorkingDays(u16);

impl WorkingDays {
    pub const MAX: u16 = 366;

    pub fn new(n: i64) -> Result<WorkingDays, CalendarError> {
        u16::try_from(n)
            .ok()
            .filter(|n| (1..=Self::MAX).contains(n))
            .map(WorkingDays)
            .ok_or(CalendarError::BadCount {
                got: n,
                max: Self::MAX,
            })
    }

    pub fn get(self) -> u16 {
        self.0
    }
}

/// Why a day is or is not a working day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    Weekday,
    Weekend,
    /// A festival's day off (the festival's name).
    Holiday(String),
    /// A weekend day worked in exchange for a festival (调休上班).
    MakeUpWorkday(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Day {
    pub date: Date,
    pub working: bool,
    pub reason: Reason,
}

fn weekday_name(d: Date) -> &'static str {
    match d.weekday() {
        Weekday::Monday => "星期一",
        Weekday::Tuesday => "星期二",
        Weekday::Wednesday => "星期三",
        Weekday::Thursday => "星期四",
        Weekday::Friday => "星期五",
        Weekday::Saturday => "星期六",
        Weekday::Sunday => "星期日",
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let wd = weekday_name(self.date);
        match &self.reason {
            Reason::Weekday => write!(f, "{}（{wd}）", self.date),
            Reason::Weekend => write!(f, "{}（{wd}，周末）", self.date),
            Reason::Holiday(name) => write!(f, "{}（{wd}，{name}放假）", self.date),
            Reason::MakeUpWorkday(name) => write!(f, "{}（{wd}，{name}调休上班）", self.date),
        }
    }
}

/// A deadline with its working: the days counted and the days passed over.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    pub start: Date,
    pub days: WorkingDays,
    pub due: Date,
    pub counted: Vec<Day>,
    pub skipped: Vec<Day>,
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} 起算（当日不计），{}个工作日，期限届满日 {}",
            self.start,
            self.days.get(),
            self.due
        )?;
        for (i, d) in self.counted.iter().enumerate() {
            writeln!(f, "  第{}个工作日 {d}", i.saturating_add(1))?;
        }
        if !self.skipped.is_empty() {
            writeln!(f, "  不计入的日子：")?;
            for d in &self.skipped {
                writeln!(f, "    {d}")?;
            }
        }
        Ok(())
    }
}

/// The working-day calendar: the official schedules, plus any an administrator has added.
#[derive(Clone, Debug, PartialEq)]
pub struct Calendar {
    schedule: Schedule,
}

impl Calendar {
    /// The schedules shipped with this release (2019 onwards).
    pub fn official() -> Result<Calendar, CalendarError> {
        Calendar::from_toml(OFFICIAL)
    }

    /// Schedules in the format of `data/holidays.toml`.
    pub fn from_toml(text: &str) -> Result<Calendar, CalendarError> {
        Ok(Calendar {
            schedule: schedule::parse(text)?,
        })
    }

    /// Adds (or replaces) the years that `other` covers: next year's notice, loaded at run time.
    pub fn extend(&mut self, other: Calendar) {
        for year in other.schedule.years.keys() {
            self.schedule.days_off.retain(|d, _| d.year() != *year);
            self.schedule.workdays.retain(|d, _| d.year() != *year);
        }
        self.schedule.years.extend(other.schedule.years);
        self.schedule.days_off.extend(other.schedule.days_off);
        self.schedule.workdays.extend(other.schedule.workdays);
    }

    /// The years covered, each with its notice.
    pub fn years(&self) -> impl Iterator<Item = (i16, &str)> {
        self.schedule.years.iter().map(|(y, n)| (*y, n.as_str()))
    }

    /// Whether `date` is a working day, and why.
    pub fn day(&self, date: Date) -> Result<Day, CalendarError> {
        if !self.schedule.years.contains_key(&date.year()) {
            return Err(CalendarError::YearNotCovered(date.year()));
        }
        let (working, reason) = if let Some(name) = self.schedule.workdays.get(&date) {
            (true, Reason::MakeUpWorkday(name.clone()))
        } else if let Some(name) = self.schedule.days_off.get(&date) {
            (false, Reason::Holiday(name.clone()))
        } else if matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday) {
            (false, Reason::Weekend)
        } else {
            (true, Reason::Weekday)
        };
        Ok(Day {
            date,
            working,
            reason,
        })
    }

    /// The date `days` working days after `start` (the day of `start` itself is not counted).
    pub fn add_working_days(&self, start: Date, days: WorkingDays) -> Result<Date, CalendarError> {
        Ok(self.explain(start, days)?.due)
    }

    /// [`Calendar::add_working_days`], with every day counted and passed over.
    pub fn explain(&self, start: Date, days: WorkingDays) -> Result<Explanation, CalendarError> {
        let mut counted = Vec::with_capacity(usize::from(days.get()));
        let mut skipped = Vec::new();
        let mut d = start;
        while counted.len() < usize::from(days.get()) {
            d = d.tomorrow().map_err(|_| CalendarError::OutOfRange)?;
            let day = self.day(d)?;
            if day.working {
                counted.push(day)
            } else {
                skipped.push(day)
            }
        }
        Ok(Explanation {
            start,
            days,
            due: d,
            counted,
            skipped,
        })
    }

    /// How many working days lie after `from` up to and including `to` (0 when `to` ≤ `from`).
    pub fn working_days_between(&self, from: Date, to: Date) -> Result<u32, CalendarError> {
        let mut n: u32 = 0;
        let mut d = from;
        while d < to {
            d = d.tomorrow().map_err(|_| CalendarError::OutOfRange)?;
            if self.day(d)?.working {
                n = n.saturating_add(1);
            }
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cal() -> Calendar {
        Calendar::official().unwrap_or_else(|e| panic!("the shipped schedules parse: {e}"))
    }

    fn d(s: &str) -> Date {
        s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    fn add(start: &str, n: i64) -> String {
        let days = WorkingDays::new(n).unwrap_or_else(|e| panic!("{e}"));
        cal()
            .add_working_days(d(start), days)
            .map(|x| x.to_string())
            .unwrap_or_else(|e| e.to_string())
    }

    /// The worked examples of spec/holidays.md, and a few more across festivals and years.
    #[test]
    fn worked_examples() {
        let cases = [
            ("2025-09-26", 20, "2025-10-30"),
            ("2025-09-26", 40, "2025-11-27"),
            ("2025-01-20", 20, "2025-02-21"),
            ("2024-09-27", 7, "2024-10-12"),
            ("2026-02-09", 20, "2026-03-13"),
            // A plain month: 20 working days are four weeks.
            ("2025-03-03", 20, "2025-03-31"),
            // 2020's Spring Festival, extended to 02-02.
            ("2020-01-20", 5, "2020-02-04"),
            // New Year 2024 begins on 2023-12-30.
            ("2023-12-28", 1, "2023-12-29"),
            ("2023-12-29", 1, "2024-01-02"),
        ];
        for (start, n, want) in cases {
            assert_eq!(add(start, n), want, "{start} + {n}");
        }
    }

    /// The weekday holidays of 2024–2026 as spec/holidays.md lists them: the data file must give
    /// exactly these Monday–Friday days off, and exactly the make-up days listed.
    #[test]
    fn data_agrees_with_the_notices() {
        let c = cal();
        let cases: [(i16, &str, &str); 3] = [
            (
                2024,
                "01-01 02-12 02-13 02-14 02-15 02-16 04-04 04-05 05-01 05-02 05-03 06-10 09-16 09-17 10-01 10-02 10-03 10-04 10-07",
                "02-04 02-18 04-07 04-28 05-11 09-14 09-29 10-12",
            ),
            (
                2025,
                "01-01 01-28 01-29 01-30 01-31 02-03 02-04 04-04 05-01 05-02 05-05 06-02 10-01 10-02 10-03 10-06 10-07 10-08",
                "01-26 02-08 04-27 09-28 10-11",
            ),
            (
                2026,
                "01-01 01-02 02-16 02-17 02-18 02-19 02-20 02-23 04-06 05-01 05-04 05-05 06-19 09-25 10-01 10-02 10-05 10-06 10-07",
                "01-04 02-14 02-28 05-09 09-20 10-10",
            ),
        ];
        for (year, weekday_holidays, makeup) in cases {
            let mut off = Vec::new();
            let mut extra = Vec::new();
            let mut day = Date::new(year, 1, 1).unwrap_or_else(|e| panic!("{e}"));
            while day.year() == year {
                let info = c.day(day).unwrap_or_else(|e| panic!("{e}"));
                let weekend = matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday);
                if !weekend && !info.working {
                    off.push(day.strftime("%m-%d").to_string());
                }
                if weekend && info.working {
                    extra.push(day.strftime("%m-%d").to_string());
                }
                day = day.tomorrow().unwrap_or_else(|e| panic!("{e}"));
            }
            assert_eq!(off.join(" "), weekday_holidays, "{year} weekday holidays");
            assert_eq!(extra.join(" "), makeup, "{year} make-up working days");
        }
    }

    #[test]
    fn days_and_reasons() {
        let c = cal();
        let cases = [
            (
                "2025-09-28",
                true,
                Reason::MakeUpWorkday("国庆节、中秋节".into()),
            ),
            (
                "2025-10-08",
                false,
                Reason::Holiday("国庆节、中秋节".into()),
            ),
            ("2025-10-12", false, Reason::Weekend),
            ("2025-10-13", true, Reason::Weekday),
        ];
        for (date, working, reason) in cases {
            let day = c.day(d(date)).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!((day.working, day.reason), (working, reason), "{date}");
        }
    }

    #[test]
    fn an_uncovered_year_is_an_error_not_a_guess() {
        let c = cal();
        assert_eq!(
            c.day(d("2027-03-01")),
            Err(CalendarError::YearNotCovered(2027))
        );
        assert_eq!(
            c.add_working_days(
                d("2026-12-20"),
                WorkingDays::new(20).unwrap_or_else(|e| panic!("{e}"))
            ),
            Err(CalendarError::YearNotCovered(2027))
        );
    }

    #[test]
    fn next_years_notice_can_be_added() {
        let mut c = cal();
        let next = Calendar::from_toml(
            r#"[[year]]
year = 2027
notice = "测试"
holidays = [{ name = "元旦", from = "2027-01-01", to = "2027-01-03" }]
workdays = [{ date = "2027-01-09", for = "元旦" }]"#,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        c.extend(next);
        assert!(c.years().any(|(y, _)| y == 2027));
        assert_eq!(
            c.add_working_days(
                d("2026-12-31"),
                WorkingDays::new(1).unwrap_or_else(|e| panic!("{e}"))
            ),
            Ok(d("2027-01-04"))
        );
        assert!(c.day(d("2027-01-09")).is_ok_and(|day| day.working));
    }

    #[test]
    fn bad_schedules_and_counts_are_refused() {
        for bad in [
            "nonsense",
            "[[year]]\nyear = 2027\nnotice = \"x\"\nholidays = [{ name = \"春节\", from = \"2027-02-10\", to = \"2027-01-01\" }]",
            "[[year]]\nyear = 2027\nnotice = \"x\"\nholidays = []\nworkdays = [{ date = \"2027-01-06\", for = \"元旦\" }]",
            "[[year]]\nyear = 2027\nnotice = \"x\"\nholidays = [{ name = \"元旦\", from = \"2027-13-01\", to = \"2027-13-01\" }]",
        ] {
            assert!(Calendar::from_toml(bad).is_err(), "{bad}");
        }
        assert!(WorkingDays::new(0).is_err());
        assert!(WorkingDays::new(-3).is_err());
        assert!(WorkingDays::new(400).is_err());
    }

    #[test]
    fn explanation_lists_what_was_skipped() {
        let e = cal()
            .explain(
                d("2025-09-26"),
                WorkingDays::new(20).unwrap_or_else(|e| panic!("{e}")),
            )
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(e.counted.len(), 20);
        assert_eq!(e.counted.first().map(|x| x.date), Some(d("2025-09-28")));
        assert!(
            e.skipped
                .iter()
                .any(|x| x.reason == Reason::Holiday("国庆节、中秋节".into()))
        );
        let text = e.to_string();
        assert!(
            text.contains("2025-09-28（星期日，国庆节、中秋节调休上班）"),
            "{text}"
        );
        assert!(text.contains("期限届满日 2025-10-30"), "{text}");
    }

    #[test]
    fn working_days_between() {
        let c = cal();
        assert_eq!(
            c.working_days_between(d("2024-09-27"), d("2024-10-12")),
            Ok(7)
        );
        assert_eq!(
            c.working_days_between(d("2025-01-20"), d("2025-01-20")),
            Ok(0)
        );
    }
}
