use super::title::year_before;
use super::{extract, figures_only};
use crate::check::Severity;

#[test]
fn a_blank_table_s_header_and_labels_are_not_prose() {
    // pdf-extract's text of table 二 with every cell blank: a header row runs onto the
    // first row's label.
    let text = "一、总体情况\n本年度，我镇扎实推进政务公开。\n二、主动公开政府信息情况\n\
        第二十条第（一）项\n信息内容 本年制发件数 本年废止件数 现行有效件数规章\n\
        行政规范性文件\n第二十条第（八）项\n\
        信息内容 本年收费金额（单位：万元）行政事业性收费\n\
        三、收到和处理政府信息公开申请情况\n";
    let (doc, _) = crate::parse::text::read(text);
    let report = extract(&doc).report;
    assert_eq!(report.sections.get(1).map(str::trim), Some(""));
    assert_eq!(
        report.sections.get(0),
        Some("本年度，我镇扎实推进政务公开。")
    );
    // Chromium's print: the heading runs into the caption, and the header's first cell wraps.
    let text = "一、总体情况\n本年度，我镇扎实推进政务公开。\n\
        二、\u{a0}\u{a0}\u{a0}\u{a0} 主动公开政府信息情况\n 第二十条第（一）项\n\n信息\n\
        内容 本年制发件数 本年废止件数 现行有效件数\n规章 1 0 0\n\
        三、收到和处理政府信息公开申请情况\n";
    let (doc, _) = crate::parse::text::read(text);
    let report = extract(&doc).report;
    assert_eq!(report.sections.get(1).map(str::trim), Some(""));
}

#[test]
fn a_report_without_a_year_in_its_title_covers_the_year_before_its_date() {
    let mut findings = Vec::new();
    assert_eq!(year_before(Some("2026-01-20"), &mut findings), Some(2025));
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].rule, "year_inferred");
    assert_eq!(findings[0].severity, Severity::Info);
    assert!(
        findings[0].message.contains("2025年度"),
        "{}",
        findings[0].message
    );
    findings.clear();
    assert_eq!(year_before(None, &mut findings), None);
    assert_eq!(year_before(Some("20x6-01-20"), &mut findings), None);
    assert!(findings.is_empty());
}

#[test]
fn a_title_in_a_sentence_of_the_preamble_gives_the_year() {
    // A portal page whose title is only in the site's template: the preamble's sentence names
    // the report, and section 一 opens with a sub-heading.
    let text = "根据《中华人民共和国政府信息公开条例》规定，现公布区统计局2023年政府信息公开工作年度报告。本报告由六部分组成。\n\
        一、总体情况\n\
        （一）主动公开情况\n\
        我局主动公开政府信息50条。\n";
    let (doc, _) = crate::parse::text::read(text);
    assert_eq!(extract(&doc).report.year, Some(2023));
}

#[test]
fn lines_of_figures_alone() {
    for (line, want) in [
        ("2 2", true),
        ("1  0 1", true),
        ("0.5 12", true),
        ("3", false),
        ("2025 年", false),
        ("行政复议 2 2", false),
        ("", false),
    ] {
        assert_eq!(figures_only(line), want, "{line:?}");
    }
}

#[test]
fn table_3_printed_with_every_cell_blank_is_seen() {
    // A township's table 三 left blank (no application all year), as a PDF's text gives it:
    // the labels, one per line, and no figure.
    let mut text = String::from(
        "三、收到和处理政府信息公开申请情况\n申请人情况\n自然人\n法人或其他组织\n总计\n",
    );
    for key in crate::model::RowKey::ALL {
        text.push_str(key.label());
        text.push('\n');
    }
    text.push_str("四、政府信息公开行政复议、行政诉讼情况\n行政复议\n");
    let (doc, _) = crate::parse::text::read(&text);
    let ex = extract(&doc);
    assert!(ex.report.table3.is_empty());
    assert!(ex.tables_seen[1], "{:?}", ex.tables_seen);
}
