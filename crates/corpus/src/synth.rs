//! A realistic report whose tables reconcile and whose narrative agrees with them.

use report::model::{Format, Num, Report, Row, RowKey, Table2, Table2Trial, Table3, Table4};

use crate::narrative;
use crate::rng::Rng;

pub struct Generated {
    pub report: Report,
}

const COUNTIES: [&str; 12] = [
    "山亭区",
    "巨鹿县",
    "临城县",
    "凤阳县",
    "长丰县",
    "余杭区",
    "武进区",
    "南部县",
    "梅县区",
    "宁乡市",
    "宾川县",
    "达拉特旗",
];
const TOWNS: [&str; 10] = [
    "凫城镇",
    "官亭镇",
    "城关镇",
    "新桥乡",
    "河口镇",
    "白马镇",
    "红星街道",
    "东关街道",
    "石桥乡",
    "龙泉镇",
];
const DEPTS: [&str; 10] = [
    "人力资源和社会保障局",
    "自然资源局",
    "住房和城乡建设局",
    "市场监督管理局",
    "教育局",
    "卫生健康委员会",
    "生态环境局",
    "交通运输局",
    "财政局",
    "农业农村局",
];

fn body(rng: &mut Rng) -> String {
    let county = rng.pick(&COUNTIES).to_string();
    match rng.below(3) {
        0 => {
            let town = *rng.pick(&TOWNS);
            if let Some(street) = town.strip_suffix("街道") {
                format!("{county}{street}街道办事处")
            } else {
                format!("{county}{town}人民政府")
            }
        }
        1 => format!("{county}{}", rng.pick(&DEPTS)),
        _ => format!("{county}人民政府办公室"),
    }
}

fn n(v: u32) -> Option<Num> {
    Some(Num::from_count(v))
}

fn table2(rng: &mut Rng) -> Table2 {
    let issued = rng.count(3);
    let repealed = rng.below(issued + 2);
    let cents = if rng.chance(70) {
        0
    } else {
        rng.below(500_000)
    };
    Table2 {
        rules_issued: n(rng.count(1).min(2)),
        rules_repealed: n(0),
        rules_in_force: n(rng.count(2)),
        normative_issued: n(issued),
        normative_repealed: n(repealed),
        normative_in_force: n(issued + rng.count(20)),
        licensing: n(rng.count(300)),
        penalty: n(rng.count(80)),
        enforcement: n(rng.count(10)),
        fees_wan_yuan: Num::new(f64::from(cents) / 100.0),
    }
}

/// Column by column, so that every identity of table 三 holds.
fn table3(rng: &mut Rng) -> Table3 {
    let mut rows: Vec<Row> = vec![[None; 7]; 25];
    let scales = [40, 8, 1, 1, 2, 2];
    for (col, scale) in scales.into_iter().enumerate() {
        let active = col == 0 || rng.chance(45);
        let new = if active { rng.count(scale) } else { 0 };
        let carried = if active && rng.chance(40) {
            rng.below(new / 4 + 2)
        } else {
            0
        };
        let handled = new + carried;
        let forward = if handled > 0 && rng.chance(40) {
            rng.below(handled / 5 + 2).min(handled)
        } else {
            0
        };
        let processed = handled - forward;
        let outcomes = rng.split(processed, 21);
        let mut set = |key: RowKey, v: u32| rows[key.index()][col] = n(v);
        set(RowKey::New, new);
        set(RowKey::CarriedOver, carried);
        set(RowKey::TotalProcessed, processed);
        set(RowKey::CarriedForward, forward);
        for (key, v) in RowKey::outcomes().zip(outcomes) {
            set(key, v);
        }
    }
    let mut t = Table3::default();
    for key in RowKey::ALL {
        let mut row = rows[key.index()];
        let total: f64 = row.iter().take(6).flatten().map(|c| c.value()).sum();
        row[6] = Num::new(total);
        t.set_row(key, Some(row));
    }
    t
}

fn table4(rng: &mut Rng) -> Table4 {
    let mut cells = [None; 15];
    for g in 0..3 {
        let parts: Vec<u32> = (0..4)
            .map(|_| if rng.chance(70) { 0 } else { rng.below(4) })
            .collect();
        for (i, p) in parts.iter().enumerate() {
            cells[g * 5 + i] = n(*p);
        }
        cells[g * 5 + 4] = n(parts.iter().sum());
    }
    Table4(cells)
}

/// One report for `year`, everything drawn from `rng`.
pub fn generate(rng: &mut Rng, year: i32) -> Generated {
    let mut report = Report {
        body: Some(body(rng)),
        year: Some(year),
        format: Format::F2021,
        published: Some(format!("{}-01-{:02}", year + 1, 10 + rng.below(20))),
        table2: table2(rng),
        table3: table3(rng),
        table4: table4(rng),
        ..Report::default()
    };
    report.sections = narrative::sections(rng, &report);
    Generated { report }
}

fn table2_trial(rng: &mut Rng) -> Table2Trial {
    let made = rng.count(5);
    let normative = rng.count(20);
    Table2Trial {
        rules_new_made: n(made),
        rules_new_published: n(made),
        rules_total_published: n(made + rng.count(100)),
        normative_new_made: n(normative),
        normative_new_published: n(normative),
        normative_total_published: n(normative + rng.count(200)),
        licensing_prev_year_items: n(rng.count(30)),
        licensing_change: n(rng.count(3)),
        licensing_decisions: n(rng.count(300)),
        other_external_services_prev_year_items: n(rng.count(10)),
        other_external_services_change: n(0),
        other_external_services_decisions: n(rng.count(50)),
        penalty_prev_year_items: n(rng.count(40)),
        penalty_change: n(rng.count(2)),
        penalty_decisions: n(rng.count(80)),
        enforcement_prev_year_items: n(rng.count(5)),
        enforcement_change: n(0),
        enforcement_decisions: n(rng.count(10)),
        fees_prev_year_items: n(rng.count(3)),
        fees_change: n(0),
        procurement_items: n(rng.count(10)),
        procurement_amount: Some(format!("{}元", 1000 * (1 + rng.below(900)))),
    }
}

/// One report in the 2019 trial format: the old table 二, and （六）其他处理 as a single row.
pub fn generate_trial(rng: &mut Rng, year: i32) -> Generated {
    let mut g = generate(rng, year);
    let r = &mut g.report;
    r.format = Format::Trial2019;
    r.table2 = Table2::default();
    r.table2_2019 = Some(table2_trial(rng));
    let mut single: Row = [n(0); 7];
    for key in [
        RowKey::OtherNoCorrection,
        RowKey::OtherNoFee,
        RowKey::OtherOther,
    ] {
        if let Some(row) = r.table3.row(key).copied() {
            for (acc, c) in single.iter_mut().zip(row) {
                *acc = Num::new(acc.map_or(0.0, Num::value) + c.map_or(0.0, Num::value));
            }
        }
        r.table3.set_row(key, None);
    }
    r.table3.other_single_2019 = Some(single);
    g
}
