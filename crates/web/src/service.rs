//! The operations behind both the pages and the JSON API, so the two can never disagree: submit
//! an application, take a step on a case, read a case as a given member of staff, recompute due
//! dates after a calendar change. Each write is audited.

use calendar::{Calendar, Date};
use cases::clock::Due;
use cases::{Action, Case, Fee};
use storage::{AgencyId, AuditEntry, CaseId, CaseRecord, NewCase, Private, Store, UserId};

use crate::auth::Staff;
use crate::error::WebError;
use crate::state::AppState;

/// Where a request came from, for the audit log.
#[derive(Clone, Debug)]
pub struct Origin(pub String);

/// The stored due date: the day the clock ends, or none while it stands still or once answered.
pub fn due_of(case: &Case, cal: &Calendar) -> Result<Option<Date>, WebError> {
    Ok(
        match case
            .due(cal)
            .map_err(|e| WebError::Refused(e.to_string()))?
        {
            Some(Due::On { date }) => Some(date),
            Some(Due::Paused { .. }) | None => None,
        },
    )
}

/// Crockford's base32 without I, L, O, U: easy to read out on the phone, 50 random bits.
pub fn tracking_code() -> Result<String, WebError> {
    const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let mut bytes = [0u8; 10];
    getrandom::fill(&mut bytes).map_err(WebError::internal)?;
    let chars: String = bytes
        .iter()
        .map(|b| char::from(ALPHABET[usize::from(b % 32)]))
        .collect();
    Ok(format!("GK{}-{}", &chars[..5], &chars[5..]))
}

/// A tracking code as typed by a person: case and spaces ignored, O read as 0, I and L as 1.
pub fn normalize_code(raw: &str) -> String {
    raw.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        })
        .collect()
}

pub struct Submitted {
    pub id: CaseId,
    pub tracking_code: String,
    pub received: Date,
    pub due: Option<Date>,
}

/// Files an application: durable (case and personal data in one transaction) before it returns.
pub async fn submit(
    state: &AppState,
    agency: AgencyId,
    private: &Private,
    actor: &str,
    origin: &Origin,
) -> Result<Submitted, WebError> {
    let agencies = state.store.agencies().await?;
    if !agencies.iter().any(|a| a.id == agency) {
        return Err(WebError::NotFound);
    }
    let received = private.channel.receipt_date();
    let case = Case::new(private.applicant.kind, received);
    // Late in December next year's holidays may not be published yet: the application is
    // still taken, its due date set once an admin loads the schedule.
    let due = due_of(&case, &state.calendar()).ok().flatten();
    // A clash of random codes is vanishingly rare; try again rather than fail the applicant.
    for _ in 0..3 {
        let code = tracking_code()?;
        let new = NewCase {
            agency,
            tracking_code: &code,
            case: &case,
            due,
            handler: None,
            private,
        };
        match state.store.insert_case(&new).await {
            Ok(id) => {
                audit(state, actor, "submit", id, origin).await?;
                return Ok(Submitted {
                    id,
                    tracking_code: code,
                    received,
                    due,
                });
            }
            Err(e) if e.is_conflict() => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(WebError::internal("tracking code collisions"))
}

pub async fn audit(
    state: &AppState,
    actor: &str,
    action: &str,
    id: CaseId,
    origin: &Origin,
) -> Result<(), WebError> {
    state
        .store
        .audit(&AuditEntry {
            actor: actor.to_string(),
            action: action.to_string(),
            target: format!("case:{}", id.0),
            origin: origin.0.clone(),
        })
        .await?;
    Ok(())
}

/// A case as this member of staff may see it: the record, and its personal data only if they
/// have a role on it (the look is audited).
pub async fn view(
    state: &AppState,
    staff: &Staff,
    id: CaseId,
    origin: &Origin,
) -> Result<(CaseRecord, Option<Private>), WebError> {
    let record = state.store.case(id).await?;
    if !staff.can_view(record.agency) {
        // Not "forbidden": whether the case exists is itself not theirs to know.
        return Err(WebError::NotFound);
    }
    let private = if staff.can_see_private(&record) {
        audit(state, &staff.user.login, "view_personal_data", id, origin).await?;
        Some(state.store.private(id).await?)
    } else {
        None
    };
    Ok((record, private))
}

/// One step on a case, checked by the state machine and the member's role, then stored with its
/// new due date.
pub async fn act(
    state: &AppState,
    staff: &Staff,
    id: CaseId,
    action: Action,
    origin: &Origin,
) -> Result<CaseRecord, WebError> {
    let mut record = state.store.case(id).await?;
    if !staff.can_view(record.agency) {
        return Err(WebError::NotFound);
    }
    if !staff.can_act(record.agency) {
        return Err(WebError::Forbidden);
    }
    let cal = state.calendar();
    let name = action_name(&action);
    let action = count_applications(state, id, action).await?;
    record.case.apply(&cal, staff.role(), action)?;
    record.due = due_of(&record.case, &cal).ok().flatten();
    state
        .store
        .update_case(id, &record.case, record.due)
        .await?;
    audit(state, &staff.user.login, name, id, origin).await?;
    Ok(record)
}

/// A 按件 fee is set by the applicant's count of applications that month, which the office
/// would otherwise have to look up by hand: the server counts it, whatever the form said.
async fn count_applications(
    state: &AppState,
    id: CaseId,
    action: Action,
) -> Result<Action, WebError> {
    Ok(match action {
        Action::SendFeeNotice {
            on,
            fee: Fee::PerApplication { .. },
        } => Action::SendFeeNotice {
            on,
            fee: Fee::PerApplication {
                nth: state.store.month_rank(id).await?,
            },
        },
        other => other,
    })
}

/// 一事一申请: the first item stays with the case, each further one becomes an application of
/// its own with the same applicant, receipt date (so the same due date) and handler. The new
/// cases are written before the original is narrowed, so a failure half-way loses no item.
pub async fn split(
    state: &AppState,
    staff: &Staff,
    id: CaseId,
    items: &[&str],
    origin: &Origin,
) -> Result<Vec<(CaseId, String)>, WebError> {
    let (record, private) = view(state, staff, id, origin).await?;
    let Some(private) = private.filter(|_| staff.can_act(record.agency)) else {
        return Err(WebError::Forbidden);
    };
    let items: Vec<&str> = items
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    if items.len() < 2 || items.len() > 50 {
        return Err(WebError::Refused(
            "请逐行填写拆分后的各项（至少两行，最多50行）".into(),
        ));
    }
    if let Some(long) = items.iter().find(|i| i.chars().count() > 2000) {
        let head: String = long.chars().take(10).collect();
        return Err(WebError::Refused(format!("“{head}……”过长，每项最多2000字")));
    }
    let narrowed = |item: &str| {
        let mut p = private.clone();
        p.request.description = item.to_string();
        p
    };
    let mut made = Vec::with_capacity(items.len() - 1);
    for item in &items[1..] {
        let code = tracking_code()?;
        let case = Case::new(record.case.applicant, record.case.received);
        let new = NewCase {
            agency: record.agency,
            tracking_code: &code,
            case: &case,
            due: due_of(&case, &state.calendar())?,
            handler: record.handler,
            private: &narrowed(item),
        };
        let new_id = state.store.insert_case(&new).await?;
        let from = format!("split_from:{}", id.0);
        audit(state, &staff.user.login, &from, new_id, origin).await?;
        made.push((new_id, code));
    }
    state.store.set_private(id, &narrowed(items[0])).await?;
    audit(state, &staff.user.login, "split", id, origin).await?;
    Ok(made)
}

pub async fn assign(
    state: &AppState,
    staff: &Staff,
    id: CaseId,
    handler: Option<UserId>,
    origin: &Origin,
) -> Result<(), WebError> {
    let record = state.store.case(id).await?;
    if !staff.can_view(record.agency) {
        return Err(WebError::NotFound);
    }
    if !staff.can_act(record.agency)
        || staff.role() == cases::Role::Handler && handler != Some(staff.user.id)
    {
        // A handler may take a case; only registrars, approvers and admins hand them out.
        return Err(WebError::Forbidden);
    }
    if let Some(h) = handler {
        let user = state.store.user(h).await?;
        if user.agency != record.agency
            || user.role != cases::Role::Handler && user.role != cases::Role::Approver
        {
            return Err(WebError::Refused("只能分配给本机关的承办人员".into()));
        }
    }
    state.store.assign(id, handler).await?;
    audit(state, &staff.user.login, "assign", id, origin).await
}

fn action_name(a: &Action) -> &'static str {
    match a {
        Action::RequestCorrection { .. } => "request_correction",
        Action::Corrected { .. } => "corrected",
        Action::CorrectionLapsed { .. } => "correction_lapsed",
        Action::StartConsultation { .. } => "start_consultation",
        Action::EndConsultation { .. } => "end_consultation",
        Action::Extend { .. } => "extend",
        Action::SendFeeNotice { .. } => "fee_notice",
        Action::FeePaid { .. } => "fee_paid",
        Action::FeeLapsed { .. } => "fee_lapsed",
        Action::Draft { .. } => "draft",
        Action::Approve => "approve",
        Action::Send { .. } => "send",
        Action::Close { .. } => "close",
        Action::Withdraw { .. } => "withdraw",
    }
}

/// After the calendar changed: every open case's due date again. Returns how many moved.
pub async fn recompute_due(state: &AppState) -> Result<usize, WebError> {
    let cal = state.calendar();
    let mut moved = 0;
    for record in state.store.open_cases().await? {
        // A case whose dates the calendar cannot cover keeps its old date rather than losing it.
        let Ok(due) = due_of(&record.case, &cal) else {
            continue;
        };
        if due != record.due {
            state
                .store
                .update_case(record.id, &record.case, due)
                .await?;
            moved += 1;
        }
    }
    Ok(moved)
}

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Origin {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _: &S,
    ) -> Result<Origin, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .map(|c| c.0.ip().to_string());
        Ok(Origin(peer.unwrap_or_else(|| "unknown".into())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracking_codes_are_readable_and_distinct() {
        let a = tracking_code().unwrap_or_default();
        let b = tracking_code().unwrap_or_default();
        assert_eq!(a.len(), 13, "{a}");
        assert!(a.starts_with("GK"));
        assert_ne!(a, b);
        assert!(!a[2..].contains(['I', 'L', 'O', 'U']));
    }

    #[test]
    fn typed_codes_are_normalised() {
        assert_eq!(normalize_code(" gk1o2il-abcde "), "GK10211-ABCDE");
    }
}
