//! Tables drawn with pipes: Markdown's (what `gongkai render -o x.md` writes), a row per line,
//! and the grid tables of reStructuredText, pandoc and Emacs (`pandoc -t rst`), where rules
//! of `+---+---+` part the rows and a cell's text wraps over the lines between them: there a
//! row is every line between two rules, each column's pieces joined.

use std::borrow::Cow;

use super::super::doc::Doc;
use super::{split_at, trim};

pub(super) fn read<'a>(mut doc: Doc<'a>, lines: impl Iterator<Item = &'a str>) -> Doc<'a> {
    // The grid row being gathered, its columns' text so far; None outside a grid table.
    let mut grid: Option<Vec<String>> = None;
    for line in lines {
        let t = trim(line);
        if is_grid_rule(t) {
            end_grid_row(&mut doc, &mut grid);
            grid = Some(Vec::new());
        } else if let Some(inner) = t.strip_prefix('|').and_then(|r| r.strip_suffix('|')) {
            // The rule under a header (`|---|:--:|`, Emacs' `|---+---|`); a row of blank cells
            // has no dash.
            if is_rule(inner) {
                continue;
            }
            match grid.as_mut() {
                Some(columns) => gather(columns, inner),
                None => doc.row(split_at(inner, b'|').map(|c| Cow::Borrowed(trim(c)))),
            }
        } else {
            end_grid_row(&mut doc, &mut grid);
            grid = None;
            doc.end_table();
            doc.para(t.trim_start_matches('#'));
        }
    }
    end_grid_row(&mut doc, &mut grid);
    doc.end_table();
    doc
}

/// A rule between a header and the rows, inside a row's outer pipes.
fn is_rule(inner: &str) -> bool {
    inner.contains('-') && inner.bytes().all(|b| b"-:|+= ".contains(&b))
}

/// A grid table's rule between rows: `+----+----+`, `+====+====+` under its header.
fn is_grid_rule(t: &str) -> bool {
    t.len() >= 3
        && t.starts_with('+')
        && t.ends_with('+')
        && t.bytes().any(|b| b == b'-' || b == b'=')
        && t.bytes().all(|b| b"-:+= ".contains(&b))
}

/// Adds one line of a grid row to its columns: each piece to the text of its column.
fn gather(columns: &mut Vec<String>, inner: &str) {
    for (i, piece) in split_at(inner, b'|').map(trim).enumerate() {
        if columns.len() <= i {
            columns.push(String::new());
        }
        let Some(column) = columns.get_mut(i) else {
            continue;
        };
        // Chinese wraps anywhere, and a figure too long for its column is broken in it
        // (`1` / `10` is 110); a Latin word wrapped at a space gets its space back.
        let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
        if latin(column.chars().next_back()) && latin(piece.chars().next()) {
            column.push(' ');
        }
        column.push_str(piece);
    }
}

/// The grid row gathered so far, as a row of the document.
fn end_grid_row(doc: &mut Doc<'_>, grid: &mut Option<Vec<String>>) {
    if let Some(columns) = grid.as_mut().filter(|c| !c.is_empty()) {
        doc.row(columns.drain(..).map(Cow::Owned));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::doc::Block;

    fn rows(text: &str) -> Vec<Vec<String>> {
        let doc = read(Doc::default(), text.lines());
        doc.blocks()
            .filter_map(|b| match b {
                Block::Row(cells) => Some(cells.iter().map(|c| c.to_string()).collect()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn pipe_and_grid_tables_give_the_same_rows() {
        let want = vec![
            vec!["信息内容", "本年处理决定数量"],
            vec!["行政许可", "574"],
            vec!["行政事业性收费", "1234"],
            vec!["other fees", "110"],
        ];
        let markdown = "| 信息内容 | 本年处理决定数量 |\n|---|:--:|\n| 行政许可 | 574 |\n| 行政事业性收费 | 1234 |\n| other fees | 110 |\n";
        let grid = "\
+--------+----------+
| 信息内 | 本年处理 |
| 容     | 决定数量 |
+========+==========+
| 行政许 | 574      |
| 可     |          |
+--------+----------+
| 行政事 | 12       |
| 业性收 | 34       |
| 费     |          |
+--------+----------+
| other  | 1        |
| fees   | 10       |
+--------+----------+
";
        let emacs = "| 信息内容 | 本年处理决定数量 |\n|---+---|\n| 行政许可 | 574 |\n| 行政事业性收费 | 1234 |\n| other fees | 110 |\n";
        for text in [markdown, grid, emacs] {
            assert_eq!(rows(text), want, "{text}");
        }
    }

    #[test]
    fn a_grid_ends_at_the_first_line_outside_it() {
        let text = "+---+---+\n| 规章 | 0 |\n+---+---+\n三、收到和处理政府信息公开申请情况\n| 自然人 | 1 |\n";
        let doc = read(Doc::default(), text.lines());
        let blocks: Vec<Block> = doc.blocks().collect();
        assert!(matches!(
            blocks.as_slice(),
            [
                Block::Row(_),
                Block::TableEnd,
                Block::Para("三、收到和处理政府信息公开申请情况"),
                Block::Row(_),
                Block::TableEnd
            ]
        ));
    }
}
