//! One story, told on both backends: a real SQLite file and a real PostgreSQL server (the local
//! one, or `DATABASE_URL`), each test on a database of its own.
#![allow(clippy::panic)]

use calendar::{Calendar, Date};
use cases::yearly;
use cases::{Action, ApplicantKind, Case, Outcome, Role};
use report::model::{Column, RowKey};
use storage::{AuditEntry, Store, StoreError};

fn d(s: &str) -> Date {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

async fn story(store: &impl Store) {
    let county = store
        .create_agency("山亭区人民政府", None)
        .await
        .expect("agency");
    let town = store
        .create_agency("山亭区凫城镇人民政府", Some(county))
        .await
        .expect("agency");
    let agencies = store.agencies().await.expect("agencies");
    assert_eq!(agencies.len(), 2);
    assert_eq!(
        agencies
            .iter()
            .find(|a| a.id == town)
            .and_then(|a| a.parent),
        Some(county)
    );

    let cal = Calendar::official().expect("calendar");
    let granted = Outcome::new(RowKey::Granted).expect("outcome");
    // Carried over from 2024, answered in 2025.
    let mut old = Case::new(ApplicantKind::Natural, d("2024-12-23"));
    let old_id = store
        .insert_case(town, "GK2024-0001", &old)
        .await
        .expect("insert");
    for (role, action) in [
        (Role::Handler, Action::Draft { outcome: granted }),
        (Role::Approver, Action::Approve),
        (
            Role::Handler,
            Action::Send {
                on: d("2025-01-10"),
            },
        ),
    ] {
        old.apply(&cal, role, action).expect("step");
    }
    store.update_case(old_id, &old).await.expect("update");
    // New in 2025, still open at the end of the year.
    let open = Case::new(ApplicantKind::Commercial, d("2025-12-26"));
    store
        .insert_case(town, "GK2025-0001", &open)
        .await
        .expect("insert");
    // Closed in 2024: not counted in 2025.
    let mut done = Case::new(ApplicantKind::Natural, d("2024-03-01"));
    done.apply(
        &cal,
        Role::Handler,
        Action::Withdraw {
            on: d("2024-03-05"),
        },
    )
    .expect("withdraw");
    store
        .insert_case(town, "GK2024-0002", &done)
        .await
        .expect("insert");

    assert_eq!(store.case(old_id).await.expect("read"), old);
    let (_, found) = store
        .case_by_tracking_code("GK2025-0001")
        .await
        .expect("by code");
    assert_eq!(found, open);
    assert!(matches!(
        store.case_by_tracking_code("nope").await,
        Err(StoreError::NotFound)
    ));
    assert!(
        store.insert_case(town, "GK2025-0001", &open).await.is_err(),
        "tracking codes are unique"
    );

    let upheld = yearly::Appeal {
        kind: yearly::AppealKind::Review,
        filed: d("2025-02-10"),
        decided: Some((yearly::AppealResult::Upheld, d("2025-04-01"))),
    };
    let pending = yearly::Appeal {
        kind: yearly::AppealKind::LitigationDirect,
        filed: d("2025-11-03"),
        decided: None,
    };
    store.add_appeal(old_id, &upheld).await.expect("appeal");
    store.add_appeal(old_id, &pending).await.expect("appeal");
    let appeals = store.appeals_for_year(town, 2025).await.expect("appeals");
    assert_eq!(appeals, vec![upheld, pending]);
    assert!(
        store
            .appeals_for_year(town, 2024)
            .await
            .expect("appeals")
            .is_empty()
    );

    let year = store.cases_for_year(town, 2025).await.expect("year");
    assert_eq!(year.len(), 2);
    let r = yearly::report("山亭区凫城镇人民政府", 2025, &year, &appeals);
    let t4: Vec<f64> = r
        .table4
        .0
        .iter()
        .map(|c| c.map_or(-1.0, |n| n.value()))
        .collect();
    assert_eq!(
        t4,
        vec![
            1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0
        ]
    );
    let cell = |k: RowKey, c: Column| r.table3.cell(k, c).map(|n| n.value());
    assert_eq!(cell(RowKey::CarriedOver, Column::Natural), Some(1.0));
    assert_eq!(cell(RowKey::New, Column::Commercial), Some(1.0));
    assert_eq!(cell(RowKey::Granted, Column::Total), Some(1.0));
    assert_eq!(cell(RowKey::CarriedForward, Column::Total), Some(1.0));
    let errors: Vec<_> = report::check::check(&r)
        .into_iter()
        .filter(|f| f.severity == report::Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");

    let entry = AuditEntry {
        actor: "handler1".into(),
        action: "send".into(),
        target: "case:1".into(),
        origin: "127.0.0.1".into(),
    };
    store.audit(&entry).await.expect("audit");
    assert_eq!(store.audit_log("case:1").await.expect("log"), vec![entry]);
}

#[tokio::test]
async fn sqlite_file() {
    let dir = std::env::temp_dir().join(format!("gongkai-store-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let url = format!("sqlite://{}", dir.join("gongkai.db").display());
    {
        let store = storage::connect(&url).await.expect("sqlite");
        story(&store).await;
    }
    // Reopened: everything acknowledged is still there, and migrations do not run twice.
    let again = storage::connect(&url).await.expect("reopen");
    assert_eq!(again.agencies().await.expect("agencies").len(), 2);
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn postgres_server() {
    let base = std::env::var("DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into());
    let admin = sqlx::PgPool::connect(&base)
        .await
        .unwrap_or_else(|e| panic!("PostgreSQL is needed at {base} (set DATABASE_URL): {e}"));
    let name = format!(
        "gongkai_test_{}_{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0)
    );
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&admin)
        .await
        .expect("create database");
    let url = format!(
        "{}/{name}",
        base.rsplit_once('/')
            .map_or(base.as_str(), |(head, _)| head)
    );
    {
        let store = storage::connect(&url).await.expect("postgres");
        story(&store).await;
        if let storage::AnyStore::Postgres(pg) = store {
            drop(pg);
        }
    }
    let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
        "DROP DATABASE {name} WITH (FORCE)"
    )))
    .execute(&admin)
    .await;
}

#[tokio::test]
async fn urls_name_the_backend() {
    assert!(matches!(
        storage::connect("mysql://x").await,
        Err(StoreError::BadUrl(_))
    ));
}
