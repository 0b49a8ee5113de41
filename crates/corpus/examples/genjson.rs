//! Writes generated reports as interchange JSON, for trying other programs' renderings of them
//! (`gongkai render`, then a word processor or a PDF tool, then `gongkai check`):
//! `cargo run -p corpus --example genjson -- DIR [COUNT] [FIRST_SEED]`; `BLANK=1` leaves the
//! zeros of table 三 blank, as many bodies print them.

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "generated".into());
    let count: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(12);
    let first: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(31_000);
    let blank = std::env::var("BLANK").is_ok_and(|v| v != "0");
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("{dir}: {e}");
        std::process::exit(1);
    }
    for seed in first..first + count {
        let mut rng = corpus::Rng::new(seed);
        let mut report = corpus::generate(&mut rng, 2025).report;
        if blank {
            for key in report::RowKey::ALL {
                if let Some(row) = report.table3.row(key).copied() {
                    let row = row.map(|c| c.filter(|n| n.value() != 0.0));
                    report.table3.set_row(key, Some(row));
                }
            }
        }
        let path = format!("{dir}/g{seed}.json");
        if let Err(e) = std::fs::write(&path, report::render::json(&report)) {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    }
}
