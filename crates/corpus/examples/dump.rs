//! Prints one generated report in one layout: `cargo run -p corpus --example dump -- SEED LAYOUT`
//! (`… SEED LAYOUT trial` for one in the 2019 trial format).
use corpus::layouts::Layout;
use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let seed: u64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let name = args.get(2).map(String::as_str).unwrap_or("docx-text");
    let Some(layout) = Layout::ALL.into_iter().find(|l| l.name() == name) else {
        eprintln!("layouts: {:?}", Layout::ALL.map(|l| l.name()));
        std::process::exit(2);
    };
    let mut rng = corpus::Rng::new(seed);
    let g = if args.get(3).is_some_and(|a| a == "trial") {
        corpus::generate_trial(&mut rng, 2019)
    } else {
        corpus::generate(&mut rng, 2020 + (seed % 6) as i32)
    };
    let _ = std::io::stdout().write_all(&layout.write(&g.report, &mut rng));
}
