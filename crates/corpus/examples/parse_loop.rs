//! Parses and checks the plain-text layouts of the generated corpus in a loop, for profilers:
//! `cargo run --release -p corpus --example parse_loop -- [REPORTS] [REPEAT]`.
//!
//! Prints MB/s per layout and a fingerprint of everything the engine read and found, so that a
//! change meant only to make it faster can be shown to change nothing else. Under callgrind,
//! `--toggle-collect='report::read_and_check*'` counts the engine's instructions alone;
//! `FINGERPRINT=0` leaves the fingerprint out, whose formatting would otherwise fill a profile.
use std::hash::{DefaultHasher, Hash, Hasher};
use std::time::{Duration, Instant};

use corpus::layouts::Layout;

const TEXT: [Layout; 8] = [
    Layout::CellPerLine,
    Layout::TabRows,
    Layout::Aligned,
    Layout::Spaced,
    Layout::OfficeText,
    Layout::BrowserCopy,
    Layout::WebText,
    Layout::Markdown,
];

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let reports = args.first().copied().unwrap_or(500);
    let repeat = args.get(1).copied().unwrap_or(3);
    let mut fingerprint = DefaultHasher::new();
    let (mut all_bytes, mut all_time) = (0usize, Duration::ZERO);
    // `LAYOUT=pdf-extract-text` measures one layout only.
    let only = std::env::var("LAYOUT").ok();
    // `FINGERPRINT=0` leaves the fingerprint out, so a profile shows the engine alone.
    let print = std::env::var("FINGERPRINT").as_deref() != Ok("0");
    for layout in TEXT {
        if only.as_deref().is_some_and(|name| name != layout.name()) {
            continue;
        }
        let files: Vec<Vec<u8>> = (0..reports)
            .map(|i| {
                let mut rng = corpus::Rng::new(i as u64);
                let g = corpus::generate(&mut rng, 2020 + (i % 6) as i32);
                layout.write(&g.report, &mut rng)
            })
            .collect();
        let bytes: usize = files.iter().map(Vec::len).sum();
        let mut best = Duration::MAX;
        for round in 0..repeat {
            let start = Instant::now();
            for f in &files {
                let out = report::read_and_check(f);
                if round == 0 && print {
                    format!("{out:?}").hash(&mut fingerprint);
                }
                std::hint::black_box(out).ok();
            }
            best = best.min(start.elapsed());
        }
        all_bytes += bytes;
        all_time += best;
        println!(
            "{:18} {:6.1} MB/s",
            layout.name(),
            bytes as f64 / 1e6 / best.as_secs_f64()
        );
    }
    println!(
        "together           {:6.1} MB/s   fingerprint {:016x}",
        all_bytes as f64 / 1e6 / all_time.as_secs_f64(),
        fingerprint.finish()
    );
}
