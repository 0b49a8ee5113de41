//! Markdown: headings and pipe tables, for wikis, diffs and review by e-mail.

use std::fmt::Write;

use super::layout::{self, TABLE3_NOTE, columns, show, table2_blocks, table3_rows};
use crate::model::{Report, Table4};

pub fn markdown(r: &Report) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# {}\n", layout::title(r));
    if let Some(p) = &r.published {
        let _ = writeln!(s, "发布日期：{p}\n");
    }
    for i in 0..6 {
        let _ = writeln!(s, "## {}\n", layout::heading(i));
        if let Some(text) = r.sections.get(i) {
            for p in layout::paragraphs(text) {
                let _ = writeln!(s, "{p}\n");
            }
        }
        match i {
            1 => table2(&mut s, r),
            2 => table3(&mut s, r),
            3 => table4(&mut s, r),
            _ => {}
        }
    }
    s
}

fn row(s: &mut String, cells: &[String]) {
    let _ = writeln!(s, "| {} |", cells.join(" | "));
}

fn rule(s: &mut String, n: usize) {
    let _ = writeln!(s, "|{}", "---|".repeat(n));
}

fn table2(s: &mut String, r: &Report) {
    for block in table2_blocks(r) {
        let n = block.headers.len();
        let mut head = vec![block.heading.to_string()];
        head.resize(n, String::new());
        row(s, &head);
        rule(s, n);
        row(
            s,
            &block
                .headers
                .iter()
                .map(|h| h.to_string())
                .collect::<Vec<_>>(),
        );
        for (label, cells) in block.rows {
            let mut line = vec![label.to_string()];
            line.extend(cells);
            row(s, &line);
        }
        s.push('\n');
    }
}

fn table3(s: &mut String, r: &Report) {
    let mut head = vec![TABLE3_NOTE.to_string()];
    head.extend(columns().map(String::from));
    row(s, &head);
    rule(s, 8);
    for r3 in table3_rows(r) {
        let mut line = vec![r3.label];
        line.extend(r3.cells.map(show));
        row(s, &line);
    }
    s.push('\n');
}

fn table4(s: &mut String, r: &Report) {
    let mut groups = Vec::new();
    for g in Table4::GROUPS {
        groups.push(g.to_string());
        groups.extend(std::iter::repeat_n(String::new(), 4));
    }
    row(s, &groups);
    rule(s, 15);
    let results: Vec<String> = (0..15)
        .map(|i| Table4::result_label(i % 5).to_string())
        .collect();
    row(s, &results);
    row(s, &r.table4.0.map(show));
    s.push('\n');
}
