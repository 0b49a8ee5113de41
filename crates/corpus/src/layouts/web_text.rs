//! A portal's report page as a web crawler or reader-mode tool saves its text: paragraphs one
//! per line, full-width punctuation folded to ASCII (NFKC), and each table cell ended by a pipe.
//! Where a row holds fewer cells than the table has columns (merged cells), the tool pads it
//! with bare pipes. Four shapes seen on real pages:
//!
//! - **pipes**: `| a | b | ||` — a row per line, opened by a pipe, padded at the end;
//! - **bare**: `a | b |` — a row per line; a cell covered by one above is written empty or
//!   left out;
//! - **cell lines**: `a |` — a cell per line, an empty cell a lone `|`, the pads on a line of
//!   their own;
//! - **cell then pipe**: the cell's text on one line and `|` on the next, the pads after the row.

use std::fmt::Write;

use report::model::Report;
use report::render::layout::{Grid, Slot};

use super::cell_per_line::chinese_date;
use super::{Part, parts, title_lines};
use crate::Rng;

#[derive(Clone, Copy, PartialEq)]
enum Shape {
    Pipes,
    Bare { covered_empty: bool },
    CellLines,
    CellThenPipe,
}

pub fn web_text(r: &Report, rng: &mut Rng) -> String {
    let shape = match rng.below(5) {
        0 => Shape::Pipes,
        1 => Shape::Bare {
            covered_empty: true,
        },
        2 => Shape::Bare {
            covered_empty: false,
        },
        3 => Shape::CellLines,
        _ => Shape::CellThenPipe,
    };
    let fold = rng.chance(70);
    let mut s = String::new();
    let line = |s: &mut String, text: &str| {
        let _ = writeln!(
            s,
            "{}",
            if fold {
                fold_width(text)
            } else {
                text.to_string()
            }
        );
    };
    line(&mut s, &title_lines(r, rng).concat());
    for part in parts(r) {
        match part {
            Part::Para(p) => line(&mut s, &p),
            Part::Table(g) => {
                for row in rows(&g, shape) {
                    line(&mut s, &row);
                }
            }
        }
    }
    if let Some(d) = &r.published {
        line(&mut s, r.body.as_deref().unwrap_or(""));
        line(&mut s, &chinese_date(d));
    }
    s
}

/// The lines a table is written as.
fn rows(g: &Grid, shape: Shape) -> Vec<String> {
    let mut out = Vec::new();
    for row in g.expanded() {
        let cells: Vec<&str> = row
            .iter()
            .filter_map(|slot| match slot {
                Slot::Cell(c) => Some(c.text.as_str()),
                Slot::Continued { .. }
                    if shape
                        == (Shape::Bare {
                            covered_empty: true,
                        }) =>
                {
                    Some("")
                }
                Slot::Continued { .. } => None,
            })
            .collect();
        let pads = "|".repeat(g.columns.saturating_sub(cells.len()));
        match shape {
            Shape::Pipes => {
                let mut line = format!("| {} |", cells.join(" | "));
                if !pads.is_empty() {
                    let _ = write!(line, " {pads}");
                }
                out.push(line);
            }
            Shape::Bare { .. } => out.push(
                cells
                    .iter()
                    .map(|c| format!("{c} |"))
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            Shape::CellLines => {
                out.extend(cells.iter().map(|c| format!("{c} |").trim().to_string()));
                if !pads.is_empty() {
                    out.push(pads);
                }
            }
            Shape::CellThenPipe => {
                for c in &cells {
                    out.push(c.to_string());
                    out.push("|".into());
                }
                if !pads.is_empty() {
                    out.push(pads);
                }
            }
        }
    }
    out
}

/// Full-width punctuation and digits as NFKC folds them (quotes and 、。 stay).
pub fn fold_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}
