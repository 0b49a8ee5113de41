//! Next year's holiday schedule as an admin pastes or uploads it: refused with a reason or
//! accepted, never a panic; an accepted one answers deadlines from any day of its year.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let Ok(added) = calendar::Calendar::from_toml(text) else {
        return;
    };
    let years: Vec<i16> = added.years().map(|(y, _)| y).collect();
    let mut cal = match calendar::Calendar::official() {
        Ok(c) => c,
        Err(_) => return,
    };
    cal.extend(added);
    for y in years {
        for (m, d) in [(1, 1), (2, 28), (6, 30), (12, 31)] {
            let Ok(start) = jiff::civil::Date::new(y, m, d) else {
                continue;
            };
            for n in [1, 7, 20, 40] {
                if let Ok(days) = calendar::WorkingDays::new(n) {
                    let due = cal.add_working_days(start, days);
                    let explained = cal.explain(start, days);
                    assert_eq!(due.ok(), explained.ok().map(|e| e.due));
                }
            }
        }
    }
});
