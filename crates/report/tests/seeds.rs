//! The real reports of `fixtures/`: every cell read, exactly the findings they deserve.
#![allow(clippy::panic)]

use report::check::Severity;
use report::model::{Column, Format, RowKey};
use report::parse;

fn read(path: &str) -> (parse::Parsed, Vec<report::Finding>) {
    let bytes = std::fs::read(format!(
        "{}/tests/fixtures/{path}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture");
    report::read_and_check(&bytes).expect("parses")
}

fn rules(findings: &[report::Finding], min: Severity) -> Vec<&str> {
    let mut r: Vec<&str> = findings
        .iter()
        .filter(|f| f.severity >= min)
        .map(|f| f.rule.as_str())
        .collect();
    r.sort();
    r
}

fn zeros_except(parsed: &parse::Parsed, ones: &[RowKey], ones_cols: &[Column]) {
    for key in RowKey::ALL {
        for col in Column::ALL {
            let want = if ones.contains(&key) && ones_cols.contains(&col) {
                1.0
            } else {
                0.0
            };
            let got = parsed.report.table3.cell(key, col).map(|n| n.value());
            assert_eq!(got, Some(want), "{} {}", key.key(), col.key());
        }
    }
    assert!(
        parsed
            .report
            .table2
            .cells()
            .iter()
            .all(|c| c.map(|n| n.value()) == Some(0.0))
    );
    assert!(
        parsed
            .report
            .table4
            .0
            .iter()
            .all(|c| c.map(|n| n.value()) == Some(0.0))
    );
}

#[test]
fn seed_000_docx_text() {
    let (p, findings) = read("seeds/000_9f1a2ad731567797.txt");
    assert_eq!(p.report.body.as_deref(), Some("山亭区凫城镇人民政府"));
    assert_eq!(p.report.year, Some(2025));
    assert_eq!(p.report.format, Format::F2021);
    zeros_except(
        &p,
        &[RowKey::New, RowKey::Granted, RowKey::TotalProcessed],
        &[Column::Natural, Column::Total],
    );
    assert_eq!(rules(&findings, Severity::Info), vec!["sections"]);
    assert!(
        findings[0].message.contains("（1）"),
        "{}",
        findings[0].message
    );
    for i in 0..6 {
        assert!(p.report.sections.get(i).is_some(), "section {i}");
    }
}

#[test]
fn seed_004_pdf_text() {
    let (p, findings) = read("seeds/004_65a7a6ab8d8d0b4d.txt");
    assert_eq!(p.report.body.as_deref(), Some("巨鹿县官亭镇人民政府"));
    assert_eq!(p.report.year, Some(2025));
    zeros_except(&p, &[], &[]);
    assert_eq!(
        rules(&findings, Severity::Warning),
        vec!["fee_statement", "prior_year_rectification"]
    );
    // Nine rows print six figures for seven cells; all zeros, so the sums restore them.
    let restored: Vec<_> = findings.iter().filter(|f| f.rule == "restored").collect();
    assert_eq!(restored.len(), 9);
    assert!(restored.iter().all(|f| f.severity == Severity::Info));
    assert!(p.lost.is_empty());
}

/// The same report with table 四 cut out (as when it was printed as a picture): said once, and
/// nothing else changes.
#[test]
fn seed_004_without_table_4_says_so() {
    let text = std::fs::read_to_string(format!(
        "{}/tests/fixtures/seeds/004_65a7a6ab8d8d0b4d.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture");
    let heading = "四、政府信息公开行政复议、行政诉讼情况\n";
    let start = text.find(heading).expect("section 四") + heading.len();
    let end = start + text[start..].find("五、").expect("section 五");
    let cut = format!("{}{}", &text[..start], &text[end..]);
    let (p, findings) = report::read_and_check(cut.as_bytes()).expect("parses");
    assert!(p.report.table4.0.iter().all(Option::is_none));
    assert_eq!(
        rules(&findings, Severity::Warning),
        vec!["fee_statement", "prior_year_rectification", "sections"]
    );
    let said = findings
        .iter()
        .find(|f| f.rule == "sections")
        .expect("sections");
    assert_eq!(said.location, "table4");
    assert!(
        said.message.contains("表中数字未能核对"),
        "{}",
        said.message
    );
}

#[test]
fn shanghai_2019_html_every_cell() {
    let (p, findings) = read("examples/shanghai_bgt_2019.html");
    let expected: serde_json::Value = serde_json::from_slice(
        &std::fs::read(format!(
            "{}/tests/fixtures/examples/shanghai_bgt_2019.expected.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .expect("fixture"),
    )
    .expect("json");
    let got = serde_json::to_value(&p.report).expect("json");
    for key in ["body", "year", "table2", "table2_2019", "table4"] {
        assert_eq!(got[key], expected[key], "{key}");
    }
    for (key, row) in expected["table3"].as_object().expect("table3") {
        assert_eq!(&got["table3"][key], row, "table3.{key}");
    }
    assert_eq!(p.report.format, Format::Trial2019);
    assert_eq!(p.report.published.as_deref(), Some("2020-01-31"));
    let errors = rules(&findings, Severity::Error);
    // The blank 总计 cells of 11 outcome rows, the 总计 column's outcome sum, and the prose.
    assert_eq!(errors.iter().filter(|r| **r == "row_total").count(), 11);
    assert!(errors.contains(&"outcome_sum"));
    assert!(errors.contains(&"text_vs_table"));
    assert!(
        !errors.contains(&"balance"),
        "the 勾稽关系 holds in every column"
    );
    assert!(rules(&findings, Severity::Warning).contains(&"old_format"));
    let prose: Vec<_> = findings
        .iter()
        .filter(|f| f.rule == "text_vs_table")
        .map(|f| f.message.as_str())
        .collect();
    assert!(prose.iter().any(|m| m.contains("258")), "{prose:?}");
    assert!(prose.iter().any(|m| m.contains("265")), "{prose:?}");
    assert!(prose.iter().any(|m| m.contains("均获维持")), "{prose:?}");
}

#[test]
fn gbk_and_utf16_files_read_like_utf8() {
    let text = std::fs::read_to_string(format!(
        "{}/tests/fixtures/seeds/000_9f1a2ad731567797.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture");
    let (gbk, _, lossy) = encoding_rs::GB18030.encode(&text);
    assert!(!lossy);
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let want = parse::parse(text.as_bytes()).expect("utf-8").report;
    for (name, bytes) in [("gbk", gbk.to_vec()), ("utf-16", utf16)] {
        let got = parse::parse(&bytes)
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .report;
        assert_eq!(got, want, "{name}");
    }
}

#[test]
fn body_and_date_from_the_closing_signature() {
    let text = "关于2025年政府信息公开工作年度报告\n一、总体情况\n全年共收到政府信息公开申请0件。\n二、主动公开政府信息情况\n\
                三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n\
                （一）2024年问题整改情况，已整改。\n六、其他需要报告的事项\n未收取信息处理费。\n临城县自然资源局\n2026年1月20日\n";
    let r = parse::parse(text.as_bytes()).expect("parses").report;
    assert_eq!(r.body.as_deref(), Some("临城县自然资源局"));
    assert_eq!(r.year, Some(2025));
    assert_eq!(r.published.as_deref(), Some("2026-01-20"));
    assert_eq!(r.sections.other.as_deref(), Some("未收取信息处理费。"));
}

#[test]
fn a_title_without_its_year_takes_the_year_before_the_closing_date() {
    let bytes = std::fs::read(format!(
        "{}/tests/fixtures/seeds/000_9f1a2ad731567797.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture");
    let text = String::from_utf8(bytes).expect("utf-8");
    // The title as if its year were set as a picture, and an opening that names no year.
    let text = text
        .replacen(
            "山亭区凫城镇2025年政府信息公开",
            "山亭区凫城镇政府信息公开",
            1,
        )
        .replacen("2025年，我镇", "我镇", 1);
    let undated = report::read_and_check(text.as_bytes()).expect("parses");
    assert_eq!(undated.0.report.year, None);
    let dated = format!("{text}\n山亭区凫城镇人民政府\n2026年1月20日\n");
    let (p, findings) = report::read_and_check(dated.as_bytes()).expect("parses");
    assert_eq!(p.report.year, Some(2025));
    assert_eq!(p.report.published.as_deref(), Some("2026-01-20"));
    let inferred: Vec<_> = findings
        .iter()
        .filter(|f| f.rule == "year_inferred")
        .collect();
    assert_eq!(inferred.len(), 1, "{findings:?}");
    assert_eq!(inferred[0].severity, Severity::Info);
    // Nothing else changes: the findings the seed deserves, no more.
    assert_eq!(rules(&findings, Severity::Warning), vec!["sections"]);
}

/// A Word user's report as LibreOffice prints it (see `fixtures/printed/README.md`): section
/// numbers set apart from their words by a tab, long labels wrapped below their row's figures,
/// and the 总计 column cut off at the page's edge.
#[test]
fn word_list_numbering_and_labels_wrapped_below_their_figures() {
    let expected: serde_json::Value = serde_json::from_slice(
        &std::fs::read(format!(
            "{}/tests/fixtures/printed/word_list_numbering.expected.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .expect("fixture"),
    )
    .expect("json");
    for file in [
        "printed/word_list_numbering.layout.txt",
        "printed/word_list_numbering.ofd",
    ] {
        let (p, findings) = read(file);
        let got = serde_json::to_value(&p.report).expect("json");
        for key in ["table2", "table3", "table4"] {
            assert_eq!(got[key], expected[key], "{file}: {key}");
        }
        // Every section as written: the page's lines joined into their paragraphs (the first
        // line of each indented two characters), no piece of a wrapped label among them.
        assert_eq!(got["sections"], expected["sections"], "{file}: sections");
        // The seed's own warnings; the cut-off column restored, as info.
        assert_eq!(
            rules(&findings, Severity::Warning),
            vec!["fee_statement", "prior_year_rectification"],
            "{file}"
        );
        assert!(findings.iter().any(|f| f.rule == "restored"), "{file}");
    }
}

/// A portal's box of fields above the report dates it where the report has no closing date,
/// however the box was saved: a field and its value a line each, fields in one line, a tab row.
#[test]
fn a_portals_box_of_fields_dates_a_report_without_a_closing_date() {
    let seed = std::fs::read_to_string(format!(
        "{}/tests/fixtures/seeds/000_9f1a2ad731567797.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture");
    let (p, _) = report::read_and_check(seed.as_bytes()).expect("parses");
    assert_eq!(p.report.published, None);
    let body = p.report.body.clone();
    for box_ in [
        "索 引 号\n014416330/2026-04736\n发布机构\n山亭区凫城镇人民政府\n发文日期\n2026-02-10\n",
        "发布机构：山亭区凫城镇人民政府    发布日期：2026-02-10    浏览次数：35\n",
        "索 引 号\t0144/2026-04736\t分 类\t年报\n发布机构\t县政府办\t发布日期\t2026年2月10日\n",
    ] {
        let text = format!("{box_}{seed}");
        let (p, findings) = report::read_and_check(text.as_bytes()).expect("parses");
        assert_eq!(p.report.published.as_deref(), Some("2026-02-10"), "{box_}");
        // The title is still the title: the box's fields are not taken for it.
        assert_eq!(p.report.body, body, "{box_}");
        assert_eq!(p.report.year, Some(2025), "{box_}");
        assert!(
            findings.iter().any(|f| f.rule == "late_publication"),
            "{box_}: {findings:?}"
        );
    }
}
