//! Characters placed on a page (OFD's text objects, a PDF's shown text) set out as lines of
//! text the way `pdftotext -layout` sets out a PDF: glyphs on one baseline make a line, and
//! each stands at the column its place gives, so that a table's cells stand apart by runs of
//! spaces.

/// Refuses a page whose glyphs, set out, make more text than this.
const MAX_PAGE_TEXT: usize = 4 * 1024 * 1024;

/// One character where the page prints it (any unit, y downwards, at the baseline).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Glyph {
    pub x: f64,
    pub y: f64,
    pub size: f64,
    pub c: char,
}

/// A page's glyphs as lines of text, a column per half em of the page's usual size. Glyphs
/// close together stay together whatever their size. None when the text would pass
/// [`MAX_PAGE_TEXT`].
pub fn lay_out(glyphs: Vec<Glyph>) -> Option<String> {
    write(&lines_of(glyphs))
}

/// [`lay_out`], with the blank cells of tables 二, 三 and 四 marked where their columns show them
/// ([`super::columns`]); `columns` carries table 三's columns from page to page.
pub(crate) fn lay_out_by_columns(
    glyphs: Vec<Glyph>,
    columns: &mut super::columns::Columns,
) -> Option<String> {
    let mut lines = lines_of(glyphs);
    super::columns::mark_blanks(&mut lines, columns);
    write(&lines)
}

/// The pages set out by their glyphs with the blank cells of tables 二, 三 and 四 marked
/// ([`super::columns`]); None when a page would make too much text.
pub fn set_out(pages: Vec<Vec<Glyph>>) -> Option<String> {
    let mut columns = None;
    pages_text(pages, |page| lay_out_by_columns(page, &mut columns))
}

/// Pages set out one by one by `lay_out_page`, parted by form feeds; None when a page is.
pub fn pages_text(
    pages: impl IntoIterator<Item = Vec<Glyph>>,
    mut lay_out_page: impl FnMut(Vec<Glyph>) -> Option<String>,
) -> Option<String> {
    let mut text = String::new();
    for (i, page) in pages.into_iter().enumerate() {
        if i > 0 {
            text.push('\u{c}');
        }
        text.push_str(&lay_out_page(page)?);
    }
    Some(text)
}

/// Glyphs on one baseline (within a third of a glyph's size) make a line; lines from the top,
/// each from the left. A figure standing alone (a table's cell) joins the line its baseline
/// is nearest, allowing for the page's usual offset between figures and words: Chromium sets
/// a cell's digits, in their own font, a fifth of an em above the label's characters, so that a
/// figure can stand as near a piece of a merged cell above (`年`) as its own label below.
fn lines_of(mut glyphs: Vec<Glyph>) -> Vec<Vec<Glyph>> {
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let (words, loose) = loose_figures(glyphs);
    let mut lines = cluster(words);
    let rest = place(&mut lines, loose);
    if !rest.is_empty() {
        lines.extend(cluster(rest));
        lines.sort_by(|a, b| baseline(a).total_cmp(&baseline(b)));
    }
    for line in &mut lines {
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
    }
    lines
}

/// Glyphs (sorted from the top) on one baseline within a third of a glyph's size.
fn cluster(glyphs: Vec<Glyph>) -> Vec<Vec<Glyph>> {
    let mut lines: Vec<Vec<Glyph>> = Vec::new();
    for g in glyphs {
        match lines.last_mut() {
            Some(line) if (g.y - baseline(line)).abs() <= g.size / 3.0 => line.push(g),
            _ => lines.push(vec![g]),
        }
    }
    lines
}

fn baseline(line: &[Glyph]) -> f64 {
    line.first().map_or(0.0, |g| g.y)
}

/// Parts the glyphs (sorted from the top) into those of words and those of figures standing
/// alone on their baseline, each list still sorted from the top.
fn loose_figures(glyphs: Vec<Glyph>) -> (Vec<Glyph>, Vec<Glyph>) {
    let (mut words, mut loose) = (Vec::with_capacity(glyphs.len()), Vec::new());
    let mut rest = glyphs.as_slice();
    while let Some(first) = rest.first() {
        // One baseline exactly (a twentieth of an em), from the left: the first glyph at
        // least, whatever its size (a hostile file's may be negative or not a number).
        let n = rest
            .iter()
            .skip(1)
            .position(|g| (g.y - first.y).abs() > first.size / 20.0)
            .map_or(rest.len(), |i| i + 1);
        let (same, after) = rest.split_at(n);
        rest = after;
        let mut same = same.to_vec();
        same.sort_by(|a, b| a.x.total_cmp(&b.x));
        let mut start = 0;
        for i in 1..=same.len() {
            // Parted by an em at least: a figure in running text (`复议3件`, Chromium's
            // digits wider than the half em [`end`] allows) stands among its words.
            let ends = same
                .get(i)
                .zip(same.get(i - 1))
                .is_none_or(|(g, b)| g.x - end(b) > g.size);
            if !ends {
                continue;
            }
            let word = same.get(start..i).unwrap_or_default();
            // Spaces, which some printers draw at the baseline of whatever follows, are placed
            // as figures are, so that they set no line's baseline.
            if word
                .iter()
                .all(|g| is_figure_char(g.c) || g.c.is_whitespace())
            {
                loose.extend_from_slice(word);
            } else {
                words.extend_from_slice(word);
            }
            start = i;
        }
    }
    (words, loose)
}

/// `g` follows `before` as part of one word. A figure's characters follow each other by their
/// own advance, which some printers' fonts make wider than half an em (Chromium's: three
/// quarters): a digit less than 0.8 em after the one before is the same figure.
pub(crate) fn same_word(before: &Glyph, g: &Glyph) -> bool {
    g.x - end(before) < g.size / 4.0
        || (is_figure_char(before.c) && is_figure_char(g.c) && g.x - before.x < 0.8 * g.size)
}

/// Puts each loose figure glyph on the line whose baseline it is nearest, allowing for the
/// usual offset of figures the page shows where only one line is near; returns those near
/// none.
fn place(lines: &mut [Vec<Glyph>], loose: Vec<Glyph>) -> Vec<Glyph> {
    // The lines within a third of a glyph's size of its baseline (sorted from the top).
    let near = |lines: &[Vec<Glyph>], g: &Glyph| -> std::ops::Range<usize> {
        let from = lines.partition_point(|l| baseline(l) < g.y - g.size / 3.0);
        let to = lines.partition_point(|l| baseline(l) <= g.y + g.size / 3.0);
        from..to.max(from)
    };
    let mut offsets: Vec<f64> = loose
        .iter()
        .filter(|g| !g.c.is_whitespace())
        .filter_map(|g| {
            let range = near(lines, g);
            (range.len() == 1)
                .then(|| lines.get(range.start))
                .flatten()
                .map(|l| baseline(l) - g.y)
        })
        .collect();
    offsets.sort_by(f64::total_cmp);
    let offset = offsets.get(offsets.len() / 2).copied().unwrap_or(0.0);
    let mut rest = Vec::new();
    for g in loose {
        let best = near(lines, &g).min_by(|&a, &b| {
            let miss = |i: usize| {
                lines
                    .get(i)
                    .map_or(f64::MAX, |l| (baseline(l) - g.y - offset).abs())
            };
            miss(a).total_cmp(&miss(b))
        });
        match best.and_then(|i| lines.get_mut(i)) {
            Some(line) => line.push(g),
            None => rest.push(g),
        }
    }
    rest
}

/// Where a glyph ends: a full em for a CJK character, half for others.
pub(crate) fn end(g: &Glyph) -> f64 {
    g.x + if g.c.is_ascii() { g.size / 2.0 } else { g.size }
}

fn write(lines: &[Vec<Glyph>]) -> Option<String> {
    let all = || lines.iter().flatten();
    let Some(left) = all().map(|g| g.x).min_by(f64::total_cmp) else {
        return Some(String::new());
    };
    let column = usual_size(all()) / 2.0;
    let mut out = String::new();
    for line in lines {
        let mut at = 0usize;
        let mut before: Option<&Glyph> = None;
        for g in line {
            let want = ((g.x - left) / column).round().max(0.0) as usize;
            // At most a page's width of padding: a stray glyph far off the page adds no more.
            let mut pad = want.saturating_sub(at).min(400);
            // A glyph that follows the one before it closely is the same word, whatever its
            // size (a heading's larger glyphs take more columns than they are given); one
            // that stands apart is parted by a space at least.
            if let Some(b) = before {
                pad = if same_word(b, g) { 0 } else { pad.max(1) };
            }
            before = Some(g);
            out.extend(std::iter::repeat_n(' ', pad));
            out.push(g.c);
            if out.len() > MAX_PAGE_TEXT {
                return None;
            }
            // The next glyph's padding counts from where this one ends on the page: a table's
            // smaller glyphs take less room than two columns each.
            let end = end(g);
            // Bounded, so that a glyph placed absurdly far off (a hostile file) cannot
            // overflow the count.
            let end_column = ((end - left) / column).round().clamp(0.0, 1e9) as usize;
            at = end_column.max(at.saturating_add(pad).saturating_add(1));
        }
        out.push('\n');
    }
    Some(out)
}

/// A character a figure is written with.
fn is_figure_char(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '.' | ',')
}

/// The size most glyphs on the page have (the body text's), rounded to a tenth of a millimetre.
fn usual_size<'a>(glyphs: impl Iterator<Item = &'a Glyph>) -> f64 {
    let mut counts: std::collections::HashMap<i64, usize> = std::collections::HashMap::new();
    for g in glyphs {
        *counts.entry((g.size * 10.0).round() as i64).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(size, n)| (n, size))
        .map(|(size, _)| size as f64 / 10.0)
        .filter(|s| *s > 0.0)
        .unwrap_or(3.5)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(c: char, x: f64, size: f64) -> Glyph {
        Glyph {
            x,
            y: 100.0,
            size,
            c,
        }
    }

    fn word(text: &str, x: f64, y: f64) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, c)| Glyph {
                x: x + i as f64 * if c.is_ascii() { 7.875 } else { 10.5 },
                y,
                size: 10.5,
                c,
            })
            .collect()
    }

    #[test]
    fn a_figure_joins_its_label_by_the_pages_offset_of_figures() {
        // Chromium: a cell's figures 2.25 pt above its label's first line, a piece of the
        // merged cell on its left (`年`) 2.3 pt above the figures.
        let page: Vec<Glyph> = [
            word("一、本年新收政府", 30.0, 495.8),
            word("6", 309.0, 493.5),
            word("7", 554.0, 493.5),
            word("三、本（一）予以公开", 30.0, 557.2),
            word("2", 309.0, 555.0),
            word("年", 30.0, 572.2),
            word("1", 309.0, 574.5),
            word("（二）部分公开", 60.0, 576.8),
            word("1", 554.0, 574.5),
        ]
        .concat();
        let text = lay_out(page).unwrap_or_default();
        let lines: Vec<Vec<&str>> = text
            .lines()
            .map(|l| l.split_whitespace().collect())
            .collect();
        assert_eq!(
            lines,
            [
                vec!["一、本年新收政府", "6", "7"],
                vec!["三、本（一）予以公开", "2"],
                vec!["年"],
                vec!["（二）部分公开", "1", "1"],
            ],
            "{text}"
        );
        // Figures in running text stay where they stand.
        let prose = [
            word("复议", 30.0, 100.0),
            word("3", 51.0, 100.0),
            word("件", 56.3, 100.0),
        ];
        assert_eq!(
            lay_out(prose.concat()).unwrap_or_default().trim(),
            "复议3件"
        );
    }

    #[test]
    fn glyphs_of_any_size_or_place_are_set_out() {
        // A hostile file's sizes and places: negative, zero, not a number.
        for size in [-1.0, 0.0, f64::NAN, f64::INFINITY] {
            let page = vec![
                Glyph {
                    x: 1.0,
                    y: 2.0,
                    size,
                    c: '1',
                },
                Glyph {
                    x: 3.0,
                    y: 2.0,
                    size,
                    c: '字',
                },
                Glyph {
                    x: f64::NAN,
                    y: f64::NAN,
                    size,
                    c: '2',
                },
            ];
            assert!(lay_out(page).is_some(), "{size}");
        }
    }

    #[test]
    fn a_figures_digits_stay_together_however_wide_their_advance() {
        // Chromium's digits, three quarters of an em apart; the next cell's figure far off.
        let line = vec![
            glyph('行', 35.5, 10.5),
            glyph('政', 46.0, 10.5),
            glyph('2', 392.59, 10.5),
            glyph('7', 400.46, 10.5),
            glyph('1', 440.0, 10.5),
            glyph('.', 448.0, 10.5),
            glyph('5', 452.0, 10.5),
        ];
        let text = lay_out(line).unwrap_or_default();
        let words: Vec<&str> = text.split_whitespace().collect();
        assert_eq!(words, ["行政", "27", "1.5"], "{text:?}");
        // Two figures an em apart or more are two.
        let apart = lay_out(vec![glyph('2', 100.0, 10.5), glyph('7', 111.0, 10.5)]);
        let apart = apart.unwrap_or_default();
        assert_eq!(apart.split_whitespace().count(), 2, "{apart:?}");
    }
}
