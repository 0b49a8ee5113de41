//! Table 四 (行政复议、行政诉讼情况): one row of fifteen figures under a two-level header.

use crate::check::{Finding, Severity};
use crate::model::{Cell, Num, Table4};
use crate::parse::number::CellText;

use super::cells::{Split, fit};

#[derive(Default)]
pub struct Table4Reader {
    values: Vec<CellText>,
    /// The row of figures was printed with every cell blank.
    blank_row: bool,
    /// The header's second level (结果维持 结果纠正 … 尚未审结) was met.
    header: bool,
    /// A row with figures that is not the table's, or two figures alone on lines of their own,
    /// were met in its section.
    stray: bool,
    /// Figures alone on a line in its section: one may be a page number (PDF text sets them
    /// inside tables), but a figure of table 四 never comes alone — its group's 总计 is one too.
    lone_figures: usize,
}

impl Table4Reader {
    /// Offers a row of the table-四 region; header rows (words only) are passed over.
    /// Returns whether the row was table 四's.
    pub fn offer(&mut self, split: &Split) -> bool {
        if self.values.len() >= 15 {
            return false;
        }
        // A row of fifteen cells under the header's words, where each cell is a line and
        // nothing ends a row (an office suite's text), is the row of figures even with only a
        // couple of them: its zeros are blank.
        let under_header =
            split.values.len() >= 15 && super::headers::is_table4_header(&split.label);
        let ours =
            split.numbers() > 0 && (split.label.is_empty() || split.numbers() >= 3 || under_header);
        // The row of figures printed with all fifteen cells blank (no review, no suit).
        self.blank_row |= split.label.is_empty()
            && split.values.len() >= 15
            && split.values.iter().all(|v| *v == CellText::Blank);
        if ours {
            self.values.extend(split.values.iter().cloned());
        } else if split.numbers() > 0 {
            self.stray = true;
        } else {
            self.header_line(&split.label);
        }
        ours || split.numbers() == 0
    }

    /// Notes a figure met alone on a line in the table's section.
    pub fn lone_figure(&mut self) {
        self.lone_figures += 1;
        self.stray |= self.lone_figures >= 2;
    }

    /// Notes a line of the table's header given as a paragraph of its own; says whether the
    /// line is one (any level of the header).
    pub fn header_line(&mut self, line: &str) -> bool {
        let header = super::headers::is_table4_header(line);
        self.header |= header && line.contains(['维', '纠', '审']);
        header
    }

    pub fn found(&self) -> bool {
        !self.values.is_empty()
    }

    /// The table stood in the source: its figures, its row of blank cells, or — where a blank
    /// cell is nothing at all (a PDF's text) — its header with no figure anywhere after it.
    pub fn seen(&self) -> bool {
        self.found() || self.blank_row || self.header && !self.stray
    }

    pub fn finish(self, findings: &mut Vec<Finding>) -> Table4 {
        let values = fit(&self.values, 15);
        let cells: Vec<Cell> = values
            .iter()
            .map(|v| match v {
                CellText::Number(n) => Some(*n),
                _ => None,
            })
            .collect();
        if let Ok(all) = <[Cell; 15]>::try_from(cells.as_slice()) {
            return Table4(all);
        }
        if cells.len() == 14
            && let Some(t) = restore_one(&cells)
        {
            findings.push(Finding::new(
                "restored",
                Severity::Info,
                "table4",
                "表四提取时缺少一个单元格（只读到14个），本表“总计”关系唯一确定了缺失值",
            ));
            return t;
        }
        // Figures were there and are lost: the report as read is incomplete.
        findings.push(Finding::warning(
            "sections",
            "table4",
            format!(
                "表四只读到{}个单元格（应为15个），无法确定各数字所在位置，全部留空，未能核对",
                cells.len()
            ),
        ));
        Table4::default()
    }
}

/// Tries the lost cell in each of the 15 places; the group totals fix its value.
fn restore_one(known: &[Cell]) -> Option<Table4> {
    let mut fits = Vec::new();
    for missing in 0..15 {
        let mut all = [None; 15];
        let mut it = known.iter();
        for (i, slot) in all.iter_mut().enumerate() {
            if i != missing {
                *slot = it.next().copied().flatten();
            }
        }
        let g = missing / 5;
        let group: Vec<f64> = (0..5)
            .map(|i| {
                all.get(g * 5 + i)
                    .copied()
                    .flatten()
                    .map_or(0.0, Num::value)
            })
            .collect();
        let parts: f64 = group.iter().take(4).sum();
        let total = group.get(4).copied().unwrap_or(0.0);
        let value = if missing % 5 == 4 {
            parts
        } else {
            total - parts
        };
        let Some(n) = Num::new(value).filter(|n| n.is_count()) else {
            continue;
        };
        all[missing] = Some(n);
        let t = Table4(all);
        let holds = (0..3).all(|g| {
            let c = t.group(g);
            let sum: f64 = c.iter().take(4).flatten().map(|n| n.value()).sum();
            (sum - c[4].map_or(0.0, Num::value)).abs() < 1e-9
        });
        if holds {
            fits.push(t);
        }
    }
    let first = *fits.first()?;
    fits.iter().all(|t| *t == first).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::extract::cells::{Split, split_into};

    fn read(rows: &[&[&str]], paragraphs: &[&str]) -> Table4Reader {
        let mut reader = Table4Reader::default();
        let mut split = Split::default();
        for cells in rows {
            split_into(&mut split, cells);
            reader.offer(&split);
        }
        for p in paragraphs {
            reader.header_line(p);
        }
        reader
    }

    /// Table 四 left blank in a PDF's text is its header alone: seen by its second level
    /// (结果维持 …), given as a row or as lines; not by 行政复议 alone, nor when a row of
    /// figures that is not the table's stood after it.
    #[test]
    fn a_header_without_figures_is_a_blank_table() {
        let header: &[&str] = &["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
        for (rows, paragraphs, want) in [
            (vec![header], vec![], true),
            (vec![], vec!["结果维", "持"], true),
            (vec![], vec!["行政复议", "行政诉讼"], false),
            (vec![header, &["本年收到", "2"][..]], vec![], false),
        ] {
            let reader = read(&rows, &paragraphs);
            assert!(!reader.found());
            assert_eq!(reader.seen(), want, "{rows:?} {paragraphs:?}");
        }
        // A page number alone is no stray figure; two figures alone are.
        let mut reader = read(&[header], &[]);
        reader.lone_figure();
        assert!(reader.seen());
        reader.lone_figure();
        assert!(!reader.seen());
        let figures: Vec<&str> = std::iter::repeat_n("0", 15).collect();
        assert!(read(&[&figures[..]], &[]).seen());
    }
}
