//! Plain text as it comes out of DOCX and PDF files, in three layouts:
//!
//! - **cell per line** (DOCX → text): a table cell per line, indented by a tab; a blank line
//!   ends a row; an unindented line right after a cell continues that cell.
//! - **tab rows** (PDF → text): a table row per line, cells separated by tabs; rows can be split
//!   across lines and labels broken.
//! - **aligned columns** (`pdftotext -layout`): cells separated by runs of spaces.

use std::borrow::Cow;
use std::sync::LazyLock;

use memchr::memmem;

use super::doc::{Doc, strip_marks};
use super::number::{CellText, classify};
use super::numbering;
use super::trim;

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

fn shapes(lines: &[&str]) -> Shapes {
    static THREE_SPACES: LazyLock<memmem::Finder<'static>> =
        LazyLock::new(|| memmem::Finder::new(b"   "));
    let mut s = Shapes::default();
    for line in lines.iter().map(|l| l.as_bytes()) {
        let line = line.trim_ascii_end();
        let has_tab = |b: &[u8]| memchr::memchr(b'\t', b).is_some();
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
        } else if THREE_SPACES.find(t).is_some() {
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

/// A text's lines, split once: the layout is told from them and then read from them.
struct Lines<'t> {
    lines: Vec<&'t str>,
    /// True when the text holds a form feed (a page break of PDF text).
    pages: bool,
}

impl<'t> Lines<'t> {
    fn of(text: &'t str) -> Lines<'t> {
        // Counting the line breaks first (a vector count) saves growing the list line by line.
        let mut lines = Vec::with_capacity(memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1);
        lines.extend(text_lines(text));
        Lines {
            lines,
            pages: memchr::memchr(0x0c, text.as_bytes()).is_some(),
        }
    }

    fn iter(&self) -> impl Iterator<Item = &'t str> + '_ {
        self.lines.iter().copied()
    }

    /// The lines, each also split at its page breaks (PDF text).
    fn with_pages(&self) -> impl Iterator<Item = &'t str> + '_ {
        let pages = self.pages;
        self.iter().flat_map(move |line| {
            let mut rest = Some(line);
            std::iter::from_fn(move || {
                let r = rest?;
                if pages && let Some(i) = memchr::memchr(0x0c, r.as_bytes()) {
                    rest = r.get(i + 1..);
                    return r.get(..i);
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
    let s = shapes(&lines.lines);
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
    } else if let Some(layout) = figures_shape(lines) {
        layout
    } else if aligned > 0 {
        TextLayout::Aligned
    } else {
        TextLayout::TabRows
    }
}

/// Space-separated rows (five lines ending in three figures or more) or a cell per line (twenty
/// lines that are a figure alone), told in one pass that stops as soon as the first is sure.
fn figures_shape(lines: &Lines<'_>) -> Option<TextLayout> {
    let (mut rows, mut lone) = (0, 0);
    for line in lines.iter() {
        match trailing_figures(line) {
            (_, n) if n >= 3 => {
                rows += 1;
                if rows == 5 {
                    return Some(TextLayout::Spaced);
                }
            }
            ("", 1) => lone += 1,
            _ => {}
        }
    }
    (lone >= 20).then_some(TextLayout::CellLines)
}

pub fn read(text: &str) -> (Doc<'_>, TextLayout) {
    if memchr::memchr(b'\r', text.as_bytes()).is_some() {
        // CR CR LF is one line end that went through two conversions to Windows line ends.
        let unix = text
            .replace("\r\r\n", "\n")
            .replace("\r\n", "\n")
            .replace('\r', "\n");
        let (doc, layout) = read_lines(&unix);
        return (doc.into_owned(), layout);
    }
    read_lines(text)
}

fn read_lines(text: &str) -> (Doc<'_>, TextLayout) {
    let lines = Lines::of(text);
    let layout = detect_lines(&lines);
    let marks = Marks::of(text);
    let doc = Doc::with_capacity(lines.lines.len());
    let doc = match layout {
        TextLayout::CellPerLine => cell_per_line(doc, lines.iter(), &marks),
        TextLayout::TabRows | TextLayout::Aligned => {
            row_per_line(doc, lines.with_pages(), &marks, layout)
        }
        TextLayout::Markdown => markdown(doc, lines.iter()),
        TextLayout::Spaced => spaced(doc, lines.with_pages(), &marks),
        TextLayout::CellLines => super::cell_lines::read(doc, &lines.lines, &marks),
    };
    (doc, layout)
}

/// `part` (a slice of `line`) with the lifetime of the input when `line` borrows it.
fn sub<'a>(line: &Cow<'a, str>, part: &str) -> Cow<'a, str> {
    match line {
        Cow::Borrowed(l) => {
            let start = (part.as_ptr() as usize).wrapping_sub(l.as_ptr() as usize);
            l.get(start..start + part.len())
                .map_or_else(|| Cow::Owned(part.to_string()), Cow::Borrowed)
        }
        Cow::Owned(_) => Cow::Owned(part.to_string()),
    }
}

/// [`strip_marks`] for the lines of a text, which most often has no mark at all, and otherwise
/// a few: one search of the whole text finds where they are, and only a line holding one is
/// searched again.
pub(crate) struct Marks {
    /// Where the text starts in memory, and its length: lines are slices of it.
    base: usize,
    len: usize,
    /// Byte offsets of each `[bookmark:` in the text, in order.
    at: Vec<usize>,
}

impl Marks {
    pub(crate) fn of(text: &str) -> Marks {
        Marks {
            base: text.as_ptr() as usize,
            len: text.len(),
            at: memmem::find_iter(text.as_bytes(), b"[bookmark:").collect(),
        }
    }

    pub(crate) fn strip<'a>(&self, line: &'a str) -> Cow<'a, str> {
        if self.at.is_empty() {
            return Cow::Borrowed(line);
        }
        let offset = (line.as_ptr() as usize).wrapping_sub(self.base);
        if offset > self.len {
            // Not a slice of the text: search it.
            return strip_marks(line);
        }
        let first = self.at.partition_point(|&p| p < offset);
        match self.at.get(first) {
            Some(&p) if p < offset + line.len() => strip_marks(line),
            _ => Cow::Borrowed(line),
        }
    }
}

/// `line.trim_end_matches([' ', '\u{a0}'])`, without a search where the last byte is neither.
pub(crate) fn trim_end_spaces(line: &str) -> &str {
    match line.as_bytes().last() {
        Some(b' ' | 0xa0) => line.trim_end_matches([' ', '\u{a0}']),
        _ => line,
    }
}

fn cell_per_line<'a>(
    mut doc: Doc<'a>,
    lines: impl Iterator<Item = &'a str>,
    marks: &Marks,
) -> Doc<'a> {
    let mut row: Vec<Cow<str>> = Vec::with_capacity(8);
    let mut in_table = false;
    let mut after_blank = true;
    for raw in lines {
        let line = marks.strip(trim_end_spaces(raw));
        if !line.starts_with('\t') && trim(&line).is_empty() {
            if !row.is_empty() {
                doc.row(row.drain(..));
            }
            after_blank = true;
            continue;
        }
        if let Some(cell) = line.strip_prefix('\t') {
            in_table = true;
            row.push(sub(&line, trim(cell)));
        } else if in_table && !after_blank && !row.is_empty() {
            if let Some(last) = row.last_mut() {
                last.to_mut().push_str(trim(&line));
            }
        } else {
            if !row.is_empty() {
                doc.row(row.drain(..));
            }
            if in_table {
                doc.end_table();
                in_table = false;
            }
            doc.para(line);
        }
        after_blank = false;
    }
    if !row.is_empty() {
        doc.row(row);
    }
    doc.end_table();
    doc
}

/// Splits an aligned line at runs of two or more spaces, into `cells`; a run of figures
/// separated by single spaces is split into its figures.
#[expect(
    clippy::ptr_arg,
    reason = "the cells borrow the input only when the line does: `sub` asks the Cow"
)]
fn split_aligned<'a>(line: &Cow<'a, str>, cells: &mut Vec<Cow<'a, str>>) {
    let text: &str = line;
    for chunk in aligned_chunks(text) {
        let chunk = trim(chunk);
        if chunk.is_empty() {
            continue;
        }
        let parts = chunk.split([' ', '\u{3000}']).filter(|p| !p.is_empty());
        if parts.clone().nth(1).is_some() && parts.clone().all(is_figure_like) {
            cells.extend(parts.map(|p| sub(line, p)));
        } else {
            cells.push(sub(line, chunk));
        }
    }
}

/// The pieces of a line between runs of two or more spaces. Once trimmed, they are the pieces of
/// `line.split("  ")` that are not blank: that split cuts a run of spaces into pairs, leaving
/// nothing or one space, which trimming removes. One look at each byte: an aligned line is
/// mostly spaces, and a substring search stopped at every pair of them.
fn aligned_chunks(line: &str) -> impl Iterator<Item = &str> {
    let bytes = line.as_bytes();
    let (mut start, mut i) = (0, 0);
    std::iter::from_fn(move || {
        while i < bytes.len() {
            if bytes.get(i) != Some(&b' ') {
                i += 1;
                continue;
            }
            let run_start = i;
            while bytes.get(i) == Some(&b' ') {
                i += 1;
            }
            if i - run_start >= 2 {
                let chunk = line.get(start..run_start).unwrap_or_default();
                start = i;
                return Some(chunk);
            }
        }
        // The last piece, once.
        let chunk = line.get(start..)?;
        start = bytes.len() + 1;
        Some(chunk)
    })
}

/// A line that is only a page number: `3`, `- 3 -`, `—3—`, `第3页`, `3/10`, `第 3 页 共 10 页`.
pub fn is_page_number(line: &str) -> bool {
    if line.len() > 40 || !line.bytes().any(|b| b.is_ascii_digit()) || line.contains('\t') {
        return false;
    }
    // Every form starts with 第 or a figure (after dashes), and a figure is followed by nothing,
    // a dash or a slash: table rows like `1.属于国家秘密 0 0` fail here without allocating.
    let dash = |c: char| matches!(c, '-' | '—' | '–' | '－' | '·');
    let mut chars = line
        .chars()
        .filter(|c| !c.is_whitespace())
        .skip_while(|&c| dash(c));
    match chars.next() {
        Some('第') => {}
        Some(c) if c.is_ascii_digit() => {
            let after = chars.find(|c| !c.is_ascii_digit());
            if !after.is_none_or(|c| c == '/' || dash(c)) {
                return false;
            }
        }
        _ => return false,
    }
    let s: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let core = s.trim_matches(dash);
    let digits_only =
        |t: &str| !t.is_empty() && t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit());
    if core != s && digits_only(core) {
        return true;
    }
    if let Some(inner) = core.strip_prefix('第').and_then(|t| t.split('页').next()) {
        return digits_only(inner);
    }
    matches!(core.split_once('/'), Some((a, b)) if digits_only(a) && digits_only(b))
}

/// A figure, or a figure printed with its unit (`251000元`, `12.5%`).
pub(crate) fn is_figure_like(token: &str) -> bool {
    let bare = ["万元", "元", "%", "％"]
        .iter()
        .find_map(|u| token.strip_suffix(u))
        .unwrap_or(token);
    matches!(classify(bare), CellText::Number(_))
}

/// Where the last token of `rest` begins: after its last whitespace character (which may be
/// wider than one byte, like U+3000). `None` as soon as the token shows a character no figure
/// or unit is written with: it is words, and a prose line need not be read back to its start.
fn figure_token_start(rest: &str) -> Option<usize> {
    for (i, c) in rest.char_indices().rev() {
        if c.is_whitespace() {
            return Some(i + c.len_utf8());
        }
        if !(super::number::figure_char(c) || matches!(c, '%' | '％')) {
            return None;
        }
    }
    Some(0)
}

/// The words before the figures that end a line, and how many figures there are.
fn trailing_figures(line: &str) -> (&str, usize) {
    // A prose line is passed over at its last character: `figure_token_start` gives up there.
    let mut rest = super::trim_end(line);
    let mut figures = 0;
    while let Some(cut) = figure_token_start(rest) {
        let token = &rest[cut..];
        if token.is_empty() || !is_figure_like(token) {
            break;
        }
        figures += 1;
        rest = rest[..cut].trim_end();
        if cut == 0 {
            break;
        }
    }
    (trim(rest), figures)
}

/// Joins the lines of a paragraph that the page width broke: a line that runs on (long, and
/// not ending a sentence) continues on the next one, unless that one starts a new numbered item.
/// A paragraph of one line borrows it; only a paragraph joined from several lines is owned.
#[derive(Default)]
struct Wrapped<'a> {
    para: Cow<'a, str>,
    last_line_chars: usize,
    last_line_len: usize,
}

impl<'a> Wrapped<'a> {
    fn push(&mut self, doc: &mut Doc<'a>, line: Cow<'a, str>) {
        let line = sub(&line, trim(&line));
        // A heading is one line: only a paragraph of one line so far can be one.
        let one_line = self.para.len() == self.last_line_len;
        let runs_on = !self.para.is_empty()
            && !self
                .para
                .ends_with(['。', '；', '！', '？', '：', ':', ';'])
            && self.last_line_chars >= 15
            && !numbering::opens_with_mark(&line)
            && (!one_line
                || !super::extract::is_heading(&self.para)
                    && (!numbering::is_numbered_heading(&self.para)
                        || numbering::ends_heading(&self.para, &line)));
        self.last_line_chars = line.chars().count();
        self.last_line_len = line.len();
        if runs_on {
            self.para.to_mut().push_str(&line);
        } else {
            self.flush(doc);
            self.para = line;
        }
    }

    fn flush(&mut self, doc: &mut Doc<'a>) {
        if !self.para.is_empty() {
            doc.para(std::mem::take(&mut self.para));
        }
    }
}

/// The line with an amount's unit joined back to its figure where extraction spaced them
/// apart at the end of the line (`政府集中采购 0 93000 元`), so the amount reads as one cell.
fn unit_joined(line: Cow<'_, str>) -> Cow<'_, str> {
    let t = trim_end_spaces(&line);
    if !t.ends_with('元') {
        return line;
    }
    let Some(figure) = t.strip_suffix("万元").or_else(|| t.strip_suffix('元')) else {
        return line;
    };
    match figure.strip_suffix(' ') {
        Some(before) if before.ends_with(|c: char| c.is_ascii_digit()) => {
            let unit = &t[figure.len()..];
            Cow::Owned(format!("{before}{unit}"))
        }
        _ => line,
    }
}

fn spaced<'a>(mut doc: Doc<'a>, lines: impl Iterator<Item = &'a str>, marks: &Marks) -> Doc<'a> {
    let mut wrapped = Wrapped::default();
    let mut cells: Vec<Cow<str>> = Vec::with_capacity(8);
    for raw in lines {
        let line = unit_joined(marks.strip(raw));
        if trim(&line).is_empty() || is_page_number(&line) {
            continue;
        }
        let (label, figures) = trailing_figures(&line);
        // A lone figure is a cell only when indented as a new text run (" 0"); a bare "3" is
        // more likely a page number.
        let lone_cell = figures == 1 && label.is_empty() && line.starts_with(char::is_whitespace);
        if figures >= 2 || (figures == 1 && !label.is_empty()) || lone_cell {
            wrapped.flush(&mut doc);
            cells.clear();
            cells.push(sub(&line, label));
            // The figures are the last tokens, read from the end and put back in order.
            cells.extend(
                line.split_whitespace()
                    .rev()
                    .take(figures)
                    .map(|t| sub(&line, t)),
            );
            if let Some(figs) = cells.get_mut(1..) {
                figs.reverse();
            }
            doc.row(cells.drain(..));
        } else {
            wrapped.push(&mut doc, line);
        }
    }
    wrapped.flush(&mut doc);
    doc
}

fn markdown<'a>(mut doc: Doc<'a>, lines: impl Iterator<Item = &'a str>) -> Doc<'a> {
    for line in lines {
        let t = trim(line);
        if t.starts_with('|') && t.ends_with('|') && t.len() >= 2 {
            let inner = &t[1..t.len() - 1];
            if inner.chars().all(|c| matches!(c, '-' | ':' | '|' | ' ')) {
                continue;
            }
            doc.row(split_at(inner, b'|').map(|c| Cow::Borrowed(trim(c))));
        } else {
            doc.end_table();
            doc.para(t.trim_start_matches('#'));
        }
    }
    doc.end_table();
    doc
}

fn row_per_line<'a>(
    mut doc: Doc<'a>,
    lines: impl Iterator<Item = &'a str>,
    marks: &Marks,
    layout: TextLayout,
) -> Doc<'a> {
    // One line's cells at a time, in a buffer reused from line to line.
    let mut cells: Vec<Cow<str>> = Vec::with_capacity(8);
    for raw in lines {
        let line = marks.strip(raw);
        if trim(&line).is_empty() {
            continue;
        }
        if is_page_number(&line) {
            continue;
        }
        cells.clear();
        match layout {
            TextLayout::Aligned => split_aligned(&line, &mut cells),
            _ => cells.extend(split_at(&line, b'\t').map(|c| sub(&line, trim(c)))),
        }
        if cells.len() <= 1 {
            doc.para(line);
        } else {
            doc.row(cells.drain(..));
        }
    }
    doc.end_table();
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn trim_end_spaces_as_std_trims(line in "[ a\u{a0}\u{3000}堠公]{0,8}") {
            proptest::prop_assert_eq!(
                trim_end_spaces(&line),
                line.trim_end_matches([' ', '\u{a0}'])
            );
        }
    }

    #[test]
    fn units_spaced_off_their_amount_are_joined() {
        for (line, want) in [
            ("政府集中采购 0 93000 元", "政府集中采购 0 93000元"),
            ("行政事业性收费 1.5 万元", "行政事业性收费 1.5万元"),
            ("政府集中采购 0 93000元", "政府集中采购 0 93000元"),
            ("共收取费用 元", "共收取费用 元"),
            ("单位：万元", "单位：万元"),
        ] {
            assert_eq!(unit_joined(Cow::Borrowed(line)), want, "{line}");
        }
    }

    #[test]
    fn marks_are_stripped_only_where_the_text_has_them() {
        let marked = "\t[bookmark: _Hlk1]予以公开\n";
        assert_eq!(Marks::of(marked).strip(marked.trim()), "予以公开");
        assert!(Marks::of("\t予以公开 [bookmark\n").at.is_empty());
        // Only the line holding a mark is rewritten; a line from elsewhere is searched.
        let text = "一、总体情况\n[bookmark: _Hlk2]二、主动公开\n三";
        let marks = Marks::of(text);
        let lines: Vec<_> = text.lines().map(|l| marks.strip(l)).collect();
        assert!(matches!(lines[0], Cow::Borrowed("一、总体情况")));
        assert_eq!(lines[1], "二、主动公开");
        assert!(matches!(lines[2], Cow::Borrowed("三")));
        assert_eq!(marks.strip("[bookmark: x]四"), "四");
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
        assert_eq!(read(unix).1, TextLayout::CellLines);
        for ends in ["\r\n", "\r", "\r\r\n"] {
            let text = unix.replace('\n', ends);
            assert_eq!(read(&text), read(unix), "{ends:?}");
        }
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
            assert_eq!(
                Lines::of(text).with_pages().collect::<Vec<_>>(),
                text.lines()
                    .flat_map(|l| l.split('\u{c}'))
                    .collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn page_numbers() {
        for s in ["- 3 -", "—12—", "第3页", "第 3 页", "3/10", " 3 / 10 "] {
            assert!(is_page_number(s), "{s}");
        }
        for s in [
            "3",
            "0",
            "1.本机关",
            "2025 年",
            "第二十条",
            "1.属于国家秘密 0 0",
            "3 其他",
        ] {
            assert!(!is_page_number(s), "{s}");
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
            ("只有一段文字。", TextLayout::TabRows),
        ];
        for (text, want) in cases {
            assert_eq!(detect(text), want, "{text:?}");
        }
    }

    #[test]
    fn pdf_lines_of_a_paragraph_are_joined_but_not_across_headings() {
        let text = format!(
            "{}\n{}\n四、政府信息公开行政复议、行政诉讼情况\n全年因政府信息公开工作被申请行政复议\n1件。\n{}",
            "全年共收到政府信息公开申请，比上年增长了百分之",
            "十。",
            "1.属于国家秘密 0 0 0 0 0 0 0\n".repeat(6)
        );
        let (doc, layout) = read(&text);
        assert_eq!(layout, TextLayout::Spaced);
        let paras: Vec<&str> = doc
            .blocks()
            .filter_map(|b| match b {
                crate::parse::doc::Block::Para(p) => Some(p),
                _ => None,
            })
            .collect();
        assert_eq!(
            paras,
            vec![
                "全年共收到政府信息公开申请，比上年增长了百分之十。",
                "四、政府信息公开行政复议、行政诉讼情况",
                "全年因政府信息公开工作被申请行政复议1件。"
            ]
        );
    }

    /// `trailing_figures` as it was before `figure_token_start` cut the search short.
    fn trailing_figures_reading_whole_tokens(line: &str) -> (&str, usize) {
        let mut rest = line.trim_end();
        let mut figures = 0;
        loop {
            let cut = rest
                .char_indices()
                .rev()
                .find(|(_, c)| c.is_whitespace())
                .map_or(0, |(i, c)| i + c.len_utf8());
            let token = &rest[cut..];
            if token.is_empty() || !is_figure_like(token) {
                break;
            }
            figures += 1;
            rest = rest[..cut].trim_end();
            if cut == 0 {
                break;
            }
        }
        (rest.trim(), figures)
    }

    proptest::proptest! {
        #[test]
        fn trailing_figures_as_whole_tokens_give(line in "[0-9 　,.%％万元件个—/无公开a\\-]{0,16}") {
            proptest::prop_assert_eq!(
                trailing_figures(&line),
                trailing_figures_reading_whole_tokens(&line)
            );
        }
    }

    #[test]
    fn trailing_figures_of_a_line() {
        assert_eq!(
            trailing_figures("1.属于国家秘密 0 0 3 "),
            ("1.属于国家秘密", 3)
        );
        assert_eq!(
            trailing_figures("政府集中采购　6　251000元"),
            ("政府集中采购", 2)
        );
        assert_eq!(trailing_figures(" 0 0"), ("", 2));
        assert_eq!(
            trailing_figures("全年公开信息 68 条"),
            ("全年公开信息 68 条", 0)
        );
        assert_eq!(trailing_figures(""), ("", 0));
    }

    proptest::proptest! {
        /// Runs of spaces cut a line into the pieces `split("  ")` gives, blank ones aside.
        #[test]
        fn aligned_chunks_as_split_gives(line in "[ a公\u{3000}\t0]{0,24}") {
            let ours: Vec<&str> = aligned_chunks(&line).map(trim).filter(|c| !c.is_empty()).collect();
            let std: Vec<&str> = line.split("  ").map(trim).filter(|c| !c.is_empty()).collect();
            proptest::prop_assert_eq!(ours, std);
        }
    }

    #[test]
    fn aligned_split() {
        let mut cells = vec![Cow::Borrowed("left over")];
        cells.clear();
        split_aligned(
            &Cow::Borrowed("  (二) 部分公开    0 0 1   0  0  0   1"),
            &mut cells,
        );
        assert_eq!(
            cells,
            vec!["(二) 部分公开", "0", "0", "1", "0", "0", "0", "1"]
        );
    }
}
