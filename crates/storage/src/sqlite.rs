//! SQLite: the embedded default. WAL with `synchronous = FULL`, so a write is on disk before it is
//! acknowledged, and foreign keys on.

use std::str::FromStr;

use cases::Case;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

use crate::{
    Agency, AgencyId, AuditEntry, CaseId, Store, StoreError, closed_key, decode, encode, state_key,
};

pub struct SqliteStore {
    pool: SqlitePool,
}

impl SqliteStore {
    pub async fn open(url: &str) -> Result<SqliteStore, StoreError> {
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true);
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await?;
        sqlx::migrate!("./migrations/sqlite").run(&pool).await?;
        Ok(SqliteStore { pool })
    }
}

impl Store for SqliteStore {
    async fn create_agency(
        &self,
        name: &str,
        parent: Option<AgencyId>,
    ) -> Result<AgencyId, StoreError> {
        let (id,): (i64,) =
            sqlx::query_as("INSERT INTO agencies (name, parent_id) VALUES (?, ?) RETURNING id")
                .bind(name)
                .bind(parent.map(|p| p.0))
                .fetch_one(&self.pool)
                .await?;
        Ok(AgencyId(id))
    }

    async fn agencies(&self) -> Result<Vec<Agency>, StoreError> {
        let rows: Vec<(i64, String, Option<i64>)> =
            sqlx::query_as("SELECT id, name, parent_id FROM agencies ORDER BY id")
                .fetch_all(&self.pool)
                .await?;
        Ok(rows
            .into_iter()
            .map(|(id, name, parent)| Agency {
                id: AgencyId(id),
                name,
                parent: parent.map(AgencyId),
            })
            .collect())
    }

    async fn insert_case(
        &self,
        agency: AgencyId,
        tracking_code: &str,
        case: &Case,
    ) -> Result<CaseId, StoreError> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO cases (agency_id, tracking_code, received, state, closed_on, body) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(agency.0)
        .bind(tracking_code)
        .bind(case.received.to_string())
        .bind(state_key(case))
        .bind(closed_key(case))
        .bind(encode(case)?)
        .fetch_one(&self.pool)
        .await?;
        Ok(CaseId(id))
    }

    async fn update_case(&self, id: CaseId, case: &Case) -> Result<(), StoreError> {
        let done = sqlx::query("UPDATE cases SET state = ?, closed_on = ?, body = ? WHERE id = ?")
            .bind(state_key(case))
            .bind(closed_key(case))
            .bind(encode(case)?)
            .bind(id.0)
            .execute(&self.pool)
            .await?;
        if done.rows_affected() == 0 {
            Err(StoreError::NotFound)
        } else {
            Ok(())
        }
    }

    async fn case(&self, id: CaseId) -> Result<Case, StoreError> {
        let row: Option<(String,)> = sqlx::query_as("SELECT body FROM cases WHERE id = ?")
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await?;
        decode(&row.ok_or(StoreError::NotFound)?.0)
    }

    async fn case_by_tracking_code(&self, code: &str) -> Result<(CaseId, Case), StoreError> {
        let row: Option<(i64, String)> =
            sqlx::query_as("SELECT id, body FROM cases WHERE tracking_code = ?")
                .bind(code)
                .fetch_optional(&self.pool)
                .await?;
        let (id, body) = row.ok_or(StoreError::NotFound)?;
        Ok((CaseId(id), decode(&body)?))
    }

    async fn cases_for_year(&self, agency: AgencyId, year: i16) -> Result<Vec<Case>, StoreError> {
        let rows: Vec<(String,)> = sqlx::query_as(
            "SELECT body FROM cases WHERE agency_id = ? AND received <= ? AND (closed_on IS NULL OR closed_on >= ?) ORDER BY id",
        )
        .bind(agency.0)
        .bind(format!("{year:04}-12-31"))
        .bind(format!("{year:04}-01-01"))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|(b,)| decode(b)).collect()
    }

    async fn audit(&self, e: &AuditEntry) -> Result<(), StoreError> {
        sqlx::query("INSERT INTO audit_log (actor, action, target, origin) VALUES (?, ?, ?, ?)")
            .bind(&e.actor)
            .bind(&e.action)
            .bind(&e.target)
            .bind(&e.origin)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn audit_log(&self, target: &str) -> Result<Vec<AuditEntry>, StoreError> {
        let rows: Vec<(String, String, String, String)> = sqlx::query_as(
            "SELECT actor, action, target, origin FROM audit_log WHERE target = ? ORDER BY id",
        )
        .bind(target)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(actor, action, target, origin)| AuditEntry {
                actor,
                action,
                target,
                origin,
            })
            .collect())
    }
}
