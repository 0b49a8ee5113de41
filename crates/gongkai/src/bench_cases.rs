//! `gongkai bench-cases`: the server over a database of many applications (1 M by default),
//! measured over HTTP on this machine: the overdue dashboard and the yearly tables (latency),
//! and public submissions (throughput, each durable before it is answered).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use calendar::{Calendar, Date};
use cases::Role;
use indicatif::{ProgressBar, ProgressStyle};
use storage::{AgencyId, NewCase, NewUser, Store};

#[derive(clap::Args)]
pub struct Args {
    /// Applications in the database.
    #[arg(long, default_value_t = 1_000_000)]
    applications: u64,
    /// Agencies under one county; their sizes follow Zipf's law (the first is the busiest).
    #[arg(long, default_value_t = 50)]
    agencies: u64,
    /// Database URL (default: a fresh SQLite file in --dir).
    #[arg(long)]
    db: Option<String>,
    /// Where the SQLite file goes.
    #[arg(long, default_value = "target/bench-cases")]
    dir: PathBuf,
    /// Public submissions to time.
    #[arg(long, default_value_t = 3000)]
    submissions: usize,
    /// Submissions in flight at once.
    #[arg(long, default_value_t = 16)]
    concurrency: usize,
    /// Requests per latency measurement.
    #[arg(long, default_value_t = 30)]
    repeat: usize,
    /// The day the data is generated up to.
    #[arg(long, default_value = "2026-11-24")]
    today: Date,
}

const PASSWORD: &str = "bench-password";

pub fn run(args: Args) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(bench(args))
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(i).copied().unwrap_or_default()
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

async fn fill(store: &impl Store, args: &Args) -> anyhow::Result<(AgencyId, AgencyId)> {
    let county = store.create_agency("某县人民政府", None).await?;
    let mut agencies = Vec::new();
    for i in 0..args.agencies {
        agencies.push(
            store
                .create_agency(&format!("某县第{}机关", i + 1), Some(county))
                .await?,
        );
    }
    let busiest = *agencies.first().context("--agencies must be at least 1")?;
    let hash = web::hash_password(PASSWORD)?;
    for (agency, login, role) in [
        (busiest, "bench-handler", Role::Handler),
        (county, "bench-supervisor", Role::Supervisor),
    ] {
        store
            .create_user(&NewUser {
                agency,
                login,
                name: login,
                role,
                password_hash: &hash,
                email: None,
            })
            .await?;
    }
    // Zipf: agency k gets a share proportional to 1/k.
    let weights: Vec<f64> = (1..=args.agencies).map(|k| 1.0 / k as f64).collect();
    let total: f64 = weights.iter().sum();
    let mut cumulative = Vec::new();
    let mut acc = 0.0;
    for w in &weights {
        acc += w / total;
        cumulative.push((acc * 1e9) as u64);
    }
    let cal = Calendar::official()?;
    let mut generator = web::demo::Generator::new(0x5EED, cal);
    let bar = ProgressBar::new(args.applications);
    bar.set_style(ProgressStyle::with_template(
        "生成申请 {bar:40} {pos}/{len} {per_sec} 预计{eta}",
    )?);
    let mut done = 0u64;
    while done < args.applications {
        let n = (args.applications - done).min(10_000);
        let mut batch = Vec::with_capacity(n as usize);
        for i in 0..n {
            let pick = generator.below(1_000_000_000);
            let k = cumulative.iter().position(|c| pick < *c).unwrap_or(0);
            let back = generator.below(5 * 365) as i64;
            let received = args.today.checked_sub(jiff::Span::new().days(back))?;
            let (case, private) = generator.case(received, args.today)?;
            let due = generator.due(&case);
            batch.push((agencies[k], format!("B{:09}", done + i), case, private, due));
        }
        let news: Vec<NewCase<'_>> = batch
            .iter()
            .map(|(agency, code, case, private, due)| NewCase {
                agency: *agency,
                tracking_code: code,
                case,
                due: *due,
                handler: None,
                private,
            })
            .collect();
        store.import_cases(&news).await?;
        done += n;
        bar.set_position(done);
    }
    bar.finish_and_clear();
    // What autovacuum (PostgreSQL) or a periodic ANALYZE (SQLite) does after a load this size.
    store.optimize().await?;
    Ok((busiest, county))
}

async fn login(base: &str, login: &str) -> anyhow::Result<reqwest::Client> {
    let http = reqwest::Client::builder().cookie_store(true).build()?;
    let r = http
        .post(format!("{base}/api/v1/login"))
        .json(&serde_json::json!({"login": login, "password": PASSWORD}))
        .send()
        .await?;
    if r.status().as_u16() != 204 {
        bail!("login {login}: {}", r.status());
    }
    Ok(http)
}

/// Median and 95th percentile of `repeat` GETs (after one warm-up), and the size of the answer.
async fn latency(
    http: &reqwest::Client,
    url: &str,
    repeat: usize,
) -> anyhow::Result<(Duration, Duration, usize)> {
    let warm = http.get(url).send().await?.bytes().await?;
    let mut times = Vec::with_capacity(repeat);
    for _ in 0..repeat {
        let t = Instant::now();
        let r = http.get(url).send().await?;
        if !r.status().is_success() {
            bail!("{url}: {}", r.status());
        }
        r.bytes().await?;
        times.push(t.elapsed());
    }
    times.sort();
    Ok((
        percentile(&times, 0.5),
        percentile(&times, 0.95),
        warm.len(),
    ))
}

async fn submissions(
    base: &str,
    agency: AgencyId,
    total: usize,
    concurrency: usize,
) -> anyhow::Result<Duration> {
    let http = reqwest::Client::new();
    let url = format!("{base}/api/v1/agencies/{}/applications", agency.0);
    let body = serde_json::json!({
        "kind": "natural", "name": "测试申请人", "doc_kind": "resident_id",
        "doc_number": "11010519491231002X", "phone": "13912345678",
        "description": "本机关2025年度部门预算及“三公”经费支出情况", "form": "electronic", "delivery": "collect"
    });
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let start = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..concurrency {
        let (http, url, body, next) = (http.clone(), url.clone(), body.clone(), Arc::clone(&next));
        tasks.push(tokio::spawn(async move {
            while next.fetch_add(1, std::sync::atomic::Ordering::Relaxed) < total {
                let r = http.post(&url).json(&body).send().await?;
                if r.status().as_u16() != 201 {
                    bail!("submission answered {}", r.status());
                }
            }
            Ok::<(), anyhow::Error>(())
        }));
    }
    for t in tasks {
        t.await??;
    }
    Ok(start.elapsed())
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    format!("{cpu}, {cores} cores")
}

async fn bench(args: Args) -> anyhow::Result<()> {
    let url = match &args.db {
        Some(u) => u.clone(),
        None => {
            std::fs::create_dir_all(&args.dir)?;
            let file = args.dir.join("bench.db");
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
            }
            format!("sqlite://{}", file.display())
        }
    };
    let store = storage::connect(&url)
        .await
        .with_context(|| format!("opening {url}"))?;
    let t = Instant::now();
    let (busiest, county) = fill(&store, &args).await?;
    let import = t.elapsed();
    let app = web::app(store, Some(args.today)).await?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    tokio::spawn(async move {
        let _ = axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await;
    });

    println!("机器：{}；数据库：{url}", machine());
    println!(
        "{} 件申请（{} 个机关），导入用时 {:.0} 秒",
        args.applications,
        args.agencies,
        import.as_secs_f64()
    );
    let handler = login(&base, "bench-handler").await?;
    let supervisor = login(&base, "bench-supervisor").await?;
    let year = args.today.year() - 1;
    let rows = [
        (
            "overdue dashboard, busiest agency",
            &handler,
            format!("{base}/api/v1/dashboard"),
        ),
        (
            "overdue dashboard, county supervisor (all agencies)",
            &supervisor,
            format!("{base}/api/v1/dashboard"),
        ),
        (
            "yearly tables 三/四, busiest agency",
            &handler,
            format!("{base}/api/v1/agencies/{}/report/{year}", busiest.0),
        ),
        (
            "yearly tables 三/四, smallest agency",
            &supervisor,
            format!(
                "{base}/api/v1/agencies/{}/report/{year}",
                county.0 + i64::try_from(args.agencies)?
            ),
        ),
    ];
    println!("| measurement | median | p95 | answer |");
    println!("|---|---|---|---|");
    for (name, client, url) in rows {
        let (median, p95, size) = latency(client, &url, args.repeat).await?;
        println!(
            "| {name} | {} | {} | {} KB |",
            ms(median),
            ms(p95),
            size / 1024
        );
    }
    let elapsed = submissions(&base, busiest, args.submissions, args.concurrency).await?;
    println!(
        "| public submissions ({} over HTTP, {} at a time, each durable) | {:.0}/s | | |",
        args.submissions,
        args.concurrency,
        args.submissions as f64 / elapsed.as_secs_f64()
    );
    Ok(())
}
