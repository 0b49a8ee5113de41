//! The reader of single-spaced text (what pure-Rust PDF extraction gives): a line ending in
//! figures is a row and its words the label; other lines are prose, joined where the page width
//! broke them.

use std::borrow::Cow;

use super::{Marks, is_page_number, sub, trim_end_spaces};
use crate::parse::doc::Doc;
use crate::parse::number::{CellText, classify};
use crate::parse::{numbering, trim};

/// A figure, or a figure printed with its unit (`251000元`, `12.5%`).
pub(crate) fn is_figure_like(token: &str) -> bool {
    let bare = ["万元", "元", "%", "％"]
        .iter()
        .find_map(|u| token.strip_suffix(u))
        .unwrap_or(token);
    matches!(classify(bare), CellText::Number(_))
}

/// Where the last token of `rest` begins: after its last whitespace character (which may be
/// wider than one byte, like U+3000). `None` as soon as the token shows a character no figure
/// or unit is written with: it is words, and a prose line need not be read back to its start.
fn figure_token_start(rest: &str) -> Option<usize> {
    for (i, c) in rest.char_indices().rev() {
        if c.is_whitespace() {
            return Some(i + c.len_utf8());
        }
        if !(crate::parse::number::figure_char(c) || matches!(c, '%' | '％')) {
            return None;
        }
    }
    Some(0)
}

/// The words before the figures that end a line, and how many figures there are.
pub(crate) fn trailing_figures(line: &str) -> (&str, usize) {
    // A prose line is passed over at its last character: `figure_token_start` gives up there.
    let mut rest = crate::parse::trim_end(line);
    let mut figures = 0;
    while let Some(cut) = figure_token_start(rest) {
        let token = &rest[cut..];
        if token.is_empty() || !is_figure_like(token) {
            break;
        }
        figures += 1;
        rest = rest[..cut].trim_end();
        if cut == 0 {
            break;
        }
    }
    (trim(rest), figures)
}

/// Joins the lines of a paragraph that the page width broke: a line that runs on (long, and
/// not ending a sentence) continues on the next one, unless that one starts a new numbered item.
/// A paragraph of one line borrows it; only a paragraph joined from several lines is owned.
#[derive(Default)]
struct Wrapped<'a> {
    para: Cow<'a, str>,
    /// The last line held fifteen characters or more.
    last_line_long: bool,
    last_line_len: usize,
    /// The paragraph is a date, when known: a paragraph of one line was told so as a line.
    para_is_date: Option<bool>,
}

impl<'a> Wrapped<'a> {
    fn push(&mut self, doc: &mut Doc<'a>, line: Cow<'a, str>) {
        let line = sub(&line, trim(&line));
        // A heading is one line: only a paragraph of one line so far can be one.
        let one_line = self.para.len() == self.last_line_len;
        let is_date = |s: &str| crate::parse::extract::dates::date(s).is_some();
        // Each line is told a date once, and a paragraph only when joined from several.
        let line_is_date = std::cell::OnceCell::new();
        let runs_on = !self.para.is_empty()
            && !self
                .para
                .ends_with(['。', '；', '！', '？', '：', ':', ';'])
            && self.last_line_long
            && !numbering::opens_with_mark(&line)
            // A date line under a title (`发布日期：2020-01-31`) or over the signature stands
            // alone: run on, it would be lost as a date and taken as prose.
            && !self.para_is_date.unwrap_or_else(|| is_date(&self.para))
            && !*line_is_date.get_or_init(|| is_date(&line))
            // A portal's menu item before the page's date (`政府信息公开 发布日期：2023-01-20`).
            && !(one_line && self.para.rsplit_once(' ').is_some_and(|(_, end)| is_date(end)))
            && (!one_line
                || !crate::parse::extract::is_heading(&self.para)
                    // A heading behind a menu item or a sentence on its line ends it too.
                    && crate::parse::extract::heading::run_on(&self.para).nth(1).is_none()
                    && (!numbering::is_numbered_heading(&self.para)
                        || numbering::ends_heading(&self.para, &line))
                    // A title, and a web page's breadcrumb above it (a PDF printed from a
                    // portal), stand alone: run on, the breadcrumb would take the title with
                    // it when it is left out, and the title the date below it.
                    && !crate::parse::extract::title::ends_as_report(&self.para)
                    && !crate::parse::extract::title::is_site_chrome(&self.para));
        self.last_line_long = line.chars().nth(14).is_some();
        self.last_line_len = line.len();
        if runs_on {
            self.para.to_mut().push_str(&line);
            self.para_is_date = None;
        } else {
            self.para_is_date = line_is_date.get().copied();
            self.flush(doc);
            self.para = line;
        }
    }

    fn flush(&mut self, doc: &mut Doc<'a>) {
        if !self.para.is_empty() {
            doc.para(std::mem::take(&mut self.para));
        }
    }
}

/// The line with an amount's unit joined back to its figure where extraction spaced them
/// apart at the end of the line (`政府集中采购 0 93000 元`), so the amount reads as one cell.
fn unit_joined(line: Cow<'_, str>) -> Cow<'_, str> {
    let t = trim_end_spaces(&line);
    if !t.ends_with('元') {
        return line;
    }
    let Some(figure) = t.strip_suffix("万元").or_else(|| t.strip_suffix('元')) else {
        return line;
    };
    match figure.strip_suffix(' ') {
        Some(before) if before.ends_with(|c: char| c.is_ascii_digit()) => {
            let unit = &t[figure.len()..];
            Cow::Owned(format!("{before}{unit}"))
        }
        _ => line,
    }
}

pub(super) fn spaced<'a>(
    mut doc: Doc<'a>,
    lines: impl Iterator<Item = &'a str>,
    marks: &Marks,
) -> Doc<'a> {
    let mut wrapped = Wrapped::default();
    let mut cells: Vec<Cow<str>> = Vec::with_capacity(8);
    for raw in lines {
        let line = unit_joined(marks.strip(raw));
        if trim(&line).is_empty() || is_page_number(&line) {
            continue;
        }
        let (label, figures) = trailing_figures(&line);
        // A lone figure is a cell only when indented as a new text run (" 0"); a bare "3" is
        // more likely a page number.
        let lone_cell = figures == 1 && label.is_empty() && line.starts_with(char::is_whitespace);
        if figures >= 2 || (figures == 1 && !label.is_empty()) || lone_cell {
            wrapped.flush(&mut doc);
            cells.clear();
            // Figures on a line of their own have no label cell: an empty one would read as a
            // blank cell before them, where this text shows a blank cell as nothing.
            if !label.is_empty() {
                cells.push(sub(&line, label));
            }
            let first = cells.len();
            // The figures are the last tokens, read from the end and put back in order.
            cells.extend(
                line.split_whitespace()
                    .rev()
                    .take(figures)
                    .map(|t| sub(&line, t)),
            );
            if let Some(figs) = cells.get_mut(first..) {
                figs.reverse();
            }
            doc.row(cells.drain(..));
        } else {
            wrapped.push(&mut doc, line);
        }
    }
    wrapped.flush(&mut doc);
    doc
}

#[cfg(test)]
mod tests {
    use super::super::{TextLayout, read};
    use super::*;

    #[test]
    fn units_spaced_off_their_amount_are_joined() {
        for (line, want) in [
            ("政府集中采购 0 93000 元", "政府集中采购 0 93000元"),
            ("行政事业性收费 1.5 万元", "行政事业性收费 1.5万元"),
            ("政府集中采购 0 93000元", "政府集中采购 0 93000元"),
            ("共收取费用 元", "共收取费用 元"),
            ("单位：万元", "单位：万元"),
        ] {
            assert_eq!(unit_joined(Cow::Borrowed(line)), want, "{line}");
        }
    }

    fn paragraphs<'d>(doc: &'d crate::parse::Doc<'_>) -> Vec<&'d str> {
        doc.blocks()
            .filter_map(|b| match b {
                crate::parse::doc::Block::Para(p) => Some(p),
                _ => None,
            })
            .collect()
    }

    /// Figures on a line of their own are a row of those figures alone: no empty label cell
    /// before them, which would read as one blank cell more than the text shows.
    #[test]
    fn figures_alone_make_a_row_without_a_label_cell() {
        let text = format!(
            "规章\n 1  1\n{}",
            "1.属于国家秘密 0 0 0 0 0 0 0\n".repeat(6)
        );
        let (doc, layout) = read(&text);
        assert_eq!(layout, crate::parse::Layout::Text(TextLayout::Spaced));
        let rows: Vec<Vec<&str>> = doc
            .blocks()
            .filter_map(|b| match b {
                crate::parse::doc::Block::Row(cells) => {
                    Some(cells.iter().map(|c| c.as_ref()).collect())
                }
                _ => None,
            })
            .collect();
        assert_eq!(rows.first(), Some(&vec!["1", "1"]));
        assert_eq!(rows.get(1).map(Vec::len), Some(8));
    }

    #[test]
    fn a_date_line_is_a_paragraph_of_its_own() {
        let text = format!(
            "{}\n{}\n{}\n{}",
            "2019年上海市人民政府办公厅政府信息公开工作年度报告",
            "发布日期：2020-01-31",
            "本年度报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）的要求编制。",
            "1.属于国家秘密 0 0 0 0 0 0 0\n".repeat(6)
        );
        let (doc, layout) = read(&text);
        assert_eq!(layout, crate::parse::Layout::Text(TextLayout::Spaced));
        let paras = paragraphs(&doc);
        assert_eq!(
            paras.get(..3),
            Some(
                &[
                    "2019年上海市人民政府办公厅政府信息公开工作年度报告",
                    "发布日期：2020-01-31",
                    "本年度报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）的要求编制。"
                ][..]
            )
        );
    }

    #[test]
    fn pdf_lines_of_a_paragraph_are_joined_but_not_across_headings() {
        let text = format!(
            "{}\n{}\n四、政府信息公开行政复议、行政诉讼情况\n全年因政府信息公开工作被申请行政复议\n1件。\n{}",
            "全年共收到政府信息公开申请，比上年增长了百分之",
            "十。",
            "1.属于国家秘密 0 0 0 0 0 0 0\n".repeat(6)
        );
        let (doc, layout) = read(&text);
        assert_eq!(layout, crate::parse::Layout::Text(TextLayout::Spaced));
        let paras = paragraphs(&doc);
        assert_eq!(
            paras,
            vec![
                "全年共收到政府信息公开申请，比上年增长了百分之十。",
                "四、政府信息公开行政复议、行政诉讼情况",
                "全年因政府信息公开工作被申请行政复议1件。"
            ]
        );
    }

    #[test]
    fn a_portals_menu_beside_the_date_and_the_first_heading_ends_their_lines() {
        // pdfplumber's text of a portal page printed by a browser: the side menu's items on
        // the lines of the title, the page's date and the first heading.
        let text = format!(
            "{}\n{}\n{}\n{}\n{}",
            "首页 凤阳县住房和城乡建设局2022年度政府信息公开工作年度报告",
            "政府信息公开 发布日期：2023-01-20",
            "政府信息公开年报 一、总体情况",
            "2022年，我单位严格按照省、市、县关于政务公开工作的部署要求，健全制度",
            "1.属于国家秘密 0 0 0 0 0 0 0\n".repeat(6)
        );
        let (doc, layout) = read(&text);
        assert_eq!(layout, crate::parse::Layout::Text(TextLayout::Spaced));
        let paras = paragraphs(&doc);
        assert_eq!(
            paras.get(1..4),
            Some(
                &[
                    "政府信息公开 发布日期：2023-01-20",
                    "政府信息公开年报 一、总体情况",
                    "2022年，我单位严格按照省、市、县关于政务公开工作的部署要求，健全制度"
                ][..]
            )
        );
        let parsed = crate::parse::parse(text.as_bytes()).expect("a report");
        assert_eq!(
            (parsed.report.body.as_deref(), parsed.report.year),
            (Some("凤阳县住房和城乡建设局"), Some(2022))
        );
        assert_eq!(parsed.report.published.as_deref(), Some("2023-01-20"));
        assert!(
            parsed
                .report
                .sections
                .get(0)
                .is_some_and(|s| s.starts_with("2022年"))
        );
    }

    /// `trailing_figures` as it was before `figure_token_start` cut the search short.
    fn trailing_figures_reading_whole_tokens(line: &str) -> (&str, usize) {
        let mut rest = line.trim_end();
        let mut figures = 0;
        loop {
            let cut = rest
                .char_indices()
                .rev()
                .find(|(_, c)| c.is_whitespace())
                .map_or(0, |(i, c)| i + c.len_utf8());
            let token = &rest[cut..];
            if token.is_empty() || !is_figure_like(token) {
                break;
            }
            figures += 1;
            rest = rest[..cut].trim_end();
            if cut == 0 {
                break;
            }
        }
        (rest.trim(), figures)
    }

    proptest::proptest! {
        #[test]
        fn trailing_figures_as_whole_tokens_give(line in "[0-9 　,.%％万元件个—/无公开a\\-]{0,16}") {
            proptest::prop_assert_eq!(
                trailing_figures(&line),
                trailing_figures_reading_whole_tokens(&line)
            );
        }
    }

    #[test]
    fn trailing_figures_of_a_line() {
        assert_eq!(
            trailing_figures("1.属于国家秘密 0 0 3 "),
            ("1.属于国家秘密", 3)
        );
        assert_eq!(
            trailing_figures("政府集中采购　6　251000元"),
            ("政府集中采购", 2)
        );
        assert_eq!(trailing_figures(" 0 0"), ("", 2));
        assert_eq!(
            trailing_figures("全年公开信息 68 条"),
            ("全年公开信息 68 条", 0)
        );
        assert_eq!(trailing_figures(""), ("", 0));
    }
}
