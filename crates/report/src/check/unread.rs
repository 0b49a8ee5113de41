//! Tables, or rows of table 三, that the report does not give (rule `sections`: the report is
//! incomplete). A table that is not there cannot contradict itself, so without this a report
//! whose tables were lost — left out, printed as a picture, or scrambled by a text extractor —
//! would pass every arithmetic rule and look clean in a supervisor's batch. A table printed
//! with every cell blank (a township that made no 规章 and had no review) holds only nulls too,
//! yet is there: the reading says so ([`Context::tables_seen`]).

use super::{Context, Finding};
use crate::model::{Format, Report, RowKey, SECTION_HEADINGS, SECTION_NUMERALS};

pub(super) fn check(report: &Report, ctx: &Context, out: &mut Vec<Finding>) {
    let [table2_seen, table3_seen, table4_seen] = ctx.tables_seen;
    let table2_read =
        report.table2.cells().iter().any(Option::is_some) || report.table2_2019.is_some();
    if !table2_read && !table2_seen {
        out.push(unread(2));
    }
    if report.table3.is_empty() && table3_seen {
        out.push(Finding::warning(
            "sections",
            "table3",
            "表三各行均无数字（单元格全部空白：未填写，或提取时丢失），表中数字未能核对；如本年度未收到申请，宜逐格填0",
        ));
    } else if report.table3.is_empty() {
        out.push(unread(3));
    } else {
        missing_rows(report, out);
    }
    if report.table4.0.iter().all(Option::is_none) && !table4_seen {
        out.push(unread(4));
    }
}

/// Table `n` (2, 3 or 4) is the body of section `n`.
fn unread(n: usize) -> Finding {
    let numeral = SECTION_NUMERALS
        .get(n.wrapping_sub(1))
        .copied()
        .unwrap_or("");
    let heading = SECTION_HEADINGS
        .get(n.wrapping_sub(1))
        .copied()
        .unwrap_or("");
    Finding::warning(
        "sections",
        format!("table{n}"),
        format!(
            "没有第{numeral}部分“{heading}”的表格（缺表，或未能读出：表格为图片、提取时错乱），表中数字未能核对"
        ),
    )
}

/// Rows of a table 三 that was otherwise read. The 2019 trial layout has no （六） sub-rows.
fn missing_rows(report: &Report, out: &mut Vec<Finding>) {
    let trial = report.format == Format::Trial2019;
    let missing: Vec<String> = RowKey::ALL
        .into_iter()
        .filter(|&k| report.table3.row(k).is_none())
        .filter(|&k| {
            !(trial
                && matches!(
                    k,
                    RowKey::OtherNoCorrection | RowKey::OtherNoFee | RowKey::OtherOther
                ))
        })
        .map(|k| format!("“{}”", k.display()))
        .collect();
    if !missing.is_empty() {
        out.push(Finding::warning(
            "sections",
            "table3",
            format!(
                "表三缺少{}行：{}，这些行的数字未能核对",
                missing.len(),
                missing.join("、")
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Num, Table2Trial, Table4};

    /// Every table given, all zero.
    fn whole() -> Report {
        let mut r = Report::default();
        for key in RowKey::ALL {
            r.table3.set_row(key, Some([Num::new(0.0); 7]));
        }
        r.table2.licensing = Num::new(0.0);
        r.table4 = Table4([Num::new(0.0); 15]);
        r
    }

    fn said(r: &Report) -> Vec<(String, String)> {
        said_seen(r, [false; 3])
    }

    fn said_seen(r: &Report, tables_seen: [bool; 3]) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let ctx = Context {
            tables_seen,
            ..Context::default()
        };
        check(r, &ctx, &mut out);
        out.into_iter().map(|f| (f.location, f.message)).collect()
    }

    /// A table the source printed with every cell blank holds only nulls, and is there.
    #[test]
    fn a_table_seen_all_blank_is_not_missing() {
        let mut r = whole();
        r.table2 = Default::default();
        r.table4 = Table4::default();
        let places =
            |seen| -> Vec<String> { said_seen(&r, seen).into_iter().map(|(w, _)| w).collect() };
        assert_eq!(places([false; 3]), ["table2", "table4"]);
        assert_eq!(places([true, true, false]), ["table4"]);
        assert!(places([true; 3]).is_empty());
    }

    /// Table 三 printed with its labels and every cell blank is said to be so, not missing.
    #[test]
    fn table_3_seen_with_every_cell_blank_is_named_as_blank() {
        let mut r = whole();
        r.table3 = Default::default();
        let said = said_seen(&r, [true; 3]);
        assert_eq!(said.len(), 1, "{said:?}");
        assert_eq!(said[0].0, "table3");
        assert!(said[0].1.contains("全部空白"), "{}", said[0].1);
        assert!(
            said_seen(&r, [true, false, true])[0]
                .1
                .starts_with("没有第三部分")
        );
    }

    #[test]
    fn each_missing_part_is_named_once() {
        type Edit = fn(&mut Report);
        let cases: [(&str, Edit, &[&str]); 7] = [
            ("whole", |_| {}, &[]),
            (
                "no table 二",
                |r| r.table2 = Default::default(),
                &["table2"],
            ),
            (
                "2019 table 二 instead",
                |r| {
                    r.table2 = Default::default();
                    r.table2_2019 = Some(Table2Trial::default());
                },
                &[],
            ),
            (
                "no table 三",
                |r| r.table3 = Default::default(),
                &["table3"],
            ),
            (
                "table 三 without two rows",
                |r| {
                    r.table3.set_row(RowKey::UnableUnclear, None);
                    r.table3.set_row(RowKey::CarriedForward, None);
                },
                &["table3"],
            ),
            (
                "2019 layout: no （六） sub-rows",
                |r| {
                    r.format = Format::Trial2019;
                    r.table3.set_row(RowKey::OtherNoCorrection, None);
                    r.table3.set_row(RowKey::OtherNoFee, None);
                    r.table3.set_row(RowKey::OtherOther, None);
                },
                &[],
            ),
            ("no table 四", |r| r.table4 = Table4::default(), &["table4"]),
        ];
        for (name, edit, want) in cases {
            let mut r = whole();
            edit(&mut r);
            let places: Vec<String> = said(&r).into_iter().map(|(w, _)| w).collect();
            assert_eq!(places, want, "{name}");
        }
    }

    #[test]
    fn messages_name_the_section_and_the_rows() {
        let mut r = whole();
        r.table4 = Table4::default();
        r.table3.set_row(RowKey::UnableUnclear, None);
        let said = said(&r);
        assert_eq!(
            said[0].1,
            "表三缺少1行：“（四）无法提供3.补正后申请内容仍不明确”，这些行的数字未能核对"
        );
        assert!(
            said[1]
                .1
                .starts_with("没有第四部分“政府信息公开行政复议、行政诉讼情况”的表格"),
            "{}",
            said[1].1
        );
    }
}
