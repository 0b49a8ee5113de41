//! Lines of a table's header that PDF text gives as lines of their own: never the report's
//! prose, and not rows either.

use super::labels::squash;

/// Words of a character or two with spaces between (`结 结 其 尚 果 果 他 未`,
/// `维持 纠正 结果 审结 计`): a table header whose narrow cells a PDF's text gives a character
/// or two per line — never the report's prose. Where two such lines ran together a word may
/// have up to four characters; three words in four still have at most two.
pub(super) fn is_header_fragment(line: &str) -> bool {
    let (mut words, mut short) = (0, 0);
    for word in line.split_whitespace() {
        let chars = word.chars().count();
        if chars > 4 || word.bytes().any(|b| b.is_ascii_digit()) {
            return false;
        }
        words += 1;
        short += usize::from(chars <= 2);
    }
    words >= 4 && short * 4 >= words * 3
}

/// A line of table 四's header, however a PDF broke and joined its words (`结果维 结果纠 其他结
/// 尚未审 总结果维`): nothing but the characters of the header's terms (结果维持 结果纠正 其他结果
/// 尚未审结 总计 行政复议 行政诉讼 未经复议直接起诉 复议后起诉). A sentence always has others.
pub(super) fn is_table4_header(line: &str) -> bool {
    let mut chars = line.chars().filter(|c| !c.is_whitespace()).peekable();
    chars.peek().is_some() && chars.all(table4_char)
}

/// The characters of table 四's header terms as one `match` (a search of a string of them per
/// character cost more than the rest of the test; the tests hold that string).
fn table4_char(c: char) -> bool {
    matches!(
        c,
        '结' | '果'
            | '维'
            | '持'
            | '纠'
            | '正'
            | '其'
            | '他'
            | '尚'
            | '未'
            | '审'
            | '总'
            | '计'
            | '行'
            | '政'
            | '复'
            | '议'
            | '诉'
            | '讼'
            | '经'
            | '直'
            | '接'
            | '起'
            | '后'
    )
}

#[cfg(test)]
const TABLE4_CHARS: &str = "结果维持纠正其他尚未审总计行政复议诉讼经直接起后";

/// A line of table 三's header, its terms broken and run together as a narrow header cell
/// wraps them (`商业 科研 社会公益组织 法律服务机构 其他`): nothing but the characters of the
/// header's terms (申请人情况 自然人 法人或其他组织 商业企业 科研机构 社会公益组织 法律服务机构
/// 其他 总计), four at least. A sentence always has others.
pub(super) fn is_table3_header(line: &str) -> bool {
    let mut n = 0;
    line.chars().filter(|c| !c.is_whitespace()).all(|c| {
        n += 1;
        table3_char(c)
    }) && n >= 4
}

/// The characters of table 三's header terms as one `match` ([`table4_char`]'s way).
fn table3_char(c: char) -> bool {
    matches!(
        c,
        '申' | '请'
            | '人'
            | '情'
            | '况'
            | '自'
            | '然'
            | '法'
            | '或'
            | '其'
            | '他'
            | '组'
            | '织'
            | '商'
            | '业'
            | '企'
            | '科'
            | '研'
            | '机'
            | '构'
            | '社'
            | '会'
            | '公'
            | '益'
            | '律'
            | '服'
            | '务'
            | '总'
            | '计'
    )
}

#[cfg(test)]
const TABLE3_CHARS: &str = "申请人情况自然法或其他组织商业企科研机构社会公益律服务总计";

/// The terms of the headers of tables 二 and 三 (2021 and 2019 formats), squashed.
const TERMS: [&str; 25] = [
    "信息内容",
    // Its second half, where a narrow cell wrapped it (`信息` / `内容 本年制发件数 …`).
    "内容",
    "本年制发件数",
    "本年废止件数",
    "现行有效件数",
    "本年处理决定数量",
    "本年收费金额",
    "单位万元",
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "上一年项目数量",
    "本年增/减",
    "处理决定数量",
    "申请人情况",
    "自然人",
    "法人或其他组织",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    "总计",
    "本列数据的勾稽关系为第一项加第二项之和等于第三项加第四项之和",
    "第二十条",
];

/// A line of table 二's or 三's header that PDF text gives as a paragraph of its own
/// (`信息内容 本年制发件数 本年废止件数 现行有效件数`, `（本列数据的勾稽关系为：…）申请人情况`):
/// nothing but the header's terms and captions (`第二十条第（一）项`).
pub(super) fn is_table_header(line: &str) -> bool {
    let words = squash(line);
    let mut rest = words.as_str();
    while !rest.is_empty() {
        if let Some(t) = TERMS.iter().find(|t| rest.starts_with(*t)) {
            rest = &rest[t.len()..];
        } else if let Some(item) = rest.strip_prefix('第')
            && let Some(end) = item.find('项').filter(|&e| e <= 9)
        {
            // The caption's item number: 第（一）项, squashed to 第一项.
            rest = &item[end + '项'.len_utf8()..];
        } else {
            return false;
        }
    }
    !words.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `match`es hold exactly the characters of the header terms, over every CJK ideograph
    /// and the characters round them.
    #[test]
    fn header_chars_are_the_terms_chars() {
        for c in ('\u{2000}'..='\u{9fff}').chain(['a', '1', ' ', '（']) {
            assert_eq!(table4_char(c), TABLE4_CHARS.contains(c), "{c}");
            assert_eq!(table3_char(c), TABLE3_CHARS.contains(c), "{c}");
        }
    }

    #[test]
    fn table3_header_lines() {
        for line in [
            "商业 科研 社会公益组织 法律服务机构 其他",
            "自然人 法人或其他组织 总计",
        ] {
            assert!(is_table3_header(line), "{line}");
        }
        for line in ["其他", "本机关不掌握相关政府信息", "其他需要报告的事项"]
        {
            assert!(!is_table3_header(line), "{line}");
        }
    }

    #[test]
    fn header_fragments_are_short_words_and_prose_is_not() {
        let cases = [
            ("结 结 其 尚 结 结 其 尚果 果 他 未", true),
            ("维持 纠正 结果 审结 计 结果 结果 其他 尚未 总计维持", true),
            ("信 息 内 容", true),
            ("行政 复议", false),
            ("全年因政府信息公开工作被申请行政复议3件。", false),
            ("结果 结果 其他 尚未 0 0 0", false),
            ("本年度 申请 总计为 较上年 有所增加", false),
            ("", false),
        ];
        for (line, want) in cases {
            assert_eq!(is_header_fragment(line), want, "{line}");
        }
    }

    #[test]
    fn table4_header_lines_are_pieces_of_its_terms() {
        let cases = [
            ("结果维 结果纠 其他结 尚未审 总", true),
            ("行政复议 行政诉讼", true),
            ("未经复议直接起诉 复议后起诉", true),
            ("持 正 果 结 计", true),
            ("结果维 其他结 尚未审 总结果维 结果纠", true),
            ("复议后维持", true),
            ("维持原结果", false),
            ("全年政府信息公开工作被申请行政复议3件。", false),
            ("行政复议 3 件", false),
            ("", false),
        ];
        for (line, want) in cases {
            assert_eq!(is_table4_header(line), want, "{line}");
        }
    }

    #[test]
    fn table_header_lines_are_its_terms() {
        let cases = [
            ("信息内容 本年制发件数 本年废止件数 现行有效件数", true),
            (
                "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况",
                true,
            ),
            ("第二十条第（一）项 信息内容 本年处理决定数量", true),
            ("信息内容 本年收费金额（单位：万元）", true),
            (
                "商业企业 科研机构 社会公益组织 法律服务机构 其他 总计",
                true,
            ),
            ("本年新制作数量 本年新公开数量 对外公开总数量", true),
            ("内容 本年制发件数 本年废止件数 现行有效件数", true),
            ("内容丰富，形式多样。", false),
            ("本年制发规范性文件6件，废止7件。", false),
            ("其他需要报告的事项", false),
            ("第二十条规定的信息均已公开。", false),
            ("", false),
        ];
        for (line, want) in cases {
            assert_eq!(is_table_header(line), want, "{line}");
        }
    }
}
