//! One seeded defect of the kind clerks make, each breaking exactly one rule.

use report::model::{Column, Num, Report, RowKey};

use crate::rng::Rng;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Defect {
    /// Two outcome rows' 总计 cells off by +d and −d: each row's sum breaks, the column still adds up.
    RowTotal,
    /// 结转下年度 raised in one applicant column and in 总计: only the 勾稽关系 breaks.
    Balance,
    /// One outcome raised in a column and its 总计: rows add up, the column's outcomes do not.
    OutcomeSum,
    /// One 行政复议/诉讼 result raised without its 总计.
    Table4Total,
    /// The narrative quotes another number of applications than the table.
    TextVsTable,
    /// Section 四 says there were no appeals while table 四 counts a reconsideration upheld
    /// (last year's sentence left unchanged).
    NoneSaid,
}

impl Defect {
    pub const ALL: [Defect; 6] = [
        Defect::RowTotal,
        Defect::Balance,
        Defect::OutcomeSum,
        Defect::Table4Total,
        Defect::TextVsTable,
        Defect::NoneSaid,
    ];

    pub fn rule(self) -> &'static str {
        match self {
            Defect::RowTotal => "row_total",
            Defect::Balance => "balance",
            Defect::OutcomeSum => "outcome_sum",
            Defect::Table4Total => "table4_total",
            Defect::TextVsTable | Defect::NoneSaid => "text_vs_table",
        }
    }
}

fn bump(r: &mut Report, key: RowKey, col: Column, d: f64) {
    let Some(mut row) = r.table3.row(key).copied() else {
        return;
    };
    let v = row[col.index()].map_or(0.0, Num::value) + d;
    row[col.index()] = Num::new(v);
    r.table3.set_row(key, Some(row));
}

/// Applies `defect` to a clean report; returns the rule the checker must now report.
pub fn inject(r: &mut Report, defect: Defect, rng: &mut Rng) -> &'static str {
    let outcomes: Vec<RowKey> = RowKey::outcomes().collect();
    match defect {
        Defect::RowTotal => {
            let positive: Vec<RowKey> = outcomes
                .iter()
                .copied()
                .filter(|&k| {
                    r.table3
                        .cell(k, Column::Total)
                        .is_some_and(|n| n.value() >= 1.0)
                })
                .collect();
            if positive.is_empty() {
                // Nothing to lower without a negative count: raise three totals that keep every column sum.
                let a = *rng.pick(&outcomes);
                let new = r
                    .table3
                    .cell(RowKey::New, Column::Total)
                    .map_or(0.0, Num::value) as u32;
                for key in [a, RowKey::TotalProcessed, RowKey::New] {
                    bump(r, key, Column::Total, 1.0);
                }
                // The narrative quotes the 新收 total; it must keep agreeing with the table.
                requote(r, new, new + 1);
            } else {
                let b = *rng.pick(&positive);
                let a = *rng.pick(
                    &outcomes
                        .iter()
                        .copied()
                        .filter(|k| *k != b)
                        .collect::<Vec<_>>(),
                );
                bump(r, a, Column::Total, 1.0);
                bump(r, b, Column::Total, -1.0);
            }
        }
        Defect::Balance => {
            bump(r, RowKey::CarriedForward, Column::Natural, 1.0);
            bump(r, RowKey::CarriedForward, Column::Total, 1.0);
        }
        Defect::OutcomeSum => {
            let k = *rng.pick(&outcomes);
            bump(r, k, Column::Natural, 1.0);
            bump(r, k, Column::Total, 1.0);
        }
        Defect::Table4Total => {
            let g = rng.below(3) as usize;
            let i = g * 5 + rng.below(4) as usize;
            let v = r.table4.0[i].map_or(0.0, Num::value) + 1.0;
            r.table4.0[i] = Num::new(v);
        }
        Defect::TextVsTable => {
            let new = r
                .table3
                .cell(RowKey::New, Column::Total)
                .map_or(0.0, Num::value) as u32;
            let carried = r
                .table3
                .cell(RowKey::CarriedOver, Column::Total)
                .map_or(0.0, Num::value) as u32;
            // The checker also accepts new + carried over (some reports quote both together).
            let delta = if carried == 3 { 4 } else { 3 };
            requote(r, new, new + delta);
        }
        Defect::NoneSaid => {
            r.sections.appeals = Some(crate::narrative::NO_APPEALS.to_string());
            for i in [0, 4] {
                let v = r.table4.0[i].map_or(0.0, Num::value) + 1.0;
                r.table4.0[i] = Num::new(v);
            }
        }
    }
    defect.rule()
}

fn requote(r: &mut Report, from: u32, to: u32) {
    if let Some(text) = r.sections.overview.as_mut() {
        *text = text.replace(
            &format!("共收到政府信息公开申请{from}件"),
            &format!("共收到政府信息公开申请{to}件"),
        );
        // None said in words (`本年度未收到政府信息公开申请`) is quoted as a count too.
        if from == 0 {
            *text = text.replace(
                "本年度未收到政府信息公开申请",
                &format!("全年共收到政府信息公开申请{to}件"),
            );
        }
    }
}
