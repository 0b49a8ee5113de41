//! Word 97–2003 documents (`.doc`), which many portals still publish: the main document's text
//! read through the piece table ([MS-DOC] 2.4.1), a cell per line.
//!
//! In this format a paragraph ends with a carriage return and a table cell with a cell mark
//! (0x07); a row ends with one more mark. Each of these ends a line here, so a table comes out
//! as the office suites' "save as text" does (a cell per line, an empty line for an empty
//! cell) and is read by [`super::cell_lines`]; the row-end marks only add empty lines, which
//! that reader takes for what they are. Field codes (`HYPERLINK "…"`, `PAGE`) are dropped and
//! their results kept.

use std::io::{Cursor, Read};

use super::ParseError;
use super::msdoc_rows::is_row_end;

/// The signature of an OLE compound file, the container of `.doc` (and `.xls`, `.ppt`, `.wps`).
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// `wIdent` of a Word document's FIB.
const WORD_IDENT: u16 = 0xA5EC;
/// `nFib` of Word 97; Word 6 and 95 wrote smaller numbers and another layout.
const NFIB_WORD97: u16 = 0x00C1;

pub fn is_ole(bytes: &[u8]) -> bool {
    bytes.starts_with(&OLE_MAGIC)
}

fn err(msg: impl Into<String>) -> ParseError {
    ParseError::Doc(msg.into())
}

/// The main document's text, with every paragraph, cell and row ending a line.
pub fn text(bytes: &[u8]) -> Result<String, ParseError> {
    let s = streams(bytes)?;
    from_streams(
        &s.word,
        s.table0.as_deref(),
        s.table1.as_deref(),
        s.data.as_deref(),
    )
}

/// [`text`] from the document's streams, once out of their container: `WordDocument` and the
/// table streams `0Table` and `1Table` where present.
pub fn from_streams(
    word: &[u8],
    table0: Option<&[u8]>,
    table1: Option<&[u8]>,
    data: Option<&[u8]>,
) -> Result<String, ParseError> {
    let fib = Fib::read(word)?;
    let table = if fib.table1 { table1 } else { table0 }
        .ok_or_else(|| err("缺少文档的表流（0Table/1Table）"))?;
    let clx = table
        .get(fib.fc_clx..fib.fc_clx.saturating_add(fib.lcb_clx))
        .ok_or_else(|| err("文档的片段表（CLX）超出文件范围"))?;
    let papx = table
        .get(fib.fc_bte_papx..fib.fc_bte_papx.saturating_add(fib.lcb_bte_papx))
        .unwrap_or_default();
    let ends = super::msdoc_rows::row_ends(word, papx, data.unwrap_or_default());
    let raw = main_text(word, clx, fib.ccp_text, &ends)?;
    Ok(lines(&raw))
}

struct Streams {
    word: Vec<u8>,
    table0: Option<Vec<u8>>,
    table1: Option<Vec<u8>>,
    /// Where properties too large for their page are kept.
    data: Option<Vec<u8>>,
}

fn streams(bytes: &[u8]) -> Result<Streams, ParseError> {
    // The container reader is third-party code over hostile input: a panic in it must become an
    // error for this one file.
    let read = super::shield::shielded(|| -> std::io::Result<Option<Streams>> {
        let mut file = cfb::CompoundFile::open(Cursor::new(bytes))?;
        let mut stream = |name: &str| -> std::io::Result<Option<Vec<u8>>> {
            if !file.is_stream(name) {
                return Ok(None);
            }
            let mut out = Vec::new();
            file.open_stream(name)?
                .take(super::MAX_INPUT as u64)
                .read_to_end(&mut out)?;
            Ok(Some(out))
        };
        let Some(word) = stream("/WordDocument")? else {
            return Ok(None);
        };
        Ok(Some(Streams {
            word,
            table0: stream("/0Table")?,
            table1: stream("/1Table")?,
            data: stream("/Data")?,
        }))
    });
    match read {
        Ok(Ok(Some(s))) => Ok(s),
        Ok(Ok(None)) => Err(err(
            "这是 Office 97–2003 格式的文件，但不是 Word 文档（可能是 Excel 或 PowerPoint 文件）",
        )),
        Ok(Err(e)) => Err(err(format!("OLE 复合文件结构损坏：{e}"))),
        Err(_) => Err(err("OLE 复合文件结构损坏")),
    }
}

pub(super) fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

pub(super) fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// What is needed of the File Information Block at the start of the WordDocument stream.
struct Fib {
    /// The piece table is in `1Table` (else `0Table`).
    table1: bool,
    /// Characters of the main document (headers, footnotes and the like follow it).
    ccp_text: usize,
    fc_clx: usize,
    lcb_clx: usize,
    /// Where the paragraphs' properties are listed (PlcBtePapx).
    fc_bte_papx: usize,
    lcb_bte_papx: usize,
}

impl Fib {
    fn read(word: &[u8]) -> Result<Fib, ParseError> {
        let short = || err("文件信息块（FIB）不完整");
        if u16_at(word, 0) != Some(WORD_IDENT) {
            return Err(err("不是 Word 文档（文件信息块标识不符）"));
        }
        let n_fib = u16_at(word, 2).ok_or_else(short)?;
        if n_fib < NFIB_WORD97 {
            return Err(err(
                "Word 6.0/95 格式的旧文档，无法读取；请用 Word 或 WPS 另存为 DOCX 或 PDF",
            ));
        }
        let flags = u16_at(word, 0x0A).ok_or_else(short)?;
        if flags & 0x0100 != 0 {
            return Err(err("文档已加密，请去除密码后再检查"));
        }
        // FibBase (32 bytes), then three arrays each preceded by its length.
        let csw = usize::from(u16_at(word, 32).ok_or_else(short)?);
        let lw_len_at = 34 + csw * 2;
        let cslw = usize::from(u16_at(word, lw_len_at).ok_or_else(short)?);
        let lw = lw_len_at + 2;
        let ccp_text = u32_at(word, lw + 3 * 4).ok_or_else(short)?;
        let fc_lcb = lw + cslw * 4 + 2;
        // fcClx/lcbClx: the 34th pair of FibRgFcLcb97.
        let fc_clx = u32_at(word, fc_lcb + 33 * 8).ok_or_else(short)?;
        let lcb_clx = u32_at(word, fc_lcb + 33 * 8 + 4).ok_or_else(short)?;
        // fcPlcfBtePapx/lcbPlcfBtePapx: the 14th pair.
        let fc_bte_papx = u32_at(word, fc_lcb + 13 * 8).unwrap_or(0);
        let lcb_bte_papx = u32_at(word, fc_lcb + 13 * 8 + 4).unwrap_or(0);
        Ok(Fib {
            table1: flags & 0x0200 != 0,
            ccp_text: ccp_text as usize,
            fc_clx: fc_clx as usize,
            lcb_clx: lcb_clx as usize,
            fc_bte_papx: fc_bte_papx as usize,
            lcb_bte_papx: lcb_bte_papx as usize,
        })
    }
}

/// The first `ccp` characters of the document, piece by piece; the marks that end table rows
/// (at the file offsets `row_ends`) become U+001F, which [`lines`] drops.
fn main_text(
    word: &[u8],
    clx: &[u8],
    ccp: usize,
    row_ends: &[(u32, u32)],
) -> Result<String, ParseError> {
    let row_end = |fc: usize| u32::try_from(fc).is_ok_and(|fc| is_row_end(row_ends, fc));
    let bad = || err("文档的片段表（CLX）损坏");
    // Skip the Prc entries (formatting), then the Pcdt: 0x02, its size, the PlcPcd.
    let mut at = 0;
    while clx.get(at) == Some(&0x01) {
        let cb = u16_at(clx, at + 1).ok_or_else(bad)?;
        at += 3 + usize::from(cb);
    }
    if clx.get(at) != Some(&0x02) {
        return Err(bad());
    }
    let lcb = u32_at(clx, at + 1).ok_or_else(bad)? as usize;
    let plc = clx.get(at + 5..at + 5 + lcb).ok_or_else(bad)?;
    // n pieces: n + 1 character positions (4 bytes each), then n descriptors (8 bytes each).
    let n = plc.len().saturating_sub(4) / 12;
    let mut out = String::with_capacity(ccp.min(word.len()));
    for k in 0..n {
        let (Some(cp0), Some(cp1)) = (u32_at(plc, k * 4), u32_at(plc, k * 4 + 4)) else {
            return Err(bad());
        };
        let (cp0, cp1) = (cp0 as usize, (cp1 as usize).min(ccp));
        if cp0 >= ccp {
            break;
        }
        let len = cp1.saturating_sub(cp0);
        let fc = u32_at(plc, (n + 1) * 4 + k * 8 + 2).ok_or_else(bad)?;
        let offset = (fc & 0x3FFF_FFFF) as usize;
        if fc & 0x4000_0000 != 0 {
            // Compressed: one byte a character, in code page 1252, at half the offset.
            let start = offset / 2;
            let bytes = word.get(start..start + len).ok_or_else(bad)?;
            // One byte a character, so the n-th byte is the n-th character.
            let marked: Vec<u8>;
            let bytes = if !row_ends.is_empty() && bytes.contains(&0x07) {
                marked = (bytes.iter().enumerate())
                    .map(|(j, &b)| {
                        if b == 0x07 && row_end(start + j) {
                            0x1f
                        } else {
                            b
                        }
                    })
                    .collect();
                &marked[..]
            } else {
                bytes
            };
            out.push_str(
                &encoding_rs::WINDOWS_1252
                    .decode_without_bom_handling(bytes)
                    .0,
            );
        } else {
            let bytes = word.get(offset..offset + 2 * len).ok_or_else(bad)?;
            let units = bytes.chunks_exact(2).enumerate().map(|(j, u)| {
                match u16::from_le_bytes([u[0], u[1]]) {
                    0x07 if row_end(offset + 2 * j) => 0x1f,
                    unit => unit,
                }
            });
            out.extend(char::decode_utf16(units).map(|c| c.unwrap_or('\u{fffd}')));
        }
    }
    Ok(out)
}

/// Word's marks as line ends; field codes dropped, field results kept; other control
/// characters (anchors of pictures and footnotes) dropped.
fn lines(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    // For each open field: true while in its code, before its separator; and how many open
    // fields are in their code (kept as a count, so that deep nesting costs nothing per char).
    let mut fields: Vec<bool> = Vec::new();
    let mut in_code = 0usize;
    for c in raw.chars() {
        match c {
            '\u{13}' => {
                fields.push(true);
                in_code += 1;
            }
            '\u{14}' => {
                if let Some(code) = fields.last_mut().filter(|code| **code) {
                    *code = false;
                    in_code -= 1;
                }
            }
            '\u{15}' => {
                if fields.pop() == Some(true) {
                    in_code -= 1;
                }
            }
            _ if in_code > 0 => {}
            '\r' | '\u{07}' | '\u{0b}' | '\u{0c}' | '\u{0e}' => out.push('\n'),
            '\u{1e}' => out.push('-'),
            '\t' => out.push('\t'),
            c if c < ' ' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_end_lines_and_field_codes_go() {
        let raw = "一、总体情况\r详见\u{13} HYPERLINK \"http://x\" \u{14}网站\u{15}。\r\
                   规章\u{07}1\u{07}\u{07}0\u{07}\u{07}第\u{13}PAGE\u{14}3\u{15}页\u{01}";
        assert_eq!(
            lines(raw),
            "一、总体情况\n详见网站。\n规章\n1\n\n0\n\n第3页"
        );
        // Nested fields, a separator or an end without a field, a field never closed.
        assert_eq!(
            lines("a\u{13}X\u{13}Y\u{14}y\u{15}Z\u{14}b\u{15}c\u{14}\u{15}d\u{13}e"),
            "abcd"
        );
    }

    #[test]
    fn what_is_not_a_word_97_document_says_so() {
        assert!(matches!(text(b"not ole at all"), Err(ParseError::Doc(_))));
        let mut fib = vec![0u8; 1024];
        fib[0..2].copy_from_slice(&WORD_IDENT.to_le_bytes());
        fib[2..4].copy_from_slice(&0x0068u16.to_le_bytes());
        assert!(matches!(Fib::read(&fib), Err(ParseError::Doc(m)) if m.contains("Word 6.0/95")));
        fib[2..4].copy_from_slice(&NFIB_WORD97.to_le_bytes());
        fib[0x0A..0x0C].copy_from_slice(&0x0100u16.to_le_bytes());
        assert!(matches!(Fib::read(&fib), Err(ParseError::Doc(m)) if m.contains("加密")));
        assert!(matches!(Fib::read(&fib[..20]), Err(ParseError::Doc(_))));
    }

    #[test]
    fn a_broken_piece_table_is_an_error_not_a_panic() {
        for clx in [&[][..], &[0x01, 0xff, 0xff][..], &[0x02, 0xff, 0, 0, 0][..]] {
            assert!(main_text(b"", clx, 10, &[]).is_err(), "{clx:?}");
        }
        // One piece of two UTF-16 characters at offset 4.
        let mut plc = Vec::new();
        for v in [0u32, 2] {
            plc.extend(v.to_le_bytes());
        }
        plc.extend([0, 0]);
        plc.extend(4u32.to_le_bytes());
        plc.extend([0, 0]);
        let mut clx = vec![0x02];
        clx.extend((plc.len() as u32).to_le_bytes());
        clx.extend(&plc);
        let word = [0, 0, 0, 0, 0x6c, 0x51, 0x00, 0x5f];
        assert_eq!(main_text(&word, &clx, 2, &[]).ok().as_deref(), Some("公开"));
        assert!(main_text(&word[..6], &clx, 2, &[]).is_err());
    }
}
