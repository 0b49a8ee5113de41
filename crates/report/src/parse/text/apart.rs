//! Figures that `pdftotext -layout` set on a line apart from their label, in a table 三 whose
//! zeros are blank: a row's figures stand in the middle of its cell, and where its label wraps
//! they make a line between the label's two lines (`（二）部分公开（区分处理的，只` / `1  1` /
//! `计这一情形，不计其他情形）`); beside a label of one line they may stand on the line above
//! it. A reader that took such figures for the row of the last label before them would put
//! them in another row's place, so they are given a row only where the lines around them leave
//! no other: between the two lines of one label, or just above a whole label when the row
//! before already has its figures. Anything else stays unplaced (and so unread, and warned).

use crate::model::RowKey;
use crate::parse::extract::labels::{squash, table3_row};

/// A line of figures, placed in table 三's columns.
pub(super) struct Figures {
    pub line: usize,
    pub columns: Vec<usize>,
    /// The row its own words name.
    pub row: Option<RowKey>,
}

/// Figures given a row: `label` holds the lines whose words are its label, read in place of
/// the figures' own line's words (empty: the line's own words name the row).
#[derive(Debug, PartialEq)]
pub(super) struct Placed {
    pub line: usize,
    pub columns: Vec<usize>,
    pub label: Vec<usize>,
}

/// A line of the table other than figures: the row it names, and its words squashed.
struct Words {
    row: Option<RowKey>,
    squashed: String,
}

enum Line {
    Figures(usize),
    Words(Words),
}

/// The rows of `figures` (lines of `lines`): those whose words name their row, and those the
/// lines around them give one.
pub(super) fn assign(lines: &[&str], figures: Vec<Figures>) -> Vec<Placed> {
    // Most often every line of figures names its row: nothing to look around for.
    if figures.iter().all(|f| f.row.is_some()) {
        return figures
            .into_iter()
            .map(|f| Placed {
                line: f.line,
                columns: f.columns,
                label: Vec::new(),
            })
            .collect();
    }
    let mut kinds: Vec<(usize, Line)> = Vec::new();
    // Where in `kinds` each line of figures stands.
    let mut places = Vec::with_capacity(figures.len());
    let mut next_figures = figures.iter().enumerate().peekable();
    for (i, line) in lines.iter().enumerate() {
        if let Some((k, _)) = next_figures.next_if(|(_, f)| f.line == i) {
            places.push(kinds.len());
            kinds.push((i, Line::Figures(k)));
        } else if !line.trim().is_empty() {
            let squashed = squash(line);
            let row = table3_row(&squashed);
            kinds.push((i, Line::Words(Words { row, squashed })));
        }
    }
    let mut rows: Vec<Option<(RowKey, Vec<usize>)>> = figures
        .iter()
        .zip(&places)
        .map(|(f, &at)| {
            f.row
                .map(|r| (r, Vec::new()))
                .or_else(|| between(&kinds, at))
        })
        .collect();
    // Above a whole label: only once the rows before have theirs, so in a second pass.
    for (k, at) in places.into_iter().enumerate() {
        if rows.get(k).is_some_and(Option::is_none) {
            let row = above(&kinds, at, &rows);
            if let Some(slot) = rows.get_mut(k) {
                *slot = row;
            }
        }
    }
    // A row given two lines of figures keeps only one its own words name.
    let claims = |key: RowKey| rows.iter().flatten().filter(|(r, _)| *r == key).count();
    let keep: Vec<bool> = rows
        .iter()
        .map(|r| {
            r.as_ref()
                .is_some_and(|(key, label)| label.is_empty() || claims(*key) == 1)
        })
        .collect();
    figures
        .into_iter()
        .zip(rows)
        .zip(keep)
        .filter_map(|((f, row), keep)| {
            let (_, label) = row.filter(|_| keep)?;
            Some(Placed {
                line: f.line,
                columns: f.columns,
                label,
            })
        })
        .collect()
}

fn words(kinds: &[(usize, Line)], pos: Option<usize>) -> Option<(usize, &Words)> {
    match kinds.get(pos?)? {
        (i, Line::Words(w)) => Some((*i, w)),
        _ => None,
    }
}

/// Figures between the two lines of one label: the line before names the row and ends with
/// its label's beginning, the line after ends with the rest.
fn between(kinds: &[(usize, Line)], at: usize) -> Option<(RowKey, Vec<usize>)> {
    let (before, b) = words(kinds, at.checked_sub(1))?;
    let (after, a) = words(kinds, Some(at + 1))?;
    let row = b.row?;
    if a.row.is_some() {
        return None;
    }
    let label = squash(row.label());
    // Cut between two characters, so both lines hold some of it.
    let mut cuts = label.char_indices().skip(1).map(|(i, _)| i);
    cuts.find(|&i| {
        label
            .get(..i)
            .is_some_and(|head| b.squashed.ends_with(head))
            && label
                .get(i..)
                .is_some_and(|tail| a.squashed.ends_with(tail))
    })?;
    Some((row, vec![before, after]))
}

/// Figures just above a label of one line whole, whose row has no figures of its own: taken
/// for its row only when the line above them is the end of a label whose row has its figures
/// already, and no line of figures follows the label.
fn above(
    kinds: &[(usize, Line)],
    at: usize,
    rows: &[Option<(RowKey, Vec<usize>)>],
) -> Option<(RowKey, Vec<usize>)> {
    let (_, prev) = words(kinds, at.checked_sub(1))?;
    let (label_line, next) = words(kinds, Some(at + 1))?;
    let row = next.row?;
    if prev.row.is_some() || !next.squashed.ends_with(&squash(row.label())) {
        return None;
    }
    if matches!(kinds.get(at + 2), Some((_, Line::Figures(_)))) {
        return None;
    }
    // The row the line above ends: the last named before it, by its words or its figures.
    let before = kinds
        .get(..at)?
        .iter()
        .rev()
        .find_map(|(_, kind)| match kind {
            Line::Words(w) => w.row,
            Line::Figures(k) => rows.get(*k)?.as_ref().map(|(r, _)| *r),
        })?;
    // `rows` holds the rows of the figures that name theirs, and of those given one so far.
    let has_figures = rows.iter().flatten().any(|(r, _)| *r == before);
    (before != row && has_figures).then(|| (row, vec![label_line]))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rows given to the lines of figures (marked `#`) of `text`, with their label lines.
    fn rows_of(text: &str) -> Vec<(usize, Vec<usize>)> {
        let lines: Vec<&str> = text.lines().collect();
        let figures: Vec<Figures> = lines
            .iter()
            .enumerate()
            .filter_map(|(line, l)| {
                let words = l.strip_prefix('#')?;
                let row = table3_row(&squash(words));
                Some(Figures {
                    line,
                    columns: vec![6],
                    row,
                })
            })
            .collect();
        assign(&lines, figures)
            .into_iter()
            .map(|p| (p.line, p.label))
            .collect()
    }

    #[test]
    fn figures_apart_get_a_row_only_where_the_lines_around_leave_no_other() {
        for (text, want) in [
            // Named by their own words.
            ("#（一）予以公开", vec![(0, vec![])]),
            // Between the two lines of one label, a piece of a merged cell beside them.
            (
                "本年 （二）部分公开（区分处理的，只\n#度办\n计这一情形，不计其他情形）",
                vec![(1, vec![0, 2])],
            ),
            ("2.其他法律行政法规禁止\n#\n公开", vec![(1, vec![0, 2])]),
            // The line after is no rest of that label (a piece of a merged cell): no row.
            ("2.其他法律行政法规禁止\n#\n 果", vec![]),
            ("1.属于国家秘密\n#\n 果\n2.其他法律行政法规禁止", vec![]),
            // Above a whole label, the row before having its figures.
            (
                "（二）部分公开（区分处理的，只\n#度办\n计这一情形，不计其他情形）\n#理结\n1.属于国家秘密",
                vec![(1, vec![0, 2]), (3, vec![4])],
            ),
            // … but not where that row has none, nor where figures follow the label too.
            ("计这一情形，不计其他情形）\n#理结\n1.属于国家秘密", vec![]),
            (
                "#（一）予以公开\n计这一情形\n#\n1.属于国家秘密\n#",
                vec![(0, vec![])],
            ),
            // A label of two lines under the figures is no whole label.
            (
                "#（一）予以公开\n果\n#\n2.其他法律行政法规禁止\n公开",
                vec![(0, vec![])],
            ),
        ] {
            assert_eq!(rows_of(text), want, "{text}");
        }
    }
}
