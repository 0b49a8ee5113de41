//! Text copied out of a web browser (select all, copy, paste into a text file): the browser
//! writes a table's cells one after another with a line holding only a tab between them, and
//! the empty lines that the cells' paragraphs (`<td><p>…</p></td>`) take around it. Rows end
//! with more empty lines than cells do. Joined back, each row is one line of tab-separated
//! cells — the layout the tab-rows reader knows.

use memchr::memmem;

use super::doubled::is_empty_line;
use super::trim;

/// Fewer tab-only lines than this are stray: a table copied from a browser has one per cell.
const MIN_TAB_LINES: usize = 10;

/// Empty lines before a tab that a cell's margin cannot make: a row's end and a margin.
const ROW_END_BLANKS: usize = 2;

/// The text with each row's cells joined on one line, or `None` when it is not browser text.
///
/// A tab joins the cells on either side of it, across the empty lines that are the margins of
/// what the cells hold (a paragraph leaves one, other blocks none). On a line of its own after
/// more empty lines than a margin, it begins a row whose first cell is empty; before as many,
/// it ends a row whose last cell is empty. A tab ending or beginning a line joins across at
/// most one empty line (a bare cell beside a paragraph).
pub(super) fn join_cells(text: &str) -> Option<String> {
    if between_cells(text) < MIN_TAB_LINES {
        return None;
    }
    let mut lines: Vec<&str> = super::text_lines(text).collect();
    // Doubled line ends would break the count of empty lines around each tab.
    super::doubled::undouble(&mut lines);
    let mut out = String::with_capacity(text.len());
    // Empty lines since the last line written: written only before the next line that starts
    // a line of its own, so that a joined cell needs no undoing.
    let mut blanks = 0;
    // The next line with text continues the current row.
    let mut glue = false;
    // The last line with anything on it was tabs alone.
    let mut after_tab_line = false;
    for (i, line) in lines.iter().enumerate() {
        let after = || blank_run(lines.get(i + 1..).unwrap_or_default().iter());
        if is_tab_line(line) {
            after_tab_line = true;
            let tabs = line.matches('\t').count();
            // A row of blank cells copied as it stands (tabs alone, on the line after a row of
            // bare cells): a row of its own. Between cells that are paragraphs, an empty line
            // apart, the tabs part several empty cells.
            if tabs >= 2 && blanks == 0 && !glue {
                new_line(&mut out, blanks);
                out.extend(std::iter::repeat_n('\t', tabs));
                blanks = 0;
                continue;
            }
            if blanks >= ROW_END_BLANKS && !glue {
                new_line(&mut out, blanks);
            }
            out.extend(std::iter::repeat_n('\t', tabs));
            // As many empty lines after it: the row ended with an empty cell.
            glue = after() < ROW_END_BLANKS;
            blanks = 0;
            continue;
        }
        if is_empty_line(line) {
            blanks += 1;
            continue;
        }
        // A section's heading after a row whose last cell is blank (`行政事业性收费\t`) is no
        // cell of it, nor a numbered label on the very next line (`2.其他法律…\t\t` /
        // `3.危及…`): a row of blank cells ends in a tab, and the next row begins on the next
        // line. (After a line of tabs alone, such a label is the row's next cell.)
        let new_row = glue
            && (crate::parse::extract::is_heading(line)
                || blanks == 0
                    && !after_tab_line
                    && crate::parse::numbering::opens_with_mark(line)
                    && !super::is_figure_like(trim(line)));
        if !(glue || line.starts_with('\t') && blanks <= 1) || new_row {
            new_line(&mut out, blanks);
        }
        out.push_str(line);
        after_tab_line = false;
        glue = line.ends_with('\t') && after() <= 1;
        blanks = 0;
    }
    out.push('\n');
    Some(out)
}

fn new_line(out: &mut String, blanks: usize) {
    if !out.is_empty() {
        out.extend(std::iter::repeat_n('\n', blanks + 1));
    }
}

/// Lines holding only a tab between two lines of words that are not indented (in text saved
/// from a DOCX a tab-only line is an empty cell among cells indented by tabs), and figures a
/// paragraph away from a row's tab ([`figures_after_tabs`]). Looked for around each `\n\t\n`
/// and `\t\n\n` only, so other text costs two searches.
fn between_cells(text: &str) -> usize {
    let bytes = text.as_bytes();
    let unindented = |line: Option<&str>| line.is_some_and(|l| !l.starts_with('\t'));
    let tab_lines = memmem::find_iter(bytes, b"\n\t\n")
        .filter(|&at| unindented(words_before(text, at)) && unindented(words_after(text, at + 3)))
        .count();
    // Enough already: the second search is spared.
    if tab_lines >= MIN_TAB_LINES {
        return tab_lines;
    }
    tab_lines + figures_after_tabs(text)
}

/// Figures in a paragraph of their own after a row's tab, one empty line between or none
/// (`行政规范性文件\t\t` / `` / `1`, `行政许可\t` / `25`): a browser's copy of a table whose
/// first cells are blank (an empty cell leaves no line of its own) and whose figures are
/// paragraphs.
fn figures_after_tabs(text: &str) -> usize {
    memmem::find_iter(text.as_bytes(), b"\t\n")
        .filter(|&at| {
            let rest = text.get(at + 2..).unwrap_or_default();
            let rest = rest.strip_prefix('\n').unwrap_or(rest);
            let line = rest.split('\n').next().unwrap_or_default();
            line.bytes().any(|b| b.is_ascii_digit())
                && line.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        })
        .count()
}

/// The last line with words ending before byte `end` (a line start or end).
fn words_before(text: &str, mut end: usize) -> Option<&str> {
    loop {
        let head = text.get(..end)?;
        let start = memchr::memrchr(b'\n', head.as_bytes()).map_or(0, |i| i + 1);
        let line = head.get(start..)?;
        if !trim(line).is_empty() {
            return Some(line);
        }
        end = start.checked_sub(1)?;
    }
}

/// The first line with words starting at or after byte `start` (a line start).
fn words_after(text: &str, mut start: usize) -> Option<&str> {
    loop {
        let tail = text.get(start..)?;
        let len = memchr::memchr(b'\n', tail.as_bytes()).unwrap_or(tail.len());
        let line = tail.get(..len)?;
        if !trim(line).is_empty() {
            return Some(line);
        }
        if len == tail.len() {
            return None;
        }
        start += len + 1;
    }
}

fn is_tab_line(line: &str) -> bool {
    line.contains('\t') && trim(line).is_empty()
}

/// Empty lines at the start of `lines` ([`is_empty_line`]: a tab-only line is not one).
fn blank_run<'a>(lines: impl Iterator<Item = &'a &'a str>) -> usize {
    lines.take_while(|l| is_empty_line(l)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cells given as `rows`, copied the way a browser does: `gap` empty lines around each
    /// cell's paragraph, a row's end taking two more.
    fn copied(rows: &[&[&str]], gap: usize) -> String {
        let blank = "\n".repeat(gap);
        let rows: Vec<String> = rows
            .iter()
            .map(|cells| cells.join(&format!("\n{blank}\t\n{blank}")))
            .collect();
        let mut text = String::from("一、总体情况\n");
        text.push_str(&blank);
        text.push_str(&rows.join(&format!("\n{blank}\n\n{blank}")));
        text.push('\n');
        text
    }

    #[test]
    fn cells_come_back_to_tab_rows() {
        let rows: Vec<[&str; 3]> = (0..6).map(|_| ["规章", "1", "0"]).collect();
        let mut rows: Vec<&[&str]> = rows.iter().map(|r| r.as_slice()).collect();
        let empty_last: &[&str] = &["行政许可", "5", ""];
        let empty_first: &[&str] = &["\u{a0}", "2", "3"];
        rows.push(empty_last);
        rows.push(empty_first);
        for gap in [0, 1] {
            let joined = join_cells(&copied(&rows, gap)).expect("browser text");
            let got: Vec<&str> = joined.lines().filter(|l| !l.trim().is_empty()).collect();
            assert_eq!(got.first(), Some(&"一、总体情况"), "gap {gap}");
            assert_eq!(
                got.get(1..7),
                Some(&["规章\t1\t0"; 6][..]),
                "gap {gap}: {got:?}"
            );
            assert_eq!(got.get(7), Some(&"行政许可\t5\t"), "gap {gap}: {got:?}");
            assert_eq!(
                got.get(8).map(|l| l.trim()),
                Some("2\t3"),
                "gap {gap}: {got:?}"
            );
        }
    }

    /// A table whose zeros are blank, copied with each figure a paragraph on the line after its
    /// row's tab (`行政许可\t` / `25`): few lines hold a tab alone, and the figures tell it.
    #[test]
    fn figures_on_the_line_after_a_rows_tab_tell_a_browser_copy() {
        let mut text = String::from("一、总体情况\n");
        for (label, figure) in [
            ("行政许可", "25"),
            ("行政处罚", "7"),
            ("行政事业性收费", "4174.04"),
        ]
        .iter()
        .cycle()
        .take(12)
        {
            text.push_str(&format!("{label}\t\n{figure}\n\n"));
        }
        let joined = join_cells(&text).expect("browser text");
        let got: Vec<&str> = joined.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(
            got.get(1..4),
            Some(&["行政许可\t25", "行政处罚\t7", "行政事业性收费\t4174.04"][..]),
            "{got:?}"
        );
        // Rows of a PDF's text ending in a tab, with no figure alone after them: not a copy.
        assert!(join_cells(&"规章\t0\t\n行政许可\t1\n".repeat(12)).is_none());
    }

    /// A row whose last cell is blank ends in a tab; the heading after the table is no cell of
    /// it. A row of blank cells copied as tabs alone stays a row of its own.
    #[test]
    fn a_table_ending_in_blank_cells_keeps_the_heading_after_it() {
        let rows: Vec<[&str; 3]> = (0..6).map(|_| ["规章", "1", "0"]).collect();
        let rows: Vec<&[&str]> = rows.iter().map(|r| r.as_slice()).collect();
        let mut text = copied(&rows, 1);
        text.push_str("\n行政事业性收费\t\n\n三、收到和处理政府信息公开申请情况\n");
        text.push_str("结果维持\t总计\n\t\t\t\t\n\n五、存在的主要问题及改进情况\n");
        let joined = join_cells(&text).expect("browser text");
        let got: Vec<&str> = joined.lines().filter(|l| !l.is_empty()).collect();
        for want in [
            "行政事业性收费\t",
            "三、收到和处理政府信息公开申请情况",
            "结果维持\t总计",
            "\t\t\t\t",
            "五、存在的主要问题及改进情况",
        ] {
            assert!(got.contains(&want), "{want:?} in {got:?}");
        }
    }

    /// A table whose zeros are blank, its figures paragraphs: few tab-only lines, but figures
    /// a paragraph away from a row's tab tell browser text. Tabs alone between two paragraph
    /// cells part as many empty cells; a numbered label on the line after a row of blank cells
    /// begins a row, while after a line of tabs alone it is the row's next cell.
    #[test]
    fn blank_cells_between_paragraph_figures_are_kept() {
        let row = "一、本年新收政府信息公开申请数量\t\n\n128\n\n\t\t\t\t\t\t\n\n128\n\n\n";
        let blank =
            "2.其他法律行政法规禁止公开\t\t\t\t\t\t\t\n3.危及“三安全一稳定”\t\t\t\t\t\t\t\n";
        let block = "（六）其他处理\n\t\n1.申请人无正当理由逾期不补正\n\t\n0\n";
        let text = format!("一、总体情况\n\n{}{blank}{block}", row.repeat(10));
        let joined = join_cells(&text).expect("browser text");
        let got: Vec<&str> = joined.lines().filter(|l| !l.is_empty()).collect();
        for want in [
            "一、本年新收政府信息公开申请数量\t128\t\t\t\t\t\t128",
            "2.其他法律行政法规禁止公开\t\t\t\t\t\t\t",
            "3.危及“三安全一稳定”\t\t\t\t\t\t\t",
            "（六）其他处理\t1.申请人无正当理由逾期不补正\t0",
        ] {
            assert!(got.contains(&want), "{want:?} in {got:#?}");
        }
    }

    #[test]
    fn other_text_is_not_browser_text() {
        assert_eq!(join_cells("规章\t1\t0\n\t\n行政规范性文件\t1\t1\n"), None);
        assert_eq!(join_cells("一、总体情况\n全年公开信息336条。\n"), None);
    }
}
