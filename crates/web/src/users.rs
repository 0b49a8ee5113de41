//! An agency admin's accounts page: the agency's staff, a new account, a password reset. New
//! passwords are generated and shown once; only their argon2 hashes are kept.

use axum::Form;
use axum::extract::{Path, State};
use axum::response::Html;
use cases::Role;
use cases::request::Email;
use storage::{NewUser, Store, UserId};

use crate::auth::{Staff, csrf_token, hash_password, new_password};
use crate::error::WebError;
use crate::pages::{self, UsersPage, render};
use crate::state::AppState;

/// The roles an agency admin may hand out (supervisors belong to the agency above).
const ROLES: [Role; 4] = [
    Role::Registrar,
    Role::Handler,
    Role::Approver,
    Role::AgencyAdmin,
];

async fn page(
    state: &AppState,
    staff: &Staff,
    notice: Option<String>,
    errors: Vec<String>,
) -> Result<Html<String>, WebError> {
    let users = state.store.users(staff.user.agency).await?;
    Ok(Html(render(&UsersPage {
        csrf: csrf_token(&staff.session).await?,
        user_name: staff.user.name.clone(),
        agency: staff.agency.name.clone(),
        notice,
        errors,
        users: users
            .into_iter()
            .map(|u| {
                (
                    u.id.0,
                    u.login,
                    u.name,
                    u.role.label().to_string(),
                    u.email.unwrap_or_default(),
                )
            })
            .collect(),
        roles: ROLES
            .iter()
            .map(|r| (pages::key(r), r.label().to_string()))
            .collect(),
    })))
}

fn admin_only(staff: &Staff) -> Result<(), WebError> {
    if staff.is_admin() {
        Ok(())
    } else {
        Err(WebError::Forbidden)
    }
}

pub async fn list(State(state): State<AppState>, staff: Staff) -> Result<Html<String>, WebError> {
    admin_only(&staff)?;
    page(&state, &staff, None, Vec::new()).await
}

#[derive(serde::Deserialize)]
pub struct NewUserForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    login: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    email: String,
}

/// The form's problems, all at once.
fn check(form: &NewUserForm) -> (Vec<String>, Option<Role>, Option<Email>) {
    let mut errors = Vec::new();
    let login = form.login.trim();
    if login.is_empty()
        || login.len() > 40
        || !login
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        errors.push("用户名：1到40位字母、数字、连字符或下划线".to_string());
    }
    let name = form.name.trim();
    if name.is_empty() || name.chars().count() > 40 || name.chars().any(char::is_control) {
        errors.push("姓名：不能为空，最多40字".to_string());
    }
    let role = ROLES.iter().copied().find(|r| pages::key(r) == form.role);
    if role.is_none() {
        errors.push("角色：请从列表中选择".to_string());
    }
    let email = match form.email.trim() {
        "" => None,
        raw => match Email::parse(raw) {
            Ok(e) => Some(e),
            Err(e) => {
                errors.push(e.to_string());
                None
            }
        },
    };
    (errors, role, email)
}

pub async fn add(
    State(state): State<AppState>,
    staff: Staff,
    Form(form): Form<NewUserForm>,
) -> Result<Html<String>, WebError> {
    staff.check_csrf(&form.csrf).await?;
    admin_only(&staff)?;
    let (errors, role, email) = check(&form);
    let Some(role) = role.filter(|_| errors.is_empty()) else {
        return page(&state, &staff, None, errors).await;
    };
    let password = new_password()?;
    let hash = hash_password(&password)?;
    let new = NewUser {
        agency: staff.user.agency,
        login: form.login.trim(),
        name: form.name.trim(),
        role,
        password_hash: &hash,
        email: email.as_ref().map(Email::as_str),
    };
    match state.store.create_user(&new).await {
        Ok(_) => {
            let notice = format!(
                "已添加账号 {}，初始密码 {password}（只显示这一次，请当面转交）",
                new.login
            );
            page(&state, &staff, Some(notice), Vec::new()).await
        }
        Err(e) if e.is_conflict() => {
            page(
                &state,
                &staff,
                None,
                vec![format!("用户名 {} 已被使用", new.login)],
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn reset(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    Form(form): Form<crate::login::CsrfOnly>,
) -> Result<Html<String>, WebError> {
    staff.check_csrf(&form.csrf).await?;
    admin_only(&staff)?;
    let user = state.store.user(UserId(id)).await?;
    if user.agency != staff.user.agency {
        return Err(WebError::NotFound);
    }
    let password = new_password()?;
    state
        .store
        .set_password(user.id, &hash_password(&password)?)
        .await?;
    let notice = format!("已重置 {} 的密码为 {password}（只显示这一次）", user.login);
    page(&state, &staff, Some(notice), Vec::new()).await
}
