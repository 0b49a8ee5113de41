//! HTML as government portals publish it: styled paragraphs, tables with rowspan/colspan,
//! figures inside nested tags, `&nbsp;` for blank cells, now and then full-width digits or
//! thousands separators.

use std::fmt::Write;

use report::model::Report;

use super::{Part, is_figure, parts, title_lines};
use crate::Rng;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn figure(text: &str, rng: &mut Rng) -> String {
    if text.is_empty() {
        return "&nbsp;".into();
    }
    if rng.chance(5) {
        return text
            .chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_u32('０' as u32 + d).unwrap_or(c),
                None => c,
            })
            .collect();
    }
    match text.parse::<u64>() {
        Ok(v) if v >= 1000 && rng.chance(50) => format!("{},{:03}", v / 1000, v % 1000),
        _ => text.to_string(),
    }
}

pub fn portal_html(r: &Report, rng: &mut Rng) -> String {
    let title: String = title_lines(r, rng).concat();
    let mut s = format!(
        "<html><head><meta charset=\"utf-8\"><title>{}</title></head><body>\n<div class=\"article\">\n",
        esc(&title)
    );
    if rng.chance(70) {
        let _ = writeln!(
            s,
            "<p style=\"text-align:center\"><strong>{}</strong></p>",
            esc(&title)
        );
    }
    if let Some(d) = &r.published {
        let _ = writeln!(s, "<p style=\"text-align:center\">发布日期：{d}</p>");
    }
    for part in parts(r) {
        match part {
            Part::Para(p) => {
                let _ = writeln!(
                    s,
                    "<p style=\"text-indent:2em\"><span style=\"font-family:仿宋\">{}</span></p>",
                    esc(&p)
                );
            }
            Part::Table(g) => {
                s.push_str("<table border=\"1\" cellspacing=\"0\"><tbody>\n");
                for row in &g.rows {
                    s.push_str("<tr>");
                    for c in row {
                        let mut attrs = String::new();
                        if c.colspan > 1 {
                            let _ = write!(attrs, " colspan=\"{}\"", c.colspan);
                        }
                        if c.rowspan > 1 {
                            let _ = write!(attrs, " rowspan=\"{}\"", c.rowspan);
                        }
                        let inner = if is_figure(&c.text) || c.text.is_empty() {
                            format!(
                                "<p align=\"center\"><span>{}</span></p>",
                                figure(&c.text, rng)
                            )
                        } else if c.text.chars().count() > 10 && rng.chance(30) {
                            let chars: Vec<char> = c.text.chars().collect();
                            let (a, b): (String, String) =
                                (chars[..6].iter().collect(), chars[6..].iter().collect());
                            format!("<p>{}<br />{}</p>", esc(&a), esc(&b))
                        } else {
                            format!("<p>{}</p>", esc(&c.text))
                        };
                        let _ = write!(s, "<td{attrs}>{inner}</td>");
                    }
                    s.push_str("</tr>\n");
                }
                s.push_str("</tbody></table>\n");
            }
        }
    }
    s.push_str("</div></body></html>\n");
    s
}
