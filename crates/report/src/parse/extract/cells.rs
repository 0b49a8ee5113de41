//! Splitting a row into its label and its value cells.

use std::cell::OnceCell;

use crate::parse::number::{CellText, classify};

use super::labels::{squash_into, table3_row};
use crate::model::RowKey;

/// A row as the extractor sees it: the squashed words of its label cells and the cells after the last of them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Split {
    pub label: String,
    pub values: Vec<CellText>,
    /// True when any cell, label cells' neighbours included, is a figure.
    pub any_number: bool,
    /// The table-三 row the label names ([`table3_row`]): read at most once, and only for rows
    /// a reader asks about.
    row: OnceCell<Option<RowKey>>,
}

impl Split {
    pub fn row(&self) -> Option<RowKey> {
        *self.row.get_or_init(|| table3_row(&self.label))
    }

    pub fn numbers(&self) -> usize {
        self.values
            .iter()
            .filter(|v| matches!(v, CellText::Number(_)))
            .count()
    }
}

/// Splits a row into its label and value cells, into a `Split` whose buffers are reused from
/// row to row.
pub fn split_into<S: AsRef<str>>(out: &mut Split, cells: &[S]) {
    out.label.clear();
    out.values.clear();
    out.any_number = false;
    out.row = OnceCell::new();
    for cell in cells {
        let cell = cell.as_ref();
        match classify(cell) {
            CellText::Text => {
                // Only the cells after the last word cell are values.
                out.values.clear();
                squash_into(&mut out.label, cell);
            }
            kind => {
                out.any_number |= matches!(kind, CellText::Number(_));
                out.values.push(kind)
            }
        }
    }
}

/// Fits a list of value cells to `width`, as the part of `values` it keeps: blank cells beyond
/// the width are dropped from the ends first (they are layout, not cells); a longer list keeps
/// its last `width`.
pub fn fit(values: &[CellText], width: usize) -> &[CellText] {
    let (mut start, mut end) = (0, values.len());
    while end - start > width && values.get(start) == Some(&CellText::Blank) {
        start += 1;
    }
    while end - start > width && values.get(end - 1) == Some(&CellText::Blank) {
        end -= 1;
    }
    if end - start > width {
        start = end - width;
    }
    values.get(start..end).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Num;

    /// What `fit` did before it was a range: removing cells one by one.
    fn fit_by_removing(mut values: Vec<CellText>, width: usize) -> Vec<CellText> {
        while values.len() > width && values.first() == Some(&CellText::Blank) {
            values.remove(0);
        }
        while values.len() > width && values.last() == Some(&CellText::Blank) {
            values.pop();
        }
        if values.len() > width {
            values.drain(..values.len() - width);
        }
        values
    }

    proptest::proptest! {
        #[test]
        fn fit_keeps_what_removing_kept(
            kinds in proptest::collection::vec(0u8..3, 0..12),
            width in 0usize..9,
        ) {
            let values: Vec<CellText> = kinds
                .iter()
                .enumerate()
                .map(|(i, k)| match k {
                    0 => CellText::Blank,
                    1 => CellText::Text,
                    _ => Num::new(i as f64).map_or(CellText::Text, CellText::Number),
                })
                .collect();
            proptest::prop_assert_eq!(fit(&values, width).to_vec(), fit_by_removing(values, width));
        }
    }
}
