//! Reconsiderations and lawsuits about a case (table 四): filed, then decided.

use axum::Form;
use axum::extract::{Path, State};
use axum::response::Redirect;
use calendar::Date;
use cases::yearly::{Appeal, AppealKind, AppealResult};
use serde::de::DeserializeOwned;
use storage::{CaseId, Store};

use crate::auth::Staff;
use crate::error::WebError;
use crate::service::{self, Origin};
use crate::state::AppState;

fn choice<T: DeserializeOwned>(raw: &str, what: &str) -> Result<T, WebError> {
    use serde::de::value::{Error, StrDeserializer};
    T::deserialize(StrDeserializer::<Error>::new(raw.trim()))
        .map_err(|_| WebError::Refused(format!("请选择{what}")))
}

fn date(raw: &str, what: &str) -> Result<Date, WebError> {
    raw.trim()
        .parse()
        .map_err(|_| WebError::Refused(format!("{what}：请填写正确的日期（年-月-日）")))
}

/// Files an appeal, or records the result of one (`id`), after checking the dates make sense.
pub async fn record(
    state: &AppState,
    staff: &Staff,
    case: CaseId,
    id: Option<i64>,
    form: &AppealForm,
    origin: &Origin,
) -> Result<(), WebError> {
    let record = state.store.case(case).await?;
    if !staff.can_view(record.agency) {
        return Err(WebError::NotFound);
    }
    if !staff.can_act(record.agency) {
        return Err(WebError::Forbidden);
    }
    let today = state.today();
    match id {
        None => {
            let filed = date(&form.filed, "立案（申请）日期")?;
            if filed < record.case.received || filed > today {
                return Err(WebError::Refused(
                    "立案日期应在收到申请之后、今天之前".into(),
                ));
            }
            let appeal = Appeal {
                kind: choice::<AppealKind>(&form.kind, "复议或诉讼类型")?,
                filed,
                decided: None,
            };
            state.store.add_appeal(case, &appeal).await?;
            service::audit(state, &staff.user.login, "appeal_filed", case, origin).await
        }
        Some(id) => {
            let (_, mut appeal) = state
                .store
                .appeals(case)
                .await?
                .into_iter()
                .find(|(a, _)| *a == id)
                .ok_or(WebError::NotFound)?;
            let decided = date(&form.decided, "结案日期")?;
            if decided < appeal.filed || decided > today {
                return Err(WebError::Refused("结案日期应在立案之后、今天之前".into()));
            }
            appeal.decided = Some((choice::<AppealResult>(&form.result, "结果")?, decided));
            state.store.update_appeal(case, id, &appeal).await?;
            service::audit(state, &staff.user.login, "appeal_decided", case, origin).await
        }
    }
}

#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct AppealForm {
    #[serde(default)]
    #[schema(ignore)]
    pub csrf: String,
    /// review, litigation_direct, litigation_after_review (when filing)
    #[serde(default)]
    pub kind: String,
    /// YYYY-MM-DD (when filing)
    #[serde(default)]
    pub filed: String,
    /// upheld, corrected, other (when decided)
    #[serde(default)]
    pub result: String,
    /// YYYY-MM-DD (when decided)
    #[serde(default)]
    pub decided: String,
}

pub async fn file(
    State(state): State<AppState>,
    staff: Staff,
    origin: Origin,
    Path(id): Path<i64>,
    Form(form): Form<AppealForm>,
) -> Result<Redirect, WebError> {
    staff.check_csrf(&form.csrf).await?;
    record(&state, &staff, CaseId(id), None, &form, &origin).await?;
    Ok(Redirect::to(&format!(
        "/staff/cases/{id}?done=appeal_filed"
    )))
}

pub async fn decide(
    State(state): State<AppState>,
    staff: Staff,
    origin: Origin,
    Path((id, appeal)): Path<(i64, i64)>,
    Form(form): Form<AppealForm>,
) -> Result<Redirect, WebError> {
    staff.check_csrf(&form.csrf).await?;
    record(&state, &staff, CaseId(id), Some(appeal), &form, &origin).await?;
    Ok(Redirect::to(&format!(
        "/staff/cases/{id}?done=appeal_decided"
    )))
}

/// The case page's lines: (id, kind, filed, result or "尚未审结").
pub fn lines(appeals: &[(i64, Appeal)]) -> Vec<(i64, String, String, String, bool)> {
    appeals
        .iter()
        .map(|(id, a)| {
            let (result, open) = match a.decided {
                Some((r, on)) => (format!("{}（{on}）", r.label()), false),
                None => ("尚未审结".to_string(), true),
            };
            (
                *id,
                a.kind.label().to_string(),
                a.filed.to_string(),
                result,
                open,
            )
        })
        .collect()
}
