//! `gongkai check`: read reports, check each, check consecutive years of one body together.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use indicatif::{ProgressBar, ProgressStyle};
use report::check::{self, Finding, Severity};
use report::parse::{self, Parsed};
use serde_json::json;

#[derive(clap::Args)]
pub struct Args {
    /// Report files or folders (folders are searched recursively).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Print one JSON document: an object for one file, an array for several.
    #[arg(long, conflicts_with = "csv")]
    json: bool,
    /// Print CSV, one row per report with every cell (UTF-8 with BOM, for Excel).
    #[arg(long)]
    csv: bool,
}

/// One file's outcome.
pub struct Outcome {
    pub file: PathBuf,
    pub result: Result<(Parsed, Vec<Finding>), String>,
}

/// A file's outcome, or one for each file of a ZIP archive (named `archive.zip/entry`), and of
/// an archive inside it.
pub fn read_file(file: &PathBuf) -> Vec<Outcome> {
    let bytes = std::fs::metadata(file)
        .map_err(|e| format!("无法读取文件：{e}"))
        .and_then(|m| {
            // Refuse before reading: a multi-gigabyte file is not a report and must not fill memory.
            if m.len() > parse::MAX_INPUT as u64 {
                Err(format!(
                    "文件过大（{} 字节），年度报告不会超过 {} 字节",
                    m.len(),
                    parse::MAX_INPUT
                ))
            } else {
                std::fs::read(file).map_err(|e| format!("无法读取文件：{e}"))
            }
        });
    let mut out = Vec::new();
    read_bytes(file.clone(), bytes, 0, &mut out);
    out
}

fn read_bytes(file: PathBuf, bytes: Result<Vec<u8>, String>, depth: u8, out: &mut Vec<Outcome>) {
    let result = bytes.and_then(|b| match report::read_and_check(&b) {
        // The reader tells an archive from the documents that share its container.
        Err(parse::ParseError::Archive(_)) if depth < 2 => match parse::archive::entries(&b) {
            Ok(entries) if entries.is_empty() => Err("ZIP 压缩包中没有文件".to_string()),
            Ok(entries) => {
                for e in entries {
                    read_bytes(file.join(&e.name), e.bytes, depth + 1, out);
                }
                Ok(None)
            }
            Err(e) => Err(e),
        },
        read => read.map(Some).map_err(|e| e.to_string()),
    });
    // None: an archive, whose files are outcomes of their own.
    if let Some(result) = result.transpose() {
        out.push(Outcome { file, result });
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let files = crate::collect_files(&args.paths).context("reading the paths given")?;
    let one_file =
        files.len() == 1 && args.paths.len() == 1 && !args.paths.iter().any(|p| p.is_dir());
    let bar = (files.len() > 1 && std::io::stderr().is_terminal()).then(|| {
        let bar = ProgressBar::new(files.len() as u64);
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    });
    let mut outcomes = Vec::with_capacity(files.len());
    for f in &files {
        if let Some(b) = &bar {
            b.set_message(f.display().to_string());
        }
        outcomes.extend(read_file(f));
        if let Some(b) = &bar {
            b.inc(1);
        }
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    cross_year(&mut outcomes);
    // One file given, and no archive of several: the JSON is that report's object.
    let single = one_file && outcomes.len() == 1;

    let unreadable = outcomes.iter().any(|o| o.result.is_err());
    let errors = outcomes
        .iter()
        .any(|o| o.result.as_ref().is_ok_and(|(_, f)| check::has_errors(f)));
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if args.json {
        let docs: Vec<_> = outcomes.iter().map(to_json).collect();
        let doc = if single {
            docs.into_iter().next().unwrap_or_default()
        } else {
            serde_json::Value::Array(docs)
        };
        serde_json::to_writer_pretty(&mut out, &doc)?;
        writeln!(out)?;
    } else if args.csv {
        crate::csv_out::write(&mut out, &outcomes)?;
    } else {
        summary(&mut out, &outcomes)?;
    }
    Ok(ExitCode::from(if unreadable {
        2
    } else {
        u8::from(errors)
    }))
}

fn cross_year(outcomes: &mut [Outcome]) {
    let reports: Vec<&report::Report> = outcomes
        .iter()
        .filter_map(|o| o.result.as_ref().ok().map(|(p, _)| &p.report))
        .collect();
    let extra = check::check_series(&reports);
    let mut extra = extra.into_iter();
    for o in outcomes.iter_mut() {
        if let Ok((_, findings)) = o.result.as_mut() {
            findings.extend(extra.next().unwrap_or_default());
        }
    }
}

fn to_json(o: &Outcome) -> serde_json::Value {
    match &o.result {
        Ok((parsed, findings)) => json!({
            "file": o.file.display().to_string(),
            "format": parsed.layout.name(),
            "report": parsed.report,
            "findings": findings,
        }),
        Err(e) => json!({"file": o.file.display().to_string(), "error": e}),
    }
}

fn severity_name(s: Severity) -> &'static str {
    match s {
        Severity::Error => "错误",
        Severity::Warning => "警告",
        Severity::Info => "说明",
    }
}

fn summary(out: &mut impl Write, outcomes: &[Outcome]) -> std::io::Result<()> {
    let (mut n_err, mut n_warn, mut n_bad) = (0, 0, 0);
    for o in outcomes {
        match &o.result {
            Err(e) => {
                n_bad += 1;
                writeln!(out, "{}: 无法读取 — {e}", o.file.display())?;
            }
            Ok((p, findings)) => {
                let r = &p.report;
                let errors = findings
                    .iter()
                    .filter(|f| f.severity == Severity::Error)
                    .count();
                let warnings = findings
                    .iter()
                    .filter(|f| f.severity == Severity::Warning)
                    .count();
                n_err += errors;
                n_warn += warnings;
                let format = match r.format {
                    report::Format::F2021 => "2021年格式",
                    report::Format::Trial2019 => "2019年试行格式",
                };
                writeln!(
                    out,
                    "{}: {} {}年度 · {} · 读取自 {} · {errors} 个错误，{warnings} 个警告",
                    o.file.display(),
                    r.body.as_deref().unwrap_or("（未识别发布机关）"),
                    r.year.map_or_else(|| "?".into(), |y| y.to_string()),
                    format,
                    p.layout.label()
                )?;
                for f in findings {
                    writeln!(
                        out,
                        "  [{}] {:<24} {}",
                        severity_name(f.severity),
                        f.rule,
                        f.message
                    )?;
                }
            }
        }
    }
    writeln!(
        out,
        "共 {} 份报告：{n_err} 个错误，{n_warn} 个警告，{n_bad} 份无法读取",
        outcomes.len()
    )
}
