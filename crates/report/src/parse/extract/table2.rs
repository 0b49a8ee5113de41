//! Table 二 (主动公开政府信息情况), 2021 and 2019 trial layouts.

use crate::model::{Cell, Table2, Table2Trial};
use crate::parse::number::CellText;
use crate::parse::words::WordSet;

use super::cells::{Split, fit};

/// The row a squashed table-二 label names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row2 {
    Rules,
    Normative,
    Licensing,
    OtherServices,
    Penalty,
    Enforcement,
    Fees,
    Procurement,
}

pub fn row_of(label: &str) -> Option<Row2> {
    // Labels are squashed: "行政规范 性文件" arrives as "行政规范性文件".
    let l = label;
    if l.ends_with("规章") {
        Some(Row2::Rules)
    } else if l.ends_with("规范性文件") {
        Some(Row2::Normative)
    } else if l.ends_with("行政许可") {
        Some(Row2::Licensing)
    } else if l.ends_with("其他对外管理服务事项") {
        Some(Row2::OtherServices)
    } else if l.ends_with("行政处罚") {
        Some(Row2::Penalty)
    } else if l.ends_with("行政强制") {
        Some(Row2::Enforcement)
    } else if l.ends_with("行政事业性收费") {
        Some(Row2::Fees)
    } else if l.contains("政府集中采购") {
        Some(Row2::Procurement)
    } else {
        None
    }
}

/// Words only the 2019 trial layout of table 二 prints.
pub fn is_trial_header(label: &str) -> bool {
    static WORDS: WordSet<8> = WordSet::new([
        "本年新制作",
        "本年新公开",
        "对外公开总数量",
        "上一年项目数量",
        "本年增减",
        "政府集中采购",
        "采购项目数量",
        "第九项",
    ]);
    WORDS.any_in(label)
}

fn cell(c: Option<&CellText>) -> Cell {
    match c {
        Some(CellText::Number(n)) => Some(*n),
        _ => None,
    }
}

fn first_value(values: &[CellText]) -> Cell {
    values.iter().find_map(|v| match v {
        CellText::Number(n) => Some(*n),
        _ => None,
    })
}

#[derive(Default)]
pub struct Table2Reader {
    rows: Vec<(Row2, Split, Vec<String>)>,
    pub trial: bool,
    /// Words of label-only lines just before: "行政规范性文" / "件 0 0 0" is one label.
    carry: String,
    /// A header row gave a merged cell's text in every column it spans (`第二十条第（一）项`
    /// four times, as python-docx does), so a merged figure cell is printed as often.
    repeats_merged: bool,
}

impl Table2Reader {
    /// Offers a row; returns true if it belonged to table 二.
    pub fn offer<S: AsRef<str>>(&mut self, split: &Split, cells: &[S]) -> bool {
        if is_trial_header(&split.label) {
            self.trial = true;
        }
        // Not `split.numbers()`: 政府集中采购 | 6 | 251000元 ends in words, yet has figures.
        if !split.any_number {
            self.repeats_merged |= cells.windows(2).any(|w| match w {
                [a, b] => {
                    let (a, b) = (a.as_ref().trim(), b.as_ref().trim());
                    !a.is_empty() && a == b
                }
                _ => false,
            });
            if self.carry.len() < 256 {
                self.carry.push_str(&split.label);
            }
            return false;
        }
        let carried = std::mem::take(&mut self.carry);
        let row = row_of(&split.label).or_else(|| {
            (!carried.is_empty())
                .then(|| row_of(&format!("{carried}{}", split.label)))
                .flatten()
        });
        match row {
            Some(r) if !self.rows.iter().any(|(seen, _, _)| *seen == r) => {
                // Only the procurement row's cells are read again (its amount is words).
                let kept = if r == Row2::Procurement {
                    cells.iter().map(|c| c.as_ref().to_string()).collect()
                } else {
                    Vec::new()
                };
                self.rows.push((r, split.clone(), kept));
                true
            }
            _ => false,
        }
    }

    pub fn found(&self) -> bool {
        !self.rows.is_empty()
    }

    fn values(&self, row: Row2, width: usize) -> Option<Vec<CellText>> {
        let (_, split, _) = self.rows.iter().find(|(r, _, _)| *r == row)?;
        Some(fit(&split.values, width).to_vec())
    }

    pub fn table2(&self) -> Table2 {
        if self.trial {
            return Table2::default();
        }
        let three = |row| -> [Cell; 3] {
            let v = self.values(row, 3).unwrap_or_default();
            [cell(v.first()), cell(v.get(1)), cell(v.get(2))]
        };
        let one = |row| self.values(row, 8).and_then(|v| first_value(&v));
        let [rules_issued, rules_repealed, rules_in_force] = three(Row2::Rules);
        let [normative_issued, normative_repealed, normative_in_force] = three(Row2::Normative);
        Table2 {
            rules_issued,
            rules_repealed,
            rules_in_force,
            normative_issued,
            normative_repealed,
            normative_in_force,
            licensing: one(Row2::Licensing),
            penalty: one(Row2::Penalty),
            enforcement: one(Row2::Enforcement),
            fees_wan_yuan: one(Row2::Fees),
        }
    }

    pub fn trial_table(&self) -> Option<Table2Trial> {
        if !self.trial {
            return None;
        }
        let three = |row| -> [Cell; 3] {
            let v: Vec<CellText> = self.values(row, 3).unwrap_or_default();
            [cell(v.first()), cell(v.get(1)), cell(v.get(2))]
        };
        let [rules_new_made, rules_new_published, rules_total_published] = three(Row2::Rules);
        let [
            normative_new_made,
            normative_new_published,
            normative_total_published,
        ] = three(Row2::Normative);
        let [
            licensing_prev_year_items,
            licensing_change,
            licensing_decisions,
        ] = three(Row2::Licensing);
        let [
            other_external_services_prev_year_items,
            other_external_services_change,
            other_external_services_decisions,
        ] = three(Row2::OtherServices);
        let [penalty_prev_year_items, penalty_change, penalty_decisions] = three(Row2::Penalty);
        let [
            enforcement_prev_year_items,
            enforcement_change,
            enforcement_decisions,
        ] = three(Row2::Enforcement);
        // 本年增/减 spans two of the grid's columns: a tool that gives a merged cell in every
        // column it spans (python-docx) prints its figure twice.
        let fees = match self.values(Row2::Fees, 3) {
            Some(v) if self.repeats_merged && v.len() == 3 && v.get(1) == v.get(2) => {
                v.get(..2).unwrap_or_default().to_vec()
            }
            _ => self.values(Row2::Fees, 2).unwrap_or_default(),
        };
        let procurement = self.rows.iter().find(|(r, _, _)| *r == Row2::Procurement);
        let (procurement_items, procurement_amount) = match procurement {
            Some((_, _, cells)) => {
                // The cells after the label: header cells may come before it on the same row
                // where nothing marked where the header row ended (text saved by an office suite).
                let label = cells
                    .iter()
                    .rposition(|c| super::labels::squash(c).contains("政府集中采购"));
                let rest: Vec<&str> = cells
                    .get(label.map_or(0, |i| i + 1)..)
                    .unwrap_or_default()
                    .iter()
                    .map(|c| c.trim())
                    .filter(|c| !c.is_empty())
                    .collect();
                let items = rest
                    .first()
                    .and_then(|t| cell(Some(&crate::parse::number::classify(t))));
                let amount = rest.get(1).or(rest.first().filter(|_| items.is_none()));
                // An amount has no spaces in it; extraction may have put some there.
                (
                    items,
                    amount.map(|a| a.split_whitespace().collect::<String>()),
                )
            }
            None => (None, None),
        };
        Some(Table2Trial {
            rules_new_made,
            rules_new_published,
            rules_total_published,
            normative_new_made,
            normative_new_published,
            normative_total_published,
            licensing_prev_year_items,
            licensing_change,
            licensing_decisions,
            other_external_services_prev_year_items,
            other_external_services_change,
            other_external_services_decisions,
            penalty_prev_year_items,
            penalty_change,
            penalty_decisions,
            enforcement_prev_year_items,
            enforcement_change,
            enforcement_decisions,
            fees_prev_year_items: cell(fees.first()),
            fees_change: cell(fees.get(1)),
            procurement_items,
            procurement_amount,
        })
    }
}
