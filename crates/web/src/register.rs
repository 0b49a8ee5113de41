//! Staff registration of applications that arrive in person, by post or by fax, each with the
//! receipt date its channel gives (条例第三十一条).

use axum::Form;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Redirect, Response};
use calendar::Date;
use cases::{Channel, Role};
use storage::Private;

use crate::auth::{Staff, csrf_token};
use crate::error::WebError;
use crate::pages::{self, ApplyForm, Register, render};
use crate::service::{self, Origin};
use crate::state::AppState;

fn channels() -> pages::Options {
    [
        ("in_person", "当面提交"),
        ("registered_post", "邮寄（签收）"),
        ("ordinary_post", "平信"),
        ("fax", "传真"),
        ("online", "网络（电子邮件等）"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

pub fn channel(kind: &str, date: Date) -> Option<Channel> {
    Some(match kind {
        "in_person" => Channel::InPerson { handed_in: date },
        "registered_post" => Channel::RegisteredPost { signed_for: date },
        "ordinary_post" => Channel::OrdinaryPost { confirmed: date },
        "fax" => Channel::Fax { confirmed: date },
        "online" => Channel::Online { confirmed: date },
        _ => return None,
    })
}

async fn page(
    staff: &Staff,
    form: ApplyForm,
    errors: Vec<String>,
) -> Result<Html<String>, WebError> {
    Ok(Html(render(&Register {
        csrf: csrf_token(&staff.session).await?,
        user_name: staff.user.name.clone(),
        form,
        errors,
        channels: channels(),
        kinds: pages::kinds(),
        doc_kinds: pages::doc_kinds(),
        forms: pages::forms(),
        deliveries: pages::deliveries(),
    })))
}

fn may_register(staff: &Staff) -> Result<(), WebError> {
    match staff.role() {
        Role::Registrar | Role::Handler | Role::Approver | Role::AgencyAdmin => Ok(()),
        Role::Supervisor => Err(WebError::Forbidden),
    }
}

pub async fn form(State(state): State<AppState>, staff: Staff) -> Result<Html<String>, WebError> {
    may_register(&staff)?;
    let form = ApplyForm {
        kind: "natural".into(),
        doc_kind: "resident_id".into(),
        form: "paper".into(),
        delivery: "post".into(),
        channel: "in_person".into(),
        date: state.today().to_string(),
        ..ApplyForm::default()
    };
    page(&staff, form, Vec::new()).await
}

pub async fn submit(
    State(state): State<AppState>,
    staff: Staff,
    origin: Origin,
    Form(form): Form<ApplyForm>,
) -> Result<Response, WebError> {
    staff.check_csrf(&form.csrf).await?;
    may_register(&staff)?;
    let mut errors: Vec<String> = Vec::new();
    let date = form.date.trim().parse::<Date>().ok();
    let ch = date.and_then(|d| channel(&form.channel, d));
    if date.is_none() {
        errors.push("收到日期：请填写正确的日期".into());
    } else if date.is_some_and(|d| d > state.today()) {
        errors.push("收到日期：不能晚于今天".into());
    }
    if ch.is_none() && date.is_some() {
        errors.push("申请方式：请从列表中选择".into());
    }
    let parsed = form.raw().parse();
    if let Err(e) = &parsed {
        errors.extend(e.iter().map(ToString::to_string));
    }
    match (parsed, ch) {
        (Ok((applicant, request)), Some(channel)) if errors.is_empty() => {
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
            Ok(Redirect::to(&format!("/staff/cases/{}?done=register", done.id.0)).into_response())
        }
        _ => Ok(page(&staff, form, errors).await?.into_response()),
    }
}
