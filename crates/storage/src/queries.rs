//! The queries, written once: SQLite and PostgreSQL both take `$1`-numbered parameters and
//! `RETURNING`, so each backend only brings its pool and its migrations.

/// Implements [`crate::Store`] for a backend struct with a `pool` field.
macro_rules! impl_store {
    ($ty:ty) => {
        impl $crate::Store for $ty {
            async fn create_agency(
                &self,
                name: &str,
                parent: Option<AgencyId>,
            ) -> Result<$crate::AgencyId, $crate::StoreError> {
                let (id,): (i64,) =
                    sqlx::query_as("INSERT INTO agencies (name, parent_id) VALUES ($1, $2) RETURNING id")
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
                    "INSERT INTO cases (agency_id, tracking_code, received, state, closed_on, body) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
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
                let done =
                    sqlx::query("UPDATE cases SET state = $1, closed_on = $2, body = $3 WHERE id = $4")
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
                let row: Option<(String,)> = sqlx::query_as("SELECT body FROM cases WHERE id = $1")
                    .bind(id.0)
                    .fetch_optional(&self.pool)
                    .await?;
                decode(&row.ok_or(StoreError::NotFound)?.0)
            }

            async fn case_by_tracking_code(&self, code: &str) -> Result<(CaseId, Case), StoreError> {
                let row: Option<(i64, String)> =
                    sqlx::query_as("SELECT id, body FROM cases WHERE tracking_code = $1")
                        .bind(code)
                        .fetch_optional(&self.pool)
                        .await?;
                let (id, body) = row.ok_or(StoreError::NotFound)?;
                Ok((CaseId(id), decode(&body)?))
            }

            async fn cases_for_year(&self, agency: AgencyId, year: i16) -> Result<Vec<Case>, StoreError> {
                let rows: Vec<(String,)> = sqlx::query_as(
                    "SELECT body FROM cases WHERE agency_id = $1 AND received <= $2 AND (closed_on IS NULL OR closed_on >= $3) ORDER BY id",
                )
                .bind(agency.0)
                .bind(format!("{year:04}-12-31"))
                .bind(format!("{year:04}-01-01"))
                .fetch_all(&self.pool)
                .await?;
                rows.iter().map(|(b,)| decode(b)).collect()
            }

            async fn add_appeal(&self, case: CaseId, appeal: &$crate::Appeal) -> Result<(), StoreError> {
                sqlx::query("INSERT INTO appeals (case_id, filed, body) VALUES ($1, $2, $3)")
                    .bind(case.0)
                    .bind(appeal.filed.to_string())
                    .bind($crate::encode_appeal(appeal)?)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn appeals_for_year(&self, agency: AgencyId, year: i16) -> Result<Vec<$crate::Appeal>, StoreError> {
                let rows: Vec<(String,)> = sqlx::query_as(
                    "SELECT a.body FROM appeals a JOIN cases c ON c.id = a.case_id \
                     WHERE c.agency_id = $1 AND a.filed >= $2 AND a.filed <= $3 ORDER BY a.id",
                )
                .bind(agency.0)
                .bind(format!("{year:04}-01-01"))
                .bind(format!("{year:04}-12-31"))
                .fetch_all(&self.pool)
                .await?;
                rows.iter().map(|(b,)| $crate::decode_appeal(b)).collect()
            }

            async fn audit(&self, e: &AuditEntry) -> Result<(), StoreError> {
                sqlx::query(
                    "INSERT INTO audit_log (actor, action, target, origin) VALUES ($1, $2, $3, $4)",
                )
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
                    "SELECT actor, action, target, origin FROM audit_log WHERE target = $1 ORDER BY id",
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
    };
}

pub(crate) use impl_store;
