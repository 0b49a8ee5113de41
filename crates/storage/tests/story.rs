//! One story, told on both backends: a real SQLite file and a real PostgreSQL server (the local
//! one, or `DATABASE_URL`), each test on a database of its own.
#![allow(clippy::panic)]

use calendar::{Calendar, Date};
use cases::yearly;
use cases::{Action, ApplicantKind, Case, Outcome, Role};
use report::model::{Column, RowKey};
use storage::{
    AgencyId, AuditEntry, CaseId, NewCase, NewLetter, NewUser, Private, Store, StoreError,
};

fn d(s: &str) -> Date {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn private(name: &str) -> Private {
    private_with(name, "resident_id", "11010519491231002X")
}

fn private_with(name: &str, doc_kind: &str, doc_number: &str) -> Private {
    let raw = cases::RawApplication {
        kind: "natural".into(),
        name: name.into(),
        doc_kind: doc_kind.into(),
        doc_number: doc_number.into(),
        phone: Some("0632-1234567".into()),
        description: "本镇2025年农村公路养护资金使用情况".into(),
        form: "electronic".into(),
        delivery: "collect".into(),
        ..Default::default()
    };
    let (applicant, request) = raw.parse().unwrap_or_else(|e| panic!("{e:?}"));
    Private {
        applicant,
        request,
        channel: cases::Channel::InPerson {
            handed_in: d("2025-03-03"),
        },
    }
}

async fn insert(
    store: &impl Store,
    agency: AgencyId,
    code: &str,
    case: &Case,
) -> Result<CaseId, StoreError> {
    let cal = Calendar::official().expect("calendar");
    let due = case.due(&cal).ok().flatten().and_then(|d| match d {
        cases::clock::Due::On { date } => Some(date),
        cases::clock::Due::Paused { .. } => None,
    });
    store
        .insert_case(&NewCase {
            agency,
            tracking_code: code,
            case,
            due,
            handler: None,
            private: &private("张三"),
        })
        .await
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
    let old_id = insert(store, town, "GK2024-0001", &old)
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
    store.update_case(old_id, &old, None).await.expect("update");
    // New in 2025, still open at the end of the year.
    let open = Case::new(ApplicantKind::Commercial, d("2025-12-26"));
    insert(store, town, "GK2025-0001", &open)
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
    insert(store, town, "GK2024-0002", &done)
        .await
        .expect("insert");

    assert_eq!(store.case(old_id).await.expect("read").case, old);
    let found = store
        .case_by_tracking_code("GK2025-0001")
        .await
        .expect("by code");
    assert_eq!(found.case, open);
    assert_eq!(found.due, Some(d("2026-01-26")));
    assert_eq!(
        store
            .private(found.id)
            .await
            .expect("private")
            .applicant
            .name,
        "张三"
    );
    assert!(matches!(
        store.case_by_tracking_code("nope").await,
        Err(StoreError::NotFound)
    ));
    assert!(
        insert(store, town, "GK2025-0001", &open).await.is_err(),
        "tracking codes are unique"
    );

    let codes = |rows: Vec<storage::CaseRow>| -> Vec<String> {
        rows.into_iter().map(|r| r.tracking_code).collect()
    };
    let board = store.dashboard(town, d("2026-01-30")).await.expect("board");
    assert_eq!(codes(board), ["GK2025-0001"]);
    let board = store.dashboard(town, d("2026-01-23")).await.expect("board");
    assert!(board.is_empty(), "not yet due");
    assert_eq!(
        store.open_by_handler(town).await.expect("by handler"),
        vec![(None, 1)]
    );
    let recent = store.recent_cases(town, 2, 0).await.expect("recent");
    assert_eq!(codes(recent), ["GK2024-0002", "GK2025-0001"]);
    assert_eq!(store.count_cases(town).await.expect("count"), 3);
    assert_eq!(store.open_cases().await.expect("open").len(), 1);

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
    let log = store.audit_log("case:1").await.expect("log");
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].entry, entry);
    assert!(log[0].at.starts_with("20"), "{}", log[0].at);

    accounts_letters_sessions(store, town, old_id).await;
    bulk_import(store, town).await;
    fee_counts(store).await;
}

/// 按件 fees: an applicant's applications are counted per agency and calendar month of receipt,
/// by identity document, not by name.
async fn fee_counts(store: &impl Store) {
    let a = store.create_agency("甲镇", None).await.expect("agency");
    let b = store.create_agency("乙镇", None).await.expect("agency");
    let p = private_with("李四", "resident_id", "11010519491231002x");
    let same_name = private_with("李四", "passport", "E12345678");
    let add = async |agency, code: &str, on: &str, who: &Private| {
        let case = Case::new(ApplicantKind::Natural, d(on));
        store
            .insert_case(&NewCase {
                agency,
                tracking_code: code,
                case: &case,
                due: None,
                handler: None,
                private: who,
            })
            .await
            .expect("insert")
    };
    // (code, agency, received, who, place in the applicant's month at that agency)
    let cases = [
        ("FEE-1", a, "2025-03-03", &p, 2),
        ("FEE-2", a, "2025-03-03", &p, 3),
        ("FEE-3", a, "2025-03-31", &p, 4),
        ("FEE-4", a, "2025-04-01", &p, 1),
        ("FEE-5", a, "2025-03-02", &same_name, 1),
        ("FEE-6", b, "2025-03-01", &p, 1),
        // Entered last, received first: it comes first in the month.
        ("FEE-7", a, "2025-03-01", &p, 1),
    ];
    let mut ids = Vec::new();
    for (code, agency, on, who, _) in cases {
        ids.push(add(agency, code, on, who).await);
    }
    for (id, (code, .., want)) in ids.into_iter().zip(cases) {
        assert_eq!(store.month_rank(id).await.expect("rank"), want, "{code}");
    }
    assert!(matches!(
        store.month_rank(CaseId(i64::MAX)).await,
        Err(StoreError::NotFound)
    ));
}

/// Many cases at once (multi-row INSERTs): each with its own personal data, nothing mixed up.
async fn bulk_import(store: &impl Store, town: AgencyId) {
    let names: Vec<String> = (0..1203).map(|i| format!("申请人{i}")).collect();
    let privates: Vec<Private> = names.iter().map(|n| private(n)).collect();
    let codes: Vec<String> = (0..names.len()).map(|i| format!("BULK-{i:05}")).collect();
    let case = Case::new(ApplicantKind::Research, d("2025-06-02"));
    let news: Vec<NewCase<'_>> = codes
        .iter()
        .zip(&privates)
        .map(|(code, p)| NewCase {
            agency: town,
            tracking_code: code,
            case: &case,
            due: Some(d("2025-06-30")),
            handler: None,
            private: p,
        })
        .collect();
    store.import_cases(&news).await.expect("import");
    store.optimize().await.expect("optimize");
    for i in [0usize, 499, 500, 1202] {
        let found = store
            .case_by_tracking_code(&codes[i])
            .await
            .expect("imported");
        assert_eq!(found.due, Some(d("2025-06-30")));
        let p = store.private(found.id).await.expect("private");
        assert_eq!(p.applicant.name, names[i]);
    }
    let groups = store.year_groups(town, 2025).await.expect("groups");
    let research: u32 = groups
        .iter()
        .filter(|g| g.applicant == ApplicantKind::Research)
        .map(|g| g.count)
        .sum();
    assert_eq!(research, 1203);
    // A duplicate code anywhere in a batch refuses the whole batch.
    let again = [NewCase {
        tracking_code: "BULK-00007",
        ..news[0].clone()
    }];
    assert!(store.import_cases(&again).await.is_err());
}

async fn accounts_letters_sessions(store: &impl Store, town: AgencyId, case: CaseId) {
    let new = NewUser {
        agency: town,
        login: "wang",
        name: "王办理",
        role: Role::Handler,
        password_hash: "$argon2id$v=19$m=19456,t=2,p=1$x$y",
        email: Some("wang@example.cn"),
    };
    let wang = store.create_user(&new).await.expect("user");
    let again = store
        .create_user(&new)
        .await
        .expect_err("logins are unique");
    assert!(again.is_conflict(), "{again}");
    let found = store
        .user_by_login("wang")
        .await
        .expect("login")
        .expect("found");
    assert_eq!(
        (found.id, found.role, found.agency),
        (wang, Role::Handler, town)
    );
    assert!(
        store
            .user_by_login("nobody")
            .await
            .expect("login")
            .is_none()
    );
    store
        .set_password(wang, "new-hash")
        .await
        .expect("password");
    assert_eq!(
        store.user(wang).await.expect("user").password_hash,
        "new-hash"
    );
    assert_eq!(store.users(town).await.expect("users").len(), 1);

    store.assign(case, Some(wang)).await.expect("assign");
    assert_eq!(store.case(case).await.expect("case").handler, Some(wang));

    // Numbers run 1, 2, 3 per agency, year and prefix.
    let mut numbers = Vec::new();
    for (year, prefix) in [
        (2025, "公复"),
        (2025, "公复"),
        (2025, "公补"),
        (2026, "公复"),
        (2025, "公复"),
    ] {
        numbers.push(store.next_ref(town, year, prefix).await.expect("number"));
    }
    assert_eq!(numbers, vec![1, 2, 1, 1, 3]);
    let letter = NewLetter {
        case,
        kind: "reply",
        ref_no: "凫政公复〔2025〕3号",
        issued: d("2025-01-10"),
        body: "{}",
    };
    let id = store.add_letter(&letter).await.expect("letter");
    let back = store.letter(id).await.expect("letter");
    assert_eq!(
        (back.ref_no.as_str(), back.case),
        ("凫政公复〔2025〕3号", case)
    );
    assert_eq!(store.letters(case).await.expect("letters").len(), 1);

    assert!(
        store
            .template(town, "reply")
            .await
            .expect("template")
            .is_none()
    );
    store
        .set_template(town, "reply", "v1")
        .await
        .expect("template");
    store
        .set_template(town, "reply", "v2")
        .await
        .expect("template");
    assert_eq!(
        store.template(town, "reply").await.expect("t").as_deref(),
        Some("v2")
    );

    store
        .put_holiday_year(2027, "[2027]")
        .await
        .expect("holidays");
    store
        .put_holiday_year(2027, "[2027]\n")
        .await
        .expect("holidays");
    assert_eq!(
        store.holiday_years().await.expect("h"),
        vec![(2027, "[2027]\n".to_string())]
    );

    store.session_save("s1", 100, "{}").await.expect("session");
    assert_eq!(
        store.session_load("s1", 99).await.expect("load").as_deref(),
        Some("{}")
    );
    assert_eq!(
        store.session_load("s1", 100).await.expect("load"),
        None,
        "expired"
    );
    store.session_delete("s1").await.expect("delete");
    assert_eq!(store.session_load("s1", 0).await.expect("load"), None);

    store
        .update_agency(town, "凫政公", "山亭区人民政府")
        .await
        .expect("settings");
    assert_eq!(
        store.agency(town).await.expect("agency").letter_prefix,
        "凫政公"
    );
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
    assert_eq!(again.agencies().await.expect("agencies").len(), 4);
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
