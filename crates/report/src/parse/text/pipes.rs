//! A report page's text as web crawlers and reader-mode tools save it: each table cell ended by
//! a pipe, a row holding fewer cells than the table has columns padded with bare pipes. Three
//! shapes need rewriting (the fourth, `| a | b | ||`, is a Markdown table with padding):
//!
//! - `a | b |`, a row per line: becomes a line of tab-separated cells (the tab-rows reader's);
//! - `a |`, a cell per line, an empty cell a lone `|`: becomes a cell per line, an empty cell an
//!   empty line (the office-text reader's);
//! - the cell on one line and `|` on the next: becomes the same.
//!
//! A line of two pipes or more is padding, and goes.
//!
//! html2text's tables, whose rows have no pipe at either end, are [`super::html2text`]'s.

use super::{TextLayout, trim};

/// Fewer lines than this ending in a pipe are not a table's.
const MIN_PIPE_LINES: usize = 10;

/// The text with its tables in a layout the readers know, and that layout when the tables came
/// a cell per line (too few figures may stand alone for the layout to be told); `None` when
/// its tables are not written with pipes ending the cells.
pub(super) fn rewrite(text: &str) -> Option<(String, Option<TextLayout>)> {
    // Most texts have no pipe at all.
    memchr::memchr(b'|', text.as_bytes())?;
    if !ends_cells(text) {
        return super::html2text::rewrite(text).map(|rows| (rows, Some(TextLayout::TabRows)));
    }
    let mut lines: Vec<&str> = super::text_lines(text).collect();
    // Doubled line ends would read as empty cells between the cells.
    super::doubled::undouble(&mut lines);
    for line in &mut lines {
        *line = trim(line);
    }
    let mut out = String::with_capacity(text.len());
    let mut rows = 0;
    for (i, line) in lines.iter().enumerate() {
        if let Some(pipes) = pipes_only(line) {
            // The first pipe after a cell's line ends that cell (written already); a lone pipe
            // after anything else is an empty cell.
            let after_cell = i
                .checked_sub(1)
                .and_then(|j| lines.get(j))
                .is_some_and(|prev| pipes_only(prev).is_none() && !prev.ends_with('|'));
            if pipes == 1 && !after_cell {
                out.push('\n');
            }
            continue;
        }
        match line.strip_suffix('|') {
            Some(cells) => {
                let cells: Vec<&str> = super::split_at(cells, b'|').map(trim).collect();
                rows += usize::from(cells.len() > 1);
                out.push_str(&cells.join("\t"));
            }
            None => out.push_str(line),
        }
        out.push('\n');
    }
    let cell_lines = (rows < MIN_PIPE_LINES).then_some(TextLayout::CellLines);
    Some((out, cell_lines))
}

/// `Some(n)` for a line of `n` pipes and nothing else.
fn pipes_only(line: &str) -> Option<usize> {
    (!line.is_empty() && line.bytes().all(|b| b == b'|')).then_some(line.len())
}

/// True when at least [`MIN_PIPE_LINES`] lines end a cell with a pipe without opening the row
/// with one (a Markdown table's rows do both), or are pipes alone.
fn ends_cells(text: &str) -> bool {
    let mut n = 0;
    for line in super::text_lines(text).map(trim) {
        if line.ends_with('|') && (!line.starts_with('|') || pipes_only(line).is_some()) {
            n += 1;
            if n >= MIN_PIPE_LINES {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn many(rows: &str) -> String {
        rows.repeat(MIN_PIPE_LINES)
    }

    #[test]
    fn shapes_become_tab_rows_or_cell_lines() {
        let cases = [
            ("规章 | 0 | 0 | 0 |\n", "规章\t0\t0\t0\n"),
            (
                "规章 | 0 |\n| 部分公开 | | 1 |\n",
                "规章\t0\n\t部分公开\t\t1\n",
            ),
            ("规章 |\n|\n0 |\n||\n", "规章\n\n0\n"),
            ("规章\n|\n\n|\n0\n|\n||\n", "规章\n\n0\n"),
            ("一、总体情况\n规章 |\n", "一、总体情况\n规章\n"),
        ];
        for (input, want) in cases {
            let got = rewrite(&many(input)).map(|(text, _)| text);
            assert_eq!(got, Some(many(want)), "{input:?}");
        }
    }

    #[test]
    fn markdown_and_prose_are_left_alone() {
        for text in [
            many("| 规章 | 0 | 0 | 0 |\n"),
            many("| 规章 | 0 | ||\n"),
            many("全年公开信息 12 条。\n"),
            "规章 | 0 |\n".repeat(MIN_PIPE_LINES - 1),
        ] {
            assert_eq!(rewrite(&text), None, "{text:?}");
        }
    }
}
