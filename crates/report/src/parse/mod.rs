//! Parsers for every form in which reports arrive. Each reader brings its source to a [`Doc`]
//! (paragraphs and table rows); [`extract`] reads the report out of that once for all.

pub mod archive;
mod cell_lines;
mod cmaps;
mod columns;
pub mod doc;
pub mod docx;
mod docx_body;
pub mod extract;
pub mod glyphs;
pub mod html;
mod legacy_cmaps;
pub mod msdoc;
mod msdoc_rows;
pub mod number;
pub mod numbering;
pub mod ofd;
pub mod pdf;
pub mod radicals;
mod reflow;
mod shield;
pub mod text;
pub mod traditional;
pub(crate) mod words;

use std::borrow::Cow;

use crate::check::Finding;
use crate::model::{Cell, Column, Format, Report, RowKey};

pub use doc::Doc;
pub use shield::quiet_shielded_panics;

/// The form a report arrived in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    Text(text::TextLayout),
    /// A web page's text, as a browser copies it or a crawler saves it (cells ended by `|`,
    /// html2text's tables), read in the layout its tables were rewritten to.
    WebText(text::TextLayout),
    /// Text of no table layout (not one tab, no figures set in columns): a paragraph per line,
    /// read as tab-separated rows are.
    PlainText,
    Html,
    Docx,
    /// A Word 97–2003 document (`.doc`).
    Doc,
    Pdf,
    /// An OFD file (GB/T 33190).
    Ofd,
    /// The interchange JSON itself (or a `check --json` object holding it).
    Json,
}

impl Layout {
    /// `pdftotext -layout` text, its narrative wrapped at the page width.
    /// The narrative's lines are the page's (`pdftotext -layout`, and OFD text laid out from
    /// its glyphs): paragraphs are joined again ([`reflow`]).
    fn wraps_lines(self) -> bool {
        matches!(
            self,
            Layout::Text(text::TextLayout::Aligned)
                | Layout::WebText(text::TextLayout::Aligned)
                | Layout::Ofd
        )
    }

    pub fn name(self) -> &'static str {
        match self {
            Layout::Text(t) => t.name(),
            Layout::WebText(_) => "text (web page copy)",
            Layout::PlainText => "text (plain)",
            Layout::Html => "html",
            Layout::Docx => "docx",
            Layout::Doc => "doc",
            Layout::Pdf => "pdf",
            Layout::Ofd => "ofd",
            Layout::Json => "json",
        }
    }

    /// The form in words a clerk reads (the summary of `gongkai check`); [`Layout::name`] is
    /// the stable name that `--json` gives.
    pub fn label(self) -> &'static str {
        match self {
            Layout::Text(t) => t.label(),
            Layout::WebText(_) => "网页文本（浏览器复制或网页另存）",
            Layout::PlainText => "纯文本（每段一行）",
            Layout::Html => "网页（HTML）",
            Layout::Docx => "DOCX 文件",
            Layout::Doc => "DOC 文件（Word 97–2003）",
            Layout::Pdf => "PDF 文件",
            Layout::Ofd => "OFD 文件",
            Layout::Json => "交换格式 JSON",
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ParseError {
    #[error("文件为空")]
    Empty,
    #[error("不是文本、HTML、DOC、DOCX、PDF 或 OFD 文件（无法识别的二进制内容）")]
    Binary,
    #[error("DOCX 文件无法读取：{0}")]
    Docx(String),
    #[error("DOC 文件无法读取：{0}")]
    Doc(String),
    #[error("PDF 文件无法读取：{0}")]
    Pdf(String),
    #[error("OFD 文件无法读取：{0}")]
    Ofd(String),
    #[error("JSON 不是年度报告交换格式：{0}")]
    Json(String),
    #[error("不是政府信息公开工作年度报告：{0}")]
    NotAReport(String),
    /// A report of a year before 2019, in the form of the 2008 regulation: none of the
    /// tables this engine reads.
    #[error(
        "这是{0}年度的年度报告，采用2019年以前的格式（依2008年施行的原《条例》编制，没有2021年格式的统计表）；本工具读取2021年格式（国办公开办函〔2021〕30号）及2019年试行格式的年度报告"
    )]
    BeforeFormat(i32),
    /// The disclosure report of another law than the regulation (a university's).
    #[error(
        "这是{0}，不是政府信息公开工作年度报告：两者依据不同的规定、章节和表格不同；本工具读取政府信息公开工作年度报告（2021年格式及2019年试行格式）"
    )]
    OtherRegime(&'static str),
    /// A ZIP archive of files (its entry count), each to be read as a report of its own.
    #[error(
        "这是 ZIP 压缩包（内有 {0} 个文件），不是一份报告：请解压后逐个检查，或用命令行 gongkai check 直接检查压缩包"
    )]
    Archive(usize),
    /// A form reports are not read from, named so the clerk knows what to save it as.
    #[error("{0}")]
    Unsupported(&'static str),
}

/// A report read from a source, with what the reading itself found.
#[derive(Debug)]
pub struct Parsed {
    pub report: Report,
    pub layout: Layout,
    /// Findings of the reading: cells restored or lost, sections out of order.
    pub findings: Vec<Finding>,
    pub lost: Vec<(RowKey, Column)>,
    /// Tables 二, 三 and 四 stood in the source, even with every cell blank: a table of blank
    /// cells reads as nothing but nulls, and is still no missing table.
    pub tables_seen: [bool; 3],
}

/// An opened ZIP container (DOCX, OFD) over the input's bytes.
pub(crate) type Zip<'a> = zip::ZipArchive<std::io::Cursor<&'a [u8]>>;

/// Refuses inputs larger than this: no annual report comes near it.
pub const MAX_INPUT: usize = 64 * 1024 * 1024;

/// Reads a report from a file's bytes, whatever its form.
pub fn parse(bytes: &[u8]) -> Result<Parsed, ParseError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ParseError::Empty);
    }
    if bytes.len() > MAX_INPUT {
        return Err(ParseError::NotAReport(format!(
            "文件过大（{} 字节，上限 {} 字节）",
            bytes.len(),
            MAX_INPUT
        )));
    }
    if is_image(bytes) {
        return Err(ParseError::Unsupported(
            "这是图片（扫描件或截图），其中的文字无法直接读取；请提供带文字的 PDF、OFD 或 DOCX 原件，或先做文字识别（OCR）后再检查",
        ));
    }
    if msdoc::is_ole(bytes) {
        return from_word97_text(&msdoc::text(bytes)?);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        // Opened once: DOCX and OFD share the container, and its directory tells which it is.
        let mut zip = docx::open(bytes)?;
        if ofd::holds_ofd(&zip) {
            let pages = ofd::pages_zip(&mut zip)?;
            let text = glyphs::pages_text(pages.iter().cloned(), glyphs::lay_out)
                .ok_or_else(|| ParseError::Ofd("页面文字过多".into()))?;
            if !has_text_layer(&text) {
                return Err(ParseError::Ofd(SCANNED.into()));
            }
            return from_fixed(&text, pages, Layout::Ofd);
        }
        if archive::is_plain(&zip) {
            return Err(ParseError::Archive(zip.len()));
        }
        return from_doc(&docx::read_zip(&mut zip)?, Layout::Docx);
    }
    if bytes.starts_with(b"%PDF")
        || bytes
            .get(..1024)
            .is_some_and(|h| find(h, b"%PDF-").is_some())
    {
        return from_pdf(bytes);
    }
    let text = decode(bytes)?;
    // Text copied out of such a PDF carries its radicals too.
    let text = match radicals::unify(&text) {
        Cow::Owned(unified) => Cow::Owned(unified),
        Cow::Borrowed(_) => text,
    };
    let text = match traditional::simplify(&text) {
        Cow::Owned(simplified) => Cow::Owned(simplified),
        Cow::Borrowed(_) => text,
    };
    let start = text.trim_start();
    if start.starts_with("{\\rtf") {
        return Err(ParseError::Unsupported(
            "这是 RTF 文档，无法读取；请用 WPS、Word 或 LibreOffice 另存为 DOCX 或 PDF 后再检查",
        ));
    }
    if start.starts_with('{') {
        return from_json(&text);
    }
    if looks_like_html(&text) {
        return from_doc(&html::read(&text), Layout::Html).map_err(|e| match iframe_src(&text) {
            Some(src) if matches!(e, ParseError::NotAReport(_)) => ParseError::NotAReport(format!(
                "网页正文在内嵌框架（iframe）中，本页只有外框；请打开 {src} 另存后再检查"
            )),
            _ => e,
        });
    }
    text::read_with(&text, from_doc)
}

/// Where the first `<iframe>` of a page loads its content from: portals that show an article
/// inside a frame save a page with none of the article in it.
fn iframe_src(html: &str) -> Option<&str> {
    let lower = html.get(..html.len().min(1 << 20))?.to_ascii_lowercase();
    let tag = lower.find("<iframe")?;
    let end = tag + lower.get(tag..)?.find('>')?;
    let src = tag + lower.get(tag..end)?.find("src=")? + "src=".len();
    let rest = html.get(src..end)?;
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = rest.get(1..)?.split(quote).next()?;
    (!value.trim().is_empty()).then_some(value.trim())
}

/// PNG, JPEG, GIF, TIFF, BMP and WebP, told by their first bytes: reports published as
/// pictures of their pages.
fn is_image(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\x89PNG\r\n\x1a\n")
        || bytes.starts_with(b"\xff\xd8\xff")
        || bytes.starts_with(b"GIF87a")
        || bytes.starts_with(b"GIF89a")
        || bytes.starts_with(b"II*\0")
        || bytes.starts_with(b"MM\0*")
        || bytes.starts_with(b"BM") && bytes.len() > 26 && bytes.get(6..10) == Some(&[0, 0, 0, 0])
        || bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP")
}

/// What a PDF or OFD file without text is: pictures of pages, which only OCR can read.
const SCANNED: &str = "文件中没有文字（可能是扫描件，页面只是图片）；请提供带文字的 PDF、OFD 或 DOCX 原件，或先做文字识别（OCR）后再检查";

/// A fixed-layout file's text holds words: a scan's holds none, or only a page number here
/// and there.
fn has_text_layer(text: &str) -> bool {
    text.chars().filter(|c| !c.is_whitespace()).take(50).count() >= 50
}

fn from_pdf(bytes: &[u8]) -> Result<Parsed, ParseError> {
    let pdf = pdf::extract(bytes)?;
    if !has_text_layer(&pdf.text) {
        return Err(ParseError::Pdf(SCANNED.into()));
    }
    from_fixed(&pdf.text, pdf.pages, Layout::Pdf)
}

/// Reads a fixed-layout file (PDF, OFD) from its text, or else from its pages' glyphs: when
/// the text lost cells — blank cells it shows as nothing — or whole tables, the pages set out
/// with blank cells marked by their columns are read instead if that gives more cells.
fn from_fixed(
    text: &str,
    pages: Vec<Vec<glyphs::Glyph>>,
    layout: Layout,
) -> Result<Parsed, ParseError> {
    let read = |text: &str| text::read_with(&radicals::unify(text), |doc, _| from_doc(doc, layout));
    let first = read(text);
    if first.as_ref().is_ok_and(whole) {
        return first;
    }
    let Some(text) = glyphs::set_out(pages) else {
        return first;
    };
    match (first, read(&text)) {
        // More cells, none read otherwise by the text, and no more rows whose figures do not
        // add up to their total: a set-out that parted a figure's digits (glyphs a printer
        // spaced apart, `1 3 9` for 139) knows more "cells", all wrong.
        (Ok(a), Ok(b))
            if known_cells(&b) > known_cells(&a)
                && agrees(&a.report, &b.report)
                && rows_off(&b.report) <= rows_off(&a.report) =>
        {
            Ok(b)
        }
        (Err(_), Ok(b)) => Ok(b),
        (a, _) => a,
    }
}

/// A reading lost no cell and found every table whole.
fn whole(p: &Parsed) -> bool {
    p.lost.is_empty() && !table2_short(p) && tables_whole(&p.report)
}

/// A row of table 二 was read with fewer cells than its columns and left blank, or not met at
/// all (a label the text broke off from its figures at a page's end: `行政规范性文 1 2 1` /
/// `件` below, where the text put the page's footer between them).
fn table2_short(p: &Parsed) -> bool {
    p.findings
        .iter()
        .any(|f| f.rule == "sections" && f.location.starts_with("table2"))
}

/// Every table has cells, and table 三 every row of its format (the 2019 format has no rows for
/// the three kinds of （六）).
fn tables_whole(r: &Report) -> bool {
    let expected = if r.format == Format::Trial2019 {
        RowKey::ALL.len() - 3
    } else {
        RowKey::ALL.len()
    };
    rows_read(r) >= expected
        && r.table2.cells().iter().any(Option::is_some)
        && r.table4.0.iter().any(Option::is_some)
}

/// Cells a reading knows: the figures of tables 二 and 四, and the cells of table 三's rows
/// that were not lost (a blank one is known blank).
/// Every cell that both readings know is the same in both.
fn agrees(a: &Report, b: &Report) -> bool {
    let same = |x: &[Cell], y: &[Cell]| {
        x.iter()
            .zip(y)
            .all(|(x, y)| x.is_none() || y.is_none() || x == y)
    };
    same(&a.table2.cells(), &b.table2.cells())
        && same(&a.table4.0, &b.table4.0)
        && RowKey::ALL
            .iter()
            .all(|&k| match (a.table3.row(k), b.table3.row(k)) {
                (Some(x), Some(y)) => same(x, y),
                _ => true,
            })
}

/// Rows of table 三 whose every cell is read and whose six columns do not add up to its total.
fn rows_off(r: &Report) -> usize {
    RowKey::ALL
        .iter()
        .filter_map(|&k| r.table3.row(k))
        .filter_map(|row| row.iter().copied().collect::<Option<Vec<_>>>())
        .filter(|cells| {
            let parts: f64 = cells.iter().take(6).map(|n| n.value()).sum();
            cells
                .get(6)
                .is_some_and(|t| (parts - t.value()).abs() > 1e-9)
        })
        .count()
}

fn known_cells(p: &Parsed) -> usize {
    let r = &p.report;
    let figures = r.table2.cells().iter().filter(|c| c.is_some()).count()
        + r.table4.0.iter().filter(|c| c.is_some()).count();
    (rows_read(r) * 7 + figures).saturating_sub(p.lost.len())
}

/// Table 三's rows that a reading found.
fn rows_read(r: &Report) -> usize {
    RowKey::ALL
        .iter()
        .filter(|k| r.table3.row(**k).is_some())
        .count()
}

/// Reads a report from the text of a Word 97–2003 document ([`msdoc::text`]).
pub fn from_word97_text(text: &str) -> Result<Parsed, ParseError> {
    from_doc(&cell_lines::doc(text), Layout::Doc)
}

/// Reads a report from an already-built [`Doc`].
pub fn from_doc(doc: &Doc<'_>, layout: Layout) -> Result<Parsed, ParseError> {
    let ex = extract::extract(doc);
    // A notice or reply about annual reports names them in its title and is dated like one;
    // it is not one, whatever year its date gives.
    if ex.tables_found == 0 && ex.about_reports {
        return Err(ParseError::NotAReport(
            "这是关于年度报告的公文（通知、函、解释等），不是年度报告本身".into(),
        ));
    }
    // Reports before 2019 are titled and dated like ours but set out otherwise (概述, 依申请公开
    // 政府信息情况, 复议、诉讼和申诉情况, tables of other rows): say which, rather than call them
    // no report, or read their headings as a report whose every table is missing.
    if ex.tables_found == 0
        && let Some(year) = ex.report.year.filter(|y| *y < 2019)
    {
        return Err(ParseError::BeforeFormat(year));
    }
    // A university's report (《高等学校信息公开办法》) has sections of its own and none of these
    // tables: named as what it is, rather than read as a government's report missing them all.
    if ex.tables_found == 0
        && let Some(kind) = ex.other_regime
    {
        return Err(ParseError::OtherRegime(kind));
    }
    if ex.tables_found == 0 && ex.headings_found < 3 {
        return Err(ParseError::NotAReport(
            "没有找到年度报告的章节（一、总体情况……六、其他需要报告的事项）或表格（主动公开、申请处理、复议诉讼情况）".into(),
        ));
    }
    let mut report = ex.report;
    if layout.wraps_lines() {
        reflow::sections(&mut report.sections);
    }
    Ok(Parsed {
        report,
        layout,
        findings: ex.findings,
        lost: ex.lost,
        tables_seen: ex.tables_seen,
    })
}

fn from_json(text: &str) -> Result<Parsed, ParseError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| ParseError::Json(e.to_string()))?;
    let value = value.get("report").cloned().unwrap_or(value);
    let report: Report =
        serde_json::from_value(value).map_err(|e| ParseError::Json(e.to_string()))?;
    Ok(Parsed {
        report,
        layout: Layout::Json,
        findings: Vec::new(),
        lost: Vec::new(),
        tables_seen: [false; 3],
    })
}

/// [`str::trim`], quicker where it matters: most lines and cells begin and end with a character
/// that is no space (a CJK character or punctuation, an ASCII letter or digit), which a look at
/// the first and last characters' bytes tells without a search. Anything else goes to
/// `str::trim`.
pub fn trim(s: &str) -> &str {
    let b = s.as_bytes();
    if b.is_empty() || !space_first(b) && !space_last(b) {
        s
    } else {
        s.trim()
    }
}

/// [`str::trim_end`], quicker where the last character is no space ([`trim`]'s test).
pub fn trim_end(s: &str) -> &str {
    if space_last(s.as_bytes()) {
        s.trim_end()
    } else {
        s
    }
}

/// [`str::trim_start`], quicker where the first character is no space ([`trim`]'s test).
pub fn trim_start(s: &str) -> &str {
    if space_first(s.as_bytes()) {
        s.trim_start()
    } else {
        s
    }
}

/// Whether the character that begins `b` (UTF-8) may be a space. Every non-ASCII Unicode space
/// begins with one of four lead bytes: U+0085 and U+00A0 (C2), U+1680 (E1), U+2000–U+205F
/// (E2), U+3000 (E3 80 80); CJK punctuation (U+3001…, E3 80 81…) is none.
fn space_first(b: &[u8]) -> bool {
    match b {
        [lead, ..] if *lead < 0x80 => lead.is_ascii_whitespace() || *lead == 0x0b,
        [0xE3, 0x80, 0x80, ..] => true,
        [0xC2 | 0xE1 | 0xE2, ..] => true,
        _ => false,
    }
}

/// Whether the last character of `b` (UTF-8) may be a space ([`space_first`]'s test).
fn space_last(b: &[u8]) -> bool {
    match b {
        [.., last] if *last < 0x80 => last.is_ascii_whitespace() || *last == 0x0b,
        [.., 0xE3, 0x80, 0x80] => true,
        [.., 0xC2, _] | [.., 0xE1 | 0xE2, _, _] => true,
        _ => false,
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

fn looks_like_html(text: &str) -> bool {
    // Bytes, not chars: the markers are ASCII, and this runs on every text file.
    let head = &text.as_bytes()[..text.len().min(4096)];
    let has = |marker: &[u8]| {
        head.windows(marker.len())
            .any(|w| w.eq_ignore_ascii_case(marker))
    };
    memchr::memchr(b'<', head).is_some()
        && (has(b"<html") || has(b"<table") || has(b"<!doctype html") || has(b"<p") && has(b"</p>"))
}

/// UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (the superset of GBK and GB2312
/// that older portals and Windows tools still write).
fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, ParseError> {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(bytes.get(bom..).unwrap_or_default());
        return Ok(Cow::Owned(text.into_owned()));
    }
    // simdutf8 validates at memory speed; its error carries no detail, and none is needed here.
    if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        return check_text(Cow::Borrowed(s));
    }
    let (text, _, errors) = encoding_rs::GB18030.decode(bytes);
    if errors {
        return Err(ParseError::Binary);
    }
    check_text(Cow::Owned(text.into_owned()))
}

/// ASCII control characters other than line breaks, tabs and form feeds. Branch-free over
/// chunks of 255 bytes, so that the compiler counts 16 bytes at a time in u8 lanes.
fn control_bytes(bytes: &[u8]) -> usize {
    bytes
        .chunks(255)
        .map(|chunk| {
            let n: u8 = chunk.iter().fold(0u8, |n, &b| {
                let ctl = (b < 0x20) & (b != b'\n') & (b != b'\r') & (b != b'\t') & (b != 0x0c);
                n.wrapping_add(u8::from(ctl))
            });
            usize::from(n)
        })
        .sum()
}

/// Text is refused as binary when more than 1 byte in 20 is an ASCII control character.
fn check_text(s: Cow<'_, str>) -> Result<Cow<'_, str>, ParseError> {
    let control = control_bytes(s.as_bytes());
    if control * 20 > s.len().max(1) {
        return Err(ParseError::Binary);
    }
    Ok(s)
}

/// A ZIP file of the given parts, for the tests of the readers of ZIP-based formats.
#[cfg(test)]
pub(crate) fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
    use std::io::Write;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, body) in parts {
        out.start_file(*name, zip::write::SimpleFileOptions::default())
            .expect("entry");
        out.write_all(body.as_bytes()).expect("write");
    }
    out.finish().expect("zip").into_inner()
}

#[cfg(test)]
mod tests;
