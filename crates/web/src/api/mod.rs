//! The JSON API (`/api/v1`), described by an OpenAPI document at `/api/openapi.json` with
//! Swagger UI at `/api/docs`. Public calls (apply, track, deadline) need no account; staff calls
//! use the login session. Mutating staff calls accept only `application/json`, which a foreign
//! page cannot send without a CORS preflight this server never grants: that is their CSRF guard.

use utoipa::OpenApi;

use crate::actions::ActionForm;
use crate::auth::Staff;
use crate::error::{ApiError, ErrorBody};
use crate::state::AppState;

mod admin;
mod public;
mod staff;

pub use admin::*;
pub use public::*;
pub use staff::*;

/// A member of staff for the API: a missing login is a 401 with a JSON body, not a redirect.
pub struct ApiStaff(pub Staff);

impl axum::extract::FromRequestParts<AppState> for ApiStaff {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &AppState,
    ) -> Result<ApiStaff, ApiError> {
        Staff::from_request_parts(parts, state)
            .await
            .map(ApiStaff)
            .map_err(ApiError)
    }
}

#[derive(OpenApi)]
#[openapi(
    info(title = "gongkai 政府信息公开工作系统 API", version = "1"),
    paths(
        agencies,
        apply,
        track,
        deadline,
        login,
        dashboard,
        cases,
        case,
        act,
        assign,
        split,
        letter,
        appeal,
        register,
        calendar_year,
        yearly,
        templates,
        put_template,
        settings,
        users,
        add_user,
        reset_user
    ),
    components(schemas(
        ErrorBody,
        ApplicationBody,
        Receipt,
        Status,
        Deadline,
        LoginBody,
        CaseJson,
        ActionForm,
        Dashboard,
        Row,
        CaseList,
        AssignBody,
        SplitBody,
        Created,
        LetterBody,
        LetterJson,
        AppealBody,
        RegistrationBody,
        TemplateJson,
        SettingsBody,
        UserJson,
        crate::users::Account,
        NewPassword
    ))
)]
pub struct ApiDoc;
