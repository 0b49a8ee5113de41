//! Staff accounts: argon2 password hashes, the login session, CSRF tokens bound to the session,
//! and the rules of who may see and do what.

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use cases::Role;
use storage::{Agency, AgencyId, CaseRecord, Store, User};
use tower_sessions::Session;

use crate::error::WebError;
use crate::state::AppState;

const USER_KEY: &str = "uid";
const CSRF_KEY: &str = "csrf";

pub fn hash_password(password: &str) -> Result<String, WebError> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(WebError::internal)
}

pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A password to hand to a new account (printed or shown once): 12 random characters.
pub fn new_password() -> Result<String, WebError> {
    Ok(format!("gk-{}", random_hex(6)?))
}

/// `n` random bytes as lowercase hex.
pub fn random_hex(n: usize) -> Result<String, WebError> {
    let mut buf = vec![0u8; n];
    getrandom::fill(&mut buf).map_err(WebError::internal)?;
    Ok(buf.iter().map(|b| format!("{b:02x}")).collect())
}

/// The session's CSRF token, created on first use. Every form carries it back.
pub async fn csrf_token(session: &Session) -> Result<String, WebError> {
    if let Some(t) = session.get::<String>(CSRF_KEY).await? {
        return Ok(t);
    }
    let t = random_hex(16)?;
    session.insert(CSRF_KEY, &t).await?;
    Ok(t)
}

/// Refuses a form whose token is not this session's (a cross-site forgery or a stale page).
pub async fn check_csrf(session: &Session, submitted: &str) -> Result<(), WebError> {
    match session.get::<String>(CSRF_KEY).await? {
        Some(t) if !t.is_empty() && constant_time_eq(t.as_bytes(), submitted.as_bytes()) => Ok(()),
        _ => Err(WebError::Csrf),
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

pub async fn log_in(session: &Session, user: &User) -> Result<(), WebError> {
    // A new session id at login, so a planted id is worth nothing (session fixation).
    session.cycle_id().await?;
    session.insert(USER_KEY, user.id.0).await?;
    session.insert(CSRF_KEY, random_hex(16)?).await?;
    Ok(())
}

pub async fn log_out(session: &Session) -> Result<(), WebError> {
    session.flush().await?;
    Ok(())
}

/// A logged-in member of staff, with their agency and the agencies they may look into.
#[derive(Clone, Debug)]
pub struct Staff {
    pub user: User,
    pub agency: Agency,
    /// Their own agency, and for supervisors every agency below it.
    pub visible: Vec<AgencyId>,
    pub session: Session,
}

impl Staff {
    pub fn role(&self) -> Role {
        self.user.role
    }

    pub fn can_view(&self, agency: AgencyId) -> bool {
        self.visible.contains(&agency)
    }

    /// Applicants' identity and contact data: staff of the handling agency with a role on the
    /// case — its registrar, approver or admin, or the handler it is assigned to. Never a
    /// supervisor from above, never another handler.
    pub fn can_see_private(&self, record: &CaseRecord) -> bool {
        if record.agency != self.user.agency {
            return false;
        }
        match self.user.role {
            Role::Registrar | Role::Approver | Role::AgencyAdmin => true,
            Role::Handler => record.handler == Some(self.user.id),
            Role::Supervisor => false,
        }
    }

    /// Handling a case: staff of its own agency, never a supervisor.
    pub fn can_act(&self, agency: AgencyId) -> bool {
        agency == self.user.agency && self.user.role != Role::Supervisor
    }

    pub fn is_admin(&self) -> bool {
        self.user.role == Role::AgencyAdmin
    }

    pub async fn check_csrf(&self, submitted: &str) -> Result<(), WebError> {
        check_csrf(&self.session, submitted).await
    }
}

/// The agency and every agency below it.
pub fn subtree(all: &[Agency], root: AgencyId) -> Vec<AgencyId> {
    let mut out = vec![root];
    let mut i = 0;
    while let Some(&parent) = out.get(i) {
        out.extend(
            all.iter()
                .filter(|a| a.parent == Some(parent))
                .map(|a| a.id),
        );
        i += 1;
    }
    out
}

impl FromRequestParts<AppState> for Staff {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Staff, WebError> {
        let session = Session::from_request_parts(parts, state)
            .await
            .map_err(|(_, msg)| WebError::internal(msg))?;
        let Some(id) = session.get::<i64>(USER_KEY).await? else {
            return Err(WebError::LoginRequired);
        };
        let user = match state.store.user(storage::UserId(id)).await {
            Ok(u) => u,
            Err(storage::StoreError::NotFound) => return Err(WebError::LoginRequired),
            Err(e) => return Err(e.into()),
        };
        let agencies = state.store.agencies().await?;
        let agency = agencies
            .iter()
            .find(|a| a.id == user.agency)
            .cloned()
            .ok_or(WebError::NotFound)?;
        let visible = if user.role == Role::Supervisor {
            subtree(&agencies, user.agency)
        } else {
            vec![user.agency]
        };
        Ok(Staff {
            user,
            agency,
            visible,
            session,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_hash_and_verify() {
        let h = hash_password("正确的密码-2025").unwrap_or_default();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("正确的密码-2025", &h));
        assert!(!verify_password("错误的密码", &h));
        assert!(!verify_password("x", "not a hash"));
    }

    #[test]
    fn subtrees_follow_parents() {
        let a = |id, parent: Option<i64>| Agency {
            id: AgencyId(id),
            name: String::new(),
            parent: parent.map(AgencyId),
            letter_prefix: String::new(),
            review_body: String::new(),
        };
        let all = [a(1, None), a(2, Some(1)), a(3, Some(2)), a(4, None)];
        assert_eq!(
            subtree(&all, AgencyId(1)),
            vec![AgencyId(1), AgencyId(2), AgencyId(3)]
        );
        assert_eq!(subtree(&all, AgencyId(4)), vec![AgencyId(4)]);
    }

    #[test]
    fn tokens_compare_whole() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
    }
}
