//! `gongkai serve`: the server on the embedded SQLite database by default (a file in the data
//! directory), or PostgreSQL when the URL says so. `--demo` starts from a fresh demo database.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;
use calendar::Date;
use clap::Args as ClapArgs;

#[derive(ClapArgs)]
pub struct Args {
    /// Database URL: sqlite://PATH or postgres://… (default: sqlite in the data directory)
    #[arg(long)]
    db: Option<String>,
    /// Address to listen on
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Start from a fresh demo database: a county, its townships, staff accounts (printed) and a year of applications
    #[arg(long)]
    demo: bool,
    /// Where the SQLite database lives
    #[arg(long, default_value = "gongkai-data")]
    data: PathBuf,
    /// Treat this date as today (for demonstrations and tests)
    #[arg(long)]
    today: Option<Date>,
    /// Send handlers a daily e-mail of overdue and nearly due cases through this mail server: smtp://host[:port] (plain relay), smtp://user:pass@host?tls=starttls, or smtps://user:pass@host; off when absent. Prefer the environment variable to keep a password out of the process list
    #[arg(long, env = "GONGKAI_SMTP", hide_env_values = true)]
    smtp: Option<String>,
    /// The sender of reminder e-mails
    #[arg(long, default_value = "gongkai@localhost")]
    smtp_from: String,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    tracing_subscriber::fmt().with_target(false).init();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(serve(args))
}

async fn serve(args: Args) -> anyhow::Result<()> {
    let url = match &args.db {
        Some(url) => url.clone(),
        None => {
            std::fs::create_dir_all(&args.data)
                .with_context(|| format!("creating data directory {}", args.data.display()))?;
            let file = args
                .data
                .join(if args.demo { "demo.db" } else { "gongkai.db" });
            if args.demo {
                // A fresh demo each time: never mixed with anything typed in before.
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
                }
            }
            format!("sqlite://{}", file.display())
        }
    };
    let store = storage::connect(&url)
        .await
        .with_context(|| format!("opening database {url}"))?;
    if args.demo {
        let cal = web::load_calendar(&store).await?;
        let today = args.today.unwrap_or_else(web::AppState::new_today);
        let accounts = web::demo::fill(&store, &cal, today).await?;
        println!("演示数据已生成。工作人员账号（仅本次显示）：");
        for a in &accounts {
            println!(
                "  {:<24} 密码 {:<16} {}  {}",
                a.login,
                a.password,
                a.role.label(),
                a.agency
            );
        }
    }
    let mailer = args
        .smtp
        .as_deref()
        .map(|url| web::reminders::Mailer::new(url, &args.smtp_from))
        .transpose()?;
    let (app, state) = web::app_and_state(store, args.today).await?;
    if let Some(mailer) = mailer {
        web::reminders::spawn_daily(state, mailer);
        println!("到期提醒邮件已开启（每日发送）");
    }
    println!("gongkai 已启动：http://{}/ （数据库 {url}）", args.addr);
    web::serve(app, args.addr)
        .await
        .with_context(|| format!("listening on {}", args.addr))
}
