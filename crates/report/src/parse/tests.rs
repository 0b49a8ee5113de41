use super::*;

proptest::proptest! {
    #[test]
    fn control_bytes_counts_each_one(bytes in proptest::collection::vec(0u8..40, 0..2000)) {
        let naive = bytes
            .iter()
            .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
            .count();
        proptest::prop_assert_eq!(control_bytes(&bytes), naive);
    }

    /// The quick trim is `str::trim`, whatever the text: spaces of every kind, CJK, ASCII.
    #[test]
    fn trim_is_str_trim(s in "[ \\t\\n\\u{0b}\\u{0c}\\u{85}\\u{a0}\\u{1680}\\u{2000}-\\u{200b}\\u{2028}\\u{202f}\\u{205f}\\u{3000}\\u{feff}a1公开（）、\\u{1c}]{0,8}") {
        proptest::prop_assert_eq!(trim(&s), s.trim());
        proptest::prop_assert_eq!(trim_end(&s), s.trim_end());
    }
}

#[test]
fn a_page_whose_article_is_in_a_frame_says_where() {
    let page = r#"<html><head><title>2025年政府信息公开工作年度报告</title></head><body>
        <div class="nav">首页</div><IFRAME width="100%" SRC="/xxgk/nb/2025.html"></IFRAME></body></html>"#;
    match parse(page.as_bytes()) {
        Err(ParseError::NotAReport(m)) => assert!(m.contains("/xxgk/nb/2025.html"), "{m}"),
        other => panic!("{:?}", other.map(|p| p.layout)),
    }
    assert_eq!(iframe_src("<iframe src=''></iframe>"), None);
    assert_eq!(iframe_src("<iframe src=x>"), None);
    assert_eq!(iframe_src("<p>no frame</p>"), None);
}

#[test]
fn pictures_of_pages_are_named() {
    let pictures: [&[u8]; 6] = [
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
        b"\xff\xd8\xff\xe0\0\x10JFIF\0",
        b"GIF89a\x01\0\x01\0",
        b"II*\0\x08\0\0\0",
        b"BM\x36\x0c\0\0\0\0\0\0\x36\0\0\0\x28\0\0\0\x40\0\0\0\x40\0\0\0\x01\0",
        b"RIFF\x24\0\0\0WEBPVP8 ",
    ];
    for bytes in pictures {
        assert!(
            matches!(parse(bytes), Err(ParseError::Unsupported(m)) if m.contains("图片")),
            "{bytes:?}"
        );
    }
    // Text that happens to start like one is still text.
    assert!(!is_image("BM公司2025年政府信息公开工作年度报告".as_bytes()));
}

#[test]
fn rtf_is_named_not_taken_for_json() {
    assert!(matches!(
        parse(b"{\\rtf1\\ansi\\ansicpg936 {\\fonttbl}}"),
        Err(ParseError::Unsupported(m)) if m.contains("RTF")
    ));
}

#[test]
fn text_is_told_from_binary() {
    assert_eq!(
        decode(b"\x00\x01\x02\x03abc").err(),
        Some(ParseError::Binary)
    );
    assert_eq!(decode("公开 1".as_bytes()).ok().as_deref(), Some("公开 1"));
}
