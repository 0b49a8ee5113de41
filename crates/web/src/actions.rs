//! The steps a case page offers in each state, and the flat form that comes back turned into a
//! `cases::Action` (the state machine then decides whether it is allowed).

use calendar::Date;
use cases::clock::PauseKind;
use cases::{Action, Fee, Outcome, State};
use report::model::RowKey;

use crate::error::WebError;
use crate::pages::ActionView;

const fn step(key: &'static str, label: &'static str, date: bool) -> ActionView {
    ActionView {
        key,
        label,
        date,
        pause: false,
        days: false,
        outcome: false,
        fee: false,
    }
}

/// What may be done next, by state (roles are checked when it is done).
pub fn offered(state: State) -> Vec<ActionView> {
    let mut v = Vec::new();
    match state {
        State::Received => {
            v.push(step("request_correction", "发出补正告知", true));
            v.push(ActionView {
                pause: true,
                ..step("start_consultation", "征求意见（暂停计时）", true)
            });
            v.push(ActionView {
                days: true,
                ..step("extend", "延期答复（负责人审批）", false)
            });
            v.push(ActionView {
                fee: true,
                ..step("fee_notice", "发出收费通知", true)
            });
            v.push(ActionView {
                outcome: true,
                ..step("draft", "拟定答复", false)
            });
        }
        State::AwaitingCorrection => {
            v.push(step("corrected", "收到补正", true));
            v.push(step("correction_lapsed", "逾期未补正", true));
        }
        State::Consulting => {
            v.push(step("end_consultation", "意见已回复（恢复计时）", true));
            v.push(ActionView {
                days: true,
                ..step("extend", "延期答复（负责人审批）", false)
            });
        }
        State::AwaitingFee => {
            v.push(step("fee_paid", "已缴费", true));
            v.push(step("fee_lapsed", "逾期未缴费", true));
        }
        State::Drafted => {
            v.push(step("approve", "审批通过（负责人）", false));
            v.push(ActionView {
                outcome: true,
                ..step("draft", "修改答复结果", false)
            });
            v.push(ActionView {
                days: true,
                ..step("extend", "延期答复（负责人审批）", false)
            });
        }
        State::Approved => v.push(step("send", "答复已送达", true)),
        State::Sent => v.push(step("close", "归档办结", true)),
        State::Closed => {}
    }
    if state.is_open() && state != State::Sent {
        v.push(step("withdraw", "申请人撤回", true));
    }
    v
}

/// The form of every step; each step reads the fields it needs.
#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct ActionForm {
    #[serde(default)]
    #[schema(ignore)]
    pub csrf: String,
    /// request_correction, corrected, correction_lapsed, start_consultation, end_consultation,
    /// extend, fee_notice, fee_paid, fee_lapsed, draft, approve, send, close, withdraw
    pub action: String,
    /// YYYY-MM-DD
    #[serde(default)]
    pub on: Option<String>,
    /// third_party or co_producer
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub days: Option<String>,
    /// A table-三 outcome row key, e.g. granted
    #[serde(default)]
    pub outcome: Option<String>,
    /// per_page, per_application or waived
    #[serde(default)]
    pub fee_method: Option<String>,
    /// Pages, for a per_page fee (a per_application fee's count is the server's: the applicant's
    /// applications to the agency that calendar month)
    #[serde(default)]
    pub count: Option<String>,
    #[serde(default)]
    pub reason: Option<String>,
}

fn bad(msg: &str) -> WebError {
    WebError::Refused(msg.to_string())
}

impl ActionForm {
    fn date(&self) -> Result<Date, WebError> {
        let raw = self.on.as_deref().map(str::trim).unwrap_or("");
        raw.parse().map_err(|_| bad("请填写正确的日期（年-月-日）"))
    }

    fn number(&self, raw: Option<&str>, what: &str) -> Result<u32, WebError> {
        raw.map(str::trim)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| bad(&format!("请填写{what}（正整数）")))
    }

    pub fn to_action(&self) -> Result<Action, WebError> {
        Ok(match self.action.as_str() {
            "request_correction" => Action::RequestCorrection { on: self.date()? },
            "corrected" => Action::Corrected { on: self.date()? },
            "correction_lapsed" => Action::CorrectionLapsed { on: self.date()? },
            "start_consultation" => Action::StartConsultation {
                on: self.date()?,
                kind: match self.kind.as_deref() {
                    Some("co_producer") => PauseKind::CoProducer,
                    Some("third_party") | None => PauseKind::ThirdParty,
                    Some(_) => return Err(bad("征求对象应为第三方或其他机关")),
                },
            },
            "end_consultation" => Action::EndConsultation { on: self.date()? },
            "extend" => {
                let days = self.number(self.days.as_deref(), "延长的工作日数")?;
                Action::Extend {
                    days: u16::try_from(days).map_err(|_| bad("延长不得超过20个工作日"))?,
                }
            }
            "fee_notice" => Action::SendFeeNotice {
                on: self.date()?,
                fee: self.fee()?,
            },
            "fee_paid" => Action::FeePaid { on: self.date()? },
            "fee_lapsed" => Action::FeeLapsed { on: self.date()? },
            "draft" => {
                let key = self.outcome.as_deref().unwrap_or("");
                let row = RowKey::from_key(key).ok_or_else(|| bad("请选择办理结果"))?;
                let outcome = Outcome::new(row).map_err(|e| WebError::Refused(e.to_string()))?;
                Action::Draft { outcome }
            }
            "approve" => Action::Approve,
            "send" => Action::Send { on: self.date()? },
            "close" => Action::Close { on: self.date()? },
            "withdraw" => Action::Withdraw { on: self.date()? },
            _ => return Err(bad("未知的办理操作")),
        })
    }

    fn fee(&self) -> Result<Fee, WebError> {
        Ok(match self.fee_method.as_deref() {
            Some("per_page") => Fee::PerPage {
                pages: self.number(self.count.as_deref(), "页数")?,
            },
            // The count is the server's to make (service::act), not the form's.
            Some("per_application") => Fee::PerApplication { nth: 0 },
            Some("waived") => Fee::Waived {
                reason: self.reason.clone().unwrap_or_default(),
            },
            _ => return Err(bad("请选择收费方式")),
        })
    }
}

/// The audit log's and notices' action keys in words.
pub fn label(key: &str) -> String {
    let known = match key {
        "submit" => "提交申请",
        "view_personal_data" => "查看申请人信息",
        "assign" => "分配承办人",
        "split" => "拆分申请",
        "register" => "登记申请",
        "request_correction" => "发出补正告知",
        "corrected" => "收到补正",
        "correction_lapsed" => "逾期未补正",
        "start_consultation" => "征求意见",
        "end_consultation" => "征求意见结束",
        "extend" => "延期答复",
        "fee_notice" => "发出收费通知",
        "fee_paid" => "已缴费",
        "fee_lapsed" => "逾期未缴费",
        "draft" => "拟定答复",
        "approve" => "审批通过",
        "send" => "答复送达",
        "close" => "归档办结",
        "withdraw" => "申请人撤回",
        "appeal_filed" => "登记行政复议或诉讼",
        "appeal_decided" => "登记复议或诉讼结果",
        _ => "",
    };
    if !known.is_empty() {
        return known.to_string();
    }
    if let Some(no) = key.strip_prefix("letter:") {
        return format!("出具文书 {no}");
    }
    if let Some(from) = key.strip_prefix("split_from:") {
        return format!("由第{from}号申请拆分而来");
    }
    key.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(action: &str, on: Option<&str>) -> ActionForm {
        ActionForm {
            action: action.into(),
            on: on.map(String::from),
            ..ActionForm::default()
        }
    }

    #[test]
    fn forms_become_actions_or_clear_refusals() {
        assert!(matches!(
            form("send", Some("2025-03-03")).to_action(),
            Ok(Action::Send { .. })
        ));
        assert!(form("send", Some("2025-02-30")).to_action().is_err());
        assert!(form("send", None).to_action().is_err());
        assert!(form("explode", None).to_action().is_err());
        let draft = ActionForm {
            outcome: Some("granted".into()),
            ..form("draft", None)
        };
        assert!(matches!(draft.to_action(), Ok(Action::Draft { .. })));
        let not_outcome = ActionForm {
            outcome: Some("new".into()),
            ..form("draft", None)
        };
        assert!(not_outcome.to_action().is_err());
        let fee = ActionForm {
            fee_method: Some("per_page".into()),
            count: Some("150".into()),
            ..form("fee_notice", Some("2025-03-03"))
        };
        assert!(matches!(
            fee.to_action(),
            Ok(Action::SendFeeNotice {
                fee: Fee::PerPage { pages: 150 },
                ..
            })
        ));
        let too_long = ActionForm {
            days: Some("70000".into()),
            ..form("extend", None)
        };
        assert!(too_long.to_action().is_err());
    }

    #[test]
    fn every_offered_step_parses() {
        for state in [
            State::Received,
            State::AwaitingCorrection,
            State::Consulting,
            State::AwaitingFee,
            State::Drafted,
            State::Approved,
            State::Sent,
        ] {
            for a in offered(state) {
                let f = ActionForm {
                    kind: Some("third_party".into()),
                    days: Some("5".into()),
                    outcome: Some("granted".into()),
                    fee_method: Some("per_page".into()),
                    count: Some("40".into()),
                    ..form(a.key, Some("2025-03-03"))
                };
                assert!(f.to_action().is_ok(), "{}", a.key);
            }
        }
    }
}
