//! What a browser prints in a page's margins when it prints a web page to PDF: the date and
//! time at the top (`12/7/26, 11:38 AM`, `2026/12/7 11:38`), the page's address and the page
//! count at the foot (`https://www.example.gov.cn/… 2/4`). A report saved from a portal that
//! way carries them on every page; a text extractor runs them into the lines around (the
//! foot of one page and the top of the next, `…AMfile:///…/report.html 2/4类过程性信息`), where
//! they would end up in a paragraph or a label. They are taken out before anything is read,
//! but for a stamp with the window's title after it, which names the body where the page does
//! not ([`crate::parse::extract::print`] reads it).

use crate::parse::extract::print::{SCHEMES, stamp_rest, starts_with_address};

/// Takes the margins out of `lines`: a line that is only a date and time goes, and an address
/// that ends in a page count (with a date and time just before it) is cut out of its line,
/// what stood before and after it kept as lines of their own.
pub(super) fn drop_browser_margins(lines: &mut Vec<&str>) {
    // An address alone on a line, the same on two pages at least (its page count set on a
    // line of its own, as `pdftotext` gives the foot).
    let mut bare: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for l in lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| is_bare_address(l))
    {
        *bare.entry(l).or_default() += 1;
    }
    let repeated = |t: &str| bare.get(t).is_some_and(|&n| n >= 2);
    let mut out: Option<Vec<&str>> = None;
    for (i, line) in lines.iter().enumerate() {
        let cut = footer(line);
        let stamp = cut.is_none() && (is_stamp(line) || repeated(line.trim()));
        if cut.is_none() && !stamp {
            if let Some(out) = out.as_mut() {
                out.push(line);
            }
            continue;
        }
        let out = out.get_or_insert_with(|| lines.get(..i).unwrap_or_default().to_vec());
        let (start, end) = cut.unwrap_or((0, line.len()));
        // A page break in what goes (`\f12/7/26, 11:38 AM`, the next page's top) stays, a line
        // of its own as [`super::PAGE_BREAK`]: the readers of aligned text go page by page.
        let page = line
            .get(start..end)
            .is_some_and(|m| m.contains('\u{c}'))
            .then_some(super::PAGE_BREAK);
        let (before, after) = (line.get(..start), line.get(end..));
        out.extend(
            [before, page, after]
                .into_iter()
                .flatten()
                .filter(|p| !p.trim().is_empty() || *p == super::PAGE_BREAK),
        );
    }
    if let Some(out) = out {
        *lines = out;
    }
}

/// Where in `line` an address ending in a page count stands, with a date and time run into it
/// from before: `(start, end)` in bytes.
fn footer(line: &str) -> Option<(usize, usize)> {
    let at = memchr::memmem::find(line.as_bytes(), b"://")?;
    let head = line.get(..at)?;
    let scheme = SCHEMES.into_iter().find(|s| head.ends_with(s))?;
    let mut start = at - scheme.len();
    // The address and the page count after it run on to the first character that is not
    // ASCII (the next page's first words), spaces an extractor put between letters included.
    let tail = line.get(at..)?;
    let end = at
        + tail
            .char_indices()
            .find(|(_, c)| !c.is_ascii())
            .map_or(tail.len(), |(i, _)| i);
    if !ends_with_page_count(line.get(at..end)?) {
        return None;
    }
    // A date and time just before the address: the top of the page, printed after its foot.
    let before = line.get(..start)?;
    let ascii = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii())
        .last()
        .map_or(before.len(), |(i, _)| i);
    if before.get(ascii..).is_some_and(is_stamp) {
        start = ascii;
    }
    Some((start, end))
}

/// A web address and nothing else.
fn is_bare_address(t: &str) -> bool {
    starts_with_address(t) && !t.contains(char::is_whitespace)
}

/// `2/4` at the end of an address's run, set apart from it by a space (`…/1/20/art_1.html
/// 3/5`; an address of its own that ends in figures, `…/2025/1/2`, has none).
fn ends_with_page_count(run: &str) -> bool {
    let t = run.trim_end().as_bytes();
    let digits = |t: &[u8]| t.iter().rev().take_while(|b| b.is_ascii_digit()).count();
    let total = digits(t);
    let Some(rest) = t.get(..t.len() - total) else {
        return false;
    };
    let rest = rest.trim_ascii_end();
    let Some(rest) = rest.strip_suffix(b"/") else {
        return false;
    };
    let rest = rest.trim_ascii_end();
    let page = digits(rest);
    let before = rest.get(..rest.len() - page);
    total > 0
        && total <= 4
        && page > 0
        && page <= 4
        && before.is_some_and(|b| b.last().is_some_and(u8::is_ascii_whitespace))
}

/// A browser's date-and-time stamp and nothing else ([`stamp_rest`]).
fn is_stamp(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() <= 40
        && memchr::memchr(b':', b).is_some()
        && memchr::memchr(b'/', b).is_some()
        && stamp_rest(text) == Some("")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dropped(text: &str) -> Vec<&str> {
        let mut lines: Vec<&str> = text.lines().collect();
        drop_browser_margins(&mut lines);
        lines
    }

    #[test]
    fn a_browsers_margins_go_and_what_they_ran_into_stays() {
        for (text, want) in [
            // pdf-extract: the foot of one page and the top of the next, run together.
            (
                "6.属于四\n1 2 /7 /2 6 ,   1 1 :3 8   AMﬁle:///tmp/gk/w4 0 0 0 2 . html 2 /4类过程性信息",
                vec!["6.属于四", "类过程性信息"],
            ),
            // Set out by the glyphs: each on a line of its own.
            (
                "规章  1  0  0\nﬁle:///tm p/gk2/w 70001.htm l        1/4\n12/7/26, 12:01 PM\n行政规范性文件",
                vec!["规章  1  0  0", "行政规范性文件"],
            ),
            (
                "公开。https://www.example.gov.cn/art/2026/1/20/art_1.html 3/5\n2026/1/21 09:05",
                vec!["公开。"],
            ),
            // `pdftotext -layout`: the next page's top after a form feed; the break stays.
            (
                "公开。\nfile:///tmp/w.html     1/2\n\u{c}12/7/26, 11:38 AM\n二、主动公开",
                vec!["公开。", "\u{c}", "二、主动公开"],
            ),
            // `pdftotext`: the address on a line of its own, on every page.
            (
                "规章\nfile:///tmp/w.html\n本年制发\n公开。\nfile:///tmp/w.html\n\n3/4",
                vec!["规章", "本年制发", "公开。", "", "3/4"],
            ),
            // An address in the report's words, and dates that are no time stamps, stay.
            (
                "详见http://www.gov.cn/zhengce/2025/1/2。\n2025年1月20日\n1/2/3",
                vec![
                    "详见http://www.gov.cn/zhengce/2025/1/2。",
                    "2025年1月20日",
                    "1/2/3",
                ],
            ),
            (
                "网站：\nhttp://www.gov.cn\n其他",
                vec!["网站：", "http://www.gov.cn", "其他"],
            ),
        ] {
            assert_eq!(dropped(text), want, "{text}");
        }
    }

    proptest::proptest! {
        /// Whatever the lines, the pass never panics, keeps only pieces of lines in their
        /// order, and leaves a text with no `://` and no stamp as it was.
        #[test]
        fn only_takes_away(text in "[ﬁfile:/htps.w0-9 ,APM类\n年/:-]{0,80}") {
            let before: Vec<&str> = text.lines().collect();
            let mut after = before.clone();
            drop_browser_margins(&mut after);
            // A line cut in two leaves two pieces of it: each piece is looked for from the line
            // the one before it came from.
            let mut at = 0;
            for piece in &after {
                let found = before.iter().skip(at).position(|b| b.contains(piece));
                proptest::prop_assert!(found.is_some(), "{piece:?}");
                at += found.unwrap_or(0);
            }
            if !text.contains("://") && !before.iter().any(|l| is_stamp(l)) {
                proptest::prop_assert_eq!(after, before);
            }
        }
    }
}
