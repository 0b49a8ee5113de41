//! When an application counts as received (条例第三十一条).

use calendar::Date;
use serde::{Deserialize, Serialize};

/// How an application arrived, with the facts its receipt date depends on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "channel", rename_all = "snake_case")]
pub enum Channel {
    /// 当面提交: the day it is handed in.
    InPerson { handed_in: Date },
    /// 邮寄, signed for by the agency: the day of signature.
    RegisteredPost { signed_for: Date },
    /// 平信 (no signature needed): the day the agency confirms receipt with the applicant.
    OrdinaryPost { confirmed: Date },
    /// 互联网渠道: the day both sides confirm it.
    Online { confirmed: Date },
    /// 传真: the day both sides confirm it.
    Fax { confirmed: Date },
}

impl Channel {
    /// The receipt date of Art. 31, from which the clock runs.
    pub fn receipt_date(self) -> Date {
        match self {
            Channel::InPerson { handed_in } => handed_in,
            Channel::RegisteredPost { signed_for } => signed_for,
            Channel::OrdinaryPost { confirmed }
            | Channel::Online { confirmed }
            | Channel::Fax { confirmed } => confirmed,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Channel::InPerson { .. } => "当面提交",
            Channel::RegisteredPost { .. } => "邮寄（签收）",
            Channel::OrdinaryPost { .. } => "平信",
            Channel::Online { .. } => "网上申请",
            Channel::Fax { .. } => "传真",
        }
    }

    /// Post and in-person applications may never be refused; the others only where the
    /// agency's 政府信息公开指南 offers them.
    pub fn always_accepted(self) -> bool {
        matches!(
            self,
            Channel::InPerson { .. }
                | Channel::RegisteredPost { .. }
                | Channel::OrdinaryPost { .. }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn receipt_dates_follow_article_31() {
        let d = |s: &str| s.parse::<Date>().unwrap_or_else(|e| panic!("{e}"));
        let cases = [
            (
                Channel::InPerson {
                    handed_in: d("2025-03-03"),
                },
                "2025-03-03",
                true,
            ),
            (
                Channel::RegisteredPost {
                    signed_for: d("2025-03-05"),
                },
                "2025-03-05",
                true,
            ),
            (
                Channel::OrdinaryPost {
                    confirmed: d("2025-03-07"),
                },
                "2025-03-07",
                true,
            ),
            (
                Channel::Online {
                    confirmed: d("2025-03-04"),
                },
                "2025-03-04",
                false,
            ),
            (
                Channel::Fax {
                    confirmed: d("2025-03-06"),
                },
                "2025-03-06",
                false,
            ),
        ];
        for (channel, want, always) in cases {
            assert_eq!(
                channel.receipt_date().to_string(),
                want,
                "{}",
                channel.label()
            );
            assert_eq!(channel.always_accepted(), always, "{}", channel.label());
        }
    }
}
