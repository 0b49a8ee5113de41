//! The body a report's opening sentences name, where no title, signature or portal field does:
//! who compiled it, who speaks, whose year's work it covers, whose name is shortened.

use std::borrow::Cow;

use super::{CLAUSE_ENDS, body_named, org_line, years};
use crate::parse::extract::labels::squash;

/// Who the preamble says compiled the report (`本年度报告由包头市人民政府外事办公室根据《条例》…
/// 编制`), where nothing else names the body: a name ending as a body's does, between `报告由`
/// and `根据`, `编制` or `依据`.
pub(in crate::parse::extract) fn compiled_by(preamble: &[Cow<str>]) -> Option<String> {
    preamble.iter().take(8).find_map(|p| {
        let at = p.find("报告由")? + "报告由".len();
        let rest = p.get(at..)?;
        let end = ["根据", "编制", "依据", "按照"]
            .iter()
            .filter_map(|w| rest.find(w))
            .min()?;
        let name = squash(rest.get(..end)?);
        (org_line(&name) && name.chars().count() >= 4).then_some(name)
    })
}

/// The body that says in the preamble it compiled the report, as the subject of its clause
/// (`黄龙县市场监督管理局结合单位实际，编制本单位2022年度…年度报告`,
/// `国家税务总局珠海市税务局向社会公布本单位…年度报告`, `…小营街道办事处严格依照…要求，…现将
/// 本年度工作情况报告如下`), where nothing else names it.
pub(in crate::parse::extract) fn speaker(preamble: &[Cow<str>]) -> Option<String> {
    const VERBS: [&str; 10] = [
        "结合",
        "编制",
        "根据",
        "按照",
        "依据",
        "依照",
        "认真",
        "严格",
        "向社会",
        "现公布",
    ];
    preamble.iter().take(8).find_map(|p| {
        if !(p.contains("年度报告") || p.contains("工作报告") || p.contains("报告如下"))
        {
            return None;
        }
        p.split(CLAUSE_ENDS).find_map(|clause| {
            let at = VERBS.iter().filter_map(|v| clause.find(v)).min()?;
            body_named(&squash(clause.get(..at)?))
        })
    })
}

/// The body whose year's work the preamble says the report covers (`涵盖了2022年麒麟区自然资源局
/// 政府信息公开工作`), the last place a body is looked for.
pub(in crate::parse::extract) fn whose_work(preamble: &[Cow<str>]) -> Option<String> {
    preamble.iter().take(8).find_map(|p| {
        years(p).find_map(|(start, _, end)| {
            // Inside 《》 the year is a notice's (`《关于做好2022年度某市政府信息公开…的通知》`).
            let before = p.get(..start)?;
            if before
                .rfind('《')
                .is_some_and(|i| before.rfind('》').is_none_or(|j| j < i))
            {
                return None;
            }
            let clause = p.get(end..)?.split(CLAUSE_ENDS).next()?;
            let at = clause.find("政府信息公开")?;
            body_named(&squash(clause.get(..at)?.trim_start_matches('度')))
        })
    })
}

/// The body whose full name the opening shortens (`结合国家税务总局芜湖市镜湖区税务局（以下简称
/// “镜湖区税务局”）…统计数据撰写`), the last place a body is looked for. A name brought in by
/// 根据, 按照, 依据 or 在 is another's (the law's, a superior's), so it is passed over.
pub(in crate::parse::extract) fn short_named<'p>(
    paragraphs: impl IntoIterator<Item = &'p str>,
) -> Option<String> {
    const LEADS: [&str; 4] = ["结合", "由", "经", "现将"];
    const OTHERS: [&str; 5] = ["根据", "按照", "依据", "在", "对"];
    paragraphs.into_iter().take(10).find_map(|p| {
        p.match_indices("以下简称").find_map(|(at, _)| {
            let before = p.get(..at)?;
            let before = before
                .strip_suffix('（')
                .or_else(|| before.strip_suffix('('))?;
            let clause = before.rsplit(CLAUSE_ENDS).next()?.trim();
            if OTHERS.iter().any(|w| clause.starts_with(w)) {
                return None;
            }
            let name = LEADS
                .iter()
                .find_map(|w| clause.strip_prefix(w))
                .unwrap_or(clause);
            body_named(&squash(name))
        })
    })
}
