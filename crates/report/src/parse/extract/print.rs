//! What a browser prints in a page's margins when a portal page is saved as PDF: the date and
//! time with the page's title at the top (`12/1/26, 9:24 AM    …年度报告`), the address and the
//! page count at the bottom (`https://www.….gov.cn/…/t20250120.html   1/3`). Neither is the
//! report's text; the title is the window's, which names the body when the page itself only
//! shows it in a banner picture. Likewise the caption a flipbook's text pages start with
//! (`Page 8 - …年度报告`).

/// The text after a browser's date-and-time stamp at the start of `line` (empty when the line
/// is the stamp alone), or None when the line does not start with one. Stamps as Chrome, Edge
/// and Firefox print them in English and Chinese: `12/1/26, 9:24 AM`, `2026/12/1 09:24`,
/// `2026/12/1 上午9:24`.
pub fn stamp_rest(line: &str) -> Option<&str> {
    // A stamp opens with a digit: most lines need no closer look.
    let t = crate::parse::trim_start(line);
    if !t.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    // Text extraction can set every figure of a stamp apart (`1 2 /1 /2 6 ,   9 :2 4   AM`):
    // then a comma must end the date, which alone tells it from the time.
    stamp_with(t, false).or_else(|| stamp_with(t, true))
}

fn stamp_with(t: &str, spaced: bool) -> Option<&str> {
    let rest = date_part(t, spaced)?;
    let rest = rest.strip_prefix(',').unwrap_or(rest).trim_start();
    let rest = rest
        .strip_prefix("上午")
        .or_else(|| rest.strip_prefix("下午"))
        .unwrap_or(rest);
    let rest = time_part(rest, spaced)?;
    let rest = ["AM", "PM", "am", "pm"]
        .iter()
        .find_map(|m| rest.trim_start().strip_prefix(m))
        .unwrap_or(rest);
    // The stamp ends at a space or the line's end: `9:24AMx` is no stamp.
    (rest.is_empty() || rest.starts_with(char::is_whitespace)).then(|| rest.trim())
}

/// `d/d/d` with one to four digits in each part.
fn date_part(t: &str, spaced: bool) -> Option<&str> {
    let mut rest = t;
    for i in 0..3 {
        rest = digits(rest, 1, 4, spaced)?;
        if i < 2 {
            rest = rest.strip_prefix('/')?;
        }
    }
    if spaced {
        rest = rest.trim_start();
        return rest.starts_with(',').then_some(rest);
    }
    rest.starts_with([',', ' ']).then_some(rest)
}

/// `h:mm` or `h:mm:ss`.
fn time_part(t: &str, spaced: bool) -> Option<&str> {
    let mut rest = digits(t, 1, 2, spaced)?.strip_prefix(':')?;
    rest = digits(rest, 2, 2, spaced)?;
    if let Some(sec) = rest.strip_prefix(':') {
        rest = digits(sec, 2, 2, spaced)?;
    }
    Some(rest)
}

/// `t` after between `min` and `max` ASCII digits at its start (`spaced`: with a space
/// before each of them allowed, and after the last).
fn digits(t: &str, min: usize, max: usize, spaced: bool) -> Option<&str> {
    let b = t.as_bytes();
    let (mut i, mut n) = (0, 0);
    while let Some(&c) = b.get(i) {
        if c.is_ascii_digit() {
            n += 1;
        } else if !(spaced && c == b' ' && n > 0) {
            break;
        }
        i += 1;
    }
    let rest = t.get(i..)?;
    let rest = if spaced { rest.trim_start() } else { rest };
    (min..=max).contains(&n).then_some(rest)
}

/// The text after a flipbook's page caption (`Page 8 - …年度报告`, as a flipbook's text-only
/// pages start), or None when `line` starts with none.
pub fn caption_rest(line: &str) -> Option<&str> {
    let rest = crate::parse::trim_start(line).strip_prefix("Page ")?;
    let figures = rest.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=4).contains(&figures) {
        return None;
    }
    rest.get(figures..)?
        .trim_start()
        .strip_prefix('-')
        .map(str::trim)
}

/// The schemes of the addresses a browser prints (`ﬁ` is the ligature some PDFs set for "fi").
pub const SCHEMES: [&str; 4] = ["https", "http", "file", "\u{fb01}le"];

/// `t` starts with a web address.
pub fn starts_with_address(t: &str) -> bool {
    SCHEMES
        .iter()
        .any(|s| t.strip_prefix(s).is_some_and(|r| r.starts_with("://")))
}

/// The bottom margin: a web address, then the page's number and the count (`… 1/3`).
pub fn is_footer(line: &str) -> bool {
    let t = crate::parse::trim(line);
    // Most lines are no address: the search for the page count's slash is spared them.
    if !starts_with_address(t) {
        return false;
    }
    let Some((before, count)) = t.rsplit_once('/') else {
        return false;
    };
    // The page count, its figures perhaps set apart: `1/3`, `1 /3`.
    digits(count.trim(), 1, 4, true) == Some("")
        && before
            .trim_end()
            .rsplit_once(char::is_whitespace)
            .is_some_and(|(_, n)| digits(n, 1, 4, true) == Some(""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps() {
        for (line, rest) in [
            ("12/1/26, 9:24 AM", Some("")),
            (
                "12/1/26, 9:24 AM    测试市2025年政府信息公开工作年度报告",
                Some("测试市2025年政府信息公开工作年度报告"),
            ),
            ("2026/12/1 09:24  某某县人民政府", Some("某某县人民政府")),
            ("2026/12/1 上午9:24", Some("")),
            (
                "1 2 /1 /2 6 ,   9 :2 4   AM 测试市2 0 2 5 年政府信息公开工作年度报告",
                Some("测试市2 0 2 5 年政府信息公开工作年度报告"),
            ),
            ("1/20/2025, 10:05:33 PM 标题", Some("标题")),
            // Not stamps: dates in prose, figures, times without a date.
            ("2025/1/20发布", None),
            ("9:24 AM 标题", None),
            ("12/1/26, 9:24AMx", None),
            ("1/2", None),
            ("2019年上海市人民政府办公厅政府信息公开工作年度报告", None),
        ] {
            assert_eq!(stamp_rest(line), rest, "{line}");
        }
    }

    #[test]
    fn flipbook_captions() {
        for (line, rest) in [
            (
                "Page 8 - 某局2022年政府信息公开工作年度报告",
                Some("某局2022年政府信息公开工作年度报告"),
            ),
            ("Page 12 -", Some("")),
            ("Page 8", None),
            ("Page one - 标题", None),
            ("Pages 8 - 标题", None),
        ] {
            assert_eq!(caption_rest(line), rest, "{line}");
        }
    }

    #[test]
    fn footers() {
        for (line, want) in [
            ("file:///tmp/p/hz.html 1/3", true),
            (
                "https://www.example.gov.cn/zwgk/2025/t20250120_1.html          2/12",
                true,
            ),
            ("ﬁle:///tmp/p/hz. html 1 /3", true),
            ("https://www.example.gov.cn/", false),
            ("网址：https://www.example.gov.cn 1/3", false),
            ("1/3", false),
        ] {
            assert_eq!(is_footer(line), want, "{line}");
        }
    }
}
