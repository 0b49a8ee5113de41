//! Logging in and out. Wrong credentials get one message whichever part was wrong; repeated
//! attempts are slowed by the rate limiter in front of this route.

use axum::Form;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Redirect, Response};
use storage::Store;
use tower_sessions::Session;

use crate::auth::{self, check_csrf, csrf_token, log_in, log_out, verify_password};
use crate::error::WebError;
use crate::pages::{Login, render};
use crate::service::Origin;
use crate::state::AppState;

pub async fn login_form(session: Session) -> Result<Html<String>, WebError> {
    let csrf = csrf_token(&session).await?;
    Ok(Html(render(&Login { csrf, error: None })))
}

#[derive(serde::Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    login: String,
    #[serde(default)]
    password: String,
}

pub async fn login_submit(
    State(state): State<AppState>,
    session: Session,
    origin: Origin,
    Form(form): Form<LoginForm>,
) -> Result<Response, WebError> {
    check_csrf(&session, &form.csrf).await?;
    let user = state.store.user_by_login(form.login.trim()).await?;
    match user {
        Some(user) if verify_password(&form.password, &user.password_hash) => {
            log_in(&session, &user).await?;
            tracing::info!(login = %user.login, origin = %origin.0, "logged in");
            Ok(Redirect::to("/staff").into_response())
        }
        _ => {
            tracing::warn!(origin = %origin.0, "failed login");
            let page = Login {
                csrf: csrf_token(&session).await?,
                error: Some("用户名或密码不正确".into()),
            };
            Ok((axum::http::StatusCode::UNAUTHORIZED, Html(render(&page))).into_response())
        }
    }
}

#[derive(serde::Deserialize)]
pub struct CsrfOnly {
    #[serde(default)]
    pub csrf: String,
}

pub async fn logout(session: Session, Form(form): Form<CsrfOnly>) -> Result<Redirect, WebError> {
    auth::check_csrf(&session, &form.csrf).await?;
    log_out(&session).await?;
    Ok(Redirect::to("/"))
}
