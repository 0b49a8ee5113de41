//! Reading a report out of a [`Doc`]: sections by their headings, tables by their row labels.

mod cells;
pub mod dates;
mod headers;
pub(crate) mod heading;
pub(crate) mod labels;
mod portal;
pub(crate) mod print;
mod restore;
mod table2;
mod table3;
mod table4;
pub(crate) mod title;

use std::borrow::Cow;

use crate::check::Finding;
use crate::model::{Column, Format, Report, RowKey};
use crate::parse::doc::{Block, Doc};
use crate::parse::text::trailing_figures;

pub use labels::{squash, table3_row};

/// True when a line is one of the six section headings.
pub fn is_heading(line: &str) -> bool {
    heading::heading(line).is_some()
}

/// A line drawn in ASCII (`-----  -----`, `+===+`): a plain-text table's rule (pandoc's
/// Markdown and plain text) or a separator, never prose.
fn is_rule(line: &str) -> bool {
    let b = line.as_bytes();
    b.len() >= 3
        && b.iter().all(|c| b"-=+:|_*~ \t".contains(c))
        && b.iter().filter(|c| !c.is_ascii_whitespace()).count() >= 3
}

/// What extraction made of a document.
pub struct Extracted {
    pub report: Report,
    /// Findings only the source can show: sections out of order, cells restored.
    pub findings: Vec<Finding>,
    /// Table-三 cells lost in extraction.
    pub lost: Vec<(RowKey, Column)>,
    /// How much of a report was recognised: section headings and tables found.
    pub headings_found: usize,
    pub tables_found: usize,
    /// Tables 二, 三 and 四 stood in the source, even with every cell blank.
    pub tables_seen: [bool; 3],
    /// The report of another law that the title names (a university's, which sets out other
    /// sections and no such tables): [`title::other_regime`].
    pub other_regime: Option<&'static str>,
    /// The title is an official document's about annual reports (a notice, a reply):
    /// [`title::about_reports`].
    pub about_reports: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Region {
    BeforeTable3,
    Table3,
    AfterTable3,
}

/// The first row of table 二: its caption (`第二十条第（一）项`), its header (`信息内容…`), or
/// its first row (`规章 …`).
fn starts_table2(split: &cells::Split) -> bool {
    let l = split.label.as_str();
    l.starts_with("第二十条") || l.starts_with("信息内容") || l.starts_with("规章")
}

/// A row's cells as one line of prose.
fn joined<S: AsRef<str>>(cells: &[S]) -> String {
    cells
        .iter()
        .map(|c| crate::parse::trim(c.as_ref()))
        .filter(|c| !c.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn extract(doc: &Doc<'_>) -> Extracted {
    let mut findings = Vec::new();
    let mut headings: Vec<heading::Heading> = Vec::new();
    // Paragraphs borrow the document's text; only prose rebuilt from a row is owned.
    let mut section_text: [Vec<Cow<str>>; 6] = Default::default();
    let mut preamble: Vec<Cow<str>> = Vec::new();
    let mut current: Option<usize> = None;
    let mut published = None;
    let mut signature: Option<String> = None;
    // The page's title as a browser printed it in the top margin ([`print`]).
    let mut print_title: Option<String> = None;
    // A line of the site's footer was met after the last section began.
    let mut footer = false;
    // The tables came after section 六 (see the rows below).
    let mut trailing = false;
    let mut region = Region::BeforeTable3;
    let mut t2 = table2::Table2Reader::default();
    let mut t3 = table3::Table3Reader::default();
    let mut t4 = table4::Table4Reader::default();
    // One row's label and values at a time, in buffers reused from row to row.
    let mut split = cells::Split::default();

    for block in doc.blocks() {
        match block {
            // PDF text sorted by height can run a section's heading onto the line before.
            Block::Para(whole) => {
                for p in heading::run_on(whole) {
                    // After tables that follow the narrative, a line of its own is a merged
                    // cell's, not the report's prose.
                    if is_rule(p) || trailing || print::is_footer(p) {
                        continue;
                    }
                    if let Some(rest) = print::stamp_rest(p).or_else(|| print::caption_rest(p)) {
                        if print_title.is_none() && !rest.is_empty() {
                            print_title = Some(rest.to_string());
                        }
                        continue;
                    }
                    if let Some(h) = heading::heading(p) {
                        current = Some(h.section);
                        headings.push(h);
                        continue;
                    }
                    let close = current
                        .is_some_and(|s| s >= 4)
                        .then(|| dates::trailing_close(p))
                        .flatten();
                    let p = match close {
                        Some(close) => {
                            published = Some(close.date);
                            signature = close.signature.map(str::to_string).or(signature);
                            close.text
                        }
                        _ => p,
                    };
                    if let Some(d) = dates::date(p) {
                        published = Some(d);
                        // The closing signature: the body's name on the line above the date.
                        if let Some(buf) = current.and_then(|i| section_text.get_mut(i)) {
                            if buf.last().is_some_and(|l| title::org_line(l)) {
                                signature = buf.pop().map(Cow::into_owned);
                            } else if let Some(last) = buf.last_mut()
                                && let Some((text, org)) = heading::run_on_signature(last)
                            {
                                signature = Some(org.to_string());
                                *last = Cow::Owned(text.to_string());
                            }
                        }
                        continue;
                    }
                    // Table 四's header as lines of their own: the table is there even when no
                    // figure follows (every cell blank, which a PDF's text shows as nothing).
                    let table4_header = current == Some(3) && t4.header_line(p);
                    // Figures alone on a line in section 四, spaced apart, are table 四's row
                    // where its blank cells left no trace (a PDF's text read as prose).
                    if current == Some(3) && !t4.found() && figures_only(p) {
                        let figures: Vec<&str> = p.split_whitespace().collect();
                        cells::split_into(&mut split, &figures);
                        t4.offer(&split);
                        continue;
                    }
                    // Inside sections 二–四 a short line is a piece of a table's broken label: the
                    // table reader may need its words; it is not prose. One that ends a sentence
                    // is the last line of a paragraph the page wrapped (`讼的情况。`): no label
                    // ends so.
                    if current.is_some_and(|s| (1..=3).contains(&s))
                        && p.chars().count() < 20
                        && !p.ends_with(['。', '！', '？', '；'])
                    {
                        cells::split_into(&mut split, std::slice::from_ref(&p));
                        // A figure alone on a line here is a page number, not a cell — or a
                        // cell of a table not read as one: a table whose header or labels stand
                        // alone is then not taken for one left blank.
                        if split.numbers() > 0 {
                            match current {
                                Some(1)
                                    if region == Region::BeforeTable3
                                        && table2_line(&mut t2, &mut split, p) => {}
                                Some(1) => t2.stray_figures(),
                                Some(3) => t4.lone_figure(),
                                _ => {}
                            }
                            continue;
                        }
                        if current == Some(2) && region == Region::BeforeTable3 {
                            region = Region::Table3;
                        }
                        match region {
                            Region::BeforeTable3 => {
                                t2.offer(&split, std::slice::from_ref(&p));
                            }
                            Region::Table3 => t3.offer(&split),
                            Region::AfterTable3 => {}
                        }
                        continue;
                    }
                    if outside_sections(current) && title::is_site_chrome(p) {
                        footer = current.is_some();
                        continue;
                    }
                    // The rest of a footer line that a PDF's narrow page wrapped (`备 5113…号`).
                    if footer && p.chars().count() < 30 && !p.contains('。') {
                        continue;
                    }
                    // Between table 三's rows, words that end no sentence are the rest of a
                    // label its narrow cell wrapped (`无正当理由逾期不补正、行政机关不再处理…`).
                    let label_rest = current == Some(2)
                        && region == Region::Table3
                        && t3.found()
                        && !t3.complete()
                        && !p.contains(['。', '；', '！', '？']);
                    // Table 三's header cell (`（本列数据的勾稽关系为：…`), however it wrapped;
                    // a header row of table 二 with a blank row's label run onto it
                    // (`信息内容 本年制发件数 … 现行有效件数规章`, a PDF's text of blank cells).
                    let header_cell = current == Some(2)
                        && (p.trim_start_matches(['（', '(']).starts_with("本列数据")
                            || headers::is_table3_header(p))
                        || current == Some(1) && p.starts_with("信息内容");
                    if label_rest
                        || header_cell
                        || current.is_some_and(|s| (1..=3).contains(&s))
                            && headers::is_header_fragment(p)
                        || table4_header
                        || current.is_some_and(|s| (1..=2).contains(&s))
                            && headers::is_table_header(p)
                    {
                        continue;
                    }
                    match current.and_then(|i| section_text.get_mut(i)) {
                        Some(buf) => buf.push(Cow::Borrowed(p)),
                        None => preamble.push(Cow::Borrowed(p)),
                    }
                }
            }
            // PDF text can put two rows that stand side by side on one line
            // ([`cells::Split::second_row`]): each is read.
            Block::Row(line) => {
                cells::split_into(&mut split, line);
                if let Some(h) = split_heading(&split, line) {
                    current = Some(h.section);
                    headings.push(h);
                    continue;
                }
                let second = split.second_row;
                let (first, rest) = line.split_at(second.unwrap_or(line.len()));
                for cells in [first, rest] {
                    if cells.is_empty() {
                        continue;
                    }
                    let sec = current;
                    // In sections 二–四, a sentence that PDF text put at one height with a
                    // table's header (`…行政复议6件。  行政复议  行政诉讼`), or whose words a
                    // justified line spread apart (`…行政复议      3 件。`), is prose.
                    let tables = sec.is_some_and(|s| (1..=3).contains(&s));
                    let end = if second.is_some() {
                        cells::sentence_end(cells)
                    } else {
                        split.sentence_end
                    };
                    let (sentence, cells) = match end {
                        Some(end) if tables => cells.split_at(end + 1),
                        _ => cells.split_at(0),
                    };
                    if let Some(buf) = sec.and_then(|i| section_text.get_mut(i))
                        && !sentence.is_empty()
                    {
                        buf.push(joined(sentence).into());
                    }
                    if cells.is_empty() {
                        continue;
                    }
                    if second.is_some() || !sentence.is_empty() {
                        cells::split_into(&mut split, cells);
                    }
                    // Tables printed after the whole narrative, as a script that dumps a DOCX's
                    // paragraphs and then its tables prints them: once a table's first row comes
                    // in section 六 and no table came before, each is read as in its section.
                    trailing = trailing
                        || sec == Some(5)
                            && !(t2.found() || t3.found() || t4.found())
                            && starts_table2(&split);
                    let sec = if trailing {
                        Some(match region {
                            Region::BeforeTable3 => 1,
                            Region::Table3 => 2,
                            Region::AfterTable3 => 3,
                        })
                    } else {
                        sec
                    };
                    let tables = tables || trailing;
                    let mut used = false;
                    if region == Region::BeforeTable3 {
                        used = sec.is_none_or(|s| s <= 1) && t2.offer(&split, cells);
                        if !used && sec == Some(1) && split.any_number {
                            t2.stray_figures();
                        }
                        if !used && (sec == Some(2) || table3::Table3Reader::starts(&split)) {
                            region = Region::Table3;
                        }
                    }
                    if region == Region::Table3 && !used {
                        // Table 四's header ends table 三 also where its section's heading
                        // and first header row were lost (antiword's text of a `.doc`).
                        let leaves = sec.is_some_and(|s| s >= 3)
                            || split.label.contains("行政复议")
                            || headers::is_table4_header(&split.label)
                                && split.label.contains(['维', '纠', '审'])
                            || (t3.complete() && split.row().is_none());
                        if leaves {
                            region = Region::AfterTable3;
                        } else {
                            t3.offer(&split);
                            used = true;
                        }
                    }
                    if region == Region::AfterTable3 && !used && sec.is_none_or(|s| s == 3) {
                        used = t4.offer(&split);
                    }
                    if !used && sec.is_none() {
                        // Before the sections a row is a page's layout (a menu beside the title,
                        // as a browser copies it): each cell is a line of its own.
                        for cell in cells
                            .iter()
                            .map(|c| crate::parse::trim(c))
                            .filter(|c| !c.is_empty())
                        {
                            let cell = print::stamp_rest(cell).unwrap_or(cell);
                            if cell.is_empty() || print::is_footer(cell) {
                                continue;
                            }
                            if let Some(d) = dates::date(cell) {
                                published = Some(d);
                            } else if !title::is_site_chrome(cell) {
                                preamble.push(Cow::Borrowed(cell));
                            }
                        }
                        continue;
                    }
                    // In sections 二–四 a row no table took is layout.
                    if !used && !tables {
                        // A narrative line that happens to end in figures (PDF text): it is prose.
                        let line = joined(cells);
                        // A row of blank cells (kept when it could be table 四's) says nothing.
                        if line.is_empty()
                            || print::is_footer(&line)
                            || print::stamp_rest(&line).is_some()
                        {
                            continue;
                        }
                        if outside_sections(sec) && title::is_site_chrome(&line) {
                            footer = sec.is_some();
                            continue;
                        }
                        match sec.and_then(|i| section_text.get_mut(i)) {
                            Some(buf) => buf.push(line.into()),
                            None => preamble.push(line.into()),
                        }
                    }
                }
            }
            Block::TableEnd => {}
        }
    }

    heading::section_findings(&headings, &mut findings);
    if doc.scrambled {
        findings.push(Finding::warning(
            "sections",
            "tables",
            "表格在提取出的文本中已错乱（各列数字依次排成一串，不再按行排列，如不带 -layout 的 pdftotext 所得），无法按行读出，未予读取；请检查 PDF 原件，或用 pdftotext -layout 重新提取",
        ));
    }
    let info = title::title_info(&preamble, doc.title.as_deref().or(print_title.as_deref()));
    let other_regime = title::other_regime(&preamble, doc.title.as_deref());
    let about_reports = title::about_reports(&preamble, doc.title.as_deref());
    let mut report = Report {
        body: info
            .body
            .or_else(|| signature.as_deref().map(squash))
            .or(info.publisher)
            .or_else(|| title::compiled_by(&preamble))
            .or_else(|| title::speaker(&preamble))
            .or_else(|| title::whose_work(&preamble))
            .or_else(|| {
                let overview = section_text.first().map_or(&[][..], Vec::as_slice);
                title::short_named(preamble.iter().chain(overview).map(|p| p.as_ref()))
            })
            // Where the body's name is printed with brackets, it keeps them.
            .map(|body| {
                let printed = (doc.title.iter().map(String::as_str))
                    .chain(preamble.iter().take(10).map(|p| p.as_ref()))
                    .chain(signature.as_deref());
                title::as_printed(body, printed)
            }),
        year: info.year,
        // The report's own date, or else the one the portal's box of fields gives the page.
        published: published.or(info.page_date),
        ..Report::default()
    };
    if report.year.is_none() {
        let overview = section_text.first().map_or(&[][..], Vec::as_slice);
        report.year = title::year_in_words(&preamble, overview);
    }
    if report.year.is_none() {
        report.year = title::first_year(&section_text);
    }
    if report.year.is_none() {
        report.year = title::year_before(report.published.as_deref(), &mut findings);
    }
    for (i, paras) in section_text.iter().enumerate() {
        if headings.iter().any(|h| h.section == i) {
            report.sections.set(i, paras.join("\n"));
        }
    }
    let tables_found = usize::from(t2.found()) + usize::from(t3.found()) + usize::from(t4.found());
    // A source whose cells were scrambled shows labels and headers without their figures.
    let tables_seen = [
        t2.seen() && !doc.scrambled,
        t3.found() || t3.seen_blank() && !doc.scrambled,
        t4.seen() && !doc.scrambled,
    ];
    report.table2 = t2.table2();
    findings.extend(t2.short_rows());
    findings.extend(t2.missing_rows());
    findings.extend(t2.unplaced_figures());
    report.table2_2019 = t2.trial_table();
    let read3 = t3.finish();
    report.table3 = read3.table;
    findings.extend(read3.findings);
    if t4.found() {
        report.table4 = t4.finish(&mut findings);
    }
    if t2.trial || read3.trial {
        report.format = Format::Trial2019;
    }
    Extracted {
        report,
        findings,
        lost: read3.lost,
        headings_found: headings.len(),
        tables_found,
        tables_seen,
        other_regime,
        about_reports,
    }
}

/// A section's heading whose number stands apart from its words: Word's list numbering puts a
/// tab after `一、`, which tab-separated and aligned text show as a cell break (`一、 | 总体情况`).
fn split_heading<S: AsRef<str>>(split: &cells::Split, cells: &[S]) -> Option<heading::Heading> {
    if split.any_number {
        return None;
    }
    let mut words = cells
        .iter()
        .map(|c| crate::parse::trim(c.as_ref()))
        .filter(|c| !c.is_empty());
    let (number, _, None) = (words.next()?, words.next()?, words.next()) else {
        return None;
    };
    if number.chars().count() > 5 {
        return None;
    }
    heading::heading(&joined(cells))
}

/// Where a portal's breadcrumb and footer land: before section 一, or after section 六 began.
/// (Only there is text checked for them: the sections between are the report's own.)
fn outside_sections(current: Option<usize>) -> bool {
    current.is_none_or(|s| s == 5)
}

/// A row of table 二 given as a line of prose, its label and figures one space apart: where a
/// label's width leaves one space (`行政事业性收费 0`, as w3m lays a page out), or text without
/// tabs whose blank cells left no trace (`规章 1 1`, a short row the reader then names in a
/// warning). Offered to the reader as cells; says whether it took them.
fn table2_line(t2: &mut table2::Table2Reader, split: &mut cells::Split, line: &str) -> bool {
    let (label, figures) = trailing_figures(line);
    if label.is_empty() || figures == 0 {
        return false;
    }
    let mut row: Vec<&str> = line.split_whitespace().rev().take(figures).collect();
    row.push(label);
    row.reverse();
    cells::split_into(split, &row);
    t2.offer(split, &row)
}

/// A line of two figures or more, spaced apart, and nothing else.
fn figures_only(line: &str) -> bool {
    let (label, figures) = trailing_figures(line);
    label.is_empty() && figures >= 2
}

#[cfg(test)]
mod tests;
