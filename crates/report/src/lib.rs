//! The annual report on government information disclosure (政府信息公开工作年度报告),
//! in the national 2021 format (国办公开办函〔2021〕30号), and the 2019 trial format as far as it goes.
//!
//! This crate owns the one typed model of a report ([`Report`]), the checker that finds what a
//! report gets wrong ([`check`]), the parsers for every form in which reports arrive ([`parse`])
//! and the renderers that write them ([`render`]). It does no IO: bytes in, bytes out, so the
//! command line, the server and the fuzzers all drive the same code.

pub mod check;
pub mod model;
pub mod parse;
pub mod render;

pub use check::{Finding, Severity};
pub use model::{Cell, Column, Format, Num, Report, RowKey, Sections, Table2, Table3, Table4};

/// Reads a report from a file's bytes and checks it: the reading's own findings (cells restored,
/// sections out of order) first, then the checker's. Identities through cells that extraction
/// lost are not judged.
pub fn read_and_check(bytes: &[u8]) -> Result<(parse::Parsed, Vec<Finding>), parse::ParseError> {
    let parsed = parse::parse(bytes)?;
    let ctx = check::Context {
        lost: parsed.lost.clone(),
        tables_seen: parsed.tables_seen,
        ..check::Context::default()
    };
    let mut findings = parsed.findings.clone();
    findings.extend(check::check_with(&parsed.report, &ctx));
    Ok((parsed, findings))
}
