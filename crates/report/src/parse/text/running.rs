//! What a PDF prints at the top of every page besides the report: its title again (a running
//! header), or — in the text pages of a flipbook — a caption with the page's number
//! (`Page 3 - …年度报告`). Wherever a page breaks, inside a table or a paragraph, such a line
//! stands between lines that belong together, so it is taken out before anything is read.
//! So is a page number that a tool ran into the next page's first line (`— 3 —（三）…`, as
//! PyMuPDF's pages joined give it).

use super::super::extract::print::caption_rest;
use super::trim;

/// How many of the text's first lines with words are looked at for its title.
const TITLE_LINES: usize = 4;
/// A title is short; a longer line is the report's opening paragraph.
const MAX_TITLE_CHARS: usize = 60;

/// Takes out every running header and flipbook caption; leaves the title itself.
pub(super) fn drop_page_headers(lines: &mut Vec<&str>) {
    let (titles, after) = titles(lines);
    let shortest = titles.iter().map(String::len).min().unwrap_or(usize::MAX);
    let firsts: Vec<u8> = titles.iter().filter_map(|t| t.bytes().next()).collect();
    let mut headers = Vec::new();
    for (i, line) in lines.iter_mut().enumerate() {
        // One look at the first byte after a line's indent sorts nearly every line out: only
        // a long dash may start a page number, only `P` a caption, and only a line as long
        // as the title and starting as it does can repeat it.
        let (indent, mut first) = first_byte(line);
        match first {
            0xe2 | 0xef => {
                if let Some(rest) = line.get(indent..).and_then(after_page_number) {
                    *line = rest;
                    first = first_byte(rest).1;
                }
            }
            b'P' if caption_rest(line).is_some() => headers.push(i),
            _ => {}
        }
        if i >= after && line.len() >= shortest && firsts.contains(&first) {
            let t = trim(line);
            if titles
                .iter()
                .any(|title| title.len() == t.len() && title == t)
            {
                headers.push(i);
            }
        }
    }
    if headers.is_empty() {
        return;
    }
    let mut i = 0;
    lines.retain(|_| {
        i += 1;
        !headers.contains(&(i - 1))
    });
}

/// Where a line's text starts after its indent, and its first byte there (0 when none).
fn first_byte(line: &str) -> (usize, u8) {
    let b = line.as_bytes();
    match b.first() {
        Some(b' ' | b'\t') => {
            let indent = b.iter().take_while(|&&c| c == b' ' || c == b'\t').count();
            (indent, b.get(indent).copied().unwrap_or(0))
        }
        Some(&c) => (0, c),
        None => (0, 0),
    }
}

/// The rest of a line that starts with a page number between dashes (`— 3 —`, `－3－`), when
/// something follows it.
fn after_page_number(line: &str) -> Option<&str> {
    let t = line.trim_start();
    // Only the long dashes of a page's foot: `-1 -2` is two figures.
    let dash = match t.as_bytes() {
        [0xe2, 0x80, 0x94, ..] => '—',
        [0xef, 0xbc, 0x8d, ..] => '－',
        _ => return None,
    };
    let inner = t[dash.len_utf8()..].trim_start();
    let figures = inner.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=4).contains(&figures) {
        return None;
    }
    let rest = inner[figures..]
        .trim_start()
        .strip_prefix(dash)?
        .trim_start();
    // A row of figures whose blank cells are marked by dashes (`—  1  —  —  2`) is no page.
    let words = rest
        .chars()
        .next()
        .is_some_and(|c| !c.is_ascii_digit() && !matches!(c, '—' | '－' | '-'));
    words.then_some(rest)
}

/// The title as its lines stand and as one line (a running header prints it whole where the
/// title page broke it: `某县统计局` / `2025年政府信息公开工作年度报告`), and the index of the
/// line after the title's end. No title, nothing to repeat: a caption is still a caption.
fn titles(lines: &[&str]) -> (Vec<String>, usize) {
    let mut joined = String::new();
    let mut found = Vec::new();
    let mut seen = 0;
    for (i, line) in lines.iter().enumerate() {
        let t = trim(line);
        if t.is_empty() || caption_rest(t).is_some() {
            continue;
        }
        seen += 1;
        if seen > TITLE_LINES || t.chars().count() > MAX_TITLE_CHARS || t.contains(['。', '，']) {
            break;
        }
        joined.push_str(t);
        if t.contains("报告") || t.contains("年报") {
            found.push(t.to_string());
            if joined.len() > t.len() {
                found.push(joined);
            }
            return (found, i + 1);
        }
    }
    (found, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dropped(text: &str) -> Vec<&str> {
        let mut lines: Vec<&str> = text.lines().collect();
        drop_page_headers(&mut lines);
        lines
    }

    #[test]
    fn page_numbers_run_into_a_line_are_taken_off_it() {
        for (line, rest) in [
            (
                "              — 3 —（三）人大代表建议",
                Some("（三）人大代表建议"),
            ),
            (
                "— 1 —     信息内容               本年处理决定数量",
                Some("信息内容               本年处理决定数量"),
            ),
            ("－12－规章", Some("规章")),
            ("— 3 —", None),
            ("-1 -2 3", None),
            ("— 3 ——", None),
            ("  —    1    —    —    1    —    2    —    3     5", None),
            ("— 1 — 2 3 —", None),
            ("—— 注", None),
            ("规章 — 3 —", None),
        ] {
            assert_eq!(after_page_number(line), rest, "{line}");
        }
    }

    #[test]
    fn repeated_titles_and_captions_go_the_title_stays() {
        let cases: [(&str, &[&str]); 5] = [
            (
                "某县统计局2025年政府信息公开工作年度报告\n一、总体情况\n全年公开\n某县统计局2025年政府信息公开工作年度报告\n信息100条。",
                &[
                    "某县统计局2025年政府信息公开工作年度报告",
                    "一、总体情况",
                    "全年公开",
                    "信息100条。",
                ],
            ),
            // The title page broke the title; the running header prints it whole.
            (
                "某县统计局\n2025年政府信息公开工作年度报告\n规章 0\n某县统计局2025年政府信息公开工作年度报告\n  2025年政府信息公开工作年度报告  \n行政许可 1",
                &[
                    "某县统计局",
                    "2025年政府信息公开工作年度报告",
                    "规章 0",
                    "行政许可 1",
                ],
            ),
            (
                "Page 1 - 某局2022年政府信息公开工作年度报告\n某局2022年政府信息公开工作年度报告\n规章 0\nPage 2 - 某局2022年政府信息公开工作年度报告\n行政许可 1",
                &["某局2022年政府信息公开工作年度报告", "规章 0", "行政许可 1"],
            ),
            // No title: nothing is taken for its repeat.
            (
                "根据《条例》，编制本报告。\n规章 0\n根据《条例》，编制本报告。",
                &[
                    "根据《条例》，编制本报告。",
                    "规章 0",
                    "根据《条例》，编制本报告。",
                ],
            ),
            // A line that only starts like the title stays.
            (
                "2025年政府信息公开工作年度报告\n2025年政府信息公开工作年度报告编制说明\nPage 3\nPM2.5",
                &[
                    "2025年政府信息公开工作年度报告",
                    "2025年政府信息公开工作年度报告编制说明",
                    "Page 3",
                    "PM2.5",
                ],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(dropped(text), want, "{text}");
        }
    }

    proptest::proptest! {
        /// Whatever the lines, the pass only takes lines out or the start off a line, and
        /// leaves lines with no dash, `P` or title repeat as they were.
        #[test]
        fn only_takes_away(text in "[— －P0-9 a年度报告\n\t-]{0,80}") {
            let before: Vec<&str> = text.lines().collect();
            let mut after = before.clone();
            drop_page_headers(&mut after);
            proptest::prop_assert!(after.len() <= before.len());
            let mut rest = before.iter();
            for line in &after {
                proptest::prop_assert!(rest.any(|b| b.ends_with(line)), "{line:?}");
            }
            if !text.contains(['—', '－', 'P', '报']) {
                proptest::prop_assert_eq!(after, before);
            }
        }
    }
}
