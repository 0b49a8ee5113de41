//! List and heading numbers as printed: 一、 （二） (3) 4. and their styles.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Chinese,
    Arabic,
}

/// A parenthesised list mark at the start of a line, e.g. `（1）` or `(二)`.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark<'a> {
    pub value: u32,
    pub style: Style,
    pub printed: &'a str,
}

/// The value of a Chinese digit, 〇 to 九.
pub fn chinese_digit(c: char) -> Option<u32> {
    let d = match c {
        '〇' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    };
    Some(d)
}

/// Reads a Chinese numeral from 一 to 九十九 (also 〇/零 digits as in 二〇二五).
pub fn chinese_value(s: &str) -> Option<u32> {
    let digit = chinese_digit;
    // The first four characters are enough to tell (a fourth means too long).
    let mut chars = s.chars();
    match [chars.next(), chars.next(), chars.next(), chars.next()] {
        [Some('十'), None, ..] => Some(10),
        [Some('十'), Some(u), None, _] => Some(10 + digit(u)?),
        [Some(t), Some('十'), None, _] => Some(digit(t)? * 10),
        [Some(t), Some('十'), Some(u), None] => Some(digit(t)? * 10 + digit(u)?),
        [Some(d), None, ..] => digit(d).filter(|&v| v > 0),
        _ => None,
    }
}

/// Reads a sequence of digits written as Chinese characters (二〇二五 → 2025).
pub fn chinese_digits(s: &str) -> Option<u32> {
    let mut v: u32 = 0;
    for c in s.chars() {
        let d = chinese_digit(c).or_else(|| (c == '零').then_some(0))?;
        v = v.checked_mul(10)?.checked_add(d)?;
    }
    (!s.is_empty()).then_some(v)
}

pub fn paren_mark(line: &str) -> Option<Mark<'_>> {
    let rest = line.strip_prefix(['（', '('])?;
    let close = rest.find(['）', ')'])?;
    let inner = crate::parse::trim(rest.get(..close)?);
    let printed_len = line.len() - rest.len() + close + rest[close..].chars().next()?.len_utf8();
    let printed = line.get(..printed_len)?;
    if let Ok(v) = inner.parse::<u32>() {
        return Some(Mark {
            value: v,
            style: Style::Arabic,
            printed,
        });
    }
    chinese_value(inner).map(|value| Mark {
        value,
        style: Style::Chinese,
        printed,
    })
}

/// True for a character a heading mark can start with: a digit (or the sign `u32` accepts) or
/// a Chinese numeral.
pub fn starts_mark(c: char) -> bool {
    c.is_ascii_digit()
        || matches!(
            c,
            '+' | '〇' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
        )
}

/// A heading mark like `一、` `三．` `4.` at the start of a line: its value and style, and the rest of the line.
pub fn heading_mark(line: &str) -> Option<(u32, Style, &str)> {
    // A mark starts with a digit (or the sign u32 accepts) or a Chinese numeral: most lines
    // of prose do not, and need not be searched for a separator.
    if !crate::parse::trim_start(line)
        .chars()
        .next()
        .is_some_and(starts_mark)
    {
        return None;
    }
    let end = line.find(['、', '.', '．', '，'])?;
    let head = crate::parse::trim(line.get(..end)?);
    let sep_len = line[end..].chars().next()?.len_utf8();
    let rest = line.get(end + sep_len..)?;
    if let Ok(v) = head.parse::<u32>() {
        return Some((v, Style::Arabic, rest));
    }
    chinese_value(head).map(|v| (v, Style::Chinese, rest))
}

/// A numbered line without a clause in it is a heading, however long: `（二）2020年存在的主要
/// 问题及改进措施`. (A numbered paragraph's first line has its commas: `（一）主动公开进一步加强。着力…`.)
pub fn is_numbered_heading(line: &str) -> bool {
    opens_with_mark(line) && !line.contains(CLAUSE)
}

/// A line that opens with a numbering mark, `（二）` or `三、`: a new item, never the rest of
/// the line before it.
pub fn opens_with_mark(line: &str) -> bool {
    paren_mark(line).is_some() || heading_mark(line).is_some()
}

const CLAUSE: [char; 4] = ['，', '。', '；', ','];

/// A line that can be the rest of a heading the page width broke (`（三）人大代表建议和政协提案
/// 办理结果公开情` | `况`): shorter than the heading's first line, and no clause in it either.
pub fn ends_heading(first: &str, next: &str) -> bool {
    !next.contains(CLAUSE) && next.chars().count() < first.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_headings_and_their_broken_tails() {
        for (line, heading) in [
            ("（二)2020年存在的主要问题及改进措施", true),
            ("三、收到和处理政府信息公开申请情况", true),
            (
                "（一）主动公开进一步加强。着力抓好政策信息公开发布，政",
                false,
            ),
            ("本年度，我镇持续加大信息公开力度", false),
        ] {
            assert_eq!(is_numbered_heading(line), heading, "{line}");
        }
        let first = "（三）人大代表建议和政协提案办理结果公开情";
        assert!(ends_heading(first, "况"));
        assert!(!ends_heading(
            first,
            "2021年，本单位未承办人大代表建议和政协提案。"
        ));
        assert!(!ends_heading(
            first,
            "对照年度政务公开工作要点逐项抓好落实各项任务均已完成情况"
        ));
    }

    #[test]
    fn marks() {
        let m = paren_mark("（1） 主动公开方面").expect("mark");
        assert_eq!((m.value, m.style, m.printed), (1, Style::Arabic, "（1）"));
        let m = paren_mark("(十二)其他").expect("mark");
        assert_eq!((m.value, m.style), (12, Style::Chinese));
        assert!(paren_mark("（本列数据的勾稽关系）").is_none());
        assert_eq!(heading_mark("四、政府信息公开").map(|h| h.0), Some(4));
        assert_eq!(
            heading_mark("2. 重复申请").map(|h| (h.0, h.1)),
            Some((2, Style::Arabic))
        );
        assert_eq!(chinese_digits("二〇二五"), Some(2025));
    }
}
