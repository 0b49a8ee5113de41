//! The public calls: no account needed, nothing personal in any answer.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use storage::{AgencyId, Private, Store};
use utoipa::ToSchema;

use crate::error::{ApiError, ErrorBody, WebError};
use crate::service::{self, Origin};
use crate::state::AppState;

#[derive(Serialize, ToSchema)]
pub struct AgencyJson {
    pub id: i64,
    pub name: String,
    pub parent: Option<i64>,
}

/// Agencies that take applications.
#[utoipa::path(get, path = "/api/v1/agencies", responses((status = 200, body = Vec<Object>)))]
pub async fn agencies(State(state): State<AppState>) -> Result<Json<Vec<AgencyJson>>, ApiError> {
    let all = state.store.agencies().await?;
    Ok(Json(
        all.into_iter()
            .map(|a| AgencyJson {
                id: a.id.0,
                name: a.name,
                parent: a.parent.map(|p| p.0),
            })
            .collect(),
    ))
}

/// An application as the public form sends it; enum fields take the snake_case names.
#[derive(Deserialize, ToSchema)]
pub struct ApplicationBody {
    /// natural, commercial, research, public_interest, legal_services, other
    pub kind: String,
    pub name: String,
    /// resident_id, credit_code, passport, other
    pub doc_kind: String,
    pub doc_number: String,
    pub contact_person: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub address: Option<String>,
    pub description: String,
    /// paper, electronic, either
    pub form: String,
    /// post, email, fax, collect, on_site
    pub delivery: String,
}

pub(super) fn raw(b: ApplicationBody) -> cases::RawApplication {
    cases::RawApplication {
        kind: b.kind,
        name: b.name,
        doc_kind: b.doc_kind,
        doc_number: b.doc_number,
        contact_person: b.contact_person,
        phone: b.phone,
        email: b.email,
        address: b.address,
        description: b.description,
        form: b.form,
        delivery: b.delivery,
    }
}

#[derive(Serialize, ToSchema)]
pub struct Receipt {
    pub tracking_code: String,
    pub received: String,
    pub due: Option<String>,
}

/// Files an online application. Durable before the answer: a 201 means it is on disk.
impl From<service::Submitted> for Receipt {
    fn from(done: service::Submitted) -> Receipt {
        Receipt {
            tracking_code: done.tracking_code,
            received: done.received.to_string(),
            due: done.due.map(|d| d.to_string()),
        }
    }
}

#[utoipa::path(post, path = "/api/v1/agencies/{agency}/applications", request_body = ApplicationBody,
    responses((status = 201, body = Receipt), (status = 422, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn apply(
    State(state): State<AppState>,
    origin: Origin,
    Path(agency): Path<i64>,
    Json(b): Json<ApplicationBody>,
) -> Result<(StatusCode, Json<Receipt>), ApiError> {
    let (applicant, request) = raw(b).parse().map_err(WebError::Invalid)?;
    let channel = cases::Channel::Online {
        confirmed: state.today(),
    };
    let private = Private {
        applicant,
        request,
        channel,
    };
    let done = service::submit(&state, AgencyId(agency), &private, "public", &origin).await?;
    Ok((StatusCode::CREATED, Json(Receipt::from(done))))
}

/// What the public status page shows: nothing personal.
#[derive(Serialize, ToSchema)]
pub struct Status {
    pub tracking_code: String,
    pub agency: String,
    pub received: String,
    pub state: String,
    pub due: String,
    pub outcome: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/track/{code}", responses((status = 200, body = Status), (status = 404, body = ErrorBody)))]
pub async fn track(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Result<Json<Status>, ApiError> {
    let record = state
        .store
        .case_by_tracking_code(&service::normalize_code(&code))
        .await?;
    let s = crate::public::public_status(&state, &record).await?;
    Ok(Json(Status {
        tracking_code: s.code,
        agency: s.agency,
        received: s.received,
        state: s.state,
        due: s.due,
        outcome: s.outcome,
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct DeadlineQuery {
    /// YYYY-MM-DD
    pub date: String,
    /// Working days, 1–60 (default 20)
    pub days: Option<u16>,
}

#[derive(Serialize, ToSchema)]
pub struct Deadline {
    pub due: String,
    /// Every day counted and passed over, in Chinese.
    pub explanation: Vec<String>,
}

#[utoipa::path(get, path = "/api/v1/deadline", params(("date" = String, Query), ("days" = Option<u16>, Query)),
    responses((status = 200, body = Deadline), (status = 422, body = ErrorBody)))]
pub async fn deadline(
    State(state): State<AppState>,
    Query(q): Query<DeadlineQuery>,
) -> Result<Json<Deadline>, ApiError> {
    let date: calendar::Date = q
        .date
        .trim()
        .parse()
        .map_err(|_| WebError::Refused("日期格式应为 YYYY-MM-DD".into()))?;
    let days = calendar::WorkingDays::new(i64::from(q.days.unwrap_or(20)))?;
    let ex = state.calendar().explain(date, days)?;
    Ok(Json(Deadline {
        due: ex.due.to_string(),
        explanation: ex.to_string().lines().map(String::from).collect(),
    }))
}
