//! Issuing letters: the words come from `cases::letters` (the agency's template or the built-in
//! one), the facts from the case; the issued text is stored with its reference number, then shown
//! as an HTML preview or downloaded as DOCX in the GB/T 9704 layout.

use std::io::Cursor;

use axum::Form;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Redirect, Response};
use calendar::Date;
use cases::letters::{LetterKind, decision, fill};
use cases::{Case, Fee, State as CaseState};
use docx_rs::{AlignmentType, Docx, PageMargin, Paragraph, Run, RunFonts};
use serde::{Deserialize, Serialize};
use storage::{Agency, CaseId, CaseRecord, LetterId, NewLetter, Private, Store};

use crate::auth::Staff;
use crate::error::WebError;
use crate::pages::{LetterPage, render};
use crate::service::{self, Origin};
use crate::state::AppState;

/// A letter as issued, stored as JSON: its words never change afterwards.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Issued {
    pub title: String,
    pub ref_no: String,
    pub paragraphs: Vec<String>,
    pub agency: String,
    pub date: String,
}

pub fn title_of(kind: &str) -> String {
    parse_kind(kind).map_or_else(|| kind.to_string(), |k| k.title().to_string())
}

pub fn parse_kind(raw: &str) -> Option<LetterKind> {
    use serde::de::value::{Error, StrDeserializer};
    LetterKind::deserialize(StrDeserializer::<Error>::new(raw)).ok()
}

/// 凫政公复〔2025〕3号
pub fn reference(agency: &Agency, kind: LetterKind, year: i16, n: i64) -> String {
    let prefix = if agency.letter_prefix.trim().is_empty() {
        "政信公"
    } else {
        agency.letter_prefix.trim()
    };
    format!("{prefix}{}〔{year}〕{n}号", kind.ref_char())
}

fn chinese_date(d: Date) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// The facts of the case by placeholder name.
pub fn facts(
    kind: LetterKind,
    record: &CaseRecord,
    private: &Private,
    agency: &Agency,
    extra: &str,
) -> impl Fn(&str) -> Option<String> {
    let case: Case = record.case.clone();
    let name = private.applicant.name.clone();
    let request = private.request.description.clone();
    let delivery = private.request.delivery.label();
    let code = record.tracking_code.clone();
    let due = record.due.map_or_else(|| "—".into(), chinese_date);
    let review = if agency.review_body.trim().is_empty() {
        "有管辖权的行政复议机关".to_string()
    } else {
        agency.review_body.clone()
    };
    let extra = extra.trim().to_string();
    // A decision notice to a third party takes its name on the first line, the reasons after.
    let (first_line, rest) = match extra.split_once('\n') {
        Some((a, b)) => (a.trim().to_string(), b.trim().to_string()),
        None => (extra.clone(), String::new()),
    };
    move |k: &str| {
        Some(match k {
            "申请人" => name.clone(),
            "收到日期" => chinese_date(case.received),
            "申请内容" => request.clone(),
            "查询码" => code.clone(),
            "答复期限" => due.clone(),
            "第三方" if kind == LetterKind::ThirdPartyDecision => first_line.clone(),
            "补正事项" | "延期理由" | "第三方" => extra.clone(),
            "理由" => match kind {
                LetterKind::Reply if extra.is_empty() => String::new(),
                LetterKind::Reply => format!("理由：{extra}"),
                LetterKind::ThirdPartyDecision => rest.clone(),
                _ => extra.clone(),
            },
            "延长天数" => case.clock.extension().unwrap_or(0).to_string(),
            "费用" => case
                .fee
                .as_ref()
                .and_then(|f| f.amount().ok())
                .map_or_else(|| "—".into(), |n| format!("{n}元")),
            "计费方式" => case.fee.as_ref().map_or_else(|| "—".into(), Fee::describe),
            "决定" => case.outcome.map(decision).unwrap_or_default().to_string(),
            "依据" => case
                .outcome
                .map(|o| o.basis())
                .unwrap_or_default()
                .to_string(),
            "获取方式" => match case.outcome.map(|o| o.row()) {
                Some(report::model::RowKey::Granted | report::model::RowKey::PartlyGranted) => {
                    format!("本机关将按您选择的“{delivery}”方式提供上述信息。")
                }
                _ => String::new(),
            },
            "复议机关" => review.clone(),
            _ => return None,
        })
    }
}

#[derive(Deserialize)]
pub struct IssueForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    extra: String,
}

pub async fn issue(
    State(state): State<AppState>,
    staff: Staff,
    origin: Origin,
    Path(id): Path<i64>,
    Form(form): Form<IssueForm>,
) -> Result<Redirect, WebError> {
    staff.check_csrf(&form.csrf).await?;
    let (letter_id, _) =
        issue_letter(&state, &staff, CaseId(id), &form.kind, &form.extra, &origin).await?;
    Ok(Redirect::to(&format!("/staff/letters/{}", letter_id.0)))
}

/// Issues a letter: checks the case is ready for it, numbers it, fills the template and stores
/// the result (shared by the case page and the API).
pub async fn issue_letter(
    state: &AppState,
    staff: &Staff,
    case: CaseId,
    kind: &str,
    extra: &str,
    origin: &Origin,
) -> Result<(LetterId, Issued), WebError> {
    let kind = parse_kind(kind).ok_or_else(|| WebError::Refused("请选择文书种类".into()))?;
    let (record, private) = service::view(state, staff, case, origin).await?;
    let Some(private) = private.filter(|_| staff.can_act(record.agency)) else {
        return Err(WebError::Forbidden);
    };
    let letter = compose(state, kind, &record, &private, extra).await?;
    let body = serde_json::to_string(&letter).map_err(WebError::internal)?;
    let new = NewLetter {
        case: record.id,
        kind: &crate::pages::key(kind),
        ref_no: &letter.ref_no,
        issued: state.today(),
        body: &body,
    };
    let letter_id = state.store.add_letter(&new).await?;
    let action = format!("letter:{}", letter.ref_no);
    service::audit(state, &staff.user.login, &action, record.id, origin).await?;
    Ok((letter_id, letter))
}

pub async fn compose(
    state: &AppState,
    kind: LetterKind,
    record: &CaseRecord,
    private: &Private,
    extra: &str,
) -> Result<Issued, WebError> {
    if kind == LetterKind::Reply
        && !matches!(
            record.case.state,
            CaseState::Approved | CaseState::Sent | CaseState::Closed
        )
    {
        return Err(WebError::Refused(
            "答复书须在答复结果经负责人审批后出具".into(),
        ));
    }
    // A reply that withholds anything must say why (条例第三十六条第三项).
    let needs_extra = match kind {
        LetterKind::Reply => record
            .case
            .outcome
            .is_some_and(|o| o.row() != report::model::RowKey::Granted),
        _ => !kind.inputs().is_empty(),
    };
    if needs_extra && extra.trim().is_empty() {
        return Err(WebError::Refused(format!(
            "请填写：{}",
            kind.inputs().join("、")
        )));
    }
    let agency = state.store.agency(record.agency).await?;
    let template = match state
        .store
        .template(record.agency, &crate::pages::key(kind))
        .await?
    {
        Some(t) => t,
        None => kind.default_template().to_string(),
    };
    let paragraphs = fill(
        kind,
        &template,
        facts(kind, record, private, &agency, extra),
    )
    .map_err(|e| WebError::Refused(e.to_string()))?;
    let today = state.today();
    let n = state
        .store
        .next_ref(record.agency, today.year(), kind.ref_char())
        .await?;
    Ok(Issued {
        title: kind.title().to_string(),
        ref_no: reference(&agency, kind, today.year(), n),
        paragraphs,
        agency: agency.name,
        date: chinese_date(today),
    })
}

/// The letter, if this member of staff may read its addressee's details.
async fn load(
    state: &AppState,
    staff: &Staff,
    id: i64,
    origin: &Origin,
) -> Result<Issued, WebError> {
    let letter = state.store.letter(LetterId(id)).await?;
    let (_, private) = service::view(state, staff, letter.case, origin).await?;
    if private.is_none() {
        return Err(WebError::Forbidden);
    }
    serde_json::from_str(&letter.body).map_err(WebError::internal)
}

pub async fn preview(
    State(state): State<AppState>,
    staff: Staff,
    origin: Origin,
    Path(id): Path<i64>,
) -> Result<Html<String>, WebError> {
    let l = load(&state, &staff, id, &origin).await?;
    Ok(Html(render(&LetterPage {
        title: l.title,
        ref_no: l.ref_no,
        paragraphs: l.paragraphs,
        agency: l.agency,
        date: l.date,
    })))
}

pub async fn download(
    State(state): State<AppState>,
    staff: Staff,
    origin: Origin,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let l = load(&state, &staff, id, &origin).await?;
    let bytes = docx(&l)?;
    let name = format!("letter-{id}.docx");
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                    .to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}

const TITLE_FONT: &str = "方正小标宋简体";
const BODY_FONT: &str = "仿宋_GB2312";
const BODY_SIZE: usize = 32;
const TITLE_SIZE: usize = 44;

fn run(text: &str, font: &str, size: usize) -> Run {
    let fonts = RunFonts::new()
        .east_asia(font)
        .ascii("Times New Roman")
        .hi_ansi("Times New Roman");
    Run::new().add_text(text).fonts(fonts).size(size)
}

/// GB/T 9704: A4, 小标宋 title, 仿宋 三号 body with two-character indents, signature and date
/// on the right with room for the seal.
pub fn docx(l: &Issued) -> Result<Vec<u8>, WebError> {
    let centered = |text: &str, font: &str, size: usize| {
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(run(text, font, size))
    };
    let mut doc = Docx::new()
        .page_size(11906, 16838)
        .page_margin(
            PageMargin::new()
                .top(2098)
                .bottom(1984)
                .left(1588)
                .right(1474),
        )
        .add_paragraph(centered(&l.title, TITLE_FONT, TITLE_SIZE))
        .add_paragraph(centered(&l.ref_no, BODY_FONT, BODY_SIZE));
    for (i, p) in l.paragraphs.iter().enumerate() {
        let para = Paragraph::new().add_run(run(p, BODY_FONT, BODY_SIZE));
        doc = doc.add_paragraph(if i == 0 {
            para
        } else {
            para.first_line_chars(200)
        });
    }
    for line in ["", "（印章）", l.agency.as_str(), l.date.as_str()] {
        doc = doc.add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Right)
                .add_run(run(line, BODY_FONT, BODY_SIZE)),
        );
    }
    let mut out = Cursor::new(Vec::new());
    doc.build().pack(&mut out).map_err(WebError::internal)?;
    Ok(out.into_inner())
}
