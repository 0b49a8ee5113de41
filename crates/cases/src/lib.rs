//! Applications for disclosure (依申请公开) as the 条例 (2019 revision) and the 2020 fee measures
//! (国办函〔2020〕109号) define them: when an application counts as received, the working-day
//! clock with its restarts, pauses and one extension, the states a case moves through, the one
//! outcome it ends in (a table-三 row), and the fee.
//!
//! No IO: the server stores cases; this crate decides what is allowed and when things are due.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

pub mod applicant;
pub mod clock;
pub mod fees;
pub mod letters;
pub mod outcome;
pub mod receipt;
pub mod request;
pub mod state;
pub mod yearly;

#[cfg(test)]
mod testing;

pub use applicant::ApplicantKind;
pub use clock::{Clock, ClockError, Pause};
pub use fees::{Fee, FeeError};
pub use outcome::Outcome;
pub use receipt::Channel;
pub use request::{
    Applicant, Delivery, DocKind, FieldError, IdDocument, InfoForm, RawApplication, Request,
};
pub use state::{Action, Case, CaseError, Role, State};
