//! `gongkai bench`: parse+check throughput per layout on one core, over a generated corpus of
//! realistic reports, with `wc -l` over the same bytes as the baseline measured in the same run.

use std::io::Write;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use corpus::Rng;
use corpus::layouts::Layout;

#[derive(clap::Args)]
pub struct Args {
    /// Reports generated per layout.
    #[arg(long, default_value_t = 2000)]
    reports: usize,
    /// Reports printed to PDF, and saved as Word 97 `.doc`, by LibreOffice (slow to make;
    /// skipped when soffice is missing).
    #[arg(long, default_value_t = 200)]
    pdfs: usize,
    /// Only these layouts (by name: docx-text, pdf-text, pdftotext-layout, pdf-extract-text,
    /// office-text, browser-copy, web-text, html, markdown, docx).
    #[arg(long)]
    layout: Vec<String>,
    /// Measure each layout this many times and keep the fastest run (also handy under a profiler).
    #[arg(long, default_value_t = 3)]
    repeat: usize,
    /// Where to keep the generated corpus (a temporary folder by default).
    #[arg(long)]
    dir: Option<PathBuf>,
}

struct Measure {
    name: String,
    files: usize,
    bytes: usize,
    elapsed: Duration,
}

impl Measure {
    fn mb_per_s(&self) -> f64 {
        self.bytes as f64 / 1e6 / self.elapsed.as_secs_f64()
    }
    fn files_per_s(&self) -> f64 {
        self.files as f64 / self.elapsed.as_secs_f64()
    }
}

/// Parses and checks every file, keeping the result so the work cannot be optimised away.
fn run(name: &str, files: &[Vec<u8>]) -> anyhow::Result<Measure> {
    let start = Instant::now();
    let mut findings = 0usize;
    for bytes in files {
        let (_, found) =
            report::read_and_check(bytes).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
        findings += found.len();
    }
    let elapsed = start.elapsed();
    std::hint::black_box(findings);
    Ok(Measure {
        name: name.to_string(),
        files: files.len(),
        bytes: files.iter().map(Vec::len).sum(),
        elapsed,
    })
}

fn generate(layout: Layout, n: usize, seed: u64) -> Vec<Vec<u8>> {
    (0..n)
        .map(|i| {
            let mut rng = Rng::new(seed + i as u64);
            let g = corpus::generate(&mut rng, 2020 + (i % 6) as i32);
            layout.write(&g.report, &mut rng)
        })
        .collect()
}

fn wc_baseline(dir: &std::path::Path, text: &[u8]) -> anyhow::Result<Duration> {
    let path = dir.join("all-text.txt");
    std::fs::write(&path, text)?;
    // Warm the page cache, then take the best of three.
    let mut best = Duration::MAX;
    for _ in 0..4 {
        let start = Instant::now();
        let out = Command::new("wc")
            .arg("-l")
            .arg(&path)
            .output()
            .context("running wc -l")?;
        if !out.status.success() {
            bail!("wc -l failed");
        }
        best = best.min(start.elapsed());
    }
    Ok(best)
}

/// `n` generated DOCX files converted by LibreOffice to `target` (`pdf`, `doc`), or `None`
/// when LibreOffice is missing.
fn office_converted(
    dir: &std::path::Path,
    n: usize,
    target: &str,
) -> anyhow::Result<Option<Vec<Vec<u8>>>> {
    if n == 0 || Command::new("soffice").arg("--version").output().is_err() {
        return Ok(None);
    }
    let out_dir = dir.join(target);
    std::fs::create_dir_all(&out_dir)?;
    let docx = generate(Layout::Docx, n, 900_000);
    let mut names = Vec::new();
    for (i, bytes) in docx.iter().enumerate() {
        let name = format!("r{i:05}.docx");
        std::fs::write(out_dir.join(&name), bytes)?;
        names.push(name);
    }
    let status = Command::new("soffice")
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
            ".",
        ])
        .args(&names)
        .env("HOME", &out_dir)
        .current_dir(&out_dir)
        .output()
        .context("running LibreOffice")?;
    if !status.status.success() {
        bail!("LibreOffice failed to convert the corpus to {target}");
    }
    let out = (0..n)
        .map(|i| std::fs::read(out_dir.join(format!("r{i:05}.{target}"))))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Some(out))
}

/// The `n` PDFs in `dir` turned into OFD files by the tests' converter script (PyMuPDF), or
/// `None` when Python or PyMuPDF is missing.
fn ofd_converted(dir: &std::path::Path, n: usize) -> Option<Vec<Vec<u8>>> {
    let script = dir.join("pdf_to_ofd.py");
    std::fs::write(&script, include_str!("../../corpus/tests/pdf_to_ofd.py")).ok()?;
    let pairs = (0..n).flat_map(|i| [format!("r{i:05}.pdf"), format!("r{i:05}.ofd")]);
    let out = Command::new("python3")
        .arg(&script)
        .args(pairs)
        .current_dir(dir)
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    (0..n)
        .map(|i| std::fs::read(dir.join(format!("r{i:05}.ofd"))).ok())
        .collect()
}

pub fn run_bench(args: Args) -> anyhow::Result<()> {
    let dir = args.dir.clone().unwrap_or_else(|| {
        std::env::temp_dir().join(format!("gongkai-bench-{}", std::process::id()))
    });
    std::fs::create_dir_all(&dir)?;
    let mut stderr = std::io::stderr();
    let mut results = Vec::new();
    let mut all_text = Vec::new();
    let mut text_measures = Vec::new();
    for layout in Layout::ALL {
        if !args.layout.is_empty() && !args.layout.iter().any(|l| l == layout.name()) {
            continue;
        }
        let _ = writeln!(stderr, "generating {} × {}…", args.reports, layout.name());
        let files = generate(layout, args.reports, 0);
        // Warm-up pass, then the measured one.
        run(layout.name(), &files[..files.len().min(50)])?;
        let mut m = run(layout.name(), &files)?;
        for _ in 1..args.repeat {
            let again = run(layout.name(), &files)?;
            if again.elapsed < m.elapsed {
                m = again;
            }
        }
        // "Text" is the plain-text layouts; HTML and DOCX are measured on their own.
        if !matches!(layout, Layout::Docx | Layout::Html) {
            all_text.extend(files.iter().flatten());
            text_measures.push((m.bytes, m.elapsed));
        }
        results.push(m);
    }
    let wc = wc_baseline(&dir, &all_text)?;
    for (target, name) in [("pdf", "pdf (LibreOffice)"), ("doc", "doc (LibreOffice)")] {
        if let Some(files) = office_converted(&dir, args.pdfs, target)? {
            results.push(run(name, &files)?);
            if target == "pdf" {
                match ofd_converted(&dir.join("pdf"), files.len()) {
                    Some(ofd) => results.push(run("ofd (from those PDFs)", &ofd)?),
                    None => {
                        let _ = writeln!(stderr, "python3 with PyMuPDF not found: ofd skipped");
                    }
                }
            }
        } else {
            let _ = writeln!(stderr, "soffice not found: {name} skipped");
        }
    }
    let text_bytes: usize = text_measures.iter().map(|m| m.0).sum();
    let text_time: Duration = text_measures.iter().map(|m| m.1).sum();
    let text_mb_s = text_bytes as f64 / 1e6 / text_time.as_secs_f64();
    let ratio = text_time.as_secs_f64() / wc.as_secs_f64();

    println!("| layout | files | MB | parse+check | MB/s | files/s |");
    println!("|---|---:|---:|---:|---:|---:|");
    for m in &results {
        println!(
            "| {} | {} | {:.1} | {:.2} s | {:.1} | {:.0} |",
            m.name,
            m.files,
            m.bytes as f64 / 1e6,
            m.elapsed.as_secs_f64(),
            m.mb_per_s(),
            m.files_per_s()
        );
    }
    println!();
    println!(
        "Plain-text layouts together: {:.1} MB in {:.2} s = {text_mb_s:.1} MB/s; `wc -l` over the same bytes: {:.4} s; parse+check takes {ratio:.0}× as long as wc -l",
        text_bytes as f64 / 1e6,
        text_time.as_secs_f64(),
        wc.as_secs_f64()
    );
    if args.dir.is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
    Ok(())
}
