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
/// each from the left.
fn lines_of(mut glyphs: Vec<Glyph>) -> Vec<Vec<Glyph>> {
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut lines: Vec<Vec<Glyph>> = Vec::new();
    for g in glyphs {
        match lines.last_mut() {
            Some(line)
                if line
                    .first()
                    .is_some_and(|f| (g.y - f.y).abs() <= g.size / 3.0) =>
            {
                line.push(g)
            }
            _ => lines.push(vec![g]),
        }
    }
    for line in &mut lines {
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
    }
    lines
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
        let (mut at, mut right) = (0usize, None);
        let mut before: Option<&Glyph> = None;
        for g in line {
            let want = ((g.x - left) / column).round().max(0.0) as usize;
            // At most a page's width of padding: a stray glyph far off the page adds no more.
            let mut pad = want.saturating_sub(at).min(400);
            // A glyph that follows the one before it closely is the same word, whatever its
            // size (a heading's larger glyphs take more columns than they are given); one
            // that stands apart is parted by a space at least.
            if let Some(right) = right {
                // A figure's characters follow each other by their own advance, which some
                // printers' fonts make wider than half an em (Chromium's: three quarters): a
                // digit less than an em after the one before is the same figure.
                let same_figure = before.is_some_and(|b| {
                    is_figure_char(b.c) && is_figure_char(g.c) && g.x - b.x < 0.8 * g.size
                });
                pad = if g.x - right < g.size / 4.0 || same_figure {
                    0
                } else {
                    pad.max(1)
                };
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
            right = Some(end);
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
