//! Between the domain values and the columns: JSON bodies, ISO dates, snake_case enum names.

use calendar::Date;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::StoreError;

pub(crate) fn to_json<T: Serialize>(v: &T) -> Result<String, StoreError> {
    serde_json::to_string(v).map_err(|e| StoreError::Corrupt(e.to_string()))
}

pub(crate) fn from_json<T: DeserializeOwned>(body: &str) -> Result<T, StoreError> {
    serde_json::from_str(body).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// A unit enum variant's serde name (`State::AwaitingFee` → `awaiting_fee`).
pub(crate) fn key<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

pub(crate) fn from_key<T: DeserializeOwned>(s: &str) -> Result<T, StoreError> {
    use serde::de::value::{Error, StrDeserializer};
    T::deserialize(StrDeserializer::<Error>::new(s))
        .map_err(|e| StoreError::Corrupt(format!("{s}: {e}")))
}

pub(crate) fn date(s: &str) -> Result<Date, StoreError> {
    s.parse()
        .map_err(|e| StoreError::Corrupt(format!("{s}: {e}")))
}

pub(crate) fn opt_date(s: Option<String>) -> Result<Option<Date>, StoreError> {
    s.as_deref().map(date).transpose()
}
