//! The arithmetic of the tables: rules `row_total`, `balance`, `outcome_sum`, `table4_total`,
//! `not_a_count`. A blank cell counts as 0 (the printed table says nothing happened there); a
//! cell lost in extraction makes every identity through it unjudgeable, so those are skipped.

use super::{Context, Finding};
use crate::model::{
    Cell, Column, Format, Group, Num, Report, RowKey, TABLE2_FIELDS, Table3, Table4,
};

fn v(cell: Cell) -> f64 {
    cell.map_or(0.0, Num::value)
}

fn fmt(x: f64) -> String {
    Num::new(x).map_or_else(|| x.to_string(), |n| n.to_string())
}

fn differs(a: f64, b: f64) -> bool {
    (a - b).abs() > 1e-9
}

pub(super) fn check(report: &Report, ctx: &Context, out: &mut Vec<Finding>) {
    not_a_count(report, out);
    let t = &report.table3;
    if !t.is_empty() {
        row_total(t, ctx, out);
        balance(t, ctx, out);
        outcome_sum(t, report.format, ctx, out);
    }
    table4_total(report, out);
}

fn not_a_count(report: &Report, out: &mut Vec<Finding>) {
    for ((key, label), cell) in TABLE2_FIELDS.iter().zip(report.table2.cells()) {
        let Some(n) = cell else { continue };
        let bad = if *key == "fees_wan_yuan" {
            n.value() < 0.0
        } else {
            !n.is_count()
        };
        if bad {
            out.push(Finding::error(
                "not_a_count",
                format!("table2.{key}"),
                format!(
                    "表二“{label}”填写为{n}，{}",
                    if *key == "fees_wan_yuan" {
                        "收费金额不能为负数"
                    } else {
                        "应为非负整数"
                    }
                ),
            ));
        }
    }
    for key in RowKey::ALL {
        let Some(row) = report.table3.row(key) else {
            continue;
        };
        for (col, cell) in Column::ALL.iter().zip(row) {
            if let Some(n) = cell.filter(|n| !n.is_count()) {
                out.push(Finding::error(
                    "not_a_count",
                    format!("table3.{}.{}", key.key(), col.key()),
                    format!(
                        "表三“{}”行“{}”列填写为{n}，件数应为非负整数",
                        key.display(),
                        col.label()
                    ),
                ));
            }
        }
    }
    for (i, cell) in report.table4.0.iter().enumerate() {
        if let Some(n) = cell.filter(|n| !n.is_count()) {
            out.push(Finding::error(
                "not_a_count",
                format!("table4[{i}]"),
                format!(
                    "表四“{}”“{}”填写为{n}，件数应为非负整数",
                    Table4::group_label(i / 5),
                    Table4::result_label(i % 5)
                ),
            ));
        }
    }
}

fn row_total(t: &Table3, ctx: &Context, out: &mut Vec<Finding>) {
    for key in RowKey::ALL {
        let Some(row) = t.row(key) else { continue };
        if Column::ALL.iter().any(|&c| ctx.is_lost(key, c)) {
            continue;
        }
        let parts: f64 = row.iter().take(6).map(|&c| v(c)).sum();
        let total = row[6];
        if total.is_none() && parts == 0.0 {
            continue;
        }
        if differs(v(total), parts) {
            let shown = row
                .iter()
                .take(6)
                .map(|&c| fmt(v(c)))
                .collect::<Vec<_>>()
                .join("+");
            let printed = total.map_or_else(|| "空白".to_string(), |n| n.to_string());
            out.push(Finding::error(
                "row_total",
                format!("table3.{}", key.key()),
                format!(
                    "表三“{}”行：各类申请人{shown}={} ≠ 总计{printed}",
                    key.display(),
                    fmt(parts)
                ),
            ));
        }
    }
}

fn balance(t: &Table3, ctx: &Context, out: &mut Vec<Finding>) {
    use RowKey::{CarriedForward, CarriedOver, New, TotalProcessed};
    for col in Column::ALL {
        let keys = [New, CarriedOver, TotalProcessed, CarriedForward];
        if keys
            .iter()
            .any(|&k| ctx.is_lost(k, col) || t.row(k).is_none())
            || keys.iter().all(|&k| t.cell(k, col).is_none())
        {
            continue;
        }
        let [n, c, p, f] = keys.map(|k| v(t.cell(k, col)));
        if differs(n + c, p + f) {
            out.push(Finding::error(
                "balance",
                format!("table3[{}]", col.key()),
                format!(
                    "表三“{}”列：新收{}+上年结转{} ≠ 办理结果总计{}+结转下年度{}",
                    col.label(),
                    fmt(n),
                    fmt(c),
                    fmt(p),
                    fmt(f)
                ),
            ));
        }
    }
}

fn outcome_sum(t: &Table3, format: Format, ctx: &Context, out: &mut Vec<Finding>) {
    for col in Column::ALL {
        let mut keys = RowKey::outcomes().chain([RowKey::TotalProcessed]);
        // A row the source does not have (the `sections` warning names it) could hold anything;
        // the 2019 format has no rows for the three kinds of （六）.
        let absent = |k: RowKey| {
            t.row(k).is_none() && !(format == Format::Trial2019 && k.group() == Some(Group::Other))
        };
        if keys.any(|k| ctx.is_lost(k, col) || absent(k)) {
            continue;
        }
        let mut sum: f64 = RowKey::outcomes().map(|k| v(t.cell(k, col))).sum();
        if format == Format::Trial2019 {
            sum += t.other_single_2019.map_or(0.0, |r| v(r[col.index()]));
        }
        let total = t.cell(RowKey::TotalProcessed, col);
        if total.is_none() && sum == 0.0 {
            continue;
        }
        if differs(sum, v(total)) {
            let printed = total.map_or_else(|| "空白".to_string(), |n| n.to_string());
            // A column whose outcome rows were all left blank says so: "合计0" would read as
            // if zeros had been printed there.
            let all_blank = RowKey::outcomes().all(|k| t.cell(k, col).is_none())
                && (format != Format::Trial2019
                    || t.other_single_2019.is_none_or(|r| r[col.index()].is_none()));
            let parts = if all_blank {
                "均为空白".to_string()
            } else {
                format!("合计{}", fmt(sum))
            };
            out.push(Finding::error(
                "outcome_sum",
                format!("table3[{}]", col.key()),
                format!(
                    "表三“{}”列：各项办理结果{parts} ≠ （七）总计{printed}",
                    col.label()
                ),
            ));
        }
    }
}

fn table4_total(report: &Report, out: &mut Vec<Finding>) {
    for g in 0..3 {
        let cells = report.table4.group(g);
        if cells.iter().all(Option::is_none) {
            continue;
        }
        let parts: f64 = cells.iter().take(4).map(|&c| v(c)).sum();
        if differs(parts, v(cells[4])) {
            let shown = cells
                .iter()
                .take(4)
                .map(|&c| fmt(v(c)))
                .collect::<Vec<_>>()
                .join("+");
            let printed = cells[4].map_or_else(|| "空白".to_string(), |n| n.to_string());
            out.push(Finding::error(
                "table4_total",
                format!("table4[{}..{}]", g * 5, g * 5 + 5),
                format!(
                    "表四“{}”：维持、纠正、其他、尚未审结{shown}={} ≠ 总计{printed}",
                    Table4::group_label(g),
                    fmt(parts)
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::check;
    use crate::model::{Row, Table4};

    fn n(v: f64) -> Cell {
        Num::new(v)
    }

    /// A reconciled table: 3 new + 1 carried = 3 granted + 1 forward, all natural persons.
    fn clean() -> Report {
        let mut r = Report::default();
        let zero: Row = [n(0.0); 7];
        for key in RowKey::ALL {
            r.table3.set_row(key, Some(zero));
        }
        let row = |v: f64| -> Row { [n(v), n(0.0), n(0.0), n(0.0), n(0.0), n(0.0), n(v)] };
        r.table3.set_row(RowKey::New, Some(row(3.0)));
        r.table3.set_row(RowKey::CarriedOver, Some(row(1.0)));
        r.table3.set_row(RowKey::Granted, Some(row(3.0)));
        r.table3.set_row(RowKey::TotalProcessed, Some(row(3.0)));
        r.table3.set_row(RowKey::CarriedForward, Some(row(1.0)));
        r.table4 = Table4([
            n(1.0),
            n(0.0),
            n(0.0),
            n(1.0),
            n(2.0),
            n(0.0),
            n(0.0),
            n(0.0),
            n(0.0),
            n(0.0),
            None,
            None,
            None,
            None,
            None,
        ]);
        r
    }

    fn errors(r: &Report) -> Vec<String> {
        let mut v: Vec<String> = check(r)
            .into_iter()
            .filter(|f| f.severity == crate::Severity::Error)
            .map(|f| f.rule)
            .collect();
        v.sort();
        v.dedup();
        v
    }

    fn set(r: &mut Report, key: RowKey, col: Column, v: Cell) {
        let mut row = r.table3.row(key).copied().unwrap_or([None; 7]);
        row[col.index()] = v;
        r.table3.set_row(key, Some(row));
    }

    #[test]
    fn each_rule_fires_on_its_own_defect() {
        type Edit = fn(&mut Report);
        let cases: [(&str, Edit, &[&str]); 9] = [
            ("clean", |_| {}, &[]),
            (
                "row total",
                |r| set(r, RowKey::Granted, Column::Total, n(4.0)),
                &["outcome_sum", "row_total"],
            ),
            (
                "balance",
                |r| {
                    set(r, RowKey::CarriedForward, Column::Natural, n(2.0));
                    set(r, RowKey::CarriedForward, Column::Total, n(2.0));
                },
                &["balance"],
            ),
            (
                "outcome sum",
                |r| {
                    set(r, RowKey::PartlyGranted, Column::Natural, n(1.0));
                    set(r, RowKey::PartlyGranted, Column::Total, n(1.0));
                },
                &["outcome_sum"],
            ),
            ("table4", |r| r.table4.0[4] = n(3.0), &["table4_total"]),
            (
                "negative",
                |r| {
                    set(r, RowKey::DeniedStateSecret, Column::Natural, n(-1.0));
                    set(r, RowKey::DeniedStateSecret, Column::Commercial, n(1.0));
                },
                &["not_a_count", "outcome_sum"],
            ),
            (
                "fraction",
                |r| r.table2.licensing = n(2.5),
                &["not_a_count"],
            ),
            (
                "fee may be a decimal",
                |r| r.table2.fees_wan_yuan = n(2.5),
                &[],
            ),
            (
                "blank total with parts",
                |r| set(r, RowKey::Granted, Column::Total, None),
                &["outcome_sum", "row_total"],
            ),
        ];
        for (name, edit, want) in cases {
            let mut r = clean();
            edit(&mut r);
            assert_eq!(
                errors(&r),
                want.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
                "{name}"
            );
        }
    }

    #[test]
    fn a_blank_row_is_zero_and_lost_cells_are_not_judged() {
        let mut r = clean();
        r.table3.set_row(RowKey::DeniedThirdParty, Some([None; 7]));
        assert!(errors(&r).is_empty());
        set(&mut r, RowKey::Granted, Column::Total, None);
        let ctx = Context {
            lost: vec![(RowKey::Granted, Column::Total)],
            ..Context::default()
        };
        let judged: Vec<_> = crate::check::check_with(&r, &ctx)
            .into_iter()
            .filter(|f| f.severity == crate::Severity::Error)
            .collect();
        assert!(judged.is_empty(), "{judged:?}");
    }

    #[test]
    fn an_outcome_column_left_blank_is_named_blank() {
        // Some reports fill 总计 only on the rows of 一, 二, （七） and 四.
        let mut r = clean();
        for key in RowKey::outcomes() {
            set(&mut r, key, Column::Total, None);
        }
        let messages: Vec<String> = check(&r)
            .into_iter()
            .filter(|f| f.rule == "outcome_sum")
            .map(|f| f.message)
            .collect();
        let total = r.table3.cell(RowKey::TotalProcessed, Column::Total);
        let total = total.map_or_else(String::new, |n| n.to_string());
        assert_eq!(
            messages,
            [format!(
                "表三“总计”列：各项办理结果均为空白 ≠ （七）总计{total}"
            )]
        );
    }

    #[test]
    fn messages_name_the_figures() {
        let mut r = clean();
        set(&mut r, RowKey::New, Column::Total, n(1.0));
        set(&mut r, RowKey::New, Column::Natural, n(1.0));
        let f = check(&r)
            .into_iter()
            .find(|f| f.rule == "balance")
            .expect("balance");
        assert_eq!(
            f.message,
            "表三“自然人”列：新收1+上年结转1 ≠ 办理结果总计3+结转下年度1"
        );
    }
}
