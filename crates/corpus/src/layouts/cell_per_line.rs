//! Text as DOCX-to-text converters write it (seed 000): a cell per line behind a tab, a blank
//! line after each row, merged cells as empty cells, bookmarks, labels broken over lines.

use std::fmt::Write;

use report::model::Report;
use report::render::layout::Slot;

use super::{Part, is_figure, parts, title_lines};
use crate::Rng;

pub fn cell_per_line(r: &Report, rng: &mut Rng) -> String {
    let mut s = String::new();
    for line in title_lines(r, rng) {
        let _ = writeln!(s, "{line}");
    }
    for part in parts(r) {
        match part {
            Part::Para(p) => {
                let lead = if rng.chance(10) { " " } else { "" };
                let _ = writeln!(s, "{lead}{p}");
            }
            Part::Table(g) => {
                for row in g.expanded() {
                    for slot in row {
                        let text = match slot {
                            Slot::Cell(c) => c.text.clone(),
                            Slot::Continued { .. } => String::new(),
                        };
                        s.push('\t');
                        if is_figure(&text) {
                            // Centred figures come out behind ideographic spaces.
                            s.push_str(["", "　", "　　", " 　"][rng.below(4) as usize]);
                            s.push_str(&text);
                        } else {
                            if rng.chance(8) && !text.is_empty() {
                                let _ = write!(
                                    s,
                                    "[bookmark: _Hlk{}]",
                                    60_000_000 + rng.below(9_999_999)
                                );
                            }
                            s.push_str(&break_label(&text, rng));
                        }
                        s.push('\n');
                    }
                    s.push('\n');
                }
                s.push('\n');
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

/// A long label wraps inside its cell: the converter starts the rest on an unindented line.
fn break_label(text: &str, rng: &mut Rng) -> String {
    super::break_line(text, 12, 6, 30, rng)
}

pub(crate) fn chinese_date(iso: &str) -> String {
    let parts: Vec<u32> = iso.split('-').filter_map(|p| p.parse().ok()).collect();
    match parts.as_slice() {
        [y, m, d] => format!("{y}年{m}月{d}日"),
        _ => iso.to_string(),
    }
}
