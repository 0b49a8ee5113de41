//! Paragraphs rejoined from text that a PDF wrapped at the page width (`pdftotext -layout`;
//! the space-separated reader of pure-Rust PDF text joins its lines as it reads them): a
//! narrative read from a PDF should print as the paragraphs it was written in, not as the
//! page's lines.
//!
//! A line is a wrap when it is as wide as the page — the width that at least three lines of the
//! report reach — and does not end a sentence; the line after it carries on the paragraph unless
//! it opens with a numbering mark. Layouts whose lines are paragraphs already (DOCX text, HTML,
//! Markdown) are left alone: there the longest lines are simply the longest paragraphs.

use crate::model::Sections;
use crate::parse::numbering;

/// Justified lines differ by a little: punctuation pushed to the next line, half-width digits.
/// Two CJK characters' worth.
const SLACK: usize = 4;

/// The first line's indent of a paragraph: two CJK characters.
const INDENT: usize = 4;

/// A line of prose narrower than this is no page.
const MIN_PAGE: usize = 20;

/// Characters that end a paragraph as often as a sentence; a line ending in one is kept whole.
const ENDS: [char; 6] = ['。', '！', '？', '；', '：', ':'];

/// Display width: CJK and full-width forms two columns, ASCII one.
fn width(line: &str) -> usize {
    line.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

pub(crate) fn sections(sections: &mut Sections) {
    let mut widths: Vec<usize> = (0..6)
        .filter_map(|i| sections.get(i))
        .flat_map(|t| t.split('\n'))
        .map(width)
        .collect();
    widths.sort_unstable_by(|a, b| b.cmp(a));
    let Some(&page) = widths.get(2) else {
        return;
    };
    if page < MIN_PAGE {
        return;
    }
    for i in 0..6 {
        if let Some(text) = sections.get(i) {
            let joined = reflow(text, page);
            sections.set(i, joined);
        }
    }
}

fn reflow(text: &str, page: usize) -> String {
    let mut out = String::with_capacity(text.len());
    let mut lines = text.split('\n').peekable();
    // The line opens a paragraph, whose first line is indented by two characters (首行缩进):
    // it is full two characters short of the page.
    let mut opens = true;
    while let Some(line) = lines.next() {
        out.push_str(line);
        let Some(next) = lines.peek() else { break };
        let indent = if opens { INDENT } else { 0 };
        let wraps = width(line) + SLACK + indent >= page
            && !line.ends_with(ENDS)
            && !numbering::opens_with_mark(next)
            && (!numbering::is_numbered_heading(line) || numbering::ends_heading(line, next));
        if !wraps {
            out.push('\n');
        }
        opens = !wraps;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_rejoin_and_paragraphs_stay_apart() {
        let page = width("本年度，我镇持续加大信息公开力度，严格对标《中华人民共");
        let cases: [(&str, &str); 7] = [
            (
                "本年度，我镇持续加大信息公开力度，严格对标《中华人民共\n和国政府信息公开条例》规定。",
                "本年度，我镇持续加大信息公开力度，严格对标《中华人民共和国政府信息公开条例》规定。",
            ),
            // A short line ends its paragraph.
            (
                "（一）主动公开方面\n本年度，我镇",
                "（一）主动公开方面\n本年度，我镇",
            ),
            // A full line ending a sentence is kept whole.
            (
                "本年度，我镇持续加大信息公开力度，严格对标相关规定要求。\n二是健全制度",
                "本年度，我镇持续加大信息公开力度，严格对标相关规定要求。\n二是健全制度",
            ),
            // The next line opens with a numbering mark.
            (
                "本年度，我镇持续加大信息公开力度，严格对标《中华人民共\n（二）依申请公开",
                "本年度，我镇持续加大信息公开力度，严格对标《中华人民共\n（二）依申请公开",
            ),
            (
                "（二）2020年存在的主要问题及改进措施与下一步工作安排情况\n一是公开内容的深度有待加强，",
                "（二）2020年存在的主要问题及改进措施与下一步工作安排情况\n一是公开内容的深度有待加强，",
            ),
            // A heading the page width broke.
            (
                "（三）人大代表建议和政协提案办理结果公开情况及其他需要报告的事\n项",
                "（三）人大代表建议和政协提案办理结果公开情况及其他需要报告的事项",
            ),
            (
                "全年共收到政府信息公开申请 1 件，已在法定期限内办结答复同\n时，进一步健全",
                "全年共收到政府信息公开申请 1 件，已在法定期限内办结答复同时，进一步健全",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(reflow(text, page), want, "{text}");
        }
        // A paragraph's first line, indented two characters, is full two characters short;
        // a line inside a paragraph is not.
        let cases: [(&str, &str); 2] = [
            (
                "（一）主动公开进一步加强。着力抓好政策信息公开发\n布，政府信息公开平台全年更新。",
                "（一）主动公开进一步加强。着力抓好政策信息公开发布，政府信息公开平台全年更新。",
            ),
            (
                "本年度，我镇持续加大信息公开力度，严格对标《中华人民共\n和国政府信息公开条例》规定\n另一段",
                "本年度，我镇持续加大信息公开力度，严格对标《中华人民共和国政府信息公开条例》规定\n另一段",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(reflow(text, page), want, "{text}");
        }
    }

    #[test]
    fn paragraphs_of_a_docx_are_not_a_page() {
        let mut s = Sections::default();
        s.set(0, "短段落。\n另一段。".into());
        let before = s.clone();
        sections(&mut s);
        assert_eq!(s, before);
    }
}
