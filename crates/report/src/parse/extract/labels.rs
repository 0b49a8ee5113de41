//! Recognising row labels however they were broken, spaced or bracketed.

use crate::model::RowKey;
use crate::parse::words::WordSet;

/// Drops spaces, brackets and punctuation so that `(三) 不予公开 1. 属于国家秘密` and
/// `（三）不予公开1.属于国家秘密` read alike.
pub fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    squash_into(&mut out, s);
    out
}

/// [`squash`], appending to `out`. Kept text is copied in runs, and only the lead bytes of the
/// few non-ASCII characters that can be dropped cause a character to be decoded.
pub fn squash_into(out: &mut String, s: &str) {
    out.reserve(s.len());
    let bytes = s.as_bytes();
    let (mut kept, mut i) = (0, 0);
    while let Some(&b) = bytes.get(i) {
        // CJK ideographs (U+4000–U+9FFF, lead bytes E4–E9), most of a label, are never dropped.
        if (0xE4..=0xE9).contains(&b) {
            i += 3;
            continue;
        }
        let (len, drop) = match b {
            0..0x80 => (1, dropped_ascii(b)),
            0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF => match s.get(i..).and_then(|t| t.chars().next()) {
                Some(c) => (c.len_utf8(), dropped(c)),
                None => (1, false),
            },
            0xC0..0xE0 => (2, false),
            0xE0..0xF0 => (3, false),
            _ => (4, false),
        };
        if drop {
            out.push_str(s.get(kept..i).unwrap_or_default());
            kept = i + len;
        }
        i += len;
    }
    out.push_str(s.get(kept..).unwrap_or_default());
}

fn dropped_ascii(b: u8) -> bool {
    b.is_ascii_whitespace() || b"().,\":'*\x0b".contains(&b)
}

/// True for the characters [`squash`] drops.
pub fn squash_drops(c: char) -> bool {
    match u8::try_from(c) {
        Ok(b) if b.is_ascii() => dropped_ascii(b),
        _ => dropped(c),
    }
}

fn dropped(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '（' | '）' | '．' | '、' | '，' | '“' | '”' | '：' | '‘' | '’' | '·'
        )
}

/// Words that name a table-三 row, most specific first: where a label holds several, the first
/// in this list decides (部分公开 before 予以公开).
const WORDS: [(&str, RowKey); 28] = {
    use RowKey::*;
    [
        ("本年新收", New),
        ("新收政府信息公开申请", New),
        ("上年结转", CarriedOver),
        // `四、结转下` where a narrow cell wraps the label (`年度继续办理` below its figures).
        ("结转下", CarriedForward),
        ("国家秘密", DeniedStateSecret),
        ("法律行政法规禁止", DeniedLawProhibits),
        ("三安全一稳定", DeniedThreeSafety),
        ("第三方合法权益", DeniedThirdParty),
        ("内部事务", DeniedInternalAffairs),
        ("过程性信息", DeniedProcessInfo),
        ("行政执法案卷", DeniedEnforcementFile),
        ("行政查询", DeniedAdminQuery),
        ("不掌握", UnableNotHeld),
        ("另行制作", UnableNeedsCreation),
        ("没有现成信息", UnableNeedsCreation),
        ("仍不明确", UnableUnclear),
        ("信访举报投诉", NotProcessedPetition),
        ("重复申请", NotProcessedRepeat),
        ("公开出版物", NotProcessedPublication),
        ("大量反复", NotProcessedMassive),
        ("重新出具", NotProcessedReconfirm),
        ("确认或重新", NotProcessedReconfirm),
        ("逾期不补正", OtherNoCorrection),
        // The first line of its label where a narrow cell wraps it (`1.申请人无正当理由逾期不`).
        ("正当理由逾期", OtherNoCorrection),
        ("收费通知", OtherNoFee),
        ("缴纳费用", OtherNoFee),
        ("部分公开", PartlyGranted),
        ("予以公开", Granted),
    ]
};

/// [`WORDS`]' words, for a search of all of them in one pass.
static WORD_SET: WordSet<{ WORDS.len() }> = WordSet::new({
    let mut words = [""; WORDS.len()];
    let mut i = 0;
    while i < WORDS.len() {
        words[i] = WORDS[i].0;
        i += 1;
    }
    words
});

/// The table-三 row a squashed label names, if any. Sub-rows are found by their own words,
/// which are unique, so a lost or misplaced group label does not matter.
pub fn table3_row(label: &str) -> Option<RowKey> {
    use RowKey::*;
    let word = WORD_SET.first_in(label);
    if let Some((_, key)) = word.and_then(|i| WORDS.get(i)) {
        return Some(*key);
    }
    if label.ends_with("3其他") || label == "其他" {
        return Some(OtherOther);
    }
    // The header row also ends in 总计 (自然人 | 法人或其他组织 | 总计).
    if label.ends_with("总计")
        && !["申请人", "自然人", "法人"]
            .iter()
            .any(|w| label.contains(w))
    {
        return Some(TotalProcessed);
    }
    None
}

/// True for the single （六）其他处理 row of the 2019 trial format (its label and nothing more).
pub fn is_other_single(label: &str) -> bool {
    label.ends_with("其他处理")
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The byte-level squash keeps exactly the characters `squash_drops` keeps.
        #[test]
        fn squash_keeps_what_is_not_dropped(s in "[ 　\u{a0}\t()（）.、，“”：·a1公开国家秘密一\u{4e00}-\u{9fff}\u{3000}-\u{303f}\u{2000}-\u{206f}\u{ff00}-\u{ffef}]{0,16}") {
            let naive: String = s.chars().filter(|&c| !squash_drops(c)).collect();
            proptest::prop_assert_eq!(squash(&s), naive);
        }
    }

    #[test]
    fn squash_drops_what_squash_drops() {
        for c in [
            '（', '）', '(', '.', '、', '“', '\u{3000}', '\u{a0}', ' ', '\t', '\u{b}', '*', '·',
        ] {
            assert!(
                squash_drops(c) && squash(&c.to_string()).is_empty(),
                "{c:?}"
            );
        }
        for c in ['公', '一', '1', 'a', '-', '\u{85}'] {
            assert_eq!(squash_drops(c), squash(&c.to_string()).is_empty(), "{c:?}");
        }
    }

    #[test]
    fn labels_as_printed() {
        let cases = [
            (
                "[bookmark: x]一、本年新收政府信息公开申请数量",
                Some(RowKey::New),
            ),
            ("三、本年度办理结果（一）予以公开", Some(RowKey::Granted)),
            (
                "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
                Some(RowKey::PartlyGranted),
            ),
            (
                "(三) 不予公开 1. 属于国家秘密",
                Some(RowKey::DeniedStateSecret),
            ),
            ("3.危及“三安全一稳定”", Some(RowKey::DeniedThreeSafety)),
            (
                "(四) 无 1. 本机关不掌握相关政府信息",
                Some(RowKey::UnableNotHeld),
            ),
            (
                "法 提 供 2. 没有现成信息需要另行制作",
                Some(RowKey::UnableNeedsCreation),
            ),
            (
                "5.要求行政机关确认或重新出具已获取信息",
                Some(RowKey::NotProcessedReconfirm),
            ),
            (
                "(六) 其 他 处 理 1. 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                Some(RowKey::OtherNoCorrection),
            ),
            (
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                Some(RowKey::OtherNoFee),
            ),
            ("3. 其他", Some(RowKey::OtherOther)),
            ("(七) 总计", Some(RowKey::TotalProcessed)),
            ("四、结转下年度继续办理", Some(RowKey::CarriedForward)),
            ("四、结转下", Some(RowKey::CarriedForward)),
            ("（六）其他处理", None),
            ("商业企业", None),
            ("自然人法人或其他组织总计", None),
        ];
        for (label, want) in cases {
            assert_eq!(table3_row(&squash(label)), want, "{label}");
        }
        assert!(is_other_single(&squash("（六）其他处理")));
    }
}
