//! Portal pages printed to PDF by browsers' own layout engines (MuPDF's, Chromium's), read
//! back in pure Rust and by `pdftotext -layout`: no cell is wrong, nothing raises a false alarm.
#![allow(clippy::panic)]

mod common;

use std::process::Command;

use common::{docx_files, nothing_wrong, pdftotext, python, workdir};

/// Our HTML printed to PDF by MuPDF's own layout engine (`html_to_pdf_mupdf.py`), which lays
/// out merged cells its own way and can leave rows of table 三 out of the PDF: read in pure
/// Rust and by `pdftotext -layout`, no cell is wrong and no error is raised — a row the PDF
/// lacks is missing, never filled with another row's figures.
#[test]
fn mupdf_pdfs_read_nothing_wrong() {
    let dir = workdir("mupdf");
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/html_to_pdf_mupdf.py");
    for case in docx_files(&dir).into_iter().take(4) {
        let (html, pdf) = (
            format!("r{}.html", case.seed),
            format!("r{}.pdf", case.seed),
        );
        std::fs::write(dir.join(&html), report::render::html(&case.want)).expect("write");
        python(&dir, &[script, &html, &pdf], &pdf);
        let layout = pdftotext(&dir, case.seed, &["-layout"]);
        let bytes = std::fs::read(dir.join(&pdf)).unwrap_or_else(|e| panic!("{pdf}: {e}"));
        for (form, input) in [("pure Rust", bytes), ("pdftotext -layout", layout)] {
            let name = format!("{pdf} ({form})");
            let parsed = report::parse::parse(&input).unwrap_or_else(|e| panic!("{name}: {e}"));
            nothing_wrong(&parsed, &case, &name);
        }
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
        let pdf = chromium_pdf(&dir, &name, case.seed);
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

/// Prints `dir/name` to `dir/r{seed}.pdf` with Debian's chromium, and gives the PDF.
fn chromium_pdf(dir: &std::path::Path, name: &str, seed: u64) -> Vec<u8> {
    let out = Command::new("chromium")
        .args(["--headless", "--no-sandbox", "--disable-gpu"])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg(format!("--print-to-pdf=r{seed}.pdf"))
        .arg(name)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "Debian's chromium is needed for this test; `bash scripts/test.sh` installs it: {e}"
            )
        });
    assert!(out.status.success(), "chromium failed to print {name}");
    std::fs::read(dir.join(format!("r{seed}.pdf"))).expect("pdf")
}

/// A body that leaves the zeros of table 三 blank, its page printed by Chromium: the PDF's
/// text shows a blank cell as nothing, so which column each figure stands in is read from the
/// page (the header names the columns where they stand). Every row with a figure comes back
/// exactly, blanks blank, with no cell lost; a row left all blank may be missing. Table 四's
/// zeros are left blank too, and its row comes back exactly.
#[test]
fn blank_cells_of_a_printed_table_are_read_by_their_columns() {
    let dir = workdir("blanks");
    for case in docx_files(&dir).into_iter().take(4) {
        let mut want = case.want.clone();
        for key in report::RowKey::ALL {
            if let Some(row) = want.table3.row(key).copied() {
                let blanked = row.map(|c| c.filter(|n| n.value() != 0.0));
                want.table3.set_row(key, Some(blanked));
            }
        }
        want.table4.0 = want.table4.0.map(|c| c.filter(|n| n.value() != 0.0));
        let name = format!("r{}.html", case.seed);
        std::fs::write(dir.join(&name), report::render::html(&want)).expect("write");
        let pdf = chromium_pdf(&dir, &name, case.seed);
        let parsed = report::parse::parse(&pdf).unwrap_or_else(|e| panic!("{name}: {e}"));
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
        assert!(rows >= 3, "{name}: only {rows} rows with figures");
        assert_eq!(parsed.report.table4, want.table4, "{name} table 四");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
