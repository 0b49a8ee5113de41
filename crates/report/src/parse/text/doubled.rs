//! Text whose every line end was doubled on its way here (pasted through a web page or an
//! editor that turns each line break into a paragraph): an empty line after every line. In
//! office text an empty line is an empty table cell, and in every layout rows are lines next
//! to each other, so such text must first be brought back to one line end per line.

use super::trim;

/// Fewer lines with words than this say too little about the text's spacing.
const MIN_LINES: usize = 10;

/// In doubled text at most one line of words in this many follows another directly (the
/// wrapped cells of a page's tables).
const MAX_TOGETHER_SHARE: usize = 10;

/// Already more lines of words together than doubled text has, with the text only begun: the
/// look can stop.
fn too_many_together(together: usize, words: usize) -> bool {
    together > 40 || (together > 8 && together * 4 > words)
}

/// A line with nothing on it. A line holding only a tab is not empty: it is a cell (an empty
/// one of DOCX-saved text, or a browser's boundary between two cells).
pub(super) fn is_empty_line(line: &str) -> bool {
    trim(line).is_empty() && !line.contains('\t')
}

/// Takes out the doubled line ends, when the lines of words stand alone and every run of
/// empty lines between them is odd (a run of 2k + 1 was k empty lines before). A portal's page
/// is such text with a few lines of words together: a cell with a line break in it
/// (`本年新` / `制作数量`), which stays two lines next to each other. Text with more lines of
/// words together than that, or an even run of empty lines, is left as it is — ordinary text
/// soon shows either, so it pays for a few lines.
pub(super) fn undouble(lines: &mut Vec<&str>) {
    let blank = is_empty_line;
    let mut words = 0;
    let mut together = 0;
    let mut run = 0;
    let mut seen_words = false;
    for line in lines.iter() {
        if blank(line) {
            run += 1;
            continue;
        }
        if seen_words && run == 0 {
            together += 1;
            if too_many_together(together, words) {
                return;
            }
        } else if seen_words && run % 2 == 0 {
            return;
        }
        seen_words = true;
        words += 1;
        run = 0;
    }
    if words < MIN_LINES || together * MAX_TOGETHER_SHARE > words {
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
    fn a_page_s_cells_with_line_breaks_stay_together() {
        let original = "二、主动公开政府信息情况\n信息内容\n本年新\n制作数量\n本年新\n公开数量\n规章\n0\n\n0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n（七）总计";
        let doubled = original
            .replace("\n", "\n\n")
            .replace("本年新\n\n", "本年新\n");
        let want = original;
        assert_eq!(undoubled(&doubled), want);
    }

    #[test]
    fn ordinary_text_is_left_alone() {
        let cases = [
            // An even run of empty lines, which doubling never makes.
            "a\n\nb\n\nc\n\n\nd\n\ne\n\nf\n\ng\n\nh\n\ni\n\nj\n\nk",
            // Lines of words together too often for the wrapped cells of a page.
            "a\n\nb\nc\n\nd\ne\n\nf\n\ng\n\nh\n\ni\n\nj\n\nk",
            // Too few lines to tell.
            "a\n\nb\n\nc",
        ];
        for text in cases {
            assert_eq!(undoubled(text), text, "{text:?}");
        }
    }
}
