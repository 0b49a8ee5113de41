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
    /// Where a second row starts, when a label and its figures follow the first row's figures
    /// (`行政许可 2 0 45 其他对外管理服务事项 4 0 11`: two rows that PDF text put on one line).
    pub second_row: Option<usize>,
    /// The last cell that ends with a full stop: a sentence, not a label.
    pub sentence_end: Option<usize>,
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
    out.second_row = None;
    out.sentence_end = None;
    // A word cell after two figures, before it is known whether figures follow it.
    let mut candidate = None;
    for (i, cell) in cells.iter().enumerate() {
        let cell = cell.as_ref();
        let kind = classify(cell);
        match kind {
            CellText::Number(_) => {
                if out.second_row.is_none() {
                    out.second_row = candidate;
                }
            }
            CellText::Text => {
                if candidate.is_none() && out.second_row.is_none() && after_figures(&out.values) {
                    candidate = Some(i);
                }
                if is_sentence(cell) {
                    out.sentence_end = Some(i);
                }
            }
            CellText::Blank => {}
        }
        match kind {
            // Only a figure that is more than ASCII digits can be two run together.
            CellText::Number(_)
                if !plain_digits(cell)
                    && let Some((a, b)) = two_figures(cell) =>
            {
                out.any_number = true;
                out.values.extend([classify(a), classify(b)]);
            }
            // PDF text that puts together what stands at one height can end a row with the
            // caption of the table beside it, or with the rest of a label wrapped in its cell.
            CellText::Text if !out.values.is_empty() && is_caption(cell) => {}
            CellText::Text if after_figures(&out.values) => match figure_then_words(cell) {
                // The row's last figure with the next line's label run onto it (`0度办`).
                Some((figure, words)) => {
                    out.values.push(figure);
                    squash_into(&mut out.label, words);
                }
                None => squash_into(&mut out.label, cell),
            },
            CellText::Text => {
                // Only the cells after the last word cell are values.
                out.values.clear();
                match glued_figure(cell) {
                    Some((words, figure)) => {
                        squash_into(&mut out.label, words);
                        out.any_number = true;
                        out.values.push(figure);
                    }
                    None => squash_into(&mut out.label, cell),
                }
            }
            kind => {
                out.any_number |= matches!(kind, CellText::Number(_));
                out.values.push(kind)
            }
        }
    }
}

/// Two figures that PDF text ran together from neighbouring cells: `１14` (a figure is typed in
/// one width, and a full-width digit leaves too little room for a space to be seen), or `0 ２`
/// and `12 5` (a space inside a figure only ever sets off a group of three digits, as in
/// `1 234`, and a figure never starts with 0).
fn two_figures(cell: &str) -> Option<(&str, &str)> {
    let t = crate::parse::trim(cell);
    if !starts_with_digit(t) || !ends_with_digit(t) {
        return None;
    }
    let wide = |c: char| ('０'..='９').contains(&c);
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit() || wide(c));
    let width = |s: &str| s.chars().next().is_some_and(wide);
    if let Some((first, second)) = t.split_once(char::is_whitespace) {
        let second = second.trim_start();
        let apart = width(first) != width(second)
            || second.chars().count() != 3
            || first.chars().all(|c| c == '0' || c == '０');
        return (digits(first) && digits(second) && apart).then_some((first, second));
    }
    // Full-width digits are three bytes from EF: most cells have none.
    if memchr::memchr(0xEF, t.as_bytes()).is_none() || !digits(t) {
        return None;
    }
    let first_wide = width(t);
    let change = t.char_indices().find(|&(_, c)| wide(c) != first_wide)?.0;
    let (first, second) = t.split_at(change);
    // Two runs only: more changes are no figures of ours.
    second
        .chars()
        .all(|c| wide(c) != first_wide)
        .then_some((first, second))
}

/// True when `t` starts with an ASCII or a full-width digit (EF BC 90–99).
fn starts_with_digit(t: &str) -> bool {
    match t.as_bytes() {
        [b, ..] if b.is_ascii_digit() => true,
        [0xEF, 0xBC, b, ..] => (0x90..=0x99).contains(b),
        _ => false,
    }
}

/// True when `t` ends with an ASCII or a full-width digit.
fn ends_with_digit(t: &str) -> bool {
    match t.as_bytes() {
        [.., b] if b.is_ascii_digit() => true,
        [.., 0xEF, 0xBC, b] => (0x90..=0x99).contains(b),
        _ => false,
    }
}

/// True when `t` is ASCII digits alone, as most figures are.
fn plain_digits(t: &str) -> bool {
    t.bytes().all(|b| b.is_ascii_digit())
}

/// Where a sentence ends among a row's cells: the last cell that ends with a full stop.
pub fn sentence_end<S: AsRef<str>>(cells: &[S]) -> Option<usize> {
    cells.iter().rposition(|c| is_sentence(c.as_ref()))
}

/// A cell that ends with a full stop: a sentence, not a label.
fn is_sentence(cell: &str) -> bool {
    cell.trim_ascii_end().ends_with('。')
}

/// A label and its first figure that PDF text set one space apart, as one cell
/// (`（二）部分公开（区分处理的，只计 64`): no label of the tables ends in a figure.
#[inline]
fn glued_figure(cell: &str) -> Option<(&str, CellText)> {
    let t = cell.trim_ascii_end();
    if !ends_with_digit(t) {
        return None;
    }
    let (words, last) = t.rsplit_once([' ', '\u{3000}'])?;
    match classify(last) {
        figure @ CellText::Number(_) if !words.trim().is_empty() => Some((words, figure)),
        _ => None,
    }
}

/// A figure with words run straight onto it (`0度办`), as PDF text sorted by height joins a
/// row's last figure and the piece of a label printed beside it. A label that starts with its
/// number has a mark after it (`1.属于…`, `3、…`); a figure with a unit (`3件`) is a figure.
fn figure_then_words(cell: &str) -> Option<(CellText, &str)> {
    let t = cell.trim_ascii();
    let end = t.bytes().position(|b| !b.is_ascii_digit())?;
    let (digits, words) = t.split_at(end);
    // CJK ideographs start with E4–E9.
    let ideograph = words
        .as_bytes()
        .first()
        .is_some_and(|b| (0xE4..=0xE9).contains(b));
    match classify(digits) {
        figure @ CellText::Number(_) if ideograph && classify(t) == CellText::Text => {
            Some((figure, words))
        }
        _ => None,
    }
}

/// True when the cells read so far hold a run of figures (two or more): words after them are
/// not a label of their own.
fn after_figures(values: &[CellText]) -> bool {
    values
        .iter()
        .filter(|v| matches!(v, CellText::Number(_)))
        .count()
        >= 2
}

/// A table-二 caption, `第二十条第（五）项`.
fn is_caption(cell: &str) -> bool {
    let t = crate::parse::trim(cell);
    t.starts_with("第二十条") && t.ends_with('项')
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

/// Fits a table-三 row's values to its seven columns. A list longer than that with blank cells
/// at both ends can stand in several places: blank cells before its first figure may be the
/// row's own or cells covered from the left, and those after its last the row's own or the next
/// row's covered cells (an office suite's text of a table whose zeros are left blank). The place
/// where the row's total holds is taken; where several places hold it, the blank cells say
/// nothing, and only the figures are kept, for the table's sums to place
/// ([`super::restore`]) or to leave unread; so too where no place holds it (the row's own
/// error: taking one place would shift its figures into other columns, and the checker would
/// judge the columns by them).
pub fn fit_row(values: &[CellText]) -> std::borrow::Cow<'_, [CellText]> {
    const WIDTH: usize = 7;
    let blank = |v: &&CellText| **v == CellText::Blank;
    let lead = values.iter().take_while(blank).count();
    let trail = values.iter().rev().take_while(blank).count();
    // The first and the last place the figures can stand in (`fit` takes the last).
    let last = lead.min(values.len().saturating_sub(WIDTH));
    let first = values.len().saturating_sub(WIDTH + trail);
    if values.len() <= WIDTH || lead == values.len() || first >= last {
        return fit(values, WIDTH).into();
    }
    let holds: Vec<&[CellText]> = (first..=last)
        .filter_map(|start| values.get(start..start + WIDTH))
        .filter(|row| total_holds(row))
        .collect();
    match holds.as_slice() {
        [row] => (*row).into(),
        // Nowhere (the report's own error in the row) or in several places: the blank cells
        // say nothing of where the figures stand.
        _ => values
            .iter()
            .filter(|v| !blank(v))
            .cloned()
            .collect::<Vec<_>>()
            .into(),
    }
}

/// The first six cells of a row add up to its seventh (a blank cell is nothing).
fn total_holds(row: &[CellText]) -> bool {
    let value = |c: &CellText| match c {
        CellText::Number(n) => Some(n.value()),
        CellText::Blank => Some(0.0),
        CellText::Text => None,
    };
    let Some((total, parts)) = row.split_last() else {
        return false;
    };
    let sum: Option<f64> = parts.iter().map(value).sum();
    matches!((sum, value(total)), (Some(s), Some(t)) if (s - t).abs() < 1e-9)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Num;

    /// `_` a blank cell, a figure as itself.
    fn cells(spec: &str) -> Vec<CellText> {
        spec.split(' ')
            .map(|c| match c.parse::<f64>().ok().and_then(Num::new) {
                Some(n) => CellText::Number(n),
                None => CellText::Blank,
            })
            .collect()
    }

    /// A row longer than seven with blank cells at both ends is placed where its total holds;
    /// where several places hold it, only its figures are kept (for the sums to place); where
    /// none, or only one place is possible, as `fit` does.
    #[test]
    fn a_row_is_placed_where_its_total_holds() {
        for (values, want) in [
            // Two blank cells of its own first, then the next row's covered cell.
            ("_ _ 1 _ 1 _ 2 _", "_ _ 1 _ 1 _ 2"),
            // Its own cells first, two covered cells after.
            ("1 _ _ _ _ 1 2 _ _", "1 _ _ _ _ 1 2"),
            ("_ 3 _ _ _ _ _ 3 _", "3 _ _ _ _ _ 3"),
            // Every place holds (all blank but a zero): the figures alone.
            ("_ 0 _ _ _ _ _ _ _", "0"),
            // Seven or fewer: unchanged.
            ("_ 1 _ _ _ _ 1", "_ 1 _ _ _ _ 1"),
            // One place only: taken, whatever the total.
            ("_ 1 _ _ _ _ _ 5 _", "1 _ _ _ _ _ 5"),
            // No place holds (the row's own error): the figures alone.
            ("_ 12 _ _ 1 _ 12 _", "12 1 12"),
        ] {
            assert_eq!(fit_row(&cells(values)).to_vec(), cells(want), "{values}");
        }
    }

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

    #[test]
    fn rows_side_by_side() {
        let cases: [(&[&str], Option<usize>); 6] = [
            // Two rows of the 2019 table 二 at one height.
            (
                &[
                    "行政许可",
                    "2",
                    "0",
                    "45",
                    "其他对外管理服务事项",
                    "4",
                    "0",
                    "11",
                ],
                Some(4),
            ),
            // A label's second line after its figures is not a row of its own.
            (
                &[
                    "1.申请人无正当理由逾期",
                    "0",
                    "0",
                    "0",
                    "0",
                    "0",
                    "0",
                    "0",
                    "不补正",
                ],
                None,
            ),
            // Nor is a caption after one figure.
            (&["行政许可", "0", "第二十条第（六）项"], None),
            (&["规章", "0", "0", "0"], None),
            // Words between a label's pieces, before any figures.
            (&["（三）", "不予公开", "1.属于国家秘密", "0", "0"], None),
            // One figure is not a row of its own yet.
            (&["总计", "3", "", "其他", "1"], None),
        ];
        let mut split = Split::default();
        for (cells, second) in cases {
            split_into(&mut split, cells);
            assert_eq!(split.second_row, second, "{cells:?}");
        }
        split_into(&mut split, &["共6件。", "行政复议", "行政诉讼"]);
        assert_eq!(split.sentence_end, Some(0));
    }

    #[test]
    fn words_after_figures() {
        let mut split = Split::default();
        split_into(&mut split, &["1.申请人无正当理由逾期", "0", "3", "不补正"]);
        assert_eq!(
            (split.label.as_str(), split.numbers()),
            ("1申请人无正当理由逾期不补正", 2)
        );
        split_into(&mut split, &["行政许可", "5", "第二十条第（六）项"]);
        assert_eq!((split.label.as_str(), split.numbers()), ("行政许可", 1));
        // The last figure with the next label's piece run onto it.
        split_into(&mut split, &["3.补正后申请内容仍不明确", "0", "0", "5度办"]);
        assert_eq!(
            (split.label.as_str(), split.numbers()),
            ("3补正后申请内容仍不明确度办", 3)
        );
        // A figure with its unit is one figure.
        split_into(&mut split, &["行政复议", "0", "0", "3件"]);
        assert_eq!(split.numbers(), 3);
        // A first figure one space after its label.
        split_into(
            &mut split,
            &["（二）部分公开（区分处理的，只计 64", "0", "64"],
        );
        assert_eq!(split.label, "二部分公开区分处理的只计");
        assert_eq!(split.values.len(), 3);
        // Two figures run together, each in its own width.
        split_into(&mut split, &["（一）予以公开", "6", "0", "１14"]);
        let figures: Vec<f64> = split
            .values
            .iter()
            .filter_map(|v| match v {
                CellText::Number(n) => Some(n.value()),
                _ => None,
            })
            .collect();
        assert_eq!(figures, [6.0, 0.0, 1.0, 14.0]);
        for (cell, want) in [
            ("0 ２", 2),
            ("12 5", 2),
            ("1 234", 1),
            ("１ 234", 2),
            ("１ ２３４", 1),
            ("3 件", 1),
        ] {
            split_into(&mut split, &["（一）予以公开", cell]);
            assert_eq!(split.numbers(), want, "{cell}");
        }
        // One figure before words: the words start the label again.
        split_into(&mut split, &["3", "不予公开", "7"]);
        assert_eq!((split.label.as_str(), split.numbers()), ("不予公开", 1));
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
