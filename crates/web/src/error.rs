//! One error type for the whole server. Each variant maps to a status code and a message a clerk
//! or an applicant understands; internal causes are logged, never shown.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use cases::{CaseError, FieldError};
use storage::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error("请先登录")]
    LoginRequired,
    #[error("用户名或密码不正确")]
    BadLogin,
    #[error("没有权限查看或办理该事项")]
    Forbidden,
    #[error("找不到该记录")]
    NotFound,
    #[error("提交的内容有误")]
    Invalid(Vec<FieldError>),
    #[error("{0}")]
    Refused(String),
    #[error("该记录已存在：{0}")]
    Conflict(String),
    #[error("表单已过期或来源不明，请刷新页面后重新提交")]
    Csrf,
    #[error("系统内部错误，请稍后再试；如反复出现，请联系系统管理员")]
    Internal(String),
}

impl WebError {
    pub fn status(&self) -> StatusCode {
        match self {
            WebError::LoginRequired | WebError::BadLogin => StatusCode::UNAUTHORIZED,
            WebError::Forbidden | WebError::Csrf => StatusCode::FORBIDDEN,
            WebError::NotFound => StatusCode::NOT_FOUND,
            WebError::Invalid(_) | WebError::Refused(_) => StatusCode::UNPROCESSABLE_ENTITY,
            WebError::Conflict(_) => StatusCode::CONFLICT,
            WebError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// Every message the user should read, field by field where there are fields.
    pub fn messages(&self) -> Vec<String> {
        match self {
            WebError::Invalid(errors) => errors.iter().map(ToString::to_string).collect(),
            other => vec![other.to_string()],
        }
    }

    pub fn internal(cause: impl std::fmt::Display) -> WebError {
        WebError::Internal(cause.to_string())
    }
}

impl From<StoreError> for WebError {
    fn from(e: StoreError) -> WebError {
        match e {
            StoreError::NotFound => WebError::NotFound,
            e if e.is_conflict() => WebError::Conflict("重复提交".into()),
            e => WebError::internal(e),
        }
    }
}

impl From<CaseError> for WebError {
    fn from(e: CaseError) -> WebError {
        match e {
            CaseError::ReadOnly | CaseError::NeedsApprover => WebError::Refused(e.to_string()),
            e => WebError::Refused(e.to_string()),
        }
    }
}

impl From<calendar::CalendarError> for WebError {
    fn from(e: calendar::CalendarError) -> WebError {
        WebError::Refused(e.to_string())
    }
}

impl From<tower_sessions::session::Error> for WebError {
    fn from(e: tower_sessions::session::Error) -> WebError {
        WebError::internal(e)
    }
}

fn log(e: &WebError) {
    if let WebError::Internal(cause) = e {
        tracing::error!(%cause, "request failed");
    }
}

/// Pages: an HTML error page (or the login page, for a visitor who must log in first).
impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        log(&self);
        if matches!(self, WebError::LoginRequired) {
            return Redirect::to("/login").into_response();
        }
        let page = crate::pages::ErrorPage {
            status: self.status().as_u16(),
            messages: self.messages(),
        };
        (self.status(), Html(crate::pages::render(&page))).into_response()
    }
}

/// The JSON API's errors: `{"error": "...", "messages": [...], "fields": [...]}`.
#[derive(Debug)]
pub struct ApiError(pub WebError);

impl<E: Into<WebError>> From<E> for ApiError {
    fn from(e: E) -> ApiError {
        ApiError(e.into())
    }
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// A summary in Chinese.
    pub error: String,
    /// Every problem, field by field where the input had fields.
    pub messages: Vec<String>,
    /// The fields concerned, in the same order as `messages` (empty when not about a field).
    pub fields: Vec<String>,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let e = self.0;
        log(&e);
        let fields = match &e {
            WebError::Invalid(errors) => errors.iter().map(|f| f.field.to_string()).collect(),
            _ => Vec::new(),
        };
        let body = ErrorBody {
            error: e.to_string(),
            messages: e.messages(),
            fields,
        };
        (e.status(), Json(body)).into_response()
    }
}
