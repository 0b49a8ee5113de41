//! Text as pure-Rust PDF extraction gives it (pdf-extract): one line per printed line, cells
//! separated by single spaces, labels wrapped inside narrow cells so that a keyword may be cut
//! ("1.本机关不掌握相关政府" / "信息 0 0 0 …"), group labels stacked a few characters a line,
//! and the figures of a row at the end of its last line or on a line of their own.

use std::fmt::Write;

use report::model::Report;
use report::render::layout::Slot;

use super::cell_per_line::chinese_date;
use super::{Part, is_figure, parts, title_lines, wrap};
use crate::Rng;

fn chunks(text: &str, width: usize) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    chars
        .chunks(width.max(1))
        .map(|c| c.iter().collect())
        .collect()
}

pub fn spaced(r: &Report, rng: &mut Rng) -> String {
    let mut s = String::from("\n\n");
    for line in title_lines(r, rng) {
        let _ = writeln!(s, "{line}");
    }
    s.push('\n');
    // Lines as long as the page holds at the report's font size.
    let page = 20 + rng.below(16) as usize;
    for part in parts(r) {
        match part {
            Part::Para(p) => {
                for line in wrap(&p, 2 * page) {
                    let _ = writeln!(s, "{line}");
                }
            }
            Part::Table(g) => {
                s.push('\n');
                let width = 9 + rng.below(6) as usize;
                // Table 四's narrow header cells, printed side by side a character or two a
                // line (a PDF made by a flipbook or a print driver gives them so).
                let side_by_side = g.columns == 15 && rng.chance(50);
                let stack = 1 + rng.below(2) as usize;
                for row in g.expanded() {
                    if side_by_side
                        && row.iter().all(|slot| match slot {
                            Slot::Cell(c) => c.header,
                            Slot::Continued { .. } => true,
                        })
                    {
                        header_side_by_side(&mut s, &row, stack);
                        continue;
                    }
                    let mut label: Vec<String> = Vec::new();
                    let mut figures: Vec<String> = Vec::new();
                    for slot in row {
                        let Slot::Cell(c) = slot else { continue };
                        if is_figure(&c.text) || !figures.is_empty() {
                            figures.push(c.text.clone());
                        } else if c.rowspan > 1 && !c.header {
                            // A group label spanning rows prints as a narrow stack before the row.
                            for piece in chunks(&c.text, 3) {
                                let _ = writeln!(s, "{piece}");
                            }
                        } else if !c.text.is_empty() {
                            label.extend(chunks(
                                &c.text,
                                if c.header {
                                    2 + rng.below(3) as usize
                                } else {
                                    width
                                },
                            ));
                        }
                    }
                    let figs = figures.join(" ");
                    match (label.split_last(), figures.is_empty()) {
                        (None, _) => {
                            let _ = writeln!(s, " {figs}");
                        }
                        (Some((last, first)), no_figures) => {
                            for l in first {
                                let _ = writeln!(s, "{l}");
                            }
                            if no_figures {
                                let _ = writeln!(s, "{last}");
                            } else if rng.chance(40) {
                                let _ = writeln!(s, "{last}\n {figs}");
                            } else {
                                let _ = writeln!(s, "{last} {figs}");
                            }
                        }
                    }
                    s.push('\n');
                }
            }
        }
    }
    if let Some(d) = &r.published {
        // The closing signature: often the body's name above the date.
        if rng.chance(50) {
            let _ = writeln!(s, "{}", r.body.as_deref().unwrap_or(""));
        }
        let _ = writeln!(s, "{}", chinese_date(d));
    }
    s
}

/// A header row's cells side by side, each cut into pieces of `stack` characters: line `i` holds
/// the `i`-th piece of every cell that has one, with a space between.
fn header_side_by_side(s: &mut String, row: &[Slot<'_>], stack: usize) {
    let pieces: Vec<Vec<String>> = row
        .iter()
        .filter_map(|slot| match slot {
            Slot::Cell(c) => Some(chunks(&c.text, stack)),
            Slot::Continued { .. } => None,
        })
        .collect();
    let lines = pieces.iter().map(Vec::len).max().unwrap_or(0);
    for i in 0..lines {
        let line: Vec<&str> = pieces
            .iter()
            .filter_map(|p| p.get(i).map(String::as_str))
            .collect();
        let _ = writeln!(s, "{}", line.join(" "));
    }
}
