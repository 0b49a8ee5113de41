//! Text as PDF extractors write it (seed 004): a row per line with tab-separated cells, labels
//! spaced out (`规 章`), a merged label broken over the rows it spans (`(四) 无` … `法 提 供`),
//! a cell lost from rows of zeros, blank lines and page numbers between rows.

use std::collections::HashMap;
use std::fmt::Write;

use report::model::Report;
use report::render::layout::Slot;

use super::cell_per_line::chinese_date;
use super::{Part, is_figure, parts, title_lines};
use crate::Rng;

fn spaced(text: &str, rng: &mut Rng) -> String {
    let n = text.chars().count();
    if (2..=6).contains(&n) && rng.chance(40) {
        text.chars().map(String::from).collect::<Vec<_>>().join(" ")
    } else if n > 6 && rng.chance(25) {
        let at = n / 2;
        let (a, b): (String, String) = (
            text.chars().take(at).collect(),
            text.chars().skip(at).collect(),
        );
        format!("{a} {b}")
    } else {
        text.to_string()
    }
}

fn half_width(text: &str, rng: &mut Rng) -> String {
    if rng.chance(50) {
        text.replace('（', "(").replace('）', ") ")
    } else {
        text.to_string()
    }
}

pub fn tab_rows(r: &Report, rng: &mut Rng) -> String {
    let mut s = String::from("\n");
    for line in title_lines(r, rng) {
        let _ = writeln!(s, "{line}\n");
    }
    let mut page = 1;
    for part in parts(r) {
        match part {
            Part::Para(p) => {
                let _ = writeln!(s, "{p}\n");
            }
            Part::Table(g) => {
                // Fragments of a row-spanning label, waiting for the rows below (by grid column).
                let mut waiting: HashMap<usize, Vec<String>> = HashMap::new();
                for row in g.expanded() {
                    let mut cells: Vec<String> = Vec::new();
                    let mut col = 0;
                    for slot in row {
                        match slot {
                            Slot::Continued { colspan } => {
                                let frag = waiting
                                    .get_mut(&col)
                                    .and_then(|v| (!v.is_empty()).then(|| v.remove(0)));
                                cells.push(frag.unwrap_or_default());
                                col += colspan;
                            }
                            Slot::Cell(c) => {
                                let mut text = half_width(&c.text, rng);
                                let n = text.chars().count();
                                if c.rowspan > 1 && (4..=8).contains(&n) && rng.chance(50) {
                                    let chars: Vec<char> = text.chars().collect();
                                    let first = (n / 2).min(4);
                                    waiting.insert(
                                        col,
                                        vec![
                                            chars[first..]
                                                .iter()
                                                .map(|c| format!("{c} "))
                                                .collect::<String>()
                                                .trim()
                                                .to_string(),
                                        ],
                                    );
                                    text = chars[..first].iter().collect();
                                }
                                cells.push(if is_figure(&c.text) {
                                    text
                                } else {
                                    spaced(&text, rng)
                                });
                                col += c.colspan;
                            }
                        }
                    }
                    let figures: Vec<usize> = cells
                        .iter()
                        .enumerate()
                        .filter(|(_, c)| is_figure(c))
                        .map(|(i, _)| i)
                        .collect();
                    if figures.len() == 7
                        && figures.iter().all(|&i| cells[i] == "0")
                        && rng.chance(15)
                    {
                        cells.remove(figures[rng.below(7) as usize]);
                    }
                    let _ = writeln!(s, "{}", cells.join("\t"));
                    if rng.chance(4) {
                        page += 1;
                        let _ = writeln!(
                            s,
                            "\n{}\n\u{c}",
                            ["- {} -", "{}", "第 {} 页", "—{}—"][rng.below(4) as usize]
                                .replace("{}", &page.to_string())
                        );
                    }
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
