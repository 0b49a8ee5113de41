//! Table 三's columns in aligned text (`pdftotext -layout`, `w3m -dump`, `pandoc -t plain`),
//! for a table whose zeros are left blank: the text keeps no cell for a blank, only the place
//! where each figure stands. The header names the seven columns (自然人 … 总计) where they
//! stand, so each figure is given the column whose header words it stands under.
//!
//! Places are counted in characters (`pdftotext`) or in display columns, a CJK character two
//! (w3m, pandoc); the count under which every row fits is used. A figure must stand under one
//! column's words, a row's figures in columns left to right and its last under 总计; unless
//! every row under the header fits so, no row is placed (a program that stretched one line, as
//! `pdftotext` does, would put that row's figures under other columns). So it goes page by
//! page: `pdftotext` sets each page out in its own widths, and a page the table runs on to
//! may stand wider than the header's; its places are then scaled so that its rows' totals
//! stand under 总计, and its rows placed only if every figure then stands under a column. Figures on a line
//! without their row's label are given one only where the lines around them leave no other
//! ([`super::apart`]).

use super::apart::{self, Figures, Placed};
use crate::parse::extract::labels::{squash_into, table3_row};
use crate::parse::number::{CellText, classify};

/// The characters that name each column in its header's words (机构 names two: left out).
const COLUMN_CHARS: [&str; 7] = ["自然", "商企", "科研", "社公益", "法律服务", "其他", "总计"];

/// Header words longer than this are a caption or a note, not a column's name.
const MAX_HEADER_CHARS: usize = 8;

#[derive(Clone, Copy)]
enum Metric {
    Chars,
    Display,
}

fn width(c: char, metric: Metric) -> usize {
    match metric {
        Metric::Display if !c.is_ascii() && c != '\u{a0}' => 2,
        _ => 1,
    }
}

/// Each whitespace-separated token of `line` with where it starts and ends under `metric`.
fn tokens(line: &str, metric: Metric) -> Vec<(&str, usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    let mut start: Option<(usize, usize)> = None;
    for (i, c) in line.char_indices() {
        if c.is_whitespace() {
            if let Some((s, pos)) = start.take() {
                out.push((&line[s..i], pos, at));
            }
        } else if start.is_none() {
            start = Some((i, at));
        }
        at += width(c, metric);
    }
    if let Some((s, pos)) = start {
        out.push((&line[s..], pos, at));
    }
    out
}

/// The column a header word names, if it names one only.
fn column_of(word: &str) -> Option<usize> {
    if word == "人" {
        return Some(0);
    }
    if word.chars().count() > MAX_HEADER_CHARS {
        return None;
    }
    let mut found = None;
    for c in word.chars() {
        if let Some(col) = COLUMN_CHARS.iter().position(|set| set.contains(c)) {
            if found.is_some_and(|f| f != col) {
                return None;
            }
            found = Some(col);
        }
    }
    found
}

/// For each line of table 三's rows that has fewer figures than columns, the column of each of
/// its figures: `(line index, columns)`. A page's rows are placed together or not at all.
pub(super) fn table3_columns(lines: &[&str]) -> Vec<Placed> {
    columns(lines).unwrap_or_default()
}

fn columns(lines: &[&str]) -> Option<Vec<Placed>> {
    let header = lines.iter().position(|l| l.contains("申请人情况"))?;
    let first = lines
        .iter()
        .skip(header)
        .position(|l| l.contains("本年新收"))
        .map(|i| i + header)?;
    let end = lines
        .iter()
        .skip(first)
        .position(|l| l.contains("行政复议"))
        .map_or(lines.len(), |i| i + first);
    // Each page on its own: `pdftotext` sets each page out in characters of that page's own
    // width (a page the table runs on to may stand a fifth wider, its totals under no 总计),
    // so a later page is tried at its own scale ([`page_scale`]) and keeps its rows as they
    // are if they fit at neither. The page under the header must fit, or the count of places
    // is wrong.
    let mut pages = Vec::new();
    let mut from = first;
    for i in first..end {
        if lines.get(i) == Some(&super::PAGE_BREAK) {
            pages.push(from..i);
            from = i;
        }
    }
    pages.push(from..end);
    [Metric::Display, Metric::Chars]
        .into_iter()
        .find_map(|metric| {
            let spans = header_spans(lines.get(header..first)?, metric)?;
            let mut out = Vec::new();
            for (k, page) in pages.iter().enumerate() {
                let rows = lines.get(page.clone())?;
                // A page the table runs on to, set out in its own width, is placed at its own
                // scale: the one that puts its rows' totals under 总计.
                let figures = place(rows, &spans, metric, (1, 1)).or_else(|| {
                    let scale = (k > 0).then(|| page_scale(rows, &spans, metric))??;
                    place(rows, &spans, metric, scale)
                });
                let Some(figures) = figures else {
                    if k == 0 {
                        return None;
                    }
                    continue;
                };
                if figures.is_empty() {
                    continue;
                }
                let at = page.start;
                out.extend(apart::assign(rows, figures).into_iter().map(|p| Placed {
                    line: p.line + at,
                    columns: p.columns,
                    label: p.label.into_iter().map(|i| i + at).collect(),
                }));
            }
            // Placed, or nothing to place (every row has a cell for every column): either way
            // the other count of places has nothing to add.
            Some(out)
        })
}

/// Where the header's words name each column, in doubled places (to keep centres whole).
struct Spans {
    at: [Option<(usize, usize)>; 7],
    /// A column's words stand one space from the next column's on a line of the header: a
    /// line `pdftotext` packed, its words drawn left of where they stand on the page (a CJK
    /// character is given one place, though twice as wide as a figure), while a figure under
    /// a header cell of such characters spanning several columns (法人或其他组织) may be set
    /// right of its own column's words, under the next one's (Chromium's prints, where 社会公益
    /// 组织's figures stood under 其他). So these words place no figure between them that is
    /// not clearly under one. Counted in display columns (w3m, pandoc), a CJK character takes
    /// its two places, and short words a place apart stand where they are (w3m's narrow
    /// columns): there only a long word (`法律服务机构 其他`) packs a line.
    packed: [bool; 7],
}

fn header_spans(lines: &[&str], metric: Metric) -> Option<Spans> {
    let mut spans = Spans {
        at: [None; 7],
        packed: [false; 7],
    };
    for line in lines {
        // The column of the word before, where it ends, and whether it is long.
        let mut before: Option<(usize, usize, bool)> = None;
        for (word, start, stop) in tokens(line, metric) {
            let column = column_of(word);
            let long = word.chars().count() >= 4;
            if let (Some(c), Some((b, end, long_before))) = (column, before)
                && c == b + 1
                && start <= end + width(' ', metric)
                && (long || long_before || matches!(metric, Metric::Chars))
                && let Some(p) = spans.packed.get_mut(b)
            {
                *p = true;
            }
            before = column.map(|c| (c, stop, long));
            if let Some(span) = column.and_then(|c| spans.at.get_mut(c)) {
                let (a, b) = span.unwrap_or((2 * start, 2 * stop));
                *span = Some((a.min(2 * start), b.max(2 * stop)));
            }
        }
    }
    spans.at.first().copied().flatten()?;
    spans.at.last().copied().flatten()?;
    Some(spans)
}

/// The column whose header words stand over `centre` (doubled), or a place to a side, where
/// every other column's stand at least a place farther — three places where the two columns'
/// words were packed together ([`Spans::packed`]).
fn column_at(centre: usize, spans: &Spans) -> Option<usize> {
    let mut near: [(usize, usize); 7] = [(usize::MAX, 7); 7];
    for (c, span) in spans.at.iter().enumerate() {
        if let Some((a, b)) = *span {
            near[c] = (a.saturating_sub(centre).max(centre.saturating_sub(b)), c);
        }
    }
    near.sort_unstable();
    let [(d, c), (next, other), ..] = near;
    let packed = c.abs_diff(other) == 1 && spans.packed.get(c.min(other)) == Some(&true);
    let margin = if packed { 6 } else { 2 };
    (d <= 2 && next >= d + margin).then_some(c)
}

/// A line of table 三 with figures at its end.
struct RowLine<'a> {
    /// Where each figure starts and ends, doubled.
    figures: Vec<(usize, usize)>,
    /// The words before them.
    words: Vec<&'a str>,
}

/// A line's last figures (and no dash or slash marking a blank among them); None when it has
/// none or a cell for every column.
fn row_figures(line: &str, metric: Metric) -> Option<RowLine<'_>> {
    let mut tokens = tokens(line, metric);
    let mut figures = Vec::new();
    while let Some(&(t, start, stop)) = tokens.last() {
        match classify(t) {
            CellText::Text => break,
            // A dash or slash in a blank cell keeps the row's cells: nothing to place.
            CellText::Blank => return None,
            CellText::Number(_) => figures.push((2 * start, 2 * stop)),
        }
        tokens.pop();
    }
    figures.reverse();
    let words = tokens.into_iter().map(|(t, _, _)| t).collect();
    (!figures.is_empty() && figures.len() < 7).then_some(RowLine { figures, words })
}

/// How much wider (or narrower) than the header's a later page sets the table out: the ratio
/// of 总计's place under the header to the middle place of the page's rows' last figures (each
/// row's total), as `(times, per)`. `pdftotext -layout` counts a page's places in that page's
/// own widths; a page of table 三 whose rows are mostly blank after the first page's header
/// stood a fifth wider, its totals five places right of 总计. A page more than a third wider or
/// narrower is not taken for the same table, nor one within a tenth of the header's width.
fn page_scale(lines: &[&str], spans: &Spans, metric: Metric) -> Option<(usize, usize)> {
    let (a, b) = spans.at.get(6).copied().flatten()?;
    let total = (a + b) / 2;
    let mut lasts: Vec<usize> = lines
        .iter()
        .filter_map(|l| row_figures(l, metric))
        .filter_map(|r| r.figures.last().map(|&(start, stop)| (start + stop) / 2))
        .collect();
    lasts.sort_unstable();
    let middle = *lasts.get(lasts.len() / 2)?;
    // A page of nearly the header's width is set out on its scale: its figures off their
    // columns (Chromium's print set 自然人's 1 under 商业 on the next page, its total under
    // 总计) are off for another reason, which no scale mends.
    let other_width = middle * 10 >= total * 11 || middle * 10 <= total * 9;
    (other_width && middle * 3 >= total * 2 && middle * 2 <= total * 3).then_some((total, middle))
}

/// Each line's figures given the column they stand under ([`column_at`]), and the row its
/// words name; None unless every line fits, each figure under a column, a line's figures left
/// to right and its last under 总计.
fn place(
    lines: &[&str],
    spans: &Spans,
    metric: Metric,
    (times, per): (usize, usize),
) -> Option<Vec<Figures>> {
    let mut out = Vec::new();
    let mut label = String::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(RowLine { figures, words }) = row_figures(line, metric) else {
            continue;
        };
        let mut columns = Vec::with_capacity(figures.len());
        for (start, stop) in figures {
            let centre = ((start + stop) / 2 * times + per / 2) / per.max(1);
            let c = column_at(centre, spans)?;
            if columns.last().is_some_and(|&l| l >= c) {
                return None;
            }
            columns.push(c);
        }
        if columns.last() != Some(&6) {
            return None;
        }
        label.clear();
        for word in words {
            squash_into(&mut label, word);
        }
        out.push(Figures {
            line: i,
            columns,
            row: table3_row(&label),
        });
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::super::PAGE_BREAK;
    use super::*;

    /// Each placed line with its figures' columns.
    fn columns_of(lines: &[&str]) -> Vec<(usize, Vec<usize>)> {
        let placed = table3_columns(lines);
        assert!(placed.iter().all(|p| p.label.is_empty()), "{placed:?}");
        placed.into_iter().map(|p| (p.line, p.columns)).collect()
    }

    /// A line with each word starting at its place (in characters).
    fn line_of(words: &[(usize, &str)]) -> String {
        let mut line = String::new();
        for (at, word) in words {
            let n = line.chars().count();
            line.push_str(&" ".repeat(at.saturating_sub(n).max(usize::from(n > 0))));
            line.push_str(word);
        }
        line
    }

    #[test]
    fn a_packed_header_line_places_no_figure_between_its_words() {
        // `pdftotext -layout` of LibreOffice's PDF: the 7 stands under 法律服务机构 on the page,
        // but the packed header line draws 其他 over it.
        let libreoffice = vec![
            line_of(&[
                (0, "（本列数据的勾稽关系为：第一项加第"),
                (63, "申请人情况"),
            ]),
            line_of(&[
                (0, "二项之和，等于第三项加第四项之和）"),
                (28, "自然人"),
                (42, "法人或其他组织"),
                (59, "总计"),
            ]),
            line_of(&[
                (34, "商业"),
                (37, "科研"),
                (40, "社会公益组织"),
                (47, "法律服务机构"),
                (54, "其他"),
            ]),
            line_of(&[(34, "企业"), (37, "机构")]),
            line_of(&[(0, "一、本年新收政府"), (54, "7"), (59, "7")]),
            "四、政府信息公开行政复议、行政诉讼情况".to_string(),
        ];
        // Chromium's print: short words a place apart, and the 1 of 社会公益组织 set under 其他
        // (the header cell 法人或其他组织 above pushed right).
        let chromium = vec![
            line_of(&[
                (3, "（本列数据的勾稽关系为：第一项加第"),
                (49, "申请人情况"),
            ]),
            line_of(&[
                (3, "二项之和，等于第三项加第四项之和）"),
                (41, "自然"),
                (48, "法人或其他组织"),
                (59, "总计"),
            ]),
            line_of(&[
                (42, "人"),
                (44, "商业"),
                (47, "科研"),
                (50, "社会"),
                (53, "法律"),
                (56, "其他"),
            ]),
            line_of(&[(44, "企业"), (47, "机构"), (50, "公益"), (53, "服务")]),
            line_of(&[(3, "一、本年新收政府"), (42, "3"), (56, "1"), (60, "4")]),
            "四、政府信息公开行政复议、行政诉讼情况".to_string(),
        ];
        for lines in [libreoffice, chromium] {
            let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
            assert!(
                table3_columns(&lines).is_empty(),
                "{:?}",
                columns_of(&lines)
            );
        }
    }

    #[test]
    fn figures_are_given_the_columns_they_stand_under() {
        // As w3m lays out a table whose zeros are blank (a CJK character two columns wide).
        let text = "\
                                                           申请人情况
（本列数据的勾稽关系为：第一项加第二项之和，等于 自       法人或其他组织
              第三项加第四项之和）               然  商业 科研 社会  法律  其 总
                                                 人  企业 机构 公益  服务  他 计
                                                               组织  机构
一、本年新收政府信息公开申请数量                 9                            9
二、上年结转政府信息公开申请数量                 3             1              4
         （七）总计                              12            1              13
四、结转下年度继续办理
四、政府信息公开行政复议、行政诉讼情况";
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            columns_of(&lines),
            [(5, vec![0, 6]), (6, vec![0, 3, 6]), (7, vec![0, 3, 6])]
        );
        // A row that marks its blank cells is left as it is.
        let marked = text.replace(
            "二、上年结转政府信息公开申请数量                 3 ",
            "二、上年结转政府信息公开申请数量                 3 — —",
        );
        let lines: Vec<&str> = marked.lines().collect();
        assert_eq!(columns_of(&lines), [(5, vec![0, 6]), (7, vec![0, 3, 6])]);
        // One row that fits nowhere (a stretched line): no row is placed.
        let stretched = text.replace(
            "12            1              13",
            "12            1       13",
        );
        let lines: Vec<&str> = stretched.lines().collect();
        assert!(table3_columns(&lines).is_empty());
        // No header: nothing.
        assert!(table3_columns(&lines[5..]).is_empty());
    }

    #[test]
    fn a_later_page_set_wider_is_placed_at_its_own_scale() {
        // `pdftotext -layout` of LibreOffice's print: the rows of table 三 after the page
        // break stand a fifth wider than the header's page (总计 at 54, the total at 65).
        let header = [
            line_of(&[(27, "自然"), (41, "社会"), (44, "法律")]),
            line_of(&[
                (1, "项之和，等于第三项加第四项之和）"),
                (33, "商业"),
                (38, "科研"),
                (54, "总计"),
            ]),
            line_of(&[(27, "人"), (41, "公益"), (44, "服务"), (49, "其他")]),
            line_of(&[(33, "企业"), (38, "机构")]),
        ];
        let first = [
            line_of(&[
                (1, "一、本年新收政府信息公开申请数量"),
                (28, "11"),
                (54, "11"),
            ]),
            line_of(&[
                (1, "二、上年结转政府信息公开申请数量"),
                (38, "1"),
                (54, "1"),
            ]),
        ];
        let later = [
            line_of(&[(14, "（七）总计"), (33, "11"), (45, "1"), (65, "12")]),
            line_of(&[(4, "四、结转下年度继续办理"), (45, "1"), (65, "1")]),
        ];
        let mut text = vec!["申请人情况".to_string()];
        text.extend(header.iter().cloned());
        text.extend(first.iter().cloned());
        text.push(PAGE_BREAK.to_string());
        text.extend(later.iter().cloned());
        text.push("四、政府信息公开行政复议、行政诉讼情况".to_string());
        let lines: Vec<&str> = text.iter().map(String::as_str).collect();
        assert_eq!(
            columns_of(&lines),
            [
                (5, vec![0, 6]),
                (6, vec![2, 6]),
                (8, vec![0, 2, 6]),
                (9, vec![2, 6])
            ]
        );
        // A page of the header's width whose figure stands off its column (Chromium's print:
        // 自然人's 1 under 商业, its total under 总计) is left as it is: scaled by its total,
        // the 1 was read as 商业's.
        let chromium = [
            line_of(&[
                (2, "（本列数据的勾稽关系为：第一项加第"),
                (46, "申请人情况"),
            ]),
            line_of(&[
                (2, "二项之和，等于第三项加第四项之和）"),
                (36, "自然人"),
                (45, "法人或其他组织"),
                (57, "总计"),
            ]),
            line_of(&[
                (40, "商业"),
                (43, "科研"),
                (46, "社会公"),
                (50, "法律服"),
                (54, "其他"),
            ]),
            line_of(&[(40, "企业"), (43, "机构"), (46, "益组织"), (50, "务机构")]),
            line_of(&[(2, "一、本年新收政府信息公开申请数量")]),
            line_of(&[
                (2, "二、上年结转政府信息公开申请数量"),
                (37, "1"),
                (59, "1"),
            ]),
            PAGE_BREAK.to_string(),
            line_of(&[(15, "（七）总计"), (41, "1"), (59, "1")]),
            "四、政府信息公开行政复议、行政诉讼情况".to_string(),
        ];
        let lines: Vec<&str> = chromium.iter().map(String::as_str).collect();
        assert_eq!(columns_of(&lines), [(5, vec![0, 6])]);
        // A page whose figures stand under no column at the scale of its totals (a 1 between
        // 商业 and 科研) is left as it is.
        let wide = [
            line_of(&[(14, "（七）总计"), (33, "11"), (43, "1"), (65, "12")]),
            line_of(&[(4, "四、结转下年度继续办理"), (45, "1"), (65, "1")]),
        ];
        let mut text = text[..8].to_vec();
        text.extend(wide.iter().cloned());
        let lines: Vec<&str> = text.iter().map(String::as_str).collect();
        assert_eq!(columns_of(&lines), [(5, vec![0, 6]), (6, vec![2, 6])]);
    }

    #[test]
    fn header_words_name_their_columns() {
        for (word, want) in [
            ("自然", Some(0)),
            ("人", Some(0)),
            ("商业企业", Some(1)),
            ("机构", None),
            ("社会公益组织", Some(3)),
            ("法律服务机构", Some(4)),
            ("法人或其他组织", None),
            ("总计", Some(6)),
            ("申请人情况", None),
        ] {
            assert_eq!(column_of(word), want, "{word}");
        }
    }

    #[test]
    fn a_word_processor_pdf_has_its_rows_placed_by_their_labels_and_a_wider_page_at_its_scale() {
        // `pdftotext -layout` of a LibreOffice PDF whose zeros are blank. A row's figures may
        // stand on a line of their own or of a piece of the merged 三、本年度办理结果 cell,
        // between their label's lines or above it ("理结 … 2" belongs to 1.属于国家秘密 below
        // it): those get the label of the lines around them. The page after the break is set
        // out wider (its totals at 66, under 总计 at 53): placed at its own scale, its figures
        // are those the table's sums want (科研's 5 new = 4 done + 1 carried forward).
        let text = "\
                                       申请人情况
                                      法人或其他组织
（本列数据的勾稽关系为：第一项加第二
                           自然           社会 法律
 项之和，等于第三项加第四项之和）               商业   科研              总计
                           人            公益 服务   其他
                                企业   机构
                                        组织 机构
 一、本年新收政府信息公开申请数量           8        5               13
 二、上年结转政府信息公开申请数量           1                        1
三、         （一）予以公开          8                        8
本年   （二）部分公开（区分处理的，只
度办                                   1               1
      计这一情形，不计其他情形）
理结                          1        1               2
             1.属于国家秘密
                          —2—
\u{c}
             5.要求行政机关确认或重
              （七）总计              9           4                 13
    四、结转下年度继续办理                              1                 1
四、政府信息公开行政复议、行政诉讼情况";
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines
                .iter()
                .filter(|l| **l == super::super::PAGE_BREAK)
                .count(),
            1
        );
        let placed = table3_columns(&lines);
        let at = |words: &str| lines.iter().position(|l| l.contains(words));
        let at = |words| at(words).unwrap_or(usize::MAX);
        let want = [
            (at("本年新收"), vec![0, 2, 6], vec![]),
            (at("上年结转"), vec![0, 6], vec![]),
            (at("予以公开"), vec![0, 6], vec![]),
            (
                at("度办"),
                vec![2, 6],
                vec![at("部分公开"), at("计这一情形")],
            ),
            (at("理结"), vec![0, 2, 6], vec![at("国家秘密")]),
            (at("（七）总计"), vec![0, 2, 6], vec![]),
            (at("结转下年度"), vec![2, 6], vec![]),
        ];
        let want: Vec<Placed> = want
            .into_iter()
            .map(|(line, columns, label)| Placed {
                line,
                columns,
                label,
            })
            .collect();
        assert_eq!(placed, want);
    }
}
