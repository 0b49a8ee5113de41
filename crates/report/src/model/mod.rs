//! The one typed model of an annual report, serialised as the interchange JSON of
//! `spec/annual-report.md`.

mod num;
mod table3;

pub use num::{Cell, Num};
pub use table3::{Column, Group, Row, RowKey, Table3};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Which national layout the tables follow.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum Format {
    /// 国办公开办函〔2021〕30号, in use from the 2020 reports on.
    #[default]
    #[serde(rename = "2021")]
    F2021,
    /// 国办公开办函〔2019〕60号, the trial layout of the 2019 reports.
    #[serde(rename = "2019-trial")]
    Trial2019,
}

/// A whole report.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// The issuing body (发布机关), e.g. 山亭区凫城镇人民政府.
    pub body: Option<String>,
    /// The calendar year reported on.
    pub year: Option<i32>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub format: Format,
    /// Publication date (YYYY-MM-DD) where the source states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(default)]
    pub sections: Sections,
    #[serde(default)]
    pub table2: Table2,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table2_2019: Option<Table2Trial>,
    #[serde(default)]
    #[schemars(with = "Table3")]
    pub table3: Table3,
    #[serde(default)]
    pub table4: Table4,
}

fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

/// The text of the six sections, as printed (tables left out). `None` where the heading was not found.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sections {
    /// 一、总体情况
    pub overview: Option<String>,
    /// 二、主动公开政府信息情况
    pub proactive: Option<String>,
    /// 三、收到和处理政府信息公开申请情况
    pub requests: Option<String>,
    /// 四、政府信息公开行政复议、行政诉讼情况
    pub appeals: Option<String>,
    /// 五、存在的主要问题及改进情况
    pub problems: Option<String>,
    /// 六、其他需要报告的事项
    pub other: Option<String>,
}

/// The six sections' numerals, as their headings print them (一、总体情况).
pub const SECTION_NUMERALS: [&str; 6] = ["一", "二", "三", "四", "五", "六"];

/// The six sections in order, with their printed headings.
pub const SECTION_HEADINGS: [&str; 6] = [
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
];

impl Sections {
    pub fn get(&self, index: usize) -> Option<&str> {
        self.slots().get(index).and_then(|s| s.as_deref())
    }

    pub fn set(&mut self, index: usize, text: String) {
        let slot = match index {
            0 => &mut self.overview,
            1 => &mut self.proactive,
            2 => &mut self.requests,
            3 => &mut self.appeals,
            4 => &mut self.problems,
            5 => &mut self.other,
            _ => return,
        };
        *slot = Some(text);
    }

    fn slots(&self) -> [&Option<String>; 6] {
        [
            &self.overview,
            &self.proactive,
            &self.requests,
            &self.appeals,
            &self.problems,
            &self.other,
        ]
    }

    /// All narrative text, sections joined by blank lines.
    pub fn all_text(&self) -> String {
        self.slots()
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

/// Table 二 in the 2021 format: ten cells.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table2 {
    pub rules_issued: Cell,
    pub rules_repealed: Cell,
    pub rules_in_force: Cell,
    pub normative_issued: Cell,
    pub normative_repealed: Cell,
    pub normative_in_force: Cell,
    pub licensing: Cell,
    pub penalty: Cell,
    pub enforcement: Cell,
    /// 本年收费金额（单位：万元）: a decimal.
    pub fees_wan_yuan: Cell,
}

/// The keys of table 二, in printed order, with the label a clerk knows them by.
pub const TABLE2_FIELDS: [(&str, &str); 10] = [
    ("rules_issued", "规章 本年制发件数"),
    ("rules_repealed", "规章 本年废止件数"),
    ("rules_in_force", "规章 现行有效件数"),
    ("normative_issued", "行政规范性文件 本年制发件数"),
    ("normative_repealed", "行政规范性文件 本年废止件数"),
    ("normative_in_force", "行政规范性文件 现行有效件数"),
    ("licensing", "行政许可 本年处理决定数量"),
    ("penalty", "行政处罚 本年处理决定数量"),
    ("enforcement", "行政强制 本年处理决定数量"),
    ("fees_wan_yuan", "行政事业性收费 本年收费金额（万元）"),
];

impl Table2 {
    pub fn cells(&self) -> [Cell; 10] {
        [
            self.rules_issued,
            self.rules_repealed,
            self.rules_in_force,
            self.normative_issued,
            self.normative_repealed,
            self.normative_in_force,
            self.licensing,
            self.penalty,
            self.enforcement,
            self.fees_wan_yuan,
        ]
    }

    pub fn from_cells(c: [Cell; 10]) -> Table2 {
        let [
            rules_issued,
            rules_repealed,
            rules_in_force,
            normative_issued,
            normative_repealed,
            normative_in_force,
            licensing,
            penalty,
            enforcement,
            fees_wan_yuan,
        ] = c;
        Table2 {
            rules_issued,
            rules_repealed,
            rules_in_force,
            normative_issued,
            normative_repealed,
            normative_in_force,
            licensing,
            penalty,
            enforcement,
            fees_wan_yuan,
        }
    }
}

/// Table 二 in the 2019 trial format, read as far as it goes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table2Trial {
    pub rules_new_made: Cell,
    pub rules_new_published: Cell,
    pub rules_total_published: Cell,
    pub normative_new_made: Cell,
    pub normative_new_published: Cell,
    pub normative_total_published: Cell,
    pub licensing_prev_year_items: Cell,
    pub licensing_change: Cell,
    pub licensing_decisions: Cell,
    pub other_external_services_prev_year_items: Cell,
    pub other_external_services_change: Cell,
    pub other_external_services_decisions: Cell,
    pub penalty_prev_year_items: Cell,
    pub penalty_change: Cell,
    pub penalty_decisions: Cell,
    pub enforcement_prev_year_items: Cell,
    pub enforcement_change: Cell,
    pub enforcement_decisions: Cell,
    pub fees_prev_year_items: Cell,
    pub fees_change: Cell,
    pub procurement_items: Cell,
    /// Printed with its unit (e.g. `251000元`), so kept as text.
    pub procurement_amount: Option<String>,
}

/// Table 四: 行政复议, then 行政诉讼 未经复议直接起诉, then 复议后起诉; each 维持, 纠正, 其他, 尚未审结, 总计.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct Table4(pub [Cell; 15]);

impl Table4 {
    pub const GROUPS: [&'static str; 3] = [
        "行政复议",
        "行政诉讼（未经复议直接起诉）",
        "行政诉讼（复议后起诉）",
    ];
    pub const RESULTS: [&'static str; 5] = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

    pub fn group_label(g: usize) -> &'static str {
        Self::GROUPS.get(g).copied().unwrap_or("")
    }

    pub fn result_label(r: usize) -> &'static str {
        Self::RESULTS.get(r).copied().unwrap_or("")
    }

    pub fn group(&self, g: usize) -> [Cell; 5] {
        let mut out = [None; 5];
        for (i, slot) in out.iter_mut().enumerate() {
            *slot = self.0.get(g * 5 + i).copied().flatten();
        }
        out
    }
}

impl Report {
    /// The JSON Schema of the interchange format.
    pub fn json_schema() -> serde_json::Value {
        serde_json::to_value(schemars::schema_for!(Report)).unwrap_or_default()
    }
}
