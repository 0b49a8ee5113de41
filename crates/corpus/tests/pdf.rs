//! Real files from another program: our DOCX opened by LibreOffice and printed to PDF, saved as
//! text and saved as HTML, then read back in pure Rust. This also proves that LibreOffice opens
//! the DOCX the renderer writes.
#![allow(clippy::panic)]

mod common;

use std::process::Command;

use common::{Case, SEEDS, docx_files, error_rules, pdftotext, python, workdir};

/// Writes the test's DOCX files into `dir` and converts them by LibreOffice to `target` (a
/// `--convert-to` argument).
fn convert(dir: &std::path::Path, target: &str) -> Vec<Case> {
    let cases = docx_files(dir);
    let files: Vec<String> = (0..SEEDS).map(|s| format!("r{s}.docx")).collect();
    common::soffice(dir, target, &files);
    cases
}

/// `bytes` read as `layout` give back every cell and every section's text of `case`, and its
/// seeded defect alone.
fn reads_back_exactly(bytes: &[u8], case: &Case, layout: report::parse::Layout, name: &str) {
    reads_back(bytes, case, layout, name, &[0, 1, 2, 3, 4, 5]);
}

/// [`reads_back_exactly`] but for sections 二 and 三, which keep pieces of the tables' headers
/// where a tool interleaves a header's lines word by word (pdfplumber, PyMuPDF) or prints a
/// label apart from its figures (`pdftotext -raw`): every cell is still right.
fn reads_back_with_header_pieces(
    bytes: &[u8],
    case: &Case,
    layout: report::parse::Layout,
    name: &str,
) {
    reads_back(bytes, case, layout, name, &[0, 3, 4, 5]);
}

fn reads_back(
    bytes: &[u8],
    case: &Case,
    layout: report::parse::Layout,
    name: &str,
    sections: &[usize],
) {
    let Case { want, rule, .. } = case;
    let parsed = report::parse::parse(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(parsed.layout, layout, "{name}");
    let got = &parsed.report;
    assert_eq!((&got.body, got.year), (&want.body, want.year), "{name}");
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
    assert_eq!(got.format, want.format, "{name} format");
    assert_eq!(got.table2_2019, want.table2_2019, "{name} table 二 (2019)");
    assert_eq!(got.published, want.published, "{name} date");
    // The narrative, as a reader sees it: lines broken anew, spaces put in and quotes made
    // straight (pandoc's Markdown) are not differences.
    let words = |s: Option<&str>| -> String {
        s.unwrap_or_default()
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| match c {
                '“' | '”' => '"',
                '‘' | '’' => '\'',
                c => c,
            })
            .collect()
    };
    for &i in sections {
        assert_eq!(
            words(got.sections.get(i)),
            words(want.sections.get(i)),
            "{name} section {i}"
        );
    }
    let errors = error_rules(&parsed);
    match rule {
        Some(rule) => assert!(
            !errors.is_empty() && errors.iter().all(|e| e == rule),
            "{name}: {errors:?}"
        ),
        None => assert!(errors.is_empty(), "{name}: {errors:?}"),
    }
}

/// Our DOCX files, converted by LibreOffice to `target`, read back exactly.
fn converted_read_back_exactly(target: &str, ext: &str, layout: report::parse::Layout) {
    let dir = workdir(ext);
    for case in convert(&dir, target) {
        let name = format!("r{}.{ext}", case.seed);
        let bytes = std::fs::read(dir.join(&name))
            .unwrap_or_else(|e| panic!("LibreOffice wrote no {name}: {e}"));
        reads_back_exactly(&bytes, &case, layout, &name);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// `pdftotext -layout` and `-raw` keep each table row on a line: every cell comes back. Its
/// default mode prints a table column after column, so no row can be told: the tables are
/// left out with a warning saying why, and nothing made up from them is reported as an error.
#[test]
fn pdftotext_output_reads_back_or_says_why_not() {
    use report::parse::{Layout, text::TextLayout};
    let dir = workdir("pdftotext");
    for case in convert(&dir, "pdf") {
        let layout = pdftotext(&dir, case.seed, &["-layout"]);
        let name = format!("r{}.pdf (pdftotext -layout)", case.seed);
        reads_back_exactly(&layout, &case, Layout::Text(TextLayout::Aligned), &name);
        let raw = pdftotext(&dir, case.seed, &["-raw"]);
        let parsed =
            report::parse::parse(&raw).unwrap_or_else(|e| panic!("r{}.pdf -raw: {e}", case.seed));
        assert!(matches!(parsed.layout, Layout::Text(_)));
        let name = format!("r{}.pdf (pdftotext -raw)", case.seed);
        reads_back_with_header_pieces(&raw, &case, parsed.layout, &name);

        let plain = pdftotext(&dir, case.seed, &[]);
        tables_left_out(&plain, &case, &format!("r{}.pdf (pdftotext)", case.seed));
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Text whose tables came out column after column: the title is read, the tables are left out
/// with a warning saying why, and nothing made up from them is reported as an error.
fn tables_left_out(bytes: &[u8], case: &Case, name: &str) {
    let parsed = report::parse::parse(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(
        (&parsed.report.body, parsed.report.year),
        (&case.want.body, case.want.year),
        "{name}"
    );
    assert!(parsed.report.table3.is_empty(), "{name}: a table made up");
    assert_eq!(
        parsed.report.table4,
        report::model::Table4::default(),
        "{name}"
    );
    assert!(
        parsed
            .findings
            .iter()
            .any(|f| f.message.contains("表格在提取出的文本中已错乱")),
        "{name}: {:?}",
        parsed.findings
    );
    assert_eq!(error_rules(&parsed), Vec::<String>::new(), "{name}");
}

/// The PDFs LibreOffice printed, as text by the Python libraries people script PDF reading
/// with (`pdf_text.py`; `bash scripts/test.sh` installs them from PyPI). pdfplumber and PyMuPDF
/// keep a row on a line, though PyMuPDF's sorted text runs a caption or a label's second line
/// onto it, and pdfplumber's layout spreads a sentence's words; every cell comes back.
/// pdfminer prints tables column after column, like `pdftotext` without `-layout`.
#[test]
fn python_pdf_libraries_read_back_or_say_why_not() {
    let dir = workdir("pypdf");
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/pdf_text.py");
    for case in convert(&dir, "pdf") {
        for form in corpus::PDF_TEXT_FORMS.into_iter().chain(["pdfminer"]) {
            let name = format!("r{}.pdf ({form})", case.seed);
            let text = python(&dir, &[script, form, &format!("r{}.pdf", case.seed)], &name);
            if form == "pdfminer" {
                tables_left_out(&text, &case, &name);
                continue;
            }
            let parsed = report::parse::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(matches!(parsed.layout, report::parse::Layout::Text(_)));
            reads_back_with_header_pieces(&text, &case, parsed.layout, &name);
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

/// Our DOCX as a python-docx script dumps it (`docx_text.py`): the whole narrative, then the
/// tables. Every table is read as if it stood in its section.
#[test]
fn python_docx_dump_reads_back_exactly() {
    let dir = workdir("pydocx");
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/docx_text.py");
    for case in docx_files(&dir) {
        let name = format!("r{}.docx (python-docx)", case.seed);
        let text = python(&dir, &[script, &format!("r{}.docx", case.seed)], &name);
        let parsed = report::parse::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        reads_back_exactly(&text, &case, parsed.layout, &name);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// pandoc's conversions of our DOCX: Markdown and plain text (tables drawn with dashes and
/// aligned by spaces), CommonMark (Markdown around HTML tables), GitHub Markdown, HTML,
/// reStructuredText (grid tables, each cell's text wrapped over several lines, a long figure
/// broken in its narrow column) and Emacs Org (`|---+---|` rules).
#[test]
fn pandoc_conversions_read_back_exactly() {
    let dir = workdir("pandoc");
    for case in docx_files(&dir) {
        for to in [
            "markdown",
            "plain",
            "commonmark",
            "gfm",
            "html",
            "rst",
            "org",
        ] {
            let name = format!("r{}.{to}", case.seed);
            let out = Command::new("pandoc")
                .args([&format!("r{}.docx", case.seed), "-t", to, "-o", &name])
                .current_dir(&dir)
                .output()
                .unwrap_or_else(|e| {
                    panic!(
                        "pandoc is needed for this test; `bash scripts/test.sh` installs it: {e}"
                    )
                });
            assert!(out.status.success(), "pandoc -t {to} failed");
            let bytes = std::fs::read(dir.join(&name)).expect("pandoc's output");
            let parsed = report::parse::parse(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
            reads_back_exactly(&bytes, &case, parsed.layout, &name);
            let sections = &parsed.report.sections;
            assert!(
                !(0..6).any(|i| sections.get(i).is_some_and(|s| s.contains("---"))),
                "{name}: a table's rule read as prose"
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The report's web page as html2text (Python's HTML-to-Markdown converter, common in
/// crawlers) saves it: tables as `a| b| c` rows with a `---|---` rule under the first, a cell's
/// wrapped text on lines of its own; and a portal's page, whose layout table html2text runs
/// into one line with the article it holds (title, date, section 一 and the first heading).
#[test]
fn html2text_markdown_reads_back_exactly() {
    let dir = workdir("html2text");
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/html_to_markdown.py");
    for case in docx_files(&dir) {
        let mut rng = corpus::Rng::new(case.seed);
        let pages = [
            ("page", report::render::html(&case.want).into_bytes()),
            (
                "portal",
                corpus::layouts::Layout::Html.write(&case.want, &mut rng),
            ),
        ];
        for (kind, html) in pages {
            let page = format!("r{}-{kind}.html", case.seed);
            std::fs::write(dir.join(&page), html).expect("write");
            let name = format!("{page} (html2text)");
            let text = python(&dir, &[script, &page], &name);
            let parsed = report::parse::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
            // A portal that titles the report only in the window's <title> shows no body:
            // none may be read, never a wrong one.
            let want = Case {
                want: report::model::Report {
                    body: parsed.report.body.as_ref().and(case.want.body.clone()),
                    ..case.want.clone()
                },
                ..case
            };
            reads_back_exactly(&text, &want, parsed.layout, &name);
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The Word 97 files LibreOffice saved, as text by `catdoc` and `antiword`, the usual tools for
/// `.doc` on Linux. Both lose text: `catdoc` garbles a label or drops rows at a broken piece,
/// `antiword` drops most of table 三. What is read must be right and what is lost must not
/// raise an alarm: every table-三 row read is the row written, and no error is found but the
/// seeded one.
#[test]
fn catdoc_and_antiword_text_never_raises_a_false_alarm() {
    let dir = workdir("catdoc");
    for case in convert(&dir, "doc") {
        for (tool, args) in [
            ("catdoc", &["-d", "utf-8"][..]),
            ("antiword", &["-m", "UTF-8.txt"][..]),
        ] {
            let name = format!("r{}.doc ({tool})", case.seed);
            let out = Command::new(tool)
                .args(args)
                .arg(format!("r{}.doc", case.seed))
                .current_dir(&dir)
                .output()
                .unwrap_or_else(|e| {
                    panic!(
                        "{tool} is needed for this test; `bash scripts/test.sh` installs it: {e}"
                    )
                });
            assert!(out.status.success(), "{name} failed");
            let parsed =
                report::parse::parse(&out.stdout).unwrap_or_else(|e| panic!("{name}: {e}"));
            for key in report::RowKey::ALL {
                if let Some(row) = parsed.report.table3.row(key) {
                    assert_eq!(
                        Some(row),
                        case.want.table3.row(key),
                        "{name}: table 三 {}",
                        key.key()
                    );
                }
            }
            let errors = error_rules(&parsed);
            assert!(
                errors.iter().all(|e| Some(e.as_str()) == case.rule),
                "{name}: {errors:?}"
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// LibreOffice's PDFs turned into OFD files (`pdf_to_ofd.py`: each run of text an OFD text
/// object at its place, half of them scaled by a CTM with compressed advances), read back
/// exactly in pure Rust.
#[test]
fn ofd_files_read_back_exactly() {
    let dir = workdir("ofd");
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/pdf_to_ofd.py");
    for case in convert(&dir, "pdf") {
        let (pdf, ofd) = (format!("r{}.pdf", case.seed), format!("r{}.ofd", case.seed));
        python(&dir, &[script, &pdf, &ofd], &ofd);
        let bytes = std::fs::read(dir.join(&ofd)).unwrap_or_else(|e| panic!("{ofd}: {e}"));
        reads_back_exactly(&bytes, &case, report::parse::Layout::Ofd, &ofd);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A scanned report — LibreOffice's PDF printed to pictures of its pages (PyMuPDF) — is
/// refused as a scan that needs OCR, not as "not a report".
#[test]
fn scanned_pdfs_are_named_as_scans() {
    let dir = workdir("scan");
    let script = "import sys, pymupdf\nsrc = pymupdf.open(sys.argv[1])\nout = pymupdf.open()\nfor page in src:\n    p = out.new_page(width=page.rect.width, height=page.rect.height)\n    p.insert_image(p.rect, pixmap=page.get_pixmap(dpi=50))\nout.save(sys.argv[2])\n";
    let case = convert(&dir, "pdf").swap_remove(0);
    let (pdf, scan) = (format!("r{}.pdf", case.seed), "scan.pdf".to_string());
    python(&dir, &["-c", script, &pdf, &scan], &scan);
    let bytes = std::fs::read(dir.join(&scan)).unwrap_or_else(|e| panic!("{scan}: {e}"));
    match report::parse::parse(&bytes) {
        Err(report::parse::ParseError::Pdf(m)) => assert!(m.contains("扫描件"), "{m}"),
        other => panic!("{scan}: {:?}", other.map(|p| p.layout)),
    }
    let _ = std::fs::remove_dir_all(&dir);
}
