//! E-mail reminders (off unless an SMTP relay is configured): each handler with an address gets
//! one message listing their cases that are overdue or fall due within three working days. The
//! message names cases by tracking code and due date only — no applicant data leaves by mail.

use std::collections::BTreeMap;

use calendar::WorkingDays;
use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Mailbox, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use storage::{CaseRow, Store, UserId};

use crate::error::WebError;
use crate::state::AppState;

/// Where reminders go out: a plain SMTP relay (the usual internal mail gateway) and the sender.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Mailer {
    /// `smtp://host[:port]` (port 25 by default) and the sender's address.
    pub fn new(url: &str, from: &str) -> Result<Mailer, WebError> {
        let rest = url
            .strip_prefix("smtp://")
            .ok_or_else(|| WebError::Refused(format!("邮件服务器地址应以 smtp:// 开头：{url}")))?;
        let (host, port) = match rest.trim_end_matches('/').rsplit_once(':') {
            Some((h, p)) => (
                h,
                p.parse::<u16>()
                    .map_err(|_| WebError::Refused(format!("邮件服务器端口有误：{url}")))?,
            ),
            None => (rest.trim_end_matches('/'), 25),
        };
        // Without a TLS feature the builder speaks plain SMTP, as an internal relay expects.
        let transport = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
            .port(port)
            .build();
        let from = from
            .parse()
            .map_err(|_| WebError::Refused(format!("发件人地址有误：{from}")))?;
        Ok(Mailer { transport, from })
    }
}

/// One reminder: to whom, and the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reminder {
    pub to: String,
    pub subject: String,
    pub body: String,
}

fn line(r: &CaseRow) -> String {
    let due = r.due.map(|d| d.to_string()).unwrap_or_default();
    format!("  {}  {}  答复期限 {due}", r.tracking_code, r.state.label())
}

/// The reminders due today, one per handler with an e-mail address and something pressing.
pub async fn due_reminders(state: &AppState) -> Result<Vec<Reminder>, WebError> {
    let today = state.today();
    let soon = state
        .calendar()
        .add_working_days(today, WorkingDays::new(3)?)?;
    let mut out = Vec::new();
    for agency in state.store.agencies().await? {
        let mut by_handler: BTreeMap<UserId, (Vec<String>, Vec<String>)> = BTreeMap::new();
        for row in state.store.dashboard(agency.id, soon).await? {
            let (Some(handler), Some(due)) = (row.handler, row.due) else {
                continue;
            };
            let entry = by_handler.entry(handler).or_default();
            if due < today {
                entry.0.push(line(&row));
            } else {
                entry.1.push(line(&row));
            }
        }
        for (handler, (overdue, soon_due)) in by_handler {
            let user = state.store.user(handler).await?;
            let Some(to) = user.email.filter(|e| !e.trim().is_empty()) else {
                continue;
            };
            let mut body = format!(
                "{}：\n\n截至{today}，您承办的政府信息公开申请中：\n",
                user.name
            );
            if !overdue.is_empty() {
                body.push_str(&format!(
                    "\n已超过答复期限（{}件）：\n{}\n",
                    overdue.len(),
                    overdue.join("\n")
                ));
            }
            if !soon_due.is_empty() {
                body.push_str(&format!(
                    "\n3个工作日内到期（{}件）：\n{}\n",
                    soon_due.len(),
                    soon_due.join("\n")
                ));
            }
            body.push_str("\n请登录政府信息公开工作系统办理。本邮件由系统自动发送。\n");
            out.push(Reminder {
                to,
                subject: format!(
                    "【{}】政府信息公开申请到期提醒：超期{}件，即将到期{}件",
                    agency.name,
                    overdue.len(),
                    soon_due.len()
                ),
                body,
            });
        }
    }
    Ok(out)
}

/// Sends today's reminders; returns how many went out. A message that fails is logged and the
/// rest still go.
pub async fn send_reminders(state: &AppState, mailer: &Mailer) -> Result<usize, WebError> {
    let mut sent = 0;
    for r in due_reminders(state).await? {
        let Ok(to) = r.to.parse::<Mailbox>() else {
            tracing::warn!("a handler's e-mail address is malformed; reminder skipped");
            continue;
        };
        let message = Message::builder()
            .from(mailer.from.clone())
            .to(to)
            .subject(r.subject)
            .singlepart(
                // Quoted-printable keeps the tracking codes legible in any mail client's source.
                SinglePart::builder()
                    .header(ContentType::TEXT_PLAIN)
                    .header(ContentTransferEncoding::QuotedPrintable)
                    .body(r.body),
            )
            .map_err(WebError::internal)?;
        match mailer.transport.send(message).await {
            Ok(_) => sent += 1,
            Err(e) => tracing::error!(%e, "reminder not sent"),
        }
    }
    Ok(sent)
}

/// Sends reminders now and then every day, for as long as the server runs.
pub fn spawn_daily(state: AppState, mailer: Mailer) {
    tokio::spawn(async move {
        loop {
            match send_reminders(&state, &mailer).await {
                Ok(n) => tracing::info!(sent = n, "reminders"),
                Err(e) => tracing::error!(%e, "reminders failed"),
            }
            tokio::time::sleep(std::time::Duration::from_secs(24 * 3600)).await;
        }
    });
}
