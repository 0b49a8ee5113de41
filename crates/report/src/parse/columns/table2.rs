//! Table 二's blank cells: its rows of three figures (规章, 规范性文件; in the 2019 format every
//! row but the fees) under the header that names the three columns.

use super::{Col, Glyph, has_figure, header_texts, mark_row, named, squashed};

/// The headers of table 二's rows of three figures: the 2021 format's (规章, 规范性文件) and
/// the 2019 trial format's two.
const TABLE2_HEADERS: [[&str; 3]; 3] = [
    ["本年制发件数", "本年废止件数", "现行有效件数"],
    ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
    ["上一年项目数量", "本年增/减", "处理决定数量"],
];

/// Marks the blank cells of table 二's rows of three figures, under each header (`信息内容`
/// and three columns) that names them.
pub(super) fn mark_table2(lines: &mut [Vec<Glyph>]) -> usize {
    let mut marked = 0;
    let mut i = 0;
    while i < lines.len() {
        if !lines
            .get(i)
            .is_some_and(|l| squashed(l).contains("信息内容"))
        {
            i += 1;
            continue;
        }
        // The header may wrap; its rows begin at the first line with a figure.
        let Some(first) =
            (i..lines.len().min(i + 4)).find(|&j| lines.get(j).is_some_and(|l| has_figure(l)))
        else {
            i += 1;
            continue;
        };
        let header = header_texts(lines.get(i..first).unwrap_or_default());
        let anchors = TABLE2_HEADERS.iter().find_map(|names| {
            let cols: Vec<Col> = (0..names.len())
                .map(|c| {
                    header
                        .iter()
                        .find(|r| named(&r.text, names, true) == Some(c))
                        .map(Col::of)
                })
                .collect::<Option<_>>()?;
            cols.windows(2)
                .all(|w| w[0].middle < w[1].middle)
                .then_some(cols)
        });
        i = first.max(i + 1);
        let Some(anchors) = anchors else { continue };
        while let Some(line) = lines.get_mut(i) {
            let text = squashed(line);
            if text.contains("信息内容") || text.contains("第二十条") || i > first + 8 {
                break;
            }
            marked += usize::from(mark_row(line, &anchors));
            i += 1;
        }
    }
    marked
}
