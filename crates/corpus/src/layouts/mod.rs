//! The forms in which reports arrive, as writers from a [`Report`]. Each writer may damage the
//! text the way real extraction does; whatever it damages, the tables stay recoverable.

mod aligned;
mod browser_copy;
mod cell_per_line;
mod html;
mod office_text;
mod spaced;
mod tab_rows;
mod web_text;

pub use aligned::aligned;
pub use browser_copy::browser_copy;
pub use cell_per_line::cell_per_line;
pub use html::portal_html;
pub use office_text::office_text;
pub use spaced::spaced;
pub use tab_rows::tab_rows;
pub use web_text::{fold_width, web_text};

use report::model::Report;
use report::render::layout::{self, Grid};

/// The layouts the generator writes, by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    CellPerLine,
    TabRows,
    Aligned,
    Spaced,
    OfficeText,
    BrowserCopy,
    WebText,
    Html,
    Markdown,
    Docx,
}

impl Layout {
    pub const ALL: [Layout; 10] = [
        Layout::CellPerLine,
        Layout::TabRows,
        Layout::Aligned,
        Layout::Spaced,
        Layout::OfficeText,
        Layout::BrowserCopy,
        Layout::WebText,
        Layout::Html,
        Layout::Markdown,
        Layout::Docx,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Layout::CellPerLine => "docx-text",
            Layout::TabRows => "pdf-text",
            Layout::Aligned => "pdftotext-layout",
            Layout::Spaced => "pdf-extract-text",
            Layout::OfficeText => "office-text",
            Layout::BrowserCopy => "browser-copy",
            Layout::WebText => "web-text",
            Layout::Html => "html",
            Layout::Markdown => "markdown",
            Layout::Docx => "docx",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Layout::Html => "html",
            Layout::Markdown => "md",
            Layout::Docx => "docx",
            _ => "txt",
        }
    }

    /// The bytes of `r` in this layout.
    pub fn write(self, r: &Report, rng: &mut crate::Rng) -> Vec<u8> {
        match self {
            Layout::CellPerLine => cell_per_line(r, rng).into_bytes(),
            Layout::TabRows => tab_rows(r, rng).into_bytes(),
            Layout::Aligned => aligned(r, rng).into_bytes(),
            Layout::Spaced => spaced(r, rng).into_bytes(),
            Layout::OfficeText => office_text(r, rng).into_bytes(),
            Layout::BrowserCopy => browser_copy(r, rng).into_bytes(),
            Layout::WebText => web_text(r, rng).into_bytes(),
            Layout::Html => portal_html(r, rng).into_bytes(),
            Layout::Markdown => report::render::markdown(r).into_bytes(),
            Layout::Docx => report::render::docx(r).unwrap_or_default(),
        }
    }
}

/// The document in reading order: paragraphs and tables, as every text layout prints it.
pub(crate) enum Part {
    Para(String),
    Table(Grid),
}

pub(crate) fn parts(r: &Report) -> Vec<Part> {
    let mut out = vec![];
    for i in 0..6 {
        out.push(Part::Para(layout::heading(i)));
        if let Some(text) = r.sections.get(i) {
            out.extend(layout::paragraphs(text).map(|p| Part::Para(p.to_string())));
        }
        match i {
            1 => out.push(Part::Table(layout::table2_grid(r))),
            2 => out.push(Part::Table(layout::table3_grid(r))),
            3 => out.push(Part::Table(layout::table4_grid(r))),
            _ => {}
        }
    }
    out
}

/// The title as printed at the top, often over two lines.
pub(crate) fn title_lines(r: &Report, rng: &mut crate::Rng) -> Vec<String> {
    let body = r.body.clone().unwrap_or_default();
    let year = r.year.map_or_else(String::new, |y| y.to_string());
    match rng.below(5) {
        0 => vec![body, format!("{year}年政府信息公开工作年度报告")],
        1 => vec![format!("{body}{year}年政府信息公开"), "工作年度报告".into()],
        2 => vec![format!("{body}关于{year}年度政府信息公开工作的年度报告")],
        3 => vec![format!("{body}{year}年度政府信息公开工作年度报告")],
        _ => vec![format!("{body}{year}年政府信息公开工作年度报告")],
    }
}

/// `text` broken over two lines at a random place, `percent` of the time when it is longer than
/// `longer_than` characters: at least `head` characters stay on the first line, two go to the next.
pub(crate) fn break_line(
    text: &str,
    longer_than: usize,
    head: usize,
    percent: u32,
    rng: &mut crate::Rng,
) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() > longer_than && rng.chance(percent) {
        let at = head + rng.below((chars.len() - head - 2) as u32) as usize;
        let (a, b): (String, String) = (chars[..at].iter().collect(), chars[at..].iter().collect());
        format!("{a}\n{b}")
    } else {
        text.to_string()
    }
}

pub(crate) fn is_figure(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// A paragraph wrapped as a PDF page prints it: each line as many characters as fit in
/// `columns`, a CJK character taking two and an ASCII one one (so lines with figures hold more
/// characters, as on paper).
pub(crate) fn wrap(text: &str, columns: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = if c.is_ascii() { 1 } else { 2 };
        if used + w > columns && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        line.push(c);
        used += w;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}
