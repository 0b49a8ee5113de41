//! The public side: the application form, the receipt, and the status page by tracking code.
//! Nothing here reads an applicant's personal data back.

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::Html;
use calendar::Date;
use cases::Channel;
use storage::{AgencyId, CaseRecord, Private, Store};
use tower_sessions::Session;

use crate::auth::{check_csrf, csrf_token};
use crate::error::WebError;
use crate::pages::{self, Apply, ApplyForm, Home, PublicStatus, Receipt, Track, render};
use crate::service::{self, Origin};
use crate::state::AppState;

pub async fn home(State(state): State<AppState>) -> Result<Html<String>, WebError> {
    let agencies = state.store.agencies().await?;
    let agencies = agencies.into_iter().map(|a| (a.id.0, a.name)).collect();
    Ok(Html(render(&Home { agencies })))
}

async fn agency_name(state: &AppState, id: i64) -> Result<String, WebError> {
    Ok(state.store.agency(AgencyId(id)).await?.name)
}

pub fn apply_page(
    agency_id: i64,
    agency: String,
    csrf: String,
    form: ApplyForm,
    errors: Vec<String>,
) -> Apply {
    Apply {
        agency_id,
        agency,
        csrf,
        form,
        errors,
        kinds: pages::kinds(),
        doc_kinds: pages::doc_kinds(),
        forms: pages::forms(),
        deliveries: pages::deliveries(),
    }
}

pub async fn apply_form(
    State(state): State<AppState>,
    session: Session,
    Path(agency): Path<i64>,
) -> Result<Html<String>, WebError> {
    let name = agency_name(&state, agency).await?;
    let form = ApplyForm {
        kind: "natural".into(),
        doc_kind: "resident_id".into(),
        form: "electronic".into(),
        delivery: "email".into(),
        ..ApplyForm::default()
    };
    let page = apply_page(agency, name, csrf_token(&session).await?, form, Vec::new());
    Ok(Html(render(&page)))
}

pub async fn apply_submit(
    State(state): State<AppState>,
    session: Session,
    origin: Origin,
    Path(agency): Path<i64>,
    Form(form): Form<ApplyForm>,
) -> Result<Html<String>, WebError> {
    check_csrf(&session, &form.csrf).await?;
    let name = agency_name(&state, agency).await?;
    let (applicant, request) = match form.raw().parse() {
        Ok(parsed) => parsed,
        Err(errors) => {
            let errors = errors.iter().map(ToString::to_string).collect();
            let page = apply_page(agency, name, form.csrf.clone(), form, errors);
            return Ok(Html(render(&page)));
        }
    };
    // Online: both sides confirm on submission, so the receipt date is today (条例第三十一条).
    let channel = Channel::Online {
        confirmed: state.today(),
    };
    let private = Private {
        applicant,
        request,
        channel,
    };
    let done = service::submit(&state, AgencyId(agency), &private, "public", &origin).await?;
    Ok(Html(render(&Receipt {
        agency: name,
        code: done.tracking_code,
        received: done.received.to_string(),
        due: due_text(done.due),
    })))
}

pub fn due_text(due: Option<Date>) -> String {
    due.map_or_else(
        || "暂不能确定（计时暂停、已答复，或待公布下一年度节假日安排后计算）".to_string(),
        |d| d.to_string(),
    )
}

#[derive(serde::Deserialize)]
pub struct TrackQuery {
    #[serde(default)]
    code: String,
}

/// What anyone holding the tracking code may know: state, dates, outcome. Nothing personal.
pub async fn public_status(
    state: &AppState,
    record: &CaseRecord,
) -> Result<PublicStatus, WebError> {
    let case = &record.case;
    let due = match case.due(&state.calendar()) {
        Ok(Some(cases::clock::Due::On { date })) => date.to_string(),
        Ok(Some(cases::clock::Due::Paused { .. })) => {
            "计时暂停（征求意见或待缴费期间不计入办理期限）".into()
        }
        Ok(None) if case.state == cases::State::AwaitingCorrection => {
            "待申请人补正，补正后重新计算".into()
        }
        Ok(None) => "已答复".into(),
        Err(_) => "—".into(),
    };
    let answered = matches!(case.state, cases::State::Sent | cases::State::Closed);
    Ok(PublicStatus {
        code: record.tracking_code.clone(),
        agency: state.store.agency(record.agency).await?.name,
        received: case.received.to_string(),
        state: case.state.label().to_string(),
        due,
        outcome: case.outcome.filter(|_| answered).map(|o| o.label()),
    })
}

pub async fn track(
    State(state): State<AppState>,
    Query(q): Query<TrackQuery>,
) -> Result<Html<String>, WebError> {
    let code = service::normalize_code(&q.code);
    let status = if code.is_empty() || code.len() > 40 {
        None
    } else {
        match state.store.case_by_tracking_code(&code).await {
            Ok(record) => Some(public_status(&state, &record).await?),
            Err(storage::StoreError::NotFound) => None,
            Err(e) => return Err(e.into()),
        }
    };
    Ok(Html(render(&Track { code, status })))
}
