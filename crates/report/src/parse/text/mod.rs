//! Plain text as it comes out of DOCX and PDF files and office suites. The layout is told from
//! the shapes of the lines, then one reader brings the text to a [`Doc`]:
//!
//! - **cell per line** (DOCX → text): a table cell per line, indented by a tab; a blank line
//!   ends a row; an unindented line right after a cell continues that cell (`rows.rs`).
//! - **tab rows** (PDF → text): a table row per line, cells separated by tabs; rows can be split
//!   across lines and labels broken (`rows.rs`).
//! - **aligned columns** (`pdftotext -layout`): cells separated by runs of spaces (`rows.rs`).
//! - **single spaces** (pure-Rust PDF extraction): figures at the end of a line (`spaced.rs`).
//! - **a cell per line with nothing between rows** (an office suite's "save as text"):
//!   [`super::cell_lines`].
//! - **Markdown** pipe tables (what `render` writes), and grid tables (`+---+` between rows:
//!   reStructuredText, pandoc, Org) (`markdown.rs`).

mod apart;
mod browser;
mod doubled;
mod fullwidth;
mod grid;
mod html2text;
mod margins;
mod markdown;
mod marks;
mod page_number;
mod pipes;
mod rows;
mod running;
mod spaced;

use std::borrow::Cow;
use std::sync::LazyLock;

use memchr::memmem;

use super::doc::Doc;
use super::trim;
use rows::{cell_per_line, row_per_line};
use spaced::spaced;

pub(crate) use marks::Marks;
pub use page_number::is_page_number;
pub(crate) use spaced::{is_figure_like, trailing_figures};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextLayout {
    CellPerLine,
    TabRows,
    Aligned,
    /// Markdown pipe tables (what `gongkai render -o x.md` writes).
    Markdown,
    /// Single spaces between cells, figures at the end of the line (what pure-Rust PDF text
    /// extraction gives): a line ending in figures is a row, its words the label.
    Spaced,
    /// A cell per line with no indent and nothing between rows (an office suite's "save as
    /// text"): see [`super::cell_lines`].
    CellLines,
}

impl TextLayout {
    pub fn name(self) -> &'static str {
        match self {
            TextLayout::CellPerLine => "text (DOCX extract, cell per line)",
            TextLayout::TabRows => "text (PDF extract, tab-separated rows)",
            TextLayout::Aligned => "text (pdftotext -layout)",
            TextLayout::Markdown => "markdown",
            TextLayout::Spaced => "text (PDF extract, space-separated)",
            TextLayout::CellLines => "text (office export, cell per line)",
        }
    }

    /// The layout in words a clerk reads (the summary of `gongkai check`).
    pub fn label(self) -> &'static str {
        match self {
            TextLayout::CellPerLine => "DOCX 导出的文本（每格一行）",
            TextLayout::TabRows => "制表符分列的文本（PDF 提取或浏览器复制）",
            TextLayout::Aligned => "pdftotext -layout 版式文本",
            TextLayout::Markdown => "Markdown 文本",
            TextLayout::Spaced => "PDF 提取的文本（空格分列）",
            TextLayout::CellLines => "办公软件另存的文本（每格一行）",
        }
    }
}

/// Line shapes counted in one pass over the bytes.
#[derive(Default)]
struct Shapes {
    /// Lines that are one cell behind a tab.
    single: usize,
    /// Lines with a tab between cells.
    inner: usize,
    /// Lines with a run of three spaces between words.
    aligned: usize,
    /// Markdown table lines `| … |`.
    pipes: usize,
}

/// A text without a tab or a run of three spaces anywhere (most texts lack one or the other)
/// is spared the search for it in each line.
fn shapes(lines: &Lines<'_>) -> Shapes {
    let (tabs, three_spaces) = (lines.tabs, lines.three_spaces);
    let mut s = Shapes::default();
    for line in lines.iter().map(str::as_bytes) {
        let line = line.trim_ascii_end();
        let has_tab = |b: &[u8]| tabs && memchr::memchr(b'\t', b).is_some();
        if let Some(rest) = line.strip_prefix(b"\t") {
            if has_tab(rest) {
                s.inner += 1
            } else {
                s.single += 1
            }
            continue;
        }
        let t = line.trim_ascii_start();
        if has_tab(t) {
            s.inner += 1;
        } else if t.first() == Some(&b'|') && t.last() == Some(&b'|') {
            s.pipes += 1;
        } else if three_spaces && THREE_SPACES.find(t).is_some() {
            s.aligned += 1;
        }
    }
    s
}

/// The pieces of `text` between separators at the given offsets. Every separator this module
/// splits at is ASCII, so every piece starts and ends on a character boundary.
fn pieces<'t>(
    text: &'t str,
    separators: impl Iterator<Item = usize> + 't,
) -> impl Iterator<Item = &'t str> + 't {
    let mut start = 0;
    let mut ends = separators.chain(std::iter::once(text.len()));
    std::iter::from_fn(move || {
        let end = ends.next()?;
        let piece = text.get(start..end).unwrap_or_default();
        start = end + 1;
        Some(piece)
    })
}

/// `text.split(separator)` for an ASCII separator, with memchr.
pub(crate) fn split_at(text: &str, separator: u8) -> impl Iterator<Item = &str> {
    pieces(text, memchr::memchr_iter(separator, text.as_bytes()))
}

/// `str::lines` with memchr (the text has no carriage returns left: [`read`] took them out).
fn text_lines(text: &str) -> impl Iterator<Item = &str> {
    let body = text.strip_suffix('\n').unwrap_or(text);
    // An empty text has no lines at all, where splitting gives one empty piece.
    let count = if text.is_empty() { 0 } else { usize::MAX };
    split_at(body, b'\n').take(count)
}

static THREE_SPACES: LazyLock<memmem::Finder<'static>> =
    LazyLock::new(|| memmem::Finder::new(b"   "));

/// The line [`Lines::with_pages`] gives where a page begins.
pub(super) const PAGE_BREAK: &str = "\u{c}";

/// A text's lines, split once: the layout is told from them and then read from them.
struct Lines<'t> {
    lines: Vec<&'t str>,
    /// True when the text holds a form feed (a page break of PDF text).
    pages: bool,
    /// True when the text holds a tab.
    tabs: bool,
    /// True when the text holds a run of three spaces.
    three_spaces: bool,
}

impl<'t> Lines<'t> {
    fn of(text: &'t str) -> Lines<'t> {
        // Counting the line breaks first (a vector count) saves growing the list line by line.
        let mut lines = Vec::with_capacity(memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1);
        lines.extend(text_lines(text));
        doubled::undouble(&mut lines);
        // Only a text with a web address can hold a browser's margins.
        if memchr::memmem::find(text.as_bytes(), b"://").is_some() {
            margins::drop_browser_margins(&mut lines);
        }
        running::drop_page_headers(&mut lines);
        Lines {
            lines,
            pages: memchr::memchr(0x0c, text.as_bytes()).is_some(),
            tabs: memchr::memchr(b'\t', text.as_bytes()).is_some(),
            three_spaces: THREE_SPACES.find(text.as_bytes()).is_some(),
        }
    }

    fn iter(&self) -> impl Iterator<Item = &'t str> + '_ {
        self.lines.iter().copied()
    }

    /// The lines, each also split at its page breaks (PDF text). A page that starts a line
    /// leaves a line of the form feed alone, blank to every reader, which tells where a page
    /// begins to those that need it ([`PAGE_BREAK`]).
    fn with_pages(&self) -> impl Iterator<Item = &'t str> + '_ {
        let pages = self.pages;
        self.iter().flat_map(move |line| {
            let mut rest = Some(line);
            std::iter::from_fn(move || {
                let r = rest?;
                if pages && let Some(i) = memchr::memchr(0x0c, r.as_bytes()) {
                    rest = r.get(i + 1..);
                    return if i == 0 { r.get(..1) } else { r.get(..i) };
                }
                rest = None;
                Some(r)
            })
        })
    }
}

pub fn detect(text: &str) -> TextLayout {
    detect_lines(&Lines::of(text))
}

fn detect_lines(lines: &Lines<'_>) -> TextLayout {
    let s = shapes(lines);
    if s.pipes >= 5 {
        return TextLayout::Markdown;
    }
    let (single, inner, aligned) = (s.single, s.inner, s.aligned);
    if single > 20 && single > inner * 2 {
        TextLayout::CellPerLine
    } else if inner >= aligned / 2 && inner > 0 {
        TextLayout::TabRows
    } else if aligned >= 10 {
        TextLayout::Aligned
    } else if let Some(layout) = figures_shape(lines, aligned) {
        layout
    } else if aligned > 0 {
        TextLayout::Aligned
    } else {
        TextLayout::TabRows
    }
}

/// Space-separated rows (five lines ending in three figures or more; or, where a body leaves
/// its zeros blank and few rows keep three figures, three lines of figures alone behind one
/// space, more than the lines indented as `pdftotext -layout` indents) or a cell per line
/// (twenty lines that are a figure alone; or three or more of them among five runs of three
/// empty lines or more — blank cells), told in one pass that stops as soon as the first is
/// sure.
fn figures_shape(lines: &Lines<'_>, aligned: usize) -> Option<TextLayout> {
    let (mut rows, mut lone, mut runs, mut pairs) = (0, 0, 0, 0);
    let (mut empty, mut blank_runs) = (0, 0);
    for line in lines.iter() {
        if trim(line).is_empty() {
            empty += 1;
            blank_runs += usize::from(empty == 3);
            continue;
        }
        empty = 0;
        match trailing_figures(line) {
            (_, n) if n >= 3 => {
                rows += 1;
                if rows == 5 {
                    return Some(TextLayout::Spaced);
                }
            }
            (label, n) => {
                // Figures alone, set off by one space as a new text run (pdf-extract's ` 87`):
                // a row whose blank cells left no trace.
                if label.is_empty() && n >= 1 && is_text_run(line) {
                    runs += 1;
                    pairs += usize::from(n == 2);
                }
                lone += usize::from(label.is_empty() && n == 1);
            }
        }
    }
    let cell_lines = lone >= 20 || lone >= 3 && blank_runs >= 5;
    // A cell per line may indent its figures by a space too, but never sets two on a line.
    if runs >= 1 && runs + rows >= 3 && runs + rows > aligned && (!cell_lines || rows + pairs > 0) {
        return Some(TextLayout::Spaced);
    }
    cell_lines.then_some(TextLayout::CellLines)
}

/// Figures alone on a line behind one space, as pdf-extract starts a new text run: other
/// layouts indent with several spaces (`pdftotext -layout`), a tab, or nothing.
fn is_text_run(line: &str) -> bool {
    line.strip_prefix(' ')
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
}

/// Reads `text` into a document it owns (for callers that keep the document; [`read_with`]
/// is quicker where the document is only looked at).
pub fn read(text: &str) -> (Doc<'static>, super::Layout) {
    read_with(text, |doc, layout| (doc.clone().into_owned(), layout))
}

/// Reads `text` and hands the document to `f`. Text that must be rewritten before its lines
/// can be read (Windows line ends, cells a browser put on lines of their own, Markdown) is
/// read from the rewrite, which lives only as long as this call: the document borrows from it
/// instead of copying every paragraph and cell out of it. The layout handed over says whether
/// the text was a web page's: a browser's copy or a crawler's save, whose tables are rewritten
/// into a layout the readers know.
pub fn read_with<R>(text: &str, f: impl FnOnce(&Doc<'_>, super::Layout) -> R) -> R {
    let mut rewritten = None;
    if memchr::memchr(b'\r', text.as_bytes()).is_some() {
        // CR CR LF is one line end that went through two conversions to Windows line ends.
        rewritten = Some(
            text.replace("\r\r\n", "\n")
                .replace("\r\n", "\n")
                .replace('\r', "\n"),
        );
    }
    if let Some(joined) = fullwidth::join(rewritten.as_deref().unwrap_or(text)) {
        rewritten = Some(joined);
    }
    let mut layout = None;
    let mut web_page = true;
    if let Some(joined) = browser::join_cells(rewritten.as_deref().unwrap_or(text)) {
        rewritten = Some(joined);
    } else if let Some((cells, known)) = pipes::rewrite(rewritten.as_deref().unwrap_or(text)) {
        rewritten = Some(cells);
        layout = known;
    } else {
        web_page = false;
    }
    let (doc, layout, tabs) = read_lines(rewritten.as_deref().unwrap_or(text), layout);
    let layout = if web_page {
        super::Layout::WebText(layout)
    } else if layout == TextLayout::TabRows && !tabs {
        // Read a row per line, as tab-separated text is, but no tab parts any cells.
        super::Layout::PlainText
    } else {
        super::Layout::Text(layout)
    };
    f(&doc, layout)
}

/// Reads the lines of `text` in `layout`, or the layout they show; says too whether the text
/// holds a tab.
fn read_lines(text: &str, layout: Option<TextLayout>) -> (Doc<'_>, TextLayout, bool) {
    let lines = Lines::of(text);
    let layout = layout.unwrap_or_else(|| detect_lines(&lines));
    let marks = Marks::of(text);
    let doc = Doc::with_capacity(lines.lines.len());
    let doc = match layout {
        TextLayout::CellPerLine => cell_per_line(doc, lines.iter(), &marks),
        TextLayout::TabRows | TextLayout::Aligned => {
            row_per_line(doc, lines.with_pages(), &marks, layout)
        }
        TextLayout::Markdown => markdown::read(doc, lines.iter()),
        TextLayout::Spaced => spaced(doc, lines.with_pages(), &marks),
        TextLayout::CellLines => super::cell_lines::read(doc, &lines.lines, &marks),
    };
    (doc, layout, lines.tabs)
}

/// `part` (a slice of `line`) with the lifetime of the input when `line` borrows it.
pub(crate) fn sub<'a>(line: &Cow<'a, str>, part: &str) -> Cow<'a, str> {
    match line {
        Cow::Borrowed(l) => {
            let start = (part.as_ptr() as usize).wrapping_sub(l.as_ptr() as usize);
            l.get(start..start + part.len())
                .map_or_else(|| Cow::Owned(part.to_string()), Cow::Borrowed)
        }
        Cow::Owned(_) => Cow::Owned(part.to_string()),
    }
}

/// `line.trim_end_matches([' ', '\u{a0}'])`, without a search where the last byte is neither.
pub(crate) fn trim_end_spaces(line: &str) -> &str {
    match line.as_bytes().last() {
        Some(b' ' | 0xa0) => line.trim_end_matches([' ', '\u{a0}']),
        _ => line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::Layout;

    proptest::proptest! {
        #[test]
        fn trim_end_spaces_as_std_trims(line in "[ a\u{a0}\u{3000}堠公]{0,8}") {
            proptest::prop_assert_eq!(
                trim_end_spaces(&line),
                line.trim_end_matches([' ', '\u{a0}'])
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn split_at_as_std_splits(text in "[|\t a公]{0,12}") {
            for sep in ['|', '\t'] {
                proptest::prop_assert_eq!(
                    split_at(&text, sep as u8).collect::<Vec<_>>(),
                    text.split(sep).collect::<Vec<_>>()
                );
            }
        }
    }

    #[test]
    fn every_kind_of_line_end_reads_alike() {
        // A cell per line (office text), where an empty line is an empty cell.
        let mut unix = String::from("三、收到和处理政府信息公开申请情况\n");
        for label in [
            "（一）予以公开",
            "（二）部分公开",
            "1.属于国家秘密",
            "2.其他法律行政法规禁止公开",
        ] {
            unix.push_str(label);
            unix.push_str("\n1\n\n0\n0\n0\n0\n1\n");
        }
        let unix = unix.as_str();
        assert_eq!(read(unix).1, Layout::Text(TextLayout::CellLines));
        for ends in ["\r\n", "\r", "\r\r\n"] {
            let text = unix.replace('\n', ends);
            assert_eq!(read(&text), read(unix), "{ends:?}");
        }
    }

    /// A web page's text is named as such, whatever layout its tables were rewritten to; a
    /// PDF's tab-separated text is not.
    #[test]
    fn web_pages_are_told_from_documents() {
        let pipes = "二、主动公开政府信息情况\n".to_string() + &"规章 | 0 | 0 | 0 |\n".repeat(12);
        let html2text = "信息内容| 本年制发件数\n---|---\n规章| 0\n行政许可| 1\n\n正文。\n";
        // A browser's copy: each cell a paragraph, a line holding only a tab between cells.
        let browser = "正文。\n\n".to_string() + &"规章\n\n\t\n\n0\n\n\n".repeat(12);
        for text in [pipes.as_str(), html2text, browser.as_str()] {
            assert!(
                matches!(read(text).1, Layout::WebText(_)),
                "{text:?}: {:?}",
                read(text).1
            );
        }
        let pdf = "规章\t0\t0\t0\n".repeat(12);
        assert_eq!(read(&pdf).1, Layout::Text(TextLayout::TabRows));
        // Text of no layout at all (not one tab, no figures set in columns) is plain text.
        assert_eq!(read("一、总体情况\n正文。\n").1, Layout::PlainText);
    }

    #[test]
    fn lines_as_std_splits_them() {
        for text in [
            "",
            "\n",
            "a",
            "a\n",
            "a\n\n",
            "\na\n\tb",
            "一\n二\u{c}三\n",
            "\u{c}",
            "a\u{c}\u{c}b\n\u{c}",
        ] {
            assert_eq!(Lines::of(text).lines, text.lines().collect::<Vec<_>>());
            // A page break at a line's start is a line of its own; else a line ends there.
            let pieces: Vec<&str> = text.lines().flat_map(|l| l.split('\u{c}')).collect();
            let pages: Vec<&str> = Lines::of(text).with_pages().collect();
            assert_eq!(pages.len(), pieces.len(), "{text:?}");
            for (page, piece) in pages.iter().zip(&pieces) {
                assert!(*page == *piece || (*page == PAGE_BREAK && piece.is_empty()));
            }
        }
    }

    #[test]
    fn layouts_are_told_apart() {
        let cell_per_line = "标题\n".to_string() + &"\t规章\n\t0\n\n".repeat(12);
        let tab_rows = "规章\t0\t0\t0\n".repeat(5);
        let aligned = "  规章                 0      0      0\n".repeat(12);
        let markdown = "| 规章 | 0 | 0 | 0 |\n".repeat(6);
        let spaced = "1.属于国家秘密 0 0 0 0 0 0 0\n".repeat(6);
        let cases = [
            (cell_per_line.as_str(), TextLayout::CellPerLine),
            (tab_rows.as_str(), TextLayout::TabRows),
            (aligned.as_str(), TextLayout::Aligned),
            (markdown.as_str(), TextLayout::Markdown),
            (spaced.as_str(), TextLayout::Spaced),
            // Zeros left blank: few rows keep three figures, and a figure stands alone behind
            // the one space that starts a text run; a wide gap where a blank cell was.
            (
                "规章\n 1  1\n行政规范性文件 15 3 15\n行政许可\n 43\n（一）予以公开 1    1\n",
                TextLayout::Spaced,
            ),
            // A cell per line whose figures a space indents: still a cell per line.
            (
                &"规章\n 1\n\n\n\n行政许可\n 43\n".repeat(6),
                TextLayout::CellLines,
            ),
            // `pdftotext -layout` with one such line among rows indented as it indents them.
            (
                "规章          1      1\n行政许可           43\n行政处罚   2\n 1\n",
                TextLayout::Aligned,
            ),
            ("只有一段文字。", TextLayout::TabRows),
        ];
        for (text, want) in cases {
            assert_eq!(detect(text), want, "{text:?}");
        }
    }
}
