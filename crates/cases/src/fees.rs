//! 信息处理费 (政府信息公开信息处理费管理办法, 国办函〔2020〕109号): per application or per
//! page, progressive, never both, and waivable.

use serde::{Deserialize, Serialize};

/// How an application's fee is set. One method per application.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum Fee {
    /// 按件: the applicant's `nth` application this calendar month (to this agency).
    PerApplication { nth: u32 },
    /// 按量: pages of paper, e-mail or copied data.
    PerPage { pages: u32 },
    /// Reduced to nothing for hardship or other good reason, which is recorded.
    Waived { reason: String },
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FeeError {
    #[error("申请件次应从1开始计算")]
    ZeroApplication,
    #[error("减免收费须说明理由")]
    WaiverWithoutReason,
    #[error("收费金额过大，请核对件次或页数")]
    TooLarge,
}

impl Fee {
    /// The amount in 元.
    pub fn amount(&self) -> Result<u64, FeeError> {
        match self {
            Fee::PerApplication { nth } => per_application(*nth),
            Fee::PerPage { pages } => Ok(per_page(*pages)),
            Fee::Waived { reason } if reason.trim().is_empty() => {
                Err(FeeError::WaiverWithoutReason)
            }
            Fee::Waived { .. } => Ok(0),
        }
    }

    /// The method and what it was applied to, in the words of a fee notice.
    pub fn describe(&self) -> String {
        match self {
            Fee::PerApplication { nth } => format!("按件计收，申请人本月第{nth}件申请"),
            Fee::PerPage { pages } => format!("按量计收，共{pages}页"),
            Fee::Waived { reason } => format!("减免，理由：{reason}"),
        }
    }
}

/// 1st–10th free; 11th–30th 100 元 each; then each further band of 10 costs 100 元 more.
fn per_application(nth: u32) -> Result<u64, FeeError> {
    match nth {
        0 => Err(FeeError::ZeroApplication),
        1..=10 => Ok(0),
        11..=30 => Ok(100),
        n => {
            let band = u64::from(n.saturating_sub(31) / 10).saturating_add(2);
            band.checked_mul(100).ok_or(FeeError::TooLarge)
        }
    }
}

/// Pages 1–30 free; 31–100 at 10 元; 101–200 at 20 元; 201 and up at 40 元.
fn per_page(pages: u32) -> u64 {
    let p = u64::from(pages);
    let band = |from: u64, to: u64| p.min(to).saturating_sub(from);
    band(30, 100)
        .saturating_mul(10)
        .saturating_add(band(100, 200).saturating_mul(20))
        .saturating_add(band(200, u64::MAX).saturating_mul(40))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_itself() {
        let cases = [
            (
                Fee::PerApplication { nth: 12 },
                "按件计收，申请人本月第12件申请",
            ),
            (Fee::PerPage { pages: 60 }, "按量计收，共60页"),
            (
                Fee::Waived {
                    reason: "低保户".into(),
                },
                "减免，理由：低保户",
            ),
        ];
        for (fee, want) in cases {
            assert_eq!(fee.describe(), want);
        }
    }

    #[test]
    fn per_application_bands() {
        let cases = [
            (1, 0),
            (10, 0),
            (11, 100),
            (30, 100),
            (31, 200),
            (40, 200),
            (41, 300),
            (50, 300),
            (51, 400),
        ];
        for (nth, want) in cases {
            assert_eq!(Fee::PerApplication { nth }.amount(), Ok(want), "{nth}");
        }
        assert_eq!(
            Fee::PerApplication { nth: 0 }.amount(),
            Err(FeeError::ZeroApplication)
        );
    }

    #[test]
    fn per_page_bands() {
        let cases = [
            (0, 0),
            (30, 0),
            (31, 10),
            (100, 700),
            (150, 1700),
            (200, 2700),
            (201, 2740),
        ];
        for (pages, want) in cases {
            assert_eq!(Fee::PerPage { pages }.amount(), Ok(want), "{pages}");
        }
    }

    #[test]
    fn waivers_need_a_reason() {
        assert_eq!(
            Fee::Waived {
                reason: "低保户".into()
            }
            .amount(),
            Ok(0)
        );
        assert_eq!(
            Fee::Waived { reason: " ".into() }.amount(),
            Err(FeeError::WaiverWithoutReason)
        );
    }
}
