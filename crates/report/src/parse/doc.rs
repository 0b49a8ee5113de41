//! The shape every source is first brought to: paragraphs and table rows, in reading order.
//!
//! Each reader (plain text, HTML, DOCX, PDF) only has to find paragraphs and cells; reading a
//! report out of them ([`super::extract`]) is done once for all.

/// One row of a table: its cells' text as printed (merged cells appear once, or as empty cells).
pub type RowCells = Vec<String>;

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Para(String),
    Row(RowCells),
    /// A table ended (lets the extractor tell one table's rows from the next).
    TableEnd,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Doc {
    pub title: Option<String>,
    pub blocks: Vec<Block>,
}

impl Doc {
    pub fn para(&mut self, text: &str) {
        let t = text.trim();
        if !t.is_empty() {
            self.blocks.push(Block::Para(t.to_string()));
        }
    }

    pub fn row(&mut self, cells: RowCells) {
        if cells.iter().any(|c| !c.trim().is_empty()) {
            self.blocks.push(Block::Row(cells));
        }
    }

    pub fn end_table(&mut self) {
        if matches!(self.blocks.last(), Some(Block::Row(_))) {
            self.blocks.push(Block::TableEnd);
        }
    }
}

/// Removes the `[bookmark: _Hlk…]` marks that DOCX-to-text converters leave in cells.
pub fn strip_marks(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains("[bookmark:") {
        return s.into();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("[bookmark:") {
        out.push_str(&rest[..i]);
        match rest[i..].find(']') {
            Some(j) => rest = &rest[i + j + 1..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out.into()
}
