//! The title before section 一: the issuing body and the year, and the site's furniture
//! around it.

use std::borrow::Cow;

use super::dates::find_year;
use super::labels::{squash, squash_drops};
use crate::check::{Finding, Severity};
use crate::parse::words::WordSet;

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
    /// When they say it was published (or else signed).
    pub page_date: Option<String>,
}

/// A line that is a body's name alone. A year in it makes it a piece of a title wrapped
/// after 政府 (`…街道办事处2024年度政府` / `信息公开工作年度报告`), not a name.
pub fn org_line(p: &str) -> bool {
    let s = squash(p);
    s.chars().count() <= 30
        && ORG_SUFFIXES.iter().any(|suf| s.ends_with(suf))
        && !s.contains("年度报告")
        && find_year(&s).is_none()
}

/// A title without the tag a portal sets before it (`【图文】`, `[转载]`).
fn without_tag(title: &str) -> &str {
    let t = title.trim_start();
    for (open, close) in [('【', '】'), ('[', ']'), ('〔', '〕')] {
        if let Some(rest) = t.strip_prefix(open)
            && let Some((tag, after)) = rest.split_once(close)
            && tag.chars().count() <= 6
            && find_year(tag).is_none()
        {
            return after;
        }
    }
    t
}

/// Could be the body's name on a line of its own above the title: an office, or a place
/// (which [`complete_body`] completes to its government).
fn names_a_body(s: &str) -> bool {
    s.chars().count() <= 40
        && ORG_SUFFIXES
            .iter()
            .chain(&GOVERNED_PLACES)
            .chain(&["街道", "街办"])
            .chain(&NOT_GOVERNMENTS)
            .any(|suf| s.ends_with(suf))
}

/// `我局`, `本机关`: the body speaking of itself names nobody.
fn speaks_of_itself(name: &str) -> bool {
    name.starts_with(['我', '本'])
}

/// The body `name` found in a sentence names, completed, when it reads as a body's name.
fn body_named(name: &str) -> Option<String> {
    (names_a_body(name) && name.chars().count() >= 3 && !speaks_of_itself(name))
        .then(|| complete_body(name))
}

/// Places whose body is their 人民政府 (苏木 is Inner Mongolia's township).
const GOVERNED_PLACES: [&str; 10] = ["镇", "乡", "苏木", "县", "区", "市", "州", "旗", "盟", "省"];

/// Names ending like a county or district that are neither.
const NOT_GOVERNMENTS: [&str; 10] = [
    "开发区",
    "高新区",
    "园区",
    "示范区",
    "试验区",
    "实验区",
    "合作区",
    "保税区",
    "工业区",
    "社区",
];

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
    // `东风路街办`: the 街道办事处 as people shorten it.
    if let Some(stem) = n.strip_suffix("街办") {
        return format!("{stem}街道办事处");
    }
    // Zones and parks are run by a 管理委员会, a 社区 by its committee: their name stays as
    // printed rather than be given a government they do not have.
    if NOT_GOVERNMENTS.iter().any(|s| n.ends_with(s)) {
        return n.to_string();
    }
    if GOVERNED_PLACES.iter().any(|s| n.ends_with(s)) {
        return format!("{n}人民政府");
    }
    n.to_string()
}

/// A portal's own text around an article: its breadcrumb (`当前位置：首页 > 政府信息公开`) and
/// its footer (`版权所有`, `ICP备…`, `主办单位：…`). Never part of a report.
pub fn is_site_chrome(text: &str) -> bool {
    static MARKS: WordSet<16> = WordSet::new([
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
        "当前页面",
    ]);
    // A sentence is the report's own: most paragraphs are let go at their last character.
    let t = crate::parse::trim(text);
    if t.len() > 600 || t.ends_with(['。', '；']) {
        return false;
    }
    let t = t.trim_start_matches(squash_drops);
    // The menu's 首页 beside the title on one line (a PDF's text) is the title's line; a
    // breadcrumb down to the report (`首页 > 年报 > 2022年…年度报告`) is not.
    let home = t.starts_with("首页")
        && !(ends_as_report(t.trim_end())
            && find_year(t).is_some()
            && !t.contains(BREADCRUMB_STEPS));
    home || is_breadcrumb_step(t) || MARKS.any_in(t)
}

/// A step of a breadcrumb that a page's text broke over lines (`当前页面:` / `首页` /
/// `> 政务公开` / `> 信息公开年度报告`).
fn is_breadcrumb_step(t: &str) -> bool {
    t.starts_with(BREADCRUMB_STEPS) && t.chars().count() <= 40
}

const BREADCRUMB_STEPS: [char; 4] = ['>', '＞', '»', '›'];

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
    let fields = super::portal::without_fields(preamble);
    let (preamble, publisher) = (fields.kept, fields.publisher);
    // A title is often broken over lines: 山亭区凫城镇2025年政府信息公开 / 工作年度报告.
    let mut joined = String::new();
    let mut title = None;
    'lines: for p in preamble.iter().take(8) {
        // A title is short and no sentence: the prose after it names the report in a clause
        // ([`sentence_title`]).
        if p.chars().count() > 60 || p.contains(['，', '。', ',']) {
            break;
        }
        if is_attachment_mark(p) {
            continue;
        }
        // A PDF's text can set a portal's menu beside the title on one line (`首页 凤阳县…报告`):
        // each word apart is weighed as a line of its own.
        for word in p.split([' ', '\u{3000}', '\t']).filter(|w| !w.is_empty()) {
            let piece = squash(without_tag(word));
            // What stands above the line with the year is the title's only when it names the
            // body (巨鹿县官亭镇人民政府 / 2025年…年度报告), never a portal's toolbar (关怀版
            // 无障碍) or menu (首页).
            if !joined.is_empty() && find_year(&piece).is_some() && !names_a_body(&joined) {
                joined.clear();
            }
            joined.push_str(&piece);
            if joined.contains("年度报告")
                || joined.contains("年报")
                || joined.contains("政府信息公开工作报告")
            {
                // A menu or column name (政府信息公开年报) names no year: not the title.
                if !joined.contains("年度报告") && find_year(&joined).is_none() {
                    joined.clear();
                    continue;
                }
                title = Some(joined.clone());
                break 'lines;
            }
        }
    }
    let title = title
        .or_else(|| doc_title.map(squash))
        .or_else(|| sentence_title(&preamble));
    let mut info = TitleInfo {
        body: None,
        year: None,
        publisher: publisher.map(|p| squash(&p)),
        page_date: fields.date,
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
                before.split("政府信息公开").next().unwrap_or(before)
            };
            // `2022年度我局政府信息公开工作年度报告`.
            if !name.is_empty() && !speaks_of_itself(name) {
                info.body = Some(complete_body(name)).filter(|b| !b.is_empty());
            }
        } else if let Some(name) = t
            .split("政府信息公开")
            .next()
            .filter(|n| !n.is_empty() && !speaks_of_itself(n))
        {
            info.body = Some(complete_body(name)).filter(|b| !b.is_empty());
        }
    }
    if let Some(org) = preamble.iter().take(8).find(|p| org_line(p)) {
        info.body = Some(squash(org));
    }
    info
}

pub(super) fn first_year(sections: &[Vec<Cow<str>>; 6]) -> Option<i32> {
    let first = sections.first()?.first()?;
    let digits: String = first
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take(4)
        .collect();
    digits.parse().ok().filter(|y| (2000..=2100).contains(y))
}

/// The year the report's own words give where its title names none (a title set in a sentence
/// of the preamble, or left off the page): the statistical period it covers (`统计期限自2023年1月1日
/// 起至…`), or a year followed in the same clause by the report's name (`现公布区统计局2023年政府信息
/// 公开工作年度报告`). Looked for in the preamble and the first paragraphs of section 一, where
/// reports say it; the first paragraph's first year would take `2021` from the format's
/// circular (`国办公开办函〔2021〕30号`) or a year-old plan.
pub(super) fn year_in_words(preamble: &[Cow<str>], overview: &[Cow<str>]) -> Option<i32> {
    let paras = || {
        preamble
            .iter()
            .chain(overview.iter().take(6))
            .flat_map(|p| years(p).map(move |(_, year, end)| (year, &p[end..])))
    };
    let period_start = |after: &str| {
        let t = after.trim_start();
        ["1月1日", "01月01日", "1月01日", "１月１日", "一月一日"]
            .iter()
            .any(|d| t.starts_with(d))
    };
    paras()
        .find(|&(_, after)| period_start(after))
        .or_else(|| paras().find(|&(_, after)| report_name(after).is_some()))
        .map(|(year, _)| year)
}

/// Where a clause of `p` names the report (`年政府信息公开工作年度报告`) right after a year's 年:
/// the clause's length.
fn report_name(after: &str) -> Option<usize> {
    let clause = after.split(CLAUSE_ENDS).next().unwrap_or_default();
    let t = clause.trim_end();
    // The name ends the clause, or the 《》 round it: a notice about the reports
    // (`《关于做好2016年政府信息公开年度报告编制公布工作的通知》`) names no report.
    let name = t.strip_suffix('》').unwrap_or(t);
    (name.chars().count() <= 30 && name.contains("政府信息公开") && ends_as_report(name))
        .then_some(name.len())
}

/// The last words of a report's name: 年度报告, 年报, or 工作报告 as some bodies title theirs
/// (`自然资源部2024年政府信息公开工作报告`).
pub fn ends_as_report(name: &str) -> bool {
    ["年度报告", "年报", "工作报告"]
        .iter()
        .any(|end| name.ends_with(end))
}

/// A name set before the year (`中山市自然资源局政府信息公开工作2022年度报告`): the clause
/// before the year ends in 政府信息公开(工作), the one after it is the report's.
fn name_before_year(before: &str, after: &str) -> Option<usize> {
    let before = before.trim_end();
    if !(before.ends_with("政府信息公开工作") || before.ends_with("政府信息公开")) {
        return None;
    }
    let t = after
        .split(CLAUSE_ENDS)
        .next()
        .unwrap_or_default()
        .trim_end();
    let t = t.strip_suffix('》').unwrap_or(t);
    ["度报告", "度工作报告", "报"]
        .contains(&t)
        .then_some(t.len())
}

const CLAUSE_ENDS: [char; 8] = ['。', '，', ',', '；', ';', '：', ':', '、'];

/// The title a preamble sets in a sentence (`根据《条例》规定，现公布区统计局2023年政府信息公开
/// 工作年度报告。`): the clause from after its verb (公布, 编制, 公开 …) to the report's name.
fn sentence_title<S: AsRef<str>>(preamble: &[S]) -> Option<String> {
    const VERBS: [&str; 6] = ["公布", "编制", "公开", "发布", "形成", "报告"];
    preamble.iter().take(8).find_map(|p| {
        let p = p.as_ref();
        years(p).find_map(|(start, _, end)| {
            let clause_start = p[..start]
                .rfind(CLAUSE_ENDS)
                .map_or(0, |i| i + p[i..].chars().next().map_or(1, char::len_utf8));
            let before = &p[clause_start..start];
            let name_end =
                end + report_name(&p[end..]).or_else(|| name_before_year(before, &p[end..]))?;
            // A verb inside the name set before the year (`…局政府信息公开工作2022年度报告`)
            // is the name's.
            let verbs_in = before.find("政府信息公开").map_or(before, |i| &before[..i]);
            let name_start = VERBS
                .iter()
                .filter_map(|v| verbs_in.rfind(v).map(|i| i + v.len()))
                .max()
                .map_or(clause_start, |i| clause_start + i);
            // The body speaking of itself names nobody; the year stands.
            let name_start = if speaks_of_itself(&p[name_start..start]) {
                start
            } else {
                name_start
            };
            // The report's own name may stand in 《》 (`现发布《包头市市场监管局2022年…年度报告》`).
            let title = p[name_start..name_end].trim_start_matches('《');
            (!title.contains(['《', '》'])).then(|| squash(title))
        })
    })
}

/// The kind of disclosure report a title or preamble names when it is not a government's: a
/// university's (`某大学2022-2023学年信息公开工作年度报告`, `根据《高等学校信息公开办法》`).
pub(super) fn other_regime(preamble: &[Cow<str>], doc_title: Option<&str>) -> Option<&'static str> {
    const UNIVERSITY: &str = "高等学校信息公开年度报告（依《高等学校信息公开办法》编制）";
    let says = |p: &str| {
        let university = p.contains("高等学校信息公开")
            || p.contains("高校信息公开")
            || p.contains("学年") && p.contains("信息公开") && !p.contains("政府信息公开");
        university.then_some(UNIVERSITY)
    };
    doc_title
        .into_iter()
        .chain(preamble.iter().take(4).map(|p| p.as_ref()))
        .find_map(says)
}

/// A document about annual reports rather than one: an official notice, letter or reply whose
/// title says 关于 … and ends as such documents do (`关于做好2024年度政府信息公开工作年度报告
/// 有关事项的通知`, `关于政府信息公开年度报告有关项目填报问题的解释`). A title wrapped over
/// lines is read whole.
pub(super) fn about_reports(preamble: &[Cow<str>], doc_title: Option<&str>) -> bool {
    const ENDS: [&str; 9] = [
        "通知", "解释", "函", "意见", "批复", "答复", "办法", "规定", "要点",
    ];
    let official = |title: &str| {
        let t = squash(title);
        t.contains("关于") && t.contains("报告") && ENDS.iter().any(|e| t.ends_with(e))
    };
    // Most reports' opening lines say no 关于: nothing to join and squash.
    if !preamble.iter().take(3).any(|p| p.contains("关于"))
        && !doc_title.is_some_and(|t| t.contains("关于"))
    {
        return false;
    }
    let mut joined = String::new();
    let lines = preamble
        .iter()
        .map(|p| p.as_ref())
        .take_while(|p| p.chars().count() <= 60 && !p.contains(['。', '，', '：', ':']))
        .take(3);
    doc_title.is_some_and(official)
        || lines.into_iter().any(|p| {
            joined.push_str(p);
            official(&joined)
        })
}

/// Every year of `text` written before 年: where it starts, the year, and where its 年 ends.
fn years(text: &str) -> impl Iterator<Item = (usize, i32, usize)> {
    let mut from = 0;
    std::iter::from_fn(move || {
        let (start, end, year) = find_year(text.get(from..)?)?;
        let found = (from + start, year, from + end);
        from += end;
        Some(found)
    })
}

/// The year a report dated `published` (ISO) covers, where neither its title nor its opening
/// names one (a title set as a picture, or left off the page): a report covers the calendar
/// year that ended before it was published. Said in an info finding, as an inference.
pub(super) fn year_before(published: Option<&str>, findings: &mut Vec<Finding>) -> Option<i32> {
    let published = published?;
    let year = published.get(..4)?.parse::<i32>().ok()? - 1;
    findings.push(Finding::new(
        "year_inferred",
        Severity::Info,
        "year",
        format!("标题中未写明报告年度，按落款日期{published}推定为{year}年度"),
    ));
    Some(year)
}

mod named;
mod printed;

pub(super) use named::{compiled_by, short_named, speaker, whose_work};
pub(super) use printed::as_printed;

#[cfg(test)]
mod tests;
