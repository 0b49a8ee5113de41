//! Reports printed to PDF by other programs' own layout engines — portal pages by MuPDF's and
//! Chromium's, our DOCX by LibreOffice — read back in pure Rust (and by `pdftotext -layout`):
//! no cell is wrong, nothing raises a false alarm, and blank cells come back blank.
#![allow(clippy::panic)]

mod common;

use std::process::Command;

use common::{docx_files, nothing_wrong, pdftotext, pdftotext_of, python, workdir, zeros_blank};

/// `case`'s report as our HTML, set in a PDF (`rSEED.pdf`) by one of our Python scripts in
/// `tests/`: its name and bytes.
fn html_set_by(dir: &std::path::Path, script: &str, case: &common::Case) -> (String, Vec<u8>) {
    let script = format!("{}/tests/{script}", env!("CARGO_MANIFEST_DIR"));
    let (html, pdf) = (
        format!("r{}.html", case.seed),
        format!("r{}.pdf", case.seed),
    );
    std::fs::write(dir.join(&html), report::render::html(&case.want)).expect("write");
    python(dir, &[&script, &html, &pdf], &pdf);
    let bytes = std::fs::read(dir.join(&pdf)).unwrap_or_else(|e| panic!("{pdf}: {e}"));
    (pdf, bytes)
}

/// Our HTML printed to PDF by MuPDF's own layout engine (`html_to_pdf_mupdf.py`), which lays
/// out merged cells its own way and can leave rows of table 三 out of the PDF: read in pure
/// Rust and by `pdftotext -layout`, no cell is wrong and no error is raised — a row the PDF
/// lacks is missing, never filled with another row's figures.
#[test]
fn mupdf_pdfs_read_nothing_wrong() {
    let dir = workdir("mupdf");
    for case in docx_files(&dir).into_iter().take(4) {
        let (pdf, bytes) = html_set_by(&dir, "html_to_pdf_mupdf.py", &case);
        let layout = pdftotext(&dir, case.seed, &["-layout"]);
        for (form, input) in [("pure Rust", bytes), ("pdftotext -layout", layout)] {
            let name = format!("{pdf} ({form})");
            let parsed = report::parse::parse(&input).unwrap_or_else(|e| panic!("{name}: {e}"));
            nothing_wrong(&parsed, &case, &name);
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Our HTML set in a PDF by ReportLab (`html_to_pdf_reportlab.py`), in its built-in Chinese
/// font, which the PDF names without carrying it, in Adobe's predefined `UniGB-UCS2-H`
/// encoding (the extractor reads neither, and used to give up on the file): read in pure Rust,
/// every cell of every table comes back, and by `pdftotext -layout` nothing is read wrong.
#[test]
fn reportlab_pdfs_in_an_unembedded_font_read_back() {
    let dir = workdir("reportlab");
    for case in docx_files(&dir).into_iter().take(4) {
        let (pdf, bytes) = html_set_by(&dir, "html_to_pdf_reportlab.py", &case);
        let parsed = report::parse::parse(&bytes).unwrap_or_else(|e| panic!("{pdf}: {e}"));
        nothing_wrong(&parsed, &case, &pdf);
        let got = &parsed.report;
        assert_eq!(got.table2, case.want.table2, "{pdf} table 二");
        assert_eq!(got.table3, case.want.table3, "{pdf} table 三");
        assert_eq!(got.table4, case.want.table4, "{pdf} table 四");
        let layout = pdftotext(&dir, case.seed, &["-layout"]);
        let name = format!("{pdf} (pdftotext -layout)");
        let parsed = report::parse::parse(&layout).unwrap_or_else(|e| panic!("{name}: {e}"));
        nothing_wrong(&parsed, &case, &name);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A portal page printed to PDF by Chromium, which puts the date, the time and the window's
/// title in the top margin and the address and page count in the bottom one. The page shows no
/// title and no signature (as a page whose banner is a picture), so the body is named only by
/// the window's title: it is read from the margin, and the margins' lines are nowhere in the
/// sections. Read in pure Rust and by `pdftotext -layout`.
#[test]
fn chromium_prints_read_nothing_wrong() {
    let dir = workdir("chromium");
    for case in docx_files(&dir).into_iter().take(3) {
        let html = report::render::html(&case.want);
        let untitled = strip_between(
            &strip_between(&html, "<h1>", "</h1>"),
            "<p class=\"date\">",
            "</p>",
        );
        let name = format!("r{}.html", case.seed);
        std::fs::write(dir.join(&name), untitled).expect("write");
        let pdf = common::chromium_pdf(&dir, &name, &format!("r{}.pdf", case.seed));
        let layout = pdftotext(&dir, case.seed, &["-layout"]);
        for (form, input) in [("pure Rust", pdf), ("pdftotext -layout", layout)] {
            let name = format!("{name} printed ({form})");
            let parsed = report::parse::parse(&input).unwrap_or_else(|e| panic!("{name}: {e}"));
            nothing_wrong(&parsed, &case, &name);
            let got = &parsed.report;
            assert_eq!(
                (&got.body, got.year),
                (&case.want.body, case.want.year),
                "{name}"
            );
            for text in (0..6).filter_map(|i| got.sections.get(i)) {
                assert!(
                    !text.contains("file:") && !text.contains(" AM") && !text.contains(" PM"),
                    "{name}: {text}"
                );
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// `text` without the first `open`…`close` and what stands between them.
fn strip_between(text: &str, open: &str, close: &str) -> String {
    match text
        .find(open)
        .and_then(|a| Some((a, a + text[a..].find(close)? + close.len())))
    {
        Some((a, b)) => format!("{}{}", &text[..a], &text[b..]),
        None => text.to_string(),
    }
}

/// Table 二's rows of three in `report` with a figure and a blank cell: rows whose figures a
/// PDF's text alone cannot place.
fn partial_table2_rows(report: &report::model::Report) -> usize {
    let t = &report.table2;
    [
        [t.rules_issued, t.rules_repealed, t.rules_in_force],
        [
            t.normative_issued,
            t.normative_repealed,
            t.normative_in_force,
        ],
    ]
    .iter()
    .filter(|row| row.iter().any(Option::is_some) && row.iter().any(Option::is_none))
    .count()
}

/// A PDF of `want` (whose zeros are blank) read back: every row with a figure exactly, blanks
/// blank, no cell lost; a row left all blank may be missing. Table 四 exactly. Gives the
/// number of rows with figures.
fn blanks_read_back(pdf: &[u8], want: &report::model::Report, name: &str) -> usize {
    let parsed = report::parse::parse(pdf).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert!(parsed.lost.is_empty(), "{name}: {:?}", parsed.lost);
    let mut rows = 0;
    for key in report::RowKey::ALL {
        let written = want.table3.row(key);
        match parsed.report.table3.row(key) {
            Some(row) => assert_eq!(Some(row), written, "{name} {}", key.key()),
            None => assert!(
                written.is_none_or(|r| r.iter().all(Option::is_none)),
                "{name} {}",
                key.key()
            ),
        }
        rows += usize::from(written.is_some_and(|r| r.iter().any(Option::is_some)));
    }
    assert_eq!(parsed.report.table4, want.table4, "{name} table 四");
    assert_eq!(parsed.report.table2, want.table2, "{name} table 二");
    rows
}

/// A reading of a text that lost `want`'s blank cells (`pdftotext -layout`, which shows them as
/// spaces a column or two from where its header's words stand): no cell is misread. A cell is
/// `want`'s or unread (and, in table 三, marked lost, so no sum is judged through it), and a
/// table with an unread figure is named by a warning (or all tables, as scrambled). No error is
/// found but the report's seeded one.
fn never_misread(text: &[u8], want: &report::model::Report, seeded: Option<&str>, name: &str) {
    let (parsed, findings) = report::read_and_check(text).unwrap_or_else(|e| panic!("{name}: {e}"));
    let got = &parsed.report;
    let warned = |table: &str| {
        findings.iter().any(|f| {
            f.severity >= report::Severity::Warning
                && (f.location.starts_with(table) || f.location == "tables")
        })
    };
    let unread = |w: &[report::Cell], g: &[report::Cell]| {
        w.iter().zip(g).any(|(w, g)| w.is_some() && g.is_none())
    };
    for key in report::RowKey::ALL {
        let written = want.table3.row(key).copied().unwrap_or([None; 7]);
        let Some(row) = got.table3.row(key) else {
            assert!(
                written.iter().all(Option::is_none) || warned("table3"),
                "{name}: table 三 {} lost silently",
                key.key()
            );
            continue;
        };
        assert!(
            !unread(&written, row) || warned("table3"),
            "{name}: {}",
            key.key()
        );
        for (i, col) in report::model::Column::ALL.into_iter().enumerate() {
            let (g, w) = (row[i], want.table3.cell(key, col));
            if parsed.lost.contains(&(key, col)) {
                assert_eq!(g, None, "{name} {} {i}", key.key());
            } else {
                assert_eq!(g, w, "{name} {} {i}", key.key());
            }
        }
    }
    let (g2, w2) = (got.table2.cells(), want.table2.cells());
    for (i, (g, w)) in g2.iter().zip(w2).enumerate() {
        assert!(
            g.is_none() || *g == w,
            "{name} table 二 cell {i}: {g:?} ≠ {w:?}"
        );
    }
    assert!(
        !unread(&w2, &g2) || warned("table2"),
        "{name}: table 二 lost silently"
    );
    if got.table4.0.iter().any(Option::is_some) {
        assert_eq!(got.table4, want.table4, "{name} table 四");
    }
    assert!(
        !unread(&want.table4.0, &got.table4.0) || warned("table4"),
        "{name}: table 四 lost silently"
    );
    let errors: Vec<_> = findings
        .iter()
        .filter(|f| f.severity == report::Severity::Error && Some(f.rule.as_str()) != seeded)
        .collect();
    assert!(errors.is_empty(), "{name}: {errors:#?}");
}

/// The figures of table 三's cells.
fn table3_figures(t: &report::Table3) -> usize {
    report::RowKey::ALL
        .iter()
        .filter_map(|&k| t.row(k))
        .flatten()
        .flatten()
        .count()
}

/// A body that leaves the zeros of tables 二, 三 and 四 blank, its page printed by Chromium: the
/// PDF's text shows a blank cell as nothing, so which column each figure stands in is read
/// from the page (the header names the columns where they stand).
#[test]
fn blank_cells_of_a_printed_table_are_read_by_their_columns() {
    let dir = workdir("blanks");
    let (mut rows, mut partial) = (0, 0);
    for case in docx_files(&dir).into_iter().take(4) {
        let want = zeros_blank(&case.want);
        partial += partial_table2_rows(&want);
        let name = format!("r{}.html", case.seed);
        std::fs::write(dir.join(&name), report::render::html(&want)).expect("write");
        rows += blanks_read_back(
            &common::chromium_pdf(&dir, &name, &format!("r{}.pdf", case.seed)),
            &want,
            &name,
        );
    }
    assert!(rows >= 10, "only {rows} rows with figures");
    assert!(partial >= 2, "only {partial} rows of table 二 with blanks");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The same, as our DOCX printed to PDF by LibreOffice (as a Word or WPS file saved as PDF),
/// and those PDFs as OFD files: table 四's header cells are so narrow that they set a character
/// a line, stacked back into their names to find the columns.
#[test]
fn blank_cells_of_a_word_processor_pdf_are_read_by_their_columns() {
    let dir = workdir("blanks-lo");
    let mut wants = Vec::new();
    let mut partial = 0;
    for case in docx_files(&dir).into_iter().take(6) {
        let want = zeros_blank(&case.want);
        partial += partial_table2_rows(&want);
        let docx = report::render::docx(&want).expect("docx");
        std::fs::write(dir.join(format!("b{}.docx", case.seed)), docx).expect("write");
        wants.push((case.seed, want, case.rule));
    }
    let files: Vec<String> = wants.iter().map(|(s, _, _)| format!("b{s}.docx")).collect();
    for to in ["pdf", "doc"] {
        common::soffice(&dir, to, &files);
    }
    // The same pages as OFD files (`pdf_to_ofd.py`), whose glyphs are read the same way.
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/pdf_to_ofd.py");
    let pairs: Vec<String> = wants
        .iter()
        .flat_map(|(s, _, _)| [format!("b{s}.pdf"), format!("b{s}.ofd")])
        .collect();
    let mut args = vec![script];
    args.extend(pairs.iter().map(String::as_str));
    python(&dir, &args, "pdf_to_ofd.py");
    let mut rows = 0;
    let (mut aligned_read, mut aligned_written) = (0, 0);
    for (seed, want, seeded) in wants {
        for ext in ["pdf", "ofd"] {
            let name = format!("b{seed}.{ext}");
            let bytes = std::fs::read(dir.join(&name)).unwrap_or_else(|e| panic!("{name}: {e}"));
            rows += blanks_read_back(&bytes, &want, &name);
        }
        // The PDF as `pdftotext -layout` text, whose columns are that program's guess: what
        // cannot be placed for sure stays unread.
        let text = pdftotext_of(&dir, &format!("b{seed}.pdf"), &["-layout"]);
        never_misread(
            &text,
            &want,
            seeded,
            &format!("b{seed}.pdf (pdftotext -layout)"),
        );
        // The rows under the header on its page are placed by the header's words, and their
        // labels found where figures stand apart from them.
        let read = report::parse::parse(&text).map(|p| table3_figures(&p.report.table3));
        aligned_read += read.unwrap_or(0);
        aligned_written += table3_figures(&want.table3);
        // And as plain `pdftotext` text, which prints a table column after column: its row
        // labels come in runs, the figures after them (a short run of figures where the zeros
        // are blank), so no figure's row is known and none is read. `pdftotext -raw` prints
        // each row's figures on its line, a label apart from its figures where it wraps.
        for args in [&[][..], &["-raw"][..]] {
            let text = pdftotext_of(&dir, &format!("b{seed}.pdf"), args);
            never_misread(
                &text,
                &want,
                seeded,
                &format!("b{seed}.pdf (pdftotext {args:?})"),
            );
        }
        // The DOCX as pandoc's plain text: table 三's blank cells are spaces, its figures'
        // columns told by where its header's words stand.
        let plain = Command::new("pandoc")
            .args([&format!("b{seed}.docx"), "-t", "plain"])
            .current_dir(&dir)
            .output()
            .unwrap_or_else(|e| {
                panic!("pandoc is needed for this test; `bash scripts/test.sh` installs it: {e}")
            });
        assert!(plain.status.success(), "pandoc failed on b{seed}.docx");
        let name = format!("b{seed}.docx (pandoc -t plain)");
        never_misread(&plain.stdout, &want, seeded, &name);
        let read = report::parse::parse(&plain.stdout).unwrap_or_else(|e| panic!("{name}: {e}"));
        if seeded.is_none() {
            for key in report::RowKey::ALL {
                let cells = |t: &report::Table3| t.row(key).copied().unwrap_or([None; 7]);
                assert_eq!(
                    cells(&read.report.table3),
                    cells(&want.table3),
                    "{name} {}",
                    key.key()
                );
            }
        }
        // The same DOCX saved as Word 97 (`.doc`), where a row's end is a mark like a cell's
        // and only its paragraph's properties tell them apart: taken for an empty cell, it
        // shifted every blank-zero row after it by one.
        let name = format!("b{seed}.doc");
        let doc = std::fs::read(dir.join(&name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        never_misread(&doc, &want, seeded, &name);
        let figures = table3_figures;
        // And as the usual Linux tools print it: `catdoc` loses rows of table 二 at a broken
        // piece (named by a warning), `antiword` loses table 三's body and section 四's
        // heading (its table 四 header then ends table 三: no figure of it is taken there).
        for (tool, args) in [
            ("catdoc", &["-d", "utf-8"][..]),
            ("antiword", &["-m", "UTF-8.txt"][..]),
        ] {
            let out = Command::new(tool)
                .args(args)
                .arg(&name)
                .current_dir(&dir)
                .output()
                .unwrap_or_else(|e| {
                    panic!(
                        "{tool} is needed for this test; `bash scripts/test.sh` installs it: {e}"
                    )
                });
            assert!(out.status.success(), "{tool} {name} failed");
            never_misread(&out.stdout, &want, seeded, &format!("{name} ({tool})"));
        }
        let read = report::parse::parse(&doc).unwrap_or_else(|e| panic!("{name}: {e}"));
        // Every figure read, but a row whose own total is wrong (a seeded error), whose
        // figures' columns nothing then tells.
        if seeded.is_none() {
            assert_eq!(
                figures(&read.report.table3),
                figures(&want.table3),
                "{name}"
            );
        }
        assert_eq!(read.report.table4, want.table4, "{name} table 四");
    }
    assert!(rows >= 20, "only {rows} rows with figures");
    assert!(partial >= 2, "only {partial} rows of table 二 with blanks");
    // A quarter of them at least (20 of 75 here): the rest stand on a page after the header's,
    // or between two header words a place apart, which place no figure not clearly under one
    // (`grid.rs`, `Spans::packed`: such a line misread Chromium's prints).
    assert!(
        aligned_read * 4 >= aligned_written,
        "pdftotext -layout: {aligned_read} of {aligned_written} figures of table 三 read"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A table 三 whose zeros are blank, printed by LibreOffice on one page (8-point cells, a bold
/// 总计 row), as `pdftotext -layout` text: every figure is placed under the header word of its
/// column, those set on a line apart from their label too.
#[test]
fn a_blank_zero_table_on_one_page_is_read_from_pdftotext_layout() {
    let dir = workdir("one-page");
    let mut wants = Vec::new();
    for case in docx_files(&dir).into_iter().take(4) {
        let want = zeros_blank(&case.want);
        let docx = report::render::docx(&want).expect("docx");
        std::fs::write(dir.join(format!("p{}.docx", case.seed)), docx).expect("write");
        wants.push((case.seed, want, case.rule));
    }
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/one_page_table.py");
    let files: Vec<String> = wants.iter().map(|(s, _, _)| format!("p{s}.docx")).collect();
    let mut args = vec![script];
    args.extend(files.iter().map(String::as_str));
    python(&dir, &args, "one_page_table.py");
    let pages: Vec<String> = wants
        .iter()
        .map(|(s, _, _)| format!("p{s}-1p.docx"))
        .collect();
    common::soffice(&dir, "pdf", &pages);
    let mut figures = 0;
    for (seed, want, seeded) in wants {
        let name = format!("p{seed}-1p.pdf (pdftotext -layout)");
        let text = pdftotext_of(&dir, &format!("p{seed}-1p.pdf"), &["-layout"]);
        never_misread(&text, &want, seeded, &name);
        let read = report::parse::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        for key in report::RowKey::ALL {
            let written = want.table3.row(key).copied().unwrap_or([None; 7]);
            if written.iter().any(Option::is_some) {
                assert_eq!(
                    read.report.table3.row(key),
                    Some(&written),
                    "{name} {}",
                    key.key()
                );
            }
        }
        figures += table3_figures(&want.table3);
    }
    assert!(figures >= 20, "only {figures} figures");
    let _ = std::fs::remove_dir_all(&dir);
}
