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
    fn trim_is_str_trim(s in "[ \\t\\n\\u{0b}\\u{0c}\\u{85}\\u{a0}\\u{1680}\\u{2000}-\\u{200b}\\u{2028}\\u{202f}\\u{205f}\\u{3000}\\u{feff}a1公开（）、。\\u{3002}\\u{1c}]{0,8}") {
        proptest::prop_assert_eq!(trim(&s), s.trim());
        proptest::prop_assert_eq!(trim_end(&s), s.trim_end());
        proptest::prop_assert_eq!(trim_start(&s), s.trim_start());
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

#[test]
fn a_universitys_report_is_named_as_such() {
    let univ = "某某大学2022-2023学年信息公开工作年度报告\n\
        根据《高等学校信息公开办法》要求，现公布我校2022-2023学年信息公开工作年度报告。\n\
        一、概述\n学校高度重视信息公开工作。\n二、主动公开情况\n主动公开信息1200余条。\n\
        三、依申请公开和不予公开情况\n共收到信息公开申请3件，均已按期答复。\n\
        四、对信息公开的评议情况\n听取师生意见。\n\
        五、因学校信息公开工作受到举报、复议、诉讼的情况\n未发生。\n\
        六、信息公开工作存在的主要问题及改进情况\n及时性有待提高。\n七、其他需要报告的事项\n无。\n";
    let err = parse(univ.as_bytes()).map(|p| p.layout).unwrap_err();
    assert!(matches!(err, ParseError::OtherRegime(_)), "{err}");
    assert!(err.to_string().contains("高等学校信息公开办法"), "{err}");
    // A government's report that mentions a school year is still read.
    let government = "某县教育局2023年政府信息公开工作年度报告\n\
        一、总体情况\n2023-2024学年，我局推进学校信息公开工作。\n";
    assert!(!matches!(
        parse(government.as_bytes()).map(|p| p.layout),
        Err(ParseError::OtherRegime(_))
    ));
}

#[test]
fn a_report_before_the_2019_formats_is_named_as_such() {
    // Headed as reports under the 2008 regulation were, with their own table of indicators.
    let old = "某市人民政府2017年政府信息公开工作年度报告\n\
        一、概述\n2017年，我市政府信息公开工作稳步推进。\n\
        二、主动公开政府信息情况\n全年主动公开政府信息1200条。\n\
        三、依申请公开政府信息情况\n全年受理申请35件，均按期答复。\n\
        四、政府信息公开的收费及减免情况\n未收取费用。\n\
        五、因政府信息公开申请行政复议、提起行政诉讼的情况\n无。\n\
        六、存在的主要问题和改进措施\n公开的深度有待加强。\n\
        指标名称\t计量单位\t2017年度\n主动公开信息数\t条\t1200\n";
    let err = parse(old.as_bytes()).map(|p| p.layout).unwrap_err();
    assert_eq!(err, ParseError::BeforeFormat(2017));
    assert!(err.to_string().contains("2019年以前"), "{err}");
    // Only the preamble's sentence names the year.
    let preamble = "根据《中华人民共和国政府信息公开条例》规定，现公布某区财政局2014年政府信息公开工作年度报告。\n\
        一、概述\n本年度工作正常开展。\n二、主动公开政府信息情况\n主动公开信息86条。\n";
    assert_eq!(
        parse(preamble.as_bytes()).map(|p| p.layout).unwrap_err(),
        ParseError::BeforeFormat(2014)
    );
}

/// A notice or reply about annual reports is named as such, not read as an old report of the
/// year its date gives; a report whose title names its sender and 关于 is still a report.
#[test]
fn a_notice_about_annual_reports_is_not_one() {
    let reply = "国务院办公厅政府信息与政务公开办公室关于政府信息公开年度报告有关项目填报问题的解释\n\
        国办公开办函〔2016〕201号\n深圳市人民政府办公厅：\n\
        来函收悉。经研究，现答复如下：行政复议机关作为共同被告的行政诉讼案件，只计算原行为主体的案件数量。\n\
        国务院办公厅政府信息与政务公开办公室\n2016年9月1日\n";
    // Its title wrapped over two lines.
    let notice = "某市人民政府办公室关于做好2009年度政府信息公开\n工作年度报告有关事项的通知\n\
        各县（区）人民政府，市直各部门：\n请于2010年1月31日前公布年度报告。\n\
        一、受理依申请公开的数量\n二、政府信息公开的收费及减免情况\n某市人民政府办公室\n2009年12月20日\n";
    for text in [reply, notice] {
        match parse(text.as_bytes()).map(|p| p.layout) {
            Err(ParseError::NotAReport(m)) => assert!(m.contains("公文"), "{m}"),
            other => panic!("{text}: {other:?}"),
        }
    }
    let report =
        "某县人民政府关于2017年政府信息公开工作年度报告\n一、概述\n2017年，工作稳步推进。\n";
    assert_eq!(
        parse(report.as_bytes()).map(|p| p.layout).unwrap_err(),
        ParseError::BeforeFormat(2017)
    );
}
