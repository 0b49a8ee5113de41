//! Text as `pdftotext -layout` writes it: columns aligned with spaces, long labels wrapped over
//! two lines with the figures on the first or the second, blank cells invisible.

use std::fmt::Write;

use report::model::Report;
use report::render::layout::Slot;

use super::cell_per_line::chinese_date;
use super::{Part, is_figure, parts, title_lines, wrap};
use crate::Rng;

fn width(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

fn pad(s: &str, to: usize) -> String {
    format!("{s}{}", " ".repeat(to.saturating_sub(width(s))))
}

const WRAP: usize = 14;

pub fn aligned(r: &Report, rng: &mut Rng) -> String {
    let mut s = String::new();
    for line in title_lines(r, rng) {
        let _ = writeln!(s, "{}{line}", " ".repeat(20));
    }
    s.push('\n');
    // Narrative is wrapped at the page width, as the layout mode prints it; the width in
    // characters depends on the font size and margins, so it varies from report to report.
    let page = 24 + rng.below(18) as usize;
    for part in parts(r) {
        match part {
            Part::Para(p) => {
                for line in wrap(&p, 2 * page) {
                    let _ = writeln!(s, "    {line}");
                }
            }
            Part::Table(g) => {
                for row in g.expanded() {
                    // Leading words are the label; every cell after the first figure keeps its place.
                    let mut label = Vec::new();
                    let mut figures = Vec::new();
                    for slot in row {
                        if let Slot::Cell(c) = slot {
                            if is_figure(&c.text) || !figures.is_empty() {
                                figures.push(c.text.clone());
                            } else if !c.text.is_empty() {
                                label.push(c.text.clone());
                            }
                        }
                    }
                    let label = label.join("  ");
                    let chars: Vec<char> = label.chars().collect();
                    let (first, rest): (String, String) =
                        if chars.len() > WRAP && !figures.is_empty() {
                            (
                                chars[..WRAP].iter().collect(),
                                chars[WRAP..].iter().collect(),
                            )
                        } else {
                            (label.clone(), String::new())
                        };
                    let nums: String = figures
                        .iter()
                        .map(|f| {
                            if is_figure(f) {
                                format!("{f:>7}")
                            } else {
                                format!("{f:>12}")
                            }
                        })
                        .collect();
                    if figures.is_empty() {
                        let _ = writeln!(s, "  {label}");
                    } else if rest.is_empty() {
                        let _ = writeln!(s, "  {}{nums}", pad(&first, 44));
                    } else if rng.chance(50) {
                        let _ = writeln!(s, "  {}{nums}", pad(&first, 44));
                        let _ = writeln!(s, "  {rest}");
                    } else {
                        let _ = writeln!(s, "  {first}");
                        let _ = writeln!(s, "  {}{nums}", pad(&rest, 44));
                    }
                }
                s.push('\n');
            }
        }
    }
    if let Some(d) = &r.published {
        let _ = writeln!(s, "{}{}", " ".repeat(40), chinese_date(d));
    }
    s
}
