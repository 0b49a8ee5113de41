//! `gongkai render`: interchange JSON in, a document out.

use std::path::PathBuf;

use anyhow::{Context, bail};

#[derive(clap::Args)]
pub struct Args {
    /// The report as interchange JSON (what `gongkai check --json` prints under "report").
    report: PathBuf,
    /// Where to write; the extension chooses the format: .html, .docx, .md or .json.
    #[arg(short, long)]
    output: PathBuf,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let bytes = std::fs::read(&args.report)
        .with_context(|| format!("reading {}", args.report.display()))?;
    let value: serde_json::Value = serde_json::from_slice(&bytes)
        .with_context(|| format!("{} is not JSON", args.report.display()))?;
    // Accept the whole `check --json` object as well as the bare report.
    let value = value.get("report").cloned().unwrap_or(value);
    let report: report::Report = serde_json::from_value(value).with_context(|| {
        format!(
            "{} is not a report in the interchange JSON",
            args.report.display()
        )
    })?;
    let ext = args
        .output
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let out = match ext.as_str() {
        "html" | "htm" => report::render::html(&report).into_bytes(),
        "md" | "markdown" => report::render::markdown(&report).into_bytes(),
        "json" => report::render::json(&report).into_bytes(),
        "docx" => report::render::docx(&report)?,
        other => bail!("unknown output format `.{other}`: use .html, .docx, .md or .json"),
    };
    std::fs::write(&args.output, out)
        .with_context(|| format!("writing {}", args.output.display()))?;
    Ok(())
}
