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

/// Fields whose value dates the page, the publication's first: `发布日期` says when the report
/// went public, `发文日期` when it was signed.
const DATES: [&str; 6] = [
    "发布日期",
    "发布时间",
    "公开日期",
    "发文日期",
    "成文日期",
    "生成日期",
];

/// The date a field named `name` gives on `line` (`发布机构：县政府办    发布日期：2025-02-28
/// 浏览次数：35`, or a tab row of the box): the first word after the name, or the first two
/// (a date and its time of day).
fn date_after(line: &str, name: &str) -> Option<String> {
    let at = line.find(name)?;
    let rest = line.get(at + name.len()..)?;
    date_of(rest.trim_start_matches([' ', '　', '\t', '：', ':', '|']))
}

/// The date a field's value starts with: its first word, or its first two (a time of day).
fn date_of(value: &str) -> Option<String> {
    let mut words = value.split(['\t', '|']).next()?.split_whitespace();
    let first = words.next()?;
    super::dates::date(first).or_else(|| super::dates::date(&format!("{first} {}", words.next()?)))
}

/// What the portal's box of fields says, and the preamble without it.
pub struct Fields<'a> {
    pub kept: Vec<&'a str>,
    /// Who published the page.
    pub publisher: Option<String>,
    /// When the page was published (or else the report signed), as `YYYY-MM-DD`.
    pub date: Option<String>,
}

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

/// The preamble without the portal's fields, and the publisher and date they give.
pub fn without_fields<'a>(preamble: &'a [Cow<'a, str>]) -> Fields<'a> {
    let mut kept = Vec::with_capacity(preamble.len());
    let mut publisher = None;
    // The date of the field first in [`DATES`], wherever in the box it stands.
    let mut dates: [Option<String>; DATES.len()] = Default::default();
    for p in preamble.iter().take(MAX_ITEMS) {
        // Every date field's name ends in 日期 or 时间: one look tells most lines apart.
        if !(p.contains("日期") || p.contains("时间")) {
            continue;
        }
        for (name, date) in DATES.iter().zip(dates.iter_mut()) {
            if date.is_none() && p.contains(name) {
                *date = date_after(p, name);
            }
        }
    }
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
            field(next).is_none()
                && (TITLE.contains(&name) || !next.contains("报告"))
                // A date field's value is a date: without one (the date taken already as
                // the report's), the next line is the title's.
                && (!DATES.contains(&name) || super::dates::date(next).is_some())
        };
        let value = match value {
            Some(v) => Some(v),
            None if items.peek().is_some_and(is_value) => items.next(),
            None => None,
        };
        let value = value.map(str::trim).filter(|v| !v.is_empty());
        if let Some(i) = DATES.iter().position(|d| *d == name)
            && let Some(slot) = dates.get_mut(i)
            && slot.is_none()
        {
            *slot = value.and_then(date_of);
        }
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
    Fields {
        kept,
        publisher,
        date: dates.into_iter().flatten().next(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_box_dates_the_page() {
        let cases: [(&[&str], Option<&str>); 6] = [
            (
                &["发布机构", "县政府办", "发文日期", "2025-02-28"],
                Some("2025-02-28"),
            ),
            (
                &["发布机构：某县统计局    发布日期：2025-01-20    浏览次数：35"],
                Some("2025-01-20"),
            ),
            (
                &["索 引 号\t0144/2025-04736\t发布日期\t2025年1月20日 10:30\t分 类"],
                Some("2025-01-20"),
            ),
            // The publication's date before the signing's, wherever each stands.
            (
                &["成文日期：2025-01-15", "发布时间：2025-02-03 09:00"],
                Some("2025-02-03"),
            ),
            (&["发布日期：", "某县2024年政府信息公开工作年度报告"], None),
            (&["发布日期是每年一月"], None),
        ];
        for (lines, want) in cases {
            let preamble: Vec<Cow<str>> = lines.iter().map(|l| Cow::Borrowed(*l)).collect();
            assert_eq!(without_fields(&preamble).date.as_deref(), want, "{lines:?}");
        }
        // A date field whose value went elsewhere does not take the title for it.
        let (kept, _) = read(&[
            "发布机构",
            "县政府办",
            "发文日期",
            "某县2024年政府信息公开",
            "工作年度报告",
        ]);
        assert_eq!(kept, ["某县2024年政府信息公开", "工作年度报告"]);
    }

    fn read(lines: &[&str]) -> (Vec<String>, Option<String>) {
        let preamble: Vec<Cow<str>> = lines.iter().map(|l| Cow::Borrowed(*l)).collect();
        let f = without_fields(&preamble);
        (
            f.kept.into_iter().map(str::to_string).collect(),
            f.publisher,
        )
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
