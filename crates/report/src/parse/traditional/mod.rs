//! Reports in traditional characters (繁體): many portals offer a 繁體 version of every page,
//! and a crawler or a reader may save that one. Its headings, labels and prose match nothing
//! the readers look for (`收到和處理政府信息公開申請情況`), so such a text is read in the
//! simplified characters it was written in.

mod table;

use std::borrow::Cow;
use std::sync::LazyLock;

use memchr::memmem;

/// `text` in simplified characters when it is written in traditional ones — more `公開` than
/// `公开`; borrowed otherwise (one search of the text tells, for nearly every report).
pub fn simplify(text: &str) -> Cow<'_, str> {
    static FINDER: LazyLock<memmem::Finder<'static>> =
        LazyLock::new(|| memmem::Finder::new("公開".as_bytes()));
    let bytes = text.as_bytes();
    if FINDER.find(bytes).is_none() {
        return Cow::Borrowed(text);
    }
    let count = |word: &str| memmem::find_iter(bytes, word.as_bytes()).count();
    if count("公開") < count("公开") {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(simplified).collect())
}

fn simplified(c: char) -> char {
    // Every traditional character lies in the unified ideographs; most of a text is not one.
    if !('\u{4E00}'..='\u{9FFF}').contains(&c) {
        return c;
    }
    match table::PAIRS.binary_search_by_key(&c, |&(t, _)| t) {
        Ok(i) => table::PAIRS.get(i).map_or(c, |&(_, s)| s),
        Err(_) => c,
    }
}

/// `text` in traditional characters, one for each simplified character the table knows (the
/// first, where several simplify to it): the tests' way of writing a 繁體 page.
pub fn traditional(text: &str) -> String {
    let mut back = std::collections::HashMap::new();
    for &(t, s) in table::PAIRS {
        back.entry(s).or_insert(t);
    }
    text.chars()
        .map(|c| back.get(&c).copied().unwrap_or(c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_for_its_search() {
        assert!(table::PAIRS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn traditional_text_is_read_in_simplified_characters() {
        let cases = [
            (
                "三、收到和處理政府信息公開申請情況",
                "三、收到和处理政府信息公开申请情况",
            ),
            (
                "（三）不予公開 1.屬於國家秘密",
                "（三）不予公开 1.属于国家秘密",
            ),
            (
                "五、政府信息公開工作存在的主要問題及改進情況",
                "五、政府信息公开工作存在的主要问题及改进情况",
            ),
            (
                "某縣人民政府辦公室2025年政府信息公開工作年度報告",
                "某县人民政府办公室2025年政府信息公开工作年度报告",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(simplify(text), want, "{text}");
        }
        // Simplified text, or text that merely quotes a traditional name, is left alone.
        for text in ["政府信息公开工作年度报告", "公开“公開”二字的写法，公开"]
        {
            assert!(matches!(simplify(text), Cow::Borrowed(_)), "{text}");
        }
    }

    #[test]
    fn simplified_text_written_in_traditional_comes_back() {
        let text = "本年新收政府信息公开申请数量；结转下年度继续办理；行政复议、行政诉讼";
        let written = traditional(text);
        assert_ne!(written, text);
        assert_eq!(simplify(&written), text);
    }
}
