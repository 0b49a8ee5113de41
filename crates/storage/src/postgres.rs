//! PostgreSQL: for a city or a province. Every statement is its own transaction, committed
//! (and so durable) before it returns.

use sqlx::postgres::{PgPool, PgPoolOptions};

pub struct PgStore {
    pool: PgPool,
}

impl PgStore {
    pub async fn open(url: &str) -> Result<PgStore, crate::StoreError> {
        let pool = PgPoolOptions::new().max_connections(8).connect(url).await?;
        sqlx::migrate!("./migrations/postgres").run(&pool).await?;
        Ok(PgStore { pool })
    }
}

crate::queries::impl_store!(PgStore, sqlx::Postgres, "VACUUM ANALYZE");
