//! Text as an office suite saves it (LibreOffice's or WPS's "save as text"): each paragraph and
//! each table cell on a line of its own, no indent, nothing between rows; an empty cell, and a
//! cell covered by a merged cell above, an empty line. Variants seen: a byte-order mark, a
//! blank line after each paragraph, and covered cells left out altogether with long cells
//! broken over two lines (a table copied out of a PDF viewer).

use std::fmt::Write;

use report::model::Report;
use report::render::layout::Slot;

use super::cell_per_line::chinese_date;
use super::{Part, parts, title_lines};
use crate::Rng;

pub fn office_text(r: &Report, rng: &mut Rng) -> String {
    // Windows line ends are the test's to add, as for every text layout.
    let newline = "\n";
    let spaced_paragraphs = rng.chance(30);
    let covered_lines = !rng.chance(30);
    let mut s = String::new();
    if rng.chance(50) {
        s.push('\u{feff}');
    }
    for line in title_lines(r, rng) {
        let _ = write!(s, "{line}{newline}");
    }
    for part in parts(r) {
        match part {
            Part::Para(p) => {
                let _ = write!(s, "{p}{newline}");
                if spaced_paragraphs {
                    s.push_str(newline);
                }
            }
            Part::Table(g) => {
                for row in g.expanded() {
                    for slot in row {
                        match slot {
                            Slot::Cell(c) if !covered_lines && c.text.chars().count() > 12 => {
                                // A PDF viewer's copy breaks a long cell where the page did.
                                let chars: Vec<char> = c.text.chars().collect();
                                let at = if rng.chance(50) {
                                    5 + rng.below((chars.len() - 7) as u32) as usize
                                } else {
                                    chars.len()
                                };
                                let (a, b): (String, String) =
                                    (chars[..at].iter().collect(), chars[at..].iter().collect());
                                let _ = write!(s, "{a}{newline}");
                                if !b.is_empty() {
                                    let _ = write!(s, "{b}{newline}");
                                }
                            }
                            Slot::Cell(c) => {
                                let _ = write!(s, "{}{newline}", c.text);
                            }
                            Slot::Continued { .. } if covered_lines => s.push_str(newline),
                            Slot::Continued { .. } => {}
                        }
                    }
                }
            }
        }
    }
    if let Some(d) = &r.published {
        let _ = write!(
            s,
            "{}{newline}{}{newline}",
            r.body.as_deref().unwrap_or(""),
            chinese_date(d)
        );
    }
    s
}
