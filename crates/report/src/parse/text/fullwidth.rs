//! Full-width figures that a narrow cell wrapped over two lines. A full-width digit (`２`) is as
//! wide as a Chinese character, so a page laid out to fit its columns to their cells (a web
//! page printed to PDF) may break `２５` in a total column as `２` / `５`, and the PDF's text
//! ends a row with `… 0 ２` and puts `５` on the next line (or a row's first figure `１` beside
//! its label and the rest, `１ 0 0 1 0 0 12`, below). Read as they stand, such a row has a wrong
//! total and the checker raises a false alarm. The two pieces are joined back into one figure
//! where a row of table 三 then holds exactly seven figures and its six columns add up to its
//! total: the table's own sum says the join is right.

use crate::parse::number::{CellText, classify};

/// The text with every such pair of lines joined, or None when there is none.
pub(super) fn join(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    // A quick look first: any full-width digit at all (its middle byte is rare outside
    // full-width punctuation), then a line that ends in one and a next that starts with one.
    let any_digit = memchr::memchr_iter(0xbc, bytes)
        .any(|i| i > 0 && is_digit_at(bytes.get(i - 1..).unwrap_or_default()));
    if !any_digit {
        return None;
    }
    let found = memchr::memchr_iter(b'\n', bytes).any(|nl| {
        let before = bytes.get(..nl).unwrap_or_default().trim_ascii_end();
        let after = bytes.get(nl + 1..).unwrap_or_default().trim_ascii_start();
        ends_in_digit(before) && starts_with_digit(after)
    });
    if !found {
        return None;
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut i = 0;
    while let Some(line) = lines.get(i) {
        let joined = lines.get(i + 1).and_then(|next| joined(line, next));
        match joined {
            Some(joined) => {
                out.push_str(&joined);
                changed = true;
                i += 2;
            }
            None => {
                out.push_str(line);
                i += 1;
            }
        }
        if i < lines.len() {
            out.push('\n');
        }
    }
    changed.then_some(out)
}

/// `０` … `９` in UTF-8: EF BC 90 … EF BC 99.
fn is_digit_at(b: &[u8]) -> bool {
    matches!(b, [0xef, 0xbc, 0x90..=0x99, ..])
}

fn ends_in_digit(b: &[u8]) -> bool {
    b.len() >= 3 && is_digit_at(b.get(b.len() - 3..).unwrap_or_default())
}

fn starts_with_digit(b: &[u8]) -> bool {
    is_digit_at(b)
}

fn full_width_figure(token: &str) -> bool {
    !token.is_empty() && token.chars().all(|c| ('０'..='９').contains(&c))
}

/// `line` and `next` as one line, where `line` ends in figures, `next` holds figures only, the
/// two figures that meet are full-width, and joined they make seven figures of which the first
/// six add up to the last.
fn joined(line: &str, next: &str) -> Option<String> {
    let line = line.trim_end();
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let rest: Vec<&str> = next.split_whitespace().collect();
    let value = |t: &str| match classify(t) {
        CellText::Number(n) => Some(n.value()),
        _ => None,
    };
    let figures = tokens
        .iter()
        .rev()
        .take_while(|t| value(t).is_some())
        .count();
    if figures == 0 || rest.is_empty() || figures + rest.len() != 8 {
        return None;
    }
    let (last, first) = (*tokens.last()?, *rest.first()?);
    if !full_width_figure(last) || !full_width_figure(first) {
        return None;
    }
    let both = format!("{last}{first}");
    let mut values = Vec::with_capacity(7);
    for t in tokens.get(tokens.len() - figures..tokens.len() - 1)? {
        values.push(value(t)?);
    }
    values.push(value(&both)?);
    for t in rest.get(1..)? {
        values.push(value(t)?);
    }
    let (total, columns) = values.split_last()?;
    let sum: f64 = columns.iter().sum();
    if (sum - total).abs() > 1e-9 {
        return None;
    }
    // The line as it stands, the piece glued on, and the rest of the next line as it stands.
    let first_at = next.find(first)?;
    Some(format!("{line}{}", next.get(first_at..)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_figures_wrapped_in_their_cell_are_joined_where_the_row_adds_up() {
        for (text, want) in [
            // The total's second digit on the next line.
            (
                "四、结转下年度继续办理 25 0 0 0 ０ 0 ２\n５\n四、政府信息公开行政复议",
                Some("四、结转下年度继续办理 25 0 0 0 ０ 0 ２５\n四、政府信息公开行政复议"),
            ),
            // The first figure's first digit beside the label, the rest below.
            (
                "（一）予以公开 １\n１ 0 0 1 0 0 12\n",
                Some("（一）予以公开 １１ 0 0 1 0 0 12\n"),
            ),
            // Tabs between cells are kept.
            (
                "总计\t30\t9\t0\t0\t0\t0\t３\n９",
                Some("总计\t30\t9\t0\t0\t0\t0\t３９"),
            ),
            // The row does not add up so joined: left as it is.
            ("（七）总计 39 0 0 0 0 0 ３\n８", None),
            // Half-width digits, or a page number after a whole row: left as they are.
            ("（七）总计 39 0 0 0 0 0 3\n9", None),
            ("（七）总计 ３ 0 0 0 0 0 ３\n５", None),
            // Not seven figures joined.
            ("规章 １\n２ 0", None),
            ("", None),
            ("\n", None),
        ] {
            assert_eq!(join(text).as_deref(), want, "{text}");
        }
    }
}
