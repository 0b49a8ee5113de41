//! Glyphs strewn anywhere on pages (any place, any size, any character, NaN included): set out
//! with blank cells marked by their columns, then read as a report.
#![no_main]
use libfuzzer_sys::fuzz_target;
use report::parse::glyphs::{Glyph, set_out};

fuzz_target!(|data: &[u8]| {
    let mut pages: Vec<Vec<Glyph>> = vec![Vec::new()];
    for chunk in data.chunks_exact(13) {
        let f = |i: usize| f32::from_le_bytes([chunk[i], chunk[i + 1], chunk[i + 2], chunk[i + 3]]);
        // A page break now and then, and characters from table headers, figures and marks.
        if chunk[12] == 0xff {
            pages.push(Vec::new());
            continue;
        }
        let c = "自然人商业企业科研机构社会公益组织法律服务其他总计结果维持纠正尚未审本年新收行政复议诉讼0123456789—. "
            .chars()
            .nth(usize::from(chunk[12]) % 60)
            .unwrap_or(' ');
        if let Some(page) = pages.last_mut() {
            page.push(Glyph { x: f64::from(f(0)), y: f64::from(f(4)), size: f64::from(f(8)), c });
        }
    }
    if let Some(text) = set_out(pages) {
        let _ = report::read_and_check(text.as_bytes());
    }
});
