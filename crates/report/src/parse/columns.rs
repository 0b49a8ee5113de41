//! Table 三's blank cells, found by where its columns stand on the page. Text extracted from a
//! PDF shows a blank cell as nothing at all, so a row with blanks (`821 35 2 1 859` for seven
//! columns) cannot be read from the text: which columns the figures belong to is lost. On the
//! page it is not: the header names each column (自然人 … 总计) at its middle, and each
//! figure stands under one of them. A row whose every figure stands clearly under a column
//! gets a blank mark (`—`) under each column it leaves empty, which reads as a blank cell.

use super::glyphs::{Glyph, end};
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
}

impl Run {
    fn middle(&self) -> f64 {
        (self.start + self.end) / 2.0
    }
}

fn runs(line: &[Glyph]) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    for g in line {
        match out.last_mut() {
            Some(r) if g.x - r.end < g.size / 4.0 => {
                r.text.push(ideograph(g.c));
                r.end = end(g);
            }
            _ => out.push(Run {
                text: ideograph(g.c).to_string(),
                start: g.x,
                end: end(g),
                size: g.size,
            }),
        }
    }
    out.retain(|r| !r.text.trim().is_empty());
    out
}

/// The column a header cell's text names: the whole header, or the first line of one its
/// cell wrapped (`商业` of 商业企业), when that begins no other header.
fn header_column(text: &str) -> Option<usize> {
    let t = text.trim();
    let headers = Column::ALL.map(Column::label);
    if let Some(i) = headers.iter().position(|h| *h == t) {
        return Some(i);
    }
    let mut starts = headers
        .iter()
        .enumerate()
        .filter(|(_, h)| t.chars().count() >= 2 && h.starts_with(t));
    match (starts.next(), starts.next()) {
        (Some((i, _)), None) => Some(i),
        _ => None,
    }
}

fn squashed(line: &[Glyph]) -> String {
    line.iter()
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

/// Marks the blank cells of the rows of tables 三 and 四 in `lines` (a page's lines of glyphs,
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
    let mut marked = mark_table4(lines);
    let Some(anchors) = *columns else {
        return marked;
    };
    for line in lines.iter_mut().skip(start).take(80) {
        let text = squashed(line);
        if text.contains("行政复议") {
            *columns = None;
            break;
        }
        if mark_row(line, &anchors) {
            marked += 1;
        }
        if text.contains("结转下年度") {
            *columns = None;
            break;
        }
    }
    marked
}

/// The middle of each of the seven columns, from the header's lines above the first row; None
/// unless all seven are found, left to right.
fn anchors(header: &[Vec<Glyph>]) -> Option<[Col; 7]> {
    let mut found: [Option<Col>; 7] = [None; 7];
    for line in header {
        for run in runs(line) {
            if let Some(i) = header_column(&run.text)
                && let Some(slot) = found.get_mut(i)
                && slot.is_none()
            {
                *slot = Some(Col::of(&run));
            }
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

/// The result a table-四 header cell's text names: the whole header, or a line of one its cell
/// wrapped (`维持` of 结果维持) that belongs to no other.
fn result_column(text: &str) -> Option<usize> {
    let t = text.trim();
    let mut of = Table4::RESULTS.iter().enumerate().filter(|(_, h)| {
        **h == t || t.chars().count() >= 2 && (h.starts_with(t) || h.ends_with(t))
    });
    match (of.next(), of.next()) {
        (Some((i, _)), None) => Some(i),
        _ => None,
    }
}

/// Marks the blank cells of table 四's row of figures, its fifteen columns found by their
/// headers (three groups of 结果维持 … 总计) below the line that names 行政复议 and 行政诉讼.
fn mark_table4(lines: &mut [Vec<Glyph>]) -> usize {
    let Some(top) = lines.iter().position(|l| {
        let t = squashed(l);
        t.contains("行政复议") && t.contains("行政诉讼") && t.chars().count() < 30
    }) else {
        return 0;
    };
    let mut found: Vec<(Col, usize)> = Vec::new();
    let mut row = None;
    for (i, line) in lines.iter().enumerate().skip(top + 1).take(8) {
        let runs = runs(line);
        if runs
            .iter()
            .any(|r| matches!(classify(&r.text), CellText::Number(_)))
        {
            row = Some(i);
            break;
        }
        found.extend(
            runs.iter()
                .filter_map(|r| Some((Col::of(r), result_column(&r.text)?))),
        );
    }
    found.sort_by(|a, b| a.0.middle.total_cmp(&b.0.middle));
    // A header wrapped over lines gives its column once per line: one anchor per column.
    found.dedup_by(|b, a| b.1 == a.1 && (b.0.middle - a.0.middle).abs() < 2.0);
    let in_order = found.len() == 15 && found.iter().enumerate().all(|(i, f)| f.1 == i % 5);
    let anchors: Vec<Col> = found.iter().map(|f| f.0).collect();
    match row.and_then(|i| lines.get_mut(i)) {
        Some(line) if in_order => usize::from(mark_row(line, &anchors)),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIZE: f64 = 10.0;

    /// A line at `y` of texts starting at their `x`.
    fn line(y: f64, texts: &[(f64, &str)]) -> Vec<Glyph> {
        let mut out = Vec::new();
        for &(x, text) in texts {
            let mut x = x;
            for c in text.chars() {
                out.push(Glyph {
                    x,
                    y,
                    size: SIZE,
                    c,
                });
                x += if c.is_ascii() { SIZE / 2.0 } else { SIZE };
            }
        }
        out
    }

    /// `text` placed with its middle at `middle`.
    fn centred(middle: f64, text: &str) -> (f64, &str) {
        let width: f64 = text
            .chars()
            .map(|c| if c.is_ascii() { SIZE / 2.0 } else { SIZE })
            .sum();
        (middle - width / 2.0, text)
    }

    /// A row: its label at the left, its figures centred where given.
    fn row(y: f64, label: &str, figures: &[(f64, &str)]) -> Vec<Glyph> {
        let mut texts = vec![(0.0, label)];
        texts.extend(figures.iter().map(|&(m, f)| centred(m, f)));
        line(y, &texts)
    }

    fn text(line: &[Glyph]) -> String {
        runs(line)
            .iter()
            .map(|r| r.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    const MIDDLES: [f64; 7] = [300.0, 360.0, 420.0, 480.0, 540.0, 600.0, 660.0];

    fn header() -> Vec<Vec<Glyph>> {
        // 社会公益组织 and 法律服务机构 wrapped in their cells; 自然人 set in radicals.
        let words = [
            "⾃然⼈",
            "商业企业",
            "科研机构",
            "社会公益",
            "法律服务",
            "其他",
            "总计",
        ];
        let first: Vec<(f64, &str)> = MIDDLES
            .iter()
            .zip(words)
            .map(|(&m, w)| centred(m, w))
            .collect();
        vec![
            line(10.0, &first),
            line(25.0, &[centred(480.0, "组织"), centred(540.0, "机构")]),
        ]
    }

    #[test]
    fn figures_under_their_headers_get_blank_marks_between_them() {
        let mut lines = header();
        lines.push(row(
            40.0,
            "一、本年新收政府信息公开申请数量",
            &[
                (300.0, "821"),
                (360.0, "35"),
                (540.0, "2"),
                (600.0, "1"),
                (660.0, "859"),
            ],
        ));
        // A figure between two columns: its row is left as it was.
        lines.push(row(55.0, "（一）予以公开", &[(330.0, "5")]));
        lines.push(row(
            70.0,
            "四、结转下年度继续办理",
            &[(300.0, "3"), (660.0, "3")],
        ));
        let mut columns = None;
        assert_eq!(mark_blanks(&mut lines, &mut columns), 2);
        assert_eq!(
            text(&lines[2]),
            "一、本年新收政府信息公开申请数量 821 35 — — 2 1 859"
        );
        assert_eq!(text(&lines[3]), "（一）予以公开 5");
        assert_eq!(text(&lines[4]), "四、结转下年度继续办理 3 — — — — — 3");
        // The table ended: the next page has no columns to go by.
        assert!(columns.is_none());
    }

    #[test]
    fn columns_carry_over_a_page_break_and_left_set_figures_count() {
        let mut page = header();
        page.push(row(
            40.0,
            "一、本年新收政府信息公开申请数量",
            &[(300.0, "1"), (660.0, "1")],
        ));
        let mut columns = None;
        assert_eq!(mark_blanks(&mut page, &mut columns), 1);
        assert!(columns.is_some());
        let mut next = vec![row(10.0, "（七）总计", &[(300.0, "1"), (660.0, "1")])];
        assert_eq!(mark_blanks(&mut next, &mut columns), 1);
        assert_eq!(text(&next[0]), "（七）总计 1 — — — — — 1");

        // Headers and figures set at their cells' left ends.
        let starts: Vec<(f64, &str)> = MIDDLES
            .iter()
            .zip([
                "自然人",
                "商业企业",
                "科研机构",
                "社会公益",
                "法律服务",
                "其他",
                "总计",
            ])
            .map(|(&m, w)| (m - 25.0, w))
            .collect();
        let mut lines = vec![
            line(10.0, &starts),
            line(
                25.0,
                &[
                    (0.0, "一、本年新收政府信息公开申请数量"),
                    (275.0, "12"),
                    (335.0, "3"),
                    (635.0, "15"),
                ],
            ),
        ];
        assert_eq!(mark_blanks(&mut lines, &mut None), 1);
        assert_eq!(
            text(&lines[1]),
            "一、本年新收政府信息公开申请数量 12 3 — — — — 15"
        );
    }

    #[test]
    fn table4_blanks_are_marked_by_its_fifteen_headers() {
        let results = Table4::RESULTS;
        let heads: Vec<(f64, &str)> = (0..15)
            .map(|i| centred(100.0 + 60.0 * i as f64, results[i % 5]))
            .collect();
        let mut lines = vec![
            line(10.0, &[(100.0, "行政复议"), (400.0, "行政诉讼")]),
            line(25.0, &heads),
            line(
                40.0,
                &[
                    centred(100.0, "5"),
                    centred(280.0, "2"),
                    centred(340.0, "7"),
                ],
            ),
        ];
        assert_eq!(mark_blanks(&mut lines, &mut None), 1);
        assert_eq!(text(&lines[2]), "5 — — 2 7 — — — — — — — — — —");
    }
}
