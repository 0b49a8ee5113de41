//! `--demo`: a county with three townships and a department, staff in every role, and a year of
//! applications in every state and outcome, so a newcomer can click through a living system.
//! Deterministic (a fixed seed) apart from the passwords, which are random and printed.

use calendar::{Calendar, Date, WorkingDays};
use cases::clock::PauseKind;
use cases::{Action, ApplicantKind, Case, Channel, Fee, Outcome, RawApplication, Role, State};
use report::model::RowKey;
use storage::{AgencyId, NewCase, NewUser, Private, Store, UserId};

use crate::auth::hash_password;
use crate::error::WebError;
use crate::service::{due_of, tracking_code};

/// A staff account made for the demo, with its password in clear (printed once, on start).
#[derive(Clone, Debug)]
pub struct Account {
    pub login: String,
    pub password: String,
    pub role: Role,
    pub agency: String,
}

/// A small deterministic generator (xorshift64*): the demo is the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "孙", "马",
];
const GIVEN: &[&str] = &[
    "建国", "秀英", "伟", "芳", "娜", "敏", "静", "磊", "洋", "强", "军", "丽",
];
const COMPANIES: &[&str] = &[
    "山亭宏达建材有限公司",
    "枣庄鲁信律师事务所",
    "山东农科研究院",
    "乡村振兴公益促进会",
    "凫城供销合作社",
];
const REQUESTS: &[&str] = &[
    "2025年本镇农村公路养护资金的使用明细",
    "某村土地征收补偿安置方案及批复文件",
    "本镇2025年度财政预算执行情况",
    "辖区内养殖场环境影响评价审批文件",
    "城乡居民基本医疗保险补助资金发放名单",
    "本镇危房改造项目的招投标文件",
    "村集体经济组织收益分配方案",
    "防汛应急预案（2025年修订版）",
];

fn id_number(rng: &mut Rng, credit: bool) -> (cases::DocKind, String) {
    use cases::{DocKind, IdDocument};
    let (kind, body) = if credit {
        (
            DocKind::CreditCode,
            format!("91370406MA{:07}", rng.below(10_000_000)),
        )
    } else {
        let birth = 1950 + rng.below(55);
        (
            DocKind::ResidentId,
            format!(
                "370406{birth}{:02}{:02}{:03}",
                1 + rng.below(12),
                1 + rng.below(28),
                rng.below(1000)
            ),
        )
    };
    // The check character is whichever one the parser accepts.
    let alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXYX";
    for c in alphabet.chars() {
        let n = format!("{body}{c}");
        if IdDocument::parse(kind, &n).is_ok() {
            return (kind, n);
        }
    }
    (DocKind::Other, body)
}

fn applicant(rng: &mut Rng, received: Date) -> Result<Private, WebError> {
    let kind = *rng.pick(&[
        ApplicantKind::Natural,
        ApplicantKind::Natural,
        ApplicantKind::Natural,
        ApplicantKind::Natural,
        ApplicantKind::Commercial,
        ApplicantKind::Research,
        ApplicantKind::PublicInterest,
        ApplicantKind::LegalServices,
        ApplicantKind::Other,
    ]);
    let person = format!("{}{}", rng.pick(SURNAMES), rng.pick(GIVEN));
    let org = kind != ApplicantKind::Natural;
    let (doc_kind, doc_number) = id_number(rng, org);
    let raw = RawApplication {
        kind: crate::pages::key(kind),
        name: if org {
            rng.pick(COMPANIES).to_string()
        } else {
            person.clone()
        },
        doc_kind: crate::pages::key(doc_kind),
        doc_number,
        contact_person: org.then(|| person.clone()),
        phone: Some(format!(
            "1{}{:09}",
            3 + rng.below(6),
            rng.below(1_000_000_000)
        )),
        email: Some(format!("applicant{}@example.cn", rng.below(100_000))),
        address: Some(format!(
            "山东省枣庄市山亭区{}路{}号",
            rng.pick(&["府前", "翼云", "汉诺", "北京"]),
            1 + rng.below(300)
        )),
        description: rng.pick(REQUESTS).to_string(),
        form: (*rng.pick(&["paper", "electronic", "either"])).to_string(),
        delivery: (*rng.pick(&["post", "email", "collect"])).to_string(),
    };
    let (applicant, request) = raw.parse().map_err(WebError::Invalid)?;
    let channel = match rng.below(4) {
        0 => Channel::InPerson {
            handed_in: received,
        },
        1 => Channel::RegisteredPost {
            signed_for: received,
        },
        _ => Channel::Online {
            confirmed: received,
        },
    };
    Ok(Private {
        applicant,
        request,
        channel,
    })
}

fn wd(cal: &Calendar, from: Date, n: i64) -> Option<Date> {
    cal.add_working_days(from, WorkingDays::new(n).ok()?).ok()
}

/// Walks a case towards a state, with dates that keep to the clock. Steps the calendar or the
/// state machine refuse are simply not taken: the demo shows what the rules allow.
fn play(rng: &mut Rng, cal: &Calendar, case: &mut Case, today: Date) {
    let received = case.received;
    let step = |case: &mut Case, role: Role, action: Action| case.apply(cal, role, action).is_ok();
    let on = |n: i64| wd(cal, received, n).filter(|d| *d <= today);
    let outcomes: Vec<Outcome> = Outcome::all().collect();
    let outcome = if rng.chance(55) {
        Outcome::new(RowKey::Granted).ok()
    } else {
        Some(*rng.pick(&outcomes))
    };
    let Some(outcome) = outcome else { return };
    let age = cal.working_days_between(received, today).unwrap_or(0);
    let target = if age > 25 {
        rng.below(100)
    } else {
        100 + rng.below(100)
    };
    match target {
        // Old cases: mostly answered, a few lapsed or withdrawn, a few left overdue.
        0..=4 => {
            if let Some(d) = on(3) {
                step(case, Role::Handler, Action::RequestCorrection { on: d });
                if let Some(l) = on(25) {
                    step(case, Role::Handler, Action::CorrectionLapsed { on: l });
                }
            }
        }
        5..=7 => {
            if let (Some(d), Some(l)) = (on(5), on(28)) {
                step(
                    case,
                    Role::Handler,
                    Action::SendFeeNotice {
                        on: d,
                        fee: Fee::PerPage { pages: 150 },
                    },
                );
                step(case, Role::Handler, Action::FeeLapsed { on: l });
            }
        }
        8..=9 => {
            if let Some(d) = on(4) {
                step(case, Role::Registrar, Action::Withdraw { on: d });
            }
        }
        // Left unanswered past the deadline: only recent ones (an office clears its backlog).
        10..=12 if age <= 60 => {
            step(case, Role::Handler, Action::Draft { outcome });
        }
        10..=99 => {
            if rng.chance(10) {
                step(case, Role::Approver, Action::Extend { days: 15 });
            }
            if let (true, Some(a), Some(b)) = (rng.chance(10), on(3), on(9)) {
                step(
                    case,
                    Role::Handler,
                    Action::StartConsultation {
                        kind: PauseKind::ThirdParty,
                        on: a,
                    },
                );
                step(case, Role::Handler, Action::EndConsultation { on: b });
            }
            let sent = on(8 + rng.below(12) as i64);
            step(case, Role::Handler, Action::Draft { outcome });
            step(case, Role::Approver, Action::Approve);
            if let Some(s) = sent {
                step(case, Role::Handler, Action::Send { on: s });
                if rng.chance(90) {
                    step(case, Role::Handler, Action::Close { on: s });
                }
            }
        }
        // Recent cases: every open state.
        100..=129 => {}
        130..=139 => {
            if let Some(d) = on(2) {
                step(case, Role::Handler, Action::RequestCorrection { on: d });
            }
        }
        140..=149 => {
            if let Some(d) = on(2) {
                step(
                    case,
                    Role::Handler,
                    Action::StartConsultation {
                        kind: PauseKind::CoProducer,
                        on: d,
                    },
                );
            }
        }
        150..=157 => {
            if let Some(d) = on(2) {
                step(
                    case,
                    Role::Handler,
                    Action::SendFeeNotice {
                        on: d,
                        fee: Fee::PerPage { pages: 60 },
                    },
                );
            }
        }
        158..=175 => {
            step(case, Role::Handler, Action::Draft { outcome });
        }
        176..=187 => {
            step(case, Role::Handler, Action::Draft { outcome });
            step(case, Role::Approver, Action::Approve);
        }
        _ => {
            step(case, Role::Handler, Action::Draft { outcome });
            step(case, Role::Approver, Action::Approve);
            if let Some(d) = on(1) {
                step(case, Role::Handler, Action::Send { on: d });
            }
        }
    }
}

async fn account(
    store: &impl Store,
    out: &mut Vec<Account>,
    agency: (AgencyId, &str),
    login: &str,
    name: &str,
    role: Role,
) -> Result<UserId, WebError> {
    let password = crate::auth::new_password()?;
    let hash = hash_password(&password)?;
    let id = store
        .create_user(&NewUser {
            agency: agency.0,
            login,
            name,
            role,
            password_hash: &hash,
            email: None,
        })
        .await?;
    out.push(Account {
        login: login.into(),
        password,
        role,
        agency: agency.1.into(),
    });
    Ok(id)
}

/// Fills an empty database. Refuses one that already has agencies, so real data is never mixed
/// with made-up cases.
pub async fn fill(
    store: &impl Store,
    cal: &Calendar,
    today: Date,
) -> Result<Vec<Account>, WebError> {
    if !store.agencies().await?.is_empty() {
        return Err(WebError::Refused(
            "数据库中已有数据，演示数据只能写入空数据库".into(),
        ));
    }
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut accounts = Vec::new();
    let county_name = "山亭区人民政府";
    let county = store.create_agency(county_name, None).await?;
    store
        .update_agency(county, "山政公", "枣庄市人民政府")
        .await?;
    account(
        store,
        &mut accounts,
        (county, county_name),
        "county-supervisor",
        "区政务公开办 赵督查",
        Role::Supervisor,
    )
    .await?;
    let bodies = [
        ("山亭区凫城镇人民政府", "凫政公", 90),
        ("山亭区店子镇人民政府", "店政公", 40),
        ("山亭区西集镇人民政府", "西政公", 30),
        ("山亭区自然资源局", "山自然资公", 50),
    ];
    for (i, (name, prefix, count)) in bodies.iter().enumerate() {
        let agency = store.create_agency(name, Some(county)).await?;
        store
            .update_agency(agency, prefix, "山亭区人民政府")
            .await?;
        let tag = ["fucheng", "dianzi", "xiji", "ziranziyuan"][i];
        let a = (agency, *name);
        let mut handlers = vec![
            account(
                store,
                &mut accounts,
                a,
                &format!("{tag}-handler"),
                "承办人 王敏",
                Role::Handler,
            )
            .await?,
        ];
        account(
            store,
            &mut accounts,
            a,
            &format!("{tag}-admin"),
            "管理员 孙磊",
            Role::AgencyAdmin,
        )
        .await?;
        if i == 0 {
            handlers.push(
                account(
                    store,
                    &mut accounts,
                    a,
                    &format!("{tag}-handler2"),
                    "承办人 陈静",
                    Role::Handler,
                )
                .await?,
            );
            account(
                store,
                &mut accounts,
                a,
                &format!("{tag}-registrar"),
                "登记员 李芳",
                Role::Registrar,
            )
            .await?;
            account(
                store,
                &mut accounts,
                a,
                &format!("{tag}-approver"),
                "负责人 张建国",
                Role::Approver,
            )
            .await?;
        }
        // Spread over the year before today, plus a recent burst so every open state shows.
        for n in 0..count + count / 2 {
            let back = if n < *count {
                365 - (365 * n / count) as i64 - rng.below(3) as i64
            } else {
                rng.below(30) as i64
            };
            let Ok(received) = today.checked_sub(jiff::Span::new().days(back.max(0))) else {
                continue;
            };
            let private = applicant(&mut rng, received)?;
            let mut case = Case::new(private.applicant.kind, received);
            play(&mut rng, cal, &mut case, today);
            let handler =
                (case.state != State::Received || rng.chance(60)).then(|| *rng.pick(&handlers));
            let code = tracking_code()?;
            let id = store
                .insert_case(&NewCase {
                    agency,
                    tracking_code: &code,
                    case: &case,
                    due: due_of(&case, cal).ok().flatten(),
                    handler,
                    private: &private,
                })
                .await?;
            if case.outcome.is_some_and(|o| o.row() != RowKey::Granted)
                && !case.state.is_open()
                && rng.chance(15)
            {
                let filed = wd(cal, case.closed_on.unwrap_or(received), 10).filter(|d| *d <= today);
                if let Some(filed) = filed {
                    let decided = wd(cal, filed, 40).filter(|d| *d <= today).map(|d| {
                        (
                            *rng.pick(&[
                                cases::yearly::AppealResult::Upheld,
                                cases::yearly::AppealResult::Corrected,
                                cases::yearly::AppealResult::Other,
                            ]),
                            d,
                        )
                    });
                    let kind = *rng.pick(&[
                        cases::yearly::AppealKind::Review,
                        cases::yearly::AppealKind::LitigationDirect,
                    ]);
                    store
                        .add_appeal(
                            id,
                            &storage::Appeal {
                                kind,
                                filed,
                                decided,
                            },
                        )
                        .await?;
                }
            }
        }
    }
    Ok(accounts)
}

/// Realistic applications at volume, for benchmarks: the same mix of applicants, requests and
/// states as the demo.
pub struct Generator {
    rng: Rng,
    cal: Calendar,
}

impl Generator {
    pub fn new(seed: u64, cal: Calendar) -> Generator {
        Generator {
            rng: Rng(seed.max(1)),
            cal,
        }
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.rng.below(n)
    }

    /// An application received on `received`, walked through the states as of `today`.
    pub fn case(&mut self, received: Date, today: Date) -> Result<(Case, Private), WebError> {
        let private = applicant(&mut self.rng, received)?;
        let mut case = Case::new(private.applicant.kind, received);
        play(&mut self.rng, &self.cal, &mut case, today);
        Ok((case, private))
    }

    pub fn due(&self, case: &Case) -> Option<Date> {
        due_of(case, &self.cal).ok().flatten()
    }
}
