//! The shape every source is first brought to: paragraphs and table rows, in reading order.
//!
//! Each reader (plain text, HTML, DOCX, PDF) only has to find paragraphs and cells; reading a
//! report out of them ([`super::extract`]) is done once for all.

use std::borrow::Cow;

/// One row of a table: its cells' text as printed (merged cells appear once, or as empty cells).
/// Text readers borrow from the input; HTML and DOCX readers own what they decoded.
pub type RowCells<'a> = Vec<Cow<'a, str>>;

/// A paragraph, a table row or a table's end, as the extractor reads them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Block<'d> {
    Para(&'d str),
    Row(&'d [Cow<'d, str>]),
    /// A table ended (lets the extractor tell one table's rows from the next).
    TableEnd,
}

#[derive(Clone, Debug, PartialEq)]
enum Item<'a> {
    Para(Cow<'a, str>),
    /// The row's cells: `cells[start..end]`.
    Row {
        start: usize,
        end: usize,
    },
    TableEnd,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Doc<'a> {
    pub title: Option<String>,
    items: Vec<Item<'a>>,
    /// Every row's cells one after another: a row is a range of them, not a vector of its own.
    cells: Vec<Cow<'a, str>>,
    /// The source printed its tables' cells out of row order (column after column, as
    /// `pdftotext` without `-layout` does): they were left out, since no row can be told.
    pub scrambled: bool,
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
    /// An empty document with room for `lines` paragraphs and cells, for a reader that knows
    /// roughly how many it will add (growing the vectors as they fill costs more).
    pub fn with_capacity(lines: usize) -> Doc<'a> {
        Doc {
            items: Vec::with_capacity(lines),
            cells: Vec::with_capacity(lines),
            ..Doc::default()
        }
    }

    /// The document's blocks in reading order.
    pub fn blocks(&self) -> impl Iterator<Item = Block<'_>> {
        self.items.iter().map(|item| match item {
            Item::Para(p) => Block::Para(p),
            Item::Row { start, end } => {
                Block::Row(self.cells.get(*start..*end).unwrap_or_default())
            }
            Item::TableEnd => Block::TableEnd,
        })
    }

    pub fn para(&mut self, text: impl Into<Cow<'a, str>>) {
        let t = trimmed(text.into());
        if !t.is_empty() {
            self.items.push(Item::Para(t));
        }
    }

    /// Adds a row, unless all its cells are blank and there are fewer than fifteen: a blank
    /// row of a few cells lays a page out, but one of fifteen is table 四's row of figures left
    /// blank (no review, no suit), which says the table is there.
    pub fn row(&mut self, cells: impl IntoIterator<Item = Cow<'a, str>>) {
        let start = self.cells.len();
        self.cells.extend(cells);
        let row = self.cells.get(start..).unwrap_or_default();
        if row.len() >= 15 || row.iter().any(|c| !super::trim(c).is_empty()) {
            let end = self.cells.len();
            self.items.push(Item::Row { start, end });
        } else {
            self.cells.truncate(start);
        }
    }

    pub fn end_table(&mut self) {
        if matches!(self.items.last(), Some(Item::Row { .. })) {
            self.items.push(Item::TableEnd);
        }
    }

    /// The same document owning all its text (for a reader that had to rewrite its input).
    pub fn into_owned(self) -> Doc<'static> {
        let owned = |c: Cow<'_, str>| Cow::Owned(c.into_owned());
        Doc {
            title: self.title,
            items: self
                .items
                .into_iter()
                .map(|item| match item {
                    Item::Para(p) => Item::Para(owned(p)),
                    Item::Row { start, end } => Item::Row { start, end },
                    Item::TableEnd => Item::TableEnd,
                })
                .collect(),
            cells: self.cells.into_iter().map(owned).collect(),
            scrambled: self.scrambled,
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
