//! Section headings (一、总体情况 …), and a heading or signature run onto a paragraph.

use super::labels::{squash, squash_drops};
use super::title::org_line;
use crate::check::Finding;
use crate::model::SECTION_HEADINGS;
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
    static NAMES: WordSet<11> = WordSet::new([
        "总体情况",
        "主动公开政府信息",
        "收到和处理政府信息公开申请",
        "依申请公开政府信息情况",
        "行政复议",
        "诉讼",
        "存在的主要问题",
        "问题及改进",
        "其他需要报告",
        // As some bodies write 其他, and word section 五.
        "其它需要报告",
        "不足及改进",
    ]);
    // One pass says which of the words the heading holds.
    let found = NAMES.all_in(words);
    let has = |i: u32| found & (1 << i) != 0;
    if has(0) || words == "概述" {
        Some(0)
    } else if has(1) || words.starts_with("主动公开情况") {
        Some(1)
    // `收到和处理政府信息公开的申请情况`, as some bodies word it.
    } else if has(2) || has(3) || words.contains("收到和处理") && words.contains("申请") {
        Some(2)
    } else if has(4) && has(5) {
        Some(3)
    } else if has(6) || has(7) || has(10) {
        Some(4)
    } else if has(8) || has(9) {
        Some(5)
    } else {
        None
    }
}

/// A section's heading in words of the body's own (`三、依申请公开情况`, `五、工作中存在的问题和
/// 改进措施`, `六、需要报告的其他事项`), read only under its own Chinese numeral: the words
/// that must stand in the heading numbered `value`.
fn reworded(value: u32, words: &str) -> Option<usize> {
    let has = |w: &str| words.contains(w);
    let section = match value {
        2 => has("主动公开"),
        3 => has("申请") && (words.ends_with("情况") || has("处理")),
        4 => has("复议") || has("诉讼"),
        5 => has("问题") || has("不足"),
        6 => (has("其他") || has("其它")) && (has("事项") || has("报告")),
        _ => false,
    };
    section.then(|| value as usize - 1)
}

/// Headings as printed without a number (2021 and 2019 wordings), squashed.
const UNNUMBERED: [&str; 10] = [
    "总体情况",
    "概述",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议行政诉讼情况",
    "因政府信息公开工作被申请行政复议提起行政诉讼情况",
    "存在的主要问题及改进情况",
    "政府信息公开工作存在的主要问题及改进情况",
    "其他需要报告的事项",
    "其它需要报告的事项",
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
    static HINTS: WordSet<14> = WordSet::new([
        "总体情况",
        "概述",
        "概况",
        "基本情况",
        "主动公开",
        "申请",
        "行政复议",
        "问题",
        "其他需要报告",
        "其它需要报告",
        "不足及改进",
        // `六、其他事项` alone; 事项 by itself is in much prose.
        "其他事项",
        "其它事项",
        "需报告",
    ]);
    if text.len() > 160 {
        return None;
    }
    // A paragraph under a parenthesised number (`（一）…`) is no section's heading, numbered or
    // not (below): the marks of sections are 一、, 第一部分 and 一 followed by a space.
    if text.starts_with(['（', '(']) && crate::parse::numbering::paren_mark(text).is_some() {
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
    // Figures that a separator or a space does not end (`2025年，…`) are no heading's mark,
    // and no unnumbered heading's name begins with a figure (below).
    let after_figures = text.trim_start_matches(|c: char| c.is_ascii_digit());
    if after_figures.len() < text.len()
        && !after_figures
            .starts_with(|c: char| c.is_whitespace() || matches!(c, '、' | '.' | '．' | '，'))
    {
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
    let section = section_of(&words)
        .or_else(|| {
            (mark == Some((1, Style::Chinese))
                && OVERVIEW_NAMES.iter().any(|n| words.starts_with(n)))
            .then_some(0)
        })
        // `六、其他事项`: short, so only where numbered 六.
        .or_else(|| {
            (mark == Some((6, Style::Chinese))
                && words.starts_with('其')
                && words.ends_with("事项"))
            .then_some(5)
        })
        .or_else(|| match mark {
            Some((value, Style::Chinese)) => reworded(value, &words),
            _ => None,
        });
    // `1.主动公开情况` under 一、总体情况: a figure that is not its section's number marks a
    // paragraph's heading inside another section (a misnumbered section keeps its Chinese
    // numeral: 三、主动公开政府信息情况).
    if let Some((value, Style::Arabic)) = mark
        && section.is_some_and(|s| value as usize != s + 1)
    {
        return None;
    }
    section.map(|section| Heading { section, mark })
}

/// A paragraph as one or two: PDF text sorted by height can run a section's heading onto the
/// last line of the paragraph before it (`…业务能力。二、主动公开政府信息情况`).
pub fn run_on(para: &str) -> impl Iterator<Item = &str> {
    let split = text_after(para).or_else(|| run_onto_heading(para));
    let (text, rest) = para.split_at(split.unwrap_or(para.len()));
    std::iter::once(text).chain((!rest.is_empty()).then_some(rest))
}

/// Where a numbered section heading ends when the paragraph's text follows it on the same line
/// (`四、政府信息公开行政复议、行政诉讼情况全年因政府信息公开工作被申请行政复议0件。`, as a
/// PDF-to-Word converter joins a heading and the line below it): after the first 情况, 事项 or
/// 概述 that ends a heading.
fn text_after(para: &str) -> Option<usize> {
    // A section's number, 一、 … 六、: most paragraphs do not open with one.
    let mut opening = para.chars();
    if !(matches!(
        opening.next(),
        Some('一' | '二' | '三' | '四' | '五' | '六')
    ) && matches!(opening.next(), Some('、' | '.' | '．')))
    {
        return None;
    }
    let head = para.get(..para.floor_char_boundary(120))?;
    // The first 情况, 事项 or 概述, read character by character (a search per word costs more
    // than the few characters before it).
    let mut before = ' ';
    head.char_indices()
        .find_map(|(i, c)| {
            let ends = matches!((before, c), ('情', '况') | ('事', '项') | ('概', '述'));
            before = c;
            ends.then(|| i + c.len_utf8())
        })
        .filter(|&at| {
            let rest = para[at..].trim_start();
            // `（含政务新媒体）` is the heading's own; `（一）…` the section's first item.
            let own = rest.starts_with(['（', '(', '：', ':', '、', '，'])
                && crate::parse::numbering::paren_mark(rest).is_none();
            rest.chars().count() >= 2 && !own && heading(&para[..at]).is_some()
        })
}

/// Where a heading run onto the end of the paragraph before it starts.
fn run_onto_heading(para: &str) -> Option<usize> {
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
    memchr::memmem::rfind(tail.as_bytes(), "。".as_bytes())
        .map(|i| i + t.len() - tail.len() + '。'.len_utf8())
        .filter(|&i| para.get(i..).is_some_and(|rest| heading(rest).is_some()))
        .or_else(|| heading_end.then(|| beside_menu(para)).flatten())
}

/// A heading a PDF's text set on one line with a portal's menu item beside it
/// (`政府信息公开年报 一、总体情况`): where the heading starts, after the last space, when what
/// stands before it is a few words and no sentence.
fn beside_menu(para: &str) -> Option<usize> {
    let t = para.trim_end();
    let space = t.rfind([' ', '\u{3000}'])?;
    let before = t[..space].trim();
    let rest = t.get(space..)?.trim_start();
    let menu = !before.is_empty()
        && before.chars().count() <= 20
        && !before.contains(['。', '，', ',', '；', '：', ':']);
    // A heading whose number stands apart from its words (`二、 主动公开…`, Word's list
    // numbering) is one heading.
    (menu && heading(rest).is_some() && heading(t).is_none()).then(|| t.len() - rest.len())
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

/// Headings out of order, numbered wrongly, or numbered in mixed styles.
pub(super) fn section_findings(headings: &[Heading], out: &mut Vec<Finding>) {
    let name = |i: usize| {
        format!(
            "{}、{}",
            crate::model::SECTION_NUMERALS.get(i).copied().unwrap_or(""),
            SECTION_HEADINGS.get(i).copied().unwrap_or("")
        )
    };
    for pair in headings.windows(2) {
        if let [a, b] = pair
            && b.section <= a.section
        {
            out.push(Finding::warning(
                "sections",
                "sections",
                format!(
                    "章节顺序有误：“{}”出现在“{}”之后",
                    name(b.section),
                    name(a.section)
                ),
            ));
        }
    }
    for h in headings {
        if let Some((v, _)) = h.mark
            && v as usize != h.section + 1
        {
            out.push(Finding::warning(
                "sections",
                "sections",
                format!("章节序号有误：“{}”印为第{v}部分", name(h.section)),
            ));
        }
    }
    let styles: Vec<Style> = headings
        .iter()
        .filter_map(|h| h.mark.map(|m| m.1))
        .collect();
    if styles.contains(&Style::Arabic) && styles.contains(&Style::Chinese) {
        out.push(Finding::warning(
            "sections",
            "sections",
            "章节标题序号混用阿拉伯数字和汉字",
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            ("三、收到和处理政府信息公开的申请情况", Some(2)),
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
            ("六、其它需要报告的事项", Some(5)),
            ("其它需要报告的事项", Some(5)),
            ("六、其他事项", Some(5)),
            ("（三）其他事项", None),
            ("五、存在的不足及改进措施", Some(4)),
            ("1、总体情况", Some(0)),
            ("2025年主动公开政府信息情况", None),
            // A figure not its section's number: a paragraph's heading in section 一.
            ("1.主动公开情况", None),
            ("1.主动公开政府信息情况", None),
            ("2.主动公开政府信息情况", Some(1)),
            // A Chinese numeral out of place is a misnumbered section, for the checker to name.
            ("三、主动公开政府信息情况", Some(1)),
            // A body's own words, under the section's own numeral only.
            ("三、依申请公开情况", Some(2)),
            ("五、工作中存在的问题和改进措施", Some(4)),
            ("五、存在问题和改进措施", Some(4)),
            ("六、需要报告的其他事项", Some(5)),
            ("六、其他需报告的事项", Some(5)),
            ("二、依申请公开情况", None),
            ("（三）依申请公开情况", None),
        ];
        for (p, want) in cases {
            assert_eq!(heading(p).map(|h| h.section), want, "{p}");
        }
    }

    #[test]
    fn headings_and_signatures_run_onto_a_paragraph() {
        let cases: [(&str, &[&str]); 13] = [
            // A portal's menu item beside the heading on one line of a PDF's text.
            (
                "政府信息公开年报 一、总体情况",
                &["政府信息公开年报 ", "一、总体情况"],
            ),
            // Words of a sentence before it are no menu.
            (
                "全年工作情况如下： 一、总体情况",
                &["全年工作情况如下： 一、总体情况"],
            ),
            ("某某 项目情况", &["某某 项目情况"]),
            (
                "二、\u{3000}主动公开政府信息情况",
                &["二、\u{3000}主动公开政府信息情况"],
            ),
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
            // A heading with its section's first sentence after it on the same line.
            (
                "四、政府信息公开行政复议、行政诉讼情况全年因政府信息公开工作被申请行政复议0件。",
                &[
                    "四、政府信息公开行政复议、行政诉讼情况",
                    "全年因政府信息公开工作被申请行政复议0件。",
                ],
            ),
            (
                "一、总体情况 2021年，我单位坚持以公开为常态。",
                &["一、总体情况", " 2021年，我单位坚持以公开为常态。"],
            ),
            (
                "五、存在的主要问题及改进情况（一）上年问题整改情况",
                &["五、存在的主要问题及改进情况", "（一）上年问题整改情况"],
            ),
            // A heading with words of its own after 情况, and a numbered sentence.
            (
                "二、主动公开政府信息情况（含政务新媒体）",
                &["二、主动公开政府信息情况（含政务新媒体）"],
            ),
            (
                "一、加强组织领导，完善工作情况报告制度。",
                &["一、加强组织领导，完善工作情况报告制度。"],
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
