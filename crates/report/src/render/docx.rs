//! DOCX in the official layout: A4 with 公文 margins, 方正小标宋 title and 仿宋 body (with
//! fallbacks Word, WPS and LibreOffice substitute), tables with merged header and label cells,
//! the page number (`— 3 —`) at the foot of every page.

use std::io::Cursor;

use docx_rs::{
    AlignmentType, Docx, Footer, PageMargin, PageNum, Paragraph, Run, RunFonts, Table, TableCell,
    TableRow, VAlignType, VMergeType, WidthType,
};

use super::RenderError;
use super::layout::{self, Grid, Slot};
use crate::model::Report;

const TITLE_FONT: &str = "方正小标宋简体";
const BODY_FONT: &str = "仿宋_GB2312";
const HEADING_FONT: &str = "黑体";
/// Half-points: 三号 (16pt) body, 二号 (22pt) title, 五号 (10.5pt) tables.
const BODY_SIZE: usize = 32;
const TITLE_SIZE: usize = 44;
const TABLE_SIZE: usize = 21;
/// 四号 (14pt): the page number under the text, as 公文 print it.
const PAGE_NUMBER_SIZE: usize = 28;
/// A4 printable width in twips (210mm − 28mm − 26mm).
const TEXT_WIDTH: usize = 8845;

fn fonts(east_asia: &str) -> RunFonts {
    RunFonts::new()
        .east_asia(east_asia)
        .ascii("Times New Roman")
        .hi_ansi("Times New Roman")
}

fn run(text: &str, font: &str, size: usize) -> Run {
    Run::new().add_text(text).fonts(fonts(font)).size(size)
}

fn para(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, BODY_FONT, BODY_SIZE))
        .first_line_chars(200)
}

pub fn docx(r: &Report) -> Result<Vec<u8>, RenderError> {
    let mut doc = Docx::new()
        .page_size(11906, 16838)
        .page_margin(
            PageMargin::new()
                .top(2098)
                .bottom(1984)
                .left(1588)
                .right(1474),
        )
        .default_fonts(fonts(BODY_FONT))
        .default_size(BODY_SIZE)
        .footer(page_number())
        .add_paragraph(Paragraph::new().align(AlignmentType::Center).add_run(run(
            &layout::title(r),
            TITLE_FONT,
            TITLE_SIZE,
        )));
    for i in 0..6 {
        doc = doc.add_paragraph(
            Paragraph::new()
                .add_run(run(&layout::heading(i), HEADING_FONT, BODY_SIZE))
                .first_line_chars(200),
        );
        if let Some(text) = r.sections.get(i) {
            for p in layout::paragraphs(text) {
                doc = doc.add_paragraph(para(p));
            }
        }
        let grid = match i {
            1 => Some(layout::table2_grid(r)),
            2 => Some(layout::table3_grid(r)),
            3 => Some(layout::table4_grid(r)),
            _ => None,
        };
        if let Some(g) = grid {
            doc = doc.add_table(table(&g));
        }
    }
    if let Some(date) = &r.published {
        doc = doc.add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Right)
                .add_run(run(date, BODY_FONT, BODY_SIZE)),
        );
    }
    let mut out = Cursor::new(Vec::new());
    doc.build()
        .pack(&mut out)
        .map_err(|e| RenderError::Docx(e.to_string()))?;
    Ok(out.into_inner())
}

/// `— 3 —` centred at the foot of every page.
fn page_number() -> Footer {
    let dash = |t: &str| run(t, "宋体", PAGE_NUMBER_SIZE);
    Footer::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(dash("— "))
            .add_page_num(PageNum::new())
            .add_run(dash(" —")),
    )
}

/// Word keeps a cell spanning rows as a restart cell and a continuation cell in every row below it.
fn table(g: &Grid) -> Table {
    let total: usize = g.widths.iter().sum::<usize>().max(1);
    let widths: Vec<usize> = g.widths.iter().map(|w| TEXT_WIDTH * w / total).collect();
    let width_of =
        |col: usize, span: usize| -> usize { widths.iter().skip(col).take(span.max(1)).sum() };
    let mut rows = Vec::new();
    for slots in g.expanded() {
        let mut cells = Vec::new();
        let mut col = 0;
        for slot in slots {
            match slot {
                Slot::Continued { colspan } => {
                    cells.push(
                        cell("", colspan, width_of(col, colspan))
                            .vertical_merge(VMergeType::Continue),
                    );
                    col += colspan.max(1);
                }
                Slot::Cell(sc) => {
                    let mut c = cell(&sc.text, sc.colspan, width_of(col, sc.colspan));
                    if sc.rowspan > 1 {
                        c = c.vertical_merge(VMergeType::Restart);
                    }
                    cells.push(c);
                    col += sc.colspan.max(1);
                }
            }
        }
        rows.push(TableRow::new(cells));
    }
    Table::new(rows)
        .set_grid(widths)
        .width(TEXT_WIDTH, WidthType::Dxa)
}

fn cell(text: &str, span: usize, width: usize) -> TableCell {
    let mut c = TableCell::new()
        .add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Center)
                .add_run(run(text, BODY_FONT, TABLE_SIZE)),
        )
        .vertical_align(VAlignType::Center)
        .width(width, WidthType::Dxa);
    if span > 1 {
        c = c.grid_span(span);
    }
    c
}
