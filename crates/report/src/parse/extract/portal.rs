//! The box of fields a government portal prints above an article (信息公开目录's metadata):
//! `索 引 号 | 014416330/2025-04736 | 分 类 | 政府信息公开年报`, `发布机构 | 县政府办 |
//! 发文日期 | 2025-02-28`, `文 号 | | 有 效 性 |`. As a crawler or a copy saves the page it
//! stands before the title, a field and its value a cell or a line each, or `发布机构：县政府办`
//! in one. None of it is the report's title; the publisher names the body where nothing else
//! does.

use std::borrow::Cow;

use super::labels::squash;

/// Names of the other fields, as squashed (no spaces or colons).
const OTHER: [&str; 26] = [
    "索引号",
    "分类",
    "主题分类",
    "组配分类",
    "体裁分类",
    "服务对象分类",
    "信息分类",
    "来源",
    "生成日期",
    "发文日期",
    "成文日期",
    "发布日期",
    "公开日期",
    "发布时间",
    "文号",
    "发文字号",
    "有效性",
    "时效性",
    "公开方式",
    "公开范围",
    "公开时限",
    "浏览次数",
    "点击数",
    "访问量",
    "主题词",
    "关键词",
];

/// A field's name in bytes at most, spaces between its characters included.
const MAX_NAME: usize = 40;

/// Fields whose value names who published the page.
const PUBLISHER: [&str; 6] = [
    "发布机构",
    "发文机关",
    "发布单位",
    "发文单位",
    "所属机构",
    "信息来源",
];

/// Lines and cells of the preamble looked at: a box of fields and the title after it.
const MAX_ITEMS: usize = 40;

/// Fields whose value is the article's title, kept as a line of the preamble.
const TITLE: [&str; 2] = ["名称", "标题"];

/// The field a line names, alone (`发布机构`, `文 号：`) or before its value
/// (`发布机构：县政府办`), with the value given on the line.
fn field(line: &str) -> Option<(&'static str, Option<&str>)> {
    let t = line.trim();
    // A field's name is short (a few characters, spaced out at most), and ends the line or
    // comes before a colon: most lines are let go without a look at their characters.
    let name = match t.split_once(['：', ':']) {
        Some((name, _)) if name.len() <= MAX_NAME => name,
        _ if t.len() <= MAX_NAME => t,
        _ => return None,
    };
    let squashed = squash(name);
    let f = [&PUBLISHER[..], &TITLE, &OTHER]
        .into_iter()
        .flatten()
        .find(|&&f| squashed == f)?;
    let value = t.get(name.len()..).filter(|v| !v.is_empty());
    Some((f, value.map(|v| v.trim_start_matches(['：', ':']).trim())))
}

/// The preamble without the portal's fields, and the publisher they name.
pub fn without_fields<'a>(preamble: &'a [Cow<'a, str>]) -> (Vec<&'a str>, Option<String>) {
    let mut kept = Vec::with_capacity(preamble.len());
    let mut publisher = None;
    // A row of the box that reached here as one line keeps its cells apart by tabs or pipes.
    let cells = |p: &'a str| p.split(['\t', '|']);
    let mut items = preamble
        .iter()
        .flat_map(|p| {
            let p = p.as_ref();
            let row = p.contains(['\t', '|']) && cells(p).next().and_then(field).is_some();
            let whole = (!row).then_some(p);
            whole.into_iter().chain(cells(p).filter(move |_| row))
        })
        .filter(|p| !p.trim().is_empty())
        // The box stands at the top; the title is looked for in the first lines.
        .take(MAX_ITEMS)
        .peekable();
    while let Some(line) = items.next() {
        let Some((name, value)) = field(line) else {
            kept.push(line);
            continue;
        };
        // A field alone on its line or cell has its value next, unless the next is a field
        // too or the report's title (an empty value: `文 号 | 有 效 性`, then the title).
        let is_value = |next: &&str| {
            field(next).is_none() && (TITLE.contains(&name) || !next.contains("报告"))
        };
        let value = match value {
            Some(v) => Some(v),
            None if items.peek().is_some_and(is_value) => items.next(),
            None => None,
        };
        let value = value.map(str::trim).filter(|v| !v.is_empty());
        if PUBLISHER.contains(&name) && publisher.is_none() {
            // `发布机构：县政府办 发布日期：2025-02-28` — the value ends at a space.
            publisher = value
                .and_then(|v| v.split_whitespace().next())
                .map(str::to_string);
        }
        if TITLE.contains(&name)
            && let Some(v) = value
        {
            kept.push(v);
        }
    }
    (kept, publisher)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(lines: &[&str]) -> (Vec<String>, Option<String>) {
        let preamble: Vec<Cow<str>> = lines.iter().map(|l| Cow::Borrowed(*l)).collect();
        let (kept, publisher) = without_fields(&preamble);
        (kept.into_iter().map(str::to_string).collect(), publisher)
    }

    #[test]
    fn fields_and_their_values_are_not_the_title() {
        let cases: [(&[&str], &[&str], Option<&str>); 5] = [
            (
                &[
                    "索 引 号",
                    "014416330/2025-04736",
                    "分 类",
                    "政府信息公开年报 综合政务",
                    "发布机构",
                    "县政府办",
                    "发文日期",
                    "2025-02-28",
                    "文 号",
                    "有 效 性",
                    "某县2024年政府信息公开工作年度报告",
                ],
                &["某县2024年政府信息公开工作年度报告"],
                Some("县政府办"),
            ),
            (
                &[
                    "发布机构：某县统计局    发布日期：2025-01-20    浏览次数：35",
                    "2024年政府信息公开工作年度报告",
                ],
                &["2024年政府信息公开工作年度报告"],
                Some("某县统计局"),
            ),
            (
                &["名 称：", "某镇2024年政府信息公开工作年度报告", "来源:"],
                &["某镇2024年政府信息公开工作年度报告"],
                None,
            ),
            (
                &[
                    "索 引 号\t0144/2025-04736\t分 类\t年报",
                    "发布机构\t县政府办",
                    "标题",
                ],
                &[],
                Some("县政府办"),
            ),
            // Words that only start like a field are the report's.
            (
                &["分类推进政务公开", "来源于群众的意见", "某县统计局"],
                &["分类推进政务公开", "来源于群众的意见", "某县统计局"],
                None,
            ),
        ];
        for (lines, want, publisher) in cases {
            let (kept, found) = read(lines);
            assert_eq!(kept, want, "{lines:?}");
            assert_eq!(found.as_deref(), publisher, "{lines:?}");
        }
    }
}
