//! The blank cells of tables 二, 三 and 四, found by where their columns stand on the page. Text extracted from a
//! PDF shows a blank cell as nothing at all, so a row with blanks (`821 35 2 1 859` for seven
//! columns) cannot be read from the text: which columns the figures belong to is lost. On the
//! page it is not: the header names each column (自然人 … 总计) at its middle, and each
//! figure stands under one of them. A row whose every figure stands clearly under a column
//! gets a blank mark (`—`) under each column it leaves empty, which reads as a blank cell.

mod table2;

use table2::mark_table2;

use super::glyphs::{Glyph, end, same_word};
use super::number::{CellText, classify};
use super::radicals::ideograph;
use crate::model::{Column, Table4};

/// A run of glyphs with no gap between them: a word, a figure or a cell's text (radicals read
/// as the ideographs they stand for, as in [`super::radicals`]).
struct Run {
    text: String,
    start: f64,
    end: f64,
    size: f64,
    y: f64,
}

impl Run {
    fn middle(&self) -> f64 {
        (self.start + self.end) / 2.0
    }
}

fn runs(line: &[Glyph]) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let mut before: Option<&Glyph> = None;
    for g in line {
        let joined = before.is_some_and(|b| same_word(b, g));
        before = Some(g);
        match out.last_mut() {
            Some(r) if joined => {
                r.text.push(ideograph(g.c));
                r.end = end(g);
            }
            _ => out.push(Run {
                text: ideograph(g.c).to_string(),
                start: g.x,
                end: end(g),
                size: g.size,
                y: g.y,
            }),
        }
    }
    out.retain(|r| !r.text.trim().is_empty());
    out
}

/// The texts of a table's header cells: each line's runs, and the characters of a cell so
/// narrow that it sets one a line (`结` / `果` / `维` / `持`) stacked into one text.
fn header_texts(lines: &[Vec<Glyph>]) -> Vec<Run> {
    let (mut out, singles): (Vec<Run>, Vec<Run>) = lines
        .iter()
        .flat_map(|l| runs(l))
        .partition(|r| r.text.chars().count() > 1);
    let mut stacks: Vec<Vec<Run>> = Vec::new();
    for run in singles {
        match stacks.iter_mut().find(|s| {
            s.first()
                .is_some_and(|f| (f.middle() - run.middle()).abs() < run.size / 2.0)
        }) {
            Some(stack) => stack.push(run),
            None => stacks.push(vec![run]),
        }
    }
    for mut stack in stacks.into_iter().filter(|s| s.len() > 1) {
        stack.sort_by(|a, b| a.y.total_cmp(&b.y));
        let Some(first) = stack.first() else { continue };
        out.push(Run {
            text: stack.iter().map(|r| r.text.as_str()).collect(),
            start: stack.iter().map(|r| r.start).fold(f64::INFINITY, f64::min),
            end: stack
                .iter()
                .map(|r| r.end)
                .fold(f64::NEG_INFINITY, f64::max),
            size: first.size,
            y: first.y,
        });
    }
    out
}

/// The column a header cell's text names: the whole header, or the first line of one its
/// cell wrapped (`商业` of 商业企业), when that begins no other header.
fn header_column(text: &str) -> Option<usize> {
    named(text, &Column::ALL.map(Column::label), false)
}

/// Which of `names` a header cell's `text` is: the whole name, or a line of one its cell
/// wrapped that belongs to no other name — its first line, or (`ends`) its last.
fn named(text: &str, names: &[&str], ends: bool) -> Option<usize> {
    let t = text.trim();
    if let Some(i) = names.iter().position(|h| *h == t) {
        return Some(i);
    }
    let mut of = names
        .iter()
        .enumerate()
        .filter(|(_, h)| t.chars().count() >= 2 && (h.starts_with(t) || ends && h.ends_with(t)));
    match (of.next(), of.next()) {
        (Some((i, _)), None) => Some(i),
        _ => None,
    }
}

fn squashed(line: &[Glyph]) -> String {
    text_of(line.iter())
}

/// Glyphs' text without spaces, radicals read as ideographs.
fn text_of<'a>(glyphs: impl Iterator<Item = &'a Glyph>) -> String {
    glyphs
        .map(|g| ideograph(g.c))
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Table 三's columns as found on a page, for the rows on the pages after it when the table
/// runs on (its header is not printed again).
pub type Columns = Option<[Col; 7]>;

/// Where a column's header stands: its text's left end, middle and right end.
#[derive(Clone, Copy, Debug)]
pub struct Col {
    start: f64,
    middle: f64,
    end: f64,
}

impl Col {
    fn of(run: &Run) -> Col {
        Col {
            start: run.start,
            middle: run.middle(),
            end: run.end,
        }
    }
}

/// Marks the blank cells of the rows of tables 二, 三 and 四 in `lines` (a page's lines of glyphs,
/// each from the left), and says how many rows had one. `columns` carries the table's columns from page to
/// page while it runs on.
pub fn mark_blanks(lines: &mut [Vec<Glyph>], columns: &mut Columns) -> usize {
    let first = lines.iter().position(|l| squashed(l).contains("本年新收"));
    let start = match first {
        Some(first) => {
            *columns = anchors(
                lines
                    .get(first.saturating_sub(8)..first)
                    .unwrap_or_default(),
            );
            first
        }
        None => 0,
    };
    let mut marked = mark_table2(lines) + mark_table4(lines);
    let Some(anchors) = *columns else {
        return marked;
    };
    let left = anchors.first().map_or(0.0, |c| c.start);
    for i in start..lines.len().min(start + 80) {
        let Some(line) = lines.get_mut(i) else { break };
        let text = squashed(line);
        if text.contains("行政复议") {
            *columns = None;
            break;
        }
        if mark_row(line, &anchors) {
            marked += 1;
            join_label_above(lines, i, left);
        } else if blank_row(lines, i, &anchors) {
            marked += 1;
        }
        if text.contains("结转下年度") {
            *columns = None;
            break;
        }
    }
    marked
}

/// A row left all blank: a line that holds only a label naming a row of table 三, with no
/// figure on the line after it (a label of three lines has its figures beside the second).
/// Each column gets a blank mark, so that the label stands as its own row: left bare, the
/// reader would wait for its figures and give it the next row's.
fn blank_row(lines: &mut [Vec<Glyph>], i: usize, cols: &[Col; 7]) -> bool {
    let left = cols[0].start;
    if !names_row(lines, i, left) {
        return false;
    }
    // Figures below belong to this label unless the line that holds them opens a row of its
    // own with its number (`8.属于行政查询事项`): the rest of a wrapped label (`纳费用、行政机关
    // 不再处理其政府`) opens with none, even where its words name another row. Lines between
    // that open no row (the rest of a group's wrapped label, `他处理`) are passed over.
    let opens_row = |l: &[Glyph]| crate::parse::numbering::opens_with_mark(&label_text(l, left));
    let mut taken_by_next = false;
    for l in lines.iter().skip(i + 1).take(3) {
        let figures = runs(l)
            .iter()
            .any(|r| r.start > left && matches!(classify(&r.text), CellText::Number(_)));
        if figures {
            taken_by_next = !opens_row(l);
            break;
        }
        if opens_row(l) {
            break;
        }
    }
    let Some(line) = lines.get_mut(i) else {
        return false;
    };
    let Some(first) = line.first().copied() else {
        return false;
    };
    if taken_by_next || line.iter().any(|g| g.x > left && !g.c.is_whitespace()) {
        return false;
    }
    // The no-break spaces a web page's blank cells print give way to the marks.
    line.retain(|g| !g.c.is_whitespace());
    line.extend(cols.iter().map(|c| Glyph {
        x: c.middle - first.size / 2.0,
        c: '—',
        ..first
    }));
    true
}

/// Line `i` opens a row of table 三 by its label: one that names the row, or (a long label
/// wrapped, `1.申请人无正当理由逾期不` / `补正、行政机关不再处理其` / `政府信息公开申请`) opens
/// with its number and names it with the lines after it that carry on its words. A line that
/// carries on the label above it (`要求缴纳费用、行政机关不`) opens none, though its words may
/// name one.
fn names_row(lines: &[Vec<Glyph>], i: usize, left: f64) -> bool {
    let Some(line) = lines.get(i) else {
        return false;
    };
    let own = own_label(line, left);
    let numbered = crate::parse::numbering::opens_with_mark(&own);
    let carries_on = !numbered
        && i.checked_sub(1)
            .and_then(|j| lines.get(j))
            .is_some_and(|above| !own_label(above, left).is_empty());
    if carries_on {
        return false;
    }
    if label_row(line, left).is_some() {
        return true;
    }
    if !numbered {
        return false;
    }
    let mut label = label_text(line, left);
    for next in lines.iter().skip(i + 1).take(2) {
        let rest = own_label(next, left);
        let bare = !next.iter().any(|g| g.x > left && !g.c.is_whitespace());
        if rest.is_empty() || !bare || crate::parse::numbering::opens_with_mark(&rest) {
            break;
        }
        label.push_str(&rest);
        if row_named(&label).is_some() {
            return true;
        }
    }
    false
}

/// The text of a line's own label cell: its last run left of the first column (a group's
/// label, `（六）其他处理`, may stand before it on the same line).
fn own_label(line: &[Glyph], left: f64) -> String {
    runs(line)
        .iter()
        .rev()
        .find(|r| r.start < left)
        .map(|r| r.text.split_whitespace().collect())
        .unwrap_or_default()
}

/// A line's label: its text left of the first column, without spaces.
fn label_text(line: &[Glyph], left: f64) -> String {
    text_of(line.iter().filter(|g| g.x < left))
}

/// The table-三 row that a line's label names.
fn label_row(line: &[Glyph], left: f64) -> Option<crate::model::RowKey> {
    row_named(&label_text(line, left))
}

/// The table-三 row a label's text names.
fn row_named(label: &str) -> Option<crate::model::RowKey> {
    crate::parse::extract::table3_row(&crate::parse::extract::squash(label))
}

/// A row's figures set midway between the two lines of its wrapped label (`3.补正后申请内容仍
/// 不明` / figures / `确`) are put on the label's first line: left on a line of their own among
/// rows left all blank, whose labels stand alone, they could be taken for another row's.
fn join_label_above(lines: &mut [Vec<Glyph>], i: usize, left: f64) {
    let Some((above, rest)) = i
        .checked_sub(1)
        .and_then(|j| lines.get_mut(j..))
        .and_then(|l| l.split_first_mut())
    else {
        return;
    };
    let Some(line) = rest.first_mut() else { return };
    let has_label = |l: &[Glyph]| {
        l.iter()
            .any(|g| g.x + g.size < left && !g.c.is_whitespace())
    };
    let (Some(a), Some(f)) = (above.first(), line.first()) else {
        return;
    };
    let size = f.size;
    if has_label(line) || !has_label(above) || (f.y - a.y).abs() > 1.5 * size {
        return;
    }
    let y = a.y;
    above.extend(line.drain(..).map(|g| Glyph { y, ..g }));
    above.sort_by(|a, b| a.x.total_cmp(&b.x));
}

/// The middle of each of the seven columns, from the header's lines above the first row; None
/// unless all seven are found, left to right.
fn anchors(header: &[Vec<Glyph>]) -> Option<[Col; 7]> {
    let mut found: [Option<Col>; 7] = [None; 7];
    for run in header_texts(header) {
        if let Some(i) = header_column(&run.text)
            && let Some(slot) = found.get_mut(i)
            && slot.is_none()
        {
            *slot = Some(Col::of(&run));
        }
    }
    let cols: Vec<Col> = found.iter().flatten().copied().collect();
    let cols: [Col; 7] = cols.try_into().ok()?;
    cols.windows(2)
        .all(|w| w[0].middle < w[1].middle)
        .then_some(cols)
}

/// Marks one row's blank cells when each of its figures stands under a column of its own.
fn mark_row(line: &mut Vec<Glyph>, cols: &[Col]) -> bool {
    let middles: Vec<f64> = cols.iter().map(|c| c.middle).collect();
    let Some(gap) = middles
        .windows(2)
        .map(|w| w[1] - w[0])
        .min_by(f64::total_cmp)
    else {
        return false;
    };
    let Some(left) = cols.first().map(|c| c.start) else {
        return false;
    };
    let runs = runs(line);
    let figures: Vec<&Run> = runs
        .iter()
        .filter(|r| r.start > left - gap && matches!(classify(&r.text), CellText::Number(_)))
        .collect();
    if figures.is_empty() || figures.len() >= cols.len() {
        return false;
    }
    // Figures centred in their cells stand under the headers' middles; figures set to the
    // left or right of their cells (as headers set the same way are) under their ends.
    let Some(taken) = under(&figures, &middles, |f| f.middle(), true)
        .or_else(|| under(&figures, &starts(cols), |f| f.start, false))
        .or_else(|| under(&figures, &ends(cols), |f| f.end, false))
    else {
        return false;
    };
    let size = figures.first().map_or(1.0, |f| f.size);
    let y = line.first().map_or(0.0, |g| g.y);
    line.retain(|g| !g.c.is_whitespace());
    for (c, _) in cols.iter().zip(taken).filter(|(_, t)| !t) {
        line.push(Glyph {
            x: c.middle - size / 2.0,
            y,
            size,
            c: '—',
        });
    }
    line.sort_by(|a, b| a.x.total_cmp(&b.x));
    true
}

fn starts(cols: &[Col]) -> Vec<f64> {
    cols.iter().map(|c| c.start).collect()
}

fn ends(cols: &[Col]) -> Vec<f64> {
    cols.iter().map(|c| c.end).collect()
}

/// Which columns the figures fill, each under its nearest mark in `at` (by `place`): within
/// half the width to the next column on its side (`wide`), or else within one em. None when a
/// figure is under none, or two under one.
fn under(
    figures: &[&Run],
    at: &[f64],
    place: impl Fn(&Run) -> f64,
    wide: bool,
) -> Option<Vec<bool>> {
    let mut taken = vec![false; at.len()];
    for f in figures {
        let x = place(f);
        let (i, &a) = at
            .iter()
            .enumerate()
            .min_by(|a, b| (a.1 - x).abs().total_cmp(&(b.1 - x).abs()))?;
        let reach = if wide {
            let (before, after) = (i.checked_sub(1).and_then(|j| at.get(j)), at.get(i + 1));
            // Beyond the first or last column, the width to the one neighbour there is.
            let next = if x < a {
                before.or(after)
            } else {
                after.or(before)
            };
            next.map_or(0.0, |n| (n - a).abs() / 2.0)
        } else {
            f.size
        };
        if (a - x).abs() >= reach || taken.get(i) != Some(&false) {
            return None;
        }
        taken[i] = true;
    }
    Some(taken)
}

/// A line holds a figure.
fn has_figure(line: &[Glyph]) -> bool {
    runs(line)
        .iter()
        .any(|r| matches!(classify(&r.text), CellText::Number(_)))
}

/// The result a table-四 header cell's text names: the whole header, or a line of one its cell
/// wrapped (`维持` of 结果维持) that belongs to no other.
fn result_column(text: &str) -> Option<usize> {
    named(text, &Table4::RESULTS, true)
}

/// Marks the blank cells of table 四's row of figures, its fifteen columns found by their
/// headers (three groups of 结果维持 … 总计) below the line that names 行政复议 and 行政诉讼.
fn mark_table4(lines: &mut [Vec<Glyph>]) -> usize {
    // The table's top row: 行政复议 and 行政诉讼 as cells of their own (not the section's
    // heading, nor a sentence that names them).
    let Some(top) = lines.iter().position(|l| {
        let runs = runs(l);
        ["行政复议", "行政诉讼"]
            .iter()
            .all(|w| runs.iter().any(|r| r.text.trim() == *w))
    }) else {
        return 0;
    };
    let Some(row) =
        (top + 1..lines.len().min(top + 12)).find(|&i| lines.get(i).is_some_and(|l| has_figure(l)))
    else {
        return 0;
    };
    let header = lines.get(top + 1..row).unwrap_or_default();
    let mut found: Vec<(Col, usize)> = header_texts(header)
        .iter()
        .filter_map(|r| Some((Col::of(r), result_column(&r.text)?)))
        .collect();
    found.sort_by(|a, b| a.0.middle.total_cmp(&b.0.middle));
    // A header wrapped over lines gives its column once per line: one anchor per column.
    found.dedup_by(|b, a| b.1 == a.1 && (b.0.middle - a.0.middle).abs() < 2.0);
    let in_order = found.len() == 15 && found.iter().enumerate().all(|(i, f)| f.1 == i % 5);
    let anchors: Vec<Col> = found.iter().map(|f| f.0).collect();
    match lines.get_mut(row) {
        Some(line) if in_order => usize::from(mark_row(line, &anchors)),
        _ => 0,
    }
}

#[cfg(test)]
mod tests;
