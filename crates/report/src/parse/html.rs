//! HTML pages from government portals: paragraphs, and tables whose cells may span rows and
//! columns, hold `&nbsp;`, or wrap their figures in nested tags.

use scraper::{ElementRef, Html, Node, Selector};

use super::doc::Doc;

const BLOCKS: [&str; 20] = [
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "section",
    "article",
    "header",
    "footer",
    "center",
    "blockquote",
    "pre",
    "body",
    "td",
    "th",
    "tr",
];

pub fn read(html: &str) -> Doc<'static> {
    let page = Html::parse_document(html);
    let mut doc = Doc::default();
    if let Ok(sel) = Selector::parse("title") {
        doc.title = page
            .select(&sel)
            .next()
            .map(|t| t.text().collect::<String>().trim().to_string())
            .filter(|t| !t.is_empty());
    }
    let mut para = String::new();
    walk(page.root_element(), &mut doc, &mut para);
    flush(&mut doc, &mut para);
    doc
}

fn flush(doc: &mut Doc<'static>, para: &mut String) {
    doc.para(normalise(para));
    para.clear();
}

/// Non-breaking and other odd spaces become plain ones; runs collapse.
fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() || c == '\u{a0}' {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out.trim().to_string()
}

fn walk(el: ElementRef, doc: &mut Doc<'static>, para: &mut String) {
    // Text straight in the body is Markdown around HTML tables (what pandoc's CommonMark and
    // some portal editors save): there a blank line parts paragraphs, as Markdown means it.
    let in_body = el.value().name() == "body";
    for child in el.children() {
        match child.value() {
            Node::Text(t) if in_body => {
                for (i, line) in t.split('\n').enumerate() {
                    if i > 0 {
                        if line.trim().is_empty() {
                            flush(doc, para);
                        }
                        para.push('\n');
                    }
                    para.push_str(line);
                }
            }
            Node::Text(t) => para.push_str(t),
            Node::Element(e) => {
                let Some(child_el) = ElementRef::wrap(child) else {
                    continue;
                };
                // The page header and footer an office suite writes into its HTML (LibreOffice:
                // `<div title="footer">— 3 —</div>`) are the printed page's, not the report's.
                if e.name() == "div" && matches!(e.attr("title"), Some("header" | "footer")) {
                    continue;
                }
                if unseen(e) {
                    continue;
                }
                match e.name() {
                    "br" => flush(doc, para),
                    "table" => {
                        flush(doc, para);
                        table(child_el, doc);
                        doc.end_table();
                    }
                    name if BLOCKS.contains(&name) => {
                        flush(doc, para);
                        walk(child_el, doc, para);
                        flush(doc, para);
                    }
                    _ => walk(child_el, doc, para),
                }
            }
            _ => {}
        }
    }
}

/// Rows of a table as printed (a spanned cell appears once, in the row that holds it).
/// Nested tables are read as text of their cell.
fn table(el: ElementRef, doc: &mut Doc<'static>) {
    for row in rows_of(el) {
        // Portals lay pages out with tables: a cell holding a table (or a whole article) is a
        // container, read as blocks, not a cell.
        let container = row.children().filter_map(ElementRef::wrap).any(|c| {
            c.descendants()
                .filter_map(ElementRef::wrap)
                .any(|d| d.value().name() == "table")
        });
        if container {
            doc.end_table();
            let mut para = String::new();
            walk(row, doc, &mut para);
            flush(doc, &mut para);
            continue;
        }
        let cells: Vec<std::borrow::Cow<str>> = row
            .children()
            .filter_map(ElementRef::wrap)
            .filter(|c| matches!(c.value().name(), "td" | "th"))
            .map(|c| {
                // A cell's paragraphs and line breaks are one label broken over lines.
                let mut text = String::new();
                seen_text(c, &mut text);
                normalise(&text).replace(' ', "").into()
            })
            .collect();
        doc.row(cells);
    }
}

/// An element whose content a reader of the page never sees: scripts and styles, and what the
/// page hides (the `hidden` attribute, an inline `display: none` or `visibility: hidden`), as
/// portals hide a second copy of an article for printing or sharing.
fn unseen(e: &scraper::node::Element) -> bool {
    if matches!(
        e.name(),
        "script" | "style" | "head" | "noscript" | "template"
    ) || e.attr("hidden").is_some()
    {
        return true;
    }
    e.attr("style").is_some_and(hides)
}

/// An inline style that hides its element, in any case and spacing (`DISPLAY: none`): read
/// without a copy, as most elements of a portal's page carry a style.
fn hides(style: &str) -> bool {
    const NEEDLES: [&[u8]; 2] = [b"display:none", b"visibility:hidden"];
    let mut last = [0u8; 17];
    style.bytes().filter(|b| !b.is_ascii_whitespace()).any(|b| {
        last.copy_within(1.., 0);
        last[16] = b.to_ascii_lowercase();
        NEEDLES.iter().any(|n| last.ends_with(n))
    })
}

/// The text of an element that a reader of the page sees.
fn seen_text(el: ElementRef, out: &mut String) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) if !unseen(e) => {
                if let Some(child_el) = ElementRef::wrap(child) {
                    seen_text(child_el, out);
                }
            }
            _ => {}
        }
    }
}

fn rows_of(table: ElementRef) -> Vec<ElementRef> {
    let mut out = Vec::new();
    for child in table.children().filter_map(ElementRef::wrap) {
        match child.value().name() {
            "tr" => out.push(child),
            "thead" | "tbody" | "tfoot" => out.extend(
                child
                    .children()
                    .filter_map(ElementRef::wrap)
                    .filter(|r| r.value().name() == "tr"),
            ),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::doc::Block;

    #[test]
    fn layout_tables_are_containers_and_report_tables_are_tables() {
        let html = r#"<html><body><table><tr><td class="nav">首页</td><td>
            <p>一、总体情况</p><p>全年主动公开信息。</p>
            <table><tr><td>规章</td><td><p><span>1</span></p></td><td>&nbsp;</td><td>3</td></tr></table>
            </td></tr></table></body></html>"#;
        let doc = read(html);
        let blocks: Vec<Block> = doc.blocks().collect();
        assert!(blocks.contains(&Block::Para("一、总体情况")), "{blocks:?}");
        assert!(
            blocks.contains(&Block::Row(&[
                "规章".into(),
                "1".into(),
                "".into(),
                "3".into()
            ])),
            "{blocks:?}"
        );
    }

    proptest::proptest! {
        /// The copy-free test of a style says what squeezing and lowercasing it first says.
        #[test]
        fn hides_as_a_squeezed_lowercase_copy_says(style in "(dis|play|DISPLAY|visi|bility|hidden|HIDDEN|none|NONE| |:|;|\\t|x){0,10}") {
            let squeezed: String = style
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            let want = squeezed.contains("display:none") || squeezed.contains("visibility:hidden");
            proptest::prop_assert_eq!(hides(&style), want);
        }
    }

    /// What the page hides is not read: a hidden second copy of the article, a hidden figure
    /// inside a cell.
    #[test]
    fn hidden_content_is_not_read() {
        let html = r#"<html><body><p>一、总体情况</p>
            <div style="DISPLAY: none"><p>隐藏的副本</p><table><tr><td>规章</td><td>9</td></tr></table></div>
            <div hidden><p>另一副本</p></div><p style="visibility:hidden">看不见</p>
            <table><tr><td>规章<script>var x = 1;</script></td><td><span style="display:none">7</span>1</td></tr></table>
            </body></html>"#;
        let doc = read(html);
        let blocks: Vec<Block> = doc.blocks().collect();
        assert_eq!(
            blocks,
            vec![
                Block::Para("一、总体情况"),
                Block::Row(&["规章".into(), "1".into()]),
                Block::TableEnd
            ]
        );
    }

    #[test]
    fn markdown_around_tables_parts_paragraphs_at_blank_lines() {
        let html = "一、总体情况\n\n全年主动公开\n信息。\n\n二、主动公开政府信息情况\n\n\
                    <table><tr><td>规章</td><td>1</td></tr></table>\n\n三、收到和处理";
        let doc = read(html);
        let paras: Vec<&str> = doc
            .blocks()
            .filter_map(|b| match b {
                Block::Para(p) => Some(p),
                _ => None,
            })
            .collect();
        assert_eq!(
            paras,
            [
                "一、总体情况",
                "全年主动公开 信息。",
                "二、主动公开政府信息情况",
                "三、收到和处理"
            ]
        );
    }

    /// A row of fifteen blank cells is kept (it may be table 四's, left blank), and in the
    /// narrative it adds no empty line.
    #[test]
    fn a_row_of_blank_cells_in_the_narrative_adds_nothing() {
        let blank_row = format!("<table><tr>{}</tr></table>", "<td>&nbsp;</td>".repeat(15));
        let html = format!(
            "<p>一、总体情况</p><p>全年主动公开信息。</p><p>五、存在的主要问题及改进情况</p>\
             <p>问题。</p>{blank_row}<p>改进。</p><p>六、其他需要报告的事项</p><p>无。</p>"
        );
        let doc = read(&html);
        assert!(
            doc.blocks()
                .any(|b| matches!(b, Block::Row(cells) if cells.len() == 15))
        );
        let parsed = crate::parse::from_doc(&doc, crate::parse::Layout::Html).expect("report");
        assert_eq!(parsed.report.sections.get(4), Some("问题。\n改进。"));
    }

    #[test]
    fn an_office_suites_page_header_and_footer_are_not_text() {
        let html = r#"<body><div title="header"><p>某局2025年政府信息公开工作年度报告</p></div>
            <p>一、总体情况</p><p>全年主动公开信息。</p>
            <div title="footer"><p align="center">— <sdfield type=PAGE>3</sdfield> —</p></div>
            <div title="说明"><p>附注。</p></div></body>"#;
        let paras: Vec<String> = read(html)
            .blocks()
            .filter_map(|b| match b {
                Block::Para(p) => Some(p.to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(paras, ["一、总体情况", "全年主动公开信息。", "附注。"]);
    }
}
