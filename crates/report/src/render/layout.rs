//! What every renderer prints the same way: the title, the section headings, the rows of each
//! table with their labels, and how a cell is shown.

use crate::model::{Cell, Column, Format, Report, Row, RowKey, SECTION_HEADINGS};

pub fn title(r: &Report) -> String {
    let year = r.year.map_or_else(String::new, |y| format!("{y}年"));
    format!(
        "{}{year}政府信息公开工作年度报告",
        r.body.as_deref().unwrap_or("")
    )
}

pub fn heading(i: usize) -> String {
    format!(
        "{}、{}",
        crate::model::SECTION_NUMERALS.get(i).copied().unwrap_or(""),
        SECTION_HEADINGS.get(i).copied().unwrap_or("")
    )
}

pub fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty())
}

pub fn show(c: Cell) -> String {
    c.map(|n| n.to_string()).unwrap_or_default()
}

/// One printed row of table 三: the label cells as the official table spans them, then seven cells.
pub struct Row3 {
    pub key: Option<RowKey>,
    /// The row's label as one line (used where cells are not merged).
    pub label: String,
    pub cells: Row,
}

/// The rows of table 三 in printed order; the 2019 layout prints （六）其他处理 as one row.
pub fn table3_rows(r: &Report) -> Vec<Row3> {
    let mut out = Vec::new();
    for key in RowKey::ALL {
        if r.format == Format::Trial2019 && key == RowKey::OtherNoCorrection {
            out.push(Row3 {
                key: None,
                label: "（六）其他处理".into(),
                cells: r.table3.other_single_2019.unwrap_or([None; 7]),
            });
        }
        if r.format == Format::Trial2019
            && matches!(
                key,
                RowKey::OtherNoCorrection | RowKey::OtherNoFee | RowKey::OtherOther
            )
        {
            continue;
        }
        let label = match key {
            RowKey::Granted => format!("三、本年度办理结果{}", key.label()),
            _ => key.display(),
        };
        out.push(Row3 {
            key: Some(key),
            label,
            cells: r.table3.row(key).copied().unwrap_or([None; 7]),
        });
    }
    out
}

pub const TABLE3_NOTE: &str =
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

pub fn columns() -> [&'static str; 7] {
    Column::ALL.map(Column::label)
}

/// Table 二 as printed: blocks of (heading, column headers, rows of (label, cells)).
pub struct Block2 {
    pub heading: &'static str,
    pub headers: Vec<&'static str>,
    pub rows: Vec<(&'static str, Vec<String>)>,
}

pub fn table2_blocks(r: &Report) -> Vec<Block2> {
    if let (Format::Trial2019, Some(t)) = (r.format, &r.table2_2019) {
        let three = ["上一年项目数量", "本年增/减", "处理决定数量"];
        return vec![
            Block2 {
                heading: "第二十条第（一）项",
                headers: vec![
                    "信息内容",
                    "本年新制作数量",
                    "本年新公开数量",
                    "对外公开总数量",
                ],
                rows: vec![
                    (
                        "规章",
                        [
                            t.rules_new_made,
                            t.rules_new_published,
                            t.rules_total_published,
                        ]
                        .map(show)
                        .to_vec(),
                    ),
                    (
                        "规范性文件",
                        [
                            t.normative_new_made,
                            t.normative_new_published,
                            t.normative_total_published,
                        ]
                        .map(show)
                        .to_vec(),
                    ),
                ],
            },
            Block2 {
                heading: "第二十条第（五）项",
                headers: [&["信息内容"][..], &three[..]].concat(),
                rows: vec![
                    (
                        "行政许可",
                        [
                            t.licensing_prev_year_items,
                            t.licensing_change,
                            t.licensing_decisions,
                        ]
                        .map(show)
                        .to_vec(),
                    ),
                    (
                        "其他对外管理服务事项",
                        [
                            t.other_external_services_prev_year_items,
                            t.other_external_services_change,
                            t.other_external_services_decisions,
                        ]
                        .map(show)
                        .to_vec(),
                    ),
                ],
            },
            Block2 {
                heading: "第二十条第（六）项",
                headers: [&["信息内容"][..], &three[..]].concat(),
                rows: vec![
                    (
                        "行政处罚",
                        [
                            t.penalty_prev_year_items,
                            t.penalty_change,
                            t.penalty_decisions,
                        ]
                        .map(show)
                        .to_vec(),
                    ),
                    (
                        "行政强制",
                        [
                            t.enforcement_prev_year_items,
                            t.enforcement_change,
                            t.enforcement_decisions,
                        ]
                        .map(show)
                        .to_vec(),
                    ),
                ],
            },
            Block2 {
                heading: "第二十条第（八）项",
                headers: vec!["信息内容", "上一年项目数量", "本年增/减"],
                rows: vec![(
                    "行政事业性收费",
                    [t.fees_prev_year_items, t.fees_change].map(show).to_vec(),
                )],
            },
            Block2 {
                heading: "第二十条第（九）项",
                headers: vec!["信息内容", "采购项目数量", "采购总金额"],
                rows: vec![(
                    "政府集中采购",
                    vec![
                        show(t.procurement_items),
                        t.procurement_amount.clone().unwrap_or_default(),
                    ],
                )],
            },
        ];
    }
    let t = &r.table2;
    let decisions = vec!["信息内容", "本年处理决定数量"];
    vec![
        Block2 {
            heading: "第二十条第（一）项",
            headers: vec!["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
            rows: vec![
                (
                    "规章",
                    [t.rules_issued, t.rules_repealed, t.rules_in_force]
                        .map(show)
                        .to_vec(),
                ),
                (
                    "行政规范性文件",
                    [
                        t.normative_issued,
                        t.normative_repealed,
                        t.normative_in_force,
                    ]
                    .map(show)
                    .to_vec(),
                ),
            ],
        },
        Block2 {
            heading: "第二十条第（五）项",
            headers: decisions.clone(),
            rows: vec![("行政许可", vec![show(t.licensing)])],
        },
        Block2 {
            heading: "第二十条第（六）项",
            headers: decisions,
            rows: vec![
                ("行政处罚", vec![show(t.penalty)]),
                ("行政强制", vec![show(t.enforcement)]),
            ],
        },
        Block2 {
            heading: "第二十条第（八）项",
            headers: vec!["信息内容", "本年收费金额（单位：万元）"],
            rows: vec![("行政事业性收费", vec![show(t.fees_wan_yuan)])],
        },
    ]
}

/// A cell of an official table, spanning as printed (HTML's model: a spanned cell appears once).
#[derive(Clone, Debug)]
pub struct SpanCell {
    pub text: String,
    pub colspan: usize,
    pub rowspan: usize,
    pub header: bool,
}

impl SpanCell {
    fn head(text: &str, colspan: usize, rowspan: usize) -> SpanCell {
        SpanCell {
            text: text.to_string(),
            colspan,
            rowspan,
            header: true,
        }
    }
    fn label(text: &str, colspan: usize, rowspan: usize) -> SpanCell {
        SpanCell {
            text: text.to_string(),
            colspan,
            rowspan,
            header: false,
        }
    }
    fn value(text: String, colspan: usize) -> SpanCell {
        SpanCell {
            text,
            colspan,
            rowspan: 1,
            header: false,
        }
    }
}

/// An official table: its number of grid columns and its rows of spanning cells.
#[derive(Clone, Debug)]
pub struct Grid {
    pub columns: usize,
    /// Relative column widths (label columns wide, figure columns narrow).
    pub widths: Vec<usize>,
    pub rows: Vec<Vec<SpanCell>>,
}

/// A position of the table as Word stores it: the cell that starts there, or the continuation
/// of a cell spanning down from a row above (with that cell's colspan).
#[derive(Clone, Copy, Debug)]
pub enum Slot<'a> {
    Cell(&'a SpanCell),
    Continued { colspan: usize },
}

impl Grid {
    /// Each row in column order with the continuation of every row-spanning cell made explicit.
    pub fn expanded(&self) -> Vec<Vec<Slot<'_>>> {
        // For each grid column: (rows still covered below, colspan of the covering cell).
        let mut covered: Vec<(usize, usize)> = vec![(0, 1); self.columns];
        let mut out = Vec::new();
        for spans in &self.rows {
            let mut row = Vec::new();
            let mut col = 0;
            let mut it = spans.iter();
            while col < self.columns {
                if let Some(&(left, span)) = covered.get(col).filter(|c| c.0 > 0) {
                    row.push(Slot::Continued { colspan: span });
                    if let Some(c) = covered.get_mut(col) {
                        *c = (left - 1, span);
                    }
                    col += span.max(1);
                    continue;
                }
                let Some(sc) = it.next() else { break };
                if sc.rowspan > 1
                    && let Some(slot) = covered.get_mut(col)
                {
                    *slot = (sc.rowspan - 1, sc.colspan);
                }
                row.push(Slot::Cell(sc));
                col += sc.colspan.max(1);
            }
            out.push(row);
        }
        out
    }

    /// Each column's share of the width, in percent.
    pub fn percents(&self) -> Vec<usize> {
        let total: usize = self.widths.iter().sum::<usize>().max(1);
        self.widths.iter().map(|w| w * 100 / total).collect()
    }
}

pub fn table2_grid(r: &Report) -> Grid {
    let columns = 4;
    let mut rows = Vec::new();
    for block in table2_blocks(r) {
        rows.push(vec![SpanCell::head(block.heading, columns, 1)]);
        let n = block.headers.len().saturating_sub(1).max(1);
        let span = (columns - 1) / n;
        let mut head = vec![SpanCell::head("信息内容", 1, 1)];
        for (i, h) in block.headers.iter().skip(1).enumerate() {
            let extra = if i + 1 == n {
                columns - 1 - span * n
            } else {
                0
            };
            head.push(SpanCell::head(h, span + extra, 1));
        }
        rows.push(head);
        for (label, cells) in block.rows {
            let mut row = vec![SpanCell::label(label, 1, 1)];
            let n = cells.len().max(1);
            let span = (columns - 1) / n;
            for (i, c) in cells.into_iter().enumerate() {
                let extra = if i + 1 == n {
                    columns - 1 - span * n
                } else {
                    0
                };
                row.push(SpanCell::value(c, span + extra));
            }
            rows.push(row);
        }
    }
    Grid {
        columns,
        widths: vec![34, 22, 22, 22],
        rows,
    }
}

pub fn table3_grid(r: &Report) -> Grid {
    let mut rows = vec![
        vec![
            SpanCell::head(TABLE3_NOTE, 3, 3),
            SpanCell::head("申请人情况", 7, 1),
        ],
        vec![
            SpanCell::head("自然人", 1, 2),
            SpanCell::head("法人或其他组织", 5, 1),
            SpanCell::head("总计", 1, 2),
        ],
        [
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
        ]
        .map(|h| SpanCell::head(h, 1, 1))
        .to_vec(),
    ];
    let printed = table3_rows(r);
    let results = printed
        .iter()
        .filter(|p| {
            p.key
                .is_none_or(|k| (RowKey::Granted..=RowKey::TotalProcessed).contains(&k))
        })
        .count();
    let group_size = |g| {
        printed
            .iter()
            .filter(|p| p.key.and_then(RowKey::group) == Some(g))
            .count()
    };
    for p in &printed {
        let mut row = Vec::new();
        let values = p.cells.map(|c| SpanCell::value(show(c), 1));
        match p.key {
            Some(RowKey::New | RowKey::CarriedOver | RowKey::CarriedForward) => {
                row.push(SpanCell::label(&p.label, 3, 1));
            }
            Some(RowKey::Granted) => {
                row.push(SpanCell::label("三、本年度办理结果", 1, results));
                row.push(SpanCell::label(RowKey::Granted.label(), 2, 1));
            }
            Some(k) if k.group().is_some() => {
                let g = k.group().unwrap_or(crate::model::Group::Denied);
                if printed
                    .iter()
                    .find(|q| q.key.and_then(RowKey::group) == Some(g))
                    .and_then(|q| q.key)
                    == Some(k)
                {
                    row.push(SpanCell::label(g.label(), 1, group_size(g)));
                }
                row.push(SpanCell::label(k.label(), 1, 1));
            }
            Some(k) => row.push(SpanCell::label(k.label(), 2, 1)),
            None => row.push(SpanCell::label(&p.label, 2, 1)),
        }
        row.extend(values);
        rows.push(row);
    }
    Grid {
        columns: 10,
        widths: vec![8, 10, 30, 8, 8, 8, 8, 8, 8, 8],
        rows,
    }
}

pub fn table4_grid(r: &Report) -> Grid {
    let results = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    let mut second: Vec<SpanCell> = results.iter().map(|h| SpanCell::head(h, 1, 2)).collect();
    second.push(SpanCell::head("未经复议直接起诉", 5, 1));
    second.push(SpanCell::head("复议后起诉", 5, 1));
    let mut third: Vec<SpanCell> = results.iter().map(|h| SpanCell::head(h, 1, 1)).collect();
    third.extend(results.iter().map(|h| SpanCell::head(h, 1, 1)));
    Grid {
        columns: 15,
        widths: vec![1; 15],
        rows: vec![
            vec![
                SpanCell::head("行政复议", 5, 1),
                SpanCell::head("行政诉讼", 10, 1),
            ],
            second,
            third,
            r.table4.0.map(|c| SpanCell::value(show(c), 1)).to_vec(),
        ],
    }
}
