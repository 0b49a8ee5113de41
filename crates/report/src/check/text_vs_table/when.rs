//! Whether a quoted count is the whole that a row of the tables holds: a report often sets
//! this year's figure beside last year's (`上年收到申请153件`, `2023年收到153件，2024年收到171件`,
//! `收到申请由153件增加到171件`), or quotes a part (`当场予以公开30件`, `行政复议被纠错0件`) or
//! two rows together (`行政复议和行政诉讼案件共6件`); none of these is a claim about one row.

use crate::parse::extract::dates::find_year;
use crate::parse::words::WordSet;

/// Words that put a clause in another year. 上年结转 (this year's carried-over cases) is taken
/// out first.
const OTHER_TIME: [&str; 6] = ["上年", "上一年", "去年", "同期", "往年", "前年"];

/// True when the count quoted after `lead` (the clause's words before the phrase) and the
/// `between` words that lead from the phrase to it is not of `year`: its clause names another
/// year or last year, or the count is where a change started from (`由153件`).
pub(super) fn of_another_year(lead: &str, between: &str, year: Option<i32>) -> bool {
    if between.trim_end().ends_with(['由', '从']) {
        return true;
    }
    [lead, between].iter().any(|part| {
        // One pass, comparing words only where one can begin.
        let last_year = part.char_indices().any(|(i, c)| {
            matches!(c, '上' | '去' | '同' | '往' | '前')
                && part.get(i..).is_some_and(|r| {
                    !r.starts_with("上年结转") && OTHER_TIME.iter().any(|w| r.starts_with(w))
                })
        });
        last_year || {
            let mut rest = *part;
            let mut other = false;
            while let Some((_, end, y)) = find_year(rest) {
                other |= year.is_some_and(|year| year != y);
                rest = rest.get(end..).unwrap_or_default();
            }
            other
        }
    })
}

/// The clause's words before `at`: back to the last clause break.
pub(super) fn clause_before(text: &str, at: usize) -> &str {
    let before = text.get(..at).unwrap_or_default();
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| super::STOPS.contains(&c) || c == '\n')
        .map_or(0, |(i, c)| i + c.len_utf8());
    before.get(start..).unwrap_or_default()
}

/// Words before an outcome that quote a part of its cases: those answered on the spot, in a
/// certain form, or on a certain matter.
static PART_OF: WordSet<7> = WordSet::new(["当场", "网上", "线上", "书面", "邮寄", "通过", "涉及"]);

/// True when the outcome quoted after `lead` (the clause's words before it) is a part of the
/// row's cases.
pub(super) fn a_part(lead: &str) -> bool {
    PART_OF.any_in(lead)
}

/// Words between 行政复议 or 行政诉讼 and a count that name a result (a part of table 四's
/// cases, not their total).
static RESULTS: WordSet<10> = WordSet::new([
    "维持", "纠正", "纠错", "其他", "审结", "败诉", "胜诉", "撤诉", "驳回", "结果",
]);

/// True when the count after `phrase` (行政复议 or 诉讼) is not the total of its group: a result
/// (`行政复议被纠错0件`), or reviews and lawsuits together (`行政复议和行政诉讼案件共6件`).
pub(super) fn not_the_group(lead: &str, phrase: &str, between: &str) -> bool {
    let other = if phrase.contains("复议") {
        "诉讼"
    } else {
        "复议"
    };
    RESULTS.any_in(between) || lead.contains(other) || between.contains(other)
}

/// Words before 申请 that make them applications of another kind (for a licence, a review),
/// or a part of the disclosure applications (those made online, by some applicants, on some
/// matter). One pass over the words, as they are read for every count after 收到.
static NOT_ALL: WordSet<23> = WordSet::new([
    "许可",
    "复议",
    "诉讼",
    "投诉",
    "举报",
    "建议",
    "提案",
    "补正",
    "网上",
    "线上",
    "网络",
    "当面",
    "现场",
    "信函",
    "邮寄",
    "传真",
    "电子",
    "涉及",
    "自然人",
    "法人",
    "企业",
    "机构",
    "组织",
]);

/// True when the `between` words from 收到 (新收, 受理) to a count do not name every disclosure
/// application received: `行政复议申请`, `网上申请`, `涉及土地征收的申请`, `申请人补正材料`.
pub(super) fn not_all_applications(between: &str) -> bool {
    let Some((words, after)) = between.split_once("申请") else {
        return true;
    };
    after.starts_with('人') || words.contains('的') || NOT_ALL.any_in(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (clause, the phrase the count follows, whether the count is another year's)
    #[test]
    fn counts_of_another_year_are_told() {
        for (text, phrase, between, other) in [
            (
                "本年度收到政府信息公开申请171件",
                "收到",
                "政府信息公开申请",
                false,
            ),
            (
                "2022年共收到政府信息公开申请171件",
                "收到",
                "政府信息公开申请",
                false,
            ),
            (
                "2021年共收到政府信息公开申请153件",
                "收到",
                "政府信息公开申请",
                true,
            ),
            (
                "本年度收到申请171件，上年收到申请153件",
                "收到",
                "申请",
                true,
            ),
            ("上一年度收到申请153件", "收到", "申请", true),
            ("去年同期收到申请153件", "收到", "申请", true),
            (
                "与上年相比，收到申请数量由153件",
                "收到",
                "申请数量由",
                true,
            ),
            (
                "上年结转政府信息公开申请27件",
                "上年结转",
                "政府信息公开申请",
                false,
            ),
            ("截至2022年12月31日，共收到申请171件", "收到", "申请", false),
        ] {
            let at = text.rfind(phrase).unwrap_or_default();
            let lead = clause_before(text, at);
            assert_eq!(of_another_year(lead, between, Some(2022)), other, "{text}");
        }
    }

    #[test]
    fn applications_of_a_kind_or_a_part_are_told() {
        for (between, part) in [
            ("政府信息公开申请", false),
            ("信息公开申请", false),
            ("依申请公开", false),
            ("各类申请", false),
            ("申请", false),
            ("行政复议申请", true),
            ("行政许可申请", true),
            ("网上申请", true),
            ("涉及土地征收的申请", true),
            ("申请人补正材料", true),
            ("商业企业申请", true),
            ("材料", true),
        ] {
            assert_eq!(not_all_applications(between), part, "{between}");
        }
    }
}
