//! The queries, written once: SQLite and PostgreSQL both take `$1`-numbered parameters,
//! `RETURNING` and `ON CONFLICT`, so each backend only brings its pool and its migrations.

use crate::codec::{date, from_json, from_key, opt_date};
use crate::{
    Agency, AgencyId, CaseId, CaseRecord, CaseRow, Letter, LetterId, StoreError, User, UserId,
};

pub(crate) type AgencyRow = (i64, String, Option<i64>, String, String);
pub(crate) type UserRow = (i64, i64, String, String, String, String, Option<String>);
pub(crate) type RecordRow = (i64, i64, String, Option<i64>, Option<String>, String);
pub(crate) type ListRow = (
    i64,
    i64,
    String,
    String,
    String,
    Option<String>,
    Option<i64>,
);
pub(crate) type LetterRow = (i64, i64, String, String, String, String);

pub(crate) const AGENCY_COLS: &str = "id, name, parent_id, letter_prefix, review_body";
pub(crate) const USER_COLS: &str = "id, agency_id, login, display_name, role, password_hash, email";
pub(crate) const RECORD_COLS: &str = "id, agency_id, tracking_code, handler_id, due, body";
pub(crate) const LIST_COLS: &str = "id, agency_id, tracking_code, received, state, due, handler_id";
pub(crate) const LETTER_COLS: &str = "id, case_id, kind, ref_no, issued, body";

pub(crate) fn agency((id, name, parent, letter_prefix, review_body): AgencyRow) -> Agency {
    Agency {
        id: AgencyId(id),
        name,
        parent: parent.map(AgencyId),
        letter_prefix,
        review_body,
    }
}

pub(crate) fn user(
    (id, agency, login, name, role, password_hash, email): UserRow,
) -> Result<User, StoreError> {
    Ok(User {
        id: UserId(id),
        agency: AgencyId(agency),
        login,
        name,
        role: from_key(&role)?,
        password_hash,
        email,
    })
}

pub(crate) fn record(
    (id, agency, tracking_code, handler, due, body): RecordRow,
) -> Result<CaseRecord, StoreError> {
    Ok(CaseRecord {
        id: CaseId(id),
        agency: AgencyId(agency),
        tracking_code,
        handler: handler.map(UserId),
        due: opt_date(due)?,
        case: from_json(&body)?,
    })
}

pub(crate) fn list_row(
    (id, agency, tracking_code, received, state, due, handler): ListRow,
) -> Result<CaseRow, StoreError> {
    Ok(CaseRow {
        id: CaseId(id),
        agency: AgencyId(agency),
        tracking_code,
        received: date(&received)?,
        state: from_key(&state)?,
        due: opt_date(due)?,
        handler: handler.map(UserId),
    })
}

pub(crate) fn letter(
    (id, case, kind, ref_no, issued, body): LetterRow,
) -> Result<Letter, StoreError> {
    Ok(Letter {
        id: LetterId(id),
        case: CaseId(case),
        kind,
        ref_no,
        issued: date(&issued)?,
        body,
    })
}

pub(crate) fn one<T>(row: Option<T>) -> Result<T, StoreError> {
    row.ok_or(StoreError::NotFound)
}

pub(crate) fn affected(n: u64) -> Result<(), StoreError> {
    if n == 0 {
        Err(StoreError::NotFound)
    } else {
        Ok(())
    }
}

pub(crate) fn year_group(
    (kind, new, outcome, count): (String, i64, Option<String>, i64),
) -> Result<cases::yearly::Group, StoreError> {
    let answered = match outcome {
        Some(o) => Some(
            cases::Outcome::new(
                report::model::RowKey::from_key(&o)
                    .ok_or_else(|| StoreError::Corrupt(format!("outcome {o}")))?,
            )
            .map_err(|e| StoreError::Corrupt(e.to_string()))?,
        ),
        None => None,
    };
    Ok(cases::yearly::Group {
        applicant: from_key(&kind)?,
        new: new == 1,
        answered,
        count: u32::try_from(count).map_err(|_| StoreError::Corrupt(format!("count {count}")))?,
    })
}

/// Inserts one case and its personal data on an open transaction; evaluates to the new id.
macro_rules! insert_one {
    ($tx:expr, $new:expr) => {{
        let new: &NewCase<'_> = $new;
        let case = new.case;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO cases (agency_id, tracking_code, received, state, closed_on, body, due, handler_id, applicant_kind, outcome) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        )
        .bind(new.agency.0)
        .bind(new.tracking_code)
        .bind(case.received.to_string())
        .bind(key(&case.state))
        .bind(case.closed_on.map(|d| d.to_string()))
        .bind(to_json(case)?)
        .bind(new.due.map(|d| d.to_string()))
        .bind(new.handler.map(|h| h.0))
        .bind(key(&case.applicant))
        .bind(case.outcome.map(|o| o.row().key()))
        .fetch_one($tx)
        .await?;
        sqlx::query("INSERT INTO applicants (case_id, body, identity) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(to_json(new.private)?)
            .bind(new.private.applicant.identity())
            .execute($tx)
            .await?;
        id
    }};
}

pub(crate) use insert_one;

/// Implements [`crate::Store`] for a backend struct with a `pool` field.
macro_rules! impl_store {
    ($ty:ty, $db:ty, $optimize:literal) => {
        use $crate::codec::{key, to_json};
        use $crate::queries::*;
        use $crate::*;
        use calendar::Date;
        use cases::Case;

        impl Store for $ty {
            async fn create_agency(&self, name: &str, parent: Option<AgencyId>) -> Result<AgencyId, StoreError> {
                let (id,): (i64,) =
                    sqlx::query_as("INSERT INTO agencies (name, parent_id) VALUES ($1, $2) RETURNING id")
                        .bind(name)
                        .bind(parent.map(|p| p.0))
                        .fetch_one(&self.pool)
                        .await?;
                Ok(AgencyId(id))
            }

            async fn agencies(&self) -> Result<Vec<Agency>, StoreError> {
                let sql = format!("SELECT {AGENCY_COLS} FROM agencies ORDER BY id");
                let rows: Vec<AgencyRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql)).fetch_all(&self.pool).await?;
                Ok(rows.into_iter().map(agency).collect())
            }

            async fn agency(&self, id: AgencyId) -> Result<Agency, StoreError> {
                let sql = format!("SELECT {AGENCY_COLS} FROM agencies WHERE id = $1");
                let row: Option<AgencyRow> =
                    sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id.0).fetch_optional(&self.pool).await?;
                Ok(agency(one(row)?))
            }

            async fn update_agency(&self, id: AgencyId, letter_prefix: &str, review_body: &str) -> Result<(), StoreError> {
                let done = sqlx::query("UPDATE agencies SET letter_prefix = $1, review_body = $2 WHERE id = $3")
                    .bind(letter_prefix)
                    .bind(review_body)
                    .bind(id.0)
                    .execute(&self.pool)
                    .await?;
                affected(done.rows_affected())
            }

            async fn create_user(&self, u: &NewUser<'_>) -> Result<UserId, StoreError> {
                let (id,): (i64,) = sqlx::query_as(
                    "INSERT INTO users (agency_id, login, display_name, role, password_hash, email) \
                     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                )
                .bind(u.agency.0)
                .bind(u.login)
                .bind(u.name)
                .bind(key(&u.role))
                .bind(u.password_hash)
                .bind(u.email)
                .fetch_one(&self.pool)
                .await?;
                Ok(UserId(id))
            }

            async fn user(&self, id: UserId) -> Result<User, StoreError> {
                let sql = format!("SELECT {USER_COLS} FROM users WHERE id = $1");
                let row: Option<UserRow> =
                    sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id.0).fetch_optional(&self.pool).await?;
                user(one(row)?)
            }

            async fn user_by_login(&self, login: &str) -> Result<Option<User>, StoreError> {
                let sql = format!("SELECT {USER_COLS} FROM users WHERE login = $1");
                let row: Option<UserRow> =
                    sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(login).fetch_optional(&self.pool).await?;
                row.map(user).transpose()
            }

            async fn users(&self, agency: AgencyId) -> Result<Vec<User>, StoreError> {
                let sql = format!("SELECT {USER_COLS} FROM users WHERE agency_id = $1 ORDER BY id");
                let rows: Vec<UserRow> =
                    sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(agency.0).fetch_all(&self.pool).await?;
                rows.into_iter().map(user).collect()
            }

            async fn set_password(&self, id: UserId, password_hash: &str) -> Result<(), StoreError> {
                let done = sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
                    .bind(password_hash)
                    .bind(id.0)
                    .execute(&self.pool)
                    .await?;
                affected(done.rows_affected())
            }

            async fn insert_case(&self, new: &NewCase<'_>) -> Result<CaseId, StoreError> {
                let mut tx = self.pool.begin().await?;
                let id = insert_one!(&mut *tx, new);
                tx.commit().await?;
                Ok(CaseId(id))
            }

            async fn update_case(&self, id: CaseId, case: &Case, due: Option<Date>) -> Result<(), StoreError> {
                let done = sqlx::query(
                    "UPDATE cases SET state = $1, closed_on = $2, body = $3, due = $4, outcome = $5 WHERE id = $6",
                )
                .bind(key(&case.state))
                .bind(case.closed_on.map(|d| d.to_string()))
                .bind(to_json(case)?)
                .bind(due.map(|d| d.to_string()))
                .bind(case.outcome.map(|o| o.row().key()))
                .bind(id.0)
                .execute(&self.pool)
                .await?;
                affected(done.rows_affected())
            }

            async fn assign(&self, id: CaseId, handler: Option<UserId>) -> Result<(), StoreError> {
                let done = sqlx::query("UPDATE cases SET handler_id = $1 WHERE id = $2")
                    .bind(handler.map(|h| h.0))
                    .bind(id.0)
                    .execute(&self.pool)
                    .await?;
                affected(done.rows_affected())
            }

            async fn case(&self, id: CaseId) -> Result<CaseRecord, StoreError> {
                let sql = format!("SELECT {RECORD_COLS} FROM cases WHERE id = $1");
                let row: Option<RecordRow> =
                    sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id.0).fetch_optional(&self.pool).await?;
                record(one(row)?)
            }

            async fn case_by_tracking_code(&self, code: &str) -> Result<CaseRecord, StoreError> {
                let sql = format!("SELECT {RECORD_COLS} FROM cases WHERE tracking_code = $1");
                let row: Option<RecordRow> =
                    sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(code).fetch_optional(&self.pool).await?;
                record(one(row)?)
            }

            async fn private(&self, id: CaseId) -> Result<Private, StoreError> {
                let row: Option<(String,)> = sqlx::query_as("SELECT body FROM applicants WHERE case_id = $1")
                    .bind(id.0)
                    .fetch_optional(&self.pool)
                    .await?;
                from_json_private(&one(row)?.0)
            }

            async fn set_private(&self, id: CaseId, private: &Private) -> Result<(), StoreError> {
                let done = sqlx::query("UPDATE applicants SET body = $1, identity = $2 WHERE case_id = $3")
                    .bind(to_json(private)?)
                    .bind(private.applicant.identity())
                    .bind(id.0)
                    .execute(&self.pool)
                    .await?;
                affected(done.rows_affected())
            }

            async fn month_rank(&self, id: CaseId) -> Result<u32, StoreError> {
                // Same applicant, same agency, same calendar month of receipt, received no later
                // (ties broken by id): the case's place in the applicant's month.
                let (n,): (i64,) = sqlx::query_as(
                    "SELECT COUNT(*) FROM cases t \
                     JOIN applicants ta ON ta.case_id = t.id \
                     JOIN applicants a ON a.identity = ta.identity \
                     JOIN cases c ON c.id = a.case_id \
                     WHERE t.id = $1 AND c.agency_id = t.agency_id \
                     AND substr(c.received, 1, 7) = substr(t.received, 1, 7) \
                     AND (c.received < t.received OR (c.received = t.received AND c.id <= t.id))",
                )
                .bind(id.0)
                .fetch_one(&self.pool)
                .await?;
                match u32::try_from(n) {
                    Ok(0) => Err(StoreError::NotFound),
                    Ok(n) => Ok(n),
                    Err(_) => Err(StoreError::Corrupt(format!("month rank {n}"))),
                }
            }

            async fn dashboard(&self, agency: AgencyId, until: Date) -> Result<Vec<CaseRow>, StoreError> {
                let sql = format!(
                    "SELECT {LIST_COLS} FROM cases WHERE agency_id = $1 AND closed_on IS NULL \
                     AND (due IS NULL OR due <= $2) ORDER BY due, id"
                );
                let rows: Vec<ListRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
                    .bind(agency.0)
                    .bind(until.to_string())
                    .fetch_all(&self.pool)
                    .await?;
                rows.into_iter().map(list_row).collect()
            }

            async fn open_by_handler(&self, agency: AgencyId) -> Result<Vec<(Option<UserId>, i64)>, StoreError> {
                let rows: Vec<(Option<i64>, i64)> = sqlx::query_as(
                    "SELECT handler_id, COUNT(*) FROM cases WHERE agency_id = $1 AND closed_on IS NULL \
                     GROUP BY handler_id ORDER BY handler_id",
                )
                .bind(agency.0)
                .fetch_all(&self.pool)
                .await?;
                Ok(rows.into_iter().map(|(h, n)| (h.map(UserId), n)).collect())
            }

            async fn recent_cases(&self, agency: AgencyId, limit: i64, offset: i64) -> Result<Vec<CaseRow>, StoreError> {
                let sql = format!(
                    "SELECT {LIST_COLS} FROM cases WHERE agency_id = $1 ORDER BY id DESC LIMIT $2 OFFSET $3"
                );
                let rows: Vec<ListRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
                    .bind(agency.0)
                    .bind(limit)
                    .bind(offset)
                    .fetch_all(&self.pool)
                    .await?;
                rows.into_iter().map(list_row).collect()
            }

            async fn count_cases(&self, agency: AgencyId) -> Result<i64, StoreError> {
                let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM cases WHERE agency_id = $1")
                    .bind(agency.0)
                    .fetch_one(&self.pool)
                    .await?;
                Ok(n)
            }

            async fn open_cases(&self) -> Result<Vec<CaseRecord>, StoreError> {
                let sql = format!("SELECT {RECORD_COLS} FROM cases WHERE closed_on IS NULL ORDER BY id");
                let rows: Vec<RecordRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql)).fetch_all(&self.pool).await?;
                rows.into_iter().map(record).collect()
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
                rows.iter().map(|(b,)| $crate::codec::from_json(b)).collect()
            }

            async fn year_groups(&self, agency: AgencyId, year: i16) -> Result<Vec<cases::yearly::Group>, StoreError> {
                // Cases closed from 1 January on, plus the open ones: two index-only range scans.
                // The parameters first appear in the order $1, $2, $3, which SQLite needs when
                // a numbered parameter is used twice.
                let rows: Vec<(String, i64, Option<String>, i64)> = sqlx::query_as(
                    "SELECT applicant_kind, is_new, ended, COUNT(*) FROM ( \
                       SELECT applicant_kind, CAST(CASE WHEN received >= $1 THEN 1 ELSE 0 END AS BIGINT) AS is_new, \
                              CASE WHEN closed_on <= $2 THEN outcome END AS ended \
                         FROM cases WHERE agency_id = $3 AND closed_on >= $1 AND received <= $2 \
                       UNION ALL \
                       SELECT applicant_kind, CAST(CASE WHEN received >= $1 THEN 1 ELSE 0 END AS BIGINT), NULL \
                         FROM cases WHERE agency_id = $3 AND closed_on IS NULL AND received <= $2 \
                     ) AS year_cases GROUP BY 1, 2, 3",
                )
                .bind(format!("{year:04}-01-01"))
                .bind(format!("{year:04}-12-31"))
                .bind(agency.0)
                .fetch_all(&self.pool)
                .await?;
                rows.into_iter().map(year_group).collect()
            }

            async fn import_cases(&self, cases: &[NewCase<'_>]) -> Result<(), StoreError> {
                // Multi-row INSERTs of 500 (5,000 parameters: within both databases' limits), the
                // personal data matched to the new ids by tracking code; one transaction for all.
                let mut tx = self.pool.begin().await?;
                for chunk in cases.chunks(500) {
                    let mut rows = Vec::with_capacity(chunk.len());
                    for new in chunk {
                        let c = new.case;
                        rows.push((
                            new.agency.0,
                            new.tracking_code.to_string(),
                            c.received.to_string(),
                            key(&c.state),
                            c.closed_on.map(|d| d.to_string()),
                            to_json(c)?,
                            new.due.map(|d| d.to_string()),
                            new.handler.map(|h| h.0),
                            key(&c.applicant),
                            c.outcome.map(|o| o.row().key().to_string()),
                        ));
                    }
                    let mut insert = sqlx::QueryBuilder::<$db>::new(
                        "INSERT INTO cases (agency_id, tracking_code, received, state, closed_on, body, due, handler_id, applicant_kind, outcome) ",
                    );
                    insert.push_values(rows, |mut b, r| {
                        b.push_bind(r.0).push_bind(r.1).push_bind(r.2).push_bind(r.3).push_bind(r.4)
                            .push_bind(r.5).push_bind(r.6).push_bind(r.7).push_bind(r.8).push_bind(r.9);
                    });
                    insert.push(" RETURNING id, tracking_code");
                    let ids: Vec<(i64, String)> = insert.build_query_as().fetch_all(&mut *tx).await?;
                    let by_code: std::collections::HashMap<&str, i64> =
                        ids.iter().map(|(id, code)| (code.as_str(), *id)).collect();
                    let mut private = Vec::with_capacity(chunk.len());
                    for new in chunk {
                        let id = by_code
                            .get(new.tracking_code)
                            .ok_or_else(|| StoreError::Corrupt(format!("no id for {}", new.tracking_code)))?;
                        private.push((*id, to_json(new.private)?, new.private.applicant.identity()));
                    }
                    let mut insert = sqlx::QueryBuilder::<$db>::new("INSERT INTO applicants (case_id, body, identity) ");
                    insert.push_values(private, |mut b, (id, body, identity)| {
                        b.push_bind(id).push_bind(body).push_bind(identity);
                    });
                    insert.build().execute(&mut *tx).await?;
                }
                tx.commit().await?;
                Ok(())
            }

            async fn optimize(&self) -> Result<(), StoreError> {
                sqlx::query($optimize).execute(&self.pool).await?;
                Ok(())
            }

            async fn add_appeal(&self, case: CaseId, appeal: &Appeal) -> Result<(), StoreError> {
                sqlx::query("INSERT INTO appeals (case_id, filed, body) VALUES ($1, $2, $3)")
                    .bind(case.0)
                    .bind(appeal.filed.to_string())
                    .bind(to_json(appeal)?)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn appeals(&self, case: CaseId) -> Result<Vec<(i64, Appeal)>, StoreError> {
                let rows: Vec<(i64, String)> =
                    sqlx::query_as("SELECT id, body FROM appeals WHERE case_id = $1 ORDER BY id")
                        .bind(case.0)
                        .fetch_all(&self.pool)
                        .await?;
                rows.iter()
                    .map(|(id, b)| Ok((*id, $crate::codec::from_json(b)?)))
                    .collect()
            }

            async fn update_appeal(&self, case: CaseId, id: i64, appeal: &Appeal) -> Result<(), StoreError> {
                let done = sqlx::query("UPDATE appeals SET body = $1 WHERE id = $2 AND case_id = $3")
                    .bind(to_json(appeal)?)
                    .bind(id)
                    .bind(case.0)
                    .execute(&self.pool)
                    .await?;
                affected(done.rows_affected())
            }

            async fn appeals_for_year(&self, agency: AgencyId, year: i16) -> Result<Vec<Appeal>, StoreError> {
                let rows: Vec<(String,)> = sqlx::query_as(
                    "SELECT a.body FROM appeals a JOIN cases c ON c.id = a.case_id \
                     WHERE c.agency_id = $1 AND a.filed >= $2 AND a.filed <= $3 ORDER BY a.id",
                )
                .bind(agency.0)
                .bind(format!("{year:04}-01-01"))
                .bind(format!("{year:04}-12-31"))
                .fetch_all(&self.pool)
                .await?;
                rows.iter().map(|(b,)| $crate::codec::from_json(b)).collect()
            }

            async fn next_ref(&self, agency: AgencyId, year: i16, prefix: &str) -> Result<i64, StoreError> {
                let (n,): (i64,) = sqlx::query_as(
                    "INSERT INTO letter_numbers (agency_id, year, prefix, last) VALUES ($1, $2, $3, 1) \
                     ON CONFLICT (agency_id, year, prefix) DO UPDATE SET last = letter_numbers.last + 1 \
                     RETURNING last",
                )
                .bind(agency.0)
                .bind(i64::from(year))
                .bind(prefix)
                .fetch_one(&self.pool)
                .await?;
                Ok(n)
            }

            async fn add_letter(&self, l: &NewLetter<'_>) -> Result<LetterId, StoreError> {
                let (id,): (i64,) = sqlx::query_as(
                    "INSERT INTO letters (case_id, kind, ref_no, issued, body) VALUES ($1, $2, $3, $4, $5) RETURNING id",
                )
                .bind(l.case.0)
                .bind(l.kind)
                .bind(l.ref_no)
                .bind(l.issued.to_string())
                .bind(l.body)
                .fetch_one(&self.pool)
                .await?;
                Ok(LetterId(id))
            }

            async fn letters(&self, case: CaseId) -> Result<Vec<Letter>, StoreError> {
                let sql = format!("SELECT {LETTER_COLS} FROM letters WHERE case_id = $1 ORDER BY id");
                let rows: Vec<LetterRow> =
                    sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(case.0).fetch_all(&self.pool).await?;
                rows.into_iter().map(letter).collect()
            }

            async fn letter(&self, id: LetterId) -> Result<Letter, StoreError> {
                let sql = format!("SELECT {LETTER_COLS} FROM letters WHERE id = $1");
                let row: Option<LetterRow> =
                    sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id.0).fetch_optional(&self.pool).await?;
                letter(one(row)?)
            }

            async fn template(&self, agency: AgencyId, kind: &str) -> Result<Option<String>, StoreError> {
                let row: Option<(String,)> =
                    sqlx::query_as("SELECT body FROM letter_templates WHERE agency_id = $1 AND kind = $2")
                        .bind(agency.0)
                        .bind(kind)
                        .fetch_optional(&self.pool)
                        .await?;
                Ok(row.map(|(b,)| b))
            }

            async fn set_template(&self, agency: AgencyId, kind: &str, body: &str) -> Result<(), StoreError> {
                sqlx::query(
                    "INSERT INTO letter_templates (agency_id, kind, body) VALUES ($1, $2, $3) \
                     ON CONFLICT (agency_id, kind) DO UPDATE SET body = excluded.body",
                )
                .bind(agency.0)
                .bind(kind)
                .bind(body)
                .execute(&self.pool)
                .await?;
                Ok(())
            }

            async fn holiday_years(&self) -> Result<Vec<(i64, String)>, StoreError> {
                Ok(sqlx::query_as("SELECT year, schedule FROM holiday_years ORDER BY year")
                    .fetch_all(&self.pool)
                    .await?)
            }

            async fn put_holiday_year(&self, year: i64, schedule: &str) -> Result<(), StoreError> {
                sqlx::query(
                    "INSERT INTO holiday_years (year, schedule) VALUES ($1, $2) \
                     ON CONFLICT (year) DO UPDATE SET schedule = excluded.schedule",
                )
                .bind(year)
                .bind(schedule)
                .execute(&self.pool)
                .await?;
                Ok(())
            }

            async fn session_load(&self, id: &str, now: i64) -> Result<Option<String>, StoreError> {
                let row: Option<(String,)> =
                    sqlx::query_as("SELECT data FROM sessions WHERE id = $1 AND expires > $2")
                        .bind(id)
                        .bind(now)
                        .fetch_optional(&self.pool)
                        .await?;
                Ok(row.map(|(d,)| d))
            }

            async fn session_save(&self, id: &str, expires: i64, data: &str) -> Result<(), StoreError> {
                sqlx::query(
                    "INSERT INTO sessions (id, expires, data) VALUES ($1, $2, $3) \
                     ON CONFLICT (id) DO UPDATE SET expires = excluded.expires, data = excluded.data",
                )
                .bind(id)
                .bind(expires)
                .bind(data)
                .execute(&self.pool)
                .await?;
                Ok(())
            }

            async fn session_delete(&self, id: &str) -> Result<(), StoreError> {
                sqlx::query("DELETE FROM sessions WHERE id = $1")
                    .bind(id)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn audit(&self, e: &AuditEntry) -> Result<(), StoreError> {
                sqlx::query("INSERT INTO audit_log (actor, action, target, origin) VALUES ($1, $2, $3, $4)")
                    .bind(&e.actor)
                    .bind(&e.action)
                    .bind(&e.target)
                    .bind(&e.origin)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn audit_log(&self, target: &str) -> Result<Vec<AuditLine>, StoreError> {
                let rows: Vec<(String, String, String, String, String)> = sqlx::query_as(
                    "SELECT CAST(at AS TEXT), actor, action, target, origin FROM audit_log WHERE target = $1 ORDER BY id",
                )
                .bind(target)
                .fetch_all(&self.pool)
                .await?;
                Ok(rows
                    .into_iter()
                    .map(|(at, actor, action, target, origin)| AuditLine {
                        at,
                        entry: AuditEntry { actor, action, target, origin },
                    })
                    .collect())
            }
        }
    };
}

pub(crate) fn from_json_private(body: &str) -> Result<crate::Private, StoreError> {
    from_json(body)
}

pub(crate) use impl_store;
