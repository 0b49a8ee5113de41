//! HTML as government portals publish it: styled paragraphs, tables with rowspan/colspan,
//! figures inside nested tags, `&nbsp;` for blank cells, now and then full-width digits or
//! thousands separators; the site's own navigation and footer around the article, which older
//! portals lay out with a table of their own.

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
        "<html><head><meta charset=\"utf-8\"><title>{}</title></head><body>\n",
        esc(&title)
    );
    let layout_table = rng.chance(30);
    if layout_table {
        s.push_str("<table width=\"100%\" border=\"0\"><tr><td width=\"180\"><ul><li><a href=\"/\">首页</a></li><li><a href=\"/zwgk\">政府信息公开</a></li><li>政府信息公开年报</li></ul></td><td>\n");
    } else if rng.chance(50) {
        s.push_str("<div class=\"crumb\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/zwgk\">政府信息公开</a> &gt; 政府信息公开年报</div>\n");
    }
    s.push_str("<div class=\"article\">\n");
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
    s.push_str("</div>\n");
    let body = esc(r.body.as_deref().unwrap_or(""));
    let year = r.year.map_or(2025, |y| y + 1);
    let footer = format!(
        "<p>主办单位：{body}　技术支持：县大数据中心</p><p>版权所有 © {year} {body}　网站标识码：5113000001　蜀ICP备05001234号-1　川公网安备 51130202000123号</p>"
    );
    if layout_table {
        let _ = writeln!(
            s,
            "</td></tr><tr><td colspan=\"2\">{footer}</td></tr></table>"
        );
    } else if rng.chance(60) {
        let _ = writeln!(s, "<div class=\"footer\">{footer}</div>");
    }
    s.push_str("</body></html>\n");
    s
}
