//! A realistic report whose tables reconcile and whose narrative agrees with them.

use report::model::{Format, Num, Report, Row, RowKey, Table2, Table3, Table4};

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
