//! What the tests of files made by other programs share: the generated cases written as DOCX,
//! a folder to work in, and the programs run over them.
#![allow(dead_code, clippy::panic)]

use std::path::PathBuf;
use std::process::Command;

use corpus::{Defect, Rng, generate, inject};
use report::check::{self, Context, Severity};

pub fn workdir(what: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gongkai-{what}-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

pub const SEEDS: u64 = 8;

/// A generated report as written to DOCX, with the rule of its seeded defect, if any.
pub struct Case {
    pub seed: u64,
    pub want: report::model::Report,
    pub rule: Option<&'static str>,
}

/// Writes the test's DOCX files into `dir` as `r{seed}.docx`.
pub fn docx_files(dir: &std::path::Path) -> Vec<Case> {
    let mut cases = Vec::new();
    for seed in 0..SEEDS {
        let mut rng = Rng::new(7000 + seed);
        // The last two are in the 2019 trial format.
        let trial = seed >= SEEDS - 2;
        let mut g = if trial {
            corpus::generate_trial(&mut rng, 2019)
        } else {
            generate(&mut rng, 2025)
        };
        let rule = (seed % 2 == 1 && !trial)
            .then(|| inject(&mut g.report, Defect::ALL[seed as usize % 5], &mut rng));
        let docx = report::render::docx(&g.report).expect("docx");
        std::fs::write(dir.join(format!("r{seed}.docx")), docx).expect("write");
        cases.push(Case {
            seed,
            want: g.report,
            rule,
        });
    }
    cases
}

pub fn error_rules(parsed: &report::parse::Parsed) -> Vec<String> {
    let ctx = Context {
        lost: parsed.lost.clone(),
        ..Context::default()
    };
    check::check_with(&parsed.report, &ctx)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.rule)
        .collect()
}

/// The PDFs LibreOffice printed, as text by poppler's `pdftotext` with `args`.
pub fn pdftotext(dir: &std::path::Path, seed: u64, args: &[&str]) -> Vec<u8> {
    pdftotext_of(dir, &format!("r{seed}.pdf"), args)
}

/// `dir/pdf` as text by poppler's `pdftotext` with `args`.
pub fn pdftotext_of(dir: &std::path::Path, pdf: &str, args: &[&str]) -> Vec<u8> {
    let out = Command::new("pdftotext")
        .args(args)
        .arg(pdf)
        .arg("-")
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("pdftotext (poppler-utils) is needed for this test; `bash scripts/test.sh` installs it: {e}"));
    assert!(out.status.success(), "pdftotext {args:?} failed on {pdf}");
    out.stdout
}

/// What `python3 args…` prints, run in `dir`.
/// Converts `files` in `dir` by LibreOffice to `target` (a `--convert-to` argument), beside them.
pub fn soffice(dir: &std::path::Path, target: &str, files: &[String]) {
    let out = Command::new("soffice")
        .args(["--headless", "--norestore", "--convert-to", target, "--outdir", "."])
        .args(files)
        .env("HOME", dir)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("LibreOffice (soffice) is needed for this test; `bash scripts/test.sh` installs it: {e}"));
    assert!(
        out.status.success(),
        "soffice failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Prints `dir/name` to `dir/pdf` with Debian's chromium, and gives the PDF.
pub fn chromium_pdf(dir: &std::path::Path, name: &str, pdf: &str) -> Vec<u8> {
    let out = Command::new("chromium")
        .args(["--headless", "--no-sandbox", "--disable-gpu"])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg(format!("--print-to-pdf={pdf}"))
        .arg(name)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "Debian's chromium is needed for this test; `bash scripts/test.sh` installs it: {e}"
            )
        });
    assert!(out.status.success(), "chromium failed to print {name}");
    std::fs::read(dir.join(pdf)).expect("pdf")
}

pub fn python(dir: &std::path::Path, args: &[&str], name: &str) -> Vec<u8> {
    let out = Command::new("python3")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("python3 is needed for this test: {e}"));
    assert!(
        out.status.success(),
        "{name}: {}; `bash scripts/test.sh` installs pdfplumber, pymupdf, python-docx, reportlab and html2text",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// No cell read differs from the case's (a row or table may be missing, never filled with other
/// figures), and no error is raised but the seeded one.
pub fn nothing_wrong(parsed: &report::parse::Parsed, case: &Case, name: &str) {
    let got = &parsed.report;
    for key in report::RowKey::ALL {
        if let Some(row) = got.table3.row(key) {
            assert_eq!(Some(row), case.want.table3.row(key), "{name} {}", key.key());
        }
    }
    if got.table2 != report::model::Table2::default() {
        assert_eq!(got.table2, case.want.table2, "{name} table 二");
    }
    if got.table4 != report::model::Table4::default() {
        assert_eq!(got.table4, case.want.table4, "{name} table 四");
    }
    let errors = error_rules(parsed);
    match case.rule {
        Some(rule) => assert!(errors.iter().all(|e| e == rule), "{name}: {errors:?}"),
        None => assert!(errors.is_empty(), "{name}: {errors:?}"),
    }
}

/// `report` with the zeros of tables 二, 三 and 四 left blank, as many bodies print them.
pub fn zeros_blank(report: &report::model::Report) -> report::model::Report {
    let mut out = report.clone();
    let blank = |c: report::model::Cell| c.filter(|n| n.value() != 0.0);
    for key in report::RowKey::ALL {
        if let Some(row) = out.table3.row(key).copied() {
            out.table3.set_row(key, Some(row.map(blank)));
        }
    }
    out.table4.0 = out.table4.0.map(blank);
    let t2 = &mut out.table2;
    for cell in [
        &mut t2.rules_issued,
        &mut t2.rules_repealed,
        &mut t2.rules_in_force,
        &mut t2.normative_issued,
        &mut t2.normative_repealed,
        &mut t2.normative_in_force,
        &mut t2.licensing,
        &mut t2.penalty,
        &mut t2.enforcement,
        &mut t2.fees_wan_yuan,
    ] {
        *cell = blank(*cell);
    }
    out
}
