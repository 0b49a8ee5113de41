//! Lines that are only a page's number, which PDF text leaves among the report's lines.

/// A line that is only a page number: `3`, `- 3 -`, `—3—`, `第3页`, `3/10`, `第 3 页 共 10 页`,
/// `P. 3`.
pub fn is_page_number(line: &str) -> bool {
    // A page as wide as a line of text pads its number with spaces (pdfplumber's layout);
    // a long line that starts with none is no page number.
    if line.len() > 40 && !line.starts_with(' ') {
        return false;
    }
    let line = line.trim_ascii();
    // Every form starts with a figure, a dash, `第` or `P`: one byte tells most lines apart.
    let plausible = match line.as_bytes().first() {
        Some(c) if c.is_ascii_digit() => true,
        // `-`; the first byte of `—`, `–` and `·`; of `－`.
        Some(b'-' | b'P' | 0xe2 | 0xc2 | 0xef) => true,
        _ => line.starts_with('第'),
    };
    if !plausible
        || line.len() > 40
        || !line.bytes().any(|b| b.is_ascii_digit())
        || line.contains('\t')
    {
        return false;
    }
    // Every form starts with 第 or a figure (after dashes), and a figure is followed by nothing,
    // a dash or a slash: table rows like `1.属于国家秘密 0 0` fail here without allocating.
    let dash = |c: char| matches!(c, '-' | '—' | '–' | '－' | '·');
    let mut chars = line
        .chars()
        .filter(|c| !c.is_whitespace())
        .skip_while(|&c| dash(c));
    match chars.next() {
        Some('第') => {}
        // A flipbook's page mark: `P. 8`, `Page 8`.
        Some('P') => {
            let rest = line
                .strip_prefix("Page")
                .or_else(|| line.strip_prefix("P."));
            return rest.is_some_and(|r| {
                let r = r.trim_start();
                !r.is_empty() && r.len() <= 4 && r.bytes().all(|b| b.is_ascii_digit())
            });
        }
        Some(c) if c.is_ascii_digit() => {
            let after = chars.find(|c| !c.is_ascii_digit());
            if !after.is_none_or(|c| c == '/' || dash(c)) {
                return false;
            }
        }
        _ => return false,
    }
    let s: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let core = s.trim_matches(dash);
    let digits_only =
        |t: &str| !t.is_empty() && t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit());
    if core != s && digits_only(core) {
        return true;
    }
    if let Some(inner) = core.strip_prefix('第').and_then(|t| t.split('页').next()) {
        return digits_only(inner);
    }
    matches!(core.split_once('/'), Some((a, b)) if digits_only(a) && digits_only(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers() {
        for s in [
            "- 3 -",
            "—12—",
            "第3页",
            "第 3 页",
            "3/10",
            " 3 / 10 ",
            "P. 8",
            "Page 12",
            "                                      —  1 —                                      ",
        ] {
            assert!(is_page_number(s), "{s}");
        }
        for s in [
            "3",
            "0",
            "1.本机关",
            "2025 年",
            "第二十条",
            "1.属于国家秘密 0 0",
            "3 其他",
            "P. 8 页",
            "Page 8 - 标题",
            "PM2.5",
        ] {
            assert!(!is_page_number(s), "{s}");
        }
    }
}
