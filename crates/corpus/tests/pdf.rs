//! Real files from another program: our DOCX opened by LibreOffice and printed to PDF, saved as
//! text and saved as HTML, then read back in pure Rust. This also proves that LibreOffice opens
//! the DOCX the renderer writes.
#![allow(clippy::panic)]

use std::path::PathBuf;
use std::process::Command;

use corpus::{Defect, Rng, generate, inject};
use report::check::{self, Context, Severity};

fn workdir(what: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gongkai-{what}-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

const SEEDS: u64 = 8;

/// Our DOCX files, converted by LibreOffice to `target` (a `--convert-to` argument), read back:
/// every cell as generated, and each seeded defect found alone.
fn converted_read_back_exactly(target: &str, ext: &str, layout: report::parse::Layout) {
    let dir = workdir(ext);
    let mut expected = Vec::new();
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
        expected.push((seed, g.report, rule));
    }
    let files: Vec<String> = (0..SEEDS).map(|s| format!("r{s}.docx")).collect();
    let status = Command::new("soffice")
        .args(["--headless", "--norestore", "--convert-to", target, "--outdir", "."])
        .args(&files)
        .env("HOME", &dir)
        .current_dir(&dir)
        .output()
        .unwrap_or_else(|e| panic!("LibreOffice (soffice) is needed for this test; `bash scripts/test.sh` installs it: {e}"));
    assert!(
        status.status.success(),
        "soffice failed: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    for (seed, want, rule) in expected {
        let bytes = std::fs::read(dir.join(format!("r{seed}.{ext}")))
            .unwrap_or_else(|e| panic!("LibreOffice wrote no {ext} for r{seed}: {e}"));
        let parsed = report::parse::parse(&bytes).unwrap_or_else(|e| panic!("r{seed}.{ext}: {e}"));
        assert_eq!(parsed.layout, layout, "r{seed}.{ext}");
        let got = &parsed.report;
        assert_eq!(
            (&got.body, got.year),
            (&want.body, want.year),
            "r{seed}.{ext}"
        );
        assert_eq!(got.table2, want.table2, "r{seed}.{ext} table 二");
        for key in report::RowKey::ALL {
            assert_eq!(
                got.table3.row(key),
                want.table3.row(key),
                "r{seed}.{ext} table 三 {}",
                key.key()
            );
        }
        assert_eq!(got.table4, want.table4, "r{seed}.{ext} table 四");
        assert_eq!(got.format, want.format, "r{seed}.{ext} format");
        assert_eq!(
            got.table2_2019, want.table2_2019,
            "r{seed}.{ext} table 二 (2019)"
        );
        let ctx = Context {
            lost: parsed.lost.clone(),
            ..Context::default()
        };
        let errors: Vec<String> = check::check_with(got, &ctx)
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| f.rule)
            .collect();
        match rule {
            Some(rule) => assert!(
                !errors.is_empty() && errors.iter().all(|e| e == rule),
                "r{seed}.{ext}: {errors:?}"
            ),
            None => assert!(errors.is_empty(), "r{seed}.{ext}: {errors:?}"),
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn libreoffice_pdfs_read_back_exactly() {
    converted_read_back_exactly("pdf", "pdf", report::parse::Layout::Pdf);
}

/// LibreOffice's "save as text": a cell per line, no indent, nothing between rows.
#[test]
fn libreoffice_text_reads_back_exactly() {
    converted_read_back_exactly(
        "txt:Text (encoded):UTF8",
        "txt",
        report::parse::Layout::Text(report::parse::text::TextLayout::CellLines),
    );
}

/// Word 97–2003 (`.doc`) as LibreOffice writes it.
#[test]
fn libreoffice_doc_reads_back_exactly() {
    converted_read_back_exactly("doc", "doc", report::parse::Layout::Doc);
}

/// LibreOffice's "save as HTML": Writer's own markup around the tables.
#[test]
fn libreoffice_html_reads_back_exactly() {
    converted_read_back_exactly("html", "html", report::parse::Layout::Html);
}
