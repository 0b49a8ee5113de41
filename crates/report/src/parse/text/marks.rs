//! `[bookmark: …]` marks that text extracted from DOCX leaves in its lines.

use std::borrow::Cow;

use memchr::memmem;

use crate::parse::doc::strip_marks;

/// [`strip_marks`] for the lines of a text, which most often has no mark at all, and otherwise
/// a few: one search of the whole text finds where they are, and only a line holding one is
/// searched again.
pub(crate) struct Marks {
    /// Where the text starts in memory, and its length: lines are slices of it.
    base: usize,
    len: usize,
    /// Byte offsets of each `[bookmark:` in the text, in order.
    at: Vec<usize>,
}

impl Marks {
    pub(crate) fn of(text: &str) -> Marks {
        Marks {
            base: text.as_ptr() as usize,
            len: text.len(),
            at: memmem::find_iter(text.as_bytes(), b"[bookmark:").collect(),
        }
    }

    pub(crate) fn strip<'a>(&self, line: &'a str) -> Cow<'a, str> {
        if self.at.is_empty() {
            return Cow::Borrowed(line);
        }
        let offset = (line.as_ptr() as usize).wrapping_sub(self.base);
        if offset > self.len {
            // Not a slice of the text: search it.
            return strip_marks(line);
        }
        let first = self.at.partition_point(|&p| p < offset);
        match self.at.get(first) {
            Some(&p) if p < offset + line.len() => strip_marks(line),
            _ => Cow::Borrowed(line),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_stripped_only_where_the_text_has_them() {
        let marked = "\t[bookmark: _Hlk1]予以公开\n";
        assert_eq!(Marks::of(marked).strip(marked.trim()), "予以公开");
        assert!(Marks::of("\t予以公开 [bookmark\n").at.is_empty());
        // Only the line holding a mark is rewritten; a line from elsewhere is searched.
        let text = "一、总体情况\n[bookmark: _Hlk2]二、主动公开\n三";
        let marks = Marks::of(text);
        let lines: Vec<_> = text.lines().map(|l| marks.strip(l)).collect();
        assert!(matches!(lines[0], Cow::Borrowed("一、总体情况")));
        assert_eq!(lines[1], "二、主动公开");
        assert!(matches!(lines[2], Cow::Borrowed("三")));
        assert_eq!(marks.strip("[bookmark: x]四"), "四");
    }
}
