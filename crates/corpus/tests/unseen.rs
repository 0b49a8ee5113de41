//! Reports the engine has never seen, in every layout: every cell right, every broken sum found,
//! no false alarm.
#![allow(clippy::panic)]

mod common;

use corpus::layouts::Layout;
use corpus::{Defect, Rng, generate, inject};
use report::check::Severity;
use report::parse;

fn read(bytes: &[u8]) -> (parse::Parsed, Vec<report::Finding>) {
    report::read_and_check(bytes).unwrap_or_else(|e| panic!("does not parse: {e}"))
}

/// Keeps the input of a failing case where it can be looked at (called only when an assertion fails).
fn keep(bytes: &[u8], what: &str) -> String {
    let path = std::env::temp_dir().join(format!("gongkai-failed-{}.txt", what.replace(' ', "-")));
    let _ = std::fs::write(&path, bytes);
    path.display().to_string()
}

/// No finding above info: no error, no warning.
fn nothing_serious(findings: &[report::Finding], what: &str) {
    let serious: Vec<_> = findings
        .iter()
        .filter(|f| f.severity > Severity::Info)
        .collect();
    assert!(serious.is_empty(), "{what}: {serious:#?}");
}

fn same_tables(want: &report::Report, got: &report::Report, bytes: &[u8], what: &str) {
    assert_eq!(
        got.body,
        want.body,
        "{what}: body; input in {}",
        keep(bytes, what)
    );
    assert_eq!(
        got.year,
        want.year,
        "{what}: year; input in {}",
        keep(bytes, what)
    );
    assert_eq!(
        got.table2,
        want.table2,
        "{what}: table 二; input in {}",
        keep(bytes, what)
    );
    for key in report::RowKey::ALL {
        assert_eq!(
            got.table3.row(key),
            want.table3.row(key),
            "{what}: table 三 {}; input in {}",
            key.key(),
            keep(bytes, what)
        );
    }
    assert_eq!(
        got.table4,
        want.table4,
        "{what}: table 四; input in {}",
        keep(bytes, what)
    );
}

/// Every section reads back as written: a PDF's wrapped lines joined into their paragraphs,
/// headings on lines of their own, and no piece of a table's broken labels or header in the
/// narrative of sections 二–四. (A line break a wrap left after a full stop is not told from a
/// paragraph's end. Full-width punctuation is compared folded, as a web page's text may have
/// it.)
fn same_narrative(want: &report::Report, got: &report::Report, bytes: &[u8], what: &str) {
    let plain = |s: &str| {
        let joined = s
            .lines()
            .map(str::trim)
            .collect::<Vec<_>>()
            .join("\n")
            .replace("。\n", "。")
            .replace("；\n", "；")
            .replace("：\n", "：");
        corpus::layouts::fold_width(&joined)
            .replace(";\n", ";")
            .replace(":\n", ":")
    };
    for i in 0..6 {
        let (w, g) = (want.sections.get(i), got.sections.get(i));
        if g.map(plain) != w.map(plain) {
            panic!(
                "{what}: section {i}\n read {g:?}\n wrote {w:?}\n input in {}",
                keep(bytes, what)
            );
        }
    }
}

#[test]
fn clean_reports_read_back_exactly_with_no_finding() {
    for seed in 0..60u64 {
        let mut rng = Rng::new(seed);
        let g = generate(&mut rng, 2020 + (seed % 6) as i32);
        for layout in Layout::ALL {
            let mut bytes = layout.write(&g.report, &mut rng);
            // Every third text file comes from Windows, with CRLF line ends.
            if seed % 3 == 0 && layout != Layout::Docx {
                bytes = String::from_utf8_lossy(&bytes)
                    .replace('\n', "\r\n")
                    .into_bytes();
            }
            // Every fifth had each line end doubled on the way (pasted through an editor that
            // makes every line a paragraph).
            if seed % 5 == 1 && !matches!(layout, Layout::Docx | Layout::Html) {
                bytes = String::from_utf8_lossy(&bytes)
                    .replace('\n', "\n\n")
                    .into_bytes();
            }
            let what = format!("seed {seed} {}", layout.name());
            let (parsed, findings) = read(&bytes);
            same_tables(&g.report, &parsed.report, &bytes, &what);
            same_narrative(&g.report, &parsed.report, &bytes, &what);
            nothing_serious(&findings, &what);
        }
    }
}

#[test]
fn every_seeded_defect_is_found_in_every_layout() {
    for seed in 0..60u64 {
        let mut rng = Rng::new(1000 + seed);
        let mut g = generate(&mut rng, 2024);
        let defect = Defect::ALL[seed as usize % Defect::ALL.len()];
        let rule = inject(&mut g.report, defect, &mut rng);
        // Every layout must find exactly what the checker finds in the report itself: a claim
        // missed where a printed line wraps would otherwise hide behind the ones found.
        let mut want: Vec<String> = report::check::check(&g.report)
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| f.message)
            .collect();
        want.sort();
        for layout in Layout::ALL {
            let bytes = layout.write(&g.report, &mut rng);
            let what = format!("seed {seed} {defect:?} {}", layout.name());
            let (parsed, findings) = read(&bytes);
            same_tables(&g.report, &parsed.report, &bytes, &what);
            let errors: Vec<&str> = findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .map(|f| f.rule.as_str())
                .collect();
            assert!(errors.contains(&rule), "{what}: {errors:?}");
            assert!(
                errors.iter().all(|e| *e == rule),
                "{what}: only {rule} expected, got {errors:?}"
            );
            let mut said: Vec<String> = findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .map(|f| f.message.clone())
                .collect();
            said.sort();
            assert_eq!(said, want, "{what}");
        }
    }
}

#[test]
fn trial_2019_reports_are_read_as_far_as_they_go_and_flagged() {
    for seed in 0..30u64 {
        let mut rng = Rng::new(5000 + seed);
        let g = corpus::generate_trial(&mut rng, 2019);
        for layout in Layout::ALL {
            let bytes = layout.write(&g.report, &mut rng);
            let what = format!("seed {seed} {}", layout.name());
            let (parsed, findings) = read(&bytes);
            same_tables(&g.report, &parsed.report, &bytes, &what);
            assert_eq!(parsed.report.format, report::Format::Trial2019, "{what}");
            assert_eq!(
                parsed.report.table2_2019, g.report.table2_2019,
                "{what}: table 二 (2019)"
            );
            assert_eq!(
                parsed.report.table3.other_single_2019, g.report.table3.other_single_2019,
                "{what}: （六）其他处理"
            );
            let serious: Vec<&str> = findings
                .iter()
                .filter(|f| f.severity > Severity::Info)
                .map(|f| f.rule.as_str())
                .collect();
            assert_eq!(serious, vec!["old_format"], "{what}");
        }
    }
}

/// The DOCX with its `word/document.xml` rewritten by `f`.
fn with_document(docx: &[u8], f: impl Fn(&str) -> String) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("our DOCX");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).expect("entry");
        let name = file.name().to_string();
        let mut data = Vec::new();
        file.read_to_end(&mut data).expect("read");
        if name == "word/document.xml" {
            data = f(&String::from_utf8(data).expect("utf-8")).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .expect("entry");
        out.write_all(&data).expect("write");
    }
    out.finish().expect("zip").into_inner()
}

/// A DOCX whose whole body stands in a one-cell table (a frame some templates draw round the
/// page): the frame is layout, and the tables inside it are read as tables.
fn framed(docx: &[u8]) -> Vec<u8> {
    with_document(docx, |xml| {
        let start = xml.find("<w:body>").expect("body") + "<w:body>".len();
        let end = xml.rfind("<w:sectPr").expect("sectPr");
        format!(
            "{}<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/></w:tblPr><w:tr><w:tc>{}<w:p/></w:tc></w:tr></w:tbl>{}",
            &xml[..start],
            &xml[start..end],
            &xml[end..]
        )
    })
}

/// A DOCX whose every paragraph that opens with 一、 … 六、 (the section headings) is joined
/// with the paragraph after it, as a PDF-to-Word converter (pdf2docx) joins a heading and the
/// line below it: `四、政府信息公开行政复议、行政诉讼情况全年因…`. A table's cell (`四、结转下年度
/// 继续办理`) is followed by no paragraph and stays as it is.
fn headings_joined(docx: &[u8]) -> Vec<u8> {
    with_document(docx, |xml| {
        let mut out = String::with_capacity(xml.len());
        let mut rest = xml;
        while let Some(at) = ["一、", "二、", "三、", "四、", "五、", "六、"]
            .iter()
            .filter_map(|h| rest.find(&format!(">{h}")))
            .min()
        {
            let Some(end) = rest[at..].find("</w:p>").map(|i| at + i) else {
                break;
            };
            let after = &rest[end + "</w:p>".len()..];
            if !(after.starts_with("<w:p ") || after.starts_with("<w:p>")) {
                out.push_str(&rest[..end + "</w:p>".len()]);
                rest = after;
                continue;
            }
            // The next paragraph's opening and its properties go; its runs join the heading's.
            let first_run = after.find("<w:r>").or_else(|| after.find("<w:r "));
            let skip = match (after.find("</w:pPr>"), first_run) {
                (Some(p), Some(r)) if p < r => p + "</w:pPr>".len(),
                _ => after.find('>').expect("tag") + 1,
            };
            out.push_str(&rest[..end]);
            rest = &after[skip..];
        }
        out.push_str(rest);
        out
    })
}

/// Generated DOCX files rewritten by `rewrite` read back exactly, with no finding above info.
fn rewritten_docx_reads_back(kind: &str, rewrite: fn(&[u8]) -> Vec<u8>) {
    for seed in 0..12u64 {
        let mut rng = Rng::new(seed);
        let g = generate(&mut rng, 2020 + (seed % 6) as i32);
        let bytes = rewrite(&Layout::Docx.write(&g.report, &mut rng));
        let what = format!("seed {seed} docx, {kind}");
        let (parsed, findings) = read(&bytes);
        same_tables(&g.report, &parsed.report, &bytes, &what);
        same_narrative(&g.report, &parsed.report, &bytes, &what);
        assert!(
            findings.iter().all(|f| f.severity == Severity::Info),
            "{what}: {findings:#?}"
        );
    }
}

#[test]
fn headings_joined_to_the_paragraph_below_read_back_exactly() {
    rewritten_docx_reads_back("headings joined", headings_joined);
}

#[test]
fn docx_framed_in_a_layout_table_reads_back_exactly() {
    rewritten_docx_reads_back("framed", framed);
}

/// A body that made no 规章 and took no decision leaves table 二 blank, and one that had no
/// review and no suit leaves table 四 blank. In every layout both tables are there: where a
/// blank cell is kept as a cell (a DOCX, a web page, Markdown, a DOCX's text) by their rows of
/// blank cells, and where it is nothing at all (a PDF's text) by table 二's labels standing
/// alone and table 四's header with no figure after it. No finding says they are missing, and
/// none is raised. (Text copied from a browser used to run the heading after such a table into
/// its last row, and lose sections 三 and 五.)
#[test]
fn a_table_left_all_blank_is_not_missing() {
    let shown = Layout::ALL;
    for seed in 0..6u64 {
        let mut rng = Rng::new(300 + seed);
        let mut g = generate(&mut rng, 2025);
        g.report.table2 = report::model::Table2::default();
        g.report.table4 = report::model::Table4::default();
        for layout in shown {
            let bytes = layout.write(&g.report, &mut rng);
            let what = format!("seed {seed} {} tables 二 and 四 blank", layout.name());
            let (parsed, findings) = read(&bytes);
            same_tables(&g.report, &parsed.report, &bytes, &what);
            assert_eq!(parsed.tables_seen, [true; 3], "{what}");
            nothing_serious(&findings, &what);
        }
    }
}

/// Many bodies leave the zeros of their tables blank. In every layout, such a report is read
/// with no cell wrong and no false error: a blank cell that text shows as an empty line, a bare
/// pipe or nothing at all never moves a figure into another column (an office suite's text put
/// a row's figures one column to the left when its first cells were blank, and the checker
/// reported the row's total as wrong). Where figures cannot be placed, they stay unread, and a
/// warning says which table lost them, in every layout.
#[test]
fn zeros_left_blank_are_never_misread() {
    for layout in Layout::ALL {
        let (mut unread, mut figures) = (0, 0);
        for seed in 0..40u64 {
            let mut rng = Rng::new(700 + seed);
            let want = common::zeros_blank(&generate(&mut rng, 2025).report);
            let bytes = layout.write(&want, &mut rng);
            let what = format!("seed {seed} {} zeros blank", layout.name());
            let (parsed, findings) = read(&bytes);
            let got = &parsed.report;
            let mut pairs: Vec<(&str, report::Cell, report::Cell)> = Vec::new();
            for key in report::RowKey::ALL {
                let w = want.table3.row(key).copied().unwrap_or([None; 7]);
                let g = got.table3.row(key).copied().unwrap_or([None; 7]);
                pairs.extend(w.into_iter().zip(g).map(|(w, g)| ("table3", w, g)));
            }
            let t2 = want.table2.cells().into_iter().zip(got.table2.cells());
            pairs.extend(t2.map(|(w, g)| ("table2", w, g)));
            let t4 = want.table4.0.into_iter().zip(got.table4.0);
            pairs.extend(t4.map(|(w, g)| ("table4", w, g)));
            for (table, w, g) in pairs {
                figures += usize::from(w.is_some());
                match (w, g) {
                    (_, Some(g)) => {
                        assert_eq!(w, Some(g), "{what}: {table}; in {}", keep(&bytes, &what))
                    }
                    (Some(_), None) => {
                        unread += 1;
                        let warned = findings.iter().any(|f| {
                            f.severity >= Severity::Warning && f.location.starts_with(table)
                        });
                        assert!(
                            warned,
                            "{what}: {table} lost a figure silently; in {}",
                            keep(&bytes, &what)
                        );
                    }
                    (None, None) => {}
                }
            }
            let errors: Vec<_> = findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .collect();
            assert!(
                errors.is_empty(),
                "{what}: {errors:#?}; in {}",
                keep(&bytes, &what)
            );
        }
        assert!(figures > 500, "{}: only {figures} figures", layout.name());
        // The layouts that keep a blank cell as a cell read every figure.
        if matches!(
            layout,
            Layout::Docx | Layout::Html | Layout::Markdown | Layout::CellPerLine | Layout::TabRows
        ) {
            assert_eq!(unread, 0, "{}", layout.name());
        }
    }
}

/// Text of a PDF whose pages each start with the report's title (a running header), or with a
/// flipbook's caption and page mark (`Page 3 - <title>` / `P. 3`), wherever a page breaks:
/// inside a table, between a label and its figures, mid-paragraph. Neither is the report's.
#[test]
fn running_headers_and_page_captions_are_not_the_reports_text() {
    for seed in 0..40u64 {
        let mut rng = Rng::new(9000 + seed);
        let g = generate(&mut rng, 2020 + (seed % 6) as i32);
        for layout in [Layout::TabRows, Layout::Aligned, Layout::Spaced] {
            let text = String::from_utf8_lossy(&layout.write(&g.report, &mut rng)).into_owned();
            let lines: Vec<&str> = text.lines().collect();
            // The title whole, as a running header prints it where the title page broke it.
            let title_lines = lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty());
            let mut title = String::new();
            for l in title_lines.take(2) {
                title.push_str(l);
                if l.contains("年度报告") {
                    break;
                }
            }
            let flipbook = seed % 2 == 1;
            let page = 25 + rng.below(20) as usize;
            let mut out = String::new();
            for (i, line) in lines.iter().enumerate() {
                if i % page == 0 {
                    let n = i / page + 1;
                    if flipbook {
                        out.push_str(&format!("Page {n} - {title}\nP. {n}\n"));
                    } else if i > 0 {
                        out.push_str(&format!("{title}\n"));
                    }
                }
                out.push_str(line);
                out.push('\n');
            }
            let what = format!("seed {seed} {} with page headers", layout.name());
            let (parsed, findings) = read(out.as_bytes());
            same_tables(&g.report, &parsed.report, out.as_bytes(), &what);
            same_narrative(&g.report, &parsed.report, out.as_bytes(), &what);
            nothing_serious(&findings, &what);
        }
    }
}

/// A portal page saved with the box of fields its catalogue prints above the article (索引号,
/// 分类 that says 年报, 发布机构, 发文日期, 文号 and 有效性 left empty): none of it is the title,
/// and the report reads as without it.
#[test]
fn a_portals_field_box_is_not_the_title() {
    let fields = [
        ("索 引 号", "014416330/2025-04736"),
        ("分 类", "政府信息公开年报 综合政务"),
        ("发布机构", "县政府办"),
        ("发文日期", "2025-02-28"),
        ("文 号", ""),
        ("有 效 性", ""),
    ];
    for seed in 0..30u64 {
        let mut rng = Rng::new(11_000 + seed);
        let g = generate(&mut rng, 2020 + (seed % 6) as i32);
        for layout in [Layout::Html, Layout::WebText, Layout::BrowserCopy] {
            let text = String::from_utf8_lossy(&layout.write(&g.report, &mut rng)).into_owned();
            let pairs = fields.chunks(2);
            let boxed = match layout {
                Layout::Html => {
                    let rows: String = pairs
                        .map(|p| {
                            let cells: String = p
                                .iter()
                                .map(|(f, v)| format!("<td>{f}</td><td>{v}</td>"))
                                .collect();
                            format!("<tr>{cells}</tr>")
                        })
                        .collect();
                    let at = text
                        .find("<body")
                        .and_then(|b| text[b..].find('>').map(|e| b + e + 1));
                    let Some(at) = at else {
                        panic!("seed {seed}: no body in {text}")
                    };
                    format!("{}<table>{rows}</table>{}", &text[..at], &text[at..])
                }
                Layout::WebText => {
                    let rows: String = pairs
                        .map(|p| {
                            let cells: Vec<String> = p
                                .iter()
                                .flat_map(|(f, v)| [f.to_string(), v.to_string()])
                                .filter(|c| !c.is_empty())
                                .map(|c| format!("{c} |"))
                                .collect();
                            cells.join(" ") + "\n"
                        })
                        .collect();
                    rows + &text
                }
                _ => {
                    let rows: String = pairs
                        .map(|p| {
                            let cells: Vec<String> = p
                                .iter()
                                .flat_map(|(f, v)| [f.to_string(), v.to_string()])
                                .collect();
                            cells.join("\t") + "\n"
                        })
                        .collect();
                    rows + &text
                }
            };
            let what = format!("seed {seed} {} with the portal's fields", layout.name());
            let (parsed, findings) = read(boxed.as_bytes());
            same_tables(&g.report, &parsed.report, boxed.as_bytes(), &what);
            same_narrative(&g.report, &parsed.report, boxed.as_bytes(), &what);
            nothing_serious(&findings, &what);
        }
    }
}

/// A portal's 繁體 version of a report page, saved as a page or as its text: read as the
/// report in simplified characters, every cell and every section's text.
#[test]
fn a_report_in_traditional_characters_reads_as_in_simplified() {
    for seed in 0..20u64 {
        let mut rng = Rng::new(12_000 + seed);
        let g = generate(&mut rng, 2020 + (seed % 6) as i32);
        for layout in Layout::ALL {
            if layout == Layout::Docx {
                continue;
            }
            let text = String::from_utf8_lossy(&layout.write(&g.report, &mut rng)).into_owned();
            let written = parse::traditional::traditional(&text);
            assert_ne!(written, text);
            let what = format!("seed {seed} {} in traditional characters", layout.name());
            let (parsed, findings) = read(written.as_bytes());
            same_tables(&g.report, &parsed.report, written.as_bytes(), &what);
            same_narrative(&g.report, &parsed.report, written.as_bytes(), &what);
            nothing_serious(&findings, &what);
        }
    }
}

/// A portal's page saved as text: every paragraph and table cell followed by an empty line, and
/// a line break inside a header cell (`本年制发` / `件数`) kept as a single line end. The
/// wrapped headers are read as the cells they are, and every figure stays in its column.
#[test]
fn a_pages_cells_with_line_breaks_inside_read_back_exactly() {
    const WRAPPED: [(&str, &str); 8] = [
        ("本年制发件数", "本年制发\n件数"),
        ("现行有效件数", "现行有效\n件数"),
        ("本年处理决定数量", "本年处理\n决定数量"),
        ("社会公益组织", "社会公益\n组织"),
        ("法律服务机构", "法律服务\n机构"),
        ("本年新制作数量", "本年新\n制作数量"),
        ("本年新公开数量", "本年新\n公开数量"),
        ("上一年项目数量", "上一年\n项目数量"),
    ];
    let paged = |bytes: &[u8]| {
        let mut text = String::from_utf8_lossy(bytes).replace('\n', "\n\n");
        for (cell, wrapped) in WRAPPED {
            text = text.replace(&format!("\n{cell}\n"), &format!("\n{wrapped}\n"));
        }
        text.into_bytes()
    };
    for seed in 0..20u64 {
        let mut rng = Rng::new(7000 + seed);
        let trial = seed % 4 == 3;
        let g = if trial {
            corpus::generate_trial(&mut rng, 2019)
        } else {
            generate(&mut rng, 2021 + (seed % 5) as i32)
        };
        for layout in [Layout::OfficeText, Layout::CellPerLine] {
            let bytes = paged(&layout.write(&g.report, &mut rng));
            let what = format!("seed {seed} {} as a page", layout.name());
            assert!(
                String::from_utf8_lossy(&bytes).contains("件数\n\n") || trial,
                "{what}: a header wrapped"
            );
            let (parsed, findings) = read(&bytes);
            same_tables(&g.report, &parsed.report, &bytes, &what);
            assert_eq!(
                parsed.report.table2_2019, g.report.table2_2019,
                "{what}: table 二 (2019)"
            );
            if !trial {
                nothing_serious(&findings, &what);
            }
        }
    }
}
