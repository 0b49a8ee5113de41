use super::*;
use crate::model::Column;

/// The rule's findings on `report` whose narrative is `text`.
fn findings(report: &mut Report, text: &str) -> Vec<Finding> {
    report.sections.overview = Some(text.into());
    let mut out = Vec::new();
    check(report, &super::super::Narrative::of(report), &mut out);
    out
}

#[test]
fn reads_a_count_after_a_phrase() {
    let text = "全年共收到政府信息公开申请1,234件，占12.5%。";
    let at = text.find("收到").map(|i| i + "收到".len()).unwrap_or(0);
    let (q, _) = count_after(text, at).expect("a count");
    assert_eq!(
        q,
        Quoted {
            count: 1234.0,
            percent: Some(percent::Percent {
                value: 12.5,
                places: 1
            })
        }
    );
}

#[test]
fn two_rows_quoted_together_are_not_read_as_one() {
    let mut r = Report::default();
    let row = |v: f64| Some([Num::new(v), None, None, None, None, None, Num::new(v)]);
    r.table3.set_row(RowKey::Granted, row(8.0));
    r.table3.set_row(RowKey::PartlyGranted, row(2.0));
    for (text, errors) in [
        ("对符合条件的申请予以公开或部分公开10件。", 0),
        ("予以公开8件，部分公开2件。", 0),
        ("予以公开及部分公开9件。", 1),
        ("予以公开的申请7件。", 1),
    ] {
        let out = findings(&mut r, text);
        assert_eq!(out.len(), errors, "{text}: {out:?}");
    }
}

#[test]
fn a_claim_wrapped_across_lines_or_in_full_width_digits_is_read() {
    let mut r = Report::default();
    let row = |v: f64| Some([Num::new(v), None, None, None, None, None, Num::new(v)]);
    r.table3.set_row(RowKey::New, row(2.0));
    r.table3.set_row(RowKey::Granted, row(2.0));
    for (text, errors) in [
        ("全年共收到政府信息公开申请 1 件。", 1),
        ("全年共收到政府\n信息公开申请 1 件。", 1),
        (
            "全年共收到政府\n   信息公开申请\n2 件，予以\n公开 1 件。",
            1,
        ),
        ("全年共收到政府\n信息公开申请 2 件。", 0),
        ("全年共收到政府信息公开申请１件。", 1),
        ("全年共收到政府信息公开申请２件。", 0),
    ] {
        let out = findings(&mut r, text);
        assert_eq!(out.len(), errors, "{text:?}: {out:?}");
    }
}

/// Last year's figure set beside this year's is no claim about these tables; this year's is.
#[test]
fn counts_of_another_year_are_not_claims() {
    let mut r = Report {
        year: Some(2024),
        ..Report::default()
    };
    let row = |v: f64| Some([Num::new(v), None, None, None, None, None, Num::new(v)]);
    r.table3.set_row(RowKey::New, row(171.0));
    r.table3.set_row(RowKey::Granted, row(150.0));
    r.table3.set_row(RowKey::CarriedOver, row(2.0));
    for (text, errors) in [
        (
            "2023年共收到政府信息公开申请153件，2024年共收到政府信息公开申请171件。",
            0,
        ),
        ("本年度收到申请171件，上年收到申请153件，予以公开150件。", 0),
        ("与上年相比，收到申请数量由153件增加到171件。", 0),
        ("上年同期予以公开120件。", 0),
        ("上年结转政府信息公开申请2件。", 0),
        ("2024年共收到政府信息公开申请170件。", 1),
        ("上年结转政府信息公开申请3件。", 1),
        ("本年度收到申请171件，较上年增加18件，予以公开149件。", 1),
        // A part of a row's cases is no claim about the row.
        ("办结162件，其中予以公开150件，当场予以公开30件。", 0),
        ("其中予以公开140件。", 1),
    ] {
        let out = findings(&mut r, text);
        assert_eq!(out.len(), errors, "{text}: {out:?}");
    }
}

#[test]
fn stops_at_a_clause_break() {
    let text = "予以公开，其余12件";
    let at = text.find("公开").map(|i| i + "公开".len()).unwrap_or(0);
    assert!(count_after(text, at).is_none());
}

proptest::proptest! {
    /// Looking for phrases only near `N件` finds every phrase that a search of the whole
    /// text would find and [`count_after`] would read.
    #[test]
    fn near_finds_every_readable_phrase(parts in proptest::collection::vec(0usize..22, 0..60)) {
        const PIECES: [&str; 22] = [
            "予以公开", "部分公开", "收到", "申请", "件", "，", "。", " ", "\n", "12",
            "3,4", "占", "50%", "结转", "行政复议", "诉讼", "的", "共计", "一二三四五六七",
            "１", "　", "公开",
        ];
        let text: String = parts.iter().map(|&i| PIECES[i]).collect();
        let near = Near::new(&text);
        for phrase in ["予以公开", "部分公开", "收到", "行政复议", "诉讼", "上年结转"] {
            let readable = |at: &usize| count_after(&text, at + phrase.len()).is_some();
            let all: Vec<usize> = text.match_indices(phrase).map(|(i, _)| i).filter(readable).collect();
            let found: Vec<usize> = near.find(phrase).filter(readable).collect();
            proptest::prop_assert_eq!(found, all, "{:?}", text);
        }
    }
}

#[test]
fn column_index_is_total() {
    assert_eq!(Column::Total.index(), 6);
}

/// A result of the reviews or lawsuits, or the two counted together, is no claim about a
/// group's total; the total is.
#[test]
fn appeal_results_and_sums_are_not_totals() {
    let mut r = Report::default();
    // Three reviews pending; a lawsuit upheld, and two after review (one upheld, one pending).
    let cells = [0, 0, 0, 3, 3, 1, 0, 0, 0, 1, 1, 0, 0, 1, 2];
    r.table4.0 = cells.map(|v| Num::new(f64::from(v)));
    for (text, errors) in [
        ("行政复议结果维持0件，纠正0件。", 0),
        ("行政诉讼被纠错0件。", 0),
        ("行政复议和行政诉讼案件共6件。", 0),
        ("行政复议3件，行政诉讼3件。", 0),
        ("行政复议2件。", 1),
        ("行政诉讼4件。", 1),
    ] {
        let out = findings(&mut r, text);
        assert_eq!(out.len(), errors, "{text}: {out:?}");
    }
}
