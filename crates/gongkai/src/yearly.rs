//! `gongkai report`: tables 三 and 四 of a year computed from an agency's cases, in the
//! interchange JSON of the report engine, and checked by it.

use std::process::ExitCode;

use anyhow::{Context, bail};
use storage::{AgencyId, Store};

#[derive(clap::Args)]
pub struct Args {
    /// Database URL: sqlite://PATH or postgres://…
    #[arg(long)]
    db: String,
    /// The agency's id.
    #[arg(long)]
    agency: i64,
    /// The year reported on.
    #[arg(long)]
    year: i16,
    /// Print `{"report", "findings"}` as JSON instead of a summary.
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let store = storage::connect(&args.db)
            .await
            .with_context(|| format!("opening {}", args.db))?;
        let agencies = store.agencies().await?;
        let Some(agency) = agencies.iter().find(|a| a.id == AgencyId(args.agency)) else {
            bail!("没有编号为{}的机关", args.agency);
        };
        let groups = store.year_groups(agency.id, args.year).await?;
        let appeals = store.appeals_for_year(agency.id, args.year).await?;
        let report =
            cases::yearly::report_from_groups(&agency.name, i32::from(args.year), groups, &appeals);
        let findings = report::check::check(&report);
        if args.json {
            println!(
                "{}",
                serde_json::to_string_pretty(
                    &serde_json::json!({"report": report, "findings": findings})
                )?
            );
        } else {
            print!("{}", report::render::markdown(&report));
            for f in &findings {
                println!("[{:?}] {} {}", f.severity, f.rule, f.message);
            }
        }
        Ok(ExitCode::from(u8::from(report::check::has_errors(
            &findings,
        ))))
    })
}
