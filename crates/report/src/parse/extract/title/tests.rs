use super::*;

#[test]
fn year_in_the_report_s_own_words() {
    let c = |s: &'static str| Cow::Borrowed(s);
    // (preamble, section 一, year)
    let cases = [
        (
            vec![c(
                "根据《条例》规定，现公布区统计局2023年政府信息公开工作年度报告。本报告由六部分组成。",
            )],
            vec![],
            Some(2023),
        ),
        // The period wins over the circular's year and a plan named first.
        (
            vec![],
            vec![
                c("依据国办公开办函〔2021〕30号和《2022年政务公开工作要点》要求编制。"),
                c("本报告所列数据的统计期限为2024年1月1日至2024年12月31日。"),
            ],
            Some(2024),
        ),
        (
            vec![c("统计期限自二〇二二年一月一日起至十二月三十一日止。")],
            vec![],
            Some(2022),
        ),
        // A year with the report's name far away in the sentence is no title.
        (
            vec![c(
                "2023年，我局认真梳理各类事项，主动公开政府信息50条，并在年底编制政府信息公开工作年度报告。",
            )],
            vec![],
            None,
        ),
        (vec![c("我局高度重视政府信息公开工作。")], vec![], None),
    ];
    for (preamble, overview, want) in cases {
        assert_eq!(
            year_in_words(&preamble, &overview),
            want,
            "{preamble:?} {overview:?}"
        );
    }
}

#[test]
fn site_chrome() {
    let chrome = [
        "当前位置：首页 > 政府信息公开 > 政府信息公开年报",
        "首页 政府信息公开 政府信息公开年报",
        "您现在的位置：信息公开",
        "版权所有 © 2026 南部县人民政府　蜀ICP备05001234号-1",
        "主办单位：南部县人民政府办公室　技术支持：县大数据中心",
        "Copyright 2026 www.example.gov.cn",
        "当前页面:",
        "首页 > 政府信息公开 > 2022年度政府信息公开工作年度报告",
        "> 乡镇信息公开年度报告",
        "＞ 政务公开",
    ];
    for p in chrome {
        assert!(is_site_chrome(p), "{p}");
    }
    let report = [
        "南部县人民政府2025年政府信息公开工作年度报告",
        "在门户网站首页开设政府信息公开专栏，全年更新信息336条。",
        "一、总体情况",
        "南部县人民政府办公室",
        "首页 凤阳县住房和城乡建设局2022年度政府信息公开工作年度报告",
    ];
    for p in report {
        assert!(!is_site_chrome(p), "{p}");
    }
}

#[test]
fn a_portals_publisher_is_no_title_but_is_kept() {
    let t = title_info(
        &[
            "发布机构 | 某县统计局 | 发布日期 | 2025-01-20 |".into(),
            "2024年政府信息公开工作年度报告".into(),
        ],
        None,
    );
    assert_eq!(
        (t.body.as_deref(), t.year, t.publisher.as_deref()),
        (None, Some(2024), Some("某县统计局"))
    );
}

proptest::proptest! {
    /// Whatever the preamble, the title's readers give an answer, never a panic.
    #[test]
    fn titles_in_sentences_never_panic(
        lines in proptest::collection::vec("[2０二〇05年度政府信息公开工作报告局镇公布编制，。,《》 a1]{0,40}", 0..4)
    ) {
        let preamble: Vec<Cow<str>> = lines.iter().map(|l| Cow::Borrowed(l.as_str())).collect();
        let t = title_info(&preamble, None);
        if let Some(year) = t.year {
            proptest::prop_assert!((2000..=2100).contains(&year));
        }
        let _ = year_in_words(&preamble, &preamble);
    }
}

#[test]
fn a_title_set_in_a_sentence() {
    for (preamble, want) in [
        (
            "根据《条例》规定，现公布区统计局2023年政府信息公开工作年度报告。本报告由六部分组成。",
            (Some("区统计局"), Some(2023)),
        ),
        (
            "根据《条例》要求，特编制湛江市人民政府地方志办公室2023年政府信息公开工作年度报告。",
            (Some("湛江市人民政府地方志办公室"), Some(2023)),
        ),
        (
            "杨林寨乡根据有关要求，特向社会公开2022年度杨林寨乡政府信息公开年度报告。",
            (Some("杨林寨乡人民政府"), Some(2022)),
        ),
        // The body speaking of itself names nobody; the year stands.
        (
            "根据《条例》规定，特向社会公布我局2023年政府信息公开工作年度报告。",
            (None, Some(2023)),
        ),
        // A notice about the reports is no title.
        (
            "按照《关于做好2016年政府信息公开年度报告编制公布工作的通知》要求，开展工作。",
            (None, None),
        ),
        // The report's name in 《》.
        (
            "根据《条例》要求，现发布《包头市市场监管局2022年政府信息公开工作年度报告》。",
            (Some("包头市市场监管局"), Some(2022)),
        ),
        // The name before the year, and a report titled 工作报告.
        (
            "根据《条例》要求，现公布中山市自然资源局政府信息公开工作2022年度报告。",
            (Some("中山市自然资源局"), Some(2022)),
        ),
        (
            "根据《条例》要求，现公布朝阳市自然资源局2025年度政府信息公开工作报告。",
            (Some("朝阳市自然资源局"), Some(2025)),
        ),
        // The body speaking of itself after the year names nobody either.
        (
            "特向社会公布2022年度我局政府信息公开工作年度报告。",
            (None, Some(2022)),
        ),
    ] {
        let t = title_info(&[preamble.into()], None);
        assert_eq!((t.body.as_deref(), t.year), want, "{preamble}");
    }
}

#[test]
fn who_compiled_the_report() {
    let c = |s: &'static str| vec![Cow::Borrowed(s)];
    for (preamble, want) in [
        (
            c("本年度报告由包头市人民政府外事办公室根据《中华人民共和国政府信息公开条例》编制。"),
            Some("包头市人民政府外事办公室"),
        ),
        (
            c("本报告由某县财政局编制，全文包括总体情况等六部分。"),
            Some("某县财政局"),
        ),
        // Parts, not a body.
        (
            c("本年度报告由总体情况、主动公开政府信息情况等部分组成，根据《条例》编制。"),
            None,
        ),
        (c("我局高度重视政府信息公开工作。"), None),
    ] {
        assert_eq!(compiled_by(&preamble).as_deref(), want, "{preamble:?}");
    }
}

#[test]
fn who_says_they_compiled_the_report() {
    let c = |s: &'static str| vec![Cow::Borrowed(s)];
    for (preamble, want) in [
        (
            c(
                "根据县政府办公室通知要求，黄龙县市场监督管理局结合单位实际，编制本单位2022年度政务公开工作年度报告。",
            ),
            Some("黄龙县市场监督管理局"),
        ),
        (
            c("官亭镇根据《条例》要求，编制本年度报告。"),
            Some("官亭镇人民政府"),
        ),
        (
            c(
                "根据《条例》要求，国家税务总局珠海市税务局向社会公布本单位2020年政府信息公开工作年度报告。",
            ),
            Some("国家税务总局珠海市税务局"),
        ),
        (
            c(
                "2024年，在区政府政务公开主管部门的引领下，某街道办事处严格依照区委、区政府的要求，稳步推进政务公开工作，现将本年度工作情况报告如下：",
            ),
            Some("某街道办事处"),
        ),
        // The body speaking of itself, and a sentence that names no report.
        (c("我局根据《条例》要求，编制本年度报告。"), None),
        (c("黄龙县市场监督管理局根据要求开展工作。"), None),
    ] {
        assert_eq!(speaker(&preamble).as_deref(), want, "{preamble:?}");
    }
}

#[test]
fn whose_name_the_opening_shortens() {
    for (paragraph, want) in [
        (
            "本报告依据《条例》要求，结合国家税务总局芜湖市镜湖区税务局（以下简称“镜湖区税务局”）政府信息公开工作有关统计数据撰写。",
            Some("国家税务总局芜湖市镜湖区税务局"),
        ),
        (
            "2022年，某县自然资源和规划局(以下简称县自然资源局)认真贯彻落实《条例》。",
            Some("某县自然资源和规划局"),
        ),
        (
            "2023年，富民镇（以下简称“我镇”）坚持以公开为常态。",
            Some("富民镇人民政府"),
        ),
        // The law's short name, a superior's, and a name that is no body's.
        (
            "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求编制。",
            None,
        ),
        (
            "在市政务服务数据管理局（以下简称“市数据局”）指导下开展工作。",
            None,
        ),
        ("本年度统计数据（以下简称“数据”）截至12月31日。", None),
    ] {
        assert_eq!(short_named([paragraph]).as_deref(), want, "{paragraph}");
    }
}

#[test]
fn whose_work_the_report_covers() {
    let c = |s: &'static str| vec![Cow::Borrowed(s)];
    for (preamble, want) in [
        (
            c("本报告涵盖了2022年麒麟区自然资源局政府信息公开工作，数据统计至年底。"),
            Some("麒麟区自然资源局"),
        ),
        (
            c("现将2023年度凫城镇政府信息公开工作情况报告如下："),
            Some("凫城镇人民政府"),
        ),
        (c("现将2023年我局政府信息公开工作情况报告如下："), None),
        (c("2023年政府信息公开工作情况如下："), None),
        (
            c("根据《关于做好2022年度某市政府信息公开工作年度报告的通知》要求编制。"),
            None,
        ),
    ] {
        assert_eq!(whose_work(&preamble).as_deref(), want, "{preamble:?}");
    }
}

#[test]
fn titles_with_a_portals_tag_or_titled_work_report() {
    for (line, want) in [
        (
            "【图文】嘉兴市市场监督管理局2022年度政府信息公开工作年度报告",
            (Some("嘉兴市市场监督管理局"), Some(2022)),
        ),
        (
            "自然资源部2024年政府信息公开工作报告",
            (Some("自然资源部"), Some(2024)),
        ),
        (
            "首页 凤阳县住房和城乡建设局2022年度政府信息公开工作年度报告",
            (Some("凤阳县住房和城乡建设局"), Some(2022)),
        ),
        (
            "巨鹿县官亭镇人民政府 2025 年政府信息公开工作年度报告",
            (Some("巨鹿县官亭镇人民政府"), Some(2025)),
        ),
        (
            "[转载]巨鹿县教育局2025年政府信息公开工作年度报告",
            (Some("巨鹿县教育局"), Some(2025)),
        ),
    ] {
        let t = title_info(&[line.into()], None);
        assert_eq!((t.body.as_deref(), t.year), want, "{line}");
    }
    // A bracket too long for a tag is the title's own.
    let long = "【关于政府信息公开的说明】报告";
    assert_eq!(without_tag(long), long);
}

#[test]
fn a_place_is_completed_to_its_government() {
    for (name, body) in [
        ("凫城镇", "凫城镇人民政府"),
        ("正蓝旗扎格斯台苏木", "正蓝旗扎格斯台苏木人民政府"),
        ("某县", "某县人民政府"),
        ("浦东新区", "浦东新区人民政府"),
        ("城关街道", "城关街道办事处"),
        ("东风路街办", "东风路街道办事处"),
        ("葫芦岛高新技术产业开发区", "葫芦岛高新技术产业开发区"),
        ("苏州工业园区", "苏州工业园区"),
        ("东湖社区", "东湖社区"),
        ("临城县财政局", "临城县财政局"),
    ] {
        assert_eq!(complete_body(name), body);
    }
}

#[test]
fn titles() {
    // (the lines before section 一, the page's <title>, the body and year read)
    let cases: [(&[&str], Option<&str>, &str, i32); 8] = [
        (
            &["山亭区凫城镇2025年政府信息公开", "工作年度报告"],
            None,
            "山亭区凫城镇人民政府",
            2025,
        ),
        // Wrapped after 政府, which ends a body's name too.
        (
            &["西咸新区某街道办事处2024年度政府", "信息公开工作年度报告"],
            None,
            "西咸新区某街道办事处",
            2024,
        ),
        (
            &["巨鹿县官亭镇人民政府", "2025 年政府信息公开工作年度报告"],
            None,
            "巨鹿县官亭镇人民政府",
            2025,
        ),
        (
            &["临城县财政局关于2025年度政府信息公开工作的年度报告"],
            None,
            "临城县财政局",
            2025,
        ),
        (
            &[],
            Some("2019年上海市人民政府办公厅政府信息公开工作年度报告"),
            "上海市人民政府办公厅",
            2019,
        ),
        (
            &["北京市朝阳区教育委员会二〇二四年度政府信息公开工作年度报告"],
            None,
            "北京市朝阳区教育委员会",
            2024,
        ),
        // The place on a line of its own above the year is the body.
        (
            &["山亭区凫城镇", "2025年政府信息公开工作年度报告"],
            None,
            "山亭区凫城镇人民政府",
            2025,
        ),
        // A portal's toolbar above the title is no part of the body's name.
        (
            &[
                "关怀版 无障碍 无障碍",
                "信丰县卫生健康委2023年政府信息公开工作",
                "年度报告",
            ],
            None,
            "信丰县卫生健康委",
            2023,
        ),
    ];
    let read = |lines: &[&str], doc_title: Option<&str>| {
        let preamble: Vec<Cow<str>> = lines.iter().map(|&l| l.into()).collect();
        let t = title_info(&preamble, doc_title);
        (t.body, t.year)
    };
    for (lines, doc_title, body, year) in cases {
        assert_eq!(
            read(lines, doc_title),
            (Some(body.to_string()), Some(year)),
            "{lines:?}"
        );
    }
    // A report published as an attachment: the mark above the title is no part of it.
    for mark in ["附件", "附件2", "附件三：", "附件 1"] {
        assert_eq!(
            read(&[mark, "巨鹿县教育局2025年政府信息公开工作年度报告"], None),
            (Some("巨鹿县教育局".to_string()), Some(2025)),
            "{mark}"
        );
    }
    assert!(!is_attachment_mark("附件材料已公开"));
    for above in ["繁體 | 简体 | English", "访问量："] {
        let lines = [above, "信丰县卫生健康委2023年政府信息公开工作", "年度报告"];
        assert_eq!(
            read(&lines, None),
            (Some("信丰县卫生健康委".to_string()), Some(2023)),
            "{above}"
        );
    }
}

#[test]
fn organisations() {
    for (line, want) in [
        ("山亭区凫城镇人民政府", true),
        ("巨鹿县教育局", true),
        ("2025年政府信息公开工作年度报告", false),
        ("一、总体情况", false),
    ] {
        assert_eq!(org_line(line), want, "{line}");
    }
}
