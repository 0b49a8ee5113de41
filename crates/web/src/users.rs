//! An agency admin's accounts page: the agency's staff, a new account, a password reset. New
//! passwords are generated and shown once; only their argon2 hashes are kept.

use axum::Form;
use axum::extract::{Path, State};
use axum::response::Html;
use cases::request::Email;
use cases::{FieldError, Role};
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

/// A new account as the form and the API send it.
#[derive(serde::Deserialize, utoipa::ToSchema)]
pub struct Account {
    /// 1–40 letters, digits, `-` or `_`
    #[serde(default)]
    pub login: String,
    #[serde(default)]
    pub name: String,
    /// registrar, handler, approver or agency_admin
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub email: String,
}

#[derive(serde::Deserialize)]
pub struct NewUserForm {
    #[serde(default)]
    csrf: String,
    #[serde(flatten)]
    account: Account,
}

fn field(field: &'static str, message: impl Into<String>) -> FieldError {
    FieldError {
        field,
        message: message.into(),
    }
}

/// The account's problems, all at once.
fn check(a: &Account) -> Result<(Role, Option<Email>), Vec<FieldError>> {
    let mut errors = Vec::new();
    let login = a.login.trim();
    if login.is_empty()
        || login.len() > 40
        || !login
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        errors.push(field("用户名", "1到40位字母、数字、连字符或下划线"));
    }
    let name = a.name.trim();
    if name.is_empty() || name.chars().count() > 40 || name.chars().any(char::is_control) {
        errors.push(field("姓名", "不能为空，最多40字"));
    }
    let role = ROLES.iter().copied().find(|r| pages::key(r) == a.role);
    if role.is_none() {
        errors.push(field("角色", "请从列表中选择"));
    }
    let email = match a.email.trim() {
        "" => None,
        raw => match Email::parse(raw) {
            Ok(e) => Some(e),
            Err(e) => {
                errors.push(e);
                None
            }
        },
    };
    match role {
        Some(role) if errors.is_empty() => Ok((role, email)),
        _ => Err(errors),
    }
}

/// Creates an account in the admin's agency; answers its id and the generated password, which
/// is shown once and never stored.
pub async fn create_account(
    state: &AppState,
    staff: &Staff,
    a: &Account,
) -> Result<(UserId, String), WebError> {
    admin_only(staff)?;
    let (role, email) = check(a).map_err(WebError::Invalid)?;
    let password = new_password()?;
    let hash = hash_password(&password)?;
    let new = NewUser {
        agency: staff.user.agency,
        login: a.login.trim(),
        name: a.name.trim(),
        role,
        password_hash: &hash,
        email: email.as_ref().map(Email::as_str),
    };
    match state.store.create_user(&new).await {
        Ok(id) => Ok((id, password)),
        Err(e) if e.is_conflict() => Err(WebError::Invalid(vec![field(
            "用户名",
            format!("{} 已被使用", new.login),
        )])),
        Err(e) => Err(e.into()),
    }
}

/// A new generated password for an account of the admin's agency: its login and the password.
pub async fn reset_password(
    state: &AppState,
    staff: &Staff,
    id: UserId,
) -> Result<(String, String), WebError> {
    admin_only(staff)?;
    let user = state.store.user(id).await?;
    if user.agency != staff.user.agency {
        return Err(WebError::NotFound);
    }
    let password = new_password()?;
    state
        .store
        .set_password(user.id, &hash_password(&password)?)
        .await?;
    Ok((user.login, password))
}

pub async fn add(
    State(state): State<AppState>,
    staff: Staff,
    Form(form): Form<NewUserForm>,
) -> Result<Html<String>, WebError> {
    staff.check_csrf(&form.csrf).await?;
    match create_account(&state, &staff, &form.account).await {
        Ok((_, password)) => {
            let notice = format!(
                "已添加账号 {}，初始密码 {password}（只显示这一次，请当面转交）",
                form.account.login.trim()
            );
            page(&state, &staff, Some(notice), Vec::new()).await
        }
        Err(e @ WebError::Invalid(_)) => page(&state, &staff, None, e.messages()).await,
        Err(e) => Err(e),
    }
}

pub async fn reset(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    Form(form): Form<crate::login::CsrfOnly>,
) -> Result<Html<String>, WebError> {
    staff.check_csrf(&form.csrf).await?;
    let (login, password) = reset_password(&state, &staff, UserId(id)).await?;
    let notice = format!("已重置 {login} 的密码为 {password}（只显示这一次）");
    page(&state, &staff, Some(notice), Vec::new()).await
}
