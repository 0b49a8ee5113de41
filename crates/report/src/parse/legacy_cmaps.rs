//! PDFs whose Chinese text is set in a font the file does not carry, named with one of Adobe's
//! predefined CMaps in a legacy double-byte encoding (`/Encoding /GBK-EUC-H`, `/ETen-B5-H`): what
//! older office tools and PDF printers on Chinese Windows wrote with 宋体 left out. The extractor
//! knows none of these by name and gives up on the file. In them a character's code is its GBK
//! (or Big5) bytes, one byte for ASCII and two for the rest, so each such font is given an
//! embedded CMap with the same code space, a ToUnicode map that decodes every code as GBK (or
//! Big5) does, and its ASCII widths (kept by CID, 1–95) by code: the extractor numbers a
//! character by its code under the one CID range it reads.

use std::sync::LazyLock;

use pdf_extract::{Dictionary, Document, Object, ObjectId, Stream};

use super::cmaps::refont;

#[derive(Clone, Copy, PartialEq, Debug)]
enum Legacy {
    Gbk,
    Big5,
}

/// Adobe's predefined CMaps whose codes are GB 2312 / GBK bytes (EUC form) or Big5 bytes.
const LEGACY_CMAPS: [(&[u8], Legacy); 16] = [
    (b"GB-EUC-H", Legacy::Gbk),
    (b"GB-EUC-V", Legacy::Gbk),
    (b"GBpc-EUC-H", Legacy::Gbk),
    (b"GBpc-EUC-V", Legacy::Gbk),
    (b"GBK-EUC-H", Legacy::Gbk),
    (b"GBK-EUC-V", Legacy::Gbk),
    (b"GBKp-EUC-H", Legacy::Gbk),
    (b"GBKp-EUC-V", Legacy::Gbk),
    (b"ETen-B5-H", Legacy::Big5),
    (b"ETen-B5-V", Legacy::Big5),
    (b"ETenms-B5-H", Legacy::Big5),
    (b"ETenms-B5-V", Legacy::Big5),
    (b"B5pc-H", Legacy::Big5),
    (b"B5pc-V", Legacy::Big5),
    (b"HKscs-B5-H", Legacy::Big5),
    (b"HKscs-B5-V", Legacy::Big5),
];

fn legacy_of(font: &Dictionary) -> Option<Legacy> {
    if font.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Type0".as_slice()) {
        return None;
    }
    let name = font.get(b"Encoding").and_then(Object::as_name).ok()?;
    LEGACY_CMAPS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|&(_, legacy)| legacy)
}

/// Rewrites every font in a legacy predefined CMap as one the extractor reads; true when any
/// was.
pub fn unify(doc: &mut Document) -> bool {
    let fonts: Vec<(ObjectId, Legacy)> = doc
        .objects
        .iter()
        .filter_map(|(id, o)| Some((*id, legacy_of(o.as_dict().ok()?)?)))
        .collect();
    if fonts.is_empty() {
        return false;
    }
    // One encoding and one ToUnicode stream for each encoding the file uses.
    let mut streams: Vec<(Legacy, ObjectId, ObjectId)> = Vec::new();
    for (id, legacy) in fonts {
        let (encoding, to_unicode) = match streams.iter().find(|s| s.0 == legacy) {
            Some(&(_, e, t)) => (e, t),
            None => {
                let e = doc.add_object(Stream::new(Dictionary::new(), encoding_cmap()));
                let t = doc.add_object(Stream::new(Dictionary::new(), to_unicode(legacy).to_vec()));
                streams.push((legacy, e, t));
                (e, t)
            }
        };
        refont(doc, id, Object::Reference(encoding), to_unicode);
    }
    true
}

/// The code space of the EUC and Big5 CMaps: a byte up to 0x80, or two from 0x8140; each code
/// its own CID (the extractor adds a range's first CID to the code itself, so one range from
/// 0 with CID 0 numbers every character by its code). The extractor's CMap reader takes a
/// range's width in bytes as half its written length (it counts hex digits, but is handed
/// bytes), so each bound is written with as many leading zero bytes again.
fn encoding_cmap() -> Vec<u8> {
    "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
     /CMapName /Gongkai-Legacy-Codes def\n/CMapType 1 def\n\
     2 begincodespacerange\n<0000> <0080>\n<00008140> <0000FEFE>\nendcodespacerange\n\
     1 begincidrange\n<0000> <FEFE> 0\nendcidrange\n\
     endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
        .as_bytes()
        .to_vec()
}

/// [`to_unicode_cmap`], written once for each encoding.
fn to_unicode(legacy: Legacy) -> &'static [u8] {
    static GBK: LazyLock<Vec<u8>> = LazyLock::new(|| to_unicode_cmap(Legacy::Gbk));
    static BIG5: LazyLock<Vec<u8>> = LazyLock::new(|| to_unicode_cmap(Legacy::Big5));
    match legacy {
        Legacy::Gbk => &GBK,
        Legacy::Big5 => &BIG5,
    }
}

/// Every code of the encoding as the character it decodes to, in UTF-16 as ToUnicode gives it.
fn to_unicode_cmap(legacy: Legacy) -> Vec<u8> {
    let decoder = match legacy {
        Legacy::Gbk => encoding_rs::GBK,
        Legacy::Big5 => encoding_rs::BIG5,
    };
    let mut entries: Vec<String> = (0x20u8..=0x7e)
        .map(|b| format!("<{b:02X}> <{:04X}>", u32::from(b)))
        .collect();
    for lead in 0x81u8..=0xfe {
        for trail in (0x40u8..=0xfe).filter(|&t| t != 0x7f) {
            let code = [lead, trail];
            let (text, bad) = decoder.decode_without_bom_handling(&code);
            let mut chars = text.chars();
            let (Some(c), None) = (chars.next(), chars.next()) else {
                continue;
            };
            if bad || c == '\u{fffd}' {
                continue;
            }
            let utf16: String = c
                .encode_utf16(&mut [0; 2])
                .iter()
                .map(|u| format!("{u:04X}"))
                .collect();
            entries.push(format!("<{lead:02X}{trail:02X}> <{utf16}>"));
        }
    }
    let mut s = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CMapName /Gongkai-Legacy-UCS def\n/CMapType 2 def\n\
         2 begincodespacerange\n<00> <80>\n<8140> <FEFE>\nendcodespacerange\n",
    );
    // At most a hundred entries a block, as the CMap format allows.
    for block in entries.chunks(100) {
        s.push_str(&format!("{} beginbfchar\n", block.len()));
        for e in block {
            s.push_str(e);
            s.push('\n');
        }
        s.push_str("endbfchar\n");
    }
    s.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    s.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::super::cmaps::tests::unembedded_pdf_in;

    /// Each line's codes in `encoding`, in hex: one byte for ASCII, two for the rest.
    fn hex_in(encoding: &'static encoding_rs::Encoding) -> impl Fn(&str) -> String {
        move |line: &str| {
            let (bytes, _, _) = encoding.encode(line);
            bytes.iter().map(|b| format!("{b:02X}")).collect()
        }
    }

    #[test]
    fn text_in_an_unembedded_font_of_a_gbk_or_big5_cmap_is_read() {
        for (cmap, encoding, text) in [
            (
                "GBK-EUC-H",
                encoding_rs::GBK,
                "二〇二五年政府信息公开工作年度报告\n行政许可 1024 件",
            ),
            ("GB-EUC-H", encoding_rs::GBK, "一、总体情况\n规章 0 0 0"),
            (
                "ETen-B5-H",
                encoding_rs::BIG5,
                "二〇二五年政府資訊公開工作年度報告\n行政許可 1024 件",
            ),
        ] {
            let pdf = unembedded_pdf_in(cmap, text, hex_in(encoding));
            let got = crate::parse::pdf::text(&pdf).unwrap_or_else(|e| panic!("{cmap}: {e}"));
            for line in text.lines() {
                assert!(got.contains(line), "{cmap}: {got}");
            }
        }
    }

    #[test]
    fn a_whole_report_in_a_gbk_cmap_reads_back_exactly() {
        let seed = include_str!("../../tests/fixtures/seeds/000_9f1a2ad731567797.txt");
        let want = crate::parse::parse(seed.as_bytes())
            .unwrap_or_else(|e| panic!("{e}"))
            .report;
        let text = crate::render::markdown(&want);
        let pdf = unembedded_pdf_in("GBK-EUC-H", &text, hex_in(encoding_rs::GBK));
        let got = crate::parse::parse(&pdf)
            .unwrap_or_else(|e| panic!("{e}"))
            .report;
        assert_eq!(got.table2, want.table2);
        assert_eq!(got.table3, want.table3);
        assert_eq!(got.table4, want.table4);
        assert_eq!((got.body, got.year), (want.body, want.year));
    }
}
