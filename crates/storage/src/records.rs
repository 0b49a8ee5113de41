//! The records the store keeps and returns, beside the domain values of `cases`.

use calendar::Date;
use cases::{Applicant, Case, Channel, Request, Role, State};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct AgencyId(pub i64);

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct CaseId(pub i64);

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct UserId(pub i64);

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct LetterId(pub i64);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agency {
    pub id: AgencyId,
    pub name: String,
    pub parent: Option<AgencyId>,
    /// The reference-number prefix of its letters, e.g. 凫政公 → 凫政公复〔2025〕3号.
    pub letter_prefix: String,
    /// Where administrative reconsideration is heard, as its letters name it.
    pub review_body: String,
}

/// A staff account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User {
    pub id: UserId,
    pub agency: AgencyId,
    pub login: String,
    pub name: String,
    pub role: Role,
    /// argon2 PHC string; never leaves the server.
    pub password_hash: String,
    pub email: Option<String>,
}

#[derive(Clone, Debug)]
pub struct NewUser<'a> {
    pub agency: AgencyId,
    pub login: &'a str,
    pub name: &'a str,
    pub role: Role,
    pub password_hash: &'a str,
    pub email: Option<&'a str>,
}

/// Personal information of one application: who, how to reach them, what they asked for, and
/// how it arrived. Kept in a table of its own that no public query touches.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Private {
    pub applicant: Applicant,
    pub request: Request,
    pub channel: Channel,
}

#[derive(Clone, Debug)]
pub struct NewCase<'a> {
    pub agency: AgencyId,
    pub tracking_code: &'a str,
    pub case: &'a Case,
    pub due: Option<Date>,
    pub handler: Option<UserId>,
    pub private: &'a Private,
}

/// A case with what the store keeps beside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseRecord {
    pub id: CaseId,
    pub agency: AgencyId,
    pub tracking_code: String,
    pub handler: Option<UserId>,
    pub due: Option<Date>,
    pub case: Case,
}

/// One line of a case list, read from the indexed columns alone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseRow {
    pub id: CaseId,
    pub agency: AgencyId,
    pub tracking_code: String,
    pub received: Date,
    pub state: State,
    pub due: Option<Date>,
    pub handler: Option<UserId>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewLetter<'a> {
    pub case: CaseId,
    pub kind: &'a str,
    pub ref_no: &'a str,
    pub issued: Date,
    pub body: &'a str,
}

/// A letter as issued: its text is fixed then, whatever later happens to the templates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Letter {
    pub id: LetterId,
    pub case: CaseId,
    pub kind: String,
    pub ref_no: String,
    pub issued: Date,
    pub body: String,
}

/// One line of the audit log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditEntry {
    pub actor: String,
    pub action: String,
    pub target: String,
    pub origin: String,
}

/// A line of the audit log as read back, with its time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditLine {
    pub at: String,
    pub entry: AuditEntry,
}
