//! Restoring a table-三 cell that extraction lost, when — and only when — the table's own
//! identities determine it uniquely.
//!
//! A row that arrives with six cells of seven has lost one, but nothing says which: each of the
//! seven places is a candidate, its value fixed by the row total. A candidate survives if its
//! value is a count and every column identity that can be judged still holds. When all
//! surviving candidates give the same row, that row is restored; otherwise only the cells they
//! agree on are kept and the rest stay null (and are marked lost, so the checker does not judge
//! sums through them).

use crate::check::{Finding, Severity};
use crate::model::{Cell, Column, Num, Row, RowKey, Table3};
use crate::parse::number::CellText;

/// A row's cells as read: seven, or fewer where extraction lost some. Kept inline: a table is
/// read row by row, and a row is no reason to allocate.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ReadRow {
    cells: [Cell; 7],
    len: usize,
}

impl ReadRow {
    /// The row of the first seven of `values` (the caller has fitted them to the table's width).
    pub fn new(values: &[CellText]) -> ReadRow {
        let mut row = ReadRow::default();
        for (slot, v) in row.cells.iter_mut().zip(values) {
            *slot = to_cell(v);
            row.len += 1;
        }
        row
    }

    /// Appends `values` when the row, short of seven cells, has room for them all.
    pub fn extend(&mut self, values: &[CellText]) -> bool {
        if values.is_empty() || self.len + values.len() > 7 {
            return false;
        }
        for (slot, v) in self.cells.iter_mut().skip(self.len).zip(values) {
            *slot = to_cell(v);
        }
        self.len += values.len();
        true
    }

    /// The row's cells make a whole row by themselves (see [`whole_row`]).
    pub fn is_whole(&self) -> bool {
        whole(self.cells().iter().copied())
    }

    pub fn cells(&self) -> &[Cell] {
        self.cells.get(..self.len).unwrap_or_default()
    }
}

/// Figures that are a whole row by themselves, blank cells left out: at least two, the last
/// (the row total) more than nothing and the sum of the others.
pub fn whole_row(values: &[CellText]) -> bool {
    whole(values.iter().map(to_cell))
}

fn whole(cells: impl DoubleEndedIterator<Item = Cell>) -> bool {
    let mut figures = cells.flatten().map(Num::value);
    let Some(total) = figures.next_back() else {
        return false;
    };
    let (sum, count) = figures.fold((0.0, 0), |(sum, n), v| (sum + v, n + 1));
    count > 0 && total > 0.0 && (sum - total).abs() < 1e-9
}

/// Each key's cells as read: `None` if the row was not found.
pub type RawRows = [Option<ReadRow>; 25];

pub struct Restored {
    pub table: Table3,
    pub lost: Vec<(RowKey, Column)>,
    pub findings: Vec<Finding>,
}

fn to_cell(c: &CellText) -> Cell {
    match c {
        CellText::Number(n) => Some(*n),
        _ => None,
    }
}

fn v(c: Cell) -> f64 {
    c.map_or(0.0, Num::value)
}

/// The rows a row read with fewer than seven cells may be: one lost cell anywhere, its value
/// fixed by the row total; or, with two or more lost, blank cells that the text showed as
/// nothing (a PDF's text drops them), the figures kept in their order and the total holding.
fn candidates(known: &[Cell]) -> Vec<Row> {
    match known.len() {
        6 => one_lost(known),
        1..=5 => blanks_lost(known),
        _ => Vec::new(),
    }
}

fn blanks_lost(known: &[Cell]) -> Vec<Row> {
    let mut out = Vec::new();
    // Each choice of the places the figures stand in, as a bit per column.
    for places in 0u8..128 {
        if places.count_ones() as usize != known.len() {
            continue;
        }
        let mut row: Row = [None; 7];
        let mut it = known.iter();
        for (i, slot) in row.iter_mut().enumerate() {
            if places & (1 << i) != 0 {
                *slot = it.next().copied().flatten();
            }
        }
        let parts: f64 = row.iter().take(6).map(|&c| v(c)).sum();
        if (parts - v(row[6])).abs() < 1e-9 {
            out.push(row);
        }
    }
    out
}

fn one_lost(known: &[Cell]) -> Vec<Row> {
    let mut out = Vec::new();
    for missing in 0..7 {
        let mut row: Row = [None; 7];
        let mut it = known.iter();
        for (i, slot) in row.iter_mut().enumerate() {
            if i != missing {
                *slot = it.next().copied().flatten();
            }
        }
        let parts: f64 = row.iter().take(6).map(|&c| v(c)).sum();
        let value = if missing == 6 {
            parts
        } else {
            v(row[6]) - parts
        };
        let Some(n) = Num::new(value).filter(|n| n.is_count()) else {
            continue;
        };
        if let Some(slot) = row.get_mut(missing) {
            *slot = Some(n);
        }
        out.push(row);
    }
    out
}

/// The column identities a candidate row must keep, judged only where every other row involved is known.
fn consistent(key: RowKey, row: &Row, done: &[Option<Row>]) -> bool {
    let cell = |k: RowKey, col: usize| -> Option<f64> {
        if k == key {
            return Some(v(row[col]));
        }
        done.get(k.index())?
            .as_ref()
            .map(|r| v(r.get(col).copied().flatten()))
    };
    for col in 0..7 {
        use RowKey::*;
        let balance = [New, CarriedOver, TotalProcessed, CarriedForward];
        if balance.contains(&key)
            && let [Some(n), Some(c), Some(p), Some(f)] = balance.map(|k| cell(k, col))
            && (n + c - p - f).abs() > 1e-9
        {
            return false;
        }
        if key == TotalProcessed || RowKey::outcomes().any(|k| k == key) {
            let parts: Option<Vec<f64>> = RowKey::outcomes().map(|k| cell(k, col)).collect();
            if let (Some(parts), Some(total)) = (parts, cell(TotalProcessed, col))
                && (parts.iter().sum::<f64>() - total).abs() > 1e-9
            {
                return false;
            }
        }
    }
    true
}

pub fn restore(raw: &RawRows) -> Restored {
    let mut done: Vec<Option<Row>> = vec![None; 25];
    let mut open: Vec<(RowKey, ReadRow)> = Vec::new();
    let mut findings = Vec::new();
    for key in RowKey::ALL {
        let Some(Some(read)) = raw.get(key.index()) else {
            continue;
        };
        match <[Cell; 7]>::try_from(read.cells()) {
            Ok(row) => done[key.index()] = Some(row),
            Err(_) => open.push((key, *read)),
        }
    }
    loop {
        let mut progress = false;
        open.retain(|(key, read)| {
            let known = read.cells();
            let all = candidates(known);
            // A row of zeros (the usual case) has one candidate whatever the lost place: no sums needed.
            let fits: Vec<Row> = if all.windows(2).all(|w| w[0] == w[1]) {
                all
            } else {
                all.into_iter().filter(|r| consistent(*key, r, &done)).collect()
            };
            let Some(first) = fits.first().copied() else { return true };
            if fits.iter().all(|r| *r == first) {
                findings.push(Finding::new(
                    "restored",
                    Severity::Info,
                    format!("table3.{}", key.key()),
                    format!(
                        "表三“{}”行提取时缺少{}单元格（只读到{}个），本表勾稽关系唯一确定该行为：{}",
                        key.display(),
                        if known.len() == 6 { "一个".to_string() } else { format!("{}个", 7 - known.len()) },
                        known.len(),
                        first.iter().map(|c| c.map_or("空".into(), |n| n.to_string())).collect::<Vec<_>>().join("、")
                    ),
                ));
                done[key.index()] = Some(first);
                progress = true;
                return false;
            }
            true
        });
        if !progress {
            break;
        }
    }
    let mut lost = Vec::new();
    for (key, read) in open {
        let known = read.cells();
        // With one cell lost, the cells all candidates agree on are kept. With more, the row
        // is left unread: its figures may be another row's, which a label wrapped round them
        // in `pdftotext -layout` text gave it, and any cell kept would be a wrong one.
        let all = if known.len() == 6 {
            one_lost(known)
        } else {
            Vec::new()
        };
        let fits: Vec<Row> = all
            .iter()
            .copied()
            .filter(|r| consistent(key, r, &done))
            .collect();
        let pool = if fits.is_empty() { all } else { fits };
        let mut row: Row = [None; 7];
        for (col, slot) in row.iter_mut().enumerate() {
            let first = pool.first().and_then(|r| r.get(col).copied().flatten());
            if first.is_some() && pool.iter().all(|r| r.get(col).copied().flatten() == first) {
                *slot = first;
            } else if let Some(c) = Column::ALL.get(col) {
                lost.push((key, *c));
            }
        }
        // Figures were there and are lost: the report as read is incomplete, and no sum is
        // judged through them.
        findings.push(Finding::warning(
            "sections",
            format!("table3.{}", key.key()),
            format!(
                "表三“{}”行提取时缺少单元格（只读到{}个），本表勾稽关系不能唯一确定，缺失处留空，未能核对",
                key.display(),
                known.len()
            ),
        ));
        done[key.index()] = Some(row);
    }
    let mut table = Table3::default();
    for key in RowKey::ALL {
        table.set_row(key, done.get(key.index()).copied().flatten());
    }
    Restored {
        table,
        lost,
        findings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nums(v: &[f64]) -> Vec<CellText> {
        v.iter()
            .map(|&x| CellText::Number(Num::new(x).expect("finite")))
            .collect()
    }

    #[test]
    fn zero_row_with_a_lost_cell_is_restored() {
        let mut raw: RawRows = [None; 25];
        raw[RowKey::Granted.index()] = Some(ReadRow::new(&nums(&[0.0; 6])));
        let r = restore(&raw);
        assert_eq!(r.table.row(RowKey::Granted), Some(&[Num::new(0.0); 7]));
        assert!(r.lost.is_empty());
        assert_eq!(r.findings.len(), 1);
    }

    #[test]
    fn ambiguous_row_keeps_only_what_all_candidates_agree_on() {
        let mut raw: RawRows = [None; 25];
        // 1 0 0 0 0 1: either a part was lost (…,1 total) or the total was (1,0,0,0,0,1 | 2).
        raw[RowKey::Granted.index()] = Some(ReadRow::new(&nums(&[1.0, 0.0, 0.0, 0.0, 0.0, 1.0])));
        let r = restore(&raw);
        assert!(!r.lost.is_empty());
        assert_eq!(r.table.cell(RowKey::Granted, Column::Total), None);
    }

    #[test]
    fn column_sums_decide_between_candidates() {
        let mut raw: RawRows = [None; 25];
        for key in RowKey::ALL {
            raw[key.index()] = Some(ReadRow::new(&nums(&[0.0; 7])));
        }
        raw[RowKey::New.index()] = Some(ReadRow::new(&nums(&[3.0, 0.0, 0.0, 0.0, 0.0, 0.0, 3.0])));
        raw[RowKey::Granted.index()] =
            Some(ReadRow::new(&nums(&[3.0, 0.0, 0.0, 0.0, 0.0, 0.0, 3.0])));
        raw[RowKey::TotalProcessed.index()] =
            Some(ReadRow::new(&nums(&[3.0, 0.0, 0.0, 0.0, 0.0, 3.0])));
        let r = restore(&raw);
        assert_eq!(
            r.table.cell(RowKey::TotalProcessed, Column::Total),
            Num::new(3.0)
        );
        assert!(r.lost.is_empty(), "{:?}", r.lost);
    }

    /// Blank cells a PDF's text dropped: the total row's four figures (`45 1 1 47`) stand
    /// where the outcome rows' column sums put them, and nowhere else.
    #[test]
    fn blank_cells_are_placed_by_the_column_sums() {
        let mut raw: RawRows = [None; 25];
        let blank = || CellText::Blank;
        let n = |x: f64| CellText::Number(Num::new(x).expect("finite"));
        for key in RowKey::outcomes() {
            raw[key.index()] = Some(ReadRow::new(&std::array::from_fn::<_, 7, _>(|_| blank())));
        }
        let granted = [blank(), n(44.0), n(1.0), blank(), blank(), blank(), n(45.0)];
        raw[RowKey::Granted.index()] = Some(ReadRow::new(&granted));
        let partly = [blank(), n(1.0), blank(), blank(), n(1.0), blank(), n(2.0)];
        raw[RowKey::PartlyGranted.index()] = Some(ReadRow::new(&partly));
        let total = [n(45.0), n(1.0), n(1.0), n(47.0)];
        raw[RowKey::TotalProcessed.index()] = Some(ReadRow::new(&total));
        let r = restore(&raw);
        let want: Vec<Cell> = [
            None,
            Num::new(45.0),
            Num::new(1.0),
            None,
            Num::new(1.0),
            None,
            Num::new(47.0),
        ]
        .to_vec();
        assert_eq!(
            r.table.row(RowKey::TotalProcessed).map(|r| r.to_vec()),
            Some(want)
        );
        assert!(r.lost.is_empty(), "{:?}", r.lost);
        assert!(
            r.findings
                .iter()
                .any(|f| f.message.contains("缺少3个单元格")),
            "{:?}",
            r.findings
        );
        // Without the outcome rows nothing decides between the places: the row is left unread.
        raw[RowKey::Granted.index()] = None;
        let r = restore(&raw);
        assert_eq!(r.table.cell(RowKey::TotalProcessed, Column::Total), None);
        assert_eq!(r.lost.len(), 7, "{:?}", r.lost);
    }
}
