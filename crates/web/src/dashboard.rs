//! The staff home page: what is overdue, what falls due within three working days, what waits
//! for the applicant or a third party, and how the open cases are spread over the handlers.

use std::collections::HashMap;

use axum::extract::State;
use axum::response::Html;
use calendar::{Date, WorkingDays};
use storage::{AgencyId, CaseRow, Store, UserId};

use crate::auth::{Staff, csrf_token};
use crate::error::WebError;
use crate::pages::{Board, Dashboard, RowView, render};
use crate::state::AppState;

/// Names to show in lists, looked up once per page.
pub struct Names {
    agencies: HashMap<AgencyId, String>,
    users: HashMap<UserId, String>,
}

impl Names {
    pub async fn load(state: &AppState, staff: &Staff) -> Result<Names, WebError> {
        let agencies = state.store.agencies().await?;
        let mut users = HashMap::new();
        for a in &staff.visible {
            for u in state.store.users(*a).await? {
                users.insert(u.id, u.name);
            }
        }
        Ok(Names {
            agencies: agencies.into_iter().map(|a| (a.id, a.name)).collect(),
            users,
        })
    }

    pub fn agency(&self, id: AgencyId) -> String {
        self.agencies.get(&id).cloned().unwrap_or_default()
    }

    pub fn user(&self, id: Option<UserId>) -> String {
        id.and_then(|id| self.users.get(&id).cloned())
            .unwrap_or_else(|| "（未分配）".into())
    }

    pub fn row(&self, r: &CaseRow, today: Date) -> RowView {
        RowView {
            id: r.id.0,
            code: r.tracking_code.clone(),
            agency: self.agency(r.agency),
            received: r.received.to_string(),
            state: r.state.label().to_string(),
            due: r.due.map_or_else(|| "暂停计时".into(), |d| d.to_string()),
            overdue: r.due.is_some_and(|d| d < today),
            handler: self.user(r.handler),
        }
    }
}

/// The dashboard's three lists for the given agencies.
pub struct Lists {
    pub overdue: Vec<CaseRow>,
    pub soon: Vec<CaseRow>,
    pub waiting: Vec<CaseRow>,
}

/// The lists for what `staff` may see: their agency, or a supervisor's whole subtree.
pub async fn lists(state: &AppState, staff: &Staff) -> Result<Lists, WebError> {
    let today = state.today();
    let soon_until = state
        .calendar()
        .add_working_days(today, WorkingDays::new(3)?)?;
    let mut out = Lists {
        overdue: Vec::new(),
        soon: Vec::new(),
        waiting: Vec::new(),
    };
    // One indexed query per agency (a covering partial index): cheaper than one query over a
    // supervisor's whole subtree, which the planners cannot serve from that index.
    for agency in &staff.visible {
        for row in state.store.dashboard(*agency, soon_until).await? {
            match row.due {
                Some(d) if d < today => out.overdue.push(row),
                Some(_) => out.soon.push(row),
                None => out.waiting.push(row),
            }
        }
    }
    Ok(out)
}

pub async fn dashboard(
    State(state): State<AppState>,
    staff: Staff,
) -> Result<Html<String>, WebError> {
    let today = state.today();
    let names = Names::load(&state, &staff).await?;
    let l = lists(&state, &staff).await?;
    let rows = |v: &[CaseRow]| v.iter().map(|r| names.row(r, today)).collect();
    let mut by_handler = Vec::new();
    for agency in &staff.visible {
        for (h, n) in state.store.open_by_handler(*agency).await? {
            by_handler.push((names.user(h), n));
        }
    }
    let page = Dashboard {
        csrf: csrf_token(&staff.session).await?,
        user_name: staff.user.name.clone(),
        agency: staff.agency.name.clone(),
        today: today.to_string(),
        boards: vec![
            Board {
                id: "overdue",
                title: "已超期",
                rows: rows(&l.overdue),
            },
            Board {
                id: "due-soon",
                title: "3个工作日内到期",
                rows: rows(&l.soon),
            },
            Board {
                id: "waiting",
                title: "等待申请人或第三方（暂停计时）",
                rows: rows(&l.waiting),
            },
        ],
        by_handler,
    };
    Ok(Html(render(&page)))
}
