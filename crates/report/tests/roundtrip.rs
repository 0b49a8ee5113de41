//! Render → parse gives back the same tables, for every renderer (property test over generated
//! reports, blank cells included).

use proptest::prelude::*;
use report::model::{Cell, Num, Report, Row, RowKey, Sections, Table2, Table3, Table4};
use report::{parse, render};

fn cell() -> impl Strategy<Value = Cell> {
    prop_oneof![
        3 => Just(Some(Num::from_count(0))),
        4 => (0u32..200).prop_map(|v| Some(Num::from_count(v))),
        1 => (0u32..2_000_000).prop_map(|v| Some(Num::from_count(v))),
        1 => Just(None),
    ]
}

fn fee() -> impl Strategy<Value = Cell> {
    prop_oneof![
        Just(None),
        (0u32..10_000_000).prop_map(|c| Num::new(f64::from(c) / 100.0))
    ]
}

fn row() -> impl Strategy<Value = Row> {
    proptest::array::uniform7(cell())
}

const BODIES: [&str; 5] = [
    "山亭区凫城镇人民政府",
    "巨鹿县官亭镇人民政府",
    "上海市人民政府办公厅",
    "余杭区自然资源局",
    "东关街道办事处",
];

prop_compose! {
    fn report()(
        body in 0..BODIES.len(),
        year in 2020i32..2031,
        t2 in proptest::array::uniform9(cell()),
        fees in fee(),
        rows in proptest::collection::vec(row(), 25),
        t4 in proptest::array::uniform15(cell()),
    ) -> Report {
        let [a, b, c, d, e, f, g, h, i] = t2;
        let mut table3 = Table3::default();
        for (key, r) in RowKey::ALL.into_iter().zip(rows) {
            table3.set_row(key, Some(r));
        }
        Report {
            body: Some(BODIES[body].to_string()),
            year: Some(year),
            table2: Table2::from_cells([a, b, c, d, e, f, g, h, i, fees]),
            table3,
            table4: Table4(t4),
            sections: Sections {
                overview: Some(format!("{year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。\n（一）主动公开\n全年主动公开政府信息。")),
                proactive: Some(String::new()),
                requests: Some(String::new()),
                appeals: Some(String::new()),
                problems: Some("（一）上年度问题整改情况\n已全部整改到位。".into()),
                other: Some("本年度未收取信息处理费。".into()),
            },
            ..Report::default()
        }
    }
}

fn assert_same(want: &Report, bytes: &[u8], what: &str) -> Result<(), TestCaseError> {
    let got = parse::parse(bytes)
        .map_err(|e| TestCaseError::fail(format!("{what}: {e}")))?
        .report;
    prop_assert_eq!(&got.body, &want.body, "{} body", what);
    prop_assert_eq!(got.year, want.year, "{} year", what);
    prop_assert_eq!(&got.table2, &want.table2, "{} table 二", what);
    for key in RowKey::ALL {
        prop_assert_eq!(
            got.table3.row(key),
            want.table3.row(key),
            "{} table 三 {}",
            what,
            key.key()
        );
    }
    prop_assert_eq!(&got.table4, &want.table4, "{} table 四", what);
    prop_assert_eq!(&got.sections, &want.sections, "{} sections", what);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn markdown_round_trips(r in report()) {
        assert_same(&r, render::markdown(&r).as_bytes(), "markdown")?;
    }

    #[test]
    fn html_round_trips(r in report()) {
        assert_same(&r, render::html(&r).as_bytes(), "html")?;
    }

    #[test]
    fn json_round_trips(r in report()) {
        assert_same(&r, render::json(&r).as_bytes(), "json")?;
    }

    #[test]
    fn docx_round_trips(r in report()) {
        let bytes = render::docx(&r).map_err(|e| TestCaseError::fail(e.to_string()))?;
        assert_same(&r, &bytes, "docx")?;
    }
}
