//! Rule `text_vs_table`: a figure quoted in the narrative must agree with the tables.
//!
//! Only phrasings that name one cell (or one group of rows) unambiguously are read, so that a
//! sentence the checker does not understand is passed over rather than flagged.

use super::Finding;
use crate::model::{Num, Report, RowKey, Table3};

/// A phrase, and the rows whose total it quotes.
struct Claim {
    phrases: &'static [&'static str],
    rows: &'static [RowKey],
    what: &'static str,
}

use RowKey::*;

const OUTCOME_CLAIMS: &[Claim] = &[
    Claim {
        phrases: &[
            "予以公开及部分公开",
            "全部或部分公开",
            "全部公开和部分公开",
            "予以公开和部分公开",
            "予以公开或部分公开",
            "全部公开或部分公开",
        ],
        rows: &[Granted, PartlyGranted],
        what: "予以公开及部分公开",
    },
    Claim {
        phrases: &["予以公开"],
        rows: &[Granted],
        what: "予以公开",
    },
    Claim {
        phrases: &["部分公开"],
        rows: &[PartlyGranted],
        what: "部分公开",
    },
    Claim {
        phrases: &["不予公开"],
        rows: &[
            DeniedStateSecret,
            DeniedLawProhibits,
            DeniedThreeSafety,
            DeniedThirdParty,
            DeniedInternalAffairs,
            DeniedProcessInfo,
            DeniedEnforcementFile,
            DeniedAdminQuery,
        ],
        what: "不予公开",
    },
    Claim {
        phrases: &["无法提供"],
        rows: &[UnableNotHeld, UnableNeedsCreation, UnableUnclear],
        what: "无法提供",
    },
    Claim {
        phrases: &["不予处理"],
        rows: &[
            NotProcessedPetition,
            NotProcessedRepeat,
            NotProcessedPublication,
            NotProcessedMassive,
            NotProcessedReconfirm,
        ],
        what: "不予处理",
    },
];

/// A number and the percentage printed right after it, if any.
#[derive(Debug, PartialEq)]
pub(crate) struct Quoted {
    pub count: f64,
    pub percent: Option<percent::Percent>,
}

const STOPS: [char; 7] = ['。', '；', '，', ',', ';', '：', '、'];

/// The first `N件` within a few characters after `at` (no clause break between), with the
/// number of characters (spaces and line breaks not counted) between `at` and the figure.
pub(crate) fn count_after(text: &str, at: usize) -> Option<(Quoted, usize)> {
    let rest = text.get(at..)?;
    let mut chars = rest.char_indices().peekable();
    let mut skipped = 0;
    while let Some(&(i, c)) = chars.peek() {
        if c.is_ascii_digit() {
            let digits: String = rest[i..]
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == ',')
                .collect();
            let after = &rest[i + digits.len()..];
            let after = after.trim_start();
            if !after.starts_with('件') {
                return None;
            }
            let count: f64 = digits.replace(',', "").parse().ok()?;
            let percent = percent::percent_after(after.get('件'.len_utf8()..).unwrap_or(""));
            return Some((Quoted { count, percent }, skipped));
        }
        if STOPS.contains(&c) || skipped > 14 {
            return None;
        }
        // Text from PDFs wraps mid-sentence; a line break or space is not a clause break.
        if !c.is_whitespace() {
            skipped += 1;
        }
        chars.next();
    }
    None
}

/// The `skipped` characters [`count_after`] passed over from `at`, without the spaces and line
/// breaks it did not count (a PDF line may wrap between 收到政府 and 信息公开申请).
fn skipped_text(text: &str, at: usize, skipped: usize) -> String {
    text.get(at..)
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_whitespace())
        .take(skipped)
        .collect()
}

/// The stretches of text where a phrase can be followed by a count that [`count_after`] reads:
/// the few characters before each `N件`. Prose is long and quoted counts are few, so phrases are
/// looked for only there; a phrase anywhere else could not be read as a claim anyway.
pub(crate) struct Near<'t> {
    text: &'t str,
    windows: Vec<std::ops::Range<usize>>,
    /// Every phrase of [`PHRASES`] found in the windows: (index in PHRASES, byte offset), in
    /// order of where they end, so in order of where they start for any one phrase.
    found: Vec<(usize, usize)>,
}

/// Phrases before the number of applications received.
const RECEIVED: [&str; 3] = ["收到", "新收", "受理"];
/// Phrases before the cases carried over, the row they quote and its name in a message.
const CARRIED: [(&str, RowKey, &str); 2] = [
    ("上年结转", CarriedOver, "上年结转"),
    ("结转下年", CarriedForward, "结转下年度继续办理"),
];
/// Phrases before the number of reconsiderations and of lawsuits.
const REVIEW: [&str; 1] = ["行政复议"];
const LITIGATION: [&str; 2] = ["行政诉讼", "诉讼"];

/// Every phrase the rule reads a count after. A phrase missing here is still found, by a plain
/// search of the windows ([`Near::find`]), only more slowly.
static PHRASES: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    OUTCOME_CLAIMS
        .iter()
        .flat_map(|c| c.phrases.iter().copied())
        .chain(RECEIVED)
        .chain(CARRIED.map(|c| c.0))
        .chain(REVIEW)
        .chain(LITIGATION)
        .collect()
});

static PHRASE_FINDER: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
    std::sync::LazyLock::new(|| aho_corasick::AhoCorasick::new(PHRASES.iter()).ok());

/// Longest phrase looked for, in bytes.
const MAX_PHRASE: usize = 10 * 3;

impl<'t> Near<'t> {
    pub(crate) fn new(text: &'t str) -> Near<'t> {
        let mut windows: Vec<std::ops::Range<usize>> = Vec::new();
        for unit in memchr::memmem::find_iter(text.as_bytes(), "件".as_bytes()) {
            let before = text.get(..unit).unwrap_or_default();
            let run = before.trim_end();
            let figures = run.trim_end_matches(|c: char| c.is_ascii_digit() || c == ',');
            if figures.len() == run.len()
                || !run[figures.len()..].contains(|c: char| c.is_ascii_digit())
            {
                continue;
            }
            // Back over at most 16 characters that count_after would skip, stopping at a break.
            let mut start = figures.len();
            let mut counted = 0;
            for (i, c) in figures.char_indices().rev() {
                if STOPS.contains(&c) || counted > 15 {
                    break;
                }
                counted += usize::from(!c.is_whitespace());
                start = i;
            }
            let mut start = start.saturating_sub(MAX_PHRASE);
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            windows.push(start..unit);
        }
        windows.sort_by_key(|w| w.start);
        let mut merged: Vec<std::ops::Range<usize>> = Vec::with_capacity(windows.len());
        for w in windows {
            match merged.last_mut() {
                Some(last) if last.end >= w.start => last.end = last.end.max(w.end),
                _ => merged.push(w),
            }
        }
        // One automaton pass per window finds every phrase at once; overlapping, because
        // phrases nest (予以公开 in 予以公开及部分公开, 诉讼 in 行政诉讼).
        let mut found = Vec::new();
        if let Some(ac) = PHRASE_FINDER.as_ref() {
            for w in &merged {
                let hay = text.get(w.clone()).unwrap_or_default();
                found.extend(
                    ac.find_overlapping_iter(hay)
                        .map(|m| (m.pattern().as_usize(), w.start + m.start())),
                );
            }
        }
        Near {
            text,
            windows: merged,
            found,
        }
    }

    /// Where `phrase` occurs inside the windows, in order: read from what the automaton
    /// found, or (a phrase it does not know) searched for. One of the two iterators is empty,
    /// which saves boxing whichever is taken.
    fn find<'a>(&'a self, phrase: &'a str) -> impl Iterator<Item = usize> + 'a {
        let known = PHRASES
            .iter()
            .position(|p| *p == phrase)
            .filter(|_| PHRASE_FINDER.is_some());
        let found = known.map(|id| {
            self.found
                .iter()
                .filter(move |(p, _)| *p == id)
                .map(|&(_, at)| at)
        });
        let searched = known.is_none().then(|| {
            self.windows.iter().flat_map(move |w| {
                self.text
                    .get(w.clone())
                    .unwrap_or_default()
                    .match_indices(phrase)
                    .map(move |(i, _)| w.start + i)
            })
        });
        found
            .into_iter()
            .flatten()
            .chain(searched.into_iter().flatten())
    }
}

fn row_total(t: &Table3, key: RowKey) -> Option<f64> {
    let row = t.row(key)?;
    if let Some(total) = row[6] {
        return Some(total.value());
    }
    sum_of(row.iter().take(6).flatten().map(|n| n.value()))
}

/// The sum of `values` as `Iterator::sum` adds them (from -0.0, which adds nothing), None
/// when there are none; without collecting them first.
fn sum_of(values: impl Iterator<Item = f64>) -> Option<f64> {
    values.fold(None, |sum, v| Some(sum.unwrap_or(-0.0) + v))
}

fn rows_total(t: &Table3, rows: &[RowKey]) -> Option<f64> {
    sum_of(rows.iter().filter_map(|&k| row_total(t, k)))
}

fn show(x: f64) -> String {
    Num::new(x).map_or_else(|| x.to_string(), |n| n.to_string())
}

pub(super) fn check(report: &Report, narrative: &super::Narrative, out: &mut Vec<Finding>) {
    let text = narrative.all();
    let t = &report.table3;
    let bases = percent::Bases {
        processed: row_total(t, TotalProcessed),
        new: row_total(t, New),
        carried: row_total(t, CarriedOver),
    };
    let near = Near::new(text);
    let mut consumed: Vec<(usize, usize)> = Vec::new();
    for claim in OUTCOME_CLAIMS {
        let Some(table) = rows_total(t, claim.rows) else {
            continue;
        };
        for phrase in claim.phrases {
            for at in near.find(phrase) {
                if consumed.iter().any(|&(s, e)| at >= s && at < e) {
                    continue;
                }
                let end = at + phrase.len();
                let Some((q, skipped)) = count_after(text, end) else {
                    continue;
                };
                consumed.push((at, end));
                // "予以公开或部分公开10件" quotes two rows together: not this claim.
                let between = skipped_text(text, end, skipped);
                let lead = when::clause_before(text, at);
                if ["公开", "不予", "无法", "处理", "结转", "其他"]
                    .iter()
                    .any(|w| between.contains(w))
                    || when::of_another_year(lead, &between, report.year)
                    || when::a_part(lead)
                {
                    continue;
                }
                if (q.count - table).abs() > 1e-9 {
                    out.push(Finding::error(
                        "text_vs_table",
                        "sections",
                        format!(
                            "正文称“{}{}件”，但表三{}合计为{}",
                            claim.what,
                            show(q.count),
                            claim.what,
                            show(table)
                        ),
                    ));
                }
                if let Some(p) = &q.percent {
                    percent::check(claim.what, q.count, p, &bases, out);
                }
            }
        }
    }
    received(&near, report, out);
    appeals(&near, report, out);
    let (reviews, lawsuits) = appeal_totals(report);
    let counted = none_said::Counted {
        new: row_total(t, New),
        reviews,
        lawsuits,
    };
    none_said::check(text, report.year, &counted, out);
}

/// Table 四's reconsiderations, and its lawsuits of both kinds; None for a group not read.
fn appeal_totals(report: &Report) -> (Option<f64>, Option<f64>) {
    let t4 = &report.table4;
    let group_total = |g: usize| -> Option<f64> {
        let cells = t4.group(g);
        if cells.iter().all(Option::is_none) {
            return None;
        }
        Some(match cells[4] {
            Some(n) => n.value(),
            None => cells.iter().take(4).flatten().map(|n| n.value()).sum(),
        })
    };
    let lawsuits = match (group_total(1), group_total(2)) {
        (None, None) => None,
        (a, b) => Some(a.unwrap_or(0.0) + b.unwrap_or(0.0)),
    };
    (group_total(0), lawsuits)
}

fn received(near: &Near<'_>, report: &Report, out: &mut Vec<Finding>) {
    let text = near.text;
    let t = &report.table3;
    let new = row_total(t, New);
    let carried = row_total(t, CarriedOver).unwrap_or(0.0);
    for phrase in RECEIVED {
        for at in near.find(phrase) {
            let Some((q, skipped)) = count_after(text, at + phrase.len()) else {
                continue;
            };
            let between = skipped_text(text, at + phrase.len(), skipped);
            if when::not_all_applications(&between)
                || between.contains("结转")
                || when::of_another_year(when::clause_before(text, at), &between, report.year)
            {
                continue;
            }
            let Some(new) = new else { continue };
            if (q.count - new).abs() > 1e-9 && (q.count - new - carried).abs() > 1e-9 {
                out.push(Finding::error(
                    "text_vs_table",
                    "table3.new",
                    format!(
                        "正文称收到政府信息公开申请{}件，但表三“本年新收”总计为{}",
                        show(q.count),
                        show(new)
                    ),
                ));
            }
        }
    }
    for (phrase, key, label) in CARRIED {
        let Some(table) = row_total(t, key) else {
            continue;
        };
        for at in near.find(phrase) {
            let Some((q, skipped)) = count_after(text, at + phrase.len()) else {
                continue;
            };
            let between = skipped_text(text, at + phrase.len(), skipped);
            if when::of_another_year(when::clause_before(text, at), &between, report.year) {
                continue;
            }
            if (q.count - table).abs() > 1e-9 {
                out.push(Finding::error(
                    "text_vs_table",
                    format!("table3.{}", key.key()),
                    format!("正文称{label}{}件，但表三为{}", show(q.count), show(table)),
                ));
            }
        }
    }
}

fn appeals(near: &Near<'_>, report: &Report, out: &mut Vec<Finding>) {
    let text = near.text;
    let (review, litigation) = appeal_totals(report);
    for (phrases, table, label, loc) in [
        (&REVIEW[..], review, "行政复议", "table4[0..5]"),
        (&LITIGATION[..], litigation, "行政诉讼", "table4[5..15]"),
    ] {
        let Some(table) = table else { continue };
        let mut seen = Vec::new();
        for phrase in phrases {
            for at in near.find(phrase) {
                if seen.contains(&(at + phrase.len())) {
                    continue;
                }
                seen.push(at + phrase.len());
                let Some((q, skipped)) = count_after(text, at + phrase.len()) else {
                    continue;
                };
                let between = skipped_text(text, at + phrase.len(), skipped);
                let lead = when::clause_before(text, at);
                if skipped > 4
                    || when::of_another_year(lead, &between, report.year)
                    || when::not_the_group(lead, phrase, &between)
                {
                    continue;
                }
                if (q.count - table).abs() > 1e-9 {
                    out.push(Finding::error(
                        "text_vs_table",
                        loc,
                        format!("正文称{label}{}件，但表四为{}", show(q.count), show(table)),
                    ));
                }
            }
        }
    }
    all_upheld(text, report, out);
}

/// 「均获维持」: every case upheld, so nothing corrected, other or pending.
fn all_upheld(text: &str, report: &Report, out: &mut Vec<Finding>) {
    const UPHELD: [&str; 4] = ["均获维持", "均被维持", "全部维持", "均维持"];
    // Most reports never say so: one look for 维持 spares splitting the text into sentences.
    if memchr::memmem::find(text.as_bytes(), "维持".as_bytes()).is_none() {
        return;
    }
    let claims = text.split(['。', '；', '\n']).any(|s| {
        (s.contains("复议") || s.contains("诉讼")) && UPHELD.iter().any(|p| s.contains(p))
    });
    if !claims {
        return;
    }
    let not_upheld: f64 = (0..3)
        .flat_map(|g| report.table4.group(g).into_iter().skip(1).take(3))
        .flatten()
        .map(|n| n.value())
        .sum();
    if not_upheld > 0.0 {
        out.push(Finding::error(
            "text_vs_table",
            "table4",
            format!(
                "正文称复议、诉讼案件均获维持，但表四有{}件为纠正、其他结果或尚未审结",
                show(not_upheld)
            ),
        ));
    }
}

mod none_said;
mod percent;
mod when;

#[cfg(test)]
mod tests;
