//! Where a `.doc` file's table rows end. A row ends with a mark (0x07) like each of its cells;
//! only the paragraph properties tell it apart (its paragraph is a "table terminating
//! paragraph", [MS-DOC] sprmPFTtp). As a line, the row's end would be an empty line, which is
//! an empty cell to the reader of a cell per line: in a table whose zeros are left blank, every
//! row after it would shift by one cell. So the paragraphs with that property are found here,
//! and their marks left out of the text.
//!
//! Paragraph properties are kept in 512-byte pages (PapxFkp) of the WordDocument stream, listed
//! by the PlcBtePapx of the table stream; each page maps runs of file offsets to properties.

use super::msdoc::{u16_at, u32_at};

/// A paragraph that terminates a table row (sprmPFTtp), or a nested one's (sprmPFInnerTtp).
const SPRM_PF_TTP: u16 = 0x2417;
const SPRM_PF_INNER_TTP: u16 = 0x244C;
/// Properties too large for their page (a wide row's cell definitions), kept in the Data
/// stream at the operand's offset.
const SPRM_P_HUGE_PAPX: u16 = 0x6646;

const PAGE: usize = 512;

/// The file offsets `[start, end)` of the row-ending paragraphs, in order. Empty where the
/// properties cannot be read (the text then keeps every mark, as before).
pub fn row_ends(word: &[u8], plc_bte_papx: &[u8], data: &[u8]) -> Vec<(u32, u32)> {
    // n + 1 file offsets, then n page numbers.
    let n = plc_bte_papx.len().saturating_sub(4) / 8;
    let mut out = Vec::new();
    for k in 0..n {
        let Some(pn) = u32_at(plc_bte_papx, (n + 1) * 4 + k * 4) else {
            break;
        };
        let at = (pn & 0x003F_FFFF) as usize * PAGE;
        let Some(page) = word.get(at..at + PAGE) else {
            continue;
        };
        page_row_ends(page, data, &mut out);
    }
    out.sort_unstable();
    out
}

/// The runs of one PapxFkp page whose properties make them row ends.
fn page_row_ends(page: &[u8], data: &[u8], out: &mut Vec<(u32, u32)>) {
    let crun = usize::from(page.get(PAGE - 1).copied().unwrap_or(0));
    for i in 0..crun {
        let (Some(start), Some(end)) = (u32_at(page, i * 4), u32_at(page, i * 4 + 4)) else {
            return;
        };
        // BxPap: a byte giving the properties' place in words, then 12 reserved bytes.
        let Some(&b_offset) = page.get((crun + 1) * 4 + i * 13) else {
            return;
        };
        if b_offset != 0 && papx_is_ttp(page, usize::from(b_offset) * 2, data) {
            out.push((start, end));
        }
    }
}

/// PapxInFkp at `at`: a size, the style (two bytes), then the property modifiers (sprms).
fn papx_is_ttp(page: &[u8], at: usize, data: &[u8]) -> bool {
    let Some(&cb) = page.get(at) else {
        return false;
    };
    let (start, len) = if cb == 0 {
        let Some(&cb2) = page.get(at + 1) else {
            return false;
        };
        (at + 2, usize::from(cb2) * 2)
    } else {
        (at + 1, usize::from(cb) * 2 - 1)
    };
    let Some(grpprl) = page.get(start + 2..(start + len).min(PAGE)) else {
        return false;
    };
    sprms_set_ttp(grpprl, data)
}

/// Walks property modifiers, each an opcode whose top three bits give its operand's size; a
/// huge one's are read from `data` (a size, then the modifiers; never huge again).
fn sprms_set_ttp(mut grpprl: &[u8], data: &[u8]) -> bool {
    while let Some(op) = u16_at(grpprl, 0) {
        let operand = grpprl.get(2..).unwrap_or_default();
        if matches!(op, SPRM_PF_TTP | SPRM_PF_INNER_TTP) && operand.first() == Some(&1) {
            return true;
        }
        if op == SPRM_P_HUGE_PAPX
            && let Some(at) = u32_at(operand, 0).map(|at| at as usize)
            && let Some(size) = u16_at(data, at)
            && let Some(huge) = data.get(at + 2..at + 2 + usize::from(size))
            && sprms_set_ttp(huge, &[])
        {
            return true;
        }
        let size = match op >> 13 {
            0 | 1 => 1,
            2 | 4 | 5 => 2,
            3 => 4,
            7 => 3,
            // Variable: sprmTDefTable gives its size in two bytes, the rest in one.
            _ if op == 0xD608 => usize::from(u16_at(operand, 0).unwrap_or(0)) + 1,
            _ => usize::from(operand.first().copied().unwrap_or(0)) + 1,
        };
        let Some(rest) = grpprl.get(2 + size..) else {
            return false;
        };
        grpprl = rest;
    }
    false
}

/// Whether the character at file offset `fc` lies in one of `ends`.
pub fn is_row_end(ends: &[(u32, u32)], fc: u32) -> bool {
    let i = ends.partition_point(|&(start, _)| start <= fc);
    i > 0 && ends.get(i - 1).is_some_and(|&(_, end)| fc < end)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page of two runs, the second a row end by its properties.
    fn page() -> Vec<u8> {
        let mut page = vec![0u8; PAGE];
        for (i, fc) in [100u32, 110, 112].into_iter().enumerate() {
            page[i * 4..i * 4 + 4].copy_from_slice(&fc.to_le_bytes());
        }
        // BxPap of run 0 → word 100 (byte 200), run 1 → word 110 (byte 220).
        page[12] = 100;
        page[12 + 13] = 110;
        // Run 0: style 0, sprmPJc (0x2403) = 1: not a row end.
        page[200..206].copy_from_slice(&[3, 0, 0, 0x03, 0x24, 1]);
        // Run 1: style 0, sprmPFInTable = 1, then sprmPFTtp = 1.
        page[220..229].copy_from_slice(&[5, 0, 0, 0x16, 0x24, 1, 0x17, 0x24, 1]);
        page[PAGE - 1] = 2;
        page
    }

    #[test]
    fn row_ends_are_found_by_their_properties() {
        let mut ends = Vec::new();
        page_row_ends(&page(), &[], &mut ends);
        assert_eq!(ends, [(110, 112)]);
        assert!(is_row_end(&ends, 110) && is_row_end(&ends, 111));
        assert!(!is_row_end(&ends, 109) && !is_row_end(&ends, 112));
        // Through the PlcBtePapx: one page, number 1, in a stream of two pages.
        let mut word = vec![0u8; PAGE];
        word.extend(page());
        let mut plc = Vec::new();
        for v in [100u32, 112, 1] {
            plc.extend(v.to_le_bytes());
        }
        assert_eq!(row_ends(&word, &plc, &[]), [(110, 112)]);
        // Pages out of the stream, sizes past the page, garbage: nothing, and no panic.
        assert!(row_ends(&word[..600], &plc, &[]).is_empty());
        let mut bad = page();
        bad[220] = 0xFF;
        bad[PAGE - 1] = 0xFF;
        let mut none = Vec::new();
        page_row_ends(&bad, &[], &mut none);
        assert!(!sprms_set_ttp(&[0x17], &[]));
        // A huge PAPX: sprmPHugePapx pointing at offset 3 of the Data stream.
        let data = [9, 9, 9, 3, 0, 0x17, 0x24, 1];
        assert!(sprms_set_ttp(&[0x46, 0x66, 3, 0, 0, 0], &data));
        assert!(!sprms_set_ttp(&[0x46, 0x66, 4, 0, 0, 0], &data));
        assert!(!sprms_set_ttp(&[0x46, 0x66, 0xff, 0xff, 0xff, 0xff], &data));
    }
}
