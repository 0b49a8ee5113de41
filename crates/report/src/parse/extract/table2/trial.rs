//! Table 二 in the 2019 trial format: three figures a row (made, published, in force; or last
//! year's items, change, decisions) and the procurement row's items and amount.

use super::{Row2, Table2Reader, cell};
use crate::model::{Cell, Table2Trial};
use crate::parse::number::CellText;

impl Table2Reader {
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
                let label = cells.iter().rposition(|c| {
                    crate::parse::extract::labels::squash(c).contains("政府集中采购")
                });
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
