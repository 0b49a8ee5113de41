//! Who applied: exactly the applicant columns of table 三.

use report::model::Column;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApplicantKind {
    /// 自然人
    Natural,
    /// 法人或其他组织：商业企业
    Commercial,
    /// 科研机构
    Research,
    /// 社会公益组织
    PublicInterest,
    /// 法律服务机构
    LegalServices,
    /// 其他
    Other,
}

impl ApplicantKind {
    pub const ALL: [ApplicantKind; 6] = [
        ApplicantKind::Natural,
        ApplicantKind::Commercial,
        ApplicantKind::Research,
        ApplicantKind::PublicInterest,
        ApplicantKind::LegalServices,
        ApplicantKind::Other,
    ];

    /// The table-三 column the application is counted in.
    pub fn column(self) -> Column {
        match self {
            ApplicantKind::Natural => Column::Natural,
            ApplicantKind::Commercial => Column::Commercial,
            ApplicantKind::Research => Column::Research,
            ApplicantKind::PublicInterest => Column::PublicInterest,
            ApplicantKind::LegalServices => Column::LegalServices,
            ApplicantKind::Other => Column::Other,
        }
    }

    /// As the form shows it.
    pub fn label(self) -> &'static str {
        match self {
            ApplicantKind::Natural => "自然人",
            ApplicantKind::Commercial => "法人或其他组织（商业企业）",
            ApplicantKind::Research => "法人或其他组织（科研机构）",
            ApplicantKind::PublicInterest => "法人或其他组织（社会公益组织）",
            ApplicantKind::LegalServices => "法人或其他组织（法律服务机构）",
            ApplicantKind::Other => "法人或其他组织（其他）",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_own_column_and_none_is_the_total() {
        let cols: std::collections::HashSet<_> =
            ApplicantKind::ALL.iter().map(|k| k.column()).collect();
        assert_eq!(cols.len(), 6);
        assert!(!cols.contains(&Column::Total));
    }
}
