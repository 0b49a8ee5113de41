//! Times the stages of reading one file: `cargo run --release -p report --example timing -- FILE`.
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let bytes = std::fs::read(&path).unwrap_or_default();
    let n = 2000;
    let text = String::from_utf8_lossy(&bytes).to_string();
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(report::parse::text::detect(&text));
    }
    println!(
        "detect  {:>8.1} µs",
        t.elapsed().as_secs_f64() * 1e6 / n as f64
    );
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(report::parse::text::read(&text));
    }
    println!(
        "read    {:>8.1} µs",
        t.elapsed().as_secs_f64() * 1e6 / n as f64
    );
    let (doc, _) = report::parse::text::read(&text);
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(report::parse::extract::extract(&doc));
    }
    println!(
        "extract {:>8.1} µs",
        t.elapsed().as_secs_f64() * 1e6 / n as f64
    );
    let r = report::parse::extract::extract(&doc).report;
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(report::check::check(&r));
    }
    println!(
        "check   {:>8.1} µs",
        t.elapsed().as_secs_f64() * 1e6 / n as f64
    );
    println!("bytes   {}", bytes.len());
}
