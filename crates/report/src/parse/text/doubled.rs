//! Text whose every line end was doubled on its way here (pasted through a web page or an
//! editor that turns each line break into a paragraph): an empty line after every line. In
//! office text an empty line is an empty table cell, and in every layout rows are lines next
//! to each other, so such text must first be brought back to one line end per line.

use super::trim;

/// Fewer lines with words than this say too little about the text's spacing.
const MIN_LINES: usize = 10;

/// A line with nothing on it. A line holding only a tab is not empty: it is a cell (an empty
/// one of DOCX-saved text, or a browser's boundary between two cells).
pub(super) fn is_empty_line(line: &str) -> bool {
    trim(line).is_empty() && !line.contains('\t')
}

/// Takes out the doubled line ends, when every line of words stands alone and every run of
/// empty lines between them is odd (a run of 2k + 1 was k empty lines before). Text with two
/// lines of words next to each other anywhere is left as it is — the first such pair ends the
/// look, so ordinary text pays for a line or two.
pub(super) fn undouble(lines: &mut Vec<&str>) {
    let blank = is_empty_line;
    let mut words = 0;
    let mut run = 0;
    let mut seen_words = false;
    for line in lines.iter() {
        if blank(line) {
            run += 1;
            continue;
        }
        if seen_words && run % 2 == 0 {
            return;
        }
        seen_words = true;
        words += 1;
        run = 0;
    }
    if words < MIN_LINES {
        return;
    }
    let mut out = Vec::with_capacity(lines.len() / 2 + 1);
    let mut run = 0;
    for line in lines.iter() {
        if blank(line) {
            run += 1;
            continue;
        }
        if !out.is_empty() {
            out.extend(std::iter::repeat_n("", run / 2));
        }
        out.push(*line);
        run = 0;
    }
    *lines = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn undoubled(text: &str) -> String {
        let mut lines: Vec<&str> = text.lines().collect();
        undouble(&mut lines);
        lines.join("\n")
    }

    #[test]
    fn doubled_line_ends_come_back_to_one() {
        let original = "一、总体情况\n规章\n\n0\n\n\n5\n1\n2\n3\n4\n5\n6\n7\n（七）总计";
        let doubled = format!("\n\n{}\n\n", original.replace('\n', "\n\n"));
        assert_eq!(undoubled(&doubled), original);
    }

    #[test]
    fn ordinary_text_is_left_alone() {
        let cases = [
            // Two lines of words next to each other.
            "a\n\nb\n\nc\nd\n\ne\n\nf\n\ng\n\nh\n\ni\n\nj\n\nk",
            // An even run of empty lines, which doubling never makes.
            "a\n\nb\n\nc\n\n\nd\n\ne\n\nf\n\ng\n\nh\n\ni\n\nj\n\nk",
            // Too few lines to tell.
            "a\n\nb\n\nc",
        ];
        for text in cases {
            assert_eq!(undoubled(text), text, "{text:?}");
        }
    }
}
