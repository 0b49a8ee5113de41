//! Table 三's columns in aligned text (`pdftotext -layout`, `w3m -dump`, `pandoc -t plain`),
//! for a table whose zeros are left blank: the text keeps no cell for a blank, only the place
//! where each figure stands. The header names the seven columns (自然人 … 总计) where they
//! stand, so each figure is given the column whose header words it stands under.
//!
//! Places are counted in characters (`pdftotext`) or in display columns, a CJK character two
//! (w3m, pandoc); the count under which every row fits is used. A figure must stand under one
//! column's words and no other, a row's figures in columns left to right and its last under
//! 总计; unless every row of the table fits so, no row is placed (a program that stretched one
//! line, as `pdftotext` does, would put that row's figures under other columns).

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
/// its figures: `(line index, columns)`. Empty when the header or any row does not fit.
pub(super) fn table3_columns(lines: &[&str]) -> Vec<(usize, Vec<usize>)> {
    let Some(header) = lines.iter().position(|l| l.contains("申请人情况")) else {
        return Vec::new();
    };
    let Some(first) = lines
        .iter()
        .skip(header)
        .position(|l| l.contains("本年新收"))
        .map(|i| i + header)
    else {
        return Vec::new();
    };
    let end = lines
        .iter()
        .skip(first)
        .position(|l| l.contains("行政复议"))
        .map_or(lines.len(), |i| i + first);
    for metric in [Metric::Display, Metric::Chars] {
        if let Some(rows) = place(lines, header, first, end, metric) {
            return rows;
        }
    }
    Vec::new()
}

fn place(
    lines: &[&str],
    header: usize,
    first: usize,
    end: usize,
    metric: Metric,
) -> Option<Vec<(usize, Vec<usize>)>> {
    let mut spans: [Option<(usize, usize)>; 7] = [None; 7];
    for line in lines.get(header..first)? {
        for (word, start, stop) in tokens(line, metric) {
            if let Some(span) = column_of(word).and_then(|c| spans.get_mut(c)) {
                let (a, b) = span.unwrap_or((start, stop));
                *span = Some((a.min(start), b.max(stop)));
            }
        }
    }
    spans.first().copied().flatten()?;
    spans.last().copied().flatten()?;
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate().take(end).skip(first) {
        let tokens = tokens(line, metric);
        let cells: Vec<(CellText, usize, usize)> = tokens
            .iter()
            .rev()
            .map(|&(t, start, stop)| (classify(t), start, stop))
            .take_while(|(c, _, _)| *c != CellText::Text)
            .collect();
        // A dash or slash in a blank cell keeps the row's cells: nothing to place.
        if cells.iter().any(|(c, _, _)| *c == CellText::Blank) {
            continue;
        }
        let figures: Vec<(usize, usize)> = cells.iter().map(|&(_, a, b)| (a, b)).collect();
        if figures.is_empty() || figures.len() >= 7 {
            continue;
        }
        let mut columns = Vec::with_capacity(figures.len());
        for &(start, stop) in figures.iter().rev() {
            // Twice the centre, to stay in whole numbers.
            let centre = start + stop;
            let mut under = spans.iter().enumerate().filter_map(|(c, s)| {
                let (a, b) = (*s)?;
                (2 * a <= centre + 2 && centre <= 2 * b + 2).then_some(c)
            });
            let (Some(c), None) = (under.next(), under.next()) else {
                return None;
            };
            if columns.last().is_some_and(|&l| l >= c) {
                return None;
            }
            columns.push(c);
        }
        if columns.last() != Some(&6) {
            return None;
        }
        out.push((i, columns));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

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
            table3_columns(&lines),
            [(5, vec![0, 6]), (6, vec![0, 3, 6]), (7, vec![0, 3, 6])]
        );
        // A row that marks its blank cells is left as it is.
        let marked = text.replace(
            "二、上年结转政府信息公开申请数量                 3 ",
            "二、上年结转政府信息公开申请数量                 3 — —",
        );
        let lines: Vec<&str> = marked.lines().collect();
        assert_eq!(
            table3_columns(&lines),
            [(5, vec![0, 6]), (7, vec![0, 3, 6])]
        );
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
}
