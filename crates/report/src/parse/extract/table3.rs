//! Table 三 (收到和处理政府信息公开申请情况): 25 labelled rows of seven cells.
//!
//! Rows are found by their words ([`labels::table3_row`]). Where extraction broke a label so
//! that its words are gone, the row's place in the fixed order decides: figures with no
//! recognisable label belong to a label seen just before without figures, or else to the row
//! after the last one read.

use crate::model::{Column, RowKey, Table3};

use super::cells::{Split, fit_row};
use super::labels::{is_other_single, table3_row};
use super::restore::{RawRows, ReadRow, restore, whole_row};
use crate::check::Finding;

#[derive(Default)]
pub struct Table3Reader {
    raw: RawRows,
    other_single: Option<ReadRow>,
    last: Option<RowKey>,
    pending: Option<RowKey>,
    /// Rows filled by their place alone (no label named them): a row whose label names one
    /// of them takes it back.
    guessed: [bool; 25],
    /// A garbled label was passed: until a label names a row again, the place of a row
    /// without one is not known.
    lost_place: bool,
    /// Words of label-only lines since the last row with figures: a label broken before its
    /// keyword ("1.属于国" / "家秘密 0 0 …") is read whole.
    carry: String,
    /// The last line offered was a row with figures: label-only lines right after it may be
    /// the rest of its label, wrapped below its figures.
    after_figures: bool,
    /// Rows whose label stood without a figure, one bit each: with no figure anywhere, a
    /// table printed with every cell blank rather than one missing.
    named_blank: u32,
}

/// The rows of the groups of table 三 whose rows are numbered `1.`, `2.` …, by the numeral of
/// their group's mark (`（三）不予公开`).
const NUMBERED_GROUPS: [(char, &[RowKey]); 4] = {
    use RowKey::*;
    [
        (
            '三',
            &[
                DeniedStateSecret,
                DeniedLawProhibits,
                DeniedThreeSafety,
                DeniedThirdParty,
                DeniedInternalAffairs,
                DeniedProcessInfo,
                DeniedEnforcementFile,
                DeniedAdminQuery,
            ],
        ),
        ('四', &[UnableNotHeld, UnableNeedsCreation, UnableUnclear]),
        (
            '五',
            &[
                NotProcessedPetition,
                NotProcessedRepeat,
                NotProcessedPublication,
                NotProcessedMassive,
                NotProcessedReconfirm,
            ],
        ),
        ('六', &[OtherNoCorrection, OtherNoFee, OtherOther]),
    ]
};

/// The row a squashed label's number places (`5属于三类`, `四无法提供1本机关不掌`): the row of
/// that number in the group the label names, or else in the group of the row read last; only
/// a row after the last one read.
fn numbered_place(label: &str, last: Option<RowKey>) -> Option<RowKey> {
    let last = last?;
    let group_of = |key: RowKey| NUMBERED_GROUPS.iter().find(|(_, rows)| rows.contains(&key));
    let (group, rest) = match label.chars().next()? {
        c if c.is_ascii_digit() => (group_of(last)?, label),
        c => {
            let group = NUMBERED_GROUPS.iter().find(|(numeral, _)| *numeral == c)?;
            // The group's words (`无法提供`), then the number.
            let at = label.find(|c: char| c.is_ascii_digit())?;
            (group, label.get(at..)?)
        }
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let n: usize = rest.get(..digits)?.parse().ok()?;
    let key = *group.1.get(n.checked_sub(1)?)?;
    (key.index() > last.index()).then_some(key)
}

/// A squashed label that holds a row's mark: a figure (`1.`, the brackets and stops squashed
/// away) or, first, a Chinese numeral up to 七 (`一、`, `（五）`).
fn names_mark(label: &str) -> bool {
    label.starts_with(['一', '二', '三', '四', '五', '六', '七'])
        || label.bytes().any(|b| b.is_ascii_digit())
}

pub struct Read3 {
    pub table: Table3,
    pub lost: Vec<(RowKey, Column)>,
    pub findings: Vec<Finding>,
    pub trial: bool,
}

impl Table3Reader {
    fn filled(&self, key: RowKey) -> bool {
        self.raw.get(key.index()).is_some_and(Option::is_some)
    }

    fn free_for_label(&self, key: RowKey) -> bool {
        !self.filled(key) || self.guessed.get(key.index()).copied().unwrap_or(false)
    }

    fn next_free(&self) -> Option<RowKey> {
        let from = self.last.map_or(0, |k| k.index() + 1);
        RowKey::ALL
            .into_iter()
            .skip(from)
            .find(|&k| !self.filled(k))
    }

    pub fn found(&self) -> bool {
        self.raw.iter().any(Option::is_some)
    }

    /// The table stood with its labels but not one figure: every cell blank, or its figures
    /// lost on the way (most of its rows named, none with a figure).
    pub fn seen_blank(&self) -> bool {
        !self.found() && self.named_blank.count_ones() >= 15
    }

    pub fn complete(&self) -> bool {
        self.filled(RowKey::CarriedForward)
    }

    /// True when a row's words say it belongs to table 三.
    pub fn starts(split: &Split) -> bool {
        (split.row().is_some() && split.numbers() > 0)
            || split.label.contains("勾稽关系")
            || split.label.contains("申请人情况")
    }

    pub fn offer(&mut self, split: &Split) {
        // A label garbled in extraction (Latin letters with diacritics where a Chinese label
        // stood, as `catdoc` gives at a broken piece of a `.doc`) names no row: its figures
        // may be any row's, so they fill none.
        if garbled(&split.label) {
            self.lost_place = true;
            self.pending = None;
            self.carry.clear();
            return;
        }
        let key = split.row().filter(|&k| self.free_for_label(k));
        let has_values = split.numbers() > 0 || split.values.len() >= 7;
        if !has_values {
            // A label cell whose text starts at its top (LibreOffice, Word) wraps below the
            // row's figures (`（五）不 1.信访举 0 0 …` / `予处理` / `报投诉类申` / `请`): words
            // with no row mark right after a row with figures end that row's label. They are
            // no part of the next row's, nor does a row they name (`内部事务信息`) come next.
            if self.after_figures && self.carry.is_empty() && !names_mark(&split.label) {
                return;
            }
            if let Some(k) = key {
                self.pending = key;
                self.named_blank |= 1 << k.index();
            }
            self.after_figures = false;
            // A second numbered label (`3.危及“三` after `2.其他法律行` / `政法规禁止公开`): the
            // row before it had no figures at all (blank cells a PDF's text drops), so its
            // words are no part of the label the next figures belong to.
            if split.label.starts_with(|c: char| c.is_ascii_digit())
                && self.carry.bytes().any(|b| b.is_ascii_digit())
            {
                self.carry.clear();
            }
            if self.carry.len() < 512 {
                self.carry.push_str(&split.label);
            }
            return;
        }
        self.after_figures = true;
        let mut carried = std::mem::take(&mut self.carry);
        // A numbered label after the words of another numbered row that printed no figures
        // (`（三）不 1.属于国家秘密`, its cells blank, then `2.其他法律行 … 1 1`): those words,
        // and the row they named, are not this row's; that row places this one's number.
        let mut named_before = None;
        if split.label.starts_with(|c: char| c.is_ascii_digit())
            && carried.bytes().any(|b| b.is_ascii_digit())
        {
            carried.clear();
            named_before = self.pending.take();
        }
        let whole: std::borrow::Cow<str> = if carried.is_empty() {
            split.label.as_str().into()
        } else {
            format!("{carried}{}", split.label).into()
        };
        let key = key.or_else(|| {
            (!carried.is_empty())
                .then(|| table3_row(&whole))
                .flatten()
                .filter(|&k| self.free_for_label(k))
        });
        if key.is_none() && is_other_single(&whole) && self.other_single.is_none() {
            self.other_single = Some(ReadRow::new(&fit_row(&split.values)));
            self.last = Some(RowKey::OtherOther);
            return;
        }
        // A label cut before its words still names its place by its number (`5.属于三类` is
        // the fifth row of the group the rows before are in; `（四）无法提供 1.本机关不掌`, the
        // first of 无法提供), where the rows between printed no figure at all.
        let key = key.or_else(|| {
            self.pending
                .is_none()
                .then(|| numbered_place(&whole, named_before.or(self.last)))
                .flatten()
                .filter(|&k| self.free_for_label(k))
        });
        // Nothing names the row: only its place could tell which it is.
        let unnamed = key.is_none() && self.pending.is_none();
        // Blank cells alone fill a row only where a label names it: under a header cell that
        // spans the table, a web page's text pads the row with empty cells.
        if unnamed && split.numbers() == 0 {
            return;
        }
        // Figures with no label right after a row that came short are the rest of that row,
        // broken over two lines ("1.本机关不掌握… 0 0 0 0 0" / "0 0") — unless both are whole
        // rows by their totals (`20 1 21` / `7 1 8`, zeros left blank): the next row, whose
        // label the extraction printed apart from its figures.
        if unnamed
            && carried.is_empty()
            && split.label.is_empty()
            && let Some(row) = self
                .last
                .and_then(|k| self.raw.get_mut(k.index()))
                .and_then(Option::as_mut)
            && !(row.is_whole() && whole_row(&split.values))
            && row.extend(&split.values)
        {
            return;
        }
        if unnamed && self.lost_place {
            return;
        }
        // Before any row is read, a row with words that name none is no known row: the rows
        // above it may be missing from the source (a PDF that lost a table's first rows), and
        // taking it for the first row would fill that row with another's figures.
        if unnamed && self.last.is_none() && !whole.trim().is_empty() {
            return;
        }
        self.lost_place &= unnamed;
        let target = key
            .or_else(|| self.pending.take())
            .or_else(|| self.next_free());
        let Some(target) = target else { return };
        if key.is_some() {
            self.pending = None;
        }
        if let Some(slot) = self.raw.get_mut(target.index()) {
            *slot = Some(ReadRow::new(&fit_row(&split.values)));
        }
        if let Some(g) = self.guessed.get_mut(target.index()) {
            *g = unnamed;
        }
        self.last = Some(target);
    }

    pub fn finish(mut self) -> Read3 {
        let trial = self.other_single.is_some()
            && ![
                RowKey::OtherNoCorrection,
                RowKey::OtherNoFee,
                RowKey::OtherOther,
            ]
            .iter()
            .any(|&k| self.filled(k));
        // The 2019 single （六） row is an outcome row like any other: restore it in the slot of
        // 3.其他 (absent in that format), then move it back.
        if trial && let Some(slot) = self.raw.get_mut(RowKey::OtherOther.index()) {
            *slot = self.other_single.take();
        }
        let mut r = restore(&self.raw);
        if trial {
            r.table.other_single_2019 =
                r.table.row(RowKey::OtherOther).copied().or(Some([None; 7]));
            r.table.set_row(RowKey::OtherOther, None);
            for f in r
                .findings
                .iter_mut()
                .filter(|f| f.location == "table3.other_other")
            {
                f.location = "table3.other_single_2019".into();
                f.message = f
                    .message
                    .replace(&RowKey::OtherOther.display(), "（六）其他处理");
            }
        }
        Read3 {
            table: r.table,
            lost: r.lost,
            findings: r.findings,
            trial,
        }
    }
}

/// True when a label holds a character of Latin-1's letters, Latin Extended or the spacing
/// modifiers (U+00C0–U+02FF): never in a Chinese table's label, always in mojibake.
fn garbled(label: &str) -> bool {
    label.as_bytes().iter().any(|b| (0xC3..=0xCB).contains(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Num;
    use crate::parse::extract::cells::split_into;

    /// Reads rows given as a label and `count` cells holding `figure`.
    fn read(rows: &[(&str, &str, usize)]) -> Table3 {
        let mut reader = Table3Reader::default();
        let mut split = Split::default();
        for &(label, figure, count) in rows {
            let mut cells: Vec<&str> = [label].into_iter().filter(|l| !l.is_empty()).collect();
            cells.extend(std::iter::repeat_n(figure, count));
            split_into(&mut split, &cells);
            reader.offer(&split);
        }
        reader.finish().table
    }

    fn row(n: f64) -> Option<[Option<Num>; 7]> {
        Some([Num::new(n); 7])
    }

    #[test]
    fn a_numbered_label_cut_before_its_words_names_its_place() {
        // Rows 2–4 printed no figure (blank cells), their labels cut before their words: the
        // numbers still place the rows after them.
        let mut reader = Table3Reader::default();
        let mut split = Split::default();
        let rows: [&[&str]; 7] = [
            &[
                "（三）不予公开",
                "1.属于国家秘密",
                "14",
                "—",
                "—",
                "—",
                "—",
                "—",
                "14",
            ],
            &["2.其他法律行", "—", "—", "—", "—", "—", "—", "—"],
            &["3.危及“三", "—", "—", "—", "—", "—", "—", "—"],
            &["4.保护第", "—", "—", "—", "—", "—", "—", "—"],
            &["5.属于三类", "5", "—", "—", "—", "—", "—", "5"],
            &[
                "（四）无法提供 1.本机关不掌",
                "252",
                "12",
                "—",
                "—",
                "1",
                "—",
                "265",
            ],
            &["2.没有现成信", "44", "3", "—", "—", "—", "—", "47"],
        ];
        for cells in rows {
            split_into(&mut split, cells);
            reader.offer(&split);
        }
        let t = reader.finish().table;
        let first = |key| t.row(key).and_then(|r| r[0]).map(Num::value);
        assert_eq!(first(RowKey::DeniedInternalAffairs), Some(5.0));
        assert_eq!(first(RowKey::UnableNotHeld), Some(252.0));
        assert_eq!(first(RowKey::UnableNeedsCreation), Some(44.0));
        assert_eq!(first(RowKey::DeniedLawProhibits), None);
        // A number places a row only after the last one read, in a group that numbers its rows.
        for (label, last, want) in [
            (
                "5属于三类",
                RowKey::DeniedStateSecret,
                Some(RowKey::DeniedInternalAffairs),
            ),
            (
                "四无法提供1本机关不掌",
                RowKey::DeniedAdminQuery,
                Some(RowKey::UnableNotHeld),
            ),
            ("1属于国家秘密", RowKey::DeniedProcessInfo, None),
            ("9属于", RowKey::DeniedStateSecret, None),
            ("2上年结转", RowKey::New, None),
        ] {
            assert_eq!(numbered_place(label, Some(last)), want, "{label}");
        }
    }

    #[test]
    fn a_numbered_label_after_a_named_row_without_figures_is_the_next_row() {
        // 1.属于国家秘密 printed no figure (blank cells, no marks), its label over two lines;
        // the figures that follow stand beside 2.其他法律行, cut before its words.
        let t = read(&[
            ("（二）部分公开", "1", 7),
            ("（三）不 1.属于国家秘密", "", 0),
            ("予公开", "", 0),
            ("2.其他法律行", "2", 7),
            ("政法规禁止公开", "", 0),
        ]);
        assert_eq!(t.row(RowKey::DeniedStateSecret), None);
        assert_eq!(t.row(RowKey::DeniedLawProhibits), row(2.0).as_ref());
    }

    #[test]
    fn a_label_wrapped_below_its_figures_names_no_row_after_it() {
        // Cells whose text starts at the top: each label's rest comes after its figures, and
        // one of them (`内部事务信息`) names the row it ends, not the next.
        let t = read(&[
            ("3.危及“三安全一稳定”", "3", 7),
            ("4.保护第", "4", 7),
            ("三方合法权益", "", 0),
            ("5.属于三类", "5", 7),
            ("内部事务信息", "", 0),
            ("6.属于四", "6", 7),
            ("类过程性信息", "", 0),
            ("7.属于行", "7", 7),
            ("政执法案卷", "", 0),
        ]);
        assert_eq!(t.row(RowKey::DeniedThirdParty).copied(), row(4.0));
        assert_eq!(t.row(RowKey::DeniedInternalAffairs).copied(), row(5.0));
        assert_eq!(t.row(RowKey::DeniedProcessInfo).copied(), row(6.0));
        assert_eq!(t.row(RowKey::DeniedEnforcementFile).copied(), row(7.0));
        for (label, mark) in [
            ("五不1信访举", true),
            ("一本年新收", true),
            ("予处理", false),
        ] {
            assert_eq!(names_mark(label), mark, "{label}");
        }
    }

    #[test]
    fn broken_rows_and_lost_labels_fill_only_their_own_rows() {
        // A row's last figures on the next line are the rest of that row.
        let t = read(&[
            ("1.本机关不掌握相关政府信息", "1", 5),
            ("", "1", 2),
            ("2.没有现成信息需要另行制作", "2", 7),
        ]);
        assert_eq!(t.row(RowKey::UnableNotHeld).copied(), row(1.0));
        assert_eq!(t.row(RowKey::UnableNeedsCreation).copied(), row(2.0));
        // After a garbled label no row is guessed by its place.
        let t = read(&[("Õl‹_", "", 0), ("", "5", 7), ("（二）部分公开", "3", 7)]);
        assert_eq!(t.row(RowKey::New), None);
        assert_eq!(t.row(RowKey::PartlyGranted).copied(), row(3.0));
        // A label takes back a row that only its place had filled.
        let t = read(&[
            ("一、本年新收政府信息公开申请数量", "1", 7),
            ("", "4", 7),
            ("二、上年结转政府信息公开申请数量", "2", 7),
        ]);
        assert_eq!(t.row(RowKey::CarriedOver).copied(), row(2.0));
        // The table's first rows missing from the source: a row whose words name nothing is
        // not taken for the first row; the rows after it are read by their words.
        let t = read(&[("申请内容", "0", 7), ("1.信访举报投诉类申请", "4", 7)]);
        assert_eq!(t.row(RowKey::New), None);
        assert_eq!(t.row(RowKey::NotProcessedPetition).copied(), row(4.0));
    }

    /// Zeros left blank, a wrapped label printed apart from its figures (`pdftotext -raw`):
    /// figures with no label after a row that adds up are the next row, not that row's rest.
    #[test]
    fn a_row_that_adds_up_takes_no_more_figures() {
        let mut reader = Table3Reader::default();
        let mut split = Split::default();
        for cells in [
            &["（一）予以公开", "20", "1", "21"][..],
            &["", "7", "1", "8"][..],
        ] {
            split_into(&mut split, cells);
            reader.offer(&split);
        }
        let t = reader.finish().table;
        // Neither row's figures can be placed in their columns, but neither took the other's.
        for key in [RowKey::Granted, RowKey::PartlyGranted] {
            let figures: Vec<f64> = t
                .row(key)
                .into_iter()
                .flatten()
                .flatten()
                .map(|n| n.value())
                .collect();
            assert!(
                !figures.contains(&7.0) || key == RowKey::PartlyGranted,
                "{key:?} {figures:?}"
            );
            assert!(
                !figures.contains(&20.0) || key == RowKey::Granted,
                "{key:?} {figures:?}"
            );
        }
        for (values, whole) in [
            (&["20", "1", "21"][..], true),
            (&["", "7", "1", "8"][..], true),
            (&["0", "0", "0", "0", "0"][..], false),
            (&["1", "2", "4"][..], false),
            (&["5"][..], false),
        ] {
            split_into(&mut split, &[&["x"][..], values].concat());
            assert_eq!(whole_row(&split.values), whole, "{values:?}");
        }
    }
}
