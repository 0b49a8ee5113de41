//! The arithmetic of the tables: rules `row_total`, `balance`, `outcome_sum`, `table4_total`,
//! `not_a_count`. A blank cell counts as 0 (the printed table says nothing happened there); a
//! cell lost in extraction makes every identity through it unjudgeable, so those are skipped.

use super::{Context, Finding};
use crate::model::{Cell, Column, Format, Num, Report, RowKey, TABLE2_FIELDS, Table3, Table4};

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
        if keys.iter().any(|&k| ctx.is_lost(k, col))
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
        let mut keys: Vec<RowKey> = RowKey::outcomes().collect();
        keys.push(RowKey::TotalProcessed);
        if keys.iter().any(|&k| ctx.is_lost(k, col)) {
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
            out.push(Finding::error(
                "outcome_sum",
                format!("table3[{}]", col.key()),
                format!(
                    "表三“{}”列：各项办理结果合计{} ≠ （七）总计{printed}",
                    col.label(),
                    fmt(sum)
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
