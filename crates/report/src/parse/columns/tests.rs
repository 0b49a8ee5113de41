//! The columns found and the blanks marked on made-up pages.
use super::*;

const SIZE: f64 = 10.0;

/// A line at `y` of texts starting at their `x`.
fn line(y: f64, texts: &[(f64, &str)]) -> Vec<Glyph> {
    let mut out = Vec::new();
    for &(x, text) in texts {
        let mut x = x;
        for c in text.chars() {
            out.push(Glyph {
                x,
                y,
                size: SIZE,
                c,
            });
            x += if c.is_ascii() { SIZE / 2.0 } else { SIZE };
        }
    }
    out
}

/// `text` placed with its middle at `middle`.
fn centred(middle: f64, text: &str) -> (f64, &str) {
    let width: f64 = text
        .chars()
        .map(|c| if c.is_ascii() { SIZE / 2.0 } else { SIZE })
        .sum();
    (middle - width / 2.0, text)
}

/// A row: its label at the left, its figures centred where given.
fn row(y: f64, label: &str, figures: &[(f64, &str)]) -> Vec<Glyph> {
    let mut texts = vec![(0.0, label)];
    texts.extend(figures.iter().map(|&(m, f)| centred(m, f)));
    line(y, &texts)
}

fn text(line: &[Glyph]) -> String {
    runs(line)
        .iter()
        .map(|r| r.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

const MIDDLES: [f64; 7] = [300.0, 360.0, 420.0, 480.0, 540.0, 600.0, 660.0];

fn header() -> Vec<Vec<Glyph>> {
    // 社会公益组织 and 法律服务机构 wrapped in their cells; 自然人 set in radicals.
    let words = [
        "⾃然⼈",
        "商业企业",
        "科研机构",
        "社会公益",
        "法律服务",
        "其他",
        "总计",
    ];
    let first: Vec<(f64, &str)> = MIDDLES
        .iter()
        .zip(words)
        .map(|(&m, w)| centred(m, w))
        .collect();
    vec![
        line(10.0, &first),
        line(25.0, &[centred(480.0, "组织"), centred(540.0, "机构")]),
    ]
}

#[test]
fn figures_under_their_headers_get_blank_marks_between_them() {
    let mut lines = header();
    lines.push(row(
        40.0,
        "一、本年新收政府信息公开申请数量",
        &[
            (300.0, "821"),
            (360.0, "35"),
            (540.0, "2"),
            (600.0, "1"),
            (660.0, "859"),
        ],
    ));
    // A figure between two columns: its row is left as it was.
    lines.push(row(55.0, "（一）予以公开", &[(330.0, "5")]));
    lines.push(row(
        70.0,
        "四、结转下年度继续办理",
        &[(300.0, "3"), (660.0, "3")],
    ));
    let mut columns = None;
    assert_eq!(mark_blanks(&mut lines, &mut columns), 2);
    assert_eq!(
        text(&lines[2]),
        "一、本年新收政府信息公开申请数量 821 35 — — 2 1 859"
    );
    assert_eq!(text(&lines[3]), "（一）予以公开 5");
    assert_eq!(text(&lines[4]), "四、结转下年度继续办理 3 — — — — — 3");
    // The table ended: the next page has no columns to go by.
    assert!(columns.is_none());
}

#[test]
fn columns_carry_over_a_page_break_and_left_set_figures_count() {
    let mut page = header();
    page.push(row(
        40.0,
        "一、本年新收政府信息公开申请数量",
        &[(300.0, "1"), (660.0, "1")],
    ));
    let mut columns = None;
    assert_eq!(mark_blanks(&mut page, &mut columns), 1);
    assert!(columns.is_some());
    let mut next = vec![row(10.0, "（七）总计", &[(300.0, "1"), (660.0, "1")])];
    assert_eq!(mark_blanks(&mut next, &mut columns), 1);
    assert_eq!(text(&next[0]), "（七）总计 1 — — — — — 1");

    // Headers and figures set at their cells' left ends.
    let starts: Vec<(f64, &str)> = MIDDLES
        .iter()
        .zip([
            "自然人",
            "商业企业",
            "科研机构",
            "社会公益",
            "法律服务",
            "其他",
            "总计",
        ])
        .map(|(&m, w)| (m - 25.0, w))
        .collect();
    let mut lines = vec![
        line(10.0, &starts),
        line(
            25.0,
            &[
                (0.0, "一、本年新收政府信息公开申请数量"),
                (275.0, "12"),
                (335.0, "3"),
                (635.0, "15"),
            ],
        ),
    ];
    assert_eq!(mark_blanks(&mut lines, &mut None), 1);
    assert_eq!(
        text(&lines[1]),
        "一、本年新收政府信息公开申请数量 12 3 — — — — 15"
    );
}

#[test]
fn table4_blanks_are_marked_by_its_fifteen_headers() {
    let results = Table4::RESULTS;
    let heads: Vec<(f64, &str)> = (0..15)
        .map(|i| centred(100.0 + 60.0 * i as f64, results[i % 5]))
        .collect();
    let mut lines = vec![
        line(10.0, &[(100.0, "行政复议"), (400.0, "行政诉讼")]),
        line(25.0, &heads),
        line(
            40.0,
            &[
                centred(100.0, "5"),
                centred(280.0, "2"),
                centred(340.0, "7"),
            ],
        ),
    ];
    assert_eq!(mark_blanks(&mut lines, &mut None), 1);
    assert_eq!(text(&lines[2]), "5 — — 2 7 — — — — — — — — — —");
}

#[test]
fn blank_rows_stand_alone_and_figures_between_label_lines_join_the_first() {
    let mut lines = header();
    lines.push(row(
        40.0,
        "一、本年新收政府信息公开申请数量",
        &[(300.0, "2"), (660.0, "2")],
    ));
    // A row left all blank (a web page's blank cells print a no-break space).
    lines.push(row(
        55.0,
        "4.保护第三方合法权益",
        &[(300.0, "\u{a0}"), (480.0, "\u{a0}")],
    ));
    // A wrapped label with its figures set between its two lines.
    lines.push(row(70.0, "3.补正后申请内容仍不明", &[]));
    lines.push(row(77.0, "", &[(300.0, "2"), (660.0, "2")]));
    lines.push(line(84.0, &[(80.0, "确")]));
    // A blank row just above another row's figures.
    lines.push(row(99.0, "7.属于行政执法案卷", &[]));
    lines.push(row(
        114.0,
        "8.属于行政查询事项",
        &[(300.0, "1"), (660.0, "1")],
    ));
    // A label of three lines, its figures beside the second, whose words name another row.
    lines.push(row(129.0, "2.申请人逾期未按收费通知要求缴", &[]));
    lines.push(line(136.0, &[(0.0, "他处理")]));
    lines.push(row(
        144.0,
        "纳费用、行政机关不再处理其政府",
        &[(300.0, "3"), (660.0, "3")],
    ));
    lines.push(line(159.0, &[(80.0, "信息公开申请")]));
    assert_eq!(mark_blanks(&mut lines, &mut None), 6);
    assert_eq!(text(&lines[3]), "4.保护第三方合法权益 — — — — — — —");
    assert_eq!(text(&lines[4]), "3.补正后申请内容仍不明 2 — — — — — 2");
    assert!(lines[5].is_empty());
    assert_eq!(text(&lines[6]), "确");
    assert_eq!(text(&lines[7]), "7.属于行政执法案卷 — — — — — — —");
    assert_eq!(text(&lines[8]), "8.属于行政查询事项 1 — — — — — 1");
    assert_eq!(text(&lines[9]), "2.申请人逾期未按收费通知要求缴");
    assert_eq!(
        text(&lines[11]),
        "纳费用、行政机关不再处理其政府 3 — — — — — 3"
    );
}

proptest::proptest! {
    /// Any page, however its glyphs are strewn, is marked without a panic and keeps its lines.
    #[test]
    fn any_page_is_marked_without_a_panic(
        page in proptest::collection::vec(
            proptest::collection::vec(
                (-1e3f64..1e4, 0.1f64..50.0, proptest::sample::select(vec![
                    '自', '然', '人', '商', '业', '企', '其', '他', '总', '计', '结', '果', '维',
                    '持', '本', '年', '新', '收', '行', '政', '复', '议', '诉', '讼', '0', '7', '—',
                ])),
                0..12,
            ),
            0..24,
        ),
        carried in proptest::bool::ANY,
    ) {
        let mut lines: Vec<Vec<Glyph>> = page
            .iter()
            .enumerate()
            .map(|(i, glyphs)| {
                glyphs.iter().map(|&(x, size, c)| Glyph { x, y: i as f64 * 12.0, size, c }).collect()
            })
            .collect();
        let count = lines.len();
        let mut columns = carried.then_some([Col { start: 0.0, middle: 5.0, end: 10.0 }; 7]);
        mark_blanks(&mut lines, &mut columns);
        proptest::prop_assert_eq!(lines.len(), count);
    }
}

#[test]
fn table2_blanks_are_marked_under_the_header_of_its_rows_of_three() {
    let names = ["本年制发件", "本年废止件", "现行有效件"];
    let mut header: Vec<(f64, &str)> = vec![(0.0, "信息内容")];
    header.extend(
        [200.0, 300.0, 400.0]
            .iter()
            .zip(names)
            .map(|(&m, w)| centred(m, w)),
    );
    let mut lines = vec![
        line(10.0, &header),
        // The header's cells wrapped: `数` of each on a line of its own.
        line(
            25.0,
            &[
                centred(200.0, "数"),
                centred(300.0, "数"),
                centred(400.0, "数"),
            ],
        ),
        row(40.0, "规章", &[]),
        row(55.0, "行政规范性文件", &[(300.0, "2"), (400.0, "15")]),
        line(70.0, &[(150.0, "第二十条第（五）项")]),
        line(
            85.0,
            &[(0.0, "信息内容"), centred(300.0, "本年处理决定数量")],
        ),
        row(100.0, "行政许可", &[(300.0, "4")]),
    ];
    assert_eq!(mark_blanks(&mut lines, &mut None), 1);
    assert_eq!(text(&lines[3]), "行政规范性文件 — 2 15");
    // A row left all blank, and a row of one figure, stay as they are.
    assert_eq!(text(&lines[2]), "规章");
    assert_eq!(text(&lines[6]), "行政许可 4");
}

/// A row left blank whose long label wraps over three lines, its first line naming no row by
/// itself, is a blank row; the next row's wrapped label carries on below its first line and is
/// no row of its own, though its words (`缴纳费用`) name one.
#[test]
fn a_blank_row_with_a_wrapped_label_is_marked_once() {
    let mut lines = header();
    lines.push(row(
        30.0,
        "一、本年新收政府信息公开申请数量",
        &[(300.0, "3"), (660.0, "3")],
    ));
    lines.push(row(40.0, "5.要求行政机关确认或重新", &[(660.0, "1")]));
    lines.push(row(55.0, "1.申请人无正当理", &[]));
    lines.push(row(70.0, "由逾期不补正、行政机关", &[]));
    lines.push(row(85.0, "2.申请人逾期未按收费通知", &[]));
    lines.push(row(100.0, "要求缴纳费用、行政机关不", &[]));
    lines.push(row(115.0, "3.其他", &[(300.0, "2"), (660.0, "2")]));
    let mut columns = None;
    mark_blanks(&mut lines, &mut columns);
    let marks = |i: usize| text(&lines[i]).matches('—').count();
    assert_eq!(marks(4), 7, "{}", text(&lines[4]));
    assert_eq!(marks(5), 0, "{}", text(&lines[5]));
    assert_eq!(marks(6), 7, "{}", text(&lines[6]));
    assert_eq!(marks(7), 0, "{}", text(&lines[7]));
    assert_eq!(text(&lines[8]), "3.其他 2 — — — — — 2");
}
