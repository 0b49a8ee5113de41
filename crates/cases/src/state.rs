//! A case and the steps it may take: received → (补正 → corrected | lapsed) → (consultation) →
//! (extension) → (fee notice → paid | lapsed) → reply drafted → approved → sent → closed.
//! Each step is checked here, so the server cannot store a case in a state the 条例 forbids.

use calendar::{Calendar, Date, WorkingDays};
use serde::{Deserialize, Serialize};

use crate::applicant::ApplicantKind;
use crate::clock::{Clock, ClockError, Due, PauseKind};
use crate::fees::{Fee, FeeError};
use crate::outcome::Outcome;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    Received,
    AwaitingCorrection,
    Consulting,
    AwaitingFee,
    Drafted,
    Approved,
    Sent,
    Closed,
}

impl State {
    pub fn label(self) -> &'static str {
        match self {
            State::Received => "已收到",
            State::AwaitingCorrection => "待补正",
            State::Consulting => "征求意见中",
            State::AwaitingFee => "待缴费",
            State::Drafted => "答复拟稿",
            State::Approved => "答复已审批",
            State::Sent => "答复已送达",
            State::Closed => "已办结",
        }
    }

    /// Open cases are counted in 结转下年度继续办理 at the end of the year.
    pub fn is_open(self) -> bool {
        self != State::Closed
    }
}

/// Staff roles (the server maps accounts to these).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Registrar,
    Handler,
    /// The head of the disclosure office: approves extensions and final replies.
    Approver,
    AgencyAdmin,
    /// Read-only over subordinate agencies.
    Supervisor,
}

impl Role {
    pub fn label(self) -> &'static str {
        match self {
            Role::Registrar => "登记员",
            Role::Handler => "承办人",
            Role::Approver => "审批负责人",
            Role::AgencyAdmin => "机关管理员",
            Role::Supervisor => "上级监督",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Action {
    RequestCorrection {
        on: Date,
    },
    Corrected {
        on: Date,
    },
    /// No correction in time without good reason: closed as other_no_correction.
    CorrectionLapsed {
        on: Date,
    },
    StartConsultation {
        kind: PauseKind,
        on: Date,
    },
    EndConsultation {
        on: Date,
    },
    Extend {
        days: u16,
    },
    SendFeeNotice {
        on: Date,
        fee: Fee,
    },
    FeePaid {
        on: Date,
    },
    /// Not paid within 20 working days of the notice: closed as other_no_fee.
    FeeLapsed {
        on: Date,
    },
    Draft {
        outcome: Outcome,
    },
    Approve,
    Send {
        on: Date,
    },
    Close {
        on: Date,
    },
    /// The applicant withdrew: closed as other_other.
    Withdraw {
        on: Date,
    },
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CaseError {
    #[error("当前状态为“{}”，不能执行该操作", .0.label())]
    NotNow(State),
    #[error("该操作须由政府信息公开工作机构负责人审批")]
    NeedsApprover,
    #[error("监督人员只能查看，不能办理")]
    ReadOnly,
    #[error(transparent)]
    Clock(#[from] ClockError),
    #[error(transparent)]
    Fee(#[from] FeeError),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    pub applicant: ApplicantKind,
    pub received: Date,
    pub state: State,
    pub clock: Clock,
    pub outcome: Option<Outcome>,
    pub fee: Option<Fee>,
    pub closed_on: Option<Date>,
}

impl Case {
    pub fn new(applicant: ApplicantKind, received: Date) -> Case {
        Case {
            applicant,
            received,
            state: State::Received,
            clock: Clock::new(received),
            outcome: None,
            fee: None,
            closed_on: None,
        }
    }

    /// When the reply is due; none once answered, or while the applicant has a 补正 notice (the
    /// clock starts again from the corrected request).
    pub fn due(&self, cal: &Calendar) -> Result<Option<Due>, ClockError> {
        if matches!(
            self.state,
            State::Sent | State::Closed | State::AwaitingCorrection
        ) {
            return Ok(None);
        }
        self.clock.due(cal).map(Some)
    }

    fn close(&mut self, outcome: Outcome, on: Date) {
        self.outcome = Some(outcome);
        self.closed_on = Some(on);
        self.state = State::Closed;
    }

    /// Takes one step, or says why it may not be taken.
    pub fn apply(&mut self, cal: &Calendar, role: Role, action: Action) -> Result<(), CaseError> {
        use State::*;
        use report::model::RowKey;
        if role == Role::Supervisor {
            return Err(CaseError::ReadOnly);
        }
        let outcome = |row: RowKey| Outcome::new(row).map_err(|_| CaseError::NotNow(self.state));
        match (self.state, action) {
            (Received, Action::RequestCorrection { on }) => {
                self.clock.request_correction(cal, on)?;
                self.state = AwaitingCorrection;
            }
            (AwaitingCorrection, Action::Corrected { on }) => {
                self.clock.corrected(on)?;
                self.state = Received;
            }
            (AwaitingCorrection, Action::CorrectionLapsed { on }) => {
                self.close(outcome(RowKey::OtherNoCorrection)?, on)
            }
            (Received, Action::StartConsultation { kind, on }) => {
                self.clock.pause(kind, on)?;
                self.state = Consulting;
            }
            (Consulting, Action::EndConsultation { on }) => {
                self.clock.resume(on)?;
                self.state = Received;
            }
            (Received | Consulting | Drafted, Action::Extend { days }) => {
                if !matches!(role, Role::Approver | Role::AgencyAdmin) {
                    return Err(CaseError::NeedsApprover);
                }
                let days = WorkingDays::new(i64::from(days)).map_err(ClockError::from)?;
                self.clock.extend(days)?;
            }
            (Received | Drafted, Action::SendFeeNotice { on, fee }) => {
                fee.amount()?;
                self.clock.pause(PauseKind::Fee, on)?;
                self.fee = Some(fee);
                self.state = AwaitingFee;
            }
            (AwaitingFee, Action::FeePaid { on }) => {
                self.clock.resume(on)?;
                self.state = Received;
            }
            (AwaitingFee, Action::FeeLapsed { on }) => self.close(outcome(RowKey::OtherNoFee)?, on),
            (Received | Drafted, Action::Draft { outcome }) => {
                self.outcome = Some(outcome);
                self.state = Drafted;
            }
            (Drafted, Action::Approve) => {
                if !matches!(role, Role::Approver | Role::AgencyAdmin) {
                    return Err(CaseError::NeedsApprover);
                }
                self.state = Approved;
            }
            (Approved, Action::Send { on }) => {
                self.closed_on = Some(on);
                self.state = Sent;
            }
            (Sent, Action::Close { on }) => {
                self.closed_on = Some(self.closed_on.unwrap_or(on));
                self.state = Closed;
            }
            (s, Action::Withdraw { on }) if s.is_open() => {
                self.close(outcome(RowKey::OtherOther)?, on)
            }
            (s, _) => return Err(CaseError::NotNow(s)),
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{cal, d};
    use report::model::RowKey;

    fn granted() -> Outcome {
        Outcome::new(RowKey::Granted).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn the_whole_flow() {
        let c = cal();
        let mut case = Case::new(ApplicantKind::Natural, d("2025-09-26"));
        let steps = [
            (
                Role::Handler,
                Action::RequestCorrection {
                    on: d("2025-09-30"),
                },
            ),
            (
                Role::Registrar,
                Action::Corrected {
                    on: d("2025-10-09"),
                },
            ),
            (
                Role::Handler,
                Action::StartConsultation {
                    kind: PauseKind::ThirdParty,
                    on: d("2025-10-10"),
                },
            ),
            (
                Role::Handler,
                Action::EndConsultation {
                    on: d("2025-10-17"),
                },
            ),
            (Role::Approver, Action::Extend { days: 10 }),
            (Role::Handler, Action::Draft { outcome: granted() }),
            (Role::Approver, Action::Approve),
            (
                Role::Handler,
                Action::Send {
                    on: d("2025-11-20"),
                },
            ),
            (
                Role::Handler,
                Action::Close {
                    on: d("2025-11-21"),
                },
            ),
        ];
        for (role, action) in steps {
            let label = format!("{action:?}");
            case.apply(&c, role, action)
                .unwrap_or_else(|e| panic!("{label}: {e}"));
        }
        assert_eq!(case.state, State::Closed);
        assert_eq!(case.outcome, Some(granted()));
        assert_eq!(case.closed_on, Some(d("2025-11-20")));
    }

    #[test]
    fn steps_out_of_turn_and_roles_are_refused() {
        let c = cal();
        let mut case = Case::new(ApplicantKind::Commercial, d("2025-03-03"));
        assert_eq!(
            case.apply(&c, Role::Handler, Action::Approve),
            Err(CaseError::NotNow(State::Received))
        );
        assert_eq!(
            case.apply(&c, Role::Supervisor, Action::Draft { outcome: granted() }),
            Err(CaseError::ReadOnly)
        );
        assert_eq!(
            case.apply(&c, Role::Handler, Action::Extend { days: 5 }),
            Err(CaseError::NeedsApprover)
        );
        case.apply(&c, Role::Handler, Action::Draft { outcome: granted() })
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            case.apply(&c, Role::Handler, Action::Approve),
            Err(CaseError::NeedsApprover)
        );
        let late = case.clone().apply(
            &c,
            Role::Handler,
            Action::RequestCorrection {
                on: d("2025-03-04"),
            },
        );
        assert_eq!(late, Err(CaseError::NotNow(State::Drafted)));
    }

    #[test]
    fn lapses_close_with_their_rows() {
        let c = cal();
        let mut case = Case::new(ApplicantKind::Natural, d("2025-03-03"));
        case.apply(
            &c,
            Role::Handler,
            Action::RequestCorrection {
                on: d("2025-03-05"),
            },
        )
        .unwrap_or_else(|e| panic!("{e}"));
        case.apply(
            &c,
            Role::Handler,
            Action::CorrectionLapsed {
                on: d("2025-04-10"),
            },
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            case.outcome.map(Outcome::row),
            Some(RowKey::OtherNoCorrection)
        );

        let mut case = Case::new(ApplicantKind::Natural, d("2025-03-03"));
        let fee = Fee::PerPage { pages: 150 };
        case.apply(
            &c,
            Role::Handler,
            Action::SendFeeNotice {
                on: d("2025-03-10"),
                fee,
            },
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(
            case.due(&c),
            Ok(Some(Due::Paused {
                kind: PauseKind::Fee,
                ..
            }))
        ));
        case.apply(
            &c,
            Role::Handler,
            Action::FeeLapsed {
                on: d("2025-04-08"),
            },
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(case.outcome.map(Outcome::row), Some(RowKey::OtherNoFee));
        assert_eq!(case.due(&c), Ok(None));
    }
}
