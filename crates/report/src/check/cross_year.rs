//! Rules across consecutive years of one body: `carry_over_mismatch`, `in_force_drift`,
//! `copied_text`.

use std::collections::HashSet;

use super::Finding;
use crate::model::{Column, Num, Report, RowKey};

/// The share of this year's narrative (as 6-character shingles, digits blanked so that changed
/// years and counts do not hide a copy) that also stands in last year's, from 0 to 1.
pub fn copied_share(this: &str, last: &str) -> f64 {
    let a = shingles(this);
    if a.is_empty() {
        return 0.0;
    }
    let b: HashSet<_> = shingles(last).into_iter().collect();
    let hits = a.iter().filter(|s| b.contains(*s)).count();
    hits as f64 / a.len() as f64
}

const SHINGLE: usize = 6;

fn shingles(text: &str) -> Vec<Vec<char>> {
    let chars: Vec<char> = text
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_ascii_punctuation())
        .map(|c| if c.is_ascii_digit() { '0' } else { c })
        .collect();
    let set: HashSet<&[char]> = chars.windows(SHINGLE).collect();
    set.into_iter().map(<[char]>::to_vec).collect()
}

/// Share above which a narrative counts as copied.
pub const COPIED_THRESHOLD: f64 = 0.7;

/// Checks each report against the same body's report of the year before, where the slice holds
/// one. Returns the findings in the order of `reports`.
pub fn check_series(reports: &[&Report]) -> Vec<Vec<Finding>> {
    // Each name made a key once, not once for every report it is weighed against.
    let keyed: Vec<Keyed> = reports
        .iter()
        .map(|r| (*r, r.body.as_deref().map(body_key)))
        .collect();
    keyed
        .iter()
        .map(|this| {
            prior(this, &keyed)
                .map(|last| compare(this.0, last))
                .unwrap_or_default()
        })
        .collect()
}

/// A report and its body's [`body_key`].
type Keyed<'r> = (&'r Report, Option<String>);

/// The same body's report of the year before: named alike, or else the one report of that year
/// whose name ends with this one's or which this one's ends with (a title that names
/// 凫城镇人民政府 one year and 山亭区凫城镇人民政府 the next; never 教育局 where two districts'
/// 教育局 could be meant).
fn prior<'r>(this: &Keyed<'_>, reports: &[Keyed<'r>]) -> Option<&'r Report> {
    let key = this.1.as_deref()?;
    let year = this.0.year? - 1;
    let last_year: Vec<(&Report, &str)> = reports
        .iter()
        .filter(|(r, _)| r.year == Some(year))
        .filter_map(|(r, k)| Some((*r, k.as_deref()?)))
        .collect();
    if let Some((r, _)) = last_year.iter().find(|(_, k)| *k == key) {
        return Some(r);
    }
    let mut within = last_year.iter().filter(|(_, k)| {
        let (short, long) = if k.len() < key.len() {
            (*k, key)
        } else {
            (key, *k)
        };
        short.chars().count() >= 3 && long.ends_with(short)
    });
    match (within.next(), within.next()) {
        (Some((r, _)), None) => Some(r),
        _ => None,
    }
}

/// A body's name with what its reports write differently from year to year taken out: spaces,
/// and the 人民政府 that a township's or district's name may or may not end with.
fn body_key(body: &str) -> String {
    let name: String = body.chars().filter(|c| !c.is_whitespace()).collect();
    match name.strip_suffix("人民政府") {
        Some(place) if !place.is_empty() => place.to_string(),
        _ => name,
    }
}

fn compare(this: &Report, last: &Report) -> Vec<Finding> {
    let mut out = Vec::new();
    let last_year = last.year.unwrap_or_default();
    let mut diffs = Vec::new();
    for col in Column::ALL {
        let (Some(now), Some(then)) = (
            this.table3.cell(RowKey::CarriedOver, col),
            last.table3.cell(RowKey::CarriedForward, col),
        ) else {
            continue;
        };
        if now != then {
            diffs.push(format!(
                "“{}”列本年上年结转{now}，{last_year}年报告结转下年度{then}",
                col.label()
            ));
        }
    }
    if !diffs.is_empty() {
        out.push(Finding::warning(
            "carry_over_mismatch",
            "table3.carried_over",
            format!("表三{}", diffs.join("；")),
        ));
    }
    let (t, l) = (&this.table2, &last.table2);
    for (name, key, now, prev, issued, repealed) in [
        (
            "规章",
            "rules_in_force",
            t.rules_in_force,
            l.rules_in_force,
            t.rules_issued,
            t.rules_repealed,
        ),
        (
            "行政规范性文件",
            "normative_in_force",
            t.normative_in_force,
            l.normative_in_force,
            t.normative_issued,
            t.normative_repealed,
        ),
    ] {
        let (Some(now), Some(prev), Some(issued), Some(repealed)) = (now, prev, issued, repealed)
        else {
            continue;
        };
        let expected = prev.value() + issued.value() - repealed.value();
        if (now.value() - expected).abs() > 1e-9 {
            let exp = Num::new(expected).map_or_else(String::new, |n| n.to_string());
            out.push(Finding::warning(
                "in_force_drift",
                format!("table2.{key}"),
                format!("表二{name}现行有效{now}件，但{last_year}年现行有效{prev}+本年制发{issued}−本年废止{repealed}={exp}件"),
            ));
        }
    }
    let share = copied_share(&this.sections.all_text(), &last.sections.all_text());
    if share >= COPIED_THRESHOLD {
        out.push(Finding::warning(
            "copied_text",
            "sections",
            format!(
                "正文约{:.0}%与{last_year}年报告相同，疑似照搬上年内容",
                share * 100.0
            ),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(body: &str, year: i32) -> Report {
        Report {
            body: Some(body.to_string()),
            year: Some(year),
            ..Report::default()
        }
    }

    /// Which of last year's reports each of this year's is compared with.
    #[test]
    fn a_body_is_matched_across_years_however_its_name_is_written() {
        let cases: [(&str, &[&str], Option<usize>); 7] = [
            ("凫城镇人民政府", &["凫城镇人民政府"], Some(0)),
            (
                "山亭区凫城镇人民政府",
                &["凫城镇", "山亭区西集镇人民政府"],
                Some(0),
            ),
            ("凫城镇", &["山亭区 凫城镇人民政府"], Some(0)),
            (
                "枣庄市山亭区人民政府",
                &["山亭区人民政府", "山亭区凫城镇人民政府"],
                Some(0),
            ),
            // Two districts' bureaus: which is meant cannot be told.
            ("教育局", &["甲区教育局", "乙区教育局"], None),
            // The exact name wins over a name it ends with.
            ("甲区教育局", &["教育局", "甲区教育局"], Some(1)),
            ("山亭区人民政府办公室", &["山亭区人民政府"], None),
        ];
        // Where in `all` the report compared with `this` stands.
        let prior_of = |this: &Report, all: &[&Report]| {
            let keyed: Vec<Keyed> = all
                .iter()
                .map(|r| (*r, r.body.as_deref().map(body_key)))
                .collect();
            let this = (this, this.body.as_deref().map(body_key));
            prior(&this, &keyed).and_then(|p| all.iter().position(|r| std::ptr::eq(*r, p)))
        };
        for (now, before, want) in cases {
            let this = report(now, 2025);
            let last: Vec<Report> = before.iter().map(|b| report(b, 2024)).collect();
            let mut all: Vec<&Report> = last.iter().collect();
            all.push(&this);
            assert_eq!(prior_of(&this, &all), want, "{now} among {before:?}");
        }
        // Another year is never the year before.
        let (this, other) = (report("凫城镇", 2025), report("凫城镇", 2023));
        assert!(prior_of(&this, &[&other, &this]).is_none());
    }

    #[test]
    fn identical_text_is_fully_copied_and_years_do_not_hide_it() {
        let last =
            "2024年，我镇严格落实政府信息公开条例，全年主动公开信息153条，依申请公开办理及时规范。";
        let this =
            "2025年，我镇严格落实政府信息公开条例，全年主动公开信息168条，依申请公开办理及时规范。";
        assert!(copied_share(this, last) > 0.95);
        assert!(copied_share("今年全面推进政务公开标准化规范化建设取得实效", last) < 0.2);
    }
}
