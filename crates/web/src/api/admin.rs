//! Agency-level calls: the holiday calendar, the yearly tables, letter templates and settings,
//! and staff accounts.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use cases::letters::LetterKind;
use serde::{Deserialize, Serialize};
use storage::{AgencyId, Store, UserId};
use utoipa::ToSchema;

use super::ApiStaff;
use crate::error::{ApiError, ErrorBody, WebError};
use crate::pages::key;
use crate::state::AppState;
use crate::users::Account;

/// Adds or replaces a year of the holiday calendar (TOML in the format of holidays.toml, one
/// year); every open case's due date is recomputed. Agency admins only.
#[utoipa::path(put, path = "/api/v1/calendar", request_body(content = String, content_type = "text/plain"),
    responses((status = 200, body = Object), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn calendar_year(
    State(state): State<AppState>,
    ApiStaff(staff): ApiStaff,
    body: String,
) -> Result<Json<serde_json::Value>, ApiError> {
    if !staff.is_admin() {
        return Err(WebError::Forbidden.into());
    }
    let (year, moved) = crate::admin::add_year(&state, &body).await?;
    Ok(Json(
        serde_json::json!({ "year": year, "recomputed": moved }),
    ))
}

/// Tables 三 and 四 of a year computed from the agency's cases, with the report checker's findings.
#[utoipa::path(get, path = "/api/v1/agencies/{agency}/report/{year}", responses((status = 200, body = Object), (status = 404, body = ErrorBody)))]
pub async fn yearly(
    State(state): State<AppState>,
    ApiStaff(staff): ApiStaff,
    Path((agency, year)): Path<(i64, i16)>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let agency = AgencyId(agency);
    if !staff.can_view(agency) {
        return Err(WebError::NotFound.into());
    }
    let name = state.store.agency(agency).await?.name;
    let groups = state.store.year_groups(agency, year).await?;
    let appeals = state.store.appeals_for_year(agency, year).await?;
    let report = cases::yearly::report_from_groups(&name, i32::from(year), groups, &appeals);
    let findings = report::check::check(&report);
    Ok(Json(
        serde_json::json!({ "report": report, "findings": findings }),
    ))
}

#[derive(Serialize, ToSchema)]
pub struct TemplateJson {
    /// receipt, correction, extension, third_party, third_party_decision, co_producer,
    /// fee_notice, reasons, reply
    pub kind: String,
    pub title: String,
    /// The placeholders the template may use, e.g. 申请人 for {申请人}.
    pub placeholders: Vec<String>,
    pub body: String,
    /// Whether the agency edited it (otherwise the built-in text applies).
    pub custom: bool,
}

/// The agency's letter templates, the built-in ones where it has not edited them.
#[utoipa::path(get, path = "/api/v1/templates", responses((status = 200, body = Vec<TemplateJson>), (status = 401, body = ErrorBody)))]
pub async fn templates(
    State(state): State<AppState>,
    ApiStaff(staff): ApiStaff,
) -> Result<Json<Vec<TemplateJson>>, ApiError> {
    let mut all = Vec::new();
    for kind in LetterKind::ALL {
        let custom = state.store.template(staff.user.agency, &key(kind)).await?;
        all.push(TemplateJson {
            kind: key(kind),
            title: kind.title().to_string(),
            placeholders: kind.placeholders().iter().map(|p| p.to_string()).collect(),
            custom: custom.is_some(),
            body: custom.unwrap_or_else(|| kind.default_template().to_string()),
        });
    }
    Ok(Json(all))
}

/// Replaces a letter template (plain text with {占位符}); every placeholder must be one the letter
/// knows. Agency admins only.
#[utoipa::path(put, path = "/api/v1/templates/{kind}", request_body(content = String, content_type = "text/plain"),
    responses((status = 204), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn put_template(
    State(state): State<AppState>,
    ApiStaff(staff): ApiStaff,
    Path(kind): Path<String>,
    body: String,
) -> Result<StatusCode, ApiError> {
    crate::admin::set_template(&state, &staff, &kind, &body).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct SettingsBody {
    /// The reference-number prefix, e.g. 凫政公 for 凫政公复〔2025〕3号 (≤ 20 characters)
    pub letter_prefix: String,
    /// The body that hears administrative reconsideration, named in replies (≤ 100 characters)
    pub review_body: String,
}

/// The agency's letter settings. Agency admins only.
#[utoipa::path(put, path = "/api/v1/settings", request_body = SettingsBody,
    responses((status = 204), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn settings(
    State(state): State<AppState>,
    ApiStaff(staff): ApiStaff,
    Json(b): Json<SettingsBody>,
) -> Result<StatusCode, ApiError> {
    crate::admin::set_settings(&state, &staff, &b.letter_prefix, &b.review_body).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct UserJson {
    pub id: i64,
    pub login: String,
    pub name: String,
    pub role: String,
    pub email: Option<String>,
}

/// The agency's staff accounts. Agency admins only.
#[utoipa::path(get, path = "/api/v1/users", responses((status = 200, body = Vec<UserJson>), (status = 403, body = ErrorBody)))]
pub async fn users(
    State(state): State<AppState>,
    ApiStaff(staff): ApiStaff,
) -> Result<Json<Vec<UserJson>>, ApiError> {
    if !staff.is_admin() {
        return Err(WebError::Forbidden.into());
    }
    let all = state.store.users(staff.user.agency).await?;
    Ok(Json(
        all.into_iter()
            .map(|u| UserJson {
                id: u.id.0,
                login: u.login,
                name: u.name,
                role: key(u.role),
                email: u.email,
            })
            .collect(),
    ))
}

#[derive(Serialize, ToSchema)]
pub struct NewPassword {
    pub id: i64,
    pub login: String,
    /// Generated; shown this once, only its argon2 hash is kept.
    pub password: String,
}

/// Creates an account in the admin's agency with a generated password. Agency admins only.
#[utoipa::path(post, path = "/api/v1/users", request_body = Account,
    responses((status = 201, body = NewPassword), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn add_user(
    State(state): State<AppState>,
    ApiStaff(staff): ApiStaff,
    Json(a): Json<Account>,
) -> Result<(StatusCode, Json<NewPassword>), ApiError> {
    let (id, password) = crate::users::create_account(&state, &staff, &a).await?;
    Ok((
        StatusCode::CREATED,
        Json(NewPassword {
            id: id.0,
            login: a.login.trim().to_string(),
            password,
        }),
    ))
}

/// Gives an account of the admin's agency a new generated password. Agency admins only.
#[utoipa::path(post, path = "/api/v1/users/{id}/reset", responses((status = 200, body = NewPassword), (status = 404, body = ErrorBody)))]
pub async fn reset_user(
    State(state): State<AppState>,
    ApiStaff(staff): ApiStaff,
    Path(id): Path<i64>,
) -> Result<Json<NewPassword>, ApiError> {
    let (login, password) = crate::users::reset_password(&state, &staff, UserId(id)).await?;
    Ok(Json(NewPassword {
        id,
        login,
        password,
    }))
}
