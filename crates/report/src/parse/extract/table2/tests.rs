use super::*;
use crate::model::Num;
use crate::parse::extract::cells::split_into;

fn read(rows: &[&[&str]]) -> Table2Reader {
    let mut reader = Table2Reader::default();
    let mut split = Split::default();
    for cells in rows {
        split_into(&mut split, cells);
        reader.offer(&split, cells);
    }
    reader
}

/// In a PDF's text a table 二 left blank is its labels alone (a label broken over lines
/// too): four rows' labels make the table seen, fewer do not, and neither do labels whose
/// figures stood somewhere else in the section.
#[test]
fn a_label_wrapped_below_its_figures_names_its_row() {
    // Cells whose text starts at the top: `行政` with the figure, `许可` under it. A line
    // that names a row itself (`行政处罚`) is the next row's, never the rest of this one.
    let mut reader = read(&[
        &["行政", "7"],
        &["许可"],
        &["行政", "3"],
        &["行政处罚", "4"],
    ]);
    reader.stray_figures();
    reader.stray_figures();
    let t = reader.table2();
    assert_eq!(t.licensing, Num::new(7.0));
    assert_eq!(t.penalty, Num::new(4.0));
    assert_eq!(t.enforcement, None);
    assert!(
        reader.unplaced_figures().is_some(),
        "`行政 3` stays no row's"
    );
}

#[test]
fn labels_alone_are_a_blank_table() {
    let labels: [&[&str]; 7] = [
        &["规章"],
        &["行政规范性文"],
        &["件"],
        &["行政许可"],
        &["行政处罚"],
        &["行政强制"],
        &["行政事业性收费"],
    ];
    for (rows, want) in [
        (&labels[..], true),
        (&labels[..3], false),
        (&labels[3..], true),
    ] {
        let reader = read(rows);
        assert!(!reader.found());
        assert_eq!(reader.seen(), want, "{rows:?}");
    }
    let mut reader = read(&labels);
    reader.stray = 1;
    assert!(!reader.seen());
    assert!(read(&[&["规章", "1", "0", "7"]]).seen());
}

fn n(v: f64) -> Cell {
    Num::new(v)
}

#[test]
fn a_row_with_fewer_cells_than_columns_is_left_blank() {
    // (row's cells, normative cells read, findings)
    let cases: [(&[&str], [Cell; 3], usize); 5] = [
        (
            &["规范性文件", "2", "1", "15"],
            [n(2.0), n(1.0), n(15.0)],
            0,
        ),
        // Blank cells a layout shows are cells: the figures keep their columns.
        (&["规范性文件", "", "2", "15"], [None, n(2.0), n(15.0)], 0),
        (&["规范性文件", "—", "2", "15"], [None, n(2.0), n(15.0)], 0),
        // A PDF's text drops them: which two of three columns is unknown.
        (&["规范性文件", "2", "15"], [None; 3], 1),
        (&["规范性文件", "15"], [None; 3], 1),
    ];
    for (cells, want, findings) in cases {
        let r = read(&[&["规章", "0", "0", "1"], cells, &["行政许可", "4"]]);
        let t = r.table2();
        let got = [
            t.normative_issued,
            t.normative_repealed,
            t.normative_in_force,
        ];
        assert_eq!(got, want, "{cells:?}");
        assert_eq!(t.rules_in_force, n(1.0), "{cells:?}");
        assert_eq!(t.licensing, n(4.0), "{cells:?}");
        let found = r.short_rows();
        assert_eq!(found.len(), findings, "{cells:?}");
        assert!(
            found
                .iter()
                .all(|f| f.location == "table2.规范性文件" && f.message.contains("只读到")),
            "{found:?}"
        );
    }
}

/// A table read in part, some rows' labels never met (an extractor lost them): one
/// warning names them. A row whose label came alone (left blank) is no missing row.
#[test]
fn rows_never_met_are_named() {
    let mut reader = Table2Reader::default();
    let mut split = Split::default();
    for cells in [
        &["行政强制", "2"][..],
        &["行政事业性收费", "0"][..],
        &["规章"][..],
    ] {
        split_into(&mut split, cells);
        reader.offer(&split, cells);
    }
    let finding = reader.missing_rows().expect("a warning");
    assert_eq!(finding.location, "table2");
    assert!(
        finding
            .message
            .contains("表二缺少3行：规范性文件、行政许可、行政处罚"),
        "{}",
        finding.message
    );
    // A table not read at all is the checker's to report, as a missing table.
    assert!(Table2Reader::default().missing_rows().is_none());
}

/// A figure no row took, in a table with blank cells, may be one of theirs: the warning
/// names the blank rows. With every cell read, a figure left over is a page number.
#[test]
fn figures_no_row_took_are_named_where_a_cell_is_blank() {
    let mut reader = read(&[&["规章", "0", "0", "1"], &["行政许可"], &["行政处罚", "4"]]);
    assert!(reader.unplaced_figures().is_none(), "no stray figure yet");
    reader.stray_figures();
    let finding = reader.unplaced_figures().expect("a warning");
    assert_eq!(finding.location, "table2");
    assert!(
        finding
            .message
            .contains("“规范性文件”“行政许可”“行政强制”“行政事业性收费”行"),
        "{}",
        finding.message
    );
    let mut full = read(&[
        &["规章", "0", "0", "1"],
        &["行政规范性文件", "0", "0", "1"],
        &["行政许可", "1"],
        &["行政处罚", "4"],
        &["行政强制", "0"],
        &["行政事业性收费", "0"],
    ]);
    full.stray_figures();
    assert!(full.unplaced_figures().is_none());
}
