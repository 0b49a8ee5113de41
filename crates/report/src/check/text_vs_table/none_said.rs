//! The narrative says there was none (`全年未发生政府信息公开行政复议、行政诉讼`, `本年度未收到
//! 政府信息公开申请`) where the tables count some: a sentence copied from last year's report
//! and left unchanged. Only a negation that governs the whole clause is read; a clause with a
//! figure, another year, or words that narrow it (`未发生被纠错的行政复议`,
//! `未发生申请逾期答复`) is passed over.

use std::borrow::Cow;

use memchr::memmem;

use super::super::Finding;
use super::show;
use crate::parse::extract::dates::find_year;

/// Words that say nothing happened, before what did not: those that open with 未 or 没有, and
/// those that close with 无.
const NONE_OPENING: [&str; 13] = [
    "未发生",
    "未出现",
    "没有发生",
    "没有出现",
    "未收到",
    "未接到",
    "没有收到",
    "没有接到",
    "未受理",
    "未被申请",
    "未被提起",
    "未产生",
    "未有",
];
const NONE_CLOSING: [&str; 4] = ["均无", "全年无", "本年度无", "暂无"];

/// Every place a word of [`NONE_OPENING`] or [`NONE_CLOSING`] stands in `text`: its start, its
/// end and the word. Three searches for 未, 没有 and 无, each a vector scan, in place of one
/// automaton over every word (a tenth of the cost on a report's narrative).
fn negations(text: &str) -> Vec<(usize, usize, &'static str)> {
    let mut found = Vec::new();
    for first in ["未", "没有"] {
        for at in memmem::find_iter(text.as_bytes(), first.as_bytes()) {
            let rest = text.get(at..).unwrap_or_default();
            if let Some(word) = NONE_OPENING.iter().find(|w| rest.starts_with(*w)) {
                found.push((at, at + word.len(), *word));
            }
        }
    }
    for at in memmem::find_iter(text.as_bytes(), "无".as_bytes()) {
        let end = at + "无".len();
        let before = text.get(..end).unwrap_or_default();
        if let Some(word) = NONE_CLOSING.iter().find(|w| before.ends_with(*w)) {
            found.push((end - word.len(), end, *word));
        }
    }
    found
}

/// Words after the negation that make it say less than none at all.
const NARROWING: [&str; 22] = [
    // Of one matter only (`未收到涉及商业秘密的申请`).
    "涉及",
    "纠错",
    "纠正",
    "败诉",
    "撤销",
    "违法",
    "逾期",
    "超期",
    "投诉",
    "举报",
    "费",
    "上年",
    "去年",
    "上一年",
    "往年",
    "以往",
    // Appeals of one cause only (`未发生因信息公开不及时引发的行政复议`).
    "不及时",
    "不规范",
    "不当",
    "不准确",
    "泄密",
    "失误",
];

/// The most characters of a clause read after its negation.
const MAX_CLAUSE: usize = 40;

/// What a clause says there was none of.
#[derive(Debug, PartialEq)]
enum Nothing {
    Applications,
    Reviews,
    Lawsuits,
    ReviewsAndLawsuits,
}

impl Nothing {
    /// Whether it says none of applications, of reviews, of lawsuits ([`CLAIMS`]' order).
    fn kinds(&self) -> [bool; 3] {
        match self {
            Nothing::Applications => [true, false, false],
            Nothing::Reviews => [false, true, false],
            Nothing::Lawsuits => [false, false, true],
            Nothing::ReviewsAndLawsuits => [false, true, true],
        }
    }
}

/// Where each kind is counted, and what is said when words and table disagree.
const CLAIMS: [(&str, &str); 3] = [
    (
        "table3.new",
        "正文称本年度未收到政府信息公开申请，但表三“本年新收”总计为",
    ),
    (
        "table4[0..5]",
        "正文称未发生政府信息公开行政复议，但表四行政复议总计为",
    ),
    (
        "table4[5..15]",
        "正文称未发生政府信息公开行政诉讼，但表四行政诉讼总计为",
    ),
];

/// The totals the tables give: applications newly received (table 三), reconsiderations and
/// lawsuits (table 四); None where the table was not read.
pub(super) struct Counted {
    pub new: Option<f64>,
    pub reviews: Option<f64>,
    pub lawsuits: Option<f64>,
}

pub(super) fn check(text: &str, year: Option<i32>, counted: &Counted, out: &mut Vec<Finding>) {
    let tables = [counted.new, counted.reviews, counted.lawsuits];
    // Tables that count none leave nothing for the words to contradict (most reports).
    if !tables.iter().any(|n| n.is_some_and(|n| n > 0.0)) {
        return;
    }
    let this_year = year.map(|y| format!("{y}年"));
    let mut said = [false; 3];
    for (start, end, word) in negations(text) {
        let opening = clause_before(text.get(..start).unwrap_or_default());
        let clause = clause_after(text.get(end..).unwrap_or_default());
        let Some(nothing) = nothing_of(opening, clause, word, this_year.as_deref()) else {
            continue;
        };
        for (((said, (place, message)), claimed), table) in
            said.iter_mut().zip(CLAIMS).zip(nothing.kinds()).zip(tables)
        {
            let Some(n) = table.filter(|&n| claimed && n > 0.0 && !*said) else {
                continue;
            };
            *said = true;
            out.push(Finding::error(
                "text_vs_table",
                place,
                format!("{message}{}件", show(n)),
            ));
        }
    }
}

/// The rest of the clause that starts at `rest`: up to its break, at most [`MAX_CLAUSE`]
/// characters.
fn clause_after(rest: &str) -> &str {
    let limit = rest
        .char_indices()
        .nth(MAX_CLAUSE)
        .map_or(rest.len(), |(i, _)| i);
    let window = rest.get(..limit).unwrap_or_default();
    window.find(is_break).map_or(window, |i| &window[..i])
}

/// The clause's words before a negation that ends `before`: back to its break, at most
/// [`MAX_CLAUSE`] characters.
fn clause_before(before: &str) -> &str {
    let limit = before
        .char_indices()
        .rev()
        .nth(MAX_CLAUSE - 1)
        .map_or(0, |(i, _)| i);
    let window = before.get(limit..).unwrap_or_default();
    window.rfind(is_break).map_or(window, |i| {
        &window[i + window[i..].chars().next().map_or(1, char::len_utf8)..]
    })
}

fn is_break(c: char) -> bool {
    matches!(c, '。' | '；' | ';' | '，' | ',' | '\n' | '：' | ':')
}

/// What the clause says there was none of: `opening` its words before the negation `word`,
/// `clause` those after it.
/// `this_year` is the report's year as printed (`2023年`).
fn nothing_of(opening: &str, clause: &str, word: &str, this_year: Option<&str>) -> Option<Nothing> {
    for part in [opening, clause] {
        // A figure, or another year than the report's: the clause counts something, or
        // speaks of another time.
        let rest = match this_year {
            Some(y) => Cow::Owned(part.replace(y, "")),
            None => Cow::Borrowed(part),
        };
        if rest.contains(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))
            || find_year(&rest).is_some()
        {
            return None;
        }
        if NARROWING.iter().any(|w| part.contains(w)) {
            return None;
        }
    }
    let reviews = clause.contains("复议");
    let lawsuits = clause.contains("诉讼");
    match (reviews, lawsuits) {
        (true, true) => return Some(Nothing::ReviewsAndLawsuits),
        (true, false) => return Some(Nothing::Reviews),
        (false, true) => return Some(Nothing::Lawsuits),
        (false, false) => {}
    }
    // Applications only where the words say they were not received, and the clause ends with
    // the applications (`未收到政府信息公开申请`), not with what became of them.
    // Received none, or had none (`全年无政府信息公开申请`).
    let receiving = matches!(
        word,
        "未收到" | "未接到" | "没有收到" | "没有接到" | "未受理"
    ) || NONE_CLOSING.contains(&word);
    let (before, after) = clause.split_once("申请")?;
    // `依申请公开事项`: the applications by another name.
    let tail = after.trim().trim_end_matches('.');
    let tail = tail.strip_prefix("公开").unwrap_or(tail);
    let tail = tail.strip_prefix('的').unwrap_or(tail);
    // Applications for disclosure, not for a licence (`未收到行政许可申请`) or a review.
    let disclosure = before.is_empty() || before.contains("公开") || after.starts_with("公开");
    let other_kind = [
        "许可", "复议", "诉讼", "投诉", "举报", "建议", "提案", "办理", "补正",
    ]
    .iter()
    .any(|w| before.contains(w));
    // Applications of some applicants only (`未收到商业企业的政府信息公开申请`); those of
    // everyone (`公民、法人和其他组织的`) are all.
    let (some_only, what) = match before.rsplit_once('的') {
        Some((whose, what)) if !whose.is_empty() => {
            let everyone = ["公民", "任何", "公众", "群众", "信息公开", "依申请公开"]
                .iter()
                .any(|w| whose.contains(w));
            (!everyone, what)
        }
        _ => (false, before),
    };
    (receiving
        && disclosure
        && !other_kind
        && !some_only
        && what.chars().count() <= 14
        && ["", "事项", "件", "情况", "事件"].contains(&tail))
    .then_some(Nothing::Applications)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_clause_says_there_was_none_of() {
        for (text, want) in [
            (
                "全年未发生政府信息公开行政复议、行政诉讼",
                Some(Nothing::ReviewsAndLawsuits),
            ),
            (
                "未发生因政府信息公开申请行政复议、提起行政诉讼的情况",
                Some(Nothing::ReviewsAndLawsuits),
            ),
            (
                "本年度未收到政府信息公开申请。",
                Some(Nothing::Applications),
            ),
            (
                "2023年我局未收到依申请公开事项",
                Some(Nothing::Applications),
            ),
            ("未被申请行政复议", Some(Nothing::Reviews)),
            ("全年无政府信息公开行政诉讼案件", Some(Nothing::Lawsuits)),
            // Narrowed: not none at all.
            ("未发生行政复议被纠错的情况", None),
            ("未发生政府信息公开申请逾期答复的情况", None),
            ("未收到对政府信息公开工作的投诉举报", None),
            ("未收到申请人对答复的异议", None),
            ("未发生上年结转的行政复议", None),
            ("上一年度未发生行政复议", None),
            ("未发生因信息公开不及时引发的行政复议", None),
            // Another year, or a figure.
            ("2022年未发生行政复议", None),
            ("本年度共收到申请0件", None),
            ("2023年未收到申请1件以外的申请", None),
            ("二〇二二年未发生行政复议", None),
            // The figure is another clause's.
            ("未收到申请，办结结转申请1件", Some(Nothing::Applications)),
            // What became of applications, not whether any came.
            ("未发生申请人投诉", None),
            // Applications of another kind.
            ("全年未收到行政许可申请", None),
            ("全年无政府信息公开申请", Some(Nothing::Applications)),
            ("本年度无依申请公开事项", Some(Nothing::Applications)),
            ("暂无申请人对答复不服的情况", None),
            ("未发生政府信息公开申请", None),
            ("全年未接到信息公开申请", Some(Nothing::Applications)),
            ("2023年，未收到依申请公开事项.", Some(Nothing::Applications)),
            ("暂无需要报告的事项", None),
            // Of some matter or some applicants only.
            ("本年度未收到涉及商业秘密的政府信息公开申请", None),
            ("本年度未收到商业企业的政府信息公开申请", None),
            ("本年度未收到法人或其他组织的政府信息公开申请", None),
            (
                "本年度未收到公民、法人和其他组织的政府信息公开申请",
                Some(Nothing::Applications),
            ),
            (
                "本年度未收到任何的政府信息公开申请",
                Some(Nothing::Applications),
            ),
        ] {
            let (word, opening, rest) = NONE_OPENING
                .iter()
                .chain(&NONE_CLOSING)
                .find_map(|w| text.find(w).map(|i| (*w, &text[..i], &text[i + w.len()..])))
                .unwrap_or(("", "", text));
            assert_eq!(
                nothing_of(
                    clause_before(opening),
                    clause_after(rest),
                    word,
                    Some("2023年")
                ),
                want,
                "{text}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn a_clause_is_its_characters_up_to_a_break_at_most_forty(
            text in "[未发生复议，。\n;a1]{0,90}"
        ) {
            let after: String = text
                .chars()
                .take_while(|&c| !is_break(c))
                .take(MAX_CLAUSE)
                .collect();
            proptest::prop_assert_eq!(clause_after(&text), after.as_str());
            let mut before: Vec<char> = text
                .chars()
                .rev()
                .take_while(|&c| !is_break(c))
                .take(MAX_CLAUSE)
                .collect();
            before.reverse();
            let before: String = before.into_iter().collect();
            proptest::prop_assert_eq!(clause_before(&text), before.as_str());
        }

        #[test]
        fn negations_are_found_as_a_search_for_each_word_finds_them(
            text in "[未没有无均全年本度暂发生收到被申请 ，。a]{0,24}"
        ) {
            let mut want: Vec<(usize, usize, &str)> = NONE_OPENING
                .iter()
                .chain(&NONE_CLOSING)
                .flat_map(|w| text.match_indices(w).map(|(i, m)| (i, i + m.len(), *w)))
                .collect();
            let mut got = negations(&text);
            want.sort();
            got.sort();
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn none_said_where_the_tables_count_some_is_an_error() {
        let counted = Counted {
            new: Some(3.0),
            reviews: Some(1.0),
            lawsuits: Some(0.0),
        };
        let mut out = Vec::new();
        check(
            "本年度未收到政府信息公开申请。全年未发生政府信息公开行政复议、行政诉讼。未发生行政复议。",
            Some(2023),
            &counted,
            &mut out,
        );
        let said: Vec<&str> = out.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            said,
            [
                "正文称本年度未收到政府信息公开申请，但表三“本年新收”总计为3件",
                "正文称未发生政府信息公开行政复议，但表四行政复议总计为1件",
            ]
        );
        let none = Counted {
            new: Some(0.0),
            reviews: Some(0.0),
            lawsuits: None,
        };
        let mut out = Vec::new();
        check(
            "本年度未收到政府信息公开申请。全年未发生行政复议、行政诉讼。",
            Some(2023),
            &none,
            &mut out,
        );
        assert!(out.is_empty(), "{out:?}");
    }
}
