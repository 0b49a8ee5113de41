//! The JSON API (`/api/v1`), described by an OpenAPI document at `/api/openapi.json` with
//! Swagger UI at `/api/docs`. Public calls (apply, track, deadline) need no account; staff calls
//! use the login session. Mutating staff calls accept only `application/json`, which a foreign
//! page cannot send without a CORS preflight this server never grants: that is their CSRF guard.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use storage::{AgencyId, CaseId, CaseRow, Private, Store};
use tower_sessions::Session;
use utoipa::{OpenApi, ToSchema};

use crate::actions::ActionForm;
use crate::auth::{Staff, log_in, verify_password};
use crate::error::{ApiError, ErrorBody, WebError};
use crate::service::{self, Origin};
use crate::state::AppState;

/// A member of staff for the API: a missing login is a 401 with a JSON body, not a redirect.
pub struct ApiStaff(pub Staff);

impl axum::extract::FromRequestParts<AppState> for ApiStaff {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &AppState,
    ) -> Result<ApiStaff, ApiError> {
        Staff::from_request_parts(parts, state)
            .await
            .map(ApiStaff)
            .map_err(ApiError)
    }
}

#[derive(OpenApi)]
#[openapi(
    info(title = "gongkai 政府信息公开工作系统 API", version = "1"),
    paths(
        agencies, apply, track, deadline, login, dashboard, case, act, appeal, yearly
    ),
    components(schemas(
        ErrorBody,
        ApplicationBody,
        Receipt,
        Status,
        Deadline,
        LoginBody,
        CaseJson,
        ActionForm,
        Dashboard,
        Row
    ))
)]
pub struct ApiDoc;

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

fn raw(b: ApplicationBody) -> cases::RawApplication {
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
    Ok((
        StatusCode::CREATED,
        Json(Receipt {
            tracking_code: done.tracking_code,
            received: done.received.to_string(),
            due: done.due.map(|d| d.to_string()),
        }),
    ))
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

#[derive(Deserialize, ToSchema)]
pub struct LoginBody {
    pub login: String,
    pub password: String,
}

/// Starts a staff session (the cookie it sets authenticates the staff calls).
#[utoipa::path(post, path = "/api/v1/login", request_body = LoginBody, responses((status = 204), (status = 401, body = ErrorBody)))]
pub async fn login(
    State(state): State<AppState>,
    session: Session,
    Json(b): Json<LoginBody>,
) -> Result<StatusCode, ApiError> {
    match state.store.user_by_login(b.login.trim()).await? {
        Some(u) if verify_password(&b.password, &u.password_hash) => {
            log_in(&session, &u).await?;
            Ok(StatusCode::NO_CONTENT)
        }
        _ => Err(WebError::BadLogin.into()),
    }
}

#[derive(Serialize, ToSchema)]
pub struct Row {
    pub id: i64,
    pub agency: i64,
    pub tracking_code: String,
    pub received: String,
    pub state: String,
    pub due: Option<String>,
    pub handler: Option<i64>,
}

fn row(r: &CaseRow) -> Row {
    Row {
        id: r.id.0,
        agency: r.agency.0,
        tracking_code: r.tracking_code.clone(),
        received: r.received.to_string(),
        state: crate::pages::key(r.state),
        due: r.due.map(|d| d.to_string()),
        handler: r.handler.map(|h| h.0),
    }
}

#[derive(Serialize, ToSchema)]
pub struct Dashboard {
    pub today: String,
    pub overdue: Vec<Row>,
    pub due_soon: Vec<Row>,
    pub waiting: Vec<Row>,
}

#[utoipa::path(get, path = "/api/v1/dashboard", responses((status = 200, body = Dashboard), (status = 401, body = ErrorBody)))]
pub async fn dashboard(
    State(state): State<AppState>,
    ApiStaff(staff): ApiStaff,
) -> Result<Json<Dashboard>, ApiError> {
    let l = crate::dashboard::lists(&state, &staff).await?;
    Ok(Json(Dashboard {
        today: state.today().to_string(),
        overdue: l.overdue.iter().map(row).collect(),
        due_soon: l.soon.iter().map(row).collect(),
        waiting: l.waiting.iter().map(row).collect(),
    }))
}

#[derive(Serialize, ToSchema)]
pub struct CaseJson {
    pub id: i64,
    pub agency: i64,
    pub tracking_code: String,
    pub handler: Option<i64>,
    pub due: Option<String>,
    /// cases::Case: state, clock, outcome, fee.
    #[schema(value_type = Object)]
    pub case: serde_json::Value,
    /// The applicant's personal data: present only for staff with a role on the case.
    #[schema(value_type = Option<Object>)]
    pub applicant: Option<serde_json::Value>,
}

async fn case_json(
    state: &AppState,
    staff: &Staff,
    id: CaseId,
    origin: &Origin,
) -> Result<CaseJson, WebError> {
    let (r, private) = service::view(state, staff, id, origin).await?;
    Ok(CaseJson {
        id: r.id.0,
        agency: r.agency.0,
        tracking_code: r.tracking_code,
        handler: r.handler.map(|h| h.0),
        due: r.due.map(|d| d.to_string()),
        case: serde_json::to_value(&r.case).map_err(WebError::internal)?,
        applicant: private
            .map(|p| serde_json::to_value(&p))
            .transpose()
            .map_err(WebError::internal)?,
    })
}

#[utoipa::path(get, path = "/api/v1/cases/{id}", responses((status = 200, body = CaseJson), (status = 404, body = ErrorBody)))]
pub async fn case(
    State(state): State<AppState>,
    ApiStaff(staff): ApiStaff,
    origin: Origin,
    Path(id): Path<i64>,
) -> Result<Json<CaseJson>, ApiError> {
    Ok(Json(case_json(&state, &staff, CaseId(id), &origin).await?))
}

/// Takes one step on a case (the same steps as the case page).
#[utoipa::path(post, path = "/api/v1/cases/{id}/actions", request_body = ActionForm,
    responses((status = 200, body = CaseJson), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn act(
    State(state): State<AppState>,
    ApiStaff(staff): ApiStaff,
    origin: Origin,
    Path(id): Path<i64>,
    Json(form): Json<ActionForm>,
) -> Result<Json<CaseJson>, ApiError> {
    let action = form.to_action()?;
    service::act(&state, &staff, CaseId(id), action, &origin).await?;
    Ok(Json(case_json(&state, &staff, CaseId(id), &origin).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct AppealBody {
    /// Absent to file a new appeal; an appeal's id to record its result.
    pub id: Option<i64>,
    #[serde(flatten)]
    pub form: crate::appeals::AppealForm,
}

/// Files a reconsideration or lawsuit about a case, or records its result (table 四).
#[utoipa::path(post, path = "/api/v1/cases/{id}/appeals", request_body = AppealBody,
    responses((status = 200, body = Vec<Object>), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn appeal(
    State(state): State<AppState>,
    ApiStaff(staff): ApiStaff,
    origin: Origin,
    Path(id): Path<i64>,
    Json(body): Json<AppealBody>,
) -> Result<Json<serde_json::Value>, ApiError> {
    crate::appeals::record(&state, &staff, CaseId(id), body.id, &body.form, &origin).await?;
    let all = state.store.appeals(CaseId(id)).await?;
    let list: Vec<serde_json::Value> = all
        .iter()
        .map(|(id, a)| serde_json::json!({"id": id, "appeal": a}))
        .collect();
    Ok(Json(serde_json::Value::Array(list)))
}

#[derive(Deserialize, ToSchema)]
pub struct AssignBody {
    /// A handler's user id; absent to unassign.
    pub handler: Option<i64>,
}

#[utoipa::path(post, path = "/api/v1/cases/{id}/assign", request_body = AssignBody,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn assign(
    State(state): State<AppState>,
    ApiStaff(staff): ApiStaff,
    origin: Origin,
    Path(id): Path<i64>,
    Json(b): Json<AssignBody>,
) -> Result<StatusCode, ApiError> {
    service::assign(
        &state,
        &staff,
        CaseId(id),
        b.handler.map(storage::UserId),
        &origin,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct LetterBody {
    /// receipt, correction, extension, third_party, co_producer, fee_notice, reasons, reply
    pub kind: String,
    /// What the clerk adds: the items to correct, the reason for extension, the third party, or
    /// the reasons for withholding.
    #[serde(default)]
    pub extra: String,
}

#[derive(Serialize, ToSchema)]
pub struct LetterJson {
    pub id: i64,
    pub title: String,
    pub ref_no: String,
    pub date: String,
    pub paragraphs: Vec<String>,
    /// The HTML preview and the DOCX download (staff session needed).
    pub preview: String,
    pub docx: String,
}

/// Issues a letter for a case, numbered from the agency's yearly sequence.
#[utoipa::path(post, path = "/api/v1/cases/{id}/letters", request_body = LetterBody,
    responses((status = 201, body = LetterJson), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn letter(
    State(state): State<AppState>,
    ApiStaff(staff): ApiStaff,
    origin: Origin,
    Path(id): Path<i64>,
    Json(b): Json<LetterBody>,
) -> Result<(StatusCode, Json<LetterJson>), ApiError> {
    let (lid, l) =
        crate::letters::issue_letter(&state, &staff, CaseId(id), &b.kind, &b.extra, &origin)
            .await?;
    Ok((
        StatusCode::CREATED,
        Json(LetterJson {
            id: lid.0,
            title: l.title,
            ref_no: l.ref_no,
            date: l.date,
            paragraphs: l.paragraphs,
            preview: format!("/staff/letters/{}", lid.0),
            docx: format!("/staff/letters/{}/docx", lid.0),
        }),
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct RegistrationBody {
    /// in_person, registered_post, ordinary_post, fax, online
    pub channel: String,
    /// The receipt date the channel gives (Art. 31), YYYY-MM-DD.
    pub date: String,
    #[serde(flatten)]
    pub application: ApplicationBody,
}

/// Registers an application received in person, by post or by fax.
#[utoipa::path(post, path = "/api/v1/registrations", request_body = RegistrationBody,
    responses((status = 201, body = Receipt), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn register(
    State(state): State<AppState>,
    ApiStaff(staff): ApiStaff,
    origin: Origin,
    Json(b): Json<RegistrationBody>,
) -> Result<(StatusCode, Json<Receipt>), ApiError> {
    if staff.role() == cases::Role::Supervisor {
        return Err(WebError::Forbidden.into());
    }
    let date: calendar::Date = b
        .date
        .trim()
        .parse()
        .map_err(|_| WebError::Refused("收到日期格式应为 YYYY-MM-DD".into()))?;
    if date > state.today() {
        return Err(WebError::Refused("收到日期不能晚于今天".into()).into());
    }
    let channel = crate::register::channel(&b.channel, date).ok_or_else(|| {
        WebError::Refused(
            "申请方式应为 in_person、registered_post、ordinary_post、fax 或 online".into(),
        )
    })?;
    let (applicant, request) = raw(b.application).parse().map_err(WebError::Invalid)?;
    let private = Private {
        applicant,
        request,
        channel,
    };
    let done = service::submit(
        &state,
        staff.user.agency,
        &private,
        &staff.user.login,
        &origin,
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(Receipt {
            tracking_code: done.tracking_code,
            received: done.received.to_string(),
            due: done.due.map(|d| d.to_string()),
        }),
    ))
}

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
