//! A DOCX body as a tree of paragraphs and tables, each cell holding its own paragraphs and
//! tables: only once a table is whole can it be told whether it holds data or only lays the
//! page out (a frame around the whole report, a table whose cells hold tables).

use std::borrow::Cow;

use quick_xml::Reader;
use quick_xml::events::Event;

use super::ParseError;
use super::doc::Doc;

/// Tables nested deeper than this are read as their cells' text (no report nests so deep; a
/// file that does must not exhaust the stack).
const MAX_NESTING: usize = 16;

enum Node {
    Para(String),
    Table(Vec<Vec<Cell>>),
}

#[derive(Default)]
struct Cell {
    nodes: Vec<Node>,
    para: String,
}

impl Cell {
    /// The cell's text as one string: its paragraphs, and any table inside it, run together.
    fn text(&self, out: &mut String) {
        for node in &self.nodes {
            match node {
                Node::Para(p) => out.push_str(p),
                Node::Table(rows) => rows.iter().flatten().for_each(|c| c.text(out)),
            }
        }
        out.push_str(&self.para);
    }

    fn end_para(&mut self) {
        if !self.para.is_empty() {
            self.nodes.push(Node::Para(std::mem::take(&mut self.para)));
        }
    }
}

#[derive(Default)]
struct OpenTable {
    rows: Vec<Vec<Cell>>,
    row: Option<Vec<Cell>>,
    cell: Option<Cell>,
}

#[derive(Default)]
struct Builder {
    /// The body, as a cell that spans the page.
    body: Cell,
    tables: Vec<OpenTable>,
    /// Tables opened past [`MAX_NESTING`], not yet closed.
    ignored: usize,
    in_text: bool,
    /// Inside a run (`w:r`), and that run is hidden text (`w:vanish`), which Word neither shows
    /// nor prints.
    in_run: bool,
    hidden: bool,
}

impl Builder {
    /// Where text goes now: the innermost open cell, or the body; none between cells.
    fn container(&mut self) -> Option<&mut Cell> {
        match self.tables.last_mut() {
            Some(t) => t.cell.as_mut(),
            None => Some(&mut self.body),
        }
    }

    fn push_text(&mut self, s: &str) {
        if let Some(c) = self.container() {
            c.para.push_str(s);
        }
    }

    fn in_table(&self) -> bool {
        !self.tables.is_empty()
    }

    fn start_table(&mut self) {
        if self.tables.len() >= MAX_NESTING {
            self.ignored += 1;
        } else {
            if let Some(c) = self.container() {
                c.end_para();
            }
            self.tables.push(OpenTable::default());
        }
    }

    fn end_table(&mut self) {
        if self.ignored > 0 {
            self.ignored -= 1;
            return;
        }
        if let Some(t) = self.tables.pop()
            && let Some(c) = self.container()
        {
            c.nodes.push(Node::Table(t.rows));
        }
    }

    /// The open table whose rows and cells the next `tr`/`tc` open or close.
    fn table(&mut self) -> Option<&mut OpenTable> {
        if self.ignored > 0 {
            return None;
        }
        self.tables.last_mut()
    }
}

/// Elements whose content the page does not show: Word writes a text box or shape twice, as
/// DrawingML (`mc:Choice`) and again as VML for older readers (`mc:Fallback`), whose copy is
/// skipped; a tracked change keeps deleted runs (`w:del`) and the place text was moved from
/// (`w:moveFrom`) beside the text that stands.
fn is_skipped(name: &[u8]) -> bool {
    matches!(name, b"Fallback" | b"del" | b"moveFrom")
}

/// A toggle property (`<w:vanish/>`) is on unless its value turns it off.
fn is_on(e: &quick_xml::events::BytesStart<'_>) -> bool {
    !e.attributes().flatten().any(|a| {
        a.key.local_name().as_ref() == b"val"
            && matches!(a.value.as_ref(), b"0" | b"false" | b"off")
    })
}

/// Reads `word/document.xml` into a document: data tables as rows, layout tables as what they
/// hold.
pub(super) fn parse_xml(xml: &str) -> Result<Doc<'static>, ParseError> {
    let mut reader = Reader::from_str(xml);
    let mut b = Builder::default();
    let mut skipped = 0usize;
    loop {
        let event = reader.read_event().map_err(|e| {
            ParseError::Docx(format!(
                "word/document.xml 格式错误（位置 {}）：{e}",
                reader.buffer_position()
            ))
        })?;
        match &event {
            Event::Start(e) if is_skipped(e.local_name().as_ref()) => {
                skipped += 1;
                continue;
            }
            Event::End(e) if is_skipped(e.local_name().as_ref()) => {
                skipped = skipped.saturating_sub(1);
                continue;
            }
            Event::Eof => {}
            _ if skipped > 0 => continue,
            _ => {}
        }
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                b"r" => {
                    b.in_run = true;
                    b.hidden = false;
                }
                b"tbl" => b.start_table(),
                b"tr" => {
                    if let Some(t) = b.table() {
                        t.row = Some(Vec::new());
                    }
                }
                b"tc" => {
                    if let Some(t) = b.table() {
                        t.cell = Some(Cell::default());
                    }
                }
                b"t" => b.in_text = !b.hidden,
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                // A paragraph mark's properties (`w:pPr/w:rPr`) hide no run's text.
                b"vanish" if b.in_run => b.hidden = is_on(&e),
                b"tab" => b.push_text(if b.in_table() { " " } else { "\t" }),
                // A cell's paragraphs run together anyway; a frame's are paragraphs.
                b"br" | b"cr" => {
                    if let Some(c) = b.container() {
                        c.end_para();
                    }
                }
                b"tc" => {
                    if let Some(r) = b.table().and_then(|t| t.row.as_mut()) {
                        r.push(Cell::default());
                    }
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"r" => {
                    b.in_run = false;
                    b.hidden = false;
                }
                b"t" => b.in_text = false,
                b"p" => {
                    if let Some(c) = b.container() {
                        c.end_para();
                    }
                }
                b"tc" => {
                    if let Some(t) = b.table()
                        && let (Some(mut c), Some(r)) = (t.cell.take(), t.row.as_mut())
                    {
                        c.end_para();
                        r.push(c);
                    }
                }
                b"tr" => {
                    if let Some(t) = b.table()
                        && let Some(r) = t.row.take()
                    {
                        t.rows.push(r);
                    }
                }
                b"tbl" => b.end_table(),
                _ => {}
            },
            Event::Text(t) if b.in_text => {
                let s = t
                    .decode()
                    .map_err(|e| ParseError::Docx(format!("文字编码错误：{e}")))?;
                b.push_text(&s);
            }
            Event::GeneralRef(r) if b.in_text => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    b.push_text(c.encode_utf8(&mut [0; 4]));
                } else if let Ok(name) = r.decode()
                    && let Some(s) = quick_xml::escape::resolve_predefined_entity(&name)
                {
                    b.push_text(s);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    // A body cut off inside a table keeps what was read of it.
    while b.in_table() {
        if let Some(t) = b.tables.last_mut() {
            if let Some(mut c) = t.cell.take() {
                c.end_para();
                t.row.get_or_insert_with(Vec::new).push(c);
            }
            if let Some(r) = t.row.take() {
                t.rows.push(r);
            }
        }
        b.ignored = 0;
        b.end_table();
    }
    b.body.end_para();
    let mut doc = Doc::default();
    emit(b.body.nodes, &mut doc);
    Ok(doc)
}

/// A table that only lays the page out: one holding tables in its cells, or a single cell
/// framing several paragraphs.
fn is_layout(rows: &[Vec<Cell>]) -> bool {
    let nested = rows
        .iter()
        .flatten()
        .any(|c| c.nodes.iter().any(|n| matches!(n, Node::Table(_))));
    let frame = matches!(rows, [row] if matches!(row.as_slice(), [cell] if cell.nodes.len() > 1));
    nested || frame
}

fn emit(nodes: Vec<Node>, doc: &mut Doc<'static>) {
    for node in nodes {
        match node {
            Node::Para(p) => doc.para(p),
            Node::Table(rows) if is_layout(&rows) => {
                for cell in rows.into_iter().flatten() {
                    emit(cell.nodes, doc);
                }
            }
            Node::Table(rows) => {
                for row in rows {
                    doc.row(row.iter().map(|c| {
                        let mut text = String::new();
                        c.text(&mut text);
                        Cow::Owned(text)
                    }));
                }
                doc.end_table();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::doc::Block;

    fn blocks(xml: &str) -> Vec<String> {
        let doc = parse_xml(xml).expect("parses");
        doc.blocks()
            .map(|b| match b {
                Block::Para(p) => format!("P {p}"),
                Block::Row(cells) => format!("R {}", cells.join("|")),
                Block::TableEnd => "E".into(),
            })
            .collect()
    }

    const ROW: &str = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>规章</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>0</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";

    fn p(text: &str) -> String {
        format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
    }

    /// A document saved with tracked changes shows the text that stands: what was deleted or
    /// moved away is not read, what was inserted or moved here is; hidden text is not read.
    #[test]
    fn only_the_text_that_stands_is_read() {
        let run = |text: &str| format!("<w:r><w:t>{text}</w:t></w:r>");
        let deleted = "<w:r><w:delText>3</w:delText></w:r>";
        let xml = format!(
            "<w:body><w:p>{}</w:p><w:tbl><w:tr><w:tc><w:p>{}</w:p></w:tc><w:tc><w:p><w:del>{deleted}</w:del><w:del>{}</w:del><w:ins>{}</w:ins></w:p></w:tc></w:tr></w:tbl>\
             <w:p><w:moveFrom>{}</w:moveFrom>{}</w:p><w:p><w:moveTo>{}</w:moveTo></w:p>\
             <w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>{}<w:r><w:rPr><w:vanish/></w:rPr><w:t>说明</w:t></w:r><w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t>。</w:t></w:r></w:p></w:body>",
            run("一、总体情况"),
            run("规章"),
            // A writer that keeps a deleted run's text in `w:t`.
            run("5"),
            run("4"),
            run("移走的段落"),
            run("留下的"),
            run("移来的段落"),
            run("正文"),
        );
        assert_eq!(
            blocks(&xml),
            [
                "P 一、总体情况",
                "R 规章|4",
                "E",
                "P 留下的",
                "P 移来的段落",
                "P 正文。"
            ]
        );
    }

    #[test]
    fn layout_tables_give_what_they_hold() {
        // A frame round the page: its paragraphs and its table, in order.
        let frame = format!(
            "<w:body><w:tbl><w:tr><w:tc>{}{ROW}{}</w:tc></w:tr></w:tbl></w:body>",
            p("一、总体情况"),
            p("二、主动公开")
        );
        assert_eq!(
            blocks(&frame),
            ["P 一、总体情况", "R 规章|0", "E", "P 二、主动公开"]
        );
        // A single cell of one paragraph is data; a data table's cells keep their text.
        let one = format!(
            "<w:body><w:tbl><w:tr><w:tc>{}</w:tc></w:tr></w:tbl></w:body>",
            p("注")
        );
        assert_eq!(blocks(&one), ["R 注", "E"]);
        // A layout table of two columns, a table in one of them.
        let side = format!(
            "<w:body><w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{ROW}</w:tc></w:tr></w:tbl>{}</w:body>",
            p("左栏"),
            p("正文")
        );
        assert_eq!(blocks(&side), ["P 左栏", "R 规章|0", "E", "P 正文"]);
    }

    #[test]
    fn a_text_box_is_read_once() {
        let text_box = |inner: &str| format!("<w:txbxContent>{}</w:txbxContent>", p(inner));
        let xml = format!(
            "<w:body><w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>{}</w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>{}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>{}</w:body>",
            text_box("附件2"),
            text_box("附件2"),
            p("一、总体情况")
        );
        assert_eq!(blocks(&xml), ["P 附件2", "P 一、总体情况"]);
    }

    #[test]
    fn deep_or_unclosed_nesting_is_no_crash() {
        let deep = format!(
            "<w:body>{}{}{}</w:body>",
            "<w:tbl><w:tr><w:tc>".repeat(10_000),
            p("深"),
            "</w:tc></w:tr></w:tbl>".repeat(10_000)
        );
        assert!(blocks(&deep).iter().any(|b| b.contains('深')));
        let cut = format!(
            "<w:body>{}<w:tbl><w:tr><w:tc>{}",
            p("一、总体情况"),
            p("规章")
        );
        assert_eq!(blocks(&cut), ["P 一、总体情况", "R 规章", "E"]);
    }
}
