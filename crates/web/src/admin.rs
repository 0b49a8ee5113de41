//! An agency admin's pages: next year's holiday schedule (typed or uploaded, open cases' due
//! dates recomputed at once), the letter templates, and the agency's letter settings.

use axum::Form;
use axum::extract::{Multipart, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use calendar::{Calendar, Date, WorkingDays};
use cases::letters::{LetterKind, validate};
use storage::Store;

use crate::auth::{Staff, csrf_token};
use crate::error::WebError;
use crate::letters::parse_kind;
use crate::pages::{self, CalendarPage, TemplateView, TemplatesPage, render};
use crate::state::AppState;

const EXAMPLE: &str = r#"[[year]]
year = 2027
notice = "国办发明电〔2026〕××号"
holidays = [
  { name = "元旦", from = "2027-01-01", to = "2027-01-03" },
]
workdays = [
  # { date = "2027-02-06", for = "春节" },
]"#;

/// The largest schedule file accepted.
pub const MAX_SCHEDULE: usize = 256 * 1024;

#[derive(serde::Deserialize, Default)]
pub struct CalcQuery {
    from: Option<String>,
    days: Option<u16>,
}

async fn calendar_page(
    state: &AppState,
    staff: &Staff,
    notice: Option<String>,
    errors: Vec<String>,
    q: CalcQuery,
) -> Result<Html<String>, WebError> {
    let cal = state.calendar();
    let added: Vec<i64> = state
        .store
        .holiday_years()
        .await?
        .into_iter()
        .map(|(y, _)| y)
        .collect();
    let years = cal
        .years()
        .map(|(y, notice)| {
            let source = if added.contains(&i64::from(y)) {
                "管理员添加"
            } else {
                "系统自带"
            };
            (y, format!("{notice}（{source}）"))
        })
        .collect();
    let days = q.days.unwrap_or(20);
    let from = q.from.unwrap_or_else(|| state.today().to_string());
    let explanation = match (from.parse::<Date>(), WorkingDays::new(i64::from(days))) {
        (Ok(d), Ok(n)) => match cal.explain(d, n) {
            Ok(ex) => ex.to_string().lines().map(String::from).collect(),
            Err(e) => vec![e.to_string()],
        },
        _ => vec!["请填写正确的起算日和1至60之间的工作日数".into()],
    };
    Ok(Html(render(&CalendarPage {
        csrf: csrf_token(&staff.session).await?,
        user_name: staff.user.name.clone(),
        notice,
        errors,
        years,
        can_edit: staff.is_admin(),
        example: EXAMPLE.to_string(),
        from,
        days,
        explanation,
    })))
}

pub async fn calendar(
    State(state): State<AppState>,
    staff: Staff,
    Query(q): Query<CalcQuery>,
) -> Result<Html<String>, WebError> {
    calendar_page(&state, &staff, None, Vec::new(), q).await
}

/// One year's schedule from an admin, checked in full before anything changes.
pub fn parse_one_year(text: &str) -> Result<(i16, Calendar), String> {
    let cal = Calendar::from_toml(text).map_err(|e| e.to_string())?;
    let years: Vec<i16> = cal.years().map(|(y, _)| y).collect();
    match years.as_slice() {
        [y] => Ok((*y, cal)),
        [] => Err("没有找到 [[year]] 段".into()),
        _ => Err("每次只能添加一个年度的安排".into()),
    }
}

/// Adds a year to the live calendar and the database, then recomputes open cases' due dates.
pub async fn add_year(state: &AppState, text: &str) -> Result<(i16, usize), WebError> {
    let (year, cal) = parse_one_year(text).map_err(WebError::Refused)?;
    state.store.put_holiday_year(i64::from(year), text).await?;
    let mut live = state.calendar();
    live.extend(cal);
    state.set_calendar(live);
    let moved = crate::service::recompute_due(state).await?;
    Ok((year, moved))
}

pub async fn calendar_upload(
    State(state): State<AppState>,
    staff: Staff,
    mut form: Multipart,
) -> Result<Response, WebError> {
    let mut csrf = String::new();
    let mut text = String::new();
    while let Some(field) = form
        .next_field()
        .await
        .map_err(|e| WebError::Refused(format!("上传内容有误：{e}")))?
    {
        let name = field.name().unwrap_or("").to_string();
        let bytes = field
            .bytes()
            .await
            .map_err(|e| WebError::Refused(format!("上传内容有误：{e}")))?;
        let value = String::from_utf8(bytes.to_vec())
            .map_err(|_| WebError::Refused("文件应为UTF-8编码的文本（TOML）".into()))?;
        match name.as_str() {
            "csrf" => csrf = value,
            "file" if !value.trim().is_empty() => text = value,
            "schedule" if text.is_empty() => text = value,
            _ => {}
        }
    }
    staff.check_csrf(&csrf).await?;
    if !staff.is_admin() {
        return Err(WebError::Forbidden);
    }
    match add_year(&state, &text).await {
        Ok((year, moved)) => {
            let notice =
                format!("已保存{year}年节假日安排，重新计算了{moved}件未办结申请的答复期限");
            Ok(calendar_page(
                &state,
                &staff,
                Some(notice),
                Vec::new(),
                CalcQuery::default(),
            )
            .await?
            .into_response())
        }
        Err(WebError::Refused(msg)) => {
            Ok(
                calendar_page(&state, &staff, None, vec![msg], CalcQuery::default())
                    .await?
                    .into_response(),
            )
        }
        Err(e) => Err(e),
    }
}

async fn templates_page(
    state: &AppState,
    staff: &Staff,
    notice: Option<String>,
    errors: Vec<String>,
) -> Result<Html<String>, WebError> {
    let agency = state.store.agency(staff.user.agency).await?;
    let mut templates = Vec::new();
    for kind in LetterKind::ALL {
        let key = pages::key(kind);
        let custom = state.store.template(agency.id, &key).await?;
        templates.push(TemplateView {
            title: kind.title(),
            fields: kind
                .placeholders()
                .iter()
                .map(|p| format!("{{{p}}}"))
                .collect::<Vec<_>>()
                .join(" "),
            custom: custom.is_some(),
            body: custom.unwrap_or_else(|| kind.default_template().to_string()),
            kind: key,
        });
    }
    Ok(Html(render(&TemplatesPage {
        csrf: csrf_token(&staff.session).await?,
        user_name: staff.user.name.clone(),
        notice,
        errors,
        letter_prefix: agency.letter_prefix,
        review_body: agency.review_body,
        templates,
    })))
}

pub async fn templates(
    State(state): State<AppState>,
    staff: Staff,
) -> Result<Html<String>, WebError> {
    templates_page(&state, &staff, None, Vec::new()).await
}

#[derive(serde::Deserialize)]
pub struct TemplateForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    body: String,
}

/// Checks a template against its letter's placeholders and saves it for the admin's agency.
pub async fn set_template(
    state: &AppState,
    staff: &Staff,
    kind_key: &str,
    body: &str,
) -> Result<LetterKind, WebError> {
    if !staff.is_admin() {
        return Err(WebError::Forbidden);
    }
    let kind = parse_kind(kind_key).ok_or(WebError::NotFound)?;
    validate(kind, body).map_err(|e| WebError::Refused(format!("{}：{e}", kind.title())))?;
    state
        .store
        .set_template(staff.user.agency, kind_key, body.trim())
        .await?;
    Ok(kind)
}

pub async fn save_template(
    State(state): State<AppState>,
    staff: Staff,
    Form(form): Form<TemplateForm>,
) -> Result<Html<String>, WebError> {
    staff.check_csrf(&form.csrf).await?;
    match set_template(&state, &staff, &form.kind, &form.body).await {
        Ok(kind) => {
            let notice = format!("已保存“{}”模板", kind.title());
            templates_page(&state, &staff, Some(notice), Vec::new()).await
        }
        Err(WebError::Refused(msg)) => templates_page(&state, &staff, None, vec![msg]).await,
        Err(e) => Err(e),
    }
}

#[derive(serde::Deserialize)]
pub struct SettingsForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    letter_prefix: String,
    #[serde(default)]
    review_body: String,
}

/// The agency's letter settings: the reference-number prefix and the reconsideration body.
pub async fn set_settings(
    state: &AppState,
    staff: &Staff,
    letter_prefix: &str,
    review_body: &str,
) -> Result<(), WebError> {
    if !staff.is_admin() {
        return Err(WebError::Forbidden);
    }
    let prefix = letter_prefix.trim();
    let review = review_body.trim();
    if prefix.chars().count() > 20
        || review.chars().count() > 100
        || prefix.chars().chain(review.chars()).any(char::is_control)
    {
        return Err(WebError::Refused(
            "文号前缀最多20字，复议机关最多100字".into(),
        ));
    }
    state
        .store
        .update_agency(staff.user.agency, prefix, review)
        .await?;
    Ok(())
}

pub async fn save_settings(
    State(state): State<AppState>,
    staff: Staff,
    Form(form): Form<SettingsForm>,
) -> Result<Redirect, WebError> {
    staff.check_csrf(&form.csrf).await?;
    set_settings(&state, &staff, &form.letter_prefix, &form.review_body).await?;
    Ok(Redirect::to("/staff/templates"))
}
