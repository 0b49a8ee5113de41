//! The HTML pages (askama templates in `templates/`) and the view values they show. Views hold
//! display-ready text, so the templates stay free of logic.

use askama::Template;
use cases::{ApplicantKind, Delivery, DocKind, InfoForm};
use serde::Serialize;

/// Renders a page; a template error is logged and shown as a plain apology, never a panic.
pub fn render<T: Template>(page: &T) -> String {
    page.render().unwrap_or_else(|e| {
        tracing::error!(%e, "template failed");
        "<!doctype html><meta charset=utf-8><p>页面生成失败，请稍后再试。</p>".to_string()
    })
}

/// A unit enum variant's serde name, as forms send it back.
pub fn key<T: Serialize>(v: T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

pub type Options = Vec<(String, String)>;

pub fn kinds() -> Options {
    ApplicantKind::ALL
        .iter()
        .map(|k| (key(k), k.label().to_string()))
        .collect()
}
pub fn doc_kinds() -> Options {
    DocKind::ALL
        .iter()
        .map(|k| (key(k), k.label().to_string()))
        .collect()
}
pub fn forms() -> Options {
    InfoForm::ALL
        .iter()
        .map(|k| (key(k), k.label().to_string()))
        .collect()
}
pub fn deliveries() -> Options {
    Delivery::ALL
        .iter()
        .map(|k| (key(k), k.label().to_string()))
        .collect()
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub status: u16,
    pub messages: Vec<String>,
}

#[derive(Template)]
#[template(path = "home.html")]
pub struct Home {
    pub agencies: Vec<(i64, String)>,
}

/// The application form's fields as typed, to show them again next to the errors.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct ApplyForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub doc_kind: String,
    #[serde(default)]
    pub doc_number: String,
    #[serde(default)]
    pub contact_person: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub form: String,
    #[serde(default)]
    pub delivery: String,
    /// Staff registration only: how it arrived and the receipt date.
    #[serde(default)]
    pub channel: String,
    #[serde(default)]
    pub date: String,
}

impl ApplyForm {
    pub fn raw(&self) -> cases::RawApplication {
        let some = |s: &str| Some(s.to_string());
        cases::RawApplication {
            kind: self.kind.clone(),
            name: self.name.clone(),
            doc_kind: self.doc_kind.clone(),
            doc_number: self.doc_number.clone(),
            contact_person: some(&self.contact_person),
            phone: some(&self.phone),
            email: some(&self.email),
            address: some(&self.address),
            description: self.description.clone(),
            form: self.form.clone(),
            delivery: self.delivery.clone(),
        }
    }
}

#[derive(Template)]
#[template(path = "apply.html")]
pub struct Apply {
    pub agency_id: i64,
    pub agency: String,
    pub csrf: String,
    pub form: ApplyForm,
    pub errors: Vec<String>,
    pub kinds: Options,
    pub doc_kinds: Options,
    pub forms: Options,
    pub deliveries: Options,
}

#[derive(Template)]
#[template(path = "receipt.html")]
pub struct Receipt {
    pub agency: String,
    pub code: String,
    pub received: String,
    pub due: String,
}

pub struct PublicStatus {
    pub code: String,
    pub agency: String,
    pub received: String,
    pub state: String,
    pub due: String,
    pub outcome: Option<String>,
}

#[derive(Template)]
#[template(path = "track.html")]
pub struct Track {
    pub code: String,
    pub status: Option<PublicStatus>,
}

#[derive(Template)]
#[template(path = "login.html")]
pub struct Login {
    pub csrf: String,
    pub error: Option<String>,
}

/// One line of a case list.
pub struct RowView {
    pub id: i64,
    pub code: String,
    pub agency: String,
    pub received: String,
    pub state: String,
    pub due: String,
    pub overdue: bool,
    pub handler: String,
}

pub struct Board {
    pub id: &'static str,
    pub title: &'static str,
    pub rows: Vec<RowView>,
}

#[derive(Template)]
#[template(path = "dashboard.html")]
pub struct Dashboard {
    pub csrf: String,
    pub user_name: String,
    pub agency: String,
    pub today: String,
    pub boards: Vec<Board>,
    pub by_handler: Vec<(String, i64)>,
}

#[derive(Template)]
#[template(path = "cases.html")]
pub struct CaseList {
    pub csrf: String,
    pub user_name: String,
    pub agency: String,
    pub total: i64,
    pub rows: Vec<RowView>,
    pub page: i64,
    pub has_more: bool,
}

pub struct PrivateView {
    pub name: String,
    pub document: String,
    pub contact_person: String,
    pub phone: String,
    pub email: String,
    pub address: String,
    pub channel: String,
    pub description: String,
    pub form: String,
    pub delivery: String,
}

/// A step offered on the case page, with the inputs it needs.
pub struct ActionView {
    pub key: &'static str,
    pub label: &'static str,
    pub date: bool,
    pub pause: bool,
    pub days: bool,
    pub outcome: bool,
    pub fee: bool,
}

#[derive(Template)]
#[template(path = "case.html")]
pub struct CasePage {
    pub csrf: String,
    pub user_name: String,
    pub id: i64,
    pub code: String,
    pub notice: Option<String>,
    pub agency: String,
    pub applicant_kind: String,
    pub received: String,
    pub state: String,
    pub due: String,
    pub overdue: bool,
    pub outcome: Option<String>,
    pub fee: Option<String>,
    pub handler: String,
    pub explanation: Vec<String>,
    pub private: Option<PrivateView>,
    pub can_act: bool,
    pub today: String,
    pub actions: Vec<ActionView>,
    pub outcomes: Options,
    pub handlers: Vec<(i64, String)>,
    /// (id, title, reference number, date)
    pub letters: Vec<(i64, String, String, String)>,
    pub letter_kinds: Options,
    /// (time, who, what, from where)
    pub audit: Vec<(String, String, String, String)>,
    /// (id, kind, filed, result, still open)
    pub appeals: Vec<(i64, String, String, String, bool)>,
    pub appeal_kinds: Options,
    pub appeal_results: Options,
}

#[derive(Template)]
#[template(path = "register.html")]
pub struct Register {
    pub csrf: String,
    pub user_name: String,
    pub form: ApplyForm,
    pub errors: Vec<String>,
    pub channels: Options,
    pub kinds: Options,
    pub doc_kinds: Options,
    pub forms: Options,
    pub deliveries: Options,
}

#[derive(Template)]
#[template(path = "letter.html")]
pub struct LetterPage {
    pub title: String,
    pub ref_no: String,
    pub paragraphs: Vec<String>,
    pub agency: String,
    pub date: String,
}

#[derive(Template)]
#[template(path = "calendar.html")]
pub struct CalendarPage {
    pub csrf: String,
    pub user_name: String,
    pub notice: Option<String>,
    pub errors: Vec<String>,
    pub years: Vec<(i16, String)>,
    pub can_edit: bool,
    pub example: String,
    pub from: String,
    pub days: u16,
    pub explanation: Vec<String>,
}

pub struct TemplateView {
    pub kind: String,
    pub title: &'static str,
    pub fields: String,
    pub body: String,
    pub custom: bool,
}

#[derive(Template)]
#[template(path = "templates_admin.html")]
pub struct TemplatesPage {
    pub csrf: String,
    pub user_name: String,
    pub notice: Option<String>,
    pub errors: Vec<String>,
    pub letter_prefix: String,
    pub review_body: String,
    pub templates: Vec<TemplateView>,
}

#[derive(Template)]
#[template(path = "users.html")]
pub struct UsersPage {
    pub csrf: String,
    pub user_name: String,
    pub agency: String,
    pub notice: Option<String>,
    pub errors: Vec<String>,
    /// (id, login, name, role, e-mail)
    pub users: Vec<(i64, String, String, String, String)>,
    pub roles: Options,
}
