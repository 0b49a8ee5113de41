//! Text saved by an office suite (LibreOffice's and WPS's "save as text", a table copied out of
//! a PDF viewer): every table cell on a line of its own, with no indent and no line between
//! rows. A cell covered by a merged cell above it, and an empty cell, are empty lines.
//!
//! Nothing marks where a row ends, so rows are read from the shape of the lines: a row is its
//! label cells (lines of words) followed by its figures; words after a figure begin the next
//! row. Empty lines after a row's first cell are its blank cells (a blank cell is a cell;
//! covered cells that land there are dropped by the extractor, which fits a row's values to
//! the table's width from its ends). Only a run of lines holding figures, and the short word
//! lines around it, is a table: headings and sentences around it stay paragraphs.

use std::borrow::Cow;

use super::doc::Doc;
use super::extract::is_heading;
use super::number::{CellText, classify};
use super::numbering::{self, Style};
use super::text::{Marks, is_figure_like, is_page_number, sub, trim_end_spaces};
use super::trim;

/// What a line is, for telling tables from prose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Empty,
    /// A figure, or a blank mark (`-`, `/`) standing for a cell with nothing in it.
    Figure,
    /// Words that may be a table cell: short, not a heading, not a sentence.
    Cell,
    /// A heading or a sentence: never inside a table.
    Prose,
}

/// Longer lines than this (in characters) are prose: the longest label of the official tables
/// has 37.
const MAX_CELL_CHARS: usize = 48;

/// A table has more figures than this; fewer, among prose, are page numbers or stray figures.
const MIN_TABLE_FIGURES: usize = 3;

/// The most figures a row of the official tables holds (table 四's one row of values).
const MAX_ROW_FIGURES: usize = 15;

fn kind(line: &str) -> Kind {
    let t = trim(line);
    if t.is_empty() {
        return Kind::Empty;
    }
    // An amount with its unit (`14000元`, table 二 of 2019) is a figure cell too.
    let figure = match classify(t) {
        CellText::Text => t.ends_with(['元', '%', '％']) && is_figure_like(t),
        _ => true,
    };
    if figure {
        return Kind::Figure;
    }
    // Not a colon: a wrapped cell may break after one (`本年收费金额（单位：` / `万元）`).
    let sentence = t.ends_with(['。', '！', '？', '；', ';']);
    if sentence || t.chars().count() > MAX_CELL_CHARS || is_heading(t) {
        Kind::Prose
    } else {
        Kind::Cell
    }
}

/// A whole text in this layout, read without telling its layout first (a `.doc` file's text).
pub(crate) fn doc(text: &str) -> Doc<'_> {
    let lines: Vec<&str> = text.lines().collect();
    read(Doc::with_capacity(lines.len()), &lines, &Marks::of(text))
}

pub(crate) fn read<'a>(mut doc: Doc<'a>, lines: &[&'a str], marks: &Marks) -> Doc<'a> {
    let mut lines: Vec<Cow<'a, str>> = lines
        .iter()
        .map(|raw| marks.strip(trim_end_spaces(raw)))
        .collect();
    let mut kinds: Vec<Kind> = lines.iter().map(|l| kind(l)).collect();
    join_broken_headings(&mut lines, &mut kinds);
    let tables = tables(&kinds);
    // One scrambled table shows how the whole text was extracted: a table of it that looks
    // whole (table 四's one row may come out in order) is not trusted either.
    doc.scrambled = tables.iter().any(|&(start, end)| {
        let kinds = kinds.get(start..end).unwrap_or_default();
        scrambled(kinds) || labels_in_a_run(lines.get(start..end).unwrap_or_default(), kinds)
    });
    let mut at = 0;
    for (start, end) in tables {
        paragraphs(&mut doc, lines.get(at..start).unwrap_or_default());
        if !doc.scrambled {
            rows(
                &mut doc,
                lines.get(start..end).unwrap_or_default(),
                kinds.get(start..end).unwrap_or_default(),
            );
            doc.end_table();
        }
        at = end;
    }
    paragraphs(&mut doc, lines.get(at..).unwrap_or_default());
    doc
}

/// A section heading the page width broke (`四、政府信息公开` / `行政复议、行政诉讼情况`, copied
/// out of a PDF) is one heading: its two pieces are joined on the first line, the second left
/// empty. Only a numbered first piece followed by words is looked at.
fn join_broken_headings(lines: &mut [Cow<'_, str>], kinds: &mut [Kind]) {
    for i in 1..lines.len().min(kinds.len()) {
        let (Some(Kind::Cell), Some(Kind::Cell)) = (kinds.get(i - 1), kinds.get(i)) else {
            continue;
        };
        let (Some(first), Some(second)) = (lines.get(i - 1), lines.get(i)) else {
            continue;
        };
        if numbering::heading_mark(first).is_none() {
            continue;
        }
        let joined = format!("{}{}", trim(first), trim(second));
        if is_heading(&joined) {
            if let Some(first) = lines.get_mut(i - 1) {
                *first = Cow::Owned(joined);
            }
            if let Some(second) = lines.get_mut(i) {
                *second = Cow::Borrowed("");
            }
            if let Some([a, b]) = kinds.get_mut(i - 1..=i) {
                (*a, *b) = (Kind::Prose, Kind::Empty);
            }
        }
    }
}

/// The tables, as ranges of lines: each run of lines without prose that holds enough figures.
fn tables(kinds: &[Kind]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, k) in kinds
        .iter()
        .chain(std::iter::once(&Kind::Prose))
        .enumerate()
    {
        if *k != Kind::Prose {
            continue;
        }
        let run = kinds.get(start..i).unwrap_or_default();
        let figures = run.iter().filter(|&&k| k == Kind::Figure).count();
        let blank_rows = blank_rows(run);
        // Table 四 with one review in it and its other zeros blank: two figures, and its rows
        // of blank cells.
        if figures >= MIN_TABLE_FIGURES
            || blank_rows >= MIN_BLANK_ROWS
            || figures >= 2 && blank_rows >= 2
        {
            out.push((start, i));
        }
        start = i + 1;
    }
    out
}

/// A table whose zeros are left blank may hold fewer figures than [`MIN_TABLE_FIGURES`], or
/// none: as many rows of blank cells make it a table.
const MIN_BLANK_ROWS: usize = 5;

/// Runs of three empty lines or more after words: a row whose cells are blank (prose is not
/// laid out so).
fn blank_rows(kinds: &[Kind]) -> usize {
    let mut empties = 0;
    let mut rows = 0;
    for k in kinds {
        match k {
            Kind::Empty => {
                empties += 1;
                rows += usize::from(empties == 3);
            }
            _ => empties = 0,
        }
    }
    rows
}

/// True when a table's figures come in runs longer than any row of the official tables: the
/// extractor printed it column after column (`pdftotext` without `-layout`, some PDF viewers'
/// copy), so which figure belongs to which row is lost. Reading rows from it would make up a
/// table, and the checker would report its made-up sums as the report's errors.
fn scrambled(kinds: &[Kind]) -> bool {
    let mut run = 0;
    for k in kinds {
        match k {
            Kind::Figure => run += 1,
            Kind::Empty => {}
            Kind::Cell | Kind::Prose => run = 0,
        }
        if run > MAX_ROW_FIGURES {
            return true;
        }
    }
    false
}

/// Row labels this many times directly after one another also show a table printed column
/// after column.
const MAX_LABEL_RUNS: usize = 3;

/// True when numbered row labels (`1.属于国家秘密`, `2.其他法律行政法规禁止`) follow one another
/// with no figure and no empty line between them, again and again: the extractor printed the
/// label column before the figures (`pdftotext` without `-layout` on a table whose zeros are
/// left blank, where the figures' runs are too short for [`scrambled`] to see). Where each cell
/// is a line, a row's cells — figures, or empty lines where they are blank — always come
/// between two labels.
fn labels_in_a_run(lines: &[Cow<'_, str>], kinds: &[Kind]) -> bool {
    let numbered = |line: &str| {
        numbering::heading_mark(trim(line)).is_some_and(|(_, style, _)| style == Style::Arabic)
    };
    let mut after_label = false;
    let mut runs = 0;
    for (line, kind) in lines.iter().zip(kinds) {
        match kind {
            Kind::Cell if numbered(line) => {
                runs += usize::from(after_label);
                after_label = true;
            }
            Kind::Cell => {}
            Kind::Empty | Kind::Figure | Kind::Prose => after_label = false,
        }
        if runs >= MAX_LABEL_RUNS {
            return true;
        }
    }
    false
}

fn paragraphs<'a>(doc: &mut Doc<'a>, lines: &[Cow<'a, str>]) {
    for line in lines {
        if !is_page_number(line) {
            doc.para(line.clone());
        }
    }
}

/// One table's lines into rows (see the module's comment).
fn rows<'a>(doc: &mut Doc<'a>, lines: &[Cow<'a, str>], kinds: &[Kind]) {
    let mut row: Vec<Cow<'a, str>> = Vec::with_capacity(12);
    let mut has_figures = false;
    let mut empties = 0;
    for (line, kind) in lines.iter().zip(kinds) {
        match kind {
            Kind::Empty => empties += 1,
            Kind::Figure => {
                // Empty lines before a row's first cell are cells covered from above.
                if !row.is_empty() {
                    row.extend(std::iter::repeat_n(Cow::Borrowed(""), empties));
                }
                row.push(sub(line, trim(line)));
                has_figures = true;
                empties = 0;
            }
            Kind::Cell | Kind::Prose => {
                if has_figures {
                    row.extend(std::iter::repeat_n(Cow::Borrowed(""), empties));
                    doc.row(row.drain(..));
                    has_figures = false;
                } else if empties > 0 && !row.is_empty() {
                    // Words, a gap, words: a header row ended, or a row whose cells are all
                    // blank (a body that leaves its zeros blank): the gap is its cells.
                    row.extend(std::iter::repeat_n(Cow::Borrowed(""), empties));
                    doc.row(row.drain(..));
                }
                row.push(sub(line, trim(line)));
                empties = 0;
            }
        }
    }
    // The last row's blank cells, figures or none (a last row all blank is its label and
    // the gap after it).
    if !row.is_empty() {
        row.extend(std::iter::repeat_n(Cow::Borrowed(""), empties));
    }
    if !row.is_empty() {
        doc.row(row);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::doc::Block;

    fn blocks(text: &str) -> Vec<String> {
        let lines: Vec<&str> = text.lines().collect();
        let doc = read(Doc::default(), &lines, &Marks::of(text));
        doc.blocks()
            .map(|b| match b {
                Block::Para(p) => format!("P {p}"),
                Block::Row(cells) => format!("R {}", cells.join("|")),
                Block::TableEnd => "E".to_string(),
            })
            .collect()
    }

    /// A body that leaves its zeros blank: rows of blank cells are their labels and the gaps
    /// after them (the last row's too), and a table of such rows is a table with fewer than
    /// three figures in it.
    #[test]
    fn rows_of_blank_cells_keep_their_cells() {
        let blank = "\n".repeat(8);
        let text = format!(
            "三、收到和处理政府信息公开申请情况\n全年收到申请1件。\n\
             一、本年新收政府信息公开申请数量\n1\n\n\n\n\n\n1\n\
             （一）予以公开\n{blank}（二）部分公开\n{blank}1.属于国家秘密\n{blank}\
             2.其他法律行政法规禁止公开\n{blank}四、结转下年度继续办理\n{blank}\
             四、政府信息公开行政复议、行政诉讼情况\n"
        );
        let got = blocks(&text);
        let eight = |label: &str| format!("R {label}{}", "|".repeat(8));
        for want in [
            eight("（一）予以公开"),
            eight("1.属于国家秘密"),
            eight("四、结转下年度继续办理"),
        ] {
            assert!(got.contains(&want), "{want} in {got:#?}");
        }
    }

    #[test]
    fn rows_are_read_from_the_shape_of_the_lines() {
        let text = "三、收到和处理政府信息公开申请情况\n\
                    全年收到申请9件。\n\
                    （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n\
                    申请人情况\n\
                    \n\
                    自然人\n\
                    总计\n\
                    一、本年新收政府信息公开申请数量\n\
                    8\n\
                    \n\
                    1\n\
                    9\n\
                    三、本年度办理结果\n\
                    （一）予以公开\n\
                    2\n\
                    -\n\
                    2\n\
                    \n\
                    （二）部分公开\n\
                    \n\
                    0\n\
                    0\n\
                    \n\
                    \n\
                    四、政府信息公开行政复议、行政诉讼情况\n\
                    3\n";
        assert_eq!(
            blocks(text),
            [
                "P 三、收到和处理政府信息公开申请情况",
                "P 全年收到申请9件。",
                // The gap after words is kept as a cell: a header's covered cell, or a blank one.
                "R （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）|申请人情况|",
                "R 自然人|总计|一、本年新收政府信息公开申请数量|8||1|9",
                "R 三、本年度办理结果|（一）予以公开|2|-|2|",
                "R （二）部分公开||0|0||",
                "E",
                "P 四、政府信息公开行政复议、行政诉讼情况",
                // One figure among prose is not a table.
                "P 3",
            ]
        );
    }

    #[test]
    fn a_few_figures_among_prose_are_not_a_table() {
        let text =
            "一、总体情况\n（一）主动公开\n2025\n全年公开信息336条。\n- 3 -\n（二）依申请公开\n";
        assert_eq!(
            blocks(text),
            [
                "P 一、总体情况",
                "P （一）主动公开",
                "P 2025",
                "P 全年公开信息336条。",
                "P （二）依申请公开",
            ]
        );
    }

    #[test]
    fn a_heading_broken_over_two_lines_is_one_heading() {
        let text = "四、政府信息公开\n行政复议、行政诉讼情况\n结果维持\n0\n0\n0\n三、本年度办理结果\n（一）予以公开\n1\n";
        let got = blocks(text);
        assert_eq!(
            got.first().map(String::as_str),
            Some("P 四、政府信息公开行政复议、行政诉讼情况")
        );
        assert!(
            got.contains(&"R 三、本年度办理结果|（一）予以公开|1".to_string()),
            "{got:?}"
        );
    }

    #[test]
    fn figures_printed_column_after_column_are_no_table() {
        let column = "0\n\n".repeat(16);
        let scrambled = format!(
            "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\n二、上年结转政府信息公开申请数量\n{column}总计\n4\n5\n6\n四、政府信息公开行政复议、行政诉讼情况\n结果维持\n0\n0\n0\n0\n"
        );
        let lines: Vec<&str> = scrambled.lines().collect();
        let doc = read(Doc::default(), &lines, &Marks::of(&scrambled));
        assert!(doc.scrambled);
        // Every table of the text is left out, the one that looked whole too.
        assert!(
            doc.blocks().all(|b| matches!(b, Block::Para(_))),
            "{:?}",
            doc.blocks().collect::<Vec<_>>()
        );
        // Table 四's one row of fifteen figures is the longest a table has.
        let table4 = format!("行政复议\n{}", "1\n".repeat(15));
        let lines: Vec<&str> = table4.lines().collect();
        let doc = read(Doc::default(), &lines, &Marks::of(&table4));
        assert!(!doc.scrambled);
        assert_eq!(
            doc.blocks().filter(|b| matches!(b, Block::Row(_))).count(),
            1
        );
    }

    #[test]
    fn row_labels_in_runs_are_a_column_printed_first() {
        // Plain `pdftotext` on a table whose zeros are blank: the labels come in a run, the few
        // figures after them in runs too short to tell.
        let labels = "1.属于国家秘密\n2.其他法律行政法规禁止\n公开\n（三）\n不予公开\n3.危及“三安全一稳定”\n4.保护第三方合法权益\n5.属于三类内部事务信息\n";
        let scrambled = format!("（一）予以公开\n\n11\n\n1\n\n12\n{labels}3\n\n4\n");
        let lines: Vec<&str> = scrambled.lines().collect();
        assert!(read(Doc::default(), &lines, &Marks::of(&scrambled)).scrambled);
        // Each row's cells between its label and the next, even all blank: a table.
        let rows = "1.属于国家秘密\n\n\n\n\n\n\n\n2.其他法律行政法规禁止\n\n\n1\n\n\n\n1\n3.危及“三安全一稳定”\n\n\n\n\n\n\n\n4.保护第三方合法权益\n2\n\n\n\n\n\n2\n";
        let lines: Vec<&str> = rows.lines().collect();
        let doc = read(Doc::default(), &lines, &Marks::of(rows));
        assert!(!doc.scrambled);
        assert_eq!(
            doc.blocks().filter(|b| matches!(b, Block::Row(_))).count(),
            4
        );
    }

    #[test]
    fn kinds() {
        let cases = [
            ("", Kind::Empty),
            ("　", Kind::Empty),
            ("12", Kind::Figure),
            ("１２", Kind::Figure),
            ("—", Kind::Figure),
            ("251000元", Kind::Figure),
            ("1.属于国家秘密", Kind::Cell),
            ("本年收费金额（单位：万元）", Kind::Cell),
            ("二、主动公开政府信息情况", Kind::Prose),
            ("全年收到申请9件。", Kind::Prose),
            ("本年收费金额（单位：", Kind::Cell),
        ];
        for (line, want) in cases {
            assert_eq!(kind(line), want, "{line:?}");
        }
    }
}
