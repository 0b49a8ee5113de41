//! Table 二 (主动公开政府信息情况), 2021 and 2019 trial layouts.

use crate::check::Finding;
use crate::model::{Cell, Table2};
use crate::parse::number::CellText;
use crate::parse::words::WordSet;

use super::cells::{Split, fit};

mod trial;

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

impl Row2 {
    /// The label a clerk knows the row by.
    fn label(self) -> &'static str {
        match self {
            Row2::Rules => "规章",
            Row2::Normative => "规范性文件",
            Row2::Licensing => "行政许可",
            Row2::OtherServices => "其他对外管理服务事项",
            Row2::Penalty => "行政处罚",
            Row2::Enforcement => "行政强制",
            Row2::Fees => "行政事业性收费",
            Row2::Procurement => "政府集中采购",
        }
    }

    /// How many figure columns the row has, in the 2021 format or (`trial`) the 2019 one; None
    /// for the rows read by a rule of their own (the first figure, or the procurement words).
    fn columns(self, trial: bool) -> Option<usize> {
        match self {
            Row2::Rules | Row2::Normative => Some(3),
            Row2::Licensing | Row2::OtherServices | Row2::Penalty | Row2::Enforcement if trial => {
                Some(3)
            }
            _ => None,
        }
    }
}

/// The rows of the 2021 table, in its order.
const ROWS_2021: [Row2; 6] = [
    Row2::Rules,
    Row2::Normative,
    Row2::Licensing,
    Row2::Penalty,
    Row2::Enforcement,
    Row2::Fees,
];

/// The row of each of [`Table2::cells`].
const CELL_ROWS: [Row2; 10] = [
    Row2::Rules,
    Row2::Rules,
    Row2::Rules,
    Row2::Normative,
    Row2::Normative,
    Row2::Normative,
    Row2::Licensing,
    Row2::Penalty,
    Row2::Enforcement,
    Row2::Fees,
];

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
    /// A row of the table was printed with every cell blank (a body that made no 规章 leaves
    /// the row empty rather than writing 0): the table is there, though no figure is.
    blank_row: bool,
    /// Rows (a bit for each [`Row2`]) whose label stood alone, with no cell after it: a row
    /// left blank in text that shows a blank cell as nothing (a PDF's).
    label_rows: u8,
    /// A row with figures in section 二 that is no row of the table, or a figure alone there.
    stray: u8,
    /// The last row with figures, when its label named no row: the rest of its label may come
    /// on the lines after it (a cell whose text starts at its top: `行政 0` / `许可`).
    unnamed: Option<Split>,
    /// Rows (a bit for each [`Row2`]) whose label was met, with figures, blank cells or none.
    labels_met: u8,
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
        // The row the label names alone, looked up once for every use below.
        let own = row_of(&split.label);
        let met = own.or_else(|| {
            (!self.carry.is_empty())
                .then(|| row_of(&format!("{}{}", self.carry, split.label)))
                .flatten()
        });
        if let Some(r) = met {
            self.labels_met |= 1 << r as u8;
        }
        // Not `split.numbers()`: 政府集中采购 | 6 | 251000元 ends in words, yet has figures.
        if !split.any_number {
            if let Some((r, named)) = self.label_rest(&split.label, own) {
                // Its figures were counted as no row's: they are this one's.
                self.stray = self.stray.saturating_sub(1);
                self.labels_met |= 1 << r as u8;
                self.rows.push((r, named, Vec::new()));
                return true;
            }
            self.blank_row |= !split.values.is_empty()
                && split.values.iter().all(|v| *v == CellText::Blank)
                && own.is_some();
            self.repeats_merged |= cells.windows(2).any(|w| match w {
                [a, b] => {
                    let (a, b) = (
                        crate::parse::trim(a.as_ref()),
                        crate::parse::trim(b.as_ref()),
                    );
                    !a.is_empty() && a == b
                }
                _ => false,
            });
            if self.carry.len() < 256 {
                self.carry.push_str(&split.label);
            }
            if split.values.is_empty()
                && let Some(r) = own.or_else(|| row_of(&self.carry))
            {
                self.label_rows |= 1 << r as u8;
            }
            return false;
        }
        self.carry.clear();
        self.unnamed = met.is_none().then(|| split.clone());
        match met {
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

    /// Notes figures met in section 二 that no row of the table took.
    pub fn stray_figures(&mut self) {
        self.stray = self.stray.saturating_add(1);
    }

    /// A label-only line that ends the label of the row with figures just before it, which
    /// named no row (`行政 0` / `许可`): that row, now named. The line must name no row itself
    /// (the next row's label would), nor may the row be taken already.
    fn label_rest(&mut self, label: &str, own: Option<Row2>) -> Option<(Row2, Split)> {
        if !self.carry.is_empty() || label.is_empty() || own.is_some() {
            return None;
        }
        let mut split = self.unnamed.take()?;
        split.label.push_str(label);
        match row_of(&split.label) {
            Some(r) if !self.rows.iter().any(|(seen, _, _)| *seen == r) => Some((r, split)),
            _ => {
                self.unnamed = Some(split);
                None
            }
        }
    }

    /// The table stood in the source: a row read, a row of blank cells, or — where a blank
    /// cell is nothing at all (a PDF's text) — four of its rows' labels standing alone, with
    /// no figure in the section that could be theirs.
    pub fn seen(&self) -> bool {
        self.found() || self.blank_row || self.label_rows.count_ones() >= 4 && self.stray == 0
    }

    fn values(&self, row: Row2, width: usize) -> Option<Vec<CellText>> {
        let (_, split, _) = self.rows.iter().find(|(r, _, _)| *r == row)?;
        let values = fit(&split.values, width);
        // Fewer cells than columns: text that shows a blank cell as nothing (a PDF's) cannot
        // say which columns the figures stand in, so none is read ([`Self::short_rows`]).
        if row.columns(self.trial) == Some(width) && values.len() < width {
            return None;
        }
        Some(values.to_vec())
    }

    /// The rows of a table otherwise read whose labels never came (an extractor that lost part
    /// of the table: `catdoc` at a broken piece of a `.doc`), as one warning: their cells are
    /// null as read, and would look like a body's blank zeros.
    pub fn missing_rows(&self) -> Option<Finding> {
        if !self.found() || self.trial {
            return None;
        }
        let missing: Vec<&str> = ROWS_2021
            .into_iter()
            .filter(|&r| self.labels_met & (1 << r as u8) == 0)
            .map(Row2::label)
            .collect();
        (!missing.is_empty()).then(|| {
            Finding::warning(
                "sections",
                "table2",
                format!(
                    "表二缺少{}行：{}，这些行的数字未能核对",
                    missing.len(),
                    missing.join("、")
                ),
            )
        })
    }

    /// Rows of several columns read with fewer cells than that, left blank, as warnings (the
    /// report as read is incomplete): a PDF's text drops blank cells (`规范性文件  2  15` for
    /// three columns).
    pub fn short_rows(&self) -> Vec<Finding> {
        self.rows
            .iter()
            .filter_map(|(row, split, _)| {
                let width = row.columns(self.trial)?;
                let read = fit(&split.values, width).len();
                (read < width).then(|| {
                    Finding::warning(
                        "sections",
                        format!("table2.{}", row.label()),
                        format!(
                            "表二“{}”行提取时缺少单元格（{}栏只读到{}个），无法确定各数字所属栏目，该行留空，未能核对",
                            row.label(),
                            width,
                            read
                        ),
                    )
                })
            })
            .collect()
    }

    /// Figures met in section 二 that no row took (a cell printed on a line of its own, apart
    /// from its label, in text that cannot tell it from a page number), where the table as read
    /// has blank cells: one of them may be such a figure's, so the table is named incomplete.
    pub fn unplaced_figures(&self) -> Option<Finding> {
        // A table never seen is named missing by the checker.
        if self.stray == 0 || !self.seen() || self.trial {
            return None;
        }
        let cells = self.table2().cells();
        let blank: Vec<&str> = ROWS_2021
            .into_iter()
            .filter(|&r| {
                CELL_ROWS
                    .iter()
                    .zip(&cells)
                    .any(|(row, cell)| *row == r && cell.is_none())
            })
            .map(Row2::label)
            .collect();
        (!blank.is_empty()).then(|| {
            Finding::warning(
                "sections",
                "table2",
                format!(
                    "第二部分有数字未能确定属于表二哪一行（提取时与行名分开），表二中留空的“{}”行可能漏读了数字，未能核对",
                    blank.join("”“")
                ),
            )
        })
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
}

#[cfg(test)]
mod tests;
