//! Staff calls on cases: the login, the dashboard, a case and its steps, assignment, letters,
//! appeals, registration and 一事一申请 splitting.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use storage::{AgencyId, CaseId, CaseRow, Private, Store};
use tower_sessions::Session;
use utoipa::ToSchema;

use super::ApiStaff;
use super::public::{ApplicationBody, Receipt, raw};
use crate::actions::ActionForm;
use crate::auth::{Staff, log_in, verify_password};
use crate::error::{ApiError, ErrorBody, WebError};
use crate::service::{self, Origin};
use crate::state::AppState;

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

#[derive(Deserialize)]
pub struct ListQuery {
    agency: Option<i64>,
    page: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct CaseList {
    pub total: i64,
    pub page: i64,
    /// Newest first, 50 a page.
    pub rows: Vec<Row>,
}

const PAGE: i64 = 50;

/// The cases of the staff member's agency (or, for a supervisor, of an agency below), newest
/// first. Nothing personal: open a case for that.
#[utoipa::path(get, path = "/api/v1/cases", params(("agency" = Option<i64>, Query), ("page" = Option<i64>, Query)),
    responses((status = 200, body = CaseList), (status = 404, body = ErrorBody)))]
pub async fn cases(
    State(state): State<AppState>,
    ApiStaff(staff): ApiStaff,
    Query(q): Query<ListQuery>,
) -> Result<Json<CaseList>, ApiError> {
    let agency = q.agency.map_or(staff.user.agency, AgencyId);
    if !staff.can_view(agency) {
        return Err(WebError::NotFound.into());
    }
    let page = q.page.unwrap_or(1).clamp(1, 1_000_000);
    let rows = state
        .store
        .recent_cases(agency, PAGE, (page - 1) * PAGE)
        .await?;
    Ok(Json(CaseList {
        total: state.store.count_cases(agency).await?,
        page,
        rows: rows.iter().map(row).collect(),
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
pub struct SplitBody {
    /// One item per application: the first stays with the case, each further one becomes an
    /// application of its own (same applicant, same receipt date). 2 to 50 items.
    pub items: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct Created {
    pub id: i64,
    pub tracking_code: String,
}

/// 一事一申请: splits a multi-item request into several applications.
#[utoipa::path(post, path = "/api/v1/cases/{id}/split", request_body = SplitBody,
    responses((status = 201, body = Vec<Created>), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn split(
    State(state): State<AppState>,
    ApiStaff(staff): ApiStaff,
    origin: Origin,
    Path(id): Path<i64>,
    Json(b): Json<SplitBody>,
) -> Result<(StatusCode, Json<Vec<Created>>), ApiError> {
    let items: Vec<&str> = b.items.iter().map(String::as_str).collect();
    let made = service::split(&state, &staff, CaseId(id), &items, &origin).await?;
    let made = made
        .into_iter()
        .map(|(id, tracking_code)| Created {
            id: id.0,
            tracking_code,
        })
        .collect();
    Ok((StatusCode::CREATED, Json(made)))
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
    Ok((StatusCode::CREATED, Json(Receipt::from(done))))
}
