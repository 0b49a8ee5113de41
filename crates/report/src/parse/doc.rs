//! The shape every source is first brought to: paragraphs and table rows, in reading order.
//!
//! Each reader (plain text, HTML, DOCX, PDF) only has to find paragraphs and cells; reading a
//! report out of them ([`super::extract`]) is done once for all.

use std::borrow::Cow;

/// One row of a table: its cells' text as printed (merged cells appear once, or as empty cells).
/// Text readers borrow from the input; HTML and DOCX readers own what they decoded.
pub type RowCells<'a> = Vec<Cow<'a, str>>;

#[derive(Clone, Debug, PartialEq)]
pub enum Block<'a> {
    Para(Cow<'a, str>),
    Row(RowCells<'a>),
    /// A table ended (lets the extractor tell one table's rows from the next).
    TableEnd,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Doc<'a> {
    pub title: Option<String>,
    pub blocks: Vec<Block<'a>>,
}

/// Trims without copying what was borrowed.
fn trimmed(text: Cow<'_, str>) -> Cow<'_, str> {
    match text {
        Cow::Borrowed(s) => Cow::Borrowed(super::trim(s)),
        Cow::Owned(s) if super::trim(&s).len() == s.len() => Cow::Owned(s),
        Cow::Owned(s) => Cow::Owned(super::trim(&s).to_string()),
    }
}

impl<'a> Doc<'a> {
    pub fn para(&mut self, text: impl Into<Cow<'a, str>>) {
        let t = trimmed(text.into());
        if !t.is_empty() {
            self.blocks.push(Block::Para(t));
        }
    }

    pub fn row(&mut self, cells: RowCells<'a>) {
        if cells.iter().any(|c| !super::trim(c).is_empty()) {
            self.blocks.push(Block::Row(cells));
        }
    }

    pub fn end_table(&mut self) {
        if matches!(self.blocks.last(), Some(Block::Row(_))) {
            self.blocks.push(Block::TableEnd);
        }
    }

    /// The same document owning all its text (for a reader that had to rewrite its input).
    pub fn into_owned(self) -> Doc<'static> {
        let owned = |c: Cow<'_, str>| Cow::Owned(c.into_owned());
        Doc {
            title: self.title,
            blocks: self
                .blocks
                .into_iter()
                .map(|b| match b {
                    Block::Para(p) => Block::Para(owned(p)),
                    Block::Row(r) => Block::Row(r.into_iter().map(owned).collect()),
                    Block::TableEnd => Block::TableEnd,
                })
                .collect(),
        }
    }
}

/// Removes the `[bookmark: _Hlk…]` marks that DOCX-to-text converters leave in cells.
pub fn strip_marks(s: &str) -> std::borrow::Cow<'_, str> {
    // Most lines have no bracket at all: one memchr pass says so.
    if memchr::memchr(b'[', s.as_bytes()).is_none() || !s.contains("[bookmark:") {
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
