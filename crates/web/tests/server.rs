//! The server end to end over HTTP, each scenario on a fresh SQLite file and on a fresh
//! PostgreSQL database: the public form and its receipt, who may read an applicant's data, a
//! case from registration to the approved reply letter, the holiday admin, accounts, the login
//! rate limit.
#![allow(clippy::panic)]

mod common;

use std::io::Read;

use common::{Client, application, application_json, case_id, client, pairs, start, tracking_code};
use serde_json::json;

on_both_backends!(
    public_application_and_privacy,
    a_case_from_registration_to_reply_letter,
    holiday_admin_recomputes_due_dates,
    login_is_rate_limited,
    an_admin_manages_accounts,
);

const PERSONAL: [&str; 4] = [
    "张三丰",
    "13912345678",
    "11010519491231002X",
    "zhang@example.cn",
];

fn assert_nothing_personal(what: &str, text: &str) {
    for p in PERSONAL {
        assert!(!text.contains(p), "{what} shows {p}");
    }
}

async fn public_application_and_privacy(backend: &str) {
    let server = start(backend, "privacy", "2025-09-26").await;
    let town = server.world.town.0.to_string();
    let apply = format!("/apply/{town}");
    let public = client(&server);

    // Bad input: every problem listed in Chinese, nothing stored.
    let mut bad = application("  ");
    bad.retain(|(k, _)| *k != "phone");
    bad.push(("phone", "12".into()));
    let (status, page) = public.submit(&apply, &apply, &pairs(&bad)).await;
    assert_eq!(status, 200);
    assert!(page.contains("姓名或名称：不能为空"), "{page}");
    assert!(page.contains("联系电话：应为7到20位数字"), "{page}");
    assert!(!page.contains("tracking-code"));

    // A forged form (no token) is refused.
    let form = application("张三丰");
    let (status, _) = public.post(&apply, &pairs(&form)).await;
    assert_eq!(status, 403);

    // Oversize bodies are refused before they are read, and the connection is closed so that
    // the next request does not go down it.
    let huge = "公".repeat(40_000);
    let r = public
        .http
        .post(public.url(&apply))
        .form(&[("description", huge.as_str())])
        .send()
        .await
        .expect("oversize post");
    let close = r.headers().get("connection").and_then(|v| v.to_str().ok());
    assert_eq!((r.status().as_u16(), close), (413, Some("close")));

    let (status, receipt) = public.submit(&apply, &apply, &pairs(&form)).await;
    assert_eq!(status, 200);
    let code = tracking_code(&receipt);
    assert!(code.starts_with("GK"), "{receipt}");
    // holidays.md: received 2025-09-26 (a Friday before the National Day week) → 2025-10-30.
    assert!(receipt.contains("2025-10-30"), "{receipt}");
    assert_nothing_personal("receipt", &receipt);

    // The status page and its API: state and dates, nothing personal, typed loosely.
    let (status, track) = public
        .get(&format!("/track?code={}", code.to_lowercase()))
        .await;
    assert_eq!(status, 200);
    assert!(
        track.contains("已收到") && track.contains("2025-10-30"),
        "{track}"
    );
    assert_nothing_personal("status page", &track);
    let (status, api) = public.json(&format!("/api/v1/track/{code}")).await;
    assert_eq!((status, api["state"].as_str()), (200, Some("已收到")));
    assert_nothing_personal("status API", &api.to_string());
    let (status, none) = public.get("/track?code=GK00000-00000").await;
    assert_eq!(status, 200);
    assert!(none.contains("没有找到"));

    // Anonymous visitors cannot reach staff pages or the case API.
    let (status, to) = public
        .post("/staff/cases/1/act", &[("action", "approve")])
        .await;
    assert_eq!((status, to.as_str()), (303, "/login"));
    let (status, _) = public.json("/api/v1/cases/1").await;
    assert_eq!(status, 401);

    // Find the case as the registrar, who may see the applicant.
    let registrar = client(&server);
    registrar.login("registrar").await;
    let (status, to) = registrar
        .post(&format!("/staff/find?code={code}"), &[])
        .await;
    assert_eq!(status, 405, "find is a GET");
    let r = registrar
        .http
        .get(registrar.url(&format!("/staff/find?code={code}")))
        .send()
        .await
        .expect("find");
    let location = r
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let id = case_id(&location);
    assert!(!id.is_empty(), "{to} {location}");
    let case_page = format!("/staff/cases/{id}");
    let (_, page) = registrar.get(&case_page).await;
    assert!(page.contains("张三丰"), "registrar sees the applicant");

    // Another handler of the same agency, a supervisor above it and another agency's admin
    // do not; the other agency does not even learn that the case exists.
    for (login, want_status) in [
        ("handler", 200),
        ("handler2", 200),
        ("supervisor", 200),
        ("other-admin", 404),
    ] {
        let c = client(&server);
        c.login(login).await;
        let (status, page) = c.get(&case_page).await;
        assert_eq!(status, want_status, "{login}");
        assert_nothing_personal(login, &page);
        let (status, json) = c.json(&format!("/api/v1/cases/{id}")).await;
        assert_eq!(status, want_status, "{login}");
        assert!(json["applicant"].is_null(), "{login}: {json}");
        assert_nothing_personal(login, &json.to_string());
    }

    // Once assigned, the handler sees the applicant; handler2 still does not.
    let handler_id = common::user_id(&server, "handler").await;
    let (status, _) = registrar
        .submit(
            &case_page,
            &format!("{case_page}/assign"),
            &[("handler", handler_id.as_str())],
        )
        .await;
    assert_eq!(status, 303);
    let handler = client(&server);
    handler.login("handler").await;
    let (_, page) = handler.get(&case_page).await;
    assert!(page.contains("张三丰"));
    let (_, json) = handler.json(&format!("/api/v1/cases/{id}")).await;
    assert_eq!(json["applicant"]["applicant"]["name"], "张三丰");
    let handler2 = client(&server);
    handler2.login("handler2").await;
    let (_, page) = handler2.get(&case_page).await;
    assert_nothing_personal("handler2 after assignment", &page);

    // Every look at the personal data is in the audit log.
    let (_, page) = registrar.get(&case_page).await;
    assert!(page.contains("查看申请人信息"));
    assert!(page.contains("分配承办人"));
}

async fn act(c: &Client, case_page: &str, form: &[(&str, &str)]) -> (u16, String) {
    c.submit(case_page, &format!("{case_page}/act"), form).await
}

async fn a_case_from_registration_to_reply_letter(backend: &str) {
    let server = start(backend, "flow", "2025-10-20").await;
    let registrar = client(&server);
    registrar.login("registrar").await;
    let mut form = application("张三丰");
    form.push(("channel", "registered_post".into()));
    form.push(("date", "2025-09-26".into()));
    let (status, to) = registrar
        .submit("/staff/register", "/staff/register", &pairs(&form))
        .await;
    assert_eq!(status, 303, "{to}");
    let case_page = format!("/staff/cases/{}", case_id(&to));
    let (_, page) = registrar.get(&case_page).await;
    assert!(
        page.contains("2025-10-30") && page.contains("邮寄（签收）"),
        "{page}"
    );

    // A correction notice this late is refused, with the reason.
    let (status, page) = act(
        &registrar,
        &case_page,
        &[("action", "request_correction"), ("on", "2025-10-20")],
    )
    .await;
    assert_eq!(status, 422);
    assert!(page.contains("7个工作日内一次性发出"), "{page}");

    let handler = client(&server);
    handler.login("handler").await;
    let hid = common::user_id(&server, "handler").await;
    registrar
        .submit(
            &case_page,
            &format!("{case_page}/assign"),
            &[("handler", hid.as_str())],
        )
        .await;
    let (status, _) = act(
        &handler,
        &case_page,
        &[("action", "draft"), ("outcome", "partly_granted")],
    )
    .await;
    assert_eq!(status, 303);
    // Only the head of the office approves; a reply letter waits for approval.
    let (status, page) = act(&handler, &case_page, &[("action", "approve")]).await;
    assert_eq!(status, 422);
    assert!(page.contains("负责人审批"));
    let letters = format!("{case_page}/letters");
    let (status, page) = handler
        .submit(&case_page, &letters, &[("kind", "reply"), ("extra", "")])
        .await;
    assert_eq!(status, 422);
    assert!(page.contains("审批后出具"), "{page}");

    let approver = client(&server);
    approver.login("approver").await;
    let (status, _) = act(&approver, &case_page, &[("action", "approve")]).await;
    assert_eq!(status, 303);
    let (status, page) = handler
        .submit(&case_page, &letters, &[("kind", "reply"), ("extra", "")])
        .await;
    assert_eq!(status, 422, "a partial disclosure must give reasons");
    assert!(page.contains("请填写"));
    let (status, to) = handler
        .submit(
            &case_page,
            &letters,
            &[("kind", "reply"), ("extra", "第二项涉及第三方个人隐私")],
        )
        .await;
    assert_eq!(status, 303, "{to}");
    let (_, preview) = handler.get(&to).await;
    for want in [
        "政府信息公开申请答复书",
        "凫政公复〔2025〕1号",
        "张三丰",
        "第三十七条",
        "第二项涉及第三方个人隐私",
        "山亭区人民政府申请行政复议",
        "60日内",
    ] {
        assert!(preview.contains(want), "letter lacks {want}: {preview}");
    }
    let docx = handler
        .http
        .get(handler.url(&format!("{to}/docx")))
        .send()
        .await
        .expect("docx");
    assert_eq!(docx.status().as_u16(), 200);
    let bytes = docx.bytes().await.expect("bytes");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).expect("a zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("document.xml")
        .read_to_string(&mut xml)
        .expect("xml");
    assert!(xml.contains("凫政公复〔2025〕1号") && xml.contains("第二项涉及第三方个人隐私"));
    // The next letter of the year takes the next number; handler2 may not read letters.
    let (_, to2) = handler
        .submit(
            &case_page,
            &letters,
            &[("kind", "reply"), ("extra", "同上")],
        )
        .await;
    let (_, preview2) = handler.get(&to2).await;
    assert!(preview2.contains("凫政公复〔2025〕2号"));
    let handler2 = client(&server);
    handler2.login("handler2").await;
    let (status, page) = handler2.get(&to2).await;
    assert_eq!(status, 403);
    assert_nothing_personal("letter to handler2", &page);

    for (action, on) in [("send", "2025-10-20"), ("close", "2025-10-20")] {
        let (status, _) = act(&handler, &case_page, &[("action", action), ("on", on)]).await;
        assert_eq!(status, 303, "{action}");
    }
    let (_, page) = handler.get(&case_page).await;
    assert!(
        page.contains("已办结") && page.contains("部分公开"),
        "{page}"
    );

    // A reconsideration, filed over the API and decided on the case page, lands in table 四.
    let id = case_page.trim_start_matches("/staff/cases/").to_string();
    let (status, err) = handler
        .post_json(
            &format!("/api/v1/cases/{id}/appeals"),
            &json!({"kind": "review", "filed": "2024-01-01"}),
        )
        .await;
    assert_eq!(status, 422, "filed before the application arrived: {err}");
    let (status, list) = handler
        .post_json(
            &format!("/api/v1/cases/{id}/appeals"),
            &json!({"kind": "review", "filed": "2025-10-20"}),
        )
        .await;
    assert_eq!(status, 200, "{list}");
    let appeal = list[0]["id"].to_string();
    let (status, _) = handler
        .submit(
            &case_page,
            &format!("{case_page}/appeals/{appeal}"),
            &[("result", "corrected"), ("decided", "2025-10-20")],
        )
        .await;
    assert_eq!(status, 303);
    let (_, page) = handler.get(&case_page).await;
    assert!(page.contains("结果纠正"), "{page}");

    // The year's tables come from the case and pass the report checker.
    let town = server.world.town.0;
    let (status, yearly) = handler
        .json(&format!("/api/v1/agencies/{town}/report/2025"))
        .await;
    assert_eq!(status, 200, "{yearly}");
    assert_eq!(
        yearly["report"]["table3"]["partly_granted"][6],
        json!(1),
        "{yearly}"
    );
    assert_eq!(
        yearly["report"]["table4"],
        json!([0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
        "{yearly}"
    );
    let errors = yearly["findings"]
        .as_array()
        .map(|f| f.iter().filter(|x| x["severity"] == "error").count());
    assert_eq!(errors, Some(0), "{yearly}");
    let other = client(&server);
    other.login("other-admin").await;
    let (status, _) = other
        .json(&format!("/api/v1/agencies/{town}/report/2025"))
        .await;
    assert_eq!(status, 404);
}

const SCHEDULE_2027: &str = r#"[[year]]
year = 2027
notice = "国办发明电〔2026〕1号"
holidays = [
  { name = "元旦", from = "2027-01-01", to = "2027-01-03" },
  { name = "春节", from = "2027-02-06", to = "2027-02-12" },
]
workdays = [
  { date = "2027-02-13", for = "春节" },
]"#;

async fn upload(c: &Client, text: &str) -> (u16, String) {
    let (_, page) = c.get("/staff/calendar").await;
    let form = reqwest::multipart::Form::new()
        .text("csrf", common::csrf(&page))
        .text("schedule", "")
        .part(
            "file",
            reqwest::multipart::Part::bytes(text.as_bytes().to_vec()).file_name("2027.toml"),
        );
    let r = c
        .http
        .post(c.url("/staff/calendar"))
        .multipart(form)
        .send()
        .await
        .expect("upload");
    let status = r.status().as_u16();
    (status, r.text().await.unwrap_or_default())
}

async fn holiday_admin_recomputes_due_dates(backend: &str) {
    let server = start(backend, "calendar", "2026-12-15").await;
    let town = server.world.town.0;
    let public = client(&server);
    let body = application_json("张三丰");
    // 2027's holidays are not known yet: the application is taken all the same.
    let (status, receipt) = public
        .post_json(&format!("/api/v1/agencies/{town}/applications"), &body)
        .await;
    assert_eq!(status, 201, "{receipt}");
    assert!(receipt["due"].is_null(), "{receipt}");

    let handler = client(&server);
    handler.login("handler").await;
    let (status, _) = upload(&handler, SCHEDULE_2027).await;
    assert_eq!(status, 403, "only an agency admin changes the calendar");

    let admin = client(&server);
    admin.login("admin").await;
    let (status, page) = upload(&admin, "[[year]]\nyear = 2027\nholidays = [").await;
    assert_eq!(status, 200);
    assert!(page.contains("节假日安排数据有误"), "{page}");
    let (status, page) = upload(&admin, SCHEDULE_2027).await;
    assert_eq!(status, 200);
    assert!(
        page.contains("已保存2027年节假日安排，重新计算了1件"),
        "{page}"
    );

    // 2026-12-15 + 20 working days, with 元旦 2027-01-01 skipped.
    let (_, deadline) = public.json("/api/v1/deadline?date=2026-12-15").await;
    assert_eq!(deadline["due"], "2027-01-13", "{deadline}");
    let (_, status_json) = public
        .json(&format!(
            "/api/v1/track/{}",
            receipt["tracking_code"].as_str().unwrap_or("")
        ))
        .await;
    assert_eq!(status_json["due"], "2027-01-13", "{status_json}");
    // The explanation names the holiday.
    let (_, page) = admin.get("/staff/calendar?from=2026-12-15&days=20").await;
    assert!(page.contains("元旦"), "{page}");

    // The same over the API: a year's schedule as the request body.
    let r = admin
        .http
        .put(admin.url("/api/v1/calendar"))
        .body(SCHEDULE_2027.replace("2027", "2028"))
        .send()
        .await
        .expect("put");
    assert_eq!(r.status().as_u16(), 200);
    let v: serde_json::Value = r.json().await.expect("json");
    assert_eq!(v["year"], 2028, "{v}");
    let (_, d2028) = public.json("/api/v1/deadline?date=2028-03-01").await;
    assert!(
        d2028["due"]
            .as_str()
            .is_some_and(|d| d.starts_with("2028-03")),
        "{d2028}"
    );
}

async fn login_is_rate_limited(backend: &str) {
    let server = start(backend, "limit", "2025-09-26").await;
    let c = client(&server);
    let mut statuses = Vec::new();
    for _ in 0..14 {
        let (s, _) = c
            .post_json(
                "/api/v1/login",
                &json!({"login": "admin", "password": "wrong"}),
            )
            .await;
        statuses.push(s);
    }
    assert!(statuses.iter().take(10).all(|s| *s == 401), "{statuses:?}");
    assert_eq!(statuses.last(), Some(&429), "{statuses:?}");
}

async fn an_admin_manages_accounts(backend: &str) {
    let server = start(backend, "accounts", "2025-09-26").await;
    let handler = client(&server);
    handler.login("handler").await;
    let (status, _) = handler.get("/staff/users").await;
    assert_eq!(status, 403, "only the agency admin manages accounts");

    let admin = client(&server);
    admin.login("admin").await;
    let form = [
        ("login", "new-clerk"),
        ("name", "新登记员"),
        ("role", "registrar"),
        ("email", "clerk@example.cn"),
    ];
    let (status, page) = admin.submit("/staff/users", "/staff/users", &form).await;
    assert_eq!(status, 200);
    let password = page
        .split("初始密码 ")
        .nth(1)
        .and_then(|rest| rest.split('（').next())
        .unwrap_or("")
        .to_string();
    assert!(password.starts_with("gk-"), "{page}");
    let (_, page) = admin.submit("/staff/users", "/staff/users", &form).await;
    assert!(page.contains("已被使用"), "{page}");
    let (_, page) = admin
        .submit(
            "/staff/users",
            "/staff/users",
            &[
                ("login", "坏 名字"),
                ("name", ""),
                ("role", "supervisor"),
                ("email", "x"),
            ],
        )
        .await;
    for want in ["用户名：", "姓名：", "角色：", "电子邮箱："] {
        assert!(page.contains(want), "{want}: {page}");
    }

    // The new account logs in with the password shown once.
    let clerk = client(&server);
    let (status, to) = clerk
        .submit(
            "/login",
            "/login",
            &[("login", "new-clerk"), ("password", password.as_str())],
        )
        .await;
    assert_eq!((status, to.as_str()), (303, "/staff"));

    // Another agency's account cannot be reset from here.
    let other = common::user_id(&server, "other-admin").await;
    let (status, _) = admin
        .submit("/staff/users", &format!("/staff/users/{other}/reset"), &[])
        .await;
    assert_eq!(status, 404);
    let mine = common::user_id(&server, "handler").await;
    let (status, page) = admin
        .submit("/staff/users", &format!("/staff/users/{mine}/reset"), &[])
        .await;
    assert_eq!(status, 200);
    assert!(page.contains("已重置 handler 的密码"), "{page}");
}
