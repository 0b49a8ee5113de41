//! The one outcome a closed application ends in: a table-三 outcome row, with the article of the
//! 条例 that the reply relies on.

use report::model::RowKey;
use serde::{Deserialize, Serialize};

/// A table-三 outcome row (予以公开 … 其他). Only the 21 outcome rows qualify.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Outcome(RowKey);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("“{0}”不是办理结果（应为表三“本年度办理结果”中的一项）")]
pub struct NotAnOutcome(pub String);

impl Outcome {
    pub fn new(row: RowKey) -> Result<Outcome, NotAnOutcome> {
        if RowKey::outcomes().any(|k| k == row) {
            Ok(Outcome(row))
        } else {
            Err(NotAnOutcome(row.key().to_string()))
        }
    }

    pub fn all() -> impl Iterator<Item = Outcome> {
        RowKey::outcomes().map(Outcome)
    }

    /// The row it is counted in.
    pub fn row(self) -> RowKey {
        self.0
    }

    pub fn label(self) -> String {
        self.0.display()
    }

    /// The article the reply relies on (条例, 2019 revision).
    pub fn basis(self) -> &'static str {
        use RowKey::*;
        match self.0 {
            Granted => "《中华人民共和国政府信息公开条例》第三十六条第（一）项、第（二）项",
            PartlyGranted => "《中华人民共和国政府信息公开条例》第三十七条、第三十六条第（三）项",
            DeniedStateSecret | DeniedLawProhibits | DeniedThreeSafety => {
                "《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项"
            }
            DeniedThirdParty => {
                "《中华人民共和国政府信息公开条例》第十五条、第三十二条、第三十六条第（三）项"
            }
            DeniedInternalAffairs | DeniedProcessInfo | DeniedEnforcementFile => {
                "《中华人民共和国政府信息公开条例》第十六条、第三十六条第（三）项"
            }
            DeniedAdminQuery => "《中华人民共和国政府信息公开条例》第三十九条第二款",
            UnableNotHeld => "《中华人民共和国政府信息公开条例》第三十六条第（四）项、第（五）项",
            UnableNeedsCreation => "《中华人民共和国政府信息公开条例》第三十八条",
            UnableUnclear => "《中华人民共和国政府信息公开条例》第三十条",
            NotProcessedPetition | NotProcessedPublication => {
                "《中华人民共和国政府信息公开条例》第三十九条第一款"
            }
            NotProcessedRepeat => "《中华人民共和国政府信息公开条例》第三十六条第（六）项",
            NotProcessedMassive => "《中华人民共和国政府信息公开条例》第三十五条",
            NotProcessedReconfirm => "《中华人民共和国政府信息公开条例》第三十六条第（六）项",
            OtherNoCorrection => "《中华人民共和国政府信息公开条例》第三十条",
            OtherNoFee => {
                "《中华人民共和国政府信息公开条例》第四十二条、《政府信息公开信息处理费管理办法》"
            }
            _ => "《中华人民共和国政府信息公开条例》第三十六条第（七）项",
        }
    }
}

impl TryFrom<String> for Outcome {
    type Error = NotAnOutcome;
    fn try_from(key: String) -> Result<Self, Self::Error> {
        RowKey::from_key(&key)
            .ok_or_else(|| NotAnOutcome(key.clone()))
            .and_then(Outcome::new)
    }
}

impl From<Outcome> for String {
    fn from(o: Outcome) -> String {
        o.0.key().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_outcome_rows_are_outcomes() {
        assert_eq!(Outcome::all().count(), 21);
        assert!(Outcome::new(RowKey::Granted).is_ok());
        for not in [
            RowKey::New,
            RowKey::CarriedOver,
            RowKey::TotalProcessed,
            RowKey::CarriedForward,
        ] {
            assert!(Outcome::new(not).is_err(), "{not:?}");
        }
        assert!(Outcome::try_from("granted".to_string()).is_ok());
        assert!(Outcome::try_from("nonsense".to_string()).is_err());
    }

    #[test]
    fn every_outcome_cites_the_regulation() {
        for o in Outcome::all() {
            assert!(
                o.basis().contains("条例") || o.basis().contains("办法"),
                "{}",
                o.label()
            );
        }
    }
}
