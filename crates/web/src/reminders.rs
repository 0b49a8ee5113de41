//! E-mail reminders (off unless an SMTP relay is configured): each handler with an address gets
//! one message listing their cases that are overdue or fall due within three working days. The
//! message names cases by tracking code and due date only — no applicant data leaves by mail.

use std::collections::BTreeMap;

use calendar::WorkingDays;
use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Mailbox, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use storage::{CaseRow, Store, UserId};

use crate::error::WebError;
use crate::state::AppState;

/// Where reminders go out and from whom.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

/// How the connection to the mail server is protected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Security {
    /// `smtp://`: plain SMTP, as an internal relay on the office network expects (port 25).
    Plain,
    /// `smtp://…?tls=starttls`: STARTTLS required, never a silent downgrade (port 587).
    StartTls,
    /// `smtps://`: TLS from the first byte (port 465).
    Tls,
}

/// A mail server URL taken apart: `smtp[s]://[user[:password]@]host[:port][?tls=starttls]`.
#[derive(Debug, PartialEq, Eq)]
pub struct SmtpUrl {
    pub security: Security,
    pub host: String,
    pub port: u16,
    /// Login and password, percent-decoded.
    pub credentials: Option<(String, String)>,
}

impl SmtpUrl {
    pub fn parse(raw: &str) -> Result<SmtpUrl, WebError> {
        let bad =
            |why: &str| WebError::Refused(format!("邮件服务器地址有误（{why}）：{}", redact(raw)));
        let url = url::Url::parse(raw.trim()).map_err(|_| bad("应形如 smtp://主机:端口"))?;
        let tls = url
            .query_pairs()
            .find(|(k, _)| k == "tls")
            .map(|(_, v)| v.into_owned());
        let security = match (url.scheme(), tls.as_deref()) {
            ("smtp", None | Some("none")) => Security::Plain,
            ("smtp", Some("starttls" | "required")) => Security::StartTls,
            ("smtps", None) => Security::Tls,
            ("smtp" | "smtps", Some(_)) => return Err(bad("tls 只能是 starttls")),
            _ => return Err(bad("应以 smtp:// 或 smtps:// 开头")),
        };
        let host = url
            .host_str()
            .filter(|h| !h.is_empty())
            .ok_or_else(|| bad("缺少主机名"))?
            .to_string();
        let port = url.port().unwrap_or(match security {
            Security::Plain => 25,
            Security::StartTls => 587,
            Security::Tls => 465,
        });
        let decode = |s: &str| percent_decode(s).ok_or_else(|| bad("用户名或密码的百分号编码有误"));
        let credentials = match url.username() {
            "" => None,
            user => Some((decode(user)?, decode(url.password().unwrap_or(""))?)),
        };
        Ok(SmtpUrl {
            security,
            host,
            port,
            credentials,
        })
    }
}

fn percent_decode(s: &str) -> Option<String> {
    percent_encoding::percent_decode_str(s)
        .decode_utf8()
        .ok()
        .map(|c| c.into_owned())
}

/// The URL as it may appear in a message or a log: without its password.
fn redact(raw: &str) -> String {
    match url::Url::parse(raw.trim()) {
        Ok(mut u) if u.password().is_some() => {
            let _ = u.set_password(Some("***"));
            u.to_string()
        }
        Ok(u) => u.to_string(),
        Err(_) => "（无法解析）".to_string(),
    }
}

impl Mailer {
    /// A mail server URL (see [`SmtpUrl`]) and the sender's address.
    pub fn new(url: &str, from: &str) -> Result<Mailer, WebError> {
        let u = SmtpUrl::parse(url)?;
        let tls_error = |e: lettre::transport::smtp::Error| {
            WebError::Refused(format!("无法为邮件服务器 {} 建立加密连接：{e}", u.host))
        };
        let builder = match u.security {
            Security::Plain => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&u.host),
            Security::StartTls => {
                AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&u.host).map_err(tls_error)?
            }
            Security::Tls => {
                AsyncSmtpTransport::<Tokio1Executor>::relay(&u.host).map_err(tls_error)?
            }
        };
        let mut builder = builder.port(u.port);
        if let Some((user, password)) = &u.credentials {
            builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
        }
        let from = from
            .parse()
            .map_err(|_| WebError::Refused(format!("发件人地址有误：{from}")))?;
        Ok(Mailer {
            transport: builder.build(),
            from,
        })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smtp_urls() {
        let ok = [
            (
                "smtp://mail.gov.local",
                Security::Plain,
                "mail.gov.local",
                25,
                None,
            ),
            (
                "smtp://10.0.0.5:2525/",
                Security::Plain,
                "10.0.0.5",
                2525,
                None,
            ),
            (
                "smtp://gk%40town.gov.cn:p%40ss%3Aw@mail.town.gov.cn?tls=starttls",
                Security::StartTls,
                "mail.town.gov.cn",
                587,
                Some(("gk@town.gov.cn", "p@ss:w")),
            ),
            (
                "smtps://gongkai:secret@smtp.qiye.example.cn",
                Security::Tls,
                "smtp.qiye.example.cn",
                465,
                Some(("gongkai", "secret")),
            ),
            (
                "smtps://smtp.example.cn:994",
                Security::Tls,
                "smtp.example.cn",
                994,
                None,
            ),
        ];
        for (raw, security, host, port, credentials) in ok {
            let want = SmtpUrl {
                security,
                host: host.into(),
                port,
                credentials: credentials.map(|(u, p): (&str, &str)| (u.into(), p.into())),
            };
            assert_eq!(SmtpUrl::parse(raw).ok(), Some(want), "{raw}");
        }
        let bad = [
            "mail.gov.local",
            "http://mail.gov.local",
            "smtp://",
            "smtp://mail:99999",
            "smtp://mail?tls=maybe",
            "smtps://u:secret@mail?tls=starttls",
        ];
        for raw in bad {
            let err = SmtpUrl::parse(raw)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(err.contains("邮件服务器地址有误"), "{raw}: {err}");
            assert!(!err.contains("secret"), "the password never shows: {err}");
        }
    }
}
