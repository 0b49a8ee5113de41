//! What every handler shares: the store, the working-day calendar (extended at run time by an
//! admin), and the date the server counts as today.

use std::sync::{Arc, RwLock};

use calendar::{Calendar, Date};
use storage::AnyStore;

#[derive(Clone)]
pub struct AppState {
    pub store: Arc<AnyStore>,
    calendar: Arc<RwLock<Calendar>>,
    /// Fixed in tests and benchmarks so that due dates and dashboards are deterministic.
    today: Option<Date>,
}

impl AppState {
    pub fn new(store: AnyStore, calendar: Calendar, today: Option<Date>) -> AppState {
        AppState {
            store: Arc::new(store),
            calendar: Arc::new(RwLock::new(calendar)),
            today,
        }
    }

    pub fn today(&self) -> Date {
        self.today.unwrap_or_else(AppState::new_today)
    }

    /// Today's date in China: one time zone, UTC+8, no daylight saving.
    pub fn new_today() -> Date {
        jiff::Timestamp::now()
            .to_zoned_datetime(jiff::tz::TimeZone::fixed(jiff::tz::offset(8)))
            .date()
    }

    /// A snapshot: handlers never hold the lock across an await.
    pub fn calendar(&self) -> Calendar {
        match self.calendar.read() {
            Ok(c) => c.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    pub fn set_calendar(&self, cal: Calendar) {
        match self.calendar.write() {
            Ok(mut c) => *c = cal,
            Err(poisoned) => *poisoned.into_inner() = cal,
        }
    }
}
