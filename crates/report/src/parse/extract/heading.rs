//! Section headings (一、总体情况 …), the title, the issuing body and the year.

use std::borrow::Cow;

use super::dates::find_year;
use super::labels::{squash, squash_drops};
use crate::parse::numbering::{Style, heading_mark, starts_mark};
use crate::parse::words::WordSet;

/// A section heading as printed.
#[derive(Clone, Debug, PartialEq)]
pub struct Heading {
    /// Which of the six sections (0-based).
    pub section: usize,
    /// The number printed before it, if any, and its style.
    pub mark: Option<(u32, Style)>,
}

/// Words that name each section in the 2021 format and in the 2019 trial format.
fn section_of(words: &str) -> Option<usize> {
    static NAMES: WordSet<9> = WordSet::new([
        "总体情况",
        "主动公开政府信息",
        "收到和处理政府信息公开申请",
        "依申请公开政府信息情况",
        "行政复议",
        "诉讼",
        "存在的主要问题",
        "问题及改进",
        "其他需要报告",
    ]);
    // One pass says which of the words the heading holds.
    let found = NAMES.all_in(words);
    let has = |i: u32| found & (1 << i) != 0;
    if has(0) || words == "概述" {
        Some(0)
    } else if has(1) || words.starts_with("主动公开情况") {
        Some(1)
    } else if has(2) || has(3) {
        Some(2)
    } else if has(4) && has(5) {
        Some(3)
    } else if has(6) || has(7) {
        Some(4)
    } else if has(8) {
        Some(5)
    } else {
        None
    }
}

/// Headings as printed without a number (2021 and 2019 wordings), squashed.
const UNNUMBERED: [&str; 9] = [
    "总体情况",
    "概述",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议行政诉讼情况",
    "因政府信息公开工作被申请行政复议提起行政诉讼情况",
    "存在的主要问题及改进情况",
    "政府信息公开工作存在的主要问题及改进情况",
    "其他需要报告的事项",
];

/// `二 主动公开政府信息情况`: a Chinese numeral set off by a space instead of 、 (as some
/// templates print it, and as PDF text gives a 、 drawn apart from its numeral).
fn spaced_mark(text: &str) -> Option<(u32, Style, &str)> {
    let end = text.find([' ', '　'])?;
    let value = crate::parse::numbering::chinese_value(text.get(..end)?)?;
    (value <= 6).then_some((
        value,
        Style::Chinese,
        text.get(end..)?.trim_start_matches([' ', '　']),
    ))
}

/// Names some bodies give section 一 instead of 总体情况; read as section 一 only when
/// numbered 一, since they also head paragraphs inside other sections.
const OVERVIEW_NAMES: [&str; 4] = ["基本情况", "工作概况", "概况", "总体工作情况"];

/// `第三部分 收到和处理…`: the other way of numbering the six parts.
fn part_mark(text: &str) -> Option<(u32, Style, &str)> {
    let rest = text.strip_prefix('第')?;
    let end = rest.find("部分")?;
    let value = crate::parse::numbering::chinese_value(rest.get(..end)?.trim())?;
    Some((
        value,
        Style::Chinese,
        rest.get(end + "部分".len()..)?
            .trim_start_matches([' ', '　', '：', ':']),
    ))
}

pub fn heading(para: &str) -> Option<Heading> {
    let text = crate::parse::trim(para);
    // Headings are short and name their section; most paragraphs need not be looked at closely.
    static HINTS: WordSet<9> = WordSet::new([
        "总体情况",
        "概述",
        "概况",
        "基本情况",
        "主动公开",
        "申请",
        "行政复议",
        "问题",
        "其他需要报告",
    ]);
    if text.len() > 160 {
        return None;
    }
    // A heading begins (after what squash drops) with its number, 第 of 第三部分, or the first
    // word of an unnumbered heading: other paragraphs need no search.
    let first = text.chars().find(|&c| !squash_drops(c));
    let begins = |c: char| {
        starts_mark(c)
            || matches!(
                c,
                '第' | '总' | '概' | '主' | '收' | '政' | '因' | '存' | '其'
            )
    };
    if !first.is_some_and(begins) {
        return None;
    }
    if !HINTS.any_in(text) {
        return None;
    }
    let (mark, rest) = match heading_mark(text)
        .or_else(|| part_mark(text))
        .or_else(|| spaced_mark(text))
    {
        Some((v, style, rest)) => (Some((v, style)), rest),
        None => (None, text),
    };
    let words = squash(rest);
    // A heading is a short line; a long sentence that names a section is narrative.
    if words.chars().count() > 32 || words.is_empty() {
        return None;
    }
    // Unnumbered, only the heading itself counts: "（二）2025年存在的主要问题及下步改进措施" is a sub-heading.
    if mark.is_none()
        && (crate::parse::numbering::paren_mark(text).is_some()
            || !UNNUMBERED.iter().any(|h| words.starts_with(h)))
    {
        return None;
    }
    let section = section_of(&words).or_else(|| {
        (mark == Some((1, Style::Chinese)) && OVERVIEW_NAMES.iter().any(|n| words.starts_with(n)))
            .then_some(0)
    });
    section.map(|section| Heading { section, mark })
}

const ORG_SUFFIXES: [&str; 12] = [
    "人民政府",
    "办公厅",
    "办公室",
    "办事处",
    "委员会",
    "局",
    "厅",
    "委",
    "院",
    "中心",
    "管委会",
    "政府",
];

/// The issuing body and year, from the title in the preamble paragraphs before section 一.
pub struct TitleInfo {
    pub body: Option<String>,
    pub year: Option<i32>,
    /// Who the portal's fields say published the page ([`super::portal`]).
    pub publisher: Option<String>,
}

pub fn org_line(p: &str) -> bool {
    let s = squash(p);
    s.chars().count() <= 30
        && ORG_SUFFIXES.iter().any(|suf| s.ends_with(suf))
        && !s.contains("年度报告")
}

/// Completes a place name to its government: a 镇 publishes as 镇人民政府.
fn complete_body(name: &str) -> String {
    let n = name.trim_end_matches(['的', ' ', '　']);
    let n = n
        .strip_suffix("关于")
        .unwrap_or(n)
        .trim_start_matches("关于");
    if n.ends_with("街道") {
        return format!("{n}办事处");
    }
    if ["镇", "乡", "县", "区", "市", "州", "旗", "盟", "省"]
        .iter()
        .any(|s| n.ends_with(s))
    {
        return format!("{n}人民政府");
    }
    n.to_string()
}

/// A portal's own text around an article: its breadcrumb (`当前位置：首页 > 政府信息公开`) and
/// its footer (`版权所有`, `ICP备…`, `主办单位：…`). Never part of a report.
pub fn is_site_chrome(text: &str) -> bool {
    static MARKS: WordSet<15> = WordSet::new([
        "版权所有",
        "ICP备",
        "公网安备",
        "网站标识码",
        "主办单位：",
        "主办单位:",
        "技术支持：",
        "技术支持:",
        "Copyright",
        "COPYRIGHT",
        "copyright",
        "当前位置",
        "您的位置",
        "现在的位置",
        "所在位置",
    ]);
    // A sentence is the report's own: most paragraphs are let go at their last character.
    let t = crate::parse::trim(text);
    if t.len() > 600 || t.ends_with(['。', '；']) {
        return false;
    }
    t.trim_start_matches(squash_drops).starts_with("首页") || MARKS.any_in(t)
}

/// The body and year from the preamble (which the extractor has already rid of the site's
/// breadcrumb and menu, [`is_site_chrome`]) or else from the document's own title.
/// The mark above a report published as an attachment to a notice: `附件`, `附件2`, `附件三：`.
fn is_attachment_mark(line: &str) -> bool {
    squash(line).strip_prefix("附件").is_some_and(|rest| {
        rest.trim_end_matches([':', '：'])
            .chars()
            .all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
    })
}

pub fn title_info(preamble: &[Cow<str>], doc_title: Option<&str>) -> TitleInfo {
    let (preamble, publisher) = super::portal::without_fields(preamble);
    // A title is often broken over lines: 山亭区凫城镇2025年政府信息公开 / 工作年度报告.
    let mut joined = String::new();
    let mut title = None;
    for p in preamble.iter().take(8) {
        if p.chars().count() > 60 {
            break;
        }
        if is_attachment_mark(p) {
            continue;
        }
        joined.push_str(&squash(p));
        if joined.contains("年度报告") || joined.contains("年报") {
            // A menu or column name (政府信息公开年报) names no year: not the title.
            if !joined.contains("年度报告") && find_year(&joined).is_none() {
                joined.clear();
                continue;
            }
            title = Some(joined.clone());
            break;
        }
    }
    let title = title.or_else(|| doc_title.map(squash));
    let mut info = TitleInfo {
        body: None,
        year: None,
        publisher: publisher.map(|p| squash(&p)),
    };
    if let Some(t) = &title {
        if let Some((s, e, y)) = find_year(t) {
            info.year = Some(y);
            let before = &t[..s];
            let after = t[e..].trim_start_matches('度');
            let name_after = after.split("政府信息公开").next().unwrap_or("");
            let name = if before.is_empty() {
                name_after
            } else {
                before
            };
            if !name.is_empty() {
                info.body = Some(complete_body(name)).filter(|b| !b.is_empty());
            }
        } else if let Some(name) = t.split("政府信息公开").next().filter(|n| !n.is_empty()) {
            info.body = Some(complete_body(name)).filter(|b| !b.is_empty());
        }
    }
    if let Some(org) = preamble.iter().take(8).find(|p| org_line(p)) {
        info.body = Some(squash(org));
    }
    info
}

/// A paragraph as one or two: PDF text sorted by height can run a section's heading onto the
/// last line of the paragraph before it (`…业务能力。二、主动公开政府信息情况`).
pub fn run_on(para: &str) -> impl Iterator<Item = &str> {
    let t = para.trim_ascii_end();
    // A section's heading ends in one of a few characters (…情况, …事项, 概述, …措施); most
    // paragraphs end in their full stop. A heading is short.
    let heading_end = matches!(
        t.as_bytes(),
        [.., 0xE5, 0x86, 0xB5]
            | [.., 0xE9, 0xA1, 0xB9]
            | [.., 0xE8, 0xBF, 0xB0]
            | [.., 0xE6, 0x96, 0xBD]
    );
    let tail = if !heading_end {
        ""
    } else {
        t.get(t.floor_char_boundary(t.len().saturating_sub(160))..)
            .unwrap_or_default()
    };
    let split = memchr::memmem::rfind(tail.as_bytes(), "。".as_bytes())
        .map(|i| i + t.len() - tail.len() + '。'.len_utf8())
        .filter(|&i| para.get(i..).is_some_and(|rest| heading(rest).is_some()));
    let (text, rest) = para.split_at(split.unwrap_or(para.len()));
    std::iter::once(text).chain((!rest.is_empty()).then_some(rest))
}

/// The body's name run onto the end of the last paragraph, before the closing date's line:
/// `…政协提案。梅县区白马镇人民政府`. Gives the paragraph's text and the name.
pub fn run_on_signature(para: &str) -> Option<(&str, &str)> {
    let t = para.trim_end();
    let end = t.rfind('。')? + '。'.len_utf8();
    let (text, org) = t.split_at(end);
    let org = org.trim();
    (!org.is_empty() && org_line(org)).then_some((text, org))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_chrome() {
        let chrome = [
            "当前位置：首页 > 政府信息公开 > 政府信息公开年报",
            "首页 政府信息公开 政府信息公开年报",
            "您现在的位置：信息公开",
            "版权所有 © 2026 南部县人民政府　蜀ICP备05001234号-1",
            "主办单位：南部县人民政府办公室　技术支持：县大数据中心",
            "Copyright 2026 www.example.gov.cn",
        ];
        for p in chrome {
            assert!(is_site_chrome(p), "{p}");
        }
        let report = [
            "南部县人民政府2025年政府信息公开工作年度报告",
            "在门户网站首页开设政府信息公开专栏，全年更新信息336条。",
            "一、总体情况",
            "南部县人民政府办公室",
        ];
        for p in report {
            assert!(!is_site_chrome(p), "{p}");
        }
    }

    #[test]
    fn sections_by_their_words() {
        let cases = [
            ("总体情况", Some(0)),
            ("概述", Some(0)),
            ("概述情况", None),
            ("主动公开情况", Some(1)),
            ("主动公开政府信息情况", Some(1)),
            ("收到和处理政府信息公开申请情况", Some(2)),
            ("依申请公开政府信息情况", Some(2)),
            ("政府信息公开行政复议行政诉讼情况", Some(3)),
            ("行政复议情况", None),
            ("政府信息公开工作存在的主要问题及改进情况", Some(4)),
            ("问题及改进", Some(4)),
            ("其他需要报告的事项", Some(5)),
            ("诉讼", None),
        ];
        for (words, want) in cases {
            assert_eq!(section_of(words), want, "{words}");
        }
    }

    #[test]
    fn headings() {
        let cases = [
            ("一、总体情况", Some(0)),
            (" 一、总体情况", Some(0)),
            ("二、主动公开政府信息情况", Some(1)),
            (
                "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
                Some(3),
            ),
            ("五、政府信息公开工作存在的主要问题及改进情况", Some(4)),
            ("六、其他需要报告的事项 ", Some(5)),
            ("四、结转下年度继续办理", None),
            ("二 主动公开政府信息情况", Some(1)),
            ("三　收到和处理政府信息公开申请情况", Some(2)),
            ("一、基本情况", Some(0)),
            ("一、工作概况", Some(0)),
            ("二、基本情况", None),
            ("（一）基本情况", None),
            ("一 基本情况", Some(0)),
            ("二十 主动公开政府信息情况", None),
            ("（二）依申请公开工作方面", None),
            ("第三部分 收到和处理政府信息公开申请情况", Some(2)),
            ("（二）2025年存在的主要问题及下步改进措施", None),
            ("总体情况", Some(0)),
            ("其他需要报告的事项", Some(5)),
        ];
        for (p, want) in cases {
            assert_eq!(heading(p).map(|h| h.section), want, "{p}");
        }
    }

    #[test]
    fn a_portals_publisher_is_no_title_but_is_kept() {
        let t = title_info(
            &[
                "发布机构 | 某县统计局 | 发布日期 | 2025-01-20 |".into(),
                "2024年政府信息公开工作年度报告".into(),
            ],
            None,
        );
        assert_eq!(
            (t.body.as_deref(), t.year, t.publisher.as_deref()),
            (None, Some(2024), Some("某县统计局"))
        );
    }

    #[test]
    fn titles() {
        let t = title_info(
            &[
                "山亭区凫城镇2025年政府信息公开".into(),
                "工作年度报告".into(),
            ],
            None,
        );
        assert_eq!(
            (t.body.as_deref(), t.year),
            (Some("山亭区凫城镇人民政府"), Some(2025))
        );
        let t = title_info(
            &[
                "巨鹿县官亭镇人民政府".into(),
                "2025 年政府信息公开工作年度报告".into(),
            ],
            None,
        );
        assert_eq!(
            (t.body.as_deref(), t.year),
            (Some("巨鹿县官亭镇人民政府"), Some(2025))
        );
        let t = title_info(
            &["临城县财政局关于2025年度政府信息公开工作的年度报告".into()],
            None,
        );
        assert_eq!(
            (t.body.as_deref(), t.year),
            (Some("临城县财政局"), Some(2025))
        );
        let t = title_info(
            &[],
            Some("2019年上海市人民政府办公厅政府信息公开工作年度报告"),
        );
        assert_eq!(
            (t.body.as_deref(), t.year),
            (Some("上海市人民政府办公厅"), Some(2019))
        );
        let t = title_info(
            &["北京市朝阳区教育委员会二〇二四年度政府信息公开工作年度报告".into()],
            None,
        );
        assert_eq!(
            (t.body.as_deref(), t.year),
            (Some("北京市朝阳区教育委员会"), Some(2024))
        );
        // A report published as an attachment: the mark above the title is no part of it.
        for mark in ["附件", "附件2", "附件三：", "附件 1"] {
            let t = title_info(
                &[
                    mark.into(),
                    "巨鹿县教育局2025年政府信息公开工作年度报告".into(),
                ],
                None,
            );
            assert_eq!(
                (t.body.as_deref(), t.year),
                (Some("巨鹿县教育局"), Some(2025)),
                "{mark}"
            );
        }
        assert!(!is_attachment_mark("附件材料已公开"));
    }

    #[test]
    fn organisations() {
        for (line, want) in [
            ("山亭区凫城镇人民政府", true),
            ("巨鹿县教育局", true),
            ("2025年政府信息公开工作年度报告", false),
            ("一、总体情况", false),
        ] {
            assert_eq!(org_line(line), want, "{line}");
        }
    }

    #[test]
    fn headings_and_signatures_run_onto_a_paragraph() {
        let cases: [(&str, &[&str]); 4] = [
            (
                "提升工作人员业务能力。二、主动公开政府信息情况",
                &["提升工作人员业务能力。", "二、主动公开政府信息情况"],
            ),
            ("提升工作人员业务能力。", &["提升工作人员业务能力。"]),
            // A sub-heading is not a section's heading.
            ("能力。（二）依申请公开", &["能力。（二）依申请公开"]),
            (
                "全年未发生泄密事件。其他工作正常开展",
                &["全年未发生泄密事件。其他工作正常开展"],
            ),
        ];
        for (para, want) in cases {
            assert_eq!(run_on(para).collect::<Vec<_>>(), want, "{para}");
        }
        assert_eq!(
            run_on_signature("本单位未承办人大代表建议和政协提案。梅县区白马镇人民政府"),
            Some((
                "本单位未承办人大代表建议和政协提案。",
                "梅县区白马镇人民政府"
            ))
        );
        assert_eq!(run_on_signature("各项任务均已完成。"), None);
        assert_eq!(run_on_signature("完成。下一步继续加强"), None);
    }
}
