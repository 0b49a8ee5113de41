//! Whether a quoted count is of the report's year: a report often sets this year's figure
//! beside last year's (`上年收到申请153件`, `2023年收到153件，2024年收到171件`, `收到申请由153件
//! 增加到171件`), and last year's is no claim about these tables.

use crate::parse::extract::dates::find_year;

/// Words that put a clause in another year. 上年结转 (this year's carried-over cases) is taken
/// out first.
const OTHER_TIME: [&str; 6] = ["上年", "上一年", "去年", "同期", "往年", "前年"];

/// True when the count quoted after `text[..at]` and the `between` words that lead to it is
/// not of `year`: its clause names another year or last year, or the count is where a change
/// started from (`由153件`).
pub(super) fn of_another_year(text: &str, at: usize, between: &str, year: Option<i32>) -> bool {
    let before = text.get(..at).unwrap_or_default();
    let start = before
        .rfind(|c: char| super::STOPS.contains(&c) || c == '\n')
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let clause = format!("{}{between}", &before[start..]);
    if between.trim_end().ends_with(['由', '从']) {
        return true;
    }
    let clause = clause.replace("上年结转", "");
    if OTHER_TIME.iter().any(|w| clause.contains(w)) {
        return true;
    }
    let mut rest = clause.as_str();
    while let Some((_, end, y)) = find_year(rest) {
        if year.is_some_and(|year| year != y) {
            return true;
        }
        rest = rest.get(end..).unwrap_or_default();
    }
    false
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
            assert_eq!(
                of_another_year(text, at, between, Some(2022)),
                other,
                "{text}"
            );
        }
    }
}
