//! `gongkai deadline`: the date N working days after a date, on the official holiday calendar.

use std::path::PathBuf;

use anyhow::Context;
use calendar::{Calendar, Date, WorkingDays};

#[derive(clap::Args)]
pub struct Args {
    /// The day the clock starts (e.g. the day an application was received); it is not counted.
    date: String,
    /// Working days to count: 20 for a reply (条例第三十三条), 7 for a 补正 notice, 15 for a third party.
    #[arg(long, default_value_t = 20)]
    days: i64,
    /// Show every day counted and every day passed over, with the reason.
    #[arg(long)]
    explain: bool,
    /// Extra schedules (next year's notice) in the format of crates/calendar/data/holidays.toml.
    #[arg(long)]
    holidays: Vec<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let start: Date = args
        .date
        .parse()
        .map_err(|_| anyhow::anyhow!("“{}”不是日期，应为 YYYY-MM-DD，如 2025-09-26", args.date))?;
    let days = WorkingDays::new(args.days)?;
    let mut cal = Calendar::official()?;
    for file in &args.holidays {
        let text =
            std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
        cal.extend(Calendar::from_toml(&text).with_context(|| format!("{}", file.display()))?);
    }
    if args.explain {
        print!("{}", cal.explain(start, days)?);
    } else {
        println!("{}", cal.add_working_days(start, days)?);
    }
    Ok(())
}
