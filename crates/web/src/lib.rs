//! The gongkai server: the public application form and status page, staff handling of cases
//! with their letters and dashboards, the admin's calendar and templates, and a JSON API with
//! its OpenAPI document. Axum over the `storage` crate; every rule lives in `cases`.

mod actions;
mod admin;
mod api;
mod appeals;
mod auth;
mod case_pages;
mod dashboard;
pub mod demo;
mod error;
mod letters;
mod login;
mod pages;
mod public;
mod register;
pub mod reminders;
mod service;
mod sessions;
mod state;
mod users;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use calendar::{Calendar, Date};
use storage::{AnyStore, Store};
use tower_governor::GovernorLayer;
use tower_governor::governor::GovernorConfigBuilder;
use tower_sessions::{Expiry, SessionManagerLayer};
use utoipa::OpenApi;
use utoipa_swagger_ui::SwaggerUi;

pub use auth::{hash_password, new_password};
pub use error::WebError;
pub use state::AppState;

/// Forms and JSON bodies larger than this are refused before they are read.
pub const MAX_BODY: usize = 64 * 1024;

/// The calendar: the shipped schedules plus every year an admin added.
pub async fn load_calendar(store: &AnyStore) -> Result<Calendar, WebError> {
    let mut cal = Calendar::official()?;
    for (_, text) in store.holiday_years().await? {
        match admin::parse_one_year(&text) {
            Ok((_, year)) => cal.extend(year),
            Err(e) => tracing::error!(%e, "stored holiday schedule unreadable; skipped"),
        }
    }
    Ok(cal)
}

/// The whole application. `today` fixes the date (tests, demos); None means the real date.
pub async fn app(store: AnyStore, today: Option<Date>) -> Result<Router, WebError> {
    Ok(app_and_state(store, today).await?.0)
}

/// [`app`], with the state it shares (for the reminder task).
pub async fn app_and_state(
    store: AnyStore,
    today: Option<Date>,
) -> Result<(Router, AppState), WebError> {
    let calendar = load_calendar(&store).await?;
    let state = AppState::new(store, calendar, today);
    Ok((router(state.clone()), state))
}

pub fn router(state: AppState) -> Router {
    let sessions = SessionManagerLayer::new(sessions::DbSessions(Arc::clone(&state.store)))
        .with_secure(false)
        .with_http_only(true)
        .with_same_site(tower_sessions::cookie::SameSite::Lax)
        .with_name("gongkai_session")
        .with_expiry(Expiry::OnInactivity(time::Duration::hours(8)));
    // Login: a burst of 10 tries, then one every 6 seconds, per client address.
    let governor = GovernorConfigBuilder::default()
        .per_second(6)
        .burst_size(10)
        .finish()
        .map(Arc::new);
    let login_post = post(login::login_submit);
    let api_login_post = post(api::login);
    let (login_post, api_login_post) = match governor {
        Some(config) => (
            login_post.layer(GovernorLayer::new(Arc::clone(&config)).error_handler(too_many)),
            api_login_post.layer(GovernorLayer::new(config).error_handler(too_many)),
        ),
        None => (login_post, api_login_post),
    };
    let login = Router::new()
        .route("/login", get(login::login_form).merge(login_post))
        .route("/api/v1/login", api_login_post);
    let calendar_upload = Router::new()
        .route(
            "/staff/calendar",
            get(admin::calendar).post(admin::calendar_upload),
        )
        .route("/api/v1/calendar", axum::routing::put(api::calendar_year))
        .layer(DefaultBodyLimit::max(admin::MAX_SCHEDULE + 4096));
    Router::new()
        .route("/", get(public::home))
        .route(
            "/apply/{agency}",
            get(public::apply_form).post(public::apply_submit),
        )
        .route("/track", get(public::track))
        .route("/logout", post(login::logout))
        .route("/staff", get(dashboard::dashboard))
        .route("/staff/cases", get(case_pages::list))
        .route("/staff/find", get(case_pages::find))
        .route("/staff/cases/{id}", get(case_pages::detail))
        .route("/staff/cases/{id}/act", post(case_pages::act))
        .route("/staff/cases/{id}/assign", post(case_pages::assign))
        .route("/staff/cases/{id}/split", post(case_pages::split))
        .route("/staff/cases/{id}/letters", post(letters::issue))
        .route("/staff/cases/{id}/appeals", post(appeals::file))
        .route("/staff/cases/{id}/appeals/{appeal}", post(appeals::decide))
        .route("/staff/letters/{id}", get(letters::preview))
        .route("/staff/letters/{id}/docx", get(letters::download))
        .route(
            "/staff/register",
            get(register::form).post(register::submit),
        )
        .route(
            "/staff/templates",
            get(admin::templates).post(admin::save_template),
        )
        .route("/staff/settings", post(admin::save_settings))
        .route("/staff/users", get(users::list).post(users::add))
        .route("/staff/users/{id}/reset", post(users::reset))
        .route("/api/v1/agencies", get(api::agencies))
        .route("/api/v1/agencies/{agency}/applications", post(api::apply))
        .route("/api/v1/agencies/{agency}/report/{year}", get(api::yearly))
        .route("/api/v1/track/{code}", get(api::track))
        .route("/api/v1/deadline", get(api::deadline))
        .route("/api/v1/dashboard", get(api::dashboard))
        .route("/api/v1/cases/{id}", get(api::case))
        .route("/api/v1/cases/{id}/actions", post(api::act))
        .route("/api/v1/cases/{id}/appeals", post(api::appeal))
        .route("/api/v1/cases/{id}/assign", post(api::assign))
        .route("/api/v1/cases/{id}/letters", post(api::letter))
        .route("/api/v1/registrations", post(api::register))
        .route("/api/v1/cases", get(api::cases))
        .route("/api/v1/cases/{id}/split", post(api::split))
        .route("/api/v1/templates", get(api::templates))
        .route(
            "/api/v1/templates/{kind}",
            axum::routing::put(api::put_template),
        )
        .route("/api/v1/settings", axum::routing::put(api::settings))
        .route("/api/v1/users", get(api::users).post(api::add_user))
        .route("/api/v1/users/{id}/reset", post(api::reset_user))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .merge(calendar_upload)
        .merge(login)
        .merge(SwaggerUi::new("/api/docs").url("/api/openapi.json", api::ApiDoc::openapi()))
        .layer(sessions)
        .layer(axum::middleware::map_response(close_after_refused_body))
        .with_state(state)
}

/// A body refused as too large is left unread, so the server drops the connection after its
/// answer. Saying so in the answer keeps a client from sending its next request down a
/// connection that is closing (which fails it with an incomplete message).
async fn close_after_refused_body(mut r: axum::response::Response) -> axum::response::Response {
    if r.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
        r.headers_mut().insert(
            axum::http::header::CONNECTION,
            axum::http::HeaderValue::from_static("close"),
        );
    }
    r
}

/// Too many login attempts from one address: a 429 in Chinese with the wait.
fn too_many(e: tower_governor::GovernorError) -> axum::response::Response {
    let wait = match e {
        tower_governor::GovernorError::TooManyRequests { wait_time, .. } => wait_time,
        _ => 6,
    };
    let mut r = axum::response::Response::new(axum::body::Body::from(format!(
        "登录尝试过于频繁，请{wait}秒后再试"
    )));
    *r.status_mut() = axum::http::StatusCode::TOO_MANY_REQUESTS;
    r
}

/// Serves until the process is stopped.
pub async fn serve(router: Router, addr: SocketAddr) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!(%addr, "listening");
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .await
}
