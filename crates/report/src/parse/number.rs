//! What a table cell says: a figure, nothing, or words.

use crate::model::Num;

#[derive(Clone, Debug, PartialEq)]
pub enum CellText {
    /// Empty, or a dash or slash standing for "nothing here".
    Blank,
    Number(Num),
    Text,
}

/// Folds full-width forms to ASCII and drops every kind of space, so that `　１，２３４`
/// reads like `1234`.
pub fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{feff}' && *c != '\u{200b}')
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            '，' => ',',
            '－' | '−' | '–' => '-',
            _ => c,
        })
        .collect()
}

const BLANK_MARKS: [&str; 9] = ["-", "--", "—", "——", "/", "／", "\\", "无", "×"];
const UNITS: [&str; 6] = ["件", "个", "条", "项", "万元", "次"];

/// Reads one cell.
pub fn classify(raw: &str) -> CellText {
    // Most cells are short ASCII figures: read them without trimming or allocating.
    if let Some(kind) = plain_integer(raw) {
        return kind;
    }
    // `trim` drops every Unicode space, the ideographic U+3000 and no-break U+00A0 included.
    let t = super::trim(raw);
    if let Some(kind) = plain_integer(t) {
        return kind;
    }
    if t.is_empty() {
        return CellText::Blank;
    }
    // Long runs of words are labels; no figure with units is this long. Nor does a figure or a
    // blank mark begin with a word character.
    let starts_like_figure = t.chars().next().is_some_and(|c| {
        c.is_ascii_digit()
            || matches!(
                c,
                '+' | '-' | '.' | '－' | '−' | '–' | '—' | '/' | '／' | '\\' | '无' | '×' | '０'
                    ..='９' | '．'
            )
    });
    if t.len() > 40 || !starts_like_figure || !t.chars().all(figure_char) {
        return CellText::Text;
    }
    let s = fold(t);
    if s.is_empty() || BLANK_MARKS.contains(&s.as_str()) {
        return CellText::Blank;
    }
    let mut body = s.as_str();
    for unit in UNITS {
        if let Some(stripped) = body.strip_suffix(unit) {
            body = stripped;
            break;
        }
    }
    parse_number(body).map_or(CellText::Text, CellText::Number)
}

/// The characters a figure, a unit or a blank mark can be written with. A cell with any other
/// character (a label like `1.属于国家秘密`) is words: [`fold`] keeps such a character, and
/// neither a blank mark nor [`parse_number`] after a unit accepts it.
pub(crate) fn figure_char(c: char) -> bool {
    c.is_ascii_digit()
        || c.is_whitespace()
        || matches!(
            c,
            '０'
                ..='９'
                    | '+'
                    | '-'
                    | '.'
                    | ','
                    | '．'
                    | '，'
                    | '－'
                    | '−'
                    | '–'
                    | '—'
                    | '/'
                    | '／'
                    | '\\'
                    | '无'
                    | '×'
                    | '\u{feff}'
                    | '\u{200b}'
                    | '件'
                    | '个'
                    | '条'
                    | '项'
                    | '万'
                    | '元'
                    | '次'
        )
}

/// A cell of at most 15 ASCII digits and nothing else.
fn plain_integer(t: &str) -> Option<CellText> {
    if t.is_empty() || t.len() > 15 {
        return None;
    }
    let mut v: u64 = 0;
    for b in t.bytes() {
        if !b.is_ascii_digit() {
            return None;
        }
        v = v * 10 + u64::from(b - b'0');
    }
    Some(Num::new(v as f64).map_or(CellText::Text, CellText::Number))
}

/// A plain decimal with optional sign and thousands separators in groups of three.
pub fn parse_number(s: &str) -> Option<Num> {
    let (neg, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    if int.is_empty() || !valid_integer_part(int) {
        return None;
    }
    if let Some(f) = frac
        && (f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let plain: String = int.chars().filter(|&c| c != ',').collect();
    let text = match frac {
        Some(f) => format!("{plain}.{f}"),
        None => plain,
    };
    let v: f64 = text.parse().ok()?;
    Num::new(if neg { -v } else { v })
}

fn valid_integer_part(int: &str) -> bool {
    if !int.contains(',') {
        return int.bytes().all(|b| b.is_ascii_digit()) && int.len() <= 15;
    }
    let mut groups = int.split(',');
    let first = groups.next().unwrap_or("");
    (1..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_digit())
        && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// A cell with a character no figure is written with is words whatever else it holds:
        /// the shortcut in `classify` gives what folding and parsing it would.
        #[test]
        fn other_characters_make_words(s in "[0-9０-９ 　,，.．+\\-－—/无×件个项万元次属于国家a（1]{0,12}") {
            if !s.chars().all(figure_char) {
                let folded = fold(&s);
                proptest::prop_assert!(!BLANK_MARKS.contains(&folded.as_str()));
                let body = UNITS
                    .iter()
                    .find_map(|u| folded.strip_suffix(u))
                    .unwrap_or(&folded);
                proptest::prop_assert!(parse_number(body).is_none());
            }
        }
    }

    fn n(v: f64) -> CellText {
        CellText::Number(Num::new(v).expect("finite"))
    }

    #[test]
    fn cells() {
        let cases = [
            ("0", n(0.0)),
            ("　　0", n(0.0)),
            (" 12 ", n(12.0)),
            ("１２３", n(123.0)),
            ("1,234", n(1234.0)),
            ("1，234", n(1234.0)),
            ("0.35", n(0.35)),
            ("０．５", n(0.5)),
            ("-2", n(-2.0)),
            ("3件", n(3.0)),
            ("", CellText::Blank),
            ("\u{a0}", CellText::Blank),
            ("—", CellText::Blank),
            ("/", CellText::Blank),
            ("1.", CellText::Text),
            ("1,23", CellText::Text),
            ("12.3.4", CellText::Text),
            ("251000元", CellText::Text),
            ("33.9%", CellText::Text),
            ("行政许可", CellText::Text),
            ("99999999999999999999", CellText::Text),
        ];
        for (raw, want) in cases {
            assert_eq!(classify(raw), want, "{raw:?}");
        }
    }
}
