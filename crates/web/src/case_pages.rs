//! Staff pages of cases: the list, the case itself with its steps, assignment and splitting.

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::{Html, Redirect};
use cases::{Case, Outcome, Role};
use storage::{CaseId, Private, Store, UserId};

use crate::actions::{ActionForm, offered};
use crate::auth::{Staff, csrf_token};
use crate::dashboard::Names;
use crate::error::WebError;
use crate::pages::{self, CaseList, CasePage, PrivateView, render};
use crate::service::{self, Origin};
use crate::state::AppState;

const PAGE: i64 = 50;

#[derive(serde::Deserialize)]
pub struct PageQuery {
    page: Option<i64>,
}

pub async fn list(
    State(state): State<AppState>,
    staff: Staff,
    Query(q): Query<PageQuery>,
) -> Result<Html<String>, WebError> {
    let page = q.page.unwrap_or(1).clamp(1, 1_000_000);
    let names = Names::load(&state, &staff).await?;
    let agency = staff.user.agency;
    let rows = state
        .store
        .recent_cases(agency, PAGE + 1, (page - 1) * PAGE)
        .await?;
    let has_more = rows.len() > PAGE as usize;
    let today = state.today();
    let page_view = CaseList {
        csrf: csrf_token(&staff.session).await?,
        user_name: staff.user.name.clone(),
        agency: staff.agency.name.clone(),
        total: state.store.count_cases(agency).await?,
        rows: rows
            .iter()
            .take(PAGE as usize)
            .map(|r| names.row(r, today))
            .collect(),
        page,
        has_more,
    };
    Ok(Html(render(&page_view)))
}

#[derive(serde::Deserialize)]
pub struct FindQuery {
    #[serde(default)]
    code: String,
}

pub async fn find(
    State(state): State<AppState>,
    staff: Staff,
    Query(q): Query<FindQuery>,
) -> Result<Redirect, WebError> {
    let record = state
        .store
        .case_by_tracking_code(&service::normalize_code(&q.code))
        .await?;
    if !staff.can_view(record.agency) {
        return Err(WebError::NotFound);
    }
    Ok(Redirect::to(&format!("/staff/cases/{}", record.id.0)))
}

pub fn private_view(p: &Private) -> PrivateView {
    let or_dash = |s: Option<&str>| s.unwrap_or("—").to_string();
    PrivateView {
        name: p.applicant.name.clone(),
        document: format!(
            "{} {}",
            p.applicant.document.kind.label(),
            p.applicant.document.number
        ),
        contact_person: or_dash(p.applicant.contact_person.as_deref()),
        phone: or_dash(p.applicant.phone.as_ref().map(|x| x.as_str())),
        email: or_dash(p.applicant.email.as_ref().map(|x| x.as_str())),
        address: or_dash(p.applicant.address.as_deref()),
        channel: format!("{}（{}）", p.channel.label(), p.channel.receipt_date()),
        description: p.request.description.clone(),
        form: p.request.form.label().to_string(),
        delivery: p.request.delivery.label().to_string(),
    }
}

/// How the due date was reached: each skipped day and why.
fn explanation(state: &AppState, case: &Case) -> Vec<String> {
    let cal = state.calendar();
    let start = case.clock.start();
    let Ok(Some(cases::clock::Due::On { date })) = case.due(&cal) else {
        return Vec::new();
    };
    let Ok(n) = cal.working_days_between(start, date) else {
        return Vec::new();
    };
    let Ok(days) = calendar::WorkingDays::new(i64::from(n)) else {
        return Vec::new();
    };
    let mut lines = vec![format!(
        "自{start}起算，共{n}个工作日（含延期及扣除暂停计时），期满日{date}。"
    )];
    if let Ok(ex) = cal.explain(start, days) {
        lines.extend(ex.to_string().lines().skip(1).map(String::from));
    }
    lines
}

#[derive(serde::Deserialize)]
pub struct Notice {
    done: Option<String>,
}

pub async fn detail(
    State(state): State<AppState>,
    staff: Staff,
    origin: Origin,
    Path(id): Path<i64>,
    Query(notice): Query<Notice>,
) -> Result<Html<String>, WebError> {
    let (record, private) = service::view(&state, &staff, CaseId(id), &origin).await?;
    let names = Names::load(&state, &staff).await?;
    let case = &record.case;
    let today = state.today();
    let handlers = state
        .store
        .users(record.agency)
        .await?
        .into_iter()
        .filter(|u| matches!(u.role, Role::Handler | Role::Approver))
        .map(|u| (u.id.0, u.name))
        .collect();
    let letters = if private.is_some() {
        state.store.letters(record.id).await?
    } else {
        Vec::new()
    };
    let audit = state.store.audit_log(&format!("case:{id}")).await?;
    let page = CasePage {
        csrf: csrf_token(&staff.session).await?,
        user_name: staff.user.name.clone(),
        id,
        code: record.tracking_code.clone(),
        notice: notice
            .done
            .map(|d| format!("已完成：{}", crate::actions::label(&d))),
        agency: names.agency(record.agency),
        applicant_kind: case.applicant.label().to_string(),
        received: case.received.to_string(),
        state: case.state.label().to_string(),
        due: crate::public::due_text(record.due),
        overdue: record.due.is_some_and(|d| d < today),
        outcome: case.outcome.map(Outcome::label),
        fee: case.fee.as_ref().map(|f| match f.amount() {
            Ok(n) => format!("{n}元（{}）", f.describe()),
            Err(e) => e.to_string(),
        }),
        handler: names.user(record.handler),
        explanation: explanation(&state, case),
        private: private.as_ref().map(private_view),
        can_act: staff.can_act(record.agency),
        today: today.to_string(),
        actions: offered(case.state),
        outcomes: Outcome::all()
            .map(|o| (o.row().key().to_string(), o.label()))
            .collect(),
        handlers,
        letters: letters
            .iter()
            .map(|l| {
                (
                    l.id.0,
                    crate::letters::title_of(&l.kind),
                    l.ref_no.clone(),
                    l.issued.to_string(),
                )
            })
            .collect(),
        letter_kinds: cases::letters::LetterKind::ALL
            .iter()
            .map(|k| (pages::key(k), k.title().to_string()))
            .collect(),
        appeals: crate::appeals::lines(&state.store.appeals(record.id).await?),
        appeal_kinds: cases::yearly::AppealKind::ALL
            .iter()
            .map(|k| (pages::key(k), k.label().to_string()))
            .collect(),
        appeal_results: cases::yearly::AppealResult::ALL
            .iter()
            .map(|k| (pages::key(k), k.label().to_string()))
            .collect(),
        audit: audit
            .into_iter()
            .map(|l| {
                (
                    l.at,
                    l.entry.actor,
                    crate::actions::label(&l.entry.action),
                    l.entry.origin,
                )
            })
            .collect(),
    };
    Ok(Html(render(&page)))
}

pub async fn act(
    State(state): State<AppState>,
    staff: Staff,
    origin: Origin,
    Path(id): Path<i64>,
    Form(form): Form<ActionForm>,
) -> Result<Redirect, WebError> {
    staff.check_csrf(&form.csrf).await?;
    let action = form.to_action()?;
    service::act(&state, &staff, CaseId(id), action, &origin).await?;
    Ok(Redirect::to(&format!(
        "/staff/cases/{id}?done={}",
        form.action
    )))
}

#[derive(serde::Deserialize)]
pub struct AssignForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    handler: String,
}

pub async fn assign(
    State(state): State<AppState>,
    staff: Staff,
    origin: Origin,
    Path(id): Path<i64>,
    Form(form): Form<AssignForm>,
) -> Result<Redirect, WebError> {
    staff.check_csrf(&form.csrf).await?;
    let handler = match form.handler.trim() {
        "" => None,
        s => Some(UserId(
            s.parse()
                .map_err(|_| WebError::Refused("请选择承办人".into()))?,
        )),
    };
    service::assign(&state, &staff, CaseId(id), handler, &origin).await?;
    Ok(Redirect::to(&format!("/staff/cases/{id}?done=assign")))
}

#[derive(serde::Deserialize)]
pub struct SplitForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    items: String,
}

/// 一事一申请: the first item stays, each further line becomes an application of its own with
/// the same applicant and receipt date (and so the same due date).
pub async fn split(
    State(state): State<AppState>,
    staff: Staff,
    origin: Origin,
    Path(id): Path<i64>,
    Form(form): Form<SplitForm>,
) -> Result<Redirect, WebError> {
    staff.check_csrf(&form.csrf).await?;
    let items: Vec<&str> = form.items.lines().collect();
    service::split(&state, &staff, CaseId(id), &items, &origin).await?;
    Ok(Redirect::to(&format!("/staff/cases/{id}?done=split")))
}
