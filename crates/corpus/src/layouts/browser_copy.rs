//! Text copied out of a web browser from a portal's report page (select all, copy, paste into
//! a text file). A browser writes the page's rendered text (HTML's `innerText`): a tab between
//! the cells of a table row, a line break after a row, a covered cell of a merged one left out,
//! and around each block the line breaks it requires — two around a paragraph, one around other
//! blocks — where neighbouring requirements merge into the largest. So what surrounds a tab
//! depends on the page's markup: bare cells give one tab row per line; `<td><p>…` (Word-made
//! pages) puts the tab on a line of its own between empty lines; pages mix them (bare labels,
//! figures in paragraphs). A `<br>` inside a label is a line break inside the cell.

use report::model::Report;

use super::cell_per_line::chinese_date;
use super::{Part, is_figure, parts, title_lines};
use crate::Rng;

/// What a table cell's content is wrapped in.
#[derive(Clone, Copy)]
enum Wrap {
    Bare,
    /// A `<div>`: one line break before and after.
    Block,
    /// A `<p>`: two.
    Paragraph,
}

impl Wrap {
    fn breaks(self) -> usize {
        match self {
            Wrap::Bare => 0,
            Wrap::Block => 1,
            Wrap::Paragraph => 2,
        }
    }

    fn any(rng: &mut Rng) -> Wrap {
        match rng.below(3) {
            0 => Wrap::Bare,
            1 => Wrap::Block,
            _ => Wrap::Paragraph,
        }
    }
}

/// The rendered text being built: text, and line breaks a block requires (merged with the
/// next requirement, and dropped at the very start and end).
#[derive(Default)]
struct Rendered {
    text: String,
    required: usize,
}

impl Rendered {
    fn require(&mut self, breaks: usize) {
        self.required = self.required.max(breaks);
    }

    fn push(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        if !self.text.is_empty() {
            self.text.extend(std::iter::repeat_n('\n', self.required));
        }
        self.required = 0;
        self.text.push_str(s);
    }

    fn block(&mut self, s: &str, wrap: Wrap) {
        self.require(wrap.breaks());
        self.push(s);
        self.require(wrap.breaks());
    }
}

pub fn browser_copy(r: &Report, rng: &mut Rng) -> String {
    let (labels, figures) = (Wrap::any(rng), Wrap::any(rng));
    let mut out = Rendered::default();
    out.block(&title_lines(r, rng).concat(), Wrap::Block);
    for part in parts(r) {
        match part {
            Part::Para(p) => out.block(&p, Wrap::Paragraph),
            Part::Table(g) => {
                out.require(1);
                for (i, row) in g.rows.iter().enumerate() {
                    if i > 0 {
                        out.push("\n");
                    }
                    for (j, c) in row.iter().enumerate() {
                        if j > 0 {
                            out.push("\t");
                        }
                        let wrap = if is_figure(&c.text) { figures } else { labels };
                        out.block(&broken(&c.text, rng), wrap);
                    }
                }
                out.require(1);
            }
        }
    }
    if let Some(d) = &r.published {
        out.block(r.body.as_deref().unwrap_or(""), Wrap::Paragraph);
        out.block(&chinese_date(d), Wrap::Paragraph);
    }
    out.text.push('\n');
    out.text
}

/// A long label as a portal page often breaks it with a `<br>` (one in four).
fn broken(text: &str, rng: &mut Rng) -> String {
    super::break_line(text, 8, 4, 25, rng)
}
