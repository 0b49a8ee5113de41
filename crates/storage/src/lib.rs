//! Persistence. One [`Store`] trait; SQLite (the embedded default, a file in a data directory,
//! WAL, every acknowledged write synced) and PostgreSQL behind it, chosen by the URL's scheme as
//! atuin does. Each backend has its own migrations folder, applied on connect.
//!
//! Only this crate knows SQL. It stores domain values (`cases::Case`) and answers the queries
//! the dashboards and the yearly tables need. Applicants' personal data lives in a table of its
//! own ([`Private`]), read by one method only, so a public page cannot reach it by accident.

mod codec;
mod postgres;
mod queries;
mod records;
mod sqlite;

use std::future::Future;

use calendar::Date;
use cases::Case;

pub use cases::yearly::Appeal;
pub use postgres::PgStore;
pub use records::*;
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

impl StoreError {
    /// A uniqueness constraint refused the write (a login or tracking code already taken).
    pub fn is_conflict(&self) -> bool {
        matches!(self, StoreError::Db(sqlx::Error::Database(e)) if e.is_unique_violation())
    }
}

/// What the application needs from a database.
pub trait Store: Send + Sync {
    fn create_agency(
        &self,
        name: &str,
        parent: Option<AgencyId>,
    ) -> impl Future<Output = Result<AgencyId, StoreError>> + Send;
    fn agencies(&self) -> impl Future<Output = Result<Vec<Agency>, StoreError>> + Send;
    fn agency(&self, id: AgencyId) -> impl Future<Output = Result<Agency, StoreError>> + Send;
    fn update_agency(
        &self,
        id: AgencyId,
        letter_prefix: &str,
        review_body: &str,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    fn create_user(
        &self,
        user: &NewUser<'_>,
    ) -> impl Future<Output = Result<UserId, StoreError>> + Send;
    fn user(&self, id: UserId) -> impl Future<Output = Result<User, StoreError>> + Send;
    fn user_by_login(
        &self,
        login: &str,
    ) -> impl Future<Output = Result<Option<User>, StoreError>> + Send;
    fn users(&self, agency: AgencyId)
    -> impl Future<Output = Result<Vec<User>, StoreError>> + Send;
    fn set_password(
        &self,
        id: UserId,
        password_hash: &str,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Durable before it returns, with its personal data in the same transaction: the receipt given
    /// to the applicant is never lost.
    fn insert_case(
        &self,
        new: &NewCase<'_>,
    ) -> impl Future<Output = Result<CaseId, StoreError>> + Send;
    fn update_case(
        &self,
        id: CaseId,
        case: &Case,
        due: Option<Date>,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    fn assign(
        &self,
        id: CaseId,
        handler: Option<UserId>,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    fn case(&self, id: CaseId) -> impl Future<Output = Result<CaseRecord, StoreError>> + Send;
    fn case_by_tracking_code(
        &self,
        code: &str,
    ) -> impl Future<Output = Result<CaseRecord, StoreError>> + Send;
    /// The applicant's personal data: callers check the reader's right first.
    fn private(&self, id: CaseId) -> impl Future<Output = Result<Private, StoreError>> + Send;
    /// Open cases due by `until` (overdue ones included) and those whose clock stands still, by due date.
    /// Replaces the personal data (a request narrowed when split).
    fn set_private(
        &self,
        id: CaseId,
        private: &Private,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// The case's place among its applicant's applications to the same agency received in the
    /// same calendar month (1 for the first): what 按件 fees are counted on.
    fn month_rank(&self, id: CaseId) -> impl Future<Output = Result<u32, StoreError>> + Send;
    fn dashboard(
        &self,
        agency: AgencyId,
        until: Date,
    ) -> impl Future<Output = Result<Vec<CaseRow>, StoreError>> + Send;
    /// How many open cases each handler has (None: not yet assigned).
    fn open_by_handler(
        &self,
        agency: AgencyId,
    ) -> impl Future<Output = Result<Vec<(Option<UserId>, i64)>, StoreError>> + Send;
    /// The agency's cases, newest first.
    fn recent_cases(
        &self,
        agency: AgencyId,
        limit: i64,
        offset: i64,
    ) -> impl Future<Output = Result<Vec<CaseRow>, StoreError>> + Send;
    fn count_cases(&self, agency: AgencyId)
    -> impl Future<Output = Result<i64, StoreError>> + Send;
    /// Every open case of every agency: their due dates are recomputed when the calendar changes.
    fn open_cases(&self) -> impl Future<Output = Result<Vec<CaseRecord>, StoreError>> + Send;
    /// Every case that table 三 of `year` counts: received by its end, and open or closed within it.
    fn cases_for_year(
        &self,
        agency: AgencyId,
        year: i16,
    ) -> impl Future<Output = Result<Vec<Case>, StoreError>> + Send;
    /// A reconsideration or lawsuit about a case.
    /// Table 三 of `year` as the database counts it (see `cases::yearly::Group`).
    fn year_groups(
        &self,
        agency: AgencyId,
        year: i16,
    ) -> impl Future<Output = Result<Vec<cases::yearly::Group>, StoreError>> + Send;
    /// Many cases in one transaction (imports, benchmarks): all or none.
    fn import_cases(
        &self,
        cases: &[NewCase<'_>],
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Brings the planner's statistics (and, on PostgreSQL, the visibility map that index-only
    /// scans need) up to date after a bulk import — what autovacuum would do in time.
    fn optimize(&self) -> impl Future<Output = Result<(), StoreError>> + Send;
    fn add_appeal(
        &self,
        case: CaseId,
        appeal: &Appeal,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// A case's appeals with their ids, in the order filed.
    fn appeals(
        &self,
        case: CaseId,
    ) -> impl Future<Output = Result<Vec<(i64, Appeal)>, StoreError>> + Send;
    /// Records an appeal's result (its other facts stay as filed).
    fn update_appeal(
        &self,
        case: CaseId,
        id: i64,
        appeal: &Appeal,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// The appeals filed in `year` about the agency's cases (table 四).
    fn appeals_for_year(
        &self,
        agency: AgencyId,
        year: i16,
    ) -> impl Future<Output = Result<Vec<Appeal>, StoreError>> + Send;
    /// The next number of the agency's letters with this prefix in `year`: 1, 2, 3 … never reused.
    fn next_ref(
        &self,
        agency: AgencyId,
        year: i16,
        prefix: &str,
    ) -> impl Future<Output = Result<i64, StoreError>> + Send;
    fn add_letter(
        &self,
        letter: &NewLetter<'_>,
    ) -> impl Future<Output = Result<LetterId, StoreError>> + Send;
    fn letters(&self, case: CaseId)
    -> impl Future<Output = Result<Vec<Letter>, StoreError>> + Send;
    fn letter(&self, id: LetterId) -> impl Future<Output = Result<Letter, StoreError>> + Send;
    /// The agency's own version of a letter template, if its admin wrote one.
    fn template(
        &self,
        agency: AgencyId,
        kind: &str,
    ) -> impl Future<Output = Result<Option<String>, StoreError>> + Send;
    fn set_template(
        &self,
        agency: AgencyId,
        kind: &str,
        body: &str,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Holiday schedules added at run time, as TOML, by year.
    fn holiday_years(&self) -> impl Future<Output = Result<Vec<(i64, String)>, StoreError>> + Send;
    fn put_holiday_year(
        &self,
        year: i64,
        schedule: &str,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    fn session_load(
        &self,
        id: &str,
        now: i64,
    ) -> impl Future<Output = Result<Option<String>, StoreError>> + Send;
    fn session_save(
        &self,
        id: &str,
        expires: i64,
        data: &str,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    fn session_delete(&self, id: &str) -> impl Future<Output = Result<(), StoreError>> + Send;
    fn audit(&self, entry: &AuditEntry) -> impl Future<Output = Result<(), StoreError>> + Send;
    fn audit_log(
        &self,
        target: &str,
    ) -> impl Future<Output = Result<Vec<AuditLine>, StoreError>> + Send;
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
    async fn agency(&self, id: AgencyId) -> Result<Agency, StoreError> {
        delegate!(self, s => s.agency(id))
    }
    async fn update_agency(
        &self,
        id: AgencyId,
        letter_prefix: &str,
        review_body: &str,
    ) -> Result<(), StoreError> {
        delegate!(self, s => s.update_agency(id, letter_prefix, review_body))
    }
    async fn create_user(&self, user: &NewUser<'_>) -> Result<UserId, StoreError> {
        delegate!(self, s => s.create_user(user))
    }
    async fn user(&self, id: UserId) -> Result<User, StoreError> {
        delegate!(self, s => s.user(id))
    }
    async fn user_by_login(&self, login: &str) -> Result<Option<User>, StoreError> {
        delegate!(self, s => s.user_by_login(login))
    }
    async fn users(&self, agency: AgencyId) -> Result<Vec<User>, StoreError> {
        delegate!(self, s => s.users(agency))
    }
    async fn set_password(&self, id: UserId, password_hash: &str) -> Result<(), StoreError> {
        delegate!(self, s => s.set_password(id, password_hash))
    }
    async fn insert_case(&self, new: &NewCase<'_>) -> Result<CaseId, StoreError> {
        delegate!(self, s => s.insert_case(new))
    }
    async fn update_case(
        &self,
        id: CaseId,
        case: &Case,
        due: Option<Date>,
    ) -> Result<(), StoreError> {
        delegate!(self, s => s.update_case(id, case, due))
    }
    async fn assign(&self, id: CaseId, handler: Option<UserId>) -> Result<(), StoreError> {
        delegate!(self, s => s.assign(id, handler))
    }
    async fn case(&self, id: CaseId) -> Result<CaseRecord, StoreError> {
        delegate!(self, s => s.case(id))
    }
    async fn case_by_tracking_code(&self, code: &str) -> Result<CaseRecord, StoreError> {
        delegate!(self, s => s.case_by_tracking_code(code))
    }
    async fn private(&self, id: CaseId) -> Result<Private, StoreError> {
        delegate!(self, s => s.private(id))
    }
    async fn set_private(&self, id: CaseId, private: &Private) -> Result<(), StoreError> {
        delegate!(self, s => s.set_private(id, private))
    }
    async fn month_rank(&self, id: CaseId) -> Result<u32, StoreError> {
        delegate!(self, s => s.month_rank(id))
    }
    async fn dashboard(&self, agency: AgencyId, until: Date) -> Result<Vec<CaseRow>, StoreError> {
        delegate!(self, s => s.dashboard(agency, until))
    }
    async fn open_by_handler(
        &self,
        agency: AgencyId,
    ) -> Result<Vec<(Option<UserId>, i64)>, StoreError> {
        delegate!(self, s => s.open_by_handler(agency))
    }
    async fn recent_cases(
        &self,
        agency: AgencyId,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<CaseRow>, StoreError> {
        delegate!(self, s => s.recent_cases(agency, limit, offset))
    }
    async fn count_cases(&self, agency: AgencyId) -> Result<i64, StoreError> {
        delegate!(self, s => s.count_cases(agency))
    }
    async fn open_cases(&self) -> Result<Vec<CaseRecord>, StoreError> {
        delegate!(self, s => s.open_cases())
    }
    async fn cases_for_year(&self, agency: AgencyId, year: i16) -> Result<Vec<Case>, StoreError> {
        delegate!(self, s => s.cases_for_year(agency, year))
    }
    async fn year_groups(
        &self,
        agency: AgencyId,
        year: i16,
    ) -> Result<Vec<cases::yearly::Group>, StoreError> {
        delegate!(self, s => s.year_groups(agency, year))
    }
    async fn import_cases(&self, cases: &[NewCase<'_>]) -> Result<(), StoreError> {
        delegate!(self, s => s.import_cases(cases))
    }
    async fn optimize(&self) -> Result<(), StoreError> {
        delegate!(self, s => s.optimize())
    }
    async fn add_appeal(&self, case: CaseId, appeal: &Appeal) -> Result<(), StoreError> {
        delegate!(self, s => s.add_appeal(case, appeal))
    }
    async fn appeals(&self, case: CaseId) -> Result<Vec<(i64, Appeal)>, StoreError> {
        delegate!(self, s => s.appeals(case))
    }
    async fn update_appeal(
        &self,
        case: CaseId,
        id: i64,
        appeal: &Appeal,
    ) -> Result<(), StoreError> {
        delegate!(self, s => s.update_appeal(case, id, appeal))
    }
    async fn appeals_for_year(
        &self,
        agency: AgencyId,
        year: i16,
    ) -> Result<Vec<Appeal>, StoreError> {
        delegate!(self, s => s.appeals_for_year(agency, year))
    }
    async fn next_ref(&self, agency: AgencyId, year: i16, prefix: &str) -> Result<i64, StoreError> {
        delegate!(self, s => s.next_ref(agency, year, prefix))
    }
    async fn add_letter(&self, letter: &NewLetter<'_>) -> Result<LetterId, StoreError> {
        delegate!(self, s => s.add_letter(letter))
    }
    async fn letters(&self, case: CaseId) -> Result<Vec<Letter>, StoreError> {
        delegate!(self, s => s.letters(case))
    }
    async fn letter(&self, id: LetterId) -> Result<Letter, StoreError> {
        delegate!(self, s => s.letter(id))
    }
    async fn template(&self, agency: AgencyId, kind: &str) -> Result<Option<String>, StoreError> {
        delegate!(self, s => s.template(agency, kind))
    }
    async fn set_template(
        &self,
        agency: AgencyId,
        kind: &str,
        body: &str,
    ) -> Result<(), StoreError> {
        delegate!(self, s => s.set_template(agency, kind, body))
    }
    async fn holiday_years(&self) -> Result<Vec<(i64, String)>, StoreError> {
        delegate!(self, s => s.holiday_years())
    }
    async fn put_holiday_year(&self, year: i64, schedule: &str) -> Result<(), StoreError> {
        delegate!(self, s => s.put_holiday_year(year, schedule))
    }
    async fn session_load(&self, id: &str, now: i64) -> Result<Option<String>, StoreError> {
        delegate!(self, s => s.session_load(id, now))
    }
    async fn session_save(&self, id: &str, expires: i64, data: &str) -> Result<(), StoreError> {
        delegate!(self, s => s.session_save(id, expires, data))
    }
    async fn session_delete(&self, id: &str) -> Result<(), StoreError> {
        delegate!(self, s => s.session_delete(id))
    }
    async fn audit(&self, entry: &AuditEntry) -> Result<(), StoreError> {
        delegate!(self, s => s.audit(entry))
    }
    async fn audit_log(&self, target: &str) -> Result<Vec<AuditLine>, StoreError> {
        delegate!(self, s => s.audit_log(target))
    }
}
