//! The checker: every rule of `spec/annual-report.md`, each finding with its rule id, severity,
//! the cell or text it concerns and a message in Chinese a clerk understands.

mod cross_year;
mod sections;
mod tables;
mod text_vs_table;
mod unread;

use serde::{Deserialize, Serialize};

use crate::model::{Column, Report, RowKey};

pub use cross_year::check_series;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// One thing the checker (or a parser) has to say about a report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub rule: String,
    pub severity: Severity,
    #[serde(rename = "where")]
    pub location: String,
    pub message: String,
}

impl Finding {
    pub fn new(
        rule: &str,
        severity: Severity,
        location: impl Into<String>,
        message: impl Into<String>,
    ) -> Finding {
        Finding {
            rule: rule.to_string(),
            severity,
            location: location.into(),
            message: message.into(),
        }
    }

    pub fn error(rule: &str, location: impl Into<String>, message: impl Into<String>) -> Finding {
        Finding::new(rule, Severity::Error, location, message)
    }

    pub fn warning(rule: &str, location: impl Into<String>, message: impl Into<String>) -> Finding {
        Finding::new(rule, Severity::Warning, location, message)
    }
}

/// What the checker should know beyond the report itself.
#[derive(Clone, Debug, Default)]
pub struct Context {
    /// Table-三 cells that extraction lost (not printed blank): identities through them are not judged.
    pub lost: Vec<(RowKey, Column)>,
    /// The deadline for publication when a local notice sets one earlier than 31 January.
    pub deadline: Option<String>,
    /// Tables 二, 三 and 四 stood in the source with every cell blank, where the report holds
    /// only nulls: not a missing table ([`crate::parse::Parsed::tables_seen`]).
    pub tables_seen: [bool; 3],
}

impl Context {
    fn is_lost(&self, key: RowKey, col: Column) -> bool {
        self.lost.contains(&(key, col))
    }
}

/// Checks one report on its own.
pub fn check(report: &Report) -> Vec<Finding> {
    check_with(report, &Context::default())
}

pub fn check_with(report: &Report, ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let narrative = Narrative::of(report);
    unread::check(report, ctx, &mut out);
    tables::check(report, ctx, &mut out);
    text_vs_table::check(report, &narrative, &mut out);
    sections::check(report, ctx, &narrative, &mut out);
    out
}

/// The narrative unwrapped once ([`unwrap_lines`]) for every rule that reads phrases in it:
/// the sections one after another, kept apart by a full stop so that no claim runs from one
/// into the next.
pub(crate) struct Narrative {
    text: String,
    sections: [Option<std::ops::Range<usize>>; 6],
}

impl Narrative {
    pub(crate) fn of(report: &Report) -> Narrative {
        // Unwrapping only drops bytes (and adds a full stop between sections): sized once.
        let size = (0..6)
            .filter_map(|i| report.sections.get(i))
            .map(|s| s.len() + '。'.len_utf8())
            .sum();
        let mut text = String::with_capacity(size);
        let mut sections: [Option<std::ops::Range<usize>>; 6] = Default::default();
        for (i, range) in sections.iter_mut().enumerate() {
            let Some(section) = report.sections.get(i) else {
                continue;
            };
            if !text.is_empty() {
                text.push('。');
            }
            let start = text.len();
            unwrap_lines(section, &mut text);
            *range = Some(start..text.len());
        }
        Narrative { text, sections }
    }

    pub(crate) fn all(&self) -> &str {
        &self.text
    }

    /// Section `i` (0 for 一), unwrapped; None where the report has no such section.
    pub(crate) fn section(&self, i: usize) -> Option<&str> {
        let range = self.sections.get(i)?.clone()?;
        self.text.get(range)
    }
}

/// A narrative's lines trimmed and joined, appended to `out`, full-width digits (１２件) made
/// ASCII. Text from PDFs wraps mid-phrase (予以|公开, 信息处|理费, 上|年度), so phrases are
/// looked for in the joined text; sentences end at their punctuation, not at a line's end.
pub(crate) fn unwrap_lines(text: &str, out: &mut String) {
    let start = out.len();
    for line in crate::parse::text::split_at(text, b'\n') {
        out.push_str(crate::parse::trim(line));
    }
    if has_full_width_digit(&out.as_bytes()[start..]) {
        let folded: String = out[start..]
            .chars()
            .map(|c| match c {
                '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
                _ => c,
            })
            .collect();
        out.truncate(start);
        out.push_str(&folded);
    }
}

/// `０`..`９` are U+FF10..U+FF19, encoded EF BC 90..99. (EF BC alone is no sign: the
/// full-width comma and brackets of every Chinese sentence share it.)
fn has_full_width_digit(bytes: &[u8]) -> bool {
    memchr::memmem::find_iter(bytes, &[0xEF, 0xBC])
        .any(|i| bytes.get(i + 2).is_some_and(|b| (0x90..=0x99).contains(b)))
}

/// True when any finding is an error: the report contradicts itself.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

#[cfg(test)]
mod tests {
    #[test]
    fn lines_joined_and_full_width_digits_folded() {
        for (text, want) in [
            (
                "收到政府\n  信息公开申请１２件，",
                "收到政府信息公开申请12件，",
            ),
            ("（一）主动公开，\n无", "（一）主动公开，无"),
            ("", ""),
        ] {
            let mut out = String::from("前");
            super::unwrap_lines(text, &mut out);
            assert_eq!(out, format!("前{want}"), "{text}");
        }
    }
}
