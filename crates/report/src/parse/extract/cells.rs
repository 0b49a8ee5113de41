//! Splitting a row into its label and its value cells.

use std::cell::OnceCell;

use crate::parse::number::{CellText, classify};

use super::labels::{squash_into, table3_row};
use crate::model::RowKey;

/// A row as the extractor sees it: the squashed words of its label cells and the cells after the last of them.
#[derive(Clone, Debug, PartialEq)]
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

pub fn split<S: AsRef<str>>(cells: &[S]) -> Split {
    // One allocation for the label, however many cells it spans.
    let mut label = String::with_capacity(cells.iter().map(|c| c.as_ref().len()).sum());
    let mut values = Vec::with_capacity(cells.len());
    let mut any_number = false;
    for cell in cells {
        let cell = cell.as_ref();
        match classify(cell) {
            CellText::Text => {
                // Only the cells after the last word cell are values.
                values.clear();
                squash_into(&mut label, cell);
            }
            kind => {
                any_number |= matches!(kind, CellText::Number(_));
                values.push(kind)
            }
        }
    }
    Split {
        label,
        values,
        any_number,
        row: OnceCell::new(),
    }
}

/// Fits a list of value cells to `width`: blank cells beyond the width are dropped from the
/// ends first (they are layout, not cells); a longer list keeps its last `width`.
pub fn fit(mut values: Vec<CellText>, width: usize) -> Vec<CellText> {
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
