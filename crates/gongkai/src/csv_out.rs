//! `gongkai check --csv`: one row per report with every cell, for Excel.

use std::io::Write;

use report::check::Severity;
use report::model::{Column, RowKey, TABLE2_FIELDS, Table4};

use crate::check::Outcome;

fn header() -> Vec<String> {
    let mut h: Vec<String> = ["file", "error", "body", "year", "format"]
        .map(String::from)
        .to_vec();
    h.extend(TABLE2_FIELDS.iter().map(|(k, _)| format!("table2.{k}")));
    for key in RowKey::ALL {
        h.extend(
            Column::ALL
                .iter()
                .map(|c| format!("table3.{}.{}", key.key(), c.key())),
        );
    }
    h.extend((0..15).map(|i| format!("table4.{}.{}", i / 5, Table4::result_label(i % 5))));
    h.extend(["errors", "warnings"].map(String::from));
    h
}

fn cell(c: Option<report::Num>) -> String {
    c.map(|n| n.to_string()).unwrap_or_default()
}

pub fn write(out: &mut impl Write, outcomes: &[Outcome]) -> anyhow::Result<()> {
    out.write_all("\u{feff}".as_bytes())?;
    let mut w = csv::Writer::from_writer(out);
    w.write_record(header())?;
    for o in outcomes {
        let mut rec = vec![o.file.display().to_string()];
        match &o.result {
            Err(e) => {
                rec.push(e.clone());
                rec.resize(header().len(), String::new());
            }
            Ok((p, findings)) => {
                let r = &p.report;
                rec.push(String::new());
                rec.push(r.body.clone().unwrap_or_default());
                rec.push(r.year.map(|y| y.to_string()).unwrap_or_default());
                rec.push(
                    serde_json::to_value(r.format)?
                        .as_str()
                        .unwrap_or_default()
                        .to_string(),
                );
                rec.extend(r.table2.cells().map(cell));
                for key in RowKey::ALL {
                    rec.extend(Column::ALL.map(|c| cell(r.table3.cell(key, c))));
                }
                rec.extend(r.table4.0.map(cell));
                let count = |s| {
                    findings
                        .iter()
                        .filter(|f| f.severity == s)
                        .count()
                        .to_string()
                };
                rec.push(count(Severity::Error));
                rec.push(count(Severity::Warning));
            }
        }
        w.write_record(&rec)?;
    }
    w.flush()?;
    Ok(())
}
