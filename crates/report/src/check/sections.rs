//! The narrative: rules `sections`, `prior_year_rectification`, `fee_statement`, `old_format`,
//! `late_publication`.

use super::{Context, Finding};
use crate::model::{Format, Report, SECTION_HEADINGS, SECTION_NUMERALS};
use crate::parse::numbering::{self, Style};
use crate::parse::words::WordSet;

pub(super) fn check(
    report: &Report,
    ctx: &Context,
    narrative: &super::Narrative,
    out: &mut Vec<Finding>,
) {
    missing_sections(report, out);
    mixed_numbering(report, out);
    if report.format == Format::Trial2019 {
        out.push(Finding::warning(
            "old_format",
            "tables",
            "表格采用2019年试行格式（国办公开办函〔2019〕60号），应按2021年格式（国办公开办函〔2021〕30号）编制",
        ));
    }
    if let Some(text) = narrative.section(4)
        && !mentions_prior_rectification(text, report.year)
    {
        out.push(Finding::warning(
            "prior_year_rectification",
            "sections.problems",
            "第五部分未说明上一年度报告所列问题的整改情况",
        ));
    }
    // Without a section 六, a fee statement anywhere will do.
    let fee_text = narrative.section(5).unwrap_or(narrative.all());
    if (report.sections.other.is_some() || !fee_text.is_empty()) && !states_fee(fee_text) {
        out.push(Finding::warning(
            "fee_statement",
            "sections.other",
            "第六部分未说明本年度收取信息处理费的情况（发出收费通知件数、金额、实际收取金额）",
        ));
    }
    late_publication(report, ctx, out);
}

fn missing_sections(report: &Report, out: &mut Vec<Finding>) {
    for (i, heading) in SECTION_HEADINGS.iter().enumerate() {
        if report.sections.get(i).is_none() {
            let numeral = SECTION_NUMERALS.get(i).copied().unwrap_or("");
            out.push(Finding::warning(
                "sections",
                format!("sections.{numeral}"),
                format!("缺少第{numeral}部分“{heading}”"),
            ));
        }
    }
}

/// A list numbered partly （1） and partly （二） is one sequence printed in two styles.
fn mixed_numbering(report: &Report, out: &mut Vec<Finding>) {
    for i in 0..6 {
        let Some(text) = report.sections.get(i) else {
            continue;
        };
        let marks: Vec<_> = text
            .lines()
            .filter_map(|l| numbering::paren_mark(l.trim_start()))
            .collect();
        let consecutive = marks.len() >= 2
            && marks
                .iter()
                .enumerate()
                .all(|(j, m)| m.value == j as u32 + 1);
        let styles_mixed = marks.iter().any(|m| m.style == Style::Arabic)
            && marks.iter().any(|m| m.style == Style::Chinese);
        if consecutive && styles_mixed {
            let shown: Vec<_> = marks.iter().map(|m| m.printed).collect();
            let numeral = SECTION_NUMERALS.get(i).copied().unwrap_or("");
            out.push(Finding::warning(
                "sections",
                format!("sections.{numeral}"),
                format!(
                    "第{numeral}部分小标题序号混用阿拉伯数字和汉字：{}",
                    shown.join("、")
                ),
            ));
        }
    }
}

/// Whether any sentence of an unwrapped narrative ([`super::Narrative`]) says what `says`
/// looks for.
fn any_sentence(text: &str, says: impl Fn(&str) -> bool) -> bool {
    text.split(['。', '；', ';'])
        .filter(|s| !crate::parse::trim(s).is_empty())
        .any(says)
}

fn mentions_prior_rectification(text: &str, year: Option<i32>) -> bool {
    // Each list looked for in one pass over a sentence, not a search per word.
    static PRIOR: WordSet<7> =
        WordSet::new(["上年", "上一年", "去年", "上年度", "以往", "往年", "前一年"]);
    static FIXED: WordSet<7> = WordSet::new(["整改", "改进", "解决", "落实", "完善", "已", "健全"]);
    let last_year = year.map(|y| [format!("{}年", y - 1), format!("{} 年", y - 1)]);
    any_sentence(text, |s| {
        FIXED.any_in(s)
            && (PRIOR.any_in(s)
                || last_year
                    .as_ref()
                    .is_some_and(|ys| ys.iter().any(|y| s.contains(y.as_str()))))
    })
}

fn states_fee(text: &str) -> bool {
    any_sentence(text, |s| {
        // Every way of saying it names 费: a sentence without one needs no search.
        s.contains('费') && (s.contains("处理费") || s.contains("收取") || s.contains("收费"))
    })
}

fn late_publication(report: &Report, ctx: &Context, out: &mut Vec<Finding>) {
    let (Some(published), Some(year)) = (&report.published, report.year) else {
        return;
    };
    let deadline = ctx
        .deadline
        .clone()
        .unwrap_or_else(|| format!("{:04}-01-31", year + 1));
    // ISO dates compare correctly as strings.
    if published.as_str() > deadline.as_str() {
        out.push(Finding::warning(
            "late_publication",
            "published",
            format!("报告发布于{published}，晚于法定期限{deadline}（条例第五十条）"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Sections;

    fn report(problems: &str, other: &str) -> Report {
        Report {
            year: Some(2025),
            sections: Sections {
                overview: Some("（一）主动公开\n（二）依申请公开".into()),
                proactive: Some(String::new()),
                requests: Some(String::new()),
                appeals: Some(String::new()),
                problems: Some(problems.into()),
                other: Some(other.into()),
            },
            ..Report::default()
        }
    }

    fn rules(r: &Report, ctx: &Context) -> Vec<String> {
        let mut out = Vec::new();
        check(r, ctx, &super::super::Narrative::of(r), &mut out);
        out.into_iter().map(|f| f.rule).collect()
    }

    #[test]
    fn a_line_wrapped_mid_word_is_still_read() {
        let wrapped = report(
            "针对上\n年度报告指出的问题，我镇已逐项\n整改。",
            "本年度未收取信息处\n理费。",
        );
        assert!(rules(&wrapped, &Context::default()).is_empty());
    }

    #[test]
    fn narrative_rules() {
        let fee = "本年度未收取信息处理费。";
        let fixed = "（一）2024年问题整改情况\n已建立台账，整改到位。";
        let cases: [(&str, &str, &[&str]); 6] = [
            (fixed, fee, &[]),
            ("针对上年度报告指出的问题，已全部整改。", fee, &[]),
            (
                "存在的主要问题是人员不足。下一步，我镇将精准施策推进整改。",
                fee,
                &["prior_year_rectification"],
            ),
            (fixed, "无", &["fee_statement"]),
            (
                fixed,
                "2025年度，本单位发出收费通知2件，收取费用200元。",
                &[],
            ),
            ("", "", &["prior_year_rectification", "fee_statement"]),
        ];
        for (problems, other, want) in cases {
            assert_eq!(
                rules(&report(problems, other), &Context::default()),
                *want,
                "{problems} / {other}"
            );
        }
    }

    #[test]
    fn mixed_sub_numbering_but_not_nested_lists() {
        let mut r = report("（一）2024年问题整改情况，已整改。", "未收取信息处理费");
        r.sections.overview =
            Some("（1） 主动公开方面\n（二）依申请公开\n（三）政府信息管理".into());
        assert_eq!(rules(&r, &Context::default()), vec!["sections"]);
        r.sections.overview =
            Some("（一）主动公开\n（1）公开文件\n（2）公开解读\n（二）依申请公开".into());
        assert!(rules(&r, &Context::default()).is_empty());
    }

    #[test]
    fn late_publication_against_the_statutory_or_a_local_deadline() {
        let mut r = report("（一）2024年问题整改情况，已整改。", "未收取信息处理费");
        r.published = Some("2026-01-31".into());
        assert!(rules(&r, &Context::default()).is_empty());
        r.published = Some("2026-02-01".into());
        assert_eq!(rules(&r, &Context::default()), vec!["late_publication"]);
        r.published = Some("2026-01-20".into());
        let local = Context {
            deadline: Some("2026-01-15".into()),
            ..Context::default()
        };
        assert_eq!(rules(&r, &local), vec!["late_publication"]);
    }

    #[test]
    fn missing_sections_are_named() {
        let mut r = report("（一）2024年问题整改情况，已整改。", "未收取信息处理费");
        r.sections.appeals = None;
        let mut out = Vec::new();
        check(
            &r,
            &Context::default(),
            &super::super::Narrative::of(&r),
            &mut out,
        );
        assert_eq!(out.len(), 1);
        assert!(out[0].message.contains("第四部分"), "{}", out[0].message);
    }
}
