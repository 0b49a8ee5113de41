//! Radicals printed for ideographs. Many PDFs — those Chrome prints, and many made on a Mac or by
//! some Word versions — map common characters to the code points of their radicals: 一 工 文 行
//! 人 come out as ⼀ ⼯ ⽂ ⾏ ⼈ (Kangxi Radicals, U+2F00–U+2FD5) and 页 门 长 as ⻚ ⻔ ⻓ (CJK
//! Radicals Supplement, U+2E80–U+2EF3). They look the same but match nothing, so `⼀、总体情况`
//! would be no heading and `⾏政许可` no row. Each is read as the ideograph it stands for.

use std::borrow::Cow;

/// The simplified ideographs the Supplement's radicals stand for (Unicode's
/// EquivalentUnifiedIdeograph data; only those printed as whole characters). The Kangxi
/// radicals' own compatibility mappings give theirs.
const SUPPLEMENT: &[(char, char)] = &[
    ('\u{2E81}', '厂'),
    ('\u{2E87}', '几'),
    ('\u{2E8A}', '卜'),
    ('\u{2E8C}', '小'),
    ('\u{2E9C}', '日'),
    ('\u{2E9D}', '月'),
    ('\u{2E9F}', '母'),
    ('\u{2EA0}', '民'),
    ('\u{2EA6}', '丬'),
    ('\u{2EA9}', '王'),
    ('\u{2EAE}', '竹'),
    ('\u{2EB0}', '纟'),
    ('\u{2EB6}', '羊'),
    ('\u{2EC1}', '虎'),
    ('\u{2EC4}', '西'),
    ('\u{2EC5}', '见'),
    ('\u{2EC6}', '角'),
    ('\u{2EC8}', '讠'),
    ('\u{2EC9}', '贝'),
    ('\u{2ECA}', '足'),
    ('\u{2ECB}', '车'),
    ('\u{2ED0}', '钅'),
    ('\u{2ED3}', '长'),
    ('\u{2ED4}', '门'),
    ('\u{2ED7}', '雨'),
    ('\u{2ED8}', '青'),
    ('\u{2ED9}', '韦'),
    ('\u{2EDA}', '页'),
    ('\u{2EDB}', '风'),
    ('\u{2EDC}', '飞'),
    ('\u{2EDD}', '食'),
    ('\u{2EE0}', '饣'),
    ('\u{2EE2}', '马'),
    ('\u{2EE3}', '骨'),
    ('\u{2EE4}', '鬼'),
    ('\u{2EE5}', '鱼'),
    ('\u{2EE6}', '鸟'),
    ('\u{2EE7}', '卤'),
    ('\u{2EE8}', '麦'),
    ('\u{2EE9}', '黄'),
    ('\u{2EEC}', '齐'),
    ('\u{2EEE}', '齿'),
    ('\u{2EF0}', '龙'),
    ('\u{2EF3}', '龟'),
];

/// `text` with every radical read as its ideograph; borrowed when it has none. Both blocks
/// lie in U+2E80–U+2FFF, whose UTF-8 starts E2 BA–BF: one scan for the lead byte tells.
pub fn unify(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let has = memchr::memchr_iter(0xE2, bytes)
        .any(|i| bytes.get(i + 1).is_some_and(|b| (0xBA..=0xBF).contains(b)));
    if !has {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        out.push(ideograph(c));
    }
    Cow::Owned(out)
}

/// Kangxi radicals whose compatibility mapping is the traditional code point of a character
/// whose simplified form is another: a simplified font draws them as the simplified one.
const SIMPLIFIED: &[(char, char)] = &[('\u{2F3E}', '户'), ('\u{2FAD}', '青'), ('\u{2FC8}', '黄')];

pub(crate) fn ideograph(c: char) -> char {
    match c {
        '\u{2F00}'..='\u{2FD5}' => {
            if let Some(&(_, simplified)) = SIMPLIFIED.iter().find(|(radical, _)| *radical == c) {
                return simplified;
            }
            let mut one = None;
            unicode_normalization::char::decompose_compatible(c, |d| {
                one.get_or_insert(d);
            });
            one.unwrap_or(c)
        }
        '\u{2E80}'..='\u{2EFF}' => SUPPLEMENT
            .iter()
            .find(|(radical, _)| *radical == c)
            .map_or(c, |&(_, ideograph)| ideograph),
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radicals_read_as_ideographs() {
        let cases = [
            ("⼀、总体情况", "一、总体情况"),
            ("⾏政许可 574", "行政许可 574"),
            (
                "当前位置：⾸⻚ > 政府信息公开",
                "当前位置：首页 > 政府信息公开",
            ),
            ("⽩⻢镇⼈⺠政府", "白马镇人民政府"),
            ("“⻔户⽹站”⻓期", "“门户网站”长期"),
            // Read as the simplified character, not the radical's traditional code point.
            ("⻔⼾⽹站 ⾭年 ⿈河", "门户网站 青年 黄河"),
            // Other characters from the same lead byte stay as they are.
            ("⺀ ⿰ — “” …", "⺀ ⿰ — “” …"),
        ];
        for (text, want) in cases {
            assert_eq!(unify(text), want, "{text}");
        }
        assert!(matches!(unify("一、总体情况“”"), Cow::Borrowed(_)));
    }

    #[test]
    fn every_kangxi_radical_is_an_ideograph() {
        for c in '\u{2F00}'..='\u{2FD5}' {
            let i = ideograph(c);
            assert!(('\u{4E00}'..='\u{9FFF}').contains(&i), "{c} → {i}");
        }
    }
}
