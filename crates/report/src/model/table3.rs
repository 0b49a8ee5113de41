//! Table 三: applications received and handled, 25 rows × 7 columns.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Cell;

/// The applicant columns of table 三, in the order every row array uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Column {
    Natural,
    Commercial,
    Research,
    PublicInterest,
    LegalServices,
    Other,
    Total,
}

impl Column {
    pub const ALL: [Column; 7] = [
        Column::Natural,
        Column::Commercial,
        Column::Research,
        Column::PublicInterest,
        Column::LegalServices,
        Column::Other,
        Column::Total,
    ];

    /// The column's header as printed.
    pub fn label(self) -> &'static str {
        match self {
            Column::Natural => "自然人",
            Column::Commercial => "商业企业",
            Column::Research => "科研机构",
            Column::PublicInterest => "社会公益组织",
            Column::LegalServices => "法律服务机构",
            Column::Other => "其他",
            Column::Total => "总计",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Column::Natural => "natural",
            Column::Commercial => "commercial",
            Column::Research => "research",
            Column::PublicInterest => "public_interest",
            Column::LegalServices => "legal_services",
            Column::Other => "other",
            Column::Total => "total",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

macro_rules! row_keys {
    ($($variant:ident => $key:literal, $label:literal;)*) => {
        /// The rows of table 三 (annual-report.md lists the keys and printed labels).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum RowKey { $($variant),* }

        impl RowKey {
            pub const ALL: [RowKey; 25] = [$(RowKey::$variant),*];

            /// The key used in the interchange JSON.
            pub fn key(self) -> &'static str {
                match self { $(RowKey::$variant => $key),* }
            }

            /// The row's own label as printed in the 2021 format (without its group).
            pub fn label(self) -> &'static str {
                match self { $(RowKey::$variant => $label),* }
            }

            pub fn from_key(key: &str) -> Option<RowKey> {
                match key { $($key => Some(RowKey::$variant),)* _ => None }
            }
        }
    };
}

row_keys! {
    New => "new", "一、本年新收政府信息公开申请数量";
    CarriedOver => "carried_over", "二、上年结转政府信息公开申请数量";
    Granted => "granted", "（一）予以公开";
    PartlyGranted => "partly_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）";
    DeniedStateSecret => "denied_state_secret", "1.属于国家秘密";
    DeniedLawProhibits => "denied_law_prohibits", "2.其他法律行政法规禁止公开";
    DeniedThreeSafety => "denied_three_safety", "3.危及“三安全一稳定”";
    DeniedThirdParty => "denied_third_party", "4.保护第三方合法权益";
    DeniedInternalAffairs => "denied_internal_affairs", "5.属于三类内部事务信息";
    DeniedProcessInfo => "denied_process_info", "6.属于四类过程性信息";
    DeniedEnforcementFile => "denied_enforcement_file", "7.属于行政执法案卷";
    DeniedAdminQuery => "denied_admin_query", "8.属于行政查询事项";
    UnableNotHeld => "unable_not_held", "1.本机关不掌握相关政府信息";
    UnableNeedsCreation => "unable_needs_creation", "2.没有现成信息需要另行制作";
    UnableUnclear => "unable_unclear", "3.补正后申请内容仍不明确";
    NotProcessedPetition => "not_processed_petition", "1.信访举报投诉类申请";
    NotProcessedRepeat => "not_processed_repeat", "2.重复申请";
    NotProcessedPublication => "not_processed_publication", "3.要求提供公开出版物";
    NotProcessedMassive => "not_processed_massive", "4.无正当理由大量反复申请";
    NotProcessedReconfirm => "not_processed_reconfirm", "5.要求行政机关确认或重新出具已获取信息";
    OtherNoCorrection => "other_no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请";
    OtherNoFee => "other_no_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请";
    OtherOther => "other_other", "3.其他";
    TotalProcessed => "total_processed", "（七）总计";
    CarriedForward => "carried_forward", "四、结转下年度继续办理";
}

/// The outcome groups of 三、本年度办理结果 that hold sub-rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    Denied,
    Unable,
    NotProcessed,
    Other,
}

impl Group {
    pub fn label(self) -> &'static str {
        match self {
            Group::Denied => "（三）不予公开",
            Group::Unable => "（四）无法提供",
            Group::NotProcessed => "（五）不予处理",
            Group::Other => "（六）其他处理",
        }
    }
}

impl RowKey {
    pub fn index(self) -> usize {
        self as usize
    }

    /// The 21 outcome rows whose sum is （七）总计.
    pub fn outcomes() -> impl Iterator<Item = RowKey> {
        RowKey::ALL
            .into_iter()
            .filter(|k| (RowKey::Granted..=RowKey::OtherOther).contains(k))
    }

    pub fn group(self) -> Option<Group> {
        use RowKey::*;
        match self {
            DeniedStateSecret
            | DeniedLawProhibits
            | DeniedThreeSafety
            | DeniedThirdParty
            | DeniedInternalAffairs
            | DeniedProcessInfo
            | DeniedEnforcementFile
            | DeniedAdminQuery => Some(Group::Denied),
            UnableNotHeld | UnableNeedsCreation | UnableUnclear => Some(Group::Unable),
            NotProcessedPetition
            | NotProcessedRepeat
            | NotProcessedPublication
            | NotProcessedMassive
            | NotProcessedReconfirm => Some(Group::NotProcessed),
            OtherNoCorrection | OtherNoFee | OtherOther => Some(Group::Other),
            _ => None,
        }
    }

    /// How a clerk names the row in a message: its group and its own label.
    pub fn display(self) -> String {
        match self.group() {
            Some(g) => format!("{}{}", g.label(), self.label()),
            None => self.label().to_string(),
        }
    }
}

/// One row: seven cells in [`Column`] order.
pub type Row = [Cell; 7];

/// Table 三. A row absent from the source (a 2019-format report has no （六） sub-rows) is `None`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table3 {
    rows: [Option<Row>; 25],
    /// The 2019 trial format's single （六）其他处理 row.
    pub other_single_2019: Option<Row>,
}

impl Table3 {
    pub fn row(&self, key: RowKey) -> Option<&Row> {
        self.rows.get(key.index()).and_then(Option::as_ref)
    }

    pub fn set_row(&mut self, key: RowKey, row: Option<Row>) {
        if let Some(slot) = self.rows.get_mut(key.index()) {
            *slot = row;
        }
    }

    pub fn cell(&self, key: RowKey, col: Column) -> Cell {
        self.row(key)
            .and_then(|r| r.get(col.index()).copied().flatten())
    }

    pub fn is_empty(&self) -> bool {
        self.rows.iter().all(Option::is_none) && self.other_single_2019.is_none()
    }
}

impl Serialize for Table3 {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let extra = usize::from(self.other_single_2019.is_some());
        let mut map = s.serialize_map(Some(25 + extra))?;
        for key in RowKey::ALL {
            map.serialize_entry(key.key(), &self.row(key))?;
        }
        if let Some(row) = &self.other_single_2019 {
            map.serialize_entry("other_single_2019", row)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Table3 {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let map = BTreeMap::<String, Option<Row>>::deserialize(d)?;
        let mut table = Table3::default();
        for (k, row) in map {
            if k == "other_single_2019" {
                table.other_single_2019 = row;
            } else if let Some(key) = RowKey::from_key(&k) {
                table.set_row(key, row);
            } else {
                return Err(serde::de::Error::custom(format!(
                    "unknown table3 row `{k}`"
                )));
            }
        }
        Ok(table)
    }
}

impl schemars::JsonSchema for Table3 {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Table3".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let row = generator.subschema_for::<Option<Row>>();
        let mut props = serde_json::Map::new();
        for key in RowKey::ALL {
            props.insert(key.key().into(), row.clone().into());
        }
        props.insert("other_single_2019".into(), row.into());
        schemars::json_schema!({
            "type": "object",
            "description": "Table 三: one 7-array per row key, columns natural, commercial, research, public_interest, legal_services, other, total; null where the source has no figure.",
            "properties": props,
            "additionalProperties": false
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twenty_one_outcome_rows() {
        assert_eq!(RowKey::outcomes().count(), 21);
    }

    #[test]
    fn keys_round_trip() {
        for key in RowKey::ALL {
            assert_eq!(RowKey::from_key(key.key()), Some(key));
        }
    }
}
