//! Tables 三 and 四 of a year, computed from the cases themselves: what the annual report must
//! print, reconciled by construction.
//!
//! 新收: received in the year. 上年结转: received earlier, still open on 1 January. An outcome
//! row counts the cases closed in the year. 结转下年度: received by 31 December and still open then.
//! Table 四 counts the reconsiderations and lawsuits filed in the year, by their result at year end.

use calendar::Date;
use report::model::{Column, Num, Report, Row, RowKey, Table3, Table4};
use serde::{Deserialize, Serialize};

use crate::state::Case;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AppealKind {
    /// 行政复议
    Review,
    /// 行政诉讼，未经复议直接起诉
    LitigationDirect,
    /// 行政诉讼，复议后起诉
    LitigationAfterReview,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AppealResult {
    /// 结果维持
    Upheld,
    /// 结果纠正
    Corrected,
    /// 其他结果
    Other,
}

impl AppealKind {
    pub const ALL: [AppealKind; 3] = [
        AppealKind::Review,
        AppealKind::LitigationDirect,
        AppealKind::LitigationAfterReview,
    ];
    pub fn label(self) -> &'static str {
        match self {
            AppealKind::Review => "行政复议",
            AppealKind::LitigationDirect => "行政诉讼（未经复议直接起诉）",
            AppealKind::LitigationAfterReview => "行政诉讼（复议后起诉）",
        }
    }
}

impl AppealResult {
    pub const ALL: [AppealResult; 3] = [
        AppealResult::Upheld,
        AppealResult::Corrected,
        AppealResult::Other,
    ];
    pub fn label(self) -> &'static str {
        match self {
            AppealResult::Upheld => "结果维持",
            AppealResult::Corrected => "结果纠正",
            AppealResult::Other => "其他结果",
        }
    }
}

/// A reconsideration or lawsuit about a case, and its result once decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Appeal {
    pub kind: AppealKind,
    pub filed: Date,
    pub decided: Option<(AppealResult, Date)>,
}

fn year_of(d: Date) -> i32 {
    i32::from(d.year())
}

/// Cases grouped as table 三 counts them: who applied, whether received in the year (新收) or
/// before (上年结转), the outcome if answered within the year (None: still open at its end), and
/// how many. The database can produce these groups itself, so a year of 1 M cases need not leave it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Group {
    pub applicant: crate::applicant::ApplicantKind,
    pub new: bool,
    pub answered: Option<crate::outcome::Outcome>,
    pub count: u32,
}

/// The group of one case in `year`, or None when the year does not count it.
pub fn group(case: &Case, year: i32) -> Option<Group> {
    let received = year_of(case.received);
    // A case is 办结 once its reply is sent.
    let done = matches!(
        case.state,
        crate::state::State::Sent | crate::state::State::Closed
    );
    let closed = case.closed_on.filter(|_| done).map(year_of);
    if received > year || closed.is_some_and(|c| c < year) {
        return None;
    }
    Some(Group {
        applicant: case.applicant,
        new: received == year,
        answered: case.outcome.filter(|_| closed == Some(year)),
        count: 1,
    })
}

/// Table 三 from groups (any order, repeated keys added up).
pub fn table3_from_groups(groups: impl IntoIterator<Item = Group>) -> Table3 {
    let mut counts = [[0u32; 7]; 25];
    let mut bump = |key: RowKey, col: Column, n: u32| {
        for c in [col.index(), Column::Total.index()] {
            if let Some(cell) = counts.get_mut(key.index()).and_then(|r| r.get_mut(c)) {
                *cell = cell.saturating_add(n);
            }
        }
    };
    for g in groups {
        let col = g.applicant.column();
        let arrived = if g.new {
            RowKey::New
        } else {
            RowKey::CarriedOver
        };
        bump(arrived, col, g.count);
        match g.answered {
            Some(outcome) => {
                bump(outcome.row(), col, g.count);
                bump(RowKey::TotalProcessed, col, g.count);
            }
            None => bump(RowKey::CarriedForward, col, g.count),
        }
    }
    let mut t = Table3::default();
    for key in RowKey::ALL {
        let row: Row = counts
            .get(key.index())
            .copied()
            .unwrap_or([0; 7])
            .map(|v| Some(Num::from_count(v)));
        t.set_row(key, Some(row));
    }
    t
}

/// Table 三 for `year` from every case of the agency (any year).
pub fn table3(cases: &[Case], year: i32) -> Table3 {
    table3_from_groups(cases.iter().filter_map(|c| group(c, year)))
}

/// Table 四 for `year` from the appeals of every case.
pub fn table4(appeals: &[Appeal], year: i32) -> Table4 {
    let mut cells = [0u32; 15];
    for a in appeals.iter().filter(|a| year_of(a.filed) == year) {
        let group = match a.kind {
            AppealKind::Review => 0usize,
            AppealKind::LitigationDirect => 5,
            AppealKind::LitigationAfterReview => 10,
        };
        let result = match a.decided {
            Some((r, on)) if year_of(on) <= year => match r {
                AppealResult::Upheld => 0usize,
                AppealResult::Corrected => 1,
                AppealResult::Other => 2,
            },
            _ => 3,
        };
        for i in [group.saturating_add(result), group.saturating_add(4)] {
            if let Some(c) = cells.get_mut(i) {
                *c = c.saturating_add(1);
            }
        }
    }
    Table4(cells.map(|v| Some(Num::from_count(v))))
}

/// The tables of the annual report, in the interchange model (table 二 and the narrative are the
/// office's to fill in).
pub fn report(body: &str, year: i32, cases: &[Case], appeals: &[Appeal]) -> Report {
    report_from_groups(
        body,
        year,
        cases.iter().filter_map(|c| group(c, year)),
        appeals,
    )
}

/// [`report`] from groups the database counted.
pub fn report_from_groups(
    body: &str,
    year: i32,
    groups: impl IntoIterator<Item = Group>,
    appeals: &[Appeal],
) -> Report {
    Report {
        body: Some(body.to_string()),
        year: Some(year),
        table3: table3_from_groups(groups),
        table4: table4(appeals, year),
        ..Report::default()
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::applicant::ApplicantKind;
    use crate::outcome::Outcome;
    use crate::state::State;
    use crate::testing::d;

    fn case(kind: ApplicantKind, received: &str, closed: Option<(&str, RowKey)>) -> Case {
        let mut c = Case::new(kind, d(received));
        if let Some((on, row)) = closed {
            c.state = State::Closed;
            c.closed_on = Some(d(on));
            c.outcome = Outcome::new(row).ok();
        }
        c
    }

    fn cell(t: &Table3, key: RowKey, col: Column) -> f64 {
        t.cell(key, col).map_or(-1.0, |n| n.value())
    }

    #[test]
    fn counts_and_carry_overs_reconcile() {
        let cases = vec![
            case(
                ApplicantKind::Natural,
                "2024-12-20",
                Some(("2025-01-10", RowKey::Granted)),
            ),
            case(ApplicantKind::Natural, "2024-12-22", None),
            case(
                ApplicantKind::Commercial,
                "2025-03-01",
                Some(("2025-03-20", RowKey::UnableNotHeld)),
            ),
            case(ApplicantKind::Natural, "2025-12-25", None),
            case(
                ApplicantKind::Natural,
                "2024-05-01",
                Some(("2024-05-20", RowKey::Granted)),
            ),
            case(ApplicantKind::LegalServices, "2026-01-05", None),
        ];
        let t = table3(&cases, 2025);
        assert_eq!(cell(&t, RowKey::New, Column::Total), 2.0);
        assert_eq!(cell(&t, RowKey::CarriedOver, Column::Natural), 2.0);
        assert_eq!(cell(&t, RowKey::Granted, Column::Natural), 1.0);
        assert_eq!(cell(&t, RowKey::UnableNotHeld, Column::Commercial), 1.0);
        assert_eq!(cell(&t, RowKey::CarriedForward, Column::Total), 2.0);
        let r = report("测试镇人民政府", 2025, &cases, &[]);
        let errors: Vec<_> = report::check::check(&r)
            .into_iter()
            .filter(|f| f.severity == report::Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
        // Next year's carried-over equals this year's carried-forward.
        let next = table3(&cases, 2026);
        assert_eq!(next.row(RowKey::CarriedOver), t.row(RowKey::CarriedForward));
    }

    /// Whatever the cases, the computed table reconciles and next year carries over what this
    /// year carried forward.
    #[test]
    fn any_set_of_cases_gives_tables_that_pass_the_checker() {
        let outcomes: Vec<RowKey> = RowKey::outcomes().collect();
        let mut seed: u64 = 7;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        for _ in 0..50 {
            let mut cases = Vec::new();
            for _ in 0..next(60) {
                let kind = ApplicantKind::ALL[next(6) as usize];
                let received = Date::new(
                    2023 + next(3) as i16,
                    1 + next(12) as i8,
                    1 + next(28) as i8,
                )
                .unwrap_or_else(|e| panic!("{e}"));
                let closed = (next(4) > 0).then(|| {
                    let on = received
                        .checked_add(jiff::Span::new().days(next(60) as i64))
                        .unwrap_or(received);
                    (on, outcomes[next(outcomes.len() as u64) as usize])
                });
                let mut c = Case::new(kind, received);
                if let Some((on, row)) = closed {
                    c.state = State::Closed;
                    c.closed_on = Some(on);
                    c.outcome = Outcome::new(row).ok();
                }
                cases.push(c);
            }
            for year in 2023..=2025 {
                let r = report("测试局", year, &cases, &[]);
                let errors: Vec<_> = report::check::check(&r)
                    .into_iter()
                    .filter(|f| f.severity == report::Severity::Error)
                    .collect();
                assert!(errors.is_empty(), "{year}: {errors:?}");
                assert_eq!(
                    table3(&cases, year + 1).row(RowKey::CarriedOver),
                    r.table3.row(RowKey::CarriedForward)
                );
            }
        }
    }

    #[test]
    fn appeals_by_result_at_year_end() {
        let appeals = [
            Appeal {
                kind: AppealKind::Review,
                filed: d("2025-02-01"),
                decided: Some((AppealResult::Upheld, d("2025-04-01"))),
            },
            Appeal {
                kind: AppealKind::Review,
                filed: d("2025-11-01"),
                decided: Some((AppealResult::Corrected, d("2026-01-15"))),
            },
            Appeal {
                kind: AppealKind::LitigationDirect,
                filed: d("2025-06-01"),
                decided: None,
            },
            Appeal {
                kind: AppealKind::LitigationAfterReview,
                filed: d("2024-06-01"),
                decided: None,
            },
        ];
        let t = table4(&appeals, 2025);
        let v: Vec<u32> =
            t.0.iter()
                .map(|c| c.map_or(99, |n| n.value() as u32))
                .collect();
        assert_eq!(v, vec![1, 0, 0, 1, 2, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]);
    }
}
