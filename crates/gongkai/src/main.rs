//! The `gongkai` command: a thin layer that parses arguments and hands each subcommand to the
//! library crates.

mod bench;
mod bench_cases;
mod check;
mod csv_out;
mod deadline;
mod render;
mod serve;
mod setup;
mod yearly;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "gongkai",
    version,
    about = "政府信息公开工作系统 — government information disclosure, end to end"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read and check annual reports (政府信息公开工作年度报告): text, HTML, DOCX or PDF files, or folders of them.
    Check(check::Args),
    /// The date N working days after DATE on the official holiday calendar (调休 included).
    Deadline(deadline::Args),
    /// Tables 三 and 四 of a year computed from an agency's cases, checked by the report engine.
    Report(yearly::Args),
    /// Measure parse+check throughput per layout over a generated corpus (one core).
    Bench(bench::Args),
    /// Measure the server over many applications (1 M by default): dashboard and yearly-table latency, submission throughput.
    BenchCases(bench_cases::Args),
    /// Set up agencies (add, list).
    #[command(subcommand)]
    Agency(setup::AgencyCmd),
    /// Set up staff accounts (add; the password is printed once).
    #[command(subcommand)]
    User(setup::UserCmd),
    /// Run the server: public application form, staff case handling, letters, dashboards, JSON API.
    Serve(serve::Args),
    /// Write a report (interchange JSON) as HTML, DOCX, Markdown or JSON; the format follows the output's extension.
    Render(render::Args),
}

fn main() -> ExitCode {
    // A PDF or `.doc` whose reader panics is reported as that file's error; the panic itself
    // is not printed as if the program had crashed.
    report::parse::quiet_shielded_panics();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => check::run(args),
        Command::Render(args) => render::run(args).map(|()| ExitCode::SUCCESS),
        Command::Report(args) => yearly::run(args),
        Command::Deadline(args) => deadline::run(args).map(|()| ExitCode::SUCCESS),
        Command::BenchCases(args) => bench_cases::run(args).map(|()| ExitCode::SUCCESS),
        Command::Agency(cmd) => setup::agency(cmd).map(|()| ExitCode::SUCCESS),
        Command::User(cmd) => setup::user(cmd).map(|()| ExitCode::SUCCESS),
        Command::Serve(args) => serve::run(args).map(|()| ExitCode::SUCCESS),
        Command::Bench(args) => bench::run_bench(args).map(|()| ExitCode::SUCCESS),
    };
    match result {
        Ok(code) => code,
        // The reader went away (`gongkai check … | head`): what it read was all it wanted.
        Err(e) if broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gongkai: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Every file below the given paths, folders recursed in name order, hidden entries skipped.
pub fn collect_files(paths: &[PathBuf]) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(p)?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .collect();
            entries.retain(|e| {
                !e.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with('.'))
            });
            entries.sort();
            out.extend(collect_files(&entries)?);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}
