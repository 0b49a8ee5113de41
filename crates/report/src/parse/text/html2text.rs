//! A web page's text as html2text (Python's HTML-to-Markdown converter, common in crawlers)
//! saves it: a table as `a| b| c` rows with no outer pipes and a rule `---|---` under its
//! first row. Each of its rows becomes a line of tab-separated cells (the tab-rows reader's),
//! and a cell's text it wrapped onto a line of its own stays such a line, as PDF text's broken
//! labels do.

use super::trim;

/// html2text's tables (`信息内容| 本年制发件数`, a rule `---|---` under the first row, the
/// table ended by an empty line) as lines of tab-separated cells; `None` when the text has no
/// such rule.
pub(super) fn rewrite(text: &str) -> Option<String> {
    // The rule opens a line with dashes (a Markdown table's opens with a pipe).
    memchr::memmem::find(text.as_bytes(), b"\n---")?;
    let lines: Vec<&str> = super::text_lines(text).collect();
    if !lines.iter().any(|l| is_inner_rule(l)) {
        return None;
    }
    // Under a first row of one cell the rule is dashes alone (`---`).
    let rule = |l: &str| {
        let t = trim(l);
        is_inner_rule(t) || t.len() >= 3 && t.bytes().all(|b| b == b'-')
    };
    let mut out = String::with_capacity(text.len());
    let mut in_table = false;
    for (i, line) in lines.iter().enumerate() {
        if rule(line) {
            in_table = true;
            continue;
        }
        // The row above the rule is the table's first.
        in_table |= lines.get(i + 1).is_some_and(|next| rule(next));
        let t = trim(line);
        in_table &= !t.is_empty();
        let cells: Vec<&str> = if in_table && t.contains('|') {
            super::split_at(t, b'|').map(|c| plain(trim(c))).collect()
        } else {
            vec![plain(trim(t.trim_start_matches('#')))]
        };
        let articles: Vec<Option<Vec<&str>>> = cells.iter().map(|c| flattened(c)).collect();
        if articles.iter().any(Option::is_some) {
            // A page laid out in a table: html2text ran the article in its cell together.
            for (cell, article) in cells.into_iter().zip(articles) {
                for piece in article.unwrap_or_else(|| vec![cell]) {
                    if !piece.is_empty() {
                        out.push_str(piece);
                        out.push('\n');
                    }
                }
            }
            continue;
        }
        out.push_str(&cells.join("\t"));
        out.push('\n');
    }
    Some(out)
}

/// The paragraphs of an article html2text ran together into one line, as it does with what
/// a table's cell holds (an old portal lays its pages out in a table): the text parted before
/// and after each section heading set off by spaces (` 二、主动公开政府信息情况 `), and after a bold
/// title at its start (`**…年度报告** 发布日期：…`). `None` for a line with fewer than two
/// such headings: a paragraph, not an article.
fn flattened(text: &str) -> Option<Vec<&str>> {
    // The shortest article: the overview's heading and text, and the next heading.
    if text.len() < 200 {
        return None;
    }
    // Where each heading starts and ends.
    let headings: Vec<[usize; 2]> = text
        .char_indices()
        .filter_map(|(i, c)| {
            if !matches!(c, '一' | '二' | '三' | '四' | '五' | '六')
                || !text.get(..i)?.ends_with([' ', '\u{3000}'])
            {
                return None;
            }
            let word = text.get(i..)?.split([' ', '\u{3000}']).next()?;
            (word.chars().nth(1) == Some('、')
                && crate::parse::extract::heading::heading(word).is_some())
            .then_some([i, i + word.len()])
        })
        .collect();
    if headings.len() < 2 {
        return None;
    }
    let mut pieces = Vec::with_capacity(2 * headings.len() + 2);
    let mut from = 0;
    for end in headings.into_iter().flatten().chain([text.len()]) {
        let piece = text.get(from..end).unwrap_or_default();
        from = end;
        // `**title** 发布日期：…`: the title a line of its own.
        match piece
            .strip_prefix("**")
            .and_then(|rest| rest.split_once("**"))
        {
            Some((title, rest)) => pieces.extend([title, rest]),
            None => pieces.push(piece),
        }
    }
    Some(
        pieces
            .into_iter()
            .map(trim)
            .filter(|p| !p.is_empty())
            .collect(),
    )
}

/// Markdown's text without the marks html2text set round a whole line or cell (`**总计**`).
fn plain(t: &str) -> &str {
    ["**", "__"]
        .iter()
        .find_map(|m| t.strip_prefix(m)?.strip_suffix(m))
        .map_or(t, trim)
}

/// html2text's rule under a table's first row: `---|---`, `:---|---:`.
fn is_inner_rule(line: &str) -> bool {
    let t = trim(line);
    !t.starts_with('|') && t.contains("---|") && t.bytes().all(|b| b"-:| ".contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_run_together_in_a_layout_cell_is_parted_at_its_headings() {
        let overview = "2021年，我单位深入贯彻落实《条例》，坚持以公开为常态、不公开为例外，着力提升政务公开质量。（一）主动公开 全年主动公开政府信息264条。";
        let text = format!(
            "|  **某县住房和城乡建设局2021年政府信息公开工作年度报告** 发布日期：2022-01-16 一、总体情况 {overview} 二、主动公开政府信息情况 | 第二十条第（一）项  \n---  \n信息内容| 本年制发件数  \n\n自然人| 总计  \n---|---  \n"
        );
        let want = format!(
            "某县住房和城乡建设局2021年政府信息公开工作年度报告\n发布日期：2022-01-16\n一、总体情况\n{overview}\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\n\n自然人\t总计\n"
        );
        assert_eq!(rewrite(&text), Some(want));
        // A long paragraph that names one heading in passing is a paragraph.
        let one = format!("{overview} 一、总体情况 {overview}");
        assert_eq!(flattened(&one), None);
    }

    #[test]
    fn html2text_tables_become_tab_rows() {
        let text = "## 二、主动公开政府信息情况\n\n**第二十条第（一）项**  \n---  \n信息内容| 本年制发件数| 现行有效件数  \n**规章**| 0| 5  \n\n三、收到和处理政府信息公开申请情况\n\n（本列数据的勾稽关系为：…）| 申请人情况  \n---|---  \n（二）部分公  \n开（区分处理的，只计这一情形，不计其他情形）| 0| 1  \n\n一是加强培训| 二是完善制度。\n";
        let want = "二、主动公开政府信息情况\n\n第二十条第（一）项\n信息内容\t本年制发件数\t现行有效件数\n规章\t0\t5\n\n三、收到和处理政府信息公开申请情况\n\n（本列数据的勾稽关系为：…）\t申请人情况\n（二）部分公\n开（区分处理的，只计这一情形，不计其他情形）\t0\t1\n\n一是加强培训| 二是完善制度。\n";
        assert_eq!(rewrite(text).as_deref(), Some(want));
    }
}
