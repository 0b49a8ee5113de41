//! Reports as a Word user puts them on a portal: the HTML Word writes on "Save as Web Page"
//! (`word_html.py`: MsoNormal paragraphs instead of headings, section numbers as list numbering
//! set apart by a tab, long cells in several paragraphs, a GB2312 page, table 三 broken in two
//! at a page with its header repeated; tables as wide as the page), read as it is, as
//! LibreOffice opens it and saves it as
//! DOCX, as LibreOffice prints it and as Chromium prints it, its margins included (read in
//! pure Rust and from `pdftotext -layout`): every cell and every section's words come back, and
//! nothing raises an error.
#![allow(clippy::panic)]

mod common;

use common::{docx_files, error_rules, pdftotext_of, python, workdir};

/// A section's words, whatever lines they stand on.
fn words(s: Option<&str>) -> String {
    s.unwrap_or_default()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn reads_back(bytes: &[u8], want: &report::model::Report, name: &str) {
    let parsed = report::parse::parse(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    let got = &parsed.report;
    assert_eq!(got.table2, want.table2, "{name} table 二");
    for key in report::RowKey::ALL {
        assert_eq!(
            got.table3.row(key),
            want.table3.row(key),
            "{name} table 三 {}",
            key.key()
        );
    }
    assert_eq!(got.table4, want.table4, "{name} table 四");
    for i in 0..6 {
        assert_eq!(
            words(got.sections.get(i)),
            words(want.sections.get(i)),
            "{name} section {i}"
        );
    }
    let errors = error_rules(&parsed);
    assert!(errors.is_empty(), "{name}: {errors:?}");
}

#[test]
fn word_web_pages_read_back_in_every_form() {
    let dir = workdir("word-html");
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/word_html.py");
    // The clean reports of the 2021 format.
    let cases: Vec<_> = docx_files(&dir)
        .into_iter()
        .filter(|c| c.rule.is_none() && c.want.format == report::model::Format::F2021)
        .collect();
    assert!(cases.len() >= 3, "{} cases", cases.len());
    let mut pages = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        let (ours, word) = (
            format!("r{}.html", case.seed),
            format!("w{}.html", case.seed),
        );
        std::fs::write(dir.join(&ours), report::render::html(&case.want)).expect("write");
        let modes: &[&str] = match i % 3 {
            0 => &["lists", "split", "fit"],
            1 => &["lists", "gbk", "fit"],
            _ => &["lists", "gbk", "breaktable", "fit"],
        };
        let mut args = vec![script, ours.as_str(), word.as_str()];
        args.extend(modes);
        python(&dir, &args, &word);
        let bytes = std::fs::read(dir.join(&word)).unwrap_or_else(|e| panic!("{word}: {e}"));
        reads_back(&bytes, &case.want, &word);
        pages.push(word);
    }
    for to in ["pdf", "docx:MS Word 2007 XML"] {
        common::soffice(&dir, to, &pages);
    }
    for (i, case) in cases.iter().enumerate() {
        for ext in ["docx", "pdf"] {
            let name = format!("w{}.{ext}", case.seed);
            let bytes = std::fs::read(dir.join(&name)).unwrap_or_else(|e| panic!("{name}: {e}"));
            reads_back(&bytes, &case.want, &name);
        }
        // A table broken in two sets its second part without the header's widths, so narrow
        // that `pdftotext` runs its figures together (`0000000`): only the glyphs part them.
        if i % 3 != 2 {
            let pdf = format!("w{}.pdf", case.seed);
            let text = pdftotext_of(&dir, &pdf, &["-layout"]);
            reads_back(&text, &case.want, &format!("{pdf} (pdftotext -layout)"));
        }
        // The page as a browser prints it, its margins carrying the date, the page's address
        // and the page count, which the text runs into the report's lines.
        let printed = format!("c{}.pdf", case.seed);
        let bytes = common::chromium_pdf(&dir, &format!("w{}.html", case.seed), &printed);
        reads_back(&bytes, &case.want, &printed);
        if i % 3 != 2 {
            let text = pdftotext_of(&dir, &printed, &["-layout"]);
            reads_back(&text, &case.want, &format!("{printed} (pdftotext -layout)"));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The Shanghai report of the examples (2019 trial format; blank cells everywhere, its 总计
/// column left blank) put through Word's HTML and printed by LibreOffice: every row of table
/// 三 lands where the page itself puts it — rows that print no figure and whose labels the
/// narrow cells cut before their words are placed by their numbers — and the checker finds
/// the same errors in table 三 and the narrative as on the page.
#[test]
fn the_shanghai_report_through_word_and_libreoffice_keeps_its_rows() {
    let dir = workdir("word-shanghai");
    let page = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../report/tests/fixtures/examples/shanghai_bgt_2019.html"
    ))
    .expect("fixture");
    let want = report::parse::parse(&page).expect("the page").report;
    std::fs::write(dir.join("r.html"), report::render::html(&want)).expect("write");
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/word_html.py");
    python(
        &dir,
        &[script, "r.html", "w.html", "lists", "split", "fit"],
        "w.html",
    );
    common::soffice(&dir, "pdf", &["w.html".to_string()]);
    let bytes = std::fs::read(dir.join("w.pdf")).expect("w.pdf");
    let (got, findings) = report::read_and_check(&bytes).expect("w.pdf");
    for key in report::RowKey::ALL {
        assert_eq!(
            got.report.table3.row(key),
            want.table3.row(key),
            "{}",
            key.key()
        );
    }
    let (_, on_page) = report::read_and_check(&page).expect("the page");
    let errors = |f: &[report::Finding]| -> Vec<String> {
        f.iter()
            .filter(|f| {
                f.severity == report::check::Severity::Error && !f.location.starts_with("table4")
            })
            .map(|f| f.message.clone())
            .collect()
    };
    assert_eq!(errors(&findings), errors(&on_page));
    let _ = std::fs::remove_dir_all(&dir);
}

/// The same with the zeros of the tables left blank, as many bodies print them: LibreOffice's
/// PDF reads back every cell in pure Rust, and its `pdftotext -layout` text, which keeps no
/// trace of a blank cell, reads no figure into a wrong cell (what it cannot place it leaves);
/// Chromium's print of the page, read in pure Rust, gives every cell too.
#[test]
fn word_web_pages_with_blank_zeros_read_nothing_wrong() {
    let dir = workdir("word-blank");
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/word_html.py");
    // Reports of their own (31001 has figures in one column of 法人或其他组织 alone, which
    // `pdftotext` draws under the next column's header; Chromium's prints set a figure's
    // digits three quarters of an em apart, `2 7` for 27).
    let cases: Vec<_> = (31_000..31_004u64)
        .chain(40_000..40_008)
        .chain([60_003, 60_007, 80_009, 80_010])
        .map(|seed| {
            let mut rng = corpus::Rng::new(seed);
            (
                seed,
                common::zeros_blank(&corpus::generate(&mut rng, 2025).report),
            )
        })
        .collect();
    let mut pages = Vec::new();
    for (seed, want) in &cases {
        let (ours, word) = (format!("r{seed}.html"), format!("w{seed}.html"));
        std::fs::write(dir.join(&ours), report::render::html(want)).expect("write");
        // 60003 and 60007 keep Word's cell widths (no `fit`): the header's long words packed
        // into one line, where `pdftotext` draws 其他 over 法律服务机构's figures. 80009 keeps
        // them too, its headings plain: in `pdftotext -layout` of Chromium's print a figure of
        // 社会公益组织 stands under 其他 (80010, fitted: under 社会公益组织, one of 科研's).
        let modes: &[&str] = match *seed {
            80_009 => &["split"],
            s if s < 60_000 || s == 80_010 => &["lists", "split", "fit"],
            _ => &["lists", "split", "gbk"],
        };
        let mut args = vec![script, ours.as_str(), word.as_str()];
        args.extend_from_slice(modes);
        python(&dir, &args, &word);
        pages.push(word);
    }
    common::soffice(&dir, "pdf", &pages);
    for (seed, want) in &cases {
        let pdf = format!("w{seed}.pdf");
        let bytes = std::fs::read(dir.join(&pdf)).unwrap_or_else(|e| panic!("{pdf}: {e}"));
        every_table3_cell(&bytes, want, &pdf);
        let text = pdftotext_of(&dir, &pdf, &["-layout"]);
        no_cell_wrong(&text, want, &format!("{pdf} (pdftotext -layout)"));
        // The same page printed by Chromium, read in pure Rust. Chromium sets a cell's digits
        // a fifth of an em above its label's first line, as near a piece of the merged cell
        // 三、本年度办理结果 above (`年`, `结果`) as the label below: every cell still.
        let printed = format!("c{seed}.pdf");
        let bytes = common::chromium_pdf(&dir, &format!("w{seed}.html"), &printed);
        every_table3_cell(&bytes, want, &printed);
        no_cell_wrong(&bytes, want, &printed);
        // Its `pdftotext -layout` text, where a figure under the header cell 法人或其他组织 may
        // stand right of its column's words: none in a wrong cell.
        let text = pdftotext_of(&dir, &printed, &["-layout"]);
        no_cell_wrong(&text, want, &format!("{printed} (pdftotext -layout)"));
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// `bytes` read give every cell of table 三 as `want` has it (a row of blank cells may come
/// back as a row not printed: no figure).
fn every_table3_cell(bytes: &[u8], want: &report::model::Report, name: &str) {
    let got = report::parse::parse(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    let cell = |t: &report::model::Table3, key: report::RowKey, col: usize| {
        t.row(key).and_then(|r| r[col])
    };
    for key in report::RowKey::ALL {
        for col in 0..7 {
            assert_eq!(
                cell(&got.report.table3, key, col),
                cell(&want.table3, key, col),
                "{name} {} {col}",
                key.key()
            );
        }
    }
}

/// `bytes` read give no figure another cell than `want`'s (what they cannot place they may
/// leave), and raise no error.
fn no_cell_wrong(bytes: &[u8], want: &report::model::Report, name: &str) {
    let got = report::parse::parse(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    let agree = |got: &[report::model::Cell], want: &[report::model::Cell], what: &str| {
        for (i, (g, w)) in got.iter().zip(want).enumerate() {
            if g.is_some() {
                assert_eq!(g, w, "{name} {what} {i}");
            }
        }
    };
    agree(&got.report.table2.cells(), &want.table2.cells(), "table 二");
    agree(&got.report.table4.0, &want.table4.0, "table 四");
    for key in report::RowKey::ALL {
        if let Some(row) = got.report.table3.row(key) {
            let wanted = want.table3.row(key).copied().unwrap_or([None; 7]);
            agree(row, &wanted, key.key());
        }
    }
    assert!(
        error_rules(&got).is_empty(),
        "{name}: {:?}",
        error_rules(&got)
    );
}
