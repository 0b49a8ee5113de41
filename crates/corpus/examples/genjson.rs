fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "/tmp/gj".into());
    let blank = std::env::var("BLANK").is_ok();
    std::fs::create_dir_all(&dir).ok();
    for seed in 0..12u64 {
        let mut rng = corpus::Rng::new(31_000 + seed);
        let g = corpus::generate(&mut rng, 2025);
        let mut r = g.report;
        if blank {
            for key in report::RowKey::ALL {
                if let Some(row) = r.table3.row(key).copied() {
                    r.table3
                        .set_row(key, Some(row.map(|c| c.filter(|n| n.value() != 0.0))));
                }
            }
        }
        std::fs::write(format!("{dir}/g{seed}.json"), report::render::json(&r)).ok();
    }
}
