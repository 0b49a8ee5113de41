//! Persistence. One [`Store`] trait; SQLite (the embedded default, a file in a data directory,
//! WAL, every acknowledged write synced) and PostgreSQL behind it, chosen by the URL's scheme as
//! atuin does. Each backend has its own migrations folder, applied on connect.
//!
//! Only this crate knows SQL. It stores domain values (`cases::Case`) and answers the queries
//! the dashboards and the yearly tables need.

mod postgres;
mod queries;
mod sqlite;

use std::future::Future;

use calendar::Date;
use cases::Case;

pub use cases::yearly::Appeal;
pub use postgres::PgStore;
pub use sqlite::SqliteStore;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("数据库地址应以 sqlite:// 或 postgres:// 开头：{0}")]
    BadUrl(String),
    #[error("数据库错误：{0}")]
    Db(#[from] sqlx::Error),
    #[error("数据库迁移失败：{0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("记录损坏：{0}")]
    Corrupt(String),
    #[error("找不到记录")]
    NotFound,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AgencyId(pub i64);

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CaseId(pub i64);

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Agency {
    pub id: AgencyId,
    pub name: String,
    pub parent: Option<AgencyId>,
}

/// One line of the audit log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditEntry {
    pub actor: String,
    pub action: String,
    pub target: String,
    pub origin: String,
}

/// What the application needs from a database.
pub trait Store: Send + Sync {
    fn create_agency(
        &self,
        name: &str,
        parent: Option<AgencyId>,
    ) -> impl Future<Output = Result<AgencyId, StoreError>> + Send;
    fn agencies(&self) -> impl Future<Output = Result<Vec<Agency>, StoreError>> + Send;
    /// Durable before it returns: the receipt given to the applicant is never lost.
    fn insert_case(
        &self,
        agency: AgencyId,
        tracking_code: &str,
        case: &Case,
    ) -> impl Future<Output = Result<CaseId, StoreError>> + Send;
    fn update_case(
        &self,
        id: CaseId,
        case: &Case,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    fn case(&self, id: CaseId) -> impl Future<Output = Result<Case, StoreError>> + Send;
    fn case_by_tracking_code(
        &self,
        code: &str,
    ) -> impl Future<Output = Result<(CaseId, Case), StoreError>> + Send;
    /// Every case that table 三 of `year` counts: received by its end, and open or closed within it.
    fn cases_for_year(
        &self,
        agency: AgencyId,
        year: i16,
    ) -> impl Future<Output = Result<Vec<Case>, StoreError>> + Send;
    /// A reconsideration or lawsuit about a case.
    fn add_appeal(
        &self,
        case: CaseId,
        appeal: &Appeal,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// The appeals filed in `year` about the agency's cases (table 四).
    fn appeals_for_year(
        &self,
        agency: AgencyId,
        year: i16,
    ) -> impl Future<Output = Result<Vec<Appeal>, StoreError>> + Send;
    fn audit(&self, entry: &AuditEntry) -> impl Future<Output = Result<(), StoreError>> + Send;
    fn audit_log(
        &self,
        target: &str,
    ) -> impl Future<Output = Result<Vec<AuditEntry>, StoreError>> + Send;
}

/// The store a URL names: `sqlite://PATH` (created if missing) or `postgres://…`.
pub enum AnyStore {
    Sqlite(SqliteStore),
    Postgres(PgStore),
}

pub async fn connect(url: &str) -> Result<AnyStore, StoreError> {
    if url.starts_with("sqlite:") {
        Ok(AnyStore::Sqlite(SqliteStore::open(url).await?))
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok(AnyStore::Postgres(PgStore::open(url).await?))
    } else {
        Err(StoreError::BadUrl(url.to_string()))
    }
}

fn encode(case: &Case) -> Result<String, StoreError> {
    serde_json::to_string(case).map_err(|e| StoreError::Corrupt(e.to_string()))
}

fn decode(body: &str) -> Result<Case, StoreError> {
    serde_json::from_str(body).map_err(|e| StoreError::Corrupt(e.to_string()))
}

fn encode_appeal(a: &Appeal) -> Result<String, StoreError> {
    serde_json::to_string(a).map_err(|e| StoreError::Corrupt(e.to_string()))
}

fn decode_appeal(body: &str) -> Result<Appeal, StoreError> {
    serde_json::from_str(body).map_err(|e| StoreError::Corrupt(e.to_string()))
}

fn state_key(case: &Case) -> String {
    serde_json::to_value(case.state)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

/// The closing date the yearly tables count by: set once the reply is sent.
fn closed_key(case: &Case) -> Option<String> {
    case.closed_on.map(|d: Date| d.to_string())
}

macro_rules! delegate {
    ($self:ident, $s:ident => $e:expr) => {
        match $self {
            AnyStore::Sqlite($s) => $e.await,
            AnyStore::Postgres($s) => $e.await,
        }
    };
}

impl Store for AnyStore {
    async fn create_agency(
        &self,
        name: &str,
        parent: Option<AgencyId>,
    ) -> Result<AgencyId, StoreError> {
        delegate!(self, s => s.create_agency(name, parent))
    }
    async fn agencies(&self) -> Result<Vec<Agency>, StoreError> {
        delegate!(self, s => s.agencies())
    }
    async fn insert_case(
        &self,
        agency: AgencyId,
        tracking_code: &str,
        case: &Case,
    ) -> Result<CaseId, StoreError> {
        delegate!(self, s => s.insert_case(agency, tracking_code, case))
    }
    async fn update_case(&self, id: CaseId, case: &Case) -> Result<(), StoreError> {
        delegate!(self, s => s.update_case(id, case))
    }
    async fn case(&self, id: CaseId) -> Result<Case, StoreError> {
        delegate!(self, s => s.case(id))
    }
    async fn case_by_tracking_code(&self, code: &str) -> Result<(CaseId, Case), StoreError> {
        delegate!(self, s => s.case_by_tracking_code(code))
    }
    async fn cases_for_year(&self, agency: AgencyId, year: i16) -> Result<Vec<Case>, StoreError> {
        delegate!(self, s => s.cases_for_year(agency, year))
    }
    async fn add_appeal(&self, case: CaseId, appeal: &Appeal) -> Result<(), StoreError> {
        delegate!(self, s => s.add_appeal(case, appeal))
    }
    async fn appeals_for_year(
        &self,
        agency: AgencyId,
        year: i16,
    ) -> Result<Vec<Appeal>, StoreError> {
        delegate!(self, s => s.appeals_for_year(agency, year))
    }
    async fn audit(&self, entry: &AuditEntry) -> Result<(), StoreError> {
        delegate!(self, s => s.audit(entry))
    }
    async fn audit_log(&self, target: &str) -> Result<Vec<AuditEntry>, StoreError> {
        delegate!(self, s => s.audit_log(target))
    }
}
