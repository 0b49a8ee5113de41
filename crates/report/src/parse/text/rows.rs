//! The readers of text whose rows the layout marks: a cell per line behind a tab with a blank
//! line after each row (DOCX → text), and a row per line with cells between tabs (PDF → text) or
//! runs of spaces (`pdftotext -layout`).

use std::borrow::Cow;

use super::spaced::is_figure_like;
use super::{Marks, TextLayout, is_page_number, split_at, sub, trim_end_spaces};
use crate::parse::doc::Doc;
use crate::parse::number::{CellText, classify};
use crate::parse::trim;

pub(super) fn cell_per_line<'a>(
    mut doc: Doc<'a>,
    lines: impl Iterator<Item = &'a str>,
    marks: &Marks,
) -> Doc<'a> {
    let mut row: Vec<Cow<str>> = Vec::with_capacity(8);
    let mut in_table = false;
    let mut after_blank = true;
    for raw in lines {
        let line = marks.strip(trim_end_spaces(raw));
        if !line.starts_with('\t') && trim(&line).is_empty() {
            if !row.is_empty() {
                doc.row(row.drain(..));
            }
            after_blank = true;
            continue;
        }
        if let Some(cell) = line.strip_prefix('\t') {
            in_table = true;
            row.push(sub(&line, trim(cell)));
        } else if in_table && !after_blank && !row.is_empty() {
            if let Some(last) = row.last_mut() {
                last.to_mut().push_str(trim(&line));
            }
        } else {
            if !row.is_empty() {
                doc.row(row.drain(..));
            }
            if in_table {
                doc.end_table();
                in_table = false;
            }
            doc.para(line);
        }
        after_blank = false;
    }
    if !row.is_empty() {
        doc.row(row);
    }
    doc.end_table();
    doc
}

/// Splits an aligned line at runs of two or more spaces, into `cells`; a run of figures
/// separated by single spaces (blank marks among them) is split into its figures.
#[expect(
    clippy::ptr_arg,
    reason = "the cells borrow the input only when the line does: `sub` asks the Cow"
)]
fn split_aligned<'a>(line: &Cow<'a, str>, cells: &mut Vec<Cow<'a, str>>) {
    let text: &str = line;
    for chunk in aligned_chunks(text) {
        let chunk = trim(chunk);
        if chunk.is_empty() {
            continue;
        }
        let parts = chunk.split([' ', '\u{3000}']).filter(|p| !p.is_empty());
        // A dash or slash printed in a blank cell is a cell too (`110 —`).
        let cell = |p: &str| is_figure_like(p) || classify(p) == CellText::Blank;
        if parts.clone().nth(1).is_some() && parts.clone().all(cell) {
            cells.extend(parts.map(|p| sub(line, p)));
        } else {
            cells.push(sub(line, chunk));
        }
    }
}

/// The pieces of a line between runs of two or more spaces. Once trimmed, they are the pieces of
/// `line.split("  ")` that are not blank: that split cuts a run of spaces into pairs, leaving
/// nothing or one space, which trimming removes. One look at each byte: an aligned line is
/// mostly spaces, and a substring search stopped at every pair of them.
fn aligned_chunks(line: &str) -> impl Iterator<Item = &str> {
    let bytes = line.as_bytes();
    let (mut start, mut i) = (0, 0);
    std::iter::from_fn(move || {
        while i < bytes.len() {
            if bytes.get(i) != Some(&b' ') {
                i += 1;
                continue;
            }
            let run_start = i;
            while bytes.get(i) == Some(&b' ') {
                i += 1;
            }
            if i - run_start >= 2 {
                let chunk = line.get(start..run_start).unwrap_or_default();
                start = i;
                return Some(chunk);
            }
        }
        // The last piece, once.
        let chunk = line.get(start..)?;
        start = bytes.len() + 1;
        Some(chunk)
    })
}

/// How many of a row's cells, counted from its end, are figures.
fn trailing_figures(cells: &[Cow<'_, str>]) -> usize {
    cells
        .iter()
        .rev()
        .take_while(|c| matches!(classify(c), CellText::Number(_)))
        .count()
}

/// Puts a row's last figures in the table's seven columns, `placed` giving each one's, with
/// an empty cell for each blank; unchanged unless its figures are as many as `placed`.
fn spread<'a>(cells: &mut Vec<Cow<'a, str>>, placed: &[usize]) {
    let figures = trailing_figures(cells);
    if figures != placed.len() {
        return;
    }
    let values = cells.split_off(cells.len() - figures);
    cells.extend((0..7).map(|col| {
        placed
            .iter()
            .position(|&c| c == col)
            .and_then(|k| values.get(k).cloned())
            .unwrap_or(Cow::Borrowed(""))
    }));
}

/// Gives a row of figures the label its `label` lines hold, in place of its own words.
fn relabel<'a>(cells: &mut Vec<Cow<'a, str>>, label: &[usize], lines: &[&'a str], marks: &Marks) {
    let figures = trailing_figures(cells);
    let mut words = String::new();
    for line in label.iter().filter_map(|&i| lines.get(i)) {
        words.push_str(trim(&marks.strip(line)));
    }
    cells.drain(..cells.len() - figures);
    cells.insert(0, Cow::Owned(words));
}

pub(super) fn row_per_line<'a>(
    mut doc: Doc<'a>,
    lines: impl Iterator<Item = &'a str>,
    marks: &Marks,
    layout: TextLayout,
) -> Doc<'a> {
    // One line's cells at a time, in a buffer reused from line to line.
    let mut cells: Vec<Cow<str>> = Vec::with_capacity(8);
    let lines: Vec<&'a str> = lines.collect();
    // Where table 三's blank cells left only spaces, its figures' columns by their places,
    // and the lines of a label read with figures set apart from it.
    let placed = match layout {
        TextLayout::Aligned => super::grid::table3_columns(&lines),
        _ => Vec::new(),
    };
    let taken: Vec<usize> = placed
        .iter()
        .flat_map(|p| p.label.iter().copied())
        .collect();
    let mut placed = placed.iter().peekable();
    for (i, raw) in lines.iter().enumerate() {
        let line = marks.strip(raw);
        if trim(&line).is_empty() || taken.contains(&i) {
            continue;
        }
        if is_page_number(&line) {
            continue;
        }
        cells.clear();
        match layout {
            TextLayout::Aligned => split_aligned(&line, &mut cells),
            _ => cells.extend(split_at(&line, b'\t').map(|c| sub(&line, trim(c)))),
        }
        while placed.next_if(|p| p.line < i).is_some() {}
        if let Some(p) = placed.next_if(|p| p.line == i) {
            if !p.label.is_empty() {
                relabel(&mut cells, &p.label, &lines, marks);
            }
            spread(&mut cells, &p.columns);
        }
        if cells.len() <= 1 {
            doc.para(line);
        } else {
            doc.row(cells.drain(..));
        }
    }
    doc.end_table();
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Runs of spaces cut a line into the pieces `split("  ")` gives, blank ones aside.
        #[test]
        fn aligned_chunks_as_split_gives(line in "[ a公\u{3000}\t0]{0,24}") {
            let ours: Vec<&str> = aligned_chunks(&line).map(trim).filter(|c| !c.is_empty()).collect();
            let std: Vec<&str> = line.split("  ").map(trim).filter(|c| !c.is_empty()).collect();
            proptest::prop_assert_eq!(ours, std);
        }
    }

    #[test]
    fn aligned_split() {
        let mut cells = vec![Cow::Borrowed("left over")];
        cells.clear();
        split_aligned(
            &Cow::Borrowed("  (二) 部分公开    0 0 1   0  0  0   1"),
            &mut cells,
        );
        assert_eq!(
            cells,
            vec!["(二) 部分公开", "0", "0", "1", "0", "0", "0", "1"]
        );
    }
}
