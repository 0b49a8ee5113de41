//! Dates as reports print them: the year in a title (`2021年`, `二〇二一年`, `二○二一年`), the
//! closing date under the signature (`2022年1月24日`, `二〇二二年一月二十四日`, `2022.1.24`)
//! and a portal's `发布日期：2022-01-24 10:30`.

use super::title::org_line;

/// What a character stands for in a printed number: ASCII and full-width digits, Chinese
/// digits, and the zeros typists put for 〇 (○ ◯ 零, the letter O, the digit 0: `二0二一年`).
fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        '〇' | '○' | '◯' | '零' | 'O' | 'Ｏ' => Some(0),
        _ => crate::parse::numbering::chinese_digit(c),
    }
}

fn is_numeral(c: char) -> bool {
    c == '十' || digit(c).is_some()
}

/// A number printed in digits of any kind (`2022`, `０１`, `二〇二二`) or as a Chinese number up
/// to 九十九 (`十二`, `二十四`).
fn value(token: &str) -> Option<u32> {
    if let Some((tens, units)) = token.split_once('十') {
        let one = |s: &str| match s {
            "" => Some(None),
            _ if s.chars().count() == 1 => s.chars().next().and_then(digit).map(Some),
            _ => None,
        };
        let (tens, units) = (one(tens)?, one(units)?);
        return Some(tens.unwrap_or(1) * 10 + units.unwrap_or(0));
    }
    let mut v: u32 = 0;
    for c in token.chars() {
        v = v.checked_mul(10)?.checked_add(digit(c)?)?;
    }
    (!token.is_empty()).then_some(v)
}

/// The year in a title: four digits of any kind before 年, starting with 2 (years 2000–2100),
/// as the byte range of the year and its 年, and the year.
pub fn find_year(s: &str) -> Option<(usize, usize, i32)> {
    // Read in place, a candidate at a time: collecting the text's characters first made each
    // call as long as the text, and [`super::title`]'s walk over a paragraph's years quadratic.
    let mut after_numeral = false;
    for (start, c) in s.char_indices() {
        let candidate = matches!(c, '2' | '２' | '二') && !after_numeral;
        after_numeral = is_numeral(c);
        if !candidate {
            continue;
        }
        let mut rest = s.get(start..)?.char_indices();
        let mut year = 0u32;
        let mut read = 0;
        for (_, c) in rest.by_ref().take(4) {
            let Some(d) = digit(c) else { break };
            year = year * 10 + d;
            read += 1;
        }
        if read < 4 {
            continue;
        }
        let after = rest.find(|x| !x.1.is_whitespace());
        if let Some((at, '年')) = after
            && (2000..=2100).contains(&year)
        {
            let end = start + at + '年'.len_utf8();
            return Some((start, end, year as i32));
        }
    }
    None
}

/// Words a date line may open with.
const LABELS: [&str; 5] = ["发布日期", "发布时间", "成文日期", "印发日期", "日期"];

/// A publication date: `发布日期：2020-01-31`, or a closing line `2026年1月20日`,
/// `二〇二六年一月二十日`, `2026.1.20`.
pub fn date(text: &str) -> Option<String> {
    // A year has four digits, or is written before 年: most lines have neither.
    let b = text.as_bytes();
    if text.len() > 80
        || b.iter().filter(|c| c.is_ascii_digit()).take(4).count() < 4
            && memchr::memmem::find(b, "年".as_bytes()).is_none()
    {
        return None;
    }
    let t = crate::parse::trim(text);
    // A date ends in its day's numeral or 日 (or a time, or a bracket round it): most lines
    // with a year end in other words (`…年度报告`).
    if !t.chars().next_back().is_some_and(may_end_date) {
        return None;
    }
    let t = t.trim_start_matches(['（', '(', '【', '[']);
    let t = t.trim_end_matches(['）', ')', '】', ']']);
    let t = LABELS
        .iter()
        .find_map(|l| t.strip_prefix(l))
        .map_or(t, |rest| rest.trim_start_matches([' ', '　', '：', ':']));
    let [y, m, d] = ymd(t)?;
    ((2000..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// Whether a date [`date`] reads can end in `c`: a numeral, a separator (`日`), a time's
/// colon, or a closing bracket.
fn may_end_date(c: char) -> bool {
    is_numeral(c) || matches!(c, ':' | '）' | ')' | '】' | ']') || is_separator(c)
}

/// What stands between a date's year, month and day.
fn is_separator(c: char) -> bool {
    matches!(c, '-' | '/' | '.' | '．' | '－' | '／' | '年' | '月' | '日')
}

/// Year, month and day of a date that is all of `t`, and perhaps a time of day after it.
fn ymd(t: &str) -> Option<[u32; 3]> {
    let mut parts = [0u32; 3];
    let mut found = 0;
    let mut rest = t.trim_start();
    while found < 3 {
        let end = rest.find(|c: char| !is_numeral(c)).unwrap_or(rest.len());
        let (token, after) = rest.split_at(end);
        *parts.get_mut(found)? = value(token)?;
        found += 1;
        let after = after.trim_start();
        let mut chars = after.chars();
        rest = match chars.next() {
            Some(c) if is_separator(c) => chars.as_str().trim_start(),
            // Only the day may end without a separator (`…24`, `…24 10:30`).
            _ if found == 3 => after,
            _ => return None,
        };
        if found < 3 && !rest.starts_with(is_numeral) {
            return None;
        }
    }
    // What may follow the day: nothing, or a time (`10:30`, `10:30:15`).
    let time = rest.trim();
    let is_time = time.contains(':') && time.chars().all(|c| c.is_ascii_digit() || c == ':');
    (time.is_empty() || is_time).then_some(parts)
}

/// A closing date that PDF text extraction ran onto the end of the last paragraph, a space
/// after its full stop: `…政协提案。 2022-01-24`, with the signature between them when there
/// is one.
pub fn trailing_close(text: &str) -> Option<Close<'_>> {
    let t = text.trim_end();
    // A date ends in a digit or 日; most paragraphs end in a full stop.
    if !(t.as_bytes().last().is_some_and(u8::is_ascii_digit) || t.ends_with('日')) {
        return None;
    }
    let is_date_char = |c: char| is_numeral(c) || c.is_whitespace() || "-/.年月日".contains(c);
    let mut start = t
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_date_char(c))
        .last()
        .map(|(i, _)| i)?;
    // The run may have taken a numeral that ends the sentence's last word (`…统一 2022年…`):
    // the date is then what follows a space in it.
    let (head, tail, date) = loop {
        let (head, tail) = t.split_at(start);
        if let Some(date) = date(tail.trim()) {
            break (head, tail, date);
        }
        let lead = tail.len() - tail.trim_start().len();
        start += lead + tail.trim_start().find(char::is_whitespace)?;
    };
    // The date stands apart: after a space or a full stop, and a whole sentence before it.
    if !tail.starts_with(char::is_whitespace) && !head.ends_with('。') {
        return None;
    }
    let head = head.trim_end();
    let ends_sentence = |s: &str| s.ends_with(['。', '！', '；', '.', '!', ';']);
    if let Some((before, org)) = head.rsplit_once(char::is_whitespace)
        && org_line(org)
        && ends_sentence(before.trim_end())
    {
        return Some(Close {
            text: before.trim_end(),
            signature: Some(org),
            date,
        });
    }
    ends_sentence(head).then_some(Close {
        text: head,
        signature: None,
        date,
    })
}

/// What [`trailing_close`] parts: the paragraph's own text, the signature and the date.
#[derive(Debug, PartialEq)]
pub struct Close<'t> {
    pub text: &'t str,
    pub signature: Option<&'t str>,
    pub date: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `find_year` as it was, collecting the text's characters first.
    fn find_year_collected(s: &str) -> Option<(usize, usize, i32)> {
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        for (i, &(start, c)) in chars.iter().enumerate() {
            if !matches!(c, '2' | '２' | '二')
                || i > 0 && chars.get(i - 1).is_some_and(|p| is_numeral(p.1))
            {
                continue;
            }
            let Some(run) = chars.get(i..i + 4) else {
                break;
            };
            let Some(year) = run
                .iter()
                .try_fold(0u32, |v, &(_, c)| Some(v * 10 + digit(c)?))
            else {
                continue;
            };
            let after = chars.iter().skip(i + 4).find(|x| !x.1.is_whitespace());
            if let Some(&(end, '年')) = after
                && (2000..=2100).contains(&year)
            {
                return Some((start, end + '年'.len_utf8(), year as i32));
            }
        }
        None
    }

    proptest::proptest! {
        #[test]
        fn find_year_reads_as_it_did(s in "[2２二〇○0O1１一十9年 度a公]{0,14}") {
            proptest::prop_assert_eq!(find_year(&s), find_year_collected(&s));
        }
    }

    #[test]
    fn closing_date_run_onto_the_last_paragraph() {
        type Want = Option<(&'static str, Option<&'static str>, &'static str)>;
        let cases: [(&str, Want); 8] = [
            (
                "本单位未承办人大代表建议和政协提案。 2022-01-24",
                Some(("本单位未承办人大代表建议和政协提案。", None, "2022-01-24")),
            ),
            (
                "各项任务均已完成。 宁乡市住房和城乡建设局 2022 年 1 月 24 日",
                Some((
                    "各项任务均已完成。",
                    Some("宁乡市住房和城乡建设局"),
                    "2022-01-24",
                )),
            ),
            (
                "本单位未承办人大代表建议和政协提案。2026-01-13",
                Some(("本单位未承办人大代表建议和政协提案。", None, "2026-01-13")),
            ),
            // No space: the date belongs to the sentence.
            ("截至2022-01-24", None),
            // Not after a whole sentence.
            ("收到申请 2022-01-24", None),
            // Not a date.
            ("全年收到申请 12 件。 3", None),
            ("共 3 件。 2022-13-01", None),
            ("2022-01-24", None),
        ];
        for (text, want) in cases {
            let want = want.map(|(text, signature, date)| Close {
                text,
                signature,
                date: date.to_string(),
            });
            assert_eq!(trailing_close(text), want, "{text}");
        }
    }

    #[test]
    fn dates() {
        let cases = [
            ("发布日期：2020-01-31", Some("2020-01-31")),
            ("发布时间：2022-01-24 10:30:15", Some("2022-01-24")),
            ("2026年1月20日", Some("2026-01-20")),
            ("2022 年 1 月 24 日", Some("2022-01-24")),
            ("（2022年01月24日）", Some("2022-01-24")),
            ("二〇二二年一月二十四日", Some("2022-01-24")),
            ("二○二二年十二月十日", Some("2022-12-10")),
            ("二0二二年一月三十一日", Some("2022-01-31")),
            ("二O二二年一月三日", Some("2022-01-03")),
            ("二零二二年十月二十日", Some("2022-10-20")),
            ("２０２２年１月２４日", Some("2022-01-24")),
            ("2022.1.24", Some("2022-01-24")),
            // Every way a date can end: a bracket, a time, a day without 日.
            ("【2022年1月24日】 ", Some("2022-01-24")),
            ("(2022-01-24)", Some("2022-01-24")),
            ("2022-01-24 10:30", Some("2022-01-24")),
            ("二〇二二年一月二十四", Some("2022-01-24")),
            ("日期：2022/1/24", Some("2022-01-24")),
            ("2025年，我镇在区委领导下", None),
            ("2022年1月", None),
            ("2022年13月1日", None),
            ("二〇二二年一月四十日", None),
            ("2022年1月24日印发", None),
            ("全年共收到申请2022件", None),
            ("2022 1 24", None),
            // An event's time in the narrative is no publication date.
            ("时间：2022年3月1日", None),
        ];
        for (text, want) in cases {
            assert_eq!(date(text).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn years_in_titles() {
        for (title, want) in [
            (
                "余杭区人民政府办公室2021年政府信息公开工作年度报告",
                Some(2021),
            ),
            (
                "余杭区人民政府办公室2021 年政府信息公开工作年度报告",
                Some(2021),
            ),
            (
                "余杭区人民政府办公室二〇二一年政府信息公开工作年度报告",
                Some(2021),
            ),
            (
                "余杭区人民政府办公室二○二一年政府信息公开工作年度报告",
                Some(2021),
            ),
            (
                "余杭区人民政府办公室二0二一年政府信息公开工作年度报告",
                Some(2021),
            ),
            (
                "余杭区人民政府办公室二O二一年度政府信息公开工作年度报告",
                Some(2021),
            ),
            (
                "余杭区人民政府办公室２０２１年政府信息公开工作年度报告",
                Some(2021),
            ),
            ("第十二二〇二一年", None),
            ("12021年", None),
            ("政府信息公开工作年度报告", None),
        ] {
            let found = find_year(title);
            assert_eq!(found.map(|f| f.2), want, "{title}");
            if let Some((start, end, _)) = found {
                assert_eq!(&title[..start], "余杭区人民政府办公室", "{title}");
                assert!(title[start..end].ends_with('年'), "{title}");
            }
        }
    }

    #[test]
    fn chinese_dates_run_onto_the_last_paragraph() {
        assert_eq!(
            trailing_close("各项任务均已完成。 二〇二二年一月二十四日"),
            Some(Close {
                text: "各项任务均已完成。",
                signature: None,
                date: "2022-01-24".into()
            })
        );
        // A numeral that ends the sentence is not the date's.
        assert_eq!(
            trailing_close("落实到位，做到公开统一 2022年1月24日").map(|c| c.date),
            None
        );
        assert_eq!(
            trailing_close("做到公开统一。 2022年1月24日").map(|c| c.date),
            Some("2022-01-24".into())
        );
    }
}
