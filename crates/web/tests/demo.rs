//! `--demo` data: every state of a case appears, every agency's yearly tables computed from it
//! pass the report checker without an error, and the accounts can log in.
#![allow(clippy::panic)]

mod common;

use std::collections::BTreeSet;

use calendar::Calendar;
use storage::Store;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_data_is_alive_and_reconciles() {
    let url = common::fresh_db("sqlite", "demo").await;
    let store = storage::connect(&url).await.expect("connect");
    let cal = Calendar::official().expect("calendar");
    let today = common::d("2026-11-24");
    let accounts = web::demo::fill(&store, &cal, today).await.expect("demo");
    assert!(accounts.len() >= 10);
    assert!(
        web::demo::fill(&store, &cal, today).await.is_err(),
        "never into a database with data"
    );

    let mut states = BTreeSet::new();
    let mut overdue = 0;
    let agencies = store.agencies().await.expect("agencies");
    for a in &agencies {
        for row in store.recent_cases(a.id, 100_000, 0).await.expect("cases") {
            states.insert(row.state.label());
            if row.due.is_some_and(|d| d < today) {
                overdue += 1;
            }
        }
        for year in [2025, 2026] {
            let cases = store.cases_for_year(a.id, year).await.expect("year");
            let appeals = store.appeals_for_year(a.id, year).await.expect("appeals");
            let r = cases::yearly::report(&a.name, i32::from(year), &cases, &appeals);
            // The database's own count gives the same tables.
            let groups = store.year_groups(a.id, year).await.expect("groups");
            let counted =
                cases::yearly::report_from_groups(&a.name, i32::from(year), groups, &appeals);
            assert_eq!(counted, r, "{} {year}", a.name);
            let errors: Vec<_> = report::check::check(&r)
                .into_iter()
                .filter(|f| f.severity == report::Severity::Error)
                .collect();
            assert!(errors.is_empty(), "{} {year}: {errors:?}", a.name);
        }
    }
    let all: BTreeSet<&str> = [
        "已收到",
        "待补正",
        "征求意见中",
        "待缴费",
        "答复拟稿",
        "答复已审批",
        "答复已送达",
        "已办结",
    ]
    .into_iter()
    .collect();
    assert_eq!(states, all);
    assert!(overdue > 0, "the dashboard has something overdue to show");

    // The printed accounts work.
    let app = web::app(store, Some(today)).await.expect("app");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    tokio::spawn(async move {
        let _ = axum::serve(
            listener,
            app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .await;
    });
    let admin = accounts
        .iter()
        .find(|a| a.login == "fucheng-admin")
        .expect("admin account");
    let http = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .expect("client");
    let r = http
        .post(format!("{base}/api/v1/login"))
        .json(&serde_json::json!({"login": admin.login, "password": admin.password}))
        .send()
        .await
        .expect("login");
    assert_eq!(r.status().as_u16(), 204);
    let board: serde_json::Value = http
        .get(format!("{base}/api/v1/dashboard"))
        .send()
        .await
        .expect("dashboard")
        .json()
        .await
        .expect("json");
    assert!(
        board["waiting"].as_array().is_some_and(|w| !w.is_empty()),
        "{board}"
    );
}
