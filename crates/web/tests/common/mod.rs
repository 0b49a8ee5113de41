//! The server on a random port over a fresh database — a real SQLite file or a database of its
//! own on the PostgreSQL server (the local one, or `DATABASE_URL`) — and a client with cookies.
#![allow(dead_code)]

use std::net::SocketAddr;

use calendar::Date;
use cases::Role;
use storage::{AgencyId, NewUser, Store};

pub fn d(s: &str) -> Date {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

/// A fresh, empty database URL for `backend` ("sqlite" or "postgres").
pub async fn fresh_db(backend: &str, name: &str) -> String {
    let unique = format!(
        "{name}_{}_{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0)
    );
    if backend == "sqlite" {
        let dir = std::env::temp_dir().join(format!("gongkai-web-{unique}"));
        std::fs::create_dir_all(&dir).expect("temp dir");
        return format!("sqlite://{}", dir.join("g.db").display());
    }
    let base = std::env::var("DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into());
    let admin = sqlx::PgPool::connect(&base)
        .await
        .unwrap_or_else(|e| panic!("PostgreSQL is needed at {base} (set DATABASE_URL): {e}"));
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE gk_{unique}")))
        .execute(&admin)
        .await
        .expect("create database");
    let head = base.rsplit_once('/').map_or(base.as_str(), |(h, _)| h);
    format!("{head}/gk_{unique}")
}

/// Agencies and staff every scenario starts from. Passwords are `pw-` + login.
pub struct World {
    pub county: AgencyId,
    pub town: AgencyId,
    pub other: AgencyId,
}

pub async fn world(store: &impl Store) -> World {
    let county = store
        .create_agency("山亭区人民政府", None)
        .await
        .expect("agency");
    let town = store
        .create_agency("山亭区凫城镇人民政府", Some(county))
        .await
        .expect("agency");
    let other = store
        .create_agency("山亭区店子镇人民政府", Some(county))
        .await
        .expect("agency");
    store
        .update_agency(town, "凫政公", "山亭区人民政府")
        .await
        .expect("settings");
    let people = [
        (county, "supervisor", Role::Supervisor),
        (town, "admin", Role::AgencyAdmin),
        (town, "registrar", Role::Registrar),
        (town, "handler", Role::Handler),
        (town, "handler2", Role::Handler),
        (town, "approver", Role::Approver),
        (other, "other-admin", Role::AgencyAdmin),
    ];
    for (agency, login, role) in people {
        let hash = web::hash_password(&format!("pw-{login}")).expect("hash");
        store
            .create_user(&NewUser {
                agency,
                login,
                name: login,
                role,
                password_hash: &hash,
                email: None,
            })
            .await
            .expect("user");
    }
    World {
        county,
        town,
        other,
    }
}

pub struct Server {
    pub base: String,
    pub world: World,
    pub url: String,
}

/// Starts the server over a fresh database of `backend`, with today fixed.
pub async fn start(backend: &str, name: &str, today: &str) -> Server {
    let url = fresh_db(backend, name).await;
    let store = storage::connect(&url).await.expect("connect");
    let world = world(&store).await;
    let app = web::app(store, Some(d(today))).await.expect("app");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        let _ = axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await;
    });
    Server {
        base: format!("http://{addr}"),
        world,
        url,
    }
}

/// A browser-like client: keeps cookies, does not follow redirects (tests look at them).
pub struct Client {
    pub http: reqwest::Client,
    pub base: String,
}

pub fn client(server: &Server) -> Client {
    Client {
        http: reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client"),
        base: server.base.clone(),
    }
}

/// The CSRF token of the first form on a page.
pub fn csrf(html: &str) -> String {
    let marker = "name=\"csrf\" value=\"";
    html.find(marker)
        .and_then(|i| html.get(i + marker.len()..))
        .and_then(|rest| rest.split('"').next())
        .unwrap_or("")
        .to_string()
}

impl Client {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn get(&self, path: &str) -> (u16, String) {
        let r = self.http.get(self.url(path)).send().await.expect("get");
        let status = r.status().as_u16();
        (status, r.text().await.unwrap_or_default())
    }

    /// Posts a form; returns the status and either the Location header or the body.
    pub async fn post(&self, path: &str, form: &[(&str, &str)]) -> (u16, String) {
        let r = self
            .http
            .post(self.url(path))
            .form(form)
            .send()
            .await
            .expect("post");
        let status = r.status().as_u16();
        let location = r
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(String::from);
        match location {
            Some(l) => (status, l),
            None => (status, r.text().await.unwrap_or_default()),
        }
    }

    /// Fetches `page` for its CSRF token, then posts the form with it.
    pub async fn submit(&self, page: &str, path: &str, form: &[(&str, &str)]) -> (u16, String) {
        let (_, html) = self.get(page).await;
        let token = csrf(&html);
        let mut full = vec![("csrf", token.as_str())];
        full.extend_from_slice(form);
        self.post(path, &full).await
    }

    pub async fn login(&self, login: &str) {
        let password = format!("pw-{login}");
        let (status, to) = self
            .submit(
                "/login",
                "/login",
                &[("login", login), ("password", &password)],
            )
            .await;
        assert_eq!((status, to.as_str()), (303, "/staff"), "login {login}");
    }

    pub async fn json(&self, path: &str) -> (u16, serde_json::Value) {
        let r = self.http.get(self.url(path)).send().await.expect("get");
        let status = r.status().as_u16();
        (status, r.json().await.unwrap_or(serde_json::Value::Null))
    }

    pub async fn post_json(
        &self,
        path: &str,
        body: &serde_json::Value,
    ) -> (u16, serde_json::Value) {
        self.send_json(reqwest::Method::POST, path, body).await
    }

    /// Logs in over the API with the world's password (`pw-` + login); asserts it worked.
    pub async fn api_login(&self, login: &str) {
        let body = serde_json::json!({"login": login, "password": format!("pw-{login}")});
        let (status, _) = self.post_json("/api/v1/login", &body).await;
        assert_eq!(status, 204, "API login {login}");
    }

    pub async fn put_json(&self, path: &str, body: &serde_json::Value) -> (u16, serde_json::Value) {
        self.send_json(reqwest::Method::PUT, path, body).await
    }

    async fn send_json(
        &self,
        method: reqwest::Method,
        path: &str,
        body: &serde_json::Value,
    ) -> (u16, serde_json::Value) {
        let r = self
            .http
            .request(method, self.url(path))
            .json(body)
            .send()
            .await
            .expect("post");
        let status = r.status().as_u16();
        (status, r.json().await.unwrap_or(serde_json::Value::Null))
    }
}

/// The public form, filled in as a careful applicant would.
pub fn application(name: &str) -> Vec<(&'static str, String)> {
    [
        ("kind", "natural"),
        ("name", name),
        ("doc_kind", "resident_id"),
        ("doc_number", "11010519491231002X"),
        ("phone", "13912345678"),
        ("email", "zhang@example.cn"),
        ("address", "山亭区府前路1号"),
        ("description", "2025年本镇农村公路养护资金的使用明细"),
        ("form", "electronic"),
        ("delivery", "email"),
    ]
    .iter()
    .map(|(k, v)| (*k, v.to_string()))
    .collect()
}

/// The same application as the API's JSON body.
pub fn application_json(name: &str) -> serde_json::Value {
    application(name)
        .into_iter()
        .map(|(k, v)| (k.to_string(), serde_json::Value::String(v)))
        .collect::<serde_json::Map<_, _>>()
        .into()
}

pub fn pairs<'a>(v: &'a [(&'static str, String)]) -> Vec<(&'a str, &'a str)> {
    v.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// The tracking code on a receipt page.
pub fn tracking_code(html: &str) -> String {
    let marker = "id=\"tracking-code\">";
    html.find(marker)
        .and_then(|i| html.get(i + marker.len()..))
        .and_then(|rest| rest.split('<').next())
        .unwrap_or("")
        .to_string()
}

/// The case id a /staff/cases/{id}… location names.
pub fn case_id(location: &str) -> String {
    location
        .trim_start_matches("/staff/cases/")
        .split(['?', '/'])
        .next()
        .unwrap_or("")
        .to_string()
}

/// One test per backend for each scenario named: `sqlite::x` and `postgres::x`.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() { super::$name("sqlite").await })*
        }
        mod postgres {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() { super::$name("postgres").await })*
        }
    };
}

/// A staff account's id, as the forms and the API name it.
pub async fn user_id(server: &Server, login: &str) -> String {
    let store = storage::connect(&server.url).await.expect("connect");
    let user = store
        .user_by_login(login)
        .await
        .expect("user")
        .expect("exists");
    user.id.0.to_string()
}
