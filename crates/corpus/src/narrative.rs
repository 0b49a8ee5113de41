//! The six sections' prose, drawn from phrasings real reports use, quoting the tables right.

use report::model::{Column, Report, RowKey, Sections};

use crate::rng::Rng;

const OPENINGS: [&str; 4] = [
    "{year}年，{short}在上级党委、政府的坚强领导下，深入贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，着力提升政务公开质量。",
    "{year}年，{short}坚持以人民为中心的发展思想，围绕中心工作，扎实推进决策、执行、管理、服务、结果公开，切实保障人民群众的知情权、参与权、表达权和监督权。",
    "{year}年，{short}严格按照省、市、县关于政务公开工作的部署要求，健全制度机制，规范公开流程，拓宽公开渠道，政务公开工作取得新成效。",
    "{year}年，{short}以《条例》为遵循，聚焦群众关切，持续深化政务公开标准化规范化建设，以公开促落实、强监管、优服务。",
];

const PROACTIVE: [&str; 3] = [
    "全年通过政府门户网站主动公开各类政府信息{items}条，及时发布政策文件、工作动态、财政预决算等信息。",
    "持续加强主动公开，全年公开政府信息{items}条，其中政策解读{interp}篇，回应社会关切{resp}次。",
    "围绕重点领域信息公开，全年更新信息{items}条，权责清单、财政资金、民生项目等信息均按要求公开。",
];

const MANAGEMENT: [&str; 3] = [
    "严格落实政府信息公开保密审查制度，坚持“先审查、后公开”和“一事一审”原则，全年未发生泄密事件。",
    "动态更新政府信息公开指南和目录，规范信息发布、审核、撤回流程，确保信息准确规范。",
    "完善政府信息管理制度，对现行有效的行政规范性文件进行清理，及时公开清理结果。",
];

const PLATFORM: [&str; 3] = [
    "依托政府门户网站政府信息公开专栏，规范栏目设置，做好政务新媒体运维管理，在政务服务大厅设置政务公开专区，方便群众查阅。",
    "强化政府网站和政务新媒体建设，加强内容保障和安全防护，推动线上线下公开渠道融合。",
    "持续规范政府信息公开平台建设，优化栏目设置，提升信息检索和查阅的便利性。",
];

const SUPERVISION: [&str; 3] = [
    "成立政务公开工作领导小组，明确专人负责，将政务公开工作纳入年度绩效考核，开展业务培训{train}次。",
    "健全工作机制，压实工作责任，定期开展自查自纠，对发现的问题及时整改。",
    "加强监督考核，组织开展政务公开业务培训，培训干部{train}人次，提升工作人员业务能力。",
];

const PROBLEMS_NOW: [&str; 3] = [
    "一是公开内容的深度和广度有待加强，政策解读形式较为单一；二是工作人员多为兼职，业务能力有待提高。",
    "一是基层政务公开标准化规范化水平仍需提升；二是回应社会关切的及时性有待加强。",
    "一是部分信息更新不够及时；二是线下公开渠道覆盖面不够广。",
];

const MEASURES: [&str; 3] = [
    "下一步，将加强业务培训，丰富解读形式，提升公开质量和实效。",
    "下一步，将健全信息发布协调机制，明确时限要求，加大重点领域信息公开力度。",
    "下一步，将拓宽公开渠道，推进政务公开向基层延伸，更好满足群众信息需求。",
];

const RECTIFIED: [&str; 3] = [
    "针对{prev}年度报告中指出的信息更新不及时问题，已建立信息发布台账，明确更新时限，整改到位。",
    "{prev}年问题整改情况：针对政策解读形式单一的问题，已通过图解、视频等方式丰富解读形式，问题已整改完成。",
    "对{prev}年存在的公开渠道单一问题，已在各村设置公开栏，拓宽公开渠道，整改取得实效。",
];

/// How section 四 says there were no appeals at all.
pub const NO_APPEALS: &str = "全年未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。";

fn fill(template: &str, vars: &[(&str, String)]) -> String {
    let mut s = template.to_string();
    for (k, v) in vars {
        s = s.replace(&format!("{{{k}}}"), v);
    }
    s
}

fn total(r: &Report, key: RowKey) -> u32 {
    r.table3
        .cell(key, Column::Total)
        .map_or(0, |n| n.value() as u32)
}

pub fn sections(rng: &mut Rng, r: &Report) -> Sections {
    let year = r.year.unwrap_or(2025);
    let body = r.body.clone().unwrap_or_default();
    let short = if body.ends_with("人民政府") {
        "我镇".to_string()
    } else {
        "我单位".to_string()
    };
    let vars = [
        ("year", year.to_string()),
        ("prev", (year - 1).to_string()),
        ("short", short),
        ("items", (20 + rng.below(400)).to_string()),
        ("interp", rng.below(30).to_string()),
        ("resp", rng.below(20).to_string()),
        ("train", (1 + rng.below(6)).to_string()),
    ];
    let pick = |rng: &mut Rng, pool: &[&str]| {
        let template: &str = rng.pick::<&str>(pool);
        fill(template, &vars)
    };
    let new = total(r, RowKey::New);
    let carried = total(r, RowKey::CarriedOver);
    let review = r.table4.0[4].map_or(0, |n| n.value() as u32);
    // A body that had none says so in words as often as with a 0.
    let mut requests = if new == 0 && rng.chance(50) {
        "本年度未收到政府信息公开申请".to_string()
    } else {
        format!("全年共收到政府信息公开申请{new}件")
    };
    if carried > 0 {
        requests.push_str(&format!("，上年结转{carried}件"));
    }
    requests.push_str("，均在法定期限内答复。");
    let overview = [
        pick(rng, &OPENINGS),
        format!("（一）主动公开\n{}", pick(rng, &PROACTIVE)),
        format!("（二）依申请公开\n严格规范依申请公开办理流程，{requests}"),
        format!("（三）政府信息管理\n{}", pick(rng, &MANAGEMENT)),
        format!("（四）平台建设\n{}", pick(rng, &PLATFORM)),
        format!("（五）监督保障\n{}", pick(rng, &SUPERVISION)),
    ]
    .join("\n");
    let appeals = if r.table4.0.iter().flatten().all(|n| n.value() == 0.0) && rng.chance(50) {
        NO_APPEALS.to_string()
    } else {
        format!("全年因政府信息公开工作被申请行政复议{review}件。")
    };
    let problems = [
        format!("（一）{}年问题整改情况", year - 1),
        pick(rng, &RECTIFIED),
        format!("（二){year}年存在的主要问题及改进措施"),
        pick(rng, &PROBLEMS_NOW),
        pick(rng, &MEASURES),
    ]
    .join("\n");
    let fee = if rng.chance(80) {
        format!("（一）收取信息处理费情况\n{year}年度，本单位未收取政府信息公开信息处理费。")
    } else {
        format!(
            "（一）收取信息处理费情况\n{year}年度，本单位发出收费通知{}件，收取信息处理费{}元。",
            1 + rng.below(3),
            100 * (1 + rng.below(5))
        )
    };
    let other = [
        fee,
        "（二）落实上级年度政务公开工作要点情况".to_string(),
        "对照年度政务公开工作要点逐项抓好落实，各项任务均已完成。".to_string(),
        "（三）人大代表建议和政协提案办理结果公开情况".to_string(),
        format!("{year}年，本单位未承办人大代表建议和政协提案。"),
    ]
    .join("\n");
    Sections {
        overview: Some(overview),
        proactive: Some(String::new()),
        requests: Some(String::new()),
        appeals: Some(appeals),
        problems: Some(problems),
        other: Some(other),
    }
}
