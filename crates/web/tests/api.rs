//! The JSON API over HTTP on both backends: its OpenAPI document, validation, the staff calls
//! a case needs, and the agency admin's calls (templates, settings, accounts) and 一事一申请.
#![allow(clippy::panic)]

mod common;

use common::{application_json, client, start};
use serde_json::json;

on_both_backends!(
    api_validates_and_documents_itself,
    api_splits_lists_and_administers
);

async fn api_validates_and_documents_itself(backend: &str) {
    let server = start(backend, "api", "2025-09-26").await;
    let c = client(&server);
    let (status, doc) = c.json("/api/openapi.json").await;
    assert_eq!(status, 200);
    for path in [
        "/api/v1/agencies/{agency}/applications",
        "/api/v1/track/{code}",
        "/api/v1/cases/{id}/actions",
        "/api/v1/deadline",
        "/api/v1/cases",
        "/api/v1/cases/{id}/split",
        "/api/v1/cases/{id}/assign",
        "/api/v1/cases/{id}/letters",
        "/api/v1/registrations",
        "/api/v1/calendar",
        "/api/v1/templates/{kind}",
        "/api/v1/settings",
        "/api/v1/users",
        "/api/v1/users/{id}/reset",
    ] {
        assert!(doc["paths"][path].is_object(), "openapi lacks {path}");
    }
    let (status, page) = c.get("/api/docs/").await;
    assert_eq!(status, 200);
    assert!(page.contains("swagger"), "{page}");

    let town = server.world.town.0;
    let url = format!("/api/v1/agencies/{town}/applications");
    let (status, err) = c
        .post_json(
            &url,
            &json!({"kind": "robot", "name": "", "doc_kind": "passport", "doc_number": "E1",
                    "description": "x", "form": "paper", "delivery": "post"}),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(
        err["fields"],
        json!(["申请人类型", "姓名或名称", "联系方式", "通信地址"]),
        "{err}"
    );
    let raw = c
        .http
        .post(c.url(&url))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .expect("post");
    assert_eq!(raw.status().as_u16(), 400);
    let (status, _) = c
        .post_json("/api/v1/agencies/999/applications", &json!({}))
        .await;
    assert!(status == 422 || status == 404, "{status}");

    let (status, d) = c.json("/api/v1/deadline?date=2025-09-26").await;
    assert_eq!((status, d["due"].as_str()), (200, Some("2025-10-30")));
    let (status, d) = c.json("/api/v1/deadline?date=2031-01-01").await;
    assert_eq!(status, 422);
    assert!(d["error"].as_str().unwrap_or("").contains("2031"), "{d}");

    // Staff API: log in over JSON, then take a step.
    let (status, _) = c
        .post_json(
            "/api/v1/login",
            &json!({"login": "handler", "password": "nope"}),
        )
        .await;
    assert_eq!(status, 401);
    c.api_login("approver").await;
    let body = application_json("张三丰");
    let (_, receipt) = c.post_json(&url, &body).await;
    let code = receipt["tracking_code"].as_str().unwrap_or("").to_string();
    let (_, board) = c.json("/api/v1/dashboard").await;
    assert!(board["overdue"].as_array().is_some_and(|a| a.is_empty()));
    let (status, found) = c.json(&format!("/api/v1/track/{code}")).await;
    assert_eq!(status, 200, "{found}");
    let (status, case) = c.json("/api/v1/cases/1").await;
    assert_eq!(status, 200);
    assert_eq!(case["applicant"]["applicant"]["name"], "张三丰");
    let (status, after) = c
        .post_json(
            "/api/v1/cases/1/actions",
            &json!({"action": "extend", "days": "15"}),
        )
        .await;
    assert_eq!(status, 200, "{after}");
    assert_eq!(after["due"], "2025-11-20", "{after}");
    let (status, again) = c
        .post_json(
            "/api/v1/cases/1/actions",
            &json!({"action": "extend", "days": "5"}),
        )
        .await;
    assert_eq!(status, 422);
    assert!(
        again["error"].as_str().unwrap_or("").contains("延期"),
        "{again}"
    );

    // Staff registration, assignment, letters and the calendar over the API.
    let mut reg = application_json("李四");
    reg["channel"] = json!("fax");
    reg["date"] = json!("2025-09-25");
    let (status, receipt) = c.post_json("/api/v1/registrations", &reg).await;
    assert_eq!(status, 201, "{receipt}");
    assert_eq!(receipt["received"], "2025-09-25");
    reg["channel"] = json!("pigeon");
    let (status, _) = c.post_json("/api/v1/registrations", &reg).await;
    assert_eq!(status, 422);
    let id_of = |s: String| s.parse::<i64>().unwrap_or(0);
    let handler = id_of(common::user_id(&server, "handler").await);
    let outsider = id_of(common::user_id(&server, "other-admin").await);
    let (status, _) = c
        .post_json("/api/v1/cases/1/assign", &json!({ "handler": handler }))
        .await;
    assert_eq!(status, 204);
    let (status, err) = c
        .post_json("/api/v1/cases/1/assign", &json!({ "handler": outsider }))
        .await;
    assert_eq!(status, 422, "{err}");
    let (status, letter) = c
        .post_json(
            "/api/v1/cases/1/letters",
            &json!({"kind": "extension", "extra": "需要调取档案"}),
        )
        .await;
    assert_eq!(status, 201, "{letter}");
    assert_eq!(letter["ref_no"], "凫政公延〔2025〕1号");
    let text = letter["paragraphs"].to_string();
    assert!(text.contains("延长15个工作日"), "{text}");
    assert!(text.contains("2025年11月20日"), "{text}");
    let r = c
        .http
        .put(c.url("/api/v1/calendar"))
        .body("[[year]]\nyear = 2027\nholidays = []\nworkdays = []\n")
        .send()
        .await
        .expect("put");
    assert_eq!(r.status().as_u16(), 403, "only an agency admin");

    // 按件 fees: the server counts the applicant's applications to the agency that month (same
    // identity document throughout: 李四's fax of 25 September first, then case 1, then these).
    for _ in 0..10 {
        let (status, _) = c.post_json(&url, &body).await;
        assert_eq!(status, 201);
    }
    for (id, nth) in [(3, 3), (12, 12)] {
        let (status, after) = c
            .post_json(
                &format!("/api/v1/cases/{id}/actions"),
                &json!({"action": "fee_notice", "on": "2025-09-26",
                        "fee_method": "per_application", "count": "1"}),
            )
            .await;
        assert_eq!(status, 200, "{after}");
        assert_eq!(
            after["case"]["fee"],
            json!({"method": "per_application", "nth": nth}),
            "{after}"
        );
    }
}

async fn api_splits_lists_and_administers(backend: &str) {
    let server = start(backend, "apiadmin", "2025-09-26").await;
    let town = server.world.town.0;
    let public = client(&server);
    let body = application_json("张三丰");
    let (status, receipt) = public
        .post_json(&format!("/api/v1/agencies/{town}/applications"), &body)
        .await;
    assert_eq!(status, 201, "{receipt}");
    let (status, _) = public.json("/api/v1/cases").await;
    assert_eq!(status, 401, "staff only");

    let handler = client(&server);
    handler.api_login("handler").await;
    let (status, _) = handler
        .post_json("/api/v1/cases/1/split", &json!({"items": ["一", "二"]}))
        .await;
    assert_eq!(status, 403, "not the handler's case yet");
    let me: i64 = common::user_id(&server, "handler")
        .await
        .parse()
        .unwrap_or(0);
    let (status, _) = handler
        .post_json("/api/v1/cases/1/assign", &json!({ "handler": me }))
        .await;
    assert_eq!(status, 204, "a handler takes a case");
    // 一事一申请: the first item stays, the others become cases with the same receipt date.
    let (status, bad) = handler
        .post_json("/api/v1/cases/1/split", &json!({"items": ["只有一项"]}))
        .await;
    assert_eq!(status, 422, "{bad}");
    let (status, made) = handler
        .post_json(
            "/api/v1/cases/1/split",
            &json!({"items": ["2025年养护资金明细", " ", "2025年招标文件", "2025年验收报告"]}),
        )
        .await;
    assert_eq!(status, 201, "{made}");
    let made = made.as_array().cloned().unwrap_or_default();
    assert_eq!(made.len(), 2, "{made:?}");
    for (m, item) in made.iter().zip(["2025年招标文件", "2025年验收报告"]) {
        let (status, case) = handler.json(&format!("/api/v1/cases/{}", m["id"])).await;
        assert_eq!(status, 200, "{case}");
        assert_eq!(case["applicant"]["request"]["description"], item, "{case}");
        assert_eq!(case["case"]["received"], "2025-09-26", "{case}");
        assert_eq!(case["tracking_code"], m["tracking_code"]);
    }
    let (_, first) = handler.json("/api/v1/cases/1").await;
    assert_eq!(
        first["applicant"]["request"]["description"],
        "2025年养护资金明细"
    );
    let (status, list) = handler.json("/api/v1/cases").await;
    assert_eq!(status, 200, "{list}");
    assert_eq!(list["total"], 3, "{list}");
    assert_eq!(list["rows"][0]["id"], made[1]["id"], "newest first: {list}");
    assert!(
        !list.to_string().contains("张三丰"),
        "nothing personal in lists"
    );
    let other = server.world.other.0;
    let (status, _) = handler.json(&format!("/api/v1/cases?agency={other}")).await;
    assert_eq!(status, 404, "another agency's list is not there");

    // Admin calls refuse a handler.
    let (status, _) = handler.json("/api/v1/users").await;
    assert_eq!(status, 403);
    let put = |c: &common::Client, path: &str, text: &str| {
        c.http.put(c.url(path)).body(text.to_string()).send()
    };
    let r = put(&handler, "/api/v1/templates/receipt", "{申请人}：已收到。")
        .await
        .expect("put");
    assert_eq!(r.status().as_u16(), 403);

    let admin = client(&server);
    admin.api_login("admin").await;
    let (status, all) = admin.json("/api/v1/templates").await;
    assert_eq!(status, 200);
    let receipt_t = all
        .as_array()
        .and_then(|a| a.iter().find(|t| t["kind"] == "receipt").cloned())
        .unwrap_or_default();
    assert_eq!(receipt_t["custom"], false, "{receipt_t}");
    let r = put(&admin, "/api/v1/templates/receipt", "{申请人}：{不存在}")
        .await
        .expect("put");
    assert_eq!(r.status().as_u16(), 422);
    let err: serde_json::Value = r.json().await.expect("json");
    assert!(
        err["error"].as_str().unwrap_or("").contains("不存在"),
        "{err}"
    );
    let r = put(
        &admin,
        "/api/v1/templates/receipt",
        "{申请人}：本机关已于{收到日期}收到您的申请。",
    )
    .await
    .expect("put");
    assert_eq!(r.status().as_u16(), 204);
    let (_, all) = admin.json("/api/v1/templates").await;
    assert!(
        all.to_string().contains("本机关已于{收到日期}收到您的申请"),
        "{all}"
    );
    let r = put(&admin, "/api/v1/templates/nonsense", "x")
        .await
        .expect("put");
    assert_eq!(r.status().as_u16(), 404);

    let (status, _) = admin
        .put_json(
            "/api/v1/settings",
            &json!({"letter_prefix": "凫政公", "review_body": "山亭区人民政府"}),
        )
        .await;
    assert_eq!(status, 204);
    let (status, letter) = handler
        .post_json("/api/v1/cases/1/letters", &json!({"kind": "receipt"}))
        .await;
    assert_eq!(status, 201, "{letter}");
    assert_eq!(letter["ref_no"], "凫政公收〔2025〕1号");
    assert!(
        letter["paragraphs"]
            .to_string()
            .contains("本机关已于2025年9月26日收到您的申请"),
        "{letter}"
    );

    let (status, created) = admin
        .post_json(
            "/api/v1/users",
            &json!({"login": "clerk-2", "name": "登记员二", "role": "registrar"}),
        )
        .await;
    assert_eq!(status, 201, "{created}");
    let password = created["password"].as_str().unwrap_or("").to_string();
    let (status, err) = admin
        .post_json(
            "/api/v1/users",
            &json!({"login": "clerk-2", "name": "", "role": "supervisor"}),
        )
        .await;
    assert_eq!(status, 422, "{err}");
    assert_eq!(err["fields"], json!(["姓名", "角色"]), "{err}");
    let (status, err) = admin
        .post_json(
            "/api/v1/users",
            &json!({"login": "clerk-2", "name": "重名", "role": "handler"}),
        )
        .await;
    assert_eq!(
        (status, err["fields"].clone()),
        (422, json!(["用户名"])),
        "{err}"
    );
    let clerk = client(&server);
    let (status, _) = clerk
        .post_json(
            "/api/v1/login",
            &json!({"login": "clerk-2", "password": password}),
        )
        .await;
    assert_eq!(status, 204, "the generated password works");
    let (_, users) = admin.json("/api/v1/users").await;
    assert!(!users.to_string().contains("password"), "{users}");
    let id = created["id"].clone();
    let (status, reset) = admin
        .post_json(&format!("/api/v1/users/{id}/reset"), &json!({}))
        .await;
    assert_eq!(status, 200, "{reset}");
    assert_ne!(reset["password"].as_str(), Some(password.as_str()));
    let outsider = common::user_id(&server, "other-admin").await;
    let (status, _) = admin
        .post_json(&format!("/api/v1/users/{outsider}/reset"), &json!({}))
        .await;
    assert_eq!(status, 404, "another agency's account is not the admin's");
}
